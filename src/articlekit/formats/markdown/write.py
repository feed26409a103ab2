"""Markdown writer: YAML front matter (:mod:`.frontmatter`), then the body (:mod:`.body`)."""

from __future__ import annotations

from articlekit.formats.markdown import body, frontmatter
from articlekit.model import Article
from articlekit.registry import Context


def write_markdown(article: Article, context: Context) -> str:
    from articlekit.formats.markdown.media import shown_body
    from articlekit.formats.markdown.printed import shown_with_header

    article = shown_body(article, context)
    matter = frontmatter.front_matter(article)
    # The front matter is written even when empty: it says the file is an article.
    parts = ["---\n" + (frontmatter.dump(matter) if matter else "") + "---\n"]
    lines = body.write_blocks(shown_with_header(article, context))
    if lines:
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)
