"""What the line judges need to know of scripts other than Latin: how their sentences end, and
which script writes no sentence end at all."""

from __future__ import annotations

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
