"""The Markdown body: CommonMark with GFM tables, through markdown-it-py, both ways.

Reading parses with markdown-it-py (CommonMark, plus GFM tables), renders each top-level block to
HTML and reads it with the body reader every markup format shares (``formats._markup``), so raw
HTML in the Markdown is read as safely as any page (scripts never, ``javascript:`` links
dropped) and each block keeps the line it started on. Link targets are taken as written (no
percent-encoding or punycode), so they read back as themselves.

Writing produces CommonMark that reads back to the same blocks: ``#`` headings, ``>`` quotes,
``-`` and ``1.`` lists, ``**strong**``, ``*emphasis*``, ``[links](target)``, backslash line
breaks, images and pipe tables (the conventions for figures and tables are in :mod:`.media`);
characters Markdown would take for syntax are backslash-escaped, and marks whose
delimiters CommonMark would not recognise at that place (next to punctuation or spaces) are
written as ``<strong>``/``<em>`` inline HTML, which CommonMark keeps.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Any

from articlekit._text import lazy_pattern
from articlekit.errors import InputError
from articlekit.formats._media import best_rendition, location
from articlekit.formats.markdown.media import CAPTION_PREFIX, caption_of, header_row, read_table
from articlekit.model import (
    MAX_LIST_START,
    MAX_MARKUP_ELEMENTS,
    MAX_NESTING,
    Block,
    Figure,
    Heading,
    List,
    Paragraph,
    Quote,
    Span,
    Table,
)
from articlekit.registry import Context

MAX_MARKDOWN_NESTING = 64
"""Deepest nesting of quotes and lists markdown-it is allowed (its default is 100)."""
MAX_FIGURE_CHUNKS = 8
"""Most top-level blocks one ``<figure>`` block may hold up to its end (the writer's hold 5)."""
_FIGURE_OPEN = lazy_pattern(r"\A<figure[\s>]", re.IGNORECASE)


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"maxNesting": MAX_MARKDOWN_NESTING}).enable("table")
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]
    md.normalizeLinkText = lambda url: url  # type: ignore[method-assign,assignment]
    # Every link is let through to the body reader, which drops javascript: and data: targets
    # with a warning and keeps their text.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


_CONTAINERS = frozenset({"blockquote_open", "bullet_list_open", "ordered_list_open"})
_CONTAINERS_CLOSED = frozenset({"blockquote_close", "bullet_list_close", "ordered_list_close"})


def _check_nesting(tokens: list[Any], first_line: int) -> None:
    """Quotes and lists nested deeper than the model holds, refused at the line of the first
    too deep (the model refused them at no line); and what markdown-it did not read, past its
    deepest nesting, which it drops unsaid (a quote nested 80 times lost its text). A token's
    level is at least its depth in quotes and lists: most bodies are passed over at one look."""
    deepest = max((token.level for token in tokens), default=0)
    if deepest <= MAX_NESTING:
        return
    depth = 0
    for token in tokens:
        if token.type in _CONTAINERS:
            depth += 1
            if depth > MAX_NESTING:
                deepest_token = token
                break
        elif token.type in _CONTAINERS_CLOSED:
            depth -= 1
    else:
        if deepest < MAX_MARKDOWN_NESTING - 1:
            return
        deepest_token = next(token for token in tokens if token.level == deepest)
    line = first_line + (deepest_token.map[0] if deepest_token.map else 0)
    raise InputError(f"quotes or lists nested deeper than {MAX_NESTING} levels", line=line)


def read_body(text: str, first_line: int, context: Context) -> tuple[list[Block], list[int]]:
    """The blocks of a Markdown body and the line (in the file) each one starts on."""
    from articlekit.formats._markup import BodyReader

    if text.count("[") > MAX_MARKUP_ELEMENTS:  # (markdown-it spends some 50 µs on each)
        raise InputError(
            f"more than {MAX_MARKUP_ELEMENTS:,} link brackets ('['): too much markup for one "
            "article"
        )
    if text.count("|") - text.count("\\|") > 2 * MAX_MARKUP_ELEMENTS:  # (some 2 KB a cell)
        raise InputError(
            f"more than {2 * MAX_MARKUP_ELEMENTS:,} '|' (table cell separators): too much table "
            "markup for one article"
        )
    md = _parser()
    reader = BodyReader(context)
    blocks: list[Block] = []
    lines: list[int] = []
    after_table = False
    tokens = md.parse(text)
    _check_nesting(tokens, first_line)
    for chunk in _chunks(tokens):
        line = first_line + (chunk[0].map[0] if chunk[0].map else 0)
        made = _read_chunk(md, chunk, reader, context, line)
        if after_table and chunk[0].type == "paragraph_open" and len(made) == 1:
            caption = caption_of(made[0].content) if isinstance(made[0], Paragraph) else None
            if caption is not None and isinstance(blocks[-1], Table):
                blocks[-1] = blocks[-1].model_copy(update={"caption": caption})
                continue
        if chunk[0].type == "table_open":
            made = [
                table
                for block in made
                if (table := read_table(block) if isinstance(block, Table) else block) is not None
            ]
        after_table = bool(made) and isinstance(made[-1], Table)
        blocks.extend(made)
        lines.extend([line] * len(made))
    return blocks, lines


