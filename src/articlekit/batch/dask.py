"""Beyond one machine: batches on a Dask cluster (the optional ``articlekit[dask]`` extra).

Two ways in:

* ``Batch(inputs, output, scheduler=...)`` (and ``articlekit convert --scheduler ADDRESS``) runs a
  whole conversion on a cluster with everything a local run does: resuming, the manifest, ordered
  results, the summary. ``scheduler`` is a ``distributed.Client``, a scheduler address
  (``tcp://host:8786``), or ``"local"`` for a :class:`distributed.LocalCluster` of ``jobs`` worker
  processes on this machine.
* :func:`to_bag` gives the conversion as a ``dask.bag.Bag`` of
  :class:`~articlekit.batch.BatchResult` to compose with other Dask work (no resuming: nothing
  records what was done).

The workers run :func:`articlekit.batch.worker.run_chunk`, the same function local worker
processes run, on chunks of inputs planned by the client; outputs are byte-identical to a run in
one process. Workers read the inputs and write an output folder themselves, so on a cluster of
several machines both must be on a file system every worker sees, by the same absolute path. A
task whose worker dies is run again by Dask on another worker: outputs are created only if absent
(an identical file from the dead worker's attempt counts as done), and the dead worker's
temporary files are removed at the end of the run, so every input is converted once and nothing
partial is left.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from articlekit.batch.engine import Batch, archive_failure
from articlekit.batch.executors import CHUNK
from articlekit.batch.inputs import BatchInput
from articlekit.batch.results import BatchResult
from articlekit.batch.worker import Chunk, Settings, Task, run_chunk
from articlekit.errors import UsageError

if TYPE_CHECKING:
    import dask.bag


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise UsageError(
            "running on Dask needs the dask extra: pip install 'articlekit[dask]'"
        ) from None
    return distributed


def dask_setup(worker: Any) -> None:
    """Each worker of a local cluster (a Dask preload: :class:`DaskExecutor` names this module)
    leaves Ctrl-C to the command, which stops the run and then the cluster, as ``-j``'s workers
    do: a terminal sends Ctrl-C to every process of the command, and each worker printed two
    tracebacks of sixty lines. (A signal mask or an ignored signal does not reach them: the
    Nanny starts them afresh.)"""
    import signal

    with contextlib.suppress(ValueError):  # (not the process's main thread: signals go there)
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _silently(start: Callable[[], None]) -> None:
    """Run ``start`` with standard error on the null device, for a process it starts: the
    resource tracker of multiprocessing, which said that a killed run leaked its cluster's
    semaphores (it removes them all the same)."""
    import sys

    sys.stderr.flush()
    kept = os.dup(2)
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 2)
        start()
    finally:
        os.dup2(kept, 2)
        os.close(kept)
        os.close(null)


class _InterruptedSyncNoise(logging.Filter):
    """Drops the one error distributed's ``sync`` makes of Ctrl-C: when the interrupt comes
    before the awaited future exists, the ``cancel`` it schedules on the event loop raises
    ``NameError`` ("cannot access free variable 'future'") in the loop's thread, which tornado
    logs with a traceback; the run stops cleanly all the same and says so in its summary."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        return not (isinstance(error, NameError) and "'future'" in str(error))


_TORNADO_ERRORS = logging.getLogger("tornado.application")
"""Where tornado logs the errors of callbacks on its event loop."""


class DaskExecutor:
    """Hands chunks of a :class:`Batch` to a Dask cluster (see the module)."""

    def __init__(self, scheduler: Any, settings: Settings, jobs: int) -> None:
        distributed = _distributed()
        if not any(isinstance(kept, _InterruptedSyncNoise) for kept in _TORNADO_ERRORS.filters):
            _TORNADO_ERRORS.addFilter(_InterruptedSyncNoise())
        self.settings = settings
        self._cluster = None
        self._owned = True
        if isinstance(scheduler, str) and scheduler == "local":
            from multiprocessing import resource_tracker

            _silently(resource_tracker.ensure_running)
            self._cluster = distributed.LocalCluster(
                n_workers=jobs,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
                preload=[__name__],
            )
            self.client = distributed.Client(self._cluster)
        elif isinstance(scheduler, str):
            try:
                self.client = distributed.Client(scheduler, timeout=30)
            except (OSError, TimeoutError) as error:
                raise UsageError(f"cannot reach the Dask scheduler {scheduler}: {error}") from None
        else:
            self.client = scheduler
            self._owned = False
        threads = sum(self.client.nthreads().values()) or jobs
        self.window = 3 * threads
        self.chunk = CHUNK
        self._handed: list[_Submitted] = []
        """The chunks handed over whose results were not fetched yet."""

    def submit(self, tasks: list[Task]) -> _Submitted:
        future = self.client.submit(run_chunk, self.settings, tasks, pure=False)
        self._handed = [handle for handle in self._handed if not handle.fetched]
        self._handed.append(_Submitted(future))
        return self._handed[-1]

    def close(self, cancel: bool) -> None:
        """End the run on the cluster, the chunks handed to it finished (``cancel`` or not: see
        :meth:`_Submitted.cancel`) and their results fetched before the client closes (its
        futures give nothing after), so that the engine counts and records them."""
        handed, self._handed = [handle for handle in self._handed if not handle.fetched], []
        if handed:
            _distributed().wait([handle.future for handle in handed])
            for handle in handed:
                handle.fetch()
        if self._owned:
            self.client.close()
            if self._cluster is not None:
                self._cluster.close()


