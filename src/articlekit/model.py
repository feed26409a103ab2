"""The canonical Article: the one model every reader produces and every writer consumes.

Nothing here is format-specific: words are newsroom words (headline, dateline, byline), never wire
words (hedline, qcode). The model is strict and normalising at once: it rejects what no article can
hold (control characters, naive date-times, malformed language tags, urgency 12) and normalises what
has one obvious canonical form (surrounding whitespace, runs of spaces, adjacent spans with the same
marks), so that two articles that mean the same thing compare equal.

Canonical JSON is ``Article.model_dump_json()``: defaults and empty values are left out, every other
field is kept, and ``Article.model_validate_json()`` reads it back to an equal article.
"""

import base64
import binascii
import functools
import hashlib
import inspect
import math
import operator
import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, Self, TypeAlias, get_args

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    JsonValue,
    PlainSerializer,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    StrictInt,
    Tag,
    ValidationError,
    WithJsonSchema,
    field_validator,
    model_serializer,
    model_validator,
)
from pydantic_core import SchemaSerializer

from articlekit._text import lazy_pattern, shortened
from articlekit.prose.controls import find_control, has_control, holds_marked, marking_table

SCHEMA_VERSION: Literal["1.4"] = "1.4"
"""Version of the canonical JSON layout. 1.1 added media (figures, associated media, embedded
resources) and tables, 1.2 the number a list starts at, 1.3 the embargo, 1.4 the expiry; a
document of an earlier version is a valid document of the current one and reads unchanged."""
SCHEMA_VERSIONS = ("1.0", "1.1", "1.2", "1.3", "1.4")
"""Versions this model reads; articles are always written as the current one."""

SCHEMA_ID = f"urn:articlekit:schema:article:{SCHEMA_VERSION}"

MAX_NESTING = 16
"""Deepest allowed nesting of quotes and lists; deeper input is hostile or broken."""
MAX_BLOCKS = 50_000
"""Most blocks in one body (nested ones and table cells included). Book-length stories have a
few thousand paragraphs, results tables (an election's by district, a season's fixtures, a
market's closing prices) tens of thousands of cells; an article of 50,000 holds some 90 MB. The
model refuses more, and readers stop early on input that would make more (a hostile input must
not fill memory with millions of tiny paragraphs or cells), so every article one format can
hold, every other format can write and read back."""
_AT_MOST_BLOCKS: dict[str, JsonValue] = {"maxItems": MAX_BLOCKS}
"""What the JSON Schema says of the lists the block limit bounds (the count of nested blocks and
cells, which the model checks too, is beyond a schema)."""
MAX_MARKUP_ELEMENTS = 2 * MAX_BLOCKS
"""Most block elements a markup reader takes in one body: more than ``MAX_BLOCKS``, because
markup spends more than one element on some blocks (NITF's ``bq/block``), so a written body of
``MAX_BLOCKS`` blocks always reads back."""
MAX_VERSION = 2**31 - 1
"""Largest revision number (a 32-bit integer, as agency systems store it)."""


# --- text types -------------------------------------------------------------------------------

_SPACES = lazy_pattern(r"[ \t\r\f\v]+")
_LINE_WHITESPACE = lazy_pattern(r"\s+")


def _check_characters(value: str) -> str:
    bad = find_control(value) if has_control(value) else None
    if bad is not None:
        code = ord(bad.group())
        kind = (
            "lone surrogate"
            if 0xD800 <= code <= 0xDFFF
            else "non-character"
            if code >= 0xFFFE
            else "control character"
        )
        raise ValueError(f"{kind} U+{code:04X} is not allowed in article text")
    return value


_UNNORMALISED_ASCII = marking_table(bytes([*range(0x20), 0x7F]))
"""The ASCII characters that are controls, or whitespace a block normalises (tab, line breaks),
marked for :func:`~articlekit.prose.controls.holds_marked`."""
_last_clean_span: list[str | None] = [None]
"""The text of the last span found clean (no controls, nothing for its block to normalise), so
that a paragraph of that one span skips a second scan of the same text (the common case: about
a quarter of an article's validation). Compared by identity, and only ever a text that was found
clean, so a stale or concurrent entry can only miss, never pass a text unchecked."""


def _span_text(value: str) -> str:
    """A span's text: no controls; and noted when its block has nothing to normalise in it."""
    if value.isascii():
        plain = not holds_marked(value.encode("ascii"), _UNNORMALISED_ASCII)
    else:
        plain = value.isprintable()  # controls, line breaks and spaces but " " are not
    if not plain:
        return _check_characters(value)
    if value and value[0] != " " and value[-1] != " " and "  " not in value:
        _last_clean_span[0] = value
    return value


def _single_line(value: str) -> str:
    if _is_plain_line(value):
        return value  # (most lines: a few tests in C instead of a pattern's substitution)
    return _normalised_line(value)


def _is_plain_line(value: str) -> bool:
    """Whether ``value`` is a line that :func:`_normalised_line` returns unchanged: printable
    (no controls, line breaks, non-characters or lone surrogates, and no whitespace but the
    space), not blank, with no space at either end and no run of spaces."""
    return (
        value.isprintable()
        and value != ""
        and value[0] != " "
        and value[-1] != " "
        and "  " not in value
    )


def _normalised_line(value: str) -> str:
    """One line: no controls, runs of whitespace made one space, trimmed, not empty."""
    _check_characters(value)
    value = _LINE_WHITESPACE.sub(" ", value).strip()
    if not value:
        raise ValueError("must not be empty or blank; leave the field out instead")
    return value


def _prose(value: str) -> str:
    _check_characters(value)
    lines = [_SPACES.sub(" ", line).strip() for line in value.replace("\r\n", "\n").split("\n")]
    value = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if not value:
        raise ValueError("must not be empty or blank; leave the field out instead")
    return value


_UNSAFE_LINK = lazy_pattern(r"^(?:javascript|vbscript|data):", re.IGNORECASE | re.ASCII)
"""Schemes are ASCII: "JAVASCRİPT:" (dotted İ) is no scheme a browser runs."""


_URL_IGNORED = str.maketrans("", "", "\t\n\r")
_URL_TRIMMED = "".join(chr(code) for code in range(0x21))


def is_safe_link(target: str) -> bool:
    """Whether a link target is a place to go, not script or inline data to run when clicked.
    Read as browsers read it (the WHATWG URL parser): controls and spaces around it trimmed, tabs
    and line breaks inside it removed, so ``java<TAB>script:`` is ``javascript:``."""
    return _UNSAFE_LINK.match(target.strip(_URL_TRIMMED).translate(_URL_IGNORED)) is None


def _link(value: str) -> str:
    value = _identifier(value)
    if not is_safe_link(value):
        raise ValueError("javascript:, vbscript: and data: links are not allowed")
    return value


def _identifier(value: str) -> str:
    value = _single_line(value)
    if " " in value:
        raise ValueError("identifiers and URIs must not contain whitespace")
    return value


# What the validators accept, as JSON Schema patterns, so that the published schema is as strict
# as the reader: no control characters, not blank, identifiers without whitespace.
_ALLOWED = r"[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]"
_VISIBLE = r"[^\s\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]"
_TEXT_SCHEMA = WithJsonSchema({"type": "string", "pattern": f"^{_ALLOWED}*{_VISIBLE}{_ALLOWED}*$"})
_IDENTIFIER_SCHEMA = WithJsonSchema({"type": "string", "pattern": f"^\\s*{_VISIBLE}+\\s*$"})

