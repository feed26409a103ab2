"""Running a function over many files in worker processes, results in input order.

Used by ``convert`` and ``validate`` for folders and archives. Workers are forked where the
platform allows it, so they start with every module the parent already imported instead of
importing pydantic and the formats again; results stream back in order as they are ready, with a
bounded number of files in flight, so memory stays flat however many files there are.
"""

from __future__ import annotations

import os
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

    ``function`` must be a module-level function (it is sent to the workers by name) and must not
    raise: return errors as values.
    """
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or count < minimum:
        yield from map(function, items)
        return
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, min(64, count // (jobs * 8)))
    with context.Pool(processes=jobs) as pool:
        yield from pool.imap(function, items, chunksize=chunk)
