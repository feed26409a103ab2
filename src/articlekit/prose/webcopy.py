"""Finding the article in a web copy: the text a person gets by selecting a whole page and pasting.

A copied page is the article wrapped in page furniture: menus, sign-in and share bars, teasers of
other stories, comment forms, footers. The page is read one line at a time (a browser gives one
rendered block a line) and each line is judged with the signals article extractors use (jusText,
Readability, trafilatura) that survive in text:

* length, sentence punctuation and the share of function words (:mod:`.stopwords`): prose is
  long, ends its sentences and is full of "the", "und", "de"; menus and link lists are not;
* list markers and runs of one- to four-word lines (``* News``, ``+ Sport``): menus;
* known furniture phrases in several languages (:mod:`.furniture`), lines of code or addresses,
  lines that recur on the page;
* header lines (:mod:`.headers`) and picture captions and credits (:mod:`.captions`).

The article is the stretch of lines with the most prose in it (the best-scoring contiguous run,
prose counting for its words and furniture against them), extended down over the sentences that
close it. Inside it only what is surely furniture goes ("Advertisement", "Read more: ..."); a short
line is kept (a crosshead, a one-line paragraph). Above it, up to the headline, sit the header
lines (bylines, dates, source, reading time), a deck and captions; the headline is the title line
just above them, never a menu item, a section label or a line of the page's chrome.

A text with no sign of a web page (no furniture above its last paragraph, no menu) is not judged
here at all: :func:`find_article` returns ``None`` and the reader keeps its plain layout rules, so
wire copy, our own writer's output and a body-only text read exactly as before.
"""

from __future__ import annotations

import bisect
import itertools
import math
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Final, NamedTuple, cast

from articlekit._text import lazy_pattern
from articlekit.prose import captions, dates, furniture, headers, stopwords
from articlekit.prose.byline import (
    MORE_WRITERS,
    NAME_PARTICLES,
    SURNAME_PREFIXES,
    Byline,
    ends_with_abbreviation,
    holds_case_trap,
    is_job_title,
    lone_label,
    parse_byline,
    split_byline,
)
from articlekit.prose.dateline import PrintedDateline, split_dateline
from articlekit.prose.headers import Header
from articlekit.prose.substrings import AnyOf

PROSE_LENGTH = 70
"""A line at least this long (CJK characters count three) may be prose; jusText's limit."""
SENTENCE_LENGTH = 25
"""A shorter line that ends a sentence is a short paragraph or a caption, not a menu item."""
MENU_WORDS = 4
"""Menu items and link labels have at most this many words."""
MENU_RUN = 3
"""This many short lines in a row are a menu or a link list."""
LIST_ITEM_WORDS = 6
"""A list item this long is more likely part of the story than a link."""
UNENDED_PROSE_LENGTH = 150
"""A line that ends no sentence is prose only when this long (a long title is not)."""
ATTRIBUTION_WORDS = 4
"""Most words of a quote's attribution after its closing quote ("said the harbour master")."""
SECTION_AFTER = 150
"""Words of prose after which a section heading ("Comments", "Related") ends the article."""
HEADLINE_LIMIT = 250
RUN_GROWTH = 4
"""The n-th line of a run of furniture weighs n times its own score, up to this many times."""
FURNITURE_SCORE = -6.0
MENU_SCORE = -3.0
TITLE_SCORE = -1.0

