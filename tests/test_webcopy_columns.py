"""The web-copy finder reads a page column by column and walks only the lines a step can use:
these tests hold each of those steps to the obvious form, one line at a time, that it replaces
(written out here), on pages drawn from menu items, furniture, prose, captions, code and blanks."""

from __future__ import annotations

import itertools
import re
from unittest.mock import patch

from hypothesis import example, given, settings
from hypothesis import strategies as st

from articlekit.prose import captions, furniture, stopwords, webcopy
from articlekit.prose.byline import ends_with_abbreviation

LINES = [
    "", "", "* News", "* Sport", "+ Weather", "Skip to main content", "Sign in", "Share",
    "Advertisement", "Most read", "Related", "Comments", "12 comments", "Reply", "Menu",
    "All", "Top rated", "Reply Quote Report",
    "Facebook Twitter Email", "© 2024 Westcliff Courier", "Photo: Jane Doe/AP", "By Jane Doe",
    "Jane Doe", "March 3, 2024", "3 hours ago", "2.", "3/12", "x = f(y);", "SELECT avg(n)",
    "FROM", "───┼───", "<div>", "https://example.org/a", "www.example.org", "Home > News > Local",
    "« Prev | Next »", "|", "42", "o Third level", "1. First item in a list of six words here",
    "Harbour Board Backs Night Ferries", "Ferries To Berth At Night, Board Says",
    "The harbour board voted on Tuesday to let ferries berth in the inner basin at night.",
    "Fishermen said the move would crowd the quays and push their boats out to the breakwater, "
    "where the swell is worst in winter and the walk to the fish market is longest.",
    "the council said that harbour ferries would berth at night while fishermen warned of "
    "crowded quays and residents feared engine noise near the old customs house as traders",
    "Tickets are at the box office.", "Read more: Bridge vote divides the valley", "Dr.",
    "渔船停泊在内港。", "Сегодня совет проголосовал за ночные паромы в гавани города.",
    "\tTabs\tand  spaces  ", "U.S.", "(AP)", "Jr.", "Ends with a colon:", "}", "...", "list: [",
]  # fmt: skip
pages = st.lists(st.sampled_from(LINES), max_size=40)


def _slow_line(index: int, text: str) -> tuple[object, ...]:
    """What :func:`webcopy._describe` knows of one line, found for that line alone."""
    marker = webcopy._MARKER.match(text)
    content = text[marker.end() :].strip() if marker else text
    unspaced = len(webcopy._UNSPACED.findall(content))
    weight = len(content) + 2 * unspaced
    words = -1.0 if weight > webcopy.HEADLINE_LIMIT else webcopy._words(content, unspaced)
    tail = content[-webcopy.TAIL :]
    sentence = webcopy._SENTENCE_END.search(tail) is not None and not ends_with_abbreviation(tail)
    shaped = (
        weight <= 40
        and words <= webcopy.MENU_WORDS
        and not sentence
        and re.search(r"\d", content) is None
        and webcopy._BYLINE_LABEL.match(content) is None
    )
    return (
        index, text, content, marker is not None, words, weight, sentence,
        furniture.furniture_kind(text), words >= 0 and webcopy._is_noise(content), shaped,
        content.casefold() if weight <= webcopy.REPEAT_WEIGHT else None,
    )  # fmt: skip


def _fields(line: webcopy.Line) -> tuple[object, ...]:
    return (
        line.index, line.text, line.content, line.marked, line.words, line.weight,
        line.sentence, line.furniture, line.noise, line.shaped, line.folded,
    )  # fmt: skip


def _lines(page: webcopy._Page) -> list[webcopy.Line]:
    """Every line of a page, built from its columns."""
    described = webcopy._Described(page)
    return [described[position] for position in range(len(described))]


@given(pages)
def test_lines_are_described_as_one_at_a_time(lines: list[str]) -> None:
    page = webcopy._describe(lines)
    expected = [_slow_line(index, raw.strip()) for index, raw in enumerate(lines) if raw.strip()]
    assert [_fields(line) for line in _lines(page)] == expected
    assert all(page.by_text[line.text] == page.rows[position] for position, line in
               enumerate(_lines(page)))  # fmt: skip


