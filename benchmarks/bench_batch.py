"""Whole archives from the command line: throughput with -j, resuming, Dask, memory, start-up.

    python benchmarks/bench_batch.py                          # every section below
    python benchmarks/bench_batch.py throughput resume --files 2000 --runs 5
    python benchmarks/bench_batch.py memory --sizes 1000 50000
    python benchmarks/bench_batch.py oneshot pandoc --runs 20

Sections (each prints rows of a Markdown table; timings are wall times of the command line as a
user runs it, start-up included, with the package's bytecode compiled first as an install has
it, medians of alternating runs so that a change of load affects both sides of a ratio alike):

* ``throughput``: ``articlekit convert`` of N generated web-copied stories (:mod:`stories`) with
  ``-j 1`` and ``-j 2``, to a folder and to one JSON Lines file; the ratio -j 2 / -j 1.
* ``resume``: the same command again into the finished output (a no-op), as a share of the run.
* ``dask``: the folder run on ``--scheduler local`` (a LocalCluster of 2 processes), when the
  ``dask`` extra is installed.
* ``memory``: peak RSS (largest process of the run) for text files → JSON Lines, JSON Lines →
  folder of NewsML-G2, and folder → folder, at each size.
* ``oneshot``: one conversion of ``examples/harbour-ferries.txt`` to JSON and to DOCX by the
  ``articlekit`` command, as a multiple of a bare ``python -c pass``.
* ``pandoc``: the same stories as Markdown → DOCX and DOCX → Markdown, one process per file, by
  pandoc (when installed) and by articlekit (text → DOCX, DOCX → text).

The machine load (``os.getloadavg``) is printed before and after: compare runs on a quiet machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from installed import compile_bytecode
from stories import write_stories

ARTICLEKIT = [sys.executable, "-m", "articlekit"]
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "harbour-ferries.txt"


class Run(NamedTuple):
    seconds: float
    """Wall time."""
    peak: int
    """Peak RSS (KiB) of the largest process of the tree."""
    cpu: float
    """User and system CPU seconds of the process tree."""


def timed(command: Sequence[str]) -> Run:
    """One run of ``command``, its output discarded; its failure ends the benchmark."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace")
            raise SystemExit(f"{' '.join(map(str, command))} failed:\n{message}")
    return Run(elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)


def alternate(
    commands: dict[str, Sequence[str]], runs: int, before: Callable[[], None]
) -> dict[str, list[float]]:
    """Each command ``runs`` times, taking turns; ``before`` clears outputs before each run.
    The wall times, by command."""
    return {
        name: [run.seconds for run in done]
        for name, done in alternate_runs(commands, runs, before).items()
    }


def alternate_runs(
    commands: dict[str, Sequence[str]], runs: int, before: Callable[[], None]
) -> dict[str, list[Run]]:
    done: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            before()
            done[name].append(timed(command))
    return done


def row(*cells: object) -> None:
    print("| " + " | ".join(str(cell) for cell in cells) + " |", flush=True)


def clear(*paths: Path) -> Callable[[], None]:
    """Make way for the next run: move the last run's outputs aside, into a folder deleted with
    the benchmark's work folder at the end. Deleting them here would bill the next run for the
    file system's clean-up: ext4 without a journal, as on our VM, scans past every inode freed in
    the last minutes each time it makes a file (a quarter of a folder run's CPU, by perf)."""

    def move_aside() -> None:
        for path in paths:
            aside = path.parent / "moved-aside" / str(time.monotonic_ns())
            aside.mkdir(parents=True)
            is_folder = path.is_dir()
            if path.exists():
                path.rename(aside / path.name)
            if not is_folder:  # a file's manifest and temporary files sit beside it
                for sidecar in path.parent.glob(f".{path.name}*"):
                    sidecar.rename(aside / sidecar.name)

    return move_aside


def throughput(work: Path, files: int, runs: int) -> None:
    source = work / "stories"
    out, archive = work / "out", work / "out.jsonl"
    for label, target in (("folder", f"{out}/"), ("JSON Lines", str(archive))):
        convert = [*ARTICLEKIT, "convert", str(source), "-o", target, "-q", "-j"]
        times = alternate(
            {jobs: [*convert, jobs] for jobs in ("1", "2")}, runs, clear(out, archive)
        )
        one, two = statistics.median(times["1"]), statistics.median(times["2"])
        row(f"text → {label}, {files:,} files, -j 1", f"{one:.2f} s", f"{files / one:,.0f}/s", "")
        row(
            f"text → {label}, {files:,} files, -j 2", f"{two:.2f} s", f"{files / two:,.0f}/s",
            f"**{one / two:.2f}x** -j 1",
        )  # fmt: skip


