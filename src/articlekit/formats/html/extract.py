"""The article's text on a web page: the main content, without the page around it.

Two ways, chosen by what is installed and by the page:

* **with the extraction extra** (``pip install 'articlekit[html]'``): trafilatura finds the main
  content of a real news page (its scoring of text density, links and known page layouts is far
  beyond what a few rules can do). Its result, in its own TEI-like vocabulary, is renamed to HTML
  (:data:`_FROM_EXTRACTOR`) and read by the same body reader as every other markup format, so
  paragraphs, crossheads, lists, quotes, links, bold and italic come through; it gives no
  pictures or captions, so the page's own figures and tables are put in where it kept the text
  around them (:func:`_carry_own_media`);
* **semantic HTML** (without the extra, and for pages too large to give to the extractor): the
  page's ``<article>`` (the one with the most text), else ``<main>``, else the whole fragment, with
  navigation, asides, forms, hidden elements and furniture-named blocks (share bars, related
  links, comments, newsletter boxes, cookie banners) taken out. A whole web page with none of
  these landmarks needs the extra, and the error says so.

Either way, what is left is checked against the page-furniture knowledge the plain-text reader
uses (:mod:`articlekit.prose.boilerplate`): a trailing "Related" list, a comment form or share
buttons that slipped through are cut. Everything left out is reported in one
``html-boilerplate-dropped`` warning naming the kinds of furniture the page had.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from articlekit._extra import extractor_available
from articlekit._text import counted, lazy_pattern, title_says_more
from articlekit._xml import remove_keeping_tail, shown_text
from articlekit.errors import InputError
from articlekit.formats._markup import LINK_TITLE_DROPPED, THEMATIC_BREAK_DROPPED, read_markup
from articlekit.model import Block, Heading, List, Paragraph, Quote, Span, iter_blocks
from articlekit.prose import boilerplate, furniture, webcopy
from articlekit.registry import Context

EXTRA_HINT = "pip install 'articlekit[html]'"
MAX_EXTRACTOR_ELEMENTS = 50_000
"""Largest page (in elements) given to the extractor, whose time grows with the page (about 8 s
for 60,000 elements on one core); larger pages are read as semantic HTML. Real news pages have a
few thousand elements."""

_FROM_EXTRACTOR: dict[str, str] = {
    "head": "h2", "list": "ul", "item": "li", "quote": "blockquote", "ref": "a", "lb": "br",
    "graphic": "img", "row": "tr", "cell": "td", "code": "pre", "del": "s", "ab": "p",
}  # fmt: skip
"""trafilatura's element names (TEI) and the HTML ones the body reader knows."""
_MARKS = {"#b": "strong", "#i": "em", "#u": "u", "#t": "code", "#sub": "sub", "#sup": "sup"}

_UNLIKELY = lazy_pattern(
    r"(?:^|[-_\s])(?:ad|ads|advert\w*|banner|breadcrumbs?|byline|comments?|comment-\w+|"
    r"community|cookie\w*|consent|disqus|footer|gdpr|header|masthead|menu|modal|"
    r"newsletter|outbrain|pagination|pager|paywall|popup|promo\w*|related|recommend\w*|"
    r"replies|share\w*|sharing|sidebar|signup|social|sponsor\w*|subscribe|subscription|taboola|"
    r"tags|toolbar|widget|author\w*|dateline|skip-link|sr-only|visually-hidden)(?:$|[-_\s])",
    re.IGNORECASE,
)
"""Class or id words of page furniture (in the spirit of Readability's "unlikely candidates")."""
_LIKELY = lazy_pattern(r"(?:article|body|content|entry|main|story|text|post)", re.IGNORECASE)
_REMOVED_TAGS = (
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
    "input", "textarea", "svg", "canvas", "dialog", "header", "footer", "menu", "object",
)  # fmt: skip
_FURNITURE_KINDS = (
    ("navigation", lazy_pattern(r"nav|menu|breadcrumb", re.IGNORECASE)),
    ("share buttons", lazy_pattern(r"share|sharing|social", re.IGNORECASE)),
    ("comments", lazy_pattern(r"comment|disqus|replies", re.IGNORECASE)),
    ("related links", lazy_pattern(r"related|recommend|outbrain|taboola|more-from", re.IGNORECASE)),
    ("newsletter box", lazy_pattern(r"newsletter|subscribe|signup", re.IGNORECASE)),
    ("cookie banner", lazy_pattern(r"cookie|consent|gdpr", re.IGNORECASE)),
    ("advertising", lazy_pattern(r"(?:^|[-_\s])(?:ad|ads|advert\w*|sponsor\w*)(?:$|[-_\s])", re.I)),
)

