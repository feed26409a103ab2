"""The shortcuts of the XML readers and writers (NewsML-G2, NITF, the body markup they share)
must answer as the slower forms they spare: each is held to that form on inputs drawn from
fragments that meet its edges."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from lxml import etree

from articlekit import registry
from articlekit._xml import _has_foreign, parse, text_of
from articlekit.errors import InputError, OutputError
from articlekit.formats._iptc import (
    _INLINE_TAGS,
    DATELINE_LIMIT,
    _dateline_parts,
    _printed_fields,
    holds_no_control,
    is_hard_wrapped,
    is_hard_wrapped_paragraph,
    serialise,
    strip_tree_controls,
)
from articlekit.formats._markup import (
    HTML,
    BodyReader,
    plain_paragraphs,
    text_paragraph,
    write_blocks,
    write_spans,
)
from articlekit.formats._support import ALWAYS_CARRIED, uncarried
from articlekit.formats.newsml import read as newsml_read
from articlekit.formats.newsml.read import _is_wire_text, _longer_than_a_byline
from articlekit.formats.newsml.vocabulary import IPTC_SCHEMES, Aliases
from articlekit.formats.nitf.read import adapt_markup
from articlekit.model import (
    Article,
    Concept,
    Dateline,
    Heading,
    Paragraph,
    Person,
    Source,
    Span,
)
from articlekit.prose.byline import BYLINE_LIMIT, byline_names, spaced
from articlekit.prose.dateline import dateline_fields, read_printed
from articlekit.prose.dates import parse_date
from articlekit.registry import Context

from conftest import shared_path
from strategies import articles

LINE_FRAGMENTS = ["\n", "  ", " ", "\t", "word", "x" * 40, "y" * 101, "z" * 29, "\n  "]
line_texts = st.lists(st.sampled_from(LINE_FRAGMENTS), max_size=10).map("".join)


def _slow_wire_text(text: str) -> bool:
    lines = [line for line in text.split("\n")[1:] if line.strip()]
    if len(lines) < 3:
        return False
    indents = {len(line) - len(line.lstrip(" \t")) for line in lines}
    return 0 in indents and any(indent >= 2 for indent in indents)


@given(line_texts)
@example("a\n  b\nc\n  d")
def test_wire_text_test_answers_as_its_slow_form(text: str) -> None:
    assert _is_wire_text(text) == _slow_wire_text(text)


@given(st.lists(st.tuples(line_texts, st.booleans()), min_size=1, max_size=4), st.booleans())
@example([("x" * 40 + "\n", False), ("end", True)], False)
def test_hard_wrapped_paragraph_test_answers_as_its_slow_form(
    spans: list[tuple[str, bool]], heading: bool
) -> None:
    content = [Span(text=text, strong=strong) for text, strong in spans]
    try:
        block = Heading(content=content) if heading else Paragraph(content=content)
    except ValueError:
        return  # no text at all: no block
    slow = isinstance(block, Paragraph) and is_hard_wrapped(block.text)
    assert is_hard_wrapped_paragraph(block) == slow


XML_FRAGMENTS = [
    "plain", " ", "\n", "é", "人", "\x85", "\x7f", "\x9f", "\xa0", "&#133;", "&#x7f;", "&#65;",
    "&amp;", "&lt;", "<b>", "</b>", "<br/>", '<i a="', '"/>', "\x80", "<!-- \x86 -->",
    "<![CDATA[\x85]]>", "\ufeff", "\ufffd", "\u2028",
]  # fmt: skip
PROLOGS = [
    "",
    '<?xml version="1.0"?>',
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<?xml version='1.0' encoding='utf-8'?>",
    '<?xml version="1.0" encoding="ISO-8859-1"?>',
    '<?xml version="1.0" encoding="ISO-8859-5"?>',
    '<?xml version="1.0" encoding="windows-1252"?>',
    '<?xml version="1.0" encoding="UTF-16"?>',
    '<!DOCTYPE nitf SYSTEM "nitf.dtd">',
]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252", "iso-8859-5"]


@given(
    st.sampled_from(PROLOGS),
    st.lists(st.sampled_from(XML_FRAGMENTS), max_size=8).map("".join),
    st.sampled_from(ENCODINGS),
)
@example('<?xml version="1.0" encoding="ISO-8859-5"?>', "\u0405", "utf-8")
@example("", "\x85", "utf-8")
@example("", "&#133;", "utf-8")
def test_control_free_bytes_hold_no_control_in_the_tree(
    prolog: str, text: str, encoding: str
) -> None:
    """Whenever the bytes say "no control", the tree has none (the slow walk removes none)."""
    try:
        data = f"{prolog}<root>{text}</root>".encode(encoding)
        root, corrected = parse(data)
    except (UnicodeEncodeError, InputError):
        return
    if corrected is None and holds_no_control(data, root):
        assert strip_tree_controls(root) == 0


def test_control_free_bytes_answer_for_clean_documents() -> None:
    """The shortcut is taken for what writers make: UTF-8, declared or not."""
    for data in (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<a b="&amp;">\xc3\xa9 &lt;</a>',
        b"<a>plain</a>",
    ):
        assert holds_no_control(data, etree.fromstring(data))


C0_CONTROLS = [chr(code) for code in range(0x20) if chr(code) not in "\t\n\r"]
C0_PLACES = [
    "<a>x{}y</a>", '<a b="x{}y"/>', "<a><!-- x{}y --></a>", "<a><![CDATA[x{}y]]></a>",
    "<a><?pi x{}y?></a>", "<a{}/>", '<a b="1"{}/>', "<a>t</a{}>", '<?xml version="1.0"{}?><a/>',
    '<?xml version="1.1"?><a>x{}y</a>', "<!DOCTYPE a [<!-- {} -->]><a/>", "<!-- {} --><a/>",
    "<a/><!-- {} -->", "<a/>{}", "{}<a/>", '<x:a xmlns:x="urn:{}"/>',
]  # fmt: skip


def test_ascii_bytes_hold_a_control_only_as_del() -> None:
    """:func:`holds_no_control` looks for DEL alone in ASCII bytes: libxml2 refuses the C0
    controls (but TAB, LF and CR) raw, wherever in the document they stand."""
    for place in C0_PLACES:
        for control in C0_CONTROLS:
            with pytest.raises(InputError):
                parse(place.format(control).encode())
    for data in (b"<a>x\x7fy</a>", b'<a b="\x7f"/>'):
        assert not holds_no_control(data, parse(data)[0])


MARKUP_FRAGMENTS = [
    "<p>One line.</p>", "<p> </p>", "<p></p>", "<p>Two\nlines</p>", "<p>a <b>bold</b> b</p>",
    "loose text ", "\n  ", "<b>x</b>", "<h1>Title</h1>", "<h2> </h2>", "<blockquote><p>q</p>"
    "</blockquote>", "<ul><li>i</li></ul>", '<img src="https://example.org/a.jpg"/>',
    '<p>see <img src="https://example.org/b.jpg"/> here</p>', "<br/>", "<!-- c -->",
    '<div class="dat"><span class="vignette">Kultur</span><span class="source">TT</span></div>',
    "<div><p>inner</p></div>", "<pre>a\n\nb</pre>", "<iframe/>",
]  # fmt: skip


@given(st.lists(st.sampled_from(MARKUP_FRAGMENTS), max_size=8).map("".join))
@example('<p>a</p><p>see <img src="https://example.org/b.jpg"/> here</p><p>b</p>')
@example("loose <p>x</p> tail")
@example('<span><img src="https://example.org/a.jpg"/></span><p>after</p>')
@example("<b>a</b> <i>b</i>")
def test_plain_paragraph_shortcut_reads_as_the_slow_form(markup: str) -> None:
    container = etree.fromstring(f"<body>{markup}</body>")
    fast, slow = BodyReader(Context()), BodyReader(Context(), shortcut=False)
    assert fast.blocks(container) == slow.blocks(container)
    assert (fast.text_started, fast.made, fast.labels) == (
        slow.text_started,
        slow.made,
        slow.labels,
    )


PLAIN_FRAGMENTS = [
    "<p>One line.</p>", "<p>  spaced   out\ttext </p>", "<p> </p>", "<p></p>", "\n  ", "\t",
    "<p>Two\nlines</p>", "<p>a <b>bold</b> b</p>", "loose", "\xa0", "<!-- c -->", "<br/>",
    '<x:p xmlns:x="urn:other">elsewhere</x:p>', "<h1>Title</h1>", "<p>\u2028sep</p>",
]  # fmt: skip


@given(st.lists(st.sampled_from(PLAIN_FRAGMENTS), max_size=8).map("".join))
@example("\n  <p>One line.</p>\n  <p>Another.</p>\n")
def test_plain_paragraphs_read_as_the_body_reader(markup: str) -> None:
    """A body of paragraphs alone is read without the reader's walk, as the reader reads it."""
    container = etree.fromstring(f"<body>{markup}</body>")
    found = plain_paragraphs(container)
    reader = BodyReader(Context())
    blocks = reader.blocks(container)
    if found is not None:
        assert found == blocks
        assert (reader.labels, reader.entities, reader.unmarked) == ({}, {}, set())
    elif markup in ("", "<p>One line.</p>", "\n  <p>One line.</p>\n  <p>Another.</p>\n"):
        pytest.fail("a body of paragraphs alone was not taken for one")


