"""The batch engine: the library API, resuming, reporting, and what folders give as input."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from articlekit import Article, Figure, Paragraph, Rendition, Resource, Span, convert
from articlekit.batch import Batch, BatchResult, convert_batch

from conftest import interruptible, report_of, run_cli, shared_path


def story(number: int, words: str = "") -> str:
    """A short story in the wire layout the text reader knows (our own words)."""
    return (
        f"Harbour Board Story Number {number}\n\n"
        f"By Reporter {number}\n\n"
        f"PORT ALDWIN — The harbour board said on Tuesday that night ferry {number} would berth "
        f"at the old customs quay{words}.\n\n"
        "Fishermen warned of crowded quays, and residents near the slipway feared engine noise.\n"
    )


def make_stories(folder: Path, count: int, *, start: int = 1, sub: int = 0) -> list[Path]:
    """``count`` stories, in sub-folders of ``sub`` stories each when ``sub`` is given."""
    paths = []
    for number in range(start, start + count):
        place = folder / f"part-{number // sub:03d}" if sub else folder
        place.mkdir(parents=True, exist_ok=True)
        path = place / f"story-{number:05d}.txt"
        path.write_text(story(number), encoding="utf-8")
        paths.append(path)
    return paths


def test_a_run_starts_no_more_workers_than_cpus_or_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from articlekit.batch import engine, executors

    started: list[int] = []

    class CountedPool(executors.Pool):
        def __init__(self, settings: object, jobs: int) -> None:
            started.append(jobs)
            super().__init__(settings, jobs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "Pool", CountedPool)
    make_stories(tmp_path / "in", 70)  # (three chunks)
    monkeypatch.setattr(os, "process_cpu_count", lambda: 1, raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0}, raising=False)
    assert convert_batch([tmp_path / "in"], f"{tmp_path / 'one'}/", jobs=8).jobs == 1
    monkeypatch.setattr(os, "process_cpu_count", lambda: 64, raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: set(range(64)), raising=False)
    results = list(convert_batch([tmp_path / "in"], f"{tmp_path / 'out'}/", jobs=8))
    assert started == [3]
    assert [result.status for result in results] == ["converted"] * 70


def _dying_on_story_40(settings: object, tasks: list[Any]) -> object:
    """A worker's chunk whose worker is killed (as the kernel kills it for its memory) at the
    chunk that holds story 40: the first time only when ``tmp/died-once`` is absent, else every
    time."""
    from articlekit.batch.worker import run_chunk

    source = next((task.unit.source for task in tasks if "story-00040" in task.unit.source), None)
    if source is not None:
        marker = Path(source).parent.parent / "died-once"
        if not marker.parent.joinpath("always").exists():
            if marker.exists():
                return run_chunk(settings, tasks)  # type: ignore[arg-type]
            marker.touch()
        os.kill(os.getpid(), signal.SIGKILL)
    return run_chunk(settings, tasks)  # type: ignore[arg-type]


def test_a_worker_that_dies_has_its_chunk_run_again_and_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from articlekit.batch import executors

    make_stories(tmp_path / "in", 200)
    reference = tmp_path / "reference"
    assert all(result.ok for result in convert_batch([tmp_path / "in"], f"{reference}/", jobs=1))
    monkeypatch.setattr(executors, "run_chunk", _dying_on_story_40)
    results = list(convert_batch([tmp_path / "in"], f"{tmp_path / 'out'}/", jobs=2))
    assert [result.status for result in results] == ["converted"] * 200
    said = [warning for result in results for warning in result.warnings]
    said = [warning for warning in said if warning.code == "worker-died"]
    assert len(said) == 1 and "killed by SIGKILL" in said[0].message
    assert outputs(tmp_path / "out") == outputs(reference)
    again = list(convert_batch([tmp_path / "in"], f"{tmp_path / 'out'}/", jobs=2))
    assert not [warning for result in again for warning in result.warnings]  # (not replayed)


def test_a_chunk_whose_worker_dies_again_fails_the_run_naming_its_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from articlekit.batch import executors
    from articlekit.errors import OutputError

    make_stories(tmp_path / "in", 200)
    (tmp_path / "always").touch()
    monkeypatch.setattr(executors, "run_chunk", _dying_on_story_40)
    with pytest.raises(OutputError, match="killed by SIGKILL") as raised:
        list(convert_batch([tmp_path / "in"], f"{tmp_path / 'out'}/", jobs=2))
    assert "story-00040.txt" in str(raised.value) and "story-00150.txt" not in str(raised.value)


def test_an_output_folder_made_unwritable_mid_run_stops_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Permission denied where every output goes through (the folder's temporary folder) stops
    the run as a full disk does: it failed every input after, 997 of them. (Simulated: the
    tests may run as root, whom permissions do not stop.)"""
    import errno

    from articlekit.batch import worker
    from articlekit.errors import OutputError

    make_stories(tmp_path / "in", 100)
    placed: list[str] = []
    real_place, real_access = worker._place, os.access

    def place(settings: Any, task: Any, file: Any) -> Any:
        if len(placed) >= 5:
            denied = PermissionError(errno.EACCES, "Permission denied")
            raise OutputError.refused(denied, file.shown, "permission denied")
        placed.append(file.shown)
        return real_place(settings, task, file)

    def access(path: Any, mode: int) -> bool:
        denied = len(placed) >= 5 and str(path).endswith(os.path.join(".articlekit", "tmp"))
        return not denied and real_access(path, mode)

    monkeypatch.setattr(worker, "_place", place)
    monkeypatch.setattr(os, "access", access)
    batch = convert_batch([tmp_path / "in"], f"{tmp_path / 'out'}/", jobs=1)
    statuses = [result.status for result in batch]
    assert statuses.count("converted") == 5 and statuses.count("failed") == 1
    assert statuses.count("not-converted") == 94
    assert batch.summary.stopped == "permission denied in the output folder"


def outputs(folder: Path) -> dict[str, bytes]:
    """Every visible file below ``folder`` (its .articlekit bookkeeping left out), by path."""
    found = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            found[str(relative)] = path.read_bytes()
    return found


def temporaries(folder: Path) -> list[str]:
    return [str(path) for path in folder.rglob("*.tmp")]


# --- the library API ------------------------------------------------------------------------


def test_folder_to_folder_yields_one_result_per_input_in_order(tmp_path: Path) -> None:
    make_stories(tmp_path / "in", 6, sub=3)
    (tmp_path / "in" / "part-000" / "empty.txt").write_bytes(b"")
    batch = convert_batch([tmp_path / "in"], f"{tmp_path / 'out'}/", to="newsml")
    results = list(batch)
    assert [Path(result.source).name for result in results] == [
        "empty.txt", "story-00001.txt", "story-00002.txt", "story-00003.txt",
        "story-00004.txt", "story-00005.txt", "story-00006.txt",
    ]  # fmt: skip
    assert [result.status for result in results] == ["failed"] + ["converted"] * 6
    assert results[0].error is not None and "empty file" in str(results[0].error)
    assert results[1].outputs == (
        os.path.join(str(tmp_path / "out"), "part-000", "story-00001.newsml.xml"),
    )
    assert sorted(outputs(tmp_path / "out")) == [
        f"part-{number // 3:03d}/story-{number:05d}.newsml.xml" for number in range(1, 7)
    ]
    summary = batch.summary
    assert (summary.converted, summary.failed, summary.articles) == (6, 1, 6)
    assert "6 converted, 0 up to date, 1 failed" in str(summary)


def test_bytes_in_articles_out() -> None:
    pairs = [(f"wire/{number}.txt", story(number).encode()) for number in range(3)]
    results = list(convert_batch(pairs))
    assert [result.source for result in results] == ["wire/0.txt", "wire/1.txt", "wire/2.txt"]
    assert [result.articles[0].headline for result in results] == [
        f"Harbour Board Story Number {number}" for number in range(3)
    ]
    assert all(result.outputs == () for result in results)


def test_bytes_named_outside_the_output_folder_stay_inside_it(tmp_path: Path) -> None:
    pairs = [("../../escape.txt", story(1).encode()), ("/abs/olute.txt", story(2).encode())]
    results = list(convert_batch(pairs, f"{tmp_path / 'out'}/", to="json"))
    assert all(result.status == "converted" for result in results)
    assert sorted(outputs(tmp_path / "out")) == ["abs/olute.json", "escape.json"]
    assert not (tmp_path.parent / "escape.json").exists()


def test_one_output_file_holds_every_article_in_input_order(tmp_path: Path) -> None:
    make_stories(tmp_path / "in", 5)
    results = list(convert_batch([tmp_path / "in"], tmp_path / "all.jsonl"))
    assert all(result.status == "converted" for result in results)
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["headline"] for line in lines] == [
        f"Harbour Board Story Number {number}" for number in range(1, 6)
    ]


def test_usage_errors_raise_before_anything_runs(tmp_path: Path) -> None:
    from articlekit.errors import UsageError

    with pytest.raises(UsageError, match="unknown writer format 'pdf'"):
        convert_batch([tmp_path], tmp_path / "out/", to="pdf")
    with pytest.raises(UsageError, match=r"^jobs takes"):  # (the library's name for it)
        convert_batch([tmp_path], jobs=0)
    with pytest.raises(UsageError, match="unknown option"):
        convert_batch([tmp_path], options={"no-such-option": "1"})


# --- resuming ---------------------------------------------------------------------------------


def test_a_rerun_skips_what_is_up_to_date_and_redoes_what_changed(tmp_path: Path) -> None:
    paths = make_stories(tmp_path / "in", 4)
    out = tmp_path / "out"
    out.mkdir()
    first = [result.status for result in convert_batch([tmp_path / "in"], out)]
    assert first == ["converted"] * 4
    assert [result.status for result in convert_batch([tmp_path / "in"], out)] == ["up-to-date"] * 4
    paths[1].write_text(story(2, " and a new sentence"), encoding="utf-8")  # changed
    (out / "story-00003.json").unlink()  # an output removed
    os.utime(paths[3], ns=(1, 1))  # touched only: same bytes, other time
    statuses = [result.status for result in convert_batch([tmp_path / "in"], out)]
    assert statuses == ["up-to-date", "converted", "converted", "up-to-date"]
    assert b"a new sentence" in (out / "story-00002.json").read_bytes()
    forced = [result.status for result in convert_batch([tmp_path / "in"], out, force=True)]
    assert forced == ["converted"] * 4


