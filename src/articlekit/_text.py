"""Small text helpers shared by every module: safe printing of messages, short values."""

from __future__ import annotations

import re


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\ufffe\uffff]")


def printable(text: str) -> str:
    """Escape controls (newlines included) so a message stays one harmless terminal line."""
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
