"""The lean built-in template: the static parts of every .docx articlekit writes.

python-docx's default template is the foundation: Word's own definitions of Normal, Title,
Subtitle, Heading 1-6, Quote, List Bullet, List Number and List Continue, its theme, settings and
page setup. :func:`build` trims it to what an article needs (349 KB of styles become a few KB),
keeps ``Caption`` and ``Table Grid``, adds the named paragraph styles of :data:`OUR_STYLES`
(``Byline``, ``Dateline``, ``Source Line``, ``Lead Picture``, ``Credit``, ``Table Caption``,
``Table Heading``, so editors can restyle them) and a ``Hyperlink`` character style, declares the
DrawingML namespaces pictures use, and defines one bullet and one numbered multi-level list.

The result is kept in ``template/`` beside this module and loaded once per process by
:func:`load`, so writing never imports python-docx (its import alone costs about 50 ms, more than
a hundred articles' worth of writing) and the same article gives the same bytes whatever
python-docx version is installed. Regenerate after changing :func:`build`::

    python -m articlekit.formats.docx.template
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from articlekit.formats.docx.names import MC, PIC, WP, A, R, W

PARTS = ("document.xml", "styles.xml", "numbering.xml", "settings.xml", "theme1.xml")
"""The files of the template folder."""
BUILT_WITH = "1.2.0"
"""The python-docx version that built the shipped files (another may serialise differently)."""

KEPT_STYLES = (
    "Normal", "DefaultParagraphFont", "TableNormal", "NoList", "Title", "Subtitle",
    "Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "Heading6", "Quote",
    "ListBullet", "ListNumber", "ListContinue", "Caption", "TableGrid",
)  # fmt: skip
OUR_STYLES = (
    ("Byline", "Normal"), ("Dateline", "Normal"), ("Source Line", "Normal"),
    ("Lead Picture", "Normal"), ("Credit", "Caption"), ("Table Caption", "Caption"),
    ("Table Heading", "Normal"),
)  # fmt: skip
"""The paragraph styles articlekit adds (name, base style), so that editors can restyle them."""
BULLET_NUM_ID = 1
"""``w:num`` of the List Bullet style; per-list instances are numbered after the two styles'."""
NUMBER_NUM_ID = 2
FIRST_LIST_NUM_ID = 3
_BULLETS = ("•", "◦", "▪")
_NUMBER_FORMATS = ("decimal", "lowerLetter", "lowerRoman")
LIST_LEVELS = 9
"""Word numbering definitions have levels 0-8."""
INDENT_STEP = 720
"""Twips (half an inch) per list level and per quote depth."""


@dataclass(frozen=True)
class Template:
    """The template's parts, ready to be joined with each article's content."""

    document_head: bytes
    """``document.xml`` up to where the body's content goes."""
    document_tail: bytes
    """The section properties and closing tags."""
    styles: bytes
    numbering_head: bytes
    """``numbering.xml`` without its closing tag, so that each list can get its own instance."""
    numbering_tail: bytes
    settings: bytes
    theme: bytes


@cache
def load() -> Template:
    """The shipped template, read once per process."""
    folder: Any = Path(__file__).with_name("template")
    if not folder.is_dir():  # installed inside an archive: ask the import system for the files
        from importlib import resources  # (which imports zipfile: 6 ms of a one-shot run)

        folder = resources.files("articlekit.formats.docx") / "template"
    data = {name: (folder / name).read_bytes() for name in PARTS}
    document = data["document.xml"]
    split = document.index(b"<w:sectPr")
    numbering = data["numbering.xml"]
    end = numbering.rindex(b"</w:numbering>")
    return Template(
        document_head=document[:split],
        document_tail=document[split:],
        styles=data["styles.xml"],
        numbering_head=numbering[:end],
        numbering_tail=numbering[end:],
        settings=data["settings.xml"],
        theme=data["theme1.xml"],
    )


# --- building the template with python-docx (a development step) --------------------------------


