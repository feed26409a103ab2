"""Outputs are written atomically: unnamed files where the system has them (Linux's O_TMPFILE),
named temporary files elsewhere; both ways keep the same promises."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from articlekit import _io
from articlekit.errors import OutputError

UNNAMED = sys.platform.startswith("linux") and bool(getattr(os, "O_TMPFILE", 0))


@pytest.fixture(params=["unnamed", "named"])
def way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Each test runs both ways: with unnamed files (where the system has them) and with the
    named temporary files other systems get."""
    if request.param == "unnamed" and not UNNAMED:
        pytest.skip("this system has no unnamed files (O_TMPFILE)")
    if request.param == "named":
        monkeypatch.setattr(_io, "_open_unnamed", lambda folder: None)
    yield request.param


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_unnamed_files_are_used_where_the_system_has_them(tmp_path: Path) -> None:
    if not UNNAMED:
        pytest.skip("this system has no unnamed files (O_TMPFILE)")
    output = _io.AtomicFile(str(tmp_path / "story.json"))
    output.write(b"{}")
    assert names(tmp_path) == []  # not even a hidden temporary name while it is written
    output.commit()
    assert names(tmp_path) == ["story.json"]


def test_a_new_file_appears_whole_and_alone(tmp_path: Path, way: str) -> None:
    target = tmp_path / "story.json"
    output = _io.AtomicFile(str(target))
    output.write(b'{"headline": ')
    assert not target.exists()
    output.write(b'"Ferries"}')
    output.commit()
    assert output.outcome == "written"
    assert target.read_bytes() == b'{"headline": "Ferries"}'
    assert output.status is not None and output.status.st_size == target.stat().st_size
    assert names(tmp_path) == ["story.json"]


def test_a_discarded_file_leaves_nothing(tmp_path: Path, way: str) -> None:
    output = _io.AtomicFile(str(tmp_path / "story.json"))
    output.write(b"half of it")
    output.discard()
    assert names(tmp_path) == []


def test_an_existing_file_is_kept_unless_the_same_or_replaceable(tmp_path: Path, way: str) -> None:
    target = tmp_path / "story.json"
    target.write_bytes(b"old")
    assert _io.write_atomic(str(target), [b"old"]) == "unchanged"
    with pytest.raises(OutputError, match="output exists"):
        _io.write_atomic(str(target), [b"new"])
    assert target.read_bytes() == b"old"
    output = _io.AtomicFile(str(target), replaceable=lambda status: status.st_size == 3)
    output.write(b"new")
    output.commit()
    assert output.outcome == "written"
    assert target.read_bytes() == b"new"
    assert names(tmp_path) == ["story.json"]


def test_force_replaces_keeping_permissions_and_links(tmp_path: Path, way: str) -> None:
    target = tmp_path / "story.json"
    target.write_bytes(b"old")
    target.chmod(0o600)
    link = tmp_path / "latest.json"
    link.symlink_to(target.name)
    assert _io.write_atomic(str(link), [b"new"], force=True) == "written"
    assert link.is_symlink() and target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o600
    assert names(tmp_path) == ["latest.json", "story.json"]


def test_two_writers_of_one_name_never_overwrite_each_other(tmp_path: Path, way: str) -> None:
    target = tmp_path / "story.json"
    first, second = _io.AtomicFile(str(target)), _io.AtomicFile(str(target))
    first.write(b"first")
    second.write(b"second")
    first.commit()
    with pytest.raises(OutputError, match="output exists"):
        second.commit()
    assert target.read_bytes() == b"first"
    assert names(tmp_path) == ["story.json"]


def test_a_killed_writer_leaves_no_file_behind(tmp_path: Path) -> None:
    """SIGKILL while an output is written: with unnamed files nothing at all is left (with named
    ones the next run removes the stray temporary: tests/test_batch.py)."""
    if not UNNAMED:
        pytest.skip("this system has no unnamed files (O_TMPFILE)")
    script = textwrap.dedent(
        f"""
        import sys, time
        from articlekit import _io
        output = _io.AtomicFile({str(tmp_path / "story.json")!r})
        output.write(b"x" * 100_000)
        print("writing", flush=True)
        time.sleep(60)
        """
    )
    writer = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    try:
        assert writer.stdout is not None and writer.stdout.readline() == b"writing\n"
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
    assert names(tmp_path) == []


def test_where_unnamed_files_cannot_be_named_the_bytes_go_the_named_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sandbox may let O_TMPFILE files be made but refuse to link them: the output is still
    written (copied into a named temporary), and later outputs go the named way at once."""
    if not UNNAMED:
        pytest.skip("this system has no unnamed files (O_TMPFILE)")

    def refused(descriptor: int, path: str) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(_io, "_link_unnamed", refused)
    monkeypatch.setattr(_io, "_unnamed_refused", False)
    first = _io.AtomicFile(str(tmp_path / "first.json"))
    first.write(b"x" * 3_000_000)
    first.commit()
    assert (tmp_path / "first.json").read_bytes() == b"x" * 3_000_000
    assert _io._open_unnamed(str(tmp_path)) is None
    assert _io.write_atomic(str(tmp_path / "second.json"), [b"second"]) == "written"
    assert names(tmp_path) == ["first.json", "second.json"]
