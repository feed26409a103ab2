"""Figures and tables in articlekit's plain-text layout, both ways.

A figure is a bracketed block that names its kind, holds the caption, and ends with the credit
and the picture's file::

    [Picture: The first ferry leaves the harbour at dawn.
    Credit: Jane Doe/Example News
    File: media/4f3c….jpg]

``File:`` is the first rendition's location: a URI is kept as a reference (never fetched), a
relative path names a file beside the text (written there by ``--extract-media``), which is read
back with its bytes, as canonical JSON does. A table is a block of aligned rows between ``|``,
header rows above a ``|---|`` rule, after an optional ``Table: caption`` line::

    Table: Winners
    | Share   | Price |
    |---------|-------|
    | Aurubis | 69.03 |

A paragraph that would read as one of these is written with a leading backslash.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from articlekit._text import lazy_pattern
from articlekit.model import Block, Figure, Rendition, Resource, Span, Table, TableCell, TableRow
from articlekit.registry import Context

KINDS = {"picture": "Picture", "graphic": "Graphic", "video": "Video", "audio": "Audio"}
_KIND_OF = {label.lower(): kind for kind, label in KINDS.items()}
_OPENING = lazy_pattern(r"^\[(Picture|Graphic|Video|Audio)(?::[ \t]*(.*))?$")
_LABELS = ("Credit: ", "File: ")
_TABLE_RULE = lazy_pattern(r"^\|(?:\s*:?-+:?\s*\|)+$")
_CELL_SPLIT = lazy_pattern(r"(?<!\\)\|")


def starts_like_media(text: str) -> bool:
    """Whether a paragraph opening with ``text`` would read as a figure or a table."""
    return bool(_OPENING.match(text.split("\n", 1)[0])) or text.startswith(("|", "Table:"))


# --- writing ----------------------------------------------------------------------------------


def render_figure(figure: Figure, context: Context) -> str | None:
    """The figure's block, or ``None`` when it holds nothing the layout can show (what it held is
    reported as lost)."""
    from articlekit.formats._media import location

    where = next((location(entry) for entry in figure.renditions if location(entry)), None)
    if not (figure.caption or figure.credit or where):
        return None
    lines = figure.caption_text.split("\n") if figure.caption else []
    if any(line.startswith(_LABELS) for line in lines[1:]):
        context.warn(
            "text-not-round-trippable",
            "a caption line starts like a credit or file line; it will read back as one",
        )
    opening = f"[{KINDS[figure.kind]}" + (f": {lines[0]}" if lines else "")
    body = [opening, *lines[1:]]
    if figure.credit:
        body.append(f"Credit: {figure.credit}")
    if where:
        body.append(f"File: {where}")
    return "\n".join(body) + "]"


def render_table(table: Table) -> str:
    rows = [[_cell_text(cell) for cell in row.cells] for row in table.rows]
    columns = max(len(row) for row in rows)
    widths = [
        max(_width(row[index]) for row in rows if index < len(row)) for index in range(columns)
    ]  # a short row keeps its length: its missing cells are not added
    heads = 0
    while heads < len(table.rows) - 1 and all(cell.header for cell in table.rows[heads].cells):
        heads += 1
    lines = [f"Table: {' '.join(_inline(table.caption).split())}"] if table.caption else []
    for number, row in enumerate(rows):
        if number == heads and heads:
            lines.append("|" + "|".join("-" * (width + 2) for width in widths) + "|")
        cells = [text + " " * (widths[index] - _width(text)) for index, text in enumerate(row)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _cell_text(cell: TableCell) -> str:
    return " ".join(cell.text.split()).replace("|", "\\|")


def _inline(spans: list[Span]) -> str:
    return "".join(span.text for span in spans)


def _width(text: str) -> int:
    """Columns a text takes in a monospaced font (wide East Asian characters take two)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


# --- reading ----------------------------------------------------------------------------------


def may_open_media(line: str) -> bool:
    """Whether a chunk opening with ``line`` may be a figure or a table (told by its first
    characters; most chunks are neither)."""
    return line.lstrip().startswith(("[", "|", "Table:"))


