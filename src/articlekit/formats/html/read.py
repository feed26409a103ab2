"""Reading a page: metadata (:mod:`.metadata`), then the visible article.

articlekit's own pages (:mod:`.layout`) are read from where the writer put each field; any other
page goes through the extraction of :mod:`.extract`, and the top of its text is tidied: the
headline, deck, byline or date printed again above the first paragraph are taken out (they are
fields), and a dateline opening the first paragraph becomes the dateline, as the other readers do.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError

from articlekit._text import lazy_pattern, shortened
from articlekit._xml import remove_keeping_tail, shown_pieces, shown_text
from articlekit.formats._iptc import (
    language,
    opening_dateline,
    read_printed_dateline,
    take_dateline,
)
from articlekit.formats._markup import read_markup
from articlekit.formats.html import layout
from articlekit.formats.html.extract import cut_furniture, extract_body, hidden
from articlekit.formats.html.metadata import (
    BYLINE_NAMES,
    LINKED_AUTHORS,
    PRINTED_DESCRIPTION,
    ROW_SEPARATOR,
    Found,
    article_graph,
    fields_from_deck,
    fields_from_heading,
    fields_from_jsonld,
    fields_from_meta,
    fields_from_microdata,
    fields_from_page,
    fields_from_printed_date,
    in_breadcrumbs,
    read_jsonld,
    resolve,
)
from articlekit.formats.html.page import decode_page, is_whole_document, parse_page
from articlekit.model import Article, Block, Dateline, Figure, Heading, Paragraph, iter_blocks
from articlekit.prose import dates, furniture
from articlekit.prose.byline import parse_byline
from articlekit.prose.controls import without_controls
from articlekit.prose.headers import (
    after_edit,
    flag_lines,
    flags_edited,
    is_flag_line,
    read_embargo,
    read_flags,
    with_flags,
)
from articlekit.registry import Context

BYLINE_LIMIT = 120
"""Longest text a printed byline element may have (longer is an author's biography)."""
_COMMENTS = lazy_pattern(r"(?:^|[-_\s])(?:comments?|disqus|replies)(?:$|[-_\s])", re.IGNORECASE)
_TITLE_SEPARATOR = lazy_pattern(r"\s+[|\-–—·:»•]{1,2}\s+|\s*[_|｜]\s*|\s+::\s+|\s+：\s*")
"""What parts a ``<title>``'s headline from the site's name: a sign between spaces, a bar, a
full-width bar or a full-width colon after a space (a Japanese page's "見出し ：サイト名"; one
without the space is the headline's own: "動画：見出し")."""


def read_page(data: bytes, context: Context) -> Article:
    text = without_controls(decode_page(data, context), context)
    root = parse_page(text)
    whole = is_whole_document(text)
    mark = len(context.warnings)
    article = _build(root, whole, context)
    _merge_repeats(context, mark)
    return article


def _merge_repeats(context: Context, mark: int) -> None:
    """One warning for a message repeated for every picture or table of a page."""
    counts: dict[tuple[str, str], int] = {}
    for warning in context.warnings[mark:]:
        counts[warning.code, warning.message] = counts.get((warning.code, warning.message), 0) + 1
    merged, seen = [], set()
    for warning in context.warnings[mark:]:
        key = (warning.code, warning.message)
        if key in seen:
            continue
        seen.add(key)
        times = counts[key]
        merged.append(
            replace(warning, message=f"{warning.message} ({times} times)") if times > 1 else warning
        )
    context.warnings[mark:] = merged


def _build(root: Any, whole: bool, context: Context) -> Article:
    own = layout.own_article(root)
    if own is not None:
        fields = own_fields(root, own, context)
        fields.update(script_fields(own, context))
        _read_shown_flags(own, fields, context)
    else:
        fields = foreign_fields(root, whole, context)
    if fields.get("headline") is None:
        context.warn("no-headline", "the page names no headline; the article has none")
    return _validated(fields, context)


def _validated(fields: dict[str, Any], context: Context) -> Article:
    """The article; a metadata value the model refuses is left out with a warning (a page's
    metadata is no reason to lose its story), the body never."""
    for _ in range(len(fields) + 1):
        try:
            return Article(**{key: value for key, value in fields.items() if value is not None})
        except ValidationError as error:
            bad = {str(problem["loc"][0]) for problem in error.errors() if problem["loc"]}
            bad.discard("body")
            if not bad or not bad & set(fields):
                raise
            for name in sorted(bad & set(fields)):
                context.warn(
                    "html-metadata-invalid",
                    f"the page's {name} is not a valid article value; it was left out",
                )
                del fields[name]
    raise AssertionError("unreachable")  # pragma: no cover


# --- metadata ----------------------------------------------------------------------------------


def metadata(root: Any, context: Context, *, own: bool) -> dict[str, Any]:
    """Article fields from the page's metadata (JSON-LD, microdata, meta tags, the page)."""
    found = Found()
    fields_from_jsonld(article_graph(read_jsonld(root, context)), found)
    if not own:
        fields_from_microdata(root, found)
        fields_from_heading(root, found)
    fields_from_meta(root, found)
    if not own:
        fields_from_deck(root, found)  # (after the description it may print)
    fields_from_page(root, found)
    _drop_leading_invalid(found, context)
    if not own and "published" not in found.candidates:
        fields_from_printed_date(root, found)
    headlines = [value for _, value in found.candidates.get("headline", [])]
    headings = [] if own else page_headings(root, headlines)
    chosen = resolve(found, context if not own else Context(), headings)
    fields: dict[str, Any] = {}
    for name in ("headline", "subheadline", "summary", "version"):
        if chosen.get(name) is not None:
            fields[name] = chosen[name]
    fields["id"] = chosen.get("id") or chosen.get("url")
    extras: dict[str, Any] = dict(found.extras)
    for name in ("published", "updated", "created"):
        if chosen.get(name):
            fields[name] = _date(chosen[name], name, context, extras)
    if chosen.get("language"):
        fields["language"] = language(chosen["language"], context, "the page's language")
    if chosen.get("dateline"):
        fields["dateline"] = read_printed_dateline(chosen["dateline"])
    for name in ("authors", "subjects", "genres", "places", "people", "organisations", "media"):
        if chosen.get(name):
            fields[name] = _unique(chosen[name])
    for name in ("source", "rights", "keywords"):
        if chosen.get(name):
            fields[name] = chosen[name]
    if chosen.get("url") and fields["id"] != chosen["url"]:
        extras["html:url"] = chosen["url"]
    fields["extras"] = extras
    fields["title"] = chosen.get("title")
    fields[PRINTED_DESCRIPTION] = chosen.get(PRINTED_DESCRIPTION)
    fields["authors_linked"] = found.candidates.get("authors", [("", None)])[0][0] == LINKED_AUTHORS
    return fields


def _drop_leading_invalid(found: Found, context: Context) -> None:
    """A language or date that is none (``english``, ``2024-02-30``) is left out with a warning
    before the sources are weighed, so that the next source with a valid one wins rather than the
    field staying empty."""
    for name in ("language", "published", "updated", "created"):
        candidates = found.candidates.get(name, [])
        while candidates and not _valid(name, candidates[0][1], context):
            del candidates[0]
        if not candidates:
            found.candidates.pop(name, None)


def _valid(name: str, value: str, context: Context) -> bool:
    if name == "language":
        return language(value, context, "the page's language") is not None
    return _parsed_date(value, name, context) is not None


def _unique(values: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


def _date(
    text: str, what: str, context: Context, extras: dict[str, Any] | None = None
) -> date | datetime | None:
    """A date of the page; a time of day without a zone gets the zone the user chose (``-O
    timezone=...``), else only its date is kept, the text as written going to ``extras``."""
    parsed = _parsed_date(text, what, context)
    if parsed is None:
        return None
    if parsed.naive is not None:
        if extras is not None:
            extras[f"html:{what}"] = text.strip()
        return dates.zoned(parsed.naive, text, f"the page's {what}", context)
    return parsed.value


def _parsed_date(text: str, what: str, context: Context) -> dates.ParsedDate | None:
    parsed = dates.parse_date(text)
    if parsed is None:
        quoted = shortened(text, 60)
        context.warn("date-unparsed", f"the page's {what} {quoted!r} is not a date; left out")
    return parsed


# --- own pages ---------------------------------------------------------------------------------


def _classed(element: Any, name: str) -> Any | None:
    return next(_all_classed(element, name), None)


def _all_classed(element: Any, name: str) -> Iterator[Any]:
    for found in element.iter():
        if isinstance(found.tag, str) and name in (found.get("class") or "").split():
            yield found


def _line(element: Any | None) -> str | None:
    if element is None:
        return None
    return shown_text(element) or None


def own_fields(root: Any, article: Any, context: Context) -> dict[str, Any]:
    """The fields of a page articlekit wrote: what it shows, and the metadata of its head."""
    fields = {
        key: value
        for key, value in metadata(root, context, own=True).items()
        if key not in layout.VISIBLE and key not in ("title", PRINTED_DESCRIPTION, "authors_linked")
    }
    header = article.find("header")
    if header is not None:
        fields["headline"] = _line(header.find("h1"))
        fields["subheadline"] = _line(_classed(header, "subheadline"))
        fields["byline"] = _line(_classed(header, "byline"))
        for name in ("published", "updated"):
            time = _classed(header, name)
            if time is not None and time.get("datetime"):
                fields[name] = _date(time.get("datetime"), name, context)
    from copy import deepcopy

    body = deepcopy(article)
    for element in list(body):
        if element.tag in ("header", "footer", "script"):
            body.remove(element)
    dateline = _classed(article, "dateline")
    if dateline is not None:
        fields["dateline"] = _own_dateline(dateline)
        copied = _classed(body, "dateline")
        if copied is not None:
            remove_keeping_tail(copied)
    fields["body"] = read_markup(body, context).blocks
    return fields


def _read_shown_flags(article: Any, fields: dict[str, Any], context: Context) -> None:
    """The flag lines the page shows over its headline, when an editor changed them (else the
    page's articlekit fields say all they do, as a DOCX's embedded copy does): the embargo they
    give wins over the one kept in those fields (a line that gives no end keeps that), they
    replace the lines kept in its extras, and a hold with no end is the editor's note (which
    pages never carry otherwise: see :func:`~articlekit.prose.headers.read_flags`)."""
    header = article.find("header")
    printed = () if header is None else _all_classed(header, layout.FLAGS_CLASS)
    notices = [line for element in printed if (line := _line(element))]
    extras = fields.get("extras") or {}
    hidden = fields.get("embargoed")
    embargo = dates.parse_iso(hidden) if isinstance(hidden, str) else None
    status, note = fields.get("status"), fields.get("editor_note")
    written = flag_lines(extras, embargo, layout.FLAGS_KEY, status=status, note=note)
    if flags_edited(notices, extras, embargo, layout.FLAGS_KEY, status=status, note=note):
        shown = read_embargo(notices, context) if notices else None  # (a hold reported as read)
        if shown is not None:
            fields["embargoed"] = shown
        fields["extras"] = with_flags(extras, layout.FLAGS_KEY, notices)
        fields["editor_note"], fields["status"] = after_edit(
            note, status, written, notices, context
        )


def _own_dateline(element: Any) -> Dateline | dict[str, str] | None:
    parts = {
        field: text
        for field, name in layout.DATELINE_PARTS.items()
        if (text := _line(_classed(element, name))) is not None
    }
    if parts:
        return parts
    return read_printed_dateline(_line(element) or "")


def script_fields(article: Any, context: Context) -> dict[str, Any]:
    """The fields the page keeps in its ``articlekit-fields`` script (canonical JSON values)."""
    import json

    script = _classed(article, layout.FIELDS_CLASS)
    if script is None or not (script.text or "").strip():
        return {}
    try:
        values = json.loads(script.text)
    except ValueError:
        context.warn("html-metadata-unreadable", "the page's articlekit fields are not JSON")
        return {}
    if not isinstance(values, dict):
        return {}
    known = set(Article.model_fields) - layout.VISIBLE - {"schema_version"}
    unknown = sorted(set(values) - known)
    if unknown:
        context.warn(
            "html-metadata-unreadable",
            f"the page's articlekit fields name unknown or shown fields, ignored: {unknown[:5]}",
        )
    return {key: value for key, value in values.items() if key in known}


# --- other pages -------------------------------------------------------------------------------


def foreign_fields(root: Any, whole: bool, context: Context) -> dict[str, Any]:
    """The fields of any other page: metadata, then the extracted text, tidied."""
    fields = metadata(root, context, own=False)
    title = fields.pop("title")
    if fields.get("headline") is None:
        fields["headline"] = _headline_from_page(root, title, fields)
    else:
        headings = [*page_headings(root, [fields["headline"]]), *_heading_first_lines(root)]
        fields["headline"] = without_site_name(fields["headline"], fields, headings)
    base = _base_url(root, fields)
    blocks = extract_body(root, whole, base, context).blocks
    blocks = cut_furniture(blocks, context, fields.get("language"))
    described = fields.pop(PRINTED_DESCRIPTION)
    if fields.get("subheadline") is None and described and _leaves_out(blocks, described):
        fields["subheadline"] = described  # (else the story's first paragraph, or lost)
    linked = fields.pop("authors_linked")
    outlet = _authors_name_the_outlet(fields, base)
    byline = _printed_byline(root, fields, linked=linked or outlet, outlet=outlet)
    blocks = _take_flags(blocks, fields, context)
    blocks = _strip_opening(blocks, fields, byline)
    if fields.get("byline") is None and byline is not None:
        fields["byline"] = byline
    if (not fields.get("authors") or linked or outlet) and fields.get("byline"):
        # Names of profile links give way to a printed byline naming anyone else or a role;
        # the outlet the metadata names, to the people the byline names.
        found = parse_byline(fields["byline"], labelled=False)
        people = found.people if found is not None else []
        named = set(_names(people)) <= set(_names(fields.get("authors") or []))
        if outlet:
            if not _printed_as(people, fields["authors"]):
                fields["authors"] = people or fields["authors"]
        elif not linked or not named or any(person.get("role") for person in people):
            fields["authors"] = people
    fields["body"] = _take_dateline(blocks, fields)
    return fields


def _leaves_out(blocks: list[Block], text: str) -> bool:
    """Whether the story's text (its paragraphs: some there must be) leaves ``text`` out (its
    words, however split or punctuated)."""
    texts = [block.text for block in iter_blocks(blocks) if isinstance(block, Paragraph | Heading)]
    paragraphs = any(isinstance(block, Paragraph) for block in iter_blocks(blocks))
    return paragraphs and f" {_loose(text)} " not in f" {_loose(' '.join(texts))} "


def _names(people: list[dict[str, Any]]) -> list[str]:
    return [_loose(person["name"]) for person in people]


def _printed_as(people: list[dict[str, Any]], authors: list[dict[str, Any]]) -> bool:
    """Whether each person a printed byline names is one of the metadata's authors, a label or
    role run into the name aside ("AuthorJane Doe", "Jane Doe Editor"): a personal site names its
    owner as author and publisher both, and the metadata's person (role, profile) stays. The
    author opens or ends the printed name, however long the role after it ("Jane Doe
    Chefredakteurin"): an outlet's "AP" inside a printed "Jane Kapoor" does neither."""
    names = _names(authors)
    return all(
        any(printed.startswith(name) or printed.endswith(name) for name in names)
        for printed in _names(people)
    )


def _authors_name_the_outlet(fields: dict[str, Any], address: str | None) -> bool:
    """Whether the metadata's authors are only the outlet: the site's or publisher's name, or
    its web address's ("LTO" on lto.de, "Example News (www.example.com)"). Sites fill the author
    with their own name where the page prints the reporter's byline."""
    from urllib.parse import urlsplit

    authors = fields.get("authors") or []
    site = _site_name(fields)
    host = (urlsplit(address).hostname or "").removeprefix("www.") if address else ""
    label = host.split(".")[0].replace("-", "")
    return bool(authors) and all(
        (loose := _loose(person["name"])) == site
        or (host and host in person["name"].casefold())
        or (label and loose.replace(" ", "") == label)
        for person in authors
    )


def _base_url(root: Any, fields: dict[str, Any]) -> str | None:
    base = root.find(".//base[@href]")
    href = (base.get("href") or "").strip() if base is not None else ""
    for candidate in (href, fields["extras"].get("html:url"), fields.get("id")):
        if isinstance(candidate, str) and candidate.startswith(("http://", "https://")):
            return candidate
    return None


def _loose(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def without_site_name(title: str, fields: dict[str, Any], headings: list[str]) -> str:
    """``Headline | Site`` (or ``Site - Headline``) without the site's name: what is left of a
    title that starts or ends with a heading of the page, or the parts not naming the source.
    A heading of the same words is the title as it stands (a kicker the heading sets on a line
    of its own, "Kicker Headline" in its text, is set off by the title's colon)."""
    parts = _title_parts(title)
    loose_title = _loose(title)
    if len(parts) < 2 or loose_title in map(_loose, headings):
        return title
    for heading in map(_loose, headings):
        if len(heading) * 2 > len(loose_title) and (
            loose_title.startswith(heading) or loose_title.endswith(heading)
        ):
            return next(h for h in headings if _loose(h) == heading)
    site = _site_name(fields)
    kept = [(start, end) for start, end in parts if _loose(title[start:end]) != site]
    if not site or len(kept) == len(parts) or not kept:
        return title
    return title[kept[0][0] : kept[-1][1]].strip()  # (the kept parts, separators between them)


def _title_parts(title: str) -> list[tuple[int, int]]:
    """Where the parts of a title between :data:`_TITLE_SEPARATOR` matches start and end (the
    blank ones left out)."""
    spans, start = [], 0
    for separator in _TITLE_SEPARATOR.finditer(title):
        spans.append((start, separator.start()))
        start = separator.end()
    spans.append((start, len(title)))
    return [(start, end) for start, end in spans if title[start:end].strip()]


def _site_name(fields: dict[str, Any]) -> str:
    return _loose((fields.get("source") or {}).get("name") or "")


def _headline_from_page(root: Any, title: str | None, fields: dict[str, Any]) -> str | None:
    """The ``<h1>`` that the ``<title>`` names, else the ``<title>`` without the site name, else
    the only ``<h1>`` (an ``<h1>`` the title does not name is often the site's logo)."""
    headings = page_headings(root)
    if title:
        for heading in headings:
            if _loose(heading) and _loose(heading) in _loose(title):
                return heading
        parts = {_loose(title[start:end]) for start, end in _title_parts(title)}
        if len(parts) > 1:  # ``Headline - Site``, the headline a lower heading (not a kicker)
            parts -= {_site_name(fields), ""}
            longest = max(map(len, parts), default=0)
            for element in root.iter("h2", "h3"):
                text = _line(element)
                if (
                    text is not None
                    and len(loose := _loose(text)) == longest
                    and loose in parts
                    and not any(node.tag in _PAGE_FRAME for node in element.iterancestors())
                ):
                    return text
        return without_site_name(title, fields, [*headings, *_heading_first_lines(root)])
    return headings[0] if len(headings) == 1 else None


_PAGE_FRAME = frozenset({"footer", "nav", "aside"})
"""Where a page's own name and links stand, not its article's headline. Not the deck's
elements set apart (``metadata._SET_APART``): a forum prints its thread's title in a ``<form>``."""


def page_headings(root: Any, headlines: Sequence[str] = ()) -> list[str]:
    """The texts of the page's ``<h1>`` elements, where the headline is printed; one in a
    breadcrumb trail gives way to the ``<h2>`` that prints one of ``headlines`` (the metadata's),
    when there is one: sites print the headline there again in an ``<h1>`` for search engines
    (the same, or a longer one) and the story's own headline over it in an ``<h2>``."""
    texts = []
    for h1 in root.iter("h1"):
        text = _line(h1)
        if text is None or len(text) > 300:
            continue
        if in_breadcrumbs(h1):
            text = _printed_headline(root, headlines) or text
        texts.append(text)
    return list(dict.fromkeys(texts))


def _printed_headline(root: Any, headlines: Sequence[str]) -> str | None:
    """The first ``<h2>`` outside breadcrumbs that prints one of ``headlines``, a kicker run
    into it or not ("Kicker Headline" holds "Headline"). Where the kicker is run in and the
    headline ends the heading, the headline alone: a metadata headline that names only the
    kicker is then no headline the page prints. A heading marked as the headline in microdata
    (``itemprop="headline"``) is no witness to itself: the kicker it runs in is in that headline,
    unless another source gives the heading's words too (og:title)."""
    wanted = {loose: headline for headline in headlines if (loose := _loose(headline))}
    given = Counter(map(_loose, headlines))
    for h2 in root.iter("h2"):
        text = _line(h2)
        if text is None or hidden(h2) or in_breadcrumbs(h2):
            continue
        printed = _loose(text)
        own = printed if "headline" in (h2.get("itemprop") or "").split() else None
        found = [
            loose
            for loose in wanted
            if (loose != own or given[loose] > 1)
            and loose in printed
            and 2 * len(loose) > len(printed)
        ]
        if found:
            tail = next((loose for loose in found if printed.endswith(f" {loose}")), None)
            return wanted[tail] if tail is not None else text
    return None


def _heading_first_lines(root: Any) -> list[str]:
    """The first lines of the ``<h1>`` elements that set more under their headline after a
    ``<br>`` (the byline, a date): the headline printed, which a title may hold with more
    (a photo credit, the site's name) and the whole heading would not match."""
    return [first for h1 in root.iter("h1") if (first := _first_line(h1)) is not None]


def _printed_byline(
    root: Any, fields: dict[str, Any], *, linked: bool = False, outlet: bool = False
) -> str | None:
    """The byline as the page prints it: a short element marked as the author or byline
    (``rel="author"``, ``itemprop="author"``, a ``byline`` or ``author`` class), the first one
    naming the metadata's authors, or people at all when there are none or when only the links to
    their profile pages named them (``linked``: a byline printed before is trusted more). Where
    the metadata's author is only the ``outlet``, a teaser's card does not name the reporter."""
    names = _names(fields.get("authors") or [])
    headline = _loose(fields.get("headline") or "")
    candidates: list[str] = []
    body = root.find("body")
    if body is None:
        return None
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "meta", "link"):
            continue
        marks = " ".join(
            filter(
                None,
                (
                    element.get("class"),
                    element.get("id"),
                    element.get("rel"),
                    element.get("itemprop"),
                ),
            )
        )
        if not marks or BYLINE_NAMES.search(marks) is None or _in_control(element):
            continue
        if outlet and _in_another_story(element, headline):
            continue
        text = _line(element)
        if text is None or len(text) > BYLINE_LIMIT or len(text) < 3:
            continue
        if dates.parse_date(text) is not None or _furniture(text):
            continue
        candidates.append(text)
        first = _first_line(element)
        if first is not None and first != text:
            candidates.append(first)
        if len(candidates) >= 20:
            break
    for text in candidates:
        found = parse_byline(text, labelled=False) if not names or linked else None
        if linked and found is not None:  # all it names, not cut down to the linked names
            return found.printed
        if any(name and name in _loose(text) for name in names):
            # (the one that names the metadata's author)
            return _tidy_byline(_read_whole_inside(text, candidates), names)
        if found is not None:
            return found.printed  # without a date printed after the names
    return None


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_STORY_HEADINGS = frozenset({"h1", "h2"})
CARD_LEVELS = 12
"""Boxes around a byline looked at for a teaser's card: its own and those around it, the
nearest first (a card wraps its byline in a few boxes, not in dozens)."""
CARD_ELEMENTS = 300
"""The most elements a teaser's card holds: a bigger box is a part of the page, which the byline's
box then is not a card inside (and a page of many bylines is not walked again for each)."""


def _in_another_story(element: Any, headline: str) -> bool:
    """Whether the element stands in a box whose headings above it are neither an ``<h1>`` or
    ``<h2>`` (where pages print the story's headline, as printed, not always the metadata's) nor
    the article's ``headline`` (loose; part of it, or it with a kicker run in): a teaser's card of
    another story, its kicker and title over its author and date ("Anzeige", "Sponsored title",
    "Advertiser GmbH"). The nearest box holding a heading (the element's own aside) tells; a
    byline under the story's headline has that heading in its box, one over the headline or over
    the comments' heading none above it, and one under a label set as a heading ("Analysis")
    no title of another story. Boxes bigger than a card are no card (bounded work:
    :data:`CARD_LEVELS`, :data:`CARD_ELEMENTS`)."""
    for node in itertools.islice(element.iterancestors(), CARD_LEVELS):
        above: list[Any] = []
        passed = below = False
        for count, inner in enumerate(node.iter()):
            if count == CARD_ELEMENTS:
                return False
            if inner is element:
                passed = True
            elif inner.tag in _HEADINGS and element not in inner.iterancestors():
                if passed:
                    below = True
                    break
                above.append(inner)
        if above or below:
            shown = [shown_text(heading) for heading in above]
            return _titled_card(shown) and not any(
                heading.tag in _STORY_HEADINGS
                or (
                    (text := _loose(printed))
                    and (text in headline or bool(headline and headline in text))
                )
                for heading, printed in zip(above, shown, strict=True)
            )
    return False


CARD_TITLE_WORDS = 3
"""Fewest words of a teaser card's title ("What shoppers want this winter") standing alone over
the byline: a heading of fewer alone is a label ("Analysis", "Sponsored"), which a story sets
over its own byline too."""


def _titled_card(headings: Sequence[str]) -> bool:
    """Whether the headings above a byline in its box (their text) hold a title of another
    story's card: a long one, or a kicker and a title, however short ("Neueröffnung", "Akzenta
    Dortmund")."""
    return len(headings) > 1 or any(
        len(heading.split()) >= CARD_TITLE_WORDS for heading in headings
    )


def _read_whole_inside(text: str, candidates: list[str]) -> str:
    """``text``, or the first byline among ``candidates`` that it holds and that reads as a byline
    to its end: an element's own byline, which the box around it runs into the date (its blocks'
    texts join with no space: "By Jane Doe, CNNUpdated 9:22 PM" holds "By Jane Doe, CNN")."""
    for inner in candidates:
        if inner != text and inner in text:
            byline = parse_byline(inner)
            if byline is not None and byline.printed == inner:
                return inner
    return text


_CONTROLS = ("form", "button", "select", "nav")


def _in_control(element: Any) -> bool:
    """An element of a form, button or menu ("Follow Author", "Author login"), or of the
    comments: such text is an action or a reader's name, never the article's byline."""
    for node in (element, *element.iterancestors()):
        if isinstance(node.tag, str) and (
            node.tag in _CONTROLS
            or _COMMENTS.search(f"{node.get('class') or ''} {node.get('id') or ''}")
        ):
            return True
    return False


def _first_line(element: Any) -> str | None:
    """The element's text up to its first ``<br>`` ("Written by A<br>Edited by B")."""
    parts: list[str] = []
    for node, text in shown_pieces(element):
        if node.tag == "br":
            break
        parts.append(text)
    else:
        return None
    return " ".join("".join(parts).split()) or None


def _furniture(text: str) -> bool:
    """A line of page furniture, or a row of it ("Sign In | Sign Up | Subscribe")."""
    parts = [part for part in ROW_SEPARATOR.split(text) if part.strip()]
    return any(furniture.is_furniture(part) for part in parts)


def _tidy_byline(text: str, names: list[str]) -> str:
    """A byline element often holds the date or a "Follow" button too: keep the part up to the
    last author's name, or up to the outlet the byline names after them ("By Jane Doe, CNN
    Updated 9:22 PM" -> "By Jane Doe, CNN"; never the date: "..., Reuters Published 6 Nov | Reuters"
    -> "..., Reuters")."""
    loose = text.casefold()
    end = max((loose.rfind(name) + len(name) for name in names if name in loose), default=-1)
    if 0 < end < len(text) and len(_loose(text[:end])) >= len(" ".join(names)) - 2:
        byline = parse_byline(text)
        if (
            byline is not None
            and byline.organisation
            and byline.printed.endswith(byline.organisation)
            and len(byline.printed) >= end
        ):
            return byline.printed
        if text[:end].count("(") > text[:end].count(")") and text[end:].startswith(")"):
            end += 1  # ("Jane Doe (with John Roe)": the bracket closes with the last name)
        cut = text[:end].rstrip(" ,;|·")
        return cut or text
    return text


def _strip_opening(blocks: list[Block], fields: dict[str, Any], byline: str | None) -> list[Block]:
    """Take the headline, deck, byline and date printed above the text out of the body (a
    picture among them, a lead picture under the headline, stays and is looked past)."""
    repeats = {
        _loose(text) for text in (fields.get("headline"), fields.get("subheadline"), byline) if text
    }
    kept = list(blocks)
    for block in [block for block in blocks if not isinstance(block, Figure)][:4]:
        if not isinstance(block, Paragraph | Heading):
            break
        text = block.text
        if _loose(text) in repeats:
            kept.remove(block)
        elif len(text) <= 60 and dates.parse_date(text) is not None:
            if fields.get("published") is None:
                fields["published"] = dates.parse_date(text).value  # type: ignore[union-attr]
            kept.remove(block)
        elif fields.get("byline") is None and byline is None and parse_byline(text):
            fields["byline"] = text
            kept.remove(block)
        else:
            break
    return kept


def _take_flags(blocks: list[Block], fields: dict[str, Any], context: Context) -> list[Block]:
    """Take the flag paragraphs ("EMBARGOED UNTIL ...", "FOR IMMEDIATE RELEASE") printed above
    the headline out of the body, as the text reader takes flag lines above a headline: kept as
    printed in extras (``html:flags``), the embargo they give read into its field."""
    flags: list[str] = []
    for block in blocks:
        # (placed: they are flags only over the page's headline, see below)
        if not (isinstance(block, Paragraph) and is_flag_line(block.text, placed=True)):
            break
        flags.append(block.text)
    under = blocks[len(flags)] if flags and len(flags) < len(blocks) else None
    headline = _loose(fields.get("headline") or "")
    if not isinstance(under, Paragraph | Heading) or _loose(under.text) != headline:
        return blocks  # (no headline under them: the text reader reads no flags either)
    fields["extras"][layout.FLAGS_KEY] = flags
    read_flags(flags, fields, context)
    return blocks[len(flags) :]


def _take_dateline(blocks: list[Block], fields: dict[str, Any]) -> list[Block]:
    dateline = fields.get("dateline")
    if isinstance(dateline, Dateline):
        blocks, fields["dateline"] = take_dateline(blocks, dateline)
        return blocks
    found = opening_dateline(blocks)
    if found is None:
        return blocks
    blocks, fields["dateline"] = take_dateline(blocks, found)
    return blocks
