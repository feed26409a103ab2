"""Markdown with YAML front matter: Hugo and Jekyll conventions, lossless round trips, safe YAML,
validate's line numbers."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import example, given

from articlekit import read, write
from articlekit.errors import InputError, UsageError
from articlekit.formats._media import location
from articlekit.formats.markdown import media
from articlekit.model import (
    Article,
    Dateline,
    Figure,
    Heading,
    List,
    Paragraph,
    Person,
    Quote,
    Span,
    Table,
    TableCell,
    TableRow,
    holds_content,
    iter_blocks,
)
from articlekit.registry import Context

from conftest import article_with_an_editor_named_by_its_byline, read_back, run_cli
from strategies import articles

HUGO = """\
---
title: "Night ferries may berth at the old quay"
subtitle: Council vote ends a year of delays
date: 2024-03-05T09:30:00+01:00
lastmod: 2024-03-06
authors:
  - Jane Doe
  - John Roe
description: The harbour council lets night ferries use the old quay.
tags: [ferries, harbour]
categories: [Local]
slug: harbour-ferries
draft: false
lang: en-GB
images: [/img/quay.jpg]
weight: 3
---

PORT ALDWIN — The council voted on **Tuesday** to let *night ferries* berth at the
[old quay](https://example.org/quay_(1)).

## What changes

> "We have waited long enough," said a ferry captain.

- Berthing from 22:00
- Two crossings a night
  1. one to the islands

| year | crossings |
|------|-----------|
| 2023 | 0 |
"""


def test_hugo_front_matter_and_commonmark_body() -> None:
    result = read(HUGO.encode(), format="markdown")
    article = result.value
    assert article.headline == "Night ferries may berth at the old quay"
    assert article.subheadline == "Council vote ends a year of delays"
    assert article.published is not None and article.published.isoformat().startswith(
        "2024-03-05T09:30:00+01:00"
    )
    assert str(article.updated) == "2024-03-06"
    assert [person.name for person in article.authors] == ["Jane Doe", "John Roe"]
    assert article.summary == "The harbour council lets night ferries use the old quay."
    assert article.keywords == ["ferries", "harbour"]
    assert [subject.name for subject in article.subjects] == ["Local"]
    assert article.slugline == "harbour-ferries"
    assert article.status == "usable"
    assert article.language == "en-GB"
    assert article.extras == {"markdown:images": ["/img/quay.jpg"], "markdown:weight": 3}
    first = article.body[0]
    assert isinstance(first, Paragraph)
    assert [(span.text, span.strong, span.emphasis, span.link) for span in first.content][1:4] == [
        ("Tuesday", True, False, None),
        (" to let ", False, False, None),
        ("night ferries", False, True, None),
    ]
    assert first.content[-2].link == "https://example.org/quay_(1)"
    assert isinstance(article.body[1], Heading) and article.body[1].level == 2
    assert isinstance(article.body[2], Quote)
    listing = article.body[3]
    assert isinstance(listing, List) and not listing.ordered and len(listing.items) == 2
    assert isinstance(listing.items[1].blocks[1], List) and listing.items[1].blocks[1].ordered
    [table] = article.body[4:]
    assert isinstance(table, Table) and table.caption == []
    assert [[(cell.header, cell.text) for cell in row.cells] for row in table.rows] == [
        [(True, "year"), (True, "crossings")],
        [(False, "2023"), (False, "0")],
    ]
    assert result.warnings == ()
    assert result.locations["body[4]"] == HUGO.splitlines().index("| year | crossings |") + 1


def test_thematic_breaks_and_link_titles_are_said_to_be_left_out() -> None:
    """The model has no rule between blocks and no title on a link: they were dropped unsaid."""
    text = (
        "---\ntitle: Harbour ferries\n---\n\n"
        'The board [voted](https://example.com/vote "Minutes of the vote") on Tuesday.\n\n'
        "---\n\nFishermen said they would [watch](https://example.com/a 'A') closely.\n\n"
        "***\n\nMore text.\n"
    )
    result = read(text.encode(), format="markdown")
    assert result.value.paragraphs == [
        "The board voted on Tuesday.", "Fishermen said they would watch closely.", "More text."
    ]  # fmt: skip
    assert [(w.code, w.line, w.message) for w in result.warnings] == [
        ("formatting-dropped", 5, "a link's title (its tooltip) has no place in the article"),
        ("formatting-dropped", 7, "a thematic break (<hr>, ---) has no block in the article"),
    ]
    untargeted = read(
        b'The <a title="Chief executive since 2019">chair</a> said so.\n', format="markdown"
    )
    assert "formatting-dropped" in [w.code for w in untargeted.warnings]  # (no href: no link)
    for repeated in (
        '[Vote](https://example.com/v "vote")',
        "[v](https://e.com/v 'https://e.com/v')",
    ):
        said = read(f"The board's {repeated}.\n".encode(), format="markdown").warnings
        assert not [w for w in said if w.code == "formatting-dropped"], repeated  # (no loss)


def test_jekyll_spellings() -> None:
    text = (
        "---\nlayout: post\ntitle: Quay reopens\nauthor:\n  name: Jane Doe\n"
        "last_modified_at: 2024-03-07T08:00:00Z\nexcerpt: Short.\ndraft: true\n---\nBody.\n"
    )
    article = read(text.encode(), format="markdown").value
    assert [person.name for person in article.authors] == ["Jane Doe"]
    assert (
        article.updated is not None and article.updated.isoformat() == "2024-03-07T08:00:00+00:00"
    )
    assert article.summary == "Short."
    assert article.status == "withheld"
    assert article.extras == {"markdown:layout": "post"}


def test_foreign_keys_go_back_where_they_were() -> None:
    article = read(HUGO.encode(), format="markdown").value
    written = write(article, format="markdown").value.decode()
    assert "\nweight: 3\n" in written and "\nimages:\n- /img/quay.jpg\n" in written
    assert "articlekit:" not in written  # everything here has a common name
    assert read(written.encode(), format="markdown").value == article


def test_fields_without_a_common_name_go_under_articlekit() -> None:
    article = Article(
        headline="H",
        byline="By Jane Doe, Staff Writer",
        dateline={"place": "PORT ALDWIN", "agency": "AP"},
        urgency=3,
        body=[Paragraph(content=[{"text": "Body."}])],
    )
    written = write(article, format="markdown").value.decode()
    assert "articlekit:\n  byline: By Jane Doe, Staff Writer\n" in written
    assert read(written.encode(), format="markdown").value == article


def test_the_byline_and_dateline_are_shown_in_the_body_and_read_back_once() -> None:
    """A site shows no ``articlekit:`` key: the story was published without its byline and
    dateline, unsaid. They are printed as the HTML page prints them, and taken back out."""
    article = Article(
        headline="Night ferries approved",
        byline="By Jane Doe",
        source={"name": "Westcliff Courier"},
        dateline={"place": "PORT ALDWIN", "agency": "AP"},
        body=[Paragraph(content=[{"text": "The board "}, {"text": "voted", "strong": True}])],
    )
    written = write(article, format="markdown")
    body = written.value.decode().split("---\n")[2]
    assert body == "\nBy Jane Doe\n\nPORT ALDWIN (AP) — The board **voted**\n"
    assert [(w.code, w.message) for w in written.warnings] == [
        (
            "markdown-not-displayed",
            "site generators do not display the source; kept under the front matter's "
            "articlekit: key",
        )
    ]
    back = read(written.value, format="markdown")
    assert back.value == article
    assert (
        back.locations["body[0]"]
        == written.value.decode().splitlines().index("PORT ALDWIN (AP) — The board **voted**") + 1
    )
    # a body that opens with no paragraph: the dateline is a paragraph of its own
    headed = article.model_copy(
        update={"body": [Heading(level=2, content=[{"text": "Quay"}]), *article.body]}
    )
    shown = write(headed, format="markdown").value
    assert "\nBy Jane Doe\n\nPORT ALDWIN (AP) —\n\n## Quay\n" in shown.decode()
    assert read(shown, format="markdown").value == headed
    # printed in the body but not kept in the front matter (an editor took them out there):
    # body text, as in any Markdown file
    edited = shown.decode().replace("  byline: By Jane Doe\n", "")
    assert read(edited.encode(), format="markdown").value.paragraphs[0] == "By Jane Doe"


@given(articles(media=True))
@example(
    Article(
        body=[Figure(kind="picture", creators=[Person(name="A", role="photographer")])]
    )  # (a figure with nothing Markdown shows, the article's only content: holds no article)
)
def test_json_markdown_json_is_lossless(article: Article) -> None:
    written = write(article, format="markdown")
    # Figures come back with one file, alt text, title, caption, credit and id; tables as pipe
    # tables hold them (no spans, one header row): what is lost is said; everything else comes back.
    expected = media.shown_body(article, Context())
    # (the source and the rights are kept, but a site does not show them: said, nothing lost)
    hidden = [w for w in written.warnings if w.code == "markdown-not-displayed"]
    assert bool(hidden) == (article.source is not None or article.rights is not None)
    lost = [w for w in written.warnings if w not in hidden]
    unread = {"markdown-not-round-trippable"}  # (said when nothing is left to read back)
    assert {w.code for w in lost} <= {"media-detail-dropped", "media-bytes-dropped", *unread}
    assert all(w.fields == ("body",) for w in lost)
    assert bool(lost) == (expected != article)
    result = read_back(written.value, "markdown", bool(lost))
    assert bool(unread & {w.code for w in lost}) == (not holds_content(expected))
    if result is None:  # (all it had to read was a figure Markdown cannot show: said, above)
        assert not holds_content(expected)
        return
    back = result.value
    assert back == expected
    assert back.media == article.media
    # the text of every table cell and every figure's caption and credit are the article's own
    assert _cells(back) == _cells(article)
    assert [(f.caption, f.credit) for f in _figures(back)] == [
        (f.caption, f.credit)
        for f in _figures(article)
        if f.caption or f.credit or f.id or any(location(entry) for entry in f.renditions)
    ]


def _figures(article: Article) -> list[Figure]:
    return [block for block in iter_blocks(article.body) if isinstance(block, Figure)]


def _cells(article: Article) -> list[list[list[str]]]:
    """Each table's cell texts, rows without the empty cells a pipe table fills them with."""
    tables = [block for block in iter_blocks(article.body) if isinstance(block, Table)]
    texts = [[[" ".join(c.text.split()) for c in row.cells] for row in t.rows] for t in tables]
    for table in texts:
        for row in table:
            while row and not row[-1]:
                row.pop()
    return texts


FIGURES = """\
---
title: Quay reopens
---

![A ferry at the old quay](https://example.org/quay.jpg "The old quay")

<figure itemid="urn:example:pic:1">

![Crew on deck](pictures/crew.jpg)

<figcaption>

Crews at the quay *on Friday* <span class="credit">Jane Doe/AP</span>

</figcaption>
</figure>

| Route | Daily |
| --- | --- |
| Quay \\| Isle | 4<br>(summer) |

Table: Sailings from the **quay**
"""


def test_figures_and_tables_read_from_their_conventions() -> None:
    result = read(FIGURES.encode(), format="markdown")
    plain, captioned, table = result.value.body
    assert isinstance(plain, Figure) and isinstance(captioned, Figure)
    assert (plain.alt_text, plain.title, plain.caption) == (
        "A ferry at the old quay",
        "The old quay",
        [],
    )
    assert [r.uri for r in plain.renditions] == ["https://example.org/quay.jpg"]
    assert captioned.id == "urn:example:pic:1" and captioned.credit == "Jane Doe/AP"
    assert [(s.text, s.emphasis) for s in captioned.caption] == [
        ("Crews at the quay ", False),
        ("on Friday", True),
    ]
    assert [r.uri for r in captioned.renditions] == ["pictures/crew.jpg"]
    assert isinstance(table, Table) and table.caption[-1].text == "quay"
    assert "".join(s.text for s in table.caption) == "Sailings from the quay"
    assert [[(c.header, c.text) for c in row.cells] for row in table.rows] == [
        [(True, "Route"), (True, "Daily")],
        [(False, "Quay | Isle"), (False, "4\n(summer)")],
    ]
    assert result.warnings == ()
    assert read(write(result.value, format="markdown").value).value == result.value


def test_a_figure_block_never_closed_does_not_swallow_the_text() -> None:
    text = "---\ntitle: T\n---\n\n<figure>\n\nPara one.\n\nPara two.\n\n![Quay](quay.jpg)\n"
    body = read(text.encode(), format="markdown").value.body
    assert [type(block).__name__ for block in body] == ["Paragraph", "Paragraph", "Figure"]


def test_tables_without_a_header_row_and_what_pipe_tables_cannot_hold() -> None:
    article = Article(
        headline="Tides",
        body=[
            Table(
                rows=[
                    TableRow(cells=[TableCell(content=[Span(text="High")]), TableCell(rowspan=2)]),
                    TableRow(cells=[TableCell(header=True, content=[Span(text="Low")])]),
                ]
            ),
            Paragraph(content=[Span(text="Table: not a caption, a paragraph")]),
        ],
    )
    written = write(article, format="markdown")
    text = written.value.decode()
    assert "|  |  |\n| --- | --- |\n| High |  |\n| Low |  |\n\n<!-- -->\n\nTable: not" in text
    [warning] = written.warnings
    assert warning.code == "media-detail-dropped" and warning.fields == ("body",)
    for lost in ("table cell spans", "header cells", "filled with empty cells"):
        assert lost in warning.message
    back = read(written.value).value
    assert isinstance(back.body[1], Paragraph)  # not taken for the table's caption
    table = back.body[0]
    assert isinstance(table, Table) and table.caption == []
    assert [[(c.header, c.text) for c in row.cells] for row in table.rows] == [
        [(False, "High"), (False, "")],
        [(False, "Low"), (False, "")],
    ]


def test_a_table_of_one_header_row_is_written_whole_without_a_warning() -> None:
    """A pipe table's header row needs no body row under it: nothing is lost, nothing said."""
    header = [TableCell(header=True, content=[Span(text=text)]) for text in ("Tide", "Time")]
    article = Article(headline="Tides", body=[Table(rows=[TableRow(cells=header)])])
    written = write(article, format="markdown")
    assert written.warnings == ()
    [table] = read(written.value, format="markdown").value.body
    assert isinstance(table, Table)
    assert [[(c.header, c.text) for c in row.cells] for row in table.rows] == [
        [(True, "Tide"), (True, "Time")]
    ]


def test_a_link_with_a_pipe_in_a_table_cell_keeps_its_target() -> None:
    """The pipe split the cell: the link and the rest of its address were lost, unsaid."""
    target = "https://example.org/dl?f=a|b"
    cells = [TableCell(content=[Span(text="PDF", link=target)]), TableCell(content=[])]
    article = Article(
        headline="Reports",
        body=[
            Table(rows=[TableRow(cells=cells)]),
            Paragraph(content=[Span(text="x", link=target)]),
        ],
    )
    again = read(write(article, format="markdown").value, format="markdown").value
    table, paragraph = again.body
    assert isinstance(table, Table) and isinstance(paragraph, Paragraph)
    assert table.rows[0].cells[0].content == [Span(text="PDF", link=target)]
    assert paragraph.content == [Span(text="x", link=target)]


HUGO_TOML = """\
+++
title = "Night ferries approved"
date = 2024-03-05T09:30:00+01:00
tags = ["ferries", "council"]
draft = true
weight = 3
"slug" = "night-ferries"

[params]
desk = "harbour"
+++

The council voted on Tuesday.
"""


def test_hugo_toml_front_matter_is_read_as_yaml_front_matter_is() -> None:
    """Hugo's default front matter was a body paragraph, and the warning said there was none."""
    result = read(HUGO_TOML.encode(), format="markdown")
    article = result.value
    assert article.headline == "Night ferries approved"
    assert str(article.published) == "2024-03-05 09:30:00+01:00"
    assert (article.keywords, article.status, article.slugline) == (
        ["ferries", "council"],
        "withheld",
        "night-ferries",
    )
    assert article.paragraphs == ["The council voted on Tuesday."]
    assert article.extras == {"markdown:weight": 3, "markdown:params": {"desk": "harbour"}}
    assert result.warnings == ()
    odd = read(HUGO_TOML.replace("draft = true", 'draft = "yes"').encode(), format="markdown")
    [warning] = odd.warnings
    assert (warning.code, warning.line) == ("markdown-value-invalid", 5)


def test_hugo_toml_front_matter_in_a_txt_file_is_read_as_markdown(tmp_path: Path) -> None:
    """Only YAML front matter was recognised in a file of another extension: a ``.txt`` of
    Hugo's TOML front matter read as text, its headline 'title = "..."'."""
    story = tmp_path / "night-ferries.txt"
    story.write_text(HUGO_TOML, encoding="utf-8")
    assert read(story).value.headline == "Night ferries approved"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('+++\ntitle = "Night\n+++\n\nx\n', "2:15"),
        ('+++\ntitle = "x"\n\nx\n', "1"),
        ("+++\nx = " + "[" * 5000 + "]" * 5000 + "\n+++\n\nx\n", "2"),
    ],
)
def test_broken_toml_front_matter_is_one_error_with_its_place(text: str, where: str) -> None:
    with pytest.raises(InputError) as raised:
        read(text.encode(), format="markdown")
    location = f"{raised.value.line}" + (f":{raised.value.column}" if raised.value.column else "")
    assert location == where


