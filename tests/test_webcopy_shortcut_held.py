"""The decision shortcut (``webcopy._surely_no_web_copy``) held to the code it stands in for:
its helpers to the columns of ``_describe`` line by line, its answer to what ``find_article``
finds without it (on texts crossing the borders of its walk's blocks and of ``LATE_REACH``),
and the kinds it keeps for the plain reader (``furniture._LATELY``) to ``furniture_kind``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from articlekit.prose import furniture, webcopy

from conftest import shared_path

TITLE = "Harbour Board Backs Night Ferries"
PROSE = "The harbour board voted on Tuesday to let ferries berth in the inner basin, he said."
LONG_BYLINE = "By Jane Doe and John Roe | Westcliff Courier and Northern Ledger | October 6, 2023."
"""A byline long enough to be prose, and ending a sentence."""
BORDERS = (8, 40, 168)
"""Where the shortcut's walk starts a new block of lines (8 lines, then four times as many)."""


def _helpers_agree(text: str) -> None:
    """Each helper of the shortcut gives what ``_describe`` puts in its column for ``text``."""
    described = webcopy._Described(webcopy._describe([text]))
    _agree(text, described.page.rows[0], webcopy._title(described[0]))


def _agree(text: str, row: webcopy._Row, title: bool) -> None:
    """The helpers on ``text`` give its ``row`` of ``_describe`` and whether it is a ``title``."""
    content, marked, weight = webcopy._measured(text)
    assert (content, marked, weight) == (
        row[webcopy._CONTENT],
        row[webcopy._MARKED],
        row[webcopy._WEIGHT],
    ), text
    words = webcopy._count_words(content, weight)
    assert words == row[webcopy._WORDS], text
    sentence = webcopy._ends_a_sentence(content)
    assert sentence == row[webcopy._SENTENCE], text
    prose = row[webcopy._WEIGHT] >= webcopy.PROSE_LENGTH and row[webcopy._SENTENCE]
    assert webcopy._prose(text) == prose, text
    assert webcopy._shaped(text) == row[webcopy._SHAPED], text
    assert webcopy._titled(content, marked, sentence, weight, words) == title, text
    if webcopy._DATED.search(content) is not None:
        assert webcopy._may_be_dated(content), text


MARKERS = ["", "", "* ", "+ ", "• ", "1. ", "12) ", "*", "o ", "- "]
PIECES = [
    "harbour", "Board", "ferry", "渔船停泊", "在内港", "ภาษาไทย", "ความ", "паромы", "Ω", "한국어",
    "12", "2024", "3/4/24", "ago", "By", "Mr.", "(AP)", "—", ",", " ", "  ", "   ", "\u00a0",
]  # fmt: skip
ENDINGS = ["", "", ".", "!", "?", "。", "…", ";", ":", '."', ".”", ")", ". (AP)", "e.g.", "|", "-"]
LENGTHS = sorted(
    {
        *range(webcopy.PROSE_LENGTH - 3, webcopy.PROSE_LENGTH + 3),
        *range(38, 43),
        *range(webcopy.HEADLINE_LIMIT - 3, webcopy.HEADLINE_LIMIT + 3),
        *range(webcopy.TAIL - 3, webcopy.TAIL + 3),
        *range(8, 12),
        1,
        3,
    }
)


