"""Bylines: who a "By ..." line credits, and what is not a byline at all."""

from __future__ import annotations

import pytest

from articlekit.prose import byline as byline_module
from articlekit.prose import captions
from articlekit.prose.byline import (
    authors_from_byline,
    byline_names,
    is_job_title,
    parse_byline,
    split_byline,
)
from articlekit.prose.headers import may_be_byline, read_header


@pytest.mark.parametrize(
    ("line", "people"),
    [
        ("By Jane Doe", [{"name": "Jane Doe"}]),
        (
            "By Jane Doe and Omar Farouk, Staff Writers",
            [
                {"name": "Jane Doe", "role": "Staff Writers"},
                {"name": "Omar Farouk", "role": "Staff Writers"},
            ],
        ),
        (
            "By PAUL BYRNE and ALMUDENA CALATRAVA",
            [{"name": "PAUL BYRNE"}, {"name": "ALMUDENA CALATRAVA"}],
        ),
        ("By Tom Krasovic, The San Diego Union-Tribune", [{"name": "Tom Krasovic"}]),
        ("By Staff Reporter, BusinessDesk", []),
        ("By Jane Doe, Harbour Desk", [{"name": "Jane Doe"}]),
        ("By Jane Doe, Washington Bureau", [{"name": "Jane Doe"}]),
        ("BY JANE DOE & JOHN ROE", [{"name": "JANE DOE"}, {"name": "JOHN ROE"}]),
        # initials in brackets belong to the name; an outlet in brackets is no person
        ("By Richard (R.J.) Eskow", [{"name": "Richard (R.J.) Eskow"}]),
        (
            "By Richard (R.J.) Eskow and Jane Doe",
            [{"name": "Richard (R.J.) Eskow"}, {"name": "Jane Doe"}],
        ),
        ("By Jane Doe (AP)", [{"name": "Jane Doe"}]),
        # the people a writer worked with, in brackets, are credited too
        (
            "Par Jeanne Durand (avec Luc Martin et Ana Souza)",
            [{"name": "Jeanne Durand"}, {"name": "Luc Martin"}, {"name": "Ana Souza"}],
        ),
        ("By Jane Doe (with John Roe)", [{"name": "Jane Doe"}, {"name": "John Roe"}]),
        # a second writer joined by "with" (in each language's word), not a credit in lower case
        ("By Jane Doe with Omar Farouk", [{"name": "Jane Doe"}, {"name": "Omar Farouk"}]),
        (
            "By Jane Doe with Élodie Martin and Omar Farouk",
            [{"name": "Jane Doe"}, {"name": "Élodie Martin"}, {"name": "Omar Farouk"}],
        ),
        ("Von Jana Dorn mit Omar Farouk", [{"name": "Jana Dorn"}, {"name": "Omar Farouk"}]),
        ("Par Jeanne Durand avec Luc Martin", [{"name": "Jeanne Durand"}, {"name": "Luc Martin"}]),
        ("Por Ana López con Luis Vidal", [{"name": "Ana López"}, {"name": "Luis Vidal"}]),
        ("Di Anna Rossi con Luca Bianchi", [{"name": "Anna Rossi"}, {"name": "Luca Bianchi"}]),
        ("Por Ana Souza com Luís Vidal", [{"name": "Ana Souza"}, {"name": "Luís Vidal"}]),
        ("By Jane Doe with The Associated Press", [{"name": "Jane Doe"}]),
        # an agency after a name's slash is the outlet; a band's slash is no outlet's
        ("By Jane Doe/AFP", [{"name": "Jane Doe"}]),
        ("By AC/DC", [{"name": "AC/DC"}]),
        ("By Jane Doe/Staff", [{"name": "Jane Doe", "role": "Staff"}]),
        ("By Jane/AP", [{"name": "Jane"}]),
        ("By Jane Doe and John Roe/AP", [{"name": "Jane Doe"}, {"name": "John Roe"}]),
        # a browser's copy may run the names into the date
        ("by Jane Doe22 Dec 2016", [{"name": "Jane Doe"}]),
        ("Von Jana Schmidt3. März 2024", [{"name": "Jana Schmidt"}]),
        # an expert's title is their role, their institution no person; a label said again
        (
            "By Jane Doe, Director of Harbour Policy, Westcliff Sailing Foundation",
            [{"name": "Jane Doe", "role": "Director of Harbour Policy"}],
        ),
        (
            "By Jane Doe, Professor of Maritime Law, University of Westcliff",
            [{"name": "Jane Doe", "role": "Professor of Maritime Law"}],
        ),
        ("By Jane Doe; By John Roe", [{"name": "Jane Doe"}, {"name": "John Roe"}]),
        ("Von Jana Roth; Von Karl Moser", [{"name": "Jana Roth"}, {"name": "Karl Moser"}]),
        ("Par Jeanne Durand; Par Luc Martin", [{"name": "Jeanne Durand"}, {"name": "Luc Martin"}]),
        # an agency's job title in German, its plural too
        (
            "Von Greta Holm, dpa-Korrespondentin",
            [{"name": "Greta Holm", "role": "dpa-Korrespondentin"}],
        ),
        (
            "Von Greta Holm und Lars Berg, dpa-Korrespondenten",
            [
                {"name": "Greta Holm", "role": "dpa-Korrespondenten"},
                {"name": "Lars Berg", "role": "dpa-Korrespondenten"},
            ],
        ),
        ("By Jane Doe, Chief Economist", [{"name": "Jane Doe", "role": "Chief Economist"}]),
        # surnames that are titles too, a title before a name, an outlet: no roles
        ("By Emma Fellows", [{"name": "Emma Fellows"}]),
        ("Von Tobias Sprecher und Jana Roth", [{"name": "Tobias Sprecher"}, {"name": "Jana Roth"}]),
        ("Par Claire Directeur", [{"name": "Claire Directeur"}]),
        ("By Professor Jane Doe", [{"name": "Professor Jane Doe"}]),
        ("By Jane Doe, The Economist", [{"name": "Jane Doe"}]),
    ],
)
def test_people_credited(line: str, people: list[dict[str, str]]) -> None:
    names = byline_names(line)
    assert names is not None
    assert authors_from_byline(names) == people


@pytest.mark.parametrize(
    "line",
    [
        "By the time the police arrived", "By then, it was over.", "Bystanders fled", "By",
        "By the time Jane Doe with Omar Farouk arrived", "By Jane Doe with additional reporting",
        "Orphan Diseases (B Doe, Section Editor)",  # (a bracket split at its comma credits no one)
    ],
)  # fmt: skip
def test_not_bylines(line: str) -> None:
    assert byline_names(line) is None


