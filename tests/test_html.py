"""HTML: web pages in (metadata, main text, furniture), articlekit's own pages out and back, safety.

The corpus test reads all 130 saved pages of ../shared/corpus/web and prints how close the text
is to Readability's reviewed expectation, beside trafilatura's own ``extract`` on the same pages.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import example, given

from articlekit import read, write
from articlekit.errors import InputError, UsageError
from articlekit.formats.html import extract, media
from articlekit.formats.html.read import CARD_ELEMENTS
from articlekit.model import (
    Article,
    Figure,
    Heading,
    List,
    Media,
    Paragraph,
    Person,
    Quote,
    Rendition,
    Resource,
    Span,
    Table,
    TableCell,
    TableRow,
    holds_content,
    iter_blocks,
)
from articlekit.registry import Context

from conftest import (
    DATA,
    article_with_an_editor_named_by_its_byline,
    read_back,
    run_cli,
    shared_path,
)
from strategies import articles

PAGES = DATA / "html"


def _read_page(name: str) -> Article:
    return read(PAGES / name).value


@pytest.fixture(params=[True, False], ids=["extractor", "semantic"])
def extractor(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Whether the page is read with the extractor or as semantic HTML (the extra absent): a test
    that takes it runs both ways."""
    if not request.param:
        monkeypatch.setattr(extract, "extractor_available", lambda: False)
    return bool(request.param)


# --- metadata -------------------------------------------------------------------------------------


def test_amp_page() -> None:
    result = read(PAGES / "amp-story.html")
    article = result.value
    assert article.id == "https://courier.example/news/2024/lighthouse-keepers"
    assert article.headline == "Lighthouse keepers return to Skerry Point"
    assert article.byline == "By Morag Lindsay"
    assert [(p.name, p.uri) for p in article.authors] == [
        ("Morag Lindsay", "https://courier.example/staff/morag-lindsay")
    ]
    assert article.source is not None and article.source.name == "The Coastal Courier"
    assert article.dateline is not None and article.dateline.place == "SKERRY POINT"
    assert str(article.published) == "2024-05-14 07:30:00+01:00"
    assert article.language == "en-GB"
    (picture,) = article.media  # the JSON-LD image: the featured picture
    assert picture.role == "featured" and picture.caption_text == "The Skerry Point light at dusk"
    assert picture.credit == "Photo: Ewan Rae"
    assert [r.uri for r in picture.renditions] == ["https://courier.example/img/skerry.jpg"]
    assert article.paragraphs[0].startswith("For the first time since 1988")
    lead = article.body[0]  # the <amp-img> under the byline, with the extractor too
    assert isinstance(lead, Figure) and lead.alt_text == "The Skerry Point light"
    assert isinstance(article.body[3], Heading) and article.body[3].text == "Why now"
    assert all("Sport" not in text and "Privacy" not in text for text in article.paragraphs)
    codes = {warning.code for warning in result.warnings}
    assert "html-boilerplate-dropped" in codes and "media-dropped" not in codes


def test_jsonld_in_a_graph_with_references() -> None:
    result = read(PAGES / "graph-story.html")
    article = result.value
    assert article.id == "https://hafenbote.example/2024/nachtfaehren"
    assert article.headline == "Stadtrat beschließt Nachtfähren"
    assert [(p.name, p.role) for p in article.authors] == [("Lena Vogt", "Redakteurin")]
    assert article.source is not None and article.source.name == "Hafenbote"
    assert article.language == "de-DE"
    assert [s.name for s in article.subjects] == ["Lokales"]
    assert article.keywords == ["Hafen", "Fähren", "Stadtrat"]
    assert str(article.updated) == "2024-03-05 11:00:00+01:00"
    assert len(article.paragraphs) == 3
    text = " ".join(article.paragraphs)
    for furniture in ("Cookies", "Teilen", "Mehr zum Thema", "Kommentare", "Lokales"):
        assert furniture not in text
    furniture = next(w for w in result.warnings if w.code == "html-boilerplate-dropped")
    for kind in ("cookie banner", "navigation", "share buttons", "related links", "comments"):
        assert kind in furniture.message


def test_several_authors_subheadline_and_rights() -> None:
    article = _read_page("several-authors.html")
    assert article.subheadline == "Three councils sign up to the estuary scheme"
    assert [(p.name, p.role, p.uri) for p in article.authors] == [
        ("Priya Raman", None, "https://news.example/people/priya-raman"),
        ("Tomás Ortega", "Energy correspondent", None),
        ("Ana Silva", None, None),
    ]
    assert article.byline == "By Priya Raman, Tomás Ortega and Ana Silva"
    assert article.rights is not None and article.rights.notice == "© 2024 Estuary News Ltd"
    assert article.source is not None and article.source.name == "Estuary News"


def test_author_tags_forms_and_one_letter_parts() -> None:
    """Several author tags name one author each, as written (Dublin Core's "Surname, Given"); a
    name with a one-letter part is one name; a form's "Follow Author" button is no byline."""
    page = (
        b'<!doctype html><html lang="en"><head><title>Tide tables</title>'
        b'<meta name="DC.Creator" content="Lindqvist, K."><meta name="DC.Creator" '
        b'content="Berg, Anna van den"></head><body><article><h1>Tide tables</h1>'
        b"<p>The harbour office published new tide tables on Monday.</p></article></body></html>"
    )
    assert [p.name for p in read(page, format="html").value.authors] == [
        "Lindqvist, K.",
        "Berg, Anna van den",
    ]
    page = (
        b'<!doctype html><html lang="en"><head><title>Ferry notes</title>'
        b'<meta name="author" content="Sea & i"></head><body><article><h1>Ferry notes</h1>'
        b'<form class="follow-author-form"><button>Follow Author</button></form>'
        b"<p>The ferry runs twice a day from the north quay.</p></article></body></html>"
    )
    article = read(page, format="html").value
    assert [p.name for p in article.authors] == ["Sea & i"]
    assert article.byline != "Follow Author"
    page = page.replace(b'<meta name="author" content="Sea & i">', b"")
    assert read(page, format="html").value.byline is None


@pytest.mark.parametrize(
    ("content", "people"),
    [
        ("Ines Harrow and Tom Berg, WCN", ["Ines Harrow", "Tom Berg"]),
        (
            "Ines Harrow, Tom Berg, and Ann Lee, The Westcliff Courier",
            ["Ines Harrow", "Tom Berg", "Ann Lee"],
        ),
        ("Ines Harrow, Harbour Reporter, WCN", ["Ines Harrow"]),
        ("Ines Harrow, Tom Berg", ["Ines Harrow", "Tom Berg"]),
        ("Ines Harrow, Marlo, WCN", ["Ines Harrow", "Marlo"]),  # (a one-word name: an author)
    ],
)
def test_the_outlet_a_meta_author_names_after_its_people_is_no_author(
    content: str, people: list[str]
) -> None:
    """A site's author tag often ends with the outlet ("Jane Doe and John Roe, CNN")."""
    page = (
        f'<!doctype html><html lang="en"><head><title>Ferry notes</title>'
        f'<meta name="author" content="{content}"></head><body><article><h1>Ferry notes</h1>'
        f"<p>The ferry runs twice a day from the north quay.</p></article></body></html>"
    ).encode()
    assert [person.name for person in read(page, format="html").value.authors] == people
    printed = page.replace(
        b"<h1>Ferry notes</h1>", f'<h1>Ferry notes</h1><p class="byline">By {content}</p>'.encode()
    )
    assert read(printed, format="html").value.byline == f"By {content}"


def test_an_agency_a_meta_author_names_after_each_person_is_no_author() -> None:
    """ "Jane Doe, Reuters; John Roe, AP": the byline names one outlet, the other agency is no
    author either."""
    page = (
        b'<!doctype html><html lang="en"><head><title>Ferry notes</title><meta name="author" '
        b'content="Ines Harrow, Reuters; Tom Berg, AP"></head><body><article><h1>Ferry notes</h1>'
        b"<p>The ferry runs twice a day from the north quay.</p></article></body></html>"
    )
    authors = read(page, format="html").value.authors
    assert [person.name for person in authors] == ["Ines Harrow", "Tom Berg"]


@pytest.mark.parametrize(
    ("printed", "byline"),
    [
        (
            "By Ines Harrow, WCN <span>Updated 9:22 PM EST, Mon November 6, 2023</span>",
            "By Ines Harrow, WCN",
        ),
        (
            "By Ines Harrow, Reuters <time>Published 6 Nov 2023</time> | Reuters",
            "By Ines Harrow, Reuters",
        ),
    ],
)
def test_a_printed_byline_keeps_its_outlet_and_drops_the_date_after_it(
    printed: str, byline: str
) -> None:
    """The outlet a byline names after its people stays in it, the date after the outlet does
    not, whatever the element ends with."""
    page = (
        '<!doctype html><html lang="en"><head><title>Ferry notes</title>'
        '<meta name="author" content="Ines Harrow"></head><body><article><h1>Ferry notes</h1>'
        f'<p class="byline">{printed}</p>'
        "<p>The ferry runs twice a day from the north quay.</p></article></body></html>"
    ).encode()
    assert read(page, format="html").value.byline == byline


def test_a_byline_box_whose_blocks_run_together_gives_the_byline_inside_it() -> None:
    """A byline box holding the byline and the date as two blocks, whose texts join with no
    space ("By Ines Harrow, WCNUpdated ..."): the byline is the element inside it that reads
    whole, outlet kept, while the outlet is no author."""
    page = (
        b'<!doctype html><html lang="en"><head><title>Ferry notes</title>'
        b'<meta name="author" content="Ines Harrow, WCN"></head><body><article><h1>Ferry notes</h1>'
        b'<div class="byline-box"><p class="byline">By Ines Harrow, WCN</p>'
        b'<p class="time">Updated 9:22 PM EST, Mon November 6, 2023</p></div>'
        b"<p>The ferry runs twice a day from the north quay.</p></article></body></html>"
    )
    article = read(page, format="html").value
    assert article.byline == "By Ines Harrow, WCN"
    assert [person.name for person in article.authors] == ["Ines Harrow"]


def test_printed_bylines_found_in_page_markup() -> None:
    """A camelCase byline class, the first line of a "Written by / Edited by" element, no date
    after the names, and never a commenter's name."""
    story = b"<p>The lock gates at Wenn Quay were replaced over the winter months.</p>"
    comments = b'<ul class="comments-list"><li><div class="byline">K T</div><p>Nice</p></li></ul>'
    pages = {
        b'<div class="StoryByline"> By <b>Ines Harrow</b><br>May 2, 2024</div>': "By Ines Harrow",
        b'<p class="byline">Written by Ola Brekke<br>Edited by Sam Idris</p>': (
            "Written by Ola Brekke"
        ),
        b"": None,
    }
    for markup, byline in pages.items():
        page = (
            b'<!doctype html><html lang="en"><head><title>Lock gates</title></head><body>'
            + comments
            + b"<article><h1>Lock gates</h1>"
            + markup
            + story
            + b"</article></body></html>"
        )
        assert read(page, format="html").value.byline == byline


def test_the_title_without_the_site_name_or_as_a_lower_heading_prints_it(extractor: bool) -> None:
    """A ``<title>`` (or ``og:title``) of the headline and the site's name gives the headline
    alone, the name known from ``og:site_name`` (also after ``»``); without an ``<h1>`` naming
    it, an ``<h2>``/``<h3>`` printing the title's longest part is the headline, never a shorter
    part (a column's name, a section) that a heading prints too."""
    story = (
        "<p>The tide gauge on the north pier will be replaced this spring, the harbour office"
        " said on Thursday, after it failed twice during the winter storms.</p><p>Until then,"
        " skippers are asked to read the old painted scale by the steps.</p>"
    )

    def page(title: str, head: str = "", heading: str = "") -> bytes:
        return (
            f'<!doctype html><html lang="en"><head><title>{title}</title>{head}</head><body>'
            f'<h1 class="logo">Quayside Notes</h1><main>{heading}{story}</main>'
            "</body></html>"
        ).encode()

    site = '<meta property="og:site_name" content="Marrow Bay Post">'
    headline = "Tide gauge on the north pier to be replaced"
    cases = {
        f"{headline} - Marrow Bay Post": (site, ""),
        f"{headline} » Marrow Bay Post": (site, ""),
        f"Marrow Bay Post | {headline}": (site, ""),
        f"{headline} - Quay Forum": ("", f"<h2>{headline}</h2>"),
        f"Harbour | {headline} | Quay Forum": ("", f"<h3>Harbour</h3><h2>{headline}</h2>"),
    }
    for title, (head, heading) in cases.items():
        article = read(page(title, head, heading), format="html").value
        assert (title, article.headline) == (title, headline)
    column = "Night Shift: The Crews Who Keep the Ferries Running"
    kicker = read(page(f"Column – {column}", "", "<h2>Column</h2>"), format="html").value
    assert kicker.headline == f"Column – {column}"
    # the site's name, however long, is no headline: not as a part of the title a footer's
    # heading prints, nor a word of the headline inside the site's name
    footer = page(
        "Fares rise - The Harbour Gazette", site.replace("Marrow Bay Post", "The Harbour Gazette")
    )
    footer = footer.replace(b"</main>", b"</main><footer><h3>The Harbour Gazette</h3></footer>")
    assert read(footer, format="html").value.headline == "Fares rise"
    storms = page(
        "Storms - Harbour Storms Watch", site.replace("Marrow Bay Post", "Harbour Storms Watch")
    )
    assert read(storms, format="html").value.headline == "Storms"


def test_the_deck_printed_under_the_headline_is_the_subheadline(extractor: bool) -> None:
    """A deck the page prints under its headline (marked as one, or a heading that prints the
    page's description) is the subheadline, as the text reader's line under a headline is; the
    description stays the summary; a row of source and date marked "subtitle" is no deck."""
    story = (
        b"<p>The ferry company said on Tuesday that the night crossing to Osk Island would run"
        b" again from June, after two winters without it.</p><p>Ticket prices stay as they were"
        b" last year, the company added, and bicycles travel free.</p>"
    )

    def page(description: str, header: str) -> bytes:
        return (
            (
                '<!doctype html><html lang="en"><head><title>Night ferry returns</title>'
                f'<meta name="description" content="{description}"></head><body><article>'
                f"<header><h1>Night ferry returns</h1>{header}</header>"
            ).encode()
            + story
            + b"</article></body></html>"
        )

    summary = "The night ferry to Osk Island runs again from June."
    deck = "Islanders get their night crossing back after two winters."
    cases = {  # the header under the headline: (description, the subheadline)
        f'<p class="article-standfirst">{deck}</p>': (summary, deck),
        f"<h2>{deck}</h2>": (deck, deck),
        '<p class="subtitle">Osk Post • 04.03.2025</p>': (summary, None),
    }
    for header, (description, subheadline) in cases.items():
        article = read(page(description, header), format="html").value
        assert (article.subheadline, article.summary) == (subheadline, description)
        assert all(deck not in text for text in article.paragraphs)  # (printed above the text)


