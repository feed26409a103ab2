"""IPTC ninjs (News in JSON): one reader for every generation, a writer for each.

``ninjs`` writes 3.x (3.1 by default), ``ninjs2`` writes 2.x (2.2), ``ninjs1`` writes 1.x (1.6);
``-O ninjs-version=3.0`` picks an exact minor version. Reading tells the version from content and
also accepts Superdesk's dialect (``guid``, ``body_html``, ``authors``) and API envelopes holding
items (``{"total": 1, "item": [...]}``), with a warning; pictures and other non-text items are
skipped with a message. See :mod:`.read` and :mod:`.write` for the field mapping.

When a schema folder is configured (``--schemas``, ``ARTICLEKIT_SCHEMAS``, ``[tool.articlekit]``)
the writer validates its own output against the official schema of its version and raises if it
does not validate (it never should); :meth:`NinjsReader.schema_problems` checks input files.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from articlekit._text import shortened
from articlekit.errors import OutputError
from articlekit.formats.json import decode_json_bytes, parse_json
from articlekit.formats.ninjs.read import read_document, unwrap
from articlekit.formats.ninjs.versions import detect_version, generation_of, writer_version
from articlekit.formats.ninjs.write import DocumentWriter, serialise
from articlekit.registry import Context

if TYPE_CHECKING:
    from articlekit.model import Article
    from articlekit.schemas import SchemaProblem


class NinjsReader:
    def read(self, data: bytes, context: Context) -> Iterator[Article]:
        yield from read_document(parse_json(decode_json_bytes(data)), context)

    def schema_problems(self, data: bytes, folder: Path) -> list[SchemaProblem]:
        """How the file breaks the official schema of the ninjs version it is written in.

        The version comes from the content (``standard``, else the property names); a document
        valid against another minor version of the same generation passes. Envelopes and
        dialects that match no version are reported as such.
        """
        from articlekit.schemas import SchemaProblem, validate_ninjs

        items, envelope = unwrap(parse_json(decode_json_bytes(data)))
        problems = []
        if envelope is not None:
            problems.append(SchemaProblem(f"{envelope}, not a ninjs document"))
        for index, item in enumerate(items, start=1):
            if not isinstance(item, dict):
                continue
            version, _ = detect_version(item)
            found = validate_ninjs(item, version, folder)
            if found:
                for other in generation_of(version).minors:
                    if other != version and not validate_ninjs(item, other, folder):
                        found = []
                        break
            where = f"item {index}: " if envelope is not None else ""
            problems += [
                SchemaProblem(
                    f"{where}not valid ninjs {version}: {shortened(problem.message, 200)}"
                )
                for problem in found
            ]
        return problems


class NinjsWriter:
    options = ("ninjs-version",)
    """``-O ninjs-version=3.0`` picks an exact version of the writer's generation."""

    def __init__(self, name: str) -> None:
        self.name = name
        """The generation it writes: ``ninjs`` (3.x), ``ninjs2`` or ``ninjs1``."""

    def write(self, article: Article, context: Context) -> bytes:
        version = writer_version(self.name, context.option("ninjs-version"))
        document = DocumentWriter(version, context).build(article)
        folder = context.schema_folder()
        if folder is not None:  # a folder without this version's schema is an error, as for XML
            from articlekit.schemas import validate_ninjs

            problems = validate_ninjs(document, version, folder)
            if problems:
                raise OutputError(
                    f"internal error: the ninjs {version} output does not validate against "
                    f"the official schema ({problems[0].message}); please report it",
                    path=context.path,
                )
        return serialise(document)


reader = NinjsReader()
writer = NinjsWriter("ninjs")
writer2 = NinjsWriter("ninjs2")
writer1 = NinjsWriter("ninjs1")

__all__ = ["reader", "writer", "writer1", "writer2"]