Line: TypeAlias = Annotated[str, AfterValidator(_single_line), _TEXT_SCHEMA]
"""One line of text: no line breaks, trimmed, runs of whitespace collapsed, not empty."""
Prose: TypeAlias = Annotated[str, AfterValidator(_prose), _TEXT_SCHEMA]
"""Free text that may hold line breaks (paragraphs separated by a blank line)."""
Identifier: TypeAlias = Annotated[str, AfterValidator(_identifier), _IDENTIFIER_SCHEMA]
"""An identifier, URI or URN: one token without whitespace."""
_SCRIPT_SCHEMES = "|".join(
    "".join(f"[{char.upper()}{char}]" for char in scheme) + ":"
    for scheme in ("javascript", "vbscript", "data")
)
LinkTarget: TypeAlias = Annotated[
    str,
    AfterValidator(_link),
    WithJsonSchema({"type": "string", "pattern": f"^\\s*(?!{_SCRIPT_SCHEMES}){_VISIBLE}+\\s*$"}),
]
"""A hyperlink target: an absolute URI or ``#anchor``, never script or inline data."""

# RFC 5646 well-formedness, without the reserved 4- and 5-8-letter primary subtags that no
# language has; whether subtags are registered is checked by `articlekit validate`.
_LANGUAGE_TAG = lazy_pattern(
    r"""^(?:
        (?P<language>[a-z]{2,3}(?:-[a-z]{3}){0,3})
        (?:-(?P<script>[a-z]{4}))?
        (?:-(?P<region>[a-z]{2}|[0-9]{3}))?
        (?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*
        (?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*
        (?:-x(?:-[a-z0-9]{1,8})+)?
      | x(?:-[a-z0-9]{1,8})+
      | i-[a-z]{2,8}
      | en-gb-oed | sgn-be-fr | sgn-be-nl | sgn-ch-de
    )$""",
    re.VERBOSE,
)


def _language_tag(value: str) -> str:
    tag = value.strip().replace("_", "-").lower()
    match = _LANGUAGE_TAG.match(tag)
    if match is None:
        raise ValueError(f"{value!r} is not a well-formed BCP 47 language tag")
    # Canonical case (RFC 5646 2.1.1): script in title case, region in upper case.
    parts = tag.split("-")
    for index in range(1, len(parts)):
        if parts[index - 1] in ("x", "") or len(parts[index - 1]) == 1:
            break  # private use and extensions keep lower case
        if len(parts[index]) == 4 and parts[index].isalpha() and match.group("script"):
            parts[index] = parts[index].title()
        elif len(parts[index]) == 2 and parts[index].isalpha():
            parts[index] = parts[index].upper()
    return "-".join(parts)


_GRANDFATHERED_PATTERN = "|".join(
    "[-_]".join("".join(f"[{c.upper()}{c.lower()}]" for c in part) for part in tag.split("-"))
    for tag in ("en-gb-oed", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de")
)
"""The grandfathered tags the validator accepts, in any case and with either separator."""
LanguageTag: TypeAlias = Annotated[
    str,
    AfterValidator(_language_tag),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": "^\\s*(?:[A-Za-z]{2,3}(?:[-_][A-Za-z]{3}){0,3}(?:[-_][A-Za-z]{4})?"
            "(?:[-_](?:[A-Za-z]{2}|[0-9]{3}))?(?:[-_](?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
            "(?:[-_][0-9A-WY-Za-wy-z](?:[-_][A-Za-z0-9]{2,8})+)*(?:[-_][Xx](?:[-_][A-Za-z0-9]{1,8})+)?"
            "|[Xx](?:[-_][A-Za-z0-9]{1,8})+|[Ii][-_][A-Za-z]{2,8}"
            f"|{_GRANDFATHERED_PATTERN})\\s*$",
        }
    ),
]
"""A well-formed BCP 47 language tag in canonical case, e.g. ``en-GB``, ``sr-Latn-RS``."""


def offset_usable(value: datetime) -> bool:
    """Whether an aware date-time's offset is one the model takes: whole minutes within ±14:00
    (what ISO 8601 zones and ``xs:dateTime`` allow); readers leave out a date with another."""
    offset = value.utcoffset()
    return offset is not None and not (
        offset.seconds % 60 or offset.microseconds or abs(offset) > timedelta(hours=14)
    )


def _usable_offset(value: datetime) -> datetime:
    if not offset_usable(value):
        raise ValueError("the time zone offset must be whole minutes within ±14:00")
    return value


_ISO_SHAPE = lazy_pattern(
    r"\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:[Zz]|[+-]\d{2}:?\d{2}))?"
)
"""The form of the ISO 8601 text the model takes; pydantic and :func:`offset_usable` then check
each part's range, and say which one is out of it."""
_ISO_DATE_OR_TIME = lazy_pattern(
    r"(?!0000)[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
    r"(?:[Tt ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?)?"
    r"(?:[Zz]|[+-](?:(?:0[0-9]|1[0-3]):?[0-5][0-9]|14:?00)))?"
)
"""The ISO 8601 text the model takes, ranges included, as the published JSON Schema states it (a
validator need not check ``format``): months, days, hours 00-23, minutes and seconds 00-59,
offsets within ±14:00; only a day the month lacks (``2023-02-30``) is left to ``format``. ASCII
digits spelt out: a validator's ``\\d`` may take other scripts' digits, which the model refuses."""


def _iso_text(value: Any) -> Any:
    """Dates in JSON are ISO 8601 text with a time zone when they have a time: no Unix
    timestamps, no "20200101", no naive times quietly cut to dates, no midnight whose offset no
    zone has quietly cut to its date ("T00:00:00+14:30", which the date-time refuses)."""
    if isinstance(value, str):
        text = value.strip()
        if not _ISO_SHAPE.fullmatch(text):
            raise ValueError("dates are ISO 8601: YYYY-MM-DD, or a date-time with its offset")
        if len(text) > 10:
            _usable_offset(datetime.fromisoformat(text.replace("z", "Z")))
    if isinstance(value, int | float):
        raise ValueError("dates are ISO 8601 text, not numbers")
    return value


DateOrDateTime: TypeAlias = Annotated[
    Annotated[AwareDatetime, AfterValidator(_usable_offset)] | date,
    BeforeValidator(_iso_text),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": f"^{_ISO_DATE_OR_TIME.pattern}$",
            "anyOf": [{"format": "date"}, {"format": "date-time"}],
        }
    ),
]
"""A date, or a date-time with a time zone offset that every format can write (ISO 8601 and
``xs:dateTime`` allow whole minutes up to ±14:00)."""
"""A timezone-aware date-time, or a calendar date alone when the source gives no time."""


_omit_empty = operator.not_
"""Whether a value is left out of canonical JSON: when empty (a C function, called for every
optional field of every block on every dump)."""


def Optional(description: str, **kwargs: Any) -> Any:
    """A field that is absent (``None``) unless the source gives it."""
    return Field(default=None, exclude_if=_omit_empty, description=description, **kwargs)


def Flag(description: str) -> Any:
    """A boolean that is false by default and left out of canonical JSON when false."""
    return Field(default=False, exclude_if=_omit_empty, description=description)


def Many(description: str, **kwargs: Any) -> Any:
    """A list field, empty by default and left out of canonical JSON when empty."""
    return Field(
        default_factory=_no_items, exclude_if=_omit_empty, description=description, **kwargs
    )


