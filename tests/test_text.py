"""The plain-text reader and writer: golden fixtures, the user's sample, real wire files, and
round trips. Expected values for the shared files were written by reading the files."""

from __future__ import annotations

import gzip
import json
import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import example, given

from articlekit import Article, read, write
from articlekit.errors import InputError
from articlekit.model import (
    Dateline,
    Figure,
    Heading,
    List,
    ListItem,
    Paragraph,
    Person,
    Quote,
    Rendition,
    Source,
    Span,
    Table,
    TableCell,
    TableRow,
)

from conftest import DATA, read_back, shared_path
from strategies import articles

TEXT_DATA = DATA / "text"
GOLDEN_INPUTS = sorted(path for path in TEXT_DATA.iterdir() if path.suffix in (".txt", ".tst"))
REGENERATE = os.environ.get("ARTICLEKIT_REGENERATE") == "1"


def _golden(path: Path) -> tuple[Path, Path]:
    return path.with_suffix(".expected.json"), path.with_suffix(".warnings")


@pytest.mark.parametrize("path", GOLDEN_INPUTS, ids=lambda path: path.name)
def test_golden_fixture(path: Path) -> None:
    """Each fixture reads to exactly its reviewed expected article and warning codes."""
    result = read(path)
    expected_json, expected_warnings = _golden(path)
    codes = "".join(f"{warning.code}\n" for warning in result.warnings)
    if REGENERATE:
        expected_json.write_text(result.value.model_dump_json(indent=2) + "\n", encoding="utf-8")
        expected_warnings.write_text(codes, encoding="utf-8")
    expected = Article.model_validate_json(expected_json.read_text(encoding="utf-8"))
    assert result.value == expected
    assert codes == expected_warnings.read_text(encoding="utf-8")


def test_web_copy_layout() -> None:
    article = read(TEXT_DATA / "web-copy-like-sample.txt").value
    assert article.headline is not None and article.headline.startswith("Harbour Authority")
    assert article.source is not None and article.source.name == "Coastal Ledger"
    assert str(article.published) == "2024-03-14"
    assert article.dateline is not None and article.dateline.place == "Port Selby"
    assert article.dateline.agency is None
    assert len(article.paragraphs) == 5
    assert article.paragraphs[0].startswith("The harbour authority voted")
    body = " ".join(article.paragraphs)
    for furniture in ("Leave a Reply", "Required fields", "Post Comment", "Save my name"):
        assert furniture not in body
        assert any(furniture in line for line in article.extras["text:removed_lines"])  # type: ignore[union-attr]


def test_byline_and_share_block() -> None:
    result = read(TEXT_DATA / "byline-dash-dateline.txt")
    article = result.value
    assert article.byline == "By Jane Doe and Omar Farouk, Staff Writers"
    assert [person.name for person in article.authors] == ["Jane Doe", "Omar Farouk"]
    assert article.dateline is not None and article.dateline.place == "LINDENFORT"
    assert article.paragraphs[-1] == "Councillors will meet again in two weeks."
    assert "Tram fares" not in " ".join(article.paragraphs)
    assert [warning.code for warning in result.warnings] == ["text-boilerplate-dropped"]


def test_reuters_dateline_hard_wrapped_crlf() -> None:
    article = read(TEXT_DATA / "hard-wrapped-crlf.txt").value
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.date_text, article.dateline.agency) == (
        "HALMSTEAD",
        "Oct 6",
        "Reuters",
    )
    assert article.paragraphs[0] == (
        "Wheat and barley prices rose for a third straight week on Friday as a dry spell across "
        "the northern plains threatened the late harvest, traders said."
    )
    assert len(article.paragraphs) == 3


@pytest.mark.parametrize(
    ("name", "headline", "code"),
    [
        ("cp1252-legacy.txt", "Café Owners Rally Against Terrace Fee", "encoding-fallback"),
        ("utf16-bom.txt", "Library Extends Opening Hours", None),
        ("bom-agency-dateline.txt", "Museum Returns Bronze Bells to Mountain Village", None),
        ("cr-only.txt", "Bridge Closed for Repairs", None),
        ("terminal-escapes.txt", "Storm Warning Lifted", "control-characters-removed"),
    ],
)
def test_encodings_and_line_endings(name: str, headline: str, code: str | None) -> None:
    result = read(TEXT_DATA / name)
    assert result.value.headline == headline
    assert all(len(paragraph) > 10 for paragraph in result.value.paragraphs)
    assert "\x1b" not in result.value.model_dump_json()
    assert [warning.code for warning in result.warnings] == ([code] if code else [])


def test_body_only_text_has_no_headline() -> None:
    result = read(TEXT_DATA / "body-only.txt")
    assert result.value.headline is None
    assert len(result.value.paragraphs) == 3
    assert [warning.code for warning in result.warnings] == ["no-headline"]


def test_structured_text() -> None:
    article = read(TEXT_DATA / "structured.txt").value
    assert article.subheadline == "What changes for households from January"
    assert str(article.published) == "2024-11-02 09:30:00+01:00"
    assert str(article.updated) == "2024-11-03"
    kinds = [block.type for block in article.body]
    assert kinds == ["paragraph", "list", "heading", "quote", "heading", "list", "paragraph"]
    assert article.paragraphs[-1].startswith("- Dashes")


def test_iptc7901_envelope() -> None:
    result = read(TEXT_DATA / "iptc7901-framed.txt")
    article = result.value
    assert article.headline == "Inflation Slows for Second Month in Row"
    assert article.slugline == "Economy-inflation"
    assert article.urgency == 2
    assert article.dateline is not None and article.dateline.agency == "ask"
    assert "Lena Voss" in str(article.extras["text:notebook"])
    assert "Lena Voss" not in " ".join(article.paragraphs)


def test_anpa_envelope() -> None:
    article = read(TEXT_DATA / "anpa1312-framed.tst").value
    assert article.headline == "Last lighthouse keeper on the coast hands over the keys"
    assert article.byline == "By ANNA WEST, Associated Press Writer"
    assert article.dateline is not None
    assert article.dateline.place == "PORT HALLOW, Maine"
    assert str(article.published) == "2019-06-02 18:15:00+00:00"
    assert article.editor_note == "Moves on general news services."
    assert len(article.paragraphs) == 3


# --- the user's sample ------------------------------------------------------------------------

SAMPLE_HEADLINE = (
    "Separatist Rebels Escalate Attacks in Northern Mali, Mainstream Media Condemn Expulsion of "
    "French Troops"
)


def test_user_sample() -> None:
    path = next(shared_path("seed").glob("*.txt"))
    result = read(path)
    article = result.value
    assert article.headline == SAMPLE_HEADLINE
    assert article.source is not None and article.source.name == "Orinoco Tribune"
    assert str(article.published) == "2023-10-06"
    assert article.dateline is not None and article.dateline.place == "Caracas"
    assert len(article.paragraphs) == 12
    assert article.paragraphs[0].startswith("The Malian army has been reporting")
    assert article.paragraphs[-1].endswith("expulsion of the colonial power from their country.")
    body = " ".join(article.paragraphs)
    assert "Leave a Reply" not in body
    assert "Your email address will not be published" not in body
    assert [warning.code for warning in result.warnings] == ["text-boilerplate-dropped"]
    removed = article.extras["text:removed_lines"]  # nothing is lost: the user can get it back
    assert isinstance(removed, list) and removed[0] == "Leave a Reply"


def test_one_line_left_out_is_counted_in_the_singular() -> None:
    body = "The harbour board voted on Tuesday to let night ferries berth at the old quay."
    text = f"Night ferries split the harbour\nBy Jane Doe\n\n{body}\n\n{body}\n\nLeave a Reply\n"
    (warning,) = read(text.encode(), format="text").warnings
    assert "left out 1 line of web page furniture" in warning.message


def test_user_sample_text_json_text_json_is_stable() -> None:
    path = next(shared_path("seed").glob("*.txt"))
    first = read(path).value
    json_bytes = write(first, format="json").value
    from_json = read(json_bytes, format="json").value
    written = write(from_json, format="text")
    again = read(written.value, format="text").value
    # text has no place for the removed web furniture kept in extras: the writer says so
    assert "field-dropped" in {warning.code for warning in written.warnings}
    assert again == first.model_copy(update={"extras": {}})
    assert (
        write(again, format="json").value
        == write(first.model_copy(update={"extras": {}}), format="json").value
    )


# --- real wire files (expectations from reading the files) -------------------------------------


def test_dpa_7901_coalition() -> None:
    result = read(shared_path("corpus", "text", "dpa-iptc7901-coalition.txt"))
    article = result.value
    assert article.headline == "Germany Social Democrats: Coalition talks with Merkel could fail"
    assert article.slugline == "Germany-politics"
    assert article.urgency == 4
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.agency) == ("Berlin", "dpa")
    assert len(article.paragraphs) == 5
    assert article.paragraphs[0].startswith("Negotiations between German conservatives")
    assert article.paragraphs[-1].endswith("sworn in for a third term before Christmas.")
    assert "not for publication" not in " ".join(article.paragraphs)
    assert "text-notebook-moved" in {warning.code for warning in result.warnings}


def test_dpa_7901_two_bylines() -> None:
    article = read(shared_path("corpus", "text", "dpa-iptc7901-two-bylines.txt")).value
    assert article.headline == "Chiefs-Rams 2.0? Would be a fun Super Bowl, but don't count on it"
    assert article.byline == "By Tom Krasovic, The San Diego Union-Tribune"
    assert [person.name for person in article.authors] == ["Tom Krasovic"]
    assert article.slugline == "American Football/NFL"
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.agency) == ("San Diego", "tca/dpa")
    assert article.paragraphs[0].startswith("History says this wasn't a Super Bowl preview")
    assert article.paragraphs[-1].endswith("hinge on firming its defence.")
    assert len(article.paragraphs) == 35  # blank-line separated blocks before "# Notebook"


