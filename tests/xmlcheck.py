"""Helpers of the NewsML-G2, NITF and ninjs tests: checking output against the official IPTC
schemas in ../shared/schemas (tests skip with a reason when the folder is absent; the project does
not ship IPTC's schema files), warning codes, dates as the files write them."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from articlekit import Article, Result, _xml, read, write
from articlekit.model import (
    Concept,
    Dateline,
    Heading,
    List,
    ListItem,
    Paragraph,
    Person,
    Quote,
    Rights,
    Source,
    Span,
)
from articlekit.schemas import validate_ninjs, validate_xml

from conftest import shared_path


def schema_folder() -> Path:
    return shared_path("schemas")


def written_and_read(
    article: Article, kind: str, options: dict[str, str] | None = None
) -> tuple[Result[bytes], Article]:
    """``article`` written as ``kind`` (``newsml`` or ``nitf``), the output checked against its
    schema, and what a reader makes of it."""
    written = write(article, format=kind, options=options)
    assert_schema_valid(written.value, kind)
    return written, read(written.value, format=kind).value


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


NINJS_WRITERS = {"ninjs": "3.2", "ninjs2": "2.3", "ninjs1": "1.7"}
"""The ninjs writers and the version each writes."""


def assert_ninjs_valid(data: bytes, version: str) -> None:
    """``data`` is valid against IPTC's schema of ninjs ``version``."""
    problems = validate_ninjs(json.loads(data), version, shared_path("schemas", "ninjs"))
    assert problems == [], problems[:3]


LOSS_CODES = {"field-dropped", "formatting-dropped", "structure-flattened"}
"""Warnings that say a writer lost something (each format adds its not-round-trippable code)."""


def codes(result: Any) -> list[str]:
    """The warning codes of a read or write result."""
    return [warning.code for warning in result.warnings]


def iso(value: date | datetime | None) -> str:
    return value.isoformat() if value is not None else ""


def harbour_article() -> Article:
    """An invented story with every field NewsML-G2 carries set, and every kind of block."""
    return Article(
        id="urn:example:ferries:1",
        version=3,
        headline="Night Ferries Return to the Harbour",
        subheadline="Winter timetable adds two late crossings",
        slugline="ferries-winter",
        byline="By Ana Ruiz and Tom Berg, Staff Writers",
        authors=[
            Person(name="Ana Ruiz", role="Staff Writers", uri="https://example.org/staff/ruiz"),
            Person(name="Tom Berg", role="Staff Writers"),
        ],
        source=Source(name="Westcliff Courier", uri="https://example.org/courier"),
        dateline=Dateline(place="PORT ALDWIN", date_text="Nov 3", agency="WC"),
        published=datetime.fromisoformat("2024-11-03T08:00:00+01:00"),
        updated=datetime.fromisoformat("2024-11-03T09:30:00+01:00"),
        created=date(2024, 11, 2),
        language="en-GB",
        summary="Two late crossings are back.\n\nThe council pays\nfor the first month.",
        editor_note="Photos to follow.",
        subjects=[
            Concept(
                name="transport",
                code="04018000",
                vocabulary="http://cv.iptc.org/newscodes/subjectcode/",
            ),
            Concept(name="ferry service", code="x-17", vocabulary="https://example.org/topics/"),
            Concept(name="tourism", code="20000355", vocabulary="medtopx"),
        ],
        keywords=["ferries", "timetable"],
        places=[Concept(name="Port Aldwin", code="PA", vocabulary="https://example.org/places/")],
        people=[Concept(name="Mira Holt")],
        organisations=[Concept(name="Harbour Board", uri="https://example.org/orgs/hb")],
        genres=[
            Concept(
                name="Current", code="current", vocabulary="http://cv.iptc.org/newscodes/genre/"
            )
        ],
        rights=Rights(
            holder="Westcliff Courier",
            notice="(c) 2024 Westcliff Courier",
            usage_terms="Not for resale.",
        ),
        urgency=4,
        status="usable",
        body=[
            Paragraph(
                content=[
                    Span(text="The "),
                    Span(text="night", strong=True),
                    Span(text=" ferries ", emphasis=True),
                    Span(text="are back", strong=True, emphasis=True, link="https://example.org/f"),
                    Span(text="."),
                ]
            ),
            Heading(level=3, content=[Span(text="Timetable")]),
            Heading(level=2, content=[Span(text="Fares")]),
            Quote(blocks=[Paragraph(content=[Span(text="We are delighted,\nreally.")])]),
            List(
                ordered=True,
                items=[
                    ListItem(blocks=[Paragraph(content=[Span(text="21:40")])]),
                    ListItem(
                        blocks=[
                            Paragraph(content=[Span(text="23:10")]),
                            List(items=[ListItem(blocks=[Paragraph(content=[Span(text="Fri")])])]),
                        ]
                    ),
                ],
            ),
        ],
    )
