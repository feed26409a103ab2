"""How fast the furniture of a page's lines is told: ``furniture_kinds`` on all the distinct lines
of a copy at once, against ``furniture_kind`` line by line (the same answers, checked here).

    python benchmarks/bench_furniture.py                       # the ~200 KB copy of bench_webcopy
    python benchmarks/bench_furniture.py ../shared/corpus/web/*/webcopy.txt --repeat 50

Times are the best of the runs in CPU time (``time.process_time``), per copy and per line, with
the load average: run it on a quiet machine and prefer the ratio of two numbers from one run.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_webcopy  # (beside this file)

from articlekit.prose import furniture


def distinct_lines(text: str) -> list[str]:
    """The distinct stripped non-blank lines of a copy, as the web-copy finder judges them."""
    return list(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))


def each_line(lines: list[str]) -> list[str | None]:
    return [furniture.furniture_kind(line) for line in lines]


def best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("copies", nargs="*", type=Path, help="web copies (text files)")
    parser.add_argument("--repeat", type=int, default=20)
    options = parser.parse_args()
    copies = {"synthetic ~200 KB": bench_webcopy.large()}
    for path in options.copies:
        copies[path.parent.name or path.name] = path.read_text(encoding="utf-8")
    for name, text in copies.items():
        lines = distinct_lines(text)
        kinds = furniture.furniture_kinds(lines)
        assert kinds == [furniture.furniture_kind(line) for line in lines], name
        one = best(partial(each_line, lines), options.repeat)
        many = best(partial(furniture.furniture_kinds, lines), options.repeat)
        per = 1e6 / len(lines)
        print(
            f"{name}: {len(lines)} lines ({sum(map(bool, kinds))} furniture): "
            f"furniture_kind {one * 1e3:.2f} ms ({one * per:.2f} µs a line), "
            f"furniture_kinds {many * 1e3:.2f} ms ({many * per:.2f} µs a line), x{one / many:.1f}"
        )
    print("load average: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
