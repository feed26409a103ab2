"""What a worker does with a chunk of inputs: read each one, write its articles, report.

:func:`run_chunk` is the one function handed to workers (this process, a worker process, a Dask
worker); it and everything it is given are importable and picklable, so a Dask cluster runs the
library's own code. Files of an output folder are created in place, atomically and only if absent
(:class:`articlekit._io.AtomicFile`); a chunk's share of one output file goes to a temporary file
beside it, which the parent appends in order. Only small results travel back: source, output
paths, warnings, errors.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import IO, TYPE_CHECKING, Any, Protocol

from articlekit import _io
from articlekit.batch.inputs import STDIN, Input
from articlekit.batch.manifest import digest
from articlekit.batch.results import BatchResult, Record, Written
from articlekit.errors import (
    ArticlekitError,
    InputError,
    OutputError,
    UnknownFormatError,
    UsageError,
    command_line,
    on_command_line,
    setting,
)

if TYPE_CHECKING:
    from articlekit.diagnostics import Diagnostic
    from articlekit.model import Article


INTO_A_FOLDER = ("-o DIR/", "output='DIR/'")
INTO_ONE_FILE = ("--to jsonl", "to='jsonl'")
"""How messages name the two ways to write several articles: the command line's, the library's."""


def several_articles(writer: str, source: str) -> UsageError:
    """The error for an input of several articles written to one file of a one-article format."""
    return UsageError(
        f"the input holds several articles, and a {writer} file holds one; write one file each "
        f"into a folder ({setting(*INTO_A_FOLDER)}), or all into one with "
        f"{setting(*INTO_ONE_FILE)}",
        path=source,
    )


def _about_the_input(error: ArticlekitError) -> bool:
    """Whether an error converting an input is the input's, to be named with it: a usage error
    is the request's (an option's value: "ninjs-version=2.3 is not a version the ninjs writer
    produces"), unless it is about the input's format (no reader for it)."""
    return not isinstance(error, UsageError) or isinstance(error, UnknownFormatError)


@dataclass(frozen=True)
class Settings:
    """The conversion, as every worker needs it (picklable)."""

    source_format: str | None
    writer: str
    extension: str
    options: Mapping[str, str]
    max_bytes: int | None
    folder: str | None = None
    """The output folder (absolute), in folder mode."""
    folder_display: str | None = None
    """The output folder as the user named it, for messages."""
    temporary_folder: str | None = None
    output_display: str = "-"
    """The output file (or ``-``) writers name in warnings, in single-output mode."""
    force: bool = False
    durable: bool = False
    keep_articles: bool = False
    spill_folder: str | None = None
    """Where a worker writes its chunk's share of a single output file."""
    protected: tuple[str, ...] = ()
    """Input folders and files inside the output folder: never replaced, even with force."""
    claimed: tuple[str, ...] | None = ()
    extract_media: str | None = None
    """The folder embedded pictures are written to as files (``--extract-media``), if any."""
    command_line: bool = False
    """Whether the command line runs the batch: workers that do not inherit that from it (a Dask
    cluster's, a pool's started afresh) then name its flags in messages as it does."""


@dataclass(frozen=True)
class Task:
    """One input to convert, and where its outputs go in an output folder."""

    unit: Input
    folder: str = ""
    """The output's sub-folder (relative to the output folder)."""
    stem: str = ""
    """The output file name without extension (``story``; ``story-2`` for a second article)."""
    owned: frozenset[str] = frozenset()
    """Outputs an earlier run made from this input and nobody changed since: replaceable."""
    key: str = ""
    """The input's key in the manifest."""
    earlier: tuple[Written, ...] = ()
    """Those of :attr:`owned` the input's record lists, with their size and time: the parent
    removes those this conversion no longer makes (see ``Batch._withdraw``)."""
    edited: frozenset[str] = frozenset()
    """Outputs an earlier run made from this input that someone changed since: not replaced
    without ``--force``, and the error says why."""


@dataclass
class Chunk:
    """What a worker hands back for a chunk of tasks."""

    results: list[BatchResult]
    spill: str | None = None
    """A temporary file holding the chunk's share of the single output, in order."""
    data: bytes | None = None
    """The same, as bytes (for standard output, and Dask workers without the output's folder)."""


