"""Who converts the chunks of a batch: this process, worker processes on this machine (or a Dask
cluster, :mod:`.dask`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from articlekit._parallel import process_pool, worker_died
from articlekit.batch.results import BatchResult
from articlekit.batch.worker import Chunk, Settings, Sink, Task, convert_tasks, run_chunk

CHUNK = 32
"""Inputs a worker converts per task: enough to make hand-over costs small, few enough to keep
the workers evenly busy to the end."""


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
    """A chunk converted here, in this process (a :class:`Handle` that is ready at once)."""

    chunk: Chunk

    def done(self) -> bool:
        return True

    def result(self) -> Chunk:
        return self.chunk

    def cancel(self) -> bool:
        return False


class Here:
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
        results = convert_tasks(self.settings, tasks, self.writer, self.sink)
        return _Done(Chunk(results))

    def close(self, cancel: bool) -> None:
        pass


class Pool:
    """Worker processes on this machine (forked on Linux: they start with what is imported).

    A worker that dies (killed for its memory, say) breaks the pool: the chunks it lost are run
    again in a fresh pool, as a cluster runs a dead worker's task again (what the lost attempt
    wrote whole counts as done: an output with the same bytes is left as it is). A chunk lost
    a second time runs alone, in a pool of its own, so that the chunk whose worker dies is told
    from those lost beside it: only when its worker dies then too does the run fail, naming its
    files."""

    chunk = CHUNK

    def __init__(self, settings: Settings, jobs: int) -> None:
        self.settings = settings
        self.jobs = jobs
        self.window = jobs * 3
        self.pool = process_pool(jobs)
        self._handed: list[_Worked] = []
        """The chunks handed over whose results are not in, or were lost."""
        self._closed = False

    def submit(self, tasks: list[Task]) -> Handle:
        from concurrent.futures.process import BrokenProcessPool

        self._handed = [handle for handle in self._handed if not handle.converted()]
        handle = _Worked(self, tasks)
        try:
            handle.future = self.pool.submit(run_chunk, self.settings, tasks)
        except BrokenProcessPool:  # (a worker died since the last chunk)
            self._restart()
            handle.future = self.pool.submit(run_chunk, self.settings, tasks)
        handle.pool = self.pool
        self._handed.append(handle)
        return handle

    def close(self, cancel: bool) -> None:
        self._closed = True
        for handle in self._handed:
            if handle.alone:
                handle.pool.shutdown(wait=True, cancel_futures=cancel)
        self.pool.shutdown(wait=True, cancel_futures=cancel)

    def recover(self, lost: _Worked) -> None:
        """A chunk whose worker died: run again (see the class), or the run's error."""
        if lost.alone or self._closed:
            raise worker_died(_ended(lost.pool), [task.unit.source for task in lost.tasks])
        if lost.pool is self.pool:
            self._restart()
        else:  # (lost from a pool replaced before it was seen to be)
            lost.retry(_ended(lost.pool))

    def _restart(self) -> None:
        """A fresh pool for the broken one, which runs again the chunks the broken one lost."""
        from concurrent.futures import wait

        broken, self.pool = self.pool, process_pool(self.jobs)
        wait([handle.future for handle in self._handed if handle.pool is broken])
        death = _ended(broken)
        lost = [handle for handle in self._handed if handle.pool is broken and handle.lost()]
        for handle in lost:  # (the death said once, by the first)
            handle.retry(death if handle is lost[0] else None)


def _ended(pool: Any) -> str:
    """Shut a broken pool down, and say how its worker died: the signal that killed it (the
    pool ends the others with SIGTERM), or its exit status (known once the pool has waited for
    its workers: the one that died may not have been waited for when the pool was broken)."""
    import signal

    processes = list((pool._processes or {}).values())
    pool.shutdown(wait=True)
    codes = [process.exitcode for process in processes]
    codes = [code for code in codes if code]
    code = next((code for code in codes if code != -signal.SIGTERM), codes[0] if codes else None)
    if code is None:
        return "a worker process died"
    if code < 0:
        return f"a worker process was killed by {signal.Signals(-code).name}"
    return f"a worker process exited with status {code}"


class _Worked:
    """A chunk handed to a worker process; one whose worker died runs again (see
    :class:`Pool`), or is an error: never a hang."""

    def __init__(self, owner: Pool, tasks: list[Task]) -> None:
        self.owner = owner
        self.tasks = tasks
        self.future: Any = None
        self.pool: Any = None
        """The pool it was last handed to."""
        self.alone = False
        """Lost twice: run in a pool of its own."""
        self.retried = False
        self._death: str | None = None
        """How the worker that lost it died, said with its first result once it is converted."""

    def done(self) -> bool:
        return bool(self.future.done())

    def cancel(self) -> bool:
        return bool(self.future.cancel())

    def lost(self) -> bool:
        from concurrent.futures.process import BrokenProcessPool

        return self.future.done() and isinstance(self.future.exception(), BrokenProcessPool)

    def converted(self) -> bool:
        return bool(self.future.done()) and not self.lost()

    def retry(self, death: str | None) -> None:
        """Run the chunk again: in the owner's fresh pool, or alone when it was lost before;
        with ``death``, it says how the worker died."""
        if self.retried:
            self.alone = True
            self.pool = process_pool(1)
        else:
            self.pool = self.owner.pool
        self.retried = True
        self._death = death or self._death
        self.future = self.pool.submit(run_chunk, self.owner.settings, self.tasks)

    def result(self) -> Chunk:
        from concurrent.futures.process import BrokenProcessPool

        while True:
            try:
                chunk: Chunk = self.future.result()
                break
            except BrokenProcessPool:
                self.owner.recover(self)
        if self.alone:
            self.pool.shutdown(wait=True)
        if self._death is not None and chunk.results:
            chunk.results[0] = _said(chunk.results[0], self._death)
            self._death = None
        return chunk


def _said(result: BatchResult, death: str) -> BatchResult:
    """``result`` with a warning that its chunk was converted again after its worker died."""
    from dataclasses import replace

    from articlekit.diagnostics import Diagnostic

    warning = Diagnostic(
        "worker-died",
        f"{death}; the inputs in flight, from this one on, were converted again by fresh worker "
        "processes",
        result.source,
    )
    return replace(result, warnings=(*result.warnings, warning))
