"""Canonical JSON and JSON Lines: lossless, strict, and safe on hostile input."""

from __future__ import annotations

import hashlib
import io
import json
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from articlekit import Article, Paragraph, Span, read, read_all, write, write_all
from articlekit.errors import InputError, UsageError
from articlekit.formats import json as json_format
from articlekit.formats.json import _pairs, decode_json_bytes
from articlekit.model import _IDENTITY_FIELDS, content_id
from articlekit.registry import Context

from strategies import articles

SIMPLE = Article(headline="Water Rates Rise", body=[Paragraph(content=[Span(text="From May.")])])


@given(articles(media=True))
def test_json_round_trip_is_lossless(article: Article) -> None:
    written = write(article, format="json")
    assert written.warnings == ()
    assert read(written.value, format="json").value == article


@given(articles(media=True))
def test_jsonl_round_trip_is_lossless(article: Article) -> None:
    data = write_all([article, SIMPLE, article], format="jsonl").value
    assert data.count(b"\n") == 3
    assert [result.value for result in read_all(data, format="jsonl")] == [article, SIMPLE, article]


def test_json_is_sniffed_without_extension() -> None:
    data = write(SIMPLE, format="json").value
    assert read(data).value == SIMPLE
    lines = write_all([SIMPLE, SIMPLE], format="jsonl").value
    assert len(list(read_all(io.BytesIO(lines)))) == 2


def test_top_level_array_holds_several_articles() -> None:
    data = ("[" + SIMPLE.model_dump_json() + "," + SIMPLE.model_dump_json() + "]").encode()
    assert len(list(read_all(data, format="json"))) == 2
    with pytest.raises(InputError, match="several articles"):
        read(data, format="json")


