"""Reading the plain-text layout of wire stories and web copies into an Article.

The text is cut into *chunks* (runs of lines between blank lines). The first chunk is the headline
when it looks like one (one short line, not a sentence, not a dateline); a headline is never taken
from a body paragraph by guesswork, so body-only text gives an article without headline and a
warning. Chunks made only of header lines follow: ``By ...`` bylines, ``Source, October 6, 2023 —``
lines, bare dates and ``Published:``/``Updated:``/``Source:`` labels. The rest is the body:

* paragraphs: one per chunk, or one per line when lines are long (unwrapped web copy); in
  hard-wrapped text (no line over 100 characters) lines are joined, and an indented line or a
  short line ending a sentence starts a new paragraph;
* ``#`` crossheads, ``>`` quotes, ``-``/``*``/``•`` and ``1.`` lists (at the start of a chunk);
* a leading backslash protects a paragraph from all of the above (the writer adds it);
* the dateline opening the first paragraph (see :mod:`articlekit.prose.dateline`);
* trailing web boilerplate (see :mod:`articlekit.prose.boilerplate`) is cut and reported.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Any, TypeAlias, cast

from articlekit._text import counted, lazy_pattern
from articlekit.errors import InputError
from articlekit.formats.text.media import media_block, starts_like_media
from articlekit.model import (
    MAX_BLOCKS,
    MAX_NESTING,
    Article,
    Block,
    Heading,
    List,
    Paragraph,
    Quote,
)
from articlekit.prose import boilerplate, dates, stopwords, webcopy
from articlekit.prose.byline import (
    ABBREVIATION_END,
    Byline,
    authors_from_byline,
    byline_names,
    byline_over_title,
    loose_byline,
    parse_byline,
    split_byline,
)
from articlekit.prose.captions import read_caption
from articlekit.prose.controls import (
    BIDI_CONTROLS,
    find_control,
    has_control,
    holds_bidi,
    strip_controls,
    without_bidi,
)
from articlekit.prose.dateline import dateline_fields, split_dateline
from articlekit.prose.furniture import furniture_kind
from articlekit.prose.headers import (
    Header,
    holds_story,
    is_flag_line,
    may_be_byline,
    read_flags,
    read_header,
)
from articlekit.registry import Context

WRAP_LIMIT = 100
"""Text whose lines all fit in this many characters is taken as hard-wrapped."""
HEADLINE_LIMIT = 200
MAX_LINES = 1_000_000
"""Most lines in one text article: a long hard-wrapped story has a few thousand, a results listing
a few hundred thousand; millions are an attack on memory."""
HEADER_LIMIT = 200
"""Header lines (bylines, source and date lines) are short; longer lines are body text."""
DATE_LIMIT = 60

_HEADING = lazy_pattern(r"^(#{1,6})\s+(\S.*)$")
"""A Markdown-style crosshead, matched on stripped lines (no lazy ending: it backtracks)."""
_BULLET = lazy_pattern(r"^(?P<indent>\s*)(?P<marker>[-*•–+])\s+(?P<text>\S.*)$")
_NUMBERED = r"^(?P<indent>\s*)(?P<marker>{digits}[.)])\s+(?P<text>\S.*)$"
"""A numbered list item, its number of ``digits``."""
_NUMBER = lazy_pattern(_NUMBERED.format(digits=r"\d{1,3}"))
_LONG_NUMBER = lazy_pattern(_NUMBERED.format(digits=r"[1-9]\d{3,8}"))
_DATE_FIRST = lazy_pattern(
    rf"^\s*\d{{1,2}}\.\s+(?:{dates.MONTH}|{dates.FOREIGN_MONTH_PATTERN})\.?,?\s+\d{{4}}\b",
    re.IGNORECASE,
)
"""A line opening with a date, its day's number and a full stop first ("19. Oktober 2019, 19:08
Uhr ..."): alone, no list's item 19 (a list of such dates stays one)."""
_QUOTE = lazy_pattern(r"^\s*>(?: ?)(?P<text>.*)$")
_SEPARATOR = lazy_pattern(r"^\s*(?:[-_*=~#.•]\s*){3,}$")
_STRUCTURE_FIRST = frozenset("-_*=~#.•>–+")
"""What a line that is a separator, crosshead, quote or list item opens with (a digit aside)."""


_OPENS_BLOCK = frozenset({"", "\\", "[", "|", *_STRUCTURE_FIRST})
"""The first characters of a line that may open something else than a paragraph's text: a
figure or table, a structure, the writer's protecting backslash ("" for an empty line; a digit
aside)."""


def _may_open_structure(first: str) -> bool:
    """Whether a line whose first character is ``first`` may be a separator, crosshead, quote
    or list item (the patterns that tell are tried only then)."""
    return first in _STRUCTURE_FIRST or first.isdecimal()


_SENTENCE_END = lazy_pattern(
    rf"""[{stopwords.SENTENCE_ENDS}:;][{re.escape(stopwords.CLOSERS)}]*$"""
)
_NOTEBOOK = lazy_pattern(
    r"^#+\s*(?:\w+[\s-]+)?(?:notebook|notizblock|bloc-notes|bloc de notas)\b"
    r"|^(?:the following (?:information is|notes are) not (?:intended )?for publication"
    r"|die folgenden (?:informationen|angaben) sind nicht zur veröffentlichung bestimmt"
    r"|les informations suivantes ne sont pas destinées à (?:la )?publication"
    r"|la (?:siguiente )?información (?:siguiente )?no (?:está destinada a|es para) "
    r"(?:su )?publicación)",
    re.IGNORECASE,
)
"""An editors' notebook's heading ("# dpa NOTEBOOK", "# dpa-Notizblock", "# Bloc-notes", "# Bloc
de notas") or its opening sentence that it is not for publication, in the wires' languages."""
_SIGNOFF = lazy_pattern(r"^[a-z]{2,6}(?: [a-z]{2,6}){1,6}$")
_SLUG = lazy_pattern(
    r"^(?:[A-Z]{2}-[A-Za-z0-9]+(?:-[A-Za-z0-9.]+|--[A-Za-z0-9.]+(?: [A-Za-z0-9.]+)*)+(?:,\d+)?"
    r"|[A-Z]{3,}(?:--?[A-Z]{3,})+)$"
)
"""A wire slug on a line of its own over the headline: AP's ("BC-Harbour-Ferries", "BC-BBN--Top
Ten", two hyphens at least: "US-China" is a headline's) or a keyword slug in capitals
("HARBOUR-FERRIES", words of three letters or more, no digits: "COVID-19" is a word, "EU-UK"
and "US-CHINA" a headline's)."""
_END_MARK = lazy_pattern(r"^(?:-\s?30\s?-|-0-|###|\(ENDS?\)|-?ENDS-?|-ends-)$")
"""The mark a wire story or a press release ends with ("-30-", "###", "(END)", "ENDS")."""
END_MARK_KEY = "text:end_mark"
REMOVED_KEY = "text:removed_lines"
"""Extras key of the lines a web copy's page furniture took, in order, so none is lost."""
PREVIEW_LINES = 3
"""Removed lines quoted in the warning that reports them."""
SAID_LINES = 5
"""Lines under the headline (and credits) the warning names at most, beside the first ones."""


def _is_cjk(char: str) -> bool:
    """Chinese, Japanese or Korean: scripts written without spaces between words."""
    return (
        "\u3000" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7af" or "\uff00" <= char <= "\uffef"
    )


# --- header lines ---------------------------------------------------------------------------------


def header_line(line: str, context: Context, number: int | None = None) -> Header | None:
    """Classify one line of the header zone (see :mod:`articlekit.prose.headers`), or ``None``;
    warns about labelled dates that cannot be read and times without a zone (on line
    ``number`` of the input, when known)."""
    found = read_header(line)
    if found is None:
        return None
    return settled_header(found, line.strip(), context, number)


