"""Paragraph and character styles: what a paragraph *is*, decided by style names, not ids.

Word stores built-in style names in English whatever the interface language, but localised Word
gives them ids such as ``1`` (heading 1) or ``a4`` (Block Text), and LibreOffice and Google Docs
have their own ids; so ``styles.xml`` is read once per distinct part and every paragraph style is
resolved to a *role* through its name, then its outline level (``w:outlineLvl`` 0-5 is a
heading, 9 is body text), then the style it is based on. A style id that ``styles.xml`` does not
define is ordinary text, as Word shows it.

A style's numbering properties are kept too, because lists are often made by a style that
carries them (see :mod:`.numbering`). Character styles contribute bold and italic (``Strong`` and
``Emphasis`` are character styles).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from articlekit._text import lazy_pattern
from articlekit.formats.docx.names import Names, first, names, number

if TYPE_CHECKING:
    from lxml import etree

MAX_LEVEL = 8
"""Word's list levels are 0-8."""
MAX_CHAIN = 16
"""Longest ``basedOn`` chain followed; longer ones are cycles or hostile."""

_ROLE_BY_NAME = {
    "title": "title", "subtitle": "subtitle", "byline": "byline", "dateline": "dateline",
    "source line": "source", "author": "author", "date": "date", "abstract": "abstract",
    "quote": "quote", "intense quote": "quote", "block text": "quote", "block quote": "quote",
    "caption": "caption", "image caption": "figurecaption", "figure caption": "figurecaption",
    "table caption": "tablecaption", "credit": "credit", "table heading": "cellhead",
    "lead picture": "lead",
}  # fmt: skip
_HEADING = lazy_pattern(r"^heading ([1-9])$")
_NUMBERED_NAME = lazy_pattern(r"^list (bullet|number|continue)(?: ([2-9]))?$")
_OFF = {"0", "false", "off"}


@dataclass(frozen=True, slots=True)
class ParagraphStyle:
    """What a paragraph style makes of its paragraphs."""

    role: str
    """``body``, ``title``, ``subtitle``, ``byline``, ``source``, ``dateline``, ``author``,
    ``date``, ``abstract``, ``heading``, ``quote``, ``continue`` (a list item's further
    paragraph), a caption role (``caption``, ``figurecaption``, ``tablecaption``, ``credit``),
    ``cellhead`` (a header cell's paragraph) or ``lead`` (the paragraph of a lead picture)."""
    level: int = 0
    """Heading level 1-6, or the list level of a ``continue`` style or a list style."""
    num_id: str | None = None
    """Numbering instance the style applies, when it has one."""
    ilvl: int | None = None
    list_kind: bool | None = None
    """``True``/``False``: a ``List Number``/``List Bullet`` style, ordered or not, by name."""


BODY = ParagraphStyle("body")


def toggle(element: etree._Element | None, val: str) -> bool | None:
    """A toggle property (``w:b``, ``w:i``): on, off, or not set."""
    if element is None:
        return None
    return element.get(val, "true").lower() not in _OFF


@dataclass(frozen=True)
class Styles:
    """The resolved paragraph and character styles of one ``styles.xml``."""

    paragraph: dict[str, ParagraphStyle]
    character: dict[str, tuple[bool | None, bool | None]]
    """Character style id → (bold, italic) it applies, ``None`` when it leaves them alone."""
    default: ParagraphStyle
    names: frozenset[str]
    """Every style name, lower-case (``byline`` and ``dateline`` mark articlekit's layout)."""
    numbering_styles: dict[str, str]
    """Numbering styles (``w:type="numbering"``) → the numbering instance they apply."""

    def of(self, style_id: str | None) -> ParagraphStyle:
        if style_id is None:
            return self.default
        return self.paragraph.get(style_id, BODY)


EMPTY_STYLES = Styles({}, {}, BODY, frozenset(), {})


