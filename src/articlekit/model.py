"""The canonical Article: the one model every reader produces and every writer consumes.

Nothing here is format-specific: words are newsroom words (headline, dateline, byline), never wire
words (hedline, qcode). The model is strict and normalising at once: it rejects what no article can
hold (control characters, naive date-times, malformed language tags, urgency 12) and normalises what
has one obvious canonical form (surrounding whitespace, runs of spaces, adjacent spans with the same
marks), so that two articles that mean the same thing compare equal.

Canonical JSON is ``Article.model_dump_json()``: defaults and empty values are left out, every other
field is kept, and ``Article.model_validate_json()`` reads it back to an equal article.
"""

import hashlib
import math
import re
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, TypeAlias

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    JsonValue,
    StrictInt,
    Tag,
    ValidationError,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from articlekit.prose.controls import find_control

SCHEMA_VERSION: Literal["1.0"] = "1.0"
"""Version of the canonical JSON layout; bumped on any incompatible change."""

SCHEMA_ID = f"urn:articlekit:schema:article:{SCHEMA_VERSION}"

MAX_NESTING = 16
"""Deepest allowed nesting of quotes and lists; deeper input is hostile or broken."""
MAX_BLOCKS = 20_000
"""Most blocks in one body. Book-length stories have a few thousand paragraphs; readers stop at
this many, so that a hostile input cannot fill memory with millions of tiny paragraphs."""
MAX_VERSION = 2**31 - 1
"""Largest revision number (a 32-bit integer, as agency systems store it)."""


# --- text types -------------------------------------------------------------------------------

_SPACES = re.compile(r"[ \t\r\f\v]+")
_LINE_WHITESPACE = re.compile(r"\s+")


def _check_characters(value: str) -> str:
    bad = find_control(value)
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


def _single_line(value: str) -> str:
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


_UNSAFE_LINK = re.compile(r"^(?:javascript|vbscript|data):", re.IGNORECASE | re.ASCII)
"""Schemes are ASCII: "JAVASCRİPT:" (dotted İ) is no scheme a browser runs."""


def is_safe_link(target: str) -> bool:
    """Whether a link target is a place to go, not script or inline data to run when clicked."""
    return _UNSAFE_LINK.match(target.strip()) is None


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
_LANGUAGE_TAG = re.compile(
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


def _usable_offset(value: datetime) -> datetime:
    offset = value.utcoffset()
    assert offset is not None  # AwareDatetime
    if offset.seconds % 60 or offset.microseconds or abs(offset) > timedelta(hours=14):
        raise ValueError("the time zone offset must be whole minutes within ±14:00")
    return value


_ISO_DATE_OR_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:[Zz]|[+-]\d{2}:?\d{2}))?"
)


def _iso_text(value: Any) -> Any:
    """Dates in JSON are ISO 8601 text with a time zone when they have a time: no Unix
    timestamps, no "20200101", no naive times quietly cut to dates."""
    if isinstance(value, str) and not _ISO_DATE_OR_TIME.fullmatch(value.strip()):
        raise ValueError("dates are ISO 8601: YYYY-MM-DD, or a date-time with its offset")
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


def _omit_empty(value: Any) -> bool:
    return not value


def Optional(description: str, **kwargs: Any) -> Any:
    """A field that is absent (``None``) unless the source gives it."""
    return Field(default=None, exclude_if=_omit_empty, description=description, **kwargs)


def Flag(description: str) -> Any:
    """A boolean that is false by default and left out of canonical JSON when false."""
    return Field(default=False, exclude_if=_omit_empty, description=description)


def Many(description: str) -> Any:
    """A list field, empty by default and left out of canonical JSON when empty."""
    return Field(default_factory=list, exclude_if=_omit_empty, description=description)


class _Model(BaseModel):
    # Assignments are validated too: an article edited in code stays one every writer can write.
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


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
        AfterValidator(_check_characters),
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


_AROUND_BREAK = re.compile(r" ?\n[ \n]*")
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
        if not (len(spans) == 1 and _is_clean(spans[0].text)):
            spans = _normalise_spans(spans)
            if not spans:
                raise ValueError("a block needs some text")
        return spans

    @property
    def text(self) -> str:
        """The plain text of the block, marks removed."""
        return "".join(span.text for span in self.content)


