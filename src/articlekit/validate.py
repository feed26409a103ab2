"""The rules behind ``articlekit validate``: one catalogue of stable codes, each rule a function.

A file is read with its format's reader; the rules then look at each article. Problems the reader
itself noticed (a headline that spanned lines, an unparsable date, a malformed language tag) come
as its warnings and are reported under the rule they belong to (:attr:`Rule.warnings`), so nothing
is reported twice. A format whose reader has ``schema_problems(data, folder)`` (NewsML-G2, NITF,
ninjs) is also checked against the official IPTC schema, when a schema folder is configured;
without one that rule is skipped with a notice.

Settings come from ``[tool.articlekit]`` in the nearest ``pyproject.toml`` above each file::

    [tool.articlekit]
    schemas = "../iptc-schemas"     # folder of the official IPTC schemas (AK011)
    select = ["ALL"]                # rules to run (codes, or "ALL"; default: every rule)
    ignore = ["AK006"]              # rules to skip
    max-headline-length = 120       # AK003
    min-duplicate-length = 40       # AK010: shorter repeated paragraphs are not reported
    future-tolerance-hours = 24     # AK006: how far ahead of now a date may be
    timezone = "Europe/Oslo"        # zone of date-times written without one (else: date only)

Many files are checked in parallel worker processes; results come back in input order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from articlekit._io import DEFAULT_MAX_BYTES
from articlekit._parallel import ordered_map
from articlekit._text import printable, shortened
from articlekit.config import Config, find_config
from articlekit.errors import UsageError
from articlekit.prose.dates import LATEST_ZONE

if TYPE_CHECKING:
    from articlekit.api import Result
    from articlekit.model import Article


@dataclass(frozen=True)
class Settings:
    """The rule settings that apply to one file."""

    selected: frozenset[str]
    max_headline_length: int = 120
    min_duplicate_length: int = 40
    future_tolerance_hours: int = 24
    schemas: Path | None = None


Finding = str | tuple[str, str]
ArticleCheck = Callable[["Article", Settings], Iterator[Finding]]
"""Yields a message per problem, or ``(message, where)`` naming the field or top-level block
(``headline``, ``body[3]``) so that the problem is reported at its line where the format knows
it."""


@dataclass(frozen=True)
class Rule:
    """One check with a stable code."""

    code: str
    name: str
    summary: str
    check: ArticleCheck | None = None
    """Looks at one article and yields a message per problem; ``None`` for file-level rules."""
    warnings: tuple[str, ...] = ()
    """Reader warning codes that are this problem (reported under this code, not twice)."""


RULES: dict[str, Rule] = {}


def _file_rule(code: str, name: str, summary: str, warnings: tuple[str, ...] = ()) -> None:
    RULES[code] = Rule(code, name, summary, None, warnings)


def _rule(
    code: str, name: str, warnings: tuple[str, ...] = ()
) -> Callable[[ArticleCheck], ArticleCheck]:
    """Register an article check; its docstring's first line is the rule's summary."""

    def register(check: ArticleCheck) -> ArticleCheck:
        summary = (check.__doc__ or "").strip().splitlines()[0]
        RULES[code] = Rule(code, name, summary, check, warnings)
        return check

    return register


_file_rule(
    "AK001",
    "unreadable-file",
    "The file (or a record of a JSON Lines file) cannot be read as an article of its format.",
    warnings=("json-article-skipped",),
)


@_rule("AK002", "missing-headline", warnings=("no-headline",))
def missing_headline(article: Article, settings: Settings) -> Iterator[Finding]:
    """The article has no headline (readers never guess one from the body)."""
    if article.headline is None:
        yield "the article has no headline"


@_rule("AK003", "headline-too-long")
def headline_too_long(article: Article, settings: Settings) -> Iterator[Finding]:
    """The headline is longer than ``max-headline-length`` characters (default 120)."""
    limit = settings.max_headline_length
    if article.headline is not None and len(article.headline) > limit:
        message = (
            f"headline is {len(article.headline)} characters long (max-headline-length {limit})"
        )
        yield message, "headline"


_file_rule(
    "AK004",
    "headline-multi-line",
    "The headline spans several lines in the file (the reader joined them).",
    ("headline-joined",),
)


@_rule(
    "AK005",
    "invalid-date",
    warnings=("date-unparsed", "date-time-without-zone", "time-zone-unknown", "date-zone-dropped"),
)
def invalid_date(article: Article, settings: Settings) -> Iterator[Finding]:
    """A date cannot be understood, has a time without a zone (or in one articlekit does not
    know), or is out of order (an expiry before the story is published or its embargo lifted:
    it can never run; a date alone is given the whole day wherever it is)."""
    published, updated = article.published, article.updated
    if published is not None and updated is not None and _instant(updated) < _instant(published):
        message = f"updated ({article.updated}) is earlier than published ({article.published})"
        yield message, "updated"
    expires = article.expires
    embargoed = article.embargoed
    if isinstance(embargoed, datetime) and embargoed.utcoffset() == LATEST_ZONE.utcoffset(None):
        embargoed = None  # (a time without zone kept at its latest: it may end much earlier)
    for name, value in (("published", published), ("embargoed", embargoed)):
        if expires is not None and value is not None and _last(expires) < _first(value):
            yield f"expires ({expires}) before {name} ({value}): it can never run", "expires"


@_rule("AK006", "future-date")
def future_date(article: Article, settings: Settings) -> Iterator[Finding]:
    """A date lies in the future (beyond ``future-tolerance-hours``, default 24)."""
    limit = datetime.now(UTC) + timedelta(hours=settings.future_tolerance_hours)
    for name in ("published", "updated", "created"):
        value = getattr(article, name)
        if value is not None and _instant(value) > limit:
            yield f"{name} ({value}) is in the future", name


@_rule("AK007", "invalid-language", warnings=("language-invalid",))
def invalid_language(article: Article, settings: Settings) -> Iterator[Finding]:
    """The language tag is malformed or uses an unregistered language or region subtag."""
    from articlekit._subtags import LANGUAGES, REGIONS, private_region

    if article.language is None:
        return
    parts = article.language.split("-")
    if len(parts[0]) == 2 and parts[0] not in LANGUAGES:
        message = f"language {article.language!r}: {parts[0]!r} is not an ISO 639-1 language code"
        yield message, "language"
    for part in parts[1:]:
        if len(part) == 1:
            break  # extensions and private use follow
        if len(part) == 2 and part.isalpha() and part not in REGIONS and not private_region(part):
            message = f"language {article.language!r}: {part!r} is not an ISO 3166-1 region code"
            yield message, "language"


@_rule("AK008", "empty-body")
def empty_body(article: Article, settings: Settings) -> Iterator[Finding]:
    """The article has no body text."""
    if not article.body:
        yield "the article has no body text", "body"


@_rule("AK009", "leftover-boilerplate")
def leftover_boilerplate(article: Article, settings: Settings) -> Iterator[Finding]:
    """The body still holds web page furniture: comment forms, share buttons, "Related" lists."""
    from articlekit.prose.boilerplate import find_leftovers

    texts = [_block_text(block) for block in article.body]
    found = find_leftovers(texts)
    for first, last in _runs(found):
        where = (
            f"paragraph {first + 1} looks"
            if first == last
            else f"paragraphs {first + 1}-{last + 1} look"
        )
        yield f"{where} like web page boilerplate: {_quote(texts[first])}", f"body[{first}]"


@_rule("AK010", "duplicate-paragraph")
def duplicate_paragraph(article: Article, settings: Settings) -> Iterator[Finding]:
    """A paragraph repeats an earlier one word for word (``min-duplicate-length`` characters up)."""
    from articlekit.model import Paragraph, iter_blocks

    seen: dict[str, int] = {}
    paragraphs = [
        (top, block.text)
        for top, outer in enumerate(article.body)
        for block in iter_blocks([outer])
        if isinstance(block, Paragraph)
    ]
    for number, (top, text) in enumerate(paragraphs, start=1):
        if len(text) < settings.min_duplicate_length:
            continue
        if text in seen:
            yield (
                f"paragraph {number} repeats paragraph {seen[text]}: {_quote(text)}",
                f"body[{top}]",
            )
        else:
            seen[text] = number


_file_rule(
    "AK011",
    "schema-invalid",
    "A NewsML-G2, NITF or ninjs file does not validate against the official IPTC schema.",
)
_file_rule(
    "AK012",
    "not-an-article",
    "The file (or an item in it) holds no article: a package, an event, an empty envelope.",
    ("ninjs-item-skipped", "empty-article-skipped"),
)

_file_rule(
    "AK013",
    "invisible-characters",
    "The text holds characters that do not show: direction overrides (U+202E), zero-width "
    "spaces, soft hyphens, a byte-order mark inside the text.",
    ("invisible-characters",),
)


@_rule("AK014", "media-undescribed")
def media_undescribed(article: Article, settings: Settings) -> Iterator[str]:
    """A picture, graphic, video or audio has neither a caption nor an alternative text."""
    for number, item in _numbered_media(article):
        if not item.caption and not item.alt_text:
            yield f"{_media_label(number, item)} has neither a caption nor an alt text"


@_rule("AK015", "media-uncredited")
def media_uncredited(article: Article, settings: Settings) -> Iterator[str]:
    """A picture, graphic or video has no credit: no credit line and no creator."""
    for number, item in _numbered_media(article):
        if item.kind != "audio" and not item.credit and not item.creators:
            yield f"{_media_label(number, item)} has no credit (credit line or creator)"


_file_rule(
    "AK016",
    "media-broken",
    "A media reference is broken: a file named by a relative path is missing or changed, "
    "embedded data is not base64, a URI is script, a size is absurd.",
    ("media-unresolved", "media-value-invalid"),
)


def _numbered_media(article: Article) -> Iterator[tuple[int, Any]]:
    from articlekit.model import iter_media

    yield from enumerate(iter_media(article), start=1)


def _media_label(number: int, item: Any) -> str:
    """``picture 2 (in the body)``, ``video 3 (featured, beside the body)``."""
    from articlekit.model import Figure

    where = "in the body" if isinstance(item, Figure) else f"{item.role}, beside the body"
    return f"{item.kind} {number} ({where})"


_BY_WARNING = {code: rule.code for rule in RULES.values() for code in rule.warnings}


def _instant(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime(value.year, value.month, value.day, tzinfo=UTC)


def _first(value: date | datetime) -> datetime:
    """The first moment a date (or date-time) can mean: a date alone where it begins first."""
    if isinstance(value, datetime):
        return value
    return datetime(value.year, value.month, value.day, tzinfo=timezone(timedelta(hours=14)))


def _last(value: date | datetime) -> datetime:
    """The last moment a date (or date-time) can mean: a date alone where it ends last."""
    if isinstance(value, datetime):
        return value
    start = datetime(value.year, value.month, value.day, tzinfo=timezone(timedelta(hours=-12)))
    return start + timedelta(days=1)


def _block_text(block: Any) -> str:
    return str(getattr(block, "text", ""))


def _runs(indexes: list[int]) -> Iterator[tuple[int, int]]:
    """Consecutive indexes grouped as (first, last)."""
    start = previous = None
    for index in indexes:
        if previous is not None and index == previous + 1:
            previous = index
            continue
        if start is not None and previous is not None:
            yield start, previous
        start = previous = index
    if start is not None and previous is not None:
        yield start, previous


def _quote(text: str) -> str:
    return repr(shortened(text, 60))


# --- settings ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Options:
    """What the command line says; picklable, so worker processes get it as it is."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    schemas: str | None = None
    source_format: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    reader_options: tuple[tuple[str, str], ...] = ()
    """``-O`` keys and values, for the reader (``timezone``: over ``[tool.articlekit]``'s)."""