logging.getLogger("trafilatura").addHandler(logging.NullHandler())


@dataclass
class Extracted:
    """The body found on a page, and how."""

    blocks: list[Block]
    method: str
    """``extractor`` (trafilatura) or ``semantic`` (the page's own landmarks)."""


def extract_body(root: Any, whole_document: bool, base: str | None, context: Context) -> Extracted:
    """The article's blocks on a page (``root`` is not modified)."""
    from copy import deepcopy

    page = deepcopy(root)
    _rename_amp(page)
    if base:
        _absolute_links(page, base)
    size = sum(1 for _ in page.iter())
    if extractor_available() and size <= MAX_EXTRACTOR_ELEMENTS:
        mark = len(context.warnings)
        region = semantic_container(page, True)
        blocks, carried = _with_extractor(page, region, context)
        if blocks and not runs_blocks_together(blocks, page, whole_document):
            _report_pictures(region if region is not None else page.find("body"), carried, context)
            _report_unplaced(region if region is not None else page, blocks, context)
            _report_furniture(root, blocks, context)
            return Extracted(blocks, "extractor")
        if blocks:  # the page's own reading holds the same text, in its own blocks
            del context.warnings[mark:]
        else:
            context.warn(
                "html-extraction-failed",
                "the extractor found no article text; the page's own landmarks were read instead",
            )
    elif extractor_available():
        context.warn(
            "html-extraction-skipped",
            f"the page has {size:,} elements, more than the {MAX_EXTRACTOR_ELEMENTS:,} given to"
            " the extractor; read as semantic HTML",
        )
    container = _own_container(page, whole_document)
    if container is None:
        raise InputError(
            "a whole web page without <article> or <main>: finding its article text needs the "
            f"extraction extra ({EXTRA_HINT}); or give the article's own markup"
        )
    prune(container)
    blocks = read_markup(container, context).blocks
    _report_furniture(root, blocks, context)
    return Extracted(blocks, "semantic")


def _rename_amp(page: Any) -> None:
    """AMP's custom elements (``amp-img``, ``amp-video``) as the HTML elements they stand for."""
    for element in page.iter():
        if isinstance(element.tag, str) and element.tag.startswith("amp-"):
            kind = element.tag[4:]
            if kind in ("img", "video", "audio", "iframe"):
                element.tag = kind
            elif kind not in ("carousel", "accordion", "fit-text"):
                element.tag = "object"  # ads, analytics, social embeds: no text of the story


def _absolute_links(page: Any, base: str) -> None:
    from urllib.parse import urljoin

    for anchor in page.iter("a"):
        href = (anchor.get("href") or "").strip()
        if href and not href.startswith("#") and "://" not in href[:12]:
            try:
                anchor.set("href", urljoin(base, href))
            except ValueError:  # a malformed IPv6 host, say
                continue


# --- with trafilatura -------------------------------------------------------------------------


def _extracted(page: Any, recall: bool) -> Any | None:
    """trafilatura's result (its TEI-like ``body``), or ``None`` when it found nothing."""
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            page,
            favor_recall=recall,
            include_comments=False,
            include_formatting=True,
            include_links=True,
            # Its pictures have no captions (the page's own figures are used instead); asking
            # for them also sways what is taken as text.
            include_images=False,
            include_tables=True,
            deduplicate=False,
            with_metadata=False,
        )
    except (ValueError, TypeError, RecursionError):
        return None
    body = getattr(document, "body", None)
    return body if body is not None and len(body) else None


