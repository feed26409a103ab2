"""The canonical article inside the package, and when to trust it.

The writer stores the article's canonical JSON as a custom XML part (``customXml/item1.xml``,
root ``<article xmlns="urn:articlekit:docx:article">``, with its ``itemProps`` part, related
from the document). Word, LibreOffice and Google Docs keep custom XML data parts and show
nothing of them, so the file stays an ordinary Word document while articlekit → DOCX →
articlekit loses nothing.

Pictures are not stored twice: a resource whose bytes the document shows as a picture is kept
in the JSON by its sha256, size and media type, with ``path`` naming its ``word/media`` part,
and its sha256 is listed in the root's ``pictures`` attribute; the reader takes the bytes from
the picture of the document with that sha256 (a re-save may rename the part). Bytes the
document does not show (a video, a second rendition) and resources naming a file of their own
stay in the JSON as they are.

When to trust it. An editor may change the text in Word after articlekit wrote the file, and a
file may also be crafted to say one thing in Word and another in its hidden copy. So the embedded
article is used only when laying it out again gives exactly the items the document shows
(:func:`~.layout.flatten` equals the items read: same text, styles, marks, links, list
structure, pictures and tables). Word or LibreOffice re-saving a file changes its bytes but not
those items, so an untouched re-save still reads back losslessly (LibreOffice writes a bare
``http://host`` link as ``http://host/``, the same address; the comparison allows that); any
change to the text, its formatting or structure does not (a document byte for byte as
articlekit wrote it is known without reading its body: :mod:`.untouched`). Then the reader
takes, and warns with ``docx-embedded-article-stale``:

* from the document: everything printed — headline, subheadline, byline, source and date line,
  dateline, body and lead pictures; the authors too when the byline changed;
* from the embedded copy: every field the document does not print (slugline, rights, subjects
  with their codes, urgency, extras, media other than the lead pictures, ...), as it was when
  articlekit wrote the file; the source's URI while its name is unchanged; the id too, unless it
  was derived from the content (the changed content derives a new one); what Word does not show
  of a picture it shows (its id, creators, rights, other renditions, sizes), told by the picture,
  and the lead media Word cannot show at all (a video, a picture without bytes).

In both cases core properties that someone changed after articlekit wrote them (keywords, the
description, dates; Word sets ``modified`` when it saves) replace the embedded values, since the
edit is newer; those articlekit wrote and nobody touched leave the richer embedded values alone.
A re-save that only rewrites the keywords' separators (LibreOffice joins them with spaces) is
not an edit; an article without a language is written with the language ``und``
(undetermined), which editors keep, so that a re-save does not give it the editor's own.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from articlekit._text import lazy_pattern
from articlekit.formats.docx import core
from articlekit.formats.docx.layout import (
    ABOVE_TITLE_KEY,
    FLAGS_KEY,
    Grid,
    Item,
    Para,
    above_title,
    flatten,
    read_source_line,
    report_above_title,
)
from articlekit.formats.docx.pictures import Picture, shown
from articlekit.formats.docx.xmltext import escape_text
from articlekit.media import replace_figures
from articlekit.model import (
    SCHEMA_ID,
    Article,
    Figure,
    Media,
    Resource,
    content_id,
    iter_media,
    serializer_of,
)
from articlekit.prose.headers import (
    FLAG_KEYS,
    after_edit,
    flags_above,
    flags_edited,
    with_flags,
)
from articlekit.registry import Context

if TYPE_CHECKING:
    from articlekit.formats.docx.package import Package, Relationship

NAMESPACE = "urn:articlekit:docx:article"
ITEM = "customXml/item1.xml"
PROPERTIES = "customXml/itemProps1.xml"
ITEM_ID = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, NAMESPACE)).upper() + "}"
"""The data store item id: fixed, so that output stays byte-identical."""
PRINTED = ("headline", "subheadline", "byline", "source", "dateline", "body")
"""Fields the document shows as paragraphs (and the date of the source line, the lead media)."""
_BARE_HOST = lazy_pattern(r"^(https?://[^/?#]+)$", re.IGNORECASE)
_KEYWORD_SEPARATORS = lazy_pattern(r"[;,\s]+")
_IGNORED_CORE = {"title", "revision"}
"""Core properties never taken over: the Title paragraph is the headline, and Word counts
saves in ``cp:revision``."""


_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
PIECE = 1_000_000
"""Characters of JSON in one text node of the part (at most 4 MB: XML readers refuse a text node
of more than 10 MB); longer JSON continues after an empty ``<next/>``."""


def render(article: Article, shown: dict[str, str]) -> bytes:
    """The custom XML part holding ``article``'s canonical JSON; resources whose sha256 is in
    ``shown`` (sha256 → the ``word/media`` part showing them) are kept by reference, listed in
    the ``pictures`` attribute."""
    referenced: list[str] = []
    if shown:
        data = article.model_dump(mode="json")
        referenced = _by_reference(data, shown)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    else:
        # model_dump_json's bytes, before it decodes them to text
        encoded = serializer_of(article).to_json(article)
        if len(encoded) <= PIECE and (
            b"\xef" not in encoded  # (one byte looked for is many times faster than three)
            or (_FFFE not in encoded and _FFFF not in encoded)
        ):
            # one piece (at most PIECE bytes, so characters) of XML characters: escaped as
            # bytes, as escape_text escapes text (its characters are ASCII, so their bytes)
            return b"".join((_PLAIN_HEAD, _escape_bytes(encoded), _PLAIN_TAIL))
        text = encoded.decode("utf-8")
    return _rendered(text, referenced)


def _rendered(text: str, referenced: list[str]) -> bytes:
    """The part holding the article's JSON ``text``, ``referenced`` its pictures' sha256."""
    if "\ufffe" in text or "\uffff" in text:  # not XML characters; only inside JSON strings
        text = text.replace("\ufffe", "\\ufffe").replace("\uffff", "\\uffff")
    pieces = "<next/>".join(
        escape_text(text[start : start + PIECE]) for start in range(0, len(text), PIECE)
    )
    pictures = f' pictures="{" ".join(referenced)}"' if referenced else ""
    start = f'{_DECLARATION}<article xmlns="{NAMESPACE}" schema="{SCHEMA_ID}"{pictures}>'
    return f"{start}{pieces}</article>".encode()


_FFFE = "\ufffe".encode()
_FFFF = "\uffff".encode()


def _escape_bytes(data: bytes) -> bytes:
    """:func:`~.xmltext.escape_text` of UTF-8 bytes."""
    if b"&" in data:
        data = data.replace(b"&", b"&amp;")
    if b"<" in data:
        data = data.replace(b"<", b"&lt;")
    if b">" in data:
        data = data.replace(b">", b"&gt;")
    return data


def _by_reference(data: dict[str, Any], shown: dict[str, str]) -> list[str]:
    """Replace the base64 data of shown resources by the part name, in dumped JSON data
    (resources that name a file of their own keep their data); their sha256, sorted."""
    referenced: set[str] = set()
    for resource in _resources_in(data):
        sha256 = resource.get("sha256")
        if sha256 in shown and "path" not in resource:
            resource.pop("data", None)
            resource["path"] = shown[sha256]
            referenced.add(sha256)
    return sorted(referenced)


def _resources_in(value: Any) -> Iterator[dict[str, Any]]:
    """Every resource object (a rendition's ``resource``) in JSON data."""
    if isinstance(value, dict):
        resource = value.get("resource")
        if isinstance(resource, dict):
            yield resource
        for item in value.values():
            if isinstance(item, dict | list):
                yield from _resources_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from _resources_in(item)


PROPERTIES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
    '<ds:datastoreItem xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"'
    f' ds:itemID="{ITEM_ID}"><ds:schemaRefs><ds:schemaRef ds:uri="{NAMESPACE}"/>'
    "</ds:schemaRefs></ds:datastoreItem>"
).encode()


