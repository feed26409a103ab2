"""The DOCX reader's and writer's fast paths give exactly what the slower, general forms they
stand in for give: the central directory read without zipfile, the first child found without
ElementPath."""

from __future__ import annotations

import io
import struct
import zipfile
from unittest import mock

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from articlekit import Article, Context, _xml, model, read
from articlekit.errors import InputError
from articlekit.formats.docx import core, embedded, untouched
from articlekit.formats.docx.embedded import ITEM
from articlekit.formats.docx.layout import Flattener, Item, Para, Run, _para
from articlekit.formats.docx.names import Names, W, first, firsts, names
from articlekit.formats.docx.package import Package, central_directory
from articlekit.formats.docx.write import (
    ITEM_STORED_BELOW,
    STORED_BELOW,
    Parts,
    _no_lists,
    _properties,
    numbering_xml,
    write_article,
)
from articlekit.formats.docx.xmltext import escape_text
from articlekit.model import SCHEMA_ID, Figure, Paragraph, Rendition, Resource, Span

from conftest import NO_TEXT, SHARED
from strategies import articles

FIELDS = (
    "filename", "orig_filename", "flag_bits", "compress_type", "CRC", "compress_size",
    "file_size", "header_offset",
)  # fmt: skip


def zipped(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED, **options: object) -> bytes:
    out = io.BytesIO()
    comment = options.pop("comment", None)
    with zipfile.ZipFile(out, "w", method, **options) as archive:  # type: ignore[arg-type]
        for name, data in parts.items():
            archive.writestr(name, data)
        if comment is not None:
            archive.comment = comment  # type: ignore[assignment]
    return out.getvalue()


