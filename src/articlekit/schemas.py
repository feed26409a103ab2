"""The official IPTC schemas: where they are, and validating against them offline.

articlekit does not ship IPTC's schema files (their licences ask for attribution and they change
with each release); users download them from IPTC (https://iptc.org/standards/) and point
articlekit at the folder. The folder is, first found: the ``schemas`` argument (``--schemas DIR``),
the ``ARTICLEKIT_SCHEMAS`` environment variable, ``schemas = "DIR"`` under ``[tool.articlekit]`` in
the nearest ``pyproject.toml``. Files are looked up by their official names anywhere below it, so
IPTC's own layout (``newsml-g2/``, ``nitf/``, ``ninjs/``) and a flat folder both work. A folder of
newer releases works too: without the 2.35 NewsML-G2 Power XSD the newest later 2.x one is used,
and ninjs schemas are found for whatever versions the folder holds.

Schemas load with network access disabled; XSDs import their neighbours (``xml.xsd``) from disk.
Loaded schemas are cached for the life of the process.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from articlekit._text import lazy_pattern
from articlekit.config import find_config
from articlekit.errors import UsageError

ENVIRONMENT_VARIABLE = "ARTICLEKIT_SCHEMAS"

XML_SCHEMAS = {
    "newsml": "NewsML-G2_2.35-spec-All-Power.xsd",
    "nitf": "nitf-3-6.xsd",
}
NEWER_NEWSML = lazy_pattern(r"NewsML-G2_2\.(\d+)-spec-All-Power\.xsd")
"""Every NewsML-G2 2.x release accepts what the earlier ones do, so a folder holding only a later
Power XSD (``NewsML-G2_2.36-spec-All-Power.xsd``) judges NewsML-G2 as well."""
NINJS_SCHEMA = lazy_pattern(r"ninjs-schema_(\d+)\.(\d+)\.json")
"""ninjs schemas are found by IPTC's file names, for any version (``ninjs-schema_3.2.json``), so a
folder with versions newer than articlekit knows checks files that declare them."""
GEOJSON_SCHEMA = ("GeoJSON-schema.json", "https://geojson.org/schema/GeoJSON.json")


class NotCheckable(Exception):
    """The document is of a kind its schema cannot judge (un-namespaced NITF follows the DTD)."""


@dataclass(frozen=True)
class SchemaProblem:
    """One way a document breaks its schema."""

    message: str
    line: int | None = None
    column: int | None = None


def locate(explicit: str | Path | None = None, start: str | Path | None = None) -> Path | None:
    """The schema folder, or ``None`` when none is configured (schema checks are then skipped)."""
    if explicit:
        folder = Path(explicit)
    elif os.environ.get(ENVIRONMENT_VARIABLE):
        folder = Path(os.environ[ENVIRONMENT_VARIABLE])
    else:
        config = find_config(start)
        value = config.settings.get("schemas")
        if not value:
            return None
        if not isinstance(value, str) or "\0" in value:
            raise UsageError(
                "schemas in [tool.articlekit] must be a folder path", path=str(config.path)
            )
        folder = config.resolve(value)
    if "\0" in str(folder):
        raise UsageError("the schema folder's name holds a NUL character")
    if not folder.is_dir():
        if folder.exists():
            raise UsageError(
                "not a folder; schemas are given as the folder that holds them", path=str(folder)
            )
        raise UsageError("the schema folder does not exist", path=str(folder))
    return folder


@cache
def find_file(folder: Path, name: str) -> Path | None:
    """A schema file by its official name, in ``folder`` or anywhere below it."""
    direct = folder / name
    if direct.is_file():
        return direct
    return next(iter(sorted(folder.rglob(name))), None)


class SchemaMissing(UsageError):
    """The schema folder does not hold the schema a check needs (validate skips the check)."""


def _require(folder: Path, name: str) -> Path:
    path = find_file(folder, name)
    if path is None:
        raise SchemaMissing(f"{name} is not in the schema folder {folder}")
    return path


def xml_schema_file(folder: Path, kind: str) -> Path:
    """The XSD that judges ``kind`` (``newsml``, ``nitf``): the release the writers produce, else
    for NewsML-G2 the newest later 2.x release in the folder."""
    name = XML_SCHEMAS[kind]
    path = find_file(folder, name)
    if path is None and kind == "newsml":
        path = _newer_newsml(folder)
    if path is None:
        later = " (or a later 2.x release)" if kind == "newsml" else ""
        raise SchemaMissing(f"{name}{later} is not in the schema folder {folder}")
    return path


@cache
def _newer_newsml(folder: Path) -> Path | None:
    written = NEWER_NEWSML.fullmatch(XML_SCHEMAS["newsml"])
    assert written is not None
    found = [
        (int(match.group(1)), str(path), path)
        for path in folder.rglob("NewsML-G2_2.*-spec-All-Power.xsd")
        if (match := NEWER_NEWSML.fullmatch(path.name))
        and int(match.group(1)) > int(written.group(1))
    ]
    return max(found)[2] if found else None


@cache
def ninjs_versions(folder: Path) -> tuple[str, ...]:
    """The ninjs versions whose schemas are below ``folder``, oldest first."""
    found = {
        (int(match.group(1)), int(match.group(2)))
        for path in folder.rglob("ninjs-schema_*.json")
        if (match := NINJS_SCHEMA.fullmatch(path.name))
    }
    return tuple(f"{major}.{minor}" for major, minor in sorted(found))


@cache
def _xml_schema(path: Path) -> Any:
    from lxml import etree

    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    try:
        return etree.XMLSchema(etree.parse(str(path), parser))
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError, OSError) as error:
        raise UsageError(f"cannot load the schema: {error}", path=str(path)) from None


NITF_RELEASE = ("version", "change.date", "change.time")
"""The NITF root's attributes that name its release, which each release's XSD fixes to its own."""
_EARLIER_NITF = lazy_pattern(r"-//IPTC//DTD NITF 3\.[0-5]//EN")


def validate_xml(element: Any, kind: str, folder: Path) -> list[SchemaProblem]:
    """Problems of an lxml element (or tree) against the ``newsml`` or ``nitf`` XSD. A document
    of an earlier NITF 3.x release is judged by the 3.6 XSD but for the attributes that name its
    release (3.4's own ``version`` is no fault of the document)."""
    schema = _xml_schema(xml_schema_file(folder, kind))
    if kind == "nitf":
        element = _without_earlier_release(element)
    if schema.validate(element):
        return []
    return [
        SchemaProblem(entry.message, entry.line or None, entry.column or None)
        for entry in schema.error_log
    ]


def _without_earlier_release(element: Any) -> Any:
    """A copy of an NITF root of an earlier 3.x release without :data:`NITF_RELEASE` (the
    element itself otherwise)."""
    root = element.getroot() if hasattr(element, "getroot") else element
    if not _EARLIER_NITF.fullmatch(root.get("version") or ""):
        return element
    import copy

    judged = copy.deepcopy(root)
    for name in NITF_RELEASE:
        judged.attrib.pop(name, None)
    return judged


@cache
def _ninjs_validator(path: Path, geojson: Path | None) -> Any:
    from jsonschema.exceptions import SchemaError
    from jsonschema.validators import validator_for
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    registry: Registry[Any] = Registry()
    try:
        schema = _json_file(path)
        if geojson is not None:
            registry = registry.with_resource(
                GEOJSON_SCHEMA[1],
                Resource.from_contents(_json_file(geojson), default_specification=DRAFT202012),
            )
        cls = validator_for(schema)
        cls.check_schema(schema)
    except UsageError:
        raise
    except SchemaError as error:
        message = f"not a valid JSON Schema: {error.message}"
        raise UsageError(f"cannot load the schema: {message}", path=str(path)) from None
    except Exception as error:  # referencing's errors about a malformed schema have no common base
        raise UsageError(f"cannot load the schema: {error}", path=str(path)) from None
    return cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)


def _json_file(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise UsageError(f"cannot load the schema: {error}", path=str(path)) from None


def validate_ninjs(document: Any, version: str, folder: Path) -> list[SchemaProblem]:
    """Problems of a parsed ninjs document against the official schema of ``version``
    (``ninjs-schema_<version>.json`` in the folder, whichever versions it holds)."""
    name = f"ninjs-schema_{version}.json"
    if not NINJS_SCHEMA.fullmatch(name):
        raise UsageError(f"{version!r} is not a ninjs version (such as 3.2)")
    validator = _ninjs_validator(_require(folder, name), find_file(folder, GEOJSON_SCHEMA[0]))
    from referencing.exceptions import Unresolvable

    try:
        errors = sorted(
            validator.iter_errors(document), key=lambda error: list(map(str, error.absolute_path))
        )
    except Unresolvable as error:  # a $ref out of the folder (never fetched)
        raise UsageError(
            f"the ninjs {version} schema refers to what the folder does not hold: {error}",
            path=str(folder),
        ) from None
    return [
        SchemaProblem(f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}")
        for error in errors
    ]
