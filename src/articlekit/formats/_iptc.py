"""What the two IPTC XML formats, NewsML-G2 and NITF, share beyond body markup.

* wire date-times: ISO 8601 as agencies send it (padded with whitespace, ``+0100`` offsets, the
  basic ``20131020T192751+1100`` form and NITF's ``20131020000000+1100``, date-only values); a
  naive date-time gets the zone the user chose (``-O timezone=``) or keeps only its date, its
  text kept in extras either way, as does a date with a zone (``2013-10-20+11:00``), and a naive
  midnight is how the writers mark a date without time;
* printed datelines (``London (dpa) -``, ``FORT WASHINGTON, Pa.``) and the dateline that opens the
  first paragraph again;
* paragraphs whose ``<br/>`` line breaks are only a wire service's hard wrapping;
* raw elements kept in ``extras`` as plain JSON (attributes as ``@name``, text as ``#text``);
* language tags and control characters that the canonical model refuses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from functools import cache, lru_cache
from typing import Any, NamedTuple, TypeGuard

from pydantic import JsonValue, TypeAdapter, ValidationError

from articlekit import _xml
from articlekit._text import lazy_pattern, shortened, valid_percent_escapes
from articlekit._xml import local_name
from articlekit.errors import OutputError
from articlekit.model import (
    MAX_VERSION,
    Block,
    Concept,
    Dateline,
    Figure,
    LanguageTag,
    Paragraph,
    Span,
)
from articlekit.prose import dates
from articlekit.prose.byline import authors_from_byline, byline_names
from articlekit.prose.controls import find_control, has_control, strip_controls, utf8_has_control
from articlekit.prose.dateline import (
    PrintedDateline,
    dateline_fields,
    format_dateline,
    read_printed,
    split_dateline,
)
from articlekit.registry import Context

_BASIC_DATE = lazy_pattern(r"^\d{8}$")
_ZONED_DATE = lazy_pattern(r"^(\d{4}-\d{2}-\d{2}|\d{8})([Zz]|[+-]\d{2}:?\d{2})$")
"""An ``xs:date`` with its zone (``2032-09-14-04:00``, ``2032-09-14Z``), or the same in ISO 8601's
basic form (``20320914-0400``)."""
_BASIC_WITHOUT_T = lazy_pattern(r"^(\d{8})(\d{6}(?:[.,]\d+)?)((?:[Zz]|[+-]\d{2}:?\d{2})?)$")
"""NITF's ``YYYYMMDD000000-HHMM``, the form its schema gives for a date with no time available,
and the same with a time: ISO 8601's basic form without its ``T``, unambiguous at 14 digits."""
_LANGUAGE = TypeAdapter(LanguageTag)
_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
DATELINE_LIMIT = 200
"""Longer "datelines" are something else (and not worth a date parser's time)."""
WRAPPED_LINE = (30, 100)
"""Line lengths of hard-wrapped wire text: every line of a wrapped paragraph but the last."""


# --- dates ------------------------------------------------------------------------------------


Placing = Callable[[datetime, str, str, Context], date | datetime]
"""How a reader places a time written without a zone (:func:`articlekit.prose.dates.zoned`)."""


