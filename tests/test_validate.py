"""``articlekit validate``: every rule on files we wrote, output and exit codes, configuration,
parallel checking, lazy imports, the user's sample, and every shared corpus file."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from articlekit import registry
from articlekit.validate import PARALLEL_FROM, RULES, Options, check_file, check_files

from conftest import DATA, ROOT, SHARED, interruptible, run_cli, shared_path

LINE = re.compile(r"^.+:\d+:\d+: AK\d{3} .+$")
GOOD_TEXT = DATA / "text" / "web-copy-like-sample.txt"
SCHEMAS = SHARED / "schemas"


def ninjs(tmp_path: Path, name: str = "story.json", **properties: Any) -> Path:
    document = {
        "uri": "urn:example:story:1",
        "headlines": [{"value": "Harbour Opens Night Berths"}],
        "bodies": [{"contentType": "text/html", "value": "<p>Two ferries may berth at night.</p>"}],
        **properties,
    }
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def canonical(tmp_path: Path, name: str, paragraphs: list[str], **fields: Any) -> Path:
    article = {
        "schema_version": "1.0",
        "headline": "Harbour Opens Night Berths",
        "body": [{"type": "paragraph", "content": [{"text": text}]} for text in paragraphs],
        **fields,
    }
    path = tmp_path / name
    path.write_text(json.dumps(article), encoding="utf-8")
    return path


def codes(path: Path, **options: Any) -> list[str]:
    return [problem.code for problem in check_file(str(path), Options(**options)).problems]


# --- the catalogue ----------------------------------------------------------------------------


def test_catalogue_is_stable_and_documented() -> None:
    assert list(RULES) == [f"AK{number:03d}" for number in range(1, 17)]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in RULES.values():
        assert rule.summary and rule.name
        assert f"`{rule.code}`" in readme, f"{rule.code} is missing from the README's rule table"
    listed = run_cli("validate", "--list-rules")
    assert listed.code == 0
    assert [line.split()[0] for line in listed.text.splitlines()] == list(RULES)


# --- each rule, on files we wrote ----------------------------------------------------------


def test_good_files_pass(tmp_path: Path) -> None:
    assert codes(GOOD_TEXT) == []
    assert codes(ninjs(tmp_path)) == []


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "empty file"),
        (b'{"uri": "a", "uri": "b"}', "duplicate key"),
        (
            b'{"neither": "article nor ninjs"}',
            "invalid article: neither: is not a field articlekit",
        ),
    ],
)
def test_ak001_unreadable(tmp_path: Path, content: bytes, fragment: str) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    (problem,) = check_file(str(path), Options()).problems
    assert problem.code == "AK001" and fragment in problem.message
    missing = check_file(str(tmp_path / "gone.txt"), Options()).problems
    assert [(p.code, p.message) for p in missing] == [("AK001", "no such file")]


def test_ak001_keeps_the_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "uri": "x",\n  "headlines": [,]\n}\n', encoding="utf-8")
    (problem,) = check_file(str(path), Options()).problems
    assert str(problem).startswith(f"{path}:3:17: AK001 invalid JSON")


def test_ak001_an_invalid_field_is_reported_at_its_key(tmp_path: Path) -> None:
    """The first problem of an article that does not validate is reported where the document
    writes it: at its key, at its item in a list, at the object that lacks a required field."""
    path = tmp_path / "story.json"
    lines = [
        "{",
        '  "schema_version": "1.0",',
        '  "headline": "Quay reopens",',
        '  "body": [',
        '    {"type": "paragraph", "content": [{"text": "The quay reopened."}]},',
        '    {"type": "paragraph", "content": [{"text": "Late.", "bold": "maybe"}]}',
        "  ]",
        "}",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    (problem,) = check_file(str(path), Options()).problems
    assert (problem.code, problem.line, problem.column) == ("AK001", 6, 57)
    assert "body[1].content[0].bold" in problem.message
    good = '{"schema_version": "1.0", "headline": "Quay reopens"}'
    path.write_text(f'[{good},\n {{"headline": "Quay", "authors": [{{}}]}}]', encoding="utf-8")
    (problem,) = check_file(str(path), Options()).problems
    assert (problem.line, problem.column) == (2, 35)  # (the author without a name)


def test_ak002_missing_headline_is_reported_once() -> None:
    assert codes(DATA / "text" / "body-only.txt") == ["AK002"]


def test_ak003_headline_too_long(tmp_path: Path) -> None:
    text = "Harbour " * 20 + "\n\nThe board met on Monday.\n"
    (tmp_path / "default").mkdir()
    (tmp_path / "default" / "long.txt").write_text(text, encoding="utf-8")
    assert codes(tmp_path / "default" / "long.txt") == ["AK003"]
    (tmp_path / "configured").mkdir()
    (tmp_path / "configured" / "long.txt").write_text(text, encoding="utf-8")
    (tmp_path / "configured" / "pyproject.toml").write_text(
        "[tool.articlekit]\nmax-headline-length = 200\n", encoding="utf-8"
    )
    assert codes(tmp_path / "configured" / "long.txt") == []


def test_ak004_multi_line_headline(tmp_path: Path) -> None:
    path = ninjs(tmp_path, headlines=[{"value": "Harbour Opens\nNight Berths"}])
    assert codes(path) == ["AK004"]


def test_ak005_an_embargo_in_a_zone_articlekit_does_not_know(tmp_path: Path) -> None:
    path = tmp_path / "embargoed.txt"
    path.write_text(
        "EMBARGOED UNTIL 10:00 IST 5 JUNE 2031\n\nFerry Timetable Changes Announced\n\n"
        "The island ferry will sail twice more each day from June, the operator said.\n",
        encoding="utf-8",
    )
    assert "AK005" in codes(path)


def test_ak005_invalid_dates(tmp_path: Path) -> None:
    path = ninjs(tmp_path, versionCreated="last Tuesday", firstCreated="2024-01-02T10:00:00")
    assert codes(path) == ["AK005", "AK005"]
    reversed_ = ninjs(
        tmp_path,
        "reversed.json",
        firstCreated="2024-01-02T10:00:00Z",
        versionCreated="2024-01-01T10:00:00Z",
    )
    (problem,) = check_file(str(reversed_), Options()).problems
    assert problem.code == "AK005" and "earlier than published" in problem.message


@pytest.mark.parametrize(
    ("expires", "found"),
    [
        ("2024-01-01T10:00:00Z", ["published", "embargoed"]),
        ("2024-01-02T18:00:00Z", ["embargoed"]),
        ("2024-01-02", []),  # (a day alone may end after both, somewhere)
        ("2024-01-05T00:00:00Z", []),
    ],
)
def test_ak005_an_expiry_before_the_story_can_run(
    tmp_path: Path, expires: str, found: list[str]
) -> None:
    path = ninjs(
        tmp_path,
        firstCreated="2024-01-02T10:00:00Z",
        versionCreated="2024-01-02T10:00:00Z",
        embargoedUntil="2024-01-03T06:00:00Z",
        expires=expires,
    )
    problems = check_file(str(path), Options()).problems
    assert [p.code for p in problems] == ["AK005"] * len(found)
    assert [p.message.split(" before ")[1].split(" ")[0] for p in problems] == found


def test_ak005_compares_no_expiry_with_an_embargo_kept_at_its_latest(tmp_path: Path) -> None:
    """An embargo printed without zone is kept at UTC-12, the latest it can mean: it may well
    end before the expiry, so "it can never run" would be a guess."""
    path = ninjs(tmp_path, embargoedUntil="2024-01-03T10:00:00-12:00", expires="2024-01-03T18:00Z")
    assert check_file(str(path), Options()).problems == []


def test_ak006_future_date(tmp_path: Path) -> None:
    soon = (datetime.now(UTC) + timedelta(hours=2)).isoformat()
    later = (datetime.now(UTC) + timedelta(days=30)).isoformat()
    assert codes(ninjs(tmp_path, "soon.json", firstCreated=soon)) == []
    assert codes(ninjs(tmp_path, "later.json", firstCreated=later)) == ["AK006"]


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("en-GB", []), ("zz", ["AK007"]), ("en-ZY", ["AK007"]), ("english", ["AK007"]),
     ("sr-Latn-RS", []), ("de-XA", []), ("yue", [])],
)  # fmt: skip
def test_ak007_language(tmp_path: Path, tag: str, expected: list[str]) -> None:
    assert codes(ninjs(tmp_path, language=tag)) == expected


def test_ak008_empty_body(tmp_path: Path) -> None:
    assert codes(ninjs(tmp_path, bodies=[])) == ["AK008"]


def test_ak009_leftover_boilerplate(tmp_path: Path) -> None:
    path = canonical(
        tmp_path,
        "left.json",
        [
            "The harbour board voted on Monday to let two ferries berth overnight.",
            "Leave a Reply",
            "Your email address will not be published. Required fields are marked *",
        ],
    )
    (problem,) = check_file(str(path), Options()).problems
    assert problem.code == "AK009"
    assert problem.message.startswith("paragraphs 2-3 look like web page boilerplate")
    assert codes(GOOD_TEXT) == []  # the text reader already cut its comment form


def test_ak010_duplicate_paragraphs(tmp_path: Path) -> None:
    repeated = "The harbour board voted on Monday to let two ferries berth overnight."
    path = canonical(tmp_path, "twice.json", [repeated, "Short.", "Short.", repeated])
    (problem,) = check_file(str(path), Options()).problems
    assert (problem.code, problem.message[:34]) == ("AK010", "paragraph 4 repeats paragraph 1: '")


def test_ak011_schema_validity_of_ninjs(tmp_path: Path) -> None:
    shared_path("schemas", "ninjs")
    good = ninjs(tmp_path, "good.json")
    bad = ninjs(tmp_path, "bad.json", pubStatus="draft")
    assert codes(good, schemas=str(SCHEMAS)) == []
    problems = check_file(str(bad), Options(schemas=str(SCHEMAS))).problems
    assert "AK011" in [p.code for p in problems]
    assert any("not valid ninjs 3.x (it declares no version; as 3.2): pubStatus" in p.message
               for p in problems)  # fmt: skip
    report = check_file(str(bad), Options())
    assert report.schema_skipped and "AK011" not in [p.code for p in report.problems]


def schema_messages(path: Path, folder: Path = SCHEMAS / "ninjs") -> list[str]:
    report = check_file(str(path), Options(schemas=str(folder)))
    assert not report.schema_skipped
    return [problem.message for problem in report.problems if problem.code == "AK011"]


def ninjs_standard(version: str) -> dict[str, Any]:
    key = "$standard" if version.startswith("1.") else "standard"
    return {key: {"name": "ninjs", "version": version}}


DIGITAL_SOURCE = {"uri": "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"}


@pytest.mark.parametrize(
    ("properties", "declared", "valid"),
    [
        # digitalSourceType came with 3.1: a file declaring 3.0 may not use it
        ({"digitalSourceType": DIGITAL_SOURCE}, "3.0", False),
        ({"digitalSourceType": DIGITAL_SOURCE}, "3.1", True),
        ({"digitalSourceType": DIGITAL_SOURCE}, None, True),
        # contentDigitised is only in the draft 3.3
        ({"contentDigitised": "2024-01-02T10:00:00Z"}, "3.2", False),
        ({"contentDigitised": "2024-01-02T10:00:00Z"}, "3.3", True),
        ({"contentDigitised": "2024-01-02T10:00:00Z"}, None, True),
        # 3.2 added rendition resources
        ({"renditions": [{"name": "web", "resources": [{"role": "subtitles"}]}]}, "3.1", False),
        ({"renditions": [{"name": "web", "resources": [{"role": "subtitles"}]}]}, "3.2", True),
        # 1.7 narrowed urgency to an integer from 1 to 9
        ({"headline": "Berths", "urgency": 2.5}, "1.6", True),
        ({"headline": "Berths", "urgency": 2.5}, "1.7", False),
        ({"headline": "Berths", "urgency": 2.5}, None, True),
        ({"headline": "Berths", "urgency": 12}, "1.8", False),
        # 2.3 gave 2.x renditions the 3.x properties (in lower case)
        ({"pubstatus": "usable", "renditions": [{"name": "hd", "scantype": "progressive"}]}, "2.2",
         False),
        ({"pubstatus": "usable", "renditions": [{"name": "hd", "scantype": "progressive"}]}, "2.3",
         True),
    ],
)  # fmt: skip
def test_ak011_ninjs_checks_the_declared_version_or_else_every_version(
    tmp_path: Path, properties: dict[str, Any], declared: str | None, valid: bool
) -> None:
    """A declared version is held to its own schema; a file that declares none passes when any
    version of its generation (drafts included) accepts it."""
    shared_path("schemas", "ninjs")
    document: dict[str, Any] = {"uri": "urn:example:story:1", **properties}
    if declared is not None:
        document.update(ninjs_standard(declared))
    path = tmp_path / "story.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    messages = schema_messages(path)
    assert (messages == []) == valid, messages
    if not valid:
        assert all(f"not valid ninjs {declared} (the version it declares)" in m for m in messages)


def test_ak011_uses_newer_ninjs_schemas_in_the_folder(tmp_path: Path) -> None:
    """A folder with a ninjs version articlekit does not know checks files declaring it, and
    counts for files that declare no version."""
    folder = tmp_path / "schemas"
    shutil.copytree(shared_path("schemas", "ninjs"), folder)
    schema = json.loads((folder / "ninjs-schema_3.3.json").read_text(encoding="utf-8"))
    schema["$id"] = "http://www.iptc.org/std/ninjs/ninjs-schema_3.9.json#"
    schema["$defs"]["ninjsType"]["properties"]["futureNote"] = {"type": "string"}
    (folder / "ninjs-schema_3.9.json").write_text(json.dumps(schema), encoding="utf-8")
    future = ninjs(tmp_path, "future.json", futureNote="from 3.9", **ninjs_standard("3.9"))
    undeclared = ninjs(tmp_path, "undeclared.json", futureNote="from 3.9")
    wrong = ninjs(tmp_path, "wrong.json", futureNote=3, **ninjs_standard("3.9"))
    assert schema_messages(future, folder) == []
    assert schema_messages(undeclared, folder) == []
    assert schema_messages(wrong, folder) == [
        "not valid ninjs 3.9 (the version it declares): futureNote: 3 is not of type 'string'"
    ]
    # the shared folder has no 3.9: a file declaring it is not checked (with the usual notice)
    assert check_file(str(future), Options(schemas=str(SCHEMAS))).schema_skipped
    assert schema_messages(undeclared) == [
        "not valid ninjs 3.x (it declares no version; as 3.2): (root): Unevaluated properties "
        "are not allowed ('futureNote' was unexpected)"
    ]


def test_ak011_uses_a_newer_newsml_g2_schema_in_the_folder(tmp_path: Path) -> None:
    """NewsML-G2 releases accept what earlier ones do: a folder holding only a later Power XSD
    is used, under IPTC's file name for that release."""
    folder = tmp_path / "schemas"
    folder.mkdir()
    shipped = shared_path("schemas", "newsml-g2")
    shutil.copy(shipped / "xml.xsd", folder / "xml.xsd")
    shutil.copy(
        shipped / "NewsML-G2_2.35-spec-All-Power.xsd", folder / "NewsML-G2_2.36-spec-All-Power.xsd"
    )
    item = tmp_path / "story.newsml.xml"
    item.write_bytes(run_cli("convert", str(GOOD_TEXT), "--to", "newsml", "-q").stdout)
    report = check_file(str(item), Options(schemas=str(folder)))
    assert not report.schema_skipped and report.problems == []
    broken = tmp_path / "broken.newsml.xml"
    broken.write_bytes(item.read_bytes().replace(b"<contentMeta>", b"<contentMeta><oops/>", 1))
    assert "AK011" in codes(broken, schemas=str(folder))
    older = tmp_path / "older"  # an earlier release does not judge what articlekit writes
    older.mkdir()
    shutil.copy(
        shipped / "NewsML-G2_2.35-spec-All-Power.xsd", older / "NewsML-G2_2.30-spec-All-Power.xsd"
    )
    assert check_file(str(item), Options(schemas=str(older))).schema_skipped


