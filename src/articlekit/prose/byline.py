"""Bylines: "By Jane Doe and John Roe, Staff Writers" and the people they credit.

Shared by every reader that finds a byline in text (plain text, DOCX paragraphs, NewsML-G2 and NITF
byline strings) and by the text writer, which asks whether a byline it prints will read back as one.
A line is a byline when it opens with a byline label and what follows reads as names: capitalised
words and connectors, not a sentence ("By the time the police arrived" is not one). Labels::

    By / BY / by    Von (German)   Par (French)   Por (Spanish, Portuguese)   Di (Italian)
    di (Italian, in small letters: before a whole name only)
    Door (Dutch)    Written by     Text: / Texto: / Autor: / Author: / Auteur :
    Автор: (Russian)   מאת (Hebrew)   بقلم (Arabic)   نویسنده: (Persian)
    Του / Της (Greek: "of", the names after it in the genitive, which the authors keep)
    Verfasst von / Erstellt von / Écrit par / Escrito por / Scritto da (and their kin)

Real bylines carry more than names, and :func:`parse_byline` splits it off: a date or time after
the names (``By A, Wednesday, 20 November 2019 08:05 GMT``, ``by A — November 18, 2019``,
``By A JAN. 13, 2017``), an organisation (``By A | Outlet``, ``By A, CNN Business``,
``Von A, dpa``), a job title (``A, Staff Writer``, which :func:`authors_from_byline` makes the
people's role).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from articlekit._text import lazy_pattern
from articlekit.prose import dates
from articlekit.prose.dateline import PLACE_OPENINGS
from articlekit.prose.stopwords import SENTENCE_ENDS
from articlekit.prose.substrings import AnyOf

ABBREVIATION_END = lazy_pattern(
    r"(?:\b[A-Z]\.){2,}$|\b(?:Jr|Sr|St|Co|Inc|Ltd|Corp|Dr|Mr|Mrs|Ms)\.$"
)
_ABBREVIATION_LAST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZrtocdps")
"""The letters before the full stop of every abbreviation :data:`ABBREVIATION_END` knows."""


_ABBREVIATION_WORDS = frozenset(
    {"Jr", "Sr", "St", "Co", "Inc", "Ltd", "Corp", "Dr", "Mr", "Mrs", "Ms"}
)
"""The words :data:`ABBREVIATION_END` knows."""
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def ends_with_abbreviation(text: str) -> bool:
    """Whether ``text`` ends with an abbreviation ("U.S.", "Jr."): :data:`ABBREVIATION_END`,
    searched only where the characters before the stop allow it (a capital after a stop, or one of
    its words): a sentence's end mostly does not, and the search tries every position."""
    if text[-1:] != "." or text[-2:-1] not in _ABBREVIATION_LAST:
        return False
    initials = text[-3:-2] == "." and text[-4:-3] in _CAPITALS
    words = _ABBREVIATION_WORDS
    if not (initials or text[-3:-1] in words or text[-4:-1] in words or text[-5:-1] in words):
        return False
    return ABBREVIATION_END.search(text) is not None


BYLINE_LIMIT = 200
"""Longest line that may be a byline (a label, names, an outlet and a date)."""
PLAIN_NAME_WORDS = 4
"""Words of a name on a line without a label: more are a title ("Harbour Board Backs Ferries")."""
NAMES_LIMIT = 150
"""Longest names part of a byline."""
_LABEL = lazy_pattern(
    r"^(?P<label>(?:(?P<verb>"
    r"(?:[Ww]ritten|WRITTEN|[Rr]eported|REPORTED|[Pp]osted|POSTED|[Pp]ost author) "
    r"(?=(?:[Bb]y|BY)\s*:?\s)"
    r"|(?:[Ee]rstellt|[Vv]erfasst|[Gg]eschrieben|Text) (?=von\s*:?\s)"
    r"|(?:[ÉéEe]crit|[Rr]édigé) (?=par\s*:?\s)"
    r"|(?:[Ee]scrito|[Rr]edactado|[Rr]edigido) (?=por\s*:?\s)"
    r"|[Ss]critto (?=da\s*:?\s)"
    # the kind of piece before its "by" ("Analysis by Jane Doe", "Opinion by ...", "Kommentar
    # von ...", "Chronique par ..."): names only, no user names (outside the verb group:
    # "Analysis by experts" is a sentence)
    r")|(?:[Aa]nalysis|ANALYSIS|[Oo]pinion|OPINION|[Cc]ommentary|COMMENTARY) "
    r"(?=(?:[Bb]y|BY)\s*:?\s)"
    # (a German or French kind: its nouns open with capitals, so a whole name only: "Analyse
    # von Daten" is a heading, "Kommentar von Merz" a headline)
    r"|(?P<kind>(?:(?:Ein|Eine) )?(?:Kommentar|Kolumne|Analyse|Gastbeitrag|Glosse) (?=von\s*:?\s)"
    r"|(?:Analyse|Chronique|Tribune|Éditorial) (?=par\s*:?\s))"
    # ("Byby": a page's "By" run into the label its byline prints again)
    r")?(?:By(?:by)?|BY(?:BY)?|by|Von|VON|von|Par|PAR|par|Por|POR|por|(?<= )da|Di|DI|"
    r"(?P<small>di)|Door|door|"
    r"מאת|بقلم|(?P<genitive>Του|Της|ΤΟΥ|ΤΗΣ)|"
    r"(?:Text|Texto|Testo|Autor|Autora|Author|Auteur|Autore|Autores|Автор|Авторы|نویسنده"
    r"|Author of (?:the|this) article)\s?:))"
    r"(?:(?:\s*:)?\s+|(?<=[Bb]y)(?=[A-Z][a-z]))(?P<rest>\S.*)$"
)
NAME_PARTICLES = frozenset({
    "de", "da", "das", "do", "dos", "du", "des", "del", "della", "di", "van", "von", "der", "den",
    "ten", "ter", "la", "le", "al", "el", "bin", "ibn", "y", "zu",
})  # fmt: skip
"""Words in lower case inside a name ("Maria dos Santos", "Ludwig van Beethoven")."""
_CONNECTORS = {
    "and", "und", "y", "et", "e", "&", "of", "the", "de", "van", "von", "der", "den", "da", "del",
    "la", "le", "staff", "writer", "reporter", "in", "for", "with", "bin", "al", "el", "du", "di",
    "dos", "das", "do", "des", "ten", "ter", "avec", "mit", "con", "com", "och", "en", "ed",
}  # fmt: skip
_ROLE_WORDS = lazy_pattern(
    r"\b(?:writer|reporter|correspondent|editor|photographer|columnist|staff|contributor|"
    r"analyst|producer|critic|journalist|bureau chief|intern|engineer|"
    r"redakteur(?:in|innen|e)?|korrespondent(?:in|innen|en)?|reporter(?:in|innen)?|"
    r"autor(?:in|innen|en)?|redaktion|"
    r"journaliste|envoyée?s? spécia(?:le?|ux)|rédact(?:eur|rice)|correspondante?|"
    r"chroniqueu(?:r|se)|"
    r"periodista|corresponsal|redactora?|enviad[oa] especial|"
    r"giornalista|inviat[oa]|redazione|corrispondente|"
    r"repórter|jornalista|colunista|redação|enviad[oa])s?\b",
    re.IGNORECASE,
)
_ROLE_STEMS = (
    "writer", "reporter", "correspond", "editor", "photographer", "columnist", "staff",
    "contributor", "analyst", "producer", "critic", "journalist", "bureau chief", "intern",
    "engineer", "redakt", "korrespondent", "autor", "envoy", "rédact", "chroniqu", "periodista",
    "corresponsal", "redact", "enviad", "giornalista", "inviat", "redazione", "corrispondente",
    "repórter", "jornalista", "colunista", "redação",
)  # fmt: skip
"""A part of every word :data:`_ROLE_WORDS` finds, lower case."""
_EXPERT_TITLE = lazy_pattern(
    r"^(?:(?:Senior|Chief|Deputy|Associate|Assistant|Executive|Managing|Vice|Acting|Interim|"
    r"Former|Staff|Research|General|Regional|National|Policy|Legal|Co-)\s*)*"
    r"(?:Director|Directrice|Directeur|Direktor(?:in)?|Direttore|Direttrice|Diretora?|"
    r"Professor(?:in|a)?|Professeure?|Professore(?:ssa)?|Profesora?|Head|President|"
    r"Présidente?|Presidenta?|Chair(?:man|woman|person)?|Fellow|Lecturer|Researcher|"
    r"Chercheu(?:r|se)|Investigador(?:a)?|Ricercat(?:ore|rice)|Pesquisador(?:a)?|Scientist|"
    r"Economist|Spokes(?:man|woman|person)|Sprecher(?:in)?|Officer|Manager|Leiter(?:in)?|"
    r"Geschäftsführer(?:in)?|Founder|Attorney|Counsel)s?"
    r"(?:\s+(?:of|for|at|on|für|der|des|de|du|di|del|della|da|do)\s+\S.*)?$"
)
"""The title of an expert or official who writes a piece, as a whole part of a byline ("Director
of Education Equity", "Chief Economist", "Professor of Law", "Staff Attorney"): after a byline's
names it is the role of the names before it, as a newsroom's job title is. A name is none
("Emma Fellows", "Professor Jane Doe": a title word, then no "of ..."), nor an outlet ("The
Economist", "Manager Magazin"); alone on a line (a menu's "Scientists Confirm ...", an infobox's
"Founder") such a title says nothing of a byline, so :func:`is_job_title` does not take it."""
_ORGANISATION_NAMES = (
    "The", "Press", "News", "Times", "Post", "Tribune", "Agency", "Herald", "Journal", "Reuters",
    "AP", "AFP", "dpa", "Associated", "Media", "Service", "Gazette", "Daily", "Network", "Desk",
    "Staff", "Bureau", "Newsroom", "Wire", "Online", "Business", "Health", "Magazine", "Radio",
    "TV", "Television", "Channel", "Group", "Inc", "Ltd", "GmbH", "Redaktion", "Zeitung",
    "Nachrichten", "Presse", "Nouvelles", "Noticias", "Notizie", "Notícias", "Diario",
    "Jornal", "Foundation", "Foundations", "Institute", "University", "Association", "Society",
    "Stiftung", "Institut", "Universität", "Fondation", "Université", "Fundación", "Universidad",
    "Fondazione", "Università", "Fundação", "Universidade",
)  # fmt: skip
_ORGANISATION_WORDS = lazy_pattern(rf"\b(?:{'|'.join(_ORGANISATION_NAMES)})\b")
AGENCIES = (
    "ap", "afp", "dpa", "reuters", "efe", "ansa", "apa", "sda", "kna", "epd", "aap", "pa", "anp",
    "belga", "ntb", "tt", "stt", "ritzau", "ctk", "čtk", "pap", "ats", "upi", "xinhua", "kyodo",
    "yonhap", "sid", "lusa", "agência brasil", "europa press", "dpa-afx", "afx", "bloomberg",
)  # fmt: skip
"""News agencies by name, lower case: a source wherever a byline or a header line names one."""
_AGENCY_NAMES = frozenset(AGENCIES)
_AGENCY = lazy_pattern(
    rf"^(?:(?i:{'|'.join(map(re.escape, AGENCIES))})|"
    r"(?!(?:MA|MS|MD|BA|BS|BSc|MSc|PhD|RN|MPH|MBA|JD|DDS|CPA)$)[A-Z]{2,5}|[a-z]{2,4})$"
)
# (spaces before a separator are taken from the start of their run only: tried from every space
# of a long run, they cost time quadratic in its length)
_NAME_SPLIT = lazy_pattern(
    r"(?:(?<!\s)\s+)?(?:,|;|\band\b|&|\bund\b|\by\b|\bet\b|\be\b|\bavec\b|\bmit\b|\bcon\b|\bcom\b|"
    r"\bwith\b(?=\s+[A-ZÀ-Þ][\w'’-]*\s+[A-ZÀ-Þ]))\s*"
)
_NAME_SPLIT_WORDS = frozenset({"and", "und", "y", "et", "e", "avec", "mit", "con", "com", "with"})
"""The words :data:`_NAME_SPLIT` splits at. English "with" only before two capitalised words
("Jane Doe with Omar Farouk": a second writer), not before a credit in lower case ("with
additional reporting by ...")."""
_REPEATED_LABELS = frozenset({
    "By", "BY", "by", "Von", "VON", "Par", "PAR", "par", "Por", "POR", "por", "Door", "door",
})  # fmt: skip
"""Byline labels a byline may say again before each name ("Von Jana Roth; Von Karl Moser"): no
part of the name. Not "di", "da" nor a small "von", which open names ("Di Stefano", "von der
Leyen")."""
_PART_SEPARATOR = lazy_pattern(r"\s*(?:\||—|–|·|•|(?<=\s)-(?=\s)|,|;|/(?=\s))\s*")
_FOREIGN_WEEKDAYS = (
    "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag", "lundi",
    "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes", "martes",
    "miércoles", "jueves", "viernes", "sábado", "domingo", "lunedì", "martedì", "mercoledì",
    "giovedì", "venerdì", "sabato", "domenica", "segunda", "terça", "quarta", "quinta", "sexta",
)  # fmt: skip
_WEEKDAY_NAME = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?|" + "|".join(
    _FOREIGN_WEEKDAYS
)
_DATE_WORDS = (
    "updated", "published", "posted", "aktualisiert", "veröffentlicht", "publiziert", "publié",
    "mis à jour", "publicado", "actualizado", "pubblicato", "aggiornato", "atualizado",
)  # fmt: skip
"""The words that label a date ("Updated ..."), lower case: :data:`_DATE_START` takes them for the
start of one, and :func:`_may_hold_date` looks for them first."""
_DATE_START = lazy_pattern(
    rf"(?:^|\s)(?=(?:{dates.MONTH}\s*\d|\d{{1,2}}\.?\s+(?:de\s+)?[^\W\d_]{{3,}}\.?,?\s+(?:de\s+)?\d{{4}}|"
    r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{4}年|"
    r"\d+\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?)\s+ago|\d{1,3}\s?(?:h|hrs?|d|w|m|mins?)$|"
    rf"(?:vor|il y a|hace|há|fa)\s+\d|(?:last\s+)?(?:{'|'.join(_DATE_WORDS)})\b|"
    rf"(?:{_WEEKDAY_NAME}),?\s+\d|(?:{_WEEKDAY_NAME}),\s))",
    re.IGNORECASE,
)