def test_a_deck_is_known_by_any_class_word_that_names_one(extractor: bool) -> None:
    """Themes name the deck in many ways, a word of a class among others ("td-post-sub-title",
    "jeg_post_subtitle", "headline-dek"); German CMSs call it the teaser ("entry-teaser", a
    ``div.teaser`` in the header), WordPress themes the excerpt ("post-excerpt"), and a
    "subheading" or a "lead" in the headline's header is no crosshead nor the story's big first
    paragraph (outside the header, see below; a "lead" qualifying another word, "lead-label" or
    the lead picture's "lead-image-caption", names none). A byline paragraph under the deck
    stays the byline, not the story's first paragraph."""
    deck = "Islanders get their night crossing back after two winters without it."
    story = (
        "<p>The ferry company said on Tuesday that the night crossing to Osk Island would run"
        " again from June, after two winters without it.</p><p>Ticket prices stay as they were"
        " last year, the company added, and bicycles travel free.</p>"
    )
    for tag, classes in (
        ("p", "td-post-sub-title"),
        ("div", "jeg_post_subtitle"),
        ("p", "ar-subtitle"),
        ("h2", "single-post-subtitle"),
        ("div", "post_subtitle"),
        ("p", "headline-dek"),
        ("div", "entry-teaser"),
        ("div", "msm_art_teaser"),
        ("div", "teaser"),
        ("p", "site__teaser"),
        ("h2", "theme-subheading"),
        ("p", "post-excerpt"),
        ("div", "article-excerpt"),
        ("p", "article-lead"),
    ):
        page = (
            '<!doctype html><html lang="en"><head><title>Night ferry returns</title></head>'
            "<body><article><header><h1>Night ferry returns</h1>"
            f'<{tag} class="{classes}">{deck}</{tag}><p>By <a href="/ilse">Ilse Marwick</a>,'
            f" March 4, 2025</p></header>{story}</article></body></html>"
        )
        article = read(page.encode(), format="html").value
        assert (classes, article.subheadline) == (classes, deck)
        if extractor:  # (read as semantic HTML, a byline in the header is not looked for)
            assert (classes, article.byline) == (classes, "By Ilse Marwick, March 4, 2025")
        assert all(deck not in text for text in article.paragraphs)
    lead = (
        '<!doctype html><html lang="en"><head><title>Night ferry returns</title></head><body>'
        f'<article><header><h1>Night ferry returns</h1></header><p class="lead">{deck}</p>'
        f"{story}</article></body></html>"
    )
    article = read(lead.encode(), format="html").value
    assert (article.subheadline, article.paragraphs[0]) == (None, deck)
    for header, subheadline in (  # ("lead" qualifying another word names no deck)
        ('<span class="lead-label">Top story</span>', None),
        (
            '<div class="lead-image"><img src="/p.jpg" alt=""><span class="lead-image-caption">'
            "The night ferry at the Osk pier.</span></div>",
            None,
        ),
        (f'<p class="c-lead--big">{deck}</p>', deck),
    ):
        page = (
            '<!doctype html><html lang="en"><head><title>Night ferry returns</title></head><body>'
            f"<article><header><h1>Night ferry returns</h1>{header}</header>{story}</article>"
            "</body></html>"
        )
        article = read(page.encode(), format="html").value
        assert (header, article.subheadline) == (header, subheadline)


def test_the_description_printed_over_the_text_it_leaves_out_is_the_deck(extractor: bool) -> None:
    """A line under the headline that prints the page's description, in a box of its own (big
    print, unmarked) that the article's text leaves out, is the deck: else it is lost. Printed
    as the story's first paragraph it stays that; a deck marked as one under it wins; a sidebar,
    a share bar (the text it shares) or a hidden element holding the description prints no
    deck."""
    description = "Islanders get their night crossing back after two winters without it."
    story = (
        "<p>The ferry company said on Tuesday that the night crossing to Osk Island would run"
        " again from June, after two winters without it.</p><p>Ticket prices stay as they were"
        " last year, the company added, and bicycles travel free.</p><p>The first boat leaves"
        " the harbour at eleven on the first Friday of June.</p>"
    )

    def page(under: str, first: str = "") -> bytes:
        return (
            '<!doctype html><html lang="en"><head><title>Night ferry returns</title>'
            f'<meta name="description" content="{description}"></head><body><article>'
            f'<h1>Night ferry returns</h1>{under}<div class="article-body">{first}{story}</div>'
            "</article></body></html>"
        ).encode()

    boxed = f'<div class="header-intro">{description}</div>'
    cases = {  # the page: (its subheadline, its first paragraph)
        "box": (page(boxed), description, "The ferry company"),
        "paragraph in a box": (
            page(f'<section class="header-intro"><p>{description}</p></section>'),
            description,
            "The ferry company",
        ),
        "first paragraph": (page("", first=f"<p>{description}</p>"), None, "Islanders get"),
        "marked deck under it": (
            page(f'{boxed}<h2 class="dek">Two boats a night from June.</h2>'),
            "Two boats a night from June.",
            "The ferry company",
        ),
        "sidebar": (page(f"<aside><p>{description}</p></aside>"), None, "The ferry company"),
        "hidden": (page(f"<div hidden>{description}</div>"), None, "The ferry company"),
        "template": (page(f"<template><div>{description}</div></template>"), None, "The ferry"),
        "share bar": (
            page(f'<div class="share-bar"><button>Share</button><span>{description}</span></div>'),
            None,
            "The ferry company",
        ),
    }
    for name, (html, subheadline, first) in cases.items():
        article = read(html, format="html").value
        assert (name, article.subheadline) == (name, subheadline)
        assert (name, article.summary) == (name, description)
        assert article.paragraphs[0].startswith(first)


def test_a_label_under_the_headline_is_no_deck(extractor: bool) -> None:
    """A deck is a sentence or a line of words: a word alone ("Partner"), a few words in
    capitals or a download link ("MP3-DOWNLOAD (01:00 h)"), a picture's credit or a row of
    items is a label, whatever its class or the description it prints."""
    story = (
        "<p>The ferry company said on Tuesday that the night crossing to Osk Island would run"
        " again from June, after two winters without it.</p><p>Ticket prices stay as they were"
        " last year, the company added, and bicycles travel free.</p>"
    )
    for description, under in (
        ("", '<span class="sponsor__subheadline">Partner</span>'),
        ("", '<span class="teaser-credit">© Ilse Marwick</span>'),
        ("", '<div class="subhead">von admin | Filed under: ferries | 0</div>'),
        ("FREE ENTRY (ALL AGES)", "<h3>FREE ENTRY (ALL AGES)</h3>"),
        (
            "Audio (40 min) of the crossing",
            '<h3><a href="https://files.example.org/crossing.mp3">Audio</a> (40 min) of the'
            " crossing</h3>",
        ),
    ):
        page = (
            '<!doctype html><html lang="en"><head><title>Night ferry returns</title>'
            f'<meta name="description" content="{description}"></head><body><article>'
            f"<h1>Night ferry returns</h1>{under}{story}</article></body></html>"
        )
        article = read(page.encode(), format="html").value
        assert (under, article.subheadline) == (under, None)


def test_text_that_is_no_deck_under_the_headline_is_not_taken_for_one(extractor: bool) -> None:
    """The deck sits under the article's headline (not a site's logo) and above its first
    paragraph; a sidebar's teaser, another story's card in a list of related ones (its
    "excerpt", its "teaser"), a crosshead, a video's subtitle or a lede opening with a dateline
    is none, whatever its class says or the description it repeats."""
    first = (
        "The harbour board voted on Monday to dredge the inner basin before the summer,"
        " after two trawlers ran aground there in March."
    )
    story = (
        f"<p>{first}</p><p>Work starts in May and should take six weeks, the board said.</p>"
        "<p>Fishers have asked for the dredging since the winter storms.</p>"
    )
    headline = "Harbour board votes to dredge the inner basin"

    def page(description: str, above: str, under: str = "") -> bytes:
        return (
            f'<!doctype html><html lang="en"><head><title>{headline} | Westcliff Courier</title>'
            f'<meta property="og:title" content="{headline}">'
            f'<meta name="description" content="{description}"></head><body>{above}<article>'
            f"<header><h1>{headline}</h1>{under}</header>{story}</article></body></html>"
        ).encode()

    logo = (
        '<header><h1 class="site-title">Westcliff Courier</h1>'
        '<p class="site-subtitle">News from the harbour town since 1884</p></header>'
    )
    teaser = (
        '<aside class="teaser"><h3>Ferry fares frozen</h3><p class="teaser__standfirst">'
        "The island ferry keeps last year's prices.</p></aside>"
    )
    cards = {  # (between the header and the story)
        "card's excerpt": '<div class="more-stories"><article><h3><a href="/fares">Ferry fares'
        ' frozen</a></h3><p class="post-excerpt">The island ferry keeps its prices.</p></article>'
        "</div>",
        "list item's excerpt": '<ul class="posts"><li><a href="/fares">Ferry fares frozen</a>'
        '<div class="entry-excerpt">The island ferry keeps its prices.</div></li></ul>',
        "card's teaser": '<div class="more-stories"><article><h3><a href="/fares">Ferry fares'
        ' frozen</a></h3><p class="teaser">The island ferry keeps its prices.</p></article></div>',
    }
    pages = {
        **{
            name: page(first, "").replace(b"</header>", f"</header>{card}".encode())
            for name, card in cards.items()
        },
        "logo": page(first, logo).replace(b"<h1>", b"<h2>").replace(b"</h1>", b"</h2>"),
        "crosshead": page(first, "").replace(
            b"</p><p>Work", b'</p><h2 class="subheading">What the fishers say</h2><p>Work'
        ),
        "teaser": page(first, "", under=teaser),
        "video": page(first, "", under='<span class="video-subtitle">Watch: the basin</span>'),
        "lede": page(f"WESTCLIFF — {first}", "", under=f"<p>WESTCLIFF — {first}</p>").replace(
            f"<p>{first}</p>".encode(), b""
        ),
    }
    for name, html in pages.items():
        article = read(html, format="html").value
        assert (name, article.subheadline) == (name, None)
        assert article.headline == headline
        assert "six weeks" in " ".join(article.paragraphs), name  # (the story keeps its text)
    crosshead = read(pages["crosshead"], format="html").value
    assert "What the fishers say" in [
        block.text for block in crosshead.body if hasattr(block, "text")
    ]


def _metadata_page(lang: str, jsonld_published: str, jsonld_language: str) -> bytes:
    """A story whose ``<html lang>``, meta tags (published 2024-03-05 09:30 UTC) and JSON-LD
    (with the date and language given) name its headline, date and language."""
    return f"""<!doctype html><html lang="{lang}"><head>
    <meta property="og:title" content="Ferries at night">
    <meta property="article:published_time" content="2024-03-05T09:30:00Z">
    <script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Night ferries",
      "datePublished": "{jsonld_published}", "inLanguage": "{jsonld_language}"}}</script>
    </head><body><article><h1>Night ferries</h1><p>The ferries run at night now.</p>
    </article></body></html>""".encode()


def test_disagreeing_metadata_is_resolved_in_order_and_reported() -> None:
    result = read(_metadata_page("fr", "2024-03-06T09:30:00Z", "en"))
    assert result.value.headline == "Night ferries"
    assert str(result.value.published) == "2024-03-06 09:30:00+00:00"
    assert result.value.language == "en"
    conflicts = [w.message for w in result.warnings if w.code == "html-metadata-conflict"]
    assert any(m.startswith("published: JSON-LD says") for m in conflicts), conflicts
    assert any(
        m.startswith("language: JSON-LD says 'en', <html lang> says 'fr'") for m in conflicts
    )


_STORY = (
    b"<p>The ferry to the outer islands will run twice a day from March, the harbour board"
    b" decided on Tuesday after a long meeting with the island councils and the crews.</p>"
    b"<p>The second crossing leaves the north quay at six in the evening and returns before"
    b" midnight, which the councils had asked for since the winter timetable began.</p>"
)


def _story_page(head: bytes, header: bytes) -> bytes:
    """A page with ``head`` in its ``<head>`` and ``header`` between its headline and story."""
    return (
        b'<!doctype html><html lang="en"><head><title>Ferry runs twice a day</title>' + head
        + b"</head><body><nav><a href='/'>Home</a></nav><article><h1>Ferry runs twice a day</h1>"
        + header + _STORY + b"</article></body></html>"
    )  # fmt: skip


def test_the_printed_date_stands_in_for_metadata_that_gives_none() -> None:
    """A page whose metadata gives no date has the one printed under its headline, read as the
    text reader reads a header line (alone, after the byline, or after a label); an update's
    date is no publication date."""
    for header, expected in (
        (b'<div class="meta"><span>By Mira Holm</span> <span>March 3, 2021</span></div>',
         "2021-03-03"),
        (b'<p class="byline">By Mira Holm | 3 March 2021, 14:05 GMT</p>',
         "2021-03-03 14:05:00+00:00"),
        (b"<div><em>Published</em> Mar 3, 2021</div>", "2021-03-03"),
    ):  # fmt: skip
        article = read(_story_page(b"", header), format="html").value
        assert str(article.published) == expected, header
    article = read(_story_page(b"", b"<p>Updated March 4, 2021</p>"), format="html").value
    assert article.published is None
    meta = b'<meta property="article:published_time" content="2021-02-01T08:00:00Z">'
    article = read(_story_page(meta, b"<p>March 3, 2021</p>"), format="html").value
    assert str(article.published) == "2021-02-01 08:00:00+00:00"  # (the metadata's wins)


def test_only_a_date_printed_in_the_header_stands_in_for_the_metadata() -> None:
    """The printed date is one of the header's lines, between the headline and the story's
    first paragraphs: never a link's or a list's (another story's, a deadline), an event's
    after a label, a related box's or a comment's, nor any date after an "Updated" line."""
    chat = b"".join(
        b"<p>Reader %d thinks the quay should open on Sundays as well.</p>" % i for i in range(6)
    )
    for header in (
        b'<p><a href="/old">Read more: Quay closed for repairs</a> <small>July 2, 2018</small></p>',
        b"<ul><li>Timetable</li><li>July 2, 2018</li></ul>",
        b"<p>Sailing day: <strong>Sunday, July 2, 2028</strong></p>",
        b'<div class="more-from-author"><h4>More from Mira Holm</h4><p>July 2, 2018</p></div>',
        b"<p>Updated March 4, 2021</p><p>July 2, 2018</p>",
        b"<div>Updated <time>March 4, 2021</time></div><div>July 2, 2018</div>",
        b'<p><a href="/old">Quay closed</a> <span class="date">July 2, 2018</span></p>',
        b"<div>Deadline: <span>July 2, 2028</span></div>",
        chat + b"<p>Ola Berg</p><p>July 2, 2018 at 9:40 am</p>",
    ):
        article = read(_story_page(b"", header), format="html").value
        assert article.published is None, header