def parse_codes(values: Sequence[str], where: str, path: str | None = None) -> tuple[str, ...]:
    """Rule codes from ``select``/``ignore`` values; ``ALL`` stands for every rule."""
    codes: list[str] = []
    for value in values:
        for word in str(value).replace(",", " ").split():
            code = word.upper()
            if code == "ALL":
                codes.extend(RULES)
            elif code in RULES:
                codes.append(code)
            else:
                raise UsageError(
                    f"unknown rule {code!r} in {where} (known: {', '.join(RULES)})", path=path
                )
    return tuple(codes)


def parse_selection(values: Sequence[str], where: str, path: str | None = None) -> tuple[str, ...]:
    """Like :func:`parse_codes`, but an empty selection is a mistake, not "check nothing"."""
    codes = parse_codes(values, where, path)
    if not codes:
        raise UsageError(f"no rule selected in {where}", path=path)
    return codes


MAX_SETTING = 1_000_000
"""Largest number a setting takes (a million hours is over a century)."""
KNOWN_SETTINGS = {
    "schemas", "select", "ignore", "max-headline-length", "min-duplicate-length",
    "future-tolerance-hours", "timezone",
}  # fmt: skip


def _integer(config: Config, key: str, default: int) -> int:
    value = config.settings.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_SETTING:
        raise UsageError(
            f"{key} in [tool.articlekit] must be a whole number from 0 to {MAX_SETTING}, "
            f"not {value!r}",
            path=str(config.path),
        )
    return value