class Sink(Protocol):
    def write(self, data: bytes) -> None: ...


_REFUSING = {
    errno.ENOSPC: "the output's file system is full",
    errno.EDQUOT: "the output's disk quota is used up",
    errno.EROFS: "the output's file system is read-only",
}
"""What the system says when the output's file system takes no more files, and why in words."""


def output_refused(error: Exception | None) -> str | None:
    """Why the output's file system takes no more files, when ``error`` says it does not."""
    return _REFUSING.get(error.errno or 0) if isinstance(error, OutputError) else None


def run_chunk(settings: Settings, tasks: Sequence[Task]) -> Chunk:
    """Convert a chunk of tasks (in a worker process, or on a Dask worker)."""
    from articlekit.registry import get_writer

    if settings.command_line and not on_command_line():
        with command_line():
            return run_chunk(settings, tasks)
    writer = get_writer(settings.writer)
    single = settings.folder is None and not settings.keep_articles
    spill = _Spill(settings.spill_folder, settings.output_display) if single else None
    collected = _Collected() if single and spill is not None and spill.folder is None else None
    sink: Sink | None = collected or spill
    try:
        results = convert_tasks(settings, tasks, writer, sink)
    except BaseException:
        if spill is not None:
            spill.discard()
        raise
    if spill is not None:
        spill.close()
    return Chunk(
        results,
        spill.path if spill is not None and spill.folder is not None else None,
        collected.value() if collected is not None else None,
    )


def convert_tasks(
    settings: Settings, tasks: Sequence[Task], writer: Any, sink: Sink | None
) -> list[BatchResult]:
    """The chunk's results; after an output its file system refused (a full disk), the rest of
    the chunk is not converted: each would fail the same way, its input read for nothing."""
    results: list[BatchResult] = []
    refused = False
    for task in tasks:
        if refused:
            results.append(BatchResult(task.unit.source, "not-converted", line=task.unit.line))
            continue
        results.append(convert_one(settings, task, writer, sink))
        refused = output_refused(results[-1].error) is not None
    return results


def warm_up(settings: Settings, task: Task | None) -> None:
    """Convert ``task`` in memory and drop the result, before worker processes are forked: they
    then start with the reader and writer imported, the validators pydantic builds on first use
    built, and the patterns and tables the readers make on first use made (for text, 0.1 s of
    CPU that each worker would spend again). It is converted twice: the first conversion of a
    process takes the paths of a one-shot run, which build no tables (the furniture screen, the
    function-word index). Only a regular file or bytes are read again: a pipe or standard input
    would lose what the warm-up read. Its problems are the real run's to report."""
    from articlekit.registry import get_writer

    writer = get_writer(settings.writer)
    if task is None or (task.unit.data is None and not _regular_file(task.unit.path)):
        return
    quiet = replace(settings, folder=None, keep_articles=False, extract_media=None)
    for _ in range(2):
        with contextlib.suppress(Exception):
            convert_one(quiet, task, writer, _Collected())


def _regular_file(path: str | None) -> bool:
    if path is None or path == STDIN:
        return False
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


class _Collected:
    def __init__(self) -> None:
        self._parts: list[bytes] = []

    def write(self, data: bytes) -> None:
        self._parts.append(data)

    def value(self) -> bytes | None:
        return b"".join(self._parts) if self._parts else None


class _Spill:
    """A chunk's share of one output file, in a hidden temporary file beside it."""

    def __init__(self, folder: str | None, output: str) -> None:
        self.folder = folder
        self._base = os.path.basename(output)
        self.path: str | None = None
        self._stream: IO[bytes] | None = None

    def write(self, data: bytes) -> None:
        if self._stream is None:
            assert self.folder is not None
            self.path = _io.temporary_name(self.folder, self._base)
            self._stream = open(self.path, "xb")  # noqa: SIM115 - closed by close() or discard()
        self._stream.write(data)

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()

    def discard(self) -> None:
        self.close()
        if self.path is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.path)


# --- converting one input ---------------------------------------------------------------------