def test_writer_escapes_what_markdown_would_take_for_syntax() -> None:
    tricky = [
        "1. not a list",
        "- not a bullet",
        "# not a heading",
        "> not a quote",
        "**not bold** and _not italic_ and `not code`",
        "[not](a link) <b>not html</b> &amp; not an entity | not a table",
        "---",
        "2023) a year",
        "=",
        "ends with a backslash \\",
    ]
    article = Article(
        headline="Escapes",
        body=[Paragraph(content=[{"text": text}]) for text in tricky]
        + [
            Paragraph(
                content=[
                    {"text": "x"},
                    {"text": "bold", "strong": True},
                    {"text": "y, "},
                    {"text": " spaced ", "emphasis": True},
                    {"text": "(linked)", "link": "https://example.org/a(b)c"},
                    {"text": "line\nbreak", "strong": True},
                ]
            ),
            Heading(level=3, content=[{"text": "two\nlines"}]),
        ],
    )
    back = read(write(article, format="markdown").value, format="markdown").value
    assert back == article


def test_billion_laughs_front_matter_is_refused_fast(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for index, name in enumerate("bcdefghi"):
        previous = "abcdefghi"[index]
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    path = tmp_path / "laughs.md"
    path.write_text("---\n" + "\n".join(lines) + "\ntitle: x\n---\nBody.\n", encoding="utf-8")
    started = time.perf_counter()
    done = run_cli("convert", str(path), "--to", "json")
    assert done.code == 1
    assert done.stderr.startswith(f"articlekit: error: {path}:2: the front matter expands")
    assert "billion laughs" in done.stderr and "Traceback" not in done.stderr
    assert time.perf_counter() - started < 20
    # a few aliases, as real front matter may use, are fine
    fine = "---\nbase: &base [news]\ntags: *base\ntitle: T\n---\nBody.\n"
    assert read(fine.encode(), format="markdown").value.keywords == ["news"]


@pytest.mark.parametrize(
    ("front", "message", "line"),
    [
        (
            "title: !!python/object/apply:os.system ['echo pwned']",
            "could not determine a constructor",
            2,
        ),
        ("title: [unclosed", "invalid YAML front matter", 3),
        ("- a list\n- not a mapping", "must be a mapping", 2),
        ("articlekit: 5", "must be a mapping", 2),
        ("weight: 3\narticlekit:\n  extras: 5", "extras: should be an object", 3),
    ],
)
def test_hostile_or_broken_front_matter_is_a_clean_error(
    front: str, message: str, line: int
) -> None:
    with pytest.raises(InputError, match=message) as caught:
        read(f"---\n{front}\n---\nBody.\n".encode(), format="markdown")
    assert caught.value.line == line


def test_raw_html_nested_too_deeply_is_a_clean_error_at_its_line() -> None:
    text = "---\ntitle: Quay\n---\n\nThe quay reopened.\n\n" + "<div>" * 300 + "x" + "</div>" * 300
    with pytest.raises(InputError, match="nested deeper") as caught:
        read(text.encode(), format="markdown")
    assert caught.value.line == 7


def test_a_flood_of_link_brackets_is_refused_before_it_is_parsed() -> None:
    """markdown-it spends some 50 µs on each '[': a file of brackets at the size limit took about
    an hour. More than a body's markup elements are refused at once, in one line."""
    from articlekit.model import MAX_MARKUP_ELEMENTS

    text = "---\ntitle: Quay\n---\n\n" + "[" * (MAX_MARKUP_ELEMENTS + 1) + "\n"
    limit = f"{MAX_MARKUP_ELEMENTS:,}"
    with pytest.raises(InputError, match=rf"more than {limit} link brackets \('\['\)"):
        read(text.encode(), format="markdown")
    links = "---\ntitle: Quay\n---\n\n" + "[the board](https://example.com/b) " * 100 + "\n"
    spans = read(links.encode(), format="markdown").value.body[0].content  # type: ignore[union-attr]
    assert sum(span.link is not None for span in spans) == 100


def test_a_huge_pipe_table_is_refused_before_it_is_parsed() -> None:
    """A 5 MB table of 2.5 million cells took 32 s and 4.4 GB of memory before the body's count
    refused it (as paragraphs); a table within the model's cells reads."""
    from articlekit.model import MAX_MARKUP_ELEMENTS

    row = "|" + "b|" * 5000 + "\n"
    rows = 2 * MAX_MARKUP_ELEMENTS // 5000 + 1  # (more separators than the check lets through)
    text = "---\ntitle: Quay\n---\n\n" + "|" + "a|" * 5000 + "\n|" + "-|" * 5000 + "\n" + row * rows
    limit = f"{2 * MAX_MARKUP_ELEMENTS:,}"
    with pytest.raises(InputError, match=rf"more than {limit} '\|' \(table cell separators\)"):
        read(text.encode(), format="markdown")
    escaped = Article(  # (a cell's '\|' is no separator: a table the model holds reads back)
        headline="Quay",
        body=[
            Table(
                rows=[TableRow(cells=[TableCell(content=[Span(text="a|b|c|d|e|f|g|h")])])] * 9_999
            )
        ],
    )
    for kind in ("markdown", "text"):
        assert read(write(escaped, format=kind).value, format=kind).value.body == escaped.body
    small = "---\ntitle: Quay\n---\n\n| Ferry | Crossings |\n|---|---|\n| Night | 4 |\n"
    assert read(small.encode(), format="markdown").value.body[0].type == "table"


@pytest.mark.parametrize("depth", [17, 40, 80, 500])
def test_a_quote_nested_past_what_the_parser_reads_is_refused_not_dropped(depth: int) -> None:
    """markdown-it stops at its deepest nesting and drops the rest unsaid: the text of a quote
    nested 80 times was gone, exit 0, no warning; one nested 17 times was refused by the model
    at line 1. Refused at its line."""
    text = "---\ntitle: Quay\n---\n\nIntro.\n\n" + ">" * depth + " deep text\n\nAfter.\n"
    with pytest.raises(InputError, match="nested deeper than 16 levels") as caught:
        read(text.encode(), format="markdown")
    assert caught.value.line == 7


def test_lists_nested_deeper_than_the_model_holds_are_refused_at_their_line() -> None:
    items = "".join("  " * level + "- item\n" for level in range(17))
    with pytest.raises(InputError, match="nested deeper than 16 levels") as caught:
        read(f"---\ntitle: Quay\n---\n\n{items}".encode(), format="markdown")
    assert caught.value.line == 21  # (the 17th list's first line)
    sixteen = "".join("  " * level + "- item\n" for level in range(16))
    assert read(f"---\ntitle: Quay\n---\n\n{sixteen}".encode(), format="markdown").value.body


def test_unclosed_front_matter_and_unknown_articlekit_fields() -> None:
    with pytest.raises(InputError, match="never closed"):
        read(b"---\ntitle: x\nBody.\n", format="markdown")
    result = read(b"---\ntitle: x\narticlekit:\n  colour: red\n---\nBody.\n", format="markdown")
    assert [w.code for w in result.warnings] == ["markdown-field-unknown"]


def test_javascript_links_and_scripts_never_survive() -> None:
    text = "---\ntitle: x\n---\n[click](javascript:alert(1)) and <script>alert(2)</script> text\n"
    result = read(text.encode(), format="markdown")
    assert result.value.paragraphs == ["click and text"]
    assert all(span.link is None for span in result.value.body[0].content)  # type: ignore[union-attr]
    assert [w.code for w in result.warnings] == ["link-dropped"]


def test_validate_points_into_the_markdown_file(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "---\ntitle: Quay\nlang: qq-ZZ\ndate: not a date\n---\n\n"
        "Same words, said twice, in a row, by the same paper here.\n\n## Crosshead\n\n"
        "Same words, said twice, in a row, by the same paper here.\n",
        encoding="utf-8",
    )
    done = run_cli("validate", str(path))
    assert done.code == 1
    lines = done.text.splitlines()
    assert f"{path}:3:1: AK007" in done.text, done.text
    assert f"{path}:4:1: AK005 date 'not a date' is not a date" in done.text
    assert any(line.startswith(f"{path}:11:1: AK010 paragraph 2 repeats") for line in lines)


def test_a_malformed_language_is_a_warning_as_in_every_reader(tmp_path: Path) -> None:
    text = "---\ntitle: Quay\nlang: swedish\n---\n\nThe quay reopened.\n"
    result = read(text.encode(), format="markdown")
    assert result.value.language is None
    assert result.value.extras == {"markdown:lang": "swedish"}
    assert [(w.code, w.line) for w in result.warnings] == [("language-invalid", 3)]
    path = tmp_path / "story.md"
    path.write_text(text, encoding="utf-8")
    done = run_cli("validate", str(path))
    assert f"{path}:3:1: AK007" in done.text and "AK001" not in done.text, done.text


@pytest.mark.parametrize(
    ("front", "code", "line", "extras"),
    [
        ('draft: "perhaps"', "markdown-value-invalid", 3, {"markdown:draft": "perhaps"}),
        ("weight: -.inf", "markdown-value-invalid", 3, {"markdown:weight": None}),
        ("authors: 42", "markdown-value-invalid", 3, {"markdown:authors": 42}),
        ("subtitle: {a: b}", "markdown-value-invalid", 3, {"markdown:subtitle": {"a": "b"}}),
    ],
)
def test_values_the_article_cannot_hold_are_said_and_kept(
    front: str, code: str, line: int, extras: dict[str, object]
) -> None:
    result = read(f"---\ntitle: Quay\n{front}\n---\nBody.\n".encode(), format="markdown")
    article = result.value
    assert [(w.code, w.line) for w in result.warnings] == [(code, line)]
    assert article.extras == extras
    assert (article.status, article.authors, article.subheadline) == (None, [], None)
    assert read(write(article, format="markdown").value, format="markdown").value == article


@pytest.mark.parametrize(
    ("items", "kept"), [("1999", [1999]), ("{role: editor}", [{"role": "editor"}])]
)
def test_the_names_of_a_list_of_authors_with_other_items_are_its_authors(
    items: str, kept: list[object]
) -> None:
    text = f"---\ntitle: Quay\nauthor: [Ada Lind, {items}]\n---\nBody.\n"
    result = read(text.encode(), format="markdown")
    article = result.value
    assert [person.name for person in article.authors] == ["Ada Lind"]
    assert article.extras == {"markdown:author": kept}
    assert [(w.code, w.line) for w in result.warnings] == [("markdown-value-invalid", 3)]
    assert read(write(article, format="markdown").value, format="markdown").value == article


def test_a_title_that_is_no_text_or_spans_lines_is_said() -> None:
    listed = read(b"---\ntitle: [Quay, reopens]\n---\nBody.\n", format="markdown")
    assert listed.value.headline is None
    assert listed.value.extras == {"markdown:title": ["Quay", "reopens"]}
    assert [(w.code, w.line) for w in listed.warnings] == [
        ("markdown-value-invalid", 2),
        ("no-headline", 1),
    ]
    assert "title is not text" in listed.warnings[1].message
    joined = read(b"---\ntitle: |\n  Quay reopens\n  after a year\n---\nBody.\n", format="markdown")
    assert joined.value.headline == "Quay reopens after a year"
    assert [(w.code, w.line) for w in joined.warnings] == [("headline-joined", 2)]


def test_a_canceled_story_is_a_draft() -> None:
    for status, draft in (("usable", False), ("withheld", True), ("canceled", True)):
        article = Article(headline="Quay", status=status, body=[Paragraph(content=[{"text": "B"}])])
        written = write(article, format="markdown").value.decode()
        assert f"\ndraft: {str(draft).lower()}\n" in written
        assert ("status: canceled" in written) == (status == "canceled")
        assert read(written.encode(), format="markdown").value == article


def test_markdown_is_found_by_extension_and_help_stays_light() -> None:
    done = run_cli("convert", "-", "--from", "markdown", stdin=HUGO.encode())
    assert done.code == 0, done.stderr
    check = (
        "import sys, articlekit.cli\n"
        "assert 'yaml' not in sys.modules and 'markdown_it' not in sys.modules\n"
        "assert 'trafilatura' not in sys.modules and 'lxml' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", check], check=True, timeout=60)


