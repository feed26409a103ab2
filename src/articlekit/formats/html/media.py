"""Pictures and tables on articlekit's own pages: what a page shows of them, and so reads back.

A body figure is a ``<figure>`` (``itemid`` when it has an id) holding one player and a
``<figcaption>`` with the caption's marks and the credit in ``<span class="credit">``:

* pictures and graphics: ``<img src alt width height title>``; videos and audio: ``<video>`` or
  ``<audio>`` with ``src`` (and ``width``/``height`` for videos);
* ``src`` is the best rendition (:func:`~articlekit.formats._media.best_rendition`: the one named
  ``original``, else the largest) that has an address: its URI, or the path of its file once media
  were extracted (``--extract-media``), or, for a picture held only as bytes, a ``data:`` URI,
  which the reader takes back as the same bytes;
* the ``data-*`` attributes a source page's ``<img>`` had (kept in ``extras["html:img"]``).

Tables are ``<table>`` with ``<caption>``, ``<thead>`` for the rows of header cells at the top,
``<th>``/``<td>`` with ``colspan``/``rowspan``, paragraphs and lists inside cells: the model's
tables whole.

The featured picture (``Article.media``) is shown at the top of the page, in the ``<header>``;
the media list itself travels in the JSON-LD ``image`` and the page's ``articlekit-fields``
script, so it reads back whole (see :mod:`.write`).

What a page cannot show of a figure is declared in :data:`CARRIES` and reported by
:func:`~articlekit.formats._media.report_media`; the details that depend on the picture's kind
(alt text and a title need an ``<img>``) are reported by :func:`shown_body`.
"""

from __future__ import annotations

from typing import Any

from articlekit._text import counted
from articlekit.errors import setting
from articlekit.formats._figures import (
    ADDRESSLESS,
    picture_source,
    safe_img_attributes,
    without_address,
)
from articlekit.formats._media import Carries, best_rendition, report_media
from articlekit.media import replace_figures
from articlekit.model import (
    Article,
    Block,
    Figure,
    Media,
    Rendition,
    Resource,
    has_media_blocks,
    iter_blocks,
)
from articlekit.registry import Context

CARRIES = Carries(
    media=frozenset({"id", "title", "caption", "credit", "alt_text", "extras"}),
    renditions=frozenset({"width", "height"}),
    creator_roles=False,
    rights=frozenset(),
    kinds=frozenset({"picture", "video", "audio"}),
    several_renditions=False,
    embedded=True,
    extras=("html:img",),
)
"""What a page's ``<figure>`` shows: caption (with marks), credit, id, one rendition's address
and size, and for pictures alt text, title and ``data-*`` attributes. Creators, rights and the
other renditions have no place a reader could take them back from."""


def _player(kind: str) -> str:
    """The element that plays a figure of ``kind``."""
    return "img" if kind in ("picture", "graphic") else kind


def shown_figure(figure: Figure, lost: set[str]) -> Figure:
    """``figure`` as its ``<figure>`` reads back; what that leaves out is added to ``lost``."""
    tag = _player(figure.kind)
    entry = best_rendition(
        figure.renditions, lambda r: picture_source(r, tag, browser=True) is not None
    )
    if entry is None and without_address(figure):
        lost.add(ADDRESSLESS)
    update: dict[str, Any] = {
        "kind": "picture" if figure.kind == "graphic" or entry is None else figure.kind,
        "creators": [],
        "rights": None,
        "renditions": [] if entry is None else [_shown_rendition(entry, tag, lost)],
    }
    data_attributes = safe_img_attributes(figure) if tag == "img" else {}
    update["extras"] = {"html:img": data_attributes} if data_attributes and entry else {}
    if tag != "img" or entry is None:
        update |= {"alt_text": None, "title": None}
        if figure.alt_text or figure.title:
            lost.add("alt text and titles of media without a picture shown")
        if entry is None and figure.kind not in ("picture", "graphic"):
            lost.add("the kind of media without a file shown")
    else:
        update["alt_text"] = " ".join(figure.alt_text.split()) if figure.alt_text else None
    if figure.kind in ("video", "audio") and any(
        r.resource is not None and r.resource.data and not r.uri and not r.resource.path
        for r in figure.renditions
    ):
        extract = setting("--extract-media", "extract_media=")
        lost.add(f"the bytes of videos and audio (write them as files with {extract})")
    extras = figure.extras.get("html:img")
    if isinstance(extras, dict) and extras != (update["extras"].get("html:img") or {}):
        lost.add("attributes of source pages' pictures other than data-*")
    return figure.model_copy(update=update)


def _shown_rendition(entry: Rendition, tag: str, lost: set[str]) -> Rendition:
    source = picture_source(entry, tag, browser=True) or ""
    size = {"width": entry.width, "height": entry.height}
    if source.startswith("data:") and entry.resource is not None and entry.resource.data:
        resource = Resource.of(entry.resource.data, entry.resource.media_type)
        return Rendition(resource=resource, **size)
    if entry.uri is None:
        lost.add("extracted media files' details (the page names the file by its path)")
    elif entry.resource is not None:
        lost.add(
            "the files kept with media that have an address (their bytes or path, size and "
            "hash: the page loads the address)"
        )
    return Rendition(uri=source, **size)


def shown_body(article: Article, context: Context) -> Article:
    """``article`` with its body figures as the page shows them, what they lose reported."""
    if not has_media_blocks(article.body):
        return article
    lost: set[str] = set()

    def shown(figure: Figure) -> Figure:
        return shown_figure(figure, lost)

    body = replace_figures(article.body, shown)
    empty = sum(1 for figure in _figures(body) if _shows_nothing(figure))
    if empty:
        lost.add(f"{counted(empty, 'figure')} with nothing a page can show (left out)")
        body = replace_figures(body, lambda f: None if _shows_nothing(f) else f)
    report_media(article.model_copy(update={"media": []}), CARRIES, context, "HTML", lost)
    return article.model_copy(update={"body": body})


def _figures(blocks: list[Block]) -> list[Figure]:
    return [block for block in iter_blocks(blocks) if isinstance(block, Figure)]


def _shows_nothing(figure: Figure) -> bool:
    return not (figure.renditions or figure.caption or figure.credit or figure.id)


def report_unshown_featured(article: Article, context: Context) -> None:
    """Say that a featured picture known only by an id is not shown at the top of the page."""
    if featured(article) is None and any(
        item.role == "featured" and without_address(item) for item in article.media
    ):
        context.warn(
            "media-detail-dropped",
            "HTML output shows no featured picture known only by an id (no address a browser "
            "loads); the page's media list keeps it",
            fields=("media",),
        )


def featured(article: Article) -> Media | None:
    """The picture shown at the top of the page: the first featured media item with a picture
    (not one known only by an id: the media list keeps it, the page has nothing to show)."""
    return next(
        (
            item
            for item in article.media
            if item.role == "featured"
            and item.kind in ("picture", "graphic")
            and not without_address(item)
        ),
        None,
    )