def _slow_web_evidence(described: list[webcopy.Line], everywhere: bool = False) -> int:
    """Furniture and menu lines above the last line of prose, all counted."""
    if everywhere:
        last_prose = described[-1].index + 1 if described else 0
    else:
        last_prose = max(
            (
                line.index
                for line in described
                if line.weight >= webcopy.PROSE_LENGTH and line.sentence
            ),
            default=-1,
        )
    evidence, run, last = 0, 0, -1
    for line in described:
        if line.index >= last_prose:
            break
        if webcopy._AUTHORED.match(line.text):
            run = 0
            continue
        evidence += bool(line.furniture)
        if line.shaped and not line.code:
            run = run + 1 if not run or last == line.index - 1 else 1
            last = line.index
            evidence += webcopy.MENU_RUN if run == webcopy.MENU_RUN else run > webcopy.MENU_RUN
        else:
            run = 0
    return evidence


@given(pages, st.booleans())
def test_web_evidence_stops_counting_once_it_decides(lines: list[str], everywhere: bool) -> None:
    page = webcopy._describe(lines)
    expected = _slow_web_evidence(_lines(page), everywhere) >= webcopy.WEB_EVIDENCE
    assert webcopy._is_web_page(page, everywhere) == expected


def _slow_read_lines(described: list[webcopy.Line]) -> None:
    """Repetition, code and menus, every line looked at for each."""
    for line in described:
        if line.weight <= webcopy.REPEAT_WEIGHT:
            line.repeats = sum(
                other.folded == line.folded
                for other in described
                if other.weight <= webcopy.REPEAT_WEIGHT
            )
            line.repeated = line.repeats > 1
    marked = [
        line.weight < webcopy.PROSE_LENGTH
        and not line.furniture
        and webcopy._CODE.search(line.content) is not None
        for line in described
    ]
    # a listing, told by a pattern over one letter a line: M punctuated, L no letters, B bare
    # words, X anything else, | a blank line; a block with two punctuated lines is code
    letters = ""
    for position, line in enumerate(described):
        if position and described[position - 1].index != line.index - 1:
            letters += "|"
        if marked[position]:
            letters += "M"
        elif not (line.furniture or line.marked or any(map(str.isalpha, line.content))):
            letters += "L"
        elif not (line.furniture or line.marked) and line.words <= webcopy.LABEL_WORDS:
            letters += "B"
        else:
            letters += "X"
    lines_of = [position for position, letter in enumerate(letters) if letter != "|"]
    for block in re.finditer(r"L*M(?:[ML]|B(?=M))*", letters):
        if block.group().count("M") >= 2:
            for at in range(block.start(), block.end()):
                described[lines_of.index(at)].code = True
    for found in re.finditer(r"(?<=M)[^|](?=M)", letters):  # and a few words between two
        line = described[lines_of.index(found.start())]
        line.code = line.code or line.words <= webcopy.LABEL_WORDS
    shorts = [line.shaped and not line.code for line in described]
    run: list[webcopy.Line] = []
    for current, short in zip([*described, None], [*shorts, False], strict=True):
        member = current is not None and (short or (current.marked and bool(current.furniture)))
        joined = current is not None and (
            not run or run[-1].index == current.index - 1 or (run[-1].marked and current.marked)
        )
        if member and joined and current is not None:
            run.append(current)
            continue
        if len(run) >= webcopy.MENU_RUN:
            for item in run:
                item.menu = True
        run = [current] if current is not None and member else []
    for line, short in zip(described, shorts, strict=True):
        if line.marked and short:
            line.menu = True


def _marks(described: list[webcopy.Line]) -> list[tuple[object, ...]]:
    return [(line.repeats, line.repeated, line.code, line.menu) for line in described]


