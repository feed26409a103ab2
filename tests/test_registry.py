"""Formats by name, extension and content; third-party formats through entry points.

The third-party format is a real distribution: a package plus its ``.dist-info`` folder with
``entry_points.txt``, put on ``PYTHONPATH`` so that ``importlib.metadata`` finds it exactly as it
finds an installed package.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError

from articlekit import detect, read, registry
from articlekit.errors import InputError, PluginError, UnknownFormatError, UsageError
from articlekit.model import Article
from articlekit.registry import Context, FormatInfo, _Plugin

from conftest import DATA, ROOT

PLUGIN = '''
"""A tiny page format in HTML syntax, as a third party would write one."""
import html, json, re
from articlekit.model import Article, Paragraph, Span

class HtmlReader:
    description = "minimal page (test plugin)"
    extensions = (".akpage",)

    def sniff(self, head):
        return head.lstrip().lower().startswith(b"<!doctype akpage")

    def read(self, data, context):
        text = data.decode("utf-8")
        title = re.search(r"<h1>(.*?)</h1>", text)
        paragraphs = [html.unescape(p) for p in re.findall(r"<p>(.*?)</p>", text)]
        if not paragraphs:
            context.warn("akpage-empty", "no paragraphs")
        yield Article(
            headline=html.unescape(title.group(1)) if title else None,
            body=[Paragraph(content=[Span(text=p)]) for p in paragraphs],
        )

class CrashingReader:
    """A buggy third-party reader: a batch must survive it."""

    extensions = (".crash",)

    def read(self, data, context):
        raise ValueError("bug in a plugin")
        yield

crashing_reader = CrashingReader()


class CrashingWriter:
    extensions = (".crash",)

    def write(self, article, context):
        raise RuntimeError("boom in a plugin writer")

crashing_writer = CrashingWriter()


class DictWriter:
    """A buggy third-party writer: it returns the article's fields, not bytes."""

    def write(self, article, context):
        return {"headline": article.headline}

dict_writer = DictWriter()


class BytearrayWriter:
    def write(self, article, context):
        return bytearray(article.headline.encode("utf-8"))

bytearray_writer = BytearrayWriter()


class HtmlWriter:
    description = "minimal page (test plugin)"
    extensions = (".akpage",)
    options = ("page-style",)

    def write(self, article, context):
        parts = ["<!DOCTYPE akpage>"]
        if context.option("page-style"):
            parts.append(f"<!-- page-style: {context.option('page-style')} -->")
        if article.headline:
            parts.append(f"<h1>{html.escape(article.headline)}</h1>")
        parts += [f"<p>{html.escape(text)}</p>" for text in article.paragraphs]
        return "\\n".join(parts).encode("utf-8")

reader = HtmlReader()
writer = HtmlWriter()


class DeskJson:
    """A newsroom system's JSON, named with a two-part extension that ends in a built-in one."""

    extensions = (".desk.json",)

    def sniff(self, head):
        return head.lstrip().startswith(b'{"desk": 1')

    def read(self, data, context):
        story = json.loads(data)
        yield Article(
            language=context.option("desk-language"),  # (read without declaring it)
            headline=story["title"],
            body=[Paragraph(content=[Span(text=text)]) for text in story["paragraphs"]],
        )

    def write(self, article, context):
        story = {"desk": 1, "title": article.headline, "paragraphs": article.paragraphs}
        if context.option("desk-site"):  # (an option it reads without declaring it)
            story["site"] = context.option("desk-site")
        return json.dumps(story).encode("utf-8")

desk = DeskJson()


class SiteCard:
    """A writer that declares its one option as a string, not a tuple."""

    extensions = (".sitecard",)
    options = "card-site"

    def write(self, article, context):
        return f"{context.option('card-site')}: {article.headline}".encode("utf-8")

