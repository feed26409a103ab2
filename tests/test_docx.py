"""The DOCX reader and writer: real Word files, the user's sample, round trips (lossless and
what Word shows), an independent reader, determinism, the embedded article's staleness rule,
and hostile packages. Expectations for the shared corpus were written by reading each file's
``word/document.xml`` (and notes, comments, core properties), not by running the reader."""

from __future__ import annotations

import io
import json
import re
import struct
import subprocess
import sys
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlekit import Article, read, write
from articlekit.diagnostics import CATALOGUE
from articlekit.errors import InputError, NotAnArticleError, UsageError
from articlekit.model import (
    Dateline,
    Figure,
    Heading,
    List,
    ListItem,
    Paragraph,
    Person,
    Quote,
    Resource,
    Source,
    Span,
    Table,
)

from conftest import NO_TEXT, ROOT, run_cli, shared_path
from strategies import articles

docx = pytest.importorskip("docx")
WD_STYLE_TYPE = pytest.importorskip("docx.enum.style").WD_STYLE_TYPE
mammoth = pytest.importorskip("mammoth")


def corpus(name: str) -> Path:
    return shared_path("corpus", "docx", name)


def codes(result: Any) -> set[str]:
    return {warning.code for warning in result.warnings}


def blocks_json(article: Article) -> list[dict[str, Any]]:
    return [block.model_dump(mode="json") for block in article.body]


def para(text: str, **marks: Any) -> dict[str, Any]:
    return {"type": "paragraph", "content": [{"text": text, **marks}]}


def items(*texts: str) -> list[dict[str, Any]]:
    return [{"blocks": [para(text)]} for text in texts]


STORY = Article(
    headline="Harbour Board Approves Night Ferry Trial",
    subheadline="Residents near the quays remain wary",
    byline="By Ana Lima and Tomas Berg",
    authors=[Person(name="Ana Lima"), Person(name="Tomas Berg")],
    source=Source(name="Westcliff Courier"),
    dateline=Dateline(place="PORT ALDWIN", agency="WCN"),
    published=date(2024, 3, 14),
    language="en-GB",
    keywords=["ferries", "harbour"],
    slugline="ferries-night-trial",
    body=[
        Paragraph(
            content=[
                Span(text="The harbour board voted on Tuesday to let "),
                Span(text="two ferries", strong=True),
                Span(text=" berth overnight, ", emphasis=True),
                Span(text="according to the minutes", link="https://example.org/minutes"),
                Span(text="."),
            ]
        ),
        Heading(level=2, content=[Span(text="What changes")]),
        List(
            ordered=True,
            items=[
                ListItem(
                    blocks=[
                        Paragraph(content=[Span(text="Crossings resume at 22:00.")]),
                        List(items=[ListItem(blocks=[Paragraph(content=[Span(text="Fares")])])]),
                    ]
                ),
                ListItem(blocks=[Paragraph(content=[Span(text="Quays close at 02:00.")])]),
            ],
        ),
        Quote(blocks=[Paragraph(content=[Span(text="We will watch the noise closely.")])]),
        Paragraph(content=[Span(text="The trial ends in September.")]),
    ],
)


# --- real files from other programs (../shared/corpus/docx) --------------------------------------


CORPUS = sorted(
    path.name
    for path in (ROOT.parent / "shared" / "corpus" / "docx").glob("*.docx")
    if path.name != NO_TEXT
)


@pytest.mark.parametrize("name", CORPUS or ["pandoc-metadata.docx"])
def test_every_corpus_file_reads(name: str) -> None:
    result = read(corpus(name))
    assert result.value.schema_version == "1.4"
    assert "Word Document" not in result.value.model_dump_json()
    assert codes(result) <= set(CATALOGUE)


def test_title_author_date_abstract_styles() -> None:
    result = read(corpus("pandoc-metadata.docx"))
    article = result.value
    assert article.headline == "This Is the Title"
    assert [person.name for person in article.authors] == ["Mary Ann Evans", "Aurore Dupin"]
    assert article.published == date(2014, 7, 28)  # the Date paragraph, not the file's date
    assert article.summary is not None and article.summary.startswith("This is a test of how")
    assert article.paragraphs == ["And now this is normal text."]
    assert article.extras["docx:creator"] == "Jesse Rosenthal"  # the file's author, kept
    assert "no-headline" not in codes(result)


def test_heading_1_is_the_headline_and_levels_2_to_6_are_crossheads() -> None:
    article = read(corpus("pandoc-headers.docx")).value
    assert article.headline == "A Test of Headers"
    headings = [(block.level, block.text) for block in article.body if isinstance(block, Heading)]
    assert headings == [
        (2, "Second Level"),
        (3, "Third level"),
        (4, "Fourth level"),
        (5, "Fifth level"),
        (6, "Sixth level"),
    ]
    # "Heading7" is used but not defined in styles.xml: Word shows it as ordinary text.
    assert "Seventh level" in article.paragraphs


def test_localised_style_ids_resolve_by_name() -> None:
    article = read(corpus("pandoc-i18n_blocks.docx")).value
    assert article.headline == "This is Heading 1"  # style id "1", name "heading 1"
    assert blocks_json(article) == [
        {"type": "heading", "level": 2, "content": [{"text": "This is Heading 2"}]},
        {"type": "quote", "blocks": [para("This is Quote"), para("This is Block Text")]},
        {"type": "list", "items": items("This is list item 1", "This is list item 2")},
    ]


def test_block_quotes_by_style_and_by_indentation() -> None:
    article = read(corpus("pandoc-block_quotes.docx")).value
    quotes = [block for block in article.body if isinstance(block, Quote)]
    assert [quote.blocks[0].text for quote in quotes] == [  # type: ignore[union-attr]
        "I don’t know why this would be in italics, but so it appears to be on my screen.",
        "This is called the Intense Quote style.",
        "I just indented this, so it looks like a block quote. I think this is how most people "
        "do block quotes in their documents.",
    ]
    assert article.paragraphs[-1] == "And back to the normal style."


def test_nested_lists_from_numbering() -> None:
    article = read(corpus("pandoc-lists.docx")).value
    body = blocks_json(article)
    assert body[0] == {"type": "heading", "level": 2, "content": [{"text": "Some nested lists"}]}
    assert body[1] == {
        "type": "list",
        "ordered": True,
        "items": [
            {"blocks": [para("one")]},
            {
                "blocks": [
                    para("two"),
                    {"type": "list", "ordered": True, "items": items("a", "b")},
                ]
            },
        ],
    }
    bullets = body[2]
    assert bullets["type"] == "list" and "ordered" not in bullets
    assert [item["blocks"][0]["content"][0]["text"] for item in bullets["items"]] == [
        "one",
        "two",
        "Same list",
    ]
    three = bullets["items"][1]["blocks"][1]["items"][0]
    four = three["blocks"][1]["items"][0]
    # "Sub paragraph" has numbering switched off and is indented: it continues item "four".
    assert four["blocks"] == [para("four"), para("Sub paragraph")]
    assert body[3] == {"type": "list", "items": items("Different list adjacent to the one above.")}


def test_list_made_by_a_styles_numbering() -> None:
    article = read(corpus("pandoc-german_styled_lists.docx")).value
    assert blocks_json(article) == [
        {
            "type": "list",
            "items": [
                {"blocks": [para("One level of the list.")]},
                {
                    "blocks": [
                        para("Second level of the list."),
                        {"type": "list", "items": items("Next level of the list")},
                    ]
                },
                {"blocks": [para("Back to the top level.")]},
            ],
        }
    ]


def test_bold_italic_breaks_and_dropped_formatting() -> None:
    result = read(corpus("pandoc-inline_formatting.docx"))
    body = blocks_json(result.value)
    assert body[0]["content"] == [
        {"text": "Regular text "},
        {"text": "italics", "emphasis": True},
        {"text": " "},
        {"text": "bold ", "strong": True},
        {"text": "bold italics", "strong": True, "emphasis": True},
        {"text": "."},
    ]
    assert result.value.paragraphs[1] == "This is Small Caps, and this is strikethrough."
    assert result.value.paragraphs[-1] == "A line\nbreak."
    assert "docx-formatting-dropped" in codes(result)
    message = next(w.message for w in result.warnings if w.code == "docx-formatting-dropped")
    assert "strikethrough" in message and "underline" in message


def test_character_styles_give_bold_and_italic() -> None:
    article = read(corpus("pandoc-char_styles.docx")).value
    first = blocks_json(article)[0]["content"]
    assert first == [
        {"text": "This is all in an ", "emphasis": True},
        {"text": "italic style", "strong": True, "emphasis": True},
        {"text": ".", "emphasis": True},
    ]
    second = blocks_json(article)[1]["content"]
    assert {"text": "style"} in second  # w:i w:val="0" switches the style's italic off


def test_links_external_with_anchor_and_internal() -> None:
    article = read(corpus("pandoc-links.docx")).value
    links = [span.link for block in article.body for span in block.content if span.link]  # type: ignore[union-attr]
    assert links == [
        "http://google.com",
        "http://pandoc.org/README.html#synopsis",
        "#_A_section_for",
        "#my_bookmark",
    ]
    assert article.body[0].text == "An internal link and an external link"  # type: ignore[union-attr]