def test_ak011_skipped_with_a_notice(tmp_path: Path) -> None:
    done = run_cli("validate", str(ninjs(tmp_path)), cwd=tmp_path)
    assert done.code == 0
    assert done.stderr == (
        "articlekit: note: AK011 skipped for 1 file (no IPTC schema for it: see --schemas)\n"
    )
    assert "1 file passed." in done.text
    text_only = run_cli("validate", str(GOOD_TEXT), cwd=tmp_path)
    assert text_only.stderr == ""  # nothing to skip: text has no IPTC schema


def test_ak011_says_when_the_schema_cannot_judge_a_file(tmp_path: Path) -> None:
    nitf = shared_path("corpus", "nitf", "aap-finance.xml")  # NITF without its namespace
    done = run_cli("validate", str(nitf), "--schemas", str(shared_path("schemas")), cwd=tmp_path)
    assert "AK011 skipped for 1 file (NITF without its namespace follows the DTD)" in done.stderr


def test_ak012_not_an_article(tmp_path: Path) -> None:
    event = ninjs(tmp_path, type="event")
    assert codes(event) == ["AK012"]
    # a picture item is an article: its body is that picture (without caption or credit here)
    assert codes(DATA / "ninjs" / "picture.json") == ["AK014", "AK015"]
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"<nitf><body/></nitf>")  # an empty envelope, not a headline-less article
    assert codes(empty) == ["AK012"]


