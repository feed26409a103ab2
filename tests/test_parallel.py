"""The worker pool behind convert and validate: order kept, bounded work in flight, deaths seen."""

from __future__ import annotations

import os

import pytest

from articlekit._parallel import ordered_map
from articlekit.errors import OutputError


def _square(value: int) -> int:
    return value * value


def _die_on_seven(value: int) -> int:
    if value == 7:
        os._exit(9)  # what the kernel's out-of-memory killer does to a worker
    return value


def test_results_keep_the_input_order() -> None:
    assert list(ordered_map(_square, range(200), jobs=2, count=200, minimum=10)) == [
        value * value for value in range(200)
    ]


def test_items_are_taken_lazily() -> None:
    taken: list[int] = []

    def items() -> object:
        for value in range(1000):
            taken.append(value)
            yield value

    results = ordered_map(_square, items(), jobs=2, count=1000, minimum=10)  # type: ignore[arg-type]
    assert next(results) == 0
    assert len(taken) <= 2 * 4 + 1
    results.close()  # type: ignore[attr-defined]


def test_a_dead_worker_is_an_error_not_a_hang() -> None:
    with pytest.raises(OutputError, match="a worker process died"):
        list(ordered_map(_die_on_seven, range(50), jobs=2, count=50, minimum=10))


@pytest.fixture
def three_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process may run on three CPUs, whatever the machine has."""
    monkeypatch.setattr(os, "process_cpu_count", lambda: 3, raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1, 2}, raising=False)


@pytest.mark.usefixtures("three_cpus")
def test_workers_are_no_more_than_the_cpus_available_nor_the_work() -> None:
    from articlekit._parallel import available_cpus, worker_count

    assert available_cpus() == 3
    assert worker_count(None) == 3  # (one per CPU)
    assert worker_count(100_000) == 3  # (-j 100000 forked thousands and took the machine down)
    assert worker_count(2) == 2
    assert worker_count(200, work=2) == 2  # (two chunks: a third worker would only wait)
    assert worker_count(200, work=0) == 1
