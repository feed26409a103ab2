"""The batch engine: converting many inputs in one process, in worker processes, or on Dask.

The parent process finds the inputs (lazily, :mod:`.inputs`), plans where each one's outputs go,
skips those an earlier run left up to date (:mod:`.manifest`), and hands the rest out in chunks.
Whoever converts a chunk (this process, a worker process, a Dask worker) reads its inputs and
writes its outputs itself: files of an output folder are created in place (atomically, only if
absent), a chunk's share of one output file is written to a temporary file the parent appends in
order. Only small results travel back: source, output paths, warnings, errors. Results are handed
out in input order, with a bounded number of chunks in flight, so memory stays flat.

:func:`run_chunk` is the one function handed to workers; it and everything it is given are
importable and picklable, so a Dask cluster runs the library's own code.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import stat
import sys
import time
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import IO, TYPE_CHECKING, Any, Protocol

from articlekit import _io
from articlekit.batch.inputs import (
    STDIN,
    BatchInput,
    Exclusions,
    Input,
    Rejected,
    claimed_extensions,
    expand,
)
from articlekit.batch.manifest import (
    STATE_FOLDER,
    TEMPORARY,
    Manifest,
    digest,
    file_digest,
    fingerprint,
    read_sidecar,
    sidecar_path,
    sidecar_vouches,
    write_sidecar,
)
from articlekit.batch.results import BatchResult, Record, Status, Summary
from articlekit.errors import ArticlekitError, InputError, OutputError, UsageError

if TYPE_CHECKING:
    from articlekit.diagnostics import Diagnostic
    from articlekit.model import Article

CHUNK = 32
"""Inputs a worker converts per task: enough to make hand-over costs small, few enough to keep
the workers evenly busy to the end."""
PARALLEL_FROM = 2 * CHUNK
"""Fewer inputs than this are converted in this process: starting workers would cost more."""
RECORD_EVERY = 2.0
"""Seconds between manifest updates (each one syncs the output folder's file system first)."""
MAX_MAX_BYTES = 1 << 40
"""1 TiB: more than any article file, less than what a read size may be."""


# --- what a worker gets -----------------------------------------------------------------------


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


def run_chunk(settings: Settings, tasks: Sequence[Task]) -> Chunk:
    """Convert a chunk of tasks (in a worker process, or on a Dask worker)."""
    from articlekit.registry import get_writer

    writer = get_writer(settings.writer)
    single = settings.folder is None and not settings.keep_articles
    spill = _Spill(settings.spill_folder, settings.output_display) if single else None
    collected = _Collected() if single and spill is not None and spill.folder is None else None
    sink: Sink | None = collected or spill
    try:
        results = [convert_one(settings, task, writer, sink) for task in tasks]
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
    outputs: list[tuple[str, int, int]] = []
    articles: list[Article] = []
    held: list[bytes] | None = None
    if sink is not None and not getattr(writer, "concatenable", False):
        held = []  # a single-article format: written once the input is known to hold one
    count = 0
    signature: Signature = (None, None, None)
    try:
        pieces, signature = _read(settings, unit)
        for index, (article, found) in enumerate(pieces, start=unit.index):
            warnings.extend(found)
            if article is None:
                continue
            if settings.folder is not None:
                outputs.append(_write_file(settings, task, writer, article, index, warnings))
            elif sink is not None:
                data = _written(settings, writer, article, settings.output_display, warnings)
                if held is None:
                    _emit(sink, data)
                elif held:
                    raise UsageError(
                        f"the input holds several articles, and a {settings.writer} file holds "
                        "one; give an output folder (-o DIR/), or use --to jsonl",
                        path=unit.source,
                    )
                else:
                    held.append(data)
            if settings.keep_articles:
                articles.append(article)
            count += 1
        if held and sink is not None:
            _emit(sink, held[0])
    except _OutputFailed as failed:
        raise failed.error from None  # the run's output is gone: no other input can succeed
    except ArticlekitError as error:
        return BatchResult(
            unit.source, "failed", _shown(settings, outputs), tuple(warnings),
            error.located(unit.source), line=unit.line, count=count,
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
        record=Record(*signature, tuple(outputs)) if count else None,
    )


class _OutputFailed(Exception):
    def __init__(self, error: BaseException) -> None:
        self.error = error


def _emit(sink: Sink, data: bytes) -> None:
    try:
        sink.write(data)
    except BaseException as error:
        raise _OutputFailed(error) from error


def _shown(settings: Settings, outputs: Sequence[tuple[str, int, int]]) -> tuple[str, ...]:
    return tuple(os.path.join(settings.folder_display or "", path) for path, _, _ in outputs)


Pieces = Iterator[tuple["Article | None", tuple["Diagnostic", ...]]]
Signature = tuple[int | None, int | None, str | None]
"""An input's size, modification time and content hash, as far as known."""


def _read(settings: Settings, unit: Input) -> tuple[Pieces, Signature]:
    """The articles of an input (each with its warnings), and the input's size, time and hash."""
    from articlekit import detect
    from articlekit.api import read_all

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
    if isinstance(source, bytes) and source_format is None:
        source_format = detect.reader_for(unit.path or unit.source, source[: detect.HEAD_SIZE])
    results = read_all(
        source,
        format=source_format,
        options=settings.options,
        max_bytes=settings.max_bytes,
        name=unit.source,
    )
    return ((result.value, result.warnings) for result in results), signature


def _read_record(settings: Settings, unit: Input) -> Pieces:
    """One record of an archive (a JSON Lines line), read by the archive's reader."""
    from articlekit.registry import Context, get_reader

    assert unit.data is not None and unit.line is not None
    reader = get_reader(settings.source_format or "jsonl")
    context = Context(
        path=unit.source,
        options=dict(settings.options),
        max_bytes=settings.max_bytes or _io.DEFAULT_MAX_BYTES,
    )
    articles = list(reader.read_record(unit.data, unit.line, context))  # type: ignore[attr-defined]
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
    settings: Settings, writer: Any, article: Article, path: str, warnings: list[Diagnostic]
) -> bytes:
    from articlekit.registry import Context

    context = Context(path=path, options=dict(settings.options))
    data: bytes = writer.write(article, context)
    warnings.extend(context.warnings)
    return data


