"""ninjs media: ``associations`` and ``renditions``, both ways, in every generation.

An association is a ninjs object of its own (``uri``, ``type``, headlines, descriptions, ``by``,
people, rights, ``renditions``). 2.x and 3.x list associations with a ``name`` (3.x also a
``rel``) and renditions with a ``name``; 1.x keys both objects by name (Superdesk's
``featuremedia``). Reading:

* ``type`` picture/graphic/video/audio → the media kind (other associations, such as related
  text items, are kept in extras);
* descriptions: role ``caption`` (or no role) → caption, ``creditline`` → credit, an alternative
  text role → alt text; 1.x ``description_text``/``description_html`` → caption; ``by`` (1.x
  ``byline``) → credit when no credit line; people with a credit ``rel`` → creators;
* ``copyrightholder``, ``copyrightnotice``, ``usageterms`` → rights; a headline → title;
* renditions as :mod:`~articlekit.formats.ninjs.renditions` reads and writes them in every
  version (``href``, ``contenttype``, ``width``, ``height``, ``sizeinbytes``, ``title``; the
  rest, ``format``, ``poi``..., in the rendition's extras);
* the role: 3.x ``rel``, else the association's name (``featuremedia``/``mainpic`` lead the story,
  ``gallery...`` is a gallery).

Writing mirrors this: every figure of the body and every associated media item is an association
(its ``uri`` the item's id, or one derived from its content that readers drop again), its name the
source's or one made from its role; body figures also stay in the HTML body, where readers find
them again by their id or their picture's URI.
"""

from __future__ import annotations

import re
from typing import Any

from articlekit._text import lazy_pattern
from articlekit.formats._markup import blocks_from_html
from articlekit.formats._media import (
    MAX_CREDIT_LENGTH,
    Carries,
    bounded_spans,
    bounded_text,
    checked,
    line,
    media_id,
)
from articlekit.formats.ninjs.concepts import is_uri
from articlekit.formats.ninjs.renditions import (
    RenditionWriter,
    model_rendition,
    properties_of,
    renditions_of,
)
from articlekit.model import Figure, Media, Paragraph, Person, Rendition, Rights, Span
from articlekit.registry import Context

MEDIA_KINDS = {"picture": "picture", "graphic": "graphic", "video": "video", "audio": "audio"}
CREDIT_RELS = frozenset({"photographer", "creator", "author", "illustrator", "videographer",
                         "cameraman", "camera", "producer", "artist", "by"})  # fmt: skip
"""``rel`` of people credited for a media item."""
_CAPTION_ROLES = frozenset({"", "caption", "description", "main", "summary", "drol:caption"})
_CREDIT_ROLES = frozenset({"creditline", "credit", "credits", "drol:creditline"})
_ALT_ROLES = frozenset({"alternativetext", "alttext", "alt", "alternative", "alt_text",
                        "drol:alternativetext", "accessibility"})  # fmt: skip
_FEATURED = lazy_pattern(r"^(?:feature|main|lead|hero|top|teaser)", re.IGNORECASE)
_GALLERY = lazy_pattern(r"gallery|slideshow", re.IGNORECASE)
_V1_KEY = lazy_pattern(r"^[A-Za-z0-9]+$")
"""1.0's pattern for the keys of associations and renditions (1.1+ also allow ``_``)."""
_ITEM_KEYS = {
    "uri", "guid", "type", "name", "rel", "headline", "headlines", "descriptions",
    "description_text", "description_html", "description_xhtml", "by", "byline", "people",
    "person", "copyrightholder", "copyrightnotice", "usageterms", "renditions",
}  # fmt: skip

CARRIES = Carries(
    media=frozenset({"id", "title", "caption", "credit", "creators", "alt_text", "rights"}),
    renditions=frozenset({"name", "title", "media_type", "width", "height", "size"}),
    caption_marks=True,
    relative_uris=False,
    embedded=False,
)
"""What ninjs associations hold (every generation): not bytes, nor relative URIs (``href`` is
an absolute URI), nor source extras."""


def _get(item: dict[str, Any], *names: str) -> Any:
    """The first of ``names`` present in ``item``, whatever its case (3.x camelCase)."""
    lowered = {key.lower(): value for key, value in item.items() if isinstance(key, str)}
    for name in names:
        if name in lowered:
            return lowered[name]
    return None


def kind_of(item: dict[str, Any]) -> str | None:
    """The media kind of a ninjs object, or ``None`` when it is not a media item."""
    kind = item.get("type")
    return MEDIA_KINDS.get(kind.strip().lower()) if isinstance(kind, str) else None


