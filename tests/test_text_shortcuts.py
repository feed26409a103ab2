"""The plain-text reader's and writer's shortcuts must never change a result: each is held to the
slower, obvious form it replaces, on text drawn from fragments that meet the edges the shortcuts
rely on (dashes, spacing, controls, the length limits of header, date and caption lines)."""

from __future__ import annotations

import codecs
import re
from datetime import date, datetime, timedelta, timezone
from unittest.mock import patch

from hypothesis import example, given
from hypothesis import strategies as st
from pydantic import ValidationError

from articlekit import Article, Context
from articlekit.diagnostics import Diagnostic
from articlekit.errors import InputError
from articlekit.formats.text import parse, render
from articlekit.formats.text.media import may_open_media, starts_like_media
from articlekit.model import Dateline, Heading, Paragraph, Quote, Source, Span, content_id
from articlekit.prose import boilerplate, captions, controls, dateline, dates, encoding, headers
from articlekit.prose.dateline import PrintedDateline

from strategies import articles

FRAGMENTS = [
    " ", "  ", "\t", "\n", "\xa0", "\u2009", ",", ".", ";", "|", "-", " - ", " -", "--", "—",
    "–", "―", "_", " _ ", ").-", "(", ")", "(AP)", "(Reuters)", "#", "## ", ">", "\\", "- ",
    "* ", "1. ", "2)", "---", "[Picture: ", "Table:", "| a |", "By ", "by ", "Jane Doe", "and",
    "LONDON", "Caracas", "Port Aldwin", "Oct 6", "October 6, 2023", "2023-10-06", "12:30",
    "Published: ", "Updated ", "Source: ", "Westcliff Courier, ", "3 hours ago", "5 min read",
    "Photo: AP", "(Jane Doe/AFP)", "©", "Credit ", "Advertisement", "Leave a Reply", "Related",
    "Share", "the council said", "The", "Mr", "é", "ı", "ſ", "İ", "دمشق", "人工", "\u2028",
    "\u2029", "\r", "\r\n", "\x00", "\x1b[31m", "\x85", "\x9b", "\ud800", "\ufffe", "\uffff",
    "\ufeff", "«", "»", "...", "." * 40, "x" * 45, " word" * 12, "Lorem ipsum dolor sit amet " * 3,
]  # fmt: skip
texts = st.lists(st.sampled_from(FRAGMENTS), max_size=24).map("".join)
any_texts = st.text(st.characters(blacklist_categories=()), max_size=40)
long_texts = st.lists(st.sampled_from(FRAGMENTS), min_size=10, max_size=60).map("".join)
some_text = st.one_of(texts, any_texts, long_texts)

HEADLINE_END = re.compile(r"""(?:[^.\s]\.|[。．…:;,]|\.\.\.)["'”’»]*$""")
"""The headline test's sentence ending as a pattern (what ``parse._ends_like_a_sentence`` tells
without one)."""


def _split_dateline_in_full(text: str) -> tuple[PrintedDateline, str] | None:
    """:func:`articlekit.prose.dateline.split_dateline` as it was, every pattern tried."""
    opening = text[: dateline.SCAN_LIMIT]
    match = dateline._LATIN.match(opening)
    if match is not None and dateline._acceptable(match):
        place = match.group("place").strip()
        if opening[match.start("dash") - 1] == "." and not match.group("agency"):
            place = place.removesuffix(".")  # ("MADRID.- ...")
        found = PrintedDateline(place, match.group("date"), dateline._agency(match))
        return found, text[match.end() :]
    match = dateline._OTHER_SCRIPT.match(opening)
    if match is not None:
        place = match.group("place").strip()
        return PrintedDateline(place, None, dateline._agency(match)), text[match.end() :]
    return None


@given(some_text)
@example("LONDON - Talks")
@example("Madrid, Jan 2 (EFE).- Talks")
@example("BUENOS AIRES, Argentina (AP) _ Talks")
@example("Jane Doe...--")  # (a full stop before the dash: "MADRID.- ...")
@example("MADRID, 5 jun (EFE).- El")  # (another language's month, in lower case)
def test_dateline_dash_test_lets_every_dateline_through(text: str) -> None:
    assert dateline.split_dateline(text) == _split_dateline_in_full(text)