_MADE: set[str] = set()
"""Output folders this process made (or found), so each is made once."""
_DEVICES: dict[str, int] = {}


def _write_file(
    settings: Settings,
    task: Task,
    writer: Any,
    article: Article,
    index: int,
    warnings: list[Diagnostic],
) -> tuple[str, int, int]:
    """Write one article into the output folder; its path (relative), size and time."""
    assert settings.folder is not None
    name = f"{task.stem}{settings.extension}"
    if index > 1:
        name = f"{task.stem}-{index}{settings.extension}"
    relative = os.path.join(task.folder, name) if task.folder else name
    path = os.path.join(settings.folder, relative)
    shown = os.path.join(settings.folder_display or settings.folder, relative)
    data = _written(settings, writer, article, shown, warnings)
    folder = os.path.dirname(path)
    if folder not in _MADE:
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as error:
            reason = _io.cannot_create(error, folder)
            raise OutputError(f"cannot make its folder: {reason}", path=shown) from None
        _MADE.add(folder)
    if settings.protected and relative not in task.owned and _protected(settings, path):
        raise OutputError("would replace an input file; not written", path=shown)
    owned = task.owned
    output = _io.AtomicFile(
        path,
        force=settings.force,
        replaceable=(lambda _status: relative in owned) if owned else None,
        temporary_folder=_temporary_folder(settings, folder),
        durable=settings.durable,
    )
    try:
        output.write(data)
        output.commit()
    except OutputError as error:
        error.path = shown
        raise
    assert output.status is not None
    return relative, output.status.st_size, output.status.st_mtime_ns


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


# --- who converts the chunks --------------------------------------------------------------------


class Handle(Protocol):
    def done(self) -> bool: ...
    def result(self) -> Chunk: ...
    def cancel(self) -> bool: ...


