"""Dates written with a zone and no time: ``xs:date``'s ``2032-09-14-04:00`` or ``2032-09-14Z``
(NewsML-G2's DateOptTimeType, TruncatedDateTimeType), NITF's ``YYYYMMDD000000-HHMM``. Each is the
calendar date the source printed, its text kept in extras (the model's date alone holds no
zone); an embargo or an expiry is the start of that day in its zone, the moment the source means
(its date alone, read in another zone, lifted it or expired it hours early). Before, each was
"not a date" and left out, for every date field."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from articlekit import read, write
from test_expires import NEWSML_EXPIRING, NITF_EXPIRING

from conftest import run_cli


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
    assert (article.embargoed, article.expires) == (
        datetime(2032, 9, 12, tzinfo=UTC),
        datetime(2032, 9, 14, tzinfo=timezone(timedelta(hours=-4))),
    )
    assert article.extras == {
        "newsml:itemMeta/versionCreated": "2032-09-11Z",
        "newsml:itemMeta/firstCreated": "2032-09-10+02:00",
    }
    assert not result.warnings  # (nothing dropped: each is the moment the source means)
    again = read(write(article, format="ninjs").value, format="ninjs").value
    assert (again.embargoed, again.expires) == (article.embargoed, article.expires)


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


@pytest.mark.parametrize(
    ("norm", "zone"), [("20320914-0400", timezone(timedelta(hours=-4))), ("20320914Z", UTC)]
)
def test_nitf_expiry_dates_in_the_basic_form_with_a_zone_start_their_day(
    norm: str, zone: timezone
) -> None:
    data = NITF_EXPIRING.replace(b"20320914T184500-0400", norm.encode())
    result = read(data, format="nitf")
    assert result.value.expires == datetime(2032, 9, 14, tzinfo=zone)
    assert not result.warnings and not result.value.extras
    written = write(result.value, format="nitf")
    assert read(written.value, format="nitf").value.expires == result.value.expires
    assert not written.warnings


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
        datetime(2032, 9, 12, tzinfo=timezone(timedelta(hours=1))),
        datetime(2032, 9, 14, tzinfo=timezone(timedelta(hours=-4))),
    )
    assert article.extras == {"nitf:date.issue/@norm": "20320910000000-0500"}
    assert not result.warnings
    written = write(article, format="nitf").value
    assert b'<date.expire norm="20320914T000000-0400"/>' in written


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
            "newsml:itemMeta/@x:embargoed",
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


@pytest.mark.parametrize(("kind", "field"), [("newsml", "expires"), ("newsml", "embargoed")])
def test_a_zoned_date_of_a_moment_is_never_written_earlier_than_its_start(
    kind: str, field: str
) -> None:
    """A zoned expiry or embargo was kept as its date alone: ninjs wrote its midnight UTC (13 h
    early for -13:00), Markdown the date (Hugo's midnight), NITF a midnight without zone."""
    zoned = "2032-09-14-13:00"
    data = _newsml("2032-09-10T07:00:00Z", "2032-09-10T07:00:00Z", "2032-09-20Z", None)
    if field == "expires":
        data = data.replace(b"2032-09-20Z", zoned.encode())
    else:
        data = data.replace(
            b"<firstCreated>", f"<embargoed>{zoned}</embargoed><firstCreated>".encode()
        )
    start = datetime(2032, 9, 14, 13, tzinfo=UTC)
    article = read(data, format=kind).value
    assert getattr(article, field) == start
    for writer in ("ninjs", "nitf", "newsml", "markdown", "json"):
        again = read(write(article, format=writer).value, format=writer).value
        assert getattr(again, field) == start, writer


def test_an_attribute_of_another_namespace_keeps_its_prefix_in_extras() -> None:
    """``x:expires`` beside ``expires`` made one key: the second value replaced the first, and
    both warnings said each was kept."""
    data = NEWSML_EXPIRING.replace(
        b"<itemMeta>",
        b'<itemMeta expires="2032-09-13" xmlns:x="urn:example:x" x:expires="2099-01-01">',
    )
    result = read(data, format="newsml")
    assert {key: value for key, value in result.value.extras.items() if "@" in key} == {
        "newsml:itemMeta/@expires": "2032-09-13",
        "newsml:itemMeta/@x:expires": "2099-01-01",
    }
    assert [w.code for w in result.warnings] == ["newsml-value-invalid"] * 2


def test_an_expiry_whose_offset_no_zone_has_is_reported_by_validate(tmp_path: Path) -> None:
    """Kept at its day's start in UTC, but the zone dropped was a warning validate did not
    check: an altered expiry passed."""
    path = tmp_path / "story.nitf.xml"
    path.write_bytes(NITF_EXPIRING.replace(b"20320914T184500-0400", b"20320914-1500"))
    result = read(path.read_bytes(), format="nitf")
    assert result.value.expires == datetime(2032, 9, 14, 15, tzinfo=UTC)
    done = run_cli("validate", str(path))
    assert done.code == 1 and "AK005" in done.stdout.decode()