def _parse_date_in_full(text: str) -> dates.ParsedDate | None:
    """:func:`articlekit.prose.dates.parse_date` with the text always re-spaced."""
    return dates.parse_date(" ".join(text.split()))


@given(some_text)
@example(" 2023-10-06")
@example("October 6,\t2023")
def test_date_spacing_shortcut_reads_the_same_date(text: str) -> None:
    assert dates.parse_date(text) == _parse_date_in_full(text)


DATE_FRAGMENTS = [
    "2023", "202", "٢٠٢٣", "१९९९", "12", "1", "-", ".", "/", ":", " ", ",", "T", "Z", "+02:00",
    "Oct", "October", "6", "6th", "Fri", "3.", "Dezember", "de", "diciembre", "年", "月", "日",
    "10:15", "AM", "EDT", "Uhr", "à", "14h30", "ago", "Updated",
]  # fmt: skip
date_texts = st.lists(st.sampled_from(DATE_FRAGMENTS), max_size=10).map("".join)


@given(
    st.one_of(some_text, date_texts, st.text(st.sampled_from("0123456789٢٠-./ T:"), max_size=12))
)
@example("2023-10-06")
@example("20231006T101500")
@example("٢٠٢٣-١٠-٠٦")
@example("October 6, ٢٠٢٣")
@example("2016年10月14日 07:17")
@example("08.04.2015 12:46")
@example("Fri October 6, 2023 10:15 AM EDT")
def test_a_date_without_four_digits_is_no_date(text: str) -> None:
    """The year test that ``parse_date`` starts with says what all its readers would say."""
    with patch.object(dates, "_YEAR_DIGITS", re.compile("")):
        in_full = dates.parse_date(text)
    assert dates.parse_date(text) == in_full


@given(st.one_of(some_text, st.text(max_size=200)))
@example("\x85")
@example("a\ud800")
@example("é\x9f")
@example("é\uffff")
@example("é\n\t\xa0")
@example("é\ud83d\ude00\n")  # (a surrogate pair in a str is two lone surrogates)
def test_control_test_in_passes_of_c_agrees_with_the_pattern(text: str) -> None:
    assert controls.has_control(text) == (controls.find_control(text) is not None)


@given(st.one_of(some_text, st.text(max_size=200), st.binary(max_size=40)))
@example("é\x85")
@example("\xa0\x9f\xc2")
@example("\ufffe")
@example("\uffff")
@example("\ufffd\uffef")
@example(b"\xc2\xa0\xc2\x9f")
def test_control_test_on_utf8_bytes_is_the_test_on_the_text(text: str | bytes) -> None:
    """What the text reader learns of a UTF-8 file's control characters on its bytes is what the
    test of the decoded text says, and a decoding says it only for such files."""
    data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError:
        decoded = None
    if decoded is not None:
        assert controls.utf8_has_control(data) == controls.has_control(decoded)
    try:
        found, told = encoding.decode_text_checked(data, Context())
    except InputError:
        return
    assert told is None or told == controls.has_control(found)
    if decoded is not None and b"\x00" not in data and not data.startswith(codecs.BOM_UTF8):
        assert told is not None


@given(st.text(max_size=40), st.integers(min_value=0, max_value=3000))
@example("\x7f", 2048)
@example("\x1b", 4000)
def test_control_test_on_a_documents_bytes_is_the_test_on_its_text(text: str, at: int) -> None:
    """A whole document's bytes (from 2 KB, each control looked for by its own search) are told
    as its text is."""
    pad = "Harbour ferries — berth at night. " * 70
    data = (pad[:at] + text + pad[at:]).encode("utf-8", "surrogatepass")
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    assert controls.utf8_has_control(data) == controls.has_control(decoded)


@given(st.one_of(some_text, st.text(max_size=200)))
@example("\x0c")
def test_every_binary_control_is_a_control(text: str) -> None:
    """The binary-data check may skip a text without controls: it counts none there."""
    if encoding._BINARY_CONTROL.search(text) is not None:
        assert controls.has_control(text)


@given(some_text)
def test_newline_shortcut_is_the_replacements(text: str) -> None:
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    expected = expected.replace("\u2028", "\n").replace("\u2029", "\n\n")
    assert parse._normalise_newlines(text) == expected