def visible_length(element: Any) -> int:
    """Characters of text in ``element``, scripts and styles aside, whitespace collapsed."""
    total = 0
    for node in element.iter():
        if isinstance(node.tag, str) and node.tag not in ("script", "style", "noscript"):
            total += len(" ".join((node.text or "").split()))
        total += len(" ".join((node.tail or "").split()))
    return total


SHORT_SHARE = 0.1
"""An extraction holding less than this share of the page's text may have missed the article."""


def _with_extractor(page: Any, region: Any, context: Context) -> tuple[list[Block], int]:
    # Recall first: on news pages it keeps lists and short paragraphs that balanced mode drops;
    # when it comes back with next to nothing, balanced mode (which scores differently) gets a
    # second look, and the longer result is kept.
    starts = _list_starts(page)
    body = _extracted(page, recall=True)
    if body is None or visible_length(body) < SHORT_SHARE * visible_length(page):
        balanced = _extracted(page, recall=False)
        if balanced is not None and (
            body is None or visible_length(balanced) > visible_length(body)
        ):
            body = balanced
    if body is None:
        return [], 0
    _captions_as_figures(body, page)
    _rename_extracted(body, starts)
    carried = _carry_own_media(body, region)
    return read_markup(body, context).blocks, carried


def _rename_extracted(body: Any, starts: dict[str, str]) -> None:
    """The extractor's elements renamed to the HTML ones the body reader knows."""
    for element in body.iter():
        name = element.tag
        if name == "hi":
            element.tag = _MARKS.get(element.get("rend") or "", "span")
        elif name == "head":
            rend = element.get("rend") or ""
            element.tag = rend if re.fullmatch(r"h[1-6]", rend) else "h2"
        elif name == "list":
            element.tag = "ol" if element.get("rend") == "ol" else "ul"
            first = element.find("item")
            if starts and element.tag == "ol" and first is not None:
                start = starts.get(shown_text(first))
                if start is not None:
                    element.set("start", start)
        elif name == "cell":
            element.tag = "th" if element.get("role") == "head" else "td"
        elif name == "ref":
            element.tag = "a"
            element.set("href", element.get("target") or "")
        elif isinstance(name, str) and name in _FROM_EXTRACTOR:
            element.tag = _FROM_EXTRACTOR[name]


_PLAYERS = ("img", "picture", "video", "audio")


def _carry_own_media(body: Any, region: Any) -> int:
    """The figures and tables of the page's ``<article>`` or ``<main>`` (``region``) in the
    extractor's result (``body``, renamed to HTML), which leaves pictures and captions out and
    gives a table's ``<caption>`` as a row of its cells: a table it kept is the page's table with
    the same cells; a figure between two of the page's text blocks it kept comes after the
    first. Returns how many of the page's pictures or other media that carried."""
    if region is None or next(region.iter("figure", "table", *_PLAYERS), None) is None:
        return 0
    pieces = list(_pieces(region))
    return _own_tables(body, pieces) + _own_figures(body, pieces)


def _own_tables(body: Any, pieces: list[Any]) -> int:
    """Each table of the extractor's result that has the cells of one of the page's (its
    caption a first row of them), replaced by that table; the media in them."""
    carried = 0
    theirs = list(body.iter("table"))
    if not theirs:
        return 0
    tables = {mine: _cell_texts(mine) for mine in pieces if mine.tag == "table"}
    for table in theirs:
        cells = _cell_texts(table)
        for mine, own_cells in tables.items():
            caption = [
                text for part in mine if part.tag == "caption" and (text := _loose_text(part))
            ]
            if cells in (own_cells, caption + own_cells):
                copy = _pruned_copy(mine)
                copy.tail = table.tail
                table.getparent().replace(table, copy)
                del tables[mine]
                carried += sum(1 for _ in copy.iter(*_PLAYERS))
                break
    return carried


def _cell_texts(table: Any) -> list[str]:
    return [text for cell in table.iter("td", "th") if (text := _loose_text(cell))]