def _chunks(tokens: list[Any]) -> list[list[Any]]:
    """The top-level blocks' tokens; a ``<figure>`` HTML block, the Markdown inside it and the
    HTML block that closes it are one chunk (one figure). A ``<figure>`` not closed within
    :data:`MAX_FIGURE_CHUNKS` blocks is no figure block: what follows it is read on its own."""
    chunks: list[list[Any]] = []
    depth = start = 0
    for index, token in enumerate(tokens):
        depth += token.nesting
        if depth == 0 and not (token.nesting == 1 and token.block):
            chunks.append(tokens[start : index + 1])
            start = index + 1
    merged: list[list[Any]] = []
    index = 0
    while index < len(chunks):
        end = index
        if _FIGURE_OPEN.match(_html(chunks[index])) and "</figure>" not in _html(chunks[index]):
            end = next(
                (
                    later
                    for later in range(index + 1, min(index + MAX_FIGURE_CHUNKS, len(chunks)))
                    if "</figure>" in _html(chunks[later])
                ),
                index,
            )
        merged.append([token for chunk in chunks[index : end + 1] for token in chunk])
        index = end + 1
    return merged


def _html(chunk: list[Any]) -> str:
    return str(chunk[0].content) if chunk[0].type == "html_block" else ""


def _read_chunk(md: Any, chunk: list[Any], reader: Any, context: Context, line: int) -> list[Block]:
    from articlekit.formats.html.page import UnparsableHTML, parse_fragment

    markup = md.renderer.render(chunk, md.options, {})
    if not markup.strip():
        return []
    try:
        container = parse_fragment(markup)  # huge mode, with the page's depth and size limits
    except UnparsableHTML as error:
        context.warn("markup-unreadable", f"a block could not be read: {error.message}", line=line)
        return []
    except InputError as error:  # nested too deeply: refused, never read cut short
        raise InputError(error.message, line=line) from None
    mark = len(context.warnings)
    made: list[Block] = reader.blocks(container)
    context.warnings[mark:] = [
        replace(warning, line=warning.line or line) for warning in context.warnings[mark:]
    ]
    return made


# --- writing -----------------------------------------------------------------------------------

_ESCAPED = lazy_pattern(r"([\\`*_\[\]<>#|~&!])")
"""Characters escaped wherever they stand (emphasis, code, links, HTML, entities, tables)."""
_LINE_START = lazy_pattern(r"^(\s*)([-+=]|\d{1,9}(?=[.)]))")
"""What opens a list item, a setext underline or an ordered list at the start of a line."""
_WORD_CHARACTER = lazy_pattern(r"\w", re.UNICODE)


def _flanking_safe(text: str, before: str, after: str) -> bool:
    """Whether ``*``/``**`` delimiters around ``text`` open and close emphasis in CommonMark:
    the text must start and end with a word character, and the neighbours must not be ones."""
    return (
        bool(text)
        and _WORD_CHARACTER.match(text[0]) is not None
        and _WORD_CHARACTER.match(text[-1]) is not None
        and (not before or _WORD_CHARACTER.match(before) is None)
        and (not after or _WORD_CHARACTER.match(after) is None)
    )


def _link_target(target: str) -> str:
    return re.sub(r"([\\()<>|\s])", r"\\\1", target)


def inline(spans: list[Span], heading: bool = False) -> str:
    """The spans as Markdown inline text; line breaks as ``\\`` at the line end (``<br>`` in a
    heading, which is one line)."""
    parts: list[str] = []
    texts = [span.text for span in spans]
    for index, span in enumerate(spans):
        pieces = [_ESCAPED.sub(r"\\\1", line) for line in span.text.split("\n")]
        breaker = "<br>" if heading else "\\\n"
        text = breaker.join(pieces)
        before = texts[index - 1][-1:] if index else ""
        after = texts[index + 1][:1] if index + 1 < len(texts) else ""
        if span.strong or span.emphasis:
            safe = "\n" not in span.text and _flanking_safe(span.text, before, after)
            if span.link is not None:
                safe = safe and not before[-1:].isalnum()
            if safe:
                delimiter = "*" * ((2 if span.strong else 0) + (1 if span.emphasis else 0))
                text = f"{delimiter}{text}{delimiter}"
            else:
                if span.emphasis:
                    text = f"<em>{text}</em>"
                if span.strong:
                    text = f"<strong>{text}</strong>"
        if span.link is not None:
            text = f"[{text}]({_link_target(span.link)})"
        parts.append(text)
    joined = "".join(parts)
    return "\n".join(_protect_start(line) for line in joined.split("\n"))


