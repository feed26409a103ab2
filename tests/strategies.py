"""Hypothesis strategies for Articles, shared by the round-trip tests of every format.

``articles()`` draws any valid article (every field). Format tests narrow it with the keyword
arguments (``fields=`` the fields the format carries, ``marks=`` whether inline formatting is
allowed, ``nesting=`` how deep quotes and lists go, ``media=`` whether the body holds figures and
tables) so that the property they check is "read(write(a)) keeps every field the format can
carry". ``figures()``, ``tables()`` and ``associated_media()`` draw the media parts alone.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any

from hypothesis import strategies as st

from articlekit.model import (
    MAX_LIST_START,
    Article,
    Block,
    Concept,
    Dateline,
    Figure,
    Heading,
    List,
    ListItem,
    Media,
    Paragraph,
    Person,
    Quote,
    Rendition,
    Resource,
    Rights,
    Source,
    Span,
    Table,
    TableCell,
    TableRow,
)

ALL_FIELDS = frozenset(Article.model_fields) - {"schema_version"}

# Letters from several scripts, digits and the punctuation news text uses; no control characters.
WORD_ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    + list("éüßçøåñÉÜ")
    + list("абвгд")
    + list("中文字")
    + list("αβγ")
)
PUNCTUATION = st.sampled_from([",", ";", "“", "”", "’", "—", "–", "(", ")", "'", '"', "&", "%"])

words = st.text(WORD_ALPHABET, min_size=1, max_size=10)
capitalised = words.map(lambda word: word[:1].upper() + word[1:]).filter(lambda w: w[:1].isupper())


@st.composite
def sentence(draw: st.DrawFn, min_words: int = 1, max_words: int = 14) -> str:
    parts = draw(st.lists(words, min_size=min_words, max_size=max_words))
    text = " ".join(parts)
    if draw(st.booleans()):
        text += draw(PUNCTUATION)
    return text + draw(st.sampled_from([".", "!", "?", ""]))


@st.composite
def title(draw: st.DrawFn) -> str:
    """A headline-like line: capitalised words, no final full stop."""
    return " ".join(draw(st.lists(capitalised, min_size=1, max_size=10)))


line = st.one_of(title(), sentence())
identifier = st.from_regex(r"\A(?:urn:test:[a-z0-9]{1,12}|https://example\.org/[a-z0-9/]{1,20})\Z")
aware = st.datetimes(
    min_value=datetime(1990, 1, 1),
    max_value=datetime(2040, 1, 1),
    timezones=st.sampled_from([UTC, timezone(timedelta(hours=2)), timezone(timedelta(hours=-5))]),
).map(lambda value: value.replace(microsecond=0))
dates_ = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 1, 1))
date_or_time = st.one_of(dates_, aware)


@st.composite
def spans(draw: st.DrawFn, marks: bool) -> list[Span]:
    count = draw(st.integers(1, 4 if marks else 1))
    result = []
    for _ in range(count):
        text = draw(sentence())
        if not marks:
            result.append(Span(text=text))
            continue
        result.append(
            Span(
                # marked runs often touch ("<b>Bold</b><i>italic</i>"): no space is added half
                # of the time, so writers that would insert one are caught
                text=text + draw(st.sampled_from(["", " "])),
                strong=draw(st.booleans()),
                emphasis=draw(st.booleans()),
                link=draw(st.none() | st.just("https://example.org/a")),
            )
        )
    return result


MEDIA_TYPES = ["image/jpeg", "image/png", "image/gif", "video/mp4", "audio/mpeg"]

resource = st.builds(Resource.of, st.binary(min_size=1, max_size=64), st.sampled_from(MEDIA_TYPES))


@st.composite
def rendition(draw: st.DrawFn) -> Rendition:
    """A rendition with a uri, embedded bytes or both."""
    uri = draw(
        st.none()
        | st.from_regex(r"\Ahttps://media\.example\.org/[a-z0-9]{1,12}\.jpg\Z")
        | st.just("pictures/harbour.jpg")
    )
    return Rendition(
        name=draw(st.none() | st.sampled_from(["original", "thumbnail", "preview", "rnd:highRes"])),
        uri=uri,
        resource=draw(resource if uri is None else st.none() | resource),
        media_type=draw(st.none() | st.sampled_from(MEDIA_TYPES)),
        width=draw(st.none() | st.integers(1, 8000)),
        height=draw(st.none() | st.integers(1, 8000)),
        size=draw(st.none() | st.integers(0, 10**9)),
    )


def _media_fields(marks: bool) -> dict[str, st.SearchStrategy[Any]]:
    names = st.lists(capitalised, min_size=1, max_size=2).map(" ".join)
    return {
        "kind": st.sampled_from(["picture", "picture", "graphic", "video", "audio"]),
        "id": st.none() | identifier,
        "title": st.none() | title(),
        "caption": st.just([]) | spans(marks),
        "credit": st.none() | names.map(lambda name: f"{name}/AP"),
        "creators": st.lists(
            st.builds(Person, name=names, role=st.just("photographer")), max_size=1
        ),
        "alt_text": st.none() | sentence(max_words=6),
        "rights": st.none() | st.builds(Rights, holder=title(), usage_terms=st.none() | words),
        "renditions": st.lists(rendition(), max_size=2),
    }


def _has_content(fields: dict[str, Any]) -> bool:
    return any(value for name, value in fields.items() if name != "kind")


def figures(*, marks: bool = True) -> st.SearchStrategy[Figure]:
    """A figure with any of its fields (one at least)."""
    return (
        st.fixed_dictionaries(_media_fields(marks))
        .filter(_has_content)
        .map(lambda fields: Figure(**fields))
    )


def associated_media(*, marks: bool = True) -> st.SearchStrategy[Media]:
    """Article-level media with a role and, sometimes, the source's name for them."""
    return (
        st.fixed_dictionaries(_media_fields(marks))
        .filter(_has_content)
        .flatmap(
            lambda fields: st.builds(
                Media,
                role=st.sampled_from(["featured", "gallery", "related"]),
                name=st.none() | st.sampled_from(["featuremedia", "gallery1", "related-video"]),
                **{name: st.just(value) for name, value in fields.items()},
            )
        )
    )


