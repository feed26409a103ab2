"""A document exactly as articlekit wrote it, known without reading its body.

The reader trusts the embedded article when the body shows exactly its layout (see
:mod:`.embedded`), and reading the body (parsing ``word/document.xml`` and walking every
paragraph and run) is most of the time of reading a .docx. But when everything the body reader
depends on is byte for byte what the writer makes of the embedded article, reading it can only
give the writer's items: ``word/document.xml``, its relationships (link targets, and no comments,
notes, headers or footers), the styles (which name each paragraph's role) and the numbering
(which makes list items). Then the embedded article is taken as it is, with the edits of the
core properties, as the general reading would take it, and the body is not read.

Only documents whose items are all paragraphs take this way: a picture's bytes come from the
document's own parts, and a table is the writer's only nesting; those are read in full. That
the body reader reads back exactly the items the writer wrote is what the round-trip tests
hold (generated articles and edge cases), and they compare this way with the general one.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from articlekit.errors import InputError
from articlekit.formats._direction import article_directions
from articlekit.formats.docx import core, embedded
from articlekit.formats.docx.layout import Item, Para, flatten
from articlekit.formats.docx.package import Package
from articlekit.formats.docx.template import load
from articlekit.formats.docx.write import Parts, document_xml, language_parts, numbering_xml
from articlekit.model import MAX_BLOCKS, Article

MAIN = "word/document.xml"
_RELATIONSHIPS = "word/_rels/document.xml.rels"
_STYLES = "word/styles.xml"


class Found(NamedTuple):
    """What :func:`found` finds before the body is read."""

    article: Article
    """The embedded article of the first part that holds one: what :func:`.embedded.find`
    would find (the general reading takes it from here when the document is not untouched)."""
    layout: list[Item]
    """Its items as the writer lays them out."""
    untouched: bool
    """Whether the document is exactly as articlekit writes the embedded article."""


def found(package: Package) -> Found | None:
    """The package's embedded article, read before the body, and whether the document is
    untouched (see above); ``None`` when it has none that reads without the body's pictures.
    Quiet: any problem is left to the general reading, which names it."""
    from pydantic import ValidationError

    try:
        root = next(embedded.roots(package, package.relationships(package.main)), None)
        if root is None or root.references:
            return None
        article = Article.model_validate_json(root.text)
    except (InputError, ValidationError, ValueError):
        return None
    layout = flatten(article)
    untouched = package.main == MAIN and _as_written(package, layout, article)
    return Found(article, layout, untouched)


def core_edits(package: Package, article: Article) -> dict[str, Any]:
    """:func:`.embedded.core_edits` of the package's core properties: none when the part is
    byte for byte what the writer makes of ``article`` (reading it gives back its values)."""
    name = package.related("", "core-properties")
    if name is not None and package.read(name) == core.render(core.values(article)):
        return {}
    return embedded.core_edits(article, core.in_package(package))


def _as_written(package: Package, items: list[Item], article: Article) -> bool:
    """Whether the parts the body reader depends on are what the writer makes of ``items``, the
    layout of ``article``."""
    if len(items) > MAX_BLOCKS or not all(isinstance(item, Para) for item in items):
        return False
    try:
        # (the template's styles, unless the article's languages or right-to-left text tag
        # them: known once the document is rendered)
        template_styles = _holds(package, _STYLES, load().styles, repeats=True)
        if not _holds(package, "word/numbering.xml", numbering_xml(items), repeats=True):
            return False  # (what an editor's save changes first; known without rendering)
        parts = Parts(article_directions(article).base)
        if not _linked(items) and not _holds(
            package, _RELATIONSHIPS, parts.relationships_xml(), repeats=True
        ):
            return False  # (without links, known without rendering too: a re-save rewrites it)
        document = document_xml(items, parts)
        if not template_styles:
            tagged = dict(language_parts(article.language, parts.right_to_left)).get(_STYLES)
            if tagged is None or not _holds(package, _STYLES, tagged, repeats=True):
                return False
        return _holds(
            package, _RELATIONSHIPS, parts.relationships_xml(), repeats=not parts.relationships
        ) and _holds(package, MAIN, document, repeats=False)
    except InputError:
        return False


def _holds(package: Package, name: str, expected: bytes, *, repeats: bool) -> bool:
    """Whether part ``name`` is ``expected``. Parts that repeat from one document to the next
    are compared once per process: :meth:`~.package.Package.cached` knows them by what the zip
    stores, without inflating them."""
    if name not in package:
        return False
    if repeats:
        return package.cached("holds", name, expected.__eq__, expected)
    return package.read(name) == expected


def _linked(items: list[Item]) -> bool:
    """Whether paragraphs ``items`` link outside the document: only such links give the
    document relationships of its own (an anchor link, ``#...``, needs none)."""
    return any(
        link is not None and not link.startswith("#")
        for item in items
        if isinstance(item, Para)
        for _, _, _, link in item.runs
    )
