"""Dates as newsrooms print them, and as wire formats encode them.

``parse_date`` understands ISO 8601, the common printed English forms ("October 6, 2023",
"6 Oct. 2023", "Fri October 6, 2023 10:15 AM EDT") and German, French, Spanish, Italian and
Portuguese ones ("3. Dezember 2024", "3 de diciembre de 2024": ``parse_foreign_date``). The
frequent shapes are matched directly; the rest go to dateutil, imported only then (it costs ~20 ms
of start-up, a third of the one-shot budget). A printed date without a year is not a date: it
gives ``None`` rather than this year.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import TYPE_CHECKING, NamedTuple

from articlekit._text import lazy_pattern, shortened
from articlekit.errors import setting

if TYPE_CHECKING:
    from articlekit.registry import Context

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

_PRINTED = lazy_pattern(
    rf"^(?:{WEEKDAY})?(?:(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+)?(?P<month>{MONTH})"
    rf"(?(day2),?|\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?)\s+(?P<year>\d{{4}})"
    r"(?:$|(?:\s*[,\-–—|]|\s+at|\s+kl\.?)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})"
    r"(?:\s?(?P<half>[ap])\.?m\b\.?)?(?:\s+(?P<zone>(?-i:[A-Z]{1,5})))?$)",
    re.IGNORECASE,
)
"""A printed English date, and the time after it ("Tue 14 May 2024 09.30 BST", "October 6,
2023, 10:15 AM EDT", "December 19, 2016 | 7:08pm"): the dotted clock, which dateutil cannot
read, as the colon one; a time a browser's copy runs into the year ("December 15, 20163:33 PM
ET": the year has four digits, the rest is the clock's, a dotted one too: "201612.50" is read
12:50, as a copy runs "2016 12.50" together); "kl." before the time as Nordic pages print it
("4 mar 2024 kl 10.23"). (The end of the text is tried first: a date alone
is the frequent shape.)"""
_ISO_DATE = lazy_pattern(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = lazy_pattern(r"^\d{4}-?\d{2}-?\d{2}[T ]\d{2}(?::?\d{2}(?::?\d{2}(?:[.,]\d+)?)?)?")
_SHORT_OFFSET = lazy_pattern(r"(?<=\d\d\d|:\d\d)([+-])(\d)([0-5]\d)$")
"""An offset of three digits after a time ("10:15-500"), as some publishing systems write -05:00
with neither colon nor leading zero; minutes past 59 ("+999") are no offset."""
_SPACED_DOTS = lazy_pattern(r"(?<![\d.])(\d{1,2})\. (\d{1,2})\. (?=\d{4}\b)")
"""Day and month numbers with a space after each dot ("28. 4. 2023", "06. 01. 2026"), as Czech,
Slovak and some German pages print them: day first like "28.4.2023" (dateutil would read the
spaced numbers month first)."""
_NUMERIC_DATE = lazy_pattern(r"\b(\d{1,2})([/.])(\d{1,2})[/.]\d{2,4}\b")
_YEAR_DIGITS = lazy_pattern(r"\d{4}")
"""Four digits in a row, which every date :func:`parse_date` reads holds: a search that spares
text without them (a headline with a number) the patterns and the parsers."""
_HAS_YEAR = lazy_pattern(r"\b(?:1[89]|2[0-9])\d{2}\b")
_HAS_TIME = lazy_pattern(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)
DATE_PATTERN = (
    rf"(?:{WEEKDAY})?(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?|\d{{1,2}}\.?\s+{MONTH},?)"
    r"\s+\d{4}"
)
"""A printed date with a year, for use inside larger patterns (source lines, datelines)."""


class ParsedDate(NamedTuple):
    value: date | datetime
    naive: datetime | None = None
    """The date-time as written when it had a time of day but no zone (``value`` is then its
    date alone); :func:`zoned` gives it the zone the user chose."""

    @property
    def zone_missing(self) -> bool:
        return self.naive is not None


def _zone_option() -> str:
    """How a message names the setting of the source's time zone (the command line's, Python's)."""
    given = setting("-O timezone=Europe/Oslo", "timezone='Europe/Oslo'")
    return f"{given}, or timezone in [tool.articlekit]"


def timezone_help() -> str:
    """What a warning about a time without zone advises."""
    return f"to keep the time, give the source's zone: {_zone_option()}"