def _read_page(lines: list[str]) -> webcopy._Page:
    page = webcopy._describe(lines)
    webcopy._read_long_lines(page)
    webcopy._read_lines(page)
    return page


@given(pages)
def test_repeats_code_and_menus_are_marked_as_line_by_line(lines: list[str]) -> None:
    page = webcopy._describe(lines)
    webcopy._read_long_lines(page)
    slow = _lines(page)
    webcopy._read_lines(page)
    _slow_read_lines(slow)
    assert _marks(_lines(page)) == _marks(slow)


@given(pages)
def test_scores_and_best_stretch_are_those_of_separate_passes(lines: list[str]) -> None:
    page = _read_page(lines)
    words = stopwords.Words()
    scores = webcopy._score_lines(page, "en", words)
    expected = []
    run = 0
    for row, code, menu, repeats in zip(page.rows, page.code, page.menu, page.repeats, strict=True):
        score = webcopy._score(row, code, menu, repeats > 1, "en", words)
        run = run + 1 if score <= webcopy.FURNITURE_SCORE else 0
        expected.append(score * min(run, webcopy.RUN_GROWTH) if run > 1 else score)
    for position in range(1, len(page.rows)):
        if expected[position] > 0 and webcopy._GALLERY_COUNTER.match(
            page.rows[position - 1][webcopy._CONTENT]
        ):
            expected[position] = 0.0
    assert scores == expected == page.scores == [line.score for line in _lines(page)]
    if not scores:
        return
    sums = {
        (start, end): sum(scores[start : end + 1])
        for start in range(len(scores))
        for end in range(start, len(scores))
    }
    start, end = webcopy._best_stretch(scores)
    assert sum(scores[start : end + 1]) == max(sums.values())
    assert scores[start] > 0 or start == end  # (no line that weighs nothing opens it)


def _slow_restart(described: list[webcopy.Line], start: int, end: int) -> int:
    """The start after the byline, the stretch walked line by line."""
    before = 0.0
    total = sum(line.words for line in described[start : end + 1] if line.score > 0)
    furniture_seen = False
    for position in range(start, end + 1):
        line = described[position]
        if line.score > 0:
            before += line.words
            if before * 2 >= total:
                break
        elif line.score <= webcopy.FURNITURE_SCORE:
            furniture_seen = True
        elif furniture_seen and webcopy._is_byline(line) and line.header.value.people:  # type: ignore[union-attr]
            following = position + 1
            while following <= end and described[following].score <= 0:
                following += 1
            return following if following <= end else start
    return start


def _slow_box(described: list[webcopy.Line], heading: int, end: int) -> list[int]:
    """The lines of a box of teasers under ``heading`` that the story's paragraphs follow (three,
    crossheads that end a sentence between them, or two or more to the stretch's ``end``); the
    lines the page sets between paragraphs (printed again and again, or furniture) count
    neither as the box's nor as breaks in the story."""

    def paragraph(line: webcopy.Line) -> bool:
        return line.weight >= webcopy.PROSE_LENGTH and line.sentence and not line.marked

    def between(line: webcopy.Line) -> bool:
        return line.repeats >= webcopy.BOX_REPEATS or bool(line.furniture)

    resumed, titles = heading + 1, 0
    while resumed < len(described) and titles < webcopy.BOX_LINES:
        line = described[resumed]
        if paragraph(line) and not between(line):
            break
        if line.header is not None and line.header.kind != "byline":
            return []
        titles += not between(line)
        resumed += 1
    run = []
    for line in described[resumed:]:
        if between(line):
            continue
        if not (line.weight >= webcopy.SENTENCE_LENGTH and line.sentence and not line.marked):
            break
        run.append(line)
    paragraphs = sum(map(paragraph, run))
    closing = (
        webcopy.CLOSING_PARAGRAPHS <= paragraphs == len(run) and described.index(run[-1]) >= end
    )
    if paragraphs < webcopy.RESUMED_PARAGRAPHS and not closing:
        return []
    return _block(described, heading, resumed)