def test_a_pictures_a_sidebars_a_comments_or_an_events_date_is_no_publication_date() -> None:
    """A date in a caption (by class), in a box of comments or a
    sidebar (by class or id), under a "Most read" heading, or on the line after a label
    paragraph ("Date:", "When") is not the article's; a byline box with the author's photo
    still gives its date."""
    lines = b"".join(b"<div>Line %d of the notice about the quay.</div>" % i for i in range(4))
    for header in (
        b'<div class="image"><img src="q.jpg"><div class="caption">July 2, 2018</div></div>',
        b'<div class="wp-caption"><img src="q.jpg"><p class="wp-caption-text">July 2, 2018</p>'
        b"</div>",
        lines + b'<div id="comments"><div>Ola Berg</div><div>July 2, 2018</div></div>',
        b'<div id="disqus_thread"><div>Ola Berg</div><div>July 2, 2018</div></div>',
        b'<section class="sidebar"><h4>Harbour notes</h4><div>July 2, 2018</div></section>',
        b"<div><h3>Our most read stories</h3><div>July 2, 2018</div></div>",
        b"<div><h3>This week: editor's picks</h3><div>July 2, 2018</div></div>",
        b"<p><strong>Date:</strong></p><p>Sunday, July 2, 2028</p>",
        b"<p><strong>When</strong></p><p>Sunday, July 2, 2028</p>",
    ):
        article = read(_story_page(b"", header), format="html").value
        assert article.published is None, header
    photo = b'<div class="author"><img src="mira.jpg"><p>By Mira Holm</p><p>March 3, 2021</p></div>'
    article = read(_story_page(b"", photo), format="html").value
    assert str(article.published) == "2021-03-03"


def test_a_publication_line_after_the_update_line_is_read_with_it() -> None:
    """An "Updated" line printed first leaves the labelled publication line after it (or on
    the same line) the publication, the update recorded as such, as the text reader reads
    them; a list item whose class names a date is a header line."""
    for header in (
        b"<p>Updated March 4, 2021</p><p>Published March 3, 2021</p>",
        b"<p>Updated March 4, 2021 | Published March 3, 2021</p>",
    ):
        article = read(_story_page(b"", header), format="html").value
        assert (str(article.published), str(article.updated)) == ("2021-03-03", "2021-03-04")
    header = b'<ul class="meta"><li class="author">Mira Holm</li><li class="date">March 3, 2021'
    header += b"</li></ul>"
    article = read(_story_page(b"", header), format="html").value
    assert str(article.published) == "2021-03-03"


def test_a_bylines_date_is_read_as_the_text_reader_reads_it() -> None:
    """A byline's date may be labelled ("Published ...", "Posted on ...", "published in
    SECTION ..."), as the text reader reads it."""
    for byline in (
        b"By Mira Holm | Published March 3, 2021",
        b"By Mira Holm, Posted on March 3, 2021",
        b"By Mira Holm, published in Harbour News March 3, 2021",
    ):
        article = read(_story_page(b"", b"<p>" + byline + b"</p>"), format="html").value
        assert str(article.published) == "2021-03-03", byline


def test_a_time_marked_as_the_last_change_is_no_publication_date() -> None:
    """A ``<time>`` that says it is the last change (``itemprop="dateModified"``, an "updated"
    class, an "Updated" label before it) gives the update, never the publication."""
    for header in (
        b'<time itemprop="dateModified" datetime="2021-12-10T20:06:09-07:00">Dec 10</time>',
        b'<span class="entry-updated"><time datetime="2021-12-10T20:06:09-07:00">Dec 10</time>'
        b"</span>",
        b'<p>Last updated: <time datetime="2021-12-10T20:06:09-07:00">Dec 10</time></p>',
    ):
        article = read(_story_page(b"", header), format="html").value
        assert article.published is None, header
    for header in (
        b'<p>Posted <time datetime="2021-12-09T10:00:00Z">Dec 9</time></p>',
        b'<time class="entry-date published updated" datetime="2021-12-09T10:00:00Z">Dec 9</time>',
    ):
        article = read(_story_page(b"", header), format="html").value
        assert str(article.published) == "2021-12-09 10:00:00+00:00", header


def test_a_time_its_own_marks_name_the_publication_stays_it() -> None:
    """A ``<time>`` whose own class names it the publication is the publication even in a box
    marked "updated"; "update" as a word of another class or a live blog's "Live update:" marks
    no change; a time marked as the change gives the update when nothing else does."""
    for header in (
        b'<div class="post-date last-updated"><time class="published"'
        b' datetime="2022-05-04T08:00:00Z">May 4</time></div>',
        b'<div class="js-update-me"><time datetime="2022-05-04T08:00:00Z">May 4</time></div>',
        b'<p>Live update: <time datetime="2022-05-04T08:00:00Z">08:00</time> Quay opens</p>',
    ):
        article = read(_story_page(b"", header), format="html").value
        assert str(article.published) == "2022-05-04 08:00:00+00:00", header
    header = b'<p class="last-updated"><time datetime="2022-05-06T09:00:00Z">May 6</time></p>'
    article = read(_story_page(b"", header), format="html").value
    assert (article.published, str(article.updated)) == (None, "2022-05-06 09:00:00+00:00")


def test_open_graph_authors_given_as_profile_addresses_are_named_as_the_page_links_them() -> None:
    """``article:author`` gives profile addresses (several tags, or one with commas): the names
    are those of the page's links to them, all of them, in the metadata's order; a link named
    as the site it leads to ("Facebook") names no author."""
    links = (
        b'<p>By <a href="/people/mira-holm/">Mira Holm</a> and'
        b' <a href="https://www.harbour.example/people/tor-vik">Tor Vik</a></p>'
    )
    for head in (
        b'<meta property="article:author" content="https://harbour.example/people/tor-vik">'
        b'<meta property="article:author" content="https://harbour.example/people/mira-holm">',
        b'<meta property="article:author" content="https://harbour.example/people/tor-vik,'
        b'https://harbour.example/people/mira-holm">',
    ):
        article = read(_story_page(head, links), format="html").value
        assert [p.name for p in article.authors] == ["Tor Vik", "Mira Holm"]
    head = b'<meta property="article:author" content="https://social.example/harbourdesk">'
    button = b'<p><a href="https://social.example/harbourdesk">Social</a> By Mira Holm</p>'
    article = read(_story_page(head, button), format="html").value
    assert [p.name for p in article.authors] != ["Social"]


def test_a_profile_link_names_an_author_only_when_its_text_is_a_persons_name() -> None:
    """An ``article:author`` profile address is named by a link to it only when the link reads as
    one person's name (a "By" label and a job title after a comma set apart as the byline parser
    does); never by a button, an address, a handle, a site's front page or a link to the page
    itself, and never over a printed byline naming someone else."""
    profile = b'<meta property="article:author" content="https://harbour.example/people/mira-holm">'
    link = b'<a href="https://harbour.example/people/mira-holm/">%s</a>'
    for header, expected in (
        (b"<aside>" + link % b"More stories" + b"</aside><p class='byline'>By "
         + link % b"Mira Holm" + b"</p>", [("Mira Holm", None)]),
        (link % b"By Mira Holm", [("Mira Holm", None)]),
        (b"<div class='author-name'>" + link % b"Mira Holm, Harbour Reporter" + b"</div>",
         [("Mira Holm", "Harbour Reporter")]),
        (b"<p class='byline'>By Tor Vik</p><div class='author-box'>" + link % b"Mira Holm"
         + b"</div>", [("Tor Vik", None)]),
        (b"<p class='byline'>By Mira Holm</p><div class='author-box'>"
         + link % b"View all posts by Mira Holm" + b"</div>", [("Mira Holm", None)]),
    ):  # fmt: skip
        article = read(_story_page(profile, header), format="html").value
        assert [(p.name, p.role) for p in article.authors] == expected, header
    for text in (b"mira.holm@harbour.example", b"@miraholm", b"Follow Mira on Social"):
        article = read(_story_page(profile, link % text), format="html").value
        assert article.authors == [], text
    front = b'<meta property="article:author" content="https://harbour.example/">'
    for header in (b"", b"<p>By Tor Vik</p>" + _STORY + b'<a href="#comments">4 Comments</a>'):
        article = read(_story_page(front, header), format="html").value
        assert [p.name for p in article.authors] == (["Tor Vik"] if header else []), header


def test_a_profile_link_names_an_author_only_in_the_printed_byline() -> None:
    """A link to an ``article:author`` profile page names its author only where the page prints
    the byline (an element marked as the author or byline, a line beginning "By"): a menu's or
    a box's link to the same page ("All Stories", "Follow Mira") is no name. There a name in a
    script without capitals is a name, and a role after a dash is set apart."""
    profile = b'<meta property="article:author" content="https://harbour.example/people/mira-holm">'
    link = b'<a href="/people/mira-holm">%s</a>'
    for header in (
        b"<nav>" + link % b"All Stories" + b"</nav><p class='byline'>" + link % b"Mira Holm"
        + b"</p>",
        b"<div><span>" + link % b"Follow Mira" + b"</span></div><p>By " + link % b"Mira Holm"
        + b"</p>",
    ):  # fmt: skip
        article = read(_story_page(profile, header), format="html").value
        assert [p.name for p in article.authors] == ["Mira Holm"], header
    for text in (b"All Stories", b"Follow Mira", b"Contact Us", b"Read Bio", b"Editorial Board"):
        for header in (
            b"<div class='meta'>" + link % text + b"</div>",
            b"<nav>" + link % text + b"</nav>",
        ):
            article = read(_story_page(profile, header), format="html").value
            assert article.authors == [], header
    contact = b"<p class='byline'>" + link % b"Contact Us" + b"</p>"
    assert read(_story_page(profile, contact), format="html").value.authors == []
    for text, expected in (
        ("林海燕", [("林海燕", None)]),
        ("سارة نور", [("سارة نور", None)]),
        ("सुनीता वर्मा", [("सुनीता वर्मा", None)]),
        ("Mira Holm - Harbour Editor", [("Mira Holm", "Harbour Editor")]),
    ):
        header = b"<div class='author'>" + link % text.encode() + b"</div>"
        article = read(_story_page(profile, header), format="html").value
        assert [(p.name, p.role) for p in article.authors] == expected, text


def test_a_printed_byline_naming_more_than_the_profile_links_is_kept_whole() -> None:
    """A printed byline naming the profile link's author and someone else, or giving a role, is
    the byline and its people, not cut down to the linked name."""
    profile = b'<meta property="article:author" content="https://harbour.example/people/mira-holm">'
    link = b'<a href="/people/mira-holm">Mira Holm</a>'
    cases = (
        (b"<p class='byline'>By " + link + b" and Tor Vik</p>", "By Mira Holm and Tor Vik",
         [("Mira Holm", None), ("Tor Vik", None)]),
        (b"<p class='byline'>By " + link + b", Harbour Reporter</p>",
         "By Mira Holm, Harbour Reporter", [("Mira Holm", "Harbour Reporter")]),
        (b"<p class='byline'>By Mira Holm, Harbour Reporter</p><div class='author'>" + link
         + b"</div>", "By Mira Holm, Harbour Reporter", [("Mira Holm", "Harbour Reporter")]),
    )  # fmt: skip
    for header, byline, people in cases:
        article = read(_story_page(profile, header), format="html").value
        assert article.byline == byline, header
        assert [(p.name, p.role) for p in article.authors] == people, header


def test_a_microdata_authors_organisation_is_no_author() -> None:
    """The names of an item nested in a microdata author (the organisation a person
    ``worksFor``) name no author."""
    header = (
        b'<div itemprop="author" itemscope itemtype="https://schema.org/Person">'
        b'<span itemprop="name">Mira Holm</span>, <span itemprop="worksFor" itemscope'
        b' itemtype="https://schema.org/Organization"><span itemprop="name">Harbour Post</span>'
        b"</span></div>"
    )
    article = read(_story_page(b"", header), format="html").value
    assert [p.name for p in article.authors] == ["Mira Holm"]


def test_every_name_of_a_microdata_author_and_no_pictures_credit() -> None:
    """A microdata author with several names gives them all; the author of a picture
    (``ImageObject``) or of a reader's comment is not the article's."""
    header = (
        b'<div itemprop="author" itemscope itemtype="https://schema.org/Person">'
        b'<span itemprop="name">Mira Holm</span><span itemprop="name">Tor Vik</span></div>'
    )
    article = read(_story_page(b"", header), format="html").value
    assert [p.name for p in article.authors] == ["Mira Holm", "Tor Vik"]
    picture = (
        b'<meta name="author" content="Mira Holm"><a rel="author" href="/mira">Mira Holm</a>'
        b'<figure itemscope itemtype="http://schema.org/ImageObject"><img src="quay.jpg" alt="">'
        b'<figcaption>The north quay. <span itemprop="author">Lars Dahl/Agency</span>'
        b"</figcaption></figure>"
    )
    result = read(_story_page(b"", picture), format="html")
    assert [p.name for p in result.value.authors] == ["Mira Holm"]
    assert "html-metadata-conflict" not in [w.code for w in result.warnings]


def test_an_invalid_language_or_date_gives_way_to_the_next_source() -> None:
    """A source whose value is no language tag or no date is passed over with a warning: the
    next source with a valid value is taken, not nothing."""
    result = read(_metadata_page("en-GB", "2024-02-30T09:30:00Z", "british"))
    assert result.value.language == "en-GB"
    assert str(result.value.published) == "2024-03-05 09:30:00+00:00"
    invalid = [w.code for w in result.warnings if w.code in ("language-invalid", "date-unparsed")]
    assert invalid == ["language-invalid", "date-unparsed"]
    conflicts = [w.message for w in result.warnings if w.code == "html-metadata-conflict"]
    assert not [m for m in conflicts if m.startswith(("language", "published"))], conflicts


def test_broken_jsonld_is_reported_not_fatal() -> None:
    page = (
        b'<!doctype html><html><head><script type="application/ld+json">{"headline": </script>'
        b'<script type="application/ld+json"><![CDATA[ {"@type": "Article", "headline": "Wrapped"}'
        b" ]]></script></head><body><article><p>Text of the story.</p></article></body></html>"
    )
    result = read(page)
    assert result.value.headline == "Wrapped"
    assert [w.code for w in result.warnings].count("html-metadata-unreadable") == 1


def story_page(link_title: str, rule: bool) -> bytes:
    """A whole news page: a menu with a titled link, then an article of three paragraphs, the
    first holding a link titled ``link_title``, a ``<hr>`` after it when ``rule``."""
    paragraphs = [
        "The first ferry of the season reached the harbour on Monday morning, carrying "
        'islanders and <a href="https://harbour.example/t" title="' + link_title + '">their '
        "post</a> across a calm sound after weeks of winter storms kept the boats in port.",
        "Crews had spent the closed weeks repairing the quay, the operator said, and the "
        "timetable returns to four crossings a day from the first of the month onward.",
        "Islanders said the return of the boats mattered more than any other news this year, "
        "since the mail, the doctor and the school all depend on the crossing each day.",
    ]
    body = "<p>" + paragraphs[0] + "</p>" + ("<hr>" if rule else "")
    body += "".join(f"<p>{text}</p>" for text in paragraphs[1:])
    return (
        '<!doctype html><html><head><title>Ferries return</title></head><body><nav><a href="/"'
        ' title="Go to the home page of the Harbour Courier">Home</a></nav><article>'
        f"<h1>Ferries return to the harbour</h1>{body}</article></body></html>"
    ).encode()


def test_link_titles_and_thematic_breaks_of_the_article_are_reported(extractor: bool) -> None:
    """The extractor drops both unsaid: the reader says it, as of a body read without it."""
    if extractor and not extract.extractor_available():
        pytest.skip("the extraction extra (trafilatura) is not installed")
    result = read(story_page("The operator's winter timetable", rule=True))
    assert len(result.value.paragraphs) == 3
    dropped = [w.message for w in result.warnings if w.code == "formatting-dropped"]
    assert sorted(dropped) == [
        "a link's title (its tooltip) has no place in the article",
        "a thematic break (<hr>, ---) has no block in the article",
    ]
    quiet = read(story_page("their post", rule=False))  # the menu's titled link is no loss
    assert "formatting-dropped" not in {w.code for w in quiet.warnings}


