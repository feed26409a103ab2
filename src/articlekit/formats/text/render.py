"""Writing an Article in the plain-text layout the reader understands.

::

    Headline
    Subheadline

    By Jane Doe, Staff Writer

    Example News, October 6, 2023 —
    Updated: 2023-10-06T12:00:00+02:00

    CARACAS (AP) — First paragraph ...

    ## Crosshead

    > A quoted paragraph

    - a list item

    [Picture: A caption
    Credit: Jane Doe/Example News
    File: https://example.org/photo.jpg]

    | A table | row |

A paragraph that the reader would take for something else (a dateline, a list, a byline, page
furniture) is protected with a leading backslash, so that text → Article → text → Article is stable.

The layout is read by heuristics, so the writer reads its own output back and names, in a
``text-not-round-trippable`` warning's ``fields``, every field that will come back different
(a headline taken for a dateline changes what follows it too; a derived id follows its content).
Two rules are by design: a byline is printed as it is when the reader takes that line for a
byline, else with "By " before it (or the wire mark " =" after it); and the authors of an article
without a byline are printed as "By A and B", which reads back as its byline.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from functools import cache
from typing import Any

from articlekit._text import lazy_pattern
from articlekit.diagnostics import Diagnostic
from articlekit.formats._media import Carries, as_figures, report_media
from articlekit.formats._support import report_dropped
from articlekit.formats.text import parse
from articlekit.formats.text.media import (
    render_figure,
    render_table,
    starts_like_media,
)
from articlekit.model import (
    NO_ARTICLE,
    Article,
    Block,
    Figure,
    Heading,
    List,
    ListItem,
    Paragraph,
    Quote,
    Span,
    Table,
    content_id,
    holds_content,
    iter_blocks,
)
from articlekit.prose import boilerplate, dates
from articlekit.prose.byline import spaced
from articlekit.prose.captions import CAPTION_LIMIT, read_caption
from articlekit.prose.dateline import PrintedDateline, format_dateline, split_dateline
from articlekit.prose.headers import (
    HEADER_LIMIT,
    flags_above,
    held,
    only_flags,
    read_header,
    shows_note,
)
from articlekit.registry import Context

CARRIED = {
    "headline", "subheadline", "byline", "authors", "source", "published", "updated",
    "dateline", "body", "media",
}  # fmt: skip
CARRIES = Carries(
    media=frozenset({"caption", "credit"}),
    renditions=frozenset(),
    roles=False,
    associated=False,
    several_renditions=False,
    caption_marks=False,
    table_cell_blocks=False,
    table_spans=False,
    table_headers=False,
)
"""What the text layout holds of media: kind, caption text, credit and one file (declared with
the writer that reports the rest: the reader's start-up makes no media declaration)."""


def render_article(article: Article, context: Context) -> str:
    first_warning = len(context.warnings)
    flags = flags_above(article, parse.FLAGS_KEY)
    # (extras that are the handling lines alone, all written above the headline, are carried)
    carried = CARRIED | ({"extras"} if flags and only_flags(article.extras) else set())
    if article.headline:  # (the embargo is a flag line above it; a hold with no end too)
        carried |= {"embargoed"} | (
            {"editor_note"} if shows_note(article.editor_note, flags) else set()
        )
        if article.status == "withheld" and held(flags) is not None:
            carried.add("status")
    report_dropped(article, carried, context, "text")
    report_media(article, CARRIES, context, "text")
    if article.media:  # no place beside the body: written as figures at its end
        article = article.model_copy(update={"body": [*article.body, *as_figures(article.media)]})
    _report_lost_detail(article, context)
    chunks: list[str] = []
    header = _header_lines(article, context)
    if article.headline:
        if flags:
            chunks.append("\n".join(flags))
        if not parse.looks_like_headline(article.headline) or (
            parse.header_line(article.headline, Context()) is not None
        ):
            context.warn(
                "text-not-round-trippable",
                "headline: the headline reads like a sentence, a byline or a date line; a text "
                "reader will not take it for the headline",
                fields=("headline",),
            )
        if article.subheadline and (
            not (
                parse.looks_like_headline(article.subheadline)
                or (header and parse.one_sentence_deck(article.subheadline))  # (over them)
            )
            or parse.header_line(article.subheadline, Context()) is not None
        ):
            context.warn(
                "text-not-round-trippable",
                "subheadline: the subheadline reads like a sentence; a text reader will not take "
                "it back",
                fields=("subheadline",),
            )
        chunks.append(
            article.headline + (f"\n{article.subheadline}" if article.subheadline else "")
        )
    elif article.subheadline:
        context.warn(
            "field-dropped",
            "subheadline: a subheadline without headline cannot be written as text",
            fields=("subheadline",),
        )
    if header:
        chunks.append("\n".join(header))
    body = [text for block in article.body if (text := _block(block, context)) is not None]
    if article.dateline is not None:
        printed = format_dateline(PrintedDateline(*_dateline_parts(article)))
        if article.body and isinstance(article.body[0], Paragraph):
            body[0] = f"{printed} {body[0]}"  # (the first paragraph, protected: never dropped)
        else:
            body.insert(0, printed)
        found = split_dateline(body[0])
        if found is None or tuple(found[0]) != _dateline_parts(article):
            context.warn(
                "text-not-round-trippable",
                f"dateline: the dateline {printed!r} will not read back as the same dateline",
                fields=("dateline",),
            )
    first_is_paragraph = bool(article.body) and isinstance(article.body[0], Paragraph)
    if not chunks and first_is_paragraph and parse.looks_like_headline(body[0]):
        body[0] = "\\" + body[0]  # a first paragraph must not read back as a headline
    chunks.extend(body)
    if len(chunks) < 2:
        context.warn(
            "text-not-round-trippable",
            "a text of fewer than two blocks has no layout to tell a headline from the body",
            fields=("headline", "body"),
        )
    text = "\n\n".join(chunks) + "\n"
    _verify(article, text, context, context.warnings[first_warning:])
    return text


_CLAIMS = ("field-dropped", "text-not-round-trippable")
"""Warnings that say a field will not read back (the others, such as formatting-dropped, say
that part of it will not)."""
_VERIFIED = ("headline", "subheadline", "slugline", "byline", "authors", "source", "published",
             "updated", "dateline", "embargoed")  # fmt: skip


_NO_ARTICLE_BACK = f"the text will not read back: {NO_ARTICLE}"


def _verify(article: Article, text: str, context: Context, said: list[Diagnostic]) -> None:
    """Read ``text`` back as the text reader will, and name every field that will come back
    different and that no warning has named yet: the layout is read by heuristics, so only
    reading it tells for sure (a headline taken for a dateline changes what follows it too)."""
    from articlekit.errors import ArticlekitError

    named = {field for warning in said if warning.code in _CLAIMS for field in warning.fields}
    try:
        fields = parse.read_fields(text, Context())
    except ArticlekitError as error:
        context.warn("text-not-round-trippable", f"the text will not read back: {error.message}")
        return
    if _reads_back_unchanged(article, fields):
        # (every field compared below would be equal: nothing to name, unless what comes back,
        # its headline, deck and body as the article's and nothing else, is no article)
        if not (article.headline or article.subheadline or article.body):
            context.warn("text-not-round-trippable", _NO_ARTICLE_BACK)
        return
    back = Article(**fields)
    if not holds_content(back):
        context.warn("text-not-round-trippable", _NO_ARTICLE_BACK)
        return
    changed = [field for field in _VERIFIED if getattr(article, field) != getattr(back, field)]
    if list(map(_text_of, article.body)) != list(map(_text_of, back.body)):
        changed.append("body")
    if back.id != article.id and article.id == content_id(article):
        changed.append("id")  # a derived id follows the content it is made from
    unnamed = tuple(field for field in changed if field not in named)
    if unnamed:
        context.warn(
            "text-not-round-trippable",
            f"{', '.join(unnamed)}: will read back differently from the text layout",
            fields=unnamed,
        )


_SMALL_FIELDS = frozenset(_VERIFIED)
_SOME_ID = "urn:articlekit:read-back"
"""An id for the small fields validated alone (so that none is derived from them)."""


def _reads_back_unchanged(article: Article, fields: dict[str, Any]) -> bool:
    """Whether the Article the reader makes of ``fields`` would equal ``article`` in every field
    that :func:`_verify` compares and in every field its content id is made of, told without
    validating the body: each block read back is a paragraph or crosshead of one plain span of
    spaced, printable text (which validation keeps as it is) equal to the article's. ``False``
    when in doubt (a quote or list, marks, extras the reader added): the full read-back decides."""
    from pydantic import ValidationError

    body = fields.get("body", ())
    if not fields.keys() - {"body"} <= _SMALL_FIELDS or len(body) != len(article.body):
        return False
    if not all(map(_same_plain_block, body, article.body)):
        return False
    small = {name: value for name, value in fields.items() if name != "body"}
    try:
        back = Article(id=_SOME_ID, **small)
    except ValidationError:
        return False  # (the full read-back raises it)
    return all(getattr(article, name) == getattr(back, name) for name in _VERIFIED) and (
        _same_printed_date(article.published, back.published)
    )


def _same_plain_block(read: object, block: Block) -> bool:
    """Whether a block read back as plain data validates to ``block`` itself: a paragraph or
    crosshead with no other field, of one span without marks whose text validation leaves as it
    is (no control, nothing to normalise)."""
    if type(block) is Paragraph:
        spans = block.content
        if len(spans) != 1 or read != {"type": "paragraph", "content": [{"text": spans[0].text}]}:
            return False
    elif type(block) is Heading:
        spans = block.content
        if len(spans) != 1 or read != {
            "type": "heading",
            "level": block.level,
            "content": [{"text": spans[0].text}],
        }:
            return False
    else:
        return False
    if len(block.__dict__) != len(read):  # (a field the reader does not set: compared in full)
        return False
    span = spans[0]
    return span.__dict__ == {**_plain_span_fields(), "text": span.text} and _kept(span.text)


@cache
def _plain_span_fields() -> dict[str, Any]:
    """The fields of a span of text without marks, as validation sets them: each default (read
    off the fields, not from a span made here: that would build the span's own validator)."""
    return {
        name: field.get_default(call_default_factory=True)
        for name, field in Span.model_fields.items()
        if name != "text"
    }


_UNPRINTABLE_ASCII = bytes([*range(0x20), 0x7F])


def _kept(text: str) -> bool:
    """Whether span validation keeps ``text`` as it is: no control, no whitespace but single
    spaces inside (printable: the only whitespace that is, is the space)."""
    if not text or text[0] == " " or text[-1] == " " or "  " in text:
        return False
    if text.isascii():  # (one pass of bytes.translate in C, faster than isprintable)
        data = text.encode("ascii")
        return len(data.translate(None, _UNPRINTABLE_ASCII)) == len(data)
    return text.isprintable()


def _same_printed_date(first: date | datetime | None, second: date | datetime | None) -> bool:
    """Equal dates that also print the same (equal date-times may be in different zones)."""
    if type(first) is not type(second):
        return False
    if isinstance(first, datetime) and isinstance(second, datetime):
        return first.utcoffset() == second.utcoffset()
    return True


def _text_of(block: Block) -> object:
    """What of a block the text layout says (its text and structure, not its marks)."""
    if isinstance(block, Paragraph):
        return "Paragraph", 0, _inline(block)
    if isinstance(block, Heading):
        return "Heading", block.level, _inline(block)
    if isinstance(block, Quote):
        return "quote", [_text_of(inner) for inner in block.blocks]
    if isinstance(block, List):
        return (
            "list",
            block.ordered,
            block.start,
            [[_text_of(inner) for inner in item.blocks] for item in block.items],
        )
    return type(block).__name__


def _dateline_parts(article: Article) -> tuple[str | None, str | None, str | None]:
    dateline = article.dateline
    assert dateline is not None
    return dateline.place, dateline.date_text, dateline.agency


def _header_lines(article: Article, context: Context) -> list[str]:
    lines: list[str] = []
    byline = _byline_line(article, context)
    if byline is not None:
        lines.append(byline)
    published = _printed_date(article.published) if article.published else None
    if article.source is not None and published is not None:
        lines.append(f"{article.source.name}, {published} —")
    elif article.source is not None:
        lines.append(f"Source: {article.source.name}")
    elif published is not None:
        lines.append(f"Published: {published}")
    if article.updated is not None:
        lines.append(f"Updated: {_printed_date(article.updated)}")
    return lines


def _byline_line(article: Article, context: Context) -> str | None:
    """The byline as printed when the text reader takes that line for a byline; else with " ="
    after it (the wire mark of a byline that names no one), "By " before it, or the label of
    its names' script (names without capitals read as a byline only after one)."""
    names = article.byline
    made = names is None and bool(article.authors)
    if made:
        names = " and ".join(person.name for person in article.authors)
    if names is None:
        return None
    byline = f"By {names}" if made else names
    candidates = [byline, f"{byline} ="]
    if byline[:3].lower() != "by ":
        candidates += [f"By {byline}", f"By {byline} ="]
    # (a label of the names' script before the wire mark, which would credit no one)
    scripts = [label.format(names) for script, label in _SCRIPT_LABELS if script.search(names)]
    tried = [candidates[0], *scripts, *candidates[1:]]
    line = next((line for line in tried if _reads_as_byline(line)), candidates[-1])
    if made:
        context.warn(
            "text-not-round-trippable",
            f"byline: the text layout credits authors in a byline line; {line!r}, made from "
            "the authors, will read back as the byline",
            fields=("byline",),
        )
    return line


def _reads_as_byline(line: str) -> bool:
    header = parse.header_line(line, Context())
    return header is not None and header.kind == "byline"


_SCRIPT_LABELS = (
    (lazy_pattern("[\u3400-\u9fff]"), "作者：{}"),
    (lazy_pattern("[\u0600-\u06ff]"), "بقلم {}"),
    (lazy_pattern("[\u0590-\u05ff]"), "מאת {}"),
)
"""Byline labels of scripts without capitals, whose names the text reader takes for a byline only
after a label of their own: Chinese (and Japanese) ``作者：``, Arabic ``بقلم``, Hebrew ``מאת``."""


def _printed_date(value: date | datetime) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    return dates.format_printed(value)


def _inline(block: Paragraph | Heading) -> str:
    return block.text.replace("\n", " ")


def _block(block: Block, context: Context) -> str | None:
    if isinstance(block, Paragraph):
        return _protect(_inline(block))
    if isinstance(block, Heading):
        return "#" * block.level + " " + _inline(block)
    if isinstance(block, Quote):
        inner = "\n\n".join(
            text for child in block.blocks if (text := _block(child, context)) is not None
        )
        return "\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))
    if isinstance(block, Figure):
        return render_figure(block, context)
    if isinstance(block, Table):
        return render_table(block)
    return _list(block, indent="")


def _list(block: List, indent: str) -> str:
    lines: list[str] = []
    for number, (text, lists) in enumerate(_items(block.items), start=block.first_number):
        marker = f"{number}." if block.ordered else "-"
        lines.append(f"{indent}{marker} {_protect_item(text)}")
        lines += [_list(child, indent + " " * (len(marker) + 1)) for child in lists]
    return "\n".join(lines)


def _items(items: list[ListItem]) -> Iterator[tuple[str, list[List]]]:
    """Each item's text on one line and its lists; an item of lists alone stands for its lists'
    items, in the list's own numbering (a bare marker reads back as no item)."""
    for item in items:
        text = _item_text(item.blocks)
        lists = [child for child in item.blocks if isinstance(child, List)]
        if text or not lists:
            yield text, lists
        else:
            for child in lists:
                yield from _items(child.items)


def _item_text(blocks: list[Block]) -> str:
    """The text of a list item's blocks but its lists, on the item's one line: a plain-text item
    is one paragraph (and its lists), so the paragraphs, quotes, tables and captions of a richer
    item are run together rather than lost (reported by :func:`_report_lost_detail`)."""
    texts: list[str] = []
    for block in blocks:
        if isinstance(block, List):
            continue
        for inner in iter_blocks([block]):
            if isinstance(inner, Paragraph | Heading):
                texts.append(_inline(inner))
            elif isinstance(inner, Figure):
                texts += (inner.caption_text, inner.credit or "")
            elif isinstance(inner, Table):  # (cells of blocks: their paragraphs come next)
                cells = [cell.text for row in inner.rows for cell in row.cells if not cell.blocks]
                texts += (" ".join(text.split()) for text in [_joined_spans(inner.caption), *cells])
    return " ".join(text for text in texts if text)


def _joined_spans(spans: list[Span]) -> str:
    return "".join(span.text for span in spans)


def _protect_item(text: str) -> str:
    """A leading backslash on list items the reader would cut as page furniture ("- Save") or
    whose text starts with a backslash."""
    needs = (
        text.startswith("\\")
        or boilerplate.is_furniture(text)  # (a line that opens a section is furniture too)
    )
    return "\\" + text if needs else text


def _protect(text: str) -> str:
    """A leading backslash on paragraphs the reader would otherwise take for something else."""
    needs = (
        text.startswith(("\\", "#", ">"))
        or starts_like_media(text)
        or parse._BULLET.match(text) is not None
        or parse._NUMBER.match(text) is not None
        or parse._SEPARATOR.match(text) is not None
        or split_dateline(text) is not None
        or _reads_as_line(spaced(text))
        or boilerplate.is_furniture(text)  # (a line that opens a section is furniture too)
    )
    return "\\" + text if needs else text


def _reads_as_line(text: str) -> bool:
    """Whether ``text`` (single-spaced) reads as a header line, a date, or a caption or credit.
    Each reader spaces a line first and gives up on one longer than its limit: a paragraph, the
    common case, is measured once here rather than spaced three times over."""
    return (
        (len(text) <= HEADER_LIMIT and read_header(text) is not None)
        or (
            len(text.strip(_DATE_EDGES)) <= dates.MAX_DATE_LENGTH
            and dates.parse_date(text) is not None
        )
        or (len(text) <= CAPTION_LIMIT and read_caption(text) is not None)
    )


_DATE_EDGES = " ,.;-—–"
"""What :func:`articlekit.prose.dates.parse_date` strips from a date's ends before measuring it."""


def _report_lost_detail(article: Article, context: Context) -> None:
    formatted = flattened = run_together = pictures = lifted = False
    for block in iter_blocks(article.body):
        if isinstance(block, Paragraph | Heading):
            for span in block.content:
                formatted = formatted or span.strong or span.emphasis or span.link is not None
                flattened = flattened or "\n" in span.text
        elif isinstance(block, List):
            for item in block.items:
                first, *rest = item.blocks
                if not isinstance(first, Paragraph) or any(
                    not isinstance(child, List) for child in rest
                ):
                    run_together = True
                    lifted = lifted or all(isinstance(child, List) for child in item.blocks)
                    pictures = pictures or any(
                        isinstance(inner, Figure) and inner.renditions
                        for inner in iter_blocks(item.blocks)
                    )
    if formatted:
        context.warn(
            "formatting-dropped",
            "body: bold, italic and links are not kept in plain text",
            fields=("body",),
        )
    if flattened:
        context.warn(
            "structure-flattened",
            "body: line breaks inside paragraphs were flattened",
            fields=("body",),
        )
    if run_together:
        context.warn(
            "structure-flattened",
            "body: list items of more than a paragraph (and its lists) were written on one line "
            "each, their paragraphs, quotes, tables and captions run together; the text is kept"
            + ("; pictures in them were left out" if pictures else "")
            + ("; items of lists alone were replaced by their lists' items" if lifted else ""),
            fields=("body",),
        )