def test_an_agency_credited_for_the_pictures_is_not_the_outlet() -> None:
    byline = parse_byline("By Jane Doe Photos: Reuters")
    assert byline is not None
    assert byline.organisation is None and byline.contributors == ("Reuters (photos)",)


def test_a_credit_s_names_end_before_a_date_and_an_outlet_loses_its_bracket() -> None:
    dated = parse_byline("By Jane Doe Photo: John Roe and Jane Smith March 3, 2024")
    assert dated is not None and dated.date_text == "March 3, 2024"
    assert "John Roe (photo)" in dated.contributors
    outlet = parse_byline("Von Anna Schmidt, dpa (aktualisiert)")
    assert outlet is not None and outlet.organisation == "dpa"


@pytest.mark.parametrize(
    ("line", "people", "contributors"),
    [
        ("Erstellt von Jana Schmidt", [{"name": "Jana Schmidt"}], ()),
        ("Verfasst von hafenfan", [{"name": "hafenfan"}], ()),  # (a blog's user name)
        ("Écrit par Jeanne Durand", [{"name": "Jeanne Durand"}], ()),
        ("Escrito por María López", [{"name": "María López"}], ()),
        ("Written by: Jane Doe", [{"name": "Jane Doe"}], ()),
        ("Erstellt von: Jana Schmidt", [{"name": "Jana Schmidt"}], ()),
        ("Scritto da Marco Rossi", [{"name": "Marco Rossi"}], ()),
        ("Por Mariano Ruiz mruiz@example.com.ar", [{"name": "Mariano Ruiz"}], ()),
        (
            "Text von Jana Schmidt Illustration von Max Muster",
            [{"name": "Jana Schmidt"}],
            ("Max Muster (illustration)",),
        ),
        ("By Jane Doe | Photos by John Roe", [{"name": "Jane Doe"}], ("John Roe (photos)",)),
        ("Von Jana Schmidt, Foto: Max Muster", [{"name": "Jana Schmidt"}], ("Max Muster (foto)",)),
        ("By Jane Doe / Photo: AP", [{"name": "Jane Doe"}], ("AP (photo)",)),
        (
            "Text: Jane Doe Fotos: John Roe und Ann Lee",
            [{"name": "Jane Doe"}],
            ("John Roe (fotos)", "Ann Lee (fotos)"),
        ),
        ("Von Jane Doe, Foto: dpa", [{"name": "Jane Doe"}], ("dpa (foto)",)),
        ("Ecrit par Jean Dupont", [{"name": "Jean Dupont"}], ()),  # (no accent on the capital)
        (
            "Von Anna Schmidt, Video: Tom Berg und Fotos: Ann Lee",
            [{"name": "Anna Schmidt"}],
            ("Tom Berg (video)", "Ann Lee (fotos)"),
        ),
        ("By Jane Doe, Photo: afpx", [{"name": "Jane Doe"}, {"name": "Photo: afpx"}], ()),
    ],
)
def test_labels_in_other_words_emails_and_picture_credits(
    line: str, people: list[dict[str, str]], contributors: tuple[str, ...]
) -> None:
    """ "Written by" in other languages; an e-mail address after the name is no name; the
    person credited for the pictures is a contributor, not an author."""
    byline = parse_byline(line)
    assert byline is not None
    assert byline.people == people
    assert byline.contributors == contributors


@pytest.mark.parametrize(
    "line",
    [
        "da Marco Rossi", "Es gibt keine Daten", "Erstellt am 3. Mai",
        # "published by" credits a publisher more often than a writer
        "Publicado por Penguin Random House", "Veröffentlicht von Apple",
    ],
)  # fmt: skip
def test_the_verbs_need_their_preposition(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("line", "people"),
    [
        (
            "Analysis by Jane Doe, Senior Harbour Analyst",
            [{"name": "Jane Doe", "role": "Senior Harbour Analyst"}],
        ),
        ("Opinion by Jane Doe and John Roe", [{"name": "Jane Doe"}, {"name": "John Roe"}]),
        ("COMMENTARY BY: Jane Doe", [{"name": "Jane Doe"}]),
    ],
)
def test_the_kind_of_piece_may_head_its_by(line: str, people: list[dict[str, str]]) -> None:
    """News sites credit an analysis, an opinion or a commentary as "Analysis by Jane Doe"."""
    byline = parse_byline(line)
    assert byline is not None and byline.people == people


@pytest.mark.parametrize(
    "line",
    [
        "Analysis by experts shows the harbour is full",
        "Opinion by the board",
        "Analysis by",
        "Analysis by harbour_fan42",
    ],
)
def test_a_kind_of_piece_names_no_user(line: str) -> None:
    """After "Analysis by" only names count (not a user name as after "Posted by")."""
    assert parse_byline(line) is None
    assert parse_byline("Posted by harbour_fan42") is not None  # (the user name after a verb)


def test_runs_of_spaces_are_no_work() -> None:
    """ "By x" and 8,000 spaces once made the pattern backtrack for minutes."""
    assert byline_names("By Jane" + " " * 8_000 + "Doe") == "Jane Doe"
    # (and before a bracket, in the names the XML and DOCX readers hand over: once a minute)
    assert authors_from_byline("Jane Doe" + " " * 20_000 + "(AP)") == [{"name": "Jane Doe"}]
    assert byline_names("By " + "Jane Doe and " * 20 + "John Roe") is None  # no byline that long


@pytest.mark.parametrize(
    ("line", "names", "date_text"),
    [
        ("1. März 2019 von Jana Hafen", "Jana Hafen", "1. März 2019"),
        ("3 janvier 2021 par Jeanne Durand", "Jeanne Durand", "3 janvier 2021"),
        ("3 de enero de 2021 por María López", "María López", "3 de enero de 2021"),
        ("Veröffentlicht am 3. Mai 2021 von Jana Schmidt", "Jana Schmidt", "3. Mai 2021"),
        ("Publiziert am 3. Mai 2021 von hafenfan", "hafenfan", "3. Mai 2021"),  # (a user name)
        ("Posted on May 3, 2021 by hafenfan", "hafenfan", "May 3, 2021"),
        ("March 3, 2021 by admin", "admin", "March 3, 2021"),  # (a blog's user after "by")
        ("3. Mai 2021 von hafenfan 2 Kommentare", "hafenfan", "3. Mai 2021"),
        ("am 4. Mai 2021 von Jana Schmidt in Allgemeines", "Jana Schmidt", "4. Mai 2021"),
        # ... and the blog's category after the word each language sets before it
        ("3 mai 2021 par hafenfan dans Actualités", "hafenfan", "3 mai 2021"),
        ("3 de mayo de 2021 por hafenfan en Noticias", "hafenfan", "3 de mayo de 2021"),
        ("3 de maio de 2021 por hafenfan em Notícias", "hafenfan", "3 de maio de 2021"),
        # the day it was published and the day it was updated, run together by the copy
        ("7. Juni 20219. Juni 2021 von Tom Berg", "Tom Berg", "7. Juni 2021"),
        ("Posted on June 7, 2021June 9, 2021 by Tom Berg", "Tom Berg", "June 7, 2021"),
    ],
)
def test_a_date_then_a_byline_in_other_languages(line: str, names: str, date_text: str) -> None:
    """Blog themes print the date first and the author after "von", "par", "por" as after "by"."""
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.names, byline.date_text) == (names, date_text)
    header = read_header(line)
    assert header is not None and header.kind == "byline"
    assert may_be_byline(line)


