"""Reading NewsML-G2 items into articles: one ``newsItem``, or every text item of a
``newsMessage``. Mapping tables first, then the item reader.

Elements are matched by local name (un-namespaced files and odd prefixes read like proper ones),
after elements of other namespaces than the item's have been set aside (a producer's
``<afp:headline>`` is not the headline): they are kept in ``extras`` as
``newsml:<path>/{namespace}name``. Every child of ``itemMeta``, ``contentMeta`` and ``rightsInfo``
that has no article field is kept in ``extras`` as ``newsml:<parent>/<element>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime
from typing import Any

from lxml import etree
from pydantic import JsonValue

from articlekit._text import counted, lazy_pattern
from articlekit._xml import (
    NEWSML,
    XHTML,
    child,
    children,
    local_name,
    set_aside_foreign,
    text_of,
)
from articlekit.errors import InputError, NotAnArticleError
from articlekit.formats._iptc import (
    UNREAD_EMBARGO_HOLDS,
    Placing,
    check_namespace,
    element_json,
    hold,
    holds,
    identifier,
    keep_foreign,
    language,
    opening_dateline,
    parse_document,
    read_date,
    read_printed_dateline,
    small_number,
    take_dateline,
    unwrap,
)
from articlekit.formats._markup import plain_paragraphs, read_markup, write_blocks
from articlekit.formats._media import as_figure, attach
from articlekit.formats.newsml.media import (
    MEDIA_CONTENT,
    content_renditions,
    linked,
    media_kind,
    packaged,
    read_media_item,
)
from articlekit.formats.newsml.vocabulary import Schemes, split_qcode
from articlekit.model import (
    MAX_VERSION,
    Article,
    Block,
    Concept,
    Dateline,
    Figure,
    Heading,
    Media,
    Paragraph,
    Person,
    Rights,
    Source,
)
from articlekit.prose.byline import BYLINE_LIMIT, authors_from_byline, byline_names
from articlekit.prose.dates import embargo_zoned, zoned
from articlekit.registry import Context

ITEMS = {"newsItem", "packageItem", "conceptItem", "knowledgeItem", "planningItem", "catalogItem"}
TEXT_CLASS = "text"
"""The code of ``itemClass`` (``ninat:text``, Reuters' ``icls:text``) of items holding articles."""

CONCEPT_TYPES = {
    "person": "people",
    "organisation": "organisations",
    "organization": "organisations",
    "geoArea": "places",
    "poi": "places",
}
"""``subject/@type`` codes (IPTC concept natures) that make a subject a person, place, ..."""

SUBHEADLINE_ROLES = {"subheadline", "subhead", "sub", "subtitle", "deck", "standfirst"}
MAIN_HEADLINE_ROLES = {"main", "headline", "title"}
SUMMARY_ROLES = {"summary", "abstract", "teaser"}
"""Role codes (after the alias) of headlines and descriptions."""

NAMING_ELEMENTS = {"assert", "broader", "narrower", "sameAs", "related"}
"""Elements whose names give a readable name to a bare QCode used elsewhere in the item."""

JOBTITLE_ROLE = "jobtitle"
"""Role code of the ``creator/note`` in which articlekit keeps a person's job title."""

STATUSES = {"usable", "withheld", "canceled"}

EMBEDDED = frozenset({"inlineXML"})
"""Elements whose content is another document (XHTML, NITF), read in its own namespace."""

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
"""The ``versionCreated`` articlekit writes when an article has no date at all: read as none."""

UNKNOWN_PROVIDER = "unknown"
"""The provider literal articlekit writes when an article has no source: read as none."""

_PLAIN_TAGS = lazy_pattern(r"</?p\s*/?>", re.IGNORECASE)
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def read_document(data: bytes, context: Context) -> Iterator[Article]:
    """Every article of a NewsML-G2 document (see :func:`read_items`)."""
    root = parse_document(data, context)
    check_namespace(root, NEWSML, context, "newsml-foreign-namespace")
    yield from read_items(root, context)


def read_items(root: Any, context: Context) -> Iterator[Article]:
    """Every article of a ``newsItem`` or ``newsMessage`` root, with the pictures tied to it;
    items that hold none are skipped with a warning, and a file without any article is an error.
    A message of pictures and no text gives one article per picture, its body that figure."""
    name = local_name(root)
    header = None
    if name == "newsMessage":
        header = next((node for node in root if local_name(node).lower() == "header"), None)
        items = [item for found in children(root, "itemSet") for item in found]
        items = [item for item in items if local_name(item) in ITEMS]
    elif name in ITEMS:
        items = [root]
    else:
        raise InputError(
            f"the root element <{name[:40]}> is not NewsML-G2 (newsItem or newsMessage)"
        )
    texts, pictures, packages, skipped = [], [], [], []
    foreign = {}
    for item in items:
        # before anything is read: a producer's <x:itemClass> must not decide either
        foreign[item] = set_aside_foreign(item, NEWSML, embedded=EMBEDDED)
        reason = _not_an_article(item)
        if reason is None:
            texts.append(item)
        elif media_kind(item) is not None:
            pictures.append(item)
        elif local_name(item) == "packageItem":
            packages.append(item)
        else:
            skipped.append(reason)
    media = _media_items(pictures, context)
    if not texts:
        if not pictures:
            what = "; ".join(skipped + [_not_an_article(item) or "" for item in packages])
            raise NotAnArticleError(f"holds no text article: {what or 'no items'}")
        yield from _picture_articles(pictures, media, foreign, context, header, len(items))
        return
    ties = _ties(texts, media, packages, skipped)
    for reason in skipped:
        context.warn("newsml-item-skipped", f"skipped {reason}")
    for item in texts:
        article = read_item(item, context, header, ties[id(item)], foreign=foreign[item])
        context.line = item.sourceline if len(items) > 1 else None  # where a message's item is
        yield article


def _media_items(pictures: list[Any], context: Context) -> dict[str, Media]:
    """The picture items of a message as media, by guid (in message order)."""
    found: dict[str, Media] = {}
    for index, item in enumerate(pictures):
        media = read_media_item(item, context)
        if media is not None:
            found[(item.get("guid") or "").strip() or f"#{index}"] = media
    return found


def _ties(
    texts: list[Any], media: dict[str, Media], packages: list[Any], skipped: list[str]
) -> dict[int, list[Media]]:
    """The pictures of each text item: those its links name, those packaged with it, and in a
    message of one story, every other picture; pictures tied to no story are reported."""
    if not media and not packages:
        # (most files: one story, no picture and no package, so nothing to tie or report;
        # its links are not even looked up)
        return {id(item): [] for item in texts}
    together = packaged(packages)
    ties: dict[int, list[Media]] = {}
    used: set[str] = set()
    for item in texts:
        guid = (item.get("guid") or "").strip()
        wanted = [*linked(item), *sorted(together.get(guid, ()))]
        if len(texts) == 1:
            wanted += list(media)
        chosen = list(dict.fromkeys(key for key in wanted if key in media))
        used.update(chosen)
        ties[id(item)] = [media[key] for key in chosen]
    for key in media:
        if key not in used:
            skipped.append(f"picture item {key[:80]} (tied to no story of the message)")
    known = {(item.get("guid") or "").strip() for item in texts} | set(media)
    for package in packages:
        if not (set(together) & known) or not any(
            (ref.get("residref") or "").strip() in known
            for ref in package.iter()
            if local_name(ref) == "itemRef"
        ):
            skipped.append(_not_an_article(package) or "a package")
    return ties


def _picture_articles(
    pictures: list[Any],
    media: dict[str, Media],
    foreign: dict[Any, list[tuple[str, Any]]],
    context: Context,
    header: Any,
    count: int,
) -> Iterator[Article]:
    """Standalone pictures: each an article (its metadata from the item) whose body is it."""
    for item in pictures:
        picture = media.get((item.get("guid") or "").strip())
        if picture is None:
            continue
        figure = as_figure(picture)
        article = read_item(item, context, header, [], figure, foreign[item])
        context.line = item.sourceline if count > 1 else None
        yield article


def _envelope_alone(header: Any, item: Any) -> bool:
    """Whether a ``newsMessage`` header says only when it was sent, the item's own version time:
    the envelope the writer puts around an item with pictures, nothing of the article's (kept in
    ``extras``, it made every article with pictures come back from NewsML-G2 changed)."""
    children = [child for child in header if isinstance(child.tag, str)]
    if len(children) != 1 or local_name(children[0]) != "sent" or header.attrib:
        return False
    created = item.find("{*}itemMeta/{*}versionCreated")
    return created is not None and (children[0].text or "").strip() == (created.text or "").strip()


def read_item(
    item: Any,
    context: Context,
    header: Any = None,
    media: list[Media] | None = None,
    figure: Figure | None = None,
    foreign: list[tuple[str, Any]] | None = None,
) -> Article:
    """The article of one text ``newsItem`` (with the ``media`` tied to it), or of a standalone
    picture item (``figure``: its body); the ``header`` of its ``newsMessage`` and the
    ``foreign`` elements set aside from the item are kept in extras."""
    if foreign is None:
        foreign = set_aside_foreign(item, NEWSML, embedded=EMBEDDED)
    return ItemReader(item, context, header, media or [], figure, foreign).article()


def _not_an_article(item: Any) -> str | None:
    """Why ``item`` holds no text article (``packageItem tag:...``), or ``None`` when it does."""
    name = local_name(item)
    guid = (item.get("guid") or "without guid")[:80]
    if name != "newsItem":
        return f"{name} {guid} (not a news item)"
    item_class = child(child(item, "itemMeta"), "itemClass")
    qcode = (item_class.get("qcode") or "") if item_class is not None else ""
    code = qcode.rpartition(":")[2]
    if qcode and code != TEXT_CLASS:
        return f"newsItem {guid} ({code or qcode} item, not text)"
    return None


def updated_from(
    version: date | datetime | None,
    first: date | datetime | None,
    content: date | datetime | None,
) -> date | datetime | None:
    """``updated`` from ``versionCreated``: none when it only repeats ``firstCreated`` (or
    ``contentCreated`` without one), since the item was then never updated (the writer relies on
    this to write the required ``versionCreated`` for articles without an update time)."""
    if version is None or version == EPOCH:
        return None
    if version == (first if first is not None else content):
        return None
    return version


EDITORS_NOTE_ROLES = frozenset(
    {"correction", "notepad", "note", "general", "ednote", "editorsnote", "editorialnote"}
)
"""The codes of ``edNote`` roles (in any scheme: providers have their own, ``dpaednoterole:``)
that make a note the editor's note, as a note without role is: a correction or a general note
(other roles, an ``edNote`` of a service or a legal notice, stay in extras). Several such notes
are joined, a blank line apart; their roles are kept in ``extras[NOTE_ROLES]``, which the writer
writes back while the note is the same."""
NOTE_ROLES = "newsml:itemMeta/edNote/@role"
"""Extras key of the editor's notes' roles: ``[{"role": [vocabulary, code], "#text": note}]``,
one entry a note (no ``role`` for a note without one)."""


def _editors_role(role: str | None) -> bool:
    """Whether an ``edNote`` of this role is (part of) the editor's note: no role, or one of
    :data:`EDITORS_NOTE_ROLES`."""
    if not role:
        return True
    parts = split_qcode(role)
    return parts is not None and parts[1].strip().lower() in EDITORS_NOTE_ROLES


def multiline(element: Any) -> str:
    """Text with ``br`` as line breaks and all other whitespace collapsed."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        parts.append(node.text or "")
        for item in node:
            if local_name(item) == "br":
                parts.append("\0")
            elif isinstance(item.tag, str):
                walk(item)
            parts.append(item.tail or "")

    walk(element)
    return "\n".join(" ".join(line.split()) for line in "".join(parts).split("\0")).strip()


PARTY_ATTRIBUTES = frozenset({"qcode", "uri", "literal"})
PERSON_ATTRIBUTES = PARTY_ATTRIBUTES | {"type"}
"""The attributes of a provider, info source or credit line, and of a ``creator``, that an
article's source or author holds."""


def _plain_party(element: Any) -> bool:
    """Whether a provider, info source or credit line says no more than a name and an id."""
    return PARTY_ATTRIBUTES.issuperset(element.keys()) and all(
        local_name(node) == "name" for node in element
    )


def _plain_person(element: Any, title: list[Any]) -> bool:
    """Whether a ``creator`` says no more than an author holds: a name, an id and a job title
    (``title``: its job-title note, if any); a role, an affiliation or other notes are kept."""
    return PERSON_ATTRIBUTES.issuperset(element.keys()) and all(
        local_name(node) == "name" or node in title for node in element
    )


def _only_name(element: Any) -> bool:
    """Whether an element holds nothing but one plain ``name`` (what the writer makes)."""
    return not element.attrib and [local_name(node) for node in element] in ([], ["name"])


class ItemReader:
    """Reads one text ``newsItem`` (or a standalone picture item as an article)."""

    def __init__(
        self,
        item: Any,
        context: Context,
        header: Any = None,
        media: list[Media] | None = None,
        figure: Figure | None = None,
        foreign: Sequence[tuple[str, Any]] = (),
    ) -> None:
        self.item = item
        self.context = context
        self.media = list(media or [])
        """Media tied to the item: picture items of its message, its own image content."""
        self.figure = figure
        """A standalone picture item's figure, the article's body."""
        self.linked = {item.id for item in self.media if item.id}
        self.schemes = Schemes()
        self.schemes.read_catalogs(item)
        self.fields: dict[str, Any] = {}
        self.extras: dict[str, JsonValue] = {}
        if header is not None and not _envelope_alone(header, item):
            self.extras["newsml:newsMessage/header"] = element_json(header)
        keep_foreign(foreign, self.extras, "newsml", "newsItem")
        self._names: dict[str, str] | None = None
        self.sources: list[tuple[int, Source, Any]] = []
        """Candidate sources: (rank, source, element), infoSource before creditline and provider."""
        self.creators: list[Any] = []
        self.headlines: list[tuple[str, str]] = []
        self.title: str | None = None
        self.located: Any = None
        self.printed_dateline: str | None = None
        self.notes: list[tuple[list[JsonValue] | None, str]] = []
        """The edNotes that are the editor's note: each with its role (vocabulary, code)."""
        self.unread_embargo: str | None = None
        """An ``embargoed`` whose date cannot be read, as written: it holds the article."""
        self.pub_status: Any = None
        """The ``pubStatus`` read into the status, kept in extras when a hold overrides it."""
        self.dates: dict[str, date | datetime] = {}
        self.embedded: dict[str, Any] = {}
        """Fields of a NITF body (its hl1, byline, ...), used where the item has none."""
        self.repeats = 0
        self.rights: dict[str, str] = {}
        self.kept: dict[int, Any] = {}
        """The elements kept whole in extras, attributes and all, by id (held: lxml gives an
        element the same proxy object, and id, only while one is alive)."""
        self.metadata: list[tuple[Any, str, str | None]] = []
        """Where :meth:`_moment_attributes` looks, noted as the metadata is read (not walked
        again): each ``itemMeta`` and ``contentMeta`` (its name, ``None``), then those of its
        children whose attribute names may hold one (its name, the child's)."""

    # --- the item -------------------------------------------------------------------------------

    def article(self) -> Article:
        item, fields = self.item, self.fields
        guid = identifier(item.get("guid"))
        if guid:
            fields["id"] = guid
        elif item.get("guid"):
            self.extras["newsml:@guid"] = item.get("guid")
        self._version(item.get("version"))
        for element in item:
            name = local_name(element)
            if name == "itemMeta":
                self._item_meta(element)
            elif name == "contentMeta":
                self._content_meta(element)
            elif name == "rightsInfo":
                self._rights(element)
            elif name == "contentSet":
                self._content(element)
            elif name and name not in ("catalogRef", "catalog"):
                self._keep("newsml:newsItem", element)
        self._finish()
        self._moment_attributes()
        if not fields.get("language"):
            fields["language"] = language(item.get(_XML_LANG), self.context, "the item's xml:lang")
        if self.extras:
            fields["extras"] = self.extras
        return Article(**{key: value for key, value in fields.items() if value is not None})

    def _version(self, value: str | None) -> None:
        if value is None:
            return
        number = small_number(value)
        if number and number <= MAX_VERSION:
            self.fields["version"] = number
        else:
            self.context.warn(
                "newsml-value-invalid", f"version {value[:20]!r} is not from 1 to {MAX_VERSION}"
            )
            self.extras["newsml:@version"] = value

    def _keep(self, parent: str, element: Any) -> None:
        found = self.extras.setdefault(f"{parent}/{local_name(element)}", [])
        assert isinstance(found, list)
        found.append(element_json(element))
        self.kept[id(element)] = element

    def _moment_attributes(self) -> None:
        """``expires`` and ``embargoed`` attributes on the item, its itemMeta or contentMeta, or
        an element of theirs that was read (a ``pubStatus``): NewsML-G2 has none (it has the
        itemMeta elements; an attribute of another namespace is allowed there), so what such an
        attribute means is the producer's. Read into no field, they went with the element
        unsaid; kept in extras, reported. (A child of the metadata is looked at only when its
        attribute names may hold one: most have none. The places were noted in
        :attr:`metadata` as the metadata was read, not walked again.)"""
        places = [(self.item, "newsItem", "newsml:")]  # (the item's as its @guid: newsml:@...)
        for element, meta, name in self.metadata:
            if name is None:
                places.append((element, meta, f"newsml:{meta}/"))
            elif id(element) not in self.kept:
                places.append((element, f"{meta}/{name}", f"newsml:{meta}/{name}/"))
        for element, where, prefix in places:
            for attribute in element.attrib:
                namespace, _, name = attribute.lstrip("{").rpartition("}")
                if name in ("expires", "embargoed"):
                    value = element.get(attribute)
                    key = f"{prefix}@{_qualified(element, namespace, name)}"
                    self.extras[key] = value
                    self.context.warn(
                        "newsml-value-invalid",
                        f"{where} has an {name} attribute ({value[:40]!r}), which NewsML-G2 "
                        f"does not define (its {name} is an itemMeta element); not read as the "
                        f"article's, kept in extras as {key}",
                    )

    # --- itemMeta -------------------------------------------------------------------------------

    def _item_meta(self, meta: Any) -> None:
        self.metadata.append((meta, "itemMeta", None))
        for element in meta:
            name = local_name(element)
            if _may_hold_moments(element.keys()):
                self.metadata.append((element, "itemMeta", name))
            if name == "itemClass":
                continue
            if name == "provider":
                self._source(element, 3)
            elif name in ("versionCreated", "firstCreated"):
                self._date("itemMeta", name, element)
            elif name == "embargoed" and "embargoed" not in self.fields:
                self._meta_date(element, "embargoed", embargo_zoned)
            elif name == "expires" and "expires" not in self.fields:
                self._meta_date(element, "expires")
            elif name == "pubStatus":
                code = (element.get("qcode") or "").rpartition(":")[2]
                if code in STATUSES:
                    self.fields["status"] = code
                    self.pub_status = element
                else:
                    self._keep("newsml:itemMeta", element)
            elif name == "edNote" and _editors_role(element.get("role")):
                self._note(element)
            elif name == "title" and text_of(element) and self.title is None:
                self.title = text_of(element)
            elif name == "link" and (element.get("residref") or "").strip() in self.linked:
                continue  # a picture of the message, read with the article
            elif name:
                self._keep("newsml:itemMeta", element)

    def _note(self, element: Any) -> None:
        """An edNote that is (part of) the editor's note, with its role's vocabulary and code;
        one with no text of its own (its content set aside as another namespace's) is kept."""
        note = multiline(element)
        if not note:
            if element.get("role"):
                self._keep("newsml:itemMeta", element)
            return
        parts = split_qcode(element.get("role") or "")
        role: list[JsonValue] | None = (
            [self.schemes.vocabulary(parts[0]), parts[1]] if parts else None
        )
        self.notes.append((role, note))

    def _meta_date(self, element: Any, field: str, place: Placing = zoned) -> None:
        """``embargoed`` (the end of the embargo) or ``expires`` (when the item is no longer
        editorially relevant) into ``field``. An empty ``embargoed`` says the item is not (or no
        longer) embargoed; that, or a value that is no date, stays in extras as it was (a time
        without zone is given one by ``place`` and kept as written beside the elements kept,
        which may repeat). An ``embargoed`` that is no date holds the article
        (:func:`~articlekit.formats._iptc.hold`)."""
        name = local_name(element)
        key = f"newsml:itemMeta/{name}/#text"
        text = element.text or ""
        held = field == "embargoed" and holds(text)
        unparsed = UNREAD_EMBARGO_HOLDS if held else "kept in extras"
        value = read_date(text, self.context, name, self.extras, key, unparsed, place, moment=field)
        if value is None:
            self._keep("newsml:itemMeta", element)
            if held:
                self.unread_embargo = text
        else:
            self.fields[field] = value

    def _date(self, parent: str, name: str, element: Any) -> None:
        """The date of ``element`` (named ``name``), a child of ``parent`` (its name)."""
        key = f"newsml:{parent}/{name}"
        value = read_date(element.text or "", self.context, name, self.extras, key)
        if value is not None:
            self.dates[name] = value

    # --- contentMeta ----------------------------------------------------------------------------

    def _content_meta(self, meta: Any) -> None:
        fields = self.fields
        self.metadata.append((meta, "contentMeta", None))
        for element in meta:
            name = local_name(element)
            if not name:
                continue
            if _may_hold_moments(element.keys()):
                self.metadata.append((element, "contentMeta", name))
            text = text_of(element)
            if name == "urgency":
                self._urgency(text, element)
            elif name == "contentCreated":
                self._date("contentMeta", name, element)
            elif name == "located" and self.located is None:
                self.located = element
            elif name == "infoSource":
                self._source(element, 1)
            elif name == "creditline" and text:
                self.sources.append((2, Source(name=text), element))
            elif name == "creator":
                self.creators.append(element)
            elif name == "language" and element.get("tag") and "language" not in fields:
                fields["language"] = language(element.get("tag"), self.context, "language tag")
            elif name in ("subject", "genre"):
                self._concept_of(name, element)
            elif name == "keyword" and text:
                fields.setdefault("keywords", []).append(text)
            elif name == "slugline" and text and "slugline" not in fields:
                fields["slugline"] = text
            elif name == "headline" and text:
                self.headlines.append((self._code(element.get("role")).lower(), text))
            elif name == "dateline" and text and self.printed_dateline is None:
                self.printed_dateline = text
            elif name == "by" and text and "byline" not in fields:
                fields["byline"] = text
            elif name == "description" and multiline(element):
                role = self._code(element.get("role")).lower()
                if (not role or role in SUMMARY_ROLES) and "summary" not in fields:
                    fields["summary"] = multiline(element)
                else:
                    self._keep("newsml:contentMeta", element)
            elif name and (text or len(element) or element.attrib):
                self._keep("newsml:contentMeta", element)

    @staticmethod
    def _code(qcode: str | None) -> str:
        return (qcode or "").strip().rpartition(":")[2]

    def _urgency(self, text: str, element: Any) -> None:
        number = small_number(text)
        if number is not None and 1 <= number <= 9:
            self.fields["urgency"] = number
        elif text:
            self.context.warn("newsml-value-invalid", f"urgency {text[:20]!r} is not 1-9")
            self._keep("newsml:contentMeta", element)

    def _concept_of(self, name: str, element: Any) -> None:
        concept = self.concept(element)
        if concept is None:
            return
        if name == "genre":
            target = "genres"
        else:
            target = CONCEPT_TYPES.get(self._code(element.get("type")), "subjects")
        self.fields.setdefault(target, []).append(concept)
        details = [child for child in element if isinstance(child.tag, str)]
        if len(details) > 1 or any(local_name(child) != "name" for child in details):
            # names in other languages, sameAs, broader...: kept whole, as the source has them
            self._keep("newsml:contentMeta", element)

    def concept(self, element: Any) -> Concept | None:
        """A concept from ``@qcode``/``@uri``/``@literal`` and ``name``; a missing name is looked
        up in the item's ``assert`` and related-concept elements, else a lone literal is one."""
        qcode, literal = element.get("qcode"), (element.get("literal") or "").strip()
        uri = identifier(element.get("uri"))
        name = self.name_of(element)
        code = vocabulary = None
        if qcode and qcode.strip():
            parts = split_qcode(qcode)
            if parts is None:
                code = qcode.strip()
            else:
                code, vocabulary = parts[1] or None, self.schemes.vocabulary(parts[0])
            name = name or self.names().get(qcode.strip())
        elif literal:
            if name:
                code = literal
            else:
                name = self.names().get(literal) or literal
        if name is None and code is None and uri is None:
            return None
        return Concept(name=name, code=code, vocabulary=vocabulary if code else None, uri=uri)

    @staticmethod
    def name_of(element: Any) -> str | None:
        """The display name of a concept: a ``name`` without role (or a display/full one)."""
        best = None
        for node in element:
            if local_name(node) != "name":
                continue
            text = text_of(node)
            role = (node.get("role") or "").rpartition(":")[2]
            if text and role in ("", "display", "full"):
                return text
            best = best or text or None
        return best

    def names(self) -> dict[str, str]:
        """QCode (or literal) → name, from ``assert`` elements and related concepts
        (``broader``, ``sameAs``, ...) that name a QCode used elsewhere in the item."""
        if self._names is None:
            self._names = {}
            for node in self.item.iter():
                if not isinstance(node.tag, str) or local_name(node) not in NAMING_ELEMENTS:
                    continue
                key = node.get("qcode") or node.get("literal")
                if key and key.strip() not in self._names:
                    name = self.name_of(node)
                    if name:
                        self._names[key.strip()] = name
        return self._names

    # --- rightsInfo -----------------------------------------------------------------------------

    def _rights(self, info: Any) -> None:
        rights = self.rights
        for element in info:
            name = local_name(element)
            if name == "copyrightHolder":
                holder = (
                    self.name_of(element)
                    or (element.get("literal") or "").strip()
                    or self._code(element.get("qcode"))
                )
                if holder and "holder" not in rights:
                    rights["holder"] = holder
                if not _only_name(element):
                    self._keep("newsml:rightsInfo", element)
            elif name in ("copyrightNotice", "usageTerms"):
                field = "notice" if name == "copyrightNotice" else "usage_terms"
                text = multiline(element)
                if text and field not in rights:
                    rights[field] = text
                elif text:
                    self._keep("newsml:rightsInfo", element)
            elif name:
                self._keep("newsml:rightsInfo", element)

    # --- sources, people, dateline, headlines, dates ------------------------------------------

    def _source(self, element: Any, rank: int) -> None:
        name = self.name_of(element) or (element.get("literal") or "").strip()
        qcode = (element.get("qcode") or "").strip()
        uri = identifier(element.get("uri") or (self.schemes.uri(qcode) if qcode else None))
        if name == UNKNOWN_PROVIDER:
            return
        name = name or self._code(qcode) or qcode
        if name:
            self.sources.append((rank, Source(name=name, uri=uri), element))
        else:
            self._keep(f"newsml:{local_name(element.getparent())}", element)

    def _choose_source(self) -> None:
        """The source: the first ``infoSource``, else the ``creditline``, else the ``provider``
        (with the URI of a namesake when the chosen one has none); the others go to extras
        unless they only repeat it."""
        if not self.sources:
            return
        ranked = sorted(self.sources, key=lambda found: found[0])
        chosen = ranked[0][1]
        if chosen.uri is None:
            uris = [source.uri for _, source, _ in ranked if _same(source, chosen) and source.uri]
            if uris:
                chosen = Source(name=chosen.name, uri=uris[0])
        self.fields["source"] = chosen
        for _, source, element in ranked:
            repeat = _same(source, chosen) and source.uri in (None, chosen.uri)
            if not (repeat and _plain_party(element)):
                self._keep(f"newsml:{local_name(element.getparent())}", element)

    def _authors(self) -> None:
        fields = self.fields
        authors = []
        organisations = {source.name.casefold() for _, source, _ in self.sources}
        for creator in self.creators:
            name = self.name_of(creator) or (creator.get("literal") or "").strip()
            kind = self._code(creator.get("type"))
            if not name or name.casefold() in organisations or kind == "organisation":
                self._keep("newsml:contentMeta", creator)
                continue
            qcode = (creator.get("qcode") or "").strip()
            uri = identifier(creator.get("uri") or (self.schemes.uri(qcode) if qcode else None))
            titles = [
                note
                for note in children(creator, "note")
                if self._code(note.get("role")) == JOBTITLE_ROLE and text_of(note)
            ]
            person = Person(name=name, role=text_of(titles[0]) if titles else None, uri=uri)
            if not _plain_person(creator, titles[:1]):
                self._keep("newsml:contentMeta", creator)
            if person.uri is None or person not in authors:
                authors.append(person)  # (one person by id, credited in two roles, is one author)
        if authors:
            fields["authors"] = authors
        elif fields.get("byline") and not fields.get("authors"):
            names = byline_names(fields["byline"])
            if names:
                fields["authors"] = [Person(**person) for person in authors_from_byline(names)]

    def _headlines(self) -> None:
        """The headline (no role, or a main role) and subheadline; others go to extras."""
        fields = self.fields
        rest = []
        for role, text in self.headlines:
            if role in SUBHEADLINE_ROLES and "subheadline" not in fields:
                fields["subheadline"] = text
            elif (not role or role in MAIN_HEADLINE_ROLES) and "headline" not in fields:
                fields["headline"] = text
            else:
                rest.append((role, text))
        for role, text in rest:
            if "headline" not in fields:
                fields["headline"] = text
            else:
                found = self.extras.setdefault("newsml:contentMeta/headline", [])
                assert isinstance(found, list)
                found.append({"@role": role, "#text": text} if role else text)

    def _dateline(self, body: list[Block]) -> list[Block]:
        fields = self.fields
        dateline = None
        if self.printed_dateline is not None:
            dateline = read_printed_dateline(self.printed_dateline)
            if dateline is None:
                self.extras["newsml:dateline"] = self.printed_dateline
                dateline = opening_dateline(body)
        located = self.located
        if located is not None:
            name = self.name_of(located) or (located.get("literal") or "").strip()
            if dateline is None and name:
                dateline = Dateline(place=name)
            if not (_only_name(located) and dateline is not None and dateline.place == name):
                self._keep("newsml:contentMeta", located)
        if dateline is None and self.printed_dateline is None and "dateline" not in fields:
            dateline = opening_dateline(body)  # (nothing else says one: as the text reader does)
        if dateline is not None:
            body, dateline = take_dateline(body, dateline, self.printed_dateline)
            fields["dateline"] = dateline
        return body

    def _dates(self) -> None:
        first = self.dates.get("firstCreated")
        content = self.dates.get("contentCreated")
        version = self.dates.get("versionCreated")
        if first is not None and first != EPOCH:
            self.fields["published"] = first
        if content is not None:
            self.fields["created"] = content
        updated = updated_from(version, first, content)
        if updated is None and self._same_day_update():
            updated = version  # the times of day differed: an update, though its time is lost
        self.fields["updated"] = updated

    def _same_day_update(self) -> bool:
        """Whether versionCreated and the date-time it repeats were both cut to the same date
        (no zone) from different times as written."""
        version = self.dates.get("versionCreated")
        if version is None or isinstance(version, datetime):
            return False
        other = (
            "itemMeta/firstCreated"
            if "firstCreated" in self.dates
            else "contentMeta/contentCreated"
        )
        written = self.extras.get("newsml:itemMeta/versionCreated")
        return written is not None and written != self.extras.get(f"newsml:{other}", written)

    # --- contentSet -----------------------------------------------------------------------------

    def _content(self, content_set: Any) -> None:
        if "body" in self.fields:
            self._keep("newsml:newsItem", content_set)
            return
        body: list[Block] | None = None
        lead = content_renditions(content_set, self.context, media_only=True)
        if lead and self.figure is None:
            self.media.insert(0, Media(role="featured", renditions=lead))
        for element in content_set:
            name = local_name(element)
            if name == "remoteContent" and MEDIA_CONTENT.match(element.get("contenttype") or ""):
                continue  # the story's picture, read above
            if name == "remoteContent":
                self._keep("newsml:contentSet", element)
                href = (element.get("href") or "")[:120]
                self.context.warn(
                    "newsml-remote-content", f"remote content {href} was recorded, not fetched"
                )
            elif not body and name == "inlineXML":
                body = self._inline_xml(element)
            elif not body and name == "inlineData" and _is_plain(element):
                body = self._plain(element.text or "")
            elif name:
                self._keep("newsml:contentSet", element)
        self.fields["body"] = body or []

    def _inline_xml(self, element: Any) -> list[Block] | None:
        root = next((node for node in element if isinstance(node.tag, str)), None)
        if root is None:
            return None
        name = local_name(root)
        if name == "nitf":
            return self._nitf(root)
        keep_foreign(set_aside_foreign(root, XHTML), self.extras, "newsml", name)
        body = root
        if name == "html":  # (its first body, in any namespace or none, found by lxml in C)
            body = next(root.iter("{*}body"), root)
        return self._xhtml(body)

    def _nitf(self, root: Any) -> list[Block]:
        from articlekit.formats.nitf.read import read_nitf

        found = read_nitf(root, self.context, dateline_in_body=False)  # (see _dateline)
        body: list[Block] = found.fields.pop("body", [])
        self.embedded = found.fields
        self.extras.update(found.extras)
        return body

    def _xhtml(self, body: Any) -> list[Block]:
        plain = plain_paragraphs(body)
        if plain is not None:
            return plain  # (paragraphs alone: no page header, wire text or labels in them)
        for header in list(body.iterdescendants("{*}header")):
            header.getparent().remove(header)
            self.repeats += 1
        for paragraph in list(body.iterdescendants("{*}p")):
            text = paragraph.text
            # (most paragraphs: too few lines to be wire text, told without a call)
            if (
                text
                and text.count("\n") >= _WIRE_LINES
                and not len(paragraph)
                and _is_wire_text(text)
            ):
                _replace_with_blocks(paragraph, self._plain(text))
        markup = read_markup(body, self.context)
        if markup.labels:
            self.extras["newsml:body/labels"] = dict(markup.labels)
        return markup.blocks

    def _plain(self, text: str) -> list[Block]:
        from articlekit.formats.text.parse import plain_blocks

        return plain_blocks(_PLAIN_TAGS.sub("\n", text), self.context)

    # --- putting it together --------------------------------------------------------------------

    def _finish(self) -> None:
        fields = self.fields
        self._dates()
        self._headlines()
        for name, value in self.embedded.items():
            if name == "id" or not value:
                continue
            if not fields.get(name):
                fields[name] = value
            elif isinstance(value, str) and value != fields[name]:
                self.extras[f"nitf:{name}"] = value
        if self.title and not fields.get("headline"):
            fields["headline"] = self.title
        elif self.title and self.title != fields.get("headline"):
            self.extras["newsml:itemMeta/title"] = self.title
        self._choose_source()
        self._authors()
        if self.notes:
            fields["editor_note"] = "\n\n".join(note for _, note in self.notes)
        if any(role for role, _ in self.notes):
            self.extras[NOTE_ROLES] = [
                {"role": role, "#text": note} if role else {"#text": note}
                for role, note in self.notes
            ]
        if self.unread_embargo is not None:
            usable = hold(fields, self.unread_embargo, self.context)
            if usable and self.pub_status is not None:
                self._keep("newsml:itemMeta", self.pub_status)
        if self.rights:
            fields["rights"] = Rights(**self.rights)
        body = unwrap(self._furniture(fields.get("body", [])))
        body = self._dateline(self._body_byline(body))
        if self.figure is not None:
            body = [self.figure, *body]
        fields["body"], fields["media"] = attach(body, self.media)
        if not fields["body"]:
            self.context.warn("newsml-no-body", "the text item has no body text")
        if not fields.get("headline"):
            self.context.warn("no-headline", "the item has no headline; the article has none")

    def _body_byline(self, body: list[Block]) -> list[Block]:
        """The byline printed in the body (see :func:`body_byline`) moves to the byline."""
        fields = self.fields
        found = body_byline(body, fields.get("byline"), bool(fields.get("authors")))
        if found is None:
            return body
        index, authors = found
        text = body[index].text  # type: ignore[union-attr]
        if fields.get("byline"):
            self.extras["newsml:byline"] = fields["byline"]
        fields["byline"] = text
        if authors:
            fields["authors"] = [Person(**person) for person in authors]
        self.context.warn(
            "newsml-body-byline", f"the paragraph {text[:60]!r} opening the body is the byline"
        )
        return body[:index] + body[index + 1 :]

    def _furniture(self, body: list[Block]) -> list[Block]:
        """Drop a leading repeat of the headline (``h1``) or of the byline (a paragraph)."""
        repeats = self.repeats
        while body:
            first = body[0]
            if (
                isinstance(first, Heading)
                and first.level == 1
                and first.text == self.fields.get("headline")
            ) or (isinstance(first, Paragraph) and first.text == self.fields.get("byline")):
                body = body[1:]
                repeats += 1
            else:
                break
        if repeats:
            self.context.warn(
                "newsml-body-repeat",
                f"left out {counted(repeats, 'repeat')} of the headline, byline or page header "
                "in the body",
            )
        return body


def body_byline(
    body: list[Block], byline: str | None, has_authors: bool
) -> tuple[int, list[dict[str, str]]] | None:
    """Where a "By ..." paragraph among the first blocks is the byline, and the authors it
    names: when the metadata credits no one (no authors, and no byline or one that names no one,
    as "By Staff Reporter" does), as when wire copy is pasted into the body. A body of nothing
    else stays a body."""
    if has_authors or len(body) < 2:
        return None
    for index, block in enumerate(body[:3]):
        if not isinstance(block, Paragraph) or _longer_than_a_byline(block.text):
            continue
        names = byline_names(block.text)
        authors = authors_from_byline(names) if names else []
        if names and (authors or not byline):
            return index, authors
    return None


def _longer_than_a_byline(text: str) -> bool:
    """Whether a paragraph's text is surely longer than :func:`byline_names` takes a byline line
    to be (``BYLINE_LIMIT`` once its whitespace is collapsed and its end trimmed), told without
    collapsing it: most paragraphs are, and the collapsing costs more than the rest of the look.
    In ASCII text a paragraph's only whitespace is single spaces and line breaks (the model
    normalises the rest), so collapsing shortens it by at most a character a line break."""
    if not text.isascii() or len(text) <= BYLINE_LIMIT:
        return False
    kept = text.rstrip("= \n")
    return len(kept) - kept.count("\n") > BYLINE_LIMIT


def _may_hold_moments(names: list[str]) -> bool:
    """Whether attribute ``names`` may hold an ``expires`` or ``embargoed`` (one of another
    namespace too)."""
    return bool(names) and any(name.endswith(("expires", "embargoed")) for name in names)


def _qualified(element: Any, namespace: str, name: str) -> str:
    """An attribute's name as the document writes it (``x:expires``): one of another namespace
    keeps its prefix, so that it and an unqualified one are not one key in extras."""
    if not namespace:
        return name
    prefix = next((key for key, uri in element.nsmap.items() if uri == namespace and key), None)
    return f"{prefix}:{name}" if prefix else f"{{{namespace}}}{name}"


def _same(one: Source, other: Source) -> bool:
    return one.name.casefold() == other.name.casefold()


def _is_plain(element: Any) -> bool:
    kind = (element.get("contenttype") or "text/plain").lower()
    return kind.startswith("text/plain") and not element.get("encoding")


_WIRE_LINES = 3
"""Wire text has at least this many lines after its first."""


def _is_wire_text(text: str) -> bool:
    """Whether a paragraph's source text is a whole wire story (lines indented to start
    paragraphs, continuation lines flush left) rather than one paragraph pretty-printed."""
    if text.count("\n") < _WIRE_LINES:  # (fewer lines than that, told without a split)
        return False
    lines = [line for line in text.split("\n")[1:] if line.strip()]
    if len(lines) < _WIRE_LINES:
        return False
    indents = {len(line) - len(line.lstrip(" \t")) for line in lines}
    return 0 in indents and any(indent >= 2 for indent in indents)


def _replace_with_blocks(element: Any, blocks: list[Block]) -> None:
    """Put the elements of ``blocks`` where ``element`` is, in its namespace."""
    from articlekit.formats._markup import Dialect

    namespace = etree.QName(element).namespace
    holder = etree.Element("holder")
    write_blocks(holder, blocks, Dialect(namespace=namespace))
    parent = element.getparent()
    index = parent.index(element)
    parent.remove(element)
    for offset, node in enumerate(list(holder)):
        parent.insert(index + offset, node)
