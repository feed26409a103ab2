"""Picture captions and credits as they survive in copied page text.

A picture leaves a caption and a credit behind when its page is copied, in a few shapes::

    Fishing boats in the inner basin. Photo: AP / Jane Doe      caption and credit on one line
    Spokojený hráč po vítězství. | Foto: Reuters                 (``|`` before the credit)
    United Nations peacekeepers ... Credit Jane Doe/Agence France-Presse
    The new pier at dawn (Photo by Jane Doe/Getty Images)    (Photo Jane Doe. AFP)
    The minister at the quay. (Jane Doe/AFP/Getty Images)
    The minister at the quay. / JANE DOE
    Photo: AP / Jane Doe      Foto: dpa      Image credit: NASA      © Jane Doe      (Bild: dpa)
                                                                 a credit line of its own
    JANE DOE/AFP/Getty Images                                    an agency credit
    Media caption The minister said ...   Image caption ...      a labelled caption

:func:`read_caption` returns a :class:`Caption` (caption text, credit text), so that a reader can
keep both apart from the story (the web-copy finder) or make them a figure's caption and credit
(the DOCX reader).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from articlekit._text import lazy_pattern
from articlekit.prose.byline import CASE_TRAPS, holds_case_trap, spaced
from articlekit.prose.stopwords import CLOSERS, SENTENCE_ENDS
from articlekit.prose.substrings import AnyOf

CAPTION_LIMIT = 400
"""Captions are a sentence or two; a longer line is a paragraph."""

_CREDIT_LABEL = (
    r"(?:photo(?:graph)?s?|pictures?|image(?: credit)?s?|credits?|photo credit|illustration|"
    r"graphic|video|source|"
    r"fotos?|bild(?:er)?|bildquelle|quelle|grafik|illustration|"
    r"crédits?(?: photo)?|illustration|"
    r"imagen|ilustración|"
    r"immagine|"
    r"imagem|ilustração|reprodução)"
)
_CREDIT = lazy_pattern(
    rf"^[(\[]?\s*{_CREDIT_LABEL}\s*(?:by\s+|:\s*|：\s*)(?P<credit>[^()\[\]]{{1,120}}?)\s*[)\]]?\.?$",
    re.IGNORECASE,
)
"""``Photo: AP / Jane Doe``, ``(Bild: Hersteller)``, ``(Photo by Jane Doe/Getty Images)``."""
_CAPTION_SHORTEST = 8
"""Characters a caption before its credit has at least (its end mark aside)."""
_CREDIT_TAIL = lazy_pattern(
    r"\s*(?:\||[-—–]\s)?\s*"
    rf"[(\[]?\s*(?:{_CREDIT_LABEL})\s*(?:by\s+|:\s*|：\s*)(?P<credit>[^()\[\]]{{1,120}}?)\s*[)\]]?\.?$",
    re.IGNORECASE,
)
"""A credit ending a caption (``| Foto: Reuters``), matched where the caption ends: the caption
is the shortest start of the line, of ``_CAPTION_SHORTEST`` to ``CAPTION_LIMIT`` characters,
that this pattern follows (see :func:`_credit_tail`)."""
_CREDIT_WORD_TAIL = lazy_pattern(
    r"(?:\s+(?:Credit|Crédit|Credito|Crédito)(?:(?:\.\.\.|…)\s*|\s+)(?:Credit\s+)?"
    r"|(?:Credit|Crédit|Credito|Crédito){1,2}(?:\.\.\.|…)?)"
    r"(?P<credit>[A-Z][^!?]{1,120})$"
)
"""``... on Monday. Credit Jane Doe/Agence France-Presse`` (no colon), after a caption that ends
with a sentence's end mark (see :func:`_credit_word_tail`); a browser's copy may run the three
together (``... on Monday.CreditJane Doe``). A label printed twice ("Credit Credit Jane Doe") is
no part of the credit; nor are the dots some pages print after it ("Credit... Jane Doe")."""
_CREDIT_WORD = lazy_pattern(
    r"^(?:Credit|Crédit|Credito|Crédito|CREDIT)(?:(?:\.\.\.|…)\s*|\s+)"
    r"(?P<credit>[A-Z][^.!?]{1,80})$"
)
"""``Credit Jane Doe``, ``Credit...Jane Doe``: a credit line without a colon."""
_COPYRIGHT = lazy_pattern(r"^(?:©|\(c\)|℗)\s*(?P<credit>.{1,120})$", re.IGNORECASE)
PICTURE_AGENCIES = frozenset({
    "getty images", "getty", "picture alliance", "shutterstock", "alamy", "imago",
    "imago images", "nurphoto", "sopa images", "istock", "istockphoto",
})  # fmt: skip
"""Agencies that sell pictures alone, lower case: their name on a line of its own credits the
picture above it, never a story."""
_PICTURE_SELLERS = "|".join(
    map(re.escape, sorted(PICTURE_AGENCIES, key=lambda name: (-len(name), name)))
)
""":data:`PICTURE_AGENCIES` for a pattern, in any case ("Getty images" names no one else), the
longest first ("imago images" before "imago")."""
_AGENCIES = (
    f"(?i:{_PICTURE_SELLERS})|Reuters|dpa|Bloomberg|Keystone|Xinhua|Kyodo|Yonhap|Sipa|[A-Z]{{2,6}}"
)
"""News and picture agencies as credits name them (AFP, AP, EPA, ANSA, EFE ...: two to six
capitals), for the patterns of a credit."""
_NAMES = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
"""One to four capitalised words: a photographer's or an agency's name."""
_AGENCY_CREDIT = lazy_pattern(
    rf"^(?P<credit>(?:{_NAMES}\s*/\s*)+"
    rf"(?:(?:{_AGENCIES})"
    r"(?:\s*/\s*(?:Getty Images|Getty|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}))*"
    rf"|{_NAMES}(?=\s+via\s))"
    rf"(?:\s+via\s+(?:{_AGENCIES}))?"
    rf"|{_NAMES}\s+via\s+(?i:{_PICTURE_SELLERS}))$"
)
"""``JANE DOE/AFP/Getty Images``, ``Jane Doe/AFP via Getty Images``, ``Jane Doe/Costfoto/Daily
Media via Getty Images``, ``Harbour Media via Getty Images`` (no slash: a seller of pictures
hands it on, any of :data:`PICTURE_AGENCIES`: "Jane Doe via Shutterstock"), ``STR/Getty
images``: a photographer and an agency, or one that hands the picture on, nothing else."""
_PARENTHESISED_CREDIT_TAIL = lazy_pattern(r"\s*[(\[](?P<credit>[^()\[\]]{3,120})[)\]]$")
"""``... after his party's victory. (Jane Doe/AFP/Getty Images)``: an agency credit in brackets
after a caption that ends with a sentence's end mark (see :func:`_parenthesised_tail`)."""
_COPYRIGHT_TAIL = lazy_pattern(
    r"[\s|/—–-]*(?:©|\([cC]\))\s*(?P<credit>[^\s©()\[\].!?][^©()\[\]!?]{0,79}?)\s*\.?$"
)
"""``... im Hafen. © Jane Doe``, ``... at dawn – © Jane Doe – Agency``: a copyright sign and a
short credit after a caption (see :func:`_copyright_tail`)."""
CREDIT_WORDS = 6
"""Words of the longest credit after a copyright sign ("© Jane Doe / Agency"): a longer tail is a
notice ("© 2024 The Paper. All rights reserved")."""
_END_MARKS = frozenset('.!?”"')
"""What a caption before a credit without a label ends with."""
_LABELLED_CAPTION = lazy_pattern(
    r"^(?:media caption|image caption|caption|bildunterschrift|légende|pie de foto|didascalia|"
    r"legenda)\s*:?\s*(?P<caption>\S.{0,400})$",
    re.IGNORECASE,
)
_PICTURE_LABEL = lazy_pattern(
    r"^(?:photo|image|picture|video|foto|bild|gallery|galerie|galería|galleria|"
    r"view this image ›?|view gallery|enlarge this image|\d+\s*/\s*\d+|\d+ of \d+|"
    r"(?:\d+\.\s*)?photo|"
    r"(?:(?:image|photo|picture|slide|foto|bild|imagen|immagine|imagem|diapositiva)\s+)?\d+\s*"
    r"(?:of|von|de|di|sur|/)\s*/?\s*\d+)$",
    re.IGNORECASE,
)
"""A line a picture leaves with no text of its own ("Photo", "Image", "3 of 12"), or a gallery's
counter ("Image 1 of 9", "Bild 2 von 5", "Slide 3 of 8", "1 / 13"; a browser's copy may part its
number with a slash, "Image 1 of / 9")."""