@pytest.mark.parametrize(
    "line",
    [
        "Le 3 janvier 2021 par exemple",  # a word after a bare date is no user name
        "On March 3, 2021 by mistake",
        "Am 3. Mai 2021 von Olaf Scholz in Berlin eröffnet.",  # no blog category: a sentence
        "March 3, 2021 by Jane Doe in Washington announced new rules",
        "3. März 2019 von Berlin",  # one word after a bare date and "von": a place as often
        "By Friday Night.",
        "By Popular Demand.",
        "3. Mai 2021 von Jana Schmidt in Berlin und Hamburg",  # no category: a sentence's end
    ],
)
def test_sentences_after_a_date_are_no_bylines(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe 3 Comments", "Jane Doe"),
        ("By Jane Doe No Comments", "Jane Doe"),
        ("March 3, 2024 by Jane Doe Leave a comment", "Jane Doe"),
        ("5. Mai 2021 von Jana Schmidt 2 Kommentare", "Jana Schmidt"),
        ("5. Mai 2021 von Jana Schmidt Ein Kommentar", "Jana Schmidt"),
        ("5. Mai 2021 von Jana Schmidt Schreibe einen Kommentar", "Jana Schmidt"),
        ("Par Jeanne Durand 1 commentaire", "Jeanne Durand"),
        ("Por María López Sin comentarios", "María López"),
        ("By Jane Doe | Comments (4)", "Jane Doe"),
    ],
)
def test_a_comment_count_after_the_names_is_no_name(line: str, names: str) -> None:
    assert byline_names(line) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe Twitter", "Jane Doe"),
        ("By Jane Doe LinkedIn", "Jane Doe"),
        ("By Jane Doe Email Twitter", "Jane Doe"),
        ("von Jana Schmidt Twitter Account von Jana Schmidt", "Jana Schmidt"),
        ("Par Jeanne Durand Facebook Instagram", "Jeanne Durand"),
        ("By Wang Xing and Li Na", "Wang Xing and Li Na"),  # (Xing: a name, and a network)
        ("BY LI XING", "LI XING"),
    ],
)
def test_links_to_the_authors_accounts_are_no_names(line: str, names: str) -> None:
    """A copy runs the names of an author's account links into the byline."""
    assert byline_names(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "Last Update March 3, 2024",
        "Letzte Aktualisierung am 2.02.2022",
        "Erstellt Am 3.12.2024",
        "Publish Date March 3, 2024",
        "SubscribeSign In March 3, 2024",  # (two menu words run together, over a date)
        "Copy Link Facebook Twitter Reddit",  # (a share bar: account links end only a byline)
    ],
)
def test_date_labels_words_run_together_and_share_bars_are_no_line_of_names(line: str) -> None:
    assert parse_byline(line, labelled=False) is None


@pytest.mark.parametrize(
    "line", ["All Articles", "Alle Artikel", "Ask Question", "Article Gallery", "Galería Completa"]
)
def test_words_of_buttons_tabs_and_links_are_no_line_of_names(line: str) -> None:
    """An author box's "all articles" link, a forum's "ask a question" button, tabs over the
    story: capitalised words, but words of the page's controls, which no name holds."""
    assert parse_byline(line, labelled=False) is None
    assert parse_byline("Von Jana Dorn") is not None  # (a labelled byline still reads)
    assert parse_byline("Jane Doe", labelled=False) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Kimiko Date March 3, 2024",
        "Ella FitzGerald March 3, 2024",
        "Jane McDonald",
        "Jeff VanderMeer",
        "Anna VandeWalle March 3, 2024",
    ],
)
def test_names_with_inner_capitals_or_a_date_word_stay_names(line: str) -> None:
    assert parse_byline(line, labelled=False) is not None


@pytest.mark.parametrize(
    ("line", "names"),
    [("By Jane Doe.", "Jane Doe"), ("Par Jeanne Marie Durand.", "Jeanne Marie Durand"),
     ("By Elizabeth Day.", "Elizabeth Day"),  # (a name may hold a word of a phrase)
     ("By Jane Doe C.", "Jane Doe C.")],  # (an initial keeps its stop)
)  # fmt: skip
def test_a_labelled_byline_may_end_with_a_full_stop(line: str, names: str) -> None:
    assert byline_names(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "By Monday.", "By the way, it rained.", "Von morgen an.", "By Then The Harbour Closed.",
        "Am 3. Mai 2021 von der Polizei festgenommen", "3. Mai 2021 von Berlin nach Hamburg",
        "Jane Doe.",
    ],
)  # fmt: skip
def test_sentences_stay_no_bylines(line: str) -> None:
    assert byline_names(line) is None


@pytest.mark.parametrize(
    ("line", "names", "date_text"),
    [
        ("By Jane Doe On 3. Mai 2021", "Jane Doe", "3. Mai 2021"),
        ("By Jane Doe Last updated May 3, 2021", "Jane Doe", "Last updated May 3, 2021"),
        ("Von Jana Schmidt Veröffentlicht am 3. Mai 2021", "Jana Schmidt",
         "Veröffentlicht am 3. Mai 2021"),
        ("Von Jana Schmidt // 3. Mai 2021", "Jana Schmidt", "3. Mai 2021"),
        ("Por María López 5 mayo, 2022, 6:12 pm", "María López", "5 mayo, 2022, 6:12 pm"),
        ("By Jane Doe on Thu, May 6, 2021 at 4:00 am", "Jane Doe", "Thu, May 6, 2021 at 4:00 am"),
        ("By Ann Le, May 3, 2021", "Ann Le", "May 3, 2021"),  # ("Le" is a surname)
    ],
)  # fmt: skip
def test_the_names_end_where_the_date_begins(line: str, names: str, date_text: str) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.names, byline.date_text) == (names, date_text)