def media_block(lines: list[str], context: Context) -> Block | None:
    """The figure or table a chunk of lines is, or ``None`` when it is neither."""
    if not may_open_media(lines[0]):
        return None  # the common case, decided on the first characters
    stripped = [line.strip() for line in lines]
    if _OPENING.match(stripped[0]) and stripped[-1].endswith("]"):
        return _figure(stripped, context)
    rows = stripped[1:] if stripped[0].startswith("Table:") else stripped
    if rows and all(row.startswith("|") and row.endswith("|") and len(row) > 1 for row in rows):
        if all(_TABLE_RULE.match(row) for row in rows):
            return None  # ("|-|": a rule with no row to hold is no table)
        return _table(stripped[0] if rows is not stripped else None, rows)
    return None


def _figure(lines: list[str], context: Context) -> Figure | None:
    # (the media helpers are imported here: a millisecond of every start-up, for figures only)
    from articlekit.formats._media import bounded_spans, bounded_text, checked

    lines = [*lines[:-1], lines[-1][:-1].rstrip()]
    opening = _OPENING.match(lines[0])
    assert opening is not None
    kind = _KIND_OF[opening.group(1).lower()]
    caption_lines = [opening.group(2)] if opening.group(2) else []
    credit = where = None
    for line in lines[1:]:
        if line.startswith("Credit: ") and credit is None:
            credit = bounded_text(line.removeprefix("Credit: "), context, "credit", 1000)
        elif line.startswith("File: ") and where is None:
            where = line.removeprefix("File: ").strip()
        else:
            caption_lines.append(line)
    caption = [Span(text="\n".join(caption_lines))] if any(caption_lines) else []
    renditions = [found] if where and (found := _file(where, context)) is not None else []
    return checked(
        lambda: Figure(
            kind=kind,
            caption=bounded_spans(caption, context),
            credit=credit,
            renditions=renditions,
        ),
        context,
        "a figure",
    )


def _file(where: str, context: Context) -> Rendition | None:
    """A rendition for a ``File:`` line: a URI stays a reference; a relative path names a file
    beside the text, read back with its bytes when it is there (inside the text's folder, within
    the size limit)."""
    import mimetypes  # (here: half a millisecond of every start-up, for media files only)

    from articlekit.formats._media import rendition
    from articlekit.model import _relative_path

    try:
        relative = _relative_path(where)
    except ValueError:
        return rendition(context, where)
    named = context.path not in ("-", "") and not context.path.startswith("<")
    if not named:
        return rendition(context, where)
    base = Path(context.path).parent.resolve()
    path = (base / relative).resolve()
    media_type = mimetypes.guess_type(path.name)[0]
    if (
        not path.is_relative_to(base)
        or not path.is_file()
        or media_type is None
        or path.stat().st_size > context.max_bytes
    ):
        context.warn("media-unresolved", f"{where}: no such file beside the text; kept as a path")
        return rendition(context, where)
    try:
        data = path.read_bytes()
    except OSError as error:
        context.warn("media-unresolved", f"{where}: {error.strerror or error}; kept as a path")
        return rendition(context, where)
    return Rendition(resource=Resource.of(data, media_type))


def _table(caption: str | None, rows: list[str]) -> Table:
    header_rows = 0
    cells_of_rows: list[list[str]] = []
    for row in rows:
        if _TABLE_RULE.match(row):
            header_rows = len(cells_of_rows)
            continue
        parts = _CELL_SPLIT.split(row[1:-1])
        cells_of_rows.append([part.strip().replace("\\|", "|") for part in parts])
    built = [
        TableRow(
            cells=[
                TableCell(header=index < header_rows, content=[Span(text=text)] if text else [])
                for text in cells
            ]
        )
        for index, cells in enumerate(cells_of_rows)
    ]
    spans = [Span(text=caption.removeprefix("Table:").strip())] if caption else []
    return Table(caption=[span for span in spans if span.text], rows=built)
