"""NewsML-G2 media: picture (graphic, video, audio) items and their renditions, both ways.

A picture is a ``newsItem`` of its own (``itemClass`` ``ninat:picture``, ``ninat:graphic``,
``ninat:video``, ``ninat:audio``), in the same ``newsMessage`` as the text item it illustrates,
tied to it by an ``itemMeta/link`` of the text item (``residref`` = the picture's ``guid``), by a
``packageItem`` grouping both, or, in a message of one story, by being there. Reading a picture
item:

* ``guid`` → id; ``contentMeta/headline`` (else ``itemMeta/title``) → title;
* ``description`` role ``drol:caption`` (or no role, or summary) → caption, role
  ``drol:alternativeText`` → alt text; ``creditline`` (else ``by``) → credit; ``creator`` →
  creators; ``rightsInfo`` → rights;
* ``contentSet/remoteContent`` → renditions (``href`` or ``residref``, ``contenttype``, ``width``,
  ``height``, ``size``, ``rendition``; IPTC's ``rnd:`` codes lose their prefix, so
  ``rnd:thumbnail`` is ``thumbnail``); ``inlineData`` in base64 → embedded bytes;
* what has no field (subjects, dates, extension properties) is kept in the media's extras.

An image ``remoteContent`` in the text item itself (ANSA) is the story's lead picture. Writing
makes a ``newsMessage`` of the text item and one picture item per figure and associated media
item, each linked from the text item with ``irel:seeAlso``. Embedded bytes are referenced when
extracted to files (``--extract-media``), else reported.
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Any

from lxml import etree
from pydantic import JsonValue

from articlekit._text import lazy_pattern
from articlekit._xml import NEWSML, child, children, local_name, text_of
from articlekit.formats._iptc import element_json
from articlekit.formats._media import (
    MAX_CREDIT_LENGTH,
    Carries,
    bounded_spans,
    bounded_text,
    checked,
    line,
    location,
    media_id,
    media_type,
    rendition,
)
from articlekit.model import Figure, Media, Person, Rendition, Resource, Rights, Span
from articlekit.registry import Context

MEDIA_CLASSES = {"picture": "picture", "graphic": "graphic", "video": "video", "audio": "audio"}
"""``itemClass`` codes (after the alias) of items that are media."""
MEDIA_CONTENT = lazy_pattern(r"^(?:image|video|audio)/", re.IGNORECASE)
RENDITION_ALIAS = "rnd"
"""IPTC's rendition scheme; its codes read without the prefix and are written with it."""
LINK_REL = "irel:seeAlso"
"""The relation articlekit writes from a text item to its pictures (as agencies do)."""
_CAPTION_ROLES = {"", "caption", "summary", "description"}
_ALT_ROLES = {"alternativetext", "alttext", "alt"}
_READ = {"description", "headline", "creditline", "by", "creator"}

_QCODE = lazy_pattern(r"[^\s:]+:\S*")


def rendition_qcode(name: str) -> str | None:
    """The ``rendition`` qcode a rendition's name is written as: the name when it is a qcode,
    else a code of IPTC's rendition scheme; ``None`` when it cannot be one (it holds a space)."""
    qcode = name if _QCODE.fullmatch(name) else f"{RENDITION_ALIAS}:{name}"
    return qcode if _QCODE.fullmatch(qcode) else None


def rendition_name(qcode: str) -> str | None:
    """The name of a rendition written as ``qcode``: a code of IPTC's rendition scheme without
    its prefix (``rnd:thumbnail`` is ``thumbnail``), any other qcode as it is."""
    alias, _, code = qcode.partition(":")
    return code if alias == RENDITION_ALIAS and code else qcode or None


def holds_rendition_name(name: str) -> bool:
    """Whether a rendition's name reads back as it is: not when it holds a space (left out) or
    is a code of IPTC's rendition scheme with its prefix (read back without it)."""
    return rendition_name(rendition_qcode(name) or "") == name


CARRIES = Carries(
    media=frozenset({"id", "title", "caption", "credit", "creators", "alt_text", "rights"}),
    renditions=frozenset({"name", "media_type", "width", "height", "size"}),
    creator_roles=False,
    roles=False,
    caption_marks=False,
    holds_rendition_name=holds_rendition_name,
)
"""What a picture item holds: caption marks only in the body's figure (XHTML ``figcaption``);
rendition titles and the role of associated media (featured, gallery) have no place, and bytes
are not written (``inlineData`` encodings are QCodes of no IPTC scheme; they are read)."""


def _code(qcode: str | None) -> str:
    return (qcode or "").strip().rpartition(":")[2]


def media_kind(item: Any) -> str | None:
    """The media kind of a ``newsItem`` (``None`` for text and other items)."""
    item_class = child(child(item, "itemMeta"), "itemClass")
    qcode = (item_class.get("qcode") or "") if item_class is not None else ""
    return MEDIA_CLASSES.get(_code(qcode).lower()) if local_name(item) == "newsItem" else None


