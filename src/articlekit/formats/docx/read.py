"""Reading .docx: package → paragraphs → article (or the embedded article, when it still holds).

Untrusted files are read with zipfile and the hardened XML parser only (python-docx's parser is
not hardened, cannot open Strict OOXML and does not see text boxes). Styles and numbering parts
are resolved once per distinct content, so a batch of files written from one template parses
them once. A document exactly as articlekit wrote its embedded article is known without reading
its body (:mod:`.untouched`).
"""

from __future__ import annotations

import os
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from articlekit._text import counted, shortened
from articlekit.errors import InputError, UsageError
from articlekit.formats.docx import core, embedded, untouched
from articlekit.formats.docx.body import MAX_TABLE_DEPTH, BodyReader, SetAside
from articlekit.formats.docx.layout import (
    FLAGS_KEY,
    REMOVED_KEY,
    REMOVED_LINES,
    Item,
    above_title,
    assemble,
    report_above_title,
    texts,
)
from articlekit.formats.docx.names import W_STRICT, W, first, names
from articlekit.formats.docx.numbering import NO_NUMBERING, parse_numbering
from articlekit.formats.docx.package import Package, Relationship
from articlekit.formats.docx.pictures import MAX_ATTRIBUTE, PictureProblems, PictureSource
from articlekit.formats.docx.styles import EMPTY_STYLES, Styles, parse_styles
from articlekit.formats.docx.xmltext import clean_attribute
from articlekit.model import Article
from articlekit.prose.byline import authors_from_byline, byline_names
from articlekit.registry import Context

if TYPE_CHECKING:
    from lxml import etree

    from articlekit.formats.docx.numbering import Numbering

_NOTE_TYPES = {"separator", "continuationSeparator", "continuationNotice"}


def read_article(data: bytes, context: Context) -> Article:
    mode = context.option("embedded", "use")
    if mode not in ("use", "ignore"):
        raise UsageError(f"docx option embedded={mode!r}: use 'use' or 'ignore'")
    package = Package(data)
    known = untouched.found(package) if mode == "use" else None
    if known is not None and known.untouched:  # the body can only show the embedded article
        written = known.article
        return embedded.with_edits(written, untouched.core_edits(package, written))
    main = package.main
    document = package.xml(main)
    namespace = document.tag.partition("}")[0].lstrip("{")
    if namespace not in (W, W_STRICT) or not document.tag.endswith("}document"):
        for marker, what in (("spreadsheetml", "a spreadsheet"), ("presentationml", "slides")):
            if marker in namespace:
                raise InputError(f"not a Word document: the package holds {what}")
        raise InputError(f"not a Word document: {main} is not WordprocessingML")
    n = names(namespace)
    relationships = package.relationships(main)
    styles, numbering = _styles(package)
    aside = SetAside()
    pictures = PictureSource(package, relationships, _folder_of(context.path))
    reader = BodyReader(n, styles, numbering, relationships, aside, pictures)
    body = first(document, n.body)
    items = reader.blocks(body, []) if body is not None else []
    extras = _set_aside(package, reader, context)
    found = core.in_package(package)
    if known is not None:
        stored: Article | None = known.article
    else:
        stored = embedded.find(package, relationships, items, context) if mode == "use" else None
    layout = known.layout if known is not None else None
    if stored is not None and embedded.shows(stored, items, layout):
        article = embedded.with_edits(stored, embedded.core_edits(stored, found))
    else:
        _report_pictures(pictures.problems, context)
        guess = not {"byline", "dateline"} <= styles.names  # (no layout of articlekit's)
        article = _visible(items, found, context, guess=guess)
        if stored is not None:
            edits = embedded.core_edits(stored, found)
            article = embedded.with_edits(embedded.stale(stored, article, items, context), edits)
        elif not guess and (lifted := above_title(items)):  # (no copy: what Word shows)
            report_above_title(lifted, context)
        if article.headline is None:
            context.warn(
                "no-headline", "no Title paragraph or headline found; the article has none"
            )
    if extras:
        article = article.model_copy(update={"extras": {**article.extras, **extras}})
    return article