class Executor(Protocol):
    window: int
    """Chunks in flight before results are waited for."""
    chunk: int
    """Tasks per chunk."""

    def submit(self, tasks: list[Task]) -> Handle: ...
    def close(self, cancel: bool) -> None: ...


@dataclass
class _Done:
    chunk: Chunk

    def done(self) -> bool:
        return True

    def result(self) -> Chunk:
        return self.chunk

    def cancel(self) -> bool:
        return False


class _Here:
    """Converts each chunk in this process, into the run's own sink."""

    window = 0
    chunk = 1

    def __init__(self, settings: Settings, sink: Sink | None) -> None:
        self.settings = settings
        self.sink = sink
        self.writer: Any = None  # imported when there is work (a rerun may have none)

    def submit(self, tasks: list[Task]) -> Handle:
        if self.writer is None:
            from articlekit.registry import get_writer

            self.writer = get_writer(self.settings.writer)
        results = [convert_one(self.settings, task, self.writer, self.sink) for task in tasks]
        return _Done(Chunk(results))

    def close(self, cancel: bool) -> None:
        pass


def _worker_started(parent: int) -> None:
    """Workers leave Ctrl-C to the parent, which lets running chunks finish and stops; and they
    end with it when it is killed outright (on Linux; elsewhere they end at their next task)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before that was set
        os._exit(1)


class _Pool:
    """Worker processes on this machine (forked on Linux: they start with what is imported)."""

    chunk = CHUNK

    def __init__(self, settings: Settings, jobs: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
        self.settings = settings
        self.window = jobs * 3
        self.pool = ProcessPoolExecutor(
            jobs, mp_context=context, initializer=_worker_started, initargs=(os.getpid(),)
        )

    def submit(self, tasks: list[Task]) -> Handle:
        return self.pool.submit(run_chunk, self.settings, tasks)

    def close(self, cancel: bool) -> None:
        self.pool.shutdown(wait=True, cancel_futures=cancel)


def _result(handle: Handle) -> Chunk:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return handle.result()
    except BrokenProcessPool:
        raise OutputError(
            "a worker process died (out of memory?); rerun with --jobs 1 to find the file"
        ) from None


# --- the run ------------------------------------------------------------------------------------


def _is_folder(output: str) -> bool:
    return output.endswith(("/", os.sep)) or os.path.isdir(output)


@dataclass
class _Slot:
    """A chunk in flight: its results so far (ready ones, and places for the chunk's)."""

    slots: list[BatchResult | int]
    tasks: list[Task]
    handle: Handle | None


@dataclass
class _Pending:
    entries: list[tuple[str, str, Record]] = field(default_factory=list)
    since: float = field(default_factory=time.monotonic)


class Batch:
    """A batch conversion: iterate it to run it, one :class:`BatchResult` per input, in order.

    ``inputs``: paths (files, folders, glob patterns, ``-`` for standard input) or
    ``(name, bytes)`` pairs, or one path. ``output``: a folder (an existing one, or a name ending
    in ``/``) mirroring the inputs' folders, one file (JSON Lines, or any format for one input),
    ``-`` for standard output, or ``None`` to get the articles in the results.

    Usage errors (an unknown format, an output that is an input) raise
    :class:`~articlekit.errors.UsageError` here or on the first step; everything about one input
    is that input's result. :attr:`summary` counts the run as it goes.
    """

    def __init__(
        self,
        inputs: BatchInput | Iterable[BatchInput],
        output: str | os.PathLike[str] | None = None,
        *,
        to: str | None = None,
        source_format: str | None = None,
        options: Mapping[str, str] | None = None,
        jobs: int | None = 1,
        resume: bool = True,
        force: bool = False,
        fail_fast: bool = False,
        max_bytes: int | None = None,
        follow_links: bool = False,
        durable: bool = False,
        scheduler: Any = None,
    ) -> None:
        from articlekit import detect, registry

        if isinstance(inputs, str | os.PathLike) or (
            isinstance(inputs, tuple) and len(inputs) == 2 and isinstance(inputs[1], bytes)
        ):
            inputs = [inputs]
        self._inputs: Iterable[BatchInput] = inputs
        self._output = os.fspath(output) if output is not None else None
        if self._output == "":
            raise UsageError("-o takes a file, a folder (DIR/) or - for stdout, not an empty name")
        if jobs is not None and jobs < 1:
            raise UsageError("--jobs takes a number of processes, 1 or more")
        if max_bytes is not None and not 1 <= max_bytes <= MAX_MAX_BYTES:
            raise UsageError(f"--max-bytes takes a size in bytes, from 1 to {MAX_MAX_BYTES}")
        if source_format is not None:
            registry.get_reader(source_format)
        self.options = dict(options or {})
        check_options(self.options)
        output_name = self._output
        if output_name is None:
            self.mode = "articles"
        elif output_name == STDIN:
            self.mode = "stdout"
        elif _is_folder(output_name):
            self.mode = "folder"
        else:
            self.mode = "file"
        self.writer_name = detect.writer_for(output_name if self.mode == "file" else None, to)
        info = registry.formats("writer").get(self.writer_name)
        if info is None:
            registry.get_writer(self.writer_name)  # raises: unknown, naming the known ones
        assert info is not None
        extension = next(iter(registry.extensions_of(info)), ".out")
        self.source_format = source_format
        self.jobs = jobs or os.cpu_count() or 1
        self.resume = resume and not force
        self.force = force
        self.fail_fast = fail_fast
        self.max_bytes = max_bytes
        self.follow_links = follow_links
        self.scheduler = scheduler
        self.fingerprint = fingerprint(source_format, self.writer_name, self.options, max_bytes)
        self._given = list(self._inputs) if isinstance(self._inputs, list | tuple) else None
        if sum(1 for item in self._given or () if isinstance(item, str) and item == STDIN) > 1:
            raise UsageError("standard input can be read only once")
        if self.mode == "file":
            self._check_not_an_input(output_name or "")
        self.settings = Settings(
            source_format,
            self.writer_name,
            extension,
            self.options,
            max_bytes,
            output_display=output_name if self.mode == "file" and output_name else STDIN,
            force=force,
            durable=durable,
            keep_articles=self.mode == "articles",
        )
        self.summary = Summary()
        self._claims: set[int] = set()
        self._manifest: Manifest | None = None
        self._exclusions = Exclusions()
        self._archive: tuple[str, tuple[str, str]] | None = None
        self._sidecar: dict[str, Any] | None = None
        self._units = 0
        self._stopping = False
        self._iterator: Generator[BatchResult, None, None] = self._run()

    def _check_not_an_input(self, output: str) -> None:
        for item in self._given or ():
            if isinstance(item, tuple):
                continue
            name = os.fspath(item)
            if name == STDIN:
                if _io.is_standard_input(output):
                    raise UsageError(
                        "output is an input file; refusing to overwrite it", path=output
                    )
            elif not os.path.isdir(name) and _io.same_file(name, output):
                raise UsageError("output is an input file; refusing to overwrite it", path=output)

    # iteration

    def __iter__(self) -> Iterator[BatchResult]:
        return self

    def __next__(self) -> BatchResult:
        return next(self._iterator)

    def close(self) -> None:
        """Stop early: work in flight finishes, what was done is recorded."""
        self._iterator.close()

    def __enter__(self) -> Batch:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def count(self) -> int | None:
        """How many results the batch will give (for a progress bar), counted in a quick pass
        over the inputs; ``None`` when the inputs can be iterated only once."""
        if self._given is None:
            return None
        total = 0
        for entry in expand(
            self._given,
            source_format=self.source_format,
            follow_links=self.follow_links,
            exclusions=self._exclusions,
        ):
            if isinstance(entry, Input) and self._splitter(entry) is not None:
                total += _count_lines(entry.path or "")
            else:
                total += 1
        return total

    def plan(self) -> Iterator[Task | BatchResult]:
        """The batch's inputs as tasks to run (see :func:`run_chunk`) or as results known
        without converting (rejected, up to date), without running them (for :mod:`.dask`)."""
        self._prepare()
        try:
            yield from self._entries()
        finally:
            self._cleanup()

    # the run

    def _run(self) -> Generator[BatchResult, None, None]:
        started = time.perf_counter()
        sink: Any = None
        executor: Executor | None = None
        finished = False
        cancel = True
        pending = _Pending()
        try:
            sink = self._prepare()
            if self.mode == "file" and self._up_to_date_file():
                yield from self._unchanged_file()
                finished = True
                return
            inputs_digest = _InputsDigest() if self.mode == "file" else None
            entries = self._entries(inputs_digest)
            head = list(itertools.islice(entries, PARALLEL_FROM))
            tasks = sum(1 for entry in head if isinstance(entry, Task))
            if self.mode in ("file", "stdout") and tasks > 1:
                self._check_concatenable(
                    {entry.unit.source for entry in head if isinstance(entry, Task)}
                )
            executor = self._executor(sink, tasks >= PARALLEL_FROM)
            queue: deque[_Slot] = deque()
            current = _Slot([], [], None)
            for entry in itertools.chain(head, entries):
                if isinstance(entry, Task):
                    current.slots.append(len(current.tasks))
                    current.tasks.append(entry)
                else:
                    current.slots.append(entry)
                if len(current.tasks) >= executor.chunk or len(current.slots) >= 4 * CHUNK:
                    self._submit(executor, current, queue)
                    current = _Slot([], [], None)
                while queue and (len(queue) > executor.window or _ready(queue[0])):
                    yield from self._complete(queue.popleft(), sink, pending)
                if self._stopping:
                    break
            if not self._stopping:
                self._submit(executor, current, queue)
            while queue:
                item = queue.popleft()
                if self._stopping and item.handle is not None and item.handle.cancel():
                    continue
                yield from self._complete(item, sink, pending)
            cancel = False
            self._finish(sink, inputs_digest)
            finished = True
        except (KeyboardInterrupt, GeneratorExit):
            self.summary.interrupted = True
            raise
        finally:
            if executor is not None:
                executor.close(cancel)
            if not finished and isinstance(sink, _io.AtomicFile):
                sink.discard()
            self._record(pending, force=True)
            self._cleanup()
            self.summary.seconds = time.perf_counter() - started

    def _prepare(self) -> Any:
        """Make the output ready: the folder and its manifest, or the output file."""
        output = self._output or ""
        if self.mode == "folder":
            folder = os.path.abspath(output)
            state = os.path.join(folder, STATE_FOLDER)
            try:
                os.makedirs(os.path.join(state, TEMPORARY), exist_ok=True)
            except OSError as error:
                reason = _io.cannot_create(error, os.path.dirname(folder.rstrip(os.sep)))
                raise OutputError(f"cannot make the output folder: {reason}", path=output) from None
            real = os.path.realpath(folder)
            _io.remove_stray_temporaries(os.path.join(state, TEMPORARY))
            self._manifest = Manifest(folder)
            self._exclusions = Exclusions(
                {real}, output_folder=real, produced=self._manifest.produced
            )
            protected = tuple(self._protected_inputs(real))
            self.settings = replace(
                self.settings,
                folder=folder,
                folder_display=output,
                temporary_folder=os.path.join(state, TEMPORARY),
                protected=protected,
                claimed=claimed_extensions(self.source_format) if protected else (),
            )
            return None
        if self.mode == "file":
            self._sidecar = read_sidecar(output)
            folder = os.path.dirname(os.path.abspath(output))
            _io.remove_stray_temporaries(folder)
            for path in (output, sidecar_path(output)):
                with contextlib.suppress(OSError):
                    status = os.stat(path)
                    self._exclusions.files.add((status.st_dev, status.st_ino))
            sidecar = self._sidecar
            return _io.AtomicFile(
                output,
                force=self.force,
                replaceable=lambda status: sidecar_vouches(sidecar, status),
            )
        if self.mode == "stdout":
            return _Stdout()
        return None

    def _protected_inputs(self, output_folder: str) -> Iterator[str]:
        for item in self._given or ():
            if isinstance(item, str | os.PathLike) and os.fspath(item) != STDIN:
                real = os.path.realpath(item)
                if real == output_folder or real.startswith(output_folder + os.sep):
                    yield real

    def _executor(self, sink: Any, many: bool) -> Executor:
        if self.scheduler is not None:
            from articlekit.batch.dask import DaskExecutor

            return DaskExecutor(self.scheduler, self.settings, self.jobs)
        if self.jobs > 1 and many:
            spill = None
            if self.mode == "file":
                spill = os.path.dirname(os.path.abspath(self._output or ""))
            from articlekit.registry import get_writer

            get_writer(self.writer_name)  # imported once here, not in every forked worker
            return _Pool(replace(self.settings, spill_folder=spill), self.jobs)
        return _Here(self.settings, sink)

    def _check_concatenable(self, sources: set[str]) -> None:
        from articlekit.registry import get_writer

        if getattr(get_writer(self.writer_name), "concatenable", False):
            return
        if len(sources) == 1:
            raise UsageError(
                f"the input holds several articles, and a {self.writer_name} file holds one; "
                "give an output folder (-o DIR/), or use --to jsonl",
                path=next(iter(sources)),
            )
        raise UsageError(
            "several inputs need an output format that holds several articles "
            "(--to jsonl) or an output folder (-o DIR/)"
        )

    def _submit(self, executor: Executor, slot: _Slot, queue: deque[_Slot]) -> None:
        if not slot.slots:
            return
        if slot.tasks:
            slot.handle = executor.submit(slot.tasks)
        queue.append(slot)

    def _complete(self, item: _Slot, sink: Any, pending: _Pending) -> Iterator[BatchResult]:
        chunk = _result(item.handle) if item.handle is not None else Chunk([])
        if chunk.spill is not None:
            try:
                with open(chunk.spill, "rb") as spill:
                    while block := spill.read(1 << 20):
                        sink.write(block)
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(chunk.spill)
        if chunk.data is not None:
            sink.write(chunk.data)
        for slot in item.slots:
            result = slot if isinstance(slot, BatchResult) else chunk.results[slot]
            if isinstance(result.error, UsageError):
                raise result.error
            if result.record is not None and self._manifest is not None and isinstance(slot, int):
                pending.entries.append((item.tasks[slot].key, self.fingerprint, result.record))
            self.summary.add(result)
            yield result
            if self.fail_fast and result.status == "failed":
                self._stopping = True
        self._record(pending)

    def _record(self, pending: _Pending, *, force: bool = False) -> None:
        """Add finished inputs to the manifest, after syncing their outputs to disk."""
        if self._manifest is None or not pending.entries:
            return
        if (
            not force
            and len(pending.entries) < 1000
            and time.monotonic() - pending.since < RECORD_EVERY
        ):
            return
        assert self.settings.folder is not None
        _io.sync_file_system(self.settings.folder)
        self._manifest.add(pending.entries)
        pending.entries = []
        pending.since = time.monotonic()

    def _finish(self, sink: Any, inputs_digest: _InputsDigest | None) -> None:
        if isinstance(sink, _io.AtomicFile):
            if self.summary.articles:
                sink.commit()
                if self._units > 1 and inputs_digest is not None:
                    complete = not self.summary.failed and not self.summary.interrupted
                    write_sidecar(
                        self._output or "", self.fingerprint, inputs_digest.value(), complete
                    )
            else:
                sink.discard()
        elif isinstance(sink, _Stdout):
            sink.flush()

    def _cleanup(self) -> None:
        if self.settings.temporary_folder is not None:
            _io.remove_stray_temporaries(self.settings.temporary_folder)
        if self.mode == "file":
            _io.remove_stray_temporaries(os.path.dirname(os.path.abspath(self._output or "")))
        if self._manifest is not None:
            self._manifest.close()
            self._manifest = None

    # inputs into tasks

    def _entries(self, inputs_digest: _InputsDigest | None = None) -> Iterator[Task | BatchResult]:
        """Each input as a task to run, or as a result already known (rejected, up to date)."""
        for entry in expand(
            self._inputs,
            source_format=self.source_format,
            follow_links=self.follow_links,
            exclusions=self._exclusions,
        ):
            if isinstance(entry, Rejected):
                status: Status = "failed" if entry.error is not None else "skipped"
                if entry.about_folder and entry.error is None:
                    status = "noted"
                result = BatchResult(
                    entry.source,
                    status,
                    warnings=(entry.warning,) if entry.warning is not None else (),
                    error=entry.error,
                )
                if inputs_digest is not None:
                    inputs_digest.add(entry.source, result.status)
                yield result
                continue
            reader = self._splitter(entry)
            units = self._records(entry, reader) if reader is not None else iter((entry,))
            for unit in units:
                if isinstance(unit, BatchResult):
                    yield unit
                    continue
                self._units += 1
                if inputs_digest is not None:
                    inputs_digest.add_unit(unit)
                yield self._task(unit)

    def _splitter(self, entry: Input) -> Any:
        """The reader that splits an archive into records (JSON Lines), when ``entry`` is one."""
        from articlekit import detect, registry

        if entry.path is None or entry.path == STDIN or entry.data is not None:
            return None
        if self.source_format is not None:
            name = self.source_format
        else:
            names = detect._by_extension(entry.path, "reader")
            if len(names) != 1 or names[0] != "jsonl":
                return None
            name = names[0]
        reader = registry.get_reader(name)
        return reader if hasattr(reader, "records") and hasattr(reader, "read_record") else None

    def _records(self, entry: Input, reader: Any) -> Iterator[Input | BatchResult]:
        from articlekit.registry import Context

        assert entry.path is not None
        limit = self.max_bytes or _io.DEFAULT_MAX_BYTES
        context = Context(path=entry.source, options=dict(self.options), max_bytes=limit)
        number = 0
        try:
            with _io.open_input(entry.path) as stream:
                source: Any = stream
                if self.max_bytes is not None:
                    source = _io.LimitedStream(stream, self.max_bytes, entry.source)
                for line, data in reader.records(source, context):
                    number += 1
                    yield replace(entry, data=data, line=line, index=number)
        except ArticlekitError as error:
            yield BatchResult(entry.source, "failed", error=error.located(entry.source))
            return
        if not number:
            empty = InputError("holds no article", path=entry.source)
            yield BatchResult(entry.source, "failed", error=empty)

    def _task(self, unit: Input) -> Task | BatchResult:
        folder, stem = self._plan(unit) if self.mode == "folder" else ("", "")
        key = _key(unit)
        owned: frozenset[str] = frozenset()
        if self._manifest is not None and key and not self.force:
            found = self._manifest.lookup(key)
            if found is not None:
                print_, record = found
                intact = self._intact(record)
                if (
                    self.resume
                    and print_ == self.fingerprint
                    and len(intact) == len(record.outputs)
                    and _same_input(unit, record)
                ):
                    shown = tuple(
                        os.path.join(self._output or "", path) for path, _, _ in record.outputs
                    )
                    return BatchResult(unit.source, "up-to-date", shown, line=unit.line)
                owned = frozenset(intact)
        return Task(unit, folder, stem, owned, key)

    def _intact(self, record: Record) -> list[str]:
        """The outputs of a record still as written (nobody changed or removed them)."""
        assert self.settings.folder is not None
        intact = []
        for path, size, mtime in record.outputs:
            try:
                status = os.stat(os.path.join(self.settings.folder, path))
            except OSError:
                continue
            if status.st_size == size and status.st_mtime_ns == mtime:
                intact.append(path)
        return intact

    def _plan(self, unit: Input) -> tuple[str, str]:
        """The output sub-folder and file stem of an input: its path below its folder, and its
        name without extension, unless an earlier input of the run took that name (``story.txt``
        and ``story.xml`` give ``story.json`` and ``story.xml.json``)."""
        if unit.line is not None and self._archive is not None and self._archive[0] == unit.source:
            return self._archive[1]
        folder, _, name = unit.relative.rpartition("/")
        base = os.path.splitext(name)[0]
        candidates = itertools.chain(
            (base or name, name), (f"{name}-{number}" for number in itertools.count(2))
        )
        for stem in candidates:
            claim = hash((folder, stem))
            if claim not in self._claims:
                self._claims.add(claim)
                break
        plan = (folder, stem)
        if unit.line is not None:
            self._archive = (unit.source, plan)
        return plan

    # an output file that is already up to date

    def _up_to_date_file(self) -> bool:
        sidecar = self._sidecar
        if not self.resume or self._given is None or sidecar is None or not sidecar.get("complete"):
            return False
        if sidecar.get("fingerprint") != self.fingerprint:
            return False
        try:
            status = os.stat(self._output or "")
        except OSError:
            return False
        if not sidecar_vouches(sidecar, status):
            return False
        inputs_digest = _InputsDigest()
        failed = any(
            isinstance(entry, BatchResult) and entry.status == "failed"
            for entry in self._entries(inputs_digest)
        )
        self._units = 0
        return not failed and inputs_digest.value() == sidecar.get("inputs")

    def _unchanged_file(self) -> Iterator[BatchResult]:
        for entry in self._entries():
            if isinstance(entry, Task):
                unit = entry.unit
                result = BatchResult(
                    unit.source, "up-to-date", (self._output or "",), line=unit.line
                )
            else:
                result = entry
            self.summary.add(result)
            yield result


def _ready(item: _Slot) -> bool:
    return item.handle is None or item.handle.done()


def _key(unit: Input) -> str:
    """The input's key in the manifest ("" when it has none: standard input)."""
    if unit.data is not None and unit.path is None:
        return f"<bytes>:{unit.source}"
    if unit.path is None or unit.path == STDIN:
        return ""
    key = os.path.abspath(unit.path)
    return f"{key}#{unit.index}" if unit.line is not None else key


def _same_input(unit: Input, record: Record) -> bool:
    if unit.data is not None:
        return digest(unit.data) == record.digest
    if unit.size is None or unit.size != record.size:
        return False
    if unit.mtime_ns == record.mtime_ns:
        return True
    return record.digest is not None and file_digest(unit.path or "") == record.digest


class _InputsDigest:
    """One hash of every input of a run and its signature (the sidecar of an output file)."""

    def __init__(self) -> None:
        import hashlib

        self._hash = hashlib.blake2b(digest_size=16)

    def add(self, *parts: object) -> None:
        self._hash.update(repr(parts).encode("utf-8", "surrogatepass"))

    def add_unit(self, unit: Input) -> None:
        if unit.data is not None:
            self.add(unit.source, unit.line, digest(unit.data))
        else:
            self.add(unit.source, _key(unit), unit.size, unit.mtime_ns)

    def value(self) -> str:
        return self._hash.hexdigest()


class _Stdout:
    """Standard output, written as results come."""

    def __init__(self) -> None:
        self._buffer = sys.stdout.buffer

    def write(self, data: bytes) -> None:
        self._buffer.write(data)

    def flush(self) -> None:
        self._buffer.flush()


def _count_lines(path: str) -> int:
    lines = 0
    with contextlib.suppress(OSError), open(path, "rb") as stream:
        while block := stream.read(1 << 20):
            lines += block.count(b"\n")
    return max(lines, 1)


def check_options(options: Mapping[str, str]) -> None:
    """Refuse ``-O`` keys no format declares (a typo would otherwise be ignored)."""
    if not options:
        return
    from articlekit.registry import known_options

    known = known_options()  # None: a third-party format takes options it does not list
    unknown = sorted(set(options) - known) if known is not None else []
    if known is not None and unknown:
        raise UsageError(f"unknown option {unknown[0]!r} (known: {', '.join(sorted(known))})")


def convert_batch(
    inputs: BatchInput | Iterable[BatchInput],
    output: str | os.PathLike[str] | None = None,
    **settings: Any,
) -> Batch:
    """Convert many inputs; see :class:`Batch` (iterate the result to run it)."""
    return Batch(inputs, output, **settings)