@st.composite
def line_texts(draw: st.DrawFn) -> str:
    """A line's text: a list marker or none, words of several alphabets (CJK and Thai weigh
    three) cut to a length around a threshold, and a line ending."""
    if draw(st.integers(0, 5)) == 0:
        body = draw(st.text(min_size=1, max_size=60))
    else:
        words = draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12))
        body = " ".join(words)
        length = draw(st.sampled_from(LENGTHS))
        body = (body * (length // max(len(body), 1) + 1))[:length]
    bracketed = draw(st.integers(0, 4)) == 0
    ending = (
        ". (" + "A" * draw(st.integers(30, 42)) + ")"
        if bracketed
        else draw(st.sampled_from(ENDINGS))
    )
    text = (draw(st.sampled_from(MARKERS)) + body + ending).strip()
    return text or "x"


@settings(max_examples=400, deadline=None)
@given(line_texts())
@example(TITLE)
@example("* " + TITLE)
@example(PROSE)
@example("The harbour board voted on Tuesday to let ferries berth in the basin. (" + "A" * 36 + ")")
@example("The harbour board voted on Tuesday to let ferries berth in the basin. (" + "A" * 37 + ")")
@example("渔船停泊在内港的新规定")
@example("渔船停泊在内港。渔民说，这一举措将使码头拥挤，把他们的船推到防波堤外。冬天那里的浪最大。")
@example("ภาษาไทยภาษาไทยภาษาไทย ภาษาไทย")
@example("News 24")
@example("By Jane Doe")
@example("Board Votes On 3 March 2024")
@example("1. First item in a list of six words here")
@example("*      Spaced marker item")
@example(f"*{' ' * 40}Harbour")
@example(LONG_BYLINE)
def test_each_helper_is_its_column_of_describe(text: str) -> None:
    _helpers_agree(text)


def _lines_of(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _web_copy_lines() -> Iterator[str]:
    for path in sorted(shared_path("corpus", "web").glob("*/webcopy.txt")):
        yield from _lines_of(path.read_bytes().decode("utf-8", "replace"))


def test_each_helper_is_its_column_on_every_line_of_the_real_copies() -> None:
    """Every distinct line of the real web copies (one ``_describe`` of them all: a row is what
    its text alone makes it)."""
    texts = list(dict.fromkeys(filter(None, map(str.strip, _web_copy_lines()))))
    assert len(texts) > 1000
    page = webcopy._describe(texts)
    described = webcopy._Described(page)
    for position, text in enumerate(texts):
        _agree(text, page.rows[position], webcopy._title(described[position]))


# --- the shortcut against find_article without it ----------------------------------------------


def _found_without_shortcut(lines: list[str]) -> bool:
    """Whether ``find_article`` finds a web copy when the full decision alone tells."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(webcopy, "_surely_no_web_copy", lambda lines, judged=None: False)
        return webcopy.find_article(lines) is not None


def _held(lines: list[str]) -> None:
    """The shortcut says "no web copy" only where ``find_article`` without it finds none (and the
    decision at its start says so)."""
    if webcopy._surely_no_web_copy(lines):
        assert not _found_without_shortcut(lines), lines
        page = webcopy._describe(lines)
        early = webcopy._Described(page)
        assert not webcopy._is_web_page(page), lines
        assert not webcopy._late_header_block(early), lines
        if webcopy._headline_below_lines(early):
            assert not webcopy._is_web_page(page, everywhere=True), lines


def _missed(text: str) -> None:
    """A text that is a web copy, which the shortcut must not call no web copy."""
    lines = _lines_of(text)
    assert _found_without_shortcut(lines)
    assert webcopy.find_article(lines) is not None
    assert not webcopy._surely_no_web_copy(lines)


def test_a_title_and_byline_at_the_late_reach() -> None:
    """The title line at ``LATE_REACH - 1`` with its byline at ``LATE_REACH`` (mutant a)."""
    _missed(
        "Intro line one\n"
        + "".join(f"Note {i} of 12\n" for i in range(1, 79))
        + f"{TITLE}\nBy Jane Doe\n{PROSE}\nShare\nMenu"
    )


def test_a_menu_run_across_the_first_block_border() -> None:
    """A menu of three lines whose first stands in the first block of the walk (mutant b)."""
    notes = "".join(f"Note {i} here\n" for i in range(1, 6))
    _missed(f"{TITLE}\n{notes}News\nSport\nWeather\n{PROSE}")


def test_a_marked_first_line_is_no_title() -> None:
    """``* Title`` is a list item, not a headline: the title below it is (mutant c)."""
    _missed(f"* {TITLE}\nNight Ferries Return\n{PROSE}\nShare\nMenu")


def test_a_sentence_end_read_from_the_last_forty_characters() -> None:
    """A stop before a bracketed word, forty characters from the end (mutant d)."""
    _missed(
        f"{TITLE}\nHome\nNews\nSport\n"
        "The harbour board voted on Tuesday to let ferries berth in the basin. (" + "A" * 36 + ")"
    )


@pytest.mark.parametrize("filler", [*range(74, 82), 6, 7, 8, 38, 39, 40, 166, 167])
def test_a_title_and_byline_below_filler(filler: int) -> None:
    """A title line with a byline under it, below ``filler`` lines: around ``LATE_REACH`` and the
    walk's block borders."""
    notes = "".join(f"Note {i} of 12\n" for i in range(1, filler + 1))
    lines = _lines_of(f"Intro line one\n{notes}{TITLE}\nBy Jane Doe\n{PROSE}\nShare\nMenu")
    _held(lines)
    if filler + 1 < webcopy.LATE_REACH:  # (the title within the reach: a late header block)
        assert not webcopy._surely_no_web_copy(lines)


@pytest.mark.parametrize("border", BORDERS)
@pytest.mark.parametrize("shift", [-3, -2, -1, 0, 1])
def test_a_menu_run_across_each_block_border(border: int, shift: int) -> None:
    """A menu of three lines starting ``shift`` lines from a border of the walk's blocks."""
    notes = [f"Note {i} here" for i in range(1, border + shift)]
    lines = [TITLE, *notes, "News", "Sport", "Weather", PROSE]
    assert _found_without_shortcut(lines)
    assert not webcopy._surely_no_web_copy(lines)


BLOCKS = {
    "title": [TITLE],
    "marked title": ["* " + TITLE],
    "titles": [TITLE, "Night Ferries Return"],
    "menu": ["News", "Sport", "Weather"],
    "marked menu": ["* News", "* Sport", "+ Weather", "• Travel"],
    "short menu": ["Home", "News"],
    "furniture": ["Share"],
    "more furniture": ["Advertisement", "Menu"],
    "byline": ["By Jane Doe"],
    "date": ["March 3, 2024"],
    "prose": [PROSE],
    "bracketed prose": [
        "The harbour board voted on Tuesday to let ferries berth in the basin. (" + "A" * 36 + ")"
    ],
    "list": ["1. First item in a list of six words here", "2. Second item in the same list"],
    "quote": ["> a quoted line of the story"],
    "cjk": ["渔船停泊在内港的新规定"],
    "long byline": [LONG_BYLINE],
    "spaced marked menu": [f"*{' ' * 40}Harbour", f"*{' ' * 40}Quays", f"•{' ' * 40}Basin"],
    "blank": [""],
    "blanks": ["", ""],
}


@st.composite
def block_texts(draw: st.DrawFn) -> list[str]:
    """Blocks of title lines, menus, furniture, bylines, prose and blank lines, with runs of
    filler lines (neither prose nor menu items nor furniture) that carry the blocks across the
    walk's borders and ``LATE_REACH``."""
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 8))):
        if draw(st.integers(0, 3)) == 0:
            count = draw(st.one_of(st.integers(0, 12), st.sampled_from([*BORDERS, 78, 79, 80])))
            target = draw(st.sampled_from([*BORDERS, webcopy.LATE_REACH, 0]))
            if target > len(lines) and draw(st.booleans()):
                count = target - len(lines) + draw(st.integers(-3, 1))
            lines += [f"Note {i} of 12" for i in range(max(count, 0))]
        lines += BLOCKS[draw(st.sampled_from(sorted(BLOCKS)))]
    return lines