def _own_figures(body: Any, pieces: list[Any]) -> int:
    """The page's figures between two of its text blocks that the extractor kept one after the
    other (or in one block: a list, a quote), each placed after the first of them in its result
    (a picture whose ``alt`` a caption figure of :func:`_captions_as_figures` says becomes that
    figure's picture); the media they hold. A figure next to text the extractor left out stays
    out: there is no telling where it would go."""
    if not any(piece.tag == "figure" or piece.tag in _PLAYERS for piece in pieces):
        return 0
    children = list(body)
    texts = [_loose_text(child) for child in children]
    captioned = {
        _caption_key(shown_text(figure)): figure
        for figure in body.iter("figure")
        if next(figure.iter(*_PLAYERS), None) is None
    }
    carried = 0
    pending: list[Any] = []
    previous: int | None = None  # (the block the last text matched)
    position = 0  # (the last block a text matched)
    last: Any = None
    for piece in pieces:
        if piece.tag == "figure" or piece.tag in _PLAYERS:  # (a table is text to place them by)
            pending.append(piece)
            continue
        text = _loose_text(piece)
        found = _matching(text, texts, position)
        if found is None and position:  # (text matched ahead: a table of contents' heading)
            found = _matching(text, texts, 0)
        if previous is not None and found is not None and _next_to(children, previous, found):
            for figure in pending:
                copy = _pruned_copy(figure)
                carried += sum(1 for _ in copy.iter(*_PLAYERS))
                player = copy if copy.tag in _PLAYERS else next(copy.iter(*_PLAYERS), None)
                alt = _caption_key(player.get("alt") or "") if player is not None else ""
                said = captioned.pop(alt, None) if alt and not shown_text(copy) else None
                if said is not None:
                    said.insert(0, player)
                else:
                    copy.tail = None
                    last.addnext(copy)
                    last = copy
        pending = []
        if found is not None and found != previous:
            last = children[found]
            position = found
        previous = found
    return carried


def _pieces(element: Any) -> Iterator[Any]:
    """The figures (a ``<figure>``, a picture outside one), tables and the text elements holding
    no other in ``element``, in the page's order, page furniture (:func:`prune`) left out."""
    for child in element:
        name = child.tag
        if not isinstance(name, str) or _is_furniture(child):
            continue
        if name in ("figure", "table") or name in _PLAYERS:
            yield child
            continue
        if name in _TEXT_ELEMENTS and next(child.iterdescendants(_TEXT_ELEMENTS), None) is None:
            yield child
        yield from _pieces(child)


def _pruned_copy(element: Any) -> Any:
    from copy import deepcopy

    copy = deepcopy(element)
    prune(copy)
    return copy


def _next_to(children: list[Any], previous: int, found: int) -> bool:
    """Whether the blocks of the extractor's result two texts of the page are in follow each
    other: the next block, or the same list or quote (not one paragraph holding both: the
    extractor ran the page's blocks together, and what was between them has no place)."""
    return found == previous + 1 or (
        found == previous and children[found].tag in ("ul", "ol", "blockquote")
    )


def _matching(text: str, texts: list[str], start: int) -> int | None:
    """The first of ``texts`` from ``start`` that is ``text`` or holds it (three words or more)."""
    if not text:
        return None
    padded = f" {text} "
    for index in range(start, len(texts)):
        if texts[index] == text or (text.count(" ") >= 2 and padded in f" {texts[index]} "):
            return index
    return None


def _captions_as_figures(body: Any, page: Any) -> None:
    """A list of one item that says what a picture's ``alt`` on the page says: the picture's
    caption, as some pages print it under the picture (it was a bullet list; the extractor gives
    no pictures): a figure with that caption."""
    alts = {_caption_key(image.get("alt") or "") for image in page.iter("img")} - {""}
    if not alts:
        return
    from lxml import etree

    for listing in list(body.iter("list")):
        if len(listing) != 1 or _caption_key(shown_text(listing[0])) not in alts:
            continue
        figure = etree.Element("figure")
        etree.SubElement(figure, "figcaption").text = " ".join(shown_text(listing[0]).split())
        figure.tail = listing.tail
        listing.getparent().replace(listing, figure)


def _caption_key(text: str) -> str:
    """A caption's words, as an ``alt`` and a list item both print them."""
    return " ".join(text.split()).rstrip(".").casefold()