def time_zone(name: str) -> tzinfo:
    """The IANA time zone ``name`` (``Europe/Oslo``), from the system's zone database or the
    ``tzdata`` package; a :class:`~articlekit.errors.UsageError` when there is no such zone."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from articlekit.errors import UsageError

    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(
            f"unknown time zone {name[:60]!r}: give an IANA name such as Europe/Oslo or UTC"
        ) from None


def zoned(
    naive: datetime, raw: str, what: str, context: Context, line: int | None = None
) -> date | datetime:
    """A date-time written without a zone: in the zone the user chose for such times
    (:meth:`~articlekit.registry.Context.timezone`), else its date alone, with a warning (on
    ``line`` of the input, when known) that says how to keep the time. Callers keep ``raw`` (the
    text as written) where they can."""
    zone = context.timezone()
    if zone is not None:
        return naive.replace(tzinfo=zone)
    context.warn(
        "date-time-without-zone",
        f"{what} {shortened(raw.strip(), 60)!r} {_zone_lacking(raw)}; only its date was kept "
        f"({timezone_help()})",
        line=line,
    )
    return naive.date()


_PRINTED_OFFSET = lazy_pattern(
    r"(?:\d:\d\d(?::\d\d(?:[.,]\d+)?)?|\b(?:UTC|GMT))\s?(?P<offset>[+-]\d{1,2}(?::?\d\d)?)(?!\d)"
)
"""An offset printed after a time or after UTC/GMT ("10:00:00+14:30", "UTC+15")."""


def _zone_lacking(raw: str) -> str:
    """What a time read without zone lacks, for a warning: a zone, or one that has the offset
    ``raw`` prints (no zone is more than 14 hours from UTC)."""
    offset = _PRINTED_OFFSET.search(raw)
    if offset is None:
        return "has no time zone"
    return f"gives an offset no time zone has ({offset.group('offset')})"


LATEST_ZONE = timezone(timedelta(hours=-12), "UTC-12")
"""The zone where a wall-clock time comes last: a time printed without its zone means no later
moment anywhere (no place keeps a clock further behind UTC)."""


def embargo_zoned(
    naive: datetime, raw: str, what: str, context: Context, line: int | None = None
) -> datetime:
    """An embargo's time the parser read without a zone: in the zone ``raw`` prints after it
    when articlekit knows it (:func:`printed_zone`), else in the zone the user chose, else at
    UTC-12, with a warning. Unlike :func:`zoned` its time is never dropped: the date alone would
    lift the embargo at the day's start, hours before the source allows; UTC-12 is the latest
    moment it can mean, so it is never lifted early (only late, by up to 26 hours). A time
    ``raw`` gives in a zone articlekit does not know is kept at UTC-12 whatever the user chose
    (their zone would be a guess at it), the zone named."""
    unknown = unknown_zone(raw)
    if unknown is not None:
        kept = naive.replace(tzinfo=LATEST_ZONE)
        context.warn(
            "time-zone-unknown",
            f"{what} {shortened(raw.strip(), 60)!r} names a time zone articlekit does not know, "
            f"{unknown}; "
            f"kept as {kept.isoformat()}, its time at UTC-12, the latest it can mean, so that it "
            "is never lifted early",
            line=line,
        )
        return kept
    zone = printed_zone(raw) or context.timezone()
    if zone is not None:
        return latest_reading(naive.replace(tzinfo=zone))
    kept = naive.replace(tzinfo=LATEST_ZONE)
    context.warn(
        "date-time-without-zone",
        f"{what} {shortened(raw.strip(), 60)!r} {_zone_lacking(raw)}; kept as "
        f"{kept.isoformat()}, its "
        f"time at UTC-12, the latest it can mean, so that it is never lifted early (to place "
        f"it, give the source's zone: {_zone_option()})",
        line=line,
    )
    return kept


def latest_reading(moment: datetime) -> datetime:
    """``moment`` as its zone's later reading of the wall clock, when it has two: the hour a
    clock change repeats (01:30 on 3 November 2024 in New York is 05:30 or 06:30 UTC), where an
    embargo taken at the earlier would lift an hour early."""
    later = moment.replace(fold=1 - moment.fold)
    return later if later.astimezone(UTC) > moment.astimezone(UTC) else moment


def embargo_end(value: date | datetime) -> datetime:
    """The moment an embargo ends, for formats that need one: a date alone (the source gave no
    time: "EMBARGOED UNTIL 5 JUNE", publish from that day on) ends when that day has begun
    everywhere, at its midnight at UTC-12, so that no reading of the date lifts it earlier."""
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, time(), LATEST_ZONE)


_CLOCK_ZONE = lazy_pattern(
    r"(?:\b\d{1,2}[:.h]\d{2}|\b[0-2]\d[0-5]\d|\b\d{1,2}\s?[AaPp]\.?[Mm]\.?"
    r"|\b\d{1,2}(?:[:.]\d{2})?\s?(?i:uhr)|\b\d{1,2}\s?[hH]|\b\d{1,2})"
    r"(?:\s?[AaPp]\.?[Mm]\b\.?)?\s*\(?(?P<zone>[A-Z]{1,4}T|UTC|MESZ|MEZ|WIB|MSK|H[NA][ACEPR])\b"
    r"(?!\s?[+-]\s?\d)"  # ("UTC+14:30": an offset no zone has, read as none, not as UTC)
)
"""A zone's abbreviation printed after a time ("10:00 IST", "0001 AEST", "9am (WAT)", "10 Uhr
ET", "10 h HNE", "a las 10 ET"): capitals ending in T, as most zones' names do, or one of the
known names that do not."""


NOT_ZONES = frozenset({"AT", "IT", "SAT", "OCT", "SEPT", "NOT", "BUT", "NEXT", "LAST", "PAST",
                        "JUST", "FIRST"})  # fmt: skip
"""Capitals ending in T that follow a time but name no zone: a weekday ("10:00 SAT 8 JUNE"), a
month ("10:00 OCT 5"), a word ("10:00 AT THE LATEST", "NOT BEFORE")."""


def printed_zone(text: str) -> tzinfo | None:
    """The zone articlekit knows printed after a time in ``text`` ("05.06.2031 1000 ET", "10h00
    heure de Paris"), where the parser that read the time did not take it (the day-first dates'
    parser reads no zone): it, not the user's ``-O timezone=``, places the time."""
    zones = _printed_zones()
    found = next((zones[name] for name in _zones_after_clocks(text) if name in zones), None)
    if found is None:
        regions = _city_times(text)
        if len(regions) == 1:
            from zoneinfo import ZoneInfo

            return ZoneInfo(regions.pop())
    return found


