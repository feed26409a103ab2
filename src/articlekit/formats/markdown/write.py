"""Markdown writer: YAML front matter (:mod:`.frontmatter`), then the body (:mod:`.body`)."""

from __future__ import annotations

from articlekit.errors import option_setting
from articlekit.formats._support import yes_or_no
from articlekit.formats.markdown import body, frontmatter
from articlekit.model import NO_ARTICLE, Article, holds_content
from articlekit.registry import Context


def write_markdown(article: Article, context: Context) -> str:
    from articlekit.formats.markdown.media import shown_body
    from articlekit.formats.markdown.printed import shown_with_header

    if not yes_or_no(context, "extras", default=True) and article.extras:
        # (a site's page needs no page furniture a web copy's reader kept, say)
        context.warn(
            "field-dropped",
            f"Markdown output leaves out the extras ({', '.join(sorted(article.extras))}), as "
            f"{option_setting('extras', context.option('extras') or 'false')} asks",
            fields=("extras",),
        )
        article = article.model_copy(update={"extras": {}})
    article = shown_body(article, context)
    if not holds_content(article):
        context.warn(
            "markdown-not-round-trippable",
            f"the Markdown will not read back: {NO_ARTICLE}",
            fields=("body",),
        )
    matter = frontmatter.front_matter(article)
    # The front matter is written even when empty: it says the file is an article.
    parts = ["---\n" + (frontmatter.dump(matter) if matter else "") + "---\n"]
    lines = body.write_blocks(shown_with_header(article, context))
    if lines:
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)
