"""Writing .docx: the lean template's static parts once, five small parts per article.

Per article only ``document.xml`` (the paragraphs of :func:`~.layout.flatten`, built as text with
exact escaping), its relationships (one per distinct link target), ``numbering.xml`` (one
numbering instance per list, numbered lists restarting at 1), ``core.xml`` and the embedded
article are made; the static parts (styles, settings, theme, content types, package
relationships) are compressed once per process and copied. The zip container is written here
too, because its whole point is to be deterministic: fixed part order, every timestamp
1980-01-01 00:00, no extra fields, so the same article always gives the same bytes.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from functools import cache

from articlekit.errors import OutputError
from articlekit.formats._support import without_media
from articlekit.formats.docx import core, embedded
from articlekit.formats.docx.layout import Flattener, Para, Run
from articlekit.formats.docx.names import CONTENT_TYPES, PACKAGE_RELATIONSHIPS, RELATIONSHIP_BASE
from articlekit.formats.docx.package import MAX_RATIO, MAX_XML_PART, RATIO_FLOOR
from articlekit.formats.docx.template import FIRST_LIST_NUM_ID, INDENT_STEP, load
from articlekit.formats.docx.xmltext import escape_attribute, escape_text
from articlekit.model import Article
from articlekit.registry import Context

_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "application/vnd.openxmlformats-officedocument"
_STYLE = {
    "title": "Title", "subtitle": "Subtitle", "byline": "Byline", "dateline": "Dateline",
    "quote": "Quote", "continue": "ListContinue",
}  # fmt: skip
_STATIC_RELATIONSHIPS = (
    ("styles", "styles.xml"),
    ("numbering", "numbering.xml"),
    ("settings", "settings.xml"),
    ("theme", "theme/theme1.xml"),
    ("customXml", f"../{embedded.ITEM}"),
)
_NOT_SHOWN = ("slugline", "source", "editor_note", "places", "people", "organisations",
              "rights", "urgency", "extras")  # fmt: skip
DEFLATE_LEVEL = 6
PIECE = embedded.PIECE
"""Characters of text in one ``w:t``: a longer run is written as several, since XML readers
refuse a text node of more than 10 MB (Word itself splits runs freely)."""


def write_article(article: Article, context: Context) -> bytes:
    flattener = Flattener()
    # Word shows what the layout holds; the embedded articlekit copy keeps the figures and tables.
    paras = flattener.article(without_media(article, context, "Word"))
    _report(article, flattener, context)
    template = load()
    links: dict[str, str] = {}
    document = b"".join(
        (template.document_head, render_paragraphs(paras, links).encode("utf-8"),
         template.document_tail)
    )  # fmt: skip
    item = embedded.render(article)
    for name, part in (("word/document.xml", document), (embedded.ITEM, item)):
        if len(part) > MAX_XML_PART:
            raise OutputError(
                f"the article is too long for .docx: {name} would be {len(part):,} bytes, more "
                f"than the {MAX_XML_PART:,} a .docx reader takes; not written"
            )
    return b"".join(
        _zip(
            (
                ("docProps/core.xml", core.render(core.values(article))),
                ("word/document.xml", document),
                ("word/_rels/document.xml.rels", _document_relationships(links)),
                ("word/numbering.xml", _numbering(paras)),
                (embedded.ITEM, item),
            )
        )
    )


def _report(article: Article, flattener: Flattener, context: Context) -> None:
    """Say what Word will not display; the embedded article keeps all of it."""
    hidden = [name for name in _NOT_SHOWN if getattr(article, name)]
    if article.published and article.created:
        hidden.append("created")
    if any(c.code or c.uri or c.vocabulary for c in article.subjects + article.genres):
        hidden.append("subject and genre codes")
    if any(person.role or person.uri for person in article.authors):
        hidden.append("author roles")
    if hidden:
        context.warn(
            "docx-not-displayed",
            f"Word does not display {', '.join(hidden)}; kept in the embedded articlekit copy",
        )
    if flattener.lost:
        context.warn(
            "structure-flattened",
            f"in Word {'; '.join(flattener.lost)}; the embedded articlekit copy keeps the "
            "structure",
        )
    if flattener.replaced:
        context.warn(
            "docx-character-replaced",
            f"{flattener.replaced} characters XML cannot hold (U+FFFE, U+FFFF) show as U+FFFD in "
            "Word; the embedded articlekit copy keeps them",
        )


# --- document.xml -------------------------------------------------------------------------------


def render_paragraphs(paras: list[Para], links: dict[str, str]) -> str:
    """The body's paragraphs; ``links`` collects hyperlink targets and their relationship ids."""
    out: list[str] = []
    for para in paras:
        properties = _properties(para)
        out.append(f"<w:p>{properties}{_runs(para.runs, links)}</w:p>")
    return "".join(out)


