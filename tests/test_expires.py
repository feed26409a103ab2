"""The expiry (schema 1.4): read from and written to NITF (``docdata/date.expire``), NewsML-G2
(``itemMeta/expires``) and ninjs (``expires``, from 1.4 and 2.1), carried by canonical JSON,
DOCX (its embedded copy), HTML and Markdown, and named in a ``field-dropped`` or
``docx-not-displayed`` warning by the writers that cannot hold or show it. Every XML and ninjs
output is checked against the official schema of its format."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from articlekit import Article, read, write
from articlekit.model import Media, Paragraph, Rendition, Span
from xmlcheck import NINJS_WRITERS, assert_ninjs_valid, assert_schema_valid, written_and_read

from conftest import shared_path

STALE = datetime(2032, 9, 14, 18, 45, tzinfo=timezone(timedelta(hours=-4)))
"""When the invented stories below stop being news."""

CIDER_FAIR = Article(
    id="urn:example:cider:3",
    headline="Orchard Town Holds Its First Cider Fair",
    published=datetime(2032, 9, 10, 7, 0, tzinfo=UTC),
    expires=STALE,
    body=[Paragraph(content=[Span(text="Twelve growers will pour from stalls on the green.")])],
)

NITF_EXPIRING = b"""<?xml version="1.0" encoding="UTF-8"?>
<nitf>
  <head>
    <docdata>
      <doc-id id-string="cider-3"/>
      <date.issue norm="20320910T070000Z"/>
      <date.expire norm="20320914T184500-0400"/>
    </docdata>
  </head>
  <body>
    <body.head><hedline><hl1>Orchard Town Holds Its First Cider Fair</hl1></hedline></body.head>
    <body.content><p>Twelve growers will pour from stalls on the green.</p></body.content>
  </body>
</nitf>
"""

NEWSML_EXPIRING = b"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:example:cider:3"
    standard="NewsML-G2" standardversion="2.35" conformance="power">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_40.xml"/>
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider literal="orchard-gazette"/>
    <versionCreated>2032-09-10T07:00:00Z</versionCreated>
    <edNote>Fair times may change.</edNote>
    <expires>2032-09-14T18:45:00-04:00</expires>
  </itemMeta>
  <contentMeta><headline>Orchard Town Holds Its First Cider Fair</headline></contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Cider</title></head>
        <body><p>Twelve growers will pour from stalls on the green.</p></body></html>
    </inlineXML>
  </contentSet>
</newsItem>
"""

NINJS_EXPIRING = {
    "uri": "urn:example:cider:3",
    "type": "text",
    "headlines": [{"role": "main", "value": "Orchard Town Holds Its First Cider Fair"}],
    "expires": "2032-09-14T18:45:00-04:00",
    "bodies": [{"contentType": "text/plain", "value": "Twelve growers will pour."}],
}
NINJS_1X_EXPIRING = {
    "uri": "urn:example:cider:3",
    "type": "text",
    "headline": "Orchard Town Holds Its First Cider Fair",
    "expires": "2032-09-14T18:45:00-04:00",
    "body_text": "Twelve growers will pour.",
}

SOURCES = [
    NITF_EXPIRING,
    NEWSML_EXPIRING,
    json.dumps(NINJS_EXPIRING).encode(),
    json.dumps(NINJS_1X_EXPIRING).encode(),
]


# --- reading ------------------------------------------------------------------------------------


@pytest.mark.parametrize("data", SOURCES)
def test_each_iptc_format_reads_its_expiry_into_the_field(data: bytes) -> None:
    result = read(data)
    assert result.value.expires == STALE
    assert not any("expire" in key for key in result.value.extras)
    assert not result.warnings


def test_a_nitf_expiry_that_is_no_date_is_kept_in_extras_and_reported() -> None:
    data = NITF_EXPIRING.replace(b"20320914T184500-0400", b"when the fair ends")
    result = read(data)
    assert result.value.expires is None
    assert result.value.extras["nitf:docdata/date.expire"] == {"@norm": "when the fair ends"}
    assert [w.message for w in result.warnings if w.code == "date-unparsed"] == [
        "date.expire 'when the fair ends' is not a date; kept in extras"
    ]
    # written back as it was, as before the field
    assert b'<date.expire norm="when the fair ends"/>' in write(result.value, format="nitf").value


def test_an_empty_newsml_expiry_stays_in_extras() -> None:
    data = NEWSML_EXPIRING.replace(b"2032-09-14T18:45:00-04:00", b"")
    article = read(data).value
    assert article.expires is None
    assert article.extras["newsml:itemMeta/expires"] == [""]


