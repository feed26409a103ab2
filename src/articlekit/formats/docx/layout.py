"""The paragraph layout: an article as the flat run of styled paragraphs Word shows, and back.

Word has no nested blocks, only paragraphs with a style, numbering and indentation. Both
directions go through :class:`Para`, one paragraph each:

* :func:`flatten` lays an article out (the writer renders exactly these paragraphs);
* the reader (:mod:`.body`) turns every paragraph of any .docx into a ``Para``;
* :func:`assemble` turns paragraphs back into the article's printed fields and body.

Because the writer's paragraphs are data, the reader can check an embedded article cheaply and
exactly: the document still shows what articlekit wrote when ``flatten(embedded)`` equals the
paragraphs read (see :mod:`.embedded`). How the article is laid out:

==================  ===============================================================
Title, Subtitle     headline, subheadline
Byline, Dateline    byline as printed; dateline as ``PLACE, DATE (AGENCY) —``
Normal              paragraphs
Heading 1-6         headings
Quote               quotes; depth 2 and more indented by half an inch a level
List Bullet/Number  list items: ``w:numPr`` with one numbering instance per list, the level
                    is the nesting depth (Word has levels 0-8)
List Continue       further paragraphs of a list item, indented to the item's level
==================  ===============================================================

What Word cannot show (a heading or list inside a quote, a quote inside a list, two quotes in a
row, lists nested deeper than nine levels) is laid out as well as it can be and reported; the
embedded article keeps it exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from articlekit.model import Article, Block, Heading, List, ListItem, Paragraph, Quote, Span
from articlekit.prose import dates
from articlekit.prose.byline import byline_names
from articlekit.prose.dateline import (
    PrintedDateline,
    dateline_fields,
    format_dateline,
    read_printed,
    split_dateline,
)
from articlekit.registry import Context

Run = tuple[str, bool, bool, str | None]
"""Text, bold, italic, link target."""

HEADER_ROLES = frozenset({"title", "subtitle", "byline", "dateline", "author", "date", "abstract"})
MAX_LIST_LEVEL = 8
_NOT_XML = re.compile("[\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class Para:
    """One paragraph as Word shows it."""

    role: str
    """``title``, ``subtitle``, ``byline``, ``dateline``, ``author``, ``date``, ``abstract``,
    ``heading``, ``quote``, ``item``, ``continue`` (an item's further paragraph), ``indented``
    (body text indented like a quote) or ``body``."""
    runs: tuple[Run, ...]
    level: int = 0
    """Heading level; quote depth (from 1); list level of an item or continuation (from 0)."""
    list_id: int = 0
    """Items: which list, numbered in order of first appearance."""
    ordered: bool = False

    @property
    def text(self) -> str:
        return "".join(run[0] for run in self.runs)


def plain(text: str) -> tuple[Run, ...]:
    return ((text, False, False, None),)


# --- article → paragraphs -----------------------------------------------------------------------


class Flattener:
    """Lays an article out as paragraphs, noting what Word cannot show."""

    def __init__(self) -> None:
        self.paras: list[Para] = []
        self.lost: list[str] = []
        self.replaced = 0
        self._ids: dict[int, int] = {}

    def article(self, article: Article) -> list[Para]:
        for role, value in (
            ("title", article.headline),
            ("subtitle", article.subheadline),
            ("byline", article.byline),
        ):
            if value is not None:
                self.paras.append(Para(role, plain(self._clean(value))))
        if article.dateline is not None:
            printed = PrintedDateline(
                article.dateline.place, article.dateline.date_text, article.dateline.agency
            )
            self.paras.append(Para("dateline", plain(self._clean(format_dateline(printed)))))
        self.blocks(article.body, quote=0, depth=-1)
        return self.paras

    def blocks(self, blocks: list[Block], quote: int, depth: int) -> None:
        """``quote``: quote depth around the blocks; ``depth``: list level (-1 outside lists)."""
        previous: Block | None = None
        for block in blocks:
            if isinstance(block, Paragraph):
                role = "quote" if quote else "body"
                self.paras.append(Para(role, self._runs(block.content), quote))
            elif isinstance(block, Heading):
                if quote or depth >= 0:
                    self._lose("a heading inside a quote or list shows as an ordinary heading")
                self.paras.append(Para("heading", self._runs(block.content), block.level))
            elif isinstance(block, Quote):
                if isinstance(previous, Quote):
                    self._lose("two quotes in a row show as one")
                if depth >= 0:
                    self._lose("a quote inside a list item ends the list")
                self.blocks(block.blocks, quote + 1, depth)
            elif isinstance(block, List):
                if quote:
                    self._lose("a list inside a quote shows outside the quote")
                self.list_block(block, quote, depth + 1)
            previous = block

    def list_block(self, block: List, quote: int, depth: int) -> None:
        if depth > MAX_LIST_LEVEL:
            self._lose(f"lists nested deeper than {MAX_LIST_LEVEL + 1} levels show less deep")
        level = min(depth, MAX_LIST_LEVEL)
        for item in block.items:
            first, *rest = item.blocks
            if isinstance(first, Paragraph):
                list_id = self._ids.setdefault(id(block), len(self._ids) + 1)
                runs = self._runs(first.content)
                self.paras.append(Para("item", runs, level, list_id, block.ordered))
            else:
                self._lose("a list item that does not start with a paragraph loses its marker")
                rest = item.blocks
            for inner in rest:
                if isinstance(inner, Paragraph):
                    self.paras.append(Para("continue", self._runs(inner.content), level))
                elif isinstance(inner, List):
                    self.list_block(inner, quote, depth + 1)
                else:
                    self.blocks([inner], quote, depth)

    def _runs(self, spans: list[Span]) -> tuple[Run, ...]:
        return tuple(
            (self._clean(span.text), span.strong, span.emphasis, span.link) for span in spans
        )

    def _clean(self, text: str) -> str:
        """XML 1.0 cannot hold U+FFFE and U+FFFF; Word shows U+FFFD instead."""
        if "\ufffe" in text or "\uffff" in text:
            text, count = _NOT_XML.subn("\ufffd", text)
            self.replaced += count
        return text

    def _lose(self, what: str) -> None:
        if what not in self.lost:
            self.lost.append(what)


def flatten(article: Article) -> list[Para]:
    """The paragraphs the writer renders for ``article``."""
    return Flattener().article(article)


# --- paragraphs → article ------------------------------------------------------------------------


def spans_of(runs: tuple[Run, ...]) -> list[Span]:
    return [
        Span(text=text, strong=strong, emphasis=emphasis, link=link)
        for text, strong, emphasis, link in runs
    ]


def assemble(paras: list[Para], context: Context, *, guess: bool) -> dict[str, Any]:
    """The printed fields (headline, byline, dateline, ...) and body that paragraphs show.

    Header paragraphs are read while they last: styled ones always; when ``guess`` is true (a
    document that articlekit did not lay out) also a "By ..." paragraph, and a headline from a
    leading Heading 1 or a short first paragraph followed by more text; then a dateline opening
    the first body paragraph. The result holds model field values plus ``author_names`` (the
    Author-style paragraphs).
    """
    fields: dict[str, Any] = {}
    author_names: list[str] = []
    summary: list[str] = []
    index = 0
    while index < len(paras):
        para = paras[index]
        text = " ".join(para.text.split())
        if para.role == "author":
            author_names.append(text)
        elif para.role == "abstract":
            summary.append(text)
        elif para.role in HEADER_ROLES and _header_field(para.role) not in fields:
            _read_header(para.role, text, fields, context)
        elif guess and _guessed_header(para, paras[index + 1 :], fields):
            pass
        else:
            break
        index += 1
    body = paras[index:]
    if guess and "dateline" not in fields and body and body[0].role == "body":
        body = _take_dateline(body, fields)
    if summary:
        fields["summary"] = "\n\n".join(summary)
    fields["author_names"] = author_names
    fields["body"] = build_body(body)
    return fields


def _header_field(role: str) -> str:
    return {"title": "headline", "subtitle": "subheadline", "date": "published"}.get(role, role)


def _read_header(role: str, text: str, fields: dict[str, Any], context: Context) -> None:
    if role == "title":
        fields["headline"] = text
    elif role == "subtitle":
        fields["subheadline"] = text
    elif role == "byline":
        fields["byline"] = text
    elif role == "dateline":
        dateline = read_dateline(text)
        if dateline:
            fields["dateline"] = dateline
    elif role == "date":
        parsed = dates.parse_date(text)
        if parsed is None:
            context.warn("date-unparsed", f"the Date paragraph {text!r} is not a date; left out")
            return
        fields["published"] = (
            dates.zoned(parsed.naive, text, "the Date paragraph", context)
            if parsed.naive is not None
            else parsed.value
        )


def _guessed_header(para: Para, following: list[Para], fields: dict[str, Any]) -> bool:
    """A "By ..." paragraph as byline, or the headline of a document without a Title."""
    text = para.text.strip()
    if para.role == "body" and "byline" not in fields and byline_names(text) is not None:
        fields["byline"] = " ".join(text.split())
        return True
    if fields.keys() & {"headline", "subheadline", "byline"}:
        return False
    if (para.role == "heading" and para.level == 1) or (
        para.role == "body" and following and _looks_like_headline(text)
    ):
        fields["headline"] = " ".join(text.split())
        return True
    return False


def _looks_like_headline(text: str) -> bool:
    from articlekit.formats.text.parse import looks_like_headline

    return looks_like_headline(text)


def read_dateline(text: str) -> dict[str, str] | None:
    """A Dateline paragraph (``PLACE, DATE (AGENCY) —``): the shared dateline rules first, else
    everything before the agency is the place (the paragraph style already says it is one)."""
    printed = read_printed(text)
    return (dateline_fields(printed) or None) if printed is not None else None


def _take_dateline(body: list[Para], fields: dict[str, Any]) -> list[Para]:
    """Move a dateline opening the first paragraph into its own field (shared rules)."""
    first = body[0]
    found = split_dateline(first.text)
    if found is None:
        return body
    dateline, rest = found
    fields["dateline"] = dateline_fields(dateline)
    cut = len(first.text) - len(rest)
    runs: list[Run] = []
    for text, strong, emphasis, link in first.runs:
        if cut >= len(text):
            cut -= len(text)
            continue
        runs.append((text[cut:], strong, emphasis, link))
        cut = 0
    if not "".join(run[0] for run in runs).strip():
        return body[1:]
    return [Para(first.role, tuple(runs), first.level), *body[1:]]


def build_body(paras: list[Para]) -> list[Block]:
    """Blocks from body paragraphs: runs of quote paragraphs nest by depth, list items by level."""
    out: list[Block] = []
    lists = _Lists(out)
    index = 0
    while index < len(paras):
        para = paras[index]
        if para.role == "item":
            lists.item(para)
        elif para.role in ("continue", "indented") and lists.open:
            lists.further(para)
        elif para.role in ("quote", "indented"):
            lists.close()
            end = index
            while end < len(paras) and paras[end].role in ("quote", "indented"):
                end += 1
            out.append(Quote(blocks=_quoted(paras[index:end], 1)))
            index = end
            continue
        else:
            lists.close()
            if para.role == "heading":
                out.append(Heading(level=para.level, content=spans_of(para.runs)))
            else:
                out.append(Paragraph(content=spans_of(para.runs)))
        index += 1
    lists.close()
    return out


def _quoted(paras: list[Para], depth: int) -> list[Block]:
    blocks: list[Block] = []
    index = 0
    while index < len(paras):
        if _depth(paras[index]) > depth:
            end = index
            while end < len(paras) and _depth(paras[end]) > depth:
                end += 1
            blocks.append(Quote(blocks=_quoted(paras[index:end], depth + 1)))
            index = end
        else:
            blocks.append(Paragraph(content=spans_of(paras[index].runs)))
            index += 1
    return blocks


def _depth(para: Para) -> int:
    return max(para.level, 1) if para.role == "quote" else 1


@dataclass
class _OpenList:
    level: int
    list_id: int
    ordered: bool
    items: list[list[Block]]


class _Lists:
    """The lists being built: one open list per nesting level."""

    def __init__(self, out: list[Block]) -> None:
        self.out = out
        self.stack: list[_OpenList] = []

    @property
    def open(self) -> bool:
        return bool(self.stack)

    def item(self, para: Para) -> None:
        while self.stack and self.stack[-1].level > para.level:
            self._pop()
        top = self.stack[-1] if self.stack else None
        if (
            top is not None
            and top.level == para.level
            and (top.list_id, top.ordered) != (para.list_id, para.ordered)
        ):
            self._pop()
            top = self.stack[-1] if self.stack else None
        if top is None or top.level < para.level:
            self.stack.append(_OpenList(para.level, para.list_id, para.ordered, []))
        self.stack[-1].items.append([Paragraph(content=spans_of(para.runs))])

    def further(self, para: Para) -> None:
        """A further paragraph of the last item at the paragraph's level (or the deepest)."""
        if para.role == "continue":
            while len(self.stack) > 1 and self.stack[-1].level > para.level:
                self._pop()
        self.stack[-1].items[-1].append(Paragraph(content=spans_of(para.runs)))

    def close(self) -> None:
        while self.stack:
            self._pop()

    def _pop(self) -> None:
        done = self.stack.pop()
        block = List(ordered=done.ordered, items=[ListItem(blocks=item) for item in done.items])
        if self.stack:
            self.stack[-1].items[-1].append(block)
        else:
            self.out.append(block)