def read_date(
    text: str,
    context: Context,
    what: str,
    extras: dict[str, JsonValue] | None = None,
    key: str | None = None,
    unparsed: str = "it was left out",
    place: Placing = dates.zoned,
    moment: str | None = None,
) -> date | datetime | None:
    """A wire date-time; ``None`` (with a warning ending in ``unparsed``) when it is not one. A
    time of day without a zone is given one by ``place``: the zone the user chose, else only its
    date is kept (:func:`articlekit.prose.dates.zoned`; an embargo's passes
    :func:`~articlekit.prose.dates.embargo_zoned`); either way the text as written is kept in
    ``extras[key]``. A date with a zone and no time (``xs:date``'s ``2032-09-14-04:00``, NITF's
    ``20320914000000-0400``) is the calendar date the source printed, its text kept in
    ``extras[key]`` too: the model's date alone holds no zone; but when ``moment`` names the field
    as a moment that matters (``embargoed``, ``expires``), the start of that day in its zone
    (:func:`_date_of_zoned_date`)."""
    value = text.strip()
    if not value:
        return None
    zoned_date = None
    if "T" not in value:  # (most are date-times with a T: none of these forms has one)
        if _BASIC_DATE.match(value):
            value = f"{value[:4]}-{value[4:6]}-{value[6:]}"
        without_t = _BASIC_WITHOUT_T.match(value)
        if without_t is not None:
            day, clock, zone = without_t.groups()
            value = f"{day}{zone}" if clock == "000000" and zone else f"{day}T{clock}{zone}"
        zoned_date = _ZONED_DATE.match(value)
    if zoned_date is not None:
        digits = zoned_date.group(1).replace("-", "")
        parsed = dates.parse_iso(f"{digits[:4]}-{digits[4:6]}-{digits[6:]}")
        if parsed is not None and not isinstance(parsed, datetime):
            written = text.strip()
            kept, exact = _date_of_zoned_date(
                parsed, zoned_date.group(2), written, what, context, moment
            )
            if extras is not None and key is not None and not exact:
                extras[key] = written
            return kept
    parsed = dates.parse_iso(value)
    if parsed is None:
        quoted = shortened(value, 60)
        context.warn("date-unparsed", f"{what} {quoted!r} is not a date; {unparsed}")
        return None
    if isinstance(parsed, datetime) and parsed.tzinfo is None:
        if parsed.time() == time(0):
            return parsed.date()  # how articlekit (and many feeds) write a date alone
        if extras is not None and key is not None:
            extras[key] = text.strip()
        return place(parsed, value, what, context)
    return parsed


def _date_of_zoned_date(
    day: date, zone: str, written: str, what: str, context: Context, moment: str | None
) -> tuple[date | datetime, bool]:
    """The calendar date of a date written with a zone; for a moment that matters (an embargo,
    an expiry), the start of that day in its zone, exactly what the source means (the date
    alone, read in another zone, would lift an embargo or expire the article hours early). An
    offset no zone has (beyond ±14:00) gives that start in UTC, an embargo at the latest of it
    and the date alone's end, reported. The second item says whether the value is all the text
    says (else the text is kept too)."""
    if moment is None:
        return day, False
    start = dates.parse_iso(f"{day.isoformat()}T00:00{zone}")
    if isinstance(start, datetime) and start.tzinfo is not None:
        return start, True
    offset = timedelta(hours=int(zone[1:3]), minutes=int(zone[-2:]))  # ("+hh:mm", "+hhmm")
    kept = datetime.combine(day, time(), UTC) + (-offset if zone[0] == "+" else offset)
    if moment == "embargoed":
        kept = max(kept, dates.embargo_end(day))
    context.warn(
        "date-zone-dropped",
        f"{what} {shortened(written, 60)!r} is a date with an offset no time zone has ({zone}); "
        f"kept as "
        f"{kept.isoformat()}, never before the source's moment (the text as written is kept in "
        "extras)",
    )
    return kept, False


def iso_datetime(value: date | datetime) -> str:
    """``xs:dateTime`` text; a date alone becomes a naive midnight, which reads back as a date."""
    if isinstance(value, datetime):
        return value.isoformat()
    return f"{value.isoformat()}T00:00:00"


def embargo_moment(value: date | datetime, context: Context, code: str) -> datetime:
    """The embargo as a moment, for formats whose dates are date-times: a date alone as the
    start of that day where it starts last (:func:`~articlekit.prose.dates.embargo_end`), said in
    a warning ``code`` (it reads back as that moment, not as the date). Its midnight without a
    zone, as other dates are written, lifts the embargo early wherever it is read in a zone
    ahead of the source's."""
    moment = dates.embargo_end(value)
    if not isinstance(value, datetime):
        context.warn(
            code,
            f"embargoed: the date {value.isoformat()} alone was written as {moment.isoformat()}, "
            "the start of that day where it starts last, so that the embargo is never lifted early",
            fields=("embargoed",),
        )
    return moment


def compact_datetime(value: date | datetime) -> str:
    """NITF's ``YYYYMMDDTHHMMSS+HHMM``; a date alone becomes a naive midnight."""
    text = f"{value.year:04d}{value.month:02d}{value.day:02d}T"
    if not isinstance(value, datetime):
        return text + "000000"
    text += f"{value.hour:02d}{value.minute:02d}{value.second:02d}"
    if value.microsecond:
        text += f".{value.microsecond:06d}"
    offset = value.utcoffset()
    minutes = int(offset.total_seconds()) // 60 if offset is not None else 0
    sign = "-" if minutes < 0 else "+"
    return f"{text}{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


# --- bylines ---------------------------------------------------------------------------------