def _list_starts(page: Any) -> dict[str, str]:
    """The ``start`` of the page's numbered lists that have one, by the words of their first
    item: the extractor leaves attributes out, and a list that continues after an interruption
    would be numbered from 1 again."""
    starts: dict[str, str] = {}
    for listing in page.iter("ol"):
        start = listing.get("start")
        first = next((item for item in listing if item.tag == "li"), None)
        if start is not None and first is not None:
            starts.setdefault(shown_text(first), start)
    return starts


def _report_pictures(region: Any, carried: int, context: Context) -> None:
    """The extractor leaves pictures out: say how many the article's part of the page had that
    were not ``carried`` from the page's markup."""
    if region is None:
        return
    count = sum(1 for element in region.iter(*_PLAYERS)) - carried
    if count:
        context.warn(
            "media-dropped",
            f"{counted(count, 'picture')} or other media in the article's part of the page left"
            " out: only those standing between two blocks of text the article keeps (its"
            " headline among them) are carried",
        )


def _report_unplaced(region: Any, blocks: list[Block], context: Context) -> None:
    """The extractor drops link titles and thematic breaks unsaid: say so, as the body reader
    does, of those in the article it found, in one walk of the article's part of the page in
    document order: a titled link whose target and text it kept; a ``<hr>`` between two of the
    page's text blocks it kept (nested in any way), not one in the page around them."""
    kept_links: set[tuple[str, str]] = set()
    kept_texts: set[str] = set()
    for block in iter_blocks(blocks):
        if isinstance(block, Paragraph | Heading):
            kept_links.update(_links_of(block.content))
            kept_texts.add(" ".join(block.text.split()))
    titled = broken = after_kept = False
    rule_after_kept = False
    for element in region.iter("a", "hr", *_TEXT_ELEMENTS):
        name = element.tag
        if name == "a":
            href, title = (element.get("href") or "").strip(), element.get("title")
            text = shown_text(element)
            titled = titled or (
                bool(title) and (href, text) in kept_links and title_says_more(title, text, href)
            )
        elif name == "hr":
            rule_after_kept = rule_after_kept or after_kept
        elif text := shown_text(element):
            after_kept = text in kept_texts
            broken = broken or (rule_after_kept and after_kept)
            rule_after_kept = False
    if titled:
        context.warn("formatting-dropped", LINK_TITLE_DROPPED)
    if broken:
        context.warn("formatting-dropped", THEMATIC_BREAK_DROPPED)


def _links_of(spans: list[Span]) -> Iterator[tuple[str, str]]:
    """Each link of a block's spans with its text (a link's consecutive spans joined)."""
    for link, run in itertools.groupby(spans, key=lambda span: span.link):
        if link:
            yield link, " ".join("".join(span.text for span in run).split())


_TEXT_ELEMENTS = (
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "caption",
    "td", "th", "dt", "dd",
)  # fmt: skip
"""Elements whose text the body reader keeps as a block of its own (or a caption, or a cell)."""
SAME_TEXT = 0.9
"""How much of their words (Dice's measure, counted) the extractor's result and the page's own
reading share when they hold the same text."""
RUN_TOGETHER = 0.9
"""The share of the extractor's words in paragraphs that each hold several of the page's blocks
from which its result has lost the page's structure (on 1,230 real pages: 1.0 where it fell
back to one paragraph, at most 0.52 elsewhere)."""


