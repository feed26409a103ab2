"""The user's sample through NewsML-G2 and NITF: schema-valid output that reads back to the same
article (headline, source, date, dateline and the 12 paragraphs), from the API and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from articlekit import read, write
from articlekit.model import Dateline, Source
from xmlcheck import assert_schema_valid, schema_folder

from conftest import run_cli, shared_path

FORMATS = [("newsml", "sample.newsml.xml"), ("nitf", "sample.nitf")]


def _seed() -> Path:
    return next(shared_path("seed").glob("*.txt"))


@pytest.mark.parametrize(("kind", "name"), FORMATS)
def test_user_sample_and_back(kind: str, name: str) -> None:
    # the page furniture the text reader set aside (in extras) is not part of the story
    article = read(_seed()).value.model_copy(update={"extras": {}})
    written = write(article, format=kind)
    assert written.warnings == ()
    assert_schema_valid(written.value, kind)
    back = read(written.value).value
    assert back == article
    assert back.headline is not None and back.headline.startswith("Separatist Rebels")
    assert back.source == Source(name="Orinoco Tribune")
    assert str(back.published) == "2023-10-06"
    assert back.dateline == Dateline(place="Caracas")
    assert len(back.paragraphs) == 12


@pytest.mark.parametrize(("kind", "name"), FORMATS)
def test_user_sample_through_the_command_line(tmp_path: Path, kind: str, name: str) -> None:
    out = tmp_path / name
    done = run_cli("convert", str(_seed()), "-o", str(out), "--schemas", str(schema_folder()), "-q")
    assert done.code == 0, done.stderr
    assert_schema_valid(out.read_bytes(), kind)
    done = run_cli("convert", str(out), "--to", "json")
    assert done.code == 0, done.stderr
    back = json.loads(done.text)
    assert (back["source"], back["published"], back["dateline"]) == (
        {"name": "Orinoco Tribune"},
        "2023-10-06",
        {"place": "Caracas"},
    )
    assert len(back["body"]) == 12
