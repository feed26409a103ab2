"""Times of day written without a zone (issue 12, item 9).

Without a zone such a time cannot be placed, so it keeps only its date, with a warning that says
how to give the zone; the text as written is kept in extras either way. With ``-O timezone=``
(``timezone`` in ``[tool.articlekit]``, the ``timezone`` argument of the API) the time is kept in
that zone. Checked on the real files that carry such times.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from articlekit import read, write
from articlekit.errors import UsageError

from conftest import run_cli, shared_path


def hours(value: object) -> float:
    assert isinstance(value, datetime) and value.utcoffset() is not None
    offset = value.utcoffset()
    assert offset is not None
    return offset / timedelta(hours=1)


CORPUS = [
    # file, zone, field, written, offset in hours with the zone, extras key of the original
    ("nitf/ntb-nitf-sample.xml", "Europe/Oslo", "published", "2021-05-16T09:00:04", 2,
     "nitf:date.issue/@norm"),
    ("nitf/ntb-faktisk-latin1.xml", "Europe/Oslo", "published", "2020-09-07T14:45:26", 2,
     "nitf:date.issue/@norm"),
    ("nitf/aap-finance.xml", "Australia/Sydney", "published", "20141126T152703", 11,
     "nitf:date.issue/@norm"),
    ("nitf/aap-sports.xml", "Australia/Sydney", "published", "20150218T160141", 11,
     "nitf:date.issue/@norm"),
    ("newsml-g2/stt-newsml-location-rich.xml", "Europe/Helsinki", "published",
     "2017-08-29T17:15:41", 3, "newsml:itemMeta/firstCreated"),
    ("newsml-g2/stt-newsml-location-rich.xml", "Europe/Helsinki", "created",
     "2017-08-29T17:15:41", 3, "newsml:contentMeta/contentCreated"),
    ("newsml-g2/businessdesk-scoop-bom-nonconforming.xml", "Pacific/Auckland", "updated",
     "2016-01-12 12:35:40", 13, "newsml:itemMeta/versionCreated"),
    ("ninjs/bbc-ldrs-ninjs-text-envelope.json", "Europe/London", "published",
     "2018-05-28T16:40:08", 1, "ninjs:firstcreated"),
    ("ninjs/bbc-ldrs-ninjs-composite-envelope.json", "Europe/London", "updated",
     "2018-05-30T15:14:24", 1, "ninjs:versioncreated"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "zone", "field", "written", "offset", "key"),
    CORPUS,
    ids=[f"{row[0]}:{row[2]}" for row in CORPUS],
)
def test_corpus_times_without_zone(
    name: str, zone: str, field: str, written: str, offset: int, key: str
) -> None:
    path = shared_path("corpus", name)
    plain = read(path)
    value = getattr(plain.value, field)
    assert type(value) is date  # only the date: the time cannot be placed without its zone
    assert value.strftime("%Y%m%d") == written.replace("-", "")[:8]
    assert plain.value.extras[key] == written  # the text as written, not lost
    warnings = [w.message for w in plain.warnings if w.code == "date-time-without-zone"]
    assert warnings and all("timezone='Europe/Oslo'" in message for message in warnings)

    zoned = read(path, timezone=zone)
    value = getattr(zoned.value, field)
    assert hours(value) == offset
    assert value.strftime("%H%M%S") == written.replace(":", "")[-6:]
    assert zoned.value.extras[key] == written  # kept either way
    assert "date-time-without-zone" not in {w.code for w in zoned.warnings}


def test_command_line_option_and_configuration(tmp_path: Path) -> None:
    source = shared_path("corpus", "nitf", "ntb-nitf-sample.xml")
    run = run_cli("convert", str(source), "-O", "timezone=Europe/Oslo")
    assert run.code == 0, run.stderr
    assert '"published": "2021-05-16T09:00:04+02:00"' in run.text
    assert "date-time-without-zone" not in run.stderr

    run = run_cli("convert", str(source))
    assert '"published": "2021-05-16"' in run.text
    assert "date-time-without-zone date.issue '2021-05-16T09:00:04' has no time zone" in run.stderr
    assert "-O timezone=Europe/Oslo, or timezone in [tool.articlekit]" in run.stderr

    project = tmp_path / "feed"
    project.mkdir()
    (project / "pyproject.toml").write_text('[tool.articlekit]\ntimezone = "Europe/Oslo"\n')
    copy = project / "story.nitf.xml"
    copy.write_bytes(source.read_bytes())
    run = run_cli("convert", str(copy))
    assert '"published": "2021-05-16T09:00:04+02:00"' in run.text, run.stderr
    run = run_cli("validate", str(copy))
    assert "AK005" not in run.text  # no date problem: the configured zone placed the time


def test_unknown_zone_is_a_usage_error(tmp_path: Path) -> None:
    source = shared_path("corpus", "nitf", "ntb-nitf-sample.xml")
    run = run_cli("convert", str(source), "-O", "timezone=Europe/Olso")
    assert run.code == 2
    assert "unknown time zone 'Europe/Olso': give an IANA name such as Europe/Oslo" in run.stderr
    with pytest.raises(UsageError, match="unknown time zone"):
        read(source, timezone="Mars/Olympus")
    (tmp_path / "pyproject.toml").write_text('[tool.articlekit]\ntimezone = "Nowhere"\n')
    copy = tmp_path / "story.nitf.xml"
    copy.write_bytes(source.read_bytes())
    run = run_cli("convert", str(copy))
    assert run.code == 2 and "pyproject.toml: unknown time zone 'Nowhere'" in run.stderr


NEWSML = """<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:example:7" standard="NewsML-G2"
    standardversion="2.35">
  <itemMeta><itemClass qcode="ninat:text"/><provider literal="Example"/>
    <versionCreated>2021-05-16T{version}</versionCreated>
    <firstCreated>2021-05-16T09:00:00</firstCreated></itemMeta>
  <contentMeta><headline>Ferries return</headline></contentMeta>
</newsItem>
"""


def test_newsml_update_on_the_same_day_is_not_lost() -> None:
    data = NEWSML.format(version="10:30:00").encode()
    plain = read(data).value
    assert (plain.published, plain.updated) == (date(2021, 5, 16), date(2021, 5, 16))
    assert plain.extras["newsml:itemMeta/versionCreated"] == "2021-05-16T10:30:00"
    zoned = read(data, timezone="Europe/Oslo").value
    assert zoned.updated is not None and zoned.published is not None
    assert zoned.updated - zoned.published == timedelta(minutes=90)
    unchanged = read(NEWSML.format(version="09:00:00").encode()).value
    assert unchanged.updated is None  # versionCreated only repeats firstCreated


def test_zoned_times_are_written_with_their_offset() -> None:
    article = read(shared_path("corpus", "nitf", "ntb-nitf-sample.xml"), timezone="Europe/Oslo")
    nitf = write(article.value, format="nitf").value
    assert b'norm="20210516T090004+0200"' in nitf
    assert read(nitf).value.published == article.value.published


def test_text_and_api_convert_take_the_zone() -> None:
    text = b"Harbour Ferries Return\n\nPublished: 2023-10-06 14:30\n\nThe first ferry sailed.\n"
    article = read(text, format="text", timezone="Europe/London").value
    assert article.published == datetime.fromisoformat("2023-10-06T14:30:00+01:00")
    plain = read(text, format="text")
    assert plain.value.published == date(2023, 10, 6)
    assert [w.code for w in plain.warnings] == ["date-time-without-zone"]
