"""Word tables and the model's tables: merged cells both ways.

Word lays a table on a grid of columns (``w:tblGrid``). A cell spans columns with ``w:gridSpan``;
a cell spanning rows is a ``w:vMerge="restart"`` cell followed, in the rows below, by cells at
the same grid column marked ``w:vMerge`` (continue) that show nothing of their own. The model
(like HTML) lists only the cells that start in a row, with ``colspan`` and ``rowspan``.

* :func:`merged_rows` reads Word's rows into the model's: continuation cells are left out (any
  content they hold joins the cell they continue), legacy ``w:hMerge`` cells join the cell to
  their left, and a row made only of continuations is left out (spans across it shrink).
* :func:`place` lays the model's rows on Word's grid: each cell at the first column no cell from
  above covers, continuation cells where a cell from above spans, a spanning cell narrowed where
  it would run into one, a row span cut at the table's end, and an empty cell where a row has a
  gap before a covered column (Word rows cannot skip a column). What changed is reported by the
  caller, which compares the placed spans with the model's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from articlekit.model import MAX_SPAN, Table


@dataclass
class RawCell:
    """A ``w:tc`` as read: where it starts on the grid, what it spans and holds."""

    column: int
    colspan: int
    items: list[Any]
    vmerge: str | None = None
    """``restart``, ``continue`` or ``None``."""
    hmerge: str | None = None
    """Legacy horizontal merge: ``restart``, ``continue`` or ``None``."""
    header: bool = False
    last_row: int = 0
    """The last row the cell spans (its own, or its last continuation's)."""
    dropped: bool = False


@dataclass
class MergedCell:
    """A cell of the model's rows: its content, spans and whether it is a header."""

    items: list[Any]
    colspan: int
    rowspan: int
    header: bool


def merged_rows(rows: list[list[RawCell]]) -> list[list[MergedCell]]:
    """The model's rows from Word's (see the module comment)."""
    for row in rows:
        _merge_horizontally(row)
    open_cells: dict[int, RawCell] = {}
    for index, row in enumerate(rows):
        continued: dict[int, RawCell] = {}
        for cell in row:
            if cell.dropped:
                continue
            above = open_cells.get(cell.column)
            if cell.vmerge == "continue" and above is not None:
                above.items.extend(cell.items)
                above.last_row = index
                cell.dropped = True
                continued[cell.column] = above
            else:
                cell.last_row = index
                if cell.vmerge is not None:  # restart, or a continuation with nothing above
                    continued[cell.column] = cell
        open_cells = continued
    kept_up_to: list[int] = []
    """For each row, how many rows up to it are kept (hold a cell of their own)."""
    for row in rows:
        kept = any(not cell.dropped for cell in row)
        kept_up_to.append((kept_up_to[-1] if kept_up_to else 0) + kept)
    result: list[list[MergedCell]] = []
    for index, row in enumerate(rows):
        cells = [
            MergedCell(
                cell.items,
                min(cell.colspan, MAX_SPAN),
                min(kept_up_to[cell.last_row] - kept_up_to[index] + 1, MAX_SPAN),
                cell.header,
            )
            for cell in row
            if not cell.dropped
        ]
        if cells:
            result.append(cells)
    return result


def _merge_horizontally(row: list[RawCell]) -> None:
    """Legacy ``w:hMerge`` continuation cells join the cell on their left."""
    previous: RawCell | None = None
    for cell in row:
        if cell.hmerge == "continue" and previous is not None:
            previous.colspan += cell.colspan
            previous.items.extend(cell.items)
            cell.dropped = True
        else:
            previous = cell


@dataclass(frozen=True, slots=True)
class Slot:
    """One ``w:tc`` to write: a model cell, a continuation of one above, or a filler."""

    column: int
    colspan: int
    cell: int | None = None
    """Index of the model cell in its row; ``None`` for a continuation or a filler."""
    rowspan: int = 1
    continuation: bool = False


@dataclass
class Placement:
    """The model's table on Word's grid."""

    rows: list[list[Slot]] = field(default_factory=list)
    columns: int = 0
    changed: list[str] = field(default_factory=list)
    """What Word cannot show as the model has it, for a warning."""


def place(table: Table) -> Placement:
    """Lay ``table`` on a grid (see the module comment)."""
    placement = Placement()
    count = len(table.rows)
    spanning: list[tuple[int, int, int]] = []
    """Cells spanning rows: (grid column, width, last row)."""
    for row_index, row in enumerate(table.rows):
        covered = sorted((column, width) for column, width, last in spanning if last >= row_index)
        spanning = [entry for entry in spanning if entry[2] > row_index]
        slots: list[Slot] = []
        column = 0
        for cell_index, cell in enumerate(row.cells):
            column = _continue(covered, column, slots, placement, fill=False)
            span = cell.colspan
            following = next((start for start, _ in covered if start > column), None)
            if following is not None and column + span > following:
                span = following - column
                _note(placement, "a cell spanning into a merged cell from above is narrowed")
            rows = min(cell.rowspan, count - row_index)
            if rows < cell.rowspan:
                _note(placement, "a cell spanning rows past the table's end is cut at its end")
            if rows > 1:
                spanning.append((column, span, row_index + rows - 1))
            slots.append(Slot(column, span, cell_index, rows))
            column += span
        _continue(covered, column, slots, placement, fill=True)
        placement.rows.append(slots)
        if slots:
            placement.columns = max(placement.columns, slots[-1].column + slots[-1].colspan)
    return placement


def _continue(
    covered: list[tuple[int, int]],
    column: int,
    slots: list[Slot],
    placement: Placement,
    *,
    fill: bool,
) -> int:
    """Continuation cells from ``column`` on while a cell from above covers the grid there;
    with ``fill``, all the remaining ones, with empty cells in the gaps before them. Returns the
    next free column."""
    for start, width in covered:
        if start < column:
            continue
        if start > column:
            if not fill:
                break
            for gap in range(column, start):
                slots.append(Slot(gap, 1))
            _note(placement, "a gap in a row before a merged cell shows as an empty cell")
        slots.append(Slot(start, width, continuation=True))
        column = start + width
    return column


def _note(placement: Placement, what: str) -> None:
    if what not in placement.changed:
        placement.changed.append(what)
