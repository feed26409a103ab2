"""Pictures: Word drawings read as figures, and figures written as Word pictures.

Reading. A drawing (``w:drawing`` inline or anchored, or a VML ``w:pict``) holds pictures when it
has ``pic:pic`` elements (or ``v:imagedata``): each is one picture. Its ``a:blip`` names an image
relationship: ``r:embed`` a part of the package, whose bytes become an embedded resource (media
type from ``[Content_Types].xml``, size and sha256 computed, the bytes never decoded), ``r:link``
a linked file, whose URI is kept as a reference and never fetched. Alt text comes from
``wp:docPr/@descr``, the title from ``@title`` (a credit when it reads like one, ``Photo: Jane
Doe``), the size from ``wp:extent`` (EMU, as pixels at 96 dpi). A relationship that points at a
missing or unreadable part, or outside the package at anything but an http(s) URL or a plain
relative path (``file:///etc/passwd``, a network share), is reported and never followed; the
figure keeps its text.

Writing. A figure is shown by one rendition: its embedded bytes when they are an image (a
``word/media`` part, its relationship and content type), else a linkable image URI (a linked
picture); the size on the page is the rendition's pixels at 96 dpi, fitted into the text area
(4:3 at the text width when the article gives no size). Alt text and title go to ``wp:docPr``;
the caption and credit are paragraphs of their own (:mod:`.layout`).
"""

from __future__ import annotations

import mimetypes
import os
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote, urlsplit

from articlekit._text import lazy_pattern
from articlekit.errors import InputError
from articlekit.formats.docx.limits import MAX_ENTRY_SIZE
from articlekit.formats.docx.names import PIC, Names
from articlekit.formats.docx.xmltext import clean_attribute, clean_target, escape_attribute
from articlekit.model import (
    MAX_DIMENSION,
    Figure,
    Media,
    MediaType,
    Rendition,
    Resource,
    is_safe_link,
)
from articlekit.prose.controls import strip_controls

if TYPE_CHECKING:
    from lxml import etree
    from pydantic import TypeAdapter

    from articlekit.formats.docx.package import Package, Relationship

