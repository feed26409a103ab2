"""Pictures and tables in Markdown: the conventions written and read, and what they cannot hold.

A picture with nothing but its file is a CommonMark image alone in a paragraph::

    ![Alt text](https://example.org/ferry.jpg "Title")

A picture with a caption, a credit or an id is that image inside an HTML ``<figure>``, with the
caption as Markdown (marks and links kept) in a ``<figcaption>`` and the credit in a
``<span class="credit">``. The blank lines let the image and the caption be Markdown, and a site
generator that leaves raw HTML out (Hugo's default) still shows the image and the caption::

    <figure itemid="urn:example:pic:1">

    ![Alt text](https://example.org/ferry.jpg "Title")

    <figcaption>

    Crews at the quay *on Friday* <span class="credit">Jane Doe/AP</span>

    </figcaption>
    </figure>

A table is a GFM pipe table. Its header row is the table's first row when that row is all header
cells with some text; otherwise the header row is left empty, and an empty header row is read as
none. The caption is a paragraph after the table starting with ``Table:`` (pandoc's convention).
Pipe tables have no cell spans, no paragraphs or lists inside cells and one header row: those are
reported (``media-detail-dropped``), and short rows are filled with empty cells.

What a Markdown figure cannot hold (creators, rights, renditions beyond the best one, their sizes,
embedded bytes, kinds other than pictures) is declared in :data:`CARRIES`.
"""

from __future__ import annotations

from typing import Any

from articlekit.formats._media import Carries, best_rendition, location, report_media
from articlekit.media import replace_figures
from articlekit.model import (
    Article,
    Block,
    Figure,
    List,
    Quote,
    Rendition,
    Span,
    Table,
    TableCell,
    TableRow,
    has_media_blocks,
    iter_blocks,
)
from articlekit.registry import Context

CARRIES = Carries(
    media=frozenset({"id", "title", "caption", "credit", "alt_text"}),
    renditions=frozenset(),
    creator_roles=False,
    rights=frozenset(),
    kinds=frozenset({"picture"}),
    several_renditions=False,
    embedded=False,
    table_cell_blocks=False,
    table_spans=False,
)
"""What Markdown holds of a figure: one file's address, alt text, title, caption (with marks),
credit and id; of a table: one header row and cells of inline text."""

CAPTION_PREFIX = "Table:"
"""What starts the paragraph after a table that is its caption (pandoc's convention)."""


def shown_figure(figure: Figure, lost: set[str]) -> Figure | None:
    """``figure`` as its Markdown reads back (``None``: nothing of it can be written)."""
    entry = best_rendition(figure.renditions, lambda r: location(r) is not None)
    if entry is None and not (figure.caption or figure.credit or figure.id):
        lost.add("figures with no file, caption, credit or id (left out)")
        return None
    if entry is None and (figure.alt_text or figure.title):
        lost.add("alt text and titles of figures without a file")
    if entry is not None and entry.uri is None:
        lost.add("extracted media files' details (the image names the file by its path)")
    return Figure(
        id=figure.id,
        caption=figure.caption,
        credit=figure.credit,
        title=figure.title if entry is not None else None,
        alt_text=" ".join(figure.alt_text.split()) or None
        if entry is not None and figure.alt_text
        else None,
        renditions=[Rendition(uri=location(entry))] if entry is not None else [],
    )


def shown_table(table: Table, lost: set[str]) -> Table:
    """``table`` as its pipe table reads back."""
    rows = table.rows
    header = header_row(table)
    columns = max((len(row.cells) for row in rows), default=0)
    made: list[TableRow] = []
    for index, row in enumerate(rows):
        heading = header and index == 0
        if any(cell.header != heading for cell in row.cells):
            lost.add("header cells other than a first row of them with text")
        cells = [TableCell(header=heading, content=_cell_spans(cell)) for cell in row.cells]
        if len(cells) < columns:
            lost.add("the shortness of table rows (filled with empty cells)")
            cells += [TableCell(header=heading) for _ in range(columns - len(cells))]
        made.append(TableRow(cells=cells))
    return Table(caption=table.caption, rows=made)


def header_row(table: Table) -> bool:
    """Whether the table's first row is written as the pipe table's header row: all header cells
    and some text (an empty header row is read as none)."""
    first = table.rows[0].cells if table.rows else []
    return all(cell.header for cell in first) and any(cell.text.strip() for cell in first)


def _cell_spans(cell: TableCell) -> list[Span]:
    if not cell.blocks:
        return cell.content
    text = " ".join(cell.text.split())
    return [Span(text=text)] if text else []


def shown_body(article: Article, context: Context) -> Article:
    """``article`` with its figures and tables as Markdown gives them back, what they lose
    reported (``media-detail-dropped``, naming ``body``)."""
    if not has_media_blocks(article.body):
        return article
    lost: set[str] = set()
    body = replace_figures(article.body, lambda figure: shown_figure(figure, lost))
    body = _tables_shown(body, lost)
    report_media(article.model_copy(update={"media": []}), CARRIES, context, "Markdown", lost)
    return article.model_copy(update={"body": body})


def _tables_shown(blocks: list[Block], lost: set[str]) -> list[Block]:
    if not any(isinstance(block, Table) for block in iter_blocks(blocks)):
        return blocks
    result: list[Block] = []
    for block in blocks:
        if isinstance(block, Table):
            result.append(shown_table(block, lost))
        elif isinstance(block, Quote):
            result.append(block.model_copy(update={"blocks": _tables_shown(block.blocks, lost)}))
        elif isinstance(block, List):
            items = [
                item.model_copy(update={"blocks": _tables_shown(item.blocks, lost)})
                for item in block.items
            ]
            result.append(block.model_copy(update={"items": items}))
        else:
            result.append(block)
    return result


def read_table(table: Table) -> Table | None:
    """A table read from a pipe table, without the empty header row a writer had to give it."""
    if table.rows and all(cell.header and not cell.text.strip() for cell in table.rows[0].cells):
        if len(table.rows) == 1:
            return None
        return table.model_copy(update={"rows": table.rows[1:]})
    return table


def caption_of(spans: list[Span]) -> list[Span] | None:
    """The caption a ``Table:`` paragraph gives, or ``None`` when it is no caption."""
    if not spans or not spans[0].text.startswith(CAPTION_PREFIX):
        return None
    first = spans[0].text[len(CAPTION_PREFIX) :].lstrip()
    rest: list[Any] = spans[1:]
    return ([spans[0].model_copy(update={"text": first})] if first else []) + rest