def runs_blocks_together(blocks: list[Block], page: Any, whole_document: bool) -> bool:
    """Whether the extractor ran the page's own blocks together: nearly all its text is in
    paragraphs that each hold several paragraphs, captions or table cells of the page's own
    reading (as without the extra), which has the same words in at least twice as many blocks.
    trafilatura does this on a page with little text, where it falls back to each
    ``<article>``'s (or the whole body's) text as one paragraph, headline and byline included:
    the own reading then loses nothing and keeps the page's paragraphs, figures and tables."""
    container = _own_container(page, whole_document)
    if container is None or sum(1 for _ in container.iter(_TEXT_ELEMENTS)) < 2 * len(blocks):
        return False
    from collections import Counter
    from copy import deepcopy

    own = deepcopy(container)
    prune(own)
    parts = [
        text
        for element in own.iter(_TEXT_ELEMENTS)
        if next(element.iterdescendants(_TEXT_ELEMENTS), None) is None  # (a <p> in an <li>)
        and (text := _loose_text(element))
    ]
    if len(parts) < 2 * len(blocks):
        return False
    texts = [
        _loose(block.text)
        for block in iter_blocks(blocks)
        if isinstance(block, Paragraph | Heading)
    ]
    theirs = Counter(word for text in texts for word in text.split())
    ours = Counter(_loose_text(own).split())
    total = sum(theirs.values())
    if 2 * sum((theirs & ours).values()) < SAME_TEXT * (total + sum(ours.values())):
        return False
    run_together = sum(len(text.split()) for text in texts if _holds_several(text, parts))
    return run_together >= RUN_TOGETHER * total


def _holds_several(text: str, parts: list[str]) -> bool:
    """Whether ``text`` holds two or more of ``parts`` of three words or more (each less than
    the whole of it; shorter ones, a number or a table cell, are found anywhere), or a shorter
    one it opens with (a headline of two words run into the story's one paragraph)."""
    held = 0
    padded = f" {text} "
    for part in parts:
        if part != text and (
            (part.count(" ") >= 2 and f" {part} " in padded) or padded.startswith(f" {part} ")
        ):
            held += 1
            if held == 2:
                return True
    return False


