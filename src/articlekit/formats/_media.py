"""Media in the formats: what every reader and writer of pictures shares.

* reading source values into model values without failing on bad ones: a rendition from a URI
  and declared numbers (``data:`` URIs become embedded bytes, script URIs and absurd sizes are left
  out with ``media-value-invalid``), captions and credits cut at the model's limits
  (``media-caption-truncated``);
* :func:`attach`: the media items a format lists beside the text (ninjs associations, NewsML-G2
  picture items) that are the same picture as a figure in the body are merged into that figure;
  the others become the article's associated media;
* :class:`Carries` and :func:`report_media`: each writer declares what of a media item its format
  can hold, and one warning lists what it could not (``media-detail-dropped``,
  ``media-bytes-dropped``).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import ValidationError

from articlekit._text import counted, lazy_pattern
from articlekit.errors import setting
from articlekit.media import replace_figures
from articlekit.model import (
    MAX_CAPTION_LENGTH,
    MAX_DIMENSION,
    MAX_SIZE,
    Article,
    Block,
    Figure,
    Media,
    Rendition,
    Resource,
    Span,
    Table,
    _media_type,
    _single_line,
    has_media,
    has_media_blocks,
    is_safe_link,
    iter_blocks,
    iter_media,
)
from articlekit.registry import Context

MAX_CREDIT_LENGTH = 1000
"""The model's limit for a credit line."""

_DATA_URI = lazy_pattern(r"^data:([^,;]*)((?:;[^,;]*)*),", re.IGNORECASE | re.ASCII)
_NUMBER = lazy_pattern(r"^\s*\+?(\d{1,16})(?:\.0*)?\s*(?:px)?\s*$", re.ASCII)

AnyMedia = TypeVar("AnyMedia", Figure, Media)
T = TypeVar("T")


# --- reading values --------------------------------------------------------------------------


def line(value: Any, limit: int | None = None) -> str | None:
    """A one-line text value, or ``None`` when the source gives none usable."""
    if not isinstance(value, str):
        return None
    try:
        text = _single_line(value)
    except ValueError:
        return None
    return text[:limit] if limit else text


def number(value: Any, context: Context, what: str, maximum: int) -> int | None:
    """A whole number from a source value (``1920``, ``"1920"``, ``"1920px"``), or ``None`` with
    a warning when it is not one from 0 (1 for dimensions) to ``maximum``."""
    if value is None or value == "":
        return None
    parsed: int | None = None
    if isinstance(value, bool):
        parsed = None
    elif isinstance(value, int):
        parsed = value
    elif isinstance(value, float) and value.is_integer():
        parsed = int(value)
    elif isinstance(value, str) and (match := _NUMBER.match(value)):
        parsed = int(match.group(1))
    minimum = 0 if maximum == MAX_SIZE else 1
    if parsed is None or not minimum <= parsed <= maximum:
        shown = repr(value)[:40]
        context.warn("media-value-invalid", f"{what} {shown} is not a number from {minimum} to "
                     f"{maximum}; left out")  # fmt: skip
        return None
    return parsed


def media_type(value: Any, context: Context) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return _media_type(value.split(";")[0])
    except ValueError:
        context.warn("media-value-invalid", f"media type {value[:40]!r} is not one; left out")
        return None


def data_uri(uri: str, context: Context) -> Resource | None:
    """The bytes of a ``data:`` URI (an embedded picture), never decoded as an image; ``None``
    with a warning when it is not base64 data of a media type or is larger than the limit."""
    match = _DATA_URI.match(uri.strip())
    declared = media_type(match.group(1), context) if match and match.group(1) else None
    if (
        match is None
        or ";base64" not in match.group(2).lower()
        or declared is None
        or not declared.startswith(("image/", "video/", "audio/"))
    ):
        context.warn(
            "media-value-invalid", "a data: URI that is not a base64 picture, video or audio; "
            "left out"
        )  # fmt: skip
        return None
    encoded = re.sub(r"\s+", "", uri.strip()[match.end() :])
    if len(encoded) // 4 * 3 > context.max_bytes:
        context.warn(
            "media-value-invalid",
            f"a data: URI larger than the limit of {context.max_bytes} bytes; left out",
        )
        return None
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        context.warn("media-value-invalid", "a data: URI whose base64 is broken; left out")
        return None
    return Resource.of(data, declared)


