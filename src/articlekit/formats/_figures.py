"""Figures and tables in body markup, both ways, for (X)HTML and NITF.

Reading (used by :class:`~articlekit.formats._markup.BodyReader`):

* (X)HTML ``figure`` with an ``img``, ``picture`` (its ``source`` elements are renditions),
  ``video`` or ``audio``; the ``figcaption`` is the caption, an element whose class names a credit
  (``credit``, ``byline``, ``copyright``, ``photographer``...), that holds a schema.org credit
  (``itemprop`` ``creditText``, ``copyrightHolder``) or that is small print closing the caption
  (``<small>``, ``<cite>`` after its text) is the credit; ``figure/@itemid``
  (HTML microdata) is the media item's identifier. An ``img`` alone is a figure without caption;
  ``srcset`` entries are more renditions. Attributes with no field (``data-*``...) are kept in
  ``extras["html:img"]``.
* NITF ``media``: ``media-reference`` (one per rendition: ``source``, ``name``, ``mime-type``,
  ``width``, ``height``, ``alternate-text``, ``copyright``, ``source-credit``), ``media-object``
  (base64 bytes of the rendition before it), ``media-caption``, ``media-producer`` (the credit; one
  holding only a ``person`` names a creator), ``media-metadata`` (the one named ``id`` is the
  media item's identifier; the others are kept in extras).
* tables of the HTML 4 model, shared by XHTML and NITF: ``caption``, ``thead``/``tbody``/
  ``tfoot``/``tr``, ``th``/``td`` with ``colspan``/``rowspan``; a cell holding paragraphs or
  lists keeps them as blocks.

Writing produces the same elements (``figure``/``img``/``figcaption`` with the credit in a
``span class="credit"`` for XHTML; ``media`` for NITF; ``table`` for both).
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import TYPE_CHECKING, Any

from articlekit._text import lazy_pattern
from articlekit._xml import local_name, remove_keeping_tail, shown_text
from articlekit.formats._media import (
    MAX_CREDIT_LENGTH,
    bounded_spans,
    bounded_text,
    checked,
    line,
    location,
    media_type,
    rendition,
)
from articlekit.model import (
    MAX_SPAN,
    Block,
    Figure,
    Heading,
    Media,
    Paragraph,
    Person,
    Rendition,
    Resource,
    Rights,
    Span,
    Table,
    TableCell,
    TableRow,
)

if TYPE_CHECKING:
    from articlekit.formats._markup import BodyReader, Dialect

FIGURE_ELEMENTS = {"figure", "img", "picture", "video", "audio", "media"}
"""Elements read as figures; other embedded content (``iframe``, ``object``) is reported."""
_PLAYERS = {"img": "picture", "picture": "picture", "video": "video", "audio": "audio"}
_CREDIT_CLASS = lazy_pattern(
    r"(?:^|[\s_-])(?:credits?|byline|copyright|photographer|photo-?credit|image-?credit)(?:$|[\s_-])",
    re.IGNORECASE,
)
_KNOWN_IMG_ATTRIBUTES = {
    "src", "alt", "width", "height", "title", "srcset", "sizes", "loading", "decoding", "class",
    "style", "id", "controls", "poster", "type", "preload", "crossorigin", "referrerpolicy",
}  # fmt: skip
_SCHEMA_TYPES = {"picture": "ImageObject", "graphic": "ImageObject", "video": "VideoObject",
                 "audio": "AudioObject"}  # fmt: skip
_NITF_KINDS = {"image": "picture", "photo": "picture", "graphic": "graphic", "graphics": "graphic",
               "video": "video", "audio": "audio"}  # fmt: skip
_SRCSET_ENTRY = lazy_pattern(r"^\s*(\S+)(?:\s+(\d{1,7})w)?(?:\s+[\d.]+x)?\s*$")


# --- reading: (X)HTML -------------------------------------------------------------------------


def read_figure(node: Any, name: str, reader: BodyReader) -> list[Block]:
    """The figure of an (X)HTML ``figure``/``img``/``picture``/``video``/``audio`` or a NITF
    ``media`` element (none when it holds nothing usable)."""
    context = reader.context
    if name == "media":
        built = checked(lambda: _nitf_media(node, reader), context, "a NITF media element")
    else:
        built = checked(lambda: _html_figure(node, name, reader), context, f"a <{name}>")
    return [built] if built is not None else []


def _html_figure(node: Any, name: str, reader: BodyReader) -> Figure | None:
    context = reader.context
    player = node if name != "figure" else _first_player(node)
    kind = _PLAYERS.get(local_name(player), "picture") if player is not None else "picture"
    renditions: list[Rendition] = []
    alt_text = title = None
    extras: dict[str, Any] = {}
    if player is not None:
        renditions = _player_renditions(player, context)
        image = player if local_name(player) == "img" else _first(player, "img")
        if image is not None:
            alt_text = bounded_text(image.get("alt"), context, "alt text")
            title = line(image.get("title"))
            kept = {
                key: value
                for key, value in image.attrib.items()
                if isinstance(key, str)
                and key not in _KNOWN_IMG_ATTRIBUTES
                and not key.lower().startswith("on")  # event handlers are script, not metadata
                and line(value)
            }
            if kept:
                extras["html:img"] = kept
    caption: list[Span] = []
    credit: str | None = None
    if name == "figure":
        credits = [element for element in node.iter() if _is_credit(element)]
        texts = dict.fromkeys(shown_text(c) for c in credits)
        credit = bounded_text("; ".join(text for text in texts if text), context, "credit",
                              MAX_CREDIT_LENGTH)  # fmt: skip
        figcaption = _first(node, "figcaption")
        if figcaption is not None:
            caption = bounded_spans(_caption_spans(figcaption, reader, credits), context)
    identifier = line(node.get("itemid")) if name == "figure" else None
    if identifier and " " in identifier:
        identifier = None
    if not (renditions or caption or credit or alt_text or identifier):
        return None
    return Figure(
        kind=kind,
        id=identifier,
        title=title,
        caption=caption,
        credit=credit,
        alt_text=alt_text,
        renditions=renditions,
        extras=extras,
    )


def _first(node: Any, name: str) -> Any:
    return next((element for element in node.iter() if local_name(element) == name), None)


def _first_player(figure: Any) -> Any:
    """The picture, video or audio of a ``figure`` (outside its caption)."""
    for element in figure.iter():
        tag = local_name(element)
        if tag == "figcaption":
            continue
        if tag in _PLAYERS and not any(
            local_name(parent) == "figcaption" for parent in element.iterancestors()
        ):
            return element
    return None


def _player_renditions(player: Any, context: Any) -> list[Rendition]:
    """Renditions of an ``img`` (``src`` and ``srcset``), a ``picture`` (its ``source``
    elements, then its ``img``) or a ``video``/``audio`` (``src``, ``source`` elements)."""
    found: list[Rendition] = []
    tag = local_name(player)
    elements = [player] if tag == "img" else [player, *player.iter()]
    for element in elements:
        kind = local_name(element)
        if kind not in ("img", "source", "video", "audio"):
            continue
        if element.get("src"):
            made = rendition(
                context,
                element.get("src"),
                media_type_=element.get("type"),
                width=element.get("width"),
                height=element.get("height"),
            )
            if made is not None:
                found.append(made)
        for uri, width in _srcset(element.get("srcset")):
            made = rendition(context, uri, width=width, media_type_=element.get("type"))
            if made is not None:
                found.append(made)
    unique: list[Rendition] = []
    for entry in found:
        if entry.uri is None or all(entry.uri != other.uri for other in unique):
            unique.append(entry)
    return unique


def _srcset(value: str | None) -> list[tuple[str, str | None]]:
    entries = []
    for part in (value or "").split(","):
        match = _SRCSET_ENTRY.match(part)
        if match:
            entries.append((match.group(1), match.group(2)))
    return entries


_CREDIT_PROPERTIES = frozenset({"creditText", "copyrightHolder"})
"""schema.org microdata properties of a picture that print its credit (the page says so; no
reading of the text is needed)."""


def _is_credit(element: Any) -> bool:
    """An element of a figure that prints its credit: a credit class, a credit's schema.org
    property, or ``<small>`` print closing a caption that says more, unless it is a note
    (``<small>(file photo)</small>`` is caption: see
    :func:`~articlekit.prose.captions.small_print_is_credit`). A ``<cite>`` is a work's title
    ("... in <cite>The Long Tide</cite>"), no credit."""
    if not isinstance(element.tag, str):
        return False
    classes = element.get("class")
    if (classes and _CREDIT_CLASS.search(classes)) or element.get("itemprop") in _CREDIT_PROPERTIES:
        return True
    if local_name(element) != "small" or not _closes_caption(element):
        return False
    from articlekit.prose.captions import small_print_is_credit

    return small_print_is_credit(shown_text(element))


def _closes_caption(element: Any) -> bool:
    """Whether ``element`` is the last thing a ``figcaption`` prints, after caption text."""
    caption = element.getparent()
    if caption is None or local_name(caption) != "figcaption" or (element.tail or "").strip():
        return False
    if element.getnext() is not None:
        return False
    before = [caption.text or ""]
    for sibling in element.itersiblings(preceding=True):
        before += [shown_text(sibling), sibling.tail or ""]
    return bool("".join(before).strip())


def _caption_spans(caption: Any, reader: BodyReader, credits: list[Any]) -> list[Span]:
    """The caption's inline text without its credit; paragraphs inside it become lines."""
    from copy import deepcopy

    copy = deepcopy(caption)
    for element in [element for element in copy.iter() if _is_credit(element)]:
        remove_keeping_tail(element)
    return _spans_of_blocks(reader.blocks(copy))


