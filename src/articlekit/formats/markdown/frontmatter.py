"""YAML front matter (and Hugo's TOML, read): read safely, mapped to article fields in the
conventions of Hugo and Jekyll.

Reading uses PyYAML's safe loader only (plain data: no tags that build objects) and bounds alias
expansion: the document's node graph is measured with its aliases expanded before anything is
built, and one that would grow beyond :data:`MAX_EXPANDED_NODES` (a "billion laughs") is refused.

=====================  ============================================================
front matter           article
=====================  ============================================================
``title``              headline
``subtitle``           subheadline
``date``               published
``lastmod``            updated (Jekyll's ``last_modified_at`` is read too)
``embargoed``          embargoed (a time without zone at UTC-12, so never lifted early), and
                       written to Hugo's ``publishDate`` too (a site holds the page back)
``expiryDate``         expires (Hugo's name: a site stops publishing the page then)
``author``/``authors`` authors (names; a string or a list, Jekyll's ``name`` objects too)
``description``        summary (``summary`` and Jekyll's ``excerpt`` are read too)
``tags``               keywords (Hugo's ``keywords`` is read too)
``categories``         subjects that have only a name
``slug``               slugline (written there when it can be a page's address)
``draft``              status: ``true`` is withheld, ``false`` usable
``lang``               language
``images``/``image``   kept in extras (``markdown:images``), written back as they were
``articlekit:``        every other field, as canonical JSON values, so nothing is lost
other keys             kept in extras as ``markdown:<key>`` and written back as they were
=====================  ============================================================

A value the article cannot hold (``title: [a, b]``, ``draft: "yes"``, ``authors: 42``, ``lang:
english``) is kept in extras as ``markdown:<key>`` with a warning, and the rest of the file is read;
so is a value JSON has no room for (``weight: .inf``, binary data), which becomes null.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from typing import Any, NamedTuple

from articlekit._text import lazy_pattern
from articlekit.errors import InputError
from articlekit.formats._iptc import language
from articlekit.formats.markdown.printed import prints_own_dateline
from articlekit.model import Article, Concept, is_author
from articlekit.registry import Context

MAX_EXPANDED_NODES = 100_000
"""Most YAML nodes front matter may hold once its aliases are expanded; real front matter has a
few dozen."""
NAMESPACE = "articlekit"
"""The front matter key holding the article fields with no common front matter name."""
_FENCE = lazy_pattern(r"\A(?:\ufeff)?(?:---|(?P<toml>\+\+\+))[ \t]*\r?\n")
_CLOSING = lazy_pattern(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
_TOML_CLOSING = lazy_pattern(r"^\+\+\+[ \t]*\r?$", re.MULTILINE)
COMMON = {
    "title": "headline",
    "subtitle": "subheadline",
    "date": "published",
    "lastmod": "updated",
    "embargoed": "embargoed",
    "expiryDate": "expires",
    "description": "summary",
    "slug": "slugline",
    "lang": "language",
}
"""Front matter keys and the article fields they hold one to one."""
READ_ALSO = {
    "last_modified_at": "updated",
    "expirydate": "expires",  # (Hugo's key as its own pages spell it)
    "summary": "summary",
    "excerpt": "summary",
    "language": "language",
}
"""Other spellings the reader takes (the writer uses :data:`COMMON`)."""
EMBARGO_MIRRORS = ("publishDate", "publishdate")
"""Hugo's key for the time a page may be published from (its pages spell it both ways): the
writer puts the embargo there too, so that a Hugo site holds an embargoed story back (it knows
no ``embargoed``), and the reader takes it for that copy when it holds the embargo's value (a
page's own ``publishDate`` is kept, as other keys are)."""
_HANDLED = set(COMMON) | set(READ_ALSO) | {
    "author", "authors", "tags", "keywords", "categories", "draft", NAMESPACE,
}  # fmt: skip


class Matter(NamedTuple):
    """Front matter as written: its text, and whether it is TOML (Hugo's ``+++`` fences)."""

    text: str
    toml: bool = False


def split(text: str) -> tuple[Matter | None, str, int]:
    """The front matter (or ``None``), the body, and the line the body starts on (1-based)."""
    opening = _FENCE.match(text)
    if opening is None:
        return None, text, 1
    toml = opening.group("toml") is not None
    closing = (_TOML_CLOSING if toml else _CLOSING).search(text, opening.end())
    if closing is None:
        fence = "+++" if toml else "---"
        raise InputError(f"the front matter opened with '{fence}' is never closed", line=1)
    matter = text[opening.end() : closing.start()]
    rest = text[closing.end() :]
    rest = rest[1:] if rest.startswith("\n") else rest
    body_line = text.count("\n", 0, closing.end()) + 2
    return Matter(matter, toml), rest, body_line


