"""Writing .docx: the lean template's static parts once, a few small parts per article.

Per article only ``document.xml`` (the items of :func:`~.layout.flatten`, built as text with
exact escaping), its relationships (one per distinct link target and picture), ``numbering.xml``
(one numbering instance per list, numbered lists restarting at 1), ``core.xml``, the pictures'
``word/media`` parts and the embedded article are made; the static parts (styles, settings,
theme, package relationships, and the content types of a document without pictures) are
compressed once per process and copied (styles and settings once per language, for an article
in a language other than the template's US English, whose text they tag with it; an article
without one, or in ``und``, keeps the template's). Paragraphs that read right to left are
``w:bidi``, and their runs of right-to-left text ``w:rtl`` (see
:mod:`articlekit.formats._direction`). The zip container is written here too, because its
whole point is to be deterministic: fixed part order, every timestamp 1980-01-01 00:00, no extra
fields, so the same article always gives the same bytes. Pictures already compressed (JPEG, PNG,
GIF, WebP) are stored as they are.
"""

from __future__ import annotations

import struct
import zlib
from functools import cache, lru_cache
from typing import Any, NamedTuple

from articlekit._text import counted
from articlekit.errors import OutputError
from articlekit.formats._direction import (
    Direction,
    article_directions,
    direction_runs,
    holds_complex_letters,
    is_complex_script,
    is_east_asian,
    judged_direction,
    language_direction,
    left_to_right_only,
    own_direction,
)
from articlekit.formats.docx import core, embedded
from articlekit.formats.docx.layout import FLAGS_KEY, Flattener, Grid, Item, Para, Run, texts
from articlekit.formats.docx.limits import MAX_RATIO, MAX_XML_PART, RATIO_FLOOR
from articlekit.formats.docx.names import CONTENT_TYPES, PACKAGE_RELATIONSHIPS, RELATIONSHIP_BASE
from articlekit.formats.docx.pictures import Picture, part_name, render_drawing, shown
from articlekit.formats.docx.template import FIRST_LIST_NUM_ID, INDENT_STEP, load
from articlekit.formats.docx.xmltext import escape_attribute, escape_text
from articlekit.model import Article, Figure, Media
from articlekit.prose.headers import flags_above, only_flags, shows_note
from articlekit.registry import Context

_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "application/vnd.openxmlformats-officedocument"
_STYLE = {
    "title": "Title", "subtitle": "Subtitle", "byline": "Byline", "dateline": "Dateline",
    "source": "SourceLine", "quote": "Quote", "continue": "ListContinue", "caption": "Caption",
    "credit": "Credit", "tablecaption": "TableCaption", "cellhead": "TableHeading",
}  # fmt: skip
_STATIC_RELATIONSHIPS = (
    ("styles", "styles.xml"),
    ("numbering", "numbering.xml"),
    ("settings", "settings.xml"),
    ("theme", "theme/theme1.xml"),
    ("customXml", f"../{embedded.ITEM}"),
)
_NOT_SHOWN = ("slugline", "editor_note", "expires", "places", "people", "organisations",
              "rights", "urgency", "extras")  # fmt: skip
DEFLATE_LEVEL = 1
"""zlib level of the parts made for each article. Deflating is most of the writer's time: level 1
takes about half the time of zlib's default 6 on parts of a few KB, for a file about 3% larger
(11.6 KB instead of 11.2 KB for a story like the user's sample)."""
STATIC_DEFLATE_LEVEL = 6
"""zlib level of the template's parts, deflated once per process."""
STORED_BELOW = 1024
"""Parts made for each article smaller than this (the core properties, about 600 bytes) are
stored, not deflated: deflating costs about 15 µs a part whatever its size (zlib clears its hash
table and builds Huffman trees for each), to save some 230 bytes of a file of 11 KB."""
ITEM_STORED_BELOW = 64 * 1024
"""The embedded article's part (its JSON) is stored, not deflated, below this size: deflating it
takes about a fifth of writing a story like the user's sample (50-70 µs of some 260 µs), for
3.6 KB of a file of 15 KB (11.5 KB deflated). Word never shows the part; longer articles are
deflated, so that a file never grows by more than this."""
PIECE = embedded.PIECE
"""Characters of text in one ``w:t``: a longer run is written as several, since XML readers
refuse a text node of more than 10 MB (Word itself splits runs freely)."""
TEXT_TWIPS = 8640
"""Width of the template's text area in twips (6 inches), shared by a table's columns."""
_COMPRESSED = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})


