"""The pre-commit hook, run by the real pre-commit tool in a throwaway git repository.

pre-commit installs this repository as a hook source at its committed HEAD (as it would for any
other user's repository), so the test needs git, pre-commit and a committed .pre-commit-hooks.yaml;
it installs articlekit into pre-commit's own cache (PRE_COMMIT_HOME in a temporary folder).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, ROOT, run_cli


def _git(*arguments: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *arguments], cwd=cwd, capture_output=True, text=True, check=check, timeout=120
    )


def _hook_source() -> str:
    """The commit of this checkout that holds the hook manifest (skips when there is none)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    pytest.importorskip("pre_commit", reason="pre-commit is a test dependency")
    head = _git("rev-parse", "HEAD", cwd=ROOT, check=False)
    if head.returncode != 0:
        pytest.skip(f"{ROOT} is not a git checkout")
    if _git("cat-file", "-e", "HEAD:.pre-commit-hooks.yaml", cwd=ROOT, check=False).returncode:
        pytest.skip(".pre-commit-hooks.yaml is not committed yet: pre-commit uses the HEAD commit")
    return head.stdout.strip()


MARKDOWN_PARAGRAPH = (
    "The harbour council voted on Tuesday to let the night ferries berth at the old quay."
)
MARKDOWN_STORY = f"""---
title: Night ferries may berth at the old quay
date: 2024-03-05T09:30:00+01:00
authors: [Jane Doe]
tags: [ferries, harbour]
---

{MARKDOWN_PARAGRAPH}

Residents near the customs house fear engine noise; fishermen warn of crowded quays.
"""


