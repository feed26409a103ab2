"""The embargo (schema 1.3): read from and written to NITF (``docdata/date.release``), NewsML-G2
(``itemMeta/embargoed``) and ninjs (``embargoed``, 3.x ``embargoedUntil``), carried by canonical
JSON, DOCX (its embedded copy), HTML and Markdown, and named in a ``field-dropped`` warning by
the writers that cannot hold it. Every XML and ninjs output is checked against the official
schema of its format."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from articlekit import Article, Result, read, write
from articlekit.model import Paragraph, Span
from articlekit.prose.headers import flags_above, is_flag_line
from xmlcheck import NINJS_WRITERS, assert_ninjs_valid, assert_schema_valid, written_and_read

from conftest import shared_path

LIFTED = datetime(2031, 3, 4, 5, 30, tzinfo=timezone(timedelta(hours=1)))
"""When the invented stories below may be published."""
LATEST = timezone(timedelta(hours=-12))
"""Where a wall-clock time comes last: an embargo printed without its zone is kept there."""


def embargo_end(value: date) -> datetime:
    """When an embargo ends at the latest: a date alone when that day has begun everywhere."""
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, time(), LATEST)


TIDE_TABLES = Article(
    id="urn:example:tides:7",
    headline="Harbour Board Publishes New Tide Tables",
    published=datetime(2031, 3, 3, 18, 0, tzinfo=UTC),
    embargoed=LIFTED,
    body=[Paragraph(content=[Span(text="The tables cover the spring season for the first time.")])],
)

NITF_EMBARGOED = b"""<?xml version="1.0" encoding="UTF-8"?>
<nitf>
  <head>
    <docdata>
      <doc-id id-string="tides-7"/>
      <date.issue norm="20310303T180000Z"/>
      <date.release norm="20310304T053000+0100"/>
    </docdata>
  </head>
  <body>
    <body.head><hedline><hl1>Harbour Board Publishes New Tide Tables</hl1></hedline></body.head>
    <body.content><p>The tables cover the spring season for the first time.</p></body.content>
  </body>
</nitf>
"""

NEWSML_EMBARGOED = b"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:example:tides:7"
    standard="NewsML-G2" standardversion="2.35" conformance="power">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_40.xml"/>
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider literal="harbour-courier"/>
    <versionCreated>2031-03-03T18:00:00Z</versionCreated>
    <embargoed>2031-03-04T05:30:00+01:00</embargoed>
  </itemMeta>
  <contentMeta><headline>Harbour Board Publishes New Tide Tables</headline></contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Tides</title></head>
        <body><p>The tables cover the spring season for the first time.</p></body></html>
    </inlineXML>
  </contentSet>
</newsItem>
"""

NINJS_EMBARGOED = {
    "uri": "urn:example:tides:7",
    "type": "text",
    "headlines": [{"role": "main", "value": "Harbour Board Publishes New Tide Tables"}],
    "embargoedUntil": "2031-03-04T05:30:00+01:00",
    "bodies": [{"contentType": "text/plain", "value": "The tables cover the spring season."}],
}


# --- reading ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data", [NITF_EMBARGOED, NEWSML_EMBARGOED, json.dumps(NINJS_EMBARGOED).encode()]
)
def test_each_iptc_format_reads_its_embargo_into_the_field(data: bytes) -> None:
    article = read(data).value
    assert article.embargoed == LIFTED
    assert not any("embargo" in key or "release" in key for key in article.extras)


def test_a_nitf_release_date_that_is_no_date_is_kept_in_extras_and_reported() -> None:
    data = NITF_EMBARGOED.replace(b"20310304T053000+0100", b"YYYYMMDD000000-HHMM")
    result = read(data)
    assert result.value.embargoed is None
    assert result.value.extras["nitf:docdata/date.release"] == {"@norm": "YYYYMMDD000000-HHMM"}
    assert [w.message for w in result.warnings if w.code == "date-unparsed"] == [
        "date.release 'YYYYMMDD000000-HHMM' is not a date; kept in extras"
    ]


def test_an_empty_newsml_embargo_says_not_embargoed_and_stays_in_extras() -> None:
    data = NEWSML_EMBARGOED.replace(b"2031-03-04T05:30:00+01:00", b"")
    article = read(data).value
    assert article.embargoed is None
    assert article.extras["newsml:itemMeta/embargoed"] == [""]


def test_a_release_time_without_zone_keeps_its_time_at_utc_minus_12_and_its_text() -> None:
    data = NITF_EMBARGOED.replace(b"20310304T053000+0100", b"20310304T053000")
    article = read(data).value
    assert article.embargoed == datetime(2031, 3, 4, 5, 30, tzinfo=LATEST)
    assert article.extras["nitf:date.release/@norm"] == "20310304T053000"
    zoned = read(data, options={"timezone": "Europe/Paris"}).value
    assert zoned.embargoed == LIFTED


# --- the IPTC formats keep it ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["nitf", "newsml"])
def test_nitf_and_newsml_round_trip_the_embargo(kind: str) -> None:
    written, back = written_and_read(TIDE_TABLES, kind)
    assert back.embargoed == LIFTED
    assert "embargoed" not in " ".join(w.message for w in written.warnings)


@pytest.mark.parametrize("kind", ["nitf", "newsml"])
def test_nitf_and_newsml_write_an_embargo_date_as_its_midnight_at_utc_minus_12(
    kind: str,
) -> None:
    """Its midnight without zone, as other dates alone are written, would lift the embargo early
    wherever it is read in a zone ahead of the source's."""
    article = TIDE_TABLES.model_copy(update={"embargoed": date(2031, 3, 4)})
    written, back = written_and_read(article, kind)
    assert back.embargoed == datetime(2031, 3, 4, tzinfo=LATEST)
    [warning] = [w for w in written.warnings if "embargoed" in w.fields]
    assert warning.code == f"{kind}-not-round-trippable"
    assert "2031-03-04 alone was written as 2031-03-04T00:00:00-12:00" in warning.message


def test_nitf_writes_the_release_date_and_newsml_the_embargoed_element() -> None:
    nitf = write(TIDE_TABLES, format="nitf").value
    assert b'<date.release norm="20310304T053000+0100"/>' in nitf
    newsml = write(TIDE_TABLES, format="newsml").value
    assert b"<embargoed>2031-03-04T05:30:00+01:00</embargoed>" in newsml


@pytest.mark.parametrize("source", [NITF_EMBARGOED, NEWSML_EMBARGOED])
@pytest.mark.parametrize("target", ["nitf", "newsml", "ninjs", "ninjs2", "ninjs1"])
def test_every_conversion_between_iptc_formats_keeps_the_embargo(
    source: bytes, target: str
) -> None:
    written = write(read(source).value, format=target)
    if target.startswith("ninjs"):
        assert_ninjs_valid(written.value, NINJS_WRITERS[target])
    else:
        assert_schema_valid(written.value, target)
    assert read(written.value).value.embargoed == LIFTED
    assert not [w for w in written.warnings if "extras" in w.fields]


@pytest.mark.parametrize("target", ["nitf", "newsml"])
def test_a_superdesk_embargo_reaches_nitf_and_newsml(target: str) -> None:
    path = shared_path("corpus", "ninjs", "superdesk-ninjs-embargoed.json")
    article = read(path).value
    assert article.embargoed == datetime(2022, 6, 29, 2, 30, tzinfo=UTC)
    _, back = written_and_read(article, target)
    assert back.embargoed == article.embargoed


@pytest.mark.parametrize(("writer", "version"), NINJS_WRITERS.items())
def test_ninjs_writes_the_embargo_in_each_generations_spelling(writer: str, version: str) -> None:
    written = write(TIDE_TABLES, format=writer)
    document = json.loads(written.value)
    name = "embargoedUntil" if version.startswith("3") else "embargoed"
    assert document[name] == "2031-03-04T05:30:00+01:00"
    assert_ninjs_valid(written.value, version)
    assert read(written.value).value.embargoed == LIFTED


def test_ninjs_widens_an_embargo_date_to_its_midnight_at_utc_minus_12_and_says_so() -> None:
    written = write(TIDE_TABLES.model_copy(update={"embargoed": date(2031, 3, 4)}), format="ninjs")
    assert json.loads(written.value)["embargoedUntil"] == "2031-03-04T00:00:00-12:00"
    widened = [w for w in written.warnings if w.code == "ninjs-date-widened"]
    assert widened and widened[0].fields == ("embargoed",)


def test_an_article_read_before_schema_1_3_still_writes_its_ninjs_embargo() -> None:
    """Articles read from ninjs before the field kept the embargo in extras."""
    document = {
        "schema_version": "1.2",
        "headline": "Harbour Board Publishes New Tide Tables",
        "extras": {"ninjs:embargoed": "2031-03-04T05:30:00+01:00"},
    }
    article = Article.model_validate(document)
    written = write(article, format="ninjs")
    assert json.loads(written.value)["embargoedUntil"] == "2031-03-04T05:30:00+01:00"
    assert read(written.value).value.embargoed == LIFTED


# --- the other formats --------------------------------------------------------------------------


def test_text_writes_the_embargo_above_the_headline() -> None:
    written = write(TIDE_TABLES, format="text")
    assert written.value.startswith(b"EMBARGOED UNTIL ")
    assert not any("embargoed" in w.fields for w in written.warnings)
    assert read(written.value, format="text").value.embargoed == TIDE_TABLES.embargoed


DECKED = (
    "Harbour Board Publishes New Tide Tables\nSpring season covered for the first time\n\n"
    "By Jane Doe\n\nThe tables cover the spring season for the first time, the board said on "
    "Monday, after a winter of complaints from the harbour's fishermen.\n\nNobody had asked "
    "them before, said a skipper who has fished out of the port for thirty years.\n"
)
"""A story laid out as the text writer lays out a headline with a deck and a byline (which the
reader finds the way it finds an article in a web copy)."""


@pytest.mark.parametrize(
    ("flag", "embargoed", "held"),
    [
        ("EMBARGOED UNTIL 00:01 GMT 5 JUNE 2030", datetime(2030, 6, 5, 0, 1, tzinfo=UTC), False),
        ("Sperrfrist: 5. Juni 2030, 10 Uhr",  # (no zone: its latest meaning, at UTC-12)
         datetime(2030, 6, 5, 10, 0, tzinfo=timezone(timedelta(hours=-12))), False),
        ("EMBARGOED UNTIL FURTHER NOTICE", None, True),
        ("FOR IMMEDIATE RELEASE", None, False),
    ],
)  # fmt: skip
def test_flag_lines_over_a_headline_with_a_deck_are_read_not_left_out_as_furniture(
    flag: str, embargoed: datetime | None, held: bool
) -> None:
    """Such a text was read as a web copy whose first line, the flag, was page furniture: the
    embargo left out (said only as furniture), the hold too, and the story looked publishable."""
    result = read(f"{flag}\n\n{DECKED}".encode(), format="text")
    article = result.value
    assert (article.headline, article.subheadline) == (
        "Harbour Board Publishes New Tide Tables",
        "Spring season covered for the first time",
    )
    assert article.byline == "By Jane Doe" and article.extras["text:flags"] == [flag]
    assert article.embargoed == embargoed
    assert (article.status == "withheld") is held
    assert "text-boilerplate-dropped" not in {w.code for w in result.warnings}