@pytest.mark.parametrize(
    ("data", "kind", "as_written"),
    [
        (
            NITF_EXPIRING.replace(b"20320914T184500-0400", b"20320914T184500"),
            "nitf",
            ("nitf:date.expire/@norm", "20320914T184500"),
        ),
        (
            NEWSML_EXPIRING.replace(b"2032-09-14T18:45:00-04:00", b"2032-09-14T18:45:00"),
            "newsml",
            ("newsml:itemMeta/expires/#text", "2032-09-14T18:45:00"),
        ),
        (
            json.dumps({**NINJS_EXPIRING, "expires": "2032-09-14T18:45:00"}).encode(),
            "ninjs",
            ("ninjs:expires", "2032-09-14T18:45:00"),
        ),
    ],
)
def test_an_expiry_without_zone_is_read_as_other_dates_are(
    data: bytes, kind: str, as_written: tuple[str, str]
) -> None:
    """Its date alone, with a warning, unless the user gives the source's zone; its text as
    written kept in extras either way (not an embargo: no UTC-12)."""
    key, text = as_written
    result = read(data, format=kind)
    assert result.value.expires == date(2032, 9, 14)
    assert result.value.extras[key] == text
    [said] = [w for w in result.warnings if w.code == "date-time-without-zone"]
    assert "only its date was kept" in said.message
    zoned = read(data, format=kind, options={"timezone": "America/New_York"}).value
    assert zoned.expires == STALE


def test_nitf_writes_back_the_zone_less_expiry_time_it_read() -> None:
    """The date alone is kept, the time as written beside it: NITF to NITF loses neither."""
    data = NITF_EXPIRING.replace(b"20320914T184500-0400", b"20320914T184500")
    article = read(data).value
    written, back = written_and_read(article, "nitf")
    assert b'<date.expire norm="20320914T184500"/>' in written.value
    assert not [w for w in written.warnings if "extras" in w.fields]
    assert (back.expires, back.extras) == (article.expires, article.extras)
    moved = article.model_copy(update={"expires": date(2032, 9, 15)})  # (changed since: its own)
    assert b'<date.expire norm="20320915T000000"/>' in write(moved, format="nitf").value


# --- the IPTC formats keep it ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["nitf", "newsml"])
@pytest.mark.parametrize("expires", [STALE, date(2032, 9, 14)])
def test_nitf_and_newsml_round_trip_the_expiry(kind: str, expires: date) -> None:
    article = CIDER_FAIR.model_copy(update={"expires": expires})
    written, back = written_and_read(article, kind)
    assert back.expires == expires
    assert not [w for w in written.warnings if "expires" in w.message]


def test_nitf_writes_date_expire_and_newsml_the_expires_element() -> None:
    nitf = write(CIDER_FAIR, format="nitf").value
    assert b'<date.expire norm="20320914T184500-0400"/>' in nitf
    newsml = write(CIDER_FAIR, format="newsml").value
    assert b"<expires>2032-09-14T18:45:00-04:00</expires>" in newsml
    alone = write(CIDER_FAIR.model_copy(update={"expires": date(2032, 9, 14)}), format="newsml")
    assert b"<expires>2032-09-14</expires>" in alone.value  # (xs:date is allowed)


def test_newsml_writes_the_expiry_where_the_schema_puts_it() -> None:
    """After ``edNote`` and before the ``link`` to a picture item, as the 2.35 sequence says."""
    article = CIDER_FAIR.model_copy(
        update={
            "editor_note": "Fair times may change.",
            "media": [
                Media(
                    role="featured",
                    renditions=[Rendition(uri="https://example.org/cider.jpg")],
                )
            ],
        }
    )
    written, back = written_and_read(article, "newsml")
    text = written.value.decode()
    assert text.index("<edNote>") < text.index("<expires>") < text.index("<link ")
    assert back.expires == STALE


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("target", ["nitf", "newsml", "ninjs", "ninjs2", "ninjs1"])
def test_every_conversion_between_iptc_formats_keeps_the_expiry(source: bytes, target: str) -> None:
    written = write(read(source).value, format=target)
    if target.startswith("ninjs"):
        assert_ninjs_valid(written.value, NINJS_WRITERS[target])
    else:
        assert_schema_valid(written.value, target)
    assert read(written.value).value.expires == STALE
    assert not [w for w in written.warnings if {"expires", "extras"} & set(w.fields)]


@pytest.mark.parametrize(("writer", "version"), NINJS_WRITERS.items())
def test_ninjs_writes_expires_in_each_generation(writer: str, version: str) -> None:
    written = write(CIDER_FAIR, format=writer)
    assert json.loads(written.value)["expires"] == "2032-09-14T18:45:00-04:00"
    assert_ninjs_valid(written.value, version)
    assert read(written.value).value.expires == STALE