@pytest.mark.parametrize(
    ("line", "printed", "names", "date_text"),
    [
        ("BY JANE DOEPUBLISHED: JAN 29, 2025", "BY JANE DOE", "JANE DOE",
         "PUBLISHED: JAN 29, 2025"),
        ("By Jane DoeUpdated March 5, 2025", "By Jane Doe", "Jane Doe", "Updated March 5, 2025"),
        ("By Jane DoeMar 5, 2025", "By Jane Doe", "Jane Doe", "Mar 5, 2025"),
        ("ByJane DoeMar 5, 2025 | 6 comments", "ByJane Doe", "Jane Doe", "Mar 5, 2025"),
        ("ByJane Doe", "ByJane Doe", "Jane Doe", None),
        ("byJane Doe", "byJane Doe", "Jane Doe", None),
    ],
)  # fmt: skip
def test_a_byline_box_run_together_by_a_browsers_copy(
    line: str, printed: str, names: str, date_text: str | None
) -> None:
    """The blocks of a byline box ("By", the names, the date's label, the date) whose texts a
    browser's copy joins with no space: the names end where the label or the date begins."""
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.printed, byline.names, byline.date_text) == (printed, names, date_text)


@pytest.mark.parametrize(
    ("line", "labelled", "names", "date_text"),
    [
        ("Jana Dorn24.04.2024, 19:35 Uhr", False, "Jana Dorn", "24.04.2024, 19:35 Uhr"),
        ("Omar Farouk03/05/2024", False, "Omar Farouk", "03/05/2024"),
        ("Von Jana Dorn24.04.2024", True, "Jana Dorn", "24.04.2024"),
    ],
)
def test_names_run_into_a_date_in_numbers_end_where_it_begins(
    line: str, labelled: bool, names: str, date_text: str
) -> None:
    """A line of names a browser's copy ran into a whole date in numbers (no name holds a
    digit), with its label or without."""
    byline = parse_byline(line, labelled=labelled)
    assert byline is not None
    assert (byline.names, byline.date_text) == (names, date_text)


@pytest.mark.parametrize(
    "line", ["Harbour Plan2024 Approved", "Ferries to Dover3.5 times dearer", "Version3.04.2024"]
)
def test_digits_run_into_words_without_a_whole_date_part_no_names(line: str) -> None:
    byline = parse_byline(line, labelled=False)
    assert byline is None or byline.date_text is None


@pytest.mark.parametrize(
    "line",
    [
        "ByHeart recalls its infant formula",
        "Bystanders fled the harbour",
        "Byrne Smith",
        "byHeart recalls its formula",
        "bylines were cut",
    ],
)
def test_words_opening_with_by_are_no_run_together_label(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Maybury", "Jane Maybury"),
        ("By Ann Marchetti", "Ann Marchetti"),
        ("By Jane Postedge", "Jane Postedge"),
        ("By Jane Doe and Omar Updike", "Jane Doe and Omar Updike"),
    ],
)
def test_names_holding_a_month_or_a_date_label_stay_whole(line: str, names: str) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.names, byline.date_text) == (names, None)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Post author  By Jane Doe", "byline"),  # (a theme's words for screen readers, copied)
        ("Post date  March 5, 2014", "published"),
        ("Erscheinungsdatum 21. Januar 2022", "published"),
    ],
)
def test_header_lines_behind_a_themes_labels(line: str, kind: str) -> None:
    header = read_header(line)
    assert header is not None and header.kind == kind


@pytest.mark.parametrize(
    ("line", "kinds"),
    [
        ("Updated Dec. 23, 2024, 1:24 PM EST / Source: Courier", ["updated", "source"]),
        ("March 3, 2024 / 5 min read", ["published", "reading_time"]),
        ("| November 3, 2025 (8:42 AM ET)", ["published"]),
    ],
)
def test_header_parts_apart_by_a_slash_or_after_a_row_separator(
    line: str, kinds: list[str]
) -> None:
    """Parts of a header line set apart by a spaced slash, as by a bar; a bar opening the line
    (the row's separator before a date run onto its own line) is no part."""
    header = read_header(line)
    assert header is not None
    parts = header.value if header.kind == "several" else [header]
    assert [part.kind for part in parts] == kinds  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("Accueil | Par Ines Harrow | 30 septembre 2018", ["byline", "published"]),
        ("Home | By Ines Harrow | 30 September 2018", ["byline", "published"]),
        ("Startseite | Von Ines Harrow | 30. September 2018", ["byline", "published"]),
        (
            "Westcliff Courier | By Ines Harrow | 30 September 2018",
            ["source", "byline", "published"],
        ),
    ],
)
def test_a_trails_home_among_header_parts_is_no_source(line: str, parts: list[str]) -> None:
    """The one short name among a line's header parts is its source ("Le Monde | date | Par
    ..."), but not the home of the page's trail run onto that line ("Accueil | Par ...")."""
    header = read_header(line)
    assert header is not None and header.kind == "several"
    assert [part.kind for part in header.value] == parts  # type: ignore[union-attr]


@pytest.mark.parametrize("line", ["Harbour / Port news", "Jane Doe / Staff", "| Westcliff Courier"])
def test_slashed_words_are_no_header_parts(line: str) -> None:
    assert read_header(line) is None