_DESCRIBED = (
    r"\s*,\s+(?=(?:(?:a|an|the|un|une|uno|una|um|uma|la|le|les|el|lo|il|o)\s+|l['’])[a-zà-ÿ]"
    r"|(?:ein|eine|einer)\s+[A-ZÄÖÜ][a-zäöüß]"
)
_APPOSITION = lazy_pattern(_DESCRIBED + ")")
"""``By Jane Doe, a deputy editor who ...``, ``Par Jeanne Durand, la correspondante ...``,
``Von Jana Schmidt, eine Korrespondentin ...``: what follows the comma describes her (an
article and a common noun, in German its capital)."""
DESCRIPTION_WORDS = 6
"""The most words of a description in lower case after a byline's names ("journaliste au
service Économie"); a lead sentence goes on longer ("By Election Day, voters in twelve states
will have cast ...")."""
_ENDS_OR_COLON = frozenset(SENTENCE_ENDS + ":")
"""How a sentence or a label ends: a line of a job title or an outlet alone never does."""
_NOT_DESCRIBING = frozenset({
    "together", "along", "alongside", "sowie", "gemeinsam", "zusammen", "junto", "junta",
    "insieme", "additional", "photos", "fotos", "photographs", "pictures", "bilder", "reporting",
    "mitarbeit", "today", "yesterday", "heute", "gestern", "aujourd'hui", "hier", "ayer", "hoy",
    "oggi", "ieri", "hoje", "ontem",
})  # fmt: skip
"""First words after a byline's comma that open another credit ("together with John Roe",
"photos by ...") or a time ("heute 10:30 Uhr"), not a description of the writer."""


def _describes(description: str) -> bool:
    """Whether words in lower case after a labelled byline's names describe the writer: a few
    words ending no sentence, not a date (``updated March 3``, ``3 hours ago``), nor another
    credit."""
    words = description.split()
    if not words or len(words) > DESCRIPTION_WORDS or description[-1] in SENTENCE_ENDS:
        return False
    first = words[0].casefold()
    if first in _NOT_DESCRIBING or first in _DATE_LABEL_WORDS or _ANY_DIGIT.search(description):
        return False
    return _DATE_START.search(description) is None


_LABELLED_APPOSITION = lazy_pattern(_DESCRIBED + r"|[a-zà-ÿ]{5,}\s+[\w(])")
"""After a byline's label also words in lower case (``Por Carlos Martínez, redactor de
Economía``): a word of five letters or more and more words (shorter words are agencies' codes,
``Von Jana Schmidt, dpa (aktualisiert)``, or another author's ``and``), which
:func:`_describes` then judges. A line without a label may be a caption ("Jane Doe, the mayor,
opens the quay."), whose verb this would take for a description."""
_DESCRIPTION_CUT = lazy_pattern(
    r"\s*[|—–;·•]\s*|\s+(?=@|Follow\b|[\w.+-]+@[\w-]+\.)|\s*,\s+(?=(?:and|und|et|y|e)\s+[A-Z])"
)
"""Where a description of the people ends and the byline goes on: a separator before an outlet or
a date (``| March 3``), a handle or an e-mail address, another author (``, and John Roe``)."""


def _cut_description(described: str) -> tuple[str, str]:
    """A description after a byline's names (``a staff writer | March 3, 2024``) and what of the
    byline follows it, its separator first (``| March 3, 2024``): up to a separator, a handle,
    another author, or a date after a comma; a description that goes on in sentences (a bio) is
    the description whole."""
    found = _DESCRIPTION_CUT.search(described)
    end = len(described) if found is None else found.start()
    comma = described.find(", ", 0, end)
    while comma >= 0:
        if _DATE_START.match(described, comma + 1) is not None:
            end = comma
            break
        comma = described.find(", ", comma + 2, end)
    return described[:end].rstrip(" ,"), described[end:]


_HANDLE = lazy_pattern(r"\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?$|\s*@\w+|\s+Follow\b.*$")
"""``Jane Doe@janedoe``, ``Jane Doe Follow @janedoe``, ``Jane Doe jdoe@example.org``: a
social-media handle or an e-mail address is not a name."""
_ACCOUNT_WORDS = (
    "Twitter", "Facebook", "Instagram", "LinkedIn", "Mastodon", "Bluesky", "YouTube", "TikTok",
    "Email", "E-Mail", "E-mail",
)  # fmt: skip
_ACCOUNT_LINKS = lazy_pattern(
    r"(?:\s+|(?<=[a-zß-ÿ]))(?:" + "|".join(map(re.escape, _ACCOUNT_WORDS)) + r")\b.*$"
)
"""Links to an author's accounts that a copy runs into a labelled byline ("von Jana Schmidt
Twitter Account", "By Jane Doe LinkedIn"): the names end before them. (A line of names without a
label that holds them is a share bar: "Copy Link Facebook Twitter". Xing, a network, is also a
name: "By Wang Xing".) A browser's copy may run the link into the name ("By Jane DoeTwitter")."""


_CREDIT_WITH = (" with ", " mit ", " avec ", " con ", " com ")
"""The word for "with" that opens :data:`_STAFF_CREDIT`, a space either side."""
_STAFF_CREDIT = lazy_pattern(
    r"(?<![\s,]),?\s+(?P<credit>(?:with|mit|avec|con|com)\s+(?:the\s+)?"
    r"(?:[^\W\d_][\w'’&.-]*\s+){0,4}?"
    r"(?:staff(?:\s+reports?)?|staffers|wire\s+(?:reports|services)|reports"
    r"|agenturen|agences|agencias|agenzie|agências))$",
    re.IGNORECASE,
)
"""A newsroom's collective credit after the names ("with Harbour Gazette Staff", "with the
Gazette staff", ", with wire reports"), or the news agencies' in another language ("mit
Agenturen", "avec agences", "con agencias", "con agenzie", "com agências"): printed with the
byline, neither a name nor the names' job title."""
_holds_credit_with = AnyOf(_CREDIT_WITH)
STAFF_CREDIT_REACH = 80
"""How far from the end of the names :data:`_STAFF_CREDIT` is looked for (its words are few)."""


class Byline(NamedTuple):
    """What one byline line says, split into its fields."""

    printed: str
    """The byline as printed, less a date it ended with ("By Jane Doe, CNN Business")."""
    names: str
    """The part that names people, with roles and organisations ("Jane Doe, CNN Business")."""
    people: list[dict[str, str]]
    """The people credited (``name``, ``role``)."""
    organisation: str | None
    """An outlet or agency the byline names ("CNN Business", "dpa"), if any."""
    date_text: str | None
    """The date or time printed after the names, if any (``Nov 18, 2019``)."""
    contributors: tuple[str, ...] = ()
    """People the byline credits for pictures, not the writing ("Jane Doe (photography)")."""