def with_extra(data: bytes) -> bytes:
    """``data`` (a zip) rewritten by zipfile with an extra field on its first entry."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, info in enumerate(source.infolist()):
            if index == 0:
                info.extra = struct.pack("<HH4s", 0xCAFE, 4, b"abcd")
            archive.writestr(info, source.read(info))
    return out.getvalue()


ARTICLE = Article(headline="Ferries", body=[Paragraph(content=[Span(text="Late ferries.")])])
PARTS = {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>" * 50}


def samples() -> list[tuple[str, bytes]]:
    written = write_article(ARTICLE, Context())
    found = [
        ("articlekit", written),
        ("deflated", zipped(PARTS)),
        ("stored", zipped(PARTS, zipfile.ZIP_STORED)),
        ("commented", zipped(PARTS, comment=b"a comment")),
        ("utf-8 name", zipped({**PARTS, "word/média.xml": b"x"})),
        ("backslash name", zipped({**PARTS, "word\\odd.xml": b"x"})),
        ("NUL in name", zipped({**PARTS, "word/a@b.xml": b"x"}).replace(b"a@b", b"a\x00b")),
        ("prefixed", b"#!/bin/sh\n" + zipped(PARTS)),
        ("appended", zipped(PARTS) + b"trailing"),
        ("extra field", with_extra(zipped(PARTS))),
        ("empty", zipped({})),
        ("truncated", written[:-5]),
        ("directory cut", written[: written.rfind(b"PK\x01\x02")] + written[-22:]),
    ]
    zip64 = io.BytesIO()
    with (
        zipfile.ZipFile(zip64, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/document.xml", "w", force_zip64=True) as stream,
    ):
        stream.write(b"<w:document/>")
    found.append(("zip64 local header", zip64.getvalue()))
    version = bytearray(written)
    version[version.find(b"PK\x01\x02") + 6] = 0xFF  # needs a zip version zipfile refuses
    found.append(("unknown version", bytes(version)))
    count = bytearray(written)
    struct.pack_into("<H", count, len(count) - 12, 3)  # the end record's entry count
    found.append(("count disagrees", bytes(count)))
    # a name ending in what reads as a ZIP64 end locator right before the end record: zipfile
    # takes the zip for one that spans disks and refuses it
    locator = "PK\x06\x07\x01\x01\x01\x01" + "A" * 8 + "\x02\x01\x01\x01"
    found.append(("zip64 locator", zipped({**PARTS, f"word/x{locator}": b"x"})))
    corpus = SHARED / "corpus" / "docx"
    if corpus.is_dir():
        found += [(path.name, path.read_bytes()) for path in sorted(corpus.glob("*.docx"))]
    return found


@pytest.mark.parametrize(("label", "data"), samples(), ids=[label for label, _ in samples()])
def test_the_central_directory_read_directly_is_zipfiles(label: str, data: bytes) -> None:
    fast = central_directory(data)
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError, EOFError):
        assert fast is None, label  # what zipfile refuses is left to zipfile
        return
    if fast is None:  # left to zipfile: the reader behaves as it always did
        return
    assert [tuple(getattr(info, name) for name in FIELDS) for info in infos] == [
        tuple(getattr(entry, name) for name in FIELDS) for entry in fast
    ]


def test_plain_packages_take_the_direct_read() -> None:
    assert central_directory(write_article(ARTICLE, Context())) is not None
    assert central_directory(zipped(PARTS)) is not None
    for label, data in samples():
        if label in ("commented", "prefixed", "appended", "extra field", "NUL in name"):
            assert central_directory(data) is None, label


def test_packages_left_to_zipfile_are_refused_as_before() -> None:
    data = dict(samples())["unknown version"]
    with pytest.raises(InputError, match=r"corrupt or truncated zip \(zip file version 25\.5\)"):
        Package(data)


XML = (
    f'<w:p xmlns:w="{W}" xmlns:x="urn:x"><!-- c --><x:pPr/><w:pPr><w:ind/></w:pPr>'
    "<w:pPr><w:pStyle/></w:pPr><w:r><w:pPr/></w:r></w:p>"
)


@pytest.mark.parametrize("tag", ["pPr", "ind", "r", "pStyle", "t"])
def test_first_is_find(tag: str) -> None:
    root = etree.fromstring(XML)
    for element in root.iter():
        if isinstance(element.tag, str):
            assert first(element, f"{{{W}}}{tag}") is element.find(f"{{{W}}}{tag}")


def test_paragraph_items_compare_as_their_fields() -> None:
    from articlekit.formats.docx.layout import Grid, Para
    from articlekit.formats.docx.pictures import Picture

    runs = (("Late ferries.", False, False, None),)
    assert Para("body", runs) == Para("body", runs, 0, 0, False)
    assert Para("body", runs) != Para("quote", runs, 1)
    assert Para("item", runs, 0, 1, True) != Para("item", runs, 0, 2, True)
    assert Para("body", runs) != runs[0]
    assert hash(Para("body", runs)) == hash(Para("body", runs))
    picture = Picture(None, "https://example.org/quay.jpg", 100, 80)
    grid = Grid(((),), None)
    assert [Para("body", runs), picture, grid] != [Para("body", runs), grid, picture]
    assert Para("body", runs) != picture and picture != Para("body", runs)


def test_the_written_zip_headers_agree_with_zipfile() -> None:
    picture = Rendition(
        resource=Resource.of(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40, "image/jpeg")
    )
    figure = Figure(caption=[Span(text="The quay.")], renditions=[picture])
    article = ARTICLE.model_copy(update={"body": [*ARTICLE.body, figure]})
    data = write_article(article, Context())
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None
    for info in archive.infolist():
        assert (info.date_time, info.extra, info.comment) == ((1980, 1, 1, 0, 0, 0), b"", b"")
        local = struct.unpack("<4sHHHHHIIIHH", data[info.header_offset : info.header_offset + 30])
        assert local[2:9] == (
            info.flag_bits, info.compress_type, 0, 33, info.CRC, info.compress_size,
            info.file_size,
        )  # fmt: skip
    assert "word/media/image1.jpeg" in archive.namelist()
    assert central_directory(data) is not None


def test_small_parts_made_for_each_article_are_stored_and_read_as_deflated_ones() -> None:
    """Below STORED_BELOW a part is stored (deflating it costs more than the bytes it saves);
    zipfile, python-docx and the reader take it as they take a deflated one."""
    article = ARTICLE.model_copy(update={"body": [Paragraph(content=[Span(text="Late. " * 200)])]})
    data = write_article(article, Context())
    archive = zipfile.ZipFile(io.BytesIO(data))
    methods = {info.filename: info.compress_type for info in archive.infolist()}
    assert methods["docProps/core.xml"] == zipfile.ZIP_STORED
    assert len(archive.read("docProps/core.xml")) < STORED_BELOW
    assert methods["word/document.xml"] == zipfile.ZIP_DEFLATED
    assert methods[ITEM] == zipfile.ZIP_STORED  # (below ITEM_STORED_BELOW)
    rewritten = zipped({name: archive.read(name) for name in archive.namelist()})
    assert read(rewritten, format="docx").value == read(data, format="docx").value == article
    assert docx.Document(io.BytesIO(data)).core_properties.title == "Ferries"


def test_related_is_the_first_internal_part_of_its_kind() -> None:
    relationships = (
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="x/styles" Target="https://example.org/s.xml" '
        b'TargetMode="External"/>'
        b'<Relationship Id="rId2" Type="x/styles" Target="missing.xml"/>'
        b'<Relationship Id="rId3" Type="x/styles" Target="styles2.xml"/>'
        b'<Relationship Id="rId4" Type="x/styles" Target="styles.xml"/>'
        b'<Relationship Id="rId5" Type="x/numbering" Target="numbering.xml"/>'
        b"</Relationships>"
    )
    data = zipped(
        {
            **PARTS,
            "word/_rels/document.xml.rels": relationships,
            "word/styles.xml": b"<a/>",
            "word/styles2.xml": b"<a/>",
        }
    )
    package = Package(data)
    assert package.related("word/document.xml", "styles") == "word/styles2.xml"
    assert package.related("word/document.xml", "numbering") is None
    assert package.related("word/document.xml", "comments") is None


def test_the_embedded_text_is_read_whole_when_a_comment_splits_it() -> None:
    from articlekit import read

    data = write_article(ARTICLE, Context())
    source = zipfile.ZipFile(io.BytesIO(data))
    item = source.read("customXml/item1.xml")
    split = item.replace(b'"headline":"Fer', b'"headline":"Fer<!-- a comment -->')
    assert split != item
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(
                info, split if info.filename == "customXml/item1.xml" else source.read(info)
            )
    result = read(out.getvalue(), format="docx")
    assert result.value == read(data, format="docx").value
    assert not [warning for warning in result.warnings if "embedded" in warning.code]


@given(st.text())
def test_a_one_line_property_is_collapsed_as_the_prose_form_would(raw: str) -> None:
    lines = [raw]  # the general form, as for the description, with the text as one line
    text = "\n".join(" ".join(line.split()) for line in lines).strip()
    general = "\n\n".join(part.strip() for part in text.split("\n\n") if part.strip())
    assert " ".join(raw.split()) == general


def test_core_property_text_with_and_without_children() -> None:
    from articlekit import _xml
    from articlekit.formats.docx import core

    root = _xml.parse(
        b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        b'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:x="urn:x">'
        b"<dc:title> Late \n\n ferries <x:b>at</x:b> night </dc:title>"
        b"<dc:subject>Harbour<!-- c --> news</dc:subject><dc:language>\t en \n</dc:language>"
        b"<dc:description> One \n two \n\n\n three </dc:description></cp:coreProperties>"
    )[0]
    assert core.parse(root) == {
        "title": "Late ferries at night",
        "subject": "Harbour news",
        "description": "One\ntwo\n\nthree",
        "language": "en",
    }


BODIES = (
    '<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Late ferries</w:t></w:r></w:p>',
    "<w:p><w:r><w:t>One </w:t><w:t>run</w:t></w:r><w:r/><w:r><w:t/></w:r>"
    '<w:r><w:t xml:space="preserve"> two  </w:t></w:r></w:p>',
    "<w:p><w:r><w:t>\x9b31mred\x9b0m and \x85next</w:t></w:r></w:p><w:p><w:r><w:t>\x90</w:t>"
    "</w:r></w:p><w:p><w:r><w:t>   </w:t></w:r></w:p><w:p/>",
    '<w:p><w:r><w:t>Before</w:t></w:r><w:pPr><w:ind w:left="1440"/></w:pPr>'
    "<w:r><w:t>after the properties</w:t></w:r></w:p>",
    '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Bold</w:t></w:r><w:r><w:t xml:space="preserve"> plain'
    "</w:t></w:r></w:p>",
    '<w:p><w:bookmarkStart w:id="0" w:name="a"/><w:r><w:t>Marked</w:t></w:r></w:p>',
    '<w:p><w:commentRangeStart w:id="1"/><w:r><w:t>Commented</w:t></w:r></w:p>'
    '<w:p><w:r><w:t>still in the comment</w:t></w:r><w:commentRangeEnd w:id="1"/></w:p>'
    "<w:p><w:r><w:t>after it</w:t></w:r></w:p>",
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK '
    '"https://example.org/" </w:instrText></w:r></w:p><w:p><w:r><w:t>in the code</w:t></w:r>'
    '</w:p><w:p><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>shown</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p><w:p><w:r><w:t>done</w:t></w:r></w:p>',
    "<w:p><w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t></w:r></w:p>",
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    "<w:r><w:t>Item</w:t></w:r></w:p>",
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    '<w:p><w:r><w:t>With a box</w:t><w:pict><v:textbox xmlns:v="urn:schemas-microsoft-com:vml">'
    "<w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict>"
    "</w:r></w:p>",
)


def documents() -> list[tuple[str, bytes]]:
    found = [(f"body {index}", _document(body)) for index, body in enumerate(BODIES)]
    article = Article(
        headline="Ferries",
        byline="By Ana Lima",
        body=[Paragraph(content=[Span(text="Late ferries."), Span(text=" Bold", strong=True)])],
    )
    found.append(("articlekit", write_article(article, Context())))
    found.append(("commented", _document(COMMENTED, {**MINIMAL, **COMMENTS})))
    corpus = SHARED / "corpus" / "docx"
    if corpus.is_dir():
        found += [
            (path.name, path.read_bytes())
            for path in sorted(corpus.glob("*.docx"))
            if path.name != NO_TEXT
        ]
    return found


def _document(body: str, parts: dict[str, bytes] | None = None) -> bytes:
    document = (f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>').encode()
    return zipped({**(parts or MINIMAL), "word/document.xml": document})


COMMENTED = (
    '<w:p><w:r><w:t>Before</w:t></w:r><w:commentRangeStart w:id="1"/><w:r><w:t>Commented'
    "</w:t></w:r></w:p><w:p><w:r><w:t>all of it</w:t></w:r></w:p>"
    '<w:p><w:r><w:t>still in it</w:t></w:r><w:commentRangeEnd w:id="1"/>'
    "</w:p><w:p><w:r><w:t>after it</w:t></w:r></w:p>"
)
"""A comment over text of three paragraphs, one of them plain runs inside the comment (the
anchor text is reported with the comment)."""
COMMENTS = {
    "word/_rels/document.xml.rels": b'<Relationships xmlns="http://schemas.openxmlformats.org/'
    b'package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats'
    b'.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>',
    "word/comments.xml": f'<w:comments xmlns:w="{W}"><w:comment w:id="1" w:author="Ana">'
    "<w:p><w:r><w:t>Check this</w:t></w:r></w:p></w:comment></w:comments>".encode(),
}


MINIMAL = {
    "[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    "_rels/.rels": b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    b'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    b"</Relationships>",
}


@pytest.mark.parametrize(("label", "data"), documents(), ids=[label for label, _ in documents()])
def test_plain_paragraphs_read_as_the_general_reader_reads_them(
    label: str, data: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from articlekit import read
    from articlekit.formats.docx.body import BodyReader

    options = {"embedded": "ignore"}
    fast = read(data, format="docx", options=options)
    monkeypatch.setattr(BodyReader, "_plain_runs", lambda self, p: None)
    general = read(data, format="docx", options=options)
    assert fast.value == general.value, label
    assert fast.warnings == general.warnings, label


# --- an untouched document: the embedded article without reading the body -----------------------


NUMBERING = "word/numbering.xml"


def read_both_ways(data: bytes) -> tuple[object, object]:
    """The result of reading ``data``, and of reading it without the untouched-document way."""
    fast = read(data, format="docx")
    with mock.patch.object(untouched, "found", return_value=None):
        general = read(data, format="docx")
    return (fast.value, fast.warnings), (general.value, general.warnings)


def is_untouched(data: bytes) -> bool:
    known = untouched.found(Package(data))
    return known is not None and known.untouched


@given(articles(nesting=3))
def test_an_untouched_document_reads_as_the_general_reader_reads_it(article: Article) -> None:
    data = write_article(article, Context())
    fast, general = read_both_ways(data)
    assert fast == general


@given(articles(nesting=2, media=True))
def test_a_document_with_media_reads_as_the_general_reader_reads_it(article: Article) -> None:
    """Read in full, the embedded article (when it has no pictures) found before the body."""
    fast, general = read_both_ways(write_article(article, Context()))
    assert fast == general


def test_a_resaved_document_reads_as_the_general_reader_reads_it() -> None:
    data = write_article(EDGE_STORIES[-2], Context())
    out = io.BytesIO()
    docx.Document(io.BytesIO(data)).save(out)
    assert not is_untouched(out.getvalue())
    fast, general = read_both_ways(out.getvalue())
    assert fast == general and fast[0] == EDGE_STORIES[-2]


def story(*blocks: model.Block, **fields: object) -> Article:
    return Article(headline="Ferries", body=list(blocks), **fields)


def para(*spans: Span) -> Paragraph:
    return Paragraph(content=list(spans))


EDGE_STORIES = [
    story(para(Span(text="Night ferries, "), Span(text="bold", strong=True), Span(text="."))),
    story(para(Span(text="Lines\nand\ttabs\n"))),
    story(para(Span(text="A link", link="https://example.org/a?b=1&c=<2>"))),
    story(para(Span(text="An anchor", link="#part-2"))),
    story(para(Span(text="A relative link", link="word/notes.html"))),
    story(model.Heading(level=3, content=[Span(text="Quays")]), para(Span(text="Text."))),
    story(model.Quote(blocks=[model.Quote(blocks=[para(Span(text="Deep."))])]),
          para(Span(text="After."))),
    story(
        model.List(ordered=True, items=[model.ListItem(blocks=[para(Span(text="One"))])]),
        model.List(items=[model.ListItem(blocks=[para(Span(text="Two")),
                                                 para(Span(text="More"))])]),
    ),
    story(para(Span(text="Text.")), byline="By Ana Lima", source={"name": "Courier"},
          published="2024-05-01", dateline={"place": "PORT ALDWIN", "agency": "AP"}),
    story(para(Span(text="x " * 40_000))),
]  # fmt: skip


@pytest.mark.parametrize("article", EDGE_STORIES, ids=range(len(EDGE_STORIES)))
def test_edge_stories_read_as_the_general_reader_reads_them(article: Article) -> None:
    data = write_article(article, Context())
    assert is_untouched(data)
    fast, general = read_both_ways(data)
    assert fast == general


def test_documents_with_pictures_or_tables_are_read_in_full() -> None:
    picture = Rendition(resource=Resource.of(b"\xff\xd8\xff\xe0" + bytes(200), "image/jpeg"))
    figure = Figure(caption=[Span(text="The quay.")], renditions=[picture])
    table = model.Table(
        rows=[model.TableRow(cells=[model.TableCell(content=[Span(text="Ferry")])])]
    )
    for block in (figure, table):
        data = write_article(story(para(Span(text="Text.")), block), Context())
        assert not is_untouched(data)


def rezipped(data: bytes, changes: dict[str, bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    return zipped({name: changes.get(name, source.read(name)) for name in source.namelist()})


def test_a_document_changed_anywhere_the_body_reader_looks_is_read_in_full() -> None:
    """Each part the body reader depends on, changed in a way that changes what it reads: the
    document is not untouched, and reads as the general reader reads it (stale or not)."""
    article = story(
        para(Span(text="Ferries ", link="https://example.org/")),
        model.List(ordered=True, items=[model.ListItem(blocks=[para(Span(text="One"))])]),
        byline="By Ana Lima",
    )
    data = write_article(article, Context())
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert is_untouched(data) and is_untouched(rezipped(data, {}))

    def changed(name: str, old: bytes, new: bytes) -> dict[str, bytes]:
        part = archive.read(name)
        assert old in part
        return {name: part.replace(old, new, 1)}

    for changes in (
        changed("word/document.xml", b"One", b"Two"),
        changed("word/styles.xml", b'w:styleId="Byline"', b'w:styleId="Bylin"'),
        changed(NUMBERING, b'w:numFmt w:val="decimal"', b'w:numFmt w:val="bullet"'),
        changed("word/_rels/document.xml.rels", b"https://example.org/", b"https://example.net/"),
    ):
        edited = rezipped(data, changes)
        assert not is_untouched(edited), changes.keys()
        fast, general = read_both_ways(edited)
        assert fast == general
        assert fast[0] != article or changes.keys() == {NUMBERING}


def test_edited_core_properties_apply_to_an_untouched_document() -> None:
    data = write_article(ARTICLE, Context())
    core = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml")
    edited = rezipped(
        data,
        {
            "docProps/core.xml": core.replace(
                b"</cp:coreProperties>", b"<cp:keywords>harbour</cp:keywords></cp:coreProperties>"
            )
        },
    )
    assert is_untouched(edited)
    fast, general = read_both_ways(edited)
    assert fast == general
    assert read(edited, format="docx").value.keywords == ["harbour"]


def test_a_part_remembered_as_holding_is_so_only_for_what_it_was_compared_with() -> None:
    """Numbering that holds for an article with a list does not for one without: the
    comparison remembered for a part's content is also keyed by the expected content."""
    listed = story(model.List(items=[model.ListItem(blocks=[para(Span(text="One"))])]))
    first = rezipped(write_article(listed, Context()), {})
    numbering = zipfile.ZipFile(io.BytesIO(first)).read("word/numbering.xml")
    assert is_untouched(first)
    assert not is_untouched(rezipped(write_article(ARTICLE, Context()), {NUMBERING: numbering}))