def byline_credits_people(byline: str) -> bool:
    """Whether the readers take authors from ``byline`` when no author is marked: it names
    people, not only a job title standing in for one ("By Our Foreign Staff")."""
    names = byline_names(byline)
    return names is not None and bool(authors_from_byline(names))


# --- datelines --------------------------------------------------------------------------------


def read_printed_dateline(text: str) -> Dateline | None:
    """The dateline in a printed string such as ``London (dpa) -``; ``None`` when the string holds
    no place (empty, or a time stamp as some feeds send)."""
    fields = _printed_fields(text)
    return Dateline(**fields) if fields is not None else None


def _printed_fields(text: str) -> dict[str, str] | None:
    """The Dateline field values in a printed dateline (see :func:`read_printed_dateline`)."""
    text = " ".join(text.split())
    if not text or len(text) > DATELINE_LIMIT:
        return None
    fields = _printed_parts(text)
    return dict(fields) if fields is not None else None


@lru_cache(maxsize=1024)
def _printed_parts(text: str) -> tuple[tuple[str, str], ...] | None:
    """The Dateline fields of a printed dateline of at most ``DATELINE_LIMIT`` characters, as
    pairs, remembered: an archive prints the same few datelines again and again, and both the
    readers and the writers' round-trip check read them (a date parse and the dateline patterns,
    a dozen microseconds)."""
    if dates.parse_date(text) is not None:
        return None
    printed = read_printed(text)
    return tuple(dateline_fields(printed).items()) if printed is not None else None


def dateline_reads_back(dateline: Dateline) -> bool:
    """Whether ``dateline`` reads back as itself from its printed form (what the writers print);
    no model is built when the parts read back exactly as they are."""
    fields = _printed_fields(printed_dateline(dateline))
    if fields is None:
        return False
    return fields == _dateline_parts(dateline) or Dateline(**fields) == dateline


_DATELINE_FIELDS = tuple(Dateline.model_fields)


def _dateline_parts(dateline: Dateline) -> dict[str, str]:
    """``dateline.model_dump(exclude_none=True)``, read from its attributes (a dump through
    pydantic's serialiser costs more than the rest of the round-trip check)."""
    return {
        name: value for name in _DATELINE_FIELDS if (value := getattr(dateline, name)) is not None
    }


def printed_dateline(dateline: Dateline) -> str:
    """``PLACE, DATE (AGENCY)``, the form ``read_printed_dateline`` reads back."""
    printed = PrintedDateline(dateline.place, dateline.date_text, dateline.agency)
    return format_dateline(printed, dash="").strip()


def _first_part(place: str) -> str:
    return place.split(",", maxsplit=1)[0].strip().casefold()


def _first_text(body: list[Block]) -> int:
    """Where the text of the body starts: after the pictures that lead it (a dateline opens the
    first paragraph, not a caption)."""
    index = 0
    while index < len(body) and isinstance(body[index], Figure):
        index += 1
    return index


def _opening(body: list[Block], dateline: Dateline) -> tuple[PrintedDateline, str] | None:
    start = _first_text(body)
    first = body[start] if start < len(body) else None
    if not isinstance(first, Paragraph) or dateline.place is None:
        return None
    found = split_dateline(first.text)
    if found is None or found[0].place is None or not found[1].strip():
        return None
    if _first_part(found[0].place) != _first_part(dateline.place):
        return None
    return found


def opening_dateline(body: list[Block]) -> Dateline | None:
    """The dateline printed at the start of the first paragraph, for sources whose dateline
    element holds none (a time stamp, say)."""
    start = _first_text(body)
    first = body[start] if start < len(body) else None
    if not isinstance(first, Paragraph):
        return None
    found = split_dateline(first.text)
    if found is None or not found[1].strip():
        return None
    place, date_text, agency = found[0]
    return Dateline(place=place, date_text=date_text, agency=agency)


def opens_with_dateline(body: list[Block], dateline: Dateline | None) -> bool:
    """Whether the first paragraph starts with ``dateline`` again (readers would take it out)."""
    return dateline is not None and _opening(body, dateline) is not None


def body_dateline_problem(body: list[Block], dateline: Dateline | None) -> str | None:
    """Why the dateline a writer's readers would find in ``body`` would not read back as it was
    (the first paragraph repeats ``dateline``, or, without one, opens with a dateline), or
    ``None``: the one wording every IPTC writer warns with."""
    if dateline is not None:
        if opens_with_dateline(body, dateline):
            return "the first paragraph repeats the dateline (readers take it out)"
    elif opening_dateline(body) is not None:
        return (
            "the first paragraph opens with a dateline (readers take it out as the article's "
            "dateline)"
        )
    return None


