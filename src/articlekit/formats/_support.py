"""Helpers every writer shares: saying which fields a format could not carry."""

from __future__ import annotations

from articlekit.model import (
    Article,
    Block,
    Figure,
    List,
    Paragraph,
    Quote,
    Span,
    Table,
    content_id,
    has_media,
)
from articlekit.registry import Context

ALWAYS_CARRIED = {"schema_version"}


def report_dropped(article: Article, carried: set[str], context: Context, format_name: str) -> None:
    """One ``field-dropped`` warning naming every set field that ``format_name`` cannot hold.

    A derived id (``urn:articlekit:...``) is not reported: readers derive the same one again.
    """
    dropped = [
        name
        for name in type(article).model_fields
        if name not in carried
        and name not in ALWAYS_CARRIED
        and getattr(article, name)
        and not (name == "id" and _derived_id(article))
    ]
    if dropped:
        context.warn(
            "field-dropped",
            f"{format_name} output cannot hold these fields: {', '.join(dropped)}",
            fields=tuple(dropped),
        )


def _derived_id(article: Article) -> bool:
    """Whether the id is the one derived from the content (the prefix first: deriving costs a
    serialisation of the article)."""
    return article.id.startswith("urn:articlekit:") and article.id == content_id(article)


def without_media(
    article: Article,
    context: Context,
    format_name: str,
    *,
    figures: bool = False,
    tables: bool = False,
) -> Article:
    """``article`` with the figures and tables a format cannot carry taken out of its body.

    ``figures``/``tables`` say what the format carries. Figures it cannot carry are left out
    (``media-dropped``); tables become one paragraph a row, cells joined by `` | ``, after a
    paragraph holding the caption (``table-flattened``). Articles without such blocks are returned
    as they are.
    """
    if (figures and tables) or not has_media(article):
        return article
    counts = {"figure": 0, "table": 0}
    body = _strip(article.body, figures, tables, counts)
    if counts["figure"]:
        context.warn(
            "media-dropped",
            f"{format_name} output cannot hold pictures in the body: "
            f"{counts['figure']} figure(s) left out",
        )
    if counts["table"]:
        context.warn(
            "table-flattened",
            f"{format_name} output cannot hold tables: {counts['table']} table(s) became one "
            "paragraph a row",
        )
    return article.model_copy(update={"body": body})


def _strip(blocks: list[Block], figures: bool, tables: bool, counts: dict[str, int]) -> list[Block]:
    result: list[Block] = []
    for block in blocks:
        if isinstance(block, Figure) and not figures:
            counts["figure"] += 1
        elif isinstance(block, Table) and not tables:
            counts["table"] += 1
            result.extend(table_paragraphs(block))
        elif isinstance(block, Quote):
            inner = _strip(block.blocks, figures, tables, counts)
            if inner:
                result.append(block.model_copy(update={"blocks": inner}))
        elif isinstance(block, List):
            items = [
                item.model_copy(update={"blocks": kept})
                for item in block.items
                if (kept := _strip(item.blocks, figures, tables, counts))
            ]
            if items:
                result.append(block.model_copy(update={"items": items}))
        else:
            result.append(block)
    return result


def table_paragraphs(table: Table) -> list[Block]:
    """A table as paragraphs: its caption, then one a row with the cells joined by `` | ``."""
    paragraphs: list[Block] = []
    if table.caption:
        paragraphs.append(Paragraph(content=table.caption))
    for row in table.rows:
        cells = [" ".join(cell.text.split()) for cell in row.cells]
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            paragraphs.append(Paragraph(content=[Span(text=" | ".join(cells))]))
    return paragraphs