def _loose(text: str) -> str:
    """Words alone, lower case: the same text however it was split and punctuated."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def _loose_text(element: Any) -> str:
    """The loose words of an element, those of neighbouring elements kept apart (table cells)."""
    return _loose(" ".join(element.itertext()))


# --- semantic HTML ----------------------------------------------------------------------------


def _own_container(page: Any, whole_document: bool) -> Any | None:
    """The element read without the extractor: the landmark, else (with the extra installed)
    the whole body."""
    container = semantic_container(page, whole_document)
    if container is None and extractor_available():
        return page.find("body")
    return container


def _text_length(element: Any) -> int:
    return len(" ".join(element.text_content().split()))


def semantic_container(page: Any, whole_document: bool) -> Any | None:
    """The element holding the article: the ``<article>`` with most text, ``<main>``, or the
    body of a fragment; ``None`` for a whole page without such landmarks."""
    articles = list(page.iter("article"))
    if articles:
        return max(articles, key=_text_length)
    main = next(page.iter("main"), None)
    if main is None:
        main = page.find(".//*[@role='main']")
    if main is not None:
        return main
    if not whole_document:
        return page.find("body") if page.find("body") is not None else page
    return None


def hidden(element: Any) -> bool:
    """Whether the page hides the element (``hidden``, ``aria-hidden``, a style that hides it)."""
    style = (element.get("style") or "").replace(" ", "").lower()
    return (
        element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
        or "display:none" in style
        or "visibility:hidden" in style
    )


def _unlikely(element: Any) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return (
        bool(names.strip())
        and _UNLIKELY.search(names) is not None
        and not (_LIKELY.search(names) and element.tag in ("div", "section", "article", "main"))
    )


def prune(container: Any) -> None:
    """Take page furniture out of ``container`` (its descendants; the container stays)."""
    doomed = [element for element in container.iterdescendants() if _is_furniture(element)]
    for element in doomed:
        remove_keeping_tail(element)  # (nothing for one inside an element already removed)


def _is_furniture(element: Any) -> bool:
    """An element :func:`prune` takes out (a comment or processing instruction is none)."""
    return isinstance(element.tag, str) and (
        element.tag in _REMOVED_TAGS or hidden(element) or _unlikely(element)
    )


# --- furniture the text reader also knows -------------------------------------------------------


def _lines(blocks: list[Block]) -> list[tuple[int, str]]:
    """(top-level block index, text) for every paragraph-like block, nested ones included."""
    lines: list[tuple[int, str]] = []
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph | Heading):
            lines.append((index, block.text))
        elif isinstance(block, List | Quote):
            for inner in iter_blocks([block]):
                if isinstance(inner, Paragraph | Heading):
                    lines.append((index, inner.text))
    return lines


def cut_furniture(
    blocks: list[Block], context: Context, language: str | None = None
) -> list[Block]:
    """Blocks without the page furniture the plain-text reader also cuts: single furniture
    lines anywhere ("Advertisement", "Share this:"), a box's sentence printed again and again
    between the story's paragraphs (a blocked embed's notice), and a trailing section
    ("Related", "Leave a Reply") with what follows it."""
    lines = _lines(blocks)
    start = boilerplate.trailing_start([text for _, text in lines])
    cut_from = lines[start][0] if start is not None and start > 0 else len(blocks)
    boxed = _boxed_sentences(blocks)
    dropped: list[str] = []
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        text = block.text if isinstance(block, Paragraph | Heading) else None
        if (
            index >= cut_from
            or (text is not None and furniture.is_furniture(text, language))
            or (type(block) is Paragraph and block.text in boxed)
        ):
            dropped.append(_summary(block))
            continue
        kept.append(block)
    if dropped and kept:
        preview = "; ".join(repr(text) for text in dropped[:3])
        more = f" and {len(dropped) - 3} more" if len(dropped) > 3 else ""
        context.warn(
            "html-boilerplate-dropped",
            f"left out {counted(len(dropped), 'block')} of page furniture in the text: "
            f"{preview}{more}",
        )
        return kept
    return blocks


def _boxed_sentences(blocks: list[Block]) -> set[str]:
    """The paragraphs' texts printed :data:`~articlekit.prose.webcopy.BOX_REPEATS` times or more
    that are a box's sentence ("This embedded content is blocked by your privacy settings."):
    what the plain-text reader leaves out of a copy of the page; with the box's other repeated
    lines, each time right next to such a sentence (its label: "External content"). Boxes are
    set between a story's paragraphs: when they hold most of the paragraphs' text, they are the
    story (a page of placeholder paragraphs), and stay."""
    texts = [block.text if type(block) is Paragraph else None for block in blocks]
    repeated = {
        text for text, count in Counter(filter(None, texts)).items() if count >= webcopy.BOX_REPEATS
    }
    boxed = set(filter(webcopy.boxed_sentence, repeated))
    if not boxed:
        return boxed
    beside: dict[str, bool] = {}
    for index, text in enumerate(texts):
        if text in repeated and text not in boxed:
            neighbours = texts[max(index - 1, 0) : index] + texts[index + 1 : index + 2]
            beside[text] = beside.get(text, True) and any(n in boxed for n in neighbours)
    boxed.update(text for text, always in beside.items() if always)
    boxed_length = sum(len(text) for text in texts if text in boxed)
    return boxed if 2 * boxed_length < sum(len(text) for text in texts if text) else set()


def _summary(block: Block) -> str:
    texts = [b.text for b in iter_blocks([block]) if isinstance(b, Paragraph | Heading)]
    text = " / ".join(texts)
    return text if len(text) <= 40 else text[:39] + "…"


def _report_furniture(root: Any, blocks: list[Block], context: Context) -> None:
    """One warning naming the kinds of page furniture left out (navigation, comments, ...) and
    how many words of the page's text are not in the article."""
    body = root.find("body")
    if body is None:
        return
    kept_words = sum(
        len(block.text.split())
        for block in iter_blocks(blocks)
        if isinstance(block, Paragraph | Heading)
    )
    kinds: list[str] = []
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        names = f"{element.tag} {element.get('class') or ''} {element.get('id') or ''}"
        names += f" {element.get('role') or ''}"
        for kind, pattern in _FURNITURE_KINDS:
            if kind not in kinds and pattern.search(names) and _text_length(element) > 0:
                kinds.append(kind)
    page_words = _page_words(body)
    if page_words > kept_words:
        named = f" ({', '.join(kinds)})" if kinds else ""
        context.warn(
            "html-boilerplate-dropped",
            f"left out the page around the article{named}: {page_words - kept_words:,} of its"
            f" {page_words:,} words",
        )


def _page_words(body: Any) -> int:
    words = 0
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "noscript"):
            continue
        for text in (element.text, element.tail):
            if text:
                words += len(text.split())
    return words
