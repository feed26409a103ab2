"""Building a NITF 3.6 ``nitf`` element, in the 2006-10-18 namespace, from an Article.

The order of elements follows the NITF 3.6 XSD. The version is ``du-key/@version``. What NITF has
no place for (updated and created dates, concept URIs, extras, ...) is reported with
``field-dropped``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from lxml import etree

from articlekit._text import lazy_pattern
from articlekit._xml import NITF
from articlekit.formats._figures import write_nitf_media
from articlekit.formats._iptc import (
    Placing,
    PlainBody,
    body_dateline_problem,
    byline_credits_people,
    compact_datetime,
    embargo_moment,
    is_hard_wrapped_paragraph,
    plain_text,
    read_date,
    take_dateline,
    write_document,
)
from articlekit.formats._markup import Dialect, report_list_starts, write_blocks
from articlekit.formats._media import Carries, as_figures, report_media
from articlekit.formats._support import report_dropped
from articlekit.formats.nitf.read import (
    AUTHORS_ONLY,
    COPYRIGHT_HOLDER,
    COPYRIGHT_YEAR,
    CORRECTION,
    DATE_EXPIRE,
    DATELINE_LOCATION,
    DU_KEY,
    EXPIRE_AS_WRITTEN,
    HEAD_TITLE,
    IPTC_SUBJECT_CODE,
    ISSUE_AS_WRITTEN,
    LOCATION_PARTS,
    PRINTED_DATELINE,
    RELEASE_AS_WRITTEN,
    REVISION_HISTORY,
    STORY_DATE_NORM,
    SUBJECTS_AS_WRITTEN,
    TOBJECT_TYPE,
    du_key_version,
    joined_place,
    read_byline,
    subject_attributes,
    subject_of,
)
from articlekit.model import Article, Block, Concept, Dateline, Figure, Paragraph, Person, Span
from articlekit.prose.byline import is_job_title
from articlekit.prose.dates import embargo_zoned, zoned
from articlekit.registry import Context

VERSION = "-//IPTC//DTD NITF 3.6//EN"
CARRIED = frozenset({
    "id", "version", "headline", "subheadline", "slugline", "byline", "authors", "source",
    "dateline", "published", "embargoed", "expires", "language", "summary", "editor_note",
    "subjects", "keywords", "places", "people", "organisations", "genres", "rights", "urgency",
    "status", "body", "media",
})  # fmt: skip
"""Article fields NITF carries; the rest is reported as dropped."""
CARRIED_WITH_EXTRAS = CARRIED | {"extras"}
"""What NITF carries of an article whose extras it writes back (see :func:`_extras_left_out`)."""

MEDIA = Carries(
    media=frozenset({"id", "caption", "credit", "creators", "alt_text", "rights", "extras"}),
    renditions=frozenset({"name", "media_type", "width", "height"}),
    creator_roles=False,
    rights=frozenset({"notice"}),
    roles=False,
    associated=False,
    kinds=frozenset({"picture", "video", "audio"}),
    embedded=True,
    extras=("nitf:media-metadata",),
)
"""What NITF's ``media`` holds: the id as the ``media-metadata`` named ``id``, a
``media-reference`` a rendition (``source``, ``name``, ``mime-type``, ``width``, ``height``),
``media-object`` its bytes, ``media-caption``, ``media-producer`` (the credit, and creators as
``person``), ``alternate-text`` and ``copyright`` on the references. Media beside the body have
no place: they are written at the body's end."""

ENTITY_ELEMENTS = {"people": "person", "organisations": "org", "places": "location"}


def _heading(level: int) -> tuple[str, dict[str, str]]:
    return ("hl2", {}) if level == 2 else ("hl2", {"class": f"h{level}"})