def _spans_of_blocks(blocks: list[Block]) -> list[Span]:
    """Inline text of caption blocks, one line each."""
    spans: list[Span] = []
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            if spans:
                spans.append(Span(text="\n"))
            spans.extend(block.content)
    return spans


# --- reading: NITF media --------------------------------------------------------------------


def _nitf_media(node: Any, reader: BodyReader) -> Figure | None:
    context = reader.context
    renditions: list[Rendition] = []
    alt_text = notice = source_credit = None
    metadata: list[dict[str, str]] = []
    caption: list[Span] = []
    credit: str | None = None
    creators: list[Person] = []
    reference: Any = None
    """The last ``media-reference``, and whether it made a rendition (``made``)."""
    made = False
    identifier: str | None = None
    for element in node:
        tag = local_name(element)
        if tag == "media-metadata" and _names_media(element) and identifier is None:
            identifier = line(element.get("value"))
        elif tag == "media-metadata" and element.get("name"):
            entry = {"name": element.get("name")}
            if element.get("value") is not None:
                entry["value"] = element.get("value")
            metadata.append(entry)
        elif tag == "media-reference":
            alt_text = alt_text or bounded_text(element.get("alternate-text"), context, "alt text")
            notice = notice or line(element.get("copyright"))
            source_credit = source_credit or line(element.get("source-credit"))
            reference = element
            found = _reference_rendition(element, context)
            made = found is not None
            if found is not None:
                renditions.append(found)
        elif tag == "media-object" and reference is not None:
            resource = _media_object(element, reference, context)
            if resource is not None and made:
                renditions[-1] = _with_bytes(renditions[-1], resource)
            elif resource is not None:
                found = _reference_rendition(reference, context, resource)
                renditions.extend([_with_bytes(found, resource)] if found is not None else [])
            reference = None
        elif tag == "media-caption":
            spans = _spans_of_blocks(reader.blocks(element))
            if caption and spans:
                caption.append(Span(text="\n"))
            caption.extend(spans)
        elif tag == "media-producer":
            people = [child for child in element if local_name(child) == "person"]
            text = shown_text(element)
            if len(people) == 1 and not (element.text or "").strip() and not people[0].tail:
                if text:
                    creators.append(Person(name=text))
            elif credit is None:
                credit = bounded_text(text, context, "credit", MAX_CREDIT_LENGTH)
    kind = _NITF_KINDS.get((node.get("media-type") or "image").strip().lower(), "picture")
    extras: dict[str, Any] = {"nitf:media-metadata": metadata} if metadata else {}
    if not (renditions or caption or credit or alt_text or creators or extras or identifier):
        return None
    return Figure(
        id=identifier,
        kind=kind,
        caption=bounded_spans(caption, context),
        credit=credit or source_credit,
        creators=creators,
        alt_text=alt_text,
        rights=Rights(notice=notice) if notice else None,
        renditions=renditions,
        extras=extras,
    )


