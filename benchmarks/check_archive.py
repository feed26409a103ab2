"""The whole-archive acceptance run of issue 14, on N generated stories (default 10,000).

    python benchmarks/check_archive.py                 # 10,000 stories
    python benchmarks/check_archive.py --stories 2000  # quicker

For a folder and for one JSON Lines file as output, with ``-j 2``:

1. the first run on a terminal (a pseudo-terminal, so the progress bar is drawn): exit 0, a
   progress bar with a rate, one summary line;
2. the same command again: exit 0, every input up to date, its time as a share of the first run's;
3. a run killed with SIGKILL about halfway, then the same command again: exit 0, byte for byte
   the outputs of the first run, and no temporary file left anywhere below the output.

It prints one line per check and exits 1 when one fails. Too slow for the unit tests (which run
the same checks on a few hundred files: ``tests/test_batch.py``); timings depend on the load of
the machine, printed at the start.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

from installed import compile_bytecode
from stories import write_stories

ARTICLEKIT = [sys.executable, "-m", "articlekit"]
SUMMARY = re.compile(r"([\d,]+) converted, ([\d,]+) up to date, ([\d,]+) failed")
failures: list[str] = []


def check(ok: bool, what: str) -> None:
    print(f"{'ok  ' if ok else 'FAIL'} {what}", flush=True)
    if not ok:
        failures.append(what)


def on_terminal(command: list[str]) -> tuple[int, str, float]:
    """Exit code, everything written to the terminal, and wall seconds of ``command`` run with
    its standard output and error on a pseudo-terminal."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # 100 columns
    started = time.perf_counter()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=terminal, stderr=terminal)
    os.close(terminal)
    chunks = []
    while True:
        ready, _, _ = select.select([controller], [], [], 0.5)
        if ready:
            try:
                data = os.read(controller, 65536)
            except OSError:  # the terminal closed: the process is gone
                break
            if not data:
                break
            chunks.append(data)
        elif process.poll() is not None:
            break
    code = process.wait()
    os.close(controller)
    return code, b"".join(chunks).decode(errors="replace"), time.perf_counter() - started


def quiet(command: list[str]) -> tuple[int, str, float]:
    started = time.perf_counter()
    done = subprocess.run(command, check=False, capture_output=True, text=True)
    return done.returncode, done.stderr, time.perf_counter() - started


def files_below(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` but the bookkeeping of articlekit, by relative path."""
    found = {}
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if path.is_file() and relative.parts[0] != ".articlekit":
            found[str(relative)] = path.read_bytes()
    return found


def temporaries(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file() and ".tmp" in path.name]


def written(target: Path, pid: int) -> int:
    """How far a run has got: output files in a folder, or bytes of the JSON Lines file on its
    way (a named temporary file, or an unnamed one, seen among the process's open files)."""
    if target.suffix != ".jsonl":
        return sum(1 for _ in target.rglob("*.json"))
    sizes = [0]
    for path in temporaries(target.parent):
        with contextlib.suppress(OSError):  # put in place meanwhile
            sizes.append(path.stat().st_size)
    with contextlib.suppress(OSError):  # (no /proc: the named temporary only)
        for descriptor in os.scandir(f"/proc/{pid}/fd"):
            with contextlib.suppress(OSError):  # closed meanwhile
                if os.readlink(descriptor.path).startswith(f"{target.parent}/"):
                    sizes.append(os.stat(descriptor.path).st_size)
    return max(sizes)


def shape(work: Path, stories: Path, count: int, label: str, target: Path) -> None:
    command = [*ARTICLEKIT, "convert", str(stories), "-o", str(target), "-j", "2"]
    if target.suffix != ".jsonl":
        command[-3] = f"{target}/"
    code, screen, first = on_terminal(command)
    summary = SUMMARY.search(screen)
    check(code == 0, f"{label}: first run of {count:,} stories, exit {code}, {first:.1f} s")
    check("input/s" in screen or "s/input" in screen, f"{label}: a progress bar with a rate")
    check(
        summary is not None and summary.group(1).replace(",", "") == str(count),
        f"{label}: summary {summary.group(0) if summary else 'missing'}",
    )
    reference = files_below(target) if target.suffix != ".jsonl" else {"": target.read_bytes()}

    code, stderr, rerun = quiet(command)
    summary = SUMMARY.search(stderr)
    up_to_date = summary is not None and summary.group(2).replace(",", "") == str(count)
    last = stderr.strip().splitlines()[-1:]  # (the summary; the replayed warnings come before)
    check(code == 0 and up_to_date, f"{label}: rerun exit {code}, {last}")
    check(rerun < 0.05 * first, f"{label}: rerun {rerun:.2f} s = {rerun / first:.1%} of the run")

    killed = work / f"killed-{label}"
    target_killed = killed / target.name
    killed.mkdir()
    command_killed = [*command]
    command_killed[command.index("-o") + 1] = (
        str(target_killed) if target.suffix == ".jsonl" else f"{target_killed}/"
    )
    process = subprocess.Popen(command_killed, stderr=subprocess.DEVNULL)
    half = count // 2 if target.suffix != ".jsonl" else len(reference[""]) // 2
    deadline = time.monotonic() + 600
    while written(target_killed, process.pid) < half and time.monotonic() < deadline:
        if process.poll() is not None:
            break
        time.sleep(0.01)
    progress = written(target_killed, process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait()
    check(process.returncode == -signal.SIGKILL, f"{label}: killed at {progress:,} of {half * 2:,}")
    code, stderr, _ = quiet(command_killed)
    check(code == 0, f"{label}: resumed, exit {code}, {stderr.strip().splitlines()[-1:]}")
    if target.suffix == ".jsonl":
        same = target_killed.read_bytes() == reference[""]
    else:
        same = files_below(target_killed) == reference
    check(same, f"{label}: byte for byte the files of the uninterrupted run")
    left = temporaries(killed)
    check(not left, f"{label}: no temporary file left ({len(left)} found)")
    shutil.rmtree(killed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", type=int, default=10_000)
    arguments = parser.parse_args()
    compile_bytecode()
    print(f"load average {os.getloadavg()[0]:.2f}, {os.cpu_count()} CPUs", flush=True)
    with tempfile.TemporaryDirectory(prefix="articlekit-check-") as folder:
        work = Path(folder)
        write_stories(work / "stories", arguments.stories)
        shape(work, work / "stories", arguments.stories, "folder", work / "out")
        shape(work, work / "stories", arguments.stories, "JSON Lines", work / "out.jsonl")
    print(f"load average {os.getloadavg()[0]:.2f}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
