"""Whether a text is a web copy at all is first told cheaply (``webcopy._surely_no_web_copy``,
from what the decision needs of each line): these tests hold that shortcut to the full decision on
the page of every column (written out here as ``find_article`` made it), on drawn texts, the real
web copies, the corpus's text files, the seed and the benchmark's stories."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from articlekit.prose import furniture, webcopy

from conftest import shared_path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from stories import story_text

HEADLINES = [
    "Harbour Board Backs Night Ferries", "Ferries To Berth At Night, Board Says 12",
    "Night ferries: the vote", "Board Votes On 3 March 2024", "Vote ends 3/4/24 for good",
    "Feared Berth Old Plains On Tuesday After Harbour Near 0", "[Update] Ferries",
    "Ferries back 2 years ago today", "The Harbour", "* Harbour Board Backs Night Ferries",
    "Harbour Board Backs Night Ferries.", "渔船停泊在内港的新规定", "A   table   row   here",
    "\\Protected Headline Here", "Ferries — ", "Welcome to my blog", "Hi",
]  # fmt: skip
HEADERS = [
    "By Jane Doe", "Harbour Gazette, January 1, 2023 —", "Published: March 3, 2024",
    "March 3, 2024", "Updated 10:15 AM EDT, Fri Oct 6, 2023", "3 hours ago", "5 min read",
    "Jane Doe", "Source: Reuters",
]  # fmt: skip
PARAGRAPHS = [
    "Port Aldwin — The harbour board voted on Tuesday to let ferries berth in the inner basin.",
    "Fishermen said the move would crowd the quays and push their boats out to the breakwater, "
    "where the swell is worst in winter and the walk to the fish market is longest.",
    "The board meets again in March.", "Tickets are at the box office.",
    "1. First item in a list of six words here", "- a dash item", "> a quoted line of the story",
    "# A crosshead", "Сегодня совет проголосовал за ночные паромы в гавани города, сказал он.",
    "渔船停泊在内港。渔民说，这一举措将使码头拥挤，把他们的船推到防波堤外。冬天那里的浪最大。",
    "* a starred item that runs on for a while", "*      Spaced marker item",
]  # fmt: skip
FURNITURE = [
    "Leave a Reply", "Your email address will not be published. Required fields are marked *",
    "Comment *", "Name *", "Email *", "Share", "Advertisement", "Most read", "Sign in",
    "* News", "* Sport", "+ Weather", "Menu", "Related", "© 2024 Westcliff Courier",
    "Skip to main content", "Home", "News", "Sport", "Weather",
]  # fmt: skip
LONG_BYLINE = "By Jane Doe and John Roe | Westcliff Courier and Northern Ledger | October 6, 2023."
"""A byline long enough to be prose, and ending a sentence."""
TEXTS = st.one_of(
    st.sampled_from(HEADLINES),
    st.sampled_from(HEADERS),
    st.sampled_from(PARAGRAPHS),
    st.sampled_from(FURNITURE),
    st.just(""),
    st.text(max_size=30),
)
"""Lines of plain articles, web pages and anything between."""


@st.composite
def texts(draw: st.DrawFn) -> list[str]:
    """A plain article's layout (headline, header lines, paragraphs, blank lines between), with
    lines of any kind put anywhere, or lines drawn at random."""
    if draw(st.booleans()):
        return draw(st.lists(TEXTS, max_size=40))
    lines = [draw(st.sampled_from(HEADLINES))]
    lines += draw(st.lists(st.sampled_from(HEADERS), max_size=3))
    lines += draw(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=12))
    lines += draw(st.lists(st.sampled_from(FURNITURE), max_size=6))
    for _ in range(draw(st.integers(0, 4))):
        lines.insert(draw(st.integers(0, len(lines))), draw(TEXTS))
    if draw(st.booleans()):
        lines = [part for line in lines for part in (line, "")]
    return lines


def _decision(lines: list[str]) -> str:
    """The decision that opened ``find_article``: on the page of every column."""
    page = webcopy._describe(lines)
    if not webcopy._is_web_page(page) and not webcopy._late_header_block(
        early := webcopy._Described(page)
    ):
        if not webcopy._headline_below_lines(early):
            return "no web copy"
        if not webcopy._is_web_page(page, everywhere=True):
            return "no web copy"
        return "a headline below its first lines"
    return "a web copy"


def _check(lines: list[str]) -> bool:
    """The shortcut's answer, checked against the full decision."""
    surely = webcopy._surely_no_web_copy(lines)
    if surely:
        assert _decision(lines) == "no web copy", lines
    return surely