_HINTS = (
    "/", "photo", "foto", "bild", "image", "immagine", "picture", "credit", "crédit", "caption",
    "légende", "legenda", "didascalia", "illustra", "graphic", "grafik", "video", "source",
    "quelle", "reprodução", "©", "℗",
)  # fmt: skip
"""What every caption or credit line holds somewhere (a label, a copyright sign, a slash); lines
without any are not tried against the costlier patterns. None holds a space (so a line's spacing
does not matter; "pie de foto" holds "foto", "imagen" "image")."""
_holds_hint = AnyOf(_HINTS)


def _hinted(text: str) -> bool:
    """Whether ``text`` (its spacing as it comes) holds a hint or opens with a bracket, or is a
    short line with "via" (a seller of pictures named after it: "Jane Doe via Shutterstock" holds
    no hint, as "Jane Doe via Getty Images" does by chance)."""
    lower = text.casefold()
    return (
        lower.lstrip().startswith(("(", "["))
        or "/" in lower
        or _holds_hint(lower)
        or (len(lower) <= VIA_CREDIT_LIMIT and " via " in lower)
    )


_LABELLED_FIRST_WORDS = (
    "media", "image", "caption", "bildunterschrift", "légende", "pie", "didascalia", "legenda",
)  # fmt: skip
"""The first word of each label of :data:`_LABELLED_CAPTION`."""
_FIRST_WORDS = ("(c)", *_LABELLED_FIRST_WORDS)
"""What a line opens with when a caption label or "(c)" (a copyright) opens it."""