FRAGMENTS = [
    b"a", b"{", b'"', b" ", "é€😀".encode(), b"&amp;", b"&lt;", b"&gt;", b"&", b"&#60;",
    b"&#x26;", b"&quot;", b"&apos;", b"&amp", b"<", b">", b"]]>", b"<b/>", b"<!-- c -->",
    b"<![CDATA[x]]>", b"\r", b"\r\n", b"\t", b"\n", b"\x00", b"\x01", b"\x1f", b"\x7f",
    "\x85".encode(), "\ufffe".encode(), "\uffff".encode(), b"\xff", b"\xc3", b"\xed\xa0\x80",
]  # fmt: skip


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12).map(b"".join))
def test_the_embedded_json_read_without_a_parser_is_what_the_parser_reads(body: bytes) -> None:
    data = embedded._PLAIN_HEAD + body + embedded._PLAIN_TAIL
    plain = embedded.plain_text(data)
    if plain is None:
        return
    root = _xml.parse(data)[0]
    assert (root.tag, len(root), root.attrib) == (f"{{{embedded.NAMESPACE}}}article", 0, {
        "schema": SCHEMA_ID})  # fmt: skip
    assert (root.text or "") == plain


def test_the_embedded_json_of_an_article_is_read_without_a_parser() -> None:
    article = ARTICLE.model_copy(
        update={"headline": 'Ferries & "quays" <at> night', "extras": {"docx:note": "a\ttab"}}
    )
    data = embedded.render(article, {})
    assert embedded.plain_text(data) == article.model_dump_json()
    assert embedded.plain_text(data.replace(b"Ferries", b"Ferries\r")) is None


