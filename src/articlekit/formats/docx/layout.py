"""The paragraph layout: an article as the flat run of styled paragraphs Word shows, and back.

Word has no nested blocks, only paragraphs with a style, numbering and indentation, pictures in
paragraphs, and tables whose cells hold paragraphs again. Both directions go through the same
items: :class:`Para` (one paragraph), :class:`~.pictures.Picture` (one picture) and :class:`Grid`
(one table, its cells holding items):

* :func:`flatten` lays an article out (the writer renders exactly these items);
* the reader (:mod:`.body`) turns every paragraph, picture and table of any .docx into items;
* :func:`assemble` turns items back into the article's printed fields, body and lead media.

Because the writer's items are data, the reader can check an embedded article cheaply and
exactly: the document still shows what articlekit wrote when ``flatten(embedded)`` equals the
items read (see :mod:`.embedded`). How the article is laid out:

==================  ===============================================================
Title, Subtitle     headline, subheadline
Byline              byline as printed
Source Line         source and publication date, as the text writer prints them:
                    ``Orinoco Tribune, October 6, 2023`` (``Source: ...``,
                    ``Published: ...`` when only one is known)
Lead Picture        featured media: the picture, then its caption and credit
Dateline            dateline as ``PLACE, DATE (AGENCY) —``
Normal              paragraphs; a paragraph holding a picture (figures)
Caption, Credit     a figure's caption (below the picture) and credit line; alone, the
                    figure has no picture Word can show (read back as such a figure)
Table Caption       a table's caption, above it
Table Heading       the paragraphs of header cells; leading header rows also repeat
                    (``w:tblHeader``); spans as ``w:gridSpan`` and ``w:vMerge``
Heading 1-6         headings
Quote               quotes; depth 2 and more indented by half an inch a level
List Bullet/Number  list items: ``w:numPr`` with one numbering instance per list, the level
                    is the nesting depth (Word has levels 0-8)
List Continue       further paragraphs of a list item, indented to the item's level
==================  ===============================================================

Reading other documents, a caption is the ``Caption`` (or ``Image Caption``, ``Table Caption``)
paragraph beside a picture or table: below a picture, above a table, else on the other side; a
caption ending in a credit (``... Photo: Jane Doe/AP``) and a ``wp:docPr`` title that is one give
the figure's credit.

What Word cannot show (a heading or list inside a quote, a quote inside a list, two quotes in a
row, lists nested deeper than nine levels, a figure or table inside a quote or list, merged cells
that overlap) is laid out as well as it can be and reported; the embedded article keeps it
exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple, TypeAlias, cast

from articlekit._text import counted, lazy_pattern
from articlekit.formats.docx.pictures import Picture, credit_line, shown
from articlekit.model import (
    MAX_CAPTION_LENGTH,
    MAX_NESTING,
    Article,
    Block,
    Figure,
    Heading,
    List,
    ListItem,
    Media,
    Paragraph,
    Quote,
    Rendition,
    Span,
    Table,
    TableCell,
    TableRow,
    iter_blocks,
)
from articlekit.model import _depth as nesting_depth
from articlekit.prose import dates
from articlekit.prose.byline import byline_names
from articlekit.prose.captions import read_caption
from articlekit.prose.dateline import (
    PrintedDateline,
    dateline_fields,
    format_dateline,
    read_printed,
    split_dateline,
)
from articlekit.prose.headers import (
    Header,
    flags_above,
    holds_story,
    is_flag_line,
    read_flags,
    read_header,
)
from articlekit.registry import Context

if TYPE_CHECKING:  # (tables are imported by the first article that has one)
    from articlekit.formats.docx.tables import Placement

Run = tuple[str, bool, bool, str | None]
"""Text, bold, italic, link target."""

HEADER_ROLES = frozenset(
    {"title", "subtitle", "byline", "source", "dateline", "author", "date", "abstract"}
)
CAPTION_ROLES = frozenset({"caption", "figurecaption", "tablecaption", "credit"})
INLINE_CELL_ROLES = frozenset({"body", "cellhead"})
"""Roles of a paragraph that is a cell's whole inline content."""
MAX_CREDIT = 1000
MAX_LIST_LEVEL = 8
_NOT_XML = lazy_pattern("[\ufffe\uffff]")


