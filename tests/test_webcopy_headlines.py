"""Which line of a web copy is the headline: lines of the page's widgets that a title's shape
cannot make one (a gallery's counter, a clipped caption, an error message, a form's prompt, a
picture's caption over its credit), and the signs that point to the real title line (the byline
signing it, a tag in brackets, the title printed under the trail run into it). The pages are
written for these tests."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from articlekit import Article, read
from articlekit.prose import furniture, webcopy
from articlekit.prose.headers import read_header

MENU = "Skip to main content\n\n* News\n* Sport\n* Weather\n* Business\nSign in\nSubscribe\n"
STORY = [
    "The harbour board voted on Tuesday to let passenger ferries berth through the night, a "
    "change that fishermen say will leave them fighting for quay space when they land their "
    "catch.",
    "“Nobody asked us,” said a skipper who has fished out of the port for thirty years. The "
    "board said the night crossings would ease the afternoon queues in the town centre.",
    "A public meeting on the plan is set for October at the town hall, where the ferry "
    "operators will present the timetable they want to run from the spring.",
]
FOOT = "Most read\n\n* Tram fares to rise\n* New depot opens\n\n© 2024 Westcliff Courier\n"
HEADLINE = "Harbour board lets night ferries berth at the fish quay"
CAPTION = (
    "Fishing boats moored three deep along the inner basin of the harbour on Monday evening, as "
    "the crews waited for the board's decision on the night ferries. The quay has room for forty "
    "boats, and the ferries would take a third of it at night."
)


def read_copy(copy: str) -> Article:
    return read(copy.encode("utf-8"), format="text").value


def story(separator: str = "\n\n") -> str:
    return separator.join(STORY)


def test_a_gallery_over_the_story_leaves_the_headline_above_it() -> None:
    """A picture gallery between the header block and the story: its captions (each printed in
    full, then clipped "... more", over its credit) are no other story's prose that would end the
    search for the headline, and neither its counters ("Image 1 of / 12", "Image 1 of 12") nor a
    clipped caption are a headline."""
    clipped = CAPTION[:150] + " ... more"
    slide = f"{CAPTION}\n{clipped}\nPhoto: Jane Doe, Westcliff Courier"
    copy = (
        f"{MENU}\n{HEADLINE}\n\nTom Green, Harbour Reporter\n\n"
        "Updated 9:15 am, Tuesday, March 5, 2024\n" + "*\n" * 6 + f"* {slide}\n" + "*\n" * 6 +
        "Photo: Jane Doe, Westcliff Courier\nImage 1 of / 12\n\nCaption\n\nClose\n\n"
        f"Image 1 of 12\n{slide}\n{HEADLINE}\n1 / 12\nBack to Gallery\n\n{story()}\n\n{FOOT}"
    )  # fmt: skip
    article = read_copy(copy)
    assert article.headline == HEADLINE
    assert article.paragraphs[-3:] == STORY


@pytest.mark.parametrize(
    "counter", ["Image 1 of 12", "Image 1 of / 12", "Photo 3 of 12", "Foto 3 von 12", "Slide 2/9"]
)
def test_a_gallery_counter_is_never_the_headline(counter: str) -> None:
    """A gallery's counter over the picture's caption, the story under it: the counter is a line
    of the gallery, not a title (with no title line over the story, there is no headline)."""
    copy = f"{MENU}\n\n{counter}\n{CAPTION}\nPhoto: Jane Doe\n\n{story()}\n\n{FOOT}"
    assert read_copy(copy).headline is None


@pytest.mark.parametrize(
    "message",
    [
        "Something went wrong with the connection!",
        "Oops, something went wrong",
        "An error has occurred",
        "Please try again later",
        "Enter City and State or Zip Code",
        "Enter your zip code to find the ferry times",
        "Type a search term",
        "PLZ eingeben",
        "Ein Fehler ist aufgetreten",
        "Une erreur s'est produite",
        "Entrez votre code postal",
        "Algo salió mal",
        "Si è verificato un errore",
        "Ocorreu um erro",
        "Oops! Page not found",
        "Oops! We couldn't find that page",
        "Something went wrong while loading this content",
        "Something went wrong, please reload the page",
        "Ein Fehler ist aufgetreten, bitte versuchen Sie es später erneut",
        "An error has occurred: please try again",
        "Enter your zip code:",
    ],
)
def test_a_widgets_message_or_prompt_is_never_the_headline(message: str) -> None:
    """A weather box's prompt or a player's error message right over the story, no title line
    between: a line of a widget, not a headline, whatever its shape (the story has none)."""
    assert furniture.is_page_message(message)
    copy = f"{MENU}\n\n{message}\n\n{story()}\n\n{FOOT}"
    assert read_copy(copy).headline is None


@pytest.mark.parametrize(
    "line",
    [
        "Something went wrong at the harbour board's meeting on Tuesday, the fishermen said, and "
        "nobody would tell them what",
        "Enter the harbour",
        "Select committee backs night ferries",
        "Errors at the quay",
    ],
)
def test_a_story_line_opening_like_a_message_is_none(line: str) -> None:
    """A sentence of a story, or a headline, that opens with a message's words is no message."""
    assert not furniture.is_page_message(line)


def test_a_title_behind_a_tag_in_brackets_is_a_headline() -> None:
    """A blog's title opening with a tag in brackets ("[Interview] ..."); a bracketed label alone
    ("[Photo]") is still no title line."""
    title = "[Interview] The skipper who fished the port for thirty years"
    copy = f"{MENU}\nBlog\n{title}\nMarch 5, 2024 / 0 Comments / by harbourblog\n\n{story()}\n"
    assert read_copy(copy + f"\n{FOOT}").headline == title
    labelled = copy.replace(title, "[Photo]")
    assert read_copy(labelled + f"\n{FOOT}").headline != "[Photo]"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Latest Headlines", "related"),
        ("Top headlines", "related"),
        ("More On:", "related"),
        ("You are signed in as", "account"),
        ("Signed in as harbourfan", "account"),
        ("Angemeldet als hafenfan", "account"),
        ("You are signed in as jane.doe@example.org.", "account"),
        ("Logged in as Jane Doe. Log out?", "account"),
    ],
)
def test_headings_of_teaser_lists_and_account_lines_are_furniture(line: str, kind: str) -> None:
    """A heading over a list of other stories' titles, a sign-in box's line: page furniture (a
    heading of a section that the titles under it belong to), never a headline."""
    assert furniture.furniture_kind(line) == kind