def _figure(tmp_path: Path, **figure: Any) -> Path:
    return canonical(tmp_path, "figure.json", ["Two ferries may berth at night."],
                     media=[{"role": "featured", **figure}])  # fmt: skip


def test_ak013_ak014_media_without_caption_alt_text_or_credit(tmp_path: Path) -> None:
    link = [{"uri": "https://example.org/f.jpg"}]
    assert codes(_figure(tmp_path, renditions=link)) == ["AK014", "AK015"]
    described = _figure(tmp_path, renditions=link, alt_text="A ferry at its berth.")
    assert codes(described) == ["AK015"]
    credited = _figure(tmp_path, caption=[{"text": "At dawn."}], credit="Jane Doe/AP")
    assert codes(credited) == []
    by_creator = _figure(tmp_path, caption=[{"text": "At dawn."}], creators=[{"name": "J. Doe"}])
    assert codes(by_creator) == []
    sound = _figure(tmp_path, kind="audio", caption=[{"text": "The horn."}])
    assert codes(sound) == []  # audio needs no picture credit


def test_ak015_broken_media(tmp_path: Path) -> None:
    import hashlib

    data = b"\x89PNG not really"
    resource = {
        "media_type": "image/png",
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "path": "media/missing.png",
    }
    missing = _figure(tmp_path, caption=[{"text": "A"}], credit="B", renditions=[
        {"resource": resource}
    ])  # fmt: skip
    assert codes(missing) == ["AK016"]
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "missing.png").write_bytes(data)
    assert codes(missing) == []
    (tmp_path / "media" / "missing.png").write_bytes(data[:-1] + b"?")
    assert codes(missing) == ["AK016"]  # changed since it was extracted
    hostile = ninjs(tmp_path, associations=[{"name": "x", "uri": "urn:x", "type": "picture",
        "renditions": [{"name": "a", "href": "javascript:alert(1)"}],
        "descriptions": [{"value": "A"}], "by": "B"}])  # fmt: skip
    assert "AK016" in codes(hostile)