_WEEKDAY_FORMS = tuple(
    f"{base}{day}{dot}"
    for base in ("mon", "tue", "tues", "wed", "wednes", "thu", "thur", "thurs", "fri", "sat",
                 "satur", "sun")
    for day in ("", "day")
    for dot in ("", ".")
) + tuple(name.lower() for name in _FOREIGN_WEEKDAYS)  # fmt: skip
"""Every weekday :data:`_WEEKDAY_NAME` matches, lower case."""
_ANY_DIGIT = lazy_pattern(r"\d")
CASE_TRAPS = frozenset("\u0130\u0131\u017f")
"""Letters that case-insensitive patterns match to ``i`` or ``s`` but ``str.lower`` keeps: a
test of ``str.lower()`` that stands in for such a pattern must let them through."""


def holds_case_trap(text: str) -> bool:
    """``not CASE_TRAPS.isdisjoint(text)``, told without looking at each character of a line
    in Python (three searches in C, none in a line of Latin-1)."""
    return not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text)


def spaced(text: str) -> str:
    """``" ".join(text.split())``, without splitting a line whose spaces are single ASCII spaces
    already (every other space, tab or line break is unprintable)."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def _may_hold_date(text: str) -> bool:
    """Whether :data:`_DATE_START` may match somewhere in ``text``: every date it finds has a
    digit, a label word ("updated") or a weekday before a comma. Searching a long line in every
    case of every month and weekday costs tens of microseconds; this test a few."""
    if _ANY_DIGIT.search(text) is not None or holds_case_trap(text):
        return True
    lower = text.lower()
    if any(map(lower.__contains__, _DATE_WORDS)):
        return True
    return any(piece.endswith(_WEEKDAY_FORMS) for piece in lower.split(",")[:-1])


def _cut_date(rest: str) -> tuple[str, str | None]:
    """Split ``A — November 18, 2019``, ``A JAN. 13, 2017`` and ``A on 2019-02-15`` into names
    and date text."""
    if not _may_hold_date(rest):
        return rest, None
    for match in _PART_SEPARATOR.finditer(rest):
        after = rest[match.end() :]
        if match.start() > 0 and _DATE_START.match(" " + after):
            names = rest[: match.start()]
            weekday = _TRAILING_WEEKDAY.search(names)  # "Joe Wee Monday, February 29, 2016"
            if weekday is not None and weekday.start() > 0:
                names, after = names[: weekday.start()], rest[weekday.start() :]
            return _DATE_PREPOSITION.sub("", names).strip(), after.strip()
    found = _DATE_START.search(rest)
    if found is not None and found.start() > 0:
        names = _DATE_PREPOSITION.sub("", rest[: found.start()])
        return names.strip(" ,|—–-·•"), rest[found.start() :].strip()
    return rest, None


_COMMENT_COUNT = lazy_pattern(
    r"\s*[|·•,–—-]?\s*(?:"
    r"(?:(?<!\d)\d+|no|one|ein|eine|keine|kein|un|une|sin|sem|nessun|zero)\s+"
    r"(?:comments?|kommentare?n?|commentaires?|comentarios?|comentários?|commenti|commento)|"
    r"(?:comments?|kommentare?)\s*:?\s*\(?\d+\)?|"
    r"(?:leave|add|post) a comment|(?:schreibe|hinterlasse|hinterlassen sie) einen kommentar|"
    r"laisser un commentaire|laissez un commentaire|deja un comentario|deixe um comentário|"
    r"lascia un commento)\s*[|.]?$",
    re.IGNORECASE,
)
"""``by Jane Doe 3 Comments``, ``Leave a comment``, ``2 Kommentare``, ``Sin comentarios``: the
count of comments (or a call to write one) that blog themes print at the end of the byline."""


def may_follow_date(folded: str) -> bool:
    """Whether a case-folded line holds a byline label other than "by" that may follow a date
    ("1. März 2019 von Jane Doe": von, par, por, di, as :data:`_DATE_FIRST` knows them), and a
    digit (every date :func:`.dates.parse_date` reads has one), both near the line's
    start. German prose holds " von " often; the pattern and the date parser, which cost tens of
    microseconds, are spared it, and a long line is not searched to its end."""
    head = folded[:_DATE_FIRST_REACH]
    return (" von " in head or " par " in head or " por " in head or " di " in head) and (
        _ANY_DIGIT.search(head) is not None
    )


def uncommented(text: str) -> str:
    """``text`` less the comment count it ends with. Every match of :data:`_COMMENT_COUNT` holds
    "omment" or "omentar" in some case: those are looked for first, the pattern (which tries
    every position) only then."""
    if (
        "omment" in text
        or "OMMENT" in text
        or "omentar" in text
        or "OMENTAR" in text
        or holds_case_trap(text)
    ):
        return _COMMENT_COUNT.sub("", text)
    return text


_TRAILING_WEEKDAY = lazy_pattern(rf"\s(?:{_WEEKDAY_NAME})$", re.IGNORECASE)
_DATE_PREPOSITION = lazy_pattern(r"\s+(?:on|On|am|le|el|il|em|at)\s*$")
"""``Jane Doe on`` (``Jane Doe On``) before a date; other prepositions only in small letters, as
"Le" is a surname too."""
_DATE_FIRST = lazy_pattern(
    r"^(?:(?P<posted>posted|published|veröffentlicht|publiziert|publié|publicado|pubblicato)\s+)?"
    r"(?:(?:on|am|le|el|il|em)\s+)?(?P<date>[^|]{6,60}?),?\s+"
    r"(?P<byline>(?:by|By|BY|von|par|por|di)\s+\S.*)$",
    re.IGNORECASE,
)
"""``on March 10, 2015 by Jane Doe``, ``Tuesday 15 October 2019 by Jane Doe``, ``1. Januar 2016
von Jane Doe``, ``Veröffentlicht am 3. Januar 2021 von jdoe``: the date first."""
_GLUED_DATES = lazy_pattern(r"^(?P<first>.*?\d{4})(?=[^\W\d_]|\d{1,2}\.?\s)")
"""``3. Mai 20214. Mai 2021``: the dates a post was published and updated, run together by a
copy that drops the space between them (the first is the one published)."""
_IN_CATEGORY = "in|In|dans|en|em"
"""The word before a blog's category in each language's blog ("in", French "dans", Spanish "en",
Portuguese "em"); the new words in small letters only, as "Em" and "En" are given names too
("Posted by Jane Doe and Em Smith")."""
_CATEGORY = lazy_pattern(
    rf"\s+(?:·\s+)?(?:{_IN_CATEGORY})\s+(?P<category>\S(?:(?!\s(?:{_IN_CATEGORY})\s).)*)$"
)
"""``3. Mai 2021 von Jane Doe in Allgemeines``, ``3 mai 2021 par jdoe dans Actualités``: the
blog's category after a dated byline."""
_MAY_HOLD_CATEGORY = lazy_pattern(rf"\s(?:{_IN_CATEGORY})\s")
"""What :data:`_CATEGORY` needs to find anything."""
CATEGORY_WORDS = 3
_INITIAL_END = lazy_pattern(r"(?:^|[\s.])[A-Z]\.$")
"""``Jane Doe C.``: names that end with an initial."""
_DATE_FIRST_REACH = 120
"""How far into a line the label after the date :data:`_DATE_FIRST` reads stands at most (a
label word, a preposition and sixty characters of date come first; case folding may lengthen
them: "ß" is "ss")."""
_HANDLE_NAME = lazy_pattern(r"^[a-z][\w.-]{1,30}$")
"""``kovarex``: a user name, credited after "Posted by" and "Written by" on blogs."""


_NICKNAME = lazy_pattern(r'(?<=\w\s)["“]([^\W\d_][^"“”\d]{0,30}?)["”](?=\s\w)')
"""A nickname in quotes between a name's words (``Amanda "Tania Mae" Tan``), its quotes the
only ones: quotes at a name's start or end quote a phrase ("By "Popular" Demand")."""


def _unquoted_nickname(words: list[str]) -> list[str]:
    """``words`` with the quotes around a nickname inside a name dropped (what is checked is its
    words, each capitalised as a name's); other quotes left, which no name's word passes. Told
    first by a search of the joined words for an opening quote: most lines hold none, and a
    look at each character of each word would cost the finder, which asks for every line."""
    joined = " ".join(words)
    if '"' not in joined and "“" not in joined:
        return words
    return _NICKNAME.sub(r"\1", joined).split()


def _name_like(
    words: list[str], after_separator: bool, handles: bool = False, uncased: bool = False
) -> bool:
    """Capitalised words and connectors (a quoted nickname among them: :data:`_NICKNAME`); after
    a separator also an agency code (``dpa``); with ``handles`` also a user name of one word;
    with ``uncased`` also words of a script without case (see :func:`_uncased`)."""
    words = _unquoted_nickname(words)
    if not words:
        return False
    if handles and len(words) == 1 and _HANDLE_NAME.match(words[0]):
        return True
    for word in words:
        bare = word.strip("()[]")
        if bare.lower() in _CONNECTORS:
            continue
        if not bare.isalpha():  # (letters alone hold a letter and no digit)
            if not bare or not any(map(str.isalpha, bare)):
                return False
            if any(map(str.isdigit, bare)):
                return False
        capital = bare[0].isupper() or (uncased and _uncased(bare[0]))
        if not (capital or (after_separator and _AGENCY.match(bare))):
            return False
    return True


def _uncased(letter: str) -> bool:
    """Whether ``letter`` is of a script without case (Hebrew, Arabic, Persian), whose names
    follow a byline's label with no capital; only after a label, where a line of words of such
    a script (a Chinese headline) reads as no names by itself."""
    return letter.isalpha() and not letter.islower()


def is_labelled_byline(text: str) -> bool:
    """Whether ``text`` opens with a byline label ("By", "Von", "Par", "Text:") and more."""
    return may_open_with_label(text) and _LABEL.match(text) is not None


def may_open_with_label(text: str) -> bool:
    """Whether ``text`` opens with the first two letters of a byline label (a test a few times
    cheaper than the label's pattern, which most lines fail)."""
    return text[:2] in _LABEL_OPENINGS