def test_the_title_line_its_byline_signs_beats_a_teaser_above_it() -> None:
    """A browser's copy of a page with a list of other stories over the headline: the last teaser
    speaks of the story's subject in more of its words than the headline does, but the headline is
    the line signed by the byline right under it ("By Jane Doe, ...")."""
    teasers = [
        "Tram fares rise again in the valley",
        "New depot opens for the city's buses",
        "Fishermen fight for quay space when ferries berth at night",
    ]
    title = "One vote that split a small fishing town"
    copy = (
        MENU + "\n".join(teasers) + f"\nAdvertisement\n{title}\nBy Jane Doe, Westcliff Courier\n"
        f"1 day ago\nCouncil approves new car park\nSchool roof repairs finished early\n\n"
        f"{story()}\n\n{FOOT}"
    )
    article = read_copy(copy)
    assert article.headline == title
    assert article.authors and article.authors[0].name == "Jane Doe"


@pytest.mark.parametrize(
    "trail",
    ["HomeLocal News", "Home Local News ", "StartseiteLokales", "HomeHARBOUR NEWS"],
)
def test_a_breadcrumb_trail_run_into_the_title_gives_way_to_the_title_under_it(
    trail: str,
) -> None:
    """The page's breadcrumb trail ends with the title and runs into it (a browser copies its
    links without spaces between); the title stands alone on the next line: that line is the
    headline, not the trail and title together (the line chosen gives way to it)."""
    copy = (
        f"{MENU}\n{trail}{HEADLINE}\n{HEADLINE}\nWestcliff Courier\nMarch 5, 2024\n"
        f"{story(chr(10))}\n\n{FOOT}"
    )
    assert read_copy(copy).headline == HEADLINE
    lines = copy.split("\n")
    described = webcopy._Described(webcopy._describe(lines))
    at = lines.index(f"{trail}{HEADLINE}")
    chosen = at - lines[:at].count("")  # (its position among the non-blank lines)
    assert described[chosen].content == f"{trail}{HEADLINE}".strip()
    assert described[webcopy._title_under_trail(described, chosen)].content == HEADLINE
    assert webcopy._title_under_trail(described, chosen + 1) == chosen + 1


def test_a_caption_over_a_credit_in_brackets_is_neither_headline_nor_deck() -> None:
    """The lead picture's caption between the headline and the byline, its credit in brackets on
    the next line ("(Jane Doe / Agency)"): the caption, a sentence, speaks of the story in more
    of its words than the headline and has the byline under it, but it is no title line."""
    caption = "The harbour board lets passenger ferries berth at the fish quay through the night."
    copy = (
        f"{MENU}\nHarbour\n\nColumn: {HEADLINE} and nobody asked the skippers\n\n"
        f"{caption}\n(Jane Doe / Westcliff Courier)\n\nBy Tom Green Harbour Columnist\n"
        f"March 5, 2024\n5:53 PM\n\n{story()}\n\n{FOOT}"
    )
    article = read_copy(copy)
    assert article.headline == f"Column: {HEADLINE} and nobody asked the skippers"
    assert article.subheadline is None


def test_a_date_line_with_its_outlet_after_a_slash_is_read() -> None:
    """A labelled date line that ends with the outlet after a slash ("Updated on: <date> / <time> /
    Courier") is a date line of the header block: the headline is the line over it, though a lead
    video's title under it shares as many of the story's words."""
    header = read_header("Updated on: March 5, 2024 / 9:15 AM / Westcliff Courier")
    assert header is not None and header.kind == "updated"
    assert header.naive == datetime(2024, 3, 5, 9, 15)
    headline = f"{HEADLINE}: “Nobody asked us!”"
    copy = (
        f"{MENU}\n{headline}\n\n*\n*\n*\n\n"
        "Updated on: March 5, 2024 / 9:15 AM / Westcliff Courier\n\n"
        f"Harbour board lets night ferries berth at the quay\n\n{story()}\n\n{FOOT}"
    )
    article = read_copy(copy)
    assert article.headline == headline
    assert article.updated is not None and article.updated.day == 5


@pytest.mark.parametrize(
    "headline",
    [
        "Something went wrong at the harbour board's night ferry vote",
        "Oops: harbour board forgets to fund quay repairs again",
        "There was a problem with the ferry timetable, skippers say",
        "Enter your postcode: how the ferry booking will find you",
        "Select the location for the new quay, fishermen urged",
        "Something Went Wrong At The Harbour Board",
        "Oops! Harbour board forgets to fund quay repairs again!",
    ],
)
def test_a_headline_that_opens_like_a_widgets_message_is_the_headline(headline: str) -> None:
    """A widget's message is short and says no more ("Something went wrong with the
    connection!"); a headline goes on after a colon or with a clause of its own."""
    copy = f"{MENU}\n{headline}\n\nBy Tom Green\n\nMarch 5, 2024\n\n{story()}\n\n{FOOT}"
    assert read_copy(copy).headline == headline


def test_a_story_sentence_that_opens_like_an_account_line_stays_in_the_body() -> None:
    sentence = (
        "Logged in as an administrator, a harbour clerk could change the berth list without "
        "approval, the audit found."
    )
    copy = f"{MENU}\n{HEADLINE}\n\nBy Tom Green\n\n{sentence}\n\n{story()}\n\n{FOOT}"
    assert sentence in read_copy(copy).paragraphs


def test_a_headline_over_its_lead_pictures_bracketed_credit_is_the_headline() -> None:
    copy = (
        f"{MENU}\n{HEADLINE}\n(Jane Doe / Westcliff Courier)\nMarch 5, 2024\n\n{story()}\n\n{FOOT}"
    )
    assert read_copy(copy).headline == HEADLINE


@pytest.mark.parametrize(
    ("line", "kinds"),
    [
        ("Published: June 5, 2024 / Reporter: Jane Doe", ["unparsed"]),
        # (read as two parts at its spaced slash, the labelled value kept as the byline)
        ("Aktualisiert am 5. Juni 2024 / Autor: Ann", ["updated", "byline"]),
    ],
)
def test_a_date_lines_last_slash_sets_aside_no_label(line: str, kinds: list[str]) -> None:
    """What follows the last slash is set aside when it names an outlet ("/ dpa", "/ Le Monde
    avec AFP"); a labelled value would be lost with it (the line stays a broken date line,
    reported, unless its parts read as header parts of their own)."""
    header = read_header(line)
    assert header is not None
    parts = header.value if header.kind == "several" else [header]
    assert [part.kind for part in parts] == kinds  # type: ignore[union-attr]
    outlet = read_header("Publié le 5 mars 2024 / Le Monde avec AFP")
    assert outlet is not None and outlet.kind == "published"


