"""Numbered lists that start at another number than 1 (schema 1.2): a list that continues after
an interruption (a paragraph, a table) keeps its numbers through every reader and writer that
can say them, and the writers that cannot say so in a ``field-dropped`` warning."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest

from articlekit import Article, read, write
from articlekit.model import MAX_LIST_START, List, ListItem, Paragraph, Span, iter_blocks
from xmlcheck import assert_schema_valid, codes, written_and_read

docx = pytest.importorskip("docx")


def paragraph(text: str) -> Paragraph:
    return Paragraph(content=[Span(text=text)])


def numbered(start: int | None, *texts: str, nested: List | None = None) -> List:
    items = [ListItem(blocks=[paragraph(text)]) for text in texts]
    if nested is not None:
        items[-1] = ListItem(blocks=[*items[-1].blocks, nested])
    return List(ordered=True, start=start, items=items)


STEPS = Article(
    id="urn:example:steps",
    headline="Three Steps for the Night Ferry",
    body=[
        paragraph("Travellers are asked to follow these steps."),
        numbered(None, "Buy a ticket online.", "Arrive early."),
        paragraph("The harbour office explained why the second step matters."),
        numbered(3, "Board by the east ramp.", "Keep the ticket.", nested=numbered(7, "Or not.")),
        paragraph("A list may also count from zero."),
        numbered(0, "Zero first."),
    ],
)


def starts(article: Article) -> list[int | None]:
    """The start of every numbered list, nested ones included, in order."""
    return [block.start for block in iter_blocks(article.body) if isinstance(block, List)]


# --- text ---------------------------------------------------------------------------------------


def test_text_reads_a_list_that_continues_after_a_paragraph_from_its_first_number() -> None:
    text = (
        "Title Of The Steps\n\nFirst paragraph here:\n\n1. one\n2. two\n\nA paragraph.\n\n"
        "3. three\n4. four\n"
    )
    article = read(text.encode(), format="text").value
    assert starts(article) == [None, 3]
    assert "3. three\n4. four" in write(article, format="text").value.decode()


def test_text_still_joins_a_loose_list_into_one() -> None:
    text = "Title Of The Steps\n\nSteps to take:\n\n1. one\n\n2. two\n\n3. three\n"
    article = read(text.encode(), format="text").value
    lists = [block for block in article.body if isinstance(block, List)]
    assert len(lists) == 1 and len(lists[0].items) == 3 and lists[0].start is None


def test_text_round_trip_keeps_the_numbers() -> None:
    written = write(STEPS, format="text")
    text = written.value.decode()
    assert "3. Board by the east ramp.\n4. Keep the ticket.\n   7. Or not." in text
    assert "0. Zero first." in text
    assert "text-not-round-trippable" not in codes(written)
    assert starts(read(written.value, format="text").value) == [None, 3, 7, 0]


def test_text_writer_reports_a_start_the_reader_cannot_take() -> None:
    """The text reader takes markers of up to three digits."""
    article = STEPS.model_copy(update={"body": [paragraph("Steps:"), numbered(1000, "Far.")]})
    written = write(article, format="text")
    assert "1000. Far." in written.value.decode()
    assert any("body" in warning.fields for warning in written.warnings)


def test_text_list_counts_on_past_three_digits() -> None:
    """An item of four digits or more continues a list that counts up to it; a line opening with
    a year inside an item stays the item's text."""
    text = "Title Of The Steps\n\nCounted:\n\n998. near\n999. nearer\n1000. there\n"
    article = read(text.encode(), format="text").value
    (listing,) = [block for block in article.body if isinstance(block, List)]
    assert listing.start == 998 and len(listing.items) == 3
    written = write(article, format="text")
    assert "text-not-round-trippable" not in codes(written)
    assert read(written.value, format="text").value == article

    padded = "Title Of The Steps\n\nCounted:\n\n999. near\n01000. there\n"  # (no such marker)
    (listing,) = [
        block
        for block in read(padded.encode(), format="text").value.body
        if isinstance(block, List)
    ]
    assert len(listing.items) == 1

    wrapped = "Title Of The Steps\n\nDates:\n\n1. The bill was signed in\n2024. It took effect.\n"
    (listing,) = [
        block
        for block in read(wrapped.encode(), format="text").value.body
        if isinstance(block, List)
    ]
    assert len(listing.items) == 1