def _expanded_size(node: Any, sizes: dict[int, int]) -> int:
    """Nodes under ``node`` with every alias expanded (shared nodes counted once per use)."""
    key = id(node)
    if key in sizes:
        return sizes[key]
    sizes[key] = MAX_EXPANDED_NODES + 1  # a cycle expands without end
    size = 1
    value = node.value
    if isinstance(value, list):
        for item in value:
            children = item if isinstance(item, tuple) else (item,)
            for child in children:
                size += _expanded_size(child, sizes)
                if size > MAX_EXPANDED_NODES:
                    break
    sizes[key] = min(size, MAX_EXPANDED_NODES + 1)
    return sizes[key]


@functools.cache
def _loader() -> type[Any]:
    """YAML's safe loader, but a timestamp Python's dates cannot hold ("2024-06-05 24:00:00",
    "2024-02-30") stays text, for the date readers to read or report (it was an internal
    error)."""
    import yaml

    class Loader(yaml.SafeLoader):
        def construct_yaml_timestamp(self, node: Any) -> Any:
            try:
                return super().construct_yaml_timestamp(node)
            except ValueError:
                return self.construct_scalar(node)

    Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)
    return Loader


def load(matter: Matter) -> tuple[dict[str, Any], dict[str, int]]:
    """The front matter as plain data, and the line (in the front matter, 1-based) of each
    top-level key."""
    if matter.toml:
        return _load_toml(matter.text)
    import yaml

    loader = _loader()(matter.text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}
        if _expanded_size(node, {}) > MAX_EXPANDED_NODES:
            raise InputError(
                f"the front matter expands to more than {MAX_EXPANDED_NODES:,} YAML nodes "
                "through aliases (a 'billion laughs'); refused",
                line=2,
            )
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        raise InputError(
            f"invalid YAML front matter: {problem}",
            line=mark.line + 2 if mark is not None else None,
            column=mark.column + 1 if mark is not None else None,
        ) from None
    except yaml.YAMLError as error:
        raise InputError(f"invalid YAML front matter: {error}", line=2) from None
    except RecursionError:
        raise InputError("the front matter is nested too deeply", line=2) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise InputError("the front matter must be a mapping of keys to values", line=2)
    lines = {
        str(key.value): key.start_mark.line + 2
        for key, _ in node.value
        if isinstance(getattr(key, "value", None), str)
    }
    return data, lines


_TOML_KEY = lazy_pattern(
    r"^[ \t]*(?:\"([^\"\n]*)\"|'([^'\n]*)'|([A-Za-z0-9_-]+))[ \t]*=", re.MULTILINE
)
"""A key opening a TOML line ("title = ...", quoted too), for the lines of top-level keys."""
_TOML_TABLE = lazy_pattern(r"^[ \t]*\[", re.MULTILINE)


def _load_toml(matter: str) -> tuple[dict[str, Any], dict[str, int]]:
    """TOML front matter (Hugo's default) as plain data, and the line of each top-level key
    (those before the first table); read with the standard library's parser, which builds
    plain values only."""
    import tomllib

    try:
        data = tomllib.loads(matter)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        line, column = (int(found.group(1)) + 1, int(found.group(2))) if found else (2, None)
        problem = str(error).split(" (at line")[0]
        raise InputError(
            f"invalid TOML front matter: {problem}", line=line, column=column
        ) from None
    except RecursionError:
        raise InputError("the front matter is nested too deeply", line=2) from None
    table = _TOML_TABLE.search(matter)
    top = matter[: table.start()] if table else matter
    lines: dict[str, int] = {}
    for key in _TOML_KEY.finditer(top):
        name = next(group for group in key.groups() if group is not None)
        lines.setdefault(name, top.count("\n", 0, key.start()) + 2)
    return data, lines


