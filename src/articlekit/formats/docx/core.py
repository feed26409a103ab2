"""Core properties (``docProps/core.xml``): what Word shows under File > Info, both ways.

===============  ==========================================================
dc:title         headline (read back only into extras: the Title paragraph is the headline)
dc:creator       authors' names, ``; ``-separated
dc:subject       subjects' names
cp:keywords      keywords, ``; ``-separated (``,`` when a file uses no ``;``)
dc:description   summary
dc:identifier    id
dc:language      language (``und``, undetermined, when the article has none)
cp:revision      version
cp:category      genres' names
cp:contentStatus status
dcterms:created  published (else created)
dcterms:modified updated
===============  ==========================================================

Values come from the article only: no current time, no "python-docx" author, no revision count.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from articlekit._text import lazy_pattern
from articlekit.formats.docx.names import CORE, DC, DCTERMS, XSI, number
from articlekit.formats.docx.xmltext import escape_text
from articlekit.model import MAX_VERSION, Article
from articlekit.prose import dates
from articlekit.prose.controls import has_control, strip_controls
from articlekit.registry import Context

if TYPE_CHECKING:
    from lxml import etree
    from pydantic import TypeAdapter

    from articlekit.formats.docx.package import Package

ELEMENTS: tuple[tuple[str, str], ...] = (
    ("title", DC), ("subject", DC), ("creator", DC), ("keywords", CORE), ("description", DC),
    ("identifier", DC), ("language", DC), ("revision", CORE), ("category", CORE),
    ("contentStatus", CORE), ("created", DCTERMS), ("modified", DCTERMS),
)  # fmt: skip
"""Element names in the order they are written, with their namespaces."""
_PREFIX = {DC: "dc", CORE: "cp", DCTERMS: "dcterms"}
_STATUSES = {"usable", "withheld", "canceled"}
SEPARATOR = "; "
_XSTRING = lazy_pattern(r"_(?=x[0-9A-Fa-f]{4}_)")
"""Office escapes characters in property text as ``_xHHHH_`` (``_x000d_`` is a carriage
return); an underscore that would start such a sequence is itself written ``_x005F_``."""
_ESCAPED_UNDERSCORE = "_x005F_"
UNDETERMINED = "und"
"""The language written for an article without one (BCP 47 "undetermined"): Word and LibreOffice
keep it when they save, where they would give a document without one their own language."""


def values(article: Article) -> dict[str, str]:
    """The core property texts for ``article`` (only those it has)."""
    found = {
        "title": article.headline,
        "creator": SEPARATOR.join(person.name for person in article.authors),
        "subject": _names(article.subjects),
        "keywords": SEPARATOR.join(article.keywords),
        "description": article.summary,
        "identifier": article.id,
        "language": article.language or UNDETERMINED,
        "revision": str(article.version) if article.version else None,
        "category": _names(article.genres),
        "contentStatus": article.status,
        "created": _w3cdtf(article.published or article.created),
        "modified": _w3cdtf(article.updated),
    }
    return {key: value for key, value in found.items() if value}


def _names(concepts: list[Any]) -> str:
    return SEPARATOR.join(concept.name for concept in concepts if concept.name)


def _w3cdtf(value: date | None) -> str | None:
    """Office is strict about these values (files with malformed ones are refused as corrupt),
    so a date alone is written as a full date-time, midnight with ``Z``, as Word itself writes;
    a date-time keeps its offset as ``+hh:mm`` (``+00:00`` for UTC), so the reader can tell
    them apart."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    return f"{value.isoformat()}T00:00:00Z"


_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<cp:coreProperties xmlns:cp="{CORE}" xmlns:dc="{DC}" xmlns:dcterms="{DCTERMS}" '
    f'xmlns:xsi="{XSI}">'
)
_TAGS = tuple(
    (
        key,
        f"<{_PREFIX[namespace]}:{key}"
        + (' xsi:type="dcterms:W3CDTF">' if namespace == DCTERMS else ">"),
        f"</{_PREFIX[namespace]}:{key}>",
    )
    for key, namespace in ELEMENTS
)
"""Each element's key, start and end tag, in the order they are written."""


def render(found: dict[str, str]) -> bytes:
    """``core.xml`` holding ``found``, elements in a fixed order."""
    parts = [_HEAD]
    for key, start, end in _TAGS:
        value = found.get(key)
        if value is None:
            continue
        if "_x" in value:  # (what an escape sequence starts with)
            value = _XSTRING.sub(_ESCAPED_UNDERSCORE, value)
        parts.append(f"{start}{escape_text(value)}{end}")
    parts.append("</cp:coreProperties>")
    return "".join(parts).encode("utf-8")


def in_package(package: Package) -> dict[str, str]:
    """The core property texts of a package (none when it has no core properties part)."""
    name = package.related("", "core-properties")
    return parse(package.xml(name)) if name else {}


