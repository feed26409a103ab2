"""DOCX pictures and tables: read from files made by other programs (the corpus, python-docx,
pandoc, LibreOffice), written as real Word pictures and tables, round trips (lossless through the
embedded copy, and what the document alone shows), independent readers (mammoth, pandoc) seeing
the same pictures and tables, and hostile media (relationships out of the package, lying sizes,
zip bombs, huge captions)."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import struct
import subprocess
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlekit import Article, read, write
from articlekit.errors import InputError
from articlekit.model import (
    Figure,
    Media,
    Paragraph,
    Person,
    Rendition,
    Resource,
    Span,
    Table,
    iter_blocks,
    iter_media,
)

from conftest import NO_TEXT, ROOT, crossings_table, png, read_back, run_cli, shared_path
from strategies import ALL_FIELDS, articles

docx = pytest.importorskip("docx")
mammoth = pytest.importorskip("mammoth")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CORPUS = sorted(
    path.name
    for path in (ROOT.parent / "shared" / "corpus" / "docx").glob("*.docx")
    if path.name != NO_TEXT
)


def codes(result: Any) -> set[str]:
    return {warning.code for warning in result.warnings}


PNG = png(40, 30)
OTHER_PNG = png(20, 20, shade=90)


def figures_of(article: Article) -> list[Figure | Media]:
    return list(iter_media(article))


def tables_of(article: Article) -> list[Table]:
    return [block for block in iter_blocks(article.body) if isinstance(block, Table)]


def cell_texts(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def media_hashes(data: bytes) -> list[str]:
    """The sha256 of every ``word/media`` part of a package, sorted."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return sorted(
            hashlib.sha256(package.read(name)).hexdigest()
            for name in package.namelist()
            if name.startswith("word/media/")
        )


