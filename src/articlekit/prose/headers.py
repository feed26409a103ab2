"""Header lines: what news pages print between a headline and the story, in several languages.

:func:`read_header` says what one line is, without any context::

    By Jane Doe | Westcliff Courier          byline (names, outlet)
    Von Christian Hollmann, dpa              byline
    Published: October 6, 2023              published      Veröffentlicht am 3. Dezember 2024
    Updated 10:15 AM EDT, Fri Oct 6, 2023    updated        Mis à jour le 05.05.2015 à 20h13
    Publié le 4 mai 2015 / Publicado el ... / Pubblicato il ... / Publicado em ...
    Orinoco Tribune, October 6, 2023 —      source and date
    Source: Reuters / Quelle: dpa / Fuente: EFE / Fonte: Lusa
    AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 09:12)
                                             a news agency's name, then the dates: source, dates
    3. Dezember 2024 · 14:30                 a bare date (or date and time)
    3 hours ago / vor 3 Stunden / il y a 3 heures / hace 3 horas / 3 ore fa / há 3 horas
                                             relative date (kept as text: its day is unknown)
    5 min read / Lesezeit: 5 Minuten / Temps de lecture : 5 min
                                             reading time
    Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 | Par Martin Untersinger
                                             several, split at ``|``, ``·``, ``•``

English, German, French, Spanish, Italian and Portuguese labels are known. Dates are read by
:mod:`articlekit.prose.dates`; bylines by :mod:`articlekit.prose.byline`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from articlekit._text import lazy_pattern, shortened
from articlekit.prose import dates
from articlekit.prose.byline import (
    AGENCIES,
    Byline,
    holds_case_trap,
    is_labelled_byline,
    may_follow_date,
    may_open_with_label,
    parse_byline,
    spaced,
    uncommented,
)
from articlekit.prose.dateline import PLACE_JOINS, PLACE_OPENINGS
from articlekit.prose.furniture import furniture_kind, is_furniture
from articlekit.prose.substrings import AnyOf

if TYPE_CHECKING:
    from collections.abc import Mapping

    from articlekit.model import Article
    from articlekit.registry import Context

HEADER_LIMIT = 200
"""Header lines are short; longer lines are body text."""
DATE_LIMIT = 60
RELATIVE_LIMIT = 20
"""A relative date without digits ("yesterday", "aujourd'hui") is a short line."""
"""A bare date line is at most this long."""

_PUBLISHED_ENGLISH = (
    r"published on|published|first published|originally published|posted on|posted|post date|"
    r"date|released|article published|article published on"
)
_UPDATED_ENGLISH = (
    r"updated on|updated|last updated on|last updated|modified|last modified|revised|"
    r"article updated|article updated on"
)
_ENGLISH_LABELS = frozenset(f"{_PUBLISHED_ENGLISH}|{_UPDATED_ENGLISH}".split("|"))
"""Labels in English, whose language may write numeric dates either way ("Published: 02/11/2023",
2 November or February 11?); the others' languages write them day first."""
_PUBLISHED = (
    rf"{_PUBLISHED_ENGLISH}|"
    r"veröffentlicht|veröffentlicht am|zuerst veröffentlicht|zuerst veröffentlicht am|"
    r"artikel veröffentlicht|artikel veröffentlicht am|article publié|article publié le|"
    r"artículo publicado|artículo publicado el|articolo pubblicato|articolo pubblicato il|"
    r"artigo publicado|artigo publicado em|"
    r"erschienen|erschienen am|erscheinungsdatum|erstellt|"
    r"erstellt am|datum|"
    r"publié|publié le|date de publication|mis en ligne|mis en ligne le|"
    r"publicado|publicado el|publicado em|publicado a|publicado a las|fecha|"
    r"pubblicato|pubblicato il|data di pubblicazione|data|publicação|publiziert|publiziert am|"
    r"publisert|publicerad|publiceret|udgivet|julkaistu|"
    r"giriş|yayınlanma|yayınlanma tarihi|yayın tarihi"
)
_UPDATED = (
    rf"{_UPDATED_ENGLISH}|"
    r"aktualisiert|aktualisiert am|zuletzt aktualisiert|zuletzt aktualisiert am|geändert|"
    r"artikel aktualisiert|artikel aktualisiert am|article mis à jour|article mis à jour le|"
    r"artículo actualizado|artículo actualizado el|articolo aggiornato|articolo aggiornato il|"
    r"artigo atualizado|artigo atualizado em|"
    r"editiert|editiert am|bearbeitet|bearbeitet am|"
    r"letzte aktualisierung|letzte änderung|zuletzt geändert|zuletzt geändert am|"
    r"geändert am|stand|mis à jour|mis à jour le|modifié|modifié le|dernière mise à jour|"
    r"actualizado|actualizado el|actualizado a las|última actualización|modificado|"
    r"aggiornato|aggiornato il|ultimo aggiornamento|modificato|"
    r"atualizado|atualizado em|atualizado às|última atualização|"
    r"oppdatert|uppdaterad|opdateret|päivitetty|"
    r"güncelleme|son güncelleme|güncellenme|güncellenme tarihi|"
    r"آخر تحديث|تحديث"
)
_SOURCE = r"source|sources|quelle|quellen|fuente|fuentes|fonte|fontes|bron"
_SUBJECT_LABEL = lazy_pattern(r"^(?:post date|erscheinungsdatum)\b", re.IGNORECASE)
"""Labels that open sentences as often as date lines: only a date they can read follows them."""


def _longest_first(labels: str) -> str:
    """Alternatives of labels, longer first: a label that opens a longer one ("date", "date de
    publication"; "yayınlanma", "yayınlanma tarihi") would match first and leave the rest of the
    longer one as the value, which reads no date."""
    return "|".join(sorted(labels.split("|"), key=len, reverse=True))


_LABEL = lazy_pattern(
    rf"^(?:(?P<updated>{_longest_first(_UPDATED)})|(?P<published>{_longest_first(_PUBLISHED)})"
    rf"|(?P<source>{_longest_first(_SOURCE)}))"
    r"(?:\s*:\s*|\s+on\s+|\s+am\s+|\s+le\s+|\s+el\s+|\s+em\s+|\s+il\s+|\s+|(?(source)(?!)|(?=\d)))"
    r"(?P<value>\S.*)$",
    re.IGNORECASE,
)
"""A date's or a source's label, then its value; a date label may be run into the date's digits
("Publiziert17. Dezember 2025"), as a browser's copy joins the label's element and the date's."""
SOURCE_DATE = lazy_pattern(
    rf"^(?P<source>[^\n]{{2,80}}?),\s+(?P<date>{dates.DATE_PATTERN}|\d{{4}}-\d{{2}}-\d{{2}}\S*)"
    r"\s*(?:[—–-]+|\|)?\s*$",
    re.IGNORECASE,
)
"""``Source, October 6, 2023 —``: the source and date line of the user's sample."""
_CLOCK_FIRST = lazy_pattern(r"\d{1,2}[:.]\d{2}(?!\d)")
"""A time of day that opens a line ("12:43, 20 Apr 2026"): the date's time, printed before it, not
the name of a source (:data:`SOURCE_DATE`)."""
_SEPARATOR = lazy_pattern(r"\s+[|·•/]\s+")
_DIGIT = lazy_pattern(r"\d")
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}  # fmt: skip
_UNITS = (
    r"sec(?:ond)?s?|min(?:ute)?s?|mins|hours?|hrs?|h|days?|weeks?|months?|years?|"
    r"sekunden|minuten|stunden|tagen|tag|wochen|monaten|jahren|"
    r"secondes?|minutes?|heures?|jours?|semaines?|mois|ans?|"
    r"segundos?|minutos?|horas?|días?|dias?|semanas?|meses|mes|años?|anos?|"
    r"secondi|minuti|minuto|ore|ora|giorni|giorno|settimane|mesi|anni"
)
RELATIVE_DATE = lazy_pattern(
    r"^(?:(?:updated|published|posted|aktualisiert|veröffentlicht|publié|mis à jour|publicado|"
    r"actualizado|pubblicato|aggiornato|atualizado)\s*:?\s*)?"
    rf"(?:(?:\d+|an?|one)\s+(?:{_UNITS})\s+ago|vor\s+(?:\d+|einer?|einem)\s+(?:{_UNITS})|"
    rf"il y a\s+(?:\d+|une?)\s+(?:{_UNITS})|hace\s+(?:\d+|una?)\s+(?:{_UNITS})|"
    rf"(?:\d+|un|una)\s+(?:{_UNITS})\s+fa|há\s+(?:\d+|uma?)\s+(?:{_UNITS})|"
    r"just now|today|yesterday|heute|gestern|aujourd'hui|hier|hoy|ayer|oggi|ieri|hoje|ontem)"
    r"(?:,?\s+(?:at\s+|um\s+|à\s+|a las\s+|alle\s+|às\s+)?\d{1,2}[:h.]\d{2}\s*(?:uhr|h)?)?$",
    re.IGNORECASE,
)
"""``3 hours ago`` and its kin: a date that is only known relative to the reading."""
READING_TIME = lazy_pattern(
    r"^(?:(?:reading time|read time|time to read|lesezeit|lesedauer|temps de lecture|"
    r"durée de lecture|lecture|tiempo de lectura|lectura|tempo di lettura|lettura|"
    r"tempo de leitura|leitura)\s*:?\s*(?:ca\.?\s*|approx\.?\s*|about\s*)?\d+(?:\s*-\s*\d+)?\s*"
    r"(?:min(?:ute)?s?|minuten|minutos|minuti|mn)\.?(?:\s+(?:read|reading|lesen))?"
    r"|\d+(?:\s*-\s*\d+)?\s*(?:min(?:ute)?s?|minuten|minutos|minuti|mn)\.?\s*"
    r"(?:read|reading|lesezeit|lesedauer|lesen|de lecture|de lectura|di lettura|de leitura|"
    r"leitura|lettura|lectura))$",
    re.IGNORECASE,
)
"""``5 min read``, ``Lesezeit: 5 Minuten``, ``Temps de lecture : 5 min``, ``Reading Time: 3 mins
read``."""
_RELATIVE_WORDS = (
    "ago", "vor", "il y a", "hace", "fa", "há", "just now", "today", "yesterday", "heute",
    "gestern", "aujourd'hui", "hier", "hoy", "ayer", "oggi", "ieri", "hoje", "ontem",
)  # fmt: skip
"""A word that every match of :data:`RELATIVE_DATE` holds, in some case."""
_MINUTES = ("min", "mn")
"""A word that every match of :data:`READING_TIME` holds, in some case."""
_holds_relative_word = AnyOf(_RELATIVE_WORDS)
_holds_minutes = AnyOf(_MINUTES)


def _may_hold(text: str, words: AnyOf) -> bool:
    """Whether ``text`` holds one of ``words`` (lower case) as a case-blind pattern finds them:
    a pattern that needs one of them can match only then. A test of a microsecond that spares
    most header lines the long case-blind patterns, and a one-shot conversion compiling them
    (4 ms for :data:`RELATIVE_DATE`)."""
    return holds_case_trap(text) or words(text.lower())