CITY_TIMES = {
    "heure de paris": "Europe/Paris", "heure française": "Europe/Paris",
    "heure francaise": "Europe/Paris", "heure de bruxelles": "Europe/Brussels",
    "heure de genève": "Europe/Zurich", "heure de geneve": "Europe/Zurich",
    "heure de montréal": "America/Toronto", "heure de montreal": "America/Toronto",
    "heure du québec": "America/Toronto", "heure du quebec": "America/Toronto",
    "paris time": "Europe/Paris", "brussels time": "Europe/Brussels",
    "berlin time": "Europe/Berlin", "madrid time": "Europe/Madrid", "rome time": "Europe/Rome",
    "london time": "Europe/London", "uk time": "Europe/London",
    "new york time": "America/New_York", "washington time": "America/New_York",
    "eastern time": "America/New_York", "central time": "America/Chicago",
    "mountain time": "America/Denver", "pacific time": "America/Los_Angeles",
    "tokyo time": "Asia/Tokyo", "hong kong time": "Asia/Hong_Kong",
    "singapore time": "Asia/Singapore", "sydney time": "Australia/Sydney",
    "hora de madrid": "Europe/Madrid", "hora peninsular": "Europe/Madrid",
    "hora española": "Europe/Madrid", "hora espanola": "Europe/Madrid",
    "hora de méxico": "America/Mexico_City", "hora de mexico": "America/Mexico_City",
    "ora italiana": "Europe/Rome", "ora di roma": "Europe/Rome",
    "hora de lisboa": "Europe/Lisbon", "hora de brasília": "America/Sao_Paulo",
    "hora de brasilia": "America/Sao_Paulo", "horário de brasília": "America/Sao_Paulo",
    "horario de brasilia": "America/Sao_Paulo", "deutscher zeit": "Europe/Berlin",
    "berliner zeit": "Europe/Berlin", "wiener zeit": "Europe/Vienna",
    "schweizer zeit": "Europe/Zurich",
}  # fmt: skip
"""A time's zone as the wires write it out, by the city or country whose clock it is (keys in
lower case, with and without their accents, as wire copy in ASCII writes them)."""
LOCAL_TIMES = ("local time", "heure locale", "hora local", "ora locale", "ortszeit")
"""A time "in each place's own clock": no zone, as a time printed without one."""
_CITY_TIME = lazy_pattern(
    r"\(?\b(?:(?:nach|in) )?(?P<name>"
    + "|".join(map(re.escape, [*CITY_TIMES, *LOCAL_TIMES]))
    + r")\b\)?",
    re.IGNORECASE,
)


def _city_times(text: str) -> set[str]:
    """The zones ``text`` writes out by their cities (see :data:`CITY_TIMES`)."""
    if _CITY_TIME.search(text) is None:
        return set()
    names = (match.group("name").casefold() for match in _CITY_TIME.finditer(text))
    return {CITY_TIMES[name] for name in names if name in CITY_TIMES}


def without_city_time(text: str) -> str:
    """``text`` without the zone written out after its time (see :data:`CITY_TIMES`, and
    :data:`LOCAL_TIMES`), which the date parsers cannot read past; :func:`printed_zone` reads it
    from the text as written. Brackets it leaves unpaired go too ("(10:00 UK time)")."""
    if _CITY_TIME.search(text) is None:
        return text
    text = _CITY_TIME.sub("", text)
    if text.count("(") != text.count(")"):
        text = text.replace("(", " ").replace(")", " ")
    return " ".join(text.split())


def unknown_zone(text: str) -> str | None:
    """The zone printed after a time in ``text`` that articlekit does not know ("IST": India,
    Ireland or Israel?), which the date parsers read as no zone at all; ``None`` when there is
    none. Zones written out by two cities ("11:00 Paris time / 10:00 UK time") are one it cannot
    place: which clock the parser read is not known."""
    zones = _printed_zones()
    unknown = next((name for name in _zones_after_clocks(text) if name not in zones), None)
    if unknown is None and len(regions := _city_times(text)) > 1:
        return " and ".join(sorted(regions))
    return unknown


def _zones_after_clocks(text: str) -> Iterator[str]:
    """The capitals ending in T printed after a time in ``text`` that may name a zone."""
    for match in _CLOCK_ZONE.finditer(text):
        if match.group("zone") not in NOT_ZONES:
            yield match.group("zone")


def parse_iso(text: str) -> date | datetime | None:
    """ISO 8601 date or date-time; naive date-times are returned naive (callers decide), and so
    is one with an offset no zone has ("+14:30"): a time whose zone is unknown, which an
    embargo reads at its latest and other dates in the user's zone or as the date alone."""
    from articlekit.model import offset_usable

    text = text.strip()
    try:
        if _ISO_DATE.match(text):
            return date.fromisoformat(text)
        if _ISO_DATETIME.match(text):
            text = _SHORT_OFFSET.sub(r"\g<1>0\g<2>:\g<3>", text)
            value = datetime.fromisoformat(text.replace("z", "Z"))
            return value if value.tzinfo is None or offset_usable(value) else _zone_less(value)
    except ValueError:
        return None
    return None