def write_article(article: Article, context: Context) -> bytes:
    flattener = Flattener()
    items = flattener.article(article)
    _report(article, flattener, context)
    parts = Parts(article_directions(article).base)
    document = document_xml(items, parts)
    media = [(name, resource.data or b"") for name, resource in parts.media.values()]
    dynamic = [
        ("docProps/core.xml", core.render(core.values(article))),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", parts.relationships_xml()),
        ("word/numbering.xml", numbering_xml(items) if flattener.lists else _no_lists()),
        (embedded.ITEM, embedded.render(article, parts.shown if parts.media else {})),
    ]
    for name, part in dynamic[1], dynamic[-1]:
        if len(part) > MAX_XML_PART:
            raise OutputError(
                f"the article is too long for .docx: {name} would be {len(part):,} bytes, more "
                f"than the {MAX_XML_PART:,} a .docx reader takes; not written"
            )
    dynamic += language_parts(article.language, parts.right_to_left)
    if media:
        dynamic.append(("[Content_Types].xml", _content_types(parts.content_types())))
    types = {name: resource.media_type for name, resource in parts.media.values()}
    return b"".join(_zip(dynamic, media, types))


def document_xml(items: list[Item], parts: Parts) -> bytes:
    """``word/document.xml`` showing ``items``; ``parts`` collects what it refers to. Their
    paragraphs are judged for a direction of their own only when one may read against the
    article's: their texts tested once (see :func:`.judged_direction`)."""
    parts.judged = judged_direction(parts.direction, texts(items))
    template = load()
    return b"".join(
        (template.document_head, parts.items(items).encode("utf-8"), template.document_tail)
    )


def _report(article: Article, flattener: Flattener, context: Context) -> None:
    """Say what Word will not display; the embedded article keeps all of it."""
    hidden = [name for name in _NOT_SHOWN if getattr(article, name)]
    if "extras" in hidden and article.headline and only_flags(article.extras):
        hidden.remove("extras")  # (flag lines alone, shown above the headline)
    if shows_note(article.editor_note, flags_above(article, FLAGS_KEY)):
        hidden.remove("editor_note")  # (a hold with no end, shown above the headline)
    if article.embargoed is not None and not article.headline:  # (else shown above it)
        hidden.append("embargoed")
    if article.source is not None and article.source.uri:
        hidden.append("the source's URI")
    if article.published and article.created:
        hidden.append("created")
    if any(c.code or c.uri or c.vocabulary for c in article.subjects + article.genres):
        hidden.append("subject and genre codes")
    if any(person.role or person.uri for person in article.authors):
        hidden.append("author roles")
    shown_media = flattener.media
    others = len(article.media) - sum(isinstance(media, Media) for media in shown_media)
    if others:
        hidden.append(f"{counted(others, 'gallery or related media item')}")
    details = _media_details(shown_media) if shown_media else []
    if details:
        hidden.append(f"the media items' {', '.join(details)}")
    if hidden:
        context.warn(
            "docx-not-displayed",
            f"Word does not display {', '.join(hidden)}; kept in the embedded articlekit copy",
        )  # (no fields: what the embedded copy keeps reads back unchanged)
    if flattener.lost:
        context.warn(
            "structure-flattened",
            f"in Word {'; '.join(flattener.lost)}; the embedded articlekit copy keeps the "
            "structure",
        )
    if flattener.unshown:
        unshown = counted(
            flattener.unshown, "figure or lead media item", "figures or lead media items"
        )
        context.warn(
            "docx-media-not-shown",
            f"{unshown} with no picture "
            "Word can show (video, audio, no image bytes or linkable image URI): figures show only "
            "their caption and credit, lead media nothing; the embedded articlekit copy keeps them",
        )
    resized = sum(1 for media in shown_media if _resized(media))
    if resized:
        context.warn(
            "docx-picture-resized",
            f"{counted(resized, 'picture')} shown at a size the article does not give (none "
            "given, or larger than the page); the embedded articlekit copy keeps the sizes",
        )
    if flattener.replaced:
        context.warn(
            "docx-character-replaced",
            f"{counted(flattener.replaced, 'character')} XML cannot hold (U+FFFE, U+FFFF) shown "
            "as U+FFFD in Word; the embedded articlekit copy keeps them",
        )


