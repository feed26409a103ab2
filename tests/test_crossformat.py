"""Every article through every format and back: nothing is invented or changed silently.

Parametrised over the registry, so every format merged later is checked the same way:

* the user's sample through every writer and back through its reader keeps the story;
* every article of the real files in ../shared/corpus (NewsML-G2, NITF, ninjs, DOCX, text) goes
  JSON → X → JSON for every writer X, and each field that comes back different is explained by a
  warning of that conversion: one that names the field (``Diagnostic.fields``, what writers
  report), or one whose code by its meaning concerns that field (:data:`EXPLAINED_BY`, what
  readers report).
"""

from __future__ import annotations

from functools import cache

import pytest

from articlekit import Article, read, read_all, registry, write
from articlekit.diagnostics import Diagnostic
from articlekit.errors import ArticlekitError

from conftest import shared_path

WRITERS = sorted(name for name in registry.formats("writer") if name in registry.formats("reader"))
HEADLINE = (
    "Separatist Rebels Escalate Attacks in Northern Mali, Mainstream Media Condemn Expulsion of "
    "French Troops"
)
CORPUS_FOLDERS = ("newsml-g2", "nitf", "ninjs", "docx", "text")

EXPLAINED_BY: dict[str, frozenset[str]] = {
    # what a reader does to the body by its nature, and says so
    "structure-flattened": frozenset({"body"}),
    "formatting-dropped": frozenset({"body"}),
    "link-dropped": frozenset({"body"}),
    "media-dropped": frozenset({"body"}),
    "newsml-body-repeat": frozenset({"body"}),
    "text-separator-dropped": frozenset({"body"}),
    "text-boilerplate-dropped": frozenset({"body"}),
    "headline-joined": frozenset({"headline"}),
}
"""Codes that concern fields by their meaning, for warnings that name no fields."""


def test_sample_survives_every_format_listed() -> None:
    assert {"text", "json", "newsml", "nitf", "ninjs", "docx"} <= set(WRITERS)


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


@cache
def corpus_articles() -> tuple[tuple[str, bytes], ...]:
    """Every article of the corpus files that hold one, as canonical JSON."""
    found = []
    for folder in CORPUS_FOLDERS:
        for path in sorted(shared_path("corpus", folder).iterdir()):
            if path.name.endswith(".meta.json"):
                continue
            try:
                results = list(read_all(path))
            except ArticlekitError:
                continue  # pictures, packages, empty documents: no article to convert
            for index, result in enumerate(results, start=1):
                found.append((f"{folder}/{path.name}#{index}", result.value.model_dump_json()))
    return tuple((label, data.encode()) for label, data in found)


def unexplained(before: Article, after: Article, warnings: list[Diagnostic]) -> list[str]:
    """The fields that changed without a warning of the conversion that concerns them."""
    named = {field for warning in warnings for field in warning.fields}
    named |= {field for w in warnings for field in EXPLAINED_BY.get(w.code, frozenset())}
    old, new = before.model_dump(mode="json"), after.model_dump(mode="json")
    changed = []
    for field in Article.model_fields:
        if field == "extras":
            # a reader records what it finds in its own extras; the article's own must stay
            lost = set(old.get(field) or {}) - set(new.get(field) or {})
            if lost and field not in named:
                changed.append(f"extras lost {sorted(lost)[:3]}")
        elif old.get(field) != new.get(field) and field not in named:
            changed.append(f"{field}: {str(old.get(field))[:80]!r} -> {str(new.get(field))[:80]!r}")
    return changed


@pytest.mark.parametrize("name", WRITERS)
def test_corpus_round_trips_explain_every_change(name: str) -> None:
    articles = corpus_articles()
    assert len(articles) >= 90, "the corpus should give about 92 articles"
    problems = []
    for label, data in articles:
        source = read(data, format="json")
        try:
            written = write(source.value, format=name)
        except ArticlekitError as error:  # a refusal is honest, but no corpus article needs one
            problems.append(f"{label}: {error}")
            continue
        back = read(written.value, format=name)
        warnings = [*written.warnings, *back.warnings]
        for change in unexplained(source.value, back.value, warnings):
            codes = sorted({warning.code for warning in warnings})
            problems.append(f"{label}: {change} (warnings: {', '.join(codes)})")
    assert not problems, f"{len(problems)} unexplained changes:\n" + "\n".join(problems)


IPTC_WRITERS = ("newsml", "nitf", "ninjs")
OPENING = "TARNOW (Baltic Wire) — The harbour ferry left at dawn with forty passengers."


@pytest.mark.parametrize("name", IPTC_WRITERS)
@pytest.mark.parametrize(
    ("dateline", "problem"),
    [
        (None, "opens with a dateline"),
        ({"place": "TARNOW", "agency": "Baltic Wire"}, "repeats the dateline"),
    ],
)
def test_iptc_writers_warn_alike_of_a_dateline_in_the_body(
    name: str, dateline: dict[str, str] | None, problem: str
) -> None:
    """A dateline printed at the start of the story reads back out of it in every IPTC format:
    each writer says so, in the same words, naming the body and the dateline."""
    article = Article.model_validate(
        {
            "headline": "Ferry returns",
            "dateline": dateline,
            "body": [{"type": "paragraph", "content": [{"text": OPENING}]}],
        }
    )
    result = write(article, format=name)
    warned = [w for w in result.warnings if w.code == f"{name}-not-round-trippable"]
    assert [w.fields for w in warned if problem in w.message] == [("body", "dateline")]
    back = read(result.value, format=name).value
    assert back.dateline is not None and back.dateline.place == "TARNOW"
    assert back.body[0].text.startswith("The harbour ferry")  # type: ignore[union-attr]