# --- Markdown and HTML -----------------------------------------------------------------------


def test_markdown_reads_commonmark_list_starts() -> None:
    text = "---\ntitle: Steps\n---\n\n1. one\n\nBetween.\n\n3. three\n4. four\n\nOn.\n\n7. seven\n"
    article = read(text.encode(), format="markdown").value
    assert starts(article) == [None, 3, 7]


@pytest.mark.parametrize("kind", ["markdown", "html", "json", "ninjs", "ninjs1", "docx"])
def test_round_trip_keeps_the_numbers(kind: str) -> None:
    written = write(STEPS, format=kind)
    assert "field-dropped" not in codes(written)
    back = read(written.value, format=kind.rstrip("1")).value
    assert back.body == STEPS.body


def test_markdown_and_html_write_the_start() -> None:
    markdown = write(STEPS, format="markdown").value.decode()
    assert "\n3. Board by the east ramp.\n4. Keep the ticket.\n" in markdown
    assert "\n0. Zero first.\n" in markdown
    html = write(STEPS, format="html").value.decode()
    assert '<ol start="3">' in html and '<ol start="7">' in html and '<ol start="0">' in html
    assert html.count("<ol>") == 1


def test_the_largest_start_reads_back_from_markdown_and_html() -> None:
    """Markdown's later markers repeat the largest start (a tenth digit is no marker)."""
    article = STEPS.model_copy(update={"body": [numbered(MAX_LIST_START, "Far.", "Farther.")]})
    for kind in ("markdown", "html"):
        assert read(write(article, format=kind).value, format=kind).value.body == article.body


@pytest.mark.parametrize(
    ("value", "expected"),
    [("3", 3), (" 12 ", 12), ("0", 0), ("1", None), ("-2", None), ("x", None), ("1e3", None),
     ("", None), ("1000000000", None), ("٣", None)],
)  # fmt: skip
def test_html_start_values_the_model_cannot_hold_are_left_out(value: str, expected: Any) -> None:
    page = f'<article><h1>Steps</h1><ol start="{value}"><li>One step.</li></ol></article>'
    assert starts(read(page.encode(), format="html").value) == [expected]


def test_a_page_read_by_the_extractor_keeps_its_list_starts() -> None:
    """trafilatura leaves attributes out: the start is found again by the first item's words."""
    pytest.importorskip("trafilatura")
    sentence = "The harbour office explains each step of boarding the night ferry in detail. "
    page = (
        f"<html><body><nav><a href='/'>Home</a></nav><article><h1>Steps</h1><p>{sentence * 3}</p>"
        f"<ol><li>Buy a <b>ticket</b> online.</li><li>Arrive early.</li></ol><p>{sentence * 2}</p>"
        f"<ol start='3'><li>Board by the <b>east</b> ramp.</li><li>Keep it.</li></ol>"
        f"<p>{sentence * 2}</p></article></body></html>"
    )
    result = read(page.encode(), format="html")
    assert starts(result.value) == [None, 3]


def test_an_unordered_list_has_no_start() -> None:
    page = '<article><h1>Steps</h1><ul start="3"><li>One step.</li></ul></article>'
    assert starts(read(page.encode(), format="html").value) == [None]


# --- ninjs ----------------------------------------------------------------------------------------


def test_ninjs_bodies_number_from_the_start() -> None:
    document = json.loads(write(STEPS, format="ninjs1").value)
    assert '<ol start="3">' in document["body_html"]
    assert "\n3. Board by the east ramp.\n4. Keep the ticket." in document["body_text"]