def test_inputs_that_would_share_an_output_name_each_get_their_own(tmp_path: Path) -> None:
    """An output is named after its input without the extension; where an earlier input of its
    folder took that name, with it; an archive's further articles are numbered. A rerun finds
    each output again under its name."""
    desk, other = tmp_path / "in" / "desk", tmp_path / "in" / "other"
    desk.mkdir(parents=True)
    other.mkdir()
    records = [
        json.dumps(
            next(iter(convert_batch([(f"s{n}.txt", story(n).encode())])))
            .articles[0]
            .model_dump(mode="json", exclude_none=True)
        )
        for n in (1, 2)
    ]
    (desk / "two.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    (desk / "two.txt").write_text(story(3), encoding="utf-8")
    (desk / "two.txt.txt").write_text(story(4), encoding="utf-8")
    (other / "two.txt").write_text(story(5), encoding="utf-8")
    out = tmp_path / "out"
    expected = {
        "desk/two.json": "Number 1",
        "desk/two-2.json": "Number 2",
        "desk/two.txt.json": "Number 3",
        "desk/two.txt.txt.json": "Number 4",
        "other/two.json": "Number 5",
    }
    first = list(convert_batch([tmp_path / "in"], f"{out}/"))
    assert [result.status for result in first] == ["converted"] * 5
    written = outputs(out)
    assert sorted(written) == sorted(expected)
    for name, headline in expected.items():
        assert f"Harbour Board Story {headline}".encode() in written[name], name
    again = list(convert_batch([tmp_path / "in"], f"{out}/"))
    assert [result.status for result in again] == ["up-to-date"] * 5
    assert [result.outputs for result in again] == [result.outputs for result in first]
    assert outputs(out) == written


def test_archives_are_told_from_other_files_by_their_ending_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A rerun asks no reader about a file whose name cannot be an archive's (the shortcut
    agrees with asking); with a format given or third-party readers installed it asks."""
    from articlekit import registry
    from articlekit.batch.engine import _archive_endings, _splitter_for

    endings = _archive_endings(None)
    assert endings
    extensions = [
        ext for info in registry.builtin_formats("reader").values() for ext in info.extensions
    ]
    names = [f"{stem}{ext}" for ext in extensions for stem in ("story", "STORY.TXT", "a.jsonl/x")]
    names += [name.upper() for name in names] + ["story", ".jsonl", "story.jsonl.txt"]
    for name in names:
        if not name.lower().endswith(endings):
            assert _splitter_for(None, name) is None, name
    assert any(_splitter_for(None, name) is not None for name in names)
    assert _archive_endings("jsonl") is None
    monkeypatch.setattr(registry, "plugin_formats", lambda kind: {"akpage": None})
    assert _archive_endings(None) is None


def test_a_folder_larger_than_one_read_and_an_older_manifest_still_resume(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from articlekit.batch import manifest

    monkeypatch.setattr(manifest, "FOLDER_ROWS", 2)  # 5 stories: looked up one by one
    make_stories(tmp_path / "in", 5)
    out = tmp_path / "out"
    out.mkdir()
    assert {result.status for result in convert_batch([tmp_path / "in"], out)} == {"converted"}
    assert [result.status for result in convert_batch([tmp_path / "in"], out)] == ["up-to-date"] * 5
    with sqlite3.connect(out / ".articlekit" / "manifest.sqlite") as connection:
        connection.execute("PRAGMA user_version = 0")  # a layout this version does not know
    connection.close()
    again = list(convert_batch([tmp_path / "in"], out))  # records dropped: the same bytes again
    assert [result.status for result in again] == ["converted"] * 5
    assert [result.status for result in convert_batch([tmp_path / "in"], out)] == ["up-to-date"] * 5


@pytest.mark.skipif(sys.platform != "linux", reason="a file name that is not UTF-8: Linux only")
def test_a_file_name_that_is_not_utf_8_converts_reports_and_resumes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    make_stories(folder, 1)
    name = os.fsdecode(b"caf\xe9.txt")  # (Python decodes the byte as a lone surrogate)
    (folder / name).write_text(story(9), encoding="utf-8")
    out, report = f"{tmp_path / 'out'}/", tmp_path / "report.jsonl"
    first = run_cli("convert", str(folder), "-o", out, "--report", str(report))
    assert first.code == 0, first.stderr
    assert os.fsencode(tmp_path / "out" / "caf") + b"\xe9.json" in [
        os.fsencode(path) for path in (tmp_path / "out").iterdir()
    ]
    from urllib.parse import unquote_to_bytes

    # UTF-8 JSON any reader takes (no lone surrogate, escaped or not), the name readable with
    # U+FFFD for the byte, and its bytes beside it, percent-encoded
    lines = report.read_bytes().decode("utf-8").splitlines()
    listed = json.loads(lines[0])
    assert "\\ud" not in lines[0] and listed["source"].endswith("caf\ufffd.txt")
    assert unquote_to_bytes(listed["source_bytes"]).endswith(b"/in/caf\xe9.txt")
    assert unquote_to_bytes(listed["outputs_bytes"][0]).endswith(b"/out/caf\xe9.json")
    assert "source_bytes" not in json.loads(lines[1])  # (a UTF-8 name has none)
    again = run_cli("convert", str(folder), "-o", out)
    assert again.code == 0 and "0 converted, 2 up to date" in again.stderr
    lines_out = tmp_path / "all.jsonl"
    assert run_cli("convert", str(folder), "-o", str(lines_out)).code == 0
    assert len([json.loads(line) for line in lines_out.read_bytes().splitlines()]) == 2
    assert "2 up to date" in run_cli("convert", str(folder), "-o", str(lines_out)).stderr
    (folder / name).write_bytes(b"")  # an error names the file in printable form
    failed = run_cli("convert", str(folder), "-o", out)
    assert failed.code == 1 and "Traceback" not in failed.stderr
    assert "caf\\udce9.txt: empty file" in failed.stderr


def test_a_record_that_fails_leaves_no_transaction_open(tmp_path: Path) -> None:
    from articlekit.batch.manifest import Manifest
    from articlekit.batch.results import Record

    (tmp_path / ".articlekit").mkdir()
    manifest = Manifest(str(tmp_path))
    good = ("/in/a.txt", "print", Record(1, 1, "digest", ()))
    with pytest.raises(OverflowError):  # a value SQLite cannot take (not an sqlite3.Error)
        manifest.add([good, ("/in/b.txt", "print", Record(2**64, 1, "digest", ()))])
    manifest.add([good])  # a new transaction begins: the failed one was rolled back
    manifest.vouch()
    manifest.close()
    assert Manifest(str(tmp_path)).lookup("/in/a.txt") == ("print", Record(1, 1, "digest", ()))


def test_changed_configuration_settings_convert_again_as_changed_options_do(
    tmp_path: Path,
) -> None:
    project = tmp_path / "feed"
    project.mkdir()
    source = shared_path("corpus", "nitf", "ntb-nitf-sample.xml")  # a time without a zone
    (project / "story.nitf.xml").write_bytes(source.read_bytes())
    make_stories(project, 1)  # (an output file of one input keeps no record: two)
    settings = project / "pyproject.toml"
    out, lines = tmp_path / "out", tmp_path / "all.jsonl"
    for zone, offset in (("Europe/Oslo", b"+02:00"), ("Asia/Tokyo", b"+09:00")):
        settings.write_text(f'[tool.articlekit]\ntimezone = "{zone}"\n', encoding="utf-8")
        for output in (f"{out}/", str(lines)):
            run = run_cli("convert", str(project), "-o", output)
            assert run.code == 0 and "2 converted, 0 up to date" in run.stderr, run.stderr
            again = run_cli("convert", str(project), "-o", output)
            assert "0 converted, 2 up to date" in again.stderr, again.stderr
        assert b"2021-05-16T09:00:04" + offset in (out / "story.json").read_bytes()
        assert b"2021-05-16T09:00:04" + offset in lines.read_bytes()


def test_installing_the_html_extra_makes_web_pages_convert_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A web page is read otherwise with the articlekit[html] extra: a folder made before it was
    installed is not up to date after it; a run that reads another format only stays so."""
    pytest.importorskip("trafilatura", reason="the articlekit[html] extra is needed")
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "quay.html").write_text(
        "<!doctype html><html><head><title>Quay reopens</title></head><body><article>"
        "<h1>Quay reopens</h1><p>The quay at Osterby reopened on Monday after repairs.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    make_stories(tmp_path / "stories", 1)
    runs = [(False, "converted", "converted"), (True, "converted", "up-to-date")]
    for installed, page_status, story_status in [*runs, (True, "up-to-date", "up-to-date")]:
        with monkeypatch.context() as patched:
            if not installed:  # (found as not installed, as importlib finds a blocked module)
                patched.setitem(sys.modules, "trafilatura", None)
            page = convert_batch([pages], f"{tmp_path}/out/", jobs=1)
            story = convert_batch([tmp_path / "stories"], f"{tmp_path}/out2/", source_format="text")
            assert [result.status for result in page] == [page_status]
            assert [result.status for result in story] == [story_status]


def test_other_options_replace_our_own_outputs_but_never_a_users_file(tmp_path: Path) -> None:
    make_stories(tmp_path / "in", 2)
    out = tmp_path / "out"
    out.mkdir()
    list(convert_batch([tmp_path / "in"], out, to="newsml"))
    before = (out / "story-00001.newsml.xml").read_bytes()
    (out / "story-00002.newsml.xml").write_text("edited by hand", encoding="utf-8")
    results = list(convert_batch([tmp_path / "in"], out, to="newsml", options={"body": "nitf"}))
    assert results[0].status == "converted"  # ours, unchanged since: replaced
    assert (out / "story-00001.newsml.xml").read_bytes() != before
    assert results[1].status == "failed"  # edited by someone: kept
    assert results[1].error is not None  # (in the library's words: the CLI says --force)
    message = (
        "output exists and changed since articlekit wrote it (its size or time); use force=True"
        " to replace it"
    )
    assert message in str(results[1].error)
    assert (out / "story-00002.newsml.xml").read_text(encoding="utf-8") == "edited by hand"


def test_an_output_file_rerun_is_a_no_op_until_an_input_changes(tmp_path: Path) -> None:
    paths = make_stories(tmp_path / "in", 3)
    out = tmp_path / "all.jsonl"
    first = list(convert_batch([tmp_path / "in"], out))
    assert [result.outputs for result in first] == [(str(out),)] * 3
    written = out.stat().st_mtime_ns
    statuses = [result.status for result in convert_batch([tmp_path / "in"], out)]
    assert statuses == ["up-to-date"] * 3
    assert out.stat().st_mtime_ns == written
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        ".all.jsonl.articlekit.json",
        "all.jsonl",
        "in",
    ]  # no temporary file left
    paths[0].write_text(story(1, " again"), encoding="utf-8")
    assert [result.status for result in convert_batch([tmp_path / "in"], out)] == ["converted"] * 3
    assert b" again" in out.read_bytes()


def test_an_output_file_inside_its_input_folder_is_up_to_date_on_the_second_run(
    tmp_path: Path,
) -> None:
    """The output file a first run wrote into the folder it converts is left out of the second
    run's inputs (a note says so), and changes nothing: the second run is a no-op, not the
    third."""
    make_stories(tmp_path / "in", 2)
    out = tmp_path / "in" / "all.jsonl"
    first = [result.status for result in convert_batch([tmp_path / "in"], out)]
    assert first == ["converted"] * 2
    written = out.read_bytes()
    second = [result.status for result in convert_batch([tmp_path / "in"], out)]
    assert sorted(second) == ["noted", "up-to-date", "up-to-date"]
    assert out.read_bytes() == written


def test_a_batch_stopped_before_its_output_file_was_written_says_so(tmp_path: Path) -> None:
    """Closed (or interrupted) before its end, a run into one file writes nothing of it (the
    file is written whole): its summary says so, not only how many it converted."""
    make_stories(tmp_path / "in", 3)
    out = tmp_path / "all.jsonl"
    batch = convert_batch([tmp_path / "in"], out)
    assert next(batch).status == "converted"
    batch.close()
    assert not out.exists()
    assert batch.summary.unwritten and batch.summary.as_json()["unwritten"] is True
    assert str(batch.summary).startswith("interrupted, the output file not written")


ABANDONED = (
    "import sys\n"
    "from articlekit.batch import convert_batch\n"
    "batch = convert_batch([sys.argv[1]], sys.argv[2], jobs=2)\n"
    "print(next(iter(batch)).status)\n"
)
"""A notebook's way: the first result of a batch, and the batch left as it is."""


RUNNING_IN_A_THREAD = (
    "import sys, threading, time\n"
    "from articlekit.batch import convert_batch\n"
    "batch = convert_batch([sys.argv[1]], sys.argv[2])\n"
    "threading.Thread(target=lambda: [None for _ in batch], daemon=True).start()\n"
    "time.sleep(0.5)\n"
)
"""A batch a daemon thread is still running when the interpreter exits."""