@pytest.mark.parametrize(
    "line",
    [
        "Crews repair the quay wall on Monday (Jane Doe / Westcliff Courier)",
        "[Photo] Crews repair the quay wall on Monday",
        "[Updated] Crews start work on the quay wall on Monday",
    ],
)
def test_a_caption_with_its_credit_or_a_tagged_line_under_the_headline_is_no_deck(
    line: str,
) -> None:
    """A picture's caption ending with its credit in brackets, or a line opening with a tag in
    brackets, under the headline (a gallery's counter between them or not) is no deck."""
    for gallery in ("", "Image 1 of 8\n"):
        copy = (
            f"{MENU}\n{HEADLINE}\n\n{gallery}{line}\n\nBy Tom Green\nMarch 5, 2024\n\n"
            f"{story()}\n\n{FOOT}"
        )
        article = read_copy(copy)
        assert article.headline == HEADLINE and article.subheadline is None


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("Crews repair the quay wall on Monday.", "Photo: Jane Doe"),
        ("Arbeiter reparieren am Montag die Kaimauer.", "Foto: Jana Dorn"),
        ("Des ouvriers réparent le mur du quai lundi.", "Photo : Jeanne Durand"),
        ("Obreros reparan el muro del muelle el lunes.", "Foto: Ana López"),
        ("Operai riparano il muro del molo lunedì.", "Foto: Anna Rossi"),
        ("Operários reparam o muro do cais na segunda-feira.", "Foto: Ana Souza"),
        # a labelled credit that dates the picture is no copyright notice
        ("Crews repair the quay wall on Monday.", "Photo: Jane Doe, 2021"),
        ("Arbeiter reparieren am Montag die Kaimauer.", "Foto: Jana Dorn, 2019"),
    ],
)
def test_a_caption_over_its_credit_line_under_the_headline_is_no_deck(
    caption: str, credit: str
) -> None:
    """A picture's caption right over its credit line (no blank line between) under the
    headline is the picture's, not the deck."""
    copy = (
        f"{MENU}\n{HEADLINE}\n\n{caption}\n{credit}\n\nBy Tom Green\nMarch 5, 2024\n\n"
        f"{story()}\n\n{FOOT}"
    )
    article = read_copy(copy)
    assert article.headline == HEADLINE and article.subheadline is None
    figures = [block for block in article.body if block.type == "figure"]
    assert figures[0].credit == credit.partition(":")[2].strip()


def test_a_date_under_a_long_caption_and_credit_under_the_headline_dates_the_story() -> None:
    """A lead picture's caption and its credit, both as long as prose, between the headline and
    the date line: the credit is the picture's, no paragraph of the story, and the date under it
    is still the article's (its header, not the story's first lines)."""
    caption = "Crews repair the old quay wall on Monday before the first night ferries arrive."
    credit = "© Jane Doe/Harbour Pictures via www.harbour-pictures.example, www.harbour.example"
    copy = (
        f"{MENU}\n{HEADLINE}\n\n{caption}\n{credit}\n\nMarch 5, 2024 - 15:00\n\n{story()}\n\n{FOOT}"
    )
    article = read_copy(copy)
    assert article.published == date(2024, 3, 5)
    assert article.headline == HEADLINE and article.subheadline is None


@pytest.mark.parametrize("under", ["\n\nPhoto: Jane Doe", "\n© 2003, 2004 Tom Green"])
def test_a_deck_over_a_blank_line_and_a_credit_or_over_a_copyright_stays_the_deck(
    under: str,
) -> None:
    """A deck with a blank line under it before a credit line is still the deck (only a line
    right over the credit is its caption), and so is one right over a copyright notice with its
    years (the page's or the story's, no picture's)."""
    deck = "The board says night crossings will ease the afternoon queues."
    copy = (
        f"{MENU}\n{HEADLINE}\n{deck}{under}\n\nBy Tom Green\nMarch 5, 2024\n\n{story()}\n\n{FOOT}"
    )
    assert read_copy(copy).subheadline == deck


@pytest.mark.parametrize("credit", ["Photo: Jane Doe", "PHOTOGRAPH: JANE DOE; HARBOUR MEDIA"])
def test_a_deck_right_under_the_headline_over_a_credit_stays_the_deck(credit: str) -> None:
    """A deck set right under the headline (no blank line between) over the lead picture's
    credit, the picture printing no caption, stays the deck: only a line set apart from the
    headline over a credit is the picture's caption."""
    deck = "Whether you cross at dawn or at midnight, the board says a boat will be waiting."
    copy = (
        f"{MENU}\n{HEADLINE}\n{deck}\n{credit}\n\nBy Tom Green\nMarch 5, 2024\n\n"
        f"{story()}\n\n{FOOT}"
    )
    article = read_copy(copy)
    assert article.subheadline == deck
    figures = [block for block in article.body if block.type == "figure"]
    assert figures[0].credit == credit.partition(":")[2].strip() and not figures[0].caption


def test_the_headline_printed_again_over_the_last_line_of_a_page_reads() -> None:
    """The headline printed again right above the page's last line, taken for a deck over the
    line under it: the header block ran one line past the page, an IndexError (a traceback).
    Found by hypothesis on a page written for another test."""
    title = "Harbour Board Backs Night Ferries"
    last = (
        "The board, chaired by the harbour master, met at the old customs house: the vote was "
        "close and the fishermen's association said it would appeal against it."
    )
    copy = f"{MENU}\n{title}\nMost read\n{title}\n{last}\n"
    article = read_copy(copy)
    assert article.headline == title
    assert article.paragraphs == [last]


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        (
            "Crews at the north quay on Monday. Credit... Jane Roe/Westcliff Courier",
            "Crews at the north quay on Monday.",
            "Jane Roe/Westcliff Courier",
        ),
        ("Credit...Jane Roe for The Courier", None, "Jane Roe for The Courier"),
    ],
)
def test_a_credit_after_its_label_and_dots_is_read(
    line: str, caption: str | None, credit: str
) -> None:
    """Some pages print "Credit..." before a picture's credit: the caption over it was taken for
    the headline."""
    from articlekit.prose.captions import read_caption

    found = read_caption(line)
    assert found is not None and (found.caption, found.credit) == (caption, credit)


def test_a_sentence_after_credit_and_its_dots_is_the_story_s() -> None:
    """ "Credit..." in a story's paragraph opening a sentence is no picture's credit: a credit names
    someone (a few words in small letters at most)."""
    from articlekit.prose.captions import read_caption

    line = (
        "The owners told the council on Monday that every lender had turned them away. Credit..."
        " That is what we lack, and what we were promised."
    )
    assert read_caption(line) is None


PROTEST_STORY = (
    "Two fishermen were arrested on Saturday after they climbed onto the stage of the harbour "
    "festival's opening play, holding a banner against the night ferries.\n\n"
    "The actors left the stage for twenty minutes while stewards led the pair away. The festival "
    "said the play would run again on Sunday as planned.\n\n"
    "A third paragraph tells the rest of the evening at the harbour, and what the board said "
    "after it.\n"
)
PROTEST_DECK = (
    "Stewards lead the pair off the stage as fishermen climb up holding a banner against the "
    "night ferries on the opening night"
)