site_card = SiteCard()
'''


@pytest.fixture
def plugin_path(tmp_path: Path) -> Path:
    package = tmp_path / "akhtml"
    package.mkdir()
    (package / "__init__.py").write_text(PLUGIN, encoding="utf-8")
    info = tmp_path / "akhtml-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: akhtml\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        textwrap.dedent("""\
        [articlekit.readers]
        akpage = akhtml:reader
        json = akhtml:reader
        broken = akhtml_missing:reader
        crash = akhtml:crashing_reader
        deskjson = akhtml:desk

        [articlekit.writers]
        akpage = akhtml:writer
        deskjson = akhtml:desk
        crash = akhtml:crashing_writer
        dictish = akhtml:dict_writer
        bytearrayish = akhtml:bytearray_writer
        sitecard = akhtml:site_card
        """)
    )
    return tmp_path


def _run(
    plugin_path: Path, *args: str, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    # (the plugin besides the articlekit under test: PYTHONPATH=src, else the one installed)
    path = os.pathsep.join(filter(None, [str(plugin_path), os.environ.get("PYTHONPATH")]))
    environment = dict(os.environ, PYTHONPATH=path)
    return subprocess.run(
        [sys.executable, "-m", "articlekit", *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd,
        check=False,
        timeout=60,
    )


def test_third_party_format_converts_both_ways(plugin_path: Path, tmp_path: Path) -> None:
    source = DATA / "text" / "bom-agency-dateline.txt"
    out = tmp_path / "story.akpage"
    done = _run(plugin_path, "convert", str(source), "-o", str(out))
    assert done.returncode == 0, done.stderr
    html = out.read_text(encoding="utf-8")
    assert "<h1>Museum Returns Bronze Bells to Mountain Village</h1>" in html
    back = _run(plugin_path, "convert", str(out), "--to", "json")
    assert back.returncode == 0, back.stderr
    article = json.loads(back.stdout)
    assert article["headline"] == "Museum Returns Bronze Bells to Mountain Village"
    assert article["body"][1]["content"][0]["text"].startswith("The bells had hung")


def test_third_party_sniffer_is_used_after_builtin_signatures(
    plugin_path: Path, tmp_path: Path
) -> None:
    page = tmp_path / "page.unknown"
    page.write_text("<!DOCTYPE akpage>\n<h1>Sniffed</h1>\n<p>Body.</p>\n", encoding="utf-8")
    done = _run(plugin_path, "convert", str(page))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["headline"] == "Sniffed"


def test_a_plugin_s_longer_extension_wins_over_the_built_in_one_it_ends_in(
    plugin_path: Path, tmp_path: Path
) -> None:
    """``.desk.json`` is the plugin's, not canonical JSON's ``.json``: written (canonical JSON
    was written silently) and read back (the JSON reader refused it)."""
    out = tmp_path / "story.desk.json"
    done = _run(plugin_path, "convert", str(DATA / "text" / "body-only.txt"), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["desk"] == 1
    back = _run(plugin_path, "convert", str(out), "--to", "json")
    assert back.returncode == 0, back.stderr
    assert json.loads(back.stdout)["body"][0]["content"][0]["text"].startswith("The regional")


def test_a_plugin_s_sniffer_is_asked_before_a_built_in_extension_its_content_does_not_fit(
    plugin_path: Path, tmp_path: Path
) -> None:
    """JSON that no built-in format claims, in a ``.json`` file, goes to the plugin whose
    sniffer claims it (the JSON reader refused it); in a ``.txt`` file it stays the text
    reader's (only JSON and XML formats' extensions give way to sniffers), and JSON no one
    claims the extension's format's."""
    story = '{"desk": 1, "title": "Quay Reopens", "paragraphs": ["The quay reopened."]}'
    (tmp_path / "story.json").write_text(story, encoding="utf-8")
    done = _run(plugin_path, "convert", str(tmp_path / "story.json"), "--to", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["headline"] == "Quay Reopens"
    cases = [
        ("story.json", story),
        ("story.txt", story),
        ("story.json", '{"desk": 2}'),
        ("story.txt", "Quay Reopens\n\nThe quay reopened.\n"),
        ("story.desk.json", '{"schema_version": "1.4"}'),  # content that cannot be mistaken
    ]
    assert _readers_chosen(plugin_path, cases) == ["deskjson", "text", "json", "text", "json"]


def _readers_chosen(
    plugin_path: Path, cases: list[tuple[str, str]], *, scan: bool = True
) -> list[str]:
    """:func:`detect.reader_for` of each (file name, content) in a process with the plugin
    installed (without reading entry points, when not ``scan``)."""
    script = (
        "import json, sys, importlib.metadata\n"
        "def refuse(*a, **k): raise SystemExit('entry points were scanned')\n"
        "if sys.argv[1] == 'refuse': importlib.metadata.entry_points = refuse\n"
        "from articlekit import detect\n"
        "cases = json.load(sys.stdin)\n"
        "print(json.dumps([detect.reader_for(name, text.encode()) for name, text in cases]))\n"
    )
    path = os.pathsep.join(filter(None, [str(plugin_path), os.environ.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-c", script, "scan" if scan else "refuse"],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=path),
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    chosen: list[str] = json.loads(done.stdout)
    return chosen


GREEDY_SNIFFER = """
class Greedy:
    extensions = (".greedy",)

    def sniff(self, head):
        return head.lstrip()[:1] in (b"{", b"[", b"<")

    def read(self, data, context):
        return iter(())

reader = Greedy()
"""


def test_only_json_and_xml_extensions_give_way_to_sniffers_and_only_for_json_or_xml(
    tmp_path: Path,
) -> None:
    """A sniffer that takes anything opening with ``{``, ``[`` or ``<`` gets no plain text in
    ``.txt`` or ``.md`` (a web copy opening with a tracking pixel or a "[Skip to main
    content]" link, notes opening with a comment or a centred paragraph) and no JSON Lines in
    ``.jsonl``, without entry points even being read; it took them all (sniff() calls such
    text JSON or XML by its first character). In a ``.json`` or ``.nitf.xml`` file it gets what
    parses as JSON or XML no built-in format claims (the first 64 KiB of a longer file up to
    where they end), not what only opens like it."""
    (tmp_path / "greedy.py").write_text(GREEDY_SNIFFER, encoding="utf-8")
    _distribution(tmp_path, "greedy", "[articlekit.readers]\ngreedy = greedy:reader\n")
    ninjs_lines = '{"uri": "urn:a", "headline": "Quay"}\n{"uri": "urn:b", "headline": "Ferry"}\n'
    built_in = [
        ("page.txt", '<img height="1" src="https://example.org/p.gif">\nQuay Reopens\n\nText.'),
        ("rfc.txt", "[ Docs ] [ txt | pdf ]\n\nHarbour Working Group\n\nText."),
        ("story.txt", "[Skip to main content](#main)\n\nQuay Reopens\n\nThe quay reopened."),
        ("story.txt", '{"cms": 1, "title": "Quay Reopens"}'),
        ("notes.md", "<!-- draft -->\n# Quay Reopens\n\nThe quay reopened.\n"),
        ("notes.md", "<p align=center>Harbour News</p>\n\n# Quay Reopens\n"),
        ("feed.jsonl", ninjs_lines),
    ]
    assert _readers_chosen(tmp_path, built_in, scan=False) == [
        "text", "text", "text", "text", "markdown", "markdown", "jsonl"
    ]  # fmt: skip
    long_text = "Quay Reopens. " * 5000  # (over the 64 KiB sniffing reads)
    structured = [
        ("story.json", '{"cms": 1, "title": "Quay Reopens"}'),
        ("story.json", '{"cms": 1, "body": "' + long_text),
        ("story.json", "[Skip to main content](#main)\n\nQuay Reopens"),
        ("story.json", "[Skip to main content](#main) " + long_text),
        ("story.json", ninjs_lines),  # JSON Lines: not one JSON value
        ("story.nitf.xml", "<cms><story>Quay Reopens</story></cms>"),
        ("story.nitf.xml", "<p align=center>Quay Reopens</p>"),
    ]
    assert _readers_chosen(tmp_path, structured) == [
        "greedy", "greedy", "json", "json", "json", "greedy", "nitf"
    ]  # fmt: skip


def test_built_in_files_need_no_entry_point_scan_with_plugins_installed(plugin_path: Path) -> None:
    """A name whose extension is all a built-in one's, with content that format reads, is read
    without looking for third-party formats (a scan of every installed distribution)."""
    cases = [
        ("story.txt", "Quay Reopens\n\nThe quay reopened.\n"),
        ("story.ninjs.json", '{"uri": "urn:x", "headlines": []}'),
        ("story.json", '{"schema_version": "1.4"}'),
        ("story.md", "Quay Reopens\n\nThe quay reopened.\n"),
        ("story.html", "<p>The quay reopened.</p>"),
    ]
    chosen = _readers_chosen(plugin_path, cases, scan=False)
    assert chosen == ["text", "ninjs", "json", "markdown", "html"]


def test_the_readme_s_plugin_example_works_as_written(tmp_path: Path) -> None:
    """The package of the README's section on third-party formats, installed as its
    ``pyproject.toml`` says: its format is listed, not refused as a clash (it was ``html``, a
    built-in name since), writes and reads ``.cms.json`` and takes the option it declares."""
    import re
    import tomllib

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Extending: third-party formats") :]
    module = re.search(r"```python\n# (mypackage/\w+\.py)\n(.*?)```", section, re.DOTALL)
    project = re.search(r"```toml\n(.*?)```", section, re.DOTALL)
    assert module is not None and project is not None
    (tmp_path / "mypackage").mkdir()
    (tmp_path / "mypackage" / "__init__.py").write_text("")
    (tmp_path / module.group(1)).write_text(module.group(2), encoding="utf-8")
    declared = tomllib.loads(project.group(1))["project"]
    lines = [
        line
        for group, entries in declared["entry-points"].items()
        for line in (f"[{group}]", *(f"{name} = {target}" for name, target in entries.items()))
    ]
    _distribution(tmp_path, declared["name"], "\n".join(lines) + "\n")
    listed = _run(tmp_path, "formats")
    assert listed.returncode == 0, listed.stderr
    assert "ignored" not in listed.stdout and "mypackage]  .cms.json" in listed.stdout
    out = tmp_path / "story.cms.json"
    source = str(DATA / "text" / "bom-agency-dateline.txt")
    done = _run(tmp_path, "convert", source, "-o", str(out), "-O", "cms-site=harbour-news")
    assert done.returncode == 0, done.stderr
    written = json.loads(out.read_text(encoding="utf-8"))
    assert (written["cms"], written["site"]) == (1, "harbour-news")
    back = _run(tmp_path, "convert", str(out), "--to", "json")
    assert back.returncode == 0, back.stderr
    assert json.loads(back.stdout)["headline"] == written["title"]


def test_formats_lists_plugins_and_refuses_clashes(plugin_path: Path) -> None:
    done = _run(plugin_path, "formats")
    assert done.returncode == 0, done.stderr
    assert "akpage" in done.stdout and "minimal page (test plugin) [akhtml]" in done.stdout
    assert "ignored: json (akhtml): name already taken" in done.stdout
    assert "broken" in done.stdout and "cannot be loaded" in done.stdout


def test_broken_plugin_is_a_clean_usage_error(plugin_path: Path) -> None:
    done = _run(plugin_path, "convert", str(DATA / "text" / "body-only.txt"), "--from", "broken")
    assert done.returncode == 2
    assert done.stderr.startswith("articlekit: error: format 'broken' (akhtml) cannot be loaded")
    assert "Traceback" not in done.stderr


def test_a_plugin_without_declared_options_leaves_every_other_format_checked(
    plugin_path: Path, tmp_path: Path
) -> None:
    """The plugin's reader lists no ``options``: it takes none, and ``-O`` keys stay checked for
    every format (one such plugin installed let any key pass for all of them, exit 0); the
    plugin's writer lists its own, taken only by runs that write it."""
    story = str(DATA / "text" / "body-only.txt")
    done = _run(plugin_path, "convert", story, "-O", "extra=false", "--to", "markdown")
    assert done.returncode == 0  # (kept for the plugin's reader; the text reader says it)
    assert "option-ignored -O extra: the text reader takes no such option; ignored" in done.stderr
    done = _run(plugin_path, "convert", story, "-O", "extra=false", "--from", "text")
    assert done.returncode == 2
    assert "unknown option 'extra' (known: " in done.stderr
    done = _run(plugin_path, "convert", story, "-O", "page-style=plain", "--to", "markdown")
    assert done.returncode == 2
    assert "option 'page-style' is for the akpage writer only; this run writes markdown" in (
        done.stderr
    )
    out = tmp_path / "story.akpage"
    done = _run(plugin_path, "convert", story, "-O", "page-style=plain", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "<!-- page-style: plain -->" in out.read_text(encoding="utf-8")


def test_a_run_of_a_plugin_without_declared_options_leaves_its_own_keys_unchecked(
    plugin_path: Path, tmp_path: Path
) -> None:
    """A plugin that reads ``context.option()`` without declaring ``options`` gets its keys when
    the run writes it or names it with ``--from`` (such runs exited 2, ``unknown option``);
    runs of built-in formats and of plugins that declare their options still refuse keys no
    format declares, also with the plugin installed; a string ``options`` is one key."""
    story = str(DATA / "text" / "body-only.txt")
    out = tmp_path / "story.desk.json"
    done = _run(plugin_path, "convert", story, "-O", "desk-site=harbour", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["site"] == "harbour"
    done = _run(plugin_path, "convert", str(out), "--from", "deskjson", "-O", "desk-x=1")
    assert done.returncode == 0, done.stderr
    for ignored in (
        ["--to", "markdown"],  # built-in formats
        ["-o", str(tmp_path / "story.akpage")],  # a plugin writer that declares its options
    ):  # (the run's reader known only as its input is read: the key ignored there, said)
        done = _run(plugin_path, "convert", story, "-O", "desk-site=harbour", *ignored)
        assert done.returncode == 0, ignored
        assert "option-ignored -O desk-site: the text reader takes no such" in done.stderr
    done = _run(plugin_path, "convert", story, "-O", "desk-site=harbour", "--from", "text")
    assert done.returncode == 2
    assert "unknown option 'desk-site' (known: " in done.stderr
    card = tmp_path / "story.sitecard"
    done = _run(plugin_path, "convert", story, "-O", "card-site=harbour", "-o", str(card))
    assert done.returncode == 0, done.stderr
    assert card.read_text(encoding="utf-8").startswith("harbour: ")
    done = _run(plugin_path, "convert", story, "--from", "text", "-O", "c=1", "-o", str(card))
    assert done.returncode == 2
    assert "unknown option 'c' (known: " in done.stderr


def test_a_plugin_reader_found_by_detection_takes_its_own_keys(
    plugin_path: Path, tmp_path: Path
) -> None:
    """Keys are checked once the run's reader is known: a plugin reader without declared
    options, found by its extension or sniffer, reads its keys (they were refused, exit 2,
    unless ``--from`` named it); an input another reader reads ignores them, said, and the run
    goes on (a folder of both stopped at its first other input, exit 2, outputs half written)."""
    desk = tmp_path / "story.desk.json"
    desk.write_text('{"desk": 1, "title": "Quay reopens", "paragraphs": ["Boats are back."]}')
    sniffed = tmp_path / "story.json"  # (found by its sniffer, not its extension)
    sniffed.write_bytes(desk.read_bytes())
    for source in (desk, sniffed):
        done = _run(plugin_path, "convert", str(source), "--to", "json", "-O", "desk-language=nb")
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["language"] == "nb"
    story = str(DATA / "text" / "body-only.txt")
    done = _run(plugin_path, "convert", story, "--to", "json", "-O", "desk-language=nb")
    assert done.returncode == 0  # (and a folder of both kinds converts whole: it stopped at 2)
    assert "option-ignored -O desk-language: the text reader takes no such" in done.stderr
    (tmp_path / "mixed").mkdir()
    (tmp_path / "mixed" / "a.desk.json").write_bytes(desk.read_bytes())
    (tmp_path / "mixed" / "b.txt").write_text(Path(story).read_text(encoding="utf-8"))
    mixed = _run(plugin_path, "convert", str(tmp_path / "mixed"), "-o", f"{tmp_path / 'out'}/",
                 "-O", "desk-language=nb")  # fmt: skip
    assert mixed.returncode == 0, mixed.stderr
    assert sorted(path.name for path in (tmp_path / "out").glob("*.json")) == ["a.json", "b.json"]
    checked = _run(plugin_path, "validate", str(desk), "-O", "desk-language=nb")
    assert "unknown option" not in checked.stderr and checked.returncode != 2
    checked = _run(plugin_path, "validate", story, "-O", "desk-language=nb")
    assert checked.returncode == 2
    assert "unknown option 'desk-language' (known: " in checked.stderr


def test_a_run_from_a_plugin_reader_still_checks_the_keys_formats_declare(
    plugin_path: Path, tmp_path: Path
) -> None:
    """``--from`` a plugin without declared options let every key pass: a key a built-in format
    declares, for a writer the run does not use, was ignored unsaid. Keys no format declares
    still reach the plugin."""
    desk = tmp_path / "story.desk.json"
    desk.write_text('{"desk": 1, "title": "Quay reopens", "paragraphs": ["Boats are back."]}')
    base = ["convert", str(desk), "--from", "deskjson", "--to", "nitf"]
    done = _run(plugin_path, *base, "-O", "body=nitf")
    assert done.returncode == 2
    assert "option 'body' is for the newsml writer only; this run writes nitf" in done.stderr
    done = _run(plugin_path, *base, "-O", "desk-language=nb")
    assert done.returncode == 0, done.stderr


def test_builtin_lookup_and_unknown_names() -> None:
    assert callable(registry.get_reader("text").read)
    assert callable(registry.get_writer("jsonl").write)
    with pytest.raises(UnknownFormatError, match=r"known: .*json.*text"):
        registry.get_writer("pdf")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<?xml version="1.0"?>\n<!-- c -->\n<newsMessage xmlns="x">', "newsml"),
        (b"<!DOCTYPE nitf SYSTEM 'nitf.dtd'>\n<nitf>", "nitf"),
        (b'<!DOCTYPE nitf [<!ENTITY a "b">]>\n<?pi x?><nitf>', "nitf"),
        (b"<!---->" * 40 + b"<!-- -->", None),  # no root: once took exponential time
        (b"<??>" * 40, None),
        (b"<!DOCTYPE x " + b"[]" * 40, None),
        (b"<ns0:newsItem xmlns:ns0='http://iptc.org/std/nar/2006-10-01/'>", "newsml"),
        (b"\xef\xbb\xbf<packageItem>", "newsml"),
        (b"\xff\xfe\x00\x00" + "<nitf>".encode("utf-32-le"), "nitf"),  # not UTF-16's mark
        (b"\x00\x00\xfe\xff" + "<newsItem>".encode("utf-32-be"), "newsml"),
        (b"PK\x03\x04rest", "docx"),
        (b'{"uri": "http://example.org/1", "headlines": []}', "ninjs"),
        (b'{\n  "schema_version": "1.0"', "json"),
        (b'{"headline": "H", "body": [{"type": "paragraph", "content": [{"text": "P"}]}]}', "json"),
        (b'{"schema_version": "1.0"}\n{"schema_version": "1.0"}\n', "jsonl"),
        (b"Plain words.", None),
        (b"<!doctype html>\n<html lang=en>", "html"),
        (
            b"\xef\xbb\xbf  <!-- saved page -->\n<!DOCTYPE HTML PUBLIC '-//W3C//DTD HTML 4.01'>",
            "html",
        ),
        (b"\n\n<HTML><body>", "html"),
        (b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', "html"),
        (b"<htmlish>", None),
        (b"---\ntitle: Quay\ntags:\n  - a\n---\nBody.", "markdown"),
        (b"---\n---\n", "markdown"),
        (b"---\nNot: a key line? yes it is\n---", "markdown"),
        (b"---\nSome text under a rule\n---\n", None),
        (b"---\ntitle: never closed\n", None),
        (b'+++\ntitle = "Quay"\ntags = ["a"]\n[params]\ndesk = "harbour"\n+++\nBody.', "markdown"),
        (b"+++\n+++\n", "markdown"),
        (b"+++\nSome text under a rule\n+++\n", None),
        (b'+++\ntitle = "never closed"\n', None),
    ],
)
def test_sniffing_classifies_content(head: bytes, expected: str | None) -> None:
    assert detect.sniff(head).format == expected


@pytest.mark.parametrize(
    ("path", "head", "expected"),
    [
        ("a.txt", b"Headline\n\nBody.", "text"),
        ("page.txt", b"<!doctype html><html><body><p>x</p>", "html"),
        (None, b"  <!-- a --><html lang='en'>", "html"),
        ("story.md", b"---\ntitle: T\n---\nBody.", "markdown"),
        ("a.tst", b"\x16\x16\x01...", "text"),
        ("a.txt", b'{\n  "schema_version": "1.0"', "json"),
        ("a.jsonl", b'{"schema_version": "1.0"}\n{"schema_version": "1.0"}\n', "jsonl"),
        (None, b"Plain words.", "text"),
    ],
)
def test_reader_choice(path: str | None, head: bytes, expected: str) -> None:
    assert detect.reader_for(path, head) == expected
    assert detect.reader_for(path, head, "text") == "text"


def test_detection_refuses_what_no_format_claims() -> None:
    with pytest.raises(InputError, match=r"legacy \.doc / encrypted"):
        detect.reader_for("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 8)
    with pytest.raises(InputError, match="XML root element <rss>"):
        detect.reader_for("a.xml", b"<rss><channel/></rss>")
    # JSON no format claims goes to the ninjs reader, which names what did not fit
    assert detect.reader_for("a.dat", b'{"foo": 1}') == "ninjs"
    with pytest.raises(InputError, match=r'canonical articlekit JSON .*nor ninjs: "foo" is no'):
        read(b'{"foo": 1}')
    assert detect.reader_for("a.json", b'{"foo": 1}') == "json"  # the extension decides


def test_output_format_from_extension() -> None:
    assert detect.writer_for("out.json") == "json"
    assert detect.writer_for("out.jsonl") == "jsonl"
    assert detect.writer_for("out.TXT") == "text"
    assert detect.writer_for(None) == "json"
    with pytest.raises(
        UnknownFormatError,
        match=r"choose one with the format argument \(format=, to_format=, to=\)",
    ):
        detect.writer_for("out.pdf")
    assert isinstance(UnknownFormatError("x"), UsageError)


def test_a_buggy_reader_fails_its_file_not_the_batch(plugin_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for number in range(3):
        (folder / f"story-{number}.txt").write_bytes((DATA / "text" / "cr-only.txt").read_bytes())
    (folder / "story-1.crash").write_bytes(b"anything")
    out = tmp_path / "all.jsonl"
    done = _run(plugin_path, "convert", str(folder), "-o", str(out), "-q")
    assert done.returncode == 1
    assert (
        "story-1.crash: the crash reader of the plugin akhtml failed (ValueError: bug in a "
        "plugin); this is a bug in akhtml (entry point crash = akhtml:crashing_reader): please "
        "report it to its authors"
    ) in done.stderr
    assert "internal error" not in done.stderr  # (articlekit's own bugs are reported so)
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3


def test_a_crashing_plugin_writer_is_blamed_on_its_plugin(
    plugin_path: Path, tmp_path: Path
) -> None:
    """It was "internal error (...); please report it": to articlekit, which cannot fix it."""
    done = _run(plugin_path, "convert", str(DATA / "text" / "cr-only.txt"), "--to", "crash")
    assert done.returncode == 1
    assert done.stderr.strip().endswith(
        "cr-only.txt: the crash writer of the plugin akhtml failed (RuntimeError: boom in a "
        "plugin writer); this is a bug in akhtml (entry point crash = akhtml:crashing_writer): "
        "please report it to its authors"
    )


def test_a_plugin_writer_that_returns_no_bytes_is_blamed_on_its_plugin(
    plugin_path: Path, tmp_path: Path
) -> None:
    """A writer that returns a dict was "internal error (TypeError ...); rerun with --debug and
    report it", naming neither the file nor the plugin; bytes-like data is written."""
    source = str(DATA / "text" / "cr-only.txt")
    for output in (["--to", "dictish"], ["-o", f"{tmp_path}/out/", "--to", "dictish"]):
        done = _run(plugin_path, "convert", source, *output)
        assert done.returncode == 1
        assert done.stderr.strip().endswith(
            "cr-only.txt: the dictish writer of the plugin akhtml failed (TypeError: write() "
            "returned dict, not bytes); this is a bug in akhtml (entry point dictish = "
            "akhtml:dict_writer): please report it to its authors"
        )
    done = _run(plugin_path, "convert", source, "--to", "bytearrayish")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == read(Path(source)).value.headline


def test_schema_folder_follows_each_file_s_link_to_its_own_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two files side by side that link into two projects get each project's schema folder
    (the folder is remembered per process, by where the file really is)."""
    monkeypatch.delenv("ARTICLEKIT_SCHEMAS", raising=False)
    links = tmp_path / "links"
    links.mkdir()
    for name in ("one", "two"):
        project = tmp_path / name
        (project / "schemas").mkdir(parents=True)
        (project / "pyproject.toml").write_text(
            '[tool.articlekit]\nschemas = "schemas"\n', encoding="utf-8"
        )
        (project / "story.json").write_text("{}", encoding="utf-8")
        (links / f"{name}.json").symlink_to(project / "story.json")
    for name in ("one", "two"):
        context = registry.Context(path=str(links / f"{name}.json"))
        assert context.schema_folder() == (tmp_path / name / "schemas").resolve()


def test_schema_folder_follows_a_folder_s_link_to_its_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files in linked folders (not links themselves) get the schema folder of the project the
    folder leads to, and a file of the same name in the project itself the same one."""
    monkeypatch.delenv("ARTICLEKIT_SCHEMAS", raising=False)
    for name in ("one", "two"):
        project = tmp_path / name
        (project / "stories").mkdir(parents=True)
        (project / "schemas").mkdir()
        (project / "pyproject.toml").write_text(
            '[tool.articlekit]\nschemas = "schemas"\n', encoding="utf-8"
        )
        (project / "stories" / "story.json").write_text("{}", encoding="utf-8")
        (tmp_path / f"{name}-stories").symlink_to(project / "stories")
    for name in ("one", "two", "one"):
        expected = (tmp_path / name / "schemas").resolve()
        for path in (tmp_path / f"{name}-stories", tmp_path / name / "stories"):
            context = registry.Context(path=str(path / "story.json"))
            assert context.schema_folder() == expected


def _distribution(folder: Path, name: str, entry_points: str | None) -> None:
    info = folder / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    if entry_points is not None:
        (info / "entry_points.txt").write_text(entry_points)


def test_the_plugin_scan_is_skipped_only_where_no_distribution_can_declare_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``importlib.metadata`` reads every installed distribution's metadata (a tenth of a second
    with many installed); a few reads of ``entry_points.txt`` files tell when it cannot find a
    third-party format, and anything they cannot look into leaves the decision to it."""
    site = tmp_path / "site"
    _distribution(site, "tool", "[console_scripts]\ntool = tool:main\n")
    _distribution(site, "nothing", None)
    (site / "loose.egg-info").write_text("Metadata-Version: 2.1\nName: loose\n")  # a file
    monkeypatch.setattr(sys, "path", [str(site), str(tmp_path / "absent")])
    from importlib.machinery import PathFinder

    standard = [f for f in sys.meta_path if f is PathFinder or not hasattr(f, "find_distributions")]
    monkeypatch.setattr(sys, "meta_path", standard)  # a backport imported by others adds one
    assert not registry._may_declare(registry.READERS_GROUP)
    # a group whose name only starts the same is another group
    _distribution(site, "near", "[articlekit.readers.extra]\nx = y:z\n")
    assert not registry._may_declare(registry.READERS_GROUP)
    _distribution(site, "akfmt", "[articlekit.writers]\nakfmt = akfmt:writer\n")
    assert registry._may_declare(registry.WRITERS_GROUP)
    assert not registry._may_declare(registry.READERS_GROUP)
    # what the reads cannot see into: a zip or an egg on the path, another finder of distributions
    archive = tmp_path / "formats.zip"
    archive.write_bytes(b"PK\x05\x06" + bytes(18))
    monkeypatch.setattr(sys, "path", [str(site), str(archive)])
    assert registry._may_declare(registry.READERS_GROUP)
    monkeypatch.setattr(sys, "path", [str(site), str(tmp_path / "old.egg")])
    assert registry._may_declare(registry.READERS_GROUP)
    monkeypatch.setattr(sys, "path", [str(site)])

    class Finder:
        @staticmethod
        def find_distributions(*_: object) -> list[object]:
            return []

    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Finder])
    assert registry._may_declare(registry.READERS_GROUP)


def test_the_plugin_pre_check_never_hides_what_importlib_metadata_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every layout a distribution can have on the path: wherever the full scan finds a format,
    the pre-check lets it look."""
    import zipfile
    from importlib.metadata import entry_points

    declares = "[articlekit.readers]\nakfmt = akfmt:reader\n"
    layouts: dict[str, tuple[Path, list[str | Path]]] = {}
    for name, folder in (
        ("dist-info", "akfmt-1.0.dist-info"),
        ("egg-info", "akfmt.egg-info"),
        ("capitals", "AKFMT-1.0.DIST-INFO"),
    ):
        site = tmp_path / name
        (site / folder).mkdir(parents=True)
        (site / folder / "METADATA").write_text("Metadata-Version: 2.1\nName: akfmt\nVersion: 1\n")
        (site / folder / "PKG-INFO").write_text("Metadata-Version: 2.1\nName: akfmt\nVersion: 1\n")
        (site / folder / "entry_points.txt").write_text(declares)
        layouts[name] = (tmp_path, [str(site)])
    layouts["a path object"] = (tmp_path, [tmp_path / "dist-info"])
    layouts["relative"] = (tmp_path, ["dist-info"])
    layouts["the current folder"] = (tmp_path / "dist-info", [""])
    egg = tmp_path / "akfmt-1.0.egg"
    (egg / "EGG-INFO").mkdir(parents=True)
    (egg / "EGG-INFO" / "PKG-INFO").write_text("Metadata-Version: 2.1\nName: akfmt\nVersion: 1\n")
    (egg / "EGG-INFO" / "entry_points.txt").write_text(declares)
    layouts["an egg"] = (tmp_path, [str(egg)])
    archive = tmp_path / "akfmt.zip"
    with zipfile.ZipFile(archive, "w") as packed:
        packed.writestr("akfmt-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: akfmt\n")
        packed.writestr("akfmt-1.0.dist-info/entry_points.txt", declares)
    layouts["a zip"] = (tmp_path, [str(archive)])
    for layout, (folder, path) in layouts.items():
        monkeypatch.chdir(folder)
        monkeypatch.setattr(sys, "path", path)
        found = list(entry_points(group=registry.READERS_GROUP))
        assert found, layout  # (each layout is one importlib.metadata reads)
        assert registry._may_declare(registry.READERS_GROUP), layout


def _refused_article() -> Article:
    return Article(headline="Ferries\x01")


def _too_deep() -> Article:
    raise RecursionError


def _buggy() -> Article:
    raise ZeroDivisionError


@pytest.mark.parametrize(
    ("fault", "expected"),
    [(_refused_article, ValidationError), (_too_deep, RecursionError), (_buggy, PluginError)],
)
def test_a_plugin_readers_word_on_its_input_is_no_bug_of_its_own(
    fault: Callable[[], Article], expected: type[Exception]
) -> None:
    """An article the model refuses, or an input nested too deeply, is what is wrong with the
    input, passed on for the reading to report as the input's, as when articlekit's own readers
    meet it (it was blamed on the plugin); any other exception is the plugin's bug."""

    class Reader:
        def read(self, data: bytes, context: Context) -> Iterator[Article]:
            yield fault()

    info = FormatInfo("odd", "reader", "", (".odd",), "akodd", "akodd:reader")
    with pytest.raises(expected):
        list(_Plugin(Reader(), info).read(b"x", Context()))


def test_a_plugin_writers_validation_error_is_its_own_bug() -> None:
    """The article a writer is given is valid: a ValidationError it raises (from a model of its
    own) is the plugin's bug, not the input's."""

    class Writer:
        def write(self, article: Article, context: Context) -> bytes:
            _refused_article()
            return b""

    info = FormatInfo("odd", "writer", "", (".odd",), "akodd", "akodd:writer")
    with pytest.raises(PluginError, match="the odd writer of the plugin akodd failed"):
        _Plugin(Writer(), info).write(Article(headline="Ferries"), Context())