def test_a_batch_running_in_a_thread_at_exit_is_left_to_it(tmp_path: Path) -> None:
    """Closing it at the exit raised "generator already executing" (printed as an exception
    ignored in an atexit callback)."""
    make_stories(tmp_path / "in", 2000, sub=100)
    left = subprocess.run(
        [sys.executable, "-c", RUNNING_IN_A_THREAD, str(tmp_path / "in"), f"{tmp_path / 'out'}/"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert left.returncode == 0 and "Exception ignored" not in left.stderr, left.stderr


def test_a_batch_left_unfinished_stops_at_exit_and_records_its_work(tmp_path: Path) -> None:
    """A batch left unfinished was closed only when the interpreter's teardown collected it: a
    traceback ("sys.meta_path is None") and none of its finished work recorded."""
    make_stories(tmp_path / "in", 300, sub=100)
    out = tmp_path / "out"
    left = subprocess.run(
        [sys.executable, "-c", ABANDONED, str(tmp_path / "in"), f"{out}/"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert left.returncode == 0 and left.stdout == "converted\n", left.stderr
    assert "Traceback" not in left.stderr and "Exception ignored" not in left.stderr
    assert not temporaries(out)
    finished = recorded(out)
    assert finished == len(outputs(out)) > 0
    resumed = run_cli("convert", str(tmp_path / "in"), "-o", f"{out}/")
    done = re.search(r"([\d,]+) converted, ([\d,]+) up to date", resumed.stderr)
    assert done is not None and int(done[2]) == finished, resumed.stderr
    assert int(done[1]) + int(done[2]) == 300


def test_a_saved_page_s_folder_of_pictures_and_frames_is_left_out_and_said(
    tmp_path: Path,
) -> None:
    """A browser saves a page "complete" as ``NAME.html`` and a ``NAME_files`` folder of its
    pictures, scripts and frames (ads, newsletter boxes): converting the folder of saved pages
    converts the pages, not their frames, and says what it left out; named, the folder is read."""
    pages = tmp_path / "pages"
    (pages / "quay_files").mkdir(parents=True)
    (pages / "quay.html").write_text(
        "<!doctype html><html lang='en'><head><title>Quay reopens</title></head><body><article>"
        "<h1>Quay reopens</h1><p>The north quay opened again on Monday after repairs.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    (pages / "quay_files" / "ad-frame.html").write_text(
        "<!doctype html><html><head><title>Subscribe</title></head><body><main><h1>Subscribe"
        "</h1><p>Get the newsletter every morning.</p></main></body></html>",
        encoding="utf-8",
    )
    (pages / "Ferry.HTML").write_bytes((pages / "quay.html").read_bytes())
    (pages / "ferry_files").mkdir()  # (a page's name in any case)
    (pages / "ferry_files" / "frame.html").write_bytes((pages / "quay.html").read_bytes())
    (pages / "notes_files").mkdir()  # (no page of that name beside it: an ordinary folder)
    (pages / "notes_files" / "tide.txt").write_text(story(1), encoding="utf-8")
    run = run_cli("convert", str(pages), "-o", f"{tmp_path / 'out'}/")
    assert run.code == 0, run.stderr
    assert sorted(outputs(tmp_path / "out")) == ["Ferry.json", "notes_files/tide.json", "quay.json"]
    said = "left out 2 folders of a saved page's pictures and frames (NAME_files beside NAME.html)"
    assert f"{pages}{os.sep}: input-files-skipped {said}" in run.stderr
    named = run_cli("convert", str(pages / "quay_files"), "-o", f"{tmp_path / 'frames'}/")
    assert named.code == 0 and list(outputs(tmp_path / "frames")) == ["ad-frame.json"]


def test_an_up_to_date_output_file_gives_its_inputs_from_one_listing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rerun into an output file that is up to date lists its inputs once (for the check) and
    gives their results from that listing; beyond REPLAYED_INPUTS it lists them again. Both give
    the same results: stories, an archive's records (its broken line too), in order."""
    from articlekit.batch import engine

    make_stories(tmp_path / "in", 3)
    lines = [
        run_cli("convert", "-", "--to", "jsonl", "-q", stdin=story(number).encode()).stdout
        for number in (7, 8)
    ]
    (tmp_path / "in" / "archive.jsonl").write_bytes(lines[0] + b'{"broken": \n' + lines[1])
    out = tmp_path / "all.jsonl"
    list(convert_batch([tmp_path / "in"], out))
    listings = []
    expand = engine.expand
    monkeypatch.setattr(engine, "expand", lambda *a, **k: listings.append(a) or expand(*a, **k))

    def rerun() -> list[tuple[object, ...]]:
        return [
            (result.source, result.status, result.outputs, result.line, result.warnings)
            for result in convert_batch([tmp_path / "in"], out)
        ]

    once = rerun()
    assert len(listings) == 1
    assert [(Path(source).name, status, line) for source, status, _, line, _ in once] == [
        ("archive.jsonl", "up-to-date", 1),
        ("archive.jsonl", "skipped", 2),  # (as the first run skipped it)
        ("archive.jsonl", "up-to-date", 3),
        ("story-00001.txt", "up-to-date", None),
        ("story-00002.txt", "up-to-date", None),
        ("story-00003.txt", "up-to-date", None),
    ]
    monkeypatch.setattr(engine, "REPLAYED_INPUTS", 2)  # (the six results: listed again)
    assert rerun() == once
    assert len(listings) == 3


def test_an_output_name_drops_a_format_extension_of_two_parts_whole(tmp_path: Path) -> None:
    """``story.ninjs.json`` converted to JSON is ``story.json``: ``story.ninjs.json`` would hold
    canonical JSON under the name of ninjs; an extension of two parts no reader claims stays."""
    folder = tmp_path / "in"
    folder.mkdir()
    for number, (name, format) in enumerate(
        [("quay.ninjs.json", "ninjs"), ("slip.NITF.xml", "nitf"), ("berth.v2.json", "json")]
    ):
        written = convert(story(number).encode(), from_format="text", to_format=format)
        (folder / name).write_bytes(written.value)
    (folder / "quay.txt").write_text(story(7), encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("convert", str(folder), "--to", "json", "-q", "-o", f"{out}/").code == 0
    assert sorted(outputs(out)) == ["berth.v2.json", "quay.json", "quay.txt.json", "slip.json"]
    ninjs = run_cli("convert", str(folder / "quay.ninjs.json"), "-q", "-o", f"{tmp_path / 'nj'}/")
    assert ninjs.code == 0
    assert sorted(outputs(tmp_path / "nj")) == ["quay.json"]  # (was quay.ninjs.json)


@given(st.text(st.sampled_from(".a.b\\ é"), max_size=8))
@example("..x")
@example(".profile")
@example("story.txt")
@example("a.")
def test_an_output_stem_is_splitext_s(name: str) -> None:
    from articlekit.batch.engine import _stem

    assert _stem(name) == (os.path.splitext(name)[0] or name)


def test_the_same_output_again_is_not_a_conflict(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_text(story(1), encoding="utf-8")
    assert run_cli("convert", str(source), "-o", str(tmp_path / "story.json"), "-q").code == 0
    again = run_cli("convert", str(source), "-o", str(tmp_path / "story.json"), "-q")
    assert again.code == 0 and again.stderr == ""


CLI = [sys.executable, "-m", "articlekit"]


def recorded(folder: Path) -> int:
    """How many inputs the manifest of an output folder records (vouched for or not)."""
    path = folder / ".articlekit" / "manifest.sqlite"
    if not path.exists():
        return 0
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    try:
        return int(connection.execute("SELECT count(*) FROM inputs").fetchone()[0])
    except sqlite3.OperationalError:  # the run creates its tables
        return 0
    finally:
        connection.close()


@pytest.mark.parametrize("kill", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_a_killed_run_resumes_to_the_files_of_an_uninterrupted_one(
    tmp_path: Path, kill: signal.Signals
) -> None:
    make_stories(tmp_path / "in", 1200, sub=200)
    reference = tmp_path / "reference"
    assert (
        run_cli("convert", str(tmp_path / "in"), "-o", f"{reference}/", "-q", "-j", "1").code == 0
    )
    out = tmp_path / "out"
    report = tmp_path / "report.jsonl"
    process = subprocess.Popen(
        [*CLI, "convert", str(tmp_path / "in"), "-o", f"{out}/", "-j", "2", "-q", "--report",
         str(report)],
        stderr=subprocess.PIPE, text=True, preexec_fn=interruptible,  # noqa: PLW1509 (no threads here)
    )  # fmt: skip
    deadline = time.monotonic() + 60
    # a clean stop records what it finished; a SIGKILL only what was recorded before it
    while not (len(list(out.rglob("*.json"))) >= 150 and (kill != signal.SIGKILL or recorded(out))):
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.02)
    process.send_signal(kill)
    _, stderr = process.communicate(timeout=120)
    if kill == signal.SIGKILL:
        assert process.returncode == -signal.SIGKILL
    else:  # stops cleanly: work in flight finishes, the summary says so
        assert process.returncode == 128 + kill, stderr
        assert "interrupted:" in stderr and "Traceback" not in stderr
        assert not temporaries(out)
        # what the workers finished after the signal is counted and recorded too
        done = re.search(r"interrupted: ([\d,]+) converted", stderr)
        assert done is not None and int(done[1].replace(",", "")) == len(outputs(out)), stderr
        assert recorded(out) == len(outputs(out))
        results, summary = report_of(report)  # (and each is reported)
        assert sum(result["status"] == "converted" for result in results) == len(outputs(out))
        assert summary["interrupted"] is True
        # so an input changed since is converted again, not refused as a stranger's file
        changed = sorted((tmp_path / "in").rglob("*.txt"))[0]
        changed.write_text(story(1, " after the stop"), encoding="utf-8")
    assert len(outputs(out)) < 1200
    resumed = run_cli("convert", str(tmp_path / "in"), "-o", f"{out}/", "-j", "2")
    assert resumed.code == 0, resumed.stderr
    summary = re.search(r"([\d,]+) converted, ([\d,]+) up to date", resumed.stderr)
    assert summary is not None, resumed.stderr
    assert int(summary[2].replace(",", "")) > 0, resumed.stderr  # what was done is not redone
    if kill != signal.SIGKILL:  # (the reference made again, of the changed input too)
        assert run_cli("convert", str(tmp_path / "in"), "-o", f"{reference}/", "-q").code == 0
    assert outputs(out) == outputs(reference)
    assert not temporaries(out)
    again = run_cli("convert", str(tmp_path / "in"), "-o", f"{out}/")
    assert "0 converted, 1,200 up to date" in again.stderr


SECOND_CTRL_C = (
    "import os, signal, sys\n"
    "from articlekit import cli\n"
    "from articlekit.batch import executors\n"
    "close = executors.Pool.close\n"
    "def close_after_a_second_ctrl_c(self, cancel):\n"
    "    os.kill(os.getpid(), signal.SIGINT)\n"
    "    close(self, cancel)\n"
    "executors.Pool.close = close_after_a_second_ctrl_c\n"
    "sys.argv[0] = 'articlekit'; cli.run()"
)
"""The command, with a second Ctrl-C as it stops its worker processes (after the first)."""


def test_a_second_ctrl_c_as_the_workers_stop_still_stops_cleanly(tmp_path: Path) -> None:
    """The second Ctrl-C broke off the workers' shutdown: the command printed its summary, then
    hung at its exit waiting for workers never told to end; the summary had no time, and the
    record missed what the workers had finished."""
    make_stories(tmp_path / "in", 400, sub=100)
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-c", SECOND_CTRL_C, "convert", str(tmp_path / "in"), "-o", f"{out}/",
         "-j", "2"],
        stderr=subprocess.PIPE, text=True, preexec_fn=interruptible,  # noqa: PLW1509 (no threads here)
    )  # fmt: skip
    while len(list(out.rglob("*.json"))) < 40:
        assert process.poll() is None
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    try:
        _, stderr = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    assert process.returncode == 128 + signal.SIGINT, stderr
    assert "Traceback" not in stderr
    done = re.search(r"interrupted: ([\d,]+) converted", stderr)
    assert done is not None, stderr
    converted = int(done[1].replace(",", ""))
    assert converted == len(outputs(out)) == recorded(out) < 400
    assert not temporaries(out)
    resumed = run_cli("convert", str(tmp_path / "in"), "-o", f"{out}/", "-j", "2")
    assert resumed.code == 0, resumed.stderr
    assert f"{400 - converted} converted, {converted} up to date" in resumed.stderr
    assert len(outputs(out)) == 400 and not temporaries(out)


# --- two runs into one folder (issue 12) --------------------------------------------------------


def test_two_concurrent_runs_into_one_folder_clobber_nothing(tmp_path: Path) -> None:
    first, second = tmp_path / "A", tmp_path / "B"
    for folder, words in ((first, " said A"), (second, " said B")):
        folder.mkdir()
        for number in range(300):
            # names 100-199 are in both folders, with different stories
            name = number if folder == first else number + 100
            (folder / f"s{name:04d}.txt").write_text(story(name, words), encoding="utf-8")
    out = tmp_path / "out"
    runs = [
        subprocess.Popen(
            [
                *CLI,
                "convert",
                str(folder),
                "-o",
                f"{out}/",
                "-q",
                "--report",
                str(tmp_path / f"{folder.name}.jsonl"),
            ],
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in (first, second)
    ]
    errors = [run.communicate(timeout=300)[1] for run in runs]
    reports = {name: report_of(tmp_path / f"{name}.jsonl")[0] for name in ("A", "B")}
    converted = {
        name: {
            Path(result["outputs"][0]).name for result in report if result["status"] == "converted"
        }
        for name, report in reports.items()
    }
    lost = {
        name: [result for result in report if result["status"] == "failed"]
        for name, report in reports.items()
    }
    contested = {f"s{number:04d}.json" for number in range(100, 300)}
    assert not converted["A"] & converted["B"]  # no output written by both
    assert converted["A"] | converted["B"] == {f"s{number:04d}.json" for number in range(400)}
    for name in ("A", "B"):
        assert len(converted[name]) + len(lost[name]) == 300  # every input accounted for
        for result in lost[name]:  # and every loss said why
            assert "output exists; use --force" in result["error"]["message"]
            assert Path(result["error"]["path"]).name in contested
        assert ("output exists" in errors[name == "B"]) == bool(lost[name])
    for name, data in outputs(out).items():
        number = int(name[1:5])
        writer = "A" if name in converted["A"] else "B"
        assert f"said {writer}".encode() in data
        assert f'"headline": "Harbour Board Story Number {number}"'.encode() in data
    assert not temporaries(out)


# --- what folders give as input (issue 12) -------------------------------------------------------


@pytest.mark.parametrize("damage", ["not a database", "pages cut off", "pages overwritten"])
def test_a_damaged_record_of_an_output_folder_is_set_aside(tmp_path: Path, damage: str) -> None:
    """A damaged record of earlier runs (a disk fault, a copy cut short) does not block the
    folder for good (--force too, before): it is moved aside, said, and a new one started;
    the outputs still up to date are found by their bytes."""
    make_stories(tmp_path / "in", 40)
    out = tmp_path / "out"
    assert run_cli("convert", str(tmp_path / "in"), "-o", f"{out}/", "-q").code == 0
    record = out / ".articlekit" / "manifest.sqlite"
    data = record.read_bytes()
    assert len(data) > 8192
    if damage == "not a database":
        data = b"not a database, half a page of something else"
    elif damage == "pages cut off":
        data = data[:8192]
    else:
        data = data[:4096] + bytes(range(256)) * ((len(data) - 4096) // 256 + 1)
    record.write_bytes(data)
    for extra in ([], ["--force"]):
        done = run_cli("convert", str(tmp_path / "in"), "-o", f"{out}/", *extra)
        assert done.code == 0 and "Traceback" not in done.stderr, done.stderr
        if not extra:
            assert f"{out}/: manifest-damaged the record of earlier runs" in done.stderr
            assert "40 converted, 0 up to date, 0 failed" in done.stderr  # (found by bytes)
            [aside] = (out / ".articlekit").glob("manifest.sqlite.damaged-*")
            assert aside.read_bytes() == data
            assert f"moved to {out}/.articlekit/{aside.name}," in done.stderr
    assert "manifest-damaged" not in done.stderr  # (the new record is sound)


def test_links_out_of_an_input_folder_are_skipped_with_a_warning(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(story(99, " outside the folder"), encoding="utf-8")
    folder = tmp_path / "in"
    make_stories(folder, 1)
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "inside.txt").symlink_to(folder / "story-00001.txt")
    (folder / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "elsewhere").symlink_to(tmp_path)
    out = tmp_path / "out"
    done = run_cli("convert", str(folder), "-o", f"{out}/")
    assert done.code == 1  # the dangling link
    assert f"error: {folder / 'loop.txt'}: a link loop (to loop.txt)" in done.stderr
    assert (
        f"{folder / 'passwd.txt'}:1:1: input-link-skipped a link to {secret}, outside"
        in done.stderr
    )
    assert f"{folder / 'elsewhere'}:1:1: input-link-skipped a link to a folder" in done.stderr
    assert f"error: {folder / 'dangling.txt'}: dangling link" in done.stderr
    assert sorted(outputs(out)) == ["inside.json", "story-00001.json"]
    assert b"outside the folder" not in b"".join(outputs(out).values())
    followed = run_cli("convert", str(folder), "-o", f"{tmp_path / 'all'}/", "--follow-links", "-q")
    assert "passwd.json" in outputs(tmp_path / "all")
    assert "elsewhere/secret.json" in outputs(tmp_path / "all")
    assert followed.code == 1  # still the dangling link
    given = run_cli("convert", str(folder / "passwd.txt"), "-q")  # named: read wherever it is
    assert given.code == 0 and b"outside the folder" in given.stdout


def test_a_finished_folder_run_leaves_no_empty_temporary_folder(tmp_path: Path) -> None:
    """An empty OUT/.articlekit/tmp was left after every run; one that holds a running run's
    file is kept for it."""
    from articlekit import _io

    make_stories(tmp_path / "in", 2)
    out = tmp_path / "out"
    state = out / ".articlekit"
    for _ in range(2):  # (the second replaces its outputs: their temporary files go there)
        results = list(convert_batch(str(tmp_path / "in"), f"{out}/", force=True))
        assert [result.status for result in results] == ["converted", "converted"]
        assert "tmp" not in os.listdir(state)
    (state / "tmp").mkdir()
    running = Path(_io.temporary_name(str(state / "tmp"), "story.json"))  # (this process's)
    running.write_bytes(b"")
    list(convert_batch(str(tmp_path / "in"), f"{out}/", force=True))
    assert os.listdir(state / "tmp") == [running.name]


def test_a_folder_of_links_alone_says_they_were_left_out(tmp_path: Path) -> None:
    """ "holds no files" would send a user looking for files that are there, behind links."""
    make_stories(tmp_path / "real", 2)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "stories").symlink_to(tmp_path / "real")
    (folder / "one.txt").symlink_to(tmp_path / "real" / "story-00001.txt")
    done = run_cli("convert", str(folder), "-o", f"{tmp_path / 'out'}/")
    assert done.code == 1
    assert (
        f"error: {folder}: nothing to convert: the folder holds no other files; left out 2 links"
        " (--follow-links follows them)"
    ) in done.stderr
    checked = run_cli("validate", str(folder))  # (validate follows no link: no option named)
    assert checked.code == 1 and (
        "nothing to validate: the folder holds no other files; left out 2 links\n" in checked.stderr
    )
    assert checked.stderr.count("(name it to check it)") == 2  # (each link said, as convert does)
    followed = run_cli("convert", str(folder), "-o", f"{tmp_path / 'out'}/", "--follow-links")
    assert followed.code == 0, followed.stderr
    assert sorted(outputs(tmp_path / "out")) == [
        "one.json", "stories/story-00001.json", "stories/story-00002.json"
    ]  # fmt: skip


def test_pipes_and_sockets_in_a_folder_are_errors_not_reads(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    make_stories(folder, 1)
    os.mkfifo(folder / "pipe.txt")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "socket.txt"))
    try:
        done = run_cli("convert", str(folder), "-o", f"{tmp_path / 'out'}/")
    finally:
        server.close()
    assert done.code == 1
    assert f"{folder / 'pipe.txt'}: a named pipe, not a file; not read" in done.stderr
    assert f"{folder / 'socket.txt'}: a socket, not a file; not read" in done.stderr
    assert sorted(outputs(tmp_path / "out")) == ["story-00001.json"]


def test_an_output_folder_inside_the_input_folder_is_never_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    make_stories(folder, 3)
    for _ in range(2):
        done = run_cli("convert", str(folder), "-o", f"{folder / 'json'}/", "--force")
        assert done.code == 0, done.stderr
        assert "3 converted" in done.stderr
    assert sorted(outputs(folder / "json")) == [f"story-0000{number}.json" for number in (1, 2, 3)]
    into_itself = run_cli(
        "convert", str(folder / "json"), "-o", f"{folder / 'json'}/", "--to", "json"
    )
    assert into_itself.code == 1  # our own outputs are not inputs: nothing left to convert
    assert "nothing to convert" in into_itself.stderr


def test_an_output_file_inside_the_input_folder_is_never_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    make_stories(folder, 2)
    archive = folder / "all.jsonl"
    for _ in range(2):
        done = run_cli("convert", str(folder), "-o", str(archive), "--force", "-q")
        assert done.code == 0, done.stderr
    assert len(archive.read_text(encoding="utf-8").splitlines()) == 2


def test_what_earlier_runs_wrote_inside_an_input_folder_is_not_read_by_a_later_run(
    tmp_path: Path,
) -> None:
    """Told by their records: a sub-folder holding an output folder's manifest, a file beside
    its .NAME.articlekit.json. A folder named as input is read as it is, records or not."""
    folder = tmp_path / "in"
    make_stories(folder, 4, sub=2)  # story 1 in part-000, stories 2-3 in part-001, 4 in part-002
    earlier = {f"{folder / 'json'}/": "json", str(folder / "part-001" / "all.jsonl"): "jsonl"}
    for output, to in earlier.items():
        assert {result.status for result in convert_batch([str(folder)], output, to=to)} == {
            "converted"
        }
    assert (folder / "json" / ".articlekit" / "manifest.sqlite").is_file()
    later = list(convert_batch([str(folder)], f"{tmp_path / 'other'}/", to="json"))
    assert [(result.source, result.status) for result in later] == [
        *((str(path), "converted") for path in sorted(folder.rglob("story-*.txt"))),
        (str(folder), "noted"),  # (what was left out, said)
    ]
    [note] = later[-1].warnings  # (an output folder inside: said only when nothing is found)
    assert "sub-folder" not in note.message
    assert "left out 1 file an earlier articlekit run wrote" in note.message
    again = list(convert_batch([str(folder / "json")], f"{tmp_path / 'again'}/", to="ninjs"))
    assert [result.status for result in again] == ["converted"] * 4


def test_one_output_file_that_cannot_be_put_in_place_fails_what_went_into_it(
    tmp_path: Path,
) -> None:
    """The file is placed when the run ends: the inputs were reported "converted" already, then
    an error alone, no summary, and --report said they were written."""
    make_stories(tmp_path / "in", 2)
    mine = tmp_path / "all.jsonl"
    mine.write_text("a user's own file\n", encoding="utf-8")
    batch = convert_batch([tmp_path / "in"], mine)
    results = list(batch)
    assert [result.status for result in results] == ["converted", "converted", "unwritten"]
    assert results[-1].source == str(mine) and not results[-1].ok
    assert results[-1].error is not None and "output exists" in results[-1].error.message
    assert (batch.summary.converted, batch.summary.failed) == (0, 2)
    report = tmp_path / "report.jsonl"
    done = run_cli("convert", str(tmp_path / "in"), "-o", str(mine), "--report", str(report))
    assert done.code == 1
    assert f"error: {mine}: output exists; use --force to replace it" in done.stderr
    assert done.stderr.splitlines()[-1].startswith("articlekit: 0 converted, 0 up to date, 2 fail")
    results, summary = report_of(report)
    assert (results[-1]["source"], results[-1]["status"]) == (str(mine), "unwritten")
    assert summary["failed"] == 2
    assert mine.read_text(encoding="utf-8") == "a user's own file\n"


@pytest.mark.parametrize("jobs", [1, 2])
def test_one_output_file_that_fails_while_written_ends_with_an_unwritten_result(
    tmp_path: Path, jobs: int
) -> None:
    """A full disk while the file is written: the run raised after results that said
    "converted", with no summary (and no --report line) saying they were lost."""
    if not os.path.exists("/dev/full"):
        pytest.skip("needs /dev/full (Linux), a device that is always full")
    make_stories(tmp_path / "in", 40)
    batch = convert_batch([tmp_path / "in"], "/dev/full", to="jsonl", jobs=jobs)
    results = list(batch)
    assert results[-1].status == "unwritten" and results[-1].source == "/dev/full"
    assert results[-1].error is not None and "No space left" in results[-1].error.message
    summary = batch.summary  # (the inputs it never converted: counted apart, each with a result)
    assert (summary.converted, summary.failed + summary.not_converted) == (0, len(results) - 1)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_full_disk_stops_a_run_into_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """Every input was still read and converted, each failing on the full disk in turn (a
    thousand errors for one cause); the run stops, and its summary says why."""
    import errno

    from articlekit import _io

    written = _io.AtomicFile.write
    calls = []

    class Full:
        """A file's stream on a full disk."""

        def __init__(self, stream: object) -> None:
            self.stream = stream

        def write(self, data: bytes) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def __getattr__(self, name: str) -> object:
            return getattr(self.stream, name)

    def filling(self: _io.AtomicFile, data: bytes) -> None:
        calls.append(self.path)
        if len(calls) > 3:
            self._stream = Full(self._stream)  # type: ignore[assignment]
        written(self, data)

    monkeypatch.setattr(_io.AtomicFile, "write", filling)
    if jobs == 2:  # (each worker process fills its own disk: every chunk it had stops at once)
        make_stories(tmp_path / "in", 300)
        batch = convert_batch([tmp_path / "in"], f"{tmp_path / 'out'}/", to="json", jobs=2)
        results = list(batch)
        summary = batch.summary
        assert summary.stopped == "the output's file system is full"
        assert len(results) == 300 and summary.converted == 6
        assert summary.failed <= 12 and summary.not_converted == 300 - 6 - summary.failed
        return
    make_stories(tmp_path / "in", 40)
    batch = convert_batch([tmp_path / "in"], f"{tmp_path / 'out'}/", to="json", jobs=1)
    results = list(batch)
    assert [result.status for result in results[:4]] == ["converted"] * 3 + ["failed"]
    assert results[3].error is not None and results[3].error.errno == errno.ENOSPC
    assert len(calls) < 40 and len(results) == 40  # (what it never tried: "not converted")
    summary = batch.summary
    assert summary.not_converted == 40 - len(calls) and summary.failed == len(calls) - 3
    assert {result.status for result in results[len(calls) :]} == {"not-converted"}
    assert summary.stopped == "the output's file system is full"
    assert str(batch.summary).startswith("stopped (the output's file system is full): 3 conv")
    assert batch.summary.as_json()["stopped"] == "the output's file system is full"


def test_a_record_on_a_full_disk_stops_the_run_with_its_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder's record is often what meets the full disk first: the run ended on its error,
    raised, with no summary of what it had converted and the results of its last chunks lost."""
    import sqlite3

    from articlekit.batch import manifest

    connect = manifest.Manifest._connect

    class Full:
        def __init__(self, connection: sqlite3.Connection) -> None:
            self.connection = connection

        def executemany(self, *args: object) -> None:
            error = sqlite3.OperationalError("database or disk is full")
            error.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]
            raise error

        def __getattr__(self, name: str) -> object:
            return getattr(self.connection, name)

    monkeypatch.setattr(
        manifest.Manifest, "_connect", lambda self, create: Full(connect(self, create))
    )
    make_stories(tmp_path / "in", 3)
    batch = convert_batch([tmp_path / "in"], f"{tmp_path / 'out'}/", to="json", jobs=1)
    assert [result.status for result in batch] == ["converted"] * 3
    assert batch.summary.stopped == "the output's file system is full"
    monkeypatch.undo()  # (space again: the rerun finds the outputs it wrote, as they are)
    again = list(convert_batch([tmp_path / "in"], f"{tmp_path / 'out'}/", to="json", jobs=1))
    assert [result.status for result in again] == ["converted"] * 3
    assert not [result for result in again if result.error is not None]


def test_a_record_that_cannot_be_written_beside_the_output_file_does_not_unwrite_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The output is in place when its record fails: an error of its own, not "unwritten"."""
    from articlekit.batch import engine
    from articlekit.errors import OutputError

    def full(output: str, *args: object) -> None:
        raise OutputError("No space left on device", path=f"{output}.record")

    monkeypatch.setattr(engine, "write_sidecar", full)
    make_stories(tmp_path / "in", 3)
    batch = convert_batch([tmp_path / "in"], tmp_path / "all.jsonl")
    with pytest.raises(OutputError, match="No space left"):
        list(batch)
    assert len((tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()) == 3
    assert batch.summary.converted == 3


def test_a_folder_with_nothing_to_convert_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in ("a.rtf", "b.rtf", "notes"):
        (folder / name).write_text(story(1), encoding="utf-8")
    done = run_cli("convert", str(folder), "--to", "json", "-o", f"{tmp_path / 'out'}/")
    assert done.code == 1
    assert (
        f"error: {folder}: nothing to convert: the folder holds 3 files whose extension no "
        "reader claims (.rtf: 2, (none): 1); --from FMT reads every file"
    ) in done.stderr
    forced = run_cli("convert", str(folder), "--from", "text", "-o", f"{tmp_path / 'out'}/", "-q")
    assert forced.code == 0, forced.stderr
    assert sorted(outputs(tmp_path / "out")) == ["a.json", "b.json", "notes.json"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "nothing to convert: the folder holds no files" in run_cli("convert", str(empty)).stderr
    (folder / "story.txt").write_text(story(2), encoding="utf-8")
    mixed = run_cli("convert", str(folder), "-o", f"{tmp_path / 'mixed'}/")
    assert mixed.code == 0
    assert (
        f"{folder}{os.sep}: input-files-skipped skipped 3 files whose extension no reader claims"
    ) in mixed.stderr  # (a folder has no line to point at: no ":1:1")


def test_files_an_earlier_run_wrote_in_a_folder_given_are_left_out_and_said(
    tmp_path: Path,
) -> None:
    """A file written by ``convert story.txt -o drafts/story.json`` (beside its hidden record)
    was passed over in silence: the summary counted nothing, validate said every file passed,
    and a folder holding only such files "held no files"."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (tmp_path / "story.txt").write_text(story(1), encoding="utf-8")
    assert (
        run_cli("convert", str(tmp_path / "story.txt"), "-o", str(drafts / "story.json")).code == 0
    )
    said = "left out 1 file an earlier articlekit run wrote (each beside its hidden"
    alone = run_cli("convert", str(drafts), "-o", f"{tmp_path / 'nitf'}/", "--to", "nitf")
    assert alone.code == 1
    assert f"error: {drafts}: nothing to convert: the folder holds no other files; {said}" in (
        alone.stderr
    )
    (drafts / "other.txt").write_text(story(2), encoding="utf-8")
    mixed = run_cli("convert", str(drafts), "-o", f"{tmp_path / 'nitf'}/", "--to", "nitf")
    assert mixed.code == 0 and f"{drafts}{os.sep}: input-files-skipped {said}" in mixed.stderr
    assert list(outputs(tmp_path / "nitf")) == ["other.nitf.xml"]
    checked = run_cli("validate", str(drafts))
    assert checked.code == 0 and said in checked.stderr
    named = run_cli(
        "convert", str(drafts / "story.json"), "-o", f"{tmp_path / 'nitf'}/", "--to", "nitf"
    )
    assert named.code == 0 and "story.nitf.xml" in outputs(tmp_path / "nitf")


def test_an_archive_on_standard_input_over_the_document_limit_converts_with_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A JSON Lines archive piped in (``zcat archive.jsonl.gz | articlekit convert - --from jsonl
    -j 2``) may be any size, as with one process: its records are split as they come, not read
    whole under the limit of one document (here lowered to 64 KiB)."""
    import io

    from articlekit import _io
    from articlekit.detect import HEAD_SIZE

    line = run_cli("convert", "-", "--to", "jsonl", "-q", stdin=story(1).encode()).stdout
    count = 2 * HEAD_SIZE // len(line) + 2
    archive = line * count
    monkeypatch.setattr(_io, "DEFAULT_MAX_BYTES", HEAD_SIZE)  # (no smaller: read to detect)
    outputs = []
    for jobs in (1, 2):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(archive)))
        out = tmp_path / f"out-{jobs}"
        results = list(convert_batch("-", f"{out}/", source_format="jsonl", to="json", jobs=jobs))
        assert {result.status for result in results} == {"converted"}, results[0].error
        outputs.append({path.name: path.read_bytes() for path in out.glob("*.json")})
    assert outputs[0] == outputs[1] and len(outputs[1]) == count


def test_max_bytes_applies_to_json_lines_too_and_names_the_limit_given(tmp_path: Path) -> None:
    archive = tmp_path / "archive.jsonl"
    line = run_cli("convert", "-", "--to", "jsonl", "-q", stdin=story(1).encode()).stdout
    archive.write_bytes(line * (120_000 // len(line) + 1))
    for output in ("-", f"{tmp_path / 'out'}/"):
        done = run_cli(
            "convert", str(archive), "--max-bytes", "100000", "-o", output, "--to", "jsonl", "-q"
        )
        assert done.code == 1
        assert f"{archive}: input is larger than the limit of 100000 bytes" in done.stderr
    big = tmp_path / "big.txt"
    big.write_text(story(1) * 500, encoding="utf-8")  # over 64 KiB: read in two steps
    refused = run_cli("convert", str(big), "--max-bytes", "100000")
    assert "input is larger than the limit of 100000 bytes" in refused.stderr


# --- messages and reporting ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("output", "fragment"),
    [
        ("/proc/x.json", "cannot create files in /proc: its file system takes no new files"),
        ("{file}/x.json", "{file} is not a folder"),
        ("{missing}/x.json", "the output folder does not exist"),
    ],
)
def test_an_output_that_cannot_be_created_says_why(
    tmp_path: Path, output: str, fragment: str
) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("x", encoding="utf-8")
    names = {"file": str(blocker), "missing": str(tmp_path / "missing")}
    done = run_cli("convert", "-", "-o", output.format(**names), "-q", stdin=story(1).encode())
    assert done.code == 1
    assert fragment.format(**names) in done.stderr
    assert len(done.stderr.splitlines()) == 1


def test_a_read_only_folder_says_permission_denied(tmp_path: Path) -> None:
    from articlekit import _io

    error = PermissionError(13, "Permission denied")
    assert (
        _io.cannot_create(error, str(tmp_path))
        == f"permission denied: cannot create files in {tmp_path}"
    )
    read_only = OSError(30, "Read-only file system")
    assert "read-only file system" in _io.cannot_create(read_only, str(tmp_path))


def test_a_pipe_closed_early_ends_quietly_like_other_unix_tools(tmp_path: Path) -> None:
    archive = tmp_path / "archive.jsonl"
    line = run_cli("convert", "-", "--to", "jsonl", "-q", stdin=story(1).encode()).stdout
    archive.write_bytes(line * 3000)
    command = f"{sys.executable} -m articlekit convert {archive} --to jsonl"
    pipeline = subprocess.run(
        ["bash", "-c", f"{command} | head -1 >/dev/null; echo ${{PIPESTATUS[0]}}"],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert pipeline.stderr == ""  # no traceback, no "Exception ignored"
    assert pipeline.stdout.strip() == str(128 + signal.SIGPIPE)  # as `yes | head -1` ends


def test_errors_are_capped_and_the_report_has_every_result(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    make_stories(folder, 2)
    for number in range(25):
        (folder / f"bad-{number:02d}.txt").write_bytes(b"")
    report = tmp_path / "report.jsonl"
    done = run_cli("convert", str(folder), "-o", f"{tmp_path / 'out'}/", "--report", str(report))
    assert done.code == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("articlekit: error:")]
    assert len(errors) == 21 and errors[-1] == "articlekit: error: … and 5 more errors not shown"
    assert done.stderr.splitlines()[-1].startswith(
        "articlekit: 2 converted, 0 up to date, 25 failed"
    )
    results, summary = report_of(report)  # (the summary: a whole run told from a cut-off one)
    assert len(results) == 27
    assert (summary["converted"], summary["failed"], summary["interrupted"]) == (2, 25, False)
    assert summary["stopped"] is None and summary["articles"] == 2
    assert sum(result["status"] == "failed" for result in results) == 25
    assert results[0]["error"]["message"] == "empty file"
    converted = [result for result in results if result["status"] == "converted"]
    assert converted[0]["outputs"] == [os.path.join(f"{tmp_path / 'out'}/", "story-00001.json")]


def test_fail_fast_stops_at_the_first_failure(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder).mkdir()
    (folder / "a-bad.txt").write_bytes(b"")
    make_stories(folder, 3)
    batch = Batch([folder], f"{tmp_path / 'out'}/", fail_fast=True)
    results = list(batch)  # (every input accounted for: the report tells a stop from a run)
    assert [result.status for result in results] == ["failed", *["not-converted"] * 3]
    assert batch.summary.stopped == "fail_fast: the first failure"
    done = run_cli("convert", str(folder), "-o", f"{tmp_path / 'out'}/", "--fail-fast", "-q")
    assert done.code == 1 and done.stderr.splitlines()[-1].startswith(
        "articlekit: stopped (--fail-fast: the first failure): 0 converted, 0 up to date, 1 "
        "failed, 3 not converted"
    )


@pytest.mark.parametrize("into", ["folder", "file"])
def test_fail_fast_at_the_last_input_says_no_stop(tmp_path: Path, into: str) -> None:
    """Nothing was left undone: the summary said "stopped (--fail-fast ...)" all the same, and
    the output file's record called it cut short (a rerun made it again)."""
    folder = tmp_path / "in"
    make_stories(folder, 2)
    (folder / "zz-empty.txt").write_bytes(b"")
    output = f"{tmp_path / 'out'}/" if into == "folder" else str(tmp_path / "all.jsonl")
    batch = Batch([folder], output, fail_fast=True)
    assert [result.status for result in batch] == ["converted", "converted", "failed"]
    assert batch.summary.stopped is None
    done = run_cli("convert", str(folder), "-o", output, "--fail-fast")
    assert done.code == 1 and done.stderr.splitlines()[-1].startswith(
        "articlekit: 0 converted, 2 up to date, 1 failed, 0 skipped"
    ), done.stderr


def test_a_fail_fast_rerun_leaves_a_whole_output_file_as_it_was(tmp_path: Path) -> None:
    """An output file holding every article but those of an input that failed: a --fail-fast
    rerun converted again, stopped at that input as it failed again, and put the file of the
    inputs before it in place of the whole one."""
    folder = tmp_path / "in"
    make_stories(folder, 3)
    (folder / "story-00002b.json").write_text('{"headline": "Weir Opens",}\n', encoding="utf-8")
    output = tmp_path / "all.jsonl"
    first = [result.status for result in convert_batch([folder], output)]
    assert first == ["converted", "converted", "failed", "converted"]
    whole, made = output.read_bytes(), output.stat().st_mtime_ns
    assert whole.count(b"\n") == 3
    batch = convert_batch([folder], output, fail_fast=True)
    again = [result.status for result in batch]
    assert again == ["up-to-date", "up-to-date", "failed", "up-to-date"]
    assert output.read_bytes() == whole and output.stat().st_mtime_ns == made
    assert batch.summary.stopped is None and batch.summary.failed == 1


def test_quiet_batches_print_errors_only(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    make_stories(folder, 2)
    done = run_cli("convert", str(folder), "-o", f"{tmp_path / 'out'}/", "-q")
    assert done.code == 0 and done.stderr == ""


# --- parallel runs and archives -----------------------------------------------------------------


def test_workers_give_the_bytes_of_one_process(tmp_path: Path) -> None:
    make_stories(tmp_path / "in", 150, sub=40)
    for jobs in ("1", "2"):
        assert (
            run_cli(
                "convert",
                str(tmp_path / "in"),
                "-o",
                f"{tmp_path / jobs}/",
                "-j",
                jobs,
                "-q",
                "--to",
                "nitf",
            ).code
            == 0
        )
        assert (
            run_cli(
                "convert",
                str(tmp_path / "in"),
                "-o",
                str(tmp_path / f"{jobs}.jsonl"),
                "-j",
                jobs,
                "-q",
            ).code
            == 0
        )
    assert outputs(tmp_path / "1") == outputs(tmp_path / "2")
    assert len(outputs(tmp_path / "1")) == 150
    assert (tmp_path / "1.jsonl").read_bytes() == (tmp_path / "2.jsonl").read_bytes()
    assert not temporaries(tmp_path)


def test_an_archive_is_converted_record_by_record(tmp_path: Path) -> None:
    archive = tmp_path / "archive.jsonl"
    lines = [
        run_cli("convert", "-", "--to", "jsonl", "-q", stdin=story(number).encode()).stdout
        for number in range(1, 4)
    ]
    archive.write_bytes(lines[0] + b"\n" + b'{"broken": \n' + lines[1] + lines[2])
    results = list(convert_batch([archive], f"{tmp_path / 'out'}/", to="text"))
    assert [(result.status, result.line) for result in results] == [
        ("converted", 1), ("skipped", 3), ("converted", 4), ("converted", 5),
    ]  # fmt: skip
    assert results[1].warnings[0].code == "json-article-skipped"
    assert sorted(outputs(tmp_path / "out")) == ["archive-3.txt", "archive-4.txt", "archive.txt"]
    again = list(convert_batch([archive], f"{tmp_path / 'out'}/", to="text"))
    assert [result.status for result in again] == [
        "up-to-date",
        "skipped",
        "up-to-date",
        "up-to-date",
    ]


def test_an_archive_of_skipped_records_fails_after_them(tmp_path: Path) -> None:
    """An archive none of whose records holds an article fails, once its records are in (each
    still reported); one that is cut short by an error is not judged a second time, and the
    next archive is judged on its own records."""
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b"garbage\n\n{bad\n")
    good = tmp_path / "good.jsonl"
    good.write_bytes(
        b"{bad\n" + run_cli("convert", "-", "--to", "jsonl", stdin=story(1).encode()).stdout
    )
    results = list(convert_batch([bad, good], None))
    assert [(result.source, result.status, result.line) for result in results] == [
        (str(bad), "skipped", 1), (str(bad), "skipped", 3), (str(bad), "failed", None),
        (str(good), "skipped", 1), (str(good), "converted", 2),
    ]  # fmt: skip
    assert str(results[2].error) == f"{bad}: holds no article (2 records skipped)"
    long = tmp_path / "long.jsonl"
    long.write_bytes(b"{bad\n" + b"x" * 64 + b"\n")
    small = tmp_path / "small.jsonl"
    small.write_bytes(b'{bad\n{"headline": "H"}\n')
    cut = list(convert_batch([long, small], None, max_bytes=32))
    assert [result.status for result in cut] == ["skipped", "failed", "skipped", "converted"]
    assert "32 bytes" in str(cut[1].error)


def test_results_serialise_for_reports() -> None:
    result = next(iter(convert_batch([("x.txt", b"")])))
    assert isinstance(result, BatchResult)
    document = result.as_json()
    assert document["status"] == "failed" and document["error"]["message"] == "empty file"
    json.dumps(document)


@pytest.mark.skipif(not hasattr(os, "fork") or not Path("/proc/self/stat").exists(), reason="Linux")
def test_temporaries_of_an_ended_but_unreaped_process_are_stray(tmp_path: Path) -> None:
    # a worker killed with its parent stays a zombie where no init process reaps it: it answers
    # signal 0, yet will never finish its file
    from articlekit import _io

    child = os.fork()
    if child == 0:
        os._exit(0)
    try:
        time.sleep(0.2)
        mine = Path(_io.temporary_name(str(tmp_path), "story.json"))
        mine.write_bytes(b"in progress")
        theirs = tmp_path / mine.name.replace(f"-{os.getpid()}-", f"-{child}-")
        theirs.write_bytes(b"never finished")
        assert _io.remove_stray_temporaries(str(tmp_path)) == 1
        assert mine.exists() and not theirs.exists()
    finally:
        os.waitpid(child, 0)


def test_what_crosses_to_workers_pickles_to_an_equal_value() -> None:
    """Inputs and warnings pickle by their own ``__reduce__`` (the dataclass default is slow):
    every field must come back, in its place."""
    import pickle

    from articlekit.batch.inputs import Input
    from articlekit.diagnostics import Diagnostic

    unit = Input("a.jsonl", "a.jsonl", "/in/a.jsonl", b"{}", 2, 3, line=4, index=5)
    warning = Diagnostic("code", "message", "a.jsonl", 6, 7, ("headline",))
    assert pickle.loads(pickle.dumps(unit)) == unit
    assert pickle.loads(pickle.dumps(warning)) == warning


# --- duplicate inputs, warnings replayed, withdrawn articles, names (round 9) ---------------------


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_given_twice_is_converted_once(tmp_path: Path, jobs: int) -> None:
    """Named twice, or found in a folder and by a pattern: one result, one output, where it
    first comes; a rerun of either command is a no-op, and the tree is a fresh run's."""
    folder = tmp_path / "in"
    paths = make_stories(folder, 3, sub=2)
    given = [str(paths[0]), f"{folder}/./part-000/story-00001.txt"]
    twice = list(convert_batch(given, f"{tmp_path / 'twice'}/", jobs=jobs))
    assert [(result.source, result.status) for result in twice] == [(str(paths[0]), "converted")]
    assert sorted(outputs(tmp_path / "twice")) == ["story-00001.json"]
    both = [str(folder), str(folder / "part-00*" / "*.txt")]
    out = f"{tmp_path / 'out'}/"
    results = list(convert_batch(both, out, jobs=jobs))
    assert [Path(result.source).name for result in results] == [
        "story-00001.txt", "story-00002.txt", "story-00003.txt",
    ]  # fmt: skip
    assert [result.status for result in results] == ["converted"] * 3
    fresh = f"{tmp_path / 'fresh'}/"
    list(convert_batch([folder], fresh, jobs=jobs))
    assert outputs(tmp_path / "out") == outputs(tmp_path / "fresh")
    again = list(convert_batch(both, out, jobs=jobs))
    assert [result.status for result in again] == ["up-to-date"] * 3
    cli = run_cli("convert", str(paths[1]), str(paths[1]), "-o", f"{tmp_path / 'cli'}/")
    assert cli.code == 0 and "1 converted, 0 up to date" in cli.stderr, cli.stderr


def same_named_stories(folder: Path) -> None:
    """A story file of one name in each of four folders, one of them two levels down."""
    for place in ("a", "b", "b/deep", "x/a"):
        (folder / place).mkdir(parents=True, exist_ok=True)
        (folder / place / "story.txt").write_text(story(len(place)), encoding="utf-8")


@pytest.mark.parametrize(
    ("pattern", "written"),
    [
        ("**/*", ["a/story.json", "b/deep/story.json", "b/story.json", "x/a/story.json"]),
        ("**", ["a/story.json", "b/deep/story.json", "b/story.json", "x/a/story.json"]),
        ("*/*.txt", ["a/story.json", "b/story.json"]),
        ("**/a", ["a/story.json", "x/a/story.json"]),  # (folders it matches alone: read whole)
    ],
)
def test_a_pattern_converts_each_file_once_into_the_tree_it_reaches(
    tmp_path: Path, pattern: str, written: list[str]
) -> None:
    """A pattern that matches folders and the files in them (``**/*``) converts each file once,
    not once more for each folder; outputs mirror the tree below the pattern's fixed part, as
    they do a folder's, so files of one name in different folders keep their names."""
    same_named_stories(tmp_path / "in")
    given = f"{tmp_path / 'in'}/{pattern}"
    done = run_cli("convert", given, "-o", f"{tmp_path / 'out'}/", "-q")
    assert done.code == 0, done.stderr
    assert sorted(outputs(tmp_path / "out")) == written
    lines = run_cli("convert", given, "-o", str(tmp_path / "all.jsonl"), "-q")
    assert lines.code == 0, lines.stderr
    assert len((tmp_path / "all.jsonl").read_bytes().splitlines()) == len(written)


def feed(tag: str, count: int) -> bytes:
    """A JSON Lines feed of ``count`` canonical articles headlined ``<tag> story <n>``."""
    return b"".join(
        json.dumps(
            {
                "schema_version": "1.3",
                "headline": f"{tag} story {number}",
                "body": [{"type": "paragraph", "content": [{"text": f"{tag} paragraph."}]}],
            }
        ).encode()
        + b"\n"
        for number in range(1, count + 1)
    )


def headlines(folder: Path) -> list[str]:
    return sorted(json.loads(data)["headline"] for data in outputs(folder).values())


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_another_feed_on_standard_input_never_replaces_an_earlier_one(
    tmp_path: Path, jobs: str
) -> None:
    """Standard input has no name: a run reading other bytes on it into the same folder is
    another input (Tuesday's feed replaced Monday's outputs and removed those it no longer
    held); the same bytes again are up to date."""
    out = f"{tmp_path / 'out'}/"
    monday, tuesday = feed("Monday", 5), feed("Tuesday", 3)
    assert run_cli("convert", "-", "-o", out, "-j", jobs, "-q", stdin=monday).code == 0
    second = run_cli("convert", "-", "-o", out, "-j", jobs, stdin=tuesday)
    if jobs == "2":  # (read whole for the workers: known by its bytes)
        assert second.code == 0, second.stderr
        expected = [f"Monday story {n}" for n in range(1, 6)]
        expected += [f"Tuesday story {n}" for n in range(1, 4)]
        assert headlines(tmp_path / "out") == expected
        report = tmp_path / "report.jsonl"
        again = run_cli(
            "convert", "-", "-o", out, "-j", jobs, "--report", str(report), stdin=tuesday
        )
        assert again.code == 0, again.stderr
        statuses = {result["status"] for result in report_of(report)[0]}
        assert statuses == {"up-to-date"}
        assert headlines(tmp_path / "out") == expected
    else:  # (read as it comes by one process, not known: refused where its names are taken)
        assert second.code == 1 and "output exists" in second.stderr, second.stderr
        assert headlines(tmp_path / "out") == [f"Monday story {n}" for n in range(1, 6)]


def test_standard_input_into_an_output_file_is_converted_again_each_run(tmp_path: Path) -> None:
    """It can be read only once, so it is never up to date: other bytes replace the file (a
    second feed was refused as "empty file", the up-to-date check having read it), the same
    bytes leave it as it was."""
    output = tmp_path / "all.jsonl"
    assert run_cli("convert", "-", "-o", str(output), "-j", "2", stdin=feed("Monday", 5)).code == 0
    tuesday = run_cli("convert", "-", "-o", str(output), "-j", "2", stdin=feed("Tuesday", 3))
    assert tuesday.code == 0, tuesday.stderr
    lines = output.read_bytes().splitlines()
    assert [json.loads(line)["headline"] for line in lines] == [
        "Tuesday story 1", "Tuesday story 2", "Tuesday story 3",
    ]  # fmt: skip
    written = output.stat()
    again = run_cli("convert", "-", "-o", str(output), "-j", "2", stdin=feed("Tuesday", 3))
    assert again.code == 0, again.stderr
    assert (output.stat().st_ino, output.stat().st_mtime_ns) == (
        written.st_ino, written.st_mtime_ns,
    )  # fmt: skip


def bell(number: int) -> str:
    """A story with a control character: its conversion warns (control-characters-removed)."""
    return story(number).replace(" — ", " \x07 ")


@pytest.mark.parametrize("output", ["out/", "all.jsonl"])
def test_a_rerun_replays_the_warnings_of_what_is_up_to_date(tmp_path: Path, output: str) -> None:
    """Up-to-date inputs report the warnings of their conversion again (stderr, --report, the
    summary and --fail-on-warning), named as the rerun names them; a manifest of the layout
    before warnings were kept is started afresh, its outputs found again by their bytes."""
    folder = tmp_path / "in"
    make_stories(folder, 2)
    (folder / "bell.txt").write_text(bell(3), encoding="utf-8")
    out, report = os.path.join(tmp_path, output), tmp_path / "report.jsonl"
    command = ["convert", str(folder), "-o", out, "--fail-on-warning", "--report", str(report)]
    fresh = run_cli(*command)
    warning = f"{folder / 'bell.txt'}:5:1: control-characters-removed removed 1 control"
    assert fresh.code == 1 and warning in fresh.stderr, fresh.stderr
    assert "1 warning in" in fresh.stderr
    fresh_report = report_of(report)[0]

    def replayed() -> None:
        again = run_cli(*command)
        assert again.code == 1 and "0 converted, 3 up to date" in again.stderr, again.stderr
        assert warning in again.stderr and "1 warning in" in again.stderr
        lines = report_of(report)[0]
        assert [line["warnings"] for line in lines] == [line["warnings"] for line in fresh_report]

    replayed()
    if output.endswith("/"):  # the layout before warnings were kept: converted again, once
        with sqlite3.connect(tmp_path / "out" / ".articlekit" / "manifest.sqlite") as connection:
            connection.execute("PRAGMA user_version = 2")
        connection.close()
        again = run_cli(*command)
        assert "3 converted, 0 up to date" in again.stderr and warning in again.stderr
        replayed()
        # (an output file's record holds its inputs as named: named otherwise, it is redone)
        moved = run_cli("convert", "in", "-o", output, "--fail-on-warning", cwd=tmp_path)
        assert moved.code == 1 and "0 converted, 3 up to date" in moved.stderr, moved.stderr
        assert f"{Path('in', 'bell.txt')}:5:1: control-characters-removed" in moved.stderr
    assert run_cli("convert", str(folder), "-o", out, "-q").code == 0  # (warnings allowed)


def message_of(articles: int) -> bytes:
    """A NewsML-G2 newsMessage of ``articles`` text items (2 or 3; and a picture item)."""
    data = (Path(__file__).parent / "data" / "newsml" / "ferry-message.xml").read_bytes()
    start = data.index(b"<newsItem", data.index(b"cafe-2") - 120)
    end = data.index(b"</newsItem>", start) + len(b"</newsItem>")
    third = data[start:end].replace(b"cafe-2", b"cafe-3").replace(b"Reopens", b"Closes")
    return data[:end] + (b"\n" + third if articles == 3 else b"") + data[end:]


def jsonl_of(*numbers: int) -> bytes:
    return b"".join(
        run_cli("convert", "-", "--to", "jsonl", "-q", stdin=story(number).encode()).stdout
        for number in numbers
    )


@pytest.mark.parametrize("jobs", [1, 2])
def test_articles_withdrawn_from_an_input_lose_their_outputs(tmp_path: Path, jobs: int) -> None:
    """An input that is converted again replaces its outputs as a whole: an article it no
    longer holds (a newsMessage's item, an archive's record) has its output and record removed,
    said in the result, the summary and the report; the folder is then a fresh run's. A file
    edited since it was written, and the outputs of an input that was deleted, are kept."""
    folder = tmp_path / "in"
    make_stories(folder, 2 if jobs == 1 else 70)  # (-j 2: enough inputs for worker processes)
    (folder / "message.xml").write_bytes(message_of(3))
    (folder / "archive.jsonl").write_bytes(jsonl_of(7, 8, 9))
    (folder / "other.jsonl").write_bytes(jsonl_of(5, 6))
    out = tmp_path / "out"
    first = list(convert_batch([folder], f"{out}/", jobs=jobs))
    assert {result.status for result in first} == {"converted"}
    assert "message-3.json" in outputs(out) and "archive-3.json" in outputs(out)
    (out / "other-2.json").write_text("edited by hand", encoding="utf-8")
    (folder / "message.xml").write_bytes(message_of(2))
    (folder / "archive.jsonl").write_bytes(jsonl_of(7, 8))
    (folder / "other.jsonl").write_bytes(jsonl_of(5))
    (folder / "story-00001.txt").unlink()
    report = tmp_path / "report.jsonl"
    rerun = run_cli(
        "convert", str(folder), "-o", f"{out}/", "-j", str(jobs), "--report", str(report)
    )
    assert rerun.code == 0, rerun.stderr
    assert "2 withdrawn outputs removed in" in rerun.stderr
    lines = report_of(report)[0]
    removed = [(Path(line["source"]).name, line["status"], line["removed"]) for line in lines]
    assert [entry for entry in removed if entry[2]] == [
        ("archive.jsonl", "withdrawn", [os.path.join(f"{out}/", "archive-3.json")]),
        ("message.xml", "converted", [os.path.join(f"{out}/", "message-3.json")]),
    ]
    fresh = tmp_path / "fresh"
    list(convert_batch([folder], f"{fresh}/", jobs=jobs))
    kept = {"story-00001.json", "other-2.json"}  # deleted input's output; edited since written
    assert {name: data for name, data in outputs(out).items() if name not in kept} == outputs(fresh)
    assert (out / "other-2.json").read_text(encoding="utf-8") == "edited by hand"
    assert (out / "story-00001.json").exists()
    again = list(convert_batch([folder], f"{out}/", jobs=jobs))
    assert {result.status for result in again} == {"up-to-date"}
    assert recorded(out) == recorded(fresh) + 1  # (the deleted input's, as its output is kept)


def test_a_withdrawn_output_replaced_by_a_link_or_reached_through_one_is_kept(
    tmp_path: Path,
) -> None:
    """Only the regular file a run wrote is removed: not a link the user put in its place (to
    a copy moved elsewhere), nor a file in a folder the user moved away and linked back."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "archive.jsonl").write_bytes(jsonl_of(7, 8, 9))
    (folder / "sub" / "message.xml").write_bytes(message_of(3))
    out = tmp_path / "out"
    list(convert_batch([folder], f"{out}/"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (out / "archive-3.json").rename(elsewhere / "kept.json")
    (out / "archive-3.json").symlink_to(elsewhere / "kept.json")
    (out / "sub").rename(elsewhere / "sub")
    (out / "sub").symlink_to(elsewhere / "sub")
    (folder / "archive.jsonl").write_bytes(jsonl_of(7, 8))
    (folder / "sub" / "message.xml").write_bytes(message_of(2))
    results = list(convert_batch([folder], f"{out}/"))
    assert not any(result.removed for result in results)
    assert (out / "archive-3.json").is_symlink() and (elsewhere / "kept.json").exists()
    assert (elsewhere / "sub" / "message-3.json").exists()


def test_a_new_input_never_takes_the_name_an_earlier_run_gave_another(tmp_path: Path) -> None:
    """``story`` joining ``story.txt`` (whose output is ``story.json``) gets a name of its own,
    and keeps it when it changes: the other input's output is never replaced."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text("Harbour Plan\n\nThe board met.\n", encoding="utf-8")
    out = tmp_path / "out"
    list(convert_batch([folder], f"{out}/", source_format="text"))
    (folder / "story").write_text("Harbour Plan\n\nThe board met.\n", encoding="utf-8")
    second = {
        Path(r.source).name: r for r in convert_batch([folder], f"{out}/", source_format="text")
    }
    assert second["story"].outputs == (os.path.join(f"{out}/", "story-2.json"),)
    (folder / "story").write_text("Ferry Plan\n\nThe council met.\n", encoding="utf-8")
    third = {
        Path(r.source).name: r for r in convert_batch([folder], f"{out}/", source_format="text")
    }
    assert (third["story"].status, third["story.txt"].status) == ("converted", "up-to-date")
    assert json.loads((out / "story.json").read_bytes())["headline"] == "Harbour Plan"
    assert json.loads((out / "story-2.json").read_bytes())["headline"] == "Ferry Plan"


def test_an_output_files_warnings_spill_to_disk_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Beyond SPOOL_LINES inputs the kept warnings go to a temporary file (memory stays flat);
    the record holds them all, in order, whether or not they spilled."""
    from articlekit.batch import manifest

    monkeypatch.setattr(manifest, "SPOOL_LINES", 3)
    spool = manifest.WarningSpool()
    for number in range(8):
        spool.add(f"in/{number}.txt", None, f'[["code", "message {number}", 0, 1, 1]]', "converted")
    output = tmp_path / "all.jsonl"
    output.write_text("{}\n", encoding="utf-8")
    manifest.write_sidecar(str(output), "print", "inputs", True, spool)
    spool.close()
    record = manifest.read_sidecar(str(output))
    assert record is not None
    assert [source for source, _, _ in record["warnings"]] == [f"in/{n}.txt" for n in range(8)]


def test_a_rerun_into_an_output_file_replays_a_skipped_record_as_skipped(tmp_path: Path) -> None:
    """A record the first run skipped (with its warning) is skipped again on a rerun that finds
    the output file up to date: same summary, same warning, same exit with --fail-on-warning."""
    archive = tmp_path / "feed.jsonl"
    first, second = jsonl_of(1), jsonl_of(2)
    archive.write_bytes(first + b"{broken\n" + second)
    out = tmp_path / "all.jsonl"
    command = ["convert", str(archive), "-o", str(out), "--fail-on-warning"]
    fresh = run_cli(*command)
    assert fresh.code == 1 and "2 converted, 0 up to date, 0 failed, 1 skipped" in fresh.stderr
    again = run_cli(*command)
    assert again.code == 1, again.stderr
    assert "0 converted, 2 up to date, 0 failed, 1 skipped, 1 warning" in again.stderr
    assert f"{archive}:2:" in again.stderr


def test_standard_input_beside_many_inputs_converts_with_worker_processes(tmp_path: Path) -> None:
    """A worker process's standard input is empty: with -j 2 the run reads it first, and its
    outputs are those of a run in one process ("-: empty file" before)."""
    stories = tmp_path / "stories"
    stories.mkdir()
    for number in range(80):  # (enough records for worker processes)
        (stories / f"story-{number:02}.txt").write_text(story(number), encoding="utf-8")
    archive = tmp_path / "more.jsonl"
    assert run_cli("convert", str(stories), "-o", str(archive), "-q").code == 0
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}"
        done = run_cli(
            "convert", "-", str(archive), "-o", f"{out}/", "-j", jobs, "--to", "json", "-q",
            stdin=story(99).encode(),
        )  # fmt: skip
        assert done.code == 0, done.stderr
        outputs.append({path.name: path.read_bytes() for path in out.glob("*.json")})
    assert outputs[0] == outputs[1] and "stdin.json" in outputs[1]


def test_a_batch_made_in_python_refuses_an_option_of_a_format_it_does_not_use(
    tmp_path: Path,
) -> None:
    """As the command line does: ``body`` is the NewsML-G2 writer's option, not the NITF one's."""
    from articlekit.batch import Batch
    from articlekit.errors import UsageError

    with pytest.raises(UsageError, match="'body' is for the newsml writer only"):
        Batch([str(tmp_path)], f"{tmp_path}/out/", to="nitf", options={"body": "nitf"})
    with pytest.raises(UsageError, match="unknown writer format 'nope'"):  # (that first)
        Batch([str(tmp_path)], f"{tmp_path}/out/", to="nope", options={"body": "nitf"})


def test_the_summary_counts_skipped_the_files_a_folder_note_says_it_skipped(
    tmp_path: Path,
) -> None:
    """The note about files no reader claims and the summary line's "skipped" agree."""
    make_stories(tmp_path / "in", 1)
    for name in ("minutes.pdf", "budget.ods", "logo.psd"):
        (tmp_path / "in" / name).write_bytes(b"not a story")
    run = run_cli("convert", str(tmp_path / "in"), "-o", f"{tmp_path / 'out'}/")
    assert run.code == 0, run.stderr
    assert "input-files-skipped skipped 3 files whose extension no reader claims" in run.stderr
    assert "1 converted, 0 up to date, 0 failed, 3 skipped, 1 warning" in run.stderr
    batch = convert_batch([tmp_path / "in"], f"{tmp_path / 'out'}/")
    assert [result.status for result in batch] == ["up-to-date", "noted"]
    assert (batch.summary.skipped, batch.summary.up_to_date) == (3, 1)


def _pictured(headline: str, picture: bytes) -> Article:
    """A story with a picture embedded in its body (our own words, not a real picture)."""
    return Article(
        headline=headline,
        body=[
            Paragraph(content=[Span(text="The tide mill at Kessel Reach turned again.")]),
            Figure(
                caption=[Span(text="The mill wheel at dawn.")],
                renditions=[Rendition(resource=Resource.of(picture, "image/png"))],
            ),
        ],
    )


@pytest.mark.parametrize("media", ["media", "."], ids=["media-folder", "output-folder"])
def test_extract_media_into_a_folder_tree_gives_each_sub_folder_its_media(
    tmp_path: Path, media: str
) -> None:
    """Each output names its pictures inside its own folder (where readers look for them): the
    media folder's place below the output folder is repeated below each sub-folder."""
    from articlekit import read, write

    stories = {
        "mill.json": _pictured("Tide Mill Turns", b"\x89PNG one"),
        "desk/quay.json": _pictured("Quay Reopens", b"\x89PNG two"),
        "desk/night/ferry.json": _pictured("Night Ferry Returns", b"\x89PNG one"),
    }
    for name, article in stories.items():
        (tmp_path / "in" / name).parent.mkdir(parents=True, exist_ok=True)
        write(article, tmp_path / "in" / name)
    out = tmp_path / "out"
    given = ("convert", str(tmp_path / "in"), "-o", f"{out}/", "--extract-media", str(out / media))
    run = run_cli(*given)
    assert run.code == 0, run.stderr
    for name, article in stories.items():
        output = out / name
        assert read(output).value == article, name
        document = output.read_text(encoding="utf-8")
        prefix = "" if media == "." else f"{media}/"
        assert '"data"' not in document and "../" not in document
        assert f'"path": "{prefix}' in document
        assert len(list((output.parent / media).glob("*.png"))) == 1
    rerun = run_cli(*given)
    assert rerun.code == 0 and "0 converted, 3 up to date" in rerun.stderr, rerun.stderr


BROKEN = '{"headline": "Pier Toll Rises",}\n'
MENDED = '{"headline": "Pier Toll Rises"}\n\n'
"""A canonical document with a stray comma, and the same mended, of the same size."""


@pytest.mark.parametrize("into", ["file", "folder"])
def test_a_rerun_tries_a_failed_input_again_and_is_otherwise_a_no_op(
    tmp_path: Path, into: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Into one output file as into a folder, a rerun converts nothing that is up to date and
    tries the input that failed again: it fails as before (the same error line, exit 1), and
    the output is left as it was. A failure is never replayed from the record: mended with its
    size and time kept (what the record knows of it), the input is converted, the file made
    again."""
    from articlekit.batch import engine

    make_stories(tmp_path / "in", 2)
    broken = tmp_path / "in" / "broken.json"
    broken.write_text(BROKEN, encoding="utf-8")
    output = str(tmp_path / "all.jsonl") if into == "file" else f"{tmp_path / 'out'}/"
    first = run_cli("convert", str(tmp_path / "in"), "-o", output)
    error = f"articlekit: error: {broken}:1:32: invalid JSON"
    assert first.code == 1 and error in first.stderr, first.stderr
    assert "2 converted, 0 up to date, 1 failed" in first.stderr
    made = {path: path.stat().st_mtime_ns for path in tmp_path.rglob("*") if path.is_file()}
    for replayed in (engine.REPLAYED_INPUTS, 1):  # (the inputs listed once, and twice)
        monkeypatch.setattr(engine, "REPLAYED_INPUTS", replayed)
        again = list(convert_batch([tmp_path / "in"], output))
        assert [(Path(result.source).name, result.status) for result in again] == [
            ("broken.json", "failed"),
            ("story-00001.txt", "up-to-date"),
            ("story-00002.txt", "up-to-date"),
        ]
        assert again[0].error is not None and f"{broken}:1:32: invalid JSON" in str(again[0].error)
    rerun = run_cli("convert", str(tmp_path / "in"), "-o", output)
    assert rerun.code == 1 and error in rerun.stderr
    assert "0 converted, 2 up to date, 1 failed" in rerun.stderr, rerun.stderr
    assert {path: path.stat().st_mtime_ns for path in made} == made
    written = broken.stat()
    broken.write_text(MENDED, encoding="utf-8")
    os.utime(broken, ns=(written.st_atime_ns, written.st_mtime_ns))
    mended = run_cli("convert", str(tmp_path / "in"), "-o", output)
    assert mended.code == 0, mended.stderr
    converted = "3 converted, 0 up to date" if into == "file" else "1 converted, 2 up to date"
    assert converted in mended.stderr, mended.stderr
    forced = run_cli("convert", str(tmp_path / "in"), "-o", output, "--force")
    assert "3 converted, 0 up to date" in forced.stderr, forced.stderr