def tables(*, marks: bool = True, spans_: bool = True) -> st.SearchStrategy[Table]:
    """A table of 1-3 rows of 1-3 cells: header or data, empty or not, spanning (``spans_``)."""
    span_size = st.integers(1, 3) if spans_ else st.just(1)
    cell = st.builds(
        TableCell,
        header=st.booleans(),
        colspan=span_size,
        rowspan=span_size,
        content=st.just([]) | spans(marks),
    )
    row = st.builds(TableRow, cells=st.lists(cell, min_size=1, max_size=3))
    return st.builds(
        Table, caption=st.just([]) | spans(marks), rows=st.lists(row, min_size=1, max_size=3)
    )


list_starts = st.none() | st.integers(0, 12) | st.sampled_from([999, 1000, MAX_LIST_START])
"""Where a list starts: mostly at 1, sometimes continuing (0 and the largest number included)."""


@lru_cache
def blocks(
    *, marks: bool = True, nesting: int = 2, headings: bool = True, media: bool = False
) -> st.SearchStrategy[list[Block]]:
    """Body blocks; quotes and lists nest ``nesting`` levels deep at most; ``media`` adds figures
    and tables (at the top level, where every format can place them)."""
    paragraph = st.builds(lambda content: Paragraph(content=content), spans(marks))
    heading = st.builds(
        lambda level, content: Heading(level=level, content=content),
        st.integers(1, 6),
        spans(marks),
    )
    leaf: st.SearchStrategy[Block] = st.one_of(paragraph, heading) if headings else paragraph
    block, list_ = leaf, None
    for _ in range(nesting):
        nested = st.just([]) if list_ is None else st.lists(list_, max_size=1)
        item = st.builds(lambda first, more: ListItem(blocks=[first, *more]), paragraph, nested)
        list_ = st.builds(
            lambda ordered, start, items: List(ordered=ordered, start=start, items=items),
            st.booleans(),
            list_starts,
            st.lists(item, min_size=1, max_size=3),
        )
        quote = st.builds(
            lambda inner: Quote(blocks=inner), st.lists(block, min_size=1, max_size=2)
        )
        block = st.one_of(leaf, leaf, quote, list_)
    if media:
        block = st.one_of(block, block, block, figures(marks=marks), tables(marks=marks))
    return st.lists(block, min_size=1, max_size=5)


