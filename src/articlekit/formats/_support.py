"""Helpers the formats share: saying which fields a format could not carry, reading a yes-or-no
option, importing a format's reader or writer on first use."""

from __future__ import annotations

import functools
import importlib
from collections.abc import Sequence, Set
from typing import Any

from articlekit.errors import UsageError, option_setting
from articlekit.model import (
    Article,
    Block,
    Paragraph,
    Span,
    Table,
    content_id,
)
from articlekit.registry import Context

ALWAYS_CARRIED = {"schema_version"}


def report_dropped(
    article: Article,
    carried: Set[str],
    context: Context,
    format_name: str,
    left_out: Sequence[str] | None = None,
) -> None:
    """One ``field-dropped`` warning naming every set field that ``format_name`` cannot hold,
    and the extras it leaves out (``left_out``: those keys alone; else all, when it carries no
    extras).

    A derived id (``urn:articlekit:...``) is not reported: readers derive the same one again.
    """
    dropped = [
        name
        for name in uncarried(type(article), frozenset(carried))
        if getattr(article, name) and not (name == "id" and _derived_id(article))
    ]
    if not dropped:
        return
    held = [name for name in dropped if name != "extras"]
    said = [f"cannot hold these fields: {', '.join(held)}"] if held else []
    if "extras" in dropped:  # (a format's own too: only canonical JSON keeps every extra)
        keys = list(article.extras) if left_out is None else list(left_out)
        more = f" and {len(keys) - SHOWN_EXTRAS} more" if len(keys) > SHOWN_EXTRAS else ""
        said.append(f"leaves out the extras ({', '.join(keys[:SHOWN_EXTRAS])}{more})")
    context.warn(
        "field-dropped", f"{format_name} output {'; and '.join(said)}", fields=tuple(dropped)
    )


SHOWN_EXTRAS = 5
"""Extras keys a ``field-dropped`` warning names (the rest are "…")."""


@functools.lru_cache(maxsize=64)
def uncarried(model: type[Article], carried: frozenset[str]) -> tuple[str, ...]:
    """The fields of ``model`` a format carrying ``carried`` cannot hold, in field order: found
    once a format, so a writer looks only at those (most formats carry almost every field)."""
    return tuple(
        name for name in model.model_fields if name not in carried and name not in ALWAYS_CARRIED
    )


def _derived_id(article: Article) -> bool:
    """Whether the id is the one derived from the content (the prefix first: deriving costs a
    serialisation of the article)."""
    return article.id.startswith("urn:articlekit:") and article.id == content_id(article)


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


@functools.cache
def imported(module: str, name: str) -> Any:
    """``name`` from ``module``, imported on first use (a format's package imports its reader and
    writer, and lxml with them, only for a conversion that uses them) and remembered: an import
    statement in the method costs a microsecond on every article."""
    return getattr(importlib.import_module(module), name)


_TRUE = {"true", "yes", "1", "on"}
_FALSE = {"false", "no", "0", "off"}


def yes_or_no(context: Context, name: str, default: bool = False) -> bool:
    """A yes-or-no option; any other value is a usage error (not read as "no")."""
    given = context.option(name)
    if not given:
        return default
    value = given.strip().lower()
    if value not in _TRUE and value not in _FALSE:
        raise UsageError(f"{option_setting(name, given)}: give true or false (yes/no, on/off, 1/0)")
    return value in _TRUE
