"""The canonical Article: validation, normalisation, ids and the published JSON Schema."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from pydantic import ValidationError

from articlekit import Article, Heading, List, ListItem, Paragraph, Quote, Span
from articlekit.model import MAX_NESTING, json_schema

from strategies import articles

ROOT = Path(__file__).resolve().parent.parent


def test_headline_is_one_trimmed_line() -> None:
    assert Article(headline="  Rain   in\tSpain ").headline == "Rain in Spain"
    with pytest.raises(ValidationError, match="empty"):
        Article(headline="   ")


@pytest.mark.parametrize(
    "bad", ["a\x1b[31mb", "a\x00b", "a\ud800b", "a\x85b", "a\ufffeb", "a\uffff"]
)
def test_control_characters_and_lone_surrogates_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError, match="not allowed"):
        Article(headline=bad)
    with pytest.raises(ValidationError, match="not allowed"):
        Article(body=[Paragraph(content=[Span(text=bad)])])


def test_dates_must_be_aware_or_plain_dates() -> None:
    article = Article(published="2023-10-06", updated="2023-10-06T10:00:00+02:00")
    assert article.published == date(2023, 10, 6)
    assert article.updated == datetime(2023, 10, 6, 8, tzinfo=UTC)
    with pytest.raises(ValidationError, match="timezone"):
        Article(published=datetime(2023, 10, 6, 10))
    offset_with_seconds = timezone(timedelta(hours=5, minutes=30, seconds=17))
    for value in (
        "2023-10-06T10:00:00",  # naive: not quietly cut to its date
        "20231006",  # a Unix timestamp to pydantic
        1696586400,
        datetime(2023, 10, 6, 10, tzinfo=offset_with_seconds),
        datetime(2023, 10, 6, 10, tzinfo=timezone(timedelta(hours=-23))),  # beyond ±14:00
    ):
        with pytest.raises(ValidationError):
            Article(published=value)
    for field, value in (("version", "3"), ("version", True), ("urgency", "5")):
        with pytest.raises(ValidationError):
            Article.model_validate({field: value})
    with pytest.raises(ValidationError):
        Article(version=2**31)


@pytest.mark.parametrize(
    ("tag", "canonical"),
    [
        ("en-gb", "en-GB"),
        ("ZH-hant-tw", "zh-Hant-TW"),
        ("sr_latn_rs", "sr-Latn-RS"),
        ("de-DE-1996", "de-DE-1996"),
        ("en-US-x-twain", "en-US-x-twain"),
        ("es-419", "es-419"),
    ],
)
def test_language_tags_are_canonicalised(tag: str, canonical: str) -> None:
    assert Article(language=tag).language == canonical


@pytest.mark.parametrize("tag", ["english", "e", "en--GB", "en-GB-", "12", "en GB"])
def test_malformed_language_tags_are_refused(tag: str) -> None:
    with pytest.raises(ValidationError, match="BCP 47"):
        Article(language=tag)


@pytest.mark.parametrize("urgency", [0, 10, -1])
def test_urgency_is_one_to_nine(urgency: int) -> None:
    with pytest.raises(ValidationError):
        Article(urgency=urgency)


def test_inline_text_is_normalised() -> None:
    paragraph = Paragraph(
        content=[
            Span(text="  Rain  "),
            Span(text=" in", strong=True),
            Span(text=" Spain", strong=True),
            Span(text=" \n stays ", emphasis=True),
            Span(text="  "),
        ]
    )
    assert paragraph.content == [
        Span(text="Rain "),
        Span(text="in Spain", strong=True),
        Span(text="\nstays", emphasis=True),
    ]
    with pytest.raises(ValidationError, match="needs some text"):
        Paragraph(content=[Span(text="   ")])


def test_empty_and_default_values_are_left_out_of_json() -> None:
    article = Article(headline="A headline", body=[Paragraph(content=[Span(text="Text.")])])
    data = json.loads(article.model_dump_json())
    assert data == {
        "schema_version": "1.0",
        "id": article.id,
        "headline": "A headline",
        "body": [{"type": "paragraph", "content": [{"text": "Text."}]}],
    }


def test_ids_are_derived_deterministically_from_content() -> None:
    first = Article(headline="Same", body=[Paragraph(content=[Span(text="Story.")])])
    second = Article(
        headline="Same",
        body=[Paragraph(content=[Span(text="Story.")])],
        keywords=["metadata does not change identity"],
    )
    third = Article(headline="Different", body=[Paragraph(content=[Span(text="Story.")])])
    assert first.id == second.id != third.id
    assert first.id.startswith("urn:articlekit:")
    assert Article(id="urn:example:1", headline="Same").id == "urn:example:1"


def test_nesting_is_bounded() -> None:
    block: Paragraph | Quote = Paragraph(content=[Span(text="deep")])
    for _ in range(MAX_NESTING + 1):
        block = Quote(blocks=[block])
    with pytest.raises(ValidationError, match="nesting"):
        Article(body=[block])


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError, match="Extra inputs"):
        Article.model_validate({"headline": "x", "hedline": "typo"})


def test_extras_must_be_namespaced_plain_json() -> None:
    assert Article(extras={"newsml:signal": ["a", 1, None]}).extras["newsml:signal"] == [
        "a",
        1,
        None,
    ]
    with pytest.raises(ValidationError):
        Article(extras={"no-namespace": 1})
    with pytest.raises(ValidationError, match="finite"):
        Article(extras={"x:nan": float("nan")})


def test_body_tree() -> None:
    article = Article(
        body=[
            Heading(level=3, content=[Span(text="Crosshead")]),
            Quote(blocks=[Paragraph(content=[Span(text="Quoted.")])]),
            List(ordered=True, items=[ListItem(blocks=[Paragraph(content=[Span(text="One")])])]),
        ]
    )
    assert [block.type for block in article.body] == ["heading", "quote", "list"]


@given(articles())
def test_canonical_json_is_lossless(article: Article) -> None:
    text = article.model_dump_json()
    assert Article.model_validate_json(text) == article
    assert Article.model_validate(json.loads(text)).model_dump_json() == text


def test_published_schema_file_is_current() -> None:
    """schema/article.schema.json is what `articlekit schema` prints (regenerate it when not)."""
    published = json.loads((ROOT / "schema" / "article.schema.json").read_text(encoding="utf-8"))
    assert published == json_schema()


def test_schema_validates_canonical_json() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    article = Article(
        headline="H",
        published="2023-10-06",
        language="en",
        body=[Paragraph(content=[Span(text="P", strong=True)])],
    )
    jsonschema.Draft202012Validator(json_schema()).validate(json.loads(article.model_dump_json()))


@given(articles())
def test_every_canonical_article_validates_against_the_published_schema(article: Article) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json_schema())
    assert list(validator.iter_errors(json.loads(article.model_dump_json()))) == []


@pytest.mark.parametrize(
    "document",
    [
        {"headline": "a\u0007b"},
        {"headline": "   "},
        {"keywords": [""]},
        {"extras": {"NoNamespace": 1}},
        {"language": "en--GB"},
        {
            "body": [
                {"type": "paragraph", "content": [{"text": "x", "link": "javascript:alert(1)"}]}
            ]
        },
        {"subjects": [{}]},
        {"dateline": {}},
        {"rights": {"holder": None}},
        {"body": [{"type": "paragraph", "content": []}]},
        {"body": [{"type": "paragraph", "content": [{"text": "a\u0001"}]}]},
        {"headline": "a\ud800"},
        {"published": "2020-01-01T00:00:00"},
        {"published": "20200101"},
        {"version": "3"},
        {"urgency": True},
    ],
)
def test_the_schema_refuses_what_the_model_refuses(document: dict[str, object]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json_schema())
    assert list(validator.iter_errors(document))
    with pytest.raises(ValidationError):
        Article.model_validate(document)


def test_grandfathered_language_tags() -> None:
    assert Article(language="en-gb-oed").language == "en-GB-oed"
    assert Article(language="sgn-BE-FR").language == "sgn-BE-FR"
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json_schema())
    assert validator.is_valid({"language": "EN_gb-OED"})


def test_unicode_separators_are_line_breaks_and_paragraph_edges_lose_every_space() -> None:
    paragraph = Paragraph(content=[Span(text="\u00a0para\u2028line\u2029x\u00a0")])
    assert paragraph.text == "para\nline\nx"
    assert Paragraph(content=[Span(text="a\u00a0b")]).text == "a\u00a0b"  # inside: kept
