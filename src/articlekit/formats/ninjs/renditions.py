"""Renditions (the files of an item: original, preview, thumbnail) in every ninjs version.

Each version defines its own rendition properties, and every schema rejects the others: 1.x keys
renditions by name in an object and says ``mimetype``; 2.x and 3.x list them with a ``name``;
3.x spells properties in camelCase and wants whole numbers for sizes. 3.2, 2.3 and 1.7 added
``resources`` (audio tracks, subtitles), 2.3 and 1.7 also the video properties 3.0 already had
(``aspectratio``, ``framerate``, ``poi`` ...), and the drafts 3.3, 2.4 and 1.8 ``extensions``.

:func:`rendition_properties` reads a rendition of any version into one spelling (2.x's: lower
case, ``contenttype``); :class:`RenditionWriter` writes such properties as one exact version
allows, naming what it had to leave out. Properties outside ninjs are read as they are and never
written.

:func:`model_rendition` and :func:`properties_of` map such properties to the article model's
:class:`~articlekit.model.Rendition` and back: ``name``, ``title``, ``href`` (``uri``),
``contenttype`` (``media_type``), ``width``, ``height`` and ``sizeinbytes`` (``size``) have fields;
everything else (``duration``, ``format``, the video properties, ``resources``, ``extensions``, a
value a field refuses) is kept in the rendition's ``extras`` as ``ninjs:<name>`` and written back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from articlekit._text import lazy_pattern, shortened
from articlekit.formats.ninjs.concepts import is_uri
from articlekit.formats.ninjs.versions import at_least, available, generation_of
from articlekit.model import Rendition


def _string(value: Any) -> bool:
    return isinstance(value, str)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _poi(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and set(value) <= {"x", "y"}
        and all(_integer(number) for number in value.values())
    )


def _extensions(value: Any) -> bool:
    return isinstance(value, dict) and all(_string(text) for text in value.values())


RESOURCE_PROPERTIES = ("role", "title", "language", "contenttype")
"""What a resource (an audio track, subtitles) of a rendition holds, in every version."""


def _resources(value: Any) -> bool:
    return isinstance(value, list)  # each resource is checked on its own


CHECKS: dict[str, Callable[[Any], bool]] = {
    "name": _string,
    "href": lambda value: _string(value) and is_uri(value),
    "contenttype": _string,
    "title": _string,
    "height": _number,
    "width": _number,
    "sizeinbytes": _number,
    "duration": _number,
    "format": _string,
    "aspectratio": _string,
    "videocodec": _string,
    "framerate": _number,
    "poi": _poi,
    "transportprotocol": _string,
    "scantype": lambda value: value in ("progressive", "interlaced"),
    "bitrate": _string,
    "resources": _resources,
    "extensions": _extensions,
}
"""Every rendition property of any version (2.x spelling) and what its schemas accept."""
NUMBERS = frozenset({"height", "width", "sizeinbytes", "duration", "framerate"})
_DECIMAL = lazy_pattern(r"\A[0-9]{1,15}(?:\.[0-9]{1,6})?\Z")
"""A number some producers write as text (``"width": "172"``), written as the number it is."""
WHOLE_IN_3 = frozenset({"height", "width", "sizeinbytes"})
"""Numbers 1.x and 2.x accept with a fraction, 3.x only whole."""
_VIDEO = (
    "aspectratio", "videocodec", "framerate", "poi", "transportprotocol", "scantype", "bitrate"
)  # fmt: skip

PROPERTIES = {
    "1": (
        frozenset({"href", "contenttype", "title", "height", "width", "sizeinbytes"}),
        {"duration": "1.2", "format": "1.2", **dict.fromkeys(_VIDEO, "1.7"),
         "resources": "1.7", "extensions": "1.8"},
    ),
    "2": (
        frozenset({"name", "href", "contenttype", "title", "height", "width", "sizeinbytes",
                   "duration", "format"}),
        {**dict.fromkeys(_VIDEO, "2.3"), "resources": "2.3", "extensions": "2.4"},
    ),
    "3": (
        frozenset({"name", "href", "contenttype", "title", "height", "width", "sizeinbytes",
                   "duration", "format", *_VIDEO}),
        {"resources": "3.2", "extensions": "3.3"},
    ),
}  # fmt: skip
"""Per generation: the rendition properties of its first version, and those added later."""

CAMEL = {
    "contenttype": "contentType", "sizeinbytes": "sizeInBytes", "aspectratio": "aspectRatio",
    "videocodec": "videoCodec", "framerate": "frameRate", "transportprotocol": "transportProtocol",
    "scantype": "scanType",
}  # fmt: skip
"""2.x spelling → 3.x spelling, where they differ."""
_READ = {name.lower(): name for name in CHECKS} | {"mimetype": "contenttype"}
KEY_1X = lazy_pattern(r"^[a-zA-Z0-9]")
"""What a rendition's key must start with in 1.x (from 1.5 an underscore too)."""
KEY_15 = lazy_pattern(r"^[a-zA-Z0-9_]")