def read_media_item(item: Any, context: Context) -> Media | None:
    """A picture (graphic, video, audio) ``newsItem`` as media."""
    kind = media_kind(item) or "picture"
    fields: dict[str, Any] = {"kind": kind, "extras": {}}
    extras: dict[str, JsonValue] = fields["extras"]
    guid = line(item.get("guid"))
    if guid and " " not in guid:
        fields["id"] = guid
    meta = child(item, "contentMeta")
    caption: list[Span] = []
    credit = by = alt_text = None
    creators: list[Person] = []
    for element in meta if meta is not None else []:
        name = local_name(element)
        role = _code(element.get("role")).lower()
        if name == "description" and role in _CAPTION_ROLES and not caption:
            caption = bounded_spans(_multiline(element), context)
        elif name == "description" and role in _ALT_ROLES and alt_text is None:
            alt_text = bounded_text(text_of(element), context, "alt text")
        elif name == "headline" and "title" not in fields and text_of(element):
            fields["title"] = line(text_of(element))
        elif name == "creditline" and credit is None:
            credit = bounded_text(text_of(element), context, "credit", MAX_CREDIT_LENGTH)
        elif name == "by" and by is None:
            by = bounded_text(text_of(element), context, "credit", MAX_CREDIT_LENGTH)
        elif name == "creator" and _creator(element) is not None:
            creators.append(_creator(element))  # type: ignore[arg-type]
        elif name and (name not in _READ or text_of(element)):
            _keep(extras, f"newsml:contentMeta/{name}", element)
    title = text_of(child(child(item, "itemMeta"), "title"))
    if title and "title" not in fields:
        fields["title"] = line(title)
    fields.update(caption=caption, credit=credit or by, alt_text=alt_text, creators=creators)
    fields["rights"] = _rights(child(item, "rightsInfo"))
    content = child(item, "contentSet")
    fields["renditions"] = content_renditions(content, context) if content is not None else []
    return checked(lambda: Media(**fields), context, f"the picture item {guid or ''}".strip())


def _multiline(element: Any) -> list[Span]:
    parts: list[str] = [element.text or ""]
    for node in element:
        parts.append("\n" if local_name(node) == "br" else text_of(node))
        parts.append(node.tail or "")
    text = "\n".join(" ".join(part.split()) for part in "".join(parts).split("\n")).strip()
    return [Span(text=text)] if text else []


def _creator(element: Any) -> Person | None:
    name = next(
        (text_of(node) for node in children(element, "name") if text_of(node)), None
    ) or line(element.get("literal"))
    if not name:
        return None
    uri = line(element.get("uri"))
    return Person(name=name, uri=uri if uri and " " not in uri else None)


def _rights(info: Any) -> Rights | None:
    if info is None:
        return None
    holder = child(info, "copyrightHolder")
    values = {
        "holder": (text_of(child(holder, "name")) or line(holder.get("literal")) or None)
        if holder is not None
        else None,
        "notice": text_of(child(info, "copyrightNotice")) or None,
        "usage_terms": text_of(child(info, "usageTerms")) or None,
    }
    return Rights(**values) if any(values.values()) else None


def _keep(extras: dict[str, JsonValue], key: str, element: Any) -> None:
    found = extras.setdefault(key, [])
    assert isinstance(found, list)
    found.append(element_json(element))


def content_renditions(
    content: Any, context: Context, *, media_only: bool = False
) -> list[Rendition]:
    """The renditions of a ``contentSet``: its ``remoteContent`` and base64 ``inlineData``
    (``media_only``: only those of image, video or audio types, as in a text item)."""
    found: list[Rendition] = []
    for element in content:
        name = local_name(element)
        declared = element.get("contenttype") or ""
        if media_only and not MEDIA_CONTENT.match(declared):
            continue
        extras = {
            f"newsml:remoteContent/{local_name(node)}": element_json(node)
            for node in element
            if isinstance(node.tag, str)
        }
        resource = None
        if name == "inlineData":
            resource = _inline_data(element, context)
            if resource is None:
                continue
        elif name != "remoteContent":
            continue
        made = rendition(
            context,
            element.get("href") or element.get("residref"),
            name=rendition_name((element.get("rendition") or "").strip()),
            media_type_=declared,
            width=element.get("width"),
            height=element.get("height"),
            size=element.get("size"),
            resource=resource,
            extras=extras,
        )
        if made is not None:
            found.append(made)
    return found