DIALECT = Dialect(
    namespace=NITF,
    heading=_heading,
    quote="bq",
    quote_wrapper="block",
    strong=("em", {"class": "strong"}),
    figure=write_nitf_media,
    list_start=False,
)
"""NITF body markup: crossheads are ``hl2`` (other levels in ``class``), bold is
``em class="strong"``, quotes are ``bq/block``; ``ol`` has no ``start`` in the NITF schema."""

_T = {name: f"{{{NITF}}}{name}" for name in (
    "nitf", "head", "title", "tobject", "tobject.property", "tobject.subject", "docdata",
    "doc-id", "urgency", "date.issue", "date.release", "date.expire", "ed-msg", "du-key",
    "doc.copyright", "key-list", "keyword", "identified-content", "person", "org", "location",
    "body", "body.head", "hedline", "hl1", "hl2", "rights", "rights.owner", "rights.limitations",
    "byline",
    "byttl", "distributor", "dateline", "story.date", "abstract", "p", "br", "body.content",
    "correction", "revision-history",
    "city", "state", "region", "country", "sublocation",
)}  # fmt: skip


def write(article: Article, context: Context) -> bytes:
    """The NITF document of ``article``, serialised (see :func:`build`)."""
    return write_document(lambda: build(article, context, plain=True), "nitf", context)


def build(article: Article, context: Context, *, plain: bool = False) -> Any:
    """The ``nitf`` element for ``article``; with ``plain``, a body of plain paragraphs alone is
    left to be written as text (a :class:`~articlekit.formats._iptc.PlainBody`)."""
    left_out = _extras_left_out(article)
    carried = CARRIED if left_out or not article.extras else CARRIED_WITH_EXTRAS
    report_dropped(article, carried, context, "NITF", left_out)
    report_media(article, MEDIA, context, "NITF")
    _report_concepts(article, context)
    sub = etree.SubElement
    root = etree.Element(_T["nitf"], nsmap={None: NITF})
    root.set("version", VERSION)
    if article.language:
        root.set("baselang", article.language)
    head = sub(root, _T["head"])
    title = _head_title(article)
    if title:
        sub(head, _T["title"]).text = title
    _tobject(head, article, context)
    _docdata(head, article, context)
    for attributes in _kept_elements(article, REVISION_HISTORY):
        sub(head, _T["revision-history"], attributes)
    body = sub(root, _T["body"])
    _body_head(body, article, context)
    content = sub(body, _T["body.content"])
    blocks = [*_body(article), *as_figures(article.media)]
    text = plain_text(blocks) if plain else None
    if text is None:
        write_blocks(content, blocks, DIALECT)
    _check_body(article, context)
    report_list_starts(article.body, context, "NITF")
    return root if text is None else PlainBody(root, content, blocks, text, DIALECT)


def _tobject(head: Any, article: Article, context: Context) -> None:
    properties = []
    lost = []
    for genre in article.genres:
        label = genre.name or genre.code or genre.uri or ""
        parts = [
            f"{what} {value!r}"
            for what, value in (("code", genre.code), ("vocabulary", genre.vocabulary),
                                ("URI", genre.uri))
            if value is not None
        ]  # fmt: skip
        if parts:
            lost.append(f"the {' and '.join(parts)} of genre {label!r}")
        properties.append(label)
    if lost:
        context.warn(
            "field-dropped",
            f"genres: NITF genres are names only; left out {'; '.join(lost)}",
            fields=("genres",),
        )
    subjects = [subject for subject in article.subjects if _subject_fits(subject, context)]
    kind = article.extras.get(TOBJECT_TYPE)
    if not properties and not subjects and not isinstance(kind, str):
        return
    tobject = etree.SubElement(head, _T["tobject"])
    if isinstance(kind, str):
        tobject.set("tobject.type", kind)
    for value in properties:
        etree.SubElement(tobject, _T["tobject.property"], {"tobject.property.type": value or ""})
    as_written = _subjects_as_written(article)
    for subject in subjects:
        attributes = as_written.get(id(subject)) or subject_attributes(subject)
        etree.SubElement(tobject, _T["tobject.subject"], attributes)