def parse(root: etree._Element) -> dict[str, str]:
    """The non-empty core property texts of a ``core.xml``."""
    found: dict[str, str] = {}
    first: dict[Any, etree._Element] = {}  # each tag's first child, as find() gives it
    for child in root:
        first.setdefault(child.tag, child)
    for key, namespace in ELEMENTS:
        element = first.get(f"{{{namespace}}}{key}")
        if element is not None:
            # (an element without children holds only its text: lxml's itertext costs more)
            raw = _unescaped(
                (element.text or "") if not len(element) else "".join(element.itertext())
            )
            if has_control(raw):
                raw = strip_controls(raw)[0]
            # The description is prose (a summary of several paragraphs keeps its blank lines);
            # every other property is one line.
            text = _prose(raw) if key == "description" else " ".join(raw.split())
            if text:
                found[key] = text
    return found


def _prose(raw: str) -> str:
    """Text of several paragraphs: whitespace collapsed in each line, paragraphs (separated by
    a blank line) kept."""
    text = "\n".join(" ".join(line.split()) for line in raw.split("\n")).strip()
    return "\n\n".join(part.strip() for part in text.split("\n\n") if part.strip())


def _unescaped(text: str) -> str:
    """Property text with Office's ``_xHHHH_`` escapes decoded."""
    if "_x" not in text:
        return text
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda match: chr(int(match.group(1), 16)), text)


@cache
def _adapter(kind: str) -> TypeAdapter[str]:
    from pydantic import TypeAdapter

    from articlekit.model import Identifier, LanguageTag

    return TypeAdapter(LanguageTag if kind == "language" else Identifier)


def fields(found: dict[str, str], context: Context | None) -> dict[str, Any]:
    """Article field values from core property texts; unusable ones go to ``docx:`` extras.

    ``creators`` (a list of names) and ``title`` are returned as such: the caller decides what
    they mean for authors and headline. ``context`` is ``None`` to read without warnings.
    """
    from pydantic import ValidationError

    result: dict[str, Any] = {}
    unusable: dict[str, str] = {}
    for key, text in found.items():
        if key in ("title", "description"):
            result["title" if key == "title" else "summary"] = text
        elif key in ("creator", "keywords", "subject", "category"):
            items = _split(text)
            if key == "keywords":
                result["keywords"] = items
            elif key == "creator":
                result["creators"] = items
            else:
                result["subjects" if key == "subject" else "genres"] = [
                    {"name": item} for item in items
                ]
        elif key == "language" and text.lower() == UNDETERMINED:
            continue
        elif key in ("identifier", "language"):
            try:
                result["id" if key == "identifier" else key] = _adapter(key).validate_python(text)
            except ValidationError:
                unusable[key] = text
        elif key == "revision":
            version = number(text)
            if version and version <= MAX_VERSION:
                result["version"] = version
            elif text != "0":  # Word's count before the first save: no version at all
                unusable[key] = text
        elif key == "contentStatus":
            if text.lower() in _STATUSES:
                result["status"] = text.lower()
            else:
                unusable[key] = text
        else:
            value = _date(text, key, context)
            if value is None:
                unusable[key] = text
            else:
                result["published" if key == "created" else "updated"] = value
    if unusable:
        result["extras"] = {f"docx:{key}": text for key, text in unusable.items()}
        if context is not None:
            context.warn(
                "docx-property-unusable",
                "core properties with values articlekit cannot use were kept in extras: "
                + ", ".join(sorted(unusable)),
            )
    return result


def _split(text: str) -> list[str]:
    separator = ";" if ";" in text else ","
    return [item.strip() for item in text.split(separator) if item.strip()]


def _date(text: str, key: str, context: Context | None) -> date | None:
    """Midnight written with ``Z`` is a date alone (as articlekit and pandoc write one); a time
    without a zone gets the zone the user chose, else only its date is kept."""
    value = dates.parse_iso(text)
    if isinstance(value, datetime) and value.tzinfo is None:
        if context is not None:
            return dates.zoned(value, text, f"core property {key}", context)
        return value.date()
    if isinstance(value, datetime) and text.endswith(("T00:00:00Z", "T00:00Z")):
        return value.date()
    return value


def same_moment(a: Any, b: Any) -> bool:
    """Equal values, where a date and the same day at midnight UTC count as equal (Word may
    rewrite a date-time at midnight UTC with ``Z`` when it saves) and so do times that differ
    only in fractions of a second (LibreOffice keeps whole seconds)."""
    if isinstance(a, datetime) != isinstance(b, datetime) and a is not None and b is not None:
        moment, day = (a, b) if isinstance(a, datetime) else (b, a)
        return bool(moment == datetime(day.year, day.month, day.day, tzinfo=UTC))
    if isinstance(a, datetime) and isinstance(b, datetime):
        return a.replace(microsecond=0) == b.replace(microsecond=0)
    return bool(a == b)