MEDIA_ID = "id"
"""The ``media-metadata`` name under which NITF ``media`` gives the media item's identifier (as
``figure/@itemid`` does in XHTML): a NewsML-G2 item with a NITF body ties its figures to their
picture items by it."""


def _names_media(element: Any) -> bool:
    """Whether a ``media-metadata`` element gives the media item's identifier (one word)."""
    value = line(element.get("value"))
    return element.get("name") == MEDIA_ID and value is not None and " " not in value


def _with_bytes(entry: Rendition, resource: Resource) -> Rendition:
    """A rendition with the bytes of its ``media-object``, whose media type is theirs."""
    same = entry.media_type == resource.media_type
    return entry.model_copy(
        update={"resource": resource, "media_type": None if same else entry.media_type}
    )


def _reference_rendition(
    reference: Any, context: Any, resource: Resource | None = None
) -> Rendition | None:
    return rendition(
        context,
        reference.get("source"),
        name=reference.get("name"),
        media_type_=reference.get("mime-type"),
        width=reference.get("width"),
        height=reference.get("height"),
        resource=resource,
    )


def _media_object(element: Any, reference: Any, context: Any) -> Resource | None:
    """The bytes of a ``media-object`` (base64), typed by the ``media-reference`` before it."""
    encoding = (element.get("encoding") or "").strip().lower()
    if encoding != "base64":
        context.warn(
            "media-value-invalid",
            f"a media-object in {encoding or 'an unknown'} encoding was left out (base64 is read)",
        )
        return None
    text = re.sub(r"\s+", "", element.text or "")
    if len(text) // 4 * 3 > context.max_bytes:
        context.warn("media-value-invalid", "a media-object larger than the size limit; left out")
        return None
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        context.warn("media-value-invalid", "a media-object whose base64 is broken; left out")
        return None
    declared = media_type(reference.get("mime-type"), context)
    return Resource.of(data, declared or "application/octet-stream")


