"""The three generations of ninjs, their property names, and telling them apart by content.

ninjs 1.x (2013-) has flat singular properties (``headline``, ``byline``, ``subject``, ``body_*``);
2.x (2019-) renamed them to arrays of objects (``headlines``, ``bodies``, ``subjects``, ``by``);
3.x (2021-) is 2.x in camelCase (``versionCreated``, ``pubStatus``) with events and planning
added. Every schema rejects unknown properties, so the writer needs to know exactly which
properties each minor version has; the names below are those of the official schemas.

IPTC approved 3.2, 2.3 and 1.7 on 16 October 2025 and has published 3.3, 2.4 and 1.8 as drafts
(proposals the committee has not decided on). Everything is read; writers produce the newest
approved version unless a version is asked for by number, a draft only that way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from articlekit.errors import UsageError


@dataclass(frozen=True)
class Generation:
    """One major version of ninjs: its minor versions and what the writer may use in each."""

    major: str
    latest: str
    """The newest version IPTC approved: what the writer produces by default."""
    minors: tuple[str, ...]
    """Every version of the generation, oldest first, drafts included."""
    drafts: frozenset[str]
    """Versions IPTC published as proposals and has not approved."""
    properties: frozenset[str]
    """Top-level properties of the newest minor version."""
    since: dict[str, str]
    """Properties added after the first minor version, with the version that added them."""

    def has(self, name: str, version: str) -> bool:
        """Whether the minor ``version`` defines the top-level property ``name``."""
        return available(self.since, name, version)

    def first_with(
        self, name: str, version: str, has: Callable[[str, str], bool] | None = None
    ) -> str | None:
        """The first version after ``version`` that has the property ``name`` (top-level, or as
        ``has(name, version)`` tells)."""
        has = has or self.has
        later = self.minors[self.minors.index(version) + 1 :]
        return next((other for other in later if has(name, other)), None)


def at_least(version: str, other: str) -> bool:
    """Whether ``version`` is ``other`` or later (``"1.10"`` is after ``"1.9"``)."""
    return _key(version) >= _key(other)


def available(since: dict[str, str], name: str, version: str) -> bool:
    """Whether ``name`` is in ``version``, given the versions that added names (``since``)."""
    added = since.get(name)
    return added is None or at_least(version, added)


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


V1 = Generation(
    "1",
    "1.7",
    ("1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8"),
    frozenset({"1.8"}),
    _names(
        "uri type mimetype representationtype profile version firstcreated versioncreated "
        "contentcreated embargoed pubstatus urgency copyrightholder copyrightnotice usageterms "
        "ednote language person organisation place subject event object infosource title byline "
        "headline slugline located charcount wordcount renditions associations altids "
        "trustindicator $standard genre expires rightsinfo digitalsourcetype contentdigitised"
    ),
    {
        "urgency": "1.1",
        "usageterms": "1.1",
        "firstcreated": "1.2",
        "ednote": "1.2",
        "slugline": "1.2",
        "infosource": "1.2",
        "title": "1.2",
        "charcount": "1.2",
        "wordcount": "1.2",
        "headline_": "1.3",
        "genre": "1.3",
        "$standard": "1.3",
        "altids": "1.3",
        "trustindicator": "1.3",
        "contentcreated": "1.4",
        "expires": "1.4",
        "rightsinfo": "1.4",
        "digitalsourcetype": "1.6",
        "contentdigitised": "1.8",
    },
)
V1_PATTERNS = ("body_", "description_", "headline_")
"""1.x also accepts any property starting with these (``body_html``, ``headline_sub``)."""

V2 = Generation(
    "2",
    "2.3",
    ("2.0", "2.1", "2.2", "2.3", "2.4"),
    frozenset({"2.4"}),
    _names(
        "uri type representationtype profile version firstcreated versioncreated contentcreated "
        "embargoed pubstatus urgency copyrightholder copyrightnotice usageterms ednote language "
        "descriptions bodies headlines people organisations places subjects events objects "
        "infosources title by slugline located renditions associations altids trustindicators "
        "standard genres expires rightsinfo digitalsourcetype contentdigitised"
    ),
    {"expires": "2.1", "digitalsourcetype": "2.2", "contentdigitised": "2.4"},
)

V3 = Generation(
    "3",
    "3.2",
    ("3.0", "3.1", "3.2", "3.3"),
    frozenset({"3.3"}),
    _names(
        "uri type representationType profile version firstCreated versionCreated contentCreated "
        "embargoedUntil pubStatus urgency copyrightHolder copyrightNotice usageTerms edNote "
        "language descriptions bodies headlines people organisations places subjects events "
        "eventDetails plannedCoverage objects infoSources title by slugline located renditions "
        "associations altIds trustIndicators standard genres expires rightsInfo "
        "digitalSourceType contentDigitised"
    ),
    {"digitalSourceType": "3.1", "contentDigitised": "3.3"},
)

GENERATIONS = {"1": V1, "2": V2, "3": V3}
WRITER_NAMES = {"ninjs": V3, "ninjs2": V2, "ninjs1": V1}


def generation_of(version: str) -> Generation:
    return GENERATIONS[version.split(".", maxsplit=1)[0]]


def normal(name: str) -> str:
    """A property name with the 2.x/3.x spelling difference removed (``pubStatus`` → ``pubstatus``).

    3.x renamed one property besides changing case: ``embargoed`` became ``embargoedUntil``.
    """
    lower = name.lower()
    return "embargoed" if lower == "embargoeduntil" else lower


_ALL_NORMAL = frozenset(
    normal(name) for generation in (V1, V2, V3) for name in generation.properties
)


def is_standard(name: str) -> bool:
    """Whether some ninjs version defines a top-level property of this name (in any spelling)."""
    return normal(name) in _ALL_NORMAL or name.startswith(V1_PATTERNS)


def _fits(document: dict[str, Any], generation: Generation) -> int:
    """How many of the document's top-level properties ``generation`` defines, as spelt."""
    return sum(
        1
        for name in document
        if name in generation.properties or (generation is V1 and name.startswith(V1_PATTERNS))
    )


