"""Dates written with a zone and no time: ``xs:date``'s ``2032-09-14-04:00`` or ``2032-09-14Z``
(NewsML-G2's DateOptTimeType, TruncatedDateTimeType), NITF's ``YYYYMMDD000000-HHMM``. Each is the
calendar date the source printed, its text kept in extras (the model's date alone holds no
zone); for an embargo or an expiry the zone dropped is reported, and an embargo never lifts early.
Before, each was "not a date" and left out, for every date field."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from articlekit import read, write
from test_expires import NEWSML_EXPIRING, NITF_EXPIRING


def _newsml(version: str, first: str, expires: str, embargoed: str | None = None) -> bytes:
    data = NEWSML_EXPIRING.replace(
        b"<versionCreated>2032-09-10T07:00:00Z</versionCreated>",
        f"<versionCreated>{version}</versionCreated><firstCreated>{first}</firstCreated>".encode()
        + (f"<embargoed>{embargoed}</embargoed>".encode() if embargoed else b""),
    )
    return data.replace(b"2032-09-14T18:45:00-04:00", expires.encode())


def test_newsml_dates_with_a_zone_and_no_time_are_their_calendar_dates() -> None:
    data = _newsml("2032-09-11Z", "2032-09-10+02:00", "2032-09-14-04:00", "2032-09-12Z")
    result = read(data, format="newsml")
    article = result.value
    assert (article.published, article.updated) == (date(2032, 9, 10), date(2032, 9, 11))
    assert (article.embargoed, article.expires) == (date(2032, 9, 12), date(2032, 9, 14))
    assert article.extras == {
        "newsml:itemMeta/versionCreated": "2032-09-11Z",
        "newsml:itemMeta/firstCreated": "2032-09-10+02:00",
        "newsml:itemMeta/embargoed/#text": "2032-09-12Z",
        "newsml:itemMeta/expires/#text": "2032-09-14-04:00",
    }
    said = {w.message.split()[0]: w.message for w in result.warnings}
    assert [w.code for w in result.warnings] == ["date-zone-dropped"] * 2
    assert "ends the embargo once that day has begun everywhere" in said["embargoed"]
    assert "kept as the date 2032-09-14 alone" in said["expires"]


def test_newsml_content_created_with_a_zone_and_no_time_is_its_date() -> None:
    data = NEWSML_EXPIRING.replace(
        b"<contentMeta>", b"<contentMeta><contentCreated>2032-09-09Z</contentCreated>"
    )
    result = read(data, format="newsml")
    assert result.value.created == date(2032, 9, 9)
    assert result.value.extras["newsml:contentMeta/contentCreated"] == "2032-09-09Z"
    assert not result.warnings


def test_an_embargo_date_in_a_zone_behind_utc_minus_12_is_kept_at_the_start_of_its_day() -> None:
    """The date alone ends at midnight UTC-12: an hour before the day starts at -13:00."""
    data = _newsml(
        "2032-09-10T07:00:00Z", "2032-09-10T07:00:00Z", "2032-09-14Z", "2032-09-12-13:00"
    )
    article = read(data, format="newsml").value
    assert article.embargoed == datetime(2032, 9, 12, tzinfo=timezone(timedelta(hours=-13)))


@pytest.mark.parametrize("norm", ["20320914-0400", "20320914Z"])
def test_nitf_dates_in_the_basic_form_with_a_zone_are_their_calendar_dates(norm: str) -> None:
    data = NITF_EXPIRING.replace(b"20320914T184500-0400", norm.encode())
    result = read(data, format="nitf")
    assert result.value.expires == date(2032, 9, 14)
    assert [w.code for w in result.warnings] == ["date-zone-dropped"]
    assert f'<date.expire norm="{norm}"/>'.encode() in write(result.value, format="nitf").value


NITF_FORMS = NITF_EXPIRING.replace(
    b'<date.issue norm="20320910T070000Z"/>',
    b'<date.issue norm="ISSUE"/><date.release norm="RELEASE"/>',
)


def _nitf(issue: str, release: str, expire: str) -> bytes:
    data = NITF_FORMS.replace(b"ISSUE", issue.encode()).replace(b"RELEASE", release.encode())
    return data.replace(b"20320914T184500-0400", expire.encode())


def test_nitf_reads_its_schemas_form_for_a_date_with_no_time_available() -> None:
    """``YYYYMMDD000000-HHMM``: what the NITF 3.6 schema says to write in ``norm`` "when no time
    is available" (date.issue, date.expire and most other norms; date.release's text gives it
    with a ``T``, read before). It was "not a date" and left out."""
    data = _nitf("20320910000000-0500", "20320912000000+0100", "20320914000000-0400")
    result = read(data, format="nitf")
    article = result.value
    assert (article.published, article.embargoed, article.expires) == (
        date(2032, 9, 10),
        date(2032, 9, 12),
        date(2032, 9, 14),
    )
    assert article.extras["nitf:date.issue/@norm"] == "20320910000000-0500"
    assert [w.code for w in result.warnings] == ["date-zone-dropped"] * 2  # (embargo, expiry)
    written = write(article, format="nitf").value
    assert b'<date.expire norm="20320914000000-0400"/>' in written


@pytest.mark.parametrize(
    ("norm", "expected"),
    [
        (
            "20320910143000-0500",
            datetime(2032, 9, 10, 14, 30, tzinfo=timezone(timedelta(hours=-5))),
        ),
        ("20320910143000Z", datetime(2032, 9, 10, 14, 30, tzinfo=UTC)),
        ("20320910000000", date(2032, 9, 10)),
        ("20320910T000000-0500", datetime(2032, 9, 10, tzinfo=timezone(timedelta(hours=-5)))),
        ("20320910T0000-0500", datetime(2032, 9, 10, tzinfo=timezone(timedelta(hours=-5)))),
        ("20320910", date(2032, 9, 10)),
    ],
)
def test_nitf_reads_every_basic_form_of_date_issue(norm: str, expected: date) -> None:
    """The schema's forms (``T`` and seconds, ``Z`` or an offset), and those ISO 8601 allows
    beside them: minutes only, a date alone, and the 14 digits without ``T`` with any time
    (unambiguous; the schema's own no-time form writes them)."""
    data = _nitf(norm, "20320910T070000Z", "20320914T184500-0400")
    result = read(data, format="nitf")
    assert result.value.published == expected
    assert not result.warnings


@pytest.mark.parametrize(
    ("before", "after", "key"),
    [
        (b"<itemMeta>", b'<itemMeta expires="2032-09-13">', "newsml:itemMeta/@expires"),
        (
            b"<edNote>",
            b'<pubStatus qcode="stat:usable" embargoed="2032-09-12T06:00:00Z"/><edNote>',
            "newsml:itemMeta/pubStatus/@embargoed",
        ),
        (b"<contentMeta>", b'<contentMeta expires="2032-09-13">', "newsml:contentMeta/@expires"),
        (
            b"<itemMeta>",
            b'<itemMeta xmlns:x="urn:example:x" x:embargoed="2032-09-12">',
            "newsml:itemMeta/@embargoed",
        ),
        (b'guid="urn', b'expires="2032-09-13" guid="urn', "newsml:@expires"),
    ],
)
def test_newsml_expires_and_embargoed_attributes_are_kept_in_extras_and_reported(
    before: bytes, after: bytes, key: str
) -> None:
    """NewsML-G2 has no such attributes (2.35 Power and 2.24 Core XSDs: only the itemMeta
    elements): what one means is its producer's, so it is read into no field. It was dropped
    with the element that held it, unsaid."""
    result = read(NEWSML_EXPIRING.replace(before, after, 1), format="newsml")
    assert result.value.extras[key] in ("2032-09-13", "2032-09-12T06:00:00Z", "2032-09-12")
    [said] = [w for w in result.warnings if w.code == "newsml-value-invalid"]
    assert f"kept in extras as {key}" in said.message
    assert result.value.expires == datetime(
        2032, 9, 14, 18, 45, tzinfo=timezone(timedelta(hours=-4))
    )
    assert result.value.embargoed is None


def test_an_attribute_of_an_element_kept_whole_is_not_kept_twice() -> None:
    data = NEWSML_EXPIRING.replace(
        b"<edNote>", b'<pubStatus qcode="stat:odd" expires="x"/><edNote>'
    )
    result = read(data, format="newsml")
    assert result.value.extras == {
        "newsml:itemMeta/pubStatus": [{"@qcode": "stat:odd", "@expires": "x"}]
    }
    assert not result.warnings