def parse_styles(data: bytes) -> Styles:
    """Resolve ``styles.xml``."""
    from articlekit import _xml

    root = _xml.parse(data)[0]
    n = names(root.tag.rpartition("}")[0].lstrip("{"))
    raw: dict[str, tuple[str, etree._Element]] = {}
    for style in root.iter(n.style):
        style_id = style.get(n.styleId)
        if style_id is not None:
            raw[style_id] = (style.get(n.type_, "paragraph"), style)
    paragraph: dict[str, ParagraphStyle] = {}
    character: dict[str, tuple[bool | None, bool | None]] = {}
    default = BODY
    all_names: set[str] = set()
    numbering_styles: dict[str, str] = {}
    for style_id, (kind, style) in raw.items():
        all_names.add(_name(style, n))
        if kind == "paragraph":
            paragraph[style_id] = _resolve_paragraph(style_id, raw, n)
            if style.get(n.default_, "").lower() in ("1", "true", "on"):
                default = paragraph[style_id]
        elif kind == "character":
            character[style_id] = _resolve_character(style_id, raw, n)
        elif kind == "numbering" and style.find(n.pPr) is not None:
            num_id = numbering_of(style.find(n.pPr), n)[0]
            if num_id is not None:
                numbering_styles[style_id] = num_id
    return Styles(paragraph, character, default, frozenset(all_names), numbering_styles)


def _name(style: etree._Element, n: Names) -> str:
    element = style.find(n.name)
    value = element.get(n.val, "") if element is not None else ""
    return " ".join(value.lower().split())


def _chain(
    style_id: str, raw: dict[str, tuple[str, etree._Element]], kind: str, n: Names
) -> Iterator[etree._Element]:
    """The style and the styles it is based on, nearest first (cycles and long chains cut)."""
    seen: set[str] = set()
    current: str | None = style_id
    while current is not None and current not in seen and len(seen) < MAX_CHAIN:
        seen.add(current)
        style_kind, style = raw.get(current, ("", None))
        if style is None or style_kind != kind:
            return
        yield style
        based = style.find(n.basedOn)
        current = based.get(n.val) if based is not None else None


def _resolve_paragraph(
    style_id: str, raw: dict[str, tuple[str, etree._Element]], n: Names
) -> ParagraphStyle:
    """Role by name, else outline level, else the base style; numbering from the nearest style
    in the chain that sets it."""
    role: ParagraphStyle | None = None
    num_id: str | None = None
    ilvl: int | None = None
    for style in _chain(style_id, raw, "paragraph", n):
        properties = style.find(n.pPr)
        if num_id is None and properties is not None:
            num_id, ilvl = numbering_of(properties, n)
        if role is None:
            role = _role_of(style, properties, n)
    result = role or BODY
    if num_id is not None:
        return ParagraphStyle(result.role, result.level, num_id, ilvl, result.list_kind)
    return result


def _role_of(
    style: etree._Element, properties: etree._Element | None, n: Names
) -> ParagraphStyle | None:
    name = _name(style, n)
    if name in _ROLE_BY_NAME:
        return ParagraphStyle(_ROLE_BY_NAME[name])
    heading = _HEADING.match(name)
    if heading:
        return ParagraphStyle("heading", min(int(heading.group(1)), 6))
    listed = _NUMBERED_NAME.match(name)
    if listed:
        level = int(listed.group(2) or 1) - 1
        if listed.group(1) == "continue":
            return ParagraphStyle("continue", level)
        return ParagraphStyle("body", level, list_kind=listed.group(1) == "number")
    outline = properties.find(n.outlineLvl) if properties is not None else None
    if outline is not None:
        value = number(outline.get(n.val))
        if value is not None and value < 9:
            return ParagraphStyle("heading", min(value + 1, 6))
        return BODY  # level 9: explicitly body text, whatever the base style says
    return None


def numbering_of(properties: etree._Element, n: Names) -> tuple[str | None, int | None]:
    """``w:numPr`` of paragraph properties: the numbering instance id and level, if set."""
    numbering = first(properties, n.numPr)
    if numbering is None:
        return None, None
    return numbering_in(numbering, n)


def numbering_in(numbering: etree._Element, n: Names) -> tuple[str | None, int | None]:
    """The numbering instance id and level of a ``w:numPr``."""
    num = first(numbering, n.numId)
    level = first(numbering, n.ilvl)
    ilvl = number(level.get(n.val, "0")) if level is not None else None
    return (
        num.get(n.val) if num is not None else None,
        min(ilvl, MAX_LEVEL) if ilvl is not None else None,
    )


def _resolve_character(
    style_id: str, raw: dict[str, tuple[str, etree._Element]], n: Names
) -> tuple[bool | None, bool | None]:
    bold: bool | None = None
    italic: bool | None = None
    for style in _chain(style_id, raw, "character", n):
        properties = style.find(n.rPr)
        if properties is not None:
            bold = toggle(properties.find(n.b), n.val) if bold is None else bold
            italic = toggle(properties.find(n.i), n.val) if italic is None else italic
        name = _name(style, n)
        bold = True if bold is None and name == "strong" else bold
        italic = True if italic is None and name == "emphasis" else italic
    return bold, italic