@pytest.mark.parametrize(
    ("upper", "headline", "deck"),
    [
        (  # a word of page chrome ("play") in a long headline is the story's own word
            "Two fishermen arrested after protest stops harbour festival play",
            "Two fishermen arrested after protest stops harbour festival play",
            PROTEST_DECK,
        ),
        ("Watch the video of the play", PROTEST_DECK, None),  # a short one is page chrome
        # (and a long one that opens with it: a call to watch, listen or share)
        ("Watch the video of the harbour festival's opening night play", PROTEST_DECK, None),
        ("Listen to the podcast about the harbour festival opening play", PROTEST_DECK, None),
    ],
)
def test_a_long_headline_with_a_chrome_word_stands_over_its_deck(
    upper: str, headline: str, deck: str | None
) -> None:
    """The deck shares more of the first paragraph's words and stands nearer to it, so it wins
    the search; the title line over it is the headline even with a word of page chrome in it
    when it is long (as the search itself weighs such a word), never when it is short."""
    copy = f"{MENU}\n{upper}\n\n{PROTEST_DECK}\n\nTom Green\nMarch 9, 2024 11:30 am\n\n"
    article = read_copy(copy + PROTEST_STORY)
    assert (article.headline, article.subheadline) == (headline, deck)


FIRE_STORY = (
    "Only a third of the pupils came to school on Monday after the fire at the waste depot, as "
    "parents kept their children at home while the smoke hung over the valley.\n\n"
    "The schools ran a reduced timetable, and the care homes kept their windows shut all day. The "
    "depot said the fire was out by Sunday evening.\n\n"
    "A third paragraph tells what the fire brigade found at the depot, and when the schools will "
    "open in full.\n"
)
FIRE_TOP = "Westcliff Courier\nSubscribe E-Paper Shop Jobs\n Menu  Search\nNews Sport Weather\n"
FIRE_KICKER = "Fire at the depot"
FIRE_HEADLINE = "Empty classrooms as families wait out the smoke in the valley"


@pytest.mark.parametrize(
    ("gap", "headline"),
    [
        ("", FIRE_HEADLINE),  # the kicker ends the menu's run of short lines: a label
        ("\n", FIRE_KICKER),  # a short headline apart from the menu, over its deck
    ],
)
def test_a_kicker_ending_the_menu_gives_way_to_the_title_under_it(gap: str, headline: str) -> None:
    """A short line that shares all its words with the first paragraph outscores the longer
    title line under it that shares fewer (no byline under either to tell them apart): when it
    ends the menu's run of short lines it is a kicker, as a label printed again in a menu is;
    standing apart from the menu it is the headline, and the longer line its deck."""
    copy = f"{FIRE_TOP}{gap}{FIRE_KICKER}\n{gap}{FIRE_HEADLINE}\n{gap}{FIRE_STORY}"
    assert read_copy(copy).headline == headline


def test_a_short_headline_under_the_menu_of_a_browser_copy_stays_the_headline() -> None:
    """A browser's copy sets no blank line between any blocks: a short headline right under the
    menu's last item ends the menu's run as a kicker would, but no blank line tells them apart
    there, so it stays the headline over its deck, and the first paragraph stays the story's."""
    headline = "Smoke over the valley"
    deck = "Families keep children at home for a third day as crews fight the blaze"
    story = FIRE_STORY.replace("\n\n", "\n")
    article = read_copy(f"{FIRE_TOP}{headline}\n{deck}\n{story}")
    assert (article.headline, article.subheadline) == (headline, deck)
    assert article.paragraphs[0] == story.splitlines()[0]


QUESTION = "What is the harbour board's night ferry plan, and why are the fishermen against it?"


@pytest.mark.parametrize("gap", ["", "\n"])
def test_a_long_headline_opening_the_story_is_the_headline(gap: str) -> None:
    """A title line long enough for prose (a question, no full stop) right under the menu, over
    the story with no header line between: the stretch of prose opens with it, and it is the
    headline, not the story's first paragraph."""
    article = read_copy(f"{MENU}{gap}{QUESTION}\n\n{story()}\n\n{FOOT}")
    assert article.headline == QUESTION
    assert article.paragraphs[:3] == STORY


@pytest.mark.parametrize("header", ["\n\nBy Tom Green\n\nMarch 5, 2024", ""])
def test_a_question_opening_the_story_under_its_headline_stays_in_the_story(header: str) -> None:
    """The same question under the headline (its header lines between, or none) is the story's
    first paragraph or its deck, never the headline."""
    article = read_copy(f"{MENU}\n{HEADLINE}{header}\n\n{QUESTION}\n\n{story()}\n\n{FOOT}")
    assert article.headline == HEADLINE
    assert QUESTION in (article.subheadline, article.paragraphs[0])


@pytest.mark.parametrize(
    "opening",
    [
        "The harbour board met on Tuesday night, and the fishermen came to the meeting.",
        "The harbour board met on Tuesday night. Why did the fishermen come to the meeting?",
        "The fishermen of the harbour at the board's meeting on Tuesday night. (FILE)",
    ],
)
def test_a_paragraph_opening_the_story_is_no_headline(opening: str) -> None:
    """A long first line that ends with a full stop is the story's first paragraph; so is one
    with a full stop inside, sentences asking at their end or a caption's note after them."""
    article = read_copy(f"{MENU}\n{opening}\n\n{story()}\n\n{FOOT}")
    assert article.headline != opening
    assert article.paragraphs[0] == opening


TEASERS = (
    "Most popular\nTram fares to rise in May\nNew depot opens on the ring road\n"
    "Library hours cut over summer\nSchool bus routes redrawn\nCouncil names new mayor\n"
    "Pier repairs to start in June\nLifeboat crew wins award\nMarket square to close for a week\n"
)
BYLINE_DATED = "By Tom Green - Westcliff Courier - Tuesday, March 5, 2024"


def test_a_widgets_button_sharing_one_word_with_the_story_is_no_headline() -> None:
    """A poll's button ("View results") right over the byline, its one content word in the
    story's first paragraph ("in their view"), the headline far above past a list of teasers:
    one word in common is chance, not the sign a headline's share of the story's words is."""
    opening = STORY[0] + " In their view, the quay is theirs at dawn."
    copy = (
        f"{MENU}\n{HEADLINE}\nFollow Us\nSearch\n\n{TEASERS}\nView results\n\n{BYLINE_DATED}\n\n"
        f"{opening}\n\n{STORY[1]}\n\n{STORY[2]}\n\n{FOOT}"
    )
    assert read_copy(copy).headline == HEADLINE


@pytest.mark.parametrize("headline", ["The ferries", "On the ferries"])
def test_a_headline_of_one_content_word_over_its_byline_stays_the_headline(headline: str) -> None:
    """A short headline whose one content word the story holds is still the headline over its
    byline (a one-word title counts its word in full)."""
    opening = STORY[0] + " Ferries have sailed from the port since 1890."
    copy = f"{MENU}\n{headline}\n\n{BYLINE_DATED}\n\n{opening}\n\n{STORY[1]}\n\n{FOOT}"
    assert read_copy(copy).headline == headline


PIPED_CAPTION = (
    "Should the board agree, the night ferries will berth at the fish quay from the spring. | "
    "Jane Doe/Harbour Press via Agency Images"
)