concept = st.one_of(
    st.builds(Concept, name=title()),
    st.builds(
        Concept,
        name=st.none() | title(),
        code=st.from_regex(r"\A[0-9]{8}\Z"),
        vocabulary=st.just("http://cv.iptc.org/newscodes/mediatopic/"),
    ),
)


@st.composite
def articles(
    draw: st.DrawFn,
    fields: frozenset[str] = ALL_FIELDS,
    *,
    marks: bool = True,
    nesting: int = 2,
    headings: bool = True,
    media: bool = False,
) -> Article:
    """A valid Article whose set fields are drawn from ``fields``; ``media`` puts figures and
    tables in the body (``media`` must also be in ``fields`` for associated media)."""
    values: dict[str, Any] = {}

    def maybe(name: str, strategy: st.SearchStrategy[Any]) -> None:
        if name in fields and draw(st.booleans()):
            values[name] = draw(strategy)

    maybe("id", identifier)
    maybe("version", st.integers(1, 50))
    maybe("headline", title())
    if "headline" in values:
        maybe("subheadline", title())
    maybe("slugline", words)
    if "authors" in fields and draw(st.booleans()):
        names = draw(
            st.lists(
                st.lists(capitalised, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=3
            )
        )
        values["authors"] = [Person(name=name) for name in names]
        if "byline" in fields:
            values["byline"] = "By " + " and ".join(names)
    maybe("source", st.builds(Source, name=title()))
    maybe(
        "dateline",
        st.builds(
            Dateline,
            place=st.lists(
                words.map(str.upper).filter(lambda w: w.isupper() and w.isalpha()),
                min_size=1,
                max_size=3,
            ).map(" ".join),
            agency=st.none() | st.sampled_from(["AP", "Reuters", "dpa", "ask"]),
        ),
    )
    for name in ("published", "updated", "created", "embargoed", "expires"):
        maybe(name, date_or_time)
    maybe("language", st.sampled_from(["en", "en-GB", "de", "fr-CA", "zh-Hant-TW", "sr-Latn-RS"]))
    maybe("summary", sentence())
    maybe("editor_note", sentence())
    maybe("subjects", st.lists(concept, min_size=1, max_size=3))
    maybe("keywords", st.lists(title(), min_size=1, max_size=4))
    for name in ("places", "people", "organisations", "genres"):
        maybe(name, st.lists(concept, min_size=1, max_size=2))
    maybe("rights", st.builds(Rights, holder=title(), notice=st.none() | sentence()))
    maybe("urgency", st.integers(1, 9))
    maybe("status", st.sampled_from(["usable", "withheld", "canceled"]))
    maybe("body", blocks(marks=marks, nesting=nesting, headings=headings, media=media))
    if media:
        maybe("media", st.lists(associated_media(marks=marks), min_size=1, max_size=1))
    if not any(name in values for name in ("headline", "summary", "body", "media")):
        # an article with nothing to read is no article (holds_content): readers but canonical
        # JSON's refuse it
        values["body"] = draw(blocks(marks=marks, nesting=nesting, headings=headings, media=media))
    maybe(
        "extras",
        st.dictionaries(
            st.from_regex(r"\Atest:[a-z]{1,8}\Z"),
            st.recursive(
                st.none() | st.booleans() | st.integers(-1000, 1000) | sentence(),
                lambda children: (
                    st.lists(children, max_size=3) | st.dictionaries(words, children, max_size=3)
                ),
                max_leaves=6,
            ),
            min_size=1,
            max_size=3,
        ),
    )
    return Article(**values)
