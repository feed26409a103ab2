"""Small text helpers shared by every module: safe printing of messages, short values."""

from __future__ import annotations

import re


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\xad\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064"
    "\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb\ufffe\uffff]"
)
"""Controls, and the characters that do not show but change how a line reads: direction marks,
embeddings, overrides and isolates (U+202E turns ``exe.txt`` round), zero-width spaces, word
joiners, soft hyphens, byte-order marks (not the joiners U+200C and U+200D that scripts need)."""


def printable(text: str) -> str:
    """Escape controls (newlines included) and invisible characters, so that a message stays one
    harmless terminal line that shows everything it holds."""
    return _UNPRINTABLE.sub(_escape, text)


def shortened(text: str, length: int) -> str:
    """``text`` cut to ``length`` characters with an ellipsis: one line of a report needs only
    the start of a long value."""
    return text if len(text) <= length else text[: length - 1] + "…"


def valid_percent_escapes(value: str) -> bool:
    """Whether every ``%`` in a URI starts an escape of two hexadecimal digits."""
    return all(
        len(part) >= 2 and all(char in "0123456789abcdefABCDEF" for char in part[:2])
        for part in value.split("%")[1:]
    )