def _styles(package: Package) -> tuple[Styles, Numbering]:
    styles_part = package.related(package.main, "styles")
    styles = package.cached("styles", styles_part, parse_styles) if styles_part else EMPTY_STYLES
    numbering_part = package.related(package.main, "numbering")
    if numbering_part is None:
        return styles, NO_NUMBERING
    numbering = package.cached(
        "numbering",
        numbering_part,
        lambda data: parse_numbering(data, styles.numbering_styles),
        tuple(sorted(styles.numbering_styles.items())),
    )
    return styles, numbering


def _earlier(first: date | datetime, second: date | datetime) -> bool:
    """Whether ``first`` is before ``second``, a date standing for its whole day."""

    def day(value: date | datetime) -> date:
        return value.date() if isinstance(value, datetime) else value

    if isinstance(first, datetime) and isinstance(second, datetime):
        return first < second
    return day(first) < day(second)


def _visible(items: list[Item], found: dict[str, str], context: Context, *, guess: bool) -> Article:
    """The article the document shows: paragraphs first, core properties for the rest."""
    fields = assemble(items, context, guess=guess)
    author_names: list[str] = fields.pop("author_names")
    flags: list[str] = fields.pop("flags")
    removed: list[str] = fields.pop(REMOVED_LINES, [])
    properties = core.fields(found, context)
    creators: list[str] = properties.pop("creators", [])
    title = properties.pop("title", None)
    extras: dict[str, Any] = properties.pop("extras", {})
    printed = fields.get("published")
    created = properties.get("published")
    if printed is not None and created is not None and not core.same_moment(created, printed):
        # (the file's creation, not the publication the document prints: a template's date in
        # files python-docx makes; kept as the article's creation)
        fields.setdefault("created", properties.pop("published"))
    modified = properties.get("updated")
    if (
        printed is not None
        and modified is not None
        and core.same_moment(modified, created)
        and _earlier(modified, printed)
    ):
        # (a file saved once, when it was made, before the story it prints was published: no
        # update of the story; python-docx's template gives every file 2013-12-23 for both)
        extras["docx:modified"] = properties.pop("updated").isoformat()
        context.warn(
            "docx-property-unusable",
            "the core property modified is earlier than the date the document prints; kept in "
            "extras['docx:modified'], not as the article's update",
        )
    for key, value in properties.items():
        fields.setdefault(key, value)
    authors: list[dict[str, str]] = []
    if author_names:
        credited = [authors_from_byline(byline_names(name) or name) for name in author_names]
        authors = [person for people in credited for person in people]
        if not all(credited):  # one names no person ("Our Foreign Staff"): keep what it prints
            printed = ", ".join(author_names)
            fields.setdefault("byline", printed)
            if fields["byline"] != printed:
                extras["docx:author"] = printed
    byline = fields.get("byline")
    if not authors:
        named = authors_from_byline(byline_names(byline) or "") if byline else []
        if byline and creators and all(creator in byline for creator in creators):
            # (the property spells the byline's people, unless it names fewer of them: Word's
            # "Author" naming the first of two)
            authors = named if len(named) > len(creators) else [{"name": c} for c in creators]
            creators = []
        elif byline and byline_names(byline):
            authors = named
        elif creators and not author_names:
            authors = [{"name": creator} for creator in creators]
            creators = []
    if authors:
        fields["authors"] = authors
    if creators:
        extras["docx:creator"] = core.SEPARATOR.join(creators)
    if title and title != fields.get("headline"):
        extras["docx:title"] = title
    if flags:
        extras[FLAGS_KEY] = flags
    if removed:
        extras[REMOVED_KEY] = removed
    if extras:
        fields["extras"] = extras
    article = Article(**fields)
    if article.language is None and "language" not in found:
        # (the document says none, not even "und": the -O language a corpus is known to be in
        # does, else its paragraphs, when clearly, as a web copy's)
        language = context.language_of(article.paragraphs)
        if language is not None:
            article.language = language
    return article


# --- what is not body text --------------------------------------------------------------------