def _may_be_caption(line: str) -> bool:
    """Whether ``line`` may be read as a caption or credit: every pattern needs a colon or "by"
    after a label (a labelled credit, whole or ending a caption), "Credit" or "CREDIT", a
    copyright sign, a slash (an agency credit, in brackets or not), "via" (a seller of pictures
    that hands one on), a label opening the bracket that ends the line ("(Photo Jane Doe)"), or
    "(c)" or a caption label first. A few searches
    in C that spare most paragraphs the search for hints (a pattern tried at a tenth of the
    characters of a long line)."""
    if (
        "/" in line or ":" in line or "：" in line or "©" in line or "℗" in line
        or ("C" in line and ("Cr" in line or "CR" in line)) or _holds_by(line)
        or (line.rstrip().endswith(")") and _holds_bracketed_label(line))
        or (len(line) <= VIA_CREDIT_LIMIT and " via " in line)
    ):  # fmt: skip
        return True  # (each search a call in C: ``any(map(...))`` of them costs twice as much; a
        # character alone is found many times faster than two)
    head = line.lstrip()[:16]
    return holds_case_trap(head) or head.casefold().startswith(_FIRST_WORDS)


VIA_CREDIT_LIMIT = 80
"""Characters of the longest credit that names a seller of pictures after "via" with no slash
("Jane Doe Harbour Media via Getty Images"): a longer line is not looked through for "via"."""
_holds_bracketed_label = AnyOf((
    "(Photo", "(photo", "(PHOTO", "(Foto", "(foto", "(FOTO", "(Bild", "(bild", "(Crédit",
    "(crédit",
))  # fmt: skip
"""The openings of :data:`_BRACKETED_LABEL_CREDIT`."""


def _holds_by(line: str) -> bool:
    """``"by" in line.lower()``: only "b" and "B", "y" and "Y" lower to "b" and "y", so in a
    line of other letters "by" is looked for in its four cases rather than lowering the line (a
    few times slower than lowering ASCII, and twice as fast as lowering other letters)."""
    if line.isascii():
        return "by" in line.lower()
    return "by" in line or "By" in line or "BY" in line or "bY" in line