# --- reading: tables ------------------------------------------------------------------------


def read_table(node: Any, reader: BodyReader) -> list[Block]:
    """A table of the HTML 4 model (XHTML and NITF alike); none when it has no cells."""
    caption: list[Span] = []
    rows: list[TableRow] = []
    invalid = False
    for part in node:
        tag = local_name(part)
        if tag == "caption":
            caption = _spans_of_blocks(reader.blocks(part))
        elif tag in ("thead", "tbody", "tfoot"):
            for row in part:
                if local_name(row) == "tr":
                    made, bad = _row(row, reader, header=tag == "thead")
                    invalid |= bad
                    rows.extend([made] if made else [])
        elif tag == "tr":
            made, bad = _row(part, reader, header=False)
            invalid |= bad
            rows.extend([made] if made else [])
    if invalid:
        reader.context.warn(
            "table-value-invalid", f"a cell span was not a number from 1 to {MAX_SPAN}; 1 was used"
        )
    if not rows:
        return [Paragraph(content=caption)] if caption else []
    return [Table(caption=caption, rows=rows)]


def _row(row: Any, reader: BodyReader, header: bool) -> tuple[TableRow | None, bool]:
    cells: list[TableCell] = []
    invalid = False
    for cell in row:
        tag = local_name(cell)
        if tag not in ("td", "th"):
            continue
        reader.count()
        spans: dict[str, int] = {}
        for name in ("colspan", "rowspan"):
            raw = cell.get(name)
            value = _span(raw)
            invalid |= raw is not None and value is None
            if value and value > 1:
                spans[name] = value
        blocks = reader.blocks(cell)
        if len(blocks) == 1 and isinstance(blocks[0], Paragraph):
            content: dict[str, Any] = {"content": blocks[0].content}
        elif blocks:
            content = {"blocks": blocks}
        else:
            content = {}
        cells.append(TableCell(header=header or tag == "th", **spans, **content))
    return (TableRow(cells=cells) if cells else None), invalid