def _block(described: list[webcopy.Line], heading: int, resumed: int) -> list[int]:
    """The positions under ``heading`` up to the first blank line, above ``resumed``."""
    block = [heading + 1]
    while (
        block[-1] + 1 < resumed and described[block[-1] + 1].index == described[block[-1]].index + 1
    ):
        block.append(block[-1] + 1)
    return block[: resumed - heading - 1]


def _slow_again(described: list[webcopy.Line], heading: int, end: int) -> list[int]:
    """The titles of a box whose heading the page prints again below (by ``end`` or a box's
    lines under it), the story's paragraph between, no dated teaser among them."""
    stop = min(end + 1 + webcopy.BOX_LINES, len(described))
    again = [
        at for at in range(heading + 1, stop) if described[at].content == described[heading].content
    ]
    if not again:
        return []
    resumed = heading + 1
    while resumed < min(heading + 1 + webcopy.BOX_LINES, again[0]):
        line = described[resumed]
        if line.weight >= webcopy.PROSE_LENGTH and line.sentence and not line.marked:
            break
        if line.header is not None and line.header.kind != "byline":
            return []
        resumed += 1
    if resumed >= again[0] or not (
        described[resumed].weight >= webcopy.PROSE_LENGTH
        and described[resumed].sentence
        and not described[resumed].marked
    ):
        return []
    return _block(described, heading, resumed)


def _slow_cut(page: webcopy._Page, start: int, end: int, boxed: set[int]) -> int:
    """The end before a section heading, every heading of the stretch found first."""
    described = _lines(page)
    headings = [p for p in range(start, end + 1) if webcopy._section_heading(described[p])]

    def above_tabs(heading: int) -> int:
        """The line above the heading's run of menu items that are no known furniture."""
        last = heading - 1
        while (
            described[heading].menu
            and last > start
            and described[last].menu
            and not described[last].furniture
            and described[last + 1].index == described[last].index + 1
        ):
            last -= 1
        return last

    for number, position in enumerate(headings):
        before = sum(line.words for line in described[start:position] if line.score > 0)
        after = sum(line.words for line in described[position : end + 1] if line.score > 0)
        if (
            webcopy.SHORT_STORY <= before < webcopy.SECTION_AFTER
            and described[position].furniture == "comments"
            and after < before
        ):
            return above_tabs(position)
        if before < webcopy.SECTION_AFTER:
            continue
        following = headings[number + 1] if number + 1 < len(headings) else end + 1
        if described[position].furniture == "share":
            bar = _slow_share_box(described, start, position, following)
            if not bar:
                return above_tabs(position)
            boxed.update(bar)
            continue
        if described[position].furniture != "related":
            return above_tabs(position)
        after = described[position + 1 : position + 4]  # (an inline box, as it was read)
        if not any(line.header is not None for line in after) and any(
            line.weight >= webcopy.UNENDED_PROSE_LENGTH and line.sentence for line in after
        ):
            continue
        box = _slow_box(described, position, end) or _slow_again(described, position, end)
        if box and not any(
            re.search(r"\{\{.{1,80}?\}\}|\{%.{1,80}?%\}", line.content)
            for line in described[position + 1 : following]
        ):
            boxed.update(box)
            continue
        if sum(line.words for line in described[position:following] if line.score > 0) < before:
            return above_tabs(position)
    return end