def _media_details(shown_media: list[Figure | Media]) -> list[str]:
    """What Word does not show of the media it shows: only one rendition's picture, size, alt
    text and title are visible, with the caption and credit."""
    found: set[str] = set()
    for media in shown_media:
        picture = shown(media)
        if media.rights is not None:
            found.add("rights")
        if media.id is not None or (isinstance(media, Media) and media.name is not None):
            found.add("identifiers")
        if media.extras:
            found.add("extras")
        if media.kind == "graphic":
            found.add("kinds")
        if media.creators:
            found.add("creators (named in the credit line)")
        if picture is not None and len(media.renditions) > 1:
            found.add("other renditions")
        for rendition in media.renditions:
            if rendition.name or rendition.title or rendition.size is not None or rendition.extras:
                found.add("rendition names and sizes")
            if rendition.media_type and rendition.resource is None:
                found.add("rendition media types")
            if rendition.uri and rendition.resource is not None:
                found.add("rendition URIs")
    return sorted(found)


def _resized(media: Figure | Media) -> bool:
    picture = shown(media)
    if picture is None:
        return False
    rendition = next(
        (
            rendition
            for rendition in media.renditions
            if (picture.resource is not None and rendition.resource is picture.resource)
            or (picture.resource is None and rendition.uri == picture.uri)
        ),
        None,
    )
    return rendition is None or (rendition.width, rendition.height) != (
        picture.width,
        picture.height,
    )


# --- document.xml -------------------------------------------------------------------------------


