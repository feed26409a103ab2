"""Benchmarks time articlekit as an install has it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def compile_bytecode() -> None:
    """Compile the package's bytecode, as pip does on install: with ``PYTHONDONTWRITEBYTECODE``
    (set in some environments) every process would otherwise compile each module changed since
    its bytecode was last written, tens of milliseconds of every start-up."""
    import articlekit

    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(Path(articlekit.__file__).parent)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
