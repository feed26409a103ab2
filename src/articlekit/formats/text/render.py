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

A paragraph that the reader would take for something else (a dateline, a list, a byline, page
furniture) is protected with a leading backslash, so that text → Article → text → Article is stable.
"""

from __future__ import annotations

from datetime import date, datetime

from articlekit.formats._support import report_dropped, without_media
from articlekit.formats.text import parse
from articlekit.model import Article, Block, Heading, List, Paragraph, Quote, iter_blocks
from articlekit.prose import boilerplate, dates
from articlekit.prose.byline import byline_names
from articlekit.prose.captions import read_caption
from articlekit.prose.dateline import PrintedDateline, format_dateline, split_dateline
from articlekit.prose.headers import read_header
from articlekit.registry import Context

CARRIED = {
    "headline", "subheadline", "byline", "authors", "source", "published", "updated",
    "dateline", "body",
}  # fmt: skip


def render_article(article: Article, context: Context) -> str:
    article = without_media(article, context, "text")
    report_dropped(article, CARRIED, context, "text")
    _report_lost_detail(article, context)
    chunks: list[str] = []
    if article.headline:
        if not parse.looks_like_headline(article.headline) or (
            parse.header_line(article.headline, Context()) is not None
        ):
            context.warn(
                "text-not-round-trippable",
                "the headline reads like a sentence, a byline or a date line; a text reader will "
                "not take it for the headline",
            )
        if article.subheadline and (
            not parse.looks_like_headline(article.subheadline)
            or parse.header_line(article.subheadline, Context()) is not None
        ):
            context.warn(
                "text-not-round-trippable",
                "the subheadline reads like a sentence; a text reader will not take it back",
            )
        chunks.append(
            article.headline + (f"\n{article.subheadline}" if article.subheadline else "")
        )
    elif article.subheadline:
        context.warn("field-dropped", "a subheadline without headline cannot be written as text")
    header = _header_lines(article)
    if header:
        _check_header(article, header, context)
        chunks.append("\n".join(header))
    body = [_block(block) for block in article.body]
    if article.dateline is not None:
        printed = format_dateline(PrintedDateline(*_dateline_parts(article)))
        if article.body and isinstance(article.body[0], Paragraph):
            body[0] = f"{printed} {_protect(_inline(article.body[0]))}"
        else:
            body.insert(0, printed)
        found = split_dateline(body[0])
        if found is None or tuple(found[0]) != _dateline_parts(article):
            context.warn(
                "text-not-round-trippable",
                f"the dateline {printed!r} will not read back as the same dateline",
            )
    first_is_paragraph = bool(article.body) and isinstance(article.body[0], Paragraph)
    if not chunks and first_is_paragraph and parse.looks_like_headline(body[0]):
        body[0] = "\\" + body[0]  # a first paragraph must not read back as a headline
    chunks.extend(body)
    if len(chunks) < 2:
        context.warn(
            "text-not-round-trippable",
            "a text of fewer than two blocks has no layout to tell a headline from the body",
        )
    return "\n\n".join(chunks) + "\n"


def _check_header(article: Article, header: list[str], context: Context) -> None:
    """Warn when the header lines would not read back as the article's own values."""
    fields: dict[str, object] = {}
    probe = Context()
    for line in header:
        found = parse.header_line(line, probe)
        if found is None:
            context.warn(
                "text-not-round-trippable",
                f"header line {line!r} will not read back as a byline, source or date",
            )
            return
        parse.apply_header(found, fields)
    expected = article.model_dump(include={"byline", "authors", "source", "published", "updated"})
    # A given id: deriving one from the content would cost a serialisation, for a probe.
    read_back = Article(**{"id": "urn:articlekit:probe", **fields}).model_dump(
        include=set(expected)
    )
    if article.byline is None:
        expected.pop("byline", None)
        read_back.pop("byline", None)
    different = sorted(name for name in expected if expected[name] != read_back.get(name))
    if different:
        context.warn(
            "text-not-round-trippable",
            f"{', '.join(different)} will read back differently from the text layout",
        )


def _dateline_parts(article: Article) -> tuple[str | None, str | None, str | None]:
    dateline = article.dateline
    assert dateline is not None
    return dateline.place, dateline.date_text, dateline.agency


def _header_lines(article: Article) -> list[str]:
    lines: list[str] = []
    byline = article.byline
    if byline is None and article.authors:
        byline = "By " + " and ".join(person.name for person in article.authors)
    if byline is not None:
        # a byline that reads as one as printed ("Von Christian Hollmann, dpa") is kept as it is
        printed = byline if byline_names(byline) or byline[:3].lower() == "by " else f"By {byline}"
        # " =" ends a wire byline: it marks "By dpa correspondents" as one though it names no one
        lines.append(printed if byline_names(printed) else printed.rstrip(" =") + " =")
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


def _printed_date(value: date | datetime) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    return dates.format_printed(value)


def _inline(block: Paragraph | Heading) -> str:
    return block.text.replace("\n", " ")


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return _protect(_inline(block))
    if isinstance(block, Heading):
        return "#" * block.level + " " + _inline(block)
    if isinstance(block, Quote):
        inner = "\n\n".join(_block(child) for child in block.blocks)
        return "\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))
    assert isinstance(block, List)  # figures and tables were taken out (without_media)
    return _list(block, indent="")


def _list(block: List, indent: str) -> str:
    lines: list[str] = []
    for number, item in enumerate(block.items, start=1):
        marker = f"{number}." if block.ordered else "-"
        first, *rest = item.blocks
        text = _inline(first) if isinstance(first, Paragraph | Heading) else ""
        lines.append(f"{indent}{marker} {text}")
        for child in rest:
            if isinstance(child, List):
                lines.append(_list(child, indent + " " * (len(marker) + 1)))
    return "\n".join(lines)


def _protect(text: str) -> str:
    """A leading backslash on paragraphs the reader would otherwise take for something else."""
    first_line = text
    needs = (
        text.startswith(("\\", "#", ">"))
        or parse._BULLET.match(first_line) is not None
        or parse._NUMBER.match(first_line) is not None
        or parse._SEPARATOR.match(first_line) is not None
        or split_dateline(first_line) is not None
        or read_header(first_line) is not None
        or dates.parse_date(first_line) is not None
        or read_caption(first_line) is not None
        or boilerplate.is_furniture(first_line)
        or boilerplate.is_section_start(first_line)
    )
    return "\\" + text if needs else text


def _report_lost_detail(article: Article, context: Context) -> None:
    formatted = flattened = False
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
                    flattened = True
    if formatted:
        context.warn("formatting-dropped", "bold, italic and links are not kept in plain text")
    if flattened:
        context.warn(
            "structure-flattened",
            "line breaks inside paragraphs and complex list items were flattened",
        )