@pytest.mark.parametrize(("writer", "version"), [("ninjs1", "1.3"), ("ninjs2", "2.0")])
def test_a_ninjs_version_without_expires_names_it_as_dropped(writer: str, version: str) -> None:
    written = write(CIDER_FAIR, format=writer, options={"ninjs-version": version})
    assert "expires" not in json.loads(written.value)
    assert_ninjs_valid(written.value, version)
    [dropped] = [w for w in written.warnings if w.code == "field-dropped"]
    assert "expires" in dropped.fields and "expires" in dropped.message


def test_ninjs_widens_an_expiry_date_to_midnight_utc_and_says_so() -> None:
    written = write(CIDER_FAIR.model_copy(update={"expires": date(2032, 9, 14)}), format="ninjs")
    assert json.loads(written.value)["expires"] == "2032-09-14T00:00:00+00:00"
    [widened] = [w for w in written.warnings if w.code == "ninjs-date-widened"]
    assert widened.fields == ("expires",)


@pytest.mark.parametrize(
    ("kind", "key", "value"),
    [
        ("ninjs", "ninjs:expires", "2032-09-14T18:45:00-04:00"),
        ("nitf", "nitf:docdata/date.expire", {"@norm": "20320914T184500-0400"}),
    ],
)
def test_an_article_read_before_schema_1_4_still_writes_its_expiry(
    kind: str, key: str, value: object
) -> None:
    """Articles read from ninjs and NITF before the field kept the expiry in extras, which these
    writers wrote back."""
    article = Article.model_validate(
        {"schema_version": "1.3", "headline": CIDER_FAIR.headline, "extras": {key: value}}
    )
    written = write(article, format=kind)
    assert read(written.value).value.expires == STALE
    assert not [w for w in written.warnings if w.code == "field-dropped"]


@pytest.mark.parametrize("name", ["iptc-2.1-tt_text_image.json", "iptc-3.0-tt_text_image.json"])
@pytest.mark.parametrize("target", ["nitf", "newsml", "ninjs", "ninjs2", "ninjs1", "json"])
def test_the_ninjs_corpus_expiries_reach_every_iptc_format(name: str, target: str) -> None:
    article = read(shared_path("corpus", "ninjs", name)).value
    assert article.expires == datetime(2023, 5, 31, tzinfo=timezone(timedelta(hours=2)))
    written = write(article, format=target)
    assert read(written.value, format=target.rstrip("12")).value.expires == article.expires


@pytest.mark.parametrize(
    ("name", "expires"),
    [
        (
            "aap-abc-tv-news.xml",
            datetime(2013, 11, 19, 19, 27, 51, tzinfo=timezone(timedelta(hours=11))),
        ),
        ("aap-finance.xml", date(2014, 12, 26)),  # (a time without zone: its date)
        ("aap-sports.xml", date(2015, 3, 20)),
        (
            "nitf-fishing-doctype.xml",
            datetime(2012, 2, 26, 9, 30, tzinfo=timezone(timedelta(hours=-5))),
        ),
    ],
)
@pytest.mark.parametrize("target", ["nitf", "newsml", "ninjs", "json"])
def test_the_nitf_corpus_expiries_reach_every_iptc_format(
    name: str, expires: date, target: str
) -> None:
    article = read(shared_path("corpus", "nitf", name)).value
    assert article.expires == expires
    back = read(write(article, format=target).value, format=target).value
    if target == "ninjs" and not isinstance(expires, datetime):  # (widened to midnight UTC)
        assert back.expires == datetime.combine(expires, datetime.min.time(), UTC)
    else:
        assert back.expires == expires


def test_a_nitf_corpus_template_expiry_stays_in_extras_and_is_written_back() -> None:
    article = read(shared_path("corpus", "nitf", "cp-rideau-hall.xml")).value
    assert article.expires is None
    kept = article.extras["nitf:docdata/date.expire"]
    assert isinstance(kept, dict) and set(kept) == {"@norm"}
    norm = kept["@norm"]
    assert isinstance(norm, str)
    assert f'<date.expire norm="{norm}"/>'.encode() in write(article, format="nitf").value


# --- the other formats --------------------------------------------------------------------------


def test_text_names_the_expiry_it_cannot_hold() -> None:
    written = write(CIDER_FAIR, format="text")
    [dropped] = [w for w in written.warnings if w.code == "field-dropped"]
    assert "expires" in dropped.fields and "expires" in dropped.message


def test_docx_says_word_does_not_display_the_expiry() -> None:
    pytest.importorskip("docx")
    written = write(CIDER_FAIR, format="docx")
    [hidden] = [w.message for w in written.warnings if w.code == "docx-not-displayed"]
    assert hidden.startswith("Word does not display expires;")


@pytest.mark.parametrize("kind", ["json", "jsonl", "html", "markdown", "docx"])
@pytest.mark.parametrize("expires", [STALE, date(2032, 9, 14)])
def test_formats_that_carry_the_whole_article_round_trip_the_expiry(
    kind: str, expires: date
) -> None:
    pytest.importorskip("docx") if kind == "docx" else None
    article = CIDER_FAIR.model_copy(update={"expires": expires})
    written = write(article, format=kind)
    assert read(written.value, format=kind).value.expires == expires
    assert not [w for w in written.warnings if "expires" in w.fields]


