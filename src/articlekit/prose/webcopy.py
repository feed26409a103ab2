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

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from articlekit.prose import captions, dates, furniture, headers, stopwords
from articlekit.prose.byline import ABBREVIATION_END, is_job_title, parse_byline
from articlekit.prose.headers import Header

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
SECTION_AFTER = 150
"""Words of prose after which a section heading ("Comments", "Related") ends the article."""
HEADER_REACH = 40
"""How many lines above the article the header block and headline are looked for."""
HEADLINE_LIMIT = 250
RUN_GROWTH = 4
"""The n-th line of a run of furniture weighs n times its own score, up to this many times."""
FURNITURE_SCORE = -6.0
MENU_SCORE = -3.0
TITLE_SCORE = -1.0

_MARKER = re.compile(r"^(?:[*+•·▪►]|\d{1,3}[.)])\s+|^[*+•]$")
_SENTENCE_END = re.compile(
    r"""[.!?。！？…;:][\"'”’»)\]]*$|[.!?。！？][\"'”’»)\]]*\s*\(\s*\w+\s*\)$"""
)
_NOISE = re.compile(
    r"^(?:<[a-z!/][^>]*>.*|https?://\S+|www\.\S+|[\W\d_]{1,12}|\S+\.(?:com|org|net|de|fr)/?\S*|"
    r".*(?:\{|\}|function\s*\(|var\s+\w+\s*=).*)$",
    re.IGNORECASE,
)
_LEADING_SYMBOLS = " /|—–-•·:>"
_MARKER_STARTS = frozenset("*+•·▪►0123456789")
_SENTENCE_LAST = frozenset(".!?。！？…;:\"'”’»)]")
_UNSPACED = re.compile("[\u3040-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
TAIL = 40
"""Characters at the end of a line that say whether it ends a sentence."""
NOISE_LIMIT = 12
"""Lines this short without a letter ("*", "12", "|") are noise."""
_DIGIT = re.compile(r"\d")
_BYLINE_LABEL = re.compile(r"^(?:by|von|par|por|di|door)\s", re.IGNORECASE)
_BREADCRUMB = re.compile(r"^\S.{0,60}(?:\s[>»›/]\s.{1,80}){2,}$")
_PAGINATION = re.compile(r"^[«‹<]?\s*\w+\s*\|\s*\w+\s*[»›>]?$")


@dataclass(slots=True)
class Line:
    """What is known about one non-blank line. Header, caption and picture are read on first use:
    only the lines around the article need them, and they are the costly part."""

    index: int
    text: str
    content: str
    """The text without a list marker."""
    marked: bool
    words: float
    """Words; characters of unspaced scripts count as 0.6 of a word each."""
    weight: int
    """Length in characters; characters of unspaced scripts count three."""
    sentence: bool
    furniture: str | None = None
    noise: bool = False
    menu: bool = False
    repeated: bool = False
    stop: float = 0.0
    score: float = 0.0
    examined: bool = False
    found_header: Header | None = None
    found_caption: captions.Caption | None = None
    found_picture: bool = False

    def _examine(self) -> None:
        self.examined = True
        content = self.content
        if self.weight <= headers.HEADER_LIMIT:
            self.found_header = headers.read_header(content.lstrip(_LEADING_SYMBOLS))
        if self.weight <= captions.CAPTION_LIMIT and self.found_header is None:
            self.found_caption = captions.read_caption(content)
            self.found_picture = self.found_caption is None and captions.is_picture_label(content)

    @property
    def header(self) -> Header | None:
        if not self.examined:
            self._examine()
        return self.found_header

    @header.setter
    def header(self, value: Header | None) -> None:
        if not self.examined:
            self._examine()
        self.found_header = value

    @property
    def caption(self) -> captions.Caption | None:
        if not self.examined:
            self._examine()
        return self.found_caption

    @property
    def picture(self) -> bool:
        if not self.examined:
            self._examine()
        return self.found_picture


@dataclass
class Article:
    """Where the article sits in a copy: indexes of lines (0-based) by role."""

    lines: Sequence[str]
    language: str
    headline: int | None = None
    deck: int | None = None
    headers: list[int] = field(default_factory=list)
    body: list[int] = field(default_factory=list)
    captions: list[tuple[int | None, int | None]] = field(default_factory=list)
    """(caption line, credit line) pairs; a line holding both appears in both places."""
    removed: list[int] = field(default_factory=list)
    header_values: dict[int, Header] = field(default_factory=dict)
    """What each header line says (some, such as a line of names beside a date, are header
    lines only by their place)."""


def _line(index: int, text: str) -> Line:
    marker = _MARKER.match(text) if text[0] in _MARKER_STARTS else None
    content = text[marker.end() :].strip() if marker else text
    unspaced = 0 if content.isascii() else len(_UNSPACED.findall(content))
    spaced_words = len(content.split()) if unspaced < len(content) / 2 else 0
    tail = content[-TAIL:]  # the patterns look at the end only; a long line costs no more
    sentence = (
        content[-1:] in _SENTENCE_LAST
        and _SENTENCE_END.search(tail) is not None
        and ABBREVIATION_END.search(tail) is None
    )
    return Line(
        index=index,
        text=text,
        content=content,
        marked=marker is not None,
        words=spaced_words + unspaced * 0.6,
        weight=len(content) + 2 * unspaced,
        sentence=sentence,
    )


def _is_noise(content: str) -> bool:
    """Markup, an address, a breadcrumb trail, a pager, or no letters at all."""
    if not content or content[0] == "<" or "://" in content or content.startswith("www."):
        return True
    if len(content) <= NOISE_LIMIT and not any(char.isalpha() for char in content):
        return True
    if ("{" in content or "}" in content or "function" in content) and _NOISE.match(content):
        return True
    if (" > " in content or " » " in content or " › " in content) and _BREADCRUMB.match(content):
        return True
    short = len(content) <= NOISE_LIMIT * 4
    return "|" in content and short and _PAGINATION.match(content) is not None


def _describe(lines: Sequence[str]) -> list[Line]:
    """What is known about each non-blank line (the cheap part: length, marker, furniture)."""
    described = []
    for index, raw in enumerate(lines):
        text = raw.strip()
        if not text:
            continue
        line = _line(index, text)
        line.furniture = furniture.furniture_kind(text)
        line.noise = _is_noise(line.content)
        described.append(line)
    return described


def _read_lines(described: list[Line]) -> None:
    """Repetition and menus."""
    counts = Counter(line.content.casefold() for line in described if line.weight <= 120)
    for line in described:
        line.repeated = line.weight <= 120 and counts[line.content.casefold()] > 1
    _mark_menus(described)


def _short(line: Line) -> bool:
    """A menu item's shape: a few words, no sentence, no digits (dates), no byline label."""
    return (
        line.words <= MENU_WORDS
        and line.weight <= 40
        and not line.sentence
        and _DIGIT.search(line.content) is None
        and _BYLINE_LABEL.match(line.content) is None
    )


def _mark_menus(described: list[Line]) -> None:
    """Runs of short lines (``* News``, ``Sport``, ``Weather``) are menus and link lists. A run
    goes on over a blank line only from list item to list item: a title after a menu is not one."""
    run: list[Line] = []
    for line in [*described, None]:
        if line is not None and (_short(line) or (line.marked and line.furniture)):
            joined = not run or run[-1].index == line.index - 1 or (run[-1].marked and line.marked)
            if joined:
                run.append(line)
                continue
        if len(run) >= MENU_RUN:
            for member in run:
                member.menu = True
        run = (
            [line]
            if line is not None and (_short(line) or (line.marked and line.furniture))
            else []
        )
        if line is not None and line.marked and _short(line):
            line.menu = True
    for line in described:
        if line.marked and _short(line):
            line.menu = True


def _score(line: Line, language: str) -> float:
    if line.furniture or line.noise:
        return FURNITURE_SCORE
    if line.menu:
        return MENU_SCORE
    if line.weight >= PROSE_LENGTH:
        line.stop = stopwords.stopword_ratio(line.content, language)
        if line.sentence or (line.stop >= 0.25 and line.weight >= UNENDED_PROSE_LENGTH):
            score = line.words if line.sentence else line.words * 0.7
            return min(score, 5.0) if line.repeated else score
    if line.sentence and line.weight >= SENTENCE_LENGTH:
        return MENU_SCORE if line.repeated else line.words * 0.5
    if line.marked and line.words >= LIST_ITEM_WORDS and not line.repeated:
        return line.words * 0.3  # an item of a list in the story, longer than a menu's
    return MENU_SCORE if line.repeated else TITLE_SCORE


_AUTHORED = re.compile(r"^(?:[>#\\]|- |\d{1,3}[.)]\s)")
"""Lines of text a person (or our writer) lays out: quotes, crossheads, dashes, numbered lists,
protected paragraphs. They are never evidence of a web page."""


def _web_evidence(described: list[Line]) -> int:
    """Furniture lines and menu lines above the last line of prose (a trailing comment form alone
    does not make a text a web page: the plain layout rules cut it). A menu here is a run of short
    lines with no blank line between them, as a copied page gives and no writer does."""
    last_prose = max(
        (line.index for line in described if line.weight >= PROSE_LENGTH and line.sentence),
        default=-1,
    )
    evidence = 0
    run: list[Line] = []
    for line in described:
        if line.index >= last_prose:
            break
        if _AUTHORED.match(line.text):
            run = []
            continue
        if line.furniture:
            evidence += 1
        tight = not run or run[-1].index == line.index - 1
        if _short(line):
            run = [*run, line] if tight else [line]
            if len(run) == MENU_RUN:
                evidence += MENU_RUN
            elif len(run) > MENU_RUN:
                evidence += 1
        else:
            run = []
    return evidence


def find_article(lines: Sequence[str], language: str | None = None) -> Article | None:
    """The roles of the lines of a web copy, or ``None`` when the text is no web copy."""
    described = _describe(lines)
    if _web_evidence(described) < 2:
        return None
    _read_lines(described)
    if language is None:
        language = stopwords.guess_language(line.content for line in described)
    run = 0
    for line in described:
        line.score = _score(line, language)
        # a run of furniture is a wall between the article and the rest of the page: each line
        # of it weighs more than the one before
        run = run + 1 if line.score <= FURNITURE_SCORE else 0
        if run > 1:
            line.score *= min(run, RUN_GROWTH)
    start, end = _best_stretch(described)
    end = _cut_at_section(described, start, _extend_down(described, end))
    article = Article(lines, language)
    top = _read_top(described, start, article)
    paragraphs = 0
    for position in range(top, end + 1):
        line = described[position]
        if line.index in article.headers or line.index == article.deck:
            continue
        if paragraphs < 2 and line.header is not None and line.header.kind != "unparsed":
            article.headers.append(line.index)  # a byline or date under the lead picture
            continue
        _place(line, article)
        paragraphs += line.weight >= PROSE_LENGTH
    _pair_captions(described, article)
    kept = {
        *article.body,
        *article.headers,
        *(index for pair in article.captions for index in pair if index is not None),
    }
    if article.headline is not None:
        kept.add(article.headline)
    if article.deck is not None:
        kept.add(article.deck)
    article.removed = [line.index for line in described if line.index not in kept]
    by_index = {line.index: line for line in described}
    article.header_values = {
        index: header for index in article.headers if (header := by_index[index].header) is not None
    }
    article.body.sort()
    return article


def _best_stretch(described: list[Line]) -> tuple[int, int]:
    """Positions (in ``described``) of the contiguous run of lines with the highest score."""
    best, best_start, best_end = float("-inf"), 0, 0
    total, start = 0.0, 0
    for position, line in enumerate(described):
        if total <= 0:
            total, start = 0.0, position
        total += line.score
        if total > best:
            best, best_start, best_end = total, start, position
    while best_start < best_end and described[best_start].score <= 0:
        best_start += 1
    return best_start, best_end


def _cut_at_section(described: list[Line], start: int, end: int) -> int:
    """End the article before a section of comments or related stories that the best stretch ran
    into (long comments and teasers are prose too), once it holds an article's worth of words.

    Comments, share and tag headings always end it; a "Related" heading only when less prose
    follows it (up to the next heading) than precedes it: a related-links box set inside a long
    article is followed by more of the article."""
    headings = [p for p in range(start, end + 1) if _section_heading(described[p])]
    for number, position in enumerate(headings):
        before = _prose_words(described, start, position)
        if before < SECTION_AFTER:
            continue
        if described[position].furniture != "related":
            return position - 1
        if _inline_box(described, position):
            continue
        following = headings[number + 1] if number + 1 < len(headings) else end + 1
        if _prose_words(described, position, following) < before:
            return position - 1
    return end


def _inline_box(described: list[Line], position: int) -> bool:
    """A "Related" box of a link or two set inside the story: the story's prose resumes right
    after it, with no dated teasers between."""
    after = described[position + 1 : position + 4]
    if any(line.header is not None for line in after):
        return False
    return any(line.weight >= UNENDED_PROSE_LENGTH and line.sentence for line in after)


def _prose_words(described: list[Line], start: int, stop: int) -> float:
    return sum(line.words for line in described[start:stop] if line.score > 0)


def _section_heading(line: Line) -> bool:
    if line.furniture not in ("comments", "related", "share", "tags"):
        return False
    key = furniture.phrase_key(line.text)
    if line.furniture == "share":
        return key.startswith("share this")
    return key in furniture.PHRASE_KEYS or line.furniture == "tags" or key[:1].isdigit()


def _extend_down(described: list[Line], end: int) -> int:
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
    """Body, caption or removed, for a line inside the article's stretch (a credit line is a
    credit, even when it reads as a copyright notice)."""
    caption = line.caption
    if caption is not None and (caption.credit or not line.furniture):
        article.captions.append(
            (line.index if caption.caption else None, line.index if caption.credit else None)
        )
        return
    if (
        line.furniture
        or line.picture
        or (line.noise and not any(c.isalpha() for c in line.content))
    ):
        return
    article.body.append(line.index)


def _read_top(described: list[Line], start: int, article: Article) -> int:
    """Find the header block and the headline above the article; return where the body starts.

    Walks up from the first line of the stretch over header lines, captions, a deck and page
    furniture, to the first title line: the headline (or, when a shorter title line stands right
    above it, that one, and this is the deck). Sentences met on the way that are not a deck
    belong to the body.
    """
    position = start - 1
    sentences: list[int] = []  # positions of sentence lines between the headline and the body
    candidates: list[int] = []
    seen = 0
    while position >= 0 and seen < HEADER_REACH:
        line = described[position]
        seen += 1
        if _header(line, described, position):
            article.headers.append(line.index)
        elif line.caption is not None:
            _place(line, article)
        elif line.furniture or line.noise or line.menu or line.picture:
            pass
        elif _title(line):
            candidates.append(position)
            if len(candidates) >= TITLE_CANDIDATES:
                break
        elif line.sentence and line.weight <= HEADLINE_LIMIT * 2 and not line.repeated:
            if not candidates:
                sentences.append(position)
        elif not line.repeated and line.weight > PROSE_LENGTH:
            break
        position -= 1
    headline = _choose_headline(described, candidates, article)
    if headline is not None:
        above = headline - 1
        line = described[headline]
        if (
            above >= 0
            and described[above].index >= line.index - 2
            and _title(described[above])
            and not (described[above].furniture or described[above].menu)
            and not _CHROME.search(described[above].content)
            and described[above].weight * DECK_RATIO <= line.weight
        ):
            article.deck = line.index
            headline = above
    sentences.sort()
    if headline is not None:
        article.headline = top = described[headline].index
        # what was passed on the way up beyond the headline is the page above the article,
        # but for a byline printed just above the headline when none follows it
        passed = [index for index in article.headers if index < top]
        article.headers = [index for index in article.headers if index > top]
        if not any(_is_byline(described, index) for index in article.headers):
            article.headers += [
                index
                for index in passed
                if top - index <= BYLINE_ABOVE and _is_byline(described, index)
            ][:1]
        article.captions = [
            pair for pair in article.captions if all(i is None or i > top for i in pair)
        ]
        if sentences and article.deck is None:
            first = sentences[0]
            if first == headline + 1 or _header_below(described, first, start, article):
                article.deck = described[first].index
                sentences = sentences[1:]
    for found in sentences:
        article.body.append(described[found].index)
    return start


DECK_RATIO = 1.3
"""A deck under a headline is longer than it by this much at least."""
DATE_LINE = 40
"""A short line with a month and a day ("on Mar 27 · 14 min") dates the name beside it."""
_MONTH_DAY = re.compile(rf"\b{dates.MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\.?\s+{dates.MONTH}", re.I)
NEIGHBOURS = 3
"""Lines this close to a line of names (a date, a job title) make it a byline."""
TITLE_CANDIDATES = 4
"""Title lines above the article weighed against each other for the headline."""
_CHROME = re.compile(
    r"\b(?:sponsored|video|videos|photos?|gallery|comments?|click|sign in|log in|subscribe|"
    r"accept|privacy|cookies?|next|play|playing|watch|listen|advertisement|newsletter|"
    r"encyclopedia|menu|share|follow|about this|up next|read more|related|trending|popular)\b",
    re.IGNORECASE,
)
"""Words of page chrome; a title line holding one is a worse headline candidate."""


def _choose_headline(described: list[Line], candidates: list[int], article: Article) -> int | None:
    """The best of the title lines found above the article: close to it, just above the header
    lines, not page chrome, a headline's length."""
    best, best_score = None, float("-inf")
    header_positions = {
        position for position, line in enumerate(described) if line.index in article.headers
    }
    for rank, position in enumerate(candidates):
        line = described[position]
        score = -0.5 * rank
        if _CHROME.search(line.content):
            score -= 3
        if 4 <= line.words <= 25:
            score += 1
        if line.repeated:  # headlines recur on their page (breadcrumbs, share texts)
            score += 1.5
        if line.words <= 2 or parse_byline(line.content, labelled=False) is not None:
            score -= 3  # a section label, a site name or a person is not a headline
        if any(near in header_positions for near in range(position + 1, position + 4)):
            score += 3
        if line.caption is not None or ("(" in line.content[-40:] and ")" in line.content[-3:]):
            score -= 2
        if score > best_score:
            best, best_score = position, score
    return best


BYLINE_ABOVE = 8
"""Lines above the headline within which a byline still belongs to the article."""


def _is_byline(described: list[Line], index: int) -> bool:
    line = next(line for line in described if line.index == index)
    return line.header is not None and line.header.kind == "byline"


def _header(line: Line, described: list[Line], position: int) -> bool:
    """A header line; also a line of names with a date, or beside a date line ("Mike Conley",
    then "December 18, 2020"), which only its place under a headline makes a byline."""
    if line.header is not None:
        return line.header.kind != "unparsed"
    if line.weight > headers.HEADER_LIMIT or line.furniture or line.sentence:
        return False
    found = parse_byline(line.content, labelled=False)
    if found is None:
        return False
    neighbours = [
        described[near]
        for near in (position - 2, position - 1, position + 1, position + 2)
        if 0 <= near < len(described) and abs(described[near].index - line.index) <= NEIGHBOURS
    ]
    dated = any(
        (near.header is not None and near.header.kind in _DATE_KINDS)
        or (near.weight <= DATE_LINE and _MONTH_DAY.search(near.content) is not None)
        for near in neighbours
    )
    if (
        found.date_text
        or dated
        or is_job_title(found.names)
        or any(_role_line(near) for near in neighbours)
    ):
        line.header = Header("byline", found)
        return True
    return False


_DATE_KINDS = frozenset({"published", "updated", "relative", "reading_time", "several"})


def _role_line(line: Line) -> bool:
    """A job title on a line of its own ("BuzzFeed News Reporter", "Staff Writer")."""
    return line.weight <= 60 and not line.sentence and is_job_title(line.content)


def _header_below(described: list[Line], position: int, start: int, article: Article) -> bool:
    """Whether header lines follow a sentence before the body starts (headline, deck, byline)."""
    return any(described[later].index in article.headers for later in range(position + 1, start))


def _title(line: Line) -> bool:
    """A headline: one title line of a few words, no final full stop, no date, not page chrome."""
    content = line.content
    if line.marked or (line.sentence and content.endswith((".", ";", ":", "。"))):
        return False
    if content.endswith(("—", "–", "-", "|", ":", "›", "»")) or content.startswith(("(", "[")):
        return False
    if not 10 <= line.weight <= HEADLINE_LIMIT or line.words < 2:
        return False
    digits = sum(1 for char in content if char.isdigit())
    if digits * 5 > len(content) or _DATED.search(content):
        return False
    return not content.startswith("\\")


_DATED = re.compile(
    rf"\b{dates.DATE_PATTERN}|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b|\d+\s+\w+\s+ago\b"
)


def _pair_captions(described: list[Line], article: Article) -> None:
    """A credit line of its own takes the body line just before it as its caption, when that line
    is short (a caption, not a paragraph)."""
    by_index = {line.index: line for line in described}
    pairs: list[tuple[int | None, int | None]] = []
    body = set(article.body)
    for found, credit in article.captions:
        caption = found
        if caption is None and credit is not None:
            before = max((index for index in body if index < credit), default=None)
            if (
                before is not None
                and by_index[before].weight <= captions.CAPTION_LIMIT // 2
                and not any(by_index.get(between) for between in range(before + 1, credit))
            ):
                body.discard(before)
                caption = before
        pairs.append((caption, credit))
    article.captions = pairs
    article.body = sorted(body)