def test_a_caption_with_its_credit_after_a_bar_is_no_headline() -> None:
    """A picture's caption that ends with its credit after a bar, names parted by slashes
    ("... spring. | Jane Doe/Harbour Press via Agency Images") over the story's byline: no
    headline, however many of the story's words it holds; the headline is the title above it."""
    copy = (
        f"{MENU}\n{HEADLINE}\n\nFishermen say they will lose their quay space at dawn.\n\n"
        f" Copy Link\n Share on X\n{PIPED_CAPTION}\n\nBy Tom Green\n\nMarch 5, 2024\n\n"
        f"{story()}\n\n{FOOT}"
    )
    article = read_copy(copy)
    assert article.headline == HEADLINE
    assert PIPED_CAPTION not in article.paragraphs


@pytest.mark.parametrize(
    "line",
    [
        "Ferries at the quay | Westcliff Courier",  # a title and the site's name
        "Why the ferries came. | Harbour news",  # no names parted by slashes
        "Night ferries | Port/Harbour news",  # no sentence before the bar
    ],
)
def test_a_line_with_a_bar_and_no_caption_before_a_credit_is_no_caption(line: str) -> None:
    from articlekit.prose.captions import read_caption

    assert read_caption(line) is None


TWO_SENTENCES = (
    "After six hours of argument the harbour board voted on Tuesday to let passenger ferries "
    "berth through the night. What is left for the fishermen who land their catch?"
)


def test_two_sentences_of_prose_under_the_headline_are_no_headline() -> None:
    """A line of two sentences, long as a paragraph (the deck under the headline's date line,
    over the byline), shares more of the story's words than a headline that tells them in its
    own: a headline is one sentence, or two short ones."""
    headline = "Two walkouts, many open questions over the ferries"
    copy = (
        f"{MENU}\n{headline}\n\nUpdated: 05.03.2024 17:23\n\n{TWO_SENTENCES}\n\nBy Tom Green\n\n"
        f"{story()}\n\n{FOOT}"
    )
    assert read_copy(copy).headline == headline


@pytest.mark.parametrize(
    "headline",
    [
        "The board resigns. What happens to the night ferries now, and who decides it",
        "Harbour board lets passenger ferries berth through the night at the fish quay, and the "
        "fishermen who land their catch there at dawn say nobody asked them about it",
    ],
)
def test_a_headline_of_two_short_sentences_or_one_long_stays_the_headline(headline: str) -> None:
    """Two short sentences, or one long one, over the story's header lines are its headline."""
    copy = f"{MENU}\n{headline}\n\nUpdated: 05.03.2024 17:23\n\nBy Tom Green\n\n{story()}\n\n{FOOT}"
    assert read_copy(copy).headline == headline


@pytest.mark.parametrize("kicker", ["Harbour Sensation", "Quay Fight"])
def test_a_kicker_printed_again_under_the_pages_title_is_no_byline(kicker: str) -> None:
    """A page prints its title for search engines ("Kicker: other words"), then the kicker on its
    own, then the headline, with no blank line between: the kicker's capitals make it look like a
    name, but between two title lines, the upper one opening with it, it is no byline, and the
    headline is the line under it, over the story's own byline."""
    copy = (
        f"{MENU}\n{kicker}: Night ferries may berth at the quay\n{kicker}\n{HEADLINE}\n{STORY[0]}\n"
        f"By Tom Green, Harbour Reporter\n05.03.2024, 18:00\n\n{STORY[1]}\n\n{STORY[2]}\n\n{FOOT}"
    )
    article = read_copy(copy)
    assert (article.headline, article.byline) == (HEADLINE, "By Tom Green, Harbour Reporter")


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_columnists_name_under_a_title_that_opens_with_it_stays_the_byline(gap: str) -> None:
    title = "Tom Green: Why the night ferries must not berth at the quay"
    copy = f"{MENU}\n{title}{gap}Tom Green{gap}05.03.2024, 18:00\n\n{story()}\n\n{FOOT}"
    article = read_copy(copy)
    assert (article.headline, article.byline) == (title, "Tom Green")


ELLIPSIS_DECKS = (
    "…as fishermen cry foul over lost quay space\n\n…accuse the board of ignoring their concerns"
)


def test_a_short_headline_in_the_menus_run_over_its_byline_is_the_headline() -> None:
    """A short headline printed in the menu's run of short lines (and again above it, as the
    trail's last step), its labelled byline right under it, the decks and the names of the story
    between them and the story: the byline makes it the headline however far the run ends from
    the story."""
    headline = "Ferry blasts shake homes"
    copy = (
        f"Westcliff Courier\nPrimary Menu\nHome\nNews\n{headline}\nLocal News\n{headline}\n"
        f"By Tom Green March 5, 2024\nShare\n\n{ELLIPSIS_DECKS}\n\nJane Doe/Tom Green\n\n"
        f"{story()}\n\n{FOOT}"
    )
    assert read_copy(copy).headline == headline


def test_a_menu_item_over_a_line_of_names_is_no_headline() -> None:
    """A short item of the menu's run over a line of names without a label is no headline: only
    a labelled byline signs one there."""
    copy = (
        f"Westcliff Courier\nPrimary Menu\nHome\nNews\nLocal News\nTom Green\n\n{HEADLINE}\n\n"
        f"{story()}\n\n{FOOT}"
    )
    assert read_copy(copy).headline == HEADLINE


COURT_STORY = [
    "“We came to Westcliff to stand by the witnesses,” said one of the four women who travelled "
    "to the hearing at the court this week, as our reporter writes.",
    "The case is the first of its kind in the town, and the court expects to sit for three weeks "
    "before it rules on the claims.",
]


@pytest.mark.parametrize("place", ["writes from Westcliff", "reporting from Westcliff"])
def test_the_place_under_the_bylines_name_is_no_headline(place: str) -> None:
    """A short line in small letters under the byline's name goes on from it (where the reporter
    writes from): no headline, though it stands nearest the story and all its words are the
    story's; a headline opens with a capital."""
    headline = "Witnesses storm the court hall in Westcliff"
    copy = f"{MENU}\n{headline}\n\nTom Green\n\n{place}\n\n" + "\n\n".join(COURT_STORY)
    article = read_copy(copy + f"\n\n{FOOT}")
    assert (article.headline, article.byline) == (headline, "Tom Green")


def test_a_short_headline_opening_with_a_brand_in_small_letters_is_the_headline() -> None:
    """A word with a capital inside ("eFerry") is a name, not a line going on from another."""
    headline = "eFerry tickets sell out"
    story = "The eFerry tickets for the night crossings sold out within an hour on Tuesday, the "
    copy = f"{MENU}\n{headline}\n\nBy Tom Green\n\n{story}{STORY[0]}\n\n{STORY[1]}\n\n{FOOT}"
    assert read_copy(copy).headline == headline


QUOTED_HEADLINE = "«The quay is ours at dawn, and the board knows it»"


