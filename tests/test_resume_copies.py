"""Resuming into an output folder copied without its times, the pictures ``--extract-media``
writes, and what a run that stops at a write failure says about the inputs it never converted."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from articlekit.batch import convert_batch, engine
from articlekit.batch.manifest import LAYOUT, MANIFEST, STATE_FOLDER
from test_batch import make_stories, outputs

from conftest import report_of, run_cli


def _statuses(folder: Path, output: Path, **settings: object) -> list[str]:
    return [result.status for result in convert_batch([folder], f"{output}/", **settings)]


def _copied_without_times(source: Path, target: Path) -> None:
    """``cp -r``: the bytes and modes, every file's time the time of the copy (set well apart
    here, so that no clock's coarseness makes them equal)."""
    shutil.copytree(source, target, copy_function=shutil.copy)
    for path in target.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(1_000_000_000, 1_000_000_000))


def _hashes_counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    hashed: list[str] = []
    real = engine.file_digest

    def counted(path: str) -> str | None:
        hashed.append(path)
        return real(path)

    monkeypatch.setattr(engine, "file_digest", counted)
    return hashed


def test_an_output_folder_copied_without_its_times_is_up_to_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its outputs are known by their bytes (a hash kept as they were written): nothing is
    converted again; the record then keeps their times, so the next rerun reads no file."""
    make_stories(tmp_path / "in", 5)
    assert _statuses(tmp_path / "in", tmp_path / "out") == ["converted"] * 5
    _copied_without_times(tmp_path / "out", tmp_path / "copy")
    written = outputs(tmp_path / "copy")
    hashed = _hashes_counted(monkeypatch)
    assert _statuses(tmp_path / "in", tmp_path / "copy") == ["up-to-date"] * 5
    assert len(hashed) == 5 and outputs(tmp_path / "copy") == written
    hashed.clear()
    assert _statuses(tmp_path / "in", tmp_path / "copy") == ["up-to-date"] * 5
    assert hashed == []


def test_a_copied_output_of_the_same_size_but_other_bytes_is_not_up_to_date(
    tmp_path: Path,
) -> None:
    """Someone's edit that keeps the size: not as written, and never replaced without force."""
    make_stories(tmp_path / "in", 2)
    _statuses(tmp_path / "in", tmp_path / "out")
    _copied_without_times(tmp_path / "out", tmp_path / "copy")
    edited = tmp_path / "copy" / "story-00001.json"
    data = edited.read_bytes()
    edited.write_bytes(data.replace(b"Harbour", b"Harbor!", 1))
    assert len(edited.read_bytes()) == len(data)
    results = list(convert_batch([tmp_path / "in"], f"{tmp_path / 'copy'}/"))
    assert [result.status for result in results] == ["failed", "up-to-date"]
    assert results[0].error is not None and "output exists" in results[0].error.message