class Root(NamedTuple):
    """A custom XML part that holds an articlekit article."""

    text: str
    """The article's JSON."""
    references: set[str]
    """The sha256 of the resources kept by reference to the pictures of the document."""


def roots(package: Package, relationships: dict[str, Relationship]) -> Iterator[Root]:
    """The parts holding an articlekit article, in the order of the document's relationships."""
    for relationship in relationships.values():
        if relationship.kind != "customXml" or relationship.target not in package:
            continue
        data = package.read(relationship.target)
        text = plain_text(data)
        if text is not None:
            yield Root(text, set())
            continue
        root = package.xml(relationship.target, data)
        if root.tag == f"{{{NAMESPACE}}}article":
            # (the text of a root without children is all its text, as articlekit writes it)
            text = (root.text or "") if not len(root) else "".join(root.itertext())
            yield Root(text, set(root.get("pictures", "").split()))


_PLAIN_HEAD = f'{_DECLARATION}<article xmlns="{NAMESPACE}" schema="{SCHEMA_ID}">'.encode()
_PLAIN_TAIL = b"</article>"
_NOT_IN_PLAIN = bytes(code for code in range(0x20) if code not in (0x09, 0x0A)) + b"<>"
"""Bytes :func:`render` never leaves in its text: controls (carriage returns too: XML reads them
as line feeds), markup and ``>`` (escaped, so that no ``]]>`` can hide in the text)."""