class Parts:
    """Renders items, collecting what the document refers to: hyperlink targets, pictures'
    parts and links, each with a relationship id in order of first use."""

    def __init__(self, direction: Direction = "ltr") -> None:
        self.direction = direction
        """The direction of the article's text: a paragraph reads so unless its own letters
        read the other way (``w:bidi`` on right-to-left paragraphs, ``w:rtl`` on runs of
        right-to-left text, ``w:bidiVisual`` on the tables of a right-to-left article)."""
        self.judged: Direction | None = direction
        """The direction paragraphs are judged against: ``None`` when none can read against the
        article's (set by :func:`document_xml`)."""
        self.right_to_left = False
        """Whether a run of right-to-left text was written."""
        self.relationships: dict[tuple[str, str], str] = {}
        """(kind, target) → relationship id; kinds ``hyperlink``, ``image`` (a part), ``link``
        (a linked picture)."""
        self.media: dict[str, tuple[str, Any]] = {}
        """sha256 → (part name, resource) of the pictures' bytes."""
        self.drawings = 0

    @property
    def shown(self) -> dict[str, str]:
        """sha256 → part name of the bytes the document shows."""
        return {sha256: name for sha256, (name, _) in self.media.items()}

    def items(self, items: list[Item] | tuple[Item, ...]) -> str:
        out: list[str] = []
        previous: Item | None = None
        for item in items:
            if isinstance(item, Para):
                runs = item.runs
                if self.judged is None or (
                    self.direction == "ltr" and all(left_to_right_only(run[0]) for run in runs)
                ):
                    direction: Direction | None = None  # (most paragraphs: nothing to say)
                    properties = "" if item.role == "body" else _properties(item)
                else:
                    direction = self._paragraph_direction(runs)
                    properties = _properties(item, direction == "rtl")
                if len(runs) == 1 and direction is None:
                    text, strong, emphasis, link = runs[0]
                    if (
                        link is None
                        and not (strong or emphasis)
                        and 0 < len(text) <= PIECE
                        and "\n" not in text
                    ):
                        # most paragraphs: one plain run of one line, one piece (as runs()
                        # writes it)
                        out.append(
                            f'<w:p>{properties}<w:r><w:t xml:space="preserve">{escape_text(text)}'
                            "</w:t></w:r></w:p>"
                        )
                        previous = item
                        continue
                out.append(f"<w:p>{properties}{self.runs(runs, direction)}</w:p>")
            elif isinstance(item, Picture):
                out.append(self.picture(item))
            else:
                if isinstance(previous, Grid):  # tables with nothing between them merge
                    out.append("<w:p/>")
                out.append(self.table(item))
            previous = item
        return "".join(out)

    def _paragraph_direction(self, runs: tuple[Run, ...]) -> Direction:
        """The direction a paragraph of ``runs`` reads in: the article's, unless its letters
        read the other way."""
        text = runs[0][0] if len(runs) == 1 else "".join([run[0] for run in runs])
        return own_direction(text, self.direction) or self.direction

    def runs(self, runs: tuple[Run, ...], direction: Direction | None = None) -> str:
        """The runs of a paragraph; of one that reads in a ``direction`` (one with text of a
        right-to-left script), a run's stretches of text that read the other way are runs of
        their own."""
        out: list[str] = []
        for text, strong, emphasis, link in runs:
            if direction is not None:
                pieces = direction_runs(text, direction)
                self.right_to_left = self.right_to_left or any(rtl for _, rtl in pieces)
                run = "".join(
                    _run(piece, strong, emphasis, link is not None, rtl) for piece, rtl in pieces
                )
            elif (
                link is None
                and not (strong or emphasis)
                and 0 < len(text) <= PIECE
                and "\n" not in text
            ):
                # most runs: plain text of one line, one piece
                out.append(f'<w:r><w:t xml:space="preserve">{escape_text(text)}</w:t></w:r>')
                continue
            else:
                run = _run(text, strong, emphasis, link is not None, rtl=False)
            if link is None:
                out.append(run)
            elif link.startswith("#"):
                anchor = escape_attribute(link[1:])
                out.append(f'<w:hyperlink w:anchor="{anchor}">{run}</w:hyperlink>')
            else:
                rel_id = self._relationship("hyperlink", link)
                out.append(f'<w:hyperlink r:id="{rel_id}">{run}</w:hyperlink>')
        return "".join(out)

    def picture(self, picture: Picture) -> str:
        resource = picture.resource
        if resource is not None:
            if resource.sha256 not in self.media:
                name = part_name(len(self.media) + 1, resource.media_type)
                self.media[resource.sha256] = (name, resource)
            rel_id = self._relationship("image", self.media[resource.sha256][0])
        else:
            rel_id = self._relationship("link", picture.uri or "")
        self.drawings += 1
        style = '<w:pStyle w:val="LeadPicture"/>' if picture.lead else "<w:keepNext/>"
        if self.direction == "rtl":  # (placed at the start of the line: the right)
            style += "<w:bidi/>"
        return f"<w:p><w:pPr>{style}</w:pPr>{render_drawing(picture, rel_id, self.drawings)}</w:p>"

    def table(self, grid: Grid) -> str:
        """A table on its grid: header rows repeated on each page, spans as ``w:gridSpan`` and
        ``w:vMerge``, equal column widths (the caption is a paragraph above it)."""
        placement = grid.placement
        assert placement is not None
        columns = max(placement.columns, 1)
        width = TEXT_TWIPS // columns
        first = "1" if grid.header_rows else "0"
        visual = "<w:bidiVisual/>" if self.direction == "rtl" else ""  # (first column right)
        out = [
            f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>{visual}'
            '<w:tblW w:w="0" w:type="auto"/>'
            f'<w:tblLook w:firstRow="{first}" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>'
            + f'<w:gridCol w:w="{width}"/>' * columns
            + "</w:tblGrid>"
        ]
        for index, (slots, cells) in enumerate(zip(placement.rows, grid.rows, strict=True)):
            end = slots[-1].column + slots[-1].colspan if slots else 0
            row_properties = (
                f'<w:gridAfter w:val="{columns - end}"/>' if end < columns else ""
            ) + ("<w:tblHeader/>" if index < grid.header_rows else "")
            out.append(f"<w:tr><w:trPr>{row_properties}</w:trPr>" if row_properties else "<w:tr>")
            remaining = iter(cells)
            for slot in slots:
                span = f'<w:gridSpan w:val="{slot.colspan}"/>' if slot.colspan > 1 else ""
                cell_width = f'<w:tcW w:w="{width * slot.colspan}" w:type="dxa"/>'
                if slot.continuation:
                    out.append(f"<w:tc><w:tcPr>{cell_width}{span}<w:vMerge/></w:tcPr><w:p/></w:tc>")
                    continue
                cell = next(remaining)
                merge = '<w:vMerge w:val="restart"/>' if cell.rowspan > 1 else ""
                content = self.items(cell.items)
                if not cell.items or not isinstance(cell.items[-1], Para | Picture):
                    # a cell ends with a paragraph; an empty header cell keeps its style
                    style = '<w:pPr><w:pStyle w:val="TableHeading"/></w:pPr>'
                    content += f"<w:p>{style}</w:p>" if cell.header and not cell.items else "<w:p/>"
                out.append(f"<w:tc><w:tcPr>{cell_width}{span}{merge}</w:tcPr>{content}</w:tc>")
            out.append("</w:tr>")
        out.append("</w:tbl>")
        return "".join(out)

    def _relationship(self, kind: str, target: str) -> str:
        return self.relationships.setdefault(
            (kind, target), f"rId{len(_STATIC_RELATIONSHIPS) + len(self.relationships) + 1}"
        )

    def relationships_xml(self) -> bytes:
        if not self.relationships:
            return _NO_RELATIONSHIPS
        parts = [_RELATIONSHIPS_HEAD]
        for (kind, target), rel_id in self.relationships.items():
            external = kind != "image"
            # a part is named relative to the document's folder; a link exactly as it is
            named = target if external else target.removeprefix("word/")
            parts.append(
                f'<Relationship Id="{rel_id}" Type="{RELATIONSHIP_BASE}'
                f'{"hyperlink" if kind == "hyperlink" else "image"}" '
                f'Target="{escape_attribute(named)}"'
                + (' TargetMode="External"/>' if external else "/>")
            )
        parts.append("</Relationships>")
        return "".join(parts).encode("utf-8")

    def content_types(self) -> tuple[tuple[str, str], ...]:
        return tuple((f"/{name}", resource.media_type) for name, resource in self.media.values())


