"""Reading WordprocessingML: every paragraph of a body as a :class:`~.layout.Para`, and the rest.

What becomes paragraphs: paragraphs (role from the style, numbering, indentation), tables (one
paragraph per row, cells joined by `` | ``), text boxes (their paragraphs, after the paragraph
that anchors them), content controls, smart tags, custom XML and the chosen branch of
``mc:AlternateContent``. Inside paragraphs: text, tabs, breaks, symbols, hyperlinks (elements and
``HYPERLINK`` fields; other fields show their result), bold and italic (direct or from a character
style). Tracked changes read as accepted: insertions and moves in kept, deletions and moves out
left out. What is set aside, for the reader to report: comments and the text they are anchored
to, footnote and endnote references, images and other drawings (with their descriptions), hidden
text, and formatting the model has no mark for (underline, strikethrough, small capitals,
superscript and subscript).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from articlekit.errors import InputError
from articlekit.formats.docx.layout import Para, Run
from articlekit.formats.docx.names import Names, number
from articlekit.formats.docx.numbering import Numbering
from articlekit.formats.docx.package import Relationship
from articlekit.formats.docx.styles import ParagraphStyle, Styles, numbering_of, toggle
from articlekit.formats.docx.symbols import SYMBOL_FONT, is_private, symbol_char, symbol_text
from articlekit.formats.docx.template import INDENT_STEP
from articlekit.model import MAX_BLOCKS, MAX_NESTING, is_safe_link
from articlekit.prose.controls import find_control, strip_controls

if TYPE_CHECKING:
    from lxml import etree

_HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+(?P<local>\\l\s+)?"(?P<target>[^"]*)"')
_SPACE = re.compile(r"\s+")
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
    tables: int = 0
    text_boxes: int = 0
    tracked: int = 0
    hidden: int = 0
    controls: int = 0
    formatting: set[str] = field(default_factory=set)
    symbol_fonts: set[str] = field(default_factory=set)
    """Symbol fonts other than Symbol whose private-use codes were kept (Wingdings...)."""


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
    ) -> None:
        self.n = n
        self.styles = styles
        self.numbering = numbering
        self.links = links
        self.aside = aside if aside is not None else SetAside()
        self._lists: dict[str, int] = {}
        self._fields: list[_Field] = []
        self._comments: set[str] = set()
        self._after: list[list[Para]] = []
        self._dropped = {f"{{{n.w}}}{local}": what for local, what in _DROPPED_MARKS.items()}

    # --- blocks -------------------------------------------------------------------------------

    def blocks(self, parent: etree._Element, out: list[Para]) -> list[Para]:
        n = self.n
        for child in parent:
            tag = child.tag
            if tag == n.p:
                self.paragraph(child, out)
            elif tag == n.tbl:
                self.table(child, out)
            elif tag == n.sdt:
                content = child.find(n.sdtContent)
                if content is not None:
                    self.blocks(content, out)
            elif tag in (n.customXml, n.ins, n.moveTo):
                self.blocks(child, out)
            elif tag == n.mc_alternate:
                self.blocks(_chosen(child, n), out)
            elif tag in (n.del_, n.moveFrom):
                self.aside.tracked += 1
        return out

    def table(self, table: etree._Element, out: list[Para]) -> None:
        self.aside.tables += 1
        n = self.n
        for row in _children(table, n.tr, n):
            runs: list[Run] = []
            for cell_index, cell in enumerate(_children(row, n.tc, n)):
                if cell_index:
                    runs.append((" | ", False, False, None))
                for para_index, para in enumerate(self.blocks(cell, [])):
                    if para_index:
                        runs.append((" ", False, False, None))
                    runs.extend(para.runs)
            merged = _merge(runs)
            if _has_text(tuple(run for run in merged if run[0].strip() != "|")):
                out.append(Para("body", merged))

    def paragraph(self, p: etree._Element, out: list[Para]) -> None:
        if len(out) > MAX_BLOCKS:  # millions of tiny paragraphs would fill memory
            raise InputError(f"more than {MAX_BLOCKS} paragraphs: too long for one article")
        n = self.n
        properties = p.find(n.pPr)
        style_id = num_id = None
        ilvl: int | None = None
        left = hanging = 0
        outline: int | None = None
        if properties is not None:
            style = properties.find(n.pStyle)
            style_id = style.get(n.val) if style is not None else None
            num_id, ilvl = numbering_of(properties, n)
            indent = properties.find(n.ind)
            if indent is not None:
                left = _twips(indent.get(n.left) or indent.get(n.start))
                hanging = _twips(indent.get(n.hanging))
            level = properties.find(n.outlineLvl)
            if level is not None:
                outline = number(level.get(n.val))
        style_info = self.styles.of(style_id)
        self._after.append([])
        runs = _merge(self.inline(p, None, []))
        after = self._after.pop()
        if self._fields:  # a field code never finished in its paragraph shows nothing more
            self._fields = [frame for frame in self._fields if frame.showing]
        for comment in self._comments:
            self.aside.comment_anchors[comment].append("\n")
        if _has_text(runs):
            if num_id is None and style_info.num_id is not None:
                num_id = style_info.num_id
                ilvl = ilvl if ilvl is not None else style_info.ilvl
            out.append(self._classify(runs, style_info, num_id, ilvl, left, hanging, outline))
        out.extend(after)

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
        role, level = style.role, style.level
        if role == "body":
            if num_id is not None and num_id != "0" and self.numbering.is_list(num_id):
                level = ilvl or 0
                ordered = self.numbering.is_ordered(num_id, level)
                return Para("item", runs, level, self._list_id(num_id), ordered)
            if style.list_kind is not None and num_id is None:
                return Para("item", runs, level, self._list_id(f"style {level}"), style.list_kind)
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

    def _list_id(self, key: str) -> int:
        return self._lists.setdefault(key, len(self._lists) + 1)

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
                content = child.find(n.sdtContent)
                if content is not None:
                    self.inline(content, link, runs)
            elif tag == n.fldSimple:
                self.inline(child, _field_link(child.get(n.instr, "")) or link, runs)
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
        properties = r.find(n.rPr)
        if properties is not None:
            fonts = properties.find(n.rFonts)
            symbol_font = fonts is not None and fonts.get(n.ascii, "").lower() == SYMBOL_FONT
            if toggle(properties.find(n.vanish), n.val):
                self.aside.hidden += 1
                return
            style = properties.find(n.rStyle)
            style_bold, style_italic = self.styles.character.get(
                style.get(n.val, "") if style is not None else "", (None, None)
            )
            bold = toggle(properties.find(n.b), n.val)
            italic = toggle(properties.find(n.i), n.val)
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
            elif tag in (n.fldChar, n.instrText):
                self._emit("".join(text), strong, emphasis, self._link(link), runs)
                text = []
                self._field(child)
            elif tag == n.footnoteReference:
                self.aside.footnotes.append(child.get(n.id_, ""))
            elif tag == n.endnoteReference:
                self.aside.endnotes.append(child.get(n.id_, ""))
            elif tag in (n.drawing, n.pict, n.object):
                self.graphic(child)
            elif tag == n.mc_alternate:
                for graphic in _chosen(child, n):
                    if graphic.tag in (n.drawing, n.pict, n.object):
                        self.graphic(graphic)
        self._emit(
            "".join(text), strong, emphasis, self._link(link) if self._fields else link, runs
        )

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
        if not text.isprintable() and find_control(text) is not None:
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
        return _clean_target(target)

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
            current.link = _field_link("".join(current.code))
        elif kind == "end" and self._fields:
            self._fields.pop()

    def _in_field_code(self) -> bool:
        return any(not frame.showing for frame in self._fields)

    def _link(self, link: str | None) -> str | None:
        for frame in reversed(self._fields):
            if frame.link:
                return frame.link
        return link

    # --- drawings -----------------------------------------------------------------------------

    def graphic(self, element: etree._Element) -> None:
        """A text box's paragraphs go after the current paragraph; anything else is an image."""
        n = self.n
        boxes = [box for box in element.iter(n.txbxContent) if not _nested_box(box, element, n)]
        if boxes:
            for box in boxes:
                self.aside.text_boxes += 1
                self.blocks(box, self._after[-1] if self._after else [])
            return
        description: dict[str, str] = {}
        for node in element.iter():
            if isinstance(node.tag, str) and node.tag.endswith(("}docPr", "}cNvPr", "}shape")):
                for key in _GRAPHIC_DESCRIPTION:
                    value = clean_attribute(node.get(key))
                    if value:
                        description.setdefault("description" if key == "descr" else key, value)
        self.aside.images.append(description)


