"""Start-up as a budget: what a one-shot command imports (read from ``python -X importtime``).

Timing is measured in ``benchmarks/bench_batch.py oneshot``, never asserted here; this test pins
what makes start-up slow: modules a command does not use, and an entry-point scan for a built-in
format.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

EXAMPLE = str(ROOT / "examples" / "harbour-ferries.txt")

HEAVY = {
    "lxml", "docx", "jsonschema", "referencing", "charset_normalizer", "dateutil", "tqdm",
    "sqlite3", "multiprocessing", "concurrent.futures", "dask", "distributed", "ctypes",
    "importlib.metadata", "email", "shutil", "mimetypes",
}  # fmt: skip
"""Libraries a plain text → JSON conversion has no use for (``importlib.metadata``, with the
email, zipfile and socket modules it brings, is 15 ms of start-up: pydantic's plugin loader and an
entry-point scan import it; argparse imports shutil, with zlib, bz2 and lzma, to learn the
terminal's width; mimetypes names the type of a media file, which a text without pictures has
none of)."""


def imported(*arguments: str) -> list[str]:
    """The modules ``articlekit ARGUMENTS`` has imported when it ends, in order. It runs under
    ``python -X importtime`` so that a failure names the slowest imports (the timings themselves
    are not judged: they depend on the machine)."""
    script = (  # --help ends in SystemExit: the modules are listed all the same
        "import sys\n"
        "from articlekit.cli import main\n"
        "try:\n"
        "    code = main(sys.argv[1:])\n"
        "finally:\n"
        "    print('\\n'.join(sys.modules), file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", script, *arguments],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    timings = [line for line in done.stderr.splitlines() if line.startswith("import time:")]
    slowest = sorted(timings[1:], key=lambda line: -int(line.split("|")[1]))[:10]
    imported.slowest = "\n".join(slowest)  # type: ignore[attr-defined]
    return [line for line in done.stderr.splitlines() if line and " " not in line]


def top_level(modules: list[str]) -> set[str]:
    found = set(modules)
    return {name for name in HEAVY if name in found}


def no_pydantic_and_no_format(modules: list[str]) -> bool:
    """Neither pydantic (the CLI's placeholder for its plugin loader is no import of it) nor a
    format."""
    return "pydantic" not in modules and not any(
        name.startswith(("pydantic_core", "articlekit.formats")) for name in modules
    )


def test_help_imports_no_model_and_no_format() -> None:
    modules = imported("--help")
    assert "argparse" in modules
    assert no_pydantic_and_no_format(modules)
    assert "articlekit.model" not in modules
    assert len(modules) <= 120, len(modules)
    assert "articlekit.batch" not in modules


@pytest.mark.parametrize(
    ("target", "budget", "allowed"),  # budgets: the count today and a margin
    # (docx: 241 with the writers' text direction module, formats._direction, since stop 40;
    # json 221, docx 240 since the text reader imports the media helpers for a figure only)
    [("json", 225, set()), ("docx", 244, {"mimetypes"}), ("newsml", 255, {"lxml"})],
)
def test_a_one_shot_conversion_imports_what_it_uses(
    tmp_path: object, target: str, budget: int, allowed: set[str]
) -> None:
    output = ["--to", target] if target == "json" else ["-o", f"{tmp_path}/x.{target}"]
    if target == "newsml":
        output = ["-o", f"{tmp_path}/x.newsml.xml"]
    modules = imported("convert", EXAMPLE, *output, "-q")
    assert top_level(modules) == allowed
    formats = {name.split(".")[2] for name in modules if name.startswith("articlekit.formats.")}
    assert {name for name in formats if not name.startswith("_")} == {"text", target}
    slowest = imported.slowest  # type: ignore[attr-defined]
    assert len(modules) <= budget, f"{len(modules)} modules (budget {budget}); slowest:\n{slowest}"


@pytest.mark.parametrize(("target", "budget"), [("json", 63), ("docx", 68)])
def test_a_one_shot_conversion_compiles_the_patterns_it_uses(
    tmp_path: Path, target: str, budget: int
) -> None:
    """Compiling a regular expression costs 0.1 to 5 ms, more than most uses of it: module-level
    patterns are compiled on first use (:func:`articlekit._text.lazy_pattern`), so that a
    seed-like conversion compiles about 40 of the 160 patterns the text reader holds (with
    pydantic's, the standard library's, the web-copy finder's own and the language tag's, as a
    web copy's story gives its language; the count today and a margin)."""
    output = ["--to", "json"] if target == "json" else ["-o", str(tmp_path / "x.docx")]
    script = (
        "import re, sys\n"
        "compiled = []\n"
        "original = re._compiler.compile\n"
        "def counting(pattern, flags=0):\n"
        "    compiled.append(pattern)\n"
        "    return original(pattern, flags)\n"
        "re._compiler.compile = counting\n"
        "from articlekit.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print(len(compiled), file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "convert", EXAMPLE, *output, "-q"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stderr.split()[-1]) <= budget


@pytest.mark.parametrize(
    "text",
    [
        "Harbour Board Backs Night Ferries\n\nThe harbour board voted on Tuesday to let ferries"
        " berth in the inner basin, he said.\n",
        "Harbour Board Backs Night Ferries\n\nBy Jane Doe\n\nMarch 3, 2024\n\nThe harbour board"
        " voted on Tuesday to let ferries berth in the inner basin, he said.\n\nThe board meets"
        " again in March.\n",
    ],
)
def test_a_one_shot_text_builds_no_furniture_screen(tmp_path: Path, text: str) -> None:
    """The furniture screen (several milliseconds to build) pays only over many texts: a process
    judges its first text's lines one by one, whether its first paragraph is the first, second
    or a later line (the web-copy decision then reads the top lines as a page)."""
    story = tmp_path / "story.txt"
    story.write_text(text, encoding="utf-8")
    assert _after_one_shot(story, "furniture._screen.cache_info().currsize") == "0"


def _after_one_shot(story: Path | str, expression: str) -> str:
    """``expression`` (over :mod:`articlekit.prose`'s modules) at the end of a process that
    converted ``story`` to JSON, as printed."""
    script = (
        "import sys\n"
        "from articlekit.cli import main\n"
        "from articlekit.prose import furniture, headers, stopwords, webcopy\n"
        "code = main(['convert', sys.argv[1], '--to', 'json', '-q'])\n"
        "print(eval(sys.argv[2]), file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(story), expression],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stderr.split()[-1]


def test_a_one_shot_text_makes_no_function_word_lanes() -> None:
    """The lanes that count a text's function words of every language at once (4 ms to make)
    pay only over many texts: the texts of one article (its language guessed, then told on its
    first paragraph and the rest) are counted by the lists themselves."""
    assert _after_one_shot(EXAMPLE, "stopwords._lanes.cache_info().currsize") == "0"


def test_a_latin_text_compiles_no_pattern_of_unspaced_scripts() -> None:
    """The web-copy finder's pattern of Thai, kana, CJK and Hangul letters takes 2 ms to compile,
    the most of any pattern a one-shot run compiles: a text whose characters all come before
    U+3040 (the example has dashes and curly quotes) is answered without it."""
    text = Path(EXAMPLE).read_text(encoding="utf-8")
    assert not text.isascii() and max(text) < "\u3040"
    assert _after_one_shot(EXAMPLE, "'search' in vars(webcopy._UNSPACED)") == "False"


def test_a_latin_text_compiles_no_pattern_of_cjk_header_lines() -> None:
    """The patterns of Chinese header labels and of Japanese, Chinese and Korean titled bylines
    (2 ms to compile) need a CJK ideograph or Hangul in the line: lines of curly quotes and
    dashes are told without them."""
    names = ("_CJK_LABEL", "_TITLE_FIRST", "_TITLE_AFTER")
    compiled = f"sum('search' in vars(getattr(headers, name)) for name in {names!r})"
    assert _after_one_shot(EXAMPLE, compiled) == "0"


def test_a_text_without_figures_builds_no_media_declaration() -> None:
    """The media helpers shared by the formats (their declaration of what a format carries is a
    dataclass of 17 fields, a millisecond to make) are the writers' business and the readers'
    when a figure comes: the text reader of a story without one imports none of them."""
    assert _after_one_shot(EXAMPLE, "'articlekit.formats._media' in sys.modules") == "False"


def test_a_one_file_run_looks_for_no_third_party_reader() -> None:
    """Whether a file is an archive to split is told by its extension: the endings that tell it
    for a folder's files need a look for third-party readers (every installed distribution's
    entry points read), which a built-in extension makes needless."""
    plugins = "sys.modules['articlekit.registry']._plugin_infos.cache_info().currsize"
    assert _after_one_shot(EXAMPLE, plugins) == "0"


def _convert_refusing_entry_points(*arguments: str) -> None:
    """Run ``articlekit convert`` in a process where reading entry points is an error."""
    script = (
        "import sys, importlib.metadata\n"
        "def refuse(*a, **k): raise SystemExit('entry points were scanned')\n"
        "importlib.metadata.entry_points = refuse\n"
        "from articlekit.cli import main\n"
        f"sys.exit(main(['convert', *{list(arguments)!r}, '-q']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr


def test_built_in_formats_need_no_entry_point_scan() -> None:
    """Looking for third-party formats reads every installed distribution's metadata."""
    _convert_refusing_entry_points(EXAMPLE, "--to", "json")


def test_a_folder_needs_no_entry_point_scan_without_third_party_formats(tmp_path: Path) -> None:
    """Which files of a folder some reader claims is known without reading every installed
    distribution's metadata when none declares a format (a tenth of a second of every run)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_bytes(Path(EXAMPLE).read_bytes())
    _convert_refusing_entry_points(str(folder), "-o", f"{tmp_path}/out/")
    assert (tmp_path / "out" / "story.json").is_file()


@pytest.mark.parametrize("columns", [None, "60", "250", "0", "wide"])
def test_help_is_as_wide_as_argparse_makes_it(
    monkeypatch: pytest.MonkeyPatch, columns: str | None
) -> None:
    """The command's help formatter finds the terminal's width without shutil, as shutil does."""
    import argparse

    from articlekit.cli import _Formatter

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    ours, theirs = _Formatter("articlekit"), argparse.HelpFormatter("articlekit")
    assert (ours._width, ours._max_help_position) == (theirs._width, theirs._max_help_position)


def test_the_plugin_loader_the_cli_skips_would_load_none() -> None:
    """The command replaces pydantic's plugin loader with one that returns no plugin (to spare
    the import of ``importlib.metadata``); that is the same loader only while pydantic asks the
    loader for ``get_plugins`` alone and the real one returns nothing with plugins turned off."""
    import inspect

    from pydantic.plugin import _schema_validator

    source = inspect.getsource(_schema_validator)
    assert [line.strip() for line in source.splitlines() if "_loader" in line] == [
        "from ._loader import get_plugins"
    ]
    script = "from pydantic.plugin._loader import get_plugins; print(list(get_plugins()))"
    for value in ("__all__", "1", "true"):
        done = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
            env={**os.environ, "PYDANTIC_DISABLE_PLUGINS": value},
        )
        assert done.stdout.strip() == "[]"


def test_the_stand_in_loader_hands_other_names_to_the_real_one() -> None:
    """A later pydantic that asks its loader for more than ``get_plugins`` still gets it."""
    script = (
        "import os, sys; os.environ['PYDANTIC_DISABLE_PLUGINS'] = '__all__'\n"
        "from articlekit.cli import _skip_plugin_lookup; _skip_plugin_lookup()\n"
        "from pydantic.plugin._loader import get_plugins\n"
        "from pydantic import BaseModel\n"
        "class M(BaseModel): x: int\n"
        "M(x=1); print(list(get_plugins()), 'importlib.metadata' in sys.modules)\n"
        "from pydantic.plugin._loader import _plugins\n"
        "print(sys.modules['pydantic.plugin._loader'].__file__ is not None)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.split() == ["[]", "False", "True"]


def test_a_rerun_with_nothing_to_do_imports_no_model(tmp_path: Path) -> None:
    """A finished run is a fast no-op: no reader, no writer, no pydantic."""
    stories = tmp_path / "in"
    stories.mkdir()
    for number in range(3):
        (stories / f"s{number}.txt").write_text(
            f"Headline Number {number}\n\nPORT ALDWIN — A story of its own.\n", encoding="utf-8"
        )
    for output in (f"{tmp_path / 'out'}/", str(tmp_path / "all.jsonl")):
        imported("convert", str(stories), "-o", output, "-q")
        modules = imported("convert", str(stories), "-o", output, "-q")
        assert no_pydantic_and_no_format(modules)


def test_workers_start_warm_and_a_pipe_is_not_read_twice(tmp_path: Path) -> None:
    """Before forking workers, the parent converts the first input in memory (imports, pydantic's
    validators, the readers' first-use tables: a second time, as a process's first page builds
    no tables), so that no worker spends that start-up again;
    an input that can be read once (a pipe) is left alone, and nothing is written."""
    story = tmp_path / "story.txt"
    story.write_text("Headline Here\n\nPORT ALDWIN — A story of its own.\n", encoding="utf-8")
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    script = (
        "import sys\n"
        "from articlekit.batch.inputs import Input\n"
        "from articlekit.batch.worker import Settings, Task, warm_up\n"
        "settings = Settings(None, 'json', '.json', {}, None, folder=sys.argv[3])\n"
        "warm_up(settings, Task(Input(sys.argv[2], 'pipe.txt', path=sys.argv[2])))\n"
        "assert 'articlekit.formats.text' not in sys.modules, 'the pipe was read'\n"
        "warm_up(settings, Task(Input(sys.argv[1], 'story.txt', path=sys.argv[1])))\n"
        "from articlekit.model import Article\n"
        "from articlekit.prose import furniture\n"
        "assert 'articlekit.formats.text.parse' in sys.modules\n"
        "assert Article.__pydantic_complete__\n"
        "assert furniture._screen.cache_info().currsize, 'the furniture screen is not built'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(story), str(pipe), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["pipe.txt", "story.txt"]


def test_a_lazy_pattern_is_the_pattern_compiled_on_first_use() -> None:
    import copy
    import pickle
    import re

    from articlekit._text import lazy_pattern

    text = "Updated 3 hours ago, by Jane Doe; 5 min read"
    for pattern, flags in [(r"(?P<n>\d+) (\w+)", 0), (r"by\s+(\w+)", re.IGNORECASE)]:
        compiled = re.compile(pattern, flags)
        lazy = lazy_pattern(pattern, flags)
        assert "search" not in vars(lazy)  # nothing compiled yet
        assert lazy.pattern == pattern
        assert lazy.flags == compiled.flags
        assert lazy.groups == compiled.groups
        assert lazy.groupindex == compiled.groupindex
        assert lazy.findall(text) == compiled.findall(text)
        assert lazy.split(text, maxsplit=1) == compiled.split(text, maxsplit=1)
        assert lazy.sub("#", text, count=1) == compiled.sub("#", text, count=1)
        assert lazy.subn("#", text) == compiled.subn("#", text)
        assert [m.span() for m in lazy.finditer(text)] == [
            m.span() for m in compiled.finditer(text)
        ]
        for method in ("search", "match", "fullmatch"):
            theirs = getattr(compiled, method)(text, 5)
            ours = getattr(lazy, method)(text, 5)
            assert (ours and ours.regs) == (theirs and theirs.regs), method
        assert vars(lazy)["search"] == compiled.search  # later calls go straight to it
        assert pickle.loads(pickle.dumps(lazy)).findall(text) == compiled.findall(text)
        assert copy.deepcopy(lazy).findall(text) == compiled.findall(text)


def test_the_docx_template_reads_the_same_through_the_import_system(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The writer reads its template beside its module (importlib.resources would import zipfile
    for a one-shot run); from an archive, where there is no such folder, it asks the import
    system, and gets the same parts."""
    from articlekit.formats.docx import template

    beside = template.load.__wrapped__()
    monkeypatch.setattr(template, "__file__", "/nonexistent/articlekit/formats/docx/template.py")
    assert template.load.__wrapped__() == beside


def test_the_command_ends_as_a_normal_exit_would(tmp_path: Path) -> None:
    """The ``articlekit`` command ends the process without tearing the interpreter down, after
    what a normal exit does: the output flushed, the exit handlers run, and a thread still
    running left to finish."""
    late = tmp_path / "late.txt"
    script = (
        "import atexit, sys, threading, time\n"
        "atexit.register(lambda: print('exit handler ran', file=sys.stderr))\n"
        "atexit.register(lambda: print('handler output'))  # (buffered: flushed after it)\n"
        "threads, late_file = sys.argv[1:]\n"
        "def late():\n"
        "    time.sleep(0.3)\n"
        "    open(late_file, 'w').write('done')\n"
        "if threads == 'thread':\n"
        "    threading.Thread(target=late).start()\n"
        f"sys.argv[1:] = ['convert', {EXAMPLE!r}, '--to', 'json', '-q']\n"
        "from articlekit.cli import run\n"
        "run()\n"
    )
    expected = subprocess.run(
        [sys.executable, "-c", "import sys; from articlekit.cli import main; sys.exit(main())",
         "convert", EXAMPLE, "--to", "json", "-q"],
        capture_output=True, check=True, timeout=120,
    ).stdout  # fmt: skip
    buffered = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    for threads in ("none", "thread"):
        done = subprocess.run(
            [sys.executable, "-c", script, threads, str(late)],
            capture_output=True,
            check=False,
            timeout=120,
            env=buffered,
        )
        assert (done.returncode, done.stdout) == (0, expected + b"handler output\n")
        assert done.stderr.decode().splitlines() == ["exit handler ran"]
    assert late.read_text() == "done"
    failed = subprocess.run(
        [sys.executable, "-m", "articlekit", "convert", str(tmp_path / "missing.txt")],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert failed.returncode == 1
    assert b"no such file" in failed.stderr


def test_the_quick_exit_leaves_a_running_thread_to_the_interpreter() -> None:
    """It ends the process at once with the code, its output flushed; with another thread still
    running it returns, so that the interpreter waits for the thread."""
    script = (
        "import sys, threading\n"
        "from articlekit.cli import _exit_now\n"
        "if sys.argv[1] == 'thread':\n"
        "    threading.Thread(target=threading.Event().wait, args=(0.3,)).start()\n"
        "print('flushed', end='')\n"
        "_exit_now(3)\n"
        "print(' returned', end='')\n"
    )
    for threads, code, output in (("none", 3, "flushed"), ("thread", 0, "flushed returned")):
        done = subprocess.run(
            [sys.executable, "-c", script, threads],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert (done.returncode, done.stdout) == (code, output)