@settings(max_examples=1000)
@given(texts())
@example([PARAGRAPHS[1], "Harbour Board Backs Night Ferries", PARAGRAPHS[1], "Share", "Menu"])
@example([PARAGRAPHS[1], "Harbour Board Backs Night Ferries", "Share", "Menu", PARAGRAPHS[1]])
@example(["Harbour Board Backs Night Ferries", "", PARAGRAPHS[1], "", "Share", "Menu"])
@example(["Welcome to my blog", "Harbour Board Backs Night Ferries", PARAGRAPHS[1]])
@example(["Home", "News", "Sport", "Harbour Board Backs Night Ferries", PARAGRAPHS[1]])
@example(["* a", "*      Spaced marker item", "* b", PARAGRAPHS[1]])
@example([f"*{' ' * 40}Harbour", f"*{' ' * 40}Quays", f"•{' ' * 40}Basin", PARAGRAPHS[1]])
@example(  # a title line and a byline that ends a sentence, as third and fourth lines
    ["Harbour Board Backs Night Ferries", "The vote", "Night Ferries Return", LONG_BYLINE]
)
@example(["Hi", "", "Harbour Board Backs Night Ferries", "By Jane Doe", PARAGRAPHS[1]])
@example(  # page lines past the first blocks of the walk
    [
        "Harbour Board Backs Night Ferries",
        *[PARAGRAPHS[1], ""] * 20,
        "Share",
        "",
        "Menu",
        PARAGRAPHS[1],
    ]
)
def test_the_shortcut_says_no_web_copy_only_where_the_full_decision_does(
    lines: list[str],
) -> None:
    _check(lines)


def _lines_of(path: Path) -> list[str]:
    text = path.read_bytes().decode("utf-8", "replace")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def test_the_shortcut_on_every_real_web_copy() -> None:
    copies = sorted(shared_path("corpus", "web").glob("*/webcopy.txt"))
    assert len(copies) >= 100
    for copy in copies:
        lines = _lines_of(copy)
        _check(lines)
        _check(lines[:5])  # (the top of a page alone)


def test_the_shortcut_tells_plain_articles_at_once() -> None:
    """The seed and the benchmark's stories are told by the shortcut (they are what it is for);
    so are the corpus's text files where it can."""
    for path in sorted(shared_path("corpus", "text").glob("*.t*")):
        _check(_lines_of(path))  # (some are wire copy, which the reader never asks about)
    samples = [_lines_of(path) for path in sorted(shared_path("seed").glob("*.txt"))]
    rng = random.Random(7)
    samples += [story_text(rng, index).split("\n") for index in range(50)]
    for lines in samples:
        assert _check(lines), lines[:3]


DATED_TEXTS = st.lists(
    st.sampled_from(["3", "12", "2024", "/", ".", " ", "ago", "years", "March", "Mon", ",", "a"]),
    max_size=10,
).map("".join)


@given(st.one_of(DATED_TEXTS, st.text(max_size=40)))
@example("12.3.24")
@example("3/4/24")
@example("3 years ago")
@example("March 3, 2024")
@example("١٢٣٤")
def test_a_date_is_looked_for_only_where_one_may_be(text: str) -> None:
    if webcopy._DATED.search(text) is not None:
        assert webcopy._may_be_dated(text)


@given(st.lists(TEXTS, max_size=12))
def test_kinds_of_lines_outside_a_page_are_those_of_each_line(lines: list[str]) -> None:
    expected = [furniture.furniture_kind(line) for line in lines]
    assert furniture.furniture_kinds(lines, page=False) == expected


def test_the_decision_pattern_is_that_of_the_finder() -> None:
    """The full decision above reads what find_article's opening reads (if find_article changes
    how it decides, this test and the shortcut change with it)."""
    source = Path(webcopy.__file__).read_text(encoding="utf-8")
    opening = source[source.index("def find_article(") :]
    opening = opening[: opening.index("_read_long_lines(page)")]
    calls = re.findall(r"_(?:is_web_page|late_header_block|headline_below_lines)\([^)]*\)", opening)
    assert calls == [
        "_is_web_page(page)",
        "_late_header_block(early := _Described(page)",
        "_headline_below_lines(early)",
        "_is_web_page(page, everywhere=True)",
    ]


