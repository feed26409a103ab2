"""Embedded media as files: --extract-media writes them, JSON reads them back, hostile paths
and tampered files are refused without tracebacks."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from articlekit import (
    Article,
    Figure,
    Media,
    Paragraph,
    Rendition,
    Resource,
    Span,
    convert,
    read,
    write,
)

from conftest import run_cli

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32 + b"not really a picture"
GIF = b"GIF89a" + b"\x01" * 20


def _article() -> Article:
    return Article(
        headline="Harbour Ferries Resume",
        body=[
            Paragraph(content=[Span(text="Ferries ran again on Monday.")]),
            Figure(
                caption=[Span(text="The first ferry leaves at dawn.")],
                credit="Jane Doe/Example News",
                renditions=[Rendition(name="original", resource=Resource.of(PNG, "image/png"))],
            ),
        ],
        media=[
            Media(
                role="featured",
                renditions=[Rendition(resource=Resource.of(GIF, "image/gif"))],
            )
        ],
    )


def test_json_keeps_embedded_bytes_as_base64_by_default(tmp_path: Path) -> None:
    target = tmp_path / "story.json"
    write(_article(), target)
    document = json.loads(target.read_text(encoding="utf-8"))
    resource = document["body"][1]["renditions"][0]["resource"]
    assert resource["sha256"] == hashlib.sha256(PNG).hexdigest()
    assert resource["size"] == len(PNG)
    assert "path" not in resource and resource["data"]
    assert read(target).value == _article()


def test_extract_media_writes_files_and_json_reads_them_back(tmp_path: Path) -> None:
    target = tmp_path / "out" / "story.json"
    target.parent.mkdir()
    write(_article(), target, extract_media=tmp_path / "out" / "media")
    document = json.loads(target.read_text(encoding="utf-8"))
    resource = document["body"][1]["renditions"][0]["resource"]
    assert "data" not in resource
    assert resource["path"] == f"media/{hashlib.sha256(PNG).hexdigest()}.png"
    assert (target.parent / resource["path"]).read_bytes() == PNG
    gif = document["media"][0]["renditions"][0]["resource"]["path"]
    assert gif.endswith(".gif")
    result = read(target)
    assert result.value == _article()
    assert result.warnings == ()
    # a second run finds the files in place and leaves them as they are
    write(_article(), target, extract_media=tmp_path / "out" / "media", force=True)
    assert len(list((tmp_path / "out" / "media").iterdir())) == 2


@pytest.mark.parametrize(
    ("media_type", "extension"),
    [
        ("image/x-emf", ".emf"),
        ("image/x-wmf", ".wmf"),
        ("image/jpeg", ".jpg"),
        ("x/unknown", ".bin"),
    ],
)
def test_extracted_media_files_are_named_by_their_type(media_type: str, extension: str) -> None:
    """Word's metafiles (``image/x-emf``, ``image/x-wmf``) were extracted as ``.bin``."""
    from articlekit.media import extension_of

    assert extension_of(media_type) == extension


def test_extract_media_folder_must_be_below_the_output(tmp_path: Path) -> None:
    from articlekit.errors import OutputError

    (tmp_path / "out").mkdir()
    with pytest.raises(OutputError, match="output's folder"):
        write(_article(), tmp_path / "out" / "story.json", extract_media=tmp_path / "elsewhere")


def test_missing_changed_or_escaping_media_files_stay_paths_with_a_warning(tmp_path: Path) -> None:
    target = tmp_path / "story.json"
    write(_article(), target, extract_media=tmp_path / "media")
    document = json.loads(target.read_text(encoding="utf-8"))
    png_path = tmp_path / document["body"][1]["renditions"][0]["resource"]["path"]
    gif_path = tmp_path / document["media"][0]["renditions"][0]["resource"]["path"]
    png_path.write_bytes(PNG[:-1] + b"?")  # same size, other bytes
    gif_path.unlink()
    gif_path.symlink_to("/etc/hostname")  # a link out of the folder is never followed
    result = read(target)
    messages = [str(warning) for warning in result.warnings]
    assert [warning.code for warning in result.warnings] == ["media-unresolved"] * 2
    assert "sha256" in messages[0]
    assert "out of the document's folder" in messages[1] or "bytes, not the" in messages[1]
    figure = result.value.body[1]
    assert isinstance(figure, Figure)
    assert figure.renditions[0].resource is not None
    assert figure.renditions[0].resource.data is None
    assert figure.renditions[0].resource.path is not None