def settled_header(
    header: Header, text: str, context: Context, line: int | None = None, what: str = "the date"
) -> Header:
    """The header with its dates settled: a time printed without a zone in the zone the user
    chose, else its date alone (with a warning); a labelled date that cannot be read is warned
    about (on ``line`` of the input, when known). The dates of a line holding several are named
    by their kind ("the updated date of ..."), so that their warnings tell them apart."""
    if header.kind == "several":
        parts = [
            settled_header(part, text, context, line, _date_of(part.kind))
            for part in header.value  # type: ignore[attr-defined]
        ]
        return header._replace(value=parts)
    if header.kind == "unparsed":
        _unparsed(text, context, line)
    elif header.naive is not None:
        when = dates.zoned(header.naive, text, what, context, line)
        if header.kind == "source_date":
            return header._replace(value=(header.value[0], when))  # type: ignore[index]
        return header._replace(value=when)
    return header


def _date_of(kind: str) -> str:
    """How a warning names a date of a header line holding several: "the updated date of"."""
    return f"the {kind} date of" if kind in ("published", "updated") else "a date of"


def _unparsed(text: str, context: Context, line: int | None) -> None:
    context.warn("date-unparsed", f"{text!r}: the date cannot be understood; left out", line=line)


# --- headline -------------------------------------------------------------------------------------


def looks_like_headline(line: str) -> bool:
    """One line that reads as a headline, not as a sentence of the story."""
    text = line.strip()
    dense = not text.isascii() and sum(1 for char in text if _is_cjk(char)) > len(text) // 3
    limit = HEADLINE_LIMIT // 2 if dense else HEADLINE_LIMIT
    if not 2 <= len(text) <= limit or text.startswith("\\"):
        return False
    if _ends_like_a_sentence(text) and not ABBREVIATION_END.search(text):
        return False
    if split_dateline(text) is not None:
        return False
    return not (
        (
            _may_open_structure(text[:1])  # (else none of these patterns can match)
            and (
                _HEADING.match(text)
                or _BULLET.match(text)
                or _NUMBER.match(text)
                or _QUOTE.match(text)
                or _SEPARATOR.match(text)
            )
        )
        or boilerplate.is_furniture(text)
    )


def _ends_like_a_sentence(text: str) -> bool:
    """Whether a stripped line ends like a sentence: a full stop after a character that is no
    stop or space, an ellipsis, a colon, semicolon or comma, before any closing quotes. Told at
    the line's end; the pattern it replaces (in ``tests/test_text_shortcuts.py``), searched from
    every character, cost more than the rest of the headline test."""
    core = text.rstrip(_CLOSING_QUOTES)
    if core.endswith(_HEADLINE_ENDINGS):
        return True
    return len(core) > 1 and core[-1] == "." and core[-2] != "." and not core[-2].isspace()


_CLOSING_QUOTES = "\"'”’»"
_HEADLINE_ENDINGS = ("...", "。", "．", "…", ":", ";", ",")


# --- body -----------------------------------------------------------------------------------------


def _item(line: str, following: int) -> re.Match[str] | None:
    """The marker of a list item: a bullet, a number of up to three digits, or a longer number
    that continues the list (``999.`` then ``1000.``; a line opening with a year is no item)."""
    marker = _BULLET.match(line) or _NUMBER.match(line)
    if marker is None and following > 999:
        marker = _LONG_NUMBER.match(line)
        if marker is not None and int(marker.group("marker")[:-1]) != following:
            return None
    return marker


def _following(marker: re.Match[str] | None, line: str) -> int:
    """The number the next item of a list would have after the item of ``line`` (0: the item
    is a bullet, or the line holds none)."""
    marker = marker or _NUMBER.match(line)
    if marker is None or not marker.group("marker")[0].isdigit():
        return 0
    return int(marker.group("marker")[:-1]) + 1


def _indent(line: str) -> int:
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


def _join(lines: list[str]) -> str:
    """Join hard-wrapped lines: a space between words, none inside hyphenated or CJK words."""
    if len(lines) == 1:
        return lines[0].strip()
    text = ""
    for raw in lines:
        line = raw.strip()
        if not text:
            text = line
        elif (
            text.endswith("-") and len(text) > 1 and text[-2].isalpha() and line[:1].islower()
        ) or (_is_cjk(text[-1]) and _is_cjk(line[:1])):
            text += line
        else:
            text += " " + line
    return text


def _unescape(text: str) -> str:
    return text[1:] if text.startswith("\\") else text


PlainBlock: TypeAlias = dict[str, Any]
"""A block as plain data (``{"type": "paragraph", "content": [{"text": ...}]}``): the reader
builds the Article once from plain data, validating the whole tree in one pass, rather than a
model for every span and paragraph."""
BodyBlock: TypeAlias = PlainBlock | Block
"""A block of the body as the reader gathers it: plain data, or a figure or table model."""