PLAIN_BYTES = 4 * PIECE
"""The longest text :func:`plain_text` reads, well below what the XML parser takes in one text
(:data:`articlekit._xml.MAX_TEXT`), which refuses longer ones: a piece of :func:`render` in
UTF-8 (4 bytes a character at most) unless many of its characters are escaped (``&amp;`` is 5),
which the parser then reads."""


def plain_text(data: bytes) -> str | None:
    """The JSON of a part exactly as :func:`render` writes an article without pictures kept by
    reference, read without an XML parser: the text between the fixed start and end, its
    ``&amp;``, ``&lt;`` and ``&gt;`` unescaped; ``None`` for anything else (the parser reads it,
    and refuses what is not XML). A test holds this to the parser's reading."""
    if not (data.startswith(_PLAIN_HEAD) and data.endswith(_PLAIN_TAIL)):
        return None
    body = data[len(_PLAIN_HEAD) : len(data) - len(_PLAIN_TAIL)]
    if len(body) > PLAIN_BYTES:
        return None  # the parser's, which refuses a text too long
    if len(body.translate(None, _NOT_IN_PLAIN)) != len(body):
        return None
    amps = body.count(b"&")  # (most texts have none: then the references are not counted)
    if amps and amps != body.count(b"&amp;") + body.count(b"&lt;") + body.count(b"&gt;"):
        return None  # a character or other entity reference: the parser's
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "\ufffe" in text or "\uffff" in text:  # not XML characters
        return None
    if "&" in text:
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return text


def find(
    package: Package, relationships: dict[str, Relationship], items: list[Item], context: Context
) -> Article | None:
    """The embedded article, if the document has one that reads, its pictures' bytes taken from
    the pictures of ``items``; a warning if it does not read."""
    from pydantic import ValidationError

    from articlekit.model import describe_validation_error

    for text, referenced in roots(package, relationships):
        try:
            if not referenced:
                return Article.model_validate_json(text)
            data = json.loads(text)
            _with_bytes(data, _resources(items), referenced)
            return Article.model_validate(data)
        except (ValidationError, ValueError) as error:
            problem = (
                describe_validation_error(error)
                if isinstance(error, ValidationError)
                else "not JSON"
            )
            context.warn(
                "docx-embedded-article-invalid",
                f"the embedded articlekit copy cannot be read ({problem}); read what Word shows",
            )
    return None


def _resources(items: list[Item] | tuple[Item, ...]) -> dict[str, Resource]:
    """The embedded resources of the pictures of ``items`` (in table cells too), by sha256."""
    found: dict[str, Resource] = {}
    for item in items:
        if isinstance(item, Picture) and item.resource is not None:
            found[item.resource.sha256] = item.resource
        elif isinstance(item, Grid):
            for row in item.rows:
                for cell in row:
                    found.update(_resources(cell.items))
    return found


def _with_bytes(data: Any, resources: dict[str, Resource], referenced: set[str]) -> None:
    """Give resources kept by reference (their sha256 in ``referenced``) the bytes of the
    document's picture with that sha256 (a resource the document no longer shows keeps only its
    path, so the copy is not trusted)."""
    for resource in _resources_in(data):
        sha256 = str(resource.get("sha256"))
        known = resources.get(sha256)
        if sha256 in referenced and "data" not in resource and known and known.data is not None:
            resource["data"] = known.data
            resource.pop("path", None)