def _chosen(alternate: etree._Element, n: Names) -> etree._Element:
    """The branch of ``mc:AlternateContent`` to read: the first Choice, else the Fallback."""
    choice = alternate.find(n.mc_choice)
    if choice is None:
        choice = alternate.find(n.mc_fallback)
    return choice if choice is not None else alternate.makeelement(n.mc_choice)


def _children(parent: etree._Element, tag: str, n: Names) -> list[etree._Element]:
    """Children with ``tag``, also those wrapped in content controls or custom XML."""
    found: list[etree._Element] = []
    for child in parent:
        if child.tag == tag:
            found.append(child)
        elif child.tag == n.sdt:
            content = child.find(n.sdtContent)
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
    merged: list[Run] = []
    for run in runs:
        if merged and merged[-1][1:] == run[1:]:
            merged[-1] = (merged[-1][0] + run[0], *run[1:])
        else:
            merged.append(run)
    return tuple(run for run in merged if run[0])


def _has_text(runs: tuple[Run, ...]) -> bool:
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
    return _clean_target(f"#{target}" if match.group("local") else target)


def _clean_target(target: str) -> str | None:
    """A link target the model accepts: no controls, inner whitespace percent-encoded."""
    target = _SPACE.sub("%20", strip_controls(target)[0].strip())
    return target or None


def clean_attribute(value: str | None) -> str:
    """An attribute's text as the model accepts it: no controls, whitespace collapsed."""
    return " ".join(strip_controls(value or "")[0].split())


def _is_math_text(node: etree._Element) -> bool:
    return isinstance(node.tag, str) and node.tag.endswith("}t")
