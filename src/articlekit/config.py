"""Project configuration: ``[tool.articlekit]`` in the nearest ``pyproject.toml``.

Found like ruff finds its settings: walk up from the file (or folder) being processed to the first
``pyproject.toml`` that has a ``[tool.articlekit]`` table. Relative paths in it are relative to that
file's folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from articlekit.errors import UsageError


@dataclass(frozen=True)
class Config:
    """The ``[tool.articlekit]`` table and where it was found."""

    settings: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None
    """The ``pyproject.toml`` it came from, or ``None`` when there is none."""

    def resolve(self, value: str) -> Path:
        """A path from the configuration, relative to the configuration file's folder."""
        base = self.path.parent if self.path is not None else Path.cwd()
        return (base / value).resolve()


@cache
def _load(pyproject: Path) -> dict[str, Any] | None:
    """The ``[tool.articlekit]`` table of ``pyproject``, or ``None``. A file that never names
    articlekit (most projects' own ``pyproject.toml``, found on the way up) holds no such table
    and is not parsed: importing the TOML parser is ~4 ms of a one-shot command's start-up, and
    a file that is no concern of articlekit's is not its to judge. (A table key can only spell
    the name differently with a ``\\u`` escape in a quoted key, which no one writes.)"""
    try:
        raw = pyproject.read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read the configuration: {error}", path=str(pyproject)) from None
    if b"articlekit" not in raw:
        return None
    import tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UsageError(f"cannot read the configuration: {error}", path=str(pyproject)) from None
    tool = data.get("tool", {})
    table = tool.get("articlekit") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise UsageError("[tool.articlekit] must be a table", path=str(pyproject))
    return table


def find_config(start: str | Path | None = None) -> Config:
    """The configuration that applies to ``start`` (a file or folder; default: the current one)."""
    here = Path(start).resolve() if start is not None else Path.cwd().resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            table = _load(candidate)
            if table is not None:
                return Config(table, candidate)
    return Config()