def convert_one(settings: Settings, task: Task, writer: Any, sink: Sink | None) -> BatchResult:
    """Read one input and write its articles; any problem is the result's error, not raised."""
    unit = task.unit
    warnings: list[Diagnostic] = []
    outputs: list[Written] = []
    articles: list[Article] = []
    held: list[bytes] | None = None
    if sink is not None and not getattr(writer, "concatenable", False):
        held = []  # a single-article format: written once the input is known to hold one
    files: list[_File] = []
    """An input's files for the output folder, written once it is read to its end: all of its
    articles or none of them."""
    pictures: list[tuple[str, bytes]] = []
    """The files ``--extract-media`` wrote for it (path and bytes)."""
    count = 0
    signature: Signature = (None, None, None)
    try:
        pieces, signature = _read(settings, unit)
        for index, (article, found) in enumerate(pieces, start=unit.index):
            warnings.extend(found)
            if article is None:
                continue
            if settings.folder is not None:
                files.append(_file(settings, task, writer, article, index, warnings, pictures))
            elif sink is not None:
                shown = settings.output_display
                data = _written(settings, writer, article, shown, warnings, None, pictures)
                if held is None:
                    _emit(sink, data)
                elif held:
                    raise several_articles(settings.writer, unit.source)
                else:
                    held.append(data)
            if settings.keep_articles:
                articles.append(article)
            count += 1
        if held and sink is not None:
            _emit(sink, held[0])
        for file in files:
            outputs.append(_place(settings, task, file))
    except _OutputFailed as failed:
        raise failed.error from None  # the run's output is gone: no other input can succeed
    except ArticlekitError as error:
        if _about_the_input(error):
            error = error.located(unit.source)
        return BatchResult(
            unit.source, "failed", _shown(settings, outputs), tuple(warnings),
            error, line=unit.line, count=count,
        )  # fmt: skip
    except Exception as error:  # a bug in a reader or writer is this input's error
        from articlekit._text import printable

        message = printable(f"{type(error).__name__}: {error}")
        return BatchResult(
            unit.source, "failed", _shown(settings, outputs), tuple(warnings),
            InputError(f"internal error ({message}); please report it", path=unit.source),
            line=unit.line, count=count,
        )  # fmt: skip
    return BatchResult(
        unit.source,
        "converted" if count else "skipped",
        _shown(settings, outputs),
        tuple(warnings),
        articles=tuple(articles),
        line=unit.line,
        count=count,
        record=Record(*signature, tuple(outputs), None, _media(settings, pictures))
        if count
        else None,
    )


class _OutputFailed(Exception):
    def __init__(self, error: BaseException) -> None:
        self.error = error


def _emit(sink: Sink, data: bytes) -> None:
    try:
        sink.write(data)
    except BaseException as error:
        raise _OutputFailed(error) from error


def _media(settings: Settings, pictures: list[tuple[str, bytes]]) -> tuple[Written, ...]:
    """The pictures an input's conversion extracted, as its record keeps them: their paths below
    the output folder (or the output file's folder), size, time and hash."""
    if not pictures:
        return ()
    # (both real: the output and the media folder may be named through different links)
    base = os.path.realpath(settings.folder or os.path.dirname(settings.output_display) or ".")
    kept: dict[str, Written] = {}
    for path, data in pictures:
        relative = os.path.relpath(os.path.realpath(path), base)
        outside = relative == os.pardir or relative.startswith(os.pardir + os.sep)
        if relative not in kept and not outside:  # (through a link: not kept, as before)
            with contextlib.suppress(OSError):
                status = os.stat(path)
                kept[relative] = (relative, status.st_size, status.st_mtime_ns, digest(data))
    return tuple(kept.values())


def _shown(settings: Settings, outputs: Sequence[Written]) -> tuple[str, ...]:
    return tuple(os.path.join(settings.folder_display or "", output[0]) for output in outputs)


Pieces = Iterator[tuple["Article | None", tuple["Diagnostic", ...]]]
Signature = tuple[int | None, int | None, str | None]
"""An input's size, modification time and content hash, as far as known."""