_LABEL_STEMS = (
    "photo", "picture", "image", "credit", "crédit", "illustration", "ilustraci", "ilustraç",
    "graphic", "grafik", "video", "source", "foto", "bild", "quelle", "immagine", "reprodução",
)  # fmt: skip
"""What every word of :data:`_CREDIT_LABEL` opens with, lower case."""
_holds_label_stem = AnyOf(_LABEL_STEMS)
_CREDIT_GAP = frozenset("|-—–([")
"""What :data:`_CREDIT_TAIL` passes over before a label, spaces aside."""

# The patterns of credits after a caption are tried where the caption ends, and only at the ends
# that can be one: before a label (the "|", dashes, brackets and spaces before it), before
# "Credit", before the opening bracket of a bracketed credit. Tried at every character of a long
# line, in every case of every label, they would cost most of a millisecond on a paragraph; the
# shortest caption wins either way.


def _credit_tail(text: str) -> tuple[str, str] | None:
    """The caption and credit of a line ending with a labelled credit, or ``None``."""
    lower = text.lower()
    if ":" not in text and "：" not in text and "by" not in lower:
        return None  # what follows every label
    ends: Iterable[int]
    if "\n" in text or holds_case_trap(text):
        ends = _every_end(text)  # "ſource" is a label, and "İmage" lowers longer
    elif _holds_label_stem(lower):
        ends = _gap_before(text, _starts(lower, _LABEL_STEMS))
    else:
        return None
    return _first_tail(text, ends, _CREDIT_TAIL, _CAPTION_SHORTEST, CAPTION_LIMIT)


def _credit_word_tail(text: str) -> tuple[str, str] | None:
    """The caption and credit of a line ending with "Credit Jane Doe", or ``None``."""
    if "Cr" not in text:
        return None
    if "\n" in text:
        ends: Iterable[int] = _every_end(text)
    else:
        ends = _gap_before(text, _starts(text, ("Cr",)))
    marked = (end for end in ends if text[end - 1 : end] in _END_MARKS)
    return _first_tail(text, marked, _CREDIT_WORD_TAIL, _CAPTION_SHORTEST + 1, CAPTION_LIMIT + 1)


def _parenthesised_tail(text: str) -> tuple[str, str] | None:
    """The caption and credit of a line ending with a credit in brackets, or ``None``."""
    if "\n" in text:
        ends: Iterable[int] = _every_end(text)
    else:
        inner = text[:-1]
        opening = max(inner.rfind("("), inner.rfind("["), inner.rfind(")"), inner.rfind("]"))
        if opening < 0 or text[opening] not in "([":
            return None  # the credit holds no bracket: it opens after the last one
        ends = _gap_before(text, (opening,))
    marked = (end for end in ends if text[end - 1 : end] in _END_MARKS)
    tail = _PARENTHESISED_CREDIT_TAIL
    return _first_tail(text, marked, tail, _CAPTION_SHORTEST + 1, CAPTION_LIMIT + 1)


def _copyright_tail(text: str) -> tuple[str, str] | None:
    """The caption and credit of a line ending with a copyright sign and a short credit, or
    ``None``: the picture's credit, set after its caption by many sites."""
    mark = max(text.rfind("©"), text.rfind("(c)"), text.rfind("(C)"))
    end = mark
    while end > 0 and (text[end - 1] in "|/—–-" or text[end - 1].isspace()):
        end -= 1
    if end < _CAPTION_SHORTEST or "\n" in text:
        return None  # (no sign; a credit line of its own is _COPYRIGHT's)
    match = _COPYRIGHT_TAIL.match(text, end)
    if match is None or text[:end].casefold().endswith("copyright"):
        return None
    credit = match.group("credit")
    if len(credit.split()) > CREDIT_WORDS or ". " in credit or not any(map(str.isalpha, credit)):
        return None  # (a notice: "... 2024 The Paper. All rights reserved", "... © 2024")
    return text[:end], credit


_AGENCY_CLOSE = lazy_pattern(
    r"(?:[—–-]\s*|(?:Copyright|COPYRIGHT)\s+(?:©\s*)?)"
    rf"(?:{_AGENCIES})"
    r"(?:\s*/\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})*\s*$"
)
"""``— AFP``, ``- Reuters``, ``Copyright AFP/Jane DOE``: an agency's credit after a dash or the
word "Copyright" (no sign), which a paragraph may close with; a name in capitals or a known
agency, so that a quote's attribution ("... — Jane Doe") is none."""
_AGENCY_MARKS = ("—", "–", " -", "Copyright", "COPYRIGHT")
_SENTENCE_STOPS = frozenset(SENTENCE_ENDS)