def has(name: str, version: str) -> bool:
    """Whether renditions of ``version`` have the property ``name`` (2.x spelling)."""
    first, since = PROPERTIES[generation_of(version).major]
    return name in first or (name in since and available(since, name, version))


def rendition_properties(entry: dict[str, Any]) -> dict[str, Any]:
    """A rendition of any version with its ninjs properties in 2.x spelling (others as they
    are); a 1.x rendition's name (its key) is for the caller to add."""
    result: dict[str, Any] = {}
    for key, value in entry.items():
        name = _READ.get(key.lower(), key)
        if name == "resources" and isinstance(value, list):
            value = [  # noqa: PLW2901 (normalised in place)
                {_READ.get(inner.lower(), inner): text for inner, text in resource.items()}
                if isinstance(resource, dict)
                else resource
                for resource in value
            ]
        result[name] = value
    return result


def renditions_of(value: Any) -> list[dict[str, Any]] | None:
    """The renditions of a ``renditions`` property (a 1.x object or a 2.x/3.x array) in 2.x
    spelling, each with its name; ``None`` when the value is neither."""
    if isinstance(value, dict) and all(isinstance(entry, dict) for entry in value.values()):
        return [{"name": key, **rendition_properties(entry)} for key, entry in value.items()]
    if isinstance(value, list) and all(isinstance(entry, dict) for entry in value):
        return [rendition_properties(entry) for entry in value]
    return None


class RenditionWriter:
    """Writes renditions (2.x spelling in) as exactly one version allows, in its spelling,
    collecting in ``lost`` what it left out (naming a later version that has it, if any)."""

    def __init__(self, version: str, lost: list[str]) -> None:
        self.version = version
        self.generation = generation_of(version)
        self.lost = lost

    def spelt(self, name: str) -> str:
        """A rendition property's name (2.x spelling) in this version's spelling."""
        if self.generation.major == "1":
            return "mimetype" if name == "contenttype" else name
        return CAMEL.get(name, name) if self.generation.major == "3" else name

    def renditions(self, renditions: list[dict[str, Any]]) -> dict[str, Any] | list[Any]:
        """A ``renditions`` value: an object keyed by name in 1.x, a list otherwise. 2.x and 3.x
        require a name and 1.x keys start with a letter or digit (or ``_`` from 1.5): a
        rendition without a usable one is called ``rendition<n>``."""
        if self.generation.major != "1":
            return [
                self.rendition({"name": f"rendition{index}"} | rendition, _label(rendition, index))
                for index, rendition in enumerate(renditions, start=1)
            ]
        pattern = KEY_15 if at_least(self.version, "1.5") else KEY_1X
        keyed: dict[str, Any] = {}
        for index, rendition in enumerate(renditions, start=1):
            name = rendition.get("name")
            key = name if isinstance(name, str) and pattern.match(name) else f"rendition{index}"
            if key in keyed:
                key = f"{key}{index}"
            if key != name and name is not None:
                self.lost.append(f"the name {shortened(repr(name), 40)} of rendition {index}")
            keyed[key] = self.rendition(rendition, _label(rendition, index))
        return keyed

    def rendition(self, properties: dict[str, Any], label: str = "a rendition") -> dict[str, Any]:
        """One rendition; in 1.x without its name, which is its key."""
        entry: dict[str, Any] = {}
        for name, value in properties.items():
            if name == "name" and self.generation.major == "1":
                continue
            if name not in CHECKS or not has(name, self.version):
                self._lose(name, label)
            elif name == "resources":
                entry[name] = [
                    resource
                    for index, item in enumerate(value, start=1)
                    if (resource := self._resource(item, f"resource {index} of {label}"))
                    is not None
                ]
            elif self._fits(name, number := _number_of(name, value)):
                entry[self.spelt(name)] = number
            else:
                self.lost.append(
                    f"the {self.spelt(name)} of {label} ({shortened(repr(value), 40)} is not a "
                    f"valid value in ninjs {self.version})"
                )
        return entry

    def _fits(self, name: str, value: Any) -> bool:
        if self.generation.major == "3" and name in WHOLE_IN_3:
            return _integer(value)
        return CHECKS[name](value)

    def _lose(self, name: str, label: str) -> None:
        later = None
        if name in CHECKS:
            later = self.generation.first_with(name, self.version, has)
        where = ""
        if later is not None:
            where = f" ({'the draft ' if later in self.generation.drafts else ''}{later} has it)"
        self.lost.append(f"the {self.spelt(name)} of {label}{where}")

    def _resource(self, item: Any, label: str) -> dict[str, Any] | None:
        if not isinstance(item, dict):
            self.lost.append(label)
            return None
        resource: dict[str, Any] = {}
        for name, text in item.items():
            if name in RESOURCE_PROPERTIES and _string(text):  # contenttype in 1.x too
                camel = self.generation.major == "3"
                resource[CAMEL[name] if camel and name in CAMEL else name] = text
            else:
                self.lost.append(f"the {name} of {label}")
        return resource