def test_an_embedded_text_too_long_for_the_parser_is_left_to_it() -> None:
    """The parser refuses a text longer than libxml2 takes in one node, hostile or not; the
    reading without it must not take what the parser would refuse."""

    def part(length: int) -> bytes:
        return embedded._PLAIN_HEAD + b"a" * length + embedded._PLAIN_TAIL

    assert embedded.PLAIN_BYTES < _xml.MAX_TEXT
    assert embedded.plain_text(part(embedded.PLAIN_BYTES)) is not None
    assert embedded.plain_text(part(embedded.PLAIN_BYTES + 1)) is None
    with pytest.raises(InputError, match="malformed XML"):
        _xml.parse(part(_xml.MAX_TEXT + 1))
    assert embedded.plain_text(part(_xml.MAX_TEXT + 1)) is None


def test_a_resave_without_links_is_known_not_untouched_without_rendering_the_body() -> None:
    """python-docx rewrites the relationships part; for an article without links that part is
    known without rendering ``document.xml``, and is compared first. (With links it is not:
    the edge stories with links are untouched, which the shortcut must not lose.)"""
    data = write_article(EDGE_STORIES[0], Context())
    out = io.BytesIO()
    docx.Document(io.BytesIO(data)).save(out)
    with mock.patch.object(untouched, "document_xml", side_effect=AssertionError("rendered")):
        assert not is_untouched(out.getvalue())
    assert is_untouched(data)
    fast, general = read_both_ways(out.getvalue())
    assert fast == general and fast[0] == EDGE_STORIES[0]


