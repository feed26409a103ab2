"""Embedded media as files: extracting resources beside an output, loading them back.

Canonical JSON carries the bytes of embedded pictures as base64. ``extract`` (the API's
``extract_media=DIR``, the CLI's ``--extract-media DIR``) writes each resource to ``DIR`` under
its sha256 and leaves in the article only a path relative to the output's folder, as pandoc's
option of the same name does. ``load`` reads such paths back, relative to the document that names
them: the file must stay inside that document's folder, fit the size limit and have the sha256 the
document declares; otherwise the resource stays a bare path and a warning says why. Nothing here
decodes image bytes, and remote URIs are never touched.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from articlekit.errors import OutputError
from articlekit.model import (
    Article,
    Block,
    Figure,
    List,
    Media,
    Quote,
    Resource,
    Table,
    has_media,
    iter_media,
)
from articlekit.registry import Context

OUTSIDE_THE_OUTPUT = (
    "the media folder must be the output's folder or inside it, so that the output can name "
    "its files"
)

_EXTENSIONS = {
    "image/jpeg": ".jpg", "image/svg+xml": ".svg", "image/tiff": ".tif", "image/x-emf": ".emf",
    "image/emf": ".emf", "image/x-wmf": ".wmf", "image/wmf": ".wmf", "image/x-ms-bmp": ".bmp",
}  # fmt: skip
"""Extensions where ``mimetypes`` picks an unusual one (``.jpe``) or none (Word's metafiles,
which DOCX files hold as ``image/x-emf`` and ``image/x-wmf``)."""


def extension_of(media_type: str) -> str:
    """A file name extension for a media type (``.bin`` when none is known)."""
    import mimetypes  # (here: half a millisecond of every start-up, for media files only)

    return _EXTENSIONS.get(media_type) or mimetypes.guess_extension(media_type) or ".bin"


def has_resources(article: Article, *, loaded: bool | None = None) -> bool:
    """Whether the article embeds bytes (``loaded=True``: held in memory; ``False``: only a
    path, not read yet; ``None``: either)."""
    return has_media(article) and any(
        loaded is None or (resource.data is not None) == loaded
        for media in _media_of(article)
        for resource in media.resources
    )


def extract(
    article: Article,
    folder: str | os.PathLike[str],
    relative_to: str,
    files: list[tuple[str, bytes]] | None = None,
) -> Article:
    """``article`` with the bytes of its resources written to files in ``folder``, each resource
    then naming its file relative to the folder ``relative_to`` (where the output goes); each
    file (path and bytes) added to ``files``, when given (a batch records them, so that a rerun
    writes again one that was removed)."""
    if not has_resources(article, loaded=True):
        return article
    target = Path(folder)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = f"cannot make the media folder: {error.strerror or error}"
        raise OutputError.refused(error, str(target), reason) from None

    def extracted(resource: Resource) -> Resource:
        if resource.data is None:
            return resource
        name = f"{resource.sha256}{extension_of(resource.media_type)}"
        path = target / name
        relative = Path(os.path.relpath(target.resolve() / name, Path(relative_to).resolve()))
        if relative.as_posix().startswith(("../", "/")):  # (told before anything is written)
            raise OutputError(OUTSIDE_THE_OUTPUT, path=str(target))
        if path.is_symlink():  # (a link put there: replaced by the file, never written through)
            path.unlink(missing_ok=True)  # (another worker may have replaced it first)
        if not _holds(path, resource):
            from articlekit._io import write_atomic

            write_atomic(str(path), [resource.data], force=True)
        if files is not None:
            files.append((str(path), resource.data))
        return resource.model_copy(update={"data": None, "path": relative.as_posix()})

    return _with_resources(article, extracted)


def load(article: Article, folder: str | None, context: Context) -> Article:
    """``article`` with the files its resources name read back from ``folder`` (the folder of
    the document that names them; ``None`` when it has none, as for standard input)."""
    if not has_resources(article, loaded=False):
        return article
    budget = [context.max_bytes]

    def loaded(resource: Resource) -> Resource:
        if resource.data is not None or resource.path is None:
            return resource
        if folder is None:
            context.warn(
                "media-unresolved",
                f"{resource.path}: the input has no folder to find it in; kept as a path",
            )
            return resource
        base = Path(folder).resolve()
        path = (base / resource.path).resolve()
        problem = None
        if not path.is_relative_to(base):
            problem = "points out of the document's folder (a link); not read"
        elif not path.is_file():
            problem = "no such file"
        elif path.stat().st_size != resource.size:
            problem = f"holds {path.stat().st_size} bytes, not the {resource.size} declared"
        elif resource.size > budget[0]:
            problem = f"does not fit the size limit of {context.max_bytes} bytes"
        if problem is None:
            try:
                data = path.read_bytes()
            except OSError as error:
                problem = error.strerror or str(error)
            else:
                if hashlib.sha256(data).hexdigest() != resource.sha256:
                    problem = "its sha256 is not the one declared (the file changed)"
                else:
                    budget[0] -= len(data)
                    return resource.model_copy(update={"data": data, "path": None})
        context.warn("media-unresolved", f"{resource.path}: {problem}; kept as a path")
        return resource

    return _with_resources(article, loaded)


def _media_of(article: Article) -> Any:
    return iter_media(article)


def _holds(path: Path, resource: Resource) -> bool:
    """Whether ``path`` already holds the resource's bytes (written by an earlier run)."""
    try:
        return path.stat().st_size == resource.size and path.read_bytes() == resource.data
    except OSError:
        return False


Change = Callable[[Resource], Resource]
M = TypeVar("M", Figure, Media)


def _with_resources(article: Article, change: Change) -> Article:
    body = replace_figures(article.body, lambda figure: _media(figure, change))
    media = [_media(item, change) for item in article.media]
    return article.model_copy(update={"body": body, "media": media})


def _media(media: M, change: Change) -> M:
    if not media.resources:
        return media
    renditions = [
        rendition
        if rendition.resource is None
        else rendition.model_copy(update={"resource": change(rendition.resource)})
        for rendition in media.renditions
    ]
    return media.model_copy(update={"renditions": renditions})


def replace_figures(blocks: list[Block], replace: Callable[[Figure], Figure | None]) -> list[Block]:
    """``blocks`` with every figure, nested ones included, replaced by ``replace(figure)`` (left
    out where that is ``None``)."""
    return [made for block in blocks if (made := _block(block, replace)) is not None]


def _block(block: Block, replace: Callable[[Figure], Figure | None]) -> Block | None:
    if isinstance(block, Figure):
        return replace(block)
    if isinstance(block, Quote):
        return block.model_copy(update={"blocks": replace_figures(block.blocks, replace)})
    if isinstance(block, List):
        items = [
            item.model_copy(update={"blocks": replace_figures(item.blocks, replace)})
            for item in block.items
        ]
        return block.model_copy(update={"items": items})
    if isinstance(block, Table):
        rows = [
            row.model_copy(
                update={
                    "cells": [
                        cell.model_copy(update={"blocks": replace_figures(cell.blocks, replace)})
                        if cell.blocks
                        else cell
                        for cell in row.cells
                    ]
                }
            )
            for row in block.rows
        ]
        return block.model_copy(update={"rows": rows})
    return block