def closing_credit(text: str) -> int | None:
    """Where the credit that closes a paragraph starts, after the paragraph's last sentence:
    an agency's or photographer's copyright ("... dangerous. (c) AFP/Jane DOE", "... © AFP"), or
    an agency's name after a dash or "Copyright" ("... — AFP", "... Copyright AFP"); ``None``
    when the text ends with none. An agency in brackets ("... in town. (AFP)") is no credit: it
    is printed as part of the story."""
    start = None
    found = _copyright_tail(text)
    if found is not None:
        start = len(found[0])
    else:
        for mark in _AGENCY_MARKS:
            at = text.rfind(mark)
            if at > 0 and _AGENCY_CLOSE.match(text, at + (mark == " -")):
                start = at + (mark == " -")
                break
    return start if start is not None and _after_a_sentence(text, start) else None


_SIGNATURE = lazy_pattern(r"[—–]\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}\s*$")
"""``— Jane Moe``: a name of two to four capitalised words after a dash."""


def closing_signature(text: str) -> int | None:
    """Where a name after a dash that closes a paragraph after its last sentence starts ("... the
    mayor said. — Jane Moe": a quote's author or the writer's signature, which the paragraph
    keeps, as no agency's credit), or ``None``."""
    at = max(text.rfind("—"), text.rfind("–"))
    return at if at > 0 and _SIGNATURE.match(text, at) and _after_a_sentence(text, at) else None


def _after_a_sentence(text: str, start: int) -> bool:
    """Whether a sentence ends right before ``start`` in ``text`` (its closing quote aside)."""
    before = text[:start].rstrip().rstrip(CLOSERS)
    return before[-1:] in _SENTENCE_STOPS


_NAME_IN_CAPITALS = lazy_pattern(r"^[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+){1,3}$")
"""A photographer's name in capitals, of two to four words ("JANE DOE", "ANA DE LA ROSA" aside:
small particles make it no credit here)."""


def _slashed_name_tail(text: str) -> tuple[str, str] | None:
    """The caption and credit of a line ending with a slash and the photographer's name in
    capitals after the caption's end mark (``Sala de espera del hospital. / JANE DOE``), or
    ``None``."""
    caption, slash, credit = text.rpartition("/")
    caption, credit = caption.rstrip(), credit.strip()
    if not slash or len(caption) < _CAPTION_SHORTEST or caption[-1:] not in _END_MARKS:
        return None
    return (caption, credit) if _NAME_IN_CAPITALS.match(credit) else None


def _piped_names_tail(text: str) -> tuple[str, str] | None:
    """The caption and credit of a line ending with a bar and names parted by slashes after the
    caption's end mark (``The minister at the quay. | Jane Doe/Harbour Press via Agency``), or
    ``None``."""
    caption, bar, credit = text.rpartition(" | ")
    caption, credit = caption.rstrip(), credit.strip()
    if not bar or len(caption) < _CAPTION_SHORTEST or caption[-1:] not in _END_MARKS:
        return None
    return (caption, credit) if _slashed_names(credit) else None


def _slashed_names(text: str) -> bool:
    """Whether ``text`` is names parted by slashes, each naming someone ("Jane Doe/Harbour
    Press")."""
    names = text.split("/")
    return len(names) > 1 and all(
        name.strip()[:1].isupper() and names_a_credit(name) for name in names
    )


_BRACKETED_LABEL_CREDIT = lazy_pattern(
    r"\(\s*(?i:photos?|fotos?|bild|crédit photo)\s+(?P<credit>[A-ZÀ-Þ][^()]{1,80}?)\.?\s*\)$"
)
"""``(Photo Jane Doe. AFP)``: a credit in brackets whose label no colon follows."""


