"""Plain text: wire stories as agencies send them and as people copy them from web pages.

Reader: layout in :mod:`.parse` (headline, byline, source and date lines, dateline, paragraphs,
boilerplate), agency envelopes in :mod:`.wire` (IPTC 7901, ANPA-1312), decoding in
:mod:`articlekit.prose.encoding`. Writer: :mod:`.render`, the same layout, so that text → Article →
text is stable. Text carries headline, subheadline, byline (and the authors it names), source name,
published and updated dates, dateline and the body's paragraphs, crossheads, quotes and lists; it
drops inline formatting and every other field, with warnings.
"""

from __future__ import annotations

from collections.abc import Iterator

from articlekit.model import Article
from articlekit.prose.encoding import decode_text_checked
from articlekit.registry import Context


class TextReader:
    def read(self, data: bytes, context: Context) -> Iterator[Article]:
        from articlekit.formats.text.parse import parse_article

        text, controls = decode_text_checked(data, context)
        yield parse_article(text, context, controls=controls)


class TextWriter:
    def write(self, article: Article, context: Context) -> bytes:
        from articlekit.formats.text.render import render_article

        return render_article(article, context).encode("utf-8")


reader = TextReader()
writer = TextWriter()
