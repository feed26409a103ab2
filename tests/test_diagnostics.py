"""Every warning code used in the code base is in the catalogue, so users can rely on codes."""

from __future__ import annotations

import re
from pathlib import Path

from articlekit.diagnostics import CATALOGUE, Diagnostic

SOURCE = Path(__file__).resolve().parent.parent / "src" / "articlekit"
WARN_CALL = re.compile(r"""\.warn\(\s*["']([a-z0-9-]+)["']""")


def test_every_code_is_catalogued() -> None:
    used = {
        code
        for path in SOURCE.rglob("*.py")
        for code in WARN_CALL.findall(path.read_text(encoding="utf-8"))
    }
    assert used, "no warn() calls found: the pattern is out of date"
    assert sorted(used - set(CATALOGUE)) == []


def test_codes_are_stable_identifiers() -> None:
    for code, meaning in CATALOGUE.items():
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)+", code), code
        assert meaning and not meaning.endswith(".")


def test_diagnostic_prints_like_ruff() -> None:
    warning = Diagnostic("text-boilerplate-dropped", "left out 2 lines\x1b[31m", "a.txt", 3, 7)
    assert str(warning) == "a.txt:3:7: text-boilerplate-dropped left out 2 lines\\x1b[31m"
    assert str(Diagnostic("x-y", "m")) == "<input>:1:1: x-y m"