_RELATIONSHIPS_HEAD = f'{_DECLARATION}<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">' + "".join(
    f'<Relationship Id="rId{number}" Type="{RELATIONSHIP_BASE}{kind}" Target="{target}"/>'
    for number, (kind, target) in enumerate(_STATIC_RELATIONSHIPS, 1)
)
"""The document's relationships to the static parts, which every document has."""
_NO_RELATIONSHIPS = f"{_RELATIONSHIPS_HEAD}</Relationships>".encode()


def _run(text: str, strong: bool, emphasis: bool, link: bool, rtl: bool) -> str:
    """One ``w:r`` of ``text`` (line breaks as ``w:br``, long lines in several ``w:t``). A run of
    right-to-left text is ``w:rtl``; Word takes the bold and italic of its complex-script text
    (right-to-left, Indic, Thai ...) from ``w:bCs`` and ``w:iCs``."""
    complex_script = (strong or emphasis) and (rtl or holds_complex_letters(text))
    marks = (
        ('<w:rStyle w:val="Hyperlink"/>' if link else "")
        + (("<w:b/><w:bCs/>" if complex_script else "<w:b/>") if strong else "")
        + (("<w:i/><w:iCs/>" if complex_script else "<w:i/>") if emphasis else "")
        + ("<w:rtl/>" if rtl else "")
    )
    content = "<w:br/>".join(
        "".join(
            f'<w:t xml:space="preserve">{escape_text(line[start : start + PIECE])}</w:t>'
            for start in range(0, len(line), PIECE)
        )
        for line in text.split("\n")
    )
    return f"<w:r><w:rPr>{marks}</w:rPr>{content}</w:r>" if marks else f"<w:r>{content}</w:r>"


