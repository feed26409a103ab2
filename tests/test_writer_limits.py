"""Writers never produce a file their own reader refuses (issue 12, item 11).

Every registered writer is checked, so formats added later are held to the same rule: it either
writes an output that its reader takes back unchanged, or refuses with one line saying why.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from articlekit import Article, Paragraph, Span, read, registry, write
from articlekit.errors import ArticlekitError, InputError, OutputError
from articlekit.model import MAX_BLOCKS, Heading, List, ListItem, Quote, iter_blocks

from conftest import run_cli

WRITERS = sorted(name for name in registry.formats("writer") if name in registry.formats("reader"))


def round_trip(article: Article, name: str) -> Article | OutputError:
    try:
        data = write(article, format=name).value
    except OutputError as error:
        return error
    return read(data, format=name).value


@pytest.fixture(scope="module")
def long_paragraph() -> Article:
    """One paragraph of 11 MB: more than XML parsers take in one text node (10 MB)."""
    words = " ".join(f"word{number % 977}" for number in range(1_400_000))
    return Article(headline="A very long story", body=[Paragraph(content=[Span(text=words)])])


@pytest.mark.parametrize("name", WRITERS)
def test_a_paragraph_over_ten_megabytes(long_paragraph: Article, name: str) -> None:
    outcome = round_trip(long_paragraph, name)
    if isinstance(outcome, OutputError):
        message = str(outcome)
        assert "\n" not in message and "more than XML readers accept (10,000,000)" in message
        assert name in ("newsml", "nitf")
    else:
        assert outcome.paragraphs == long_paragraph.paragraphs


def test_docx_writes_what_it_reads_back_without_its_embedded_copy() -> None:
    """Long runs are split into several w:t, and a part that compresses like a zip bomb (very
    repetitive text) is stored instead of deflated."""
    article = Article(headline="Repeats", body=[Paragraph(content=[Span(text="ab " * 1_500_000)])])
    data = write(article, format="docx").value
    for options in ({}, {"embedded": "ignore"}):
        assert read(data, format="docx", options=options).value.paragraphs == article.paragraphs


def test_docx_refuses_a_part_its_reader_would_refuse(monkeypatch: pytest.MonkeyPatch) -> None:
    from articlekit.formats.docx import write as docx_write

    monkeypatch.setattr(docx_write, "MAX_XML_PART", 100_000)
    article = Article(headline="Long", body=[Paragraph(content=[Span(text="word " * 30_000)])])
    with pytest.raises(OutputError, match=r"too long for \.docx: word/document\.xml would be"):
        write(article, format="docx")


def blocks(count: int) -> list[object]:
    """``count`` blocks of every kind (a quote and a list are two blocks each)."""
    body: list[object] = []
    made = 0
    number = 0
    while made < count:
        number += 1
        text = [Span(text=f"Part {number} of the story.")]
        if number % 3 == 0 and count - made >= 2:
            body.append(Quote(blocks=[Paragraph(content=text)]))
            made += 2
        elif number % 3 == 1 and count - made >= 2:
            body.append(List(items=[ListItem(blocks=[Paragraph(content=text)])]))
            made += 2
        else:
            body.append(Heading(content=text) if number % 2 else Paragraph(content=text))
            made += 1
    return body


@pytest.fixture(scope="module")
def longest_body() -> Article:
    article = Article(headline="The longest story", body=blocks(MAX_BLOCKS))
    assert sum(1 for _ in iter_blocks(article.body)) == MAX_BLOCKS
    return article


@pytest.mark.parametrize("name", WRITERS)
def test_the_most_blocks_the_model_holds_read_back_in_every_format(
    longest_body: Article, name: str
) -> None:
    outcome = round_trip(longest_body, name)
    assert not isinstance(outcome, ArticlekitError)
    assert sum(1 for _ in iter_blocks(outcome.body)) == MAX_BLOCKS


def test_more_blocks_are_refused_by_the_model(tmp_path: Path) -> None:
    too_long = Article.model_construct(
        id="urn:example:long", headline="Long", body=blocks(MAX_BLOCKS + 1)
    )
    data = too_long.model_dump_json().encode()
    with pytest.raises(InputError, match=f"the body has more than {MAX_BLOCKS} blocks"):
        read(data)
    (tmp_path / "long.json").write_bytes(data)
    run = run_cli("convert", str(tmp_path / "long.json"), "--to", "nitf")
    assert run.code == 1 and f"more than {MAX_BLOCKS} blocks" in run.stderr


def test_command_line_refusal_leaves_no_output(tmp_path: Path, long_paragraph: Article) -> None:
    source = tmp_path / "long.json"
    source.write_bytes(long_paragraph.model_dump_json().encode())
    run = run_cli("convert", str(source), "-o", str(tmp_path / "long.nitf.xml"))
    assert run.code == 1
    assert run.stderr.count("\n") == 1 and "more than XML readers accept" in run.stderr
    assert not (tmp_path / "long.nitf.xml").exists()


def test_docx_reads_back_the_most_blocks_with_its_printed_fields_and_captions() -> None:
    """Headline, byline, dateline, each figure's caption and credit are paragraphs of their own
    in a .docx: a body the model holds is more paragraphs there, which the reader takes."""
    from articlekit.model import Dateline, Figure

    figures = [
        Figure(caption=[Span(text=f"Quay {number}")], credit="Ola Strand")
        for number in range(MAX_BLOCKS // 4)
    ]
    paragraphs = [
        Paragraph(content=[Span(text=f"Line {number}.")])
        for number in range(MAX_BLOCKS - len(figures))
    ]
    article = Article(
        headline="Every line of the harbour log",
        byline="By Ola Strand",
        dateline=Dateline(place="NORDVIK"),
        body=[*paragraphs, *figures],
    )
    data = write(article, format="docx").value
    for options in ({}, {"embedded": "ignore"}):
        back = read(data, format="docx", options=options).value
        assert len(back.body) == MAX_BLOCKS
        assert back.body[-1] == figures[-1]


PICTURE = {
    "type": "figure",
    "renditions": [{"resource": {"media_type": "image/png", "data": "iVBORw0KGgo="}}],
}
"""A figure of a picture's bytes alone: no caption, credit, file or link."""