@pytest.mark.parametrize(
    "line", ["Erscheinungsdatum ist der 3. Mai 2023.", "Post date was moved to May 2024."]
)
def test_a_sentence_opening_with_a_themes_date_label_is_no_header(line: str) -> None:
    assert read_header(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "By Sunday, the death toll had climbed to 12, according to local authorities.",
        "By Tuesday, the council will have spent its whole budget",
        "By Christmas, the town will have a second ferry.",
        "By March, the quay had been rebuilt twice.",
        "By Labor Day, the campaign had looked doomed. Councillors met again in May.",
        "By Thanksgiving, the shelves looked bare.",
        "By Election Day, voters in twelve states will have cast their ballots.",
        "By Opening Night, tickets were gone.",
        "Von Montag, dem Stichtag, an gilt die neue Regel.",
        "Von Ostern an ist der Hafen wieder offen.",
    ],
)
def test_a_lead_sentence_opening_with_a_time_is_no_byline(line: str) -> None:
    """A story's first sentence may open with "By <a day, a month, a feast>," and go on as a
    sentence: the time is no name."""
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("line", "printed", "people", "date_text"),
    [
        ("By Jane Doe, a staff writer", None, ["Jane Doe"], None),
        ("By Jane Doe, a reporter who has covered the harbour since 2010.", None, ["Jane Doe"],
         None),
        ("By May Smith", None, ["May Smith"], None),
        ("By Summer Brennan", None, ["Summer Brennan"], None),
        # words of a description that are verbs elsewhere, or in another language, are no clause
        ("Por João Silva, um repórter do jornal O Globo", None, ["João Silva"], None),
        ("Por Ana Souza, uma jornalista de São Paulo", None, ["Ana Souza"], None),
        ("By John Smith, the son of a coal miner", None, ["John Smith"], None),
        ("By Jane Doe, a historian of the Reagan era", None, ["Jane Doe"], None),
        ("By Jane Doe, the author of “The Sun Is Also a Star”", None, ["Jane Doe"], None),
        ("By Jane Doe, a staff writer since May 2020", None, ["Jane Doe"], None),
        # descriptions in other languages: an article and a noun (a capital one in German)
        ("Par Jeanne Durand, la correspondante du journal à Bruxelles", None, ["Jeanne Durand"],
         None),
        ("Von Jana Schmidt, eine Korrespondentin der dpa in Kiew", None, ["Jana Schmidt"], None),
        ("Di Marco Rossi, il corrispondente da Kiev", None, ["Marco Rossi"], None),
        # or words in lower case after a label (not an agency's code, not another author)
        ("Par Marie Dupont, journaliste au service Économie", None, ["Marie Dupont"], None),
        ("Por Carlos Martínez, redactor de Economía", None, ["Carlos Martínez"], None),
        ("By Priya Patel, a staff writer, and Tom Baker, economics editor", None,
         ["Priya Patel", "Tom Baker"], None),
        # what follows the description is read as the byline's: a date, a handle, an author
        ("By Jane Doe, a staff writer | March 3, 2024", "By Jane Doe, a staff writer", ["Jane Doe"],
         "March 3, 2024"),
        ("By Jane Doe, a staff writer, March 3, 2024", "By Jane Doe, a staff writer", ["Jane Doe"],
         "March 3, 2024"),
        ("By Jane Doe, a staff writer Follow @janedoe", "By Jane Doe, a staff writer",
         ["Jane Doe"], None),
        ("By Jane Doe, a staff writer, and John Roe, a photographer", None,
         ["Jane Doe", "John Roe"], None),
    ],
)  # fmt: skip
def test_a_description_of_the_writer_is_printed_with_the_byline(
    line: str, printed: str | None, people: list[str], date_text: str | None
) -> None:
    """What describes the people after their names is part of the byline as printed (it was
    dropped, and with it the rest of the line), though not of their names; a date, a handle or
    another author after it is read as after the names."""
    found = parse_byline(line)
    assert found is not None
    assert found.printed == (printed or line)
    assert [person["name"] for person in found.people] == people
    assert found.date_text == date_text


def test_a_caption_naming_someone_is_no_byline_without_a_label() -> None:
    """A caption under a picture names its subject and goes on in lower case: only a labelled
    byline's words in lower case describe the writer."""
    caption = "Bernd Lucke, Mitgründer, verlässt den Hörsaal. Foto: Markus Scholz/dpa"
    assert parse_byline(caption, labelled=False) is None


@pytest.mark.parametrize(
    ("line", "date_text"),
    [
        ("Par Marie Dupont, publié le 12 mars 2024 à 10h30", "publié le 12 mars 2024 à 10h30"),
        ("By Jane Doe, updated March 3, 2024", "updated March 3, 2024"),
        ("Von Jana Schmidt, aktualisiert am 3. März 2024", "aktualisiert am 3. März 2024"),
    ],
)
def test_a_date_after_a_labelled_bylines_comma_is_no_description(line: str, date_text: str) -> None:
    """Words in lower case after the names describe the writer only when they are few, end no
    sentence and are no date nor another credit: a date label there opens the byline's date."""
    found = parse_byline(line)
    assert found is not None and found.date_text == date_text


@pytest.mark.parametrize(
    ("line", "people"),
    [
        ("By Ana Ortiz, Business Reporter, and Tom Reyes, Economics Editor",
         [("Ana Ortiz", "Business Reporter"), ("Tom Reyes", "Economics Editor")]),
        ("By Ana Ortiz, Business Reporter and Tom Reyes, Economics Editor",
         [("Ana Ortiz", "Business Reporter"), ("Tom Reyes", "Economics Editor")]),
        ("Von Anna Weber, Korrespondentin, und Jonas Krause, Redakteur",
         [("Anna Weber", "Korrespondentin"), ("Jonas Krause", "Redakteur")]),
        ("Par Claire Morel, Correspondante, et Hugo Lenoir, Rédacteur",
         [("Claire Morel", "Correspondante"), ("Hugo Lenoir", "Rédacteur")]),
        ("Por Lucía Vidal, Corresponsal, y Mateo Ruiz, Redactor",
         [("Lucía Vidal", "Corresponsal"), ("Mateo Ruiz", "Redactor")]),
        ("Di Giulia Conti, Inviata, e Paolo Serra, Redazione",
         [("Giulia Conti", "Inviata"), ("Paolo Serra", "Redazione")]),
        ("Por Beatriz Lima, Repórter, e Rui Matos, Colunista",
         [("Beatriz Lima", "Repórter"), ("Rui Matos", "Colunista")]),
        # two people before each job title: it is theirs
        ("By Ana Ortiz and Lea Marsh, Staff Writers, and Tom Reyes, Economics Editor",
         [("Ana Ortiz", "Staff Writers"), ("Lea Marsh", "Staff Writers"),
          ("Tom Reyes", "Economics Editor")]),
        # one job title after several people is everyone's, as before
        ("By Ana Ortiz, Tom Reyes and Lea Marsh, Staff Writers",
         [("Ana Ortiz", "Staff Writers"), ("Tom Reyes", "Staff Writers"),
          ("Lea Marsh", "Staff Writers")]),
    ],
)  # fmt: skip
def test_each_author_keeps_their_own_job_title(line: str, people: list[tuple[str, str]]) -> None:
    """A job title after a name is the role of the people since the job title before it, not of
    everyone the byline names."""
    found = parse_byline(line)
    assert found is not None
    assert [(person["name"], person.get("role")) for person in found.people] == people
    assert found.printed == line


