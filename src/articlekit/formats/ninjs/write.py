"""Articles → ninjs documents of an exact version (3.0–3.1, 2.0–2.2 or 1.0–1.6).

Only properties the chosen version's schema defines are written, in its spelling, so the output
always validates; what the version has no place for is named in one ``field-dropped`` warning.

Every output declares its version in ``standard`` (1.x: ``$standard``, from 1.3), so a consumer
(and ``articlekit validate``) knows which schema judges it.

Choices where ninjs offers no obvious place (both directions agree, so round trips hold):

* authors are ``people`` with ``rel`` ``author`` (or their role when it is a credit word such as
  ``photographer``); the byline as printed is ``by`` (1.x ``byline``);
* keywords are subjects with ``rel`` ``keyword``: no ninjs version has keywords;
* the subheadline is a headline with role ``sub`` (1.x: ``headline_sub``, from 1.3);
* the dateline's place is ``located``; a dateline with an agency or a date is printed whole at
  the start of the story's first paragraph, as agencies print it, so that they travel (the
  reader takes it back out; with no paragraph to open, they are dropped and the warning names
  them);
* the body is written twice, as HTML and as plain text (``bodies``, 1.x ``body_html`` and
  ``body_text``); the summary is a plain-text description;
* a date without a time is written as midnight UTC, because ninjs dates are date-times;
* an id that is not a URI travels as ``urn:articlekit:id:<escaped id>`` and reads back as itself;
* the embargo is ``embargoed`` (3.x ``embargoedUntil``), the expiry ``expires`` (1.4+, 2.1+);
* of ``extras``, the ninjs properties the reader keeps (``profile``, ``title``, the draft
  versions' ``contentdigitised``, the item's own ``renditions``) are written back where the
  version has them (of renditions, the properties it has), and so are ``embargoed`` and
  ``expires``, where articles read before schema 1.3 and 1.4 keep them, and the ``rel`` of people
  and subjects and the ``role`` of the info source (1.x ``rel``), on the entities they belong to;
  other extras are dropped;
* every figure and associated media item is an association (see :mod:`.media`); figures stay in
  the HTML body too, paired with their association by its ``uri``.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any, NamedTuple, TypeGuard

from articlekit.errors import option_setting
from articlekit.formats._direction import Direction, language_direction
from articlekit.formats._figures import ADDRESSLESS, without_address
from articlekit.formats._iptc import (
    body_dateline_problem,
    embargo_moment,
    take_dateline,
    version_as_written,
    with_printed_dateline,
)
from articlekit.formats._markup import html_from_blocks
from articlekit.formats._media import media_id, report_media
from articlekit.formats._support import report_dropped, table_paragraphs
from articlekit.formats.ninjs.concepts import (
    _text,
    entity_of,
    is_uri,
    source_identifiers,
    source_uri,
    uri_of_id,
)
from articlekit.formats.ninjs.media import (
    CARRIES,
    association,
    association_name,
    rights_properties,
)
from articlekit.formats.ninjs.read import (
    CREDIT_ROLES,
    DATES,
    PORTABLE,
    RELATIONS,
    SOURCE_ROLE,
    VERSION_AS_WRITTEN,
)
from articlekit.formats.ninjs.renditions import RenditionWriter
from articlekit.formats.ninjs.versions import Generation, generation_of, is_draft, normal
from articlekit.model import (
    Article,
    Block,
    Concept,
    Dateline,
    Figure,
    Heading,
    List,
    Paragraph,
    Quote,
    Source,
    Table,
    has_media,
    iter_blocks,
    iter_media,
)
from articlekit.prose.dates import parse_iso
from articlekit.registry import Context

# 2.x spelling → 3.x spelling, for the properties whose name is not all lower case in 3.x.
_CAMEL = {
    name.lower() if name != "embargoedUntil" else "embargoed": name
    for name in (
        "firstCreated", "versionCreated", "contentCreated", "embargoedUntil", "pubStatus",
        "copyrightHolder", "copyrightNotice", "usageTerms", "edNote", "infoSources", "contentType",
        "contentDigitised",
    )
}  # fmt: skip
# 2.x spelling → 1.x spelling.
_SINGULAR = {
    "subjects": "subject", "people": "person", "places": "place", "organisations": "organisation",
    "genres": "genre", "infosources": "infosource", "by": "byline", "standard": "$standard",
}  # fmt: skip
_FIELD_DATES = ("embargoed", "expires")
"""The ninjs properties that are article fields of the same name (schema 1.3 and 1.4), which
the reader kept in extras before."""
_FROM_EXTRAS = (*_FIELD_DATES, *PORTABLE)
"""The ninjs properties written from ``extras["ninjs:<name>"]``: those the reader keeps there,
and :data:`_FIELD_DATES`, which it kept there before the article had their fields."""
SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_{}.json#"
"""The ``$id`` of IPTC's schema of a version, which ``standard`` names."""


