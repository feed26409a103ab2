"""What the line judges need to know of scripts other than Latin: how their sentences end, which
script writes none, and the direction marks that right-to-left text carries (none of which shows
or changes what a line says)."""

from __future__ import annotations

import unicodedata

SENTENCE_STOPS = "।॥။؟۔։።፧།។\u037e｡．"
"""Sentence ends of other scripts, beside ``.!?`` and the CJK ``。！？`` the judges know: the
danda and double danda (Hindi, Bengali, Nepali...), the Burmese full stop, the Arabic question
mark, the Urdu full stop, the Armenian full stop, the Ethiopic full stop and question mark, the
Tibetan shad, the Khmer khan, the Greek question mark (which looks like ``;``), and the half- and
full-width full stops of CJK text."""
FULL_STOPS = "।॥။۔։።།។｡．"
"""Those of :data:`SENTENCE_STOPS` that end a statement (a title may end with a question mark,
never with a full stop)."""

THAI_PROSE_LETTERS = 84
"""Thai letters that make a line prose although it ends with no mark (Thai writes none: a space
parts its sentences, and the paragraph just stops): more than a headline holds (the web-copy
reader's longest weighs 250, a Thai letter three), about 17 words."""
THAI_SHARE = 0.75
"""The least share of a line's characters (spaces aside) that are Thai for it to be read so."""
THAI_WORD = 0.2
"""Words a Thai letter counts for (a word has about five: a consonant, a vowel sign, a tone mark
make a syllable, and most words have one or two)."""
THAI = frozenset(map(chr, range(0x0E01, 0x0E5C)))
"""The characters of the Thai block (letters, vowel signs, tone marks, digits)."""


def unmarked_prose(content: str) -> bool:
    """Whether a line that ends with no sentence mark is a paragraph of Thai: long, and most of
    it Thai letters (a Latin name or a number among them does not matter)."""
    thai = sum(map(THAI.__contains__, content))
    if thai < THAI_PROSE_LETTERS:
        return False
    return thai >= THAI_SHARE * (len(content) - content.count(" "))


BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Direction marks (the Arabic letter mark, LRM, RLM), embeddings, overrides, their closing PDF,
and isolates: characters that do not show and only steer the order in which a line's letters are
laid out. Pages of right-to-left text hold them at the ends of lines, and copies keep them."""
_NO_BIDI = dict.fromkeys(map(ord, BIDI_CONTROLS))
DIRECTION_MARKS = "\u200e\u200f\u061c"
"""The marks among them (no embedding to close): LRM, RLM and the Arabic letter mark."""
_STRONG = frozenset({"L", "R", "AL"})
"""The bidirectional classes of letters (strong characters)."""
LEFT_TO_RIGHT_MARK = "\u200e"


def holds_bidi(text: str) -> bool:
    """Whether ``text`` holds any of :data:`BIDI_CONTROLS` (told by one look at its characters
    when it is ASCII)."""
    return not text.isascii() and any(map(text.__contains__, BIDI_CONTROLS))


def without_bidi(text: str) -> str:
    """``text`` less its :data:`BIDI_CONTROLS`: the line as it is to be judged (its length, its
    end, its words)."""
    return text.translate(_NO_BIDI)


def without_idle_marks(line: str) -> tuple[str, int]:
    """``line`` less the direction marks at its ends that change nothing, and how many went. A
    mark at an end steers the characters between it and the letter nearest to it, and the
    line's own direction; when the first and the last letters of the line already run the mark's
    way, the Unicode bidirectional algorithm lays the line out the same without it (the marks a
    page of Arabic or Hebrew puts around each line). Any other mark stays: inside the line, or
    at an end beside letters that run the other way (an Arabic line that opens with a Latin name
    needs its RLM)."""
    core = line.strip()
    body = core.strip(DIRECTION_MARKS)
    if body == core:
        return line, 0
    strong = [kind for kind in map(unicodedata.bidirectional, body) if kind in _STRONG]
    if not strong:
        return line, 0
    right_to_left = strong[0] != "L"
    if (strong[-1] != "L") != right_to_left:
        return line, 0  # (the line's two ends run different ways: each mark may matter)
    marks = (
        core[: len(core) - len(core.lstrip(DIRECTION_MARKS))]
        + core[len(core.rstrip(DIRECTION_MARKS)) :]
    )
    if any((mark != LEFT_TO_RIGHT_MARK) != right_to_left for mark in marks):
        return line, 0
    start = line.index(core)
    return line[:start] + body + line[start + len(core) :], len(marks)