def resume(work: Path, files: int, runs: int) -> None:
    source = work / "stories"
    out, archive = work / "out", work / "out.jsonl"
    for label, target in (("folder", f"{out}/"), ("JSON Lines", str(archive))):
        command = [*ARTICLEKIT, "convert", str(source), "-o", target, "-q", "-j", "2"]
        firsts, reruns = [], []
        for _ in range(runs):
            clear(out, archive)()
            firsts.append(timed(command)[0])
            reruns.append(timed(command)[0])
        first, rerun = statistics.median(firsts), statistics.median(reruns)
        row(
            f"rerun into the finished {label} (no-op), {files:,} files", f"{rerun:.2f} s", "",
            f"**{rerun / first:.1%}** of the run ({first:.2f} s)",
        )  # fmt: skip


def dask(work: Path, files: int, runs: int) -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        row("Dask local cluster", "skipped: install articlekit[dask]", "", "")
        return
    source, out = work / "stories", work / "out"
    command = [*ARTICLEKIT, "convert", str(source), "-o", f"{out}/", "-q", "-j", "2"]
    commands = {"local": [*command, "--scheduler", "local"], "pool": command}
    times = alternate(commands, runs, clear(out))
    cluster, pool = statistics.median(times["local"]), statistics.median(times["pool"])
    row(
        f"text → folder, {files:,} files, --scheduler local -j 2", f"{cluster:.2f} s",
        f"{files / cluster:,.0f}/s", f"{pool / cluster:.2f}x -j 2 (cluster start-up included)",
    )  # fmt: skip


def memory(work: Path, sizes: Sequence[int]) -> None:
    peaks: dict[str, list[int]] = {}
    for size in sizes:
        folder = work / f"memory-{size}"
        write_stories(folder / "stories", size)
        archive = folder / "archive.jsonl"
        stories, g2, json = str(folder / "stories"), f"{folder / 'g2'}/", f"{folder / 'json'}/"
        shapes = {
            "text files → JSON Lines": [stories, "-o", str(archive)],
            "JSON Lines → folder (NewsML-G2)": [str(archive), "-o", g2, "--to", "newsml"],
            "folder → folder (JSON)": [stories, "-o", json],
        }
        for shape, arguments in shapes.items():
            seconds, peak, _ = timed([*ARTICLEKIT, "convert", *arguments, "-q", "-j", "2"])
            peaks.setdefault(shape, []).append(peak)
            row(
                f"{shape}, {size:,} articles, -j 2",
                f"{seconds:.1f} s",
                f"{peak / 1024:.0f} MiB",
                "",
            )
        shutil.rmtree(folder)
    if len(sizes) > 1:
        for shape, values in peaks.items():
            row(
                f"{shape}: peak RSS at {sizes[-1]:,} / at {sizes[0]:,}", "", "",
                f"**{values[-1] / values[0]:.2f}x**",
            )  # fmt: skip


def oneshot(work: Path, runs: int) -> None:
    """Start-up as a user meets it: the ``articlekit`` command an install puts on the PATH (not
    ``python -m``, whose runpy costs a few ms more), with the package's bytecode compiled as pip
    compiles it on install (``PYTHONDONTWRITEBYTECODE``, set in some environments, would
    otherwise make every run compile every module from source). Wall time is the median of
    alternating runs; CPU time (user + system) the best, which load disturbs least."""
    script = Path(sys.executable).with_name("articlekit")
    command = [str(script)] if script.exists() else ARTICLEKIT
    docx = work / "oneshot.docx"
    commands = {
        "pass": [sys.executable, "-c", "pass"],
        "json": [*command, "convert", str(EXAMPLE), "--to", "json", "-q"],
        "docx": [*command, "convert", str(EXAMPLE), "-o", str(docx), "--force", "-q"],
    }
    done = alternate_runs(commands, runs, lambda: None)
    wall = {name: statistics.median(run.seconds for run in done[name]) for name in commands}
    cpu = {name: min(run.cpu for run in done[name]) for name in commands}
    row("`python -c pass`", f"{wall['pass'] * 1000:.0f} ms", f"CPU {cpu['pass'] * 1000:.0f} ms", "")
    for name in ("json", "docx"):
        what = f"one-shot `articlekit convert harbour-ferries.txt` to {name}"
        row(
            what, f"{wall[name] * 1000:.0f} ms", f"CPU {cpu[name] * 1000:.0f} ms",
            f"**{wall[name] / wall['pass']:.1f}x** `python -c pass` "
            f"(CPU: {cpu[name] / cpu['pass']:.1f}x)",
        )  # fmt: skip