class Para(NamedTuple):
    """One paragraph as Word shows it. A named tuple rather than a frozen dataclass: a document
    makes one for each paragraph, read and laid out, and a tuple is made and compared several
    times faster (it never equals an item of another kind: pictures and tables are dataclasses,
    and a run has four fields)."""

    role: str
    """``title``, ``subtitle``, ``byline``, ``source``, ``dateline``, ``author``, ``date``,
    ``abstract``, ``heading``, ``quote``, ``item``, ``continue`` (an item's further paragraph),
    ``indented`` (body text indented like a quote), ``caption``, ``figurecaption``,
    ``tablecaption``, ``credit``, ``cellhead`` (in a header cell), ``lead`` (holding a lead
    picture) or ``body``."""
    runs: tuple[Run, ...]
    level: int = 0
    """Heading level; quote depth (from 1); list level of an item or continuation (from 0)."""
    list_id: int = 0
    """Items: which list, numbered in order of first appearance."""
    ordered: bool = False
    number: int = 1
    """Items of numbered lists: the number the item shows (1 for bulleted ones)."""

    @property
    def text(self) -> str:
        runs = self.runs
        return runs[0][0] if len(runs) == 1 else "".join([run[0] for run in runs])


_para = partial(tuple.__new__, Para)
"""A :class:`Para` from all its fields in order: about half the cost of calling the class (a
named tuple's ``__new__`` is a Python function, with defaults to fill in)."""


def plain(text: str) -> tuple[Run, ...]:
    return ((text, False, False, None),)


@dataclass(frozen=True, slots=True)
class GridCell:
    """One cell of a table as Word shows it (merged-away cells left out)."""

    items: tuple[Item, ...]
    colspan: int = 1
    rowspan: int = 1
    header: bool = False


@dataclass(frozen=True, slots=True)
class Grid:
    """One table as Word shows it: rows of cells, spans resolved."""

    rows: tuple[tuple[GridCell, ...], ...]
    title: str | None = field(default=None, compare=False)
    """``w:tblCaption`` (Word's alt-text title of the table)."""
    placement: Placement | None = field(default=None, compare=False)
    """The writer's layout on Word's grid (continuation and filler cells)."""
    header_rows: int = field(default=0, compare=False)
    """The writer's leading header rows (repeated on each page)."""


Item: TypeAlias = Para | Picture | Grid
"""One thing the body shows: a paragraph, a picture, a table."""


def texts(items: list[Item] | tuple[Item, ...]) -> list[str]:
    """The text of every paragraph of ``items``, those in table cells included."""
    found: list[str] = []
    for item in items:
        if isinstance(item, Para):
            found.append(item.text)
        elif isinstance(item, Grid):
            for row in item.rows:
                for cell in row:
                    found += texts(cell.items)
    return found


def source_line(article: Article) -> str | None:
    """The source and publication date as the text writer prints them, without its dash."""
    published = article.published
    printed = (
        None
        if published is None
        else published.isoformat()
        if isinstance(published, datetime)
        else dates.format_printed(published)
    )
    name = article.source.name if article.source is not None else None
    if name and printed:
        return f"{name}, {printed}"
    if name:
        return f"Source: {name}"
    return f"Published: {printed}" if printed else None


def read_source_line(text: str) -> dict[str, Any]:
    """The source and publication date of a Source Line paragraph (see :func:`source_line`)."""
    if text.startswith("Source: ") and text[8:].strip():
        return {"source": {"name": text[8:].strip()}}
    candidates = [("", text[11:])] if text.startswith("Published: ") else []
    start = text.find(", ")
    while start > 0:
        candidates.append((text[:start], text[start + 2 :]))
        start = text.find(", ", start + 2)
    for name, printed in candidates:
        parsed = dates.parse_date(printed)
        if parsed is not None and not parsed.zone_missing:
            found: dict[str, Any] = {"published": parsed.value}
            if name.strip():
                found["source"] = {"name": name.strip()}
            return found
    return {"source": {"name": text}}


# --- article → paragraphs -----------------------------------------------------------------------


