"""Style and types are part of the suite, so CI fails on them like on any other defect."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, check=False, timeout=600
    )


def test_ruff_lint_and_format() -> None:
    pytest.importorskip("ruff")
    ruff = [sys.executable, "-m", "ruff"]
    checked = _run(*ruff, "check", "src", "tests", "benchmarks", "examples")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    formatted = _run(*ruff, "format", "--check", "src", "tests", "benchmarks", "examples")
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr


def test_mypy_strict_on_src() -> None:
    pytest.importorskip("mypy")
    done = _run(sys.executable, "-m", "mypy")
    assert done.returncode == 0, done.stdout + done.stderr