def _number_of(name: str, value: Any) -> Any:
    """A number written as text (``"width": "172"``) as the number; anything else as it is."""
    if name in NUMBERS and isinstance(value, str) and _DECIMAL.match(value):
        return float(value) if "." in value else int(value)
    return value


def _label(rendition: dict[str, Any], index: int) -> str:
    name = rendition.get("name")
    return (
        f"the rendition {shortened(repr(name), 40)}"
        if isinstance(name, str)
        else f"rendition {index}"
    )


MODEL_FIELDS = {
    "name": "name", "title": "title", "href": "uri", "contenttype": "media_type",
    "width": "width", "height": "height", "sizeinbytes": "size",
}  # fmt: skip
"""Rendition properties (2.x spelling) with a field of the model's :class:`Rendition`."""
_NOT_A_KEY = lazy_pattern(r"\s")


def model_rendition(properties: dict[str, Any]) -> Rendition | None:
    """A rendition (2.x spelling, as :func:`renditions_of` gives) as the model's
    :class:`Rendition`, or ``None`` when it has no ``href`` the model takes (a model rendition
    needs a location)."""
    fields: dict[str, Any] = {}
    extras: dict[str, Any] = {}
    for name, value in properties.items():
        field = MODEL_FIELDS.get(name)
        if field is None:
            extras["ninjs:" + _NOT_A_KEY.sub("_", name)[:250]] = value
        else:
            fields[field] = (name, _number_of(name, value))
    while True:
        try:
            return Rendition(
                **{field: value for field, (_, value) in fields.items()}, extras=extras
            )
        except ValidationError as error:
            refused = {str(problem["loc"][0]) for problem in error.errors() if problem["loc"]}
            refused &= set(fields) - {"uri"}
            if not refused:  # no usable uri, or extras that are not plain JSON
                return None
            for field in refused:  # a value the field refuses travels in extras as it was
                name, _ = fields.pop(field)
                extras["ninjs:" + name] = properties[name]


def properties_of(
    rendition: Rendition, lost: list[str], label: str = "a rendition"
) -> dict[str, Any]:
    """The ninjs properties (2.x spelling) of a model rendition, for :class:`RenditionWriter`;
    appends to ``lost`` what ninjs has no place for (embedded bytes, other formats' extras)."""
    properties: dict[str, Any] = {}
    for name, field in MODEL_FIELDS.items():
        value = getattr(rendition, field)
        if value is not None:
            properties[name] = value
    if "contenttype" not in properties and rendition.effective_media_type is not None:
        properties["contenttype"] = rendition.effective_media_type
    if rendition.resource is not None:
        lost.append(f"the embedded file of {label} (ninjs refers to files by href)")
    for key, value in rendition.extras.items():
        if key.startswith("ninjs:"):
            properties.setdefault(key.removeprefix("ninjs:"), value)
        else:
            lost.append(f"{key} of {label}")
    return properties