def test_a_front_matter_date_no_calendar_has_is_reported_not_an_internal_error() -> None:
    page = b"---\ntitle: Ferry Timetable\ndate: 2031-02-30\n---\n\nThe ferry sails twice more.\n"
    result = read(page, format="markdown")
    assert result.value.published is None
    assert [(w.code, w.line) for w in result.warnings] == [("date-unparsed", 3)]


EDITED = """---
title: Harbour Board Backs Night Ferries
articlekit:
{byline}  dateline:
    place: PORT ALDWIN
    agency: AP
---

By Jane Doe and John Roe

PORT ALDWIN (AP) — The board voted on Tuesday.

Second paragraph.
"""


@pytest.mark.parametrize("byline", ["  byline: By Jane Doe\n", ""])
def test_a_byline_edited_or_left_in_the_body_keeps_one_dateline(byline: str) -> None:
    """A byline changed in the body (or whose front matter key was removed) stays there as a
    paragraph; the dateline is still taken out of the paragraph under it, and printed there
    again, once (it was printed a second time, over the byline)."""
    result = read(EDITED.format(byline=byline).encode(), format="markdown")
    assert result.value.paragraphs[:2] == [
        "By Jane Doe and John Roe",
        "The board voted on Tuesday.",
    ]
    assert [w.code for w in result.warnings] == (["markdown-printed-edited"] if byline else [])
    again = write(result.value, format="markdown").value.decode()
    assert again.count("PORT ALDWIN (AP) —") == 1
    assert "\n\nBy Jane Doe and John Roe\n\nPORT ALDWIN (AP) — The board voted" in again