@pytest.mark.parametrize(
    ("line", "labelled", "people", "place"),
    [
        ("By Priya Patel, London", True, ["Priya Patel"], "London"),
        ("By Kofi Mensah, Nairobi", True, ["Kofi Mensah"], "Nairobi"),
        ("Kofi Mensah, Nairobi", False, ["Kofi Mensah"], "Nairobi"),
        ("By Priya Patel in Lagos", True, ["Priya Patel"], "Lagos"),
        ("By Priya Patel in New Delhi", True, ["Priya Patel"], "New Delhi"),
        ("By Kofi Mensah and Ama Owusu in Accra", True, ["Kofi Mensah", "Ama Owusu"], "Accra"),
        ("By Kofi Mensah and Ama Owusu, Accra", True, ["Kofi Mensah", "Ama Owusu"], "Accra"),
        ("Von Anna Weber, Korrespondentin, Hamburg", True, ["Anna Weber"], "Hamburg"),
        ("Von Anna Weber in Hamburg", True, ["Anna Weber"], "Hamburg"),
        ("Par Claire Morel, Aix-en-Provence", True, ["Claire Morel"], "Aix-en-Provence"),
        ("Por Lucía Vidal, Valparaíso", True, ["Lucía Vidal"], "Valparaíso"),
        # full names in a list, an outlet, a degree, a list that goes on: no place
        ("By Alice Brun, Bob Kale and Carl Dunn", True, ["Alice Brun", "Bob Kale", "Carl Dunn"],
         None),
        ("By Alice Brun, Reuters", True, ["Alice Brun"], None),
        ("By Alice, Bob and Carl", True, ["Alice", "Bob", "Carl"], None),
        ("By Dana Rook, Civic Speech, Privacy, and Open Data Project", True,
         ["Dana Rook", "Civic Speech", "Privacy", "Open Data Project"], None),
        ("By Dana Rook, MA", True, ["Dana Rook", "MA"], None),
    ],
)  # fmt: skip
def test_a_place_after_the_names_is_no_author(
    line: str, labelled: bool, people: list[str], place: str | None
) -> None:
    """One capitalised word after a comma beside full names, or "in" and a place after a name,
    is where the story was filed: printed with the byline, not a person."""
    found = parse_byline(line, labelled=labelled)
    assert found is not None
    assert [person["name"] for person in found.people] == people
    assert found.printed == line  # (the place stays printed)
    assert place is None or place not in {person["name"] for person in found.people}


@pytest.mark.parametrize(
    ("line", "people", "outlet"),
    [
        ("Par Lise Aubert et Paul Garnier (AFP)", ["Lise Aubert", "Paul Garnier"], "AFP"),
        ("Por Inés Robledo (EFE)", ["Inés Robledo"], "EFE"),
        ("Von Jana Roth und Karl Moser (dpa)", ["Jana Roth", "Karl Moser"], "dpa"),
        ("By Jane Doe (Harbour Times) and John Roe", ["Jane Doe", "John Roe"], "Harbour Times"),
        ("By Jane Doe (reporting)", ["Jane Doe"], None),  # (a role, no outlet)
        ("By Richard (R.J.) Eskow", ["Richard (R.J.) Eskow"], None),  # (initials)
    ],
)
def test_an_agency_in_brackets_is_the_outlet(line: str, people: list[str], outlet: str) -> None:
    """An agency or outlet in brackets after the last name (or the only one) is the byline's
    outlet, whole, and nobody's role."""
    found = parse_byline(line)
    assert found is not None
    assert [person["name"] for person in found.people] == people
    assert found.organisation == outlet
    if outlet is not None:
        assert all("role" not in person for person in found.people)


def test_a_place_keeps_the_outlet_the_source() -> None:
    found = parse_byline("By Priya Patel, Reuters, London")
    assert found is not None
    assert found.organisation == "Reuters"
    assert found.people == [{"name": "Priya Patel"}]


@pytest.mark.parametrize(
    ("line", "people"),
    [
        ("di Giulia Rossi", ["Giulia Rossi"]),
        ("di Giulia Rossi e Marco Bianchi", ["Giulia Rossi", "Marco Bianchi"]),
        ("par Claire Morel", ["Claire Morel"]),
        ("por Lucía Vidal", ["Lucía Vidal"]),
        ("von Anna Weber", ["Anna Weber"]),
    ],
)
def test_labels_in_small_letters(line: str, people: list[str]) -> None:
    found = parse_byline(line)
    assert found is not None
    assert [person["name"] for person in found.people] == people


@pytest.mark.parametrize(
    "line",
    [
        "de acuerdo con el informe de la comisión",
        "de Madrid a Valencia",
        "de Gaulle",
        "de Puerto Rico",  # (no byline label in Spanish: a headline's second line, a place)
        "de Lucía Vidal",
        "di Roma e Milano",  # (a whole name is needed after a small "di")
        "di seguito, il testo",
        "di Giulia Rossi, che ha vinto il premio",
        "par ailleurs, le gouvernement a annoncé",
        "por lo tanto, la junta decidió",
    ],
)
def test_sentences_opening_with_a_small_label_are_no_bylines(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("line", "people"),
    [
        ("Par Claire Morel, journaliste", [("Claire Morel", "journaliste")]),
        ("Par Claire Morel, journaliste, et Hugo Lenoir, rédacteur",
         [("Claire Morel", "journaliste"), ("Hugo Lenoir", "rédacteur")]),
        ("Por Lucía Vidal, corresponsal, y Mateo Ruiz, redactor",
         [("Lucía Vidal", "corresponsal"), ("Mateo Ruiz", "redactor")]),
        ("Von Anna Weber, redakteurin", [("Anna Weber", "redakteurin")]),
        ("Di Giulia Conti, inviata, e Paolo Serra, redazione",
         [("Giulia Conti", "inviata"), ("Paolo Serra", "redazione")]),
        ("Por Beatriz Lima, repórter, e Rui Matos, colunista",
         [("Beatriz Lima", "repórter"), ("Rui Matos", "colunista")]),
    ],
)  # fmt: skip
def test_job_titles_in_small_letters_are_their_authors_roles(
    line: str, people: list[tuple[str, str]]
) -> None:
    """A job title of a word or two in small letters between a labelled byline's commas is a
    role (the names' check, capitalised words, refused the whole line)."""
    found = parse_byline(line)
    assert found is not None
    assert [(person["name"], person.get("role")) for person in found.people] == people


@pytest.mark.parametrize(
    ("line", "people"),
    [
        ("By John Smith, Jr.", [("John Smith, Jr", None)]),
        ("By John Smith, Jr., and Jane Doe", [("John Smith, Jr", None), ("Jane Doe", None)]),
        ("By Jane Doe, Reporter, and John Roe", [("Jane Doe", "Reporter"), ("John Roe", None)]),
        ("By Jane Doe and John Roe, Staff Writers",
         [("Jane Doe", "Staff Writers"), ("John Roe", "Staff Writers")]),
    ],
)  # fmt: skip
def test_a_suffix_stays_with_its_name_and_a_title_with_the_names_before_it(
    line: str, people: list[tuple[str, str | None]]
) -> None:
    """ "Jr." after a comma is the name's, no author nor place; a job title before other names is
    only the role of the people named before it (one at the end is everyone's)."""
    found = parse_byline(line)
    assert found is not None
    assert [(person["name"], person.get("role")) for person in found.people] == people


@pytest.mark.parametrize("line", ["Scientists Confirm a Warm Winter", "Founder"])
def test_an_experts_title_alone_is_no_job_title_line(line: str) -> None:
    """A menu's headline that opens with "Scientists", an infobox's "Founder": an expert's
    title is a role only after a byline's names."""
    assert not is_job_title(line)