MAX_DATE_LENGTH = 100
"""Longer text is not a date (and not worth a parser's time)."""
_ABBREVIATED_WEEKDAYS = frozenset({
    "lun", "mar", "mié", "mie", "jue", "vie", "sáb", "sab", "dom",  # (Spanish)
    "mer", "jeu", "ven", "sam", "dim",  # (French, besides lun, mar)
    "gio",  # (Italian, besides lun, mar, mer, ven, sab, dom)
    "seg", "ter", "qua", "qui", "sex",  # (Portuguese, besides sáb, sab, dom)
})  # fmt: skip
"""Weekdays as Spanish, French, Italian and Portuguese pages abbreviate them before a date ("dom 16
ago 2024", "mer. 6 mars 2024"): words of other meanings too ("mar", the sea), taken only before
a date read whole without them."""


_BRACKETED_TIME = lazy_pattern(r"\s*\((?P<time>\d{1,2}[:.]\d{2}\b[^()]{0,12})\)$")
"""A time of day in brackets after the date ("November 3, 2025 (8:42 AM ET)"), read as if
printed without them."""
_BARRED_TIME = lazy_pattern(r"\s+[|·•]\s+(?=\d{1,2}[:.]\d{2}\b)")
"""A bar or a dot a site sets between the date and its time ("2026-01-08 | 12:42", "January 8,
2026 · 12:42"): the time is read as if printed after a space."""