def test_a_relative_link_is_written_as_it_is() -> None:
    """Only a picture's part is named relative to the document's folder (``word/``); a link
    that starts with ``word/`` keeps it, so the untouched document still shows the article."""
    span = Span(text="Notes", link="word/notes.html")
    article = Article(headline="Ferries", body=[Paragraph(content=[span])])
    back = read(write(article, format="docx").value, format="docx")
    assert back.value == article and back.warnings == ()
    shown = read(write(article, format="docx").value, format="docx", options={"embedded": "ignore"})
    assert shown.value.body == article.body


def test_footnotes_and_endnotes_move_to_extras() -> None:
    result = read(corpus("pandoc-notes.docx"))
    assert result.value.paragraphs == ["Test footnote. Test endnote."]
    assert result.value.extras["docx:footnotes"] == ["My note."]
    assert result.value.extras["docx:endnotes"] == [
        "This is an endnote at the end of the document."
    ]
    assert "docx-notes-moved" in codes(result)
    mammoth_notes = read(corpus("mammoth-footnotes.docx")).value
    assert mammoth_notes.paragraphs == ["Ouch."]
    assert mammoth_notes.extras["docx:footnotes"] == ["A tachyon walks into a bar.", "Fin."]


def test_comments_move_to_extras_with_their_anchor() -> None:
    result = read(corpus("pandoc-comments.docx"))
    article = result.value
    assert article.paragraphs[0] == "I want some text to have a comment on it."
    comments = article.extras["docx:comments"]
    assert isinstance(comments, list) and len(comments) == 5
    assert comments[0] == {
        "author": "Jesse Rosenthal",
        "date": "2016-05-09T16:13:00Z",
        "text": "I left a comment.",
        "anchor": "some text to have a comment",
    }
    assert comments[2]["text"] == "This one has multiple paragraphs.\n\nSee?"  # type: ignore[index,call-overload]
    assert "docx-comments-moved" in codes(result)


def test_tables_become_tables() -> None:
    """Three tables: a header row (Word's "Header Row" option), none, cells of paragraphs."""
    result = read(corpus("pandoc-tables.docx"))
    tables = [block for block in result.value.body if isinstance(block, Table)]
    assert len(tables) == 3
    first, second, third = tables
    assert [[cell.text for cell in row.cells] for row in first.rows] == [
        ["Name", "Game", "Fame", "Blame"],
        ["Lebron James", "Basketball", "Very High", "Leaving Cleveland"],
        ["Ryan Braun", "Baseball", "Moderate", "Steroids"],
        ["Russell Wilson", "Football", "High", "Tacky uniform"],
    ]
    assert [cell.header for cell in first.rows[0].cells] == [True] * 4
    assert not any(cell.header for row in first.rows[1:] for cell in row.cells)
    assert not any(cell.header for row in second.rows for cell in row.cells)
    assert [[cell.text for cell in row.cells] for row in third.rows] == [
        ["Simple\nMultiparagraph", "Table\nFull"],
        ["Of\nParagraphs", "In each\nCell."],
    ]
    assert result.value.paragraphs == []  # no row became a paragraph
    assert not codes(result) & {"docx-table-flattened", "media-dropped", "table-flattened"}


def test_images_become_figures() -> None:
    result = read(corpus("pandoc-image.docx"))
    assert result.value.paragraphs == ["An image:"]
    figure = result.value.body[1]
    assert isinstance(figure, Figure)
    assert figure.alt_text == "He realizes he's making the file-size too big."
    assert figure.title == "An unhappy fish."
    (rendition,) = figure.renditions
    media = zipfile.ZipFile(corpus("pandoc-image.docx")).read("word/media/image1.jpg")
    assert rendition.resource == Resource.of(media, "image/jpeg")
    assert (rendition.width, rendition.height) == (624, 529)  # 5943600 x 5036820 EMU at 96 dpi
    assert not codes(result) & {"docx-image-dropped", "media-dropped"}


def test_tracked_insertions_are_kept() -> None:
    result = read(corpus("pandoc-track_changes_insertion.docx"))
    assert result.value.paragraphs == ["This is a text with two exciting insertions."]
    assert "docx-tracked-changes" in codes(result)


def test_text_box_text_is_read() -> None:
    result = read(corpus("mammoth-text-box.docx"))
    assert result.value.paragraphs == ["Datum plane"]  # once: the VML fallback is not read too
    assert "docx-text-box-read" in codes(result)


def test_strict_ooxml() -> None:
    article = read(corpus("mammoth-strict-format.docx")).value
    assert article.paragraphs == ["Test"]
    assert [person.name for person in article.authors] == ["Tom Chantry"]


def test_no_core_properties_and_a_byte_order_mark() -> None:
    result = read(corpus("mammoth-utf8-bom.docx"))
    assert result.value.headline is None  # never python-docx's default title "Word Document"
    assert result.value.paragraphs == ["This XML has a byte order mark."]
    assert "no-headline" in codes(result)


def test_empty_document_unicode_and_run_marks() -> None:
    with pytest.raises(NotAnArticleError, match=r"holds no article$"):
        read(corpus(NO_TEXT))  # a valid package with no text is no article
    unicode = read(corpus("pandoc-unicode.docx")).value
    # w:sym Symbol DA and F0DA, then "\uf028" in a Symbol run: what Word shows is "∨∨("
    assert unicode.paragraphs == ["Hello, 世界. This costs €10.∨∨("]
    underline = read(corpus("mammoth-underline.docx")).value
    assert blocks_json(underline) == [para("The Sunset Tree", strong=True)]
    assert read(corpus("mammoth-strikethrough.docx")).value.paragraphs == [
        "Today's Special: Salmon Sold out"
    ]


def test_symbol_font_becomes_unicode_and_other_symbol_fonts_are_reported() -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    paragraph = document.add_paragraph("Area: ")
    paragraph.add_run("p").font.name = "Symbol"  # shows π
    paragraph.add_run("r\uf0b2 ").font.name = "Symbol"  # shows ρ″
    for font, code in (("Symbol", "F0A3"), ("Wingdings", "F04A")):
        symbol = OxmlElement("w:sym")
        symbol.set(qn("w:font"), font)
        symbol.set(qn("w:char"), code)
        paragraph.add_run()._r.append(symbol)
    out = io.BytesIO()
    document.save(out)
    result = read(out.getvalue(), format="docx")
    assert result.value.paragraphs == ["Area: πρ″ ≤\uf04a"]
    assert "docx-symbol-font-kept" in codes(result)
    assert "Wingdings" in next(w.message for w in result.warnings if w.code.endswith("kept"))


RULE = (
    '<w:pict xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">'
    '<v:rect style="width:0;height:1.5pt" o:hr="t" o:hrstd="t"/></w:pict>'
)
"""Word's horizontal line as pandoc writes a thematic break."""
PICTURE_LINE = RULE.replace(
    '<v:rect style="width:0;height:1.5pt" o:hr="t" o:hrstd="t"/>',
    '<v:shape style="width:6in;height:3pt" o:hr="True" o:hrpct="0"><v:imagedata r:id="rId99"'
    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></v:shape>',
)
"""A picture line (Insert > Horizontal Line > a picture): a VML shape marked as one, "True"."""
ALTERNATE_RULE = (
    '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><mc:Choice'
    ' Requires="wps"><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/'
    'drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="Line"/></wp:inline>'
    f"</w:drawing></mc:Choice><mc:Fallback>{RULE}</mc:Fallback></mc:AlternateContent>"
)
"""A newer Word's line: a DrawingML shape, with the VML line as its fallback."""