_FLAG_PHRASE = lazy_pattern(
    r"^(?:(?:for )?immediate release|press release|news release|media release|"
    r"pressemitteilung|presseinformation|zur sofortigen veröffentlichung|"
    r"communiqué de presse|pour (?:diffusion|publication) immédiate|"
    r"comunicado de prensa|nota de prensa|para (?:su )?(?:publicación|difusión) inmediata|"
    r"comunicato stampa|per (?:la )?(?:pubblicazione|diffusione) immediata|"
    r"comunicado de imprensa|comunicado à imprensa|nota à imprensa|"
    r"para (?:divulgação|publicação) imediata|(?:per la )?diffusione immediata"
    r")[.:]?$"
    r"|^(?-i:URGENT|FLASH|BULLETIN|ADVISORY|EILT|EILMELDUNG|BLITZ|URGENTE|BREAKING(?: NEWS)?"
    r"|(?:HOLD )?FOR RELEASE\s.*)$",
    re.IGNORECASE,
)
_HOLD = lazy_pattern(
    r"^(?:not for publication|do not (?:publish|release)|hold for release|"
    r"nicht (?:zur veröffentlichung|veröffentlichen)|ne pas (?:publier|diffuser)|"
    r"no (?:publicar|difundir)|non (?:pubblicare|diffondere)|não (?:publicar|divulgar)"
    r")[.!]?$|^(?-i:HOLD)[.!]?$",
    re.IGNORECASE,
)
"""A whole line that holds the story with no end, in the wires' languages: "NOT FOR
PUBLICATION", "HOLD FOR RELEASE", "Nicht veröffentlichen", "No publicar", "HOLD" in capitals
("Harbour board puts ferry plan on hold" holds no story)."""
_NOT_BEFORE = (
    r"ne pas (?:diffuser|publier) avant|no (?:publicar|difundir) antes del?|"
    r"non (?:pubblicare|diffondere) prima d(?:el|ella|elle|i)?|"
    r"não (?:publicar|divulgar) antes d[eoa]s?|do not (?:publish|release) before"
)
"""Do not publish before: an embargo's label in the wires' languages, whose time follows it."""
_RELEASE_LABEL = lazy_pattern(
    r"^(?:(?P<label>embargoed|embargo|embargado|under embargo|sous embargo|sperrfrist|"
    r"hold for release|for release|not for publication)\s*(?::|\s(?:until|till|before|bis|"
    r"jusqu['’](?:au|à)|hasta|fino al(?:le)?|fino a|até|at|on|after)\b|(?=\s\d))"
    rf"|(?P<before>{_NOT_BEFORE})\s)"
    r"\s*(?P<when>.+)$",
    re.IGNORECASE,
)
_CLOCK = lazy_pattern(
    r"\b\d{1,2}(?:[:.h]\d{2}\b|\s?(?:a\.?m\b|p\.?m\b|uhr\b|h\b))"
    r"|\b[0-2]\d[0-5]\d\s?(?:GMT|UTC|[A-Z]{1,3}T)\b"  # ("0001 GMT", the wires' clock)
    r"|\b\d{1,2}[:.h]?\d{2}(?=[A-Z]{1,4}\b)"  # (a clock run into its zone: "2300GMT")
    r"|\b(?:ore|las|às|alle|um)\s\d{1,2}\b",  # (an hour after "at": "hasta las 10 del ...")
    re.IGNORECASE,
)


def embargo_as_read(text: str) -> date | datetime | None:
    """The embargo a flag line gives as :func:`read_embargo` reads it without a zone chosen by
    the user (a time printed without a known zone at UTC-12); ``None`` when it gives none. A
    writer compares it with the article's embargo to know whether the line still says it."""
    from articlekit.registry import Context

    release = _release(text, placed=True)
    if release is None or release.date is None:
        return None
    return placed_embargo(release, text, "the embargo", Context())  # (its warnings unsaid)


def read_flags(
    flags: list[str],
    fields: dict[str, Any],
    context: Context,
    line: int | Sequence[int] | None = None,
) -> None:
    """What the flag lines over a headline give the article's ``fields``: the embargo
    (:func:`read_embargo`), and a hold with no end ("EMBARGOED UNTIL FURTHER NOTICE"), which no
    embargo field can say: the status ``withheld`` (IPTC's "not to be published until further
    notice": NewsML-G2 ``pubStatus``, ninjs ``pubstatus``, NITF ``management-status``, Hugo's
    ``draft``) and the line as the editor's note, each when the source gives none. An embargo
    whose time cannot be read holds the article the same way (see :func:`held`), unless the
    source gives the embargo."""
    if fields.get("embargoed") is None and (embargo := read_embargo(flags, context, line)):
        fields["embargoed"] = embargo
    hold = held(flags if fields.get("embargoed") is None else list(filter(_gives_no_end, flags)))
    if hold is not None:
        fields["status"] = fields.get("status") or "withheld"
        fields["editor_note"] = fields.get("editor_note") or hold


def after_edit(
    note: str | None, status: str | None, before: list[str], after: list[str], context: Context
) -> tuple[str | None, str | None]:
    """The editor's note and the status of an article whose flag lines ``before`` (as written in
    Word or on a page) were edited into ``after``, saying what of a deleted hold or embargo still
    holds it: one rule for every reader of an edited copy."""
    report_flags_kept(before, after, context)
    return note_after_edit(note, before, after), status_after_edit(status, before, after)


def note_after_edit(note: str | None, before: list[str], after: list[str]) -> str | None:
    """The editor's note once the flag lines ``before`` were edited into ``after`` (in Word, on
    a page): a note that was one of them (a hold with no end, see :func:`read_flags`) follows
    the edit (:func:`hold_after_edit`); another note stays."""
    return note if note is not None and note not in before else hold_after_edit(before, after)


def status_after_edit(status: str | None, before: list[str], after: list[str]) -> str | None:
    """The article's status once the flag lines ``before`` were edited into ``after``: withheld
    while a hold with no end stands (:func:`hold_after_edit`; an embargo changed to "until
    further notice" is withheld); a withholding that came with a hold an embargo replaced ends
    (the embargo field says when it may run)."""
    if hold_after_edit(before, after) is not None:
        return status if status == "canceled" else "withheld"  # (canceled is held for good)
    return None if status == "withheld" and held(before) is not None else status


def hold_after_edit(before: list[str], after: list[str]) -> str | None:
    """The hold with no end over an article once its flag lines ``before`` were edited into
    ``after``: the one they show, else the one before unless a line the edit wrote gives an
    embargo in its place (one shown before does not: it stood beside the hold). A hold deleted
    or changed into other words stands, as a deleted embargo notice leaves the embargo: only a
    date releases an article."""
    new = held(after)
    if new is not None or held(before) is None:
        return new
    shown = set(_spaced(before))  # (as readers give them)
    dated = (line for line in after if spaced(line) not in shown)  # (a line the edit wrote)
    return None if any(embargo_as_read(line) is not None for line in dated) else held(before)


def report_flags_kept(before: list[str], after: list[str], context: Context) -> None:
    """Say that a hold with no end (see :func:`hold_after_edit`) or an embargo an edit deleted
    or reworded still holds the article, and how to release it: a user who deleted the line
    expects the story to go out."""
    hold = hold_after_edit(before, after)
    if hold is not None and held(after) is None:
        context.warn(
            "embargo-hold-kept",
            f"the flag line {hold!r} was deleted or reworded, but only a line that gives an "
            "embargo's date releases a held article: it stays withheld (give such a line, or "
            "set the status, to release it)",
        )
        return
    dated = [line for line in before if embargo_as_read(line) is not None]
    if dated and hold is None and not any(embargo_as_read(line) is not None for line in after):
        context.warn(
            "embargo-kept",
            f"the flag line {dated[0]!r} was deleted or reworded, but a deleted notice does not "
            "lift an embargo: it stands (give a line with another date, or clear the embargo "
            "field, to change it)",
        )


def holds_story(flags: list[str]) -> bool:
    """Whether flag lines give an embargo or hold the story with no end: read as flags even
    with no headline under them."""
    return held(flags) is not None or any(is_embargo_line(flag) for flag in flags)


def held(flags: list[str]) -> str | None:
    """The first flag line that holds the article with no end: a hold ("EMBARGOED UNTIL FURTHER
    NOTICE"), or, when no line gives an embargo's date, an embargo line whose time cannot be read
    ("Sperrfrist: Mittwoch, 10 Uhr", a date without its year): published at once, the article
    would be lifted before any time the line can mean."""
    hold = next((flag for flag in flags if _gives_no_end(flag)), None)
    if hold is not None or not any(is_embargo_line(flag) for flag in flags):
        return hold
    if any(embargo_as_read(flag) is not None for flag in flags):
        return None
    return next(flag for flag in flags if is_embargo_line(flag))


def read_embargo(
    flags: list[str], context: Context, line: int | Sequence[int] | None = None
) -> date | datetime | None:
    """The end of the embargo the first flag line that gives a whole date gives (``line``: the
    first flag's line, the others under it, or each flag's, for warnings): its time in the zone
    printed; a time without one in the user's zone, else at UTC-12
    (:func:`~articlekit.prose.dates.embargo_zoned`); a time in a zone articlekit does not know at
    UTC-12 always, reported (the user's zone would be a guess at it). A date alone stays a date,
    from that day on: writers that need a time write its midnight at UTC-12
    (:func:`~articlekit.prose.dates.embargo_end`). Never earlier than the source can mean. A hold
    with no end is reported wherever it stands."""
    found: date | datetime | None = None
    for offset, flag in enumerate(flags):
        number = line + offset if isinstance(line, int) else None if line is None else line[offset]
        release = _release(flag, placed=True)
        if release is None and _gives_no_end(flag):
            release = Release(None, indefinite=True)  # ("NOT FOR PUBLICATION": no time to read)
        if release is None or (found is not None and not release.indefinite):
            continue
        if release.date is not None:
            found = placed_embargo(release, flag, "the embargo", context, number)
        elif release.indefinite:
            context.warn(
                "embargo-indefinite",
                f"{flag!r}: the article is held with no end, which no embargo field can say; "
                "kept as the flag line (in extras), and as the status withheld and the editor's "
                "note if the source gives none (what reads the embargo field alone does not see "
                "it)",
                line=number,
            )
        else:  # (kept in the flags as printed, but in no field)
            context.warn(
                "date-unparsed",
                f"{flag!r}: the embargo's time cannot be understood; the article is held"
                " (the status withheld and the line as the editor's note, if the source gives"
                " none) until an embargo is set",
                line=number,
            )
    return found