def _read(settings: Settings, unit: Input) -> tuple[Pieces, Signature]:
    """The articles of an input (each with its warnings), and the input's size, time and hash."""
    from articlekit import detect, registry
    from articlekit.api import read_all
    from articlekit.diagnostics import Diagnostic

    if unit.line is not None and unit.data is not None:
        return _read_record(settings, unit), (None, None, digest(unit.data))
    source: Any
    signature: Signature
    if unit.data is not None:
        source, signature = unit.data, (len(unit.data), None, digest(unit.data))
    elif unit.path == STDIN or unit.path is None:
        source, signature = STDIN, (None, None, None)
    else:
        source, signature = _load(unit.path, settings.max_bytes)
    source_format = settings.source_format
    ignored: tuple[Diagnostic, ...] = ()
    if isinstance(source, bytes) and source_format is None:
        source_format = detect.reader_for(unit.path or unit.source, source[: detect.HEAD_SIZE])
        # (keys the run kept for a plugin's reader: an input another reader reads ignores them,
        # said for it, and the run goes on: its inputs are not all of one reader)
        ignored = tuple(
            Diagnostic(
                "option-ignored",
                f"-O {key}: the {source_format} reader takes no such option; ignored",
                unit.source,
            )
            for key in registry.unknown_options(settings.options, source_format, settings.writer)
        )
    results = read_all(
        source,
        format=source_format,
        options=settings.options,
        max_bytes=settings.max_bytes,
        name=unit.source,
    )
    return _said_first(ignored, results), signature


def _said_first(said: tuple[Diagnostic, ...], results: Iterable[Any]) -> Pieces:
    """The articles of ``results`` with their warnings, ``said`` before the first one's."""
    for result in results:
        yield result.value, (*said, *result.warnings)
        said = ()


def _read_record(settings: Settings, unit: Input) -> Pieces:
    """One record of an archive (a JSON Lines line), read by the archive's reader."""
    from articlekit.registry import Context, default_language, get_reader

    assert unit.data is not None and unit.line is not None
    reader = get_reader(settings.source_format or "jsonl")
    context = Context(
        path=unit.source,
        options=dict(settings.options),
        max_bytes=settings.max_bytes or _io.DEFAULT_MAX_BYTES,
    )
    articles = list(reader.read_record(unit.data, unit.line, context))  # type: ignore[attr-defined]
    language = default_language(settings.options)
    for article in articles:
        if language is not None and article.language is None:
            article.language = language
    warnings = tuple(context.take_warnings())
    if not articles:
        yield None, warnings
    for article in articles:
        yield article, warnings
        warnings = ()


def _load(path: str, max_bytes: int | None) -> tuple[Any, Signature]:
    """The bytes of a file and its signature; a file over the default limit stays a path, which
    the API streams (JSON Lines) or refuses."""
    with _io.open_input(path) as stream:
        status = os.fstat(stream.fileno())
        limit = max_bytes or _io.DEFAULT_MAX_BYTES
        regular = stat.S_ISREG(status.st_mode)
        if max_bytes is None and regular and status.st_size > limit:
            return path, (status.st_size, status.st_mtime_ns, None)
        data = _io.read_limited(stream, path, limit)
    if not regular:
        return data, (None, None, None)
    return data, (status.st_size, status.st_mtime_ns, digest(data))


def _written(
    settings: Settings,
    writer: Any,
    article: Article,
    path: str,
    warnings: list[Diagnostic],
    where: str | None = None,
    pictures: list[tuple[str, bytes]] | None = None,
) -> bytes:
    """``article`` in the output format; with ``extract_media``, its embedded pictures are
    written as files first (each added to ``pictures``), named relative to ``where`` (the
    output's real folder)."""
    from articlekit.registry import Context

    if settings.extract_media is not None:
        from articlekit import media

        folder = where if where is not None else os.path.dirname(path) or "."
        article = media.extract(article, _cleared_media_folder(settings, folder), folder, pictures)
    context = Context(path=path, options=dict(settings.options))
    data: bytes = writer.write(article, context)
    warnings.extend(context.warnings)
    return data


_MADE: set[str] = set()
"""Output folders this process made (or found), so each is made once."""
_DEVICES: dict[str, int] = {}


def media_folder(settings: Settings, folder: str) -> str:
    """Where ``--extract-media`` puts the pictures of an output in ``folder``: into an output
    folder, the media folder's place below the output folder, repeated below each sub-folder
    its outputs mirror (``OUT/media``: ``OUT/2024/media`` for ``OUT/2024/story.json``), as a
    reader looks for the files a document names only inside its own folder."""
    assert settings.extract_media is not None
    if settings.folder is None:
        return settings.extract_media
    return os.path.normpath(os.path.join(folder, _below(settings.extract_media, settings.folder)))