def saved(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- pictures and tables in files made by other programs ----------------------------------------


def python_docx_story() -> bytes:
    """A story as a reporter makes it in Word (here python-docx): a picture with a caption that
    ends in its credit, a table with merged cells, a localised caption style id."""
    from docx.shared import Inches

    document = docx.Document()
    document.styles["Caption"].style_id = "a5"  # localised Word gives built-in styles such ids
    document.add_paragraph("Harbour Gets Night Ferries", style="Title")
    document.add_paragraph("The board voted on Tuesday to let two ferries berth overnight.")
    document.add_picture(io.BytesIO(PNG), width=Inches(2))
    document.inline_shapes[0]._inline.docPr.set("descr", "Two ferries at the quay")
    document.add_paragraph("The quay at dusk. Photo: Ana Lima/WCN", style="Caption")
    table = document.add_table(rows=3, cols=3)
    for row, texts in enumerate((("Ferry", "Leaves", "Arrives"), ("Aurora", "22:00", "23:10"))):
        for column, text in enumerate(texts):
            table.cell(row, column).text = text
    table.cell(2, 0).merge(table.cell(2, 2)).text = "Last crossing at 02:00"
    document.add_paragraph("The trial ends in September.")
    return saved(document)


def test_a_word_story_with_a_picture_and_a_table() -> None:
    result = read(python_docx_story(), format="docx")
    article = result.value
    assert article.headline == "Harbour Gets Night Ferries"
    (figure,) = figures_of(article)
    assert isinstance(figure, Figure)
    assert figure.caption_text == "The quay at dusk."
    assert figure.credit == "Ana Lima/WCN"
    assert figure.alt_text == "Two ferries at the quay"
    (rendition,) = figure.renditions
    assert rendition.resource == Resource.of(PNG, "image/png")
    assert (rendition.width, rendition.height) == (192, 144)  # two inches at 96 dpi
    (table,) = tables_of(article)
    assert cell_texts(table) == [
        ["Ferry", "Leaves", "Arrives"],
        ["Aurora", "22:00", "23:10"],
        ["Last crossing at 02:00"],
    ]
    assert table.rows[2].cells[0].colspan == 3
    assert article.paragraphs[-1] == "The trial ends in September."
    assert article.authors == []  # (python-docx signs every file it makes "python-docx")
    # (and its template's core dates are no date of the story)
    codes = sorted(warning.code for warning in result.warnings)
    assert codes == ["docx-property-unusable", "docx-template-date"]


def test_merged_cells_across_rows_and_columns() -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Crossings"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Night"
    for row, texts in ((1, ("22:00", "Aurora")), (2, ("02:00", "Boreas"))):
        table.cell(row, 1).text, table.cell(row, 2).text = texts
    (table_block,) = tables_of(read(saved(document), format="docx").value)
    spans = [
        [(cell.text, cell.colspan, cell.rowspan) for cell in row.cells] for row in table_block.rows
    ]
    assert spans == [
        [("Crossings", 3, 1)],
        [("Night", 1, 2), ("22:00", 1, 1), ("Aurora", 1, 1)],
        [("02:00", 1, 1), ("Boreas", 1, 1)],
    ]


def body_package(
    body: str,
    relationships: str = "",
    parts: dict[str, bytes] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """A minimal package around ``body`` (WordprocessingML), with extra relationships of the
    document and extra parts (content types: png, and xml)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="PNG" ContentType="image/png"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        archive.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{W}" xmlns:r="{R}" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
            f'xmlns:v="urn:schemas-microsoft-com:vml"><w:body>{body}</w:body></w:document>',
        )
        archive.writestr(
            "word/_rels/document.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f"{relationships}</Relationships>",
        )
        for name, data in (parts or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


def drawing(reference: str, *, descr: str = "", title: str = "", cx: int = 1905000) -> str:
    """A paragraph holding one inline picture (``reference``: the blip's attributes)."""
    return (
        "<w:p><w:r><w:drawing><wp:inline>"
        f'<wp:extent cx="{cx}" cy="952500"/>'
        f'<wp:docPr id="1" name="Picture 1" descr="{descr}" title="{title}"/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f"<pic:pic><pic:blipFill><a:blip {reference}/></pic:blipFill></pic:pic>"
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )


def image_relationship(rel_id: str, target: str, *, external: bool = False) -> str:
    mode = ' TargetMode="External"' if external else ""
    return (
        f'<Relationship Id="{rel_id}" Type="http://schemas.openxmlformats.org/officeDocument/'
        f'2006/relationships/image" Target="{target}"{mode}/>'
    )


def paragraph(text: str, style: str | None = None) -> str:
    properties = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{properties}<w:r><w:t>{text}</w:t></w:r></w:p>"


def test_captions_above_and_below_credits_in_titles_vml_and_linked_pictures() -> None:
    """Captions sit below pictures and above tables (Word's defaults), else on the other side; a
    docPr title that is a credit becomes the credit; VML pictures and linked ones are read."""
    styles = (
        f'<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:styleId="7">'
        '<w:name w:val="caption"/></w:style></w:styles>'
    )
    body = (
        paragraph("Figure 1: the quay", "7")
        + drawing('r:embed="rId5"', title="Photo: Jane Doe/AP")
        + paragraph("Between them.")
        + "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        + paragraph("Table 1: crossings", "7")
        + '<w:p><w:r><w:pict><v:shape style="width:75pt;height:30pt" alt="A buoy">'
        '<v:imagedata r:id="rId6" o:title="" xmlns:o="urn:schemas-microsoft-com:office:office"/>'
        "</v:shape></w:pict></w:r></w:p>" + drawing('r:link="rId7"', descr="A remote ferry")
    )
    relationships = (
        image_relationship("rId5", "media/one.PNG")
        + image_relationship("rId6", "media/two.png")
        + image_relationship("rId7", "https://media.example.org/ferry.jpg", external=True)
        + '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/styles" Target="styles.xml"/>'
    )
    data = body_package(
        body,
        relationships,
        {
            "word/media/one.PNG": PNG,
            "word/media/two.png": OTHER_PNG,
            "word/styles.xml": styles.encode(),
        },
    )
    result = read(data, format="docx")
    body_blocks = result.value.body
    first, between, table, buoy, remote = body_blocks
    assert isinstance(first, Figure) and first.caption_text == "Figure 1: the quay"
    assert (first.credit, first.title) == ("Jane Doe/AP", None)
    assert first.renditions[0].resource == Resource.of(PNG, "image/png")  # by extension, any case
    assert isinstance(between, Paragraph)
    assert isinstance(table, Table) and table.caption[0].text == "Table 1: crossings"
    assert isinstance(buoy, Figure) and buoy.alt_text == "A buoy"
    assert (buoy.renditions[0].width, buoy.renditions[0].height) == (100, 40)  # 75pt x 30pt
    assert isinstance(remote, Figure) and remote.alt_text == "A remote ferry"
    assert remote.renditions == [
        Rendition(uri="https://media.example.org/ferry.jpg", width=200, height=100)
    ]
    assert codes(result) == {"docx-picture-linked", "no-headline"}
    [said] = [w.message for w in result.warnings if w.code == "docx-picture-linked"]
    assert said == (  # (one picture: its noun and what is said of it agree)
        "1 picture linked, not embedded: each link kept as a reference, not fetched "
        "(https://media.example.org/ferry.jpg)"
    )


def test_a_picture_inside_a_line_of_text_goes_after_it_and_charts_are_reported() -> None:
    body = (
        "<w:p><w:r><w:t>Click the </w:t></w:r>"
        + drawing('r:embed="rId5"')[len("<w:p>") : -len("</w:p>")]
        + "<w:r><w:t> button.</w:t></w:r></w:p>"
        + '<w:p><w:r><w:drawing><wp:inline><wp:docPr id="2" name="Chart 2" descr="Fares"/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"/>'
        "</a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )
    result = read(
        body_package(
            body, image_relationship("rId5", "media/one.png"), {"word/media/one.png": PNG}
        ),
        format="docx",
    )
    text, picture = result.value.body
    assert isinstance(text, Paragraph) and text.text == "Click the button."
    assert isinstance(picture, Figure)
    assert result.value.extras["docx:images"] == [{"name": "Chart 2", "description": "Fares"}]
    assert {"docx-picture-moved", "docx-image-dropped"} <= codes(result)


def test_an_embedded_object_is_read_as_the_picture_word_shows() -> None:
    body = (
        '<w:p><w:r><w:object><v:shape style="width:150pt;height:75pt">'
        '<v:imagedata r:id="rId5"/></v:shape><o:OLEObject ProgID="Visio.Drawing.11" r:id="rId6" '
        'xmlns:o="urn:schemas-microsoft-com:office:office"/></w:object></w:r></w:p>'
    )
    relationships = image_relationship("rId5", "media/preview.png") + (
        '<Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/oleObject" Target="embeddings/drawing.vsd"/>'
    )
    parts = {"word/media/preview.png": PNG, "word/embeddings/drawing.vsd": b"not opened"}
    result = read(body_package(body, relationships, parts), format="docx")
    (figure,) = figures_of(result.value)
    assert figure.kind == "graphic" and figure.extras == {"docx:object": "Visio.Drawing.11"}
    assert figure.renditions == [
        Rendition(resource=Resource.of(PNG, "image/png"), width=200, height=100)
    ]
    assert "docx-object-pictured" in codes(result)


def test_tables_are_never_headlines_and_empty_rows_never_paragraphs() -> None:
    """A document opening with a table: no headline from its rows ("Cell1 Cell3 | Cell2");
    empty rows stay rows of the table."""
    row = "<w:tr><w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>"
    body = (
        "<w:tbl>"
        + row.format("Cell1")
        + "<w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>"
        + row.format("Cell3")
        + "</w:tbl>"
        + paragraph("The council met on Monday and voted to extend the tram line to the harbour.")
    )
    result = read(body_package(body), format="docx")
    assert result.value.headline is None
    (table,) = tables_of(result.value)
    assert cell_texts(table) == [["Cell1", ""], ["", ""], ["Cell3", ""]]
    assert result.value.paragraphs == [
        "The council met on Monday and voted to extend the tram line to the harbour."
    ]


def test_tables_nested_too_deep_are_read_as_rows_of_text() -> None:
    inner = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>deep</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    for _ in range(6):
        inner = f"<w:tbl><w:tr><w:tc>{inner}<w:p/></w:tc></w:tr></w:tbl>"
    result = read(body_package(inner), format="docx")
    assert "docx-table-flattened" in codes(result)
    tables = tables_of(result.value)
    assert len(tables) == 4  # MAX_TABLE_DEPTH; the deeper ones became the innermost cell's text
    assert cell_texts(tables[-1]) == [["deep"]]


def test_header_rows_header_cells_and_legacy_horizontal_merges() -> None:
    heading_style = (
        f'<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:styleId="TH">'
        '<w:name w:val="Table Heading"/></w:style></w:styles>'
    )
    cell = "<w:tc>{}<w:p>{}<w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    heading = '<w:pPr><w:pStyle w:val="TH"/></w:pPr>'
    body = (
        '<w:tbl><w:tblPr><w:tblLook w:val="0000"/></w:tblPr>'
        "<w:tr><w:trPr><w:tblHeader/></w:trPr>"
        + cell.format("", "", "Ferry")
        + cell.format('<w:tcPr><w:hMerge w:val="restart"/></w:tcPr>', "", "Times")
        + cell.format("<w:tcPr><w:hMerge/></w:tcPr>", "", "")
        + "</w:tr><w:tr>"
        + cell.format("", heading, "Aurora")
        + cell.format("", "", "22:00")
        + cell.format("", "", "23:10")
        + "</w:tr></w:tbl>"
    )
    data = body_package(
        body,
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/styles" Target="styles.xml"/>',
        {"word/styles.xml": heading_style.encode()},
    )
    (table,) = tables_of(read(data, format="docx").value)
    assert [[(c.text, c.header, c.colspan) for c in row.cells] for row in table.rows] == [
        [("Ferry", True, 1), ("Times", True, 2)],
        [("Aurora", True, 1), ("22:00", False, 1), ("23:10", False, 1)],
    ]


@pytest.mark.parametrize("name", CORPUS or ["pandoc-tables.docx"])
def test_corpus_headlines_are_no_table_rows_and_mammoth_counts_the_same(name: str) -> None:
    """mammoth, an independent reader, finds as many pictures and tables in each real file."""
    path = shared_path("corpus", "docx", name)
    article = read(path).value
    rows = {
        text
        for table in tables_of(article)
        for row in table.rows
        for text in (*[cell.text for cell in row.cells], " | ".join(c.text for c in row.cells))
    }
    assert article.headline is None or (
        article.headline not in rows and "|" not in article.headline
    )
    html = mammoth.convert_to_html(io.BytesIO(path.read_bytes())).value
    assert len(tables_of(article)) == html.count("<table>")
    assert len(figures_of(article)) == html.count("<img ")


# --- writing real Word pictures and tables ------------------------------------------------------

STORY = Article(
    headline="Harbour Opens Night Ferries",
    byline="By Ana Lima",
    authors=[Person(name="Ana Lima")],
    source={"name": "Westcliff Courier"},
    published="2024-03-14",
    dateline={"place": "PORT ALDWIN"},
    media=[
        Media(
            role="featured",
            caption=[Span(text="The quay at dusk.")],
            credit="Ana Lima/WCN",
            alt_text="Two ferries at a quay",
            renditions=[Rendition(resource=Resource.of(PNG, "image/png"), width=40, height=30)],
        ),
        Media(role="gallery", renditions=[Rendition(uri="https://media.example.org/2.jpg")]),
    ],
    body=[
        Paragraph(content=[Span(text="The board voted on Tuesday.")]),
        Figure(
            caption=[Span(text="A ferry "), Span(text="berths", strong=True)],
            credit="Tomas Berg/AP",
            alt_text="A white ferry",
            title="Aurora",
            renditions=[
                Rendition(uri="https://media.example.org/ferry.jpg", width=1200, height=900),
                Rendition(name="thumbnail", resource=Resource.of(OTHER_PNG, "image/png")),
            ],
        ),
        crossings_table(),
        Figure(kind="video", caption=[Span(text="The vote")], renditions=[Rendition(uri="v.mp4")]),
        Paragraph(content=[Span(text="The trial ends in September.")]),
    ],
)


def test_writer_makes_real_pictures_tables_and_says_what_it_cannot_show() -> None:
    result = write(STORY, format="docx")
    data = result.value
    package = zipfile.ZipFile(io.BytesIO(data))
    names = package.namelist()
    assert [name for name in names if name.startswith("word/media/")] == [
        "word/media/image1.png",
        "word/media/image2.png",
    ]
    assert package.getinfo("word/media/image1.png").compress_type == zipfile.ZIP_STORED
    assert package.read("word/media/image1.png") == PNG
    types = package.read("[Content_Types].xml").decode()
    assert '<Override PartName="/word/media/image1.png" ContentType="image/png"/>' in types
    rels = package.read("word/_rels/document.xml.rels").decode()
    assert 'Target="media/image1.png"/>' in rels
    assert 'Target="https://media.example.org/ferry.jpg" TargetMode="External"/>' not in rels
    body = package.read("word/document.xml").decode()
    assert '<wp:extent cx="381000" cy="285750"/>' in body  # 40 x 30 px at 96 dpi
    assert 'descr="Two ferries at a quay"' in body and 'title="Aurora"' in body
    assert "<w:tblHeader/>" in body and '<w:vMerge w:val="restart"/>' in body
    assert '<w:gridSpan w:val="2"/>' in body and "<w:vMerge/>" in body

    document = docx.Document(io.BytesIO(data))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert styles[:7] == [
        ("Title", STORY.headline),
        ("Byline", "By Ana Lima"),
        ("Source Line", "Westcliff Courier, March 14, 2024"),
        ("Lead Picture", ""),
        ("Caption", "The quay at dusk."),
        ("Credit", "Ana Lima/WCN"),
        ("Dateline", "PORT ALDWIN —"),
    ]
    assert ("Caption", "A ferry berths") in styles and ("Credit", "Tomas Berg/AP") in styles
    assert ("Table Caption", "Crossings") in styles
    assert ("Caption", "The vote") in styles  # a video shows its caption
    (table,) = document.tables
    assert table.cell(1, 0)._tc is table.cell(2, 0)._tc  # merged down
    assert table.cell(3, 0)._tc is table.cell(3, 1)._tc  # merged across
    assert [shape.width for shape in document.inline_shapes] == [381000, 576 * 9525]

    found = {warning.code: warning.message for warning in result.warnings}
    assert "1 gallery or related media item" in found["docx-not-displayed"]
    assert "rendition names and sizes" in found["docx-not-displayed"]
    assert found["docx-media-not-shown"].startswith("1 figure or lead media item with no picture")
    assert found["docx-picture-resized"].startswith("1 picture shown at a size")  # (no size given)
    assert not any(w.fields for w in result.warnings)  # (kept in the copy: no field changes)
    assert write(STORY, format="docx").value == data  # deterministic
    back = read(data, format="docx")
    assert back.value == STORY and back.warnings == ()


def test_what_the_document_alone_shows() -> None:
    shown = read(write(STORY, format="docx").value, format="docx", options={"embedded": "ignore"})
    article = shown.value
    (lead,) = article.media
    assert (lead.role, lead.caption_text, lead.credit) == (
        "featured",
        "The quay at dusk.",
        "Ana Lima/WCN",
    )
    assert lead.renditions[0].resource == Resource.of(PNG, "image/png")
    figure, table, video = [b for b in article.body if isinstance(b, Figure | Table)]
    assert video == Figure(caption=[Span(text="The vote")])  # (its caption alone: Word's figure)
    assert isinstance(figure, Figure) and figure.caption == STORY.body[1].caption  # type: ignore[union-attr]
    assert figure.renditions == [
        Rendition(resource=Resource.of(OTHER_PNG, "image/png"), width=576, height=432)
    ]
    assert isinstance(table, Table) and table == STORY.body[2]
    assert (article.source, article.published) == (STORY.source, STORY.published)


def test_an_edit_in_word_keeps_what_word_does_not_show_of_the_pictures() -> None:
    """After an edit the body and lead pictures are read from the document: a lead picture
    Word cannot show was lost, and a figure lost its id, creators, rights, its other renditions
    and their names and sizes, all promised kept in the embedded copy. They are restored from it,
    told by the picture shown; what Word shows (a caption) is the document's."""
    lead = Media(role="featured", renditions=[Rendition(uri="tag:wire.example,2024:lead.jpg")])
    figure = Figure(
        id="urn:example:photo:7",
        caption=[Span(text="A ferry berths")],
        credit="Tomas Berg/AP",
        creators=[Person(name="Tomas Berg")],
        rights={"holder": "AP"},
        renditions=[
            Rendition(
                name="original", resource=Resource.of(PNG, "image/png"), width=2000, height=1000
            ),
            Rendition(name="thumbnail", uri="https://media.example.org/t.jpg", width=200),
        ],
    )
    story = STORY.model_copy(update={"media": [lead], "body": [*STORY.body[:1], figure]})
    written = write(story, format="docx")
    assert "docx-media-not-shown" in codes(written)
    document = docx.Document(io.BytesIO(written.value))
    for paragraph in document.paragraphs:
        if paragraph.text == "The board voted on Tuesday.":
            paragraph.text = "The board voted on Wednesday."
        elif paragraph.text == "A ferry berths":
            paragraph.text = "A ferry berths at dawn"
    out = io.BytesIO()
    document.save(out)
    result = read(out.getvalue(), format="docx")
    back = result.value
    assert back.paragraphs[0] == "The board voted on Wednesday."
    assert back.media == [lead]
    (kept,) = [block for block in back.body if isinstance(block, Figure)]
    assert kept.caption_text == "A ferry berths at dawn"
    assert kept.model_copy(update={"caption": figure.caption}) == figure
    stale = next(w.message for w in result.warnings if w.code == "docx-embedded-article-stale")
    assert "(body)" in stale  # (the lead media, which Word cannot show, is not said changed)


def test_an_edit_in_word_keeps_the_lead_picture_the_lead_beside_a_gallery_of_the_same() -> None:
    """A gallery item with the lead picture's bytes was taken for it: the lead became a second
    gallery item."""
    picture = [Rendition(resource=Resource.of(PNG, "image/png"))]
    gallery = Media(
        role="gallery", id="urn:g", caption=[Span(text="Gallery shot")], renditions=picture
    )
    lead = Media(role="featured", id="urn:l", caption=[Span(text="Lead shot")], renditions=picture)
    story = STORY.model_copy(update={"media": [gallery, lead], "body": STORY.body[:1]})
    document = docx.Document(io.BytesIO(write(story, format="docx").value))
    document.paragraphs[-1].text = "The board voted on Wednesday."
    out = io.BytesIO()
    document.save(out)
    back = read(out.getvalue(), format="docx").value
    assert back.paragraphs == ["The board voted on Wednesday."]
    assert sorted(back.media, key=lambda media: media.role) == [lead, gallery]


def test_embedded_pictures_are_stored_once() -> None:
    """The embedded article refers to the picture parts instead of carrying the bytes again."""
    big = png(300, 300)
    article = Article(
        headline="One Picture",
        body=[Figure(renditions=[Rendition(resource=Resource.of(big, "image/png"))])],
    )
    data = write(article, format="docx").value
    item = zipfile.ZipFile(io.BytesIO(data)).read("customXml/item1.xml").decode()
    assert '"path":"word/media/image1.png"' in item and '"data"' not in item
    assert read(data, format="docx").value == article


def test_a_highly_compressible_picture_is_stored_so_that_the_reader_takes_it() -> None:
    blank = b"BM" + bytes(4_000_000)  # a white bitmap deflates 1000 times: a zip bomb's ratio
    article = Article(
        body=[Figure(renditions=[Rendition(resource=Resource.of(blank, "image/bmp"))])]
    )
    assert read(write(article, format="docx").value, format="docx").value == article


@given(articles(ALL_FIELDS, media=True))
def test_round_trip_with_pictures_and_tables_is_lossless(article: Article) -> None:
    back = read(write(article, format="docx").value, format="docx")
    assert back.value == article
    assert back.warnings == ()


@given(articles(ALL_FIELDS - {"extras"}, media=True))
def test_the_document_alone_keeps_captions_credits_renditions_and_cells(article: Article) -> None:
    """Without the embedded copy: every figure's caption and credit, its shown rendition's bytes
    or URI, every table's cells; what Word cannot show is a warning of the writer."""
    written = write(article, format="docx")
    found = codes(written)
    expected_media = [
        m for m in figures_of(article) if isinstance(m, Figure) or m.role == "featured"
    ]
    shows_less = bool(found & {"docx-media-not-shown", "structure-flattened"})
    # (gallery and related media are the embedded copy's alone: Word shows none of them)
    shows_any = expected_media or article.headline or article.summary or article.body
    options = {"embedded": "ignore"}
    result = read_back(written.value, "docx", shows_less or not shows_any, options=options)
    if result is None:
        return
    back = result.value
    if not shows_less:
        shown = figures_of(back)
        assert len(shown) == len(expected_media)
        for before, after in zip(
            sorted(expected_media, key=_lead), sorted(shown, key=_lead), strict=True
        ):
            assert after.caption == before.caption
            if not before.creators:
                assert after.credit == before.credit
            (kept,) = after.renditions  # the rendition shown: its bytes, else its URI
            shown_as = kept.resource.sha256 if kept.resource else kept.uri
            assert shown_as in {r.resource.sha256 for r in before.renditions if r.resource} | {
                r.uri for r in before.renditions
            }
        assert [cell_texts(t) for t in tables_of(back)] == [
            cell_texts(t) for t in tables_of(article)
        ]


def _lead(media: Figure | Media) -> int:
    return 0 if isinstance(media, Media) else 1


def test_figures_without_a_picture_read_back_from_the_document_alone() -> None:
    """The writer shows a figure with no picture Word can show as its Caption and Credit
    paragraphs; once Word saves the file (no embedded copy to trust) they are that figure again,
    not body text."""
    article = Article(
        headline="Lighthouse Reopens",
        body=[
            Paragraph(content=[Span(text="The lamp was lit again on Sunday.")]),
            Figure(caption=[Span(text="The lamp room at dusk.")], credit="Ida Varn/Coast Post"),
            Figure(credit="Coast Post archive"),
            Figure(caption=[Span(text="The keeper's cottage.")]),
            Paragraph(content=[Span(text="Visitors may climb it from May.")]),
        ],
    )
    written = write(article, format="docx").value
    back = read(written, format="docx", options={"embedded": "ignore"}).value
    assert back.body == article.body


# --- independent readers: pandoc ---------------------------------------------------------------


def pandoc() -> str:
    found = shutil.which("pandoc")
    if found is None:
        pytest.skip("pandoc is not installed (CI installs Debian's package: .ci/run)")
    return found


def pandoc_view(data: bytes, folder: Path) -> tuple[list[str], list[Any]]:
    """What pandoc sees in a .docx: the sha256 of the pictures it extracts, and its tables
    (header rows and body rows of cell texts)."""
    source = folder / "in.docx"
    source.write_bytes(data)
    media = folder / "media"
    done = subprocess.run(
        [pandoc(), str(source), "-t", "json", f"--extract-media={media}"],
        capture_output=True,
        check=True,
        timeout=120,
    )
    document = json.loads(done.stdout)
    pictures = sorted(
        hashlib.sha256(path.read_bytes()).hexdigest() for path in media.rglob("*") if path.is_file()
    )
    tables = [
        _pandoc_table(block)
        for block in _pandoc_blocks(document["blocks"])
        if block["t"] == "Table"
    ]
    return pictures, tables


def _pandoc_blocks(blocks: list[Any]) -> Any:
    for block in blocks:
        yield block
        if isinstance(block.get("c"), list):
            for child in block["c"]:
                if (
                    isinstance(child, list)
                    and child
                    and isinstance(child[0], dict)
                    and "t" in child[0]
                ):
                    yield from _pandoc_blocks(child)


def _pandoc_table(block: Any) -> dict[str, Any]:
    _, _, _, head, bodies, _ = block["c"]

    def rows(raw: list[Any]) -> list[list[str]]:
        return [[_pandoc_text(cell[4]) for cell in row[1]] for row in raw]

    return {"head": rows(head[1]), "body": [rows(body[3]) for body in bodies]}


def _pandoc_text(value: Any) -> str:
    if isinstance(value, dict):
        if value.get("t") == "Str":
            return str(value["c"])
        if value.get("t") in ("Space", "SoftBreak", "LineBreak"):
            return " "
        return _pandoc_text(value.get("c", []))
    if isinstance(value, list):
        return "".join(_pandoc_text(item) for item in value)
    return ""


@pytest.mark.parametrize("name", ["pandoc-image.docx", "pandoc-tables.docx"])
def test_docx_to_json_to_docx_keeps_pictures_and_tables_for_pandoc(
    name: str, tmp_path: Path
) -> None:
    original = shared_path("corpus", "docx", name).read_bytes()
    article = read(original, format="docx")
    assert not codes(article) & {"media-dropped", "docx-image-dropped", "docx-table-flattened"}
    via_json = read(write(article.value, format="json").value, format="json").value
    ours = write(via_json, format="docx").value
    assert media_hashes(ours) == media_hashes(original)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert pandoc_view(ours, tmp_path / "b") == pandoc_view(original, tmp_path / "a")


def test_a_word_story_through_json_keeps_its_picture_bytes_for_pandoc(tmp_path: Path) -> None:
    original = python_docx_story()
    ours = write(read(original, format="docx").value, format="docx").value
    assert media_hashes(ours) == media_hashes(original)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    theirs_pictures, theirs_tables = pandoc_view(original, tmp_path / "a")
    our_pictures, our_tables = pandoc_view(ours, tmp_path / "b")
    assert our_pictures == theirs_pictures
    assert len(our_tables) == len(theirs_tables) == 1


def test_pandoc_documents_read_with_their_captions(tmp_path: Path) -> None:
    """pandoc writes figure captions in Image Caption and table captions in Table Caption."""
    (tmp_path / "ferry.png").write_bytes(PNG)
    (tmp_path / "story.md").write_text(
        "# Harbour Gets Night Ferries\n\nThe board voted on Tuesday.\n\n"
        "![The quay at dusk. Photo: Ana Lima/WCN](ferry.png){width=2in}\n\n"
        "| Ferry | Leaves |\n|---|---|\n| Aurora | 22:00 |\n\n: Crossings\n",
        encoding="utf-8",
    )
    subprocess.run(
        [pandoc(), "story.md", "-o", "story.docx"], cwd=tmp_path, check=True, timeout=120
    )
    result = read(tmp_path / "story.docx")
    (figure,) = figures_of(result.value)
    assert (figure.caption_text, figure.credit) == ("The quay at dusk.", "Ana Lima/WCN")
    assert figure.renditions[0].resource == Resource.of(PNG, "image/png")
    (table,) = tables_of(result.value)
    assert table.caption[0].text == "Crossings"
    assert cell_texts(table) == [["Ferry", "Leaves"], ["Aurora", "22:00"]]
    assert [cell.header for cell in table.rows[0].cells] == [True, True]


# --- hostile media -----------------------------------------------------------------------------


def test_relationships_out_of_the_package_are_never_followed(listener: Any) -> None:
    url, received = listener
    body = (
        drawing('r:embed="rId5"')
        + drawing('r:embed="rId6"')
        + drawing('r:link="rId7"')
        + drawing('r:embed="rId8"')
        + drawing('r:embed="rId9"')
        + drawing('r:embed="rId10"')
    )
    relationships = (
        image_relationship("rId5", "file:///etc/passwd", external=True)
        + image_relationship("rId6", "../../../../etc/passwd")
        + image_relationship("rId7", f"{url}/tracker.png", external=True)
        + image_relationship("rId8", "media/missing.png")
        + image_relationship("rId9", "\\\\server\\share\\photo.jpg", external=True)
        + '<Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/styles" Target="document.xml"/>'
    )
    result = read(body_package(body, relationships), format="docx")
    figures = figures_of(result.value)
    assert len(figures) == 6
    assert [figure.renditions for figure in figures] == [
        [],
        [],
        [Rendition(uri=f"{url}/tracker.png", width=200, height=100)],
        [],
        [],
        [],
    ]
    assert figures[0].extras == {"docx:target": "file:///etc/passwd"}
    assert [figure.extras.get("docx:missing") for figure in figures] == [
        None, "rId6", None, "rId8", None, "rId10",
    ]  # fmt: skip
    assert all(figure.extras or figure.renditions for figure in figures)  # never empty
    assert {"docx-picture-unresolved", "docx-picture-linked"} <= codes(result)
    assert "/etc/passwd" not in json.dumps([f.model_dump(mode="json") for f in figures[1:]])
    assert received == []  # nothing was fetched


def test_a_file_url_into_the_documents_own_folder_is_a_relative_link(tmp_path: Path) -> None:
    # what LibreOffice makes of a relative link when it re-saves a document
    relationships = image_relationship(
        "rId5", (tmp_path / "pictures" / "quay.jpg").as_uri(), external=True
    ) + image_relationship("rId6", (tmp_path.parent / "quay.jpg").as_uri(), external=True)
    path = tmp_path / "story.docx"
    path.write_bytes(
        body_package(drawing('r:link="rId5"') + drawing('r:link="rId6"'), relationships)
    )
    figures = figures_of(read(path).value)
    assert [rendition.uri for rendition in figures[0].renditions] == ["pictures/quay.jpg"]
    assert figures[1].renditions == []  # outside its folder: kept aside, never followed
    assert figures[1].extras == {"docx:target": (tmp_path.parent / "quay.jpg").as_uri()}
    from_bytes = figures_of(read(path.read_bytes(), format="docx").value)
    assert from_bytes[0].renditions == []  # no folder to be relative to


def test_a_linked_picture_url_with_spaces_is_a_valid_reference() -> None:
    body = drawing('r:link="rId5"')
    relationships = image_relationship(
        "rId5", "https://media.example.org/night ferry.jpg", external=True
    )
    (figure,) = figures_of(read(body_package(body, relationships), format="docx").value)
    assert figure.renditions[0].uri == "https://media.example.org/night%20ferry.jpg"


def lying_about_size(data: bytes, name: str, size: int) -> bytes:
    """The central directory entry of ``name`` declares ``size`` uncompressed bytes."""
    patched = bytearray(data)
    entry = patched.find(b"PK\x01\x02")
    while entry != -1:
        length = struct.unpack_from("<H", patched, entry + 28)[0]
        if patched[entry + 46 : entry + 46 + length] == name.encode():
            struct.pack_into("<I", patched, entry + 24, size)
            return bytes(patched)
        entry = patched.find(b"PK\x01\x02", entry + 4)
    raise AssertionError(name)


PICTURE = drawing('r:embed="rId5"')
PICTURE_RELATIONSHIP = image_relationship("rId5", "media/one.png")
HOSTILE_MEDIA = {
    "2-gb-declared-image": (
        lying_about_size(
            body_package(PICTURE, PICTURE_RELATIONSHIP, {"word/media/one.png": PNG}),
            "word/media/one.png",
            2**31,
        ),
        "word/media/one.png declares 2147483648 bytes; refused",
    ),
    "picture-part-zip-bomb": (
        body_package(PICTURE, PICTURE_RELATIONSHIP, {"word/media/one.png": bytes(60_000_000)}),
        "word/media/one.png expands",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_MEDIA))
def test_hostile_pictures_are_clean_errors(name: str, tmp_path: Path) -> None:
    data, fragment = HOSTILE_MEDIA[name]
    with pytest.raises(InputError, match=re.escape(fragment)):
        read(data, format="docx")
    source = tmp_path / "story.docx"
    source.write_bytes(data)
    done = run_cli("convert", str(source), "-o", str(tmp_path / "story.json"))
    assert done.code == 1 and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and fragment in done.stderr
    assert not (tmp_path / "story.json").exists()


def test_a_picture_whose_declared_size_lies_low_is_a_warning() -> None:
    data = lying_about_size(
        body_package(PICTURE, PICTURE_RELATIONSHIP, {"word/media/one.png": PNG}),
        "word/media/one.png",
        10,
    )
    result = read(data, format="docx")
    (figure,) = figures_of(result.value)
    assert figure.renditions == [] and "docx-picture-unresolved" in codes(result)


def test_a_picture_that_is_itself_a_zip_bomb_is_carried_never_opened() -> None:
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros.bin", bytes(50_000_000))
    inner = bomb.getvalue()
    data = body_package(PICTURE, PICTURE_RELATIONSHIP, {"word/media/one.png": inner})
    (figure,) = figures_of(read(data, format="docx").value)
    assert figure.renditions[0].resource == Resource.of(inner, "image/png")


def test_a_ten_megabyte_caption_and_alt_text_are_cut_with_a_warning() -> None:
    styles = (
        f'<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:styleId="Caption">'
        '<w:name w:val="caption"/></w:style></w:styles>'
    )
    runs = "".join(f"<w:r><w:t>{'caption ' * 125_000}</w:t></w:r>" for _ in range(10))
    body = drawing('r:embed="rId5"', descr="alt " * 1_000_000) + (
        f'<w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr>{runs}</w:p>'
    )
    relationships = PICTURE_RELATIONSHIP + (
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/styles" Target="styles.xml"/>'
    )
    parts = {"word/media/one.png": PNG, "word/styles.xml": styles.encode()}
    data = body_package(body, relationships, parts, zipfile.ZIP_STORED)  # no zip bomb ratio
    result = read(data, format="docx")
    (figure,) = figures_of(result.value)
    assert len(figure.caption_text) <= 10_000 and figure.caption_text.startswith("caption caption")
    assert figure.alt_text is not None and len(figure.alt_text) <= 10_000
    assert "media-caption-truncated" in codes(result)


# --- any well-formed tables and drawings read, whatever their values ---------------------------

odd_value = st.one_of(
    st.integers(-5, 3000).map(str),
    st.sampled_from(["", "restart", "continue", "0", "1", "²", "nan", "1e9", "-0", "04A0", "x y"]),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12),
)


@st.composite
def odd_cell(draw: st.DrawFn) -> str:
    properties = ""
    for template in ("<w:gridSpan w:val={}/>", "<w:vMerge w:val={}/>", "<w:hMerge w:val={}/>"):
        if draw(st.booleans()):
            properties += template.format(quoteattr(draw(odd_value)))
    text = escape(draw(st.text(max_size=8)))
    picture = drawing('r:embed="rId5"')
    content = draw(st.sampled_from(["", f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>", picture]))
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{content}</w:tc>"


@st.composite
def odd_table(draw: st.DrawFn) -> str:
    rows = []
    for _ in range(draw(st.integers(0, 4))):
        repeat, before = quoteattr(draw(odd_value)), quoteattr(draw(odd_value))
        header = f"<w:trPr><w:tblHeader w:val={repeat}/><w:gridBefore w:val={before}/></w:trPr>"
        cells = "".join(draw(st.lists(odd_cell(), max_size=4)))
        rows.append(f"<w:tr>{header if draw(st.booleans()) else ''}{cells}</w:tr>")
    look = f"<w:tblPr><w:tblLook w:val={quoteattr(draw(odd_value))}/></w:tblPr>"
    return f"<w:tbl>{look}{''.join(rows)}</w:tbl>"


@st.composite
def odd_drawing(draw: st.DrawFn) -> str:
    return drawing(
        f"r:embed={quoteattr(draw(st.sampled_from(['rId5', 'rId6', 'rId7', 'none', ''])))}",
        descr=escape(draw(st.text(max_size=20)), {'"': "&quot;"}),
        title=escape(draw(st.text(max_size=20)), {'"': "&quot;"}),
        cx=draw(st.integers(-10, 10**13)),
    )


@given(st.lists(st.one_of(odd_table(), odd_drawing()), max_size=4))
def test_any_well_formed_tables_and_drawings_read(blocks: list[str]) -> None:
    """Spans, merges and sizes Word would never write, relationships to nowhere: an article, or
    a clean InputError that names the problem."""
    relationships = (
        image_relationship("rId5", "media/one.png")
        + image_relationship("rId6", "http://example.org/x.png", external=True)
        + image_relationship("rId7", "media/missing.png")
    )
    data = body_package("".join(blocks), relationships, {"word/media/one.png": PNG})
    try:
        read(data, format="docx")
    except InputError as error:
        assert "invalid article" not in error.message
