"""Checking XML output against the official IPTC schemas in ../shared/schemas (tests skip with a
reason when the folder is absent; the project does not ship IPTC's schema files)."""

from __future__ import annotations

from pathlib import Path

from articlekit import _xml
from articlekit.schemas import validate_xml

from conftest import shared_path


def schema_folder() -> Path:
    return shared_path("schemas")


def assert_schema_valid(data: bytes, kind: str) -> None:
    """``data`` is valid NewsML-G2 (``newsml``) or NITF (``nitf``); NITF inside a NewsML-G2
    ``inlineXML`` is checked against the NITF schema too, since the G2 schema does not."""
    folder = schema_folder()
    root, _ = _xml.parse(data)
    problems = validate_xml(root, kind, folder)
    assert problems == [], (problems, data.decode())
    for nitf in root.iter(f"{{{_xml.NITF}}}nitf"):
        if nitf is not root:
            assert validate_xml(nitf, "nitf", folder) == [], data.decode()
