"""The layout of articlekit's own pages, shared by the writer and the reader that reads them back.

An own page is marked by ``<article data-articlekit="1">``. What it shows is read from where the
writer put it, without any extraction heuristics::

    <article data-articlekit="1" lang="..." dir="rtl">   (lang, dir in a fragment; else on <html>)
      <header>
        <h1>headline</h1>
        <p class="subheadline">…</p>
        <p class="byline">By …</p>              (or <p class="authors"> when there is no byline)
        <p class="dates"><time class="published" datetime="…">…</time> …
                         <time class="updated" datetime="…">…</time></p>
        <p class="dateline">…</p>              (only when the body does not open with a paragraph)
        <figure class="featured">…</figure>    (the featured picture of ``media``; not read back:
                                                 the media list is in the JSON-LD or the script)
      </header>
      <p><span class="dateline"><span class="dateline-place">…</span>, <span
         class="dateline-date">…</span> (<span class="dateline-agency">…</span>) —</span> …</p>
      … the body (figures and tables as :mod:`.media` writes them) …
      <footer><p class="rights">…</p></footer>
      <script type="application/ld+json">…</script>          (schema.org NewsArticle)
      <script type="application/json" class="articlekit-fields">…</script>
    </article>

The JSON-LD carries the metadata schema.org has a property for; the ``articlekit-fields`` script
carries, as canonical JSON, only the fields that neither the visible page nor the JSON-LD give back
exactly (slugline, urgency, status, extras, concept codes, ...), so the page reads back to the
same article and an edit of the visible text is still seen.
"""

from __future__ import annotations

from typing import Any

MARKER = "data-articlekit"
MARKER_VALUE = "1"
FIELDS_CLASS = "articlekit-fields"
FLAGS_CLASS = "flags"
"""The paragraphs of flag lines over the headline ("EMBARGOED UNTIL ...")."""
FLAGS_KEY = "html:flags"
"""The extras in which the reader keeps the flag paragraphs over another page's headline."""
JSONLD_TYPE = "application/ld+json"
FIELDS_TYPE = "application/json"
DATELINE_PARTS = {
    "place": "dateline-place",
    "date_text": "dateline-date",
    "agency": "dateline-agency",
}
VISIBLE = frozenset(
    {"headline", "subheadline", "byline", "dateline", "published", "updated", "body"}
)
"""Fields an own page shows and its reader takes from what is shown."""


def own_article(root: Any) -> Any | None:
    """The ``<article>`` articlekit wrote, if the page is one of its own."""
    return root.find(f".//article[@{MARKER}='{MARKER_VALUE}']")