def _is_aware(value: date | datetime | None) -> bool:
    return isinstance(value, datetime) and value.tzinfo is not None


class DocumentWriter:
    """Builds the ninjs document of one article in one exact version."""

    def __init__(self, version: str, context: Context) -> None:
        self.version = version
        self.generation: Generation = generation_of(version)
        self.major = self.generation.major
        self.context = context
        self.document: dict[str, Any] = {}
        self.dropped: set[str] = set()
        """Article fields this version has no property for."""
        self.lost: list[tuple[str, str]] = []
        """Parts of fields that could not be expressed: (field, what was lost)."""
        self.left_out: list[str] = []
        """The extras not written (said as left out, not as what ninjs cannot hold: some are
        ninjs's own, which only canonical JSON keeps whole), each with why when known."""
        self.widened: list[str] = []
        self.written_extras: set[str] = set()
        """Extras keys written with the values they belong to (a concept's ``rel``...)."""
        self.extras_lost: dict[str, str] = {}
        """What of an extra that is written only in part is lost, by key."""

    def name(self, name: str) -> str:
        """A property name (2.x spelling) in this version's spelling."""
        if self.major == "3":
            return _CAMEL.get(name, name)
        if self.major == "1":
            return _SINGULAR.get(name, name)
        return name

    def put(self, name: str, value: Any, field: str) -> None:
        """Set a property when this version has it; otherwise remember ``field`` as dropped."""
        actual = self.name(name)
        if self.generation.has(actual, self.version):
            self.document[actual] = value
        else:
            self.dropped.add(field)

    def build(self, article: Article) -> dict[str, Any]:
        self.document = {"uri": uri_of_id(article.id), "type": "text"}
        if self.generation.has(self.name("standard"), self.version):  # 1.x: from 1.3
            self.document[self.name("standard")] = {
                "name": "ninjs",
                "version": self.version,
                "schema": SCHEMA_URI.format(self.version),
            }
        kept_version = article.extras.get(VERSION_AS_WRITTEN)
        version = version_as_written(article.version, kept_version)
        if version is not None:
            self.put("version", version, "version")
            if version == kept_version:
                self.written_extras.add(VERSION_AS_WRITTEN)
        for field, name in (
            ("published", "firstcreated"),
            ("updated", "versioncreated"),
            ("created", "contentcreated"),
            ("embargoed", "embargoed"),
            ("expires", "expires"),
        ):
            value = getattr(article, field)
            if value is not None and self.generation.has(self.name(name), self.version):
                if field == "embargoed":  # (a date alone: its midnight at UTC-12, not in UTC)
                    value = embargo_moment(value, self.context, "ninjs-date-widened")
                self.document[self.name(name)] = self._when(value, field)
            elif value is not None:
                self.dropped.add(field)
        if article.status is not None:
            self.put("pubstatus", article.status, "status")
        if article.urgency is not None:
            self.put("urgency", article.urgency, "urgency")
        if article.rights is not None:
            for name, value in rights_properties(article.rights):
                self.put(name, value, "rights")
        if article.editor_note is not None:
            self.put("ednote", article.editor_note, "editor_note")
        if article.language is not None:
            self.put("language", article.language, "language")
        self._texts(article)
        self._entities(article)
        if article.byline is not None:
            self.put("by", article.byline, "byline")
        if article.slugline is not None:
            self.put("slugline", article.slugline, "slugline")
        body = self._dateline(article, self._associations(article))
        if body:
            self._body(body, language_direction(article.language) or "ltr")
            first = article.body[0]
            if isinstance(first, Heading) and first.level == 1 and first.text == article.headline:
                self.lost.append(
                    ("body", "the body's first heading (it repeats the headline: readers drop it)")
                )
        self._extras(article)
        self._report(article)
        return self.document

    def _dateline(self, article: Article, body: list[Block]) -> list[Block]:
        """The body to write: ``located`` holds the dateline's place, and a dateline with an agency
        or a date is printed whole at the start of the story, where agencies print it and apps
        show it, so that they travel too (the reader takes it back out)."""
        dateline = article.dateline
        problem = body_dateline_problem(body, dateline)
        if problem is not None:
            self.context.warn(
                "ninjs-not-round-trippable", f"body: {problem}", fields=("body", "dateline")
            )
        if dateline is None:
            return body
        if dateline.place is None:
            self.dropped.add("dateline")
            return body
        self.put("located", dateline.place, "dateline")
        if problem is not None:  # (the first paragraph repeats the dateline)
            if take_dateline(body, Dateline(place=dateline.place))[1] == dateline:
                return body  # (its agency and date read back from the story's own print)
        elif dateline.agency is None and dateline.date_text is None:
            return body  # (located holds all of it)
        else:
            shown = with_printed_dateline(body, dateline)
            if shown is not None:
                return shown
        parts = [
            f"{what} {value!r}"
            for what, value in (("agency", dateline.agency), ("date", dateline.date_text))
            if value is not None
        ]
        if parts:
            self.lost.append(
                ("dateline", f"the dateline's {' and '.join(parts)} (located is a place)")
            )
        return body

    def _associations(self, article: Article) -> list[Block]:
        """Every figure and associated media item as an association; the body with each
        figure's id set to its association's ``uri``, so that readers pair them again."""
        if not has_media(article):
            return article.body
        items = list(iter_media(article))
        if not items:
            return article.body
        unloadable = any(
            without_address(f) for f in iter_blocks(article.body) if isinstance(f, Figure)
        )
        body_loss = {"an img in the HTML body for " + ADDRESSLESS} if unloadable else set()
        report_media(article, CARRIES, self.context, f"ninjs {self.version}", body_loss)
        taken: set[str] = set()
        entries = []
        for index, item in enumerate(items, start=1):
            name = association_name(item, index, self.major, taken)
            lost: list[str] = []
            entry = association(item, name, self.version, self.name, lost)
            for key in [key for key in entry if not self._association_has(key)]:
                del entry[key]
                lost.append(f"the {key} of the association {name}")
            self.lost += [("media", text) for text in lost]
            entries.append((name, entry))
        if self.major == "1":
            self.document["associations"] = dict(entries)
        else:
            self.document["associations"] = [entry for _, entry in entries]
        from articlekit.media import replace_figures

        def paired(figure: Figure) -> Figure:
            if figure.id is not None and is_uri(figure.id):
                return figure
            return figure.model_copy(update={"id": media_id(figure)})

        return replace_figures(article.body, paired)

    def _association_has(self, key: str) -> bool:
        """Whether an association object of this version may hold the property ``key``: an
        association is a ninjs object (2.x and 3.x add ``name``, 3.x ``rel``)."""
        if key in ("name", "rel"):
            return self.major == "3" or (key == "name" and self.major == "2")
        if self.major == "1" and key.startswith(("description_", "body_")):
            return True
        return key in self.generation.properties and self.generation.has(key, self.version)

    def _when(self, value: date | datetime, field: str) -> str:
        if isinstance(value, datetime):
            return value.isoformat()
        self.widened.append(field)
        return datetime(value.year, value.month, value.day, tzinfo=UTC).isoformat()

    def _texts(self, article: Article) -> None:
        if self.major == "1":
            if article.headline is not None:
                self.document["headline"] = article.headline
            if article.subheadline is not None:
                if self.generation.has("headline_", self.version):
                    self.document["headline_sub"] = article.subheadline
                else:
                    self.dropped.add("subheadline")
            if article.summary is not None:
                self.document["description_text"] = article.summary
            return
        headlines = []
        if article.headline is not None:
            headlines.append({"role": "main", "value": article.headline})
        if article.subheadline is not None:
            headlines.append({"role": "sub", "value": article.subheadline})
        if headlines:
            self.document["headlines"] = headlines
        if article.summary is not None:
            self.document["descriptions"] = [
                {
                    "role": "summary",
                    self.name("contenttype"): "text/plain",
                    "value": article.summary,
                }
            ]

    def _entities(self, article: Article) -> None:
        people: list[dict[str, Any]] = []
        for person in article.authors:
            entry: dict[str, Any] = {"name": person.name, "rel": "author"}
            if person.role is not None:
                if person.role in CREDIT_ROLES and person.role != "author":
                    entry["rel"] = person.role
                else:
                    self.lost.append(("authors", f"the role {person.role!r} of {person.name}"))
            if person.uri is not None:
                if is_uri(person.uri):
                    entry["code" if self.major == "1" else "uri"] = person.uri
                else:
                    self.lost.append(("authors", f"the identifier of {person.name}"))
            people.append(entry)
        people += self._related(article, "people", "a person")
        subjects = self._related(article, "subjects", "a subject")
        subjects += [{"name": keyword, "rel": "keyword"} for keyword in article.keywords]
        for name, entries, field in (
            ("people", people, "people"),
            ("organisations", self._related(article, "organisations", "an organisation"),
             "organisations"),
            ("places", self._related(article, "places", "a place"), "places"),
            ("subjects", subjects, "subjects"),
            # (a genre has no rel in any version's schema: a kept one is an extra not written)
            ("genres", [self._entity(c, "a genre", "genres") for c in article.genres], "genres"),
        ):  # fmt: skip
            if entries:
                self.put(name, entries, field)
        if article.source is not None:
            kept = article.extras.get(SOURCE_ROLE)
            role = kept.get("role") if isinstance(kept, dict) else None
            if not (isinstance(kept, dict) and _names(kept, article.source, "role")):
                role = None
            further = self._further_sources(article.extras, article.source.name)
            identifiers = [article.source.uri] if article.source.uri is not None else []
            if further.identifiers and article.source.uri == source_uri(further.identifiers):
                identifiers = further.identifiers  # the source as read: all its identifiers
            elif further.identifiers:  # (its URI changed since: the others may not be its own)
                changed = f"the source's identifiers as read ({', '.join(further.identifiers)})"
                further = further._replace(lost=_joined(further.lost, changed))
            source, unwritten = self._info_source(article.source.name, identifiers, role)
            if unwritten and further.key is not None:
                others = f"the source's other identifiers ({', '.join(unwritten)})"
                further = further._replace(lost=_joined(further.lost, others))
            self.put("infosources", [source, *further.sources], "source")
            if self.name("infosources") in self.document:
                if {"role", "rel"} & set(source):
                    self.written_extras.add(SOURCE_ROLE)
                if further.key is not None and further.lost is None:
                    self.written_extras.add(further.key)
                elif further.key is not None and further.lost is not None:
                    self.extras_lost[further.key] = further.lost

    def _info_source(
        self, name: str, identifiers: list[str], role: Any
    ) -> tuple[dict[str, Any], list[str]]:
        """An info source object in this version's spelling (1.x ``code`` and ``rel``; a URI as
        ``uri``, anything else as ``literal``; 2.0's role only when it is a URI), and the
        ``identifiers`` it has no place for (1.x: all but the first; 2.x: a second URI or
        literal)."""
        source: dict[str, Any] = {"name": name}
        unwritten = []
        for identifier in identifiers:
            slot = "code" if self.major == "1" else "uri" if is_uri(identifier) else "literal"
            if slot in source:
                unwritten.append(identifier)
            else:
                source[slot] = identifier
        if isinstance(role, str) and (self.version != "2.0" or is_uri(role)):
            source["rel" if self.major == "1" else "role"] = role
        return source, unwritten

    def _further_sources(self, extras: dict[str, Any], name: str) -> _FurtherSources:
        """The info sources after the article's own (named ``name``) that the reader kept in
        ``extras`` (the list it read, whose first named entry is the source), written back after
        it, and what of them is not (``None``: nothing, the kept list is then no loss)."""
        for key, value in extras.items():
            if not (
                key.startswith("ninjs:")
                and normal(key.removeprefix("ninjs:")) in ("infosources", "infosource")
                and _all_objects(value)
            ):
                continue
            named = [entry for entry in value if _text(entry.get("name")) is not None]
            if not named or _text(named[0].get("name")) != name:
                changed = "the info sources read with a source since changed"
                return _FurtherSources([], key, changed, [])
            sources = []
            dropped = set(named[0]) - _SOURCE_KEYS  # (the source's own role: see SOURCE_ROLE)
            several = False
            for entry in named[1:]:
                role = entry.get("role") or entry.get("rel")
                name_of = _text(entry.get("name")) or ""
                source, unwritten = self._info_source(name_of, source_identifiers(entry), role)
                sources.append(source)
                several |= bool(unwritten)
                dropped |= {held for held in entry if _SAME_AS.get(held, {held}).isdisjoint(source)}
            lost = [f"the info sources' {', '.join(sorted(dropped))}"] if dropped else []
            if several:
                lost.append("the info sources' identifiers")
            if len(named) < len(value):
                lost.append("the info sources without a name")
            first = source_identifiers(named[0])
            return _FurtherSources(sources, key, " and ".join(lost) or None, first)
        return _FurtherSources([], None, None, [])

    def _related(self, article: Article, field: str, what: str) -> list[dict[str, Any]]:
        """The entity objects of the people, subjects, places or organisations, each with the
        ``rel`` a ninjs source gave it (kept in extras, see :data:`~.read.RELATIONS`)."""
        kept = article.extras.get(RELATIONS[field])
        relations = list(kept) if _all_objects(kept) else []
        entities = []
        for concept in getattr(article, field):
            entity = self._entity(concept, what, field)
            found = next((entry for entry in relations if _names(entry, concept, "rel")), None)
            if found is not None:
                entity["rel"] = found["rel"]
                relations.remove(found)
            entities.append(entity)
        if _all_objects(kept) and not relations:
            self.written_extras.add(RELATIONS[field])
        return entities

    def _entity(self, concept: Any, what: str, field: str) -> dict[str, Any]:
        lost: list[str] = []
        entity = entity_of(concept, self.major, lost, f"{what} ({concept.name or concept.code})")
        self.lost += [(field, text) for text in lost]
        return entity

    def _body(self, blocks: list[Block], direction: Direction) -> None:
        """``body_html`` (1.x) or the bodies: ``direction``, what the item's language says (left
        to right without one), is the direction a reader shows the HTML in; a block that reads
        the other way says its own (ninjs itself has no property for a direction)."""
        html = html_from_blocks(blocks, direction)
        text = "\n\n".join(_plain_text(block) for block in blocks)
        if self.major == "1":
            self.document["body_html"] = html
            self.document["body_text"] = text
            return
        content_type = self.name("contenttype")
        self.document["bodies"] = [
            {content_type: "text/html", "value": html},
            {content_type: "text/plain", "value": text},
        ]

    def _extras(self, article: Article) -> None:
        unwritten = []
        for key, value in article.extras.items():
            if key in self.written_extras:
                continue
            name = normal(key.removeprefix("ninjs:"))  # "ninjs:embargoedUntil" is welcome too
            if key.startswith("ninjs:") and name == "renditions" and _all_objects(value):
                lost: list[str] = []
                written = RenditionWriter(self.version, lost).renditions(value)
                self.lost += [("extras", text) for text in lost]
                if written:
                    self.document["renditions"] = written
                continue
            if key.startswith("ninjs:") and name in _FROM_EXTRAS and isinstance(value, str):
                if name in DATES:
                    parsed = parse_iso(value)
                    current = getattr(article, name) if name in _FIELD_DATES else None
                    if current is not None:
                        # (the field is written; its time without zone as the reader kept it
                        # beside the field is no other value: not reported as lost)
                        if _is_aware(parsed) and parsed != current:
                            unwritten.append(key)
                        continue
                    if not isinstance(parsed, datetime) or parsed.tzinfo is None:
                        unwritten.append(key)
                        continue
                    value = parsed.isoformat()  # noqa: PLW2901 (normalised in place)
                actual = self.name(name)
                if self.generation.has(actual, self.version):
                    self.document[actual] = value
                    continue
                later = self.generation.first_with(actual, self.version)
                if later is not None:
                    draft = "the draft " if is_draft(later) else ""
                    setting = option_setting("ninjs-version", later)
                    unwritten.append(f"{key}, which {draft}{later} has: {setting}")
                    continue
            unwritten.append(f"{key}: {self.extras_lost[key]}" if key in self.extras_lost else key)
        self.left_out = unwritten

    def _report(self, article: Article) -> None:
        label = f"ninjs {self.version}"
        carried = set(type(article).model_fields) - self.dropped
        report_dropped(article, carried, self.context, label)
        if self.lost or self.left_out:
            said = [f"cannot hold {'; '.join(text for _, text in self.lost)}"] if self.lost else []
            if self.left_out:
                said.append(f"leaves out the extras ({'; '.join(self.left_out)})")
            fields = [field for field, _ in self.lost] + (["extras"] if self.left_out else [])
            self.context.warn(
                "field-dropped",
                f"{label} output {'; and '.join(said)}",
                fields=tuple(dict.fromkeys(fields)),
            )
        if self.widened:
            self.context.warn(
                "ninjs-date-widened",
                f"{', '.join(self.widened)}: a date without a time was written as midnight UTC "
                "(ninjs dates are date-times)",
                fields=tuple(self.widened),
            )