def _span(value: str | None) -> int | None:
    if value is None:
        return None
    text = value.strip()
    if text.isascii() and text.isdigit() and 1 <= int(text[:6]) <= MAX_SPAN:
        return int(text)
    return None


# --- writing ----------------------------------------------------------------------------------


def write_figure(parent: Any, figure: Figure, dialect: Dialect) -> None:
    """An (X)HTML ``figure`` (``img``/``video``/``audio`` and ``figcaption``)."""
    from lxml import etree

    from articlekit.formats._markup import append_text, write_spans

    attributes: dict[str, str] = {}
    if figure.id is not None:
        attributes = {
            "itemscope": "itemscope",
            "itemtype": f"https://schema.org/{_SCHEMA_TYPES[figure.kind]}",
            "itemid": figure.id,
        }
    element = etree.SubElement(parent, dialect.tag("figure"), attributes)
    tag = "img" if figure.kind in ("picture", "graphic") else figure.kind
    browser = dialect.browser

    def source(entry: Rendition) -> str | None:
        return picture_source(entry, tag, embeds=dialect.embeds, browser=browser)

    first = next((r for r in figure.renditions if source(r)), None)
    if first is not None:
        player = {"src": source(first) or ""}
        if tag == "img" and (figure.alt_text is not None or browser):
            player["alt"] = " ".join((figure.alt_text or "").split())  # ("": nothing describes it)
        for name in ("width", "height"):
            if getattr(first, name) is not None:
                player[name] = str(getattr(first, name))
        if figure.title is not None:
            player["title"] = figure.title
        for key, value in safe_img_attributes(figure).items():
            player.setdefault(key, value)
        etree.SubElement(element, dialect.tag(tag), player)
    if figure.caption or figure.credit:
        caption = etree.SubElement(element, dialect.tag("figcaption"))
        write_spans(caption, figure.caption, dialect)
        if figure.credit is not None:
            if figure.caption:
                append_text(caption, " ")
            credit = etree.SubElement(caption, dialect.tag("span"), {"class": "credit"})
            credit.text = figure.credit


def picture_source(
    entry: Rendition, tag: str, *, embeds: bool = True, browser: bool = False
) -> str | None:
    """Where a player finds a rendition: its URI or extracted file, else, for a picture and when
    the output ``embeds`` them, its bytes as a ``data:`` URI (an embedded image is content, not a
    link). For a ``browser``, only an address it can load (:func:`loadable`)."""
    where = location(entry)
    if where is not None and browser and not loadable(where):
        where = None
    if where is None and embeds and tag == "img" and entry.resource and entry.resource.data:
        encoded = base64.b64encode(entry.resource.data).decode("ascii")
        return f"data:{entry.resource.media_type};base64,{encoded}"
    return where


_NO_BROWSER_SCHEMES = frozenset({"tag", "urn", "cid", "mid"})
"""URI schemes that name a thing rather than say where to fetch it: no browser loads one."""
_GENERATED_ID = lazy_pattern(r"(?=[^\W_]*\d)(?=[^\W_]*[^\W\d_])[^\W_]+")
"""A bare token of letters mixed with digits, as picture services name pictures ("JsxLggxsoo4")."""


def loadable(uri: str) -> bool:
    """Whether a browser can load a file from ``uri``: any address but an id, which is a URI of
    a scheme naming things (``tag:``, ``urn:``, ``cid:``) or a bare generated token
    (``Ab12Cd``). A word ("photo"), a path or a script's query ("GetImage?id=4471") loads from
    the page's folder."""
    scheme, colon, _ = uri.partition(":")
    if colon and "/" not in scheme:
        return scheme.lower() not in _NO_BROWSER_SCHEMES
    return _GENERATED_ID.fullmatch(uri) is None


ADDRESSLESS = "pictures known only by an id, no address a browser loads (caption kept)"


def without_address(item: Figure | Media) -> bool:
    """Whether a picture names renditions but a browser could load none of them."""
    return any(r.uri for r in item.renditions) and not any(
        picture_source(r, "img", browser=True) for r in item.renditions
    )