@pytest.mark.parametrize(
    ("kicker", "headline"),
    [
        ("Night ferries\n-\n", QUOTED_HEADLINE),
        ("", QUOTED_HEADLINE),
        ("", "« Le quai est à nous à l'aube, et le conseil le sait »"),
    ],
)
def test_a_headline_quoted_in_guillemets_is_the_headline(kicker: str, headline: str) -> None:
    """A headline that quotes someone in guillemets ends with one, as a breadcrumb ends with its
    arrow: the quote it closes (against its last word, or set apart as French prints it) makes
    it a title line."""
    copy = f"{MENU}\n{kicker}{headline}\n\n{story()}\n\nTom Green\n\n{FOOT}"
    assert read_copy(copy).headline == headline


@pytest.mark.parametrize("pager", ["« Previous :: Contents :: Next »", "« Older | Newer »"])
def test_a_pager_between_arrows_is_no_headline(pager: str) -> None:
    """A pager's links between arrows set apart from them are no quote, and no title line."""
    copy = f"{MENU}\n{HEADLINE}\n{pager}\n\n{story()}\n\n{FOOT}"
    assert read_copy(copy).headline == HEADLINE


NOTICE = "Note: to use all the features of our pages, we recommend that you turn on JavaScript."
DECK = (
    "Fishermen say the night crossings will leave them fighting for quay space when they land "
    "their catch, and want the board to think again."
)
PICTURED = (
    "Picture: Jane Doe / Agency\n\nFishing boats moored three deep along the inner basin of the "
    "harbour on Monday evening.\n\n05.03.2024, 09:15\nPicture\n >\n"
)


@pytest.mark.parametrize(
    ("above", "signed"),
    [
        (f"{NOTICE}\n\n{PICTURED}{HEADLINE}\n{HEADLINE}\n\n{DECK}\n\n", "By\nTom Green"),
        (
            "SPONSORED\nContent written by members of the Courier Business Circle, a network of "
            "local firms that share their insights with our readers.\nWhat's this?\nSPONSORED\n"
            f"{HEADLINE}\n{DECK}\n\n",
            "BY TOM GREEN\n\nMARCH 5, 2024",
        ),
    ],
)
def test_a_notice_opening_the_stretch_leaves_the_headline_under_it(above: str, signed: str) -> None:
    """The best stretch may open above the headline, with the page's paragraphs the story does
    not hold (a "turn on JavaScript" notice, a sponsor's note, the lead picture's caption): the
    title line within its first lines whose byline stands under it (past the line printed
    again and the deck) is the headline, and the story opens below it."""
    copy = f"{MENU}\n{above}{signed}\n\n{story()}\n\n{FOOT}"
    article = read_copy(copy)
    assert article.headline == HEADLINE
    assert article.paragraphs[0] == STORY[0]
    assert NOTICE not in article.paragraphs


def test_a_picture_credit_over_its_caption_and_date_is_no_headline() -> None:
    """Under the notice opening the stretch, a picture's credit line over its caption and the
    date is a title line over a header line, not one its byline signs: the headline above the
    stretch stays."""
    copy = f"{MENU}\n{HEADLINE}\n\n{NOTICE}\n\n{PICTURED}\n{story()}\n\nTom Green\n\n{FOOT}"
    assert read_copy(copy).headline == HEADLINE


@pytest.mark.parametrize(
    "signed",
    [
        "Tram fares to rise again in the spring as the council cuts its grant\nBy Ann Lee",
        "What the skippers who fish out of the port make of the plan\nBy Ann Lee",
    ],
)
def test_a_signed_title_in_the_storys_first_lines_leaves_the_headline_above(signed: str) -> None:
    """A title line signed by a byline in the story's first lines (a teaser of another story, a
    guest's signed box on this one) does not make the stretch open above a headline: the headline
    above stands right over the story's first paragraph, and heads it."""
    copy = f"{MENU}\n{HEADLINE}\n\n{STORY[0]}\n\n{signed}\n\n{STORY[1]}\n\n{STORY[2]}\n\n{FOOT}"
    article = read_copy(copy)
    assert article.headline == HEADLINE
    assert article.paragraphs[0] == STORY[0]


PAGED = {
    "en": (
        "Next page",
        "March 9, 2024, 11:30",
        "Skippers angry as late sailings win the vote",
        "The harbour board turned a new page for the town's ferries on Tuesday: the next crossing "
        "at night will leave the quay at ten, and the page of the spring timetable is printed.",
    ),
    "de": (
        "Nächste Seite",
        "09.03.2024, 11:30",
        "Hafenrat schlägt eine neue Seite für die Nachtfähren auf",
        "Der Hafenrat hat am Dienstag eine neue Seite für die Fähren der Stadt aufgeschlagen: Die "
        "nächste Überfahrt in der Nacht legt um zehn Uhr ab, die Seite mit dem Fahrplan ist "
        "gedruckt.",
    ),
    "ru": (
        "Следующая страница",
        "09.03.2024, 11:30",
        "Совет порта открывает новую страницу для ночных паромов",
        "Совет порта во вторник открыл новую страницу для городских паромов: следующая ночная "
        "переправа уйдет от причала в десять часов, а страница с расписанием уже напечатана.",
    ),
}


@pytest.mark.parametrize("language", sorted(PAGED))
def test_a_pager_over_the_date_is_no_headline(language: str) -> None:
    """A pager's "Next page" over the story's date shares its words with a story that speaks of
    a page and of what comes next, and the date under it would count for it as a headline's
    header line: it is a line of the page, never a title, and the date under it stays the
    story's (no teaser's title stands over it)."""
    pager, dated, headline, opening = PAGED[language]
    copy = (
        f"Skip to main content\nNews\nSport\nWeather\nSign in\n{pager}\n{dated}\n{headline}\n"
        f"{opening}\n{STORY[1]}\n{STORY[2]}\n{FOOT}"
    )
    article = read_copy(copy)
    assert article.headline == headline
    assert article.published == date(2024, 3, 9)


@pytest.mark.parametrize("title", ["Next page of the harbour's story", "Nächste Seite im Streit"])
def test_a_title_opening_with_a_pagers_words_stays_the_headline(title: str) -> None:
    """Only a pager's whole line is one: a headline may open with its words."""
    copy = f"{MENU}\n{title}\n\nBy Tom Green\n\n{story()}\n\n{FOOT}"
    assert read_copy(copy).headline == title


