"""From bytes to a parsed page: the encoding a browser would use, then lxml's HTML parser with its
limits on.

Encoding, in the order browsers use: a byte-order mark; the ``charset`` a ``<meta>`` (or an XML
declaration) names near the top, with the WHATWG meaning of legacy labels (``iso-8859-1`` is
Windows-1252, ``gb2312`` is GB 18030); else UTF-8; else the text reader's guess among legacy
encodings (with a warning). A declared encoding the bytes do not fit is replaced by that guess,
with a warning; so is a legacy one declared over bytes that are UTF-8 beyond ASCII (a page saved
as UTF-8 keeps its old ``<meta charset>``: a browser, without the server's header that said
UTF-8, would show it garbled).

Parsing never touches the network (``no_network``). libxml2's "huge" mode is on, because pages
saved with their pictures inline hold attribute values of many megabytes (the input as a whole is
capped before it gets here); nesting is checked instead: a page nested deeper than
:data:`MAX_DEPTH` levels is refused rather than read cut short or walked by recursive code, and so
is a page with more than :data:`MAX_ELEMENTS` elements (a real news page has a few thousand; the
largest of 130 real pages tested here has under 10,000).
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from articlekit._text import lazy_pattern
from articlekit.errors import InputError
from articlekit.prose.encoding import BOMS, decode_text
from articlekit.registry import Context

MAX_DEPTH = 256
"""Deepest element nesting read (libxml2's own default limit)."""
MAX_ELEMENTS = 500_000
"""Most elements a page may have; more is no article page but a hostile or generated file."""
CHARSET_SCAN = 4096
"""How far into the page a ``<meta charset>`` is looked for (the HTML standard says 1024 bytes;
real pages put long scripts first)."""

_META_CHARSET = re.compile(
    rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.-]{1,40})""")
_WHATWG_LABELS = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "windows-1252": "cp1252",
    "iso-8859-9": "cp1254", "iso-8859-11": "cp874", "tis-620": "cp874",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "big5": "big5hkscs",
    "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8",
}  # fmt: skip
_WHOLE_DOCUMENT = lazy_pattern(r"<(?:html|head|body)[\s>/]", re.IGNORECASE)
_XML_DECLARATION = lazy_pattern(r"\s*<\?xml\s[^>]*>")
"""An XHTML page's XML declaration: lxml refuses decoded text that names an encoding in one."""


def declared_encoding(data: bytes) -> tuple[str, str] | None:
    """The label the page's ``<meta charset>`` or XML declaration names (as written) and the
    codec a browser reads it with, if Python knows it."""
    head = data[:CHARSET_SCAN]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    written = match.group(1).decode("ascii")
    label = written.lower()
    codec = _codec(_WHATWG_LABELS.get(label, label))
    return None if codec is None else (written, codec)


def _codec(label: str) -> str | None:
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_page(data: bytes, context: Context) -> str:
    """The text of the page, decoded as a browser would (but see the module's docstring on a
    legacy encoding declared over UTF-8)."""
    for bom, _ in BOMS:
        if data.startswith(bom):
            return decode_text(data, context)
    declared = declared_encoding(data)
    if declared is not None and declared[1] not in ("utf-8", "utf-16", "utf-32"):
        written, codec = declared
        utf8 = _utf8_beyond_ascii(data)
        if utf8 is not None:
            context.warn(
                "encoding-declaration-wrong",
                f"the page declares {written} but its bytes are UTF-8; read as UTF-8",
            )
            return utf8  # (as the declared encoding would be: a NUL byte does not refuse it)
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            named = written if _codec(written) == codec else f"{written} (read as {codec})"
            context.warn(
                "encoding-declaration-wrong",
                f"the page declares {named} but its bytes do not fit it; decoded by guessing",
            )
    return decode_text(data, context)


def _utf8_beyond_ascii(data: bytes) -> str | None:
    """The text of ``data`` if it is UTF-8 with characters beyond ASCII, else ``None``: a page
    saved (or served) as UTF-8 that kept the ``<meta charset>`` of an older encoding, whose text
    read as that one would be garbled ("fÃ¼r"). Text in a legacy encoding is next to never valid
    UTF-8 (every accented letter would have to be followed by just the right symbols: a page
    whose only such letter is a capital before a no-break space or a "»" can be), and a 7-bit one
    (ISO-2022-JP) is all ASCII."""
    if data.isascii():
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def is_whole_document(text: str) -> bool:
    """Whether the markup is a whole page (``<html>``, ``<head>`` or ``<body>``), not a fragment."""
    return _WHOLE_DOCUMENT.search(text) is not None


def parse_page(text: str) -> Any:
    """The ``<html>`` element of the page; :class:`InputError` when libxml2 had to stop early or
    the page asks for XInclude."""
    root = _parse(text, fragment=False)
    _refuse_xinclude(text, root)
    return root


def _refuse_xinclude(text: str, root: Any) -> None:
    """An XHTML page with an element in XInclude's namespace is refused, as every XML reader
    refuses such a document: the HTML parser would drop what its author meant to be there without
    a word. The parser keeps ``xmlns`` attributes and prefixed names as they are written, so the
    namespaces are followed here, in document order (a declaration precedes its uses)."""
    from articlekit._xml import XINCLUDE, xinclude_refused

    if "/XInclude" not in text:  # no page declares the namespace without naming it (most pages)
        return
    prefixes: set[str] = set()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if value in XINCLUDE and (name == "xmlns" or name.startswith("xmlns:")):
                if name == "xmlns":  # the element itself is in the namespace
                    raise xinclude_refused(element.sourceline)
                prefixes.add(name.removeprefix("xmlns:"))
        prefix, _, _ = element.tag.rpartition(":")
        if prefix and prefix in prefixes:
            raise xinclude_refused(element.sourceline)


class UnparsableHTML(InputError):
    """HTML libxml2 makes nothing of (empty, or only a comment): a Markdown block of it is
    skipped with a warning, where a page of it is an error."""


def parse_fragment(text: str) -> Any:
    """A ``<div>`` holding the HTML fragment ``text`` (Markdown's rendered body), under the same
    limits as a page: libxml2's huge mode (a paragraph over 10 MB is read whole, not dropped),
    with articlekit's own depth and size limits."""
    return _parse(text, fragment=True)


def _parse(text: str, *, fragment: bool) -> Any:
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
        default_doctype=False,
        collect_ids=False,
    )
    text = _without_xml_declaration(text)
    try:
        if fragment:
            root = lxml_html.fragment_fromstring(text, create_parent="div", parser=parser)
        else:
            root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise UnparsableHTML(f"the HTML cannot be parsed: {error}") from None
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            raise InputError(
                f"the HTML is nested too deeply or too large to parse (line {entry.line}): "
                "refused rather than read cut short",
                line=entry.line,
            )
    _check_size(root)
    return root


def _without_xml_declaration(text: str) -> str:
    """The text without its leading XML declaration (its encoding was used in decoding; the
    HTML parser drops it as a processing instruction anyway), newlines kept so that line numbers
    stay the file's."""
    declaration = _XML_DECLARATION.match(text)
    if declaration is None:
        return text
    return "\n" * declaration.group().count("\n") + text[declaration.end() :]


def _check_size(root: Any) -> None:
    from lxml import etree

    depth = count = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        if event == "end":
            depth -= 1
            continue
        depth += 1
        count += 1
        if depth > MAX_DEPTH:
            raise InputError(f"the HTML is nested deeper than {MAX_DEPTH} levels")
        if count > MAX_ELEMENTS:
            raise InputError(
                f"the page has more than {MAX_ELEMENTS:,} elements: too large to be one article"
            )
