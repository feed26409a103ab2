"""Which lines of a web copy are the article's body: lists, share bars and teasers around a story.
The pages are written for these tests, laid out as select-all and paste gives them (a browser's
copy drops list markers and runs a block's lines together with no blank line between)."""

from __future__ import annotations

import pytest

from articlekit.model import Figure, List
from articlekit.prose import furniture, webcopy
from test_webcopy_headers import BODY, FOOT, SHARE, TOP, page, read_page

STORY = [
    *BODY["en"],
    "Ferry operators said the night service would need six more crews, and the council agreed"
    " to pay for them from the transport budget for at least two years.",
    "Residents near the quay asked for quieter engines, and the board promised to test two"
    " electric boats on the night crossings before the end of the year.",
    "The night crossings would start in May with two boats an hour, rising to four in the summer"
    " months if the trial draws as many passengers as the board expects it to.",
]
TIMETABLE = [
    "Monday to Thursday: two crossings an hour from the north quay",
    "Friday and Saturday: four crossings an hour until two in the morning",
    "Sunday: one crossing an hour, the last at midnight from the south quay",
    "Public holidays: the Sunday timetable, with an extra boat in summer",
]

LONG_STORY = [
    *STORY,
    "The board's chairman said the night ferries would bring visitors to the harbour's"
    " restaurants and bars, which close early in winter because the last boat leaves at seven.",
    "Fishermen said they would take their case to the county council if the board did not set"
    " aside a berth for the fleet, and asked for a meeting before the first crossing.",
    "A survey by the board found that two in three residents near the quay backed the night"
    " crossings, though many asked for limits on engine noise after midnight.",
    "The board will publish the timetable for the first month of night crossings in April,"
    " after talks with the ferry operators and the harbour master.",
]
"""A story long enough that a box or updates under it are less than a quarter of it."""


def english_page(story: list[str], after: str) -> str:
    """A page: chrome, headline, byline, the story's paragraphs, then ``after``."""
    return (
        f"{TOP['en']}\nHarbour Board Backs Night Ferries\n\nBy Jane Doe\n\n"
        + "\n\n".join(story)
        + after
    )


def test_a_list_a_sentence_opens_with_a_colon_ends_the_story() -> None:
    """Items of a list under the story's last sentence ("... the crossings are these:"), one a
    line without their markers, are the story's, not title lines that end it above them."""
    opening = "The night timetable for the first weeks of the trial is as follows:"
    listed = "\n".join(TIMETABLE)
    copy = english_page([*STORY, opening], f"\n{listed}\n\n{SHARE['en']}\n{FOOT['en']}")
    article, _ = read_page(copy.encode())
    assert "\n".join(article.paragraphs).split("\n") == [*STORY, opening, *TIMETABLE]


def test_a_box_of_titles_under_its_own_colon_heading_stays_out() -> None:
    """Titles under a box's heading with a colon ("Latest posts:"), after the share buttons, are
    teasers, not a list of the story's: no sentence of the story stands above the colon."""
    box = "Latest posts:\n" + "\n".join(
        [
            "Tram fares in the valley rise again for the third time this year",
            "A new depot opens at the end of the line with room for forty trams",
            "The summer festival returns to the old harbour with three stages",
        ]
    )
    copy = english_page(STORY, f"\n\n{SHARE['en']}\n{box}\n\n{FOOT['en']}")
    article, _ = read_page(copy.encode())
    assert article.paragraphs == STORY
    assert "Latest posts:" in article.extras["text:removed_lines"]  # type: ignore[operator]


def test_an_address_under_a_colon_is_no_list() -> None:
    """A line or two under "Office:" (an address in the footer) make no list to weigh as the
    story's."""
    address = "Our office:\n12 Harbour Road, Westcliff on the coast\nOpen daily"
    copy = english_page(STORY, f"\n\n{SHARE['en']}\n{address}\n\n{FOOT['en']}")
    article, _ = read_page(copy.encode())
    assert article.paragraphs == STORY


MORE = [
    "The fishermen said they would ask the county to look at the board's vote again, and that"
    " they would keep landing their catch on the quay at night until it did.",
    "A spokesman for the harbour board said the quay had room for both fleets if the night"
    " ferries kept to the outer berths, and that the harbour master would draw up a plan.",
    "The harbour master will publish the berthing plan for the ferries and the fishing boats in"
    " April, the board said, after talks with the ferry operators and the fishermen.",
    "Traders on the harbour front welcomed the night ferries and said late passengers would"
    " keep the cafés and the fish market on the quay busy through the night.",
]
BAR = "Share this article\nCopied!\nNewsletter\nThe harbour news in your inbox every week\n"


def test_a_share_bar_under_the_opening_paragraphs_does_not_end_the_story() -> None:
    """A magazine prints a share bar and a newsletter prompt under the story's first paragraphs;
    the story goes on below it, paragraph after paragraph, about the same things. The bar is
    left out, the story kept whole."""
    copy = english_page(STORY, f"\n\n{BAR}\n" + "\n\n".join(MORE) + f"\n\n{FOOT['en']}")
    article, _ = read_page(copy.encode())
    assert article.paragraphs == [*STORY, *MORE]
    removed = article.extras["text:removed_lines"]
    assert "Share this article" in removed  # type: ignore[operator]
    assert "Copied!" in removed  # type: ignore[operator]


def test_a_share_bar_over_a_comment_thread_still_ends_the_story() -> None:
    """Under a share bar at the story's end, comments about the story (a name and a date over
    each) speak of the same things, but no run of paragraphs shows the story going on."""
    thread = "".join(
        f"{name} says:\nMarch 3, 2024 at {hour}:15 pm\n\n{comment}\n\n"
        for name, hour, comment in zip(
            ["harbourfan", "skipper62", "quaywatch", "netmender"], [1, 2, 3, 4], MORE, strict=True
        )
    )
    copy = english_page(STORY, f"\n\n{BAR}\n{thread}{FOOT['en']}")
    article, _ = read_page(copy.encode())
    assert article.paragraphs == STORY


def test_a_gallerys_counter_is_no_line_of_the_story() -> None:
    """A gallery's counter ("Image 1 of 8", or "Image 1 of / 8" as a browser copies it) between
    the story's paragraphs is left out like any picture label, and reported."""
    gallery = "Image 1 of / 8\n\nImage 1 of 8"
    copy = english_page([*STORY[:2], gallery, *STORY[2:]], f"\n\n{FOOT['en']}")
    article, _ = read_page(copy.encode())
    assert article.paragraphs == STORY
    removed = article.extras["text:removed_lines"]
    assert "Image 1 of 8" in removed  # type: ignore[operator]
    assert "Image 1 of / 8" in removed  # type: ignore[operator]


EVENTS = [
    ("Lantern walk along the old sea wall", "Friday, May 10, 8pm",
     "Guides lead walkers from the lighthouse to the fish market, telling the harbour's ghost"
     " stories on the way; bring a torch."),
    ("Boat builders' open day", "Saturday, May 11, 10am",
     "The yard on the north quay shows visitors how a wooden skiff is steamed, bent and"
     " caulked, with a raffle for a model boat."),
    ("Choir concert in the net loft", "Saturday, May 11, 7pm",
     "Three village choirs sing sea shanties and hymns in the old net loft, with soup and bread"
     " served in the interval."),
    ("Low-tide beach clean", "Sunday, May 12, 9am",
     "Volunteers meet at the slipway with gloves and sacks; the harbour board lends litter"
     " pickers to anyone who asks."),
]  # fmt: skip


def dated_entries(entries: list[tuple[str, str, str]]) -> str:
    """Entries as a browser copies them: a title, a date line, a summary."""
    return "".join(f"{title}\n{dated}\n\n{summary}\n\n" for title, dated, summary in entries)


def test_a_story_that_lists_dated_events_keeps_every_event() -> None:
    """A weekend guide: a few paragraphs of introduction, then the events it recommends, each a
    title, a day and time, a summary. The dated entries are the story itself, not other
    stories' teasers: every one stays in the body."""
    copy = english_page(STORY, "\n\n" + dated_entries(EVENTS) + FOOT["en"])
    article, _ = read_page(copy.encode())
    assert all(summary in article.paragraphs for _, _, summary in EVENTS)
    assert EVENTS[-1][2] not in (article.extras.get("text:removed_lines") or [])


def test_a_story_closing_with_a_timeline_keeps_it() -> None:
    """A story that ends on "How it unfolded:" and its dated steps keeps the steps."""
    steps = [
        ("The board asks for a night service", "June 2, 2023",
         "Ferry operators are invited to say what a night crossing would cost and how many crews"
         " they would need."),
        ("Residents object to the noise", "September 14, 2023",
         "A petition signed by four hundred people on the harbour front asks for quieter"
         " engines before any trial."),
        ("The council finds the money", "January 9, 2024",
         "Councillors agree to pay for six crews from the transport budget for two years."),
    ]  # fmt: skip
    copy = english_page([*STORY, "How it unfolded:"], "\n\n" + dated_entries(steps) + FOOT["en"])
    article, _ = read_page(copy.encode())
    assert all(summary in article.paragraphs for _, _, summary in steps)


def test_the_closing_lines_of_a_story_above_dated_teasers_stay() -> None:
    """A story ending on a list of short times and an agency's credit, with dated teasers of
    other stories below: the times and the credit are the story's closing lines and stay."""
    times = ["5:50 a.m.", "1:10 p.m.", "10:30 p.m."]
    credit = "(Reporting by Ana Lind in Westcliff; Editing by Piet Kral)"
    closing = "The first night boats leave the north quay at:\n" + "\n".join(times)
    copy = english_page([*STORY, closing, credit], "\n\n" + dated_entries(EVENTS) + FOOT["en"])
    article, _ = read_page(copy.encode())
    lines = "\n".join(article.paragraphs).split("\n")
    assert all(time in lines for time in times)
    assert credit in lines