class _FurtherSources(NamedTuple):
    sources: list[dict[str, Any]]
    key: str | None
    """The extras key of the list they came from."""
    lost: str | None
    """What of the list is not written (``None``: all of it is)."""
    identifiers: list[str]
    """The identifiers of the list's first named entry, the article's source as read."""


def _joined(lost: str | None, more: str) -> str:
    return more if lost is None else f"{lost} and {more}"


_SOURCE_KEYS = frozenset({"name", "uri", "literal", "code", "role", "rel"})
"""What an info source object holds that :meth:`DocumentWriter._info_source` writes."""
_SAME_AS = {
    **dict.fromkeys(("uri", "literal", "code"), frozenset({"uri", "literal", "code"})),
    **dict.fromkeys(("role", "rel"), frozenset({"role", "rel"})),
}
"""The properties in which each version writes what an info source's property holds."""


def _names(entry: dict[str, Any], model: Concept | Source, key: str) -> bool:
    """Whether a kept ``rel`` (``role``) entry is that of ``model``: its other values are the
    model's fields."""
    fields = {name: value for name, value in entry.items() if name != key}
    return isinstance(entry.get(key), str) and fields == model.model_dump(exclude_none=True)


def _all_objects(value: Any) -> TypeGuard[list[dict[str, Any]]]:
    return isinstance(value, list) and all(isinstance(entry, dict) for entry in value)


