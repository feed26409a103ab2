"""Reading WordprocessingML: every paragraph, picture and table of a body as layout items.

What becomes items (:mod:`.layout`): paragraphs (role from the style, numbering, indentation);
pictures (:mod:`.pictures`), before their paragraph when no text precedes them in it, else after
it; tables, as grids of cells holding items again (header rows from ``w:tblHeader`` and Word's
"Header Row" option ``w:tblLook/@firstRow``, header cells from the Table Heading style, spans from
``w:gridSpan``, ``w:vMerge`` and ``w:hMerge``, see :mod:`.tables`; tables nested deeper than
:data:`MAX_TABLE_DEPTH` read as one paragraph per row); text boxes (their paragraphs, after the
paragraph that anchors them); content controls, smart tags, custom XML and the chosen branch of
``mc:AlternateContent``. Inside paragraphs: text, tabs, breaks, symbols, ruby's base text,
hyperlinks (elements and ``HYPERLINK`` fields, ``\\l`` anchors included; other fields show their
result), bold and italic (direct or from a character style). Tracked changes read as accepted:
insertions and moves in kept, deletions and moves out left out. What is set aside, for the reader
to report: comments and the text they are anchored to, footnote and endnote references, drawings
that are not pictures (charts, shapes, embedded objects, with their descriptions), hidden text, and
formatting the model has no mark for (underline, strikethrough, small capitals, superscript and
subscript, ruby's readings).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING, NamedTuple, TypeAlias

from articlekit._text import lazy_pattern, title_says_more
from articlekit.errors import InputError
from articlekit.formats.docx.layout import (
    CAPTION_ROLES,
    MAX_LIST_LEVEL,
    Grid,
    GridCell,
    Item,
    Para,
    Run,
)
from articlekit.formats.docx.names import VML_OFFICE, Names, W, first, firsts, number, slots
from articlekit.formats.docx.numbering import Numbering
from articlekit.formats.docx.package import Relationship
from articlekit.formats.docx.pictures import Picture, PictureSource, read_drawing
from articlekit.formats.docx.styles import ParagraphStyle, Styles, numbering_in, toggle
from articlekit.formats.docx.symbols import SYMBOL_FONT, is_private, symbol_char, symbol_text
from articlekit.formats.docx.tables import RawCell, merged_rows
from articlekit.formats.docx.template import INDENT_STEP
from articlekit.formats.docx.xmltext import clean_attribute, clean_target
from articlekit.model import MAX_BLOCKS, MAX_NESTING, MAX_SPAN, is_safe_link
from articlekit.prose.controls import has_control, strip_controls

if TYPE_CHECKING:
    from lxml import etree

_HYPERLINK_FIELD = lazy_pattern(r'^\s*HYPERLINK\s+(?P<local>\\l\s+)?"(?P<target>[^"]*)"')
_FIELD_ANCHOR = lazy_pattern(r'\\l\s+"(?P<anchor>[^"]*)"')
"""``HYPERLINK "https://example.org/page" \\l "part"``: the fragment, as LibreOffice writes it."""
_FIELD_TIP = lazy_pattern(r'\\o\s+"(?P<tip>[^"]*)"')
"""``HYPERLINK "https://example.org/page" \\o "Screen tip"``: the link's tooltip."""
MAX_TABLE_DEPTH = 4
"""Tables inside table cells are read as tables this deep; deeper ones as rows of text."""
MAX_ELEMENTS = 10 * MAX_BLOCKS
"""Paragraphs and table cells read from one document at most, empty ones included: what stops
millions of empty ones (no paragraphs :data:`MAX_MADE` counts) filling memory. More than the
model's cells: the writer spans a cell over rows with an empty cell on each."""
PRINTED_ALLOWANCE = 1_000
"""Paragraphs and pictures the writer lays out besides the body's blocks: the flag lines,
headline, deck, byline, source line and dateline (a dozen at most), and the pictures of the
featured media items."""
MAX_MADE = MAX_BLOCKS + PRINTED_ALLOWANCE
"""Paragraphs with text and pictures read from one document at most (captions and credits
apart): the writer spends at most one on a block (none on a quote or list, one on a paragraph,
heading, list item, table cell or figure's picture), so every article the model holds reads
back, and a file of a million tiny paragraphs is stopped early, before they fill memory."""
MAX_FIGURE_LINES = 2 * MAX_MADE
"""Caption and credit paragraphs read from one document at most: the writer spends two on a
figure or featured media item (caption and credit, even without a picture), one on a table."""
_GRAPHIC_DESCRIPTION = ("name", "descr", "title")
_DROPPED_MARKS = {
    "u": "underline", "strike": "strikethrough", "dstrike": "strikethrough",
    "smallCaps": "small capitals", "vertAlign": "superscript and subscript",
}  # fmt: skip