def associations(value: Any, context: Context) -> tuple[list[Media], Any]:
    """The media items of an ``associations`` value (2.x/3.x list or 1.x object keyed by name),
    and what is left that is not media (``None`` when nothing)."""
    entries: list[tuple[str | None, Any]]
    if isinstance(value, dict):
        entries = list(value.items())
    elif isinstance(value, list):
        entries = [(None, entry) for entry in value]
    else:
        return [], value
    found: list[Media] = []
    rest: list[Any] = []
    for name, entry in entries:
        item = (
            media_item(entry, context, name) if isinstance(entry, dict) and kind_of(entry) else None
        )
        if item is None:
            rest.append({name: entry} if name is not None else entry)
        else:
            found.append(item)
    return found, rest or None


def media_item(entry: dict[str, Any], context: Context, name: str | None = None) -> Media | None:
    """One association as media beside the article."""
    fields = media_fields(entry, context)
    own_name = line(entry.get("name")) or line(name) or line(entry.get("id"))  # id: Superdesk
    rel = line(_get(entry, "rel"))
    role = _role(rel or own_name or "")
    extras = {
        f"ninjs:{key}": value
        for key, value in entry.items()
        if isinstance(key, str) and key.lower() not in _ITEM_KEYS
    }
    if rel and _role(rel) == "related" and rel.lower() != "related":
        extras["ninjs:rel"] = rel
    if role == "featured" and own_name == "featuremedia":
        own_name = None  # the name writers give the lead picture: its role says it
    return checked(
        lambda: Media(role=role, name=own_name, extras=extras, **fields),
        context,
        f"the association {own_name or ''}".strip(),
    )


def _role(word: str) -> str:
    if _FEATURED.match(word.strip()):
        return "featured"
    if _GALLERY.search(word):
        return "gallery"
    return "related"


def media_fields(item: dict[str, Any], context: Context) -> dict[str, Any]:
    """The media fields of a ninjs object (an association, or a standalone picture item)."""
    fields: dict[str, Any] = {"kind": kind_of(item) or "picture"}
    uri = line(_get(item, "uri")) or line(_get(item, "guid"))
    if uri and " " not in uri:
        fields["id"] = uri
    fields["title"] = _title(item)
    caption, credit, alt_text = _descriptions(item, context)
    fields["caption"] = caption
    fields["alt_text"] = alt_text
    by = _get(item, "by", "byline")
    fields["credit"] = credit or bounded_text(
        by if isinstance(by, str) else None, context, "credit", MAX_CREDIT_LENGTH
    )
    fields["creators"] = _creators(item)
    rights = {
        "holder": line(_get(item, "copyrightholder")),
        "notice": line(_get(item, "copyrightnotice")),
        "usage_terms": line(_get(item, "usageterms")),
    }
    fields["rights"] = Rights(**rights) if any(rights.values()) else None
    fields["renditions"] = renditions(_get(item, "renditions"), context)
    return fields


def _title(item: dict[str, Any]) -> str | None:
    headlines = _get(item, "headlines")
    if isinstance(headlines, list):
        for entry in headlines:
            if isinstance(entry, dict) and line(entry.get("value")):
                return line(entry.get("value"))
    return line(_get(item, "headline"))


def _descriptions(
    item: dict[str, Any], context: Context
) -> tuple[list[Span], str | None, str | None]:
    caption: list[Span] = []
    credit = alt_text = None
    entries: list[tuple[str, str, Any]] = []
    descriptions = _get(item, "descriptions")
    if isinstance(descriptions, list):
        entries += [
            (
                str(entry.get("role") or "").strip().lower(),
                str(_get(entry, "contenttype") or ""),
                entry.get("value"),
            )
            for entry in descriptions
            if isinstance(entry, dict)
        ]
    for key in ("description_html", "description_xhtml", "description_text"):
        if isinstance(item.get(key), str):
            entries.append(("", "text/html" if "html" in key else "", item[key]))
    for role, content_type, value in entries:
        if not isinstance(value, str) or not value.strip():
            continue
        if role in _CREDIT_ROLES and credit is None:
            credit = bounded_text(value, context, "credit", MAX_CREDIT_LENGTH)
        elif role in _ALT_ROLES and alt_text is None:
            alt_text = bounded_text(value, context, "alt text")
        elif role in _CAPTION_ROLES and not caption:
            caption = bounded_spans(_spans(value, content_type, context), context)
    return caption, credit, alt_text


def _spans(value: str, content_type: str, context: Context) -> list[Span]:
    if "html" in content_type.lower() or value.lstrip().startswith("<"):
        blocks = blocks_from_html(value, context).blocks
        spans: list[Span] = []
        for block in blocks:
            if isinstance(block, Paragraph):
                spans += [Span(text="\n")] if spans else []
                spans += block.content
        return spans
    return [Span(text=" ".join(value.split()))]


def _creators(item: dict[str, Any]) -> list[Person]:
    people = _get(item, "people", "person")
    creators = []
    for entry in people if isinstance(people, list) else []:
        if not isinstance(entry, dict):
            continue
        name = line(entry.get("name"))
        rel = line(entry.get("rel")) or ""
        if name and rel.lower() in CREDIT_RELS:
            uri = line(entry.get("uri")) or line(entry.get("code"))
            creators.append(
                Person(name=name, role=rel or None, uri=uri if uri and " " not in uri else None)
            )
    return creators


