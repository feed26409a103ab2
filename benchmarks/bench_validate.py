"""Wall time of ``articlekit validate`` as a pre-commit hook sees it: one file, and many.

    python benchmarks/bench_validate.py                  # 1 file and 1,000 files, 10 runs each
    python benchmarks/bench_validate.py --files 5000 --runs 3

It writes story-shaped text articles (like the user's sample: headline, source line, a dozen
paragraphs) into a temporary folder, then times the command line as a subprocess, start-up
included, and prints the median and best wall time. Targets: 1 file under 0.4 s, 1,000 files
under 3 s.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import make_article

from articlekit import write


def write_files(folder: Path, count: int) -> list[str]:
    rng = random.Random(11)
    paths = []
    for index in range(count):
        path = folder / f"story-{index:05d}.txt"
        path.write_bytes(write(make_article(rng, index), format="text").value)
        paths.append(str(path))
    return paths


def wall_times(arguments: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "articlekit", "validate", *arguments],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=False,
        )
        times.append(time.perf_counter() - started)
        if done.returncode not in (0, 1):
            raise SystemExit(done.stderr.decode())
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=1000, help="files in the large run")
    parser.add_argument("--runs", type=int, default=10)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        paths = write_files(Path(folder), arguments.files)
        print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
        for label, targets in (("1 file", paths[:1]), (f"{len(paths)} files", [folder])):
            times = wall_times(targets, arguments.runs)
            print(
                f"articlekit validate, {label}: median {statistics.median(times):.3f} s, "
                f"best {min(times):.3f} s over {arguments.runs} runs"
            )


if __name__ == "__main__":
    main()
