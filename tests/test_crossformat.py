"""The user's sample through every writer and back through its reader: the story survives.

Parametrised over the registry, so every format merged later is checked the same way.
"""

from __future__ import annotations

import pytest

from articlekit import read, registry, write

from conftest import shared_path

WRITERS = sorted(name for name in registry.formats("writer") if name in registry.formats("reader"))
HEADLINE = (
    "Separatist Rebels Escalate Attacks in Northern Mali, Mainstream Media Condemn Expulsion of "
    "French Troops"
)


@pytest.mark.parametrize("name", WRITERS)
def test_sample_survives_every_format(name: str) -> None:
    sample = read(next(shared_path("seed").glob("*.txt"))).value
    written = write(sample, format=name)
    back = read(written.value, format=name).value
    assert back.headline == HEADLINE
    assert back.paragraphs == sample.paragraphs
    assert len(back.paragraphs) == 12
    assert back.dateline is not None and back.dateline.place == "Caracas"
    assert str(back.published)[:10] == "2023-10-06"
    if back.source is not None:
        assert back.source.name == "Orinoco Tribune"


@pytest.mark.parametrize("name", WRITERS)
def test_every_writer_output_is_sniffed_back(name: str) -> None:
    sample = read(next(shared_path("seed").glob("*.txt"))).value
    written = write(sample, format=name).value
    assert read(written).value.headline == HEADLINE
