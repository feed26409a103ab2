"""Article metadata from a page's head: schema.org JSON-LD, Open Graph, ``<meta>``, the page itself.

Sources, in the order they win when they disagree (each field takes the first that has it):

1. schema.org JSON-LD: the ``NewsArticle`` / ``Article`` / ``BlogPosting`` / ... node, also inside
   ``@graph`` or as a page's ``mainEntity``, with ``@id`` references resolved;
2. schema.org microdata on the page (``itemprop="headline"``, ``author``, ``datePublished``);
3. Open Graph and ``article:*`` properties (``og:title``, ``article:published_time``, ...);
4. other ``<meta>`` names (``author``, ``description``, ``keywords``, Dublin Core, Parse.ly);
5. the page: ``<time datetime>``, ``<html lang>``, the ``<h1>`` and the deck printed under it,
   the ``<title>`` without the site name, a printed byline (``rel="author"``, ``class="byline"``).

When two sources give different values for the headline, the authors, the publication or update
time or the language, the first one is taken and an ``html-metadata-conflict`` warning names both.
The mapping between schema.org and the article is one table used both ways: the writer's JSON-LD
(:func:`jsonld_of`) reads back through :func:`fields_from_jsonld`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice, pairwise
from typing import Any, cast

from articlekit._text import lazy_pattern
from articlekit._xml import UNSHOWN, shown_text
from articlekit.formats.html.extract import hidden
from articlekit.model import (
    MAX_CAPTION_LENGTH,
    MAX_DIMENSION,
    Article,
    Concept,
    Media,
    is_author,
    is_safe_link,
)
from articlekit.prose.byline import AGENCIES, Byline
from articlekit.prose.dates import parse_date
from articlekit.prose.furniture import is_furniture
from articlekit.prose.headers import read_header
from articlekit.prose.stopwords import SENTENCE_ENDS
from articlekit.registry import Context

SCHEMA_ORG = "https://schema.org"
ARTICLE_TYPES = frozenset(
    {
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
        "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle",
        "AskPublicNewsArticle", "SatiricalArticle", "BlogPosting", "LiveBlogPosting",
        "SocialMediaPosting", "DiscussionForumPosting", "TechArticle", "ScholarlyArticle",
        "Report", "AdvertiserContentArticle", "MedicalScholarlyArticle",
    }
)  # fmt: skip
"""schema.org types whose node describes the article (``CreativeWork`` subtypes for stories)."""
MAX_JSONLD = 2 * 1024 * 1024
"""Largest JSON-LD script read; bigger ones are not metadata but data dumps."""
_PERSON_TYPES = {"Person"}
_ORGANISATION_TYPES = {"Organization", "NewsMediaOrganization", "Corporation", "NGO"}


# --- JSON-LD ----------------------------------------------------------------------------------


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type")
    names = value if isinstance(value, list) else [value]
    return {name.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for name in names if isinstance(name, str)}


def _nodes(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every object in a JSON-LD document, depth first (``@graph``, lists, nested values)."""
    if depth > 12:
        return
    if isinstance(value, dict):
        yield value
        for item in value.values():
            if isinstance(item, dict | list):
                yield from _nodes(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            yield from _nodes(item, depth + 1)


_WRAPPERS = lazy_pattern(
    r"<!--|-->|(?://|/\*)?\s*<!\[CDATA\[\s*(?:\*/)?|(?://|/\*)?\s*\]\]>\s*(?:\*/)?"
)


def read_jsonld(root: Any, context: Context) -> list[Any]:
    """The parsed JSON-LD scripts of the page (unreadable ones are reported and skipped)."""
    documents = []
    for script in root.iter("script"):
        kind = (script.get("type") or "").split(";")[0].strip().lower()
        if kind != "application/ld+json":
            continue
        text = (script.text or "").strip()
        if len(text) > MAX_JSONLD:
            context.warn("html-metadata-unreadable", "a JSON-LD script over 2 MB was skipped")
            continue
        # Pages wrap their JSON in HTML comments or CDATA markers more often than one would think:
        # the JSON is what lies between the first opening and the last closing bracket.
        text = _WRAPPERS.sub("", text)
        if not text.strip():
            continue
        starts = [index for index in (text.find("{"), text.find("[")) if index >= 0]
        end = max(text.rfind("}"), text.rfind("]"))
        if starts and end > min(starts):
            text = text[min(starts) : end + 1]
        try:
            documents.append(json.loads(text, strict=False))
        except (ValueError, RecursionError) as error:
            message = str(error).split(":")[0] if isinstance(error, ValueError) else "too deep"
            context.warn(
                "html-metadata-unreadable",
                f"a JSON-LD script is not valid JSON ({message}); it was skipped",
                line=script.sourceline,
            )
    return documents


@dataclass
class Graph:
    """The JSON-LD nodes of a page, by ``@id``, and the node that describes the article."""

    article: dict[str, Any] | None
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)

    def resolve(self, value: Any) -> Any:
        """A node given by reference (``{"@id": ...}``) replaced by the node itself."""
        if isinstance(value, dict) and set(value) == {"@id"}:
            return self.by_id.get(str(value["@id"]), value)
        return value


def article_graph(documents: list[Any]) -> Graph:
    """The article node among the JSON-LD documents: the first node of an article type (the one
    with a headline first), else the ``mainEntity`` of a web page."""
    by_id: dict[str, dict[str, Any]] = {}
    candidates: list[dict[str, Any]] = []
    for node in _nodes(documents):
        identifier = node.get("@id")
        if isinstance(identifier, str) and len(node) > 1:
            by_id.setdefault(identifier, node)
        if _types(node) & ARTICLE_TYPES:
            candidates.append(node)
    candidates.sort(key=lambda node: not isinstance(node.get("headline"), str))
    graph = Graph(candidates[0] if candidates else None, by_id)
    if graph.article is not None and set(graph.article) == {"@id", "@type"}:
        graph.article = by_id.get(str(graph.article["@id"]), graph.article)
    return graph


def _text(value: Any) -> str | None:
    """A single line of text from a JSON-LD value (strings, ``{"@value"}``, first of a list)."""
    if isinstance(value, list):
        value = next((item for item in value if _text(item)), None)
    if isinstance(value, dict):
        value = value.get("@value", value.get("name"))
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = " ".join(unescape_entities(value).split())
    return text or None


def unescape_entities(text: str) -> str:
    """HTML character references left in metadata values (``&amp;``, ``&#8217;``), decoded."""
    if "&" not in text:
        return text
    import html

    return html.unescape(text)


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _identifier(value: Any) -> str | None:
    text = _text(value) if not isinstance(value, dict) else _text(value.get("value"))
    return text if text and " " not in text else None


def _agent(graph: Graph, value: Any) -> tuple[str, dict[str, Any]] | None:
    """An author or publisher: ``(kind, fields)`` with kind ``person`` or ``organisation``."""
    value = graph.resolve(value)
    if isinstance(value, str):
        name = _text(value)
        if name is None or name.startswith(("http://", "https://")):
            return None
        return "person", {"name": name}
    if not isinstance(value, dict):
        return None
    name = _text(value.get("name"))
    if name is None:
        given, family = _text(value.get("givenName")), _text(value.get("familyName"))
        name = " ".join(part for part in (given, family) if part) or None
    if name is None:
        return None
    fields: dict[str, Any] = {"name": name}
    uri = _identifier(value.get("@id")) or _identifier(value.get("url"))
    if uri:
        fields["uri"] = uri
    role = _text(value.get("jobTitle"))
    if role:
        fields["role"] = role
    kind = "organisation" if _types(value) & _ORGANISATION_TYPES else "person"
    return kind, fields