def _set_aside(package: Package, reader: BodyReader, context: Context) -> dict[str, Any]:
    """Comments, notes and images kept in extras; everything else set aside, reported."""
    aside = reader.aside
    extras: dict[str, Any] = {}
    comments_part = package.related(package.main, "comments")
    if comments_part is not None:
        comments = _comments(package.xml(comments_part), reader)
        if comments:
            extras["docx:comments"] = comments
            context.warn(
                "docx-comments-moved",
                f"{counted(len(comments), 'comment')} moved to extras['docx:comments']",
            )
    for kind, references in (("footnotes", aside.footnotes), ("endnotes", aside.endnotes)):
        part = package.related(package.main, kind)
        if references and part is not None:
            notes = _notes(package.xml(part), reader)
            texts = [notes[reference] for reference in references if reference in notes]
            if texts:
                extras[f"docx:{kind}"] = texts
                context.warn(
                    "docx-notes-moved",
                    f"moved {counted(len(texts), kind.removesuffix('s'))} to "
                    f"extras['docx:{kind}'], the reference marks left out of the text",
                )
    for kind in ("header", "footer"):
        texts = _page_furniture(package, reader, kind)
        if texts:
            extras[f"docx:{kind}s"] = texts
            context.warn(
                "docx-page-furniture-moved",
                f"moved the text of {counted(len(texts), f'page {kind}')} to "
                f"extras['docx:{kind}s']",
            )
    if aside.images:
        described = [image for image in aside.images if image]
        if described:
            extras["docx:images"] = described
        context.warn(
            "docx-image-dropped",
            f"left out {counted(len(aside.images), 'drawing')} other than pictures (charts, "
            "shapes, embedded objects)"
            + ("; names and descriptions in extras['docx:images']" if described else ""),
        )
    if aside.chunks:
        kinds = sorted({_chunk_kind(package, reader.links.get(ref)) for ref in aside.chunks})
        context.warn(
            "docx-chunk-dropped",
            f"left out {counted(len(aside.chunks), 'imported chunk')} (w:altChunk: "
            f"{', '.join(kinds)}) that Word converts and shows in place: not read",
        )
    _report(aside, context)
    return extras


_CHUNK_KINDS = {
    "text/html": "HTML", "application/xhtml+xml": "XHTML", "text/plain": "plain text",
    "application/rtf": "RTF", "text/rtf": "RTF", "message/rfc822": "MHTML",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml":
        "a Word document",
}  # fmt: skip


def _chunk_kind(package: Package, relationship: Relationship | None) -> str:
    """What an imported chunk's part holds, by its media type, for the report."""
    if relationship is None or relationship.external or relationship.target not in package:
        return "a missing part"
    kind = package.content_type(relationship.target) or "an undeclared type"
    return _CHUNK_KINDS.get(kind.split(";")[0].strip().lower(), kind)


def _report_pictures(problems: PictureProblems, context: Context) -> None:
    if problems.linked:
        context.warn(
            "docx-picture-linked",
            f"{counted(len(problems.linked), 'picture')} linked, not embedded: each link kept as a "
            f"reference, not fetched ({_listed(problems.linked)})",
        )
    if problems.unfollowed:
        context.warn(
            "docx-picture-unresolved",
            f"{counted(len(problems.unfollowed), 'picture')} pointing outside the document "
            f"({_listed(problems.unfollowed)}), not followed: each target kept in its figure's "
            "extras['docx:target']",
        )
    if problems.missing:
        context.warn(
            "docx-picture-unresolved",
            f"{counted(len(problems.missing), 'picture')} whose part is missing or unreadable "
            f"({_listed(problems.missing)}): each figure kept without it, naming the relationship "
            "in extras['docx:missing']",
        )
    for what in sorted(set(problems.truncated)):
        context.warn(
            "media-caption-truncated", f"a {what} longer than {MAX_ATTRIBUTE} characters was cut"
        )


def _listed(values: list[str]) -> str:
    shown = ", ".join(shortened(value, 80) for value in values[:3])
    return shown + (f" and {len(values) - 3} more" if len(values) > 3 else "")