def test_ap_anpa_argentina() -> None:
    article = read(shared_path("corpus", "text", "ap-anpa1312-argentina-cancer.tst")).value
    assert article.headline == "For Argentine chemo patients, mirrors can hurt"
    assert [person.name for person in article.authors] == ["PAUL BYRNE", "ALMUDENA CALATRAVA"]
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.agency) == ("BUENOS AIRES, Argentina", "AP")
    assert article.paragraphs[0].startswith("For cancer patients dealing with the physical")
    assert (
        article.paragraphs[-1]
        == "APTN contributor Kacey Cherry in Buenos Aires helped with this story."
    )
    assert len(article.paragraphs) == 14  # 15 tab-indented lines, one of them the "___" rule
    assert str(article.published) == "2013-11-13 15:09:00+00:00"


def test_ap_anpa_heat_hawks() -> None:
    article = read(shared_path("corpus", "text", "ap-anpa1312-heat-hawks.tst")).value
    assert article.headline == "Deng has 30 points, short-handed Heat beat Hawks 115-111"
    assert article.byline == "By CHARLES ODUM, AP Sports Writer"
    assert article.authors[0].role == "AP Sports Writer"
    assert article.dateline is not None and article.dateline.place == "ATLANTA"
    assert article.editor_note == "Heat 115, Hawks 111. Updates. With AP Photos."
    assert article.paragraphs[0].startswith("Luol Deng scored 30 points")
    assert article.paragraphs[-1] == "Hawks: Host Milwaukee on Saturday night."
    assert len(article.paragraphs) == 18  # 19 tab-indented lines minus the "___" rule


# newspaper4k body-only extractions: (file, paragraphs, first words, dateline place). Counts are
# the non-blank lines of each file; the Chinese one ends with two editor credits, which go, and
# two "Read more: ..." links inside the Time article are page furniture (kept in extras).
BODY_ONLY = [
    ("newspaper4k-cnn_001.txt", 66, "Justice Samuel Alito is the tip of the spear", None),
    ("newspaper4k-time_001.txt", 16, "James Hansen first warned Congress", None),
    ("newspaper4k-wired_001.txt", 19, "On Sunday, October 29, Ahmed Azza", None),
    ("newspaper4k-fox13now_001.txt", 30, "Not everyone subscribes to a New Year", "WASHINGTON"),
    ("newspaper4k-spanish_article.txt", 7, "El fiscal Pedro Horrach", None),
    ("newspaper4k-japanese_article.txt", 2, "６月12日の歴史的な米朝首脳会談", None),
    ("newspaper4k-chinese_article_001.txt", 11, "在美国旧金山举行的中美元首会晤", None),
    ("newspaper4k-arabic_article.txt", 7, "أكدت جهات سورية معارضة", "دمشق، سوريا"),
    ("newspaper4k-thai_article.txt", 5, "21 ม.ค.2561", None),
    ("newspaper4k-yna_co_kr.txt", 9, "North Korea's official newspaper", "SEOUL"),
]


@pytest.mark.parametrize(("name", "count", "start", "place"), BODY_ONLY)
def test_body_only_extractions(name: str, count: int, start: str, place: str | None) -> None:
    result = read(shared_path("corpus", "text", name))
    article = result.value
    assert article.headline is None
    assert "no-headline" in {warning.code for warning in result.warnings}
    assert len(article.paragraphs) == count
    assert article.paragraphs[0].startswith(start)
    assert (article.dateline.place if article.dateline else None) == place
    meta = json.loads(shared_path("corpus", "text", name.replace(".txt", ".meta.json")).read_text())
    assert meta["title"] not in article.paragraphs  # the title is not in the text: never invented


# --- hostile and broken input -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
            "a PNG picture, not a text",
        ),
        (gzip.compress(b"Ferries run late.\n" * 40), "a gzip-compressed file, .*: decompress it"),
        (b"%PDF-1.7\n" + bytes(range(1, 32)) * 40, "a PDF document, not a text file"),
        (b"\x17\x03" + bytes(range(256)) * 4, r"binary data \(NUL bytes\)"),
        (b"Headline\n\nBody \x00 text with a NUL byte.\n", "NUL"),
        (bytes(range(1, 32)) * 50, "binary data"),
        (b"\xff\xfe" + b"\x00\xd8" + b"a\x00", "UTF-16"),
        (b"\xef\xbb\xbf \n", "file holds only whitespace"),
        (b"\xc2\xa0\xc2\xa0\n", "file holds only whitespace"),
        (b"\xff\xfe \x00\n\x00", "file holds only whitespace"),
    ],
)
def test_binary_input_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read(data, format="text")


# --- round trips --------------------------------------------------------------------------------

TEXT_FIELDS = frozenset(
    {
        "headline",
        "subheadline",
        "byline",
        "authors",
        "source",
        "published",
        "updated",
        "dateline",
        "body",
    }
)
LOSS_CODES = {
    "text-not-round-trippable",
    "field-dropped",
    "formatting-dropped",
    "structure-flattened",
}


@given(articles(TEXT_FIELDS, marks=False))
@example(Article(headline="BY A", updated=date(2000, 1, 1)))  # a headline that reads as a byline
@example(Article(headline="A", subheadline="ENVOYER"))  # a deck that reads as a share button
@example(  # a byline naming no one ("By A0 ="), then a dateline that reads as a byline
    Article(
        byline="By A0",
        authors=[Person(name="A0")],
        dateline=Dateline(place="BY A"),
        body=[Heading(level=1, content=[Span(text="0.")])],
    )
)
def test_text_round_trip_keeps_what_text_carries(article: Article) -> None:
    """read(write(a)) == a whenever the writer reports no loss; losses are always reported."""
    written = write(article, format="text")
    codes = {warning.code for warning in written.warnings}
    if not written.value.strip():
        assert "text-not-round-trippable" in codes
        return
    back = read_back(written.value, "text", bool(codes & LOSS_CODES))
    if back is None:
        return
    if not codes & LOSS_CODES:
        assert back.value == article, written.value.decode()
    # what a text reads as is a fixed point; the furniture lines the first read set aside (in
    # extras, which text does not carry) are no longer in the text the second time
    again = write(back.value, format="text")
    carried = back.value.model_dump(include=set(TEXT_FIELDS))
    assert read(again.value, format="text").value.model_dump(include=set(TEXT_FIELDS)) == carried


@given(articles(marks=True))
def test_text_writer_reports_every_loss(article: Article) -> None:
    written = write(article, format="text")
    codes = {warning.code for warning in written.warnings}
    if not written.value.strip():
        assert "text-not-round-trippable" in codes
        return
    result = read_back(written.value, "text", bool(codes & LOSS_CODES))
    if result is None:
        return
    back = result.value
    carried = article.model_dump(include=set(TEXT_FIELDS))
    if carried != back.model_dump(include=set(TEXT_FIELDS)):
        assert codes & LOSS_CODES, written.value.decode()


def test_combined_header_line_and_printed_times(recwarn: pytest.WarningsRecorder) -> None:
    text = (
        "Title Of The Story\n\nBy Jane Doe | Updated 10:15 AM EDT, Fri October 6, 2023\n\n"
        "Published: October 6, 2023 at 3:45 p.m. ET\n\nLONDON (AP) — Body text here.\n"
    )
    result = read(text.encode(), format="text")
    article = result.value
    assert article.byline == "By Jane Doe"
    assert str(article.updated) == "2023-10-06 10:15:00-04:00"
    # "ET": the US eastern zone, summer or winter time as the date says (EDT here)
    assert str(article.published) == "2023-10-06 15:45:00-04:00"
    assert not result.warnings
    assert article.paragraphs == ["Body text here."]
    assert not recwarn.list  # nothing leaks to Python's warnings (and so to stderr)


def test_iptc7901_refile_with_anonymous_byline() -> None:
    article = read(TEXT_DATA / "iptc7901-refile.txt").value
    assert article.headline == "Grid operators agree on winter reserve plan"
    assert article.byline == "By ask correspondents"
    assert article.authors == []  # names no one
    assert article.extras["text:keyword_lines"] == ["Europe/energy/", "REFILE", "1ST LEAD"]
    assert article.dateline is not None and article.dateline.place == "Vadstena"
    assert len(article.paragraphs) == 2


@pytest.mark.parametrize("status", ["2ND LEAD", "REFILE", "EILT", "UPDATE 3"])
def test_iptc7901_status_line_inside_the_text_is_no_headline(status: str) -> None:
    """Some desks set the status keyword after STX, above the headline."""
    data = (
        "\x01eca0042 3 i 210  ask 0007\r\n\r\nEurope/energy/\r\n"
        f"\x02{status}\r\nGrid operators agree on winter reserve plan\r\n"
        "By Lena Voss, ask =\r\n\r\n"
        "Vadstena (ask) - Grid operators from six countries agreed on\r\n"
        "Wednesday to pool their reserve power plants for the coming winter.\r\n\r\n"
        "The plan takes effect on December 1.\r\n\x03131137 GMT Nov 13\r\n"
    ).encode("latin-1")
    article = read(data, format="text").value
    assert article.headline == "Grid operators agree on winter reserve plan"
    assert article.extras["text:keyword_lines"] == ["Europe/energy/", status]
    assert [author.name for author in article.authors] == ["Lena Voss"]
    assert article.dateline is not None and article.dateline.place == "Vadstena"
    assert article.paragraphs[-1] == "The plan takes effect on December 1."
    assert len(article.paragraphs) == 2


