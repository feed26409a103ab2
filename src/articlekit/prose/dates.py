"""Dates as newsrooms print them, and as wire formats encode them.

``parse_date`` understands ISO 8601 and the common printed English forms ("October 6, 2023",
"6 Oct. 2023", "Fri October 6, 2023 10:15 AM EDT"). The frequent shapes are matched directly; the
rest go to dateutil, imported only then (it costs ~20 ms of start-up, a third of the one-shot
budget). A printed date without a year is not a date: it gives ``None`` rather than this year.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import NamedTuple

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:tember|t)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAY = (
    r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?|(?:Mon|Tues|Wednes|Thurs|Fri|"
    r"Satur|Sun)day),?\s+"
)

# US and European zone abbreviations seen in printed news dates; others are not guessed.
ZONES: dict[str, tzinfo] = {
    name: timezone(timedelta(hours=hours), name)
    for name, hours in {
        "UTC": 0, "GMT": 0, "Z": 0, "BST": 1, "CET": 1, "CEST": 2, "MEZ": 1, "MESZ": 2,
        "EET": 2, "EEST": 3,
        "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    }.items()
}  # fmt: skip

_PRINTED = re.compile(
    rf"^(?:{WEEKDAY})?(?:(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?P<month2>{MONTH}),?)\s+(?P<year>\d{{4}})$",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-?\d{2}-?\d{2}[T ]\d{2}(?::?\d{2}(?::?\d{2}(?:[.,]\d+)?)?)?")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})([/.])(\d{1,2})[/.]\d{2,4}\b")
_HAS_YEAR = re.compile(r"\b(?:1[89]|2[0-9])\d{2}\b")
_HAS_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)
DATE_PATTERN = (
    rf"(?:{WEEKDAY})?(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?|\d{{1,2}}\.?\s+{MONTH},?)"
    r"\s+\d{4}"
)
"""A printed date with a year, for use inside larger patterns (source lines, datelines)."""


class ParsedDate(NamedTuple):
    value: date | datetime
    zone_missing: bool
    """True when the text had a time of day but no zone, so only the date was kept."""


def parse_iso(text: str) -> date | datetime | None:
    """ISO 8601 date or date-time; naive date-times are returned naive (callers decide)."""
    text = text.strip()
    try:
        if _ISO_DATE.match(text):
            return date.fromisoformat(text)
        if _ISO_DATETIME.match(text):
            return datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        return None
    return None


MAX_DATE_LENGTH = 100
"""Longer text is not a date (and not worth a parser's time)."""


def parse_date(text: str) -> ParsedDate | None:
    """A printed or ISO date; ``None`` when there is no full date (year, month and day)."""
    text = " ".join(text.split()).strip(" ,.;-—–")
    if not text or len(text) > MAX_DATE_LENGTH:
        return None
    iso = parse_iso(text)
    if iso is not None:
        return _aware(iso)
    match = _PRINTED.match(text)
    if match is not None:
        month = match.group("month") or match.group("month2")
        day = int(match.group("day") or match.group("day2"))
        try:
            return ParsedDate(
                date(int(match.group("year")), MONTHS[month.lower().rstrip(".")], day), False
            )
        except ValueError:
            return None
    if not _HAS_YEAR.search(text):
        return None
    numeric = _NUMERIC_DATE.search(text)
    if numeric is None:
        return _parse_free(text)
    first, separator, second = numeric.groups()
    if separator == ".":  # 10.03.2024: day first wherever dots are written
        return _parse_free(text, day_first=True)
    if first != second and max(int(first), int(second)) <= 12:
        return None  # 10/03/2024: 10 March or October 3? Nothing says which; no guess.
    return _parse_free(text)


def _aware(value: date | datetime) -> ParsedDate:
    if isinstance(value, datetime) and value.tzinfo is None:
        return ParsedDate(value.date(), value.time() != datetime.min.time())
    return ParsedDate(value, False)


def _parse_free(text: str, day_first: bool = False) -> ParsedDate | None:
    import warnings

    from dateutil import parser

    try:
        with warnings.catch_warnings():  # dateutil warns about zone names it does not know
            warnings.simplefilter("ignore")
            parsed = parser.parse(
                text, default=datetime(1, 1, 1), tzinfos=ZONES, dayfirst=day_first
            )
    except (ValueError, OverflowError, ArithmeticError):  # decimal.InvalidOperation, too
        return None
    if parsed.year == 1:
        return None
    if not _HAS_TIME.search(text):
        return ParsedDate(parsed.date(), False)
    return _aware(parsed)


def format_printed(value: date) -> str:
    """``October 6, 2023``: the form wire stories print."""
    return f"{MONTH_NAMES[value.month - 1]} {value.day}, {value.year}"
