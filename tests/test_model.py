"""The canonical Article: validation, normalisation, ids and the published JSON Schema."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from pydantic import ValidationError

from articlekit import Article, Context, Heading, List, ListItem, Paragraph, Quote, Span
from articlekit.formats.json import writer as json_writer
from articlekit.model import (
    _IDENTITY,
    _IDENTITY_FIELDS,
    MAX_BLOCKS,
    MAX_CAPTION_LENGTH,
    MAX_DIMENSION,
    MAX_LIST_START,
    MAX_NESTING,
    SCHEMA_VERSION,
    Block,
    Dateline,
    Figure,
    Media,
    Person,
    Rendition,
    Resource,
    Rights,
    Table,
    TableCell,
    TableRow,
    _count_blocks,
    _is_plain_line,
    _normalised_line,
    _single_line,
    content_id,
    describe_validation_error,
    iter_blocks,
    iter_media,
    json_schema,
    serializer_of,
)
from articlekit.prose.controls import has_control

from strategies import articles, blocks

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
        "schema_version": "1.4",
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


def test_a_copy_with_an_update_is_validated_as_an_assignment_is() -> None:
    article = Article(headline="Ferries run late", keywords=["harbour"])
    for update in ({"headline": "two\nlines\x07"}, {"urgency": 42}, {"hedline": "typo"}):
        with pytest.raises(ValidationError):
            article.model_copy(update=update)  # (pydantic's copy took them unchecked)
    copy = article.model_copy(
        update={"headline": "  Ferries  run early ", "dateline": {"place": "Oslo"}}
    )
    assert (copy.headline, copy.dateline, copy.keywords) == (
        "Ferries run early",
        Dateline(place="Oslo"),
        ["harbour"],
    )
    assert copy.id == article.id and article.headline == "Ferries run late"
    assert article.model_copy(deep=True) == article


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


@given(articles(media=True))
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


@given(articles(media=True))
def test_every_canonical_article_validates_against_the_published_schema(article: Article) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json_schema())
    assert list(validator.iter_errors(json.loads(article.model_dump_json()))) == []


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("../../../../etc/hostname", "'..' leads out of the document's folder"),
        ("media/../../x.png", "'..' leads out of the document's folder"),
        ("/etc/passwd", "absolute; a media path is relative to the document's folder"),
        ("C:\\x.png", "holds ':'; a media path is made of letters, digits"),
        ("media//x.png", "an empty or '.' part"),
        ("x" * 256, "longer than 255 characters"),
    ],
)
def test_a_refused_media_path_says_why(path: str, reason: str) -> None:
    """ "a media path is relative, made of letters, digits, ..." was said of '../../etc/hostname'
    too, which is made of them: the reason is that it leads out of the folder."""
    with pytest.raises(ValidationError) as caught:
        Article.model_validate({"media": [{"renditions": [{"resource": _resource(path=path)}]}]})
    message = describe_validation_error(caught.value)
    assert message.startswith(f"invalid article: media[0].renditions[0].resource.path: '{path[:2]}")
    assert reason in message


def _resource(**fields: object) -> dict[str, object]:
    """A valid embedded resource (4 bytes of PNG signature) with ``fields`` replaced."""
    resource: dict[str, object] = {
        "media_type": "image/png",
        "size": 4,
        "sha256": hashlib.sha256(b"\x89PNG").hexdigest(),
        "data": base64.b64encode(b"\x89PNG").decode(),
    }
    resource.update(fields)
    return resource


ITEMS = [{"blocks": [{"type": "paragraph", "content": [{"text": "item"}]}]}]


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
        {"schema_version": "2.0"},
        # media and tables (schema 1.1)
        {"body": [{"type": "figure", "renditions": [{}]}]},
        {"body": [{"type": "figure", "renditions": [{"uri": "javascript:alert(1)"}]}]},
        {"body": [{"type": "figure", "renditions": [{"uri": "DATA:image/png;base64,AAAA"}]}]},
        {"body": [{"type": "figure", "renditions": [{"uri": "a b.jpg"}]}]},
        {"body": [{"type": "figure", "renditions": [{"uri": "x.jpg", "width": 0}]}]},
        {"body": [{"type": "figure", "renditions": [{"uri": "x.jpg", "height": 10**12}]}]},
        {"body": [{"type": "figure", "renditions": [{"uri": "x.jpg", "size": -1}]}]},
        {"body": [{"type": "figure", "renditions": [{"uri": "x.jpg", "media_type": "jpeg"}]}]},
        {"body": [{"type": "figure", "kind": "hologram"}]},
        {"body": [{"type": "figure", "credit": "x" * 1001}]},
        {"body": [{"type": "figure", "alt_text": "x" * 10_001}]},
        {"body": [{"type": "figure", "caption": [{"text": "a\u001b"}]}]},
        {"body": [{"type": "figure", "extras": {"NoNamespace": 1}}]},
        {"body": [{"type": "figure", "role": "featured"}]},
        {"body": [{"type": "figure"}]},
        {"body": [{"type": "figure", "kind": "video", "caption": [], "renditions": []}]},
        {"media": [{}]},
        {"media": [{"role": "featured", "extras": {}}]},
        {"media": [{"role": "lead"}]},
        {"media": [{"type": "figure"}]},
        {"media": [{"renditions": [{"resource": {"media_type": "image/png"}}]}]},
        {"media": [{"renditions": [{"resource": _resource(path="/etc/passwd")}]}]},
        {"media": [{"renditions": [{"resource": _resource(path="../secret.png")}]}]},
        {"media": [{"renditions": [{"resource": _resource(path="media/../../x.png")}]}]},
        {"media": [{"renditions": [{"resource": _resource(path="C:\\x.png")}]}]},
        {"media": [{"renditions": [{"resource": _resource(data="not base64!")}]}]},
        {"media": [{"renditions": [{"resource": _resource(sha256="ABC")}]}]},
        {"body": [{"type": "table", "rows": []}]},
        {"body": [{"type": "table", "rows": [{"cells": []}]}]},
        {"body": [{"type": "table", "rows": [{"cells": [{"colspan": 0}]}]}]},
        {"body": [{"type": "table", "rows": [{"cells": [{"rowspan": 1001}]}]}]},
        {"body": [{"type": "table", "rows": [{"cells": [{"content": [{"text": "a\u0000"}]}]}]}]},
        {"body": [{"type": "table", "rows": [{"cells": [{"blocks": [{"type": "list"}]}]}]}]},
        # list starts (schema 1.2)
        *(
            {"body": [{"type": "list", "ordered": True, "start": start, "items": ITEMS}]}
            for start in (-1, 1_000_000_000, "3", 2.5, True)
        ),
    ],
)
def test_the_schema_refuses_what_the_model_refuses(document: dict[str, object]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json_schema())
    assert list(validator.iter_errors(document))
    with pytest.raises(ValidationError):
        Article.model_validate(document)


DATE_FIELDS = ("published", "updated", "created", "embargoed", "expires")


@pytest.mark.parametrize("field", DATE_FIELDS)
@pytest.mark.parametrize(
    "text",
    [
        "2032-09-14T18:45:00+14:30",
        "2032-09-14T18:45:00+14:01",
        "2032-09-14T18:45:00-1430",
        "2032-09-14T24:00:00Z",
        "2032-09-14T18:60Z",
        "2032-09-14T18:45:60Z",
        "2032-13-14",
        "2032-09-32",
        "0000-09-14",
    ],
)
def test_the_schema_refuses_the_dates_the_model_refuses(field: str, text: str) -> None:
    """The schema's pattern said ``\\d{2}`` for every part: it took offsets beyond ±14:00 and
    hour 24, which every date field of the model refuses."""
    jsonschema = pytest.importorskip("jsonschema")
    assert not jsonschema.Draft202012Validator(json_schema()).is_valid({field: text})
    with pytest.raises(ValidationError):
        Article.model_validate({field: text})


@given(
    st.tuples(
        st.sampled_from(["0000", "0001", "2032"]),
        st.sampled_from(["00", "01", "12", "13"]),
        st.sampled_from(["00", "01", "28", "31", "32"]),
        st.sampled_from(["", "T", "t", " "]),
        st.sampled_from(["00", "23", "24"]),
        st.sampled_from([":00", ":59", ":60"]),
        st.sampled_from(["", ":00", ":59", ":60", ":59.5", ":59.123456789"]),
        st.sampled_from(["Z", "z", "+14:00", "-1400", "+14:01", "-14:30", "+13:59", "+0545"]),
    )
)
def test_the_schema_and_the_model_agree_on_date_text(parts: tuple[str, ...]) -> None:
    """Every part of an ISO 8601 date or date-time at and beyond its limits (a month's length
    aside: ``format`` states it, which a validator need not check)."""
    year, month, day, separator, hour, minute, second, offset = parts
    text = f"{year}-{month}-{day}"
    if separator:
        text += f"{separator}{hour}{minute}{second}{offset}"
    jsonschema = pytest.importorskip("jsonschema")
    schema_takes = jsonschema.Draft202012Validator(json_schema()).is_valid({"expires": text})
    try:
        Article.model_validate({"expires": text})
    except ValidationError:
        model_takes = False
    else:
        model_takes = True
    assert schema_takes == model_takes, text


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


# --- schema 1.1: media and tables ----------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(40))
ID_DERIVED_BY_1_0 = "urn:articlekit:d0769c0e2ecb72a1c1fbbcf83fc394c8"


def test_documents_of_schema_1_0_read_unchanged_and_validate() -> None:
    """Every 1.0 document in the test data reads, is written back as the current version with
    the same content, and validates against the published schema."""
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json_schema())
    documents = sorted((ROOT / "tests" / "data").rglob("*.expected.json"))
    documents += sorted((ROOT / "examples").glob("*.json"))
    old = [path for path in documents if '"schema_version": "1.0"' in path.read_text("utf-8")]
    assert len(old) >= 10
    for path in old:
        loaded = json.loads(path.read_text(encoding="utf-8"))
        for document in loaded if isinstance(loaded, list) else [loaded]:
            assert list(validator.iter_errors(document)) == [], path
            article = Article.model_validate(document)
            assert article.schema_version == SCHEMA_VERSION
            rewritten = json.loads(article.model_dump_json())
            assert rewritten.pop("schema_version") == SCHEMA_VERSION
            document.pop("schema_version")
            assert rewritten == document, path


def test_a_1_0_article_keeps_its_derived_id() -> None:
    """Ids derived from content did not change with schema 1.1: the value below was derived by
    the 1.0 model."""
    document = {
        "schema_version": "1.0",
        "headline": "Ferries Resume",
        "body": [{"type": "paragraph", "content": [{"text": "The harbour reopened."}]}],
    }
    assert Article.model_validate(document).id == ID_DERIVED_BY_1_0


# --- schema 1.2: where a numbered list starts ---------------------------------------------------

ID_DERIVED_BY_1_1 = "urn:articlekit:4a019ed7c8744ef2c7128568f569fb06"


def _steps(start: object = None, ordered: bool = True) -> dict[str, object]:
    listing: dict[str, object] = {"type": "list", "items": ITEMS}
    if ordered:
        listing["ordered"] = True
    if start is not None:
        listing["start"] = start
    return {
        "schema_version": "1.1" if start is None else "1.2",
        "headline": "Steps",
        "body": [
            {"type": "list", "ordered": True, "items": ITEMS},
            {"type": "paragraph", "content": [{"text": "Between."}]},
            listing,
        ],
    }


def test_a_1_1_article_with_lists_reads_unchanged_and_keeps_its_derived_id() -> None:
    """Ids derived from content did not change with schema 1.2 (a list without a start is
    written as before): the value below was derived by the 1.1 model."""
    document = _steps()
    article = Article.model_validate(document)
    assert article.id == ID_DERIVED_BY_1_1
    assert article.schema_version == SCHEMA_VERSION
    rewritten = json.loads(article.model_dump_json())
    assert (
        rewritten.pop("schema_version") == SCHEMA_VERSION
        and rewritten.pop("id") == ID_DERIVED_BY_1_1
    )
    document.pop("schema_version")
    assert rewritten == document


def test_a_list_start_is_kept_in_json_and_counts_in_the_id() -> None:
    continuing = Article.model_validate(_steps(3))
    assert continuing.body[2] == List(ordered=True, start=3, items=continuing.body[0].items)  # type: ignore[union-attr]
    text = continuing.model_dump_json()
    assert '"start":3' in text
    assert Article.model_validate_json(text) == continuing
    assert continuing.id != ID_DERIVED_BY_1_1  # the numbers a reader sees are content
    zero = Article.model_validate(_steps(0))
    assert zero.body[2].start == 0 and '"start":0' in zero.model_dump_json()  # type: ignore[union-attr]
    assert zero.body[2].first_number == 0  # type: ignore[union-attr]


@pytest.mark.parametrize(("start", "ordered"), [(1, True), (3, False), (None, True)])
def test_a_list_numbered_from_1_or_not_numbered_has_no_start(start: object, ordered: bool) -> None:
    """One form for one meaning: equal to the list written without a start."""
    article = Article.model_validate(_steps(start, ordered))
    listing = article.body[2]
    assert isinstance(listing, List) and listing.start is None and listing.first_number == 1
    assert '"start"' not in article.model_dump_json()
    assert article.id == Article.model_validate(_steps(None, ordered)).id
    jsonschema = pytest.importorskip("jsonschema")
    assert jsonschema.Draft202012Validator(json_schema()).is_valid(_steps(start, ordered))


def test_a_list_start_is_bounded_as_commonmark_bounds_it() -> None:
    items = [ListItem(blocks=[Paragraph(content=[Span(text="a")])])]
    assert List(ordered=True, start=MAX_LIST_START, items=items).start == 999_999_999
    with pytest.raises(ValidationError, match="start"):
        List(ordered=True, start=MAX_LIST_START + 1, items=items)
    with pytest.raises(ValidationError, match="start"):
        List(ordered=True, start=-1, items=items)


# --- schema 1.3: the embargo ---------------------------------------------------------------------


def test_a_1_2_article_reads_unchanged_and_keeps_its_derived_id() -> None:
    """An article of schema 1.2 (no embargo) reads as it was and keeps the id derived from it."""
    document = {**_steps(3), "schema_version": "1.2"}
    article = Article.model_validate(document)
    assert article.schema_version == SCHEMA_VERSION and article.embargoed is None
    rewritten = json.loads(article.model_dump_json())
    assert rewritten.pop("schema_version") == SCHEMA_VERSION and "embargoed" not in rewritten
    assert rewritten.pop("id") == Article.model_validate(_steps(3)).id
    document.pop("schema_version")
    assert rewritten == document


@pytest.mark.parametrize("field", ["embargoed", "expires"])
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-06-02T06:00:00Z", datetime(2024, 6, 2, 6, tzinfo=UTC)),
        ("2024-06-02T08:00:00+02:00", datetime(2024, 6, 2, 6, tzinfo=UTC)),
        ("2024-06-02", date(2024, 6, 2)),
    ],
)
def test_an_embargo_or_expiry_is_an_aware_date_time_or_a_date(
    field: str, value: str, expected: date
) -> None:
    article = Article.model_validate({"headline": "Rates cut", field: value})
    assert getattr(article, field) == expected
    assert Article.model_validate_json(article.model_dump_json()) == article
    # when the story may be published is not what it is: the derived id does not change
    assert article.id == Article(headline="Rates cut").id
    jsonschema = pytest.importorskip("jsonschema")
    assert jsonschema.Draft202012Validator(json_schema()).is_valid(
        json.loads(article.model_dump_json())
    )


@pytest.mark.parametrize("field", ["embargoed", "expires"])
@pytest.mark.parametrize("value", ["2024-06-02T06:00:00", "20240602", 1717308000, "soon"])
def test_an_embargo_or_expiry_without_zone_or_as_a_number_is_refused_by_model_and_schema(
    field: str, value: object
) -> None:
    document = {"headline": "Rates cut", field: value}
    with pytest.raises(ValidationError, match=field):
        Article.model_validate(document)
    jsonschema = pytest.importorskip("jsonschema")
    assert not jsonschema.Draft202012Validator(json_schema()).is_valid(document)


# --- schema 1.4: the expiry ----------------------------------------------------------------------


def test_a_1_3_article_reads_unchanged_and_keeps_its_derived_id() -> None:
    """An article of schema 1.3 (no expiry) reads as it was and keeps the id derived from it."""
    document = {**_steps(3), "schema_version": "1.3", "embargoed": "2024-06-02T06:00:00Z"}
    article = Article.model_validate(document)
    assert article.schema_version == SCHEMA_VERSION == "1.4" and article.expires is None
    rewritten = json.loads(article.model_dump_json())
    assert rewritten.pop("schema_version") == "1.4" and "expires" not in rewritten
    assert rewritten.pop("id") == Article.model_validate(_steps(3)).id
    document.pop("schema_version")
    assert rewritten == {**document, "embargoed": "2024-06-02T06:00:00Z"}


def test_embedded_resources_are_measured_and_checked() -> None:
    resource = Resource.of(PNG, "Image/PNG")
    assert resource.media_type == "image/png"
    assert resource.size == len(PNG)
    assert resource.sha256 == hashlib.sha256(PNG).hexdigest()
    # size and hash are computed from the data when a document leaves them out
    encoded = base64.b64encode(PNG).decode()
    assert Resource.model_validate({"media_type": "image/png", "data": encoded}) == resource
    data = json.loads(resource.model_dump_json())
    assert data["data"] == encoded
    assert Resource.model_validate_json(resource.model_dump_json()) == resource
    with pytest.raises(ValidationError, match="sha256 does not match"):
        Resource(media_type="image/png", size=len(PNG), sha256="0" * 64, data=PNG)
    with pytest.raises(ValidationError, match="size"):
        Resource(media_type="image/png", size=1, sha256=resource.sha256, data=PNG)
    with pytest.raises(ValidationError, match="data or the path"):
        Resource(media_type="image/png", size=1, sha256=resource.sha256)
    extracted = Resource(
        media_type="image/png", size=resource.size, sha256=resource.sha256, path="media/a.png"
    )
    assert extracted.data is None


def test_a_rendition_is_a_reference_or_bytes_and_never_script() -> None:
    assert Rendition(uri="https://example.org/a.jpg").uri == "https://example.org/a.jpg"
    assert Rendition(uri="pictures/a.jpg").uri == "pictures/a.jpg"  # relative to the source
    embedded = Rendition(resource=Resource.of(PNG, "image/png"))
    assert embedded.effective_media_type == "image/png"
    assert Rendition(uri="x.jpg", media_type="image/jpeg").effective_media_type == "image/jpeg"
    with pytest.raises(ValidationError, match="uri or an embedded resource"):
        Rendition(name="original")
    for hostile in ("javascript:alert(1)", " data:image/png;base64,AAAA", "VBScript:x"):
        with pytest.raises(ValidationError):
            Rendition(uri=hostile)
    for dimension in (0, MAX_DIMENSION + 1, 10**12):
        with pytest.raises(ValidationError):
            Rendition(uri="x.jpg", width=dimension)
    assert Rendition(uri="x.jpg", size=0).model_dump(exclude_defaults=False)["size"] == 0
    assert json.loads(Rendition(uri="x.jpg", size=0).model_dump_json())["size"] == 0


def test_a_ten_megabyte_caption_is_refused() -> None:
    huge = "caption " * (10 * 1024 * 1024 // 8)
    with pytest.raises(ValidationError, match="caption is limited"):
        Figure(caption=[Span(text=huge)])
    with pytest.raises(ValidationError, match="caption is limited"):
        Figure(caption=[Span(text="x" * 6000), Span(text="y" * 6000, strong=True)])
    with pytest.raises(ValidationError):
        Media(alt_text=huge)
    assert len(Figure(caption=[Span(text="x" * MAX_CAPTION_LENGTH)]).caption_text) == 10_000


def test_figures_and_media_carry_caption_credit_creators_rights_and_renditions() -> None:
    figure = Figure(
        caption=[Span(text=" Ferries  at "), Span(text="dawn", emphasis=True)],
        credit="Jane Doe/Example News",
        creators=[Person(name="Jane Doe", role="photographer")],
        alt_text="Two ferries moored at a pier.",
        rights=Rights(holder="Example News", usage_terms="Editorial use only."),
        renditions=[
            Rendition(name="original", uri="https://example.org/f.jpg", width=4000, height=3000),
            Rendition(name="thumbnail", resource=Resource.of(PNG, "image/png")),
        ],
    )
    assert figure.caption == [Span(text="Ferries at "), Span(text="dawn", emphasis=True)]
    assert figure.caption_text == "Ferries at dawn"
    assert figure.resources == [figure.renditions[1].resource]
    lead = Media(role="featured", name="featuremedia", kind="graphic", title="Harbour map")
    article = Article(headline="Ferries", body=[figure], media=[lead])
    data = json.loads(article.model_dump_json())
    assert next(iter(data["body"][0])) == "type"  # the discriminator leads, as in other blocks
    assert "kind" not in data["body"][0]  # default picture left out
    assert data["media"] == [
        {"kind": "graphic", "title": "Harbour map", "role": "featured", "name": "featuremedia"}
    ]
    assert list(iter_media(article)) == [figure, lead]
    assert Article.model_validate_json(article.model_dump_json()) == article


def test_tables_hold_header_and_data_cells_with_spans() -> None:
    table = Table(
        caption=[Span(text="Winners")],
        rows=[
            TableRow(
                cells=[
                    TableCell(header=True, content=[Span(text="Share")]),
                    TableCell(header=True, colspan=2, content=[Span(text="Price  change")]),
                ]
            ),
            TableRow(
                cells=[
                    TableCell(content=[Span(text="Aurubis")]),
                    TableCell(content=[Span(text="69.03")]),
                    TableCell(),  # empty cells keep their place
                ]
            ),
            TableRow(
                cells=[
                    TableCell(
                        blocks=[
                            Paragraph(content=[Span(text="Two")]),
                            Paragraph(content=[Span(text="lines")]),
                        ]
                    )
                ]
            ),
        ],
    )
    assert table.columns == 3
    assert table.rows[0].cells[1].text == "Price change"
    assert table.rows[2].cells[0].text == "Two\nlines"
    data = json.loads(Article(body=[table]).model_dump_json())
    assert data["body"][0]["rows"][1]["cells"][2] == {}
    assert data["body"][0]["rows"][0]["cells"][1] == {
        "header": True,
        "colspan": 2,
        "content": [{"text": "Price change"}],
    }
    with pytest.raises(ValidationError, match="not both"):
        TableCell(content=[Span(text="a")], blocks=[Paragraph(content=[Span(text="b")])])
    inner = [x.text for x in iter_blocks([table]) if isinstance(x, Paragraph)]
    assert inner == ["Two", "lines"]


def test_nesting_through_table_cells_is_bounded() -> None:
    block: Paragraph | Table = Paragraph(content=[Span(text="deep")])
    for _ in range(MAX_NESTING + 1):
        block = Table(rows=[TableRow(cells=[TableCell(blocks=[block])])])
    with pytest.raises(ValidationError, match="nesting"):
        Article(body=[block])


def test_derived_ids_count_figures_and_tables_by_their_text() -> None:
    """A format that keeps a caption and credit but not renditions (plain text) reads back an
    article with the same derived id."""
    with_renditions = Article(
        headline="Ferries",
        body=[
            Figure(
                caption=[Span(text="Dawn", strong=True)],
                credit="AP",
                renditions=[Rendition(uri="https://example.org/f.jpg", width=10)],
            )
        ],
    )
    caption_only = Article(
        headline="Ferries", body=[Figure(caption=[Span(text="Dawn")], credit="AP")]
    )
    other_caption = Article(
        headline="Ferries", body=[Figure(caption=[Span(text="Dusk")], credit="AP")]
    )
    assert with_renditions.id == caption_only.id != other_caption.id


@given(st.lists(st.sampled_from(["clean", "é", "\x07", "\ud800", "\uffff", "\x9b", "", "\t"])))
def test_a_list_of_texts_in_extras_is_refused_exactly_when_one_of_its_texts_is(
    texts: list[str],
) -> None:
    """The list is checked at once; the answer and the message are those of its first bad text."""
    bad = next((text for text in texts if has_control(text)), None)
    if bad is None:
        Article(headline="H", extras={"test:lines": texts})
        return
    with pytest.raises(ValidationError) as error:
        Article(headline="H", extras={"test:lines": texts})
    assert f"U+{ord(bad):04X}" in str(error.value)


_LINE_TEXT = st.text(
    st.one_of(
        st.sampled_from(" \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u2029\u3000\u200b"),
        st.sampled_from(["\x00", "\x7f", "\x9b", "\ufffe", "\uffff", "\ud800", "a", "é", "字"]),
        st.characters(),
    ),
    max_size=12,
)


@given(_LINE_TEXT)
@example("a  b")
@example(" a")
@example("a ")
@example("a\u00a0b")
def test_a_plain_line_skips_the_normalising_it_would_not_need(text: str) -> None:
    """``_single_line`` takes a printable, trimmed line without runs of spaces as it is; it
    answers as :func:`_normalised_line` (the pattern's way) for every text, errors included."""
    try:
        expected = _normalised_line(text)
    except ValueError as error:
        with pytest.raises(ValueError) as raised:
            _single_line(text)
        assert str(raised.value) == str(error)
        assert not _is_plain_line(text)
        return
    assert _single_line(text) == expected
    if _is_plain_line(text):
        assert expected == text


def _cells(body: list[Block]) -> int:
    return sum(len(row.cells) for b in iter_blocks(body) if isinstance(b, Table) for row in b.rows)


@given(blocks(media=True, nesting=3))
def test_blocks_are_counted_as_iter_blocks_yields_them_and_each_table_cell(
    body: list[Block],
) -> None:
    assert _count_blocks(body) == sum(1 for _ in iter_blocks(body)) + _cells(body)


def test_a_table_of_more_cells_than_a_body_holds_blocks_is_refused_before_they_are_built() -> None:
    """A hostile file's million cells filled gigabytes before the body was counted."""
    row = {"cells": [{"content": [{"text": "x"}]}] * 100}
    table = {"type": "table", "rows": [row] * (MAX_BLOCKS // 100 + 1)}
    with pytest.raises(ValidationError, match=f"the table has more than {MAX_BLOCKS} cells"):
        Article.model_validate({"headline": "Tide tables", "body": [table]})
    tables = [{"type": "table", "rows": [row] * (MAX_BLOCKS // 200)}] * 2  # (each within it)
    body = [*tables, {"type": "paragraph", "content": [{"text": "One more."}]}]
    with pytest.raises(ValidationError, match=f"the body has more than {MAX_BLOCKS} blocks"):
        Article.model_validate({"headline": "Tide tables", "body": body})


def test_blocks_in_table_cells_are_counted() -> None:
    inner = [
        Paragraph(content=[Span(text="a")]),
        Quote(blocks=[Paragraph(content=[Span(text="b")])]),
    ]
    table = Table(
        rows=[TableRow(cells=[TableCell(blocks=inner), TableCell(content=[Span(text="c")])])]
    )
    body = [table, Paragraph(content=[Span(text="d")])]
    assert sum(1 for _ in iter_blocks(body)) == 5
    assert _count_blocks(body) == 5 + 2  # (and the two cells)


@given(blocks(media=True, nesting=3))
def test_a_block_of_one_span_has_that_span_s_text(body: list[Block]) -> None:
    for block in iter_blocks(body):
        if isinstance(block, Paragraph | Heading):
            assert block.text == "".join(span.text for span in block.content)
        if isinstance(block, Figure):
            assert block.caption_text == "".join(span.text for span in block.caption)


@given(articles(media=True))
def test_the_direct_serializer_writes_what_the_models_serializer_writes(article: Article) -> None:
    """``serializer_of`` writes each top-level block by its own model's serializer rather than
    through the union of block types (faster); the bytes are the model serializer's, in every
    way the project serialises an article."""
    for _ in range(3):
        direct = serializer_of(article)  # (built on the third request)
    own = Article.__pydantic_serializer__
    assert direct is not own
    # the body's blocks are written by their own serializers, not through the union
    assert repr(direct).count("TaggedUnion") < repr(own).count("TaggedUnion")
    for options in ({}, {"indent": 2}, {"include": _IDENTITY_FIELDS, "context": _IDENTITY}):
        assert direct.to_json(article, **options) == own.to_json(article, **options)  # type: ignore[arg-type]
    assert direct.to_python(article, mode="json") == own.to_python(article, mode="json")
    assert direct.to_python(article) == own.to_python(article)


def test_a_one_shot_conversion_does_not_build_the_direct_serializer_and_a_refusal_falls_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The direct serializer is built for the second article written, not the first (its content
    id and its output); if pydantic-core refuses to build it, articles are written, and their
    content ids derived, by the model's own serializer, and the build is not tried again."""
    from articlekit import model

    monkeypatch.setattr(model._Serializers, "asked", 0)
    monkeypatch.setattr(model._Serializers, "direct", None)
    monkeypatch.setattr(model._Serializers, "failed", False)
    article = Article(headline="H", body=[Paragraph(content=[Span(text="x")])])
    written = json_writer.write(article, Context())
    assert model._Serializers.direct is None
    tries = []

    def refuse(schema: object) -> None:
        tries.append(schema)
        raise TypeError("refused")

    monkeypatch.setattr(model, "SchemaSerializer", refuse)
    for headline in ("I", "J", "K"):
        assert Article(headline=headline).id is not None
    assert json_writer.write(article, Context()) == written
    assert len(tries) == 1
    assert model._Serializers.failed


def test_a_block_of_a_subclass_is_written_as_its_union_member() -> None:
    """A subclass of a block (a plug-in's) is written with the fields of the block it is, so the
    canonical JSON keeps to the schema and the content id does not change."""

    class Noted(Paragraph):
        note: str = "internal"

    plain = Article(headline="H", body=[Paragraph(content=[Span(text="x")])])
    noted = Article(headline="H", body=[Noted(content=[Span(text="x")])])
    assert noted.model_dump_json() == plain.model_dump_json()
    assert content_id(noted) == content_id(plain)
    for _ in range(3):
        serializer_of(plain)
    assert serializer_of(noted) is Article.__pydantic_serializer__  # (not the direct one)
    assert json.dumps(noted.model_dump(mode="json")).count("internal") == 0
    assert json_writer.write(noted, Context()) == json_writer.write(plain, Context())