def test_parts_looked_up_again_are_known_by_their_own_content() -> None:
    """:meth:`Package.cached` hashes a part once per package: each part of each package is
    still known by its own bytes, however often it is looked up and under whatever kind."""
    parts = {**PARTS, "word/a.xml": b"<a/>" * 40, "word/b.xml": b"<b/>" * 40}
    one = Package(zipped(parts))
    two = Package(zipped({**parts, "word/a.xml": b"<c/>" * 40}))
    for _ in range(2):
        for package in (one, two):
            for kind in ("test-x", "test-y"):
                for name in ("word/b.xml", "word/a.xml"):  # (the same part b first)
                    assert package.cached(kind, name, bytes) == package.read(name)


def test_element_names_are_plain_attributes() -> None:
    """The body reader's names are looked up in its inner loops: a ``__getattr__`` on the class
    (even one that only raises) would make every lookup take the slow way. A missing name is
    still an AttributeError."""
    assert "__getattr__" not in vars(Names)
    with pytest.raises(AttributeError):
        names(W).no_such_element  # noqa: B018


PROPERTY_CHILDREN = [
    '<w:rFonts w:ascii="Symbol"/>', '<w:rFonts w:ascii="Arial"/>', "<w:vanish/>",
    '<w:vanish w:val="0"/>', '<w:rStyle w:val="Strong"/>', '<w:rStyle w:val="Emphasis"/>',
    "<w:b/>", '<w:b w:val="false"/>', "<w:i/>", '<w:i w:val="0"/>', '<w:sz w:val="24"/>',
    '<w:lang w:val="en-GB"/>', "<w:u/>", "<w:strike/>", "<!-- c -->", "<?pi x?>", "<w:bCs/>",
    '<w:pStyle w:val="Quote"/>', '<w:pStyle w:val="Heading2"/>', "<w:numPr/>",
    '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr>', '<w:ind w:left="720"/>',
    '<w:ind w:start="360" w:hanging="360"/>', '<w:outlineLvl w:val="2"/>', "<w:outlineLvl/>",
    '<w:spacing w:after="120"/>', '<w:jc w:val="both"/>', "<w:rPr><w:b/></w:rPr>",
]  # fmt: skip