def test_flag_lines_apart_over_a_headline_are_read_and_a_pages_banner_is_not_a_flag() -> None:
    """A press release's release line and embargo line with a blank line between them; and a
    page's "BREAKING" banner over its menu, which is the page's furniture, not a flag."""
    release = "FOR IMMEDIATE RELEASE\n\nEMBARGOED UNTIL 00:01 GMT 5 JUNE 2030\n\n"
    article = read(f"{release}{DECKED}".encode(), format="text").value
    assert article.extras["text:flags"] == [
        "FOR IMMEDIATE RELEASE", "EMBARGOED UNTIL 00:01 GMT 5 JUNE 2030"
    ]  # fmt: skip
    assert article.embargoed == datetime(2030, 6, 5, 0, 1, tzinfo=UTC)
    assert article.headline == "Harbour Board Publishes New Tide Tables"
    for lines in ("\n\n", "\n\n\n\n"):  # (a web copy's, a plain text's: each flag's own line)
        held = f"FOR IMMEDIATE RELEASE{lines}EMBARGOED UNTIL FURTHER NOTICE\n\n"
        plain = DECKED.replace("\n\nBy Jane Doe", "") if lines == "\n\n" else DECKED
        result = read(f"{held}{plain}".encode(), format="text")
        [warning] = [w for w in result.warnings if w.code == "embargo-indefinite"]
        assert warning.line == lines.count("\n") + 1
    menu = "BREAKING\nSkip to main content\n\n* News\n* Sport\n* Weather\nSign in\n\n"
    page = read(f"{menu}{DECKED}".encode(), format="text")
    assert "text:flags" not in page.value.extras and page.value.embargoed is None
    assert "BREAKING" in page.value.extras["text:removed_lines"]


def test_the_text_writers_layout_of_a_deck_and_byline_keeps_its_embargo() -> None:
    article = read(DECKED.encode(), format="text").value.model_copy(
        update={"embargoed": datetime(2031, 3, 4, 4, 30, tzinfo=UTC)}
    )
    written = write(article, format="text")
    assert written.value.startswith(b"EMBARGOED UNTIL ")
    again = read(written.value, format="text").value
    assert (again.embargoed, again.subheadline, again.byline) == (
        article.embargoed, article.subheadline, article.byline
    )  # fmt: skip


def test_text_writes_one_embargo_line_in_place_of_one_it_could_not_read() -> None:
    """The line that could not be read stayed beside the notice written: two embargo lines that
    disagree. A line that gives no end, the most a flag can hold back, stays."""
    flags = ["EMBARGOED UNTIL 10AM", "FOR IMMEDIATE RELEASE"]
    article = TIDE_TABLES.model_copy(update={"extras": {"text:flags": flags}})
    lines = write(article, format="text").value.decode().splitlines()
    assert lines[:3] == [SHOWN_NOTICE, "FOR IMMEDIATE RELEASE", ""]
    no_end = ["EMBARGOED UNTIL FURTHER NOTICE"]
    article = TIDE_TABLES.model_copy(update={"extras": {"text:flags": no_end}})
    lines = write(article, format="text").value.decode().splitlines()
    assert lines[:2] == [SHOWN_NOTICE, "EMBARGOED UNTIL FURTHER NOTICE"]


@pytest.mark.parametrize("kind", ["json", "html", "markdown", "docx"])
def test_formats_that_carry_the_whole_article_round_trip_the_embargo(kind: str) -> None:
    pytest.importorskip("docx") if kind == "docx" else None
    written = write(TIDE_TABLES, format=kind)
    assert read(written.value, format=kind).value.embargoed == LIFTED
    assert not [w for w in written.warnings if "embargoed" in w.fields]


SHOWN_NOTICE = "EMBARGOED UNTIL 2031-03-04T05:30:00+01:00"


def test_docx_shows_the_embargo_above_the_headline_and_reads_it_back_from_there() -> None:
    """An editor opening the file sees the embargo, as in the text output; the visible document
    alone (the embedded copy ignored) gives it back."""
    pytest.importorskip("docx")
    written = write(TIDE_TABLES, format="docx")
    assert not [w for w in written.warnings if "embargoed" in w.message]
    shown = read(written.value, format="docx", options={"embedded": "ignore"}).value
    assert (shown.embargoed, shown.headline) == (LIFTED, TIDE_TABLES.headline)
    assert shown.extras == {"docx:flags": [SHOWN_NOTICE]}


def test_html_shows_the_embargo_above_the_headline() -> None:
    page = write(TIDE_TABLES, format="html").value.decode()
    assert f'<p class="flags">{SHOWN_NOTICE}</p>\n<h1>' in page
    again = read(page.encode(), format="html").value
    assert (again.embargoed, again.headline, again.extras) == (LIFTED, TIDE_TABLES.headline, {})


@pytest.mark.parametrize("kind", ["html", "docx"])
def test_a_lifted_embargo_is_not_shown(kind: str) -> None:
    pytest.importorskip("docx") if kind == "docx" else None
    lifted = TIDE_TABLES.model_copy(update={"embargoed": None})
    again = read(write(lifted, format=kind).value, format=kind, options={"embedded": "ignore"})
    assert again.value.embargoed is None
    assert again.value.headline == TIDE_TABLES.headline


def _notice_edited_in_word(
    text: str, article: Article = TIDE_TABLES, line: str = SHOWN_NOTICE
) -> Result[Article]:
    """``article`` written to Word, its flag paragraph ``line`` changed to ``text``, read."""
    docx = pytest.importorskip("docx")
    import io

    document = docx.Document(io.BytesIO(write(article, format="docx").value))
    [notice] = [p for p in document.paragraphs if p.text == line]
    notice.text = text
    edited = io.BytesIO()
    document.save(edited)
    return read(edited.getvalue(), format="docx")


def test_an_embargo_paragraph_edited_in_word_is_read_from_the_document() -> None:
    """The embedded copy gives the fields Word does not print; the embargo Word now prints
    above the headline is the editor's: changed there, it is read from there."""
    result = _notice_edited_in_word("EMBARGOED UNTIL 10:00 GMT 6 MARCH 2031")
    assert result.value.embargoed == datetime(2031, 3, 6, 10, 0, tzinfo=UTC)
    assert result.value.extras == {"docx:flags": ["EMBARGOED UNTIL 10:00 GMT 6 MARCH 2031"]}
    [stale] = [w.message for w in result.warnings if w.code == "docx-embedded-article-stale"]
    assert "(embargoed)" in stale


def test_an_embargo_line_edited_on_a_page_articlekit_wrote_is_read_from_the_page() -> None:
    """The page's hidden articlekit fields won over the notice an editor changed."""
    page = write(TIDE_TABLES, format="html").value.decode()
    edited = page.replace(SHOWN_NOTICE, "EMBARGOED UNTIL 10:00 GMT 6 MARCH 2031")
    assert edited != page
    again = read(edited.encode(), format="html").value
    assert again.embargoed == datetime(2031, 3, 6, 10, 0, tzinfo=UTC)
    assert again.headline == TIDE_TABLES.headline
    no_end_page = page.replace(SHOWN_NOTICE, "EMBARGOED UNTIL FURTHER NOTICE")
    no_end = read(no_end_page.encode(), format="html")
    assert no_end.value.embargoed == LIFTED  # (the hidden one: held at least until then)
    assert no_end.value.status == "withheld"  # (IPTC's "until further notice")
    assert "embargo-indefinite" in [warning.code for warning in no_end.warnings]
    # (the editor's line is kept and shown again, where the warning says it is)
    assert no_end.value.extras == {"html:flags": ["EMBARGOED UNTIL FURTHER NOTICE"]}
    assert b"EMBARGOED UNTIL FURTHER NOTICE" in write(no_end.value, format="text").value


def test_an_embargo_paragraph_left_as_written_keeps_the_embedded_embargo() -> None:
    docx = pytest.importorskip("docx")
    import io

    document = docx.Document(io.BytesIO(write(TIDE_TABLES, format="docx").value))
    document.paragraphs[-1].text = "The tables now cover the whole year."
    edited = io.BytesIO()
    document.save(edited)
    result = read(edited.getvalue(), format="docx").value
    assert (result.embargoed, result.extras) == (LIFTED, {})


# --- never lifted earlier than the source says ------------------------------------------------

FERRY_STORY = """{flag}

Ferry Timetable Changes Announced For Summer

The island ferry will sail twice more each day from June, the operator said.
"""
"""An invented wire story under an embargo line."""

AT_TEN_LATEST = datetime(2031, 6, 5, 10, 0, tzinfo=LATEST)
"""10:00 on 5 June 2031 where that comes last: no zone the source can mean is later."""


def _from_text(flag: str, options: dict[str, str] | None = None) -> tuple[Article, list[str]]:
    result = read(FERRY_STORY.format(flag=flag).encode(), format="text", options=options)
    return result.value, [f"{w.code} {w.message}" for w in result.warnings]


def test_a_zone_less_embargo_time_is_kept_at_utc_minus_12_and_says_so() -> None:
    article, warnings = _from_text("EMBARGOED UNTIL 10:00 5 JUNE 2031")
    assert article.embargoed == AT_TEN_LATEST
    [said] = [w for w in warnings if "embargo" in w]
    assert said.startswith("date-time-without-zone the embargo ")
    assert "kept as 2031-06-05T10:00:00-12:00, its time at UTC-12, the latest" in said
    assert "never lifted early" in said


def test_a_zone_less_embargo_time_takes_the_zone_the_user_chose() -> None:
    article, warnings = _from_text("EMBARGOED UNTIL 10:00 5 JUNE 2031", {"timezone": "UTC"})
    assert article.embargoed == datetime(2031, 6, 5, 10, 0, tzinfo=UTC)
    assert not [w for w in warnings if "embargo" in w]


@pytest.mark.parametrize("options", [None, {"timezone": "Europe/Dublin"}])
def test_a_zone_articlekit_does_not_know_is_named_and_read_at_utc_minus_12(
    options: dict[str, str] | None,
) -> None:
    """IST is India's, Ireland's or Israel's: the user's zone is no answer either."""
    article, warnings = _from_text("EMBARGOED UNTIL 10:00 IST 5 JUNE 2031", options)
    assert article.embargoed == AT_TEN_LATEST
    [said] = [w for w in warnings if "embargo" in w]
    assert said.startswith("time-zone-unknown ")
    assert "a time zone articlekit does not know, IST; kept as 2031-06-05T10:00:00-12:00" in said


