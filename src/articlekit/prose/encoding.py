"""Turning the bytes of a text file into text: BOMs, UTF-8, then a guessed legacy encoding.

Order: a byte-order mark decides (UTF-8, UTF-16, UTF-32); else strict UTF-8; else UTF-16 without a
BOM when every other byte is NUL; else charset-normalizer chooses among the legacy encodings that
news text really comes in (Windows-1252 first, then Cyrillic and East Asian ones) and the reader
warns which one it took. Bytes the chosen encoding leaves undefined become U+FFFD and are counted in
that warning: a decoding never yields control characters that a later clean-up would delete.
Binary data (NUL bytes, mostly control characters) is refused.
"""

from __future__ import annotations

import codecs

from articlekit._text import lazy_pattern
from articlekit.errors import InputError
from articlekit.prose.controls import has_control, utf8_has_control
from articlekit.registry import Context

BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
LEGACY_ENCODINGS = ["cp1252", "cp1251", "koi8_r", "cp932", "gb18030", "big5", "euc_kr", "euc_jp"]
"""Candidates for text that is not UTF-8, most likely first."""


def decode_text(data: bytes, context: Context) -> str:
    """The text of ``data``; warns when the encoding had to be guessed."""
    return _decoded(data, context, tell_controls=False)[0]


def decode_text_checked(data: bytes, context: Context) -> tuple[str, bool | None]:
    """The text of ``data`` (see :func:`decode_text`) and whether it holds a control character
    (:func:`articlekit.prose.controls.has_control`), when that was told on the way: for UTF-8
    (most text), on the bytes in one pass, so that neither the check for binary data nor the
    reader's clean-up scans the text again; else ``None``. (Readers that never look for control
    characters in the whole text call :func:`decode_text`: the check for binary data alone
    reads only the text's beginning.)"""
    return _decoded(data, context, tell_controls=True)


def _decoded(data: bytes, context: Context, *, tell_controls: bool) -> tuple[str, bool | None]:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), None
            except UnicodeDecodeError as error:
                raise InputError(
                    f"invalid {encoding.upper()} after a byte-order mark at byte {error.start}"
                ) from None
    controls = None
    if b"\x00" in data:  # UTF-16 without a byte-order mark, or binary data
        text = _utf16_without_bom(data)
        if text is None:
            raise _not_text(data, "binary data (NUL bytes)")
        context.warn("encoding-fallback", "no byte-order mark; decoded as UTF-16")
    else:
        try:
            text = data.decode("utf-8")
            controls = utf8_has_control(data) if tell_controls else None
        except UnicodeDecodeError:
            text = _decode_legacy(data, context)
    if controls is not False:
        _refuse_binary(text, data)
    return text, controls


_BINARY_KINDS = (
    (b"\x1f\x8b", "a gzip-compressed file", "decompress it first"),
    (b"BZh", "a bzip2-compressed file", "decompress it first"),
    (b"\xfd7zXZ\x00", "an xz-compressed file", "decompress it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "unpack it first"),
    (b"PK\x03\x04", "a zip package", "a Word document is read as .docx; unpack an archive first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office file", "save a .doc as .docx"),
    (b"%PDF-", "a PDF document", ""),
    (b"\x89PNG", "a PNG picture", ""),
    (b"\xff\xd8\xff", "a JPEG picture", ""),
    (b"GIF8", "a GIF picture", ""),
)
"""What the first bytes of common files that are no text say they are, and what to do: the error
names them, rather than "binary data"."""


def _not_text(data: bytes, otherwise: str) -> InputError:
    """The error for ``data`` that is no text: what its first bytes say it is, else
    ``otherwise``."""
    for start, kind, hint in _BINARY_KINDS:
        if data.startswith(start):
            return InputError(f"{kind}, not a text file{f': {hint}' if hint else ''}")
    return InputError(f"{otherwise}, not a text file")


def _utf16_without_bom(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    for zeros, encoding in ((data[1::2], "utf-16-le"), (data[0::2], "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


WESTERN_DENSITY = 0.3
"""Western single-byte text has few bytes above 0x7F (accents); Cyrillic and East Asian legacy
encodings have many."""


def _mostly_utf8(data: bytes) -> bool:
    """Valid UTF-8 sequences outnumber invalid bytes two to one (a stray byte in UTF-8 text,
    not a legacy encoding whose bytes happen to form a few UTF-8 sequences)."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = sum(1 for char in text if char > "\x7f") - bad
    return good > 0 and bad * 2 <= good


def _windows_1252_for_bad_bytes(error: UnicodeError) -> tuple[str, int]:
    """Stray bytes in UTF-8 text read as Windows-1252; the five it leaves undefined become
    U+FFFD, never nothing."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", "replace"), error.end


codecs.register_error("articlekit-windows-1252", _windows_1252_for_bad_bytes)

_C1 = lazy_pattern("[\x80-\x9f]")
"""C1 controls: no legacy encoding of news text means them. A decoding that produces one (a byte
the encoding leaves undefined, as cp932 does with 0x80) gives U+FFFD instead, so that no later
clean-up of control characters deletes text without a trace."""


def _decode_replacing(data: bytes, encoding: str, context: Context, prefix: str) -> str:
    """``data`` in ``encoding``; bytes it leaves undefined become U+FFFD. One warning names the
    encoding used and, when bytes were replaced, how many and where the first one is."""
    try:
        text = data.decode(encoding)
        first = None
    except UnicodeDecodeError as error:
        first = error.start
        text = data.decode(encoding, "replace")
    replaced = text.count("\ufffd") if first is not None else 0
    text, controls = _C1.subn("\ufffd", text)
    message = f"{prefix}; decoded as {encoding}"
    line = None
    if first is not None:
        line = data.count(b"\n", 0, first) + 1
        where = f"0x{data[first]:02X} at byte {first}"
        message += (
            f"; 1 byte that {encoding} does not define ({where}) was replaced by U+FFFD"
            if replaced == 1
            else f"; {replaced} bytes that {encoding} does not define (the first: {where}) "
            "were replaced by U+FFFD"
        )
    if controls:
        message += f"; {controls} control characters it gave were replaced by U+FFFD"
    context.warn("encoding-fallback", message, line=line)
    return text


def _decode_legacy(data: bytes, context: Context) -> str:
    if _mostly_utf8(data):
        # UTF-8 with a few stray bytes: text pasted together from two sources.
        text = data.decode("utf-8", "articlekit-windows-1252")
        undefined = text.count("\ufffd") - data.count("\ufffd".encode())
        note = f"; {undefined} undefined there became U+FFFD" if undefined else ""
        context.warn(
            "encoding-fallback", f"not valid UTF-8 throughout; stray bytes read as cp1252{note}"
        )
        return text
    high = sum(1 for byte in data[:65536] if byte > 0x7F)
    if high <= WESTERN_DENSITY * min(len(data), 65536):
        return _decode_replacing(data, "cp1252", context, "not valid UTF-8")
    import charset_normalizer

    best = charset_normalizer.from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    encoding = best.encoding if best is not None else "cp1252"
    return _decode_replacing(data, encoding, context, "not valid UTF-8")


_BINARY_CONTROL = lazy_pattern("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _refuse_binary(text: str, data: bytes) -> None:
    sample = text[:4096]
    if not has_control(sample):
        return  # (every binary control is a control; most texts hold none)
    controls = len(_BINARY_CONTROL.findall(sample))
    if controls > max(8, len(sample) // 10):
        raise _not_text(data, "binary data (mostly control characters)")
