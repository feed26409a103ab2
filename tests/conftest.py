"""Shared fixtures: the ../shared folder of real third-party files, and running the CLI."""

from __future__ import annotations

import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(os.environ.get("ARTICLEKIT_SHARED", ROOT.parent / "shared"))
NO_TEXT = "mammoth-empty.docx"
"""The corpus DOCX without text: it holds no article (test_docx tests that it says so)."""

settings.register_profile(
    "default", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test with a reason when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(
            f"{path} is absent: the shared corpus (../shared beside the checkout) is needed"
        )
    return path


def read_back(data: bytes, format: str, loss_reported: bool, **options: Any) -> Any:
    """The article a writer's output reads back as, or ``None`` when it holds no article (all
    the article had to read was what the format cannot carry): only a reported loss explains it."""
    from articlekit import read
    from articlekit.errors import NotAnArticleError

    try:
        return read(data, format=format, **options)
    except NotAnArticleError:
        assert loss_reported, data.decode("utf-8", "replace")[:500]
        return None


@pytest.fixture
def shared() -> Path:
    return shared_path()


@dataclass
class Run:
    code: int
    stdout: bytes
    stderr: str

    @property
    def text(self) -> str:
        return self.stdout.decode("utf-8")


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> Run:
    """Run ``python -m articlekit`` as a user would, capturing both streams."""
    process = subprocess.run(
        [sys.executable, "-m", "articlekit", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    return Run(process.returncode, process.stdout, process.stderr.decode("utf-8", "replace"))


def report_of(path: Path) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The results a ``--report`` file lists, and the run's summary, its last line."""
    import json

    *results, last = map(json.loads, path.read_text(encoding="utf-8").splitlines())
    assert set(last) == {"summary"}, last
    return results, last["summary"]


def interruptible() -> None:
    """Ctrl-C as at a terminal (a ``preexec_fn``): a test run started in the background
    (``pytest &``, some CI runners) hands its children SIGINT ignored, and Python then keeps it
    ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture
def listener() -> Iterator[tuple[str, list[bytes]]]:
    """A local TCP server that records every connection, to prove nothing is fetched."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    received: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except OSError:
                continue
            received.append(connection.recv(1024))
            connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}", received
    stop.set()
    thread.join(timeout=2)
    server.close()


def png(width: int, height: int, shade: int = 0) -> bytes:
    """A real PNG of ``width`` × ``height`` pixels (a colour ramp), made here: office suites and
    pandoc must be able to show it; articlekit never decodes it."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(
        b"\x00" + bytes((x * 7 + shade) % 256 for x in range(width) for _ in range(3))
        for _ in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def crossings_table() -> Any:
    """A table with a caption, a header row, a header cell spanning two rows and a data cell
    spanning two columns."""
    from articlekit.model import Span, Table, TableCell, TableRow

    def cell(text: str, **spans: Any) -> TableCell:
        return TableCell(content=[Span(text=text)], **spans)

    return Table(
        caption=[Span(text="Crossings")],
        rows=[
            TableRow(cells=[cell("Time", header=True), cell("Ferry", header=True)]),
            TableRow(cells=[cell("Night", header=True, rowspan=2), cell("Aurora")]),
            TableRow(cells=[cell("Boreas")]),
            TableRow(cells=[cell("Last crossing 02:00", colspan=2)]),
        ],
    )


def article_with_an_editor_named_by_its_byline() -> Any:
    """ "By Ilse Marwick, editor": a writer whose job title is editor, and an editor the byline
    does not name (as ninjs marks one)."""
    from articlekit.model import Article, Paragraph, Person, Span

    return Article(
        headline="Ferry Timetable Changes",
        byline="By Ilse Marwick, editor",
        authors=[
            Person(name="Ilse Marwick", role="editor"),
            Person(name="Lena Ostrova", role="editor"),
        ],
        body=[Paragraph(content=[Span(text="Ferries leave earlier from Monday.")])],
    )