def _check_keys(config: Config) -> None:
    unknown = sorted(set(config.settings) - KNOWN_SETTINGS)
    if unknown:
        raise UsageError(
            f"unknown setting {unknown[0]!r} in [tool.articlekit] "
            f"(known: {', '.join(sorted(KNOWN_SETTINGS))})",
            path=str(config.path),
        )


@cache
def _config_for_folder(folder: str) -> Config:
    return find_config(folder)


def settings_for(path: str, options: Options) -> Settings:
    """The settings for one file: command line over its ``[tool.articlekit]``, over defaults."""
    from articlekit.schemas import locate

    folder = os.path.dirname(os.path.abspath(path))
    config = _config_for_folder(folder)
    _check_keys(config)
    where = f"[tool.articlekit] of {config.path}"
    selected = options.select
    if selected is None:
        configured = config.settings.get("select")
        selected = (
            parse_selection(_strings(configured, "select", config), where, str(config.path))
            if configured is not None
            else tuple(RULES)
        )
    ignored = set(options.ignore)
    ignored.update(
        parse_codes(
            _strings(config.settings.get("ignore", []), "ignore", config), where, str(config.path)
        )
    )
    return Settings(
        selected=frozenset(selected) - ignored,
        max_headline_length=_integer(config, "max-headline-length", 120),
        min_duplicate_length=_integer(config, "min-duplicate-length", 40),
        future_tolerance_hours=_integer(config, "future-tolerance-hours", 24),
        schemas=locate(options.schemas, start=folder),
    )


