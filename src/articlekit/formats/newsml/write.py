"""Building a NewsML-G2 2.35 ``newsItem`` from an Article, in the element order of the XSD.

NewsML-G2 carries every article field but ``extras``. Required values the article may lack are
filled so that they read back as absent: ``provider literal="unknown"`` without a source, and
``versionCreated`` repeating ``firstCreated`` (or ``contentCreated``) without an update time, or
the Unix epoch without any date (with ``newsml-date-missing``). A date without time goes into the
``xs:dateTime`` elements as a midnight without zone, which reads back as the date alone
(``contentCreated`` takes the date itself). A person's job title is a ``creator/note`` with the
role ``akrole:jobtitle`` and a subheadline a ``headline`` with the role ``akrole:subheadline``,
from articlekit's own scheme in the inline catalog. A right-to-left item is ``dir="rtl"`` (the
``newsItem`` and its XHTML body), and a headline, byline, dateline, summary or body block that
reads the other way has its own ``dir``; NITF has no ``dir``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from lxml import etree

from articlekit._text import lazy_pattern
from articlekit._xml import NEWSML, NITF, XHTML, XML
from articlekit.formats._direction import (
    Direction,
    article_directions,
    own_direction,
)
from articlekit.formats._iptc import (
    PlainBody,
    body_dateline_problem,
    byline_credits_people,
    dateline_reads_back,
    embargo_moment,
    is_hard_wrapped_paragraph,
    is_iri_reference,
    iso_datetime,
    plain_text,
    printed_dateline,
    write_document,
)
from articlekit.formats._markup import XHTML as XHTML_MARKUP
from articlekit.formats._markup import Dialect, report_list_starts, write_blocks
from articlekit.formats._media import distinct_id, report_media
from articlekit.formats._support import report_dropped
from articlekit.formats.newsml.media import CARRIES as MEDIA
from articlekit.formats.newsml.media import LINK_REL, guid_of, write_media_item
from articlekit.formats.newsml.read import (
    EPOCH,
    JOBTITLE_ROLE,
    NOTE_ROLES,
    UNKNOWN_PROVIDER,
    body_byline,
    updated_from,
)
from articlekit.formats.newsml.vocabulary import IPTC_CATALOG, Aliases
from articlekit.media import replace_figures
from articlekit.model import Article, Concept, Figure, Heading, Paragraph, has_media, iter_media
from articlekit.registry import Context

STANDARD = {"standard": "NewsML-G2", "standardversion": "2.35", "conformance": "power"}
CARRIED = frozenset(Article.model_fields) - {"extras"}
"""Every field but extras (which describe the file they came from)."""

CONCEPT_TYPES = {"places": "cpnat:geoArea", "people": "cpnat:person",
                 "organisations": "cpnat:organisation"}  # fmt: skip
"""Subjects of these kinds carry an IPTC concept nature, so that they read back as such."""

BODY_TYPES = {"xhtml": "application/xhtml+xml", "nitf": "application/nitf+xml"}
_REFERENCES = replace(XHTML_MARKUP, embeds=False)
"""The XHTML body: a picture is its picture item's renditions, never bytes in a ``data:`` URI
(they would swell every text item; NewsML-G2 has ``remoteContent`` for where they are)."""

_T = {name: f"{{{NEWSML}}}{name}" for name in (
    "newsItem", "catalogRef", "catalog", "scheme", "rightsInfo", "copyrightHolder", "name",
    "copyrightNotice", "usageTerms", "itemMeta", "itemClass", "provider", "versionCreated",
    "firstCreated", "embargoed", "pubStatus", "edNote", "expires", "contentMeta", "urgency",
    "contentCreated", "located", "creator", "note", "language", "genre", "subject", "keyword",
    "slugline", "headline", "dateline", "by", "creditline", "description", "contentSet",
    "inlineXML", "br", "link", "newsMessage", "header", "sent", "itemSet",
)}  # fmt: skip
_WHITESPACE = lazy_pattern(r"\s")


class ItemWriter:
    """Writes one article as a ``newsItem``."""

    def __init__(
        self,
        article: Article,
        context: Context,
        links: list[str] | None = None,
        plain: bool = False,
    ) -> None:
        self.article = article
        self.context = context
        self.links = links or []
        """guids of the picture items the text item links to."""
        self.aliases = Aliases()
        self.sub = etree.SubElement
        self.plain = plain
        """Whether a body of plain paragraphs is left for :func:`write_document` to write as
        text (see :class:`~articlekit.formats._iptc.PlainBody`)."""
        self.left: PlainBody | None = None
        """The body left empty, when it was (its ``root`` set by :func:`build`)."""
        self.direction, self.blocks_direction = article_directions(article)
        """The direction of the item's text: the item says ``rtl`` (``@dir``, as on its XHTML
        body), and a text that reads the other way says its own; and the direction its body's
        blocks are judged against (``None`` when none can read the other way)."""

    def build(self) -> Any:
        article = self.article
        roles = self._note_roles()
        left_out = [key for key in article.extras if not (key == NOTE_ROLES and roles)]
        carried = CARRIED if left_out or not article.extras else CARRIED | {"extras"}
        report_dropped(article, carried, self.context, "NewsML-G2", left_out)
        root = etree.Element(_T["newsItem"], nsmap={None: NEWSML})
        root.set("guid", article.id)
        if article.version is not None:
            root.set("version", str(article.version))
        for name, value in STANDARD.items():
            root.set(name, value)
        if article.language:
            root.set(f"{{{XML}}}lang", article.language)
        if self.direction == "rtl":
            root.set("dir", "rtl")
        self.sub(root, _T["catalogRef"], {"href": IPTC_CATALOG})
        self._rights(root)
        self._item_meta(root)
        self._content_meta(root)
        self._content(root)
        if self.aliases.extra:
            catalog = etree.Element(_T["catalog"])
            for alias, uri in self.aliases.extra.items():
                self.sub(catalog, _T["scheme"], {"alias": alias, "uri": uri})
            root.insert(1, catalog)
        self._check()
        return root

    def _text(
        self, parent: Any, tag: str, text: str, attributes: dict[str, str] | None = None
    ) -> Any:
        element = self.sub(parent, _T[tag], attributes) if attributes else self.sub(parent, _T[tag])
        element.text = text
        return element

    def _block_text(self, parent: Any, tag: str, text: str, attributes: dict[str, str]) -> Any:
        """Text with line breaks as ``br`` elements (NewsML-G2 block types)."""
        element = self.sub(parent, _T[tag], attributes)
        lines = text.split("\n")
        element.text = lines[0]
        for line in lines[1:]:
            self.sub(element, _T["br"]).tail = line
        return element

    # --- rightsInfo, itemMeta -------------------------------------------------------------------

    def _rights(self, root: Any) -> None:
        rights = self.article.rights
        if rights is None:
            return
        info = self.sub(root, _T["rightsInfo"])
        if rights.holder:
            self._text(self.sub(info, _T["copyrightHolder"]), "name", rights.holder)
        if rights.notice:
            self._block_text(info, "copyrightNotice", rights.notice, {})
        if rights.usage_terms:
            self._block_text(info, "usageTerms", rights.usage_terms, {})

    def _item_meta(self, root: Any) -> None:
        article = self.article
        meta = self.sub(root, _T["itemMeta"])
        self.sub(meta, _T["itemClass"], {"qcode": "ninat:text"})
        source = article.source
        if source is None:
            self.sub(meta, _T["provider"], {"literal": UNKNOWN_PROVIDER})
        else:
            uri = self._iri(source.uri, "source URI", "source")
            provider = self.sub(meta, _T["provider"], {"uri": uri} if uri else {})
            self._text(provider, "name", source.name)
        self._text(meta, "versionCreated", iso_datetime(self._version_created()))
        if article.published is not None:
            self._text(meta, "firstCreated", iso_datetime(article.published))
        if article.embargoed is not None:
            moment = embargo_moment(article.embargoed, self.context, "newsml-not-round-trippable")
            self._text(meta, "embargoed", iso_datetime(moment))
        if article.status:
            self.sub(meta, _T["pubStatus"], {"qcode": f"stat:{article.status}"})
        roles = self._note_roles()
        for role, note in roles or [(None, article.editor_note or "")]:
            if note:
                self._block_text(meta, "edNote", note, {"role": role} if role else {})
        if article.expires is not None:  # (a date alone as a date: xs:date or xs:dateTime)
            self._text(meta, "expires", article.expires.isoformat())
        for guid in self.links:
            self.sub(meta, _T["link"], {"rel": LINK_REL, "residref": guid})

    def _note_roles(self) -> list[tuple[str | None, str]]:
        """The editor's notes of a NewsML-G2 source, each with its role as a QCode (kept in
        extras), while the article's editor's note is still those notes joined; else none."""
        kept = self.article.extras.get(NOTE_ROLES)
        if not isinstance(kept, list):
            return []
        notes: list[tuple[str | None, str]] = []
        for entry in kept:
            note = entry.get("#text") if isinstance(entry, dict) else None
            role = entry.get("role") if isinstance(entry, dict) else None
            if not isinstance(note, str) or not note:
                return []
            vocabulary, code = role if isinstance(role, list) and len(role) == 2 else (None, None)
            if role is None:
                notes.append((None, note))
            elif isinstance(vocabulary, str) and isinstance(code, str) and vocabulary and code:
                notes.append((f"{self.aliases.alias(vocabulary)}:{code}", note))
            else:
                return []
        joined = "\n\n".join(note for _, note in notes)
        return notes if joined == self.article.editor_note else []

    def _version_created(self) -> date | datetime:
        """``versionCreated`` is required: the update time, else a value the reader takes for
        "never updated" (see :func:`~articlekit.formats.newsml.read.updated_from`)."""
        article = self.article
        version = article.updated or article.published or article.created
        if version is None:
            self.context.warn(
                "newsml-date-missing",
                "the article has no date; versionCreated is the Unix epoch, read back as none",
                fields=("published", "updated"),
            )
            return EPOCH
        first, created = article.published, article.created
        if updated_from(version, first, created) != article.updated:
            self.context.warn(
                "newsml-not-round-trippable",
                "updated: the update time equals the first-created time; it will read back as "
                "no update",
                fields=("updated",),
            )
        return version

    # --- contentMeta ----------------------------------------------------------------------------

    def _content_meta(self, root: Any) -> None:
        article = self.article
        meta = self.sub(root, _T["contentMeta"])
        text = self._text
        if article.urgency is not None:
            text(meta, "urgency", str(article.urgency))
        if article.created is not None:
            created = article.created
            text(meta, "contentCreated", iso_datetime(created) if isinstance(created, datetime)
                 else created.isoformat())  # fmt: skip
        if article.dateline is not None and article.dateline.place:
            text(self.sub(meta, _T["located"]), "name", article.dateline.place)
        for person in article.authors:
            uri = self._iri(person.uri, "author URI", "authors")
            creator = self.sub(meta, _T["creator"], {"uri": uri} if uri else {})
            text(creator, "name", person.name)
            if person.role:
                role = f"{self.aliases.use_articlekit_roles()}:{JOBTITLE_ROLE}"
                text(creator, "note", person.role, {"role": role})
        if article.language:
            self.sub(meta, _T["language"], {"tag": article.language})
        for genre in article.genres:
            self._concept(meta, "genre", genre, None, "genres")
        for kind in ("subjects", "places", "people", "organisations"):
            for concept in getattr(article, kind):
                self._concept(meta, "subject", concept, CONCEPT_TYPES.get(kind), kind)
        for keyword in article.keywords:
            text(meta, "keyword", keyword)
        if article.slugline:
            text(meta, "slugline", article.slugline)
        own = self._own_direction
        if article.headline:
            own(text(meta, "headline", article.headline))
        if article.subheadline:
            role = f"{self.aliases.use_articlekit_roles()}:subheadline"
            own(text(meta, "headline", article.subheadline, {"role": role}))
        if article.dateline is not None:
            own(text(meta, "dateline", printed_dateline(article.dateline)))
        if article.byline:
            own(text(meta, "by", article.byline))
        if article.source is not None:
            text(meta, "creditline", article.source.name)
        if article.summary:
            description = self._block_text(
                meta, "description", article.summary, {"role": "drol:summary"}
            )
            own(description, article.summary)

    def _own_direction(self, element: Any, text: str | None = None) -> None:
        """A ``dir`` on a property whose text (``text``, else the element's) reads against the
        item's direction."""
        direction = own_direction(element.text if text is None else text, self.direction)
        if direction is not None:
            element.set("dir", direction)

    def _concept(
        self, parent: Any, tag: str, concept: Concept, kind: str | None, field: str
    ) -> None:
        element = self.sub(parent, _T[tag], {"type": kind} if kind else {})
        code, vocabulary = concept.code, self._iri(concept.vocabulary, "vocabulary URI", field)
        if code and vocabulary and not _WHITESPACE.search(code):
            element.set("qcode", f"{self.aliases.alias(vocabulary)}:{code}")
        elif code:
            element.set("literal", code)
            if vocabulary or not concept.name:
                self.context.warn(
                    "newsml-not-round-trippable",
                    f"{field}: the code {code[:40]!r} has no QCode form (no vocabulary or "
                    "spaces); it was written as a literal",
                    fields=(field,),
                )
        uri = self._iri(concept.uri, "concept URI", field)
        if uri:
            element.set("uri", uri)
        if concept.name:
            self._text(element, "name", concept.name)

    def _iri(self, value: str | None, what: str, field: str) -> str | None:
        """``value`` when NewsML-G2's ``IRIType`` (``xs:anyURI``) takes it, else ``None`` with a
        warning: "a#b#c", "[x]" or "%zz" are identifiers to articlekit but not IRIs."""
        if value is None or is_iri_reference(value):
            return value
        self.context.warn(
            "field-dropped",
            f"{field}: the {what} {value[:60]!r} is not an IRI; left out",
            fields=(field,),
        )
        return None

    # --- contentSet -----------------------------------------------------------------------------

    def _content(self, root: Any) -> None:
        article = self.article
        if not article.body:
            return
        kind = (self.context.option("body") or "xhtml").lower()
        if kind not in BODY_TYPES:
            from articlekit.errors import UsageError

            raise UsageError(f"the newsml body option is xhtml or nitf, not {kind!r}")
        inline = self.sub(self.sub(root, _T["contentSet"]), _T["inlineXML"])
        inline.set("contenttype", BODY_TYPES[kind])
        if kind == "nitf":
            from articlekit.formats.nitf.write import DIALECT, VERSION

            nitf = etree.SubElement(inline, f"{{{NITF}}}nitf", nsmap={None: NITF})
            nitf.set("version", VERSION)
            body = etree.SubElement(nitf, f"{{{NITF}}}body")
            self._body(etree.SubElement(body, f"{{{NITF}}}body.content"), DIALECT, None)
            report_list_starts(article.body, self.context, "a NITF body")
            return
        html = etree.SubElement(inline, f"{{{XHTML}}}html", nsmap={None: XHTML})
        if self.direction == "rtl":
            html.set("dir", "rtl")
        head = etree.SubElement(html, f"{{{XHTML}}}head")
        etree.SubElement(head, f"{{{XHTML}}}title").text = article.headline or ""
        self._body(etree.SubElement(html, f"{{{XHTML}}}body"), _REFERENCES, self.blocks_direction)

    def _body(self, container: Any, dialect: Dialect, direction: Direction | None) -> None:
        """The body's blocks; with the ``direction`` they are judged against (XHTML, with a
        block that may read the other way: NITF has no ``dir``), a block that does says its own."""
        body = self.article.body
        text = plain_text(body) if self.plain else None
        if (
            text is not None
            and direction is not None
            and any(own_direction(line, direction) for line in text.split("\n"))
        ):
            text = None  # (the paragraph's direction is an attribute: the elements say it)
        if text is None:
            write_blocks(container, body, dialect, direction)
        else:
            self.left = PlainBody(None, container, body, text, dialect)

    # --- what would not read back -----------------------------------------------------------------

    def _check(self) -> None:
        article = self.article
        problems: list[tuple[tuple[str, ...], str]] = []
        if article.dateline is not None and not dateline_reads_back(article.dateline):
            problems.append(
                (("dateline",), "the dateline does not read back from its printed form")
            )
        dateline_problem = body_dateline_problem(article.body, article.dateline)
        if dateline_problem is not None:
            problems.append((("body", "dateline"), dateline_problem))
        first = article.body[0] if article.body else None
        if (isinstance(first, Heading) and first.level == 1 and first.text == article.headline) or (
            isinstance(first, Paragraph) and first.text == article.byline
        ):
            problems.append((("body",), "the body starts by repeating the headline or byline"))
        if any(map(is_hard_wrapped_paragraph, article.body)):
            problems.append((("body",), "a paragraph's line breaks look like hard wrapping"))
        sources = {article.source.name.casefold()} if article.source else set()
        if any(person.name.casefold() in sources for person in article.authors):
            problems.append(
                (("authors", "source"), "an author has the source's name (read back as the source)")
            )
        if article.byline and not article.authors and byline_credits_people(article.byline):
            problems.append(
                (("authors",), "the byline names people, who will read back as authors")
            )
        found = body_byline(article.body, article.byline, bool(article.authors))
        if found is not None:
            text = article.body[found[0]].text  # type: ignore[union-attr]
            problems.append(
                (
                    ("body", "byline", "authors"),
                    f"the paragraph {text[:60]!r} reads as a byline; readers move it out of the "
                    "body into the byline",
                )
            )
        for fields, problem in problems:
            message = f"{', '.join(fields)}: {problem}"
            self.context.warn("newsml-not-round-trippable", message, fields=fields)


def write(article: Article, context: Context) -> bytes:
    """The NewsML-G2 document of ``article``, serialised (see :func:`build`)."""
    return write_document(lambda: build(article, context, plain=True), "newsml", context)


def build(article: Article, context: Context, *, plain: bool = False) -> Any:
    """The ``newsItem`` element for ``article``; with media, a ``newsMessage`` of that item and
    one picture (graphic, video, audio) item per media item, each linked from the text item.
    With ``plain``, an item whose body is plain paragraphs alone is a
    :class:`~articlekit.formats._iptc.PlainBody` with that body left to be written as text."""
    items = list(iter_media(article)) if has_media(article) else []
    if not items:
        writer = ItemWriter(article, context, plain=plain)
        root = writer.build()
        return root if writer.left is None else writer.left._replace(root=root)
    in_nitf = (context.option("body") or "").lower() == "nitf"
    report_media(article, replace(MEDIA, embedded_in_body=in_nitf), context, "NewsML-G2")
    guids: dict[int, str] = {}
    for item in items:
        own = guid_of(item)
        guid = guids[id(item)] = distinct_id(own, guids.values())
        if guid != own and own == item.id:
            field = "body" if isinstance(item, Figure) else "media"
            context.warn(
                "newsml-not-round-trippable",
                f"{field}: another media item has the id {item.id!r}; NewsML-G2 item guids must"
                f" differ, so this one is written and reads back as {guid!r}",
                fields=(field,),
            )
    body = replace_figures(
        article.body, lambda figure: figure.model_copy(update={"id": guids[id(figure)]})
    )
    text = ItemWriter(
        article.model_copy(update={"body": body}), context, list(guids.values())
    ).build()
    message = etree.Element(_T["newsMessage"], nsmap={None: NEWSML})
    header = etree.SubElement(message, _T["header"])
    sent = next(element for element in text.iter(_T["versionCreated"]))
    etree.SubElement(header, _T["sent"]).text = sent.text
    item_set = etree.SubElement(message, _T["itemSet"])
    item_set.append(text)
    for item in items:
        item_set.append(write_media_item(item, guids[id(item)], text, STANDARD, etree.SubElement))
    return message