def _inline_data(element: Any, context: Context) -> Resource | None:
    if _code(element.get("encoding")).lower() != "base64":  # a QCode: any alias of base64
        return None
    text = re.sub(r"\s+", "", element.text or "")
    declared = media_type(element.get("contenttype"), context)
    if declared is None or not MEDIA_CONTENT.match(declared):
        return None
    if len(text) // 4 * 3 > context.max_bytes:
        context.warn("media-value-invalid", "inline data larger than the size limit; left out")
        return None
    try:
        return Resource.of(base64.b64decode(text, validate=True), declared)
    except (binascii.Error, ValueError):
        context.warn("media-value-invalid", "inline data whose base64 is broken; left out")
        return None


def packaged(packages: list[Any]) -> dict[str, set[str]]:
    """For each item a package references, the other items of the same package (a story and the
    pictures packaged with it)."""
    together: dict[str, set[str]] = {}
    for package in packages:
        references = {
            ref.get("residref", "").strip()
            for ref in package.iter()
            if local_name(ref) == "itemRef" and (ref.get("residref") or "").strip()
        }
        for reference in references:
            together.setdefault(reference, set()).update(references - {reference})
    return together


def linked(item: Any) -> list[str]:
    """The targets (``residref``, else ``href``) of a text item's ``itemMeta/link`` elements."""
    return (
        [
            (link.get("residref") or link.get("href") or "").strip()
            for link in children(child(item, "itemMeta"), "link")
            if (link.get("residref") or link.get("href") or "").strip()
        ]
        if child(item, "itemMeta") is not None
        else []
    )


# --- writing ----------------------------------------------------------------------------------


def write_media_item(
    item: Figure | Media, guid: str, text_item: Any, standard: dict[str, str], sub: Any
) -> Any:
    """A picture (graphic, video, audio) ``newsItem`` for a media item, sharing the text item's
    catalogs, provider and version time."""

    def tag(name: str) -> str:
        return f"{{{NEWSML}}}{name}"

    root = etree.Element(tag("newsItem"), nsmap={None: NEWSML})
    root.set("guid", guid)
    for key, value in standard.items():
        root.set(key, value)
    for catalog in children(text_item, "catalogRef") + children(text_item, "catalog"):
        root.append(_copy(catalog))
    if item.rights is not None:
        info = sub(root, tag("rightsInfo"))
        if item.rights.holder:
            sub(sub(info, tag("copyrightHolder")), tag("name")).text = item.rights.holder
        for part, text in (("copyrightNotice", item.rights.notice),
                           ("usageTerms", item.rights.usage_terms)):  # fmt: skip
            if text:
                _block_text(sub(info, tag(part)), text, sub)
    meta = sub(root, tag("itemMeta"))
    sub(meta, tag("itemClass"), {"qcode": f"ninat:{item.kind}"})
    text_meta = child(text_item, "itemMeta")
    for name in ("provider", "versionCreated"):
        meta.append(_copy(child(text_meta, name)))
    content_meta = sub(root, tag("contentMeta"))
    for person in item.creators:
        creator = sub(content_meta, tag("creator"), {"uri": person.uri} if person.uri else {})
        sub(creator, tag("name")).text = person.name
    if item.title:
        sub(content_meta, tag("headline")).text = item.title
    if item.credit:
        sub(content_meta, tag("creditline")).text = item.credit
    if item.caption:
        _block_text(
            sub(content_meta, tag("description"), {"role": "drol:caption"}), item.caption_text, sub
        )
    if item.alt_text:
        _block_text(
            sub(content_meta, tag("description"), {"role": "drol:alternativeText"}),
            item.alt_text,
            sub,
        )
    if not len(content_meta):
        root.remove(content_meta)
    if any(location(entry) for entry in item.renditions):
        content = sub(root, tag("contentSet"))
        for entry in item.renditions:
            _write_rendition(content, entry, sub, tag)
    return root


def _write_rendition(content: Any, entry: Rendition, sub: Any, tag: Any) -> None:
    attributes: dict[str, str] = {}
    where = location(entry)
    media = entry.effective_media_type
    if media is not None:
        attributes["contenttype"] = media
    qcode = rendition_qcode(entry.name) if entry.name is not None else None
    if qcode is not None:
        attributes["rendition"] = qcode
    for key in ("width", "height", "size"):
        value = getattr(entry, key)
        if value is not None:
            attributes[key] = str(value)
    if where is not None:
        sub(content, tag("remoteContent"), {"href": where, **attributes})


def _block_text(element: Any, text: str, sub: Any) -> None:
    lines = text.split("\n")
    element.text = lines[0]
    for value in lines[1:]:
        sub(element, f"{{{NEWSML}}}br").tail = value


def _copy(element: Any) -> Any:
    from copy import deepcopy

    return deepcopy(element)


def guid_of(item: Figure | Media) -> str:
    """The guid of a media item's picture ``newsItem``: its id, else one derived from it."""
    return item.id if item.id is not None and " " not in item.id else media_id(item)