def test_a_record_without_hashes_is_read_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A manifest of the layout before hashes (3): no crash, nothing converted again where the
    times still match, the layout marked as this one (an articlekit that knows only layout 3
    then starts it afresh rather than misread it); an output whose time changed has no hash to
    be known by, and is converted again."""
    make_stories(tmp_path / "in", 3)
    _statuses(tmp_path / "in", tmp_path / "out")
    path = tmp_path / "out" / STATE_FOLDER / MANIFEST
    with sqlite3.connect(path) as connection:
        for key, written in connection.execute("SELECT key, outputs FROM inputs").fetchall():
            older = [output[:3] for output in json.loads(written)]  # (path, size, time): no hash
            update = "UPDATE inputs SET outputs = ? WHERE key = ?"
            connection.execute(update, (json.dumps(older), key))
        connection.execute("ALTER TABLE inputs DROP COLUMN media")  # (layout 3 had none)
        connection.execute("PRAGMA user_version = 3")
    connection.close()
    os.utime(tmp_path / "out" / "story-00003.json", ns=(1_000_000_000, 1_000_000_000))
    hashed = _hashes_counted(monkeypatch)
    assert _statuses(tmp_path / "in", tmp_path / "out") == ["up-to-date", "up-to-date", "converted"]
    assert hashed == []
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == LAYOUT == 4
    connection.close()


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_run_stopped_by_its_output_failing_gives_every_input_not_converted(
    tmp_path: Path, jobs: int
) -> None:
    """A full disk while the one output file is written: the run stops, and each input it never
    converted has a result of its own (``--report`` lists it), counted in the summary and the
    exit code; with -j 2 the summary said "0 converted, 0 failed" and the command exited 0."""
    if not os.path.exists("/dev/full"):
        pytest.skip("needs /dev/full (Linux), a device that is always full")
    stories = make_stories(tmp_path / "in", 80)
    batch = convert_batch([tmp_path / "in"], "/dev/full", to="jsonl", jobs=jobs)
    results = list(batch)
    assert results[-1].status == "unwritten" and results[-1].source == "/dev/full"
    each = results[:-1]
    assert [result.source for result in each] == [str(path) for path in stories]
    unreached = [result for result in each if result.status == "not-converted"]
    assert unreached and all(not result.ok and result.error is None for result in unreached)
    assert {result.status for result in each} <= {"converted", "not-converted"}
    summary = batch.summary
    assert (summary.converted, summary.not_converted) == (0, len(unreached))
    assert summary.failed + summary.not_converted == summary.inputs == 80
    report = tmp_path / "report.jsonl"
    done = run_cli(
        "convert", str(tmp_path / "in"), "-o", "/dev/full", "--to", "jsonl", "-j", str(jobs),
        "--report", str(report),
    )  # fmt: skip
    assert done.code == 1
    last = done.stderr.splitlines()[-1]
    counted = re.match(
        r"articlekit: stopped \(the output's file system is full\): 0 converted, 0 up to date, "
        r"(\d+) failed, (\d+) not converted",
        last,
    )
    assert counted is not None, last
    assert int(counted[1]) + int(counted[2]) == 80 and int(counted[2]) > 0
    lines, summary = report_of(report)
    assert [line["source"] for line in lines[:-1]] == [str(path) for path in stories]
    assert sum(line["status"] == "not-converted" for line in lines) == int(counted[2])
    assert summary["stopped"] == "the output's file system is full"


@pytest.mark.parametrize("output", ["out/", "out/all.jsonl"])
def test_a_picture_removed_from_the_media_folder_is_written_again_by_a_rerun(
    tmp_path: Path, output: str
) -> None:
    """The pictures --extract-media writes are part of what "up to date" means: a rerun wrote
    nothing and said every input was up to date, its output naming a file no longer there. Two
    stories show the same pictures (one file each)."""
    from articlekit import write
    from test_media import _article

    (tmp_path / "in").mkdir()
    for name in ("story-1.json", "story-2.json"):
        write(_article(), tmp_path / "in" / name)
    target, media = f"{tmp_path}/{output}", tmp_path / "out" / "media"
    media.parent.mkdir()

    def statuses() -> list[str]:
        return [result.status for result in convert_batch([tmp_path / "in"], target, **settings)]

    settings: dict[str, object] = {"to": "json" if output.endswith("/") else None}
    settings["extract_media"] = media
    assert statuses() == ["converted"] * 2
    pictures = {path.name: path.read_bytes() for path in media.iterdir()}
    written = outputs(tmp_path / "out")
    assert len(pictures) == 2 and statuses() == ["up-to-date"] * 2
    png = next(name for name in pictures if name.endswith(".png"))
    (media / png).unlink()
    assert "converted" in statuses()
    assert outputs(tmp_path / "out") == written
    assert statuses() == ["up-to-date"] * 2


@pytest.mark.parametrize("output", ["out/", "out/all.jsonl"])
def test_the_media_folder_is_part_of_what_makes_an_output_up_to_date(
    tmp_path: Path, output: str
) -> None:
    """With --extract-media given, changed or left out, the outputs name other files (or embed
    the pictures): a rerun said they were up to date, leaving them as the other run wrote them."""
    from articlekit import write
    from test_media import _article

    (tmp_path / "in").mkdir()
    for name in ("story-1.json", "story-2.json"):
        write(_article(), tmp_path / "in" / name)
    (tmp_path / "out").mkdir()
    target = f"{tmp_path}/{output}"
    written = tmp_path / output / "story-1.json" if output.endswith("/") else tmp_path / output

    def statuses(media: str | None) -> list[str]:
        folder = None if media is None else tmp_path / "out" / media
        to = "json" if output.endswith("/") else None
        found = convert_batch([tmp_path / "in"], target, to=to, extract_media=folder)
        return [result.status for result in found]

    runs = [(None, "converted"), ("media", "converted"), ("media", "up-to-date")]
    runs += [("pictures", "converted"), (None, "converted"), (None, "up-to-date")]
    for media, status in runs:
        assert statuses(media) == [status] * 2, media
        document = written.read_text(encoding="utf-8")
        assert ('"data"' in document) == (media is None)
        assert media is None or f'"{media}/' in document


def test_a_killed_run_s_temporary_picture_is_removed_by_the_next_run(tmp_path: Path) -> None:
    """Pictures are written whole under their names (atomically); where the system has no
    unnamed files, a run killed while writing one leaves a temporary file beside it, which the
    next run into the output removes, as it removes the outputs' own."""
    from articlekit import write
    from test_media import _article

    (tmp_path / "in").mkdir()
    write(_article(), tmp_path / "in" / "story.json")
    media = tmp_path / "out" / "media"
    stray = _left_by_a_killed_run(media)
    results = list(convert_batch([tmp_path / "in"], f"{tmp_path / 'out'}/", extract_media=media))
    assert [result.status for result in results] == ["converted"]
    assert not stray.exists()
    assert sorted(path.suffix for path in media.iterdir()) == [".gif", ".png"]