def test_a_prepositions_label_with_a_colon_over_a_box_is_a_form_field() -> None:
    """ "Von:" alone over a box ("Filter Suche"): a search form's field, not a byline set in
    boxes; over a person's name it is a byline's label, as "Autor:" is."""
    assert split_byline(["Von:", "Filter Suche"]) is None
    assert split_byline(["Von:", "Maria Keane"]) is not None
    assert split_byline(["Autor:", "Maria Keane"]) is not None


@pytest.mark.parametrize(
    "lines",
    [
        ["By", "Most Recent"],
        ["By", "Best Match"],
        ["By", "Date Published"],
        ["By", "Top Stories", "Editor's Picks"],
        ["Von", "Filter Suche"],
        ["Von", "Hamburg Hbf"],
        ["Par", "Gare Centrale"],
    ],
)
def test_a_lone_label_over_a_menus_or_forms_box_is_no_split_byline(lines: list[str]) -> None:
    """A sort menu's or a filter's entry, a box's name or a stop of a route form under a lone
    "By" or "Von": no people's names, no byline."""
    assert split_byline(lines) is None


@pytest.mark.parametrize(
    ("title", "people"),
    [
        ("Chief Economist", ["Chief Economist", "Chief Economist"]),
        ("Professor of Law", ["Professor of Law", "Professor of Law"]),
        ("Director of Policy", ["Director of Policy", "Director of Policy"]),
        ("Harbour Post reporters", ["Harbour Post reporters", "Harbour Post reporters"]),
    ],
)
def test_an_experts_title_under_a_split_bylines_names_is_their_role(
    title: str, people: list[str]
) -> None:
    """An expert's title on the line under the names ("Chief Economist") is the writers' role,
    as after a comma in a byline."""
    found = split_byline(["By", "Mara Quill and Tobias Renn", title])
    assert found is not None
    assert [person.get("role") for person in found[0].people] == people
    assert found[1] == 3


@pytest.mark.parametrize("agency", ["Getty Images", "Shutterstock", "Kyodo", "Reuters", "EPA"])
def test_a_paragraph_closing_with_any_known_agency_after_a_dash_closes_with_its_credit(
    agency: str,
) -> None:
    """One list of agencies serves the credits of captions and those closing a paragraph: an
    agency a picture credit knows is known after a dash too."""
    text = f"The ferry left the harbour at dawn with forty passengers aboard. — {agency}"
    assert captions.closing_credit(text) == text.index("—")
    assert captions.reads_as_credit(f"Jane Doe/{agency}")


@pytest.mark.parametrize(
    ("printed", "names"),
    [
        ("By Tom FitzGerald, Senior Reporter", ["Tom FitzGerald"]),
        ("By Ann VanderBerg, Staff Writer", ["Ann VanderBerg"]),
        ("By Kim DelaCruz, Reporter", ["Kim DelaCruz"]),
        ("By Ann Oppenheimer-MacLeod, Staff Writer", ["Ann Oppenheimer-MacLeod"]),
        ("By Jane Doe and LeeAnn Smith, Staff Writers", ["Jane Doe", "LeeAnn Smith"]),
        ("By Jane Doe, PayPal Correspondent", ["Jane Doe"]),
    ],
)
def test_inner_capital_before_a_title_set_off_is_no_glued_role(
    printed: str, names: list[str]
) -> None:
    """A capital inside a name (or a company's) before a title set off by a comma already is no
    job title run into the name: the name is kept whole, the title whole."""
    byline = parse_byline(printed)
    assert byline is not None
    assert [person["name"] for person in byline.people] == names
    assert byline.people[0]["role"] == printed.rpartition(", ")[2]


@pytest.mark.parametrize(
    ("printed", "people"),
    [
        ("By Jane Doe HarbourWatch Staff", None),  # (an outlet set under a whole name)
        (
            "By Jane Doe and John RoeStaff Writers",
            [("Jane Doe", "Staff Writers"), ("John Roe", "Staff Writers")],
        ),
        ("By Jana DornRedakteurin", [("Jana Dorn", "Redakteurin")]),
        ("By Jana van DornRedakteurin", [("Jana van Dorn", "Redakteurin")]),  # (a particle)
        ("By Maria de la CruzReporter", [("Maria de la Cruz", "Reporter")]),
        # a three-word name takes a title of one job's word alone
        ("By Mary Ann SmithReporter", [("Mary Ann Smith", "Reporter")]),
        ("Jana Maria DornRedakteurin", [("Jana Maria Dorn", "Redakteurin")]),
        ("By Mary Ann Smith HarbourWatch Staff", None),
        ("By Mary Ann SmithHarbour Staff", None),
    ],
)
def test_a_glued_title_follows_the_last_persons_surname(
    printed: str, people: list[tuple[str, str | None]] | None
) -> None:
    """A job title is run into a two-word name's surname; a word with a capital inside after a
    whole name is an outlet's name under it, not a surname with a title run into it."""
    byline = parse_byline(printed, labelled=False)
    found = None if byline is None else [(p["name"], p.get("role")) for p in byline.people]
    if people is None:
        assert found is None or all(not name.endswith("Harbour") for name, _ in found), found
    else:
        assert found == people


@pytest.mark.parametrize(
    ("line", "people"),
    [
        ("Jane Doe Parliamentary editor", [("Jane Doe", "Parliamentary editor")]),
        ("By Jane Doe Senior political reporter", [("Jane Doe", "Senior political reporter")]),
        ("By Jane Doe, Parliamentary editor", [("Jane Doe", "Parliamentary editor")]),
        (
            "Jane Doe and Omar Farouk Political correspondents",
            [("Jane Doe", "Political correspondents"), ("Omar Farouk", "Political correspondents")],
        ),
    ],
)
def test_a_job_title_capitalised_as_a_sentence_after_the_names_is_their_role(
    line: str, people: list[tuple[str, str]]
) -> None:
    """A job title capitalised as a sentence after the names, with a comma or none ("Jane Doe
    Parliamentary editor"): a name's words are all capitalised, a title's last ones not."""
    byline = parse_byline(line, labelled=False)
    assert byline is not None
    assert [(person["name"], person.get("role")) for person in byline.people] == people


@pytest.mark.parametrize(
    "line",
    [
        "Harbour board names new editor",
        "Jane Doe is editor",
        "By Jane Political editor",  # (one word of a name)
        "Jane Doe Chief editor of the paper",
    ],
)
def test_prose_ending_with_a_job_word_is_no_titled_byline(line: str) -> None:
    byline = parse_byline(line, labelled=False)
    assert byline is None or not any(person.get("role") for person in byline.people)