# --- output, exit codes, selection --------------------------------------------------------------


def test_output_lines_summary_and_exit_codes(tmp_path: Path) -> None:
    bad = DATA / "text" / "body-only.txt"
    done = run_cli("validate", str(GOOD_TEXT), str(bad))
    assert done.code == 1
    lines = done.text.splitlines()
    assert lines == [
        f"{bad}:1:1: AK002 the article has no headline",
        "Found 1 problem in 1 of 2 files.",
    ]
    assert all(LINE.match(line) for line in lines[:-1])
    passed = run_cli("validate", str(GOOD_TEXT))
    assert (passed.code, passed.text) == (0, "1 file passed.\n")


def test_json_output(tmp_path: Path) -> None:
    done = run_cli(
        "validate",
        "--format",
        "json",
        "--from",
        "text",
        str(DATA / "text"),
        str(tmp_path / "no.txt"),
    )
    assert done.code == 1
    document = json.loads(done.text)
    assert document["summary"]["files"] == len(list((DATA / "text").glob("*.t*t"))) + 1
    first = document["problems"][0]
    assert set(first) == {"path", "line", "column", "code", "rule", "message"}
    assert {p["code"] for p in document["problems"]} == {"AK001", "AK002"}


def test_json_output_gives_no_position_where_the_file_gives_none(tmp_path: Path) -> None:
    """As ``convert --report`` does: ``null``, not the 1 and 1 the text form prints there."""
    unplaced = tmp_path / "unplaced.txt"
    unplaced.write_text("the quay reopened on monday, two weeks late\n", encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "headline": ,\n}\n', encoding="utf-8")
    done = run_cli("validate", "--format", "json", str(unplaced), str(broken))
    places = {
        (Path(problem["path"]).name, problem["code"]): (problem["line"], problem["column"])
        for problem in json.loads(done.text)["problems"]
    }
    assert places == {("unplaced.txt", "AK002"): (None, None), ("broken.json", "AK001"): (2, 15)}
    assert f"{unplaced}:1:1: AK002" in run_cli("validate", str(unplaced)).text


def test_reader_options_as_convert_takes_them(tmp_path: Path) -> None:
    """``-O timezone=`` gives a feed's zone on the command line, as for ``convert``; a key no
    reader takes (a writer's, a typo) or an unknown zone is bad usage."""
    story = ninjs(tmp_path, firstcreated="2024-06-05T09:30:00")
    assert run_cli("validate", "-q", str(story)).code == 1  # (AK005: only the date was kept)
    zoned = run_cli("validate", "-q", "-O", "timezone=Europe/Oslo", str(story))
    assert (zoned.code, zoned.text, zoned.stderr) == (0, "", "")
    for option, said in [
        ("timezone=Harbour/Nowhere", "unknown time zone 'Harbour/Nowhere'"),
        ("ninjs-version=2.3", "option 'ninjs-version' is for the ninjs"),
        ("colour=red", "unknown option 'colour'"),
        ("timezone", "--option takes KEY=VALUE"),
    ]:
        done = run_cli("validate", "-O", option, str(story))
        assert done.code == 2 and said in done.stderr, (option, done.stderr)