def renditions(value: Any, context: Context) -> list[Rendition]:
    """Renditions of any generation (see :mod:`~articlekit.formats.ninjs.renditions`); one
    without a usable ``href`` (none, a ``javascript:`` or ``data:`` URI) is left out with a
    warning. ``rendition<n>`` at position n is the name writers give renditions without one:
    it reads back as none."""
    found = []
    for position, properties in enumerate(renditions_of(value) or [], start=1):
        if properties.get("name") == f"rendition{position}":  # the name writers give the nameless
            properties = {key: part for key, part in properties.items() if key != "name"}  # noqa: PLW2901
        made = model_rendition(properties)
        if made is None:
            href = properties.get("href")
            shown = repr(href)[:40] if href is not None else "no href"
            context.warn("media-value-invalid", f"a rendition with {shown} was left out")
        else:
            found.append(made)
    return found


def picture_article_body(item: dict[str, Any], context: Context) -> Figure | None:
    """The figure of a standalone picture (graphic, video, audio) item: its article's body."""
    fields = media_fields(item, context)
    # the item's own id, headline and rights are the article's; the figure holds the picture
    for name in ("id", "title", "rights"):
        fields.pop(name)
    return checked(lambda: Figure(**fields), context, "the picture")


# --- writing ----------------------------------------------------------------------------------


def association(
    item: Figure | Media, name: str, version: str, name_of: Any, lost: list[str]
) -> dict[str, Any]:
    """The ninjs association object of a media item, in the spelling of ``version`` (``name_of``
    turns a 2.x property name into that version's)."""
    major = version.split(".", maxsplit=1)[0]
    entry: dict[str, Any] = {}
    if major != "1":
        entry["name"] = name
    entry["uri"] = item.id if item.id is not None and is_uri(item.id) else media_id(item)
    if item.id is not None and not is_uri(item.id):
        lost.append(f"the media id {item.id!r} (not a URI)")
    entry["type"] = item.kind
    if isinstance(item, Media) and major == "3" and item.role != "related":
        entry["rel"] = item.role
    if item.title is not None:
        if major == "1":
            entry["headline"] = item.title
        else:
            entry["headlines"] = [{"value": item.title}]
    if item.credit is not None:
        entry[name_of("by")] = item.credit
    descriptions = []
    if item.caption:
        marked = any(span.strong or span.emphasis or span.link for span in item.caption)
        value = _caption_html(item.caption) if marked else item.caption_text
        if major == "1":
            entry["description_html" if marked else "description_text"] = value
        else:
            described: dict[str, Any] = {"role": "caption", "value": value}
            if marked:
                described[name_of("contenttype")] = "text/html"
            descriptions.append(described)
    if item.alt_text is not None:
        if major == "1":
            lost.append("alt text of media (ninjs 1.x has one description)")
        else:
            descriptions.append({"role": "alternativeText", "value": item.alt_text})
    if descriptions:
        entry["descriptions"] = descriptions
    if item.creators:
        entry[name_of("people")] = [
            {"name": person.name, "rel": person.role or "creator"} for person in item.creators
        ]
    if item.rights is not None:
        for key, part in rights_properties(item.rights):
            entry[name_of(key)] = part
    label = f"the association {name}"
    located = [
        properties_of(r.model_copy(update={"resource": None}), lost, f"a rendition of {label}")
        for r in item.renditions
        if r.uri is not None and is_uri(r.uri)
    ]
    if located:
        entry["renditions"] = RenditionWriter(version, lost).renditions(located)
    return entry


def rights_properties(rights: Rights) -> list[tuple[str, str]]:
    """The ninjs properties (2.x spelling) of rights: holder, notice and usage terms."""
    return [
        (key, value)
        for key, value in (
            ("copyrightholder", rights.holder),
            ("copyrightnotice", rights.notice),
            ("usageterms", rights.usage_terms),
        )
        if value is not None
    ]


def _caption_html(spans: list[Span]) -> str:
    from articlekit.formats._markup import html_from_blocks

    return html_from_blocks([Paragraph(content=spans)])


def association_name(item: Figure | Media, index: int, major: str, taken: set[str]) -> str:
    """A name for an association: the source's when it fits the generation, else one from its
    role (``featuremedia`` for the lead picture, ``gallery2``, ``figure1``)."""
    name = item.name if isinstance(item, Media) and item.name else None
    if name is None or (major == "1" and not _V1_KEY.match(name)) or name in taken:
        if isinstance(item, Figure):
            base = "figure"
        else:
            base = {"featured": "featuremedia", "gallery": "gallery", "related": "related"}[
                item.role
            ]
        name = base if base == "featuremedia" and base not in taken else f"{base}{index}"
        while name in taken:
            index += 1
            name = f"{base}{index}"
    taken.add(name)
    return name
