"""Running a function over many files in worker processes, results in input order.

Used by ``convert`` and ``validate`` for folders and archives. Workers are forked where the
platform allows it, so they start with every module the parent already imported instead of
importing pydantic and the formats again; results stream back in order as they are ready, with a
bounded number of files in flight, so memory stays flat however many files there are.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


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
    up; a worker that dies (killed for memory, say) is an :class:`OutputError`, not a hang.
    """
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or count < minimum:
        yield from map(function, items)
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # Fork on Linux: workers start with every module already imported. Elsewhere the platform's
    # default (spawn): fork is unsafe on macOS and missing on Windows.
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    window = jobs * 4
    pending: deque[Future[R]] = deque()
    source = iter(items)
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            for item in source:
                pending.append(pool.submit(function, item))
                if len(pending) >= window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
    except BrokenProcessPool:
        from articlekit.errors import OutputError

        raise OutputError(
            "a worker process died (out of memory?); rerun with --jobs 1 to find the file"
        ) from None
