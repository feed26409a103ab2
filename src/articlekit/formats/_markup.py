"""Body markup shared by the XML and HTML formats: (X)HTML and NITF ``body.content`` ⇄ blocks.

NewsML-G2 carries XHTML (or NITF) inside ``inlineXML``, NITF has ``body.content``, ninjs has
``body_html``: the same handful of elements under two vocabularies. Reading accepts both by local
name, whatever the namespace:

* blocks: ``p``; ``h1``–``h6`` and NITF ``hl2`` (crossheads); ``blockquote``/``bq`` (with NITF
  ``block``); ``ul``/``ol``/``li``; ``pre`` (lines kept as line breaks); containers such as
  ``div``, ``section``, ``block`` are looked into;
* inline: ``strong``/``b``, ``em``/``i``, ``a href``, ``br``; other inline elements (``span``,
  ``q``, NITF ``person``/``org``/``location``...) keep their text, and NITF entity markup is also
  collected so readers can fill ``people``, ``organisations`` and ``places``;
* figures (``figure``, ``img``, ``picture``, ``video``, ``audio``, NITF ``media``) and tables (the
  HTML 4 model) are read by :mod:`articlekit.formats._figures`; a picture inside a paragraph
  becomes a figure after that paragraph; other embedded content (``iframe``, ``object``) is
  reported with ``media-dropped``; anything else unknown keeps its text.

Writing produces the XHTML vocabulary (``p``, ``h1``–``h6``, ``blockquote``, ``ul``/``ol``/``li``,
``strong``, ``em``, ``a``, ``br``, ``figure``, ``table``); other vocabularies (NITF) adapt it with
a :class:`Dialect`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from pydantic import TypeAdapter, ValidationError

from articlekit._text import title_says_more
from articlekit._xml import UNSHOWN, local_name, shown_pieces, shown_text
from articlekit.errors import InputError
from articlekit.formats._direction import Direction, blocks_text, own_direction
from articlekit.formats._figures import (
    FIGURE_ELEMENTS,
    read_figure,
    read_table,
    write_figure,
    write_table,
)
from articlekit.model import (
    MAX_BLOCKS,
    MAX_LIST_START,
    MAX_MARKUP_ELEMENTS,
    Block,
    Figure,
    Heading,
    List,
    ListItem,
    Paragraph,
    Quote,
    Span,
    Table,
    is_safe_link,
    iter_blocks,
)
from articlekit.registry import Context

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6, "hl2": 2}
_QUOTES = {"blockquote", "bq"}
_LISTS = {"ul", "ol"}
_CONTAINERS = {
    "div", "section", "article", "main", "body", "body.content", "block", "header", "footer",
    "aside", "center", "html", "content", "dd", "li", "td", "th", "figcaption",
}  # fmt: skip
_TABLES = {"table", "nitf-table"}
_MEDIA = {"iframe", "object", "embed"}
"""Embedded content that is not a picture, video or audio file of its own."""
_SKIPPED = {"hr", "head", "title", "meta", "link", *UNSHOWN}
_STRONG = {"strong", "b"}
_UNMARKED = {"sup", "sub", "u", "ins", "s", "strike", "del", "mark", "small", "big", "tt", "code"}
"""Formatting the model has no mark for: the text stays, the formatting goes (and is reported)."""
_EMPHASIS = {"em", "i", "cite"}
_ENTITY_KINDS = {"person": "people", "org": "organisations", "location": "places"}
_BLOCK_NAMES = (
    set(_HEADINGS) | _QUOTES | _LISTS | _CONTAINERS | _TABLES | _MEDIA | _SKIPPED | FIGURE_ELEMENTS
    | {"p", "pre", "dl", "dt", "tr", "thead", "tbody", "tfoot", "caption", "note", "fn", "tagline"}
)  # fmt: skip


@dataclass
class _Marks:
    strong: bool = False
    emphasis: bool = False
    link: str | None = None


_NO_MARKS = _Marks()
"""Marks of text outside any mark (never changed: inner marks are copies)."""


THEMATIC_BREAK_DROPPED = "a thematic break (<hr>, ---) has no block in the article"
LINK_TITLE_DROPPED = "a link's title (its tooltip) has no place in the article"
"""The ``formatting-dropped`` messages of what a body's markup holds that the model has no
place for, said once a document (the HTML reader says them of what its extractor drops)."""


@dataclass
class BodyReader:
    """Reads body markup into blocks, warning through ``context`` about what it cannot carry."""

    context: Context
    entities: dict[str, list[str]] = field(default_factory=dict)
    """Names marked up inline, by article field (``people``, ``organisations``, ``places``)."""
    made: int = 0
    """Blocks made so far, to stop hostile inputs of millions of tiny paragraphs early."""
    text_started: bool = False
    """Whether body text (anything but headings) has been read: labels come before it."""
    labels: dict[str, str] = field(default_factory=dict)
    """Labelled values an agency puts before the text (TT's ``<div class="dat"><span
    class="vignette">Litteratur</span><span class="source">TT</span></div>``), by class."""
    unmarked: set[str] = field(default_factory=set)
    """What was met that the model has no place for, by element name (reported once): formatting
    without a mark, thematic breaks, link titles."""
    floating: list[Block] = field(default_factory=list)
    """Figures met inside inline text, placed after the block that holds them."""
    shortcut: bool = True
    """Whether a paragraph of text alone is read in :meth:`blocks` itself (the common case), not
    by :meth:`_block` (the same blocks, as a test holds it)."""

    def count(self) -> None:
        """Count one more block (or table cell) against :data:`MAX_BLOCKS`."""
        self.made += 1
        if self.made > MAX_MARKUP_ELEMENTS:
            raise InputError(
                f"more than {MAX_BLOCKS} paragraphs and table cells: too long for one article"
            )

    def blocks(self, container: Any) -> list[Block]:
        """The blocks inside ``container`` (its own tag is not a block)."""
        blocks: list[Block] = []
        pending: list[Span] = []

        def flush() -> None:
            if pending and any(span.text.strip() for span in pending):
                self.count()
                blocks.append(Paragraph(content=list(pending)))
                self.text_started = True
            pending.clear()
            blocks.extend(self.floating)
            self.floating.clear()

        self._between(container.text, pending)
        for node in container:
            name = local_name(node)
            if (
                name == "p"
                and not len(node)
                and not pending
                and not self.floating
                and self.shortcut
            ):
                # most paragraphs: text alone, nothing pending before them (as _block makes it)
                made = self._text_paragraph(node)
                if made:
                    blocks += made
                    self.text_started = True
            elif name in _BLOCK_NAMES:
                flush()
                made = self._block(node, name)
                if made and not self.text_started:
                    self.text_started = any(not isinstance(block, Heading) for block in made)
                blocks.extend(made)
                blocks.extend(self.floating)
                self.floating.clear()
            elif name:
                self._inline(node, _NO_MARKS, pending)
            if node.tail:
                self._between(node.tail, pending)
        flush()
        return blocks

    def _between(self, text: str | None, pending: list[Span]) -> None:
        """Text of a container outside its blocks: the start of a paragraph without element, or
        indentation between blocks, which makes nothing (whitespace opening a paragraph is
        trimmed anyway)."""
        if (text and pending) or _loose_text(text):
            self._inline_text(text, _NO_MARKS, pending)

    def _text_paragraph(self, node: Any) -> list[Block]:
        """A ``<p>`` of text alone (most paragraphs: no marks to follow), counted."""
        self.count()
        text = node.text
        if not text or not text.strip():
            return []
        return [text_paragraph(_flat(text))]

    def _block(self, node: Any, name: str) -> list[Block]:
        if name == "p" and not len(node):
            return self._text_paragraph(node)
        self.count()
        if name == "p":
            spans = self.spans(node)
            return [Paragraph(content=spans)] if _has_text(spans) else []
        if name in _HEADINGS:
            spans = self.spans(node)
            return [Heading(level=_HEADINGS[name], content=spans)] if _has_text(spans) else []
        if name in _QUOTES:
            inner = self.blocks(node)
            return [Quote(blocks=inner)] if inner else []
        if name in _LISTS:
            items = [
                ListItem(blocks=blocks)
                for item in node
                if local_name(item) == "li" and (blocks := self.blocks(item))
            ]
            if not items:
                return []
            start = _list_start(node.get("start")) if name == "ol" else None
            return [List(ordered=name == "ol", start=start, items=items)]
        if name == "pre":
            return _preformatted("".join(text for _, text in shown_pieces(node)))
        if name in _TABLES:
            return read_table(node, self)
        if name in FIGURE_ELEMENTS:
            return read_figure(node, name, self)
        if name in _MEDIA:
            self.context.warn(
                "media-dropped", f"a <{name}> element was left out (embedded content is not read)"
            )
            return []
        if name in _SKIPPED:
            if name == "hr":
                self._unplaced("hr", THEMATIC_BREAK_DROPPED)
            return []
        labels = _labels(node) if name == "div" and not self.text_started else None
        if labels:
            self.labels.update(labels)
            return []
        return self.blocks(node)

    def _unplaced(self, what: str, message: str) -> None:
        """Say once a document that what the model has no place for was left out."""
        if what not in self.unmarked:
            self.unmarked.add(what)
            self.context.warn("formatting-dropped", message)

    def spans(self, node: Any) -> list[Span]:
        """The inline content of ``node`` as spans with marks."""
        spans: list[Span] = []
        self._inline_text(node.text, _NO_MARKS, spans)
        for child in node:
            self._inline(child, _NO_MARKS, spans)
            self._inline_text(child.tail, _NO_MARKS, spans)
        return spans

    def _inline(self, node: Any, marks: _Marks, spans: list[Span]) -> None:
        name = local_name(node)
        if not name or name in _SKIPPED:
            return
        if name == "br":
            spans.append(
                Span(text="\n", strong=marks.strong, emphasis=marks.emphasis, link=marks.link)
            )
            return
        if name in FIGURE_ELEMENTS:
            self.floating.extend(read_figure(node, name, self))
            return
        if name in _MEDIA:
            self.context.warn(
                "media-dropped", f"an inline <{name}> was left out (embedded content is not read)"
            )
            return
        inner = _Marks(marks.strong, marks.emphasis, marks.link)
        if name in _UNMARKED:
            self._unplaced(name, f"<{name}> formatting has no mark in the article; text kept")
        if name in _STRONG:
            inner.strong = True
        elif name in _EMPHASIS:
            inner.emphasis = True
        elif name == "a":
            href = (node.get("href") or "").strip()
            dropped = bool(href) and not is_safe_link(href)
            if dropped:
                scheme = "".join(href.split()).split(":")[0].lower()  # as a browser reads it
                self.context.warn("link-dropped", f"a {scheme}: link was left out")
            elif href and not any(char.isspace() for char in href):
                inner.link = href
            if not dropped and title_says_more(node.get("title"), shown_text(node), href):
                self._unplaced("title", LINK_TITLE_DROPPED)
        elif name in _ENTITY_KINDS:
            text = shown_text(node)
            if text:
                found = self.entities.setdefault(_ENTITY_KINDS[name], [])
                if text not in found:
                    found.append(text)
        self._inline_text(node.text, inner, spans)
        for child in node:
            self._inline(child, inner, spans)
            self._inline_text(child.tail, inner, spans)

    @staticmethod
    def _inline_text(text: str | None, marks: _Marks, spans: list[Span]) -> None:
        if text:
            spans.append(
                Span(
                    text=_flat(text), strong=marks.strong, emphasis=marks.emphasis, link=marks.link
                )
            )


def plain_paragraphs(container: Any) -> list[Block] | None:
    """The blocks of a container that holds ``p`` elements of one line of text alone and
    whitespace around them (the body articlekit's writers make), read as
    :meth:`BodyReader.blocks` reads them, without a reader's walk; ``None`` for anything else
    (text outside the paragraphs, another element, a comment, a paragraph with markup or a line
    break). Such a body has no labels, entities or figures to report."""
    count = len(container)
    if count > MAX_MARKUP_ELEMENTS or _loose_text(container.text):
        return None
    # (the paragraphs, in any namespace or none, told by lxml in C without a tag made for each;
    # another element, a comment or a processing instruction leaves them fewer than the nodes)
    paragraphs = list(container.iterchildren("{*}p"))
    if len(paragraphs) != count:
        return None
    texts: list[str] = []
    for node in paragraphs:
        text = node.text
        if len(node) or _loose_text(node.tail) or (text is not None and "\n" in text):
            return None
        if text and text.strip():
            texts.append(_flat(text))
    blocks: list[Block] = [*text_paragraphs(texts)]
    return blocks


def _loose_text(text: str | None) -> bool:
    """Whether text between blocks starts a paragraph of its own (see ``BodyReader._between``),
    rather than being indentation."""
    return text is not None and text.strip(" \t\r\n") != ""


def text_paragraphs(texts: list[str]) -> list[Paragraph]:
    """``[text_paragraph(text) for text in texts]``, validated in one call (a call for each
    paragraph costs a microsecond more than its share of one call for all). When the model
    refuses one, they are made one at a time, so that the error is the one
    :func:`text_paragraph` raises for the first refused."""
    try:
        paragraphs: list[Paragraph] = _paragraph_list().validate_python(
            [{"content": [{"text": text}]} for text in texts]
        )
    except ValidationError:
        return [text_paragraph(text) for text in texts]
    return paragraphs


@functools.cache
def _paragraph_list() -> TypeAdapter[list[Paragraph]]:
    """The validator of a list of paragraphs, built on first use (as the models are)."""
    return TypeAdapter(list[Paragraph])


def text_paragraph(text: str) -> Paragraph:
    """``Paragraph(content=[Span(text=text)])``, validated from plain data by the paragraph's
    validator in one call (the two constructors cost a microsecond more, a dozen an article).
    A text the model refuses goes through the constructors, so that the error names the field
    as they do (``text``, not ``content[0].text``)."""
    try:
        paragraph: Paragraph = Paragraph.__pydantic_validator__.validate_python(
            {"content": [{"text": text}]}
        )
    except ValidationError:
        return Paragraph(content=[Span(text=text)])
    return paragraph


def _list_start(value: str | None) -> int | None:
    """The number an ``ol`` starts at, from its ``start``; a value the model cannot hold (not a
    number, negative, more than nine digits) is left out, as browsers ignore what is no number."""
    digits = (value or "").strip()
    if not (digits.isascii() and digits.isdigit()) or len(digits) > len(str(MAX_LIST_START)):
        return None
    return int(digits)


def _flat(text: str) -> str:
    """Line breaks in markup source are just spaces; only <br> makes a hard break."""
    return text.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def _has_text(spans: list[Span]) -> bool:
    return any(span.text.strip() for span in spans)


def _preformatted(text: str) -> list[Block]:
    """Preformatted text: blank lines separate paragraphs, single line breaks are kept."""
    blocks: list[Block] = []
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if lines:
            blocks.append(Paragraph(content=[Span(text="\n".join(lines))]))
    return blocks


# --- writing -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dialect:
    """Element names of an output vocabulary; XHTML by default."""

    namespace: str | None = "http://www.w3.org/1999/xhtml"
    paragraph: str = "p"
    heading: Callable[[int], tuple[str, dict[str, str]]] = lambda level: (f"h{level}", {})
    """Element name and attributes of a crosshead of a level."""
    quote: str = "blockquote"
    quote_wrapper: str | None = None
    """An element every quoted block sits in (NITF ``bq/block``), or ``None``."""
    strong: tuple[str, dict[str, str]] = ("strong", {})
    emphasis: tuple[str, dict[str, str]] = ("em", {})
    link: str = "a"
    line_break: str = "br"
    figure: Callable[[Any, Figure, Dialect], None] = write_figure
    """Writes a figure into a parent element (XHTML ``figure``; NITF ``media``)."""
    list_start: bool = True
    """Whether ``ol`` takes a ``start`` (NITF's has none: writers call
    :func:`report_list_starts`)."""
    embeds: bool = True
    """Whether a picture known by its bytes alone is written as a ``data:`` URI (a page); in
    NewsML-G2 and ninjs pictures travel as references, so their bytes are reported instead."""
    browser: bool = False
    """Whether the markup is for browsers (a page, a ninjs body): every ``img`` has an ``alt``
    (empty when nothing describes the picture), and one known only by an id (``tag:`` URI, bare
    id) shows no player, as no browser could load it (NewsML-G2's XHTML may name picture items)."""

    def tag(self, name: str) -> str:
        return f"{{{self.namespace}}}{name}" if self.namespace else name


XHTML = Dialect()
HTML = Dialect(namespace=None, browser=True)
_HTML_REFERENCES = Dialect(namespace=None, embeds=False, browser=True)


def write_blocks(
    parent: Any, blocks: list[Block], dialect: Dialect = XHTML, direction: Direction | None = None
) -> None:
    """Append ``blocks`` as elements to the lxml element ``parent``; with the ``direction`` the
    blocks are read in (``parent``'s), a block whose own text reads the other way has a ``dir``
    (see :mod:`~articlekit.formats._direction`)."""
    from lxml import etree

    paragraph_tag = dialect.tag(dialect.paragraph)
    for block in blocks:
        if isinstance(block, Paragraph):
            element = etree.SubElement(parent, paragraph_tag)
            content = block.content
            if len(content) == 1 and _plain(content[0]):  # most paragraphs: one span, no marks
                if content[0].text:
                    element.text = content[0].text  # (append_text to an empty element)
            else:
                write_spans(element, content, dialect)
            if direction is not None:
                _mark_direction(element, block.text, direction)
        elif isinstance(block, Heading):
            name, attributes = dialect.heading(block.level)
            element = etree.SubElement(parent, dialect.tag(name), attributes)
            write_spans(element, block.content, dialect)
            if direction is not None:
                _mark_direction(element, block.text, direction)
        elif isinstance(block, Quote):
            quote = etree.SubElement(parent, dialect.tag(dialect.quote))
            inner = (
                etree.SubElement(quote, dialect.tag(dialect.quote_wrapper))
                if dialect.quote_wrapper
                else quote
            )
            quoted = direction
            if direction is not None:
                quoted = _mark_direction(quote, blocks_text(block.blocks), direction)
            write_blocks(inner, block.blocks, dialect, quoted)
        elif isinstance(block, Figure):
            dialect.figure(parent, block, dialect)
        elif isinstance(block, Table):
            write_table(parent, block, dialect)
        elif isinstance(block, List):
            listing = etree.SubElement(parent, dialect.tag("ol" if block.ordered else "ul"))
            if block.start is not None and dialect.list_start:
                listing.set("start", str(block.start))
            listed = direction
            if direction is not None:  # (the list as a whole: its markers on its own side)
                listed = _mark_direction(listing, blocks_text([block]), direction)
            for item in block.items:
                element = etree.SubElement(listing, dialect.tag("li"))
                if len(item.blocks) == 1 and isinstance(item.blocks[0], Paragraph):
                    write_spans(element, item.blocks[0].content, dialect)
                else:
                    write_blocks(element, item.blocks, dialect, listed)


def _mark_direction(element: Any, text: str, around: Direction) -> Direction:
    """Give ``element`` a ``dir`` when its ``text`` reads against the direction ``around`` it;
    the direction it reads in."""
    own = own_direction(text, around)
    if own is None:
        return around
    element.set("dir", own)
    return own


def report_list_starts(blocks: list[Block], context: Context, markup: str) -> None:
    """A ``field-dropped`` warning naming the numbered lists that start at another number than 1,
    for a ``markup`` whose ``ol`` has no ``start`` (they read back numbered from 1)."""
    count = sum(
        1 for block in iter_blocks(blocks) if isinstance(block, List) and block.start is not None
    )
    if count:
        context.warn(
            "field-dropped",
            f"body: {markup} cannot say the number a list starts at; {count} numbered "
            f"list{'s' if count > 1 else ''} not starting at 1 will read back numbered from 1",
            fields=("body",),
        )


def write_spans(element: Any, spans: list[Span], dialect: Dialect = XHTML) -> None:
    """Fill ``element`` with the spans: marks as nested elements, ``\\n`` as line breaks."""
    for span in spans:
        text = span.text
        if _plain(span):
            append_text(element, text)  # most spans: plain text, no element to make
            continue
        from lxml import etree

        target = element
        if span.link is not None:
            target = etree.SubElement(target, dialect.tag(dialect.link), {"href": span.link})
        if span.strong:
            name, attributes = dialect.strong
            target = etree.SubElement(target, dialect.tag(name), attributes)
        if span.emphasis:
            name, attributes = dialect.emphasis
            target = etree.SubElement(target, dialect.tag(name), attributes)
        for index, line in enumerate(text.split("\n")):
            if index:
                etree.SubElement(target, dialect.tag(dialect.line_break))
            append_text(target, line)


def _plain(span: Span) -> bool:
    """Whether a span is text alone: no marks, no line break (no element to make for it)."""
    return span.link is None and not span.strong and not span.emphasis and "\n" not in span.text


def append_text(element: Any, text: str | None) -> None:
    """Add text at the end of ``element`` (after its last child)."""
    if not text:
        return
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "") + text
    else:
        element.text = (element.text or "") + text


# --- HTML strings (ninjs body_html) ---------------------------------------------------------------


def _labels(node: Any) -> dict[str, str] | None:
    """The labelled values of a classed ``div`` that holds only two or more classed ``span``
    elements side by side (no text between them: not a sentence), else ``None``."""
    spans = list(node)
    if (
        not node.get("class")
        or len(spans) < 2
        or (node.text or "").strip()
        or any(local_name(span) != "span" or not span.get("class") for span in spans)
        or any(span.tail for span in spans[:-1])  # "<span>Ferries</span> <span>run</span>"
        or (spans[-1].tail or "").strip()
    ):
        return None
    labels = {span.get("class").strip(): shown_text(span) for span in spans}
    return labels if all(labels.values()) and all(len(v) <= 60 for v in labels.values()) else None


class Markup(NamedTuple):
    """What a body in markup gave: blocks, inline entities by field, labels (see ``BodyReader``)."""

    blocks: list[Block]
    entities: dict[str, list[str]]
    labels: dict[str, str]


def read_markup(container: Any, context: Context) -> Markup:
    """The blocks, entities and labels of a parsed body element."""
    reader = BodyReader(context)
    blocks = reader.blocks(container)
    if reader.labels:
        context.warn(
            "markup-labels-moved",
            "labels before the text were moved to extras: "
            + ", ".join(f"{key} {value!r}" for key, value in reader.labels.items()),
        )
    return Markup(blocks, reader.entities, reader.labels)


def blocks_from_html(html: str, context: Context) -> Markup:
    """Blocks from an HTML fragment string, with the inline entities and labels found in it."""
    from lxml import etree
    from lxml import html as lxml_html

    if not html.strip():
        return Markup([], {}, {})
    try:
        try:
            container = lxml_html.fragment_fromstring(html, create_parent="div")
        except AssertionError:  # lxml's word for a whole document (<html>...) in a fragment
            document = lxml_html.document_fromstring(html)
            container = document.find("body")
            if container is None:
                return Markup([], {}, {})
    except (etree.ParserError, ValueError) as error:
        context.warn("markup-unreadable", f"HTML body could not be parsed: {error}")
        return Markup([], {}, {})
    return read_markup(container, context)


def html_from_blocks(blocks: list[Block], direction: Direction | None = None) -> str:
    """An HTML fragment (no namespace) for ``blocks``, for ninjs: pictures by reference only;
    with the ``direction`` the fragment is shown in, blocks that read the other way say so."""
    from lxml import etree

    container = etree.Element("div")
    write_blocks(container, blocks, _HTML_REFERENCES, direction)
    # The XML serialiser: libxml2's HTML one percent-encodes non-ASCII link targets, so a link
    # to https://例え.jp/ would not read back as itself. The result is still HTML (<br/> included).
    return "".join(etree.tostring(child, encoding="unicode") for child in container)
