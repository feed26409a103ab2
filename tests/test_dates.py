"""Printed and ISO dates; ambiguous or incomplete ones are not guessed."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from unittest.mock import patch

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from articlekit.prose.dates import parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("October 6, 2023", "2023-10-06"),
        ("Oct. 6, 2023", "2023-10-06"),
        ("6 October 2023", "2023-10-06"),
        ("Friday, October 6, 2023", "2023-10-06"),
        ("2023-10-06", "2023-10-06"),
        ("2023-10-06T10:15:00+02:00", "2023-10-06 10:15:00+02:00"),
        # an offset of three digits, as some publishing systems write -05:00
        ("2023-10-06T10:15-500", "2023-10-06 10:15:00-05:00"),
        ("2023-10-06T10:15:00.250+530", "2023-10-06 10:15:00.250000+05:30"),
        ("10:15 AM EDT, Fri October 6, 2023", "2023-10-06 10:15:00-04:00"),
        ("25/03/2024", "2024-03-25"),
        ("03/25/2024", "2024-03-25"),
        ("3/3/2024", "2024-03-03"),
        ("10.03.2024", "2024-03-10"),
        ("06.10.2023 14:30 MESZ", "2023-10-06 14:30:00+02:00"),
        ("Monday, February 29, 2016 @ 11:10 PM UTC", "2016-02-29 23:10:00+00:00"),
        ("February 1, 2016: 12:41 PM EST", "2016-02-01 12:41:00-05:00"),
        # a GMT/UTC offset is east when positive (dateutil reads it the POSIX way, reversed)
        ("00:01 GMT-5 5 June 2024", "2024-06-05 00:01:00-05:00"),
        ("June 5, 2024 00:01 UTC+02:00", "2024-06-05 00:01:00+02:00"),
        ("6 A.M. EDT, JUNE 5, 2024", "2024-06-05 06:00:00-04:00"),
        ("June 5, 2024 10:00 JST", "2024-06-05 10:00:00+09:00"),
        ("June 5, 2024 00:01 ET", "2024-06-05 00:01:00-04:00"),  # (summer time: EDT)
        ("January 5, 2024 00:01 ET", "2024-01-05 00:01:00-05:00"),
        # a clock with a full stop, as British pages print it
        ("Tue 14 May 2024 09.30 BST", "2024-05-14 09:30:00+01:00"),
        ("14 May 2024 21.05 CEST", "2024-05-14 21:05:00+02:00"),
        ("May 14, 2024, 9.30 p.m. EDT", "2024-05-14 21:30:00-04:00"),
        # months abbreviated without their full stop, in lower case
        ("16 jul 2024 - 10:45 CEST", "2024-07-16 10:45:00+02:00"),
        ("16 ago 2024 - 10:45 CEST", "2024-08-16 10:45:00+02:00"),
        ("3 mag 2024 ore 10:00 CET", "2024-05-03 10:00:00+01:00"),
        ("10. Okt 2023", "2023-10-10"),
        ("4 déc 2023 à 10h15 CET", "2023-12-04 10:15:00+01:00"),
        # numbers with slashes that read one way only, with a time in another language's words
        ("25/09/2024 à 07h34 CEST", "2024-09-25 07:34:00+02:00"),
        ("Le 17/02/2024", "2024-02-17"),
        # a browser's copy runs the time into the year, or a site sets a bar between them
        ("March 4, 20249:15 PM ET", "2024-03-04 21:15:00-05:00"),
        ("March 4, 202411:05 AM UTC", "2024-03-04 11:05:00+00:00"),
        ("March 4, 2024 | 9:15 PM EST", "2024-03-04 21:15:00-05:00"),
        ("2024-03-04 | 21:15", "2024-03-04"),
        ("March 4, 2024 · 9:15 PM EST", "2024-03-04 21:15:00-05:00"),
        ("04.03.2024 • 21:15", "2024-03-04"),
        # two digits of a year with slashes, before a time of day, as American sites print it
        ("11/27/23 9:15pm", "2023-11-27"),
        ("11/27/23 09:15AM", "2023-11-27"),
    ],
)
def test_dates(text: str, expected: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None
    assert str(parsed.value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("02/11/2023", date(2023, 11, 2)),
        ("02/11/2023 à 07h34", date(2023, 11, 2)),
        ("Mardi 02/11/2023 - 07:34", date(2023, 11, 2)),
        ("02/11/2023 06:05:33", date(2023, 11, 2)),  # (dateutil's to read: seconds)
        ("09/25/2024", date(2024, 9, 25)),  # (no 25th month: month first whatever the language)
    ],
)
def test_numbers_with_slashes_read_day_first_when_told(text: str, expected: date) -> None:
    """Numbers that read either way are day first when the copy's language or the line's label
    writes them so; refused otherwise (see :func:`test_no_guessing`)."""
    parsed = parse_date(text, day_first=True)
    assert parsed is not None and parsed.value == expected
    assert parse_date(text) is None or expected.day > 12


@pytest.mark.parametrize("date_text", ["October 6, 2023", "6 Oct. 2023", "Tue 14 May 2024"])
@pytest.mark.parametrize("separator", [" ", ", ", " at ", " - "])
@pytest.mark.parametrize("clock", ["10:15", "0:05", "12:00", "12:30", "23:59", "13:00", "10:61"])
@pytest.mark.parametrize("half", ["", " AM", "pm", " p.m."])
@pytest.mark.parametrize("zone", ["", " EDT", " UTC", " ET", " JST"])
def test_a_date_and_its_time_read_as_dateutil_reads_them(
    date_text: str, separator: str, clock: str, half: str, zone: str
) -> None:
    """The direct reading of a printed date and its time (:data:`dates._PRINTED`) gives what
    dateutil gives, which read them all before (a zone articlekit does not know is left to
    dateutil)."""
    from articlekit.prose import dates

    text = f"{date_text}{separator}{clock}{half}{zone}"
    fast, free = parse_date(text), dates._parse_free(text)
    assert (fast is None) == (free is None)
    if fast is not None and free is not None:
        assert fast.value == free.value and fast.naive == free.naive
        assert getattr(fast.value, "tzinfo", None) == getattr(free.value, "tzinfo", None) or (
            fast.value.utcoffset() == free.value.utcoffset()  # type: ignore[union-attr]
        )


@pytest.mark.parametrize(
    "text",
    [
        "10/03/2024", "10/3/24", "October 6", "Nov 13", "February 30, 2023", "yesterday",
        "Sepember 5, 2024",  # a typo the month pattern once accepted and the lookup did not
        "2024 10:" + "9" * 40,  # dateutil's decimal arithmetic fails on it
        "October 6, 2023 " * 20,
        "February 1, 2016: 12 people",  # (a colon after the year opens no time here)
        "March 2025", "2024-06", "Tuesday 10am 2024",  # (no day: dateutil would give the 1st)
        "Tuesday, March 2024",  # (or the first Tuesday of the month)
        "Top Stories | 21:15", "March 2024 · 21:15",  # (a bar before a time gives no date)
        "11/09/2024 06:05", "02/11/2023 à 07h34",  # (11 September or November 9?)
        "Ferrytales 01/24/2020",  # (a title: dateutil refuses the word, as before)
        "2023-10-06T10:15+999",  # (an offset of three digits whose minutes pass 59)
    ],
)  # fmt: skip
def test_no_guessing(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "10 5 juin 2024",
        "3 5 giugno 2024",
        "10 h de route jusqu'au 5 juin 2024",
        "a las 10:00 de la mañana del 5 de junio de 2024",
        "ore 10 del mattino, 5 giugno 2024",
        "3-1 am 5. Juni 2024",
    ],
)
def test_a_number_or_a_clock_before_other_words_is_no_date(text: str) -> None:
    """A time printed before its date needs minutes, a unit or an "at" word (a bare number, a
    page or a count, is none), and the date right after it."""
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "hour"),
    [
        ("12 Uhr am 5. Juni 2031", 12),  # (German "am" is "on")
        ("12:00 am 05.06.2031", 12),
        ("12:00 am 5 April 2031", 0),  # (an English morning, as dateutil reads it)
        ("10 p.m. del 5 de junio de 2031", 22),
    ],
)
def test_am_before_a_date_is_german_on_or_an_english_morning(text: str, hour: int) -> None:
    parsed = parse_date(text)
    assert parsed is not None and parsed.naive is not None and parsed.naive.hour == hour


@pytest.mark.parametrize(
    ("text", "hour", "minute"),
    [
        ("November 3, 2025 (8:42 AM ET)", 8, 42),
        ("3 November 2025 (14:05)", 14, 5),
        ("Nov. 3, 2025 (2.30 pm)", 14, 30),
    ],
)
def test_a_time_in_brackets_after_the_date_is_read(text: str, hour: int, minute: int) -> None:
    """A page may print the time of day in brackets after the date: read as if without them."""
    parsed = parse_date(text)
    assert parsed is not None
    moment = parsed.naive or parsed.value
    assert (moment.year, moment.month, moment.day) == (2025, 11, 3)
    assert (moment.hour, moment.minute) == (hour, minute)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    ["November 3, 2025 (updated)", "November 3, 2025 (2 comments)", "Harbour Board (1:2)"],
)
def test_other_words_in_brackets_after_a_date_make_no_time(text: str) -> None:
    assert parse_date(text) is None


def test_a_time_without_zone_keeps_the_date() -> None:
    parsed = parse_date("2023-10-06T10:15:00")
    assert parsed is not None and parsed.value == date(2023, 10, 6) and parsed.zone_missing


def test_a_long_date_in_a_warning_is_cut_with_an_ellipsis_not_mid_time() -> None:
    """Cut at 40 characters with no mark, "..., 14:00 Uhr" was quoted as "..., 14:0": a time the
    source never printed."""
    from datetime import datetime

    from articlekit.prose.dates import zoned
    from articlekit.registry import Context

    context = Context()
    raw = "Veröffentlicht am Dienstag, 3. Dezember 2024, um 14:00 Uhr in Kiel und Umgebung"
    zoned(datetime(2024, 12, 3, 14, 0), raw, "the date", context)
    [warning] = context.warnings
    assert "…'" in warning.message and raw[:40] in warning.message


def test_dateutil_knows_no_month_articlekit_does_not() -> None:
    """:func:`dates._may_name_month_and_day` looks for every word dateutil reads as a month."""
    from dateutil import parser

    from articlekit.prose.dates import MONTHS

    assert {name.lower() for names in parser.parserinfo.MONTHS for name in names} <= set(MONTHS)


_WORDS = [
    "Tuesday", "Tue", "at", "on", "of", "the", "and", ",", "-", "/", ".", ":", "GMT", "EDT", "AM",
    "pm", "th", "1st", "²", "½", "年", "Decision", "Mayor", "June", "sept.",
]  # fmt: skip
_TOKENS = st.one_of(
    st.sampled_from(_WORDS),
    st.integers(0, 9999).map(str),
    st.text(alphabet="0123456789٣²", min_size=1, max_size=7),
    st.text(min_size=1, max_size=3),
)
"""Words dateutil knows (weekdays, jump words, zones, marks), months now and then, numbers, and
anything: what reaches dateutil after a year is found."""


@settings(max_examples=600, deadline=None)
@example(["Tue", "June", "5", "at", "10", ":", "30", "GMT"], " ")
@example(["5th", "of", "sept."], " ")
@example(["12", "/", "06", "/"], "")
@example(["19530612"], " ")
@given(st.lists(_TOKENS, min_size=1, max_size=6), st.sampled_from([" ", "", ", "]))
def test_texts_told_apart_before_dateutil_are_none_to_it(tokens: list[str], join: str) -> None:
    """A text with no month's name, fewer than three runs of digits and no long one is refused
    before dateutil is asked (and imported): dateutil reads no full date in any such text."""
    from articlekit.prose import dates

    text = join.join([*tokens, "1953"])
    if dates._may_name_month_and_day(text):
        return
    with patch.object(dates, "_may_name_month_and_day", lambda _text: True):
        assert dates._parse_free(text) is None
        assert dates._parse_free(text, day_first=True) is None


def test_zones_written_out_are_keyed_as_they_are_looked_up() -> None:
    """The names are matched case-blind and looked up case-folded: a key with a capital would
    never be found."""
    from articlekit.prose.dates import CITY_TIMES, LOCAL_TIMES

    assert all(name == name.casefold() for name in [*CITY_TIMES, *LOCAL_TIMES])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 mayo, 2022", date(2022, 5, 4)),
        ("07 Dezember, 2022", date(2022, 12, 7)),
        ("4 de mayo, 2022", date(2022, 5, 4)),
    ],
)
def test_a_foreign_date_with_a_comma_before_its_year(text: str, expected: date) -> None:
    """Spanish and German sites print a comma before the year, as English ones do."""
    parsed = parse_date(text)
    assert parsed is not None and parsed.value == expected


@pytest.mark.parametrize("text", ["11/27/23", "3/4/16", "4/11/23 9:15pm", "11/27/23 9"])
def test_a_short_year_with_slashes_needs_a_clock_and_an_order(text: str) -> None:
    """Alone, "3/4/16" may be a ratio or a fraction; "4/11/23" is April 11 or 4 November."""
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11/27/23 9 pm", date(2023, 11, 27)),
        ("Tuesday 12/16/16 12:21pm", date(2016, 12, 16)),
        ("Tue., 12/16/16 12:21pm", date(2016, 12, 16)),
    ],
)
def test_a_short_year_with_slashes_before_an_hour_with_pm_or_after_an_english_weekday(
    text: str, expected: date
) -> None:
    """An hour with "pm" is a time of day as an hour and its minutes are; an English weekday
    before the numbers is one as another language's is."""
    parsed = parse_date(text)
    assert parsed is not None and parsed.value == expected


@pytest.mark.parametrize("text", ["Score 3/4/16 9 pm", "Room 12/16/16 12:21pm"])
def test_a_short_year_with_slashes_after_another_word_is_no_date(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9.05pm, 20 Apr 2026", datetime(2026, 4, 20, 21, 5)),
        ("9.05 p.m. 20 Apr 2026", datetime(2026, 4, 20, 21, 5)),
        ("21.05, April 20, 2026", datetime(2026, 4, 20, 21, 5)),
        (
            "9.05am BST, 20 Apr 2026",
            datetime(2026, 4, 20, 9, 5, tzinfo=timezone(timedelta(hours=1))),
        ),
        (
            "9.05am 20 Apr 2026 BST",
            datetime(2026, 4, 20, 9, 5, tzinfo=timezone(timedelta(hours=1))),
        ),
    ],
)
def test_a_dotted_clock_before_an_english_date_keeps_its_minutes(
    text: str, expected: datetime
) -> None:
    """A time a page prints before the date, with a full stop in its clock, as British pages
    print it: its minutes are the time's (dateutil reads "9.05pm" as 21:00)."""
    parsed = parse_date(text)
    assert parsed is not None
    when = parsed.naive if expected.tzinfo is None else parsed.value
    assert when == expected