def _bracketed_label_tail(text: str) -> tuple[str, str] | None:
    """The caption and credit of a line ending with a labelled credit in brackets without a
    colon (``Jane Doe, le 12 mars 2024 à Lyon (Photo Carl Moe. AFP)``, as French dailies print
    it), or ``None``."""
    opening = text.rfind("(")
    if opening < _CAPTION_SHORTEST or not text.endswith(")"):
        return None
    found = _BRACKETED_LABEL_CREDIT.match(text, opening)
    if found is None or " " not in found.group("credit").strip():
        return None  # (a name has two words: "(Photo Services)" is a gallery's section)
    return text[:opening].rstrip(), found.group("credit")


def _every_end(text: str) -> range:
    """Every end a caption may have: it holds no line break."""
    newline = text.find("\n")
    return range((len(text) if newline < 0 else newline) + 1)


def _starts(text: str, words: Iterable[str]) -> list[int]:
    """Every position where one of ``words`` stands in ``text``."""
    found = []
    for word in words:
        start = text.find(word)
        while start >= 0:
            found.append(start)
            start = text.find(word, start + 1)
    return found


def _gap_before(text: str, starts: Iterable[int]) -> set[int]:
    """Each of ``starts`` and the positions before it across spaces and :data:`_CREDIT_GAP`."""
    ends = set()
    for start in starts:
        end = start
        ends.add(end)
        while end and (text[end - 1] in _CREDIT_GAP or text[end - 1].isspace()):
            end -= 1
            ends.add(end)
    return ends


def _first_tail(
    text: str, ends: Iterable[int], tail: re.Pattern[str], shortest: int, longest: int
) -> tuple[str, str] | None:
    """The shortest caption, of ``shortest`` to ``longest`` characters and ending at one of
    ``ends``, that ``tail`` follows to the end of ``text``; and the credit ``tail`` finds."""
    for end in sorted(ends):
        if shortest <= end <= longest:
            match = tail.match(text, end)
            if match is not None:
                return text[:end], match.group("credit")
    return None


class Caption(NamedTuple):
    """A picture's caption and credit, either of which may be missing."""

    caption: str | None
    credit: str | None


def read_caption(line: str) -> Caption | None:
    """The caption and/or credit a whole line gives, or ``None`` when it gives neither."""
    if not may_be_caption(line):
        return None  # (told before the spacing is normalised: most lines are no caption)
    return read_screened_caption(line)


def may_be_caption(line: str) -> bool:
    """Whether :func:`read_caption` may find a caption or credit in ``line`` (``False`` only where
    it finds none): what it tells first, in a few searches."""
    return _may_be_caption(line) and _hinted(line)


def read_screened_caption(line: str) -> Caption | None:
    """:func:`read_caption` of a line :func:`may_be_caption` lets through (a reader that screened
    its lines first need not screen them twice)."""
    text = spaced(line)
    if not text or len(text) > CAPTION_LIMIT:
        return None
    labelled = _LABELLED_CAPTION.match(text)
    if labelled is not None:
        inner = read_caption(labelled.group("caption"))
        if inner is not None and inner.caption:
            return inner
        return Caption(labelled.group("caption").strip(), None)
    for pattern in (_CREDIT, _CREDIT_WORD, _COPYRIGHT, _AGENCY_CREDIT):
        match = pattern.match(text)
        if match is not None:
            return Caption(None, match.group("credit").strip(" .,;"))
    for tail in (
        _credit_tail,
        _credit_word_tail,
        _copyright_tail,
        _slashed_name_tail,
        _piped_names_tail,
        _bracketed_label_tail,
    ):
        found = tail(text)
        if found is not None and (tail is not _credit_word_tail or names_a_credit(found[1])):
            caption = found[0].strip(" |—–-")
            return Caption(caption or None, found[1].strip(" .,;"))
    found = _parenthesised_tail(text) if text[-1] in ")]" else None
    if found is not None and _AGENCY_CREDIT.match(found[1].strip()):
        return Caption(found[0].strip(), found[1].strip())
    return None