def shows(article: Article, items: list[Item], layout: list[Item] | None = None) -> bool:
    """Whether the document still shows ``article`` as articlekit laid it out: its items are
    those of the layout (``layout``, when it was made already), allowing for links that a
    re-save rewrote as the same address."""
    expected = flatten(article) if layout is None else layout
    if _same(expected, items):
        return True
    # (before 1.4 the writer showed the embargo alone over the headline, not the flags kept)
    if any(key in article.extras for key in FLAG_KEYS):
        extras = {key: value for key, value in article.extras.items() if key not in FLAG_KEYS}
        return _same(flatten(article.model_copy(update={"extras": extras})), items)
    return False


def _same(expected: list[Item], items: list[Item]) -> bool:
    return expected == items or (
        len(expected) == len(items) and _normal(expected) == _normal(items)
    )


def _normal(items: list[Item] | tuple[Item, ...]) -> list[Any]:
    normal: list[Any] = []
    for item in items:
        if isinstance(item, Para):
            runs = tuple(
                (text, strong, emphasis, _BARE_HOST.sub(r"\1/", link) if link else link)
                for text, strong, emphasis, link in item.runs
            )
            normal.append((item.role, runs, item.level, item.list_id, item.ordered, item.number))
        elif isinstance(item, Grid):
            normal.append(
                [
                    [(_normal(cell.items), cell.colspan, cell.rowspan, cell.header) for cell in row]
                    for row in item.rows
                ]
            )
        else:
            normal.append(item)
    return normal


def core_edits(embedded: Article, found: dict[str, str]) -> dict[str, Any]:
    """Field values from the core properties someone changed after articlekit wrote
    ``embedded`` (``None`` for a property they removed)."""
    expected = core.values(embedded)
    keys = {
        key
        for key in found.keys() | expected.keys()
        if key not in _IGNORED_CORE
        and found.get(key) != expected.get(key)
        and not (key == "keywords" and _words(found.get(key)) == _words(expected.get(key)))
    }
    if not keys:
        return {}
    now = core.fields({key: found[key] for key in keys if key in found}, None)
    before = core.fields({key: expected[key] for key in keys if key in expected}, None)
    return {
        name: now.get(name)
        for name in now.keys() | before.keys()
        if name == "extras" or not core.same_moment(now.get(name), before.get(name))
    }


def with_edits(article: Article, edits: dict[str, Any]) -> Article:
    """``article`` with :func:`core_edits` applied."""
    if not edits:
        return article
    data = article.model_dump()
    for name, value in edits.items():
        if name == "creators":
            data["authors"] = [{"name": person} for person in value or []]
        elif name == "extras":
            data["extras"] = {**data.get("extras", {}), **(value or {})}
        elif value:
            data[name] = value
        else:
            data.pop(name, None)
    return Article.model_validate(data)


def _words(keywords: str | None) -> list[str]:
    """The words of a keywords property, whatever separates them."""
    return [word for word in _KEYWORD_SEPARATORS.split(keywords or "") if word]


