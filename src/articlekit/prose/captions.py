"""Picture captions and credits as they survive in copied page text.

A picture leaves a caption and a credit behind when its page is copied, in a few shapes::

    Fishing boats in the inner basin. Photo: AP / Jane Doe      caption and credit on one line
    Spokojený hráč po vítězství. | Foto: Reuters                 (``|`` before the credit)
    United Nations peacekeepers ... Credit Jane Doe/Agence France-Presse
    The new pier at dawn (Photo by Jane Doe/Getty Images)
    The minister at the quay. (Jane Doe/AFP/Getty Images)
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
from typing import NamedTuple

from articlekit.prose.byline import CASE_TRAPS
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
_CREDIT = re.compile(
    rf"^[(\[]?\s*{_CREDIT_LABEL}\s*(?:by\s+|:\s*|：\s*)(?P<credit>[^()\[\]]{{1,120}}?)\s*[)\]]?\.?$",
    re.IGNORECASE,
)
"""``Photo: AP / Jane Doe``, ``(Bild: Hersteller)``, ``(Photo by Jane Doe/Getty Images)``."""
_CREDIT_TAIL = re.compile(
    rf"^(?P<caption>.{{8,{CAPTION_LIMIT}}}?)\s*(?:\||[-—–]\s)?\s*"
    rf"[(\[]?\s*(?:{_CREDIT_LABEL})\s*(?:by\s+|:\s*|：\s*)(?P<credit>[^()\[\]]{{1,120}}?)\s*[)\]]?\.?$",
    re.IGNORECASE,
)
"""A caption ending with its credit."""
_CREDIT_WORD_TAIL = re.compile(
    rf"^(?P<caption>.{{8,{CAPTION_LIMIT}}}?[.!?”\"])\s+(?:Credit|Crédit|Credito|Crédito)\s+"
    r"(?P<credit>(?:Credit\s+)?[A-Z][^!?]{1,120})$"
)
"""``... on Monday. Credit Jane Doe/Agence France-Presse`` (no colon)."""
_CREDIT_WORD = re.compile(
    r"^(?:Credit|Crédit|Credito|Crédito|CREDIT)\s+(?P<credit>[A-Z][^.!?]{1,80})$"
)
"""``Credit Jane Doe``: a credit line without a colon."""
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|℗)\s*(?P<credit>.{1,120})$", re.IGNORECASE)
_AGENCY_CREDIT = re.compile(
    r"^(?P<credit>(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*/\s*)+"
    r"(?:AFP|AP|Reuters|Getty Images|Getty|EPA|dpa|picture alliance|Shutterstock|Alamy|"
    r"AAP|PA|Bloomberg|Imago|Keystone|ANSA|EFE|Xinhua|NurPhoto|SOPA Images|Sipa|[A-Z]{2,6})"
    r"(?:\s*/\s*(?:Getty Images|Getty|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}))*)$"
)
"""``JANE DOE/AFP/Getty Images``: a photographer and an agency, nothing else."""
_PARENTHESISED_CREDIT_TAIL = re.compile(
    rf"^(?P<caption>.{{8,{CAPTION_LIMIT}}}?[.!?”\"])\s*[(\[](?P<credit>[^()\[\]]{{3,120}})[)\]]$"
)
"""``... after his party's victory. (Jane Doe/AFP/Getty Images)``: an agency credit in brackets."""
_LABELLED_CAPTION = re.compile(
    r"^(?:media caption|image caption|caption|bildunterschrift|légende|pie de foto|didascalia|"
    r"legenda)\s*:?\s*(?P<caption>\S.{0,400})$",
    re.IGNORECASE,
)
_PICTURE_LABEL = re.compile(
    r"^(?:photo|image|picture|video|foto|bild|gallery|galerie|galería|galleria|"
    r"view this image ›?|view gallery|enlarge this image|\d+\s*/\s*\d+|\d+ of \d+|"
    r"(?:\d+\.\s*)?photo)$",
    re.IGNORECASE,
)
"""A line a picture leaves with no text of its own ("Photo", "Image", "3 of 12")."""


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
    """Whether ``text`` (its spacing as it comes) holds a hint or opens with a bracket."""
    lower = text.casefold()
    return lower.lstrip().startswith(("(", "[")) or _holds_hint(lower)


_LABEL_STEMS = (
    "photo", "picture", "image", "credit", "crédit", "illustration", "ilustraci", "ilustraç",
    "graphic", "grafik", "video", "source", "foto", "bild", "quelle", "immagine", "reprodução",
)  # fmt: skip
"""A part of every word of :data:`_CREDIT_LABEL`, lower case."""


def _credit_label(text: str) -> bool:
    """Whether a credit label and the "by" or colon after it may stand anywhere in ``text``. The
    patterns that look for one after a caption try every position of a long line in every case
    of every label (most of a millisecond on a paragraph); this test costs microseconds."""
    if not CASE_TRAPS.isdisjoint(text):
        return True
    lower = text.lower()
    return (":" in text or "：" in text or "by " in lower) and any(
        stem in lower for stem in _LABEL_STEMS
    )


def _credit_word(text: str) -> bool:
    """Whether "Credit" (or "Crédit", "Credito", "Crédito") may stand in ``text``."""
    return "Cr" in text


class Caption(NamedTuple):
    """A picture's caption and credit, either of which may be missing."""

    caption: str | None
    credit: str | None


def read_caption(line: str) -> Caption | None:
    """The caption and/or credit a whole line gives, or ``None`` when it gives neither."""
    if not _hinted(line):
        return None  # (told before the spacing is normalised: most lines are no caption)
    text = " ".join(line.split())
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
    for pattern, possible in ((_CREDIT_TAIL, _credit_label), (_CREDIT_WORD_TAIL, _credit_word)):
        match = pattern.match(text) if possible(text) else None
        if match is not None:
            caption = match.group("caption").strip(" |—–-")
            return Caption(caption or None, match.group("credit").strip(" .,;"))
    match = _PARENTHESISED_CREDIT_TAIL.match(text) if text[-1] in ")]" else None
    if match is not None and _AGENCY_CREDIT.match(match.group("credit").strip()):
        return Caption(match.group("caption").strip(), match.group("credit").strip())
    return None


_LABEL_FIRST = frozenset("pivfbgePIVFBGE") | CASE_TRAPS
"""What every picture label opens with (a digit aside)."""


def is_picture_label(line: str) -> bool:
    """A line such as "Photo" or "3 of 12" that a picture leaves without a caption."""
    first = line.lstrip()[:1]
    if not first or not (first in _LABEL_FIRST or first.isdecimal()):
        return False  # (the pattern would say so after normalising the whole line)
    return _PICTURE_LABEL.match(" ".join(line.split())) is not None