_AFTER_DATELINE = " \t\n—–-_("
"""What may follow a dateline printed in the body ("A." does not open with the dateline "A")."""


def take_dateline(
    body: list[Block], dateline: Dateline, printed_as: str | None = None
) -> tuple[list[Block], Dateline]:
    """Remove the dateline that opens the first paragraph when it repeats ``dateline`` (or the
    literal ``printed_as`` text of a dateline element); the printed agency and date fill what
    ``dateline`` lacks."""
    found = _opening(body, dateline)
    start = _first_text(body)
    first = body[start] if start < len(body) else None
    if found is None and printed_as and isinstance(first, Paragraph):
        literal = " ".join(printed_as.split())
        rest = first.text[len(literal) :]
        if first.text.startswith(literal) and rest.strip() and rest[0] in _AFTER_DATELINE:
            found = PrintedDateline(None, None, None), rest.lstrip()
    if found is None:
        return body, dateline
    printed, rest = found
    assert isinstance(first, Paragraph)
    cut = len(first.text) - len(rest)
    paragraph = Paragraph(content=drop_prefix(first, cut))
    dateline = dateline.model_copy(
        update={
            "agency": dateline.agency or printed.agency,
            "date_text": dateline.date_text or printed.date_text,
        }
    )
    return [*body[:start], paragraph, *body[start + 1 :]], dateline


PRINTED_DASH = " —"
"""What ends a dateline the writers print at the start of a story."""


def with_printed_dateline(body: list[Block], dateline: Dateline) -> list[Block] | None:
    """The body with ``dateline`` printed at the start of its first paragraph, as agencies print
    it (``PORT ALDWIN, Oct 6 (AP) — The council ...``), for formats whose dateline field holds
    only its place; ``None`` when the body has no first paragraph, opens with a dateline
    already, or a reader would not take exactly ``dateline`` back out of it (told on the text
    alone: the printed words are a span of their own, which :func:`take_dateline` cuts whole)."""
    start = _first_text(body)
    first = body[start] if start < len(body) else None
    if not isinstance(first, Paragraph) or dateline.place is None:
        return None
    text = first.text
    own = split_dateline(text)
    if own is not None and own[1].strip():
        return None  # (opens with a dateline of its own)
    opening = printed_dateline(dateline) + PRINTED_DASH + " "
    if split_dateline(opening + text) != (
        (dateline.place, dateline.date_text, dateline.agency),
        text,
    ):
        return None
    return [
        *body[:start],
        Paragraph(content=[Span(text=opening), *first.content]),
        *body[start + 1 :],
    ]


def drop_prefix(paragraph: Paragraph, count: int) -> list[Any]:
    """The paragraph's spans without its first ``count`` characters."""
    spans = []
    for span in paragraph.content:
        if count >= len(span.text):
            count -= len(span.text)
            continue
        spans.append(span.model_copy(update={"text": span.text[count:]}) if count else span)
        count = 0
    return spans


# --- hard-wrapped paragraphs ------------------------------------------------------------------


def is_hard_wrapped(text: str) -> bool:
    """Whether the line breaks of a paragraph are only hard wrapping (see ``WRAPPED_LINE``)."""
    if "\n" not in text:
        return False
    lines = text.split("\n")
    low, high = WRAPPED_LINE
    return all(low <= len(line) <= high for line in lines[:-1])


def is_hard_wrapped_paragraph(block: Block) -> TypeGuard[Paragraph]:
    """Whether ``block`` is a paragraph whose line breaks are only hard wrapping: the same as
    ``is_hard_wrapped(block.text)`` for a paragraph, without joining the text of paragraphs that
    have no line break at all (most)."""
    if not isinstance(block, Paragraph):
        return False
    content = block.content
    if len(content) == 1:
        if "\n" not in content[0].text:
            return False
    elif not any("\n" in span.text for span in content):
        return False
    return is_hard_wrapped(block.text)


def unwrap(body: list[Block]) -> list[Block]:
    """Top-level paragraphs with hard-wrapped line breaks become flowing text."""
    result: list[Block] = []
    for block in body:
        if is_hard_wrapped_paragraph(block):
            spans = [
                span.model_copy(update={"text": span.text.replace("\n", " ")})
                for span in block.content
            ]
            result.append(Paragraph(content=spans))
        else:
            result.append(block)
    return result


