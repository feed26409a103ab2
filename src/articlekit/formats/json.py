"""Canonical articlekit JSON, and JSON Lines (one article a line).

The writer is lossless: ``Article.model_validate(json.loads(write(a))) == a`` for every article.
The reader is strict, because canonical JSON is a contract: unknown keys, duplicate keys, NaN,
numbers too long to be real, lone surrogates and absurd nesting are errors with a line and column,
never silently accepted. A top-level array holds several articles. JSON Lines streams: each line
is read, checked and converted on its own, so a file of any size converts in bounded memory, and a
broken record is skipped with a ``json-article-skipped`` warning naming its line; a file none of
whose records could be read is an error (bad input, not an empty success).
"""

from __future__ import annotations

import codecs
import dataclasses
import json
import math
import os
from collections.abc import Iterator
from datetime import date, datetime, time
from typing import IO, Any

from pydantic import ValidationError

from articlekit import media
from articlekit._text import lazy_pattern
from articlekit.errors import ArticlekitError, InputError, no_article
from articlekit.model import (
    SCHEMA_VERSIONS,
    Article,
    describe_validation_error,
    first_problem_path,
    serializer_of,
)
from articlekit.registry import Context

MAX_NUMBER_LENGTH = 100
"""Longest number literal accepted; longer ones are hostile (and cost quadratic time to parse)."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object's members as a dict, refusing a repeated key (made by ``dict`` in C; only an
    object that lost a member to a repeat is looked at again, for the first repeated key)."""
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {key!r}")
            seen.add(key)
    return result


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _number(text: str) -> Any:
    if len(text) > MAX_NUMBER_LENGTH:
        raise ValueError(f"number with {len(text)} characters is too long")
    if any(char in text for char in ".eE"):
        value = float(text)
        if not math.isfinite(value):
            raise ValueError(f"number {text[:20]} is out of range")
        return value
    return int(text)


_DECODER = json.JSONDecoder(
    object_pairs_hook=_pairs,
    parse_constant=_reject_constant,
    parse_float=_number,
    parse_int=_number,
    strict=True,
)


def parse_json(text: str, *, line: int | None = None) -> Any:
    """Strict JSON with one-line errors; ``line`` is the record's line in a JSON Lines file."""
    try:
        return _DECODER.decode(text)
    except json.JSONDecodeError as error:
        error = _unterminated(error)
        # (the decoder's "Unterminated string starting at" ends where its position went: the
        # line and column are said before the message)
        said = error.msg.removesuffix(" at").removesuffix(" starting")
        raise InputError(
            f"invalid JSON: {said}",
            line=error.lineno if line is None else line,
            column=error.colno,
        ) from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply", line=line) from None
    except ValueError as error:
        raise InputError(f"invalid JSON: {error}", line=line) from None


def _unterminated(error: json.JSONDecodeError) -> json.JSONDecodeError:
    """A line break in a string (the decoder's "Invalid control character") as what it is: a
    string its line ends before closing (a JSON string holds no line break), at the string's
    start, as the decoder reports one the text ends in."""
    text, position = error.doc, error.pos
    if not error.msg.startswith("Invalid control character") or text[position] not in "\r\n":
        return error
    start = text.rfind('"', 0, position)
    while start > 0 and _escaped(text, start):
        start = text.rfind('"', 0, start)
    return json.JSONDecodeError("Unterminated string starting at", text, max(start, 0))


def _escaped(text: str, position: int) -> bool:
    """Whether the character at ``position`` is escaped: an odd run of backslashes before it
    (counted back one by one: a slice of the text before it, for each of a long string's escaped
    quotes, made a malformed file of megabytes take minutes)."""
    before = position
    while before > 0 and text[before - 1] == "\\":
        before -= 1
    return (position - before) % 2 == 1


def decode_json_bytes(data: bytes) -> str:
    """JSON text is UTF-8 (RFC 8259); a UTF-8 BOM is tolerated, anything else is an error.

    (What the ``utf-8-sig`` codec does, BOM cut first so that the decoding is bytes.decode's own
    UTF-8 in C rather than the codec's Python function; a byte's position counts after the BOM,
    as with that codec.)"""
    if data[:3] == codecs.BOM_UTF8:
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"JSON is not valid UTF-8 (byte {error.start})") from None


def with_media_files(article: Article, context: Context) -> Article:
    """The article with the media files it names (``--extract-media``) read back from the
    input's folder."""
    if not media.has_resources(article, loaded=False):
        return article
    named = context.path not in ("-", "") and not context.path.startswith("<")
    return media.load(article, os.path.dirname(context.path) or "." if named else None, context)