def placed_embargo(
    release: Release, raw: str, what: str, context: Context, line: int | None = None
) -> date | datetime:
    """The embargo a release time that gives a date (``raw`` as written, ``what`` it is, for
    warnings) means at the latest: a printed zone's later reading at a clock change ("01:30
    ET"), a time without zone placed by :func:`~articlekit.prose.dates.embargo_zoned`, a clock
    of which only the date could be read that day's last minute at UTC-12, reported."""
    embargo = release.date
    assert embargo is not None
    if release.clock_unread:
        context.warn(
            "date-unparsed",
            f"{what} {shortened(raw.strip(), 60)!r}: its time cannot be understood, only its "
            f"date; kept as "
            f"{embargo.value.isoformat()}, the day's last minute at UTC-12, so that it is never "
            "lifted early",
            line=line,
        )
        return embargo.value
    if embargo.naive is None:
        value = embargo.value
        return dates.latest_reading(value) if isinstance(value, datetime) else value
    return dates.embargo_zoned(embargo.naive, raw, what, context, line)


FLAG_KEYS = ("text:flags", "docx:flags", "html:flags")
"""The extras in which the text, DOCX and HTML readers keep the flag lines above a headline."""


def flags_above(article: Article, own: str) -> list[str]:
    """The flag lines a writer prints above the article's headline: those a reader kept in its
    extras that still read as flags, under the writer's own key ``own`` (what its reader read
    last) else another reader's, with the article's embargo among them, and a hold with no end
    only while the article is not usable (released, its line goes as a lifted embargo's does);
    none without a headline (readers read flags only above one)."""
    if not article.headline:
        return []
    return flag_lines(
        article.extras, article.embargoed, own, status=article.status, note=article.editor_note
    )


def flag_lines(
    extras: Mapping[str, Any],
    embargoed: date | datetime | None,
    own: str,
    *,
    status: str | None = None,
    note: str | None = None,
) -> list[str]:
    """:func:`flags_above` of an article with these ``extras``, embargo, status and editor's
    ``note``: a withheld article's note that holds it with no end is shown first when no kept
    line does (from NITF, NewsML-G2, ninjs: the hold reached text as a dropped note, and the
    story read back was no longer held); so is the note of one with no embargo that is an
    embargo's line (``Embargoed: 5 June 2031 10:00 GMT``, which the NITF and NewsML-G2 readers
    make of an embargo whose date is not theirs to read): shown, its date is read back, where the
    story went out at once."""
    kept: list[str] = []
    for key in (own, *FLAG_KEYS):
        lines = extras.get(key)
        if isinstance(lines, list):
            kept = [
                line
                for line in lines
                if isinstance(line, str)
                and is_flag_line(line, placed=True)
                and not (status == "usable" and _gives_no_end(line))
            ]
            break
    if status == "withheld" and note and held(kept) is None:
        if held([note]) is not None:
            kept = [note, *kept]
        elif embargoed is None and is_embargo_line(note):
            # (past _with_embargo, which leaves out a line giving an embargo the article lacks)
            return [note, *_with_embargo(kept, embargoed)]
    return _with_embargo(kept, embargoed)


def flags_edited(
    shown: list[str],
    extras: Mapping[str, Any],
    embargoed: date | datetime | None,
    own: str,
    *,
    status: str | None = None,
    note: str | None = None,
) -> bool:
    """Whether the flag lines a document articlekit wrote shows over its headline were edited:
    neither those its writer shows (:func:`flag_lines`) nor those articlekit showed before 1.4
    (the embargo alone)."""
    before = _spaced(flag_lines({}, embargoed, own))
    written = _spaced(flag_lines(extras, embargoed, own, status=status, note=note))
    return _spaced(shown) != written and (not before or _spaced(shown) != before)


def shows_note(note: str | None, flags: list[str]) -> bool:
    """Whether the editor's ``note`` is one of the ``flags`` a writer shows (a hold with no end):
    told with spaces run together, as the model keeps a note and readers give lines."""
    return note is not None and spaced(note) in _spaced(flags)


def _spaced(lines: list[str]) -> list[str]:
    """Flag lines with their spaces run together, as the Word and page readers give them."""
    return [spaced(line) for line in lines]


def with_flags(extras: Mapping[str, Any], key: str, flags: object) -> dict[str, Any]:
    """``extras`` with the flag lines a reader read last, under its ``key``, in place of those
    any reader kept before (which writers would show first were they kept beside them)."""
    kept = {name: value for name, value in extras.items() if name not in FLAG_KEYS}
    return {**kept, key: flags} if flags else kept


def only_flags(extras: Mapping[str, Any]) -> bool:
    """Whether ``extras`` hold flag lines alone: a writer that shows :func:`flags_above` carries
    them whole (each shown, or one that gives an embargo replaced by the notice of the
    article's own)."""
    return bool(extras) and all(
        key in FLAG_KEYS
        and isinstance(lines, list)
        and all(isinstance(line, str) and is_flag_line(line, placed=True) for line in lines)
        for key, lines in extras.items()
    )


def _with_embargo(flags: list[str], embargoed: date | datetime | None) -> list[str]:
    """The flag lines with the article's embargo among them: the line that gives it kept as
    printed, a line that gives another one (the embargo was changed or lifted) replaced or left
    out, a line written when none gives it ("EMBARGOED UNTIL 2024-06-05T00:01:00+00:00")."""
    given = [(flag, embargo_as_read(flag)) for flag in flags]
    if any(found is not None and found == embargoed for _, found in given):
        return flags
    # (a lifted embargo's line goes; one that could not be read goes too when the notice
    # written says the embargo, so that no two lines disagree; one with no end always stays)
    kept = [
        flag
        for flag, found in given
        if found is None and (embargoed is None or _gives_no_end(flag) or not is_embargo_line(flag))
    ]
    return kept if embargoed is None else [embargo_notice(embargoed), *kept]


def embargo_notice(embargoed: date | datetime) -> str:
    """The flag line writers print above the headline while the article is embargoed, which
    :func:`read_embargo` reads back ("EMBARGOED UNTIL 2024-06-05T00:01:00+00:00")."""
    return f"EMBARGOED UNTIL {embargoed.isoformat()}"


def is_embargo_line(text: str) -> bool:
    """Whether a flag line gives a release time or date (whether :func:`embargo_as_read` can
    read it or not)."""
    return _release(text, placed=True) is not None


def _gives_no_end(text: str) -> bool:
    """Whether a flag line holds the article with no end ("EMBARGOED UNTIL FURTHER NOTICE",
    "NOT FOR PUBLICATION")."""
    bare = _bare(text)
    if bare is not None and _HOLD.match(spaced(bare)):
        return True
    release = _release(text, placed=True)
    return release is not None and release.indefinite


def is_flag_line(text: str, *, placed: bool = False) -> bool:
    """A line of handling that a wire item or a press release prints above its headline: what
    it is ("FOR IMMEDIATE RELEASE", "Pressemitteilung"), a priority in capitals ("URGENT",
    "EILMELDUNG"), or an embargo or release time ("EMBARGOED UNTIL 00:01 GMT 5 JUNE 2024",
    "Sperrfrist: 5. Juni 2024, 10 Uhr"), which needs its time or date: "Embargo: Cuba Marks
    Sixty Years" is a headline. A midnight, noon or hour that gives no date is a flag only under
    a label no headline opens with ("Embargoed", "Sperrfrist"); a hold with no end ("Embargo
    until further notice", "Do not publish") also in capitals, or when the line is ``placed``
    where no headline can be (over a document's Title, a page's headline: "Embargo on Midnight
    Oil Shipments" is a kicker there)."""
    bare = _bare(text)
    if bare is None:
        return False
    phrase = spaced(bare)  # (any spaces, as readers give lines and holds are told)
    return (
        _FLAG_PHRASE.match(phrase) is not None
        or ((placed or phrase.upper() == phrase) and _HOLD.match(phrase) is not None)
        or _release(text, placed=placed) is not None
    )


def _bare(text: str) -> str | None:
    """A line as a flag is looked for in it: without its stars ("*** EMBARGOED ... ***"), one
    line of a header's length (else ``None``)."""
    bare = text.strip().strip("*").strip()
    return None if "\n" in bare or len(bare) > HEADER_LIMIT else bare


class Release(NamedTuple):
    """An embargo or release line ("EMBARGOED UNTIL ..."), and the date its time reads as."""

    date: dates.ParsedDate | None
    """``None`` for a time alone ("Embargoed until 10am") or one that cannot be read."""
    clock_unread: bool = False
    """A clock was printed but only its date could be read: ``date`` is then that day's last
    minute at UTC-12, the latest the line can mean (the date alone would lift it hours early)."""
    indefinite: bool = False
    """The line holds the article with no end ("EMBARGOED UNTIL FURTHER NOTICE")."""


def _release(text: str, *, placed: bool = False) -> Release | None:
    """The embargo or release line ``text`` is, if it is one: its label and a time or date of
    a few words ("Sperrfrist 10 Uhr: Streit um Fähren" is a headline after the time); see
    :func:`is_flag_line` for ``placed``."""
    bare = _bare(text)
    release = None if bare is None else _RELEASE_LABEL.match(bare)
    if bare is None or release is None:
        return None
    when = _ARTICLE.sub("", _UNTIL.sub("", release.group("when")))
    if ": " in when or len(dates.without_city_time(when).split()) > FLAG_TIME_WORDS:
        return None
    # (a label no headline uses makes a line surely a flag; a hold also in capitals, as wires
    # print flags, or over a Title: "Embargo Until Further Notice", "EMBARGO ON MIDNIGHT OIL
    # SHIPMENTS" may be headlines)
    sure = release.group("before") is not None or release.group("label").casefold() in _SURE_LABELS
    if _NO_END.match(when):
        return Release(None, indefinite=True) if sure or placed or bare.upper() == bare else None
    return release_time(when, sure=sure)


def release_time(when: str, *, sure: bool = True) -> Release | None:
    """The time an embargo's text gives ("00.01 TUESDAY 4 JUNE 2024", "0001 GMT 5 JUNE 2024"),
    a wire clock read as one; ``None`` when it gives neither a date nor a clock. Midnight and
    noon in words, hour 24 and an hour alone before its zone whose date cannot be read are a
    time only when the line is ``sure`` to be a flag (reported then as a time not understood):
    else they are words of a headline ("Embargo on Midnight Oil Shipments", "Embargo on 2400
    Tonnes of Grain", "Embargo on 20 VAT Rules")."""
    worded, day_end = _times_in_words(when)
    if worded != when:
        release = _clock_release(worded)
        if release is not None and release.date is not None:
            if not day_end or release.clock_unread:
                return release
            return Release(_next_day(release.date))
        if sure and release is not None:
            return release
    return _clock_release(when)


def _times_in_words(when: str) -> tuple[str, bool]:
    """``when`` with the times the date parser cannot read written as clocks: midnight and noon
    in words, an hour alone before its zone, and hour 24 as 00:00, of the next day (the second
    item says so)."""
    worded = _MIDNIGHT_WORD.sub(lambda match: _twelve(match, when, "24:00"), when)
    worded = _NOON.sub(lambda match: _twelve(match, worded, "12:00"), worded)
    worded = _HOUR_IN_ZONE.sub(r"\1:00", worded)
    day_end = _DAY_END.search(worded)
    if day_end is None:
        return worded, False
    return f"{worded[: day_end.start()]}00:00{worded[day_end.end() :]}", True