def test_markdown_writes_the_expiry_as_hugos_expiry_date() -> None:
    written = write(CIDER_FAIR, format="markdown").value.decode()
    assert "\nexpiryDate: '2032-09-14T18:45:00-04:00'\n" in written
    front = "---\ntitle: Cider Fair\nexpiryDate: 2032-09-14\n---\n\nGrowers pour.\n"
    assert read(front.encode(), format="markdown").value.expires == date(2032, 9, 14)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (NITF_EXPIRING.replace(b"20320914T184500-0400", b"20320914T184500+1430"), "nitf"),
        (NEWSML_EXPIRING.replace(b"18:45:00-04:00<", b"18:45:00+14:30<"), "newsml"),
        (
            b"---\ntitle: Cider Fair\nexpiryDate: 2032-09-14T18:45:00+14:30\n---\n\nGrowers.\n",
            "markdown",
        ),
    ],
)
def test_an_expiry_with_an_offset_no_zone_has_is_read_as_a_time_without_zone(
    data: bytes, kind: str
) -> None:
    """The model refuses offsets beyond ±14:00: the reader passed one on and the whole document
    could not be read ("invalid article: expires: ..."). Read as a time without zone, the date
    is kept, as for any such time."""
    result = read(data, format=kind)
    assert result.value.expires == date(2032, 9, 14)
    assert "date-time-without-zone" in [w.code for w in result.warnings]


def test_markdown_keeps_an_expiry_that_is_no_date_and_reads_hugos_other_spellings() -> None:
    no_date = b"---\ntitle: Cider Fair\nexpiryDate: when the fair ends\n---\n\nGrowers.\n"
    article = read(no_date, format="markdown").value
    assert article.extras == {"markdown:expiryDate": "when the fair ends"}  # (it was dropped)
    front = b"---\ntitle: Cider Fair\nexpirydate: 2032-09-14\n---\n\nGrowers.\n"
    assert read(front, format="markdown").value.expires == date(2032, 9, 14)
    both = b"---\ntitle: Fair\nexpiryDate: 2032-09-14\nunpublishdate: 2032-09-02\n---\n\nG.\n"
    article = read(both, format="markdown").value  # (not one dropped for the other)
    assert (article.expires, article.extras) == (
        date(2032, 9, 14),
        {"markdown:unpublishdate": "2032-09-02"},
    )


def test_an_expiry_a_markdown_reader_kept_before_schema_1_4_is_moved_into_the_field() -> None:
    older = CIDER_FAIR.model_dump(mode="json", exclude={"expires"})
    older |= {"schema_version": "1.3", "extras": {"markdown:expiryDate": STALE.isoformat()}}
    article = read(json.dumps(older).encode(), format="json").value
    assert (article.expires, article.extras) == (STALE, {})


def test_an_expiry_kept_under_hugos_lower_case_spelling_before_schema_1_4_is_moved_too() -> None:
    """Before 1.4 the Markdown reader kept ``expirydate`` (as Hugo's own pages spell it) as it
    kept any key it did not know; the upgrade moved only ``expiryDate``, and every writer but
    Markdown's dropped the expiry."""
    older = CIDER_FAIR.model_dump(mode="json", exclude={"expires"})
    older |= {"schema_version": "1.3", "extras": {"markdown:expirydate": "2032-09-14"}}
    article = read(json.dumps(older).encode(), format="json").value
    assert (article.expires, article.extras) == (date(2032, 9, 14), {})


@pytest.mark.parametrize("key", ["expiryDate", "expirydate"])
def test_markdown_writes_back_the_zone_less_expiry_time_it_read(key: str) -> None:
    """As NITF does: the date alone is the field, the time as written goes back to
    ``expiryDate`` (written as the date alone, Hugo expired the page at that day's start, up to
    a day before the source's time)."""
    data = f"---\ntitle: Cider Fair\n{key}: 2032-09-14T18:45:00\n---\n\nGrowers.\n".encode()
    article = read(data, format="markdown").value
    assert article.expires == date(2032, 9, 14)
    written = write(article, format="markdown")
    assert "\nexpiryDate: '2032-09-14T18:45:00'\n" in written.value.decode()
    assert "extras" not in written.value.decode()
    back = read(written.value, format="markdown").value
    assert (back.expires, back.extras) == (
        article.expires,
        {"markdown:expiryDate": "2032-09-14T18:45:00"},
    )
    moved = article.model_copy(update={"expires": date(2032, 9, 15)})  # (changed since: its own)
    assert "\nexpiryDate: '2032-09-15'\n" in write(moved, format="markdown").value.decode()