_LABEL_OPENINGS = frozenset({
    "Wr", "wr", "WR", "Re", "re", "RE", "Po", "po", "PO", "By", "BY", "by", "Vo", "VO", "vo", "Pa",
    "PA", "pa", "Di", "DI", "di", "de", "Do", "do", "Te", "Au", "Er", "er", "Ve", "ve", "Ge", "ge",
    "Éc", "éc", "Ec", "ec", "Ré", "ré", "Es", "es", "Sc", "sc", "Ав", "מא", "بق", "نو", "Το", "Τη",
    "ΤΟ", "ΤΗ", "An", "AN", "Op", "OP", "Co", "CO", "Ko", "Ga", "Gl", "Ei", "Ch", "Tr", "Éd",
})  # fmt: skip
"""The first two letters of every byline label of :data:`_LABEL`."""


def _parts(names: str) -> list[str]:
    """The non-empty parts of ``names`` between :data:`_PART_SEPARATOR` matches."""
    if _SEPARATOR_CHAR.search(names) is None:
        return [names] if names else []
    return [part for part in _PART_SEPARATOR.split(names) if part]


_SEPARATOR_CHAR = lazy_pattern(r"[|—–·•,;/-]")
"""A character every :data:`_PART_SEPARATOR` match holds."""


_NAMES_MAY_FOLLOW = frozenset(" ,;|—–-·•/()@")
"""Characters that may open a line before its first name."""


def parse_byline(text: str, *, labelled: bool = True, dated: bool = False) -> Byline | None:
    """The fields of a byline line, or ``None`` when it is not one.

    ``labelled=False`` also takes a line of names without a label ("Dan Goodin - Apr 16, 2015"),
    which only the context (under a headline, beside a date) can tell from other short lines.
    ``dated``: the byline follows a date ("3. Januar 2021 von jdoe"), which makes the line a
    post's header and lets it credit a user name as "Posted by" does.
    """
    text = spaced(text).rstrip("= ")  # runs of spaces would make patterns backtrack
    if not text or len(text) > BYLINE_LIMIT or (" " not in text and "@" not in text):
        return None  # a label and its names, or two names' words, are apart (a handle aside)
    label = _LABEL.match(text) if text[:2] in _LABEL_OPENINGS else None
    if label is None:
        folded = text.casefold()
        if " by " in folded or may_follow_date(folded):
            without_count = uncommented(text)
            date_first = _dated_byline(without_count, commented=without_count != text)
            if date_first is not None or " by " in folded:
                return date_first
    if label is not None:
        rest = label.group("rest")
        if _GLUED_DAY.search(rest) is not None:
            rest = _GLUED_DAY.sub(" ", rest)
    elif labelled or (text[0] not in _NAMES_MAY_FOLLOW and not text[0].isupper()):
        return None  # unlabelled names open with a capital (what follows would check it dearer)
    else:
        rest = text
        if _ANY_DIGIT.search(text) is not None:
            rest = _GLUED_NUMERIC_DATE.sub(" ", rest)
    rest = uncommented(rest).rstrip("=").strip()
    descriptions: list[str] = []  # ("By Jane Doe, a staff writer": printed, not her name)
    appositions = _APPOSITION if label is None else _LABELLED_APPOSITION
    while "," in rest and (apposition := appositions.search(rest)) is not None:
        description, following = _cut_description(rest[apposition.end() :])
        if _APPOSITION.match(rest, apposition.start()) is None and not _describes(description):
            break  # (words in lower case that go on as a sentence, a date or another credit)
        descriptions.append(description)
        rest = rest[: apposition.start()] + following
    if (
        _holds_credit_with(rest)
        and (credit := _STAFF_CREDIT.search(rest, max(0, len(rest) - STAFF_CREDIT_REACH)))
        is not None
    ):
        descriptions.append(credit.group("credit"))  # ("By Jane Doe with Gazette Staff")
        rest = rest[: credit.start()]
    if "@" in rest or "Follow" in rest:
        rest = _HANDLE.sub(" ", rest)
    if label is not None and any(word in rest for word in _ACCOUNT_WORDS):
        rest = _ACCOUNT_LINKS.sub("", rest)
    rest = rest.strip()
    if _VISUAL_CREDIT_WORD.search(rest) is not None:
        rest = _VISUAL_CREDIT.sub(_bracketed_credit, rest)
    names, date_text = _cut_date(rest)
    names = names.strip(" ,;|—–-·•/" if label is not None else " ,;|—–-·•")
    if (
        label is not None
        and label.group("verb") is not None
        and _MAY_HOLD_CATEGORY.search(names) is not None
    ):
        names = _uncategorised(names)  # ("Posted by jdoe in Allgemein": the post's category)
    # ("Von Jane Doe // 3. Mai 2021"; a line of names alone needs more than a slash to end)
    if not names or len(names) > NAMES_LIMIT or names.startswith("("):
        return None  # "DI (AP) —" is a dateline: names never open with a bracket
    if names.endswith(".") and not ends_with_abbreviation(names):
        # "By Jane Doe.": a label and whole names before the stop, not "By Monday."
        if label is None or not _plain_names(names[:-1]) or _phrase(names[:-1]):
            return None
        if not _INITIAL_END.search(names):  # ("By Jane Doe C.": her initial keeps its stop)
            names = names[:-1]
    unglued = names if label is None else _unglued_agency(names)
    separated = _unglued_role(unglued if label is None else _unglued_job_title(unglued))
    parts = _parts(_BRACKETED_ROLE.sub("", separated) if "(" in separated else separated)
    handles = dated or (label is not None and label.group("verb") is not None)
    words_first = parts[0].replace("(", " ").replace(")", " ").split()
    uncased = label is not None and _uncased(label.group("label").rstrip(" :")[-1])
    opening = words_first[0][0] if words_first else ""
    if not opening or not (opening.isupper() or (uncased and _uncased(opening)) or handles):
        return None
    if label is not None and _phrase(parts[0]):
        return None  # ("By Christmas, the town will ...", "Von Montag, dem Stichtag, an ...")
    if (
        label is not None
        and (label.group("small") or label.group("genitive")) is not None
        and not _full_name(_split_names(parts[0])[0])
    ):
        return None  # ("di Roma", "di Maio", "Της Ελλάδας": a place or a surname as often)
    if (
        label is not None
        and label.group("kind") is not None
        and not _full_name(_split_names(parts[0])[0])
    ):
        return None  # ("Analyse von Daten", "Chronique par Temps")
    if label is not None and label.group("genitive") is not None and _greek_body(parts[0]):
        return None  # ("Του Υπουργείου Οικονομικών": of the Ministry of Finance)
    for position, part in enumerate(parts):
        words = part.replace("(", " ").replace(")", " ").split()
        if position > 0 and (
            (label is not None and (_small_job_title(part) or _job_title_first(part)))
            or _sentence_case_title(part)
        ):
            continue  # ("Par Claire Morel, journaliste, et Hugo Lenoir, rédacteur")
        if not _name_like(words, position > 0, handles=handles, uncased=uncased):
            return None
    if not labelled and label is None and not _plain_names(parts[0]):
        return None
    organisation = _organisation(unglued, labelled=label is not None)
    people = authors_from_byline(separated)
    contributors = tuple(
        f"{person['name']} ({person['role']})"
        for person in people
        if _VISUAL_ROLE.match(person.get("role", ""))
    )
    if contributors:
        people = [person for person in people if not _VISUAL_ROLE.match(person.get("role", ""))]
    end = text.find(names)
    end = end + len(names) if end >= 0 else len(text)
    for description in descriptions:  # (each after the names, one after the other)
        found = text.find(description, end) if description else -1
        end = found + len(description) if found >= 0 else end
    printed = text[:end].rstrip(" ,|—–-·•")
    return Byline(printed, names, people, organisation, date_text, contributors)


_NOT_IN_NAMES = frozenset({
    "a", "an", "the", "on", "at", "to", "for", "from", "with", "into", "over", "after", "before",
    "about", "how", "why", "what", "when", "where", "who", "which", "is", "are", "was", "were",
    "be", "can", "not", "no", "your", "our", "my", "his", "her", "its", "their", "this", "that",
    "these", "those", "it", "we", "you", "they", "as", "or", "but", "if", "up", "out", "vs",
    "die", "und", "mit", "für", "auf", "im", "ist", "wie", "warum", "ein", "eine", "nicht", "zum",
    "zur", "vom", "bei", "nach", "über", "aus", "les", "un", "une", "et", "pour", "dans", "sur",
    "avec", "par", "au", "aux", "est", "qui", "que", "comment", "los", "las", "una", "para",
    "por", "con", "es", "cómo", "qué", "sobre", "il", "gli", "per", "che", "come", "è", "nel",
    "della", "os", "um", "uma", "com", "em", "na", "como", "é",
    "now", "here", "jetzt", "hier", "maintenant", "ici", "ahora", "aquí", "más", "adesso",
    "ora", "agora", "aqui", "mais",
})  # fmt: skip
"""Function words of six languages, capitalised in title-case headlines ("On Recent Events") and
a button's words ("Listen Now", "Jetzt lesen", "Leer más"), never in a name; name particles (de,
van, von, da, del, di, la, le) are not among them."""
_DATE_LABEL_WORDS = frozenset({
    "update", "updated", "publish", "published", "posted", "datum", "am", "aktualisiert",
    "aktualisierung", "änderung", "geändert", "erstellt", "veröffentlicht", "publié",
    "actualizado", "actualización", "publicado", "aggiornato", "aggiornamento", "pubblicato",
    "atualizado", "atualização",
})  # fmt: skip
"""Words that label a date, never in a name: "Last Update March 3, 2024", "Letzte
Aktualisierung am 2.02.2022" and "Erstellt am 3.12.2024" are no bylines ("Date" is a name:
Kimiko Date)."""


_CONTROL_WORDS = frozenset({
    "article", "articles", "artikel", "artículo", "artículos", "articolo", "articoli", "artigo",
    "artigos", "gallery", "galerie", "galería", "galleria", "galeria", "question", "questions",
    "frage", "fragen", "pregunta", "preguntas", "domanda", "domande", "pergunta", "perguntas",
})  # fmt: skip
"""Words of a page's buttons, tabs and links in six languages (articles, a gallery, a
question), never in a name: "All Articles" under an author's box, "Ask Question" under a
forum's title, "Article Gallery" tabs over the story are no line of names."""
_NOT_NAME_CHARS = lazy_pattern(r"[^\w.'’‘-]")
"""Characters that never stand in a name's word (a colon, a question mark, a digit sign)."""