def parse_date(text: str, day_first: bool = False, *, labelled: bool = False) -> ParsedDate | None:
    """A printed or ISO date; ``None`` when there is no full date (year, month and day).
    ``day_first``: numbers with slashes that may be either are day first ("02/11/2023", 2
    November), as a label in another language than English writes them; else they are refused.
    ``labelled``: the date follows a date label ("Stand: 1.10.25"), which makes a short one of
    dotted numbers a date (see :func:`_short_year_ok`)."""
    if not (text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "):
        text = " ".join(text.split())  # (else the text is spaced so already: byline.spaced)
    text = text.strip(" ,.;-—–")
    if not text or len(text) > MAX_DATE_LENGTH:
        return None
    if ". " in text:
        text = _SPACED_DOTS.sub(r"\1.\2.", text)  # ("28. 4. 2023": day first, as "28.4.2023")
    if text[-1] == ")" and (bracketed := _BRACKETED_TIME.search(text)) is not None:
        text = (
            f"{text[: bracketed.start()]} {bracketed.group('time')}"  # ("May 3, 2024 (8:42 AM ET)")
        )
    if ("|" in text or "·" in text or "•" in text) and (barred := _BARRED_TIME.search(text)):
        text = f"{text[: barred.start()]} {text[barred.end() :]}"
    weekday, _, rest = text.partition(" ")
    if rest[:1].isdigit() and weekday.rstrip(".,").lower() in _ABBREVIATED_WEEKDAYS:
        after = parse_date(rest, day_first, labelled=labelled)  # ("dom 16 ago 2024")
        if after is not None:
            return after  # (else the word is another's: "Mar 12, 2020" is March)
    if _YEAR_DIGITS.search(text) is None:  # (every form read below has a year of four digits)
        # ("06.11.23", "12/16/16 12:21pm")
        return _date_first(text, labelled=labelled) if "." in text or "/" in text else None
    iso = parse_iso(text) if text[0].isdigit() else None  # (ISO opens with the year's digits)
    if iso is not None:
        return _aware(iso)
    match = _PRINTED.match(text)
    if match is not None:
        month = match.group("month")
        day = int(match.group("day") or match.group("day2"))
        try:
            printed = date(int(match.group("year")), MONTHS[month.lower().rstrip(".")], day)
        except ValueError:
            return None
        if match.lastgroup == "year":  # (no time after it: the frequent shape)
            return ParsedDate(printed)
        zone = match.group("zone")
        if zone is None or zone in _printed_zones():  # (else dateutil's to read, as before)
            return _printed_time(printed, match)
    foreign = parse_foreign_date(text, day_first)
    if foreign is not None:
        return foreign
    if text[0].isdigit() and (moved := _clock_after_printed_date(text)) is not None:
        return parse_date(moved, day_first)
    if not _HAS_YEAR.search(text):
        return None
    numeric = _NUMERIC_DATE.search(text)
    if numeric is None:
        return _parse_free(text)
    first, separator, second = numeric.groups()
    if separator == "." or day_first:  # 10.03.2024: day first wherever dots are written
        return _parse_free(text, day_first=True)
    if first != second and max(int(first), int(second)) <= 12:
        return None  # 10/03/2024: 10 March or October 3? Nothing says which; no guess.
    return _parse_free(text)


def _clock_after_printed_date(text: str) -> str | None:
    """A printed English date whose time a page prints before it ("9.05pm, 20 Apr 2026"), the
    time moved after it as :data:`_PRINTED` reads it: dateutil, else left to read it, drops a
    dotted clock's minutes (it reads 21:00). Its zone goes after it, printed before the date or
    after ("9.05am BST, 20 Apr 2026", "9.05am 20 Apr 2026 BST"). ``None`` unless the clock has
    its minutes and the rest is such a date."""
    time_first = _TIME_FIRST.match(text)
    if time_first is None or time_first.group("minute") is None or time_first.group("word"):
        return None
    printed, zone = time_first.group("date"), time_first.group("zone") or ""
    head, _, last = printed.rpartition(" ")
    if not zone and head and len(last) <= 5 and last.isalpha() and last.isupper():
        printed, zone = head, f" {last}"
    moved = f"{printed} {time_first.group('clock')}{zone}"
    return moved if _PRINTED.match(moved) is not None else None


def _printed_time(printed: date, match: re.Match[str]) -> ParsedDate | None:
    """The date-time of a :data:`_PRINTED` match with a time, as dateutil would read it."""
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    half = (match.group("half") or "").lower()
    if half and hour > 12:
        return None  # ("13:00 PM": no hour of a 12-hour clock)
    hour = _hour_of_day(hour, half)
    zone = _printed_zones()[match.group("zone")] if match.group("zone") else None
    try:
        return _aware(datetime.combine(printed, time(hour, minute), zone))
    except ValueError:
        return None


def _hour_of_day(hour: int, half: str) -> int:
    """The hour on a 24-hour clock of an hour printed with its half of the day (``a``, ``p``;
    ``""``: none printed)."""
    if half == "p" and hour < 12:
        return hour + 12
    return 0 if half == "a" and hour == 12 else hour


def _aware(value: date | datetime) -> ParsedDate:
    if isinstance(value, datetime) and value.tzinfo is None:
        naive = value if value.time() != datetime.min.time() else None
        return ParsedDate(value.date(), naive)
    return ParsedDate(value)


_TIME_AFTER_YEAR = lazy_pattern(r"(?<=\d{4})\s*[@:]\s+(?=\d{1,2}(?:[:.]\d{2}|\s*[ap]\.?m\b))")
"""Signs some pages print between a date and its time ("February 1, 2016: 12:41 PM",
"February 29, 2016 @ 11:10 PM"), which dateutil takes for no separator."""


_GMT_OFFSET = lazy_pattern(
    r"\b(?:GMT|UTC)\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?\b"
)
"""``GMT-5``, ``UTC+02:00``: an offset east of Greenwich when positive (dateutil reads these the
POSIX way, the sign reversed)."""
_DOTTED_HALF = lazy_pattern(r"\b([AaPp])\.\s?[Mm]\.")
"""``6 A.M.``, ``6 p. m.``: the half of the day with full stops, which dateutil misreads."""


def _offset(match: re.Match[str]) -> str:
    minutes = match.group("minutes") or "00"
    return f" {match.group('sign')}{int(match.group('hours')):02d}{minutes}"


@functools.cache
def _printed_zones() -> dict[str, tzinfo]:
    """:data:`ZONES`, and the names of zones that keep summer time printed without saying which
    half of the year it is ("ET", "PT"), or of one offset elsewhere ("JST", "AEST")."""
    from zoneinfo import ZoneInfo

    regions = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
               "PT": "America/Los_Angeles"}  # fmt: skip
    fixed = {"JST": 9, "KST": 9, "HKT": 8, "SGT": 8, "AEST": 10, "AEDT": 11, "NZST": 12,
             "NZDT": 13, "WIB": 7, "MSK": 3,
             # Canada's French names: heure normale / avancée de l'Est, du Centre, des Rocheuses,
             # du Pacifique, de l'Atlantique
             "HNE": -5, "HAE": -4, "HNC": -6, "HAC": -5, "HNR": -7, "HAR": -6, "HNP": -8,
             "HAP": -7, "HNA": -4, "HAA": -3,
             "WET": 0, "WEST": 1, "WAT": 1, "CAT": 2, "SAST": 2, "EAT": 3, "PKT": 5, "ICT": 7,
             "AWST": 8, "ACST": 9.5, "ACDT": 10.5, "HST": -10, "AKST": -9, "AKDT": -8}  # fmt: skip
    zones: dict[str, tzinfo] = dict(ZONES)
    zones.update({name: ZoneInfo(region) for name, region in regions.items()})
    zones.update({name: timezone(timedelta(hours=hours), name) for name, hours in fixed.items()})
    return zones


def _parse_free(text: str, day_first: bool = False) -> ParsedDate | None:
    if not _may_name_month_and_day(text):
        return None  # (spares the import of dateutil, ~5 ms, and a call: a headline with a year)
    import warnings

    from dateutil import parser

    text = _TIME_AFTER_YEAR.sub(" ", text)
    if "GMT" in text or "UTC" in text:
        text = _GMT_OFFSET.sub(_offset, text)
    if "." in text:
        text = _DOTTED_HALF.sub(r"\1M", text)
    try:
        with warnings.catch_warnings():  # dateutil warns about zone names it does not know
            warnings.simplefilter("ignore")
            parsed = parser.parse(
                text, default=datetime(1, 1, 1), tzinfos=_dateutil_zone, dayfirst=day_first
            )
            if parsed.year == 1:
                return None
            # dateutil fills a missing month or day from the default (or the named weekday after
            # it): parsed with another one, a text without them ("March 2025", "2024", "Tuesday,
            # March 2024") gives another date, and is no full date
            again = parser.parse(
                text, default=datetime(1, 2, 15), tzinfos=_dateutil_zone, dayfirst=day_first
            )
    except (ValueError, OverflowError, ArithmeticError):  # decimal.InvalidOperation, too
        return None
    if (again.month, again.day) != (parsed.month, parsed.day):
        return None
    if str(parsed.year) not in _HAS_YEAR.findall(text):
        return None  # (a year taken from a clock: "00.01 4 JUNE 2024" read as 2000, 20:24)
    if not _HAS_TIME.search(text):
        return ParsedDate(parsed.date())
    from articlekit.model import offset_usable

    if parsed.tzinfo is not None and not offset_usable(parsed):
        parsed = _zone_less(parsed)  # ("UTC+14:30": no zone has it)
    return _aware(parsed)


