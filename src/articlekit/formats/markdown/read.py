"""A Markdown file ⇄ an article: front matter and body put together, with their lines."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from articlekit.errors import InputError
from articlekit.formats.markdown import body, frontmatter, printed
from articlekit.model import Article, describe_validation_error
from articlekit.prose.controls import without_controls
from articlekit.prose.encoding import decode_text
from articlekit.registry import Context


def read_markdown(data: bytes, context: Context) -> Article:
    text = decode_text(data, context).replace("\r\n", "\n").replace("\r", "\n")
    text = without_controls(text, context)
    matter, rest, body_line = frontmatter.split(text)
    fields: dict[str, Any] = {}
    where: dict[str, int] = {}
    own_dateline = False
    if matter is not None:
        loaded, lines = frontmatter.load(matter)
        fields, where = frontmatter.fields_from(loaded, lines, context)
        own_dateline = frontmatter.body_prints_dateline(loaded)
    blocks, block_lines = body.read_body(rest, body_line, context)
    blocks, block_lines = printed.taken_from_body(
        blocks, block_lines, fields, context, own_dateline=own_dateline
    )
    fields["body"] = blocks
    where["body"] = block_lines[0] if block_lines else body_line
    where.update({f"body[{index}]": line for index, line in enumerate(block_lines)})
    if fields.get("headline") is None:
        extras = fields.get("extras")
        untitled = isinstance(extras, dict) and "markdown:title" in extras
        said = "'s title is not text" if untitled else " has no title"
        context.warn("no-headline", f"the front matter{said}; the article has none", line=1)
    try:
        article = Article(**{key: value for key, value in fields.items() if value is not None})
    except ValidationError as error:
        problem = error.errors(include_url=False, include_input=False)[0]
        field = str(problem["loc"][0]) if problem["loc"] else ""
        raise InputError(describe_validation_error(error), line=where.get(field, 1)) from None
    context.locations.update(where)
    return article
