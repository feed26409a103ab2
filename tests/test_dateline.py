"""Datelines: what is one, what is not (a hyphenated word never is)."""

from __future__ import annotations

import pytest

from articlekit import read
from articlekit.model import Dateline
from articlekit.prose.dateline import split_dateline


@pytest.mark.parametrize(
    ("text", "place", "date", "agency", "rest"),
    [
        ("Caracas (—The army", "Caracas", None, None, "The army"),
        ("CARACAS — The army", "CARACAS", None, None, "The army"),
        ("BERLIN - The army", "BERLIN", None, None, "The army"),
        ("Berlin (dpa) - The army", "Berlin", None, "dpa", "The army"),
        ("Frankfurt/Main (dpa) - Die Bank", "Frankfurt/Main", None, "dpa", "Die Bank"),
        ("LONDON, Oct 6 (Reuters) - Stocks", "LONDON", "Oct 6", "Reuters", "Stocks"),
        ("SEOUL, Aug. 20 (Yonhap) -- North", "SEOUL", "Aug. 20", "Yonhap", "North"),
        ("BUENOS AIRES, Argentina (AP) _ For", "BUENOS AIRES, Argentina", None, "AP", "For"),
        ("Rio de Janeiro — The", "Rio de Janeiro", None, None, "The"),
        ("МОСКВА — Президент", "МОСКВА", None, None, "Президент"),
        ("دمشق، سوريا (CNN) -- أكدت", "دمشق، سوريا", None, "CNN", "أكدت"),
        ("CARACAS —", "CARACAS", None, None, ""),
        ("Tegucigalpa, Jan 2 (EFE).- El", "Tegucigalpa", "Jan 2", "EFE", "El"),
        ("MADRID.- El Consejo", "MADRID", None, None, "El Consejo"),  # (no agency, no stop kept)
        ("CIUDAD DE MÉXICO.- El", "CIUDAD DE MÉXICO", None, None, "El"),
        # a press release wire's name between slashes
        (
            "PORT ALDWIN, England, March 3, 2025 /Courier Wire/ -- Harbour",
            "PORT ALDWIN, England",
            "March 3, 2025",
            "Courier Wire",
            "Harbour",
        ),
        ("CHICAGO /PRNewswire/ -- The", "CHICAGO", None, "PRNewswire", "The"),
        # other languages' months, in any case, the day before or after the month, a year or not
        ("Dornfeld, 5. Juni (dpa) - Die Stadt", "Dornfeld", "5. Juni", "dpa", "Die Stadt"),
        ("VALDERRÍO, 5 jun (EFE).- El alcalde", "VALDERRÍO", "5 jun", "EFE", "El alcalde"),
        ("BRUVELLE, 5 juin 2024 (AFP) - Le", "BRUVELLE", "5 juin 2024", "AFP", "Le"),
        ("Lindau, 1er mars (AFP) — Le", "Lindau", "1er mars", "AFP", "Le"),
        ("Lúa, 12 de marzo de 2024 (EFE).- La", "Lúa", "12 de marzo de 2024", "EFE", "La"),
        ("ARLENBURG, 3 OKT. (AP) - Die", "ARLENBURG", "3 OKT.", "AP", "Die"),
        ("Montreval, juin 5 (AFP) — Le", "Montreval", "juin 5", "AFP", "Le"),
        ("Orsela, 9 ago — Il sindaco", "Orsela", "9 ago", None, "Il sindaco"),
        # dashes later in the sentence set off an aside of their own, not the dateline's
        (
            "Caracas — The rebels (CMA)—several groups—attacked",
            "Caracas",
            None,
            None,
            "The rebels (CMA)—several groups—attacked",
        ),
    ],
)
def test_datelines(text: str, place: str, date: str | None, agency: str | None, rest: str) -> None:
    found = split_dateline(text)
    assert found is not None
    assert tuple(found[0]) == (place, date, agency)
    assert found[1] == rest