def _wire_7901(keywords: str, above: str, under: str) -> bytes:
    """An invented 7901 item with lines in its keyword block, above and under its headline."""
    return (
        f"\x01eca0042 3 i 210  ask 0007\r\n\r\nEurope/energy/\r\n{keywords}"
        f"\x02{above}Netzbetreiber einigen sich auf Winterreserve =\r\n\r\n{under}"
        "   Vadstena (ask) - Die Netzbetreiber aus sechs Ländern wollen ihre\r\n"
        "Reservekraftwerke im kommenden Winter gemeinsam nutzen.\r\n\r\n"
        "   Der Plan gilt ab Dezember.\r\n\x03131137 MEZ Nov 13\r\n"
    ).encode("latin-1")


@pytest.mark.parametrize("place", ["keywords", "above", "under"])
@pytest.mark.parametrize(
    ("flag", "embargoed"),
    [
        ("Sperrfrist: 14. November 2031, 06.00 Uhr", datetime(2031, 11, 14, 6, tzinfo=UTC)),
        ("EMBARGOED UNTIL 0500 GMT 14 NOVEMBER 2031", datetime(2031, 11, 14, 5, tzinfo=UTC)),
        ("Sperrfrist bis auf Weiteres", None),
    ],
)
def test_iptc7901_flag_lines_in_the_keywords_or_around_the_headline_are_read(
    place: str, flag: str, embargoed: datetime | None
) -> None:
    """An embargo in the keyword block was kept as a keyword line, one above the headline
    became the headline, one under it the first paragraph (its dateline lost): the story went
    out unembargoed."""
    lines = {name: f"{flag}\r\n" if name == place else "" for name in ("keywords", "above")}
    under = f"{flag}\r\n\r\n" if place == "under" else ""
    data = _wire_7901(lines["keywords"], lines["above"], under)
    article = read(data, format="text", options={"timezone": "UTC"}).value
    assert article.headline == "Netzbetreiber einigen sich auf Winterreserve"
    assert article.embargoed == embargoed
    assert article.status == (None if embargoed else "withheld")
    assert article.extras["text:flags"] == [flag]
    assert "text:keyword_lines" not in article.extras
    assert article.dateline is not None and article.dateline.place == "Vadstena"
    assert article.paragraphs[-1] == "Der Plan gilt ab Dezember."


def test_an_embargo_line_under_a_headline_is_the_embargo_not_the_deck() -> None:
    """It became the subheadline and the story had no embargo."""
    text = (
        "Harbour board approves new ferry pier\n\nEMBARGOED UNTIL 00:01 GMT 3 MARCH 2031\n\n"
        "WESTCLIFF (ask) — The harbour board approved the new pier on Monday.\n\n"
        "Building starts in May.\n"
    )
    article = read(text.encode(), format="text").value
    assert article.headline == "Harbour board approves new ferry pier"
    assert article.subheadline is None
    assert article.embargoed == datetime(2031, 3, 3, 0, 1, tzinfo=UTC)
    assert article.extras["text:flags"] == ["EMBARGOED UNTIL 00:01 GMT 3 MARCH 2031"]
    assert article.dateline is not None and article.dateline.place == "WESTCLIFF"


@pytest.mark.parametrize(
    "notebook",
    [
        "# ask-Notizblock\r\n\r\nDie folgenden Informationen sind nicht zur Veröffentlichung"
        " bestimmt\r\n\r\n- Autorin: Greta Holm",
        "# Notizblock\r\n\r\n- Autorin: Greta Holm",
        "# Bloc-notes\r\n\r\n- Autrice : Greta Holm",
        "# Bloc de notas\r\n\r\n- Autora: Greta Holm",
        "Die folgenden Informationen sind nicht zur Veröffentlichung bestimmt\r\n\r\n"
        "- Autorin: Greta Holm",
        "Les informations suivantes ne sont pas destinées à la publication\r\n\r\n"
        "- Autrice : Greta Holm",
    ],
)
def test_iptc7901_notebook_in_other_languages_leaves_the_body(notebook: str) -> None:
    """A German, French or Spanish notebook (contacts, not for publication) stayed in the body:
    only "# Notebook" was one."""
    data = _wire_7901("", "", "").replace(b"\x03", f"\r\n{notebook}\r\n\x03".encode("latin-1"), 1)
    result = read(data, format="text")
    assert "Greta Holm" in str(result.value.extras["text:notebook"])
    assert result.value.paragraphs[-1] == "Der Plan gilt ab Dezember."
    assert "text-notebook-moved" in [w.code for w in result.warnings]


def _anpa(priority: str, above: str, note: str) -> bytes:
    """An invented ANPA-1312 item with a priority, lines above its keyword line and a note."""
    return (
        f"\x16\x16\x01Q5521\x1fnews\n{priority} a\x13\x11 BC-US--Ferry-Pier     03-02 0120\n"
        f"\x02{above}^BC-US--Ferry-Pier,120<\n^Harbour board approves new ferry pier<\n"
        f"^Eds: {note}<\n^By MARA LINDQVIST=\n^Associated Press Writer=\n"
        "\t   WESTCLIFF, Maine (AP) _ The harbour board approved the new pier on Monday.\n"
        "\t   Building starts in May.\n\x03AP-WF-03-02-31 1815GMT<\n\x04"
    ).encode("latin-1")


@pytest.mark.parametrize(
    ("above", "note"),
    [
        ("^EMBARGOED UNTIL 00:01 GMT 3 MARCH 2031<\n", "Moves on general news services."),
        ("", "EMBARGOED UNTIL 00:01 GMT 3 MARCH 2031. Moves on general news services."),
        ("", "Sperrfrist: 3. März 2031, 01.01 Uhr MEZ. Moves on general news services."),
    ],
)
def test_anpa_embargo_above_the_keyword_line_or_in_the_editors_note_is_read(
    above: str, note: str
) -> None:
    """Above the keyword line it became the keyword (the slug "EMBARGOED", the keyword line the
    headline); in the editors' note it stayed only there: the story went out unembargoed."""
    article = read(_anpa("r", above, note), format="text").value
    assert article.embargoed == datetime(2031, 3, 3, 0, 1, tzinfo=UTC)
    assert article.headline == "Harbour board approves new ferry pier"
    assert article.slugline == "Ferry-Pier"
    assert article.editor_note == note  # (the note stays whole)
    assert article.byline == "By MARA LINDQVIST, Associated Press Writer"


@pytest.mark.parametrize("stop", ["", "."])
def test_anpa_editors_note_that_is_only_an_embargo_is_the_embargo_once(stop: str) -> None:
    """Kept as the editor's note beside the embargo, NITF said the embargo twice (``ed-msg`` and
    ``date.release``) and text, which prints only the embargo's line, lost the note on the way
    back; a note without its stop gave no embargo at all, and the story went out at once."""
    note = f"EMBARGOED UNTIL 00:01 GMT 3 MARCH 2031{stop}"
    article = read(_anpa("r", "", note), format="text").value
    assert article.embargoed == datetime(2031, 3, 3, 0, 1, tzinfo=UTC)
    assert article.editor_note is None
    nitf = write(article, format="nitf").value
    assert b"ed-msg" not in nitf and b'date.release norm="20310303T000100+0000"' in nitf
    again = read(write(read(nitf, format="nitf").value, format="text").value, format="text").value
    assert (again.embargoed, again.editor_note, again.status) == (article.embargoed, None, None)


def test_anpa_editors_note_that_is_only_a_hold_holds_the_story() -> None:
    article = read(_anpa("r", "", "HOLD FOR RELEASE"), format="text").value
    assert (article.status, article.editor_note) == ("withheld", "HOLD FOR RELEASE")
    nitf = read(write(article, format="nitf").value, format="nitf").value
    assert (nitf.status, nitf.editor_note) == ("withheld", "HOLD FOR RELEASE")


@pytest.mark.parametrize(
    ("priority", "urgency"), [("f", 1), ("b", 2), ("u", 3), ("r", 4), ("d", 5)]
)
def test_anpa_priority_letter_gives_the_urgency(priority: str, urgency: int) -> None:
    """A flash gave no urgency at all, where a 7901 item's priority digit gives it."""
    article = read(_anpa(priority, "", "Moves on general news services."), format="text").value
    assert article.urgency == urgency


def test_anpa_priority_letter_of_no_known_rank_gives_no_urgency_and_says_so() -> None:
    """A letter no published table ranks is kept, not guessed at; it went unsaid."""
    result = read(_anpa("q", "", "Moves on general news services."), format="text")
    assert result.value.urgency is None
    assert result.value.extras["text:anpa_envelope"]["priority"] == "q"
    (warning,) = [w for w in result.warnings if w.code == "text-wire-priority-unknown"]
    assert "'q'" in warning.message
    known = read(_anpa("r", "", "Moves on general news services."), format="text")
    assert "text-wire-priority-unknown" not in [w.code for w in known.warnings]


def test_anpa_agate_keeps_lines() -> None:
    article = read(TEXT_DATA / "anpa1312-agate.tst").value
    assert article.headline == "Northern League Standings"
    assert article.byline == "By The Associated Press"
    lines = article.paragraphs[0].split("\n")
    assert lines[:3] == ["TABLE", ";P;W;D;L;Pts", "Harbour Town;10;7;2;1;23"]


def test_anpa_headline_list() -> None:
    article = read(TEXT_DATA / "anpa1312-headlines.tst").value
    assert article.headline == "AP Top Local News at 6 p.m."
    assert article.slugline == "AP-Top-Local-Headlines"
    assert article.paragraphs == [
        "Ferry timetable changes from Monday",
        "Library wins national award",
        "Road works close the harbour bridge",
    ]


