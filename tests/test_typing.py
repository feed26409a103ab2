"""Users' code type-checks against articlekit's types (it ships py.typed), with or without the
pydantic mypy plugin."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

USER_CODE = """
from articlekit import Article, Paragraph, Span, read, write

paragraph = Paragraph(content=[Span(text="Body.", strong=True)])
article = Article(headline="Headline", body=[paragraph], urgency=3)
headline: str | None = article.headline
result = read("story.txt")
data: bytes = write(result.value, format="json").value
"""


@pytest.mark.parametrize("plugin", [False, True], ids=["plain", "pydantic-plugin"])
def test_user_code_type_checks(tmp_path: Path, plugin: bool) -> None:
    pytest.importorskip("mypy")
    (tmp_path / "use.py").write_text(USER_CODE, encoding="utf-8")
    config = "[mypy]\nstrict = True\n" + ("plugins = pydantic.mypy\n" if plugin else "")
    (tmp_path / "mypy.ini").write_text(config, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "use.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
