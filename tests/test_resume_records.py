"""What a rerun builds without the usual constructors, and the record of an output file's warnings
kept once for inputs warned about alike: the same values as the plain way gives."""

from __future__ import annotations

import dataclasses
import json
import pickle
from pathlib import Path
from typing import Any

import pytest

from articlekit.batch import manifest
from articlekit.batch.results import BatchResult, known_result, with_outputs
from articlekit.diagnostics import Diagnostic


def _recorded_warnings(spool: manifest.WarningSpool, output: Path) -> list[list[Any]]:
    """The warnings of the record an output file (made empty here) gets with ``spool``'s."""
    output.touch()
    manifest.write_sidecar(str(output), "print", "inputs", True, spool)
    document = json.loads(Path(manifest.sidecar_path(str(output))).read_bytes())
    return list(document["warnings"])


@pytest.mark.parametrize("status", ["up-to-date", "skipped"])
def test_a_known_result_is_the_result_the_class_makes(status: str) -> None:
    warning = Diagnostic("text-boilerplate-dropped", "left out 5 lines", "in/a.txt", 29)
    made = BatchResult("in/a.txt", status, ("out/a.json",), (warning,), line=3)  # type: ignore[arg-type]
    known = known_result("in/a.txt", status, ("out/a.json",), (warning,), 3)  # type: ignore[arg-type]
    assert known == made
    assert repr(known) == repr(made)
    assert vars(known) == vars(made)  # every field set, defaults included
    assert pickle.loads(pickle.dumps(known)) == made
    assert dataclasses.replace(known, line=4) == dataclasses.replace(made, line=4)
    with pytest.raises(dataclasses.FrozenInstanceError):
        known.status = "failed"  # type: ignore[misc]


def test_a_result_given_its_outputs_is_the_one_replace_makes() -> None:
    """``with_outputs`` copies a result's fields past the frozen class's ``__init__``: it must
    stay what ``dataclasses.replace`` makes, whatever fields the class gains."""
    warning = Diagnostic("text-boilerplate-dropped", "left out 5 lines", "in/a.txt", 29)
    converted = BatchResult("in/a.txt", "converted", warnings=(warning,), line=3, count=2)
    given = with_outputs(converted, ("all.jsonl",))
    made = dataclasses.replace(converted, outputs=("all.jsonl",))
    assert given == made and vars(given) == vars(made) and repr(given) == repr(made)
    assert pickle.loads(pickle.dumps(given)) == made
    assert converted.outputs == ()  # (the result it was copied from is unchanged)


def test_warnings_kept_as_before_read_back_as_they_were(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inputs warned about alike keep the text once (the rest as the line before's), across the
    spill to a temporary file; a skipped record keeps its status; a record written before
    (every input's text in full) reads the same."""
    monkeypatch.setattr(manifest, "SPOOL_LINES", 3)
    same, other = '[["code", "same", 0, 1, 1]]', '[["code", "other", 0, 1, 1]]'
    kept = [same, same, same, other, other, same, same, same]
    spool = manifest.WarningSpool()
    for number, text in enumerate(kept):
        spool.add(f"in/{number}.txt", None, text, "skipped" if number == 4 else "converted")
    entries = _recorded_warnings(spool, tmp_path / "all.jsonl")
    spool.close()
    assert sum(entry[2] == manifest.AS_BEFORE for entry in entries) == 5
    expected = [
        (f"in/{number}.txt", None, text, "skipped" if number == 4 else "converted")
        for number, text in enumerate(kept)
    ]
    by_input = {(source, line): (text, status) for source, line, text, status in expected}
    assert manifest.kept_by_input(entries) == by_input
    written_before = [[source, line, text, *([] if status == "converted" else [status])]
                      for source, line, text, status in expected]  # fmt: skip
    assert manifest.kept_by_input(written_before) == by_input