def plain(value: Any, lost: list[Any] | None = None) -> Any:
    """A YAML value as JSON (dates become ISO text, keys text); ``None`` for what JSON lacks
    (binary data, infinity, not-a-number), each such value added to ``lost``."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): plain(item, lost) for key, item in value.items()}
    if isinstance(value, list | tuple | set):
        return [plain(item, lost) for item in value]
    if isinstance(value, bytes) or (isinstance(value, float) and not math.isfinite(value)):
        if lost is not None:
            lost.append(value)
        return None
    return value


def _text(value: Any) -> str | None:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = str(value).strip()
        return text or None
    return None


def _names(value: Any) -> tuple[list[str], list[Any]]:
    """Author names from ``author: Jane``, ``authors: [Jane, Joe]`` or ``{name: Jane}``, and
    the items that are no name (a number, a date, a list)."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    odd: list[Any] = []
    for item in items:
        named = item.get("name") or item.get("display_name") if isinstance(item, dict) else item
        if named is None or named == "":
            if isinstance(item, dict) and item:  # ({role: editor}: something, but no name)
                odd.append(item)
            continue
        if not isinstance(named, str):
            odd.append(item)
        elif named.strip():
            names.append(named.strip())
    return names, odd


def _words(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value] if value is not None else []
    if len(items) == 1 and isinstance(items[0], str) and "," in items[0]:
        items = items[0].split(",")
    return [text for item in items if (text := _text(item))]


def _date(value: Any, key: str, name: str, context: Context, extras: dict[str, Any]) -> Any:
    """A front matter date for the field ``name``; a time of day without a zone gets the zone
    the user chose (``-O timezone=...``), else only its date is kept (an embargo's time at
    UTC-12: :func:`~articlekit.prose.dates.embargo_zoned`), the text as written going to
    ``extras``."""
    from articlekit.prose.dates import embargo_zoned, parse_date, zoned
    from articlekit.prose.headers import placed_embargo, release_time

    if isinstance(value, datetime) and value.tzinfo is not None:
        from articlekit.model import offset_usable

        if offset_usable(value):
            return value
        value = value.replace(tzinfo=None)  # (an offset no zone has: as a time without zone)
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    naive = value if isinstance(value, datetime) else None
    text = value.isoformat() if naive is not None else _text(value)
    if naive is None and name == "embargoed":  # (read as the text reader reads its line)
        release = release_time(text) if text else None
        if release is None or release.date is None:  # (a site's own mark: "embargoed: true")
            context.warn(
                "markdown-value-invalid",
                f"{key} {_shown(value)} is not a date; it was kept in extras as markdown:{key}",
            )
            extras[f"markdown:{key}"] = plain(value)
            return None
        if release.date.naive is not None:
            extras[f"markdown:{key}"] = text
        return placed_embargo(release, text or "", key, context)
    if naive is None:
        parsed = parse_date(text) if text else None
        if parsed is None and value is None:
            return None  # ("date: ~": no date given)
        if parsed is None:  # (kept, as a key articlekit does not know would be)
            kept = plain(value)
            where = "left out" if kept is None else f"kept in extras as markdown:{key}"
            context.warn("date-unparsed", f"{key} {_shown(value)} is not a date; {where}")
            if kept is not None:
                extras[f"markdown:{key}"] = kept
            return None
        if parsed.naive is None:
            return parsed.value
        naive = parsed.naive
    extras[f"markdown:{key}"] = text
    place = embargo_zoned if name == "embargoed" else zoned
    return place(naive, text or "", key, context)


OWN_DATELINE = "dateline_in_body"
"""The ``articlekit:`` key saying that the story's first paragraph prints the dateline itself,
exactly as the writer prints it (see ``printed.prints_own_dateline``): the reader leaves it
there."""


def body_prints_dateline(data: dict[str, Any]) -> bool:
    """Whether the front matter says the story prints its dateline itself."""
    own = data.get(NAMESPACE)
    return isinstance(own, dict) and own.get(OWN_DATELINE) is True