# --- documents ---------------------------------------------------------------------------------


def parse_document(data: bytes, context: Context) -> Any:
    """The root element, parsed by the hardened parser, without the control characters XML
    allows and articles refuse; a lying encoding declaration and removed controls are warnings."""
    root, corrected = _xml.parse(data)
    if corrected:
        context.warn(
            "encoding-declaration-wrong",
            f"the XML declares one encoding but is {corrected}; read as such",
        )
    removed = 0 if corrected is None and holds_no_control(data, root) else strip_tree_controls(root)
    if removed:
        context.warn("control-characters-removed", f"removed {removed} control characters")
    return root


_DECLARATION_START = re.compile(rb"(?:\xef\xbb\xbf)?<\?xml([^>]*)>")
_ENCODING_PSEUDO_ATTRIBUTE = re.compile(rb"encoding\s*=\s*[\"']([^\"']*)[\"']")


def holds_no_control(data: bytes, root: Any) -> bool:
    """Whether the document parsed from ``data`` (as ``root``) surely has no control character in
    any text or attribute value, told from its bytes without touching the tree: when it is read
    as UTF-8 (no encoding but UTF-8 declared; a byte-order mark of UTF-16 or UTF-32 does not
    decode), has no character reference (``&#133;``) and no document type (whose named entities
    become text), its bytes decoded hold none. Tags, comments and the declaration are looked at
    too: a control there only sends the document to :func:`strip_tree_controls`. Bytes all
    ASCII need only a look for DEL: libxml2 (without recovery) refuses a raw C0 control but TAB,
    LF and CR wherever it stands, and every other control has a byte of its own outside ASCII
    (or is DEL, 0x7F, in any encoding libxml2 may have read the bytes in)."""
    declaration = _DECLARATION_START.match(data)
    if declaration is not None:
        encoding = _ENCODING_PSEUDO_ATTRIBUTE.search(declaration.group(1))
        if encoding is not None and encoding.group(1).lower() not in (b"utf-8", b"utf8"):
            return False
    # ("#" first: a search for one byte is many times faster than one for two, and most
    # documents have no "#" at all)
    if (b"#" in data and b"&#" in data) or root.getroottree().docinfo.doctype:
        return False
    if data.isascii():  # (most documents: one memchr instead of a pass over every byte)
        return b"\x7f" not in data
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not utf8_has_control(data)  # (has_control of the text, told on its bytes: faster)


def check_namespace(root: Any, expected: str, context: Context, code: str) -> None:
    """Warn when the root is in a namespace that is neither ``expected`` nor none at all."""
    tag = root.tag
    namespace = tag[1:].partition("}")[0] if tag.startswith("{") else ""
    if namespace and namespace != expected:
        context.warn(
            code,
            f"the root element is in the namespace {namespace[:80]}, not {expected}; "
            "it was read by element names",
        )


_INLINE = frozenset({
    "a", "abbr", "b", "br", "cite", "code", "em", "i", "q", "s", "small", "span", "strong", "sub",
    "sup", "u", "person", "org", "location", "event", "function", "money", "num", "chron",
    "classifier", "object.title", "virtloc", "copyrite", "lang", "pronounce", "postaddr",
})  # fmt: skip
"""Inline elements of XHTML and NITF: whitespace between them is text, so never indentation."""


def serialise(root: Any, tags: tuple[str, ...] | None = None) -> bytes:
    """UTF-8 XML with a declaration, indented by libxml2 where that cannot change the text.

    libxml2 indents only elements without text of their own; an element holding inline children
    alone (``<p><b>x</b><i>y</i></p>``) is given an empty text first, so that no whitespace comes
    between its children. Only the inline elements articlekit's writers make are looked for
    (``tags``, when not told: :data:`_WRITTEN_INLINE_TAGS`), a quarter of them all: an element
    ``iter`` costs about a quarter of a microsecond for each tag it is given."""
    from lxml import etree

    for inline in root.iter(*(_WRITTEN_INLINE_TAGS if tags is None else tags)):
        parent = inline.getparent()
        if parent is not None and parent.text is None:
            parent.text = ""
    data: bytes = etree.tostring(root, encoding="UTF-8", pretty_print=True)
    return _DECLARATION + data


