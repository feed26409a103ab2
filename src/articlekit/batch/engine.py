"""The batch engine: the parent's side of a run, in one process, worker processes, or on Dask.

The parent finds the inputs (lazily, :mod:`.inputs`), plans where each one's outputs go, skips
those an earlier run left up to date (:mod:`.manifest`), and hands the rest out in chunks to an
executor (:mod:`.executors`), whose workers read and write their own files (:mod:`.worker`).
Results come back in input order, with a bounded number of chunks in flight, so memory stays
flat; the parent records finished inputs in the manifest, appends a single output file's shares
in order, and counts the run.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import itertools
import os
import re
import stat
import sys
import time
import weakref
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from articlekit import _io
from articlekit._parallel import interrupts_held, worker_count
from articlekit.batch.executors import CHUNK, Executor, Handle, Here, Pool
from articlekit.batch.inputs import (
    STDIN,
    BatchInput,
    Exclusions,
    Input,
    Rejected,
    claimed_extensions,
    expand,
    inside,
    is_glob,
)
from articlekit.batch.manifest import (
    STATE_FOLDER,
    TEMPORARY,
    Manifest,
    WarningSpool,
    configured,
    content_hash,
    digest,
    file_digest,
    fingerprint,
    kept_by_input,
    kept_warnings,
    read_sidecar,
    replayed_warnings,
    sidecar_path,
    sidecar_vouches,
    write_sidecar,
)
from articlekit.batch.results import (
    BatchResult,
    Record,
    Status,
    Summary,
    Written,
    known_result,
    with_outputs,
)
from articlekit.batch.worker import (
    INTO_A_FOLDER,
    INTO_ONE_FILE,
    Chunk,
    Settings,
    Task,
    media_folder,
    output_refused,
    several_articles,
    warm_up,
)
from articlekit.diagnostics import Diagnostic
from articlekit.errors import (
    ArticlekitError,
    OutputError,
    UsageError,
    no_article,
    on_command_line,
    setting,
)

PARALLEL_FROM = 2 * CHUNK
"""Fewer inputs than this are converted in this process: starting workers would cost more."""
VOUCH_EVERY = 30.0
"""Seconds between syncs of the output folder's file system, after which the manifest vouches
for what was recorded (see :mod:`.manifest`)."""
CLAIMED_FOLDERS = 256
"""Output folders whose taken names are remembered: inputs come folder by folder, so memory
stays flat; inputs of other input folders that mirror to the same names are refused by the
files themselves (created only if absent)."""
CONFIGURED_FOLDERS = 256
"""Input folders whose fingerprint (with their ``[tool.articlekit]`` settings) is remembered."""
RECORD_BATCH = 512
"""Finished inputs written to the manifest in one transaction."""
TRIM_EVERY = 256
"""Converted inputs after which the parent gives freed memory back to the system (see
:func:`articlekit._io.return_free_memory`; what is up to date allocates next to nothing, and a
rerun that trimmed every 256 results spent a sixteenth of its time there)."""
RECORD_EVERY = 0.5
"""Seconds at most between writes to the manifest (a killed run redoes little more than this)."""
REPLAYED_INPUTS = 20_000
"""A rerun into an output file that is up to date keeps the results of the inputs its check
lists, up to this many (a few megabytes: no record's bytes), and gives them instead of listing
the folders again (as long as the first listing); beyond, it lists them again, so that memory
stays flat."""


def _is_folder(output: str) -> bool:
    return output.endswith(("/", os.sep)) or os.path.isdir(output)


@dataclass(frozen=True)
class _ArchiveEnd:
    """Where the records of an archive end: the archive fails when all its records were skipped
    (it holds no article), which is known only once their results are in."""

    source: str
    records: int
    """How many records it held (0: its result was given already)."""
    key: str = ""
    """The archive's key in the manifest (its records' keys are ``key#N``)."""


def archive_failure(end: _ArchiveEnd, skipped: int) -> BatchResult | None:
    """The failure of an archive none of whose records held an article (bad input, not an empty
    success): all its records were among the ``skipped`` ones since the previous archive ended."""
    if not end.records or skipped < end.records:
        return None
    return BatchResult(end.source, "failed", error=no_article(skipped).located(end.source))


@dataclass
class _Slot:
    """A chunk in flight: its results so far (ready ones, places for the chunk's, and the ends of
    archives)."""

    slots: list[BatchResult | int | _ArchiveEnd]
    tasks: list[Task]
    handle: Handle | None
    given: int = 0
    """Its slots whose results were given (counted, recorded) so far."""


@dataclass
class _Pending:
    """Inputs finished since the manifest was last written to, and since it last vouched."""

    entries: list[tuple[str, str, Record]] = field(default_factory=list)
    unvouched: int = 0
    since: float = field(default_factory=time.monotonic)
    """When the manifest last vouched."""
    added: float = field(default_factory=time.monotonic)
    """When the manifest was last written to."""


class Batch:
    """A batch conversion: iterate it to run it, one :class:`BatchResult` per input, in order.

    ``inputs``: paths (files, folders, glob patterns, ``-`` for standard input) or
    ``(name, bytes)`` pairs, or one path. ``output``: a folder (an existing one, or a name ending
    in ``/``) mirroring the inputs' folders, one file (JSON Lines, or any format for one input),
    ``-`` for standard output, or ``None`` to get the articles in the results.

    Usage errors (an unknown format, an output that is an input) raise
    :class:`~articlekit.errors.UsageError` here or on the first step; everything about one input
    is that input's result. :attr:`summary` counts the run as it goes. ``extract_media`` names a
    folder (the output's or one inside it) where embedded pictures are written as files, which
    the outputs then name by relative path (into an output folder, at the same place below each
    sub-folder, for the outputs there: see ``worker.media_folder``).
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
        extract_media: str | os.PathLike[str] | None = None,
    ) -> None:
        from articlekit import detect, registry

        if isinstance(inputs, str | os.PathLike) or (
            isinstance(inputs, tuple) and len(inputs) == 2 and isinstance(inputs[1], bytes)
        ):
            inputs = [inputs]
        self._inputs: Iterable[BatchInput] = inputs
        self._output = os.fspath(output) if output is not None else None
        if self._output == "":
            raise UsageError(
                f"{setting('-o', 'output')} takes a file, a folder (DIR/) or - for stdout, not an "
                "empty name"
            )
        if jobs is not None and not (isinstance(jobs, int) and jobs >= 1):
            raise UsageError(f"{setting('--jobs', 'jobs')} takes a number of processes, 1 or more")
        _io.check_max_bytes(max_bytes)
        if source_format is not None:
            registry.get_reader(source_format)
        self.options = dict(options or {})
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
        extension = next(iter(registry.writer_extensions(self.writer_name)), ".out")
        # (articles alone are written by no writer of the run's)
        check_options(
            self.options, self.writer_name if self.mode != "articles" else None, source_format
        )
        self.source_format = source_format
        self.jobs = worker_count(jobs)
        """Worker processes at most: ``jobs``, but no more than the CPUs available (see
        :func:`worker_count`), nor than the chunks of the run once they are known."""
        self.resume = resume and not force
        self.force = force
        self.fail_fast = fail_fast
        self.max_bytes = max_bytes
        self.follow_links = follow_links
        self.scheduler = scheduler
        self._configured: dict[str, str] = {}
        """The fingerprints of inputs in the most recent folders (see :meth:`_print_of`)."""
        self._given = list(self._inputs) if isinstance(self._inputs, list | tuple) else None
        if sum(1 for item in self._given or () if isinstance(item, str) and item == STDIN) > 1:
            raise UsageError("standard input can be read only once")
        if any(not isinstance(item, tuple) and not os.fspath(item) for item in self._given or ()):
            raise UsageError("an input is named by an empty string")
        if self.mode == "file":
            self._check_not_an_input(
                output_name or "", "output is an input file; refusing to overwrite it"
            )
        media = None
        if extract_media is not None:
            media = self._check_media_folder(os.fspath(extract_media))
        self.fingerprint = fingerprint(
            source_format, self.writer_name, self.options, max_bytes, media
        )
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
            extract_media=os.path.abspath(extract_media) if extract_media is not None else None,
            command_line=on_command_line(),
        )
        self.summary = Summary()
        self.after_stop: list[BatchResult] = []
        """The results of the work in flight that finished after Ctrl-C or ``close()`` stopped
        the batch, which it could no longer give (counted in the summary and recorded)."""
        self._claims: dict[str, set[int]] = {}
        """Output names taken in the most recent folders (a folder's inputs come together)."""
        self._claims_folder: str | None = None
        self._manifest: Manifest | None = None
        self._unrecorded = False
        """Whether the folder's record could not be kept (a full disk): no more is added."""
        self._exclusions = Exclusions()
        self._archive: tuple[str, tuple[str, str]] | None = None
        self._sidecar: dict[str, Any] | None = None
        self._splitters: dict[str, Any] = {}
        self._folder_below = ""
        """:attr:`Settings.folder` with a separator: an output's path below it follows."""
        self._shown_below = os.path.join(self._output or "", "")
        """The output folder as named, with a separator: an output's path below it follows."""
        self._units = 0
        self._listed: tuple[list[Input | BatchResult], int] | None = None
        """The inputs the up-to-date check of an output file listed, and how many units, to be
        given without listing them again (see :data:`REPLAYED_INPUTS`)."""
        self._failed_again: dict[tuple[str, int | None], BatchResult] = {}
        """Into an output file found up to date: the inputs that failed when it was made, as
        they failed again (see :meth:`_up_to_date_file`), by source and line."""
        self._failed_for_good = False
        """Into an output file: a failure a rerun cannot tell again by trying one input alone
        (an archive with no article, an input that failed after giving some): a rerun makes
        the file again."""
        self._results = 0
        """Inputs converted since memory was last given back to the system."""
        self._skipped_records = 0
        """Records skipped since the last archive ended (see :class:`_ArchiveEnd`)."""
        self._stopping = False
        self._pending = _Pending()
        """Inputs to record in the manifest (see :meth:`_record`)."""
        self._kept_warnings: WarningSpool | None = None
        """Into an output file: the warnings of its inputs, for its record (a rerun that finds
        it up to date replays them), and the inputs that failed."""
        self._media: dict[str, Written] = {}
        """Into an output file: the files ``--extract-media`` wrote for it, for its record (held
        in memory: one entry a picture, however many articles show it)."""
        self._iterator: Generator[BatchResult, None, None] = self._run()

    def _given_paths(self) -> Iterator[str]:
        """The inputs given by name (files, folders, patterns, ``-``), not as bytes."""
        for item in self._given or ():
            if not isinstance(item, tuple):
                yield os.fspath(item)

    def _check_not_an_input(self, path: str, message: str) -> None:
        """Refuse ``path`` as a file to write, with ``message``, when it is a file input (or the
        file standard input is redirected from)."""
        for name in self._given_paths():
            if name == STDIN:
                if _io.is_standard_input(path):
                    raise UsageError(message, path=path)
            elif not os.path.isdir(name) and _io.same_file(name, path):
                raise UsageError(message, path=path)

    def _check_media_folder(self, folder: str) -> str:
        """Refuse, before anything is read, a media folder (``extract_media``) the outputs could
        not name: with no output file or folder, outside the output's folder, or for a format
        that holds its pictures itself (DOCX). Its path relative to the output's folder, which
        the outputs name the pictures by."""
        from articlekit import registry
        from articlekit.media import OUTSIDE_THE_OUTPUT

        if self.mode in ("stdout", "articles"):
            raise UsageError(
                f"{setting('--extract-media', 'extract_media')} needs an output file or folder "
                f"({setting('-o', 'output')}), whose files can name the media files"
            )
        if getattr(registry.get_writer(self.writer_name), "embeds_media", False):
            raise UsageError(
                f"{setting('--extract-media', 'extract_media')}: {self.writer_name} output holds "
                "its pictures itself, "
                "it cannot name files in a media folder"
            )
        output = self._output or ""
        where = os.path.realpath(
            output if self.mode == "folder" else os.path.dirname(output) or "."
        )
        real = os.path.realpath(folder)
        if not inside(real, where):
            raise UsageError(OUTSIDE_THE_OUTPUT, path=folder)
        return os.path.relpath(real, where)

    def _check_report_not_read(self, path: str) -> None:
        """Refuse a report file that an input pattern matches (or, not there yet, would match on
        a rerun) or that lies inside an input folder: a later run would read it as an input.
        (An output file may: its run skips it as an input, and its rerun replaces it.)"""
        real = os.path.realpath(path)
        read = "the report would land in an input folder, to be read as an input"
        for name in self._given_paths():
            if os.path.isdir(name):
                if inside(real, os.path.realpath(name)):
                    raise UsageError(read, path=path)
            elif is_glob(name):
                import fnmatch
                import glob

                if not os.path.lexists(path):
                    # (a pattern's "*" taken to match "/" too errs on the side of refusing)
                    if fnmatch.fnmatchcase(os.path.abspath(path), os.path.abspath(name)):
                        raise UsageError(read, path=path)
                elif any(_io.same_file(match, path) for match in glob.iglob(name, recursive=True)):
                    raise UsageError("the report would replace an input", path=path)

    def check_report(self, path: str) -> None:
        """Refuse, before anything is converted, a report file (``--report``) that is ``-`` when
        the converted output goes to standard output, a folder, the run's output (or its
        record, or the file standard output is redirected to), inside the output folder (where
        it would be taken for an output), an input, or inside an input folder (a later run would
        read it as an input)."""
        if path == STDIN:
            if self.mode == "stdout":
                raise UsageError("--report - needs -o: standard output carries the articles")
            return
        if _is_folder(path):
            raise UsageError("the report is a folder; --report takes a file name", path=path)
        output = self._output or ""
        if (
            self.mode == "file"
            and any(_io.same_file(path, mine) for mine in (output, sidecar_path(output)))
        ) or (self.mode == "stdout" and _io.is_standard_output(path)):
            raise UsageError("the report would replace the run's output", path=path)
        if self.mode == "folder" and inside(os.path.realpath(path), os.path.realpath(output)):
            raise UsageError("the report would land in the run's output folder", path=path)
        self._check_not_an_input(path, "the report would replace an input")
        self._check_report_not_read(path)

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
        for entry in self._expanded(self._given):
            if isinstance(entry, Input) and self._splitter(entry) is not None:
                total += _count_lines(entry.path or "")
            else:
                total += 1
        return total

    def plan(self) -> Iterator[Task | BatchResult | _ArchiveEnd]:
        """The batch's inputs as tasks to run (see :func:`run_chunk`) or as results known
        without converting (rejected, up to date), and where each archive's records end (to
        judge it by: :func:`archive_failure`), without running them (for :mod:`.dask`)."""
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
        cancel = True
        pending = self._pending
        queue: deque[_Slot] = deque()
        current = _Slot([], [], None)
        remaining: Iterator[Task | BatchResult | _ArchiveEnd] = iter(())
        # (a batch left unfinished, a notebook's ``next(iter(batch))``, stops at the
        # interpreter's exit, while it can still import and record: not when its generator is
        # collected in the teardown, with a traceback and its finished work unrecorded)
        close = _closing_at_exit(self)
        try:
            sink = self._prepare()
            if self.mode == "file" and self._up_to_date_file():
                yield from self._unchanged_file()
                return
            inputs_digest = _InputsDigest() if self.mode == "file" else None
            entries = self._entries(inputs_digest)
            # (enough to know whether the run has a chunk for every worker)
            ahead = max(PARALLEL_FROM, self.jobs * CHUNK)
            head = list(itertools.islice(entries, ahead))
            tasks = sum(1 for entry in head if isinstance(entry, Task))
            if len(head) < ahead:  # (every input is known: a worker for each chunk, at most)
                self.jobs = worker_count(self.jobs, -(-tasks // CHUNK))
            if self.mode in ("file", "stdout") and tasks > 1:
                self._check_concatenable(
                    {entry.unit.source for entry in head if isinstance(entry, Task)}
                )
            first = next((entry for entry in head if isinstance(entry, Task)), None)
            executor = self._executor(sink, tasks >= PARALLEL_FROM, first)
            remaining = itertools.chain(head, entries)
            for entry in remaining:
                if isinstance(entry, Task):
                    current.slots.append(len(current.tasks))
                    current.tasks.append(entry)
                else:
                    current.slots.append(entry)
                if len(current.tasks) >= executor.chunk or len(current.slots) >= 4 * CHUNK:
                    self._submit(executor, current, queue)
                    current = _Slot([], [], None)
                while queue and (len(queue) > executor.window or _ready(queue[0])):
                    yield from self._complete(queue[0], sink, pending)
                    queue.popleft()  # (after: a chunk whose output failed is not converted)
                if self._stopping:
                    break
            if not self._stopping:
                self._submit(executor, current, queue)
                current = _Slot([], [], None)
            cancelled = []
            while queue:
                item = queue[0]
                if not self._stopping or item.handle is None or not item.handle.cancel():
                    yield from self._complete(item, sink, pending)
                else:
                    cancelled.append(item)
                queue.popleft()
            if self._stopping:  # (a full output, --fail-fast: what it never tried, listed)
                unfinished, current = [*cancelled, current], _Slot([], [], None)
                for result in _not_converted(unfinished, remaining):
                    if result.status == "not-converted" and self.summary.stopped is None:
                        # (--fail-fast stopped the run only when it left an input undone)
                        failed_fast = setting("--fail-fast", "fail_fast")
                        self.summary.stopped = f"{failed_fast}: the first failure"
                    self.summary.add(result)
                    yield result
            cancel = False
            self._finish(sink, inputs_digest)
        except OutputError as error:
            if not isinstance(sink, _io.AtomicFile) or error.path != sink.path:
                raise
            # (the one output file failed, as it was written or put in place: the results that
            # said "converted" into it are lost, and the run stops: what it did not convert, it
            # says, input by input)
            self.summary.stopped = output_refused(error)
            for result in _not_converted([*queue, current], remaining):
                self.summary.add(result)
                yield result
            unwritten = BatchResult(self._output or "", "unwritten", error=error)
            self.summary.add(unwritten)
            yield unwritten
        except (KeyboardInterrupt, GeneratorExit):
            self.summary.interrupted = True
            raise
        finally:
            atexit.unregister(close)
            with interrupts_held() as held:  # (a second Ctrl-C: the run stops all the same)
                self._stop(executor, cancel, queue, sink, pending, started)
            if held and not self.summary.interrupted:  # (Ctrl-C as the run ended: said now)
                import signal

                self.summary.interrupted = True
                signal.raise_signal(held[0])

    def _stop(
        self,
        executor: Executor | None,
        cancel: bool,
        queue: deque[_Slot],
        sink: Any,
        pending: _Pending,
        started: float,
    ) -> None:
        """End the run: the workers (with ``cancel``, the chunks not started are dropped), the
        output file's temporary, the record, the temporary files."""
        if executor is not None:
            taking = self.summary.interrupted and self._manifest is not None
            try:
                executor.close(cancel)
            finally:  # (what the workers finished on their way out)
                if taking:
                    self._take_finished(queue, sink, pending)
        if isinstance(sink, _io.AtomicFile):
            self.summary.unwritten = self.summary.interrupted and sink.outcome is None
            sink.discard()  # (after a commit: nothing; an up-to-date output: its temporary)
        self.summary.seconds = time.perf_counter() - started  # (if recording fails)
        self._record(pending, force=True)
        self._cleanup()
        self.summary.seconds = time.perf_counter() - started

    def _take_finished(self, queue: deque[_Slot], sink: Any, pending: _Pending) -> None:
        """After Ctrl-C, count, record and keep in :attr:`after_stop` the chunks in flight that
        the workers finished (work in flight finishes: its files are in the output folder): a
        rerun finds them up to date, and an input changed since is converted again rather than
        refused as a stranger's file in the way. In order, up to the first chunk that did not
        finish (a pool's are the tail: those not started), as results come (an archive's end
        is judged by the records before it)."""
        while queue and queue[0].handle is not None and queue[0].handle.done():
            item = queue.popleft()
            try:
                self.after_stop.extend(self._complete(item, sink, pending))
            except Exception:  # (cancelled before it started, or its worker died)
                return

    def _prepare(self) -> Any:
        """Make the output ready: the folder and its manifest, or the output file."""
        output = self._output or ""
        if self.settings.extract_media is not None:  # (what a killed run left there)
            _io.remove_stray_temporaries(self.settings.extract_media)
        if self.mode == "folder":
            folder = os.path.abspath(output)
            state = os.path.join(folder, STATE_FOLDER)
            try:
                os.makedirs(os.path.join(state, TEMPORARY), exist_ok=True)
            except OSError as error:
                # (where making it failed: a file standing in the way, the named folder when it
                # cannot be written in, else the folder it goes into)
                if error.errno in (errno.ENOTDIR, errno.EEXIST):
                    where = os.path.join(state, TEMPORARY)
                else:
                    where = folder if os.path.lexists(folder) else os.path.dirname(folder)
                reason = _io.cannot_create(error, where)
                what = "write in" if os.path.isdir(folder) else "make"
                message = f"cannot {what} the output folder: {reason}"
                raise OutputError(message, path=output) from None
            real = os.path.realpath(folder)
            _io.remove_stray_temporaries(os.path.join(state, TEMPORARY))
            self._manifest = Manifest(folder)
            self._folder_below = os.path.join(folder, "")
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
                edited=sidecar is not None,  # (not vouched for: changed since it was written)
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

    def _executor(self, sink: Any, many: bool, first: Task | None) -> Executor:
        if self.scheduler is not None:
            from articlekit.batch.dask import DaskExecutor

            return DaskExecutor(self.scheduler, self.settings, self.jobs)
        if self.jobs > 1 and many:
            spill = None
            if self.mode == "file":
                spill = os.path.dirname(os.path.abspath(self._output or ""))
            # (once here, not in every forked worker: forking first, each worker warming up
            # alone, is a wash on two cores; what the parent no longer does before the fork,
            # each worker does after it. 2,000 stories into a folder, callgrind, whole tree: the
            # parent's instructions before the fork 931M -> 331M, the workers' 6,144M -> 7,341M,
            # the serial part plus half the rest 4,317M -> 4,318M)
            warm_up(self.settings, first)
            return Pool(replace(self.settings, spill_folder=spill), self.jobs)
        return Here(self.settings, sink)

    def _check_concatenable(self, sources: set[str]) -> None:
        from articlekit.registry import get_writer

        if getattr(get_writer(self.writer_name), "concatenable", False):
            return
        if len(sources) == 1:
            raise several_articles(self.writer_name, next(iter(sources)))
        raise UsageError(
            "several inputs need an output format that holds several articles "
            f"({setting(*INTO_ONE_FILE)}) or an output folder ({setting(*INTO_A_FOLDER)})"
        )

    def _submit(self, executor: Executor, slot: _Slot, queue: deque[_Slot]) -> None:
        if not slot.slots:
            return
        if slot.tasks:
            slot.handle = executor.submit(slot.tasks)
        queue.append(slot)

    def _complete(self, item: _Slot, sink: Any, pending: _Pending) -> Iterator[BatchResult]:
        chunk = item.handle.result() if item.handle is not None else Chunk([])
        if not item.given:  # (a chunk taken up again after Ctrl-C has its lines written)
            self._write_lines(chunk, sink)
        for slot in item.slots[item.given :]:
            if isinstance(slot, _ArchiveEnd):
                yield from self._withdrawn_records(slot, pending)
                empty = self._archive_ended(slot)
                if empty is None:
                    item.given += 1
                    continue
                result = empty
            else:
                result = slot if isinstance(slot, BatchResult) else chunk.results[slot]
                self._skipped_records += result.line is not None and result.status == "skipped"
                if self.mode == "file" and result.status == "converted":
                    result = with_outputs(result, (self._output or "",))  # (its share is in it)
            if isinstance(result.error, UsageError):
                raise result.error
            if self.mode == "file" and result.record is not None and result.record.media:
                self._media.update((picture[0], picture) for picture in result.record.media)
            if result.record is not None and self._manifest is not None and isinstance(slot, int):
                task, made = item.tasks[slot], result.record
                if task.earlier:
                    result = self._withdraw(task, result, made, pending)
                kept = kept_warnings(result.warnings, result.source, self._shown_below)
                record = made._replace(warnings=kept)
                pending.entries.append((task.key, self._print_of(task.unit), record))
            elif self.mode == "file" and result.status == "failed":
                self._keep_failure(result, slot)
            elif self.mode == "file" and result.warnings and result.status in _KEPT_STATUSES:
                kept = kept_warnings(result.warnings, result.source, self._output or "")
                if self._kept_warnings is None:
                    self._kept_warnings = WarningSpool()
                self._kept_warnings.add(result.source, result.line, kept, result.status)
            self.summary.add(result)
            item.given += 1  # (counted: a chunk taken up again after Ctrl-C goes on after it)
            yield result
            if self.summary.interrupted:  # (taken up after Ctrl-C: it stopped the run)
                continue
            if self.fail_fast and result.status == "failed" and not self._stopping:
                self._stopping = True  # (what it did not convert is listed, and said: see _run)
            stopped = self._refused(result.error) if result.status == "failed" else None
            if stopped is not None:
                # (every output after it would fail the same way, each input read for nothing)
                self._stopping = True
                self.summary.stopped = stopped
        self._record(pending)
        self._results += len(item.tasks)
        if self._results >= TRIM_EVERY:
            self._results = 0
            _io.return_free_memory()

    def _refused(self, error: Exception | None) -> str | None:
        """Why the output takes no more files, when ``error`` says so (see
        :func:`output_refused`), or says permission denied while the output folder's temporary
        folder, which every output goes through, can no longer be written in (a folder made
        unwritable mid-run failed every input after, 997 of them)."""
        refused = output_refused(error)
        temporary = self.settings.temporary_folder
        if (
            refused is None
            and isinstance(error, OutputError)
            and error.errno in (errno.EACCES, errno.EPERM)
            and temporary is not None
            and not os.access(temporary, os.W_OK)
        ):
            return "permission denied in the output folder"
        return refused

    def _keep_failure(self, result: BatchResult, slot: object) -> None:
        """Into an output file: an input converted that failed having given no article is kept
        in the file's record (a rerun tries it alone again, see :meth:`_up_to_date_file`); a
        failure in listing the inputs is found again by listing them; any other makes the
        file's record call for making it again."""
        if isinstance(slot, int) and not result.count:
            if self._kept_warnings is None:
                self._kept_warnings = WarningSpool()
            self._kept_warnings.add(result.source, result.line, None, "failed")
        elif not isinstance(slot, BatchResult):
            self._failed_for_good = True

    @staticmethod
    def _write_lines(chunk: Chunk, sink: Any) -> None:
        """What a chunk converted into the one output file, spilled to disk or in memory."""
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

    def _withdraw(
        self, task: Task, result: BatchResult, made: Record, pending: _Pending
    ) -> BatchResult:
        """Remove the outputs an earlier conversion of a reconverted input made that this one
        (``made``) no longer makes (an article the input no longer holds, an output named
        otherwise now): the input's outputs are replaced as a whole, as a fresh run makes them."""
        assert self._manifest is not None
        paths = {output[0] for output in made.outputs}
        earlier = [output for output in task.earlier if output[0] not in paths]
        removed = self._remove(task.key, earlier, pending)
        if not removed:
            return result
        self._manifest.forget(task.key, removed, record=False)
        below = self._shown_below
        return replace(result, removed=tuple(f"{below}{path}" for path in removed))

    def _withdrawn_records(self, end: _ArchiveEnd, pending: _Pending) -> Iterator[BatchResult]:
        """For each record an earlier run converted that the archive no longer holds (it now
        holds ``end.records``), remove its outputs and its record."""
        if self._manifest is None or not end.records or self._stopping:
            return
        for key, record in self._manifest.withdrawn(end.key, end.records):
            removed = self._remove(key, record.outputs, pending)
            self._manifest.forget(key, [output[0] for output in record.outputs], record=True)
            below = self._shown_below
            result = BatchResult(
                end.source, "withdrawn", removed=tuple(f"{below}{path}" for path in removed)
            )
            self.summary.add(result)
            yield result

    def _remove(self, key: str, outputs: Iterable[Written], pending: _Pending) -> list[str]:
        """Remove the files of an output folder (relative paths) that the input ``key`` wrote
        and that are still as it wrote them (see :meth:`_as_written`): never a file another
        input wrote since (in this run too), nor one someone changed, replaced by a link, or
        reaches through a linked folder. The paths removed."""
        assert self._manifest is not None
        written = {output[0] for _, _, record in pending.entries for output in record.outputs}
        removed = []
        for path, size, mtime_ns, *_ in outputs:
            full = f"{self._folder_below}{path}"
            if (
                path not in written
                and self._manifest.owner(path) == key
                and self._as_written(full, size, mtime_ns)
                and inside(os.path.realpath(os.path.dirname(full)), self._real_folder)
            ):
                with contextlib.suppress(OSError):
                    os.unlink(full)
                    removed.append(path)
        return removed

    @staticmethod
    def _as_written(full: str, size: int, mtime_ns: int) -> bool:
        """Whether a file is still the regular file a run wrote there (same size and time)."""
        try:
            status = os.lstat(full)
        except (OSError, ValueError):  # (ValueError: a damaged record's path holds a NUL)
            return False
        return (
            stat.S_ISREG(status.st_mode)
            and status.st_size == size
            and status.st_mtime_ns == mtime_ns
        )

    @cached_property
    def _real_folder(self) -> str:
        return os.path.realpath(self._folder_below)

    def _record(self, pending: _Pending, *, force: bool = False) -> None:
        """Add finished inputs to the manifest; now and then (and at the end) sync their outputs
        to disk and vouch for them."""
        if self._manifest is None or self._unrecorded:
            return
        try:
            self._add_records(pending, force)
        except OutputError as error:
            refused = output_refused(error)
            if refused is None and self.summary.stopped is None:
                raise
            # (the disk the outputs filled holds no record either: the run stops as it would
            # have, and its results are given; a rerun finds the outputs it did write unchanged)
            self.summary.stopped = self.summary.stopped or refused
            self._stopping = self._unrecorded = True

    def _add_records(self, pending: _Pending, force: bool) -> None:
        assert self._manifest is not None
        now = time.monotonic()
        due = force or now - pending.since >= VOUCH_EVERY
        full = len(pending.entries) >= RECORD_BATCH or now - pending.added >= RECORD_EVERY
        if pending.entries and (due or full):
            self._manifest.add(pending.entries)
            pending.unvouched += len(pending.entries)
            pending.entries = []
            pending.added = now
        if pending.unvouched and due:
            assert self.settings.folder is not None
            _io.sync_file_system(self.settings.folder)
            self._manifest.vouch()
            pending.since = time.monotonic()
            pending.unvouched = 0

    def _archive_ended(self, end: _ArchiveEnd) -> BatchResult | None:
        """The failure of an archive none of whose records held an article, once its records'
        results are in (see :func:`archive_failure`)."""
        skipped, self._skipped_records = self._skipped_records, 0
        return archive_failure(end, skipped)

    def _finish(self, sink: Any, inputs_digest: _InputsDigest | None) -> None:
        if isinstance(sink, _io.AtomicFile):
            if self.summary.articles:  # (no article: no file; the run's end discards the sink)
                sink.commit()
                # (a file in place, not a device such as /dev/null: recorded as articlekit's own,
                # for one input as for many, so a changed input replaces it on the next run)
                if sink.status is not None and inputs_digest is not None:
                    summary = self.summary
                    ended = not summary.interrupted and summary.stopped is None
                    write_sidecar(
                        self._output or "",
                        self.fingerprint,
                        inputs_digest.value(),
                        ended and not summary.failed,
                        self._kept_warnings,
                        self._media.values(),
                        ended and bool(summary.failed) and not self._failed_for_good,
                    )
        elif isinstance(sink, _Stdout):
            sink.flush()

    def _cleanup(self) -> None:
        if self._kept_warnings is not None:
            self._kept_warnings.close()
        if self.settings.temporary_folder is not None:
            _io.remove_stray_temporaries(self.settings.temporary_folder)
            with contextlib.suppress(OSError):  # (when empty: another run's files keep it)
                os.rmdir(self.settings.temporary_folder)
        if self.settings.extract_media is not None:
            _io.remove_stray_temporaries(self.settings.extract_media)
        if self.mode == "file":
            _io.remove_stray_temporaries(os.path.dirname(os.path.abspath(self._output or "")))
        if self._manifest is not None:
            self._manifest.close()
            self._manifest = None

    # inputs into tasks

    def _entries(
        self, inputs_digest: _InputsDigest | None = None
    ) -> Iterator[Task | BatchResult | _ArchiveEnd]:
        """Each input as a task to run, or as a result already known (rejected, up to date), and
        the ends of archives."""
        for unit in self._units_of_inputs(inputs_digest):
            yield self._task(unit) if isinstance(unit, Input) else unit

    def _record_set_aside(self, aside: str) -> BatchResult:
        """The note that the output folder's record of earlier runs was damaged, and set aside."""
        folder = os.path.join(self.settings.folder_display or "", "")
        moved = os.path.join(folder, STATE_FOLDER, os.path.basename(aside))
        message = (
            f"the record of earlier runs into this folder was damaged: moved to {moved}, and a "
            "new one started (inputs are converted again; an output already there is known by "
            "its bytes)"
        )
        return BatchResult(
            folder, "noted", warnings=(Diagnostic("manifest-damaged", message, folder),)
        )

    def _units_of_inputs(
        self, inputs_digest: _InputsDigest | None = None
    ) -> Iterator[Input | BatchResult | _ArchiveEnd]:
        """Each input (each record of an archive, then the archive's end), or its result when it
        is rejected."""
        if self._manifest is not None and self._manifest.set_aside is not None:
            yield self._record_set_aside(self._manifest.set_aside)
        for entry in self._expanded(self._inputs):
            if isinstance(entry, Rejected):
                status: Status = "failed" if entry.error is not None else "skipped"
                if entry.about_folder and entry.error is None:
                    status = "noted"
                result = BatchResult(
                    entry.source,
                    status,
                    warnings=(entry.warning,) if entry.warning is not None else (),
                    error=entry.error,
                    files_skipped=entry.files_skipped,
                )
                # (what a folder's note says was left out, such as the run's own output file,
                # changes no output: a rerun into a file inside its input folder is up to date)
                if inputs_digest is not None and status != "noted":
                    inputs_digest.add(entry.source, result.status)
                yield result
                continue
            readable = self._readable(entry)
            if isinstance(readable, BatchResult):
                yield readable
                continue
            reader = self._splitter(readable)
            units = self._records(readable, reader) if reader is not None else (readable,)
            for unit in units:
                if not isinstance(unit, Input):  # (a result, or an archive's end)
                    if inputs_digest is not None and isinstance(unit, BatchResult):
                        inputs_digest.add(unit.source, unit.status)  # (an archive that fails)
                    yield unit
                    continue
                self._units += 1
                if inputs_digest is not None:
                    inputs_digest.add_unit(unit, self._print_of(unit))
                yield unit

    def _readable(self, entry: Input) -> Input | BatchResult:
        """The input as a worker can read it: standard input read here, whole (up to the byte
        limit), when inputs may go to worker processes (theirs is empty), unless it is an
        archive whose records are split here as they come (``--from jsonl``: any size)."""
        if entry.path != STDIN or not self._parallel or self._splitter(entry) is not None:
            return entry
        limit = self.max_bytes or _io.DEFAULT_MAX_BYTES
        try:
            data = _io.read_limited(sys.stdin.buffer, entry.source, limit)
        except ArticlekitError as error:
            return BatchResult(entry.source, "failed", error=error.located(entry.source))
        return replace(entry, path=None, data=data)

    def _expanded(self, inputs: Iterable[BatchInput]) -> Iterator[Input | Rejected]:
        """The inputs' entries (see :func:`.inputs.expand`), each file once: a file named twice,
        or found both in a folder and by a pattern, is converted once, where it first comes.
        (Only when the names given overlap are the files seen remembered: memory stays flat;
        else the entries come as they are, through no generator of this method.)"""
        entries = expand(
            inputs,
            source_format=self.source_format,
            follow_links=self.follow_links,
            exclusions=self._exclusions,
        )
        if self._given is None or not _overlapping(self._given_paths()):
            return entries
        return _each_file_once(entries)

    def _splitter(self, entry: Input) -> Any:
        """The reader that splits an archive into records (JSON Lines), when ``entry`` is one;
        decided once per extension (archive formats have one-part extensions). Standard input
        is split only when its format is given and its records go to worker processes (one
        process reads an archive on standard input as it comes, whatever its size). The first
        file is decided by its extension alone: the endings, which spare later files that step,
        are known only once no third-party reader is found, a look at every installed
        distribution's entry points that a run of one file does without (a millisecond or more
        of a one-shot conversion)."""
        if entry.path == STDIN and entry.data is None:
            if not self._parallel or not self.source_format:
                return None
            return _splitter_for(self.source_format, STDIN)
        if entry.path is None or entry.data is not None:
            return None
        if self._splitters:  # (a file was decided before)
            endings = self._archive_endings
            if endings is not None and not entry.path.lower().endswith(endings):
                return None
        suffix = os.path.splitext(entry.path)[1].lower()
        if suffix not in self._splitters:
            self._splitters[suffix] = _splitter_for(self.source_format, entry.path)
        return self._splitters[suffix]

    @cached_property
    def _archive_endings(self) -> tuple[str, ...] | None:
        return _archive_endings(self.source_format)

    @property
    def _parallel(self) -> bool:
        """Whether inputs may go to other processes (worker processes or a Dask cluster)."""
        return self.jobs > 1 or self.scheduler is not None

    def _records(self, entry: Input, reader: Any) -> Iterator[Input | BatchResult | _ArchiveEnd]:
        from articlekit.registry import Context

        assert entry.path is not None
        limit = self.max_bytes or _io.DEFAULT_MAX_BYTES
        context = Context(path=entry.source, options=dict(self.options), max_bytes=limit)
        number = 0
        stdin = entry.path == STDIN
        try:
            with (
                contextlib.nullcontext(sys.stdin.buffer)
                if stdin
                else _io.open_input(entry.path) as stream
            ):
                source: Any = stream
                if self.max_bytes is not None:
                    source = _io.LimitedStream(stream, self.max_bytes, entry.source)
                for line, data in reader.records(source, context):
                    number += 1
                    yield replace(entry, data=data, line=line, index=number)
        except ArticlekitError as error:
            yield BatchResult(entry.source, "failed", error=error.located(entry.source))
            yield _ArchiveEnd(entry.source, 0)  # (the records before it are not judged again)
            return
        if not number:
            yield BatchResult(entry.source, "failed", error=no_article().located(entry.source))
            return
        yield _ArchiveEnd(entry.source, number, "" if stdin else _absolute(entry.path))

    def _task(self, unit: Input) -> Task | BatchResult:
        if self.mode != "folder":  # no manifest: nothing to plan or look up
            return Task(unit)
        key = _key(unit)
        found = self._manifest.lookup(key) if self._manifest is not None and key else None
        if found is None:
            folder, stem = self._plan(unit, key)
            return Task(unit, folder, stem, key=key)
        print_, record = found
        outputs = record.outputs
        folder, stem = self._plan(unit, None, recorded=outputs[:1])
        intact = self._intact(outputs)
        now = outputs
        if len(intact) < len(outputs) and not self.force:
            now, intact = self._intact_by_content(outputs, intact)
        current = self.resume and print_ == self._print_of(unit) and len(intact) == len(outputs)
        media = self._media_intact(record.media) if current and record.media else record.media
        if current and media is not None and _same_input(unit, record):
            if now is not outputs or media is not record.media:  # (known by content: times now)
                self._refresh(key, print_, unit, record._replace(outputs=now, media=media))
            below = self._shown_below
            shown = tuple([f"{below}{output[0]}" for output in outputs])
            warnings = replayed_warnings(record.warnings, unit.source, below)
            return known_result(unit.source, "up-to-date", shown, warnings, unit.line)
        earlier = tuple(output for output in now if output[0] in intact)
        edited = frozenset(output[0] for output in outputs) - set(intact)
        return Task(unit, folder, stem, frozenset(intact), key, earlier, edited)

    def _media_intact(
        self, media: tuple[Written, ...], below: str = ""
    ) -> tuple[Written, ...] | None:
        """The media files of a record as they are now (see :meth:`_intact_by_content`), or
        ``None`` when one is not as written (removed, changed): the input is converted again,
        which writes it again."""
        intact = self._intact(media, below)
        if len(intact) < len(media):
            media, intact = self._intact_by_content(media, intact, below)
        return media if len(intact) == len(media) else None

    def _refresh(self, key: str, print_: str, unit: Input, record: Record) -> None:
        """Record an input found up to date by content with its outputs' times (and a file's
        own) as they are now: the next rerun knows them by their times again, reading nothing."""
        if unit.data is None and unit.mtime_ns is not None:
            record = record._replace(size=unit.size, mtime_ns=unit.mtime_ns)
        self._pending.entries.append((key, print_, record))

    def _print_of(self, unit: Input) -> str:
        """The fingerprint of an input's conversion: the run's, with the ``[tool.articlekit]``
        settings that apply to the input (found from its folder, as its reader finds them;
        looked up once a folder: inputs come folder by folder, and their results a little later)."""
        source = unit.source
        if source.startswith("<") or source == STDIN:
            return self.fingerprint  # (no file: its reader finds no configuration)
        # (remembered by the source up to its last separator, all os.path.dirname reads: no call
        # into posixpath for every input, a twentieth of a rerun; where "/" and "\\" both
        # separate, by the folder itself)
        head = os.path.dirname(source) if os.altsep else source[: source.rfind(os.sep) + 1]
        print_ = self._configured.get(head)
        if print_ is not None:
            return print_
        from articlekit.config import find_config

        try:
            settings = find_config(os.path.dirname(source) or os.curdir).settings
        except UsageError:  # (unreadable: a reader that needs it says so, and fails)
            settings = {}
        print_ = self._configured[head] = configured(self.fingerprint, settings)
        if len(self._configured) > CONFIGURED_FOLDERS:
            del self._configured[next(iter(self._configured))]
        return print_

    def _intact(self, outputs: Iterable[Written], below: str = "") -> list[str]:
        """The outputs of a record still as written (nobody changed or removed them), by their
        size and time; their paths are below ``below`` (with its separator; by default the
        output folder)."""
        below = below or self._folder_below
        assert below, "only in an output folder, or for the media files beside an output file"
        return [
            output[0]
            for output in outputs
            if self._as_written(f"{below}{output[0]}", output[1], output[2])
        ]

    def _intact_by_content(
        self, outputs: tuple[Written, ...], intact: list[str], below: str = ""
    ) -> tuple[tuple[Written, ...], list[str]]:
        """The outputs as they are now, and those intact: the ``intact`` ones (by size and time),
        and those whose time alone changed and whose bytes hash as written (a folder copied
        without its times: ``cp -r``, rsync without ``-t``, a restored backup), with their time
        now. Only those are read (a record without hashes has none to compare)."""
        below = below or self._folder_below
        found = set(intact)
        now: list[Written] = []
        for output in outputs:
            now.append(output)
            if output[0] in found or len(output) < 4:
                continue
            path, size, _, hashed = output
            full = f"{below}{path}"
            with contextlib.suppress(OSError, ValueError):
                status = os.lstat(full)
                if (
                    stat.S_ISREG(status.st_mode)
                    and status.st_size == size
                    and file_digest(full) == hashed
                ):
                    now[-1] = (path, size, status.st_mtime_ns, hashed)
                    intact.append(path)
        return tuple(now), intact

    def _plan(
        self, unit: Input, new: str | None, recorded: tuple[Written, ...] = ()
    ) -> tuple[str, str]:
        """The output sub-folder and file stem of an input: its path below its folder, and the
        name its earlier conversion gave its first output (``recorded``), or else its name
        without extension; unless an earlier input of the run took that name (``story.txt`` and
        ``story.xml`` give ``story.json`` and ``story.xml.json``), or, for an input new to the
        output folder (``new``: its key), an earlier run wrote that name for another input."""
        if unit.line is not None and self._archive is not None and self._archive[0] == unit.source:
            return self._archive[1]
        folder, _, name = unit.relative.rpartition("/")
        claims = self._claims_in(folder)
        stem = ""
        if recorded:
            earlier_folder, _, earlier_name = recorded[0][0].rpartition("/")
            extension = self.settings.extension
            if earlier_folder == folder and earlier_name.endswith(extension):
                stem = earlier_name[: len(earlier_name) - len(extension)]
        stem = stem or self._stem(name)
        if self._taken(claims, folder, stem, new):
            others = itertools.chain((name,), (f"{name}-{number}" for number in itertools.count(2)))
            stem = next(other for other in others if not self._taken(claims, folder, other, new))
        claims.add(hash(stem))
        plan = (folder, stem)
        if unit.line is not None:
            self._archive = (unit.source, plan)
        return plan

    def _stem(self, name: str) -> str:
        """An input's name without the format extension a reader claims, whole when it has two
        parts (``story.ninjs.json`` gives ``story.json``, not ``story.ninjs.json`` holding
        canonical JSON), else without its last extension."""
        if name.count(".") > 1:
            lowered = name.lower()
            for extension in self._compound_extensions:
                if lowered.endswith(extension) and len(name) > len(extension):
                    return name[: len(name) - len(extension)]
        return _stem(name)

    @cached_property
    def _compound_extensions(self) -> tuple[str, ...]:
        """The extensions of two parts (``.ninjs.json``, ``.nitf.xml``) that the readers claim
        (with ``--from``, that reader's own), looked up at the first name that may end in one."""
        claimed = claimed_extensions(self.source_format, every_file=False) or ()
        return tuple(extension for extension in claimed if extension.count(".") > 1)

    def _taken(self, claims: set[int], folder: str, stem: str, new: str | None) -> bool:
        """Whether an output stem is taken: by an input of this run, or (for an input with no
        record yet, of key ``new``) by an output an earlier run wrote for another input."""
        if hash(stem) in claims:
            return True
        if new is None or self._manifest is None:
            return False
        name = f"{stem}{self.settings.extension}"
        owner = self._manifest.owner(f"{folder}/{name}" if folder else name)
        return owner is not None and owner != new

    def _claims_in(self, folder: str) -> set[int]:
        """The names taken in an output sub-folder, which becomes the most recent one. At its
        first input, its media folder is cleared of what a killed run left there (a rerun whose
        outputs there are up to date writes no picture there, which a worker clears it for)."""
        if folder == self._claims_folder:
            return self._claims[folder]
        claims = self._claims.pop(folder, None)
        if claims is None:
            claims = set()
            if self.settings.extract_media is not None:
                media = media_folder(self.settings, f"{self._folder_below}{folder}")
                _io.remove_stray_temporaries(media)
        self._claims[folder] = claims  # the most recent folder last
        if len(self._claims) > CLAIMED_FOLDERS:
            del self._claims[next(iter(self._claims))]
        self._claims_folder = folder
        return claims

    # an output file that is already up to date

    def _up_to_date_file(self) -> bool:
        """Whether the output file is up to date: never when standard input is an input (it can
        be read only once: its bytes are converted again, and the same bytes leave the file as
        it was). The inputs that failed when it was made, having given no article, are tried
        again, as an output folder tries its failed inputs on every run: the file is up to date
        if they fail again (it holds what a fresh run would put in it), and each reports its
        failure as it is now (a stale one is never replayed: a failure may have causes no
        record sees, such as permissions, a link's target or a module installed since)."""
        sidecar = self._sidecar
        if not self.resume or self._given is None or sidecar is None:
            return False
        if not sidecar.get("complete") and not sidecar.get("complete_but_for_failed"):
            return False
        if STDIN in self._given_paths():
            return False
        if sidecar.get("fingerprint") != self.fingerprint:
            return False
        try:
            status = os.stat(self._output or "")
        except OSError:
            return False
        if not sidecar_vouches(sidecar, status):
            return False
        if "media" in sidecar:  # (the pictures --extract-media wrote: each still as written)
            below = os.path.join(os.path.dirname(os.path.abspath(self._output or "")), "")
            try:
                media = tuple(
                    (str(path), int(size), int(mtime), str(hashed))
                    for path, size, mtime, hashed in sidecar["media"]
                )
            except (TypeError, ValueError):
                return False
            if self._media_intact(media, below) is None:
                return False
        inputs_digest = _InputsDigest()
        listed: list[Input | BatchResult] | None = []
        failed_before: list[Input] = []
        some_failed = bool(sidecar.get("complete_but_for_failed"))
        for entry in self._units_of_inputs(inputs_digest):
            if isinstance(entry, _ArchiveEnd):
                continue
            if (
                some_failed
                and isinstance(entry, Input)
                and self._replayed_status(entry) == "failed"
            ):
                failed_before.append(entry)
            if listed is not None:
                listed.append(entry)
                if len(listed) > REPLAYED_INPUTS:
                    listed = None
        units, self._units = self._units, 0
        if inputs_digest.value() != sidecar.get("inputs"):
            return False
        for unit in failed_before:
            again = self._tried_again(unit)
            if again.status != "failed" or again.count:
                return False
            self._failed_again[unit.source, unit.line] = again
        self._listed = None if listed is None else (listed, units)
        return True

    def _tried_again(self, unit: Input) -> BatchResult:
        """An input of the output file converted again, its articles written nowhere."""
        from articlekit.batch.worker import convert_one
        from articlekit.registry import get_writer

        return convert_one(self.settings, Task(unit), get_writer(self.writer_name), _Discarded())

    def _unchanged_file(self) -> Iterator[BatchResult]:
        entries: Iterable[Input | BatchResult | _ArchiveEnd]
        if self._listed is None:
            entries = self._units_of_inputs()
        else:
            entries, self._units = self._listed
            self._listed = None
        for entry in entries:
            if not isinstance(entry, _ArchiveEnd):
                result = self._unchanged(entry)
                self.summary.add(result)
                yield result

    def _unchanged(self, entry: Input | BatchResult) -> BatchResult:
        """The result of an input of an output file that is up to date, with the warnings its
        conversion gave (one that failed: as it failed again)."""
        if isinstance(entry, BatchResult):
            return entry
        output = self._output or ""
        kept, status = self._replayed.get((entry.source, entry.line), (None, "converted"))
        if status == "failed":  # (tried again, see _up_to_date_file; or now, listed again)
            key = (entry.source, entry.line)
            return self._failed_again.pop(key, None) or self._tried_again(entry)
        warnings = replayed_warnings(kept, entry.source, output)
        if status == "skipped":  # (a record the first run skipped, with its reason)
            return known_result(entry.source, "skipped", (), warnings, entry.line)
        return known_result(entry.source, "up-to-date", (output,), warnings, entry.line)

    def _replayed_status(self, unit: Input) -> str:
        """What became of an input of the output file when it was made (see :attr:`_replayed`)."""
        return self._replayed.get((unit.source, unit.line), (None, "converted"))[1]

    @cached_property
    def _replayed(self) -> dict[tuple[str, int | None], tuple[str | None, str]]:
        """The warnings the output file's record keeps, and what became of the input (converted
        or skipped), by input (and line of an archive)."""
        kept = (self._sidecar or {}).get("warnings")
        if not isinstance(kept, list):
            return {}
        return kept_by_input(kept)


_KEPT_STATUSES = frozenset({"converted", "skipped"})
"""Results into an output file whose warnings its record keeps (for a rerun to replay)."""

ARCHIVE_FORMATS = frozenset({"jsonl"})
"""Built-in formats whose reader splits a file into records; the other built-in readers are not
imported to ask (a rerun that has nothing to do imports no reader)."""


def _archive_endings(source_format: str | None) -> tuple[str, ...] | None:
    """The endings a file name needs for :func:`_splitter_for` to find it an archive reader,
    when that is known without asking file by file: no format given and no third-party reader
    installed (then only a built-in archive format's extension can name one); ``None`` when it
    is not known."""
    from articlekit import registry

    if source_format or registry.plugin_formats("reader"):
        return None
    builtins = registry.builtin_formats("reader")
    return tuple(
        extension.lower()
        for name in ARCHIVE_FORMATS
        if name in builtins
        for extension in builtins[name].extensions
    )


def _splitter_for(source_format: str | None, path: str) -> Any:
    from articlekit import detect, registry

    names = [source_format] if source_format else detect.formats_by_extension(path, "reader")
    if len(names) != 1:
        return None
    if names[0] in registry.builtin_formats("reader") and names[0] not in ARCHIVE_FORMATS:
        return None
    reader = registry.get_reader(names[0])
    return reader if hasattr(reader, "records") and hasattr(reader, "read_record") else None


def _stem(name: str) -> str:
    """``os.path.splitext(name)[0] or name`` for a file name (no folder): the name without its
    extension, unless only dots come before its last dot (``.profile``); without a call into
    ``genericpath``, a sixth of a rerun's planning."""
    dot = name.rfind(".")
    return name[:dot] if dot > 0 and name[:dot].strip(".") else name


def _not_converted(
    unfinished: Iterable[_Slot], entries: Iterable[Task | BatchResult | _ArchiveEnd]
) -> Iterator[BatchResult]:
    """The results of a run stopped by its output's failure that it has not given: each input of
    the chunks it did not finish and of those it did not reach (listed, not read) is
    ``not-converted``; a result known without converting (a rejected input) is given as it is."""
    for item in unfinished:
        for place in item.slots:
            if isinstance(place, int):
                unit = item.tasks[place].unit
                yield BatchResult(unit.source, "not-converted", line=unit.line)
            elif isinstance(place, BatchResult):
                yield place
    for entry in entries:
        if isinstance(entry, Task):
            yield BatchResult(entry.unit.source, "not-converted", line=entry.unit.line)
        elif isinstance(entry, BatchResult):
            yield entry


def _ready(item: _Slot) -> bool:
    return item.handle is None or item.handle.done()


def _key(unit: Input) -> str:
    """The input's key in the manifest ("" when it has none: standard input read as it comes).
    Standard input read whole (for worker processes) is known by its bytes: it has no name, and
    another run's other bytes on it are another input, never a new version of this one (whose
    outputs a new version replaces, and whose records it no longer holds it removes)."""
    if unit.data is not None and unit.path is None:
        if unit.source == STDIN:
            return f"<stdin>:{digest(unit.data)}"
        return f"<bytes>:{unit.source}"
    if unit.path is None or unit.path == STDIN:
        return ""
    key = _absolute(unit.path)
    return f"{key}#{unit.index}" if unit.line is not None else key


_ABSOLUTE: dict[str, str] = {}
"""Folders as given, and their absolute paths ending in a separator."""


def _absolute(path: str) -> str:
    """``os.path.abspath(path)``, its folder's part remembered (inputs come folder by folder)."""
    folder, separator, name = path.rpartition(os.sep)
    if not separator or name in ("", ".", ".."):
        return os.path.abspath(path)
    absolute = _ABSOLUTE.get(folder)
    if absolute is None:
        if len(_ABSOLUTE) >= 256:
            _ABSOLUTE.clear()
        absolute = _ABSOLUTE[folder] = os.path.abspath(folder).rstrip(os.sep) + os.sep
    return absolute + name


def _each_file_once(entries: Iterable[Input | Rejected]) -> Iterator[Input | Rejected]:
    """The entries without a file that came before (by its absolute path)."""
    seen: set[str] = set()
    for entry in entries:
        if isinstance(entry, Input) and entry.path is not None and entry.path != STDIN:
            key = _absolute(entry.path)
            if key in seen:
                continue
            seen.add(key)
        yield entry


def _overlapping(names: Iterable[str]) -> bool:
    """Whether two of the names given as inputs can give the same file: the same name, or one
    inside the other's folder (a pattern stands for the folder before its first wildcard)."""
    roots = []
    for name in names:
        if name == STDIN:
            continue
        root = name
        if is_glob(name):
            fixed = re.split(r"[*?[]", name, maxsplit=1)[0]
            folder, separator, _ = fixed.rpartition(os.sep)
            root = (folder or os.sep) if separator else os.curdir
        roots.append(os.path.abspath(root))
    roots.sort(key=lambda root: root.split(os.sep))  # (a folder just before what it holds)
    return any(inside(later, earlier) for earlier, later in itertools.pairwise(roots))


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
        self._hash = content_hash()
        self._print: tuple[str | None, str] = (None, "")
        """The fingerprint added last, as added (inputs of a folder share one)."""

    def add(self, *parts: object) -> None:
        self._hash.update(repr(parts).encode("utf-8", "surrogatepass"))

    def add_unit(self, unit: Input, print_: str) -> None:
        """An input and the fingerprint of its conversion."""
        if print_ != self._print[0]:  # (as add(print_) adds it)
            self._print = (print_, repr((print_,)))
        if unit.data is not None:
            self.add(unit.source, unit.line, digest(unit.data))
            self._hash.update(self._print[1].encode("utf-8", "surrogatepass"))
        else:  # a file: NUL, which no path holds, keeps the parts apart (one update: the same hash)
            key, print_added = _key(unit), self._print[1]
            signature = f"\0{unit.source}\0{key}\0{unit.size}\0{unit.mtime_ns}{print_added}"
            self._hash.update(signature.encode("utf-8", "surrogatepass"))

    def value(self) -> str:
        return self._hash.hexdigest()


class _Discarded:
    """A sink that keeps nothing (an input of an up-to-date output file tried again)."""

    def write(self, data: bytes) -> None:
        pass


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


def check_options(
    options: Mapping[str, str],
    writer: str | None,
    reader: str | None,
    *,
    reading_only: bool = False,
) -> None:
    """Refuse ``-O`` keys no format declares (a typo would otherwise be ignored; see
    :func:`~articlekit.registry.check_unknown_options` for third-party formats that may read
    any key) and keys only formats the run does not use take, whatever else the run uses (with
    ``--from`` naming such a format, a misspelt or misplaced built-in key went unchecked). A run
    that only reads (``validate``) refuses writers' keys too."""
    if not options:
        return
    from articlekit import registry

    registry.check_unknown_options(options, reader, writer)
    registry.check_common_values(options)  # a misspelt zone is a usage error before reading
    if writer is not None or reading_only:
        registry.check_options_apply(options, writer, reader)


def _closing_at_exit(batch: Batch) -> Callable[[], None]:
    """Close ``batch`` at the interpreter's exit (registered, and returned to unregister); held
    weakly, so that a batch dropped unfinished is collected as before."""
    reference = weakref.ref(batch)

    def close() -> None:
        import inspect

        alive = reference()
        # (a batch another thread is running at the exit, a daemon's, is left to that thread)
        if alive is not None and inspect.getgeneratorstate(alive._iterator) != "GEN_RUNNING":
            alive.close()

    atexit.register(close)
    return close


def convert_batch(
    inputs: BatchInput | Iterable[BatchInput],
    output: str | os.PathLike[str] | None = None,
    **settings: Any,
) -> Batch:
    """Convert many inputs; see :class:`Batch` (iterate the result to run it)."""
    return Batch(inputs, output, **settings)