def test_a_dateline_the_first_paragraph_prints_already_is_not_printed_again() -> None:
    article = Article(
        headline="Harbour Board Backs Night Ferries",
        dateline=Dateline(place="Port Aldwin"),
        body=[Paragraph(content=[Span(text="PORT ALDWIN (AP) — The board voted on Tuesday.")])],
    )
    written = write(article, format="markdown").value.decode()
    assert written.split("---\n\n", 1)[1].casefold().count("port aldwin") == 1
    assert read(written.encode(), format="markdown").value.dateline == article.dateline


@pytest.mark.parametrize(
    ("slugline", "as_slug"),
    [
        ("ferry-plan", True),
        ("Ferry-Plan", True),  # (a Hugo page's own slug, written back where it was)
        ("fähre-plan", True),
        ("Konflikte/Irak", False),
        ("USA-WEATHER/ (UPDATE 1, PIX)", False),
    ],
)
def test_only_a_slugline_that_is_an_address_is_the_pages_slug(slugline: str, as_slug: bool) -> None:
    """Hugo and Jekyll make the page's address of ``slug``: a slugline with a slash, spaces or
    brackets would make nested or odd addresses; it stays under articlekit:."""
    article = Article(headline="Night Ferries", slugline=slugline)
    written = write(article, format="markdown").value.decode()
    assert (f"\nslug: {slugline}\n" in written) is as_slug
    assert read(written.encode(), format="markdown").value.slugline == slugline