READERS = (
    lambda text: text.startswith(("\\", "#", ">")),
    starts_like_media,
    parse._BULLET.match,
    parse._NUMBER.match,
    parse._SEPARATOR.match,
    _split_dateline_in_full,
    headers.read_header,
    _parse_date_in_full,
    captions.read_caption,
    boilerplate.is_furniture,
    boilerplate.is_section_start,
)
"""Whatever takes a paragraph's line for something else than a paragraph, each asked in full."""


def _protected_in_full(text: str) -> str:
    """:func:`articlekit.formats.text.render._protect` as it was."""
    return "\\" + text if any(read(text) for read in READERS) else text


@given(some_text)
@example("." * 150 + " October 6, 2023")
@example("By Jane Doe " + "x" * 190)
@example("Photo: AP " + "word " * 70)
@example("Related")
def test_paragraph_protection_asks_what_every_reader_says(text: str) -> None:
    assert render._protect(text) == _protected_in_full(text)


@given(some_text)
def test_a_section_start_is_furniture(text: str) -> None:
    """Why the writer asks only whether a line is furniture."""
    if boilerplate.is_section_start(text):
        assert boilerplate.is_furniture(text)


@given(st.lists(st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=8)))
def test_block_texts_compared_are_those_of_every_block(words: list[str]) -> None:
    """A paragraph's and a crosshead's text as the writer compares it: its kind, its level (a
    paragraph has none) and its text on one line."""
    spans = [[Span(text=word)] for word in words if word.strip()]
    blocks: list[Paragraph | Heading] = [Paragraph(content=content) for content in spans]
    blocks += [Heading(level=1 + index % 6, content=content) for index, content in enumerate(spans)]
    for block in blocks:
        expected = type(block).__name__, getattr(block, "level", 0), render._inline(block)
        assert render._text_of(block) == expected
    if blocks:
        quoted = Quote(blocks=blocks[:1])
        assert render._text_of(quoted) == ("quote", [render._text_of(blocks[0])])


def test_fragments_reach_the_limits_the_shortcuts_rely_on() -> None:
    """The drawn texts must be able to cross the header, date and caption limits."""
    longest = max(FRAGMENTS, key=len)
    assert 60 * len(longest) > captions.CAPTION_LIMIT > headers.HEADER_LIMIT > dates.MAX_DATE_LENGTH
    assert re.search(r"[—–―\-_]", "".join(FRAGMENTS))


# --- the writer's read-back --------------------------------------------------------------------

TEXT_FIELDS = frozenset(
    {"headline", "subheadline", "byline", "authors", "source", "published", "updated", "dateline",
     "body"}
)  # fmt: skip
STORY = [
    "Harbour ferries will berth at night, the council said on Tuesday.",
    "Fishermen warned of crowded quays.",
]


def _paragraph(text: str) -> Paragraph | None:
    try:
        return Paragraph(content=[Span(text=text)])
    except ValidationError:
        return None  # (controls, or no text)


story_articles = st.builds(
    Article,
    headline=st.sampled_from(["Night Ferries for the Harbour", "By Jane Doe", "October 6, 2023"]),
    source=st.sampled_from([None, Source(name="Westcliff Courier")]),
    published=st.sampled_from(
        [None, date(2023, 10, 6), datetime(2023, 10, 6, 12, tzinfo=timezone(timedelta(hours=2)))]
    ),
    dateline=st.sampled_from([None, Dateline(place="PORT ALDWIN"), Dateline(agency="AP")]),
    body=st.lists(
        st.one_of(
            st.sampled_from([*STORY, "Advertisement", "LONDON — Talks.", "  Spaced  out  "]),
            texts,
        )
        .map(_paragraph)
        .filter(bool),
        max_size=4,
    ),
)


def _read_back_in_full(article: Article) -> tuple[str, list[Diagnostic]]:
    context = Context()
    with patch.object(render, "_reads_back_unchanged", return_value=False):
        return render.render_article(article, context), context.warnings