def _newsml_both_ways(data: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    """A NewsML-G2 document reads the same (articles, warnings, errors) with the plain-paragraph
    shortcut as without it."""

    def read(shortcut: bool) -> tuple[Any, list[Any]]:
        context = Context()
        with monkeypatch.context() as patch:
            if not shortcut:
                patch.setattr(newsml_read, "plain_paragraphs", lambda container: None)
            try:
                return list(registry.get_reader("newsml").read(data, context)), context.warnings
            except (InputError, ValueError) as error:
                return repr(error), context.warnings

    assert read(shortcut=True) == read(shortcut=False)


def test_newsml_corpus_reads_the_same_without_the_plain_paragraph_shortcut(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for path in sorted(shared_path("corpus", "newsml-g2").glob("*.xml")):
        _newsml_both_ways(path.read_bytes(), monkeypatch)


@given(articles() | articles(marks=False, nesting=0, headings=False))
def test_written_newsml_reads_the_same_without_the_plain_paragraph_shortcut(
    article: Article,
) -> None:
    """Generated articles, half of them with bodies of plain paragraphs (the shortcut's)."""
    try:
        data = registry.get_writer("newsml").write(article, Context())
    except OutputError:
        return  # (an article NewsML-G2 cannot carry: nothing to read)
    with pytest.MonkeyPatch.context() as monkeypatch:
        _newsml_both_ways(data, monkeypatch)


span_texts = st.lists(st.sampled_from(["a", " ", "\n", "b c", ""]), max_size=4).map("".join)


@given(
    st.lists(
        st.tuples(span_texts, st.booleans(), st.booleans(), st.sampled_from([None, "#x"])),
        min_size=1,
        max_size=3,
    )
)
@example([("plain", False, False, None)])
def test_plain_paragraph_is_written_as_its_spans(spans: list[tuple[str, bool, bool, Any]]) -> None:
    content = [Span(text=t, strong=s, emphasis=e, link=link) for t, s, e, link in spans]
    try:
        paragraph = Paragraph(content=content)
    except ValueError:
        return
    fast, slow = etree.Element("body"), etree.Element("body")
    write_blocks(fast, [paragraph], HTML)
    write_spans(etree.SubElement(slow, "p"), paragraph.content, HTML)
    assert etree.tostring(fast) == etree.tostring(slow)


@given(st.lists(st.sampled_from(["LONDON", "Port Aldwin", ",", " (dpa)", " Oct 6", " -", "  "])))
def test_remembered_datelines_read_as_unremembered_ones(parts: list[str]) -> None:
    text = "".join(parts)
    found = _printed_fields(text)
    spaced = " ".join(text.split())
    slow = (
        None
        if not spaced or len(spaced) > DATELINE_LIMIT or parse_date(spaced) is not None
        else read_printed(spaced)
    )
    assert found == (dateline_fields(slow) if slow is not None else None)
    if found is not None:
        found["place"] = "changed"  # each caller gets its own dict
        assert _printed_fields(text) != found


NAMESPACES = ["", "urn:home", "urn:other", "http://www.w3.org/1999/xhtml", "urn:it's"]


@st.composite
def trees(draw: st.DrawFn, namespaces: list[str] = NAMESPACES) -> Any:
    """Small documents whose elements are in one of ``namespaces`` (mostly) or another one,
    some holding comments, processing instructions and text."""
    root = etree.Element(f"{{{draw(st.sampled_from(NAMESPACES[1:]))}}}root")
    parents = [root]
    for _ in range(draw(st.integers(0, 8))):
        parent = draw(st.sampled_from(parents))
        namespace = draw(st.sampled_from([*namespaces, *namespaces, *NAMESPACES]))
        name = draw(st.sampled_from(["a", "inlineXML", "p"]))
        kind = draw(st.sampled_from(["element", "element", "comment", "pi"]))
        if kind == "comment":
            parent.append(etree.Comment("c"))
        elif kind == "pi":
            parent.append(etree.ProcessingInstruction("pi"))
        else:
            node = etree.SubElement(parent, f"{{{namespace}}}{name}" if namespace else name)
            node.text = draw(st.sampled_from([None, "text"]))
            parents.append(node)
    return root


def _walk_finds_foreign(root: Any, home: frozenset[str], embedded: frozenset[str]) -> bool:
    """:func:`_has_foreign` by walking the tree in Python (skipping ``embedded`` elements)."""
    skipped = {f"{{{namespace}}}{name}" if namespace else name
               for namespace in home for name in embedded}  # fmt: skip
    prefixes = tuple(f"{{{namespace}}}" for namespace in home if namespace)
    bare = "" in home
    stack = [root]
    while stack:
        for element in stack.pop():
            tag = element.tag
            if not isinstance(tag, str) or tag in skipped:
                continue
            if not (tag.startswith(prefixes) or (bare and tag[:1] != "{")):
                return True
            if len(element):
                stack.append(element)
    return False


@given(st.data(), st.sets(st.sampled_from(NAMESPACES), min_size=1), st.booleans())
def test_foreign_element_test_answers_as_the_walk(
    data: st.DataObject, home: set[str], embed: bool
) -> None:
    root = data.draw(trees(sorted(home)))
    embedded = frozenset({"inlineXML"}) if embed else frozenset()
    assert _has_foreign(root, frozenset(home), embedded) == _walk_finds_foreign(
        root, frozenset(home), embedded
    )


@given(trees())
def test_text_of_a_leaf_is_that_of_its_text_nodes(root: Any) -> None:
    for element in root.iter(etree.Element):
        assert text_of(element) == " ".join("".join(element.itertext()).split())


def test_nitf_markup_is_adapted_by_local_name_in_any_namespace() -> None:
    """``adapt_markup`` finds its elements by a tag filter, as ``local_name`` would."""
    container = etree.fromstring(
        '<body.content xmlns="http://iptc.org/std/NITF/2006-10-18/" xmlns:x="urn:x">'
        '<hl2 class="h3">a</hl2><p><em class="strong">b</em><x:em class="strong">c</x:em>'
        '<!-- em --><?em?></p><hl2 xmlns="" class="h4"><em xmlns="" class="strong">d</em></hl2>'
        "</body.content>"
    )
    adapt_markup(container)
    assert [element.tag for element in container.iter(etree.Element)] == [
        "{http://iptc.org/std/NITF/2006-10-18/}body.content",
        "h3", "{http://iptc.org/std/NITF/2006-10-18/}p", "strong", "strong", "h4", "strong",
    ]  # fmt: skip


def test_written_items_start_from_their_own_copy_of_iptc_aliases() -> None:
    first = Aliases()
    assert first._by_uri == {uri: alias for alias, uri in IPTC_SCHEMES.items()}
    first.alias("https://example.org/vocabulary/")
    assert Aliases()._by_uri == {uri: alias for alias, uri in IPTC_SCHEMES.items()}


@given(
    st.builds(
        lambda place, date_text, agency: (place, date_text, agency),
        st.sampled_from([None, "LONDON", "Port Aldwin, Pa."]),
        st.sampled_from([None, "Oct 6"]),
        st.sampled_from([None, "dpa"]),
    )
)
def test_dateline_parts_are_its_dump(parts: tuple[str | None, str | None, str | None]) -> None:
    """The writers' round-trip check reads a dateline's parts from its attributes, as its dump
    without ``None`` has them."""
    place, date_text, agency = parts
    try:
        dateline = Dateline(place=place, date_text=date_text, agency=agency)
    except ValueError:
        return
    assert _dateline_parts(dateline) == dateline.model_dump(exclude_none=True)


@given(st.sets(st.sampled_from(sorted(Article.model_fields))))
def test_uncarried_fields_are_those_a_look_at_every_field_finds(carried: set[str]) -> None:
    """``report_dropped`` looks only at the fields :func:`uncarried` lists (found once a format)."""
    slow = tuple(
        name for name in Article.model_fields if name not in carried and name not in ALWAYS_CARRIED
    )
    assert uncarried(Article, frozenset(carried)) == slow


ENTITIES = Article(
    headline="Ferries",
    people=[Concept(name="Ana Lima")],
    organisations=[Concept(name="Harbour Board")],
    places=[Concept(name="Port Aldwin")],
    summary="First line\nsecond line",
    body=[
        Paragraph(content=[Span(text="Ana Lima", strong=True), Span(text=" of the Harbour Board")]),
        Paragraph(content=[Span(text="Port Aldwin", link="https://example.org/"), Span(text=".")]),
    ],
)


@given(articles(media=True), st.sampled_from(["newsml", "newsml-nitf", "nitf"]))
@example(ENTITIES, "nitf")
@example(ENTITIES, "newsml-nitf")
def test_written_documents_look_for_the_inline_elements_writers_make(
    article: Article, kind: str
) -> None:
    """The XML writers' output is indented as when every inline element of XHTML and NITF is
    looked for, not only those the writers make."""
    from articlekit.formats.newsml.write import build as build_newsml
    from articlekit.formats.nitf.write import build as build_nitf

    def built() -> Any:
        if kind == "nitf":
            return build_nitf(article, Context())
        options = {"body": "nitf"} if kind == "newsml-nitf" else {}
        return build_newsml(article, Context(options=options))

    assert serialise(built()) == serialise(built(), _INLINE_TAGS)


@given(
    st.lists(
        st.sampled_from(["word", " ", "  ", "\n", "\t", "\x85", "\u2028", "é", ""]), max_size=6
    )
)
@example(["word", "\x00"])
def test_text_paragraph_is_the_constructed_one(parts: list[str]) -> None:
    """A paragraph validated from plain data is the one the constructors make, and is refused
    where they refuse it, with their message."""
    text = "".join(parts)
    try:
        expected: Paragraph | str = Paragraph(content=[Span(text=text)])
    except ValueError as error:
        expected = str(error)
    try:
        found: Paragraph | str = text_paragraph(text)
    except ValueError as error:
        found = str(error)
    assert found == expected
    if isinstance(found, Paragraph) and isinstance(expected, Paragraph):
        assert found.model_fields_set == expected.model_fields_set
        assert found.content[0].model_fields_set == expected.content[0].model_fields_set


BYLINE_FRAGMENTS = [
    "By Ana Lima", "x" * 49, "word " * 10, " ", "  ", "\n", "\n\n", "=", " =", "é", "\u00a0",
    "\u3000",
]  # fmt: skip


@given(st.lists(st.lists(st.sampled_from(BYLINE_FRAGMENTS), max_size=12), min_size=1, max_size=3))
@example([["By Ana Lima", "\n\n" * 30, "x" * 150]])
@example([["By Ana Lima ", "x" * 49 * 4, "=" * 30]])
@example([["By Ana\u00a0" + "\u00a0" * 195 + "Lima"]])  # long only before collapsing
def test_paragraphs_too_long_for_a_byline_hold_none(span_parts: list[list[str]]) -> None:
    """A paragraph the byline look passes over without collapsing its whitespace is one whose
    collapsed text :func:`byline_names` would have found too long (so found no byline in)."""
    try:
        paragraph = Paragraph(content=[Span(text="".join(parts)) for parts in span_parts])
    except ValueError:
        return
    if _longer_than_a_byline(paragraph.text):
        assert byline_names(paragraph.text) is None
        assert len(spaced(paragraph.text).rstrip("= ")) > BYLINE_LIMIT


# --- a body of plain paragraphs written as text (PlainBody) ---------------------------------------

PLAIN_WRITERS = ["newsml", "newsml-nitf", "nitf"]


def _written(
    article: Article, kind: str, *, plain: bool, more: dict[str, str] | None = None
) -> tuple[bytes | str, list[Any]]:
    """What a writer makes of ``article`` and its warnings: with ``plain``, as it writes (a body
    of plain paragraphs as text); without, with every paragraph an element (the slow form); an
    error's kind and message when it refuses the article. ``more``: further writer options."""
    from articlekit.errors import ArticlekitError
    from articlekit.formats._iptc import write_document
    from articlekit.formats.newsml.write import build as build_newsml
    from articlekit.formats.nitf.write import build as build_nitf

    options = {"body": "nitf"} if kind == "newsml-nitf" else {}
    context = Context(options={**options, **(more or {})})
    build = build_nitf if kind == "nitf" else build_newsml
    try:
        data: bytes | str = write_document(
            lambda: build(article, context, plain=plain), kind.partition("-")[0], context
        )
    except ArticlekitError as error:
        data = f"{type(error).__name__}: {error.message}"
    return data, context.warnings


def _plain_article(*texts: str, warned: bool = False) -> Article:
    """An article of plain paragraphs made without validation, so that its texts may hold what
    the model refuses (controls, non-characters) and what it normalises (carriage returns).
    ``warned``: with metadata the writers warn of after writing the body (a subheadline that
    repeats the headline, an author named as the source), so that warnings given before a
    refusal show."""
    body = [Paragraph.model_construct(content=[Span.model_construct(text=text)]) for text in texts]
    header: dict[str, Any] = {"headline": "Ferries", "dateline": Dateline(place="PORT ALDWIN")}
    if warned:
        header |= {
            "subheadline": "Ferries",
            "byline": "By Ann Reed",
            "authors": [Person(name="Ann Reed")],
            "source": Source(name="Ann Reed"),
        }
    return Article(**header).model_copy(update={"body": body})


def _takes_text_path(article: Article, kind: str) -> bool:
    """Whether the writer writes the body of ``article`` as text (not its elements)."""
    from articlekit.formats._iptc import PlainBody, _spliced
    from articlekit.formats.newsml.write import build as build_newsml
    from articlekit.formats.nitf.write import build as build_nitf

    context = Context(options={"body": "nitf"} if kind == "newsml-nitf" else {})
    try:
        built = (build_nitf if kind == "nitf" else build_newsml)(article, context, plain=True)
    except ValueError:  # lxml refused a text of the body, made as elements
        return False
    return isinstance(built, PlainBody) and _spliced(built) is not None


PLAIN_EDGES = [
    ("a & b < c > d", "]]> &amp; &#65; \"quoted\" 'single'"),
    ("carriage\rreturn", "tab\there", "\r"),
    ("line\nbreak", "\r\n"),
    ("é 人 \u2028 \xa0 \x85 \ufeff \ufffd \U0001f600 \U0010fffd",),
    ("nul\x00", "fine"),
    ("fine", "escape \x1b[31m"),
    ("non-character \ufffe",),
    ("non-character \uffff",),
    ("lone \ud800 surrogate",),
    ("\x7f and \x9f",),
    ("  leading and trailing  ", " "),
    ("<body/>", "<p/>", "</body>"),
    ("one",),
]


@pytest.mark.parametrize("warned", [False, True])
@pytest.mark.parametrize("texts", PLAIN_EDGES)
@pytest.mark.parametrize("kind", PLAIN_WRITERS)
def test_plain_body_is_written_as_its_elements(
    texts: tuple[str, ...], kind: str, warned: bool
) -> None:
    """A body of plain paragraphs written as text is the same bytes and warnings as its elements
    serialised, or the same refusal with the same warnings before it: entities, controls,
    non-characters, surrogates, whitespace, text that looks like the markup it goes into."""
    article = _plain_article(*texts, warned=warned)
    assert _written(article, kind, plain=True) == _written(article, kind, plain=False)
    if "\n" not in "".join(texts) and "\x00" in "".join(texts):
        assert not _takes_text_path(article, kind)  # lxml's refusal says which character


@pytest.mark.parametrize("kind", PLAIN_WRITERS)
def test_plain_body_escapes_every_character_as_libxml2(kind: str) -> None:
    """Every character XML can hold (but the line break, which no plain paragraph holds, and the
    C1 controls, which send a body the slow way), in paragraphs of 8,192, is written as text as
    libxml2 writes it."""
    characters = [
        chr(code)
        for code in range(0x110000)
        if code in (0x9, 0xD) or 0x20 <= code <= 0x7E or 0xA0 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD or code >= 0x10000
    ]  # fmt: skip
    texts = ["".join(characters[at : at + 8192]) for at in range(0, len(characters), 8192)]
    article = _plain_article(*texts)
    assert _takes_text_path(article, kind)
    fast = _written(article, kind, plain=True)
    assert isinstance(fast[0], bytes)
    assert fast == _written(article, kind, plain=False)


@given(articles(), st.sampled_from(PLAIN_WRITERS))
def test_written_documents_are_those_of_their_elements(article: Article, kind: str) -> None:
    """Whatever the body (plain paragraphs or not), an article is written as when every
    paragraph is an element."""
    assert _written(article, kind, plain=True) == _written(article, kind, plain=False)


plain_paragraph_texts = st.lists(
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\n"), min_size=1),
    min_size=1,
    max_size=6,
)


@given(articles(), plain_paragraph_texts, st.sampled_from(PLAIN_WRITERS))
def test_drawn_articles_with_plain_bodies_are_written_as_their_elements(
    article: Article, texts: list[str], kind: str
) -> None:
    """Drawn articles given a body of plain paragraphs (any character but a line break, controls
    included) are written as when every paragraph is an element: bytes, warnings, refusals."""
    body = [Paragraph.model_construct(content=[Span.model_construct(text=text)]) for text in texts]
    article = article.model_copy(update={"body": body})
    assert _written(article, kind, plain=True) == _written(article, kind, plain=False)


@pytest.mark.parametrize("kind", PLAIN_WRITERS)
def test_plain_body_with_a_schema_folder_is_written_and_refused_as_its_elements(
    kind: str, tmp_path: Path
) -> None:
    """With a schema folder configured (the official one, or one that does not exist), a plain
    body is written, validated and refused as its elements are, in the same order: a text lxml
    refuses or one too long for a text node is refused before the folder is looked for."""
    from articlekit._xml import MAX_TEXT

    from conftest import shared_path

    bodies = [("plain", "paragraphs"), ("nul\x00",), ("x" * (MAX_TEXT + 1),)]
    for folder in (shared_path("schemas"), tmp_path / "missing"):
        for texts in bodies:
            article = _plain_article(*texts, warned=True)
            more = {"schemas": str(folder)}
            written = _written(article, kind, plain=True, more=more)
            assert written == _written(article, kind, plain=False, more=more)
            if texts == bodies[0] and folder.exists():
                assert isinstance(written[0], bytes)
            else:
                assert isinstance(written[0], str)
                assert written[0].startswith("UsageError") == (texts == bodies[0])


def test_corpus_and_seed_articles_are_written_as_their_elements() -> None:
    """Every article of the corpus and the seed, written by each XML writer, is the same bytes as
    when every paragraph is an element (and most take the text shortcut)."""
    from articlekit.api import read_all
    from articlekit.errors import ArticlekitError

    from conftest import shared_path

    found: list[Article] = []
    for folder in ("newsml-g2", "nitf", "ninjs", "text", "web", "docx"):
        for path in sorted(shared_path("corpus", folder).iterdir()):
            if path.name.endswith(".meta.json"):
                continue
            try:
                found += [result.value for result in read_all(path)]
            except ArticlekitError:
                continue
    for path in sorted(shared_path("seed").glob("*.txt")):
        found += [result.value for result in read_all(path)]
    assert len(found) >= 90
    assert sum(_takes_text_path(article, "newsml") for article in found) >= len(found) // 3
    for article in found:
        for kind in PLAIN_WRITERS:
            assert _written(article, kind, plain=True) == _written(article, kind, plain=False)


@pytest.mark.parametrize("kind", PLAIN_WRITERS)
def test_hard_wrapping_is_still_looked_for_beside_plain_paragraphs(kind: str) -> None:
    """The look for hard-wrapped paragraphs, spared for bodies of plain paragraphs (no line
    break), still finds one among them."""
    wrapped = "x" * 40 + "\n" + "y" * 40 + "\nend"
    article = _plain_article("plain", wrapped, "plain")
    for plain in (True, False):
        _, warnings = _written(article, kind, plain=plain)
        assert any("hard wrapping" in warning.message for warning in warnings)