def linked_and_ruled_file(tooltip: str, rule: str = RULE) -> bytes:
    """Two paragraphs with a horizontal line (``rule``) between them, the first holding a
    hyperlink whose tooltip is ``tooltip``."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement, parse_xml
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_paragraph("Winter Ferries", style="Title")
    paragraph = document.add_paragraph("Ferries run late, says the ")
    link = OxmlElement("w:hyperlink")
    link.set(
        qn("r:id"),
        document.part.relate_to("https://example.org/t", RELATIONSHIP_TYPE.HYPERLINK, True),
    )
    link.set(qn("w:tooltip"), tooltip)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "timetable"
    run.append(text)
    link.append(run)
    paragraph._p.append(link)
    document.add_paragraph().add_run()._r.append(parse_xml(rule))
    document.add_paragraph("Crews are short in winter.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "rule", [RULE, PICTURE_LINE, ALTERNATE_RULE], ids=["rect", "picture", "alt"]
)
def test_a_horizontal_line_and_a_links_tooltip_are_reported_as_dropped(rule: str) -> None:
    """Neither has a place in the model: both named in the formatting warning, not counted as
    a drawing that is not a picture (nor a picture line as a figure)."""
    result = read(linked_and_ruled_file("Winter timetable, from 1 December", rule), format="docx")
    assert result.value.paragraphs == [
        "Ferries run late, says the timetable",
        "Crews are short in winter.",
    ]
    assert "docx-image-dropped" not in codes(result)
    message = next(w.message for w in result.warnings if w.code == "docx-formatting-dropped")
    assert "horizontal lines (thematic breaks)" in message
    assert "link titles (tooltips)" in message


@pytest.mark.parametrize(
    ("instruction", "said"),
    [
        ('HYPERLINK "https://example.org/t" \\o "Winter timetable, from 1 December"', True),
        ('HYPERLINK "https://example.org/t" \\o "https://example.org/t"', False),
        ('HYPERLINK "https://example.org/t"', False),
    ],
)
def test_a_hyperlink_fields_screen_tip_is_reported_as_dropped(instruction: str, said: bool) -> None:
    """A HYPERLINK field's ``\\o`` switch is the link's tooltip, as ``w:tooltip`` is."""
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("Winter Ferries", style="Title")
    paragraph = document.add_paragraph("Ferries run late, says the ")
    paragraph._p.append(
        parse_xml(
            '<w:fldSimple xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
            f" w:instr={quoteattr(instruction)}><w:r><w:t>timetable</w:t></w:r></w:fldSimple>"
        )
    )
    out = io.BytesIO()
    document.save(out)
    result = read(out.getvalue(), format="docx")
    (link,) = [span.link for span in result.value.body[0].content if span.link]  # type: ignore[union-attr]
    assert link == "https://example.org/t"
    assert any("tooltips" in warning.message for warning in result.warnings) is said


@pytest.mark.parametrize("tooltip", ["timetable", "  TIMETABLE ", "https://example.org/t"])
def test_a_tooltip_that_repeats_the_link_is_no_loss(tooltip: str) -> None:
    result = read(linked_and_ruled_file(tooltip), format="docx")
    assert not any("tooltips" in warning.message for warning in result.warnings)


def test_corpus_file_to_json_from_the_command_line() -> None:
    done = run_cli("convert", str(corpus("pandoc-metadata.docx")), "--to", "json")
    assert done.code == 0, done.stderr
    article = json.loads(done.text)
    assert article["headline"] == "This Is the Title"
    assert [block["content"][0]["text"] for block in article["body"]] == [
        "And now this is normal text."
    ]


# --- a reporter's file made with Word's default template (python-docx) ---------------------------


SAVED = datetime(2030, 11, 4, 16, 20, tzinfo=UTC)
"""When a reporter's file was made and saved (core created and modified)."""
TEMPLATE_SAVED = "2013-12-23T23:15:00Z"
"""python-docx's default template's core created and modified, in every file it makes."""