def _properties(para: Para, rtl: bool = False) -> str:
    """``w:pPr`` of a paragraph: its style, numbering, ``w:bidi`` when it reads right to left
    (where the schema puts it: after the numbering, before the indentation), indentation."""
    role = para.role
    bidi = "<w:bidi/>" if rtl else ""
    if role == "body":
        return f"<w:pPr>{bidi}</w:pPr>" if rtl else ""
    if role == "heading":
        return f'<w:pPr><w:pStyle w:val="Heading{para.level}"/>{bidi}</w:pPr>'
    if role == "item":
        style = "ListNumber" if para.ordered else "ListBullet"
        num_id = FIRST_LIST_NUM_ID + para.list_id - 1
        return (
            f'<w:pPr><w:pStyle w:val="{style}"/><w:numPr><w:ilvl w:val="{para.level}"/>'
            f'<w:numId w:val="{num_id}"/></w:numPr>{bidi}</w:pPr>'
        )
    indent = ""
    if role == "quote" and para.level > 1:
        indent = f'<w:ind w:left="{INDENT_STEP * para.level}"/>'
    elif role == "continue":
        indent = f'<w:ind w:left="{INDENT_STEP * (para.level + 1)}"/>'
    return f'<w:pPr><w:pStyle w:val="{_STYLE[role]}"/>{bidi}{indent}</w:pPr>'


def _first_items(items: list[Item] | tuple[Item, ...], lists: dict[int, Para]) -> None:
    """The first item of each list in ``items`` (table cells included), by list id."""
    for item in items:
        if isinstance(item, Para):
            if item.role == "item" and item.list_id not in lists:
                lists[item.list_id] = item
        elif isinstance(item, Grid):
            for row in item.rows:
                for cell in row:
                    _first_items(cell.items, lists)


def numbering_xml(items: list[Item]) -> bytes:
    """The template's definitions plus one instance per list, restarting at its first number
    (1 but for a list that continues one before it)."""
    template = load()
    lists: dict[int, Para] = {}
    _first_items(items, lists)
    if not lists:
        return _no_lists()
    instances: list[str] = []
    for list_id, para in lists.items():
        # every list restarts its level: numbered ones count from their start (1 unless they
        # continue a list), and a reader (or a re-save that gives each item its own instance)
        # tells two lists in a row apart
        instances.append(
            f'<w:num w:numId="{FIRST_LIST_NUM_ID + list_id - 1}">'
            f'<w:abstractNumId w:val="{int(para.ordered)}"/><w:lvlOverride w:ilvl="{para.level}">'
            f'<w:startOverride w:val="{para.number}"/></w:lvlOverride></w:num>'
        )
    return template.numbering_head + "".join(instances).encode("utf-8") + template.numbering_tail


@cache
def _no_lists() -> bytes:
    """``numbering.xml`` of a document without lists: the template's definitions alone."""
    template = load()
    return template.numbering_head + template.numbering_tail


# --- the article's languages --------------------------------------------------------------------

TEMPLATE_LANGUAGES = b'<w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/>'
"""The template's default languages of text (``styles.xml``): the language of Latin (and
Cyrillic, Greek ...) text, of East Asian text, and of complex script (right-to-left, Indic,
Thai ...) text, which Word proofs each in and shapes by."""
TEMPLATE_THEME_LANGUAGES = b'<w:themeFontLang w:val="en-US" w:eastAsia="ja-JP"/>'
"""The languages whose theme fonts the template's text uses (``settings.xml``): its East Asian
text is in the theme's Japanese font."""


TEMPLATE_LATIN = ("en", "en-US")
"""Article languages the template's language of Latin text (``en-US``) stands for."""


def language_parts(language: str | None, right_to_left: bool) -> list[tuple[str, bytes]]:
    """``styles.xml`` and ``settings.xml`` with the article's language as the language of its
    text of that script, Latin (and Cyrillic, Greek ...), East Asian or complex (right-to-left,
    Indic, Thai ...; Word proofs it in it: a French story in French, a Hindi one's Devanagari
    in Hindi; and takes the theme's font of its script: Chinese in a Chinese font, not the
    template's Japanese one), and, for a document with ``right_to_left`` runs or in a
    complex-script language, articlekit's styles in bold or italic bold or italic in
    complex-script text too; none when the template's parts stand."""
    east_asian = language if is_east_asian(language) else None
    bidi = language if is_complex_script(language) else None
    latin = (
        language
        if language_direction(language) == "ltr"
        and east_asian is None
        and bidi is None
        and language not in TEMPLATE_LATIN
        else None
    )
    if latin is None and east_asian is None and bidi is None and not right_to_left:
        return []
    return _languages(latin, east_asian, bidi, right_to_left or bidi is not None)