def test_single_article_formats_refuse_several() -> None:
    with pytest.raises(UsageError, match="jsonl"):
        write_all([SIMPLE, SIMPLE], format="json")


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (b'{"headline": "a", "headline": "b"}', "duplicate key"),
        (b'{"headline": "a", "version": NaN}', "NaN is not valid JSON"),
        (b'{"version": Infinity}', "Infinity"),
        (b'{"version": ' + b"9" * 100_000 + b"}", "too long"),
        (b'{"version": 1e999}', "out of range"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"headline": "\\ud800"}', "lone surrogate"),
        (b'{"headline": "a\\u001b[31mb"}', "control character"),
        (b'{"headline": "a\x00b"}', "Invalid control character"),
        (b'{"headline": "unterminated', "Unterminated string"),
        (b'{"hedline": "x"}', "invalid article: hedline: is not a field articlekit knows here"),
        (b'{"urgency": 12}', "invalid article: urgency: should be at most 9"),
        (b'{"body": [{}]}', "invalid article: body\\[0\\]: needs a 'type' saying what kind of"),
        (b'{"body": [{"type": "x"}]}', "body\\[0\\]: has the type 'x'; a block is one of 'par"),
        (b'"just a string"', "must be an object"),
        (b"\xff\xfe{}", "not valid UTF-8"),
    ],
)
def test_hostile_json_is_a_clean_error(document: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        read(document, format="json")
    assert caught.value.path == "<bytes>"
    assert "\x1b" not in str(caught.value)


def test_json_errors_carry_line_and_column() -> None:
    with pytest.raises(InputError) as caught:
        read(b'{\n  "headline": "a",\n  "body": [,]\n}', format="json")
    assert (caught.value.line, caught.value.column) == (3, 12)


def test_a_json_error_does_not_end_with_at() -> None:
    """The decoder's "Unterminated string starting at" ended where its position went; the
    error's line and column say it."""
    with pytest.raises(InputError, match=r"invalid JSON: Unterminated string$") as caught:
        read(b'{"headline": "unterminated', format="json")
    assert (caught.value.line, caught.value.column) == (1, 14)


def test_a_string_its_line_ends_in_is_unterminated() -> None:
    """A JSON Lines record whose string runs to the end of its line was "Invalid control
    character" (the line break), at the line's end; it is said as the decoder says a string the
    text ends in, at the string's start (an escaped quote in it is no start)."""
    good = SIMPLE.model_dump_json().encode()
    data = good + b'\n{"headline": "x", "summary": "a \\"quoted\n' + good + b"\n"
    results = list(read_all(data, format="jsonl"))
    [skipped] = [w for result in results for w in result.warnings]
    assert (skipped.message, skipped.line, skipped.column) == (
        "skipped: invalid JSON: Unterminated string",
        2,
        30,
    )
    with pytest.raises(InputError, match=r"invalid JSON: Unterminated string$") as caught:
        read(b'{\n  "headline": "two\nlines"\n}', format="json")  # (a line break in a string)
    assert (caught.value.line, caught.value.column) == (2, 15)
    with pytest.raises(InputError, match=r"invalid JSON: Invalid control character$"):
        read(b'{"headline": "a\tb"}', format="json")  # (a tab: a control character it is)


def test_jsonl_skips_a_broken_record_and_names_its_line() -> None:
    good = SIMPLE.model_dump_json().encode()
    data = good + b'\n{"headline": "x",}\n' + good + b"\n" + b'{"urgency": 12}\n'
    results = list(read_all(data, format="jsonl"))
    assert [result.value for result in results] == [SIMPLE, SIMPLE]
    skipped = [warning for result in results for warning in result.warnings]
    assert [(warning.code, warning.line, warning.column) for warning in skipped] == [
        ("json-article-skipped", 2, 18),
        ("json-article-skipped", 4, 2),  # (at the invalid field, "urgency")
    ]
    assert "urgency" in skipped[1].message


def test_jsonl_of_broken_records_only_holds_no_article() -> None:
    with pytest.raises(InputError, match=r"^<bytes>: holds no article \(2 records skipped\)$"):
        list(read_all(b"{broken\n[1]\n", format="jsonl"))
    with pytest.raises(InputError, match=r"holds no article \(1 record skipped\)$"):
        list(read_all(b"<nitf><body/></nitf>", format="jsonl"))


@pytest.mark.parametrize(
    ("document", "format"),
    [
        *(
            (document, format)
            for document in (b"{}", b"[{}]")
            for format in ("json", "ninjs", None)
        ),
        (b'{"item": [{}]}', None),  # an API envelope of ninjs items
    ],
)
def test_an_empty_object_is_neither_canonical_json_nor_ninjs(
    document: bytes, format: str | None
) -> None:
    """The README: JSON without ``schema_version`` that is not ninjs is refused; an empty object
    has neither (nor the ``uri`` every ninjs version from 1.1 requires)."""
    with pytest.raises(InputError, match="an empty object, with no property of either") as caught:
        read(document, format=format)
    assert str(caught.value).startswith(
        '<bytes>: neither canonical articlekit JSON (no "schema_version") nor ninjs: '
    )


def test_jsonl_reads_in_bounded_memory() -> None:
    """Lines are read one at a time: a huge stream is never held whole."""

    class Lines(io.RawIOBase):
        def __init__(self) -> None:
            self.served = 0

        def readable(self) -> bool:
            return True

        def readline(self, size: int = -1) -> bytes:
            self.served += 1
            return SIMPLE.model_dump_json().encode() + b"\n" if self.served <= 5000 else b""

        def read(self, size: int = -1) -> bytes:
            return self.readline()

    stream = Lines()
    results = read_all(stream, format="jsonl")  # type: ignore[arg-type]
    for count, _ in enumerate(results, start=1):
        if count == 10:
            break
    assert stream.served < 20


def test_canonical_json_is_readable_and_stable() -> None:
    text = write(SIMPLE, format="json").value.decode()
    assert text.startswith('{\n  "schema_version": "1.4",\n  "id": "urn:articlekit:')
    assert json.loads(text)["body"][0] == {"type": "paragraph", "content": [{"text": "From May."}]}
    assert write(read(text.encode(), format="json").value, format="json").value.decode() == text


@given(articles(media=True))
def test_writers_write_model_dump_json(article: Article) -> None:
    """The writers take the serializer's bytes as they are; they are ``model_dump_json``'s text,
    in UTF-8 (which is what canonical JSON is defined as)."""
    assert json_format.writer.write(article, Context()) == (
        article.model_dump_json(indent=2).encode("utf-8") + b"\n"
    )
    assert json_format.lines_writer.write(article, Context()) == (
        article.model_dump_json().encode("utf-8") + b"\n"
    )
    payload = article.model_dump_json(include=_IDENTITY_FIELDS, context={"identity": True})
    if article.source is not None:
        payload += "\x1f" + article.source.name
    digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()
    assert content_id(article) == f"urn:articlekit:{digest[:32]}"


def _slow_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c", "d"]), st.integers()), max_size=6))
@example([("a", 1), ("b", 2), ("b", 3), ("a", 4)])
def test_object_members_answer_as_the_slow_form(pairs: list[tuple[str, Any]]) -> None:
    """``_pairs`` (a dict made in C, looked at again only when a key repeats) keeps the members
    and names the first repeated key as a loop over the members does."""
    try:
        expected: dict[str, Any] | str = _slow_pairs(pairs)
    except ValueError as error:
        expected = str(error)
    try:
        found: dict[str, Any] | str = _pairs(pairs)
    except ValueError as error:
        found = str(error)
    assert found == expected
    assert not isinstance(found, dict) or list(found.items()) == list(expected.items())  # type: ignore[union-attr]


@given(st.binary(max_size=12), st.booleans())
@example(b"\xef\xbb\xbf", False)
@example(b"{}\xff", True)
def test_json_bytes_decode_as_the_utf_8_sig_codec(data: bytes, bom: bool) -> None:
    """The BOM cut before a UTF-8 decoding in C answers as the ``utf-8-sig`` codec: the same text,
    and the same byte named when the bytes are not UTF-8."""
    data = (b"\xef\xbb\xbf" if bom else b"") + data
    try:
        expected = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        expected = f"JSON is not valid UTF-8 (byte {error.start})"
    try:
        found = decode_json_bytes(data)
    except InputError as error:
        found = error.message
    assert found == expected


def test_a_feed_of_ninjs_items_as_json_lines_reads_each_item() -> None:
    """Agencies deliver ninjs feeds one item a line: each record without a schema version that
    has a ninjs uri is read as ninjs; a broken one is skipped with a warning, as any record."""
    ninjs = {
        "uri": "urn:example:harbour:1",
        "headline": "Night ferries split the harbour",
        "body_text": "The harbour board voted on Tuesday.",
    }
    broken = {"uri": "urn:example:harbour:2", "headline": ["not", "a", "string"]}
    lines = [json.dumps(ninjs), json.dumps(broken), write(SIMPLE, format="jsonl").value.decode()]
    results = list(read_all("\n".join(lines).encode(), format="jsonl"))
    assert [result.value.headline for result in results] == [ninjs["headline"], SIMPLE.headline]
    assert results[0].value.paragraphs == [ninjs["body_text"]]
    assert [warning.code for warning in results[1].warnings] == ["json-article-skipped"]


def test_a_superdesk_item_in_json_lines_reads_as_ninjs() -> None:
    """Superdesk's ninjs items carry a guid, not a uri."""
    item = {"guid": "urn:example:harbour:1", "version": "2", "headline": "Ferries", "type": "text",
            "body_html": "<p>The board voted.</p>"}  # fmt: skip
    (result,) = read_all(json.dumps(item).encode(), format="jsonl")
    assert result.value.headline == "Ferries" and result.value.paragraphs == ["The board voted."]


def test_a_ninjs_items_warnings_name_its_line() -> None:
    item = {"uri": "urn:example:harbour:1", "headline": "Ferries", "urgency": 50}
    lines = [write(SIMPLE, format="jsonl").value.decode().strip(), json.dumps(item)]
    (_, second) = read_all("\n".join(lines).encode(), format="jsonl")
    assert second.warnings and {warning.line for warning in second.warnings} == {2}


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("ninjs:embargoed", "2024-06-02T06:00:00Z"),
        ("newsml:itemMeta/embargoed", ["2024-06-02T06:00:00Z"]),
        ("nitf:docdata/date.release", {"@norm": "20240602T060000Z"}),
    ],
)
def test_an_embargo_kept_in_extras_before_schema_1_3_moves_to_its_field(
    key: str, value: object
) -> None:
    """As the ninjs, NewsML-G2 and NITF readers of schema 1.2 kept it."""
    document = {
        "schema_version": "1.2",
        "headline": "Central bank to cut rates",
        "extras": {key: value, "ninjs:profile": "text"},
    }
    article = read(json.dumps(document).encode(), format="json").value
    assert str(article.embargoed) == "2024-06-02 06:00:00+00:00"
    assert article.extras == {"ninjs:profile": "text"}
    current = {**document, "schema_version": "1.3"}  # (a 1.3 document's extras are its own)
    assert read(json.dumps(current).encode(), format="json").value.embargoed is None