_SUBJECT_ATTRIBUTES = frozenset(
    f"tobject.subject.{name}" for name in ("ipr", "refnum", "code", "type", "matter", "detail")
)
"""The attributes of a ``tobject.subject`` in the NITF 3.6 schema."""


def _subjects_as_written(article: Article) -> dict[int, dict[str, str]]:
    """The attributes of the subjects as a NITF source wrote them (with the names of the broader
    levels, say), by the id of the subject they still name; an entry for a subject the article no
    longer has is not used."""
    entries = article.extras.get(SUBJECTS_AS_WRITTEN)
    found: dict[int, dict[str, str]] = {}
    if not isinstance(entries, list):
        return found
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        attributes = {
            name[1:]: value
            for name, value in entry.items()
            if name.startswith("@") and isinstance(value, str)
        }
        if len(attributes) != len(entry) or not attributes.keys() <= _SUBJECT_ATTRIBUTES:
            continue  # (children, text or attributes the NITF schema does not allow)
        named = subject_of(attributes)
        code = attributes.get("tobject.subject.refnum")
        subject = next((s for s in article.subjects if s == named and id(s) not in found), None)
        if (
            subject is not None
            and code is not None
            and subject.code == code
            and _NAME_TOKEN.fullmatch(code)
        ):
            found[id(subject)] = attributes
    return found


def _expiry(article: Article) -> str | None:
    """The ``norm`` of ``date.expire``: the article's ``expires`` (as its NITF source wrote it,
    see :func:`_as_written`, else as its midnight or time), or, when it has none, the
    ``date.expire`` a NITF source gave that it kept in extras (read before schema 1.4, or no
    date), when that had no more than its ``norm``."""
    expires = article.expires
    if expires is not None:
        return _as_written(article, expires, EXPIRE_AS_WRITTEN) or compact_datetime(expires)
    value = article.extras.get(DATE_EXPIRE)
    if isinstance(value, dict) and set(value) == {"@norm"} and isinstance(value["@norm"], str):
        return value["@norm"]
    return None


def _issue(article: Article) -> str | None:
    """The ``norm`` of ``date.issue``: the article's ``published``, as its NITF source wrote it
    (a time without zone, of which the reader keeps the date alone) or as its date or time."""
    published = article.published
    if published is None:
        return None
    return _as_written(article, published, ISSUE_AS_WRITTEN) or compact_datetime(published)


def _release(article: Article, context: Context) -> str | None:
    """The ``norm`` of ``date.release``: the article's ``embargoed``, as its NITF source wrote it
    when that is the moment the reader takes it for (a time without zone, read at UTC-12 so that
    the embargo is never lifted early: written back without zone, it reads back the same and
    claims no zone the source did not give), else as a date-time (a date alone as its midnight at
    UTC-12, said in a warning)."""
    embargoed = article.embargoed
    if embargoed is None:
        return None
    written = _as_written(article, embargoed, RELEASE_AS_WRITTEN, embargo_zoned)
    if written is not None:
        return written
    return compact_datetime(embargo_moment(embargoed, context, "nitf-not-round-trippable"))


def _as_written(
    article: Article, value: date | datetime, key: str, place: Placing = zoned
) -> str | None:
    """The ``norm`` a NITF source wrote for the date field holding ``value``, kept in
    ``extras[key]`` (a time without zone, a date with a zone), when the reader makes ``value`` of
    it with no zone chosen, ``place`` placing a time without zone: the source's own form, which a
    reader given the source's zone places better than articlekit could."""
    written = article.extras.get(key)
    if isinstance(written, str) and _read_back(written, place) == value:
        return written
    return None


def _read_back(norm: str, place: Placing) -> date | datetime | None:
    """What the reader makes of a ``norm`` when no zone is chosen (quietly; and not even the
    ``[tool.articlekit]`` zone of the folder the writer runs in)."""
    return read_date(norm, _zoneless_context(), "norm", place=place)