def test_non_characters_are_removed_so_every_writer_can_write() -> None:
    data = "Headline Here\n\nBody with \ufffe and \uffff inside.\n".encode()
    result = read(data, format="text")
    assert result.value.paragraphs == ["Body with and inside."]
    assert [warning.code for warning in result.warnings] == ["control-characters-removed"]
    for name in ("docx", "ninjs", "newsml", "nitf"):
        assert read(write(result.value, format=name).value).value == result.value


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Headline Here\n\n" + b"Pa.\n\n" * 600_000, "more than 1000000 lines"),
        (b"Headline Here\n\n" + b"Pa.\n\n" * 55_000, "more than 50000 paragraphs"),
        (b"Headline Here\n\n" + b"".join(b"  " * i + b"- item\n" for i in range(2000)), "nested"),
        (b"Headline Here\n\n" + b"> " * 5000 + b"quoted\n", "nested"),
        (b"Headline Here\n\n" + (b"|" + b"c|" * 300 + b"\n") * 200, "and table cells"),
    ],
    ids=["many-lines", "many-paragraphs", "deep-list", "deep-quote", "huge-table"],
)
def test_hostile_layouts_stop_early(data: bytes, message: str) -> None:
    import time

    started = time.perf_counter()
    with pytest.raises(InputError, match=message):
        read(data, format="text")
    assert time.perf_counter() - started < 5


def test_loose_numbered_list_is_one_list() -> None:
    text = b"Head Line Here\n\nIntro.\n\n1. one\n\n2. two\n\n3. three\n"
    article = read(text, format="text").value
    assert [block.type for block in article.body] == ["paragraph", "list"]
    assert len(article.body[1].items) == 3  # type: ignore[union-attr]


def test_a_list_item_of_several_blocks_keeps_all_its_text_on_its_line() -> None:
    """A plain-text item is one paragraph and its lists: the second paragraph, quote and table of
    a richer item were left out, said as "flattened"; they are run together onto its line."""
    item = ListItem(
        blocks=[
            Paragraph(content=[Span(text="Crews at the quay")]),
            Paragraph(content=[Span(text="who worked through the night")]),
            Quote(blocks=[Paragraph(content=[Span(text="We were ready")])]),
            List(items=[ListItem(blocks=[Paragraph(content=[Span(text="and the night shift")])])]),
        ]
    )
    cells = [TableCell(content=[Span(text="Night fares")]), TableCell(content=[Span(text="£4")])]
    tabled = ListItem(
        blocks=[
            Paragraph(content=[Span(text="Fares rise")]),
            Table(rows=[TableRow(cells=cells)]),
            Figure(caption=[Span(text="A ferry")], renditions=[Rendition(uri="f.jpg")]),
        ]
    )
    lists_alone = ListItem(blocks=[List(items=[item])])  # (an item of a list alone)
    article = Article(
        headline="Harbour Crews Thanked",
        body=[List(items=[item, tabled]), List(items=[lists_alone])],
    )
    written = write(article, format="text")
    text = written.value.decode()
    assert "- Crews at the quay who worked through the night We were ready\n" in text
    assert "- Fares rise Night fares £4 A ferry\n" in text
    assert text.count("  - and the night shift") == 2
    said = [w.message for w in written.warnings if w.code == "structure-flattened"]
    assert len(said) == 1 and "run together" in said[0] and "text is kept" in said[0]
    assert "pictures in them were left out" in said[0]
    again = read(written.value, format="text").value
    first, hoisted = again.body
    assert [item.blocks[0].text for item in first.items] == [  # type: ignore[union-attr]
        "Crews at the quay who worked through the night We were ready",
        "Fares rise Night fares £4 A ferry",
    ]
    assert hoisted.items[0].blocks[0].text == first.items[0].blocks[0].text  # type: ignore[union-attr]


def test_an_ordered_items_list_alone_is_numbered_on_with_its_parent() -> None:
    """Its items stand in its place, numbered on: "1. a / - x / - y / 3. c" read back as one
    list anyway, its numbers skipping."""
    item = ListItem(
        blocks=[List(items=[ListItem(blocks=[Paragraph(content=[Span(text=t)])]) for t in "xy"])]
    )
    plain = [ListItem(blocks=[Paragraph(content=[Span(text=t)])]) for t in "ac"]
    article = Article(
        headline="Harbour Crews Thanked",
        body=[List(ordered=True, items=[plain[0], item, plain[1]])],
    )
    written = write(article, format="text")
    assert "1. a\n2. x\n3. y\n4. c\n" in written.value.decode()
    [said] = [w.message for w in written.warnings if w.code == "structure-flattened"]
    assert said.endswith("items of lists alone were replaced by their lists' items")


def test_byline_that_names_no_one_reads_back() -> None:
    article = read(TEXT_DATA / "iptc7901-refile.txt").value
    again = read(write(article, format="text").value, format="text").value
    assert again.byline == "By ask correspondents"
    assert again.dateline == article.dateline
    assert again.paragraphs == article.paragraphs


@pytest.mark.parametrize("line", ["Published: 2023-02-30", "Published: 2023-10-06T25:00:00Z"])
def test_unparsable_labelled_dates_are_reported_not_taken_for_text(line: str) -> None:
    result = read(f"Head Line Here\n\n{line}\n\nBody text.\n".encode(), format="text")
    assert result.value.paragraphs == ["Body text."]
    assert result.value.published is None and result.value.updated is None
    assert [warning.code for warning in result.warnings] == ["date-unparsed"]
    assert result.warnings[0].line == 3


PLAIN_BODIES = {
    "en": "The harbour board voted on Tuesday to let night ferries berth at the old quay, and "
    "fishermen said they had not been asked.\n\nThe board said the ferries would bring visitors "
    "in the evening and ease the traffic in the town.",
    "fr": "Le conseil du port a décidé mardi que les ferries pourront accoster la nuit au vieux "
    "quai, et les pêcheurs disent qu'on ne leur a rien demandé.\n\nLe conseil estime que les "
    "ferries amèneront des visiteurs le soir et que la circulation sera plus fluide en ville.",
}


@pytest.mark.parametrize(
    ("language", "line", "published"),
    [
        # (a page's guessed language is no proof of its order: a cookie banner, a German blog
        # printing month first)
        ("fr", "11/09/2024 06:05", None),
        ("en", "Publié le 02/11/2023 à 07h34", date(2023, 11, 2)),  # (the label's language)
        ("en", "11/09/2024 06:05", None),  # (11 September or November 9? not guessed)
        ("en", "25/09/2024 06:05", date(2024, 9, 25)),  # (no 25th month)
    ],
)
def test_a_numeric_date_line_reads_in_the_order_its_language_writes(
    language: str, line: str, published: date | None
) -> None:
    """A plain copy (headline, date line, byline, prose): its numbers with slashes read day first
    in a language other than English or after a label in one."""
    text = f"Night ferries split the harbour\n\n{line}\n\nBy Jane Doe\n\n{PLAIN_BODIES[language]}\n"
    article = read(text.encode(), format="text").value
    assert article.published == published and article.byline == "By Jane Doe"
    assert article.paragraphs == PLAIN_BODIES[language].split("\n\n")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("Night ferries split the harbour\nBy Jane Doe, 31 Febtober 2024\n\n{body}", 2),
        ("Night ferries split the harbour  \nBy Jane Doe, 31 Febtober 2024  \n\n{body}", 2),
        ("Night ferries split the harbour\n\nBy Jane Doe | 12 Smarch 2024\n\n{body}", 3),
        (
            "Menu\nHome\nNews\n\nNight ferries split the harbour\nBy Jane Doe, 31 Febtober 2024"
            "\n\n{body}\n\nShare on Facebook\nShare on Twitter\n",
            6,
        ),
    ],
)
def test_a_bylines_date_that_cannot_be_read_is_reported_on_its_line(text: str, line: int) -> None:
    """The date a byline ends with is no part of the byline field: one that cannot be read is
    reported, as a labelled date line is, not dropped silently."""
    body = (
        "The harbour board voted on Tuesday to let night ferries berth at the old quay, and "
        "fishermen said they had not been asked.\n\nThe board said the ferries would bring "
        "visitors in the evening and ease traffic in the town."
    )
    result = read(text.format(body=body).encode(), format="text")
    assert result.value.byline == "By Jane Doe" and result.value.published is None
    unparsed = [warning for warning in result.warnings if warning.code == "date-unparsed"]
    assert [
        (warning.line, "Febtober" in warning.message or "Smarch" in warning.message)
        for warning in unparsed
    ] == [(line, True)]


@pytest.mark.parametrize(
    ("line", "key", "value"),
    [
        ("3 hours ago", "text:relative_date", "3 hours ago"),
        ("5 min read", "text:reading_time", "5 min read"),
        ("Edited by John Roe", "text:contributors", ["Edited by John Roe"]),
    ],
)
def test_header_lines_under_the_headline_with_no_field_are_kept_in_extras(
    line: str, key: str, value: object
) -> None:
    """They were read, then dropped silently, when they stood in the headline's chunk."""
    body = "The harbour board voted on Tuesday to let night ferries berth at the old quay."
    text = f"Night ferries split the harbour\nBy Jane Doe\n{line}\n\n{body}\n\n{body}\n"
    article = read(text.encode(), format="text").value
    assert article.byline == "By Jane Doe" and article.extras[key] == value


def test_minutes_after_a_byline_are_no_relative_date() -> None:
    """("By Jane Doe · 4 min": a reading time as often as a post's age.)"""
    body = "The harbour board voted on Tuesday to let night ferries berth at the old quay."
    text = f"Night ferries split the harbour\nBy Jane Doe · 4 min\n\n{body}\n\n{body}\n"
    assert "text:relative_date" not in read(text.encode(), format="text").value.extras


def test_how_long_ago_a_byline_says_it_was_posted_is_a_relative_date() -> None:
    body = "The harbour board voted on Tuesday to let night ferries berth at the old quay."
    text = f"Night ferries split the harbour\nBy Jane Doe • 8h\n\n{body}\n\n{body}\n"
    result = read(text.encode(), format="text")
    assert result.value.byline == "By Jane Doe"
    assert result.value.extras["text:relative_date"] == "8h"
    assert [(warning.code, warning.line) for warning in result.warnings] == [("date-relative", 2)]