def _properties(para: Para) -> str:
    role = para.role
    if role == "body":
        return ""
    if role == "heading":
        return f'<w:pPr><w:pStyle w:val="Heading{para.level}"/></w:pPr>'
    if role == "item":
        style = "ListNumber" if para.ordered else "ListBullet"
        num_id = FIRST_LIST_NUM_ID + para.list_id - 1
        return (
            f'<w:pPr><w:pStyle w:val="{style}"/><w:numPr><w:ilvl w:val="{para.level}"/>'
            f'<w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
        )
    indent = ""
    if role == "quote" and para.level > 1:
        indent = f'<w:ind w:left="{INDENT_STEP * para.level}"/>'
    elif role == "continue":
        indent = f'<w:ind w:left="{INDENT_STEP * (para.level + 1)}"/>'
    return f'<w:pPr><w:pStyle w:val="{_STYLE[role]}"/>{indent}</w:pPr>'


def _runs(runs: tuple[Run, ...], links: dict[str, str]) -> str:
    out: list[str] = []
    for text, strong, emphasis, link in runs:
        marks = ('<w:rStyle w:val="Hyperlink"/>' if link else "") + (
            ("<w:b/>" if strong else "") + ("<w:i/>" if emphasis else "")
        )
        content = "<w:br/>".join(
            "".join(
                f'<w:t xml:space="preserve">{escape_text(line[start : start + PIECE])}</w:t>'
                for start in range(0, len(line), PIECE)
            )
            for line in text.split("\n")
        )
        run = f"<w:r><w:rPr>{marks}</w:rPr>{content}</w:r>" if marks else f"<w:r>{content}</w:r>"
        if link is None:
            out.append(run)
        elif link.startswith("#"):
            out.append(f'<w:hyperlink w:anchor="{escape_attribute(link[1:])}">{run}</w:hyperlink>')
        else:
            rel_id = links.setdefault(link, f"rId{len(_STATIC_RELATIONSHIPS) + len(links) + 1}")
            out.append(f'<w:hyperlink r:id="{rel_id}">{run}</w:hyperlink>')
    return "".join(out)


def _document_relationships(links: dict[str, str]) -> bytes:
    parts = [_DECLARATION, f'<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">']
    for number, (kind, target) in enumerate(_STATIC_RELATIONSHIPS, 1):
        parts.append(
            f'<Relationship Id="rId{number}" Type="{RELATIONSHIP_BASE}{kind}" Target="{target}"/>'
        )
    for target, rel_id in links.items():
        parts.append(
            f'<Relationship Id="{rel_id}" Type="{RELATIONSHIP_BASE}hyperlink" '
            f'Target="{escape_attribute(target)}" TargetMode="External"/>'
        )
    parts.append("</Relationships>")
    return "".join(parts).encode("utf-8")


def _numbering(paras: list[Para]) -> bytes:
    """The template's definitions plus one instance per list; numbered ones restart at 1."""
    template = load()
    lists: dict[int, Para] = {}
    for para in paras:
        if para.role == "item":
            lists.setdefault(para.list_id, para)
    if not lists:
        return template.numbering_head + template.numbering_tail
    instances: list[str] = []
    for list_id, para in lists.items():
        restart = (
            f'<w:lvlOverride w:ilvl="{para.level}"><w:startOverride w:val="1"/></w:lvlOverride>'
            if para.ordered
            else ""
        )
        instances.append(
            f'<w:num w:numId="{FIRST_LIST_NUM_ID + list_id - 1}">'
            f'<w:abstractNumId w:val="{int(para.ordered)}"/>{restart}</w:num>'
        )
    return template.numbering_head + "".join(instances).encode("utf-8") + template.numbering_tail


# --- static parts ------------------------------------------------------------------------------