def _may_name_month_and_day(text: str) -> bool:
    """Whether dateutil could read a month and a day in ``text``, which a full date needs (see
    :func:`_parse_free`: one that takes either from its default is refused). dateutil finds a
    month only in a word of letters that is an English month's name or abbreviation, and
    numbers only in runs of digits: so a text needs such a word, three runs of digits (day,
    month, year), or one long run ("20240605", "240605"). A headline with a year and no month
    ("Harbour rebuilt after the 1953 flood") has none of them."""
    letters = "".join(char if char.isalpha() else " " for char in text).split()
    if any(word.lower() in MONTHS for word in letters):
        return True
    digits = "".join(char if char.isdigit() else " " for char in text).split()
    return len(digits) >= 3 or any(len(run) >= COMPACT_DATE_DIGITS for run in digits)


COMPACT_DATE_DIGITS = 5
"""Digits from which dateutil may read one run as a whole date (it reads six or more as
YYMMDD, YYYYMMDD or a clock; five are counted too, to be safe)."""


def _zone_less(value: datetime) -> datetime:
    """A date-time whose offset no zone has, as a time without zone (never refused: the model
    takes no such offset, and an embargo dropped with it would be lifted at once)."""
    return value.replace(tzinfo=None)


def _dateutil_zone(name: str | None, offset: int | None) -> tzinfo | None:
    """The zone of a date dateutil read: a name articlekit knows, else the offset printed, else
    none. Given names alone, dateutil reads a name the machine's own zone has as that zone ("IST"
    India's in Kolkata, Ireland's in Dublin: a reading that hung on the machine)."""
    if name is not None and (known := _printed_zones().get(name)) is not None:
        return known
    if offset is None:
        return None
    return UTC if offset == 0 else timezone(timedelta(seconds=offset))


def format_printed(value: date) -> str:
    """``October 6, 2023``: the form wire stories print."""
    return f"{MONTH_NAMES[value.month - 1]} {value.day}, {value.year}"


# --- dates printed in other languages -------------------------------------------------------------
# German, French, Spanish, Italian and Portuguese news pages print "3. Dezember 2024, 14:30 Uhr",
# "mardi 3 décembre 2024 à 14h30", "3 de diciembre de 2024", "3 dicembre 2024 ore 14:30",
# "3 de dezembro de 2024 às 14h30", and day-first numbers "08.04.2015 12:46"; Chinese and
# Japanese pages "2016年10月14日 07:17".