@dataclass
class SetAside:
    """What the body holds besides paragraphs, for the reader to keep or report."""

    comment_anchors: dict[str, list[str]] = field(default_factory=dict)
    footnotes: list[str] = field(default_factory=list)
    endnotes: list[str] = field(default_factory=list)
    images: list[dict[str, str]] = field(default_factory=list)
    """Drawings that are not pictures (charts, shapes, objects): their descriptions."""
    moved: int = 0
    """Pictures inside a line of text, placed after their paragraph."""
    objects: int = 0
    """Embedded objects read as the picture Word shows for them."""
    tables: int = 0
    """Tables read as rows of text (nested too deep)."""
    text_boxes: int = 0
    tracked: int = 0
    hidden: int = 0
    controls: int = 0
    chunks: list[str] = field(default_factory=list)
    """Relationship ids of imported chunks (``w:altChunk``: HTML, RTF, another document), which
    Word converts and shows in their place; not read."""
    formatting: set[str] = field(default_factory=set)
    symbol_fonts: set[str] = field(default_factory=set)
    """Symbol fonts other than Symbol whose private-use codes were kept (Wingdings...)."""


_Layout: TypeAlias = tuple[ParagraphStyle, str | None, int | None, int, int, int | None]
"""What classifies a paragraph besides its runs: style, numbering instance and level, left and
hanging indent, outline level (a plain tuple: one is made for each paragraph)."""


class _Joining(NamedTuple):
    """A chain of paragraphs whose marks are tracked deletions: their runs, gathered in one list
    that opens the next paragraph, and the last one's paragraph properties, by which the chain
    is classified alone (merged and classified once, when the chain ends: a chain of N
    paragraphs must not merge and classify N times the runs gathered so far)."""

    runs: list[Run]
    layout: _Layout


@dataclass
class _Field:
    """A complex field (``w:fldChar`` begin ... separate ... end)."""

    code: list[str] = field(default_factory=list)
    showing: bool = False
    link: str | None = None