def _dated_byline(text: str, *, commented: bool = False) -> Byline | None:
    """``on March 10, 2015 by Jane Doe``: a date, then the byline. The byline is read first:
    most lines the pattern takes are prose ("am 3. Mai von der Polizei gefasst"), and reading a
    date costs more. A blog post's header ("Posted on ...", a comment count or a category after
    the name: ``commented``) may credit a user name ("von jdoe"), as "by" may anywhere ("March 3,
    2021 by admin", not "by mistake"); after a bare date, another label needs a name of two words
    or more ("3. März 2019 von Berlin" is no byline)."""
    match = _DATE_FIRST.match(text)
    if match is None:
        return None
    byline = match.group("byline")
    post = commented or match.group("posted") is not None
    if _MAY_HOLD_CATEGORY.search(byline) is not None:
        uncategorised = _uncategorised(byline)
        if uncategorised == byline:
            return None  # ("von Jana Schmidt in Berlin und Hamburg": no blog's category)
        post, byline = True, uncategorised
    english = byline[:2].lower() == "by"
    found = parse_byline(byline, dated=post or english)
    if found is None or found.date_text or _phrase(found.names):
        return None  # ("March 3, 2021 by mistake"; "by admin" is a blog's user)
    if not post and not english and len(found.names.split()) < 2:
        return None
    date_text = match.group("date").strip()
    if dates.parse_date(date_text) is None:
        glued = _GLUED_DATES.match(date_text)
        if glued is None or dates.parse_date(glued.group("first")) is None:
            return None
        date_text = glued.group("first")
    return found._replace(date_text=date_text)


def _uncategorised(byline: str) -> str:
    """``von Jane Doe in Allgemeines`` less the blog's category: one to three words in capitals
    after the last "in" ("dans", "en", "em"; not "von Olaf Scholz in Berlin eröffnet", a
    sentence)."""
    found = _CATEGORY.search(byline)
    if found is None:
        return byline
    words = found.group("category").split()
    if len(words) > CATEGORY_WORDS or not all(word[:1].isupper() or word == "&" for word in words):
        return byline
    return byline[: found.start()]


_PHRASE_WORDS = frozenset({
    "morning", "afternoon", "evening", "night", "tonight", "midnight", "noon", "eve", "day",
    "week", "weekend", "month", "year", "demand", "only", "necessary", "appointment", "means",
    "standards", "invitation", "default", "design", "far", "contrast", "comparison", "mistake",
    "accident", "chance", "nature", "hand", "heart", "air", "sea", "land", "road", "rail", "car",
    "popular", "royal", "any", "next", "this", "last", "new", "special", "christmas", "easter",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "tomorrow", "then", "now", "all", "every", "public", "private", "law", "order",
})  # fmt: skip
"""Words of the phrases a byline label's word opens ("By Friday Night.", "By Popular Demand.",
"by mistake"): a line of them alone is no byline."""
_TIMES = frozenset({
    *(name for name in dates.MONTHS if len(name) > 3),
    *(name for name in dates.FOREIGN_MONTHS if not name.endswith(".")),
    *(name for name in dates.FOREIGN_WEEKDAYS if len(name) > 2),
    "spring", "summer", "autumn", "fall", "winter", "thanksgiving", "halloween", "labor",
    "labour", "memorial", "independence", "year's", "years", "ramadan", "hanukkah", "passover",
    "weihnachten", "ostern", "pfingsten", "silvester", "neujahr", "frühjahr", "sommer", "herbst",
    "mittag", "abend", "noël", "pâques", "navidad", "natale", "pasqua", "natal", "páscoa",
})  # fmt: skip
"""Times a story's first sentence may open with after "By" or "Von" ("By Labor Day, the
campaign had ...", "Von Montag an gilt ..."): months, weekdays and feasts of the label languages
(the dates module's names of months and weekdays) and the seasons."""


def _phrase(names: str) -> bool:
    """Whether every word is one of a phrase's or a time's (not "Elizabeth Day", "May Smith":
    names); a word in quotes too ("By Royal "Appointment" Only": the quotes a nickname's, for
    :func:`_name_like`)."""
    return all(
        (folded := word.strip('"“”').casefold()) in _PHRASE_WORDS or folded in _TIMES
        for word in names.split()
    )


SMALL_JOB_TITLE_WORDS = 2
"""The most words of a job title in small letters after a labelled byline's names
("journaliste", "redactor jefe"): more go on as a description or a sentence."""


def _small_job_title(part: str) -> bool:
    """A job title in small letters between a byline's separators ("journaliste",
    "corresponsal"), or behind an agency's name in small letters ("dpa-Korrespondentin"), which
    the names' check (capitalised words) would refuse."""
    if len(part.split()) > SMALL_JOB_TITLE_WORDS or not is_job_title(part):
        return False
    agency, hyphen, title = part.partition("-")
    return part.islower() or (bool(hyphen) and agency.islower() and title[:1].isupper())


def _job_title_first(part: str) -> bool:
    """A job title and where it works from, capitalised as a sentence ("Envoyés spéciaux à
    Lyon", "Correspondant à Berlin", "Parliamentary editor"), between a byline's separators: its
    words in small letters would fail the names' check."""
    return (
        len(part.split()) <= DESCRIPTION_WORDS
        and _holds_role_stem(part.lower())
        and (_ROLE_WORDS.match(part) is not None or _sentence_case_title(part))
    )


_SENTENCE_CASE_WORDS = r"[A-ZÀ-Þ][a-zß-ÿ-]+(?: [a-zß-ÿ-]+){1,3}"
"""A capitalised word, then one to three words in small letters ("Senior political reporter")."""
_SENTENCE_CASE = lazy_pattern(_SENTENCE_CASE_WORDS)


def _sentence_case_title(words: str) -> bool:
    """Whether ``words`` are a job title capitalised as a sentence and ending with a job's word
    ("Parliamentary editor", "Senior political reporter"); a name's words are capitalised."""
    return (
        _SENTENCE_CASE.fullmatch(words) is not None
        and _ROLE_WORDS.fullmatch(words.rsplit(" ", 1)[1]) is not None
    )


_GLUED_JOB_TITLE = lazy_pattern(r"(?<=[A-ZÀ-Þ]{2})\s+(?=[A-ZÀ-Þ][a-zß-ÿ])")
"""Where a name in capitals ends and a capitalised word in small letters follows."""


def _unglued_job_title(names: str) -> str:
    """``CLAIRE DUBOIS, MARC LEROY Envoyés spéciaux à Lyon``: names in capitals, then the job
    title with no comma before it (a French daily's byline), given the comma it lacks; not an
    outlet's name in capitals before its staff ("USA TODAY Staff", "LE MONDE Correspondant"),
    which names no one."""
    if not _holds_role_stem(names.lower()):
        return names
    glued = _GLUED_JOB_TITLE.search(names)
    if glued is None or not _job_title_first(names[glued.end() :]):
        return names
    title = names[glued.end() :]
    last_name = names[: glued.start()].rpartition(",")[2].split()
    if title.casefold() in _STAFF_TITLES or last_name[0].casefold() in _OUTLET_ARTICLES:
        return names
    return f"{names[: glued.start()]}, {title}"


_SPACED_TITLE = lazy_pattern(rf" (?P<title>{_SENTENCE_CASE_WORDS})$")
"""A job title capitalised as a sentence after the names, a space before it and no comma ("Jane
Doe Parliamentary editor"): the title's small words end the line."""
_GLUED_ROLE = lazy_pattern(r"(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ][a-zß-ÿ])")
"""Where a word in small letters runs into a capitalised one: a browser's copy joins a name's
element and the job title's after it with no space ("Jane DoeTravel Reporter")."""


SURNAME_PREFIXES = frozenset({
    "mc", "mac", "de", "di", "da", "du", "la", "le", "van", "von", "der", "den", "des", "del",
    "les", "fitz", "vander", "dela", "della",
})  # fmt: skip
"""Prefixes a name's capital follows inside one word ("McDonald", "MacArthur", "DeSantis",
"LaToya", "VanDyke", "DelGrosso", "FitzGerald", "VanderBerg", "DelaCruz")."""


def _unglued_role(names: str) -> str:
    """``Jane DoeTravel News Reporter``, ``Jana DornRedakteurin``: a name of two words (particles
    aside: ``Jana van DornRedakteurin``), then a job title run into its surname, given the comma
    it lacks. The title must end with a job's word and the name's last word must be more than a
    prefix ("McKenzie", "DeSantis", "MacEditor": names whose capital inside ends no name). A
    title holds no comma and the name's words run from the last one: a capital inside a name or a
    company before a title set off already ("Tom FitzGerald, Reporter", "Jane Doe, PayPal
    Correspondent") is no glue; nor is a word with a capital inside after a whole name ("Adam
    Aaronson PhillyVoice Staff": an outlet's name the page set under the name). A name of three
    words takes a title of one job's word alone ("Mary Ann SmithReporter"), which no outlet's
    name and staff are."""
    if not _holds_role_stem(names.lower()):
        return names
    spaced = _SPACED_TITLE.search(names) if "," not in names else None
    if spaced is not None and _sentence_case_title(spaced.group("title")):
        name = names[: spaced.start()]
        if len([w for w in _split_names(name)[-1].split() if w not in NAME_PARTICLES]) >= 2:
            return f"{name}, {spaced.group('title')}"  # ("Jane Doe Parliamentary editor")
    for glued in _GLUED_ROLE.finditer(names):
        name, title = names[: glued.start()], names[glued.end() :]
        words = title.split()
        surname = name.rsplit(None, 1)[-1].rsplit("-", 1)[-1]
        name_words = len([w for w in _split_names(name)[-1].split() if w not in NAME_PARTICLES])
        if (
            "," not in title
            and (name_words == 2 or (name_words == 3 and len(words) == 1))
            and len(surname) >= 3
            and surname.casefold() not in SURNAME_PREFIXES
            and len(words) <= DESCRIPTION_WORDS
            and _ROLE_WORDS.fullmatch(words[-1]) is not None
        ):
            return f"{name}, {title}"
    return names