def test_select_and_ignore(tmp_path: Path) -> None:
    bad = str(DATA / "text" / "body-only.txt")
    assert run_cli("validate", "--ignore", "AK002", bad).code == 0
    assert run_cli("validate", "--select", "AK003,AK008", bad).code == 0
    assert run_cli("validate", "--select", "ALL", bad).code == 1
    unknown = run_cli("validate", "--select", "AK999", bad)
    assert unknown.code == 2 and "unknown rule 'AK999'" in unknown.stderr
    nothing = run_cli("validate", "--select", "", bad)
    assert nothing.code == 2 and "no rule selected in --select" in nothing.stderr
    assert run_cli("validate").code == 2
    assert run_cli("validate", "--from", "pdf", bad).code == 2
    assert run_cli("validate", "--jobs", "0", bad).code == 2


def test_a_folder_with_nothing_to_validate_is_an_error_as_for_convert(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    (pictures / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    for folder, held in ((empty, "no files"), (pictures, "1 file whose extension no reader")):
        converted = run_cli("convert", str(folder), "-o", f"{tmp_path / 'out'}/")
        done = run_cli("validate", str(folder), str(GOOD_TEXT))
        assert (converted.code, done.code) == (1, 1)
        error = f"articlekit: error: {folder}: nothing to validate: the folder holds {held}"
        assert done.stderr.splitlines()[0].startswith(error), done.stderr
        assert error.replace("validate", "convert") in converted.stderr
        assert done.text.splitlines() == [
            "1 file passed.",
            "1 folder held nothing to validate.",
        ]


def test_messages_say_why_nothing_was_read(tmp_path: Path) -> None:
    root = tmp_path / "root"
    assert run_cli("convert", str(GOOD_TEXT), "-q", "-o", f"{root / 'earlier'}/").code == 0
    for command in ("validate", "convert"):
        done = run_cli(command, str(root))
        assert done.code == 1
        assert (
            f"nothing to {command}: the folder holds no other files; left out 1 sub-folder "
            f"holding an earlier run's output (its .articlekit record): name such a folder to "
            f"{command} it"
        ) in done.stderr  # (it said the folder holds no files, and no more)
        pattern = str(tmp_path / "none*.txt")
        unmatched = run_cli(command, pattern)
        assert unmatched.code == 1
        said = (unmatched.text + unmatched.stderr).splitlines()[0]  # (it said "no such file")
        assert pattern in said and said.endswith(" the pattern matched no file"), said
    settings = run_cli("validate", "--schemas", str(GOOD_TEXT), str(GOOD_TEXT))
    assert settings.code == 2
    assert f"{GOOD_TEXT}: not a folder; schemas are given as the folder" in settings.stderr


def test_configuration_is_found_walking_up_from_each_file(tmp_path: Path) -> None:
    strict = tmp_path / "strict"
    relaxed = tmp_path / "relaxed" / "2024" / "03"
    for folder in (strict, relaxed):
        folder.mkdir(parents=True)
        (folder / "notes.txt").write_bytes((DATA / "text" / "body-only.txt").read_bytes())
    (tmp_path / "relaxed" / "pyproject.toml").write_text(
        '[project]\nname = "desk"\n\n[tool.articlekit]\nignore = ["AK002"]\n', encoding="utf-8"
    )
    done = run_cli("validate", str(tmp_path))
    assert done.code == 1
    assert (
        done.text.splitlines()[0]
        == f"{strict / 'notes.txt'}:1:1: AK002 the article has no headline"
    )
    assert "relaxed" not in done.text
    (tmp_path / "pyproject.toml").write_text(
        '[tool.articlekit]\nselect = "AK9"\n', encoding="utf-8"
    )
    broken = run_cli("validate", str(strict))
    assert broken.code == 2 and "unknown rule 'AK9'" in broken.stderr


def test_schemas_from_the_configuration(tmp_path: Path) -> None:
    shared_path("schemas", "ninjs")
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.articlekit]\nschemas = "{SCHEMAS}"\n', encoding="utf-8"
    )
    bad = ninjs(tmp_path, "bad.json", urgency=12)
    done = run_cli("validate", str(bad), cwd=tmp_path)
    assert done.code == 1 and "AK011" in done.text and "note:" not in done.stderr


def test_many_files_in_parallel_give_the_same_ordered_report(tmp_path: Path) -> None:
    paths = []
    for number in range(PARALLEL_FROM + 6):
        source = GOOD_TEXT if number % 3 else DATA / "text" / "body-only.txt"
        path = tmp_path / f"story{number:03d}.txt"
        path.write_bytes(source.read_bytes())
        paths.append(str(path))
    serial = check_files(paths, Options(), jobs=1)
    parallel = check_files(paths, Options(), jobs=2)
    assert [r.problems for r in serial] == [r.problems for r in parallel]
    assert sum(1 for r in parallel if r.problems) == (PARALLEL_FROM + 6 + 2) // 3


SLOW_VALIDATE = """
import sys, time
from articlekit import validate
from articlekit.cli import run

check_file, ordered_map = validate.check_file, validate.ordered_map

def slow_check(*arguments):
    time.sleep(0.02)
    return check_file(*arguments)

def slow_feed(function, items, **settings):
    def slowly():
        for item in items:
            time.sleep(0.01)
            yield item
    return ordered_map(function, slowly(), **settings)

if sys.argv.pop(1) == "busy":  # the signal finds the workers checking a file
    validate.check_file = slow_check
else:  # the signal finds them waiting for the next file
    validate.ordered_map = slow_feed
run()
"""
"""``articlekit`` on files that take a while, so that a signal comes mid-run: ``busy`` workers
or ``idle`` ones first, then the command's arguments."""