def test_pre_commit_passes_a_good_article_and_stops_a_bad_one(tmp_path: Path) -> None:
    revision = _hook_source()
    repository = tmp_path / "newsroom"
    repository.mkdir()
    environment = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"),
        "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig"),
        "GIT_CONFIG_NOSYSTEM": "1",
    }

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            command,
            cwd=repository,
            capture_output=True,
            text=True,
            env=environment,
            timeout=900,
            check=False,
        )

    run("git", "init", "-q")
    run("git", "config", "user.name", "Test Desk")
    run("git", "config", "user.email", "desk@example.org")
    (repository / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {ROOT}\n"
        f"    rev: {revision}\n"
        "    hooks:\n"
        "      - id: articlekit-validate\n",
        encoding="utf-8",
    )
    installed = run(sys.executable, "-m", "pre_commit", "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    run("git", "add", ".pre-commit-config.yaml")
    assert run("git", "commit", "-q", "-m", "hook configuration").returncode == 0

    good = repository / "ferries.txt"
    good.write_bytes((DATA / "text" / "web-copy-like-sample.txt").read_bytes())
    run("git", "add", "ferries.txt")
    passed = run("git", "commit", "-m", "a good article")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    output = passed.stdout + passed.stderr  # git shows the hook's output on stderr
    assert "articlekit validate" in output and "Passed" in output

    bad = repository / "notes.txt"
    bad.write_bytes((DATA / "text" / "body-only.txt").read_bytes())  # no headline
    run("git", "add", "notes.txt")
    failed = run("git", "commit", "-m", "an article without a headline")
    output = failed.stdout + failed.stderr
    assert failed.returncode != 0
    assert "Failed" in output
    assert "notes.txt:1:1: AK002 the article has no headline" in output
    assert "ferries.txt" not in output  # only the staged file is checked
    run("git", "rm", "-q", "--cached", "notes.txt")

    story = repository / "stories" / "ferries.md"
    story.parent.mkdir()
    story.write_text(MARKDOWN_STORY, encoding="utf-8")
    run("git", "add", "stories/ferries.md")
    passed = run("git", "commit", "-m", "a good Markdown article")
    assert passed.returncode == 0, passed.stdout + passed.stderr

    repeated = repository / "stories" / "repeated.md"
    repeated.write_text(MARKDOWN_STORY + "\n" + MARKDOWN_PARAGRAPH + "\n", encoding="utf-8")
    run("git", "add", "stories/repeated.md")
    failed = run("git", "commit", "-m", "a Markdown article with a repeated paragraph")
    output = failed.stdout + failed.stderr
    assert failed.returncode != 0
    # the line of the repeated paragraph in the Markdown file
    line = (MARKDOWN_STORY + "\n").count("\n") + 1
    assert f"stories/repeated.md:{line}:1: AK010 paragraph 3 repeats paragraph 1" in output, output
    log = run("git", "log", "--format=%s")
    assert log.stdout.splitlines() == [
        "a good Markdown article",
        "a good article",
        "hook configuration",
    ]


def _checked_by_hook(name: str) -> bool:
    """Whether the hook's manifest has pre-commit check a staged file of this path."""
    import re

    import yaml

    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    return bool(re.search(hook["files"], name)) and not re.search(hook["exclude"], name)


def test_manifest_leaves_ordinary_project_files_alone() -> None:
    for article in (
        "story.txt",
        "articles/a.ninjs.json",
        "news/item.xml",
        "wire/a.tst",
        "b.docx",
        "content/posts/ferries.md",
        "content/news/night-ferries/index.md",  # a Hugo page bundle's article
        "_posts/2024-03-05-ferries.markdown",
        "_drafts/ferries.md",
        "data/stories/ferries.json",  # (a folder named data may hold articles)
    ):
        assert _checked_by_hook(article), article
    for other in (
        "requirements.txt",
        "requirements-dev.txt",
        "package.json",
        "pom.xml",
        "LICENSE.txt",
        "node_modules/x/story.txt",
        ".github/a.json",
        "tsconfig.json",
        "README.md",
        "CHANGELOG.md",
        "docs/usage.md",
        ".github/PULL_REQUEST_TEMPLATE.md",
        # a static site's own files: Hugo's configuration, archetypes (templates of new pages),
        # section pages (front matter, a list of the section's articles), theme and layouts;
        # Jekyll's data, layouts, includes and built site
        "hugo.json",
        "config.json",
        "config/_default/params.json",
        "archetypes/default.md",
        "archetypes/news.md",
        "content/_index.md",
        "content/news/_index.md",
        "layouts/index.json",
        "themes/paper/exampleSite/content/post/sample.md",
        "i18n/en.json",
        "_data/authors.json",
        "_layouts/feed.xml",
        "_includes/teaser.md",
        "_site/feed.xml",
    ):
        assert not _checked_by_hook(other), other


def test_a_static_site_s_own_files_are_left_alone_only_at_the_repository_s_root() -> None:
    """Hugo's and Jekyll's configuration and folders are where their tools look for them, at the
    root: deeper down a folder of that name may hold articles (a section on themes, a story on
    a city's config, translated stories under i18n/), which were skipped unsaid. Section pages
    (``_index.md``) are never articles, at any depth."""
    for article in (
        "content/themes/climate-summit.md",
        "news/config/2024-budget.md",
        "articles/i18n/de/story.txt",
        "content/layouts/new-harbour-layout.md",
        "stories/archetypes/the-harbour-master.md",
        "wire/config.json",
        "exports/hugo.json",
        "site/_data/story.json",
    ):
        assert _checked_by_hook(article), article
    for other in ("config.json", "themes/paper/layouts/post.json", "i18n/de.json"):
        assert not _checked_by_hook(other), other
    for section_page in ("content/_index.md", "site/content/news/_index.markdown"):
        assert not _checked_by_hook(section_page), section_page


@pytest.mark.parametrize("args", [["--"], ["-q", "--"]])
def test_a_file_named_like_an_option_is_checked_after_args_ending_with_dashes(
    tmp_path: Path, args: list[str]
) -> None:
    """pre-commit runs the hook's entry, its ``args``, then the staged files: ``args`` ending
    with ``--`` (as the README says) make a committed ``-notes.txt`` a file to check, while the
    entry itself ends with no ``--``, which would make the ``args`` file names."""
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8").splitlines()
    entry = next(line.split(":", 1)[1].split() for line in hooks if line.startswith("  entry:"))
    assert entry == ["articlekit", "validate"]
    (tmp_path / "-notes.txt").write_bytes((DATA / "text" / "body-only.txt").read_bytes())
    done = run_cli(*entry[1:], *args, "-notes.txt", cwd=tmp_path)
    assert done.code == 1, done.stderr
    assert "-notes.txt:1:1: AK002 the article has no headline" in done.stdout.decode()
