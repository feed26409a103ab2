"""The Markdown body: CommonMark with GFM tables, through markdown-it-py, both ways.

Reading parses with markdown-it-py (CommonMark, plus GFM tables), renders each top-level block to
HTML and reads it with the body reader every markup format shares (``formats._markup``), so raw
HTML in the Markdown is read as safely as any page (scripts never, ``javascript:`` links
dropped) and each block keeps the line it started on. Link targets are taken as written (no
percent-encoding or punycode), so they read back as themselves.

Writing produces CommonMark that reads back to the same blocks: ``#`` headings, ``>`` quotes,
``-`` and ``1.`` lists, ``**strong**``, ``*emphasis*``, ``[links](target)``, backslash line
breaks; characters Markdown would take for syntax are backslash-escaped, and marks whose
delimiters CommonMark would not recognise at that place (next to punctuation or spaces) are
written as ``<strong>``/``<em>`` inline HTML, which CommonMark keeps.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Any

from articlekit.errors import InputError
from articlekit.model import Block, Heading, List, Paragraph, Quote, Span
from articlekit.registry import Context

MAX_MARKDOWN_NESTING = 64
"""Deepest nesting of quotes and lists markdown-it is allowed (its default is 100)."""


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


def read_body(text: str, first_line: int, context: Context) -> tuple[list[Block], list[int]]:
    """The blocks of a Markdown body and the line (in the file) each one starts on."""
    from articlekit.formats._markup import BodyReader
    from articlekit.formats.html.page import parse_fragment

    md = _parser()
    tokens = md.parse(text)
    reader = BodyReader(context)
    blocks: list[Block] = []
    lines: list[int] = []
    depth = 0
    start = 0
    for index, token in enumerate(tokens):
        depth += token.nesting
        if depth != 0 or (token.nesting == 1 and token.block):
            continue
        chunk = tokens[start : index + 1]
        start = index + 1
        markup = md.renderer.render(chunk, md.options, {})
        line = first_line + (chunk[0].map[0] if chunk[0].map else 0)
        if not markup.strip():
            continue
        try:
            container = parse_fragment(markup)
        except InputError as error:
            raise InputError(error.message, line=line) from None
        mark = len(context.warnings)
        made = reader.blocks(container)
        context.warnings[mark:] = [
            replace(warning, line=warning.line or line) for warning in context.warnings[mark:]
        ]
        blocks.extend(made)
        lines.extend([line] * len(made))
    return blocks, lines


# --- writing -----------------------------------------------------------------------------------

_ESCAPED = re.compile(r"([\\`*_\[\]<>#|~&!])")
"""Characters escaped wherever they stand (emphasis, code, links, HTML, entities, tables)."""
_LINE_START = re.compile(r"^(\s*)([-+=]|\d{1,9}(?=[.)]))")
"""What opens a list item, a setext underline or an ordered list at the start of a line."""
_WORD_CHARACTER = re.compile(r"\w", re.UNICODE)


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
    return re.sub(r"([\\()<>\s])", r"\\\1", target)


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
            if isinstance(block, List) and isinstance(blocks[index - 1], List):
                lines.append("<!-- -->")  # two lists in a row would merge into one
                lines.append("")
        lines.extend(_block(block))
    return lines


def _block(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return inline(block.content).split("\n")
    if isinstance(block, Heading):
        return ["#" * block.level + " " + inline(block.content, heading=True)]
    if isinstance(block, Quote):
        return [f"> {line}" if line else ">" for line in write_blocks(block.blocks)]
    assert isinstance(block, List), "figures and tables are taken out before (without_media)"
    return _list(block)


def _list(block: List) -> list[str]:
    lines: list[str] = []
    for number, item in enumerate(block.items, start=1):
        marker = f"{number}. " if block.ordered else "- "
        indent = " " * len(marker)
        inner = write_blocks(item.blocks)
        for index, line in enumerate(inner):
            if index == 0:
                lines.append(marker + line)
            else:
                lines.append(indent + line if line else "")
    return lines