def test_source_name_with_a_comma_reads_back() -> None:
    """ "Harbour Media, Inc., October 6, 2023 —": the date is what ends the line."""
    article = Article(
        headline="Ferries Return",
        byline="By Jane Doe, Harbour Desk",
        authors=[Person(name="Jane Doe")],
        source=Source(name="Harbour Media, Inc."),
        published=date(2023, 10, 6),
        dateline=Dateline(place="Port Aldwin, ME"),
        body=[
            Paragraph(content=[Span(text="The ferries are back.")]),
            Paragraph(content=[Span(text="Crowds came.")]),
        ],
    )
    written = write(article, format="text")
    assert b"Harbour Media, Inc., October 6, 2023 \xe2\x80\x94" in written.value
    assert not written.warnings
    assert read(written.value, format="text").value == article


def test_wire_layout_indented_first_lines_bullets_and_one_line_paragraphs() -> None:
    """Wire copy indents each paragraph's first line only, so an indented line always starts
    something new, even right after another indented line."""
    text = (
        "Ferry Fares Rise\n\n"
        "(Adds reaction)\n"
        "    * Fares up 4 percent from March\n"
        "    * Night crossings added\n"
        "    By Jane Doe\n"
        "    PORT ALDWIN, March 3 (Courier) - The harbour board raised ferry\n"
        "fares on Monday, citing fuel costs and the new night\n"
        "crossings.\n"
        "    Commuters said the rise was steep.\n"
        "    The board said the fares would be reviewed in a year, and\n"
        "that season tickets would not change.\n"
    )
    article = read(text.encode(), format="text").value
    assert [block.type for block in article.body] == [
        "paragraph", "list", "paragraph", "paragraph", "paragraph", "paragraph"
    ]  # fmt: skip
    assert len(article.body[1].items) == 2  # type: ignore[union-attr]
    assert article.paragraphs[1:] == [
        "By Jane Doe",
        "PORT ALDWIN, March 3 (Courier) - The harbour board raised ferry fares on Monday, citing "
        "fuel costs and the new night crossings.",
        "Commuters said the rise was steep.",
        "The board said the fares would be reviewed in a year, and that season tickets would not "
        "change.",
    ]


def test_an_absurd_anpa_envelope_line_is_not_an_envelope() -> None:
    """An envelope of 20,000 "1-1" once made the envelope pattern backtrack for half a minute."""
    data = (
        b"\x16\x16\x01W2870 asian\nf l\x13\x11 " + b"1-1" * 20_000 + b"\n\x02   Story here.\n\x03"
    )
    article = read(data, format="text").value
    assert "text:anpa_envelope" not in article.extras


def test_a_crosshead_with_a_long_run_of_spaces_reads_quickly() -> None:
    """ "# x", 100,000 spaces, "y" once took the crosshead pattern twenty seconds."""
    article = read(b"Headline Here\n\n# x" + b" " * 100_000 + b"y\n\nText.\n", format="text").value
    assert article.body[0].text == "x y"  # type: ignore[union-attr]


def test_a_table_rule_with_no_row_is_a_paragraph() -> None:
    """ "|-|" alone reads as a table of no rows, which the model refuses: the whole text was
    rejected as an invalid article."""
    article = read(b"Harbour Board Backs Night Ferries\n\n|-|\n", format="text").value
    assert article.paragraphs == ["|-|"]


# --- handling lines above the headline ------------------------------------------------------------

STORY = (
    "Harbour board backs night ferries\n\nBy Ann Lee\n\n"
    "PORT ALDWIN (Westcliff Courier) — The harbour board voted on Tuesday to let night ferries "
    "berth at the old quay.\n\nFishermen said they had not been asked.\n"
)


@pytest.mark.parametrize(
    "flag",
    [
        "EMBARGOED UNTIL 00:01 GMT 5 JUNE 2024",
        "Embargo: 5 June 2024, 00:01 BST",
        "Sperrfrist: 5. Juni 2024, 10 Uhr",
        "URGENT",
        "FOR IMMEDIATE RELEASE",
        "Pressemitteilung",
        "Communiqué de presse",
    ],
)
def test_a_handling_line_above_the_headline_is_kept_not_taken_for_it(flag: str) -> None:
    result = read(f"{flag}\n\n{STORY}".encode(), format="text")
    article = result.value
    assert article.headline == "Harbour board backs night ferries"
    assert article.byline == "By Ann Lee" and article.dateline is not None
    assert article.extras["text:flags"] == [flag]
    again = read(write(article, format="text").value, format="text").value
    assert again.headline == article.headline and again.extras["text:flags"] == [flag]


@pytest.mark.parametrize(
    "title",
    [
        "Embargo on exports eased",
        "Embargo 2024: what changed",
        "Urgent care waits grow",
        "Embargo: Cuba Marks Sixty Years Under Sanctions",  # (an embargo line gives its time)
        "Embargo 60 Years On: What Changed",
        "Not For Publication: The Secret Memo",
        "Sperrfrist 10 Uhr: Streit um die Fähren",
    ],
)
def test_a_headline_about_an_embargo_is_a_headline(title: str) -> None:
    article = read(f"{title}\n\n{STORY}".encode(), format="text").value
    assert article.headline == title and "text:flags" not in article.extras


def test_a_flag_over_no_headline_warns_once_about_the_date_under_it() -> None:
    text = "URGENT\n\nPosted: Febtober 31, 2024\n\nPolice closed the station.\n\nIt reopened.\n"
    warnings = read(text.encode(), format="text").warnings
    assert [(warning.code, warning.line) for warning in warnings] == [("date-unparsed", 3)]


def test_a_sentence_opening_with_a_date_label_is_no_date_line() -> None:
    """A label set off by a space alone makes a broken date line only if a date follows."""
    lede = "Letzte Aktualisierung der Software legte 2024 Tausende Rechner lahm."
    text = f"Bundestag beschließt neues Mietrecht\n\n{lede}\n\nMehr Text dazu.\n"
    result = read(text.encode(), format="text")
    assert result.value.paragraphs == [lede, "Mehr Text dazu."] and not result.warnings


@pytest.mark.parametrize(
    "line",
    [
        "Firefighters battle a fire near the harbour, March 3, 2025. (Photo: Jane Roe)",
        "(Adds analyst comment, updates prices)",
        "Editor: please note the embargo",
    ],
)
def test_a_caption_or_a_note_over_the_dateline_is_no_deck(line: str) -> None:
    text = (
        f"Oil Prices Jump on Supply Fears\n\n{line}\n\n"
        "LONDON (Reuters) - Oil prices rose on Tuesday.\n\nBrent rose 2%.\n"
    )
    article = read(text.encode(), format="text").value
    assert article.subheadline is None and line in article.paragraphs


def test_a_header_line_printed_twice_is_warned_about_on_each_line() -> None:
    dated = "Updated: March 3, 2024 10:30"
    body = "The council met on Tuesday.\n\nIt approved the budget."
    text = f"Council Approves Budget\n{dated}\n\n{dated}\n\n{body}\n"
    warnings = read(text.encode(), format="text").warnings
    assert [(warning.code, warning.line) for warning in warnings] == [
        ("date-time-without-zone", 2),
        ("date-time-without-zone", 4),
    ]


def test_flags_the_writer_cannot_write_back_as_flags_are_not_written() -> None:
    article = Article(
        headline="Council Approves Budget",
        body=[Paragraph(content=[Span(text="The council approved the budget.")])],
        extras={"text:flags": ["EMBARGOED UNTIL 10:00\n\nAnother Headline\n\nInjected."]},
    )
    result = write(article, format="text")
    assert b"Another Headline" not in result.value
    assert [warning.code for warning in result.warnings] == ["field-dropped"]


def test_a_press_release_reads_its_deck_and_its_wire_dateline() -> None:
    text = (
        "FOR IMMEDIATE RELEASE\n\nHarbour Line Orders Two Electric Ferries\n\n"
        "Night crossings to start in spring\n\n"
        "PORT ALDWIN, England, March 3, 2025 /Courier Wire/ -- Harbour Line said on Monday it "
        "had ordered two electric ferries for its night crossings.\n\n"
        "The ferries will carry 300 passengers each.\n"
    )
    article = read(text.encode(), format="text").value
    assert article.headline == "Harbour Line Orders Two Electric Ferries"
    assert article.subheadline == "Night crossings to start in spring"
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.agency) == (
        "PORT ALDWIN, England",
        "Courier Wire",
    )
    assert article.paragraphs[0].startswith("Harbour Line said on Monday")


@pytest.mark.parametrize(
    ("flag", "embargoed"),
    [
        ("EMBARGOED UNTIL 00:01 GMT 5 JUNE 2024", "2024-06-05 00:01:00+00:00"),
        ("Embargo: 5 June 2024", "2024-06-05"),
        ("Embargoed until 10am", None),  # (a time alone gives no moment)
        ("FOR IMMEDIATE RELEASE", None),
    ],
)
def test_an_embargo_line_gives_the_embargo(flag: str, embargoed: str | None) -> None:
    article = read(f"{flag}\n\n{STORY}".encode(), format="text").value
    assert (None if article.embargoed is None else str(article.embargoed)) == embargoed


def test_the_embargo_is_written_above_the_headline_and_reads_back() -> None:
    from datetime import datetime

    base = read(STORY.encode(), format="text").value
    moment = datetime(2024, 6, 5, 0, 1, tzinfo=UTC)
    for article in (
        base.model_copy(update={"embargoed": moment}),
        # (a flag line read before that gives another moment is replaced, not written twice)
        base.model_copy(
            update={"embargoed": moment, "extras": {"text:flags": ["Embargo: 1 May 2024"]}}
        ),
    ):
        result = write(article, format="text")
        assert result.value.startswith(b"EMBARGOED UNTIL 2024-06-05T00:01:00+00:00\n\n")
        assert not result.warnings
        assert read(result.value, format="text").value.embargoed == moment
    headless = base.model_copy(update={"embargoed": moment, "headline": None})
    warnings = write(headless, format="text").warnings
    assert any("embargoed" in warning.fields for warning in warnings)