def declared_version(document: dict[str, Any]) -> str | None:
    """The version a ``standard`` (3.x, 2.x) or ``$standard`` (1.x) object naming ninjs declares,
    as written (it may be one articlekit does not know), or ``None``."""
    for key in ("standard", "$standard"):
        standard = document.get(key)
        if isinstance(standard, dict) and str(standard.get("name", "")).lower() == "ninjs":
            version = standard.get("version")
            if isinstance(version, int | float) and not isinstance(version, bool):
                return str(version)  # a number where the schema asks for a string
            return version.strip() if isinstance(version, str) else None
    return None


def detect_version(document: dict[str, Any]) -> tuple[str, bool]:
    """The ninjs version a document is written in, and whether it fits that version's names.

    A declared version (:func:`declared_version`) that articlekit knows decides. Otherwise the
    generation whose property names cover most of the document wins (the newest on a tie), with
    its newest approved version; a document that uses names no single generation has
    (Superdesk's ``guid`` beside 1.x names) is a dialect: ``fits`` is false.
    """
    version = declared_version(document)
    generation = GENERATIONS.get((version or "").split(".", maxsplit=1)[0])
    if version is not None and generation is not None and version in generation.minors:
        return version, _fits(document, generation) == len(document)
    best = max((V3, V2, V1), key=lambda generation: _fits(document, generation))
    return best.latest, _fits(document, best) == len(document)


def writer_version(writer_name: str, option: str | None) -> str:
    """The exact version a writer produces: its generation's newest approved version, or
    ``ninjs-version`` (any version of the generation, drafts included)."""
    generation = WRITER_NAMES[writer_name]
    if option is None:
        return generation.latest
    if option not in generation.minors:
        known = ", ".join(
            version + (" (draft)" if version in generation.drafts else "")
            for version in generation.minors
        )
        raise UsageError(
            f"ninjs-version={option} is not a version the {writer_name} writer produces "
            f"({known}); ninjs 3.x is the format ninjs, 2.x ninjs2, 1.x ninjs1"
        )
    return option


def is_draft(version: str) -> bool:
    """Whether IPTC published ``version`` as a draft it has not approved."""
    return version in generation_of(version).drafts
