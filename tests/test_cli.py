"""The command line: conversions, and one clean line plus the right exit code for every error."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from articlekit.errors import InputError

from conftest import DATA, NO_TEXT, report_of, run_cli, shared_path

STORY = DATA / "text" / "byline-dash-dateline.txt"


def _no_leftovers(folder: Path) -> None:
    assert not [path.name for path in folder.rglob("*") if path.name.endswith(".tmp")]


def _visible(folder: Path) -> list[str]:
    """The files a user sees in an output folder (not its hidden .articlekit bookkeeping)."""
    return sorted(path.name for path in folder.iterdir() if not path.name.startswith("."))


def _one_error_line(stderr: str, *fragments: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("articlekit: error: "), stderr
    for fragment in fragments:
        assert fragment in lines[0], stderr
    assert "Traceback" not in stderr


def test_convert_to_stdout_with_warnings_on_stderr() -> None:
    done = run_cli("convert", str(STORY), "--to", "json")
    assert done.code == 0
    article = json.loads(done.text)
    assert article["headline"] == "City Council Delays Vote on Tram Extension"
    assert done.stderr.startswith(f"{STORY}:")
    assert ": text-boilerplate-dropped left out 6 lines" in done.stderr


def test_quiet_and_fail_on_warning() -> None:
    assert run_cli("convert", str(STORY), "-q").stderr == ""
    done = run_cli("convert", str(STORY), "-q", "--fail-on-warning")
    assert done.code == 1


def test_user_sample_from_the_command_line() -> None:
    sample = next(shared_path("seed").glob("*.txt"))
    done = run_cli("convert", str(sample), "--to", "json")
    assert done.code == 0, done.stderr
    article = json.loads(done.text)
    assert article["source"] == {"name": "Orinoco Tribune"}
    assert article["published"] == "2023-10-06"
    assert article["dateline"] == {"place": "Caracas"}
    assert len(article["body"]) == 12
    assert "Leave a Reply" not in json.dumps(article["body"])
    assert "Leave a Reply" in article["extras"]["text:removed_lines"]  # set aside, not lost


def test_output_file_format_from_extension(tmp_path: Path) -> None:
    out = tmp_path / "story.txt"
    assert run_cli("convert", str(STORY), "-o", str(out)).code == 0
    assert out.read_text(encoding="utf-8").startswith(
        "City Council Delays Vote on Tram Extension\n\nBy Jane Doe"
    )
    _no_leftovers(tmp_path)


def test_stdin_and_stdout() -> None:
    done = run_cli("convert", "-", "--to", "jsonl", stdin=STORY.read_bytes())
    assert done.code == 0
    assert json.loads(done.text)["dateline"] == {"place": "LINDENFORT"}


def test_several_inputs_to_jsonl_and_to_a_folder(tmp_path: Path) -> None:
    inputs = [
        str(DATA / "text" / name) for name in ("body-only.txt", "cr-only.txt", "utf16-bom.txt")
    ]
    out = tmp_path / "all.jsonl"
    assert run_cli("convert", *inputs, "-o", str(out), "-q").code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    folder = tmp_path / "json"
    assert run_cli("convert", *inputs, "-o", f"{folder}/", "-q").code == 0
    assert _visible(folder) == [
        "body-only.json",
        "cr-only.json",
        "utf16-bom.json",
    ]


def test_folder_input(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    for source in (DATA / "text").glob("*.t*t"):
        (texts / source.name).write_bytes(source.read_bytes())
    out = tmp_path / "texts.jsonl"
    done = run_cli("convert", str(texts), "--from", "text", "-o", str(out), "-q")
    assert done.code == 0, done.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(list((DATA / "text").glob("*.t*t")))


def test_several_articles_need_a_format_that_holds_them(tmp_path: Path) -> None:
    jsonl = tmp_path / "two.jsonl"
    jsonl.write_bytes(run_cli("convert", str(STORY), "-q", "--to", "jsonl").stdout * 2)
    done = run_cli("convert", str(jsonl), "--to", "json")
    assert done.code == 2
    _one_error_line(
        done.stderr,
        "the input holds several articles, and a json file holds one; write one file each into "
        "a folder (-o DIR/), or all into one with --to jsonl",
    )
    folder = tmp_path / "out"
    assert run_cli("convert", str(jsonl), "-o", f"{folder}/").code == 0
    assert _visible(folder) == ["two-2.json", "two.json"]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (None, "no such file"),
        (b"", "empty file"),
        (b"  \n\n\t\n", "file holds only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "JSON is not valid UTF-8"),
        (b'{"schema_version": "1.0", "headline": NaN}', "NaN is not valid JSON"),
        (b'{"schema_version": "1.0", "headline": "a", "headline": "b"}', "duplicate key"),
        (b'{"schema_version": "1.0", "headline": "\\udc00"}', "lone surrogate"),
        (b"[" * 100_000, "nested too deeply"),
        (b'{"schema_version": "1.0", "version": ' + b"1" * 100_000 + b"}", "too long"),
    ],
)
def test_bad_input_gets_one_line_exit_1_and_no_output(
    tmp_path: Path, content: bytes | None, fragment: str
) -> None:
    source = tmp_path / "input.json"
    if content is not None:
        source.write_bytes(content)
    out = tmp_path / "out.txt"
    done = run_cli("convert", str(source), "-o", str(out))
    assert done.code == 1
    _one_error_line(done.stderr, str(source), fragment)
    assert not out.exists()
    _no_leftovers(tmp_path)


@pytest.mark.parametrize("name", ["photo.txt", "photo.png", "photo"])
def test_binary_file_is_refused(tmp_path: Path, name: str) -> None:
    source = tmp_path / name
    source.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    done = run_cli("convert", str(source), "-o", str(tmp_path / "out.json"))
    assert done.code == 1
    _one_error_line(done.stderr, str(source), "a PNG picture, not a text file")
    assert not (tmp_path / "out.json").exists()


def test_errors_give_line_and_column(tmp_path: Path) -> None:
    source = tmp_path / "bad.json"
    source.write_text('{\n  "schema_version": "1.0",\n  "body": [,]\n}\n', encoding="utf-8")
    done = run_cli("convert", str(source))
    assert done.code == 1
    _one_error_line(done.stderr, f"{source}:3:12: invalid JSON")


def test_terminal_escapes_are_never_echoed(tmp_path: Path) -> None:
    source = tmp_path / "evil\x1b[2Jname.txt"
    source.write_bytes(b"Title\n\nBody \x1b]0;pwned\x07 text \x1b[31mred\x1b[0m.\n")
    done = run_cli("convert", str(source))
    assert done.code == 0
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr
    assert "evil\\x1b[2Jname.txt" in done.stderr
    assert "control-characters-removed" in done.stderr
    assert "\x1b" not in done.text
    missing = run_cli("convert", str(tmp_path / "gone\x1b[31m.txt"))
    assert missing.code == 1 and "\x1b" not in missing.stderr


@pytest.mark.parametrize(
    ("arguments", "fragment"),
    [
        (["convert", str(STORY), "--to", "pdf"], "unknown writer format 'pdf'"),
        (["convert", str(STORY), "--from", "pdf"], "unknown reader format 'pdf'"),
        (["convert", str(STORY), "-o", "out.pdf"], "cannot tell the output format from out.pdf;"),
        (["convert", str(STORY), "-o", "out"], "from out (a folder? end its name with /)"),
        (["convert", str(STORY), "-O", "novalue"], "--option takes KEY=VALUE"),
        (["convert", str(STORY), "--to", "ninjs", "-O", "ninjs_version=2.0"], "unknown option"),
        (
            ["convert", str(STORY), "--to", "nitf", "-O", "body=nitf"],
            "option 'body' is for the newsml writer only; this run writes nitf",
        ),
        (
            ["convert", str(STORY), "--to", "text", "-O", "fragment=true"],
            "option 'fragment' is for the html writer only; this run writes text",
        ),
        (
            ["convert", str(STORY), "--from", "text", "-O", "embedded=ignore"],
            "option 'embedded' is for the docx reader only; this run reads text",
        ),
        (["convert", "-", "-"], "standard input can be read only once"),
    ],
)
def test_bad_usage_exits_2(arguments: list[str], fragment: str) -> None:
    done = run_cli(*arguments)
    assert done.code == 2
    _one_error_line(done.stderr, fragment)


def test_a_bad_option_value_names_the_option_not_the_input(tmp_path: Path) -> None:
    """A writer's refusal of an option's value is bad usage, whatever the input: the error names
    the option, and no input path, as if the input were at fault."""
    story = tmp_path / "quay.txt"
    story.write_text("Quay Reopens\n\nThe quay reopened on Monday.\n", encoding="utf-8")
    done = run_cli("convert", str(story), "--to", "ninjs", "-O", "ninjs-version=2.3")
    assert done.code == 2
    assert done.stderr.startswith("articlekit: error: ninjs-version=2.3 is not a version the ninjs")
    assert str(story) not in done.stderr and done.stderr.count("\n") == 1


def test_an_option_of_a_format_the_run_may_use_is_taken(tmp_path: Path) -> None:
    """A reader's option is for the inputs that reader reads: without --from, any input of a
    folder may be one (-O embedded=ignore for the .docx files among text files)."""
    for arguments in (
        ["--to", "html", "-O", "fragment=true"],
        ["--to", "ninjs2", "-O", "ninjs-version=2.0"],
        ["-O", "embedded=ignore", "-O", "timezone=Europe/Oslo"],
    ):
        done = run_cli("convert", str(STORY), "-q", *arguments)
        assert done.code == 0, (arguments, done.stderr)


def test_argparse_errors_exit_2() -> None:
    assert run_cli().code == 2
    assert run_cli("convert").code == 2
    assert run_cli("frobnicate").code == 2


def test_existing_output_needs_force(tmp_path: Path) -> None:
    """One rule for one file and for a folder: an output articlekit did not write is kept, and
    its input fails with exit code 1 (see also the folder case below)."""
    out = tmp_path / "out.json"
    out.write_text("keep me", encoding="utf-8")
    done = run_cli("convert", str(STORY), "-o", str(out), "-q")
    assert done.code == 1
    _one_error_line(done.stderr, "output exists; use --force")
    assert out.read_text(encoding="utf-8") == "keep me"
    assert run_cli("convert", str(STORY), "-o", str(out), "--force", "-q").code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["headline"].startswith("City Council")


def test_one_file_output_articlekit_wrote_follows_its_changed_input(tmp_path: Path) -> None:
    """The other half of that rule, for one file as for a folder: an output articlekit wrote
    (recorded beside it) is replaced when its input changes, and left alone while it does not;
    edited by someone, it is kept."""
    source, out = tmp_path / "story.txt", tmp_path / "out.json"
    source.write_bytes(STORY.read_bytes())
    assert run_cli("convert", str(source), "-o", str(out), "-q").code == 0
    source.write_bytes(STORY.read_bytes() + b"\nOne more paragraph for the story.\n")
    again = run_cli("convert", str(source), "-o", str(out), "-q", "--report", "-")
    assert (again.code, json.loads(again.text.splitlines()[0])["status"]) == (0, "converted")
    assert "One more paragraph" in out.read_text(encoding="utf-8")
    rerun = run_cli("convert", str(source), "-o", str(out), "-q", "--report", "-")
    assert (rerun.code, json.loads(rerun.text.splitlines()[0])["status"]) == (0, "up-to-date")
    out.write_text("edited by hand", encoding="utf-8")
    source.write_bytes(STORY.read_bytes())
    kept = run_cli("convert", str(source), "-o", str(out), "-q")
    assert kept.code == 1 and out.read_text(encoding="utf-8") == "edited by hand"
    assert run_cli("convert", str(source), "-o", "/dev/null", "--to", "json", "-q").code == 0
    assert not Path("/dev/.null.articlekit.json").exists()  # (a device gets no record)


def test_an_empty_input_name_is_a_usage_error() -> None:
    done = run_cli("convert", "", "--to", "json")
    assert done.code == 2
    _one_error_line(done.stderr, "an input is named by an empty string")


def test_an_output_folder_that_is_a_file_is_named(tmp_path: Path) -> None:
    """The file that stands where the output folder (or a folder above it) would be is named,
    not the folder it stands in."""
    blocker = tmp_path / "taken.json"
    blocker.write_text("a file", encoding="utf-8")
    for output in (f"{blocker}/", f"{blocker}/below/"):
        done = run_cli("convert", str(STORY), "-o", output, "-q")
        assert done.code == 1
        _one_error_line(done.stderr, f"cannot make the output folder: {blocker} is not a folder")


def test_input_is_never_overwritten(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_bytes(STORY.read_bytes())
    for target in (str(source), str(tmp_path / "." / "story.txt")):
        done = run_cli("convert", str(source), "-o", target, "--force")
        assert done.code == 2
        _one_error_line(done.stderr, "refusing to overwrite")
    assert source.read_bytes() == STORY.read_bytes()


def test_a_report_over_an_input_or_the_output_is_refused_before_converting(
    tmp_path: Path,
) -> None:
    archive = tmp_path / "arch"
    archive.mkdir()
    source = archive / "story.txt"
    source.write_bytes(STORY.read_bytes())
    run = tmp_path / "rr.jsonl"
    sideways = f"{archive}/../arch/story.txt"
    linked = tmp_path / "link"
    linked.symlink_to(tmp_path)
    refused = {
        # the input itself, named another way, and a file a glob input matches
        (str(source), "-o", str(tmp_path / "story.json"), "--report", str(source)):
            "the report would replace an input",
        (str(source), "-o", str(tmp_path / "story.json"), "--report", sideways):
            "the report would replace an input",
        (f"{archive}/*.txt", "-o", f"{tmp_path / 'out'}/", "--report", str(source)):
            "the report would replace an input",
        # not there yet, but the glob would read it on a rerun
        (f"{archive}/*", "-o", f"{tmp_path / 'out'}/", "--report", str(archive / "r.jsonl")):
            "the report would land in an input folder",
        # the run's output file (and its record), the output folder, an input folder
        (str(archive), "-o", str(run), "--report", str(run)):
            "the report would replace the run's output",
        (str(archive), "-o", str(run), "--report", str(tmp_path / ".rr.jsonl.articlekit.json")):
            "the report would replace the run's output",
        (str(archive), "-o", str(linked / "rr.jsonl"), "--report", str(run)):
            "the report would replace the run's output",
        (str(archive), "-o", f"{tmp_path / 'out'}/", "--report", str(tmp_path / "out" / "r.jsonl")):
            "the report would land in the run's output folder",
        (str(archive), "-o", f"{tmp_path / 'out'}/", "--report", str(archive / "r.jsonl")):
            "the report would land in an input folder",
    }  # fmt: skip
    for arguments, message in refused.items():
        done = run_cli("convert", *arguments, "--force", "-q")
        assert done.code == 2, arguments
        _one_error_line(done.stderr, f"{arguments[-1]}: {message}")
    assert sorted(path.name for path in tmp_path.rglob("*")) == ["arch", "link", "story.txt"]
    assert source.read_bytes() == STORY.read_bytes()


def test_a_report_into_the_file_standard_output_is_redirected_to_is_refused(
    tmp_path: Path,
) -> None:
    articles = tmp_path / "all.jsonl"
    with articles.open("wb") as stdout:
        done = subprocess.run(
            [sys.executable, "-m", "articlekit", "convert", str(STORY), "--to", "jsonl",
             "--report", str(articles), "-q"],
            stdout=stdout, stderr=subprocess.PIPE, text=True, check=False,
        )  # fmt: skip
    assert done.returncode == 2
    _one_error_line(done.stderr, f"{articles}: the report would replace the run's output")
    assert articles.read_bytes() == b""


def test_a_report_folder_is_refused_before_converting(tmp_path: Path) -> None:
    output = tmp_path / "story.json"
    for report in (f"{tmp_path / 'rr'}/", str(tmp_path)):
        done = run_cli("convert", str(STORY), "-o", str(output), "--report", report, "-q")
        assert done.code == 2
        _one_error_line(done.stderr, f"{report}: the report is a folder")
    assert not output.exists() and not (tmp_path / "rr").exists()


def test_a_report_to_standard_output_needs_an_output(tmp_path: Path) -> None:
    output = tmp_path / "story.json"
    done = run_cli("convert", str(STORY), "-o", str(output), "--report", "-", "-q", cwd=tmp_path)
    assert done.code == 0, done.stderr
    result, summary = map(json.loads, done.text.splitlines())
    assert result["status"] == "converted" and summary["summary"]["converted"] == 1
    assert "-" not in {path.name for path in tmp_path.iterdir()}  # (the output and its record)
    for to_stdout in ((), ("-o", "-")):
        refused = run_cli("convert", str(STORY), *to_stdout, "--report", "-", "-q")
        assert refused.code == 2 and refused.stdout == b""
        _one_error_line(refused.stderr, "--report - needs -o")


def test_size_limit(tmp_path: Path) -> None:
    done = run_cli("convert", str(STORY), "--max-bytes", "100")
    assert done.code == 1
    _one_error_line(done.stderr, "larger than the limit of 100 bytes")


def test_batch_continues_past_bad_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "all.jsonl"
    done = run_cli(
        "convert", str(STORY), str(empty), str(DATA / "text" / "cr-only.txt"), "-o", str(out), "-q"
    )
    assert done.code == 1
    assert "empty.txt: empty file" in done.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_shows_the_traceback(tmp_path: Path, where: str) -> None:
    arguments = ["convert", str(tmp_path / "missing.txt")]
    arguments = ["--debug", *arguments] if where == "before" else [*arguments, "--debug"]
    done = run_cli(*arguments)
    assert done.code == 1
    assert "Traceback" in done.stderr
    assert done.stderr.strip().endswith("no such file")


def test_formats_schema_and_version() -> None:
    formats = run_cli("formats")
    assert formats.code == 0
    assert "text" in formats.text and "jsonl" in formats.text
    schema = run_cli("schema")
    assert json.loads(schema.text)["$id"] == "urn:articlekit:schema:article:1.4"
    assert run_cli("--version").text.startswith("articlekit ")
    assert run_cli("--help").code == 0


def test_folder_to_folder_mirrors_subfolders(tmp_path: Path) -> None:
    source = tmp_path / "in"
    (source / "a").mkdir(parents=True)
    (source / "b").mkdir()
    (source / "a" / "story.txt").write_bytes(STORY.read_bytes())
    (source / "b" / "story.txt").write_bytes((DATA / "text" / "cr-only.txt").read_bytes())
    (source / "b" / "story.v2.txt").write_bytes((DATA / "text" / "body-only.txt").read_bytes())
    (source / "notes.pdf").write_text("not an article", encoding="utf-8")
    out = tmp_path / "out"
    done = run_cli("convert", str(source), "-o", f"{out}/", "-q")
    assert done.code == 0, done.stderr
    written = sorted(str(path.relative_to(out)) for path in out.rglob("*.json"))
    assert written == ["a/story.json", "b/story.json", "b/story.v2.json"]


def test_many_inputs_in_parallel_keep_their_order(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    names = []
    for number in range(40):
        name = folder / f"story-{number:02d}.txt"
        name.write_text(
            f"Story Number {number}\n\nLONDON — Paragraph {number}.\n", encoding="utf-8"
        )
        names.append(name)
    (folder / "story-20.txt").write_bytes(b"")  # one bad input among them
    out = tmp_path / "all.jsonl"
    done = run_cli("convert", str(folder), "-o", str(out), "--jobs", "2", "-q")
    assert done.code == 1
    _one_error_line(done.stderr, "story-20.txt: empty file")
    headlines = [
        json.loads(line)["headline"] for line in out.read_text(encoding="utf-8").splitlines()
    ]
    assert headlines == [f"Story Number {number}" for number in range(40) if number != 20]


def test_special_files_links_and_permissions(tmp_path: Path) -> None:
    import os

    done = run_cli("convert", str(STORY), "-o", os.devnull, "--to", "json", "-q")  # written into
    assert done.code == 0, done.stderr
    assert Path(os.devnull).is_char_device()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    import threading

    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert run_cli("convert", str(STORY), "-o", str(fifo), "--to", "json", "-q").code == 0
    reader.join(timeout=30)
    assert fifo.is_fifo() and received and received[0].startswith(b"{")
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o600)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert run_cli("convert", str(STORY), "-o", str(link), "--force", "-q").code == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("{")
    assert real.stat().st_mode & 0o777 == 0o600
    _no_leftovers(tmp_path)


def test_same_stem_in_one_folder_gets_distinct_outputs(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "story.txt").write_bytes(STORY.read_bytes())
    (source / "story.jsonl").write_bytes(
        run_cli("convert", str(STORY), "--to", "jsonl", "-q").stdout
    )
    out = tmp_path / "out"
    done = run_cli("convert", str(source), "-o", f"{out}/", "-q")
    assert done.code == 0, done.stderr
    assert _visible(out) == ["story.json", "story.txt.json"]


def test_several_inputs_to_a_single_article_format_are_refused_before_any_output() -> None:
    done = run_cli("convert", str(STORY), str(DATA / "text" / "cr-only.txt"))
    assert done.code == 2
    assert done.stdout == b""
    _one_error_line(done.stderr, "several inputs need an output format that holds several")


def test_input_holding_several_articles_leaves_no_partial_stdout(tmp_path: Path) -> None:
    jsonl = tmp_path / "two.jsonl"
    jsonl.write_bytes(run_cli("convert", str(STORY), "-q", "--to", "jsonl").stdout * 2)
    done = run_cli("convert", str(jsonl), "--to", "text")
    assert done.code == 2
    assert done.stdout == b""


@pytest.mark.parametrize("document", [b"[]", b"[\n]\n"])
def test_a_file_holding_no_article_is_an_error(tmp_path: Path, document: bytes) -> None:
    source = tmp_path / "empty.json"
    source.write_bytes(document)
    done = run_cli("convert", str(source))
    assert done.code == 1
    _one_error_line(done.stderr, "holds no article")


def test_an_archive_with_no_readable_record_is_an_error(tmp_path: Path) -> None:
    """Every record skipped is bad input (exit 1, the file named), not an empty success; an
    archive with one readable record still converts, with a warning per skipped one."""
    source = tmp_path / "allbad.jsonl"
    source.write_bytes(b"garbage\n{bad\n")
    output = tmp_path / "allbad_out.jsonl"
    done = run_cli("convert", str(source), "-o", str(output))
    assert done.code == 1
    *warnings, error, summary = done.stderr.strip().splitlines()
    assert [line.split(": ")[1] for line in warnings] == ["json-article-skipped skipped"] * 2
    assert error == f"articlekit: error: {source}: holds no article (2 records skipped)"
    assert summary.startswith("articlekit: 0 converted, 0 up to date, 1 failed, 2 skipped")
    assert not output.exists()
    xml = run_cli(
        "convert", str(shared_path("corpus", "nitf", "aap-finance.xml")), "--from", "jsonl"
    )
    assert (xml.code, xml.stdout) == (1, b"")
    assert "aap-finance.xml: holds no article (1 record skipped)" in xml.stderr
    story = run_cli("convert", str(STORY), "-q", "--to", "jsonl").stdout
    source.write_bytes(b"garbage\n" + story)
    some = run_cli("convert", str(source), "-o", str(output))
    assert (some.code, output.exists()) == (0, True)
    assert "json-article-skipped" in some.stderr and "error" not in some.stderr


EMPTY_ITEM = (
    '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" standard="NewsML-G2" '
    'standardversion="2.35"><itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/>'
    "<versionCreated>2024-01-01T00:00:00Z</versionCreated></itemMeta><contentSet/></newsItem>"
)
EMPTY_DOCUMENTS = {
    "no-body.xml": b"<nitf><body/></nitf>",
    "empty-parts.xml": b"<nitf><head><title/></head><body><body.content/></body></nitf>",
    "empty-article.html": b"<article></article>",
    "no-text.html": b"<!doctype html><html><head><title></title></head><body><div> </div></body>",
    "empty-item.xml": EMPTY_ITEM.encode(),
    "ninjs-id.json": b'{"uri": "urn:x:1", "type": "text"}',
    "front-matter.md": b"---\nid: urn:x:1\nkeywords: [a]\n---\n",
    "empty.docx": None,  # (the corpus's, read when the test runs: it may be absent)
}


@pytest.mark.parametrize("name", EMPTY_DOCUMENTS)
def test_a_document_with_no_headline_text_or_media_holds_no_article(
    tmp_path: Path, name: str
) -> None:
    """An empty document converts to nothing, not to an article of an id alone: the error every
    other file without an article gets, exit 1, no output."""
    source = tmp_path / name
    source.write_bytes(EMPTY_DOCUMENTS[name] or shared_path("corpus", "docx", NO_TEXT).read_bytes())
    output = tmp_path / "out.json"
    done = run_cli("convert", str(source), "-o", str(output))
    assert done.code == 1
    _one_error_line(done.stderr, f"{source}: holds no article")
    assert not output.exists()


def test_the_progress_bar_ends_at_its_total_after_an_archive_of_unreadable_records(
    tmp_path: Path,
) -> None:
    """The archive's own failure follows its skipped records: its verdict, not one more input."""
    import argparse

    from articlekit.batch import Batch
    from articlekit.cli import _Reporter

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.jsonl").write_bytes(b"garbage\n{bad\n")
    (tmp_path / "in" / "story.txt").write_bytes(STORY.read_bytes())
    batch = Batch([str(tmp_path / "in")], f"{tmp_path / 'out'}/", to="json")
    reporter = _Reporter(argparse.Namespace(quiet=True, debug=False, report=None), batch.count, 0)
    statuses = []
    for result in batch:
        reporter.result(result)
        statuses.append(result.status)
    assert batch.count() == 3
    assert statuses == ["skipped", "skipped", "failed", "converted"]
    assert (reporter.bar.n, reporter.bar.total) == (3, 3)
    reporter.finish(batch.summary, True)


def test_a_short_batch_shows_no_progress_bar_and_does_not_count_its_inputs() -> None:
    """The bar appears only some time into a run; a rerun with nothing to do ends before that,
    without listing its inputs a second time for a total."""
    import argparse

    from articlekit.batch import BatchResult
    from articlekit.cli import _Reporter

    counted: list[int] = []

    def count() -> int:
        counted.append(1)
        return 2

    quiet = argparse.Namespace(quiet=True, debug=False, report=None)
    done = BatchResult("a.txt", "up-to-date", ())
    reporter = _Reporter(quiet, count, after=60)
    reporter.result(done)
    assert reporter.bar is None and not counted
    late = _Reporter(quiet, count, after=0)
    late.result(done)
    late.result(done)
    assert counted == [1]
    assert (late.bar.n, late.bar.total) == (2, 2)  # (the result before the bar counts too)
    late.bar.close()


def test_an_empty_json_object_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "empty.json"
    source.write_bytes(b"{}\n")
    done = run_cli("convert", str(source))
    assert (done.code, done.stdout) == (1, b"")
    _one_error_line(done.stderr, f"{source}: neither canonical articlekit JSON", "empty object")


def test_an_output_folder_that_takes_no_files_is_named_as_existing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder that exists but cannot be written in (read-only, another user's) was "cannot
    make the output folder"."""
    from unittest.mock import patch

    from articlekit import cli

    def refused(name: str, *args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", name)

    (tmp_path / "out").mkdir()
    with patch("os.makedirs", refused):
        code = cli.main(["convert", str(STORY), "-o", f"{tmp_path / 'out'}/", "-q"])
    assert code == 1
    said = capsys.readouterr().err.strip()
    assert said.endswith(
        f"cannot write in the output folder: permission denied: cannot create files in "
        f"{tmp_path / 'out'}"
    )


@pytest.mark.parametrize("in_the_way", [".articlekit", ".articlekit/tmp"])
def test_a_file_in_the_way_inside_the_output_folder_is_named(
    tmp_path: Path, in_the_way: str
) -> None:
    """A file where the run keeps its record was blamed on the folder ("... out is not a
    folder"), or named in the system's words ("File exists")."""
    blocker = tmp_path / "out" / in_the_way
    blocker.parent.mkdir(parents=True)
    blocker.write_text("not a folder", encoding="utf-8")
    done = run_cli("convert", str(STORY), "-o", f"{tmp_path / 'out'}/", "-q")
    assert done.code == 1
    _one_error_line(done.stderr, f"cannot write in the output folder: {blocker} is not a folder")


@pytest.mark.parametrize("value", ["0", "-5", "99999999999999999999999"])
def test_max_bytes_must_be_in_range(value: str) -> None:
    for command in ("convert", "validate"):
        done = run_cli(command, str(STORY), "--max-bytes", value)
        assert done.code == 2
        _one_error_line(done.stderr, "--max-bytes takes a size in bytes, from 1 to")


def test_folder_output_under_a_file_is_a_clean_error(tmp_path: Path) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder", encoding="utf-8")
    done = run_cli("convert", str(STORY), "-o", f"{blocker}/sub/", "-q")
    assert done.code == 1
    _one_error_line(done.stderr, f"cannot make the output folder: {blocker} is not a folder")


CLI_SCRIPT = "from articlekit.cli import main; import sys; sys.exit(main(sys.argv[1:]))"
LIMITED_SCRIPT = (
    "import resource; resource.setrlimit(resource.RLIMIT_FSIZE, (512, 512)); " + CLI_SCRIPT
)


def test_failed_writes_are_one_line_errors_and_leave_no_temporary_file(tmp_path: Path) -> None:
    """A file size limit makes writing fail at flush, as a full disk does."""
    out = tmp_path / "out"
    out.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", LIMITED_SCRIPT, "convert", str(STORY), "-o", f"{out}/", "-q"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    _one_error_line(done.stderr, "File too large")
    assert _visible(out) == []
    _no_leftovers(out)
    with open("/dev/full", "wb") as full:
        to_full = subprocess.run(
            [sys.executable, "-c", CLI_SCRIPT, "convert", str(STORY), "--to", "json", "-q"],
            stdout=full, stderr=subprocess.PIPE, text=True, check=False,
        )  # fmt: skip
    assert to_full.returncode == 1
    _one_error_line(to_full.stderr, "-: No space left on device")


def test_closed_standard_streams(tmp_path: Path) -> None:
    script = CLI_SCRIPT
    no_stdout = subprocess.run(
        [sys.executable, "-c", script, "convert", str(STORY), "--to", "json", "-q"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False,
        preexec_fn=lambda: os.close(1),
    )  # fmt: skip
    assert no_stdout.returncode == 1
    _one_error_line(no_stdout.stderr, "standard output is closed")
    no_stdin = subprocess.run(
        [sys.executable, "-c", script, "convert", "-", "-o", str(tmp_path / "x.json")],
        stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False,
        preexec_fn=lambda: os.close(0),
    )  # fmt: skip
    assert no_stdin.returncode == 1
    _one_error_line(no_stdin.stderr, "-: empty file")


def test_folder_output_never_replaces_an_input_even_with_force(tmp_path: Path) -> None:
    first, second = tmp_path / "dA", tmp_path / "dB"
    first.mkdir()
    second.mkdir()
    (first / "a.txt").write_bytes(STORY.read_bytes())
    existing = run_cli("convert", str(DATA / "text" / "cr-only.txt"), "-q").stdout
    (second / "a.json").write_bytes(existing)
    done = run_cli("convert", str(first), str(second), "-o", f"{second}/", "--force", "-q")
    assert done.code == 1
    assert "a.json: would replace an input file; not written" in done.stderr
    assert (second / "a.json").read_bytes() == existing


def test_existing_outputs_in_a_folder_fail_their_input_only(tmp_path: Path) -> None:
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    out.mkdir()
    for name in "abcde":
        (source / f"{name}.txt").write_bytes(STORY.read_bytes())
    (out / "c.json").write_text("keep", encoding="utf-8")
    done = run_cli("convert", str(source), "-o", f"{out}/", "-q")
    assert done.code == 1
    _one_error_line(done.stderr, "c.json: output exists; use --force")
    assert _visible(out) == [f"{name}.json" for name in "abcde"]
    assert (out / "c.json").read_text(encoding="utf-8") == "keep"


def test_standard_input_redirected_from_the_output_file_is_refused(tmp_path: Path) -> None:
    story = tmp_path / "story.json"
    story.write_bytes(run_cli("convert", str(STORY), "--to", "json", "-q").stdout)
    before = story.read_bytes()
    with story.open("rb") as stdin:
        done = subprocess.run(
            [sys.executable, "-c", CLI_SCRIPT, "convert", "-", "-o", str(story), "--force",
             "--to", "text"],
            stdin=stdin, capture_output=True, text=True, check=False,
        )  # fmt: skip
    assert done.returncode == 2
    _one_error_line(done.stderr, "output is an input file")
    assert story.read_bytes() == before


def test_empty_output_name_is_a_usage_error() -> None:
    done = run_cli("convert", str(STORY), "-o", "")
    assert done.code == 2
    _one_error_line(done.stderr, "-o takes a file, a folder (DIR/) or - for stdout")


def test_a_folder_that_cannot_be_listed_is_reported_not_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulated: tests may run as root, whom no permission stops."""
    from articlekit import _io
    from articlekit.batch.inputs import Input, Rejected, expand

    (tmp_path / "a.txt").write_bytes(STORY.read_bytes())
    locked = tmp_path / "locked"
    locked.mkdir()
    real_listdir = os.listdir

    def listdir(path: Any) -> Any:
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_listdir(path)

    monkeypatch.setattr(os, "listdir", listdir)
    entries = list(expand([str(tmp_path)]))
    assert isinstance(entries[0], Input) and entries[0].relative == "a.txt"
    assert isinstance(entries[1], Rejected) and entries[1].source == str(locked)
    assert entries[1].error is not None
    assert "the folder cannot be read: permission denied" in str(entries[1].error)
    assert len(entries) == 2
    monkeypatch.setattr(os, "access", lambda *_: False)
    with pytest.raises(InputError, match="the folder cannot be read: permission denied"):
        _io.open_input(str(locked))


def test_ctrl_c_while_a_result_is_reported_still_ends_with_the_interrupted_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The signal may land in the reporter (printing a warning, counting for the bar), outside
    the batch: the run still stops, records what it did and says it was interrupted, and the
    result it was saying is reported whole (the report lacked one the run had counted)."""
    from unittest.mock import patch

    from articlekit import cli

    (tmp_path / "in").mkdir()
    for number in range(5):
        (tmp_path / "in" / f"story-{number}.txt").write_bytes(STORY.read_bytes())
    reported = cli._Reporter.result

    interrupted: list[bool] = []

    def interrupt_at_the_third(self: cli._Reporter, result: object) -> None:
        if self._done == 2 and not interrupted:
            interrupted.append(True)
            raise KeyboardInterrupt
        reported(self, result)  # type: ignore[arg-type]

    report = tmp_path / "report.jsonl"
    with patch.object(cli._Reporter, "result", interrupt_at_the_third):
        out = f"{tmp_path / 'out'}/"
        code = cli.main(["convert", str(tmp_path / "in"), "-o", out, "-q", "--report", str(report)])
    assert code == 130
    summary = capsys.readouterr().err.strip().splitlines()[-1]
    assert summary.startswith("articlekit: interrupted: ") and " in 0.00 s" not in summary
    results, said = report_of(report)
    assert len(results) == 3 and said["interrupted"] is True  # a cut-off run, said


def test_the_report_gives_each_warning_where_stderr_puts_it_and_the_fields_it_is_about(
    tmp_path: Path,
) -> None:
    """A warning with no line of its own is printed at 1:1 (as linters do); the report gives
    its line and column as null, as an error's where the source gives none (it gave 1 and 1,
    a position the source does not have), and names the article fields a writer's warning is
    about, as the API does."""
    from articlekit import Article, Paragraph, Span, write

    source = tmp_path / "in" / "lanterns.json"
    source.parent.mkdir()
    story = [Paragraph(content=[Span(text="The lantern walk of Merrow Bay moved to the mill.")])]
    write(Article(headline="Lanterns Move Inland", body=story, extras={"acme:desk": "wet"}), source)
    (source.parent / "notes.pdf").write_bytes(b"%PDF")
    report = tmp_path / "report.jsonl"
    run = run_cli(
        "convert", str(source.parent), "-o", f"{tmp_path / 'out'}/", "--to", "ninjs",
        "--report", str(report),
    )  # fmt: skip
    assert run.code == 0, run.stderr
    results, _ = report_of(report)
    printed = [line for line in run.stderr.splitlines() if "field-dropped" in line]
    warnings = [warning for result in results for warning in result["warnings"]]
    dropped = [warning for warning in warnings if warning["code"] == "field-dropped"]
    assert len(printed) == len(dropped) == 1
    assert printed[0].startswith(f"{dropped[0]['path']}:1:1: ")
    assert (dropped[0]["line"], dropped[0]["column"], dropped[0]["fields"]) == (
        None,
        None,
        ["extras"],
    )
    (folder_note,) = [warning for warning in warnings if warning["code"] == "input-files-skipped"]
    assert (folder_note["line"], folder_note["column"], folder_note["fields"]) == (None, None, [])


@pytest.mark.parametrize("into", ["folder", "file"])
def test_an_output_edited_since_articlekit_wrote_it_is_kept_and_said_to_be_edited(
    tmp_path: Path, into: str
) -> None:
    """The record knows what articlekit wrote: "output exists" says the file changed since,
    where a stranger's file only "exists"."""
    source = tmp_path / "in"
    source.mkdir()
    for name in "ab":
        (source / f"{name}.txt").write_bytes(STORY.read_bytes())
    output = f"{tmp_path / 'out'}/" if into == "folder" else str(tmp_path / "all.jsonl")
    assert run_cli("convert", str(source), "-o", output, "-q").code == 0
    edited = tmp_path / "out" / "b.json" if into == "folder" else tmp_path / "all.jsonl"
    edited.write_text(edited.read_text(encoding="utf-8") + " ", encoding="utf-8")
    again = run_cli("convert", str(source), "-o", output, "-q")
    assert again.code == 1
    _one_error_line(
        again.stderr,
        f"{edited}: output exists and changed since articlekit wrote it (its size or time);"
        " use --force",
    )
    assert edited.read_text(encoding="utf-8").endswith(" ")
    assert run_cli("convert", str(source), "-o", output, "-q", "--force").code == 0
    assert not edited.read_text(encoding="utf-8").endswith(" ")


def test_jobs_beyond_the_cpus_are_capped_and_said(tmp_path: Path) -> None:
    from articlekit._parallel import available_cpus

    story = tmp_path / "story.txt"
    story.write_text("Harbour Opens\n\nPORT ALDWIN — The quay opened.\n", encoding="utf-8")
    asked = available_cpus() + 1
    done = run_cli("convert", str(story), "-o", str(tmp_path / "out") + "/", "-j", str(asked))
    assert done.code == 0
    assert f"articlekit: note: -j {asked}: {available_cpus()} worker process" in done.stderr
    quiet = run_cli("convert", str(story), "-o", str(tmp_path / "q") + "/", "-j", str(asked), "-q")
    assert quiet.stderr == ""


def _stories_with_a_bad_one(folder: Path) -> None:
    """70 stories (worker processes with -j 2) and an empty file, whose error line is printed."""
    folder.mkdir()
    for number in range(70):
        (folder / f"story-{number:02d}.txt").write_text(
            f"Ferry {number} Sails\n\nPORT ALDWIN — Ferry {number} left the quay.\n",
            encoding="utf-8",
        )
    (folder / "story-empty.txt").write_bytes(b"")


@pytest.mark.parametrize("stderr", ["closed", "closed pipe", "full"])
def test_a_run_does_not_depend_on_stderr_being_writable(tmp_path: Path, stderr: str) -> None:
    """``2>&-``, ``2>&1 >/dev/null | head -1``, ``2>/dev/full``: the messages are lost, not
    the run (it ended at the first message: no report, no record)."""
    _stories_with_a_bad_one(tmp_path / "in")
    out, report = tmp_path / "out", tmp_path / "report.jsonl"
    command = [sys.executable, "-m", "articlekit", "convert", str(tmp_path / "in")]
    command += ["-o", f"{out}/", "-j", "2", "--report", str(report)]
    if stderr == "closed":
        done = subprocess.run(["sh", "-c", '"$@" 2>&-', "sh", *command], check=False)
    elif stderr == "closed pipe":
        reading, writing = os.pipe()
        os.close(reading)
        try:
            done = subprocess.run(command, stderr=writing, check=False)
        finally:
            os.close(writing)
    else:
        if not os.path.exists("/dev/full"):
            pytest.skip("no /dev/full here")
        with open("/dev/full", "w") as full:
            done = subprocess.run(command, stderr=full, check=False)
    assert done.returncode == 1  # (the empty file failed)
    _, summary = report_of(report)
    assert (summary["converted"], summary["failed"]) == (70, 1)
    assert len(list(out.glob("*.json"))) == 70
    again = run_cli("convert", str(tmp_path / "in"), "-o", f"{out}/", "-j", "2")
    assert "70 up to date" in again.stderr  # (recorded: a rerun has nothing to do)


def test_a_killed_run_leaves_no_earlier_report_to_mistake_for_its_own(tmp_path: Path) -> None:
    """A report is put in place at the run's end: a run killed before it left the earlier run's
    whole report, ending "interrupted": false; now a "started" line stands from the start."""
    import signal
    import time

    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(400):
        (folder / f"story-{number:03d}.txt").write_text(
            f"Ferry {number} Sails\n\nPORT ALDWIN — Ferry {number} left the quay.\n",
            encoding="utf-8",
        )
    report, out = tmp_path / "report.jsonl", tmp_path / "out"
    first = run_cli(
        "convert", str(folder / "story-000.txt"), "-o", f"{out}/", "--report", str(report)
    )
    assert first.code == 0 and report_of(report)[1]["interrupted"] is False
    process = subprocess.Popen(
        [sys.executable, "-m", "articlekit", "convert", str(folder), "-o", f"{tmp_path / 'o2'}/",
         "-j", "1", "-q", "--report", str(report)],
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not list((tmp_path / "o2").glob("*.json")):
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    lines = report.read_text(encoding="utf-8").splitlines()
    assert [set(json.loads(line)) for line in lines] == [{"started"}]
    finished = run_cli("convert", str(folder), "-o", f"{tmp_path / 'o2'}/", "--report", str(report))
    results, summary = report_of(report)  # (a finished run's report as before)
    assert finished.code == 0 and len(results) == 400 and summary["interrupted"] is False


def test_an_output_error_names_the_output_as_the_run_names_it(tmp_path: Path) -> None:
    """As given (relative here), never the absolute path some errors gave in the same run."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.txt").write_text(
        "Ferry Sails\n\nPORT ALDWIN — The ferry left.\n", encoding="utf-8"
    )
    (tmp_path / "out" / "story.json").mkdir(parents=True)
    done = run_cli("convert", "in", "-o", "out/", cwd=tmp_path)
    assert done.stderr == "articlekit: error: out/story.json: output is a directory\n"