@settings(max_examples=250, deadline=None)
@given(block_texts())
@example(["Intro line one", *[f"Note {i} of 12" for i in range(1, 79)], TITLE, "By Jane Doe"])
@example([TITLE, *[f"Note {i} here" for i in range(1, 6)], "News", "Sport", "Weather", PROSE])
@example(["* " + TITLE, "Night Ferries Return", PROSE, "Share", "Menu"])
@example([TITLE, "Home", "News", "Sport", BLOCKS["bracketed prose"][0]])
@example([TITLE, "The vote", "Night Ferries Return", LONG_BYLINE, PROSE])
@example([*BLOCKS["spaced marked menu"], PROSE])
@example([TITLE, "Share", "Advertisement", PROSE])
def test_the_shortcut_holds_on_blocks_of_lines(lines: list[str]) -> None:
    _held(lines)


def test_lines_a_person_lays_out_are_no_menu() -> None:
    """Dashed items, numbered items and quotes of a plain article are told by the shortcut."""
    lines = [TITLE, PROSE, "- one", "- two", "- three", "1. Ferries", "2. Quays", "> quoted", PROSE]
    assert webcopy._surely_no_web_copy(lines)
    assert not _found_without_shortcut(lines)


# --- the kinds kept for the plain reader ------------------------------------------------------