def _strings(value: Any, key: str, config: Config) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    raise UsageError(
        f"{key} in [tool.articlekit] must be a list of rule codes", path=str(config.path)
    )


# --- checking files ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One problem in one file."""

    path: str
    code: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        return printable(
            f"{self.path}:{self.line or 1}:{self.column or 1}: {self.code} {self.message}"
        )

    def as_json(self) -> dict[str, Any]:
        """The problem in ``--format json``: at its line and column in the file, ``null`` where
        the file gives none (as ``convert --report`` does; the text form prints ``1:1`` there)."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "rule": RULES[self.code].name,
            "message": self.message,
        }


@dataclass
class FileReport:
    """The problems of one file, and notices about checks that could not run."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    schema_skipped: str | None = None
    """Why AK011 could not check the file (no schema for it, or one that cannot judge it)."""


def check_file(path: str, options: Options) -> FileReport:
    """Read one file and run every selected rule on it; never raises for a bad file."""
    from articlekit import _io, detect, registry
    from articlekit.api import TEXT_AS_WRITTEN, read_all
    from articlekit.errors import ArticlekitError, NotAnArticleError, UnknownFormatError

    report = FileReport(path)
    settings = settings_for(path, options)
    problems: list[Problem] = []

    def add(code: str, message: str, line: int | None = None, column: int | None = None) -> None:
        if code in settings.selected:
            problems.append(Problem(path, code, message, line, column))

    data = b""
    reader_name = None
    try:
        data, _ = _io.load(path, options.max_bytes)
        reader_name = detect.reader_for(path, data[: detect.HEAD_SIZE], options.source_format)
        if options.source_format is None:
            registry.check_unknown_options(dict(options.reader_options), reader_name, None)
        for result in read_all(
            data,
            format=reader_name,
            options=dict(options.reader_options),
            max_bytes=options.max_bytes,
            name=path,
        ):
            searched = _TextLines(data, result.value) if reader_name in TEXT_AS_WRITTEN else None
            for warning in result.warnings:
                code = _BY_WARNING.get(warning.code)
                if code is not None and code != "AK002":  # AK002 comes from the article
                    add(code, warning.message, warning.line, warning.column)
            for rule in RULES.values():
                if rule.check is not None and rule.code in settings.selected:
                    for found in rule.check(result.value, settings):
                        message, where = found if isinstance(found, tuple) else (found, None)
                        line = _line_of(where, result, searched)
                        add(rule.code, message, line, 1 if line else None)
    except NotAnArticleError as error:
        add("AK012", error.message, error.line, error.column)
    except UnknownFormatError as error:  # e.g. NewsML-G2 in an installation without its reader
        add("AK001", error.message, error.line, error.column)
    except UsageError:
        raise
    except ArticlekitError as error:
        add("AK001", error.message, error.line, error.column)
    if reader_name is not None and "AK011" in settings.selected:
        report.schema_skipped = _check_schema(reader_name, data, settings, add)
    report.problems = sorted(problems, key=lambda p: (p.line or 0, p.column or 0, p.code))
    return report


