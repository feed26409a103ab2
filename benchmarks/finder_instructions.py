"""Instructions the web-copy article finder executes on the large real copies, counted by
valgrind's callgrind: unlike a timing on a shared machine, the count is the same run after run,
so two trees compare within a fraction of a per cent.

    python benchmarks/finder_instructions.py ../shared/corpus/web/*/webcopy.txt
    python benchmarks/finder_instructions.py --each ../shared/corpus/web/*/webcopy.txt

The script runs itself under ``valgrind --tool=callgrind`` (Debian's ``valgrind``), collecting
only inside ``functools.reduce``, which makes the measured pass of
:func:`articlekit.prose.webcopy.find_article` over the copies after a warm-up pass: start-up,
imports and the compiling of the patterns the finder uses lazily are left out (counted with the
pass, they would be most of the total). The hash seed is fixed, so that set and dict orders are
the same in both trees. Only copies of :data:`EACH_FROM` bytes or more are taken, as
``bench_webcopy.py --each`` lists them; ``--each`` also counts each copy in a run of its own.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import subprocess
import sys
from pathlib import Path

EACH_FROM = 25_000
"""Bytes from which a copy is counted (as ``bench_webcopy.py --each`` lists them)."""
MEASURED = "ARTICLEKIT_FINDER_MEASURED"
"""Set in the environment of the run under valgrind, which then makes the measured pass."""
_COLLECTED = re.compile(r"Collected : (\d+)")


def measured_pass(paths: list[str]) -> None:
    """A warm-up pass of the finder over the copies, then the pass callgrind counts."""
    from articlekit.prose import webcopy

    copies = [
        Path(path).read_text(encoding="utf-8", errors="replace").split("\n") for path in paths
    ]
    for lines in copies:
        webcopy.find_article(lines)
    functools.reduce(lambda _, lines: webcopy.find_article(lines), copies, None)


def counted(paths: list[str]) -> int:
    """The instructions of one pass of the finder over ``paths``, run under callgrind."""
    command = [
        "valgrind", "--tool=callgrind", "--toggle-collect=functools_reduce",
        "--callgrind-out-file=/dev/null", sys.executable, __file__, *paths,
    ]  # fmt: skip
    environment = {**os.environ, MEASURED: "1", "PYTHONHASHSEED": "0"}
    run = subprocess.run(command, env=environment, capture_output=True, text=True, check=True)
    found = _COLLECTED.search(run.stderr)
    if found is None:
        raise RuntimeError(f"no count in valgrind's report:\n{run.stderr[-2000:]}")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("copies", nargs="+", type=Path, help="web copies (webcopy.txt files)")
    parser.add_argument("--each", action="store_true", help="count each copy on its own too")
    options = parser.parse_args(argv)
    paths = [str(path) for path in options.copies if path.stat().st_size >= EACH_FROM]
    if os.environ.get(MEASURED):
        measured_pass(paths)
        return 0
    if not paths:
        parser.error(f"no copy of {EACH_FROM} bytes or more")
    if options.each:
        for path in paths:
            print(f"  {Path(path).parent.name:30} {counted([path]) / 1e6:8.1f} M")
    print(f"{len(paths)} copies of {EACH_FROM // 1000} KB or more: {counted(paths) / 1e6:.1f} M")
    return 0


if __name__ == "__main__":
    sys.exit(main())