FOREIGN_MONTHS: dict[str, int] = {
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
    "jan.": 1, "feb.": 2, "mär.": 3, "apr.": 4, "aug.": 8, "sep.": 9, "sept.": 9, "okt.": 10,
    "nov.": 11, "dez.": 12,
    # French
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7, "août": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    "janv.": 1, "févr.": 2, "avr.": 4, "juil.": 7, "oct.": 10, "déc.": 12,
    # Spanish
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "ene.": 1, "mar.": 3, "abr.": 4, "ago.": 8, "dic.": 12,
    # Italian
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12, "gen.": 1, "giu.": 6, "lug.": 7, "ott.": 10,
    # Portuguese
    "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9,
    "outubro": 10, "novembro": 11, "dezembro": 12, "fev.": 2, "set.": 9, "out.": 10,
    # Arabic (the Egyptian and Gulf names, the Levantine and Iraqi ones, the Maghreb's)
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5,
    "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9,
    "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7,
    "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "افريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "أوت": 8,
    "اوت": 8,
}  # fmt: skip
"""Month names (and abbreviations, which need their full stop) in German, French, Spanish, Italian,
Portuguese and Arabic; names shared with English (April, August) are here too."""
FOREIGN_WEEKDAYS = frozenset({
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
    "mo", "di", "mi", "do", "fr", "sa", "so",
    "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس", "الجمعة",
    "السبت",
})  # fmt: skip
ABBREVIATED_MONTHS: dict[str, int] = {
    **{
        name.rstrip("."): number
        for name, number in FOREIGN_MONTHS.items()
        if name[-1] == "." and name.rstrip(".") not in MONTHS
    },
    "mag": 5,
}
"""Months as a full date abbreviates them in German, French, Spanish, Italian or Portuguese, with
or without their full stop ("16 ago 2024", "3 mag. 2024"): read only between a day and a year.
The English abbreviations ("16 jul 2024") are :data:`MONTHS`' to read."""
FOREIGN_MONTH_PATTERN = "|".join(
    [
        *(
            re.escape(name) if name.endswith(".") else re.escape(name) + r"\b"
            for name in sorted(FOREIGN_MONTHS, key=len, reverse=True)
        ),
        *(re.escape(name) + r"\b\.?" for name in sorted(ABBREVIATED_MONTHS, key=len, reverse=True)),
    ]
)
"""A month's name in German, French, Spanish, Italian or Portuguese, for larger patterns."""
_TIME = (
    r"(?:\s*(?:,|-|–|—|\||um|à|a\s+las|a\s+la|às|as|alle|ore|at)?\s*(?:kl\.?|klo)?\s*"
    r"(?P<hour>\d{1,2})(?:[:h.](?P<minute>\d{2}))?\s*(?:uhr|horas|h|hs)?"
    r"\s*(?P<half>[ap]\.?\s?m\.?)?\s*(?P<zone>[A-Z]{1,5})?)?"
)
_FOREIGN = lazy_pattern(
    r"^(?:[^\W\d_][\w-]*\.?,?\s+)?"  # a weekday
    rf"(?P<day>\d{{1,2}})(?:\.|º|°|er)?\s+(?:de\s+)?(?P<month>{FOREIGN_MONTH_PATTERN})"
    r"(?:\s*/\s*[^\W\d_]+)?,?\s*"  # (the month's other name: Arabic "آب/اغسطس")
    rf"(?:de\s+|del\s+)?(?P<year>\d{{4}}){_TIME}\s*$",
    re.IGNORECASE,
)
_DAY_FIRST = lazy_pattern(
    r"^(?:[^\W\d_][\w-]*\.?,?\s+)?(?P<day>\d{1,2})(?P<separator>[./])(?P<month>\d{1,2})(?P=separator)"
    rf"(?P<year>\d{{4}}|(?<=[./])\d{{2}}(?!\d)){_TIME}\s*$",
    re.IGNORECASE,
)
"""Numbers with dots ("10.03.2024", "10.03.24"), day first; or with slashes ("10/03/2024",
"12/16/16 12:21pm"), which :func:`_numbers_in_order` puts in order."""
_TIME_FIRST = lazy_pattern(
    r"^(?P<word>(?:a\s+las|a\s+la|las|às|as|à|alle\s+ore|alle|ore|um)\s+)?"
    r"(?P<clock>(?P<hour>\d{1,2})(?P<minute>[:h.]\d{2})?"
    r"(?:(?P<unit>\s?(?:uhr|hs|h)\b)|(?P<half>\s?(?:a\.?\s?m\b\.?(?!\s+\d{1,2}\.)|p\.?\s?m\b\.?)))?)"
    r"(?P<zone>\s+(?-i:[A-Z]{1,5})\b)?"
    r"\s*,?\s+(?:(?:del|de|do|du|le|el|am)\s+)?(?P<date>\S.*)$",
    re.IGNORECASE,
)
"""A time printed before its date ("alle ore 10 del 5 giugno 2024", "a las 10:00 del 5 de junio
de 2024", "às 10h de 5 de junho de 2024", "10 Uhr am 5. Juni 2024", "10 h le 5 juin 2024"),
as embargo lines print it; its hour is a clock only with minutes, a unit, a half of the day or
a word for "at" before it (a bare number before a date is no time). An "am" after a unit or
before a day with its German stop is German "on" ("12 Uhr am 5. Juni", "12:00 am 5.6.2031":
noon, not midnight)."""
_EAST_ASIAN = lazy_pattern(
    r"^(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"
    r"(?:\s*\(?[^\d\s)]{0,3}\)?\s*(?P<hour>\d{1,2})[:时時](?P<minute>\d{2})分?"
    r"(?:\s*(?P<zone>[A-Z]{2,5}))?)?\s*$"
)

_EAST_ASIAN_ZONES: dict[str, tzinfo] = {
    name: timezone(timedelta(hours=hours), name)
    for name, hours in {"CST": 8, "HKT": 8, "JST": 9, "KST": 9, "UTC": 0, "GMT": 0}.items()
}
"""The zones a date printed with the East Asian year/month/day signs names: its CST is China
Standard Time ("2012年12月10日 10:41 CST", +08:00), not the American Central time of
:data:`ZONES`; Japan's and Korea's are read as :func:`parse_date` reads them elsewhere."""


def parse_foreign_date(text: str, day_first: bool = False) -> ParsedDate | None:
    """A date printed the German, French, Spanish, Italian or Portuguese way, day-first with dots
    (or slashes: see :func:`parse_date` for ``day_first``), or with the East Asian
    year/month/day signs; ``None`` for anything else."""
    text = " ".join(text.replace("،", ",").split()).strip(" ,;—–")  # (an Arabic comma too)
    if not text or len(text) > MAX_DATE_LENGTH:
        return None
    if text[0].isdigit() or text[0] in "aAàÀoOuUlL":
        time_first = _TIME_FIRST.match(text)
        if time_first is not None and _is_clock(time_first):
            clock, zone = time_first.group("clock"), time_first.group("zone") or ""
            moved = _date_first(f"{time_first.group('date')} {clock}{zone}", day_first)
            if moved is not None:
                return moved
    return _date_first(text, day_first)