@pytest.mark.parametrize("machine_zone", ["Europe/Dublin", "Asia/Kolkata"])
def test_an_unknown_zone_is_not_read_as_the_machine_s_own(
    machine_zone: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """dateutil reads a zone name the machine's zone has as the machine's: "IST" was Irish
    summer time in Dublin (read as UTC there: an hour early) and India's in Kolkata."""
    import time as clock

    monkeypatch.setenv("TZ", machine_zone)
    clock.tzset()
    try:
        assert "IST" in clock.tzname
        article, warnings = _from_text("EMBARGOED UNTIL 10:00 IST 5 JUNE 2031")
    finally:
        monkeypatch.undo()
        clock.tzset()
    assert article.embargoed == AT_TEN_LATEST
    assert [w for w in warnings if w.startswith("time-zone-unknown ")]


GMT = timezone(timedelta(0))
TOKYO = {"timezone": "Asia/Tokyo"}
"""A user's zone far from the printed one, which would lift an embargo hours early."""


@pytest.mark.parametrize(
    ("flag", "kept"),
    [
        ("EMBARGOED UNTIL 00.01 WEDNESDAY 4 JUNE 2031", datetime(2031, 6, 4, 0, 1, tzinfo=LATEST)),
        ("EMBARGOED UNTIL 10.30 4 JUNE 2031", datetime(2031, 6, 4, 10, 30, tzinfo=LATEST)),
        ("EMBARGOED UNTIL 0001 5 JUNE 2031", datetime(2031, 6, 5, 0, 1, tzinfo=LATEST)),
        ("EMBARGOED UNTIL 0930 5 JUNE 2031", datetime(2031, 6, 5, 9, 30, tzinfo=LATEST)),
        ("EMBARGOED UNTIL 0001 HRS 5 JUNE 2031", datetime(2031, 6, 5, 0, 1, tzinfo=LATEST)),
        ("EMBARGOED UNTIL 0001 GMT 5 JUNE 2031", datetime(2031, 6, 5, 0, 1, tzinfo=GMT)),
        ("EMBARGOED: UNTIL 0001 GMT 5 JUNE 2031", datetime(2031, 6, 5, 0, 1, tzinfo=GMT)),
        ("EMBARGOED UNTIL 5 JUNE 2031 2300 GMT", datetime(2031, 6, 5, 23, 0, tzinfo=GMT)),
        ("EMBARGOED UNTIL 23h00 GMT 5 JUNE 2031", datetime(2031, 6, 5, 23, 0, tzinfo=GMT)),
    ],
)
def test_wire_and_uk_clocks_are_read_as_times_not_years(flag: str, kept: datetime) -> None:
    """Clocks such as "00.01", "0001", "23h00": the date parser took one for the year (2000, 930) or
    dropped it, lifting the embargo years or hours early."""
    article, warnings = _from_text(flag)
    assert article.embargoed == kept
    assert article.headline == "Ferry Timetable Changes Announced For Summer"
    assert not [w for w in warnings if w.startswith("date-unparsed")]


def test_a_clock_that_cannot_be_read_keeps_the_days_last_minute_at_utc_minus_12() -> None:
    """Only the date of "5 JUNE 2031 at 10h GMT" can be read: the date alone would lift the
    embargo at the day's start; the day's last minute at UTC-12 is never early."""
    article, warnings = _from_text("EMBARGOED UNTIL 5 JUNE 2031 at 10h GMT")
    assert article.embargoed == datetime(2031, 6, 5, 23, 59, tzinfo=LATEST)
    [said] = [w for w in warnings if "embargo" in w]
    assert said.startswith("date-unparsed ")
    assert "kept as 2031-06-05T23:59:00-12:00" in said


@pytest.mark.parametrize(
    ("flag", "options"),
    [
        ("EMBARGOED UNTIL 01:30 2 NOVEMBER 2031", {"timezone": "America/New_York"}),
        ("EMBARGOED UNTIL 01:30 ET 2 NOVEMBER 2031", None),
    ],
)
def test_the_hour_a_clock_change_repeats_is_read_at_its_later_reading(
    flag: str, options: dict[str, str] | None
) -> None:
    """New York's clocks go back at 02:00 on 2 November 2031: 01:30 comes twice, at 05:30 and
    06:30 UTC; the earlier would lift the embargo an hour early."""
    article, _ = _from_text(flag, options)
    assert article.embargoed.astimezone(UTC) == datetime(2031, 11, 2, 6, 30, tzinfo=UTC)


def test_the_hour_a_clock_change_skips_is_read_at_its_later_reading() -> None:
    """02:30 on 9 March 2031 never shows in New York (02:00 is 03:00 there): read as 07:30 UTC,
    where the clock before the change would show it, not 06:30."""
    article, _ = _from_text("EMBARGOED UNTIL 02:30 9 MARCH 2031", {"timezone": "America/New_York"})
    assert article.embargoed.astimezone(UTC) == datetime(2031, 3, 9, 7, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    "flag", ["EMBARGOED UNTIL 10:00 THU 5 JUNE 2031", "EMBARGOED UNTIL 10:00 SAT 7 JUNE 2031"]
)
def test_a_weekday_after_the_time_is_no_zone(flag: str) -> None:
    """Saturday's "SAT" ends in T as zone names do: no zone, so the user's zone places the time."""
    article, warnings = _from_text(flag, {"timezone": "UTC"})
    assert article.embargoed.time() == time(10, 0)
    assert article.embargoed.utcoffset() == timedelta(0)
    assert not [w for w in warnings if w.startswith("time-zone-unknown")]


MOMENT_FORMATS = ("newsml", "nitf", "ninjs", "ninjs2", "ninjs1")
"""Formats whose embargo is a date-time: a date alone is written as a moment."""


@pytest.mark.parametrize(
    ("flag", "kept"),
    [
        ("EMBARGOED UNTIL 10:00 5 JUNE 2031", AT_TEN_LATEST),
        ("EMBARGOED UNTIL 10:00 IST 5 JUNE 2031", AT_TEN_LATEST),
        ("EMBARGOED UNTIL 5 JUNE 2031", date(2031, 6, 5)),
    ],
)
@pytest.mark.parametrize("kind", [*MOMENT_FORMATS, "json", "markdown", "html", "text"])
def test_no_writer_lifts_an_unzoned_embargo_early(flag: str, kept: date, kind: str) -> None:
    """Each output keeps the embargo's time (at UTC-12), and writes a date alone as a date or,
    where it must be a moment, as the start of that day where it starts last: never earlier
    than the latest moment the flag line can mean."""
    article, _ = _from_text(flag)
    back = read(write(article, format=kind).value, format=kind.rstrip("12")).value
    assert back.embargoed == (embargo_end(kept) if kind in MOMENT_FORMATS else kept)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (NITF_EMBARGOED.replace(b"20310304T053000+0100", b"20310304T053000"), "nitf"),
        (NEWSML_EMBARGOED.replace(b"2031-03-04T05:30:00+01:00", b"2031-03-04T05:30:00"), "newsml"),
        (
            json.dumps({**NINJS_EMBARGOED, "embargoedUntil": "2031-03-04T05:30:00"}).encode(),
            "ninjs",
        ),
    ],
)
def test_each_iptc_format_reads_a_zone_less_embargo_at_utc_minus_12(data: bytes, kind: str) -> None:
    result = read(data, format=kind)
    assert result.value.embargoed == datetime(2031, 3, 4, 5, 30, tzinfo=LATEST)
    assert any("kept as 2031-03-04T05:30:00-12:00" in w.message for w in result.warnings)


def test_ninjs_writes_a_zone_less_embargo_without_saying_its_copy_as_read_was_lost() -> None:
    """The reader keeps the time as written beside the field; the field is written, so nothing
    of the embargo is lost."""
    data = json.dumps({**NINJS_EMBARGOED, "embargoedUntil": "2031-03-04T05:30:00"}).encode()
    written = write(read(data, format="ninjs").value, format="ninjs")
    assert json.loads(written.value)["embargoedUntil"] == "2031-03-04T05:30:00-12:00"
    assert not [w.message for w in written.warnings if w.code == "field-dropped"]


def test_text_keeps_a_zone_less_embargo_line_as_printed_and_leaves_a_lifted_one_out() -> None:
    article, _ = _from_text("EMBARGOED UNTIL 10:00 5 JUNE 2031")
    kept = write(article, format="text").value.decode()
    assert kept.startswith("EMBARGOED UNTIL 10:00 5 JUNE 2031\n\n")
    lifted = write(article.model_copy(update={"embargoed": None}), format="text").value.decode()
    assert "EMBARGOED" not in lifted


FRONT_MATTER = """---
title: Ferry Timetable Changes Announced For Summer
embargoed: {value}
---

The island ferry will sail twice more each day from June, the operator said.
"""


@pytest.mark.parametrize(
    ("value", "embargoed", "as_written"),
    [
        ("2031-03-04T05:30:00+01:00", LIFTED, None),
        ("2031-03-04", date(2031, 3, 4), None),
        ("2031-03-04T05:30:00", datetime(2031, 3, 4, 5, 30, tzinfo=LATEST), "2031-03-04T05:30:00"),
        ("'2031-03-04 05:30'", datetime(2031, 3, 4, 5, 30, tzinfo=LATEST), "2031-03-04 05:30"),
        # (a YAML timestamp Python's dates cannot hold was an internal error)
        ("2031-03-04 24:00:00", date(2031, 3, 5), None),
    ],
)
def test_markdown_reads_the_front_matter_embargo_into_the_field(
    value: str, embargoed: date, as_written: str | None
) -> None:
    """A time without zone is kept as written in extras, as the other front matter dates are."""
    article = read(FRONT_MATTER.format(value=value).encode(), format="markdown").value
    assert article.embargoed == embargoed
    assert article.extras.get("markdown:embargoed") == as_written


@pytest.mark.parametrize("options", [None, {"timezone": "Pacific/Auckland"}])
def test_markdown_names_a_zone_it_does_not_know_as_the_text_reader_does(
    options: dict[str, str] | None,
) -> None:
    front = FRONT_MATTER.format(value="'June 5, 2031 10:00 AM IST'")
    result = read(front.encode(), format="markdown", options=options)
    assert result.value.embargoed == AT_TEN_LATEST
    assert [w.code for w in result.warnings] == ["time-zone-unknown"]


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("'2031-06-05 2300 GMT'", datetime(2031, 6, 5, 23, 0, tzinfo=GMT)),
        ("'5 June 2031 23h00 GMT'", datetime(2031, 6, 5, 23, 0, tzinfo=GMT)),
        ("'5 June 2031 at 10h GMT'", datetime(2031, 6, 5, 23, 59, tzinfo=LATEST)),
    ],
)
def test_markdown_reads_wire_clocks_as_the_text_reader_does(value: str, kept: datetime) -> None:
    """The date alone, 5 June from its midnight at UTC-12, would lift these hours early."""
    result = read(FRONT_MATTER.format(value=value).encode(), format="markdown")
    assert result.value.embargoed == kept