def test_a_json_lines_record_s_missing_media_file_is_said_at_its_line(tmp_path: Path) -> None:
    """In an archive of JSON Lines, a record's missing picture file is reported at the record's
    line (as a broken record is), by the reader and by ``validate``."""
    story = tmp_path / "story.json"
    write(_article(), story, extract_media=tmp_path / "media")
    plain = tmp_path / "plain.json"
    write(Article(headline="No pictures", body=[Paragraph(content=[Span(text="Text.")])]), plain)
    archive = tmp_path / "all.jsonl"
    documents = [json.loads(path.read_text(encoding="utf-8")) for path in (plain, story)]
    archive.write_text("".join(json.dumps(item) + "\n" for item in documents), encoding="utf-8")
    document = documents[1]
    (tmp_path / document["media"][0]["renditions"][0]["resource"]["path"]).unlink()
    from articlekit.api import read_all

    warnings = [warning for result in read_all(archive) for warning in result.warnings]
    assert [(warning.code, warning.line) for warning in warnings] == [("media-unresolved", 2)]
    checked = run_cli("validate", str(archive), "--select", "AK016")
    assert checked.stdout.decode().startswith(f"{archive}:2:"), checked.stdout


def test_json_from_standard_input_cannot_resolve_relative_media(tmp_path: Path) -> None:
    target = tmp_path / "story.json"
    write(_article(), target, extract_media=tmp_path / "media")
    result = read(target.read_bytes(), format="json")
    assert {warning.code for warning in result.warnings} == {"media-unresolved"}


def test_media_files_count_against_the_size_limit(tmp_path: Path) -> None:
    big = Article(
        headline="Big",
        body=[Figure(renditions=[Rendition(resource=Resource.of(b"x" * 5000, "image/png"))])],
    )
    target = tmp_path / "big.json"
    write(big, target, extract_media=tmp_path / "media")
    from articlekit.api import read_all

    result = next(read_all(target, max_bytes=4000))
    assert [warning.code for warning in result.warnings] == ["media-unresolved"]
    assert "size limit" in str(result.warnings[0])


def test_cli_extract_media(tmp_path: Path) -> None:
    source = tmp_path / "story.json"
    write(_article(), source)
    output = tmp_path / "converted" / "story.json"
    output.parent.mkdir()
    run = run_cli(
        "convert", str(source), "-o", str(output), "--extract-media", str(output.parent / "img")
    )
    assert run.code == 0, run.stderr
    assert sorted(path.suffix for path in (output.parent / "img").iterdir()) == [".gif", ".png"]
    assert read(output).value == _article()
    assert convert(output, to_format="json").value == write(_article(), format="json").value


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ((), "--extract-media needs an output file or folder (-o)"),
        (("-o", "-"), "--extract-media needs an output file or folder (-o)"),
        (("-o", "{tmp}/out/story.json"), "elsewhere: the media folder must be the output's folder"),
        (("-o", "{tmp}/out/", "--to", "json"), "elsewhere: the media folder must be the output's"),
        (("-o", "{tmp}/out/story.docx"), "docx output holds its pictures itself"),
    ],
    ids=["stdout", "dash", "file", "folder", "docx"],
)
def test_extract_media_usage_errors_come_before_any_input_is_read(
    tmp_path: Path, arguments: tuple[str, ...], message: str
) -> None:
    """A missing input proves nothing was read: its error would be exit 1."""
    missing = tmp_path / "missing.json"
    given = [argument.format(tmp=tmp_path) for argument in arguments]
    run = run_cli("convert", str(missing), *given, "--extract-media", str(tmp_path / "elsewhere"))
    assert (run.code, run.stdout) == (2, b"")
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("articlekit: error: "), run.stderr
    assert message in lines[0]
    assert not (tmp_path / "elsewhere").exists() and not (tmp_path / "out").exists()


def test_batch_refuses_a_media_folder_it_could_not_name_when_made(tmp_path: Path) -> None:
    from articlekit.batch import convert_batch
    from articlekit.errors import UsageError

    source = tmp_path / "story.json"
    write(_article(), source)
    with pytest.raises(UsageError, match="needs an output file or folder"):
        convert_batch([str(source)], extract_media=tmp_path / "media")  # articles, no files
    output = f"{tmp_path / 'out'}/"
    batch = convert_batch([str(source)], output, extract_media=tmp_path / "out" / "media")
    assert [result.status for result in batch] == ["converted"]
    assert len(list((tmp_path / "out" / "media").iterdir())) == 2