def _zoneless_context() -> Context:
    """A context in which the user chose no zone for times written without one."""
    return Context(options={"timezone": ""})


def _head_title(article: Article) -> str | None:
    """The head's ``title``: the one a NITF source gave besides its headline (kept in extras),
    else the headline."""
    value = article.extras.get(HEAD_TITLE)
    return value if isinstance(value, str) and value.strip() else article.headline


def _copyright_year(article: Article) -> str | None:
    """The year of the ``doc.copyright`` a NITF source gave (kept in extras), when the schema
    takes it (a name token: ``2024``, not ``2024/25``)."""
    value = article.extras.get(COPYRIGHT_YEAR)
    year = value.strip() if isinstance(value, str) else ""
    return year if _NAME_TOKEN.fullmatch(year) else None


def _copyright_holder(article: Article) -> str | None:
    """The ``doc.copyright`` holder a NITF source gave besides the article's holder (its
    ``rights.owner``), kept in extras; the article's holder is then written as ``rights.owner``."""
    value = article.extras.get(COPYRIGHT_HOLDER)
    holder = article.rights.holder if article.rights else None
    return value if isinstance(value, str) and holder and value != holder else None


def _story_date_norm(article: Article) -> str | None:
    """The ``norm`` of the dateline's ``story.date`` a NITF source gave, kept in extras, while
    the dateline prints the date it norms (a date changed since: the norm is reported dropped)."""
    value = article.extras.get(STORY_DATE_NORM)
    if not isinstance(value, dict) or article.dateline is None:
        return None
    norm, printed = value.get("norm"), value.get("printed")
    same = (article.dateline.date_text or "") == printed
    return norm if isinstance(norm, str) and same else None


def _location_parts(article: Article) -> list[list[str]] | None:
    """The named parts (city, state, country ...) of the dateline's location a NITF source gave,
    kept in extras, while the dateline's place is what they join into."""
    value = article.extras.get(DATELINE_LOCATION)
    place = article.dateline.place if article.dateline else None
    if not isinstance(value, list) or not all(
        isinstance(part, list)
        and len(part) == 2
        and all(isinstance(item, str) for item in part)
        and part[0] in LOCATION_PARTS  # (edited by hand: "province" is no NITF element)
        for part in value
    ):
        return None
    parts: list[list[str]] = value  # type: ignore[assignment]
    return parts if place is not None and joined_place(parts) == place else None


_DU_KEY_KEPT = ("@generation", "@part")
"""The attributes of a ``du-key`` kept in extras that the writer writes back (name tokens)."""


def _du_key(article: Article) -> dict[str, str]:
    """The attributes of ``du-key``: the slugline as its key, the version (see
    :func:`~articlekit.formats.nitf.read.du_key_version`), and the ``generation`` and ``part``
    of a NITF source's du-key while there is a key."""
    kept = article.extras.get(DU_KEY)
    attributes = {"key": article.slugline} if article.slugline else {}
    version = du_key_version(article.version, kept)
    if version is not None and _NAME_TOKEN.fullmatch(version):
        attributes["version"] = version
    if isinstance(kept, dict) and article.slugline:
        for name in _DU_KEY_KEPT:
            value = kept.get(name)
            if isinstance(value, str) and _NAME_TOKEN.fullmatch(value):
                attributes[name[1:]] = value
    return attributes


def _du_key_written_back(article: Article, kept: Any) -> bool:
    """Whether the writer writes back every attribute of the du-key kept in extras."""
    written = {f"@{name}": value for name, value in _du_key(article).items()}
    return isinstance(kept, dict) and all(written.get(key) == value for key, value in kept.items())


