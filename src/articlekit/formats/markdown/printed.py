"""The byline and the dateline printed in the Markdown body, where a reader of the page sees them.

Site generators show the front matter keys they know (title, date, authors, ...) and never what
sits under ``articlekit:``; a story published without its byline and dateline is not the story
the source sent. The writer prints them as the HTML page does: the byline as the body's first
paragraph, the dateline opening the first paragraph (``PORT ALDWIN (AP) — The council ...``), or
as a paragraph of its own when the body does not start with one. The front matter keeps both
exactly, and the reader takes the printed forms back out of the body when they print what the
front matter holds, so that JSON → Markdown → JSON gives the same article. The source and the
rights, which a republished page owes its readers too, have no place a site shows:
``markdown-not-displayed`` says so.
"""

from __future__ import annotations

from typing import Any

from articlekit.formats._iptc import (
    PRINTED_DASH,
    drop_prefix,
    opening_dateline,
    printed_dateline,
)
from articlekit.model import Article, Block, Dateline, Figure, Paragraph, Span
from articlekit.registry import Context


def shown_with_header(article: Article, context: Context) -> list[Block]:
    """The body with the byline and the dateline printed in it; what a site will not display
    said in a warning."""
    blocks = list(article.body)
    if article.dateline is not None and opening_dateline(blocks) is None:  # (printed already)
        printed = printed_dateline(article.dateline) + PRINTED_DASH
        at = 1 if len(blocks) > 1 and _byline_paragraph(blocks[0]) else 0
        opened = blocks[at] if at < len(blocks) else None
        if isinstance(opened, Paragraph):
            blocks[at] = Paragraph(content=[Span(text=printed + " "), *opened.content])
        else:
            blocks.insert(at, Paragraph(content=[Span(text=printed)]))
    if article.byline:
        blocks.insert(0, Paragraph(content=[Span(text=article.byline)]))
    hidden = [name for name in ("source", "rights") if getattr(article, name) is not None]
    if hidden:
        context.warn(
            "markdown-not-displayed",
            f"site generators do not display the {' or the '.join(hidden)}; kept under the "
            "front matter's articlekit: key",
        )
    return blocks


def prints_own_dateline(article: Article) -> bool:
    """Whether the story's first paragraph opens with the dateline exactly as the writer would
    print it: the writer prints none, and the front matter says so, lest the reader take the
    story's own for the writer's and drop it."""
    if article.dateline is None:
        return False
    printed = printed_dateline(article.dateline) + PRINTED_DASH
    first = next((block for block in article.body if not isinstance(block, Figure)), None)
    return isinstance(first, Paragraph) and (
        first.text == printed or first.text.startswith(printed + " ")
    )


def _byline_paragraph(block: Block) -> bool:
    """A byline that stands in the body as a paragraph of its own (edited there, or no longer in
    the front matter): the dateline opens the story's first paragraph under it, not the byline."""
    from articlekit.prose.byline import parse_byline

    return isinstance(block, Paragraph) and parse_byline(block.text) is not None


def taken_from_body(
    blocks: list[Block],
    lines: list[int],
    fields: dict[str, Any],
    context: Context,
    *,
    own_dateline: bool = False,
) -> tuple[list[Block], list[int]]:
    """The body read and its lines, without the byline and dateline printed in it by
    :func:`shown_with_header` when the front matter holds them (one edited in the body only stays
    there, as text, said in a warning: the page would print both). ``own_dateline``: the story
    prints the dateline itself (see :func:`prints_own_dateline`), which stays."""
    byline = fields.get("byline")
    first = blocks[0] if blocks else None
    if isinstance(byline, str) and isinstance(first, Paragraph):
        if first.text == " ".join(byline.split()):
            blocks, lines = blocks[1:], lines[1:]
        elif _byline_paragraph(first):
            context.warn(
                "markdown-printed-edited",
                f"the body prints the byline {first.text!r}, the front matter {byline!r}; both "
                "were kept (the printed one as the first paragraph): edit the front matter's",
                line=lines[0],
                fields=("byline",),
            )
    dateline = _dateline(fields.get("dateline"))
    if dateline is None or own_dateline:
        return blocks, lines
    printed = printed_dateline(dateline) + PRINTED_DASH
    for at, block in enumerate(blocks[:DATELINE_REACH]):  # (under a byline edited in the body)
        if not isinstance(block, Paragraph):
            break
        if block.text == printed:
            return [*blocks[:at], *blocks[at + 1 :]], [*lines[:at], *lines[at + 1 :]]
        if block.text.startswith(printed + " "):
            opened = Paragraph(content=drop_prefix(block, len(printed) + 1))
            return [*blocks[:at], opened, *blocks[at + 1 :]], lines
    return blocks, lines


DATELINE_REACH = 2
"""The paragraphs the printed dateline is looked for in: the first, or the one under a byline
that stays in the body (edited there, or no longer in the front matter)."""


def _dateline(value: Any) -> Dateline | None:
    """The front matter's dateline (``None`` when it is none: the article reports it)."""
    if not isinstance(value, dict):
        return None
    try:
        return Dateline.model_validate(value)
    except ValueError:
        return None