def _twelve(match: re.Match[str], text: str, clock: str) -> str:
    """``clock`` for "midnight", "12 NOON"; but a "12" that ends a date ("JUNE 12 MIDNIGHT",
    "2025-06-12 MIDNIGHT") stays the day."""
    if match.group("twelve") and _DATE_BEFORE.search(text, 0, match.start()):
        return f"12 {clock}"
    return clock


def _clock_release(when: str) -> Release | None:
    """:func:`release_time` of a text whose times in words were read (see
    :func:`_times_in_words`): wire clocks read as clocks, then the date parser."""
    when = dates.without_city_time(when)  # (its zone read from the line: see placed_embargo)
    when = _WIRE_CLOCK.sub(lambda match: _colon_clock(match, when), when)
    parsed = dates.parse_date(when)
    clock = _CLOCK.search(when) is not None
    if parsed is None:
        day = _date_within(when) if clock else None  # ("00:01 IST 5 JUNE 2031 ON ALL SITES")
        if day is not None:
            last = datetime.combine(day, _DAY_LAST, dates.LATEST_ZONE)
            return Release(dates.ParsedDate(last), clock_unread=True)
        return Release(None) if clock else None
    if clock and parsed.naive is None and not isinstance(parsed.value, datetime):
        if _MIDNIGHT.search(when):  # (read as the day alone: from its start, as printed)
            return Release(parsed)
        last = datetime.combine(parsed.value, _DAY_LAST, dates.LATEST_ZONE)
        return Release(dates.ParsedDate(last), clock_unread=True)
    return Release(parsed)


_DATE_WITHIN = lazy_pattern(
    rf"\b(?:{dates.DATE_PATTERN}|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}(?:\.|º|°|er)?\s+(?:de\s+)?(?:{dates.FOREIGN_MONTH_PATTERN})\s*(?:de\s+|del\s+)?\d{{4}})\b",
    re.IGNORECASE,
)


def _date_within(text: str) -> date | None:
    """The one date with its year that ``text`` prints among words the date parser cannot read
    past; ``None`` when it prints none or several."""
    found = _DATE_WITHIN.findall(text)
    if len(found) != 1:
        return None
    parsed = dates.parse_date(found[0])
    if parsed is None:
        return None
    value = parsed.value
    return value.date() if isinstance(value, datetime) else value


_WORDS_NOT_ZONES = "|".join(sorted(dates.NOT_ZONES))
"""Words that end like a zone but follow a clock as no zone ("2024 AT 10:00"), as alternatives."""
_WIRE_CLOCK = lazy_pattern(
    r"(?<![\d./:])(?:([01]?\d|2[0-3])[:.hH]([0-5]\d)(?![\d./:])"
    rf"|([01]\d|2[0-3])([0-5]\d)(?=\s?(?!(?:{_WORDS_NOT_ZONES})\b)(?:[A-Z]{{1,4}}T|UTC|(?i:hrs?|hours))\b"
    rf"|\s+(?i:\d{{1,2}}(?:st|nd|rd|th)?\.?\s+{dates.MONTH}|{dates.WEEKDAY}|{dates.MONTH}\s))"
    r"|(?:(?<=\d{4}\s)|(?<=\d{4},\s)|(?<=\d{4}\sAT\s)|(?<=\d{4}\sat\s))"
    r"([01]\d|2[0-3])([0-5]\d)(?=\s*$))"
    r"(?:\s?(?i:hrs?|hours)\b)?"
)
"""A clock as wires and UK releases print it: "00.01", "23h00", "0001 GMT", "0001 HRS", "00:01
HRS", "0930 5 JUNE 2024", "5 JUNE 2024 2300", which the date parser reads as a year or drops
(or, for "HRS" before a zone, cannot read at all)."""
_DAY_END = lazy_pattern(
    r"(?<![\d./:])24(?:[:.hH]?00(?::00)?(?![\d./:])|\s?(?i:uhr|h)\b)"
    r"|(?:(?<=\b(?i:ore)\s)|(?<=\b(?i:las)\s)|(?<=\b(?i:às)\s)|(?<=\b(?i:alle)\s))24\b"
)
"""The end of a day as wires print it ("24.00 5 JUNE 2024", "2400 GMT", "24 Uhr", "à 24 h",
"ore 24", "las 24"): the next day's start, which read as hour 20, a year or no time (the date
alone) would lift an embargo hours early."""
_DATE_BEFORE = lazy_pattern(rf"(?:\b(?:{dates.MONTH})\.?|\d[-/.])\s*$", re.IGNORECASE)
"""What ends just before a "12" that is a date's day: a month, or digits and a separator."""
_MIDNIGHT_WORD = lazy_pattern(
    r"(?P<twelve>\b12\s)?\b(?:midnight|mitternacht|minuit|medianoche|mezzanotte|meia-noite)\b",
    re.IGNORECASE,
)
"""Midnight in words ("EMBARGOED UNTIL MIDNIGHT 5 JUNE 2024"), which may be the day's start or
its end: read as its end, the latest it can mean."""
_NOON = lazy_pattern(
    r"(?P<twelve>\b12\s)?\b(?:noon|mittag|midi|mediodía|mezzogiorno|meio-dia)\b",
    re.IGNORECASE,
)
"""Noon in words ("12 NOON BST 5 JUNE 2024"), read as 12:00."""
_HOUR_IN_ZONE = lazy_pattern(
    rf"(?<![\w./:])([01]?\d|2[0-3])(?=\s(?!(?:{_WORDS_NOT_ZONES})\b)(?:[A-Z]{{1,4}}T|UTC)\b)"
)
"""An hour alone before its zone ("5 JUNE 2024 18 ET"), which the date parser drops: the date
alone lifted the embargo at the day's start."""
_DAY_LAST = time(23, 59)
_MIDNIGHT = lazy_pattern(r"(?<![\d:.])(?:00[:.h]00|12[:.]00\s?a\.?m\b\.?)(?!\d)", re.IGNORECASE)
"""A printed midnight, which the date parser gives as the day alone (so it is no clock unread)."""


def _next_day(parsed: dates.ParsedDate) -> dates.ParsedDate:
    """``parsed`` a day later, for a clock printed as the end of the day before."""
    day = timedelta(days=1)
    naive = None if parsed.naive is None else parsed.naive + day
    return dates.ParsedDate(parsed.value + day, naive)


def _colon_clock(match: re.Match[str], text: str) -> str:
    """A wire clock as HH:MM, which the date parser reads as a time; but four digits that may be
    the date's year ("4 JUNE 2024 AT 10:00", "2024 JUNE 05") stay as they are unless the text
    prints another year ("2000 5 JUNE 2024": the first is the clock)."""
    hour, minute = (group for group in match.groups() if group is not None)
    if (
        match.group(3) is not None
        and len(_YEARS.findall(text)) < 2
        and _YEARS.fullmatch(match.group(3) + match.group(4))
    ):
        return match.group(0)
    return f"{int(hour):02d}:{minute}"


_YEARS = lazy_pattern(r"(?<!\d)(?:19|20)\d\d(?!\d)")
"""Four digits that may be a year (1900-2099), which a wire clock of the same digits may not be."""


_SURE_LABELS = frozenset({"embargoed", "sperrfrist", "under embargo", "hold for release",
                          "not for publication"})  # fmt: skip
"""Labels of flag lines that no headline opens with ("Embargo", "For release" may)."""
_NO_END = lazy_pattern(
    r"(?:further notice|further advice|notice|nouvel (?:ordre|avis)|auf weiteres|weiteres|"
    r"nuevo aviso|nueva orden|nuovo avviso|nuovo ordine|novo aviso|segunda ordem)[.!]?$",
    re.IGNORECASE,
)
"""An embargo's end that is none: until the sender says so ("until further notice", "bis auf
Weiteres", "jusqu'à nouvel ordre", "hasta nuevo aviso", "fino a nuovo avviso", "até novo aviso")."""
_UNTIL = lazy_pattern(
    rf"^(?:until|till|bis|jusqu['’](?:au|à)|hasta|fino a(?:l|lle)?|até|{_NOT_BEFORE})\s+",
    re.IGNORECASE,
)
"""The "until" a label with a colon leaves before its time ("EMBARGO: UNTIL 00:01 GMT ...")."""
_ARTICLE = lazy_pattern(r"^(?:the|el|le|la|il|o)\s+", re.IGNORECASE)
"""An article before an embargo's date ("hasta el 5 de junio")."""
FLAG_TIME_WORDS = 10
"""Words of an embargo's time and date at most ("00:01 GMT 5 JUNE 2024": 5; "el 5 de junio de
2024 a las 00:01 CET": 10)."""


CONTRIBUTOR = lazy_pattern(
    r"^(?:reviewed|edited|fact[- ]checked|photographs?|photos?|pictures|illustrations?|video|"
    r"(?:with )?additional reporting|with reporting|produced|translated|compiled|graphics|design)"
    r"(?: and \w+)? by\s+\S",
    re.IGNORECASE,
)
"""``Reviewed by ...``, ``Edited by ...``, ``With reporting by ...``: people credited for other
work than the writing."""


class Header(NamedTuple):
    """One recognised header line (or one part of a line holding several)."""

    kind: str
    """``byline``, ``source``, ``source_date``, ``published``, ``updated``, ``unparsed``
    (a labelled date that cannot be understood), ``relative``, ``reading_time``, ``contributor``
    (``Edited by ...``) or ``several``."""
    value: object
    """A :class:`~articlekit.prose.byline.Byline`; a name; ``(source, date)``; a date; the text;
    or, for ``several``, the list of headers."""
    zone_missing: bool = False
    """A time of day was printed without a zone, so only the date was kept."""
    naive: datetime | None = None
    """That date-time as printed, for :func:`articlekit.prose.dates.zoned` to place."""


def may_be_byline(line: str) -> bool:
    """Whether :func:`read_header` may read ``line`` as a byline: it opens with a byline label
    or holds " by ", another label after a date (" von ") or a Chinese label. A test of
    microseconds that spares the header patterns most lines of a long page. A line without "by"
    in any case can only open with a label, which its first two letters rule out for most, or
    hold one of the others."""
    folded = line.casefold()
    if "by" not in folded:
        if may_open_with_label(line.lstrip()) and is_labelled_byline(spaced(line)):
            return True
        # (the label after a date stands near the start: a long line is not spaced to its end)
        return may_follow_date(spaced(folded[: 2 * HEADER_LIMIT])) or _holds_cjk_label(line)
    text = spaced(line)
    folded = text.casefold()
    return (
        " by " in folded
        or text[:3].lower() == "by "
        or is_labelled_byline(text)
        or may_follow_date(folded)
        or _holds_cjk_label(text)
    )


