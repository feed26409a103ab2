"""The Python API: paths, bytes and file objects in; articles, bytes and warnings out."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

import articlekit
from articlekit import (
    Article,
    Diagnostic,
    InputError,
    Media,
    OutputError,
    Paragraph,
    Span,
    UsageError,
    api,
    convert,
    read,
    write,
)
from articlekit.prose.controls import INVISIBLE
from articlekit.registry import Context

from conftest import DATA, run_cli

STORY = DATA / "text" / "byline-dash-dateline.txt"


def test_public_names_are_exactly_all() -> None:
    for name in articlekit.__all__:
        assert getattr(articlekit, name) is not None
    with pytest.raises(AttributeError):
        articlekit.nothing  # noqa: B018


@pytest.mark.parametrize("kind", ["path", "str", "bytes", "file"])
def test_read_from_any_source(kind: str) -> None:
    source = {
        "path": STORY,
        "str": str(STORY),
        "bytes": STORY.read_bytes(),
        "file": io.BytesIO(STORY.read_bytes()),
    }[kind]
    result = read(source, format=None if kind in ("path", "str") else "text")
    assert isinstance(result.value, Article)
    assert result.value.headline == "City Council Delays Vote on Tram Extension"
    assert [warning.code for warning in result.warnings] == ["text-boilerplate-dropped"]
    warning = result.warnings[0]
    assert isinstance(warning, Diagnostic)
    assert warning.path == (
        "<bytes>" if kind == "bytes" else "<stream>" if kind == "file" else str(STORY)
    )


def test_text_file_objects_are_a_usage_error() -> None:
    with pytest.raises(UsageError, match="binary mode"):
        read(io.StringIO("text"))  # type: ignore[arg-type]


@pytest.mark.parametrize("wrong", [12345, None, ["story.txt"]])
def test_what_is_no_source_or_destination_is_a_usage_error_naming_what_is(wrong: object) -> None:
    with pytest.raises(UsageError, match=r"a source is a path, '-'.*bytes.* not "):
        read(wrong)  # type: ignore[arg-type]
    with pytest.raises(UsageError, match="a source is a path"):
        convert(wrong, to_format="json")  # type: ignore[arg-type]
    if wrong is not None:  # (None asks for the bytes back)
        with pytest.raises(UsageError, match=r"a destination is a path, '-'.* not "):
            write(read(STORY).value, wrong, format="json")  # type: ignore[arg-type]


def test_write_returns_bytes_and_writes_atomically(tmp_path: Path) -> None:
    article = read(STORY).value
    result = write(article, format="text")
    assert result.value.startswith(b"City Council Delays Vote")
    target = tmp_path / "story.json"
    written = write(article, target)
    assert target.read_bytes() == written.value
    write(article, target)  # the same bytes are there already: nothing to do
    with pytest.raises(OutputError, match="output exists"):
        write(article, target, format="text")  # other bytes: only with force
    assert target.read_bytes() == written.value
    write(article, target, format="text", force=True)
    assert target.read_bytes().startswith(b"City Council")
    stream = io.BytesIO()
    write(article, stream, format="jsonl")
    assert stream.getvalue().endswith(b"}\n")


def test_writing_to_a_folder_says_it_is_one(tmp_path: Path) -> None:
    """It was "cannot tell the output format from mixed (a folder? end its name with /)" for a
    folder that exists, and as much for one whose name ends with a slash."""
    article = read(STORY).value
    said = f"{tmp_path}: is a folder; give the path of the file to write (its extension names "
    for destination, format in (
        (tmp_path, None),
        (tmp_path, "json"),
        (f"{tmp_path / 'new'}/", None),
    ):
        with pytest.raises(UsageError) as caught:
            write(article, destination, format=format)
        assert str(caught.value).startswith(said.replace(str(tmp_path), str(destination)))
    with pytest.raises(UsageError, match="is a folder"):
        articlekit.convert(STORY, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_writer_warnings_say_what_was_lost() -> None:
    article = Article(
        headline="Headline", keywords=["tram"], language="en", body=read(STORY).value.body
    )
    codes = {warning.code: warning.message for warning in write(article, format="text").warnings}
    assert "field-dropped" in codes and "language, keywords" in codes["field-dropped"]


def test_convert_collects_warnings_of_both_sides(tmp_path: Path) -> None:
    result = convert(STORY, to_format="text")
    assert result.value.startswith(b"City Council Delays Vote")
    # the reader's removed furniture is kept in extras, which text cannot carry: both sides say so
    assert [warning.code for warning in result.warnings] == [
        "text-boilerplate-dropped",
        "field-dropped",
    ]
    with pytest.raises(UsageError, match="refusing to overwrite"):
        convert(STORY, STORY, force=True)


def test_errors_carry_file_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": "1.0",\n "headline": }', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read(bad)
    error = caught.value
    assert (error.path, error.line, error.column) == (str(bad), 2, 14)
    assert str(error).startswith(f"{bad}:2:14: invalid JSON")


def test_missing_file() -> None:
    with pytest.raises(InputError, match="no such file"):
        read("/nonexistent/story.txt")


_ITEM = (
    '<newsItem guid="urn:x:{guid}" standard="NewsML-G2" standardversion="2.35"><itemMeta>'
    '<itemClass qcode="ninat:text"/><provider literal="x"/>'
    "<versionCreated>2024-01-01T00:00:00Z</versionCreated></itemMeta>{content}</newsItem>"
)
_STORY_ITEM = _ITEM.format(
    guid=2,
    content="<contentMeta><headline>Kept</headline></contentMeta><contentSet><inlineXML>"
    '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Text.</p></body></html>'
    "</inlineXML></contentSet>",
)


def test_an_empty_item_among_articles_is_skipped_with_a_warning() -> None:
    """A file of several articles keeps the others: only a file of empty items holds none."""
    message = (
        '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>'
        f"{_ITEM.format(guid=1, content='<contentSet/>')}{_STORY_ITEM}</itemSet></newsMessage>"
    ).encode()
    (result,) = articlekit.read_all(message, format="newsml")
    assert (result.value.id, result.value.headline) == ("urn:x:2", "Kept")
    # (the skipped item's own warnings come first, then the skip, with the next article)
    assert [warning.code for warning in result.warnings][-1] == "empty-article-skipped"


@pytest.mark.parametrize("format", ["json", "jsonl"])
def test_canonical_json_reads_back_an_article_with_nothing_to_read(format: str) -> None:
    """Canonical JSON is the model's own form: every valid article reads back, an empty one too
    (an empty document of another format holds no article)."""
    empty = Article(keywords=["ferries"])
    (result,) = articlekit.read_all(write(empty, format=format).value, format=format)
    assert result.value == empty
    assert not result.warnings


@pytest.mark.parametrize(
    "article",
    [
        Article(headline="A headline alone"),
        Article(summary="A summary alone."),
        Article(media=[Media(caption=[Span(text="A picture alone")])]),
        Article(body=[Paragraph(content=[Span(text="Text alone.")])]),
    ],
    ids=["headline", "summary", "media", "body"],
)
def test_a_sparse_article_still_reads(article: Article) -> None:
    for format in ("json", "ninjs", "newsml", "nitf", "markdown"):
        data = write(article, format=format).value
        assert read(data, format=format).value.id, format


def test_no_invisible_character_is_ascii_or_printable() -> None:
    """What lets ``_report_invisible`` skip a text that is ASCII or printable."""
    for code in range(sys.maxunicode + 1):
        if not 0xD800 <= code <= 0xDFFF and INVISIBLE.match(chr(code)):
            assert api._may_hide(chr(code)), f"U+{code:04X}"


_SHOWN_OR_NOT = st.text(st.sampled_from("a é\u200b\xad\u202e\ufeff\n"))


@given(st.lists(_SHOWN_OR_NOT.filter(str.strip), min_size=1, max_size=4), _SHOWN_OR_NOT)
def test_invisible_characters_are_reported_as_a_search_of_every_text_reports_them(
    paragraphs: list[str], headline: str
) -> None:
    article = Article(
        headline=headline.strip() or None,
        body=[Paragraph(content=[Span(text=text)]) for text in paragraphs],
    )
    skipping, searching = Context(), Context()
    api._report_invisible(article, skipping)
    with mock.patch.object(api, "_may_hide", lambda text: True):
        api._report_invisible(article, searching)
    assert skipping.warnings == searching.warnings


def test_messages_name_the_library_s_arguments_and_the_command_s_flags(tmp_path: Path) -> None:
    """A Python caller was told to "use --force" and "use --from", which it has no way to give."""
    from articlekit.batch import convert_batch
    from articlekit.cli import main
    from articlekit.errors import OutputError

    article = articlekit.Article(headline="Harbour ferries")
    taken = tmp_path / "story.json"
    taken.write_text("a user's own file\n", encoding="utf-8")
    with pytest.raises(OutputError, match=r"output exists; use force=True to replace it"):
        articlekit.write(article, taken)
    page = tmp_path / "page.xml"
    page.write_bytes(b"<catalogue><item/></catalogue>")
    with pytest.raises(
        articlekit.InputError, match=r"use the format argument \(format=, from_format="
    ):
        articlekit.read(page)
    source = tmp_path / "story.txt"
    source.write_text("Harbour ferries\n\nThe board voted on Tuesday.\n", encoding="utf-8")
    with mock.patch.object(sys, "stderr", io.StringIO()) as stderr:
        assert main(["convert", str(source), "-o", str(taken)]) == 1
    assert "output exists; use --force to replace it" in stderr.getvalue()
    with pytest.raises(OutputError, match="use force=True"):  # (the command's run is over)
        articlekit.write(article, taken)
    records = tmp_path / "two.jsonl"
    records.write_bytes(b"".join(articlekit.write(article, format="jsonl").value for _ in "ab"))
    with pytest.raises(
        articlekit.UsageError, match=r"\(output='DIR/'\), or all into one with to='jsonl'"
    ):
        list(convert_batch([records], tmp_path / "two.json"))


def test_arguments_of_the_wrong_kind_are_usage_errors(tmp_path: Path) -> None:
    """A dict to write, a negative or textual max_bytes, jobs as text: AttributeError, ValueError
    and TypeError from deep inside, where the command line refuses them in one line."""
    from articlekit.batch import convert_batch

    story = tmp_path / "story.txt"
    story.write_text("Harbour ferries\n\nThe board voted on Tuesday.\n", encoding="utf-8")
    with pytest.raises(articlekit.UsageError, match="not dict"):
        articlekit.write({"headline": "Harbour ferries"}, format="json")  # type: ignore[arg-type]
    for wrong in (-5, 0, "10", True):
        with pytest.raises(articlekit.UsageError, match=r"^max_bytes takes a size in bytes"):
            articlekit.read(story, max_bytes=wrong)  # type: ignore[arg-type]
        with pytest.raises(articlekit.UsageError, match=r"^max_bytes takes"):
            articlekit.convert(story, max_bytes=wrong)  # type: ignore[arg-type]
    with pytest.raises(articlekit.UsageError, match=r"^jobs takes"):
        convert_batch([story], jobs="2")  # type: ignore[arg-type]


# --- the language of a corpus known to be in one language (-O language=TAG) -----------------

_UNCLEAR = "Ferry Plan Approved\n\nBerths 4-7: night use, 22:00-06:00.\n\nVote: 5-2.\n"
"""An article whose words show no language (numbers and labels): the readers leave it open."""


def test_the_language_option_is_the_language_of_what_no_source_states(tmp_path: Path) -> None:
    assert articlekit.read(_UNCLEAR.encode(), format="text").value.language is None
    filled = articlekit.read(_UNCLEAR.encode(), format="text", options={"language": "de_at"})
    assert filled.value.language == "de-AT"  # (the canonical tag)
    three = articlekit.read(_UNCLEAR.encode(), format="text", options={"language": "eng"})
    assert three.value.language == "en"  # (as BCP 47 writes it)
    guessed = articlekit.read(DATA / "text" / "web-copy-like-sample.txt").value
    assert guessed.language == "en"
    told = articlekit.read(DATA / "text" / "web-copy-like-sample.txt", options={"language": "de"})
    assert told.value.language == "de"  # (the user's word over a guess from the words)
    stated = articlekit.Article(headline="Ferry Plan Approved", language="nb")
    json_read = articlekit.read(stated.model_dump_json().encode(), options={"language": "de"})
    assert json_read.value.language == "nb"  # (a source's statement stands)
    records = tmp_path / "feed.jsonl"
    article = articlekit.Article(headline="Ferry Plan Approved")
    records.write_text(article.model_dump_json() + "\n", encoding="utf-8")
    out = tmp_path / "out"
    done = run_cli("convert", str(records), "-o", f"{out}/", "-O", "language=sv", "-q")
    assert done.code == 0, done.stderr
    [written] = out.glob("*.json")
    assert articlekit.read(written).value.language == "sv"


def test_a_misspelt_language_option_is_a_usage_error() -> None:
    with pytest.raises(articlekit.UsageError, match="language: 'no such tag' is not a well-formed"):
        articlekit.read(_UNCLEAR.encode(), format="text", options={"language": "no such tag"})
    with pytest.raises(articlekit.UsageError, match="'xq' names no language of the IANA"):
        articlekit.read(_UNCLEAR.encode(), format="text", options={"language": "xq"})
    done = run_cli("convert", "-", "--from", "text", "--to", "json", "-O", "language=x y",
                   stdin=_UNCLEAR.encode())  # fmt: skip
    assert done.code == 2 and done.stdout == b""
    assert done.stderr.count("\n") == 1 and "'x y' is not a well-formed BCP 47" in done.stderr