def build() -> dict[str, bytes]:
    """The template folder's files, made from python-docx's default template."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import RGBColor

    document = docx.Document()
    styles = document.styles
    normal = styles["Normal"]
    caption = styles["Caption"]
    caption.hidden = False
    ours = {}
    for name, base in OUR_STYLES:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        style.quick_style = True
        style.next_paragraph_style = normal
        ours[name] = style
    ours["Byline"].font.italic = True
    ours["Dateline"].font.bold = True
    ours["Dateline"].font.small_caps = True
    ours["Source Line"].font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    ours["Credit"].font.bold = False
    ours["Credit"].font.italic = True
    ours["Table Heading"].font.bold = True
    for name in ("Lead Picture", "Table Caption"):
        ours[name].paragraph_format.keep_with_next = True
    hyperlink = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    hyperlink.font.underline = True
    hyperlink.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    hyperlink.unhide_when_used = True
    hyperlink.priority = 99

    kept = {*KEPT_STYLES, *(name.replace(" ", "") for name, _ in OUR_STYLES), "Hyperlink"}
    styles_root = styles.element
    for element in list(styles_root):
        if element.tag == f"{{{W}}}latentStyles" or (
            element.tag == f"{{{W}}}style" and element.get(f"{{{W}}}styleId") not in kept
        ):
            styles_root.remove(element)
    for link in styles_root.iter(f"{{{W}}}link"):
        link.getparent().remove(link)
    number_style = styles_root.find(f"{{{W}}}style[@{{{W}}}styleId='ListNumber']")
    number_style.find(f".//{{{W}}}numId").set(f"{{{W}}}val", str(NUMBER_NUM_ID))

    numbering = document.part.numbering_part.element
    for element in list(numbering):
        numbering.remove(element)
    _add_list_definitions(numbering)

    settings = document.settings.element
    for name in ("rsids", "proofState", "savePreviewPicture"):
        for element in settings.findall(f"{{{W}}}{name}"):
            settings.remove(element)
    for element in list(settings):
        if element.tag.endswith(("}docId", "}defaultImageDpi")):  # Word 2010 names, undeclared
            settings.remove(element)
    mode = settings.find(f".//{{{W}}}compatSetting[@{{{W}}}name='compatibilityMode']")
    mode.set(f"{{{W}}}val", "15")  # Word 2013 and later: no "compatibility mode" banner

    body = document.element.body
    for element in list(body):
        if element.tag != f"{{{W}}}sectPr":
            body.remove(element)
    theme = next(
        part.blob
        for part in document.part.package.iter_parts()
        if str(part.partname) == "/word/theme/theme1.xml"
    )
    return {
        "document.xml": _serialise(document.element, {"wp": WP, "a": A, "pic": PIC}),
        "styles.xml": _serialise(styles_root),
        "numbering.xml": _serialise(numbering),
        "settings.xml": _serialise(settings),
        "theme1.xml": theme,
    }


def _add_list_definitions(numbering: Any) -> None:
    """One bullet and one numbered definition, nine levels each, and the styles' instances."""
    from lxml import etree

    def w(tag: str) -> str:
        return f"{{{W}}}{tag}"

    def child(parent: Any, tag: str, **attributes: str) -> Any:
        element = etree.SubElement(parent, w(tag))
        for key, value in attributes.items():
            element.set(w(key), value)
        return element

    for number, ordered in ((0, False), (1, True)):
        definition = child(numbering, "abstractNum", abstractNumId=str(number))
        child(definition, "multiLevelType", val="hybridMultilevel")
        for level in range(LIST_LEVELS):
            lvl = child(definition, "lvl", ilvl=str(level))
            child(lvl, "start", val="1")
            if ordered:
                child(lvl, "numFmt", val=_NUMBER_FORMATS[level % 3])
                child(lvl, "lvlText", val=f"%{level + 1}.")
            else:
                child(lvl, "numFmt", val="bullet")
                child(lvl, "lvlText", val=_BULLETS[level % 3])
            child(lvl, "lvlJc", val="left")
            paragraph = child(lvl, "pPr")
            indent = str(INDENT_STEP * (level + 1))
            child(paragraph, "ind", left=indent, hanging="360")
    for num_id, abstract in ((BULLET_NUM_ID, 0), (NUMBER_NUM_ID, 1)):
        num = child(numbering, "num", numId=str(num_id))
        child(num, "abstractNumId", val=str(abstract))


def _serialise(root: Any, drawing: dict[str, str] | None = None) -> bytes:
    """Bytes without python-docx's bookkeeping: revision ids and unused namespaces (``drawing``:
    the DrawingML prefixes the document's pictures use, declared on its root)."""
    from lxml import etree

    for element in root.iter():
        for attribute in [name for name in element.attrib if "rsid" in name]:
            del element.attrib[attribute]
        if element.tag == f"{{{W}}}rsid":
            element.getparent().remove(element)
    root.attrib.pop(f"{{{MC}}}Ignorable", None)
    extra = drawing or {}
    etree.cleanup_namespaces(
        root, top_nsmap={"w": W, "r": R, **extra}, keep_ns_prefixes=["r", *extra]
    )
    text: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return text


def main() -> None:
    """Write :func:`build`'s files into the template folder."""
    import docx

    if docx.__version__ != BUILT_WITH:
        print(f"built with python-docx {docx.__version__}: update BUILT_WITH in {__file__}")
    folder = Path(__file__).with_name("template")
    for name, data in build().items():
        (folder / name).write_bytes(data)
        print(f"{folder / name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