_no_items: functools.partial[list[Any]] = functools.partial(list)
"""A new empty list, made by ``list`` itself, with its signature given: pydantic reads the
signature of a field's default factory when it builds the validator, and ``list``'s (parsed from
its text signature) costs 0.3 ms a field, 5 ms of the Article's build at every start-up."""
_no_items.__signature__ = inspect.Signature()  # type: ignore[attr-defined]


class _Model(BaseModel):
    # Assignments are validated too: an article edited in code stays one every writer can write.
    # Built on first use (defer_build): a conversion never pays for models it does not use.
    model_config = ConfigDict(extra="forbid", validate_assignment=True, defer_build=True)


def _require_one(schema: dict[str, Any], model: type) -> None:
    """The JSON Schema side of ``_AtLeastOne``: one of the fields, and not null."""
    schema["anyOf"] = [
        {"required": [name], "properties": {name: {"not": {"type": "null"}}}}
        for name in getattr(model, "_required", ())
    ]


class _AtLeastOne(_Model):
    """A group of optional fields of which at least one must be given (``_required``)."""

    model_config = ConfigDict(json_schema_extra=_require_one)
    _required: ClassVar[tuple[str, ...]]

    @model_validator(mode="after")
    def _not_empty(self) -> "_AtLeastOne":
        if all(getattr(self, name) is None for name in self._required):
            names = ", ".join(self._required)
            raise ValueError(f"{type(self).__name__.lower()} needs at least one of: {names}")
        return self


# --- people, organisations, concepts ------------------------------------------------------------


class Person(_Model):
    """Someone credited for the article."""

    name: Line = Field(description="The name as credited, e.g. ``Jane Doe``.")
    role: Line | None = Optional(
        "What they did, e.g. ``reporter``, ``photographer``, ``AP Sports Writer``."
    )
    uri: Identifier | None = Optional(
        "A stable identifier of the person, when the source gives one."
    )


EDITOR_ROLE = "editor"
"""The role code ninjs and NewsML-G2 give a person credited as the article's editor."""


def is_author(person: Person, byline: str | None) -> bool:
    """Whether a person credited for the article (:attr:`Article.authors`) wrote it: anyone the
    printed ``byline`` names, whatever their role ("By Jane Doe, editor"), and anyone else but
    its editor (role ``editor``, as ninjs credits one), whom pages list apart (schema.org
    ``editor``)."""
    return person.role != EDITOR_ROLE or _names(byline or "", person.name)


_WORD = lazy_pattern(r"\w+")


def _names(byline: str, name: str) -> bool:
    """Whether ``byline`` prints each word of ``name`` ("Jane Q. Doe" prints "Jane Doe")."""
    printed = set(_WORD.findall(byline.casefold()))
    return set(_WORD.findall(name.casefold())) <= printed


class Source(_Model):
    """The publisher, provider or credit of the article."""

    name: Line = Field(description="Display name, e.g. ``Orinoco Tribune``, ``dpa``.")
    uri: Identifier | None = Optional("URI or code identifying the source, when known.")


class Concept(_AtLeastOne):
    """A coded or named thing: a subject, place, person, organisation or genre."""

    name: Line | None = Optional("Readable name, e.g. ``politics``.")
    code: Line | None = Optional("Code within its vocabulary, e.g. ``11000000``.")
    vocabulary: Identifier | None = Optional(
        "The vocabulary: its URI (preferred) or the scheme alias the source used, e.g. ``medtop``."
    )
    uri: Identifier | None = Optional("The concept's own URI, when the source gives one.")

    _required = ("name", "code", "uri")


class Dateline(_AtLeastOne):
    """The place (and optional date and agency) that opens the story: ``CARACAS, Oct 6 (AP) —``."""

    place: Line | None = Optional(
        "Where the story was filed, as printed, e.g. ``BUENOS AIRES, Argentina``."
    )
    date_text: Line | None = Optional("The date as printed in the dateline, e.g. ``Oct 6``.")
    agency: Line | None = Optional("The agency named in parentheses, e.g. ``Reuters``.")

    _required = ("place", "date_text", "agency")


class Rights(_AtLeastOne):
    """Copyright and usage."""

    holder: Line | None = Optional("Who holds the copyright.")
    notice: Prose | None = Optional(
        "The copyright notice as printed, e.g. ``(c) 2023 Example News``."
    )
    usage_terms: Prose | None = Optional("Terms under which the article may be used.")

    _required = ("holder", "notice", "usage_terms")


# --- body -----------------------------------------------------------------------------------------


class Span(_Model):
    """A run of text with the same inline marks. ``\\n`` inside ``text`` is a hard line break."""

    text: Annotated[
        str,
        AfterValidator(_span_text),
        WithJsonSchema({"type": "string", "pattern": f"^{_ALLOWED}*$"}),
    ] = Field(description="The characters; whitespace is normalised by the enclosing block.")
    strong: bool = Flag("Strong importance (bold).")
    emphasis: bool = Flag("Stress emphasis (italic).")
    link: LinkTarget | None = Optional(
        "Target of a hyperlink around this text (absolute URI, or ``#anchor``)."
    )

    def same_marks(self, other: "Span") -> bool:
        return (
            self.strong == other.strong
            and self.emphasis == other.emphasis
            and self.link == other.link
        )


def _normalise_spans(spans: list[Span]) -> list[Span]:
    """Collapse whitespace across span borders, trim the ends, merge neighbours with equal marks."""
    # Each run of equal marks collects its pieces and is joined once at the end: joining as it
    # grows would copy the text again for every piece (minutes for a million tiny spans).
    runs: list[tuple[Span, list[str]]] = []
    for span in spans:
        text = _SPACES.sub(" ", span.text.translate(_LINE_SEPARATORS))
        if "\n" in text:
            text = _AROUND_BREAK.sub("\n", text)
        previous_end = runs[-1][1][-1][-1] if runs else "\n"
        if previous_end == "\n":
            text = text.lstrip()  # no space of any kind (no-break too) opens a line
        elif previous_end == " ":
            text = text.lstrip(" ")
            if text.startswith("\n"):
                _drop_trailing(runs, " ")
                if not runs:
                    text = text.lstrip("\n")
        if not text:
            continue
        if runs and runs[-1][0].same_marks(span):
            runs[-1][1].append(text)
        else:
            runs.append((span, [text]))
    _drop_trailing(runs, None)  # nor ends the paragraph
    result: list[Span] = []
    for span, pieces in runs:
        text = pieces[0] if len(pieces) == 1 else "".join(pieces)
        result.append(span if text == span.text else span.model_copy(update={"text": text}))
    return result


def _drop_trailing(runs: list[tuple[Span, list[str]]], characters: str | None) -> None:
    """Strip ``characters`` from the end of the runs, removing pieces and runs that become
    empty."""
    while runs:
        pieces = runs[-1][1]
        while pieces:
            trimmed = pieces[-1].rstrip(characters)
            if trimmed:
                pieces[-1] = trimmed
                return
            pieces.pop()
        runs.pop()


_AROUND_BREAK = lazy_pattern(r" ?\n[ \n]*")
_LINE_SEPARATORS = {0x2028: "\n", 0x2029: "\n"}
"""Unicode's line and paragraph separators inside a block are line breaks like ``\n``."""


_CONTENT = "The text of the block as spans with inline marks."


class _Inline(_Model):
    """A block made of inline text; subclasses declare ``type`` first so it leads in JSON."""

    if TYPE_CHECKING:
        content: list[Span]

    # A field validator, not a model one: pydantic re-runs "after" model validators whenever an
    # existing block is put into an article, which would normalise every paragraph twice.
    @field_validator("content", check_fields=False)
    @classmethod
    def _normalise(cls, spans: list[Span]) -> list[Span]:
        if not (
            len(spans) == 1 and (spans[0].text is _last_clean_span[0] or _is_clean(spans[0].text))
        ):
            spans = _normalise_spans(spans)
            if not spans:
                raise ValueError("a block needs some text")
        return spans

    @property
    def text(self) -> str:
        """The plain text of the block, marks removed."""
        return _joined(self.content)