def rendition(
    context: Context,
    uri: Any = None,
    *,
    name: Any = None,
    title: Any = None,
    media_type_: Any = None,
    width: Any = None,
    height: Any = None,
    size: Any = None,
    resource: Resource | None = None,
    extras: dict[str, Any] | None = None,
) -> Rendition | None:
    """A rendition from source values; ``None`` when it has neither a usable URI nor bytes.

    A ``data:`` URI becomes embedded bytes; ``javascript:`` and the like are left out, as are
    URIs with spaces inside and numbers out of range, each with a ``media-value-invalid``.
    """
    target: str | None = None
    if isinstance(uri, str) and uri.strip():
        stripped = uri.strip()
        if stripped[:5].lower() == "data:":
            resource = resource or data_uri(stripped, context)
        elif not is_safe_link(stripped):
            context.warn("media-value-invalid", f"a {stripped.split(':')[0][:20]}: URI; left out")
        elif any(char.isspace() for char in stripped) or line(stripped) is None:
            context.warn("media-value-invalid", f"URI {stripped[:60]!r} holds spaces; left out")
        else:
            target = stripped
    if target is None and resource is None:
        return None
    return Rendition(
        name=line(name),
        title=line(title),
        uri=target,
        resource=resource,
        media_type=media_type(media_type_, context),
        width=number(width, context, "width", MAX_DIMENSION),
        height=number(height, context, "height", MAX_DIMENSION),
        size=number(size, context, "size", MAX_SIZE),
        extras=extras or {},
    )


def bounded_spans(spans: list[Span], context: Context, what: str = "caption") -> list[Span]:
    """``spans`` cut at the model's caption limit, with a warning when they were longer."""
    total = sum(len(span.text) for span in spans)
    if total <= MAX_CAPTION_LENGTH:
        return spans
    context.warn(
        "media-caption-truncated",
        f"a {what} of {total} characters was cut to {MAX_CAPTION_LENGTH}",
    )
    kept: list[Span] = []
    room = MAX_CAPTION_LENGTH
    for span in spans:
        if room <= 0:
            break
        kept.append(
            span if len(span.text) <= room else span.model_copy(update={"text": span.text[:room]})
        )
        room -= len(span.text)
    return kept


