"""Choosing a format: explicit name, unmistakable content, file extension, then plain text.

Content that cannot be mistaken (a zip signature, an XML root element, a JSON object with article
keys, a web page's ``<!doctype html>`` or ``<html>``) wins over the file name, so a NewsML-G2 item
saved as ``.txt`` is still read as NewsML-G2, a web page saved as ``.txt`` or piped to stdin is
read as HTML (never as 700 paragraphs of markup), and text opening with a front matter block (YAML,
or Hugo's TOML) as Markdown.
Otherwise the file extension decides, the longest that fits (a third-party ``.cms.json`` over the
built-in ``.json``); JSON or XML that no built-in format claims, in a file whose extension is a
built-in JSON or XML format's (``.json``, ``.nitf.xml``), is first offered to third-party
sniffers; any other built-in extension decides alone (plain text in ``.txt``). Then third-party
sniffers (for a name no one extension fits), then plain text. Nothing is guessed silently: XML
that no format claims is an error naming its root element, and JSON that no format claims goes
to the ninjs reader, which reads ninjs and its documented dialects and refuses anything else
with an error naming the first property that does not fit.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from typing import Literal

from articlekit import registry
from articlekit._text import lazy_pattern
from articlekit.errors import InputError, UnknownFormatError, UsageError, setting
from articlekit.prose.encoding import BOMS

HEAD_SIZE = 65536
"""How many leading bytes sniffing looks at."""

NEWSML_ROOTS = frozenset(
    {"newsItem", "newsMessage", "packageItem", "conceptItem", "knowledgeItem", "planningItem"}
)

ContentKind = Literal["zip", "ole", "xml", "html", "json", "text"]


@dataclass(frozen=True)
class Sniffed:
    """What the first bytes of a file look like."""

    kind: ContentKind
    format: str | None = None
    """The built-in format the content belongs to, when unmistakable."""
    detail: str = ""
    """What was seen (the XML root element, ...), for error messages."""


_ROOT_NAME = lazy_pattern(r"<([\w.:-]+)")


def _root_element(text: str) -> str | None:
    """The name of the first element after the prologue (declarations, processing instructions,
    comments, a DOCTYPE with its internal subset), or ``None`` when the text does not reach it.
    A scan, not one regular expression: nested repetitions backtrack exponentially on hostile
    prologues such as thousands of empty comments."""
    position = 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        for opening, closing in (("<?", "?>"), ("<!--", "-->")):
            if text.startswith(opening, position):
                end = text.find(closing, position + len(opening))
                if end < 0:
                    return None
                position = end + len(closing)
                break
        else:
            if text.startswith("<!DOCTYPE", position):
                subset = text.find("[", position)
                close = text.find(">", position)
                if 0 <= subset < close:  # an internal subset: the DOCTYPE ends after "]"
                    close = text.find(">", text.find("]", subset))
                if close < 0:
                    return None
                position = close + 1
                continue
            match = _ROOT_NAME.match(text, position)
            return match.group(1) if match else None


# Canonical JSON written without its (optional) schema_version still has body blocks with these
# types, which ninjs never uses.
_CANONICAL_BLOCK = lazy_pattern(r'"type"\s*:\s*"(?:paragraph|heading|quote|list)"')
_NINJS_KEYS = lazy_pattern(
    r'"(?:uri|guid|headlines|headline|body_html|body_text|bodies|versioncreated|versionCreated|'
    r"firstcreated|firstCreated|pubstatus|pubStatus|contentcreated|contentCreated|"
    r'descriptions|description_text|byline|located|renditions|associations|ninjsversion|profile)"'
    r'|^\{\s*"(?:item|_items|hits)"\s*:\s*\['  # an API envelope around ninjs items
)


def _decode_head(head: bytes) -> str:
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, "ignore")
    return head.decode("utf-8", "ignore")


_HTML_OPENING = lazy_pattern(r"<(?:!doctype\s+html|html)(?=[\s>/])", re.IGNORECASE)


def _opens_as_html(text: str) -> bool:
    """Whether the text starts a web page (``<!doctype html>`` or ``<html``, in any letter case)
    after whitespace and comments."""
    position = 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if not text.startswith("<!--", position):
            return _HTML_OPENING.match(text, position) is not None
        end = text.find("-->", position + 4)
        if end < 0:
            return False
        position = end + 3


_FRONT_MATTER_KEY = lazy_pattern(r"[A-Za-z_][\w.-]{0,100}[ \t]*:(?:[ \t]|$)")
_TOML_KEY = lazy_pattern(r"[A-Za-z_\"][\w.\"-]{0,100}[ \t]*=[ \t]")
FRONT_MATTER_LINES = 500
"""Front matter longer than this is not looked for (real ones have a few dozen lines)."""


def _opens_with_front_matter(text: str) -> bool:
    """Whether the text opens with a front matter block, YAML (``---``, ``key: value`` lines,
    ``---``) or Hugo's TOML (``+++``, ``key = value`` lines and ``[tables]``, ``+++``), the mark
    of a Markdown article of Hugo, Jekyll and their kin."""
    lines = text.split("\n", FRONT_MATTER_LINES)
    fence = lines[0].rstrip()
    if fence not in ("---", "+++"):
        return False
    toml = fence == "+++"
    key, ends = (_TOML_KEY, ("+++",)) if toml else (_FRONT_MATTER_KEY, ("---", "..."))
    keys = 0
    for number, raw in enumerate(lines[1:FRONT_MATTER_LINES], start=1):
        line = raw.rstrip("\r")
        if line.rstrip() in ends:
            return keys > 0 or number == 1
        if key.match(line) or (toml and keys and line.lstrip().startswith("[")):
            keys += 1
        elif line.strip() and not (keys and line[:1] in (" ", "\t", "-", "#")):
            return False
    return False


def sniff(head: bytes) -> Sniffed:
    """Classify content by its first bytes without parsing it."""
    if head.startswith(b"PK\x03\x04"):
        return Sniffed("zip", "docx", "zip archive")
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return Sniffed("ole", None, "OLE2 compound file")
    text = _decode_head(head)
    stripped = text.lstrip()
    if stripped.startswith("<") and _opens_as_html(text):
        return Sniffed("html", "html", "HTML page")
    if stripped.startswith("<"):
        name = _root_element(text)
        if name is not None:
            root = name.rpartition(":")[2]
            if root.lower() == "html":
                return Sniffed("html", "html", "XHTML page")
            if root in NEWSML_ROOTS:
                return Sniffed("xml", "newsml", root)
            if root == "nitf":
                return Sniffed("xml", "nitf", root)
            return Sniffed("xml", None, root)
        if stripped.startswith(("<?xml", "<!DOCTYPE", "<!--")):
            return Sniffed("xml", None, "")  # a prologue longer than HEAD_SIZE: hostile or broken
    if stripped.startswith(("{", "[")):
        first_line, _, rest = stripped.partition("\n")
        if first_line.rstrip().endswith("}") and rest.lstrip().startswith("{"):
            if '"schema_version"' in first_line or _CANONICAL_BLOCK.search(first_line):
                return Sniffed("json", "jsonl", "JSON Lines")
            return Sniffed("json", None, "JSON Lines")
        if '"schema_version"' in stripped or _CANONICAL_BLOCK.search(stripped):
            return Sniffed("json", "json", "JSON")
        if _NINJS_KEYS.search(stripped):
            return Sniffed("json", "ninjs", "JSON")
        return Sniffed("json", None, "JSON")
    if _opens_with_front_matter(text):
        return Sniffed("text", "markdown", "Markdown with front matter")
    return Sniffed("text")


def formats_by_extension(path: str, kind: Literal["reader", "writer"]) -> list[str]:
    """Formats whose longest matching extension fits ``path`` (several when ambiguous).

    A third-party format's extension wins over a shorter built-in one (``.cms.json`` over
    ``.json``), a built-in one on a tie (as built-in names win). Third-party formats are looked
    up (an entry-point scan) only when no built-in extension matches or the name has more
    dotted parts than the built-in match, and one that fails to load is skipped here
    (``articlekit formats`` reports it).
    """
    name = path.lower()
    best, found = _longest_matches(name, registry.builtin_formats(kind))
    if not found or best < len(_dotted_tail(name)):
        longer, theirs = _longest_matches(name, registry.plugin_formats(kind))
        if longer > best:
            return theirs
    return found


def _longest_matches(name: str, infos: dict[str, registry.FormatInfo]) -> tuple[int, list[str]]:
    """The length of the longest extension of ``infos`` that ends ``name`` (lower case), and
    the formats that have it."""
    best, found = 0, list[str]()
    for info in infos.values():
        try:
            extensions = registry.extensions_of(info)
        except UsageError:
            continue
        for extension in extensions:
            if name.endswith(extension.lower()) and len(extension) >= best:
                if len(extension) > best:
                    best, found = len(extension), []
                found.append(info.name)
    return best, found


def _dotted_tail(name: str) -> str:
    """The part of a file name from the first dot of its last component on (``.cms.json`` of
    ``story.cms.json``), leading dots aside (``.profile`` has none)."""
    last = name[max(name.rfind("/"), name.rfind(os.sep)) + 1 :].lstrip(".")
    dot = last.find(".")
    return last[dot:] if dot >= 0 else ""


def _plugin_sniff(head: bytes) -> str | None:
    for info in registry.plugin_formats("reader").values():
        try:
            sniffer = getattr(registry.get_reader(info.name), "sniff", None)
        except UsageError:
            continue
        if sniffer is not None and sniffer(head):
            return info.name
    return None


_GIVES_WAY_TO_SNIFFERS: dict[str, ContentKind] = {
    "json": "json",
    "ninjs": "json",
    "ninjs1": "json",
    "ninjs2": "json",
    "newsml": "xml",
    "nitf": "xml",
}
"""Built-in readers of JSON or XML whose extension gives way to a third-party sniffer when the
file holds JSON or XML (parsed, not guessed from its first character) that no built-in format
claims: a CMS's JSON in a ``.json`` file. Every other built-in extension decides without asking
sniffers (plain text in ``.txt`` or ``.md``, whatever it opens with; JSON Lines in ``.jsonl``),
so that such files are read without looking for plugins."""

_LONGEST_UNFINISHED_TOKEN = len("\\uXXXX")
"""The most characters of JSON a cut can leave unfinished short of a string (an escape,
``fals``)."""


def _parses_as(kind: ContentKind, head: bytes) -> bool:
    """Whether ``head`` parses as JSON or XML; only up to where it ends when it is as long as
    sniffing reads (the first bytes of a longer file)."""
    complete = len(head) < HEAD_SIZE
    if kind == "xml":
        from articlekit import _xml

        return _xml.well_formed(head, complete=complete)
    text = _decode_head(head)
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        if complete or error.msg == "Extra data":
            return False
        return error.msg.startswith("Unterminated string") or (
            len(text) - error.pos <= _LONGEST_UNFINISHED_TOKEN
        )
    except RecursionError:
        return False
    return True


def reader_for(path: str | None, head: bytes, explicit: str | None = None) -> str:
    """The name of the reader for a file: explicit, content, extension, sniffers, plain text
    (see the module's documentation and :data:`_GIVES_WAY_TO_SNIFFERS`)."""
    if explicit:
        return explicit
    seen = sniff(head)
    if seen.kind == "ole":
        raise InputError("legacy .doc / encrypted file is not supported", path=path)
    if seen.format is not None:
        if seen.format not in registry.formats("reader", plugins=False):
            raise InputError(f"{seen.detail} content needs the {seen.format} reader, not installed")
        return seen.format
    candidates = formats_by_extension(path, "reader") if path else []
    by_extension = candidates[0] if len(candidates) == 1 else None
    if by_extension is not None and not (
        _GIVES_WAY_TO_SNIFFERS.get(by_extension) == seen.kind and _parses_as(seen.kind, head)
    ):
        return by_extension
    sniffed = _plugin_sniff(head)
    if sniffed is not None:
        return sniffed
    if by_extension is not None:
        return by_extension
    if seen.kind == "xml" and not seen.detail:
        raise InputError(
            f"XML whose root element is not within the first {HEAD_SIZE // 1024} KiB (a huge "
            f"document type declaration?); use {setting(*_FORCE_READER)} to force a format",
            path=path,
        )
    if seen.kind == "xml":
        raise InputError(
            f"XML root element <{seen.detail}> is not an article format articlekit reads "
            f"(NewsML-G2 newsItem/newsMessage, NITF nitf); use {setting(*_FORCE_READER)} to "
            "force one",
            path=path,
        )
    if seen.kind == "json" and seen.detail == "JSON Lines":
        raise InputError(
            "JSON Lines whose records are not canonical articlekit JSON; use "
            f"{setting(*_FORCE_READER)} to force a format",
            path=path,
        )
    if seen.kind == "json":
        return "ninjs"  # ninjs and its dialects, or a one-line error saying what did not fit
    return "text"


_FORCE_READER = ("--from", "the format argument (format=, from_format=, source_format=)")
_FORCE_WRITER = ("--to", "the format argument (format=, to_format=, to=)")
"""How messages name the setting that chooses a format (the command line's flag, the library's
arguments: ``read``'s and ``write``'s, ``convert``'s, a ``Batch``'s)."""


def writer_for(path: str | None, explicit: str | None = None, default: str = "json") -> str:
    """The name of the writer: explicit, else the output file's extension, else ``default``."""
    if explicit:
        return explicit
    if not path or path == "-":
        return default
    candidates = formats_by_extension(path, "writer")
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1:
        raise UsageError(
            f"the extension of {path} fits several formats ({', '.join(sorted(candidates))}); "
            f"choose one with {setting(*_FORCE_WRITER)}"
        )
    known = sorted(registry.formats("writer"))
    folder = "" if os.path.splitext(path)[1] else f" (a folder? end its name with {os.sep})"
    raise UnknownFormatError(
        f"cannot tell the output format from {path}{folder}; choose one with "
        f"{setting(*_FORCE_WRITER)} "
        f"({', '.join(known)})"
    )