# --- NewsML-G2 and NITF --------------------------------------------------------------------------


def test_newsml_xhtml_body_carries_the_start() -> None:
    written, back = written_and_read(STEPS, "newsml")
    assert b'<ol start="3">' in written.value
    assert "field-dropped" not in codes(written)
    assert back.body == STEPS.body


def test_nitf_reports_the_starts_it_cannot_write() -> None:
    """NITF 3.6's ``ol`` has no ``start`` attribute: the lists read back from 1, as said."""
    written, back = written_and_read(STEPS, "nitf")
    assert b"start=" not in written.value
    dropped = [warning for warning in written.warnings if warning.code == "field-dropped"]
    assert len(dropped) == 1 and dropped[0].fields == ("body",)
    assert "3 numbered lists" in dropped[0].message
    assert starts(back) == [None, None, None, None]


def test_newsml_with_a_nitf_body_reports_the_starts_too() -> None:
    written = write(STEPS, format="newsml", options={"body": "nitf"})
    assert_schema_valid(written.value, "newsml")
    assert b"start=" not in written.value
    assert "field-dropped" in codes(written)
    assert starts(read(written.value, format="newsml").value) == [None, None, None, None]


def test_writers_without_lists_that_start_elsewhere_say_nothing_new() -> None:
    article = STEPS.model_copy(update={"body": [numbered(None, "Only one.")]})
    for kind in ("nitf", "newsml"):
        assert "field-dropped" not in codes(write(article, format=kind))


# --- DOCX -----------------------------------------------------------------------------------------