def bounded_text(
    value: Any, context: Context, what: str, limit: int = MAX_CAPTION_LENGTH
) -> str | None:
    """Text (alt text, a credit) cut at the model's limit, with a warning when it was longer."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = " ".join(value.split()) if limit == MAX_CREDIT_LENGTH else value.strip()
    if len(text) > limit:
        context.warn(
            "media-caption-truncated", f"a {what} of {len(text)} characters was cut to {limit}"
        )
        text = text[:limit].rstrip()
    return text or None


def media_id(item: Figure | Media) -> str:
    """An identifier derived from what every format keeps of a media item (caption, credit,
    rendition URIs): writers give it to media items that have none where the format needs one
    (a ninjs association's ``uri``, a NewsML-G2 picture's ``guid``), and readers recognise it and
    leave it out, so that such an id does not appear by conversion."""
    payload = "\x1f".join(
        [item.caption_text, item.credit or "", *(r.uri or "" for r in item.renditions)]
    )
    return (
        "urn:articlekit:media:"
        + hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    )


AGAIN_SUFFIX = "-2"
"""What a writer appends to the id of a media item that an earlier item of the article has
already, where the format needs ids to differ (NewsML-G2 guids): as often as it takes."""


def distinct_id(identifier: str, taken: Collection[str]) -> str:
    """``identifier``, with :data:`AGAIN_SUFFIX` appended until none of ``taken`` is it."""
    while identifier in taken:
        identifier += AGAIN_SUFFIX
    return identifier


def without_derived_id(item: AnyMedia) -> AnyMedia:
    """``item`` without an id that a writer derived with :func:`media_id`, made distinct with
    :func:`distinct_id` or not (kept when it is all that is left of the item: what else it had,
    the format could not carry)."""
    derived = media_id(item)
    again = (item.id or "").removeprefix(derived)
    if item.id is not None and item.id != again and not again.replace(AGAIN_SUFFIX, ""):
        others = [name for name in MEDIA_FIELDS if name != "id" and getattr(item, name)]
        if others or item.renditions:
            return item.model_copy(update={"id": None})
    return item


# --- media items beside the text ------------------------------------------------------------


def attach(body: list[Block], items: Iterable[Media]) -> tuple[list[Block], list[Media]]:
    """Merge the media items that show a figure of the body (same id, a shared rendition URI, or an
    attribute of the figure's picture naming the item) into that figure; the rest stay associated.
    Ids a writer derived (:func:`media_id`) are left out once the pairs are made."""
    items = list(items)
    if not items and not has_media_blocks(body):
        return body, []
    figures = [block for block in iter_blocks(body) if isinstance(block, Figure)]
    merged: dict[int, Figure] = {}
    associated: list[Media] = []
    for item in items:
        figure = next((f for f in figures if _same(f, item) and id(f) not in merged), None)
        if figure is None:
            associated.append(item)
        else:
            merged[id(figure)] = merge(figure, item)
    associated = [without_derived_id(item) for item in associated]
    if not figures:
        return body, associated

    def finished(figure: Figure) -> Figure:
        return without_derived_id(merged.get(id(figure), figure))

    return replace_figures(body, finished), associated


def _same(figure: Figure, item: Media) -> bool:
    if figure.id is not None and figure.id == item.id:
        return True
    uris = {r.uri for r in figure.renditions if r.uri}
    if uris & {r.uri for r in item.renditions if r.uri}:
        return True
    named = {str(value) for value in _attribute_values(figure)}
    return bool(named & {value for value in (item.id, item.name) if value})


def _attribute_values(figure: Figure) -> list[Any]:
    attributes = figure.extras.get("html:img")
    return list(attributes.values()) if isinstance(attributes, dict) else []


def merge(figure: Figure, item: Media) -> Figure:
    """The figure completed by what the media item says of the same picture: the body's caption and
    credit win (they carry inline marks), the item's renditions come first (they are complete),
    rights the figure leaves out come from the item."""
    uris = {r.uri for r in item.renditions if r.uri}
    renditions = [
        *item.renditions,
        *(r for r in figure.renditions if not r.uri or r.uri not in uris),
    ]
    update: dict[str, Any] = {"renditions": renditions}
    for name in ("id", "title", "credit", "alt_text", "rights"):
        if getattr(figure, name) is None and getattr(item, name) is not None:
            update[name] = getattr(item, name)
    if figure.rights is not None and item.rights is not None:  # (a NITF figure: the notice)
        parts = ("holder", "notice", "usage_terms")
        missing = {
            part: getattr(item.rights, part) for part in parts if not getattr(figure.rights, part)
        }
        update["rights"] = figure.rights.model_copy(
            update={part: value for part, value in missing.items() if value}
        )
    if not figure.caption and item.caption:
        update["caption"] = item.caption
    if not figure.creators and item.creators:
        update["creators"] = item.creators
    if figure.kind == "picture" and item.kind != "picture":
        update["kind"] = item.kind
    if item.extras:
        update["extras"] = {**item.extras, **figure.extras}
    return figure.model_copy(update=update)


# --- what a format can carry ----------------------------------------------------------------

MEDIA_FIELDS = ("id", "title", "caption", "credit", "creators", "alt_text", "rights", "extras")
RENDITION_FIELDS = ("name", "title", "media_type", "width", "height", "size", "extras")


@dataclass(frozen=True)
class Carries:
    """What of media and tables a format can hold; writers report the rest with
    :func:`report_media`."""

    media: frozenset[str] = frozenset(MEDIA_FIELDS)
    """Fields of a figure or media item the format holds."""
    renditions: frozenset[str] = frozenset(RENDITION_FIELDS)
    """Fields of a rendition the format holds (its URI always)."""
    creator_roles: bool = True
    rights: frozenset[str] = frozenset({"holder", "notice", "usage_terms"})
    roles: bool = True
    """Whether associated media keep their role (featured, gallery) and name."""
    associated: bool = True
    """Whether media beside the body stay beside it (else they are written as figures)."""
    kinds: frozenset[str] = frozenset({"picture", "graphic", "video", "audio"})
    several_renditions: bool = True
    relative_uris: bool = True
    """Whether rendition URIs relative to the document can be written (ninjs needs absolute)."""
    embedded: bool = False
    """Whether embedded bytes can be written into the document itself."""
    embedded_in_body: bool = False
    """Whether the bytes of the body's figures are written though media beside the body lose
    theirs (NewsML-G2 with a NITF body: ``media-object``; its picture items hold no bytes)."""
    caption_marks: bool = True
    holds_rendition_name: Callable[[str], bool] | None = None
    """Whether a rendition's name reads back as it is (``None``: every name does)."""
    table_cell_blocks: bool = True
    table_spans: bool = True
    table_headers: bool = True
    """Whether header cells stand anywhere in a table (else only as whole rows at its top, above
    a body row; a format whose writer checks its own header rows, as Markdown's does, says True)."""
    extras: tuple[str, ...] = field(default=())
    """Extras keys (prefixes) the format writes back."""


def report_media(
    article: Article,
    carries: Carries,
    context: Context,
    format_name: str,
    also: set[str] | frozenset[str] = frozenset(),
) -> None:
    """One warning naming what of the article's media the format could not hold (with ``also``:
    losses of the body's figures and tables the writer found itself)."""
    if not has_media(article):
        return
    lost: set[str] = set(also)
    bytes_lost = 0
    fields: set[str] = {"body"} if also else set()
    """The article fields concerned: ``body`` for figures and tables, ``media`` beside it."""
    for item in iter_media(article):
        before = (len(lost), bytes_lost)
        for name in MEDIA_FIELDS:
            value = getattr(item, name)
            if (
                value
                and name not in carries.media
                and (name != "extras" or _foreign_extras(value, carries))
            ):
                lost.add(f"media {_plural(name)}")
        if (
            item.caption
            and not carries.caption_marks
            and any(span.strong or span.emphasis or span.link for span in item.caption)
        ):
            lost.add("formatting of captions")
        if not carries.creator_roles and any(person.role or person.uri for person in item.creators):
            lost.add("creator roles")
        if item.rights is not None:
            for part in ("holder", "notice", "usage_terms"):
                if getattr(item.rights, part) and part not in carries.rights:
                    lost.add(f"media rights {part.replace('_', ' ')}")
        if item.kind not in carries.kinds:
            lost.add(f"the kind {item.kind!r} (written as a picture)")
        if isinstance(item, Media) and item.role != "related" and not carries.roles:
            lost.add("roles of associated media")
        if isinstance(item, Media) and item.name and not carries.roles:
            lost.add("names of associated media")
        if len(item.renditions) > 1 and not carries.several_renditions:
            lost.add("renditions beyond the first")
        for entry in item.renditions:
            for name in RENDITION_FIELDS:
                if getattr(entry, name) not in (None, "", {}) and name not in carries.renditions:
                    lost.add(f"rendition {_plural(name)}")  # (a size of 0 is one)
            if (
                entry.name is not None
                and carries.holds_rendition_name is not None
                and not carries.holds_rendition_name(entry.name)
            ):
                lost.add("rendition names as they are (they read back otherwise)")
            if entry.uri and not carries.relative_uris and ":" not in entry.uri.split("/")[0]:
                lost.add("relative rendition URIs")
            if entry.uri is None and _extracted(entry) and not carries.relative_uris:
                lost.add("the relative paths of extracted media files in renditions")
            if (
                entry.resource is not None
                and entry.resource.data is not None
                and not carries.embedded
                and not (carries.embedded_in_body and isinstance(item, Figure))
            ):
                bytes_lost += 1
        if (len(lost), bytes_lost) != before:
            fields.add("media" if isinstance(item, Media) else "body")
    table_losses = _table_losses(article, carries)
    if table_losses:
        lost |= table_losses
        fields.add("body")
    if article.media and not carries.associated:
        lost.add("the association of media beside the body (written as figures at its end)")
        fields |= {"body", "media"}
    named = tuple(sorted(fields))
    if lost:
        context.warn(
            "media-detail-dropped",
            f"{format_name} output cannot hold {', '.join(sorted(lost))}",
            fields=named,
        )
    if bytes_lost:
        context.warn(
            "media-bytes-dropped",
            f"{format_name} output cannot carry the bytes of "
            f"{counted(bytes_lost, 'embedded picture')}; write them as files with "
            f"{setting('--extract-media', 'extract_media=')} to keep a reference to them",
            fields=named,
        )


def _extracted(entry: Rendition) -> bool:
    """Whether the rendition names only a file ``extract_media`` wrote (a path, no bytes)."""
    return entry.resource is not None and entry.resource.data is None and bool(entry.resource.path)


def _plural(field_name: str) -> str:
    """``alt_text`` → ``alt texts``; names already plural (``extras``, ``creators``) stay."""
    label = field_name.replace("_", " ")
    return label if label.endswith("s") else f"{label}s"


def _table_losses(article: Article, carries: Carries) -> set[str]:
    lost: set[str] = set()
    for table in (block for block in iter_blocks(article.body) if isinstance(block, Table)):
        cells = [cell for row in table.rows for cell in row.cells]
        if not carries.table_spans and any(cell.colspan > 1 or cell.rowspan > 1 for cell in cells):
            lost.add("table cell spans")
        if not carries.table_cell_blocks and any(cell.blocks for cell in cells):
            lost.add("paragraphs and lists inside table cells (joined into one line)")
        spans = [span for cell in cells for span in cell.content] + table.caption
        if not carries.caption_marks and any(s.strong or s.emphasis or s.link for s in spans):
            lost.add("formatting in tables")
        if not carries.table_headers:
            heads = 0
            while heads < len(table.rows) - 1 and all(c.header for c in table.rows[heads].cells):
                heads += 1
            if any(cell.header for row in table.rows[heads:] for cell in row.cells) or any(
                not cell.header for row in table.rows[:heads] for cell in row.cells
            ):
                lost.add("header cells outside the top rows")
    return lost


def _foreign_extras(extras: dict[str, Any], carries: Carries) -> bool:
    return any(not key.startswith(carries.extras) for key in extras) if carries.extras else True


def as_media(figure: Figure, role: str = "related") -> Media:
    """A figure as media that go with the article without a place in its body."""
    return Media.model_validate({**figure.model_dump(exclude={"type"}), "role": role})


def as_figure(item: Media) -> Figure:
    """Associated media as a figure of the body."""
    return Figure.model_validate(item.model_dump(exclude={"role", "name"}))


def as_figures(items: list[Media]) -> list[Block]:
    """Associated media as figures, for formats that can only place media in the body."""
    return [as_figure(item) for item in items]


def location(entry: Rendition) -> str | None:
    """Where a rendition's file is: its URI, else the path of its extracted bytes."""
    if entry.uri is not None:
        return entry.uri
    if entry.resource is not None:
        return entry.resource.path
    return None


def checked(build: Callable[[], T], context: Context, what: str) -> T | None:
    """``build()``, or ``None`` with a warning when the source's values make no valid model
    object (a figure whose values all broke the model's rules)."""
    try:
        return build()
    except ValidationError as error:
        from articlekit.model import describe_validation_error

        context.warn("media-value-invalid", f"{what} left out: {describe_validation_error(error)}")
        return None


def best_rendition(
    renditions: list[Rendition], usable: Callable[[Rendition], bool]
) -> Rendition | None:
    """The rendition a page shows when it can show one only: of the ``usable`` ones, the one named
    ``original``, else the largest (declared width times height, or width); the first of equals."""
    candidates = [entry for entry in renditions if usable(entry)]
    if not candidates:
        return None
    original = next((entry for entry in candidates if entry.name == "original"), None)
    if original is not None:
        return original
    return max(candidates, key=lambda entry: (entry.width or 0) * (entry.height or 1))