@pytest.mark.parametrize(
    "text",
    [
        "COVID-19 cases rose again",
        "Oslo /ˈʊslu/ — the capital is busy",  # (between slashes: a pronunciation, a credit)
        "Jane Doe /Staff/ — The council met",
        "US-China trade talks resumed",
        "PRECIOUS-Gold rises on weaker dollar",
        "BERLIN_The army",
        "Well - maybe not",
        "Officials in Berlin — who spoke",
        "Jane Doe — who lives nearby — said",
        "BREAKING — The army",
        "Mr Smith — The army",
        "The Times — said",
        "Unit 7 — The army",
        "A — The army",
        "U.S.-China talks",
        "U.S.- China talks",  # (an abbreviation's stop, not a place's)
        "VIDEO.- Así fue el rescate",  # (a section's label, in any of the press's languages)
        "OPINIÓN.- El puerto necesita más",
        "ÚLTIMA HORA.- Cae un puente",
        "Madrid.- El",
        "The army has been reporting",
        "On Sunday, October 29, Ahmed",
        "Dornfeld, 5 Jungen - und mehr",  # (a word that opens like a month is no month)
        "Samedi 5 juin - Le marché",  # (a day with no place)
        "EN DIRECT, 5 juin — Le conseil",  # (a label with a date is still a label)
        "EDITOR'S NOTE — This story is part of a series",  # (editors' notes, corrections, and
        "Editors' Note — This story is part of a series",  # a wire picture's archive label)
        "FILE - In this photo, the old pier at dawn",
        "CLARIFICATION — An earlier story said",
        "NOTE DE LA RÉDACTION — Cet article",
        "NOTA DELLA REDAZIONE — Questo articolo",
        "Lina Morel — The harbour town said on Monday",  # (a person's name, not a place)
        "Carl Moe Hansen — The council met",
    ],
)
def test_not_datelines(text: str) -> None:
    assert split_dateline(text) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Caracas — The council met", "Caracas"),
        ("SAN TELMO — The council met", "SAN TELMO"),
        ("San Telmo — The council met", "San Telmo"),
        ("Rio de Janeiro — The council met", "Rio de Janeiro"),
        ("Port Elmsworth, Va. — The council met", "Port Elmsworth, Va."),
    ],
)
def test_places_of_one_word_in_capitals_or_with_a_region_stay_datelines(
    text: str, place: str
) -> None:
    """What tells a title-case name from a place: one word, capitals, a region after a comma,
    or a word places' names open with."""
    found = split_dateline(text)
    assert found is not None and found[0].place == place


def test_long_openings_are_scanned_only_as_far_as_a_dateline_can_reach() -> None:
    """50,000 spaces after a word once made the patterns backtrack for half a minute."""
    assert split_dateline("X" + " " * 50_000 + "y") is None
    assert split_dateline("CARACAS — " + "word " * 20_000) is not None


def test_a_wire_story_in_french_has_its_dateline_and_its_byline_s_agency() -> None:
    """A story's foreign dateline leaves the first paragraph; the agency in the byline's brackets
    is the source, whole."""
    story = (
        "Le conseil vote son budget\n\n"
        "Par Lise Aubert et Paul Garnier (AFP)\n\n"
        "BRUVELLE, 5 juin 2024 (AFP) - Le conseil a voté mercredi son budget.\n\n"
        "Les débats ont duré trois jours.\n"
    )
    article = read(story.encode(), format="text").value
    assert article.dateline == Dateline(place="BRUVELLE", date_text="5 juin 2024", agency="AFP")
    assert article.paragraphs[0] == "Le conseil a voté mercredi son budget."
    assert [author.name for author in article.authors] == ["Lise Aubert", "Paul Garnier"]
    assert article.source is not None and article.source.name == "AFP"


def test_an_editors_note_opening_a_ninjs_story_is_no_dateline() -> None:
    """A ninjs item without ``located`` takes the dateline printed at its story's start: an
    editor's note there is none, and stays the story's first words."""
    item = (
        '{"uri": "urn:example:pier", "type": "text", "version": "1", "language": "en",'
        ' "headlines": [{"role": "main", "value": "Harbour to open pier"}],'
        ' "bodies": [{"contentType": "text/html", "value": "<p>EDITOR\'S NOTE \\u2014 This story'
        ' is part of a series on harbour towns.</p><p>The town said it would open a pier.</p>"}]}'
    )
    article = read(item.encode(), format="ninjs").value
    assert article.dateline is None
    assert article.paragraphs[0].startswith("EDITOR'S NOTE")