def _concept(graph: Graph, value: Any) -> dict[str, Any] | None:
    value = graph.resolve(value)
    if isinstance(value, str):
        name = _text(value)
        return {"name": name} if name else None
    if not isinstance(value, dict):
        return None
    found = {
        "name": _text(value.get("name")),
        "code": _text(value.get("termCode")),
        "vocabulary": _identifier(value.get("inDefinedTermSet")),
        "uri": _identifier(value.get("@id")) or _identifier(value.get("url")),
    }
    found = {key: item for key, item in found.items() if item}
    return found if found.get("name") or found.get("code") or found.get("uri") else None


def _keywords(value: Any) -> list[str]:
    words: list[str] = []
    for item in _list(value):
        text = _text(item)
        if text is None:
            continue
        # A single string is a comma-separated list; list items are whole keywords.
        parts = text.split(",") if not isinstance(value, list) else [text]
        words.extend(part.strip() for part in parts if part.strip())
    return list(dict.fromkeys(words))


@dataclass
class Found:
    """Metadata candidates by article field, each with the source it came from."""

    candidates: dict[str, list[tuple[str, Any]]] = field(default_factory=dict)
    extras: dict[str, Any] = field(default_factory=dict)

    def add(self, name: str, source: str, value: Any) -> None:
        if value not in (None, "", [], {}):
            self.candidates.setdefault(name, []).append((source, value))

    def first(self, name: str) -> Any:
        found = self.candidates.get(name)
        return found[0][1] if found else None


def fields_from_jsonld(graph: Graph, found: Found, source: str = "JSON-LD") -> None:
    """Article fields from the JSON-LD article node (the inverse of :func:`jsonld_of`)."""
    node = graph.article
    if node is None:
        return
    found.add("id", source, _identifier(node.get("identifier")))
    # The page's address: the article's url, else the web page it is the main entity or part of
    # (Yoast and most WordPress sites put the article in a @graph beside its WebPage).
    for key in ("url", "mainEntityOfPage", "isPartOf"):
        page = graph.resolve(node.get(key))
        if isinstance(page, dict) and "WebPage" not in _types(page) and key == "isPartOf":
            continue
        found.add("url", source, _identifier(page.get("@id") if isinstance(page, dict) else page))
    version = node.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version >= 1:
        found.add("version", source, version)
    found.add("headline", source, _text(node.get("headline")))
    found.add("headline", f"{source} name", _text(node.get("name")))
    found.add("subheadline", source, _text(node.get("alternativeHeadline")))
    people: list[dict[str, Any]] = []
    organisations: list[dict[str, Any]] = []
    for value in _list(node.get("author")):
        agent = _agent(graph, value)
        if agent is None:
            continue
        if agent[0] == "organisation":
            organisations.append(agent[1])
        else:  # (one person, or a list of them the site put in one name)
            several = _several_people(agent[1]["name"])
            people.extend([{"name": name} for name in several] if several else [agent[1]])
    found.add("authors", source, people + organisations)
    publisher = _agent(graph, node.get("publisher"))
    if publisher is not None:
        found.add(
            "source",
            source,
            {key: publisher[1][key] for key in ("name", "uri") if key in publisher[1]},
        )
    for name, key in (
        ("published", "datePublished"),
        ("updated", "dateModified"),
        ("created", "dateCreated"),
    ):
        found.add(name, source, _text(node.get(key)))
    found.add("dateline", source, _text(node.get("dateline")))
    language = graph.resolve(node.get("inLanguage"))
    if isinstance(language, dict):
        language = language.get("alternateName") or language.get("name")
    found.add("language", source, _text(language))
    found.add("summary", source, _text(node.get("description")))
    found.add("keywords", source, _keywords(node.get("keywords")))
    subjects = [{"name": name} for name in _keywords(node.get("articleSection"))]
    subjects += [c for v in _list(node.get("about")) if (c := _concept(graph, v))]
    found.add("subjects", source, subjects)
    found.add("genres", source, [c for v in _list(node.get("genre")) if (c := _concept(graph, v))])
    places = [c for v in _list(node.get("contentLocation")) if (c := _concept(graph, v))]
    found.add("places", source, places)
    people_about: list[dict[str, Any]] = []
    organisations_about: list[dict[str, Any]] = []
    for mention in _list(node.get("mentions")):
        value = graph.resolve(mention)
        concept = _concept(graph, value)
        if concept is not None and isinstance(value, dict):
            kinds = _types(value)
            if kinds & _PERSON_TYPES:
                people_about.append(concept)
            elif kinds & _ORGANISATION_TYPES:
                organisations_about.append(concept)
    found.add("people", source, people_about)
    found.add("organisations", source, organisations_about)
    rights = {
        "holder": (_agent(graph, node.get("copyrightHolder")) or (None, {}))[1].get("name"),
        "notice": _text(node.get("copyrightNotice")),
        "usage_terms": _text(node.get("usageInfo")) or _text(node.get("license")),
    }
    found.add("rights", source, {key: value for key, value in rights.items() if value})
    images = [image for value in _list(node.get("image")) if (image := _image(graph, value))]
    found.add("media", source, featured_picture(images))


def _dimension(value: Any) -> int | None:
    if isinstance(value, dict):
        value = value.get("value")
    text = str(value).strip().removesuffix("px") if value is not None else ""
    return int(text) if text.isdigit() and 0 < int(text) <= MAX_DIMENSION else None


def _image(graph: Graph, value: Any) -> dict[str, Any] | None:
    """One image of the article: its address, size, caption, credit, photographer and copyright
    holder."""
    value = graph.resolve(value)
    if isinstance(value, str):
        value = {"url": value}
    if not isinstance(value, dict):
        return None
    url = _identifier(value.get("url")) or _identifier(value.get("contentUrl"))
    if url is None or not is_safe_link(url):
        return None
    creator = _agent(graph, value.get("creator") or value.get("author"))
    holder = _agent(graph, value.get("copyrightHolder"))
    image = {
        "uri": url,
        "width": _dimension(value.get("width")),
        "height": _dimension(value.get("height")),
        "caption": _text(value.get("caption")) or _text(value.get("description")),
        "credit": _text(value.get("creditText")) or _text(value.get("copyrightNotice")),
        "creator": creator[1]["name"] if creator else None,
        "holder": holder[1]["name"] if holder else None,
    }
    return {key: item for key, item in image.items() if item}


