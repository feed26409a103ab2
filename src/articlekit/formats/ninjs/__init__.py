"""IPTC ninjs (News in JSON): one reader for every generation, a writer for each.

``ninjs`` writes 3.x (3.2 by default), ``ninjs2`` writes 2.x (2.3), ``ninjs1`` writes 1.x (1.7):
the newest versions IPTC approved. ``-O ninjs-version=3.0`` picks an exact minor version, the
drafts 3.3, 2.4 and 1.8 included (with a ``ninjs-draft-version`` warning). Reading (1.0 to 3.3)
tells the version from content and also accepts Superdesk's dialect (``guid``, ``body_html``,
``authors``) and API envelopes holding items (``{"total": 1, "item": [...]}``), with a warning;
a picture (graphic, video, audio) item is an article whose body is that figure, events and
planning items are skipped with a message. Associations are read and written by :mod:`.media`.
Values of the wrong JSON type, and JSON that is no ninjs at all, are errors naming the property
(:mod:`.shape`). See :mod:`.read` and :mod:`.write` for the field mapping.

When a schema folder is configured (``--schemas``, ``ARTICLEKIT_SCHEMAS``, ``[tool.articlekit]``)
the writer validates its own output against the official schema of its version and raises if it
does not validate (it never should); :meth:`NinjsReader.schema_problems` checks input files.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from articlekit._text import shortened
from articlekit.errors import OutputError, option_setting
from articlekit.formats.json import decode_json_bytes, parse_json
from articlekit.formats.ninjs.read import read_document, unwrap
from articlekit.formats.ninjs.versions import (
    declared_version,
    detect_version,
    generation_of,
    is_draft,
    writer_version,
)
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

        A file that declares its version (``standard``, 1.x ``$standard``) is checked against
        that version's schema; one that declares none passes when a version of its generation
        (told from the property names) accepts it, of those whose schemas the folder holds.
        Envelopes and dialects that match no version are reported as such.
        """
        from articlekit.schemas import SchemaProblem

        items, envelope = unwrap(parse_json(decode_json_bytes(data)))
        problems = []
        if envelope is not None:
            problems.append(SchemaProblem(f"{envelope}, not a ninjs document"))
        for index, item in enumerate(items, start=1):
            if isinstance(item, dict):
                where = f"item {index}: " if envelope is not None else ""
                problems += [
                    SchemaProblem(f"{where}{shortened(message, 240)}")
                    for message in _item_problems(item, folder)
                ]
        return problems


def _item_problems(item: dict[str, Any], folder: Path) -> list[str]:
    from articlekit.schemas import NINJS_SCHEMA, SchemaMissing, ninjs_versions, validate_ninjs

    declared = declared_version(item)
    if declared is not None and NINJS_SCHEMA.fullmatch(f"ninjs-schema_{declared}.json"):
        return [
            f"not valid ninjs {declared} (the version it declares): {problem.message}"
            for problem in validate_ninjs(item, declared, folder)
        ]
    guess, _ = detect_version(item)
    major = generation_of(guess).major
    candidates = [version for version in ninjs_versions(folder) if version.startswith(major + ".")]
    if not candidates:
        raise SchemaMissing(f"the schema folder {folder} holds no ninjs {major}.x schema")
    first = guess if guess in candidates else candidates[-1]
    found = validate_ninjs(item, first, folder)
    if not found or any(
        not validate_ninjs(item, other, folder) for other in candidates if other != first
    ):
        return []
    return [
        f"not valid ninjs {major}.x (it declares no version; as {first}): {problem.message}"
        for problem in found
    ]


class NinjsWriter:
    options = ("ninjs-version",)
    """``-O ninjs-version=3.0`` picks an exact version of the writer's generation."""

    def __init__(self, name: str) -> None:
        self.name = name
        """The generation it writes: ``ninjs`` (3.x), ``ninjs2`` or ``ninjs1``."""

    def write(self, article: Article, context: Context) -> bytes:
        version = writer_version(self.name, context.option("ninjs-version"))
        if is_draft(version):
            latest = generation_of(version).latest
            context.warn(
                "ninjs-draft-version",
                f"ninjs {version} is a draft IPTC has not approved (the newest approved version "
                f"is {latest}): its new properties may still change or be dropped",
            )
        document = DocumentWriter(version, context).build(article)
        folder = context.schema_folder()
        if folder is not None:  # a folder without this version's schema is an error, as for XML
            from articlekit.schemas import SchemaMissing, ninjs_versions, validate_ninjs

            try:
                problems = validate_ninjs(document, version, folder)
            except SchemaMissing as error:
                held = [v for v in ninjs_versions(folder) if v in generation_of(version).minors]
                hint = ""
                if held:
                    version_held = option_setting("ninjs-version", held[-1])
                    hint = f" or write a version it holds ({version_held})"
                raise SchemaMissing(
                    f"{error.message}; add it from https://iptc.org/standards/ninjs/{hint}"
                ) from None
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