class JsonReader:
    keeps_empty = True  # (canonical JSON is the model's own form: every valid article reads back)

    def read(self, data: bytes, context: Context) -> Iterator[Article]:
        text = decode_json_bytes(data)
        document = parse_json(text)
        items = document if isinstance(document, list) else [document]
        for number, item in enumerate(items):
            if not isinstance(item, dict):
                raise InputError("a canonical JSON article must be an object")
            if not item:  # no schema_version, nothing of ninjs: what the README says is refused
                from articlekit.formats.ninjs.shape import empty_object

                raise empty_object()
            if "schema_version" not in item and _mostly_foreign(item):
                raise _of_neither(item)  # (not an article with mistakes: another JSON document)
            try:
                article = Article.model_validate(_upgraded(item))
            except ValidationError as error:
                where = (number,) if isinstance(document, list) else ()
                raise _invalid(error, text, where) from None
            yield with_media_files(article, context)


def _invalid(error: ValidationError, text: str, where: tuple[int, ...] = ()) -> InputError:
    """The error of an article that does not validate, at its first problem's line and column in
    ``text`` when the document shows where that is (``where``: the article's index in a list)."""
    path = first_problem_path(error)
    position = _position_of(text, (*where, *path)) if path is not None else None
    if position is None:
        return InputError(describe_validation_error(error))
    line = text.count("\n", 0, position) + 1
    column = position - text.rfind("\n", 0, position)
    return InputError(describe_validation_error(error), line=line, column=column)


_SPACE = lazy_pattern(r"[ \t\n\r]*")


def _after_space(text: str, position: int) -> int:
    """Where the JSON white space from ``position`` on ends."""
    found = _SPACE.match(text, position)
    return found.end() if found is not None else position


def _position_of(text: str, path: tuple[int | str, ...]) -> int | None:
    """Where the value at ``path`` (keys and indexes) stands in the JSON ``text`` (at its key, in
    an object), found by walking the text again; ``None`` when the text holds no such path."""
    position = at = _after_space(text, 0)
    for step in path:
        if text[position : position + 1] != ("{" if isinstance(step, str) else "["):
            return None
        position, index = _after_space(text, position + 1), 0
        while text[position : position + 1] not in ("", "}", "]"):
            value = position
            if isinstance(step, str):
                key, after = _DECODER.raw_decode(text, position)
                value = _after_space(text, _after_space(text, after) + 1)  # (after the colon)
                if key == step:
                    break
            elif index == step:
                break
            index += 1
            end = _after_space(text, _DECODER.raw_decode(text, value)[1])
            position = _after_space(text, end + 1) if text[end : end + 1] == "," else end
        else:
            return None
        at, position = position, value
    return at


FOREIGN_FROM = 3
"""Properties from which an object that is mostly none of an article's fields is taken for
another tool's document (fewer: an article's fields mistyped, named one by one)."""


def _mostly_foreign(item: dict[str, Any]) -> bool:
    """Whether an object of a few properties is mostly none of an article's fields."""
    known = len(Article.model_fields.keys() & item.keys())
    return len(item) >= FOREIGN_FROM and known * 2 < len(item)


def _of_neither(item: dict[str, Any]) -> InputError:
    """The error of a JSON object that is mostly other properties than an article's, without
    ninjs's (another tool's metadata, an API response): named as such, not as an article with
    unknown fields."""
    from articlekit.formats.ninjs.shape import EXPECTED

    foreign = [key for key in item if key not in Article.model_fields]
    shown = ", ".join(repr(key)[:40] for key in foreign[:3])
    more = ", ..." if len(foreign) > 3 else ""
    return InputError(f"{EXPECTED}: an object of other properties ({shown}{more})")


@dataclasses.dataclass(frozen=True)
class _KeptInExtras:
    """A field a schema version added, which the readers of earlier versions kept in extras."""

    field: str
    earlier: tuple[str, ...]
    """The schema versions before the field."""
    keys: tuple[str, ...]
    """Where they kept it: an ISO date-time, alone (ninjs), in a list (NewsML-G2) or as a
    ``@norm`` attribute (NITF)."""
    dates: bool
    """Whether a date alone is taken too (an embargo's is not: its end would be unsure)."""


def _before(version: str) -> tuple[str, ...]:
    return SCHEMA_VERSIONS[: SCHEMA_VERSIONS.index(version)]


KEPT_IN_EXTRAS = (
    _KeptInExtras(
        "embargoed",
        _before("1.3"),
        (
            "ninjs:embargoed",
            "newsml:itemMeta/embargoed",
            "nitf:docdata/date.release",
            "markdown:embargoed",
        ),
        dates=False,
    ),
    _KeptInExtras(
        "expires",
        _before("1.4"),
        (
            "ninjs:expires",
            "newsml:itemMeta/expires",
            "nitf:docdata/date.expire",
            "markdown:expiryDate",
            "markdown:expirydate",  # (Hugo's own spelling, kept as written before 1.4)
        ),
        dates=True,
    ),
)
"""The embargo (schema 1.3) and the expiry (1.4), and where articles read before kept them."""