def _slow_share_box(
    described: list[webcopy.Line], start: int, heading: int, following: int
) -> list[int]:
    """The share bar's lines when the story resumes under it: paragraphs soon after it, three of
    the next four lines, on the words of the story above, set apart by blank lines when the
    story's paragraphs above are."""

    def paragraph(line: webcopy.Line) -> bool:
        return line.weight >= webcopy.PROSE_LENGTH and line.sentence and not line.marked

    def apart(lines: list[webcopy.Line]) -> bool:
        pairs = [
            (one, other)
            for one, other in itertools.pairwise(lines)
            if paragraph(one) and paragraph(other)
        ]
        return 2 * sum(other.index - one.index > 1 for one, other in pairs) > len(pairs)

    def topic(lines: list[webcopy.Line]) -> set[str]:
        texts = [line.content for line in lines if paragraph(line)]
        return {word[:5].casefold() for text in texts for word in re.findall(r"\w{5,}", text)}

    near = heading + 1
    while near < min(heading + 1 + webcopy.BOX_LINES, following) and not paragraph(described[near]):
        near += 1
    resumed = described[near : min(near + webcopy.RESUMED_PARAGRAPHS + 1, following)]
    if sum(map(paragraph, resumed)) < webcopy.RESUMED_PARAGRAPHS:
        return []
    if apart(described[start:heading]) and not apart(described[near:following]):
        return []
    above, below = topic(described[start : heading + 1]), topic(described[near:following])
    if len(above & below) < webcopy.ISLAND_TOPIC * min(len(above), len(below)):
        return []
    return list(range(heading, near))


_PROSE_TEXT = (
    "Councillors met for the {}th time and voted to let night ferries berth in the inner basin, "
    "fishermen said."
)
PROSE = st.integers(0, 999).map(
    lambda n: (
        f"Councillors met for the {n}th time and voted to let night ferries berth in the "
        "inner basin, fishermen said."
    )
)
BLOCKS = st.one_of(
    st.lists(PROSE, min_size=1, max_size=12),
    st.lists(
        st.sampled_from(["Advertisement", "Most read", "Sign in", "Skip to main content"]),
        min_size=1,
        max_size=3,
    ),
    st.just(["By Jane Doe and John Roe"]),
    st.lists(
        st.sampled_from(["Comments", "Related", "Related stories", "Share this article", "Tags"]),
        min_size=1,
        max_size=2,
    ),
    st.lists(st.sampled_from(LINES), min_size=1, max_size=3),
)
"""Pages of runs of prose, furniture, bylines and section headings: what the start and the end of
an article are looked for in."""


@settings(max_examples=300)
@example(  # a related box with less prose after it, up to the comments, than before it
    [
        *map(_PROSE_TEXT.format, range(10)), "Related", *map(_PROSE_TEXT.format, range(10, 12)),
        "Comments", *map(_PROSE_TEXT.format, range(20, 30)),
    ],
    0,
    0,
)  # fmt: skip
@example(  # a "Most read" box of titles and names, then more of the story
    [
        *map(_PROSE_TEXT.format, range(10)), "Most read", "Harbour Board Backs Night Ferries",
        "Jane Doe", "", "Ferries To Berth At Night, Board Says",
        *map(_PROSE_TEXT.format, range(10, 14)),
    ],
    0,
    0,
)  # fmt: skip
@example(  # a "Most read" box over an advertisement's label, then more of the story
    [
        *map(_PROSE_TEXT.format, range(8)), "Most read", "Advertisement",
        *map(_PROSE_TEXT.format, range(8, 11)),
    ],
    0,
    0,
)  # fmt: skip
@example(  # a share bar under the story's opening, then more of it
    [
        *map(_PROSE_TEXT.format, range(8)), "Share this article",
        *map(_PROSE_TEXT.format, range(8, 11)),
    ],
    0,
    0,
)  # fmt: skip
@example(  # a share bar under the story's paragraphs set apart, then lines run together
    [
        *(line for n in range(8) for line in (_PROSE_TEXT.format(n), "")), "Share this article",
        *map(_PROSE_TEXT.format, range(8, 12)),
    ],
    0,
    0,
)  # fmt: skip
@given(
    st.lists(BLOCKS, max_size=12).map(lambda blocks: [line for block in blocks for line in block]),
    st.integers(0, 99),
    st.integers(0, 99),
)
def test_restart_and_section_cut_are_those_of_a_line_by_line_walk(
    lines: list[str], first: int, last: int
) -> None:
    page = _read_page(lines)
    webcopy._score_lines(page, "en", stopwords.Words())
    if not page.rows:
        return
    slow = _lines(page)
    count = len(slow)
    for start, end in ((0, count - 1), sorted((first % count, last % count))):
        described = webcopy._Described(page)
        assert webcopy._restart_at_byline(described, start, end) == _slow_restart(slow, start, end)
        boxed: set[int] = set()
        slow_boxed: set[int] = set()
        cut = webcopy._cut_at_section(described, start, end, boxed)
        assert cut == _slow_cut(page, start, end, slow_boxed)
        assert boxed == slow_boxed