@given(st.one_of(story_articles, articles(TEXT_FIELDS, marks=False), articles(marks=True)))
@example(Article(headline="A", body=[Paragraph(content=[Span(text="Text", strong=True)])]))
@example(Article(updated=date(2000, 1, 1), summary="0."))  # (what comes back is no article)
def test_read_back_shortcut_warns_as_the_full_read_back(article: Article) -> None:
    """The writer skips validating what it reads back only when that would change nothing."""
    context = Context()
    text = render.render_article(article, context)
    assert (text, context.warnings) == _read_back_in_full(article)
    try:
        fields = parse.read_fields(text, Context())
    except InputError:
        return
    if render._reads_back_unchanged(article, fields):
        back = Article(**fields)
        for name in render._VERIFIED:
            assert getattr(back, name) == getattr(article, name)
        assert list(map(render._text_of, back.body)) == list(map(render._text_of, article.body))
        assert content_id(back) == content_id(article)


PLACE_FRAGMENTS = [
    "Rio", "de", "Janeiro", "LONDON", ",", " ", "\xa0", "\u2009", "Они", "2", "ǅ", "中", "İ", "x",
    "\x1c", "\u0250", "é",
]  # fmt: skip
places = st.one_of(texts, st.lists(st.sampled_from(PLACE_FRAGMENTS), max_size=8).map("".join))


@given(places)
def test_place_tests_are_their_obvious_forms(place: str) -> None:
    words = [word for word in re.split(r"[\s,]+", place) if word]
    assert dateline._capitalised(place) == all(
        word[0].isupper() or word in dateline._CONNECTORS for word in words
    )
    letters = [char for char in place if char.isalpha()]
    named = [word for word in words if word not in dateline._CONNECTORS]
    assert dateline._title_case_place(words, letters) == (
        len(named) <= dateline.PLACE_WORDS and all(char < "\u0250" for char in letters)
    )
    assert list(filter(str.isalpha, place)) == letters
    assert any(map(str.isdigit, place)) == any(char.isdigit() for char in place)


@given(st.one_of(some_text, st.text(st.sampled_from(".。．…:;,\"'”’» \t\xa0xé"), max_size=8)))
@example("Hello.")
@example("a .")
@example("..")
@example("x.\"'")
def test_sentence_ending_test_is_the_pattern(text: str) -> None:
    text = text.strip()
    assert parse._ends_like_a_sentence(text) == (HEADLINE_END.search(text) is not None)


@given(st.one_of(some_text, st.text(st.sampled_from("[|#>-*1 \\Tabl:e\u3000x"), max_size=8)))
@example("Table: Winners")
@example("[Picture: The quay")
@example("[Picture: The quay]")
@example("| a | b |")
@example("\\- protected")
@example("٣. item")
def test_a_plain_line_is_read_as_the_parser_reads_it(line: str) -> None:
    """The reader's shortcut for a chunk of one plain line gives what the figure and table reader
    and the block parser do."""
    shortcut = parse.BodyParser(hard_wrapped=False, width=72)
    made = None if may_open_media(line) else shortcut.one_line([line])
    if made is None:
        return
    parser = parse.BodyParser(hard_wrapped=False, width=72)
    assert parse._chunk_blocks(parser, [line], Context()) == made
    assert parser.made == shortcut.made == 1


def test_a_figure_of_one_line_in_the_body_is_a_figure() -> None:
    """The body loop reads a one-line chunk as a paragraph without the figure and table reader
    only when the chunk cannot open one."""
    text = (
        "Harbour Board Backs Night Ferries\n\nThe board voted on Tuesday to let ferries berth at "
        "night.\n\n[Picture: The quay at dusk]\n\nFishermen said the move would crowd the quays.\n"
    )
    body = parse.parse_article(text, Context()).body
    assert [type(block).__name__ for block in body] == ["Paragraph", "Figure", "Paragraph"]


class _Everything:
    """A set that holds every first character: no line is read by the body loop's shortcut."""

    def __contains__(self, item: object) -> bool:
        return True


body_lines = st.lists(
    st.one_of(texts, st.text(st.sampled_from("[|#>-*1 \\Tabl:e\u3000x\u0663."), max_size=8)),
    min_size=1,
    max_size=3,
)