@pytest.mark.parametrize("value", ["true", "'until the minister speaks'"])
def test_a_front_matter_embargo_that_is_no_date_is_kept_in_extras_and_reported(value: str) -> None:
    """A site's own mark ("embargoed: true") is not lost: kept, and written back, as it was
    before the front matter's embargoed key was the field."""
    result = read(FRONT_MATTER.format(value=value).encode(), format="markdown")
    assert result.value.embargoed is None
    assert [w.code for w in result.warnings] == ["markdown-value-invalid"]
    again = read(write(result.value, format="markdown").value, format="markdown").value
    assert again.extras["markdown:embargoed"] == result.value.extras["markdown:embargoed"]


@pytest.mark.parametrize("embargo", [LIFTED, date(2031, 3, 4)])
def test_markdown_writes_the_embargo_where_it_reads_it(embargo: date) -> None:
    written = write(TIDE_TABLES.model_copy(update={"embargoed": embargo}), format="markdown")
    common, _, own = written.value.decode().split("---\n")[1].partition("articlekit:")
    assert f"\nembargoed: '{embargo.isoformat()}'\n" in common
    assert "embargoed" not in own
    assert read(written.value, format="markdown").value.embargoed == embargo


# --- flag paragraphs above a Word document's or a page's headline ---------------------------------

FLAGS = ["FOR IMMEDIATE RELEASE", "EMBARGOED UNTIL 10:00 5 JUNE 2031"]
HEADLINE = "Ferry Timetable Changes Announced For Summer"
STORY_TEXT = "The island ferry will sail twice more each day from June, the operator said."


def _word_document(*, title_style: bool) -> bytes:
    import io

    docx = pytest.importorskip("docx")
    document = docx.Document()
    for flag in FLAGS:
        document.add_paragraph(flag)
    document.add_paragraph(HEADLINE, style="Title" if title_style else None)
    document.add_paragraph(STORY_TEXT)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("title_style", [True, False])
def test_docx_reads_flag_paragraphs_above_the_headline_as_the_text_reader_does(
    title_style: bool,
) -> None:
    result = read(_word_document(title_style=title_style), format="docx")
    article = result.value
    assert article.headline == HEADLINE
    assert article.embargoed == AT_TEN_LATEST
    assert article.extras["docx:flags"] == FLAGS
    assert article.paragraphs == [STORY_TEXT]
    assert "date-time-without-zone" in [w.code for w in result.warnings]


PAGE = f"""<!DOCTYPE html>
<html><head><title>{HEADLINE} | Island Gazette</title></head><body><article>
{"".join(f"<p>{flag}</p>" for flag in FLAGS)}
<h1>{HEADLINE}</h1>
<p>{STORY_TEXT}</p>
<p>Tickets for the new crossings go on sale in May at the harbour office and online.</p>
</article></body></html>
"""


def test_html_reads_flag_paragraphs_above_the_headline_as_the_text_reader_does() -> None:
    result = read(PAGE.encode(), format="html")
    article = result.value
    assert article.headline == HEADLINE
    assert article.embargoed == AT_TEN_LATEST
    assert article.extras["html:flags"] == FLAGS
    assert article.paragraphs[0] == STORY_TEXT
    assert "date-time-without-zone" in [w.code for w in result.warnings]


def test_html_keeps_a_flag_paragraph_that_no_headline_follows_in_the_body() -> None:
    page = PAGE.replace(f"<h1>{HEADLINE}</h1>", "")
    article = read(page.encode(), format="html").value
    assert article.embargoed is None
    assert article.paragraphs[:2] == FLAGS


EDT = timezone(timedelta(hours=-4))


@pytest.mark.parametrize(
    ("flag", "options", "kept"),
    [
        # the date's year is no wire clock, whatever follows it (a second review's find: it was
        # read as 20:24, and the embargo was dropped or set in 1900)
        ("EMBARGOED UNTIL 4 JUNE 2031 AT 10:00 ET", None, datetime(2031, 6, 4, 10, tzinfo=EDT)),
        ("EMBARGOED UNTIL 2031 JUNE 05 10:00 GMT", None, datetime(2031, 6, 5, 10, tzinfo=UTC)),
        (
            "EMBARGOED UNTIL JUNE 5 2031 THURSDAY 10:00 GMT",
            None,
            datetime(2031, 6, 5, 10, tzinfo=UTC),
        ),
        ("EMBARGOED UNTIL 4 JUNE 2031 AT 1900", None, datetime(2031, 6, 4, 19, tzinfo=LATEST)),
        # a zone the line prints places the time, not the user's (the day-first parser lost it)
        (
            "EMBARGOED UNTIL 05.06.2031 1000 ET",
            {"timezone": "Europe/Madrid"},
            datetime(2031, 6, 5, 14, tzinfo=UTC),
        ),
        # in German, French (Canada's zone names) and Spanish too: the user's zone lifted them
        # hours early ("10 Uhr ET" at Tokyo's 10:00 is 13 hours before New York's)
        ("Sperrfrist: 5. Juni 2031, 10 Uhr ET", TOKYO, datetime(2031, 6, 5, 14, tzinfo=UTC)),
        ("SPERRFRIST: 5. JUNI 2031, 10 UHR ET", TOKYO, datetime(2031, 6, 5, 14, tzinfo=UTC)),
        (
            "SOUS EMBARGO JUSQU'AU 5 JUIN 2031 À 10 H HNE",
            TOKYO,
            datetime(2031, 6, 5, 15, tzinfo=UTC),
        ),
        ("Embargo : le 5 juin 2031 à 10 h HNE", TOKYO, datetime(2031, 6, 5, 15, tzinfo=UTC)),
        (
            "Embargo hasta el 5 de junio de 2031 a las 10 ET",
            TOKYO,
            datetime(2031, 6, 5, 14, tzinfo=UTC),
        ),
        # an hour alone before its zone was dropped: the date alone, 10 hours early
        ("EMBARGOED UNTIL 5 JUNE 2031 18 ET", None, datetime(2031, 6, 5, 22, tzinfo=UTC)),
        # zones of one offset were unknown, so kept at UTC-12 (up to a day late)
        (
            "EMBARGOED UNTIL 00:01 SAT 8 JUNE 2031 WEST",
            None,
            datetime(2031, 6, 7, 23, 1, tzinfo=UTC),
        ),
        ("EMBARGOED UNTIL 09:30 ACST 8 JUNE 2031", None, datetime(2031, 6, 8, 0, 0, tzinfo=UTC)),
    ],
)
def test_an_embargo_s_year_and_printed_zone_are_read_as_printed(
    flag: str, options: dict[str, str] | None, kept: datetime
) -> None:
    article, _ = _from_text(flag, options)
    assert article.embargoed == kept


@pytest.mark.parametrize(
    "flag", ["EMBARGOED UNTIL 2300GMT 5 JUNE 2031", "EMBARGOED UNTIL 5 JUNE 2031 23:00Z"]
)
def test_a_clock_run_into_its_zone_is_never_a_date_alone(flag: str) -> None:
    """ "2300GMT" (no space) was not seen as a clock: the date alone lifted the embargo at noon
    UTC, 11 hours early; now the day's last minute at UTC-12, reported."""
    article, warnings = _from_text(flag)
    assert article.embargoed == datetime(2031, 6, 5, 23, 59, tzinfo=LATEST)
    assert any(w.startswith("date-unparsed") for w in warnings)


@pytest.mark.parametrize(
    "flag", ["EMBARGOED UNTIL 00:00 5 JUNE 2031", "EMBARGOED UNTIL 5 JUNE 2031 12:00 AM"]
)
def test_a_printed_midnight_is_the_day_s_start_not_a_clock_unread(flag: str) -> None:
    """The parser gives a midnight as the day alone: it was reported as a clock it could not
    read and kept at the day's last minute (a day late)."""
    article, warnings = _from_text(flag)
    assert article.embargoed == date(2031, 6, 5)
    assert not any(w.startswith("date-unparsed") for w in warnings)


@pytest.mark.parametrize(
    ("flag", "kept"),
    [
        ("EMBARGOED UNTIL 24.00 5 JUNE 2031", date(2031, 6, 6)),
        ("EMBARGOED UNTIL 5 JUNE 2031 24:00", date(2031, 6, 6)),
        ("EMBARGOED UNTIL 2400 GMT 5 JUNE 2031", datetime(2031, 6, 6, 0, 0, tzinfo=GMT)),
        ("EMBARGOED UNTIL 24:00 GMT 30 JUNE 2031", datetime(2031, 7, 1, 0, 0, tzinfo=GMT)),
        ("EMBARGOED UNTIL MIDNIGHT 5 JUNE 2031", date(2031, 6, 6)),
        ("EMBARGOED UNTIL 2031-06-12 MIDNIGHT", date(2031, 6, 13)),  # (12: the day, no "12 ")
        ("EMBARGOED UNTIL JUNE 12 MIDNIGHT GMT 2031", datetime(2031, 6, 13, tzinfo=GMT)),
        ("EMBARGOED UNTIL TUESDAY 12 MIDNIGHT GMT JUNE 3 2031", datetime(2031, 6, 4, tzinfo=GMT)),
        (
            "EMBARGOED UNTIL WEDNESDAY, 12 NOON GMT, 4 JUNE 2031",
            datetime(2031, 6, 4, 12, tzinfo=GMT),
        ),
        ("EMBARGOED UNTIL 12 MIDNIGHT GMT 5 JUNE 2031", datetime(2031, 6, 6, 0, 0, tzinfo=GMT)),
        ("Sperrfrist: 5. Juni 2031, 24 Uhr", datetime(2031, 6, 6, 0, 0, tzinfo=LATEST)),
        ("Embargo jusqu'au 5 juin 2031 à 24 h", datetime(2031, 6, 6, 0, 0, tzinfo=LATEST)),
        ("EMBARGOED UNTIL MIDNIGHT GMT 30 JUNE 2031", datetime(2031, 7, 1, 0, 0, tzinfo=GMT)),
        ("EMBARGOED UNTIL 12 NOON GMT 5 JUNE 2031", datetime(2031, 6, 5, 12, 0, tzinfo=GMT)),
    ],
)
def test_hour_24_and_midnight_are_the_next_day_s_start(flag: str, kept: date) -> None:
    """No clock reads hour 24: "24.00 5 JUNE" was read as 20:24 (its "2024" as a clock), lifting
    the embargo 3 h 36 min early, and "24:00 GMT" not at all. "MIDNIGHT" and "NOON" were no
    time: the line was taken for the headline. Midnight on a day may be its start or its end:
    its end is the latest it can mean."""
    article, warnings = _from_text(flag)
    assert article.embargoed == kept
    assert article.headline == "Ferry Timetable Changes Announced For Summer"
    assert not [w for w in warnings if w.startswith("date-unparsed")]