_MARKER = lazy_pattern(r"^(?:[*+•·▪►o]|\d{1,3}[.)])\s+|^[*+•]$")
"""List markers as browsers copy them (``o`` marks the third level of a nested list)."""
_SENTENCE_END = lazy_pattern(
    rf"""[{stopwords.SENTENCE_ENDS};:][{re.escape(stopwords.CLOSERS)}]*$"""
    rf"""|[.!?。！？{stopwords.SENTENCE_STOPS}][\"'”’»)\]]*\s*\(\s*\w+\s*\)$"""
    r"|[。！？][」』]*[（(][^（）()]{1,30}[）)]$"
)
_NOISE = lazy_pattern(
    r"^(?:<[a-z!/][^>]*>.*|https?://\S+|www\.\S+|[\W\d_]{1,12}|\S+\.(?:com|org|net|de|fr)/?\S*|"
    r".*(?:\{|\}|function\s*\(|var\s+\w+\s*=).*)$",
    re.IGNORECASE,
)
_LEADING_SYMBOLS = " /|—–-•·:>"
_MARKER_STARTS = frozenset("*+•·▪►o0123456789")
_BULLETS = frozenset("*+•·▪►o")
"""The markers of :data:`_MARKER` that are one character (before a space, or alone)."""
_LONE_BULLETS = frozenset("*+•")
_SENTENCE_LAST = frozenset(stopwords.SENTENCE_ENDS + ";:" + stopwords.CLOSERS) | stopwords.THAI
"""The last characters of a line that may end a sentence: a stop, a closing quote or bracket, or
a letter of Thai, which marks no sentence end (see :func:`.stopwords.unmarked_prose`)."""
_UNSPACED = lazy_pattern("[\u3040-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
_HANGUL = lazy_pattern("[\uac00-\ud7af]")
"""Korean syllables: Korean, unlike Chinese and Japanese, sets its words apart with spaces."""
_SPACED_RUN = lazy_pattern("[^\u3040-\u9fff\uac00-\ud7af\u0e00-\u0e7f\n]+")
"""What :data:`_UNSPACED` does not find, line breaks aside: taken out of lines joined, it leaves
the characters that pattern finds in each line, counted without a string made for each (a third
faster on a page of them) and without a call for each line."""


def _after_marker(text: str) -> str | None:
    """What follows the list marker (:data:`_MARKER`) a line's text opens with, stripped, or
    ``None`` when it opens with none. A bullet is told without the pattern (a call to it costs
    several times the test): it is a marker before a space (which ``\\s`` and ``str.strip`` take
    alike), or alone."""
    if text[0] in _BULLETS:
        if text[1:2].isspace():
            return text[1:].strip()
        return "" if text in _LONE_BULLETS else None
    marker = _MARKER.match(text)
    return None if marker is None else text[marker.end() :].strip()


def _has_unspaced(content: str) -> bool:
    """Whether ``content`` holds a character :data:`_UNSPACED` finds, by its highest characters:
    a line whose characters all come before U+3000 (Latin text with a dash or a curly quote, the
    common case) can only hold Thai, so a one-shot run of such a text does not compile the
    whole pattern. Those characters are told by their UTF-8 lead bytes, from 0xE3 up (U+3000 to
    U+FFFF, and four-byte ones), found in C: taking the highest of a line's characters in Python
    costs ten times as much. Thai (U+0E00 to U+0E7F) is told by its first two bytes, 0xE0 (which
    only ever opens a character: U+0800 to U+0FFF) and 0xB8 or 0xB9, in those bytes: a pattern
    would look at every character of a page in turn, and a byte alone is found many times faster
    than two (most pages hold no 0xE0). A lead byte of U+4000 to U+9FFF (Han) or of U+B000 to
    U+CFFF (Hangul) tells at once that the pattern finds one: it is searched for only when all
    lie beside those ranges (on a page of Latin text it would look at every character)."""
    if content.isascii():
        return False
    encoded = content.encode("utf-8", "surrogatepass")
    high = encoded.translate(None, _BELOW_U3000)
    if not high:
        return b"\xe0" in encoded and (b"\xe0\xb8" in encoded or b"\xe0\xb9" in encoded)
    return len(high.translate(None, _UNSPACED_LEADS)) < len(high) or (
        _UNSPACED.search(content) is not None
    )


_BELOW_U3000 = bytes(range(0xE3))
"""The bytes deleted to leave the UTF-8 lead bytes of characters from U+3000 up."""
_UNSPACED_LEADS = bytes([*range(0xE4, 0xEA), 0xEB, 0xEC])
"""The UTF-8 lead bytes of characters that :data:`_UNSPACED` finds, each of them (U+4000 to
U+9FFF, U+B000 to U+CFFF)."""


TAIL = 40
"""Characters at the end of a line that say whether it ends a sentence."""
NOISE_LIMIT = 12
"""Lines this short without a letter ("*", "12", "|") are noise."""
_DIGIT = lazy_pattern(r"\d")
_BYLINE_LABEL = lazy_pattern(r"^(?:by|von|par|por|di|door)\s", re.IGNORECASE)
_BYLINE_LABEL_FIRST = frozenset("bvpdBVPD")
"""What every line :data:`_BYLINE_LABEL` matches opens with (no other character matches these
letters ignoring case): the pattern is tried on those lines only."""
_TRAIL_SIGNS = "/>»›"
"""What stands between the steps of a breadcrumb trail ("Home > News > Local")."""
_BREADCRUMB = lazy_pattern(rf"^\S.{{0,60}}(?:\s[{_TRAIL_SIGNS}]\s.{{1,80}}){{2,}}$")
_PAGINATION = lazy_pattern(r"^[«‹<]?\s*\w+\s*\|\s*\w+\s*[»›>]?$")


class _Pictured(NamedTuple):
    """What a line says of a picture, read before its header is known (a header line is neither)."""

    caption: captions.Caption | None
    picture: bool


class _Twins(NamedTuple):
    """What the lines of one copy were read to, by their content (pages repeat lines)."""

    headers: dict[str, Header | None]
    pictures: dict[str, _Pictured]


_Row = tuple[str, bool, float, int, bool, str | None, bool, bool, str | None]
"""What a text is, whatever line of the page holds it: its content, list marker, words, weight,
sentence end, furniture kind, noise, menu shape and folded case (see :class:`Line`), in that
order. Rows are plain tuples, built column by column for a page's distinct texts."""
_CONTENT: Final = 0
"""Positions of the fields in a :data:`_Row` (``Final``: so that the type checker knows each)."""
_MARKED: Final = 1
_WORDS: Final = 2
_WEIGHT: Final = 3
_SENTENCE: Final = 4
_KIND: Final = 5
_NOISY: Final = 6
_SHAPED: Final = 7
_FOLDED: Final = 8


@dataclass(slots=True)
class Line:
    """What is known about one non-blank line. Header, caption and picture are read on first use,
    each on its own: only the lines around the article need them, and they are the costly part; a
    line's caption is looked for first, its header only when it holds a caption or a picture
    label (a header line is neither)."""

    index: int
    text: str
    content: str
    """The text without a list marker."""
    marked: bool
    words: float
    """Words; characters of unspaced scripts count as 0.6 of a word each, Thai letters as a fifth
    of one (see :func:`_words`; -1 on a line longer than
    a headline until the text is known to be a web copy)."""
    weight: int
    """Length in characters; characters of unspaced scripts count three."""
    sentence: bool
    furniture: str | None = None
    noise: bool = False
    """Markup, an address, a pager, no letters (read with the words on a line longer than a
    headline)."""
    shaped: bool = False
    """Shaped like a menu item (a few words, no sentence, no digits, no byline label)."""
    folded: str | None = None
    """The content in lower case, for lines short enough to be counted as repeated."""
    twins: _Twins | None = None
    menu: bool = False
    repeated: bool = False
    repeats: int = 1
    """How often the line occurs on the page (short lines only)."""
    code: bool = False
    """A line of a program listing or a drawn table, in a block of such lines."""
    score: float = 0.0
    header_read: bool = False
    read_header: Header | None = None
    """The line read as a header line (:func:`.headers.read_header`)."""
    header_set: bool = False
    set_header: Header | None = None
    """What the line is known to be by its place (a line of names beside a date), once told."""
    pictured: _Pictured | None = None
    byline_evidence: int = 0
    """How a byline line is known: 0 by its label ("By ..."), 1 as names beside a date or a job
    title, 2 as names right under the headline only."""
    found_names: Byline | None = None
    names_read: bool = False
    unplaced: bool = False
    """Its names were found with no date nor job title in or beside them (:func:`_header`). What
    that depends on does not change while the article is placed: the texts and menu marks of the
    line and its neighbours, and the neighbours' headers (a header is set there only on a line
    that has none, and is a byline, never a date; :func:`_take_byline_below` sets one after the
    last such question)."""
    found_words: frozenset[str] = frozenset()
    words_language: str | None = None
    titled: bool | None = None
    """Whether the line is a title line (:func:`_title`), once told (the headline's search asks
    it of the same lines over and over)."""

    def names(self) -> Byline | None:
        """The line read as a byline without a label (a line of names), once; none when it opens
        with a word of page furniture (a breadcrumb trail, "Inicio Portada") or is a caption with
        its credit (a picture of someone, named first: "Jane Doe, on May 3 in Lyon (Photo Carl
        Moe. AFP)") or a picture agency's name alone ("GETTY IMAGES")."""
        if not self.names_read:
            self.names_read = True
            found = parse_byline(self.content, labelled=False)
            if (
                found is not None
                and furniture.furniture_kind(self.content.split()[0]) is None
                and not _credited_caption(self.caption)
                and not captions.is_picture_agency(self.content)
            ):
                self.found_names = found
        return self.found_names

    def content_words(self, language: str) -> frozenset[str]:
        """The line's content words (see :func:`.stopwords.content_words`), once per language."""
        if self.words_language != language:
            self.words_language = language
            self.found_words = frozenset(stopwords.content_words(self.content, language))
        return self.found_words

    @property
    def header_known(self) -> bool:
        """Whether the header has been read or set (else :func:`.headers.may_be_byline` may
        tell cheaply that it is no byline)."""
        return self.header_read or self.header_set

    def _header_as_read(self) -> Header | None:
        if not self.header_read:
            self.header_read = True
            self.read_header = _read_header(self.content, self.weight, self.twins_of_texts())
        return self.read_header

    def _pictured(self) -> _Pictured:
        """The caption or picture label the line holds if it is no header line."""
        if self.pictured is None:
            self.pictured = _read_pictured(self.content, self.weight, self.twins_of_texts())
        return self.pictured

    def twins_of_texts(self) -> _Twins:
        """The reads of the page's texts (shared by the lines that hold the same text)."""
        if self.twins is None:
            self.twins = _Twins({}, {})
        return self.twins

    @property
    def header(self) -> Header | None:
        return self.set_header if self.header_set else self._header_as_read()

    @header.setter
    def header(self, value: Header | None) -> None:
        self.header_set = True
        self.set_header = value

    @property
    def caption(self) -> captions.Caption | None:
        return _unless_header(self._pictured(), self._header_as_read).caption

    @property
    def picture(self) -> bool:
        return _unless_header(self._pictured(), self._header_as_read).picture


def _credited_caption(caption: captions.Caption | None) -> bool:
    return caption is not None and bool(caption.caption) and bool(caption.credit)


def _read_header(content: str, weight: int, twins: _Twins) -> Header | None:
    """What a line with this content reads as a header line (:func:`.headers.read_header`), read
    once for each text of a page."""
    known = twins.headers
    if content in known:
        return known[content]
    header = None
    if weight <= headers.HEADER_LIMIT:
        header = headers.read_header(content.lstrip(_LEADING_SYMBOLS))
    known[content] = header
    return header


def _read_pictured(
    content: str, weight: int, twins: _Twins, screened: bool | None = None
) -> _Pictured:
    """The caption or picture label a line with this content holds (if it is no header line),
    read once for each text of a page; ``screened``, whether :func:`.captions.may_be_caption`
    lets the content through, when that is known."""
    found = twins.pictures.get(content)
    if found is None:
        found = _UNPICTURED
        if weight <= captions.CAPTION_LIMIT:
            if screened is None:
                screened = captions.may_be_caption(content)
            caption = captions.read_screened_caption(content) if screened else None
            if caption is not None:
                found = _Pictured(caption, False)
            elif captions.is_picture_label(content):
                found = _Pictured(None, True)
        twins.pictures[content] = found
    return found


_UNPICTURED = _Pictured(None, False)
"""What nearly every line says of a picture (one tuple for them all: making one costs more than
reading most lines)."""


def _unless_header(pictured: _Pictured, header: Callable[[], Header | None]) -> _Pictured:
    """A line's caption or picture label as it stands, or none when the line reads as a header
    line (a byline or date line is neither; its header is read only when it holds one)."""
    if (pictured.caption is not None or pictured.picture) and header() is not None:
        return _UNPICTURED
    return pictured


@dataclass(slots=True)
class _Page:
    """The non-blank lines of a copy, column by column: where each stands (``indexes``), its text,
    the :data:`_Row` of what that text is (shared by the text's occurrences), and what its place
    on the page makes it (repeats, code, menu, score). The steps that weigh every line of a page
    read these lists; :class:`Line` objects are built only for the lines that the steps around
    the article look at (see :class:`_Described`): a long page's lines are mostly far from it."""

    indexes: list[int]
    texts: list[str]
    rows: list[_Row]
    by_text: dict[str, _Row]
    twins: _Twins
    repeats: list[int]
    code: list[bool]
    menu: list[bool]
    scores: list[float]


class _Described(dict[int, Line]):
    """The lines of a page by position (0 to ``len - 1``), each built from the page's columns the
    first time it is looked at (``__missing__``); once built, a line is looked up at a dict's
    speed. Index it only: iterating a dict gives the positions built so far, and a negative
    position is refused. A line holds the page's marks (menu, code, score) as they were when it
    was built: the steps that run before scoring use their own instance and drop it."""

    __slots__ = ("page",)

    def __init__(self, page: _Page) -> None:
        super().__init__()
        self.page = page

    def __len__(self) -> int:
        return len(self.page.indexes)

    def __missing__(self, position: int) -> Line:
        if not 0 <= position < len(self.page.indexes):
            raise IndexError(position)
        self.build(position, position + 1)
        return self[position]

    def build(self, start: int, stop: int) -> None:
        """Build the lines from ``start`` up to ``stop`` that are not built yet, all at once (a
        third cheaper than one at a time), for a stretch that will be read whole; a stretch
        reaching past the page ends with it."""
        page = self.page
        indexes, texts, rows, twins = page.indexes, page.texts, page.rows, page.twins
        stop = min(stop, len(texts))
        menu, repeats, code, scores = page.menu, page.repeats, page.code, page.scores
        self.update({
            position: Line(
                indexes[position], texts[position], *rows[position], twins, menu[position],
                repeats[position] > 1, repeats[position], code[position], scores[position],
            )
            for position in range(start, stop)
            if position not in self
        })  # fmt: skip


@dataclass
class Article:
    """Where the article sits in a copy: indexes of lines (0-based) by role."""

    lines: Sequence[str]
    language: str
    headline: int | None = None
    deck: int | None = None
    headers: list[int] = field(default_factory=list)
    """Header lines in the order their fields are taken: the byline that credits the article
    first, then in line order."""
    body: list[int] = field(default_factory=list)
    captions: list[tuple[int | None, int | None]] = field(default_factory=list)
    """(caption line, credit line) pairs; a line holding both appears in both places."""
    removed: list[int] = field(default_factory=list)
    header_values: dict[int, Header] = field(default_factory=dict)
    """What each header line says (some, such as a line of names beside a date, are header
    lines only by their place)."""
    credits: dict[int, int] = field(default_factory=dict)
    """Paragraphs closed by an agency's or photographer's credit ("... (c) AFP/Jane DOE"), by
    line index: how many characters at the end of the stripped line the credit takes."""


def _words(content: str, unspaced: int) -> float:
    """Words of a line's content holding ``unspaced`` characters of unspaced scripts: a CJK
    character is most of a word, a Thai one a letter. Thai letters are among the unspaced
    characters, so a line without any holds none (most long lines: no bytes counted); else they
    are counted by their bytes (in C: the line's highest character, taken in Python to tell a
    line of Thai alone, cost five times as much on a long line)."""
    if not unspaced:
        return float(_spaced_words(content))
    spaced_words = _spaced_words(content) if unspaced < len(content) / 2 else 0
    thai = _thai_letters(content)
    return spaced_words + thai * stopwords.THAI_WORD + (unspaced - thai) * 0.6


def _thai_letters(content: str) -> int:
    """The characters of Thai's block (U+0E00 to U+0E7F) in ``content``, counted in C by their
    first two UTF-8 bytes: 0xE0 (which only ever opens a character) and 0xB8 or 0xB9."""
    encoded = content.encode("utf-8", "surrogatepass")
    return encoded.count(b"\xe0\xb8") + encoded.count(b"\xe0\xb9")


def _spaced_words(content: str) -> int:
    """``len(content.split())`` of a line's content (no space at either end), counted without
    making a string of each word where no other space than single ones stands in it (a long
    paragraph's hundreds of words cost more to make than to count): a printable text holds no
    space but " " (every other one is a control character or a separator). A text of ASCII is
    told by its bytes, from which the other spaces are deleted in C (``str.isprintable`` looks
    each character up in Unicode's tables: ten times as long)."""
    if content.isascii():
        encoded = content.encode("ascii")
        plain = len(encoded.translate(None, _OTHER_ASCII_SPACES)) == len(encoded)
        if plain and b"  " not in encoded:
            return encoded.count(b" ") + 1 if encoded else 0
        return len(content.split())
    if content.isprintable() and "  " not in content:
        return content.count(" ") + 1 if content else 0
    return len(content.split())


_OTHER_ASCII_SPACES = b"\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
"""The ASCII characters other than " " that ``str.split`` splits at."""


def _read_long_lines(page: _Page) -> None:
    """The words and noise of lines longer than a headline, which a text that is no web copy
    never needs (the tests that tell one look at their length first)."""
    by_text = page.by_text
    long_texts = [text for text, row in by_text.items() if row[_WORDS] < 0]
    for text in long_texts:
        content, marked, _, weight, sentence, kind, _, shaped, folded = by_text[text]
        words = _words(content, (weight - len(content)) // 2)
        noise = _is_noise(content)
        by_text[text] = (content, marked, words, weight, sentence, kind, noise, shaped, folded)
    if long_texts:
        page.rows = list(map(by_text.__getitem__, page.texts))


_CLOSERS = stopwords.CLOSERS
_STOPS = frozenset(stopwords.SENTENCE_ENDS + ";:")


_CITATIONS = lazy_pattern(
    r"(?:\[(?:\d{1,4}|[a-zA-Z]|[ivxlc]{2,6}|(?i:note|nb|n|lower-alpha|upper-roman)\s?\d{1,3}"
    r"|[a-z][a-z ]{0,30} needed)\])+$"
)
"""Reference marks that follow a sentence's stop ("... in 1921.[16]", "[a]", "[ii]", "[note 1]",
"[citation needed]"); not a bracketed word ("[edit]", "[Reply]", "[Photo]"), which a page's
furniture prints."""


def _ends_sentence(tail: str) -> bool:
    """``_SENTENCE_END.search(tail)``: a stop before closing quotes and brackets, told without the
    pattern (which tries every position of the line), a stop before a bracketed word ("...
    in the town. (AP)"), or before reference marks ("... in 1921.[16]")."""
    stripped = tail.rstrip(_CLOSERS)
    if stripped and stripped[-1] in _STOPS:
        return True
    if tail.endswith("]"):
        cited = _CITATIONS.sub("", tail).rstrip(_CLOSERS)
        return cited != tail and cited[-1:] in _STOPS
    return tail.endswith((")", "）")) and _SENTENCE_END.search(tail) is not None


def _is_noise(content: str) -> bool:
    """Markup, an address, a breadcrumb trail, a pager, or no letters at all. (On a long page,
    :func:`_noises` makes this test only on short lines and where one of :data:`_NOISE_MARKS`
    stands: a new test here needs its mark there.)"""
    if not content or content[0] == "<" or content.startswith("www."):
        return True
    if (
        ":" in content  # (a character alone is found many times faster)
        and "://" in content
        and _words_beside_addresses(content) < ADDRESS_WORDS  # (not a sentence naming one)
    ):
        return True
    if len(content) <= NOISE_LIMIT and not any(map(str.isalpha, content)):
        return True
    if ("{" in content or "}" in content or "function" in content) and _NOISE.match(content):
        return True
    if _holds_breadcrumb_separator(content) and _BREADCRUMB.match(content):
        return True
    short = len(content) <= NOISE_LIMIT * 4
    return short and "|" in content and _PAGINATION.match(content) is not None


_TAG = lazy_pattern(r"<[^<>]*>")
"""A tag of markup (which may hold an address)."""
ADDRESS_WORDS = 4
"""Words (apart by spaces) besides its web addresses and markup that make a line a sentence
naming an address ("Infos unter https://..."), not an address shown by itself ("Source:
https://...")."""


def _words_beside_addresses(content: str) -> int:
    """Words of ``content`` that are neither web addresses nor markup."""
    if "<" in content:
        content = _TAG.sub(" ", content)
    return sum(1 for word in content.split() if "://" not in word)


_TRAIL_SEPARATORS = (
    *(f" {sign} " for sign in _TRAIL_SIGNS),
    *(sign for sign in _TRAIL_SIGNS if sign != "/"),  # (run together: "Forum>iPhone>")
)
"""What parts the steps of a trail (a "|" mostly parts a title from its site's name)."""
TRAIL_WORDS = 3
"""Words a step of a breadcrumb trail has at most ("Home", "Ratgeber Wärmepumpe")."""
_TRAIL_HOMES = frozenset({
    "home", "start", "startseite", "homepage", "accueil", "inicio", "início", "portada", "forum",
    "forums", "news", "nachrichten", "actualités", "noticias", "notizie", "notícias",
})  # fmt: skip
"""First steps that make a trail of two ("Home > Sport > ..."); three steps make one anyway."""


_SPACED_STEP = lazy_pattern(r" {2,3}")
"""What parts a trail's steps when the page drew its separators as pictures: a run of two or
three spaces, the only trace a browser's copy keeps of them ("Home  Esports  League of Legends";
wider runs align a table's columns)."""


def trail_and_title(line: str) -> tuple[str, str] | None:
    """A headline line that a page's breadcrumb trail runs into, as a browser copies it
    ("Forum>iPhone>No App Store over mobile data", "Home / Business / IT / Title of the story",
    "Home  Esports  Title of the story"): the trail and the title, when three
    steps of a few words each (or two, the first of them a home such as "Home" or "Forum") lead
    to a title longer than any of them; else ``None``."""
    content = " ".join(line.split())
    for separator in _TRAIL_SEPARATORS:
        if content.count(separator) < 2:
            continue
        found = _steps_and_title(content.split(separator), separator)
        if found is not None:
            return found
    spaced_apart = line.strip()
    if "  " in spaced_apart and "    " not in spaced_apart and "\t" not in spaced_apart:
        parts = _SPACED_STEP.split(spaced_apart)
        if not any(_no_step(part) for part in parts[:-1]):
            return _steps_and_title(parts, " ")
    return None


def kicker_set_off(headline: str, lines: Sequence[str]) -> str | None:
    """The headline as the page prints it elsewhere with its kicker set off by a colon ("Harbour
    row: Night ferries may berth"), when the headline line runs the kicker into the title
    ("Harbour row Night ferries may berth": a kicker styled apart, copied with a space); else
    ``None``. Only the page tells where a kicker ends: a headline's first words are no kicker.
    ``lines`` are those above the headline, where the page prints its title (its title bar, a
    breadcrumb): below it, the line is a teaser's or the story's, and no look is spent there."""
    size = len(headline) + 1
    for line in lines:
        if len(line) < size or ": " not in line:
            continue
        printed = " ".join(line.split())
        if len(printed) != size:
            continue
        kicker, _, title = printed.partition(": ")
        if f"{kicker} {title}" == headline and len(kicker.split()) <= KICKER_WORDS:
            return printed
    return None


def _no_step(part: str) -> bool:
    """What no trail's step is: a sentence (sentences two spaces apart), a table's cell of
    figures ("18.9 MB"), or words opening in small letters (a page's name opens with a capital:
    "Harbour board votes  to close  the night ferry ..." is a headline's own words)."""
    return part[-1:] in _STOPS or part[:1].islower() or any(map(str.isdigit, part))


def _steps_and_title(parts: list[str], separator: str) -> tuple[str, str] | None:
    """The trail (its steps joined by ``separator``, which ends it) and the title of
    :func:`trail_and_title`, when ``parts`` are a trail's steps and a title."""
    *steps, title = (part.strip() for part in parts)
    if not steps or not all(steps) or any(len(step.split()) > TRAIL_WORDS for step in steps):
        return None
    if len(steps) < 3 and steps[0].casefold() not in _TRAIL_HOMES:
        return None
    if len(title.split()) >= 2 and len(title) > max(map(len, steps)):
        return separator.join(steps) + separator.rstrip(), title
    return None


def _holds_breadcrumb_separator(content: str) -> bool:
    """Whether " > ", " » " or " › " stands in ``content``: each sign looked for alone first (in
    C, many times faster than between spaces; most lines hold none)."""
    return (
        (">" in content and " > " in content)
        or ("»" in content and " » " in content)
        or ("›" in content and " › " in content)
    )


_NOISE_MARKS = ("<", "www.", "://", "{", "}", "function", ">", "»", "›", "|")
"""What every line :func:`_is_noise` finds noise in holds, but a short line without letters:
markup, an address, code, a breadcrumb trail's separator (a character alone is searched for many
times faster than between spaces), a pager's bar."""


JOINED_SEARCH = 200
"""Texts from which a page's marks of noise are looked for in the joined text rather than line
by line (searching costs a few microseconds however few the lines)."""


def _noises(contents: list[str], read: list[bool]) -> list[bool]:
    """:func:`_is_noise` of each of ``contents`` where ``read`` (no noise elsewhere). On a long
    page, for all at once: the whole test only on the lines without letters and those that hold
    one of :data:`_NOISE_MARKS`, found by a search of the contents read, joined (most hold
    none)."""
    if len(contents) < JOINED_SEARCH:
        return [
            wanted and _is_noise(content) for content, wanted in zip(contents, read, strict=True)
        ]
    noises = [False] * len(contents)
    positions = list(itertools.compress(range(len(contents)), read))
    judged = [contents[position] for position in positions]
    shorts = itertools.compress(positions, map(NOISE_LIMIT.__ge__, map(len, judged)))
    for position in shorts:
        noises[position] = not any(map(str.isalpha, contents[position]))
    joined = "".join(judged)  # (a mark across two lines makes a line judged in full: no harm)
    needles = [needle for needle in _NOISE_MARKS if needle in joined]
    if not needles:
        return noises
    starts = list(itertools.accumulate(map(len, judged), initial=0))
    for needle in needles:
        at = joined.find(needle)
        while at >= 0:
            found = bisect.bisect_right(starts, at) - 1
            position = positions[found]
            if not noises[position]:
                noises[position] = _is_noise(contents[position])
            at = joined.find(needle, starts[found + 1])
    return noises


def _describe(lines: Sequence[str], judged: _Judged | None = None) -> _Page:
    """What is known about each non-blank line (the cheap part: length, marker, furniture), once
    for each text however often the page repeats it; the words and noise of lines longer than a
    headline are not read yet (see :func:`_read_long_lines`). Each measure is taken for all
    texts at once, column by column: a page has thousands of lines, and a call per line and
    measure would cost more than the measures. ``judged``: furniture kinds of texts known
    already (by :func:`_surely_no_web_copy`), not judged again."""
    stripped = list(map(str.strip, lines))
    distinct = list(dict.fromkeys(stripped))
    if "" in distinct:
        distinct.remove("")
    after_markers = [
        _after_marker(text) if text[0] in _MARKER_STARTS else None for text in distinct
    ]
    contents = [
        text if content is None else content
        for text, content in zip(distinct, after_markers, strict=True)
    ]
    unspaced = _unspaced_counts(contents)
    weights = [len(content) + 2 * count for content, count in zip(contents, unspaced, strict=True)]
    words = [
        -1.0
        if weight > HEADLINE_LIMIT
        else _words(content, count)
        if count
        else float(len(content.split()))  # (most lines: no call)
        for content, count, weight in zip(contents, unspaced, weights, strict=True)
    ]
    sentences = [  # (told by the last character first: a line's end is sliced off only then)
        (content[-1:] in _SENTENCE_LAST or len(content) >= UNENDED_PROSE_LENGTH)
        and _ends_a_sentence(content)
        for content in contents
    ]
    kinds = [
        kind if kind is not None else _untabled_kind(text)
        for text, kind in zip(distinct, _furniture_kinds(distinct, judged), strict=True)
    ]
    noises = _noises(contents, [count >= 0 for count in words])
    shapes = [
        weight <= 40
        and count <= MENU_WORDS
        and not sentence
        and _DIGIT.search(content) is None
        and (content[:1] not in _BYLINE_LABEL_FIRST or _BYLINE_LABEL.match(content) is None)
        for content, weight, count, sentence in zip(
            contents, weights, words, sentences, strict=True
        )
    ]
    folded = [
        content.casefold() if weight <= REPEAT_WEIGHT else None
        for content, weight in zip(contents, weights, strict=True)
    ]
    marked = [content is not None for content in after_markers]
    columns = zip(
        contents, marked, words, weights, sentences, kinds, noises, shapes, folded, strict=True
    )
    by_text = dict(zip(distinct, columns, strict=True))
    texts = list(filter(None, stripped))
    count = len(texts)
    return _Page(
        list(itertools.compress(itertools.count(), stripped)), texts,
        list(map(by_text.__getitem__, texts)), by_text, _Twins({}, {}),
        [1] * count, [False] * count, [False] * count, [0.0] * count,
    )  # fmt: skip


_PLAYER_CLOCK = lazy_pattern(r"\d{1,2}:\d{2}(?:\s*/\s*\d{1,2}:\d{2})?\s+")
"""A media player's clock, maybe with its length ("0:00", "0:00 / 4:12"), before its buttons."""


_WRAPPED_FIRST = frozenset("0123456789([")
"""What a line opens with when :func:`_wrapped_kind` may find furniture in it."""


def _wrapped_kind(text: str) -> str | None:
    """The furniture kind of a phrase a line wraps: a player's clock run together with its
    button ("0:00  Anhören", "0:00 / 4:12 Listen"), or brackets around the whole phrase ("(Story
    continues below advertisement)", "[Advertisement]"); the phrase's kind, ``None`` for any other
    line."""
    if text[0] in "([":
        if text[-1] not in ")]" or len(text) < 3:
            return None
        return furniture.furniture_kind(text[1:-1])
    clock = _PLAYER_CLOCK.match(text)
    return None if clock is None else furniture.furniture_kind(text[clock.end() :])


def _untabled_kind(text: str) -> str | None:
    """The furniture kind of a line that the phrase tables do not know (:func:`_wrapped_kind`),
    or ``None``: an offer of a job box (:data:`JOB_OFFER`), a broadcaster's note of the programme
    that carried the story ("related": it points elsewhere), a newsletter's blurb or a reader
    appeal that closes with its call ("subscribe")."""
    first = text[0]
    if first in _WRAPPED_FIRST:
        return _wrapped_kind(text)
    if "(" in text and furniture.is_job_offer(text):  # (most lines: no call; the tag's bracket)
        return JOB_OFFER
    if first in furniture.NOTE_FIRST_LETTERS and furniture.is_broadcast_note(text):
        return "related"
    return "subscribe" if furniture.is_blurb_with_a_call(text) else None


_Judged = list[tuple[list[str], list[str | None]]]
"""Blocks of texts and their furniture kinds, as :func:`_surely_no_web_copy` judged them."""


def _furniture_kinds(texts: list[str], judged: _Judged | None) -> list[str | None]:
    """The furniture kinds of ``texts``, those ``judged`` taken from it when they are half of
    them or more (a page that shows itself a web copy only near its last paragraph has had nearly
    all its lines judged; looking up a few costs more than judging them again)."""
    if not judged or sum(len(block) for block, _ in judged) * 2 < len(texts):
        return furniture.furniture_kinds(texts)
    known = {text: kind for block, kinds in judged for text, kind in zip(block, kinds, strict=True)}
    unjudged = [text for text in texts if text not in known]
    if unjudged:
        known.update(zip(unjudged, furniture.furniture_kinds(unjudged), strict=True))
    return list(map(known.__getitem__, texts))


REPEAT_WEIGHT = 120
"""Lines up to this long are counted when the page repeats them (menus, buttons, teasers); a
longer one only when printed :data:`BOX_REPEATS` times or more (see :func:`_read_lines`)."""


def _read_lines(page: _Page) -> None:
    """Repetition and menus. A line longer than :data:`REPEAT_WEIGHT` counts as repeated only
    when the page prints it :data:`BOX_REPEATS` times or more, exactly, and prints more other
    long lines than that: a blocked embed's placeholder ("Your privacy settings prevent loading
    external content such as ...") runs longer than a menu's line and stands between the story's
    paragraphs, while a story's paragraph printed twice is its pull quote, and a page of one
    paragraph printed again and again (a template's filler text) has no other."""
    folded = list(map(operator.itemgetter(_FOLDED), page.rows))
    counts = Counter(folded)
    repeated = {text: count for text, count in counts.items() if count > 1 and text is not None}
    if None in counts:  # (lines too long to fold)
        long_counts = Counter(
            text for text, fold in zip(page.texts, folded, strict=True) if fold is None
        )
        others = counts[None]
        repeated.update(
            (text, count)
            for text, count in long_counts.items()
            if BOX_REPEATS <= count < others - count
        )
        folded = [
            text if fold is None else fold for text, fold in zip(page.texts, folded, strict=True)
        ]
    page.repeats = list(map(repeated.get, folded, itertools.repeat(1)))
    _mark_code(page)
    _mark_menus(page)


_CODE_CHARACTERS = "(){};=<>[]│┼─"
"""What :data:`_CODE` looks for anywhere in a line (and a comma at its end)."""
_CODE = lazy_pattern(f"[{re.escape(_CODE_CHARACTERS)}]|[,;({{]$")
"""Punctuation of program code and drawn tables."""
_CODE_NEEDLES = (*_CODE_CHARACTERS, ",\n")
"""What :func:`_punctuated` looks for: :data:`_CODE`'s characters, and a comma at a line's end
(its other line ends are among the characters)."""


def _punctuated(contents: Sequence[str]) -> set[str]:
    """The ``contents`` in which :data:`_CODE` finds something, told by searching them all
    joined for each of its characters that stands there (and for a comma before a line break):
    a pattern's search of each line costs a call, and most pages hold few such lines (most
    none)."""
    joined = "\n".join(contents) + "\n"
    if joined.count("\n") != len(contents):  # (a line break inside a content)
        return {content for content in contents if _CODE.search(content) is not None}
    needles = [needle for needle in _CODE_NEEDLES if needle in joined]
    if not needles:
        return set()
    starts = [0, *map(operator.add, itertools.accumulate(map(len, contents)), itertools.count(1))]
    found = set()
    for needle in needles:
        at = joined.find(needle)
        while at >= 0:
            position = bisect.bisect_right(starts, at) - 1
            found.add(contents[position])
            at = joined.find(needle, starts[position + 1])
    return found


def _mark_code(page: _Page) -> None:
    """Blocks of lines with code punctuation (``SELECT avg(n)``, ``FROM unnest(...) AS n;``,
    ``───┼───``), with the lines of no letters (``}``, ``...``) and the bare words (``FROM``,
    ``series``) between them: a listing or a table inside the article, which is no menu however
    short its lines. A block is lines in a row (no blank line between) holding two or more
    punctuated ones; bare words join it only before a punctuated line. The items of a list
    (``+ Spain``, an empty ``+``) join only when punctuated, or as bare words between two
    punctuated lines."""
    candidates = {
        row[_CONTENT]
        for row in page.by_text.values()
        if row[_WEIGHT] < PROSE_LENGTH and not row[_KIND]
    }
    punctuated = _punctuated(list(candidates))
    if not punctuated:
        return
    rows, indexes, code = page.rows, page.indexes, page.code
    marked = [row[_CONTENT] in punctuated and not row[_KIND] for row in rows]
    count = len(rows)

    def next_to(position: int, step: int) -> bool:
        neighbour = position + step
        return 0 <= neighbour < count and indexes[neighbour] == indexes[position] + step

    def letterless(position: int) -> bool:
        row = rows[position]
        return not (row[_KIND] or row[_MARKED] or any(map(str.isalpha, row[_CONTENT])))

    walked = -1  # (the last position of the block walked last)
    for first in itertools.compress(range(count), marked):
        if first <= walked:
            continue
        start = first
        while next_to(start, -1) and start - 1 > walked and letterless(start - 1):
            start -= 1
        end, punctuation = first, 1
        while next_to(end, 1):
            following = end + 1
            if marked[following] or letterless(following):
                end, punctuation = following, punctuation + marked[following]
            elif (
                not (rows[following][_KIND] or rows[following][_MARKED])
                and rows[following][_WORDS] <= LABEL_WORDS
                and next_to(following, 1)
                and marked[following + 1]
            ):
                end = following
            else:
                break
        walked = end
        if punctuation >= 2:
            for position in range(start, end + 1):
                code[position] = True
    for position in itertools.compress(range(count), marked):  # (``f(x)``, ``+ x``, ``g(y)``)
        between = position + 1
        if next_to(position, 1) and next_to(between, 1) and marked[between + 1]:
            code[between] = code[between] or rows[between][_WORDS] <= LABEL_WORDS


def _mark_menus(page: _Page) -> None:
    """Runs of short lines (``* News``, ``Sport``, ``Weather``) are menus and link lists. A run
    goes on over a blank line only from list item to list item: a title after a menu is not one.
    Only the lines that may stand in a run are walked (a page's prose lines end any run): those
    shaped like menu items, no line of a program listing among them, and marked furniture."""
    rows, indexes, menu = page.rows, page.indexes, page.menu
    shorts = [row[_SHAPED] and not code for row, code in zip(rows, page.code, strict=True)]
    members = [
        position
        for position, (row, short) in enumerate(zip(rows, shorts, strict=True))
        if short or (row[_MARKED] and row[_KIND])
    ]
    run: list[int] = []  # positions of the lines of the run so far
    for position in members:
        marked = rows[position][_MARKED]
        if marked and shorts[position]:
            menu[position] = True
        if run and run[-1] == position - 1:
            last = run[-1]
            if indexes[last] == indexes[position] - 1 or (rows[last][_MARKED] and marked):
                run.append(position)
                continue
        _end_run(menu, run)
        run = [position]
    _end_run(menu, run)


def _end_run(menu: list[bool], run: list[int]) -> None:
    if len(run) >= MENU_RUN:
        for position in run:
            menu[position] = True


FIGURE_SCORE = -0.5
"""A line of figures ("$915", "’17", "13.0%", a table rule) weighs little: charts and tables
stand inside articles as often as around them, and are left out of the body anyway."""
JOB_OFFER = "jobs"
"""The furniture kind of an offer of a job box (:func:`.furniture.is_job_offer`): such boxes
stand inside articles as often as below them, so an offer weighs as a line of figures does, no
wall between paragraphs, and is left out of the body."""
_FIGURE = lazy_pattern(r"^[^\w]*\d[\d\W_]*$|^[─━│┃┼┬┴├┤═║╬+|-]{3,}$")


def _score(
    row: _Row, code: bool, menu: bool, repeated: bool, language: str, words: stopwords.Words
) -> float:
    """What a line with this text weighs as article, as code or in a menu, repeated or not."""
    if row[_NOISY] or row[_KIND] or code:
        kind, noisy = row[_KIND], row[_NOISY]
        if (
            (code and (noisy or not row[_SENTENCE]))
            or (not kind and _FIGURE.match(row[_CONTENT]))
            or kind == JOB_OFFER
        ):
            return FIGURE_SCORE  # (a line of a listing: ``}``, ``...``, ``x = f(y)``)
        if kind or noisy:
            return FURNITURE_SCORE
    if menu:
        return MENU_SCORE
    weight, sentence, count = row[_WEIGHT], row[_SENTENCE], row[_WORDS]
    if weight >= PROSE_LENGTH and (  # prose: a sentence, or longer and full of function words
        sentence
        or (
            weight >= UNENDED_PROSE_LENGTH
            and stopwords.stopword_ratio(row[_CONTENT], language, words) >= 0.25
        )
    ):
        score = count if sentence else count * 0.7
        return min(score, 5.0) if repeated else score
    if sentence and weight >= SENTENCE_LENGTH:
        return MENU_SCORE if repeated else count * 0.5
    if row[_MARKED] and count >= LIST_ITEM_WORDS and not repeated:
        return count * LIST_ITEM_SCORE  # an item of a list in the story, longer than a menu's
    return MENU_SCORE if repeated else TITLE_SCORE


_AUTHORED = lazy_pattern(r"^(?:[>#\\]|- |\d{1,3}[.)]\s)")
"""Lines of text a person (or our writer) lays out: quotes, crossheads, dashes, numbered lists,
protected paragraphs. They are never evidence of a web page."""
_AUTHORED_FIRST = frozenset(">#\\-")
"""What such a line opens with (a digit aside)."""


WEB_EVIDENCE = 2
"""Furniture and menu lines that make a text a web copy."""


def _is_web_page(page: _Page, everywhere: bool = False) -> bool:
    """Whether :data:`WEB_EVIDENCE` furniture lines and menu lines stand above the last line of
    prose (a trailing comment form alone does not make a text a web page: the plain layout rules
    cut it), or ``everywhere``. A menu here is a run of short lines with no blank line between
    them, as a copied page gives and no writer does (no line is known to be code yet)."""
    indexes, rows = page.indexes, page.rows
    if everywhere:
        last_prose = indexes[-1] + 1 if indexes else 0
    else:
        last_prose = next(
            (
                index
                for index, row in zip(reversed(indexes), reversed(rows), strict=True)
                if row[_WEIGHT] >= PROSE_LENGTH and row[_SENTENCE]
            ),
            -1,
        )
    evidence = 0
    run = 0  # short lines in a row, the last at line ``last``
    last = -1
    for index, text, row in zip(indexes, page.texts, rows, strict=True):
        if index >= last_prose:
            break
        first = text[0]
        if (first in _AUTHORED_FIRST or first.isdecimal()) and _AUTHORED.match(text):
            run = 0
            continue
        if row[_KIND]:
            evidence += 1
        if row[_SHAPED]:
            run = run + 1 if not run or last == index - 1 else 1
            last = index
            if run == MENU_RUN:
                evidence += MENU_RUN
            elif run > MENU_RUN:
                evidence += 1
        else:
            run = 0
        if evidence >= WEB_EVIDENCE:
            return True  # (the rest of a long page need not be walked)
    return False


LATE_REACH = 80
"""Lines at the top of a text searched for a headline that page lines come before."""
_STRONG_HEADERS = frozenset({"byline", "published", "updated", "source_date", "reading_time"})


def _late_header_block(described: _Described) -> bool:
    """Whether a title line with a header line under it (a labelled byline, a date) stands above
    the first paragraph but is neither of the text's first two lines (a headline and a deck or
    subheadline): page lines (a
    blog's name, a table of contents, a menu laid out as a table row) come before the headline,
    which the plain layout (headline first) cannot read. Our writer never lays a text out so."""
    first_prose = next(
        (
            position
            for position, row in enumerate(described.page.rows)
            if row[_WEIGHT] >= PROSE_LENGTH and row[_SENTENCE]
        ),
        len(described),
    )
    for position in range(2, min(first_prose, LATE_REACH)):
        line = described[position]
        if (
            not _title(line)
            or line.content.startswith("\\")
            or position + 1 >= len(described)
            or line.header is not None
        ):
            continue
        below = described[position + 1]
        header = below.header
        if header is not None and header.kind in _STRONG_HEADERS:
            return True
    return False


def _headline_below_lines(described: _Described) -> bool:
    """Whether the text opens with lines that are no headline (a blog's greeting, a tagline) and
    a title line stands between them and the first paragraph, near the top: the plain layout
    (headline first) would find no headline."""
    if not described or _title(described[0]):
        return False
    titled = False
    for position in range(1, min(LATE_REACH, len(described))):
        line = described[position]
        if line.weight >= PROSE_LENGTH and line.sentence:
            return titled
        titled = titled or (_title(line) and not line.content.startswith("\\"))
    return False


def _surely_no_web_copy(lines: Sequence[str], judged: _Judged | None = None) -> bool:
    """Whether the decision that opens :func:`find_article` (on :func:`_describe`'s page) is
    surely that ``lines`` are no web copy, told from what that decision needs of each line rather
    than the page's every column; ``False`` when unsure (the full decision then tells). Exactly:

    * :func:`_is_web_page`: the last line of prose, found from the end; above it, each line's
      furniture kind (judged a block of lines at a time, :data:`OPENING_LINES` first) and, for a
      line short enough to be shaped like a menu item, its shape, in the same walk, which stops
      at the evidence of a web page;
    * :func:`_late_header_block` and :func:`_headline_below_lines` look at no line below the first
      line of prose under the first line (nor below :data:`LATE_REACH`): they run on the page of
      the lines down to there (a row is what its text alone makes it); and neither needs more
      than the first line when that is a title and the first prose is at most the third line (a
      late header block needs a title line from the third line on above the prose).

    A text whose headline stands below its first lines is left to the full decision. Held to it
    in ``tests/test_webcopy_decision.py`` and ``tests/test_webcopy_shortcut_held.py``. The
    blocks of lines judged and their furniture kinds are put in ``judged`` (for
    :func:`_describe`)."""
    last_prose = -1  # the index of the last line of prose, found from the end
    for index in range(len(lines) - 1, -1, -1):
        text = lines[index].strip()
        if text and _prose(text):
            last_prose = index
            break
    indexes: list[int] = []
    texts: list[str] = []
    evidence = run = 0
    previous = -1  # the line index of the last line of a run of short lines
    start, stop, size = 0, max(last_prose, 0), OPENING_LINES
    while start < stop:  # (a block at a time: a web page shows itself in its first lines)
        end = min(stop, start + size)
        stripped = list(map(str.strip, lines[start:end]))
        block = list(filter(None, stripped))
        kinds = furniture.furniture_kinds(block, page=False)
        if judged is not None:
            judged.append((block, kinds))
        block_indexes = list(itertools.compress(itertools.count(start), stripped))
        for index, text, kind in zip(block_indexes, block, kinds, strict=True):
            first = text[0]
            if (first in _AUTHORED_FIRST or first.isdecimal()) and _AUTHORED.match(text):
                run = 0
                continue
            if kind:
                evidence += 1
            if (len(text) <= 40 or first in _MARKER_STARTS) and _shaped(text):
                run = run + 1 if not run or previous == index - 1 else 1
                previous = index
                evidence += MENU_RUN if run == MENU_RUN else run > MENU_RUN
            else:
                run = 0
            if evidence >= WEB_EVIDENCE:
                return False
        indexes += block_indexes
        texts += block
        start, size = end, size * 4
    stripped = list(map(str.strip, lines[stop:]))
    indexes += itertools.compress(itertools.count(stop), stripped)
    ending = list(filter(None, stripped))
    texts += ending
    if not texts:
        return True  # (blank lines only)
    # kept for the plain reader, which asks about the headline and a comment form at the end
    # (lines longer than furniture keeps are left out: their kinds would be judged for nothing)
    closing = ending[1 - furniture.LATELY_LIMIT :]
    asked = [
        text for text in dict.fromkeys([texts[0], *closing]) if len(text) <= furniture.PREFIX_LIMIT
    ]
    if asked:
        furniture.furniture_kinds(asked, page=False, keep=True)
    # the first line of prose below the first line (where _headline_below_lines stops looking)
    below = next(
        (position for position in range(1, len(texts)) if _prose(texts[position])), len(texts)
    )
    if below <= 2 or _prose(texts[0]):  # (the first prose is at most the third line)
        content, marked, weight = _measured(texts[0])
        if _titled(
            content, marked, _ends_a_sentence(content), weight, _count_words(content, weight)
        ):
            furniture.text_judged()
            return True  # (no headline below the first lines either)
    reach = min(below, LATE_REACH, len(texts) - 1)
    early = _Described(_describe(lines[: indexes[reach] + 1]))  # (a page: it counts as judged)
    return not _late_header_block(early) and not _headline_below_lines(early)


OPENING_LINES = 8
"""Lines at the top of a text (blank ones too) whose furniture kinds are judged at once for the
decision whether it is a web copy (a web page shows itself in them; they are most of a plain
article's lines); then four times as many, and so on."""


def _measured(text: str) -> tuple[str, bool, int]:
    """The content, list marker and weight of a line's text, as :func:`_describe` finds them."""
    after_marker = _after_marker(text) if text[0] in _MARKER_STARTS else None
    content = text if after_marker is None else after_marker
    if not _has_unspaced(content):
        return content, after_marker is not None, len(content)
    return content, after_marker is not None, len(content) + 2 * _unspaced_count(content)


def _unspaced_count(content: str) -> int:
    """The characters of ``content`` that :data:`_UNSPACED` finds."""
    return len(_SPACED_RUN.sub("", content)) - content.count("\n")


def _unspaced_counts(contents: list[str]) -> list[int]:
    """:func:`_unspaced_count` of each of ``contents``, for all at once: only lines that are not
    ASCII can hold such characters, and they are looked for in those lines joined (a page of
    other letters is passed over in one look), then counted in them joined."""
    counts = [0] * len(contents)
    positions = list(
        itertools.compress(itertools.count(), map(operator.not_, map(str.isascii, contents)))
    )
    wide = [contents[position] for position in positions]
    joined = "\n".join(wide)
    if not _has_unspaced(joined):
        return counts
    if joined.count("\n") != len(wide) - 1:  # (a line break inside a content)
        for position, content in zip(positions, wide, strict=True):
            counts[position] = _unspaced_count(content)
        return counts
    for position, kept in zip(positions, _SPACED_RUN.sub("", joined).split("\n"), strict=True):
        counts[position] = len(kept)
    return counts


def _count_words(content: str, weight: int) -> float:
    """A line's words, as :func:`_describe` counts them (-1 above a headline's weight)."""
    if weight > HEADLINE_LIMIT:
        return -1.0
    unspaced = (weight - len(content)) // 2
    return _words(content, unspaced) if unspaced else float(len(content.split()))


_QUOTE_CLOSED = "\"'”’»"
"""Marks that close a quote after its end mark (',” said', '!» a déclaré')."""
_QUOTE_THEN_COMMA = '"”»“«'
"""Marks that close a quote before the comma of its attribution, German's too ("„...“, sagte
er", "»...«, sagte er": no quote opens before a comma); no single mark, which before a comma may
be an apostrophe ("at the Joneses’, where")."""
_ATTRIBUTED = lazy_pattern(
    rf"(?:[,.!?…]\s?[{_QUOTE_CLOSED}]|[{_QUOTE_THEN_COMMA}],)"
    rf"\s+[\w'’-]+(?:\s+(?:[A-Z]\.|[\w'’-]+)){{0,{ATTRIBUTION_WORDS - 1}}}$"
)
"""A quote closed by its attribution with no full stop after it ("... the board," said Jane Doe):
a paragraph's last words, as a sentence's stop would be, on a line as long as prose. The quote's
end mark stands inside its closing mark in English, or the comma after it as in German, French,
Spanish, Italian or Portuguese ("„...“, sagte der Hafenmeister", "« ... », a déclaré le maire")."""


def _ends_a_sentence(content: str) -> bool:
    """A line's sentence end, as :func:`_describe` finds it. A line whose last character is a
    stop (most lines of prose) ends a sentence unless it ends an abbreviation: what
    :func:`_ends_sentence` says of it is known without the call. A line as long as prose may end
    with a quote's attribution instead (see :data:`_ATTRIBUTED`)."""
    tail = content[-TAIL:]
    last = tail[-1:]
    if last in _STOPS:
        return not ends_with_abbreviation(tail)
    if last not in _SENTENCE_LAST:
        return len(content) >= UNENDED_PROSE_LENGTH and _ATTRIBUTED.search(tail) is not None
    if _ends_sentence(tail) and not ends_with_abbreviation(tail):
        return True
    return tail.rstrip(_CLOSERS)[-1:] in stopwords.THAI and stopwords.unmarked_prose(content)


def _prose(text: str) -> bool:
    """Whether a line's text is a line of prose (long, ending a sentence). Told first by its
    last character and its length (a character weighs three at most; a marker goes only from
    the front), which rule out most lines without measuring them: a line that ends in no stop
    may end a sentence only as long as :data:`UNENDED_PROSE_LENGTH` (see :data:`_ATTRIBUTED`)."""
    if len(text) * 3 < PROSE_LENGTH or (
        text[-1] not in _SENTENCE_LAST and len(text) < UNENDED_PROSE_LENGTH
    ):
        return False
    content, _, weight = _measured(text)
    return weight >= PROSE_LENGTH and _ends_a_sentence(content)


def _shaped(text: str) -> bool:
    """Whether a line's text is shaped like a menu item, as :func:`_describe` finds it."""
    content, _, weight = _measured(text)
    return (
        weight <= 40
        and _count_words(content, weight) <= MENU_WORDS
        and not _ends_a_sentence(content)
        and _DIGIT.search(content) is None
        and (content[:1] not in _BYLINE_LABEL_FIRST or _BYLINE_LABEL.match(content) is None)
    )


def find_article(
    lines: Sequence[str], language: str | None = None, *, headline_first: bool = False
) -> Article | None:
    """The roles of the lines of a web copy, or ``None`` when the text is no web copy.
    ``headline_first``: read ``lines`` as a copy of an article alone, without the page around it
    (from its headline, the first line, to its last paragraph), whatever the evidence of a page;
    ``None`` unless the first line is found to be its headline."""
    judged: _Judged = []
    if not headline_first and _surely_no_web_copy(lines, judged):
        return None
    page = _describe(lines, judged)
    if language is None:
        language = stopwords.guess_language(map(operator.itemgetter(_CONTENT), page.rows))
    # a text with page lines only at its end is read as a web copy only for a headline below
    # its first lines, which the plain layout would not find
    headline_needed = False
    if (
        not headline_first
        and not _is_web_page(page)
        and not _late_header_block(early := _Described(page))
    ):
        if not _headline_below_lines(early):
            return None
        if not _is_web_page(page, everywhere=True):
            return None
        headline_needed = True
    _read_long_lines(page)
    _read_lines(page)
    words = stopwords.Words()
    _score_lines(page, language, words)
    _weigh_introduced_lists(page)
    start, end = _best_stretch(page.scores)
    if ("ookie" in page.texts[start] or "ookie" in page.texts[end]) and _set_aside_cookie_dialog(
        page, start, end
    ):
        start, end = _best_stretch(page.scores)
    end = _resumed_below(page, start, end)
    described = _Described(page)  # (the lines built above knew no score yet)
    if headline_first:
        end = _end_of_selection(described, start)
    # cut at a comment section first: a byline under the story (its signature, or a related
    # story's) would otherwise read as the start of an article in the long thread below it
    boxed: set[int] = set()  # (the teasers of a box set inside the story)
    end = _cut_at_section(described, start, _extend_down(described, end), boxed)
    end = _cut_at_footer(page, start, end)
    end = _cut_tail_island(page, start, end)
    start = _restart_after_teasers(page, start, end)
    start = _restart_at_byline(described, start, end)
    described.build(max(start - TOP_REACH, 0), start + OPENING)  # (what the top is read from)
    article = Article(lines, language)
    end = _close_with_credit(page, end, article)
    top = _read_top(described, start, article)
    end = _cut_at_author_box(described, top, end, article)
    boxed.update(_box_printed_twice(page, top, end))
    boxed.update(_job_boxes(page, top, end))
    if headline_needed and article.headline is None:
        return None
    if headline_first and article.headline != page.indexes[0]:
        return None
    paragraphs = 0
    indexes, rows, twins = page.indexes, page.rows, page.twins
    repeats, code = page.repeats, page.code
    body = article.body
    given = _given(line.header for line in _header_lines(described, article))
    listing = any(code[top : end + 1])  # (a tutorial's output repeats short lines too)
    crossheads = _Crossheads(page)
    title = _printed_title(described, article)
    for position in range(top, end + 1):
        index = indexes[position]
        if index in article.headers or index == article.deck or position in boxed:
            continue
        opening = None  # (a line among the first ones, read as a line)
        if paragraphs < 2:
            opening = line = described[position]
            if _kicker_and_title(line.content, title):
                continue  # (the headline printed again: left out, no paragraph over the byline)
            if line.header is None:
                _read_day_first(line, described, position)  # ("3. Dezember 2024" again)
            if _header_to_take(line.header, given):
                article.headers.append(index)  # a byline or date under the lead picture
                continue
        row = rows[position]
        content, weight = row[_CONTENT], row[_WEIGHT]
        if (
            paragraphs < PLAYER_PARAGRAPHS
            and weight <= furniture.PREFIX_LIMIT
            and furniture.is_player_notice(content)
        ):
            continue  # ("This audio is auto-generated.": a sentence of the page, not the story's)
        paragraphs += weight >= PROSE_LENGTH and not (
            opening is not None and captions.may_be_caption(content) and _credit_alone(opening)
        )  # (a picture's credit line under the headline is no paragraph: a date may follow)
        boxed_text = repeats[position] >= BOX_REPEATS and (
            _boxed_text(row, code[position])
            or (not listing and _boxed_label(row) and not crossheads.spared(position))
        )
        if index in article.credits:
            body.append(index)  # (no caption: a paragraph, its credit split off)
            continue
        if weight <= captions.CAPTION_LIMIT and content not in twins.pictures:
            # Most paragraphs can hold no caption nor be a picture's label: told by the first
            # test of the one and the whole (short) test of the other, without the rest of
            # :func:`_place_text` (nor keeping what they are, a picture's or not, by their text:
            # a line's first letter lets through many that are no label; a line of more words
            # than a label, counted when it holds no unspaced script, is none); the others are
            # screened once
            screened = captions.may_be_caption(content)
            if not screened and (
                (row[_WORDS] > captions.PICTURE_LABEL_WORDS and weight == len(content))
                or not captions.is_picture_label(content)
            ):
                if (
                    not row[_KIND]
                    and not (row[_NOISY] and not any(map(str.isalpha, content)))
                    and not boxed_text
                ):
                    body.append(index)  # (what :func:`_place_text` does with such a line)
                continue
            _read_pictured(content, weight, twins, screened)
        _place_text(index, content, weight, row[_KIND], row[_NOISY], twins, article, boxed_text)
    _take_byline_below(described, end, article)
    _start_at_dateline(described, article, given)
    _take_dated_block_below(described, article, given)
    if not article.body and article.deck is not None:
        article.body.append(article.deck)  # (a one-paragraph page: its paragraph, over its byline)
        article.deck = None
    _pair_captions(described, article)
    _join_split_byline(described, article)
    by_index = {line.index: line for line in _header_lines(described, article)}
    article.headers = _byline_first(list(by_index.values()), article.headline)
    article.header_values = {
        index: header for index in article.headers if (header := by_index[index].header) is not None
    }
    _join_byline_below(described, article)
    kept = {
        *article.body,
        *article.headers,
        *(index for pair in article.captions for index in pair if index is not None),
    }
    if article.headline is not None:
        kept.add(article.headline)
    if article.deck is not None:
        kept.add(article.deck)
    article.removed = [index for index in page.indexes if index not in kept]
    article.body.sort()
    return article


def _printed_title(described: _Described, article: Article) -> str | None:
    """The headline's words as printed: its line less a breadcrumb trail run into it."""
    if article.headline is None:
        return None
    content = described[_position(described, article.headline)].content
    found = trail_and_title(content)
    return content if found is None else found[1]


def _kicker_and_title(content: str, title: str | None) -> bool:
    """Whether a line is the headline printed again after a kicker run into it ("Harbour news
    Ferries may dock at night" under a trail's "Home / Harbour / Ferries may dock at night"):
    it ends with the headline's words, a few words (:data:`KICKER_WORDS`) before them."""
    if title is None or len(content) <= len(title) or not content.endswith(title):
        return False
    kicker = content[: -len(title)]
    return kicker.endswith(" ") and len(kicker.split()) <= KICKER_WORDS


def _cut_at_author_box(described: _Described, top: int, end: int, article: Article) -> int:
    """End the article above its author's box under the story: a line of the byline's name
    alone, once in the stretch, below an article's worth of prose (:data:`SECTION_AFTER` words)
    and over less of it, but some (the author's biography or a contact line, then whatever boxes
    follow: "Report an error", teasers). A name over a title alone is the story's signature; a
    name printed more often is an interview's speaker, and so is one under other speakers'
    answers (:func:`_answers_above`: a roundtable's, where the author speaks once too)."""
    names = {
        person["name"].casefold()
        for line in _header_lines(described, article)
        for byline in _bylines(line.header)
        for person in byline.people
    }
    if not names:
        return end
    page = described.page
    found = [
        position
        for position in range(top, end + 1)
        if page.rows[position][_WEIGHT] <= REPEAT_WEIGHT
        and page.rows[position][_CONTENT].casefold() in names
    ]
    if len(found) != 1:
        return end
    box = found[0]
    above, below = _prose_words(page, top, box), _prose_words(page, box, end + 1)
    if above < SECTION_AFTER or not 0 < below < above or _answers_above(described, top, box):
        return end
    return box - 1


ANSWER_LINES = 2
"""Most paragraphs of one speaker's answer under the speaker's name (:func:`_answers_above`)."""
ROUNDTABLE_SPEAKERS = 2
"""Other speakers' names, each over an answer, right above the byline's name that make it a
roundtable's speaker (one name over a paragraph may be a crosshead: "Night Crossings")."""


def _answers_above(described: _Described, top: int, position: int) -> bool:
    """Whether the line at ``position`` closes a run of speakers' answers down to ``top``: names
    alone, each over a paragraph or two (:data:`ANSWER_LINES`), :data:`ROUNDTABLE_SPEAKERS` of
    them ("Omar Farouk", his answer, "Mary Major", hers, then "Jane Doe")."""
    rows = described.page.rows
    speakers = prose = 0
    for above in range(position - 1, top - 1, -1):
        if rows[above][_WEIGHT] >= PROSE_LENGTH and prose < ANSWER_LINES:
            prose += 1
            continue
        if not prose or not _name_alone(rows[above][_CONTENT]) or not _person(described[above]):
            return False
        speakers, prose = speakers + 1, 0
        if speakers == ROUNDTABLE_SPEAKERS:
            return True
    return False


def _bylines(header: Header | None) -> list[Byline]:
    """The bylines a header line holds: its own, or those among its parts."""
    if header is None:
        return []
    parts = cast("list[Header]", header.value) if header.kind == "several" else [header]
    return [part.value for part in parts if isinstance(part.value, Byline)]


BOX_REPEATS = 3
"""Times a page prints a sentence of a box set between the story's paragraphs again and again
("This advertisement has not loaded yet, but your article continues below.", a blocked embed's
notice, a subscription offer): no paragraph (see :func:`_boxed_text`). A line printed twice may
be a crosshead in the story's own table of contents, or its deck again in a reading tool. The
known cost: a story's own line of a sentence's length printed three times (a refrain, a speech's
slogan) is left out too; it is reported and kept in the removed lines, as every line left out."""


def boxed_sentence(text: str) -> bool:
    """Whether a paragraph a page prints :data:`BOX_REPEATS` times or more is a box's text by
    its own shape, as :func:`_boxed_text` judges a line: a sentence (for the HTML reader, whose
    paragraphs hold no code)."""
    content, _, weight = _measured(text)
    return weight >= SENTENCE_LENGTH and _ends_a_sentence(content) and not _asks(content)


def _boxed_text(row: _Row, code: bool) -> bool:
    """Whether a line that the page prints :data:`BOX_REPEATS` times or more is a box's text: a
    sentence, not code (a tutorial repeats its lines of code and a program's output, which end no
    sentence), nor one that asks (see :func:`_asks`)."""
    return (
        row[_SENTENCE] and row[_WEIGHT] >= SENTENCE_LENGTH and not code and not _asks(row[_CONTENT])
    )


BOX_LABEL_WORDS = 2
"""Fewest words of a box's label that a page prints again and again (a lone word so printed may
be a table's cell: "Yes", "Open")."""


def _boxed_label(row: _Row) -> bool:
    """Whether a line that the page prints :data:`BOX_REPEATS` times or more between the story's
    paragraphs, in a story with no code, is a box's label: a few words shorter than prose that
    end no sentence nor open a list or a speaker's answer with a colon ("Article content",
    "External content not available", "Show all 6 images"), nor ask (see :func:`_asks`). Nor
    is a picture's or chart's credit ("Photo by Jane Doe", "Source: Harbour Board"), a byline
    (a page of one columnist's stories signs each), a name alone (an interview's speaker over
    each answer) or a quote's attribution after a dash ("—Jane Roe, age 8" under each of the
    jokes she told, "— Jane Roe (@janeroe) May 3, 2024" under a post; after an en dash or a
    hyphen, "– Jane Roe, age 8", a name first: :func:`_named_after_dash`), nor an editor's note in
    brackets ("(Emphasis added)" under each quote; not a labelled credit, "(Artist: Jane Roe)"):
    the story's, kept."""
    content = row[_CONTENT]
    return (
        content[:1] not in _ATTRIBUTION_DASHES
        and not (content[:1] in _ITEM_DASHES and _named_after_dash(content))
        and not (content[:1] == "(" and _editors_note(content))
        and not row[_SENTENCE]
        and row[_WEIGHT] < PROSE_LENGTH
        and row[_WORDS] >= BOX_LABEL_WORDS
        and content[-1] not in ":："
        and not _asks(content)
        and captions.read_caption(content) is None
        and (content[:1] not in _BYLINE_LABEL_FIRST or _BYLINE_LABEL.match(content) is None)
        and not _name_alone(content)
    )


class _Crossheads:
    """The repeated labels of a page that are crossheads its story's table of contents lists
    (see :meth:`spared`). Each list and each label is judged once, and only when a label asks:
    judged again for every printing of every item, a page printing many labels in long lists
    took time quadratic in its size (200 labels in 400 items, 100 KB: 7 s)."""

    __slots__ = ("_list_starts", "_listed", "_page", "_plain", "_printed_as_item", "_tables")

    def __init__(self, page: _Page) -> None:
        self._page = page
        self._plain: Counter[str | None] = Counter()  # (these four filled on first use)
        self._printed_as_item: dict[str | None, list[int]] = {}
        self._list_starts: list[int] = []
        self._tables: dict[int, bool] = {}  # (by the first position of the list)
        self._listed: dict[str | None, bool] = {}

    def spared(self, position: int) -> bool:
        """Whether the repeated label at ``position`` (see :func:`_boxed_label`) is no box's: a
        crosshead its story's table of contents lists, a line of its own once and items of a
        list elsewhere, half of whose items are crossheads too (a menu's items are mostly not);
        or an item of such a list, crosshead or not ("Overview")."""
        if not self._list_starts:
            self._read_page()
        row = self._page.rows[position]
        if _itemised(row) and self._table_of_contents(position):
            return True
        text = _listed_text(row)
        spared = self._listed.get(text)
        if spared is None:
            spared = self._crosshead(text) and any(
                map(self._table_of_contents, self._printed_as_item.get(text, ()))
            )
            self._listed[text] = spared
        return spared

    def _read_page(self) -> None:
        """Each text's printings as a line of its own and as a list's item, and where the list
        of each item starts (lines printed as items one right under the other)."""
        rows, indexes = self._page.rows, self._page.indexes
        plain, starts = self._plain, self._list_starts
        previous = False
        for position, row in enumerate(rows):
            itemised = _itemised(row)
            if not itemised:
                plain[row[_FOLDED]] += 1
            else:
                self._printed_as_item.setdefault(_listed_text(row), []).append(position)
            run_on = itemised and previous and indexes[position - 1] == indexes[position] - 1
            starts.append(starts[-1] if run_on else position)
            previous = itemised

    def _crosshead(self, text: str | None) -> bool:
        """Whether the page prints the text once as a line of its own."""
        return self._plain[text] == 1

    def _table_of_contents(self, item: int) -> bool:
        """Whether the list holding the item at that position is a story's table of contents:
        :data:`TABLE_OF_CONTENTS` of its items or more, and half of them, are crossheads."""
        first = self._list_starts[item]
        table = self._tables.get(first)
        if table is None:
            rows, starts = self._page.rows, self._list_starts
            last = first
            while last + 1 < len(starts) and starts[last + 1] == first:
                last += 1
            headed = sum(self._crosshead(_listed_text(rows[at])) for at in range(first, last + 1))
            table = headed >= TABLE_OF_CONTENTS and 2 * headed >= last + 1 - first
            self._tables[first] = table
        return table


TABLE_OF_CONTENTS = 2
"""Fewest items of a list, each printed once as a line of its own (a crosshead), that make the
list a story's table of contents (when they are half its items or more)."""


_DASH_ITEMS = ("- ", "– ")
"""Dashes that mark a list's items as a text's list does (the page's own markers aside)."""


def _itemised(row: _Row) -> bool:
    """Whether a line is printed as a list's item: marked, or after a dash."""
    return bool(row[_MARKED]) or row[_CONTENT][:2] in _DASH_ITEMS


def _listed_text(row: _Row) -> str | None:
    """A line's folded text (see :data:`_FOLDED`) less the dash a list's item opens with ("- Night
    crossings"): a crosshead printed as a dashed item is the same line printed again, as it is
    after a bullet (which the row holds apart already)."""
    folded = row[_FOLDED]
    if folded is not None and folded[:2] in _DASH_ITEMS:
        return folded[2:]
    return folded


def _editors_note(content: str) -> bool:
    """Whether a line that opens with a bracket is an editor's note in brackets ("(Emphasis
    added)" under each quote): not a labelled credit ("(Artist: Jane Roe)"), nor furniture's
    words in brackets ("(Article continues below)" at each advertisement's slot, a box's label
    all the same). (The caller looks at the opening bracket: most lines have none.)"""
    return (
        content[-1] == ")"
        and ":" not in content
        and furniture.furniture_kind(content[1:-1]) is None
    )


_ATTRIBUTION_DASHES = frozenset("—―")
"""Dashes that open a quote's attribution on a line of its own (an em dash, a quotation dash)."""
_ITEM_DASHES = frozenset("–-")
"""Dashes that open a quote's attribution as many languages print it (an en dash, a hyphen) and
a list's item as well."""
_SPEAKER_END = lazy_pattern(r"[,(]")


def _named_after_dash(content: str) -> bool:
    """Whether a line after an en dash or a hyphen is a quote's attribution: a name first, up to
    a comma or a bracket ("– Jane Roe, age 8", "- Jane Roe (@janeroe)"), not a list's item."""
    speaker = _SPEAKER_END.split(content[1:], maxsplit=1)[0]
    return _name_alone(speaker.strip())


NAME_WORDS = 3
"""Most words of a name alone on its line, its particles aside ("Jane van Roe")."""


def _name_alone(content: str) -> bool:
    """Whether a short line is a name alone: two or three words or initials that open with a
    capital ("Jane Roe", "J. Doe", "Ronald McDonald", "Jane O'Neil"), with name particles between
    ("Jane van Roe"). A box's label has a word in small letters ("Read in English"), a row of
    links a word with a capital inside that is no name's ("PubMed Google Scholar"); a given name
    and a surname alone may open with two given names run together ("MaryAnn Doe", "KeAndre
    Roe")."""
    words = content.split()
    named = [word for word in words if word not in NAME_PARTICLES]
    return (
        2 <= len(named) <= NAME_WORDS
        and words[0] not in NAME_PARTICLES
        and words[-1] not in NAME_PARTICLES
        and all(
            word[:1].isupper()
            and _after_capital(word[1:])
            and (_named_capitals(word) or (at == 0 and len(words) == 2))
            for at, word in enumerate(named)
        )
    )


def _after_capital(rest: str) -> bool:
    """Whether what follows a name's capital is a small letter ("McDonald"), an apostrophe
    ("O'Neil") or an initial's stop ("J."): a label in capitals ("CULTURE COUNCIL") is no name."""
    return rest[:1].islower() or rest[:1] in "'’" or rest == "."


_NAME_JOINS = frozenset("'’-")
"""What a capital inside a name's word may follow ("O'Neil", "Moe-Smith")."""


def _named_capitals(word: str) -> bool:
    """Whether each capital inside a word follows a surname's prefix ("McDonald", "DeSantis"),
    an apostrophe or a hyphen ("O'Neil", "Moe-Smith"), as in a name: a link's or product's name
    has it after a word of its own ("PubMed", "SiteGuide")."""
    start = 0
    for at in range(1, len(word)):
        char = word[at]
        if char in _NAME_JOINS:
            start = at + 1
        elif char.isupper() and at > start and word[start:at].casefold() not in SURNAME_PREFIXES:
            return False
    return True


def _asks(text: str) -> bool:
    """Whether a repeated sentence holds a question mark anywhere: a guide prints each of its
    questions as a heading, in its table of contents and in a questions box, and a page of
    questions gives the same answer to several ("Are dogs allowed? No."). A box's notice that
    asks ("Have a tip? Write to us.") is kept with them: unsure, the story keeps a line. Not a
    question that prompts the button after it, a furniture phrase ("Don't want to see this?
    Remove ads" under each advert): the button's label, which asks nothing of the story."""
    if "?" not in text and "？" not in text:
        return False
    button = text[max(text.rfind("?"), text.rfind("？")) + 1 :].strip()
    return not button or furniture.furniture_kind(button) is None


def _close_with_credit(page: _Page, end: int, article: Article) -> int:
    """The article's last paragraph, at ``end`` or right below it, may close with an agency's or
    photographer's credit (``... dangerous. (c) AFP/Jane DOE``, ``... — AFP``): no sentence
    ends the line, so the stretch stopped above it, or its caption's credit would make it a
    picture's. It is a paragraph when it is prose without the credit; the credit is set apart
    (:attr:`Article.credits`). So is a paragraph closing with a name after a dash ("... the
    mayor said. — Jane Moe"), which it keeps whole. Returns the article's end."""
    for position in (end, end + 1)[: len(page.rows) - end]:
        row = page.rows[position]
        content = row[_CONTENT]
        if row[_SENTENCE] or row[_KIND] or row[_WEIGHT] < PROSE_LENGTH:
            continue
        start = captions.closing_credit(content)
        signed = start is None
        if signed:
            start = captions.closing_signature(content)
        if start is None:
            continue
        kept = content[:start].rstrip()
        if _measured(kept)[2] >= PROSE_LENGTH and _ends_a_sentence(kept):
            if not signed:
                article.credits[page.indexes[position]] = len(content) - start
            return position
    return end


_AND_WORDS = frozenset({"and", "und", "et", "y", "e", "&"})
"""The words a byline goes on with on its next line ("By Jane Roe", then "and Carl Moe")."""


def _join_byline_below(described: _Described, article: Article) -> None:
    """The article's byline goes on on the lines right under it, each another labelled byline
    ("By Jane Roe", then "By Carl Moe") or "and" and names ("and Carl Moe", which the printed
    byline then ends with): their people are credited too. Any other byline among the header
    lines gives no author once the article's byline gave some (the text reader reports it with
    the lines left out)."""
    first = article.headers[0] if article.headers else None
    header = article.header_values.get(first) if first is not None else None
    if first is None or header is None or header.kind != "byline":
        return
    byline: Byline = header.value  # type: ignore[assignment]
    below = _position(described, first) + 1
    while below < len(described) and byline.people:
        line = described[below]
        if line.index in (article.headline, article.deck) or _in_caption(line.index, article):
            return
        joined = _joined_byline(byline, line)
        if joined is None:
            return
        byline = joined
        article.header_values[first] = header._replace(value=byline)
        article.header_values.pop(line.index, None)  # (its people are the byline's now)
        if line.index in article.body:
            article.body.remove(line.index)
        if line.index not in article.headers:
            article.headers.append(line.index)
        below += 1


def _joined_byline(byline: Byline, line: Line) -> Byline | None:
    """The byline with the people of the line under it, when that line goes on with it and
    credits someone else; else ``None``."""
    opening, _, rest = line.content.strip().partition(" ")
    if opening.casefold() in _AND_WORDS:
        second = parse_byline(f"By {rest}")
        printed = f"{byline.printed} {line.content.strip()}"
    elif _is_byline(line) and line.byline_evidence == 0 and line.header.kind == "byline":  # type: ignore[union-attr]
        second, printed = line.header.value, byline.printed  # type: ignore[union-attr,assignment]
    else:
        return None
    named = {person["name"] for person in byline.people}
    people = [person for person in second.people if person["name"] not in named] if second else []
    if second is None or not people:
        return None
    return byline._replace(
        printed=printed,
        people=[*byline.people, *people],
        organisation=byline.organisation,  # (a second writer's employer is no source)
        date_text=byline.date_text or second.date_text,
        contributors=byline.contributors + second.contributors,
    )


def _in_caption(index: int, article: Article) -> bool:
    """Whether line ``index`` is a picture's caption or credit the article took: a credit
    ("Jane Roe/Agency") reads like a byline's names, but credits the picture, no author."""
    return any(index in pair for pair in article.captions)


DATELINE_REACH = 8
"""Body lines among which the story's first paragraph may open with its dateline."""


def _start_at_dateline(
    described: _Described, article: Article, given: dict[str, set[object]]
) -> None:
    """A story whose first paragraph opens with a wire dateline ("CAIRO — Gunmen opened fire
    ...", "Berlin (dpa) - ...") starts there: the lines the body holds above it are a gallery's
    captions and buttons, the header printed again, a standfirst. Their header lines are read as
    such (when the header block lacks them), a standfirst is the deck when there is none, and
    the lines that are no prose are left out (reported). A paragraph of prose above it that is
    no standfirst (an editor's note) stays; with two, the dateline is one inside the story (a
    live blog's entry, a roundup's item), which then starts above it."""
    body = article.body
    prose: list[int] = []  # (the paragraphs above the dateline's)
    for at, index in enumerate(body[:DATELINE_REACH]):
        line = described[_position(described, index)]
        if _opens_wire_story(line):
            if at:
                body[:at] = _set_aside_above(described, article, given, body[:at], prose)
            return
        if _prose_paragraph(line):
            if prose:
                return
            prose.append(index)


OPENING_HEADER_REACH = 12
"""Body lines among which a header block set under the lead picture, its caption and a summary
box is looked for."""


def _take_dated_block_below(
    described: _Described, article: Article, given: dict[str, set[object]]
) -> None:
    """The article's date line among the body's first lines, when the header block gave none,
    and the line of names over it ("Jane Doe", "30 June 2025, 15:59", then the story): a page
    prints its byline and date under the lead picture, its caption and a summary box, below the
    first lines the body opens with. The first date line there is taken, unless a title line
    over it, or over the names, makes it a teaser's or a section's in the story ("Letters",
    "Maria Lopez", "May 3, 2024": a reader's letter); the names stand within :data:`NEIGHBOURS`
    lines over it."""
    if any(kind in given for kind in _ARTICLE_DATES):
        return
    body = article.body
    for at, index in enumerate(body[:OPENING_HEADER_REACH]):
        position = _position(described, index)
        line = described[position]
        _read_day_first(line, described, position)  # ("30. Juni 2025" read as a list item)
        if not _dates_article(line.header):
            continue
        if _under_a_title(described, position):
            return
        taken = [at]
        if "byline" not in given:
            for above_at in range(at - 1, max(at - 1 - NEIGHBOURS, -1), -1):
                above_position = _position(described, body[above_at])
                above = described[above_position]
                if index - above.index > NEIGHBOURS:
                    break
                if _header(above, described, above_position) and _is_byline(above):
                    if _under_a_title(described, above_position):
                        return
                    taken.append(above_at)
                    break
        article.headers.extend(body[taken_at] for taken_at in taken)
        body[:] = [kept for kept_at, kept in enumerate(body) if kept_at not in taken]
        return


def _under_a_title(described: _Described, position: int) -> bool:
    """Whether a title line stands over the line at ``position`` (:func:`_teasers_date`) that is
    no credit of the lead picture's over the header ("Foto: Tom Roe", "Photo: Tom Roe/Reuters":
    a line of few words with no full stop, but the picture's)."""
    return _teasers_date(described, position) and (
        captions.read_caption(described[position - 1].content) is None
    )


def _set_aside_above(
    described: _Described,
    article: Article,
    given: dict[str, set[object]],
    above: list[int],
    prose: list[int],
) -> list[int]:
    """Read the header lines and the standfirst among the lines ``above`` a story's dateline;
    return those of the body to keep there: the ``prose`` among them that is no standfirst (the
    others are left out)."""
    kept = []
    for taken in above:
        line = described[_position(described, taken)]
        if _header_to_take(line.header, given):
            article.headers.append(taken)
        elif taken in prose and article.deck is None and _standfirst(line):
            article.deck = taken
        elif taken in prose:
            kept.append(taken)
    return kept


def _opens_wire_story(line: Line) -> bool:
    """A paragraph of prose that opens with a wire story's dateline, a sentence after it, not
    lower-case words ("FIFA — which will decide in December — said ..." is an aside)."""
    if line.weight < PROSE_LENGTH or not line.sentence:
        return False
    found = split_dateline(line.content)
    if found is None or not _wire_place(found[0]):
        return False
    opening = next((character for character in found[1] if character.isalnum()), "")
    return opening != "" and not opening.islower()  # (scripts without capitals: not lower)


def _prose_paragraph(line: Line) -> bool:
    """A paragraph of prose, not a picture's caption (which a gallery prints twice, or ends with
    its credit)."""
    return (
        line.weight >= PROSE_LENGTH
        and (line.sentence or line.content.endswith("."))  # ("... Instagram, YouTube und Co.")
        and line.caption is None
        and not line.repeated
    )


_LABELLED = lazy_pattern(r"^\S+(?:\s\S+){0,3}:\s")
"""A paragraph opening with a label ("Editor's note: ...", "Update: ...")."""


def _standfirst(line: Line) -> bool:
    """Whether a paragraph above a story's dateline is its standfirst: a sentence or a few, no
    label, shaped as a deck."""
    return (
        line.weight <= DECK_LIMIT
        and _LABELLED.match(line.content) is None
        and _deck_shaped(line.content)
    )


def _wire_place(dateline: PrintedDateline) -> bool:
    """Whether a printed dateline is a wire story's: its place in capitals, or an agency
    credited."""
    if dateline.agency:
        return True
    letters = [character for character in dateline.place or "" if character.isalpha()]
    return (
        len(letters) >= 3
        and all(map(str.isupper, letters))
        and furniture.furniture_kind(dateline.place or "") is None
    )


def _end_of_selection(described: _Described, start: int) -> int:
    """The last line of an article copied alone: the copy's last (short closing lines are the
    story's: "He declined to comment."), or the last above a heading of comments or related
    stories after which the story does not resume (a box of links inside it is passed: a
    paragraph of prose stands below the block of lines the heading opens, or several do, a
    teaser's summary being one); page bits that the selection ran into at its end (furniture, a
    web address, markup, a credit or copyright line alone) left out."""
    page = described.page
    rows, indexes = page.rows, page.indexes
    paragraphs = [position for position in range(start, len(rows)) if _paragraph(rows[position])]
    end = len(rows) - 1
    for position in range(start, len(rows)):
        if rows[position][_KIND] in _SECTION_FURNITURE and _section_heading(described[position]):
            block = position  # (the heading's block ends at the first blank line)
            while block + 1 < len(rows) and indexes[block + 1] == indexes[block] + 1:
                block += 1
            below = paragraphs[bisect.bisect_right(paragraphs, position) :]
            if not below or (below[-1] <= block and len(below) < RESUMED_BELOW_BOX):
                end = position - 1
                break
    while end > start and _page_bit(described[end]):
        end -= 1
    return end


_PAGER = lazy_pattern(
    r"^(?:[«‹<]\s*)?(?:(?:\d+|next|previous|prev|weiter|zurück|vor|suivant|précédent|"
    r"siguiente|anterior|successivo|precedente)\s*[»›>|·]?\s*){2,}$"
    r"|^(?:page|seite|página|pagina|image|bild|photo|foto)\s+\d+\s+(?:of|von|de|sur|di)\s+\d+$"
    r"|^(?:next|previous) page$|^(?:nächste|vorherige) seite$|^page (?:suivante|précédente)$",
    re.IGNORECASE,
)
"""A pager's line: numbers and next and previous words, or "Page 1 of 2" ("Seite 1 von 2")."""
RESUMED_BELOW_BOX = 2
"""Paragraphs under a "Related" heading, in its block of lines, that show the story resuming."""


def _page_bit(line: Line) -> bool:
    """A line of the page, not of the story: furniture, noise, a menu item, a pager or a menu on
    one line ("1 2 3 Next »", "Page 1 of 2", "Home | News | Sport"), a credit alone."""
    if line.furniture or line.noise or line.menu or _PAGER.match(line.content) is not None:
        return True
    parts = line.content.split(" | ")
    if len(parts) >= MENU_RUN and all(len(part.split()) <= TRAIL_WORDS for part in parts):
        return True
    caption = line.caption
    return caption is not None and not caption.caption


def _given(found: Iterable[Header | None]) -> dict[str, set[object]]:
    """What header lines gave: for each kind, the values (a byline by its names), the parts of
    a line of several one by one."""
    given: dict[str, set[object]] = {}
    for header in found:
        if header is None:
            continue
        parts = cast("list[Header]", header.value) if header.kind == "several" else [header]
        for part in parts:
            given.setdefault(part.kind, set()).add(_header_key(part))
    return given


def _header_key(header: Header) -> object:
    return header.value.names if isinstance(header.value, Byline) else header.value


def _new_or_again(header: Header, given: dict[str, set[object]]) -> bool:
    """Whether a header line under the lead is the article's header: of a kind the header block
    has not given (which it then gives), or the header block's own line printed again; another
    date or byline there is the story's ("- 1. Mai 2024" in a list of dates), kept in the body."""
    if header.kind == "several":
        return True
    values = given.get(header.kind)
    if values is None:
        given[header.kind] = {_header_key(header)}
        return True
    return _header_key(header) in values


def _byline_first(lines: list[Line], headline: int | None) -> list[int]:
    """Header line indexes in line order, but the byline of the article first: a labelled one
    before a line of names known by its place, one under the headline before one above it."""
    bylines = [line for line in lines if _is_byline(line)]
    if not bylines:
        return [line.index for line in lines]
    top = -1 if headline is None else headline
    best = min(bylines, key=lambda line: (line.byline_evidence, line.index < top, line.index))
    return [best.index, *(line.index for line in lines if line is not best)]


_GALLERY_COUNTER = lazy_pattern(r"^\d{1,3}\s*(?:/|of)\s*\d{1,3}\b(?![/.-]\d)")
"""``3/50 Star Wars boosts economy``, ``3 of 12``: the counter of a picture gallery's slide; not
a date written with figures (``10/13/16 12:34PM``), which a story's first paragraph stands under."""


def _score_lines(page: _Page, language: str, words: stopwords.Words) -> list[float]:
    """Each line's score (see :func:`_score`), set in the page's column and returned.

    A run of furniture is a wall between the article and the rest of the page: each line of it
    weighs more than the one before. The captions of a picture gallery (each under its "3/50"
    counter) are prose, but not the article's: a gallery of fifty would outweigh the story beside
    it, so they weigh nothing."""
    scores = page.scores
    run = 0
    previous = ""  # the content of the line before
    for position, (row, code, menu, repeats) in enumerate(
        zip(page.rows, page.code, page.menu, page.repeats, strict=True)
    ):
        score = _score(row, code, menu, repeats > 1, language, words)
        if score <= FURNITURE_SCORE:
            run += 1
            if run > 1:
                score *= min(run, RUN_GROWTH)
        else:
            run = 0
            if score > 0 and previous[:1].isdecimal() and _GALLERY_COUNTER.match(previous):
                score = 0.0
        scores[position] = score
        previous = row[_CONTENT]
    return scores


LIST_ITEM_SCORE = 0.3
"""What each word of an item of a list in the story weighs (an item is shorter than prose)."""
LIST_INTRO_REACH = 2
"""Lines above a list's colon among which a line of prose shows the list to be the story's."""
SHORT_LIST_MOST = 12
"""Items of a few words at most in a list a sentence of the story opens ("The boats will call at
six stops:"); a longer run of them is a list of links (an index of the site's pages)."""


def _weigh_introduced_lists(page: _Page) -> None:
    """Score the items of a list that a line ending in a colon opens ("Tour dates:", then a date
    and a place a line) as the items of a marked list: a browser's copy drops a list's markers,
    and such items, shorter than prose, would weigh as title lines and end the article above
    them. The list is the lines under the colon's line (a blank line between them at most) with
    no blank line between them, each at least :data:`LIST_ITEM_WORDS` long and neither
    furniture, noise, code, a menu's nor repeated: it ends at the first line that is not such an
    item (a browser's copy runs a page's lines together, a wall of teasers among them), and is one
    of :data:`MENU_RUN` items or more (an address under "Office:" is none). One of the
    :data:`LIST_INTRO_REACH` lines above the colon's weighs as prose: the list goes on from the
    story's sentences (a box of teasers opens with a heading of its own, "Latest posts:"). Items
    right under the colon's line that all read as headlines (no digit, no stop: "From our
    partners:" over other stories' titles, which the story's last paragraph stands above too)
    are the story's only when its prose resumes under them (see :func:`_headlines_only`); a
    browser's copy sets a paragraph apart from the list under it by a blank line, a box's heading
    only by a line break.

    A colon inside a list already read opens no list of its own (its items are the rest of that
    list's): each line is read once, however many of a page's lines end in a colon.

    A colon's line that weighs as prose itself (a sentence of the story, not a heading) opens a
    list of shorter items too, when they keep their markers: a run of up to
    :data:`SHORT_LIST_MOST` of them, which would read as a menu ending the story above it."""
    texts, rows, indexes, scores = page.texts, page.rows, page.indexes, page.scores
    read_to = 0
    for opening in [position for position, text in enumerate(texts) if text[-1] == ":"]:
        if opening < read_to or rows[opening][_KIND] or opening + 1 >= len(texts):
            continue
        if indexes[opening + 1] - indexes[opening] > 2:
            continue
        if max(scores[max(opening - LIST_INTRO_REACH, 0) : opening], default=0) <= 0:
            continue  # (no prose above the colon: a box's heading, "Latest posts:")
        items = [opening + 1]
        short = scores[opening] > 0 and rows[opening + 1][_MARKED]
        is_item = _short_list_item if short else _list_item
        while is_item(page, items[-1]):
            following = items[-1] + 1
            if following >= len(texts) or indexes[following] != indexes[following - 1] + 1:
                break
            items.append(following)
        read_to = items[-1]
        if not is_item(page, items[-1]):
            items.pop()
        headed = indexes[opening + 1] == indexes[opening] + 1  # (no blank line: a box's heading)
        if short and len(items) > SHORT_LIST_MOST:
            continue
        if len(items) >= MENU_RUN and not (headed and _headlines_only(page, items)):
            for position in items:
                scores[position] = max(scores[position], rows[position][_WORDS] * LIST_ITEM_SCORE)


def _headlines_only(page: _Page, items: list[int]) -> bool:
    """Whether the lines ``items`` (positions, one after the other) all read as headlines, no
    digit, no label ("Friday and Saturday: four crossings an hour") in them and no stop ending
    them, and no paragraph of the story stands among the :data:`MENU_RUN` lines under them: a box
    of other stories' titles under its own heading, not a list the story goes on from (its dates,
    figures and labelled facts, its items ended as sentences, or prose under it)."""
    rows = page.rows
    if any(
        rows[at][_SENTENCE] or ":" in rows[at][_CONTENT] or _DIGIT.search(rows[at][_CONTENT])
        for at in items
    ):
        return False
    return not any(map(_paragraph, rows[items[-1] + 1 : items[-1] + 1 + MENU_RUN]))


def _list_item(page: _Page, position: int) -> bool:
    """An item of a list in the story, its marker dropped: of :data:`LIST_ITEM_WORDS` words or
    more, and neither furniture, noise, code, a menu's nor repeated."""
    return (
        page.rows[position][_WORDS] >= LIST_ITEM_WORDS
        and not page.menu[position]
        and _no_page_bit(page, position)
    )


def _short_list_item(page: _Page, position: int) -> bool:
    """A :func:`_list_item`, or a shorter one that keeps its marker (a run of them is shaped like
    a menu) and is no labelled line ("Author: Jane Doe", "Published: ...": the page's own details
    under a list)."""
    row = page.rows[position]
    return _list_item(page, position) or (
        bool(row[_MARKED]) and ":" not in row[_CONTENT] and _no_page_bit(page, position)
    )


def _no_page_bit(page: _Page, position: int) -> bool:
    """Whether a line is neither furniture, noise, code nor repeated."""
    row = page.rows[position]
    return not (row[_KIND] or row[_NOISY] or page.code[position] or page.repeats[position] > 1)


def _set_aside_cookie_dialog(page: _Page, start: int, end: int) -> bool:
    """When the best stretch is a dialog of cookie settings (paragraphs on each kind of cookie, in
    any language: most of its prose speaks of cookies), score its lines that do as furniture, for
    the article to be looked for elsewhere, and say so. Asked only of a stretch whose first or
    last line speaks of cookies: a page's cookie notice stands at its top or its foot."""
    rows, scores = page.rows, page.scores
    prose = [position for position in range(start, end + 1) if scores[position] > 0]
    cookies = [position for position in prose if "ookie" in rows[position][_CONTENT]]
    if sum(rows[p][_WORDS] for p in cookies) * 2 <= sum(rows[p][_WORDS] for p in prose):
        return False
    for position in cookies:
        scores[position] = FURNITURE_SCORE
    return True


def _best_stretch(scores: list[float]) -> tuple[int, int]:
    """Positions of the contiguous run of lines with the highest score."""
    best, best_start, best_end = float("-inf"), 0, 0
    total, start = 0.0, 0
    for position, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, position
        total += score
        if total > best:
            best, best_start, best_end = total, start, position
    while best_start < best_end and scores[best_start] <= 0:
        best_start += 1
    return best_start, best_end


def _resumed_below(page: _Page, start: int, end: int) -> int:
    """The end of the article, past a box set inside the story after which it goes on: the best
    stretch ends above a run of furniture lines (a share bar of four buttons weighs more than a
    few short paragraphs), below which paragraphs one after the other (:func:`_resumes`) stand
    within :data:`BOX_LINES` lines and speak of what the story does (:func:`_on_the_story`); a
    comment thread, an appeal, a teaser's summary or another story under the box does not."""
    rows, scores = page.rows, page.scores
    while True:
        resumed = end + 1
        while resumed < len(rows) and resumed - end <= BOX_LINES and scores[resumed] <= 0:
            resumed += 1
        if resumed >= len(rows) or resumed - end > BOX_LINES or not _resumes(rows, resumed):
            return end
        last = resumed
        while last + 1 < len(rows) and scores[last + 1] > 0:
            last += 1
        if not _on_the_story(page, start, end, last):
            return end
        end = last


TEASER_RUN = 3
"""Dated teasers of other stories in a row that the best stretch may open with."""
TEASER_WORDS = 30
"""A teaser's summary is short; a paragraph that opens with its story's date is longer."""
_STAMP = lazy_pattern(
    r"^(?:\d{1,2}\.?\s+)?([^\W\d_]+\.?)\s+(?:\d{1,2},?\s+)?\d{4}\b"
    r"|^\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b"
)
"""A date a line opens with: a day, a month's name and a year ("12. Januar 2015", "Dezember 2014",
"March 3, 2024"), or digits ("03.04.2020", "2020-04-03")."""


def _restart_after_teasers(page: _Page, start: int, end: int) -> int:
    """Where the article starts in the best stretch: after the teasers of other stories it opens
    with (a sidebar's "Latest news" copied above the article), each a short summary that opens
    with its story's date under its title ("Mode: ...", then "Januar 2015, 15:53 Im Mittelpunkt
    ..."), :data:`TEASER_RUN` of them at least, before the first paragraph that is none of them.
    Short lines between them that end a sentence are teasers' titles too. A stretch of teasers
    only (a page of them) keeps its start."""
    rows, scores = page.rows, page.scores
    teasers = 0
    for position in range(start, end + 1):
        if scores[position] <= 0:
            continue
        row = rows[position]
        if _dated_teaser(page, position):
            teasers += 1
        elif row[_WEIGHT] >= PROSE_LENGTH:
            return position if teasers >= TEASER_RUN else start
    return start


def _dated_teaser(page: _Page, position: int) -> bool:
    """A short summary that opens with a date under a title line (shorter than prose, no
    furniture; it may end with a question mark)."""
    row = page.rows[position]
    if row[_WORDS] > TEASER_WORDS or position == 0 or not row[_CONTENT][:1].isalnum():
        return False
    above = page.rows[position - 1]
    if above[_KIND] or above[_WEIGHT] >= PROSE_LENGTH:
        return False
    found = _STAMP.match(row[_CONTENT])
    if found is None:
        return False
    month = found.group(1)
    return month is None or (
        month.casefold().rstrip(".") in dates.MONTHS or month.casefold() in dates.FOREIGN_MONTHS
    )


def _restart_at_byline(described: _Described, start: int, end: int) -> int:
    """Where the article starts in the best stretch: after its byline, when the stretch ran over
    page furniture into it from prose of something else (a cookie notice, a sign-in prompt,
    promotional blurbs) that holds less prose than what follows the byline. The header block
    (and the headline over it) are then read as the top of the article.

    The byline is looked for between the stretch's first line of furniture and the line of prose
    that brings half its words, among the lines that weigh nothing."""
    page = described.page
    rows, scores = page.rows[start : end + 1], page.scores[start : end + 1]
    words = [row[_WORDS] if score > 0 else 0.0 for row, score in zip(rows, scores, strict=True)]
    total = sum(words)
    halfway = len(words)
    if total > 0:  # (with no prose, the whole stretch)
        reached = list(itertools.accumulate(words))
        halfway = bisect.bisect_left(
            reached, True, key=lambda words_so_far: words_so_far * 2 >= total
        )
    first_furniture = next(
        (offset for offset in range(halfway) if scores[offset] <= FURNITURE_SCORE), halfway
    )
    for offset in range(first_furniture + 1, halfway):
        if (
            FURNITURE_SCORE < scores[offset] <= 0
            and headers.may_be_byline(rows[offset][_CONTENT].lstrip(_LEADING_SYMBOLS))
            and _is_byline(line := described[start + offset])
            and line.header.value.people  # type: ignore[union-attr]
        ):
            following = offset + 1
            while following < len(scores) and scores[following] <= 0:
                following += 1
            return start + following if following < len(scores) else start
    return start


def _cut_at_section(described: _Described, start: int, end: int, boxed: set[int]) -> int:
    """End the article before a section of comments or related stories that the best stretch ran
    into (long comments and teasers are prose too), once it holds an article's worth of words.

    Comments and tag headings always end it; a share heading unless the story goes on below its
    bar (:func:`_share_box`); a "Related" heading only when less prose follows it (up to the next
    heading) than precedes it: a related-links box set inside a long article is followed by more
    of the article (unless the box is a template the page left unrendered, whose notices are
    no story: :func:`_unrendered`). The lines of a box after which the story goes on (teasers,
    a share bar's buttons) are added to ``boxed`` (positions), to be left out."""
    page = described.page
    headings = (
        position
        for position, row in enumerate(page.rows[start : end + 1], start)
        if row[_KIND] in _SECTION_FURNITURE and _section_heading(described[position])
    )  # (looked for one ahead of the one weighed: a page's comment thread holds hundreds)
    position = next(headings, None)
    while position is not None:
        following = next(headings, None)
        before = _prose_words(page, start, position)
        if (
            SHORT_STORY <= before < SECTION_AFTER
            and described[position].furniture == "comments"
            and _prose_words(page, position, end + 1) < before
        ):
            return _above_tabs(page, start, position)  # (a short story's thread, shorter yet)
        if before >= SECTION_AFTER:
            kind = described[position].furniture
            stop = end + 1 if following is None else following
            if kind == "share":
                bar = _share_box(described, start, position, stop)
                if not bar:
                    return _above_tabs(page, start, position)
                boxed.update(bar)
            elif kind != "related":
                return _above_tabs(page, start, position)
            elif not _inline_box(described, position):
                box = _teaser_box(described, position, end) or _box_again(described, position, end)
                if box and not _unrendered(page, position, stop):
                    boxed.update(box)
                elif _prose_words(page, position, stop) < before:
                    return _above_tabs(page, start, position)
        position = following
    return end


def _above_tabs(page: _Page, start: int, heading: int) -> int:
    """The last line above a section's heading that is not one of the tabs in the heading's run
    of menu items ("All", "Top rated", "Mentions": a comment thread's, wherever its heading
    stands among them; known furniture above it, a footer's links, stays for the steps that
    read it)."""
    end = heading - 1
    if page.menu[heading]:
        rows, menu, indexes = page.rows, page.menu, page.indexes
        while (
            end > start
            and menu[end]
            and not rows[end][_KIND]
            and indexes[end + 1] == indexes[end] + 1
        ):
            end -= 1
    return end


SHORT_STORY = 50
"""Words of prose above a comments heading, or above a gap before dated teasers, after which it
ends a story shorter than :data:`SECTION_AFTER` when less prose follows it in the stretch."""


FOOTER_REACH = 20
"""Lines within which two footer lines stand in a page's footer (its links, its copyright)."""
_YEAR = lazy_pattern(r"\b(?:19|20)\d\d\b")


def _cut_at_footer(page: _Page, start: int, end: int) -> int:
    """End the article at its last paragraph above the page's footer, when the best stretch ran
    through the footer into prose below it (a dialog, a hidden panel) once it holds an article's
    worth of words. A footer is two footer lines (:func:`_footer_line`) with no prose between,
    the second within :data:`FOOTER_REACH` lines of the first, one of them a footer's link:
    picture credits inside the story ("© 2024 Jane Doe", twice) are none."""
    rows, scores = page.rows, page.scores
    if "legal" not in map(operator.itemgetter(_KIND), rows[start : end + 1]):
        return end  # (most stretches hold no footer line: told in C)
    words, last_prose = 0.0, end  # (the last paragraph is met before the words count)
    footer: tuple[int, bool] | None = None  # (the last footer line, and whether it is a link)
    for position in range(start, end + 1):
        row = rows[position]
        if scores[position] > 0:
            words += row[_WORDS]
            last_prose, footer = position, None
        elif row[_KIND] == "legal" and words >= SECTION_AFTER:
            kind = _footer_line(row[_CONTENT])
            if kind is None:
                continue
            link = kind == "link"
            if footer is not None and position - footer[0] <= FOOTER_REACH and (link or footer[1]):
                return last_prose
            footer = (position, link or (footer is not None and footer[1]))
    return end


ISLAND_GAP = 4
"""Lines without prose, one of them furniture, that part the story from prose below it."""
BARE_GAP = 6
"""Lines without prose, one of them shaped like a menu item or printed again on the page and no
known furniture (a box of teaser titles, a list of links; not a list the paragraph above opens
with its colon), that part the story from prose below it."""
ISLAND_SHARE = 0.25
"""The most prose below such a gap, as a share of the story's above it, that is not the story's."""


def _cut_tail_island(page: _Page, start: int, end: int) -> int:
    """End the article at its last paragraph above the first gap of furniture (a share bar, a
    "Read next" box, an author's box), or of a box of links (:data:`BARE_GAP`), below which the
    best stretch holds little more prose (a teaser, an author's note, a disclosure): a quarter of
    the story's words at most, speaking of other things. Paragraphs one after the other below the
    gap are the story going on (after a "Most read" box set inside it). Below a short story
    (:data:`SHORT_STORY` words or more, fewer than :data:`SECTION_AFTER`), dated teasers of
    other stories (:func:`_dated_teasers`) with less prose than the story are cut off too, unless
    the story is dated entries itself, as many as below or more (a forum thread's posts, a
    calendar's events: the later ones go on with it)."""
    rows, scores = page.rows, page.scores
    if min(scores[start : end + 1]) > MENU_SCORE and furniture.SECTION_KINDS.isdisjoint(
        map(operator.itemgetter(_KIND), rows[start : end + 1])
    ):
        return end  # (no gap of furniture nor of links: told in C)
    words, last_prose, gap, furnished, linked = 0.0, start, 0, False, False
    introduced = False  # (the paragraph above the gap opens a list: "... at six stops:")
    cuts: list[tuple[int, float]] = []  # (the last paragraph above a gap, the words above it)
    kinds = furniture.SECTION_KINDS
    stretch = zip(itertools.count(start), rows[start : end + 1], scores[start : end + 1])
    for position, row, score in stretch:
        if score > 0:
            parted = (furnished and gap >= ISLAND_GAP) or (linked and gap >= BARE_GAP)
            if parted and not _resumes(rows, position):
                cuts.append((last_prose, words))
            words += row[_WORDS]
            last_prose, gap, furnished, linked = position, 0, False, False
            introduced = row[_CONTENT].endswith(":")
        else:
            gap += 1
            furnished = furnished or row[_KIND] in kinds
            # (a menu's line or one printed again, not known furniture: an advertisement's label
            # in the story is none of a box of links)
            linked = linked or (score <= MENU_SCORE and not row[_KIND] and not introduced)
    entries: list[int] | None = None  # (the dated entries' positions, found on first need)
    for cut, above in cuts:
        if above >= SECTION_AFTER and words - above <= above * ISLAND_SHARE:
            if _on_the_story(page, start, cut, end) and not _dated_teasers(page, cut + 2, end):
                return end  # (the story's last paragraphs, under a share bar set inside it)
            return cut
        if (
            above >= SHORT_STORY
            and words - above < above
            and _dated_teasers(page, cut + 2, end)
            and (entries := entries or list(_dated_entries(page, max(start, 1), end)))
            and bisect.bisect_right(entries, cut)
            < len(entries) - bisect.bisect_left(entries, cut + 2)
        ):
            return cut  # (a short story's teasers, less than it; not a thread's or calendar's)
    return end


DATED_TEASERS = 2
"""Date lines below a gap of furniture that make the prose there teasers of other stories."""


def _dated_teasers(page: _Page, first: int, end: int) -> bool:
    """Whether the prose from ``first`` to ``end`` is teasers of other stories or readers'
    comments, however much it speaks of what the story does (a box of the same topic's latest
    stories): each with its own date line, which stands under or over a title, a name or a
    comment's "Jane says:" (a short line of the box's own). A story's own updates ("March 5,
    2024, 4:30 p.m.", then what happened) stand under its paragraphs or its share bar, over a
    paragraph."""
    dated = _dated_entries(page, first, end)
    return len(list(itertools.islice(dated, DATED_TEASERS))) == DATED_TEASERS


def _dated_entries(page: _Page, first: int, end: int) -> Iterator[int]:
    """The positions of the dated entries from ``first`` to ``end`` (see
    :func:`_dated_teasers`), in order: the story's own and those below a cut are counted from
    one list (counted again for each cut, a long page of gaps took time quadratic in it)."""
    rows = page.rows
    for position in range(first, end + 1):
        if not _is_date_line(rows[position][_CONTENT]):
            continue
        below = rows[position + 1] if position + 1 < len(rows) else None
        if not _boxs_own(rows[position - 1]) and (below is None or not _boxs_own(below)):
            continue
        yield position


def _boxs_own(row: _Row) -> bool:
    """A line of a teaser box's or a comment's own beside its date line: a short title or a name,
    not prose, furniture (the share bar) nor another date."""
    return not (_paragraph(row) or row[_KIND] or _is_date_line(row[_CONTENT]))


def _is_date_line(content: str) -> bool:
    """A short line that holds a date ("Wednesday November 20, 2019", "2H ago"), or is one in
    Chinese or Japanese ("1月13日")."""
    if len(content) > DATE_LINE:
        return False
    if "月" in content and _CJK_DAY.fullmatch(content) is not None:
        return True
    return _may_be_dated(content) and _DATED.search(content) is not None


def _shares_topic(page: _Page, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether the paragraphs of two stretches (first and last positions) speak of the same
    things: :data:`ISLAND_TOPIC` of the longer words of the one with fewer stand in the other
    (see :func:`_topic_words`)."""
    one, other = _topic_words(page, *first), _topic_words(page, *second)
    return len(one & other) >= ISLAND_TOPIC * min(len(one), len(other))


ISLAND_TOPIC = 0.4
"""The share of the words of the prose below a gap of furniture that the story above uses too,
from which on that prose is the story's own (an author's box or a teaser speaks of other things)."""
_TOPIC_WORD = lazy_pattern(r"\w{5,}")


def _on_the_story(page: _Page, start: int, cut: int, end: int) -> bool:
    """Whether the paragraphs below ``cut`` (to ``end``) speak of what the story's paragraphs
    above it do: at least :data:`ISLAND_TOPIC` of their longer words stand in the story (told by
    their first five letters, so that "ferry" and "ferries", "fisherman" and "fishermen's" are
    one); menus and other short lines count on neither side."""
    below = _topic_words(page, cut + 1, end)
    return bool(below) and len(below & _topic_words(page, start, cut)) >= ISLAND_TOPIC * len(below)


def _topic_words(page: _Page, first: int, last: int) -> set[str]:
    """The longer words of the paragraphs from ``first`` to ``last``, by their first five letters
    (see :func:`_on_the_story`)."""
    rows = page.rows
    prose = (rows[at][_CONTENT] for at in range(first, last + 1) if _paragraph(rows[at]))
    return {word[:5].casefold() for text in prose for word in _TOPIC_WORD.findall(text)}


def _resumes(rows: list[_Row], position: int) -> bool:
    """Whether :data:`RESUMED_PARAGRAPHS` paragraphs stand one after the other from
    ``position``."""
    resumed = rows[position : position + RESUMED_PARAGRAPHS]
    return len(resumed) == RESUMED_PARAGRAPHS and all(map(_paragraph, resumed))


def _footer_line(content: str) -> str | None:
    """What a line of a page's footer is: a ``"link"`` of its own ("Privacy", "Impressum",
    "Contact") or a ``"copyright"`` notice with its year (which a picture's credit may be too)."""
    if furniture.phrase_key(content) in furniture.PHRASE_KEYS:
        return "link"
    return "copyright" if _YEAR.search(content) is not None else None


def _inline_box(described: _Described, position: int) -> bool:
    """A "Related" box of a link or two set inside the story: the story's prose resumes right
    after it, with no dated teasers between (a date read as a header, or a line of a date and
    the teaser's section or place)."""
    after = [described[near] for near in range(position + 1, min(position + 4, len(described)))]
    if any(line.header is not None or _is_date_line(line.content) for line in after):
        return False
    return any(line.weight >= UNENDED_PROSE_LENGTH and line.sentence for line in after)


def _share_box(described: _Described, start: int, position: int, stop: int) -> range:
    """The lines of a share bar set inside the story (a magazine prints one under its opening
    paragraphs, with a newsletter prompt), from its heading at ``position`` (none when it is not
    one): within :data:`BOX_LINES` lines the story resumes, :data:`RESUMED_PARAGRAPHS`
    paragraphs among the next lines but one (a picture's credit may stand between) before
    ``stop`` (the next section heading), the paragraphs below the bar speak
    of what the story above does (:func:`_shares_topic`; a teaser under a share bar at the
    story's end does not), set apart as the story's above are (:func:`_spaced`: readers' comments
    on its topic, unsigned as a browser may copy them, run together where its paragraphs stand
    apart)."""
    page = described.page
    rows = page.rows
    near = position + 1
    while near < min(position + 1 + BOX_LINES, stop) and not _paragraph(rows[near]):
        near += 1
    if sum(map(_paragraph, rows[near : min(near + RESUMED_PARAGRAPHS + 1, stop)])) < (
        RESUMED_PARAGRAPHS
    ):
        return range(0)  # (a comment thread: names and dates between its paragraphs)
    if _spaced(page, start, position) and not _spaced(page, near, stop):
        return range(0)
    if not _shares_topic(page, (start, position), (near, stop - 1)):
        return range(0)
    return range(position, near)


def _spaced(page: _Page, first: int, stop: int) -> bool:
    """Whether the paragraphs from ``first`` up to ``stop`` (positions) that follow one another
    stand apart, a blank line between, more often than not (a browser's copy sets a story's
    paragraphs apart; a thread's comments and a block's lines may run together)."""
    rows, indexes = page.rows, page.indexes
    gaps = [
        indexes[at + 1] - indexes[at] > 1
        for at in range(first, stop - 1)
        if _paragraph(rows[at]) and _paragraph(rows[at + 1])
    ]
    return sum(gaps) * 2 > len(gaps)


BOX_LINES = 12
"""Short lines (teasers' titles and authors, a crosshead) a "Most read" box set inside a story
holds before the story's prose resumes."""
RESUMED_PARAGRAPHS = 3
"""Paragraphs in a row after such a box that show the story going on."""
CLOSING_PARAGRAPHS = 2
"""Paragraphs in a row after such a box that close the best stretch and show the story's end."""


def _teaser_box(described: _Described, position: int, end: int) -> range:
    """The teasers of a "Most read" box set inside the story (positions; none when it is not
    one): right after the heading's block of titles and names, none of them dated, the story
    resumes with paragraphs one after the other (a list of related stories has a title or a date
    between its summaries): :data:`RESUMED_PARAGRAPHS` of them, crossheads that end a sentence
    between them, or :data:`CLOSING_PARAGRAPHS` or more that run to the end of the best stretch
    (a box set above the story's close, whose last paragraphs may turn to another side of its
    subject). A crosshead of the story may stand above them. The lines of a box the page prints
    again and again between the story's paragraphs ("Article content", "This advertisement has
    not loaded yet") and furniture (an advertisement's label) count neither as the box's lines
    nor as breaks in the story (see :func:`_between_paragraphs`)."""
    page = described.page
    rows, indexes = page.rows, page.indexes
    near, titles = position + 1, 0
    while near < len(rows) and titles < BOX_LINES:
        between = _between_paragraphs(page, near)
        if _paragraph(rows[near]) and not between:
            break
        header = described[near].header
        if header is not None and header.kind != "byline":
            return range(0)  # (a dated teaser)
        titles += not between
        near += 1
    resumed = (at for at in range(near, len(rows)) if not _between_paragraphs(page, at))
    run = list(itertools.takewhile(lambda at: _sentences(rows[at]), resumed))
    paragraphs = sum(_paragraph(rows[at]) for at in run)
    if paragraphs < RESUMED_PARAGRAPHS and not (
        CLOSING_PARAGRAPHS <= paragraphs == len(run) and run[-1] >= end
    ):
        return range(0)
    last = position + 1  # (the box's block ends at the first blank line)
    while last + 1 < near and indexes[last + 1] == indexes[last] + 1:
        last += 1
    return range(position + 1, min(last + 1, near))


PLAYER_PARAGRAPHS = 3
"""Lines of prose length of the body above which an audio player's notice may stand: the player
sits at the article's top, under its headline or first paragraphs (the notice is not looked for
further down, where every line would pay for the look)."""
TWICE_BOX_LINES = 3
"""Fewest lines of a box that a page prints twice in a row (a paywall's offer, its desktop and
its phone version): fewer may be a story's own lines quoted again."""
TWICE_BOX_GAP = 2
"""Lines at most between the two printings of such a box (its label: "Subscribe to unlock")."""


_BOX_STOPS = ".。"
"""Full stops a box's second printing may leave out ("Enjoy more articles." over "Enjoy more
articles"): its lines are the same lines all the same."""


def _box_printed_twice(page: _Page, top: int, end: int) -> set[int]:
    """Positions of the boxes between ``top`` and ``end`` that the page prints twice in a row:
    a run of :data:`TWICE_BOX_LINES` lines or more, then the same lines in the same order, at
    most :data:`TWICE_BOX_GAP` lines further, with a line of furniture between the printings
    ("Subscribe to unlock more articles"): a subscription offer, not the story's (which prints
    its paragraphs once, and a quote again on its own). Furniture just before or after both
    printings tells nothing: an advert's label or a share row stands beside a story's chorus
    sung twice as well. Both printings go. Lines are compared less their full stops, the first
    as the others: a phone version may drop every one of them."""
    rows = page.rows
    texts = [text.rstrip(_BOX_STOPS) for text in page.texts]
    printings = Counter(texts)
    found: set[int] = set()
    for first in range(top, end + 1):
        if printings[texts[first]] != 2 or first in found:
            continue
        try:
            again = texts.index(texts[first], first + 1, min(first + 2 * BOX_LINES, end + 1))
        except ValueError:
            continue
        length = 1
        while (
            first + length < again
            and again + length <= end
            and texts[first + length] == texts[again + length]
        ):
            length += 1
        if length < TWICE_BOX_LINES or again - first - length > TWICE_BOX_GAP:
            continue
        if any(rows[at][_KIND] for at in range(first + length, again)):
            found.update(range(first, first + length), range(again, again + length))
    return found


JOB_BOX_OFFERS = 2
"""Offers (:data:`JOB_OFFER`) that make a block of lines a job box, at least."""


def _job_boxes(page: _Page, top: int, end: int) -> set[int]:
    """Positions of the job boxes between ``top`` and ``end``: blocks of lines with no blank
    line between them and no prose in them (a heading, "Stellenmarkt", each offer's employer and
    town, a "More offers" link) that list :data:`JOB_BOX_OFFERS` offers or more. The offers are
    furniture already; the box's other lines are short lines a story prints too, left out only
    beside them. The story's paragraphs stand apart from the box, and are prose."""
    rows, indexes, scores = page.rows, page.indexes, page.scores
    found: set[int] = set()
    position = top
    while position <= end:
        if rows[position][_KIND] != JOB_OFFER:
            position += 1
            continue
        first = last = position
        while first > top and indexes[first - 1] == indexes[first] - 1 and scores[first - 1] <= 0:
            first -= 1
        while last < end and indexes[last + 1] == indexes[last] + 1 and scores[last + 1] <= 0:
            last += 1
        offers = sum(rows[at][_KIND] == JOB_OFFER for at in range(first, last + 1))
        if offers >= JOB_BOX_OFFERS:
            found.update(range(first, last + 1))
        position = last + 1
    return found


def _box_again(described: _Described, position: int, end: int) -> range:
    """The titles of a "Read also" box set inside the story that the page prints again further
    down (positions; none when it is not one): its heading stands again below ``position`` (by
    ``end`` or within :data:`BOX_LINES` lines under it), and a paragraph of the story comes
    between, within :data:`BOX_LINES` lines. A section that ends the story is headed once; a
    box the page sets between paragraphs comes back (the last of them is weighed as any
    heading). The titles are the heading's block, up to the first blank line; a box of dated
    teasers is none (a list of other stories, as in :func:`_teaser_box`)."""
    rows, indexes = described.page.rows, described.page.indexes
    heading = rows[position][_CONTENT]
    again = next(
        (
            at
            for at in range(position + 1, min(end + 1 + BOX_LINES, len(rows)))
            if rows[at][_CONTENT] == heading
        ),
        None,
    )
    if again is None:
        return range(0)
    near = position + 1
    while near < min(position + 1 + BOX_LINES, again) and not _paragraph(rows[near]):
        header = described[near].header
        if header is not None and header.kind != "byline":
            return range(0)  # (a dated teaser)
        near += 1
    if near >= again or not _paragraph(rows[near]):
        return range(0)
    last = position + 1
    while last + 1 < near and indexes[last + 1] == indexes[last] + 1:
        last += 1
    return range(position + 1, min(last + 1, near))


_PLACEHOLDER = lazy_pattern(r"\{\{[^{}]{1,80}\}\}|\{%[^{}]{1,80}%\}")
"""A template's placeholder or tag ("{{ post.author }}", "{% if video %}")."""


def _unrendered(page: _Page, heading: int, stop: int) -> bool:
    """Whether a line under a box's heading (up to ``stop``) holds a placeholder of a template
    the page left unrendered ("{{ post.title }}"): the box is then the page's empty template,
    and the prose under it its notices, not the story going on below a box set inside it."""
    rows = page.rows
    return any(
        "{" in rows[at][_CONTENT] and _PLACEHOLDER.search(rows[at][_CONTENT])
        for at in range(heading + 1, stop)
    )


def _between_paragraphs(page: _Page, position: int) -> bool:
    """Whether a line is one the page sets between the story's paragraphs: printed
    :data:`BOX_REPEATS` times or more, or furniture."""
    return page.repeats[position] >= BOX_REPEATS or bool(page.rows[position][_KIND])


def _sentences(row: _Row) -> bool:
    """A paragraph (:func:`_paragraph`) or a shorter line that ends a sentence (a crosshead
    of a quotation, "'You Wanna Lower That Barrel, Son.'")."""
    return row[_WEIGHT] >= SENTENCE_LENGTH and row[_SENTENCE] and not row[_MARKED]


def _paragraph(row: _Row) -> bool:
    """A paragraph of prose: long, ended as a sentence, not a list item (a teaser's summary)."""
    return row[_WEIGHT] >= PROSE_LENGTH and row[_SENTENCE] and not row[_MARKED]


def _prose_words(page: _Page, start: int, stop: int) -> float:
    """The words of the lines that weigh as article from ``start`` up to ``stop``."""
    return sum(
        row[_WORDS]
        for row, score in zip(page.rows[start:stop], page.scores[start:stop], strict=True)
        if score > 0
    )


_SECTION_FURNITURE = frozenset({"comments", "related", "share", "tags"})


def _section_heading(line: Line) -> bool:
    """A heading of comments, related stories, share buttons or tags."""
    if line.furniture not in _SECTION_FURNITURE:
        return False
    key = furniture.phrase_key(line.text)
    if line.furniture == "share":
        return key.startswith(furniture.SHARE_HEADINGS)
    return key in furniture.PHRASE_KEYS or line.furniture == "tags" or key[:1].isdigit()


def _extend_down(described: _Described, end: int) -> int:
    """Take the short sentences that close the article ("Tickets are at the box office.")."""
    position = end + 1
    while position < len(described):
        line = described[position]
        if line.furniture or line.noise or line.menu or line.repeated or not line.sentence:
            break
        if line.weight < SENTENCE_LENGTH or line.header is not None:
            break
        position += 1
    return position - 1


def _place(line: Line, article: Article) -> None:
    """:func:`_place_text` for a line of the header block."""
    twins = line.twins_of_texts()
    _place_text(line.index, line.content, line.weight, line.furniture, line.noise, twins, article)


def _place_text(
    index: int,
    content: str,
    weight: int,
    kind: str | None,
    noise: bool,
    twins: _Twins,
    article: Article,
    boxed_text: bool = False,
) -> None:
    """Body, caption or removed, for a line inside the article's stretch (a credit line is a
    credit, even when it reads as a copyright notice). What decides is the line's text alone (its
    header and caption as read, not as set by its place), so the body is placed from the page's
    columns: no :class:`Line` is built for it. ``boxed_text``: the line is a box's text printed
    again and again (:data:`BOX_REPEATS`), no paragraph (it may still be a caption)."""
    caption, picture = _unless_header(
        _read_pictured(content, weight, twins), lambda: _read_header(content, weight, twins)
    )
    if caption is not None and (caption.credit or not kind):
        article.captions.append(
            (index if caption.caption else None, index if caption.credit else None)
        )
        return
    if kind or picture or boxed_text or (noise and not any(c.isalpha() for c in content)):
        return
    article.body.append(index)


def _read_top(described: _Described, start: int, article: Article) -> int:
    """Find the headline, the deck and the header block above the article; return the position
    where the body starts (below the headline when it stood in the stretch's first lines).

    The headline is chosen among the title lines above the article's first paragraphs (see
    :func:`_choose_headline`); what lies between it and the body is the header block below the
    headline, the header lines and opening sentences just above the body, and page furniture (a
    lead video player, teasers) left out. With no headline, only the lines just above the body are
    read."""
    language = article.language
    lede = _lede(described, start, language)
    lede_start = described[_first_paragraph(described, start)].content
    candidates = _candidates(described, start, lede_start)
    headline = _choose_headline(described, candidates, lede, lede_start, language)
    below = _headline_below_notice(described, start, headline, language)
    if below is not None:  # (the stretch opened with the page's notice above the headline)
        start = below
        lede = _lede(described, start, language)
        lede_start = described[_first_paragraph(described, start)].content
        candidates = _candidates(described, start, lede_start)
        headline = _choose_headline(described, candidates, lede, lede_start, language)
    if headline is None:
        _read_above_body(described, start, 0, article)
        return start
    headline, deck = _headline_and_deck(described, headline, lede, language)
    body_start = max(start, headline + 1)
    under = _adjacent(described, headline, 1) if deck is None else None
    if under is not None and _labels(described[under].content):
        body_start = max(body_start, under + 1)  # (the post's categories, left out)
    article.headline = described[headline].index
    if deck is not None:
        article.deck = described[deck].index
        body_start = max(body_start, deck + 1)
    block_end = _read_below_headline(
        described, max(headline, deck or 0) + 1, body_start, article, headline
    )
    if block_end > body_start:  # the deck and byline under the headline printed again
        body_start = block_end
    else:
        _read_above_body(described, body_start, block_end, article)
    if not any(
        (_is_byline(line) and line.byline_evidence < 2) or _holds_byline(line)
        for line in _header_lines(described, article)
    ):
        _take_byline_above(described, headline, article)
    if not any(_dates_article(line.header) for line in _header_lines(described, article)):
        _take_date_above(described, headline, article)
    return body_start


OPENING = 4
"""Lines at the top of the best stretch that may still be page above the article (a "JavaScript
is required" notice, a kicker, the headline itself) when they come before its first paragraph."""
TOP_REACH = 120
"""Non-blank lines above the article searched for its headline: a video player or a gallery can
stand between them."""
LEDE_WORDS = 200
"""Words of the article's opening that a headline is compared with."""


def _lede(described: _Described, start: int, language: str) -> set[str]:
    """The content words of the article's first paragraphs (read at once: no word spans two
    lines, and the paragraphs share most of theirs)."""
    page = described.page
    chosen = []
    words = 0.0
    for position in range(_first_paragraph(described, start), len(page.rows)):
        if page.scores[position] > 0:
            row = page.rows[position]
            chosen.append(row[_CONTENT])
            words += row[_WORDS]
            if words >= LEDE_WORDS:
                break
    return stopwords.content_words("\n".join(chosen), language)


NOTICE_PARAGRAPHS = 2
"""Paragraphs at the top of the best stretch, above a title line its byline signs, that are the
page's rather than the story's: a notice ("JavaScript is recommended"), a sponsor's note, a lead
picture's caption."""
NOTICE_REACH = 8
"""Non-blank lines from the top of the stretch within which such a title line stands."""


def _headline_below_notice(
    described: _Described, start: int, chosen: int | None, language: str
) -> int | None:
    """Position of the headline when the best stretch opens above it (see
    :func:`_signed_title_below_notice`) and the title line ``chosen`` above the stretch is not
    surely the headline: none, the same line printed again, or one with no header lines under it
    that stands apart from the stretch (one right over its first paragraph heads it) and shares
    no more of the story's opening (read from that headline down) than that headline does (a
    teaser's title signed in the story's first lines shares less than the story's headline)."""
    if chosen is not None and _header_follows(described, chosen):
        return None
    below = _signed_title_below_notice(described, start)
    if below is None or chosen is None or described[below].content == described[chosen].content:
        return below
    if _adjacent(described, chosen, 1) == start:
        return None  # (the title line right over the stretch's first paragraph heads it)
    lede = _lede(described, below, language)
    chosen_share = _shared(described[chosen], lede, language, SHARED_WORDS)
    return (
        below if chosen_share <= _shared(described[below], lede, language, SHARED_WORDS) else None
    )


def _signed_title_below_notice(described: _Described, start: int) -> int | None:
    """Position of the headline when the best stretch opens above it: a title line of a
    headline's length within :data:`NOTICE_REACH` lines of the stretch's top, no more than
    :data:`NOTICE_PARAGRAPHS` paragraphs above it, whose byline stands under it (see
    :func:`_byline_follows`); ``None`` when there is none. A date under a title line is not
    enough: a picture's credit line stands over its caption and the date the same way."""
    paragraphs = 0
    for position in range(start, min(start + NOTICE_REACH, len(described))):
        line = described[position]
        if line.score > 0 and line.weight >= PROSE_LENGTH:
            paragraphs += 1
            if paragraphs > NOTICE_PARAGRAPHS:
                return None
        elif line.words > LABEL_WORDS and _candidate(line) and _byline_follows(described, position):
            return position
    return None


def _byline_follows(described: _Described, position: int) -> bool:
    """Whether a byline stands within :data:`HEADER_AFTER` lines below the title line at
    ``position``, past the line printed again and one paragraph (its deck); furniture and other
    header lines not counted, no other title line between."""
    seen = paragraphs = 0
    near = position + 1
    title = described[position].content
    while near < len(described) and seen < HEADER_AFTER:
        line = described[near]
        near += 1
        if line.furniture or line.noise or line.picture or line.content == title:
            continue
        if _header(line, described, near - 1):
            if _bylines(line.header):
                return True
            continue
        if line.score > 0 and line.weight >= PROSE_LENGTH:
            paragraphs += 1
            if paragraphs > 1:
                return False
        elif line.words > LABEL_WORDS and _candidate(line):
            return False
        seen += 1
    return False


def _first_paragraph(described: _Described, start: int) -> int:
    """Position of the article's first paragraph of prose (short lines above it in the stretch
    may be a headline, a kicker or a crosshead; so may a long title line over header lines, or
    one that opens the stretch: a paragraph ends with a full stop, and one of no more than
    :data:`UNENDED_PROSE_LENGTH` that does not, a question or a cry, over the prose below it is
    the story's headline, the page's menus above it; one with a full stop inside is sentences,
    a paragraph that asks at its end or a caption with its note: "The board met. Why?")."""
    rows, scores = described.page.rows, described.page.scores
    for position in range(start, len(rows)):
        if (
            scores[position] > 0
            and rows[position][_WEIGHT] >= PROSE_LENGTH
            and not (
                _title(described[position])
                and (
                    (
                        position == start
                        and rows[position][_WEIGHT] < UNENDED_PROSE_LENGTH
                        and not _inner_full_stop(rows[position][_CONTENT])
                    )
                    or _header_follows(described, position)
                )
            )
        ):
            return position
    return start


_Possible = tuple[int, bool]
"""A line that may be a headline candidate, by its shape and place (:func:`_may_be_candidate`):
its position, and whether its header is still to be read for the rest of the test (else it was
set, to none, when the candidates were gathered; see :func:`_clear_of_page_bits`)."""


def _candidates(described: _Described, start: int, lede_start: str) -> list[_Possible]:
    """The title lines that may be the headline, nearest to the article first: those at the top
    of the stretch before its first paragraph, then those above it, up to the prose of something
    else (the second paragraph met: a deck is one). Only their shape and place are tested here;
    the rest of :func:`_candidate` (the widget, picture, header and caption reads, the costly
    part) is left to :func:`_choose_headline`, which needs it only for the lines that may still
    win (most of a long page's title lines above its article cannot)."""
    opening = []
    position = start
    first = _first_paragraph(described, start)
    while position < min(start + OPENING, first):
        if (possible := _candidate_at(described, position, lede_start)) is not None:
            opening.append(possible)
        position += 1
    found = opening[::-1]
    position, prose, plain = start - 1, 0, 0
    while position >= 0 and start - position <= TOP_REACH:
        line = described[position]
        if (
            line.score > 0
            and line.weight >= UNENDED_PROSE_LENGTH
            and line.caption is None
            and not _over_credit(described, position)
        ):
            prose += 1
            if prose > 1:
                break
        below_menu = plain < MENU_TAIL or (
            line.menu and _title(line) and _byline_under(described, position)
        )
        possible = _candidate_at(described, position, lede_start, below_menu=below_menu)
        if possible is not None:
            found.append(possible)
        if plain < MENU_TAIL and not (
            line.furniture
            or line.header is not None
            or (line.marked and _day_first(line, described, position))
        ):
            plain += 1
        position -= 1
    return found


def _candidate_at(
    described: _Described, position: int, lede_start: str, below_menu: bool = False
) -> _Possible | None:
    """The line at ``position`` when it may be a candidate (:func:`_may_be_candidate`, and not a
    picture's caption over its credit in brackets, which only the line under it tells), with
    whether its header is still to be read; ``None`` when it is surely none (its header set
    already, to something)."""
    line = described[position]
    if not _may_be_candidate(line, lede_start, below_menu) or _over_bracketed_credit(
        described, position
    ):
        return None
    if line.header_set and line.set_header is not None:
        return None
    # The header set now stays the line's for the test (a later header line set on it by its
    # place must not count: the test is the one of this moment, only made later)
    return position, not line.header_set


_CREDIT_IN_BRACKETS = r"\([^()/]{3,80}/[^()]{2,80}\)$"
"""A picture's credit in brackets, photographer and agency ("(Jane Doe / Agency)")."""
_BRACKETED_CREDIT = lazy_pattern("^" + _CREDIT_IN_BRACKETS)
"""Such a credit on its own line: the line right above it is the picture's caption."""
_CREDIT_AT_END = lazy_pattern(r"\s" + _CREDIT_IN_BRACKETS)
"""Such a credit closing its caption's line."""


def _deck_shaped(content: str) -> bool:
    """Whether a line under the headline may be its deck: not a picture's caption that ends with
    its credit in brackets ("Crews at work (Jane Doe / Agency)"), nor a line that opens with a
    tag in brackets ("[Photo] ...", "[Updated] ...")."""
    return not content.startswith("[") and (
        not content.endswith(")") or _CREDIT_AT_END.search(content) is None
    )


def _over_bracketed_credit(described: _Described, position: int) -> bool:
    """Whether the line right under the one at ``position`` (no blank line between) is a credit
    in brackets, and the line a sentence: the line is the picture's caption, neither a headline
    nor a deck (a headline with no full stop may stand right over its lead picture's credit)."""
    below = position + 1
    if below >= len(described) or described[below].index != described[position].index + 1:
        return False
    if not described[position].content.rstrip().endswith((".", "!", "?", "…")):
        return False
    content = described[below].content
    return content.startswith("(") and _BRACKETED_CREDIT.match(content) is not None


def _over_picture_credit(described: _Described, position: int) -> bool:
    """Whether the line right under the one at ``position`` (no blank line between) is a credit
    of its own ("Photo: Jane Doe", "Photo: Jane Doe, 2021"), not a copyright notice with its
    years: the line is the picture's caption, no deck ("© 2002, 2003 Jane Doe" under a deck is
    the page's copyright notice; a labelled credit may date the picture)."""
    below = position + 1
    if below >= len(described) or described[below].index != described[position].index + 1:
        return False
    line = described[below]
    return _credit_alone(line) and not (
        line.content.casefold().startswith(_COPYRIGHT_OPENINGS)
        and _YEAR.search(line.content) is not None
    )


_COPYRIGHT_OPENINGS = ("©", "(c)", "℗", "copyright")
"""How a copyright notice opens (case-folded), no picture's label before it."""


CAPTION_BLOCK = 2
"""Lines of a picture's caption block above its credit line (a gallery prints a caption twice,
once in full and once clipped)."""


def _over_credit(described: _Described, position: int) -> bool:
    """Whether a line is a picture's caption: a credit line of its own ("Photo: Jane Doe, AP")
    closes the block of lines it stands in (no blank line between), within
    :data:`CAPTION_BLOCK` lines below it. A caption is not the prose of another story, which
    ends the search for the headline above the article. (It may still be a title line: a
    headline stands right over the credit of a lead picture that has no caption.)"""
    last = described[position].index
    for near in range(position + 1, min(position + 1 + CAPTION_BLOCK, len(described))):
        line = described[near]
        if line.index != last + 1:
            return False
        caption = line.caption
        if caption is not None and not caption.caption:
            return True
        last = line.index
    return False


MENU_TAIL = 2
"""A line that ends a run of short lines may be the headline when fewer lines than this stand
between it and the article, header lines and page furniture aside (a browser's copy sets the
headline under the menu with no blank line between, and its byline, date and share buttons
under it the same way)."""


def _candidate(line: Line, lede_start: str = "", below_menu: bool = False) -> bool:
    """A title line; also a short line the article's first sentence opens with, one word or in a
    run of short lines (an encyclopedia article's title over its infobox: "Mozilla", then
    "Mozilla is a free-software community ..."). A line of a run of short lines is one only when
    it ends the run right above the article (``below_menu``: see :data:`MENU_TAIL`)."""
    return (
        _may_be_candidate(line, lede_start, below_menu)
        and _clear_of_page_bits(line)
        and line.header is None
    )


def _may_be_candidate(line: Line, lede_start: str, below_menu: bool) -> bool:
    """:func:`_candidate` by the line's shape and place alone (the cheap part)."""
    if line.furniture or line.noise or line.marked:
        return False
    opening = len(line.content) > 3 and lede_start.startswith(line.content + " ")
    if line.menu and not opening and not below_menu:
        return False
    return _title(line) or (opening and line.words == 1)


def _clear_of_page_bits(line: Line) -> bool:
    """The rest of :func:`_candidate` but its header (widget, picture and caption patterns),
    which costs the most. It reads only what is read once per line and never set (the read
    header, the picture, the caption), so it tells the same whenever it is asked."""
    return not _page_bit_of_a_widget(line.content) and not line.picture and line.caption is None


_CLIPPED = ("... more", "… more", "...more", "…more", "... More", "… More")
"""How a page ends a text it shows in part, the rest behind a link: a teaser's or a caption's."""


def _page_bit_of_a_widget(content: str) -> bool:
    """Whether a line is a gallery's counter (:func:`.captions.is_picture_label`), a text the
    page clipped ("... more"), or a widget's message or prompt
    (:func:`.furniture.is_page_message`): lines of the page around a picture, a teaser or a form,
    which a title's shape cannot make a headline."""
    if content.endswith(_CLIPPED) or furniture.is_page_message(content):
        return True
    return any(map(str.isdigit, content[-3:])) and captions.is_picture_label(content)


def _choose_headline(
    described: _Described,
    candidates: list[_Possible],
    lede: set[str],
    lede_start: str,
    language: str,
) -> int | None:
    """The best of the title lines found above the article. What counts:

    * the words it shares with the article's opening paragraphs (a headline announces them; a
      teaser of another story, a site name or a section label does not);
    * header lines (a byline, a date) just below it;
    * the article's first sentence opening with it;
    * nearness to the article;
    * not page chrome, not a teaser in a "Related" box, not a person's name, not a one- or
      two-word label, a headline's length.

    A title line's score is bounded before its costly part is weighed (the header lines around
    it, which read the lines above and below it, and whether it names a person): that part adds
    :data:`PLACED_MOST` at most, and only 2 when no labelled byline can stand right under it, so
    a line whose bound is below the best score so far cannot win, and is passed over (see
    :func:`_cannot_win`); so is one whose bound falls below it as that part is weighed (see
    :func:`_headline_score`).

    The lines come by shape and place (see :func:`_candidates`); whether one is a candidate in
    full (the costly part of the test, which sets its rank and so the ranks of those after it)
    is told only while it may matter: the rank of a line with untold lines before it is at least
    the count of the candidates told, which bounds its score from above; a line passed over by
    that bound is left untold, and untold lines are told, one by one, only for a candidate whose
    bound still lets it win.
    """
    best, best_score = None, -math.inf
    rank = 0  # of the next candidate: the candidates told so far
    untold: list[_Possible] = []  # (lines passed over by their bounds, not yet told)
    for position, read in candidates:
        line = described[position]
        shared = _shared(line, lede, language, SHARED_WORDS)
        own = _own_terms(described, position, lede_start)
        if _cannot_win(described, position, _opening(shared, rank), own, best_score):
            untold.append((position, read))
            continue
        if not _told_candidate(line, read):
            continue
        while untold and not _cannot_win(
            described, position, _opening(shared, rank), own, best_score
        ):
            rank += _told_candidate(described[untold[-1][0]], untold.pop()[1])
        opening = _opening(shared, rank)
        rank += 1
        if _cannot_win(described, position, opening, own, best_score):
            continue  # (surely so, whatever untold lines remain: its rank is only higher)
        score = _headline_score(described, position, shared, opening, own, best_score)
        if score is not None and score > best_score:
            best, best_score = position, score
    return best


def _cannot_win(
    described: _Described, position: int, opening: float, own: tuple[float, ...], beat: float
) -> bool:
    """Whether the title line at ``position`` surely scores below ``beat``, its ``opening`` and
    ``own`` terms known (``opening`` may be above the line's own: then so is the bound): were
    its header lines the best, it would gain :data:`PLACED_MOST`, and only 2 when no labelled
    byline can stand right under it (:func:`_surely_unsigned`: its header lines are then not
    read, and :func:`_header` leaves the headers of the lines below to a later step, if any
    asks). The sums are :func:`_headline_score`'s bounds, added in the same order."""
    bound = opening + sum(own)
    return bound + PLACED_MOST + ROUNDING < beat or (
        bound + ROUNDING + 2 < beat and _surely_unsigned(described, position)
    )


def _opening(shared: float, rank: int) -> float:
    """A title line's score from the share of its words in the article's opening (``shared``),
    less a little for its ``rank`` among the candidates, nearest first."""
    return 5 * shared - 0.5 * math.log2(1 + rank)


def _told_candidate(line: Line, read: bool) -> bool:
    """Whether a line that may be a candidate by its shape and place is one in full (``read``:
    whether its header is the one read, or was set, to none, when the lines were gathered)."""
    return (not read or line._header_as_read() is None) and _clear_of_page_bits(line)


CHROME_WORDS = 6
"""A word of page chrome ("Video", "Photos") in a short title line makes it chrome; in a long one
it may be the story's own word."""
CONTINUATION_WORDS = 4
"""A title line this short that opens with a word in small letters goes on from the line above
(the place or role under a byline's name: "writes from Westcliff", "reporting from the quay"); a
headline opens with a capital ("iPhone" has one)."""
PLACED_MOST = 3.0
"""The most that header lines around a title line add to its score (a header line below it, a
labelled byline right under it); a header line above it and a person's name only take away."""
ROUNDING = 1e-9
"""Room for the rounding of a score summed in another order than its bound."""


def _own_terms(described: _Described, position: int, lede_start: str) -> tuple[float, ...]:
    """What a title line's score gains or loses by its own text and the lines just above it (no
    header line read), in the order :func:`_headline_score` adds them, the last after the
    person's name: the article's first sentence opening with it, a word of page chrome, its
    length (two sentences as long as prose are a deck's, a headline is one sentence or two short
    ones; see :data:`CONTINUATION_WORDS`), how often the page prints it, and a "Related" heading
    above it."""
    line = described[position]
    content, words, repeats = line.content, line.words, line.repeats
    chrome = (-3.0 if words <= CHROME_WORDS else -1.0) if _chrome(content) else 0.0
    if line.weight > len(content) and _HANGUL.search(content) is not None:
        words = len(content.split())  # (Korean sets its words apart: a syllable is none)
    length = 1.0 if 4 <= words <= 25 else -2.0 if words <= 2 else 0.0
    repeated = 0.5 if repeats == 2 else -1.0 if repeats > 2 else 0.0
    if line.weight >= UNENDED_PROSE_LENGTH and next(_sentence_ends_inside(content), None):
        length -= 2.0  # (two sentences of prose length: a deck, a teaser's text)
    if words <= CONTINUATION_WORDS and content.split(maxsplit=1)[0].islower():
        length -= 2.0  # ("writes from Westcliff" under the byline's name)
    return (
        3.0 if lede_start.startswith(content) else 0.0,  # "Mozilla", then "Mozilla is a ..."
        chrome,
        length,
        repeated,
        -3.0 if _in_related_box(described, position) else 0.0,
    )


def _headline_score(
    described: _Described,
    position: int,
    shared: float,
    opening: float,
    own: tuple[float, ...],
    beat: float,
) -> float | None:
    """The score of the title line at ``position``: ``opening`` (from the words it ``shared``
    with the article's opening and its rank), what header lines around it and a person's name
    make of it, and its ``own`` terms (see :func:`_own_terms`); ``None`` when it surely does not
    ``beat`` that score. Header lines below it are weighed first: a header line above it and a
    person's name only take away, and are weighed only while the line may still beat it (the
    name first: the lines above cost more to read)."""
    line = described[position]
    follows = _header_follows(described, position)
    if line.menu and not shared and not follows:
        return -math.inf  # (the last item of a menu, over a story it says nothing of)
    signed = follows and _byline_under(described, position)
    bound = opening + sum(own) + ROUNDING + (2 if follows else 0) + (1 if signed else 0)
    if bound < beat:
        return None
    person = _person(line)
    if person and bound - 3 < beat:
        return None
    above = _header_above(described, position)
    score = opening
    if follows:
        score += 2
        if signed:
            score += 1
    if above:
        score -= 2  # a crosshead under the header block, a button in it
    *before_person, related = own
    for term in before_person:
        score += term
    if person:
        score -= 3
    return score + related


HEADER_AFTER = 4
"""Lines below a headline (furniture aside) within which its header lines (byline, date) stand."""
LABEL_WORDS = 3
"""A title line this short between a headline and its byline is a section label."""


def _header_follows(described: _Described, position: int) -> bool:
    """Whether a header line stands within :data:`HEADER_AFTER` lines below the line at
    ``position``, share buttons and other furniture not counted, no other title line between."""
    seen = 0
    near = position + 1
    while near < len(described) and seen < HEADER_AFTER:
        line = described[near]
        if not (line.furniture or line.noise or line.picture):
            if _header(line, described, near):
                return True
            if line.words > LABEL_WORDS and _candidate(line):
                return False  # the header lines below are another title's
            seen += 1
        near += 1
    return False


def _byline_under(described: _Described, position: int) -> bool:
    """Whether the line right under the one at ``position`` (one blank line between at most) is
    a labelled byline ("By Jane Doe, Courier"): a title line its byline signs is the headline more
    surely than one with header lines a few lines down (a teaser's title over the headline shares
    those). A line of names known only by its place may be a table's row ("Products | Suite")."""
    below = _adjacent(described, position, 1)
    if below is None:
        return False
    line = described[below]
    return _is_byline(line) and line.byline_evidence == 0


def _surely_unsigned(described: _Described, position: int) -> bool:
    """Whether :func:`_byline_under` is false for the line at ``position`` however the header
    lines below it are read: the line under it is no labelled byline, and no list item (only a
    date-first item's header is read again by :func:`_header`; on any other line it sets a byline
    known by its place, never by its label). It reads only what is read once and never set."""
    below = _adjacent(described, position, 1)
    return below is None or (not described[below].marked and not _byline_under(described, position))


def _header_above(described: _Described, position: int) -> bool:
    """Whether a header line stands just above the line at ``position`` (furniture aside, no
    paragraph between)."""
    seen = 0
    near = position - 1
    while near >= 0 and seen < HEADER_AFTER:
        line = described[near]
        if line.weight >= PROSE_LENGTH:
            return False
        if not (line.furniture or line.noise or line.picture):
            if _header(line, described, near):
                return True
            seen += 1
        near -= 1
    return False


def _in_related_box(described: _Described, position: int) -> bool:
    """A teaser under a "Related" or "Most read" heading."""
    return any(
        described[near].furniture == "related" for near in range(max(position - 3, 0), position)
    )


def _person(line: Line) -> bool:
    """A line that is only a person's name (a columnist's, an author's), not a headline."""
    found = line.names()
    return found is not None and not found.date_text


KICKER_WORDS = 5
"""A title line this short right above the headline is a kicker or section label ("Free Future",
"Opinion"); a longer one with the article's words in it is the headline, and the line under it
the deck."""
HEADLINE_SHARE = 0.5
"""Share of its content words a title line over a shorter title line (no sentence) has in the
article's opening to be the headline over its deck, not a caption or a link over the headline."""
DECK_LIMIT = HEADLINE_LIMIT * 2
DECK_SENTENCES = 2
"""Sentence ends inside a line (before its last sentence) that make it a paragraph, not a deck: a
deck says in a sentence or two what the story is about."""
_INNER_SENTENCE_END = lazy_pattern(rf"""[.!?。！？…{stopwords.SENTENCE_STOPS}]["'”’»)]*\s+(?=\S)""")


def _sentence_ends_inside(content: str) -> Iterator[re.Match[str]]:
    """The ends of sentences inside a line (before its last): :data:`_INNER_SENTENCE_END`, less
    an abbreviation's stop ("Dr. Jane Doe", "U.S. ferries"), which ends no sentence."""
    for match in _INNER_SENTENCE_END.finditer(content):
        if match.group()[0] != "." or not ends_with_abbreviation(content[: match.start() + 1]):
            yield match


def _inner_full_stop(content: str) -> bool:
    """Whether a sentence inside a line (before its last) ends with a full stop: the line is
    sentences, not a title asking or crying out ("Ferry closes! What now?" is one)."""
    return any(match.group()[0] in _FULL_STOP_MARKS for match in _sentence_ends_inside(content))


_FULL_STOP_MARKS = frozenset(".。" + stopwords.FULL_STOPS)


def _headline_and_deck(
    described: _Described, chosen: int, lede: set[str], language: str
) -> tuple[int, int | None]:
    """The headline and deck around the chosen title line. Of two title lines one above the
    other, the upper is a kicker ("Opinion", "Free Future") when it is short, and the lower the
    headline; else the upper is the headline (when it shares the article's words as much) and the
    lower its deck (not a list of labels: the post's categories). A sentence or title line right
    under the headline is its deck. A line that
    ends with the title line under it is the page's breadcrumb trail run into the title ("Home
    News Title", copied without spaces: "HomeNewsTitle"); the title is the line under it."""
    chosen = _title_under_trail(described, chosen)
    above = _adjacent(described, chosen, -1, over_pictures=True)
    if above is not None and _heads(described[above], described[chosen], lede, language):
        content = described[chosen].content
        return above, chosen if _deck_shaped(content) and not _labels(content) else None
    below = _adjacent(described, chosen, 1)
    if (
        below is not None
        and described[chosen].words <= KICKER_WORDS
        and _candidate(described[below])
        and described[below].words > described[chosen].words
        and _shared(described[below], lede, language) > 0
        and _kicker(described, chosen, below)
    ):
        chosen = below
    return chosen, _deck(described, chosen)


def _credit_alone(line: Line) -> bool:
    """Whether a line is a picture's credit with no caption in it."""
    return line.caption is not None and not line.caption.caption


def _title_under_trail(described: _Described, chosen: int) -> int:
    """The title line right under the chosen line when the chosen line ends with it, a trail
    before it (see :func:`_headline_and_deck`); else the chosen line."""
    below = _adjacent(described, chosen, 1)
    if below is None:
        return chosen
    line, content = described[below], described[chosen].content
    if len(content) > len(line.content) and content.endswith(line.content) and _title(line):
        return below
    return chosen


def _kicker(described: _Described, chosen: int, below: int) -> bool:
    """Whether a short title line over a longer one is a kicker or section label ("Sport |
    Tennis", "OPINION"), not a short headline over its deck: a label stands in a menu too
    (printed again there, or ending the run of the menu's short lines, no blank line between, on
    a page whose story sets its paragraphs apart: a headline stands apart from the menu there,
    while a browser's copy may run every block together), or is in capitals or holds a
    separator; a headline is printed twice on the page (in a breadcrumb, a list of stories) where
    its deck is not."""
    upper, lower = described[chosen], described[below]
    return (
        (upper.menu and _spaced_story(described, below))
        or upper.repeated
        or lower.repeated
        or upper.content.isupper()
        or " | " in upper.content
    )


SPACING_LINES = 4
"""Lines from the story's first paragraph down whose spacing tells whether it sets its
paragraphs apart."""
SPACING_PARAGRAPHS = 8
"""Paragraphs from the story's first down among which two in a row set apart by blank lines
show that a story whose opening runs together (a standfirst and a summary box a browser copies
as blocks, not paragraphs) sets its paragraphs apart."""
SPACING_REACH = 40
"""Lines from the story's first paragraph down within which those paragraphs are looked for."""


def _spaced_story(described: _Described, position: int) -> bool:
    """Whether the story under ``position`` sets its paragraphs apart with blank lines: its first
    paragraphs do (see :func:`_spaced`), or two in a row of its first
    :data:`SPACING_PARAGRAPHS` stand after a blank line (its opening may run together; one
    break in a story run together, a picture or an advertisement, sets one paragraph apart, and
    the next runs on). Where it does not (a browser's copy may run every block together), no
    blank line between two lines above it tells nothing."""
    first = _first_paragraph(described, position)
    page = described.page
    if _spaced(page, first, min(first + SPACING_LINES, len(described))):
        return True
    rows, indexes = page.rows, page.indexes
    paragraphs = 0
    last_apart = False
    for at in range(first + 1, min(first + SPACING_REACH, len(described))):
        if _paragraph(rows[at]):
            apart = indexes[at] - indexes[at - 1] > 1
            if apart and last_apart:
                return True
            last_apart = apart
            paragraphs += 1
            if paragraphs >= SPACING_PARAGRAPHS:
                return False
    return False


def _heads(upper: Line, lower: Line, lede: set[str], language: str) -> bool:
    """Whether a title line is the headline over the title line under it (its deck: a sentence,
    longer than the headline, or shorter under a headline with most of its words in the first
    paragraphs; never a line the upper one holds, a trail run into the title or the title
    printed again, nor a short line with a word of page chrome: in a long one the word may be the
    story's own, "Protest stops the festival's opening play"). A deck tells the story's facts, so
    it shares more of the first paragraphs' words than its headline may: the upper line needs to
    share as much only when it may be no title of this story, a label (in capitals, or a list of
    labels) or a line over one the page prints twice (a headline is repeated in a breadcrumb or a
    list of stories where its deck is not)."""
    shared = _shared(upper, lede, language)
    return (
        _candidate(upper)
        and upper.words > KICKER_WORDS
        and (lower.sentence or lower.weight >= upper.weight or shared >= HEADLINE_SHARE)
        and lower.content.casefold() not in upper.content.casefold()  # (a trail, the title again)
        and not _chrome_title(upper)
        and shared > 0
        and (
            not (lower.repeated or upper.content.isupper() or _labels(upper.content))
            or shared + 0.25 >= _shared(lower, lede, language)
        )
    )


LABEL_LIST_ITEMS = 3
"""Items, each of :data:`LABEL_WORDS` words at most, that make a line of commas a list of labels
("Opinion, Politics, Europe")."""


def _labels(content: str) -> bool:
    """Whether a line is a list of labels (a story's categories or tags), not a title: short
    items after commas, not in sentence case (a deck's phrases, "Fewer ferries, longer queues,
    angry commuters", go on in lower case after the first; labels are all capitalised or not)."""
    items = content.split(",")
    if len(items) < LABEL_LIST_ITEMS or any(len(item.split()) > LABEL_WORDS for item in items):
        return False
    openings = [item.lstrip()[:1] for item in items]
    return not (openings[0].isupper() and any(opening.islower() for opening in openings[1:]))


def _deck(described: _Described, headline: int) -> int | None:
    """The line right under the headline when it is a deck: a title line longer than a label, or
    a sentence that follows the headline without a blank line or stands over header lines or a
    line of names (else it is the first paragraph); never a picture's caption over its credit
    line (:func:`_over_picture_credit`) set apart from the headline by a blank line (right under
    the headline, a line over a credit is the deck over a lead picture that prints no caption)."""
    below = _adjacent(described, headline, 1)
    if below is None:
        return None
    lower = described[below]
    right_under = lower.index == described[headline].index + 1
    if (
        lower.weight > DECK_LIMIT
        or len(_INNER_SENTENCE_END.findall(lower.content)) >= DECK_SENTENCES
        or _passable(lower)
        or lower.caption is not None
        or _over_bracketed_credit(described, below)
        or (not right_under and _over_picture_credit(described, below))
        or not _deck_shaped(lower.content)
        or lower.repeated
        or _header(lower, described, below)
    ):
        return None
    if _title(lower):
        return below if lower.weight > described[headline].weight * 0.8 else None
    if lower.sentence and (
        right_under or _header_follows(described, below) or _names_follow(described, below)
    ):
        return below
    return None


def _names_follow(described: _Described, position: int) -> bool:
    """Whether a line of names (a byline without label or date) comes right after."""
    below = _adjacent(described, position, 1)
    return below is not None and _person(described[below])


def _adjacent(
    described: _Described, position: int, step: int, over_pictures: bool = False
) -> int | None:
    """The non-blank line just above (``step`` -1) or below (1), with one blank line between at
    most; ``over_pictures``, past a picture's caption or label between."""
    near = position + step
    last = described[position].index
    while 0 <= near < len(described) and abs(described[near].index - last) <= 2:
        line = described[near]
        if not (over_pictures and (line.caption is not None or line.picture)):
            return near
        last = line.index
        near += step
    return None


SHARED_WORDS = 2
"""Words a short headline candidate's share of the opening's words is counted over at least (as
many as it holds): the one content word of a widget's button or prompt ("View results", "¿No
encuentras algo?") found in the story is chance, not a sign; a one-word title ("Mozilla") stays
one."""
BUTTON_WORDS = 3
"""Words of a line short enough to be a widget's button or prompt; a longer line's one content
word among function words ("Fire at the depot": the stoplist holds "fire") counts in full."""


def _shared(line: Line, lede: set[str], language: str, least: float = 1) -> float:
    """The share of the line's content words that the article's opening holds; for a line of
    :data:`BUTTON_WORDS` words at most, counted over ``least`` words at least, or all the line's
    words when fewer."""
    words = line.content_words(language)
    if not words:
        return 0.0
    counted: float = len(words)
    if line.words <= BUTTON_WORDS:
        counted = max(counted, min(least, line.words))
    return len(words & lede) / counted


HEADER_GAP = 4
"""Lines of other things (share buttons, a picture label) the header block below a headline goes
on over."""


def _read_below_headline(
    described: _Described, start: int, stop: int, article: Article, headline: int
) -> int:
    """Header lines and captions under the headline (and deck), with furniture between them, up
    to the first line that is neither; returns where that block ends. The first line of names
    among the first lines there is the byline even without a date beside it ("Jane Doe", then
    the story), unless it repeats the headline's words (the rest of a headline split over two
    lines), is a menu item or heads a list. The headline
    printed again (a page title over the article's own) may bring the deck and that line of
    names below it, into the lines that would be the body."""
    position, gap, named = start, 0, False
    anchor = start  # where the lines under the headline (or its deck) begin
    passed_to = None  # (a header line below a picture's caption: the block goes on to it)
    title = described[headline]
    title_words = title.content_words(article.language)
    while position < stop and gap <= HEADER_GAP:
        line = described[position]
        beside = (
            not named
            and position - anchor < HEADER_AFTER
            and not (line.content_words(article.language) & title_words)
        )
        if _header(line, described, position, beside_headline=beside):
            article.headers.append(line.index)
            gap = 0
            named = named or _is_byline(line)
        elif line.caption is not None:
            _place(line, article)
        elif _passable(line):
            pass
        elif article.deck is None and line.content.casefold() == title.content.casefold():
            deck = _deck(described, position)
            if deck is not None:
                article.deck = described[deck].index
                # (the line under the deck too, when the page has one)
                position, stop, anchor = deck, max(stop, min(deck + 2, len(described))), deck + 1
        elif line.words <= LABEL_WORDS or lone_label(line.content) is not None:
            gap += 1  # (a byline's label alone, "Author of the article:", over the names)
        elif passed_to is None:
            passed_to = _header_past(described, position, stop)
            if not passed_to:
                break
        elif position >= passed_to:
            break
        position += 1
    return position


CAPTION_LINES = 2
"""Lines of a picture's caption and credit between a headline and its header lines that are not
known as such."""


def _header_past(described: _Described, position: int, stop: int) -> int:
    """The position of a header line that its own words make one (a labelled byline, a date),
    within :data:`CAPTION_LINES` lines below the line at ``position`` (no further than
    ``stop``), a line no longer than a deck: a picture between the headline and its byline and
    date, its caption not known as one ("Von Jana Dorn mit AP" under it); 0 when there is none."""
    if described[position].weight > DECK_LIMIT:
        return 0
    for near in range(position + 1, min(position + 1 + CAPTION_LINES, stop)):
        line = described[near]
        if line.header is not None and (
            line.header.kind in _STRONG_HEADERS or _dates_article(line.header)
        ):
            return near
    return 0


def _passable(line: Line) -> bool:
    """Furniture, noise, a menu or a picture label: what header blocks go on over."""
    return bool(line.furniture or line.noise or line.menu or line.picture)


def _read_above_body(described: _Described, start: int, stop: int, article: Article) -> None:
    """Header lines, captions and opening sentences just above the body (a byline under the lead
    picture, a first paragraph shorter than prose), walking up to ``stop`` or to the first line
    that is none of these. Sentences count only right above the body, below any header line or
    furniture."""
    position, gap, adjacent = start - 1, 0, True
    sentences: list[int] = []
    while position >= stop and gap <= HEADER_GAP:
        line = described[position]
        if _header(line, described, position):
            article.headers.append(line.index)
            adjacent, gap = False, 0
        elif line.caption is not None:
            _place(line, article)
        elif _passable(line):
            adjacent = False
        elif (
            line.sentence
            and adjacent
            and not line.repeated
            and line.weight <= DECK_LIMIT
            and not _title(line)
        ):
            sentences.append(line.index)
        elif line.words <= LABEL_WORDS:
            adjacent = False
            gap += 1
        else:
            break
        position -= 1
    article.body.extend(sentences)


BYLINE_ABOVE = 12
"""Lines above the headline within which a byline still belongs to the article."""


def _take_byline_above(described: _Described, headline: int, article: Article) -> None:
    """A byline printed above the headline, when none follows it (but a line of names only its
    place under the headline makes one); not the page's breadcrumb trail run into the headline's
    words ("HomeLatest NewsThe headline": a trail a browser copied without its separators), nor a
    section label of capitalised words ("Travel Tips") that only the date under the headline
    would make a line of names: such a line needs its evidence above the headline."""
    title = described[headline].content
    for position in range(headline - 1, max(headline - 1 - BYLINE_ABOVE, -1), -1):
        line = described[position]
        if line.content.endswith(title):
            continue
        if not (_header(line, described, position) and _is_byline(line)):
            continue
        names: Byline = line.header.value  # type: ignore[union-attr, assignment]
        if line.byline_evidence != 1 or _names_placed(described, position, names, headline):
            article.headers.append(line.index)
            return


DATE_ABOVE = 4
"""Lines above the headline within which a date line still dates the article: a blog or magazine
prints it over the headline, with only a section label, the author's name or the reading time
between them ("Travel", "September 8, 2021", "5 min read", then the headline)."""
_ARTICLE_DATES = frozenset({"published", "updated", "source_date"})


def _dates_article(header: Header | None) -> bool:
    """Whether a header line gives the article a date (alone or among other parts)."""
    if header is None:
        return False
    if header.kind == "several":
        parts: list[Header] = header.value  # type: ignore[assignment]
        return any(part.kind in _ARTICLE_DATES for part in parts)
    return header.kind in _ARTICLE_DATES


def _take_date_above(described: _Described, headline: int, article: Article) -> None:
    """A date line printed just above the headline, when none stands under it; the search stops
    at a line of prose or another title line (not the headline printed again over it), but for
    the headline's kicker (a title line of a few words right over it, no blank line between), and
    a date under a list item or a title line is theirs (a teaser's date dates another story)."""
    title = described[headline].content
    for position in range(headline - 1, max(headline - 1 - DATE_ABOVE, -1), -1):
        line = described[position]
        if line.content == title:
            continue
        if _header(line, described, position):
            if _dates_article(line.header):
                if not _teasers_date(described, position) and line.index not in article.headers:
                    article.headers.append(line.index)
                return
            continue
        if line.sentence or (_title(line) and not _kicker_over(described, position, headline)):
            return


def _kicker_over(described: _Described, position: int, headline: int) -> bool:
    """Whether the line at ``position`` may be the headline's kicker: right over it, no blank
    line between, and a few words (:data:`KICKER_WORDS`) fewer than the headline's."""
    line, title = described[position], described[headline]
    return (
        position == headline - 1
        and line.index == title.index - 1
        and line.words <= KICKER_WORDS
        and line.words < title.words
    )


def _teasers_date(described: _Described, position: int) -> bool:
    """Whether the line over a date line is a list item or a title line that no header reads
    (the teaser the date belongs to); a menu's link that is furniture ("Current Issue") is no
    teaser's title."""
    if position == 0:
        return False
    above = described[position - 1]
    if above.marked:
        return True
    return not above.furniture and _title(above) and not _header(above, described, position - 1)


def _header_lines(described: _Described, article: Article) -> list[Line]:
    """The article's header lines, in line order."""
    return [described[_position(described, index)] for index in sorted(set(article.headers))]


def _holds_byline(line: Line) -> bool:
    """A header line of several parts, one a byline ("Le Monde | 4 May 2015 | Par Jane Doe")."""
    header = line.header
    if header is None or header.kind != "several":
        return False
    parts: list[Header] = header.value  # type: ignore[assignment]
    return any(part.kind == "byline" for part in parts)


def _is_byline(line: Line) -> bool:
    if not line.header_known and not headers.may_be_byline(line.content.lstrip(_LEADING_SYMBOLS)):
        return False  # (what :meth:`Line._header_as_read` reads the header from)
    return line.header is not None and line.header.kind == "byline"


DATE_LINE = 40
"""A short line with a month and a day ("on Mar 27 · 14 min") dates the name beside it."""
_LOOSE_DATE = lazy_pattern(
    rf"\b{dates.MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\.?\s+{dates.MONTH}|"
    r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\b",
    re.I,
)
"""A month and a day ("on Mar 27 · 14 min"), a numeric date ("9/11/13") or a time of day ("1:39 PM
ET"): a short line with one dates the name beside it."""
NEIGHBOURS = 3
"""Lines this close to a line of names (a date, a job title) make it a byline."""
_CHROME_WORDS = (
    "sponsored", "video", "videos", "photo", "photos", "gallery", "comment", "comments", "click",
    "sign in", "log in", "subscribe", "accept", "privacy", "cookie", "cookies", "next", "play",
    "playing", "watch", "listen", "advertisement", "newsletter", "encyclopedia", "menu", "share",
    "follow", "about this", "up next", "read more", "related", "trending", "popular",
)  # fmt: skip
"""Words of page chrome; a title line holding one is a worse headline candidate."""
_CHROME = lazy_pattern(rf"\b(?:{'|'.join(_CHROME_WORDS)})\b", re.IGNORECASE)
_holds_chrome_word = AnyOf(_CHROME_WORDS)


def _chrome_title(line: Line) -> bool:
    """Whether a title line is page chrome, no headline over a deck: short with a word of chrome
    in it (in a long one the word may be the story's own, as :func:`_own_terms` weighs it), or
    opening with one, however long ("Watch the video of the festival's opening play")."""
    content = line.content
    return (line.words <= CHROME_WORDS or _CHROME.match(content) is not None) and _chrome(content)


def _chrome(content: str) -> bool:
    """Whether a word of page chrome stands in ``content`` (the pattern tried only where one of
    the words does, in any case: it costs tens of microseconds on a headline)."""
    if not holds_case_trap(content) and not _holds_chrome_word(content.lower()):
        return False
    return _CHROME.search(content) is not None


def _header_to_take(header: Header | None, given: dict[str, set[object]]) -> bool:
    """Whether a header line among the story's lines is the article's header (see
    :func:`_new_or_again`), not a date or byline of the story's own."""
    return header is not None and header.kind != "unparsed" and _new_or_again(header, given)


def _read_day_first(line: Line, described: _Described, position: int) -> None:
    """Read a line taken for a list item as a header line when it is a date that opens with its
    day ("3. Dezember 2024": no item numbered 3; see :func:`_day_first`)."""
    if line.marked and _day_first(line, described, position):
        line.header = headers.read_header(line.text)


def _header(
    line: Line, described: _Described, position: int, beside_headline: bool = False
) -> bool:
    """A header line; also a line of names with a date, or beside a date line ("Mike Conley",
    then "December 18, 2020"), or ``beside_headline``, which only its place makes a byline."""
    _read_day_first(line, described, position)
    if line.header is not None:
        return line.header.kind != "unparsed"
    if line.weight > headers.HEADER_LIMIT or line.furniture or line.sentence:
        return False
    found = line.names()
    if (
        found is None
        or _beside_lone_colon(described, position)
        or _kicker_again(described, position)
    ):
        return False
    if _under_lone_label(described, position):  # (only a byline :func:`.split_byline` reads)
        if _split_byline_at(described, position) is None:
            return False  # (a form's field: "Von:" over "Filter Suche")
        line.header = Header("byline", found)  # (labelled: :func:`_join_split_byline` reads it)
        return True
    if (
        beside_headline
        and (not line.menu or _over_share_buttons(described, position))
        and not _heads_list(described, position)
    ):
        line.header = Header("byline", found)
        line.byline_evidence = 2
        return True
    if line.unplaced:
        return False  # (a title line is weighed over and over against the lines around it)
    if _names_placed(described, position, found, len(described)):
        line.header = Header("byline", found)
        line.byline_evidence = 1
        return True
    line.unplaced = True
    return False


def _kicker_again(described: _Described, position: int) -> bool:
    """Whether the line at ``position`` is a title's kicker printed again on its own between two
    title lines, which its capitals make look like a name: the line above opens with its text
    and a colon ("Quay Fight: Night ferries ..." over "Quay Fight"), and a title line stands
    under it (the printed headline). A columnist's name under a title that opens with it ("Jane
    Doe: Why I left the quay") stands over the date or the story, and stays a byline."""
    above = _adjacent(described, position, -1)
    below = _adjacent(described, position, 1)
    return (
        above is not None
        and below is not None
        and described[above].content.startswith(described[position].content + ":")
        and _title(described[below])
    )


def _names_placed(described: _Described, position: int, found: Byline, end: int) -> bool:
    """Whether the line of names at ``position`` is a byline by what it holds (a date, a job
    title) or by a date line or a job title line among its neighbours before ``end``."""
    if found.date_text or is_job_title(found.names):
        return True
    index = described[position].index
    neighbours = [
        described[near]
        for near in range(max(position - NEIGHBOURS, 0), min(position + NEIGHBOURS + 1, end))
        if near != position and abs(described[near].index - index) <= NEIGHBOURS
    ]
    return any(
        (near.header is not None and near.header.kind in _DATE_KINDS)
        or (near.weight <= DATE_LINE and _LOOSE_DATE.search(near.content) is not None)
        or _role_line(near)
        for near in neighbours
    )


_DAY_FIRST = lazy_pattern(r"^\d{1,2}\.\s+(?:[^\W\d_]{3,}\.?|\d{1,2}\.)\s+\d{4}\b")
"""A date that opens with its day's number and a full stop ("3. Dezember 2024", "3. Dez. 2024",
"3. 12. 2024")."""


def _day_first(line: Line, described: _Described, position: int) -> bool:
    """Whether a line read as a list item is a date opening with its day ("3. Dezember 2024"
    under a German byline): its number is no marker, unless the line next to it is an item too
    (a list of dates)."""
    if _DAY_FIRST.match(line.text) is None or line.header_set:
        return False
    return not any(
        0 <= near < len(described)
        and abs(described[near].index - line.index) == 1
        and described[near].marked
        for near in (position - 1, position + 1)
    )


def _over_share_buttons(described: _Described, position: int) -> bool:
    """Whether share buttons follow the line at ``position`` ("Jane Doe", then "Share",
    "Facebook", ...): a byline over them, which their short lines make look like a menu's
    first item."""
    below = _adjacent(described, position, 1)
    return below is not None and described[below].furniture == "share"


def _heads_list(described: _Described, position: int) -> bool:
    """A line over a list it is not part of: the heading of a menu ("Mac Apps", then "* BBEdit")."""
    line = described[position]
    below = _adjacent(described, position, 1)
    return not line.marked and below is not None and described[below].marked


_DATE_KINDS = frozenset({"published", "updated", "relative", "reading_time", "several"})


def _role_line(line: Line) -> bool:
    """A job title on a line of its own ("BuzzFeed News Reporter", "Staff Writer"), not a menu
    item ("The Reporters")."""
    return line.weight <= 60 and not line.sentence and not line.menu and is_job_title(line.content)


def _title(line: Line) -> bool:
    """A headline: one title line of a few words, no final full stop, no date, not page chrome."""
    if line.titled is None:
        line.titled = _titled(line.content, line.marked, line.sentence, line.weight, line.words)
    return line.titled


_SPOKEN_ENDS = frozenset(("?»", "!»", ".»", "…»"))
"""Ends of a speaker's line in guillemets: its last sentence's stop before the closing guillemet
(a headline quoting two sentences ends with the guillemet alone: "«The quay is ours. The
ferries are not»")."""


def _titled(content: str, marked: bool, sentence: bool, weight: int, words: float) -> bool:
    """:func:`_title` of a line with this content, list marker, sentence end, weight and words."""
    if marked or (sentence and content.endswith((".", ";", ":", "。", *stopwords.FULL_STOPS))):
        return False
    if content.endswith(("—", "–", "-", "|", ":", "›", "»")) and not _closes_quote(content):
        return False  # (a breadcrumb's separator, a label's colon)
    if (
        content[:1] == "«"
        and content[-2:] in _SPOKEN_ENDS
        and next(_sentence_ends_inside(content), None) is not None
    ):
        return False  # (a speaker's sentences in quotes: a dialogue's line, "«Du! Weisst du?»")
    if content.startswith("("):
        return False
    if content.startswith("[") and not _TAGGED_TITLE.match(content):
        return False
    if not 10 <= weight <= HEADLINE_LIMIT or words < 2 or "   " in content:
        return False  # (three spaces apart: the cells of a table row)
    digits = sum(map(str.isdigit, content))
    if digits * 5 > len(content) or (
        digits
        and _may_be_dated(content)
        and (_DATED.search(content) is not None or _foreign_dated(content))
    ):
        return False
    return not content.startswith("\\")


_LINK_SEPARATORS = ("|", "::", "·", "/")
"""What parts the links of a pager between arrows ("« Previous :: Contents :: Next »")."""


def _closes_quote(content: str) -> bool:
    """Whether a line's last guillemet closes a quote it opens ("«The quay is ours»", "‹...›"; set
    apart from the words as French prints it, "« Le quai est à nous »"), not a breadcrumb's arrow
    ("News »") nor a pager's, whose links a separator parts ("« Previous | Next »")."""
    if content.endswith("»"):
        opening = "«"
    elif content.endswith("›"):
        opening = "‹"
    else:
        return False
    if opening not in content:
        return False
    return not content[-2:-1].isspace() or not any(
        separator in content for separator in _LINK_SEPARATORS
    )


_TAGGED_TITLE = lazy_pattern(r"^\[[^\[\]]{2,60}\]\s*\w+\W+\w")
"""A title behind a tag in brackets ("[Interview] The keeper of the lighthouse", "[Review] ..."):
the bracket closes on a few words, and two words at least follow it (a line in brackets alone is a
label or a link: "[edit]", "[Photo]")."""


def _may_be_dated(content: str) -> bool:
    """Whether :data:`_DATED` may find a date in ``content``: each of its dates holds a year of
    four digits, a slash or a full stop, or "ago" (a search of a few characters in C, where the
    pattern tries every position)."""
    return (
        "." in content
        or "/" in content
        or "ago" in content
        or _FOUR_DIGITS.search(content) is not None
    )


_FOUR_DIGITS = lazy_pattern(r"\d{4}")
_DATED = lazy_pattern(
    rf"\b{dates.DATE_PATTERN}|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}(?!\d)|\d+\s+\w+\s+ago\b"
)
"""A date in a line: worded, in digits (a browser's copy may run a teaser's date into its place
names or section, "29.04.2024Harbourtown": no word's edge after the year), or "3 days ago"."""
_CJK_DAY = lazy_pattern(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日")
"""A line of a Chinese or Japanese date alone ("1月13日", "2025年1月13日"), a teaser's."""
_WORDED_DATE = lazy_pattern(
    r"\b\d{1,2}(?:\.|º|°|er)?\s+(?:de\s+)?([^\W\d_]+\.?)\s*(?:de\s+|del\s+)?\d{4}"
)
"""A day, a word and a year: a date when the word is a month of another language ("31. Oktober
2023", "3 de março de 2024"; the month is looked up, which is cheaper than a pattern of them)."""


def _foreign_dated(content: str) -> bool:
    """Whether ``content`` holds a date written the German, French, Spanish, Italian or
    Portuguese way."""
    return any(
        found.group(1).casefold() in dates.FOREIGN_MONTHS
        for found in _WORDED_DATE.finditer(content)
    )


SIGNATURE_REACH = 2
"""Lines after the article's last paragraph where a blog prints its author and date."""


def _take_byline_below(described: _Described, end: int, article: Article) -> None:
    """A blog post signed at its foot ("Jane Doe — 2013-09-29 — in Code — Permalink"), when no
    byline heads it: a dated byline line right after the last paragraph."""
    if any(_is_byline(line) for line in _header_lines(described, article)):
        return
    for position in range(end + 1, min(end + 1 + SIGNATURE_REACH, len(described))):
        line = described[position]
        found = line.names()
        if found is not None and found.date_text and found.people:
            line.header = Header("byline", found._replace(date_text=None))
            article.headers.append(line.index)
            return


def _under_lone_label(described: _Described, position: int) -> bool:
    """Whether the line right above (no blank line between) is a byline label alone ("By")."""
    page = described.page
    return (
        position > 0
        and page.indexes[position - 1] == page.indexes[position] - 1
        and lone_label(page.texts[position - 1]) is not None
    )


def _beside_lone_colon(described: _Described, position: int) -> bool:
    """Whether the line right above or below (no blank line between) is a colon alone: a kicker
    set in its own element before the headline ("Harbour Board", ":", the headline), and the
    headline after it, whose words may read as names, are no byline."""
    page = described.page
    index = page.indexes[position]
    return any(
        0 <= near < len(page.indexes)
        and page.indexes[near] == index + step
        and page.texts[near].strip() == ":"
        for step, near in ((1, position + 1), (-1, position - 1))
    )


def _split_byline_at(described: _Described, position: int) -> tuple[Byline, int] | None:
    """The byline split over lines (:func:`.split_byline`) whose names are the line at
    ``position``, under its label alone right above and maybe over a job title (no blank line
    between), read from the lines' content ("por" / "* César Salza": no list marker), and the
    number of lines it takes; ``None`` if there is none or it is a field of a menu or a form
    (see :func:`_in_form`)."""
    index = described[position].index
    if position == 0 or described[position - 1].index != index - 1:
        return None
    lines = [described[position - 1].content, described[position].content]
    below = position + 1
    while (
        below < min(len(described), position + 2 + MORE_WRITERS)
        and described[below].index == index + below - position
    ):  # (the writers' other names and their job title, no blank line between)
        lines.append(described[below].content)
        below += 1
    split = split_byline(lines)
    if split is None or _in_form(described, position - 1, position - 2 + split[1]):
        return None
    return split


def _in_form(described: _Described, first: int, last: int) -> bool:
    """Whether the lines from ``first`` to ``last`` stand in a menu or a form: lines shaped like
    a menu's right above and right below them, no blank line between ("Search articles", then
    "By" / "Jane Austen Books", then "Go"). (Their menu marks tell nothing: a byline's own short
    lines make a run of a menu's.)"""
    indexes = described.page.indexes
    around = [
        described[near]
        for near, step in ((first - 1, -1), (last + 1, 1))
        if 0 <= near < len(indexes) and indexes[near] == indexes[near - step] + step
    ]
    return len(around) == 2 and all(line.shaped for line in around)


def _join_split_byline(described: _Described, article: Article) -> None:
    """A byline line of names under its label alone ("By") and over the writer's job title, as
    a browser copies a byline set in boxes of its own (:func:`.split_byline`): one byline,
    its lines the article's header lines (not furniture nor body)."""
    for index in list(article.headers):  # (lines are added to the headers in the loop)
        position = _position(described, index)
        line = described[position]
        if line.header is None or line.header.kind != "byline":
            continue
        split = _split_byline_at(described, position)
        if split is None:
            continue
        line.header = Header("byline", split[0])
        taken = set(range(index - 1, index - 1 + split[1]))
        article.headers.extend(taken - {index})
        article.body = [other for other in article.body if other not in taken]
        return


def _position(described: _Described, index: int) -> int:
    """The position in ``described`` of the line at ``index`` (one of them)."""
    return bisect.bisect_left(described.page.indexes, index)


def _pair_captions(described: _Described, article: Article) -> None:
    """A credit line of its own takes the body line just before it as its caption, when that line
    is short and opens with no one's words (a caption, not a paragraph of the story)."""
    pairs: list[tuple[int | None, int | None]] = []
    body = set(article.body)
    for found, credit in article.captions:
        caption = found
        if caption is None and credit is not None:
            caption = _caption_above(described, body, credit)
            if caption is not None:
                body.discard(caption)
        pairs.append((caption, credit))
    article.captions = pairs
    article.body = sorted(body)


def _item_under_item(described: _Described, position: int) -> bool:
    """Whether the line at ``position`` is a list's item right under another (a menu's)."""
    above = _adjacent(described, position, -1)
    return described[position].marked and above is not None and described[above].marked


def _caption_above(described: _Described, body: set[int], credit: int) -> int | None:
    """The body line right above a credit line (no line between) when it is short, no quoted
    speech ("“Nobody asked us,” said ..." is the story's) nor a list's item under another (a
    menu's last link over the picture: "* About the Guide"; a caption alone may be bulleted)."""
    before = max((index for index in body if index < credit), default=None)
    if before is None:
        return None
    position = _position(described, before)
    if (
        described[position].weight <= captions.CAPTION_LIMIT // 2
        and described[position + 1].index == credit
        and not captions.opens_with_speech(described[position].content)
        and not _item_under_item(described, position)
    ):
        return before
    return None