@given(st.lists(TEXTS, max_size=12))
@example(["Share", PARAGRAPHS[1], "Menu", "Harbour Board Backs Night Ferries"])
def test_kinds_kept_from_a_text_are_those_of_each_line(lines: list[str]) -> None:
    """The plain reader asks again about lines the decision judged (the headline, a comment form
    at the end): the kinds kept from that are each line's own."""
    furniture._LATELY.clear()
    expected = [furniture.furniture_kind(line) for line in lines]
    furniture.furniture_kinds(lines, page=False, keep=True)
    assert [furniture.furniture_kind(line) for line in lines] == expected


def test_the_kinds_kept_are_few() -> None:
    for number in range(furniture.LATELY_LIMIT * 3):
        furniture.furniture_kinds([f"Line {number}", "Share"], page=False, keep=True)
    assert len(furniture._LATELY) <= furniture.LATELY_LIMIT
    furniture.furniture_kinds([PARAGRAPHS[1] * 100, "Share"], page=False, keep=True)
    assert PARAGRAPHS[1] * 100 not in furniture._LATELY  # (long lines are not kept)


_BORDERS = [0x41, 0xE9, 0x2014, 0x201C, 0xDFF, 0xE00, 0xE7F, 0xE80, 0x2FFF, 0x3000, 0x303F,
            0x3040, 0x3FFF, 0x4000, 0x9FFF, 0xA000, 0xABFF, 0xAC00, 0xAFFF, 0xB000, 0xCFFF,
            0xD000, 0xD7AF, 0xD7B0, 0xD800, 0xFFFD, 0x1F600, 0x10FFFF]  # fmt: skip


@given(
    st.text(
        st.one_of(st.sampled_from([chr(code) for code in _BORDERS]), st.characters()), max_size=8
    )
)
@example("Westcliff Courier, September 12, 2024 —")
@example("ราคา — 12")
@example("Aragonés · 中文 · 한국어 · ㄱ · 〇 · ꀀ")
def test_unspaced_letters_are_found_as_the_whole_pattern_finds_them(text: str) -> None:
    """The test by a line's highest characters answers as the pattern of every unspaced script."""
    assert webcopy._has_unspaced(text) == (webcopy._UNSPACED.search(text) is not None)


@given(st.text(st.sampled_from("ab .!?;:)”* 1\u4e00\u0e01"), min_size=1, max_size=90))
@example("* " + "a" * 68 + ".")
@example("一" * 23 + "。")
def test_prose_is_told_by_its_end_and_length_as_by_its_measures(text: str) -> None:
    """The look at a line's last character and length rules out only lines its measures do."""
    text = text.strip() or "a"
    content, _, weight = webcopy._measured(text)
    expected = weight >= webcopy.PROSE_LENGTH and webcopy._ends_a_sentence(content)
    assert webcopy._prose(text) == expected


GERMAN_PAGE = [
    "Navigation überspringen",
    "NachrichtenWirtschaftSportKulturWetter",
    "Hafenamt erlaubt Nachtfähren",
    "Das Hafenamt hat am Dienstag beschlossen, dass die Fähren künftig auch nachts im inneren"
    " Becken anlegen dürfen.",
    "Die Fischer fürchten, dass die Kais zu voll werden und ihre Boote an den Wellenbrecher"
    " ausweichen müssen, wo im Winter die See am rauesten ist.",
    "Das könnte Sie auch interessieren",
    "Stadtrat streitet über neue Busspur",
    "Der Stadtrat hat die Abstimmung über die Busspur am Markt erneut vertagt, weil die Händler"
    " noch keine Stellungnahme abgegeben haben.",
]
"""A copied German page whose menu the browser ran together into one line: its skip link and
the heading of its teasers are what show it to be a page."""


def test_a_german_skip_link_shows_a_web_page() -> None:
    """The skip link of German pages ("Navigation überspringen"), as "Skip navigation" is of
    English ones: with one more furniture line above the last paragraph, the text is a page."""
    assert furniture.furniture_kind("Navigation überspringen") == "navigation"
    article = webcopy.find_article(GERMAN_PAGE)
    assert article is not None
    assert article.headline == 2
    assert 0 in article.removed
