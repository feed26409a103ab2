"""The converted examples in examples/ are what the current code writes (regenerate them when not:
``articlekit convert examples/harbour-ferries.txt -o examples/harbour-ferries.json --force``...)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from articlekit import convert, read

from conftest import run_cli

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PAIRS = [
    ("harbour-ferries.txt", "harbour-ferries.json"),
    ("harbour-ferries.json", "harbour-ferries.out.txt"),
    ("harbour-ferries.txt", "harbour-ferries.docx"),
    ("harbour-ferries.txt", "harbour-ferries.newsml.xml"),
    ("harbour-ferries.txt", "harbour-ferries.nitf.xml"),
    ("harbour-ferries.txt", "harbour-ferries.ninjs.json"),
    ("night-trains-iptc7901.txt", "night-trains-iptc7901.json"),
]


@pytest.mark.parametrize(("source", "target"), PAIRS, ids=[target for _, target in PAIRS])
def test_example_outputs_are_current(source: str, target: str, tmp_path: Path) -> None:
    written = tmp_path / target
    convert(EXAMPLES / source, written)
    assert written.read_bytes() == (EXAMPLES / target).read_bytes()


def run_example(script: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *arguments],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_the_batch_example_converts_then_finds_everything_up_to_date(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_example("batch_archive.py", str(EXAMPLES), str(out), "--to", "nitf", "-j", "2")
    assert first.returncode == 0, first.stderr
    assert "9 converted, 0 up to date, 0 failed" in first.stderr
    assert (out / "harbour-ferries.txt.nitf.xml").read_bytes().startswith(b"<?xml")
    again = run_example("batch_archive.py", str(EXAMPLES), str(out), "--to", "nitf")
    assert again.returncode == 0, again.stderr
    assert "0 converted, 9 up to date" in again.stderr


def test_the_dask_example_runs_on_a_local_cluster(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="needs the dask extra")
    done = run_example("dask_cluster.py", str(EXAMPLES), str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert "9 converted" in done.stdout
    assert "most frequent headline words: night" in done.stdout
    assert len(list((tmp_path / "out").glob("*.nitf.xml"))) == 9


def test_the_folder_example_writes_what_its_docstring_says_the_command_line_writes(
    tmp_path: Path,
) -> None:
    done = run_example("convert_folder.py", str(EXAMPLES), str(tmp_path / "api.jsonl"))
    assert done.returncode == 0, done.stderr
    command = ["convert", str(EXAMPLES / "*.txt"), "-q", "-o", str(tmp_path / "cli.jsonl")]
    assert "articlekit convert 'examples/*.txt' -o out.jsonl" in EXAMPLES.joinpath(
        "convert_folder.py"
    ).read_text(encoding="utf-8")
    assert run_cli(*command).code == 0
    assert (tmp_path / "api.jsonl").read_bytes() == (tmp_path / "cli.jsonl").read_bytes()


def test_the_folder_example_keeps_an_existing_file_unless_forced(tmp_path: Path) -> None:
    precious = tmp_path / "precious.jsonl"
    precious.write_text("mine\n", encoding="utf-8")
    kept = run_example("convert_folder.py", str(EXAMPLES), str(precious))
    assert kept.returncode == 1 and "output exists" in kept.stderr
    assert precious.read_text(encoding="utf-8") == "mine\n"
    assert run_example("convert_folder.py", str(EXAMPLES), str(precious), "--force").returncode == 0
    assert precious.read_bytes().count(b"\n") > 1
    usage = run_example("convert_folder.py")
    assert usage.returncode == 2 and "Traceback" not in usage.stderr


def test_the_readme_s_api_comment_shows_the_line_the_example_warns_on() -> None:
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"# story\.txt:(\d+):1: text-boilerplate-dropped", readme)
    assert shown is not None
    (warning,) = read(EXAMPLES / "harbour-ferries.txt").warnings
    assert (warning.code, warning.line) == ("text-boilerplate-dropped", int(shown.group(1)))