_ASCII_SPACES = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
"""The ASCII characters ``str.split`` splits at."""


def _longer_than_a_header(line: str) -> bool:
    """Whether ``line`` is surely longer than a header line (:func:`read_header` measures it
    with its spaces run together, and reads none longer than ``HEADER_LIMIT``): an ASCII line
    with more characters than that besides its spaces, counted in one pass in C. The first
    paragraph under the header lines is asked about (it may be one): running its spaces
    together costs three times as much."""
    return (
        len(line) > HEADER_LIMIT
        and line.isascii()
        and len(line.encode("ascii").translate(None, _ASCII_SPACES)) > HEADER_LIMIT
    )


def _holds_cjk_label(text: str) -> bool:
    """Whether a Chinese header label (``作者：``) stands in ``text``: its colon is looked for
    first, the pattern (which tries every position) only then."""
    return (
        not text.isascii()
        and ("：" in text or ":" in text)
        and max(text) >= _FIRST_CJK
        and _CJK_LABEL.search(spaced(text)) is not None
    )


def read_header(line: str) -> Header | None:
    """What one header line is, or ``None`` when it is not a header line."""
    if _longer_than_a_header(line):
        return None
    # ("Jun 7, 2023, 8:54 PM UTC |", "| Jun 7, 2023": a row's separator)
    text = spaced(line).rstrip(" |·•").lstrip(" |")
    if not text or text.startswith("\\") or len(text) > HEADER_LIMIT:
        return None
    if (
        text[-1].isdigit()
        and (counted := _BOXED_COUNT.search(line, max(0, len(line) - PRINT_PAGE_REACH))) is not None
        and _dates_article(dated := read_header(line[: counted.start()]))
    ):  # (" 03 May 2025      4": the comment count's box beside the date, its icon lost; before
        # the whole line is read, which takes the count for the hour: "3. Mai 2025 4", 4:00)
        return dated
    whole = _single(text)
    if whole is not None and whole.kind != "unparsed":
        return whole
    if whole is None and text[:1].isalpha() and (agency := _agency_first(text)) is not None:
        return agency
    if not text.isascii() and max(text) >= _FIRST_CJK:
        if _CJK_LABEL.search(text):
            return _cjk_header(text) or whole
        if whole is None and (titled := _titled_cjk_byline(text)) is not None:
            return titled
        if whole is None and "\u3000" in line and (dated := _date_before_field(line)) is not None:
            return dated
        if whole is None and text.endswith(_CJK_UPDATE_ENDS):
            return _cjk_with_update(text)
    if (
        text[-1].isdigit()
        and (paged := _PRINT_PAGE.search(text, max(0, len(text) - PRINT_PAGE_REACH))) is not None
    ):  # (after a date's label too: "Published March 3, 2024 page 2" is no unreadable date)
        dated = read_header(text[: paged.start()].rstrip(" ,;"))
        return dated if _dates_article(dated) else whole
    if (
        whole is None
        and (" - " in text or " – " in text or " — " in text)
        and (placed := _PLACE_DASH.match(text)) is not None
    ):
        dated = read_header(text[placed.end() :])
        place = text[: placed.end()].rstrip(" -–—")
        return dated if _dates_article(dated) and _beside_date(place, after=False) is None else None
    if (
        whole is None
        and text[-1].isalpha()
        and (":" in text or "." in text or _may_hold_french_clock(text))
        and (run_in := _time_run_in(text))
    ):
        # ("11.07.2026, 09:30 UhrStuttgart": the date's row, its separator lost)
        return read_header(f"{text[:run_in]} | {text[run_in:]}")
    if whole is None and text[-1].isalpha() and (button := _button_after(text)) is not None:
        dated = read_header(text[:button].rstrip())  # ("28.4.2023 18:41 Uhr teilen")
        if _dates_article(dated):
            return dated
    if "|" not in text and "·" not in text and "•" not in text and " / " not in text:
        updated = _with_update(text) if _may_hold_update(text) else None
        return updated or _names_after_comma(text) or whole
    # ("May 3, 2024 | 12 comments": a row's comment count is left out)
    parts = [part for part in _SEPARATOR.split(text) if uncommented(part)]
    if len(parts) < 2:
        return read_header(parts[0]) if len(parts) == 1 and parts[0] != text else whole
    headers = [_single(part) or _part_with_update(part) for part in parts]
    unknown = [index for index, header in enumerate(headers) if header is None]
    # "Le Monde | 04.05.2015 | Par ...": one short name among header parts is the source
    if len(unknown) == 1 and len(parts) > 2 and _source_like(parts[unknown[0]]):
        name = parts[unknown[0]].strip()
        if is_furniture(name):  # ("Accueil | Par ... | date": a trail's home is no source)
            del headers[unknown[0]]
        else:
            headers[unknown[0]] = Header("source", name)
    elif len(unknown) == 1 and len(parts) == 2 and _dates_article(headers[1 - unknown[0]]):
        beside = _beside_date(parts[unknown[0]], after=unknown[0] == 1)
        if beside is _NOTHING:
            return whole
        if beside is None:  # (a place or a section: the date is the line's)
            return headers[1 - unknown[0]]
        headers[unknown[0]] = beside
    elif unknown:
        return whole
    if any(header is not None and header.kind == "several" for header in headers):
        headers = [
            inner
            for header in headers
            for inner in (header.value if header.kind == "several" else [header])  # type: ignore[union-attr]
        ]
    return Header("several", headers)


PLACE_WORDS = 3
"""A place or a section beside a date in a row of two parts is at most this many words."""
_PLACE_WORD = r"[^\W\d_](?:[^\W\d_]|['’.-])*"
"""A word of a place's name: letters, an apostrophe, a point or a hyphen inside them."""
_PLACE = lazy_pattern(rf"^{_PLACE_WORD}(?:,? {_PLACE_WORD}){{0,2}}$")
"""Words of letters, an apostrophe, a point or a hyphen inside them (a place's "St. Gallen",
"Saint-Denis", "Duqm, oman"; a section's "Politics"), no digit."""
_PLACE_DASH = lazy_pattern(rf"^{_PLACE_WORD}(?: {_PLACE_WORD}){{0,2}} [-–—] (?=\d)")
"""A place of up to three words, shaped as a row's place (:data:`_PLACE`), and a dash before a
date in figures ("Bruselas - 15 OCT 2024 - 08:22", "St. Gallen - ..."): the place a story was
filed from, left out as a row's place is (names before the date stay unread, as in a row)."""
_PRINT_PAGE = lazy_pattern(
    r"(?:(?<=[\d.),])\s*|(?<=\S)\s+)(?:page|p\.|seite|s\.|página|pagina)\s*[A-Z]?\d{1,3}$",
    re.IGNORECASE,
)
"""The printed edition's page after a date ("Wed, Oct 16, 2024 page1", "3. Mai 2024, Seite 5"),
left out: the date is the line's. Set apart from a word before it ("Dep. 5" holds no page).
Searched for in the line's last :data:`PRINT_PAGE_REACH` characters only (the page's word and
number are a dozen; a search of the whole line tries each of its characters)."""
_BOXED_COUNT = lazy_pattern(r"(?<=\S)[ \t\xa0]{3,}\d{1,5}[ \t\xa0]*$")
"""A lone number set far apart after the rest of a line ("03 May 2025      4"): a box of its
own, a count of comments or shares whose icon a copy leaves out; searched in the line's last
:data:`PRINT_PAGE_REACH` characters (a date's own numbers are set a space apart)."""
_FRENCH_CLOCK = tuple(f"{digit}{h}" for digit in "0123456789" for h in "hH")
"""A digit before the "h" of a French clock ("10h15")."""


def _may_hold_french_clock(text: str) -> bool:
    """Whether a line may hold a French clock, the separator a time has besides ":" and ".": a
    screen before :data:`_TIME_RUN_IN` (an "h" alone is in most lines, a digit in many), its
    cheap searches in C first."""
    return (
        ("h" in text or "H" in text)
        and _DIGIT.search(text) is not None
        and any(clock in text for clock in _FRENCH_CLOCK)
    )


PRINT_PAGE_REACH = 24
"""How far from the end of a line :data:`_PRINT_PAGE` is looked for (its words are fewer)."""
_TIME_RUN_IN = lazy_pattern(
    r"\d[:.h]\d\d(?P<unit>\s?(?:uhr|[ap]\.?m\.?|h))?(?=[^\W\d_])", re.IGNORECASE
)
"""A time of day (a French one "10h15" too), its unit, and a letter run into them: see
:func:`_time_run_in`."""


def _time_run_in(text: str) -> int | None:
    """Where a capitalised word starts that runs into a time of day ("09:30 UhrStuttgart",
    "10:15 amLondon", "10:15Hamburg", "10h15Marseille"): a copy of a row whose place or author's
    name the page set in a box of its own, with no space between; ``None`` when none does. A
    capital the search took for a unit run into the clock opens the word instead ("10:15Hamburg":
    no "h"); a lower-case letter after the unit goes on the unit's word ("Uhrzeit")."""
    run_in = _TIME_RUN_IN.search(text)
    if run_in is None:
        return None
    for end in (run_in.end(), run_in.start("unit")):
        if end >= 0 and text[end].isupper():
            return end
    return None


_ROW_BUTTONS = frozenset({"share", "comments"})
"""Kinds of furniture (:func:`.furniture.furniture_kind`) a date row sets as a button after the
date: a share or comments button, copied as its word ("Teilen", "Share")."""
_TIME_ENDS = ("uhr", " h", "am", "pm", "a.m.", "p.m.")
"""How a time's unit ends a date row before its button (lower case): a word that merely ends
so ("Potsdam") only costs the reading of the row before it, which must date the article."""


def _button_after(text: str) -> int | None:
    """Where a row's button word starts that a copy ran after a date or its time, a space apart
    ("28.4.2023 18:41 Uhr teilen", "May 3, 2024 Share"), or ``None``: a last word of a share or
    comments button after a number or a time's unit."""
    before, space, word = text.rpartition(" ")
    if not space or not (before[-1:].isdigit() or before.casefold().endswith(_TIME_ENDS)):
        return None
    return len(before) + 1 if furniture_kind(word) in _ROW_BUTTONS else None


_NOTHING = Header("unparsed", "")
"""What :func:`_beside_date` returns for a part that leaves the row no header line."""


def _dates_article(header: Header | None) -> bool:
    """Whether a part of a row gives the article a date (not a relative one: "3 hours ago")."""
    return header is not None and (
        header.kind in ("published", "updated")
        or (header.kind == "several" and bool(header_dates(header)))
    )


_CJK_UPDATE_ENDS = ("更新)", "更新）")
"""How a Japanese date line ends with its update in brackets ("(1月14日 01時40分更新)")."""