_INLINE_TAGS = tuple(f"{{*}}{name}" for name in sorted(_INLINE))
"""The inline elements in any namespace (or none), for ``iter``."""
_WRITTEN_INLINE_TAGS = tuple(
    f"{{*}}{name}" for name in ("a", "br", "em", "location", "org", "person", "span", "strong")
)
"""The inline elements the XML writers make: marks, line breaks, a caption's credit, NITF's
entity markup (a test holds the output to that of :data:`_INLINE_TAGS`)."""


class PlainBody(NamedTuple):
    """A document built with its body container left empty, because every block of the body is
    a paragraph of plain text (most articles): :func:`write_document` writes those paragraphs as
    text into the serialised document (a fifth of a NewsML-G2 writer's time: an element and a
    text node a paragraph), the very bytes their elements serialise to (a test holds every
    written document to that slow form), and falls back to the elements (:meth:`fill`) when it
    needs the whole tree (schema validation, a look at long text nodes)."""

    root: Any
    """The document, its body container empty."""
    container: Any
    """The body element left empty (XHTML ``body``, NITF ``body.content``), without prefix."""
    blocks: list[Block]
    """The paragraphs, for :meth:`fill`."""
    text: str
    """Their texts, a line each (see :func:`plain_text`)."""
    dialect: Any
    """The markup :class:`~articlekit.formats._markup.Dialect` of the container."""

    def fill(self) -> Any:
        """The whole tree: the paragraphs as elements, as the writers make them."""
        from articlekit.formats._markup import write_blocks

        write_blocks(self.container, self.blocks, self.dialect)
        return self.root


def plain_text(blocks: list[Block]) -> str | None:
    """The texts of ``blocks``, a line each, when each is a paragraph of one span of text alone
    (no marks, no line break, not empty), which the markup writer makes the text of a ``p``
    element; else ``None`` (an empty body too). A text with a control character is left to the
    elements too: lxml refuses most of them while the writer builds the tree, before the
    writer's checks warn of anything (those it accepts, such as DEL and C1, merely go the slow
    way)."""
    if not blocks:
        return None
    texts = []
    for block in blocks:
        if not isinstance(block, Paragraph) or len(block.content) != 1:
            return None
        span = block.content[0]
        text = span.text
        if not text or "\n" in text or span.strong or span.emphasis or span.link is not None:
            return None
        texts.append(text)
    joined = "\n".join(texts)
    return None if has_control(joined) else joined


_MAX_SPLICED_INDENT = 40
"""Deeper bodies are left to libxml2 (which stops indenting at 60 spaces)."""


def _spliced(plain: PlainBody) -> bytes | None:
    """The document with its plain paragraphs written as text into its empty body container,
    libxml2's way (text escaped as it escapes it, each paragraph on a line of its own indented
    one level deeper than the container); ``None`` when that cannot be told safely (guards for
    writers to come: a container indented deeper than :data:`_MAX_SPLICED_INDENT` or not by
    spaces, another empty element of the container's name)."""
    data = serialise(plain.root)
    name = local_name(plain.container)
    empty = f"<{name}/>".encode()
    at = data.find(empty)
    if at < 0 or data.find(empty, at + 1) >= 0:
        return None
    indent = data[data.rfind(b"\n", 0, at) + 1 : at]
    if len(indent) > _MAX_SPLICED_INDENT or indent.strip(b" "):
        return None
    text = plain.text
    if "&" in text or "<" in text or ">" in text or "\r" in text:
        text = (
            text.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\r", "&#13;")
        )
    inner = indent.decode("ascii") + "  "
    tag = plain.dialect.paragraph
    paragraphs = text.replace("\n", f"</{tag}>\n{inner}<{tag}>")
    body = f"<{name}>\n{inner}<{tag}>{paragraphs}</{tag}>\n{indent.decode('ascii')}</{name}>"
    return data[:at] + body.encode("utf-8") + data[at + len(empty) :]