@pytest.mark.parametrize(
    ("flag", "kept"),
    [
        ("EMBARGO FINO ALLE ORE 10 DEL 5 GIUGNO 2031", datetime(2031, 6, 5, 10, tzinfo=LATEST)),
        (
            "Embargo fino alle ore 10.30 del 5 giugno 2031",
            datetime(2031, 6, 5, 10, 30, tzinfo=LATEST),
        ),
        ("EMBARGO FINO ALLE ORE 24 DEL 5 GIUGNO 2031", datetime(2031, 6, 6, 0, 0, tzinfo=LATEST)),
        ("Embargo hasta las 10:00 del 5 de junio de 2031", datetime(2031, 6, 5, 10, tzinfo=LATEST)),
        (
            "EMBARGO HASTA LAS 24:00 DEL 5 DE JUNIO DE 2031",
            datetime(2031, 6, 6, 0, 0, tzinfo=LATEST),
        ),
        ("Embargo até às 10h de 5 de junho de 2031", datetime(2031, 6, 5, 10, tzinfo=LATEST)),
        ("EMBARGO ATÉ ÀS 24H DE 5 DE JUNHO DE 2031", datetime(2031, 6, 6, 0, 0, tzinfo=LATEST)),
        ("Sperrfrist bis 10 Uhr am 5. Juni 2031", datetime(2031, 6, 5, 10, tzinfo=LATEST)),
        ("Embargo jusqu'à 10 h le 5 juin 2031", datetime(2031, 6, 5, 10, tzinfo=LATEST)),
        ("Embargo hasta las 10:00 CET del 5 de junio de 2031", datetime(2031, 6, 5, 9, tzinfo=GMT)),
        (
            "EMBARGOED UNTIL 00:01 HRS BST, WEDNESDAY 4 JUNE 2031",
            datetime(2031, 6, 3, 23, 1, tzinfo=GMT),
        ),
        ("EMBARGOED UNTIL 00:01 HOURS GMT 5 JUNE 2031", datetime(2031, 6, 5, 0, 1, tzinfo=GMT)),
        # (German "am" is "on", not a morning: noon read as midnight lifted it 12 hours early)
        ("Sperrfrist bis 12 Uhr am 5. Juni 2031", datetime(2031, 6, 5, 12, tzinfo=LATEST)),
        ("Sperrfrist bis Mittag am 5. Juni 2031", datetime(2031, 6, 5, 12, tzinfo=LATEST)),
        ("Sperrfrist: 12:30 Uhr am 05.06.2031", datetime(2031, 6, 5, 12, 30, tzinfo=LATEST)),
        # (hour 24 after "at": the date alone lifted it at the day's start)
        ("Embargo hasta las 24 del 5 de junio de 2031", datetime(2031, 6, 6, tzinfo=LATEST)),
        ("Embargo até às 24 de 5 de junho de 2031", datetime(2031, 6, 6, tzinfo=LATEST)),
    ],
)
def test_a_time_printed_before_its_date_is_read(flag: str, kept: datetime) -> None:
    """Italian, Spanish, Portuguese, German and French releases print the time first, joined to
    the date ("alle ore 10 del 5 giugno"): the line was the headline or a time not understood,
    and the article had no embargo. "00:01 HRS BST," was not understood either."""
    article, warnings = _from_text(flag)
    assert article.embargoed == kept
    assert article.headline == "Ferry Timetable Changes Announced For Summer"
    assert not [w for w in warnings if w.startswith("date-unparsed")]


@pytest.mark.parametrize(
    "flag",
    [
        "EMBARGOED UNTIL FURTHER NOTICE",
        "Embargoed until further notice",
        "Sperrfrist bis auf Weiteres",
        "SOUS EMBARGO JUSQU'À NOUVEL ORDRE",
        "EMBARGO HASTA NUEVO AVISO",
        "EMBARGO FINO A NUOVO AVVISO",
        "EMBARGO ATÉ NOVO AVISO",
        "EMBARGO: UNTIL FURTHER NOTICE",
        "Sperrfrist: bis auf Weiteres",
        "SOUS EMBARGO JUSQU’À NOUVEL ORDRE",
        "EMBARGO HASTA NUEVA ORDEN",
        "EMBARGO ATÉ SEGUNDA ORDEM",
    ],
)
def test_an_embargo_with_no_end_is_a_flag_line_kept_and_reported(flag: str) -> None:
    """It was the headline (the real one a body paragraph) with no word of an embargo: the model
    has no field for an embargo with no end, so the line is kept and the reader says so. Such a
    line is a flag in capitals, as wires print flags, or with a label no headline opens with
    ("Embargoed", "Sperrfrist"): "Embargo Until Further Notice" may be a headline."""
    article, warnings = _from_text(flag)
    assert article.headline == "Ferry Timetable Changes Announced For Summer"
    assert article.embargoed is None
    assert article.extras["text:flags"] == [flag]
    assert [w for w in warnings if w.startswith("embargo-indefinite ")]
    written = write(article, format="text")
    assert written.value.decode().startswith(f"{flag}\n\n") and not written.warnings
    # (the hold reaches the formats whose embargo cannot say it, as the editor's note)
    assert article.editor_note == flag
    assert read(write(article, format="nitf").value, format="nitf").value.editor_note == flag


@pytest.mark.parametrize("kind", ["docx", "html"])
def test_flag_lines_a_reader_kept_are_shown_above_the_headline_in_word_and_on_a_page(
    kind: str,
) -> None:
    """Only the embargo was shown: a line with no end or "FOR IMMEDIATE RELEASE" a text, Word
    or page reader kept went nowhere an editor would see it (Word said its extras were hidden)."""
    pytest.importorskip("docx") if kind == "docx" else None
    flags = ["EMBARGOED UNTIL FURTHER NOTICE", "FOR IMMEDIATE RELEASE"]
    article, _ = _from_text("\n".join(flags))
    written = write(article, format=kind)
    assert not [w for w in written.warnings if "extras" in w.message]
    shown = read(
        written.value, format=kind, options={"embedded": "ignore"} if kind == "docx" else None
    )
    assert shown.value.headline == "Ferry Timetable Changes Announced For Summer"
    if kind == "docx":
        assert shown.value.extras["docx:flags"] == flags
        again = write(shown.value, format="docx")  # (its own flags: shown, not "not displayed")
        assert not [w for w in again.warnings if "extras" in w.message]
        unedited = read(written.value, format="docx")  # (the flags as written: no edit seen)
        assert "docx-embedded-article-stale" not in [w.code for w in unedited.warnings]
    else:
        assert all(f'<p class="flags">{flag}</p>' in written.value.decode() for flag in flags)


def test_an_embargo_notice_edited_in_word_to_no_end_keeps_the_headline_and_says_so() -> None:
    """An editor changed the written notice to "EMBARGOED UNTIL FURTHER NOTICE": it was read
    as body text above a lost headline, with nothing said."""
    result = _notice_edited_in_word("EMBARGOED UNTIL FURTHER NOTICE")
    assert result.value.headline == TIDE_TABLES.headline
    assert result.value.paragraphs == TIDE_TABLES.paragraphs
    assert result.value.embargoed == LIFTED  # (the embedded one: held at least until then)
    assert result.value.status == "withheld"  # (IPTC's "until further notice")
    assert result.value.extras == {"docx:flags": ["EMBARGOED UNTIL FURTHER NOTICE"]}
    codes = [w.code for w in result.warnings]
    assert "embargo-indefinite" in codes
    [stale] = [w.message for w in result.warnings if w.code == "docx-embedded-article-stale"]
    assert "(flag paragraphs)" in stale


def test_a_notice_edited_in_word_into_other_words_keeps_the_headline_and_the_words() -> None:
    """An editor changed the written notice into a line that is no flag: the Title, the date
    line and the story became body text under no headline, and the new line was lost in the
    embedded copy's fields. It is kept in extras, said (a reworded notice is no story text; a
    document articlekit did not lay out reads such paragraphs as the body's first)."""
    result = _notice_edited_in_word("Harbour desk: for the weekend edition")
    assert result.value.headline == TIDE_TABLES.headline
    assert result.value.paragraphs == TIDE_TABLES.paragraphs  # (a notice reworded: no story)
    assert result.value.extras == {"docx:above-title": ["Harbour desk: for the weekend edition"]}
    assert result.value.embargoed == LIFTED  # (the embedded one, as when the notice is deleted)
    [stale] = [w.message for w in result.warnings if w.code == "docx-embedded-article-stale"]
    assert "(flag paragraphs)" in stale
    assert "docx-above-title" in [w.code for w in result.warnings]


@pytest.mark.parametrize(
    "headline",
    [
        "Embargo at Noon",
        "Embargo on 2400 Tonnes of Grain",
        "Embargo on Midnight Oil Shipments",
        "Embargo jusqu'à minuit sur les vols",
        "Embargo Until Further Notice",
        "Embargo hasta nueva orden",
        "Embargo: bis auf Weiteres",
        "Embargo jusqu’à nouvel ordre",
        "Embargo on 20 VAT Rules",
        "Embargo After 5 UTC Talks",
        "EMBARGO ON MIDNIGHT OIL SHIPMENTS",
        "EMBARGO ON 20 VAT RULES",
    ],
)
def test_headlines_of_embargoes_are_no_flag_lines(headline: str) -> None:
    """Midnight, noon and hour 24 read as a time alone, and an end that is none, made these
    headlines flag lines: their standfirst became the headline."""
    story = f"{headline}\nMinistry sets a deadline for exporters\n\n{STORY_TEXT}\n"
    article = read(story.encode(), format="text").value
    assert article.headline == headline
    assert article.subheadline == "Ministry sets a deadline for exporters"
    assert article.embargoed is None and "text:flags" not in article.extras


def test_every_zone_name_articlekit_knows_is_seen_after_a_clock() -> None:
    """The names that do not end in T are listed in the clock-and-zone pattern by hand: one
    missing there would leave its time to the user's zone."""
    from articlekit.prose import dates

    known = dates._printed_zones()
    for name in set(known) - {"Z"}:  # ("Z" is glued to its clock: "10:00Z")
        assert dates.printed_zone(f"EMBARGOED UNTIL 10:00 {name} 5 JUNE 2031") is known[name]