def _report(aside: SetAside, context: Context) -> None:
    if aside.tables:
        context.warn(
            "docx-table-flattened",
            f"{counted(aside.tables, 'table')} nested more than {MAX_TABLE_DEPTH} deep in other "
            "tables read as one paragraph per row, cells separated by ' | '",
        )
    if aside.moved:
        context.warn(
            "docx-picture-moved",
            f"{counted(aside.moved, 'picture')} inside a line of text placed after its paragraph",
        )
    if aside.objects:
        context.warn(
            "docx-object-pictured",
            f"{counted(aside.objects, 'embedded object')} (a drawing, chart or sheet of another "
            "program), each read as the picture Word shows for it, its program in its figure's "
            "extras['docx:object'], the object itself left out",
        )
    if aside.text_boxes:
        context.warn(
            "docx-text-box-read",
            f"the text of {counted(aside.text_boxes, 'text box', 'text boxes')} read as "
            "paragraphs after the paragraph that holds each box",
        )
    if aside.tracked:
        context.warn(
            "docx-tracked-changes",
            "the document has tracked changes; read as accepted: insertions kept, deletions "
            "left out",
        )
    if aside.hidden:
        context.warn(
            "docx-hidden-text-dropped", f"{counted(aside.hidden, 'run')} of hidden text left out"
        )
    if aside.formatting:
        context.warn(
            "docx-formatting-dropped",
            "formatting the article model has no mark for was dropped, the text kept: "
            + ", ".join(sorted(aside.formatting)),
        )
    if aside.symbol_fonts:
        context.warn(
            "docx-symbol-font-kept",
            "characters of symbol fonts without a Unicode mapping were kept as private-use codes: "
            + ", ".join(sorted(aside.symbol_fonts)),
        )
    if aside.controls:
        context.warn("control-characters-removed", f"removed {aside.controls} control characters")


def _page_furniture(package: Package, reader: BodyReader, kind: str) -> list[str]:
    """The distinct texts of the page headers or footers (``kind``) that hold words: a slug or
    an embargo line is worth keeping, a bare page number is not."""
    texts: list[str] = []
    for relationship in package.relationships(package.main).values():
        if relationship.kind != kind or relationship.external or relationship.target not in package:
            continue
        text = _story_text(package.xml(relationship.target), reader)
        if any(char.isalpha() for char in text) and text not in texts:
            texts.append(text)
    return texts


def _comments(root: etree._Element, reader: BodyReader) -> list[dict[str, str]]:
    n = reader.n
    anchors = reader.aside.comment_anchors
    found: list[dict[str, str]] = []
    for comment in root.iter(n.comment):
        text = _story_text(comment, reader)
        anchor = " ".join("".join(anchors.get(comment.get(n.id_, ""), [])).split())
        entry = {
            "author": clean_attribute(comment.get(n.author)),
            "date": clean_attribute(comment.get(n.date)),
            "text": text,
            "anchor": anchor,
        }
        if text or anchor:
            found.append({key: value for key, value in entry.items() if value})
    return found


def _notes(root: etree._Element, reader: BodyReader) -> dict[str, str]:
    n = reader.n
    notes: dict[str, str] = {}
    for note in root:
        if note.tag in (n.footnote, n.endnote) and note.get(n.type_) not in _NOTE_TYPES:
            text = _story_text(note, reader)
            if text:
                notes[note.get(n.id_, "")] = text
    return notes


def _story_text(parent: etree._Element, reader: BodyReader) -> str:
    """The plain text of a comment or note, paragraphs separated by a blank line."""
    story = BodyReader(reader.n, reader.styles, reader.numbering, reader.links)
    found = texts(story.blocks(parent, []))
    return "\n\n".join(" ".join(text.split()) for text in found if text.strip())


def _folder_of(path: str | None) -> str | None:
    """The absolute folder of the document, when it was read from a file."""
    if not path or path == "-" or path.startswith("<") or not os.path.isfile(path):
        return None
    return os.path.dirname(os.path.abspath(path))