def _protect_start(line: str) -> str:
    """A line that would open a list item, a setext underline or an ordered list, escaped."""
    match = _LINE_START.match(line)
    if match is None:
        return line
    if match.group(2).isdigit():  # "2023. A year" would be an ordered list
        return line[: match.end()] + "\\" + line[match.end() :]
    return line[: match.start(2)] + "\\" + line[match.start(2) :]


def write_blocks(blocks: list[Block]) -> list[str]:
    """The lines of the Markdown body, blocks separated by blank lines."""
    lines: list[str] = []
    for index, block in enumerate(blocks):
        if index:
            lines.append("")
            if _would_join(blocks[index - 1], block):
                lines.append("<!-- -->")
                lines.append("")
        lines.extend(_block(block))
    return lines


def _would_join(before: Block, block: Block) -> bool:
    """Whether two blocks would read as one: two lists in a row merge; a paragraph starting with
    ``Table:`` after a table is its caption."""
    if isinstance(block, List) and isinstance(before, List):
        return True
    return (
        isinstance(before, Table)
        and isinstance(block, Paragraph)
        and block.text.startswith(CAPTION_PREFIX)
    )


def _block(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return inline(block.content).split("\n")
    if isinstance(block, Heading):
        return ["#" * block.level + " " + inline(block.content, heading=True)]
    if isinstance(block, Quote):
        return [f"> {line}" if line else ">" for line in write_blocks(block.blocks)]
    if isinstance(block, Figure):
        return _figure(block)
    if isinstance(block, Table):
        return _table(block)
    return _list(block)


def _figure(figure: Figure) -> list[str]:
    """An image alone in a paragraph; in a ``<figure>`` with its caption, credit and id."""
    import html

    entry = best_rendition(figure.renditions, lambda r: location(r) is not None)
    image: list[str] = []
    if entry is not None:
        alt = _ESCAPED.sub(r"\\\1", " ".join((figure.alt_text or "").split()))
        title = ""
        if figure.title:
            title = ' "' + figure.title.replace("\\", "\\\\").replace('"', '\\"') + '"'
        image = [f"![{alt}]({_link_target(location(entry) or '')}{title})"]
    if not (figure.caption or figure.credit or figure.id):
        return image
    itemid = f' itemid="{html.escape(figure.id)}"' if figure.id else ""
    lines = [f"<figure{itemid}>", ""]
    if image:
        lines += [*image, ""]
    if figure.caption or figure.credit:
        caption = inline(figure.caption) if figure.caption else ""
        if figure.credit:
            credit = _ESCAPED.sub(r"\\\1", figure.credit)
            caption += f'{" " if caption else ""}<span class="credit">{credit}</span>'
        lines += ["<figcaption>", "", *caption.split("\n"), "", "</figcaption>"]
    return [*lines, "</figure>"]


def _table(table: Table) -> list[str]:
    """A GFM pipe table (its first row the header row when it is all header cells), then its
    caption as a ``Table:`` paragraph."""
    rows = [[_cell(cell.content) for cell in row.cells] for row in table.rows]
    columns = max(len(row) for row in rows)
    rows = [row + [""] * (columns - len(row)) for row in rows]
    if not header_row(table):
        rows.insert(0, [""] * columns)
    lines = [_row(rows[0]), _row(["---"] * columns), *(_row(row) for row in rows[1:])]
    if table.caption:
        lines += ["", *f"{CAPTION_PREFIX} {inline(table.caption)}".split("\n")]
    return lines


def _cell(spans: list[Span]) -> str:
    return inline(spans, heading=True) if spans else ""


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _list(block: List) -> list[str]:
    lines: list[str] = []
    for number, item in enumerate(block.items, start=block.first_number):
        # CommonMark takes the list's numbers from its first marker and reads at most nine
        # digits in any: past the largest start, later items repeat it
        marker = f"{min(number, MAX_LIST_START)}. " if block.ordered else "- "
        indent = " " * len(marker)
        inner = write_blocks(item.blocks)
        for index, line in enumerate(inner):
            if index == 0:
                lines.append(marker + line)
            else:
                lines.append(indent + line if line else "")
    return lines
