"""Whether a JSON object is a ninjs item: the types ninjs gives its properties, and the dialects
articlekit reads.

A ninjs item of any version has properties of fixed JSON types (``headline`` a string,
``headlines`` an array of objects, ``urgency`` a number); a value of another type is an error,
never coerced (a headline of ``12345`` is not a headline). What articlekit accepts besides the
versions' own properties is documented here: Superdesk's dialect (``guid`` instead of ``uri``,
``authors``, ``source`` as a string, ...), and a plain ``body`` or ``text`` string in an otherwise
ninjs-like object, read as the body with a warning. An item that names itself (``uri``, or
Superdesk's ``guid``) may carry other properties too, which go to ``extras`` with a warning; an
object that does neither is not ninjs, and the error names the first property that does not fit.
"""

from __future__ import annotations

from typing import Any

from articlekit.errors import InputError
from articlekit.formats.ninjs.versions import V1_PATTERNS, is_standard, normal

STRING, NUMBER, OBJECT, ARRAY = "a string", "a number", "an object", "an array"

_TEXT = (
    "uri type mimetype representationtype profile firstcreated versioncreated contentcreated "
    "contentdigitised embargoed expires pubstatus copyrightholder copyrightnotice usageterms "
    "ednote language by byline slugline located headline title version"
)
_LISTS = (
    "bodies descriptions headlines events event objects object genres genre infosources "
    "infosource organisations organisation people person places place subjects subject "
    "trustindicators trustindicator"
)
PROPERTIES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(_TEXT.split(), (STRING,)),
    **dict.fromkeys(_LISTS.split(), (ARRAY,)),
    **dict.fromkeys(("urgency", "charcount", "wordcount"), (NUMBER,)),
    **dict.fromkeys(("standard", "$standard", "rightsinfo", "digitalsourcetype"), (OBJECT,)),
    **dict.fromkeys(("altids", "associations", "renditions"), (OBJECT, ARRAY)),
    **dict.fromkeys(("eventdetails", "plannedcoverage"), (OBJECT, ARRAY)),
}
"""Every top-level property of ninjs 1.x-3.x (3.x names lower-cased, ``embargoedUntil`` as
``embargoed``), with its JSON types in the official schemas."""

SUPERDESK: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("guid", "firstpublished", "source", "evolvedfrom"), (STRING,)),
    **dict.fromkeys(("priority", "readtime"), (NUMBER,)),
    **dict.fromkeys(("authors", "service", "annotations", "keywords", "signal"), (ARRAY,)),
    "extra": (OBJECT,),
}
"""Superdesk's ninjs dialect: what its formatter writes besides ninjs 1.x."""

PLAIN_BODY = ("body", "text")
"""Properties of no ninjs version that hold a plain-text body in ninjs-like JSON."""

_MAPPED = (
    "bodies descriptions headlines genres genre infosources infosource organisations "
    "organisation people person places place subjects subject authors"
)
MAPPED_ENTRIES = frozenset(_MAPPED.split())
"""Arrays whose entries articlekit reads: each must be an object with text values."""
ENTRY_TEXT = frozenset(("name", "rel", "uri", "literal", "code", "scheme", "role", "value",
                        "contenttype"))  # fmt: skip

EXPECTED = 'neither canonical articlekit JSON (no "schema_version") nor ninjs'


def empty_object(where: str = "") -> InputError:
    """The error of an empty JSON object: no ``schema_version``, and nothing that says ninjs."""
    return InputError(f"{EXPECTED}: {where}an empty object, with no property of either")


def type_name(value: Any) -> str:
    if isinstance(value, str):
        return STRING
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return NUMBER
    if isinstance(value, dict):
        return OBJECT
    if isinstance(value, list):
        return ARRAY
    return "null"


def expected_types(name: str) -> tuple[str, ...] | None:
    """The JSON types a property may have in ninjs or a dialect (``()``: a property of a version
    whose types are not listed here, any); ``None`` for properties no version defines."""
    key = normal(name)
    if key in PROPERTIES:
        return PROPERTIES[key]
    if name.startswith(V1_PATTERNS):
        return (STRING,)
    if key in SUPERDESK:
        return SUPERDESK[key]
    return () if is_standard(name) else None


def check_item(item: dict[str, Any], where: str = "") -> list[str]:
    """Raise :class:`InputError` naming the first property of ``item`` that does not fit ninjs
    (a wrong type; an unknown property in an object that does not name itself as a ninjs item);
    otherwise the ways it departs from the standard, for a warning."""
    if not item:
        raise empty_object(where)
    named = isinstance(item.get("uri"), str) or isinstance(item.get("guid"), str)
    notes = []
    for name, value in item.items():
        types = expected_types(name)
        if name in PLAIN_BODY and types is None:
            if not isinstance(value, str):
                raise InputError(
                    f'{EXPECTED}: {where}"{name}" is {type_name(value)}; a plain body is a string'
                )
            notes.append(f'a plain "{name}" string read as the body')
            continue
        if types is None:
            if not named:
                raise InputError(
                    f'{EXPECTED}: {where}"{name[:60]}" is no property of ninjs 1.x-3.x or of '
                    'its Superdesk dialect, and the object has no "uri"'
                )
            continue
        if value is None:
            continue  # an explicit null says the property is absent
        if types and type_name(value) not in types:
            raise InputError(
                f'{EXPECTED}: {where}"{name}" is {type_name(value)}, where ninjs has '
                + " or ".join(types)
            )
        if normal(name) in MAPPED_ENTRIES:
            _check_entries(name, value, where)
    if not named:
        notes.append('no "uri", which every ninjs version requires')
    return notes


def _check_entries(name: str, entries: list[Any], where: str) -> None:
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise InputError(
                f'{EXPECTED}: {where}"{name}"[{index}] is {type_name(entry)}, where ninjs has an '
                "object"
            )
        for key, value in entry.items():
            if key.lower() in ENTRY_TEXT and value is not None and not isinstance(value, str):
                raise InputError(
                    f'{EXPECTED}: {where}"{name}"[{index}].{key} is {type_name(value)}, where '
                    "ninjs has a string"
                )