def test_a_teaser_box_under_a_colon_heading_after_the_story_stays_out() -> None:
    """The story's last paragraph runs straight into a box of other stories' titles under a
    heading with a colon (no blank line anywhere, as some copies come): prose stands above the
    colon, but the titles read as headlines (no figure, no label, no stop) and the story does not
    go on under them, so they are not a list of the story's."""
    titles = [
        "Lighthouse keepers' cottages to become a museum next spring",
        "Fishing fleet asks the county for a bigger share of the quay",
        "Coastal path reopens after the winter's landslides are cleared",
    ]
    body = "\n".join([*STORY, "Also worth reading from the coast:", *titles])
    copy = english_page([body], f"\n\n{FOOT['en']}")
    article, _ = read_page(copy.encode())
    assert article.paragraphs[: len(STORY)] == STORY
    assert not set(titles) & set("\n".join(article.paragraphs).split("\n"))
    assert titles[0] in article.extras["text:removed_lines"]  # type: ignore[operator]


def test_lines_ending_in_colons_are_each_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page whose every other line ends in a colon, all in one block: each colon's list would
    run on to the block's end (a quadratic read); a colon inside a list already read opens none,
    so the lines are looked at a bounded number of times each."""
    calls = 0
    list_item = webcopy._list_item

    def counted(page: object, position: int) -> bool:
        nonlocal calls
        calls += 1
        return list_item(page, position)  # type: ignore[arg-type]

    monkeypatch.setattr(webcopy, "_list_item", counted)
    lines = [
        f"Point {number} of the harbour board's minutes on the night ferries"
        + (":" if number % 2 else ".")
        for number in range(2000)
    ]
    copy = english_page(STORY, "\n\n" + "\n".join(lines) + "\n\n" + FOOT["en"])
    read_page(copy.encode())
    assert calls <= 3 * len(lines)


def test_a_share_bar_over_run_together_comments_ends_the_story() -> None:
    """Under a share bar at the story's end, readers' comments on its topic with no name or date
    (as a browser may copy them), run together one a line where the story's paragraphs stand
    apart: the story does not resume there; the comments are left out."""
    comments = (
        "About time the board listened, the last boat home has been far too early for years.\n"
        "I work late shifts in town and the night ferries will save me a taxi every week.\n"
        "The quay is noisy enough already, the night crossings will keep the whole front up.\n"
        "Two years of crews is fine but what happens to the night ferries after the trial?"
    )
    copy = english_page(STORY, f"\n\n{BAR}\n{comments}\n\n{FOOT['en']}")
    article, _ = read_page(copy.encode())
    assert article.paragraphs == STORY


def test_sentences_ending_in_reference_marks_are_sentences() -> None:
    """An encyclopedia's paragraphs end in reference marks ("... in 1921.[7]"): they were read
    as ending no sentence, and the story's short closing sentences left it with the furniture
    below (and every long one went through the slower test of unended prose)."""
    cited = [f"{paragraph}[{number}]" for number, paragraph in enumerate(STORY, 1)]
    closing = ["The quay opened in 1921.[7]", "It was rebuilt twice.[8][9]"]
    copy = english_page([*cited, *closing], "\n\nReferences\n\n" + FOOT["en"])
    article, _ = read_page(copy.encode())
    assert article.paragraphs[-3:] == [cited[-1], *closing]
    assert "References" in (article.extras.get("text:removed_lines") or [])


@pytest.mark.parametrize("mark", ["[edit]", "[Reply]", "[Photo]"])
def test_a_bracketed_word_after_a_stop_is_no_reference_mark(mark: str) -> None:
    """Furniture prints words in brackets after a sentence ("Thanks for reading.[Reply]"): only
    numbers, a letter or "citation needed" are reference marks that end a sentence."""
    assert not webcopy._ends_sentence(f"Thanks for reading.{mark}")
    for cited in ("[7]", "[note 1]", "[nb 2]", "[ii]", "[A]", "[better source needed]"):
        assert webcopy._ends_sentence(f"It opened in 1921.{cited}"), cited


def test_a_blogs_tail_of_post_links_teasers_and_a_disclosure_stays_out() -> None:
    """Under a blog's story: its share row run together on one line, the author's name, the
    links to the posts before and after it, a "You might like" box of teasers, popular topics,
    and the affiliate disclosure above the footer (prose, but not the story's). None of it has
    the story going on: the story ends at its last paragraph."""
    tail = (
        "\n\nHarbourWeatherFerriesCouncil\n"
        "Share Facebook Twitter Reddit StumbleUpon Pinterest Email Print\n"
        "Jane Doe\n\nPrev Post\n\nTram Fares To Rise In Spring\n\nNext Post\n\n"
        "New Depot Opens On The East Quay\n\nYou might like\n\nLocal\n\n"
        "Lighthouse Keepers Return For The Summer Season\n\nBusiness\n\n"
        "Fish Market Moves To The Old Customs House\n\n"
        "Popular Topics\n* Harbour 312\n* Ferries 118\n* Council 97\n\n"
        "Advertising Disclosure\n\nThis site takes part in affiliate programmes and earns a"
        " commission on qualifying purchases made through its links, which pays for the reporting"
        " on these pages at no cost to its readers.\n\n" + FOOT["en"]
    )
    article, _ = read_page(english_page(STORY, tail).encode())
    assert article.paragraphs == STORY
    removed = article.extras["text:removed_lines"]
    assert "Prev Post" in removed  # type: ignore[operator]
    assert "You might like" in removed  # type: ignore[operator]


def test_a_box_of_links_under_the_story_ends_it_above_unrelated_prose() -> None:
    """Under the story, a box of links no table knows (a site's sections, one a line) and then a
    paragraph about the publisher: six lines without prose, shaped like a menu, part the story
    from a little prose about other things, which is the page's, not the story's."""
    tail = (
        "\n\nHarbour\nFerries\nCouncil\nWeather\nSport\nCulture\n\n"
        "The Westcliff Courier is published by Courier Media, an independent company owned by"
        " its staff since 1998, and printed every weekday morning in the town.\n"
    )
    article, _ = read_page(english_page(STORY, tail).encode())
    assert article.paragraphs == STORY
    removed = article.extras["text:removed_lines"]
    assert any("Courier Media" in line for line in removed)  # type: ignore[union-attr]


def test_a_cjk_sentence_closed_by_a_bracketed_credit_ends_a_sentence() -> None:
    """A Chinese paragraph's last sentence is often followed by the translator's or editor's
    credit in full-width brackets, and quoted speech closes with corner brackets."""
    assert webcopy._ends_a_sentence("研究结果发表在《自然》上。（编译/林靖东）")
    assert webcopy._ends_a_sentence("他说：「明天见。」")
    assert webcopy._ends_a_sentence("研究结果发表在《自然》上。(编译/林靖东)")
    assert not webcopy._ends_a_sentence("研究结果（编译/林靖东）")


def test_a_list_the_story_opens_with_a_colon_is_no_box_of_links() -> None:
    """Six short stops under "... call at these stops:" and a closing paragraph after them are
    the story's, however little the closing paragraph shares its words with the story."""
    stops = "\n\n* North Quay\n* Harbour Gate\n* Old Customs House\n* Lighthouse Point\n"
    stops += "* Seal Bay\n* Fisher's Rest\n\n"
    story = [*STORY[:-1], STORY[-1][:-1] + ", and the boats will call at these stops:"]
    closing = (
        "Readers can comment until Friday, 12 April, at the town hall or by writing to the office"
        " at the west pier; a public meeting follows in May."
    )
    article, _ = read_page(english_page(story, stops + closing + "\n\n" + FOOT["en"]).encode())
    assert article.paragraphs[-1] == closing


def test_a_short_list_the_story_ends_with_is_kept() -> None:
    """The same stops under the story's last sentence with nothing of the story after them: the
    list is the story's, not a menu (it keeps its markers); the page's own details below it
    ("Author: ...") and a site's index of links under such a sentence are not."""
    stops = ["North Quay", "Harbour Gate", "Old Customs House", "Lighthouse Point", "Seal Bay"]
    story = [*STORY[:-1], STORY[-1][:-1] + ", and the boats will call at these stops:"]
    listed = "".join(f"* {stop}\n" for stop in stops)
    details = "* Author: Jane Doe\n* Published: 3 March 2024\n"
    after = f"\n\n{listed}{details}\n{SHARE['en']}\n{FOOT['en']}"
    article, _ = read_page(english_page(story, after).encode())
    assert article.paragraphs == story
    assert isinstance(article.body[-1], List)
    assert [item.blocks[0].text for item in article.body[-1].items] == stops  # type: ignore[attr-defined]
    index = "".join(
        f"* {stop} {kind}\n" for kind in ("ferries", "buses", "car parks") for stop in stops
    )
    after = f"\n\n{index}\n{SHARE['en']}\n{FOOT['en']}"
    article, _ = read_page(english_page(story, after).encode())
    assert article.body[-1].text == story[-1]  # type: ignore[union-attr]


def test_advertisement_labels_around_a_picture_are_no_box_of_links() -> None:
    """A picture set in the story between advertisement labels, its caption and credit: the
    story's last paragraph below them is kept."""
    block = (
        "\n\nAdvertisement\n\nContinue reading the main story\n\nImage\n\n"
        "The night ferry at the north quay, 1998\n\nCredit...Westcliff Museum\n\nAdvertisement\n\n"
    )
    closing = (
        "On Tuesday, Anna Berg, 84, who worked as a deckhand on the last steamer, watched the"
        " vote on a neighbour's phone. \u201cI will miss nothing,\u201d she said, laughing."
        " \u201cJust get me home quicker.\u201d"
    )
    article, _ = read_page(english_page(STORY, block + closing + "\n\n" + FOOT["en"]).encode())
    assert article.paragraphs[-1] == closing


def test_a_paragraph_opening_like_a_footer_stays() -> None:
    """Footer lines are whole phrases ("Powered by WordPress"); a sentence that opens with the
    same words, and a German crosshead that opens like a "most read" box, are the story's."""
    powered = "Powered by batteries, the ferries are almost silent and cost a third less to run."
    article, _ = read_page(english_page([*STORY[:2], powered, *STORY[2:]], "\n").encode())
    assert powered in article.paragraphs
    crosshead = "Die meistgelesenen Titel verlieren am stärksten"
    copy = (
        f"{TOP['de']}\nHafenrat erlaubt Fähren in der Nacht\n\nVon Erika Mustermann\n\n"
        + "\n\n".join([*BODY["de"][:2], crosshead, *BODY["de"][2:], *BODY["de"][:1]])
        + f"\n\n{FOOT['de']}"
    )
    article, _ = read_page(copy.encode())
    assert crosshead in article.extras.get("text:removed_lines", []) or any(  # type: ignore[operator]
        crosshead in (getattr(block, "text", "") or "") for block in article.body
    )


GOING_ON = [
    "Ferry crews for the night crossings will be hired before May, the harbour board said.",
    "Residents near the quay said the quieter engines would make the night service bearable.",
    "The board will report on the night crossings and their passengers after the summer.",
]
COMMENTS = [
    "Another waste of money by this council, who never listen to the people who pay for it.",
    "My grandmother remembers when the town had a cinema and a dance hall on every corner.",
    "Can somebody tell me why the parking charges went up again this spring without notice?",
]


@pytest.mark.parametrize(
    ("above", "below", "kept"),
    [(STORY[:3], GOING_ON, True), (STORY, COMMENTS, False)],
    ids=["the story going on", "comments under the story"],
)
def test_paragraphs_under_a_bar_of_share_buttons(
    above: list[str], below: list[str], kept: bool
) -> None:
    """A bar of four share buttons, one a line, weighs more than a few short paragraphs under
    it: the story goes on below it when they are paragraphs one after the other about the same
    things, and is kept whole; readers' comments under the bar that ends a story, no name over
    them, speak of other things and stay out."""
    bar = "\n\nShare\nFacebook\nTwitter\nWhatsApp\n\n"
    copy = english_page(above, bar + "\n\n".join(below) + "\n\n" + FOOT["en"])
    article, _ = read_page(copy.encode())
    assert article.paragraphs == [*above, *below] if kept else above


@pytest.mark.parametrize("heading", ["Most Popular Videos", "Trending Articles", "Related Reads"])
def test_a_box_headed_by_what_it_lists_stays_out(heading: str) -> None:
    """A box of other stories whose heading names what it lists ("Most Popular Videos",
    "Trending Articles"), under the story, its titles a list set apart by blank lines: they are
    no paragraphs of the story."""
    titles = [
        "Lighthouse Keeper Retires After Forty Winters On The Point",
        "Watch: Seals Return To The Old Ferry Slipway",
        "Fishermen And Council Clash Over New Quay Fees",
        "Inside The Boatyard Building The Island's Last Wooden Ketch",
    ]
    box = "\n\n".join([heading, *(f"* {title}" for title in titles)])
    page = english_page(STORY, f"\n\n{box}\n\n{FOOT['en']}")
    article, _ = read_page(page.encode())
    assert article.paragraphs == STORY
    assert heading in article.extras["text:removed_lines"]


TEASERS = [
    (
        "Harbour board delays vote on night ferries",
        "Wednesday November 20, 2024",
        "The harbour board said night ferries would berth at the quay through the winter, and"
        " fishermen said the crossings would leave them fighting for quay space when they land"
        " their catch.",
    ),
    (
        "Fishermen protest at the quay over ferry berths",
        "Tuesday November 19, 2024",
        "Fishermen said the board's night crossings would leave passenger ferries and their own"
        " boats fighting for quay space, and asked the harbour board for a berth of their own.",
    ),
]
"""Teasers of the site's other stories on the long story's harbour: title, date, summary."""


def long_story_then(box: list[str], topics: str = "") -> list[str]:
    """The paragraphs read of a page: the long story, its topic links, its share bar, ``box``
    (lines set apart by blank lines), the footer."""
    links = f"{topics}\n" if topics else ""
    after = f"\n\n{links}{SHARE['en']}\n" + "\n\n".join(box)
    article, _ = read_page(english_page(LONG_STORY, after + "\n\n" + FOOT["en"]).encode())
    return article.paragraphs


def test_dated_teasers_of_the_same_topic_under_the_story_stay_out() -> None:
    """Teasers of the site's other stories under the story's topic links and share bar, each
    under its own date line, speak of the same harbour as the story does: the dates tell them
    teasers, not the story going on."""
    box = [line for title, day, summary in TEASERS for line in (title, day, summary)]
    assert long_story_then(box, topics="Harbour\nFerries\nFishing\nCouncil\n") == LONG_STORY


def test_a_storys_dated_updates_under_its_share_bar_stay() -> None:
    """Updates at a story's end, each under its date and time, below the story's share bar: the
    story going on, not teasers (no title nor name stands over their dates)."""
    updates = [
        "March 4, 2024, 9:10 a.m.",
        "The harbour board said the first night crossing would leave the north quay at eleven,"
        " an hour later than planned, after a late inspection of the berth.",
        "March 5, 2024, 4:30 p.m.",
        "Fishermen said they would hold a vigil on the quay during the first crossing, and the"
        " board said it would keep a berth free for their boats through the night.",
    ]
    assert long_story_then(updates) == [*LONG_STORY, *updates]


def test_dated_teasers_with_the_date_over_the_title_stay_out() -> None:
    """Teasers of other stories under the share bar, each its date line, then its title, then
    its summary: the date over a title of the box's own tells a teaser as one under it does."""
    box = [line for title, day, summary in TEASERS for line in (day, title, summary)]
    assert long_story_then(box) == LONG_STORY


def test_a_drop_cap_copied_on_its_own_line_opens_its_paragraph_again() -> None:
    """A magazine's large first letter is a box of its own: a browser's copy sets it on a line
    above the rest of its word ("F" / "erry operators ..."); a capital that is a word by itself
    ("A" / "harbour board ...") goes before the word after it, with a space."""
    first, *rest = STORY
    page = english_page([f"{first[0]}\n{first[1:]}", *rest], f"\n\n{FOOT['en']}")
    article, _ = read_page(page.encode())
    assert article.paragraphs == STORY
    word = english_page([f"A\n{first.removeprefix('The ')}", *rest], f"\n\n{FOOT['en']}")
    assert read_page(word.encode())[0].paragraphs == ["A " + first.removeprefix("The "), *rest]


def test_teasers_whose_date_runs_into_their_place_under_a_related_heading_stay_out() -> None:
    """Under a "You might also like" heading, each teaser of another story opens with a line of
    its date run together with its place ("20.11.2024Harbourtown", as a browser copies two boxes
    with no space), then its title and summary: no story resuming after an inline box, but a
    box of teasers, left out. A box whose first lines hold no date and whose prose goes on is
    the story's inline box (its link's title kept, as before): the story goes on below it, from
    a short paragraph."""
    teasers = [
        f"{day}.11.2024{place}\n{title}\n\n{summary}"
        for (title, _, summary), day, place in zip(
            TEASERS * 2, ("20", "19", "18", "17"), ("Harbourtown", "Northquay") * 2, strict=True
        )
    ]
    after = "\n\nYou might also like\n" + "\n\n".join(teasers) + "\n\n" + FOOT["en"]
    article, _ = read_page(english_page(LONG_STORY, after).encode())
    assert article.paragraphs == LONG_STORY
    assert "20.11.2024Harbourtown" in article.extras["text:removed_lines"]
    short = "Nobody was hurt."
    inline = [*LONG_STORY[:5], "You might also like", TEASERS[0][0], short, *LONG_STORY[5:]]
    article, _ = read_page(english_page(inline, f"\n\n{FOOT['en']}").encode())
    assert article.paragraphs == [*LONG_STORY[:5], TEASERS[0][0], short, *LONG_STORY[5:]]


AUTHOR_BOX = [
    "Jane Doe",
    "Harbour reporter",
    "Jane Doe has covered the port and its ferries for the Courier since 2015, and before that"
    " the county council.",
    "Spotted a mistake in this story? Write to the corrections desk and we will look into it.",
]
"""The author's box under a story signed "By Jane Doe": her name alone, her role, her biography,
then a "report an error" box."""


def test_the_authors_box_under_the_story_is_left_out() -> None:
    """The byline's name alone under the story, over the author's role and biography and the
    boxes below them, ends the story: they are left out and reported; the story's short
    paragraph above stays."""
    short = "Nobody was hurt."
    story = [*LONG_STORY[:3], short, *LONG_STORY[3:]]
    after = "\n\n" + "\n\n".join(AUTHOR_BOX) + f"\n\n{FOOT['en']}"
    article, _ = read_page(english_page(story, after).encode())
    assert article.paragraphs == story
    assert set(AUTHOR_BOX) <= set(article.extras["text:removed_lines"])


def test_the_authors_name_over_each_answer_of_an_interview_stays() -> None:
    """The byline's name printed over each of her questions is an interview's speaker, not an
    author's box: the story goes on below it."""
    answers = [*LONG_STORY[:7], "Jane Doe", LONG_STORY[7], "Jane Doe", *LONG_STORY[8:]]
    article, _ = read_page(english_page(answers, f"\n\n{FOOT['en']}").encode())
    assert article.paragraphs == answers


@pytest.mark.parametrize(
    "days",
    [
        ("Wednesday November 20, 2024", "Tuesday November 19, 2024", "Monday November 18, 2024"),
        ("11月20日", "11月19日", "11月18日"),
    ],
)
def test_dated_teasers_under_a_short_story_stay_out(days: tuple[str, str, str]) -> None:
    """A short story (fewer words than a section needs to be cut at) under which, past a box of
    links (its keywords, a section's links), teasers of other stories stand, each its title,
    summary and date line (a Chinese or Japanese one a month and day alone): they are no more of
    the story, though they are prose. The story's own short paragraph stays."""
    short = "Nobody was hurt."
    story = [*STORY[:2], short, *STORY[2:4]]
    third = (
        "Lighthouse keeper's cottage opens to visitors",
        "",
        "The council will open the old keeper's cottage on the point to visitors at weekends from"
        " the spring, with guided walks along the cliff path.",
    )
    teasers = [
        f"{title}\n{summary}\n{day}"
        for (title, _, summary), day in zip([*TEASERS, third], days, strict=True)
    ]
    after = "\n\nKeywords\nHarbour\nFerries\nCouncil\nMore in Westcliff\nAll stories\n\n"
    article, _ = read_page(
        english_page(story, after + "\n\n".join(teasers) + f"\n\n{FOOT['en']}").encode()
    )
    assert article.paragraphs == story


def test_a_threads_later_posts_past_a_box_of_links_stay() -> None:
    """A forum thread (or a calendar) is dated entries itself, each post under its poster's name
    and date: the dated posts past a box of links go on with it, no other stories' teasers."""
    names = ["harbourfan", "quaywatcher", "nightowl", "skipper42", "ferrygirl"]
    days = [f"16.10.19 {time}" for time in ("08:49", "09:12", "09:40", "10:05", "10:27")]
    posts = [
        f"{name} {day}\n{text}\n0" for name, day, text in zip(names, days, STORY[:5], strict=True)
    ]
    after = "\n\nKeywords\nHarbour\nFerries\nCouncil\nMore in Westcliff\nAll stories\n\n"
    copy = english_page(posts[:3], after + "\n\n".join(posts[3:]) + f"\n\n{FOOT['en']}")
    article, _ = read_page(copy.encode())
    assert set(STORY[:5]) <= set(article.paragraphs)


def test_a_notice_the_page_prints_between_paragraphs_again_and_again_is_left_out() -> None:
    """The text of a box set between the story's paragraphs time after time (an advertisement's
    slot that did not load, a blocked embed) is no paragraph, however much it reads as one; a
    line printed twice stays (a crosshead in the story's own table of contents)."""
    slot = "The sponsor's panel has not loaded yet, but the story goes on right below it."
    story = [STORY[0], slot, STORY[1], slot, STORY[2], slot, *STORY[3:]]
    copy = english_page(story, f"\n\n{SHARE['en']}\n{FOOT['en']}")
    article, _ = read_page(copy.encode())
    assert article.paragraphs == STORY
    twice = [STORY[0], slot, *STORY[1:3], slot, *STORY[3:]]
    article, _ = read_page(english_page(twice, f"\n\n{SHARE['en']}\n{FOOT['en']}").encode())
    assert article.paragraphs == twice


def test_a_long_placeholder_the_page_prints_again_and_again_is_left_out() -> None:
    """A blocked embed's placeholder runs longer than a menu's line (those the page's repeats
    are counted for): printed between the story's paragraphs three times, it is a box's text
    all the same, and is reported among the removed lines. A short paragraph of the story and a
    long one printed twice (its pull quote) stay."""
    placeholder = (
        "Your privacy settings block the loading of all external content on this page (charts,"
        " maps, video players, social posts). Change your settings to see them here."
    )
    short = "Nobody was hurt."
    quote = STORY[1]
    story = [STORY[0], placeholder, short, STORY[1], placeholder, STORY[2], placeholder]
    story += [*STORY[3:], quote]
    copy = english_page(story, f"\n\n{SHARE['en']}\n{FOOT['en']}")
    article, _ = read_page(copy.encode())
    assert article.paragraphs == [STORY[0], short, *STORY[1:], quote]
    assert placeholder in article.extras["text:removed_lines"]


def test_a_page_of_one_long_paragraph_printed_again_and_again_keeps_it() -> None:
    """A template's filler text, one long paragraph printed as every paragraph of the page, is
    no box between the story's paragraphs: there are no others."""
    filler = STORY[0] + " " + STORY[1]
    article, _ = read_page(english_page([filler] * 4, f"\n\n{FOOT['en']}").encode())
    assert article.paragraphs == [filler] * 4


def test_a_label_the_page_prints_between_paragraphs_again_and_again_is_left_out() -> None:
    """A box's label of a few words set between the story's paragraphs time after time (a
    blocked embed's "External content not available", an advertisement's slot) is no paragraph:
    left out and reported. The story's short paragraph stays, and a label printed twice."""
    label = "External content not available"
    twice = "Harbour board papers"
    short = "Nobody was hurt."
    story = [STORY[0], label, short, STORY[1], label, twice, STORY[2], label, twice, *STORY[3:]]
    article, _ = read_page(english_page(story, f"\n\n{SHARE['en']}\n{FOOT['en']}").encode())
    assert article.paragraphs == [STORY[0], short, STORY[1], twice, STORY[2], twice, *STORY[3:]]
    assert article.extras["text:removed_lines"].count(label) == 3


@pytest.mark.parametrize(
    "repeated",
    [
        "HARBOUR MASTER:",  # (a speaker's label over each answer)
        "Jane Roe",  # (an interview's speaker, no colon)
        "Photo by Jane Roe",  # (a picture's credit, kept as one)
        "Yes",  # (a table's cell)
        "—Jane Roe, age 8",  # (a quote's attribution, under each joke she told)
        "– Jane Roe, age 8",  # (... after an en dash, as German and French print it)
        "- Jane Roe (@janeroe)",  # (... after a hyphen)
        "(Emphasis added by the author)",  # (an editor's note under each quote)
    ],
)
def test_labels_of_the_story_printed_again_and_again_stay(repeated: str) -> None:
    """What a story itself prints three times in short lines stays: a speaker's label ending
    with a colon or a name alone, a picture's credit, a lone word (a table's cell), a quote's
    attribution after a dash, an editor's note in brackets."""
    story = [STORY[0], repeated, STORY[1], repeated, STORY[2], repeated, *STORY[3:]]
    article, _ = read_page(english_page(story, f"\n\n{SHARE['en']}\n{FOOT['en']}").encode())
    assert repeated not in article.extras["text:removed_lines"]


def test_an_advertisements_label_in_brackets_printed_again_and_again_is_left_out() -> None:
    """Brackets make no editor's note of a box's label whose words are furniture ("(Article
    continues below)" at each advertisement's slot): left out as the label without them is."""
    label = "(Article continues below)"
    story = [STORY[0], label, STORY[1], label, STORY[2], label, *STORY[3:]]
    article, _ = read_page(english_page(story, f"\n\n{SHARE['en']}\n{FOOT['en']}").encode())
    assert label not in article.paragraphs
    assert article.extras["text:removed_lines"].count(label) == 3


def test_crossheads_its_table_of_contents_lists_again_stay() -> None:
    """A guide prints its crossheads as lines of their own and again as the items of its table
    of contents, over the story and under it: a crosshead so printed three times is no box's
    label, nor are the contents' items."""
    heads = ["Night crossings", "Fares and tickets"]
    contents = "\n".join(f"* {head}" for head in ["Overview", *heads])
    story = [contents, STORY[0], heads[0], STORY[1], STORY[2], heads[1], *STORY[3:], contents]
    article, _ = read_page(english_page(story, f"\n\n{SHARE['en']}\n{FOOT['en']}").encode())
    assert not set(heads) & set(article.extras.get("text:removed_lines", []))
    assert heads[0] in article.paragraphs and heads[1] in article.paragraphs


def test_a_program_output_line_printed_again_and_again_stays() -> None:
    """A tutorial prints its program's output after each run: in a story that holds code, a
    short line printed three times is the story's, not a box's label."""
    output = "updating the ferry timetable"
    run = "\n".join(["def crossings(board):", "    return board.timetable(night=True)", output])
    story = [STORY[0], run, STORY[1], run, STORY[2], run, *STORY[3:]]
    article, _ = read_page(english_page(story, f"\n\n{SHARE['en']}\n{FOOT['en']}").encode())
    assert output not in article.extras["text:removed_lines"]


@pytest.mark.parametrize(
    "consent",
    [
        "By signing up, you agree to receive the Harbour Bulletin and accept our privacy policy.",
        "By providing your email address, you agree to our terms and privacy policy.",
        "I agree to receive newsletters from the Westcliff Courier.",
        "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms apply.",
        "Mit meiner Anmeldung zum Newsletter stimme ich der Werbevereinbarung zu.",
        "Ich akzeptiere die AGB und nehme den Datenschutzhinweis des Verlags zur Kenntnis.",
        "En vous inscrivant, vous acceptez de recevoir notre lettre d'information.",
    ],
)
def test_a_sign_up_forms_consent_inside_the_story_is_left_out(consent: str) -> None:
    """A newsletter's sign-up box set between the story's paragraphs ends with the consent under
    its e-mail box, in any language: a sentence, but the form's, left out and reported; the
    story's own short paragraph stays."""
    short = "Nobody was hurt."
    story = [*STORY[:2], "Sign up for the Harbour Bulletin", consent, short, *STORY[2:]]
    article, _ = read_page(english_page(story, f"\n\n{SHARE['en']}\n{FOOT['en']}").encode())
    assert article.paragraphs == [*STORY[:2], short, *STORY[2:]]
    assert consent in article.extras["text:removed_lines"]


@pytest.mark.parametrize(
    "sentence",
    [
        "By signing up forty more crews, the operators hope to run boats all night.",
        "I agree with the skippers, said the harbour master after the vote.",
        "Ich akzeptiere die Entscheidung des Hafenamts, sagte der Kapitän.",
    ],
)
def test_a_story_sentence_that_opens_like_a_consent_stays(sentence: str) -> None:
    """The story's sentence that opens as a form's consent might ("By signing up ...", "Ich
    akzeptiere die ...") is no furniture."""
    assert furniture.furniture_kind(sentence) is None


@pytest.mark.parametrize(
    "button",
    ["Report an error", "Inhaltlichen Fehler melden", "Signaler une erreur", "Anmäl fel"],
)
def test_a_report_an_error_button_inside_the_story_is_left_out(button: str) -> None:
    """A "report an error" button between the story's paragraphs, in any of several languages,
    is the page's, left out and reported; a sentence of the story that speaks of reporting an
    error is the story's."""
    said = "The clerk said he would report an error in the ferry accounts to the board."
    story = [*STORY[:2], button, said, *STORY[2:]]
    article, _ = read_page(english_page(story, f"\n\n{SHARE['en']}\n{FOOT['en']}").encode())
    assert article.paragraphs == [*STORY[:2], said, *STORY[2:]]
    assert button in article.extras["text:removed_lines"]


def test_a_question_the_page_prints_again_and_again_stays() -> None:
    """A guide prints each of its questions as a crosshead, in its table of contents and in a
    questions box, and a page of questions gives the same answer to several: a line that asks is
    no box's notice, however often it is printed."""
    question = "Can the old lighthouse keeper's cottage be visited in winter?"
    answer = "Are dogs allowed on the ferry to the lighthouse? No, only guide dogs."
    story = [STORY[0], question, STORY[1], answer, STORY[2], question, answer, *STORY[3:]]
    story = [*story[:-1], question, answer, story[-1]]
    article, _ = read_page(english_page(story, f"\n\n{SHARE['en']}\n{FOOT['en']}").encode())
    assert article.paragraphs == story


@pytest.mark.parametrize(
    "reply",
    [
        "I would like to receive a straight answer from the board about the night boats, one"
        " skipper said.",
        "By signing up, you give the board your phone number, and it texts you when boats run"
        " late.",
    ],
)
def test_a_paragraph_that_opens_like_a_consent_but_names_none_stays(reply: str) -> None:
    """A Q&A's reply or a story's sentence may open as a sign-up form's consent does ("I would
    like to receive ...", "By signing up, you ..."): with no policy, e-mail or newsletter named
    in it, it is the story's paragraph."""
    story = [*STORY[:2], reply, *STORY[2:]]
    article, _ = read_page(english_page(story, f"\n\n{SHARE['en']}\n{FOOT['en']}").encode())
    assert article.paragraphs == story
    assert furniture.furniture_kind(reply) is None


@pytest.mark.parametrize("speaker", ["Jane van Roe", "Ronald McDonald", "Ana de la Cruz"])
def test_a_speakers_name_with_a_particle_or_inner_capital_printed_again_and_again_stays(
    speaker: str,
) -> None:
    """An interview's speaker over each answer is a name alone, though a particle in small
    letters or a capital inside a word makes it no title-cased line; a label in capitals
    printed as often is a box's, left out."""
    story = [STORY[0], speaker, STORY[1], speaker, STORY[2], speaker, *STORY[3:]]
    article, _ = read_page(english_page(story, f"\n\n{SHARE['en']}\n{FOOT['en']}").encode())
    assert article.paragraphs == story
    label = "HARBOUR COUNCIL"
    boxed = [STORY[0], label, STORY[1], label, STORY[2], label, *STORY[3:]]
    article, _ = read_page(english_page(boxed, f"\n\n{SHARE['en']}\n{FOOT['en']}").encode())
    assert article.paragraphs == STORY


def test_the_authors_name_under_other_speakers_answers_stays() -> None:
    """A roundtable where the byline's author answers once, last, under the other speakers: her
    name alone over her answer is no author's box, and the answer stays. A crosshead over the
    story's last paragraph is no speaker: the author's box under it is left out."""
    answers = [
        "Omar Farouk",
        "I would take the first boat and the last; the middle of the night is for the fleet.",
        "Mary Major",
        "The quay was never quiet, and the ferries only add a little more light to the night.",
        "Jane Doe",
        "I will wait for the electric boats, which the board says will come before the winter.",
    ]
    story = [*LONG_STORY, *answers]
    article, _ = read_page(english_page(story, f"\n\n{FOOT['en']}").encode())
    assert article.paragraphs == story
    story = [*LONG_STORY[:7], "Electric Boats", LONG_STORY[7]]
    after = "\n\n" + "\n\n".join(AUTHOR_BOX) + f"\n\n{FOOT['en']}"
    article, _ = read_page(english_page(story, after).encode())
    assert article.paragraphs == story  # (a crosshead over the last paragraph, then the box)


def test_a_related_box_between_labelled_paragraphs_does_not_end_the_story() -> None:
    """A "Read more" box of two titles inside a story whose page labels every paragraph
    ("Article content") and sets an advertisement's notice under the box: the story resumes
    below it, and the box's labels and notices neither count as its titles nor break the
    resumed paragraphs. The box's titles are left out, the story's lines below it kept."""
    label, notice = (
        "Article content",
        "This advertisement has not loaded yet, but your article continues below.",
    )
    rest = [
        "The fishermen's association said it would ask the county to review the decision.",
        "A spokesman for the board said the quay had room for both fleets if the ferries kept to"
        " the outer berths.",
        "The harbour master will publish a berthing plan in April, the board said, after talks"
        " with the two fleets.",
        "What the fishermen say",
        "Skippers said the outer berths were too exposed in winter storms for the smaller boats.",
    ]
    box = (
        "Read More\nTram fares to rise again in the spring\nNew depot opens in the valley\n"
        f"Advertisement 1\nStory continues below\n{notice}\n{label}"
    )
    first = [part for paragraph in LONG_STORY for part in (paragraph, label)]
    first.insert(4, notice)
    copy = english_page(
        first,
        f"\n\n{box}\n\n"
        + "\n\n".join(part for paragraph in rest for part in (paragraph, label))
        + f"\n\n{notice}\n\n{SHARE['en']}\n{FOOT['en']}",
    )
    article, _ = read_page(copy.encode())
    assert article.paragraphs == [*LONG_STORY, *rest]


def test_a_read_also_box_the_page_prints_again_does_not_end_the_story() -> None:
    """A "Read also" box of a title set between the story's paragraphs, again and again: the
    story goes on under each, however little of it stands before the next box (a section that
    ends the story is headed once). The boxes' titles are left out; the last box, with no story
    under it, still ends it."""
    one = "The harbour master said the berthing plan would be ready before the first crossing."
    more = [
        "The fishermen's association said it would ask the county to review the decision.",
        "A spokesman for the board said the quay had room for both fleets if the ferries kept to"
        " the outer berths.",
    ]
    copy = english_page(
        LONG_STORY,
        "\n\nRead also\n\nTram fares to rise again in the spring\n\n"
        f"{one}\n\nRead also\n\nNew depot opens in the valley\n\n"
        + "\n\n".join(more)
        + "\n\nRead also\n\nA bridge for the old town\n\n"
        + f"{SHARE['en']}\n{FOOT['en']}",
    )
    article, _ = read_page(copy.encode())
    assert article.paragraphs == [*LONG_STORY, one, *more]


def test_a_box_of_titles_above_the_storys_last_paragraphs_does_not_end_it() -> None:
    """A "Trending" box of titles set above the story's last two paragraphs, which close the
    article: they are the story's (too few to show it resuming by the count for a box inside
    it, but nothing follows them). The box's titles are left out. A box followed by titles and
    their summaries, one after the other, still ends the story."""
    close = [
        "The fishermen's association said it would ask the county to review the decision before"
        " the first crossing in May.",
        "A spokesman for the board said the quay had room for both fleets if the ferries kept to"
        " the outer berths, and that talks would go on.",
    ]
    box = (
        "Trending\nTram fares to rise again in the spring\nNew depot opens in the valley\n"
        "A bridge for the old town\nThe mayor's new bicycle lanes"
    )
    copy = english_page(
        LONG_STORY, f"\n\n{box}\n\n" + "\n\n".join(close) + f"\n\n{SHARE['en']}\n{FOOT['en']}"
    )
    article, _ = read_page(copy.encode())
    assert article.paragraphs == [*LONG_STORY, *close]
    teasers = (
        f"{close[0]}\n\nA bridge for the old town\n\n{close[1]}\n\nThe mayor's new bicycle lanes"
    )
    copy = english_page(LONG_STORY, f"\n\n{box}\n\n{teasers}\n\n{SHARE['en']}\n{FOOT['en']}")
    article, _ = read_page(copy.encode())
    assert article.paragraphs == LONG_STORY


def test_a_crosshead_among_the_paragraphs_under_a_box_shows_the_story_going_on() -> None:
    """A "Related" box of titles inside the story, then a paragraph, the story's crosshead (a
    quotation that ends a sentence) and more paragraphs: the story resumes under the box (the
    crosshead does not break the run of paragraphs that shows it). Crosshead and paragraphs
    are kept, the box's titles left out."""
    rest = [
        "The fishermen's association said it would ask the county to review the decision before"
        " the first crossing in May.",
        "‘We Were Here First, and We Will Be Here Last.’",
        "A spokesman for the board said the quay had room for both fleets if the ferries kept to"
        " the outer berths, and that talks would go on.",
        "The harbour master will publish a berthing plan in April, the board said, after talks"
        " with the two fleets and the county council.",
    ]
    box = "Related\nTram fares to rise again in the spring\nNew depot opens in the valley"
    copy = english_page(
        LONG_STORY, f"\n\n{box}\n\n" + "\n\n".join(rest) + f"\n\n{SHARE['en']}\n{FOOT['en']}"
    )
    article, _ = read_page(copy.encode())
    assert article.paragraphs == [*LONG_STORY, *rest]


@pytest.mark.parametrize(
    "credit",
    [
        "JANE ROE/AFP via Getty Images",
        "Jane Roe/Costfoto/Harbour Media via Getty Images",
        "Harbour Media via Getty Images",
        "Jane Roe Harbour Media via Getty Images",
        "JANE ROE/Getty images",
        "Jane Roe/picture alliance",
        "Jane Roe/Imago Images",
        "Jane Roe/iStock",
        "Jane Roe via Shutterstock",
        "Harbour Media via iStock",
        "Jane Roe via Alamy",
    ],
)
def test_a_credit_handed_on_via_an_agency_is_no_paragraph(credit: str) -> None:
    """A picture's credit that names who handed it on ("... via Getty Images", with no slash
    too) is a credit like "Jane Roe/AFP/Getty Images", not a paragraph of the story, and so is
    one that writes a seller of pictures in small letters ("Getty images"); a line of the story
    with "via" and a slash in it, or "via" a seller of pictures, stays a paragraph."""
    story = [
        *STORY,
        "Fishermen/skippers came via the old harbour road, the police said.",
        "The Harbour Board sold its photographs via Getty Images last year.",
    ]
    copy = english_page(story, f"\n\n{SHARE['en']}\n{FOOT['en']}")
    copy = copy.replace(f"\n\n{STORY[2]}", f"\n\n{credit}\n\n{STORY[2]}")
    article, _ = read_page(copy.encode())
    assert article.paragraphs == story


@pytest.mark.parametrize(
    "promotion",
    [
        "Add The Westcliff Courier as a Preferred Source on Google to see more of our stories.",
        "Follow the Courier on Google News and add us as a preferred source to get our news in"
        " your feeds.",
        "Fügen Sie den Westcliff Kurier als bevorzugte Quelle bei Google hinzu.",
        "Ajoutez Le Courrier de Westcliff comme source préférée sur Google.",
        "Añade El Correo de Westcliff como fuente preferida en Google.",
        "Aggiungi Il Corriere di Westcliff come fonte preferita su Google.",
        "Adicione o Correio de Westcliff como fonte preferida no Google.",
        "ADD THE WESTCLIFF COURIER AS A PREFERRED SOURCE ON GOOGLE",
        "FÜGEN SIE DEN WESTCLIFF KURIER ALS BEVORZUGTE QUELLE BEI GOOGLE HINZU",
    ],
)
def test_a_promotion_to_follow_the_site_on_google_is_left_out(promotion: str) -> None:
    """A line asking the reader to add the site as a preferred source on Google, set between the
    story's paragraphs, is furniture; a sentence of a story about that feature of Google stays."""
    news = "Google said readers could now pick any site as a preferred source in its results."
    story = [*STORY, news]
    copy = english_page(story, f"\n\n{SHARE['en']}\n{FOOT['en']}")
    copy = copy.replace(f"\n\n{STORY[3]}", f"\n\n{promotion}\n\n{STORY[3]}")
    article, _ = read_page(copy.encode())
    assert article.paragraphs == story
    assert promotion in article.extras["text:removed_lines"]


@pytest.mark.parametrize("links", ["CiteBank Library Search", "Article CiteBank Search"])
def test_a_row_of_links_with_a_capital_inside_printed_again_and_again_is_left_out(
    links: str,
) -> None:
    """A reference list's row of links printed under each entry ("CiteBank Library Search") is
    a box's label, no name alone: a capital inside a word follows another word there ("Cite",
    "Bank"), in a name a surname's prefix ("McDonald", "DeSantis"), an apostrophe or a hyphen,
    or two given names run together before the surname alone ("MaryAnn Doe")."""
    boxed = [STORY[0], links, STORY[1], links, STORY[2], links, *STORY[3:]]
    article, _ = read_page(english_page(boxed, f"\n\n{SHARE['en']}\n{FOOT['en']}").encode())
    assert article.paragraphs == STORY
    for speaker in ("Ana DeSouza", "Tom FitzGerald", "Jo O'Neil-MacKay", "MaryAnn Doe"):
        story = [STORY[0], speaker, STORY[1], speaker, STORY[2], speaker, *STORY[3:]]
        article, _ = read_page(english_page(story, f"\n\n{SHARE['en']}\n{FOOT['en']}").encode())
        assert article.paragraphs == story


def test_a_menus_item_over_a_credit_line_is_no_caption() -> None:
    """A credit line of its own under a list's last item (a menu's link over the picture) has
    no caption: the item stays the list's; a short line of the story's over it is the caption."""
    links = "* Harbour guide\n* Downloads\n* About the Guide"
    credit = "Photo: © Jane Roe/Picture Desk"
    story = [STORY[0], STORY[1], f"{links}\n\n{credit}", *STORY[2:]]
    article, _ = read_page(english_page(story, f"\n\n{SHARE['en']}\n{FOOT['en']}").encode())
    figures = [block for block in article.body if isinstance(block, Figure)]
    assert [(figure.caption_text, figure.credit) for figure in figures] == [
        ("", "© Jane Roe/Picture Desk")
    ]
    menus = [block for block in article.body if isinstance(block, List)]
    assert len(menus[0].items) == 3
    for caption in ("Crews at the quay", "* Crews at the quay"):  # (a caption alone, bulleted)
        captioned = [STORY[0], STORY[1], f"{caption}\n\n{credit}", *STORY[2:]]
        page = english_page(captioned, f"\n\n{SHARE['en']}\n{FOOT['en']}")
        figures = [block for block in read_page(page.encode())[0].body if isinstance(block, Figure)]
        assert [figure.caption_text for figure in figures] == [caption]


@pytest.mark.parametrize("heading", ["Related", "Read also"])
def test_notices_between_two_headings_of_an_empty_box_do_not_join_the_story(heading: str) -> None:
    """A related box under the story whose template the page left unrendered ("{{ post.title
    }}"), headed twice, with the page's notices between the headings: an empty template is no
    box set inside the story, its notices no story going on below it; the story ends above it."""
    box = (
        f"{heading}\n\n{{{{ post.title }}}}\n\n{{{{ post.author }}}}\n\n"
        "Sorry, we could not load the stories you may like right now. Please refresh the page"
        " and try again.\n\n"
        "This page uses cookies to remember your choices and to measure how the site is used,"
        f" as our policy explains.\n\n{heading}\n\n{{{{ post.title }}}}\n\n"
    )
    copy = english_page(LONG_STORY, f"\n\n{box}{SHARE['en']}\n{FOOT['en']}")
    article, _ = read_page(copy.encode())
    assert article.paragraphs == LONG_STORY


@pytest.mark.parametrize(
    ("language", "notice"),
    [
        ("en", "This audio is auto-generated. Please let us know if you have any feedback."),
        ("en", "The audio version of this article was generated by artificial intelligence."),
        ("de", "Diese Audioversion wurde künstlich generiert. Mehr zur Vorlesefunktion hier."),
        ("fr", "Cet audio est généré par l'IA. Des erreurs peuvent survenir."),
        ("es", "Este audio ha sido generado por inteligencia artificial."),
        ("it", "Questo audio è generato con l'intelligenza artificiale."),
        ("pt", "Este áudio foi gerado por inteligência artificial."),
    ],
)
def test_an_audio_players_notice_that_a_machine_reads_is_left_out(
    language: str, notice: str
) -> None:
    """The notice under an article's audio player that a machine's voice reads it ("This audio
    is auto-generated."), between the story's paragraphs, is the page's, not the story's."""
    header = "A Headline Of Some Length Here\n\nBy Jane Doe"
    article, _ = read_page(page(language, header, notice))
    assert article.paragraphs == BODY[language]
    assert notice in article.extras["text:removed_lines"]  # type: ignore[operator]


@pytest.mark.parametrize(
    "sentence",
    [
        "The audio was generated by AI, the police said.",
        "This audio was generated by a prankster who cloned the mayor's voice.",
        "Audio generated by AI was sent to thousands of voters before the vote.",
        "Die Audioversion wurde von einem Techniker im Studio erstellt.",
        "The lyrics were generated by AI.",
        "Audio was created. It was played at the harbour meeting on Tuesday.",
        "Audio is generated. Police are looking for whoever cloned the mayor's voice.",
    ],
)
def test_a_storys_sentence_about_generated_audio_stays(sentence: str) -> None:
    """A sentence of a story about a faked recording says who made it or what it did, or opens
    otherwise than the player's notice ("This audio", "Ljuduppspelningen": no bare "Audio"): it
    stays a paragraph."""
    story = [*STORY[:2], sentence, *STORY[2:]]
    article, _ = read_page(english_page(story, f"\n\n{SHARE['en']}\n{FOOT['en']}").encode())
    assert article.paragraphs == story
    assert not furniture.is_player_notice(sentence)


def test_the_players_notice_in_swedish_and_danish_is_told() -> None:
    """Swedish and Danish nouns carry their article ("Ljuduppspelningen", "Lydversionen")."""
    for notice in (
        "Ljuduppspelningen är AI-genererad. Fel kan förekomma.",
        "Lydversionen er AI-genereret.",
        "Deze audio is gegenereerd door AI.",
    ):
        assert furniture.is_player_notice(notice)


@pytest.mark.parametrize(
    ("language", "link"),
    [
        ("en", "Read also Tram fares in the valley rise for the third time"),
        ("de", "Lesen Sie auch Neue Fähre für die Nachtfahrten am Nordkai"),
        ("fr", "À lire aussi La fête du port revient avec trois scènes"),
        ("es", "Lee también El nuevo ferry nocturno zarpa en mayo"),
        ("pt", "Leia também A nova balsa noturna parte em maio"),
    ],
)
def test_a_read_also_link_without_a_colon_between_paragraphs_is_left_out(
    language: str, link: str
) -> None:
    """ "Read also" and another story's title on one line, with no colon between them ("À lire
    aussi La fête du port ..."), set between the story's paragraphs, is a link, as it is with
    the colon; a sentence of the story that opens so stays (it ends as a sentence does)."""
    header = "A Headline Of Some Length Here\n\nBy Jane Doe"
    article, _ = read_page(page(language, header, link))
    assert article.paragraphs == BODY[language]
    assert link in article.extras["text:removed_lines"]  # type: ignore[operator]
    sentence = "Lesen Sie auch den Bericht des Hafenamts."
    assert furniture.furniture_kind(sentence) is None
    assert furniture.furniture_kind("Lesen Sie auch, was der Hafenmeister sagt") is None


OFFER = {
    "en": (
        "Subscribe to unlock more articles",
        [
            "Get unlimited access to the Courier and its sister papers with one account.",
            "Read the daily edition as it was printed, on any device you own.",
            "Enjoy the crossword and the puzzles every morning.",
        ],
    ),
    "de": (
        "Jetzt abonnieren",
        [
            "Unbegrenzter Zugang zu allen Artikeln der Zeitung mit einem einzigen Konto.",
            "Die gedruckte Ausgabe jeden Morgen als E-Paper auf allen Geräten lesen.",
            "Das tägliche Rätsel und den Newsletter am Abend gibt es dazu.",
        ],
    ),
}


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_subscription_box_printed_twice_in_a_row_is_left_out(language: str) -> None:
    """A paywall's offer that the page prints twice in a row (its desktop and its phone
    version), its label between, set between the story's paragraphs, is no paragraph of the
    story: neither printing stays."""
    label, lines = OFFER[language]
    box = "\n".join([*lines, label, *lines])
    header = "A Headline Of Some Length Here\n\nBy Jane Doe"
    article, _ = read_page(page(language, header, box))
    assert article.paragraphs == BODY[language]


def test_a_storys_lines_printed_twice_stay() -> None:
    """Lines of the story printed twice with no furniture beside them (a list the story gives
    again), or printed again paragraphs apart, are the story's: kept."""
    listed = ["Two boats an hour in May.", "Four boats an hour in June.", "Six in July."]
    story = [STORY[0], *listed, *listed, *STORY[1:]]
    article, _ = read_page(english_page(story, f"\n\n{SHARE['en']}\n{FOOT['en']}").encode())
    assert article.paragraphs == story
    far = [STORY[0], *listed, STORY[1], STORY[2], *listed, *STORY[3:]]
    article, _ = read_page(english_page(far, f"\n\n{SHARE['en']}\n{FOOT['en']}").encode())
    assert article.paragraphs == far


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_storys_refrain_printed_twice_beside_an_advert_stays(where: str) -> None:
    """A story's lines printed twice in a row (a song's chorus sung twice) with an advert's label
    or a share row just before or after them, not between, are the story's: a paywall's box
    printed twice has its own label between its printings."""
    chorus = [
        "We will not leave the quay,",
        "we will not sell the boats,",
        "we will not go quietly.",
    ]
    story = [STORY[0], *chorus, *chorus, *STORY[1:]]
    lines = [STORY[0], "Advertisement", *chorus, *chorus, *STORY[1:]]
    if where == "after":
        lines = [STORY[0], *chorus, *chorus, "Advertisement", *STORY[1:]]
    article, _ = read_page(english_page(lines, f"\n\n{SHARE['en']}\n{FOOT['en']}").encode())
    assert article.paragraphs == story


@pytest.mark.parametrize(
    "sentence",
    [
        'Read also what the mayor wrote to the board: "We will not leave the quay."',
        "Lesen Sie auch den Brief des Hafenmeisters: „Wir bleiben am Kai.“",
        "À lire aussi la lettre du maire : « Nous ne quitterons pas le quai. »",
        "Leia também o que o prefeito escreveu: “Não vamos sair do cais.”",
    ],
)
def test_a_sentence_that_opens_like_a_link_and_ends_in_a_quote_stays(sentence: str) -> None:
    """A sentence of the story that opens as a link does ("Read also ...") and ends with a quote
    (its full stop inside the closing quotation mark) ends as a sentence: no link."""
    assert furniture.furniture_kind(sentence) is None


def test_a_buttons_prompt_the_page_prints_under_each_advert_is_left_out() -> None:
    """A question that prompts a button, its label a furniture phrase, printed under each of the
    adverts set between the story's paragraphs ("Tired of these? Remove ads") asks nothing of
    the story: left out, with the advert's label. A question the page prints again and again
    with the story's answer after it stays."""
    prompt = "Tired of seeing these? Remove ads"
    story = [STORY[0], "Advertisement", prompt, STORY[1], "Advertisement", prompt, STORY[2]]
    story += ["Advertisement", prompt, *STORY[3:]]
    article, _ = read_page(english_page(story, f"\n\n{SHARE['en']}\n{FOOT['en']}").encode())
    assert article.paragraphs == STORY
    assert article.extras["text:removed_lines"].count(prompt) == 3


def test_a_subscription_box_printed_again_without_its_full_stops_is_left_out() -> None:
    """A paywall's offer printed twice in a row, its label between, whose second printing drops
    the full stops of its lines (the phone version's list), is the same box: neither stays."""
    label, lines = OFFER["en"]
    box = "\n".join([*lines, label, lines[0], *(line.rstrip(".") for line in lines[1:])])
    header = "A Headline Of Some Length Here\n\nBy Jane Doe"
    article, _ = read_page(page("en", header, box))
    assert article.paragraphs == BODY["en"]


@pytest.mark.parametrize(
    "attribution", ["said the harbour master", "the harbour master said", "Jane Doe said"]
)
def test_a_last_paragraph_closing_with_a_quotes_attribution_and_no_stop_stays(
    attribution: str,
) -> None:
    """The story's last paragraph, a quote closed by its attribution with no full stop after it
    (the paper prints none), is the story's: kept above the share row, not cut as a title line
    (its words are not the page's language: only its sentence's end tells it is prose)."""
    last = (  # (a quote in another language: no function words of the page's, nor a stop)
        "\u201cTumefanya mikutano tisini bandarini kuwaeleza wavuvi na wakazi kuhusu vivuko vya"
        f" usiku na kusikiliza mahitaji yao yote kwa miezi sita,\u201d {attribution}"
    )
    article, _ = read_page(
        english_page([*STORY, last], f"\n\n{SHARE['en']}\n{FOOT['en']}").encode()
    )
    assert article.paragraphs == [*STORY, last]
    glued = last.replace(attribution, "he added. Vanity")  # (a link's word run on after it)
    assert webcopy._ends_a_sentence(last) and not webcopy._ends_a_sentence(glued)


@pytest.mark.parametrize(
    "label",
    [
        "Register to unlock this article — it's free",
        "REGISTER / SIGN IN TO UNLOCK MORE ARTICLES",
        "This content is reserved for subscribers only",
    ],
)
def test_a_registration_box_labelled_to_unlock_the_article_is_left_out(label: str) -> None:
    """A sign-in wall's offer printed twice in a row, its label between asking the reader to
    register or sign in to unlock the article (or saying it is reserved for subscribers), is
    furniture: neither printing stays. A sentence that unlocks something else is no label."""
    _, lines = OFFER["en"]
    box = "\n".join([*lines, label, *lines])
    header = "A Headline Of Some Length Here\n\nBy Jane Doe"
    article, _ = read_page(page("en", header, box))
    assert article.paragraphs == BODY["en"]
    assert furniture.furniture_kind("Sign in to unlock the bike, then ride it away.") is None


@pytest.mark.parametrize("dash", ["-", "–"])
def test_a_table_of_contents_in_dashes_printed_again_and_again_stays(dash: str) -> None:
    """A guide's table of contents set as items after a dash, printed three times (over the
    story, inside it, under it), lists the story's crossheads as a bulleted one does: inside the
    story, its items are no box's labels, kept (only the printings outside it go)."""
    heads = ["Night crossings", "Fares and tickets"]
    items = [f"{dash} {head}" for head in ["Overview", *heads]]
    contents = "\n".join(items)
    story = [contents, STORY[0], heads[0], STORY[1], contents, STORY[2], heads[1], *STORY[3:]]
    copy = english_page([*story, contents], f"\n\n{SHARE['en']}\n{FOOT['en']}")
    article, _ = read_page(copy.encode())
    removed = article.extras["text:removed_lines"]
    assert [removed.count(item) for item in items] == [2, 2, 2]
    assert heads[0] in article.paragraphs and heads[1] in article.paragraphs


@pytest.mark.parametrize("controls", ["0:00  Listen", "0:00 / 4:12  Listen", "0:00  Anhören"])
def test_a_players_clock_run_together_with_its_button_is_left_out(controls: str) -> None:
    """A media player's clock and its button between the story's paragraphs, copied as one line
    ("0:00  Listen"), are the page's controls, left out and reported; a line of the story that
    opens with a time ("10:15 Ferries leave the north quay") stays."""
    timed = "10:15 Ferries leave the north quay"
    story = [STORY[0], STORY[1], controls, timed, *STORY[2:]]
    article, _ = read_page(english_page(story, f"\n\n{SHARE['en']}\n{FOOT['en']}").encode())
    assert article.paragraphs == [*STORY[:2], timed, *STORY[2:]]
    assert controls in article.extras["text:removed_lines"]


@pytest.mark.parametrize(
    "slot", ["(Story continues below advertisement)", "[Advertisement]", "(Sponsored)"]
)
def test_an_advert_slots_label_in_brackets_printed_once_is_left_out(slot: str) -> None:
    """An advert's slot labelled once between the story's paragraphs, its label in brackets,
    is the page's, left out and reported; a bracketed aside of the story ("(Applause)") stays."""
    aside = "(Applause)"
    story = [STORY[0], slot, STORY[1], aside, *STORY[2:]]
    article, _ = read_page(english_page(story, f"\n\n{SHARE['en']}\n{FOOT['en']}").encode())
    assert article.paragraphs == [STORY[0], STORY[1], aside, *STORY[2:]]
    assert slot in article.extras["text:removed_lines"]


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_subscription_box_printed_again_with_none_of_its_full_stops_is_left_out(
    language: str,
) -> None:
    """A paywall's offer printed twice in a row whose second printing drops the full stop of
    every line, its first too, is the same box: neither printing stays."""
    label, lines = OFFER[language]
    box = "\n".join([*lines, label, *(line.rstrip(".") for line in lines)])
    header = "A Headline Of Some Length Here\n\nBy Jane Doe"
    article, _ = read_page(page(language, header, box))
    assert article.paragraphs == BODY[language]


_SWAHILI_QUOTE = (  # (no function words of the page's language, nor a stop: only its end tells)
    "Tumefanya mikutano tisini bandarini kuwaeleza wavuvi na wakazi kuhusu vivuko vya usiku na"
    " kusikiliza mahitaji yao yote kwa miezi sita"
)


@pytest.mark.parametrize(
    ("language", "headline", "last"),
    [
        (
            "de",
            "Hafenrat erlaubt Fähren in der Nacht",
            f"„{_SWAHILI_QUOTE}“, sagte der Hafenmeister",
        ),
        (
            "de",
            "Hafenrat erlaubt Fähren in der Nacht",
            f"»{_SWAHILI_QUOTE}«, sagte der Hafenmeister",
        ),
        ("fr", "Le port autorise les ferries de nuit", f"« {_SWAHILI_QUOTE} », a déclaré le maire"),
        ("es", "El puerto permite los ferris de noche", f"«{_SWAHILI_QUOTE}», dijo el alcalde"),
        (
            "it",
            "Il porto autorizza i traghetti notturni",
            f"«{_SWAHILI_QUOTE}», ha detto il sindaco",
        ),
        ("pt", "O porto autoriza as balsas noturnas", f"“{_SWAHILI_QUOTE}”, disse o prefeito"),
    ],
)
def test_a_last_paragraph_closing_with_an_attribution_after_the_quotes_comma_stays(
    language: str, headline: str, last: str
) -> None:
    """The story's last paragraph, a quote whose attribution follows a comma after the closing
    mark as German, French, Spanish, Italian and Portuguese print it, with no full stop after it,
    is the story's as an English one is (",” said ..."): kept above the share row."""
    body = [*BODY[language], last]
    copy = f"{TOP[language]}\n{headline}\n\n" + "\n\n".join(body)
    article, _ = read_page(f"{copy}\n\n{SHARE[language]}\n{FOOT[language]}".encode())
    assert article.paragraphs == body
    apostrophe = (
        "at the Joneses’, where they live"  # (a single mark before a comma closes no quote)
    )
    assert not webcopy._ends_a_sentence(f"{_SWAHILI_QUOTE} {apostrophe}")


def test_a_story_quoting_a_paywalls_notice_keeps_the_sentence() -> None:
    """A paragraph of a story about a paywall that opens with the notice it quotes ("This content
    is reserved for subscribers, the notice tells ...") is the story's: the notice is furniture
    as a whole label only, not as the opening of any line."""
    quoted = (
        "This content is reserved for subscribers, the notice tells readers who have used up"
        " their three free articles, and four in ten of them then pay."
    )
    story = [*STORY[:3], quoted, *STORY[3:]]
    article, _ = read_page(english_page(story, f"\n\n{SHARE['en']}\n{FOOT['en']}").encode())
    assert article.paragraphs == story
    assert furniture.furniture_kind("This content is reserved for subscribers only.") == "subscribe"


def page_of(language: str, blocks: list[str]) -> bytes:
    """A page in ``language``: chrome, a headline, the blocks one a paragraph, share buttons and
    a footer."""
    return (
        f"{TOP[language]}\nNachtfähren im Hafen\n\n"
        + "\n\n".join(blocks)
        + f"\n\n{SHARE[language]}\n{FOOT[language]}"
    ).encode()


JOB_BOXES = {
    "de": (
        "Stellenmarkt\nHafenmeister (m/w/d)\nStadtwerke Nordhafen GmbH, Nordhafen\n"
        "Fährmann/-frau (w/m/d) für den Nachtdienst\nReederei Westkai AG\nAlle Angebote »"
    ),
    "en": (
        "Jobs\nHarbour Pilot (m/f/d)\nWestcliff Port Authority, Westcliff\n"
        "Night Ferry Deckhand (all genders)\nQuayside Ferries Ltd\nMore jobs"
    ),
}


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_job_box_between_the_storys_paragraphs_is_left_out(language: str) -> None:
    """A box of job offers set between paragraphs (titles with the gender tag advertisements
    print, "(m/w/d)", each over its employer, under a heading) is the page's: its lines are left
    out, the paragraphs on either side of it kept."""
    body = BODY[language]
    article, _ = read_page(page_of(language, [body[0], JOB_BOXES[language], *body[1:]]))
    assert article.paragraphs == body
    assert JOB_BOXES[language].split("\n")[1] in article.extras["text:removed_lines"]


@pytest.mark.parametrize(
    "line",
    [
        "Kaufmännischer Sachbearbeiter (m/w/d) Reederei Westkai AG, Nordhafen",
        "Hafenmeister/in (w/m/div)",
        "Mitarbeiter Fahrdienst (gn) Stadtwerke Nordhafen",
        "Chef de quai (H/F) - Port de Saint-Malo",
        "Havenmeester (m/v/x)",
    ],
)
def test_job_offers_are_told(line: str) -> None:
    assert furniture.is_job_offer(line)


@pytest.mark.parametrize(
    "line",
    [
        "Die Reederei sucht seit Monaten einen Hafenmeister (m/w/d), bisher ohne Erfolg.",
        "Der Rat (SPD/CDU/FDP) stimmte zu",
        "Die Fähre fährt im Takt (30/60)",
        "Weder er (m) noch sie (w) wollten sprechen",
        "Die Reederei wirbt mit dem Spruch „Werde Fährmann (m/w/d)!“",
        "Gefragt sind vor allem Hafenmeister (m/w/d), sagt die Agentur:",
        "Harbour Trail 29 | Coastline CX motor/630 Wh | 150/140 mm (v/h)",  # (front, rear)
        "Quay bench, oak | 180/45 cm (w/h)",
    ],
)
def test_other_lines_are_no_job_offers(line: str) -> None:
    assert not furniture.is_job_offer(line)


@pytest.mark.parametrize(
    "note",
    [
        "Über dieses Thema berichtete Radio Nordhafen am 3. Mai 2024 um 18:00 Uhr.",
        "Dieses Thema im Programm: Über dieses Thema berichtete das Hafenradio am 03.05.2024 um"
        " 7.30 Uhr.",
        "Über dieses Thema berichtet: Nordwelle im Radio am 03.05.2024 um 06:00 Uhr.",
    ],
)
def test_a_broadcasters_note_under_the_story_is_left_out(note: str) -> None:
    """A broadcaster's note of the programme and slot that carried the story's topic, under its
    last paragraph, is the page's; a sentence of the story opening the same way stays."""
    body = BODY["de"]
    sentence = "Über dieses Thema berichtete schon 2019 die Lokalzeitung, als der Streit begann."
    article, _ = read_page(page_of("de", [*body, sentence, note]))
    assert article.paragraphs == [*body, sentence]
    assert note in article.extras["text:removed_lines"]


@pytest.mark.parametrize(
    ("language", "blurb"),
    [
        ("de", "Die Hafenpost kommt jeden Freitag in Ihr Postfach. Jetzt anmelden!"),
        ("de", "Alles über Fähren und Fischer: jeden Montag. Kostenlos anmelden."),
        ("en", "The Harbour Letter brings the week's news every Friday. Sign up now →"),
        ("fr", "La lettre du port, chaque vendredi dans votre boîte. Inscrivez-vous"),
        ("fr", "La lettre du port, chaque vendredi dans votre boîte.Inscrivez-vous"),
        ("fr", "La lettre du port, chaque vendredi dans votre boîte. Inscrivez-vous\xa0\xa0→"),
    ],
)
def test_a_newsletters_blurb_between_the_storys_paragraphs_is_left_out(
    language: str, blurb: str
) -> None:
    """A newsletter's blurb set inside the story, a sentence about it then a call to sign up
    as a sentence of its own, is the page's; a sentence of the story that says the same words
    stays."""
    body = BODY[language]
    sentence = {
        "de": "Der Kapitän sagt: Jetzt anmelden!",
        "en": "Skippers who want a night berth should sign up now.",
        "fr": "« Inscrivez-vous », a lancé le maire aux pêcheurs.",
    }[language]
    article, _ = read_page(page_of(language, [body[0], blurb, sentence, *body[1:]]))
    assert article.paragraphs == [body[0], sentence, *body[1:]]
    assert blurb in article.extras["text:removed_lines"]


APPEAL = (
    "Unabhängiger Journalismus über den Hafen kostet Geld, und wir wollen ihn für alle frei"
    " zugänglich halten. Deshalb bitten wir unsere Leserinnen und Leser um einen Beitrag, so oft"
    " und so viel sie mögen. Schon mit wenigen Euro im Monat helfen Sie uns, über Fähren,"
    " Fischer und den Rat zu berichten, ohne Bezahlschranke und ohne Werbung im Text. Viele"
    " machen schon mit, und jeder Beitrag zählt. Sind Sie dabei? Jetzt unterstützen"
)


def test_a_reader_appeal_under_the_story_closing_with_its_button_is_left_out() -> None:
    """A paper's appeal for support under the story, long as a paragraph, that closes with its
    button's call run into it ("... Sind Sie dabei? Jetzt unterstützen") is the page's."""
    body = BODY["de"]
    article, _ = read_page(page_of("de", [*body, APPEAL]))
    assert article.paragraphs == body
    assert APPEAL in article.extras["text:removed_lines"]


def test_a_story_paragraph_opening_as_a_broadcasters_note_stays() -> None:
    """A paragraph of the story that opens as a broadcaster's note does and closes, sentences
    later, with an hour is the story's: the note is one sentence."""
    body = BODY["de"]
    paragraph = (
        "Über dieses Thema berichtete zuerst die Lokalzeitung. Der Rat berät den Streit um die"
        " Nachtfähren am Montag um 18.30 Uhr."
    )
    article, _ = read_page(page_of("de", [body[0], paragraph, *body[1:]]))
    assert article.paragraphs == [body[0], paragraph, *body[1:]]


@pytest.mark.parametrize(
    ("language", "paragraph"),
    [
        ("en", "The food bank cannot cope alone, its director told the council. Support us."),
        ("de", "Der Fährverein steht vor dem Aus, sagt seine Vorsitzende. Unterstützen Sie uns!"),
        ("fr", "L'association des pêcheurs a lancé un appel aux habitants. Soutenez-nous !"),
        ("es", "La asociación de pescadores pidió ayuda a los vecinos en un comunicado. Apóyanos."),
        ("it", "L'associazione dei pescatori ha chiesto aiuto agli abitanti. Sostienici!"),
        ("pt", "A associação dos pescadores pediu ajuda aos moradores num comunicado. Apoie-nos."),
    ],
)
def test_a_story_paragraph_closing_with_a_plea_it_reports_stays(
    language: str, paragraph: str
) -> None:
    """A paragraph of the story closing with a plea for support it reports is the story's:
    it ends that sentence with a mark, where an appeal's button label stands bare."""
    body = BODY[language]
    article, _ = read_page(page_of(language, [body[0], paragraph, *body[1:]]))
    assert article.paragraphs == [body[0], paragraph, *body[1:]]