def _line_of(where: str | None, result: Result[Article], searched: _TextLines | None) -> int | None:
    """The line of ``where`` (a field, ``body[3]``): as the reader recorded it, else as the text
    shows it, else where the article starts (``None``: the file's start)."""
    if where:
        if where in result.locations:
            return result.locations[where]
        if searched is not None and result.line is None:  # (one article in the file)
            found = searched.line(where)
            if found is not None:
                return found
    return result.line


class _TextLines:
    """Where an article's headline, dates and top-level blocks stand in its text file, found by
    searching the file for them (a reader that knows the lines records them in
    ``Result.locations``; the plain-text reader does not): worked out once, when a problem first
    needs a line. A text not found (the reader changed it) has no line."""

    def __init__(self, data: bytes, article: Article) -> None:
        self._data = data
        self._article = article
        self._found: dict[str, int] | None = None

    def line(self, where: str) -> int | None:
        if self._found is None:
            self._found = _searched_lines(self._data, self._article)
        return self._found.get(where)


def _searched_lines(data: bytes, article: Article) -> dict[str, int]:
    from bisect import bisect_right

    from articlekit.errors import ArticlekitError
    from articlekit.model import iter_blocks
    from articlekit.prose.encoding import decode_text
    from articlekit.registry import Context

    try:
        text = decode_text(data, Context())
    except ArticlekitError:
        return {}
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    starts = [0]
    while (next_break := text.find("\n", starts[-1])) >= 0:
        starts.append(next_break + 1)
    found: dict[str, int] = {}
    position = 0
    probes = [("headline", article.headline or "")]
    for index, block in enumerate(article.body):  # in order: a repeated paragraph is found again
        inner = (getattr(part, "text", "") for part in iter_blocks([block]))
        probes.append((f"body[{index}]", next((words for words in inner if words), "")))
    ahead = 0  # (characters of the blocks since the last one found: where the next may be)
    for where, printed in probes:
        probe = _probe(printed)
        # (a probe the reader's normalising changed is not found: looked for within a window past
        # the blocks since the last one found, so that thousands of misses do not each scan the
        # rest of the file)
        window = len(text) if where == "headline" else position + ahead + SEARCH_WINDOW
        at = text.find(probe, position, window) if probe else -1
        ahead += len(printed)
        if at >= 0:
            found[where] = bisect_right(starts, at)
            position, ahead = at + len(probe), len(printed)
    header_end = found.get("body[0]", 40) - 1
    for number, line in enumerate(text.split("\n", header_end)[:header_end], start=1):
        for name in _dates_in(line, article):
            found.setdefault(name, number)
    return found


