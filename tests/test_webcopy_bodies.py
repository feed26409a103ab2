"""Which lines of a web copy are the article's body: lists, share bars and teasers around a story.
The pages are written for these tests, laid out as select-all and paste gives them (a browser's
copy drops list markers and runs a block's lines together with no blank line between)."""

from __future__ import annotations

from test_webcopy_headers import BODY, FOOT, SHARE, TOP, read_page

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


TEASERS = [
    ("Tram fares in the valley rise again", "Tuesday March 5, 2024",
     "Riders will pay more from April, the third rise in two years, and the transport board"
     " says the money goes to new trams."),
    ("A new depot opens at the end of the line", "Monday March 4, 2024",
     "The depot has room for forty trams and a workshop where apprentices will learn to"
     " repair them."),
    ("Summer festival returns to the old town", "Sunday March 3, 2024",
     "Three stages, a food market and a parade fill the streets around the cathedral for a"
     " long weekend in July."),
    ("School meals to cost less from autumn", "Saturday March 2, 2024",
     "The county will pay half of each lunch for pupils of the primary schools, the council"
     " decided after a long debate."),
]  # fmt: skip


def teaser_lines(teasers: list[tuple[str, str, str]]) -> str:
    """Teasers as a browser copies them: a title, a date, a summary."""
    return "".join(f"{title}\n{dated}\n\n{summary}\n\n" for title, dated, summary in teasers)


def test_dated_teasers_under_the_story_are_not_the_story() -> None:
    """Under the story, other stories' teasers, each a title, a date and a summary: prose too,
    but dated one after the other and about other things; the story ends above them."""
    copy = english_page([*STORY, *MORE], "\n\n" + teaser_lines(TEASERS) + FOOT["en"])
    article, _ = read_page(copy.encode())
    assert article.paragraphs == [*STORY, *MORE]
    assert TEASERS[0][2] in article.extras["text:removed_lines"]  # type: ignore[operator]


def test_a_box_of_dated_teasers_inside_the_story_does_not_end_it() -> None:
    """A box of dated teasers between two parts of a story: the story goes on below it,
    paragraph after paragraph; nothing is cut for the dates."""
    copy = english_page([*STORY, teaser_lines(TEASERS[:3]).strip(), *MORE], "\n\n" + FOOT["en"])
    article, _ = read_page(copy.encode())
    assert MORE[-1] in article.paragraphs


def test_a_live_story_with_dated_entries_is_kept_whole() -> None:
    """A live story's entries, each under its time, speak of what its opening does: they are
    the story."""
    entries = "".join(
        f"{time}\n\n{text}\n\n"
        for time, text in zip(["10:15 am", "10:40 am", "11:05 am", "11:30 am"], MORE, strict=True)
    )
    copy = english_page(STORY, "\n\n" + entries + FOOT["en"])
    article, _ = read_page(copy.encode())
    assert MORE[-1] in article.paragraphs


def test_list_items_closing_the_story_above_dated_teasers_stay() -> None:
    """The story's last paragraph runs on into the items of a list (a browser's copy, no blank
    line between, no markers); the teasers under them go, the items stay."""
    items = [
        "Two electric boats will be tested on the night crossings (trial from May)",
        "Quieter engines for all ferries berthing after ten at night (from next year)",
    ]
    closing = "\n".join([MORE[-1], *items])
    copy = english_page([*STORY, *MORE[:-1], closing], "\n\n" + teaser_lines(TEASERS) + FOOT["en"])
    article, _ = read_page(copy.encode())
    assert "\n".join(article.paragraphs).split("\n") == [*STORY, *MORE, *items]


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