@given(st.lists(st.sampled_from(PROPERTY_CHILDREN), max_size=12))
def test_the_properties_found_in_one_pass_are_the_first_of_each(children: list[str]) -> None:
    from articlekit.formats.docx.body import BodyReader

    properties = etree.fromstring(f'<w:pPr xmlns:w="{W}">{"".join(children)}</w:pPr>')
    reader = BodyReader(names(W), mock.Mock(), mock.Mock(), {})
    for tags in (reader._paragraph_tags, reader._run_tags):
        assert firsts(properties, tags) == [first(properties, tag) for tag in tags]


# --- the writer's shortcuts, held to the general forms they stand in for -------------------------


RUN_TEXT = st.text(st.sampled_from("ab &<>\n\ufffe\uffff\u00e9\U0001f600"), max_size=12)
RUNS = st.lists(
    st.tuples(
        RUN_TEXT,
        st.booleans(),
        st.booleans(),
        st.none() | st.sampled_from(["#top", "https://example.org/a?b&c", "https://x.org/"]),
    ),
    min_size=1,
    max_size=3,
).map(tuple)
ROLES = st.sampled_from(["body", "quote", "title", "byline", "heading", "caption", "credit"])


@given(st.lists(st.tuples(ROLES, RUNS, st.integers(1, 3)), max_size=4))
def test_paragraphs_are_rendered_as_their_properties_and_runs(
    paragraphs: list[tuple[str, tuple[Run, ...], int]],
) -> None:
    """Parts.items writes a paragraph of one plain run itself; the same as the general form."""
    items: list[Item] = [Para(role, runs, level) for role, runs, level in paragraphs]
    fast, general = Parts(), Parts()
    expected = "".join(
        f"<w:p>{_properties(item)}{general.runs(item.runs)}</w:p>"
        for item in items
        if isinstance(item, Para)
    )
    assert fast.items(items) == expected
    assert fast.relationships == general.relationships