class BodyParser:
    """Turns body chunks into blocks (as plain data), knowing whether the text is hard-wrapped."""

    def __init__(self, hard_wrapped: bool, width: int, indented_first_lines: bool = False) -> None:
        self.hard_wrapped = hard_wrapped
        self.width = width
        self.indented_first_lines = indented_first_lines
        """Wire layout: every paragraph's first line is indented, the lines after it are not; so
        any indented line (a one-line paragraph's next, a bullet) starts something new."""
        self.separators = 0
        self.made = 0
        self.continuing: set[int] = set()
        """Ordered lists whose numbers go on from an earlier list ("2." after a blank line)."""

    def _count(self, blocks: int) -> None:
        """Stop hostile inputs early: millions of tiny paragraphs would fill memory."""
        self.made += blocks
        if self.made > MAX_BLOCKS:
            raise InputError(
                f"more than {MAX_BLOCKS} paragraphs and table cells: too long for one article"
            )

    @staticmethod
    def _deeper(depth: int) -> int:
        if depth >= MAX_NESTING:
            raise InputError(f"quotes or lists nested deeper than {MAX_NESTING} levels")
        return depth + 1

    def document(self, text: str, depth: int = 0) -> list[PlainBlock]:
        blocks: list[PlainBlock] = []
        for chunk in chunks_of(text.split("\n")):
            blocks.extend(self.chunk(chunk, depth))
        return blocks

    def one_line(self, lines: list[str]) -> list[PlainBlock] | None:
        """The paragraph of a chunk of one line that opens no structure (the most common chunk of
        all, read without the walk of :meth:`chunk`), counted; else ``None``. (``body_blocks``
        reads such a chunk in its loop as this does: a change here goes there too.)"""
        if len(lines) != 1:
            return None
        text = lines[0].strip()
        first = text[:1]
        if _may_open_structure(first):
            return None
        self._count(1)
        return [_paragraph(_unescape(text))] if text else []

    def chunk(self, lines: list[str], depth: int = 0) -> list[PlainBlock]:
        one = self.one_line(lines)
        if one is not None:
            return one
        blocks: list[PlainBlock] = []
        index = 0
        structure_allowed = True
        while index < len(lines):
            line = lines[index]
            text = line.strip()
            first = text[:1]
            if not _may_open_structure(first):
                pass  # (none of the patterns below can match: a paragraph's line, the most)
            elif _SEPARATOR.match(text):
                self.separators += 1
                index += 1
                continue
            elif structure_allowed and not text.startswith("\\"):
                heading = _HEADING.match(text)
                if heading:
                    blocks.append(
                        {
                            "type": "heading",
                            "level": len(heading.group(1)),
                            "content": _spans(heading.group(2)),
                        }
                    )
                    index += 1
                    continue
                if _QUOTE.match(line):
                    end = _run(lines, index, lambda candidate: bool(_QUOTE.match(candidate)))
                    inner = "\n".join(_QUOTE.match(item).group("text") for item in lines[index:end])  # type: ignore[union-attr]
                    quoted = self.document(inner, self._deeper(depth))
                    if quoted:
                        blocks.append({"type": "quote", "blocks": quoted})
                    index = end
                    continue
            if (
                _may_open_structure(first)
                and (structure_allowed or self._indented_bullet(line))
                and not text.startswith("\\")
                and (_BULLET.match(line) or _NUMBER.match(line))
            ):
                end = self._list_end(lines, index)
                if end > index + 1 or _DATE_FIRST.match(line) is None:
                    blocks.append(self.list_block(lines[index:end], self._deeper(depth)))
                    index = end
                    continue
            end = index + 1
            while end < len(lines) and not self._starts_structure(lines, end):
                end += 1
            blocks.extend(self.paragraphs(lines[index:end]))
            structure_allowed = lines[end - 1].rstrip().endswith(":")
            index = end
        return blocks

    def _starts_structure(self, lines: list[str], index: int) -> bool:
        """Inside a paragraph, only a line after a colon may open a list, and separators stop it."""
        text = lines[index].strip()
        if _SEPARATOR.match(text):
            return True
        if self._indented_bullet(lines[index]):
            return True
        after_colon = lines[index - 1].rstrip().endswith(":")
        return after_colon and bool(_BULLET.match(lines[index]) or _NUMBER.match(lines[index]))

    def _indented_bullet(self, line: str) -> bool:
        return self.indented_first_lines and _indent(line) >= 2 and bool(_BULLET.match(line))

    def _list_end(self, lines: list[str], start: int) -> int:
        first_indent = _indent(lines[start])
        following = _following(None, lines[start])
        index = start + 1
        while index < len(lines):
            line = lines[index]
            level = _indent(line) <= first_indent
            marker = _item(line, following if level else 0)
            if marker is not None and level:
                following = _following(marker, line)
            if marker is None and _indent(line) <= first_indent and not self.hard_wrapped:
                break
            if marker is None and self.indented_first_lines and _indent(line) >= 2:
                break  # wire layout: an indented line opens the next paragraph
            if marker is None and _HEADING.match(line.strip()):
                break
            index += 1
        return index

    def list_block(self, lines: list[str], depth: int = 1) -> PlainBlock:
        """A list from marker lines; deeper-indented markers make nested lists."""
        first = _BULLET.match(lines[0]) or _NUMBER.match(lines[0])
        assert first is not None
        base = _indent(lines[0])
        ordered = bool(_NUMBER.match(lines[0]))
        items: list[tuple[list[str], list[str]]] = []  # (own lines, nested lines)
        following = 0
        for line in lines:
            level = _indent(line) <= base
            marker = _item(line, following if level else 0)
            if marker is not None and level:
                following = _following(marker, line)
                items.append(([marker.group("text")], []))
            elif marker is not None or (items and items[-1][1]):
                items[-1][1].append(line)
            else:
                items[-1][0].append(line)
        self._count(len(items))
        number = _NUMBER.match(lines[0])
        result: list[PlainBlock] = []
        for own, nested in items:
            blocks = [_paragraph(_unescape(_join(own)))]
            if nested:
                blocks.append(self.list_block(nested, self._deeper(depth)))
            result.append({"blocks": blocks})
        listing: PlainBlock = {"type": "list", "ordered": ordered, "items": result}
        first_number = 1 if number is None else int(number.group("marker")[:-1])
        if first_number != 1:
            listing["start"] = first_number  # (left out if the list joins the one before)
        if first_number > 1:
            self.continuing.add(id(listing))
        return listing

    def paragraphs(self, lines: list[str]) -> list[PlainBlock]:
        """Paragraphs from plain lines: joined when hard-wrapped, else one per line."""
        groups: list[list[str]] = []
        for index, line in enumerate(lines):
            if not groups or self._breaks_before(lines, index):
                groups.append([line])
                self._count(1)
            else:
                groups[-1].append(line)
        joined = map(_join, groups)
        return [_paragraph(_unescape(text)) for text in joined if text]

    def _breaks_before(self, lines: list[str], index: int) -> bool:
        if not self.hard_wrapped:
            return True
        previous, line = lines[index - 1], lines[index]
        if _indent(line) >= 2 and (_indent(line) > _indent(previous) or self.indented_first_lines):
            return True
        short = len(previous.strip()) < 0.6 * self.width
        return short and bool(_SENTENCE_END.search(previous.rstrip())) and _opens(line.strip())


def _opens(text: str) -> bool:
    """Whether a line's text may open a sentence: with a capital, or with a letter of a script
    that has no case (CJK, Arabic, Thai...), which every sentence of it opens with."""
    first = text[:1]
    return first.isupper() or (first.isalpha() and not first.islower())


def _run(lines: list[str], start: int, belongs: Any) -> int:
    end = start
    while end < len(lines) and belongs(lines[end]):
        end += 1
    return end


def _spans(text: str) -> list[PlainBlock]:
    return [{"text": text}]


def _paragraph(text: str) -> PlainBlock:
    return {"type": "paragraph", "content": [{"text": text}]}


def body_blocks(
    given: Sequence[list[str] | BodyBlock],
    context: Context,
    *,
    line_per_paragraph: bool = False,
    preformatted: bool = False,
) -> list[BodyBlock]:
    """The blocks of body chunks, as plain data (figures and tables as models), with blocks given
    among the chunks kept in their place; the text counts as hard-wrapped when (nearly) no line
    is longer than ``WRAP_LIMIT`` and some paragraph spans several lines, unless each line is
    known to be a paragraph (ANPA) or the text is laid out by line (a table: one paragraph a
    chunk)."""
    chunks = [chunk for chunk in given if isinstance(chunk, list)]
    if preformatted:
        return [_paragraph("\n".join(line.strip() for line in chunk)) for chunk in chunks]
    hard_wrapped, width = _layout(chunks, line_per_paragraph)
    parser = BodyParser(hard_wrapped, width, hard_wrapped and _indents_first_lines(chunks))
    blocks: list[BodyBlock] = []
    for chunk in given:
        made: Sequence[BodyBlock]
        if type(chunk) is list and len(chunk) == 1:
            text = chunk[0].strip()
            first = text[:1]
            if first not in _OPENS_BLOCK and not first.isdecimal():
                # The most common chunk of all: one line of a paragraph, read as
                # parser.one_line reads it, its first character ruling out a figure or table
                # (may_open_media; a table's "Table:" line needs rows after it), a structure
                # (_may_open_structure) and a backslash.
                parser._count(1)
                blocks.append(_paragraph(text))
                continue
        made = (chunk,) if not isinstance(chunk, list) else _chunk_blocks(parser, chunk, context)
        for block in made:
            previous = blocks[-1] if blocks else None
            if (
                isinstance(block, dict)
                and id(block) in parser.continuing
                and isinstance(previous, dict)
                and previous["type"] == "list"
                and previous["ordered"]
            ):
                previous["items"].extend(block["items"])  # a loose list: "1. a", blank, "2. b"
                parser.continuing.discard(id(block))  # (dropped: another block may get its id)
            else:
                blocks.append(block)
    if parser.separators:
        context.warn(
            "text-separator-dropped", f"left out {counted(parser.separators, 'separator line')}"
        )
    return blocks


def _layout(chunks: list[list[str]], line_per_paragraph: bool) -> tuple[bool, int]:
    """Whether the body's text is hard-wrapped (see :func:`body_blocks`) and, when it is, its
    width (the longest line within ``WRAP_LIMIT``); text with no chunk of several lines is not,
    and its lines are not measured (the parser asks for the width only in hard-wrapped text)."""
    if line_per_paragraph or not any(len(chunk) > 1 for chunk in chunks):
        return False, 72
    lengths = [len(line.strip()) for chunk in chunks for line in chunk]
    long_lines = sum(1 for length in lengths if length > WRAP_LIMIT)
    width = max((length for length in lengths if length <= WRAP_LIMIT), default=72)
    return long_lines <= len(lengths) // 10 and not _sentence_a_line(chunks), width


SENTENCE_LINES = 0.6
"""The share of the lines of a text's blocks of several lines that end a sentence from which its
lines are paragraphs, not a paragraph's wrapped lines (wrapping ends a line anywhere in a
sentence, and so mostly not at its end)."""


def _sentence_a_line(chunks: list[list[str]]) -> bool:
    """Whether the lines of the blocks of several lines mostly end a sentence, a block's last line
    aside (a wrapped paragraph's last line ends one too): short paragraphs one a line, as a
    browser copies a page's, which are not hard-wrapped however short."""
    lines = [line.rstrip() for chunk in chunks if len(chunk) > 1 for line in chunk[:-1]]
    ended = sum(1 for line in lines if line[-1:] in LINE_SENTENCE_ENDS)
    return ended >= SENTENCE_LINES * len(lines)