def test_flag_lines_edited_in_word_replace_those_an_earlier_reader_kept() -> None:
    """The text reader's flags stayed in the embedded copy beside Word's: the text writer showed
    the old ones, not the editor's "UNTIL FURTHER NOTICE"."""
    flagged = TIDE_TABLES.model_copy(update={"extras": {"text:flags": ["FOR IMMEDIATE RELEASE"]}})
    result = _notice_edited_in_word(
        "EMBARGOED UNTIL FURTHER NOTICE", flagged, line="FOR IMMEDIATE RELEASE"
    )
    assert result.value.extras == {"docx:flags": [SHOWN_NOTICE, "EMBARGOED UNTIL FURTHER NOTICE"]}
    shown = write(result.value, format="text").value.decode().splitlines()
    assert shown[:2] == [SHOWN_NOTICE, "EMBARGOED UNTIL FURTHER NOTICE"]


def test_a_sure_flag_whose_midnight_cannot_be_placed_stays_a_flag_and_says_so() -> None:
    """With a label no headline has, a midnight whose date cannot be read was the headline (in
    a zone articlekit does not know: the time in "UK time" is read); its date is kept, at the
    day's last minute at UTC-12."""
    article, warnings = _from_text("EMBARGOED UNTIL MIDNIGHT, TUESDAY 4 JUNE 2031 (ISLAND TIME)")
    assert article.headline == "Ferry Timetable Changes Announced For Summer"
    assert [w for w in warnings if w.startswith("date-unparsed ")]
    assert article.embargoed == datetime(2031, 6, 4, 23, 59, tzinfo=LATEST)


def test_a_hold_shown_on_a_page_comes_back_as_the_editor_s_note() -> None:
    """Pages never carry the editor's note: a hold's note was lost (and said to be dropped
    although the page shows the line), so NITF lost the hold."""
    article, _ = _from_text("EMBARGOED UNTIL FURTHER NOTICE")
    written = write(article, format="html")
    assert "editor_note" not in [field for w in written.warnings for field in w.fields]
    again = read(written.value, format="html").value
    assert again.editor_note == "EMBARGOED UNTIL FURTHER NOTICE"
    assert b'info="EMBARGOED UNTIL FURTHER NOTICE"' in write(again, format="nitf").value


@pytest.mark.parametrize("kind", ["docx", "html"])
def test_a_hold_an_editor_replaced_with_a_date_leaves_no_stale_note(kind: str) -> None:
    """The note the hold gave stayed beside the new embargo (NITF then carried both)."""
    pytest.importorskip("docx") if kind == "docx" else None
    article, _ = _from_text("EMBARGOED UNTIL FURTHER NOTICE")
    new = "EMBARGOED UNTIL 00:01 GMT 5 JUNE 2031"
    if kind == "docx":
        result = _notice_edited_in_word(new, article, line="EMBARGOED UNTIL FURTHER NOTICE")
    else:
        shown = '<p class="flags">{}</p>'
        page = write(article, format="html").value.replace(
            shown.format("EMBARGOED UNTIL FURTHER NOTICE").encode(), shown.format(new).encode()
        )
        result = read(page, format="html")
    assert result.value.embargoed == datetime(2031, 6, 5, 0, 1, tzinfo=UTC)
    assert result.value.editor_note is None and result.value.status is None
    assert write(result.value, format="text").value.decode().splitlines()[0] == new


def test_a_hold_with_no_end_withholds_the_article_in_every_format_that_says_so() -> None:
    """The hold reached NITF, NewsML-G2 and ninjs only as an editor's note, which software that
    publishes by status does not read: the article went out as usable (Hugo published the page
    of a Markdown copy). IPTC's status "withheld" means not to be published until further
    notice; a status the source gives stays."""
    pytest.importorskip("docx")
    article, _ = _from_text("EMBARGOED UNTIL FURTHER NOTICE")
    assert article.status == "withheld"
    nitf = write(article, format="nitf").value
    assert b'management-status="withheld"' in nitf
    assert b'qcode="stat:withheld"' in write(article, format="newsml").value
    assert b'"pubStatus": "withheld"' in write(article, format="ninjs").value  # (ninjs 3)
    assert b"draft: true" in write(article, format="markdown").value
    for kind in ("text", "docx", "html", "nitf", "newsml", "ninjs", "markdown", "json"):
        again = read(write(article, format=kind).value, format=kind).value
        assert again.status == "withheld", kind
    assert not write(article, format="text").warnings
    canceled = read(write(article.model_copy(update={"status": "canceled"}), format="text").value)
    assert canceled.value.status == "withheld"  # (text carries no status but the hold's)
    kept = read(nitf.replace(b'"withheld"', b'"canceled"'), format="nitf").value
    assert kept.status == "canceled"


def test_a_hold_over_a_title_or_a_page_headline_needs_no_capitals() -> None:
    """Where no headline can stand, "Embargo until further notice" is a flag: over a Word Title
    it was the headline, over a page's headline a body paragraph."""
    docx = pytest.importorskip("docx")
    import io

    hold = "Embargo until further notice"
    document = docx.Document()
    document.add_paragraph(hold)
    document.add_paragraph(HEADLINE, style="Title")
    document.add_paragraph(STORY_TEXT)
    word = io.BytesIO()
    document.save(word)
    page = PAGE.replace("".join(f"<p>{flag}</p>" for flag in FLAGS), f"<p>{hold}</p>")
    for data, kind in ((word.getvalue(), "docx"), (page.encode(), "html")):
        result = read(data, format=kind)
        assert (result.value.headline, result.value.editor_note) == (HEADLINE, hold)
        assert "embargo-indefinite" in [w.code for w in result.warnings]
        shown = write(result.value, format="text").value.decode()  # (and shown: it was not)
        assert shown.startswith(f"{hold}\n\n{HEADLINE}")


@pytest.mark.parametrize("kicker", ["Embargo on Midnight Oil Shipments", "Embargo at Noon"])
def test_a_kicker_over_a_title_or_a_page_headline_is_no_flag(kicker: str) -> None:
    """Over a Title only a hold needs no capitals: a midnight or noon that gives no date made
    these kickers flags, which no output showed."""
    page = PAGE.replace("".join(f"<p>{flag}</p>" for flag in FLAGS), f"<p>{kicker}</p>")
    article = read(page.encode(), format="html").value
    assert "html:flags" not in article.extras
    assert kicker in write(article, format="text").value.decode()


@pytest.mark.parametrize(
    ("flag", "offset"),
    [
        ("EMBARGOED UNTIL 2031-06-05T00:01:00+14:30", "+14:30"),
        ("EMBARGOED UNTIL 00:01 UTC+14:30 5 JUNE 2031", "+14:30"),
        ("EMBARGOED UNTIL 00:01 GMT+15 5 JUNE 2031", "+15"),
    ],
)
def test_an_embargo_with_an_offset_no_zone_has_is_kept_at_its_latest(
    flag: str, offset: str
) -> None:
    """It was refused with the whole document, then (read as no date) dropped: lifted at once;
    "UTC+14:30" was read as UTC, and the warning said the time had no zone at all."""
    article, warnings = _from_text(flag)
    assert article.embargoed == datetime(2031, 6, 5, 0, 1, tzinfo=LATEST)
    [said] = [w for w in warnings if w.startswith("date-time-without-zone ")]
    assert f"gives an offset no time zone has ({offset})" in said


@pytest.mark.parametrize(
    "flag", ["EMBARGOED UNTIL 10:00 5 JUNE 2031", "EMBARGOED UNTIL FURTHER NOTICE"]
)
def test_a_page_articlekit_wrote_left_as_written_gives_no_flag_warnings(flag: str) -> None:
    """Its hidden fields say all the flag lines do, as a DOCX's embedded copy does: it advised
    -O timezone= for a time it did not read, and said a hold had no field, where Word said
    nothing of the same article."""
    article, _ = _from_text(flag)
    for kind in ("html", "docx"):
        pytest.importorskip("docx") if kind == "docx" else None
        again = read(write(article, format=kind).value, format=kind)
        assert again.value == article, kind
        assert not again.warnings, kind


@pytest.mark.parametrize("kind", ["html", "docx"])
def test_a_hold_deleted_or_reworded_keeps_the_article_held(kind: str) -> None:
    """Only a date releases a held story, as a deleted embargo notice leaves the embargo: on a
    page a deleted or reworded hold released it with no word (status and note gone), where Word
    kept it held. Other flag lines deleted stay deleted."""
    pytest.importorskip("docx") if kind == "docx" else None
    hold = "EMBARGOED UNTIL FURTHER NOTICE"
    article, _ = _from_text(f"{hold}\nFOR IMMEDIATE RELEASE")
    for edit in ([], ["HOLD: legal review pending"]):
        if kind == "html":
            page = write(article, format="html").value.decode()
            shown = '<p class="flags">{}</p>\n'
            lines = "".join(shown.format(line) for line in edit)
            page = page.replace(shown.format(hold), lines).replace(
                shown.format("FOR IMMEDIATE RELEASE"), ""
            )
            result = read(page.encode(), format="html")
        else:
            result = _edited_flags_in_word(article, edit)
        again = result.value
        assert (again.status, again.editor_note) == ("withheld", hold), (kind, edit)
        [said] = [w.message for w in result.warnings if w.code == "embargo-hold-kept"]
        assert said.startswith(f"the flag line {hold!r} was deleted or reworded, but only")
        text = write(again, format="text").value.decode()
        assert text.startswith(f"{hold}\n") and "IMMEDIATE" not in text, (kind, edit)


@pytest.mark.parametrize("kind", ["html", "docx"])
def test_an_embargo_line_deleted_leaves_the_embargo_and_says_so(kind: str) -> None:
    """The embargo stood with no word (safe, but the editor who deleted the line expected the
    story to go out); a line with another date still replaces it, unsaid."""
    pytest.importorskip("docx") if kind == "docx" else None
    line = "EMBARGOED UNTIL 10:00 GMT 5 JUNE 2031"
    article, _ = _from_text(line)
    for edit, said in (([], True), (["EMBARGOED UNTIL 10:00 GMT 6 JUNE 2031"], False)):
        if kind == "html":
            page = write(article, format="html").value.decode()
            shown = '<p class="flags">{}</p>'
            lines = "".join(shown.format(text) for text in edit)
            result = read(page.replace(shown.format(line), lines).encode(), format="html")
        else:
            result = _edited_flags_in_word(article, edit)
        kept = [w.message for w in result.warnings if w.code == "embargo-kept"]
        assert bool(kept) is said, (kind, edit)
        assert (result.value.embargoed == article.embargoed) is said, (kind, edit)
        if said:
            assert kept[0].startswith(f"the flag line {line!r} was deleted or reworded")