def test_a_dateline_the_story_prints_itself_as_the_writer_would_stays_in_it() -> None:
    """The first paragraph opens with the dateline exactly as the writer prints the field: the
    writer prints none, and the reader, told so by the front matter, keeps the story's own
    (it took it for the writer's and dropped it)."""
    opening = "WASHINGTON (AP) — Voters in twelve states go to the polls on Tuesday."
    article = Article(
        headline="Twelve States Vote",
        dateline=Dateline(place="WASHINGTON", agency="AP"),
        body=[Paragraph(content=[Span(text=opening)])],
    )
    written = write(article, format="markdown").value
    assert written.decode().split("---\n\n", 1)[1].count("WASHINGTON") == 1
    assert read(written, format="markdown").value == article


def test_extras_can_be_left_out_of_a_site_s_page() -> None:
    """A web copy's reader keeps the page's furniture in extras, which the front matter carries
    (JSON → Markdown → JSON loses nothing); a site's page is better without it: ``-O
    extras=false`` leaves the extras out, and says so. Any other value is a usage error."""
    copy = (
        "Skip to main content\n\n* News\n* Sport\n* Weather\nSign in\nSubscribe\n\n"
        "Harbour Board Backs Night Ferries\n\nBy Jane Doe\n\n"
        + "\n\n".join(
            "The harbour board voted on Tuesday to let passenger ferries berth through the night,"
            f" a change that fishermen say will leave them without quay space ({n})."
            for n in range(4)
        )
        + "\n\n* Share\n* Tweet\n\nPrivacy policy\n"
    )
    article = read(copy.encode(), format="text").value
    assert "text:removed_lines" in article.extras
    kept = write(article, format="markdown").value.decode()
    assert "text:removed_lines" in kept
    result = write(article, format="markdown", options={"extras": "false"})
    assert "text:removed_lines" not in result.value.decode()
    assert [w.code for w in result.warnings] == ["field-dropped"]
    with pytest.raises(UsageError):
        write(article, format="markdown", options={"extras": "maybe"})


