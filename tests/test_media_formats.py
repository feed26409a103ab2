"""Pictures and tables through every format: the real files carry them into JSON, JSON → X → JSON
keeps what X can hold (and says what it cannot), hostile media never break a reader."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from articlekit import Article, Figure, Media, Rendition, Span, Table, read, read_all, write
from articlekit.errors import InputError
from articlekit.formats._media import Carries
from articlekit.model import MAX_CAPTION_LENGTH, iter_blocks, iter_media
from xmlcheck import assert_ninjs_valid, assert_schema_valid

from conftest import read_back, shared_path
from strategies import articles

# --- the real files ---------------------------------------------------------------------------

# (folder/file, media items, tables) that the issue names
CORPUS_MEDIA = [
    ("ninjs/iptc-1.4-ninjsExComplex1.json", 1, 0),
    ("ninjs/iptc-1.4-businesswire-20130515006361.json", 3, 0),
    ("ninjs/iptc-2.1-businesswire-20130731006140.json", 2, 0),
    ("ninjs/iptc-2.1-tt_text_image.json", 1, 0),
    ("ninjs/iptc-3.0-tt_text_image.json", 1, 0),
    ("ninjs/iptc-3.0-ap_image.json", 1, 0),
    ("ninjs/superdesk-ninjs-embargoed.json", 1, 0),
    ("ninjs/bbc-ldrs-ninjs-composite-envelope.json", 1, 0),
    ("nitf/cp-rideau-hall.xml", 1, 0),
    ("nitf/nitf-fishing-doctype.xml", 1, 0),
    ("nitf/ntb-faktisk-latin1.xml", 1, 0),
    ("nitf/ntb-nitf-sample.xml", 1, 0),
    ("nitf/ap-media-nitf-namespaced-table.xml", 0, 3),
    ("newsml-g2/tt-newsmlg2-sample.xml", 1, 0),
    ("newsml-g2/ansa-newsmlg2-text.xml", 1, 0),
    ("newsml-g2/dpa-170629-90-027185-table.xml", 0, 2),
]


@pytest.mark.parametrize(
    ("name", "media", "tables"), CORPUS_MEDIA, ids=[c[0] for c in CORPUS_MEDIA]
)
def test_corpus_pictures_and_tables_reach_json(name: str, media: int, tables: int) -> None:
    path = shared_path("corpus", *name.split("/"))
    results = list(read_all(path))
    article = results[0].value
    written = write(article, format="json")
    back = read(written.value, format="json").value
    assert back == article
    codes = {w.code for result in results for w in result.warnings} | {
        w.code for w in written.warnings
    }
    assert "media-dropped" not in codes and "table-flattened" not in codes
    items = list(iter_media(back))
    assert len(items) == media
    for item in items:
        assert item.caption or item.credit or item.renditions or item.extras
        assert all(r.uri or r.resource for r in item.renditions)
    found = [block for block in iter_blocks(back.body) if isinstance(block, Table)]
    assert len(found) == tables
    assert all(cell.text for table in found for cell in table.rows[-1].cells)


def test_pictures_with_captions_credits_and_renditions_in_the_corpus() -> None:
    """What the files say of their pictures is all there: caption, credit, renditions."""
    expectations = {
        "ninjs/superdesk-ninjs-embargoed.json": ("There’s nothing", "Photograph by Pea", 2),
        "nitf/nitf-fishing-doctype.xml": ("The tides, captured on film", "Karben", 1),
        "newsml-g2/tt-newsmlg2-sample.xml": ("Journalisten och", "Naina Helén Jåma/TT", 4),
        "ninjs/iptc-3.0-ap_image.json": ("FILE - In this Monday", "ASSOCIATED PRESS", 4),
    }
    for name, (caption, credit, renditions) in expectations.items():
        [item] = iter_media(read(shared_path("corpus", *name.split("/"))).value)
        assert item.caption_text.startswith(caption), name
        assert item.credit is not None and item.credit.startswith(credit), name
        assert len(item.renditions) == renditions, name


# --- JSON → X → JSON -------------------------------------------------------------------------


def _carriers() -> dict[str, Carries]:
    from articlekit.formats.newsml.media import CARRIES as NEWSML
    from articlekit.formats.ninjs.media import CARRIES as NINJS
    from articlekit.formats.nitf.write import MEDIA as NITF
    from articlekit.formats.text.render import CARRIES as TEXT

    return {"newsml": NEWSML, "nitf": NITF, "ninjs": NINJS, "ninjs2": NINJS, "text": TEXT}


LOSS = {"media-detail-dropped", "media-bytes-dropped"}


def _rendition(entry: Rendition, carries: Carries) -> tuple[Any, ...]:
    fields = tuple(
        entry.effective_media_type if name == "media_type" else getattr(entry, name)
        for name in ("name", "media_type", "width", "height", "size")
        if name in carries.renditions
    )  # fmt: skip
    return (entry.uri, *fields)


def carried(article: Article, format_name: str) -> list[Any]:
    """What ``format_name`` keeps of each media item: caption, credit, located renditions."""
    carries = _carriers()[format_name]
    result = []
    for item in iter_media(article):
        renditions = [
            _rendition(entry, carries)
            for entry in item.renditions
            if entry.uri and (carries.relative_uris or ":" in entry.uri.split("/")[0])
        ][: None if carries.several_renditions else 1]
        caption = item.caption_text if not carries.caption_marks else item.caption
        result.append((caption, item.credit, renditions))
    return result


def cells(article: Article) -> list[list[list[str]]]:
    return [
        [[" ".join(cell.text.split()) for cell in row.cells] for row in block.rows]
        for block in iter_blocks(article.body)
        if isinstance(block, Table)
    ]


def _schemas() -> dict[str, str]:
    return {"schemas": str(shared_path("schemas"))}


@pytest.mark.parametrize("format_name", ["newsml", "nitf", "ninjs", "ninjs2"])
@given(article=articles(frozenset({"headline", "body", "media"}), media=True))
def test_media_and_tables_survive_json_to_x_to_json(format_name: str, article: Article) -> None:
    written = write(article, format=format_name, options=_schemas())
    if format_name in ("newsml", "nitf"):
        assert_schema_valid(written.value, format_name)
    codes = {warning.code for warning in written.warnings}
    result = read_back(written.value, format_name, bool(codes & LOSS))
    if result is None:
        return
    back = result.value
    assert "newsml:newsMessage/header" not in back.extras  # (the writer's envelope: no field)
    expected = [item for item in carried(article, format_name) if any(item)]
    got = [item for item in carried(back, format_name) if any(item)]
    if codes & LOSS:  # what it could not carry is said; captions, credits, URIs are still there
        assert [item[:2] for item in got] == [item[:2] for item in expected]
        assert [[r[0] for r in item[2]] for item in got] == [
            [r[0] for r in item[2]] for item in expected
        ]
    else:
        assert got == expected, written.value.decode()
    assert cells(back) == cells(article)


@given(article=articles(frozenset({"headline", "body", "media"}), media=True))
def test_media_and_tables_survive_json_lines(article: Article) -> None:
    data = write(article, format="jsonl").value
    assert read(data, format="jsonl").value == article


def test_what_a_format_cannot_hold_is_a_warning() -> None:
    article = Article(
        headline="Harbour Ferries Resume",
        body=[
            Figure(
                title="Dawn sailing",
                caption=[Span(text="The first ferry "), Span(text="leaves", strong=True)],
                credit="Jane Doe/Example News",
                renditions=[
                    Rendition(name="original", uri="https://example.org/f.jpg", width=4000),
                    Rendition(name="small", title="Small", uri="pictures/f-small.jpg"),
                ],
            )
        ],
        media=[Media(role="gallery", renditions=[Rendition(uri="https://example.org/g.jpg")])],
    )
    messages = {
        name: " ".join(w.message for w in write(article, format=name).warnings if w.code in LOSS)
        for name in ("nitf", "newsml", "ninjs", "text")
    }
    assert "media titles" in messages["nitf"] and "association" in messages["nitf"]
    assert "roles of associated media" in messages["newsml"]
    assert "relative rendition URIs" in messages["ninjs"]
    assert "renditions beyond the first" in messages["text"]


@pytest.mark.parametrize(
    ("name", "read_back"),
    [("thumbnail", "thumbnail"), ("x:y", "x:y"), ("rnd:highRes", "highRes"), ("high res", None)],
)
def test_a_rendition_name_newsml_changes_is_a_warning(name: str, read_back: str | None) -> None:
    """A NewsML-G2 rendition is a qcode: IPTC's ``rnd:`` codes read back without the prefix,
    and a name with a space cannot be one (left out). Either is said, never silent."""
    article = Article(
        headline="Harbour Ferries Resume",
        body=[Figure(renditions=[Rendition(name=name, uri="https://example.org/f.jpg")])],
    )
    written = write(article, format="newsml")
    [figure] = read(written.value, format="newsml").value.body
    assert isinstance(figure, Figure)
    assert figure.renditions[0].name == read_back
    lost = [w.message for w in written.warnings if w.code == "media-detail-dropped"]
    assert bool(lost) == (read_back != name)
    assert all("rendition names" in message for message in lost)


# --- hostile media ------------------------------------------------------------------------------

TEN_MB = "caption " * (10 * 1024 * 1024 // 8)


def _nitf(media: str) -> bytes:
    return (
        "<nitf><head><title>Harbour</title></head><body><body.head><hedline><hl1>Harbour"
        f"</hl1></hedline></body.head><body.content><p>Text.</p>{media}</body.content></body>"
        "</nitf>"
    ).encode()


def test_a_ten_megabyte_caption_is_bounded() -> None:
    """In JSON it is cut at the model's limit with a warning; in XML libxml2 refuses a text
    node that long (a one-line error, never a hang)."""
    document = {
        "uri": "urn:x:1",
        "headline": "Harbour",
        "body_text": "Text.",
        "associations": {"main": {"uri": "urn:x:2", "type": "picture", "description_text": TEN_MB}},
    }
    result = read(json.dumps(document).encode(), format="ninjs")
    [item] = iter_media(result.value)
    assert MAX_CAPTION_LENGTH - 10 < len(item.caption_text) <= MAX_CAPTION_LENGTH
    assert "media-caption-truncated" in [w.code for w in result.warnings]
    media = f'<media media-type="image"><media-caption>{TEN_MB}</media-caption></media>'
    with pytest.raises(InputError, match="Text node too long"):
        read(_nitf(media), format="nitf")
    one_mb = TEN_MB[: 1024 * 1024]
    media = f'<media media-type="image"><media-caption>{one_mb}</media-caption></media>'
    result = read(_nitf(media), format="nitf")
    [item] = iter_media(result.value)
    assert MAX_CAPTION_LENGTH - 10 < len(item.caption_text) <= MAX_CAPTION_LENGTH
    assert "media-caption-truncated" in [w.code for w in result.warnings]


@pytest.mark.parametrize(
    "reference",
    [
        '<media-reference source="javascript:alert(1)" mime-type="image/png"/>',
        '<media-reference source="x.jpg" width="99999999999999" height="-3"/>',
        '<media-reference source="data:text/html;base64,PHNjcmlwdD4="/>',
        '<media-reference source="data:image/png;base64,@@@"/>',
        '<media-reference mime-type="image/png"/><media-object encoding="base64">@@</media-object>',
        '<media-reference mime-type="image/png"/>'
        '<media-object encoding="uuencode">x</media-object>',
    ],
)
def test_hostile_renditions_are_left_out_with_a_warning(reference: str) -> None:
    media = f'<media media-type="image">{reference}<media-caption>A ferry.</media-caption></media>'
    result = read(_nitf(media), format="nitf")
    [figure] = iter_media(result.value)
    assert "media-value-invalid" in [w.code for w in result.warnings]
    for entry in figure.renditions:
        assert entry.uri is None or not entry.uri.lower().startswith(("javascript:", "data:"))
        assert entry.width is None or entry.width <= 1_000_000


def test_data_uris_are_embedded_bytes_never_links() -> None:
    png = b"\x89PNG\r\n\x1a\n"
    source = "data:image/png;base64," + base64.b64encode(png).decode()
    result = read(_nitf(f'<media media-type="image"><media-reference source="{source}"/></media>'))
    [figure] = iter_media(result.value)
    assert figure.renditions[0].uri is None
    assert figure.renditions[0].resource is not None
    assert figure.renditions[0].resource.data == png


def test_a_data_uri_larger_than_the_limit_is_refused() -> None:
    from articlekit import Context
    from articlekit.formats._media import data_uri

    context = Context(max_bytes=3000)
    assert data_uri("data:image/png;base64," + "A" * 5000, context) is None
    assert [w.code for w in context.warnings] == ["media-value-invalid"]


def test_media_paths_out_of_the_folder_are_refused() -> None:
    document = {
        "headline": "Harbour",
        "media": [{"renditions": [{"resource": {
            "media_type": "image/png", "size": 4, "sha256": "0" * 64, "path": "../../etc/passwd",
        }}]}],
    }  # fmt: skip
    with pytest.raises(InputError, match="media"):
        read(json.dumps(document).encode(), format="json")


def test_remote_renditions_are_never_fetched(listener: tuple[str, list[bytes]]) -> None:
    address, received = listener
    html = f'<p>Text.</p><figure><img src="http://{address}/photo.jpg"/></figure>'
    document = {
        "uri": "urn:x:1",
        "headlines": [{"value": "Harbour"}],
        "bodies": [{"contenttype": "text/html", "value": html}],
        "associations": [{"name": "a", "uri": f"http://{address}/item", "type": "picture",
                          "renditions": [{"name": "o", "href": f"http://{address}/o.jpg"}]}],
    }  # fmt: skip
    article = read(json.dumps(document).encode(), format="ninjs").value
    for format_name in ("json", "newsml", "nitf", "ninjs", "text"):
        write(article, format=format_name)
    assert received == []


def test_a_declared_size_of_two_gigabytes_is_only_a_number(tmp_path: Path) -> None:
    """A rendition that declares 2 GB is metadata, kept as declared; an extracted file that
    claims 2 GB is checked against the folder's file, never read that far."""
    two_gb = 2 * 1024**3
    document = {
        "uri": "urn:x:1",
        "headlines": [{"value": "Harbour"}],
        "bodies": [{"contenttype": "text/plain", "value": "Text."}],
        "associations": [{"name": "a", "uri": "urn:x:2", "type": "picture", "renditions": [
            {"name": "o", "href": "https://example.org/o.jpg", "sizeinbytes": two_gb},
        ]}],
    }  # fmt: skip
    [item] = iter_media(read(json.dumps(document).encode(), format="ninjs").value)
    assert item.renditions[0].size == two_gb
    (tmp_path / "x.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    resource = {"media_type": "image/png", "size": two_gb, "sha256": "0" * 64, "path": "x.png"}
    story = {"schema_version": "1.1", "headline": "Harbour",
             "media": [{"renditions": [{"resource": resource}]}]}  # fmt: skip
    (tmp_path / "story.json").write_text(json.dumps(story), encoding="utf-8")
    result = read(tmp_path / "story.json")
    assert [warning.code for warning in result.warnings] == ["media-unresolved"]
    [item] = iter_media(result.value)
    assert item.renditions[0].resource is not None
    assert item.renditions[0].resource.data is None


def test_picture_bytes_that_are_a_zip_bomb_are_carried_never_opened() -> None:
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a", bytes(50_000_000))
    bomb = packed.getvalue()
    media = (
        '<media media-type="image"><media-reference mime-type="image/png"/>'
        f'<media-object encoding="base64">{base64.b64encode(bomb).decode()}</media-object></media>'
    )
    result = read(_nitf(media), format="nitf")
    [item] = iter_media(result.value)
    resource = item.renditions[0].resource
    assert resource is not None and resource.data == bomb
    assert resource.sha256 == hashlib.sha256(bomb).hexdigest()
    for format_name in ("json", "newsml", "nitf", "ninjs", "text"):
        write(result.value, format=format_name)
    back = read(write(result.value, format="json").value, format="json").value
    assert back == result.value


# --- embedded bytes in NewsML-G2 and ninjs --------------------------------------------------------

_ONE_PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def _embedded_picture() -> Article:
    from articlekit.model import Paragraph, Resource

    figure = Figure(
        title="Town hall",
        caption=[Span(text="The town hall.")],
        renditions=[Rendition(resource=Resource.of(_ONE_PIXEL, "image/png"), width=1, height=1)],
    )
    return Article(
        headline="Picture story",
        published=datetime(2024, 5, 1, 10, tzinfo=UTC),
        body=[Paragraph(content=[Span(text="Text.")]), figure],
    )


@pytest.mark.parametrize("kind", ["newsml", "ninjs", "ninjs2", "ninjs1"])
def test_newsml_and_ninjs_carry_no_picture_bytes_and_say_so(kind: str) -> None:
    """Pictures travel by reference in NewsML-G2 and ninjs: an embedded picture's bytes are not
    written (no ``data:`` URI swelling the body) and ``media-bytes-dropped`` says so."""
    written = write(_embedded_picture(), format=kind)
    assert b"data:" not in written.value
    assert [w.code for w in written.warnings] == ["media-bytes-dropped"]
    back = read(written.value, format=kind).value
    figure = back.body[1]
    assert isinstance(figure, Figure)
    assert (figure.title, figure.caption_text, figure.renditions) == (
        "Town hall",
        "The town hall.",
        [],
    )


@pytest.mark.parametrize("kind", ["newsml", "ninjs"])
def test_extracted_picture_bytes_are_referenced(kind: str, tmp_path: Path) -> None:
    output = tmp_path / f"story.{'xml' if kind == 'newsml' else 'json'}"
    written = write(_embedded_picture(), output, format=kind, extract_media=tmp_path / "media")
    assert "media-bytes-dropped" not in [w.code for w in written.warnings]
    name = f"media/{hashlib.sha256(_ONE_PIXEL).hexdigest()}.png"
    assert name.encode() in written.value


def test_ninjs_says_an_extracted_picture_has_no_rendition(tmp_path: Path) -> None:
    """ninjs rendition ``href``s are absolute URIs (``format: uri`` in every schema version), so
    the relative path of an extracted file cannot be one: the association is written without the
    rendition (still schema-valid) and a warning says so instead of nothing."""
    from articlekit.model import Resource

    beside = Media(renditions=[Rendition(resource=Resource.of(_ONE_PIXEL, "image/png"))])
    article = _embedded_picture().model_copy(update={"media": [beside]})
    written = write(article, tmp_path / "story.json", format="ninjs", extract_media=tmp_path / "m")
    document = json.loads(written.value)
    assert all("renditions" not in entry for entry in document["associations"])
    assert_ninjs_valid(written.value, "3.2")
    [warning] = [w for w in written.warnings if w.code == "media-detail-dropped"]
    assert "relative paths of extracted media files" in warning.message