LINE_SENTENCE_ENDS = frozenset(".!?:;\"'”’»…)。！？」』）" + stopwords.SENTENCE_STOPS)
"""What a line that ends a sentence ends with."""


def _chunk_blocks(parser: BodyParser, chunk: list[str], context: Context) -> list[BodyBlock]:
    """A chunk's blocks: a figure or table in articlekit's layout, else what the parser reads."""
    if chunk[0].lstrip().startswith("|"):  # (a table's cells count as blocks: a hostile
        parser._count(sum(_cells_in(line) for line in chunk))  # one must not fill memory)
    found = media_block(chunk, context)
    if found is not None:
        return [found]
    return cast("list[BodyBlock]", parser.chunk(chunk))  # (a list of plain blocks)


def _cells_in(line: str) -> int:
    """The cells a table row's line holds: its separators less one, a ``\\|`` in a cell none."""
    return max(0, line.count("|") - line.count("\\|") - 1)


def _indents_first_lines(chunks: list[list[str]]) -> bool:
    """Whether the text is laid out as wire copy: indented lines followed by flush-left ones, more
    than once (an indented block of several lines is not this layout)."""
    openings = sum(
        1
        for chunk in chunks
        for line, following in itertools.pairwise(chunk)
        if _indent(line) >= 2 and _indent(following) == 0
    )
    return openings >= 2


def plain_blocks(text: str, context: Context) -> list[Block]:
    """The blocks of a plain-text body (no headline or header lines), e.g. a ``text/plain``
    rendition inside another format."""
    blocks = body_blocks(chunks_of(_normalise_newlines(text).split("\n")), context)
    return [
        _MODELS[block["type"]].model_validate(block) if isinstance(block, dict) else block
        for block in blocks
    ]


_MODELS: dict[str, type[Paragraph | Heading | Quote | List]] = {
    "paragraph": Paragraph,
    "heading": Heading,
    "quote": Quote,
    "list": List,
}


def chunks_of(lines: list[str], starts: list[int] | None = None) -> list[list[str]]:
    """Runs of non-blank lines; the number of each one's first line is put in ``starts``, when
    given (in the same walk)."""
    chunks: list[list[str]] = []
    current: list[str] = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            if not current and starts is not None:
                starts.append(number)
            current.append(line.rstrip())
        elif current:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


# --- the whole article ----------------------------------------------------------------------------


def _normalise_newlines(text: str) -> str:
    if "\r" not in text and "\u2028" not in text and "\u2029" not in text:
        return text  # (nothing to replace: three searches in C, faster than one replace)
    return (
        text.replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\u2028", "\n")
        .replace("\u2029", "\n\n")
    )


_DROP_CAP = lazy_pattern(r"\n\n([^\W\d_])\n(?=([^\W\d_])[^\n]{40})")
"""A paragraph's first letter on a line of its own, the rest of the paragraph on the next line
(a magazine's drop cap, a box of its own that a browser's copy sets apart: "E" / "xercice: ...")."""
_LETTERS = lazy_pattern(r"[^\W\d_]+")


def _drop_caps_joined(text: str) -> str:
    """``text`` with each drop cap (see :data:`_DROP_CAP`) put back on its paragraph's line (its
    own line left blank: the lines keep their numbers): at the head of its word, or, when it is
    a word (:func:`.stopwords.one_letter_word`), before it with a space ("A" / "harbour board
    ..." -> "A harbour board ...": a web copy, whose every line is a paragraph, would otherwise
    lose the word). The language is looked for only in a text holding one."""
    languages: list[str | None] = []  # (the text's clear language, once looked for)

    def joined(found: re.Match[str]) -> str:
        letter, next_letter = found.group(1), found.group(2)
        if not (letter.isupper() and next_letter.islower()):
            return found.group(0)
        if not languages:
            languages.append(stopwords.clear_language(text.split("\n")))
        run_into = _LETTERS.match(text, found.end())
        first_word = letter + (run_into.group() if run_into is not None else "")
        space = " " if stopwords.one_letter_word(letter, first_word, languages[0]) else ""
        return f"\n\n\n{letter}{space}"

    return _DROP_CAP.sub(joined, text)


def parse_article(text: str, context: Context, *, controls: bool | None = None) -> Article:
    """The Article in a decoded text file; ``controls`` says whether the text holds control
    characters, when the decoding told (``None``: not known)."""
    return Article(**read_fields(text, context, controls=controls))


def read_fields(text: str, context: Context, *, controls: bool | None = None) -> dict[str, Any]:
    """The fields of the Article in a decoded text file, as plain data (not validated yet);
    ``controls`` as for :func:`parse_article`."""
    fields: dict[str, Any] = {}
    extras: dict[str, Any] = {}
    header_lines: list[str] = []
    line_per_paragraph = preformatted = False
    framed = "\x01" in text[:16]
    if framed:
        from articlekit.formats.text import wire

        unframed = wire.unframe(text)
        text = unframed.text
        fields.update(unframed.fields)
        extras.update(unframed.extras)
        header_lines = unframed.header_lines
        line_per_paragraph, preformatted = unframed.line_per_paragraph, unframed.preformatted
        if unframed.flags:
            extras[FLAGS_KEY] = unframed.flags
            read_flags(unframed.flags, fields, context)
        if unframed.unknown_priority is not None:
            context.warn(
                "text-wire-priority-unknown",
                f"the ANPA priority letter {unframed.unknown_priority!r} is none of f, b, u, r, d "
                "(flash, bulletin, urgent, regular, deferred): no urgency; kept in extras",
            )
        context.warn(
            "text-wire-metadata",
            "read an agency wire envelope; its raw header and trailer are kept in extras",
        )
    text = _normalise_newlines(text)  # (which adds and removes no control character)
    if framed or controls is None:
        controls = has_control(text)
    first_control = find_control(text) if controls else None
    # (every escape sequence opens with a control character: none found, nothing to strip)
    text, removed = strip_controls(text) if first_control is not None else (text, 0)
    if removed and first_control is not None:
        context.warn(
            "control-characters-removed",
            f"removed {removed} control characters or terminal escape sequences",
            line=None if framed else text.count("\n", 0, first_control.start()) + 1,
        )
    text = text.lstrip("\ufeff")
    if not framed and (not text or text.isspace()):  # a byte order mark, no-break spaces: nothing
        raise InputError("file holds only whitespace")
    # (before splitting: millions of lines would fill memory; a text of no more characters than
    # that cannot hold them, and is not counted: a count looks at every character)
    if len(text) > MAX_LINES and text.count("\n") > MAX_LINES:
        raise InputError(f"more than {MAX_LINES} lines: too long for one article")
    lines = text.split("\n")
    if not framed and 1 in map(len, lines):  # (a drop cap stands on a line of one character)
        text = _drop_caps_joined(text)
        lines = text.split("\n")
    judged = lines  # (the lines as the web-copy finder judges them)
    if not framed and holds_bidi(lines):
        judged = list(map(without_bidi, lines))
    found = None if framed else _find_article(lines, judged)
    flagged = _opening_flags(lines) if found is not None and _below_first(found) else []
    if flagged:  # (found again without them: right above a headline, they are no furniture)
        blanks = [""] * len(flagged)
        unflagged = _find_article(
            [*blanks, *lines[len(flagged) :]], [*blanks, *judged[len(flagged) :]]
        )
        if unflagged is None:  # (no web copy without them: a plain text, whose reading takes them)
            found, flagged = None, []
        elif unflagged.headline == _first_after(lines, len(flagged)):
            found = unflagged
        else:  # (a page's banner over its menu: furniture, as found at first)
            flagged = []
    if found is not None:
        flags, numbers = _flags_of(lines, flagged)
        if flags:
            extras[FLAGS_KEY] = flags
            read_flags(flags, fields, context, numbers)
        return _web_fields(found, fields, extras, context)
    # (the line numbers of the chunks, in the file's own text)
    starts: list[int] | None = None if framed else []
    chunks = chunks_of(lines, starts)
    if framed:
        chunks = _cut_wire_trailer(chunks, extras, context)
    position = 0
    if "headline" not in fields and chunks:
        flags, numbers = _flags_of(lines, _flags_over_headline(lines))
        under, under_starts = _under_flags(chunks, starts, len(flags))
        consumed = 0  # (a text of flag lines alone: no headline under them)
        if flags and under:
            under, under_starts, consumed = _read_slug_and_headline(
                under, fields, extras, context, under_starts
            )
        if consumed or (flags and holds_story(flags) and all(map(is_flag_line, flags))):
            # (an embargo or a hold with no headline under it is still one: read as the
            # headline, the story had no embargo and went out)
            extras[FLAGS_KEY] = [*extras.get(FLAGS_KEY, []), *flags]
            read_flags(flags, fields, context, None if framed else numbers)
            chunks, position, starts = under, consumed, under_starts
        else:
            chunks, starts, position = _read_slug_and_headline(
                chunks, fields, extras, context, starts
            )
        # (a text of flag lines alone leaves no chunk: nothing copied from a page)
        copied = chunks and not framed and "headline" not in fields
        alone = _copied_alone(chunks, lines, judged) if copied else None
        if alone is not None:
            return _web_fields(alone, fields, extras, context)
    if "headline" not in fields:
        context.warn("no-headline", "no headline line found; the article has no headline")
    else:
        position = _read_flags_under(chunks, position, fields, extras, context, starts)
    position = _read_header_chunks(chunks, position, fields, extras, context, starts)
    if header_lines:
        _apply_wire_byline(header_lines, fields)
    body_chunks = _cut_end_mark(
        chunks[position:], lines, extras, context, framed, line_per_paragraph
    )
    body_chunks = _cut_boilerplate(body_chunks, lines, extras, context)
    _take_dateline(body_chunks, fields)
    fields["body"] = body_blocks(
        body_chunks, context, line_per_paragraph=line_per_paragraph, preformatted=preformatted
    )
    if extras:
        fields["extras"] = extras
    return fields