_KEPT_ELEMENTS = {
    CORRECTION: frozenset({"info", "id-string", "regsrc"}),
    REVISION_HISTORY: frozenset({"name", "function", "norm", "comment"}),
}
"""The extras of a NITF source's ``correction`` and ``revision-history`` elements, written back
(see :func:`_kept_elements`), and the attributes the NITF 3.6 schema gives each."""
_REVISION_FUNCTIONS = frozenset({
    "writer-author", "editor", "producer", "archivist", "videographer", "graphic-artist",
    "photographer", "statistician", "other",
})  # fmt: skip
"""The values the NITF 3.6 schema allows for ``revision-history/@function``."""


def _kept_elements(article: Article, key: str) -> list[dict[str, str]]:
    """The attributes of each ``correction`` or ``revision-history`` (``key``) a NITF source
    gave, kept in extras (one element, or a list when it repeated): written back when each is
    attributes alone that the schema allows, else none (reported as left out)."""
    value = article.extras.get(key)
    entries = value if isinstance(value, list) else [value]
    found = []
    for entry in entries:
        if not isinstance(entry, dict) or not entry:
            return []
        attributes = {name[1:]: text for name, text in entry.items() if isinstance(text, str)}
        if len(attributes) != len(entry) or not attributes.keys() <= _KEPT_ELEMENTS[key]:
            return []
        if attributes.get("function", "other") not in _REVISION_FUNCTIONS:
            return []
        found.append(attributes)
    return found


def _body(article: Article) -> list[Block]:
    """The body with the dateline its NITF source printed at its start again (kept in extras, as
    printed), when a reader takes it out again to the article's dateline and body."""
    printed = article.extras.get(PRINTED_DATELINE)
    if not isinstance(printed, str) or article.dateline is None:
        return article.body
    start = next((at for at, block in enumerate(article.body) if not isinstance(block, Figure)), 0)
    first = article.body[start] if start < len(article.body) else None
    if not isinstance(first, Paragraph):
        return article.body
    opened = Paragraph(content=[Span(text=f"{printed} "), *first.content])
    body = [*article.body[:start], opened, *article.body[start + 1 :]]
    return (
        body
        if take_dateline(body, article.dateline) == (article.body, article.dateline)
        else article.body
    )


def _extras_left_out(article: Article) -> list[str]:
    """The keys of the article's extras the writer does not write back; it writes what a NITF
    source gave of its ``tobject`` (its type, subjects with more names than the article's, each
    naming one of its subjects still), its dates as written, ``date.expire``, its dateline's
    location parts and printed form, its head's title and its copyright's holder and year."""
    return [key for key, value in article.extras.items() if not _written_back(article, key, value)]


def _written_back(article: Article, key: str, value: Any) -> bool:
    if key == SUBJECTS_AS_WRITTEN:
        return isinstance(value, list) and len(_subjects_as_written(article)) == len(value)
    return bool(
        (key == TOBJECT_TYPE and isinstance(value, str))
        or (key == DU_KEY and _du_key_written_back(article, value))
        or (key in _KEPT_ELEMENTS and bool(_kept_elements(article, key)))
        or (key == DATE_EXPIRE and article.expires is None and _expiry(article) is not None)
        or (key == ISSUE_AS_WRITTEN and _issue(article) == value)
        or (key == RELEASE_AS_WRITTEN and _release(article, _zoneless_context()) == value)
        or (key == EXPIRE_AS_WRITTEN and _expiry(article) == value)
        or (key == COPYRIGHT_HOLDER and _copyright_holder(article) is not None)
        or (key == COPYRIGHT_YEAR and _copyright_year(article) is not None)
        or (key == HEAD_TITLE and _head_title(article) == value)
        or (key == STORY_DATE_NORM and _story_date_norm(article) is not None)
        or (key == DATELINE_LOCATION and _location_parts(article) is not None)
        or (key == PRINTED_DATELINE and _body(article) is not article.body)
    )


_NAME_TOKEN = lazy_pattern(r"[A-Za-z0-9.:_\-·]+")
"""XML's NMTOKEN, the type of tobject.subject.refnum and of doc.copyright's year: no spaces,
slashes, commas or ampersands; ASCII only, because which other letters libxml2 takes follows an
old Unicode table."""