def _joined(spans: list[Span]) -> str:
    """The text of ``spans`` (a block of one span, the most common, is that span's text: writers
    ask for a block's text several times)."""
    if len(spans) == 1:
        return spans[0].text
    return "".join([span.text for span in spans])


def _is_clean(text: str) -> bool:
    """Fast path: a single span that needs no normalisation (the common case). Its text was
    checked for control characters (Span), so only whitespace to normalise is looked for, by
    substring searches (much faster than a pattern)."""
    return (
        bool(text)
        and not text[0].isspace()
        and not text[-1].isspace()
        and "  " not in text
        and " \n" not in text
        and "\n " not in text
        and "\t" not in text
        and "\r" not in text
        and "\f" not in text
        and "\v" not in text
        and "\u2028" not in text
        and "\u2029" not in text
    )


class Paragraph(_Inline):
    """A paragraph of body text."""

    type: Literal["paragraph"] = "paragraph"
    content: list[Span] = Field(description=_CONTENT, min_length=1)


class Heading(_Inline):
    """A heading inside the body (a crosshead), not the article headline."""

    type: Literal["heading"] = "heading"
    level: int = Field(default=2, ge=1, le=6, description="1 (highest) to 6.")
    content: list[Span] = Field(description=_CONTENT, min_length=1)


class Quote(_Model):
    """A block quotation holding other blocks."""

    type: Literal["quote"] = "quote"
    blocks: "list[Block]" = Field(min_length=1, description="The quoted blocks.")


class ListItem(_Model):
    """One item of a list: usually one paragraph, possibly followed by nested blocks."""

    blocks: "list[Block]" = Field(min_length=1, description="The item's content.")


MAX_LIST_START = 999_999_999
"""Largest number a list may start at (CommonMark's limit: nine digits)."""


_omit_none = functools.partial(operator.is_, None)
"""Whether a value is left out of canonical JSON, for fields where ``0`` is a value to keep."""


class List(_Model):
    """A bulleted or numbered list."""

    type: Literal["list"] = "list"
    ordered: bool = Flag("Numbered (``true``) or bulleted.")
    start: StrictInt | None = Field(
        default=None,
        ge=0,
        le=MAX_LIST_START,
        exclude_if=_omit_none,
        description=(
            "The number of a numbered list's first item, when not 1: a list that continues one"
            " interrupted by other blocks (schema 1.2). Left out for 1 and for bulleted lists."
        ),
    )
    items: "list[ListItem]" = Field(min_length=1, description="The items, in order.")

    @model_validator(mode="after")
    def _canonical_start(self) -> "List":
        # One form for one meaning: a list numbered from 1, or not numbered, has no start.
        if self.start is not None and (self.start == 1 or not self.ordered):
            self.__dict__["start"] = None
        return self

    @property
    def first_number(self) -> int:
        """The number its first item shows (a numbered list's)."""
        return 1 if self.start is None else self.start


ExtrasKey: TypeAlias = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_.-]*:\S+$", max_length=256)]
"""``<format or producer>:<name>``, e.g. ``newsml:itemMeta/signal``."""


def _plain_json(value: dict[str, JsonValue]) -> dict[str, JsonValue]:
    _check_json_value(value)
    return value


Extras: TypeAlias = Annotated[dict[ExtrasKey, JsonValue], AfterValidator(_plain_json)]
"""Metadata without a field of its own, as plain JSON by namespaced key."""


def ExtrasField(description: str) -> Any:
    """An ``extras`` field: empty by default, left out of canonical JSON when empty."""
    return Field(
        default_factory=dict,
        exclude_if=_omit_empty,
        json_schema_extra={"additionalProperties": False},
        description=description,
    )


# --- media: pictures, graphics, video and audio ---------------------------------------------------

MAX_CAPTION_LENGTH = 10_000
"""Most characters in a caption or alt text. Real captions run to a few hundred characters; longer
text is hostile or a story put in the wrong place, and writers put captions in attributes and on
single lines. Readers cut longer captions at this length and say so."""
MAX_DIMENSION = 1_000_000
"""Largest width or height in pixels; declared sizes beyond it are absurd (readers drop them)."""
MAX_SIZE = 2**53 - 1
"""Largest declared size in bytes (the largest integer every JSON reader keeps exactly)."""

_MEDIA_TYPE = lazy_pattern(
    r"^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$", re.ASCII
)


def _media_type(value: str) -> str:
    value = value.strip().lower()
    if not _MEDIA_TYPE.match(value):
        raise ValueError(f"{value[:40]!r} is not a media type such as image/jpeg")
    return value


MediaType: TypeAlias = Annotated[
    str,
    AfterValidator(_media_type),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": "^\\s*[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}"
            "/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\\s*$",
        }
    ),
]
"""A media (MIME) type without parameters, in lower case: ``image/jpeg``, ``video/mp4``."""

_SEGMENT = r"(?!\.\.?(?:/|$))[A-Za-z0-9._-]+"
_RELATIVE_PATH = lazy_pattern(f"^{_SEGMENT}(?:/{_SEGMENT})*$", re.ASCII)


def _relative_path(value: str) -> str:
    if len(value) > 255 or not _RELATIVE_PATH.match(value):
        raise ValueError(f"{shortened(value, 60)!r}: {_path_refused(value)}")
    return value


_PATH_CHARACTER = lazy_pattern(r"[A-Za-z0-9._/-]", re.ASCII)


def _path_refused(value: str) -> str:
    """Why a media path is refused, in the words of what is wrong with it."""
    parts = value.split("/")
    if value.startswith("/"):
        return "absolute; a media path is relative to the document's folder"
    if ".." in parts:
        return "'..' leads out of the document's folder; a media path stays inside it"
    if len(value) > 255:
        return "longer than 255 characters"
    odd = next((char for char in value if not _PATH_CHARACTER.match(char)), None)
    if odd is not None:
        return f"holds {odd!r}; a media path is made of letters, digits, '.', '_', '-' and '/'"
    return "an empty or '.' part (a '//', a './' or a '/' at its end)"


RelativePath: TypeAlias = Annotated[
    str,
    AfterValidator(_relative_path),
    WithJsonSchema({"type": "string", "pattern": _RELATIVE_PATH.pattern, "maxLength": 255}),
]
"""A file path relative to the document that names it: ``/``-separated names of letters, digits,
``.``, ``_`` and ``-``; never absolute, never ``..``, so it cannot point out of its folder."""