def test_a_thematic_break_wrapped_in_markup_is_reported_and_a_titled_menu_link_is_not(
    extractor: bool,
) -> None:
    """The break between two kept paragraphs however nested (``<div><hr></div>``); a link titled
    in the menu to the article's own link target is the menu's, not a title the article lost."""
    if extractor and not extract.extractor_available():
        pytest.skip("the extraction extra (trafilatura) is not installed")
    page = story_page("their post", rule=True).decode()
    page = (
        page.replace("<hr>", "<div><hr></div>")
        .replace(
            'title="Go to the home page of the Harbour Courier">Home',
            'href="https://harbour.example/t" title="All our coverage of the ferries">Ferries',
        )
        .replace('<a href="/"', "<a")
    )
    result = read(page.encode())
    dropped = [w.message for w in result.warnings if w.code == "formatting-dropped"]
    assert dropped == ["a thematic break (<hr>, ---) has no block in the article"]


def test_a_caption_printed_as_a_list_under_its_picture_is_a_figure() -> None:
    """Some pages print a picture's caption as a list of one item under it, which the extractor
    (which gives no pictures) kept as a bullet list: a list item that says what a picture's
    ``alt`` on the page says is that picture's caption, in one figure with the picture; a list
    of several items stays a list."""
    if not extract.extractor_available():
        pytest.skip("the extraction extra (trafilatura) is not installed")
    caption = "Islanders wait at the quay for the first ferry of the season"
    page = (
        story_page("their post", rule=False)
        .decode()
        .replace(
            "<p>Crews had",
            f'<figure><img src="quay.jpg" alt="{caption}."></figure>'
            f"<ul><li><p>{caption}</p></li></ul>"
            "<ul><li>Mail</li><li>Doctor</li><li>School</li></ul><p>Crews had",
        )
    )
    result = read(page.encode())
    article = result.value
    figures = [block for block in article.body if isinstance(block, Figure)]
    assert [figure.caption[0].text for figure in figures] == [caption]
    assert [rendition.uri for rendition in figures[0].renditions] == ["quay.jpg"]
    assert any(isinstance(block, List) for block in article.body)
    assert "media-dropped" not in {warning.code for warning in result.warnings}


def test_a_page_of_thousands_of_rules_is_read_in_linear_time() -> None:
    """Each ``<hr>`` looked through all the siblings before it: 8,000 took a minute."""
    import time

    page = story_page("their post", rule=False).decode()
    page = page.replace("</article>", "<div>" + "<hr>" * 20_000 + "</div></article>")
    started = time.process_time()
    assert len(read(page.encode()).value.paragraphs) == 3
    assert time.process_time() - started < 10


# --- without the extraction extra -----------------------------------------------------------------


def test_semantic_html_is_read_without_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract, "extractor_available", lambda: False)
    fragment = _read_page("semantic-fragment.html")
    assert fragment.headline == "Quay reopens after repairs"
    assert isinstance(fragment.body[1], List) and isinstance(fragment.body[2], Quote)
    assert fragment.body[3].content[1].link == "https://harbour.example/quay"  # type: ignore[union-attr]
    with pytest.raises(InputError, match="needs the extraction extra"):
        _read_page("graph-story.html")  # a whole page without <article> or <main>
    amp = _read_page("amp-story.html")  # has <article>: read from it, furniture pruned
    assert amp.paragraphs[0].startswith("For the first time since 1988")
    assert not any("Sport" in text for text in amp.paragraphs)


def test_whole_page_without_landmarks_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(extract, "extractor_available", lambda: False)
    page = b"<!DOCTYPE html><html><body><div><p>Text</p></div></body></html>"
    with pytest.raises(
        InputError, match=r"needs the extraction extra \(pip install 'articlekit\[html\]'\)"
    ):
        read(page)


BRIEF_PAGE = b"""<!doctype html>
<html lang="en"><head><title>Tram depot to close | Valley Post</title></head>
<body><nav><a href="/">Front page</a></nav>
<article>
<h1>Tram depot to close</h1>
<p class="byline">By Ola Berg</p>
<p>MILLBROOK \xe2\x80\x94 The city will shut the old tram depot in spring, its transport office
said.</p>
<figure><img src="https://example.org/depot.jpg" alt="The depot gates"><figcaption>The depot on
Mill Road. <span class="credit">Photo: Ola Berg</span></figcaption></figure>
<p>Drivers and their trams will move to the new yard by the river before the summer timetable.</p>
<table><caption>Trams kept</caption><tr><th>Line</th><th>Cars</th></tr><tr><td>4</td><td>9</td></tr>
</table>
</article></body></html>"""