class BodyReader:
    """Reads the paragraphs of one story (body, comment, note) of a document."""

    def __init__(
        self,
        n: Names,
        styles: Styles,
        numbering: Numbering,
        links: dict[str, Relationship],
        aside: SetAside | None = None,
        pictures: PictureSource | None = None,
    ) -> None:
        self.n = n
        self.styles = styles
        self.numbering = numbering
        self.links = links
        self.aside = aside if aside is not None else SetAside()
        self.pictures = pictures
        """Where pictures come from; ``None`` for stories whose pictures are not read (notes)."""
        self._lists = 0
        self._started: dict[str, int] = {}
        """List of each instance that restarted its numbering, by instance."""
        self._counting: dict[tuple[str, int], int] = {}
        """The list each definition's counter is on, by (definition, level)."""
        self._shown: dict[tuple[str, int], int] = {}
        """The number each counter last showed, by (definition, level)."""
        self._fields: list[_Field] = []
        self._comments: set[str] = set()
        self._after: list[list[Item]] = []
        self._placed: list[tuple[int, Picture, int]] = []
        """Pictures of the open paragraphs: how many paragraphs were open (a text box's paragraph
        is inside another), the picture, how many runs came before it."""
        self._table_depth = 0
        self._elements = 0
        self._made = 0
        """Paragraphs with text and pictures made, captions and credits apart (see MAX_MADE)."""
        self._figure_lines = 0
        self._joining: _Joining | None = None
        """A paragraph whose mark is deleted, waiting for the next one to join."""
        self._dropped = _dropped_marks(n.w)
        self._paragraph_tags = slots(n.pStyle, n.numPr, n.ind, n.outlineLvl, n.rPr)
        self._run_tags = slots(n.rFonts, n.vanish, n.rStyle, n.b, n.i)
        """The properties of paragraphs and runs the reader looks at, each found by
        :func:`~.names.firsts` in one pass over them (Word gives most runs properties: fonts,
        size, language)."""

    # --- blocks -------------------------------------------------------------------------------

    def blocks(self, parent: etree._Element, out: list[Item]) -> list[Item]:
        """The items of a story (body, table cell, text box, note). A paragraph whose mark is
        deleted joins the next paragraph of its story; the last one, or one before a table,
        stands alone (Word keeps that mark)."""
        outer, self._joining = self._joining, None
        self._blocks(parent, out)
        self._end_joining(out)
        self._joining = outer
        return out

    def _blocks(self, parent: etree._Element, out: list[Item]) -> None:
        n = self.n
        for child in parent:
            tag = child.tag
            if tag == n.p:
                self.paragraph(child, out)
            elif tag == n.tbl:
                self._end_joining(out)
                self.table(child, out)
            elif tag == n.sdt:
                content = first(child, n.sdtContent)
                if content is not None:
                    self._blocks(content, out)
            elif tag in (n.customXml, n.ins, n.moveTo):
                self._blocks(child, out)
            elif tag == n.mc_alternate:
                self._blocks(_chosen(child, n), out)
            elif tag in (n.del_, n.moveFrom):
                self.aside.tracked += 1
            elif tag == n.altChunk:
                self.aside.chunks.append(child.get(n.r_id, ""))

    def _end_joining(self, out: list[Item]) -> None:
        """The paragraphs waiting to join the next one, as they stand, when none follows."""
        if self._joining is not None:
            para = self._para(_merge(self._joining.runs), self._joining.layout)
            if para is not None:
                out.append(para)
            self._joining = None

    def table(self, table: etree._Element, out: list[Item]) -> None:
        if self._table_depth >= MAX_TABLE_DEPTH:
            self._rows_as_text(table, out)
            return
        self._table_depth += 1
        try:
            grid = self._grid(table)
        finally:
            self._table_depth -= 1
        if grid is not None:
            out.append(grid)

    def _grid(self, table: etree._Element) -> Grid | None:
        """A table's rows and cells, merged cells resolved (see :mod:`.tables`)."""
        n = self.n
        properties = first(table, n.tblPr)
        first_row = False
        title = None
        if properties is not None:
            first_row = _looks_at_first_row(first(properties, n.tblLook), n)
            caption = first(properties, n.tblCaption)
            title = clean_attribute(caption.get(n.val)) if caption is not None else None
        rows: list[list[RawCell]] = []
        leading = True
        for index, row in enumerate(_children(table, n.tr, n)):
            column = 0
            repeated = False
            row_properties = first(row, n.trPr)
            if row_properties is not None:
                column = _value(first(row_properties, n.gridBefore), n) or 0
                repeated = toggle(first(row_properties, n.tblHeader), n.val) is True
            leading = leading and repeated
            header_row = leading or (index == 0 and first_row)
            cells: list[RawCell] = []
            fillers = 0  # trailing cells that only fill the grid
            for cell in _children(row, n.tc, n):
                self._elements += 1
                if self._elements > MAX_ELEMENTS:
                    self._too_many()
                cell_properties = first(cell, n.tcPr)
                span, vmerge, hmerge = 1, None, None
                if cell_properties is not None:
                    span = min(max(_value(first(cell_properties, n.gridSpan), n) or 1, 1), MAX_SPAN)
                    vmerge = _merge_state(first(cell_properties, n.vMerge), n)
                    hmerge = _merge_state(first(cell_properties, n.hMerge), n)
                items = self.blocks(cell, [])
                header = header_row or self._styled_as_header(cell)
                cells.append(RawCell(column, span, items, vmerge, hmerge, header))
                fillers = fillers + 1 if _fills(cell_properties, items, vmerge or hmerge) else 0
                column += span
            if fillers < len(cells):  # a short row, as w:gridAfter leaves it
                cells = cells[: len(cells) - fillers]
            rows.append(cells)
        merged = merged_rows(rows)
        if not merged:
            return None
        return Grid(
            tuple(
                tuple(
                    GridCell(tuple(cell.items), cell.colspan, cell.rowspan, cell.header)
                    for cell in row
                )
                for row in merged
            ),
            title or None,
        )

    def _styled_as_header(self, cell: etree._Element) -> bool:
        """Whether every paragraph of a cell is in the Table Heading style."""
        paragraphs = [child for child in cell if child.tag == self.n.p]
        return bool(paragraphs) and all(
            self.styles.of(_style_id(paragraph, self.n)).role == "cellhead"
            for paragraph in paragraphs
        )

    def _rows_as_text(self, table: etree._Element, out: list[Item]) -> None:
        """A table nested too deep: one paragraph per row, cells joined by `` | ``."""
        self.aside.tables += 1
        n = self.n
        for row in _children(table, n.tr, n):
            runs: list[Run] = []
            for cell_index, cell in enumerate(_children(row, n.tc, n)):
                if cell_index:
                    runs.append((" | ", False, False, None))
                paras = [item for item in self.blocks(cell, []) if isinstance(item, Para)]
                for para_index, para in enumerate(paras):
                    if para_index:
                        runs.append((" ", False, False, None))
                    runs.extend(para.runs)
            merged = _merge(runs)
            if _has_text(tuple(run for run in merged if run[0].strip() != "|")):
                out.append(Para("body", merged))

    def _too_many(self) -> None:
        """Millions of tiny paragraphs or table cells would fill memory."""
        raise InputError(
            f"more than {MAX_ELEMENTS} paragraphs and table cells: too long for one article"
        )

    def _too_long(self, what: str) -> None:
        """More paragraphs than the writer makes of the longest article the model holds: refused
        as they are made, before more fill memory."""
        raise InputError(f"more than {what}: too long for one article")

    def paragraph(self, p: etree._Element, out: list[Item]) -> None:
        self._elements += 1
        if self._elements > MAX_ELEMENTS:
            self._too_many()
        n = self.n
        properties = first(p, n.pPr)
        style_id = num_id = None
        ilvl: int | None = None
        left = hanging = 0
        outline: int | None = None
        mark_deleted = False
        if properties is not None:
            style, numbered, indent, level, mark = firsts(properties, self._paragraph_tags)
            style_id = style.get(n.val) if style is not None else None
            if numbered is not None:
                num_id, ilvl = numbering_in(numbered, n)
            if indent is not None:
                left = _twips(indent.get(n.left) or indent.get(n.start))
                hanging = _twips(indent.get(n.hanging))
            if level is not None:
                outline = number(level.get(n.val))
            mark_deleted = mark is not None and _deleted(mark, n)
        style_info = self.styles.of(style_id)
        self._after.append([])
        joining, self._joining = self._joining, None
        raw = None if self._fields or self._comments or joining else self._plain_runs(p)
        if raw is None:  # (a chain's runs gathered in place: copying them is quadratic)
            raw = self.inline(p, None, joining.runs if joining else [])
        depth = len(self._after)
        after = self._after.pop()
        if self._fields:  # a field code never finished in its paragraph shows nothing more
            self._fields = [frame for frame in self._fields if frame.showing]
        for comment in self._comments:
            self.aside.comment_anchors[comment].append("\n")
        pictures_after: list[Item] = []
        if self._placed and self._placed[-1][0] == depth:
            for picture, position in self._pictures_of(depth, style_info.role == "lead"):
                self._made += 1
                if self._made > MAX_MADE:
                    self._too_long(f"{MAX_MADE} paragraphs")
                if _has_text_before(raw, position):
                    pictures_after.append(picture)
                    self.aside.moved += _has_text(tuple(raw[position:]))
                else:
                    out.append(picture)
        layout = (style_info, num_id, ilvl, left, hanging, outline)
        if mark_deleted:  # (accepted, the next paragraph's mark ends this text)
            self.aside.tracked += 1
            self._joining = _Joining(raw, layout)
        else:
            para = self._para(_merge(raw), layout)
            if para is not None:
                out.append(para)
        out.extend(after)
        out.extend(pictures_after)

    def _para(self, runs: tuple[Run, ...], layout: _Layout) -> Para | None:
        """The paragraph of these merged runs, classified, counted; ``None`` without text."""
        if not _has_text(runs):
            return None
        style, num_id, ilvl, left, hanging, outline = layout  # (a call with * is slower)
        para = self._classify(runs, style, num_id, ilvl, left, hanging, outline)
        if para.role in CAPTION_ROLES:
            self._figure_lines += 1
            if self._figure_lines > MAX_FIGURE_LINES:
                self._too_long(f"{MAX_FIGURE_LINES} captions and credits")
        else:
            self._made += 1
            if self._made > MAX_MADE:
                self._too_long(f"{MAX_MADE} paragraphs")
        return para

    def _plain_runs(self, p: etree._Element) -> list[Run] | None:
        """The runs of a paragraph of plain text (runs of text and nothing else: no run
        properties, links, fields, tabs, breaks or drawings, as articlekit writes body text), as
        :meth:`inline` reads them but without its dispatch; ``None`` for any other paragraph,
        before anything is noted, for :meth:`inline` to read (also while a field or comment is
        open)."""
        n = self.n
        texts: list[str] = []
        for child in p:
            tag = child.tag
            if tag == n.r:
                pieces: list[str] = []
                for node in child:
                    if node.tag != n.t:
                        return None
                    pieces.append(node.text or "")
                texts.append("".join(pieces))
            elif tag != n.pPr:
                return None
        runs: list[Run] = []
        for text in texts:
            if text and has_control(text):
                clean, removed = strip_controls(text)
                self.aside.controls += removed
                runs.append((clean, False, False, None))
            elif text:
                runs.append((text, False, False, None))
        return runs

    def _pictures_of(self, depth: int, lead: bool) -> list[tuple[Picture, int]]:
        """The pictures of the paragraph being finished (``depth``: how many paragraphs are open,
        a text box's inside another's), taken off :attr:`_placed`."""
        start = len(self._placed)
        while start and self._placed[start - 1][0] == depth:
            start -= 1
        found = [
            (replace(picture, lead=True) if lead else picture, position)
            for _, picture, position in self._placed[start:]
        ]
        del self._placed[start:]
        return found

    def _classify(
        self,
        runs: tuple[Run, ...],
        style: ParagraphStyle,
        num_id: str | None,
        ilvl: int | None,
        left: int,
        hanging: int,
        outline: int | None,
    ) -> Para:
        if num_id is None and style.num_id is not None:
            num_id = style.num_id
            ilvl = ilvl if ilvl is not None else style.ilvl
        role, level = style.role, style.level
        if role == "body":
            if num_id is not None and num_id != "0" and self.numbering.is_list(num_id):
                level = ilvl or 0
                ordered = self.numbering.is_ordered(num_id, level)
                list_id, shown = self._list_item(num_id, level, ordered)
                return Para("item", runs, level, list_id, ordered, shown)
            if style.list_kind is not None and num_id is None:
                list_id, shown = self._list_item(f"style {level}", level, style.list_kind)
                return Para("item", runs, level, list_id, style.list_kind, shown)
            if outline is not None and outline < 9:
                return Para("heading", runs, min(outline + 1, 6))
            if left >= INDENT_STEP and left - hanging >= INDENT_STEP // 2:
                return Para("indented", runs)
            return Para("body", runs)
        if role == "quote":
            depth = min(left // INDENT_STEP, MAX_NESTING) if left >= 2 * INDENT_STEP else 1
            return Para("quote", runs, depth)
        if role == "continue":
            return Para("continue", runs, max(left // INDENT_STEP - 1, 0) if left else level)
        return Para(role, runs, level)

    def _list_item(self, num_id: str, level: int, ordered: bool) -> tuple[int, int]:
        """Which list an item of instance ``num_id`` is in, and the number Word shows for it
        (1 for a bullet, see :mod:`.numbering`)."""
        definition = self.numbering.definitions.get(num_id, f"instance {num_id}")
        counter = (definition, level)
        shown = self._shown.get(counter)
        if num_id in self._started:
            list_id = self._started[num_id]
        elif (num_id, level) in self.numbering.restarts or counter not in self._counting:
            self._lists += 1
            list_id = self._lists
            shown = None
            if (num_id, level) in self.numbering.restarts:
                self._started[num_id] = list_id
        else:
            list_id = self._counting[counter]
        self._counting[counter] = list_id
        shown = self.numbering.start(num_id, level) if shown is None else shown + 1
        self._shown[counter] = shown
        for deeper in range(level + 1, MAX_LIST_LEVEL + 1):  # they count again under this item
            self._shown.pop((definition, deeper), None)
        return list_id, shown if ordered else 1

    # --- inline content -----------------------------------------------------------------------

    def inline(self, parent: etree._Element, link: str | None, runs: list[Run]) -> list[Run]:
        n = self.n
        for child in parent:
            tag = child.tag
            if tag == n.r:
                self.run(child, link, runs)
            elif tag == n.hyperlink:
                self.inline(child, self._hyperlink(child) or link, runs)
            elif tag in (n.smartTag, n.customXml, n.dir, n.bdo):
                self.inline(child, link, runs)
            elif tag in (n.ins, n.moveTo):
                self.aside.tracked += 1
                self.inline(child, link, runs)
            elif tag in (n.del_, n.moveFrom):
                self.aside.tracked += 1
            elif tag == n.sdt:
                content = first(child, n.sdtContent)
                if content is not None:
                    self.inline(content, link, runs)
            elif tag == n.fldSimple:
                self.inline(child, self._field_link(child.get(n.instr, "")) or link, runs)
            elif tag == n.commentRangeStart:
                comment = child.get(n.id_, "")
                self._comments.add(comment)
                self.aside.comment_anchors.setdefault(comment, [])
            elif tag == n.commentRangeEnd:
                self._comments.discard(child.get(n.id_, ""))
            elif tag == n.mc_alternate:
                self.inline(_chosen(child, n), link, runs)
            elif isinstance(tag, str) and tag.endswith(("}oMath", "}oMathPara")):
                text = "".join(t.text or "" for t in child.iter() if _is_math_text(t))
                self._emit(text, False, False, link, runs)
        return runs

    def run(self, r: etree._Element, link: str | None, runs: list[Run]) -> None:
        n = self.n
        strong = emphasis = False
        symbol_font = False
        properties = first(r, n.rPr)
        if properties is not None:
            fonts, vanish, style, bold_element, italic_element = firsts(properties, self._run_tags)
            symbol_font = fonts is not None and fonts.get(n.ascii, "").lower() == SYMBOL_FONT
            if toggle(vanish, n.val):
                self.aside.hidden += 1
                return
            style_bold, style_italic = self.styles.character.get(
                style.get(n.val, "") if style is not None else "", (None, None)
            )
            bold = toggle(bold_element, n.val)
            italic = toggle(italic_element, n.val)
            strong = bold if bold is not None else bool(style_bold)
            emphasis = italic if italic is not None else bool(style_italic)
            self._note_formatting(properties, link)
        text: list[str] = []
        for child in r:
            tag = child.tag
            if tag == n.t:
                if not (self._fields and self._in_field_code()):
                    text.append(symbol_text(child.text or "") if symbol_font else child.text or "")
            elif tag == n.tab:
                text.append("\t")
            elif tag in (n.br, n.cr):
                kind = child.get(n.type_, "textWrapping")
                text.append("\n" if kind == "textWrapping" else " ")
            elif tag == n.sym:
                text.append(self._symbol(child.get(n.font, ""), child.get(n.char_, "")))
            elif tag == n.noBreakHyphen:
                text.append("\u2011")
            elif tag == n.softHyphen:  # LibreOffice writes U+00AD so when it saves
                text.append("\u00ad")
            elif tag in (n.fldChar, n.instrText):
                self._emit("".join(text), strong, emphasis, self._link(link), runs)
                text = []
                self._field(child)
            elif tag == n.ruby:
                self._emit("".join(text), strong, emphasis, self._link(link), runs)
                text = []
                self._ruby(child, link, runs)
            elif tag == n.footnoteReference:
                self.aside.footnotes.append(child.get(n.id_, ""))
            elif tag == n.endnoteReference:
                self.aside.endnotes.append(child.get(n.id_, ""))
            elif tag == n.mc_alternate and _horizontal_line_fallback(child, n):
                self.aside.formatting.add(HORIZONTAL_LINES)
            elif tag in (n.drawing, n.pict, n.object, n.mc_alternate):
                self._emit("".join(text), strong, emphasis, self._link(link), runs)
                text = []
                chosen = _chosen(child, n) if tag == n.mc_alternate else [child]
                for graphic in chosen:
                    if graphic.tag in (n.drawing, n.pict, n.object):
                        self.graphic(graphic, len(runs))
        self._emit(
            "".join(text), strong, emphasis, self._link(link) if self._fields else link, runs
        )

    def _ruby(self, ruby: etree._Element, link: str | None, runs: list[Run]) -> None:
        """``w:ruby`` (furigana, bopomofo): the base text, as Word copies it as text; the reading
        printed above it (``w:rt``) has no place in the model's text and is reported."""
        base = first(ruby, self.n.rubyBase)
        if base is not None:
            self.inline(base, link, runs)
        reading = first(ruby, self.n.rt)
        if reading is not None and "".join(map(_text_of, reading.iter(self.n.t))).strip():
            self.aside.formatting.add(RUBY_READINGS)

    def _symbol(self, font: str, code: str) -> str:
        """``w:sym``: a symbol font's character. Symbol's become the characters it shows; other
        fonts' stay private-use codes, as in Word's own text, and are reported."""
        try:
            value = int(code, 16)
        except ValueError:
            return ""
        if value < 0x20 or 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
            return ""
        if font.lower() == SYMBOL_FONT:
            return symbol_char(value)
        if is_private(chr(value)):
            self.aside.symbol_fonts.add(font or "an unnamed font")
        return chr(value)

    def _emit(
        self, text: str, strong: bool, emphasis: bool, link: str | None, runs: list[Run]
    ) -> None:
        if not text:
            return
        if has_control(text):
            text, removed = strip_controls(text)
            self.aside.controls += removed
        runs.append((text, strong, emphasis, link))
        for comment in self._comments:
            self.aside.comment_anchors[comment].append(text)

    def _note_formatting(self, properties: etree._Element, link: str | None) -> None:
        for element in properties:
            what = self._dropped.get(element.tag)
            if what is None or not toggle(element, self.n.val):
                continue
            value = element.get(self.n.val, "")
            if (what == "underline" and (value == "none" or link)) or value == "baseline":
                continue
            self.aside.formatting.add(what)

    # --- links and fields ---------------------------------------------------------------------

    def _hyperlink(self, element: etree._Element) -> str | None:
        n = self.n
        anchor = element.get(n.anchor)
        relationship = self.links.get(element.get(n.r_id, ""))
        target = relationship.target if relationship is not None else ""
        if anchor is not None:
            target = f"{target}#{anchor}"
        if not is_safe_link(target):
            self.aside.formatting.add(f"a {target.strip().split(':')[0]}: link")
            return None
        tooltip = element.get(n.tooltip)  # (rare: the link's text is joined only then)
        if tooltip and title_says_more(tooltip, "".join(map(_text_of, element.iter(n.t))), target):
            self.aside.formatting.add(LINK_TITLES)
        return clean_target(target)

    def _field(self, element: etree._Element) -> None:
        n = self.n
        if element.tag == n.instrText:
            if self._fields and not self._fields[-1].showing:
                self._fields[-1].code.append(element.text or "")
            return
        kind = element.get(n.fldCharType)
        if kind == "begin":
            self._fields.append(_Field())
        elif kind == "separate" and self._fields:
            current = self._fields[-1]
            current.showing = True
            current.link = self._field_link("".join(current.code))
        elif kind == "end" and self._fields:
            self._fields.pop()

    def _field_link(self, code: str) -> str | None:
        """A HYPERLINK field's target; its screen tip (``\\o "..."``), the field's tooltip,
        noted as dropped when it says more than the target."""
        target = _field_link(code)
        tip = _FIELD_TIP.search(code) if target is not None and "\\o" in code else None
        if tip is not None and title_says_more(tip.group("tip"), "", target or ""):
            self.aside.formatting.add(LINK_TITLES)
        return target

    def _in_field_code(self) -> bool:
        return any(not frame.showing for frame in self._fields)

    def _link(self, link: str | None) -> str | None:
        for frame in reversed(self._fields):
            if frame.link:
                return frame.link
        return link

    # --- drawings -----------------------------------------------------------------------------

    def graphic(self, element: etree._Element, position: int) -> None:
        """A text box's paragraphs go after the current paragraph; pictures are placed beside
        it (``position``: runs before the picture); other drawings are set aside."""
        n = self.n
        if element.tag == n.pict and _horizontal_line(element):
            self.aside.formatting.add(HORIZONTAL_LINES)
            return
        boxes = [box for box in element.iter(n.txbxContent) if not _nested_box(box, element, n)]
        if boxes:
            for box in boxes:
                self.aside.text_boxes += 1
                self.blocks(box, self._after[-1] if self._after else [])
            return
        if self.pictures is not None and self._after:
            pictures = read_drawing(element, n, self.pictures)
            if pictures:
                self.aside.objects += sum(1 for picture in pictures if picture.shows_object)
                depth = len(self._after)
                self._placed.extend((depth, picture, position) for picture in pictures)
                return
        description: dict[str, str] = {}
        for node in element.iter():
            if isinstance(node.tag, str) and node.tag.endswith(("}docPr", "}cNvPr", "}shape")):
                for key in _GRAPHIC_DESCRIPTION:
                    value = clean_attribute(node.get(key))
                    if value:
                        description.setdefault("description" if key == "descr" else key, value)
        self.aside.images.append(description)


def _deleted(mark: etree._Element, n: Names) -> bool:
    """Whether a paragraph mark's properties (``w:pPr/w:rPr``) track its deletion or move."""
    return any(child.tag in (n.del_, n.moveFrom) for child in mark)


def _text_of(t: etree._Element) -> str:
    return t.text or ""


_HORIZONTAL_LINE = f"{{{VML_OFFICE}}}hr"
HORIZONTAL_LINES = "horizontal lines (thematic breaks)"
LINK_TITLES = "link titles (tooltips)"
RUBY_READINGS = "ruby readings (furigana) over their base text"
"""How the formatting report names Word's horizontal lines, hyperlinks' screen tips and the
readings of ruby text."""


def _horizontal_line(pict: etree._Element) -> bool:
    """Whether a ``w:pict`` is Word's horizontal line (Insert > Horizontal Line, pandoc's
    thematic break): a VML shape marked ``o:hr`` (a rectangle, or a picture line), which the
    model has no block for (it is no drawing to describe)."""
    return any(
        (shape.get(_HORIZONTAL_LINE) or "").lower() in ("t", "true", "1") for shape in pict.iter()
    )


def _horizontal_line_fallback(alternate: etree._Element, n: Names) -> bool:
    """Whether ``mc:AlternateContent`` falls back on a horizontal line (its Choice a DrawingML
    shape the reader would take for a drawing that is not a picture)."""
    fallback = first(alternate, n.mc_fallback)
    return fallback is not None and any(_horizontal_line(pict) for pict in fallback.iter(n.pict))


@cache
def _dropped_marks(w: str) -> dict[str, str]:
    """The run properties the model has no mark for, by Clark name in namespace ``w``."""
    return {f"{{{w}}}{local}": what for local, what in _DROPPED_MARKS.items()}


def _chosen(alternate: etree._Element, n: Names) -> etree._Element:
    """The branch of ``mc:AlternateContent`` to read: the first Choice, else the Fallback."""
    choice = first(alternate, n.mc_choice)
    if choice is None:
        choice = first(alternate, n.mc_fallback)
    return choice if choice is not None else alternate.makeelement(n.mc_choice)


def _children(parent: etree._Element, tag: str, n: Names) -> list[etree._Element]:
    """Children with ``tag``, also those wrapped in content controls or custom XML."""
    found: list[etree._Element] = []
    for child in parent:
        if child.tag == tag:
            found.append(child)
        elif child.tag == n.sdt:
            content = first(child, n.sdtContent)
            if content is not None:
                found.extend(_children(content, tag, n))
        elif child.tag == n.customXml:
            found.extend(_children(child, tag, n))
    return found


def _nested_box(box: etree._Element, top: etree._Element, n: Names) -> bool:
    """Whether a text box sits inside another text box below ``top`` (read with that one)."""
    parent = box.getparent()
    while parent is not None and parent is not top:
        if parent.tag == n.txbxContent:
            return True
        parent = parent.getparent()
    return False


def _merge(runs: list[Run]) -> tuple[Run, ...]:
    """Adjacent runs with the same marks as one (Word splits runs for its own reasons)."""
    if len(runs) == 1:
        return (runs[0],) if runs[0][0] else ()
    merged: list[Run] = []
    start = 0  # (each group of runs joined once: adding them one by one is quadratic)
    for end in range(1, len(runs) + 1):
        if end == len(runs) or runs[end][1:] != runs[start][1:]:
            run = runs[start]
            if end - start > 1:
                run = ("".join([text for text, *_ in runs[start:end]]), *run[1:])
            if run[0]:
                merged.append(run)
            start = end
    return tuple(merged)  # (a list first: faster for a few runs)


def _has_text_before(runs: list[Run], position: int) -> bool:
    """:func:`_has_text` of the first ``position`` runs, not copied (a chain of paragraphs
    whose marks are deleted gathers many)."""
    return any(not run[0].isspace() for run in islice(runs, position))


def _has_text(runs: tuple[Run, ...]) -> bool:
    if len(runs) == 1:
        return not runs[0][0].isspace()
    return any(not run[0].isspace() for run in runs)


def _twips(value: str | None) -> int:
    try:
        return int(value) if value else 0
    except ValueError:
        return 0


def _field_link(code: str) -> str | None:
    match = _HYPERLINK_FIELD.match(code)
    if match is None:
        return None
    target = match.group("target")
    if match.group("local"):
        return clean_target(f"#{target}")
    anchor = _FIELD_ANCHOR.search(code, match.end())
    return clean_target(f"{target}#{anchor.group('anchor')}" if anchor else target)


def _is_math_text(node: etree._Element) -> bool:
    return isinstance(node.tag, str) and node.tag.endswith("}t")


def _looks_at_first_row(look: etree._Element | None, n: Names) -> bool:
    """Word's "Header Row" table option: ``w:firstRow``, or bit 0x0020 of the older ``w:val``."""
    if look is None:
        return False
    named = toggle(look, n.firstRow) if look.get(n.firstRow) is not None else None
    if named is not None:
        return named
    try:
        return bool(int(look.get(n.val, "0"), 16) & 0x0020)
    except ValueError:
        return False


def _value(element: etree._Element | None, n: Names) -> int | None:
    return number(element.get(n.val)) if element is not None else None


def _merge_state(element: etree._Element | None, n: Names) -> str | None:
    """``w:vMerge``/``w:hMerge``: ``restart``, ``continue`` (also when the value is left out)."""
    if element is None:
        return None
    return "restart" if element.get(n.val) == "restart" else "continue"


def _style_id(paragraph: etree._Element, n: Names) -> str | None:
    properties = first(paragraph, n.pPr)
    style = first(properties, n.pStyle) if properties is not None else None
    return style.get(n.val) if style is not None else None


def _fills(properties: etree._Element | None, items: list[Item], merge: str | None) -> bool:
    """Whether a cell is an empty one with no border on any side: what LibreOffice puts where a
    short row ended (``w:gridAfter``) when it saves a table. Trailing ones are left out, so a
    re-save does not add cells to a row."""
    if (
        merge is not None
        or properties is None
        or any(not isinstance(item, Para) or item.text.strip() for item in items)
    ):
        return False
    borders = next((child for child in properties if _local(child.tag) == "tcBorders"), None)
    if borders is None:
        return False
    nil = {_local(edge.tag) for edge in borders if edge.get(f"{{{W}}}val") in ("nil", "none")}
    return (
        {"top", "bottom"} <= nil and bool({"left", "start"} & nil) and bool({"right", "end"} & nil)
    )


def _local(tag: object) -> str:
    return str(tag).rpartition("}")[2]