DATED_TOP = (
    "Skip to main content\nNews\nSport\nWeather\nSign in\n"
    "Trending Ferry timetable Tram fares Harbour festival Quay works Council budget Beach huts\n"
)
DATED_KICKERS = {
    "en": ("World\nMarch 9, 2024, 11:30\n", "Night ferries", HEADLINE, story()),
    "de": (
        "Welt\n09.03.2024, 11:30 Uhr\n",
        "Streit am Hafen",
        "Nachtfähren dürfen künftig am Fischkai des Hafens anlegen",
        "Der Hafenrat hat am Dienstag beschlossen, dass Fähren nachts anlegen dürfen. Die Fischer "
        "fürchten, dass ihnen dann ein Drittel der Liegeplätze fehlt, wenn sie ihren Fang an Land "
        "bringen.\n\n„Niemand hat uns gefragt“, sagt ein Kapitän, der seit dreißig Jahren vom "
        "Hafen aus fischt. Der Rat sagt, die Nachtfähren entlasten den Nachmittag.\n\nIm Oktober "
        "stellen die Reedereien ihren Fahrplan im Rathaus vor.",
    ),
    "fr": (
        "Monde\nPublié le 9 mars 2024 à 11h30\n",
        "Colère au port",
        "Les ferries de nuit pourront accoster au quai des pêcheurs",
        "Le conseil du port a voté mardi pour laisser les ferries accoster la nuit, un changement "
        "qui, selon les pêcheurs, les obligera à se battre pour une place à quai.\n\n« Personne "
        "ne nous a demandé », dit un patron qui pêche depuis trente ans dans le port. Le conseil "
        "dit que les traversées de nuit allégeront l'après-midi.\n\nUne réunion publique est "
        "prévue en octobre à la mairie, où les compagnies présenteront leurs horaires.",
    ),
}


@pytest.mark.parametrize("language", sorted(DATED_KICKERS))
def test_a_kicker_in_sentence_case_under_the_date_row_leaves_the_headline_under_it(
    language: str,
) -> None:
    """The date row over a kicker in sentence case and the headline (a common header block): the
    short line right under the date row is no headline over a deck for that, as nothing in the
    two lines tells a kicker over a headline from a short headline over its deck; the date row
    over the kicker dates the story."""
    row, kicker, headline, text = DATED_KICKERS[language]
    article = read_copy(f"{DATED_TOP}{row}{kicker}\n{headline}\n\n{text}\n\n{FOOT}")
    assert (article.headline, article.published) == (headline, date(2024, 3, 9))


@pytest.mark.parametrize(
    "between",
    [
        "FIGHT FOR THE QUAY\n",  # in capitals: a kicker
        "Harbour | Ferries\n",  # a separator: a kicker
        "Opinion\n",  # one word: a label
        "Fight for the quay\n\n",  # its headline signed by the byline under it
    ],
)
def test_a_kicker_under_the_date_row_leaves_the_headline_under_it(between: str) -> None:
    """Under the date row, a short line that shows itself a kicker, or one over a headline its
    labelled byline signs, leaves the longer line the headline."""
    headline = DATED_KICKERS["en"][2]
    signed = "\n\nBy Tom Green" if between.endswith("\n\n") else ""
    copy = f"{DATED_TOP}World\nMarch 9, 2024, 11:30\n{between}{headline}{signed}\n\n{story()}"
    article = read_copy(f"{copy}\n\n{FOOT}")
    assert (article.headline, article.subheadline) == (headline, None)


RUN_IN = {
    "en": ("Harbour row", "Night ferries may berth at the fish quay", "March 9, 2024 11:30 am"),
    "de": ("Streit am Hafen", "Nachtfähren dürfen am Fischkai anlegen", "09.03.2024, 11:30 Uhr"),
}


def run_in_copy(top: str, kicker: str, title: str, dated: str) -> str:
    return (
        f"Main navigation\nContent\nFooter\nHome\nNews\n{top}\nSearch\n* News\n* Sport\n"
        f"* Weather\n\n{kicker} {title}\n\n{dated}\n\nBy Tom Green\n\n{story()}\n\n{FOOT}"
    )


@pytest.mark.parametrize("language", sorted(RUN_IN))
def test_a_kicker_run_into_the_headline_takes_the_colon_the_page_prints(language: str) -> None:
    """The headline line runs its kicker into the title (a kicker styled apart, copied with a
    space); the page's top prints the two with a colon between: the headline is read so, as the
    page's own title sets the kicker off."""
    kicker, title, dated = RUN_IN[language]
    copy = run_in_copy(f"{kicker}: {title}", kicker, title, dated)
    assert read_copy(copy).headline == f"{kicker}: {title}"


@pytest.mark.parametrize(
    "top",
    [
        "Harbour row",  # no title printed with a colon
        "Harbour row Night ferries may berth: at the fish quay",  # no kicker's few words
        "Ferries: Night ferries may berth at the fish quay",  # another kicker's words
    ],
)
def test_a_headline_with_no_colon_printed_for_it_stays_as_it_stands(top: str) -> None:
    """Without the page printing the same words with a colon after a kicker's few words, the
    headline's first words are no kicker: it stays as it stands."""
    kicker, title, dated = RUN_IN["en"]
    assert read_copy(run_in_copy(top, kicker, title, dated)).headline == f"{kicker} {title}"


BOXED_OPENING = {
    "en": (
        FIRE_TOP,
        "Fire at the depot",
        "Empty classrooms as families wait out the smoke in the valley",
        "Parents kept their children at home on Monday. The care homes shut their windows.",
        "Listen  In brief\nThe story in short\nThe fire at the depot closed the schools.\n"
        "Parents could choose to keep their children at home.\n",
        FIRE_STORY,
    ),
    "de": (
        "Westtaler Kurier\nAbo E-Paper Shop Jobs\n Menü  Suche\nRegion Sport Wetter\n",
        "Brand im Depot",
        "Leere Klassenzimmer, weil Familien den Rauch im Tal abwarten",
        "Viele Eltern ließen ihre Kinder am Montag zu Hause. Die Pflegeheime hielten die "
        "Fenster geschlossen.",
        "Anhören  In Kürze\nDer Artikel kurz gefasst\nDer Brand im Depot schloss die Schulen.\n"
        "Die Eltern konnten ihre Kinder zu Hause lassen.\n",
        "Nur ein Drittel der Kinder kam nach dem Brand im Depot am Montag in die Schule, weil "
        "die Eltern sie zu Hause ließen, während der Rauch über dem Tal hing.\n\n"
        "Die Schulen hatten einen verkürzten Stundenplan, die Pflegeheime hielten die Fenster "
        "den ganzen Tag geschlossen. Das Depot meldete den Brand am Sonntagabend als gelöscht.\n\n"
        "Ein dritter Absatz sagt, was die Feuerwehr im Depot fand und wann die Schulen wieder "
        "ganz öffnen.\n",
    ),
}


@pytest.mark.parametrize("language", sorted(BOXED_OPENING))
def test_a_kicker_ending_the_menu_over_a_boxed_opening_gives_way_to_the_title(
    language: str,
) -> None:
    """The header block runs together (kicker, headline, standfirst, a summary box), as a
    browser copies blocks that are no paragraphs, while the story below sets its paragraphs
    apart: the story's spacing, not its boxed opening's, tells that the short line ending the
    menu's run is a kicker, and the title under it the headline."""
    top, kicker, headline, standfirst, box, text = BOXED_OPENING[language]
    copy = f"{top}{kicker}\n{headline}\n{standfirst}\n{box}{text}\n{FOOT}"
    assert read_copy(copy).headline == headline


