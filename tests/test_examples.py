"""The converted examples in examples/ are what the current code writes (regenerate them when not:
``articlekit convert examples/harbour-ferries.txt -o examples/harbour-ferries.json --force``...)."""

from __future__ import annotations

from pathlib import Path

import pytest

from articlekit import convert

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PAIRS = [
    ("harbour-ferries.txt", "harbour-ferries.json"),
    ("harbour-ferries.json", "harbour-ferries.out.txt"),
    ("harbour-ferries.txt", "harbour-ferries.docx"),
    ("harbour-ferries.txt", "harbour-ferries.newsml.xml"),
    ("harbour-ferries.txt", "harbour-ferries.nitf.xml"),
    ("harbour-ferries.txt", "harbour-ferries.ninjs.json"),
    ("night-trains-iptc7901.txt", "night-trains-iptc7901.json"),
]


@pytest.mark.parametrize(("source", "target"), PAIRS, ids=[target for _, target in PAIRS])
def test_example_outputs_are_current(source: str, target: str, tmp_path: Path) -> None:
    written = tmp_path / target
    convert(EXAMPLES / source, written)
    assert written.read_bytes() == (EXAMPLES / target).read_bytes()