def _read_header_chunks(
    chunks: list[list[str]],
    position: int,
    fields: dict[str, Any],
    extras: dict[str, Any],
    context: Context,
    starts: list[int] | None,
) -> int:
    """Header chunks after the headline; a deck (one sentence) may stand between the headline and
    them. Returns the position of the first body chunk. ``starts``: the number of each chunk's
    first line, to name the lines warned about (``None``: the text is not the file's, a wire
    envelope's)."""
    while position < len(chunks):
        start = None if starts is None else starts[position]
        chunk = chunks[position]
        found = _chunk_headers(chunk)  # (warned about once taken, not before)
        first = 0
        if (  # a deck over the header lines, no blank line between ("Von ...", "19. Oktober ...")
            position == 1
            and len(chunk) > 1
            and found[0] is None
            and all(found[1:])
            and "headline" in fields
            and "subheadline" not in fields
            and one_sentence_deck(chunk[0])
        ):
            _read_deck(chunk[0], fields, extras, context, start)
            first = 1
        if all(found[first:]):
            for offset in range(first, len(chunk)):
                read = found[offset]
                if isinstance(read, _Taken):
                    continue
                number = _nth(start, offset)
                header = settled_header(read, chunk[offset].strip(), context, number)  # type: ignore[arg-type]
                apply_header(header, fields, extras, context, number)
            position += 1
            continue
        deck = chunk
        if (
            position == 1
            and "headline" in fields
            and "subheadline" not in fields
            and len(deck) == 1
            and position + 1 < len(chunks)
            and len(deck[0].strip()) <= HEADLINE_LIMIT
            and not deck[0].strip().startswith("\\")
            and split_dateline(deck[0].strip()) is None
            and (
                all(read_header(line) for line in chunks[position + 1])
                or (  # a press release's deck over its dateline ("SAN JOSE, Calif. -- ...")
                    _may_be_deck(deck[0])
                    and split_dateline(chunks[position + 1][0].strip()) is not None
                )
            )
        ):
            _read_deck(deck[0], fields, extras, context, start)
            position += 1
            continue
        break
    return position


def _read_deck(
    line: str, fields: dict[str, Any], extras: dict[str, Any], context: Context, number: int | None
) -> None:
    """The line where a deck stands under the headline: the subheadline, unless it opens with
    "By" and reads as a byline all the same (:func:`.loose_byline`: "by anna berg", "By Staff
    Writer 3"), which is no deck."""
    byline = loose_byline(line) if line.lstrip()[:2] in ("By", "by", "BY") else None
    if byline is None:
        fields["subheadline"] = line.strip()
    else:
        apply_header(Header("byline", byline), fields, extras, context, number)


class _Taken:
    """The mark of a line that a byline split over lines took: read with the byline's first
    line, it is a header line with nothing of its own to apply."""


_TAKEN = _Taken()


def _chunk_headers(chunk: list[str]) -> list[Header | _Taken | None]:
    """The header line each line of a chunk is; a byline a browser copied over lines ("By", then
    the names, maybe the job title: :func:`.split_byline`) or one over the writer's job title or
    outlet, as wire copy sets it (:func:`.byline_over_title`), is read on its first line, its
    other lines marked :data:`_TAKEN`."""
    found: list[Header | _Taken | None] = []
    while len(found) < len(chunk):
        offset = len(found)
        split = split_byline(chunk[offset : offset + 3])
        if split is not None:
            found += [Header("byline", split[0]), *[_TAKEN] * (split[1] - 1)]
            continue
        header = read_header(chunk[offset])
        titled = (
            byline_over_title(cast("Byline", header.value), chunk[offset + 1])
            if header is not None and header.kind == "byline" and offset + 1 < len(chunk)
            else None
        )
        if titled is not None and read_header(chunk[offset + 1]) is None:
            found += [Header("byline", titled), _TAKEN]
        else:
            found.append(header)
    return found


def _web_fields(
    found: webcopy.Article, fields: dict[str, Any], extras: dict[str, Any], context: Context
) -> dict[str, Any]:
    """The fields of a web copy whose lines :func:`articlekit.prose.webcopy.find_article` sorted
    into headline, header lines, body, captions and page furniture."""
    lines = found.lines
    trail = None
    if found.headline is not None:
        headline = _headline_text(lines[found.headline])
        trail = webcopy.trail_and_title(lines[found.headline])
        if trail is not None:  # (the page's breadcrumb trail run into the headline)
            headline = _headline_text(trail[1])
        # (above the headline, where a page prints its title: a line below is another's)
        above = lines[: found.headline]
        fields["headline"] = webcopy.kicker_set_off(headline, above) or headline
    else:
        context.warn("no-headline", "no headline line found; the article has no headline")
    if found.deck is not None:
        fields["subheadline"] = " ".join(lines[found.deck].split())
    not_taken = []  # (header lines that gave the article nothing: reported with the furniture)
    for index in found.headers:
        header = found.header_values.get(index)
        if header is not None:
            if _byline_not_taken(header, fields):
                not_taken.append(index)
                continue  # (nor its outlet the article's source, nor its date the article's)
            settled = settled_header(header, lines[index].strip(), context, index + 1)
            apply_header(settled, fields, extras, context, index + 1)
    left_out = sorted([*found.removed, *not_taken, *found.credits])
    lines, credits = _split_credits(lines, found.credits)
    removed = [credits.get(index) or lines[index].strip() for index in left_out]
    first_removed = left_out[0] if left_out else None
    if trail is not None and found.headline is not None:
        removed.insert(0, trail[0])
        first_removed = min(found.headline, first_removed or found.headline)
    if removed and first_removed is not None:
        extras[REMOVED_KEY] = removed
        said = [*_under_headline(found, left_out), *credits.values()]
        _report_removed(removed, first_removed + 1, context, said)
    figures = sorted(
        (
            (min(index for index in pair if index is not None), _figure(lines, *pair))
            for pair in found.captions
        ),
        key=lambda placed: placed[0],
    )
    body_chunks = _chunks_at(lines, found.body, figures)
    _take_dateline(body_chunks, fields)
    fields["body"] = body_blocks(body_chunks, context)
    # (the page says no language: the -O language a corpus is known to be in does, else the
    # story's paragraphs, when clearly)
    language = context.language_of(lines[index] for index in found.body)
    if language is not None:
        fields.setdefault("language", language)
    if extras:
        fields["extras"] = extras
    return fields


