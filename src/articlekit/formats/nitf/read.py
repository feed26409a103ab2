"""Reading a NITF ``nitf`` element into article fields (also used for NITF inside NewsML-G2).

Elements are matched by local name, so un-namespaced DTD-era files, the 2006-10-18 namespace and
NITF that a NewsML-G2 producer left in the G2 namespace all read the same; elements of another
namespace than the ``nitf`` root's are set aside first (kept in extras under ``{namespace}name``),
so that a producer's ``<x:hedline>`` never stands in for NITF's. What has no article
field is kept in ``extras`` under ``nitf:`` keys.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import JsonValue

from articlekit._text import lazy_pattern, shortened
from articlekit._xml import (
    NITF,
    child,
    children,
    descendants,
    local_name,
    remove_keeping_tail,
    set_aside_foreign,
    text_of,
)
from articlekit.errors import InputError
from articlekit.formats._iptc import (
    UNREAD_EMBARGO_HOLDS,
    Placing,
    add_concept,
    add_extra,
    check_namespace,
    element_json,
    hold,
    holds,
    identifier,
    keep_foreign,
    language,
    opening_dateline,
    parse_document,
    printed_dateline,
    read_date,
    read_printed_dateline,
    revision_number,
    small_number,
    take_dateline,
    unwrap,
    version_as_written,
)
from articlekit.formats._markup import BodyReader
from articlekit.formats._media import as_media
from articlekit.model import (
    Article,
    Block,
    Concept,
    Dateline,
    Figure,
    Heading,
    Paragraph,
    Person,
    Rights,
    Source,
    iter_blocks,
)
from articlekit.prose.byline import (
    NAME_PARTICLES,
    authors_from_byline,
    byline_names,
    is_job_title,
)
from articlekit.prose.dates import embargo_zoned, zoned
from articlekit.registry import Context

SUBJECT_CODES = "http://cv.iptc.org/newscodes/subjectcode/"
"""The IPTC Subject Codes, the vocabulary of ``tobject.subject.refnum`` unless ``ipr`` says not."""

STATUS = {"usable": "usable", "withheld": "withheld", "canceled": "canceled",
          "cancelled": "canceled", "embargoed": "withheld"}  # fmt: skip
"""``docdata/@management-status`` to article status (an embargo withholds the item)."""

ENTITIES = {"person": "people", "org": "organisations", "location": "places"}
"""Entity elements (inline and in ``identified-content``) to article fields."""

EDITORS_NOTES = {"editorsnote", "editors-note", "editor", "advisory"}
"""``body.head/note/@noteclass`` values that are notes to editors."""

HEADING_CLASS = lazy_pattern(r"^h([1-6])$")
STRONG_CLASSES = {"strong", "bold", "b"}
"""How articlekit keeps crosshead levels (``hl2 class="h3"``) and bold (``em class="strong"``)
in NITF, which has only ``hl2`` and ``em``; read back into ``h3`` and ``strong``."""

SUBJECT_LEVEL_ATTRIBUTES = (
    "tobject.subject.type",
    "tobject.subject.matter",
    "tobject.subject.detail",
)
HEADLINE_MIN_WORDS = 4
"""``head/title`` stands in for a missing ``hl1`` only when it reads like a headline: real feeds
use short titles as slugs (``1 SOCCER INT-Teams``, ``Rideau-Hall-Police``)."""

AUTHORS_ONLY = "authors-only"
"""The class of a ``byline`` that only lists the authors of an article that has no printed
byline (articlekit's writer makes one; no byline text reads back)."""
IPTC_SUBJECT_CODE = lazy_pattern(r"^\d{8}$")
"""An IPTC Subject Code: what a ``tobject.subject.refnum`` without ``ipr`` is taken for."""
TOBJECT_TYPE = "nitf:tobject.type"
DATE_EXPIRE = "nitf:docdata/date.expire"
"""Extras keys of a ``tobject``'s type and of a ``date.expire`` the article's ``expires`` does not
hold (read before schema 1.4, or no date), which the writer writes back."""
ISSUE_AS_WRITTEN = "nitf:date.issue/@norm"
RELEASE_AS_WRITTEN = "nitf:date.release/@norm"
EXPIRE_AS_WRITTEN = "nitf:date.expire/@norm"
"""Extras keys of a ``date.issue``, ``date.release`` or ``date.expire`` written without zone (or a
date with a zone), as written: the writer writes it back while the field holds what it reads as."""
HEAD_TITLE = "nitf:title"
"""Extras key of the head's ``title`` where it is not the headline (a shorter title for lists),
which the writer writes back."""
COPYRIGHT_YEAR = "nitf:doc.copyright/@year"
"""Extras key of the year of a ``doc.copyright``, which the writer writes back."""
COPYRIGHT_HOLDER = "nitf:doc.copyright/@holder"
"""Extras key of a ``doc.copyright`` holder that differs from the ``rights.owner`` of the body
head, which is the article's holder (the writer writes both back)."""
STORY_DATE_NORM = "nitf:story.date/@norm"
"""Extras key of the ``norm`` of the dateline's ``story.date`` and the date it norms as printed:
the article's dateline holds the date as printed only (the writer writes the norm back while the
dateline prints that date)."""
DATELINE_LOCATION = "nitf:dateline/location"
"""Extras key of the parts of the dateline's ``location`` (``[["city", "Ottawa"], ["state",
"Ontario"]]``), which the article's dateline joins into its place: the writer writes them back
while the place is the one they join into."""
PRINTED_DATELINE = "nitf:body.content/dateline"
"""Extras key of the dateline the body prints at its start when it says other than the dateline
element (``OTTAWA -`` under ``Ottawa, Ontario, Canada``): taken out of the body, as the other
readers take a printed dateline out, the dateline element being the article's."""
DU_KEY = "nitf:du-key"
"""Extras key of the attributes of ``du-key`` that are neither its key (the slugline) nor its
version as the article's version reads (``generation``, ``part``; a version written ``03``)."""
CORRECTION = "nitf:docdata/correction"
REVISION_HISTORY = "nitf:head/revision-history"
"""Extras keys of a ``correction`` (in ``docdata``) and a ``revision-history`` (in ``head``),
kept as they were (a list when they repeat), which the writer writes back."""
SUBJECTS_AS_WRITTEN = "nitf:tobject.subject/as-written"
"""Extras key of the ``tobject.subject`` elements that say more than their subject (the names of
the broader levels, ``tobject.subject.type="Justice" tobject.subject.matter="Police"`` of a
detail-level code; a ``code`` attribute): the writer writes them back as they were."""


@dataclass
class NitfFields:
    """Article fields found in a ``nitf`` element, and the extras."""

    fields: dict[str, Any] = field(default_factory=dict)
    extras: dict[str, JsonValue] = field(default_factory=dict)
    rights: dict[str, str] = field(default_factory=dict)
    publication: str | None = None
    """``pubdata/@name``: the source when no ``distributor`` names one."""
    dateline_unprinted: bool = False
    """A ``dateline`` element held no place (only a time stamp): the body may print one."""
    dateline_in_body: bool = True
    """Whether the dateline the body prints is the article's when no ``dateline`` element is
    there (the NewsML-G2 reader decides for NITF inside an item, after its ``located``)."""
    copyright_holder: str | None = None
    """``doc.copyright/@holder``, which a ``rights.owner`` of the body head overrides."""
    unread_release: str | None = None
    """A ``date.release`` whose date cannot be read, as written: it holds the article."""


def read_nitf(root: Any, context: Context, *, dateline_in_body: bool = True) -> NitfFields:
    """The article fields of a ``nitf`` element (``no-headline`` is the caller's business; see
    :attr:`NitfFields.dateline_in_body`)."""
    found = NitfFields(dateline_in_body=dateline_in_body)
    fields, extras = found.fields, found.extras
    keep_foreign(set_aside_foreign(root, NITF), extras, "nitf", "nitf")
    lang = root.get("baselang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    head = child(root, "head")
    if head is not None:
        _read_head(head, found, context)
    body = child(root, "body")
    body_lang = None
    if body is not None:
        body_lang = body.get("{http://www.w3.org/XML/1998/namespace}lang")
        _read_body(body, found, context)
    tag = language(lang or body_lang, context, "NITF language")
    if tag:
        fields["language"] = tag
    if found.unread_release is not None and hold(fields, found.unread_release, context):
        extras.setdefault("nitf:management-status", "usable")  # (kept already unless so written)
    if found.rights:
        fields["rights"] = Rights(**found.rights)
    if "source" not in fields and found.publication:
        fields["source"] = Source(name=found.publication)
    title = extras.get(HEAD_TITLE)
    if "headline" not in fields and isinstance(title, str):
        if len(title.split()) >= HEADLINE_MIN_WORDS:
            fields["headline"] = extras.pop(HEAD_TITLE)
    elif title is not None and title == fields.get("headline"):
        del extras[HEAD_TITLE]
    return found


# --- head -------------------------------------------------------------------------------------


def _read_head(head: Any, found: NitfFields, context: Context) -> None:
    fields, extras = found.fields, found.extras
    for element in head:
        name = local_name(element)
        if name == "title":
            title = text_of(element)
            if title:
                extras[HEAD_TITLE] = title
        elif name == "meta":
            key = element.get("name")
            if key:
                meta = extras.setdefault("nitf:meta", {})
                assert isinstance(meta, dict)
                add_extra(meta, key, element.get("content") or "")
        elif name == "tobject":
            _read_tobject(element, found)
        elif name == "docdata":
            _read_docdata(element, found, context)
        elif name == "pubdata":
            published = element.get("date.publication")
            if published and "published" not in fields:
                value = read_date(published, context, "pubdata/@date.publication")
                if value is not None:
                    fields["published"] = value
            if (element.get("name") or "").strip():
                found.publication = element.get("name").strip()
            add_extra(extras, "nitf:pubdata", element_json(element))
        elif name == "urgency":  # misplaced by some feeds (The Canadian Press)
            _read_urgency(element, fields, extras, context)
        elif name:
            add_extra(extras, f"nitf:head/{name}", element_json(element))


def _read_tobject(tobject: Any, found: NitfFields) -> None:
    fields, extras = found.fields, found.extras
    if tobject.get("tobject.type"):
        extras[TOBJECT_TYPE] = tobject.get("tobject.type")
    for element in tobject:
        name = local_name(element)
        if name == "tobject.property":
            genre = (element.get("tobject.property.type") or "").strip()
            if genre:
                fields.setdefault("genres", []).append(Concept(name=genre))
        elif name == "tobject.subject":
            concept = subject_of(element.attrib)
            if concept is not None:
                fields.setdefault("subjects", []).append(concept)
                if dict(element.attrib) != subject_attributes(concept):
                    written = extras.setdefault(SUBJECTS_AS_WRITTEN, [])
                    assert isinstance(written, list)
                    written.append(element_json(element))
            elif element.attrib:
                add_extra(extras, "nitf:tobject.subject", element_json(element))
        elif name:
            add_extra(extras, f"nitf:tobject/{name}", element_json(element))


def subject_of(attributes: Mapping[str, str]) -> Concept | None:
    """The subject a ``tobject.subject`` with these attributes names: its code, its vocabulary,
    and the name of the code's level (``type``, ``matter`` or ``detail``), else the narrowest
    name given."""
    code = (attributes.get("tobject.subject.refnum") or "").strip() or None
    if code is None:
        return None
    names = [(attributes.get(attribute) or "").strip() for attribute in SUBJECT_LEVEL_ATTRIBUTES]
    name = next((value for value in reversed(names) if value), None)
    if len(code) == 8 and code.isdigit():
        level = 0 if code[2:] == "000000" else 1 if code[5:] == "000" else 2
        name = names[level] or name
    provider = identifier(attributes.get("tobject.subject.ipr"))
    if provider is None:  # IPTC's by default, for codes that are IPTC Subject Codes
        vocabulary = SUBJECT_CODES if IPTC_SUBJECT_CODE.match(code) else None
    else:
        vocabulary = SUBJECT_CODES if provider.upper() == "IPTC" else provider
    return Concept(name=name, code=code, vocabulary=vocabulary)


def subject_attributes(subject: Concept) -> dict[str, str]:
    """The attributes of the ``tobject.subject`` that names ``subject`` (which has a code): the
    code, the vocabulary unless it is IPTC's, the name at the code's level."""
    assert subject.code is not None
    attributes = {"tobject.subject.refnum": subject.code}
    if subject.vocabulary and subject.vocabulary != SUBJECT_CODES:
        attributes["tobject.subject.ipr"] = subject.vocabulary
    if subject.name:
        attributes[_level_attribute(subject.code)] = subject.name
    return attributes


def _level_attribute(code: str) -> str:
    if len(code) == 8 and code.isdigit():
        if code[2:] == "000000":
            return "tobject.subject.type"
        if code[5:] == "000":
            return "tobject.subject.matter"
    return "tobject.subject.detail"


def _read_docdata(docdata: Any, found: NitfFields, context: Context) -> None:
    fields, extras = found.fields, found.extras
    status = docdata.get("management-status")
    if status:
        mapped = STATUS.get(status.strip().lower())
        if mapped is not None:
            fields["status"] = mapped
        if mapped != status.strip().lower():
            extras["nitf:management-status"] = status
    for name, value in docdata.attrib.items():
        if name != "management-status":
            extras[f"nitf:docdata/@{name}"] = value
    for element in docdata:
        name = local_name(element)
        if name == "doc-id":
            doc_id = (element.get("id-string") or "").strip()
            if identifier(doc_id):
                fields["id"] = doc_id
            elif doc_id:
                extras["nitf:doc-id"] = doc_id
            if element.get("regsrc"):
                extras["nitf:doc-id/@regsrc"] = element.get("regsrc")
        elif name == "urgency":
            _read_urgency(element, fields, extras, context)
        elif name == "date.issue":
            norm = element.get("norm") or ""
            value = read_date(norm, context, "date.issue", extras, ISSUE_AS_WRITTEN)
            if value is not None:
                fields["published"] = value
        elif name == "date.release" and "embargoed" not in fields:
            _read_dated(element, "embargoed", found, context, embargo_zoned)
        elif name == "date.expire" and "expires" not in fields:
            _read_dated(element, "expires", found, context)
        elif name == "doc.copyright":
            if (element.get("holder") or "").strip():
                found.rights["holder"] = found.copyright_holder = element.get("holder").strip()
            if element.get("year"):
                extras[COPYRIGHT_YEAR] = element.get("year")
        elif name == "doc.rights":
            rights = found.rights
            if (element.get("limitations") or "").strip():
                rights.setdefault("usage_terms", element.get("limitations").strip())
            if (element.get("owner") or "").strip():
                rights.setdefault("holder", element.get("owner").strip())
            add_extra(extras, "nitf:doc.rights", element_json(element))
        elif name == "key-list":
            for keyword in children(element, "keyword"):
                text = " ".join((keyword.get("key") or text_of(keyword)).split())
                if text:
                    fields.setdefault("keywords", []).append(text)
            if element.get("key"):
                extras["nitf:key-list/@key"] = element.get("key")
        elif name == "du-key":
            _read_du_key(element, found)
        elif name == "ed-msg":
            note = (element.get("info") or "").strip()
            if note:
                fields["editor_note"] = note
            if element.get("msg-type"):
                extras["nitf:ed-msg/@msg-type"] = element.get("msg-type")
        elif name == "evloc":
            place = next(
                (
                    element.get(key).strip()
                    for key in ("city", "county-dist", "state-prov", "iso-cc")
                    if (element.get(key) or "").strip()
                ),
                None,
            )
            if place:
                add_concept(fields.setdefault("places", []), Concept(name=place))
            add_extra(extras, "nitf:evloc", element_json(element))
        elif name == "identified-content":
            _read_identified(element, found)
        elif name:
            add_extra(extras, f"nitf:docdata/{name}", element_json(element))


def _read_du_key(element: Any, found: NitfFields) -> None:
    """The dynamic use key: its ``key`` the slugline, its ``version`` ("increments with each
    instance of a story") the article's version when a whole number the model holds. The other
    attributes (``generation``, ``part``), and a version written otherwise than the number reads
    (``03``) or that is no number, are kept in ``extras["nitf:du-key"]``, which the writer
    writes back (see :func:`du_key_version`)."""
    key = (element.get("key") or "").strip()
    version = element.get("version")
    if not key and version is None:  # (nothing the article reads: kept whole)
        add_extra(found.extras, "nitf:docdata/du-key", element_json(element))
        return
    if key:
        found.fields["slugline"] = key
    rest = {f"@{name}": value for name, value in element.attrib.items() if name != "key"}
    number = revision_number(version)
    if number is not None:
        found.fields["version"] = number
        if version == str(number):
            del rest["@version"]
    if rest:
        found.extras[DU_KEY] = rest


def du_key_version(version: int | None, kept: JsonValue) -> str | None:
    """The ``du-key/@version`` of an article's ``version``, as its NITF source wrote it while it
    reads the same (see :func:`~articlekit.formats._iptc.version_as_written`)."""
    return version_as_written(version, kept.get("@version") if isinstance(kept, dict) else None)


def _read_dated(
    element: Any, target: str, found: NitfFields, context: Context, place: Placing = zoned
) -> None:
    """``date.release`` (when the document may be released: the end of its embargo) or
    ``date.expire`` (when it should no longer be published) into ``target``. A value that is no
    date (a template's ``YYYYMMDD000000-HHMM``) stays in extras as it was, as does an element that
    says more than its date; a time without zone is given one by ``place``, its text kept. A
    release that is no date holds the article (:func:`~articlekit.formats._iptc.hold`)."""
    name = local_name(element)
    norm = element.get("norm") or ""
    key = f"nitf:{name}/@norm"
    held = target == "embargoed" and holds(norm)
    unparsed = UNREAD_EMBARGO_HOLDS if held else "kept in extras"
    value = read_date(norm, context, name, found.extras, key, unparsed, place, target)
    if value is not None:
        found.fields[target] = value
    elif held:
        found.unread_release = norm
    if value is None or set(element.attrib) != {"norm"}:
        add_extra(found.extras, f"nitf:docdata/{name}", element_json(element))


def _read_urgency(
    element: Any, fields: dict[str, Any], extras: dict[str, JsonValue], context: Context
) -> None:
    value = (element.get("ed-urg") or "").strip()
    number = small_number(value)
    if number is not None and 1 <= number <= 9:
        fields["urgency"] = number
    elif value:
        context.warn("nitf-value-invalid", f"urgency {value[:20]!r} is not 1-9; kept in extras")
        extras["nitf:urgency"] = value


def _read_identified(content: Any, found: NitfFields) -> None:
    for element in content:
        name = local_name(element)
        target = ENTITIES.get(name)
        if target is None:
            if name:
                add_extra(found.extras, f"nitf:identified-content/{name}", element_json(element))
            continue
        text = text_of(element) or None
        code = (element.get("value") or element.get("location-code") or "").strip() or None
        vocabulary = identifier(element.get("idsrc") or element.get("code-source"))
        if text is None and code is None:
            continue
        concept = Concept(name=text, code=code, vocabulary=vocabulary if code else None)
        found.fields.setdefault(target, []).append(concept)


# --- body -------------------------------------------------------------------------------------


def _read_body(body: Any, found: NitfFields, context: Context) -> None:
    fields = found.fields
    reader = BodyReader(context)
    blocks: list[Block] = []
    for element in body:
        name = local_name(element)
        if name == "body.head":
            _read_body_head(element, found, context)
        elif name in ("body.content", "body.end"):
            _take_notes_to_editors(element, found, context)
            adapt_markup(element)
            blocks.extend(reader.blocks(element))
    for kind, names in reader.entities.items():
        for entity in names:
            add_concept(fields.setdefault(kind, []), Concept(name=entity))
    body_blocks = unwrap(blocks)
    dateline = fields.get("dateline")
    from_body = dateline is None and (found.dateline_unprinted or found.dateline_in_body)
    if from_body:  # (no dateline element says one: as the text reader, the body)
        dateline = opening_dateline(body_blocks)
    if isinstance(dateline, Dateline):
        taken, fields["dateline"] = take_dateline(body_blocks, dateline)
        if not from_body:
            _keep_printed_dateline(body_blocks, taken, fields["dateline"], found, context)
        body_blocks = taken
    fields["body"] = body_blocks


def _keep_printed_dateline(
    body: list[Block], taken: list[Block], dateline: Dateline, found: NitfFields, context: Context
) -> None:
    """Keep in extras, and report, the dateline the body printed when it says other than the
    dateline element, which is the article's: the place as printed, a date or agency it alone
    gives."""
    cut = next(
        (before.text[: len(before.text) - len(after.text)]
         for before, after in zip(body, taken, strict=True)
         if before is not after and isinstance(before, Paragraph) and isinstance(after, Paragraph)),
        "",
    )  # fmt: skip
    printed = read_printed_dateline(cut.strip().rstrip(_DATELINE_DASHES).strip())
    if cut and printed != dateline:
        found.extras[PRINTED_DATELINE] = cut.strip()
        if _in_capitals(printed, dateline):
            return  # ("OTTAWA -" over "Ottawa": the wires' habit, kept for the writer, no news)
        context.warn(
            "nitf-dateline-printed",
            f"the body printed the dateline {shortened(cut.strip(), 60)!r}, other than the "
            f"dateline element ({printed_dateline(dateline)!r}), which is the article's; taken "
            f"out of the first paragraph and kept in extras['{PRINTED_DATELINE}']",
        )


def _in_capitals(printed: Dateline | None, dateline: Dateline) -> bool:
    """Whether a printed dateline says what the dateline element does, but in other letters'
    case (the place printed in capitals)."""

    def folded(value: Dateline | None) -> tuple[str, ...]:
        parts = (value.place, value.date_text, value.agency) if value is not None else ()
        return tuple((part or "").casefold() for part in parts)

    return printed is not None and folded(printed) == folded(dateline)


def adapt_markup(container: Any) -> None:
    """Turn articlekit's NITF conventions (``hl2 class="h3"``, ``em class="strong"``) back into
    the element names the shared body reader knows."""
    for element in container.iter("{*}hl2", "{*}em"):  # (by local name, as local_name reads it)
        name = local_name(element)
        classes = set((element.get("class") or "").lower().split())
        if name == "hl2":
            level = next((m.group(1) for c in classes if (m := HEADING_CLASS.match(c))), None)
            if level is not None:
                element.tag = f"h{level}"
        elif classes & STRONG_CLASSES:
            element.tag = "strong"


def _read_body_head(head: Any, found: NitfFields, context: Context) -> None:
    fields, extras = found.fields, found.extras
    for element in head:
        name = local_name(element)
        if name in ("hedline", "headline"):  # AP writes body.head/headline
            _read_hedline(element, fields, extras)
        elif name == "byline":
            if "byline" in fields:
                add_extra(extras, "nitf:byline", text_of(element))
            else:
                read_byline(element, fields)
        elif name == "dateline":
            dateline = _dateline(element)
            if dateline is not None and "dateline" not in fields:
                fields["dateline"] = dateline
                story_date = child(element, "story.date")
                norm = (story_date.get("norm") or "").strip() if story_date is not None else ""
                if norm:  # (with the date it norms, as printed: written back only beside it)
                    printed = text_of(story_date) if story_date is not None else ""
                    extras[STORY_DATE_NORM] = {"norm": norm, "printed": printed}
                location = child(element, "location")
                if location is not None and (parts := location_parts(location)):
                    extras[DATELINE_LOCATION] = parts  # type: ignore[assignment]
            elif kept := element_json(element):
                add_extra(extras, "nitf:dateline", kept)
                found.dateline_unprinted = dateline is None
        elif name == "abstract":
            summary = block_text(_keep_media(BodyReader(context).blocks(element), fields))
            if summary:
                fields["summary"] = summary
        elif name == "distributor":
            source = text_of(element)
            if source:
                org = child(element, "org")
                value = identifier(org.get("value")) if org is not None else None
                # org/@value is a code in its @idsrc's vocabulary (a ticker, say); only an
                # absolute URI identifies the source, anything else is kept as it stands.
                uri = value if value and _ABSOLUTE_URI.match(value) else None
                if value and uri is None:
                    add_extra(extras, "nitf:distributor-org", element_json(org))
                fields["source"] = Source(name=source, uri=uri)
        elif name == "rights":
            _read_rights(element, found)
        elif name == "note":
            _read_note(element, found, context)
        elif name:
            add_extra(extras, f"nitf:body.head/{name}", element_json(element))


def is_note_to_editors(note: Any) -> bool:
    """Whether a ``note`` is for editors, not readers: of an editors' class, or of type ``npa``
    (a "non-publishable advisory"; ``std`` and ``pa`` notes are publishable)."""
    kind = (note.get("noteclass") or "").strip().lower()
    return kind in EDITORS_NOTES or (note.get("type") or "").strip().lower() == "npa"


def _read_note(note: Any, found: NitfFields, context: Context) -> None:
    """A note of the body head, or a note to editors in the body: the editor's note when it is
    one and the article has none yet, else kept in extras (a note repeating the editor's note,
    as ``ed-msg`` may, is said once)."""
    fields = found.fields
    text = block_text(_keep_media(BodyReader(context).blocks(note), fields))
    if not text or text == fields.get("editor_note"):
        return
    if is_note_to_editors(note) and "editor_note" not in fields:
        fields["editor_note"] = text
    else:
        kind = (note.get("noteclass") or "").lower()
        add_extra(found.extras, "nitf:note", {"@noteclass": kind, "#text": text})


def _take_notes_to_editors(container: Any, found: NitfFields, context: Context) -> None:
    """Take the notes to editors out of body text (``EDITORS: Corrects vote count ...`` is no
    paragraph of the story); publishable notes (a correction, a copyright line) stay text."""
    for note in descendants(container, "note"):
        if is_note_to_editors(note) and container in note.iterancestors():  # (not in one taken)
            _read_note(note, found, context)
            remove_keeping_tail(note)


def _read_hedline(hedline: Any, fields: dict[str, Any], extras: dict[str, JsonValue]) -> None:
    for element in hedline:
        name = local_name(element)
        text = text_of(element)
        if not text:
            continue
        if name == "hl1" and "headline" not in fields:
            fields["headline"] = text
        elif name == "hl2" and "subheadline" not in fields and text != fields.get("headline"):
            fields["subheadline"] = text
        elif name in ("hl1", "hl2") and text != fields.get("headline"):
            add_extra(extras, f"nitf:{name}", text)


def _keep_media(blocks: list[Block], fields: dict[str, Any]) -> list[Block]:
    """Figures in the head's abstract or notes go with the story as its lead media."""
    for block in iter_blocks(blocks):
        if isinstance(block, Figure):
            fields.setdefault("media", []).append(as_media(block, "featured"))
    return blocks


def block_text(blocks: list[Block]) -> str:
    """Paragraph texts separated by blank lines (for abstracts and notes)."""
    return "\n\n".join(
        block.text for block in iter_blocks(blocks) if isinstance(block, Paragraph | Heading)
    ).strip()


_NAME_SPLIT = lazy_pattern(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+")


def _credited(person: str) -> list[str]:
    """The people one ``person`` element of another system's byline names: one, but for
    several whole names joined by "and" or "&" (``<person>Mia Rabson and Jordan Press</person>``,
    as one agency writes its bylines; or by commas), each of two capitalised words or more,
    particles between or joined ("Maria dos Santos", "Ahmed al-Sayed"), none a job title
    ("Mac & i", a magazine, and "Jane Doe, Staff Writer" stay one)."""
    names = [name for name in _NAME_SPLIT.split(person) if name]
    whole = all(
        len(words := [_PARTICLE_PREFIX.sub("", word) for word in name.split()]) >= 2
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and all(word[:1].isupper() or word in NAME_PARTICLES for word in words)
        and not is_job_title(name)
        for name in names
    )
    return names if len(names) > 1 and whole else [person]


_PARTICLE_PREFIX = lazy_pattern(r"^(?:al|el|ad|ed|d|l|de)['’-](?=\w)")
"""A particle joined to a name's word ("al-Sayed", "d'Ormesson"), left out to see its capital."""


def read_byline(byline: Any, fields: dict[str, Any]) -> None:
    """The printed byline, with a comma before the title (``byttl``) and a space before names
    where the markup left none (no space after an opening bracket or quote); the people from
    ``person``, one each unless it joins whole names (see :func:`_credited`; titled by the
    ``byttl`` after them, identified by their ``value``), else from the names the text credits.
    A byline of class ``authors-only`` is how articlekit writes authors of an article without a
    printed byline: it gives the authors alone, every ``person`` one of them as written
    (elsewhere a ``person`` that is a job title names no one)."""
    authors_only = AUTHORS_ONLY in (byline.get("class") or "").split()
    text = byline.text or ""
    people: list[Person] = []
    waiting: list[int] = []
    for element in byline:
        name = local_name(element)
        part = text_of(element)
        if name == "byttl" and not part:  # an empty title: the people before it have none
            waiting = []
        if part:
            stripped = text.rstrip()
            if name == "byttl":
                if stripped[-1:].isalnum():
                    text = f"{stripped}, "
                elif not _opens(stripped[-1:]):  # "Roy (<byttl>reporting</byttl>)" as it is
                    text = f"{stripped} "
                for index in waiting:
                    people[index] = Person(
                        name=people[index].name, role=part, uri=people[index].uri
                    )
                waiting = []
            elif stripped[-1:].isalnum():
                text += " "
            if name == "person":
                credited = [part] if authors_only else _credited(part)
                uri = identifier(element.get("value")) if len(credited) == 1 else None
                for person in credited:
                    if authors_only or not is_job_title(person):  # (Staff Reporter: no one)
                        waiting.append(len(people))
                        people.append(Person(name=person, uri=uri))
            text += part
        text += element.tail or ""
    printed = " ".join(text.split())
    if not printed:
        return
    if authors_only and people:
        fields["authors"] = people
        return
    fields["byline"] = printed
    if people:
        fields["authors"] = people
    else:
        names = byline_names(printed)
        if names:
            fields["authors"] = [Person(**person) for person in authors_from_byline(names)]


def _opens(character: str) -> bool:
    """Whether ``character`` is an opening bracket or quote, which no space follows."""
    return bool(character) and unicodedata.category(character) in ("Ps", "Pi")


_DATELINE_DASHES = "—–-_"
"""What separates a printed dateline from the story's first words."""
_TIME_STAMP = lazy_pattern(r"^\d{8}T\d{4}|^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_ABSOLUTE_URI = lazy_pattern(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]")
LOCATION_PARTS = {"city", "state", "region", "country", "sublocation"}


def _dateline(element: Any) -> Dateline | None:
    location = child(element, "location")
    story_date = child(element, "story.date")
    if location is None and story_date is None:
        return read_printed_dateline(text_of(element))
    place = _location_text(location) if location is not None else None
    date_text = text_of(story_date) if story_date is not None else None
    if date_text and _TIME_STAMP.match(date_text):
        date_text = None  # "20170102T222800+0000": a machine's time, not a printed date
    own = " ".join([element.text or "", *(node.tail or "" for node in element)])
    agency = re.search(r"\(([^()]{1,40})\)", own)
    if not (place or date_text or agency):
        return None
    return Dateline(place=place or None, date_text=date_text or None,
                    agency=agency.group(1).strip() if agency else None)  # fmt: skip


def _location_text(location: Any) -> str:
    parts = [node for node in location if local_name(node) in LOCATION_PARTS]
    separated = any((node.tail or "").strip() for node in parts) or (location.text or "").strip()
    if parts and not separated:
        return joined_place([[local_name(node), text_of(node)] for node in parts])
    return text_of(location)


def location_parts(location: Any) -> list[list[str]]:
    """The named parts of a dateline's ``location`` (city, state, country ...) in their order,
    when its place is those parts joined (:func:`_location_text`): kept so that the writer writes
    the place back as structured as it came."""
    parts = [[local_name(node), text] for node in location
             if local_name(node) in LOCATION_PARTS and (text := text_of(node))]  # fmt: skip
    return parts if len(parts) > 1 and _location_text(location) == joined_place(parts) else []


def joined_place(parts: list[list[str]]) -> str:
    """The place of a dateline whose location has these named parts."""
    return ", ".join(text for _, text in parts if text)


def _read_rights(rights: Any, nitf: NitfFields) -> None:
    found = nitf.rights
    notice = " ".join(
        (rights.text or "").split()
        + [word for node in rights for word in (node.tail or "").split()]
    )
    if notice:
        found["notice"] = notice
    for element in rights:
        name = local_name(element)
        text = text_of(element)
        if not text:
            continue
        if name == "rights.owner":
            if nitf.copyright_holder not in (None, text) and COPYRIGHT_HOLDER not in nitf.extras:
                nitf.extras[COPYRIGHT_HOLDER] = nitf.copyright_holder
            found["holder"] = text
        elif name == "rights.limitations":
            found["usage_terms"] = text
        else:
            add_extra(nitf.extras, f"nitf:rights/{name}", text)


def read_document(data: bytes, context: Context) -> Iterator[Article]:
    """The article of a NITF document."""
    root = parse_document(data, context)
    if local_name(root) != "nitf":
        raise InputError(f"the root element <{local_name(root)[:40]}> is not NITF's <nitf>")
    check_namespace(root, NITF, context, "nitf-foreign-namespace")
    yield article_from_nitf(root, context)


def article_from_nitf(root: Any, context: Context) -> Article:
    """The article of a parsed ``nitf`` element."""
    found = read_nitf(root, context)
    if "headline" not in found.fields:
        context.warn("no-headline", "the NITF has no hl1 headline; the article has none")
    if found.extras:
        found.fields["extras"] = found.extras
    return Article(**found.fields)