def living_processes(group: int) -> list[int]:
    """The processes of a process group that are still running (zombies are dead: whether
    something reaps them is the container's business)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
        except (OSError, ValueError):  # not a process, or gone meanwhile
            continue
        state, _parent, process_group = stat.rpartition(")")[2].split()[:3]
        if int(process_group) == group and state != "Z":
            found.append(int(entry.name))
    return found


def ignored_signals(process: int) -> set[int]:
    """The signals a living process ignores (its ``SigIgn`` mask)."""
    status = Path(f"/proc/{process}/status").read_text().splitlines()
    mask = int(next(line for line in status if line.startswith("SigIgn:")).split()[1], 16)
    return {number for number in range(1, 65) if mask >> (number - 1) & 1}


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
@pytest.mark.parametrize("workers", ["busy", "idle"])
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_a_stopped_parallel_run_ends_cleanly_and_leaves_no_worker(
    tmp_path: Path, stop: signal.Signals, workers: str
) -> None:
    """SIGTERM to the command (``timeout``, systemd) and Ctrl-C (SIGINT to its process group)
    stop it at once, as they stop convert: 128 + the signal, no traceback, no worker left."""
    for number in range(200):
        (tmp_path / f"story{number:03d}.txt").write_bytes(GOOD_TEXT.read_bytes())
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_VALIDATE, workers, "validate", str(tmp_path), "-j", "2", "-q"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        start_new_session=True, preexec_fn=interruptible,  # noqa: PLW1509 (no threads here)
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while len(living_processes(process.pid)) < 3:  # the command and its two workers
            assert time.monotonic() < deadline and process.poll() is None
            time.sleep(0.01)
        time.sleep(0.2)  # well into the run
        assert process.poll() is None
        for worker in set(living_processes(process.pid)) - {process.pid}:  # Ctrl-C is the parent's
            assert signal.SIGINT in ignored_signals(worker), worker
        if stop == signal.SIGINT:
            os.killpg(process.pid, stop)  # what a terminal's Ctrl-C does
        else:
            process.send_signal(stop)  # the command only, as `kill` and `timeout` do
        _, stderr = process.communicate(timeout=30)  # a worker left behind holds stderr open
        assert process.returncode == 128 + stop, stderr
        assert "Traceback" not in stderr and "Error" not in stderr, stderr
        deadline = time.monotonic() + 5  # promptly (the command waits for its workers to end)
        while living_processes(process.pid):
            assert time.monotonic() < deadline, f"left behind: {living_processes(process.pid)}"
            time.sleep(0.05)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # whatever a failure left, not for later tests


def test_validate_imports_only_what_the_files_need(tmp_path: Path) -> None:
    probe = (
        "import sys, contextlib, io\n"
        "from articlekit.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['validate'] + sys.argv[1:])\n"
        "heavy = ('jsonschema', 'lxml', 'docx', 'referencing')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in heavy}))\n"
    )

    def loaded(*arguments: str) -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", probe, *arguments],
            capture_output=True, text=True, check=True, timeout=120,
        )  # fmt: skip
        return list(json.loads(done.stdout.strip().replace("'", '"')))

    assert loaded(str(GOOD_TEXT)) == []
    plain = ninjs(tmp_path, bodies=[{"contentType": "text/plain", "value": "Two ferries."}])
    assert loaded(str(plain)) == []
    if SCHEMAS.is_dir():
        assert "jsonschema" in loaded(str(plain), "--schemas", str(SCHEMAS))


# --- the user's sample and the shared corpus ------------------------------------------------------


def test_user_sample_as_given_passes() -> None:
    """The reader cut the comment form, the 104-character headline is under the 120 limit, the
    dates are valid: nothing in the sample is a problem under the default rules."""
    sample = next(shared_path("seed").glob("*.txt"))
    done = run_cli("validate", str(sample))
    assert (done.code, done.text, done.stderr) == (0, "1 file passed.\n", "")
    strict = run_cli("validate", str(sample), cwd=sample.parent)
    assert strict.code == 0


def _corpus_files(folder: str) -> list[Path]:
    root = SHARED / "corpus" / folder
    return sorted(path for path in root.glob("*") if path.is_file()) if root.is_dir() else []


FORMATS = {"text": "text", "ninjs": "ninjs", "newsml-g2": "newsml", "nitf": "nitf", "docx": "docx"}


@pytest.mark.parametrize("folder", list(FORMATS))
def test_every_shared_corpus_file_gets_a_clean_report(folder: str) -> None:
    """validate reads every file of every format without crashing; each line is a rule line."""
    if FORMATS[folder] not in registry.formats("reader"):
        pytest.skip(f"the {FORMATS[folder]} reader is not in this installation (another branch)")
    files = [str(path) for path in _corpus_files(folder) if not path.name.endswith(".meta.json")]
    if not files:
        pytest.skip(f"../shared/corpus/{folder} is absent")
    options = Options(schemas=str(SCHEMAS)) if SCHEMAS.is_dir() else Options()
    for report in check_files(files, options, jobs=1):
        for problem in report.problems:
            assert LINE.match(str(problem)), problem
            assert problem.code != "AK001" or folder == "docx", problem  # readers read them all


@pytest.mark.parametrize("kind", ["newsml", "nitf"])
def test_xml_schema_rule_follows_the_corpus_readme(kind: str) -> None:
    """Files the corpus README marks XSD-valid get no AK011; XSD-invalid namespaced ones do."""
    if kind not in registry.formats("reader"):
        pytest.skip(f"the {kind} reader is not in this installation (another branch)")
    reader = registry.get_reader(kind)
    if getattr(reader, "schema_problems", None) is None:
        pytest.skip(f"the {kind} reader has no schema_problems() yet")
    readme = shared_path("corpus", "README.md").read_text(encoding="utf-8")
    folder = "newsml-g2" if kind == "newsml" else "nitf"
    marks = dict(re.findall(rf"`{folder}/([^`]+)`.*?(XSD-valid|XSD-invalid)", readme))
    # (an earlier NITF 3.x release that fails the 3.6 XSD only on the attributes naming its
    # release is valid for AK011: see test_an_earlier_nitf_release_is_not_faulted_for_its_name)
    release_only = re.findall(rf"`{folder}/([^`]+)`[^\n]*only on the fixed version attr", readme)
    assert marks
    for name, mark in marks.items():
        report = check_file(str(shared_path("corpus", folder, name)), Options(schemas=str(SCHEMAS)))
        schema = [p for p in report.problems if p.code == "AK011"]
        assert bool(schema) == (mark == "XSD-invalid" and name not in release_only), (name, schema)


NITF_OF_RELEASE = """<?xml version="1.0" encoding="UTF-8"?>
<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" version="-//IPTC//DTD NITF {release}//EN"
      change.date="{date}" change.time="19:30">
  <head><title>Night ferries to berth at the old quay</title></head>
  <body><body.head><hedline><hl1>Night ferries to berth at the old quay</hl1></hedline>
  </body.head><body.content><p>The harbour board voted on Monday.</p>{extra}</body.content>
  </body>