def _cleared_media_folder(settings: Settings, folder: str) -> str:
    """:func:`media_folder`, cleared of what a killed process left in it when this process first
    writes a picture there (the run clears each one as it plans the first input of its
    sub-folder; on a cluster, a worker clears what a killed worker of its own machine left)."""
    target = media_folder(settings, folder)
    if target not in _MEDIA_FOLDERS:
        _MEDIA_FOLDERS.add(target)
        _io.remove_stray_temporaries(target)
    return target


@functools.lru_cache(maxsize=8)
def _below(media: str, folder: str) -> str:
    """The media folder's path relative to the output folder (both real: either may be named
    through a link; the run checked that it lies inside)."""
    return os.path.relpath(os.path.realpath(media), os.path.realpath(folder))


_MEDIA_FOLDERS: set[str] = set()
"""Media folders this process cleared (see :func:`_cleared_media_folder`)."""


@dataclass(frozen=True)
class _File:
    """One output file of an output folder, before it is written."""

    relative: str
    path: str
    shown: str
    data: bytes


def _file(
    settings: Settings,
    task: Task,
    writer: Any,
    article: Article,
    index: int,
    warnings: list[Diagnostic],
    pictures: list[tuple[str, bytes]],
) -> _File:
    """One article as a file of the output folder (``stem.ext``, ``stem-2.ext`` ...)."""
    assert settings.folder is not None
    name = f"{task.stem}{settings.extension}"
    if index > 1:
        name = f"{task.stem}-{index}{settings.extension}"
    relative = os.path.join(task.folder, name) if task.folder else name
    shown = os.path.join(settings.folder_display or settings.folder, relative)
    path = os.path.join(settings.folder, relative)
    data = _written(settings, writer, article, shown, warnings, os.path.dirname(path), pictures)
    return _File(relative, path, shown, data)


def _place(settings: Settings, task: Task, file: _File) -> tuple[str, int, int, str]:
    """Write a file into the output folder; its path (relative), size, time and the hash of its
    bytes (taken here, where they are in hand: a rerun knows the file by them when only its time
    changed)."""
    folder = os.path.dirname(file.path)
    if folder not in _MADE:
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as error:
            reason = _io.cannot_create(error, folder)
            raise OutputError.refused(
                error, file.shown, f"cannot make its folder: {reason}"
            ) from None
        _MADE.add(folder)
    relative, owned = file.relative, task.owned
    if settings.protected and relative not in owned and _protected(settings, file.path):
        raise OutputError("would replace an input file; not written", path=file.shown)
    try:  # (its error names the output as the run names it, as the errors of the rest do)
        output = _io.AtomicFile(
            file.path,
            force=settings.force,
            replaceable=(lambda _status: relative in owned) if owned else None,
            temporary_folder=_temporary_folder(settings, folder),
            durable=settings.durable,
            edited=relative in task.edited,
        )
        output.write(file.data)
        output.commit()
    except ArticlekitError as error:
        error.path = file.shown
        raise
    assert output.status is not None
    return relative, output.status.st_size, output.status.st_mtime_ns, digest(file.data)


def _temporary_folder(settings: Settings, folder: str) -> str | None:
    """The run's temporary folder when it is on the same file system as ``folder`` (a hard link
    cannot cross file systems), else ``None``: beside the output."""
    temporary = settings.temporary_folder
    if temporary is None:
        return None
    for path in (temporary, folder):
        if path not in _DEVICES:
            try:
                _DEVICES[path] = os.stat(path).st_dev
            except OSError:
                return None
    return temporary if _DEVICES[temporary] == _DEVICES[folder] else None


def _protected(settings: Settings, path: str) -> bool:
    """Whether ``path`` is (or may be) an input of the run: never replaced by an output."""
    if not os.path.lexists(path):
        return False
    real = os.path.realpath(path)
    if settings.claimed is not None and not os.path.basename(real).lower().endswith(
        settings.claimed
    ):
        return real in settings.protected
    return any(real == root or real.startswith(root + os.sep) for root in settings.protected)