@given(st.lists(st.builds(Span.model_construct, text=RUN_TEXT, strong=st.booleans(),
                          link=st.none() | st.just("https://example.org/")), min_size=1,
                max_size=3))  # fmt: skip
def test_runs_of_one_span_are_the_general_runs(spans: list[Span]) -> None:
    """(Spans made without validation: the model refuses U+FFFE and U+FFFF, which the
    flattener still replaces.)"""
    fast, general = Flattener(), Flattener()
    expected = tuple((general._clean(s.text), s.strong, s.emphasis, s.link) for s in spans)
    assert fast._runs(spans) == expected
    assert fast.replaced == general.replaced


def test_a_paragraph_item_made_from_its_fields_is_the_named_tuple() -> None:
    runs = (("Late ferries.", False, False, None),)
    made = _para(("quote", runs, 2, 0, False, 1))
    assert type(made) is Para and made == Para("quote", runs, 2)
    paragraphs = Flattener().article(Article(headline="Ferries", body=[ARTICLE.body[0]]))
    assert all(type(item) is Para for item in paragraphs)


@given(articles(nesting=2))
def test_the_embedded_article_written_as_bytes_is_the_text_form(article: Article) -> None:
    assert embedded.render(article, {}) == embedded._rendered(article.model_dump_json(), [])