def fields_from(
    data: dict[str, Any], lines: dict[str, int], context: Context
) -> tuple[dict[str, Any], dict[str, int]]:
    """Article fields from front matter, and the line each one came from."""
    reading = _Reading(lines, context)
    for key, name in {**COMMON, **READ_ALSO}.items():
        if key in data:
            with reading.at(key):
                reading.common(key, name, data[key])
    for key in ("authors", "author"):
        if key in data:
            with reading.at(key):
                reading.authors(key, data[key])
    keywords = _words(data.get("tags")) + _words(data.get("keywords"))
    reading.put("keywords", keywords, "tags" if "tags" in data else "keywords")
    subjects = [{"name": name} for name in _words(data.get("categories"))]
    reading.put("subjects", subjects, "categories")
    if data.get("draft") is not None:
        with reading.at("draft"):
            reading.draft(data["draft"])
    for key, value in data.items():
        if str(key) in EMBARGO_MIRRORS and value is not None and value == data.get("embargoed"):
            continue  # (the writer's copy of the embargo for Hugo)
        if str(key) not in _HANDLED:
            with reading.at(str(key)):
                reading.keep(str(key), value)
    own = data.get(NAMESPACE)
    if own is not None and not isinstance(own, dict):
        raise InputError(
            f"'{NAMESPACE}:' in the front matter must be a mapping", line=lines.get(NAMESPACE)
        )
    fields, where = reading.fields, reading.where
    for key, value in (own or {}).items():
        name = str(key)
        if name == OWN_DATELINE:
            continue  # (read by :func:`body_prints_dateline`)
        with reading.at(NAMESPACE):
            if name not in Article.model_fields or name in ("schema_version", "body"):
                context.warn(
                    "markdown-field-unknown",
                    f"'{NAMESPACE}: {name}' is not an article field; it was left out",
                )
                continue
            # the exact article value wins over the common names
            fields[name] = reading.json(f"'{NAMESPACE}: {name}'", value)
        where.setdefault(name, lines.get(NAMESPACE, 1))
    own_extras = fields.get("extras")
    if reading.extras and (own_extras is None or isinstance(own_extras, dict)):
        fields["extras"] = {**reading.extras, **(own_extras or {})}  # (else the article refuses it)
    return fields, where


@dataclass
class _Reading:
    """Front matter being read: a value the article cannot hold is kept in extras with a
    warning at its line, as ``markdown:<key>`` (the file is read all the same)."""

    lines: dict[str, int]
    context: Context
    fields: dict[str, Any] = field(default_factory=dict)
    where: dict[str, int] = field(default_factory=dict)
    extras: dict[str, Any] = field(default_factory=dict)

    def put(self, name: str, value: Any, key: str) -> None:
        if value is not None and value != [] and name not in self.fields:
            self.fields[name] = value
            if key in self.lines:
                self.where[name] = self.lines[key]

    @contextmanager
    def at(self, key: str) -> Iterator[None]:
        """Warnings given while ``key`` is read point at its line."""
        warnings = self.context.warnings
        mark = len(warnings)
        yield
        warnings[mark:] = [
            replace(warning, line=warning.line or self.lines.get(key))
            for warning in warnings[mark:]
        ]

    def json(self, label: str, value: Any) -> Any:
        """``value`` as JSON, saying what JSON has no room for (it becomes null)."""
        lost: list[Any] = []
        value = plain(value, lost)
        if lost:
            self.context.warn(
                "markdown-value-invalid",
                f"{label} holds {_shown(lost[0])}, which JSON cannot hold; it became null",
            )
        return value

    def keep(self, key: str, value: Any) -> None:
        self.extras[f"markdown:{key}"] = self.json(key, value)

    def refuse(self, key: str, value: Any, wanted: str) -> None:
        self.context.warn(
            "markdown-value-invalid",
            f"{key} {_shown(value)} is not {wanted}; it was kept in extras as markdown:{key}",
        )
        self.keep(key, value)

    def common(self, key: str, name: str, value: Any) -> None:
        """A key holding one article field (see :data:`COMMON`)."""
        if name in ("published", "updated", "embargoed", "expires"):
            self.put(name, _date(value, key, name, self.context, self.extras), key)
            return
        text = _text(value)
        if text is None:
            if value is not None and not isinstance(value, str):  # a list, a mapping, a yes
                self.refuse(key, value, "text")
            return
        if name == "language":
            tag = language(text, self.context, key)
            if tag is None:
                self.keep(key, value)
            self.put(name, tag, key)
            return
        if name == "headline" and "\n" in text:
            self.context.warn(
                "headline-joined",
                f"{key} spans {text.count(chr(10)) + 1} lines; they were joined into one",
            )
        self.put(name, text, key)

    def authors(self, key: str, value: Any) -> None:
        """The names are the authors; items that are no name are kept in extras (a list's other
        names still credit their authors: ``authors: [Jane Doe, 42]``)."""
        names, odd = _names(value)
        if odd:
            self.refuse(key, odd if isinstance(value, list) else value, "a name or names")
        if names or not odd:
            self.put("authors", [{"name": name} for name in names], key)

    def draft(self, value: Any) -> None:
        if isinstance(value, bool):
            self.put("status", "withheld" if value else "usable", "draft")
        else:
            self.refuse("draft", value, "true or false")


def _shown(value: Any) -> str:
    """A front matter value as a message shows it (YAML's spelling of infinity)."""
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else ".inf" if value > 0 else "-.inf"
    if isinstance(value, bytes):
        return "binary data"
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:39] + "…"


# --- writing -----------------------------------------------------------------------------------