def _cjk_with_update(text: str) -> Header | None:
    """A Japanese date and its update in brackets, the update's year left out as the day's
    ("2025年1月14日 01時28分 (1月14日 01時40分更新)"): both read, the update in the year of the
    date (the next year's when its day would come before the date's); the date alone when the
    update reads as none; ``None`` when the date does not read."""
    at = max(text.rfind("("), text.rfind("（"))
    first = _single(text[:at].strip()) if at > 0 else None
    if first is None or first.kind != "published":
        return None
    update = text[at + 1 : -len(_CJK_UPDATE_ENDS[0])].strip()
    second = _single(update if "年" in update else f"{_day_of(first).year}年{update}")
    if second is not None and "年" not in update and _day_of(second) < _day_of(first):
        second = _single(f"{_day_of(first).year + 1}年{update}")  # (updated after New Year)
    if second is None or second.kind != "published":
        return first
    return Header(
        "several", [first, Header("updated", second.value, second.zone_missing, second.naive)]
    )


def _names_after_comma(text: str) -> Header | None:
    """A date line whose last comma sets off names after it ("veröffentlicht am 28. April 2024,
    14:26 Uhr, Jana Dorn"), read as a row of two parts: the names are the byline
    (:func:`_beside_date`), a section's name is left out (:func:`_section_shaped`); ``None`` when
    the words before the comma date nothing or the words after it name no one (a sentence's
    subject and verb, "..., Jane Doe said", or a place)."""
    head, comma, tail = text.rpartition(", ")
    if not comma or not tail[:1].isupper() or len(tail.split()) > PLACE_WORDS + 1:
        return None
    if _DIGIT.search(tail) is not None or _DIGIT.search(head) is None:
        return None
    dated = _single(head)
    if dated is None or not _dates_article(dated):
        return None
    beside = _beside_date(tail, after=True)
    if beside is None and _section_shaped(tail.split()):
        return dated  # ("May 3, 2024, Premier League": the section left out, as in a row)
    if beside is None or beside is _NOTHING:
        return None
    return Header("several", [dated, beside])


def _beside_date(part: str, *, after: bool) -> Header | None:
    """The other part of a row of two whose one part is the article's date: after the date, a
    line of names is its byline ("9. September 2025 um 15:46 Uhr / Jana Dorn"; names before the
    date are a line of names with its date, read as such); a place or a section of a few words
    of letters is left out, ``None`` ("21 October 2025 • Muscat", "Politics / January 11,
    2024"); anything else (a sentence, a number) leaves the row no header line
    (:data:`_NOTHING`)."""
    words = part.split()
    place = len(words) <= PLACE_WORDS and _PLACE.match(part) is not None
    names = parse_byline(part, labelled=False)
    if names is not None and not (place and (_place_shaped(words) or _section_shaped(words))):
        return Header("byline", names) if after and names.date_text is None else _NOTHING
    if place and not is_furniture(part):
        return None
    return _NOTHING


def _place_shaped(words: list[str]) -> bool:
    """Whether a few capitalised words beside a date open as many places' names do ("New York",
    "Bad Ems") or join a place to its river ("Frankfurt am Main"): a place, not the names of a
    byline, which a date row sets in the same shape ("May 3, 2024 | Jane Doe")."""
    return words[0].casefold() in PLACE_OPENINGS or any(word in PLACE_JOINS for word in words[1:])


SECTION_NOUNS = frozenset({
    "news", "sport", "sports", "politics", "business", "opinion", "culture", "markets",
    "economy", "finance", "technology", "science", "health", "lifestyle", "travel",
    "entertainment", "weather", "league", "cup", "nachrichten", "politik",
    "wirtschaft", "kultur", "meinung", "ausland", "inland", "politique", "économie", "société",
    "monde", "política", "economía", "deportes", "sociedad", "opinión", "politica", "economia",
    "cronaca", "esteri", "esportes", "cultura", "liga", "ligue",
})  # fmt: skip
"""Nouns of a section's or a competition's name of two or three words ("Premier League",
"Global Markets", "Deutsche Politik", "Política Nacional") in six languages; a person's names
hardly ever (the names of a byline are set in the same shape beside a date). No noun that is
also a common surname ("Jane Street", "Ana Mundo" beside a date are writers)."""


def _section_shaped(words: list[str]) -> bool:
    """Whether a few capitalised words beside a date hold a section's noun
    (:data:`SECTION_NOUNS`): a section, not the names of a byline."""
    return len(words) > 1 and any(word.casefold() in SECTION_NOUNS for word in words)


def _part_with_update(part: str) -> Header | None:
    """A part of a line of several that is a date and its update ("23. März 2017, aktualisiert
    23. März 2017, 15:43 Uhr | Quelle: ..."), or ``None``."""
    return _with_update(part) if _may_hold_update(part) else None


_AGENCY_NAMES = frozenset(AGENCIES)
_AGENCY_FIRST_WORDS = frozenset(name.split(" ")[0] for name in AGENCIES)
"""The first word of each agency's name (lower case)."""
_DATED_KINDS = frozenset({"published", "updated", "unparsed", "relative", "reading_time"})
"""What a line of dates gives (an update it cannot take is ``unparsed``)."""
_AGENCY_DATE_KINDS = frozenset({"published", "updated", "relative"})
"""What an agency's line of dates gives one of at least: a date, printed or relative ("AFP 3
hours ago"); a reading time alone is a comment's or a teaser's header line."""


def _agency_first(text: str) -> Header | None:
    """A news agency's name, then the line's dates (``AFP 30 avril 2015 à 07:19 (Mis à jour :
    ...)``, ``dpa 3. Mai 2024, 10:15 Uhr``): the agency is the source. Only the agencies the
    bylines know (:data:`.byline.AGENCIES`): another word before a date is no source. A line
    whose first word opens no agency's name is told by that word alone (nearly every line asked:
    the first letter of most lines is a capital, and splitting them twice costs more)."""
    first = text.partition(" ")[0]
    if (
        first.casefold() not in _AGENCY_FIRST_WORDS
        and first.rstrip(",").casefold() not in _AGENCY_FIRST_WORDS
    ):
        return None
    for words in (1, 2):  # ("Europa Press 3 de mayo de 2024")
        parts = text.split(" ", words)
        if len(parts) <= words:
            return None
        name = " ".join(parts[:words]).rstrip(",")
        if name.casefold() not in _AGENCY_NAMES or not _written_as_agency(name):
            continue
        dated = read_header(parts[words])
        if dated is None:
            return None
        found = cast("list[Header]", dated.value) if dated.kind == "several" else [dated]
        if not all(part.kind in _DATED_KINDS for part in found) or not any(
            part.kind in _AGENCY_DATE_KINDS for part in found
        ):
            return None  # ("AP 5 min read": a reading time gives no date for the agency's)
        return Header("several", [Header("source", name), *found])
    return None


def _written_as_agency(name: str) -> bool:
    """Whether ``name`` is written as an agency writes its name: in capitals (``AFP``), in small
    letters (``dpa``, ``sid``) or, four letters or more, capitalised (``Reuters``, ``Lusa``); a
    short capitalised one is a first name (``Sid``, ``Pap``)."""
    return name.isupper() or name.islower() or (len(name) >= 4 and name[:1].isupper())


_UPDATE_AFTER = lazy_pattern(
    r"(?:[,،]\s+|(?<!\s)\s*\(\s*|(?<!\s)\s+[-–—]\s+)"
    r"(?=(?:modifié|mis à jour|actualizado|actualizada|aktualisiert|geändert|editiert|"
    r"bearbeitet|updated|atualizado|atualizada|aggiornato|aggiornata|آخر تحديث)\b)"
    r"|(?<!last)(?<!\s)\s+(?=(?:last )?updated\b|last modified\b|oppdatert\b|uppdaterad\b"
    r"|opdateret\b|(?:son )?güncelle(?:n)?me\b)"
    r"|(?:(?<=\d{4})|(?<=:\d\d)|(?<=[^\W\d_]{2}))(?=(?-i:Last updated|Updated|UPDATED|"
    r"Mis à jour|MIS À JOUR|Modifié|MODIFIÉ|Actualizado|ACTUALIZADO|Modificado|MODIFICADO|"
    r"Aktualisiert|AKTUALISIERT|Geändert|GEÄNDERT|Atualizado|ATUALIZADO|Aggiornato|AGGIORNATO|"
    r"Modificato|MODIFICATO)\b)"
    r"|(?<!\s)\s+(?=\d+(?:\s*-\s*\d+)?\s*min(?:ute)?s?\.?\s+read\b"
    r"|(?:reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura|"
    r"tempo di lettura|tempo de leitura)\s*+:?\s*\d)",
    re.IGNORECASE,
)
"""Where a date's update or reading time follows it in the same line: after a comma ("Publié
le 12 mars 2024 à 08h15, modifié le 12 mars 2024 à 10h02", "Veröffentlicht am 3. Mai 2024, 14:30
Uhr, aktualisiert am ..."), after a dash ("Publié le 7 mai 2019 à 13h59 - Mis à jour le ..."), in
brackets ("30 avril 2015 à 07:19 (Mis à jour : ...)"), or with no stop between ("Thu 3 Jan 2019
02.00 EST Last modified on ...", "March 5, 2025 at 6:01 am Updated March 5, 2025 at 3:33 pm",
"Feb 8, 2020 5 min read", "06. 03. 2024, 14:59 Uhr Lesedauer: 4 Minuten", "Publisert 5.8.2024
kl. 13.05 Oppdatert ...", "Giriş: 4.3.2024 10:15 Güncelleme: ..."), not even a space when a
browser's copy ran the two together after the year or the zone ("Published May 4,
2020Last updated May 6, 2020", "... 10:32 AM ESTUpdated ..."; the label capitalised, as no word
ends so), nor before the bracket ("August 30, 2023 1:55 am(Updated 4:30 am)"). A run of spaces
is tried from its first space only (each of its spaces tried would take time growing with the
square of its length)."""


def _may_hold_update(text: str) -> bool:
    """Whether :data:`_UPDATE_AFTER` may split ``text`` (told without the pattern)."""
    return (
        "," in text
        or "،" in text
        or "(" in text
        or " - " in text
        or " – " in text
        or " — " in text
        or "min" in text
        or "ese" in text
        or "ead" in text
        or "tur" in text
        or "ast " in text
        or "pdat" in text
        or "PDAT" in text
        or "ncelle" in text
        or "NCELLE" in text
        # pieces of the update labels a browser's copy may run into a time ("à 08:01Mis à
        # jour le", "08:22ACTUALIZADO:"), which hold none of the pieces tested before (searched
        # for one by one: a pattern of them would be compiled by nearly every conversion)
        or "jour" in text
        or "JOUR" in text
        or "odifi" in text
        or "ODIFI" in text
        or "tualiz" in text
        or "TUALIZ" in text
        or "ktualis" in text
        or "KTUALIS" in text
        or "ggiorn" in text
        or "GGIORN" in text
        or "ändert" in text
        or "ÄNDERT" in text
    )