def _edited_flags_in_word(article: Article, lines: list[str]) -> Result[Article]:
    """``article`` written to Word, its flag paragraphs replaced by ``lines``, read."""
    docx = pytest.importorskip("docx")
    import io

    document = docx.Document(io.BytesIO(write(article, format="docx").value))
    flags = [p for p in document.paragraphs if is_flag_line(p.text, placed=True)]
    for paragraph, text in zip(flags, lines, strict=False):
        paragraph.text = text
    for paragraph in flags[len(lines) :]:
        paragraph._element.getparent().remove(paragraph._element)
    edited = io.BytesIO()
    document.save(edited)
    return read(edited.getvalue(), format="docx")


def test_a_withheld_article_s_hold_note_is_shown_over_its_headline() -> None:
    """Text → NITF → text: the hold reached the text writer as the editor's note of a withheld
    story, which text cannot carry; it was dropped and the story read back no longer held."""
    article, _ = _from_text("EMBARGOED UNTIL FURTHER NOTICE")
    for kind in ("nitf", "newsml", "ninjs"):
        middle = read(write(article, format=kind).value, format=kind).value
        assert middle.status == "withheld" and not middle.extras, kind
        written = write(middle, format="text")
        assert written.value.decode().startswith("EMBARGOED UNTIL FURTHER NOTICE\n\n"), kind
        assert not written.warnings, kind
        again = read(written.value, format="text").value
        assert (again.status, again.editor_note) == ("withheld", middle.editor_note), kind


def test_a_page_articlekit_wrote_with_the_embargo_alone_over_its_headline_is_unedited() -> None:
    """Pages written before 1.4 show the embargo alone, not the flags kept: they were read as
    edited, and the flags kept were lost."""
    flagged = TIDE_TABLES.model_copy(update={"extras": {"text:flags": ["FOR IMMEDIATE RELEASE"]}})
    page = write(flagged, format="html").value.decode()
    older = page.replace('<p class="flags">FOR IMMEDIATE RELEASE</p>\n', "")
    assert older != page
    again = read(older.encode(), format="html").value
    assert (again.extras, again.embargoed) == (flagged.extras, LIFTED)


def test_a_hold_added_under_an_embargo_line_is_reported() -> None:
    page = write(TIDE_TABLES, format="html").value.decode()
    added = page.replace(
        f"{SHOWN_NOTICE}</p>",
        f'{SHOWN_NOTICE}</p>\n<p class="flags">EMBARGOED UNTIL FURTHER NOTICE</p>',
    )
    result = read(added.encode(), format="html")
    assert result.value.editor_note == "EMBARGOED UNTIL FURTHER NOTICE"
    assert "embargo-indefinite" in [w.code for w in result.warnings]


def test_the_flag_keys_writers_read_are_those_the_readers_write() -> None:
    """Writers show the flag lines of any reader's key (headers.FLAG_KEYS); each format names
    its own: kept in step here."""
    from articlekit.formats.docx.layout import FLAGS_KEY as DOCX_FLAGS
    from articlekit.formats.html.layout import FLAGS_KEY as HTML_FLAGS
    from articlekit.formats.text.parse import FLAGS_KEY as TEXT_FLAGS
    from articlekit.prose.headers import FLAG_KEYS

    assert FLAG_KEYS == (TEXT_FLAGS, DOCX_FLAGS, HTML_FLAGS)


@pytest.mark.parametrize(
    "flag",
    [
        "SPERRFRIST 5. JUNI 2031, 10 UHR ET",
        "EMBARGOED UNTIL 01:30 ET 2 NOVEMBER 2031",  # (the hour a clock change repeats)
        "EMBARGOED UNTIL 05.06.2031 1000 ET",
    ],
)
def test_a_flag_line_whose_zone_the_reader_placed_is_written_back_as_printed(flag: str) -> None:
    """Writers compared the line's embargo, read without its printed zone, with the article's:
    they differed, and the line was replaced by an ISO notice."""
    article, _ = _from_text(flag)
    assert write(article, format="text").value.decode().splitlines()[0] == flag


def test_a_word_file_written_before_flags_were_shown_is_not_taken_as_edited() -> None:
    """Before 1.4 the DOCX writer showed the embargo alone over the headline, as an ISO notice:
    every such file with flag lines kept was "changed after articlekit wrote it (formatting or
    layout)", for a notice it never printed as kept."""
    pytest.importorskip("docx")
    import io
    import zipfile

    from articlekit.formats.docx.embedded import ITEM

    article, _ = _from_text("FOR IMMEDIATE RELEASE\nEMBARGOED UNTIL 00:01 GMT 5 JUNE 2031")
    as_before = write(article.model_copy(update={"extras": {}}), format="docx").value
    embedded = zipfile.ZipFile(io.BytesIO(write(article, format="docx").value)).read(ITEM)
    older = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(as_before)) as source, zipfile.ZipFile(older, "w") as target:
        for entry in source.infolist():
            target.writestr(entry, embedded if entry.filename == ITEM else source.read(entry))
    again = read(older.getvalue(), format="docx")
    assert again.value == article
    assert not [w for w in again.warnings if w.code == "docx-embedded-article-stale"]


def test_a_held_article_released_as_usable_shows_its_hold_no_more() -> None:
    """A desk releases a story held until further notice by making it usable: the text, Word
    and page writers still printed the hold over its headline (and their readers held it
    again), as they leave out the line of a lifted embargo."""
    pytest.importorskip("docx")
    held, _ = _from_text("EMBARGOED UNTIL FURTHER NOTICE\nFOR IMMEDIATE RELEASE")
    released = held.model_copy(update={"status": "usable", "editor_note": None})
    text = write(released, format="text").value.decode()
    assert text.startswith("FOR IMMEDIATE RELEASE\n\nFerry Timetable") and "FURTHER" not in text
    for kind in ("docx", "html"):
        again = read(write(released, format=kind).value, format=kind)
        assert again.value == released, kind
        assert not again.warnings, kind
        shown = read(
            write(released, format=kind).value, format=kind, options={"embedded": "ignore"}
        )
        assert shown.value.status != "withheld" and shown.value.embargoed is None, kind


def test_an_hour_no_clock_has_before_a_date_keeps_the_day_s_last_minute() -> None:
    """ "ore 25" gave the date alone, the embargo lifted at the day's start with no word."""
    article, warnings = _from_text("Embargo fino alle ore 25 del 5 giugno 2031")
    assert article.embargoed == datetime(2031, 6, 5, 23, 59, tzinfo=LATEST)
    assert [w for w in warnings if w.startswith("date-unparsed ")]


@pytest.mark.parametrize("kind", ["html", "docx"])
def test_a_hold_reworded_beside_an_embargo_line_shown_before_stays_held(kind: str) -> None:
    """The dated line shown beside the hold was taken for a new embargo in its place: the story
    was released with no word when the hold was reworded."""
    pytest.importorskip("docx") if kind == "docx" else None
    held = TIDE_TABLES.model_copy(
        update={"status": "withheld", "editor_note": "EMBARGOED UNTIL FURTHER NOTICE"}
    )
    before = flags_above(held, f"{kind}:flags")
    assert len(before) == 2  # (the embargo's line and the hold)
    edited = [line if "FURTHER" not in line else "NOT FOR PUBLICATION" for line in before]
    if kind == "html":
        page = write(held, format="html").value.decode()
        shown = '<p class="flags">{}</p>'
        page = page.replace(
            shown.format("EMBARGOED UNTIL FURTHER NOTICE"), shown.format("NOT FOR PUBLICATION")
        )
        again = read(page.encode(), format="html").value
    else:
        again = _edited_flags_in_word(held, edited).value
    assert again.status == "withheld", kind


def test_not_for_publication_over_a_headline_withholds_the_story() -> None:
    """It was kept as a flag line, and the story went out as usable with no word."""
    article, warnings = _from_text("NOT FOR PUBLICATION")
    assert (article.status, article.editor_note) == ("withheld", "NOT FOR PUBLICATION")
    assert [w for w in warnings if w.startswith("embargo-indefinite ")]


def test_a_paragraph_typed_above_the_title_of_a_word_file_without_flags_opens_the_body() -> None:
    """Where articlekit showed no flag line, a paragraph an editor typed above the Title (a
    correction) is the story's: it was kept in extras, out of every writer's view."""
    docx = pytest.importorskip("docx")
    import io

    plain = TIDE_TABLES.model_copy(update={"embargoed": None})
    document = docx.Document(io.BytesIO(write(plain, format="docx").value))
    [title] = [p for p in document.paragraphs if p.text == plain.headline]
    title.insert_paragraph_before("Correction: an earlier version misnamed the harbour master.")
    edited = io.BytesIO()
    document.save(edited)
    result = read(edited.getvalue(), format="docx")
    assert result.value.paragraphs == [
        "Correction: an earlier version misnamed the harbour master.",
        *plain.paragraphs,
    ]
    assert result.value.headline == plain.headline and not result.value.extras
    [said] = [w.message for w in result.warnings if w.code == "docx-above-title"]
    assert said == (
        "1 paragraph above the document's Title, neither its headline nor flag lines, read as the "
        "body's first ('Correction: an earlier version misnamed the harbour master.')"
    )


@pytest.mark.parametrize(
    "spacing", ["EMBARGOED UNTIL 10:00  GMT 5 JUNE 2031", "EMBARGOED UNTIL 10:00\tGMT 5 JUNE 2031"]
)
def test_a_hold_deleted_beside_an_embargo_line_spaced_oddly_stays_held(spacing: str) -> None:
    """Readers run a line's spaces together: the unchanged embargo line looked new, and
    deleting the hold released the story."""
    article, _ = _from_text(f"{spacing}\nNOT FOR PUBLICATION")
    assert article.status == "withheld"
    page = write(article, format="html").value.decode()
    page = page.replace('<p class="flags">NOT FOR PUBLICATION</p>\n', "")
    again = read(page.encode(), format="html").value
    assert again.status == "withheld"


@pytest.mark.parametrize("flag", ["NOT  FOR PUBLICATION", "NOT FOR PUBLICATION."])
def test_not_for_publication_spelled_with_a_stop_or_spaces_withholds(flag: str) -> None:
    article, _ = _from_text(flag)
    assert article.status == "withheld"
    assert article.headline == "Ferry Timetable Changes Announced For Summer"


@pytest.mark.parametrize("flag", ["NOT FOR\xa0PUBLICATION", "NOT\u2009FOR PUBLICATION"])
def test_a_hold_spelled_with_other_spaces_withholds(flag: str) -> None:
    """A no-break or thin space made it the headline: the story went out, nothing said."""
    article, _ = _from_text(flag)
    assert article.status == "withheld"
    assert article.headline == "Ferry Timetable Changes Announced For Summer"


def test_a_page_with_a_hold_spaced_oddly_left_as_written_is_the_same_article() -> None:
    """The page's reader runs spaces together: the line it showed looked edited, and the page
    read back as another article with a warning."""
    article, _ = _from_text("NOT  FOR PUBLICATION")
    for kind in ("html", "docx"):
        pytest.importorskip("docx") if kind == "docx" else None
        again = read(write(article, format=kind).value, format=kind)
        assert again.value == article, kind
        assert not again.warnings, kind


