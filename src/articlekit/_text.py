"""Small text helpers shared by every module: safe printing of messages, short values, patterns
compiled on first use."""

from __future__ import annotations

import re
from typing import Any, cast


class _Lazy:
    """A regular expression compiled when it is first used (see :func:`lazy_pattern`). Its
    first use compiles it and puts the compiled pattern's methods on the instance, so that every
    later call goes straight to them."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:  # only names not on the instance yet
        if name.startswith("__"):  # copy, pickle and the like asking for protocols
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for method in _PATTERN_METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)  # a method, or flags, groups, groupindex


_PATTERN_METHODS = ("search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer")


def lazy_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled on first use: a one-shot conversion pays only
    for the patterns its input needs. Compiling costs more than most uses (0.1 to 5 ms a
    pattern: a character class of a few thousand code points or a long alternation ignoring
    case); of the 160 patterns a text reader holds, a seed-like article uses about 40. Use it
    only where a compiled pattern is asked for its methods, ``pattern``, ``flags``, ``groups``
    or ``groupindex``, not where it is handed to ``re`` itself."""
    return cast("re.Pattern[str]", _Lazy(pattern, flags))


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_UNPRINTABLE = lazy_pattern(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\xad\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064"
    "\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb\ufffe\uffff]"
)
"""Controls, and the characters that do not show but change how a line reads: direction marks,
embeddings, overrides and isolates (U+202E turns ``exe.txt`` round), zero-width spaces, word
joiners, soft hyphens, byte-order marks (not the joiners U+200C and U+200D that scripts need)."""


def printable(text: str) -> str:
    """Escape controls (newlines included) and invisible characters, so that a message stays one
    harmless terminal line that shows everything it holds."""
    if text.isprintable():  # (every character the pattern escapes is one str calls unprintable)
        return text
    return _UNPRINTABLE.sub(_escape, text)


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``"1 line"``, ``"3 lines"``: a count and its noun (plural with an s, unless ``plural``
    says otherwise: ``"text boxes"``) for messages."""
    return f"{count} {noun}" if count == 1 else f"{count} {plural or noun + 's'}"


def shortened(text: str, length: int) -> str:
    """``text`` cut to ``length`` characters with an ellipsis: one line of a report needs only
    the start of a long value."""
    return text if len(text) <= length else text[: length - 1] + "…"


def title_says_more(title: str | None, text: str, target: str) -> bool:
    """Whether a link's ``title`` (its tooltip) says what its ``text`` and ``target`` do not: the
    model has no place for it, and one that repeats either, in any case or spacing, is no loss."""
    said = " ".join((title or "").split()).casefold()
    return bool(said) and said not in (" ".join(text.split()).casefold(), target.casefold())


def valid_percent_escapes(value: str) -> bool:
    """Whether every ``%`` in a URI starts an escape of two hexadecimal digits."""
    return all(
        len(part) >= 2 and all(char in "0123456789abcdefABCDEF" for char in part[:2])
        for part in value.split("%")[1:]
    )