def _upgraded(item: dict[str, Any]) -> dict[str, Any]:
    """A canonical document of an earlier schema with its embargo and expiry moved from extras,
    where the readers of its version kept them, into the fields 1.3 and 1.4 added (else every
    writer but the source's would drop them). A time without zone stays in extras."""
    for kept in KEPT_IN_EXTRAS:
        extras = item.get("extras")
        if (
            item.get("schema_version") not in kept.earlier
            or not isinstance(extras, dict)
            or item.get(kept.field) is not None
        ):
            continue
        for key in kept.keys:
            value = _extras_date(extras.get(key), kept.dates)
            if value is not None:
                rest = {name: other for name, other in extras.items() if name != key}
                item = {**item, kept.field: value.isoformat(), "extras": rest}
                break
    return item


def _extras_date(value: Any, dates: bool) -> date | datetime | None:
    """The aware date-time an old document's extras value gives ("...Z", ["...Z"], {"@norm":
    "20240602T060000Z"}), or, when ``dates``, a date alone ("2024-06-02", its midnight without
    zone as articlekit writes it), else ``None``."""
    from articlekit.prose.dates import parse_iso

    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if isinstance(value, dict) and set(value) == {"@norm"}:
        value = value["@norm"]
    parsed = parse_iso(value) if isinstance(value, str) else None
    if isinstance(parsed, datetime):
        if parsed.tzinfo is not None:
            return parsed
        return parsed.date() if dates and parsed.time() == time(0) else None
    return parsed if dates else None


class JsonWriter:
    def write(self, article: Article, context: Context) -> bytes:
        # model_dump_json's bytes, before it decodes them to text (to be encoded again here)
        return serializer_of(article).to_json(article, indent=2) + b"\n"


class JsonLinesReader:
    streaming = True
    keeps_empty = True

    def read(self, data: IO[bytes], context: Context) -> Iterator[Article]:
        records = articles = 0
        for number, line in self.records(data, context):
            records += 1
            for article in self.read_record(line, number, context):
                articles += 1
                yield article
        if records and not articles:
            raise no_article(records)

    def records(self, data: IO[bytes], context: Context) -> Iterator[tuple[int, bytes]]:
        """Each non-blank line with its number: the records a batch converts one by one."""
        number = 0
        while True:
            line = data.readline(context.max_bytes + 1)
            if not line:
                return
            number += 1
            if len(line) > context.max_bytes:
                raise InputError(f"line is longer than {context.max_bytes} bytes", line=number)
            if line.strip():
                yield number, line

    def read_record(self, line: bytes, number: int, context: Context) -> Iterator[Article]:
        """The article of one line; a broken record is skipped with a warning (the other records
        of an archive still convert)."""
        try:
            text = decode_json_bytes(line)
            if not text.strip():
                return
            item = parse_json(text, line=number)
            if not isinstance(item, dict):
                raise InputError("a JSON Lines record must be an object")
            if "schema_version" not in item and not _NINJS_KEYS.isdisjoint(item):
                yield from _ninjs_record(item, number, context)
                return
            article = Article.model_validate(_upgraded(item))
        except InputError as error:
            message = f"skipped: {error.message}"
            context.warn("json-article-skipped", message, line=number, column=error.column)
            return
        except ValidationError as error:
            invalid = _invalid(error, text)
            message = f"skipped: {invalid.message}"
            context.warn("json-article-skipped", message, line=number, column=invalid.column)
            return
        context.line = number
        first = len(context.warnings)
        article = with_media_files(article, context)
        _said_on_line(context, first, number)
        yield article


_NINJS_KEYS = frozenset({
    "uri", "guid", "type", "versioncreated", "versionCreated", "firstcreated", "firstCreated",
    "contentcreated", "contentCreated", "pubstatus", "pubStatus", "body_html", "body_text",
    "bodies", "headlines", "descriptions", "description_text", "associations", "renditions",
    "ninjsversion",
})  # fmt: skip
"""Keys of ninjs (1.x to 3.x, and Superdesk's, whose items carry a guid, not a uri) that no
canonical article has: a JSON Lines record without a schema version that holds one is ninjs."""


def _ninjs_record(item: dict[str, Any], number: int, context: Context) -> Iterator[Article]:
    """The articles of a ninjs item on a line of its own (an agency's feed delivers ninjs as JSON
    Lines): read as a ninjs file is; a broken one skipped with a warning, as any record."""
    from articlekit.formats.ninjs.read import read_document

    context.line = number
    first = len(context.warnings)
    try:
        articles = list(read_document(item, context))
    except ArticlekitError as error:
        context.warn("json-article-skipped", f"skipped: {error.message}", line=number)
        return
    finally:
        _said_on_line(context, first, number)
    yield from articles


def _said_on_line(context: Context, first: int, number: int) -> None:
    """The warnings from ``first`` on, about the record on line ``number`` (what a record's
    reading or its media files say, placed at that line where they name none)."""
    context.warnings[first:] = [
        warning if warning.line is not None else dataclasses.replace(warning, line=number)
        for warning in context.warnings[first:]
    ]


class JsonLinesWriter:
    concatenable = True

    def write(self, article: Article, context: Context) -> bytes:
        return serializer_of(article).to_json(article) + b"\n"


reader = JsonReader()
writer = JsonWriter()
lines_reader = JsonLinesReader()
lines_writer = JsonLinesWriter()
