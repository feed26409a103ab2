"""Whether a text holds any of a set of words, told in one pass over it.

Readers ask of many lines whether one of a dozen or more words stands in them (a caption's
"photo" or "credit", page chrome's "share" or "video"). One substring search per word costs a
call and a pass each; one pattern of the words as alternatives tries them all at every letter
that opens one (most letters, for twenty words). :class:`AnyOf` makes the pattern stop at few
characters: the regular-expression engine skips ahead to the characters that can open a match,
so each word is looked for from its rarest letter, then the letter after it, then the letters
before them behind (``pt(?<=capt)ion`` for "caption"). Text is mostly common letters, which the
engine passes over without trying a word: about half the cost of either other way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from articlekit._text import lazy_pattern

_COMMON_FIRST = " etaoinsrhldcumfpgwybvkxjqz"
"""The space and the lower-case letters from the most to the least frequent in the languages read
(English order); any other character is rarer than all of them."""


def _rarity(char: str) -> int:
    found = _COMMON_FIRST.find(char)
    return len(_COMMON_FIRST) if found < 0 else found


def rare_first_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern that finds any of ``words`` (none empty), each found from its rarest character:
    ``search(text) is not None`` exactly when ``any(word in text for word in words)``."""
    by_anchor: dict[str, list[str]] = {}
    for word in dict.fromkeys(words):
        if not word:
            raise ValueError("an empty word is in every text")
        at = max(range(len(word)), key=lambda index: _rarity(word[index]))  # the first rarest
        rest = word[at + 1 :]
        if at == 0:
            found = re.escape(rest)
        elif rest:  # the next character first, which most often fails at once
            found = re.escape(rest[0]) + f"(?<={re.escape(word[: at + 2])})" + re.escape(rest[1:])
        else:
            found = f"(?<={re.escape(word)})"
        by_anchor.setdefault(word[at], []).append(found)
    branches = [
        re.escape(anchor) + (f"(?:{'|'.join(rests)})" if len(rests) > 1 else rests[0])
        for anchor, rests in by_anchor.items()
    ]
    return lazy_pattern("|".join(branches))


class AnyOf:
    """``any(word in text for word in words)``, faster."""

    __slots__ = ("pattern", "words")

    def __init__(self, words: Iterable[str]) -> None:
        self.words = tuple(words)
        self.pattern = rare_first_pattern(self.words)

    def __call__(self, text: str) -> bool:
        return self.pattern.search(text) is not None