def _date_first(text: str, day_first: bool = False, *, labelled: bool = False) -> ParsedDate | None:
    """:func:`parse_foreign_date` of a date printed before its time, if any."""
    worded = _FOREIGN.match(text)
    if worded is not None and not _weekday_ok(text, worded):
        return None
    match = worded or _DAY_FIRST.match(text) or _EAST_ASIAN.match(text)
    if match is None:
        return None
    fields = match.groupdict()
    order = (
        _numbers_in_order(match, day_first)
        if fields.get("separator") == "/"
        else (int(match.group("day")), _month(match.group("month").lower()))
    )
    if order is None or order[1] is None:
        return None
    year = match.group("year")
    if len(year) == 2 and not _short_year_ok(text, match, labelled):
        return None
    try:
        day = date(int(year) if len(year) == 4 else full_year(int(year)), order[1], order[0])
    except ValueError:
        return None
    if not fields.get("hour"):
        return ParsedDate(day)
    hour, minute = int(fields["hour"]), int(fields.get("minute") or 0)
    hour = _hour_of_day(hour, (fields.get("half") or "")[:1].lower())
    zones = _EAST_ASIAN_ZONES if "年" in match.group(0) else ZONES
    zone = zones.get((fields.get("zone") or "").upper())
    if hour > 23 or minute > 59:
        return ParsedDate(day)
    when = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
    return ParsedDate(day, when) if zone is None else ParsedDate(when)


def _short_year_ok(text: str, match: re.Match[str], labelled: bool) -> bool:
    """Whether a date with two digits of a year is one: after a weekday ("Mo., 6.11.23"), with
    a time after it ("6.11.23 um 14:05 Uhr"), after a date label ("Stand: 1.10.25"), or alone
    with two digits for its day and its month too ("06.11.23"); not after another word
    ("Version 1.2.24"), nor alone with a digit less ("1.10.25": a price, a version). With
    slashes only before a time of day with its minutes or "am"/"pm" ("12/16/16 12:21pm",
    "11/27/23 9 pm", as American sites print it): alone, "3/4/16" may be a ratio, a score or a
    fraction (the word before slashes :func:`_numbers_in_order` has checked)."""
    if match.group("separator") == "/":
        return match.group("minute") is not None or match.group("half") is not None
    if text[: match.start("day")].strip(" ,.") == "":
        padded = len(match.group("day")) == 2 and len(match.group("month")) == 2
        return labelled or padded or match.group("hour") is not None
    return _weekday_ok(text, match)


SHORT_YEAR_PIVOT = 69
"""Two digits of a year from this one on are the 1900s', below it the 2000s' ("06.11.23" is
2023, "06.11.99" 1999), as C's and Python's ``strptime`` read ``%y``: the same text reads the
same date whatever the day it is read on."""


def full_year(short: int) -> int:
    """The year a date printed with two digits means (see :data:`SHORT_YEAR_PIVOT`)."""
    return short + (1900 if short >= SHORT_YEAR_PIVOT else 2000)


def _month(text: str) -> int | None:
    """The month a date's word or number names."""
    if text.isdigit():
        return int(text)
    return FOREIGN_MONTHS.get(text) or ABBREVIATED_MONTHS.get(text.rstrip("."))


_ON = frozenset({"on", "le", "el", "al", "am", "em", "il"})
_ENGLISH_WEEKDAY = lazy_pattern(WEEKDAY, re.IGNORECASE)
"""An English weekday before numbers with slashes ("Tuesday 12/16/16 12:21pm")."""
"""The word for "on" (or "as of") before a date ("Le 17/02/2024", "Actualizado al 17/02/2024")."""


def _numbers_in_order(match: re.Match[str], day_first: bool) -> tuple[int, int] | None:
    """The day and month of a date of numbers with slashes: the order ``day_first`` says (when
    it gives a month), else the only one that gives a month, else none (10/03/2024: 10 March or
    October 3?). ``None`` too for a zone dateutil is to read, as before ("25/09/2024 06:05 ET",
    a zone :data:`ZONES` lacks), and after a word that is no weekday (English or another
    language's) nor "on"."""
    zone = match.group("zone")
    if zone is not None and zone.upper() not in ZONES:
        return None
    before = match.string[: match.start("day")].strip(" ,.").lower()
    if (
        before
        and before not in FOREIGN_WEEKDAYS
        and before not in _ON
        and not _ENGLISH_WEEKDAY.fullmatch(f"{before} ")
    ):
        return None  # ("Ferrytales 01/24/2020": a title, which dateutil refuses, as before)
    first, second = int(match.group("day")), int(match.group("month"))
    if second > 12 or (first <= 12 and not day_first and first != second):
        return (second, first) if first <= 12 < second else None
    return first, second


def _is_clock(match: re.Match[str]) -> bool:
    """Whether the number a :data:`_TIME_FIRST` match opens with is a time of day."""
    return any(match.group(part) for part in ("word", "minute", "unit", "half"))


def _weekday_ok(text: str, match: re.Match[str]) -> bool:
    """The word before the day, when there is one, is a weekday (not "Seite 3 März 2024")."""
    before = text[: match.start("day")].strip(" ,.").lower()
    return not before or before in FOREIGN_WEEKDAYS or before.rstrip(".") in FOREIGN_WEEKDAYS