@pytest.mark.parametrize(
    "text", ["Ferries & <quays>", "Ferries \ufffe", "Ferries \uffff", "Ferries é", "Ferries"]
)
def test_the_embedded_article_with_characters_to_escape_is_the_text_form(text: str) -> None:
    # (made without validation: the model refuses U+FFFE and U+FFFF)
    span = Span.model_construct(text=text + " late.")
    article = Article.model_construct(
        headline=text, body=[Paragraph.model_construct(content=[span])]
    )
    written = embedded.render(article, {})
    assert written == embedded._rendered(article.model_dump_json(), [])


@given(
    st.dictionaries(
        st.sampled_from([key for key, _ in core.ELEMENTS]),
        st.lists(
            st.sampled_from(
                ["_x", "_x000d_", "_xAbCd_", "_x12", "_", "x", "F", "&", "<", " ", "é"]
            ),
            min_size=1,
            max_size=6,
        ).map("".join),
    )
)
def test_core_properties_are_escaped_as_the_general_form_escapes_them(
    found: dict[str, str],
) -> None:
    """render() runs the ``_xHHHH_`` escape only on values holding ``_x``; the same text."""
    prefixes = {core.DC: "dc", core.CORE: "cp", core.DCTERMS: "dcterms"}
    general = [core._HEAD]
    for key, namespace in core.ELEMENTS:
        if key in found:
            name = f"{prefixes[namespace]}:{key}"
            kind = ' xsi:type="dcterms:W3CDTF"' if namespace == core.DCTERMS else ""
            text = escape_text(core._XSTRING.sub(core._ESCAPED_UNDERSCORE, found[key]))
            general.append(f"<{name}{kind}>{text}</{name}>")
    general.append("</cp:coreProperties>")
    assert core.render(found) == "".join(general).encode()


@given(articles(nesting=3))
def test_the_numbering_of_a_layout_without_lists_is_the_general_one(article: Article) -> None:
    """The writer takes the template's numbering alone when the flattener laid out no list."""
    flattener = Flattener()
    items = flattener.article(article)
    if not flattener.lists:
        assert numbering_xml(items) == _no_lists()
    assert (
        len({item.list_id for item in items if isinstance(item, Para) and item.role == "item"})
        <= flattener.lists
    )


def test_a_long_embedded_article_is_deflated() -> None:
    """Only an embedded article shorter than ITEM_STORED_BELOW is stored."""
    text = " ".join(f"Ferry {index} left late." for index in range(4000))
    article = ARTICLE.model_copy(update={"body": [Paragraph(content=[Span(text=text)])]})
    archive = zipfile.ZipFile(io.BytesIO(write_article(article, Context())))
    assert archive.getinfo(ITEM).file_size >= ITEM_STORED_BELOW
    assert archive.getinfo(ITEM).compress_type == zipfile.ZIP_DEFLATED
    assert read(write_article(article, Context()), format="docx").value == article


_ARABIC = "افتتحت البلدية سوقا جديدا للكتب المستعملة قرب الساحة، وقال المنظمون إنه سيفتح كل جمعة."


@pytest.mark.parametrize(
    "article",
    [
        Article(headline="سوق الكتب", language="ar", body=[para(Span(text=_ARABIC))]),
        Article(headline="本の市場", language="ja", body=[para(Span(text="本の市場が開いた。"))]),
        Article(
            headline="Marché du livre",
            language="fr-CA",
            body=[para(Span(text="Le conseil a ouvert un marché."))],
        ),
        Article(
            headline="Book market",
            language="en",
            body=[para(Span(text="The council opened a market.")), para(Span(text=_ARABIC))],
        ),
    ],
    ids=["right-to-left", "east-asian", "latin-script", "a-right-to-left-paragraph"],
)
def test_documents_with_tagged_languages_or_directions_are_untouched(article: Article) -> None:
    """The styles of such documents tag their languages and complex-script bold: what the writer
    makes of the embedded article still, so the document is known untouched."""
    data = write_article(article, Context())
    assert is_untouched(data)
    fast, general = read_both_ways(data)
    assert fast == general