@pytest.mark.parametrize(
    ("flag", "embargoed"),
    [
        ("EMBARGOED UNTIL 00:01 GMT-5 5 JUNE 2024", "2024-06-05 00:01:00-05:00"),
        ("EMBARGOED UNTIL 6 A.M. EDT, JUNE 5, 2024", "2024-06-05 06:00:00-04:00"),
        ("EMBARGADO HASTA EL 5 DE JUNIO DE 2024 A LAS 00:01 CET", "2024-06-05 00:01:00+01:00"),
        ("*** EMBARGOED UNTIL 5 JUNE 2024 ***", "2024-06-05"),
        ("NOT FOR PUBLICATION BEFORE 00:01 GMT 5 JUNE 2024", "2024-06-05 00:01:00+00:00"),
        ("EMBARGO FINO ALLE ORE 00:01 DEL 5 GIUGNO 2024", "2024-06-05 00:01:00-12:00"),
    ],
)
def test_an_embargo_line_right_over_the_headline_gives_the_embargo(
    flag: str, embargoed: str
) -> None:
    """With or without a blank line between the flag and the headline."""
    for gap in ("\n\n", "\n"):
        article = read(f"{flag}{gap}{STORY}".encode(), format="text").value
        assert article.headline == "Harbour board backs night ferries"
        assert str(article.embargoed) == embargoed and article.extras["text:flags"] == [flag]


def test_an_embargo_line_whose_time_cannot_be_read_is_said() -> None:
    flag = "EMBARGOED UNTIL 00:01 ON THE DAY OF THE VOTE"
    result = read(f"{flag}\n\n{STORY}".encode(), format="text")
    assert result.value.embargoed is None and result.value.extras["text:flags"] == [flag]
    assert [(w.code, w.line) for w in result.warnings] == [("date-unparsed", 1)]


def test_a_lifted_embargo_is_not_written_back_from_its_old_line() -> None:
    article = read(f"EMBARGOED UNTIL 00:01 GMT 5 JUNE 2024\n\n{STORY}".encode(), format="text")
    lifted = article.value.model_copy(update={"embargoed": None})
    written = write(lifted, format="text").value
    assert b"EMBARGOED" not in written
    assert read(written, format="text").value.embargoed is None


@pytest.mark.parametrize("text", ["URGENT\n", "URGENT\nFOR IMMEDIATE RELEASE\n"])
def test_a_text_of_flag_lines_alone_is_read(text: str) -> None:
    """It raised IndexError (a traceback, not a one-line error): nothing stood under the flags."""
    result = read(text.encode(), format="text")
    assert result.value.headline is None
    assert result.value.paragraphs == [" ".join(text.split())]
    assert [warning.code for warning in result.warnings] == ["no-headline"]


@pytest.mark.parametrize(
    "text", ["EMBARGOED UNTIL 00:01 GMT 5 JUNE 2030\n", "EMBARGOED UNTIL FURTHER NOTICE\n"]
)
def test_an_embargo_or_hold_alone_is_no_story_to_publish(text: str) -> None:
    """Read as the body's one paragraph, the story had no embargo, no hold: it could go out."""
    with pytest.raises(InputError, match="holds no article"):
        read(text.encode(), format="text")


def test_a_first_paragraph_opening_with_by_and_a_day_stays_the_storys() -> None:
    """ "By Sunday, the toll had climbed ..." opens the story: it is neither taken for a byline
    nor cut to "By Sunday", the rest of the sentence lost without a word."""
    lead = "By Sunday, the toll had climbed to twelve, according to the harbour police."
    text = f"Storm Toll Rises To Twelve\n\n{lead}\n\nDivers searched the bay on Sunday evening.\n"
    article = read(text.encode(), format="text").value
    assert article.byline is None and not article.authors
    assert article.paragraphs == [lead, "Divers searched the bay on Sunday evening."]


def test_short_paragraphs_one_a_line_are_not_joined_as_wrapped_lines() -> None:
    """A browser's copy of a page of short paragraphs gives one a line, no blank line between:
    lines that mostly end a sentence are paragraphs, however short, not a paragraph's lines
    wrapped at a width (they were joined into a few paragraphs, unsaid)."""
    lines = [
        "The council voted five to two on Tuesday night to approve the harbour budget.",
        "The new pier will replace the one built in 1962. Its features include:",
        "a ferry berth for the night boats;",
        "a fish market hall;",
        "moorings for forty yachts.",
        "A councillor who voted against it said the town cannot afford it.",
        '"We have potholes on every street," he said.',
        "The mayor disagreed. The pier is an investment in the next fifty years, she said.",
        "Work is to start in the autumn.",
        "The vote ends two years of debate.",
    ]
    text = "Harbour Budget Approved\nBy Jane Doe\n" + "\n".join(lines) + "\n"
    article = read(text.encode(), format="text").value
    assert "\n".join(article.paragraphs).split("\n")[-8:] == lines[-8:]


def test_the_dates_of_one_header_line_are_told_apart_in_their_warnings() -> None:
    """ "Published: ... | Updated: ..." without a zone: two warnings, one for each date (they
    were the same line twice)."""
    text = (
        "Harbour Budget Approved\n\nPublished: March 5, 2024 at 7:30 p.m. | Updated: March 6, "
        "2024 at 9:12 a.m.\n\nThe council voted on Tuesday to approve the harbour budget.\n"
    )
    warnings = read(text.encode(), format="text").warnings
    zoneless = [w.message for w in warnings if w.code == "date-time-without-zone"]
    assert [message.split(" '")[0] for message in zoneless] == [
        "the published date of",
        "the updated date of",
    ]


def test_a_date_line_going_on_with_its_update_after_no_stop_gives_both_dates() -> None:
    """ "... at 7:05 am Updated ... at 4:40 pm": the same as with a comma or a "|" between, not
    the story's deck."""
    text = (
        "Tram Depot Reopens\n\nApril 9, 2024 at 7:05 am Updated April 9, 2024 at 4:40 pm\n\n"
        "By Jane Roe\n\nThe tram depot on Quay Street reopened on Tuesday after a year of work.\n"
    )
    article = read(text.encode(), format="text").value
    assert article.subheadline is None
    assert (str(article.published), str(article.updated)) == ("2024-04-09", "2024-04-09")
    assert article.paragraphs == [
        "The tram depot on Quay Street reopened on Tuesday after a year of work."
    ]


@pytest.mark.parametrize(
    ("header", "byline", "authors"),
    [
        (
            "April 9, 2024\n\nBy\nJane Roe\nHarbour Post city reporter",
            "By Jane Roe",
            [{"name": "Jane Roe", "role": "Harbour Post city reporter"}],
        ),
        ("By\nJane Roe", "By Jane Roe", [{"name": "Jane Roe"}]),
        (
            "Von\nAnna Berg\nRedakteurin",
            "Von Anna Berg",
            [{"name": "Anna Berg", "role": "Redakteurin"}],
        ),
    ],
)
def test_a_byline_split_over_lines_is_read_as_one(
    header: str, byline: str, authors: list[dict[str, str]]
) -> None:
    """ "By" on a line of its own, the names on the next, maybe the job title under them (as a
    browser copies a byline set in boxes): one byline, not body paragraphs."""
    story = "The tram depot on Quay Street reopened on Tuesday after a year of work."
    text = f"Tram Depot Reopens\n\n{header}\n\n{story}\n"
    article = read(text.encode(), format="text").value
    assert article.byline == byline
    assert [person.model_dump(exclude_none=True) for person in article.authors] == authors
    assert article.paragraphs == [story]


def test_wrapped_paragraphs_of_two_lines_stay_wrapped_when_lines_end_a_sentence_by_chance() -> None:
    """A wire story wrapped at 66 columns, two lines a paragraph: every paragraph's last line
    ends a sentence, and some first lines do too by chance; the lines are still a paragraph's."""
    paragraphs = [
        ("The harbour ferries will run through the night from June, the", "port authority said."),
        ("The plan costs four million a year and will be reviewed.", "It was agreed on Tuesday."),
        ("Night services were cut in 2009 when passenger numbers fell.", "They never recovered."),
        ("Fishermen fear for their quay space. The board promised to", "hear them in April."),
    ]
    text = "Night Ferries Return In June\n\n" + "\n\n".join("\n".join(p) for p in paragraphs)
    article = read((text + "\n").encode(), format="text").value
    assert article.paragraphs == [" ".join(p) for p in paragraphs]


def test_a_sentence_deck_over_the_byline_and_date_in_one_block() -> None:
    """Headline; then the deck, byline and date line with no blank line between (as a page
    copied alone gives them): the deck is the subheadline and the lines under it are read (they
    stayed in the body, and the date's warning said it was kept)."""
    text = (
        "Ferry timetable changes announced\n\n"
        "The night crossings will double from May, the operator says.\n"
        "Von Erika Sommer\n"
        "19. Oktober 2031, 19:08 Uhr\n\n"
        "The island ferry will sail twice more each day from June, the operator said on Tuesday.\n"
    )
    article = read(text.encode(), format="text").value
    assert article.subheadline == "The night crossings will double from May, the operator says."
    assert article.byline == "Von Erika Sommer"
    assert article.published == date(2031, 10, 19)
    assert len(article.paragraphs) == 1


