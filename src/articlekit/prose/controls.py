"""Characters that must not reach an article: controls, terminal escapes, non-characters."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from articlekit._text import lazy_pattern

if TYPE_CHECKING:
    from articlekit.registry import Context

# C0 and C1 controls except TAB, LF and CR, DEL, lone surrogates, and the non-characters U+FFFE and
# U+FFFF. None belongs in an article, none may reach a terminal unescaped, and XML cannot hold any
# of them but the C1 range, so a writer could not write them.
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
_CONTROL = lazy_pattern(f"[{_CONTROLS}]")
# Terminal escape sequences (CSI, OSC, and two-character escapes) go as a whole, so that no
# printable tail such as "[31m" is left behind; one pattern with the single controls after them,
# so that text is scanned once.
_UNWANTED = lazy_pattern(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[@-Z\\-_]"  # two-character sequences
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    f"|[{_CONTROLS}]"
)


_ASCII_CONTROLS = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_LATIN1_CONTROLS = _ASCII_CONTROLS + bytes(range(0x80, 0xA0))


def marking_table(marked: bytes) -> bytes:
    """A ``bytes.translate`` table that turns each byte of ``marked`` (NUL among them) into NUL
    and keeps every other byte, for :func:`holds_marked`."""
    if 0 not in marked:
        raise ValueError("NUL must be among the marked bytes")
    return bytes(0 if byte in marked else byte for byte in range(256))


def holds_marked(data: bytes, table: bytes) -> bool:
    """Whether ``data`` holds a byte that ``table`` (a :func:`marking_table`) marks: one pass of
    ``bytes.translate`` with nothing to delete (its fast path, which hands ``data`` itself back
    when no byte changes) and a search for NUL (memchr); about 40% fewer instructions than
    counting what a translation that deletes the marked bytes leaves."""
    return 0 in data.translate(table)


_ASCII_CONTROL_MARKS = marking_table(_ASCII_CONTROLS)
_LATIN1_CONTROL_MARKS = marking_table(_LATIN1_CONTROLS)
_SEARCHED_BYTE_BY_BYTE = 2048
"""Bytes from which :func:`utf8_has_control` looks for each ASCII control with its own search
(memchr, a few dozen bytes an instruction) rather than translating every byte: about 80 ns a
search, thirty searches, against about 1 ns a byte (a whole document's bytes, not a line's)."""


def has_control(text: str) -> bool:
    """Whether ``text`` holds a character that must not appear in article text; several times
    faster than :func:`find_control` on clean text (the common case), with the same answer."""
    if text.isascii():  # known without a scan; then one pass of bytes.translate in C
        return holds_marked(text.encode("ascii"), _ASCII_CONTROL_MARKS)
    if text.isprintable():
        return False
    # A few passes in C, each faster than the pattern's: the controls up to U+009F are bytes of
    # the text's first 256 characters; a lone surrogate cannot be encoded; two non-characters.
    if holds_marked(text.encode("latin-1", "ignore"), _LATIN1_CONTROL_MARKS):
        return True
    try:
        text.encode("utf-16-le")
    except UnicodeEncodeError:
        return True
    return "\ufffe" in text or "\uffff" in text


_C1_UTF8 = b"\xc2[\x80-\x9f]"
"""A C1 control (U+0080 to U+009F) in UTF-8 (compiled by ``re`` when first needed)."""


def utf8_has_control(data: bytes) -> bool:
    """``has_control(data.decode("utf-8"))`` for valid UTF-8 ``data``, told on the bytes: what a
    reader that decodes them learns in one pass in C, before and without the text. The controls
    of ASCII are bytes below 0x80, which no other character's UTF-8 holds; a C1 control is
    ``C2 80`` to ``C2 9F``; the two non-characters are ``EF BF BE`` and ``EF BF BF``; valid UTF-8
    holds no lone surrogate."""
    if len(data) >= _SEARCHED_BYTE_BY_BYTE:
        if any(map(data.__contains__, _ASCII_CONTROLS)):
            return True
    elif holds_marked(data, _ASCII_CONTROL_MARKS):
        return True
    if b"\xc2" in data and re.search(_C1_UTF8, data) is not None:
        return True
    # (a search for one byte is memchr's; one for three, several times slower)
    return b"\xef" in data and (b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data)


def find_control(text: str) -> re.Match[str] | None:
    """The first character that must not appear in article text, if any."""
    return _CONTROL.search(text)


def strip_controls(text: str) -> tuple[str, int]:
    """Remove terminal escape sequences and control characters; also say how many went."""
    if not has_control(text):
        # (the common case, told in C several times faster than the pattern's scan: every
        # sequence the pattern removes starts with a control, ESC or the 8-bit CSI)
        return text, 0
    return _UNWANTED.subn("", text)


INVISIBLE = lazy_pattern("[\xad\u180e\u200b\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
"""Characters that do not show but change what a reader sees, searches or copies: direction
embeddings, overrides and isolates (U+202E can make "evil" read "live"), zero-width spaces, word
joiners, invisible operators, soft hyphens, a byte-order mark inside text. Articles keep them (a
soft hyphen can be meant); they are reported. Joiners and direction marks that scripts need
(U+200C, U+200D, and the direction marks U+200E, U+200F, U+061C) are not among them: text holds
them where a neutral character (a digit, a bracket, a full stop) would otherwise be laid out on
the wrong side, and they are kept unreported. Even one that seems idle around a line of Arabic
may matter: once the line is a paragraph of a left-to-right article (Markdown, NITF and JSON say
no direction), its RLM keeps the full stop on the right side."""


def invisible_characters(text: str) -> dict[str, int]:
    """How often each invisible character occurs in ``text``."""
    found: dict[str, int] = {}
    for match in INVISIBLE.finditer(text):
        found[match.group()] = found.get(match.group(), 0) + 1
    return found


def without_controls(text: str, context: Context) -> str:
    """``text`` without control characters and terminal escapes, with a warning saying how many
    went (web pages and Markdown files carry them more often than one would think)."""
    cleaned, removed = strip_controls(text)
    if removed:
        context.warn("control-characters-removed", f"removed {removed} control characters")
    return cleaned


BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Direction marks (the Arabic letter mark, LRM, RLM), embeddings, overrides, their closing PDF,
and isolates: characters that do not show and only steer the order in which a line's letters are
laid out. Pages of right-to-left text hold them at the ends of lines, and copies keep them."""
_NO_BIDI = dict.fromkeys(map(ord, BIDI_CONTROLS))


def holds_bidi(lines: Iterable[str]) -> bool:
    """Whether any of ``lines`` holds one of :data:`BIDI_CONTROLS`. Only the lines that are not
    ASCII can (told of each line without a scan: most lines of a text in English), and they are
    searched joined, once for each control (CPython finds a character in a text by its low
    byte, which for U+2066 to U+2069 and U+202E is that of "f" to "i" or ".": a search through
    the whole of a text in English stops at nearly every word)."""
    wide = "".join(itertools.filterfalse(str.isascii, lines))
    return any(map(wide.__contains__, BIDI_CONTROLS))


def without_bidi(text: str) -> str:
    """``text`` less its :data:`BIDI_CONTROLS`: the line as it is to be judged (its length, its
    end, its words)."""
    return text.translate(_NO_BIDI)