@pytest.mark.parametrize(
    ("line", "names", "people"),
    [
        ("Posted by KT in Hafenleben", "KT", []),  # (initials: no person's name to give)
        ("Posted by Jane Doe in Uncategorized", "Jane Doe", ["Jane Doe"]),
        ("Written by hafenfan in Allgemein", "hafenfan", ["hafenfan"]),
        ("Écrit par hafenfan dans Actualités", "hafenfan", ["hafenfan"]),
        ("Escrito por Ana Roca en Noticias Locales", "Ana Roca", ["Ana Roca"]),
        ("Redigido por hafenfan em Notícias", "hafenfan", ["hafenfan"]),
        ("Posted by Jane Doe and Em Smith", "Jane Doe and Em Smith", ["Jane Doe", "Em Smith"]),
    ],
)
def test_a_blog_posts_category_after_posted_by_is_no_part_of_the_name(
    line: str, names: str, people: list[str]
) -> None:
    """A blog theme prints "Posted by <user> in <category>" without a date as with one: the
    category is no part of the name, however short the name ("KT in Hafenleben" was a person)."""
    byline = parse_byline(line)
    assert byline is not None
    assert byline.names == names
    assert [person["name"] for person in byline.people] == people


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ("Jane Doe; John Roe Reuters", "Jane Doe; John Roe, Reuters"),
        ("Jane Doe | John Roe The Associated Press", "Jane Doe | John Roe, The Associated Press"),
        ("Jane Doe; John Roe; Reuters", "Jane Doe; John Roe; Reuters"),
        ("Jane Doe|Reuters", "Jane Doe|Reuters"),
        ("Jane Doe and John Roe Reuters Staff", "Jane Doe and John Roe Reuters Staff"),
    ],
)
def test_an_agency_glued_to_the_names_after_the_last_separator(names: str, expected: str) -> None:
    # (the search starts after the last ";" or "|", and only where an agency ends the names)
    assert byline_module._unglued_agency(names) == expected


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe with Harbour Gazette Staff", ["Jane Doe"]),
        ("By Jane Doe and Omar Farouk with Harbour Gazette Staff", ["Jane Doe", "Omar Farouk"]),
        ("By Jane Doe with the Gazette staff", ["Jane Doe"]),
        ("By Jane Doe, with wire reports", ["Jane Doe"]),
        ("By Jane Doe with wire services", ["Jane Doe"]),
        # the news agencies' credit, in other languages
        ("Von Jana Dorn mit Agenturen", ["Jana Dorn"]),
        ("Par Jean Martin avec agences", ["Jean Martin"]),
        ("Por Luna Ferrer con agencias", ["Luna Ferrer"]),
        ("Di Marco Rossi con agenzie", ["Marco Rossi"]),
        ("Por Ana Souza com agências", ["Ana Souza"]),
        ("Por Luna Ferrer con Ana Souza", ["Luna Ferrer", "Ana Souza"]),
    ],
)
def test_a_newsrooms_collective_credit_is_no_role_nor_name(line: str, names: list[str]) -> None:
    """ "with Harbour Gazette Staff" after the names credits the newsroom: printed with the
    byline, neither the writers' job title nor a name; a second writer after "with" stays one."""
    found = parse_byline(line)
    assert found is not None
    assert found.people == [{"name": name} for name in names]
    assert found.printed == line


@pytest.mark.parametrize(
    ("lines", "names", "taken"),
    [
        (["Von", "Jana Dorn", "Karl Moser", ""], ["Jana Dorn", "Karl Moser"], 3),
        (
            ["By", "Jane Doe", "Omar Farouk", "Lea Moss", "Courier reporters"],
            ["Jane Doe", "Omar Farouk", "Lea Moss"],
            5,
        ),
        (["Von", "Jana Dorn", "Politik Bayern"], ["Jana Dorn"], 2),  # (a section's label)
        (["By", "Jane Doe", "Full Bio", "Courier reporter"], ["Jane Doe"], 2),  # (a link)
        (["Par", "Jeanne Dupont", "Voir le profil"], ["Jeanne Dupont"], 2),
        (["By", "Jane Doe", "Courier transport reporter"], ["Jane Doe"], 3),
        (["By", "Jane Doe", "Jane Doe", "Tom Roe", ""], ["Jane Doe", "Tom Roe"], 4),  # (twice)
        (["By", "Jane Doe", "Getty Images"], ["Jane Doe"], 2),  # (the portrait's credit)
        (["Von", "Jana Dorn", "Imago Images"], ["Jana Dorn"], 2),
    ],
)
def test_writers_names_on_lines_of_their_own_make_one_split_byline(
    lines: list[str], names: list[str], taken: int
) -> None:
    """Each writer's name in a box of its own under the label alone: one byline naming them
    all (and their job title under them), not a section's label under the name, nor a picture
    agency's, nor a name the copy prints twice."""
    found = split_byline(lines)
    assert found is not None
    byline, lines_taken = found
    assert [person["name"] for person in byline.people] == names
    assert lines_taken == taken


@pytest.mark.parametrize(
    ("label", "other"),
    [
        ("By", "Listen Now"),  # (a player's button)
        ("Von", "Jetzt Lesen"),
        ("Por", "Leer Más"),
        ("Di", "Ascolta Ora"),
        ("By", "Audio Version"),  # (a kind of story)
        ("By", "Live Updates"),
        ("By", "Main Street"),  # (an address)
        ("Par", "Rue Lepic"),
        ("Di", "Via Garibaldi"),
        ("Por", "Avenida Paulista"),
        ("By", "East Jerusalem"),  # (a region, the writer's post)
        ("Por", "Norte Grande"),
    ],
)
def test_common_words_under_a_split_bylines_name_are_no_writer(label: str, other: str) -> None:
    """A line of capitalised words under the writer's name that a name never holds (a button's
    adverb, a story kind's word, a street's, a point of the compass opening a region) is no other
    writer."""
    found = split_byline([label, "Jane Doe", other, "The board voted on Tuesday."])
    assert found is not None
    assert [person["name"] for person in found[0].people] == ["Jane Doe"]
    assert found[1] == 2


@pytest.mark.parametrize(
    "other",
    ["April Jones", "May Chen", "June Carter", "Rebecca West", "Anna Lane", "Marco Corso"],
)
def test_a_month_or_a_compass_point_in_a_second_writers_name_still_names_them(other: str) -> None:
    """Months open real first names, and a point of the compass or a street's word ends a
    surname: a second writer."""
    found = split_byline(["By", "Jane Doe", other, "The board voted on Tuesday."])
    assert found is not None
    assert [person["name"] for person in found[0].people] == ["Jane Doe", other]