def test_a_sentence_deck_the_text_writer_prints_reads_back_over_header_lines() -> None:
    """The writer prints the deck under the headline; a sentence there read back as the start of
    the body (headline, deck and dates lost) unless header lines follow it, which a hard-wrapped
    first paragraph never has under it."""
    article = Article.model_validate(
        {
            "headline": "Harbour Board Backs Night Ferries",
            "subheadline": "With the quay full, fishermen fear for their catch.",
            "published": "2031-11-08",
            "body": [{"type": "paragraph", "content": [{"text": "The board voted on Tuesday."}]}],
        }
    )
    written = write(article, format="text")
    assert "text-not-round-trippable" not in [w.code for w in written.warnings]
    again = read(written.value, format="text").value
    assert (again.headline, again.subheadline, again.published) == (
        article.headline,
        article.subheadline,
        article.published,
    )


def test_a_date_line_opening_with_the_day_s_number_is_no_list() -> None:
    """ "19. Oktober 2031, 19:08 Uhr ..." in the body was an ordered list starting at 19 whose item
    read "Oktober 2031, ..."; a day, a month and a year are a date, whatever follows them."""
    text = (
        "Ferry timetable changes announced\n\n"
        "19. Oktober 2031, 19:08 Uhr Editiert am 20. Oktober 2031 Hafenbote Nr. 43\n\n"
        "The island ferry will sail twice more each day from June, the operator said.\n\n"
        "3. The third point of the plan is a new quay.\n"
    )
    article = read(text.encode(), format="text").value
    assert article.paragraphs[0].startswith("19. Oktober 2031")
    assert isinstance(article.body[-1], List) and article.body[-1].start == 3


@pytest.mark.parametrize("dash", ["—", "-"])
def test_a_headline_over_its_first_paragraph_opened_by_a_dateline(dash: str) -> None:
    """A story typed with its datelined first paragraph right under the headline, no blank line
    between: the headline is one line, the paragraph the story's first."""
    text = (
        "Harbour Board Backs Night Ferries\n"
        f"WESTCLIFF {dash} The harbour board voted on Tuesday to let passenger ferries berth\n"
        "through the night.\n\n"
        "Fishermen said they would fight the plan at the county council.\n"
    )
    article = read(text.encode(), format="text").value
    assert article.headline == "Harbour Board Backs Night Ferries"
    assert article.dateline is not None and article.dateline.place == "WESTCLIFF"
    assert article.paragraphs == [
        "The harbour board voted on Tuesday to let passenger ferries berth through the night.",
        "Fishermen said they would fight the plan at the county council.",
    ]


def test_a_split_bylines_expert_title_is_the_authors_role_not_dropped() -> None:
    """ "By", the names, then an expert's title on lines of their own: the title is each
    author's role, not a line dropped as furniture."""
    story = "The tram depot on Quay Street reopened on Tuesday after a year of work."
    header = "By\nMara Quill and Tobias Renn\nChief Economist"
    article = read(f"Tram Depot Reopens\n\n{header}\n\n{story}\n".encode(), format="text").value
    assert [(person.name, person.role) for person in article.authors] == [
        ("Mara Quill", "Chief Economist"),
        ("Tobias Renn", "Chief Economist"),
    ]
    assert article.paragraphs == [story]


# --- wire copy typed or pasted as plain text -------------------------------------------------

_PIER_STORY = (
    "WESTCLIFF (AP) — The harbour board approved the new ferry pier on Monday.\n\n"
    "Building starts in May.\n"
)


def _wire_7901_story(header: str, end: str = "") -> bytes:
    """An invented 7901 item whose text opens with ``header`` lines under its headline."""
    return (
        "\x01eca0042 3 i 210  ask 0007\r\n\r\nEurope/ferries/\r\n"
        f"\x02Harbour board approves new ferry pier =\r\n\r\n{header}\r\n\r\n"
        "   Westcliff (ask) - The harbour board approved the new ferry pier\r\n"
        "on Monday.\r\n\r\n   Building starts in May.\r\n"
        f"{end}\x03131137 GMT Nov 13\r\n"
    ).encode("latin-1")


@pytest.mark.parametrize("form", ["blank line around", "under the headline", "7901"])
@pytest.mark.parametrize(
    ("header", "authors", "source"),
    [
        ("By MARA LINDQVIST\nAssociated Press Writer",
         [("MARA LINDQVIST", "Associated Press Writer")], None),
        ("By MARA LINDQVIST\nAssociated Press", [("MARA LINDQVIST", None)], "Associated Press"),
        ("By Mara Lindqvist\nStaff Writer", [("Mara Lindqvist", "Staff Writer")], None),
        ("By MARA LINDQVIST and OLE DAHL\nWestcliff Courier Staff Writers",
         [("MARA LINDQVIST", "Westcliff Courier Staff Writers"),
          ("OLE DAHL", "Westcliff Courier Staff Writers")], None),
    ],
)  # fmt: skip
def test_a_byline_over_the_writers_title_or_outlet_is_read_as_one(
    form: str, header: str, authors: list[tuple[str, str | None]], source: str | None
) -> None:
    """Wire copy's byline: "By NAME", then the writer's job title or the outlet on the line
    under it. Both lines were body paragraphs (run together when they made a block), and the
    dateline under them stayed in the story."""
    if form == "7901":
        data = _wire_7901_story(header.replace("\n", "\r\n"))
    else:
        gap = "\n\n" if form == "blank line around" else "\n"
        data = f"Harbour board approves new ferry pier{gap}{header}\n\n{_PIER_STORY}".encode()
    article = read(data, format="text").value
    assert article.byline == header.partition("\n")[0]
    assert [(person.name, person.role) for person in article.authors] == authors
    assert (article.source and article.source.name) == source
    assert article.dateline is not None and article.dateline.place.upper() == "WESTCLIFF"
    assert article.paragraphs[0].startswith("The harbour board approved")
    assert len(article.paragraphs) == 2


@pytest.mark.parametrize(
    "under",
    [
        "The harbour board met on Monday.", "Monday, 3 March 2031", "Ole Dahl", "News Analysis",
        "Breaking News", "The Big Read",
    ],
)  # fmt: skip
def test_a_line_under_a_byline_that_is_no_title_nor_outlet_stays_apart(under: str) -> None:
    """A sentence, a date or another name under "By NAME" is not the writer's title, nor is a
    label of the story's kind its outlet ("News Analysis" was the source)."""
    data = f"Pier Approved\n\nBy Mara Lindqvist\n{under}\n\n{_PIER_STORY}".encode()
    article = read(data, format="text").value
    assert all(person.role is None for person in article.authors)
    assert article.source is None


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
@pytest.mark.parametrize("slug", ["BC-Ferry-Pier", "BC-US--Ferry Pier", "FERRY-PIER"])
def test_a_wire_slug_over_the_headline_is_the_slugline(slug: str, gap: str) -> None:
    """A slug on the first line was the headline, the real headline the deck or a paragraph."""
    text = f"{slug}{gap}Harbour board approves new ferry pier\n\nBy Mara Lindqvist\n\n{_PIER_STORY}"
    article = read(text.encode(), format="text").value
    assert article.slugline == slug
    assert article.headline == "Harbour board approves new ferry pier"
    assert article.subheadline is None
    assert article.byline == "By Mara Lindqvist"
    assert len(article.paragraphs) == 2


def test_a_headline_in_a_slugs_shape_is_said_not_to_read_back() -> None:
    """The text writer prints the headline over the deck: the reader takes it for a slug, and
    the writer's warning names the slugline it will come back with too."""
    article = Article(
        headline="FERRY-PIER",
        subheadline="Harbour board approves new ferry pier",
        body=[Paragraph(content=[Span(text="Building starts in May.")])],
    )
    written = write(article, format="text")
    named = {field for warning in written.warnings for field in warning.fields}
    assert {"headline", "subheadline", "slugline"} <= named
    assert read(written.value, format="text").value.slugline == "FERRY-PIER"


@pytest.mark.parametrize("first", ["US-China", "COVID-19", "X-MEN", "EU-UK", "US-CHINA"])
def test_a_hyphenated_headline_over_a_deck_is_no_slug(first: str) -> None:
    """A guard: hyphenated words that are no slug's shape stay the headline."""
    text = f"{first}\nTalks resume in the harbour town\n\nBy Mara Lindqvist\n\n{_PIER_STORY}"
    article = read(text.encode(), format="text").value
    assert article.slugline is None
    assert article.headline == first


@pytest.mark.parametrize("mark", ["-30-", "###", "-0-", "(END)", "ENDS", "- 30 -"])
@pytest.mark.parametrize("form", ["plain", "7901"])
def test_a_stories_end_mark_is_cut_and_reported(mark: str, form: str) -> None:
    """The end mark was the story's last paragraph ("###", a separator, was left out)."""
    if form == "7901":
        data = _wire_7901_story("By Mara Lindqvist", f"\r\n{mark}\r\n")
    else:
        data = f"Harbour board approves new ferry pier\n\n{_PIER_STORY}\n{mark}\n".encode()
    result = read(data, format="text")
    assert result.value.paragraphs[-1] == "Building starts in May."
    assert len(result.value.paragraphs) == 2
    assert result.value.extras["text:end_mark"] == mark
    [warning] = [w for w in result.warnings if w.code == "text-end-mark-cut"]
    assert mark in warning.message
    assert warning.line == (None if form == "7901" else 7)


def test_an_anpa_stories_end_mark_is_cut() -> None:
    """Each line of ANPA's text is a paragraph: the mark closes the last run of lines."""
    data = _anpa("r", "", "Moves on general news services.").replace(
        b"Building starts in May.\n", b"Building starts in May.\n\t   -30-\n"
    )
    article = read(data, format="text").value
    assert article.paragraphs[-1] == "Building starts in May."
    assert article.extras["text:end_mark"] == "-30-"


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Staff Writer 3", []),
        ("By Reporter 1", []),
    ],
)
@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_by_line_under_the_headline_that_names_no_one_plainly_is_no_deck(
    line: str, authors: list[str], gap: str
) -> None:
    """A numbered job title in place of a name was the subheadline, silently."""
    text = f"Pier Approved{gap}{line}\n\nPublished: 3 March 2031\n\n{_PIER_STORY}"
    article = read(text.encode(), format="text").value
    assert article.subheadline is None
    assert article.byline == line
    assert [person.name for person in article.authors] == authors
    assert article.published == date(2031, 3, 3)