def _subject_fits(subject: Concept, context: Context) -> bool:
    if subject.code is None or not _NAME_TOKEN.fullmatch(subject.code):
        label = subject.name or subject.code or subject.uri
        reason = "has no code" if subject.code is None else "has a code that is no name token"
        context.warn(
            "field-dropped",
            f"subjects: a NITF subject is a code (one name token); subject {label!r} {reason} "
            "and was left out",
            fields=("subjects",),
        )
        return False
    return True


def _docdata(head: Any, article: Article, context: Context) -> None:
    sub = etree.SubElement
    docdata = sub(head, _T["docdata"])
    if article.status:
        docdata.set("management-status", article.status)
    for attributes in _kept_elements(article, CORRECTION):
        sub(docdata, _T["correction"], attributes)
    sub(docdata, _T["doc-id"], {"id-string": article.id})
    if article.urgency is not None:
        sub(docdata, _T["urgency"], {"ed-urg": str(article.urgency)})
    issue = _issue(article)
    if issue is not None:
        sub(docdata, _T["date.issue"], {"norm": issue})
    release = _release(article, context)
    if release is not None:
        sub(docdata, _T["date.release"], {"norm": release})
    expiry = _expiry(article)
    if expiry is not None:
        sub(docdata, _T["date.expire"], {"norm": expiry})
    if article.editor_note:
        sub(docdata, _T["ed-msg"], {"info": article.editor_note})
    du_key = _du_key(article)
    if du_key:
        sub(docdata, _T["du-key"], du_key)
    holder = article.rights.holder if article.rights else None
    year = _copyright_year(article)
    if holder or year:
        notice = sub(docdata, _T["doc.copyright"])
        if year is not None:
            notice.set("year", year)
        if holder:
            notice.set("holder", _copyright_holder(article) or holder)
    if article.keywords:
        keys = sub(docdata, _T["key-list"])
        for keyword in article.keywords:
            sub(keys, _T["keyword"], {"key": keyword})
    entities = [
        (ENTITY_ELEMENTS[kind], concept)
        for kind in ("people", "organisations", "places")
        for concept in getattr(article, kind)
    ]
    if entities:
        identified = sub(docdata, _T["identified-content"])
        for name, concept in entities:
            element = sub(identified, _T[name])
            code_attribute, source_attribute = (
                ("location-code", "code-source") if name == "location" else ("value", "idsrc")
            )
            if concept.code:
                element.set(code_attribute, concept.code)
            if concept.vocabulary and concept.code:
                element.set(source_attribute, concept.vocabulary)
            element.text = concept.name


def _body_head(body: Any, article: Article, context: Context) -> None:
    sub = etree.SubElement
    head = sub(body, _T["body.head"])
    if article.headline:
        hedline = sub(head, _T["hedline"])
        sub(hedline, _T["hl1"]).text = article.headline
        if article.subheadline:
            sub(hedline, _T["hl2"]).text = article.subheadline
    elif article.subheadline:
        context.warn(
            "field-dropped",
            "subheadline: NITF cannot hold a subheadline without a headline",
            fields=("subheadline",),
        )
    rights = article.rights
    owner = rights.holder if rights and _copyright_holder(article) else None
    if rights and (rights.notice or rights.usage_terms or owner):
        element = sub(head, _T["rights"])
        if rights.notice:
            element.text = _one_line(rights.notice, "the copyright notice", context, "rights")
        if owner:
            sub(element, _T["rights.owner"]).text = owner
        if rights.usage_terms:
            sub(element, _T["rights.limitations"]).text = rights.usage_terms
    if article.byline or article.authors:
        _byline(sub(head, _T["byline"]), article, context)
    if article.source:
        distributor = sub(head, _T["distributor"])
        if article.source.uri:
            sub(distributor, _T["org"], {"value": article.source.uri}).text = article.source.name
        else:
            distributor.text = article.source.name
    if article.dateline:
        element = sub(head, _T["dateline"])
        _dateline(element, article.dateline, _story_date_norm(article), _location_parts(article))
    if article.summary:
        abstract = sub(head, _T["abstract"])
        for paragraph in article.summary.split("\n\n"):
            element = sub(abstract, _T["p"])
            for index, line in enumerate(paragraph.split("\n")):
                if index:
                    sub(element, _T["br"]).tail = line
                else:
                    element.text = line
    if not len(head):
        body.remove(head)