COMPLEX_SCRIPT_STYLES = (
    ("Byline", b"<w:rPr><w:i/></w:rPr>", b"<w:rPr><w:i/><w:iCs/></w:rPr>"),
    ("Dateline", b"<w:rPr><w:b/><w:smallCaps/>", b"<w:rPr><w:b/><w:bCs/><w:smallCaps/>"),
    ("Credit", b'<w:rPr><w:b w:val="0"/><w:i/></w:rPr>',
     b'<w:rPr><w:b w:val="0"/><w:bCs w:val="0"/><w:i/><w:iCs/></w:rPr>'),
    ("TableHeading", b"<w:rPr><w:b/></w:rPr>", b"<w:rPr><w:b/><w:bCs/></w:rPr>"),
)  # fmt: skip
"""articlekit's styles (style id, run properties, with their complex-script twins): Word shows
a right-to-left run bold or italic by ``w:bCs`` and ``w:iCs``, which Word's own styles set
beside ``w:b`` and ``w:i`` (headings, Title, Quote, Caption) and python-docx does not."""


@lru_cache(maxsize=16)
def _languages(
    latin: str | None, east_asian: str | None, bidi: str | None, right_to_left: bool
) -> list[tuple[str, bytes]]:
    template = load()
    defaults = TEMPLATE_LANGUAGES
    theme = TEMPLATE_THEME_LANGUAGES
    if latin is not None:
        value = escape_attribute(latin).encode("ascii")
        defaults = defaults.replace(b'w:val="en-US"', b'w:val="' + value + b'"')
    if east_asian is not None:
        value = escape_attribute(east_asian).encode("ascii")
        defaults = defaults.replace(b'w:eastAsia="en-US"', b'w:eastAsia="' + value + b'"')
        theme = theme.replace(b'w:eastAsia="ja-JP"', b'w:eastAsia="' + value + b'"')
    if bidi is not None:
        value = escape_attribute(bidi).encode("ascii")
        defaults = defaults.replace(b'w:bidi="ar-SA"', b'w:bidi="' + value + b'"')
        theme = theme.replace(b"/>", b' w:bidi="' + value + b'"/>')
    styles = template.styles.replace(TEMPLATE_LANGUAGES, defaults)
    if right_to_left:
        for style, plain, twinned in COMPLEX_SCRIPT_STYLES:
            at = styles.index(b'w:styleId="' + style.encode("ascii") + b'"')
            end = styles.index(b"</w:style>", at)
            styles = styles[:at] + styles[at:end].replace(plain, twinned) + styles[end:]
    return [
        ("word/styles.xml", styles),
        ("word/settings.xml", template.settings.replace(TEMPLATE_THEME_LANGUAGES, theme)),
    ]


# --- static parts ------------------------------------------------------------------------------


_OVERRIDES = (
    ("/word/document.xml", f"{_MAIN}.wordprocessingml.document.main+xml"),
    ("/word/styles.xml", f"{_MAIN}.wordprocessingml.styles+xml"),
    ("/word/numbering.xml", f"{_MAIN}.wordprocessingml.numbering+xml"),
    ("/word/settings.xml", f"{_MAIN}.wordprocessingml.settings+xml"),
    ("/word/theme/theme1.xml", f"{_MAIN}.theme+xml"),
    ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
    ("/docProps/app.xml", f"{_MAIN}.extended-properties+xml"),
    (f"/{embedded.PROPERTIES}", f"{_MAIN}.customXmlProperties+xml"),
)


def _content_types(media: tuple[tuple[str, str], ...] = ()) -> bytes:
    """``[Content_Types].xml``; ``media``: (part name, media type) of the pictures' parts."""
    return (
        f'{_DECLARATION}<Types xmlns="{CONTENT_TYPES}">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + "".join(
            f'<Override PartName="{name}" ContentType="{kind}"/>'
            for name, kind in (*_OVERRIDES, *media)
        )
        + "</Types>"
    ).encode("utf-8")


def _static_parts() -> tuple[tuple[str, bytes], ...]:
    template = load()
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
        ("[Content_Types].xml", _content_types()),
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


class _Entry(NamedTuple):
    """One file of the written zip, its headers made when it is (static and repeating parts'
    once per process)."""

    name: bytes
    data: bytes
    """The deflated (or stored) bytes."""
    local_header: bytes
    """The local file header, the name included."""
    central_start: bytes
    """The central directory header up to the entry's offset (which depends on the entries
    before it); the name follows the offset."""


