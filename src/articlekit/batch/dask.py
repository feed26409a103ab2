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

import os
from collections.abc import Iterable
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


class DaskExecutor:
    """Hands chunks of a :class:`Batch` to a Dask cluster (see the module)."""

    def __init__(self, scheduler: Any, settings: Settings, jobs: int) -> None:
        import logging

        distributed = _distributed()
        self.settings = settings
        self._cluster = None
        self._owned = True
        if isinstance(scheduler, str) and scheduler == "local":
            self._cluster = distributed.LocalCluster(
                n_workers=jobs,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
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
        self._futures: list[Any] = []

    def submit(self, tasks: list[Task]) -> _Submitted:
        future = self.client.submit(run_chunk, self.settings, tasks, pure=False)
        self._futures = [item for item in self._futures if not item.done()]
        self._futures.append(future)
        return _Submitted(future)

    def close(self, cancel: bool) -> None:
        """End the run on the cluster, the chunks handed to it finished (``cancel`` or not: see
        :meth:`_Submitted.cancel`), so that the engine counts and records them."""
        if self._futures:
            _distributed().wait(self._futures)
        self._futures = []
        if self._owned:
            self.client.close()
            if self._cluster is not None:
                self._cluster.close()


class _Submitted:
    """A chunk on the cluster, as the engine's handles are."""

    def __init__(self, future: Any) -> None:
        self.future = future

    def done(self) -> bool:
        return bool(self.future.done())

    def result(self) -> Chunk:
        chunk: Chunk = self.future.result()
        return chunk

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
