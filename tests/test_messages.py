"""The messages a user reads (issue 16, part 2): each pinned to its new text.

(The several-articles message is pinned in tests/test_cli.py, the AK011 notices in
tests/test_validate.py as well.)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from articlekit import Article, Concept, Paragraph, Span, read, write
from articlekit._text import _UNPRINTABLE, printable

from conftest import ROOT, run_cli

STORY = ROOT / "examples" / "harbour-ferries.txt"


def test_invalid_article_names_every_problem_with_its_json_path(tmp_path: Path) -> None:
    two = tmp_path / "two.json"
    two.write_text('{"schema_version": "1.0", "headline": 5, "body": "x"}', encoding="utf-8")
    run = run_cli("convert", str(two))
    assert run.code == 1
    assert run.stderr == (
        f"articlekit: error: {two}:1:27: invalid article: headline: should be text, not a number; "
        "body: should be a list, not text\n"
    )
    five = tmp_path / "five.json"
    five.write_text(
        json.dumps(
            {
                "schema_version": "1.0",
                "authors": [{}],
                "body": [{"type": "paragraph", "content": [{"text": 5}]}, {"type": "video"}],
                "urgency": 12,
                "colour": "red",
            }
        ),
        encoding="utf-8",
    )
    run = run_cli("convert", str(five))
    assert run.stderr == (
        f"articlekit: error: {five}:1:39: invalid article: authors[0].name: is required; "
        "urgency: should be at most 9; body[0].content[0].text: should be text, not a number; "
        "and 2 more problems\n"
    )


def test_bidi_controls_in_file_names_are_escaped(tmp_path: Path) -> None:
    name = tmp_path / "report\u202eexe.txt"
    run = run_cli("convert", str(name))
    assert run.code == 1
    assert "\u202e" not in run.stderr and "report\\u202eexe.txt" in run.stderr
    escaped = printable("\u202a\u202e\u2066\u2069\u200b\u200e\u00ad\ufeff\u061c")
    assert escaped == "\\u202a\\u202e\\u2066\\u2069\\u200b\\u200e\\xad\\ufeff\\u061c"
    assert printable("ein\u200dfach") == "ein\u200dfach"  # joiners scripts need stay


def test_every_character_printable_escapes_is_one_str_isprintable_refuses() -> None:
    """What lets ``printable`` return a text that ``str.isprintable`` accepts as it is."""
    for code in range(sys.maxunicode + 1):
        if _UNPRINTABLE.match(chr(code)):
            assert not chr(code).isprintable(), f"U+{code:04X}"
    assert printable("a\ttab, a\nline") == "a\ttab, a\\x0aline"  # (refused: then the pattern)


def test_invisible_characters_in_headline_and_text_are_reported(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "Council \u202eevil\u202c Plan Approved\n\n"
        "The council approved\u200b the plan on Friday, the mayor said.\n\n"
        "Work starts next month, officials said, and ends in the spring.\n",
        encoding="utf-8",
    )
    result = read(story)
    assert result.value.headline == "Council \u202eevil\u202c Plan Approved"  # kept as it is
    [warning] = [w for w in result.warnings if w.code == "invisible-characters"]
    assert warning.message == (
        "text holds characters that do not show (headline: U+202E right-to-left override, "
        "U+202C pop directional formatting; body: U+200B zero width space); kept as they are"
    )
    run = run_cli("convert", str(story))
    assert "\u202e" not in run.stderr and "invisible-characters" in run.stderr
    done = run_cli("validate", str(story))
    assert done.code == 1 and "AK013 text holds characters that do not show" in done.text


def test_links_with_tabs_or_line_breaks_in_their_scheme_are_dropped_with_a_warning() -> None:
    for href in ("java\\tscript:alert(1)", "java\\nscript:alert(1)", "  JaVa\\r\\nScript:x"):
        document = (
            '{"uri": "urn:x", "headline": "Ferries", '
            f'"body_html": "<p><a href=\\"{href}\\">Click</a> here.</p>"}}'
        )
        result = read(document.encode())
        assert result.value.paragraphs == ["Click here."]
        assert result.value.body[0].content[0].link is None  # type: ignore[union-attr]
        [warning] = [w for w in result.warnings if w.code == "link-dropped"]
        assert warning.message == "a javascript: link was left out"


def test_schema_notice_is_one_short_line_per_run_and_none_with_quiet(tmp_path: Path) -> None:
    ninjs = run_cli("convert", str(STORY), "--to", "ninjs", "-q").stdout
    files = []
    for number in range(3):
        path = tmp_path / f"story{number}.ninjs.json"
        path.write_bytes(ninjs)
        files.append(str(path))
    run = run_cli("validate", *files, cwd=tmp_path)
    assert run.code == 0
    assert run.stderr == (
        "articlekit: note: AK011 skipped for 3 files (no IPTC schema for it: see --schemas)\n"
    )
    assert len(run.stderr) < 100
    quiet = run_cli("validate", "-q", *files, cwd=tmp_path)
    assert (quiet.code, quiet.stdout, quiet.stderr) == (0, b"", "")


def test_nitf_writer_messages_on_subjects_and_genres() -> None:
    article = Article(
        headline="Ferries return to the harbour",
        subjects=[Concept(name="Innenriks", code="13010000"), Concept(name="Transport")],
        genres=[Concept(name="Analysis", code="analysis", vocabulary="genre")],
        body=[Paragraph(content=[Span(text="The first ferry sailed at dawn.")])],
    )
    messages = {warning.message for warning in write(article, format="nitf").warnings}
    assert messages == {
        "subjects: the codes 13010000 have no vocabulary; NITF readers take 8-digit codes for "
        "IPTC Subject Codes",
        "subjects: a NITF subject is a code (one name token); subject 'Transport' has no code "
        "and was left out",
        "genres: NITF genres are names only; left out the code 'analysis' and vocabulary 'genre' "
        "of genre 'Analysis'",
    }


def test_readme_first_command_installs_quietly_and_shows_the_json_and_one_warning() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = re.search(r"```bash\n(.+?)\n```", readme)
    assert first is not None
    command = first.group(1)
    assert "pip install -q ." in command
    convert = command.rsplit("&& .venv/bin/articlekit ", 1)[1].split()
    run = run_cli(*convert, cwd=ROOT)
    assert run.code == 0
    assert json.loads(run.stdout)["headline"]
    [line] = run.stderr.splitlines()
    assert " text-boilerplate-dropped " in line