class Flattener:
    """Lays an article out as items, noting what Word cannot show."""

    def __init__(self) -> None:
        self.paras: list[Item] = []
        self.lost: list[str] = []
        self.replaced = 0
        self.unshown = 0
        """Figures and media items without a picture Word can show."""
        self.media: list[Figure | Media] = []
        """The figures and featured media laid out, in order."""
        self._ids: dict[int, int] = {}

    def article(self, article: Article) -> list[Item]:
        for flag in flags_above(article, FLAGS_KEY):  # (as the text writer shows them)
            self.paras.append(_para(("body", plain(flag), 0, 0, False, 1)))
        for role, value in (
            ("title", article.headline),
            ("subtitle", article.subheadline),
            ("byline", article.byline),
            ("source", source_line(article)),
        ):
            if value is not None:
                self.paras.append(_para((role, plain(self._clean(value)), 0, 0, False, 1)))
        for media in article.media:
            if media.role == "featured":
                self.media_item(media)
        if article.dateline is not None:
            printed = PrintedDateline(
                article.dateline.place, article.dateline.date_text, article.dateline.agency
            )
            self.paras.append(Para("dateline", plain(self._clean(format_dateline(printed)))))
        self.blocks(article.body, quote=0, depth=-1)
        return self.paras

    @property
    def lists(self) -> int:
        """How many lists have items laid out (numbering instances to write)."""
        return len(self._ids)

    def blocks(self, blocks: list[Block], quote: int, depth: int) -> None:
        """``quote``: quote depth around the blocks; ``depth``: list level (-1 outside lists)."""
        previous: Block | None = None
        role = "quote" if quote else "body"
        for block in blocks:
            if isinstance(block, Paragraph):
                self.paras.append(_para((role, self._runs(block.content), quote, 0, False, 1)))
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
            elif isinstance(block, Figure | Table):
                if quote or depth >= 0:
                    self._lose("a figure or table inside a quote or list shows between its parts")
                if isinstance(block, Figure):
                    self.media_item(block)
                else:
                    self.table(block)
            previous = block

    def list_block(self, block: List, quote: int, depth: int) -> None:
        if depth > MAX_LIST_LEVEL:
            self._lose(f"lists nested deeper than {MAX_LIST_LEVEL + 1} levels show less deep")
        level = min(depth, MAX_LIST_LEVEL)
        shown = block.first_number if block.ordered else 1
        for item in block.items:
            first, *rest = item.blocks
            if isinstance(first, Paragraph):
                list_id = self._ids.setdefault(id(block), len(self._ids) + 1)
                runs = self._runs(first.content)
                self.paras.append(Para("item", runs, level, list_id, block.ordered, shown))
                shown += block.ordered  # (Word counts the items it numbers)
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

    def media_item(self, media: Figure | Media) -> None:
        """A figure (or featured media item): its picture, caption and credit. Without a
        picture Word can show, a figure shows its caption and credit and a media item nothing."""
        self.media.append(media)
        picture = shown(media)
        if picture is None:
            self.unshown += 1
            if isinstance(media, Media):
                return
        else:
            self.paras.append(picture)
        if media.caption:
            self.paras.append(Para("caption", self._runs(media.caption)))
        credit = credit_line(media)
        if credit is not None:
            self.paras.append(Para("credit", plain(self._clean(credit))))

    def table(self, table: Table) -> None:
        """A table: its caption above it, then the grid of its cells."""
        if table.caption:
            self.paras.append(Para("tablecaption", self._runs(table.caption)))
        from articlekit.formats.docx.tables import place

        placement = place(table)
        for what in placement.changed:
            self._lose(what)
        header_rows = 0
        while header_rows < len(table.rows) and all(
            cell.header for cell in table.rows[header_rows].cells
        ):
            header_rows += 1
        rows: list[tuple[GridCell, ...]] = []
        for index, (row, slots) in enumerate(zip(table.rows, placement.rows, strict=True)):
            in_header = index < header_rows
            cells: list[GridCell] = []
            for slot in slots:
                if slot.continuation:
                    continue
                if slot.cell is None:  # a filler in a gap of the row
                    cells.append(GridCell((), header=in_header))
                    continue
                cell = row.cells[slot.cell]
                items, styled = self._cell_items(cell)
                if cell.header and not (styled or in_header):
                    self._lose("a header cell holding more than paragraphs shows as a data cell")
                header = in_header or (cell.header and styled)
                cells.append(GridCell(items, slot.colspan, slot.rowspan, header))
            rows.append(tuple(cells))
        self.paras.append(Grid(tuple(rows), None, placement, header_rows))

    def _cell_items(self, cell: TableCell) -> tuple[tuple[Item, ...], bool]:
        """A cell's items, and whether all its paragraphs carry the Table Heading style (a
        header cell holding only paragraphs)."""
        saved, self.paras = self.paras, []
        styled = cell.header and all(isinstance(block, Paragraph) for block in cell.blocks)
        if cell.content:
            self.paras.append(Para("cellhead" if styled else "body", self._runs(cell.content)))
        elif styled:
            for block in cell.blocks:
                assert isinstance(block, Paragraph)
                self.paras.append(Para("cellhead", self._runs(block.content)))
        else:
            self.blocks(cell.blocks, quote=0, depth=-1)
        items, self.paras = tuple(self.paras), saved
        return items, styled

    def _runs(self, spans: list[Span]) -> tuple[Run, ...]:
        if len(spans) == 1:  # most paragraphs: one span
            span = spans[0]
            return ((self._clean(span.text), span.strong, span.emphasis, span.link),)
        # a list made first: tuple() of a generator costs about twice as much for a few spans
        return tuple(
            [(self._clean(span.text), span.strong, span.emphasis, span.link) for span in spans]
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


def flatten(article: Article) -> list[Item]:
    """The items the writer renders for ``article``."""
    return Flattener().article(article)


# --- items → article -----------------------------------------------------------------------------


def spans_of(runs: tuple[Run, ...]) -> list[Span]:
    return [
        Span(text=text, strong=strong, emphasis=emphasis, link=link)
        for text, strong, emphasis, link in runs
    ]


def assemble(items: list[Item], context: Context, *, guess: bool) -> dict[str, Any]:
    """The printed fields (headline, byline, dateline, ...), body and lead media that items show.

    Header paragraphs are read while they last: styled ones always (lead pictures among them are
    passed over); when ``guess`` is true (a document that articlekit did not lay out) also a
    "By ..." paragraph, and a headline from a leading Heading 1 or a short first paragraph
    followed by more text; then a dateline opening the first body paragraph. A table or picture
    ends the header. Flag paragraphs above the headline ("EMBARGOED UNTIL ...") are read as the
    text reader reads flag lines. The result holds model field values plus ``author_names`` (the
    Author-style paragraphs), ``flags`` (those flag paragraphs, as printed) and, when there are
    any, :data:`REMOVED_LINES` (header paragraphs taken out but read into no field).
    """
    fields: dict[str, Any] = {}
    author_names: list[str] = []
    summary: list[str] = []
    lead: list[Item] = []
    above = _above_title(items)
    flags = [_text(para) for para in above if _is_flag(para)] if above else []
    lifted = [para for para in above if not _is_flag(para)]
    if lifted and guess:  # (else its reader says so, knowing what articlekit wrote there)
        report_above_title([_text(para) for para in lifted], context)
    if not above:
        flags = _flags_over_headline(items, guess=guess)
    read_flags(flags, fields, context)
    index = len(above) or len(flags)
    while index < len(items):
        para = items[index]
        if isinstance(para, Picture) and para.lead:
            end = index + 1
            while end < len(items) and _is_role(items[end], CAPTION_ROLES):
                end += 1
            lead += items[index:end]
            index = end
            continue
        if not isinstance(para, Para):
            break
        text = " ".join(para.text.split())
        if para.role == "author":
            author_names.append(text)
        elif para.role == "abstract":
            summary.append(text)
        elif para.role in HEADER_ROLES and _header_field(para.role) not in fields:
            _read_header(para.role, text, fields, context)
        elif guess and (
            _guessed_header(para, items[index + 1 :], fields)
            or _header_line(para, text, fields, context)
        ):
            pass
        else:
            break
        index += 1
    body = items[index:]
    # (not under paragraphs or headings above the Title, which open the body: writers would
    # print the dateline in front of them, "WESTCLIFF — Correction: ...", "OSLO —" over "Politics")
    if guess and "dateline" not in fields and body and _is_role(body[0], {"body"}) and not lifted:
        body = _take_dateline(body, fields)
    body = [*lifted, *body]
    if summary:
        fields["summary"] = "\n\n".join(summary)
    fields["author_names"] = author_names
    fields["flags"] = flags
    builder = _Builder(context, guess)
    fields["body"] = builder.blocks(lead + body, 0)
    if builder.media:
        fields["media"] = builder.media
    return fields


FLAGS_MOST = 8
"""Flag paragraphs over a headline at most (a document rarely prints more than two)."""
FLAGS_KEY = "docx:flags"
"""The extras in which the reader keeps the flag paragraphs above the headline."""


ABOVE_TITLE_KEY = "docx:above-title"
"""The extras in which the reader keeps the paragraphs above the Title of a document articlekit
wrote that are no flag lines where its flag lines were edited (a notice an editor reworded: no
story text)."""


def report_above_title(
    texts: list[str], context: Context, where: str = "read as the body's first"
) -> None:
    """Say that the paragraphs above a document's Title, neither its headline nor flag lines,
    went ``where`` (by default: they open the body, where the layout puts them)."""
    context.warn(
        "docx-above-title",
        f"{counted(len(texts), 'paragraph')} above the document's Title, neither its headline nor "
        f"flag lines, {where} ({'the first: ' if len(texts) > 1 else ''}{texts[0][:60]!r})",
    )


def above_title(items: list[Item]) -> list[str]:
    """The text of the paragraphs above a document's Title that are no flag lines, which open
    its body (see :func:`_above_title`)."""
    return [_text(para) for para in _above_title(items) if not _is_flag(para)]


def _may_stand_above_title(para: Para) -> bool:
    """Whether a paragraph may stand above a document's Title and leave it its headline: a plain
    one or a heading of any level (a section's name, a "Local news" label over the story, a
    flag line in a heading's style). The Title is the style Word gives a document's title: a
    Heading 1 above it took the headline, and the Title, byline and dateline became body text
    with no word."""
    return para.role in ("body", "heading")


def _above_title(items: list[Item]) -> list[Para]:
    """The plain paragraphs and headings above a Title that opens the document after a few of
    them, when one of them is no flag line (an editor changed a flag paragraph articlekit wrote
    into other words, a contact line over a press release's Title, a section's heading): the
    Title is the headline still, where they made it body text. Empty otherwise."""
    above: list[Para] = []
    for item in items[: FLAGS_MOST + 1]:
        if not isinstance(item, Para) or not (item.role == "title" or _may_stand_above_title(item)):
            return []
        if item.role == "title":  # (plain flag paragraphs alone: read as flags over a headline)
            return [] if all(_is_flag(para) and para.role == "body" for para in above) else above
        above.append(item)
    return []


def _text(para: Para) -> str:
    return " ".join(para.text.split())


def _is_flag(para: Para) -> bool:
    """Whether a paragraph above a Title is a flag line (no headline can stand there)."""
    return is_flag_line(_text(para), placed=True)


def _flags_over_headline(items: list[Item], *, guess: bool) -> list[str]:
    """The flag paragraphs ("EMBARGOED UNTIL ...", "FOR IMMEDIATE RELEASE") that open the
    document above its Title (or the paragraph a ``guess`` takes for its headline): none when
    no headline follows them, as the text reader reads flag lines only above a headline, unless
    they give an embargo or hold the story."""
    flags: list[str] = []
    # (over a Title no paragraph is the headline: a flag needs no capitals there)
    titled = any(isinstance(item, Para) and item.role == "title" for item in items[:FLAGS_MOST])
    for item in items:
        if not isinstance(item, Para):
            break
        text = " ".join(item.text.split())
        if item.role == "body" and is_flag_line(text, placed=titled):
            flags.append(text)
            continue
        headline = item.role == "title" or (
            guess
            and (
                (item.role == "heading" and item.level == 1)
                or (item.role == "body" and _looks_like_headline(text))
            )
        )
        # (an embargo or a hold with no headline under it is still one: read as the headline,
        # the story had no embargo and went out, as in the text reader)
        return flags if headline or holds_story(flags) else []
    return flags if holds_story(flags) else []  # (a document of flag paragraphs alone)


def _is_role(item: object, roles: frozenset[str] | set[str]) -> bool:
    return isinstance(item, Para) and item.role in roles


def _header_field(role: str) -> str:
    return {"title": "headline", "subtitle": "subheadline", "date": "published"}.get(role, role)


def _read_header(role: str, text: str, fields: dict[str, Any], context: Context) -> None:
    if role == "title":
        fields["headline"] = text
    elif role == "subtitle":
        fields["subheadline"] = text
    elif role == "byline":
        fields["byline"] = text
    elif role == "source":
        for name, value in read_source_line(text).items():
            fields.setdefault(name, value)
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


def _guessed_header(para: Para, following: list[Item], fields: dict[str, Any]) -> bool:
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


HEADER_LINE_KINDS = frozenset({"byline", "published", "updated", "source_date", "unparsed"})
"""What a plain paragraph under the headline may say to be read as a header line, as the text
reader reads one: a byline, a labelled or bare date (a time without zone placed as there), a
labelled date that cannot be read (taken out with a warning, as there)."""


REMOVED_KEY = "docx:removed_lines"
"""Extras key of the paragraphs under the headline the reader took out without reading them
into a field (a labelled date it cannot read, "Updated: 3 p.m."), in order, so none is lost (the
text reader's ``text:removed_lines``)."""
REMOVED_LINES = "removed_lines"
""":func:`assemble`'s key of those paragraphs (see :data:`REMOVED_KEY`)."""


def _header_line(para: Para, text: str, fields: dict[str, Any], context: Context) -> bool:
    """A labelled date or byline paragraph under the headline of a document without
    articlekit's layout (``Veröffentlicht am 7. März 2024, 18:02 Uhr``), read into the fields
    as the text reader reads such lines (:func:`~articlekit.prose.headers.read_header`): a
    printed date is the publication, before the file's own creation date."""
    from articlekit.formats.text.parse import apply_header, settled_header

    found = read_header(text) if para.role == "body" and "headline" in fields else None
    if found is None:
        return False
    parts = cast("list[Header]", found.value) if found.kind == "several" else [found]
    kinds = [part.kind for part in parts]
    taken = {"source_date": "published", "byline": "byline"}
    if (
        not kinds
        or not HEADER_LINE_KINDS.issuperset(kinds)
        or any(taken.get(kind, kind) in fields for kind in kinds)
    ):
        return False
    apply_header(settled_header(found, text.strip(), context), fields, context=context)
    if "unparsed" in kinds:  # (in no field: kept as printed, as the text reader keeps lines)
        fields.setdefault(REMOVED_LINES, []).append(text.strip())
    return True


def _looks_like_headline(text: str) -> bool:
    from articlekit.formats.text.parse import looks_like_headline

    return looks_like_headline(text)


def read_dateline(text: str) -> dict[str, str] | None:
    """A Dateline paragraph (``PLACE, DATE (AGENCY) —``): the shared dateline rules first, else
    everything before the agency is the place (the paragraph style already says it is one)."""
    printed = read_printed(text)
    return (dateline_fields(printed) or None) if printed is not None else None


def _take_dateline(body: list[Item], fields: dict[str, Any]) -> list[Item]:
    """Move a dateline opening the first paragraph into its own field (shared rules)."""
    first = body[0]
    assert isinstance(first, Para)
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


_FIGURE_CAPTIONS = frozenset({"caption", "figurecaption"})
_FIGURE_LINES = frozenset({"caption", "credit"})
"""The styles (roles) articlekit writes below a figure's picture, or alone when it has none."""
_NO_PICTURE = Picture(sha256=None, uri=None)
_TABLE_CAPTIONS = frozenset({"caption", "tablecaption"})


class _Builder:
    """Blocks from body items: runs of quote paragraphs nest by depth, list items by level,
    pictures and tables become figures and tables with the captions beside them; lead pictures
    become the article's featured media."""

    def __init__(self, context: Context, guess: bool) -> None:
        self.context = context
        self.guess = guess
        self.media: list[Media] = []

    def blocks(self, items: list[Item], depth: int) -> list[Block]:
        """``depth``: how deep in tables the items are (the model limits nesting)."""
        entries = self._attach(items, depth)
        out: list[Block] = []
        lists = _Lists(out)
        index = 0
        while index < len(entries):
            para = entries[index]
            if not isinstance(para, Para):
                lists.close()
                out.append(para)
            elif para.role == "item":
                lists.item(para)
            elif para.role in ("continue", "indented") and lists.open:
                lists.further(para)
            elif para.role in ("quote", "indented"):
                lists.close()
                end = index
                while end < len(entries) and _is_role(entries[end], {"quote", "indented"}):
                    end += 1
                quoted = [entry for entry in entries[index:end] if isinstance(entry, Para)]
                out.append(Quote(blocks=_quoted(quoted, 1)))
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

    def _attach(self, items: list[Item], depth: int) -> list[Para | Figure | Table]:
        """Pictures and tables with their captions and credits as figures and tables (lead
        pictures go to :attr:`media`); captions beside nothing stay paragraphs."""
        taken: set[int] = set()
        captions: dict[int, int] = {}

        def caption_at(index: int, roles: frozenset[str]) -> bool:
            return 0 <= index < len(items) and index not in taken and _is_role(items[index], roles)

        def take(owner: int, index: int) -> None:
            captions[owner] = index
            taken.add(index)

        for index, item in enumerate(items):  # below a picture, above a table (Word's defaults)
            if isinstance(item, Picture) and caption_at(index + 1, _FIGURE_CAPTIONS):
                take(index, index + 1)
            elif isinstance(item, Grid) and caption_at(index - 1, _TABLE_CAPTIONS):
                take(index, index - 1)
        for index, item in enumerate(items):  # then the other side
            if index in captions:
                continue
            if isinstance(item, Grid) and caption_at(index + 1, _TABLE_CAPTIONS):
                take(index, index + 1)
            elif isinstance(item, Picture) and caption_at(index - 1, _FIGURE_CAPTIONS):
                take(index, index - 1)
        credits: dict[int, int] = {}
        for index, item in enumerate(items):
            after = max(index, captions.get(index, index)) + 1
            if isinstance(item, Picture) and caption_at(after, frozenset({"credit"})):
                credits[index] = after
                taken.add(after)
        entries: list[Para | Figure | Table] = []
        for index, item in enumerate(items):
            if index in taken:
                continue
            caption = items[captions[index]] if index in captions else None
            assert caption is None or isinstance(caption, Para)
            if isinstance(item, Picture):
                credit = items[credits[index]] if index in credits else None
                assert credit is None or isinstance(credit, Para)
                media = self._figure(item, caption, credit)
                if isinstance(media, Media):
                    self.media.append(media)
                else:
                    entries.append(media)
            elif isinstance(item, Grid):
                entries.append(self._table(item, caption, depth))
            elif not self.guess and item.role in _FIGURE_LINES:
                # (articlekit's layout of a figure without a picture: its caption, its credit)
                caption, credit = (item, None) if item.role == "caption" else (None, item)
                if caption is not None and caption_at(index + 1, frozenset({"credit"})):
                    credit = items[index + 1]
                    taken.add(index + 1)
                assert credit is None or isinstance(credit, Para)
                figure = self._figure(_NO_PICTURE, caption, credit)
                assert isinstance(figure, Figure)  # (no lead picture)
                entries.append(figure)
            elif item.role in CAPTION_ROLES:
                entries.append(Para("body", item.runs))
            else:
                entries.append(item)
        return entries

    def _figure(
        self, picture: Picture, caption: Para | None, credit: Para | None
    ) -> Figure | Media:
        spans = spans_of(caption.runs) if caption is not None else []
        credit_text = " ".join(credit.text.split()) if credit is not None else None
        title = picture.title
        if self.guess and credit_text is None:  # another program's captions and titles
            text = "".join(span.text for span in spans)
            found = read_caption(text) if text else None
            if found is not None and found.credit:
                spans, credit_text = (
                    _cut(spans, _length_of(text, found.caption or "")),
                    found.credit,
                )
            elif title and (named := read_caption(title)) and named.credit and not named.caption:
                credit_text, title = named.credit, None
        renditions = []
        if picture.resource is not None or picture.uri is not None:
            renditions.append(
                Rendition(
                    resource=picture.resource,
                    uri=picture.uri,
                    width=picture.width,
                    height=picture.height,
                )
            )
        fields: dict[str, Any] = {
            "caption": self._bounded(spans, "picture caption"),
            "credit": self._bounded_line(credit_text, MAX_CREDIT, "picture credit"),
            "alt_text": picture.alt_text,
            "title": title,
            "renditions": renditions,
        }
        extras = {
            "docx:target": picture.unfollowed,
            "docx:missing": picture.missing,
            "docx:object": picture.shows_object,
        }
        if any(extras.values()):
            fields["extras"] = {key: value for key, value in extras.items() if value}
        if picture.shows_object:
            fields["kind"] = "graphic"
        if picture.lead:
            return Media(role="featured", **fields)
        return Figure(**fields)

    def _table(self, grid: Grid, caption: Para | None, depth: int) -> Table:
        spans = spans_of(caption.runs) if caption is not None else []
        if not spans and grid.title:
            spans = [Span(text=grid.title)]
        rows = [TableRow(cells=[self._cell(cell, depth) for cell in row]) for row in grid.rows]
        return Table(caption=self._bounded(spans, "table caption"), rows=rows)

    def _cell(self, cell: GridCell, depth: int) -> TableCell:
        base: dict[str, Any] = {
            "header": cell.header,
            "colspan": cell.colspan,
            "rowspan": cell.rowspan,
        }
        items = cell.items
        if not items:
            return TableCell(**base)
        first = items[0]
        if len(items) == 1 and isinstance(first, Para) and first.role in INLINE_CELL_ROLES:
            return TableCell(content=spans_of(first.runs), **base)
        blocks = self.blocks(list(items), depth + 1)
        if depth + 1 + nesting_depth(blocks) > MAX_NESTING:
            self.context.warn(
                "docx-table-flattened",
                "structure nested too deep inside a table cell was read as plain paragraphs",
            )
            blocks = [
                Paragraph(content=block.content)
                for block in iter_blocks(blocks)
                if isinstance(block, Paragraph | Heading)
            ]
        return TableCell(blocks=blocks, **base)

    def _bounded(self, spans: list[Span], what: str) -> list[Span]:
        total = sum(len(span.text) for span in spans)
        if total <= MAX_CAPTION_LENGTH:
            return spans
        self.context.warn(
            "media-caption-truncated",
            f"a {what} of {total} characters was cut to {MAX_CAPTION_LENGTH}",
        )
        return _cut(spans, MAX_CAPTION_LENGTH)

    def _bounded_line(self, text: str | None, limit: int, what: str) -> str | None:
        if text is None or len(text) <= limit:
            return text or None
        self.context.warn(
            "media-caption-truncated", f"a {what} of {len(text)} characters was cut to {limit}"
        )
        return text[:limit].strip() or None


def _length_of(text: str, prefix: str) -> int:
    """How much of ``text`` its whitespace-normalised ``prefix`` covers."""
    wanted = len(prefix.replace(" ", ""))
    seen = 0
    for index, char in enumerate(text):
        if seen == wanted:
            return index
        seen += not char.isspace()
    return len(text)


def _cut(spans: list[Span], length: int) -> list[Span]:
    """The first ``length`` characters of ``spans``."""
    kept: list[Span] = []
    for span in spans:
        if length <= 0:
            break
        kept.append(
            span
            if len(span.text) <= length
            else span.model_copy(update={"text": span.text[:length]})
        )
        length -= len(span.text)
    return kept


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
    """A list being built at one nesting level."""

    level: int
    list_id: int
    ordered: bool
    items: list[list[Block]]
    start: int
    """The number its first item shows."""


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
            self.stack.append(_OpenList(para.level, para.list_id, para.ordered, [], para.number))
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
        items = [ListItem(blocks=item) for item in done.items]
        block = List(ordered=done.ordered, start=done.start, items=items)
        if self.stack:
            self.stack[-1].items[-1].append(block)
        else:
            self.out.append(block)