class _Submitted:
    """A chunk on the cluster, as the engine's handles are."""

    def __init__(self, future: Any) -> None:
        self.future = future
        self._outcome: Chunk | Exception | None = None

    @property
    def fetched(self) -> bool:
        return self._outcome is not None

    def done(self) -> bool:
        return self.fetched or bool(self.future.done())

    def fetch(self) -> None:
        """Fetch its result (or its error), kept: the engine may ask again (a chunk taken up
        after Ctrl-C), after the client closed."""
        if self._outcome is None:
            try:
                self._outcome = self.future.result()
            except Exception as error:
                self._outcome = error

    def result(self) -> Chunk:
        self.fetch()
        if isinstance(self._outcome, Exception):
            raise self._outcome
        assert self._outcome is not None
        return self._outcome

    def cancel(self) -> bool:
        """Never: a chunk handed to the cluster runs to its end, and is waited for and
        counted. Whether a worker has started it, the client cannot know, and cancelling a
        running chunk does not stop it: its outputs were written, but neither counted nor
        recorded (a stopped run left 704 outputs on disk and reported 640), and the next run
        took them for a stranger's files. At most three chunks a worker thread are handed
        over (the executor's window)."""
        return False


def _converted(settings: Settings, piece: list[Task] | BatchResult) -> list[BatchResult]:
    if isinstance(piece, BatchResult):
        return [piece]
    return run_chunk(settings, piece).results


def _skipped_records(results: list[BatchResult]) -> int:
    """How many of a piece's results are records of an archive skipped as unreadable."""
    return sum(result.line is not None and result.status == "skipped" for result in results)


def _archive_verdict(end: Any, skipped: list[int]) -> list[BatchResult]:
    """The failure of an archive whose records were all skipped, as the engine gives it; an
    archive with an article gives nothing more."""
    failure = archive_failure(end, sum(skipped))
    return [failure] if failure is not None else []


def to_bag(
    inputs: BatchInput | Iterable[BatchInput],
    output: str | os.PathLike[str] | None = None,
    **settings: Any,
) -> dask.bag.Bag:
    """A bag of :class:`BatchResult`, one per input in input order, converted where the bag is
    computed; an archive none of whose records held an article fails after them, as in a run.

    ``output`` is an output folder (one every worker sees) or ``None`` (the results hold the
    articles); the other arguments are those of :class:`Batch`, ``jobs`` and ``scheduler``
    excepted (computing the bag decides where it runs).
    """
    import dask.bag
    from dask.delayed import delayed

    batch = Batch(inputs, output, **settings)
    if batch.mode not in ("folder", "articles"):
        raise UsageError("a Dask bag writes to an output folder, or gives the articles")
    convert = delayed(_converted)
    count_skipped = delayed(_skipped_records)
    judge = delayed(_archive_verdict)
    parts: list[Any] = []  # each a delayed list of results, in input order
    records: list[Any] = []  # the parts holding records since the last archive ended
    chunk: list[Task] = []

    def add(piece: list[Task] | BatchResult, holds_records: bool) -> None:
        parts.append(convert(batch.settings, piece))  # (the settings of the prepared output)
        if holds_records:
            records.append(parts[-1])

    for entry in batch.plan():
        if isinstance(entry, Task):
            chunk.append(entry)
            if len(chunk) < CHUNK:
                continue
        if chunk:
            add(chunk, any(task.unit.line is not None for task in chunk))
            chunk = []
        if isinstance(entry, BatchResult):
            add(entry, entry.line is not None)
        elif not isinstance(entry, Task):  # where an archive's records end: judge it by them
            if entry.records:
                parts.append(judge(entry, [count_skipped(part) for part in records]))
            records = []
    if chunk:
        add(chunk, False)
    bag: dask.bag.Bag = dask.bag.from_delayed(parts)  # type: ignore[no-untyped-call]
    return bag
