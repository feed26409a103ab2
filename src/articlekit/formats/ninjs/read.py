"""ninjs documents of any generation (and the common dialects) → Articles.

One tolerant reader for all three generations: property names are compared without case (3.x's
``pubStatus`` is 2.x's ``pubstatus``), and 1.x's flat names (``headline``, ``byline``,
``body_html``, ``subject``) are understood beside 2.x's arrays, which is also what Superdesk's
dialect mixes. What the article has no field for is kept in ``extras`` under ``ninjs:<name>``
with its original name, so nothing is lost silently. Tolerant of names, strict on types: every
item is first checked by :func:`.shape.check_item` (a headline of ``12345`` is an error, never
coerced), and JSON that is neither ninjs nor a documented dialect is refused with one line naming
the first property that does not fit.

Bodies: an HTML body is preferred (it carries structure and inline marks), then a NITF body, then
plain text (paragraphs separated by blank lines, or one a line when there are none).
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from datetime import date, datetime
from typing import Any

from articlekit._text import counted, lazy_pattern
from articlekit.errors import InputError, NotAnArticleError
from articlekit.formats._iptc import opening_dateline, revision_number, take_dateline
from articlekit.formats._markup import BodyReader, Markup, blocks_from_html
from articlekit.formats._media import attach
from articlekit.formats.ninjs.concepts import (
    _text,
    concept_from,
    id_of_uri,
    source_identifiers,
    source_uri,
)
from articlekit.formats.ninjs.media import associations, kind_of, picture_article_body
from articlekit.formats.ninjs.renditions import renditions_of
from articlekit.formats.ninjs.shape import EXPECTED, PLAIN_BODY, check_item, type_name
from articlekit.formats.ninjs.versions import is_standard, normal
from articlekit.model import (
    Article,
    Block,
    Concept,
    Dateline,
    Heading,
    Media,
    Paragraph,
    Person,
    Rights,
    Source,
    Span,
    _language_tag,
)
from articlekit.prose.dates import embargo_zoned, parse_iso, zoned
from articlekit.registry import Context

NON_TEXT_TYPES = frozenset({"picture", "video", "audio", "graphic", "event", "planning"})
"""Item types that are not text articles; pictures, graphics, video and audio read as an article
whose body is that one figure, events and planning items are skipped."""
ENVELOPE_KEYS = ("item", "items", "_items", "data", "results", "hits")
"""Where API responses put their items (``{"total": 1, "item": [...]}``)."""
CREDIT_ROLES = frozenset(
    {
        "author", "byline", "creator", "writer", "reporter", "editor", "photographer",
        "correspondent", "contributor", "illustrator", "videographer", "producer", "columnist",
        "translator",
    }
)  # fmt: skip
"""``rel`` values of people that credit the article (its authors), not people it is about."""
SUB_ROLES = frozenset({"sub", "subheadline", "subhead", "subtitle", "deck", "secondary"})
MAIN_ROLES = frozenset({"", "main", "headline", "primary", "title", "hl1"})
PORTABLE = ("profile", "title", "contentdigitised")
"""Properties without an article field that the writer puts back (``extras["ninjs:<name>"]``, in
1.x/2.x spelling whatever the file's generation): ``contentdigitised`` (when the content was
digitised, such as a scanned photo) is in the drafts 3.3, 2.4 and 1.8 only. The item's own
``renditions`` are written back too, as each version allows (:mod:`.renditions`). The embargo
(``embargoed``, 3.x ``embargoedUntil``) is the article's ``embargoed`` since schema 1.3, and
``expires`` its ``expires`` since schema 1.4."""
VERSION_AS_WRITTEN = "ninjs:version"
"""Extras key of a ``version`` that is no revision number (``1.2``, ``v2``), or one written
otherwise than the number it reads as (``007``): the writer writes it back while the article's
version reads the same (none, or that number)."""
RELATIONS = {
    field: f"ninjs:{field}/rel"
    for field in ("people", "subjects", "places", "organisations", "genres")
}
"""Extras keys of the ``rel`` of the people a story is about, of its subjects, places,
organisations and genres ("about", "mentions"; keywords and authors say theirs in the article):
a list of ``{<the concept's fields>, "rel": ...}``."""
SOURCE_ROLE = "ninjs:infosources/role"
"""Extras key of the ``role`` (1.x ``rel``) of the info source that is the article's source:
``{"name": ..., "uri": ..., "role": ...}``. The writer writes both back."""
ENTITY_KEYS = frozenset({"name", "rel", "uri", "literal", "scheme", "code"})
"""The properties of an entity object the article keeps (a concept's, a person's)."""
DATES = frozenset({"embargoed", "expires", "contentdigitised"})
"""The date-times among them."""
_HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xhtml", "text/xhtml")
_PARAGRAPH_BREAK = lazy_pattern(r"\n[ \t]*\n")
_WHITESPACE = lazy_pattern(r"\s")


def unwrap(document: Any) -> tuple[list[Any], str | None]:
    """The items of a document, and what envelope held them (``None`` for a bare item)."""
    if isinstance(document, list):
        return document, "a JSON array"
    if not isinstance(document, dict):
        raise InputError("a ninjs document must be a JSON object")
    if not any(key in document for key in ("uri", "guid")):
        for key in ENVELOPE_KEYS:
            inner = document.get(key)
            if isinstance(inner, list) and all(isinstance(item, dict) for item in inner):
                others = ", ".join(sorted(name for name in document if name != key))
                return inner, f"an API envelope ({key}[]{', ' + others if others else ''})"
            if isinstance(inner, dict) and any(name in inner for name in ("uri", "guid")):
                return [inner], f"an API envelope ({key})"
    return [document], None


def item_kind(item: dict[str, Any]) -> str:
    kind = item.get("type")
    return kind.strip().lower() if isinstance(kind, str) else "text"


def read_document(document: Any, context: Context) -> Iterator[Article]:
    """Every text article of a parsed ninjs document; non-text items are skipped and reported."""
    items, envelope = unwrap(document)
    if envelope is not None:
        context.warn(
            "ninjs-envelope",
            f"{envelope} around {counted(len(items), 'item')}, not a ninjs document; read item "
            "by item",
        )
    texts: list[tuple[dict[str, Any], list[str]]] = []
    skipped: list[str] = []
    for index, item in enumerate(items, start=1):
        where = f"item {index}: " if envelope is not None else ""
        if not isinstance(item, dict):
            raise InputError(f"{EXPECTED}: item {index} is not a JSON object but {type_name(item)}")
        kind = item_kind(item)
        if kind in NON_TEXT_TYPES and kind_of(item) is None:
            where = f"item {index}" if envelope is not None else "the item"
            skipped.append(f"{where} is a {kind}, not a text article")
            if envelope is not None:
                context.warn("ninjs-item-skipped", f"{skipped[-1]}; skipped")
        else:
            texts.append((item, check_item(item, where)))
    # Skips are reported before the first article, so they travel with its warnings.
    produced = 0
    for item, notes in texts:
        yield _ItemReader(item, context, notes).article()
        produced += 1
    if not produced:
        reason = "; ".join(skipped) if skipped else "the envelope holds no items"
        raise NotAnArticleError(f"holds no text article: {reason}")


def _without_whitespace(text: str) -> bool:
    """Whether ``text`` holds no whitespace: ``split`` finds none to split at (in C; a test of
    each character cost 3 µs an item)."""
    return not text or text.split() == [text]


class _ItemReader:
    """Reads one ninjs item, remembering which properties it used."""

    def __init__(self, item: dict[str, Any], context: Context, notes: list[str]) -> None:
        self.item = item
        self.context = context
        self.picture = kind_of(item) is not None
        """A standalone picture (graphic, video, audio) item: its article is that one figure."""
        self.keys = {normal(name): name for name in item}
        self.used: set[str] = set()
        self.extras: dict[str, Any] = {}
        self.dialect: list[str] = list(notes)
        """How the item departs from standard ninjs (see :func:`.shape.check_item`)."""

    def take(self, name: str) -> Any:
        """The value of a property (any spelling), marking it used; ``None`` when absent."""
        original = self.keys.get(name)
        if original is None:
            return None
        self.used.add(original)
        return self.item[original]

    def keep(self, name: str, value: Any, why: str | None = None) -> None:
        """Keep a value the article cannot hold in ``extras``, saying why when it is a problem."""
        self.extras["ninjs:" + _WHITESPACE.sub("_", name)] = value
        if why is not None:
            self.context.warn("ninjs-value-kept", f"{name}: {why}; kept in extras")

    # --- the article ------------------------------------------------------------------------

    def article(self) -> Article:
        values: dict[str, Any] = {}
        identifier = _text(self.take("uri"))
        if identifier is None:
            identifier = _text(self.take("guid"))
            if identifier is not None:
                self.dialect.append("guid instead of uri")
        if identifier is not None and _without_whitespace(identifier):
            values["id"] = id_of_uri(identifier)
        self._standard()
        kind = item_kind(self.item)
        self.take("type")
        if kind != "text":
            self.keep("type", self.item.get("type"))
        values.update(self._headlines())
        values.update(self._people())
        values.update(self._metadata())
        values.update(self._dates())
        values.update(self._concepts())
        blocks, entities, labels = self._body(values.get("headline"))
        if self.picture:
            figure = picture_article_body(self.item, self.context)
            for name in ("renditions", "descriptions", "by", "byline"):
                self.take(name)
            blocks = [figure, *blocks] if figure is not None else blocks
        blocks, values["media"] = attach(blocks, self._media())
        # the dateline printed at the start of the story (an agency's, and articlekit's own when
        # located cannot hold all of it) is the article's, as the other readers take it
        dateline = values.get("dateline") or opening_dateline(blocks)
        if dateline is not None:
            blocks, values["dateline"] = take_dateline(blocks, dateline)
        if blocks:
            values["body"] = blocks
        if labels:
            self.extras["ninjs:body/labels"] = dict(labels)
        for field, names in entities.items():
            if names and not values.get(field):
                values[field] = [Concept(name=name) for name in names]
        for name in self.item:
            if name not in self.used:
                self.keep(name, self.item[name])
        unknown = sorted(
            name for name in self.item if not is_standard(name) and name not in PLAIN_BODY
        )
        if unknown:
            self.dialect.append(f"properties no ninjs version defines: {', '.join(unknown)}")
        if self.dialect:
            self.context.warn(
                "ninjs-dialect",
                "not standard ninjs (" + "; ".join(self.dialect) + "); read tolerantly, "
                "unknown properties kept in extras",
            )
        if self.extras:
            values["extras"] = self.extras
        return Article(**values)

    def _standard(self) -> None:
        """A ``standard`` naming ninjs tells the file's version, nothing about the article (the
        writer declares its own); another standard (a provider's profile) is kept in extras."""
        for key in ("standard", "$standard"):
            original = self.keys.get(key)
            if original is None:
                continue
            value = self.item[original]
            if isinstance(value, dict) and str(value.get("name", "")).strip().lower() == "ninjs":
                self.used.add(original)

    def _headlines(self) -> dict[str, Any]:
        main: str | None = None
        sub: str | None = None
        entries: list[tuple[str, Any]] = []
        headlines = self.take("headlines")
        if isinstance(headlines, list):
            entries += [
                (str(entry.get("role") or "").lower(), entry.get("value"))
                for entry in headlines
                if isinstance(entry, dict)
            ]
        entries.append(("", self.take("headline")))
        for name in self.item:
            if name.startswith("headline_"):
                self.used.add(name)
                entries.append((name.removeprefix("headline_").lower(), self.item[name]))
        leftovers = []
        for role, value in entries:
            text = _text(value)
            if text is None:
                continue
            if main is None and role in MAIN_ROLES:
                main = self._reported_if_multiline(text)
            elif sub is None and role in SUB_ROLES:
                sub = self._reported_if_multiline(text)
            else:
                leftovers.append({"role": role, "value": text})
        if leftovers:
            self.keep("headlines", leftovers)
        return {"headline": main, "subheadline": sub}

    def _reported_if_multiline(self, text: str) -> str:
        """The text as it is (the model's one-line type joins its lines), reported if it spans
        lines."""
        if "\n" in text or "\r" in text:
            self.context.warn(
                "headline-joined", "the headline spans several lines; they were joined"
            )
        return text

    def _people(self) -> dict[str, Any]:
        values: dict[str, Any] = {"byline": _text(self.take("by")) or _text(self.take("byline"))}
        located = _text(self.take("located"))
        if located is not None:
            values["dateline"] = Dateline(place=located)
        authors: list[Person] = []
        about: list[Concept] = []
        for key in ("people", "person"):
            entries = self._entities(key)
            for entry in entries:
                rel = str(entry.get("rel") or "").strip().lower()  # (as kept: " author" too)
                name = _text(entry.get("name"))
                if rel in CREDIT_ROLES and name is not None:
                    uri = _text(entry.get("uri")) or _text(entry.get("code"))
                    authors.append(
                        Person(
                            name=name,
                            role=None if rel == "author" else rel,
                            uri=uri if uri and " " not in uri else None,
                        )
                    )
                elif (concept := concept_from(entry)) is not None:
                    about.append(concept)
                    self._keep_relation("people", concept, entry.get("rel"))
        credited = self.take("authors")  # Superdesk
        if isinstance(credited, list):
            self.dialect.append("authors[]")
            for entry in credited:
                name = _text(entry.get("name")) if isinstance(entry, dict) else None
                if name is not None:
                    role = _text(entry.get("role"))
                    authors.append(Person(name=name, role=None if role == "author" else role))
            self._keep_detail("authors", credited, {"name", "role"})
        values["authors"] = authors
        values["people"] = about
        return values

    def _entities(
        self, key: str, mapped: frozenset[str] = frozenset(), *, one: bool = False
    ) -> list[dict[str, Any]]:
        """The objects of an entity list; the original list goes to extras when its objects
        hold more than the article keeps (``contactInfo``, ``geoJSON``, ``relevance`` ...), or,
        for a field that holds ``one`` entity, when it has several."""
        value = self.take(key)
        if value is None:
            return []
        entries = [entry for entry in value if isinstance(entry, dict)]
        if one and len(value) > 1:
            self.keep(self.keys.get(key, key), value)
        else:
            self._keep_detail(key, value, ENTITY_KEYS | mapped)
        return entries

    def _keep_relation(self, field: str, concept: Concept, rel: Any) -> None:
        """Keep the ``rel`` of a concept (``mentioned``, ``about``...): the article has no field."""
        text = _text(rel)
        if text is not None:
            kept = self.extras.setdefault(RELATIONS[field], [])
            kept.append({**concept.model_dump(exclude_none=True), "rel": text})

    def _keep_detail(self, key: str, value: list[Any], mapped: AbstractSet[str]) -> None:
        if any(not isinstance(entry, dict) or set(entry) - mapped for entry in value):
            self.keep(self.keys.get(key, key), value)

    def _concepts(self) -> dict[str, Any]:
        values: dict[str, list[Any]] = {"subjects": [], "keywords": []}
        for key in ("subjects", "subject"):
            for entry in self._entities(key):
                if str(entry.get("rel") or "").strip().lower() == "keyword":
                    keyword = _text(entry.get("name"))
                    if keyword is not None:
                        values["keywords"].append(keyword)
                elif (concept := concept_from(entry)) is not None:
                    values["subjects"].append(concept)
                    self._keep_relation("subjects", concept, entry.get("rel"))
        for field, keys in (
            ("places", ("places", "place")),
            ("organisations", ("organisations", "organisation")),
            ("genres", ("genres", "genre")),
        ):
            values[field] = []
            for key in keys:
                for entry in self._entities(key):
                    if (concept := concept_from(entry)) is not None:
                        values[field].append(concept)
                        self._keep_relation(field, concept, entry.get("rel"))
        return values

    def _metadata(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "slugline": _text(self.take("slugline")),
            "editor_note": _text(self.take("ednote")),
            "summary": self._summary(),
        }
        version = self.take("version")
        if version is not None:
            number = revision_number(str(version))
            if number is None:
                self.keep("version", version, f"{version!r} is not a revision number")
            else:
                values["version"] = number
                if isinstance(version, str) and version != str(number):
                    self.keep("version", version)  # ("007": written back while it reads the same)
        urgency = self.take("urgency")
        if urgency is not None:
            if isinstance(urgency, int | float) and urgency == int(urgency) and 1 <= urgency <= 9:
                values["urgency"] = int(urgency)
            else:
                self.keep("urgency", urgency, f"{urgency!r} is not an urgency from 1 to 9")
        status = self.take("pubstatus")
        if status is not None:
            if status in ("usable", "withheld", "canceled"):
                values["status"] = status
            else:
                self.keep("pubstatus", status, f"{status!r} is not usable, withheld or canceled")
        language = _text(self.take("language"))
        if language is not None:
            try:
                values["language"] = _language_tag(language)
            except ValueError:
                self.context.warn(
                    "language-invalid", f"{language!r} is not a BCP 47 language tag; kept in extras"
                )
                self.extras["ninjs:language"] = language
        rights = {
            "holder": _text(self.take("copyrightholder")),
            "notice": _text(self.take("copyrightnotice")),
            "usage_terms": _text(self.take("usageterms")),
        }
        if any(rights.values()):
            values["rights"] = Rights(**rights)
        values["source"] = self._source()
        for name in PORTABLE:
            original = self.keys.get(name)
            value = self.take(name)
            if original is not None and value not in (None, ""):
                self.extras[f"ninjs:{name}"] = value
        return values

    def _source(self) -> Source | None:
        for key in ("infosources", "infosource"):
            entries = self._entities(key, frozenset({"role"}), one=True)
            for entry in entries:
                name = _text(entry.get("name"))
                if name is not None:
                    identifiers = source_identifiers(entry)
                    original = self.keys.get(key, key)
                    if len(identifiers) > 1 and f"ninjs:{original}" not in self.extras:
                        self.keep(original, entries)  # (a literal beside its URI: Source has one)
                    source = Source(name=name, uri=source_uri(identifiers))
                    role = _text(entry.get("role")) or _text(entry.get("rel"))  # (1.x: rel)
                    if role is not None:
                        self.extras[SOURCE_ROLE] = {
                            **source.model_dump(exclude_none=True),
                            "role": role,
                        }
                    return source
        source = self.take("source")  # Superdesk: a plain string
        if isinstance(source, str) and source.strip():
            self.dialect.append("source as a string")
            return Source(name=source)
        if source is not None:
            self.keep("source", source)
        return None

    def _summary(self) -> str | None:
        if self.picture:  # a picture's descriptions are its caption, credit and alt text
            return None
        descriptions = self.take("descriptions")
        entries: list[tuple[str, Any]] = []
        if isinstance(descriptions, list):
            entries += [
                (str(entry.get("contenttype") or entry.get("contentType") or ""), entry["value"])
                for entry in descriptions
                if isinstance(entry, dict) and "value" in entry
            ]
            if len(descriptions) > 1:
                self.keep(self.keys["descriptions"], descriptions)
        for name in sorted(self.item, key=lambda name: name != "description_text"):
            if name.startswith("description_"):
                suffix = name.removeprefix("description_")
                if suffix in ("text", "html", "xhtml", "richtext"):
                    self.used.add(name)
                    entries.append(("text/html" if suffix != "text" else "", self.item[name]))
        for content_type, value in entries:
            text = _text(value)
            if text is None:
                continue
            if content_type.lower() in _HTML_TYPES or text.startswith("<"):
                blocks = blocks_from_html(text, self.context).blocks
                text = "\n\n".join(_plain(block) for block in blocks) or None
            if text:
                return text
        return None

    def _dates(self) -> dict[str, Any]:
        values = {
            "published": self._date("firstcreated"),
            "updated": self._date("versioncreated"),
            "created": self._date("contentcreated"),
            "embargoed": self._date("embargoed"),
            "expires": self._date("expires"),
        }
        if "firstpublished" in self.keys:  # Superdesk: first published beats first created
            first_published = self._date("firstpublished")
            if first_published is not None:
                if values["published"] is not None:
                    self.extras[f"ninjs:{self.keys['firstcreated']}"] = self.item[
                        self.keys["firstcreated"]
                    ]
                values["published"] = first_published
        return values

    def _date(self, name: str) -> date | datetime | None:
        raw = self.take(name)
        if raw is None or raw == "":
            return None
        parsed = parse_iso(raw) if isinstance(raw, str) else None
        if parsed is None:
            self.context.warn("date-unparsed", f"{self.keys[name]}: {raw!r} is not a date-time")
            self.extras[f"ninjs:{self.keys[name]}"] = raw
            return None
        if isinstance(parsed, datetime) and parsed.tzinfo is None:
            self.extras[f"ninjs:{self.keys[name]}"] = raw
            place = embargo_zoned if name == "embargoed" else zoned  # (never lifted early)
            return place(parsed, raw, self.keys[name], self.context)
        return parsed

    # --- body ---------------------------------------------------------------------------------

    def _body(self, headline: str | None) -> Markup:
        candidates: list[tuple[str, str]] = []
        bodies = self.take("bodies")
        if isinstance(bodies, list):
            for entry in bodies:
                if isinstance(entry, dict) and isinstance(entry.get("value"), str):
                    content_type = entry.get("contenttype") or entry.get("contentType") or ""
                    kind = _body_kind(str(content_type), str(entry.get("role") or ""))
                    candidates.append((kind, entry["value"]))
                    if kind == "other":
                        self.context.warn(
                            "ninjs-body-skipped",
                            f"a body of type {content_type or 'unknown'} "
                            f"(role {entry.get('role') or 'none'}) was not read",
                        )
        for name in self.item:
            if name.startswith("body_") and isinstance(self.item[name], str):
                self.used.add(name)
                candidates.append((_body_kind("", name.removeprefix("body_")), self.item[name]))
            elif name in PLAIN_BODY and isinstance(self.item[name], str):
                self.used.add(name)
                candidates.append(("plain", self.item[name]))
        for wanted in ("html", "nitf", "plain"):
            for kind, value in candidates:
                if kind == wanted and value.strip():
                    markup = self._blocks(kind, value)
                    if markup.blocks:
                        return markup._replace(blocks=_without_headline(markup.blocks, headline))
        return Markup([], {}, {})

    def _blocks(self, kind: str, value: str) -> Markup:
        if kind == "html":
            return blocks_from_html(value, self.context)
        if kind == "nitf":
            return self._nitf(value)
        return Markup(_plain_blocks(value), {}, {})

    def _nitf(self, value: str) -> Markup:
        from articlekit import _xml

        try:
            data = value.encode("utf-8")
        except UnicodeEncodeError as error:
            raise InputError(
                f"lone surrogate U+{ord(value[error.start]):04X} in the NITF body is not text"
            ) from None
        try:
            root, _ = _xml.parse(data)
        except InputError as error:
            self.context.warn("markup-unreadable", f"NITF body could not be parsed: {error}")
            return Markup([], {}, {})
        from articlekit.formats._iptc import keep_foreign

        keep_foreign(_xml.set_aside_foreign(root, _xml.NITF), self.extras, "ninjs", "nitf")
        contents = _xml.descendants(root, "body.content") or [root]
        reader = BodyReader(self.context)
        blocks = [block for content in contents for block in reader.blocks(content)]
        return Markup(blocks, reader.entities, {})

    def _media(self) -> list[Media]:
        """The media among the associations; other associations (related text items...) stay
        in extras, as do a text item's own renditions (its files: a PDF, a print page)."""
        found: list[Media] = []
        value = self.take("associations")
        if value:
            found, rest = associations(value, self.context)
            if rest is not None:
                self.keep(self.keys["associations"], rest)
        renditions = self.take("renditions")
        if renditions and not self.picture:
            kept = renditions_of(renditions)
            if kept is None:
                self.keep("renditions", renditions, "not renditions of any ninjs version")
            else:
                self.extras["ninjs:renditions"] = kept
        return found


def _body_kind(content_type: str, role: str) -> str:
    """``html``, ``nitf``, ``plain`` or ``other`` for a body's content type (or 1.x suffix)."""
    content_type = content_type.lower().split(";")[0].strip()
    role = role.lower()
    if content_type in _HTML_TYPES or "html" in content_type:  # also "body_xhtml" (sic)
        return "html"
    if "nitf" in content_type or (not content_type and "nitf" in role):
        return "nitf"
    if content_type == "text/plain":
        return "plain"
    if content_type:
        return "other"
    if any(word in role for word in ("html", "rich")):
        return "html"
    return "plain"


def _plain_blocks(text: str) -> list[Block]:
    """Paragraphs of plain text: blank-line separated, or one a line when there are no blank
    lines (as TT's bodies have)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if _PARAGRAPH_BREAK.search(text):
        chunks = [" ".join(chunk.split()) for chunk in _PARAGRAPH_BREAK.split(text)]
    else:
        chunks = [" ".join(line.split()) for line in text.split("\n")]
    return [Paragraph(content=[Span(text=chunk)]) for chunk in chunks if chunk]


def _without_headline(blocks: list[Block], headline: str | None) -> list[Block]:
    """Drop a top-level heading that only repeats the headline at the top of an HTML body."""
    first = blocks[0]
    if isinstance(first, Heading) and first.level == 1 and first.text == headline:
        return blocks[1:]
    return blocks


def _plain(block: Block) -> str:
    from articlekit.model import iter_blocks

    return "\n".join(
        inner.text for inner in iter_blocks([block]) if isinstance(inner, Paragraph | Heading)
    )
