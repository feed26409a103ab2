"""``furniture_kinds`` answers exactly what ``furniture_kind`` answers line by line: on lines made
from the tables' own phrases with every disguise phrase_key sees through (list markers, counts,
case, odd spaces, punctuation, "...", teaser endings, non-ASCII case traps), on random text, and on
every line of the real web copies in ../shared/corpus/web. The facts the screen's proof rests on
(what case folding does to spaces, digits and punctuation) are checked for every code point."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from articlekit.prose import furniture

from conftest import shared_path

WORDS = sorted(
    {phrase for kinds in furniture.PHRASES.values() for found in kinds.values() for phrase in found}
    | {
        prefix
        for kinds in furniture.PREFIXES.values()
        for found in kinds.values()
        for prefix in found
    }
    | set(furniture._NETWORKS)
    | set(furniture.COMMENT_BUTTONS)
    | set(furniture._TEASER_LINKS)
)
DISGUISES = [
    "* ", "+ ", "+", "- ", "• ", "▪ ", "►", "> ", "» ", "› ", "— ", "1. ", "12) ", "123. ", "1.",
    " (12)", " 12", "(3)", " [4]", " 1.2k", " 5M", " 3 ", ": ", ":", "|", " | ", "/", ", ", ",",
    "·", " · ", "…", "...", "....", ". ", "!", "?", " »", " ›", "→", " >>", "[…]", "(", ")", "[",
    "]", "©", "℗", "(c) ", "【", "（", "】", "）", "：", "  ", "\t", "\xa0", "\u3000", "\u2009",
    "\x1f", "\n", "ß", "ẞ", "İ", "ı", "K", "ſ", "ﬁ", "Σ", "ς", "人工智能", "编辑：", "责任编辑",
    "Новости", "Поделиться", "٣", "²", "x", "X", "The council met on Tuesday.", "the", "and",
    "Story", "Reader 12", " comments", " Kommentare", "12 comments", "3 shares", "@jane",
    ". More", ". Read more »", "! Weiterlesen …", '" Full story', ". Leia mais […]", "cookies",
    "We use cookies to improve your experience.", "Copyright", "copyright©", "e-mail", "+1",
    "Google+", "Sign In", "SKIP TO CONTENT", "Menü", "schließen", "SCHLIESSEN",
]  # fmt: skip
CASES = [str, str.upper, str.title, str.swapcase, str.capitalize]


@st.composite
def lines(draw: st.DrawFn) -> str:
    """A line of table words, disguises and random text, in some case."""
    parts = draw(
        st.lists(
            st.one_of(
                st.sampled_from(WORDS),
                st.sampled_from(DISGUISES),
                st.text(max_size=6),
            ),
            min_size=0,
            max_size=6,
        )
    )
    line = draw(st.sampled_from(CASES))("".join(parts))
    if draw(st.integers(0, 9)) == 0:  # a paragraph: only teasers and cookie notices count
        line = line + " " + "The harbour board met on Tuesday evening. " * draw(st.integers(3, 6))
    return line


@given(st.lists(lines(), max_size=12), st.sampled_from([None, "en", "de", "fr", "zh", "pt-BR"]))
@example(["+1", "* +1", "+...1", "1. +1", "+ 1 comments", "1. 12 comments"], None)
@example(
    ["Comments(12) 5", "Facebook | X", "facebook, twitter", "Google+", "tags:", "Tags:x"], None
)
@example(["Related story 61 about the harbour", "Related:", "Related (3)", "ok, got it"], "en")
@example(
    ["© 2024 Courier", "(c) 2024", "【责任编辑：王小明】", "Me...nu", "Menu...", "Sh...are"], None
)
@example(["The vote is on. More", "Foo. Read  more »", "Foo.\tWeiterlesen", "Foo! More […]"], None)
@example(["SCHLIESSEN", "Schließen", "İmprint", "K", "ſhare", "Share\u3000on Facebook"], "de")
@example(["Skip ...to content", "Skip t...o content", "Sk...ip to content", "Share ... on X"], None)
@example(["Facebook Google+", "Twitter Google+ »", "Email ▪", "WhatsApp +1"], None)
@example(
    ["12 Comments", "3 SHARES", "1,204 views", "5 Kommentare", "2 ſhares", "7 (comments)"], "de"
)
def test_furniture_kinds_are_those_of_each_line(texts: list[str], language: str | None) -> None:
    expected = [furniture.furniture_kind(text, language) for text in texts]
    assert furniture.furniture_kinds(texts, language) == expected
    assert furniture._screened_kinds(texts, language) == expected  # (a first page skips it)


def test_furniture_kinds_of_every_table_word_in_disguise() -> None:
    """Each phrase, prefix, network and teaser link alone and in the usual disguises."""
    texts = []
    for word in WORDS:
        for case in CASES:
            line = case(word)
            texts += [line, f"* {line}", f"1. {line}", f"{line} (12)", f"{line}:", f"+{line}"]
            texts += [
                f"  {line}\t",
                line.replace(" ", "\xa0"),
                line.replace(" ", " ..."),
                line[:-1],
            ]
            texts += [f"{line} the harbour", f"{line}, the harbour.", f"Foo. {line} »"]
    for language in (None, "en", "de", "es"):
        expected = [furniture.furniture_kind(text, language) for text in texts]
        assert furniture.furniture_kinds(texts, language) == expected


@given(st.lists(st.text(), max_size=8))
def test_furniture_kinds_of_random_text(texts: list[str]) -> None:
    expected = [furniture.furniture_kind(text) for text in texts]
    assert furniture.furniture_kinds(texts) == expected
    assert furniture._screened_kinds(texts, None) == expected


def test_furniture_kinds_of_every_line_of_the_real_web_copies() -> None:
    root = shared_path("corpus", "web")
    copies = sorted(root.glob("*/webcopy.txt"))
    assert copies, f"no web copies under {root}"
    checked = 0
    for copy in copies:
        raw = copy.read_text(encoding="utf-8").splitlines()
        stripped = list(dict.fromkeys(line.strip() for line in raw if line.strip()))
        for texts in (stripped, raw):
            expected = [furniture.furniture_kind(text) for text in texts]
            assert furniture.furniture_kinds(texts) == expected, copy.parent.name
            checked += len(texts)
        for language in ("en", "de", "fr"):
            expected = [furniture.furniture_kind(text, language) for text in stripped]
            assert furniture.furniture_kinds(stripped, language) == expected, copy.parent.name
    assert checked > 10_000


def test_the_screen_knows_every_space() -> None:
    spaces = {chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()}
    assert set(furniture._SPACES) == spaces


@pytest.mark.parametrize("low, high", [(0, 0x30000), (0x30000, sys.maxunicode + 1)])
def test_case_folding_keeps_what_the_screen_cuts_at(low: int, high: int) -> None:
    """Spaces, digits, edge characters and stops fold to themselves; no other character folds into
    one of them (so a line's words and cuts are where they were before folding)."""
    special = set(furniture._EDGE) | set(furniture._STOPS)
    for code in range(low, high):
        char = chr(code)
        folded = char.casefold()
        if char in special or char.isspace() or char.isdecimal():
            assert folded == char, hex(code)
        else:
            assert not any(
                part in special or part.isspace() or part.isdecimal() for part in folded
            ), hex(code)


def test_the_screen_has_no_loose_openings_today() -> None:
    """Every prefix without a space has a stop (``tags:``, ``©``): the fast look needs no
    ``startswith`` (it would still be right with one, only slower)."""
    assert furniture._screen().loose == ()


_MARKER_BEFORE = re.compile(r"^(?:[*+•·▪►>»›\-–—]+|\d{1,3}[.)])\s+")
_COUNT_BEFORE = re.compile(r"(?:\s*[(\[]\s*\d[\d.,]*\s*[)\]]|\s+\d[\d.,]*[km]?)+$", re.IGNORECASE)


def _phrase_key_before(line: str) -> str:
    """phrase_key as it was before its marker and count shortcuts (the reference)."""
    if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
        text = line.casefold()
    else:
        text = " ".join(line.split()).casefold()
    if text[:1] in furniture._MARKER_STARTS:
        text = _MARKER_BEFORE.sub("", text, count=1)
    text = text.replace("...", "").strip(furniture._CLOSING)
    if text[-1:].isdigit() or text[-1:] in ")]":
        text = _COUNT_BEFORE.sub("", text).strip(furniture._CLOSING)
    return text


@given(st.lists(lines(), max_size=12))
@example(["** Menu", "*Menu", "* * Menu", "*\t Menu", "-- a", "1. a", "1234. a", "+ ", "* "])
@example(["Menu (12) 5", "Menu 1.2k", "Menu ١٢", "Menu\u3000(3)", "Menu(3)", "Menu 3K", "(12)"])
@example(["a \u212a", "Menu 1 2 3 4", "Menu ( 1 )", "Menu [2] [3]", "٣ 4", "Menu 12k m"])
def test_phrase_key_is_what_it_was(texts: list[str]) -> None:
    for text in texts:
        assert furniture.phrase_key(text) == _phrase_key_before(text)
