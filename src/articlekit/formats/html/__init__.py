"""HTML: web pages in, publishable pages out.

Reader (what it supports):

* any web page, decoded as a browser would (:mod:`.page`), parsed by lxml without network access
  and within libxml2's limits;
* metadata from schema.org JSON-LD (``NewsArticle`` and its kin, in ``@graph`` too), microdata,
  Open Graph and ``article:*``, ``<meta>`` names, ``<time datetime>``, ``<html lang>``, the
  ``<title>`` and ``<h1>``; the order that decides disagreements, with a warning, is documented in
  :mod:`.metadata`;
* the article's text (:mod:`.extract`): through trafilatura when the ``articlekit[html]`` extra is
  installed; else from the page's ``<article>`` or ``<main>`` or a fragment's markup (a whole page
  without them is refused with the install hint); page furniture is cut and reported with the
  knowledge the plain-text reader shares (:mod:`articlekit.prose.boilerplate`);
* paragraphs, crossheads, lists, quotes, links, bold and italic, figures (``<figure>``, ``<img>``,
  ``<picture>``, ``<video>``, ``<audio>`` with caption and credit) and tables; ``javascript:`` links
  are dropped, scripts never read;
* articlekit's own pages (:mod:`.layout`) are read back field by field, without heuristics.

Writer: a standalone, accessible HTML5 page with schema.org JSON-LD, or with ``-O fragment=true``
the ``<article>`` element alone (:mod:`.write`); figures and tables as :mod:`.media` says.
"""

from __future__ import annotations

from collections.abc import Iterator

from articlekit.model import Article
from articlekit.registry import Context


class HtmlReader:
    def read(self, data: bytes, context: Context) -> Iterator[Article]:
        from articlekit.formats.html.read import read_page

        yield read_page(data, context)


class HtmlWriter:
    options = ("fragment",)

    def write(self, article: Article, context: Context) -> bytes:
        from articlekit.formats.html.write import write_page

        return write_page(article, context)


reader = HtmlReader()
writer = HtmlWriter()