def test_kept_kinds_answer_only_the_question_in_no_language() -> None:
    """A kind kept from a text (in no language) is not the answer in a language (mutant e)."""
    furniture._LATELY.clear()
    assert furniture.furniture_kind("Werbung", "en") is None
    furniture.furniture_kinds(["Werbung"], page=False, keep=True)
    assert furniture.furniture_kind("Werbung", "en") is None
    assert furniture.furniture_kind("Werbung") == furniture.furniture_kind("Werbung", None)


@given(st.lists(st.sampled_from(["Werbung", "Share", "Teilen", "Menu", TITLE, "Anzeige"])))
@settings(max_examples=50, deadline=None)
def test_kept_kinds_are_each_lines_own_in_every_language(lines: list[str]) -> None:
    furniture._LATELY.clear()
    languages = [None, "en", "de", "fr"]
    expected = {
        (line, code): furniture.furniture_kind(line, code) for line in lines for code in languages
    }
    furniture.furniture_kinds(lines, page=False, keep=True)
    assert {
        (line, code): furniture.furniture_kind(line, code) for line in lines for code in languages
    } == expected


def test_kinds_in_a_language_are_not_kept() -> None:
    """Kinds judged in a language are not the answers in no language."""
    furniture._LATELY.clear()
    furniture.furniture_kinds(["Share", "Werbung"], "de", page=False, keep=True)
    assert furniture.furniture_kind("Share") == "share"
    assert furniture.furniture_kind("Werbung") == "advertisement"


def test_kept_kinds_are_those_of_the_very_line() -> None:
    """A line with spaces around it is another line (here too long to be furniture)."""
    furniture._LATELY.clear()
    furniture.furniture_kinds(["Related"], page=False, keep=True)
    padded = " " * furniture.PREFIX_LIMIT + "Related"
    assert furniture.furniture_kind(padded) is None
    long_line = PROSE * 3
    furniture.furniture_kinds([long_line, "Share"], page=False, keep=True)
    assert long_line not in furniture._LATELY  # (long lines are not kept)


def test_the_kept_kinds_stay_bounded() -> None:
    """``_LATELY`` holds at most ``LATELY_LIMIT`` lines (it is emptied when a text's lines would
    not fit; a text's first lines are kept)."""
    furniture._LATELY.clear()
    for number in range(furniture.LATELY_LIMIT * 3):
        furniture.furniture_kinds(
            [f"Line {number}", f"Other {number}", "Share"], page=False, keep=True
        )
        assert len(furniture._LATELY) <= furniture.LATELY_LIMIT
        assert f"Line {number}" in furniture._LATELY  # (a text's first line is always kept)
    many = [f"Row {number}" for number in range(furniture.LATELY_LIMIT * 2)]
    furniture.furniture_kinds(many, page=False, keep=True)
    assert len(furniture._LATELY) <= furniture.LATELY_LIMIT
    furniture.furniture_kinds(["Share"], page=False, keep=True)
    assert len(furniture._LATELY) <= furniture.LATELY_LIMIT