def _base64(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return base64.b64decode(value, validate=True)
        except binascii.Error:
            raise ValueError("embedded data must be base64") from None
    return value


Base64Bytes: TypeAlias = Annotated[
    bytes,
    BeforeValidator(_base64),
    PlainSerializer(lambda data: base64.b64encode(data).decode("ascii"), when_used="json"),
    WithJsonSchema(
        {"type": "string", "contentEncoding": "base64", "pattern": "^[A-Za-z0-9+/]*={0,2}$"}
    ),
]
"""Bytes, written in JSON as base64 text."""


def Default(value: Any, description: str, **kwargs: Any) -> Any:
    """A field with a default value that is left out of canonical JSON when it has it."""
    return Field(
        default=value, exclude_if=lambda given: given == value, description=description, **kwargs
    )


class Resource(_Model):
    """The bytes of a media file carried with the article (a picture embedded in a Word file).

    In memory ``data`` holds the bytes. Canonical JSON writes them as base64, or, when the media
    were extracted to files (``--extract-media``), ``path`` names the file relative to the JSON
    and ``data`` is left out; readers of such JSON load the file back and check its sha256.
    """

    media_type: MediaType = Field(description="What the bytes are, e.g. ``image/png``.")
    size: StrictInt = Field(ge=0, le=MAX_SIZE, description="Number of bytes.")
    sha256: str = Field(
        pattern="^[0-9a-f]{64}$", description="SHA-256 of the bytes, lower-case hex."
    )
    data: Base64Bytes | None = Optional("The bytes (base64 in JSON).")
    path: RelativePath | None = Optional(
        "The file holding the bytes, relative to the document, when they were extracted."
    )

    model_config = ConfigDict(
        json_schema_extra=lambda schema: schema.update(
            anyOf=[{"required": ["data"]}, {"required": ["path"]}]
        )
    )

    @model_validator(mode="before")
    @classmethod
    def _measure(cls, values: Any) -> Any:
        """``size`` and ``sha256`` are computed from ``data`` when not given."""
        if isinstance(values, dict) and values.get("data") is not None:
            data = _base64(values["data"])
            if isinstance(data, bytes | bytearray):
                values = {**values, "data": bytes(data)}
                values.setdefault("size", len(data))
                values.setdefault("sha256", hashlib.sha256(data).hexdigest())
        return values

    @model_validator(mode="after")
    def _consistent(self) -> "Resource":
        if self.data is None:
            if self.path is None:
                raise ValueError("a resource needs its data or the path of its file")
        elif len(self.data) != self.size:
            raise ValueError(f"size {self.size} does not match the {len(self.data)} bytes given")
        elif hashlib.sha256(self.data).hexdigest() != self.sha256:
            raise ValueError("sha256 does not match the bytes given")
        return self

    @classmethod
    def of(cls, data: bytes, media_type: str) -> "Resource":
        """A resource holding ``data``, its size and hash computed."""
        return cls(
            media_type=media_type,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            data=data,
        )


class Rendition(_Model):
    """One file of a picture (or video, audio): the original, a preview, a thumbnail...

    ``uri`` is a reference to a file elsewhere and is never fetched; ``resource`` carries the
    bytes when they came with the article. A rendition has one or both.
    """

    name: Line | None = Optional(
        "What this rendition is, as the source names it: ``original``, ``thumbnail``, "
        "``rnd:highRes``."
    )
    title: Line | None = Optional("A readable label of the rendition, e.g. ``Low Resolution``.")
    uri: LinkTarget | None = Optional(
        "Where the file is: an absolute URI, or a reference relative to the source document."
    )
    resource: Resource | None = Optional("The bytes, when they came with the article.")
    media_type: MediaType | None = Optional(
        "Media type of the file (an embedded resource has its own)."
    )
    width: StrictInt | None = Optional("Width in pixels.", ge=1, le=MAX_DIMENSION)
    height: StrictInt | None = Optional("Height in pixels.", ge=1, le=MAX_DIMENSION)
    size: StrictInt | None = Field(
        default=None,
        exclude_if=lambda value: value is None,  # 0 is a size
        ge=0,
        le=MAX_SIZE,
        description="Size in bytes as the source declares it (an embedded resource has its own).",
    )
    extras: Extras = ExtrasField("Source metadata of the rendition with no field above.")

    model_config = ConfigDict(
        json_schema_extra=lambda schema: schema.update(
            anyOf=[{"required": ["uri"]}, {"required": ["resource"]}]
        )
    )

    @model_validator(mode="after")
    def _located(self) -> "Rendition":
        if self.uri is None and self.resource is None:
            raise ValueError("a rendition needs a uri or an embedded resource")
        return self

    @property
    def effective_media_type(self) -> str | None:
        """The declared media type, else the embedded resource's."""
        if self.media_type is None and self.resource is not None:
            return self.resource.media_type
        return self.media_type


def _inline(spans: list[Span]) -> list[Span]:
    return _normalise_spans(spans) if spans else spans


InlineText: TypeAlias = Annotated[list[Span], AfterValidator(_inline)]
"""Inline text normalised like a paragraph's, which may be empty (an empty table cell)."""


def _caption(spans: list[Span]) -> list[Span]:
    spans = _inline(spans)
    if sum(len(span.text) for span in spans) > MAX_CAPTION_LENGTH:
        raise ValueError(f"a caption is limited to {MAX_CAPTION_LENGTH} characters")
    return spans


Caption: TypeAlias = Annotated[list[Span], AfterValidator(_caption)]
"""Inline text of a caption, normalised like a paragraph; may be empty."""

MediaKind: TypeAlias = Literal["picture", "graphic", "video", "audio"]


def _require_content(schema: dict[str, Any], model: type) -> None:
    """The JSON Schema side of ``_MediaFields._not_empty``: one field with content."""
    schema["anyOf"] = [
        {"required": [name], "properties": {name: _CONTENT_SCHEMAS.get(name, _NOT_NULL)}}
        for name in _MEDIA_CONTENT
    ]


_MEDIA_CONTENT = (
    "id", "title", "caption", "credit", "creators", "alt_text", "rights", "renditions", "extras"
)  # fmt: skip
_NOT_NULL = {"not": {"type": "null"}}
_CONTENT_SCHEMAS: dict[str, Any] = {
    "caption": {"minItems": 1},
    "creators": {"minItems": 1},
    "renditions": {"minItems": 1},
    "extras": {"minProperties": 1},
}


class _MediaFields(_Model):
    """What the article says about one picture (or graphic, video, audio), wherever it sits."""

    model_config = ConfigDict(json_schema_extra=_require_content)

    kind: MediaKind = Default(
        "picture", "``picture`` (a photo), ``graphic`` (chart, map, logo), ``video``, ``audio``."
    )
    id: Identifier | None = Optional("The media item's own identifier (URI, GUID), if it has one.")
    title: Line | None = Optional("The media item's own headline or title.")
    caption: Caption = Many(
        f"The caption as printed with the picture, with inline marks; at most"
        f" {MAX_CAPTION_LENGTH} characters."
    )
    credit: Line | None = Optional(
        "The credit line as printed, e.g. ``Jane Doe/AP``, ``Photo: Reuters``.",
        max_length=1000,
    )
    creators: list[Person] = Many("Who made it: photographers, illustrators, camera operators.")
    alt_text: Prose | None = Optional(
        "Text that replaces the picture for readers who cannot see it.",
        max_length=MAX_CAPTION_LENGTH,
    )
    rights: Rights | None = Optional("Copyright holder, notice and usage terms of the media.")
    renditions: list[Rendition] = Many("The files of the media item, e.g. original and thumbnail.")
    extras: Extras = ExtrasField("Source metadata of the media item with no field above.")

    @model_validator(mode="after")
    def _not_empty(self) -> "_MediaFields":
        if not any(getattr(self, name) for name in _MEDIA_CONTENT):
            names = ", ".join(_MEDIA_CONTENT)
            raise ValueError(f"a media item needs at least one of: {names}")
        return self

    @property
    def caption_text(self) -> str:
        """The plain text of the caption, marks removed."""
        return _joined(self.caption)

    @property
    def resources(self) -> "list[Resource]":
        """The embedded resources of every rendition."""
        return [rendition.resource for rendition in self.renditions if rendition.resource]

    def _identity(self) -> dict[str, Any]:
        # What every format carries of a media item: the text a reader sees.
        return {"caption": self.caption_text, "credit": self.credit}


class Figure(_MediaFields):
    """A picture (or graphic, video, audio) placed in the body, with its caption and credit."""

    type: Literal["figure"] = "figure"

    @model_serializer(mode="wrap")
    def _serialise(self, handler: SerializerFunctionWrapHandler, info: SerializationInfo) -> Any:
        if _for_identity(info):
            return {"type": "figure", **self._identity()}
        fields = handler(self)
        if "type" not in fields:  # left out on request (exclude_defaults)
            return fields
        return {"type": fields.pop("type"), **fields}  # the discriminator leads, as in blocks


MediaRole: TypeAlias = Literal["featured", "gallery", "related"]


class Media(_MediaFields):
    """A picture (or graphic, video, audio) that goes with the article but is not placed in its
    body: the lead picture, a gallery, related media."""

    role: MediaRole = Default(
        "related",
        "``featured`` (the lead picture shown with the story), ``gallery`` (one of a set shown "
        "with it) or ``related``.",
    )
    name: Line | None = Optional(
        "The source's name for this association, e.g. ninjs ``featuremedia`` or ``mainpic``."
    )


# --- tables ---------------------------------------------------------------------------------------

MAX_SPAN = 1000
"""Most columns or rows one table cell spans (HTML's limit for column spans)."""


class TableCell(_Model):
    """One cell: inline text (``content``) or, for cells holding paragraphs or lists, ``blocks``."""

    header: bool = Flag("A header cell (labels its row or column) rather than data.")
    colspan: StrictInt = Default(1, "Columns the cell spans.", ge=1, le=MAX_SPAN)
    rowspan: StrictInt = Default(1, "Rows the cell spans.", ge=1, le=MAX_SPAN)
    content: InlineText = Many("The cell's text as spans with inline marks; empty when empty.")
    blocks: "list[Block]" = Many("The cell's blocks, when it holds more than one line of text.")

    @model_validator(mode="after")
    def _one_kind(self) -> "TableCell":
        if self.content and self.blocks:
            raise ValueError("a cell holds inline content or blocks, not both")
        return self

    @property
    def text(self) -> str:
        """The plain text of the cell (blocks separated by line breaks)."""
        if self.content:
            return _joined(self.content)
        return "\n".join(
            block.text for block in iter_blocks(self.blocks) if isinstance(block, _Inline)
        )


class TableRow(_Model):
    """One row of cells."""

    cells: list[TableCell] = Field(
        min_length=1, description="The cells, left to right.", json_schema_extra=_AT_MOST_BLOCKS
    )


class Table(_Model):
    """A table: rows of cells, header or data, with an optional caption."""

    type: Literal["table"] = "table"
    caption: Caption = Many("The table's caption or title, with inline marks.")
    rows: list[TableRow] = Field(
        min_length=1,
        description=f"The rows, top to bottom; at most {MAX_BLOCKS} cells in all.",
        json_schema_extra=_AT_MOST_BLOCKS,
    )

    @model_validator(mode="before")
    @classmethod
    def _bounded(cls, data: Any) -> Any:
        """Refuse a table of more cells than a body holds blocks before its cells are built: a
        hostile file's million cells would fill memory first (each cell counts as a block)."""
        rows = data.get("rows") if isinstance(data, dict) else None
        if isinstance(rows, list):
            cells = 0
            for row in rows:
                held = row.get("cells") if isinstance(row, dict) else getattr(row, "cells", None)
                cells += len(held) if isinstance(held, list) else 0
            if cells > MAX_BLOCKS:
                raise ValueError(f"the table has more than {MAX_BLOCKS} cells")
        return data

    @property
    def columns(self) -> int:
        """The number of columns (the widest row, spans counted)."""
        return max(sum(cell.colspan for cell in row.cells) for row in self.rows)

    @model_serializer(mode="wrap")
    def _serialise(self, handler: SerializerFunctionWrapHandler, info: SerializationInfo) -> Any:
        if _for_identity(info):
            rows = [[cell.text for cell in row.cells] for row in self.rows]
            return {"type": "table", "rows": rows}
        return handler(self)


def _for_identity(info: SerializationInfo) -> bool:
    context = info.context
    return isinstance(context, dict) and context.get("identity") is True


Block: TypeAlias = Annotated[
    Annotated[Paragraph, Tag("paragraph")]
    | Annotated[Heading, Tag("heading")]
    | Annotated[Quote, Tag("quote")]
    | Annotated[List, Tag("list")]
    | Annotated[Figure, Tag("figure")]
    | Annotated[Table, Tag("table")],
    Discriminator("type"),
]
"""One block of the body (the models that hold blocks find ``Block`` here when they are first
built: every model is built on first use, so start-up pays only for what a conversion uses)."""

_BLOCK_TAGS = frozenset(
    metadata.tag
    for member in get_args(get_args(Block)[0])
    for metadata in get_args(member)[1:]
    if isinstance(metadata, Tag)
)
"""The block types (``paragraph``, ``heading``...), as pydantic names them in error locations."""


_LEAF_BLOCKS = frozenset({Paragraph, Heading, Figure})
"""The block types that hold no blocks (:func:`_depth`, :func:`_count_blocks` and the Article's
check of a flat body pass them over)."""


def _depth(blocks: list[Block]) -> int:
    deepest = 0
    for block in blocks:
        if type(block) in _LEAF_BLOCKS:
            continue  # the common case first: blocks that hold no blocks
        if isinstance(block, Quote):
            deepest = max(deepest, 1 + _depth(block.blocks))
        elif isinstance(block, List):
            for item in block.items:
                deepest = max(deepest, 1 + _depth(item.blocks))
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    if cell.blocks:
                        deepest = max(deepest, 1 + _depth(cell.blocks))
    return deepest


def _count_blocks(blocks: list[Block]) -> int:
    """How many blocks ``iter_blocks`` yields and table cells there are (each counts, as markup
    readers count it), without a generator for each level (a body of paragraphs is counted by
    its length)."""
    count = len(blocks)
    for block in blocks:
        if type(block) in _LEAF_BLOCKS:
            continue
        if isinstance(block, Quote):
            count += _count_blocks(block.blocks)
        elif isinstance(block, List):
            for item in block.items:
                count += _count_blocks(item.blocks)
        elif isinstance(block, Table):
            for row in block.rows:
                count += len(row.cells)
                for cell in row.cells:
                    if cell.blocks:
                        count += _count_blocks(cell.blocks)
    return count


def iter_blocks(blocks: list[Block]) -> Any:
    """Every block, depth first, nested ones included (a generator of ``Block``)."""
    for block in blocks:
        yield block
        if type(block) is Paragraph:
            continue  # (most blocks: asked first, as three isinstance of models cost ten times it)
        if isinstance(block, Quote):
            yield from iter_blocks(block.blocks)
        elif isinstance(block, List):
            for item in block.items:
                yield from iter_blocks(item.blocks)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    yield from iter_blocks(cell.blocks)


def has_media(article: "Article") -> bool:
    """Whether the article has figures, tables or associated media: a quick test, so that
    articles without them (most) skip every media step at no cost."""
    return bool(article.media) or has_media_blocks(article.body)


def has_media_blocks(blocks: list[Block]) -> bool:
    """Whether ``blocks`` hold a figure or a table, nested ones included (a quick test)."""
    for block in blocks:
        kind = type(block)
        if kind is Paragraph or kind is Heading:
            continue
        if kind is Figure or kind is Table:
            return True
        if kind is Quote and has_media_blocks(block.blocks):  # type: ignore[union-attr]
            return True
        if kind is List and any(
            has_media_blocks(item.blocks)
            for item in block.items  # type: ignore[union-attr]
        ):
            return True
    return False


NO_ARTICLE = (
    "it holds no headline, text or media it can carry (a picture's bytes, say), which a reader"
    " takes for no article"
)
"""What a writer says when its output, read back, would hold no article (:func:`holds_content`)."""


def holds_content(article: "Article") -> bool:
    """Whether the article has something to read: a headline or deck, a summary, body blocks or
    media. An item of ids, dates and codes alone (an empty document or envelope) is no article,
    whatever format it came from: the API refuses it as such rather than convert an empty shell."""
    return bool(
        article.headline or article.subheadline or article.summary or article.body or article.media
    )


def iter_media(article: "Article") -> Any:
    """Every media item of the article: figures in the body (nested ones too), then the
    associated media (a generator of ``Figure | Media``)."""
    for block in iter_blocks(article.body):
        if isinstance(block, Figure):
            yield block
    yield from article.media


# --- the article ----------------------------------------------------------------------------------


class Article(_Model):
    """A news article, whatever format it came from."""

    model_config = ConfigDict(json_schema_extra={"$id": SCHEMA_ID, "title": "articlekit Article"})

    schema_version: Literal["1.0", "1.1", "1.2", "1.3", "1.4"] = Field(
        default=SCHEMA_VERSION,
        description=(
            "Version of this schema; always written. Earlier versions read as the current one"
            " (1.1 to 1.4 only added fields)."
        ),
    )
    id: Identifier = Field(
        default="",
        validate_default=False,
        description=(
            "Stable identifier (URI or URN). When the source has none it is derived from the"
            " content (``urn:articlekit:<hash>``), so the same article always gets the same id."
        ),
    )
    version: StrictInt | None = Optional(
        "Revision number of the item, 1 for the first version.", ge=1, le=MAX_VERSION
    )
    headline: Line | None = Optional(
        "The main headline, one line. Absent when the source has none."
    )
    subheadline: Line | None = Optional("Deck or second headline.")
    slugline: Line | None = Optional("Short newsroom label, e.g. ``Germany-politics``.")
    byline: Line | None = Optional("The byline as printed, e.g. ``By Jane Doe, Staff Writer``.")
    authors: list[Person] = Many("People credited, in order.")
    source: Source | None = Optional("Publisher, provider or credit.")
    dateline: Dateline | None = Optional("Place (and date, agency) that opens the story.")
    published: DateOrDateTime | None = Optional(
        "When the article was first published (or first created by its provider)."
    )
    updated: DateOrDateTime | None = Optional("When this version was made.")
    created: DateOrDateTime | None = Optional("When the content was originally created.")
    embargoed: DateOrDateTime | None = Optional(
        "Not to be published before this moment: the end of the embargo (schema 1.3). A date"
        " alone (the source gave no time) ends when that day has begun everywhere: formats"
        " that need a time write its midnight at UTC-12. Absent when not embargoed."
    )
    expires: DateOrDateTime | None = Optional(
        "No longer to be published after this moment: its provider no longer considers it"
        " editorially relevant (schema 1.4). Absent when it does not expire."
    )
    language: LanguageTag | None = Optional("Language of the text, BCP 47.")
    summary: Prose | None = Optional("Abstract, description or standfirst.")
    editor_note: Prose | None = Optional("Note to editors, not for publication.")
    subjects: list[Concept] = Many("Coded subjects, e.g. IPTC Media Topics.")
    keywords: list[Line] = Many("Free keywords.")
    places: list[Concept] = Many("Places the story is about.")
    people: list[Concept] = Many("People the story is about (not its authors).")
    organisations: list[Concept] = Many("Organisations the story is about.")
    genres: list[Concept] = Many("Journalistic genres, e.g. ``Analysis``, ``Interview``.")
    rights: Rights | None = Optional("Copyright holder, notice and usage terms.")
    urgency: StrictInt | None = Optional("News urgency, 1 (most urgent) to 9.", ge=1, le=9)
    status: Literal["usable", "withheld", "canceled"] | None = Optional(
        "Publishing status of the item."
    )
    body: list[Block] = Many(
        "The story: paragraphs, crossheads, quotes, lists, figures and tables; at most"
        f" {MAX_BLOCKS} blocks, nested ones and table cells counted.",
        json_schema_extra=_AT_MOST_BLOCKS,
    )
    media: list[Media] = Many(
        "Pictures, graphics, video and audio that go with the article but are not placed in its"
        " body (the lead picture, a gallery), in the source's order."
    )
    extras: Extras = ExtrasField(
        "Source metadata with no field above, kept by ``<format>:<name>`` key."
    )

    @model_validator(mode="after")
    def _finish(self) -> "Article":
        body = self.body
        # (a body of blocks that hold no blocks, the common one, is neither walked for its
        # depth, 0, nor counted: its blocks are its length; one look at the types, in C)
        flat = _LEAF_BLOCKS.issuperset(map(type, body))
        if not flat and _depth(body) > MAX_NESTING:
            raise ValueError(f"body nesting is deeper than {MAX_NESTING} levels")
        if len(body) > MAX_BLOCKS or (not flat and _count_blocks(body) > MAX_BLOCKS):
            raise ValueError(f"the body has more than {MAX_BLOCKS} blocks and table cells")
        if self.schema_version != SCHEMA_VERSION:  # an earlier version reads as the current one
            self.__dict__["schema_version"] = SCHEMA_VERSION
        if not self.id:
            # set directly: an assignment would validate the whole article a second time
            self.__dict__["id"] = content_id(self)
        return self

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy with the fields ``update`` gives validated, as an assignment is: pydantic's own
        copy takes them unchecked, and would hand writers an article its readers refuse."""
        copy = super().model_copy(deep=deep)
        for name, value in (update or {}).items():
            setattr(copy, name, value)
        return copy

    @property
    def paragraphs(self) -> list[str]:
        """The plain text of every top-level paragraph, in order (a convenience for tests)."""
        return [block.text for block in self.body if isinstance(block, Paragraph)]


def _check_json_value(value: JsonValue) -> None:
    """Extras must survive a trip through JSON: finite numbers, text without controls."""
    if isinstance(value, str):
        _check_characters(value)
    elif isinstance(value, float) and not math.isfinite(value):
        raise ValueError("numbers in extras must be finite")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_characters(key)
            _check_json_value(item)
    elif isinstance(value, list):
        texts = [item for item in value if isinstance(item, str)]
        if len(texts) == len(value) and not has_control("".join(texts)):
            return  # (a list of clean texts, such as a web copy's removed lines, checked at once)
        for item in value:
            _check_json_value(item)


_IDENTITY_FIELDS = {"headline", "subheadline", "byline", "dateline", "published", "body"}
_IDENTITY = {"identity": True}


_OWN_BLOCKS = frozenset(get_args(member)[0] for member in get_args(get_args(Block)[0]))
"""The block types of :data:`Block`: articlekit's own, not a plug-in's subclass."""


class _Serializers:
    """The serializer of articles whose top-level blocks are all articlekit's own (see
    :func:`serializer_of`), built when asked a third time (the second article: an article's
    content id asks once, its writer once), so that a one-shot conversion does not pay for it
    (0.14 ms, a dozen writes' saving); ``failed`` when it could not be built."""

    asked = 0
    direct: SchemaSerializer | None = None
    failed = False


class _ArticleLayout:
    """The class named in the direct serializer's schema in place of ``Article``: pydantic-core
    would otherwise reuse the Article's own serializer for that schema (see
    :func:`serializer_of`)."""


def serializer_of(article: Article) -> SchemaSerializer:
    """What writes ``article`` as JSON: the model's serializer, or one that writes the same bytes
    faster. The model's serializer writes each block of the body through the union of block
    types, which (in JSON mode) makes the block a dict and then writes that dict: about a
    quarter of the cost of writing a plain article. When the article is an ``Article`` and every
    block of its body is one of articlekit's own types (always, but for a plug-in's subclass of a
    block, which the union writes as the block it is), each block is written by its own model's
    serializer instead, with the same result (``tests/test_model.py`` holds the two to each
    other)."""
    if type(article) is Article and _OWN_BLOCKS.issuperset(map(type, article.body)):
        direct = _Serializers.direct
        if direct is not None:
            return direct
        _Serializers.asked += 1
        if _Serializers.asked > 2 and not _Serializers.failed:
            _Serializers.direct = direct = _direct_serializer()
            _Serializers.failed = direct is None
            if direct is not None:
                return direct
    return type(article).__pydantic_serializer__


def _direct_serializer() -> SchemaSerializer | None:
    """The serializer that writes each block by its own model's serializer, or ``None`` when
    this pydantic lays the schema out otherwise or refuses the changed one."""
    schema = _blocks_written_directly(Article.__pydantic_core_schema__)
    if schema is None:
        return None
    try:
        return SchemaSerializer(schema)
    except Exception:  # a pydantic-core to come may refuse it: the model's own then
        return None


def _blocks_written_directly(schema: Any) -> Any:
    """``schema`` (the Article's core schema) with the body's blocks serialised as what they are
    (``any``: each by its own model's serializer); ``None`` if pydantic laid the schema out in
    another way than expected (then the model's own serializer is used)."""
    if not isinstance(schema, dict):
        return None
    if schema.get("type") != "model-fields":
        inner = _blocks_written_directly(schema.get("schema"))
        if inner is None:
            return None
        if schema.get("type") == "model":
            # not the Article's own: pydantic would reuse its serializer for this schema
            return {**schema, "schema": inner, "cls": _ArticleLayout}
        return {**schema, "schema": inner}
    field = schema["fields"].get("body", {})
    default = field.get("schema", {})
    listed = default.get("schema", {})
    union = listed.get("items_schema", {})
    if (default.get("type"), listed.get("type"), union.get("type")) != (
        "default",
        "list",
        "tagged-union",
    ):
        return None
    listed = {**listed, "items_schema": {**union, "serialization": {"type": "any"}}}
    field = {**field, "schema": {**default, "schema": listed}}
    return {**schema, "fields": {**schema["fields"], "body": field}}


def content_id(article: Article) -> str:
    """A deterministic id from what identifies the story: headlines, byline, dateline, date, body.

    Metadata that formats carry unevenly (keywords, rights, extras) is left out, so an article keeps
    its id through conversions that cannot carry such metadata.
    """
    # Figures and tables count by their text (caption, credit, cells), which every format keeps.
    # (the serializer's UTF-8 bytes as they are: model_dump_json would decode them to text)
    payload = serializer_of(article).to_json(article, include=_IDENTITY_FIELDS, context=_IDENTITY)
    if article.source is not None:
        payload += ("\x1f" + article.source.name).encode("utf-8", "surrogatepass")
    digest = hashlib.sha256(payload).hexdigest()
    return f"urn:articlekit:{digest[:32]}"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of canonical article JSON."""
    schema = Article.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


SHOWN_PROBLEMS = 3
"""How many problems of an invalid article one error line names (the rest are counted)."""

_PLAIN = {
    "missing": "is required",
    "extra_forbidden": "is not a field articlekit knows here",
    "string_type": "should be text",
    "list_type": "should be a list",
    "dict_type": "should be an object",
    "model_type": "should be an object",
    "model_attributes_type": "should be an object",
    "int_type": "should be a whole number",
    "int_parsing": "should be a whole number",
    "int_from_float": "should be a whole number",
    "bool_type": "should be true or false",
    "bool_parsing": "should be true or false",
    "float_type": "should be a number",
    "too_short": "should not be empty",
    "literal_error": "should be {expected}",
    "less_than_equal": "should be at most {le}",
    "greater_than_equal": "should be at least {ge}",
    "union_tag_invalid": "has the type {tag!r}; a block is one of {expected_tags}",
    "union_tag_not_found": "needs a {discriminator} saying what kind of block it is",
    "string_pattern_mismatch": "is not of the form this field takes",
}
"""pydantic's error types in words a user reads (its own words otherwise)."""
_KINDS = {str: "text", bool: "true or false", int: "a number", float: "a number", list: "a list",
          dict: "an object", type(None): "null"}  # fmt: skip


def _alternative(part: str) -> bool:
    """Whether a part of pydantic's location names an alternative of a union (a block's type,
    ``function-after[...]``), which the document does not hold."""
    return part in _BLOCK_TAGS or "[" in part


def _json_path(location: tuple[int | str, ...]) -> str:
    """``body[0].content[1].text``: where a problem is, as a path into the article's JSON
    (pydantic's names for the alternatives of a union, such as a block's type, left out)."""
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part == "[key]":
            path += " (the key)"
        elif _alternative(part):
            continue
        elif part.isidentifier() and not path.startswith("extras"):
            path += f".{part}" if path else part
        else:
            path += f'["{part}"]'
    return path


def _problem(problem: Any) -> str:
    """One problem: its JSON path and what is wrong, in plain words, without the value (which
    may be long, or hostile on a terminal), but with its kind when the kind is the problem."""
    kind = problem["type"]
    ctx = problem.get("ctx") or {}
    if kind == "value_error":
        words = str(ctx.get("error", problem["msg"])).removeprefix("Value error, ")
    elif kind in _PLAIN:
        values = {"expected_tags": ", ".join(sorted(_BLOCK_TAGS))}  # pydantic may not say them
        values.update((key, str(value)) for key, value in ctx.items())
        words = _PLAIN[kind].format(**values)
    else:
        words = problem["msg"][:1].lower() + problem["msg"][1:]
    if kind.endswith("_type") and type(problem.get("input")) in _KINDS:
        words += f", not {_KINDS[type(problem['input'])]}"
    path = _json_path(problem["loc"])
    return f"{path}: {words}" if path else words


def first_problem_path(error: ValidationError) -> tuple[int | str, ...] | None:
    """The keys and indexes that lead through the document to the first problem of ``error``
    (to the object that lacks a required field), or ``None`` when no path of the document does
    (a key of ``extras`` that is not text)."""
    problem = error.errors(include_url=False)[0]
    location = problem["loc"][:-1] if problem["type"] == "missing" else problem["loc"]
    if "[key]" in location:
        return None
    return tuple(part for part in location if isinstance(part, int) or not _alternative(part))


def describe_validation_error(error: ValidationError) -> str:
    """One line for a pydantic error: each problem (the first few, then a count) with its JSON
    path and what is wrong, in plain words; no input echoed."""
    problems = list(dict.fromkeys(_problem(found) for found in error.errors(include_url=False)))
    shown = "; ".join(problems[:SHOWN_PROBLEMS])
    rest = len(problems) - SHOWN_PROBLEMS
    more = f"; and {rest} more problem{'s' if rest > 1 else ''}" if rest > 0 else ""
    return f"invalid article: {shown}{more}"
