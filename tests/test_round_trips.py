"""The round-trip defects of issue 12, item 12, one by one (tests/test_crossformat.py checks the
rule on every corpus article and every writer).

A writer never invents or silently changes a field: what it cannot carry, or what will read back
differently, is named in a warning's ``fields``.
"""

from __future__ import annotations

import pytest

from articlekit import Article, Concept, Paragraph, Person, Span, read, write
from articlekit.diagnostics import Diagnostic
from articlekit.model import Dateline, content_id

from conftest import shared_path

BODY = [
    Paragraph(content=[Span(text="The first ferry sailed at dawn, crews said on Friday.")]),
    Paragraph(content=[Span(text="More sailings follow next week, the operator said.")]),
]


def named(warnings: tuple[Diagnostic, ...], field: str) -> list[Diagnostic]:
    return [warning for warning in warnings if field in warning.fields]


def test_nitf_authors_without_a_byline_read_back_without_one() -> None:
    article = Article(
        headline="Ferries return to the harbour",
        authors=[
            Person(name="Mara Lind", uri="https://example.org/staff/lind"),
            Person(name="Tomas Oyelaran", role="photographer"),
        ],
        body=BODY,
    )
    written = write(article, format="nitf")
    assert b'<byline class="authors-only">' in written.value
    assert b'<person value="https://example.org/staff/lind">Mara Lind</person>' in written.value
    back = read(written.value).value
    assert back.byline is None  # not invented from the authors
    assert back.authors == article.authors  # URIs and roles kept
    assert not named(written.warnings, "byline") and not named(written.warnings, "authors")


def test_nitf_printed_byline_keeps_author_uris() -> None:
    article = Article(
        headline="Ferries return to the harbour",
        byline="By Mara Lind, Harbour Reporter",
        authors=[Person(name="Mara Lind", role="Harbour Reporter", uri="urn:example:lind")],
        body=BODY,
    )
    back = read(write(article, format="nitf").value).value
    assert (back.byline, back.authors) == (article.byline, article.authors)


def test_nitf_subject_codes_are_iptc_only_when_they_look_like_it() -> None:
    article = Article(
        headline="Ferries return to the harbour",
        subjects=[Concept(name="Innenriks", code="Innenriks"), Concept(code="04000000")],
        body=BODY,
    )
    written = write(article, format="nitf")
    subjects = read(written.value).value.subjects
    assert subjects[0] == Concept(name="Innenriks", code="Innenriks")  # no vocabulary invented
    assert subjects[1].vocabulary == "http://cv.iptc.org/newscodes/subjectcode/"
    [warning] = named(written.warnings, "subjects")  # the 8-digit code's change is said
    assert warning.message == (
        "subjects: the codes 04000000 have no vocabulary; NITF readers take 8-digit codes for "
        "IPTC Subject Codes"
    )


def test_text_bylines_are_printed_as_they_are_when_the_reader_takes_them() -> None:
    for byline in ("By Jane Doe", "By NTB-AFP-DPA", "By Jane Doe and John Roe, Staff Writers"):
        article = Article(headline="Ferries return to the harbour", byline=byline, body=BODY)
        written = write(article, format="text")
        assert b"By By" not in written.value
        assert read(written.value, format="text").value.byline == byline
        assert not named(written.warnings, "byline")


def test_text_byline_changes_are_named() -> None:
    """A byline the text reader does not take as printed ("Von ...": non-English bylines are
    the text reader's to learn, issue 11) is printed so that it reads as one, and the change is
    said; so is a byline made from authors (the text layout credits people in a byline line)."""
    for article in (
        Article(headline="Koalition einigt sich", byline="Von Christian Hollmann, dpa", body=BODY),
        Article(headline="Koalition einigt sich", authors=[Person(name="Jane Doe")], body=BODY),
    ):
        written = write(article, format="text")
        back = read(written.value, format="text").value
        if back.byline != article.byline:
            assert named(written.warnings, "byline"), written.warnings


def test_text_derived_id_changes_are_named() -> None:
    article = Article(headline="BC-BBN--Top Ten", body=BODY)  # a slug: not read as a headline
    assert article.id == content_id(article)
    written = write(article, format="text")
    back = read(written.value, format="text").value
    assert back.id != article.id
    assert named(written.warnings, "id") and named(written.warnings, "headline")


def test_ap_table_article_through_text_says_what_changes() -> None:
    source = read(shared_path("corpus", "nitf", "ap-media-nitf-namespaced-table.xml")).value
    written = write(source, format="text")
    back = read(written.value, format="text").value
    for field in ("headline", "dateline", "source", "published"):
        if getattr(back, field) != getattr(source, field):
            assert named(written.warnings, field), field