def stale(embedded: Article, visible: Article, items: list[Item], context: Context) -> Article:
    """The printed fields from the document, the rest from the embedded copy (see above)."""
    restored = _restorer(embedded)
    body = replace_figures(visible.body, restored)
    visible = visible.model_copy(update={"body": body})
    data = embedded.model_dump(exclude={*PRINTED, "authors", "id", "media"})
    data.update(visible.model_dump(include={*PRINTED}))
    changed = [name for name in PRINTED if getattr(embedded, name) != getattr(visible, name)]
    if (
        visible.source is not None
        and embedded.source is not None
        and visible.source.name == embedded.source.name
    ):
        data["source"] = embedded.model_dump(include={"source"})["source"]
        changed = [name for name in changed if name != "source"]
    printed_date = next(
        (
            read_source_line(item.text).get("published")
            for item in items
            if isinstance(item, Para) and item.role == "source"
        ),
        None,
    )
    if printed_date is not None and printed_date != embedded.published:
        data["published"] = printed_date
        changed.append("published")
    lead = _lead_media(embedded, visible, restored)
    if lead != [media for media in embedded.media if media.role == "featured"]:
        changed.append("lead media")
    data["media"] = [media.model_dump() for media in lead] + [
        media.model_dump() for media in embedded.media if media.role != "featured"
    ]
    if visible.byline == embedded.byline:
        data["authors"] = embedded.model_dump(include={"authors"}).get("authors", [])
    else:
        data["authors"] = visible.model_dump(include={"authors"}).get("authors", [])
    if embedded.id != content_id(embedded):
        data["id"] = embedded.id
    shown = visible.extras.get(FLAGS_KEY)
    flags = [flag for flag in shown if isinstance(flag, str)] if isinstance(shown, list) else []
    written = flags_above(embedded, FLAGS_KEY)
    edited = flags_edited(
        flags,
        embedded.extras,
        embedded.embargoed,
        FLAGS_KEY,
        status=embedded.status,
        note=embedded.editor_note,
    )
    if edited:
        data["extras"] = with_flags(embedded.extras, FLAGS_KEY, flags)
        data["editor_note"], data["status"] = after_edit(
            embedded.editor_note, embedded.status, written, flags, context
        )
        if visible.embargoed is not None and visible.embargoed != embedded.embargoed:
            data["embargoed"] = visible.embargoed
            changed.append("embargoed")
        else:
            changed.append("flag paragraphs")
    lifted = above_title(items)  # (the visible body opens with them)
    if lifted and written and edited:  # (flag paragraphs reworded: no story text)
        data["body"] = data["body"][len(lifted) :]
        data["extras"] = {**data.get("extras", {}), ABOVE_TITLE_KEY: lifted}
        report_above_title(lifted, context, f"kept in extras['{ABOVE_TITLE_KEY}']")
        if [block.model_dump() for block in embedded.body] == data["body"]:
            changed.remove("body")
    elif lifted:  # (typed above the Title, beside the flags as written: the story's first)
        report_above_title(lifted, context)
    what = ", ".join(changed) or "formatting or layout"
    context.warn(
        "docx-embedded-article-stale",
        f"the document was changed after articlekit wrote it ({what}); the printed fields were "
        "read from the document, the others from the embedded articlekit copy",
    )
    return Article.model_validate(_without_empty(data))


_SHOWN_DETAILS = ("caption", "credit", "alt_text", "title")
"""What Word shows of a picture, which an editor may change there: the caption and credit
paragraphs, the picture's alt text and title."""


def _restorer(embedded: Article) -> Callable[[Any], Any]:
    """What restores a figure or lead picture read from the document to the embedded copy's,
    told by the picture it shows (the same bytes, or the same linked address; of two with the
    same picture, the first), with what Word shows of it as the document has it: its id,
    creators, rights, renditions and their sizes and names, which Word neither shows nor lets an
    editor change, are the embedded copy's."""
    by_picture: dict[str, list[Figure | Media]] = {}
    for item in iter_media(embedded):  # (what the document shows: figures and lead pictures)
        key = _picture_key(item) if isinstance(item, Figure) or item.role == "featured" else None
        if key is not None:
            by_picture.setdefault(key, []).append(item)

    def restored(item: Any) -> Any:
        key = _picture_key(item)
        same = by_picture.get(key, []) if key is not None else []
        original = next((found for found in same if type(found) is type(item)), None)
        if original is None:
            return item
        same.remove(original)
        return original.model_copy(update={name: getattr(item, name) for name in _SHOWN_DETAILS})

    return restored


def _picture_key(item: Figure | Media) -> str | None:
    picture = shown(item)
    if picture is None:
        return None
    return picture.sha256 or picture.uri


def _lead_media(embedded: Article, visible: Article, restored: Callable[[Any], Any]) -> list[Media]:
    """The lead media: the pictures the document shows, restored, and in their places the lead
    media Word cannot show (a video, a picture without bytes), which no edit in Word can have
    removed."""
    shown_lead = iter([restored(item) for item in visible.media if item.role == "featured"])
    lead: list[Media] = []
    for item in embedded.media:
        if item.role != "featured":
            continue
        if shown(item) is None:
            lead.append(item)
        elif (next_shown := next(shown_lead, None)) is not None:
            lead.append(next_shown)
    return [*lead, *shown_lead]


def _without_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in (None, [], {})}
