"""articlekit: convert news articles between formats through one validated article model.

>>> import articlekit
>>> result = articlekit.read("story.txt")          # doctest: +SKIP
>>> result.value.headline, result.warnings         # doctest: +SKIP
>>> articlekit.write(result.value, "story.json")   # doctest: +SKIP

The names below are imported on first use, so ``import articlekit`` stays cheap and the command
line starts fast; heavy libraries (lxml, python-docx) are imported only by the formats that
need them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticlekitError",
    "Block",
    "Concept",
    "Context",
    "Dateline",
    "Diagnostic",
    "Figure",
    "Heading",
    "InputError",
    "List",
    "ListItem",
    "Media",
    "OutputError",
    "Paragraph",
    "Person",
    "Quote",
    "Reader",
    "Rendition",
    "Resource",
    "Result",
    "Rights",
    "Source",
    "Span",
    "Table",
    "TableCell",
    "TableRow",
    "UnknownFormatError",
    "UsageError",
    "Writer",
    "__version__",
    "convert",
    "json_schema",
    "read",
    "read_all",
    "write",
    "write_all",
]

_HOMES = {
    "articlekit.model": (
        "Article", "Block", "Concept", "Dateline", "Figure", "Heading", "List", "ListItem",
        "Media", "Paragraph", "Person", "Quote", "Rendition", "Resource", "Rights", "Source",
        "Span", "Table", "TableCell", "TableRow", "json_schema",
    ),
    "articlekit.errors": (
        "ArticlekitError", "InputError", "OutputError", "UnknownFormatError", "UsageError",
    ),
    "articlekit.api": ("Result", "convert", "read", "read_all", "write", "write_all"),
    "articlekit.registry": ("Context", "Reader", "Writer"),
    "articlekit.diagnostics": ("Diagnostic",),
}  # fmt: skip
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}

if TYPE_CHECKING:
    from articlekit.api import Result, convert, read, read_all, write, write_all
    from articlekit.diagnostics import Diagnostic
    from articlekit.errors import (
        ArticlekitError,
        InputError,
        OutputError,
        UnknownFormatError,
        UsageError,
    )
    from articlekit.model import (
        Article,
        Block,
        Concept,
        Dateline,
        Figure,
        Heading,
        List,
        ListItem,
        Media,
        Paragraph,
        Person,
        Quote,
        Rendition,
        Resource,
        Rights,
        Source,
        Span,
        Table,
        TableCell,
        TableRow,
        json_schema,
    )
    from articlekit.registry import Context, Reader, Writer


def __getattr__(name: str) -> Any:
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'articlekit' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