def _with_update(text: str) -> Header | None:
    """A line of a date and its update after a comma, each read as a header line of its own,
    or ``None``."""
    parts = _UPDATE_AFTER.split(text, maxsplit=1)
    if len(parts) < 2:
        return None
    headers = [_single(part.strip(" ()")) for part in parts]
    headers[1] = _same_day_update(headers[0], headers[1]) or headers[1]
    if any(header is None or header.kind == "unparsed" for header in headers):
        return None
    if _updated_before_published(headers):  # (misread or misprinted: the update is not taken)
        return Header(
            "several",
            [_update_refused(header, part) for header, part in zip(headers, parts, strict=True)],
        )
    return Header("several", headers)


_TIME_ALONE = lazy_pattern(
    r"^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5}|\s+\(GMT[+-]\d{2}:?\d{2}\)?)?$",
    re.IGNORECASE,
)
"""A time of day alone ("3:33 pm", "15:33", "3:33 p.m. EST", "02:21 (GMT+0400)")."""


def _same_day_update(published: Header | None, update: Header | None) -> Header | None:
    """An update that prints its time alone after the publication's date and time ("March 5,
    2025 at 6:01 am Updated 3:33 pm"): the update of the day published, or ``None``."""
    if (
        published is None
        or update is None
        or published.kind != "published"
        or update.kind != "unparsed"
        or not _TIME_ALONE.match(str(update.value))
    ):
        return None
    clock = str(update.value).replace("(", "").replace(")", "")
    parsed = dates.parse_date(f"{_day_of(published).isoformat()} {clock}")
    if parsed is None:
        return None
    return Header("updated", parsed.value, parsed.zone_missing, parsed.naive)


def _update_refused(header: Header | None, text: str) -> Header | None:
    """The update of a line whose update comes before its publication, as a date not understood
    (warned about, left out); the line's other dates as read."""
    if header is not None and header.kind == "updated":
        return Header("unparsed", text.strip(" ()"))
    return header


def _updated_before_published(headers: Sequence[Header | None]) -> bool:
    """Whether a line's update comes before its publication ("March 5 (updated March 4)")."""
    found = {header.kind: header for header in headers if header is not None}
    published, updated = found.get("published"), found.get("updated")
    if published is None or updated is None:
        return False
    return _day_of(updated) < _day_of(published)


def _day_of(header: Header) -> date:
    """The calendar day a date header gives (as printed, its zone aside)."""
    value = header.naive or header.value
    return value.date() if isinstance(value, datetime) else value  # type: ignore[return-value]


_FIRST_CJK = "\u3400"
"""The first CJK ideograph: every Chinese label (:data:`_CJK_LABEL`) and titled byline
(:data:`_TITLE_FIRST`; :data:`_TITLE_AFTER`'s Hangul comes after it) holds one at least, so a line
of other scripts (curly quotes and dashes are not ASCII) is told without compiling them (2 ms
of a one-shot conversion)."""
_CJK_LABEL = lazy_pattern(
    r"(?P<label>来源|來源|出处|稿源|作者|记者|記者|撰文|责任编辑|責任編輯|责编|編輯|编辑)\s*[:：]\s*"
)
_CJK_AUTHORS = frozenset({"作者", "记者", "記者", "撰文"})
_CJK_EDITORS = frozenset({"责任编辑", "責任編輯", "责编", "编辑", "編輯"})


def _cjk_header(text: str) -> Header | None:
    """A Chinese header line: ``2017-03-10 09:58 来源：Outlet 作者：Name 责任编辑：Name``. The
    editor in charge (责任编辑) is credited when no author is named, as Chinese news pages do; the
    label is the person's role, but for 作者 ("author": an author's role is none)."""
    labels = list(_CJK_LABEL.finditer(text))
    values: dict[str, str] = {}
    for number, label in enumerate(labels):
        end = labels[number + 1].start() if number + 1 < len(labels) else len(text)
        value = text[label.end() : end].strip(" ,;|·/")
        if value:
            values.setdefault(label.group("label"), value)
    found: list[Header] = []
    lead = text[: labels[0].start()].strip()
    leading = dates.parse_date(lead) if lead else None
    if leading is not None:
        found.append(Header("published", leading.value, leading.zone_missing))
    elif lead and (labelled := _number_date_after_label(lead)) is not None:
        found.append(labelled)  # ("发稿时间： 2017-03-10 08:42:00 来源： ...")
    source = next((v for k, v in values.items() if k in ("来源", "來源", "出处", "稿源")), None)
    if source:
        found.append(Header("source", source))
    author = next(((k, v) for k, v in values.items() if k in _CJK_AUTHORS), None)
    author = author or next(((k, v) for k, v in values.items() if k in _CJK_EDITORS), None)
    if author is not None:
        role, name = author
        printed = f"{role}：{name}"
        person = {"name": name} if role == "作者" else {"name": name, "role": role}
        found.append(Header("byline", Byline(printed, name, [person], None, None)))
    if not found:
        return None
    return found[0] if len(found) == 1 else Header("several", found)


_TITLE_FIRST = lazy_pattern(
    r"^(?P<role>編集委員|論説委員|特別編集委員|専門委員|特派員|記者|记者|本報記者|本报记者)\s+"
    r"(?P<name>[\u3400-\u9fff\u30a0-\u30ff]{2,8})$"
)
"""``編集委員 中沢克二``, ``记者 张明``: a Japanese or Chinese writer's title, then the name."""
_TITLE_AFTER = lazy_pattern(
    r"^(?P<name>[\uac00-\ud7a3]{2,4})\s?(?P<role>기자|특파원|선임기자|전문기자|논설위원|객원기자|통신원)"
    r"(?:\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?$"
)
"""``홍길동 기자``, ``홍길동 기자 hong@example.com``: a Korean writer's name, then the title
(reporter, correspondent, ...) and maybe the address."""


_FIELD_AFTER_DATE = lazy_pattern(r"^[^\W\d_]{1,8}\s*[:：]")
"""A labelled field (a label of a few letters and a colon: ``発信地：``, the place a story was
filed from) after a CJK date line's full-width space."""


def _date_before_field(line: str) -> Header | None:
    """``2018年6月18日 10:01　発信地：Place``: a date, a full-width space, a labelled field, as a
    Japanese or Chinese page sets them on one line; the date is the line's (the field is left
    out). A date alone before the full-width space, the field's label right after it."""
    lead, _, field = line.strip().partition("\u3000")
    if len(lead) > DATE_LIMIT or not _FIELD_AFTER_DATE.match(field.strip()):
        return None
    parsed = dates.parse_date(lead.strip()) if _DIGIT.search(lead) else None
    if parsed is None:
        return None
    return Header("published", parsed.value, parsed.zone_missing, parsed.naive)


def _titled_cjk_byline(text: str) -> Header | None:
    """A byline of a name and a job title without a label, as Japanese, Chinese and Korean
    pages print it (:data:`_TITLE_FIRST`, :data:`_TITLE_AFTER`), or ``None``."""
    found = _TITLE_FIRST.match(text) or _TITLE_AFTER.match(text)
    if found is None:
        return None
    name, role = found.group("name"), found.group("role")
    printed = text if "@" not in text else text.rsplit(None, 1)[0]
    return Header("byline", Byline(printed, name, [{"name": name, "role": role}], None, None))


def _source_like(text: str) -> bool:
    """A short name in capitals, its particles aside ("Le Monde", "Courrier du Port", "France
    24")."""
    words = text.split()
    if not 1 <= len(words) <= 5 or not any(word[:1].isupper() for word in words):
        return False  # (a name: "47" or "-" between a date and a byline is none)
    return all(
        word[:1].isupper() or not word[:1].isalpha() or (len(word) <= 3 and 0 < at < len(words) - 1)
        for at, word in enumerate(words)
    )


def _single(text: str) -> Header | None:
    byline = parse_byline(text)
    if byline is not None:
        return Header("byline", byline)
    if text[:3].lower() == "by " and text.endswith("="):
        # " =" ends wire header lines: "By dpa correspondents =" is a byline though it names
        # no one.
        return Header("byline", Byline(text.rstrip("=").strip(), "", [], None, None))
    digits = _DIGIT.search(text) is not None
    if digits and _may_hold(text, _holds_minutes) and READING_TIME.match(text):
        return Header("reading_time", text)
    if CONTRIBUTOR.match(text):
        return Header("contributor", text)
    if (
        (digits or len(text) <= RELATIVE_LIMIT)
        and _may_hold(text, _holds_relative_word)
        and RELATIVE_DATE.match(text)
    ):
        return Header("relative", text)
    label = _LABEL.match(text) if _may_be_labelled(text) else None
    if label is not None:
        value = label.group("value").strip()
        if label.group("source"):
            return Header("source", value)
        kind = "updated" if label.group("updated") else "published"
        if _may_hold(value, _holds_relative_word) and RELATIVE_DATE.match(value):
            return Header("relative", text)
        day_first = label.group(kind).casefold() not in _ENGLISH_LABELS
        parsed = dates.parse_date(value, day_first, labelled=True)
        if parsed is None and " / " in value:  # ("November 19, 2019 / 10:07 AM / CBS News")
            when, _, outlet = value.rpartition(" / ")
            if ":" not in outlet:  # (an outlet's name; "Reporter: Jane Doe" is a label's)
                parsed = dates.parse_date(when, day_first, labelled=True)
        if parsed is None and value[:3] == "in " and (section := _SECTION_FIRST.match(value)):
            parsed = dates.parse_date(value[section.end() :], day_first, labelled=True)
        if parsed is None and " in" in value and (section := _SECTION_AFTER.search(value)):
            parsed = dates.parse_date(value[: section.start()], day_first, labelled=True)
        if parsed is None:
            # a labelled date line is a header line even when its date is broken, unless its
            # label is also a sentence's subject ("Erscheinungsdatum ist der 3. Mai 2023.")
            if label.group("published") and _SUBJECT_LABEL.match(text) is not None:
                return None
            if label.end(kind) == label.start("value"):
                return None  # (a label run into what is no date: "Updated2 items", a word)
            spaced_only = not text[label.end(kind) : label.start("value")].strip()
            if spaced_only and not _opens_like_date(value):
                return None  # ("Updated software crashed ...": a sentence, not a broken date)
            return Header("unparsed", value) if _looks_dated(value) else None
        return Header(kind, parsed.value, parsed.zone_missing, parsed.naive)
    match = SOURCE_DATE.match(text) if digits and "," in text else None
    if (
        match is not None
        and match.group("source").strip().lower() not in _WEEKDAYS
        and not (text[:1].isdigit() and _CLOCK_FIRST.match(text) is not None)
    ):
        parsed = dates.parse_date(match.group("date"))
        if parsed is not None:
            source = match.group("source").strip()
            return Header("source_date", (source, parsed.value), parsed.zone_missing, parsed.naive)
    if len(text) <= DATE_LIMIT and digits:
        parsed = dates.parse_date(text)
        if parsed is None and text[:1].isupper() and (glued := _GLUED_RUBRIC.match(text)):
            parsed = dates.parse_date(glued.group("date"))
        section = _SECTION_BEFORE_CLOCK.match(text) if parsed is None and ":" in text else None
        if section is not None and not _credit(section.group("section")):
            parsed = dates.parse_date(section.group("date"))
        if parsed is not None:
            return Header("published", parsed.value, parsed.zone_missing, parsed.naive)
        return _numbers_after_label(text)
    return None