def write_document(build: Callable[[], Any], kind: str, context: Context) -> bytes:
    """Build a document (``newsml`` or ``nitf``) and serialise it. When an IPTC schema folder is
    configured, the output is validated first (NITF inside NewsML-G2 too, which the G2 schema
    does not look into): an invalid output is a bug, an error rather than a file. ``build`` may
    leave a body of plain paragraphs to be written as text (see :class:`PlainBody`)."""
    try:
        root = build()
    except ValueError as error:  # lxml refuses characters XML cannot hold (U+FFFE, ...)
        raise OutputError(f"the article cannot be written as XML: {error}") from None
    if isinstance(root, PlainBody):
        # (in the order of the slow form: the length check, then the schema folder)
        data = _spliced(root)
        if data is not None and len(data) <= _xml.MAX_TEXT and context.schema_folder() is None:
            return data
        try:
            root = root.fill()
        except ValueError as error:  # (no known text: plain_text leaves controls to the tree)
            raise OutputError(f"the article cannot be written as XML: {error}") from None
    # No text node is longer than the document that holds it: only a long document needs a look
    # at its text nodes.
    data = serialise(root)
    if len(data) > _xml.MAX_TEXT:
        _check_text_length(root, kind)
    folder = context.schema_folder()
    if folder is not None:
        from articlekit.schemas import validate_xml

        checks = [(root, kind)]
        checks += [(nitf, "nitf") for nitf in root.iter(f"{{{_xml.NITF}}}nitf") if nitf is not root]
        for element, schema in checks:
            problems = validate_xml(element, schema, folder)
            if problems:
                more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
                raise OutputError(
                    f"the {schema} output is not schema-valid: {problems[0].message}{more}"
                )
    return data


def _check_text_length(root: Any, kind: str) -> None:
    longest = _xml.longest_text(root)
    if longest > _xml.MAX_TEXT:
        raise OutputError(
            f"the {kind} output would hold {longest:,} bytes of text in one piece (a paragraph "
            f"or a field), more than XML readers accept ({_xml.MAX_TEXT:,}); not written"
        )


# --- extras, languages, controls ---------------------------------------------------------------


def element_json(element: Any) -> JsonValue:
    """An element as plain JSON for ``extras``: ``@attribute``, ``#text``, children by name
    (``{namespace}name`` for children in another namespace than the element's)."""
    result: dict[str, JsonValue] = {
        f"@{name.rpartition('}')[2]}": value for name, value in element.attrib.items()
    }
    children = [child for child in element if isinstance(child.tag, str)]
    text = " ".join(
        "".join(
            [element.text or "", *(child.tail or "" for child in children)]
            if children
            else element.itertext()
        ).split()
    )
    namespace = _xml.namespace_of(element)
    for child in children:
        name = local_name(child)
        if _xml.namespace_of(child) != namespace:  # a foreign element keeps its namespace
            name = _xml.clark_name(child)
        found = result.setdefault(name, [])
        assert isinstance(found, list)
        found.append(element_json(child))
    if not result:
        return text
    if text:
        result["#text"] = text
    return result


def keep_foreign(
    found: Sequence[tuple[str, Any]], extras: dict[str, JsonValue], prefix: str, root: str
) -> None:
    """Keep the elements :func:`articlekit._xml.set_aside_foreign` took out of a document, under
    ``<prefix>:<path>/{namespace}name`` (``root`` names the document element in the path)."""
    for path, element in found:
        key = f"{prefix}:{path or root}/{_xml.clark_name(element)}"
        kept = extras.setdefault(key, [])
        assert isinstance(kept, list)
        kept.append(element_json(element))


def add_extra(extras: dict[str, JsonValue], key: str, value: JsonValue) -> None:
    """Append ``value`` under ``key``, making a list when the key repeats."""
    if key not in extras:
        extras[key] = value
        return
    existing = extras[key]
    if isinstance(existing, list) and existing and isinstance(existing[0], type(value)):
        existing.append(value)
    else:
        extras[key] = [existing, value]


def language(value: str | None, context: Context, what: str) -> str | None:
    """A canonical BCP 47 tag, or ``None`` with a warning when ``value`` is not one."""
    if not value or not value.strip():
        return None
    try:
        return _LANGUAGE.validate_python(value)
    except ValidationError:
        context.warn("language-invalid", f"{what} {value[:40]!r} is not a BCP 47 language tag")
        return None


def small_number(value: str | None) -> int | None:
    """A non-negative whole number written in ASCII digits, or ``None`` (also for absurdly long
    digit strings, which Python refuses to convert)."""
    value = (value or "").strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 18 else None


UNREAD_EMBARGO_HOLDS = (
    "kept in extras; the article is held (the status withheld, and the embargo as the editor's"
    " note if the source gives none) until an embargo is set"
)
"""What the warning about an embargo whose date cannot be read says of it (see :func:`hold`)."""