def _one_line(text: str, what: str, context: Context, field: str) -> str:
    if "\n" in text:
        context.warn(
            "nitf-not-round-trippable",
            f"{field}: NITF holds {what} on one line; its line breaks were lost",
            fields=(field,),
        )
    return " ".join(text.split())


def _byline(element: Any, article: Article, context: Context) -> None:
    """The printed byline, else the authors alone; then what will read back differently and no
    warning has named yet is said: the reader takes names from the byline's markup and words."""
    first_warning = len(context.warnings)
    if article.byline:
        _printed_byline(element, article.byline, article.authors, context)
    else:
        _authors_only(element, article.authors)
    named = {field for warning in context.warnings[first_warning:] for field in warning.fields}
    back: dict[str, Any] = {}
    read_byline(element, back)
    changed = tuple(
        field
        for field, value in (("byline", article.byline), ("authors", article.authors))
        if (back.get(field) or None) != (value or None) and field not in named
    )
    if changed:
        context.warn(
            "nitf-not-round-trippable",
            f"{', '.join(changed)}: will read back differently from the NITF byline",
            fields=changed,
        )


def _printed_byline(element: Any, text: str, authors: list[Person], context: Context) -> None:
    """The byline text with each author's name marked as ``person`` and their role, where the
    text prints it after the name, as ``byttl``."""
    if not authors and byline_credits_people(text):
        context.warn(
            "nitf-not-round-trippable",
            "authors: a reader will take the names in the byline for authors",
            fields=("authors",),
        )
    marks: list[tuple[int, int, str]] = []
    marked: list[Person] = []
    lost: list[str] = []
    cursor = 0
    for person in authors:
        found = _find(text, person.name, cursor)
        if found is None or is_job_title(person.name):
            lost.append(person.name)  # a reader takes <person>Staff Reporter</person> for no one
            continue
        marks.append((*found, "person"))
        marked.append(person)
        cursor = found[1]
        role = _find(text, person.role, cursor) if person.role else None
        if role is not None and all(start != role[0] for start, _, _ in marks):
            marks.append((*role, "byttl"))
    marks.sort()
    element.text = text[: marks[0][0]] if marks else text
    uris = iter(person.uri for person in marked)
    for index, (start, end, name) in enumerate(marks):
        tagged = etree.SubElement(element, _T[name])
        tagged.text = text[start:end]
        tagged.tail = text[end : marks[index + 1][0] if index + 1 < len(marks) else len(text)]
        uri = next(uris) if name == "person" else None
        if uri is not None:
            tagged.set("value", uri)
    if lost:
        context.warn(
            "field-dropped",
            f"authors: NITF authors must be people named in the byline; left out: "
            f"{', '.join(lost)}",
            fields=("authors",),
        )
    if _titles(marks, text) != [person.role for person in marked]:
        context.warn(
            "nitf-not-round-trippable",
            "authors: a byline title (byttl) gives its role to every author named before it; "
            "the authors' roles will read back differently",
            fields=("authors",),
        )


