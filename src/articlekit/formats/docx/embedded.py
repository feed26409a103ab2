"""The canonical article inside the package, and when to trust it.

The writer stores the article's canonical JSON as a custom XML part (``customXml/item1.xml``,
root ``<article xmlns="urn:articlekit:docx:article">``, with its ``itemProps`` part, related
from the document). Word, LibreOffice and Google Docs keep custom XML data parts and show
nothing of them, so the file stays an ordinary Word document while articlekit → DOCX →
articlekit loses nothing.

When to trust it. An editor may change the text in Word after articlekit wrote the file, and a
file may also be crafted to say one thing in Word and another in its hidden copy. So the embedded
article is used only when laying it out again gives exactly the paragraphs the document shows
(:func:`~.layout.flatten` equals the paragraphs read: same text, styles, marks, links, list
structure). Word re-saving a file changes its bytes but not those paragraphs, so an untouched
re-save still reads back losslessly; any change to the text, its formatting or structure does
not. Then the reader takes, and warns with ``docx-embedded-article-stale``:

* from the document: everything printed — headline, subheadline, byline, dateline and body;
  the authors too when the byline changed;
* from the embedded copy: every field the document does not print (source, slugline, rights,
  subjects with their codes, urgency, extras, ...), as it was when articlekit wrote the file;
  the id too, unless it was derived from the content (the changed content derives a new one).

In both cases core properties that someone changed after articlekit wrote them (keywords, the
description, dates; Word sets ``modified`` when it saves) replace the embedded values, since the
edit is newer; those articlekit wrote and nobody touched leave the richer embedded values alone.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from articlekit.formats.docx import core
from articlekit.formats.docx.xmltext import escape_text
from articlekit.model import SCHEMA_ID, Article, content_id
from articlekit.registry import Context

if TYPE_CHECKING:
    from articlekit.formats.docx.package import Package, Relationship

NAMESPACE = "urn:articlekit:docx:article"
ITEM = "customXml/item1.xml"
PROPERTIES = "customXml/itemProps1.xml"
ITEM_ID = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, NAMESPACE)).upper() + "}"
"""The data store item id: fixed, so that output stays byte-identical."""
PRINTED = ("headline", "subheadline", "byline", "dateline", "body")
"""Fields the document shows as paragraphs."""
_IGNORED_CORE = {"title", "revision"}
"""Core properties never taken over: the Title paragraph is the headline, and Word counts
saves in ``cp:revision``."""


PIECE = 1_000_000
"""Characters of JSON in one text node of the part (at most 4 MB: XML readers refuse a text node
of more than 10 MB); longer JSON continues after an empty ``<next/>``."""


def render(article: Article) -> bytes:
    """The custom XML part holding ``article``'s canonical JSON."""
    text = article.model_dump_json()
    if "\ufffe" in text or "\uffff" in text:  # not XML characters; only inside JSON strings
        text = text.replace("\ufffe", "\\ufffe").replace("\uffff", "\\uffff")
    pieces = "<next/>".join(
        escape_text(text[start : start + PIECE]) for start in range(0, len(text), PIECE)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<article xmlns="{NAMESPACE}" schema="{SCHEMA_ID}">{pieces}</article>'
    ).encode()


PROPERTIES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
    '<ds:datastoreItem xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"'
    f' ds:itemID="{ITEM_ID}"><ds:schemaRefs><ds:schemaRef ds:uri="{NAMESPACE}"/>'
    "</ds:schemaRefs></ds:datastoreItem>"
).encode()


def find(
    package: Package, relationships: dict[str, Relationship], context: Context
) -> Article | None:
    """The embedded article, if the document has one that reads; a warning if it does not."""
    from pydantic import ValidationError

    from articlekit.model import describe_validation_error

    for relationship in relationships.values():
        if relationship.kind != "customXml" or relationship.target not in package:
            continue
        root = package.xml(relationship.target)
        if root.tag != f"{{{NAMESPACE}}}article":
            continue
        try:
            return Article.model_validate_json("".join(root.itertext()))
        except ValidationError as error:
            context.warn(
                "docx-embedded-article-invalid",
                f"the embedded articlekit copy cannot be read ({describe_validation_error(error)});"
                " read what Word shows",
            )
    return None


def core_edits(embedded: Article, found: dict[str, str]) -> dict[str, Any]:
    """Field values from the core properties someone changed after articlekit wrote
    ``embedded`` (``None`` for a property they removed)."""
    expected = core.values(embedded)
    keys = {
        key
        for key in found.keys() | expected.keys()
        if key not in _IGNORED_CORE and found.get(key) != expected.get(key)
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


def stale(embedded: Article, visible: Article, context: Context) -> Article:
    """The printed fields from the document, the rest from the embedded copy (see above)."""
    changed = [name for name in PRINTED if getattr(embedded, name) != getattr(visible, name)]
    data = embedded.model_dump(exclude={*PRINTED, "authors", "id"})
    data.update(visible.model_dump(include={*PRINTED}))
    if visible.byline == embedded.byline:
        data["authors"] = embedded.model_dump(include={"authors"}).get("authors", [])
    else:
        data["authors"] = visible.model_dump(include={"authors"}).get("authors", [])
    if embedded.id != content_id(embedded):
        data["id"] = embedded.id
    what = ", ".join(changed) or "formatting or layout"
    context.warn(
        "docx-embedded-article-stale",
        f"the document was changed after articlekit wrote it ({what}); the printed fields were "
        "read from the document, the others from the embedded articlekit copy",
    )
    return Article.model_validate(_without_empty(data))


def _without_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in (None, [], {})}