def _static_parts() -> tuple[tuple[str, bytes], ...]:
    template = load()
    overrides = (
        ("/word/document.xml", f"{_MAIN}.wordprocessingml.document.main+xml"),
        ("/word/styles.xml", f"{_MAIN}.wordprocessingml.styles+xml"),
        ("/word/numbering.xml", f"{_MAIN}.wordprocessingml.numbering+xml"),
        ("/word/settings.xml", f"{_MAIN}.wordprocessingml.settings+xml"),
        ("/word/theme/theme1.xml", f"{_MAIN}.theme+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/docProps/app.xml", f"{_MAIN}.extended-properties+xml"),
        (f"/{embedded.PROPERTIES}", f"{_MAIN}.customXmlProperties+xml"),
    )
    content_types = (
        f'{_DECLARATION}<Types xmlns="{CONTENT_TYPES}">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in overrides)
        + "</Types>"
    )
    package_relationships = (
        f'{_DECLARATION}<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
        f'<Relationship Id="rId1" Type="{RELATIONSHIP_BASE}officeDocument" '
        'Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
        'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        f'<Relationship Id="rId3" Type="{RELATIONSHIP_BASE}extended-properties" '
        'Target="docProps/app.xml"/></Relationships>'
    )
    application = (
        f'{_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/'
        '2006/extended-properties"><Application>articlekit</Application></Properties>'
    )
    item_relationships = (
        f'{_DECLARATION}<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
        f'<Relationship Id="rId1" Type="{RELATIONSHIP_BASE}customXmlProps" '
        'Target="itemProps1.xml"/></Relationships>'
    )
    return (
        ("[Content_Types].xml", content_types.encode("utf-8")),
        ("_rels/.rels", package_relationships.encode("utf-8")),
        ("docProps/app.xml", application.encode("utf-8")),
        ("word/styles.xml", template.styles),
        ("word/settings.xml", template.settings),
        ("word/theme/theme1.xml", template.theme),
        (embedded.PROPERTIES, embedded.PROPERTIES_XML),
        ("customXml/_rels/item1.xml.rels", item_relationships.encode("utf-8")),
    )


# --- the zip container -------------------------------------------------------------------------

_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_DOS_TIME = 0
_VERSION = 20  # 2.0: deflate


_DEFLATED, _STORED = 8, 0


@dataclass(frozen=True, slots=True)
class _Entry:
    name: bytes
    crc: int
    size: int
    data: bytes
    """The deflated (or stored) bytes."""
    method: int = _DEFLATED

    def local_header(self) -> bytes:
        return struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, _VERSION, 0, self.method, _DOS_TIME, _DOS_DATE,
            self.crc, len(self.data), self.size, len(self.name), 0,
        ) + self.name  # fmt: skip

    def central_header(self, offset: int) -> bytes:
        return struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, _VERSION, _VERSION, 0, self.method, _DOS_TIME,
            _DOS_DATE, self.crc, len(self.data), self.size, len(self.name), 0, 0, 0, 0, 0, offset,
        ) + self.name  # fmt: skip


def _entry(name: str, data: bytes) -> _Entry:
    """A deflated entry; stored as it is when it compresses so well that a reader would take it
    for a zip bomb (highly repetitive text)."""
    compressor = zlib.compressobj(DEFLATE_LEVEL, zlib.DEFLATED, -15)
    deflated = compressor.compress(data) + compressor.flush()
    crc = zlib.crc32(data)
    if len(data) > RATIO_FLOOR and len(data) > MAX_RATIO * len(deflated):
        return _Entry(name.encode("ascii"), crc, len(data), data, _STORED)
    return _Entry(name.encode("ascii"), crc, len(data), deflated)


@cache
def _static_entries() -> dict[str, _Entry]:
    """The static parts, compressed once per process."""
    return {name: _entry(name, data) for name, data in _static_parts()}


_ORDER = (
    "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
    "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml", "word/numbering.xml",
    "word/settings.xml", "word/theme/theme1.xml", embedded.ITEM,
    embedded.PROPERTIES, "customXml/_rels/item1.xml.rels",
)  # fmt: skip


def _zip(dynamic: tuple[tuple[str, bytes], ...]) -> list[bytes]:
    """The chunks of a zip holding the static parts and ``dynamic`` ones, in a fixed order."""
    entries = {**_static_entries(), **{name: _entry(name, data) for name, data in dynamic}}
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name in _ORDER:
        entry = entries[name]
        header = entry.local_header()
        central.append(entry.central_header(offset))
        chunks += (header, entry.data)
        offset += len(header) + len(entry.data)
    directory = b"".join(central)
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), len(directory), offset, 0
    )
    return [*chunks, directory, end]