def _split_credits(
    lines: Sequence[str], credited: dict[int, int]
) -> tuple[Sequence[str], dict[int, str]]:
    """``lines`` with the credits that close paragraphs (:attr:`.webcopy.Article.credits`) cut
    off, and the credits by line index (left out with the furniture, so that they are said)."""
    if not credited:
        return lines, {}
    kept, credits = list(lines), {}
    for index, length in credited.items():
        kept[index], credits[index] = _cut_credit(lines[index], length)
    return kept, credits


def _cut_credit(line: str, length: int) -> tuple[str, str]:
    """``line`` cut before its credit, which takes the last ``length`` characters of the line as
    the web-copy finder measured it (stripped, without its direction marks and embeddings: see
    :func:`_find_article`): the paragraph and the credit. The marks that closed the line close
    the paragraph (an RLM that kept its full stop on the right side, an embedding's PDF)."""
    end = len(line)
    while end and (line[end - 1].isspace() or line[end - 1] in BIDI_CONTROLS):
        end -= 1
    start, counted = end, 0
    while counted < length:
        start -= 1
        counted += line[start] not in BIDI_CONTROLS
    closing = "".join(mark for mark in line[end:] if mark in BIDI_CONTROLS)
    return line[:start].rstrip() + closing, line[start:end].strip()


def _byline_not_taken(header: Header, fields: dict[str, Any]) -> bool:
    """Whether :func:`apply_header` takes no one from a byline line because the article's byline
    was taken from another line: it credits people the authors lack (a related story's byline,
    names the page prints elsewhere), or no one. Such a line is not dropped unsaid."""
    if header.kind != "byline" or "byline" not in fields:
        return False
    byline = cast("Byline", header.value)
    if not byline.people:
        return byline.printed != cast("str", fields["byline"])
    if "authors" not in fields:
        return False  # (the article's byline named no one: this one's people are its authors)
    named = {person["name"] for person in fields["authors"]}
    return any(person["name"] not in named for person in byline.people)


def _headline_text(line: str) -> str:
    """The headline line's words, less a permalink sign a page prints after it ("Title¶")."""
    return " ".join(line.split()).rstrip("¶ ")


def _figure(lines: Sequence[str], caption: int | None, credit: int | None) -> PlainBlock:
    """The figure of a picture whose caption line and credit line (or one line holding both) a
    web copy kept; the picture itself is not in the copy."""
    figure: PlainBlock = {"type": "figure"}
    for index in dict.fromkeys(index for index in (caption, credit) if index is not None):
        found = read_caption(lines[index])
        text = " ".join(lines[index].split()) if found is None else found.caption
        if text and "caption" not in figure:
            figure["caption"] = [{"text": text}]
        if found is not None and found.credit:
            figure["credit"] = found.credit
    return figure


def _chunks_at(
    lines: Sequence[str], indexes: list[int], figures: Sequence[tuple[int, PlainBlock]] = ()
) -> list[list[str] | BodyBlock]:
    """Chunks of the kept lines: a blank line or a left-out line between two ends a chunk. The
    ``figures`` (each after the line it stands at) are placed among them."""
    chunks: list[list[str] | BodyBlock] = []
    waiting = list(reversed(figures))
    previous = -2
    for index in indexes:
        while waiting and waiting[-1][0] < index:
            chunks.append(waiting.pop()[1])
            previous = -2
        if index != previous + 1 or not chunks:
            chunks.append([])
        chunk = chunks[-1]
        assert isinstance(chunk, list)
        chunk.append(lines[index].rstrip())
        previous = index
    chunks.extend(figure for _, figure in reversed(waiting))
    return chunks


def _under_headline(found: webcopy.Article, left_out: list[int]) -> list[str]:
    """The lines left out between the headline and the first paragraph that look like header
    lines (:func:`_header_like`): a byline or a date the reader did not take, which a user must
    be able to see went."""
    if found.headline is None or not found.body:
        return []
    first = min(found.body)
    return [
        text
        for index in left_out
        if found.headline < index < first
        and _header_like(text := " ".join(found.lines[index].split()))
    ]


HEADER_LIKE_LIMIT = 80
"""Characters of the longest line named as a header line left out."""


def _header_like(text: str) -> bool:
    """A short line, no sentence nor known furniture, that holds a figure (a date, a time) or
    reads as a byline or a line of names."""
    return (
        len(text) <= HEADER_LIKE_LIMIT
        and not _ends_like_a_sentence(text)
        and furniture_kind(text) is None
        and any(map(str.isalpha, text))
        and (
            any(map(str.isdigit, text))
            or may_be_byline(text)
            or parse_byline(text, labelled=False) is not None
        )
    )


def _report_removed(
    removed: list[str], line: int, context: Context, said: Sequence[str] = ()
) -> None:
    """Say how many lines went, the first few, and ``said``: lines that may be the article's (a
    header line under the headline, a credit split off a paragraph), named whatever their
    place."""
    preview = "; ".join(removed[:PREVIEW_LINES]) + ("; ..." if len(removed) > PREVIEW_LINES else "")
    named = [text for text in dict.fromkeys(said) if text not in removed[:PREVIEW_LINES]]
    if named:
        more = "; ..." if len(named) > SAID_LINES else ""
        preview += "; among them: " + "; ".join(named[:SAID_LINES]) + more
    context.warn(
        "text-boilerplate-dropped",
        f"left out {counted(len(removed), 'line')} of web page furniture "
        f"(kept in extras['{REMOVED_KEY}']): {preview}",
        line=line,
    )


def _copied_alone(
    chunks: list[list[str]], lines: list[str], judged: list[str]
) -> webcopy.Article | None:
    """The reading of an article copied alone from a browser (headline to last paragraph), whose
    layout gave no headline: its headline, header lines and caption stand on lines in a row,
    often with a bit of the page among them ("Follow", the headline again) that the first
    chunk's layout does not allow. It is read as a web copy, and that reading kept when it takes
    the first line for the headline and finds a header line or a caption under it (a text of its
    own, a letter or an FAQ under a title, a story wrapped at a fixed width keep the layout's).
    ``judged``: the lines as the finder is to judge them (see :func:`_find_article`)."""
    first = chunks[0]
    if (
        len(first) < 2
        or not looks_like_headline(first[0])
        or _continues(first[0], first[1])
        or _layout(chunks[1:], False)[0]
    ):
        return None
    found = _find_article(lines, judged, headline_first=True)
    return found if found is not None and _header_under_headline(found, lines) else None


def _find_article(
    lines: list[str], judged: list[str], *, headline_first: bool = False
) -> webcopy.Article | None:
    """:func:`.webcopy.find_article` of the ``judged`` lines (``lines`` less their direction
    marks, embeddings and isolates, which show nothing and must not change how a line is
    judged: an RLM after a line's full stop would hide its sentence end), the article's text
    taken from ``lines``, which keep them."""
    found = webcopy.find_article(judged, headline_first=headline_first)
    if found is not None:
        found.lines = lines
    return found


def _header_under_headline(found: webcopy.Article, lines: Sequence[str]) -> bool:
    """Whether a header line or a caption stands among the lines in a row under the headline
    (not merely somewhere in the text: "Source: Reuters" under a wrapped story)."""
    assert found.headline is not None
    end = found.headline
    while end + 1 < len(lines) and lines[end + 1].strip():
        end += 1
    placed = [
        *found.headers,
        *(index for pair in found.captions for index in pair if index is not None),
    ]
    return any(found.headline < index <= end for index in placed)