_AGENCY_AT_END = (
    r"(?:(?:The\s+|THE\s+)?(?:Associated\s+Press|ASSOCIATED\s+PRESS)$|(?:"
    + "|".join(
        f"{re.escape(name.upper())}|{re.escape(name)}"
        if len(name) <= 4
        else re.escape(name.title())
        for name in AGENCIES
    )
    + r")$)"
)
"""An agency's name ending a byline: a short agency's name in capitals or in small letters, as
an agency writes it ("Ansa", "Lusa" are names)."""
_GLUED_AGENCY = lazy_pattern(r"(?<=\w\s\w)(?P<names>[^,;|]*?[\w.])\s+(?=" + _AGENCY_AT_END + ")")
"""Where whole names end and the agency a wire byline names after them without a comma
begins ("By Jane Doe and John Roe The Associated Press", "By JANE DOE ASSOCIATED PRESS", "Von
Jana Dorn DPA", "Von Jana Dorn und Karl Roth dpa", "By Jane Doe Reuters"): two words of names
at least before it ("By Anna Bloomberg" names a person). Searched only in bylines that end with
an agency's name (:data:`_GLUED_ENDING`), from after their last ``;`` or ``|``: its names go
on to the line's end, so every start that search tries would otherwise run to the end (or to
the next ``;``), in time quadratic in the byline's length."""
_GLUED_ENDING = lazy_pattern(r"[\w.]\s+" + _AGENCY_AT_END)
"""An agency's name after the last name's letter or dot and spaces, ending the byline: what
:data:`_GLUED_AGENCY` needs to find anything (each start tried runs no further than a run of
spaces)."""


def _unglued_agency(names: str) -> str:
    """Names and the agency after them, given the comma they lack (see :data:`_GLUED_AGENCY`),
    when the last person's name before it is whole: two words at least, the last no initial nor
    particle ("By Michael R. Bloomberg", "By Jane Doe and Michael Bloomberg", "By Tom Van
    Reuters" name no agency)."""
    if "," in names:
        return names
    if _GLUED_ENDING.search(names) is None:
        return names
    glued = _GLUED_AGENCY.search(names, max(names.rfind(";"), names.rfind("|")) + 1)
    if glued is None:
        return names
    people = names[: glued.end("names")]
    joined = _JOINED_AGENCY.search(people)
    if joined is not None:  # ("Jane Doe with AFP", "Jana Dorn mit dpa": the agency helped)
        people = people[: joined.start()]
    last_person = _split_names(people)[-1].split()
    if (
        len(last_person) < 2
        or _INITIAL_END.search(last_person[-1]) is not None
        or last_person[-1].casefold() in NAME_PARTICLES
    ):
        return names
    return f"{people}, {names[glued.end() :]}"


_JOINED_AGENCY = lazy_pattern(r"(?<!\s)\s+(?:with|mit|avec|con|com|and|und|et|y)$")
"""The word that joins the agency to the names before it ("Jane Doe with AFP"): no name's (a
run of spaces tried from its first space only, in time linear in its length)."""


_STAFF_TITLES = frozenset({
    "staff", "staff writers", "staff reports", "newsroom", "rédaction", "redacción",
    "redaktion", "redazione", "redação",
})  # fmt: skip
"""Job titles that credit an outlet's staff as a whole: the name before one is the outlet's."""
_OUTLET_ARTICLES = frozenset({"the", "el", "la", "le", "les", "die", "der", "das", "il", "lo", "o"})
"""Articles an outlet's name opens with ("El País", "LE MONDE", "Die Zeit"), a person's never
(a name's particle follows a first name: "Carl de la Rosa")."""


def _place_or_outlet(piece: str) -> bool:
    """Whether a byline's piece after a slash, or a line under the names, names a place or an
    outlet ("Jane Doe / New York", "María López / El País"), not a second author: it opens with
    a place's or an outlet's first word."""
    words = piece.split()
    return bool(words) and words[0].casefold() in PLACE_OPENINGS | _OUTLET_ARTICLES


def _titled_outlet(piece: str) -> bool:
    """An outlet's name after a slash that opens with an article ("El País", "The Courier")."""
    words = piece.split()
    return len(words) >= 2 and words[0].casefold() in _OUTLET_ARTICLES


_GREEK_BODIES = (
    "υπουργεί", "αστυνομί", "εταιρεί", "εταιρί", "δήμου", "περιφέρει", "κυβέρνησ", "τράπεζ",
    "πανεπιστημί", "νοσοκομεί", "υπηρεσί", "επιτροπ", "βουλής", "ομίλου", "συλλόγου", "ένωσ",
    "οργανισμ", "ινστιτούτ", "ελληνικ", "εθνικ", "κέντρου", "γραφεί", "σωματεί", "ταμεί",
    "ιδρύματ", "αρχής", "διεύθυνσ",
)  # fmt: skip
"""Openings of the Greek words for a public body or a company and of "Hellenic", "national", in
the genitive a byline's Του/Της puts them in ("Του Υπουργείου", "Της Ελληνικής Αστυνομίας"):
a person's name holds none."""


def _greek_body(names: str) -> bool:
    """Whether names after a Greek genitive label name a body, not a person."""
    return any(word.casefold().startswith(_GREEK_BODIES) for word in names.split())


def _not_a_name(word: str) -> bool:
    bare = word.strip("()")  # "Richard (R.J.) Eskow"
    folded = bare.casefold()
    return (
        folded in _NOT_IN_NAMES
        or folded in _DATE_LABEL_WORDS
        or folded in _CONTROL_WORDS
        or _NOT_NAME_CHARS.search(bare) is not None
        or (not bare.islower() and _run_together(bare))
    )


RUN_TOGETHER_LOWER = 6
"""Lower-case letters before a capital that show two words run together."""


def _run_together(word: str) -> bool:
    """Two words a page's copy ran together ("SubscribeSign", "SuscríbeteIniciar"): a capital
    after six lower-case letters, which no name has ("McDonald", "FitzGerald", "VanderMeer")."""
    lower = 0
    for char in word:
        if char.isupper() and lower >= RUN_TOGETHER_LOWER:
            return True
        lower = lower + 1 if char.islower() else 0
    return False


def _plain_names(part: str) -> bool:
    """An unlabelled line of names: two to four capitalised words per name, no organisation, no
    function word (a title-case headline has some)."""
    for name in _split_names(part):
        words = name.split()
        if (
            not 2 <= len(words) <= PLAIN_NAME_WORDS
            or _names_organisation(name)
            or is_job_title(name)
            or any(_not_a_name(word) for word in words)
        ):
            return False
    return True


def _slashed_outlet(part: str) -> tuple[str, str | None]:
    """``Jane Doe/AFP``, ``Jane Doe/Staff``: the name, and the outlet or job title after its
    slash when that is one (not in ``AC/DC``)."""
    name, slash, outlet = part.rpartition("/")
    name, outlet = name.strip(), outlet.strip()
    if not slash or not name or (" " not in name and name.isupper()):  # ("AC/DC")
        return part, None
    if is_job_title(outlet) or _is_organisation(outlet) or _titled_outlet(outlet):
        return name, outlet
    return part, None


def _organisation(names: str, *, labelled: bool = False) -> str | None:
    """The outlet a byline names: after ``|``, after a name's slash, or a part that is an agency
    or organisation. One word after the bar of a byline with no label is the place it was filed
    from (a Spanish daily's "Jana Vidal | Valencia"); after a label it is the outlet, as it
    is in "By Jane Doe | Politico"."""
    if "|" in names:
        after = names.split("|", 1)[1].strip()
        if not after or (_place_after_bar(after) and not (labelled and " " not in after)):
            return None
        return after
    parts = _split_names(names)
    if "/" in names:
        for part in parts:
            outlet = _slashed_outlet(part.strip())[1]
            if outlet is not None and not is_job_title(outlet):
                return outlet
    for position, raw in enumerate(parts):
        role = _BRACKETED_ROLE.search(raw) if "(" in raw else None
        if role is not None and _VISUAL_ROLE.match(role.group("role")):
            continue  # ("Reuters (photos)": credited for the pictures, not the outlet)
        outlet = _bracketed_outlet(raw) if "(" in raw else None
        if outlet is not None:
            return outlet
        if position == 0:
            continue  # (the first part names a person)
        part = (_BRACKETED_ROLE.sub("", raw) if role is not None else raw).strip(" .()")
        if part and not is_job_title(part) and _is_organisation(part):
            return part
    return None


_PLACE_PARTICLES = frozenset({"de", "del", "di", "do", "da", "la", "sur", "am", "an"})
"""Small words inside a place's name ("Palma de Mallorca", "Frankfurt am Main")."""


def _place_after_bar(after: str) -> bool:
    """Whether what follows a byline's ``|`` names the place the writer files from ("Jane Doe |
    Madrid", "Jane Doe | Palma de Mallorca"), not an outlet: one capitalised word, or such
    words joined by a place's small word, naming no agency nor organisation. There is no
    gazetteer: a one-word outlet ("| Courier") reads as a place too."""
    words = after.split()
    return (
        len(words) <= 3
        and _PLACE_WORD.match(words[0]) is not None
        and _PLACE_WORD.match(words[-1]) is not None
        and all(word in _PLACE_PARTICLES for word in words[1:-1])
        and (len(words) != 2)
        and not _is_organisation(after)
    )


def _bracketed_outlet(part: str) -> str | None:
    """``Jean Martin (AFP)``, ``Jana Roth (dpa)``: an agency or outlet in brackets after a name
    (not a role in small letters, "(reporting)", nor a job title, "(Staff Writer)")."""
    for bracket in _BRACKETS.finditer(part):
        inside = bracket.group(1).strip()
        if inside.casefold() in _AGENCY_NAMES or (
            _BRACKETED_ROLE.match(bracket.group(0)) is None
            and not is_job_title(inside)
            and _is_organisation(inside)
        ):
            return inside
    return None


def _is_organisation(part: str) -> bool:
    """Whether a byline's part names an agency or an organisation, in capitals too ("ASSOCIATED
    PRESS", "THE HARBOUR TIMES": a wire byline's capitals, whose words are read capitalised)."""
    return (
        _names_organisation(part)
        or _AGENCY.match(part) is not None
        or (part.isupper() and _names_organisation(part.title()))
    )


_holds_organisation_name = AnyOf(_ORGANISATION_NAMES)
_holds_role_stem = AnyOf(_ROLE_STEMS)


def _names_organisation(text: str) -> bool:
    """``_ORGANISATION_WORDS.search(text)``, searched only when one of its words stands in
    ``text`` (the pattern tries every position of the line)."""
    return _holds_organisation_name(text) and _ORGANISATION_WORDS.search(text) is not None


def _split_names(text: str) -> list[str]:
    """``_NAME_SPLIT.split(text)``, without the pattern for a line of letters and spaces that
    holds none of its words (its words are then those between spaces)."""
    if (
        "," in text
        or ";" in text
        or "&" in text
        or not text.replace(" ", "").isalpha()
        or not _NAME_SPLIT_WORDS.isdisjoint(text.split())
    ):
        return _NAME_SPLIT.split(text)
    return [text]


def byline_names(text: str) -> str | None:
    """The names part of a byline line that credits people (date left out), else ``None``."""
    found = parse_byline(text)
    return found.names if found is not None else None