</nitf>
"""


@pytest.mark.parametrize(
    ("release", "date", "extra", "faults"),
    [
        ("3.4", "October 18, 2006", "", []),
        ("3.4", "October 18, 2006", "<quay/>", ["quay"]),  # its other faults still count
        ("3.6", "October 18, 2006", "", ["change.date", "change.time"]),  # 3.6 fixes its own
    ],
)
def test_an_earlier_nitf_release_is_not_faulted_for_its_name(
    tmp_path: Path, release: str, date: str, extra: str, faults: list[str]
) -> None:
    """A namespaced NITF 3.4 document is judged by the 3.6 XSD (the release the schema folder
    has) but for the root's attributes that name its release, which 3.6 fixes to its own."""
    shared_path("schemas", "nitf")
    path = tmp_path / "story.xml"
    path.write_text(NITF_OF_RELEASE.format(release=release, date=date, extra=extra), "utf-8")
    messages = [
        p.message for p in check_file(str(path), Options(schemas=str(SCHEMAS))).problems
        if p.code == "AK011"
    ]  # fmt: skip
    assert len(messages) == len(faults) and all(
        fault in message for fault, message in zip(faults, messages, strict=True)
    ), messages


def test_docx_is_validated_when_its_reader_is_installed() -> None:
    if "docx" not in registry.formats("reader"):
        pytest.skip("the docx reader is not in this installation (another branch)")
    files = _corpus_files("docx")
    if not files:
        pytest.skip("../shared/corpus/docx is absent")
    done = run_cli("validate", *map(str, files))
    assert done.code in (0, 1)
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("max-headline-lenght = 90", "unknown setting 'max-headline-lenght'"),
        ("future-tolerance-hours = 100000000000000", "must be a whole number from 0 to 1000000"),
    ],
)
def test_bad_settings_are_usage_errors(tmp_path: Path, setting: str, message: str) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.articlekit]\n{setting}\n", encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_bytes(GOOD_TEXT.read_bytes())
    done = run_cli("validate", str(story), cwd=tmp_path)
    assert done.code == 2
    assert done.stderr.startswith(f"articlekit: error: {tmp_path / 'pyproject.toml'}: ")
    assert message in done.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"broken', "cannot load the schema: Unterminated string"),
        (b'{"type": 5}', "cannot load the schema: not a valid JSON Schema"),
        (b'{"title": "\xe9"}', "cannot load the schema: 'utf-8' codec can't decode"),
        (b'{"$ref": "http://127.0.0.1:9/x.json"}', "refers to what the folder does not hold"),
    ],
    ids=["not-json", "not-a-schema", "not-utf-8", "remote-ref"],
)
def test_a_broken_schema_file_is_a_usage_error(
    tmp_path: Path, content: bytes, message: str
) -> None:
    """A folder without a format's schema skips the check (with a note); a broken schema file is
    the user's to fix, for validate and for the writer that checks its output alike."""
    folder = tmp_path / "schemas"
    folder.mkdir()
    (folder / "ninjs-schema_3.2.json").write_bytes(content)
    article = tmp_path / "story.json"
    article.write_bytes(run_cli("convert", str(GOOD_TEXT), "--to", "ninjs", "-q").stdout)
    for done in (
        run_cli("validate", "--schemas", str(folder), str(article)),
        run_cli("convert", str(GOOD_TEXT), "--to", "ninjs", "-O", f"schemas={folder}", "-q"),
    ):
        assert done.code == 2, done.stderr
        assert done.stderr.count("\n") == 1 and message in done.stderr, done.stderr
    (folder / "ninjs-schema_3.2.json").unlink()
    skipped = run_cli("validate", "--schemas", str(folder), str(article))
    assert skipped.code == 0 and "AK011 skipped for 1 file" in skipped.stderr