def _continues(first: str, second: str) -> bool:
    """Whether the second line of a text goes on with the sentence of the first: a paragraph
    wrapped at a fixed width (a long first line; a second line in lower case, after an opening
    bracket or quote, that ends the sentence or is as long as a wrapped line), not a header line
    ("by Jane Doe", "von jdoe")."""
    first, second = first.strip(), second.strip()
    return (
        second.lstrip(_OPENING_MARKS)[:1].islower()
        and len(first) >= WRAPPED_LINE
        and (second.endswith((".", "!", "?")) or 2 * len(second) >= len(first))
        and read_header(second) is None
    )


_OPENING_MARKS = "([{\"'“‘«„"
"""Marks that may open the rest of a wrapped sentence ("(after costs) were ...")."""
WRAPPED_LINE = 40
"""The first line of a paragraph wrapped at a fixed width is this long at least."""


FLAGS_KEY = "text:flags"
"""Extras key of the handling lines printed above the headline ("FOR IMMEDIATE RELEASE",
"EMBARGOED UNTIL ...", "URGENT"), as printed."""


_NOTE = lazy_pattern(r"^[^\W\d_]+:\s")
"""A note's label ("Editor: ...", "Eds: ...")."""


def one_sentence_deck(line: str) -> bool:
    """A line over header lines under the headline that reads as its deck: a headline's length,
    one sentence at most, no caption, note or dateline."""
    text = line.strip()
    return (
        2 <= len(text) <= HEADLINE_LIMIT
        and not text.startswith(("\\", "(", "["))
        and ". " not in text
        and _NOTE.match(text) is None
        and read_caption(text) is None
        and split_dateline(text) is None
    )


def _may_be_deck(line: str) -> bool:
    """A line over the dateline that reads as a deck: no sentence, caption (a picture's credit in
    brackets at its end), bracketed wire note ("(Adds analyst comment)") or labelled note
    ("Editor: please note ...")."""
    text = line.strip()
    return (
        looks_like_headline(text)
        and not text.startswith(("(", "["))
        and not text.endswith((")", "]"))
        and ". " not in text
        and _NOTE.match(text) is None
        and read_caption(text) is None
    )


def _below_first(found: webcopy.Article) -> bool:
    """Whether the finder put the headline below the text's first line (or found none): only
    then may flag lines open the text (most texts: their first line is the headline)."""
    return found.headline is None or found.headline != _first_after(found.lines, 0)


def _first_after(lines: Sequence[str], start: int) -> int | None:
    """The index of the first line from ``start`` that is not blank."""
    return next((index for index in range(start, len(lines)) if lines[index].strip()), None)


def _opening_flags(lines: list[str], *, placed: bool = False) -> list[bool]:
    """Whether each line, up to the last flag line of those that open the text (blank lines
    between them too), is one (``placed`` as for :func:`.is_flag_line`: the lines stand over a
    headline). Empty when the text opens with no flag line (most texts: its first line alone
    is looked at)."""
    opening: list[bool] = []
    for line in lines:
        if line.strip() and not is_flag_line(line, placed=placed):
            break
        opening.append(bool(line.strip()))
    while opening and not opening[-1]:
        opening.pop()
    return opening


def _flags_over_headline(lines: list[str]) -> list[bool]:
    """:func:`_opening_flags` of a plain text, where lines set apart over the rest (a blank line
    under them) stand over a headline, placed: a hold in a headline's words ("Embargo jusqu'à
    nouvel ordre") is one there, but a headline still over its deck, no blank line between."""
    placed = _opening_flags(lines, placed=True)
    if len(placed) < len(lines) and lines[len(placed)].strip():
        return _opening_flags(lines)
    return placed


def _flags_of(lines: list[str], flagged: list[bool]) -> tuple[list[str], list[int]]:
    """The flag lines :func:`_opening_flags` found (``flagged``), as printed, and the number of
    the line each stands on."""
    found = [(lines[index].strip(), index + 1) for index, flag in enumerate(flagged) if flag]
    return [flag for flag, _ in found], [number for _, number in found]


def _under_flags(
    chunks: list[list[str]], starts: list[int] | None, flags: int
) -> tuple[list[list[str]], list[int] | None]:
    """The chunks below the ``flags`` lines of handling that open them (whole chunks of them,
    then the leading lines of the next; and their first lines' numbers): with none (most texts),
    the chunks themselves, not copied."""
    if not flags:
        return chunks, starts
    whole = 0
    while whole < len(chunks) and len(chunks[whole]) <= flags:
        flags -= len(chunks[whole])
        whole += 1
    chunks, starts = chunks[whole:], starts and starts[whole:]
    if not flags or not chunks:
        return chunks, starts
    return [chunks[0][flags:], *chunks[1:]], starts and [starts[0] + flags, *starts[1:]]


def _read_flags_under(
    chunks: list[list[str]],
    position: int,
    fields: dict[str, Any],
    extras: dict[str, Any],
    context: Context,
    starts: list[int] | None,
) -> int:
    """Read a chunk of flag lines right under the headline ("EMBARGOED UNTIL ...", a wire's
    "Sperrfrist: ..." under its headline) as flags, not as the deck or the first paragraph (the
    story went out unembargoed); returns the position after it. ``starts`` as for
    :func:`_read_header_chunks`."""
    if position + 1 >= len(chunks) or not all(map(is_flag_line, chunks[position])):
        return position
    flags = [line.strip() for line in chunks[position]]
    start = None if starts is None else starts[position]
    extras[FLAGS_KEY] = [*extras.get(FLAGS_KEY, []), *flags]
    read_flags(flags, fields, context, start)
    return position + 1


def _nth(start: int | None, offset: int) -> int | None:
    return None if start is None else start + offset


def _read_slug_and_headline(
    chunks: list[list[str]],
    fields: dict[str, Any],
    extras: dict[str, Any],
    context: Context,
    starts: list[int] | None,
) -> tuple[list[list[str]], list[int] | None, int]:
    """:func:`_read_headline`, under a wire slug on the first line (:data:`_SLUG`), which is
    then the article's slugline, as a wire envelope's slug is; the chunks it read (without the
    slug's line), their first lines' numbers and the chunks it consumed. Most texts open with
    no slug: one look at the first line."""
    first = chunks[0]
    if "-" in first[0] and _SLUG.match(first[0].strip()) is not None:
        rest = [first[1:], *chunks[1:]] if len(first) > 1 else chunks[1:]
        rest_starts = starts and ([starts[0] + 1, *starts[1:]] if len(first) > 1 else starts[1:])
        consumed = _read_headline(rest, fields, extras, context, rest_starts) if rest else 0
        if consumed:  # (a slug's shape over no headline: the text's own first line)
            fields["slugline"] = first[0].strip()
            return rest, rest_starts, consumed
    return chunks, starts, _read_headline(chunks, fields, extras, context, starts)


def _read_headline(
    chunks: list[list[str]],
    fields: dict[str, Any],
    extras: dict[str, Any],
    context: Context,
    starts: list[int] | None,
) -> int:
    """Take the headline (and subheadline, byline) from the first chunk; return chunks consumed
    (``starts`` as for :func:`_read_header_chunks`). Its header lines are warned about only
    once it is taken (the chunk may then be read again as header lines)."""
    first = chunks[0]
    line = first[0].strip()
    if len(chunks) < 2 or not looks_like_headline(line) or read_header(line) is not None:
        return 0
    if starts_like_media(line):  # a figure or table first: the text has no headline
        return 0
    rest = first[1:]
    if rest and split_dateline(rest[0].strip()) is not None:
        # the story's first paragraph right under the headline, opened by its dateline
        # ("WESTCLIFF — The harbour board ..."): the headline is a chunk of its own
        chunks[0:1] = [[first[0]], rest]
        if starts is not None:
            starts[0:1] = [starts[0], starts[0] + 1]
        fields["headline"] = line
        return 1
    subheadline: list[str] = []
    headers: list[tuple[Header, str, int | None]] = []
    start = None if starts is None else starts[0]
    for offset, (extra, header) in enumerate(zip(rest, _chunk_headers(rest), strict=True), 1):
        if isinstance(header, _Taken):
            continue
        if header is not None:
            headers.append((header, extra.strip(), _nth(start, offset)))
        elif (
            not headers
            and not subheadline
            and (not extra.strip()[:1].islower() or loose_byline(extra) is not None)
            and (
                looks_like_headline(extra)
                # (a sentence, as the text writer prints a deck: over header lines only, which
                # a hard-wrapped first paragraph never stands over)
                or (one_sentence_deck(extra) and all(map(read_header, chunks[1])))
            )
        ):
            subheadline.append(extra.strip())
        else:
            return 0
    fields["headline"] = line
    if subheadline:  # (the line right under the headline)
        _read_deck(subheadline[0], fields, extras, context, _nth(start, 1))
    for header, text, number in headers:
        apply_header(settled_header(header, text, context, number), fields, extras, context, number)
    return 1