@pytest.mark.parametrize("name", WRITERS)
def test_a_picture_alone_reads_back_or_the_writer_says_it_will_not(name: str) -> None:
    article = Article.model_validate({"published": "2024-05-02", "body": [PICTURE]})
    written = write(article, format=name)
    try:
        back = read(written.value, format=name).value
    except InputError as error:
        assert "holds no article" in str(error)
        assert any("will not read back" in warning.message for warning in written.warnings)
    else:
        assert len(back.body) == 1


def test_docx_reads_back_the_most_blocks_with_pictures_a_table_and_featured_media() -> None:
    """What the DOCX reader stops at (as paragraphs are made, not after) leaves room for all
    the writer lays out around the most blocks: each figure's picture, caption and credit, a
    table's caption and cells, the featured picture with its caption and credit, the printed
    fields."""
    from articlekit.model import (
        Dateline,
        Figure,
        Media,
        Rendition,
        Resource,
        Table,
        TableCell,
        TableRow,
    )

    from conftest import png

    picture = [Rendition(resource=Resource.of(png(8, 6), "image/png"), width=8, height=6)]
    figures = [
        Figure(caption=[Span(text=f"Buoy {number}")], credit="Ola Strand", renditions=picture)
        for number in range(200)
    ]
    table = Table(
        caption=[Span(text="Tides")],
        rows=[TableRow(cells=[TableCell(content=[Span(text=f"{hour}:00")])]) for hour in range(6)],
    )
    paragraphs = [
        Paragraph(content=[Span(text=f"Line {number}.")])
        for number in range(MAX_BLOCKS - len(figures) - 7)
    ]
    article = Article(
        headline="Every buoy of the harbour",
        subheadline="A survey",
        byline="By Ola Strand",
        dateline=Dateline(place="NORDVIK"),
        media=[Media(role="featured", caption=[Span(text="The quay")], renditions=picture)],
        body=[*paragraphs, table, *figures],
    )
    back = read(write(article, format="docx").value, format="docx", options={"embedded": "ignore"})
    assert len(back.value.body) == len(article.body)
    assert back.value.body[-1].model_dump(mode="json")["caption"] == [{"text": "Buoy 199"}]
    assert back.value.media[0].role == "featured"