def test_odd_pyproject_files(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes(GOOD_TEXT.read_bytes())
    (tmp_path / "pyproject.toml").write_text("tool = 5\n", encoding="utf-8")  # not ours
    assert run_cli("validate", str(story), cwd=tmp_path).code == 0
    (tmp_path / "pyproject.toml").write_text(
        '[tool.articlekit]\nschemas = "x\\u0000y"\n', encoding="utf-8"
    )
    done = run_cli("validate", str(story), cwd=tmp_path)
    assert done.code == 2 and "schemas in [tool.articlekit] must be a folder path" in done.stderr


def test_a_pyproject_that_never_names_articlekit_is_not_read(tmp_path: Path) -> None:
    """Another tool's broken ``pyproject.toml`` is no concern of articlekit's (and is not parsed);
    a broken one that configures articlekit is a usage error naming the file."""
    story = tmp_path / "story.txt"
    story.write_bytes(GOOD_TEXT.read_bytes())
    settings = tmp_path / "pyproject.toml"
    settings.write_bytes(b"[tool.other\nbroken = \xff\n")
    assert run_cli("validate", str(story), cwd=tmp_path).code == 0
    settings.write_bytes(b"[tool.articlekit]\ntimezone = \n")
    done = run_cli("validate", str(story), cwd=tmp_path)
    assert done.code == 2 and done.stderr.count("\n") == 1
    assert f"{settings}: cannot read the configuration: " in done.stderr


def test_article_problems_in_json_lines_name_their_record_line(tmp_path: Path) -> None:
    good = '{"headline": "Ferries", "body": [{"type": "paragraph", "content": [{"text": "x"}]}]}'
    bad = '{"body": [{"type": "paragraph", "content": [{"text": "No headline."}]}]}'
    records = tmp_path / "feed.jsonl"
    records.write_text(f"{good}\n{good}\n\n{bad}\n{good}\n", encoding="utf-8")
    done = run_cli("validate", str(records))
    assert done.code == 1
    assert f"{records}:4:1: AK002 the article has no headline" in done.text


LINED_STORY = """Harbour Ferries Return To The Night Timetable
By Ann Lee
Published: March 3, 2091
Updated: March 1, 2020

OSLO — The harbour ferries will run through the night again from Friday, the operator said.

The harbour ferries will run through the night again from Friday, the operator said.

Tickets cost the same as by day, and a soft\u00adhyphen hides in this line.
"""


@pytest.mark.parametrize(
    ("suffix", "expected"),
    [
        (".txt", {("AK006", 3), ("AK005", 4), ("AK010", 8), ("AK013", 10)}),
        (".md", {("AK002", None), ("AK013", 10)}),  # (Markdown takes no header lines)
    ],
)
def test_problems_of_a_text_file_name_the_line_they_stand_on(
    tmp_path: Path, suffix: str, expected: set[tuple[str, int | None]]
) -> None:
    story = tmp_path / f"ferries{suffix}"
    story.write_text(LINED_STORY, encoding="utf-8")
    problems = check_file(str(story), Options()).problems
    assert {(problem.code, problem.line) for problem in problems} == expected  # (were at 1:1)


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_convert_names_the_line_of_an_invisible_character_as_validate_does(
    tmp_path: Path, suffix: str
) -> None:
    """convert said story.md:1:1 where validate said story.md:10:1, the line that holds it."""
    story = tmp_path / f"ferries{suffix}"
    story.write_text(LINED_STORY.replace("\n", "\r\n"), encoding="utf-8")
    done = run_cli("convert", str(story), "--to", "json", "-o", str(tmp_path / "out.json"))
    assert f"{story}:10:1: invisible-characters text holds characters" in done.stderr
    checked = run_cli("validate", str(story))
    assert f"{story}:10:1: AK013 text holds characters" in checked.text


def test_a_repeat_after_long_or_reader_changed_paragraphs_names_its_line(tmp_path: Path) -> None:
    """A paragraph's start is looked for past the paragraphs before it, however long, and past
    those the reader changed (two spaces after a full stop) and so are not found verbatim."""
    long = "The ferry ran late again. " * 3000  # (78 KB, more than the search window)
    spaced = "\n\n".join(f"Crossing {number} ran late.  Nobody said why." for number in range(900))
    repeat = "The council will meet the operator on Friday."
    for number, middle in enumerate((long, spaced)):
        story = tmp_path / f"story-{number}.txt"
        story.write_text(
            f"Ferries Run Late\n\n{repeat}\n\n{middle}\n\n{repeat}\n", encoding="utf-8"
        )
        (problem,) = check_file(str(story), Options()).problems
        lines = story.read_text(encoding="utf-8").split("\n")
        assert problem.code == "AK010" and problem.line == len(lines) - 1


def test_json_report_stays_valid_utf8_with_undecodable_file_names(tmp_path: Path) -> None:
    folder = tmp_path / "stories"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"c\xff.txt"), "wb") as undecodable:
        undecodable.write(b"\x00\x01 not text")
    done = run_cli("validate", str(folder), "--format", "json")
    report = json.loads(done.stdout.decode("utf-8"))
    assert os.fsencode(report["problems"][0]["path"]).endswith(b"c\xff.txt")


def test_a_folder_with_nothing_to_validate_is_said_in_the_json_document(tmp_path: Path) -> None:
    """With --format json the document says why the run failed (stdout carries the document;
    the error line would only repeat it)."""
    empty = tmp_path / "empty"
    empty.mkdir()
    done = run_cli("validate", "--format", "json", str(empty))
    assert done.code == 1
    document = json.loads(done.text)
    assert document["summary"] == {
        "files": 0, "failed": 0, "problems": 0, "folders_with_nothing": 1,
    }  # fmt: skip
    assert document["errors"] == [f"{empty}: nothing to validate: the folder holds no files"]
    assert document["notices"] == []


def test_links_a_folder_run_skips_are_said_as_convert_says_them(tmp_path: Path) -> None:
    """``convert`` says it skips a link out of the folder (``input-link-skipped``); validate
    left it out unsaid, and counted the files it read as if they were all."""
    outside = tmp_path / "outside.txt"
    outside.write_bytes(GOOD_TEXT.read_bytes())
    folder = tmp_path / "stories"
    folder.mkdir()
    (folder / "good.txt").write_bytes(GOOD_TEXT.read_bytes())
    (folder / "out.txt").symlink_to(outside)
    (folder / "elsewhere").symlink_to(tmp_path, target_is_directory=True)
    done = run_cli("validate", str(folder))
    assert done.code == 0, done.stderr
    assert done.stdout.decode().strip() == "1 file passed."
    notes = [line for line in done.stderr.splitlines() if "link" in line]
    assert notes == [
        f"articlekit: note: {folder / 'elsewhere'}: a link to a folder; not entered (name it to "
        "check it)",
        f"articlekit: note: {folder / 'out.txt'}: a link to {outside}, outside the folder; not "
        "checked (name it to check it)",
    ]
    machine = json.loads(run_cli("validate", str(folder), "--format", "json").stdout)
    assert len(machine["notices"]) == 2
    named = run_cli("validate", str(folder), str(folder / "out.txt"))
    assert named.stdout.decode().strip() == "All 2 files passed."
