"""OOXML namespaces and relationship types, in both the Transitional and the Strict dialect.

Strict OOXML (ISO/IEC 29500 Strict) moves WordprocessingML and the relationship namespace to
``purl.oclc.org``; everything else a reader needs is the same. Element names are looked up as
Clark-notation strings (``{namespace}p``) built once per namespace, which keeps the inner loops
of the body reader to plain string comparisons.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
R_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
CORE = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
"""DrawingML, as the writer uses it (the reader matches drawing elements by local name, the
same in Transitional and Strict files)."""
VML_OFFICE = "urn:schemas-microsoft-com:office:office"
"""The Office namespace of VML, whose ``o:hr`` marks a shape as Word's horizontal line (the same
in both dialects)."""

RELATIONSHIP_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
"""Transitional relationship types are this plus a name (``styles``, ``hyperlink``, ...)."""


def number(value: str | None) -> int | None:
    """A non-negative decimal attribute value (``w:ilvl``, ``w:outlineLvl``), else ``None``;
    ``str.isdigit`` alone would accept digits such as ``²`` that ``int`` refuses."""
    if value and len(value) <= 9 and value.isascii() and value.isdigit():
        return int(value)
    return None


def relationship_kind(type_uri: str) -> str:
    """The last segment of a relationship type, the same in both dialects (``styles``)."""
    return type_uri.rstrip("/").rpartition("/")[2]


class Names:
    """Clark names of the WordprocessingML elements and attributes the reader looks at."""

    def __init__(self, w: str) -> None:
        strict = w == W_STRICT
        r = R_STRICT if strict else R
        self.w = w
        for local in (
            "abstractNum", "abstractNumId", "altChunk", "anchor", "ascii", "author", "b", "basedOn",
            "bdo", "body", "br", "char", "comment", "commentRangeEnd", "commentRangeStart", "cr",
            "customXml", "date", "default", "del", "dir", "drawing", "endnote", "endnoteReference",
            "firstRow", "fldChar", "fldCharType", "fldSimple", "font", "footnote",
            "footnoteReference", "gridBefore", "gridSpan", "hanging", "hMerge", "hyperlink", "i",
            "id", "ilvl", "ind", "ins", "instr", "instrText", "left", "lvl", "lvlOverride",
            "moveFrom", "moveTo", "name", "noBreakHyphen", "num", "numFmt", "numId", "numPr",
            "numStyleLink", "object", "outlineLvl", "p", "pPr", "pStyle", "pict", "r", "rFonts",
            "rPr", "rStyle", "rt", "ruby", "rubyBase", "sdt", "sdtContent", "smartTag",
            "softHyphen", "start", "startOverride", "style", "styleId", "styleLink", "sym", "t",
            "tab", "tbl", "tblCaption", "tblHeader", "tblLook", "tblPr", "tc", "tcPr", "tooltip",
            "tr", "trPr", "txbxContent", "type", "val", "vanish", "vMerge",
        ):  # fmt: skip
            setattr(self, _attribute(local), f"{{{w}}}{local}")
        self.r_id = f"{{{r}}}id"
        self.r_embed = f"{{{r}}}embed"
        self.r_link = f"{{{r}}}link"
        self.mc_alternate = f"{{{MC}}}AlternateContent"
        self.mc_choice = f"{{{MC}}}Choice"
        self.mc_fallback = f"{{{MC}}}Fallback"

    if TYPE_CHECKING:  # for mypy: the names are set in __init__. Not at run time: a class with
        # __getattr__ has every attribute looked up the slow way (Python does not specialise
        # attribute loads on it), and the body reader looks up names in its inner loops.

        def __getattr__(self, name: str) -> str: ...


def first(parent: etree._Element, tag: str) -> etree._Element | None:
    """The first child of ``parent`` with Clark name ``tag``: what ``parent.find(tag)`` returns,
    several times faster for the few children of a paragraph's or run's properties (``find``
    compiles and runs an ElementPath expression on every call)."""
    for child in parent:
        if child.tag == tag:
            return child
    return None


def slots(*tags: str) -> dict[str, int]:
    """Clark names ``tags`` by their place, for :func:`firsts`."""
    return {tag: index for index, tag in enumerate(tags)}


def firsts(parent: etree._Element, tags: dict[str, int]) -> list[etree._Element | None]:
    """The first child of ``parent`` with each of the names of ``tags`` (:func:`slots`), in
    their order: what :func:`first` gives for each, in one pass over the children instead of
    one for each name (a test holds the two to the same answers)."""
    found: list[etree._Element | None] = [None] * len(tags)
    for child in parent:
        index = tags.get(child.tag)
        if index is not None and found[index] is None:
            found[index] = child
    return found


def _attribute(local: str) -> str:
    return f"{local}_" if local in {"del", "type", "id", "default", "char"} else local


@cache
def names(w: str) -> Names:
    """The names for a WordprocessingML namespace (Transitional or Strict), built once."""
    return Names(w)
