"""Markdown with YAML front matter, as static-site generators (Hugo, Jekyll, Astro, Eleventy) and
newsrooms keeping stories in git write it.

Reader: front matter in :mod:`.frontmatter` (safe YAML, bounded aliases, Hugo and Jekyll names,
the ``articlekit:`` key for everything else), body in :mod:`.body` (CommonMark and GFM tables
through markdown-it-py). Every field and block remembers its line in the file, so ``articlekit
validate`` points into the Markdown. Writer: the same layout; JSON → Markdown → JSON loses nothing
(fields with no common front matter name go under ``articlekit:``, front matter keys of other
tools kept in extras go back where they were).

Both need the ``markdown-it-py`` and ``PyYAML`` dependencies (installed with articlekit), imported
only when a Markdown file is read or written.
"""

from __future__ import annotations

from collections.abc import Iterator

from articlekit.model import Article
from articlekit.registry import Context


class MarkdownReader:
    def read(self, data: bytes, context: Context) -> Iterator[Article]:
        from articlekit.formats.markdown.read import read_markdown

        yield read_markdown(data, context)


class MarkdownWriter:
    options = ("extras",)

    def write(self, article: Article, context: Context) -> bytes:
        from articlekit.formats.markdown.write import write_markdown

        return write_markdown(article, context).encode("utf-8")


reader = MarkdownReader()
writer = MarkdownWriter()