def _authors_only(element: Any, authors: list[Person]) -> None:
    """NITF names authors only in a byline: for an article without one, a byline that says it
    lists the authors and no more (class ``authors-only``), each a ``person`` (with the URI as
    ``value``) followed by their ``byttl``, empty when they have no role."""
    element.set("class", AUTHORS_ONLY)
    previous = None
    for index, author in enumerate(authors):
        person = etree.SubElement(element, _T["person"])
        person.text = author.name
        if previous is not None:
            previous.tail = ", "
        if author.uri is not None:
            person.set("value", author.uri)
        previous = person
        if author.role is not None or any(later.role for later in authors[index + 1 :]):
            person.tail = ", " if author.role else None
            previous = etree.SubElement(element, _T["byttl"])
            previous.text = author.role


def _find(text: str, needle: str, start: int) -> tuple[int, int] | None:
    match = re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)").search(text, start)
    return (match.start(), match.end()) if match else None


def _titles(marks: list[tuple[int, int, str]], text: str) -> list[str | None]:
    """The role each marked person reads back with: the text of the next ``byttl``."""
    titles: list[str | None] = []
    pending: list[int] = []
    for start, end, name in marks:
        if name == "person":
            pending.append(len(titles))
            titles.append(None)
        else:
            for index in pending:
                titles[index] = text[start:end]
            pending = []
    return titles


def _dateline(
    element: Any, dateline: Dateline, norm: str | None, parts: list[list[str]] | None
) -> None:
    if dateline.place:
        location = etree.SubElement(element, _T["location"])
        if parts is None:
            location.text = dateline.place
        for name, text in parts or ():
            etree.SubElement(location, _T[name]).text = text
    if dateline.date_text or norm:
        if len(element) and dateline.date_text:
            element[-1].tail = ", "
        story_date = etree.SubElement(element, _T["story.date"], {"norm": norm} if norm else {})
        story_date.text = dateline.date_text
    if dateline.agency:
        agency = f"({dateline.agency})"
        if len(element):
            element[-1].tail = f"{element[-1].tail or ''} {agency}"
        else:
            element.text = agency


_CONCEPT_KINDS = {"subjects": "subject", "people": "person", "organisations": "organisation",
                  "places": "place"}  # fmt: skip


def _report_concepts(article: Article, context: Context) -> None:
    """What NITF cannot say of subjects and entities: their URIs, a vocabulary without a code;
    and 8-digit subject codes without a vocabulary, which readers take for IPTC's."""
    lost: list[tuple[str, str]] = []
    for kind, singular in _CONCEPT_KINDS.items():
        for concept in getattr(article, kind):
            label = f"{singular} {concept.name or concept.code or concept.uri!r}"
            if concept.uri:
                lost.append((kind, f"the URI of {label}"))
            if concept.vocabulary and not concept.code:
                lost.append((kind, f"the vocabulary of {label} (it has no code)"))
    if lost:
        context.warn(
            "field-dropped",
            f"NITF has no place for {'; '.join(text for _, text in lost)}",
            fields=tuple(dict.fromkeys(kind for kind, _ in lost)),
        )
    unmarked = [
        subject.code
        for subject in article.subjects
        if subject.code and not subject.vocabulary and IPTC_SUBJECT_CODE.match(subject.code)
    ]
    if unmarked:
        context.warn(
            "nitf-not-round-trippable",
            f"subjects: the codes {', '.join(unmarked)} have no vocabulary; NITF readers take "
            "8-digit codes for IPTC Subject Codes",
            fields=("subjects",),
        )


def _check_body(article: Article, context: Context) -> None:
    """Warn about what of the body would not read back."""
    if article.subheadline and article.subheadline == article.headline:
        context.warn(
            "nitf-not-round-trippable",
            "subheadline: the subheadline repeats the headline; readers take such an hl2 for a "
            "repeat",
            fields=("subheadline",),
        )
    problem = body_dateline_problem(article.body, article.dateline)
    if problem is not None:
        context.warn("nitf-not-round-trippable", f"body: {problem}", fields=("body", "dateline"))
    if any(map(is_hard_wrapped_paragraph, article.body)):
        context.warn(
            "nitf-not-round-trippable",
            "body: a paragraph's line breaks look like hard wrapping; a reader will join its lines",
            fields=("body",),
        )