def test_a_short_headline_over_a_boxed_opening_of_an_unspaced_story_stays() -> None:
    """The same page with no blank line anywhere: nothing tells a kicker from a short headline
    over its deck, and the short line stays the headline."""
    top, kicker, headline, standfirst, box, text = BOXED_OPENING["en"]
    copy = f"{top}{kicker}\n{headline}\n{standfirst}\n{box}{text.replace(chr(10) * 2, chr(10))}"
    assert read_copy(f"{copy}{FOOT}").headline == kicker


def test_a_blog_posts_categories_under_its_headline_are_no_deck() -> None:
    """A blog theme prints the post's categories (spaced commas, a comment link run in) between
    its title and date: a list of labels, no deck, however title-shaped its words."""
    title = "Will the night ferries push the fishermen off their quay?"
    copy = (
        f"{MENU}\n{title}\n\nHarbour , Ferries , Fishing Add comments\nApr 04 2013\n\n"
        f"{story()}\n\n{FOOT}"
    )
    article = read_copy(copy)
    assert article.headline == title
    assert article.subheadline is None
    assert article.paragraphs[:3] == STORY


def test_a_dialogues_quoted_line_under_the_headline_opens_the_story() -> None:
    """A line in guillemets holding a speaker's sentences ("«Tom, listen! Do you know ...?»")
    is a dialogue's first line, the story's opening, not a deck under the headline (a line
    ending with its closing guillemet may be a title: "«The quay is ours»")."""
    dialogue = (
        "«Tom, listen! Do you know where the night ferry leaves from?»\nSure, I think so. Why?"
    )
    article = read_copy(f"{MENU}\n{HEADLINE}\n\n{dialogue}\n\n{story()}\n\n{FOOT}")
    assert article.headline == HEADLINE
    assert article.subheadline is None
    assert article.paragraphs[0] == dialogue.partition("\n")[0]


def test_an_abbreviations_stop_inside_a_long_headline_ends_no_sentence() -> None:
    """ "U.S." or "Dr." inside a headline as long as prose ends no sentence: the headline is one
    sentence, not two sentences of a deck, and beats the deck under its date line."""
    headline = (
        "Harbour board hands the night crossings to a U.S. ferry firm after six hours of argument"
        " over the fish quay and the fishermen who land their catch there at dawn"
    )
    copy = (
        f"{MENU}\n{headline}\n\nUpdated: 05.03.2024 17:23\n\n{TWO_SENTENCES}\n\nBy Tom Green\n\n"
        f"{story()}\n\n{FOOT}"
    )
    assert read_copy(copy).headline == headline


@pytest.mark.parametrize(
    ("line", "full_stop"),
    [
        ("Harbour board names Dr. Jane Doe to run the night ferries", False),
        ("U.S. ferry firm wins the night crossings", False),
        ("The board met on Tuesday. Why did the fishermen come?", True),
        ("Ferry closes! What now?", False),
    ],
)
def test_a_full_stop_inside_a_line_is_no_abbreviations(line: str, full_stop: bool) -> None:
    assert webcopy._inner_full_stop(line) is full_stop


@pytest.mark.parametrize("gap", ["\n", "\nAdvertisement\n\n"])
def test_one_break_in_an_unspaced_story_sets_nothing_apart(gap: str) -> None:
    """The same page run together but for one break in its story (a blank line, an
    advertisement set apart): the paragraphs after it still run together, so the story does not
    set its paragraphs apart, and the short line stays the headline."""
    top, kicker, headline, standfirst, box, text = BOXED_OPENING["en"]
    run_together = text.replace("\n\n", "\n")
    third = run_together.index("A third paragraph")
    broken = f"{run_together[:third]}{gap}{run_together[third:]}"
    more = "".join(f"{sentence}\n" for sentence in STORY)  # (the story goes on, run together)
    copy = f"{top}{kicker}\n{headline}\n{standfirst}\n{box}{broken}{more}{FOOT}"
    assert read_copy(copy).headline == kicker


def test_a_quote_of_two_sentences_in_guillemets_stays_the_headline() -> None:
    """A headline quoting a speaker in guillemets may hold two sentences ("«The quay is ours. The
    ferries are not»"): only a quote that ends with its sentence's stop before the closing
    guillemet is a dialogue's line."""
    headline = "«The quay is ours. The night ferries are not»"
    article = read_copy(f"{MENU}\n{headline}\n\nBy Tom Green\nMarch 5, 2024\n\n{story()}\n\n{FOOT}")
    assert article.headline == headline


def test_a_deck_of_phrases_in_sentence_case_is_no_list_of_labels() -> None:
    """A deck may be a few short phrases after commas ("Fewer ferries, longer queues, angry
    commuters"): one sentence's words, lower case after its first, not a post's categories."""
    deck = "Fewer ferries, longer queues, angry commuters"
    for gap in ("", "\n"):
        copy = (
            f"{MENU}\n{HEADLINE}\n{gap}{deck}\n\nBy Tom Green\nMarch 5, 2024\n\n{story()}\n\n{FOOT}"
        )
        article = read_copy(copy)
        assert article.headline == HEADLINE
        assert article.subheadline == deck


def test_a_quoted_question_to_a_doctor_is_a_title_not_a_dialogues_line() -> None:
    """ "Dr." inside a line in guillemets ends no sentence: a quoted question to a doctor is one
    sentence, title-shaped as a quote ("«The quay is ours»") is, not a speaker's sentences."""
    quoted = "«Dr. Roe, will the night ferries be safe?»"
    assert webcopy._titled(quoted, False, True, len(quoted), len(quoted.split()))
    dialogue = "«Tom, listen! Do you know where the night ferry leaves from?»"
    assert not webcopy._titled(dialogue, False, True, len(dialogue), len(dialogue.split()))


def test_a_kicker_is_set_off_only_as_the_page_prints_its_title_above_the_headline() -> None:
    """A headline line that runs its kicker into its title ("Harbour row Night ferries may
    berth") takes the colon the page's title over it prints ("Harbour row: Night ..."); the same
    words with a colon further down (a teaser's title, a line of the story) tell nothing of it."""
    kicker, title = "Harbour row", "Night ferries may berth at the quay"
    ran_on, set_off = f"{kicker} {title}", f"{kicker}: {title}"
    above = f"{MENU}\n{set_off}\n\n{ran_on}\n\n{story()}\n\nTom Green\n\n{FOOT}"
    assert read_copy(above).headline == set_off
    teaser = f"More on this story\n\n{set_off}\nThe board meets again on Friday.\n\n"
    below = f"{MENU}\n{ran_on}\n\n{story()}\n\nTom Green\n\n{teaser}{FOOT}"
    assert read_copy(below).headline == ran_on