def reporters_file() -> bytes:
    """A file laid out the way reporters type: no Title style, a "By" line, an inline dateline."""
    document = docx.Document()
    document.add_paragraph("Council Backs Tram Extension")
    document.add_paragraph("By Jane Doe")
    document.add_paragraph("LINDENFORT — The city council voted 9-2 on Monday to extend the tram.")
    document.add_paragraph("Work starts in spring, officials said.")
    document.add_paragraph("Stops", style="List Bullet")
    document.add_paragraph("Depots", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Cost"
    table.cell(0, 1).text = "12 million"
    document.core_properties.author = "jdoe"
    document.core_properties.keywords = "trams, council"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def dated_file(
    date_line: str | None, *, date_style: str | None = None, saved: datetime | None = None
) -> bytes:
    """A file made with python-docx's default template (core ``created`` and ``modified``
    2013-12-23, the template's, unless ``saved`` gives both), its printed date in a Normal
    paragraph under the byline (or ``date_style``)."""
    document = docx.Document()
    if saved is not None:
        document.core_properties.created = document.core_properties.modified = saved
    document.add_heading("Tram depot opens in Lindenfort", 0)
    document.add_paragraph("Von Erika Sommer")
    if date_style is not None:
        document.styles.add_style(date_style, WD_STYLE_TYPE.PARAGRAPH)
    if date_line is not None:
        document.add_paragraph(date_line, style=date_style)
    document.add_paragraph("LINDENFORT (lpa) – Das neue Depot nahm am Morgen den Betrieb auf.")
    document.add_paragraph("Zwölf Bahnen haben dort Platz.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_date_line_under_the_headline_is_the_publication_date() -> None:
    """A labelled date line in Normal style is read as the text reader reads header lines: the
    printed date is the publication, the dateline under it is found, and the file's own creation
    date is the article's ``created``, not its publication."""
    printed = "Veröffentlicht am 9. Mai 2031, 07:45 Uhr"
    result = read(dated_file(printed, saved=SAVED), format="docx")
    article = result.value
    assert article.published == date(2031, 5, 9)  # (no zone given: the date alone, warned)
    assert "date-time-without-zone" in codes(result)
    assert article.dateline == Dateline(place="LINDENFORT", agency="lpa")
    assert article.paragraphs[0] == "Das neue Depot nahm am Morgen den Betrieb auf."
    assert article.byline == "Von Erika Sommer"
    assert article.created == SAVED
    zoned = read(
        dated_file("Veröffentlicht am 9. Mai 2031, 07:45 Uhr"),
        format="docx",
        options={"timezone": "Europe/Berlin"},
    ).value
    assert zoned.published is not None and zoned.published.isoformat() == (
        "2031-05-09T07:45:00+02:00"
    )


def test_a_labelled_date_line_that_cannot_be_read_is_taken_out_and_reported() -> None:
    """As the text reader does (it stayed the body's first paragraph, unsaid)."""
    result = read(dated_file("Published: the 40th of Smarch 2031"), format="docx")
    article = result.value
    assert "date-unparsed" in codes(result)
    assert article.paragraphs[0] == "Das neue Depot nahm am Morgen den Betrieb auf."
    assert article.dateline == Dateline(place="LINDENFORT", agency="lpa")


def test_a_date_line_that_cannot_be_read_is_kept_in_extras() -> None:
    """It is in no field: kept as printed, as the text reader keeps the lines it takes out, so
    nothing the document says is lost."""
    for line in ("Aktualisiert: 15 Uhr", "Date: TBC", "Published: 9 May 2031 | Updated: soon"):
        result = read(dated_file(line), format="docx")
        assert "date-unparsed" in codes(result)
        assert result.value.extras["docx:removed_lines"] == [line]
        assert result.value.paragraphs[0] == "Das neue Depot nahm am Morgen den Betrieb auf."


def test_a_bare_date_line_under_the_headline_is_read_too() -> None:
    article = read(dated_file("9. Mai 2031"), format="docx").value
    assert article.published == date(2031, 5, 9)
    assert article.dateline == Dateline(place="LINDENFORT", agency="lpa")


def test_without_a_printed_date_the_file_date_stays_the_publication() -> None:
    """(the crosswalk's core ``created``, the only date the file gives)"""
    article = read(dated_file(None, saved=SAVED), format="docx").value
    assert (article.published, article.updated, article.created) == (SAVED, SAVED, None)


def test_python_docx_s_template_date_is_none_of_the_article_s_dates() -> None:
    """Every file python-docx makes carries its template's core created and modified (2013-12-23,
    never changed) and the author "python-docx": they were the story's publication, update and
    author. Kept in extras, reported; a printed date is still read."""
    result = read(dated_file(None), format="docx")
    article = result.value
    assert (article.published, article.updated, article.created) == (None, None, None)
    assert article.extras["docx:created"] == article.extras["docx:modified"] == TEMPLATE_SAVED
    (warning,) = [w for w in result.warnings if w.code == "docx-template-date"]
    assert "created, modified" in warning.message
    assert article.extras["docx:creator"] == "python-docx"  # (a tool, no person: kept, said)
    assert [person.name for person in article.authors] == ["Erika Sommer"]
    printed = read(dated_file("9. Mai 2031"), format="docx").value
    assert (printed.published, printed.created, printed.updated) == (date(2031, 5, 9), None, None)
    unsigned = docx.Document()
    unsigned.add_paragraph("Tram depot opens in Lindenfort")
    out = io.BytesIO()
    unsigned.save(out)
    assert read(out.getvalue(), format="docx").value.authors == []  # (not "python-docx")


def test_a_date_paragraph_keeps_the_files_creation_date() -> None:
    """A Date-style paragraph is the publication; the core ``created`` it used to hide silently
    is kept as the article's ``created``."""
    article = read(dated_file("2031-05-09", date_style="Date", saved=SAVED), format="docx").value
    assert article.published == date(2031, 5, 9)
    assert article.created == SAVED


def test_a_files_single_save_before_its_printed_date_is_no_update() -> None:
    """A file saved once, when it was made (core created and modified the same), before the
    date it prints: its modified is no update of the story (it made ``updated`` earlier than
    ``published``, which validate refuses): kept in extras."""
    printed = "Veröffentlicht am 9. Mai 2031, 07:45 Uhr"
    result = read(dated_file(printed, saved=SAVED), format="docx")
    assert (result.value.published, result.value.updated) == (date(2031, 5, 9), None)
    assert result.value.extras["docx:modified"] == SAVED.isoformat()
    assert "docx-property-unusable" in codes(result)


def test_a_printed_date_over_a_file_with_no_creation_date() -> None:
    """Core ``created`` is optional (many generators write no core part): a printed date then
    sets the publication alone (it crashed)."""
    data = dated_file("Veröffentlicht am 9. Mai 2031, 07:45 Uhr")
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    core_xml = parts["docProps/core.xml"].decode()
    parts["docProps/core.xml"] = re.sub(
        r"<dcterms:created[^>]*>[^<]*</dcterms:created>", "", core_xml
    ).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, body in parts.items():
            target.writestr(name, body)
    article = read(out.getvalue(), format="docx").value
    assert (article.published, article.created) == (date(2031, 5, 9), None)


def test_reporters_file_headline_byline_dateline_are_found() -> None:
    result = read(reporters_file(), format="docx")
    article = result.value
    assert article.headline == "Council Backs Tram Extension"
    assert article.byline == "By Jane Doe"
    assert [person.name for person in article.authors] == ["Jane Doe"]
    assert article.dateline == Dateline(place="LINDENFORT")
    assert article.paragraphs[:2] == [
        "The city council voted 9-2 on Monday to extend the tram.",
        "Work starts in spring, officials said.",
    ]
    assert blocks_json(article)[2] == {"type": "list", "items": items("Stops", "Depots")}
    assert blocks_json(article)[3] == {
        "type": "table",
        "rows": [
            {
                "cells": [
                    {"header": True, "content": [{"text": "Cost"}]},
                    {"header": True, "content": [{"text": "12 million"}]},
                ]
            }
        ],
    }  # fmt: skip  (python-docx ticks Word's "Header Row" option, as Word does)
    assert article.keywords == ["trams", "council"]
    assert article.extras["docx:creator"] == "jdoe"  # not named in the byline: not an author


def credited_file(*authors: str, creator: str, byline: str | None = None) -> bytes:
    """A file as pandoc lays out its metadata: one Author-style paragraph per name."""
    document = docx.Document()
    author_style = document.styles.add_style("Author", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Harbour Ferries Run Late", style="Title")
    for name in authors:
        document.add_paragraph(name, style=author_style)
    if byline is not None:
        byline_style = document.styles.add_style("Byline", WD_STYLE_TYPE.PARAGRAPH)
        document.add_paragraph(byline, style=byline_style)
    document.add_paragraph("The morning ferries ran an hour late on Friday.")
    document.core_properties.author = creator
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_an_author_paragraph_naming_no_person_is_kept_as_the_byline() -> None:
    desk = read(credited_file("Our Harbour Desk", creator="Office User"), format="docx").value
    assert desk.byline == "Our Harbour Desk"  # (it credits no one: it was lost)
    assert desk.authors == []
    assert desk.extras["docx:creator"] == "Office User"  # not named in the byline: no author
    assert desk.paragraphs == ["The morning ferries ran an hour late on Friday."]
    # Names that end in a job word: the document's creators confirm they are people.
    staff = read(
        credited_file("Ann Reporter", "Bo Writer", creator="Ann Reporter; Bo Writer"),
        format="docx",
    ).value
    assert staff.byline == "Ann Reporter, Bo Writer"
    assert [person.name for person in staff.authors] == ["Ann Reporter", "Bo Writer"]
    printed = credited_file(
        "Staff Correspondent", creator="Office User", byline="From our harbour desk"
    )
    both = read(printed, format="docx").value
    assert both.byline == "From our harbour desk"
    assert both.extras["docx:author"] == "Staff Correspondent"


def test_author_paragraphs_naming_people_credit_them_as_before() -> None:
    article = read(credited_file("Ann Lee", creator="Office User"), format="docx").value
    assert article.byline is None
    assert [person.name for person in article.authors] == ["Ann Lee"]


def test_page_headers_and_footers_move_to_extras() -> None:
    document = docx.Document()
    document.add_paragraph("Council Backs Tram Extension", style="Title")
    document.add_paragraph("The council voted on Monday.")
    document.sections[0].header.paragraphs[0].text = "EMBARGOED UNTIL 0001 GMT"
    document.sections[0].footer.paragraphs[0].text = "7"  # a bare page number is not kept
    out = io.BytesIO()
    document.save(out)
    result = read(out.getvalue(), format="docx")
    assert result.value.extras["docx:headers"] == ["EMBARGOED UNTIL 0001 GMT"]
    assert "docx:footers" not in result.value.extras
    assert result.value.paragraphs == ["The council voted on Monday."]
    assert "docx-page-furniture-moved" in codes(result)
    german = read(corpus("pandoc-german_styled_lists.docx")).value
    [footer] = german.extras["docx:footers"]
    assert footer.startswith("Dieses Dokument zeigt die für den Kaufentscheid")
    assert footer.endswith("sowie die unterzeichneten Verträge.")


def test_paragraphs_above_the_title_leave_it_the_headline_and_open_the_body() -> None:
    """A press release's contact line over its Title made the Title, the date and every header
    paragraph body text, and the article had no headline; flag lines among them are read as
    flags still."""
    document = docx.Document()
    document.add_paragraph("FOR IMMEDIATE RELEASE")
    document.add_paragraph("Media contact: Ann Lee, harbour office")
    document.add_paragraph("Council Backs Tram Extension", style="Title")
    document.add_paragraph("The council voted on Monday.")
    out = io.BytesIO()
    document.save(out)
    result = read(out.getvalue(), format="docx")
    assert result.value.headline == "Council Backs Tram Extension"
    assert result.value.paragraphs == [
        "Media contact: Ann Lee, harbour office",
        "The council voted on Monday.",
    ]
    assert result.value.extras["docx:flags"] == ["FOR IMMEDIATE RELEASE"]
    assert "docx-above-title" in codes(result)
    plain = docx.Document()  # (no Title: paragraphs are read as before)
    plain.add_paragraph("Media contact: Ann Lee, harbour office")
    plain.add_paragraph("The council voted on Monday and extended the tram line to the port.")
    out = io.BytesIO()
    plain.save(out)
    assert "docx-above-title" not in codes(read(out.getvalue(), format="docx"))


def _word(*paragraphs: str | tuple[str, str], comments: str | None = None) -> bytes:
    """A Word document of ``paragraphs``, each a text (Normal) or a text and its style, and the
    core property ``comments`` when given (else python-docx's boilerplate, no summary)."""
    document = docx.Document()
    if comments is not None:
        document.core_properties.comments = comments
    for paragraph in paragraphs:
        text, style = paragraph if isinstance(paragraph, tuple) else (paragraph, None)
        document.add_paragraph(text, style=style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("level", ["Heading 1", "Heading 2"])
def test_a_heading_above_the_title_leaves_it_the_headline(level: str) -> None:
    """A section's heading over the Title ("Local news") took the headline (Heading 1) or made
    the Title, the byline and the dateline body text under no headline; it opens the body."""
    result = read(
        _word(
            ("Local news", level),
            ("Council Backs Tram Extension", "Title"),
            "By Ann Lee",
            "PORTMOUTH — The council voted on Monday.",
        ),
        format="docx",
    )
    article = result.value
    assert (article.headline, article.byline) == ("Council Backs Tram Extension", "By Ann Lee")
    assert [block.type for block in article.body] == ["heading", "paragraph"]
    assert article.body[0].text == "Local news"
    # (the dateline stays in its paragraph: as a field, writers print it over the heading)
    assert article.dateline is None
    assert article.body[1].text == "PORTMOUTH — The council voted on Monday."
    assert "docx-above-title" in codes(result) and "no-headline" not in codes(result)
    again = read(write(article, format="docx").value, format="docx").value
    assert again.model_dump_json() == article.model_dump_json()


@pytest.mark.parametrize("style", ["Normal", "Heading 1", "Heading 2"])
@pytest.mark.parametrize("section", [False, True])
def test_a_flag_line_in_any_style_above_the_title_is_read_as_one(style: str, section: bool) -> None:
    """Styled as a heading, an embargo over the Title was the headline or body text, and the
    story had no embargo, unless a section's heading stood beside it."""
    above = [("Local news", "Heading 2")] if section else []
    article = read(
        _word(
            ("EMBARGOED UNTIL 10:00 GMT 5 June 2030", style),
            *above,
            ("Council Backs Tram Extension", "Title"),
            "The council voted on Monday.",
        ),
        format="docx",
    ).value
    assert article.headline == "Council Backs Tram Extension"
    assert article.embargoed == datetime(2030, 6, 5, 10, tzinfo=UTC)
    assert article.paragraphs == ["The council voted on Monday."]


def test_a_dateline_under_paragraphs_above_the_title_stays_where_it_is_printed() -> None:
    """Read as the article's dateline, it was printed over the correction an editor typed above
    the Title: "PORTMOUTH — Correction: ..." in text, Word and on pages."""
    article = read(
        _word(
            "Correction: an earlier version gave the wrong date of the vote.",
            ("Council Backs Tram Extension", "Title"),
            "PORTMOUTH — The council voted on Monday.",
        ),
        format="docx",
    ).value
    assert article.dateline is None
    assert article.paragraphs == [
        "Correction: an earlier version gave the wrong date of the vote.",
        "PORTMOUTH — The council voted on Monday.",
    ]
    for kind in ("text", "html", "docx"):
        assert read(write(article, format=kind).value, format=kind).value.paragraphs == (
            article.paragraphs
        ), kind


def test_a_long_first_paragraph_is_never_a_headline() -> None:
    document = docx.Document()
    document.add_paragraph("The council met on Monday and voted to extend the tram line.")
    document.add_paragraph("Work starts in spring.")
    out = io.BytesIO()
    document.save(out)
    result = read(out.getvalue(), format="docx")
    assert result.value.headline is None
    assert len(result.value.paragraphs) == 2
    assert "no-headline" in codes(result)


# --- the user's sample ---------------------------------------------------------------------------


def test_user_sample_to_docx_and_back(tmp_path: Path) -> None:
    sample = next(shared_path("seed").glob("*.txt"))
    article = read(sample).value
    written = write(article, format="docx")
    document = docx.Document(io.BytesIO(written.value))
    assert document.paragraphs[0].style.name == "Title"
    assert document.paragraphs[0].text == article.headline
    body = [p.text for p in document.paragraphs if p.style.name == "Normal"]
    assert body == article.paragraphs and len(body) == 12
    assert document.core_properties.title == article.headline
    source_line = next(p for p in document.paragraphs if p.style.name == "Source Line")
    assert source_line.text == "Orinoco Tribune, October 6, 2023"  # under the byline, as in text
    back = read(written.value, format="docx")
    assert back.value.model_dump_json() == article.model_dump_json()
    assert back.warnings == ()
    (warning,) = written.warnings  # what the reader removed as web furniture, kept in extras
    assert (warning.code, warning.message) == (
        "docx-not-displayed",
        "Word does not display extras; kept in the embedded articlekit copy",
    )
    shown = read(written.value, format="docx", options={"embedded": "ignore"}).value
    assert (shown.source, shown.published) == (article.source, article.published)

    out = tmp_path / "sample.docx"
    assert run_cli("convert", str(sample), "-o", str(out), "-q").code == 0
    via_docx = run_cli("convert", str(out), "--to", "json")
    assert via_docx.code == 0 and via_docx.stderr == ""
    assert via_docx.text == run_cli("convert", str(sample), "--to", "json", "-q").text


def test_independent_reader_finds_the_same_text() -> None:
    sample = next(shared_path("seed").glob("*.txt"))
    article = read(sample).value
    text = mammoth.extract_raw_text(io.BytesIO(write(article, format="docx").value)).value
    paragraphs = [chunk for chunk in text.split("\n\n") if chunk]
    assert paragraphs[0] == article.headline
    assert paragraphs[1] == "Orinoco Tribune, October 6, 2023"
    assert paragraphs[3:] == article.paragraphs  # after the Dateline paragraph
    html = mammoth.convert_to_html(io.BytesIO(write(STORY, format="docx").value)).value
    assert "<strong>two ferries</strong>" in html
    assert "<em> berth overnight, </em>" in html
    assert '<a href="https://example.org/minutes">according to the minutes</a>' in html
    assert "<h2>What changes</h2>" in html
    assert (
        "<ol><li>Crossings resume at 22:00.<ul><li>Fares</li></ul></li>"
        "<li>Quays close at 02:00.</li></ol>" in html
    )


# --- what the writer makes -----------------------------------------------------------------------


def test_writer_uses_named_styles_real_numbering_and_hyperlinks() -> None:
    data = write(STORY, format="docx").value
    document = docx.Document(io.BytesIO(data))
    styles = [p.style.name for p in document.paragraphs]
    assert styles[:5] == ["Title", "Subtitle", "Byline", "Source Line", "Dateline"]
    assert document.paragraphs[3].text == "Westcliff Courier, March 14, 2024"
    assert document.paragraphs[4].text == "PORT ALDWIN (WCN) —"
    assert {"Heading 2", "Quote", "List Number", "List Bullet"} <= set(styles)
    defined = {style.name for style in document.styles}
    assert {
        "Byline",
        "Dateline",
        "Source Line",
        "Title",
        "Subtitle",
        "Quote",
        "Hyperlink",
    } <= defined
    assert {"Caption", "Credit", "Lead Picture", "Table Caption", "Table Heading"} <= defined
    package = zipfile.ZipFile(io.BytesIO(data))
    body = package.read("word/document.xml").decode()
    assert '<w:numPr><w:ilvl w:val="1"/>' in body
    numbering = package.read("word/numbering.xml").decode()
    assert '<w:startOverride w:val="1"/>' in numbering  # each numbered list starts at 1
    relationships = package.read("word/_rels/document.xml.rels").decode()
    assert 'Target="https://example.org/minutes" TargetMode="External"' in relationships
    properties = document.core_properties
    assert (properties.title, properties.author) == (STORY.headline, "Ana Lima; Tomas Berg")
    assert (properties.language, properties.keywords) == ("en-GB", "ferries; harbour")
    assert properties.identifier == STORY.id
    assert properties.created is not None and properties.created.date() == date(2024, 3, 14)
    assert properties.last_modified_by == "" and properties.revision == 0


def test_output_is_deterministic_and_has_no_template_leftovers(tmp_path: Path) -> None:
    first = write(STORY, format="docx").value
    assert write(STORY, format="docx").value == first
    source = tmp_path / "story.json"
    source.write_bytes(write(STORY, format="json").value)
    outputs = []
    for name in ("a.docx", "b.docx"):
        assert run_cli("convert", str(source), "-o", str(tmp_path / name), "-q").code == 0
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1] == first
    package = zipfile.ZipFile(io.BytesIO(first))
    assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert package.namelist()[:2] == ["[Content_Types].xml", "_rels/.rels"]
    everything = b"".join(package.read(name) for name in package.namelist())
    for leftover in (b"python-docx", b"2013", b"rsid", b"lastModifiedBy", b"thumbnail"):
        assert leftover not in everything
    assert sum(info.file_size for info in package.infolist()) < 60_000  # not 832 KB


def test_writer_reports_what_word_does_not_display() -> None:
    article = STORY.model_copy(
        update={"body": [Quote(blocks=[Heading(content=[Span(text="Inside")])])]}
    )
    result = write(article, format="docx")
    found = {w.code: w.message for w in result.warnings}
    assert "slugline" in found["docx-not-displayed"]
    assert "source" not in found["docx-not-displayed"]  # its name is on the source line
    assert "heading inside a quote" in found["structure-flattened"]
    assert read(result.value, format="docx").value == article  # the embedded copy keeps it all


# --- round trips -------------------------------------------------------------------------------


@given(articles())
def test_round_trip_is_lossless(article: Article) -> None:
    back = read(write(article, format="docx").value, format="docx")
    assert back.value == article
    assert back.warnings == ()


VISIBLE_FIELDS = frozenset(
    {
        "headline", "subheadline", "byline", "authors", "source", "dateline", "published",
        "updated", "language", "keywords", "summary", "version", "id", "status", "body",
    }
)  # fmt: skip


@given(articles(VISIBLE_FIELDS, nesting=2))
def test_round_trip_of_what_word_shows(article: Article) -> None:
    """Without the embedded copy, the document alone gives back the printed fields, the core
    properties, and the body (unless the writer said Word cannot show its structure)."""
    written = write(article, format="docx")
    back = read(written.value, format="docx", options={"embedded": "ignore"}).value
    compared = set(VISIBLE_FIELDS)
    if "structure-flattened" in codes(written):
        compared.discard("body")
    assert back.model_dump(include=compared) == article.model_dump(include=compared)


def test_visible_round_trip_of_a_story_with_every_kind_of_block() -> None:
    back = read(write(STORY, format="docx").value, format="docx", options={"embedded": "ignore"})
    shown = {"headline", "subheadline", "byline", "authors", "source", "dateline", "published"}
    assert back.value.model_dump(include=shown | {"body"}) == STORY.model_dump(
        include=shown | {"body"}
    )
    assert back.value.slugline is None  # not shown by Word: only in the embedded copy


# --- the embedded article: when it is trusted ----------------------------------------------------


def edited(data: bytes, change: Any) -> bytes:
    document = docx.Document(io.BytesIO(data))
    change(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_resaved_but_unchanged_document_reads_losslessly() -> None:
    data = write(STORY, format="docx").value
    resaved = edited(data, lambda document: None)
    assert resaved != data
    back = read(resaved, format="docx")
    assert back.value == STORY and back.warnings == ()


def test_text_changed_in_word_makes_the_embedded_article_stale() -> None:
    data = write(STORY, format="docx").value

    def rewrite(document: Any) -> None:
        document.paragraphs[-1].text = "The trial now ends in October."

    result = read(edited(data, rewrite), format="docx")
    article = result.value
    assert article.paragraphs[-1] == "The trial now ends in October."
    assert article.headline == STORY.headline and article.dateline == STORY.dateline
    assert article.slugline == STORY.slugline and article.source == STORY.source  # not printed
    assert article.authors == STORY.authors  # byline unchanged
    assert article.id != STORY.id  # derived from content, so derived again
    message = next(w.message for w in result.warnings if w.code == "docx-embedded-article-stale")
    assert "(body)" in message


def test_formatting_changed_in_word_is_noticed_too() -> None:
    def unbold(document: Any) -> None:
        for run in document.paragraphs[5].runs:
            run.bold = False

    result = read(edited(write(STORY, format="docx").value, unbold), format="docx")
    assert "docx-embedded-article-stale" in codes(result)
    assert not any(span.strong for span in result.value.body[0].content)  # type: ignore[union-attr]


def test_core_properties_edited_in_word_win_over_the_embedded_copy() -> None:
    def retag(document: Any) -> None:
        document.core_properties.keywords = "ferries; harbour; night"

    back = read(edited(write(STORY, format="docx").value, retag), format="docx")
    assert back.value.keywords == ["ferries", "harbour", "night"]
    assert back.value.model_dump(exclude={"keywords"}) == STORY.model_dump(exclude={"keywords"})
    assert back.warnings == ()


def with_core(data: bytes, change: Any) -> bytes:
    """``data`` with its core properties part rewritten by ``change`` (text to text)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            part = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                part = change(part.decode()).encode()
            target.writestr(info, part)
    return out.getvalue()


def test_what_an_office_suite_rewrites_in_the_properties_is_no_edit() -> None:
    """A re-save (LibreOffice's, here imitated) re-joins keywords with spaces, keeps whole
    seconds and writes UTC: the embedded values stay. Office's _xHHHH_ escapes are read."""
    article = STORY.model_copy(
        update={
            "keywords": ["night ferries", "harbour board"],
            "published": datetime(2024, 3, 14, 9, 30, 15, 250000, tzinfo=UTC),
            "summary": "Two ferries; the code _x000d_ stays as typed.",
        }
    )
    data = write(article, format="docx").value
    core_xml = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml").decode()
    assert "the code _x005F_x000d_ stays" in core_xml  # a literal, escaped as Office does
    resaved = with_core(
        data,
        lambda text: text.replace(
            "night ferries; harbour board", "night ferries harbour board"
        ).replace("2024-03-14T09:30:15.250000+00:00", "2024-03-14T09:30:15Z"),
    )
    back = read(resaved, format="docx")
    assert back.value == article and back.warnings == ()
    escaped = with_core(
        data,
        lambda text: text.replace("the code _x005F_x000d_ stays", "one_x000d_\ntwo"),
    )
    assert read(escaped, format="docx").value.summary == "Two ferries; one\ntwo as typed."


def with_embedded(data: bytes, item: bytes) -> bytes:
    """``data`` with another embedded article part."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            is_item = info.filename == "customXml/item1.xml"
            target.writestr(info, item if is_item else source.read(info.filename))
    return out.getvalue()


def embedded_part(data: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read("customXml/item1.xml")


def test_an_embedded_copy_that_contradicts_the_document_is_not_believed() -> None:
    """A crafted file whose hidden copy says something else than Word shows."""
    liar = STORY.model_copy(update={"headline": "Something Else Entirely", "id": "urn:test:x"})
    data = write(STORY, format="docx").value
    crafted = with_embedded(data, embedded_part(write(liar, format="docx").value))
    result = read(crafted, format="docx")
    assert result.value.headline == STORY.headline
    assert "docx-embedded-article-stale" in codes(result)


def test_unreadable_embedded_copy_falls_back_to_what_word_shows() -> None:
    data = write(STORY, format="docx").value
    item = embedded_part(data).replace(b'"schema_version":"1.4"', b'"schema_version":"9"')
    result = read(with_embedded(data, item), format="docx")
    assert result.value.headline == STORY.headline and result.value.slugline is None
    assert "docx-embedded-article-invalid" in codes(result)


def test_embedded_option_is_checked() -> None:
    with pytest.raises(UsageError, match="embedded"):
        read(write(STORY, format="docx").value, format="docx", options={"embedded": "maybe"})


# --- hostile and broken packages ------------------------------------------------------------------

CONTENT_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)
PACKAGE_RELS = (
    b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    b'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    b"</Relationships>"
)
DOCUMENT = (
    b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
    b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Ferries run late.</w:t></w:r></w:p>'
    b"</w:body></w:document>"
)


def package(parts: dict[str, bytes], **options: Any) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, **options) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


MINIMAL = {
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": PACKAGE_RELS,
    "word/document.xml": DOCUMENT,
}


def central_field(data: bytes, name: str, offset: int, value: int) -> bytes:
    """Rewrite a 4-byte field of ``name``'s central directory entry (24: uncompressed size,
    16: CRC-32)."""
    patched = bytearray(data)
    entry = patched.find(b"PK\x01\x02")
    while entry != -1:
        name_length = struct.unpack_from("<H", patched, entry + 28)[0]
        if patched[entry + 46 : entry + 46 + name_length] == name.encode():
            struct.pack_into("<I", patched, entry + offset, value)
            return bytes(patched)
        entry = patched.find(b"PK\x01\x02", entry + 4)
    raise AssertionError(f"{name} is not in the central directory")


def lying_about_size(data: bytes, name: str, size: int) -> bytes:
    """Rewrite the central directory so that ``name`` declares ``size`` uncompressed bytes."""
    return central_field(data, name, 24, size)


def corrupted(data: bytes, name: str) -> bytes:
    """Flip one byte in the middle of ``name``'s compressed bytes."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    patched = bytearray(data)
    patched[start + info.compress_size // 2] ^= 0xFF
    return bytes(patched)


def flagged_encrypted(data: bytes) -> bytes:
    patched = bytearray(data)
    entry = patched.find(b"PK\x01\x02")
    patched[entry + 8] |= 0x1
    return bytes(patched)


def patched(data: bytes, signature: bytes, offset: int, value: bytes) -> bytes:
    """``data`` with ``value`` written at ``offset`` into the first zip header ``signature``."""
    out = bytearray(data)
    start = out.find(signature) + offset
    out[start : start + len(value)] = value
    return bytes(out)


def bad_name_bytes(data: bytes) -> bytes:
    """The local header of ``_rels/.rels`` (read first) says "UTF-8 names" and holds a name
    that is not UTF-8."""
    out = bytearray(data)
    header = out.find(b"_rels/.rels") - 30
    out[header + 7] |= 0x08
    out[header + 30] = 0xDD
    return bytes(out)


def with_duplicate() -> bytes:
    out = io.BytesIO()
    with pytest.warns(UserWarning), zipfile.ZipFile(out, "w") as archive:
        for name, data in MINIMAL.items():
            archive.writestr(name, data)
        archive.writestr("word/document.xml", DOCUMENT.replace(b"late", b"early"))
    return out.getvalue()


BIG_DOCUMENT = DOCUMENT.replace(b"Ferries run late.", b"late " * 400_000)
HOSTILE = {
    "bomb-by-ratio": (
        package({**MINIMAL, "word/media/blank.bin": bytes(40_000_000)}),
        "refused as a zip bomb",
    ),
    "lying-declared-size": (
        lying_about_size(
            package({**MINIMAL, "word/document.xml": BIG_DOCUMENT}), "word/document.xml", 500
        ),
        "word/document.xml cannot be read",
    ),
    "wrong-crc": (
        central_field(package(MINIMAL), "word/document.xml", 16, 0x12345678),
        "word/document.xml cannot be read",
    ),
    "corrupt-deflated-part": (
        corrupted(package(MINIMAL), "word/document.xml"),
        "word/document.xml cannot be read",
    ),
    "too-many-entries": (
        package({**MINIMAL, **{f"word/media/{index}.bin": b"" for index in range(2001)}}),
        "2004 entries",
    ),
    "not-a-zip": (b"Ferries run late, said the harbour master.\n" * 20, "not a .docx file"),
    "no-document": (
        package({key: value for key, value in MINIMAL.items() if key != "word/document.xml"}),
        "word/document.xml is missing",
    ),
    "no-content-types": (
        package({key: value for key, value in MINIMAL.items() if key != "[Content_Types].xml"}),
        "[Content_Types].xml is missing",
    ),
    "zip-of-other-files": (
        package({"notes/quay.txt": b"Ferries run late.", "photos/quay.jpg": b"\xff\xd8\xff"}),
        "a zip archive, not a .docx (it holds no Word document): unpack it first",
    ),
    "opendocument-text": (
        package({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}),
        "an OpenDocument text file, not a .docx: save it as .docx",
    ),
    "ole2-legacy-doc": (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096),
        "legacy .doc / encrypted file is not supported",
    ),
    "encrypted-entry": (flagged_encrypted(package(MINIMAL)), "legacy .doc / encrypted"),
    "entity-declaration": (
        package(
            {
                **MINIMAL,
                "word/document.xml": b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]>'
                + DOCUMENT.split(b"?>", 1)[1].replace(b"Ferries run late.", b"&a;"),
            }
        ),
        "word/document.xml: XML entity declarations are not allowed",
    ),
    "malformed-part": (
        package({**MINIMAL, "word/document.xml": DOCUMENT[:-20]}),
        "word/document.xml: malformed XML",
    ),
    "truncated-zip": (package(MINIMAL)[:300], "corrupt or truncated zip"),
    "unknown-zip-version": (
        patched(package(MINIMAL), b"PK\x01\x02", 6, b"\xff\x00"),
        "corrupt or truncated zip (zip file version 25.5)",
    ),
    "undecodable-entry-name": (bad_name_bytes(package(MINIMAL)), "cannot be read ('utf-8' codec"),
    "spreadsheet": (
        package(
            {
                **MINIMAL,
                "word/document.xml": b'<workbook xmlns="http://schemas.openxmlformats.org/'
                b'spreadsheetml/2006/main"/>',
            }
        ),
        "the package holds a spreadsheet",
    ),
}


def test_a_minimal_package_reads() -> None:
    assert read(package(MINIMAL), format="docx").value.paragraphs == ["Ferries run late."]


def test_fields_controls_deletions_hidden_text_and_symbols() -> None:
    body = (
        "<w:p><w:r><w:t>See </w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/tide" '
        '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:rPr><w:b/></w:rPr><w:t>the tide table</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:t xml:space="preserve"> or </w:t></w:r>'
        '<w:fldSimple w:instr=" HYPERLINK \\l &quot;times&quot; "><w:r><w:t>the times</w:t>'
        "</w:r></w:fldSimple><w:r><w:t>.</w:t></w:r></w:p>"
        "<w:sdt><w:sdtContent><w:p><w:smartTag><w:r><w:t>Quay</w:t></w:r></w:smartTag>"
        "<w:del><w:r><w:delText> old</w:delText></w:r></w:del>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t> secret</w:t></w:r>"
        '<w:r><w:t xml:space="preserve"> 7 </w:t><w:sym w:font="Symbol" w:char="00B0"/>'
        "<w:br/><w:t>north</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    document = DOCUMENT.replace(
        b"<w:p><w:r><w:t>Ferries run late.</w:t></w:r></w:p>", body.encode()
    )
    result = read(package({**MINIMAL, "word/document.xml": document}), format="docx")
    assert blocks_json(result.value) == [
        {
            "type": "paragraph",
            "content": [
                {"text": "See "},
                {"text": "the tide table", "strong": True, "link": "https://example.org/tide"},
                {"text": " or "},
                {"text": "the times", "link": "#times"},
                {"text": "."},
            ],
        },
        para("Quay 7 °\nnorth"),
    ]
    assert {"docx-tracked-changes", "docx-hidden-text-dropped"} <= codes(result)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_package_is_refused(name: str) -> None:
    data, fragment = HOSTILE[name]
    with pytest.raises(InputError, match=re.escape(fragment)):
        read(data, format="docx")


def test_duplicate_part_names_are_refused() -> None:
    with pytest.raises(InputError, match="twice"):
        read(with_duplicate(), format="docx")


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_package_from_the_command_line(tmp_path: Path, name: str) -> None:
    data, fragment = HOSTILE[name]
    source = tmp_path / "story.docx"
    source.write_bytes(data)
    out = tmp_path / "story.json"
    done = run_cli("convert", str(source), "-o", str(out))
    assert done.code == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("articlekit: error: "), done.stderr
    assert fragment in lines[0] and str(source) in lines[0]
    assert "Traceback" not in done.stderr
    assert not out.exists()


# --- registry, laziness, template ---------------------------------------------------------------


def test_registered_and_lazy() -> None:
    done = run_cli("formats")
    assert "docx" in done.text and "Word .docx (OOXML)" in done.text
    check = (
        "import sys, articlekit, articlekit.cli\n"
        "from articlekit import registry\n"
        "registry.formats('writer')\n"
        "assert not {'docx', 'lxml'} & {name.split('.')[0] for name in sys.modules}, 'loaded'\n"
    )
    subprocess.run([sys.executable, "-c", check], check=True, timeout=60)


def test_docx_output_needs_a_file_not_a_terminal() -> None:
    from articlekit import registry

    assert registry.get_writer("docx").binary is True  # type: ignore[attr-defined]


def test_shipped_template_is_what_python_docx_builds() -> None:
    from articlekit.formats.docx import template

    if docx.__version__ != template.BUILT_WITH:
        pytest.skip(f"the template was built with python-docx {template.BUILT_WITH}")
    folder = Path(template.__file__).with_name("template")
    built = template.build()
    for name in template.PARTS:
        assert built[name] == (folder / name).read_bytes(), (
            f"{name} differs: run python -m articlekit.formats.docx.template"
        )


# --- any well-formed WordprocessingML reads, whatever its values ---------------------------------

W_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
any_text = st.text(
    st.characters(
        codec="utf-8", exclude_categories=("Cs",), exclude_characters="\ufffe\uffff"
    ).filter(lambda char: char in "\t\n\r" or ord(char) >= 0x20),
    max_size=20,
)
any_value = st.one_of(
    st.integers(-100_000, 100_000).map(str),
    st.sampled_from(["", "0", "1", "²", "a4", "Title", "Quote", "ListBullet", "Byline", "x y"]),
    any_text,
)
RUN_PARTS = st.one_of(
    any_text.map(lambda text: f'<w:t xml:space="preserve">{escape(text)}</w:t>'),
    any_value.map(lambda value: f"<w:sym w:char={quoteattr(value)}/>"),
    st.sampled_from(
        [
            "<w:br/>",
            "<w:tab/>",
            '<w:fldChar w:fldCharType="begin"/>',
            '<w:fldChar w:fldCharType="separate"/>',
            '<w:fldChar w:fldCharType="end"/>',
            '<w:instrText> HYPERLINK "http://example.org/a b\x85" </w:instrText>',
            '<w:footnoteReference w:id="1"/>',
        ]
    ),
)
RUN_PROPERTIES = st.sampled_from(
    ["<w:b/>", '<w:i w:val="0"/>', '<w:u w:val="single"/>', "<w:vanish/>", '<w:rStyle w:val="2"/>']
)


@st.composite
def any_paragraph(draw: st.DrawFn) -> str:
    properties = ""
    for template in ('<w:pStyle w:val={}/>', '<w:numPr><w:ilvl w:val={}/><w:numId w:val="2"/>'
                     "</w:numPr>", "<w:ind w:left={}/>", "<w:outlineLvl w:val={}/>"):  # fmt: skip
        if draw(st.booleans()):
            properties += template.format(quoteattr(draw(any_value)))
    runs = "".join(
        "<w:r><w:rPr>{}</w:rPr>{}</w:r>".format(
            "".join(draw(st.lists(RUN_PROPERTIES, max_size=2))),
            "".join(draw(st.lists(RUN_PARTS, max_size=3))),
        )
        for _ in range(draw(st.integers(0, 3)))
    )
    wrapper = draw(st.sampled_from(["{}", '<w:hyperlink w:anchor="a\x85">{}</w:hyperlink>',
                                    "<w:ins>{}</w:ins>", "<w:del>{}</w:del>"]))  # fmt: skip
    paragraph = f"<w:p><w:pPr>{properties}</w:pPr>{wrapper.format(runs)}</w:p>"
    if draw(st.integers(0, 9)) == 0:
        paragraph = f"<w:tbl><w:tr><w:tc>{paragraph}</w:tc></w:tr></w:tbl>"
    return paragraph


@given(st.lists(any_paragraph(), max_size=10), st.booleans())
def test_any_well_formed_document_reads(paragraphs: list[str], ours: bool) -> None:
    """Values Word would never write (negative indents, unknown styles, stray field marks,
    control characters) still give an article, or a clean InputError that names the problem.
    The styles and numbering are articlekit's own or Word's default template's."""
    document = f'<w:document xmlns:w="{W_MAIN}"><w:body>{"".join(paragraphs)}</w:body></w:document>'
    template = write(STORY, format="docx").value if ours else reporters_file()
    with zipfile.ZipFile(io.BytesIO(template)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["word/document.xml"] = document.encode("utf-8")
    try:
        read(package(parts), format="docx")
    except InputError as error:
        assert "invalid article" not in error.message


def test_a_summary_of_several_paragraphs_keeps_them() -> None:
    from articlekit import Article, read, write

    article = Article(
        headline="Night Ferries",
        summary="First part of the summary.\n\nSecond part.",
        body=[{"type": "paragraph", "content": [{"text": "Story."}]}],
    )
    assert read(write(article, format="docx").value).value == article


@pytest.mark.parametrize(
    "flags",
    [
        ["EMBARGOED UNTIL FURTHER NOTICE", "URGENT"],
        ["URGENT", "EMBARGOED UNTIL FURTHER NOTICE"],
        ["EMBARGOED UNTIL 00:01 GMT 5 JUNE 2030"],
    ],
)
def test_a_document_of_flag_paragraphs_alone_keeps_its_embargo_or_hold(flags: list[str]) -> None:
    """The hold was the headline or body text, and the story was neither held nor embargoed.
    (The file's comment, its summary, makes it an article: flags alone are none.)"""
    article = read(_word(*flags, comments="Notes on the ferry timetable."), format="docx").value
    assert article.headline is None and article.paragraphs == []
    assert article.status == "withheld" or article.embargoed == datetime(
        2030, 6, 5, 0, 1, tzinfo=UTC
    )
    assert article.extras["docx:flags"] == flags


def test_a_core_author_naming_one_of_the_bylines_people_keeps_them_all() -> None:
    """Word's "Author" property often names only the person who made the file: the byline's
    co-author stays an author."""
    article = read(
        credited_file(creator="Ann Lee", byline="By Ann Lee and Bo Marsh"), format="docx"
    ).value
    assert [person.name for person in article.authors] == ["Ann Lee", "Bo Marsh"]
    assert "docx:creator" not in article.extras
    both = read(
        credited_file(creator="Ann Lee; Bo Marsh", byline="By Ann Lee and Bo Marsh"), format="docx"
    )
    assert [person.name for person in both.value.authors] == ["Ann Lee", "Bo Marsh"]


def test_a_tools_boilerplate_comment_is_no_summary() -> None:
    """python-docx puts "generated by python-docx" in every file's comments; a person's comment
    is the summary (where articlekit and pandoc write it)."""
    data = _word("Ferries ran late on Friday.")
    assert b"generated by python-docx" in zipfile.ZipFile(io.BytesIO(data)).read(
        "docProps/core.xml"
    )
    assert read(data, format="docx").value.summary is None
    written = _word("Ferries ran late on Friday.", comments="Late ferries.")
    assert read(written, format="docx").value.summary == "Late ferries."


def body_file(body: str) -> bytes:
    """A minimal package whose body is the WordprocessingML ``body``."""
    document = DOCUMENT.replace(
        b"<w:p><w:r><w:t>Ferries run late.</w:t></w:r></w:p>", body.encode()
    )
    return package({**MINIMAL, "word/document.xml": document})


def test_ruby_keeps_its_base_text_and_reports_the_reading() -> None:
    """Furigana: the base text is the text (Word's own copy as text), the reading is reported."""
    result = read(
        body_file(
            "<w:p><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>みなと</w:t></w:r></w:rt>"
            "<w:rubyBase><w:r><w:t>港</w:t></w:r></w:rubyBase></w:ruby></w:r>"
            "<w:r><w:t>の新しい桟橋</w:t></w:r></w:p>"
        ),
        format="docx",
    )
    assert result.value.paragraphs == ["港の新しい桟橋"]
    dropped = next(w.message for w in result.warnings if w.code == "docx-formatting-dropped")
    assert "ruby readings" in dropped


DELETED_MARK = '<w:pPr><w:rPr><w:del w:id="7" w:author="Desk"/></w:rPr></w:pPr>'
"""A paragraph mark deleted with changes tracked: accepted, the paragraph joins the next one."""


def test_a_deleted_paragraph_mark_joins_the_paragraph_to_the_next_one() -> None:
    cell = "<w:tc><w:p>{}<w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    result = read(
        body_file(
            f"<w:p>{DELETED_MARK}<w:r><w:t>The pier reopens</w:t></w:r></w:p>"
            '<w:p><w:r><w:t xml:space="preserve"> on Monday.</w:t></w:r></w:p>'
            f"<w:p>{DELETED_MARK}<w:del><w:r><w:delText>Gone.</w:delText></w:r></w:del></w:p>"
            f"<w:p>{DELETED_MARK}<w:r><w:t>Before the table.</w:t></w:r></w:p>"
            "<w:tbl><w:tr>"
            + cell.format(DELETED_MARK, "Left cell")
            + cell.format("", "Right cell")
            + "</w:tr></w:tbl>"
        ),
        format="docx",
    )
    assert result.value.paragraphs[:2] == ["The pier reopens on Monday.", "Before the table."]
    table = result.value.body[2].model_dump(mode="json")
    assert [cell["content"] for cell in table["rows"][0]["cells"]] == [
        [{"text": "Left cell"}],
        [{"text": "Right cell"}],
    ]
    assert "docx-tracked-changes" in codes(result)


@pytest.mark.parametrize(
    "creator", ["Administrator", "Normal.dotm", "python-docx", "Microsoft Office User", "USER"]
)
def test_an_accounts_or_templates_name_is_no_author(creator: str) -> None:
    document = docx.Document()
    document.add_paragraph("Lighthouse Keeper Retires", style="Title")
    document.add_paragraph("The last keeper of the north light retired on Sunday.")
    document.core_properties.author = creator
    out = io.BytesIO()
    document.save(out)
    result = read(out.getvalue(), format="docx")
    assert result.value.authors == []
    assert result.value.extras["docx:creator"] == creator
    assert "docx-property-unusable" in codes(result)


def test_a_persons_name_beside_an_accounts_is_the_author() -> None:
    article = read(credited_file(creator="Administrator; Rosa Quint"), format="docx").value
    assert [person.name for person in article.authors] == ["Rosa Quint"]


def test_an_imported_chunk_left_out_is_reported() -> None:
    """``w:altChunk``: Word converts the part it names (HTML here) and shows it in its place."""
    body = (
        "<w:p><w:r><w:t>Before the chunk.</w:t></w:r></w:p>"
        '<w:altChunk xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships" r:id="rIdChunk"/>'
        "<w:p><w:r><w:t>After the chunk.</w:t></w:r></w:p>"
    )
    relationships = (
        b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        b'2006/relationships"><Relationship Id="rIdChunk" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/aFChunk" Target="chunk.htm"/></Relationships>'
    )
    types = CONTENT_TYPES.replace(
        b"</Types>", b'<Default Extension="htm" ContentType="text/html"/></Types>'
    )
    document = DOCUMENT.replace(
        b"<w:p><w:r><w:t>Ferries run late.</w:t></w:r></w:p>", body.encode()
    )
    parts = {
        **MINIMAL,
        "[Content_Types].xml": types,
        "word/document.xml": document,
        "word/_rels/document.xml.rels": relationships,
        "word/chunk.htm": b"<html><body><p>The imported notice.</p></body></html>",
    }
    result = read(package(parts), format="docx")
    assert result.value.paragraphs == ["Before the chunk.", "After the chunk."]
    chunk = next(w.message for w in result.warnings if w.code == "docx-chunk-dropped")
    assert "1 imported chunk (w:altChunk: HTML)" in chunk


def test_a_results_table_of_twenty_five_thousand_cells_reads() -> None:
    """An election's results by district: 2,500 rows of 10 cells, more than the 20,000 blocks and
    cells the model once held."""
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    votes = [cell.format(number * 7919 % 100_003) for number in range(25_000)]
    rows = "".join(
        f"<w:tr>{''.join(votes[start : start + 10])}</w:tr>" for start in range(0, 25_000, 10)
    )
    result = read(
        body_file(f"<w:p><w:r><w:t>Results by district</w:t></w:r></w:p><w:tbl>{rows}</w:tbl>"),
        format="docx",
    )
    table = result.value.body[-1]
    assert isinstance(table, Table)
    assert len(table.rows) == 2_500 and len(table.rows[-1].cells) == 10


def test_a_long_chain_of_deleted_paragraph_marks_reads_as_one_paragraph() -> None:
    """Each paragraph of the chain joins the next: their runs are gathered once, not copied,
    merged and classified again at each (5,000 paragraphs took some ten seconds so)."""
    words = [f"tide{number}" for number in range(5_000)]
    chain = "".join(
        f'<w:p>{DELETED_MARK}<w:r><w:t xml:space="preserve">{word} </w:t></w:r></w:p>'
        for word in words
    )
    result = read(body_file(f"{chain}<w:p><w:r><w:t>ebb.</w:t></w:r></w:p>"), format="docx")
    assert result.value.paragraphs == [" ".join([*words, "ebb."])]
    ended_by_a_table = read(
        body_file(f"{chain}<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>"), format="docx"
    )
    assert ended_by_a_table.value.paragraphs == [" ".join(words)]


def test_a_document_of_more_paragraphs_than_an_article_holds_is_stopped_early() -> None:
    """Refused by the reader as the paragraphs are made, before the article's body is built (the
    model refuses it too, but only after a file of half a million tiny paragraphs filled a
    gigabyte)."""
    from articlekit.formats.docx.body import MAX_MADE

    tiny = "".join(f"<w:p><w:r><w:t>{number}</w:t></w:r></w:p>" for number in range(MAX_MADE + 1))
    with pytest.raises(InputError, match=f"more than {MAX_MADE} paragraphs: too long"):
        read(body_file(tiny), format="docx")


def _story_file(paragraphs: list[str], language: str | None) -> bytes:
    document = docx.Document()
    document.add_heading("Neue Straßenbahn für Lindenfort", 0)
    for text in paragraphs:
        document.add_paragraph(text)
    if language is not None:
        document.core_properties.language = language
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_GERMAN = [
    "Die Stadt hat am Montag beschlossen, dass die neue Linie bis zum Hafen fahren soll.",
    "Nach den Plänen der Verwaltung werden die Arbeiten im Frühjahr beginnen und etwa zwei "
    "Jahre dauern, wie der Sprecher der Stadt auf einer Versammlung mit den Anwohnern sagte.",
    "Die Kosten liegen bei zwölf Millionen Euro, die zum größten Teil vom Land getragen werden.",
]


@pytest.mark.parametrize(
    ("language", "expected"), [(None, "de"), ("und", None), ("fr", "fr")], ids=str
)
def test_a_document_without_a_language_gets_the_one_its_paragraphs_show(
    language: str | None, expected: str | None
) -> None:
    """Word seldom fills dc:language: the paragraphs say the language when clearly, as a text's
    do; a document that says "und" (undetermined, as articlekit writes an article without one)
    or a language keeps what it says."""
    article = read(_story_file(_GERMAN, language), format="docx").value
    assert article.language == expected
    told = read(_story_file(_GERMAN, language), format="docx", options={"language": "de-CH"})
    # (over the guess and an undetermined "und", not over a language the document names)
    assert told.value.language == (expected if language not in (None, "und") else "de-CH")