NOISY_LINES = [
    *LINES, "{", "x }", "function f() {", "var a = 1;", "See https://example.org", "a | b",
    "Home › News › Local", "« 1 | 2 »", "www.", "<", "<p>Text</p>", "", "—", "12:30",
    "<p>A paragraph of text</p>", "www.example.org/news", "See https://example.org/news",
    "if (ready) { start();", "done(); } // end of the block", "the function of the harbour board",
    "Home > News > Local", "Home » News » Local", "Previous | Next", "——————————————",
    "<!-- the start of a comment", "run function () now",
]  # fmt: skip


@given(
    st.lists(
        st.one_of(st.sampled_from(NOISY_LINES), st.text(max_size=20)),
        min_size=webcopy.JOINED_SEARCH,
        max_size=400,
    )
)
def test_noise_of_a_long_page_is_that_of_each_line(contents: list[str]) -> None:
    read = [index % 3 > 0 for index in range(len(contents))]
    expected = [
        wanted and webcopy._is_noise(text) for text, wanted in zip(contents, read, strict=True)
    ]
    assert webcopy._noises(contents, read) == expected


PICTURE_LINES = [
    *LINES, "Photo", "3 of 12", "Image caption The harbour at dawn, before the ferries came in.",
    "The minister at the quay. (Jane Doe/AFP/Getty Images)", "JANE DOE/AFP/Getty Images",
    "Fishing boats in the inner basin. Photo: AP / Jane Doe", "Credit Jane Doe", "Video",
    "The board, chaired by the harbour master, met at the old customs house: the vote was close "
    "and the fishermen's association said it would appeal against it.",
    "Boats by the breakwater: a photo taken by the harbour master from the lighthouse gallery.",
    "Bild: dpa", "(Photo by Jane Doe/Getty Images)", "Gallery", "1. Photo",
]  # fmt: skip
MENU = ["Skip to main content", "", "* News", "* Sport", "* Weather", "Sign in", ""]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(PICTURE_LINES), max_size=40))
@example([LINES[39], "", LINES[40], "", "3 of 12", "", LINES[41], "", "Photo", "", LINES[40]])
@example(["o Third level", "o Third level", PICTURE_LINES[-6], "o Third level", PICTURE_LINES[-6]])
def test_paragraphs_are_placed_as_when_every_line_is_read_for_captions(lines: list[str]) -> None:
    """The body is placed without reading a caption in the lines that cannot hold one (nor be a
    picture's label): as when every line is read in full (a label printed three times between
    the story's paragraphs, "o Third level", is told a box's by the caption it holds, not by the
    screen that lets it through)."""
    page = MENU + lines
    found = webcopy.find_article(page)
    with (
        patch.object(captions, "may_be_caption", lambda line: True),
        patch.object(captions, "may_be_picture_label", lambda line: True),
    ):
        expected = webcopy.find_article(page)
    assert (found is None) == (expected is None)
    if found is not None and expected is not None:
        assert vars(found) == vars(expected)


@given(st.text(st.characters(min_codepoint=0x0DF0, max_codepoint=0xAD00), max_size=40) | st.text())
@example("渔船停泊在内港。 ไทย 한국어 かな abc")
def test_unspaced_characters_are_counted_as_the_pattern_finds_them(text: str) -> None:
    """What is left of a line once the runs of other characters are taken out."""
    expected = len(webcopy._UNSPACED.findall(text))
    assert webcopy._unspaced_count(text) == expected


