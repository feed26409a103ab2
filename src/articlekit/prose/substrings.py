"""Whether a text holds any of a set of words, told at the cost that suits its length.

Readers ask of many lines whether one of a dozen or more words stands in them (a caption's
"photo" or "credit", page chrome's "share" or "video"). One substring search per word costs a
call each, which is most of the time on a short line; one pattern (the words as alternatives)
costs a step per character, which is more on a long one. :class:`AnyOf` takes the pattern up to
:data:`SHORT_TEXT` characters and the searches beyond; both say the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SHORT_TEXT = 120
"""Texts up to this long are searched with the pattern (measured: the two cost the same at about
130 characters for twenty words)."""


class AnyOf:
    """``any(word in text for word in words)``, faster."""

    __slots__ = ("pattern", "words")

    def __init__(self, words: Iterable[str]) -> None:
        self.words = tuple(words)
        self.pattern = re.compile("|".join(map(re.escape, self.words)))

    def __call__(self, text: str) -> bool:
        if len(text) <= SHORT_TEXT:
            return self.pattern.search(text) is not None
        return any(map(text.__contains__, self.words))