def _plain_text(block: Block) -> str:
    """A block as plain text: paragraphs and headings as they are, quotes and lists indented."""
    if isinstance(block, Paragraph | Heading):
        return block.text.replace("\n", " ")
    if isinstance(block, Quote):
        return "\n\n".join(_plain_text(inner) for inner in block.blocks)
    if isinstance(block, Figure):
        credit = f" ({block.credit})" if block.credit else ""
        return " ".join(f"{block.caption_text}{credit}".split())
    if isinstance(block, Table):
        return "\n".join(_plain_text(row) for row in table_paragraphs(block))
    assert isinstance(block, List)
    lines = []
    for number, item in enumerate(block.items, start=block.first_number):
        marker = f"{number}." if block.ordered else "-"
        lines.append(f"{marker} " + " ".join(_plain_text(inner) for inner in item.blocks))
    return "\n".join(lines)


def serialise(document: dict[str, Any]) -> bytes:
    """The document as indented JSON, as ``json.dumps(indent=2)`` writes it: by pydantic's
    serializer (written in Rust; ``json.dumps`` indents in Python, a fifth of a ninjs conversion)
    when the document holds only what both write the same way (no floats, whose digits they
    write differently), else by ``json.dumps`` itself."""
    try:
        alike = _written_alike(document)
    except RecursionError:  # (nested deeper than a Python walk goes: json.dumps's own way)
        alike = False
    if alike:
        from pydantic_core import PydanticSerializationError, to_json

        try:
            return to_json(document, indent=2) + b"\n"
        except PydanticSerializationError:
            pass  # (a lone surrogate: json.dumps says so in its own words)
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def _written_alike(value: Any) -> bool:
    """Whether ``value`` is made of objects with text keys, arrays, text, whole numbers,
    booleans and nulls only, of those exact types."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return True
    if kind is dict:
        return all(type(key) is str and _written_alike(item) for key, item in value.items())
    if kind is list:
        return all(_written_alike(item) for item in value)
    return False
