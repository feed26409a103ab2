"""Outputs are written atomically: unnamed files where the system has them (Linux's O_TMPFILE),
named temporary files elsewhere; both ways keep the same promises."""

from __future__ import annotations

import errno
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


def test_a_file_force_cannot_replace_is_said_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An immutable file (``chattr +i``) in a folder that takes new files: the system's
    "Operation not permitted" alone, unlike every other refusal."""
    target = tmp_path / "story.json"
    target.write_bytes(b"old")
    monkeypatch.setattr(_io, "_open_unnamed", lambda folder: None)

    def refuse(source: str, destination: str) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted", destination)

    monkeypatch.setattr(_io.os, "replace", refuse)
    with pytest.raises(OutputError, match="permission denied: the file there cannot be replaced"):
        _io.write_atomic(str(target), [b"new"], force=True)
    monkeypatch.undo()
    assert target.read_bytes() == b"old" and names(tmp_path) == ["story.json"]


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


@pytest.fixture
def unnamed_only(monkeypatch: pytest.MonkeyPatch) -> None:
    if not UNNAMED:
        pytest.skip("this system has no unnamed files (O_TMPFILE)")
    monkeypatch.setattr(_io, "_unnamed_refused", False)


def refuse_links(monkeypatch: pytest.MonkeyPatch, code: int, where: str = "") -> None:
    """Make naming an unnamed file fail with ``code`` (for paths starting with ``where``)."""
    link = _io._link_unnamed

    def refused(descriptor: int, path: str) -> None:
        if not path.startswith(where):
            return link(descriptor, path)
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(_io, "_link_unnamed", refused)


def test_where_unnamed_files_cannot_be_named_the_bytes_go_the_named_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unnamed_only: None
) -> None:
    """A sandbox may let O_TMPFILE files be made but refuse to link them: the output is still
    written (copied into a named temporary), and later outputs go the named way at once."""
    refuse_links(monkeypatch, errno.EPERM)
    first = _io.AtomicFile(str(tmp_path / "first.json"))
    first.write(b"x" * 3_000_000)
    first.commit()
    assert (tmp_path / "first.json").read_bytes() == b"x" * 3_000_000
    on_disk = os.stat(tmp_path / "first.json")  # what a batch's manifest records must be it
    assert first.status is not None
    assert (first.status.st_ino, first.status.st_mtime_ns, first.status.st_size) == (
        on_disk.st_ino, on_disk.st_mtime_ns, on_disk.st_size,
    )  # fmt: skip
    assert _io._open_unnamed(str(tmp_path)) is None
    assert _io.write_atomic(str(tmp_path / "second.json"), [b"second"]) == "written"
    assert names(tmp_path) == ["first.json", "second.json"]


def test_a_copied_output_that_replaces_a_file_keeps_its_permissions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unnamed_only: None
) -> None:
    target = tmp_path / "story.json"
    target.write_bytes(b"old")
    target.chmod(0o600)
    refuse_links(monkeypatch, errno.EPERM)
    assert _io.write_atomic(str(target), [b"new"], force=True) == "written"
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o600


def test_an_output_error_is_no_refusal_of_unnamed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unnamed_only: None
) -> None:
    """A full disk while linking is the output's error: reported, and the next output is
    written unnamed again."""
    refuse_links(monkeypatch, errno.ENOSPC)
    output = _io.AtomicFile(str(tmp_path / "story.json"))
    output.write(b"{}")
    with pytest.raises(OutputError, match="No space left"):
        output.commit()
    assert not _io._unnamed_refused
    assert names(tmp_path) == []


def test_a_temporary_folder_a_link_cannot_reach_is_passed_by(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unnamed_only: None
) -> None:
    """A bind mount of the same file system: the run's temporary folder looks usable (same
    device) but a link cannot cross into it; an output replaced there is named beside it."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    target = tmp_path / "story.json"
    target.write_bytes(b"old")
    refuse_links(monkeypatch, errno.EXDEV, where=str(temporary))
    output = _io.AtomicFile(str(target), force=True, temporary_folder=str(temporary))
    output.write(b"new")
    output.commit()
    assert target.read_bytes() == b"new"
    assert names(tmp_path) == ["story.json", "tmp"] and names(temporary) == []
    assert not _io._unnamed_refused  # (no sandbox: later outputs are written unnamed)


def test_a_temporary_folder_removed_meanwhile_is_made_again(tmp_path: Path, way: str) -> None:
    """A run into an output folder removes its temporary folder (.articlekit/tmp) at its end when
    empty: another run into the same folder, still writing, makes it again where it needs it."""
    temporary = tmp_path / "state" / "tmp"
    temporary.parent.mkdir()
    target = tmp_path / "story.json"
    target.write_bytes(b"old")
    output = _io.AtomicFile(str(target), force=True, temporary_folder=str(temporary))
    output.write(b"new")
    output.commit()
    assert target.read_bytes() == b"new" and names(temporary) == []
    temporary.rmdir()
    temporary.parent.rmdir()  # (a folder above it gone: no folder is made but its own)
    with pytest.raises(OutputError):
        _io.AtomicFile(str(target), temporary_folder=str(temporary)).commit()
    assert names(tmp_path) == ["story.json"]


def test_an_output_with_the_longest_name_can_be_replaced(tmp_path: Path, way: str) -> None:
    target = tmp_path / ("n" * 250 + ".json")
    assert _io.write_atomic(str(target), [b"old"]) == "written"
    assert _io.write_atomic(str(target), [b"new"], force=True) == "written"
    assert target.read_bytes() == b"new"
    assert names(tmp_path) == [target.name]


def test_a_forced_new_file_is_linked_in_directly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unnamed_only: None
) -> None:
    """With --force and no file in the way there is no temporary name at all (and so no
    stray one, whatever kills the process)."""

    def no_temporary(folder: str, base: str) -> str:
        raise AssertionError(f"a temporary name for {base} was made")

    monkeypatch.setattr(_io, "temporary_name", no_temporary)
    assert _io.write_atomic(str(tmp_path / "story.json"), [b"{}"], force=True) == "written"