def holds(embargo: str) -> bool:
    """Whether an embargo whose date cannot be read holds the article: any text but an empty
    one or a template's placeholder left unfilled (``YYYYMMDD000000-HHMM``), which gives no
    embargo."""
    return bool(embargo.strip()) and "YYYY" not in embargo.upper()


def hold(fields: dict[str, Any], embargo: str, context: Context) -> bool:
    """Hold an article whose embargo (``embargo``, as written) cannot be read, as the text
    reader holds one (:func:`articlekit.prose.headers.read_flags`): published at once, it would
    be lifted before any time the source can mean. Its status is withheld (but a canceled one),
    and the embargo is the editor's note when the source gives none.

    A status the source gives as usable is withheld too: the embargo came with it, so usable
    meant "usable once the embargo ends", and no one can say when that is. The override is
    reported (``embargo-withholds-usable``); the result says it happened, so that the caller
    keeps the status as written in extras."""
    usable = fields.get("status") == "usable"
    if usable:
        context.warn(
            "embargo-withholds-usable",
            f"the source marks the item usable, but its embargo {shortened(embargo.strip(), 60)!r}"
            " cannot be read: the article is withheld all the same (an embargo is never lifted"
            " earlier than its source says); the status as written is kept in extras",
        )
    if fields.get("status") != "canceled":
        fields["status"] = "withheld"
    fields["editor_note"] = fields.get("editor_note") or f"Embargoed: {embargo.strip()}"
    return usable


def revision_number(text: str | None) -> int | None:
    """The article's version a format's version text gives: a whole number from 1 (leading
    zeros allowed, ``007``), else ``None``."""
    number = small_number(text)
    return number if number is not None and 1 <= number <= MAX_VERSION else None


def version_as_written(version: int | None, written: JsonValue) -> str | None:
    """The version text to write for an article's ``version``: as its source wrote it (kept in
    extras) while that reads as the same version (``007``, or, with no version, a text that is no
    version number, ``1.2``), else the number; ``None`` for neither."""
    if isinstance(written, str) and revision_number(written) == version:
        return written
    return None if version is None else str(version)


def identifier(value: str | None) -> str | None:
    """An identifier or URI from an attribute; ``None`` when empty or broken by whitespace."""
    value = (value or "").strip()
    return value if value and len(value.split(maxsplit=1)) == 1 else None


def add_concept(concepts: list[Concept], concept: Concept) -> None:
    """Append ``concept`` unless an equal one is already there."""
    if concept not in concepts:
        concepts.append(concept)


@cache
def _attribute_xpath() -> Any:
    from lxml import etree

    return etree.XPath("//@*")


def _attribute_values(root: Any) -> list[str]:
    """Every attribute value in the document of ``root`` (one compiled XPath)."""
    values: list[str] = _attribute_xpath()(root)
    return values


def strip_tree_controls(root: Any) -> int:
    """Remove control characters from every text, tail and attribute below ``root``; the count.
    XML allows C1 controls and DEL, articles do not."""
    from lxml import etree

    removed = 0
    # The common case, told without touching every node in Python: every text and tail below
    # the root in one string (libxml2's text output), all attribute values in another.
    if not has_control(etree.tostring(root, method="text", encoding=str)) and not has_control(
        "".join(_attribute_values(root))
    ):
        return removed
    for node in root.iter():
        if isinstance(node.tag, str) and node.text and find_control(node.text):
            node.text, count = strip_controls(node.text)
            removed += count
        if node.tail and find_control(node.tail):
            node.tail, count = strip_controls(node.tail)
            removed += count
        for name, value in node.attrib.items():
            if find_control(value):
                cleaned, count = strip_controls(value)
                node.set(name, cleaned)
                removed += count
    return removed


_IRI_FORBIDDEN = lazy_pattern(r'[\s<>"{}|\\^`\x00-\x1f\x7f]')
_BRACKETED_HOST = lazy_pattern(r"^[A-Za-z][A-Za-z0-9+.-]*://\[[0-9A-Fa-f:.]+\](?:[:/?#]|$)")


def is_iri_reference(value: str) -> bool:
    """Whether ``xs:anyURI`` (as libxml2 checks it) takes ``value``: characters an IRI may hold,
    one fragment at most, brackets only around an IPv6 host, well-formed percent escapes."""
    if not value or _IRI_FORBIDDEN.search(value) or value.count("#") > 1:
        return False
    if ("[" in value or "]" in value) and not _BRACKETED_HOST.match(value):
        return False
    return valid_percent_escapes(value)