def pandoc(work: Path, files: int) -> None:
    folder = work / "pandoc"
    write_stories(folder / "txt", files, per_folder=files)
    texts = sorted((folder / "txt").rglob("*.txt"))
    for text in texts:  # the same story as Markdown: headline as a heading, then paragraphs
        headline, _, rest = text.read_text(encoding="utf-8").partition("\n\n")
        text.with_suffix(".md").write_text(f"# {headline}\n\n{rest}", encoding="utf-8")
    have_pandoc = shutil.which("pandoc") is not None

    def commands(path: Path) -> dict[str, tuple[list[str], list[str]]]:
        docx, theirs = str(path.with_suffix(".docx")), str(path.with_suffix(".pandoc.docx"))
        return {
            "text/Markdown → DOCX": (
                [*ARTICLEKIT, "convert", str(path), "-o", docx, "--force", "-q"],
                ["pandoc", str(path.with_suffix(".md")), "-o", theirs],
            ),
            "DOCX → text/Markdown": (
                [*ARTICLEKIT, "convert", docx, "--to", "text", "-q"],
                ["pandoc", theirs, "-t", "markdown"],
            ),
        }

    for label in ("text/Markdown → DOCX", "DOCX → text/Markdown"):
        times: dict[str, list[float]] = {"articlekit": [], "pandoc": []}
        for path in texts:  # taking turns, one process per file as pandoc users run it
            ours, theirs = commands(path)[label]
            times["articlekit"].append(timed(ours)[0])
            if have_pandoc:
                times["pandoc"].append(timed(theirs)[0])
        mine = statistics.median(times["articlekit"])
        if have_pandoc:
            other = statistics.median(times["pandoc"])
            comparison = f"pandoc {other * 1000:.0f} ms a file ({other / mine:.2f}x articlekit)"
        else:
            comparison = "pandoc not installed: skipped"
        what = f"{label}, one process a file ({files} files)"
        row(what, f"{mine * 1000:.0f} ms a file", "", comparison)


SECTIONS = ("throughput", "resume", "dask", "memory", "oneshot", "pandoc")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sections", nargs="*", choices=(*SECTIONS, []), default=list(SECTIONS))
    parser.add_argument("--files", type=int, default=2000, help="stories for the batch runs")
    parser.add_argument("--runs", type=int, default=3, help="runs of each command (alternating)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 50000], help="for memory")
    parser.add_argument("--pandoc-files", type=int, default=30)
    arguments = parser.parse_args()
    load = os.getloadavg()
    print(
        f"{time.strftime('%Y-%m-%d')}, {platform.node()}: {os.cpu_count()} CPUs, "
        f"{platform.processor() or platform.machine()}, Python {platform.python_version()}, "
        f"load average before {load[0]:.2f}"
    )
    print()
    row("what", "time", "rate / memory", "ratio")
    row("---", "---", "---", "---")
    compile_bytecode()  # (every section runs the command line: without it, each run compiles)
    with tempfile.TemporaryDirectory(prefix="articlekit-bench-") as folder:
        work = Path(folder)
        if {"throughput", "resume", "dask"} & set(arguments.sections):
            write_stories(work / "stories", arguments.files)
        for section in arguments.sections:
            if section == "throughput":
                throughput(work, arguments.files, arguments.runs)
            elif section == "resume":
                resume(work, arguments.files, arguments.runs)
            elif section == "dask":
                dask(work, arguments.files, arguments.runs)
            elif section == "memory":
                memory(work, arguments.sizes)
            elif section == "oneshot":
                oneshot(work, max(arguments.runs, 10))
            elif section == "pandoc":
                pandoc(work, arguments.pandoc_files)
    print()
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