def is_job_title(name: str) -> bool:
    """Whether a credited "name" is a job title standing in for one ("Staff Reporter")."""
    if not holds_case_trap(name) and not _holds_role_stem(name.lower()):
        return False  # (the case-blind pattern would try every position of the line)
    return _ROLE_WORDS.search(name) is not None


def authors_from_byline(names: str, title: str | None = None) -> list[dict[str, str]]:
    """People credited by a byline: names split on commas and "and"; job titles become roles,
    outlets, agencies and the place the byline names (``Jane Doe, London``, ``Jane Doe in
    London``: where the story was filed, which stays in the printed byline) are left out; a
    name's suffix stays with it (``John Smith, Jr.``).

    A job title after names is the role of the people since the job title before it: one job
    title at the end is everyone's ("Jane Doe and John Roe, Staff Writers"), one before other
    names only theirs ("Jane Doe, Reporter, and John Roe"), several each their own people's
    ("Jane Doe, Business Reporter, and John Roe, Economics Editor")."""
    people: list[dict[str, str]] = []
    title_role = title if title and is_job_title(title) else None  # (a wire's second line)
    role = title_role
    titled: list[tuple[list[dict[str, str]], str]] = []  # (the people a job title follows, it)
    untitled: list[dict[str, str]] = []
    anonymous = False
    names = spaced(names)  # (runs of spaces before a bracket made the patterns backtrack)
    main, _, _outlet = names.partition("|")
    if "(" in main:
        main = _WITH_OTHERS.sub(lambda match: f", {match.group('others')}", main)
        main = _BRACKETED_ROLE.sub(_role_or_agency, main)
        main = _BRACKETS.sub(
            lambda match: (
                match.group(0) if not _is_organisation(match.group(1)) else f", {match.group(1)},"
            ),
            main,
        )
    raws = _with_suffixes(_split_names(main))
    if " / " in main:
        raws = [piece for raw in raws for piece in _slashed_names(raw)]
    places = _places(main, raws)
    for raw in raws:
        part, _, own_role = raw.partition(_ROLE_MARK)
        part = part.strip(" .")
        label, space, named = part.partition(" ")
        if space and label in _REPEATED_LABELS:  # ("By Jane Roe; By Carl Moe")
            part = named.lstrip()
        if not part or part.count("(") != part.count(")"):
            continue  # (a piece of a bracket split at its comma: "Diseases (B Doe, Editor)")
        if raw in places:
            continue
        if "/" in part:
            part, after = _slashed_outlet(part)
            if after is not None and is_job_title(after):  # "Jane Doe/Staff"
                people.append({"name": part, "role": after})
                continue
        if own_role:  # "Jane Doe (reporting)"
            people.append({"name": part, "role": own_role.strip()})
            continue
        if is_job_title(part) or _EXPERT_TITLE.match(part) is not None:
            role = part
            titled.append((untitled, part))
            untitled = []
            # "By Staff Reporter, BusinessDesk": a job title first credits no one by name, and
            # what follows is the employer.
            anonymous = anonymous or not people
            continue
        if anonymous or _is_organisation(part) or len(part.split()) > 5:
            continue
        located = _LOCATED.match(part) if " in " in part else None
        if located is not None and _full_name(located.group("name")):
            part = located.group("name")
        people.append({"name": part})
        untitled.append(people[-1])
    if len(titled) > 1 or (titled and untitled):
        for group, group_role in titled:
            for person in group:
                person.setdefault("role", group_role)
        role = title_role
    if role:
        for person in people:
            person.setdefault("role", role)
    return people


def _slashed_names(raw: str) -> list[str]:
    """``Jane Doe / Carl Moe``: whole names apart by a spaced slash, each a name of its own
    (not "Newsroom / Outlet", nor "Jane Doe / AFP", whose outlet is read as such)."""
    pieces = raw.split(" / ")
    people = [pieces[0], *(piece for piece in pieces[1:] if not _place_or_outlet(piece))]
    if not all(map(_full_name, people)):
        return [raw]
    return people


_LONGEST_LABEL = 24
"""Characters of the longest byline label a line holds alone ("Author of this article:")."""


def lone_label(line: str) -> str | None:
    """The byline label a line holds alone ("By", "Von", "Written by"), or ``None``."""
    label = line.strip()
    if not label or len(label) > _LONGEST_LABEL or not may_open_with_label(label):
        return None
    found = _LABEL.match(f"{label} X")
    return label if found is not None and found.group("rest") == "X" else None


def _job_title_line(line: str) -> bool:
    """Whether a line under a byline is the writer's job title alone ("Courier transport
    reporter", an expert's "Chief Economist"), not a sentence, a date, a bio or a box's name."""
    words = line.split()
    return (
        0 < len(words) <= DESCRIPTION_WORDS
        and line[-1] not in _ENDS_OR_COLON
        and _ANY_DIGIT.search(line) is None
        and (is_job_title(line) or _EXPERT_TITLE.match(line) is not None)
        and _furniture_kind(line) is None
    )


_MENU_WORDS = frozenset({
    "most", "recent", "best", "match", "relevance", "relevant", "newest", "oldest", "latest",
    "popular", "top", "stories", "picks", "date", "published", "updated", "rating", "views",
    "trending", "filter", "filters", "search", "sort", "order", "first", "results", "all",
    "neueste", "älteste", "relevanz", "datum", "beliebteste", "suche", "sortieren", "récents",
    "pertinence", "populaires", "recientes", "relevancia", "fecha", "recenti", "rilevanza",
})  # fmt: skip
"""Words of a sort menu's or a filter box's entries ("Most Recent", "Best Match", "Date
Published", "Filter Suche"), which a lone "By" or "Von" stands over in a search form."""
_PLACE_WORDS = frozenset({
    "hbf", "bhf", "hauptbahnhof", "bahnhof", "flughafen", "airport", "station", "gare",
    "aéroport", "aeropuerto", "estación", "stazione", "aeroporto", "terminal",
})  # fmt: skip
"""Words of the stops a route form's "Von" ("from") stands over ("Hamburg Hbf")."""


def _furniture_kind(line: str) -> str | None:
    """:func:`.furniture.furniture_kind` (imported when asked: the furniture module reads
    bylines)."""
    from articlekit.prose.furniture import furniture_kind

    return furniture_kind(line)


def _names_no_writer(line: str) -> bool:
    """Whether a line under a writer's names, though it reads as names, names no other writer:
    it holds a section's noun (:data:`.headers.SECTION_NOUNS`: "Politik Bayern"), or is a
    picture agency's name (:data:`.captions.PICTURE_AGENCIES`: "Getty Images", the credit of
    the writer's portrait); or it opens as a place's or an outlet's name does
    (:func:`_place_or_outlet`: "New York", the writer's town); or its words are common ones
    (:func:`_vocabulary_line`: "Listen Now", "Main Street"). (Imported when asked: those modules
    read bylines.)"""
    from articlekit.prose.captions import PICTURE_AGENCIES
    from articlekit.prose.headers import SECTION_NOUNS

    words = line.casefold().split()
    return (
        any(word in SECTION_NOUNS for word in words)
        or line.casefold() in PICTURE_AGENCIES
        or _place_or_outlet(line)
        or _vocabulary_line(words)
    )


_COMPASS_WORDS = frozenset({
    "north", "south", "east", "west", "nord", "süd", "ost", "sud", "est", "ouest", "norte",
    "sur", "este", "oeste", "nordost", "südwest",
})  # fmt: skip
"""Points of the compass, which open a region's or a town's name ("East Jerusalem", "Nord
Pas-de-Calais"), never a person's first name (as a last word they are surnames: "Rebecca
West")."""
_STREET_WORDS = frozenset({
    "street", "avenue", "road", "boulevard", "straße", "strasse", "allee", "gasse", "rue",
    "quai", "calle", "avenida", "paseo", "via", "viale", "piazza", "rua", "praça",
})  # fmt: skip
"""Words of a street's or a square's name ("Main Street", "Rue Lepic", "Via Roma"): the
address under a writer's name, no writer. Not the words that are common surnames too ("Lane",
"Place", "Square", "Plaza", "Corso", "Largo", "Platz"): a second writer is likelier there."""


def _vocabulary_line(words: list[str]) -> bool:
    """Whether a line under a writer's names (its words folded) is made of common words, not a
    person's: it holds a word of a story's kind (:data:`_STORY_LABEL_WORDS`: "Live Updates",
    "Audio Version") or of a street ("Main Street"), or opens with a point of the compass ("East
    Jerusalem")."""
    return bool(words) and (
        words[0] in _COMPASS_WORDS
        or any(word in _STORY_LABEL_WORDS or word in _STREET_WORDS for word in words)
    )


def _names_line(line: str, people: list[dict[str, str]]) -> bool:
    """Whether the line under a lone label reads as people's names: each a plain name
    (:func:`_plain_names`), not a box's phrase ("Top Stories"), a sort menu's or filter's words
    ("Most Recent", "Filter Suche") nor a stop ("Hamburg Hbf")."""
    words = [word.casefold() for word in line.split()]
    return (
        all(_plain_names(person["name"]) for person in people)
        and not all(word in _MENU_WORDS for word in words)
        and not any(word in _PLACE_WORDS for word in words)
        and _furniture_kind(line) is None
    )


MORE_WRITERS = 3
"""Writers' names on lines of their own under the first one's that a byline split over lines
takes ("Von" / "Jana Dorn" / "Karl Moser")."""


def split_byline(lines: Sequence[str]) -> tuple[Byline, int] | None:
    """A byline a browser copies over lines from the boxes a page sets it in: its label alone
    ("By"), the names on the next line (other writers' names on the lines under it, up to
    :data:`MORE_WRITERS`), and maybe the writers' job title on the line after ("Courier transport
    reporter", each author's role); read as one byline, with the number of lines it takes.
    ``None`` unless ``lines`` opens with one."""
    if len(lines) < 2 or " " not in lines[1].strip() or (label := lone_label(lines[0])) is None:
        return None  # (a person's names, two words at least: "By" over "Date" is a sort menu)
    names = lines[1].strip()
    found = parse_byline(f"{label} {names}")
    if found is None or not found.people or not _names_line(names, found.people):
        return None
    taken = 2
    for line in lines[2 : 2 + MORE_WRITERS]:  # (each writer's name in a box of its own)
        other = line.strip()
        if any(other.casefold() == person["name"].casefold() for person in found.people):
            taken += 1  # (a name the copy prints twice: its portrait's text, then its link)
            continue
        joined = parse_byline(f"{label} {names}, {other}") if " " in other else None
        if (
            joined is None
            or len(joined.people) != len(found.people) + 1
            or not _names_line(other, joined.people[-1:])
            or _job_title_line(other)
            or _names_no_writer(other)
        ):
            break
        names, found, taken = f"{names}, {other}", joined, taken + 1
    title = lines[taken].strip() if len(lines) > taken else ""
    if not _job_title_line(title):
        return found, taken
    people = authors_from_byline(found.names, title)
    for person in people:  # (an expert's title too: "Chief Economist")
        person.setdefault("role", title)
    return found._replace(people=people), taken + 1