EMU_PER_PIXEL = 9525
"""English Metric Units per pixel at 96 dpi (914400 per inch)."""
TEXT_WIDTH = 576
"""Pixels across the template's text area (6 inches)."""
TEXT_HEIGHT = 864
"""Pixels down the template's text area (9 inches)."""
MAX_ATTRIBUTE = 10_000
"""Longest alt text or title kept (the model's caption limit)."""
_VML_LENGTH = lazy_pattern(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(pt|px|in|cm|mm)?\s*$")
_VML_UNITS = {"pt": 96 / 72, "px": 1.0, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4, None: 96 / 72}


@dataclass(frozen=True, slots=True)
class Picture:
    """One picture as Word shows it. Pictures compare by what they show (the bytes' sha256, or
    the linked URI), their alt text and title, their size on the page and whether they are the
    article's lead picture, so that the embedded article's check sees an exchanged, resized or
    re-described picture."""

    sha256: str | None
    uri: str | None
    width: int | None = None
    """Pixels at 96 dpi, as placed on the page."""
    height: int | None = None
    alt_text: str | None = None
    title: str | None = None
    lead: bool = False
    """In the ``Lead Picture`` paragraph style: the article's featured media."""
    resource: Resource | None = field(default=None, compare=False)
    """The embedded bytes."""
    unfollowed: str | None = field(default=None, compare=False)
    """An image target the reader did not follow (outside the package), kept in extras."""
    missing: str | None = field(default=None, compare=False)
    """The relationship id of a picture whose part is missing or unreadable, kept in extras so
    that the figure still says a picture stood there."""
    shows_object: str | None = field(default=None, compare=False)
    """The kind of embedded object (OLE program id, e.g. ``Visio.Drawing.11``) this picture is
    the preview of, when it is one."""


# --- which pictures Word shows ------------------------------------------------------------------


def linkable(uri: str) -> bool:
    """Whether a picture may be linked to ``uri``: an http(s) URL, or a relative path that stays
    beside the document (no scheme, not absolute, no ``..``). Word and LibreOffice load linked
    pictures when they open a file, so nothing else is written or read as a link."""
    lowered = uri.lower()
    if lowered.startswith(("http://", "https://")):
        return True
    if ":" in uri.split("/", 1)[0] or uri.startswith(("/", "\\")) or "\\" in uri:
        return False
    return ".." not in uri.split("/")


def shown(media: Figure | Media) -> Picture | None:
    """The picture Word shows for a figure or media item, or ``None`` when it has no rendition
    Word can show (video, audio, no image, bytes not loaded, an unlinkable URI)."""
    if media.kind not in ("picture", "graphic"):
        return None
    chosen: Rendition | None = None
    for rendition in media.renditions:
        resource = rendition.resource
        if resource is not None and resource.data is not None and _is_image(resource.media_type):
            chosen = rendition
            break
        if (
            chosen is None
            and rendition.uri is not None
            and linkable(rendition.uri)
            and _is_image(rendition.effective_media_type or "image/")
        ):
            chosen = rendition
    if chosen is None:
        return None
    resource = chosen.resource if chosen.resource and chosen.resource.data is not None else None
    width, height = page_size(chosen.width, chosen.height)
    return Picture(
        sha256=resource.sha256 if resource else None,
        uri=None if resource else chosen.uri,
        width=width,
        height=height,
        alt_text=media.alt_text,
        title=media.title,
        lead=isinstance(media, Media),
        resource=resource,
    )


def _is_image(media_type: str) -> bool:
    return media_type.startswith("image/")


def page_size(width: int | None, height: int | None) -> tuple[int, int]:
    """The size a picture of ``width`` × ``height`` pixels gets on the page: its own, scaled down
    to fit the text area; 4:3 when a side is unknown (image bytes are never decoded)."""
    if width is None and height is None:
        width, height = TEXT_WIDTH, TEXT_WIDTH * 3 // 4
    elif width is None:
        width = max(1, round(height * 4 / 3)) if height else TEXT_WIDTH
    elif height is None:
        height = max(1, round(width * 3 / 4))
    assert width is not None and height is not None
    scale = min(1.0, TEXT_WIDTH / width, TEXT_HEIGHT / height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def credit_line(media: Figure | Media) -> str | None:
    """The credit as shown under a picture: the credit, then creators it does not name."""
    parts = [media.credit] if media.credit else []
    shown_names = media.credit or ""
    for person in media.creators:
        if person.name not in shown_names:
            parts.append(f"{person.name} ({person.role})" if person.role else person.name)
    return "; ".join(parts) or None


# --- reading ------------------------------------------------------------------------------------


@dataclass
class PictureProblems:
    """What the reader reports about the pictures of a document."""

    linked: list[str] = field(default_factory=list)
    unfollowed: list[str] = field(default_factory=list)
    """Targets outside the package that were not followed."""
    missing: list[str] = field(default_factory=list)
    """Relationships or parts that do not exist or cannot be read."""
    truncated: list[str] = field(default_factory=list)


class PictureSource:
    """Turns the image relationships of one part into resources or URIs, reading each media
    part once; problems are collected for the reader to report."""

    def __init__(
        self,
        package: Package,
        relationships: dict[str, Relationship],
        folder: str | None = None,
    ) -> None:
        self.package = package
        self.relationships = relationships
        self.folder = folder
        """The document's folder, when it was read from a file: a ``file:`` link into it is the
        relative link it was before a LibreOffice re-save made it absolute."""
        self.problems = PictureProblems()
        self._resources: dict[str, Resource | None] = {}

    def resolve(
        self, embed: str | None, link: str | None
    ) -> tuple[Resource | None, str | None, str | None, str | None]:
        """The embedded resource, linked URI, unfollowed target and missing relationship id of
        a blip's ``r:embed`` and ``r:link``; problems are recorded in :attr:`problems`."""
        resource: Resource | None = None
        uri: str | None = None
        unfollowed: str | None = None
        missing: str | None = None
        for rel_id in (embed, link):
            if not rel_id:
                continue
            relationship = self.relationships.get(rel_id)
            if relationship is None or relationship.kind != "image":
                self.problems.missing.append(f"relationship {rel_id!r}")
                missing = missing or rel_id
            elif relationship.external:
                target = self._beside(clean_target(relationship.target))
                if target and linkable(target) and is_safe_link(target):
                    uri = uri or target
                    self.problems.linked.append(target)
                else:
                    unfollowed = target or "(empty)"
                    self.problems.unfollowed.append(unfollowed)
            elif resource is None:
                resource = self._part(relationship.target)
                if resource is None:
                    missing = missing or rel_id
        if resource is not None or uri is not None or unfollowed is not None:
            missing = None
        elif missing is None:  # no relationship named at all, or one that gave nothing
            missing = embed or link or "(none)"
            if not (embed or link):
                self.problems.missing.append("a picture that names no relationship")
        return resource, uri, unfollowed, missing

    def _beside(self, target: str | None) -> str | None:
        """``target``, or the relative path of a ``file:`` URL that names a file inside the
        document's folder (never read: only its name is kept)."""
        if not target or self.folder is None or not target.lower().startswith("file:"):
            return target
        path = os.path.normpath(unquote(urlsplit(target).path))
        if os.path.commonpath([self.folder, path]) != self.folder or path == self.folder:
            return target
        return quote(os.path.relpath(path, self.folder).replace(os.sep, "/"))

    def _part(self, name: str) -> Resource | None:
        if name not in self._resources:
            self._resources[name] = self._read(name)
        return self._resources[name]

    def _read(self, name: str) -> Resource | None:
        if name not in self.package:
            self.problems.missing.append(name)
            return None
        try:
            data = self.package.read(name, MAX_ENTRY_SIZE)
        except InputError as error:
            self.problems.missing.append(f"{name} ({error.message})")
            return None
        return Resource.of(data, media_type_of(self.package.content_type(name), name))


def media_type_of(declared: str | None, name: str) -> str:
    """The declared content type as a bare media type, else one guessed from the part name."""
    from pydantic import ValidationError

    for candidate in (declared, mimetypes.guess_type(posixpath.basename(name))[0]):
        if candidate:
            try:
                return _media_types().validate_python(candidate.split(";", 1)[0])
            except ValidationError:
                continue
    return "application/octet-stream"


@cache
def _media_types() -> TypeAdapter[str]:
    from pydantic import TypeAdapter

    return TypeAdapter(MediaType)


def read_drawing(element: etree._Element, n: Names, source: PictureSource) -> list[Picture]:
    """The pictures of a ``w:drawing`` or ``w:pict`` (none for charts, shapes, equations), or
    the picture Word shows for an embedded object (``w:object``)."""
    pictures: list[Picture] = []
    described = _described(element)
    shows_object = None
    if element.tag == n.object:
        ole = next((node for node in element.iter() if str(node.tag).endswith("}OLEObject")), None)
        shows_object = (
            clean_attribute(ole.get("ProgID")) or "object" if ole is not None else "object"
        )
    for blip, size in _blips(element, n):
        resource, uri, unfollowed, missing = source.resolve(
            blip.get(n.r_embed) or blip.get(n.r_id), blip.get(n.r_link)
        )
        own = _own_description(blip)
        alt_text = _prose_attribute((own or described).get("descr"), source)
        title = _line_attribute((own or described).get("title"), source)
        width, height = size
        pictures.append(
            Picture(
                sha256=resource.sha256 if resource else None,
                uri=uri,
                width=width,
                height=height,
                alt_text=alt_text,
                title=title,
                resource=resource,
                unfollowed=unfollowed,
                missing=missing,
                shows_object=shows_object,
            )
        )
    return pictures


def _described(element: etree._Element) -> dict[str, str]:
    """``wp:docPr`` (the drawing's own description), else the first VML shape's."""
    for node in element.iter():
        if isinstance(node.tag, str) and node.tag.endswith("}docPr"):
            return dict(node.attrib)
    for node in element.iter():
        if isinstance(node.tag, str) and node.tag.endswith("}shape"):
            return {"descr": node.get("alt", ""), "title": node.get("title", "")}
    return {}


def _own_description(blip: etree._Element) -> dict[str, str] | None:
    """The ``pic:cNvPr`` of a picture in a group of several (its own alt text), if any."""
    picture = blip.getparent()
    while picture is not None and not str(picture.tag).endswith("}pic"):
        picture = picture.getparent()
    if picture is None:
        return None
    for node in picture.iter():
        if isinstance(node.tag, str) and node.tag.endswith("}cNvPr") and node.get("descr"):
            return dict(node.attrib)
    return None


def _blips(element: etree._Element, n: Names) -> Iterator[tuple[etree._Element, tuple[Any, Any]]]:
    """Each picture's image reference (``a:blip`` of a ``pic:pic``, else VML ``v:imagedata``,
    else the picture filling a shape) and its size in pixels (``None`` where not given or
    absurd)."""
    extent = next(
        (node for node in element.iter() if str(node.tag).endswith(("}inline", "}anchor"))), None
    )
    drawing_size: tuple[int | None, int | None] = (None, None)
    if extent is not None:
        box = next((node for node in extent if str(node.tag).endswith("}extent")), None)
        if box is not None:
            drawing_size = (_pixels(box.get("cx")), _pixels(box.get("cy")))
    pictures = [node for node in element.iter() if str(node.tag).endswith("}pic")]
    for picture in pictures:
        blip = next((node for node in picture.iter() if str(node.tag).endswith("}blip")), None)
        if blip is None:
            continue
        size = drawing_size if len(pictures) == 1 else _picture_size(picture)
        yield blip, size
    if pictures:
        return
    vml = [node for node in element.iter() if str(node.tag).endswith("}imagedata")]
    for node in vml:
        shape = node.getparent()
        yield node, _vml_size(shape.get("style", "") if shape is not None else "")
    if not vml:  # a shape filled with a picture
        fill = next((node for node in element.iter() if str(node.tag).endswith("}blip")), None)
        if fill is not None:
            yield fill, drawing_size


def _picture_size(picture: etree._Element) -> tuple[int | None, int | None]:
    for node in picture.iter():
        if str(node.tag).endswith("}ext") and node.get("cx") is not None:
            return _pixels(node.get("cx")), _pixels(node.get("cy"))
    return None, None


def _pixels(emu: str | None) -> int | None:
    """EMU as pixels at 96 dpi; ``None`` when missing, not a number, or absurd."""
    try:
        value = round(int(emu or "") / EMU_PER_PIXEL)
    except ValueError:
        return None
    return value if 1 <= value <= MAX_DIMENSION else None


def _vml_size(style: str) -> tuple[int | None, int | None]:
    """``width:100pt;height:50pt`` of a VML shape, as pixels."""
    found: dict[str, int | None] = {"width": None, "height": None}
    for declaration in style.split(";"):
        name, _, value = declaration.partition(":")
        name = name.strip().lower()
        match = _VML_LENGTH.match(value)
        if name in found and match is not None:
            pixels = round(float(match.group(1)) * _VML_UNITS[match.group(2)])
            found[name] = pixels if 1 <= pixels <= MAX_DIMENSION else None
    return found["width"], found["height"]


def _line_attribute(value: str | None, source: PictureSource) -> str | None:
    text = clean_attribute(value)
    if len(text) > MAX_ATTRIBUTE:
        source.problems.truncated.append("picture title")
        text = text[:MAX_ATTRIBUTE].strip()
    return text or None


def _prose_attribute(value: str | None, source: PictureSource) -> str | None:
    """Alt text keeps its line breaks (Word writes them as ``&#xA;``)."""
    lines = [" ".join(line.split()) for line in strip_controls(value or "")[0].split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if len(text) > MAX_ATTRIBUTE:
        source.problems.truncated.append("picture alt text")
        text = text[:MAX_ATTRIBUTE].strip()
    return text or None


# --- writing ------------------------------------------------------------------------------------


def render_drawing(picture: Picture, rel_id: str, number: int) -> str:
    """The run holding ``picture`` as an inline Word picture (relationship ``rel_id``; ``number``
    is the drawing's id, unique in the document)."""
    width = (picture.width or TEXT_WIDTH) * EMU_PER_PIXEL
    height = (picture.height or TEXT_WIDTH) * EMU_PER_PIXEL
    # ``a:`` and ``pic:`` are declared on the document's root (see :mod:`.template`)
    described = "".join(
        f' {name}="{escape_attribute(value)}"'
        for name, value in (("descr", picture.alt_text), ("title", picture.title))
        if value
    ).replace("\n", "&#10;")
    reference = f'r:link="{rel_id}"' if picture.resource is None else f'r:embed="{rel_id}"'
    return (
        '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{number}" name="Picture {number}"{described}/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        f'<a:graphic><a:graphicData uri="{PIC}"><pic:pic><pic:nvPicPr><pic:cNvPr id="{number}" '
        f'name="Picture {number}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>'
        f"<a:blip {reference}/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>'
        "</a:graphic></wp:inline></w:drawing></w:r>"
    )


_EXTENSIONS = {
    "image/jpeg": "jpeg", "image/png": "png", "image/gif": "gif", "image/bmp": "bmp",
    "image/tiff": "tiff", "image/svg+xml": "svg", "image/x-emf": "emf", "image/emf": "emf",
    "image/x-wmf": "wmf", "image/wmf": "wmf", "image/webp": "webp",
}  # fmt: skip


def part_name(number: int, media_type: str) -> str:
    """``word/media/image<number>.<extension>`` for a picture's bytes."""
    extension = _EXTENSIONS.get(media_type) or (
        (mimetypes.guess_extension(media_type) or ".bin").lstrip(".")
    )
    return f"word/media/image{number}.{extension}"