@pytest.mark.parametrize(
    ("key", "value", "expires"),
    [
        ("ninjs:expires", "2024-07-02T06:00:00Z", "2024-07-02 06:00:00+00:00"),
        ("newsml:itemMeta/expires", ["2024-07-02T08:00:00+02:00"], "2024-07-02 08:00:00+02:00"),
        ("newsml:itemMeta/expires", ["2024-07-02"], "2024-07-02"),
        ("nitf:docdata/date.expire", {"@norm": "20240702T060000Z"}, "2024-07-02 06:00:00+00:00"),
        ("nitf:docdata/date.expire", {"@norm": "20240702T000000"}, "2024-07-02"),
    ],
)
@pytest.mark.parametrize("version", ["1.0", "1.2", "1.3"])
def test_an_expiry_kept_in_extras_before_schema_1_4_moves_to_its_field(
    key: str, value: object, expires: str, version: str
) -> None:
    """As the ninjs, NewsML-G2 and NITF readers of schema 1.3 and earlier kept it (a date alone
    is a date, as those readers now read it)."""
    document = {
        "schema_version": version,
        "headline": "Ferry timetable for the summer",
        "extras": {key: value, "ninjs:profile": "text"},
    }
    article = read(json.dumps(document).encode(), format="json").value
    assert str(article.expires) == expires
    assert article.extras == {"ninjs:profile": "text"}
    current = {**document, "schema_version": "1.4"}  # (a 1.4 document's extras are its own)
    assert read(json.dumps(current).encode(), format="json").value.expires is None