def featured_picture(images: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The page's images as the article's featured picture. Publishers list one picture in
    several crops (Google asks for 1:1, 4:3 and 16:9), so each image is a rendition of one
    picture; caption, credit, photographer and copyright holder come from the first image that
    gives them."""
    if not images:
        return []
    picture: dict[str, Any] = {"role": "featured", "renditions": []}
    for image in images:
        rendition = {key: image[key] for key in ("uri", "width", "height") if key in image}
        if rendition not in picture["renditions"]:
            picture["renditions"].append(rendition)
        if "caption" in image and "caption" not in picture:
            picture["caption"] = [{"text": image["caption"][:MAX_CAPTION_LENGTH]}]
        if "credit" in image and "credit" not in picture and len(image["credit"]) <= 1000:
            picture["credit"] = image["credit"]
        if "creator" in image and "creators" not in picture:
            picture["creators"] = [{"name": image["creator"]}]
        if "holder" in image and "rights" not in picture:
            picture["rights"] = {"holder": image["holder"]}
    return [picture]


# --- meta tags and the page -------------------------------------------------------------------

_META_FIELDS: dict[str, tuple[str, str]] = {
    # property or name (lower case): (article field, source label)
    "og:title": ("headline", "og:title"),
    "twitter:title": ("headline", "twitter:title"),
    "title": ("headline", "meta title"),
    "dc.title": ("headline", "Dublin Core"),
    "dcterms.title": ("headline", "Dublin Core"),
    "parsely-title": ("headline", "Parse.ly"),
    "og:description": ("summary", "og:description"),
    "description": ("summary", "meta description"),
    "twitter:description": ("summary", "twitter:description"),
    "dc.description": ("summary", "Dublin Core"),
    "dcterms.description": ("summary", "Dublin Core"),
    "article:published_time": ("published", "article:published_time"),
    "og:article:published_time": ("published", "article:published_time"),
    "parsely-pub-date": ("published", "Parse.ly"),
    "dc.date": ("published", "Dublin Core"),
    "dcterms.created": ("published", "Dublin Core"),
    "dc.date.issued": ("published", "Dublin Core"),
    "date": ("published", "meta date"),
    "pubdate": ("published", "meta pubdate"),
    "publishdate": ("published", "meta publishdate"),
    "article:modified_time": ("updated", "article:modified_time"),
    "og:updated_time": ("updated", "og:updated_time"),
    "dcterms.modified": ("updated", "Dublin Core"),
    "author": ("authors", "meta author"),
    "article:author": ("authors", "article:author"),
    "dc.creator": ("authors", "Dublin Core"),
    "dcterms.creator": ("authors", "Dublin Core"),
    "parsely-author": ("authors", "Parse.ly"),
    "sailthru.author": ("authors", "meta author"),
    "citation_author": ("authors", "citation_author"),
    "article:section": ("subjects", "article:section"),
    "parsely-section": ("subjects", "Parse.ly"),
    "article:tag": ("keywords", "article:tag"),
    "keywords": ("keywords", "meta keywords"),
    "news_keywords": ("keywords", "meta keywords"),
    "parsely-tags": ("keywords", "Parse.ly"),
    "og:site_name": ("source", "og:site_name"),
    "application-name": ("source", "meta application-name"),
    "og:locale": ("language", "og:locale"),
    "dc.language": ("language", "Dublin Core"),
    "content-language": ("language", "meta content-language"),
    "og:url": ("url", "og:url"),
    "og:image": ("image", "og:image"),
    "copyright": ("rights", "meta copyright"),
    "dc.rights": ("rights", "Dublin Core"),
}
_LISTS = {"authors", "keywords", "subjects"}


def fields_from_meta(root: Any, found: Found) -> None:
    """Candidates from ``<meta>`` tags (Open Graph, Twitter, Dublin Core, plain names)."""
    collected: dict[tuple[str, str], list[str]] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("http-equiv") or "").lower()
        mapped = _META_FIELDS.get(key.strip())
        content = _text(meta.get("content"))
        if mapped is None or content is None:
            continue
        collected.setdefault(mapped, []).append(content)
    # Open Graph and article:* first, then the rest, in the table's order.
    order = list(dict.fromkeys(_META_FIELDS.values()))
    order.sort(key=lambda item: not item[1].startswith(("og:", "article:")))
    for name, label in order:
        values = collected.get((name, label))
        if not values:
            continue
        if name == "authors":
            # Several tags name one author each, as written ("Jong, Michiel de" in Dublin
            # Core's inverted order); one tag may name several.
            split = (lambda v: [v.strip()]) if len(values) > 1 else _split_names
            names = [n for v in values for n in split(v) if not n.startswith("http")]
            found.add(name, label, [{"name": n} for n in dict.fromkeys(names)])
        elif name == "keywords":
            words = [w.strip() for v in values for w in v.split(",") if w.strip()]
            found.add(name, label, list(dict.fromkeys(words)))
        elif name == "subjects":
            found.add(name, label, [{"name": v} for v in dict.fromkeys(values)])
        elif name == "source":
            found.add(name, label, {"name": values[0]})
        elif name == "rights":
            found.add(name, label, {"notice": values[0]})
        elif name == "image":
            images = [{"uri": v} for v in values if _identifier(v) and is_safe_link(v)]
            found.add("media", label, featured_picture(images))
        elif name == "language":
            found.add(name, label, values[0].replace("_", "-"))
        else:
            found.add(name, label, values[0])
    # Open Graph's authors are addresses of their pages: the names the page links them with,
    # after the names other tags give (as written there, not in a link's capitals).
    linked = _linked_people(root, collected.get(("authors", "article:author"), []))
    found.add("authors", LINKED_AUTHORS, linked)


BYLINE_NAMES = lazy_pattern(
    r"(?:^|[-_\s])(?i:byline\w*|by-line|author\w*|writer)(?:$|[-_\s])"
    r"|(?<=[a-z])(?:Byline|Author|Writer)\w*(?:$|[-_\s])"  # camelCase: FeatureByline
)
"""Class, id, rel or itemprop words marking an element as the article's byline or author."""
_BY_LINE = lazy_pattern(r"(?i:by)\b")


LINKED_AUTHORS = "article:author links"
"""The source of authors named by the links to their ``article:author`` profile pages: a
printed byline naming someone else is trusted over them."""


def _linked_people(root: Any, values: list[str]) -> list[dict[str, str]]:
    """The authors an ``article:author`` gives as addresses of their profile pages (Open Graph's
    form, several tags or one of several addresses with commas): for each page, the first link to
    it whose text reads as one person's name ("More articles", "View all posts by ...", a
    handle are buttons), in the metadata's order. A site's front page is no profile."""
    wanted = [_address(uri) for value in values for uri in value.split(",") if "/" in uri]
    wanted = [address for address in wanted if address[1]]
    if not wanted:
        return []
    people: dict[tuple[str, str], dict[str, str]] = {}
    for link in root.iter("a"):
        host, path = _address(link.get("href") or "")
        for address in wanted:
            if (
                address[1] == path
                and host in ("", address[0])
                and address not in people
                and _in_byline(link)
            ):
                person = _person(_text(shown_text(link)) or "", address[0])
                if person is not None:
                    people[address] = person
    return [people[address] for address in dict.fromkeys(wanted) if address in people]


def _in_byline(link: Any) -> bool:
    """Whether a link stands where the page prints its byline: in an element marked as the
    author or byline, or in a short line beginning "By"; a menu's or a button's link to the same
    page ("All Stories", "Follow Jane") names no one."""
    for node in (link, *link.iterancestors()):
        if not isinstance(node.tag, str) or node.tag in ("nav", "form", "button", "body"):
            return False
        marks = " ".join(
            filter(None, (node.get(key) for key in ("class", "id", "rel", "itemprop")))
        )
        if marks and BYLINE_NAMES.search(marks) is not None:
            return True
        text = (_text(shown_text(node)) or "").strip()
        if len(text) <= 120 and _BY_LINE.match(text) is not None:
            return True
    return False


def _person(text: str, host: str) -> dict[str, str] | None:
    """The one person a profile link's text names ("By Jane Doe", "Jane Doe, Staff Writer"),
    read as the byline parser reads a byline ("Jane Doe - Staff Writer" as with a comma); a name
    in a script without capitals ("王小明", "राहुल शर्मा"), which that parser cannot tell, as it
    stands; none for a site's name, page furniture ("Contact Us") or several people."""
    from articlekit.prose.byline import parse_byline

    text = text.strip(" ,;|·")
    if not 1 < len(text) <= 100 or _names_site(text, host) or is_furniture(text):
        return None
    for reading in (text, _ROLE_DASH.sub(", ", text, count=1)):
        byline = parse_byline(reading, labelled=False)
        if byline is not None and byline.people:
            return byline.people[0] if len(byline.people) == 1 else None
    return {"name": text} if _uncased_name(text) else None


_ROLE_DASH = lazy_pattern(r"\s+[-–—]\s+")
"""A dash between a name and its role, as a comma is ("Jane Doe - Political Editor")."""


def _uncased_name(text: str) -> bool:
    """Whether a text is a few words of letters of a script without capitals (Chinese, Arabic,
    Devanagari): a name there cannot be told by its capitals."""
    words = text.split()
    return (
        0 < len(words) <= 4
        and len(text) <= 40
        and all(char.isspace() or unicodedata.category(char)[0] in "LM" for char in text)
        and not any(char.isupper() or char.islower() for char in text)
    )


def _names_site(text: str, host: str) -> bool:
    """Whether a link's text is an address or names the site it leads to ("Facebook" for a
    profile on facebook.com): a button, not the author's name."""
    return text.startswith("http") or _loose(text).replace(" ", "") in host.replace(".", "")


def _address(uri: str) -> tuple[str, str]:
    """A link's host (none for a relative link; without "www.") and path (without its closing
    slash), so that an absolute, a protocol-relative and a relative link to one page are alike."""
    path = uri.strip().split("#")[0].split("?")[0]
    host = ""
    if path.startswith(("http://", "https://", "//")):
        host, _, path = path.split("//", 1)[1].partition("/")
        path = "/" + path
    return host.lower().removeprefix("www."), path.rstrip("/").lower()


_NAME_SEPARATORS = lazy_pattern(r"\s*(?:,|;|\band\b|&|\|)\s*")


def _split_names(text: str) -> list[str]:
    from articlekit.prose.byline import byline_names, parse_byline

    names = byline_names(text) or text
    parts = [name.strip() for name in _NAME_SEPARATORS.split(names) if name.strip()]
    credited = parse_byline(names, labelled=False)
    if credited is not None and credited.organisation and credited.people:
        return _people_before_outlet(parts, credited)
    parts = [name for part in parts for name in _several_people(part) or [part]]
    # A part of one letter is no person ("Mac & i" is a magazine): the text is one name.
    return parts if all(len(part.rstrip(".")) > 1 for part in parts) else [names.strip()]


def _several_people(text: str) -> list[str] | None:
    """The people one author's name lists, joined as a byline joins them ("Jane Doe und John
    Roe", "Jane Doe, John Roe and Ann Poe": the byline parser knows the word for "and" of each
    language), each as written there; ``None`` for one person, an outlet, names with a job
    title ("José Ortega y Gasset" is one name), or a "name" of one word: a degree after the name
    ("Jane Doe, MD") or a surname written first ("Doe, Jane")."""
    from articlekit.prose.byline import parse_byline

    credited = parse_byline(text, labelled=False)
    if credited is None or credited.organisation or len(credited.people) < 2:
        return None
    names = [person["name"] for person in credited.people]
    if any(person.get("role") for person in credited.people) or any(
        name not in text or " " not in name.strip() for name in names
    ):
        return None
    return names


def _people_before_outlet(parts: list[str], credited: Byline) -> list[str]:
    """The authors an author tag names before its outlet ("Jane Doe and John Roe, CNN": the
    outlet is no author, nor an agency, nor a person's job title): the byline's people, each
    where the tag names them, and every other part as it stands (a one-word name the byline
    parser takes for no person, "Jane Doe, Cher, CNN", is still an author)."""
    people = [person["name"] for person in credited.people]
    skipped = {credited.organisation, *(person.get("role") for person in credited.people)}
    authors: list[str] = []
    for part in parts:
        if part not in skipped and part.casefold() not in AGENCIES:
            authors.extend([name for name in people if name in part] or [part])
    return list(dict.fromkeys(authors))


def fields_from_microdata(root: Any, found: Found) -> None:
    """Candidates from schema.org microdata inside the page (``itemprop`` attributes)."""
    headline = root.find(".//*[@itemprop='headline']")
    if headline is not None:
        found.add("headline", "microdata", _text(headline.get("content") or shown_text(headline)))
    names = []
    for element in root.iterfind(".//*[@itemprop='author']"):
        if _of_other_item(element):
            continue
        holders = _own_names(element) or [element]
        for holder in holders:
            name = _text(holder.get("content") or shown_text(holder))
            if name and len(name) <= 100 and not name.startswith("http"):
                names.extend(_split_names(name))
    found.add("authors", "microdata", [{"name": name} for name in dict.fromkeys(names)])
    for name, prop in (("published", "datePublished"), ("updated", "dateModified")):
        element = root.find(f".//*[@itemprop='{prop}']")
        if element is not None:
            value = element.get("content") or element.get("datetime") or shown_text(element)
            found.add(name, "microdata", _text(value))


def _own_names(author: Any) -> list[Any]:
    """The ``name`` properties of a microdata author, not of an item nested in it (the
    organisation a person ``worksFor`` is no author)."""
    return [
        holder
        for holder in author.iterfind(".//*[@itemprop='name']")
        if not _in_nested_item(holder, author)
    ]


def _in_nested_item(element: Any, item: Any) -> bool:
    for ancestor in element.iterancestors():
        if ancestor is item:
            return False
        if ancestor.get("itemscope") is not None:
            return True
    return False


_BESIDE_ARTICLE = frozenset({"ImageObject", "Photograph", "Comment", "UserComments"})
"""schema.org types of items printed beside the article whose author is not the article's: a
picture (its credit) and a reader's comment."""


def _of_other_item(element: Any) -> bool:
    """Whether a microdata property belongs to a picture or a comment in the page, not to the
    article (the item nearest around it says so)."""
    for ancestor in element.iterancestors():
        if ancestor.get("itemscope") is not None and ancestor.get("itemtype"):
            return bool(_types({"@type": ancestor.get("itemtype").split()}) & _BESIDE_ARTICLE)
    return False


def fields_from_heading(root: Any, found: Found) -> None:
    """The headline the article prints: the one ``<h1>`` of the page's ``<article>`` (the one
    with most text) or ``<main>``."""
    regions = list(root.iter("article")) or list(root.iter("main"))
    if not regions:
        return
    region = max(regions, key=lambda element: len(shown_text(element)))
    headings = list(region.iter("h1"))
    if len(headings) == 1:
        text = _text(shown_text(headings[0]))
        if text and len(text) <= 300:
            found.add("headline", HEADING_SOURCE, text)


_DECK_WORDS = frozenset(
    {"dek", "deck", "standfirst", "strapline", "subtitle", "subhead", "subheadline", "teaser"}
    | {"lede", "excerpt"}
)
"""Words a class or id names a deck with, as one part of its name or two run together
("td-post-sub-title", "jeg_post_subtitle", "headline-dek", German CMSs' "entry-teaser",
WordPress's "post-excerpt"); not a crosshead ("subheading", but see :func:`_marked_deck`) nor a
story's lead ("lead" is also a class's word for a first paragraph in big print; but see there)."""
_COMPONENTS = frozenset(
    {"video", "player", "audio", "promo", "related", "banner", "share", "sharing", "social"}
)
"""Words of a class naming a component of its own (a video player, a partner's banner, a share
bar), whose lines are no deck of the article's."""
_NAME_PARTS = lazy_pattern(r"[\s_-]+")
"""What parts a class attribute into its names and their words ("td-post-sub-title")."""
_TEASER_BOX = frozenset({"h2", "h3", "h4", "h5", "h6", "img", "picture", "a"})
"""What a teaser box of another story holds (its headline, picture, link), and the article's
own teaser line does not."""
_SET_APART = frozenset({"aside", "nav", "figure", "footer", "form"})
"""Elements whose text is no part of the story's opening (a sidebar, menu, picture, form)."""
_DECK_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6", "p", "div", "span"})
"""Elements a deck is printed in; others (lists, tables, links, times) print none."""
_NOT_IN_DECK = frozenset(
    {"div", "p", "section", "ul", "ol", "table", "figure", "img", "time", "h1", "h2", "h3"}
)
"""What a deck never holds: an element holding one is a box of several lines (a byline box with
a picture and a ``<time>``, a wrapper of the whole story)."""
_DECK_REACH = 1000
"""Characters of text after the headline within which its deck is looked for (a deck stands
over the story, above its first long paragraphs)."""
MAX_DECK = 400
"""Longest text a printed deck may have (longer is the story's first paragraph)."""
_SENTENCE_END = lazy_pattern(rf"""[{SENTENCE_ENDS}]["'”’»)\]]*$""")
"""How a paragraph of the story ends (a line of furniture, "SIGN UP FOR OUR NEWSLETTER", or a
byline run together with its date does not)."""
ROW_SEPARATOR = lazy_pattern(r"\s*[|·•]\s*")
"""What parts the items of a row of page furniture or header facts ("Sign In | Subscribe",
"Source • 02.02.2022")."""


PRINTED_DESCRIPTION = "printed description"
"""The candidate name (no field) of the description printed as a line of its own between the
headline and the story: the deck when the story's text leaves it out (see
:func:`fields_from_deck`)."""


def fields_from_deck(root: Any, found: Found) -> None:
    """The deck the page prints under the article's headline and above its first paragraph:
    an element marked as one (a ``dek``, ``standfirst`` or ``subtitle`` class,
    ``itemprop="alternativeHeadline"``), or a heading or an element of the headline's
    ``<header>`` that prints the page's description. The description stays the summary (it is
    the page's abstract); the printed line is the deck, as the line under a headline is in the
    other readers. Sidebars, menus, figures, teasers and players print none. Another line there
    that prints the description (a paragraph, a box of big print), or the line right under the
    headline or its ``<hgroup>`` that reads as a deck (:func:`_lead_line`), is kept as the
    :data:`PRINTED_DESCRIPTION`: it may be the story's first paragraph, so only the reader that
    sees the story's text can tell."""
    heading = _headline_heading(root, found)
    if heading is None:
        return
    descriptions = {_loose(value) for _, value in found.candidates.get("summary", [])}
    header = next((a for a in heading.iterancestors() if a.tag in ("header", "hgroup")), None)
    in_header = set(header.iter()) if header is not None else set()
    around = set(heading.iterancestors())
    grouped = header if header is not None and header.tag == "hgroup" else heading
    under = grouped.getnext()
    seen = 0
    printed = None
    for element in _following(heading):
        if element.tag in _DECK_TAGS and not _holds_blocks(element):
            marked = _marked_deck(element, element in in_header) and not _in_card(element, around)
            printing = element.tag[0] == "h" or element in in_header  # (the description)
            text = _text(shown_text(element))
            if text and not _header_row(text):
                described = _loose(text) in descriptions and not _lede(text)
                if (
                    len(text) <= MAX_DECK
                    and (marked or (printing and described))
                    and not _label(element, text)
                ):
                    found.add("subheadline", "the page's deck", text)
                    return
                if described or (element is under and _lead_line(element, text)):
                    printed = printed or text  # (a deck marked as one may follow it)
                if element.tag == "p" and _SENTENCE_END.search(text):
                    break  # (the story's first paragraph: a deck stands above it)
        seen += len((element.text or "").strip()) + len((element.tail or "").strip())
        if seen > _DECK_REACH:
            break
    if printed:
        _drop_printed_headings(root, found, heading)
    found.add(PRINTED_DESCRIPTION, "the page", printed)


_DATE_REACH = 1500
"""Characters of text after the headline within which its printed date is looked for (the
header's lines: byline, date, deck)."""
MAX_DATE_LINE = 200
"""Longest line read as a header line holding the date (longer is a paragraph)."""
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_DATE_LINES = _HEADINGS | {"p", "div", "span", "time", "address", "small", "em", "strong", "li"}
"""Elements a header line (a byline, a date) is printed in (a list item only when its class
names a date, see :func:`_beside_story`)."""
_LINE_BLOCKS = frozenset(
    {"div", "p", "section", "ul", "ol", "li", "table", "figure", "img", "header"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
)
"""What breaks an element into several lines: one holding any is no line of its own."""
_NOT_THE_STORYS = frozenset(
    {"a", "li", "ul", "ol", "dl", "blockquote", "button", "label", "figure", "figcaption", "aside"}
)
"""Elements whose dates are another story's, an event's, a list's, a quotation's, a picture's,
a sidebar's (a list item the page's class names a date, "date-and-time", is the header's)."""
_BLOCK_LINES = _HEADINGS | {"p", "div", "address"}
"""Elements that are a line of their own (others are one when no paragraph holds them)."""
_DATE_CLASSES = frozenset(
    {"date", "time", "datestamp", "timestamp", "pubdate", "published", "posted"}
)
"""Words of a class naming the element that prints a date ("date-and-time")."""
_OTHER_STORIES = lazy_pattern(
    r"(?i)\b(?:related|read (?:more|next)|more (?:from|stories|articles|news|on)\b|see also"
    r"|recommended|popular|trending|top stories|latest (?:news|stories)|you (?:may|might)"
    r"|most (?:read|viewed|shared)|editor[’']?s[’']? (?:picks?|choice))"
)
"""What the heading of a box of other stories says ("More from Jane Doe", "Most read",
"Editor's picks")."""
_OTHER_BOXES = frozenset(
    {"related", "more", "comment", "comments", "disqus", "recommended", "popular", "sidebar"}
    | {"aside", "caption", "figcaption"}
)
"""Words of a class or id naming a box of other stories, of readers' comments, a sidebar or a
picture's caption ("wp-caption-text")."""
_FIELD_LABEL = lazy_pattern(r"(?i)^(?:[^\d:]{1,30}:|when|where|date|dates|time)$")
"""A paragraph that is only a label ("Date:", "When"): the date of the next is an event's."""


def fields_from_printed_date(root: Any, found: Found) -> None:
    """The publication date the page prints in the article's header, between its headline and
    its first paragraph ("By Jane Doe | March 3, 2021", "Published 3 March 2021"), read as the
    text reader reads a header line, for a page whose metadata gives none. Only whole lines
    count (a date in a link, a list, a caption, a sidebar, a related box or after a label such
    as "When:" is another story's or an event's); an "Updated" line printed first gives the
    update, and only a labelled "Published" line after it the publication; the heading of a box
    of other stories or the story's paragraphs end the header. A missing date is better than a
    wrong one."""
    heading = _headline_heading(root, found)
    if heading is None:
        return
    deck = {_loose(value) for _, value in found.candidates.get("subheadline", [])}
    seen = prose = 0
    updated = after_label = False
    for element in _following(heading):
        if (
            element.tag in _DATE_LINES
            and _own_line(element)
            and (text := _text(shown_text(element)))
        ):
            if (
                len(text) <= MAX_DATE_LINE
                and not _beside_story(element, text)
                and (dated := _printed_dates(text))
            ):
                if after_label or (updated and not dated.labelled):
                    return  # (an event's date, or one after the update's: no publication's)
                kinds = dict(reversed(dated.dates))  # (each kind's first date)
                if "updated" in kinds and not updated:
                    updated = True
                    if "updated" not in found.candidates:  # (the metadata's wins)
                        printed = kinds["updated"].isoformat()
                        found.add("updated", "the page's printed date", printed)
                if "published" in kinds:
                    published = kinds["published"].isoformat()
                    found.add("published", "the page's printed date", published)
                    return  # (else a publication's labelled line may follow the update's)
            else:
                after_label = element.tag == "p" and bool(_FIELD_LABEL.match(text))
                if _OTHER_STORIES.search(text) and element.tag in _HEADINGS:
                    return
                if element.tag == "p" and _loose(text) not in deck:
                    prose += len(text) > MAX_DATE_LINE or bool(_SENTENCE_END.search(text))
                    if prose > 1 or len(text) > MAX_DECK:
                        return  # (the story has begun: a deck may stand above it, not two)
        seen += len((element.text or "").strip()) + len((element.tail or "").strip())
        if seen > _DATE_REACH:
            return


def _own_line(element: Any) -> bool:
    """Whether an element is a line of its own: it holds no other line, and is a block or an
    inline element of a box of header lines, not of a paragraph nor after a label ("Read more:
    <a>...</a> <small>March 3</small>", "When: <b>June 8</b>": their whole line is read)."""
    if any(inner.tag in _LINE_BLOCKS for inner in element.iterdescendants()):
        return False
    if element.tag in _BLOCK_LINES:
        return True
    block = next((a for a in element.iterancestors() if a.tag in _LINE_BLOCKS), None)
    in_paragraph = block is not None and block.tag == "p"
    return not in_paragraph and not _label_before(element).rstrip().endswith(":")


def _beside_story(element: Any, text: str) -> bool:
    """Whether an element (printing ``text``) is in a link, a list or a quotation (but for a
    list item the page's class names a date, "date-and-time", in a list of header facts), a
    figure, a sidebar, a box of other stories, of comments or a caption (by class or id:
    "related-story", "comments", "wp-caption"), or a picture's box whose only text it is (a
    byline's box with the author's photo has a name as well)."""
    dated_item = pictured = False
    for node in (element, *element.iterancestors()):
        if node.tag == "body":
            break  # (its classes say how the page is laid out: "layout--with-sidebar")
        words = _class_words(node.get("class")) | _class_words(node.get("id"))
        if node.tag == "li":
            dated_item = not _DATE_CLASSES.isdisjoint(words)
        listing = node.tag in ("li", "ul", "ol") and dated_item
        if (node.tag in _NOT_THE_STORYS and not listing) or not _OTHER_BOXES.isdisjoint(words):
            return True
        if not pictured and node.find(".//img") is not None:
            pictured = True
            if _text(shown_text(node)) == text:
                return True
    return False


@dataclass(frozen=True)
class _PrintedDates:
    """The dates a header line gives, as ``(kind, value)``, and whether a label names them
    ("Published March 5", not a bare "March 5")."""

    dates: list[tuple[str, date | datetime]]
    labelled: bool


def _printed_dates(line: str) -> _PrintedDates | None:
    """The dates a header line gives, ``published`` or ``updated``: alone, labelled, or after
    a byline, whose date is read as the text reader reads it (a labelled "Published ..." or
    "Posted on ..." too). A source before a date ("When: June 8") is no header of the page's."""
    from articlekit.prose.headers import header_dates

    header = read_header(line)
    if header is not None and header.kind == "byline":
        line = cast("Byline", header.value).date_text or ""
        header = read_header(line) if line else None
    if header is None or header.kind == "source_date" or not (dates := header_dates(header)):
        return None
    return _PrintedDates(dates, labelled=parse_date(line) is None)


def _headline_heading(root: Any, found: Found) -> Any | None:
    """The heading that prints the article's headline: the first ``<h1>`` (else ``<h2>``,
    ``<h3>``) whose text is a headline the metadata gives, or the ``<title>`` without the
    site's name; one in a breadcrumb trail (see :func:`in_breadcrumbs`) only when no other
    does. Another heading (a site's logo, "Westcliff Courier") has no deck under it."""
    headlines = [_loose(value) for _, value in found.candidates.get("headline", [])]
    title = root.find(".//title")
    if title is not None:
        headlines.append(_loose(shown_text(title)))
    crumbs = []
    for tag in ("h1", "h2", "h3"):
        for heading in root.iter(tag):
            text = _loose(shown_text(heading))
            if text and any(_prints_headline(text, headline) for headline in headlines):
                if not in_breadcrumbs(heading):
                    return heading
                crumbs.append(heading)
    return crumbs[0] if crumbs else None


_BREADCRUMBS = lazy_pattern(r"(?i)breadcrumb")


def in_breadcrumbs(element: Any) -> bool:
    """Whether an element stands in a breadcrumb trail or a menu (in a ``<nav>``, or an element
    whose attributes name breadcrumbs: a class, ``data-breadcrumb-headline``, schema.org's
    ``BreadcrumbList``); an element naming breadcrumbs that frames the story is no trail
    (``<body class="has-breadcrumbs">``: a theme's mark that the page has one somewhere)."""
    for node in (element, *element.iterancestors()):
        if node.tag == "nav" or (
            any(
                _BREADCRUMBS.search(name) or _BREADCRUMBS.search(value)
                for name, value in node.attrib.items()
            )
            and not _frames_story(node)
        ):
            return True
    return False


_STORY_TAGS = frozenset({"p", "article", "main"})
"""Elements that hold a story's text, which no breadcrumb trail does."""
TRAIL_ELEMENTS = 50
"""Elements a breadcrumb trail holds at most: a few links in list items, the headline's
heading; an element with more is a page's frame (looked at no further, however big)."""


def _frames_story(node: Any) -> bool:
    """Whether an element naming breadcrumbs is a page's frame rather than the trail: it holds a
    paragraph or the story, or more elements than a trail does."""
    held = islice(node.iter(), TRAIL_ELEMENTS + 1)
    return any(
        index == TRAIL_ELEMENTS or element.tag in _STORY_TAGS for index, element in enumerate(held)
    )


def _prints_headline(text: str, headline: str) -> bool:
    """Whether a heading's text is ``headline``, or most of it where the headline is a title
    with the site's name ("Quay reopens | Westcliff Courier"); both loose."""
    return text == headline or (
        len(text) * 2 > len(headline) and (headline.startswith(text) or headline.endswith(text))
    )


def _following(element: Any) -> Iterator[Any]:
    """The elements after ``element`` in document order (not those inside it), passing over
    those set apart from the story (see :func:`_set_apart`) with all they hold."""
    for node in (element, *element.iterancestors()):
        for sibling in node.itersiblings():
            yield from _unless_set_apart(sibling)


def _unless_set_apart(element: Any) -> Iterator[Any]:
    """``element`` and the elements inside it, in document order, but for those set apart."""
    if not isinstance(element.tag, str) or _set_apart(element):
        return
    yield element
    for child in element:
        yield from _unless_set_apart(child)


def _set_apart(element: Any) -> bool:
    """A sidebar, menu, figure or form, or a component of its own: a player, a banner, a share
    bar (whose text is the page's description, for the post it shares), or a teaser box of
    another story (a "teaser" class around a heading, picture or link); or what the page does
    not show (hidden, a template, a ``<noscript>``)."""
    if element.tag in _SET_APART or element.tag in UNSHOWN or hidden(element):
        return True
    words = _class_words(element.get("class"))
    if not _COMPONENTS.isdisjoint(words):
        return True
    return "teaser" in words and any(inner.tag in _TEASER_BOX for inner in element.iter())


def _class_words(classes: str | None) -> set[str]:
    """The words of an element's class names, small."""
    return set(_NAME_PARTS.split(classes.lower())) if classes else set()


def _marked_deck(element: Any, in_header: bool) -> bool:
    """Whether the element says it is the deck: ``itemprop="alternativeHeadline"``, or a class
    (or id) that has a deck's word (see :data:`_DECK_WORDS`) and no component's. In the
    headline's ``<header>`` a "subheading" or a "lead" is its deck (a crosshead, and a first
    paragraph in big print, are printed in the story): a class name that ends in "lead"
    ("article-lead", "c-lead--big" with a modifier), not one where it qualifies another word
    (the lead picture's caption, "lead-image-caption", or a label, "lead-label")."""
    if element.get("itemprop") == "alternativeHeadline":
        return True
    classes = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    words = _NAME_PARTS.split(classes)
    pairs = {first + second for first, second in pairwise(words)}
    names = pairs.union(words)
    deck_words = _DECK_WORDS | {"subheading"} if in_header else _DECK_WORDS
    lead = in_header and any(
        _NAME_PARTS.split(name.split("--")[0])[-1] == "lead" for name in classes.split()
    )
    return (lead or not deck_words.isdisjoint(names)) and _COMPONENTS.isdisjoint(words)


def _drop_printed_headings(root: Any, found: Found, headline: Any) -> None:
    """A deck the metadata gives (JSON-LD's ``alternativeHeadline``) that the page prints as a
    heading over its ``headline`` heading is none where the page prints a deck under it: it is
    a kicker, or (over a headline in breadcrumbs) the headline as the story prints it; a deck
    printed in a heading under the headline stays."""
    decks = found.candidates.get("subheadline")
    if not decks:
        return
    over = set()
    for element in root.iter("h1", *_HEADINGS):
        if element is headline:
            break
        if (text := _text(shown_text(element))) is not None:
            over.add(_loose(text))
    if in_breadcrumbs(headline):
        over |= {
            _loose(text)
            for element in root.iter(*_HEADINGS)
            if (text := _text(shown_text(element))) is not None
        }
    decks[:] = [deck for deck in decks if _loose(deck[1]) not in over]
    if not decks:
        del found.candidates["subheadline"]


def _lead_line(element: Any, text: str) -> bool:
    """Whether the line right under the headline (or its ``<hgroup>``) reads as a deck, or as
    the story's first paragraph: sentences no longer than a deck, no label, no lede opening
    with a dateline."""
    return (
        len(text) <= MAX_DECK
        and bool(_SENTENCE_END.search(text))
        and not _label(element, text)
        and not _lede(text)
    )


def _in_card(element: Any, around: set[Any]) -> bool:
    """Whether the element is in another story's card below the headline (``around``: the
    headline's ancestors): a list item with a link, or an ``<article>`` whose heading is a link,
    in a list of related stories whose "excerpt" or "teaser" line is no deck of this one's."""
    for ancestor in element.iterancestors():
        if ancestor in around:
            return False
        if ancestor.tag == "li" and ancestor.find(".//a") is not None:
            return True
        if ancestor.tag == "article" and any(
            heading.tag in _HEADINGS and heading.find(".//a") is not None
            for heading in ancestor.iter()
        ):
            return True
    return False


def _holds_blocks(element: Any) -> bool:
    """Whether the element holds several lines (see :data:`_NOT_IN_DECK`)."""
    return any(inner.tag in _NOT_IN_DECK for inner in element.iterdescendants())


def _header_row(text: str) -> bool:
    """A header line ("By ...") or a row holding a date ("Source • 02.02.2022"): no deck."""
    return read_header(text) is not None or any(
        parse_date(part) for part in ROW_SEPARATOR.split(text) if part
    )


_SMALL_WORD = lazy_pattern(r"\b[^\W\d_]*[^\W\d_A-Z][^\W\d_]+\b")
"""A word with small letters ("quay", "Harbour"), not a word in capitals ("DOWNLOAD", "h")."""
_DOWNLOAD = lazy_pattern(r"download|\.(?:mp3|m4a|ogg|pdf|zip|epub)(?:$|[?#])", re.IGNORECASE)
"""A link to a file to download, not to read."""


def _label(element: Any, text: str) -> bool:
    """A label, no deck: a single word ("Partner", "Analysis"), a few words in capitals
    ("MP3-DOWNLOAD (01:00 h)"), a picture's credit ("© Jane Doe"), a row of items ("von admin
    | Filed under: politics | 0"), or a download link."""
    if len(text.split()) < 2 or len(_SMALL_WORD.findall(text)) < 2 or text.startswith("©"):
        return True
    if len(ROW_SEPARATOR.split(text)) > 2:
        return True
    return any(_DOWNLOAD.search(link.get("href") or "") for link in element.iter("a"))


def _lede(text: str) -> bool:
    """A story's first paragraph, known by the dateline it opens with ("WESTCLIFF — ..."), a
    deck never has."""
    from articlekit.prose.dateline import split_dateline

    return split_dateline(text) is not None


def fields_from_page(root: Any, found: Found) -> None:
    """Candidates from the page itself: language, canonical link, ``<time>``, ``<title>``."""
    language = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    found.add("language", "<html lang>", _text(language))
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            found.add("url", "canonical link", _identifier(link.get("href")))
    update = None
    for time in root.iter("time"):
        value = _text(time.get("datetime"))
        if value and len(value) >= 10:
            if not _marked_update(time):
                found.add("published", "<time datetime>", value)
                break
            update = update or value
    found.add("updated", "<time datetime>", update)  # (used when nothing else gives one)
    title = root.find(".//title")
    if title is not None:
        found.add("title", "<title>", _text(shown_text(title)))


_UPDATE_MARKS = lazy_pattern(
    r"(?i)(?:^|[\s_-])(?:date)?(?:modified|updated|last[_-]?update|update[_-]?(?:date|time))"
    r"(?:$|[\s_-])"
)
"""A class or ``itemprop`` naming a time as the last change ("updated", "date-modified",
``dateModified``, "last-update"); not "update" alone, a word of other names ("js-update-me")."""
_UPDATE_LABEL = lazy_pattern(r"(?i)(?<!live\s)\b(?:updated?|modified)\b(?:\s+on)?\W*$")
"""A label printed just before a time that makes it the last change ("Last updated:"); a live
blog's "Live update:" prints a post's time."""


def _marked_update(time: Any) -> bool:
    """Whether a ``<time>`` gives the last change, not the publication: marked so (on it, or on
    the element around it when its own marks say nothing), not as the publication too (WordPress
    marks a story never changed ``class="entry-date published updated"``), or printed after an
    "Updated" label. A time marked the publication stays it whatever its container says."""
    parent = time.getparent()
    if "publish" in _marks(time).lower():
        return False
    for element in (time, parent):
        if element is not None and _UPDATE_MARKS.search(marks := _marks(element)):
            return "publish" not in marks.lower()
    label = _label_before(time)
    return bool(label and _UPDATE_LABEL.search(label))


def _label_before(element: Any) -> str:
    """The text printed just before an element in its line (a label: "Last updated:")."""
    before = element.getprevious()
    label = before.tail if before is not None else element.getparent().text
    if before is not None and not (label or "").strip():
        label = shown_text(before)
    return label or ""


def _marks(element: Any) -> str:
    """An element's class and ``itemprop``, which may name what its date is."""
    return f"{element.get('class') or ''} {element.get('itemprop') or ''}"


# --- resolving ---------------------------------------------------------------------------------


def _same(name: str, a: Any, b: Any) -> bool:
    """Whether two candidate values mean the same (different spellings of one value agree)."""
    if name == "headline":
        return _loose(a) in _loose(b) or _loose(b) in _loose(a)
    if name in ("published", "updated"):
        return _instant(a) == _instant(b) or _instant(a) is None or _instant(b) is None
    if name == "language":
        return str(a).split("-")[0].lower() == str(b).split("-")[0].lower()
    if name == "authors":
        left = {_loose(person["name"]) for person in a}
        right = {_loose(person["name"]) for person in b}
        return bool(left & right) or any(x in y or y in x for x in left for y in right)
    return True


def _loose(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _instant(text: str) -> date | datetime | None:
    parsed = parse_date(text)
    if parsed is None:
        return None
    value = parsed.value
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.date()
    return value


HEADING_SOURCE = "<h1>"
"""The source of the headline candidate the page prints in its ``<h1>``."""
_FALLBACKS = {"<time datetime>", "JSON-LD name"}
"""Sources used only when better ones are silent; their disagreement is not news."""
CONFLICTING = ("headline", "authors", "published", "updated", "language")
"""Fields whose disagreements are reported (others differ in wording all the time)."""


def _confirmed(candidates: list[tuple[str, Any]], confirmers: list[str]) -> tuple[str, Any]:
    """The first headline another source (or a heading of the page) agrees with, else the first:
    a JSON-LD headline that nothing else repeats is often a description in the wrong property.
    One that only its own node's ``name`` repeats (sites fill both from one field) gives way to
    a metadata headline the page prints as its heading (og:title naming the ``<h1>``)."""
    candidates = [c for c in candidates if c[0] not in _FALLBACKS] + [
        c for c in candidates if c[0] in _FALLBACKS
    ]
    printed = any(
        source != HEADING_SOURCE and any(_same("headline", value, h) for h in confirmers)
        for source, value in candidates
    )
    earliest = _confirmed_first(candidates, confirmers)
    if earliest is not None:
        return earliest
    for index, (source, value) in enumerate(candidates):
        others = [
            (other_source, other)
            for i, (other_source, other) in enumerate(candidates)
            if i != index and _same("headline", value, other)
        ]
        if any(_same("headline", value, other) for other in confirmers):
            return source, value
        if others and not (printed and all(o[0] == f"{source} name" for o in others)):
            return source, value
    return candidates[0]


def _confirmed_first(
    candidates: list[tuple[str, Any]], confirmers: list[str]
) -> tuple[str, Any] | None:
    """Where headlines that disagree are each printed as a heading of the page (the whole
    heading, the site's name after it aside), the one printed first: a page prints its headline
    over the deck it may set in a heading of the same rank (a second ``<h1>``), which a
    microdata headline may name. A fallback source (a node's ``name``: the site's, often) takes
    no part, and a heading confirms a title only to the end of one of its words: the site's
    logo ``<h1>`` ("Harbourpost") prints no ``Harbourpost.com`` title."""
    confirmed = []
    for candidate in candidates:
        if candidate[0] in _FALLBACKS:
            continue
        value = _loose(candidate[1])
        words = candidate[1].split()
        openings = {_loose(" ".join(words[:count])) for count in range(1, len(words) + 1)}
        place = next(
            (
                place
                for place, heading in enumerate(map(_loose, confirmers))
                if heading in openings and 2 * len(heading) > len(value)
            ),
            None,
        )
        if place is not None:
            confirmed.append((place, candidate))
    if len({place for place, _ in confirmed}) < 2:
        return None
    return min(confirmed, key=lambda found: found[0])[1]


def resolve(found: Found, context: Context, headings: Sequence[str] = ()) -> dict[str, Any]:
    """The winning value of every field, warning where sources disagree. A field takes its first
    candidate; the headline, the first one confirmed by another source or by ``headings``; the
    deck, the first that is not the headline again (a JSON-LD ``alternativeHeadline`` may repeat
    it: the page's printed deck, or its description, is the deck then)."""
    chosen: dict[str, Any] = {}
    for name, given in found.candidates.items():
        candidates = _not_the_headline(found, given, headings) if name == "subheadline" else given
        if not candidates:
            continue
        source, value = (
            _confirmed(candidates, list(headings)) if name == "headline" else candidates[0]
        )
        chosen[name] = value
        if name not in CONFLICTING:
            continue
        for other_source, other in candidates:
            if other_source not in _FALLBACKS and not _same(name, value, other):
                context.warn(
                    "html-metadata-conflict",
                    f"{name}: {source} says {_show(value)}, {other_source} says {_show(other)};"
                    f" took {source}",
                )
                break
    return chosen


def _not_the_headline(
    found: Found, decks: list[tuple[str, Any]], headings: Sequence[str]
) -> list[tuple[str, Any]]:
    """The deck's candidates but those that are the headline again."""
    if "headline" not in found.candidates:
        return decks
    headline = _loose(_confirmed(found.candidates["headline"], list(headings))[1])
    return [deck for deck in decks if _loose(deck[1]) != headline]


def _show(value: Any) -> str:
    if isinstance(value, list):
        value = ", ".join(str(item.get("name", item)) for item in value)
    text = str(value)
    return repr(text if len(text) <= 60 else text[:59] + "…")


# --- writing -----------------------------------------------------------------------------------


def _agent_jsonld(kind: str, name: str, uri: str | None, role: str | None = None) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": kind, "name": name}
    if uri:
        node["@id"] = uri
        if uri.startswith(("http://", "https://")):
            node["url"] = uri
    if role:
        node["jobTitle"] = role
    return node


def _concept_jsonld(concept: Concept, kind: str) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": kind}
    if concept.uri:
        node["@id"] = concept.uri
    if concept.name:
        node["name"] = concept.name
    if concept.code:
        node["termCode"] = concept.code
    if concept.vocabulary:
        node["inDefinedTermSet"] = concept.vocabulary
    return node


def _images_jsonld(media: Media) -> list[dict[str, Any]]:
    """``ImageObject`` nodes for the pictures search engines can fetch (web addresses only)."""
    if media.kind not in ("picture", "graphic"):
        return []
    nodes = []
    for rendition in media.renditions:
        if rendition.uri is None or not rendition.uri.startswith(("http://", "https://")):
            continue
        node: dict[str, Any] = {"@type": "ImageObject", "url": rendition.uri}
        if rendition.width:
            node["width"] = rendition.width
        if rendition.height:
            node["height"] = rendition.height
        if media.caption:
            node["caption"] = media.caption_text
        if media.credit:
            node["creditText"] = media.credit
        if media.creators:
            node["creator"] = {"@type": "Person", "name": media.creators[0].name}
        nodes.append(node)
    return nodes


def _date_text(value: date | datetime) -> str:
    return value.isoformat()


def jsonld_of(article: Article, printed_dateline: str | None) -> dict[str, Any]:
    """The schema.org ``NewsArticle`` of an article: what search engines read (headline, image,
    dates, author with name and URL, publisher), and what else schema.org has a property for."""
    node: dict[str, Any] = {"@context": SCHEMA_ORG, "@type": "NewsArticle"}
    node["identifier"] = article.id
    if article.id.startswith(("http://", "https://")):
        node["url"] = article.id
        node["mainEntityOfPage"] = article.id
    if article.version is not None:
        node["version"] = article.version
    if article.headline:
        node["headline"] = article.headline
    if article.subheadline:
        node["alternativeHeadline"] = article.subheadline
    for key, people in (
        ("author", [person for person in article.authors if is_author(person, article.byline)]),
        ("editor", [person for person in article.authors if not is_author(person, article.byline)]),
    ):
        if people:
            node[key] = [
                _agent_jsonld("Person", person.name, person.uri, person.role) for person in people
            ]
    if article.source is not None:
        node["publisher"] = _agent_jsonld("Organization", article.source.name, article.source.uri)
    for name, key in (
        ("published", "datePublished"),
        ("updated", "dateModified"),
        ("created", "dateCreated"),
    ):
        value = getattr(article, name)
        if value is not None:
            node[key] = _date_text(value)
    if printed_dateline:
        node["dateline"] = printed_dateline
    if article.language:
        node["inLanguage"] = article.language
    if article.summary:
        node["description"] = article.summary
    if article.keywords:
        node["keywords"] = list(article.keywords)
    sections = [s.name for s in article.subjects if s.name and s == Concept(name=s.name)]
    if sections:
        node["articleSection"] = sections
    coded = [s for s in article.subjects if not (s.name and s == Concept(name=s.name))]
    if coded:
        node["about"] = [_concept_jsonld(subject, "DefinedTerm") for subject in coded]
    if article.genres:
        node["genre"] = [_concept_jsonld(genre, "DefinedTerm") for genre in article.genres]
    if article.places:
        node["contentLocation"] = [_concept_jsonld(place, "Place") for place in article.places]
    mentions = [_concept_jsonld(p, "Person") for p in article.people]
    mentions += [_concept_jsonld(o, "Organization") for o in article.organisations]
    if mentions:
        node["mentions"] = mentions
    images = [image for media in article.media for image in _images_jsonld(media)]
    if images:
        node["image"] = images
    if article.rights is not None:
        if article.rights.holder:
            node["copyrightHolder"] = {"@type": "Organization", "name": article.rights.holder}
        if article.rights.notice:
            node["copyrightNotice"] = article.rights.notice
        if article.rights.usage_terms:
            node["usageInfo"] = article.rights.usage_terms
    return node