def test_a_short_page_reads_the_same_with_the_extra_as_without(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # trafilatura finds too little text here and falls back to the <article>'s text as one
    # paragraph (headline, byline, caption and table cells in it): the page's own reading is kept
    pytest.importorskip("trafilatura", reason="the articlekit[html] extra is needed")
    with_extra = read(BRIEF_PAGE, format="html")
    article = with_extra.value
    assert [type(block) for block in article.body] == [Paragraph, Figure, Paragraph, Table]
    assert article.body[0].text.startswith("The city will shut")  # type: ignore[union-attr]
    assert article.dateline is not None and article.dateline.place == "MILLBROOK"
    assert (article.headline, article.byline) == ("Tram depot to close", "By Ola Berg")
    monkeypatch.setattr(extract, "extractor_available", lambda: False)
    without = read(BRIEF_PAGE, format="html")
    assert without.value == article
    assert without.warnings == with_extra.warnings


def test_a_two_word_headline_run_into_a_one_paragraph_story_is_read_apart() -> None:
    """A page of a headline of two words and one paragraph, no landmark: the extractor's
    fallback runs the headline into the paragraph, which the page's own reading keeps apart."""
    page = (
        b"<html><head><meta charset='utf-8'></head><body><h1>Depot closes</h1><p>The city will"
        b" shut the old tram depot in spring, its transport office said on Monday.</p>"
        b"</body></html>"
    )
    article = read(page, format="html").value
    assert article.headline == "Depot closes"
    assert article.paragraphs == [
        "The city will shut the old tram depot in spring, its transport office said on Monday."
    ]


FOUNDRY_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Varnholt foundry casts its last bell | The Lowmere Gazette</title></head><body>
<nav><a href="/">Home</a> <a href="/towns">Towns</a> <a href="/weather">Weather</a></nav>
<article><h1>Varnholt foundry casts its last bell</h1>
<p>VARNHOLT — The bell foundry on Kiln Lane poured its final bell on Thursday evening, closing a
workshop that has cast bells for churches, ships and town halls along the coast since 1790.</p>
<p>Master founder Edda Rask, who joined as an apprentice at sixteen, said the furnace would be
allowed to cool over the weekend before the moulds and tools go to the town museum.</p>
<figure><img src="/pictures/last-pour.jpg" alt="Molten bronze running into a mould"
width="1200" height="800"><figcaption>The last pour at Kiln Lane. <small>Photo: Tomas
Ulvik</small></figcaption></figure>
<p>The bell, a small one of eighty kilograms, will hang in the museum's courtyard, where
visitors may ring it on the first Sunday of every month, the town council decided in May.</p>
<p>Orders had fallen for years as parishes merged and churches closed, Ms Rask said, and the
cost of fuel for the furnace doubled over the last two winters alone.</p>
<table><caption>Bells cast at Kiln Lane</caption><tr><th>Decade</th><th>Bells</th></tr>
<tr><td>1990s</td><td>41</td></tr><tr><td>2000s</td><td>23</td></tr>
<tr><td>2010s</td><td>9</td></tr></table>
<p>The foundry's building, listed since 1974, is to become a workshop for the town's art
school, which hopes to keep one small furnace for teaching in the years to come.</p>
</article><footer>The Lowmere Gazette, Harbour Street</footer></body></html>"""


def test_the_pages_figures_and_table_captions_come_through_the_extractor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The extractor gives no pictures and no captions, and a table's caption as a row of one
    header cell and empty ones: with it the page's figure (caption, credit, alt text, size) is
    where the page has it and the table has its caption, as without the extra; nothing is said
    to be left out."""
    pytest.importorskip("trafilatura", reason="the articlekit[html] extra is needed")
    with_extra = read(FOUNDRY_PAGE.encode(), format="html")
    article = with_extra.value
    assert [type(block) for block in article.body] == [
        Paragraph, Paragraph, Figure, Paragraph, Paragraph, Table, Paragraph
    ]  # fmt: skip
    figure, table = article.body[2], article.body[5]
    assert isinstance(figure, Figure) and isinstance(table, Table)
    assert (figure.caption[0].text, figure.credit, figure.alt_text) == (
        "The last pour at Kiln Lane.", "Photo: Tomas Ulvik", "Molten bronze running into a mould"
    )  # fmt: skip
    assert [(r.uri, r.width) for r in figure.renditions] == [("/pictures/last-pour.jpg", 1200)]
    assert table.caption[0].text == "Bells cast at Kiln Lane"
    assert [cell.text for cell in table.rows[0].cells] == ["Decade", "Bells"]
    assert "media-dropped" not in {w.code for w in with_extra.warnings}
    monkeypatch.setattr(extract, "extractor_available", lambda: False)
    assert read(FOUNDRY_PAGE.encode(), format="html").value.body == article.body


# --- own pages ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Article:
    return read(next(shared_path("seed").glob("*.txt"))).value


def test_seed_page_reads_back_equal_without_heuristics(
    seed: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = write(seed, format="html")
    assert written.warnings == ()
    page = written.value
    assert page == write(seed, format="html").value  # byte-identical
    monkeypatch.setattr(extract, "extract_body", _no_extraction)
    assert read(page).value == seed


def _no_extraction(*arguments: object) -> None:
    raise AssertionError("an own page went through extraction")


def test_own_page_keeps_shown_fields_as_edited(seed: Article) -> None:
    page = write(seed, format="html").value.decode()
    edited = page.replace("<h1>Separatist Rebels", "<h1>Edited: Separatist Rebels")
    assert read(edited.encode()).value.headline.startswith("Edited: Separatist Rebels")  # type: ignore[union-attr]


@given(articles(media=True))
@example(
    Article(
        body=[Figure(kind="picture", creators=[Person(name="A", role="photographer")])]
    )  # (a figure with nothing a page shows, the article's only content: holds no article)
)
@example(
    Article(
        body=[Figure(renditions=[Rendition(uri="pictures/harbour.jpg", size=0)])]
    )  # (a size of 0 the page cannot show was dropped unsaid)
)
@example(
    Article(
        body=[
            Figure(
                renditions=[
                    Rendition(
                        uri="https://media.example.org/0.jpg",
                        resource=Resource.of(b"\x00", "image/jpeg"),
                    )
                ]
            )
        ]
    )  # (the bytes kept with a picture that has an address: the page loads the address, unsaid)
)
def test_json_html_json_is_lossless(article: Article) -> None:
    written = write(article, format="html")
    # Figures come back as their <figure> shows them (one rendition, no creators or rights: said
    # with media-detail-dropped); the editor's note is never published; everything else comes back.
    expected = media.shown_body(article, Context())
    result = read_back(written.value, "html", bool(written.warnings))
    if result is None:
        assert not holds_content(expected)
        return
    back = result.value
    codes = [w.code for w in written.warnings]
    if article.editor_note:
        assert "field-dropped" in codes
        assert "editor_note" in next(
            w.message for w in written.warnings if w.code == "field-dropped"
        )
        expected = expected.model_copy(update={"editor_note": None})
    assert set(codes) <= {"media-detail-dropped", "field-dropped"}
    assert bool(codes) == (expected != article)
    assert back == expected
    # what the page shows is the article's own: tables whole, captions, credits and ids as they were
    assert _tables(back) == _tables(article)
    assert _figure_texts(back) == _figure_texts(article, shown_only=True)
    assert back.media == article.media


def _tables(article: Article) -> list[Table]:
    return [block for block in iter_blocks(article.body) if isinstance(block, Table)]


def _figure_texts(
    article: Article, shown_only: bool = False
) -> list[tuple[list[Span], str | None, str | None]]:
    """Caption, credit and id of each figure (``shown_only``: of those a page can show: with one
    of them, a file's address, or a picture's bytes)."""
    return [
        (block.caption, block.credit, block.id)
        for block in iter_blocks(article.body)
        if isinstance(block, Figure) and not (shown_only and not _shows_something(block))
    ]


def _shows_something(figure: Figure) -> bool:
    picture = figure.kind in ("picture", "graphic")
    return bool(
        figure.caption
        or figure.credit
        or figure.id
        or any(entry.uri or (picture and entry.resource) for entry in figure.renditions)
    )


def _media_article() -> Article:
    hostile = '"><script>alert(1)</script>'
    return Article(
        headline="Ferries return",
        body=[
            Paragraph(content=[Span(text="The first ferry sailed at dawn.")]),
            Figure(
                id="urn:example:pic:1",
                caption=[Span(text="Crews at the quay "), Span(text="on Friday", emphasis=True)],
                credit=f"Jane Doe/AP {hostile}",
                alt_text=f"A ferry {hostile}",
                creators=[Person(name="Jane Doe", role="photographer")],
                renditions=[
                    Rendition(uri="https://media.example.org/small.jpg", width=320, height=200),
                    Rendition(uri="https://media.example.org/large.jpg", width=1600, height=1000),
                ],
            ),
            Figure(
                kind="video",
                caption=[Span(text="The crossing")],
                renditions=[Rendition(uri="media/crossing.mp4")],
            ),
            Table(
                caption=[Span(text="Sailings")],
                rows=[
                    TableRow(
                        cells=[
                            TableCell(header=True, content=[Span(text=t)])
                            for t in ("Route", "Daily")
                        ]
                    ),
                    TableRow(
                        cells=[
                            TableCell(content=[Span(text="Quay – Isle")]),
                            TableCell(content=[Span(text="4")]),
                        ]
                    ),
                    TableRow(cells=[TableCell(colspan=2, content=[Span(text=hostile)])]),
                ],
            ),
        ],
        media=[
            Media(
                role="featured",
                caption=[Span(text="The quay")],
                renditions=[Rendition(uri="https://media.example.org/quay.jpg")],
            )
        ],
    )


def test_figures_and_tables_on_the_page_and_back() -> None:
    article = _media_article()
    written = write(article, format="html")
    page = written.value.decode()
    body = page.split("</header>")[1]
    # the best rendition (the largest) is the picture shown, with its alt text and size
    assert (
        '<img src="https://media.example.org/large.jpg" alt="A ferry &quot;&gt;&lt;script' in body
    )
    assert 'width="1600" height="1000"' in body and "small.jpg" not in body
    assert 'itemid="urn:example:pic:1"' in body
    assert '<figcaption>Crews at the quay <em>on Friday</em> <span class="credit">' in body
    assert '<video src="media/crossing.mp4" controls="controls"></video>' in body
    assert "<table><caption>Sailings</caption><thead><tr><th>Route</th><th>Daily</th>" in body
    assert '<td colspan="2">"&gt;&lt;script&gt;' in body
    assert set(re.findall(r"<script[^>]*>", page)) <= {  # JSON-LD and the articlekit fields
        '<script type="application/ld+json">',
        '<script type="application/json" class="articlekit-fields">',
    }
    header = page.split("<header>")[1].split("</header>")[0]
    assert (
        '<figure class="featured"><img src="https://media.example.org/quay.jpg" alt=""/>' in header
    )
    [warning] = [w for w in written.warnings if w.code == "media-detail-dropped"]
    assert warning.fields == ("body",)
    assert "renditions beyond the first" in warning.message and "creators" in warning.message
    back = read(written.value).value
    assert back.media == article.media  # the featured picture is not read as a body figure
    assert back.body[3] == article.body[3]  # the table whole
    picture = back.body[1]
    assert isinstance(picture, Figure) and picture.caption == article.body[1].caption  # type: ignore[union-attr]
    assert (picture.credit, picture.alt_text) == (article.body[1].credit, article.body[1].alt_text)  # type: ignore[union-attr]
    assert [r.uri for r in picture.renditions] == ["https://media.example.org/large.jpg"]
    assert isinstance(back.body[2], Figure) and back.body[2].kind == "video"


def test_a_pictures_credit_in_small_print_or_structured_data(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A caption closed by small print (``<small>``, ``<cite>``) or a schema.org credit
    property gives the figure's credit; small print inside the caption stays caption; the
    JSON-LD image's copyright holder is the featured picture's rights holder."""
    monkeypatch.setattr(extract, "extractor_available", lambda: False)
    captions = {
        "Nets dry on the pier. <small>Photo: Ida Brenn</small>": ("Photo: Ida Brenn", None),
        "Nets dry on the pier. <small>Ida Brenn/Osk Post</small>": ("Ida Brenn/Osk Post", None),
        'Nets dry on the pier. <span itemprop="copyrightHolder">Osk Post</span>': (
            "Osk Post",
            None,
        ),
        "Nets from <cite>The Fisher</cite> dry on the pier.": (None, "The Fisher"),
    }
    image = (
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Nets",'
        ' "image": {"@type": "ImageObject", "url": "https://osk.example/nets.jpg",'
        ' "copyrightHolder": {"@type": "Organization", "name": "Osk Post"}}}'
    )
    for printed, (credit, in_caption) in captions.items():
        page = (
            '<!doctype html><html lang="en"><head><title>Nets</title>'
            f'<script type="application/ld+json">{image}</script></head><body><article>'
            "<h1>Nets</h1><p>The fishers of Osk hang their nets on the pier to dry.</p>"
            f'<figure><img src="nets.jpg" alt="Nets"><figcaption>{printed}</figcaption></figure>'
            "<p>They mend them on Sundays, when no boat goes out.</p></article></body></html>"
        )
        article = read(page.encode(), format="html").value
        [figure] = [block for block in article.body if isinstance(block, Figure)]
        assert figure.credit == credit
        assert figure.caption_text.startswith("Nets")
        assert (in_caption or "Nets dry on the pier.") in figure.caption_text
        assert article.media[0].rights is not None
        assert article.media[0].rights.holder == "Osk Post"


def test_small_print_or_a_title_closing_a_caption_that_is_no_credit_stays_caption(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A ``<cite>`` is a work's title, and small print that reads as no credit ("(file
    photo)", "(2023)") an aside of the caption: neither is cut off as the figure's credit."""
    monkeypatch.setattr(extract, "extractor_available", lambda: False)
    for printed in (
        "Mara Velde rehearses for <cite>The Long Tide</cite>",
        "The harbour master at the quay <small>(file photo)</small>",
        "Boats in the winter basin <small>(2023)</small>",
    ):
        figure = quay_figure(printed)
        assert (figure.credit, figure.caption_text) == (None, shown(printed))


def test_bare_names_in_small_print_closing_a_caption_are_its_credit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Pages print a picture's credit in ``<small>`` after its caption, most often bare: a
    name, an agency, both, a name "for" a paper. Only a note in brackets or print without
    letters stays caption."""
    monkeypatch.setattr(extract, "extractor_available", lambda: False)

    def figure_of(small: str) -> Figure:
        return quay_figure(f"The quay at dawn. <small>{small}</small>")

    for credit in (
        "Ilse Marwick",
        "Norpix Images",
        "Harbour Press",
        "Ilse Marwick, Norpix Images",
        "Ilse Marwick | Osk Evening Post",
        "Ilse Marwick for The Osk Post",
        "(Photo: Ilse Marwick)",
        "(Norpix Images/Ilse Marwick)",
    ):
        figure = figure_of(credit)
        assert (figure.credit, figure.caption_text) == (credit, "The quay at dawn.")
    for note in ("(2023)", "- 1 -", "[archive picture]"):
        assert figure_of(note).credit is None, note


def quay_figure(figcaption: str) -> Figure:
    """The figure read from a page whose only picture has this caption's markup."""
    page = (
        '<!doctype html><html lang="en"><head><title>Quay</title></head><body><article>'
        "<h1>Quay</h1><p>The quay at Osk reopened on Monday after two weeks of repairs.</p>"
        f'<figure><img src="quay.jpg" alt="The quay"><figcaption>{figcaption}</figcaption>'
        "</figure><p>Ferries berth there again from Tuesday.</p></article></body></html>"
    )
    article = read(page.encode(), format="html").value
    [figure] = [block for block in article.body if isinstance(block, Figure)]
    return figure


def shown(markup: str) -> str:
    """The text of inline markup."""
    return re.sub(r"<[^>]+>", "", markup)


def test_pictures_held_as_bytes_are_data_uris_that_read_back() -> None:
    data = b"\x89PNG\r\n\x1a\n-not-decoded"
    article = Article(
        headline="Chart",
        body=[
            Figure(kind="graphic", renditions=[Rendition(resource=Resource.of(data, "image/png"))])
        ],
    )
    written = write(article, format="html")
    assert b'<img src="data:image/png;base64,' in written.value
    [figure] = read(written.value).value.body
    assert isinstance(figure, Figure) and figure.renditions[0].resource is not None
    assert figure.renditions[0].resource.data == data
    assert figure.kind == "picture"  # a graphic is a picture on a page, and that is said
    assert "'graphic'" in next(w.message for w in written.warnings if "body" in w.fields)


def test_fragment_option() -> None:
    article = _read_page("several-authors.html")
    fragment = write(article, format="html", options={"fragment": "true"}).value.decode()
    assert fragment.startswith('<article data-articlekit="1" lang="en">')
    assert "<html" not in fragment and "<head>" not in fragment
    assert '<script type="application/ld+json">' in fragment
    assert read(fragment.encode(), format="html").value == article
    page = write(article, format="html", options={"fragment": "off"}).value.decode()
    assert page.startswith("<!DOCTYPE html>")
    with pytest.raises(UsageError, match=r"options=\{'fragment': 'maybe'\}: give true or false"):
        write(article, format="html", options={"fragment": "maybe"})


def test_page_structure_and_jsonld(seed: Article) -> None:
    page = write(seed.model_copy(update={"language": "en"}), format="html").value.decode()
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')
    for part in ("<main>", "<article", "<header>", "<h1>", '<time class="published"'):
        assert part in page
    assert "http" not in re.sub(
        r'https?://schema\.org|"https?://[^"]*"', "", page.split("<body>")[0]
    )
    jsonld = json.loads(page.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert jsonld["@type"] == "NewsArticle"
    assert jsonld["headline"] == seed.headline
    assert jsonld["datePublished"] == "2023-10-06"
    assert jsonld["publisher"]["name"] == "Orinoco Tribune"


def test_nothing_from_the_article_becomes_markup() -> None:
    hostile = "</script><script>alert(1)</script><!-- <img src=x onerror=alert(2)>"
    article = Article(
        headline=hostile,
        byline=f"By {hostile}",
        summary=hostile,
        keywords=[hostile],
        source={"name": hostile},
        extras={"test:x": hostile},
        body=[
            Paragraph(
                content=[Span(text=hostile), Span(text="link", link='https://a.example/"><x')]
            ),
        ],
    )
    page = write(article, format="html").value.decode()
    assert page.count("<script") == 2  # the JSON-LD and the articlekit fields, nothing else
    assert "<img" not in page and "<!-- <" not in page and "</script><script>" not in page
    for script in re.findall(r"<script[^>]*>(.*?)</script>", page, flags=re.DOTALL):
        assert "<" not in script and ">" not in script
        json.loads(script)
    assert read(page.encode()).value == article


# --- hostile pages ------------------------------------------------------------------------------


def test_javascript_links_and_scripts_in_captions_never_survive(extractor: bool) -> None:
    page = (
        b"<!doctype html><html><body><article><h1>Quay</h1>"
        b'<p>See <a href="javascript:alert(1)">this</a> and <a href=" JaVaScRiPt:x">that</a>.</p>'
        b"<figure><img src=x><figcaption>Caption <script>alert(2)</script>here</figcaption>"
        b"</figure>"
        b"<p>The quay reopened on Monday after six months of repairs, the council said.</p>"
        b"</article></body></html>"
    )
    result = read(page)
    spans = [
        span
        for block in iter_blocks(result.value.body)
        for span in (block.caption if isinstance(block, Figure) else getattr(block, "content", []))
    ]
    assert spans and all(span.link is None for span in spans)
    assert "alert" not in json.dumps(result.value.model_dump(mode="json"))
    if not extractor:  # the extractor leaves such links out on its own
        assert "link-dropped" in {w.code for w in result.warnings}
        [figure] = [block for block in result.value.body if isinstance(block, Figure)]
        assert figure.caption_text == "Caption here"  # the script's text is not caption text
        assert [entry.uri for entry in figure.renditions] == ["x"]


def test_scripts_and_styles_are_never_text_of_a_field(extractor: bool) -> None:
    """What scripts, styles, templates and ``noscript`` hold is never headline, byline or
    metadata text, so the headline printed above the story is known and left out of the body."""
    page = (
        b'<!doctype html><html lang="en"><head><title>Night ferries</title></head><body>'
        b'<article><h1>Night ferries return<script>push({"e": "h1"})</script>'
        b"<style>.h{color:red}</style></h1>"
        b'<p class="byline">By Ines Harrow<noscript>Turn on JavaScript</noscript></p>'
        b'<span itemprop="datePublished">2024-03-05<template>soon</template></span>'
        b"<p>The night ferries return to the sound on Monday after a winter of repairs to the"
        b" quay, the operator said.</p><p>Four crossings a day are planned.</p>"
        b"</article></body></html>"
    )
    article = read(page).value
    assert article.headline == "Night ferries return"
    assert article.byline == "By Ines Harrow"
    assert str(article.published) == "2024-03-05"
    assert "Night ferries return" not in [block.text for block in article.body]  # type: ignore[union-attr]
    assert not re.search(r"push|color|JavaScript|soon", article.model_dump_json())


def _convert_seconds(path: Path, *extra: str) -> tuple[int, str, float]:
    started = time.perf_counter()
    done = run_cli("convert", str(path), "--to", "json", *extra)
    return done.code, done.stderr, time.perf_counter() - started


def test_deeply_nested_page_is_a_clean_error(tmp_path: Path) -> None:
    path = tmp_path / "nested.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + "x" + "</div>" * 100_000, encoding="utf-8")
    code, stderr, seconds = _convert_seconds(path)
    assert code == 1 and "Traceback" not in stderr
    assert stderr.startswith(f"articlekit: error: {path}") and "nested" in stderr
    assert seconds < 20


def test_fifty_megabyte_pages(tmp_path: Path) -> None:
    paragraph = "<p>The council said on Tuesday that the ferries would berth at night.</p>\n"
    many = tmp_path / "many.html"
    count = 50 * 1024 * 1024 // len(paragraph)
    many.write_text(
        "<!doctype html><html><body><article><h1>Big</h1>" + paragraph * count, encoding="utf-8"
    )
    code, stderr, seconds = _convert_seconds(many)
    assert code == 1 and len(stderr.strip().splitlines()) == 1, stderr
    assert "Traceback" not in stderr and seconds < 60
    # a page saved with its pictures inline (50 MB of data: URIs) is an ordinary article
    picture = "data:image/png;base64," + "A" * (5 * 1024 * 1024)
    inline = tmp_path / "inline.html"
    inline.write_text(
        "<!doctype html><html><head><title>Quay reopens</title></head><body><article>"
        "<h1>Quay reopens</h1><p>The old quay reopened on Monday after six months of repairs.</p>"
        + f'<img src="{picture}">' * 10
        + "</article></body></html>",
        encoding="utf-8",
    )
    code, stderr, seconds = _convert_seconds(inline, "-q")
    assert code == 0, stderr
    assert seconds < 60


# --- the web page that is not text (issue 12, item 8) ---------------------------------------------


@pytest.mark.parametrize(
    "opening",
    [
        b"<!doctype html>",
        b"<!DOCTYPE HTML>",
        b"\xef\xbb\xbf\n  <!-- saved -->\n<html lang='en'>",
        b"  \n<HTML>",
    ],
)
def test_a_web_page_in_a_txt_file_or_on_stdin_is_read_as_html(
    opening: bytes, tmp_path: Path
) -> None:
    page = opening + (
        b"<head><title>Quay reopens</title></head><body><article><h1>Quay reopens</h1>"
        b"<p>The old quay reopened on Monday after six months of repairs, the council said.</p>"
        b"</article></body></html>"
    )
    path = tmp_path / "saved.txt"
    path.write_bytes(page)
    for done in (run_cli("convert", str(path)), run_cli("convert", "-", stdin=page)):
        assert done.code == 0, done.stderr
        article = json.loads(done.stdout)
        assert article["headline"] == "Quay reopens"
        assert "<" not in done.text and len(article["body"]) == 1


# --- XHTML pages that open with an XML declaration ------------------------------------------------

_XHTML_PAGE = (
    '<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Quay reopens</title>'
    "</head><body><article><h1>Quay reopens</h1><p>The old quay reopened on Monday, caf\u00e9 and "
    "all, after six months of repairs, the council said.</p></article></body></html>\n"
)


@pytest.mark.parametrize("suffix", [".xhtml", ".html"])
@pytest.mark.parametrize("encoding", ["utf-8", "iso-8859-1"])
def test_a_page_opening_with_an_xml_declaration_reads_as_without_it(
    suffix: str, encoding: str, extractor: bool, tmp_path: Path
) -> None:
    bare = tmp_path / f"bare{suffix}"
    bare.write_bytes(_XHTML_PAGE.encode(encoding))
    declared = tmp_path / f"declared{suffix}"
    declared.write_bytes(
        f'<?xml version="1.0" encoding="{encoding}"?>\n{_XHTML_PAGE}'.encode(encoding)
    )
    expected = read(bare).value
    article = read(declared).value  # lxml refuses text whose declaration names an encoding
    assert "caf\u00e9" in article.paragraphs[0]  # decoded by the declared encoding
    assert article.model_dump(exclude={"id"}) == expected.model_dump(exclude={"id"})


# --- the 130 real pages ---------------------------------------------------------------------------

_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]|[^\W_]+")
_SEPARATORS = re.compile(r"\s+[|\-–—·:]{1,2}\s+|\s*[_|]\s*|\s+::\s+")
REAL_PAGE_BYTES = 8_000
"""The corpus's edge-case pages are a few KB of lorem ipsum written by hand; its real news and
blog pages are larger (the smallest, a personal blog post, is 10 KB)."""


def _tokens(text: str) -> Counter[str]:
    """Words, and CJK characters one by one (those scripts do not put spaces between words)."""
    return Counter(token.casefold() for token in _TOKEN.findall(text))


def _f1(ours: Counter[str], expected: Counter[str]) -> float:
    common = sum((ours & expected).values())
    if not common:
        return 1.0 if not ours and not expected else 0.0
    precision, recall = common / sum(ours.values()), common / sum(expected.values())
    return 2 * precision * recall / (precision + recall)


def _loose(text: str | None) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", (text or "").casefold()).split())


def _article_text(article: Article) -> str:
    parts = (
        [" ".join(filter(None, article.dateline.model_dump().values()))] if article.dateline else []
    )
    for block in iter_blocks(article.body):  # what a reader sees: tables and captions too
        if isinstance(block, Paragraph | Heading):
            parts.append(block.text)
        elif isinstance(block, Table):
            parts += [cell.text for row in block.rows for cell in row.cells if cell.content]
            parts.append("".join(span.text for span in block.caption))
        elif isinstance(block, Figure):
            parts += [block.caption_text or "", block.credit or ""]
    return "\n".join(parts)


def _headline_right(ours: str | None, expected: str, page: bytes) -> tuple[bool, bool]:
    """(right by Readability's title, right by the page's own word): Readability's title, or it
    without a site name part; else what the page's own <h1> and one of its metadata titles
    (og:title, twitter:title, JSON-LD or microdata headline) both say, where Readability took
    another title of the page (a social or <title> variant)."""
    from lxml import html as lxml_html

    mine, theirs = _loose(ours), _loose(expected)
    parts = [part for part in _SEPARATORS.split(expected) if part.strip()]
    trimmed = {_loose(" ".join(parts[:n])) for n in range(1, len(parts) + 1)}
    trimmed |= {_loose(" ".join(parts[n:])) for n in range(len(parts))}
    close = (mine in theirs or theirs in mine) and min(len(mine), len(theirs)) >= 0.6 * max(
        len(mine), len(theirs)
    )
    if mine and (mine == theirs or mine in trimmed or close):
        return True, True
    root = lxml_html.document_fromstring(page)
    headings = {_loose(h.text_content()) for h in root.iter("h1")}
    titles = {
        _loose(m.get("content"))
        for m in root.iter("meta")
        if "title" in (m.get("property") or m.get("name") or "")
    }
    titles |= {_loose(e.text_content()) for e in root.iterfind(".//*[@itemprop='headline']")}
    for script in root.iterfind(".//script[@type='application/ld+json']"):
        titles |= {_loose(t) for t in re.findall(r'"headline"\s*:\s*"([^"]+)"', script.text or "")}
    return False, bool(mine) and mine in headings and mine in titles


def _byline_right(article: Article, expected: str) -> bool:
    names = [article.byline or ""] + [person.name for person in article.authors]
    wanted = _loose(re.sub(r"^\s*(?:by|par|von|por)\b", "", expected, flags=re.IGNORECASE))
    return any(
        _loose(name) and (_loose(name) in wanted or wanted in _loose(name)) for name in names
    )


def test_real_pages(capsys: pytest.CaptureFixture[str]) -> None:
    trafilatura = pytest.importorskip("trafilatura", reason="the articlekit[html] extra is needed")
    from lxml import html as lxml_html

    folders = sorted(path for path in shared_path("corpus", "web").iterdir() if path.is_dir())
    assert len(folders) == 130
    ours_f1, theirs_f1 = [], []
    headlines: list[tuple[str, bool, bool]] = []
    bylines: list[tuple[str, bool]] = []
    for folder in folders:
        page = (folder / "source.html").read_bytes()
        expected = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
        expected_text = lxml_html.fromstring(
            (folder / "expected.html").read_bytes().decode("utf-8")
        ).text_content()
        article = read(page, format="html").value  # every page is read: no error on any
        ours_f1.append(_f1(_tokens(_article_text(article)), _tokens(expected_text)))
        theirs_f1.append(_f1(_tokens(trafilatura.extract(page) or ""), _tokens(expected_text)))
        if len(page) < REAL_PAGE_BYTES:
            continue
        strict, fair = _headline_right(article.headline, expected["title"] or "", page)
        headlines.append((folder.name, strict, fair))
        if expected.get("byline"):
            bylines.append((folder.name, _byline_right(article, expected["byline"])))
    ours, theirs = sum(ours_f1) / len(ours_f1), sum(theirs_f1) / len(theirs_f1)
    strict = sum(1 for _, right, _ in headlines if right)
    fair = sum(1 for _, right, own in headlines if right or own)
    named = sum(1 for _, right in bylines if right)
    with capsys.disabled():
        print(
            f"\nweb corpus: body word F1 articlekit {ours:.4f}, trafilatura.extract {theirs:.4f}"
            f" ({len(folders)} pages)\n"
            f"headline right on {fair}/{len(headlines)} real pages ({fair / len(headlines):.1%});"
            f" equal to Readability's title on {strict} ({strict / len(headlines):.1%}), the"
            f" others the page's own <h1> and metadata title: "
            + ", ".join(name for name, right, own in headlines if own and not right)
            + f"\nbyline right on {named}/{len(bylines)} pages whose metadata names one"
            f" ({named / len(bylines):.1%}); missed: "
            + ", ".join(name for name, right in bylines if not right)
        )
    assert ours >= theirs
    assert fair >= 0.95 * len(headlines)
    assert named >= 0.85 * len(bylines)


def test_an_editor_is_the_pages_editor_not_its_author() -> None:
    """People credited with the role ``editor`` (as ninjs marks them) are schema.org's
    ``editor``, not ``author``; a job title from a byline ("Night Editor") stays an author's."""
    article = Article(
        headline="Ferry Timetable Changes",
        authors=[
            Person(name="Lena Ostrova", role="editor"),
            Person(name="Piet Hal"),
            Person(name="Ada Quist", role="Night Editor"),
        ],
        body=[Paragraph(content=[Span(text="Ferries leave earlier from Monday.")])],
    )
    written = write(article, format="html").value.decode()
    script = written.split('<script type="application/ld+json">')[1].split("</script>")[0]
    node = json.loads(script)
    assert [person["name"] for person in node["author"]] == ["Piet Hal", "Ada Quist"]
    assert [person["name"] for person in node["editor"]] == ["Lena Ostrova"]
    assert '<p class="authors">Piet Hal, Ada Quist</p>' in written
    assert read(written.encode(), format="html").value == article


def test_an_editor_the_byline_names_is_the_pages_author() -> None:
    """A byline naming a writer with the job title editor ("By Ilse Marwick, editor") makes her
    an author of the page (JSON-LD ``author``); an editor it does not name stays ``editor``."""
    article = article_with_an_editor_named_by_its_byline()
    written = write(article, format="html").value.decode()
    script = written.split('<script type="application/ld+json">')[1].split("</script>")[0]
    node = json.loads(script)
    assert [person["name"] for person in node["author"]] == ["Ilse Marwick"]
    assert [person["name"] for person in node["editor"]] == ["Lena Ostrova"]


def test_a_picture_at_an_address_without_folder_or_extension_keeps_its_img(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only a generated id or a scheme naming things is no address: a script's query
    ("GetImage?id=4471"), a bare word with a ``srcset`` of its sizes are loaded from the
    page's folder, and keep their ``img`` and alt text when the page is written again."""
    monkeypatch.setattr(extract, "extractor_available", lambda: False)
    page = (
        '<!doctype html><html lang="en"><head><title>Quay</title></head><body><article>'
        "<h1>Quay</h1><p>The quay at Osk reopened on Monday after two weeks of repairs.</p>"
        '<figure><img src="GetImage?id=4471" alt="The harbour"></figure>'
        '<figure><img src="photo" srcset="photo-800 800w, photo-1600 1600w" alt="The pier">'
        "</figure><p>Ferries berth there again from Tuesday.</p></article></body></html>"
    )
    written = write(read(page.encode(), format="html").value, format="html")
    images = re.findall(r"<img [^>]*>", written.value.decode())
    assert [re.findall(r'(src|alt)="([^"]*)"', image) for image in images] == [
        [("src", "GetImage?id=4471"), ("alt", "The harbour")],
        [("src", "photo-1600"), ("alt", "The pier")],  # (its widest)
    ]
    assert not [w for w in written.warnings if "known only by an id" in w.message]


def test_every_img_has_an_alt_and_a_picture_known_by_an_id_shows_none() -> None:
    """A picture without alt text gets ``alt=""``; one whose renditions are ids (a ``tag:`` URI,
    a bare id) has no address a browser loads: its figure keeps the caption, no ``img``, and one
    warning says so. A featured picture known by an id is left out of the header, said too."""
    article = Article(
        headline="Harbour Wall Repaired",
        media=[Media(role="featured", renditions=[Rendition(uri="tag:port.example,2031:9.jpg")])],
        body=[
            Paragraph(content=[Span(text="Masons finished the wall on Friday.")]),
            Figure(renditions=[Rendition(uri="https://img.example.org/wall.jpg")]),
            Figure(
                caption=[Span(text="The new capstones.")],
                renditions=[Rendition(uri="tag:port.example,2031:7.jpg")],
            ),
            Figure(caption=[Span(text="The old wall.")], renditions=[Rendition(uri="Qx81LmZ")]),
        ],
    )
    written = write(article, format="html")
    page = written.value.decode()
    assert re.findall(r"<img [^>]*>", page) == [
        '<img src="https://img.example.org/wall.jpg" alt=""/>'
    ]
    assert "tag:port.example" not in page.split("<script")[0] and "Qx81LmZ" not in page
    assert "<figcaption>The new capstones.</figcaption>" in page
    assert "<figcaption>The old wall.</figcaption>" in page
    warnings = [w.message for w in written.warnings if w.code == "media-detail-dropped"]
    assert len(warnings) == 2 and all("known only by an id" in text for text in warnings)
    back = read(written.value, format="html").value
    assert back.media == article.media
    assert back.body[2] == Figure(caption=[Span(text="The new capstones.")])


@pytest.mark.parametrize(
    ("charset", "named"),
    [("Shift_JIS", "Shift_JIS (read as cp932)"), ("ISO-8859-7", "ISO-8859-7")],
)
def test_a_wrong_charset_is_named_as_the_page_writes_it(charset: str, named: str) -> None:
    """The warning names the label the page declares, and the codec a browser reads it with
    when that has another name (Shift_JIS is read as Windows' cp932): what the user can find in
    the page's source."""
    page = (
        f'<html><head><meta charset="{charset}"><title>Ferries</title></head><body><article>'
        "<h1>Ferries</h1><p>The harbour ferry left at dawn, its deck full of bicycles \u00fc\u00e9."
        "</p></article></body></html>"
    ).encode() + b"\x81\xff\x82"
    warned = [w.message for w in read(page, format="html").warnings]
    assert f"the page declares {named} but its bytes do not fit it; decoded by guessing" in warned


def test_an_author_name_that_lists_several_people_names_each() -> None:
    """Sites put co-authors in one author's name, joined as a byline joins them ("und", "and",
    commas): each is an author, in a meta tag and in JSON-LD alike; one name with a particle
    ("y"), an outlet, a name with a job title or a degree ("MD"), and a name written surname
    first stay one author."""

    def page(meta: str = "", jsonld: str = "") -> bytes:
        script = (
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferries",'
            f' "author": {jsonld}}}</script>'
            if jsonld
            else ""
        )
        tag = f'<meta name="author" content="{meta}">' if meta else ""
        return (
            f"<html><head><title>Ferries</title>{tag}{script}</head><body><article><h1>Ferries"
            "</h1><p>The harbour ferry left at dawn, its deck full of bicycles, and came back at"
            " noon with the same riders.</p></article></body></html>"
        ).encode()

    def authors(html: bytes) -> list[str]:
        return [person.name for person in read(html, format="html").value.authors]

    assert authors(page(meta="Ilse Marwick und Jonas Berg")) == ["Ilse Marwick", "Jonas Berg"]
    listed = '{"@type": "Person", "name": "Ilse Marwick, Jonas Berg and Ann Poe"}'
    assert authors(page(jsonld=listed)) == ["Ilse Marwick", "Jonas Berg", "Ann Poe"]
    assert authors(page(meta="Tomás Ortega y Gasset")) == ["Tomás Ortega y Gasset"]
    for one_name in ("Ilse Marwick, MD", "Marwick, Ilse"):  # (a degree, a surname first)
        person = f'{{"@type": "Person", "name": "{one_name}"}}'
        assert authors(page(jsonld=person)) == [one_name]
    one = '{"@type": "Person", "name": "Ilse Marwick", "url": "https://osk.example/ilse"}'
    assert authors(page(jsonld=one)) == ["Ilse Marwick"]
    outlet = '{"@type": "Organization", "name": "Marrow Bay Post and Courier"}'
    assert authors(page(jsonld=outlet)) == ["Marrow Bay Post and Courier"]


def test_a_printed_byline_keeps_the_bracket_its_last_name_closes() -> None:
    """A byline element is cut after the last author's name (a date or a button follows it),
    but a bracket opened before that name closes with it: "By Ilse Marwick (with Jonas Berg)"."""
    page = (
        '<html><head><title>Ferries</title><meta name="author" content="Ilse Marwick and Jonas'
        ' Berg"></head><body><article><h1>Ferries</h1><p class="byline">By Ilse Marwick (with'
        " Jonas Berg) March 4, 2025</p><p>The harbour ferry left at dawn, its deck full of"
        " bicycles, and came back at noon with the same riders.</p></article></body></html>"
    )
    assert read(page.encode(), format="html").value.byline == "By Ilse Marwick (with Jonas Berg)"


def test_utf8_under_a_legacy_charset_is_read_as_utf8() -> None:
    """A page saved as UTF-8 that kept its old ``<meta charset="iso-8859-1">`` is read as UTF-8
    (as Latin-1 every accented letter would be two letters, "fÃ¼r"), with a warning; bytes that
    are no UTF-8 are read with the declared charset, and a page all in ASCII says nothing."""

    def page(charset: str, text: str, encoding: str) -> bytes:
        return (
            f'<html><head><meta charset="{charset}"><title>{text}</title></head><body><article>'
            f"<h1>{text}</h1><p>The harbour ferry left at dawn, its deck full of bicycles, and "
            "came back at noon with the same riders.</p></article></body></html>"
        ).encode(encoding)

    saved = read(page("iso-8859-1", "Fähre für Osk", "utf-8"), format="html")
    assert saved.value.headline == "Fähre für Osk"
    assert [w.message for w in saved.warnings if w.code == "encoding-declaration-wrong"] == [
        "the page declares iso-8859-1 but its bytes are UTF-8; read as UTF-8"
    ]
    with_nul = read(page("iso-8859-1", "Fähre für Osk\x00", "utf-8"), format="html")
    assert with_nul.value.headline == "Fähre für Osk"  # (as declared pages are: not refused)
    legacy = read(page("iso-8859-1", "Fähre für Osk", "cp1252"), format="html")
    assert legacy.value.headline == "Fähre für Osk"
    ascii_only = read(page("iso-8859-1", "Ferry to Osk", "ascii"), format="html")
    assert ascii_only.value.headline == "Ferry to Osk"
    assert all(
        w.code != "encoding-declaration-wrong" for w in [*legacy.warnings, *ascii_only.warnings]
    )


def test_a_picture_after_the_last_paragraph_is_said_left_out_and_why() -> None:
    paragraphs = "".join(
        f"<p>The harbour ferry number {number} left at dawn with forty passengers and their "
        "bicycles aboard, the captain said on Monday.</p>"
        for number in range(6)
    )
    page = (
        "<html><head><title>Ferries</title></head><body><article><h1>Ferries return</h1>"
        f'{paragraphs}<figure><img src="ferry.jpg" alt="A ferry"></figure></article></body></html>'
    )
    warned = [w.message for w in read(page.encode(), format="html").warnings]
    assert warned == [
        "1 picture or other media in the article's part of the page left out: only those "
        "standing between two blocks of text the article keeps (its headline among them) are "
        "carried"
    ]


def test_a_byline_label_printed_twice_is_no_part_of_the_name() -> None:
    """A "By" the page prints before a byline that says "by" again reads "Byby NAME": the
    label, not a name's."""
    page = (
        b"<html><body><article><h1>Tram Depot Reopens</h1><div class='byline'><span>By</span>"
        b"by INGRID SOLVANG and TOMAS EKDAHL</div><p>The tram depot on Quay Street reopened on "
        b"Tuesday after a year of work, the city said.</p></article></body></html>"
    )
    article = read(page, format="html").value
    assert [author.name for author in article.authors] == ["INGRID SOLVANG", "TOMAS EKDAHL"]


def test_a_japanese_title_less_its_photo_credit_and_site_name_is_the_printed_headline() -> None:
    """``見出し　（写真＝共同）　：港湾新聞``: the title (here also the JSON-LD headline) holds the
    headline, the lead photo's credit and, after a full-width colon, the site's name; the
    ``<h1>`` prints the headline over the byline (after a ``<br>``). The headline is the
    heading's first line."""
    headline = "港町に新しい桟橋　夏までに完成へ"
    title = f"{headline}　（写真＝共同）　：港湾新聞"
    ld = (
        '<script type="application/ld+json">'
        + json.dumps({"@type": "NewsArticle", "headline": title}, ensure_ascii=False)
        + "</script>"
    )
    page = (
        f'<!doctype html><html lang="ja"><head><title>{title}</title>{ld}'
        f'<meta property="og:title" content="{headline}（写真＝共同）"></head><body><article>'
        f"<h1><span>{headline}</span><br/><span>編集委員　山田太郎</span></h1>"
        "<p>港町は４日、北岸に新しいフェリー桟橋を開設すると発表した。工事は夏の観光シーズン前に"
        "終わる予定だ。</p><p>港長は、新しい桟橋は夕方の便を古い岸壁から移すと述べた。</p>"
        "</article></body></html>"
    ).encode()
    assert read(page, format="html").value.headline == "港町に新しい桟橋 夏までに完成へ"


@pytest.mark.parametrize(
    "title",
    [
        "動画：港町に新しい桟橋、夏までに完成へ",  # (the headline's own colon: no space before)
        "港町に新しい桟橋　夏までに完成へ",
    ],
)
def test_a_japanese_title_without_a_site_name_is_kept_whole(title: str) -> None:
    page = (
        f'<!doctype html><html lang="ja"><head><title>{title}</title></head><body><article>'
        "<p>港町は４日、北岸に新しいフェリー桟橋を開設すると発表した。工事は夏の観光シーズン前に"
        "終わる予定だ。</p></article></body></html>"
    ).encode()
    assert read(page, format="html").value.headline == " ".join(title.split())


def test_a_headline_broken_over_two_lines_keeps_the_space_between_them() -> None:
    """An ``<h1>`` that breaks its headline with a ``<br>``: the words beside the break stay
    two words (not "votesto")."""
    page = (
        b"<html><body><h1>Harbour board votes<br>to close the night ferry</h1>"
        b"<p>The harbour board voted on Tuesday to close the night ferry after a long row over "
        b"fares, and the last boat sails in June.</p></body></html>"
    )
    assert (
        read(page, format="html").value.headline == "Harbour board votes to close the night ferry"
    )


def _story_with_boxes(box: str, times: int) -> bytes:
    """A story whose paragraphs are broken by ``box`` (the page's markup of a blocked embed)
    ``times`` times."""
    paragraphs = [
        "The harbour board voted on Tuesday to close the night ferry after a long row over fares.",
        "The last boat sails in June, and the board said a bus would run along the coast instead.",
        "Traders on the quay said the late boat brought them most of their evening custom.",
        "The mayor said she would ask the board to keep a ferry on Friday and Saturday nights.",
    ]
    body = "".join(
        f"<p>{text}</p>" + (box if index < times else "") for index, text in enumerate(paragraphs)
    )
    return (
        "<html><body><article><h1>Night ferry to close</h1>" + body + "</article></body></html>"
    ).encode()


_BLOCKED = "<p>Your privacy settings keep this embedded content from loading.</p>"


def test_a_blocked_embeds_notice_printed_between_the_paragraphs_again_and_again_is_left_out() -> (
    None
):
    """A box's sentence the page prints three times or more between the story's paragraphs (a
    blocked embed's notice) is no paragraph, as in the text reader; nor is the box's label,
    printed as often, each time beside it."""
    article = read(_story_with_boxes("<p>External content</p>" + _BLOCKED, 3), format="html").value
    assert len(article.paragraphs) == 4
    assert not any("embedded" in text or "External" in text for text in article.paragraphs)


@pytest.mark.parametrize(
    ("box", "times", "kept"),
    [
        (_BLOCKED, 2, "Your privacy settings"),  # (twice: may be the story's own, a deck again)
        ("<p>Fill: synthetic fibre</p>", 3, "Fill: synthetic"),  # (no sentence: a spec, a credit)
        ("<p>Chorus</p><p>Fill: synthetic fibre</p>", 3, "Chorus"),  # (beside no box's sentence)
        ("<p>Are dogs allowed on the night ferry? No, only guide dogs.</p>", 3, "Are dogs"),
    ],
)
def test_a_paragraph_printed_twice_or_no_sentence_is_kept(box: str, times: int, kept: str) -> None:
    article = read(_story_with_boxes(box, times), format="html").value
    assert sum(text.startswith(kept) for text in article.paragraphs) == times


def test_a_paragraph_printed_again_and_again_that_is_most_of_the_text_is_kept() -> None:
    """Boxes stand between a story's paragraphs: a page whose paragraphs are mostly one
    sentence printed again and again (placeholder text) keeps them."""
    filler = "<p>Placeholder text fills this paragraph until the story is written by someone.</p>"
    parts = "".join(f"{filler}<p>Part {number}</p>" for number in range(4))
    page = f"<html><body><article><h1>Draft</h1>{parts}</article></body></html>"
    assert len(read(page.encode(), format="html").value.paragraphs) == 8


def _page_with_alternative_headline(alternative: str, printed_deck: str = "") -> bytes:
    ld = json.dumps(
        {
            "@type": "NewsArticle",
            "headline": "Night ferry to close in June",
            "alternativeHeadline": alternative,
        }
    )
    return (
        f'<html><head><script type="application/ld+json">{ld}</script></head><body><main>'
        f"<h1>Night ferry to close in June</h1>{printed_deck}"
        "<p>The harbour board voted on Tuesday to close the night ferry after a long row over "
        "fares.</p><p>The last boat sails in June, and a bus will run along the coast instead."
        "</p></main></body></html>"
    ).encode()


def test_an_alternative_headline_that_repeats_the_headline_is_no_deck() -> None:
    """A JSON-LD ``alternativeHeadline`` that is the headline again is no deck: the page's
    printed deck is, or there is none."""
    page = _page_with_alternative_headline("Night ferry to close in June!")
    assert read(page, format="html").value.subheadline is None
    deck = '<p class="standfirst">Traders on the quay fear for their evening custom</p>'
    page = _page_with_alternative_headline("Night Ferry to Close in June", deck)
    assert (
        read(page, format="html").value.subheadline
        == "Traders on the quay fear for their evening custom"
    )


def test_an_alternative_headline_that_says_more_is_the_deck() -> None:
    page = _page_with_alternative_headline("The board blames falling fares on the coast road")
    assert (
        read(page, format="html").value.subheadline
        == "The board blames falling fares on the coast road"
    )


def _page_with_headlines(jsonld: dict[str, str], og_title: str, printed: str) -> bytes:
    ld = json.dumps({"@type": "NewsArticle", **jsonld})
    return (
        f'<html><head><script type="application/ld+json">{ld}</script>'
        f'<meta property="og:title" content="{og_title}"></head><body><main><h1>{printed}</h1>'
        "<p>The harbour board voted on Tuesday to close the night ferry after a long row over "
        "fares.</p></main></body></html>"
    ).encode()


def test_a_jsonld_headline_repeated_by_its_own_name_gives_way_to_the_printed_one() -> None:
    """A JSON-LD node whose ``name`` repeats its ``headline`` (one field filled twice) does not
    confirm itself against the printed ``<h1>`` that og:title names."""
    seo = "Night ferry news: what the closure means for you"
    page = _page_with_headlines(
        {"headline": seo, "name": seo},
        "Harbour board closes night ferry",
        "Harbour board closes night ferry",
    )
    assert read(page, format="html").value.headline == "Harbour board closes night ferry"


@pytest.mark.parametrize(
    ("og_title", "printed"),
    [
        ("Night ferry news: what the closure means", "Night ferry news: what the closure means"),
        ("Harbour board closes night ferry", "Ferry timetable"),  # (og:title printed nowhere)
    ],
)
def test_a_jsonld_headline_named_again_stays_when_nothing_printed_says_otherwise(
    og_title: str, printed: str
) -> None:
    seo = "Night ferry news: what the closure means"
    page = _page_with_headlines({"headline": seo, "name": seo}, og_title, printed)
    assert read(page, format="html").value.headline == seo


def _page_with_breadcrumb_headline(crumb: str, printed: str, og_title: str) -> bytes:
    """A page that prints the headline again in an ``<h1>`` of its breadcrumb trail (for search
    engines) and the story's own headline in an ``<h2>`` over it."""
    ld = json.dumps({"@type": "NewsArticle", "headline": printed})
    return (
        f'<html><head><script type="application/ld+json">{ld}</script>'
        f'<meta property="og:title" content="{og_title}"><title>{og_title}</title></head><body>'
        f'<nav class="crumbs"><ol><li><a href="/">Home</a></li><li><h1>{crumb}</h1></li></ol>'
        f"</nav><main><hgroup><h2>{printed}</h2></hgroup>"
        "<p>The harbour board voted on Tuesday to close the night ferry after a long row over "
        "fares.</p><p>The last boat sails in June, and a bus will run along the coast instead."
        "</p></main></body></html>"
    ).encode()


def test_an_h1_in_the_breadcrumbs_gives_way_to_the_headline_printed_over_the_story() -> None:
    """An ``<h1>`` in a breadcrumb trail or menu is no printed headline when an ``<h2>`` prints
    a headline the metadata gives: the metadata's headline that ``<h2>`` prints is the
    article's, not the one the breadcrumb's ``<h1>`` and og:title repeat."""
    seo = "Ferry row: harbour board ends night crossings after fares dispute"
    printed = "Night ferry to close in June"
    page = _page_with_breadcrumb_headline(seo, printed, seo)
    assert read(page, format="html").value.headline == printed
    crumbs = page.replace(b'<nav class="crumbs">', b'<div data-breadcrumb-trail="">').replace(
        b"</nav>", b"</div>"
    )
    assert read(crumbs, format="html").value.headline == printed


def test_an_h1_in_the_breadcrumbs_stays_the_heading_when_nothing_else_prints_a_headline() -> None:
    """A breadcrumb's ``<h1>`` stays the printed headline when no ``<h2>`` prints one the
    metadata gives (an ``<h2>`` of another story, or of a deck, confirms nothing)."""
    seo = "Ferry row: harbour board ends night crossings after fares dispute"
    page = _page_with_breadcrumb_headline(seo, "Night ferry to close in June", seo).replace(
        b"<h2>Night ferry to close in June</h2>", b"<h2>Bus timetable for the coast road</h2>"
    )
    assert read(page, format="html").value.headline == seo


@pytest.mark.parametrize(
    "frame", ['<body class="has-breadcrumbs">', '<body><div class="breadcrumb-on">']
)
def test_a_frame_whose_class_names_breadcrumbs_keeps_the_deck_printed_under_the_headline(
    frame: str,
) -> None:
    """A theme's class on the page's frame ("has-breadcrumbs") puts no heading in a trail: the
    deck the metadata gives and the page prints in a heading under its headline stays."""
    deck = "Only the late buses will miss it, the board says."
    ld = json.dumps(
        {
            "@type": "NewsArticle",
            "headline": "Night ferry to close in June",
            "alternativeHeadline": deck,
        }
    )
    page = (
        f'<html><head><script type="application/ld+json">{ld}</script>'
        f'<title>Night ferry to close in June</title></head>{frame}<div class="page">'
        f"<h1>Night ferry to close in June</h1><h2>{deck}</h2><article>{_FERRY_STORY}</article>"
        "</div></body></html>"
    ).encode()
    article = read(page, format="html").value
    assert (article.headline, article.subheadline) == ("Night ferry to close in June", deck)


def test_a_heading_that_runs_a_kicker_into_the_title_keeps_the_titles_colon() -> None:
    """A heading that sets its kicker on a line of its own ("Harbour<br>Night ferry ..." read as
    "Harbour Night ferry ...") prints the same words as the metadata's "Harbour: Night ferry
    ...": the metadata's, with its colon, is the headline, not the words run together."""
    headline = "Harbour row: Night ferry to close - and the bus takes over"
    ld = json.dumps({"@type": "NewsArticle", "headline": headline})
    page = (
        f'<html><head><script type="application/ld+json">{ld}</script>'
        f"<title>{headline} | Marrow Bay Post</title></head><body><main><h1>"
        '<span class="topline">Harbour row</span> <span>Night ferry to close - and the bus'
        " takes over</span></h1><p>The harbour board voted on Tuesday to close the night ferry"
        " after a long row over fares.</p></main></body></html>"
    ).encode()
    assert read(page, format="html").value.headline == headline


def _page_with_outlet_author(author: str, byline: str) -> bytes:
    ld = json.dumps(
        {
            "@type": "NewsArticle",
            "headline": "Night ferry to close in June",
            "author": {"@type": "Person", "name": author},
            "publisher": {"@type": "Organization", "name": "Marrow Bay Post"},
        }
    )
    return (
        f'<html><head><script type="application/ld+json">{ld}</script>'
        '<link rel="canonical" href="https://www.mbp-news.example/harbour/night-ferry">'
        "</head><body><main><h1>Night ferry to close in June</h1>"
        f'<p class="article__author">{byline}</p>'
        "<p>The harbour board voted on Tuesday to close the night ferry after a long row over "
        "fares.</p></main></body></html>"
    ).encode()


@pytest.mark.parametrize("outlet", ["Marrow Bay Post", "MBP News", "mbp-news.example"])
def test_an_author_that_names_the_outlet_gives_way_to_the_printed_byline(outlet: str) -> None:
    """Metadata whose author is the outlet itself (the publisher's name, or its web address's:
    "MBP News" on mbp-news.example) names no reporter: the byline the page prints does."""
    article = read(_page_with_outlet_author(outlet, "By Jane Doe, Westcliff"), format="html").value
    assert [person.name for person in article.authors] == ["Jane Doe"]
    assert article.byline == "By Jane Doe, Westcliff"


def test_an_outlet_author_stays_when_the_printed_byline_names_no_one_else() -> None:
    """The outlet stays the author when the page's byline names it alone; a person the metadata
    names stays too, whoever the byline element names."""
    article = read(_page_with_outlet_author("Marrow Bay Post", "Marrow Bay Post"), format="html")
    assert [person.name for person in article.value.authors] == ["Marrow Bay Post"]
    person = read(_page_with_outlet_author("John Roe", "By Jane Doe"), format="html").value
    assert [person.name for person in person.authors] == ["John Roe"]


def test_an_outlet_author_stays_beside_a_teaser_cards_author() -> None:
    """A teaser's card of another story (its kicker, title, author and date) names that story's
    author: the outlet the metadata names stays the author, not an advertiser's name."""
    card = (
        '<div class="item"><h5 class="item__subtitle">Sponsored</h5>'
        '<h4 class="item__title">What shoppers want this winter</h4>'
        '<span class="item__author">Harbour Tills Holding</span>'
        '<span class="item__date">13.10.2023</span></div>'
    )
    page = _page_with_outlet_author("Marrow Bay Post", "").replace(
        b"</main>", f"</main><aside><h3>More stories</h3>{card}</aside>".encode()
    )
    article = read(page, format="html").value
    assert [person.name for person in article.authors] == ["Marrow Bay Post"]
    # the story's own byline under its headline still names the reporter
    signed = page.replace(b'author"></p>', b'author">By Jane Doe</p>')
    article = read(signed, format="html")
    assert [person.name for person in article.value.authors] == ["Jane Doe"]
    # (and under an <h2> printing the headline otherwise than the metadata, a kicker run in)
    printed = signed.replace(
        b"<h1>Night ferry to close in June</h1>", b"<h2>Harbour row Night ferries end in June</h2>"
    )
    assert [person.name for person in read(printed, format="html").value.authors] == ["Jane Doe"]
    # (and over the headline, a box of picks above the story: its headings are no card's)
    over = signed.replace(
        b'<main><h1>Night ferry to close in June</h1><p class="article__author">By Jane Doe</p>',
        b"<aside><h4>Editors' picks</h4></aside>"
        b'<main><p class="article__author">By Jane Doe</p><h1>Night ferry to close in June</h1>',
    )
    assert [person.name for person in read(over, format="html").value.authors] == ["Jane Doe"]


def test_a_byline_at_the_foot_of_a_long_part_under_a_crosshead_is_no_teaser_cards() -> None:
    """A teaser's card is small: a byline closing a long part of the page under a crosshead (a
    live story's updates) is the story's own, and the page is not walked again for each byline."""
    updates = "".join(f"<li>{hour}:00 The ferry ran on time.</li>" for hour in range(CARD_ELEMENTS))
    page = (
        _page_with_outlet_author("Marrow Bay Post", "")
        .replace(b'<p class="article__author"></p>', b"")
        .replace(
            b"</main>",
            f'<section><h3>Updates</h3><ul>{updates}</ul><p class="article__author">By Jane Doe</p>'
            "</section></main>".encode(),
        )
    )
    assert [person.name for person in read(page, format="html").value.authors] == ["Jane Doe"]


def test_an_outlet_author_whose_letters_a_printed_name_holds_gives_way_to_it() -> None:
    """An outlet's short name that a reporter's printed name holds among its letters ("MBP" in
    "Jane Kimbpa") is no label run into the outlet's name: the printed byline names the author."""
    page = _page_with_outlet_author("MBP", "By Jane Kimbpa").replace(b'"Marrow Bay Post"', b'"MBP"')
    article = read(page, format="html").value
    assert [person.name for person in article.authors] == ["Jane Kimbpa"]


def test_a_personal_sites_owner_stays_the_author_the_byline_prints() -> None:
    """A personal site names its owner as author and publisher both, so the author looks like
    the outlet; the printed byline that names the owner (a label or a role run in) names no one
    else, and the metadata's person, with role and profile, stays the author."""
    ld = json.dumps(
        {
            "@type": "BlogPosting",
            "headline": "Night ferry to close in June",
            "author": {
                "@type": "Person",
                "name": "Jane Doe",
                "jobTitle": "Editor",
                "url": "https://janedoe.example/about",
            },
            "publisher": {"@type": "Person", "name": "Jane Doe"},
        }
    )
    for printed in ("AuthorJane Doe", "Jane Doe Editor", "Jane Doe Chefredakteurin"):
        page = (
            f'<html><head><script type="application/ld+json">{ld}</script></head><body><main>'
            f'<h1>Night ferry to close in June</h1><p class="article__author">{printed}</p>'
            f"{_FERRY_STORY}</main></body></html>"
        ).encode()
        (author,) = read(page, format="html").value.authors
        assert (author.name, author.role) == ("Jane Doe", "Editor")


_FERRY_STORY = (
    "<p>The harbour board voted on Tuesday to close the night ferry after a long row over "
    "fares, and the last boat sails in June.</p><p>A bus will run along the coast road instead,"
    " the board said, every hour from six until midnight.</p>"
)


def test_the_line_right_under_the_headline_that_the_story_leaves_out_is_the_deck() -> None:
    """The line printed right under the headline (or its ``<hgroup>``), a sentence or two no
    longer than a deck, is the deck when the story's text leaves it out, however unmarked
    (a place set before it in a span of its own is printed with it); the ``<hgroup>`` is found
    under the headline the metadata gives, not at the breadcrumb's ``<h1>``."""
    deck = "Westcliff. The board blames falling fares on the coast road."
    ld = json.dumps({"@type": "NewsArticle", "headline": "Night ferry to close in June"})
    page = (
        f'<html><head><script type="application/ld+json">{ld}</script>'
        '<meta property="og:title" content="Ferry row: harbour board ends night crossings">'
        '</head><body><nav class="crumbs"><h1>Ferry row: harbour board ends night crossings</h1>'
        '</nav><div class="page"><hgroup><span>Harbour</span><h2>Night ferry to close in June'
        '</h2></hgroup><div class="copy-lg"><span>Westcliff.</span> <span>The board blames'
        f" falling fares on the coast road.</span></div><article>{_FERRY_STORY}</article></div>"
        "</body></html>"
    ).encode()
    article = read(page, format="html").value
    assert (article.headline, article.subheadline) == ("Night ferry to close in June", deck)
    heading = (
        "<html><head><title>Night ferry to close in June</title></head><body><div>"
        "<h1>Night ferry to close in June</h1><h2>Only the late buses will miss it.</h2>"
        f"</div><article>{_FERRY_STORY}</article></body></html>"
    ).encode()
    assert read(heading, format="html").value.subheadline == "Only the late buses will miss it."


@pytest.mark.parametrize(
    "under",
    [
        "",  # (the story's first paragraph right under the headline: it stays the story's)
        '<div class="kicker">Harbour news in brief</div>',  # (no sentence: a label)
        f"<div>{'The board met for hours. ' * 20}</div>",  # (longer than a deck)
    ],
)
def test_a_line_under_the_headline_that_reads_as_no_deck_is_none(under: str) -> None:
    page = (
        "<html><head><title>Night ferry to close in June</title></head><body><main>"
        f"<h1>Night ferry to close in June</h1>{under}{_FERRY_STORY}</main></body></html>"
    ).encode()
    assert read(page, format="html").value.subheadline is None


def _page_with_kicker(alternative: str, kicker: str, under: str) -> bytes:
    """A page whose JSON-LD ``alternativeHeadline`` is ``alternative``, with ``kicker`` over its
    ``<h1>`` and ``under`` between it and the story (the description printed in a box)."""
    description = "Skippers fear for the winter timetable."
    ld = json.dumps(
        {
            "@type": "NewsArticle",
            "headline": "Night ferry to close in June",
            "alternativeHeadline": alternative,
            "description": description,
        }
    )
    return (
        f'<html><head><script type="application/ld+json">{ld}</script></head><body>'
        f'<div class="page">{kicker}<h1>Night ferry to close in June</h1>{under}'
        f'<div class="copy-lg"><span>{description}</span></div>'
        f"<article>{_FERRY_STORY}</article></div></body></html>"
    ).encode()


def test_an_alternative_headline_printed_as_a_kicker_gives_way_to_the_printed_deck(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A JSON-LD ``alternativeHeadline`` the page prints as a heading over its headline (a
    kicker) is no deck where the page prints one under the headline that the story's text
    (here its ``<article>``, read as semantic HTML) leaves out: that one is."""
    monkeypatch.setattr(extract, "extractor_available", lambda: False)
    page = _page_with_kicker("Harbour row", '<h2 class="label">Harbour row</h2>', "")
    assert read(page, format="html").value.subheadline == (
        "Skippers fear for the winter timetable."
    )


def test_an_alternative_headline_printed_as_a_heading_under_the_headline_stays_the_deck() -> None:
    deck = "The board blames falling fares on the coast road"
    page = _page_with_kicker(deck, "", f"<h2>{deck}</h2>")
    assert read(page, format="html").value.subheadline == deck


def _page_with_two_h1s(microdata: str, og_title: str, first: str, second: str) -> bytes:
    return (
        f'<html><head><meta property="og:title" content="{og_title}"></head><body><main>'
        f'<div itemscope itemtype="https://schema.org/NewsArticle">'
        f'<meta itemprop="headline" content="{microdata}"></div>'
        f"<h1>{first}</h1><h1>{second}</h1>{_FERRY_STORY}</main></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("microdata", "og_title", "first", "second"),
    [
        (  # (the deck set in a second <h1>, named by the microdata)
            "… and the buses take over",
            "Night ferry to close in June - Marrow Bay Post",
            "Night ferry to close in June",
            "… and the buses take over",
        ),
        (  # (a logo <h1> first names the site that ends a title: it prints no headline)
            "Night ferry to close in June",
            "Ferries and buses | Marrow Bay Post",
            "Marrow Bay Post",
            "Night ferry to close in June",
        ),
    ],
)
def test_of_two_printed_headlines_that_disagree_the_one_printed_first_is_the_headline(
    microdata: str, og_title: str, first: str, second: str
) -> None:
    """A page that prints its headline in an ``<h1>`` and the deck under it in a second one,
    whose microdata names that deck as its headline, has the headline printed first (og:title's,
    the site's name after it left out); a site's logo printed first is no headline."""
    page = _page_with_two_h1s(microdata, og_title, first, second)
    assert read(page, format="html").value.headline == "Night ferry to close in June"


def test_a_logo_heading_confirms_no_title_it_prints_only_part_of_a_word_of() -> None:
    """A site's logo ``<h1>`` printed first ("Marrowpost") is no heading printing a metadata
    title that only begins with its letters (twitter:title "Marrowpost.example"): the headline
    the second ``<h1>`` prints, which og:title names, stays."""
    headline = "Night ferry to close in June"
    page = (
        f'<html><head><meta property="og:title" content="{headline}">'
        '<meta name="twitter:title" content="Marrowpost.example"></head><body><main>'
        f"<h1>Marrowpost</h1><h1>{headline}</h1>{_FERRY_STORY}</main></body></html>"
    ).encode()
    assert read(page, format="html").value.headline == headline


def test_a_site_name_from_a_fallback_source_is_no_headline_printed_first() -> None:
    """A JSON-LD node's ``name`` (a fallback source, here the site's name) that a logo ``<h1>``
    prints first does not outrank the headline every other source gives and the page prints."""
    headline = "Night ferry to close in June"
    ld = json.dumps({"@type": "NewsArticle", "headline": headline, "name": "Marrow Bay Post"})
    page = (
        f'<html><head><script type="application/ld+json">{ld}</script>'
        f'<meta property="og:title" content="{headline}"></head><body><main>'
        f"<h1>Marrow Bay Post</h1><h1>{headline}</h1>{_FERRY_STORY}</main></body></html>"
    ).encode()
    assert read(page, format="html").value.headline == headline


def test_a_breadcrumb_h1_gives_way_to_the_headline_an_h2_prints_after_its_kicker() -> None:
    """An ``<h2>`` that runs a kicker into the headline ("Harbour row Night ferry ...") prints
    the metadata's headline after the kicker; a metadata headline naming the kicker alone is
    no headline the page prints, and the one the ``<h2>`` ends with is the headline."""
    kicker, printed = "Harbour row", "Night ferry to close in June after a long fares dispute"
    page = _page_with_breadcrumb_headline("Night ferry to close", printed, printed).replace(
        f"<h2>{printed}</h2>".encode(), f"<h2><span>{kicker}</span> {printed}</h2>".encode()
    )
    page = page.replace(
        json.dumps({"@type": "NewsArticle", "headline": printed}).encode(),
        json.dumps({"@type": "NewsArticle", "headline": kicker}).encode(),
    )
    assert read(page, format="html").value.headline == printed


def test_an_h2_marked_as_the_headline_is_no_witness_to_its_own_kicker() -> None:
    """An ``<h2>`` whose microdata marks it as the headline runs the kicker into the headline
    ("Harbour row Night ferry ..."): that microdata headline is the heading itself, no headline
    the page confirms by printing it, and the breadcrumb's ``<h1>`` (og:title's) stays; unless
    og:title gives the heading's words too."""
    seo = "Night ferry to close in June after a long fares dispute"
    page = _page_with_breadcrumb_headline(seo, seo, seo).replace(
        f"<main><hgroup><h2>{seo}</h2></hgroup>".encode(),
        b'<main itemscope itemtype="https://schema.org/NewsArticle"><h2 itemprop="headline">'
        b"<span>Harbour row</span> <span>Night ferry to close in June</span></h2>",
    )
    page = page.replace(
        json.dumps({"@type": "NewsArticle", "headline": seo}).encode(),
        json.dumps({"@type": "NewsArticle"}).encode(),
    )
    assert read(page, format="html").value.headline == seo
    # (a heading whose words og:title gives too is that headline, printed)
    printed = "Harbour row Night ferry to close in June"
    confirmed = page.replace(f'content="{seo}"'.encode(), f'content="{printed}"'.encode())
    assert read(confirmed, format="html").value.headline == printed


def test_a_teaser_card_with_a_kicker_over_a_short_title_names_no_author() -> None:
    """A teaser's card of another story with its kicker over a title of two words (a shop's name,
    "Quay Market") names that story's author: the outlet the metadata names stays the author."""
    card = (
        '<div class="item"><h5 class="item__subtitle">New opening</h5>'
        '<h4 class="item__title">Quay Market</h4>'
        '<span class="item__author">Omar Farouk</span></div>'
    )
    page = _page_with_outlet_author("Marrow Bay Post", "").replace(
        b"</main>", f"</main><aside><h3>More stories</h3>{card}</aside>".encode()
    )
    assert [person.name for person in read(page, format="html").value.authors] == [
        "Marrow Bay Post"
    ]


def test_a_label_heading_over_the_storys_own_byline_is_no_teaser_card() -> None:
    """A story's label set as a heading in its byline's box ("<h4>Analysis</h4>" over "By Jane
    Doe") titles no other story: a teaser's card has a title of a few words; the reporter stays
    beside metadata naming the outlet."""
    page = _page_with_outlet_author("Marrow Bay Post", "").replace(
        b'<p class="article__author"></p>',
        b'<div class="meta"><h4>Analysis</h4><p class="article__author">By Jane Doe</p></div>',
    )
    assert [person.name for person in read(page, format="html").value.authors] == ["Jane Doe"]