def test_a_pre_1_4_expiry_without_zone_stays_in_extras_and_an_embargo_moves_beside_it() -> None:
    """A time without zone cannot be placed: it stays where it was (NITF still writes it back)."""
    extras = {
        "nitf:docdata/date.expire": {"@norm": "20240702T060000"},
        "nitf:docdata/date.release": {"@norm": "20240602T060000Z"},
    }
    document = {"schema_version": "1.2", "headline": "Ferry timetable", "extras": extras}
    article = read(json.dumps(document).encode(), format="jsonl").value
    assert (article.expires, str(article.embargoed)) == (None, "2024-06-02 06:00:00+00:00")
    assert article.extras == {"nitf:docdata/date.expire": {"@norm": "20240702T060000"}}
    assert b'<date.expire norm="20240702T060000"/>' in write(article, format="nitf").value


def test_another_tools_json_is_named_as_neither_articlekit_json_nor_ninjs() -> None:
    """An object of other properties (a scraper's metadata) was reported as an article whose
    every field is unknown; an article with a few mistakes still is."""
    from articlekit.errors import InputError

    with pytest.raises(
        InputError,
        match=r"neither canonical articlekit JSON .* nor ninjs: an "
        r"object of other properties \('url', 'read_more_link', 'title', \.\.\.\)",
    ):
        read(
            b'{"url": "https://example.org/a", "read_more_link": "", "title": "T", "n": 1}',
            format="json",
        )
    with pytest.raises(InputError, match="headline: should be text"):
        read(b'{"headline": 5, "body": [], "colour": "red"}', format="json")


@pytest.mark.parametrize("backslashes", [1, 3])
def test_a_line_break_in_a_string_of_escaped_quotes_is_placed_at_its_start(
    backslashes: int,
) -> None:
    """The string's start is found back over its escaped quotes (an odd run of backslashes
    escapes a quote), counted a character at a time: a slice of the text for each made a feed of
    HTML in a string take minutes to refuse (timed in no test)."""
    quote = "\\" * backslashes + '"'
    body = f"<p class={quote}lede{quote}>The ferries run at night.</p>" * 3
    document = '{"uri": "urn:x", "headline": "Ferries", "body_html": "' + body + '\n"}'
    with pytest.raises(InputError, match="Unterminated string") as raised:
        read(document.encode(), format="ninjs")
    assert raised.value.column == document.index('"<p') + 1