def safe_img_attributes(figure: Figure) -> dict[str, str]:
    """The kept ``img`` attributes that are safe to write back (``data-*`` only: never event
    handlers or styles from a source)."""
    kept = figure.extras.get("html:img")
    if not isinstance(kept, dict):
        return {}
    return {
        key: value
        for key, value in kept.items()
        if isinstance(value, str) and re.fullmatch(r"data-[a-z0-9][a-z0-9-]{0,60}", key)
    }


def write_nitf_media(parent: Any, figure: Figure, dialect: Dialect) -> None:
    """A NITF ``media`` element."""
    from lxml import etree

    from articlekit.formats._markup import write_spans

    kind = {"picture": "image", "graphic": "image"}.get(figure.kind, figure.kind)
    element = etree.SubElement(parent, dialect.tag("media"), {"media-type": kind})
    if figure.id is not None:
        identifier = {"name": MEDIA_ID, "value": figure.id}
        etree.SubElement(element, dialect.tag("media-metadata"), identifier)
    metadata = figure.extras.get("nitf:media-metadata")
    for pair in metadata if isinstance(metadata, list) else []:
        if isinstance(pair, dict) and isinstance(pair.get("name"), str):
            attributes = {"name": str(pair["name"])}
            if isinstance(pair.get("value"), str):
                attributes["value"] = str(pair["value"])
            etree.SubElement(element, dialect.tag("media-metadata"), attributes)
    notice = figure.rights.notice if figure.rights is not None else None
    entries: list[Rendition | None] = [*figure.renditions] or [None]  # one reference at least
    for entry in entries:
        reference: dict[str, str] = {}
        if entry is not None:
            where = location(entry)
            if where is not None:
                reference["source"] = where
            if entry.name is not None:
                reference["name"] = entry.name
            media_type = entry.effective_media_type
            if media_type is not None:
                reference["mime-type"] = media_type
        if figure.alt_text is not None:
            reference["alternate-text"] = " ".join(figure.alt_text.split())
        if notice is not None:
            reference["copyright"] = " ".join(notice.split())
        if entry is not None:
            for name in ("height", "width"):
                if getattr(entry, name) is not None:
                    reference[name] = str(getattr(entry, name))
            if entry.width is not None or entry.height is not None:
                reference["units"] = "pixels"
        etree.SubElement(element, dialect.tag("media-reference"), reference)
        if entry is not None and entry.resource is not None and entry.resource.data is not None:
            data = etree.SubElement(element, dialect.tag("media-object"), {"encoding": "base64"})
            data.text = base64.b64encode(entry.resource.data).decode("ascii")
    if figure.caption:
        write_spans(
            etree.SubElement(element, dialect.tag("media-caption")), figure.caption, dialect
        )
    if figure.credit is not None:
        etree.SubElement(element, dialect.tag("media-producer")).text = figure.credit
    for person in figure.creators:
        producer = etree.SubElement(element, dialect.tag("media-producer"))
        etree.SubElement(producer, dialect.tag("person")).text = person.name


def write_table(parent: Any, table: Table, dialect: Dialect) -> None:
    """A ``table``: caption, leading all-header rows in ``thead``, the rest in ``tbody``."""
    from lxml import etree

    from articlekit.formats._markup import write_blocks, write_spans

    element = etree.SubElement(parent, dialect.tag("table"))
    if table.caption:
        write_spans(etree.SubElement(element, dialect.tag("caption")), table.caption, dialect)
    heads = 0
    while heads < len(table.rows) and all(cell.header for cell in table.rows[heads].cells):
        heads += 1
    if heads == len(table.rows):
        heads = 0  # a table of header cells only: all in the body
    groups = [("thead", table.rows[:heads]), ("tbody", table.rows[heads:])]
    for group, rows in groups:
        if not rows:
            continue
        section = etree.SubElement(element, dialect.tag(group))
        for row in rows:
            tr = etree.SubElement(section, dialect.tag("tr"))
            for cell in row.cells:
                attributes = {}
                if cell.colspan > 1:
                    attributes["colspan"] = str(cell.colspan)
                if cell.rowspan > 1:
                    attributes["rowspan"] = str(cell.rowspan)
                td = etree.SubElement(tr, dialect.tag("th" if cell.header else "td"), attributes)
                if cell.blocks:
                    write_blocks(td, cell.blocks, dialect)
                else:
                    write_spans(td, cell.content, dialect)