_GLUED_RUBRIC = lazy_pattern(
    rf"^[A-Z][A-Z&'’ -]*?[A-Z](?P<date>(?i:{dates.MONTH}) \d{{1,2}}, \d{{4}}\b.*)$"
)
"""A section's name in capitals run into the date in capitals after it ("BUSINESSNOV 7, 2023
2:00 AM"): a magazine prints the two as one line of small capitals, in pieces a browser's copy
joins with no space; the date is the line's (the section is left out). The month is a whole
month's name or abbreviation, so that one inside the section's name does not hide the date
("INNOVATIONNOV 7, 2023": not "NOVATIONNOV 7, 2023")."""


_SECTION_BEFORE_CLOCK = lazy_pattern(
    r"^(?P<section>(?:[A-Z][^\s\d]*\s+){1,3})(?P<date>\d{1,2}:\d{2}(?::\d{2})?\s(?:[AaPp]\.?[Mm]\.?\s)?\S.*)$"
)
"""A section's name (one to three capitalised words), then the time and the date a news agency
stamps its story with ("Politics 09:31 August 20, 2019"): the time right after the words is
what tells the line from a name before a date ("NASA Nov 7, 2023" is no date line); the date
must be whole (its year), and the section is left out."""


def _credit(words: str) -> bool:
    """Whether the words :data:`_SECTION_BEFORE_CLOCK` takes for a section may credit the story
    instead: an agency's name ("Reuters 09:31 March 4, 2024", its source, which
    :func:`_agency_first` reads), a labelled byline ("By Jane Doe 09:31 ..."), or words that may
    be a person's name ("Jane Doe 09:31 ...": read as a section, the name would be lost; a
    section named so, "North Korea", is left unread with it)."""
    words = words.rstrip()
    return (
        words.rstrip(",").casefold() in _AGENCY_NAMES
        or is_labelled_byline(words)
        or parse_byline(words.rstrip(","), labelled=False) is not None
    )


_SECTION_FIRST = lazy_pattern(
    rf"^in\s+(?:[A-Z][\w&'’-]*\s+){{1,3}}?(?=(?:{dates.WEEKDAY})?{dates.MONTH}\s+\d|\d)"
)
"""The section a blog or magazine names between its date label and the date ("Published in City
Desk March 14, 2023 2:24 pm"): capitalised words, the fewest before the date."""


_SECTION_AFTER = lazy_pattern(r"(?<!\s)\s+in:?\s+[A-ZÀ-Þ][\w&'’-]*(?:\s+[A-ZÀ-Þ][\w&'’-]*){0,2}$")
"""The section or place a blog names after its labelled date ("erstellt: 01. April 2025, 15:25
in: Gesellschaft", "Published March 3, 2024 in City Desk"): one to three capitalised words,
left out (a run of spaces tried from its first space only)."""


_NUMBERS_AFTER_LABEL = lazy_pattern(
    r"^(?P<label>[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+)?)(?:\s*[:：]\s*|\s+)"
    r"(?P<date>(?P<day>\d{4}(?:[-/.]\d{1,2}[-/.]\d{1,2}|\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日))"
    r"(?P<time>.*))$"
)
"""A label of a word or two in any language, then a date written year first, which reads the
same in every language ("기사입력 2013-10-24 03:00", "更新时间 2012年12月10日", "Опубликовано:
2024-05-03", "公開日：2025/01/31": no space after a full-width colon); the label must be one of
:data:`_DATE_LABEL_WORDS` or :data:`_UPDATE_WORDS`."""
_UPDATE_WORDS = AnyOf(
    ("更新", "修改", "수정", "업데이트", "обновл", "оновл", "aktualiz", "zaktualiz", "güncel",
     "bijgewerkt", "oppdatert", "uppdaterad", "opdateret", "päivitetty", "diperbarui",
     "cập nhật", "actualizat", "frissítve", "ενημερ")
)  # fmt: skip
"""What the labels of :data:`_NUMBERS_AFTER_LABEL` that date an update hold ("更新时间",
"수정", "Обновлено"; the labels of the languages :data:`_LABEL` knows are read there)."""
_DATE_LABEL_WORDS = AnyOf(
    ("опублик", "публикац", "опублік", "публікац", "дата", "opublikow", "publikac", "data",
     "입력", "등록", "작성", "게재", "发布", "發布", "发表", "發表", "发稿", "發稿", "日期",
     "时间", "時間", "公開", "公开", "配信", "掲載", "投稿", "yayın", "tarih", "gepubliceerd",
     "geplaatst", "datum", "publisert", "publicerad", "publiceret", "udgivet", "julkaistu",
     "diterbitkan", "dipublikasikan", "tanggal", "đăng", "xuất bản", "ngày", "publikováno",
     "publikované", "publicat", "publikálva", "δημοσιε", "ημερομην", "objavljeno", "објављено",
     "објавено", "written", "created",
     # a Chinese outlet's name before its date: a site, a net, a paper, an agency, a station
     "站", "网", "網", "报", "報", "社", "台", "新闻", "新聞")
)  # fmt: skip
"""What the labels of :data:`_NUMBERS_AFTER_LABEL` that date a publication hold, in the
languages :data:`_LABEL` does not know ("Дата публикации", "opublikowano", "发布时间", "公開日",
"Yayınlanma", "Gepubliceerd", "Publisert", "Diterbitkan", "Ngày đăng"; "Written:" on an
English page, and a Chinese outlet's name, "TNW中文站 2016年10月14日07:17"): a date after any other
word ("Born: 1950-03-02", "Deadline: 2024-06-30", "Since 2020-01-01, ...") is no date line's."""


_NEXT_LABELLED_DATE = lazy_pattern(
    r"(?:(?<=\d)|(?<=[A-Z]{3}))(?:\s*+[/|·])?\s++"
    r"(?=[^\W\d_]+(?: [^\W\d_]+)?(?:\s*[:：]\s*|\s+)\d{4}[-/.年])"
)
"""Where a second label and its date follow the first's date, time or zone, after a slash or
a bar if any ("기사입력 2013-10-24 03:00 기사수정 2013-10-24 09:30", "Written: 2023-11-07
15:03 / Updated: 2023-11-07 15:30"); never inside a label of two words ("Дата
публикации: 2024-05-03"); the spaces taken whole, so a long run of them costs one pass."""
_TIME_OF_DAY = lazy_pattern(r"\d{1,2}\s*[:：]\s*\d{2}")
"""A time of day, run into the words before it ("格林尼治标准时间10:41") that date parsing does
not read."""


def _numbers_after_label(text: str) -> Header | None:
    """The date of a line of a label that :data:`_LABEL` does not know, then a date written
    year first (see :func:`_number_date_after_label`), and the update such a label and date
    may give after it; ``None`` unless each is read."""
    if not _may_hold_year_first(text):
        return None  # (most lines that come here: a headline or a source line with a number)
    parts = _NEXT_LABELLED_DATE.split(text)
    if len(parts) > 2:
        return None
    found = [_number_date_after_label(part) for part in parts]
    if found[0] is None:
        return None
    if len(found) == 1:
        return found[0]
    if found[1] is None or found[1].kind != "updated":
        return None
    return Header("several", found)


def _may_hold_year_first(text: str) -> bool:
    """Whether ``text`` may hold a date written year first, as :data:`_NUMBERS_AFTER_LABEL` and
    :data:`_NEXT_LABELLED_DATE` read one: its year is followed by "-", "/", "." or "年", and a
    line with none of them is told by four substring searches instead of the two patterns."""
    return "-" in text or "/" in text or "." in text or "年" in text


def _number_date_after_label(text: str) -> Header | None:
    """The date of a label that :data:`_LABEL` does not know, then a date written year first;
    not a line of names before a date ("Jane Doe 2024-05-03"), whose names are a byline's."""
    found = _NUMBERS_AFTER_LABEL.match(text)
    if found is None:
        return None
    label = found.group("label").casefold()
    if not _DATE_LABEL_WORDS(label) and not _UPDATE_WORDS(label):
        return None
    parsed = dates.parse_date(found.group("date"), labelled=True)
    if parsed is None and _time_after_comma(found.group("time")):
        # (a time it does not read: "2012年12月10日, 格林尼治标准时间10:41"; the day stands)
        parsed = dates.parse_date(found.group("day"), labelled=True)
    if parsed is None:
        return None
    kind = "updated" if _UPDATE_WORDS(label) else "published"
    return Header(kind, parsed.value, parsed.zone_missing, parsed.naive)


def _time_after_comma(after_date: str) -> bool:
    """Whether a comma after a date sets off its time in a word or two ("，格林尼治标准时间10:41"),
    not a sentence ("Since 2020-01-01, prices rose")."""
    words = after_date[1:].split()
    return after_date[:1] == "," and len(words) <= 2 and _TIME_OF_DAY.search(after_date) is not None


_LABEL_OPENINGS = frozenset(word[:2] for word in f"{_UPDATED}|{_PUBLISHED}|{_SOURCE}".split("|"))
"""The first two letters of every label :data:`_LABEL` knows (plain words, lower case)."""


def _may_be_labelled(text: str) -> bool:
    """Whether :data:`_LABEL` may match ``text``: it opens with the first letters of a label (a
    case-blind pattern of some sixty labels costs a microsecond a line)."""
    return text[:2].lower() in _LABEL_OPENINGS or holds_case_trap(text[:2])


def _opens_like_date(value: str) -> bool:
    """Whether a value set after its label by a space alone opens as a date does: with a
    digit, or a month's or weekday's name ("Letzte Aktualisierung der Software ..." does not)."""
    first = value.split(maxsplit=1)[0].strip(",.").casefold() if value.strip() else ""
    return (
        first[:1].isdigit()
        or first in dates.MONTHS
        or first in dates.FOREIGN_MONTHS
        or first.rstrip(".") in _WEEKDAYS
        or first in dates.FOREIGN_WEEKDAYS
    )


def _looks_dated(value: str) -> bool:
    """A labelled value with digits or a short word ("Updated: yesterday") is a broken date; a
    sentence that starts with a label word ("Date night is back") is not."""
    return len(value) <= DATE_LIMIT and (
        any(char.isdigit() for char in value) or len(value.split()) <= 2
    )


def header_dates(header: Header) -> list[tuple[str, date | datetime]]:
    """The dates a header gives, as ``(kind, value)`` with kind ``published`` or ``updated``."""
    if header.kind in ("published", "updated"):
        return [(header.kind, header.value)]  # type: ignore[list-item]
    if header.kind == "source_date":
        return [("published", header.value[1])]  # type: ignore[index]
    if header.kind == "several":
        return [found for part in header.value for found in header_dates(part)]  # type: ignore[attr-defined]
    return []