_UNCLEAN_CHARACTER = re.compile(
    "[\t\r\f\v\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)


def _is_clean(text: str) -> bool:
    """Fast path: a single span that needs no normalisation (the common case)."""
    return (
        bool(text)
        and not text[0].isspace()
        and not text[-1].isspace()
        and "  " not in text
        and " \n" not in text
        and "\n " not in text
        and _UNCLEAN_CHARACTER.search(text) is None
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


class List(_Model):
    """A bulleted or numbered list."""

    type: Literal["list"] = "list"
    ordered: bool = Flag("Numbered (``true``) or bulleted.")
    items: "list[ListItem]" = Field(min_length=1, description="The items, in order.")


Block: TypeAlias = Annotated[
    Annotated[Paragraph, Tag("paragraph")]
    | Annotated[Heading, Tag("heading")]
    | Annotated[Quote, Tag("quote")]
    | Annotated[List, Tag("list")],
    Discriminator("type"),
]
"""One block of the body."""

Quote.model_rebuild()
ListItem.model_rebuild()
List.model_rebuild()


def _depth(blocks: list[Block]) -> int:
    deepest = 0
    for block in blocks:
        if isinstance(block, Quote):
            deepest = max(deepest, 1 + _depth(block.blocks))
        elif isinstance(block, List):
            for item in block.items:
                deepest = max(deepest, 1 + _depth(item.blocks))
    return deepest


def iter_blocks(blocks: list[Block]) -> Any:
    """Every block, depth first, nested ones included (a generator of ``Block``)."""
    for block in blocks:
        yield block
        if isinstance(block, Quote):
            yield from iter_blocks(block.blocks)
        elif isinstance(block, List):
            for item in block.items:
                yield from iter_blocks(item.blocks)


# --- the article ----------------------------------------------------------------------------------

ExtrasKey: TypeAlias = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_.-]*:\S+$", max_length=256)]
"""``<format or producer>:<name>``, e.g. ``newsml:itemMeta/signal``."""


class Article(_Model):
    """A news article, whatever format it came from."""

    model_config = ConfigDict(json_schema_extra={"$id": SCHEMA_ID, "title": "articlekit Article"})

    schema_version: Literal["1.0"] = Field(
        default=SCHEMA_VERSION, description="Version of this schema; always written."
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
    body: list[Block] = Many("The story: paragraphs, crossheads, quotes and lists.")
    extras: dict[ExtrasKey, JsonValue] = Field(
        default_factory=dict,
        exclude_if=_omit_empty,
        json_schema_extra={"additionalProperties": False},
        description="Source metadata with no field above, kept by ``<format>:<name>`` key.",
    )

    @field_validator("extras")
    @classmethod
    def _plain_json(cls, value: dict[str, JsonValue]) -> dict[str, JsonValue]:
        _check_json_value(value)
        return value

    @model_validator(mode="after")
    def _finish(self) -> "Article":
        if self.body and _depth(self.body) > MAX_NESTING:
            raise ValueError(f"body nesting is deeper than {MAX_NESTING} levels")
        if not self.id:
            # set directly: an assignment would validate the whole article a second time
            self.__dict__["id"] = content_id(self)
        return self

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
        for item in value:
            _check_json_value(item)


_IDENTITY_FIELDS = {"headline", "subheadline", "byline", "dateline", "published", "body"}


def content_id(article: Article) -> str:
    """A deterministic id from what identifies the story: headlines, byline, dateline, date, body.

    Metadata that formats carry unevenly (keywords, rights, extras) is left out, so an article keeps
    its id through conversions that cannot carry such metadata.
    """
    payload = article.model_dump_json(include=_IDENTITY_FIELDS)
    if article.source is not None:
        payload += "\x1f" + article.source.name
    digest = hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()
    return f"urn:articlekit:{digest[:32]}"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of canonical article JSON."""
    schema = Article.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def describe_validation_error(error: ValidationError) -> str:
    """One line for a pydantic error: where in the article, and what is wrong (no input echoed)."""
    problems = error.errors(include_url=False, include_input=False)
    first = problems[0]
    location = ""
    for part in first["loc"]:
        if isinstance(part, int):
            location += f"[{part}]"
        elif part not in ("paragraph", "heading", "quote", "list"):
            location += f".{part}" if location else str(part)
    message = first["msg"].removeprefix("Value error, ")
    more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
    return f"invalid article: {location or 'article'}: {message}{more}"