def test_a_killed_run_s_temporary_picture_in_a_sub_folder_is_removed_by_the_next_run(
    tmp_path: Path,
) -> None:
    """A sub-folder's media folder was cleared only by a run that wrote a picture there: a rerun
    that found its outputs up to date left the killed run's temporary file."""
    from articlekit import write
    from test_media import _article

    (tmp_path / "in" / "desk").mkdir(parents=True)
    write(_article(), tmp_path / "in" / "desk" / "story.json")
    target, media = f"{tmp_path / 'out'}/", tmp_path / "out" / "media"
    first = list(convert_batch([tmp_path / "in"], target, extract_media=media))
    assert [result.status for result in first] == ["converted"]
    stray = _left_by_a_killed_run(tmp_path / "out" / "desk" / "media")
    again = list(convert_batch([tmp_path / "in"], target, extract_media=media))
    assert [result.status for result in again] == ["up-to-date"]
    assert not stray.exists()


def _left_by_a_killed_run(folder: Path) -> Path:
    """A temporary file in ``folder`` (made if absent) named for a process that has ended."""
    import subprocess
    import sys

    from articlekit import _io

    folder.mkdir(parents=True, exist_ok=True)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    name = os.path.basename(_io.temporary_name(str(folder), "a.png"))
    stray = folder / name.replace(f"-{os.getpid()}-", f"-{gone.pid}-")
    stray.write_bytes(b"\x89PNG half a pic")
    return stray


@pytest.mark.parametrize("output", ["out/", "out/all.jsonl"])
def test_a_picture_replaced_by_a_link_is_replaced_never_written_through(
    tmp_path: Path, output: str
) -> None:
    """A rerun wrote the picture's bytes into the link's target, a user's file outside the
    output, then failed the input ("the media folder must be inside"); into one file, the
    rewritten output lost that article."""
    from articlekit import write
    from test_media import _article

    (tmp_path / "in").mkdir()
    for name in ("story-1.json", "story-2.json"):
        write(_article(), tmp_path / "in" / name)
    target, media = f"{tmp_path}/{output}", tmp_path / "out" / "media"
    media.parent.mkdir()
    settings: dict[str, object] = {"to": "json" if output.endswith("/") else None}

    def statuses() -> list[str]:
        found = convert_batch([tmp_path / "in"], target, extract_media=media, **settings)
        return [result.status for result in found]

    assert statuses() == ["converted"] * 2
    written = outputs(tmp_path / "out")
    png = next(path for path in media.iterdir() if path.name.endswith(".png"))
    mine = tmp_path / "mine.txt"
    mine.write_text("a user's own file", encoding="utf-8")
    png.unlink()
    png.symlink_to(mine)
    assert set(statuses()) <= {"converted", "up-to-date"}
    assert mine.read_text(encoding="utf-8") == "a user's own file"
    assert not png.is_symlink() and outputs(tmp_path / "out") == written
    assert statuses() == ["up-to-date"] * 2


@pytest.mark.parametrize("step", ["write", "commit"])
def test_a_report_that_cannot_be_written_is_said_and_the_run_goes_on(
    tmp_path: Path, step: str
) -> None:
    """A full disk under --report: an internal error (a report committed after it was
    discarded), no summary; at the report's last lines, no summary either."""
    import subprocess
    import sys

    make_stories(tmp_path / "in", 3)
    full_disk = (
        "import sys; from articlekit import _io, cli; from articlekit.errors import OutputError\n"
        f"step = _io.AtomicFile.{step}\n"
        "def full(self, *data):\n"
        "    if self.path.endswith('report.jsonl'):\n"
        "        raise OutputError('No space left on device', path=self.path)\n"
        "    step(self, *data)\n"
        f"_io.AtomicFile.{step} = full; sys.argv[0] = 'articlekit'; cli.run()"
    )
    report = tmp_path / "report.jsonl"
    done = subprocess.run(
        [sys.executable, "-c", full_disk, "convert", str(tmp_path / "in"), "-q",
         "-o", f"{tmp_path / 'out'}/", "--report", str(report)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "No space left on device; no report written" in done.stderr
    assert "internal error" not in done.stderr and not report.exists()
    assert len(outputs(tmp_path / "out")) == 3