def byline_over_title(byline: Byline, line: str) -> Byline | None:
    """The byline read with the line under it when that line is the writer's job title or
    outlet alone, as wire copy sets them ("By ANNA BERG" over "Associated Press Writer" or
    "Associated Press", "By Anna Berg" over "Staff Writer"): the title each author's role, the
    outlet the byline's organisation, the byline as its own line prints it. ``None`` when the
    line is neither, or the byline names no one or ends with a date (a line of its own)."""
    title = line.strip()
    if not byline.people or byline.date_text or not (_job_title_line(title) or _outlet(title)):
        return None
    joined = parse_byline(f"{byline.printed}, {title}")
    if joined is None or [person["name"] for person in joined.people] != [
        person["name"] for person in byline.people
    ]:
        return None  # (the line named someone else: not the title of these people)
    return joined._replace(printed=byline.printed)


def _outlet(line: str) -> bool:
    """Whether a line under a byline is an outlet's or agency's name alone ("Associated Press",
    "The Harbour Gazette"), not a sentence, a date, a box's name nor a label of the story's kind
    or section ("News Analysis", "Breaking News", "The Big Read")."""
    return (
        0 < len(line.split()) <= DESCRIPTION_WORDS
        and line[-1] not in _ENDS_OR_COLON
        and _ANY_DIGIT.search(line) is None
        and _is_organisation(line)
        and _STORY_LABEL_WORDS.isdisjoint(line.casefold().split())
        and _furniture_kind(line) is None
    )


_STORY_LABEL_WORDS = frozenset({
    "analysis", "breaking", "opinion", "exclusive", "live", "update", "updates", "special",
    "report", "feature", "review", "comment", "editorial", "explainer", "read", "interview",
    "latest", "investigation", "essay", "column", "obituary", "podcast", "video", "audio",
})  # fmt: skip
"""Words of a label saying what kind of story it is or where it stands ("News Analysis", "The
Big Read"): a line holding one is no outlet under a byline."""


_LOOSE_BYLINE = lazy_pattern(r"^(?:By|by|BY)\s+(?P<rest>\S.*)$")
_NUMBERED_TITLE = lazy_pattern(r"^(?P<title>[^\W\d_][^\d]*?)\s+\d{1,3}$")
"""A job title with a number standing in for a name ("Staff Writer 3", "Reporter 1")."""


def loose_byline(text: str) -> Byline | None:
    """A line opening with "By" that :func:`parse_byline` refuses but that still reads as a
    byline where a deck would stand (right under the headline): a job title numbered in place of
    a name ("By Staff Writer 3", "By Reporter 1": a byline that credits no one). ``None``
    otherwise: a deck such as "By the end of the year, ..." stays one, and so do words in small
    letters ("by anna berg" and "by steam train" cannot be told apart without a list of names)."""
    found = _LOOSE_BYLINE.match(text.strip())
    if found is None:
        return None
    rest = found.group("rest").rstrip()
    numbered = _NUMBERED_TITLE.match(rest)
    if numbered is None or not is_job_title(numbered.group("title")):
        return None
    return Byline(text.strip(), rest, [], None, None)


_SUFFIX = lazy_pattern(r"^(?:Jr|JR|Sr|SR|II|III|IV)\.?$")
"""A name's suffix, printed after a comma ("John Smith, Jr.")."""


def _with_suffixes(raws: list[str]) -> list[str]:
    """The names of a byline, each with the suffix printed after it."""
    joined: list[str] = []
    for raw in raws:
        if joined and _SUFFIX.match(raw.strip()):
            joined[-1] = f"{joined[-1]}, {raw.strip()}"
        else:
            joined.append(raw)
    return joined


_LOCATED = lazy_pattern(r"^(?P<name>.+?)\s+in\s+[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,2}$")
"""``Jane Doe in London``, ``Jane Doe in New York``: a name, and the place the byline names."""


def _full_name(name: str) -> bool:
    """A person's name of two words or more, each capitalised or a particle ("Maria dos
    Santos"): the shape beside which one capitalised word is a place, not a name."""
    words = name.split()
    return len(words) >= 2 and all(word[:1].isupper() or word in NAME_PARTICLES for word in words)


def _places(main: str, raws: list[str]) -> set[str]:
    """The parts of a byline's names that name a place: one capitalised word after a comma
    ("Jane Doe, London"), when every person the byline names otherwise has a name of two words
    or more. There is no gazetteer: the shape tells, and not a job title nor an outlet."""
    single = [raw for raw in raws if " " not in raw.strip() and _PLACE_WORD.match(raw.strip())]
    if not single:
        return set()
    places: set[str] = set()
    named = False  # (a person's name stands before the place)
    at = 0
    for raw in raws:
        found = main.find(raw, at)
        after_comma = found > 0 and main[:found].rstrip().endswith(",")
        at = found + len(raw) if found >= 0 else at
        part = raw.partition(_ROLE_MARK)[0].strip(" .")
        if not part or is_job_title(part) or _is_organisation(part):
            continue
        if raw in single:
            if not (named and after_comma):
                return set()
            places.add(raw)
        elif places or not _full_name(_LOCATED.sub(r"\g<name>", part)):
            # ("Jane, Bob and Carl": names of one word; "ACLU Speech, Privacy, and Technology
            # Project": a name goes on after the word, which is an item of a list)
            return set()
        else:
            named = True
    return places


_PLACE_WORD = lazy_pattern(r"^[A-ZÀ-Þ][a-zß-ÿ]+(?:[-'’][A-Za-zÀ-ÿ][a-zß-ÿ]*)*$")
"""A place's name of one word, capitalised ("London", "Aix-en-Provence", "N'Djamena"); not in
capitals, which a degree ("MA") or an agency's code is written in, nor "PhD"."""


_GLUED_NUMBERS = r"(?<=[^\W\d_])(?=\d{1,2}[./]\d{1,2}[./]\d{4}\b)"
_GLUED_DAY = lazy_pattern(
    r"(?<=[^\W\d_])(?=\d{1,2}\.?\s+[^\W\d_]{3})"
    rf"|(?<=[a-z])(?={dates.MONTH}\s+\d{{1,2}}\b)"
    r"|(?<=[^\W\d_])(?=(?:Published|PUBLISHED|Updated|UPDATED|Posted|POSTED)\b)"
    rf"|{_GLUED_NUMBERS}"
)
"""Where a browser's copy runs the names into the date (``by Jane Doe22 Dec 2016``, ``Von Jana
Dorn24.04.2024``: no name holds a digit), a date that opens with its month (``by Jane DoeMar 5,
2025``: a capital after a small letter) or the date's label (``BY JANE DOEPUBLISHED: JAN 29,
2025``), the blocks of a byline box that join with no space."""
_GLUED_NUMERIC_DATE = lazy_pattern(_GLUED_NUMBERS)
"""Where a line of names without a label runs into a whole date in numbers (``Jana
Dorn24.04.2024, 19:35 Uhr``); a date in words run into a word is too often a headline's."""
_WITH_OTHERS = lazy_pattern(r"\s*\((?:avec|with|mit|con|com|met)\s+(?P<others>[^()]+)\)")
"""``Jane Doe (avec John Roe et Ann Lee)``: the people the writer worked with are credited too."""
_BRACKETS = lazy_pattern(r"\s*\(([^()]*)\)")
"""``Jane Doe (AP)``: an outlet in brackets is a part of its own; ``Richard (R.J.) Eskow`` not."""
_BRACKETED_ROLE = lazy_pattern(r"\s*\((?P<role>[a-zà-ÿ][a-zà-ÿ ]{1,40})\)")
"""``Jane Doe (reporting)``: what one of the people credited did, in brackets after the name
(unless it is an agency that writes itself small: "Jana Roth (dpa)")."""
_ROLE_MARK = "\x00"


def _role_or_agency(match: re.Match[str]) -> str:
    """A bracketed role, marked as the person's own; an agency in small letters ("(dpa)") is
    the outlet, a part of its own as ``Jane Doe (AP)``'s."""
    role = match.group("role")
    return f", {role}," if role in _AGENCY_NAMES else _ROLE_MARK + role


_CREDITED = (
    r"(?:[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*){0,3}|(?:dpa|afp|epa|apa|ddp|kna)\b)"
    r"(?=\s*(?:$|[,;|])|\s+(?:and|und|et|y|e|&)\s)"
)
"""A name a picture credit gives (capitalised words, or an agency that writes itself small),
where the credit's names end: the line's end, a separator, or "and" (a date or a word after
it is no part of a name)."""
_VISUAL_CREDIT = lazy_pattern(
    r"(?:\s*[,;|/]\s*|\s+)(?P<role>Fotos?|Photos?|Photography|Bilder?|Illustrations?|Grafik|"
    r"Graphics?|Video|Kamera|Camera)(?:\s*:\s*|\s+(?:von|by|par|por|di|de)\s+)"
    rf"(?P<who>{_CREDITED}(?:\s+(?:and|und|et|y|e|&)\s+{_CREDITED})*)"
)
"""``Jane Doe Illustration von John Roe``, ``Jane Doe, Fotos: John Roe und Ann Lee``: the
people credited for the pictures of a story, after its writer."""
_VISUAL_CREDIT_WORD = lazy_pattern(
    r"(?:Foto|Photo|Bild|Illustration|Grafik|Graphic|Video|Kamera|Camera)"
)


def _bracketed_credit(match: re.Match[str]) -> str:
    """A picture credit as the bracketed role :func:`authors_from_byline` reads, for each person
    it names ("Fotos: John Roe und Ann Lee")."""
    role = match.group("role").lower()
    named = [who for who in _NAME_SPLIT.split(match.group("who")) if who and not is_job_title(who)]
    return "".join(f", {who} ({role})" for who in named)


_VISUAL_ROLE = lazy_pattern(
    r"^(?:photo|foto|picture|image|video|illustra|graphic|grafik|bild|film|camera|kamera)",
    re.IGNORECASE,
)
"""Roles of people credited for pictures, not for the writing ("(photography)", "(video)")."""
