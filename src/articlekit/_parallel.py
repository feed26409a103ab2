"""Worker processes on this machine, and running a function over many files in them, results in
input order.

Used by ``convert`` (through :class:`articlekit.batch.executors.Pool`) and ``validate`` for
folders and archives. Workers are forked where the platform allows it, so they start with every
module the parent already imported instead of importing pydantic and the formats again. Both
commands get their workers from :func:`process_pool`, so both stop the same way on Ctrl-C and
SIGTERM and leave no worker behind.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor
    from types import FrameType

    from articlekit.errors import OutputError

T = TypeVar("T")
R = TypeVar("R")


def _worker_started(parent: int) -> None:
    """Workers leave Ctrl-C to the parent, which lets running work finish and stops; and they
    end with it when it is killed outright (on Linux; elsewhere they end at their next task)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's clean-stop handler
    prctl = _prctl()
    if prctl is not None:
        with contextlib.suppress(OSError):
            prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before that was set
        os._exit(1)


@functools.cache
def _prctl() -> Any:
    """Linux's ``prctl``, or None (elsewhere, or no C library to be found). Looked up by the
    parent before it forks its workers, which then have it: importing ctypes was 2 ms of each
    worker's start, on the way to its first chunk (a convert run's parent imports it all the same
    once 256 inputs are done, for ``_io.return_free_memory``)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


@contextlib.contextmanager
def interrupts_held() -> Iterator[list[int]]:
    """Ctrl-C (SIGINT), and SIGTERM where Python handles it (the command stops on it as on
    Ctrl-C), held while a run stops: a second Ctrl-C cut the shutdown of the worker processes
    short, and the command hung at its exit, waiting for workers that were never told to end,
    its record unwritten. Gives the list of the signals held (their numbers), for the caller to
    raise again (``signal.raise_signal``) or drop. Only the main thread receives signals: in
    another, nothing is held."""
    held: list[int] = []
    previous = _handling_interrupts(lambda number, _: held.append(number))
    try:
        yield held
    finally:
        _restore(previous)


_Handler = Callable[[int, "FrameType | None"], Any]


def _handling_interrupts(handler: _Handler) -> dict[int, _Handler]:
    """Give Ctrl-C and SIGTERM to ``handler`` where Python handles them (not ignored, nor the
    system's default), in the main thread (the only one that receives signals); the handlers
    there were, by signal, for :func:`_restore`."""
    import signal
    import threading

    previous: dict[int, _Handler] = {}
    if threading.current_thread() is threading.main_thread():
        for number in (signal.SIGINT, signal.SIGTERM):
            current = signal.getsignal(number)
            if callable(current):
                previous[number] = current
                signal.signal(number, handler)
    return previous


def _restore(previous: dict[int, _Handler]) -> None:
    import signal

    for number, handler in previous.items():
        signal.signal(number, handler)


class InterruptHolder:
    """Ctrl-C and SIGTERM held while ``with holder:`` runs, and raised again as it ends (see
    :func:`interrupt_holder`)."""

    def __init__(self) -> None:
        self.holding = False
        self.held: list[int] = []
        self.previous: dict[int, _Handler] = {}

    def handle(self, number: int, frame: FrameType | None) -> None:
        if self.holding:
            self.held.append(number)
        else:
            self.previous[number](number, frame)

    def __enter__(self) -> None:
        self.holding = True

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        import signal

        self.holding = False
        if self.held:
            number = self.held[0]
            self.held.clear()
            if kind is None:  # (as interrupts_held's caller: an error under way goes on alone)
                signal.raise_signal(number)


@contextlib.contextmanager
def interrupt_holder() -> Iterator[InterruptHolder]:
    """:func:`interrupts_held` for a step of a loop, ``with holder:``, the handlers set once for
    the whole loop: setting them at every step cost 20 µs (four changes of handler, each
    converted to and from an enum), a fifth of what the command did for a result of a -j 2 run
    besides waiting for it. Outside a step, the signals go to the handlers there were. A step
    is not nested in another (the inner one's end would end the holding)."""
    holder = InterruptHolder()
    holder.previous = _handling_interrupts(holder.handle)
    try:
        yield holder
    finally:
        _restore(holder.previous)


def worker_died(death: str = "a worker process died", files: Sequence[str] = ()) -> OutputError:
    """The error of a run whose worker process died (killed for its memory, say), converting
    one of ``files`` when they are known."""
    from articlekit.errors import OutputError, setting

    which = f" converting one of {', '.join(files)}" if files else ""
    return OutputError(
        f"{death} (out of memory?){which}; rerun with {setting('--jobs 1', 'jobs=1')} to find "
        "the file"
    )


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity, a container's or ``taskset``'s share),
    which may be fewer than the machine has."""
    counted: Callable[[], int | None] | None = getattr(os, "process_cpu_count", None)  # 3.13+
    if counted is not None:
        return counted() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def worker_count(jobs: int | None, work: int | None = None) -> int:
    """The worker processes to start for ``jobs`` asked (None: one per CPU) and ``work`` units
    to share out (chunks, files; None: not known): never more than the CPUs available, nor
    than the units. A worker more than the CPUs only waits for one (``-j 200`` on 2 CPUs took
    5.7 s where 2 workers took 1.0 s), and ``-j 100000`` forked thousands of processes and
    took the machine down."""
    count = min(jobs or available_cpus(), available_cpus())
    return max(1, min(count, work) if work is not None else count)


def process_pool(jobs: int) -> ProcessPoolExecutor:
    """``jobs`` worker processes that ignore Ctrl-C (the parent stops them) and die with the
    parent. Forked on Linux: workers start with every module already imported. Elsewhere the
    platform's default (spawn): fork is unsafe on macOS and missing on Windows."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    _prctl()  # (here, before the workers are forked: they inherit it)
    return ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_worker_started, initargs=(os.getpid(),)
    )


def ordered_map(
    function: Callable[[T], R],
    items: Iterable[T],
    *,
    jobs: int | None = None,
    count: int,
    minimum: int = 64,
) -> Iterator[R]:
    """``map(function, items)``, in ``jobs`` processes when there are at least ``minimum`` items.

    ``function`` must be a module-level function (it is sent to the workers by name) and should
    return errors as values. At most a few items per worker are in flight, so results never pile
    up; a worker that dies (killed for memory, say) is an :class:`OutputError`, not a hang. When
    the caller stops early (Ctrl-C, or closing the iterator) the items not yet started are
    dropped, the running ones finish, and the workers end before this returns.
    """
    jobs = worker_count(jobs, count)
    if jobs == 1 or count < minimum:
        yield from map(function, items)
        return
    from collections import deque
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    window = jobs * 4
    pending: deque[Future[R]] = deque()
    source = iter(items)
    pool = process_pool(jobs)
    try:
        for item in source:
            pending.append(pool.submit(function, item))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BrokenProcessPool:
        raise worker_died() from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