@pytest.mark.parametrize(
    ("flag", "embargoed", "status"),
    [
        ("EMBARGOED UNTIL 10:00 GMT 5 JUNE 2031", datetime(2031, 6, 5, 10, tzinfo=UTC), None),
        ("NOT FOR PUBLICATION", None, "withheld"),
    ],
)
def test_an_embargo_or_hold_over_a_story_with_no_headline_is_still_read(
    flag: str, embargoed: datetime | None, status: str | None
) -> None:
    """With no headline under it, the line was taken for the headline: the story had no
    embargo (or was not held) and nothing said so. Other flag lines are read as before."""
    story = "The island ferry will sail twice more each day from June, the operator said."
    result = read(f"{flag}\n\n{story}\n".encode(), format="text")
    article = result.value
    assert (article.headline, article.embargoed, article.status) == (None, embargoed, status)
    assert article.extras["text:flags"] == [flag] and article.paragraphs == [story]
    assert "no-headline" in [warning.code for warning in result.warnings]
    release = read(f"FOR IMMEDIATE RELEASE\n\n{story}\n".encode(), format="text").value
    assert release.headline == "FOR IMMEDIATE RELEASE"
    docx = pytest.importorskip("docx")  # (Word reads them so too)
    import io

    document = docx.Document()
    document.add_paragraph(flag)
    document.add_paragraph(story)
    word = io.BytesIO()
    document.save(word)
    in_word = read(word.getvalue(), format="docx")
    assert (in_word.value.headline, in_word.value.embargoed, in_word.value.status) == (
        None,
        embargoed,
        status,
    )
    assert in_word.value.paragraphs == [story]
    assert "no-headline" in [warning.code for warning in in_word.warnings]


@pytest.mark.parametrize("embedded", ["use", "ignore"])
def test_a_correction_typed_above_the_title_beside_its_flags_opens_the_body(embedded: str) -> None:
    """Above an embargo line left as written, the editor's paragraph is the story's, bold and
    all: it went to extras, out of most writers' view (and plain text, when the copy was
    ignored or the file built from the template)."""
    docx = pytest.importorskip("docx")
    import io

    document = docx.Document(io.BytesIO(write(TIDE_TABLES, format="docx").value))
    [title] = [p for p in document.paragraphs if p.text == TIDE_TABLES.headline]
    typed = title.insert_paragraph_before("Correction: ")
    typed.add_run("the harbour master was misnamed.").bold = True
    edited = io.BytesIO()
    document.save(edited)
    result = read(edited.getvalue(), format="docx", options={"embedded": embedded})
    first = result.value.body[0]
    assert isinstance(first, Paragraph)
    assert [(span.text, span.strong) for span in first.content] == [
        ("Correction: ", False),
        ("the harbour master was misnamed.", True),
    ]
    assert result.value.embargoed == LIFTED and "docx:above-title" not in result.value.extras
    [said] = [w.message for w in result.warnings if w.code == "docx-above-title"]
    assert "read as the body's first" in said


@pytest.mark.parametrize("embargo", [LIFTED, date(2031, 3, 4)])
def test_markdown_holds_an_embargoed_story_back_on_a_hugo_site(embargo: date) -> None:
    """Hugo knows no ``embargoed`` key: the embargo is its ``publishDate`` too (a site does not
    publish the page before it), read back as the one embargo, not as a key of the page's own."""
    written = write(TIDE_TABLES.model_copy(update={"embargoed": embargo}), format="markdown")
    assert f"\npublishDate: '{embargo.isoformat()}'\n" in written.value.decode()
    back = read(written.value, format="markdown").value
    assert back.embargoed == embargo
    assert "markdown:publishDate" not in back.extras


def test_a_pages_own_publish_date_is_kept_as_it_was() -> None:
    page = FRONT_MATTER.format(value="2031-03-04").replace("embargoed:", "publishDate:")
    article = read(page.encode(), format="markdown").value
    assert article.embargoed is None
    assert article.extras["markdown:publishDate"] == "2031-03-04"
    again = write(article, format="markdown").value.decode()
    assert "\npublishDate: '2031-03-04'\n" in again


PARIS_TEN = datetime(2031, 6, 5, 8, tzinfo=UTC)  # (10:00 in Paris in summer)


@pytest.mark.parametrize(
    "flag",
    [
        "EMBARGO : NE PAS DIFFUSER AVANT LE 5 JUIN 2031 À 10H00 (HEURE DE PARIS)",
        "NE PAS DIFFUSER AVANT LE 5 JUIN 2031 À 10H00 HEURE DE PARIS",
        "Embargo jusqu'au 5 juin 2031, 10h00 heure de Paris",
        "No publicar antes del 5 de junio de 2031 a las 10:00, hora de Madrid",
        "Non pubblicare prima del 5 giugno 2031 alle 10:00 ora italiana",
        "Sperrfrist: 5. Juni 2031, 10.00 Uhr deutscher Zeit",
        "Embargoed until 09:00 London time, 5 June 2031",
    ],
)
def test_do_not_publish_before_a_city_s_time(flag: str) -> None:
    """ "Do not publish before" in the wires' languages is an embargo's label, and a zone
    written out by its city ("heure de Paris") places its time: the line was taken for the
    headline, or its time for none."""
    article, warnings = _from_text(flag)
    assert article.embargoed is not None
    assert article.embargoed.astimezone(UTC) == PARIS_TEN
    assert article.headline == "Ferry Timetable Changes Announced For Summer"
    assert not [warning for warning in warnings if "embargo" in warning]


@pytest.mark.parametrize(
    "flag",
    ["Sperrfrist: Mittwoch, 5. Juni, 10.00 Uhr", "EMBARGOED UNTIL 10AM ON THE DAY OF THE VOTE"],
)
def test_an_embargo_whose_time_cannot_be_read_holds_the_article(flag: str) -> None:
    """A date without its year, or a time with no date: kept only as the flag line, the embargo
    reached no IPTC output and the article went out at once. It is held, as a hold with no end
    is: the status withheld, the line as the editor's note, in every format that says so."""
    article, warnings = _from_text(flag)
    assert article.embargoed is None
    assert (article.status, article.editor_note) == ("withheld", flag)
    assert any(w.startswith("date-unparsed") and "the article is held" in w for w in warnings)
    assert b'management-status="withheld"' in write(article, format="nitf").value
    assert b'"pubStatus": "withheld"' in write(article, format="ninjs").value
    again = read(write(article, format="text").value, format="text").value
    assert (again.status, again.editor_note) == ("withheld", flag)


@pytest.mark.parametrize(
    ("flag", "embargoed"),
    [
        ("Embargo: 5 June 2031, 11:00 Brussels time", datetime(2031, 6, 5, 9, tzinfo=UTC)),
        ("EMBARGO: 5 June 2031 10:00 hora de Brasilia", datetime(2031, 6, 5, 13, tzinfo=UTC)),
        ("EMBARGOED UNTIL 5 JUNE 2031 (10:00 UK time)", datetime(2031, 6, 5, 9, tzinfo=UTC)),
        # "local time": each place's own clock, no zone (the latest: at UTC-12)
        ("EMBARGOED UNTIL 00:01 LOCAL TIME 5 JUNE 2031", datetime(2031, 6, 5, 0, 1, tzinfo=LATEST)),
        # two cities' clocks: which one the parser read is not known (the latest: at UTC-12)
        ("Embargo: 5 June 2031, 11:00 Paris time / 10:00 UK time",
         datetime(2031, 6, 5, 10, tzinfo=LATEST)),
        ("Não publicar antes das 10h00 de 5 de junho de 2031",
         datetime(2031, 6, 5, 10, tzinfo=LATEST)),
        # a date among words the parser cannot read past: that day's last minute at UTC-12
        ("EMBARGOED UNTIL 00:01 IST 5 JUNE 2031 ON ALL PLATFORMS",
         datetime(2031, 6, 5, 23, 59, tzinfo=LATEST)),
    ],
)  # fmt: skip
def test_an_embargo_is_never_lifted_early_however_its_zone_is_written(
    flag: str, embargoed: datetime
) -> None:
    """A city's clock placed, an unbracketed zone, "local time", two cities, a date among other
    words: each read no earlier than the line can mean, never held for good."""
    article, _ = _from_text(flag)
    assert article.embargoed is not None
    assert article.embargoed.astimezone(UTC) == embargoed.astimezone(UTC)
    assert article.status is None


def test_an_unreadable_embargo_edited_in_word_into_a_date_releases_the_article() -> None:
    """The hold an embargo line with no readable time made follows the edit as a hold with no
    end does: a line with a date releases it; deleted, it stays held, and says so."""
    pytest.importorskip("docx")
    article, _ = _from_text("EMBARGOED UNTIL 10AM")
    assert article.status == "withheld"
    new = "EMBARGOED UNTIL 10:00 GMT 5 JUNE 2031"
    edited = _notice_edited_in_word(new, article, line="EMBARGOED UNTIL 10AM")
    assert edited.value.embargoed == datetime(2031, 6, 5, 10, tzinfo=UTC)
    assert (edited.value.status, edited.value.editor_note) == (None, None)


@pytest.mark.parametrize(
    "flag",
    [
        "HOLD FOR RELEASE",
        "HOLD",
        "DO NOT PUBLISH",
        "Do not publish",
        "Nicht veröffentlichen",
        "Sperrfrist bis auf Weiteres",
        "Ne pas publier",
        "Embargo jusqu'à nouvel ordre",
        "Embargo until further notice",
        "No publicar",
        "Non pubblicare",
        "Não publicar",
    ],
)
def test_a_hold_set_apart_over_the_headline_holds_the_story(flag: str) -> None:
    """A "HOLD FOR RELEASE" line and a hold in mixed case with a headline's label ("Embargo jusqu'à
    nouvel ordre") became the headline, the real one its deck, and the story was not held: set
    apart over a headline, such a line can only be a hold."""
    article, warnings = _from_text(flag)
    assert article.headline == "Ferry Timetable Changes Announced For Summer"
    assert article.status == "withheld" and article.editor_note == flag
    assert article.extras["text:flags"] == [flag]
    assert [w for w in warnings if w.startswith("embargo-indefinite ")]


@pytest.mark.parametrize(
    "headline", ["Harbour board puts ferry plan on hold", "Hold", "Do not publish, judge rules"]
)
def test_a_headline_that_speaks_of_a_hold_holds_nothing(headline: str) -> None:
    """Only a whole line of a hold's words (a lone "HOLD" in capitals) is one."""
    article = read(f"{headline}\n\n{STORY_TEXT}\n".encode(), format="text").value
    assert article.headline == headline
    assert article.status is None and "text:flags" not in article.extras