def _saved(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_list_numbered_on_after_a_paragraph_and_a_table() -> None:
    """Word numbers items of one list on across what interrupts it (as in PyDocX's
    tables_in_lists.docx, whose third item follows a table)."""
    document = docx.Document()
    document.add_paragraph("Steps For The Ferry", style="Title")
    for text in ("one", "two"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("A paragraph between.")
    document.add_paragraph("three", style="List Number")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "a", "b"
    for text in ("four", "five"):
        document.add_paragraph(text, style="List Number")
    article = read(_saved(document), format="docx").value
    assert [block.type for block in article.body] == ["list", "paragraph", "list", "table", "list"]
    assert starts(article) == [None, 3, 4]
    markdown = write(article, format="markdown").value.decode()
    assert "\n3. three\n" in markdown and "\n4. four\n5. five\n" in markdown


NUMBERING_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _with_numbering(definitions: str, items: list[tuple[str, str, int]]) -> bytes:
    """A document whose numbering has ``definitions`` (``w:abstractNum`` and ``w:num``
    elements) and whose paragraphs are ``(text, numId, ilvl)``, numId ``""`` for a plain one."""
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("Steps For The Ferry", style="Title")
    numbering = document.part.numbering_part.element
    holder = parse_xml(f'<w:holder xmlns:w="{NUMBERING_NS}">{definitions}</w:holder>')
    for index, element in enumerate(list(holder)):
        if element.tag.endswith("abstractNum"):
            numbering.insert(index, element)
        else:
            numbering.append(element)
    for text, num_id, level in items:
        paragraph_ = document.add_paragraph(text)
        if num_id:
            properties = parse_xml(
                f'<w:pPr xmlns:w="{NUMBERING_NS}"><w:numPr><w:ilvl w:val="{level}"/>'
                f'<w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
            )
            paragraph_._p.insert(0, properties)
    return _saved(document)


def _definition(abstract_id: int, *starts_: str) -> str:
    levels = "".join(
        f'<w:lvl w:ilvl="{level}">{start}<w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="%{level + 1}."/></w:lvl>'
        for level, start in enumerate(starts_)
    )
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{levels}</w:abstractNum>'


def test_docx_level_start_and_start_override_are_honoured() -> None:
    definitions = (
        _definition(90, '<w:start w:val="5"/>', '<w:start w:val="1"/>')
        + '<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>'
        + '<w:num w:numId="91"><w:abstractNumId w:val="90"/>'
        + '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="20"/></w:lvlOverride></w:num>'
    )
    items = [
        ("five", "90", 0), ("six", "90", 0), ("between", "", 0), ("seven", "90", 0),
        ("twenty", "91", 0), ("twenty-one", "91", 0),
    ]  # fmt: skip
    article = read(_with_numbering(definitions, items), format="docx").value
    lists = [block for block in article.body if isinstance(block, List)]
    assert [(listing.start, len(listing.items)) for listing in lists] == [(5, 2), (7, 1), (20, 2)]


def test_docx_level_override_with_its_own_start() -> None:
    definitions = (
        _definition(92, '<w:start w:val="1"/>')
        + '<w:num w:numId="92"><w:abstractNumId w:val="92"/><w:lvlOverride w:ilvl="0">'
        + '<w:lvl w:ilvl="0"><w:start w:val="4"/><w:numFmt w:val="decimal"/></w:lvl>'
        + "</w:lvlOverride></w:num>"
    )
    article = read(_with_numbering(definitions, [("four", "92", 0)]), format="docx").value
    assert starts(article) == [4]


def test_docx_level_without_a_start_counts_from_zero() -> None:
    """ECMA-376 17.9.26: a level without ``w:start`` starts at 0."""
    definitions = _definition(93, "") + '<w:num w:numId="93"><w:abstractNumId w:val="93"/></w:num>'
    article = read(_with_numbering(definitions, [("zero", "93", 0)]), format="docx").value
    assert starts(article) == [0]


def test_docx_nested_levels_count_again_under_each_item() -> None:
    definitions = (
        _definition(94, '<w:start w:val="1"/>', '<w:start w:val="1"/>')
        + '<w:num w:numId="94"><w:abstractNumId w:val="94"/></w:num>'
    )
    items = [
        ("one", "94", 0), ("one-a", "94", 1), ("one-b", "94", 1), ("two", "94", 0),
        ("two-a", "94", 1), ("between", "", 0), ("two-b", "94", 1), ("three", "94", 0),
    ]  # fmt: skip
    article = read(_with_numbering(definitions, items), format="docx").value
    # two-b continues the nested list of "two" after the paragraph: it shows 2 ("b")
    assert starts(article) == [None, None, None, 2, 3]


def test_docx_writer_numbers_a_continuing_list_from_its_start() -> None:
    data = write(STEPS, format="docx").value
    numbering = zipfile.ZipFile(io.BytesIO(data)).read("word/numbering.xml").decode()
    assert '<w:startOverride w:val="3"/>' in numbering
    assert '<w:startOverride w:val="7"/>' in numbering
    assert '<w:startOverride w:val="0"/>' in numbering
    shown = read(data, format="docx", options={"embedded": "ignore"}).value
    assert shown.body == STEPS.body


def test_docx_embedded_copy_whose_numbers_word_does_not_show_is_stale() -> None:
    """The embedded article is believed only when it matches what Word shows: numbers too."""
    data = write(STEPS, format="docx").value
    moved = numbered(
        9, "Board by the east ramp.", "Keep the ticket.", nested=numbered(7, "Or not.")
    )
    other = STEPS.model_copy(update={"body": [*STEPS.body[:3], moved, *STEPS.body[4:]]})
    item = "customXml/item1.xml"
    crafted = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(io.BytesIO(write(other, format="docx").value)) as liar,
        zipfile.ZipFile(crafted, "w") as target,
    ):
        for info in source.infolist():
            part = liar if info.filename == item else source
            target.writestr(info, part.read(info.filename))
    result = read(crafted.getvalue(), format="docx")
    assert "docx-embedded-article-stale" in codes(result)
    assert starts(result.value) == [None, 3, 7, 0]