@given(st.lists(body_lines, max_size=8), st.booleans())
@example([["Table: Winners"], ["| a |"]], False)
@example([["Tabloid news"], ["[Picture: The quay]"], ["\\- protected"], ["٣. item"]], False)
@example([["1. first"], ["2. second"]], False)
@example([[" "], ["  x"]], False)
@example([["| a |\x00|"]], False)
def test_the_body_loop_reads_a_one_line_chunk_as_the_parser_does(
    chunks: list[list[str]], line_per_paragraph: bool
) -> None:
    """The body loop's shortcut for a chunk of one paragraph line gives the blocks, counts and
    warnings of the parser's own reading (``parse.one_line`` and the figure and table reader)."""

    # (control characters stripped first, as the reader does before the body is read)
    lines = [[controls.strip_controls(line)[0] for line in chunk] for chunk in chunks]

    def read(shortcut: bool) -> tuple[object, list[Diagnostic]]:
        context = Context()
        with patch.object(parse, "_OPENS_BLOCK", parse._OPENS_BLOCK if shortcut else _Everything()):
            try:
                made: object = parse.body_blocks(
                    [list(chunk) for chunk in lines],
                    context,
                    line_per_paragraph=line_per_paragraph,
                )
            except InputError as error:
                made = str(error)
        return made, context.warnings

    assert read(True) == read(False)


@given(st.lists(body_lines, max_size=8), st.booleans())
def test_the_layout_shortcut_measures_lines_only_when_it_matters(
    chunks: list[list[str]], line_per_paragraph: bool
) -> None:
    """``parse._layout`` says what measuring every line says, and leaves the width out only
    where the parser does not ask for it (text that is not hard-wrapped)."""
    lengths = [len(line.strip()) for chunk in chunks for line in chunk]
    long_lines = sum(1 for length in lengths if length > parse.WRAP_LIMIT)
    wrapped_lines = [line.rstrip() for chunk in chunks if len(chunk) > 1 for line in chunk[:-1]]
    ended = [line for line in wrapped_lines if line and line[-1] in parse.LINE_SENTENCE_ENDS]
    hard_wrapped = (
        not line_per_paragraph
        and long_lines <= len(lengths) // 10
        and any(len(chunk) > 1 for chunk in chunks)
        and len(ended) < parse.SENTENCE_LINES * len(wrapped_lines)
    )
    width = max((length for length in lengths if length <= parse.WRAP_LIMIT), default=72)
    found = parse._layout(chunks, line_per_paragraph)
    assert found[0] == hard_wrapped
    if hard_wrapped:
        assert found[1] == width
    else:  # the width given is not used
        for chunk in chunks:
            assert parse.BodyParser(False, found[1]).chunk(list(chunk)) == parse.BodyParser(
                False, width
            ).chunk(list(chunk))


@given(st.one_of(some_text, st.text(st.sampled_from("0123456789٣²-T: .Z+"), max_size=24)))
@example("2023-10-06")
@example("٢٠٢٣-١٠-٠٦")
@example("20231006T1230")
def test_an_iso_date_opens_with_a_digit(text: str) -> None:
    """``parse_date`` tries ISO 8601 only on text that opens with a digit: every ISO date does,
    and ``parse_date`` reads each as ``parse_iso`` does."""
    iso = dates.parse_iso(text)
    if iso is not None:
        assert text.strip()[:1].isdigit()
        if text == " ".join(text.split()).strip(" ,.;-—–"):
            assert dates.parse_date(text) == dates._aware(iso)


@given(st.one_of(some_text, st.text(st.sampled_from("#>-*•–+1٣ \t\\x_=~."), max_size=8)))
@example("# Crosshead")
@example("٣. item")
@example("> quote")
@example("...")
@example("- - -")
def test_structures_are_looked_for_only_where_they_may_open(text: str) -> None:
    """A first paragraph that opens a crosshead, quote or list holds no dateline, and a headline
    is none of these nor a separator: the patterns are tried only where the stripped line's first
    character may open one."""
    first = text.strip()
    found = bool(
        parse._HEADING.match(first)
        or parse._QUOTE.match(first)
        or parse._BULLET.match(first)
        or parse._NUMBER.match(first)
        or parse._SEPARATOR.match(first)
    )
    assert not found or parse._may_open_structure(first[:1])
