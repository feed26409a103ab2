"""Who converts the chunks of a batch: this process, worker processes on this machine (or a Dask
cluster, :mod:`.dask`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from articlekit._parallel import process_pool, worker_died
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
    """Worker processes on this machine (forked on Linux: they start with what is imported)."""

    chunk = CHUNK

    def __init__(self, settings: Settings, jobs: int) -> None:
        self.settings = settings
        self.window = jobs * 3
        self.pool = process_pool(jobs)

    def submit(self, tasks: list[Task]) -> Handle:
        return _Worked(self.pool.submit(run_chunk, self.settings, tasks))

    def close(self, cancel: bool) -> None:
        self.pool.shutdown(wait=True, cancel_futures=cancel)


@dataclass
class _Worked:
    """A chunk handed to a worker process; a worker that died is an error, not a hang."""

    future: Any

    def done(self) -> bool:
        return bool(self.future.done())

    def cancel(self) -> bool:
        return bool(self.future.cancel())

    def result(self) -> Chunk:
        from concurrent.futures.process import BrokenProcessPool

        try:
            chunk: Chunk = self.future.result()
        except BrokenProcessPool:
            raise worker_died() from None
        return chunk
