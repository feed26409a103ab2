"""Body markup shared by NewsML-G2, NITF and ninjs: (X)HTML and NITF elements ⇄ blocks."""

from __future__ import annotations

from hypothesis import given
from lxml import etree

from articlekit import Article, Context
from articlekit._xml import XHTML, parse
from articlekit.formats._markup import BodyReader, blocks_from_html, html_from_blocks, write_blocks
from articlekit.model import Block

from strategies import blocks


@given(blocks(marks=True, nesting=2))
def test_xhtml_round_trip(body: list[Block]) -> None:
    container = etree.Element(f"{{{XHTML}}}body")
    write_blocks(container, body)
    reparsed, _ = parse(etree.tostring(container))
    assert Article(body=BodyReader(Context()).blocks(reparsed)).body == Article(body=body).body


@given(blocks(marks=True, nesting=2))
def test_html_string_round_trip(body: list[Block]) -> None:
    read_back, _ = blocks_from_html(html_from_blocks(body), Context())
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
        "paragraph",
        "paragraph",
        "paragraph",
        "paragraph",
    ]
    assert body[1].text == "Said Jane Doe of Acme in Lyon,\nsecond line stressed."  # type: ignore[union-attr]
    assert body[3].text == "| Points"  # type: ignore[union-attr]  # stays over its column
    assert body[4].text == "Lyon | 3"  # type: ignore[union-attr]
    assert body[5].text == "line one\nline two"  # type: ignore[union-attr]
    assert reader.entities == {
        "people": ["Jane Doe"],
        "organisations": ["Acme"],
        "places": ["Lyon"],
    }
    assert [warning.code for warning in context.warnings] == ["table-flattened", "media-dropped"]


def test_markup_whitespace_is_not_a_line_break() -> None:
    body, _ = blocks_from_html("<p>one\n   two</p><p> <b>bold</b> <i>it</i> </p>", Context())
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