def _date_value(value: date | datetime) -> str:
    return value.isoformat()


_EXPIRY_KEYS = ("markdown:expiryDate", "markdown:expirydate")
"""Where the reader keeps an expiry's time of day that had no zone (its date is the field)."""


def _expiry_value(expires: date | datetime, extras: dict[str, Any]) -> str:
    """``expiryDate``: a date alone as the time without zone the source gave on that day (the
    reader keeps it in extras, and takes it out of them here), as the NITF writer writes it back,
    else as the date. Hugo reads a date alone as its midnight: the page would expire up to a day
    before the source's time."""
    from articlekit.prose.dates import parse_date

    if not isinstance(expires, datetime):
        for key in _EXPIRY_KEYS:
            written = extras.get(key)
            if not isinstance(written, str):
                continue
            parsed = parse_date(written)
            if parsed is not None and parsed.naive is not None and parsed.value == expires:
                del extras[key]
                return written
    return _date_value(expires)


_URL_SLUG = lazy_pattern(r"\w[\w.-]*")
"""A slugline that can be a page's address, as Hugo and Jekyll make one of ``slug``: letters,
digits, ``-``, ``_`` and ``.`` (``Ferry-Plan``, ``fähre-plan``); one with a slash, spaces or
brackets ("Konflikte/Irak", "USA-WEATHER/ (UPDATE 1, PIX)") would make nested or odd addresses,
and stays under ``articlekit:``."""


def front_matter(article: Article) -> dict[str, Any]:
    """The front matter of an article: common names first, then ``articlekit:`` for the rest."""
    matter: dict[str, Any] = {}
    dumped = article.model_dump(mode="json")
    rest = dict(dumped)
    rest.pop("schema_version", None)
    rest.pop("body", None)

    def common(key: str, name: str, value: Any) -> None:
        matter[key] = value
        rest.pop(name, None)

    extras = dict(article.extras)
    if article.headline:
        common("title", "headline", article.headline)
    if article.subheadline:
        common("subtitle", "subheadline", article.subheadline)
    if article.published is not None:
        common("date", "published", _date_value(article.published))
    if article.updated is not None:
        common("lastmod", "updated", _date_value(article.updated))
    if article.embargoed is not None:
        common("embargoed", "embargoed", _date_value(article.embargoed))
        if not any(f"markdown:{key}" in extras for key in EMBARGO_MIRRORS):  # (the page's own)
            matter[EMBARGO_MIRRORS[0]] = matter["embargoed"]
    if article.expires is not None:
        common("expiryDate", "expires", _expiry_value(article.expires, extras))
    writers = [person.name for person in article.authors if is_author(person, article.byline)]
    if writers:  # (editors are no authors; with their roles they stay under articlekit:)
        matter["authors"] = writers
        if all(person.role is None and person.uri is None for person in article.authors):
            rest.pop("authors", None)
    if article.summary:
        common("description", "summary", article.summary)
    if article.keywords:
        common("tags", "keywords", list(article.keywords))
    names_only = [s.name for s in article.subjects if s.name and s == Concept(name=s.name)]
    if names_only:
        matter["categories"] = names_only
        if len(names_only) == len(article.subjects):
            rest.pop("subjects", None)
    if article.slugline and _URL_SLUG.fullmatch(article.slugline):
        common("slug", "slugline", article.slugline)
    if article.status in ("usable", "withheld"):
        common("draft", "status", article.status == "withheld")
    elif article.status == "canceled":  # a killed story: no site may publish it
        matter["draft"] = True  # (its status stays under articlekit:)
    if article.language:
        common("lang", "language", article.language)
    for key in list(extras):
        name = key.removeprefix("markdown:")
        if key.startswith("markdown:") and name not in _HANDLED and name not in matter:
            matter[name] = extras.pop(key)
    if extras:
        rest["extras"] = extras
    else:
        rest.pop("extras", None)
    if article.id == _derived_id(article):
        rest.pop("id", None)
    if prints_own_dateline(article):
        rest[OWN_DATELINE] = True
    if rest:
        matter[NAMESPACE] = rest
    return matter


def _derived_id(article: Article) -> str:
    from articlekit.model import content_id

    return content_id(article)


def dump(matter: dict[str, Any]) -> str:
    """YAML text for the front matter: block style, Unicode as is, keys in the order given."""
    import yaml

    # JSON round trip first: only plain data reaches the YAML writer.
    data = json.loads(json.dumps(matter))
    return str(
        yaml.safe_dump(
            data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100_000
        )
    )