@given(st.lists(st.text(st.characters(min_codepoint=0x0DF0, max_codepoint=0xAD00)) | st.text()))
@example(["渔船停泊在内港。", "abc", "ไทย\n한국어", "“quoted”"])
@example(["abc", "“quoted” — 😀"])
def test_unspaced_characters_of_a_page_are_counted_as_in_each_line(texts: list[str]) -> None:
    """Counted in the lines joined, as in each line alone (a line break inside a line too)."""
    expected = [len(webcopy._UNSPACED.findall(text)) for text in texts]
    assert webcopy._unspaced_counts(texts) == expected


_MARKED_TEXTS = st.text(
    st.sampled_from(["*", "+", "•", "·", "▪", "►", "o", "1", "2", ".", ")", " ", "\t", "\u3000"])
    | st.characters(),
    min_size=1,
    max_size=8,
)


@given(_MARKED_TEXTS.map(str.strip).filter(bool))
@example("* News")
@example("*")
@example("o\u3000Third level")
@example("old")
@example("12. First")
@example("•")
@example("·")
def test_a_list_marker_is_taken_off_as_the_pattern_finds_it(text: str) -> None:
    """A line's bullet is told without the marker pattern: what follows it is what follows the
    pattern's match, stripped (``None`` with no marker)."""
    marker = webcopy._MARKER.match(text)
    expected = None if marker is None else text[marker.end() :].strip()
    assert webcopy._after_marker(text) == expected


@given(
    st.text(st.sampled_from(["a", "b", " ", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x7f"]))
    .map(str.strip)
    .filter(bool)
)
@example("one two  three")
@example("one\x1ftwo")
@example("one\x7ftwo")
def test_words_of_an_ascii_line_are_those_split_apart(content: str) -> None:
    """A line of ASCII is counted by its bytes (as :func:`str.split` splits it)."""
    assert webcopy._spaced_words(content) == len(content.split())


_ENDINGS = st.sampled_from([".", "!", "?", "。", "…", ";", ":", '."', ".)", "U.S.", "Jr.", "Mr."])


@given(st.text(max_size=60), _ENDINGS | st.just(""))
@example("The ferries came in", ".")
@example("A vote in the U.S", ".")
@example("It was", " (AP)")
def test_a_sentence_end_is_told_as_the_pattern_finds_it(text: str, ending: str) -> None:
    """A line that ends with a stop is told without the pattern, as the pattern tells it."""
    content = (text + ending).strip()
    tail = content[-webcopy.TAIL :]
    expected = webcopy._SENTENCE_END.search(tail) is not None and not ends_with_abbreviation(tail)
    found = content[-1:] in webcopy._SENTENCE_LAST and webcopy._ends_a_sentence(content)
    assert found == expected


def test_a_byline_label_opens_with_one_of_its_first_letters() -> None:
    """Every character the label pattern's first letters match, ignoring case, is one of those it
    is tried on (read through every code point)."""
    first_letters = re.compile(r"[bvpd]", re.IGNORECASE)
    matched = {
        chr(code) for code in range(0x110000) if first_letters.fullmatch(chr(code)) is not None
    }
    assert matched == webcopy._BYLINE_LABEL_FIRST
    assert {alternative[0] for alternative in ("by", "von", "par", "por", "di", "door")} <= matched
    assert webcopy._BYLINE_LABEL.pattern.startswith(r"^(?:by|von|par|por|di|door)\s")


@given(st.lists(st.text(max_size=80) | st.sampled_from(PICTURE_LINES), max_size=20))
@example(["Photo 1 of 12 by the harbour wall", "Image 3 of 9", "渔船 停泊 在 内港 的 夜晚"])
def test_a_line_of_more_words_than_a_picture_label_is_none(lines: list[str]) -> None:
    """The body's lines of more words than a label, counted in a line of no unspaced script, are
    not asked whether they are a picture's label: none is."""
    page = webcopy._describe(lines)
    webcopy._read_long_lines(page)
    for content, _, words, weight, *_ in page.rows:
        if words > captions.PICTURE_LABEL_WORDS and weight == len(content):
            assert not captions.is_picture_label(content)