def apply_header(
    header: Header,
    fields: dict[str, Any],
    extras: dict[str, Any] | None = None,
    context: Context | None = None,
    line: int | None = None,
) -> None:
    """Put what a header line (``line`` of the input, when known) says into the article's
    fields (and extras: relative dates and reading times, which have no field)."""
    kind, value = header.kind, header.value
    if kind == "several":
        for part in value:  # type: ignore[attr-defined]
            apply_header(part, fields, extras, context, line)
    elif kind == "byline":
        assert isinstance(value, Byline)
        byline = fields.setdefault("byline", value.printed)
        # (the people of the article's own byline: a second byline line, under one that names
        # no one, "By Desk =", credits what the byline does not say)
        if value.people and "authors" not in fields and byline == value.printed:
            fields["authors"] = value.people
        if value.organisation and "source" not in fields:
            fields["source"] = {"name": value.organisation}
        if value.date_text:
            _byline_date(value.date_text, fields, extras, context, line)
        if value.contributors and extras is not None:
            _add_contributors(extras, value.contributors)
    elif kind == "source":
        fields["source"] = {"name": value}
    elif kind == "source_date":
        source, published = cast("tuple[str, Any]", value)
        fields["source"] = {"name": source}
        fields.setdefault("published", published)
    elif kind == "published":
        fields.setdefault("published", value)
    elif kind == "updated":
        fields["updated"] = value
    elif kind == "relative" and extras is not None:
        extras.setdefault("text:relative_date", value)
        if context is not None:
            context.warn(
                "date-relative",
                f"{value!r} is a date relative to when the page was read; kept as text in "
                "extras['text:relative_date']",
                line=line,
            )
    elif kind == "reading_time" and extras is not None:
        extras.setdefault("text:reading_time", value)
    elif kind == "contributor" and extras is not None:
        _add_contributors(extras, [cast("str", value)])


def _add_contributors(extras: dict[str, Any], credits: Sequence[str]) -> None:
    """People credited for other work than the writing ("Edited by ...", "Jane Doe
    (photography)"), kept in extras."""
    contributors = extras.setdefault("text:contributors", [])
    for credit in credits:
        if credit not in contributors:
            contributors.append(credit)


_SHORT_AGO = lazy_pattern(r"^\d{1,3}\s?(?:h|hr|hrs|d|w|mo)$")
"""How long ago a post was made, as a byline ends with it ("Jane Doe • 8h"): a relative date."""


def _byline_date(
    text: str,
    fields: dict[str, Any],
    extras: dict[str, Any] | None,
    context: Context | None,
    line: int | None,
) -> None:
    """The date a byline ends with ("By A — November 18, 2019") is the publication date; one
    that cannot be read is warned about, as a labelled date line is (it is in no field)."""
    found = read_header(text)
    if (found is None or found.kind == "byline") and _SHORT_AGO.match(text) is not None:
        found = Header("relative", text)
    if found is None or found.kind == "byline":
        if context is not None:
            _unparsed(text, context, line)
        return
    if context is not None:
        found = settled_header(found, text, context, line)
    apply_header(found, fields, extras, context, line)


def _apply_wire_byline(lines: list[str], fields: dict[str, Any]) -> None:
    """ANPA: "By NAME" then an optional title line ("AP Sports Writer")."""
    first = lines[0]
    names = byline_names(first)
    if names is None:
        return
    title = lines[1] if len(lines) > 1 else None
    fields["byline"] = f"{first}, {title}" if title else first
    fields["authors"] = authors_from_byline(names, title)


def _take_dateline(
    chunks: list[list[str]] | list[list[str] | BodyBlock], fields: dict[str, Any]
) -> None:
    """Move the dateline opening the first paragraph (a figure may come before it) into its
    own field."""
    position = next((place for place, chunk in enumerate(chunks) if isinstance(chunk, list)), None)
    if position is None:
        return
    chunk = chunks[position]
    assert isinstance(chunk, list)
    first = chunk[0].strip()
    if first.startswith("\\") or (
        _may_open_structure(first[:1])  # (else none of the patterns can match)
        and (
            _HEADING.match(first)
            or _QUOTE.match(first)
            or _BULLET.match(first)
            or _NUMBER.match(first)
        )
    ):
        return
    found = split_dateline(first)
    if found is None:
        return
    dateline, rest = found
    fields["dateline"] = dateline_fields(dateline)
    if rest.strip():
        chunk[0] = rest
    elif len(chunk) > 1:
        del chunk[0]
    else:
        del chunks[position]


def _cut_boilerplate(
    chunks: list[list[str]], lines: list[str], extras: dict[str, Any], context: Context
) -> list[list[str]]:
    """Remove web page furniture from the end of the body, keep it in extras and say (where)
    what went. (The lines are paired with their chunks only when some go: most bodies end with
    a paragraph, where the look back from the end stops.)"""
    start = boilerplate.trailing_start([line for chunk in chunks for line in chunk])
    if start is None or start == 0:
        return chunks
    flat = [(index, line) for index, chunk in enumerate(chunks) for line in chunk]
    dropped = [line.strip() for _, line in flat[start:]]
    first_line = next(
        (number for number in range(len(lines), 0, -1) if lines[number - 1].strip() == dropped[0]),
        1,
    )
    extras[REMOVED_KEY] = dropped
    _report_removed(dropped, first_line, context)
    result: list[list[str]] = []
    current_chunk = -1
    for index, line in flat[:start]:
        if index != current_chunk:
            result.append([])
            current_chunk = index
        result[-1].append(line)
    return result


def _cut_end_mark(
    chunks: list[list[str]],
    lines: list[str],
    extras: dict[str, Any],
    context: Context,
    framed: bool,
    line_per_paragraph: bool,
) -> list[list[str]]:
    """The body's chunks less the end mark on the last line, a paragraph of its own
    (:data:`_END_MARK`; each line is one in ANPA's text), kept in extras and reported (on its
    line, unless the text is a wire envelope's)."""
    if (
        not chunks
        or (len(chunks[-1]) != 1 and not line_per_paragraph)
        or _END_MARK.match(chunks[-1][-1].strip()) is None
    ):
        return chunks
    mark = chunks[-1][-1].strip()
    extras[END_MARK_KEY] = mark
    line = (
        None
        if framed
        else next(
            (number for number in range(len(lines), 0, -1) if lines[number - 1].strip()), None
        )
    )
    context.warn(
        "text-end-mark-cut",
        f"left out the end mark {mark!r} (kept in extras['{END_MARK_KEY}'])",
        line=line,
    )
    return chunks[:-1] if len(chunks[-1]) == 1 else [*chunks[:-1], chunks[-1][:-1]]


def _cut_wire_trailer(
    chunks: list[list[str]], extras: dict[str, Any], context: Context
) -> list[list[str]]:
    """Move an editors' notebook and the editors' sign-off line out of the body."""
    for index, chunk in enumerate(chunks):
        if _NOTEBOOK.match(chunk[0].strip()):
            notebook = "\n\n".join(
                "\n".join(line.strip() for line in part) for part in chunks[index:]
            )
            extras["text:notebook"] = notebook
            context.warn(
                "text-notebook-moved",
                "an editors' notebook (not for publication) was moved to extras['text:notebook']",
            )
            chunks = chunks[:index]
            break
    if chunks and len(chunks[-1]) == 1 and _SIGNOFF.match(chunks[-1][0].strip()):
        extras["text:signoff"] = chunks[-1][0].strip()
        chunks = chunks[:-1]
    return chunks