_LOCAL_HEADER = struct.Struct("<IHHHHHIIIHH")
_CENTRAL_START = struct.Struct("<IHHHHHHIIIHHHHHI")
_OFFSET = struct.Struct("<I")


def _made_entry(name: bytes, crc: int, size: int, data: bytes, method: int) -> _Entry:
    local = _LOCAL_HEADER.pack(
        0x04034B50, _VERSION, 0, method, _DOS_TIME, _DOS_DATE, crc, len(data), size, len(name), 0
    )
    central = _CENTRAL_START.pack(
        0x02014B50, _VERSION, _VERSION, 0, method, _DOS_TIME, _DOS_DATE, crc, len(data), size,
        len(name), 0, 0, 0, 0, 0,
    )  # fmt: skip
    return _Entry(name, data, local + name, central)


_REPEATING = frozenset({"[Content_Types].xml", "word/_rels/document.xml.rels",
                        "word/numbering.xml", "word/styles.xml", "word/settings.xml"})  # fmt: skip
"""Parts that articles shaped alike share, remembered once deflated (see :func:`_entry`)."""


def _entry(name: str, data: bytes, *, compress: bool = True) -> _Entry:
    """A deflated entry; stored as it is when ``compress`` is false (pictures already
    compressed), when it compresses so well that a reader would take it for a zip bomb, or when
    it is smaller than :data:`STORED_BELOW`. Deflating is most of the writer's time: the small
    parts that repeat from one article to the next (:data:`_REPEATING`) are deflated once."""
    if compress and name in _REPEATING:
        return _remembered_entry(name, data)
    if name == embedded.ITEM and len(data) < ITEM_STORED_BELOW:
        compress = False
    return _new_entry(name, data, compress=compress and len(data) >= STORED_BELOW)


def _new_entry(
    name: str, data: bytes, *, compress: bool = True, level: int = DEFLATE_LEVEL
) -> _Entry:
    crc = zlib.crc32(data)
    if compress:
        deflated = zlib.compress(data, level, wbits=-15)
        if not (len(data) > RATIO_FLOOR and len(data) > MAX_RATIO * len(deflated)):
            return _made_entry(name.encode("ascii"), crc, len(data), deflated, _DEFLATED)
    return _made_entry(name.encode("ascii"), crc, len(data), data, _STORED)


@lru_cache(maxsize=64)
def _remembered_entry(name: str, data: bytes) -> _Entry:
    return _new_entry(name, data)


@cache
def _static_entries() -> dict[str, _Entry]:
    """The static parts, compressed once per process."""
    return {
        name: _new_entry(name, data, level=STATIC_DEFLATE_LEVEL) for name, data in _static_parts()
    }


_ORDER = (
    "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
    "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml", "word/numbering.xml",
    "word/settings.xml", "word/theme/theme1.xml", embedded.ITEM,
    embedded.PROPERTIES, "customXml/_rels/item1.xml.rels",
)  # fmt: skip
_MEDIA_AFTER = "word/theme/theme1.xml"


def _zip(
    dynamic: list[tuple[str, bytes]], media: list[tuple[str, bytes]], types: dict[str, str]
) -> list[bytes]:
    """The chunks of a zip holding the static parts, ``dynamic`` ones and the pictures'
    ``media`` parts (``types``: their media types), in a fixed order."""
    entries = _static_entries().copy()
    for name, data in dynamic:
        entries[name] = _entry(name, data)
    order: tuple[str, ...] | list[str] = _ORDER
    if media:
        for name, data in media:
            entries[name] = _entry(name, data, compress=types[name] not in _COMPRESSED)
        order = list(_ORDER)
        at = order.index(_MEDIA_AFTER) + 1
        order[at:at] = [name for name, _ in media]
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    pack = _OFFSET.pack
    for name in order:
        name_bytes, data, local_header, central_start = entries[name]
        central += (central_start, pack(offset), name_bytes)
        chunks += (local_header, data)
        offset += len(local_header) + len(data)
    directory = b"".join(central)
    count = len(order)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), offset, 0)
    return [*chunks, directory, end]
