"""Datelines: the place (date, agency) that opens a story, as wire copy prints it.

Shared by every reader that finds a dateline inside body text (plain text, DOCX) or as a printed
string (NewsML-G2 ``dateline``). Recognised forms::

    CARACAS — ...                     Caracas — ...           (a dash after a capitalised place)
    CARACAS (AP) — ...                Berlin (dpa) - ...      (an agency in parentheses)
    LONDON, Oct 6 (Reuters) - ...     SEOUL, Aug. 20 (Yonhap) -- ...
    Berlin, 5. Juni (dpa) - ...       PARIS, 5 juin 2024 (AFP) - ...   (other languages' months)
    BUENOS AIRES, Argentina (AP) _ ...                        (ANPA's underscore dash)
    Caracas (—...                     (a web copy that lost the agency: "Caracas (Agency) —")
    Tegucigalpa, Jan 2 (EFE).- ...    (Spanish agencies' full stop and hyphen)
    MADRID.- ...                      (the same after a place in capitals)
    SAN JOSE, Calif., Oct. 15, 2024 /PRNewswire/ -- ...       (a press release wire's slashes)
    دمشق، سوريا (CNN) -- ...           (any script, when an agency follows)

A single hyphen or an underscore needs an agency or an all-capitals place, so that ordinary
sentences ("Well - maybe") are never taken for datelines.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from articlekit._text import lazy_pattern
from articlekit.prose.dates import FOREIGN_MONTH_PATTERN, MONTH

_WORD = r"[^\W\d_][\w'’./\-]*"
_CONNECTORS = {
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "les", "am", "an",
    "im", "upon", "on", "sur", "en", "of", "y", "el", "al",
}  # fmt: skip
_CONNECTOR = rf"(?:{'|'.join(sorted(_CONNECTORS))})"
_PLACE = rf"{_WORD}(?:\s+(?:{_CONNECTOR}\s+)?{_WORD}){{0,4}}"
_REGION = rf"{_WORD}(?:\s+{_WORD}){{0,3}}"
# A month in English or another language, in any case: "Oct 6", "5. Juni", "5 jun", "5 juin 2024",
# "5 de junio de 2024". The month's long alternation is written once, the day before it or (when
# there is none: a conditional group) after it: written twice, compiling it was half of the 4 ms
# that compiling the dateline pattern costs a one-shot conversion. (A month starts with a letter
# and a day with a digit, so the two orders never compete for one text.)
_ANY_MONTH = rf"(?i:{FOREIGN_MONTH_PATTERN}|{MONTH})"
_DAY_MONTH = (
    rf"(?:(?P<day_first>\d{{1,2}}(?:\.|º|°|er)?\s+(?:de\s+)?)?{_ANY_MONTH}"
    rf"(?(day_first)|\s+\d{{1,2}}))"
    rf"(?:,?\s+(?:de\s+)?\d{{4}})?"
)
# A single hyphen or underscore is a dash only between spaces: "COVID-19", "US-China" are words;
# or right after an agency and a full stop, as Spanish agencies print it: "(EFE).-".
_DASH = r"(?P<dash>—|–|―|--|(?<=\s)[-_](?=\s|$)|(?<=\)\.)-|(?<=[^\W\d_]{3}\.)-(?=\s))"
_AGENCY = r"(?:\((?:\s*(?P<agency>[^()\n]{1,40}?)\s*\))?|/(?P<slashed>[^/\s][^/\n]{0,39})/)"

_LATIN = lazy_pattern(
    rf"^(?P<place>{_PLACE}(?:,\s*{_REGION}){{0,2}}?)"
    rf"(?:,\s*(?P<date>{_DAY_MONTH}))?"
    rf"\s*(?:{_AGENCY}\.?|\.(?=-\s))?\s*{_DASH}[ \t]*"
)
_OTHER_SCRIPT = lazy_pattern(
    r"^(?P<place>[^\W\d_A-Za-z][^()\n—–_,.!?;:]{0,48}(?:[,،]\s*[^()\n—–_,.!?;:]{1,30})?)"
    rf"\s*\((?P<agency>[^()\n]{{1,40}}?)\)\s*{_DASH}[ \t]*"
)
_STRONG_DASHES = {"—", "–", "―", "--"}


SCAN_LIMIT = 200
"""Characters of a paragraph searched for a dateline (bounds the regular expressions' work)."""


class PrintedDateline(NamedTuple):
    place: str | None
    date_text: str | None
    agency: str | None


def split_dateline(text: str) -> tuple[PrintedDateline, str] | None:
    """The dateline opening ``text`` and the text after it, or ``None`` when there is none."""
    opening = text[:SCAN_LIMIT]  # a dateline is short; the patterns need not see a long paragraph
    if not ("-" in opening or "—" in opening or "–" in opening or "―" in opening or "_" in opening):
        return None  # (both patterns end with a dash, and every dash holds one of these)
    match = _LATIN.match(opening)
    if match is not None and _acceptable(match):
        place = match.group("place").strip()
        if opening[match.start("dash") - 1] == "." and not match.group("agency"):
            place = place.removesuffix(".")  # ("MADRID.- ...")
        return PrintedDateline(place, match.group("date"), _agency(match)), text[match.end() :]
    match = _OTHER_SCRIPT.match(opening)
    if match is not None:
        place = match.group("place").strip()
        return PrintedDateline(place, None, _agency(match)), text[match.end() :]
    return None


def _agency(match: re.Match[str]) -> str | None:
    agency = match.group("agency") or match.groupdict().get("slashed")
    return agency.strip() if agency and agency.strip() else None


def _acceptable(match: re.Match[str]) -> bool:
    place = match.group("place")
    if len(place) > 60 or not _capitalised(place):
        return False
    slashed = match.group("slashed")
    if slashed and not match.group("date") and "wire" not in slashed.casefold():
        return False  # ("Oslo /ˈʊslu/ —", "Jane Doe /Staff/ —": a pronunciation, a credit)
    if place.upper().rstrip(".") in _LABELS:
        return False  # (a label with a date or an agency is no place either: "EN DIRECT, 5 juin —")
    has_parenthesis = "(" in match.group(0)
    if has_parenthesis or match.group("date") or slashed:
        return True
    # Without an agency or a date, only a dash says "dateline", and dashes also set off asides
    # ("Mr Smith — who lives here — said") and labels ("BREAKING —"): be strict.
    letters = list(filter(str.isalpha, place))
    all_capitals = len(letters) >= 2 and all(map(str.isupper, letters))
    words = place.replace(",", " ").split()
    if (
        len(letters) < 2
        or any(map(str.isdigit, place))
        or (not all_capitals and (words[0].lower() in _NOT_PLACES or _opens_aside(match)))
        or (not all_capitals and not _title_case_place(words, letters))
        or (not all_capitals and _named_like_person(place))
    ):
        return False
    if match.group("dash") in _STRONG_DASHES:
        return True
    return all_capitals and match.group("dash") == "-"


_LABELS = {
    "BREAKING", "BREAKING NEWS", "OPINION", "WATCH", "ANALYSIS", "UPDATE", "UPDATED", "EXCLUSIVE",
    "COMMENT", "EDITORIAL", "LIVE", "VIDEO", "PHOTOS", "REVIEW", "EXPLAINER", "FACT CHECK",
    "CORRECTION", "ADVISORY", "URGENT", "FLASH", "BULLETIN", "NEW", "SPONSORED", "LISTEN",
    "PODCAST", "ANALYSE", "KOMMENTAR", "EILMELDUNG", "OPINIÓN", "OPINIÃO", "EXCLUSIVA",
    "EXCLUSIVO", "EXCLUSIF", "ÚLTIMA HORA", "EN VIVO", "AO VIVO", "EN DIRECT", "DIRECT",
    "DIRECTO", "VÍDEO", "VIDÉO", "FOTOS", "GALERÍA", "ENTREVISTA", "ANÁLISIS", "ANÁLISE",
    "CRÓNICA", "REPORTAJE", "URGENTE", "ACTUALIZACIÓN", "ATUALIZAÇÃO", "INTERVIEW",
    "ESCLUSIVA", "DIRETTA", "ULTIM'ORA", "ULTIM’ORA", "INTERVISTA", "ANALISI", "COMMENTO",
    "EDITORIALE", "FOTO", "EXKLUSIV", "LIVETICKER", "MEINUNG", "GASTBEITRAG",
    # editors' notes, corrections and a wire picture's "FILE -" (an archive picture)
    "EDITOR'S NOTE", "EDITORS' NOTE", "EDITOR’S NOTE", "EDITORS’ NOTE", "EDITOR'S NOTES",
    "EDITORS NOTE", "NOTE", "CLARIFICATION", "CORRECTED", "FILE", "FILE PHOTO", "ARCHIVE",
    "ANMERKUNG DER REDAKTION", "HINWEIS DER REDAKTION", "KORREKTUR", "RICHTIGSTELLUNG",
    "ARCHIV", "ARCHIVBILD", "NOTE DE LA RÉDACTION", "NOTE DE LA REDACTION", "RECTIFICATIF",
    "CORRECTIF", "ARCHIVES", "NOTA DEL EDITOR", "NOTA DE LA REDACCIÓN", "NOTA DEL EDITORE",
    "CORRECCIÓN", "ACLARACIÓN", "ARCHIVO", "NOTA DELLA REDAZIONE", "CORREZIONE", "RETTIFICA",
    "ARCHIVIO", "NOTA DO EDITOR", "NOTA DA REDAÇÃO", "CORREÇÃO", "ARQUIVO",
}  # fmt: skip
"""Labels that open stories with a dash but are not places."""
_NOT_PLACES = {
    "the", "a", "an", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "president",
    "prime", "minister", "senator", "i", "we", "he", "she", "it", "they", "this", "that", "but",
    "and", "or", "so", "yes", "no", "now", "then", "here", "there", "our", "my", "your", "his",
    "her", "their", "its", "why", "how", "what", "who", "when", "where", "which", "new",
}  # fmt: skip
"""First words of Title-case phrases that are people or sentences, not places."""
PLACE_OPENINGS = frozenset({
    "new", "san", "santa", "são", "saint", "st.", "sainte", "los", "las", "rio", "buenos",
    "port", "fort", "hong", "tel", "abu", "kuala", "cape", "ciudad", "nueva", "nouvelle",
    "bad", "sankt", "mount", "puerto",
})  # fmt: skip
"""Words many places' names of two words or more open with ("San José", "Los Angeles", "Rio de
Janeiro", "Hong Kong", "Bad Ems", "Sankt Gallen"), a person's name never."""
PLACE_JOINS = frozenset({"am", "an", "ob", "upon", "on", "sur", "sous", "im", "bei"})
"""Small words that join a place's name to its river or its region ("Frankfurt am Main",
"Stratford upon Avon", "Châlons sur Marne"), never a person's names (whose particles are "de",
"van", "von", ...)."""
_DASH_IN_SENTENCE = lazy_pattern(r"[^.!?\n]*?(?:—|–|―|--)")


PLACE_WORDS = 3
"""A place printed in title case without agency or date has at most this many words (connectors
aside): "Rio de Janeiro" is a place, "Our BI Research Shows" a headline."""


def _title_case_place(words: list[str], letters: list[str]) -> bool:
    """A title-case place opening a story with only a dash ("Caracas —") is a Latin-script habit;
    in other scripts such a word is a sentence's subject ("Они – ...")."""
    named = [word for word in words if word not in _CONNECTORS]
    return len(named) <= PLACE_WORDS and (not letters or max(letters) < "\u0250")


def _named_like_person(place: str) -> bool:
    """A title-case place of two words or more with no region after a comma, and not opening as
    places do: a name ("Jane Doe — ..."), not a dateline; a place in capitals ("NEW DELHI —"), one
    word ("Caracas —") or one with its region ("Newport News, Va. —") stays one."""
    named = [word for word in place.split() if word not in _CONNECTORS]
    return "," not in place and len(named) >= 2 and named[0].casefold() not in PLACE_OPENINGS


def _opens_aside(match: re.Match[str]) -> bool:
    """Lower-case words closed by a second dash before the sentence ends: the first dash opened an
    aside ("Jane Doe — who lives here — said"); after a dateline a sentence starts instead."""
    after = match.string[match.end() :].lstrip()
    return after[:1].islower() and _DASH_IN_SENTENCE.match(after) is not None


def _capitalised(place: str) -> bool:
    """Every word of a place name starts with a capital (connectors such as "de" aside)."""
    words = place.replace(",", " ").split()  # (the words between spaces and commas)
    return all(word[0].isupper() or word in _CONNECTORS for word in words)


def format_dateline(dateline: PrintedDateline, dash: str = "—") -> str:
    """The printed form, ending with the dash, e.g. ``LONDON, Oct 6 (Reuters) —``."""
    text = dateline.place or ""
    if dateline.date_text:
        text = f"{text}, {dateline.date_text}" if text else dateline.date_text
    if dateline.agency:
        text = f"{text} ({dateline.agency})" if text else f"({dateline.agency})"
    return f"{text} {dash}"


_AGENCY_AT_END = lazy_pattern(r"^(?P<place>.*?) ?\((?P<agency>[^()]{1,40})\)$")


def read_printed(text: str) -> PrintedDateline | None:
    """A dateline printed on its own (a ``dateline`` element, a Dateline paragraph): the rules
    above, else everything before an agency in parentheses is the place, else all of it."""
    text = " ".join(text.split()).rstrip(" -—–―_")  # single spaces: the patterns cannot backtrack
    if not text:
        return None
    found = split_dateline(f"{text} —")
    if found is not None and not found[1].strip():
        return found[0]
    match = _AGENCY_AT_END.match(text)
    if match is not None:
        return PrintedDateline(match.group("place") or None, None, match.group("agency").strip())
    return PrintedDateline(text, None, None)


def dateline_fields(dateline: PrintedDateline) -> dict[str, str]:
    """The parts a dateline has, as Dateline field values."""
    return {key: value for key, value in dateline._asdict().items() if value}