SEARCH_WINDOW = 65536
"""Characters after the last block found within which the next block's start is looked for."""


def _probe(printed: str) -> str:
    """The start of a text to look for: a few words, within one line of the file."""
    start = printed.split("\n", 1)[0][:40]
    return start.rsplit(" ", 1)[0] if len(start) == 40 and " " in start else start


def _dates_in(line: str, article: Article) -> Iterator[str]:
    """The article's date fields (``published``, ``updated``) that a header line prints."""
    from articlekit.prose.headers import read_header

    header = read_header(line) if line.strip() else None
    if header is None:
        return
    for part in header.value if header.kind == "several" else [header]:  # type: ignore[attr-defined]
        if part.kind in ("published", "updated"):
            name, printed = part.kind, part.naive or part.value
        elif part.kind == "source_date":
            name, printed = "published", part.value[1]
        else:
            continue
        value = getattr(article, name)
        if value is not None and isinstance(printed, date) and _day(printed) == _day(value):
            yield name


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


NO_SCHEMA = "no IPTC schema for it: see --schemas"


def _check_schema(
    reader_name: str, data: bytes, settings: Settings, add: Callable[..., None]
) -> str | None:
    """AK011 for formats whose reader can check a schema; why it had to be skipped, if it had."""
    from articlekit import registry
    from articlekit.errors import ArticlekitError

    try:
        reader = registry.get_reader(reader_name)
    except UsageError:
        return None
    schema_problems = getattr(reader, "schema_problems", None)
    if schema_problems is None:
        return None
    if settings.schemas is None:
        return NO_SCHEMA
    from articlekit.schemas import NotCheckable, SchemaMissing

    try:
        for problem in schema_problems(data, settings.schemas):
            add("AK011", problem.message, problem.line, problem.column)
    except SchemaMissing:
        return NO_SCHEMA  # the folder lacks this format's schema
    except NotCheckable as reason:
        return str(reason)  # the schema cannot judge the file
    except UsageError:
        raise  # a broken schema file: the user's to fix
    except ArticlekitError:
        pass  # unreadable: AK001 already says so
    return None


PARALLEL_FROM = 64
"""Below this many files one process is faster than starting workers."""


def check_files(
    paths: Sequence[str], options: Options, jobs: int | None = None
) -> list[FileReport]:
    """Reports for every file, in the order given; in parallel when there are many."""
    if len(paths) >= PARALLEL_FROM:
        # Configuration errors surface here, whole, before any worker starts (and settings are
        # cached for the workers to inherit).
        for path in {os.path.dirname(os.path.abspath(path)): path for path in paths}.values():
            settings_for(path, options)
    work = ((path, options) for path in paths)
    return list(ordered_map(_check_one, work, jobs=jobs, count=len(paths), minimum=PARALLEL_FROM))


def _check_one(work: tuple[str, Options]) -> FileReport:
    return check_file(*work)