def test_newsml_byline_in_the_body_is_said_on_writing_and_reading() -> None:
    article = Article(
        headline="Top Ten",
        body=[Paragraph(content=[Span(text="By The Associated Press")]), *BODY],
    )
    written = write(article, format="newsml")
    [warning] = named(written.warnings, "byline")
    assert "'By The Associated Press' reads as a byline" in warning.message
    assert set(warning.fields) == {"body", "byline", "authors"}
    back = read(written.value)
    assert back.value.byline == "By The Associated Press"
    assert "newsml-body-byline" in {warning.code for warning in back.warnings}


def test_ninjs_prints_no_dateline_that_located_holds_whole() -> None:
    """A dateline of a place alone is located's: the story is written as it is."""
    article = Article(headline="Ferries return", dateline=Dateline(place="PORT ALDWIN"), body=BODY)
    for name in ("ninjs", "ninjs2", "ninjs1"):
        written = write(article, format=name)
        assert b"PORT ALDWIN \xe2\x80\x94" not in written.value
        back = read(written.value).value
        assert (back.dateline, back.body) == (article.dateline, article.body)


def test_ninjs_prints_the_dateline_located_cannot_hold() -> None:
    """located holds a place: the agency and date travel printed at the story's start, as an
    agency prints them, and come back out of it."""
    dateline = Dateline(place="PORT ALDWIN", date_text="Oct 6", agency="AP")
    article = Article(headline="Ferries return to the harbour", dateline=dateline, body=BODY)
    for name in ("ninjs", "ninjs2", "ninjs1"):
        written = write(article, format=name)
        assert not named(written.warnings, "dateline")
        assert b"PORT ALDWIN, Oct 6 (AP) \xe2\x80\x94 " in written.value
        back = read(written.value).value
        assert (back.dateline, back.body) == (dateline, article.body)


@pytest.mark.parametrize(
    "dateline", [None, Dateline(place="PORT ALDWIN", agency="AP")], ids=["none", "repeated"]
)
def test_ninjs_says_a_story_opening_with_a_dateline_will_lose_it(
    dateline: Dateline | None,
) -> None:
    """A story whose own first words are a dateline (and no dateline field, or the same one)
    loses them to the reader, as NITF and NewsML-G2 stories do: the writer says so."""
    opening = Paragraph(content=[Span(text="PORT ALDWIN (AP) — The first ferry sailed at dawn.")])
    article = Article(headline="Ferries return", dateline=dateline, body=[opening, *BODY[1:]])
    for name in ("ninjs", "ninjs2", "ninjs1"):
        written = write(article, format=name)
        [warning] = [w for w in written.warnings if w.code == "ninjs-not-round-trippable"]
        assert set(warning.fields) == {"body", "dateline"}
        back = read(written.value).value
        assert back.paragraphs[0] == "The first ferry sailed at dawn."
        # (the story's own print carries the agency: no loss said, none made)
        assert back.dateline == Dateline(place="PORT ALDWIN", agency="AP")
        assert not [w for w in written.warnings if w.code == "field-dropped"]


def test_ninjs_names_the_dateline_parts_it_drops() -> None:
    """With no paragraph to open, the dateline's agency and date are said to be lost."""
    article = Article(
        headline="Ferries return to the harbour",
        dateline=Dateline(place="PORT ALDWIN", date_text="Oct 6", agency="AP"),
    )
    for name in ("ninjs", "ninjs2", "ninjs1"):
        written = write(article, format=name)
        [warning] = named(written.warnings, "dateline")
        assert "the dateline's agency 'AP' and date 'Oct 6' (located is a place)" in warning.message
        assert read(written.value).value.dateline == Dateline(place="PORT ALDWIN")


@pytest.mark.parametrize(
    ("name", "printed"),
    [("肖春明", "作者：肖春明"), ("ليلى المصري", "بقلم ليلى المصري"), ("דנה לוי", "מאת דנה לוי"),
     ("Jane Doe", "By Jane Doe")],
)  # fmt: skip
def test_text_prints_authors_with_a_label_of_their_script(name: str, printed: str) -> None:
    """Names without capitals read as a byline only after a label of their own script: the text
    writer prints the authors of an article without a byline so, and they read back."""
    headline = "Night ferries return to the old harbour"
    article = Article(headline=headline, authors=[Person(name=name)], body=BODY)
    written = write(article, format="text")
    assert printed in written.value.decode().splitlines()
    back = read(written.value, format="text").value
    assert (back.byline, back.authors) == (printed, article.authors)