@pytest.mark.parametrize(
    "deck",
    [
        "By the end of the year, every quay will have a berth", "by next week", "By Friday",
        "by steam train", "by mara lindqvist",  # (small letters: names or words, untold)
    ],
)  # fmt: skip
def test_a_deck_opening_with_by_stays_the_deck(deck: str) -> None:
    """A guard: a deck opening with "By" that names no one stays the deck."""
    text = f"Pier Approved\n\n{deck}\n\nPublished: 3 March 2031\n\n{_PIER_STORY}"
    article = read(text.encode(), format="text").value
    assert article.byline is None
    assert article.subheadline == deck


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        ("Publié le 14 mars 2023 à 08h40 - Mis à jour le 15 mars 2023 à 17h02", "2023-03-14",
         "2023-03-15"),
        ("Veröffentlicht am 14. März 2023 – aktualisiert am 15. März 2023", "2023-03-14",
         "2023-03-15"),
        # a browser's copy runs the update into the date, with no space
        ("Published March 14, 2023Last updated March 15, 2023", "2023-03-14", "2023-03-15"),
        ("Published Tue, Mar 14 2023 8:40 AM ESTUpdated Tue, Mar 14 2023 5:02 PM EST",
         "2023-03-14T08:40:00-05:00", "2023-03-14T17:02:00-05:00"),
        # ... into the time, in another language; a place and a dash before the date
        ("Publié le 14 mars 2023 à 08:40Mis à jour le 15 mars 2023 à 17:02",
         "2023-03-14", "2023-03-15"),
        ("Portsalt - 14 MAR 2023 - 08:40ACTUALIZADO: 15 MAR 2023 - 17:02",
         "2023-03-14", "2023-03-15"),
        ("Publié le 14 mars 2023 à 08:40MODIFIÉ le 15 mars 2023 à 17:02",
         "2023-03-14", "2023-03-15"),
        ("Publicado el 14 de marzo de 2023, 08:40Modificado el 15 de marzo de 2023, 17:02",
         "2023-03-14", "2023-03-15"),
        ("Pubblicato il 14 marzo 2023 alle 08:40Modificato il 15 marzo 2023 alle 17:02",
         "2023-03-14", "2023-03-15"),
        ("Veröffentlicht am 14. März 2023, 08:40AKTUALISIERT am 15. März 2023, 17:02",
         "2023-03-14", "2023-03-15"),
        ("Veröffentlicht am 14. März 2023, 08:40Geändert am 15. März 2023, 17:02",
         "2023-03-14", "2023-03-15"),
    ],
)  # fmt: skip
def test_a_date_line_going_on_with_its_update_after_a_dash_or_run_together(
    line: str, published: str, updated: str
) -> None:
    """The update after a dash, or glued to the date by the copy, is read as after a comma (the
    line was left in the body, or warned about as a date not understood)."""
    text = (
        f"Tram Depot Reopens\n\nBy Jane Roe\n{line}\n\n"
        "The tram depot on Quay Street reopened on Tuesday after a year of work.\n"
    )
    result = read(text.encode(), format="text")
    article = result.value
    assert (article.published.isoformat(), article.updated.isoformat()) == (published, updated)
    assert article.paragraphs == [
        "The tram depot on Quay Street reopened on Tuesday after a year of work."
    ]
    assert not [w for w in result.warnings if w.code == "date-unparsed"]


def test_a_byline_label_printed_twice_is_no_part_of_the_name() -> None:
    """A page's "By" run into the "by" its byline prints ("Byby"): the label, not a name's."""
    text = (
        "Tram Depot Reopens\n\nByby INGRID SOLVANG and TOMAS EKDAHL\nMarch 14, 2023\n\n"
        "The tram depot on Quay Street reopened on Tuesday after a year of work.\n"
    )
    article = read(text.encode(), format="text").value
    assert [author.name for author in article.authors] == ["INGRID SOLVANG", "TOMAS EKDAHL"]


def test_a_date_after_the_section_it_was_published_in_is_read() -> None:
    """A section's name between the label and the date ("Published in City Desk March 14,
    2023"): the date is read (it was warned about as not understood)."""
    text = (
        "Tram Depot Reopens\n\nBy Jane Roe Published in City Desk March 14, 2023 2:24 pm\n\n"
        "The tram depot on Quay Street reopened on Tuesday after a year of work.\n"
    )
    result = read(text.encode(), format="text")
    assert str(result.value.published) == "2023-03-14"
    assert [author.name for author in result.value.authors] == ["Jane Roe"]
    assert not [w for w in result.warnings if w.code == "date-unparsed"]


@pytest.mark.parametrize(
    "line", ["Port Marlow City", "Harbour Square", "Saint Brevin", "Mayor Edda Lindqvist",
             "Tram Strikes", "Quay Street and Mill Lane"]
)  # fmt: skip
def test_a_place_office_or_topic_over_a_date_line_stays_the_deck(line: str) -> None:
    """Title case alone names no one (nor places joined by "and"): a line without a byline's
    label over the date is the deck."""
    text = (
        f"Tram Depot Reopens\n{line}\nMarch 14, 2023\n\n"
        "The tram depot on Quay Street reopened on Tuesday after a year of work.\n"
    )
    article = read(text.encode(), format="text").value
    assert article.subheadline == line
    assert article.authors == []


@pytest.mark.parametrize(
    "headline", ["Sweden > Denmark", "Harbour · Day 500", "Ferries » Trams", "Hosts › Guests"]
)
def test_own_text_output_keeps_a_headline_holding_a_trail_sign(headline: str) -> None:
    """The text writer's output reads back with its headline and deck, whatever signs the
    headline holds: a first line is never dropped as a page's trail in a plain text."""
    article = Article(
        headline=headline,
        subheadline="Hosts outplayed in the harbour final",
        body=[Paragraph(content=[Span(text="The final was played in the rain on Sunday night.")])],
    )
    back = read(write(article, format="text").value, format="text").value
    assert (back.headline, back.subheadline) == (headline, article.subheadline)


_SECOND_PARAGRAPHS = {
    "en": "Residents say that without the ferry it will take them an hour more to reach the town.",
    "ru": "Жители города говорят, что без парома им придётся ехать в объезд почти час.",
    "el": "Οι κάτοικοι λένε ότι χωρίς το πλοίο θα χρειάζονται μία ώρα για να πάνε στην πόλη.",
    "fr": "Les habitants disent qu'il leur faudra une heure de plus pour aller en ville.",
    "es": "Los vecinos dicen que sin el ferry tardarán una hora más en llegar a la ciudad.",
    "it": "Gli abitanti dicono che senza il traghetto ci vorrà un'ora in più per la città.",
    "pl": "Mieszkańcy mówią, że bez promu dojazd do miasta zajmie im godzinę dłużej niż dziś.",
    "cs": "Obyvatelé říkají, že bez přívozu jim cesta do města zabere o hodinu déle než dnes.",
}


@pytest.mark.parametrize(
    ("language", "word", "rest"),
    [
        ("ru", "В", "среду городской совет проголосовал за закрытие переправы."),
        ("el", "Η", "κυβέρνηση αποφάσισε χθες να σταματήσει τη γραμμή."),
        ("fr", "À", "la fin de la séance, le conseil a voté la fermeture."),
        ("es", "Y", "luego el consejo de la ciudad votó el cierre de la línea del ferry."),
        ("it", "E", "poi il consiglio della città ha votato la chiusura della linea."),
        ("pl", "W", "środę rada miasta zagłosowała za zamknięciem przeprawy promowej."),
        ("cs", "V", "pondělí městská rada odhlasovala zrušení přívozu přes řeku."),
    ],
)
def test_a_one_letter_word_over_its_sentence_is_no_drop_cap(
    language: str, word: str, rest: str
) -> None:
    """A capital that is a word in the text's language (Russian "В", Greek "Η", French "À",
    Spanish "Y", Italian "E", Polish "W", Czech "V", as English "A") on a line over the rest of
    its sentence is not run into the word after it: it goes before it as a word."""
    text = f"{word}\n{rest}\n\n{_SECOND_PARAGRAPHS[language]}\n"
    article = read(f"Headline\n\n{text}".encode(), format="text").value
    assert article.paragraphs[0] == f"{word} {rest}"


@pytest.mark.parametrize(
    ("language", "letter", "rest"),
    [
        ("fr", "E", "xercice de style : le conseil a voté la fermeture de la ligne."),
        ("es", "L", "a ciudad votó ayer el cierre de la línea del ferry del puerto."),
        ("ru", "Г", "ородской совет проголосовал за закрытие переправы в среду."),
        # (a one-letter word, but with the letters after it a function word: "El", "Il", "Os")
        ("es", "E", "l consejo de la ciudad votó ayer el cierre de la línea del ferry."),
        ("it", "I", "l consiglio della città ha votato ieri la chiusura della linea."),
        ("en", "A", "fter the vote, the harbour board closed the night ferry line."),
    ],
)
def test_a_drop_cap_that_is_no_word_of_its_language_opens_its_word(
    language: str, letter: str, rest: str
) -> None:
    """A capital that is no word of the text's language, over a line going on in small letters,
    is the first letter of that line's first word, set apart by a magazine's large drop cap."""
    text = f"Headline\n\n{letter}\n{rest}\n\n{_SECOND_PARAGRAPHS[language]}\n"
    assert read(text.encode(), format="text").value.paragraphs[0] == letter + rest
