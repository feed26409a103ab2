"""Body markup shared by NewsML-G2, NITF and ninjs: (X)HTML and NITF elements ⇄ blocks."""

from __future__ import annotations

from hypothesis import given
from lxml import etree

from articlekit import Article, Context
from articlekit._xml import XHTML, parse
from articlekit.formats._markup import BodyReader, blocks_from_html, html_from_blocks, write_blocks
from articlekit.model import Block, Figure, Rendition, Table

from strategies import blocks


@given(blocks(marks=True, nesting=2))
def test_xhtml_round_trip(body: list[Block]) -> None:
    container = etree.Element(f"{{{XHTML}}}body")
    write_blocks(container, body)
    reparsed, _ = parse(etree.tostring(container))
    assert Article(body=BodyReader(Context()).blocks(reparsed)).body == Article(body=body).body


@given(blocks(marks=True, nesting=2))
def test_html_string_round_trip(body: list[Block]) -> None:
    read_back = blocks_from_html(html_from_blocks(body), Context()).blocks
    assert Article(body=read_back).body == Article(body=body).body


def test_nitf_vocabulary_tables_media_and_entities() -> None:
    root, _ = parse(
        b"""<body.content>
          <hl2>Crosshead</hl2>
          <p>Said <person>Jane Doe</person> of <org>Acme</org> in
             <location>Lyon</location>,<br/>second line <em>stressed</em>.</p>
          <bq><block><p>Quoted.</p></block></bq>
          <table><tr><th></th><th>Points</th><th></th></tr><tr><td>Lyon</td><td>3</td></tr></table>
          <media media-type="image"><media-reference source="x.jpg"/></media>
          <pre>line one
line two

next paragraph</pre>
        </body.content>"""
    )
    context = Context()
    reader = BodyReader(context)
    body = Article(body=reader.blocks(root)).body
    assert [block.type for block in body] == [
        "heading",
        "paragraph",
        "quote",
        "table",
        "figure",
        "paragraph",
        "paragraph",
    ]
    assert body[1].text == "Said Jane Doe of Acme in Lyon,\nsecond line stressed."  # type: ignore[union-attr]
    table = body[3]
    assert isinstance(table, Table)
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["", "Points", ""],  # empty cells keep their place over their columns
        ["Lyon", "3"],
    ]
    assert [cell.header for cell in table.rows[0].cells] == [True, True, True]
    assert body[4] == Figure(renditions=[Rendition(uri="x.jpg")])
    assert body[5].text == "line one\nline two"  # type: ignore[union-attr]
    assert reader.entities == {
        "people": ["Jane Doe"],
        "organisations": ["Acme"],
        "places": ["Lyon"],
    }
    assert context.warnings == []


def test_markup_whitespace_is_not_a_line_break() -> None:
    body = blocks_from_html("<p>one\n   two</p><p> <b>bold</b> <i>it</i> </p>", Context()).blocks
    assert Article(body=body).model_dump(mode="json")["body"] == [
        {"type": "paragraph", "content": [{"text": "one two"}]},
        {
            "type": "paragraph",
            "content": [
                {"text": "bold", "strong": True},
                {"text": " "},
                {"text": "it", "emphasis": True},
            ],
        },
    ]


def test_labels_before_the_text_are_not_a_paragraph() -> None:
    """An agency's labelled values (section, source) before the text; not once the text began,
    and never a sentence that happens to be made of spans."""
    context = Context()
    markup = blocks_from_html(
        '<h1>Title</h1><div class="dat"><span class="section">Harbour</span>'
        '<span class="source">AK</span></div><p>Ferries run late.</p>'
        '<div class="dat"><span class="a">Later</span><span class="b">Text</span></div>',
        context,
    )
    assert markup.labels == {"section": "Harbour", "source": "AK"}
    assert [block.text for block in markup.blocks] == ["Title", "Ferries run late.", "LaterText"]  # type: ignore[union-attr]
    assert [warning.code for warning in context.warnings] == ["markup-labels-moved"]
    spaced = blocks_from_html(
        '<div class="x"><span class="a">Ferries</span> <span class="b">run</span></div>', Context()
    )
    assert spaced.labels == {} and spaced.blocks[0].text == "Ferries run"  # type: ignore[union-attr]


def test_a_whole_html_document_as_a_body() -> None:
    """lxml refuses documents as fragments ("too many bodies"); their body is read instead."""
    context = Context()
    assert blocks_from_html("<html><head><title>x", context).blocks == []
    whole = blocks_from_html("<html><head></head><body><p>One</p></body></html>", context)
    assert [block.text for block in whole.blocks] == ["One"]  # type: ignore[union-attr]
    assert context.warnings == []


def test_scripts_and_styles_are_no_text_of_credits_labels_or_preformatted_text() -> None:
    """Text taken from an element whole (a credit, a label, a ``pre``) leaves out what scripts,
    styles, templates and ``noscript`` hold, as the paragraphs do."""
    context = Context()
    markup = blocks_from_html(
        '<div class="dat"><span class="desk">Harbour<script>tag("a")</script></span>'
        '<span class="source">AK<template>slot</template></span></div>'
        '<figure><img src="https://pictures.example/quay.jpg"><figcaption>The quay '
        '<span class="credit">Photo: Ana Ruiz<style>.c{}</style><noscript>Turn on JS</noscript>'
        "</span></figcaption></figure><pre>ferry --run<script>tag()</script> north</pre>",
        context,
    )
    assert markup.labels == {"desk": "Harbour", "source": "AK"}
    figure, preformatted = markup.blocks
    assert isinstance(figure, Figure) and figure.credit == "Photo: Ana Ruiz"
    assert preformatted.text == "ferry --run north"  # type: ignore[union-attr]