_OPENING_QUOTE = lazy_pattern(r"^[\"“„«»‘‚'](?P<quote>.+?)[\"”“»«’‘'](?!\w)(?P<after>.*)$")
"""A line that opens with a quote: the quoted words (to the first closing mark that no letter
follows: "can’t" goes on) and what follows them."""
SPEECH_WORDS = 5
"""Quoted words from which a quote is someone's speech whatever follows it; fewer are a title's
("‘The Long Tide’, a new exhibition") unless a verb of saying follows."""
SPEECH_VERB_REACH = 4
"""Words after a quote within which its verb of saying stands ("”, a skipper said")."""
_SPEECH_VERBS = frozenset({
    "said", "says", "told", "tells", "asked", "added", "explained", "insisted", "replied",
    "sagte", "sagt", "sagten", "erklärte", "meinte", "betonte", "fügte", "dit", "déclaré",
    "explique", "expliqué", "ajoute", "ajouté", "dijo", "dice", "afirmó", "explicó", "añadió",
    "detto", "dichiarato", "spiegato", "aggiunto", "disse", "diz", "afirmou", "explicou",
})  # fmt: skip
"""Verbs of saying after a quote, in the languages of the captions' credits."""


def opens_with_speech(line: str) -> bool:
    """Whether a line opens with quoted speech, as a paragraph of the story does: a quote of
    :data:`SPEECH_WORDS` words or more, or one a verb of saying follows ("“Nobody asked us,” said
    ...", „...“, sagte; « ... », a dit); a caption's quoted title is short and a description
    follows it ("“Hope” by Jane Doe", „Die lange Flut“, die neue Ausstellung ...)."""
    found = _OPENING_QUOTE.match(line)
    if found is None:
        return False
    if len(found.group("quote").split()) >= SPEECH_WORDS:
        return True
    after = found.group("after").split()[:SPEECH_VERB_REACH]
    return any(word.strip(",:;.").casefold() in _SPEECH_VERBS for word in after)


CREDIT_SMALL_WORDS = 2
"""Words in small letters a credit holds at most ("Jane Doe for The Courier", "via Getty")."""


def names_a_credit(text: str) -> bool:
    """Whether the words after a caption's "Credit" name someone (a person, an agency), not a
    sentence of the story ("Credit... That is what we lack, and what we were promised.")."""
    return sum(word[:1].islower() for word in text.split()) <= CREDIT_SMALL_WORDS


def small_print_is_credit(text: str) -> bool:
    """Whether small print closing a picture's caption is its credit, as pages print credits
    ("Jane Doe", "Reuters", "Jane Doe for The Courier"): unless it holds no letters or is a note
    in brackets ("(file photo)", "(2023)"), which is a credit only when it reads as one ("(Photo:
    Jane Doe)", "(AP Photo/Jane Doe)")."""
    text = text.strip()
    if not any(character.isalpha() for character in text):
        return False
    return not (text[:1] in "([" and text[-1:] in ")]") or reads_as_credit(text)


def reads_as_credit(text: str) -> bool:
    """Whether a picture's small print reads as its credit, not as a caption's aside ("(file
    photo)", "(2023)"): a credit line of its own ("Photo: Jane Doe", "© Agency", "JANE DOE/AFP"),
    or names parted by slashes, each naming someone ("Jane Doe/Harbour Press")."""
    found = read_caption(text)
    if found is not None:
        return found.credit is not None and found.caption is None
    return _slashed_names(text.strip(" ()[]"))


_LABEL_FIRST = frozenset("pivfbgesdPIVFBGESD") | CASE_TRAPS
"""What every picture label opens with (a digit aside)."""
PICTURE_LABEL_WORDS = 5
"""Words of the longest picture label ("Image 1 of / 9"): a line of more is none."""


def may_be_picture_label(line: str) -> bool:
    """Whether :func:`is_picture_label` may take ``line`` for a picture's label, by its first
    character (``False`` only where it does not)."""
    first = line.lstrip()[:1]
    return bool(first) and (first in _LABEL_FIRST or first.isdecimal())


def is_picture_agency(line: str) -> bool:
    """Whether a line is only a picture agency's name ("GETTY IMAGES" under a lead picture),
    whose two capitalised words would read as a person's."""
    return " ".join(line.split()).casefold() in PICTURE_AGENCIES


def is_picture_label(line: str) -> bool:
    """A line such as "Photo" or "3 of 12" that a picture leaves without a caption."""
    if not may_be_picture_label(line):
        return False  # (the pattern would say so after normalising the whole line)
    words = line.split(maxsplit=PICTURE_LABEL_WORDS)
    if len(words) > PICTURE_LABEL_WORDS:
        return False
    return _PICTURE_LABEL.match(" ".join(words)) is not None
