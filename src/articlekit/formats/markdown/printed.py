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

from articlekit.formats._iptc import drop_prefix, printed_dateline
from articlekit.model import Article, Block, Dateline, Paragraph, Span
from articlekit.registry import Context

DASH = " —"
"""What ends a printed dateline (as in the text and HTML writers)."""


def shown_with_header(article: Article, context: Context) -> list[Block]:
    """The body with the byline and the dateline printed in it; what a site will not display
    said in a warning."""
    blocks = list(article.body)
    if article.dateline is not None:
        printed = printed_dateline(article.dateline) + DASH
        first = blocks[0] if blocks else None
        if isinstance(first, Paragraph):
            blocks[0] = Paragraph(content=[Span(text=printed + " "), *first.content])
        else:
            blocks.insert(0, Paragraph(content=[Span(text=printed)]))
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


def taken_from_body(
    blocks: list[Block], lines: list[int], fields: dict[str, Any]
) -> tuple[list[Block], list[int]]:
    """The body read and its lines, without the byline and dateline printed in it by
    :func:`shown_with_header` when the front matter holds them (one edited in the body only stays
    there, as text)."""
    byline = fields.get("byline")
    first = blocks[0] if blocks else None
    if (
        isinstance(byline, str)
        and isinstance(first, Paragraph)
        and first.text == " ".join(byline.split())
    ):
        blocks, lines = blocks[1:], lines[1:]
    dateline = _dateline(fields.get("dateline"))
    first = blocks[0] if blocks else None
    if dateline is None or not isinstance(first, Paragraph):
        return blocks, lines
    printed = printed_dateline(dateline) + DASH
    if first.text == printed:
        return blocks[1:], lines[1:]
    if first.text.startswith(printed + " "):
        opened = Paragraph(content=drop_prefix(first, len(printed) + 1))
        return [opened, *blocks[1:]], lines
    return blocks, lines


def _dateline(value: Any) -> Dateline | None:
    """The front matter's dateline (``None`` when it is none: the article reports it)."""
    if not isinstance(value, dict):
        return None
    try:
        return Dateline.model_validate(value)
    except ValueError:
        return None