def test_the_extras_option_is_checked_for_every_article() -> None:
    """A value that is no yes or no is refused whether or not the article has extras (a batch
    stopped at its first article with extras, after writing the others)."""
    article = read(b"Harbour Board Backs Night Ferries\n\nThe board voted on Tuesday.\n").value
    assert not article.extras
    with pytest.raises(UsageError):
        write(article, format="markdown", options={"extras": "maybe"})


def test_an_editor_is_not_listed_among_the_front_matters_authors() -> None:
    """``authors:`` is what a site prints as the story's authors: an editor (role ``editor``)
    is kept with the roles under ``articlekit:`` only."""
    article = Article(
        headline="Ferry Timetable Changes",
        authors=[Person(name="Lena Ostrova", role="editor"), Person(name="Piet Hal")],
        body=[Paragraph(content=[Span(text="Ferries leave earlier from Monday.")])],
    )
    written = write(article, format="markdown").value.decode()
    assert "authors:\n- Piet Hal\n" in written
    assert read(written.encode(), format="markdown").value == article


def test_a_writer_the_byline_names_is_an_author_whatever_their_role() -> None:
    """ "By Ilse Marwick, editor" credits a writer whose job title is editor: she is among
    ``authors:``; an editor the byline does not name is not."""
    article = article_with_an_editor_named_by_its_byline()
    written = write(article, format="markdown").value.decode()
    assert "authors:\n- Ilse Marwick\n" in written
    assert read(written.encode(), format="markdown").value == article
