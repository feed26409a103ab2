"""Web copies written for these tests: page chrome around an article, with the header forms of six
languages (headline, deck, bylines with outlets, dates and job titles, labelled and bare dates,
reading time, relative dates, captions and credits). Each page is what select-all and paste gives:
a menu and sign-in lines at the top, share buttons, a footer."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from articlekit import Article, read, write
from articlekit.model import Figure
from articlekit.prose import captions, furniture, webcopy
from articlekit.prose.byline import AGENCIES, parse_byline
from articlekit.prose.dates import parse_date
from articlekit.prose.headers import Header, read_header

TOP = {
    "en": "Skip to main content\n\n* News\n* Sport\n* Weather\n* Business\nSign in\nSubscribe\n",
    "de": "Zum Inhalt springen\n\n* Politik\n* Wirtschaft\n* Sport\n* Kultur\nAnmelden\n"
    "Abonnieren\n",
    "fr": "Aller au contenu\n\n* Politique\n* Économie\n* Sport\n* Culture\nSe connecter\n"
    "S'abonner\n",
    "es": "Saltar al contenido\n\n* Política\n* Economía\n* Deportes\n* Cultura\nIniciar sesión\n"
    "Suscríbete\n",
    "it": "Vai al contenuto\n\n* Politica\n* Economia\n* Sport\n* Cultura\nAccedi\nAbbonati\n",
    "pt": "Ir para o conteúdo\n\n* Política\n* Economia\n* Esporte\n* Cultura\nEntrar\nAssine\n",
}
SHARE = {
    "en": "* Share\n* Tweet\n* Email\n",
    "de": "* Teilen\n* Drucken\n* Merken\n",
    "fr": "* Partager\n* Imprimer\n* Envoyer\n",
    "es": "* Compartir\n* Imprimir\n* Enviar\n",
    "it": "* Condividi\n* Stampa\n* Invia\n",
    "pt": "* Compartilhar\n* Imprimir\n* Enviar\n",
}
FOOT = {
    "en": "Most read\n\n* Tram fares to rise\n* New depot opens\n\n© 2024 Westcliff Courier\n"
    "Privacy Policy\nTerms of Service\n",
    "de": "Meistgelesen\n\n* Neue Fähre\n* Hafenfest\n\nImpressum\nDatenschutz\n",
    "fr": "Les plus lus\n\n* Nouveau ferry\n* Fête du port\n\nMentions légales\n"
    "Politique de confidentialité\n",
    "es": "Lo más leído\n\n* Nuevo ferry\n* Fiesta del puerto\n\nAviso legal\n"
    "Política de privacidad\n",
    "it": "I più letti\n\n* Nuovo traghetto\n* Festa del porto\n\nNote legali\nPrivacy\n",
    "pt": "Mais lidas\n\n* Nova balsa\n* Festa do porto\n\nTermos de uso\n"
    "Política de privacidade\n",
}
BODY = {
    "en": [
        "The harbour board voted on Tuesday to let passenger ferries berth through the night, a "
        "change that fishermen say will leave them fighting for quay space when they land their "
        "catch.",
        "“Nobody asked us,” said a skipper who has fished out of the port for thirty years. The "
        "board said the night crossings would ease the afternoon queues in the town centre.",
        "A public meeting on the plan is set for October at the town hall.",
    ],
    "de": [
        "Der Hafenrat hat am Dienstag beschlossen, dass Fähren künftig auch nachts anlegen "
        "dürfen, und die Fischer fürchten, dass ihnen dann der Platz an der Kaimauer fehlt.",
        "„Uns hat niemand gefragt“, sagte ein Kapitän, der seit dreißig Jahren von hier aus "
        "fischt. Der Rat erwartet, dass sich die Staus am Nachmittag in der Stadt auflösen.",
        "Eine öffentliche Versammlung ist für Oktober im Rathaus geplant.",
    ],
    "fr": [
        "Le conseil du port a décidé mardi que les ferries pourront accoster la nuit, et les "
        "pêcheurs craignent de ne plus trouver de place sur le quai pour décharger leur pêche.",
        "« Personne ne nous a demandé notre avis », a dit un patron qui pêche ici depuis trente "
        "ans. Le conseil estime que les files d'attente de l'après-midi vont diminuer.",
        "Une réunion publique est prévue en octobre à la mairie.",
    ],
    "es": [
        "La junta del puerto decidió el martes que los transbordadores podrán atracar de noche, "
        "y los pescadores temen que no les quede sitio en el muelle para descargar la pesca.",
        "«Nadie nos preguntó», dijo un patrón que pesca desde aquí hace treinta años. La junta "
        "cree que las colas de la tarde en el centro de la ciudad serán más cortas.",
        "Una reunión pública está prevista para octubre en el ayuntamiento.",
    ],
    "it": [
        "Il consiglio del porto ha deciso martedì che i traghetti potranno attraccare di notte, "
        "e i pescatori temono di non trovare più posto sulla banchina per scaricare il pescato.",
        "«Nessuno ci ha chiesto niente», ha detto un capitano che pesca qui da trent'anni. Il "
        "consiglio ritiene che le code del pomeriggio in centro saranno più brevi.",
        "Un'assemblea pubblica è prevista per ottobre in municipio.",
    ],
    "pt": [
        "O conselho do porto decidiu na terça-feira que as balsas poderão atracar à noite, e os "
        "pescadores temem que não haja mais lugar no cais para descarregar o pescado.",
        "“Ninguém nos perguntou nada”, disse um mestre que pesca aqui há trinta anos. O conselho "
        "acredita que as filas da tarde no centro da cidade vão diminuir.",
        "Uma reunião pública está marcada para outubro na prefeitura.",
    ],
}


def page(language: str, header: str, caption: str = "") -> bytes:
    """A web copy: chrome, the header block given, share buttons, the article, a footer."""
    body = BODY[language]
    middle = f"{caption}\n\n" if caption else ""
    text = (
        f"{TOP[language]}\n{header}\n\n{SHARE[language]}\n{body[0]}\n\n{middle}{body[1]}\n\n"
        f"{body[2]}\n\n{SHARE[language]}\n{FOOT[language]}"
    )
    return text.encode("utf-8")


def read_page(data: bytes) -> tuple[Article, list[str]]:
    result = read(data, format="text")
    return result.value, [warning.code for warning in result.warnings]


def assert_article(article: Article, language: str) -> None:
    """The body is the three paragraphs, nothing of the chrome."""
    assert article.paragraphs == BODY[language]
    removed = article.extras["text:removed_lines"]
    assert isinstance(removed, list)
    assert TOP[language].split("\n")[0] in removed  # kept, so nothing is lost


CEST = timezone(timedelta(hours=2), "CEST")

# (language, header block, headline, deck, byline, authors, source, published, updated)
HEADER_FORMS = [
    (
        "en",
        "Harbour Board Backs Night Ferries\n\nFishermen warn of crowded quays as the plan "
        "passes.\n\nBy Jane Doe and Omar Farouk | Westcliff Courier\nPublished: March 3, 2024",
        "Harbour Board Backs Night Ferries",
        "Fishermen warn of crowded quays as the plan passes.",
        "By Jane Doe and Omar Farouk | Westcliff Courier",
        ["Jane Doe", "Omar Farouk"],
        "Westcliff Courier",
        date(2024, 3, 3),
        None,
    ),
    (
        "en",
        "Harbour Board Backs Night Ferries\n\nBy Sherif Saed, Wednesday, 20 November 2019 "
        "08:05 GMT",
        "Harbour Board Backs Night Ferries",
        None,
        "By Sherif Saed",
        ["Sherif Saed"],
        None,
        datetime(2019, 11, 20, 8, 5, tzinfo=UTC),
        None,
    ),
    (
        "en",
        "Harbour Board Backs Night Ferries\nby Jeff Foust — November 18, 2019",
        "Harbour Board Backs Night Ferries",
        None,
        "by Jeff Foust",
        ["Jeff Foust"],
        None,
        date(2019, 11, 18),
        None,
    ),
    (
        "en",
        "Harbour Board Backs Night Ferries\n\nBy Jill Disis, CNN Business\nUpdated 10:15 AM EDT, "
        "Fri October 6, 2023",
        "Harbour Board Backs Night Ferries",
        None,
        "By Jill Disis, CNN Business",
        ["Jill Disis"],
        "CNN Business",
        None,
        datetime(2023, 10, 6, 10, 15, tzinfo=timezone(timedelta(hours=-4))),
    ),
    (
        "en",
        "Harbour Board Backs Night Ferries\n\nJane Doe, Staff Writer\nMarch 3, 2024 · 5 min read",
        "Harbour Board Backs Night Ferries",
        None,
        "Jane Doe, Staff Writer",
        ["Jane Doe"],
        None,
        date(2024, 3, 3),
        None,
    ),
    (
        "de",
        "Hafenrat erlaubt Nachtfähren\n\nFischer fürchten um ihre Liegeplätze.\n\nVon Christian "
        "Hollmann, dpa\nVeröffentlicht am 3. Dezember 2024\nLesezeit: 4 Minuten",
        "Hafenrat erlaubt Nachtfähren",
        "Fischer fürchten um ihre Liegeplätze.",
        "Von Christian Hollmann, dpa",
        ["Christian Hollmann"],
        "dpa",
        date(2024, 12, 3),
        None,
    ),
    (
        "fr",
        "Le port autorise les ferries de nuit\n\nPar Claire Martin\nPublié le 4 mai 2015 à 13h36 "
        "• Mis à jour le 5 mai 2015 à 20h13",
        "Le port autorise les ferries de nuit",
        None,
        "Par Claire Martin",
        ["Claire Martin"],
        None,
        date(2015, 5, 4),
        date(2015, 5, 5),
    ),
    (
        "es",
        "El puerto permite los ferris nocturnos\n\nPor Ana García y Luis Pérez\nPublicado el 3 de "
        "diciembre de 2024\nActualizado el 4 de diciembre de 2024",
        "El puerto permite los ferris nocturnos",
        None,
        "Por Ana García y Luis Pérez",
        ["Ana García", "Luis Pérez"],
        None,
        date(2024, 12, 3),
        date(2024, 12, 4),
    ),
    (
        "it",
        "Il porto apre ai traghetti notturni\n\nDi Marco Rossi\nPubblicato il 3 dicembre 2024\n"
        "Aggiornato il 4 dicembre 2024",
        "Il porto apre ai traghetti notturni",
        None,
        "Di Marco Rossi",
        ["Marco Rossi"],
        None,
        date(2024, 12, 3),
        date(2024, 12, 4),
    ),
    (
        "pt",
        "Porto libera balsas noturnas\n\nPor João Silva, Lusa\nPublicado em 3 de dezembro de "
        "2024\nAtualizado em 4 de dezembro de 2024",
        "Porto libera balsas noturnas",
        None,
        "Por João Silva, Lusa",
        ["João Silva"],
        "Lusa",
        date(2024, 12, 3),
        date(2024, 12, 4),
    ),
]


@pytest.mark.parametrize(
    (
        "language",
        "header",
        "headline",
        "deck",
        "byline",
        "authors",
        "source",
        "published",
        "updated",
    ),
    HEADER_FORMS,
)
def test_header_forms(
    language: str,
    header: str,
    headline: str,
    deck: str | None,
    byline: str,
    authors: list[str],
    source: str | None,
    published: date | None,
    updated: date | None,
) -> None:
    article, _ = read_page(page(language, header))
    assert article.headline == headline
    assert article.subheadline == deck
    assert article.byline == byline
    assert [person.name for person in article.authors] == authors
    assert (article.source.name if article.source else None) == source
    assert article.published == published
    assert article.updated == updated
    assert_article(article, language)


def test_reading_time_and_relative_date_are_kept_as_text() -> None:
    header = "Harbour Board Backs Night Ferries\n\nBy Jane Doe\n3 hours ago\n5 min read"
    article, codes = read_page(page("en", header))
    assert article.byline == "By Jane Doe"
    assert article.published is None
    assert article.extras["text:relative_date"] == "3 hours ago"
    assert article.extras["text:reading_time"] == "5 min read"
    assert "date-relative" in codes
    assert_article(article, "en")


@pytest.mark.parametrize(
    ("language", "caption", "expected"),
    [
        (
            "en",
            "Fishing boats in the inner basin. Photo: AP / Jane Doe",
            {"caption": "Fishing boats in the inner basin.", "credit": "AP / Jane Doe"},
        ),
        (
            "en",
            "The new pier at dawn (Photo by Jane Doe/Getty Images)",
            {"caption": "The new pier at dawn", "credit": "Jane Doe/Getty Images"},
        ),
        (
            "de",
            "Fischerboote im Hafen. Foto: dpa",
            {"caption": "Fischerboote im Hafen.", "credit": "dpa"},
        ),
        (
            "fr",
            "Des bateaux de pêche dans le port. Photo : AFP",
            {"caption": "Des bateaux de pêche dans le port.", "credit": "AFP"},
        ),
        (
            "es",
            "Barcos en el puerto. Foto: EFE",
            {"caption": "Barcos en el puerto.", "credit": "EFE"},
        ),
        ("pt", "Barcos no porto. Foto: Lusa", {"caption": "Barcos no porto.", "credit": "Lusa"}),
        (  # a copyright sign and a short credit after the caption
            "de",
            "Fischerboote im inneren Hafenbecken © Jana Schmidt",
            {"caption": "Fischerboote im inneren Hafenbecken", "credit": "Jana Schmidt"},
        ),
        (
            "fr",
            "Des bateaux de pêche au petit matin / (C) Jeanne Dupont",
            {"caption": "Des bateaux de pêche au petit matin", "credit": "Jeanne Dupont"},
        ),
        (  # the label printed twice; and run together with the caption, as a browser copies it
            "en",
            "Fishing boats in the inner basin. Credit Credit Jane Doe/The Courier",
            {"caption": "Fishing boats in the inner basin.", "credit": "Jane Doe/The Courier"},
        ),
        (
            "en",
            "Fishing boats in the inner basin.CreditCreditJane Doe/The Courier",
            {"caption": "Fishing boats in the inner basin.", "credit": "Jane Doe/The Courier"},
        ),
    ],
)
def test_caption_lines_become_figures_where_they_stand(
    language: str, caption: str, expected: dict[str, str]
) -> None:
    header = "A Headline Of Some Length Here\n\nBy Jane Doe"
    article, _ = read_page(page(language, header, caption))
    figure = article.body[1]  # between the first and second paragraph, as on the page
    assert isinstance(figure, Figure)
    assert {"caption": figure.caption_text, "credit": figure.credit} == expected
    assert caption not in " ".join(article.paragraphs)
    assert article.paragraphs == BODY[language]
    assert caption not in article.extras.get("text:removed_lines", [])


def test_credit_line_takes_the_caption_line_before_it() -> None:
    caption = "Fishing boats in the inner basin.\n\n© Jane Doe"
    article, _ = read_page(page("en", "A Headline Of Some Length Here\n\nBy Jane Doe", caption))
    figures = [block for block in article.body if isinstance(block, Figure)]
    assert [(figure.caption_text, figure.credit) for figure in figures] == [
        ("Fishing boats in the inner basin.", "Jane Doe")
    ]


@pytest.mark.parametrize(
    ("language", "credit"),
    [
        ("en", "Photo: John Roe/Westcliff Courier"),
        ("de", "Foto: Ann Lee / Hafenblatt"),
        ("fr", "Crédit photo : Jeanne Dupont"),
        ("es", "Foto: Ana Ruiz"),
        ("it", "Foto: Marco Neri"),
        ("pt", "Foto: Rui Lopes"),
    ],
)
def test_a_quoted_speech_paragraph_above_a_credit_line_stays_in_the_body(
    language: str, credit: str
) -> None:
    """A paragraph that opens with someone's words (“...,” said ...) is the story, not the caption
    of the picture whose credit line follows it."""
    body = BODY[language]
    text = page(language, "A Headline Of Some Length Here\n\nBy Jane Doe").decode()
    text = text.replace(f"{body[1]}\n\n", f"{body[1]}\n\n{credit}\n\n")
    article, _ = read_page(text.encode())
    assert article.paragraphs == body
    figures = [block for block in article.body if isinstance(block, Figure)]
    assert [(figure.caption_text, figure.credit) for figure in figures] == [
        ("", credit.split(":", 1)[1].strip())
    ]


def test_a_byline_split_over_lines_under_its_date_is_read_as_one() -> None:
    """ "By", the names and the job title on lines of their own under the date line (as a
    browser copies a byline set in boxes): one byline with the author's role; the date is kept,
    and none of the lines is furniture or body."""
    header = "Harbour Board Backs Night Ferries\n\nMarch 3, 2024\n\n"
    header += "By\nJane Doe\nCourier harbour reporter"
    article, _ = read_page(page("en", header))
    assert article.byline == "By Jane Doe"
    assert [(person.name, person.role) for person in article.authors] == [
        ("Jane Doe", "Courier harbour reporter")
    ]
    assert article.published == date(2024, 3, 3)
    removed = article.extras["text:removed_lines"]
    assert isinstance(removed, list)
    assert "By" not in removed and "Courier harbour reporter" not in removed
    assert_article(article, "en")


@pytest.mark.parametrize(
    "header",
    [
        "Travel\nSeptember 8, 2021\nHarbour Board Backs Night Ferries\n\nBy Jane Doe",
        "Jane Doe\nSeptember 8, 2021\n5:50 am\nHarbour Board Backs Night Ferries",
        "Opinion\n\nSeptember 8, 2021\n\nHarbour Board Backs Night Ferries\n\nBy Jane Doe",
    ],
)
def test_a_date_line_over_the_headline_dates_the_article(header: str) -> None:
    """A blog or magazine prints the date over the headline, a section label, the author's name or
    the time beside it: it is the article's date when none stands under the headline."""
    article, _ = read_page(page("en", header))
    assert article.headline == "Harbour Board Backs Night Ferries"
    assert article.published == date(2021, 9, 8)
    assert_article(article, "en")


@pytest.mark.parametrize(
    ("header", "published"),
    [
        (  # a teaser of another story and its date, in a box over the article
            "Most read\nTram fares to rise next spring in the town\nSeptember 8, 2021\n"
            "Harbour Board Backs Night Ferries\n\nBy Jane Doe",
            None,
        ),
        (  # a list item's date
            "* Tram fares to rise\nSeptember 8, 2021\nHarbour Board Backs Night Ferries\n\n"
            "By Jane Doe",
            None,
        ),
        (  # the date under the headline is the article's
            "September 8, 2021\nHarbour Board Backs Night Ferries\n\nBy Jane Doe\n"
            "Published: March 3, 2024",
            date(2024, 3, 3),
        ),
        (  # too far above (a masthead's date of the day)
            "September 8, 2021\nWeather\nTraffic\nOpinion\nLetters\n"
            "Harbour Board Backs Night Ferries\n\nBy Jane Doe",
            None,
        ),
    ],
)
def test_a_date_over_the_headline_that_is_not_the_articles(
    header: str, published: date | None
) -> None:
    article, _ = read_page(page("en", header))
    assert article.headline == "Harbour Board Backs Night Ferries"
    assert article.published == published
    assert article.paragraphs == BODY["en"]


@pytest.mark.parametrize("label", ["Travel Tips", "Marketing Strategy", "EVENT PLANNING"])
def test_a_section_label_over_the_headline_is_no_byline(label: str) -> None:
    """A section label of capitalised words over the headline reads like a line of names, and the
    date under the headline would make it a byline: what makes a line of names over the headline
    a byline has to stand over the headline too."""
    header = f"{label}\nHarbour Board Backs Night Ferries\nMarch 26, 2023"
    article, _ = read_page(page("en", header))
    assert article.headline == "Harbour Board Backs Night Ferries"
    assert article.byline is None and article.authors == []
    assert article.published == date(2023, 3, 26)
    assert_article(article, "en")


@pytest.mark.parametrize(
    ("header", "headline"),
    [
        ("Harbour Board\n:\nNight Ferries Approved\nMarch 26, 2023", "Night Ferries Approved"),
        (
            "Night ferries approved by the board\nMarch 26, 2023\nHarbour Board\n:\n"
            "Night Ferries Approved",
            "Night ferries approved by the board",
        ),
    ],
)
def test_a_kicker_and_its_headline_around_a_lone_colon_are_no_byline(
    header: str, headline: str
) -> None:
    """A kicker set in its own element, its colon in another, then the headline: both read like
    lines of names, and the date beside them would make one a byline."""
    article, _ = read_page(page("en", header))
    assert article.headline == headline
    assert article.byline is None and article.authors == []
    assert article.published == date(2023, 3, 26)


@pytest.mark.parametrize(
    ("header", "role"),
    [
        (
            "Harbour Board Backs Night Ferries\nJane DoeTravel News Reporter\nMarch 26, 2023",
            "Travel News Reporter",
        ),
        (
            "Harbour Board Backs Night Ferries\nBy Jane DoeSenior Reporter\nMarch 26, 2023",
            "Senior Reporter",
        ),
    ],
)
def test_a_job_title_run_into_the_name_is_her_role(header: str, role: str) -> None:
    """A browser's copy joins the name's element and the job title's with no space between."""
    article, _ = read_page(page("en", header))
    assert [(person.name, person.role) for person in article.authors] == [("Jane Doe", role)]


@pytest.mark.parametrize("names", ["Jane McKenzie", "By Jane MacEditor", "By Jane DeSantis"])
def test_a_capital_inside_a_surname_ends_no_name(names: str) -> None:
    found = parse_byline(names, labelled=False)
    assert found is not None and [person["name"] for person in found.people] == [
        names.removeprefix("By ")
    ]


@pytest.mark.parametrize(
    "header",
    [
        "Jane Doe\nMarch 26, 2023\nHarbour Board Backs Night Ferries",
        "Jane Doe, Staff Writer\nHarbour Board Backs Night Ferries\nMarch 26, 2023",
        "By Jane Doe\nHarbour Board Backs Night Ferries\nMarch 26, 2023",
    ],
)
def test_a_byline_over_the_headline_is_still_read(header: str) -> None:
    """A line of names dated over the headline, with a job title, or labelled, is a byline."""
    article, _ = read_page(page("en", header))
    assert article.headline == "Harbour Board Backs Night Ferries"
    assert [person.name for person in article.authors] == ["Jane Doe"]
    assert article.published == date(2023, 3, 26)


def test_a_web_copys_figures_survive_the_text_writer() -> None:
    """Written back as text, a figure the reader made from a caption line reads back the same."""
    caption = "Fishing boats in the inner basin. Photo: AP / Jane Doe"
    article, _ = read_page(page("en", "A Headline Of Some Length Here\n\nBy Jane Doe", caption))
    again = read(write(article, format="text").value, format="text").value
    assert again.body == article.body


def test_top_of_page_chrome_is_never_the_headline() -> None:
    """The first line of the page ("Skip to main content") and menu items are chrome."""
    article, codes = read_page(page("en", "Harbour Board Backs Night Ferries\n\nBy Jane Doe"))
    assert article.headline == "Harbour Board Backs Night Ferries"
    assert "text-boilerplate-dropped" in codes
    removed = article.extras["text:removed_lines"]
    assert isinstance(removed, list)
    assert removed[:3] == ["Skip to main content", "* News", "* Sport"]


def test_section_label_above_the_headline_is_not_the_headline() -> None:
    header = "Africa\n\nHarbour Board Backs Night Ferries\n\nBy Jane Doe"
    article, _ = read_page(page("en", header))
    assert article.headline == "Harbour Board Backs Night Ferries"


def test_body_only_text_still_gets_no_headline() -> None:
    """No page around it, no furniture: no headline by guesswork."""
    text = "\n\n".join(BODY["en"]).encode()
    result = read(text, format="text")
    assert result.value.headline is None
    assert [warning.code for warning in result.warnings] == ["no-headline"]


def test_clean_text_with_a_deck_between_headline_and_byline() -> None:
    """A deck (and a blank line) between headline and byline no longer ends the header."""
    text = (
        "Hafenrat erlaubt Nachtfähren\n\nFischer fürchten um ihre Liegeplätze.\n\n"
        "Von Christian Hollmann, dpa\n3. Dezember 2024\n\n" + "\n\n".join(BODY["de"])
    )
    article = read(text.encode(), format="text").value
    assert article.headline == "Hafenrat erlaubt Nachtfähren"
    assert article.subheadline == "Fischer fürchten um ihre Liegeplätze."
    assert article.byline == "Von Christian Hollmann, dpa"
    assert article.published == date(2024, 12, 3)  # a date line, not a list starting at 3
    assert article.paragraphs == BODY["de"]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Veröffentlicht am 3. Dezember 2024", "published"),
        ("Publié le 4 mai 2015", "published"),
        ("Publicado el 3 de diciembre de 2024", "published"),
        ("Pubblicato il 3 dicembre 2024", "published"),
        ("Publicado em 3 de dezembro de 2024", "published"),
        ("Last updated: 4 December 2024", "updated"),
        ("Posted on April 21, 2015", "published"),
        ("Aktualisiert am 4. Dezember 2024", "updated"),
        ("vor 3 Stunden", "relative"),
        ("il y a 3 heures", "relative"),
        ("hace 3 horas", "relative"),
        ("3 ore fa", "relative"),
        ("há 3 horas", "relative"),
        ("Lesezeit: 5 Minuten", "reading_time"),
        ("Temps de lecture : 5 min", "reading_time"),
        ("Reading Time: 3 mins read", "reading_time"),
        ("France 24 | 04.05.2015 | Par Jeanne Durand", "several"),  # (a source with a number)
        ("Courrier du Port | 04.05.2015 | Par Jeanne Durand", "several"),
        ("Quelle: dpa", "source"),
        ("Fuente: EFE", "source"),
    ],
)
def test_header_lines_in_six_languages(line: str, kind: str) -> None:
    found = read_header(line)
    assert found is not None and found.kind == kind


HEADLINES = {
    "en": "Harbour Board Backs Night Ferries",
    "de": "Hafenrat erlaubt Nachtfähren",
    "fr": "Le port autorise les ferries de nuit",
    "es": "El puerto autoriza los transbordadores nocturnos",
    "it": "Il porto autorizza i traghetti notturni",
    "pt": "O porto autoriza as balsas noturnas",
}
BYLINES = {
    "en": "By Jane Doe",
    "de": "Von Jana Dorn",
    "fr": "Par Jeanne Durand",
    "es": "Por Juana Durán",
    "it": "Di Gianna Durante",
    "pt": "Por Joana Dourado",
}
BST = timezone(timedelta(hours=1), "BST")
CET = timezone(timedelta(hours=1), "CET")
EDT = timezone(timedelta(hours=-4), "EDT")


@pytest.mark.parametrize(
    ("language", "line", "kind", "expected"),
    [
        # a weekday's abbreviation, a clock with a full stop, a zone
        ("en", "Tue 14 May 2024 09.30 BST", "published", datetime(2024, 5, 14, 9, 30, tzinfo=BST)),
        (
            "en",
            "Tue 14 May 2024 09.30 CEST",
            "published",
            datetime(2024, 5, 14, 9, 30, tzinfo=CEST),
        ),
        ("en", "14 May 2024 21.05 EDT", "published", datetime(2024, 5, 14, 21, 5, tzinfo=EDT)),
        (
            "en",
            "Wednesday 15 May 2024 9.30am BST",
            "published",
            datetime(2024, 5, 15, 9, 30, tzinfo=BST),
        ),
        # a month's abbreviation in lower case, a dash between the parts
        ("es", "16 ago 2024 - 10:45 CEST", "published", datetime(2024, 8, 16, 10, 45, tzinfo=CEST)),
        ("it", "3 mag 2024 ore 10:00 CEST", "published", datetime(2024, 5, 3, 10, 0, tzinfo=CEST)),
        ("de", "18. Okt 2023", "published", date(2023, 10, 18)),
        # numbers with slashes: one reading only ("09/25/2024": no 25th month)
        ("es", "09/25/2024", "published", date(2024, 9, 25)),
        # ... or day first after a label in another language, whatever the copy's language
        (
            "fr",
            "Publié le 02/11/2023 à 07h34 CET",
            "published",
            datetime(2023, 11, 2, 7, 34, tzinfo=CET),
        ),
        (
            "fr",
            "Mis à jour le 02/11/2023 à 09h05 CET",
            "updated",
            datetime(2023, 11, 2, 9, 5, tzinfo=CET),
        ),
        ("en", "Mis à jour le 02/11/2023", "updated", date(2023, 11, 2)),
        (
            "de",
            "Veröffentlicht am 02/11/2023 um 07:34 Uhr MEZ",
            "published",
            datetime(2023, 11, 2, 7, 34, tzinfo=CET),
        ),
        (
            "es",
            "Actualizado: 02/11/2023 - 07:34 CET",
            "updated",
            datetime(2023, 11, 2, 7, 34, tzinfo=CET),
        ),
        (
            "it",
            "Pubblicato il 02/11/2023 alle 07:34 CET",
            "published",
            datetime(2023, 11, 2, 7, 34, tzinfo=CET),
        ),
        (
            "pt",
            "Publicado em 02/11/2023 às 07h34 CET",
            "published",
            datetime(2023, 11, 2, 7, 34, tzinfo=CET),
        ),
        ("es", "Le 17/02/2020", "published", date(2020, 2, 17)),
    ],
)
def test_dates_as_news_sites_print_them(
    language: str, line: str, kind: str, expected: date
) -> None:
    header = f"{HEADLINES[language]}\n\n{line}\n\n{BYLINES[language]}"
    article, _ = read_page(page(language, header))
    assert article.headline == HEADLINES[language]
    assert article.byline == BYLINES[language]
    assert getattr(article, kind) == expected
    assert_article(article, language)


@pytest.mark.parametrize(
    "line",
    [
        "11/09/2024 06:05",  # (11 September or November 9?)
        "Published: 02/11/2023",
        "Updated 02/11/2023 07:34 BST",
    ],
)
def test_a_numeric_date_that_reads_either_way_in_english_is_refused(line: str) -> None:
    header = f"{HEADLINES['en']}\n\n{line}\n\n{BYLINES['en']}"
    article, _ = read_page(page("en", header))
    assert article.published is None and article.updated is None


def test_a_count_between_a_date_and_a_byline_is_no_source() -> None:
    assert read_header("03.03.2024 | 47 | Par Jeanne Durand") is None


@pytest.mark.parametrize(
    ("line", "kind", "expected"),
    [
        ("Publiziert3. Dezember 2024, 10:15", "published", date(2024, 12, 3)),
        ("Aktualisiert03.12.2024", "updated", date(2024, 12, 3)),
        ("Updated3 December 2024", "updated", date(2024, 12, 3)),
    ],
)
def test_a_date_label_run_into_the_date_is_read(line: str, kind: str, expected: date) -> None:
    """A browser's copy joins a label's element and the date's with no space between them."""
    found = read_header(line)
    assert found is not None and found.kind == kind
    assert isinstance(found.value, date) and found.value.timetuple()[:3] == expected.timetuple()[:3]


@pytest.mark.parametrize(
    "line", ["Updated2 items in the list", "Stand17 Punkte", "Datum17", "Quelle2024 Bericht"]
)
def test_a_label_run_into_what_is_no_date_is_no_header(line: str) -> None:
    assert read_header(line) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3. Dezember 2024", date(2024, 12, 3)),
        ("Dienstag, 3. Dezember 2024", date(2024, 12, 3)),
        ("3 décembre 2024", date(2024, 12, 3)),
        ("3 de diciembre de 2024", date(2024, 12, 3)),
        ("3 dicembre 2024", date(2024, 12, 3)),
        ("3 de dezembro de 2024", date(2024, 12, 3)),
        ("08.04.2015", date(2015, 4, 8)),
        ("2016年10月14日", date(2016, 10, 14)),
        ("3 de dezembro de 2024 às 14h30 CEST", datetime(2024, 12, 3, 14, 30, tzinfo=CEST)),
    ],
)
def test_dates_in_other_languages(text: str, expected: date) -> None:
    found = parse_date(text)
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    "line", ["Par ailleurs, le gouvernement a", "Por eso, la junta dijo", "Von Berlin aus fuhr er"]
)
def test_sentences_opening_with_a_byline_word_are_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


def test_false_datelines_are_not_taken() -> None:
    """A Russian sentence opening with a pronoun and a dash, a headline with a dash."""
    russian = "Они – главная причина роста цен, сказал министр в понедельник вечером."
    article = read(f"Заголовок статьи о ценах\n\n{russian}\n".encode(), format="text").value
    assert article.dateline is None and article.paragraphs == [russian]
    headline = "Our BI Research Shows – Smart Shoppers Wait for Sales"
    article = read(f"{headline}\n\nThe body of the story.\n".encode(), format="text").value
    assert article.headline == headline and article.dateline is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Skip to main content", "navigation"),
        ("Zum Inhalt springen", "navigation"),
        ("Werbung", "advertisement"),
        ("Publicité", "advertisement"),
        ("Lee también: El puerto cierra", "related"),
        ("Leggi anche: Il porto chiude", "related"),
        ("Partager sur Facebook", "share"),
        ("Wir verwenden Cookies, um unsere Website zu verbessern.", "legal"),
        ("Kommentare (12)", "comments"),
        ("Newsletter abonnieren", "subscribe"),
        ("Current Issue", "navigation"),
        ("Aktuelle Ausgabe", "navigation"),
        ("Dernier numéro", "navigation"),
        ("Último número", "navigation"),
        ("Ultimo numero", "navigation"),
        ("Última edição", "navigation"),
        ("Front Page", "navigation"),
    ],
)
def test_furniture_in_several_languages(line: str, kind: str) -> None:
    assert furniture.furniture_kind(line) == kind
    assert furniture.is_furniture(line)


def test_a_magazines_issue_link_over_the_date_is_no_byline() -> None:
    """A magazine's menu ends with "Current Issue" over the date row: a link, not a writer."""
    header = (
        "Current Issue\nPolitics / January 11, 2024\nFerries may dock at night\n"
        "The harbour board's vote ends a year of quarrels on the quay."
    )
    article, _ = read_page(page("en", header))
    assert article.headline == "Ferries may dock at night"
    assert article.authors == []
    assert str(article.published)[:10] == "2024-01-11"


@pytest.mark.parametrize(
    "deck", ["", "The harbour board's vote ends a year of quarrels on the quay.\n"]
)
def test_a_name_over_the_share_buttons_under_the_headline_is_the_byline(deck: str) -> None:
    """A name right under the headline (or its deck) over share buttons in a row of short lines,
    which make the name look like a menu's first item: the byline; not capitalised words that
    name the page's controls."""
    body = "\n\n".join(BODY["en"])
    text = (
        f"{TOP['en']}\nFerries may dock at night\n{deck}Jane Doe\nShare\nFacebook\nTwitter\n"
        f"Email\n\n{body}\n"
    )
    article, _ = read_page(text.encode())
    assert article.headline == "Ferries may dock at night"
    assert [person.name for person in article.authors] == ["Jane Doe"]
    # a name heading a menu of links that are no share buttons stays a menu's item
    menu = text.replace("Share\nFacebook\nTwitter\n", "Home\nNews\nSport\n")
    assert read_page(menu.encode())[0].authors == []
    # words of the page's controls there (an author box's link, a forum's button, tabs) are none
    for controls in ("All Articles", "Ask Question", "Article Gallery"):
        assert read_page(text.replace("Jane Doe", controls).encode())[0].authors == []


@pytest.mark.parametrize(
    ("line", "updated"),
    [
        ("2025年1月14日 01時28分 (1月14日 01時40分更新)", datetime(2025, 1, 14, 1, 40)),
        ("2025年1月14日 01時28分（2025年1月15日 09時00分更新）", datetime(2025, 1, 15, 9, 0)),
        ("2025年1月14日 01時28分 (更新)", None),  # (no time of the update: the date alone)
    ],
)
def test_a_japanese_date_with_its_update_in_brackets(line: str, updated: datetime | None) -> None:
    """The update in brackets after a Japanese date, its year left out as the date's."""
    header = read_header(line)
    assert header is not None
    parts = header.value if header.kind == "several" else [header]
    assert parts[0].kind == "published" and parts[0].naive == datetime(2025, 1, 14, 1, 28)  # type: ignore[index, union-attr]
    assert [part.naive for part in parts[1:]] == ([updated] if updated else [])  # type: ignore[union-attr]
    assert read_header("港の話 (更新)") is None  # (no date before the bracket)


def test_a_japanese_update_in_brackets_after_new_year_is_in_the_next_year() -> None:
    """An update whose day, in the date's year, would come before the date is in the next
    year (a story of New Year's Eve updated after midnight), never before its publication."""
    header = read_header("2024年12月31日 23時50分 (1月1日 00時10分更新)")
    assert header is not None and header.kind == "several"
    published, updated = header.value  # type: ignore[misc]
    assert published.naive == datetime(2024, 12, 31, 23, 50)
    assert updated.kind == "updated" and updated.naive == datetime(2025, 1, 1, 0, 10)


def test_the_headline_printed_again_after_a_kicker_is_no_paragraph_over_the_byline() -> None:
    """A headline read from the trail run into it, the story's stretch opening at the date line
    under it: the headline printed again below, a kicker run into it, is left out, no paragraph
    that, with the deck, pushes the labelled byline under them out of the header; a paragraph
    that quotes the headline at its end stays."""
    title = "Fähren dürfen künftig auch nachts im Hafen von Westkliff anlegen!"
    deck = (
        "Der Hafenrat hat nach einem Jahr Streit entschieden, und die Fischer fürchten um ihren "
        "Platz an der Kaimauer, wenn sie abends ihren Fang an Land bringen."
    )
    quoted = f"Am Dienstag hing im Rathaus ein Aushang des Rates mit der Überschrift {title}"
    body = "\n\n".join([*BODY["de"], quoted])
    text = (
        f"{TOP['de']}\nStart / Hafen / Verkehr / {title}\nVerkehr - 3. Mai 2024\n\n"
        f"Streit am Kai {title}\n\n{deck}\n\nVon Jana Dorn\n\n{body}\n"
    )
    article, _ = read_page(text.encode())
    assert article.headline == title
    assert [person.name for person in article.authors] == ["Jana Dorn"]
    assert article.paragraphs == [deck, *BODY["de"], quoted]


def test_furniture_narrowed_to_a_language() -> None:
    assert furniture.is_furniture("Werbung", language="de")
    assert not furniture.is_furniture("Werbung", language="fr")
    assert furniture.is_furniture("Facebook", language="fr")  # language-neutral


def test_a_links_heading_naming_the_site_stays_out_of_the_body() -> None:
    """ "Auch auf <site>:" over a list of the site's other stories: no table names a site; the
    heading is left out as the short line it is, with the list under it."""
    data = page("de", "Fähren dürfen nachts anlegen").replace(
        b"Meistgelesen\n", b"Auch auf Hafenblatt online:\n"
    )
    article, _ = read_page(data)
    assert_article(article, "de")
    assert "Auch auf Hafenblatt online:" in article.extras["text:removed_lines"]  # type: ignore[operator]


@pytest.mark.parametrize("paragraphs", [1, 2, 3])
def test_an_article_at_the_very_end_of_a_short_copy(paragraphs: int) -> None:
    """The lines read around the article's opening may reach past the page's last line."""
    chrome = "Skip to main content\nMenu\nSign in\nSubscribe\nAdvertisement\nShare\n"
    story = [
        "The city council voted on Tuesday to run the harbour ferries through the night from "
        "the first of May, after a trial last summer carried more passengers than expected.",
        "Ferry operators said the night service would need six more crews, and the council "
        "agreed to pay for them from the transport budget for at least two years.",
        "Residents near the quay asked for quieter engines, and the board promised to test "
        "two electric boats on the night crossings before the end of the year.",
    ][:paragraphs]
    copy = chrome + "Harbour ferries to run all night\n\n" + "\n\n".join(story) + "\n"
    article = read(copy.encode(), format="text").value
    assert article.headline == "Harbour ferries to run all night"
    assert article.paragraphs == story


def test_a_long_comment_thread_under_a_signed_article_is_not_the_article() -> None:
    """A thread of reader comments holds more prose than the story it discusses; the story is
    signed at its end ("By Jane Doe" under its last paragraph), which must not make the page
    read as if the article began after that byline, in the thread."""
    story = [
        *BODY["en"],
        "Ferry operators said the night service would need six more crews, and the council agreed"
        " to pay for them from the transport budget for at least two years.",
        "Residents near the quay asked for quieter engines, and the board promised to test two"
        " electric boats on the night crossings before the end of the year.",
        "The fishermen's association said it would ask the county to review the decision, and"
        " that its members would keep landing their catch at the inner basin in the meantime.",
        "A spokesman for the board said the quay had room for both fleets if the ferries kept to"
        " the outer berths, and that the harbour master would publish a berthing plan in April.",
    ]
    comment = (
        "I have taken the night ferry for years and the crossing has never once been on time, so"
        " I doubt that another timetable will change much for those of us who work in the town"
        " and have to be at the quay before six in the morning. {} The board should ask people."
    )
    thread = "".join(
        f"* reader{number}\n\n{number} March 2024, 10:{number:02d}\n\n{comment.format(number)}\n\n"
        f"Reply\n\n"
        for number in range(1, 13)
    )
    copy = (
        f"{TOP['en']}\nHarbour Board Backs Night Ferries\n\n{SHARE['en']}\n"
        + "\n\n".join(story)
        + f"\n\n{SHARE['en']}\nBy Jane Doe\n\nTransport editor\n\nMore on this story\n\n"
        "* Tram fares to rise\n\nBy Tom Green\n\n"
        f"12 Comments\n\n{thread}{FOOT['en']}"
    )
    article, _ = read_page(copy.encode())
    assert article.headline == "Harbour Board Backs Night Ferries"
    assert article.paragraphs[: len(story)] == story
    # (the signature and the writer's job title stay in the body, not yet read as its byline)
    assert article.paragraphs[len(story) :] == ["By Jane Doe", "Transport editor"]


KAI = "Streit um die Kaimauer: Fischer fürchten die Nachtfähren"


@pytest.mark.parametrize(
    ("header", "headline", "deck"),
    [
        ("Fähren dürfen nachts anlegen\n\n" + KAI, "Fähren dürfen nachts anlegen", KAI),
        ("Hafenrat | Fähren dürfen anlegen\n\n" + KAI, KAI, None),  # a separator: a kicker
        ("FÄHREN DÜRFEN NACHTS ANLEGEN\n\n" + KAI, KAI, None),  # capitals: a kicker
        (  # a kicker that is a menu item too
            f"Fähren dürfen nachts anlegen\n\n{KAI}\n\n"
            "* Fähren dürfen nachts anlegen\n* Neue Fähre",
            KAI,
            None,
        ),
    ],
)
def test_a_short_headline_over_its_deck_is_no_kicker(
    header: str, headline: str, deck: str | None
) -> None:
    """A short title line over a longer one is the headline (the longer its deck) unless it
    shows itself a kicker: in capitals, with a separator, or standing in a menu too."""
    article, _ = read_page(page("de", header))
    assert article.headline == headline
    assert article.subheadline == deck


MUELLE = "La junta del puerto decide que los transbordadores atraquen de noche en el muelle"
COLAS = "El puerto cambia de horario tras un verano de colas"


@pytest.mark.parametrize(
    ("upper", "headline", "deck"),
    [
        (COLAS, COLAS, MUELLE),
        ("Opinión, Puerto, Ciudad, Transporte, Vida local", MUELLE, None),  # a list of labels
        (COLAS.upper(), MUELLE, None),  # in capitals: a kicker
        # the lower line printed twice on the page (in a breadcrumb): the headline
        (f"* Inicio\n* Ciudad\n* {MUELLE}\n\n{COLAS}", MUELLE, None),
    ],
)
def test_a_deck_sharing_more_of_the_story_is_still_the_deck(
    upper: str, headline: str, deck: str | None
) -> None:
    """Of two title lines over the byline, the upper is the headline though the deck under it
    (no full stop at its end) shares more of the first paragraphs' words; unless the upper is a
    label or the lower is printed twice on the page, as headlines are."""
    article, _ = read_page(page("es", f"{upper}\n\n{MUELLE}\n\nPor Lucía Prieto"))
    assert article.headline == headline
    assert article.subheadline == deck


NIGHT_FERRIES = "Harbour board lets passenger ferries berth at the quay through the night"
FISHERMEN = "Fishermen fear for their quay space"


@pytest.mark.parametrize(
    ("header", "headline", "deck"),
    [
        (f"{NIGHT_FERRIES}\n{FISHERMEN}", NIGHT_FERRIES, FISHERMEN),
        (f"{NIGHT_FERRIES}\n\n{FISHERMEN}", NIGHT_FERRIES, FISHERMEN),
        # a trail run into the title, and the title printed twice, are no headline over a deck
        (f"Home News {FISHERMEN}\n{FISHERMEN}", FISHERMEN, None),
        (f"{FISHERMEN}\n{FISHERMEN}", FISHERMEN, None),
    ],
)
def test_a_headline_over_a_shorter_deck_is_the_headline(
    header: str, headline: str, deck: str | None
) -> None:
    """A long title line sharing most of its words with the first paragraphs, over a shorter
    title line with no full stop and the byline: the upper is the headline and the lower its
    deck, though the byline stands under the deck and the deck is the shorter."""
    article, _ = read_page(page("en", f"{header}\nBy Jane Doe\nMarch 3, 2024"))
    assert article.headline == headline
    assert article.subheadline == deck


@pytest.mark.parametrize("headline", ["Sweden > Denmark", "Ferries › night buses now"])
def test_a_short_headline_with_a_trail_sign_over_its_byline_is_the_headline(headline: str) -> None:
    """A title that holds a breadcrumb's sign ("Sweden > Denmark") is the headline when its byline
    and date stand under it: a short line with the sign is not page furniture by that alone."""
    article, _ = read_page(page("en", f"{headline}\nBy Jane Doe\nMarch 3, 2024"))
    assert article.headline == headline


@pytest.mark.parametrize("stamp", ["3/14/24 9:05AM", "14/03/2024", "14.03.2024"])
def test_a_paragraph_under_a_date_in_figures_is_no_gallery_caption(stamp: str) -> None:
    """The story's first paragraph right under its date in figures ("3/14/24 9:05AM"), a video
    block between it and the rest: the paragraph is the story's (a gallery's counter, "3/14",
    makes the line under it a caption of no weight; a date is none)."""
    body = BODY["en"]
    copy = (
        f"{TOP['en']}\n{NIGHT_FERRIES}\nBy Jane Doe\n{stamp}\n\n{body[0]}\n\nWatch\n"
        f"More videos\n\n{body[1]}\n\n{body[2]}\n\n{SHARE['en']}\n{FOOT['en']}"
    )
    article, _ = read_page(copy.encode())
    assert article.paragraphs[0] == body[0]


def test_a_most_read_box_inside_the_story_does_not_end_it() -> None:
    """A "Most read" box of titles and names set between two parts of a story: the story goes on
    after it (a crosshead, then paragraphs), however short that part; the box is left out. A box
    whose teasers are dated, or followed by no run of paragraphs, still ends the story."""
    first = [
        *BODY["en"],
        "Ferry operators said the night service would need six more crews, and the council agreed"
        " to pay for them from the transport budget for at least two years.",
        "Residents near the quay asked for quieter engines, and the board promised to test two"
        " electric boats on the night crossings before the end of the year.",
        "The night crossings would start in May with two boats an hour, rising to four in the"
        " summer months if the trial draws as many passengers as the board expects.",
        "Traders on the harbour front welcomed the plan and said that late visitors would keep"
        " the cafés and the fish market busy well into the evening.",
    ]
    rest = [
        "The fishermen's association said it would ask the county to review the decision.",
        "A spokesman for the board said the quay had room for both fleets if the ferries kept to"
        " the outer berths.",
        "The harbour master will publish a berthing plan in April, the board said.",
    ]
    box = "Most read\n\nTram Fares To Rise Again\nTom Green\nNew Depot Opens In The Valley\nAnn Lee"
    copy = (
        f"{TOP['en']}\nHarbour Board Backs Night Ferries\n\nBy Jane Doe\n\n"
        + "\n\n".join(first)
        + f"\n\n{box}\n\nWhat the fishermen say\n\n"
        + "\n\n".join(rest)
        + f"\n\n{SHARE['en']}\n{FOOT['en']}"
    )
    article, _ = read_page(copy.encode())
    assert article.paragraphs == [*first, "What the fishermen say", *rest]
    dated = box.replace("Tom Green", "March 3, 2024").replace("Ann Lee", "March 2, 2024")
    article, _ = read_page(copy.replace(box, dated).encode())
    assert article.paragraphs == first


@pytest.mark.parametrize(
    ("language", "headline", "meta"),
    [
        ("de", "Fähren fahren bald auch nachts", "von hafenfan · 3. März 2024"),
        ("de", "Fähren fahren bald auch nachts", "am 3. März 2024 von hafenfan in Allgemein"),
        ("fr", "Les ferries pourront accoster la nuit", "par marin42 · 3 mars 2024"),
        ("it", "I traghetti potranno attraccare di notte", "di portolano · 3 marzo 2024"),
        ("pt", "As balsas poderão atracar à noite", "por marujo · 3 de março de 2024"),
    ],
)
def test_a_line_with_a_date_of_another_language_is_no_headline(
    language: str, headline: str, meta: str
) -> None:
    """A blog's line of author and date under the headline, the date written the German, French,
    Italian or Portuguese way, is no title line (as an English date makes none)."""
    article, _ = read_page(page(language, f"{headline}\n\n{meta}"))
    assert article.headline == headline


def test_the_only_paragraph_of_a_page_is_its_body_not_a_deck() -> None:
    """A page of one paragraph under the headline, over its author's line: the paragraph is the
    article (read as a deck, it left the body empty)."""
    copy = (
        f"{TOP['fr']}\nLes ferries pourront accoster la nuit\n\n{BODY['fr'][0]}\n\n"
        f"Auteur : Jeanne Dupont\n\n{SHARE['fr']}\n{FOOT['fr']}"
    )
    article, _ = read_page(copy.encode())
    assert article.headline == "Les ferries pourront accoster la nuit"
    assert article.subheadline is None
    assert article.paragraphs == BODY["fr"][:1]


COOKIE_DIALOG = [
    "Wir setzen Cookies ein, damit diese Seite richtig funktioniert, und mit Ihrer Zustimmung auch,"
    " um zu zählen, wie oft welche Seiten gelesen werden. Sie können Ihre Wahl jederzeit in den"
    " Einstellungen ändern.",
    "Notwendige Cookies halten zum Beispiel fest, welche Sprache Sie gewählt haben und ob Sie"
    " angemeldet sind. Ohne diese Cookies lässt sich die Seite nicht benutzen, darum können Sie sie"
    " nicht abschalten.",
    "Statistik-Cookies zählen, wie viele Menschen welche Artikel aufrufen und wie lange sie"
    " bleiben. Die Zahlen werden nur zusammengefasst ausgewertet und nicht an Dritte"
    " weitergegeben.",
    "Cookies von eingebetteten Karten und Videos setzen die Anbieter dieser Dienste, sobald Sie"
    " einen solchen Inhalt abspielen. Welche Daten dabei übertragen werden, bestimmen diese"
    " Anbieter selbst.",
    "Sie können alle Cookies außer den notwendigen ablehnen. Dann sehen Sie Karten und Videos erst,"
    " wenn Sie sie einzeln zulassen, und wir wissen nicht, welche Artikel gelesen werden.",
]


def test_a_dialog_of_cookie_settings_longer_than_the_article_is_not_the_article() -> None:
    """A short story, then the page's cookie settings: paragraphs on each kind of cookie, more
    prose than the story. The story is the article; the dialog is furniture."""
    story = BODY["de"][:2]
    copy = (
        f"{TOP['de']}\nFähren dürfen nachts anlegen\n\n{SHARE['de']}\n"
        + "\n\n".join(story)
        + f"\n\n{SHARE['de']}\n{FOOT['de']}\n\nCookie-Einstellungen\n\n"
        + "\n\n".join(COOKIE_DIALOG)
        + "\n\nAlle akzeptieren\nSpeichern\n"
    )
    article, _ = read_page(copy.encode())
    assert article.headline == "Fähren dürfen nachts anlegen"
    assert article.paragraphs == story


def test_a_story_that_mentions_cookies_stays_the_article() -> None:
    """Less than half of the story's prose speaks of cookies: it is read as any story is."""
    header = "Hafenrat stellt neue Webseite vor\n\nVon Jana Schmidt"
    article, _ = read_page(page("de", header, caption=COOKIE_DIALOG[2]))
    assert article.paragraphs == [BODY["de"][0], COOKIE_DIALOG[2], *BODY["de"][1:]]


LISTING = """order: {
    items: [
        items: [
            items: [
            ]
            ...
        ]
        ...
    ]
    ...
}"""


def test_a_program_listing_inside_the_story_does_not_split_it() -> None:
    """A listing as a browser copies it (a line a line, its closing brackets and ellipses on
    lines of their own, no blank line between): one block of code inside the story, not a wall
    of furniture between two articles; the story above it, with its header, stays the article."""
    first = [
        "The harbour board's booking server stopped answering for minutes at a time last week, "
        "after a developer found that one request could tie it up, the board said on Tuesday.",
        "The request holds lists inside lists, and the server reads each of them before it "
        "checks how large the whole request is, according to a note the developer published.",
        "He showed the shape of such a request in the note:",
    ]
    rest = [
        "The board said a fix would be installed before the night crossings start in May, and "
        "that no booking had been lost.",
        "The developer said he had told the board of the problem two years ago and had heard "
        "nothing back until the server failed this month.",
        "A spokesman for the board said the report had been passed to the company that wrote "
        "the software, which had not replied to questions by Tuesday evening.",
    ]
    copy = (
        "Skip to main content\nNews\nSport\nWeather\nBusiness\nSign in\nSubscribe\nTech —\n"
        "Harbour Board Software Crashes Under Night Ferry Bookings\n"
        "A nested list in one request stalls the booking server for minutes.\n\n"
        "By Jane Doe - March 3, 2024\n\nShare this story\nShare on Facebook\nShare on Twitter\n\n"
        + "\n\n".join(first)
        + f"\n\n{LISTING}\n\n"
        + "\n\n".join(rest)
        + "\n\nMost read\nTram fares to rise\nNew depot opens\n© 2024 Westcliff Courier\n"
    )
    article, _ = read_page(copy.encode())
    assert article.headline == "Harbour Board Software Crashes Under Night Ferry Bookings"
    assert article.authors and article.authors[0].name == "Jane Doe"
    paragraphs = article.paragraphs
    assert paragraphs[: len(first)] == first and paragraphs[-len(rest) :] == rest
    listed = [line.strip() for line in LISTING.splitlines()]
    worded = [line for line in listed if any(map(str.isalpha, line))]
    assert all(line in paragraphs for line in worded)  # (the listing's words stay in the body)
    kept = [*paragraphs, *article.extras["text:removed_lines"]]  # type: ignore[misc]
    assert all(line in kept for line in listed)  # (its brackets set aside, nothing lost)


def test_a_headline_right_under_the_menu_as_a_browser_copies_it() -> None:
    """A browser's copy sets blocks on consecutive lines and drops the list markers: the
    headline (and a section label under it) follows the menu with no blank line. It ends the run
    of short lines right above the article and is still its headline; the menu is not."""
    copy = (
        "Toggle navigation\nHome\nArchive\nAbout\nContact\n"
        "Night ferry rules\nharbour\n\n" + "\n\n".join(BODY["en"]) + "\n"
    )
    article, _ = read_page(copy.encode())
    assert article.headline == "Night ferry rules"  # (as short as a menu's items)
    assert article.paragraphs == BODY["en"]
    # (a short one that shares no word with the story, when its byline and date stand under it)
    dated = copy.replace("Night ferry rules\nharbour", "Quay anger\nBy Jane Doe\nMarch 3, 2024")
    assert read_page(dated.encode())[0].headline == "Quay anger"
    # (with no headline over the story, the menu's last item is none)
    bare = "Home\nNews\nSport\nWeather\nLocal News\n\n" + "\n\n".join(BODY["en"]) + "\n"
    assert read_page(bare.encode())[0].headline is None
    # its byline, date and share buttons under it the same way
    copy = copy.replace("\nharbour\n", "\nBy Jane Doe\nMarch 3, 2024\nShare\n")
    article, _ = read_page(copy.encode())
    assert article.headline == "Night ferry rules"
    assert article.authors and article.authors[0].name == "Jane Doe"
    assert article.published is not None and article.published.day == 3


def test_a_label_above_the_headline_is_no_byline_when_a_header_line_holds_one() -> None:
    """The section label over the headline reads like a name (two capitalised words); the line
    of source, date and byline under it credits the writer."""
    copy = (
        "Aller au contenu\nPolitique\nÉconomie\nSport\nCulture\nVie Locale\n"
        "Les ferries pourront accoster la nuit\n\n"
        "Courrier du Port | 04.05.2015 à 13h36 | Par Jeanne Durand\n\n"
        + "\n\n".join(BODY["fr"])
        + "\n"
    )
    article, _ = read_page(copy.encode())
    assert article.headline == "Les ferries pourront accoster la nuit"
    assert [author.name for author in article.authors] == ["Jeanne Durand"]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Das könnte dich auch interessieren:", "related"),
        ("Schon gelesen?", "related"),
        ("Weitere Beiträge", "related"),
        ("Vous aimerez aussi", "related"),
        ("También te puede gustar", "related"),
        ("Potrebbe interessarti anche", "related"),
        ("Você também pode gostar", "related"),
        ("Zobacz także", "related"),
        ("Schreibe einen Kommentar", "comments"),
        ("Deine E-Mail-Adresse wird nicht veröffentlicht.", "comments"),
        ("Laisser une réponse", "comments"),
        ("Deja una respuesta", "comments"),
        ("Lascia una risposta", "comments"),
        ("Deixe uma resposta", "comments"),
        ("Hinterlasse eine Antwort", "comments"),
        ("Lies auch", "related"),
        ("Zurück zur Liste", "navigation"),
        ("Der nächste Beitrag", "navigation"),
        ("Angemeldet bleiben", "account"),
        ("Drukuj", "share"),
        ("Diesen Artikel teilen", "share"),
        ("Partager cet article", "share"),
        ("Compartir este artículo", "share"),
    ],
)
def test_what_follows_a_story_in_several_languages(line: str, kind: str) -> None:
    """The headings a blog or news page sets under its story (more stories, its comment form,
    its share buttons, the links to the next post) in the languages of the tables, not English
    alone."""
    assert furniture.furniture_kind(line) == kind


LONG_STORY = [
    *BODY["de"],
    "Die Fährgesellschaft braucht für den Nachtbetrieb sechs weitere Besatzungen, und der Rat hat"
    " zugesagt, sie mindestens zwei Jahre lang aus dem Verkehrshaushalt zu bezahlen.",
    "Anwohner am Kai wünschen sich leisere Motoren; der Hafenrat will noch in diesem Jahr zwei"
    " Elektroboote auf den Nachtfahrten erproben und die Messwerte veröffentlichen.",
    "Der Fischereiverband will den Beschluss vom Landkreis prüfen lassen und bis dahin weiter am"
    " inneren Becken anlanden, wie es seine Mitglieder seit Jahrzehnten tun.",
    "Ein Sprecher des Hafenrats sagte, am Kai sei Platz für beide Flotten, wenn die Fähren an den"
    " äußeren Liegeplätzen festmachten; der Hafenmeister legt im April einen Plan dafür vor.",
]


def german_story(story: list[str], after: str) -> Article:
    """A German page: chrome, headline, byline, the story's paragraphs, then ``after``."""
    copy = f"{TOP['de']}\nFähren dürfen nachts anlegen\n\nVon Jana Schmidt\n\n"
    article, _ = read_page((copy + "\n\n".join(story) + after).encode())
    return article


@pytest.mark.parametrize(
    "heading",
    [
        "Das könnte dich auch interessieren",
        "Weitere Beiträge",
        "Diesen Artikel teilen",
        "Hinterlasse eine Antwort",
    ],
)
def test_a_story_ends_at_a_german_heading_over_more_stories(heading: str) -> None:
    """Teasers under the story (a title, a sentence of summary) are prose too; a heading over
    them in German ends the story as "Related" or "Share this" does in English."""
    teasers = "".join(
        f"{title}\n\n{summary}\n\n"
        for title, summary in [
            ("Neue Fähre getauft", "Die neue Fähre hat am Samstag ihren Namen bekommen."),
            ("Hafenfest im Juli", "Das Hafenfest findet in diesem Jahr an drei Tagen statt."),
            ("Mehr Platz am Kai", "Die Stadt will den Kai bis zum Herbst verlängern."),
        ]
    )
    article = german_story(LONG_STORY, f"\n\n{heading}\n\n{teasers}{FOOT['de']}")
    assert article.paragraphs == LONG_STORY


PANEL = [
    "Unser Verein wurde vor vielen Jahren von Menschen gegründet, die am Hafen arbeiten, und er"
    " lebt bis heute von den Beiträgen und der Zeit seiner Mitglieder, die sich um alles kümmern.",
    "Wer mitmachen möchte, ist bei den Treffen am ersten Montag jedes Monats willkommen; dort"
    " besprechen wir, welche Veranstaltungen wir planen und wer welche Aufgabe übernimmt.",
    "Die Vereinszeitung erscheint viermal im Jahr und wird allen Mitgliedern nach Hause geschickt;"
    " ältere Ausgaben liegen in der Geschäftsstelle aus und können dort gelesen werden.",
    "Spenden an den Verein sind steuerlich absetzbar, und auf Wunsch stellen wir gern eine"
    " Bescheinigung aus, die Sie mit Ihrer Steuererklärung beim Finanzamt einreichen können.",
]


def test_a_story_ends_above_the_page_footer() -> None:
    """Prose below the page's footer (a hidden panel, a dialog) is not the article's: the footer's
    own links and its copyright line end the story."""
    footer = "Kontakt\nHafenverein Nordkai\nHafenstraße 1\n\n© 2024 Hafenverein Nordkai\n"
    panel = "\n\n".join(PANEL)
    article = german_story(LONG_STORY, f"\n\n{footer}\nÜber den Verein\n\n{panel}\n")
    assert article.headline == "Fähren dürfen nachts anlegen"
    assert article.paragraphs == LONG_STORY


def test_picture_credits_inside_a_story_are_no_footer() -> None:
    """Credits ("© Jana Schmidt") between the story's paragraphs, one under each picture, do not
    end the story: a picture credit is no footer line."""
    pictures = "Die Fähre am Kai\n© Jana Schmidt\n\nDas innere Becken\n© Tom Berg"
    story = [*LONG_STORY[:3], pictures, *LONG_STORY[3:]]
    article = german_story(story, f"\n\n{SHARE['de']}\n{FOOT['de']}")
    assert article.paragraphs == LONG_STORY


def test_a_short_note_below_the_share_buttons_is_not_the_story() -> None:
    """Under the story, share buttons and the writer's name, then a few sentences about the writer:
    prose, but far less than the story's, behind a gap of furniture; the story ends above it."""
    note = (
        "Jana Schmidt schreibt seit vielen Jahren über den Hafen, die Fischerei und die Fähren an"
        " der Küste. Sie lebt mit ihrer Familie in einem kleinen Ort am Deich."
    )
    after = f"\n\nTeilen\nJana Schmidt\nRedakteurin\nAlle Beiträge\n\n{note}\n\n{FOOT['de']}"
    article = german_story(LONG_STORY, after)
    assert article.paragraphs == LONG_STORY
    assert note in article.extras["text:removed_lines"]  # type: ignore[operator]


def test_dated_picture_credits_inside_the_story_are_no_footer() -> None:
    """Two credits with their year between paragraphs ("© 2024 Jane Roe") look like a footer's
    copyright lines; a footer needs one of its links too, and the story goes on below them."""
    story = [  # (no paragraph printed twice: a repeated line is no story's)
        *BODY["en"][:2],
        *(text.replace("harbour", "port").replace("board", "authority") for text in BODY["en"][:2]),
        *(text.replace("harbour", "quay").replace("board", "council") for text in BODY["en"][:2]),
        *(text.replace("harbour", "river").replace("board", "panel") for text in BODY["en"][:2]),
    ]
    copy = (
        f"{TOP['en']}\nNight ferry rules\n\nBy Jane Doe\n\n"
        + "\n\n".join(story[:6])
        + "\n\nThe quay at dawn\n© 2024 Jane Roe\nThe ferry at night\n© 2024 John Poe\n\n"
        + "\n\n".join(story[6:])
        + f"\n\n{FOOT['en']}"
    )
    article, _ = read_page(copy.encode())
    assert article.paragraphs == story


@pytest.mark.parametrize(
    ("line", "trail"),
    [
        (
            "Home / Harbour / Ferries / Night ferry rules split the harbour",
            "Home / Harbour / Ferries /",
        ),
        ("Forum>Harbour>Night ferry rules split the harbour", "Forum>Harbour>"),
        # (separators drawn as pictures: runs of spaces are all the copy keeps of them)
        ("Home  Harbour  Ferries  Night ferry rules split the harbour", "Home Harbour Ferries"),
        (
            "Harbour  Ferry Lines  Fares  Night ferry rules split the harbour",
            "Harbour Ferry Lines Fares",
        ),
    ],
)
def test_a_breadcrumb_trail_run_into_the_headline_is_left_out(line: str, trail: str) -> None:
    """A browser's copy may run the page's breadcrumb trail into the headline; the headline is
    what follows the trail, and the trail is kept with the page's other furniture."""
    copy = f"{TOP['en']}\n{line}\n\nBy Jane Doe\n\n" + "\n\n".join(BODY["en"]) + "\n"
    article, _ = read_page(copy.encode())
    assert article.headline == "Night ferry rules split the harbour"
    assert trail in article.extras["text:removed_lines"]  # type: ignore[operator]


@pytest.mark.parametrize(
    "headline",
    ["Yes / No / Maybe: the vote on night ferries", "Ferries | News | Westcliff Courier"],
)
def test_a_headline_with_slashes_or_pipes_is_no_trail(headline: str) -> None:
    assert webcopy.trail_and_title(headline) is None


@pytest.mark.parametrize(
    "headline",
    [
        "Live  Night ferry rules split the harbour",  # (a badge, no home: one step is no trail)
        "Fares rise.  Ferries stop.  Town waits.  The harbour board will vote in June",
        "Night ferry rules  split the harbour",
        # (a table's rows: its columns aligned by wide runs of spaces, or cells of figures)
        "queued       started     queued_at + timeout       Queue the task again if it waits",
        "Harbour Lines  18.9 MB  17.2 MB (-9%)  13.1 MB (-31%) after the new timetable",
        "Harbour\tFerry Lines\tFares\tNight ferry rules split the harbour",
        # (a headline's own words in small letters between its runs of spaces)
        "Harbour board votes  to close  the night ferry  after a long and bitter row",
    ],
)
def test_a_headline_with_runs_of_spaces_is_no_trail(headline: str) -> None:
    assert webcopy.trail_and_title(headline) is None


def test_the_removed_lines_warning_names_the_first_line_set_aside() -> None:
    """The warning points at the first line left out: the trail's line when a trail was cut
    from the headline, else the first removed line, never the headline above it."""
    from articlekit.formats.text import parse
    from articlekit.registry import Context

    lines = ["Home / Harbour / Ferries / Night ferry rules split the harbour", "", "Share", "Tweet"]
    for headline, removed, line in ((0, [2, 3], 1), (None, [2, 3], 3)):
        found = webcopy.Article(lines, "en", headline=headline, removed=removed)
        context = Context()
        parse._web_fields(found, {}, {}, context)
        (warning,) = [w for w in context.warnings if w.code == "text-boilerplate-dropped"]
        assert warning.line == line
    found = webcopy.Article(
        ["Night ferry rules", "", "Body.", "Share"], "en", headline=0, removed=[3]
    )
    context = Context()
    parse._web_fields(found, {}, {}, context)
    assert [w.line for w in context.warnings if w.code == "text-boilerplate-dropped"] == [4]


# An article copied alone: a browser's copy of a selection from the headline to the last
# paragraph sets the headline, its header lines and the picture's caption on lines in a row,
# with no page around them to show it is a web copy.
ALONE = {
    "en": ("Night ferries split the harbour", "By Jane Doe | Westcliff Courier",
           "3 March 2024", "The east pier at dawn. Photo: John Roe"),
    "de": ("Nachtfähren spalten den Hafen", "Von Christian Hollmann, dpa", "3. März 2024",
           "Der Ostkai am Morgen. Foto: Ann Lee"),
    "fr": ("Les ferries de nuit divisent le port", "Par Claire Dubois", "3 mars 2024",
           "Le quai est à l'aube. Photo : Jean Roux"),
}  # fmt: skip


@pytest.mark.parametrize("language", sorted(ALONE))
def test_an_article_copied_alone_keeps_headline_header_lines_and_caption(language: str) -> None:
    headline, byline, day, caption = ALONE[language]
    text = f"{headline}\n{byline}\n{day}\n{caption}\n\n" + "\n\n".join(BODY[language])
    article, warnings = read_page(text.encode())
    assert article.headline == headline
    assert article.byline is not None and article.byline.startswith(byline.split(",")[0])
    assert article.published == date(2024, 3, 3)
    figure = article.body[0]
    assert isinstance(figure, Figure) and figure.credit == caption.rsplit(": ", 1)[-1].strip()
    assert article.paragraphs == BODY[language]
    assert "no-headline" not in warnings


def test_an_article_copied_alone_with_page_bits_in_its_header() -> None:
    """A follow button, a reading time and the headline printed again over the story: read as on
    a whole page, though nothing around the article shows one."""
    headline = "Night ferries split the harbour"
    header = f"{headline}\nJane Doe\nFollow\n3 March 2024 · 4 min read\n{headline}"
    text = header + "\n\n" + "\n\n".join(BODY["en"])
    article, _ = read_page(text.encode())
    assert article.headline == headline
    assert article.published == date(2024, 3, 3)
    assert article.paragraphs == BODY["en"]
    assert "Follow" in article.extras["text:removed_lines"]  # type: ignore[operator]


@pytest.mark.parametrize(
    "opening",
    [
        "Dear editor,\nI write about the night ferries.",  # a letter's salutation
        "Dear Mr Doe\nThank you for your letter of 3 March.",
        # a paragraph wrapped at a fixed width: its first line is no headline
        "The harbour board voted on Tuesday to let passenger\nferries berth through the night.",
        "In a statement, the Department for\nTransport said it welcomed the vote.",
        "The board said its takings for the year to the end of March\n(after costs) were higher.",
        "The board said its takings for the year to the end of March were\n12 per cent higher.",
    ],
)
def test_text_opening_with_lines_in_a_row_gets_no_headline_by_guesswork(opening: str) -> None:
    text = opening + "\n\n" + "\n\n".join(BODY["en"])
    article, warnings = read_page(text.encode())
    assert article.headline is None
    assert "no-headline" in warnings
    assert article.paragraphs[-3:] == BODY["en"]


def test_a_paragraph_right_under_the_headline_is_no_deck() -> None:
    """A deck says in a sentence or two what the story is about; a line of several sentences
    under the headline, with no blank line between, is the story's first paragraph."""
    first = (
        "The harbour board voted on Tuesday to let ferries berth at night. Fishermen object. "
        "They say the quay is theirs at dawn. The board meets again in October."
    )
    story = "\n\n".join([first, *BODY["en"]])
    text = f"{TOP['en']}\nNight ferries split the harbour\n{story}\n\n{FOOT['en']}"
    article, _ = read_page(text.encode())
    assert article.headline == "Night ferries split the harbour"
    assert article.subheadline is None
    assert article.paragraphs == [first, *BODY["en"]]


def test_a_title_over_paragraphs_and_nothing_else_is_no_headline_by_guesswork() -> None:
    """A title line right over a paragraph, no header line nor caption under it: an article
    copied alone, or a letter, an FAQ or a chapter under a title. The layout's reading stands
    (no headline, every line kept)."""
    first = (
        "The harbour board voted on Tuesday to let ferries berth at night. Fishermen object. "
        "They say the quay is theirs at dawn."
    )
    text = f"Night ferries split the harbour\n{first}\n\n" + "\n\n".join(BODY["en"])
    article, warnings = read_page(text.encode())
    assert article.headline is None and "no-headline" in warnings
    assert article.paragraphs == ["Night ferries split the harbour", first, *BODY["en"]]


def test_a_paragraph_naming_a_web_address_stays_in_the_story() -> None:
    """A sentence that names an address is the story's; an address shown by itself is page
    furniture."""
    naming = "Tickets for the first night crossing are on sale at https://example.org/ferries now."
    body = BODY["en"]
    header = "Night ferries split the harbour\n\nBy Jane Doe"
    story = "\n\n".join([body[0], body[1], body[2], naming])
    text = (
        f"{TOP['en']}\n{header}\n\n{SHARE['en']}\n{story}\n\nhttps://example.org/ferries\n\n"
        f"{SHARE['en']}\n{FOOT['en']}"
    )
    article, _ = read_page(text.encode())
    assert article.paragraphs == [*body, naming]
    assert "https://example.org/ferries" in article.extras["text:removed_lines"]  # type: ignore[operator]


def test_a_day_of_the_month_opening_a_date_line_is_no_list_number() -> None:
    """A date line "3. Dezember 2024" under a German byline is a date, not an item numbered 3;
    a list of such dates in the story stays a list."""
    headline = "Nachtfähren spalten den Hafen"
    article, _ = read_page(page("de", f"{headline}\nVon Christian Hollmann, dpa\n3. Dezember 2024"))
    assert article.headline == headline
    assert article.published == date(2024, 12, 3)
    dates = "Die Termine:\n\n1. Mai 2024\n2. Juni 2024\n3. Juli 2024"
    text = page("de", f"{headline}\nVon Christian Hollmann, dpa").decode()
    text = text.replace(BODY["de"][1], f"{dates}\n\n{BODY['de'][1]}")
    article, _ = read_page(text.encode())
    assert article.published is None
    assert [block.type for block in article.body] == [
        "paragraph", "paragraph", "list", "paragraph", "paragraph"
    ]  # fmt: skip


def test_an_article_copied_alone_keeps_its_short_last_paragraph_not_the_related_links() -> None:
    """The selection ends where the story does: its short closing line is the story's; a
    "Related" heading it ran into, and the links under it, are not."""
    header = "Night ferries split the harbour\nBy Jane Doe\n3 March 2024\nFollow"
    story = "\n\n".join([*BODY["en"], "He declined to comment."])
    text = f"{header}\n\n{story}\n\nRelated\nTram fares to rise\nNew depot opens"
    article, _ = read_page(text.encode())
    assert article.headline == "Night ferries split the harbour"
    assert article.paragraphs == [*BODY["en"], "He declined to comment."]
    assert "Tram fares to rise" in article.extras["text:removed_lines"]  # type: ignore[operator]


def test_related_links_with_a_summary_end_an_article_copied_alone() -> None:
    header = "Night ferries split the harbour\nBy Jane Doe\n3 March 2024"
    teaser = (
        "Related\nTram fares to rise\nThe council will raise tram fares by ten per cent in May."
    )
    text = f"{header}\n\n" + "\n\n".join(BODY["en"]) + f"\n\n{teaser}\n"
    article, _ = read_page(text.encode())
    assert article.paragraphs == BODY["en"]


def test_a_box_inside_an_article_copied_alone_does_not_end_it() -> None:
    """A "Related" box between paragraphs is passed (only one with no prose under it ends the
    selection); a credit or copyright line after the last paragraph is the page's, and does not
    make that paragraph a caption."""
    header = "Night ferries split the harbour\nBy Jane Doe\n3 March 2024"
    box = "Related\nTram fares to rise"
    story = f"{BODY['en'][0]}\n\n{box}\n\n{BODY['en'][1]}\n\n{BODY['en'][2]}"
    article, _ = read_page(f"{header}\n\n{story}\n\n© 2024 Westcliff Courier".encode())
    assert [text for text in article.paragraphs if text in BODY["en"]] == BODY["en"]
    assert article.paragraphs[-1] == BODY["en"][2]
    assert not any(isinstance(block, Figure) for block in article.body)


@pytest.mark.parametrize("tail", ["Source: Reuters", "By Jane Doe", "Photo: John Roe"])
def test_a_wrapped_story_with_a_header_line_below_keeps_no_headline(tail: str) -> None:
    """A header line or caption far below the first lines is no evidence that they are a
    headline and its header block."""
    text = (
        "The mayor was asked whether the plan would go ahead, and\nhe said: “No.”\n\n"
        f"She added that the city would hire more teachers next year.\n\n{tail}\n"
    )
    article, warnings = read_page(text.encode())
    assert article.headline is None and "no-headline" in warnings


def test_a_second_date_under_the_lead_is_the_storys_not_lost() -> None:
    """Header lines among the story's first paragraphs are its header only for what the header
    block has not given already: a list of dates there stays in the body (it vanished)."""
    header = "Nachtfähren spalten den Hafen\nVon Christian Hollmann, dpa\n3. Dezember 2024"
    dates = "Termine\n- 1. Mai 2024\n- 2. Juni 2024"
    body = BODY["de"]
    text = f"{header}\n\n{body[0]}\n\n{dates}\n\n{body[1]}\n\n{body[2]}\n"
    article, _ = read_page(text.encode())
    assert article.published == date(2024, 12, 3)
    assert "- 1. Mai 2024" in article.paragraphs and "- 2. Juni 2024" in article.paragraphs
    # the same on a page; the header block's own date printed again stays out of the body
    on_page = page("de", header).decode().replace(body[1], f"{dates}\n\n{body[1]}")
    article, _ = read_page(on_page.encode())
    assert article.published == date(2024, 12, 3)
    assert "- 1. Mai 2024" in article.paragraphs and "- 2. Juni 2024" in article.paragraphs
    again = page("de", header).decode().replace(body[1], f"3. Dezember 2024\n\n{body[1]}")
    article, _ = read_page(again.encode())
    assert article.paragraphs == body


@pytest.mark.parametrize("follow", ["Folgen", "Follow"])
def test_a_day_first_date_under_a_name_and_a_follow_button(follow: str) -> None:
    """The date line counts as a header line, not as a line of the menu the headline would end."""
    header = f"Nachtfähren spalten den Hafen\nChristian Hollmann\n{follow}\n3. Dezember 2024"
    article, _ = read_page((header + "\n\n" + "\n\n".join(BODY["de"])).encode())
    assert article.headline == "Nachtfähren spalten den Hafen"
    assert article.byline == "Christian Hollmann"
    assert article.published == date(2024, 12, 3)


@pytest.mark.parametrize("tail", ["1 2 3 Next »", "Page 1 of 2", "Home | News | Sport | Weather"])
def test_a_pager_or_a_menu_line_ending_an_article_copied_alone_is_left_out(tail: str) -> None:
    header = "Night ferries split the harbour\nBy Jane Doe\nFollow\n3 March 2024"
    text = f"{header}\n\n" + "\n\n".join(BODY["en"]) + f"\n\n{tail}\n"
    article, _ = read_page(text.encode())
    assert article.paragraphs == BODY["en"]
    assert tail in article.extras["text:removed_lines"]  # type: ignore[operator]


@pytest.mark.parametrize(
    "line",
    [
        "Publié le 12 mars 2024 à 08h15, modifié le 12 mars 2024 à 10h02",
        "Veröffentlicht am 3. Mai 2024, 14:30 Uhr, aktualisiert am 3. Mai 2024, 16:00 Uhr",
        "Published March 3, 2024, updated March 4, 2024",
        # in brackets, or with no stop between
        "3 mars 2024 à 08:15 (Mis à jour : 3 mars 2024 à 10:02)",
        "Sun 3 Mar 2024 08.15 GMT Last modified on Mon 4 Mar 2024 10.02 GMT",
        "April 9, 2024 at 7:05 am Updated April 9, 2024 at 4:40 pm",
        "9 April 2024 07:05 UPDATED 9 April 2024 16:40",
    ],
)
def test_a_date_and_its_update_after_a_comma_are_both_read(line: str) -> None:
    """A date line that goes on with its update after a comma (as Le Monde and German papers
    print it), in brackets or with no stop between, gives both dates; it gave none ('cannot be
    understood', or not a header line)."""
    found = read_header(line)
    assert found is not None and found.kind == "several"
    assert [part.kind for part in found.value] == ["published", "updated"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("line", "kinds"),
    [
        ("Mar 3, 2024 5 min read", ["published", "reading_time"]),
        ("Mar 3, 2024, 8:15 AM GMT |", ["published"]),  # (a row's separator at the end)
    ],
)
def test_a_date_with_its_reading_time_or_a_separator_after_it(line: str, kinds: list[str]) -> None:
    found = read_header(line)
    assert found is not None
    parts = found.value if found.kind == "several" else [found]
    assert [part.kind for part in parts] == kinds  # type: ignore[union-attr]


LEAD = (
    "Passenger ferries will berth at the inner harbour through the night from May, the harbour"
    " board decided on Tuesday, over the objections of the fishing fleet."
)


def test_a_story_starts_at_its_dateline() -> None:
    """The lines a gallery prints between the byline and a story that opens with a wire dateline
    (a caption twice, its credit, buttons, a player's notice) are no story paragraphs: the story
    starts at the dateline, which is read, and they are left out, kept in extras."""
    caption = "Ferries wait at the outer pier on Monday evening."
    gallery = (
        f"1 of 12\nFull Screen\n{caption}\nCaption\n{caption}\n"
        "March 3, 2024 The ferry Northern Light at the outer pier. Jane Roe/Westcliff Courier\n"
        "Buy Photo\nWait 1 second to continue.\n\n"
    )
    copy = (
        f"{TOP['en']}\nHarbour Board Backs Night Ferries\n\nBy Jane Doe\n{gallery}"
        f"PORT ALDWIN — {LEAD}\n\n" + "\n\n".join(BODY["en"]) + f"\n\n{FOOT['en']}"
    )
    article, _ = read_page(copy.encode())
    assert article.dateline is not None and article.dateline.place == "PORT ALDWIN"
    assert article.paragraphs == [LEAD, *BODY["en"]]
    assert "Buy Photo" in article.extras["text:removed_lines"]  # type: ignore[operator]


ASIDE = (
    "HARBOURCO — which runs the night ferries on the northern routes — said it would add two"
    " boats in May."
)


@pytest.mark.parametrize(
    ("above", "paragraph"),
    [
        ([BODY["en"][0]], ASIDE),  # an aside in capitals is no dateline
        ([BODY["en"][0], BODY["en"][1]], f"PORT ALDWIN — {LEAD}"),  # a live blog's entry
        (
            ["Editor's note: This story was updated on Tuesday with the result of the vote."],
            f"PORT ALDWIN — {LEAD}",
        ),
    ],
)
def test_paragraphs_above_a_dateline_in_the_story_stay(above: list[str], paragraph: str) -> None:
    """Paragraphs of the story above a line that opens with capitals and a dash stay: over an
    aside ("FIFA — which ..."), over an entry's dateline under the lead and another paragraph,
    and an editor's note (no standfirst) over the story's dateline."""
    copy = (
        f"{TOP['en']}\nHarbour Board Backs Night Ferries\n\nBy Jane Doe\n\n"
        + "\n\n".join([*above, paragraph, BODY["en"][2]])
        + f"\n\n{FOOT['en']}"
    )
    article, _ = read_page(copy.encode())
    assert article.subheadline is None
    assert article.paragraphs[: len(above)] == above


@pytest.mark.parametrize(
    ("standfirst", "deck"),
    [
        ("The night crossings divide the town.", None),  # (too short for a standfirst)
        (BODY["en"][0], BODY["en"][0]),
    ],
)
def test_a_standfirst_above_the_dateline_is_the_deck(standfirst: str, deck: str | None) -> None:
    """A standfirst between the byline and a story that opens with its dateline and agency is
    the deck; an advertisement's heading in capitals with a dash, further down, opens no story."""
    advert = "ANZEIGE - Jetzt Fährkarten bestellen"
    copy = (
        f"{TOP['en']}\nHarbour Board Backs Night Ferries\n\nBy Jane Doe\n\n{standfirst}\n\n"
        f"Port Aldwin (Courier) - {LEAD}\n\n{BODY['en'][1]}\n\n{advert}\n\n{BODY['en'][2]}"
        f"\n\n{FOOT['en']}"
    )
    article, _ = read_page(copy.encode())
    assert article.dateline is not None and article.dateline.agency == "Courier"
    assert article.subheadline == deck
    assert article.paragraphs == [LEAD, BODY["en"][1], advert, BODY["en"][2]]


@pytest.mark.parametrize(
    ("language", "header", "byline", "authors", "place"),
    [
        ("en", "Harbour Board Backs Night Ferries\n\nBy Priya Patel, Nairobi",
         "By Priya Patel, Nairobi", [("Priya Patel", None)], "Nairobi"),
        ("en", "Harbour Board Backs Night Ferries\n\nBy Priya Patel in Lagos",
         "By Priya Patel in Lagos", [("Priya Patel", None)], "Lagos"),
        ("en", "Harbour Board Backs Night Ferries\n\n"
         "By Ana Ortiz, Business Reporter, and Tom Reyes, Economics Editor",
         "By Ana Ortiz, Business Reporter, and Tom Reyes, Economics Editor",
         [("Ana Ortiz", "Business Reporter"), ("Tom Reyes", "Economics Editor")], None),
        ("de", "Hafenrat erlaubt Fähren in der Nacht\n\n"
         "Von Anna Weber, Korrespondentin, und Jonas Krause, Redakteur",
         "Von Anna Weber, Korrespondentin, und Jonas Krause, Redakteur",
         [("Anna Weber", "Korrespondentin"), ("Jonas Krause", "Redakteur")], None),
        ("fr", "Le port ouvre la nuit aux ferries\n\n"
         "Par Claire Morel, journaliste, et Hugo Lenoir, rédacteur",
         "Par Claire Morel, journaliste, et Hugo Lenoir, rédacteur",
         [("Claire Morel", "journaliste"), ("Hugo Lenoir", "rédacteur")], None),
        ("it", "Il porto apre ai traghetti di notte\n\ndi Giulia Rossi", "di Giulia Rossi",
         [("Giulia Rossi", None)], None),
        ("es", "El puerto abre de noche a los transbordadores\n\nPor Lucía Vidal, Valparaíso",
         "Por Lucía Vidal, Valparaíso", [("Lucía Vidal", None)], "Valparaíso"),
    ],
)  # fmt: skip
def test_a_web_copys_byline_with_roles_places_and_small_labels(
    language: str,
    header: str,
    byline: str,
    authors: list[tuple[str, str | None]],
    place: str | None,
) -> None:
    """Each author keeps their own job title; the place a byline names is no author (it stays in
    the printed byline: by its shape alone it may be an outlet, "By Jane Doe, Politico", which
    made a dateline would be printed over the story); "di" in small letters labels a byline."""
    article, _ = read_page(page(language, header))
    assert article.byline == byline
    assert [(person.name, person.role) for person in article.authors] == authors
    assert place is None or place in byline
    assert article.dateline is None
    assert_article(article, language)


def test_a_bylines_place_is_no_author_in_a_plain_layout_either() -> None:
    """The text read by its layout (no web page): the place stays in the printed byline, the
    story's own dateline is the dateline."""
    text = (
        "Harbour Board Backs Night Ferries\n\nBy Priya Patel, Nairobi\n\n"
        "MOMBASA — The harbour board voted on Tuesday to let passenger ferries berth through "
        "the night, a change that fishermen say will crowd the quay.\n\n"
        "A public meeting on the plan is set for October at the town hall.\n"
    )
    article = read(text.encode(), format="text").value
    assert article.dateline is not None and article.dateline.place == "MOMBASA"
    assert [person.name for person in article.authors] == ["Priya Patel"]
    assert article.byline == "By Priya Patel, Nairobi"


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("es", "de acuerdo con el informe de la comisión, las obras terminaron a tiempo."),
        ("it", "di seguito il testo integrale del comunicato del consiglio del porto."),
    ],
)
def test_a_sentence_opening_with_a_small_label_under_the_headline_is_no_byline(
    language: str, line: str
) -> None:
    headline = {"es": "El puerto abre de noche", "it": "Il porto apre di notte"}[language]
    article, _ = read_page(page(language, f"{headline}\n\n{line}"))
    assert article.byline is None and not article.authors


@pytest.mark.parametrize(
    ("language", "header"),
    [
        ("en", "Harbour Board Backs Night Ferries\n\nShare Tweet\n3 March 2024"),
        (
            "es",
            "El puerto abre de noche a los transbordadores\n\nInicio Portada\n3 de marzo de 2024",
        ),
        ("de", "Hafenrat erlaubt Fähren in der Nacht\n\nNewsletter Anmeldung\n3. März 2024"),
    ],
)
def test_a_line_of_furniture_beside_the_date_is_no_byline(language: str, header: str) -> None:
    """Capitalised words beside the date under the headline are a byline by their place, unless
    they open with a word of page furniture (share buttons, a breadcrumb, a newsletter box)."""
    article, _ = read_page(page(language, header))
    assert article.byline is None
    assert article.published is not None


@pytest.mark.parametrize("language", ["en", "de", "fr", "es", "it", "pt"])
def test_a_web_copy_gets_the_language_its_story_is_written_in(language: str) -> None:
    """A page copied as text says no language; the story's paragraphs do, by their function
    words, when they say it clearly (a line or two, or a scrambled paywalled text, say none)."""
    story = " ".join(BODY[language]) + " "
    text = page(language, HEADLINES[language]).decode()
    text = text.replace(BODY[language][0], (story * 2).strip())
    article, _ = read_page(text.encode())
    assert article.language == language


def test_a_word_of_kana_in_an_english_story_makes_no_japanese() -> None:
    from articlekit.prose import stopwords

    story = " ".join(BODY["en"]) + " The harbour café is called ひかり by its regulars."
    assert stopwords.guess_language([story]) == "en"
    assert stopwords.clear_language(["Short line."]) is None


@pytest.mark.parametrize(
    ("line", "kinds"),
    [
        ("12.03.2024, 10:15 Uhr, bearbeitet am 12.03.2024, 11:00 Uhr", ["published", "updated"]),
        # (an update before its publication: not taken, and said; validate refused the article)
        ("March 5, 2024 (updated March 4, 2024)", ["published", "unparsed"]),
    ],
)
def test_an_update_is_read_only_after_its_publication(line: str, kinds: list[str] | None) -> None:
    """ "bearbeitet am" splits off as "editiert am" does; of a line whose update comes before its
    publication, the update is a date not understood (a misread or a misprint)."""
    found = read_header(line)
    assert (None if found is None else [part.kind for part in found.value]) == kinds  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("texts", "language"),
    [
        # a long quote in another language under the story's first paragraph
        ([BODY["de"][0] * 2, "“" + " ".join(BODY["en"]) * 3 + "”"], None),
        (["Regeringen fremlagde i dag et forslag om at bruge over ti milliarder kroner på nye"
          " veje i Jylland, oplyser transportministeren på et pressemøde, og de minder om, at"
          " der stadig findes mange veje i dårlig stand."], None),  # (Danish or Norwegian?)
        (["मुंबई महानगरपालिकेने आज नवीन जलवाहतूक सेवा सुरू करण्याचा निर्णय घेतला असून ही सेवा पुढील"
          " महिन्यापासून सुरू होईल असे अधिकाऱ्यांनी सांगितले. प्रवाशांना याचा मोठा फायदा होईल."], None),
    ],
)  # fmt: skip
def test_no_language_is_guessed_where_it_is_unclear(texts: list[str], language: None) -> None:
    """A story's first paragraph and the rest in two languages, neighbour languages whose
    function words are nearly the same, a script several languages write (Marathi): none."""
    from articlekit.prose import stopwords

    assert stopwords.clear_language(texts) is language


def test_a_dateline_in_a_script_without_capitals_starts_the_story() -> None:
    """The sentence after a dateline opens with a capital, or in a script that has none."""
    from articlekit.prose.webcopy import _opens_wire_story

    class Line:
        weight, sentence = 200, True
        content = "القاهرة (رويترز) - قال مسؤولون في الميناء يوم الثلاثاء إن العبارات ستعمل ليلا."

    assert _opens_wire_story(Line())  # type: ignore[arg-type]
    Line.content = "HARBOURCO — which runs the night ferries on the north routes — said so."
    assert not _opens_wire_story(Line())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("language", "header", "byline", "authors"),
    [
        ("en", "Harbour Board Backs Night Ferries\n\nBy Jane Roe\nBy Carl Moe\nMarch 3, 2024",
         "By Jane Roe", ["Jane Roe", "Carl Moe"]),
        ("en", "Harbour Board Backs Night Ferries\n\nBy Jane Roe\nand Carl Moe\nMarch 3, 2024",
         "By Jane Roe and Carl Moe", ["Jane Roe", "Carl Moe"]),
        ("de", "Hafenrat erlaubt Nachtfähren\n\nVon Jana Roth\nund Karl Moser\n3. März 2024",
         "Von Jana Roth und Karl Moser", ["Jana Roth", "Karl Moser"]),
        ("fr", "Le port autorise les ferries de nuit\n\nPar Claire Morel\nPar Hugo Lenoir\n"
         "3 mars 2024", "Par Claire Morel", ["Claire Morel", "Hugo Lenoir"]),
    ],
)  # fmt: skip
def test_a_second_byline_line_right_under_the_first_credits_its_people_too(
    language: str, header: str, byline: str, authors: list[str]
) -> None:
    """A byline printed over two lines (a second "By ...", or "and ..." going on with the
    first) credits the people of both: the second line is not dropped."""
    article, _ = read_page(page(language, header))
    assert article.byline == byline
    assert [person.name for person in article.authors] == authors
    assert article.published is not None
    assert_article(article, language)


def test_a_reporting_credit_under_the_byline_is_a_contributor() -> None:
    header = (
        "Harbour Board Backs Night Ferries\n\nBy Jane Roe\nWith reporting by Carl Moe\n"
        "March 3, 2024"
    )
    article, _ = read_page(page("en", header))
    assert [person.name for person in article.authors] == ["Jane Roe"]
    assert article.extras["text:contributors"] == ["With reporting by Carl Moe"]


def test_a_byline_line_the_article_does_not_take_is_reported_not_dropped() -> None:
    """Another byline among the header lines, not beside the article's (a related story's, or
    names the page prints elsewhere), credits no one; it is left out with the furniture, said
    and kept, never lost without a word."""
    header = "Harbour Board Backs Night Ferries\n\nBy Jane Roe\nMarch 3, 2024\nBy Carl Moe"
    article, warnings = read_page(page("en", header))
    assert [person.name for person in article.authors] == ["Jane Roe"]
    assert "By Carl Moe" in article.extras["text:removed_lines"]
    assert "text-boilerplate-dropped" in warnings


@pytest.mark.parametrize(
    ("language", "line", "source", "published", "updated"),
    [
        ("fr", "AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 09:12)", "AFP",
         datetime(2015, 4, 30, 7, 19, tzinfo=CEST), datetime(2015, 4, 30, 9, 12, tzinfo=CEST)),
        ("en", "Reuters 3 May 2024 10:15 (Updated: 3 May 2024 11:40)", "Reuters",
         datetime(2024, 5, 3, 10, 15, tzinfo=CEST), datetime(2024, 5, 3, 11, 40, tzinfo=CEST)),
        ("de", "dpa 3. Mai 2024, 10:15 Uhr", "dpa", datetime(2024, 5, 3, 10, 15, tzinfo=CEST),
         None),
        ("es", "Europa Press 3 de mayo de 2024 10:15", "Europa Press",
         datetime(2024, 5, 3, 10, 15, tzinfo=CEST), None),
    ],
)  # fmt: skip
def test_an_agency_before_the_date_is_the_source(
    language: str, line: str, source: str, published: datetime, updated: datetime | None
) -> None:
    """A header line that names a news agency, then the dates: the agency is the source."""
    headline = HEADLINES[language]
    result = read(page(language, f"{headline}\n\n{line}"), format="text", timezone="Europe/Paris")
    article = result.value
    assert article.source is not None and article.source.name == source
    assert article.published == published
    assert article.updated == updated
    assert_article(article, language)


@pytest.mark.parametrize(
    "line",
    [
        "Harbour 3 May 2024 10:15",
        "Westcliff 3. Mai 2024",
        "Jane 30 avril 2015",
        "Sid 3 May 2024",  # (a first name that is an agency's in capitals)
        "Sid 3 hours ago",  # (a comment's header: a name and a relative date)
        "AP 5 min read",  # (no date)
    ],
)
def test_a_word_that_is_no_agency_before_a_date_is_no_source(line: str) -> None:
    header = read_header(line)
    assert header is None or header.kind != "several"


@pytest.mark.parametrize(
    "line",
    [
        "AFP, 3 May 2024 10:15",
        "Europa Press, 3 de mayo de 2024 10:15",
        "EFE 3 de mayo de 2024",
        "Agência Brasil 3 de maio de 2024",
        "DPA-AFX 3. Mai 2024, 10:15 Uhr",
        "Europa 3 de mayo de 2024",
    ],
)
def test_an_agency_is_read_by_its_first_word_as_when_every_line_is_split(line: str) -> None:
    """A line's first word rules out an agency before it is split into the names it may open
    with: the source is read as when each is looked up."""
    names = [" ".join(line.split(" ")[:words]).rstrip(",") for words in (1, 2)]
    agency = next((name for name in names if name.casefold() in AGENCIES), None)
    header = read_header(line)
    read_source = header is not None and header.kind == "several" and header.value[0]
    assert read_source == (agency is not None and Header("source", agency))


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("06.11.23", date(2023, 11, 6)),
        ("Veröffentlicht am 06.11.23, 14:05", datetime(2023, 11, 6, 13, 5, tzinfo=UTC)),
        ("Mo., 06.11.23", date(2023, 11, 6)),
        ("Aktualisiert am 6.11.23 um 14:05 Uhr", None),
    ],
)
def test_a_dotted_date_with_two_digits_of_its_year(line: str, published: date | None) -> None:
    """Numbers with dots are day first, with a year of two digits too (00-68 this century's,
    as ``strptime`` reads them)."""
    header = f"{HEADLINES['de']}\n\n{line}"
    article = read(page("de", header), format="text", timezone="Europe/Berlin").value
    assert article.published == published
    if published is None:
        assert article.updated == datetime(2023, 11, 6, 13, 5, tzinfo=UTC)
    assert_article(article, "de")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("06.11.99", date(1999, 11, 6)), ("06/11/23", None), ("Version 1.2.24", None),
     ("Seite 06.11.23", None), ("31.02.23", None), ("1.10.25", None),
     ("01.01.68", date(2068, 1, 1)), ("01.01.69", date(1969, 1, 1))],
)  # fmt: skip
def test_two_digits_of_a_year_only_in_a_dotted_date(text: str, expected: date | None) -> None:
    """A slashed date keeps its four digits (which way it reads is unsure enough); a word
    before the numbers that is no weekday makes them no date."""
    parsed = parse_date(text)
    assert (parsed.value if parsed else None) == expected


@pytest.mark.parametrize(
    ("language", "line", "published"),
    [
        ("es", "dom 18 ago 2024", date(2024, 8, 18)),
        ("es", "sáb 6 ene 2024", date(2024, 1, 6)),
        ("fr", "lun., 4 mar. 2024", date(2024, 3, 4)),
        ("fr", "mer. 6 mars 2024", date(2024, 3, 6)),
        ("it", "gio 7 mar 2024", date(2024, 3, 7)),
        ("pt", "sex 3 mai 2024", date(2024, 5, 3)),
    ],
)
def test_an_abbreviated_weekday_before_a_date_in_four_languages(
    language: str, line: str, published: date
) -> None:
    article, _ = read_page(page(language, f"{HEADLINES[language]}\n\n{line}"))
    assert article.published == published
    assert_article(article, language)


def test_an_abbreviated_weekday_makes_no_date_of_what_is_none() -> None:
    """An English month's abbreviation ("Mar") before a day is no weekday."""
    assert parse_date("mar 16") is None
    assert read_header("dom 16 Fotos") is None
    found = parse_date("Mar 12, 2020 @ 10:42 am")
    assert found is not None and found.value == date(2020, 3, 12)


@pytest.mark.parametrize(
    "header",
    [
        "By Jane Roe\nBy Carl Moe, Professor of Marine Biology, Westcliff University\n"
        "March 3, 2024",
        "By Jane Roe\nMarch 3, 2024\nBy Carl Moe, Reuters",
    ],
)
def test_a_second_bylines_outlet_is_no_source(header: str) -> None:
    """A second writer's employer (joined under the byline) and the outlet of a byline line the
    article does not take are not the article's source."""
    article = read(page("en", f"{HEADLINES['en']}\n\n{header}"), format="text").value
    assert article.byline == "By Jane Roe"
    assert article.source is None
    assert article.published == date(2024, 3, 3)


@pytest.mark.parametrize(
    "form",
    [
        "Search articles\nVon:\nFilter Suche\nGo",
        "Search articles\nBy\nMost Recent\nGo",
        "Search articles\nBy\nNora Brandt Books\nGo",
        "Nur Titel durchsuchen\nVon:\nFilter Suche\n* Angeln\n* Reviere\n* Methoden",
    ],
)
def test_a_lone_label_in_a_search_form_gives_no_byline(form: str) -> None:
    """A search form under the headline ("By" over a box, "Go" under it; "Von:" over "Filter
    Suche" among menu items) is no byline set in boxes."""
    article, _ = read_page(page("en", f"A Headline Of Some Length Here\n\n{form}"))
    assert article.byline is None and not article.authors
    assert_article(article, "en")


def test_a_split_bylines_expert_title_is_a_role_not_the_first_paragraph() -> None:
    """ "By", two names, then their expert's title on lines of their own: the title is the
    authors' role, not the story's first paragraph."""
    header = "Harbour Board Backs Night Ferries\n\nBy\nMara Quill and Tobias Renn\nChief Economist"
    article, _ = read_page(page("en", header))
    assert [(person.name, person.role) for person in article.authors] == [
        ("Mara Quill", "Chief Economist"),
        ("Tobias Renn", "Chief Economist"),
    ]
    assert_article(article, "en")


@pytest.mark.parametrize(
    ("line", "source", "relative"),
    [
        ("AFP 3 hours ago", "AFP", "3 hours ago"),
        ("Reuters 2 hours ago", "Reuters", "2 hours ago"),
        ("AFP Updated 3 hours ago", "AFP", "Updated 3 hours ago"),
        ("dpa vor 3 Stunden", "dpa", "vor 3 Stunden"),
    ],
)
def test_an_agency_before_a_relative_time_is_the_source(
    line: str, source: str, relative: str
) -> None:
    """An agency written as agencies write their names, then a relative time: the source and the
    time (a name before one, "Sid 3 hours ago", is a comment's header)."""
    header = read_header(line)
    assert header == Header("several", [Header("source", source), Header("relative", relative)])


@pytest.mark.parametrize(
    ("line", "kind", "day"),
    [
        ("Stand: 1.10.25", "updated", date(2025, 10, 1)),
        ("Aktualisiert am 3.5.24", "updated", date(2024, 5, 3)),
        ("Veröffentlicht: 7.2.23", "published", date(2023, 2, 7)),
    ],
)
def test_a_labelled_dotted_date_with_two_digits_of_its_year(
    line: str, kind: str, day: date
) -> None:
    """After a date label, a dotted date with one-digit day or month and two digits of a year is
    the date; alone ("1.10.25") it may be a price or a version, so it is none."""
    header = read_header(line)
    assert header is not None and (header.kind, header.value) == (kind, day)


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        (
            "Originally published April 28, 2019 at 6:00 am Updated April 29, 2019 at 11:09 am",
            datetime(2019, 4, 28, 6, 0),
            datetime(2019, 4, 29, 11, 9),
        ),
        (
            "March 5, 2025 at 6:01 am Updated 3:33 pm",
            datetime(2025, 3, 5, 6, 1),
            datetime(2025, 3, 5, 15, 33),
        ),
    ],
)
def test_a_date_line_with_its_update_gives_both_dates(
    line: str, published: datetime, updated: datetime
) -> None:
    """ "Originally published" labels a date; an update that prints its time alone is on the day
    published."""
    header = read_header(line)
    assert header is not None and header.kind == "several"
    assert [(part.kind, part.naive) for part in header.value] == [
        ("published", published),
        ("updated", updated),
    ]


@pytest.mark.parametrize(
    "caption",
    [
        "‘The Long Tide’, a new exhibition of harbour paintings, opens at the museum.",
        "„Die lange Flut“, die neue Ausstellung im Hafenmuseum.",
        "«La Marée», exposition de peintures du port au musée.",
        "“Hope” by Jane Doe hangs in the gallery of the town hall.",
    ],
)
def test_a_caption_opening_with_a_quoted_title_is_the_credits_caption(caption: str) -> None:
    """A short quoted title, then a description, over a credit line is a picture's caption, not
    a paragraph opening with someone's words."""
    text = page("en", "A Headline Of Some Length Here\n\nBy Jane Doe").decode()
    body = BODY["en"]
    credit = "Photo: Jane Roe/Courier"
    text = text.replace(f"{body[1]}\n\n", f"{body[1]}\n\n{caption}\n{credit}\n\n")
    article, _ = read_page(text.encode())
    figures = [block for block in article.body if isinstance(block, Figure)]
    assert [(figure.caption_text, figure.credit) for figure in figures] == [
        (caption, "Jane Roe/Courier")
    ]
    assert_article(article, "en")


def english_story(head: str) -> bytes:
    """A page: chrome, the header lines ``head`` (headline first), the three paragraphs of
    :data:`BODY`, a footer."""
    return (TOP["en"] + f"\n{head}\n\n" + "\n\n".join(BODY["en"]) + f"\n\n{FOOT['en']}").encode()


def test_a_labelled_analysis_byline_wins_over_a_caption_of_names() -> None:
    """ "Analysis by ..." under the headline is the byline; the photo's caption below the date
    names the people pictured, not the writers."""
    page = english_story(
        "Why the harbour board keeps fighting over ferry fares\n"
        "Analysis by Jane Doe, Courier Senior Harbour Analyst\n 6 minute read \n"
        "Updated 9:22 PM EST, Mon November 6, 2023\nMary Stone and Peter Lane"
    )
    article = read(page, format="text").value
    assert article.headline == "Why the harbour board keeps fighting over ferry fares"
    assert [person.name for person in article.authors] == ["Jane Doe"]


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("BUSINESSNOV 7, 2023 2:00 AM", date(2023, 11, 7)),
        ("CULTURESEPT 5, 2023", date(2023, 9, 5)),
        ("TECH & INNOVATIONNOV 7, 2023", date(2023, 11, 7)),  # ("NOV" in the section too)
        ("HOME RENOVATIONSDEC 5, 2023", date(2023, 12, 5)),
    ],
)
def test_a_section_run_into_its_date_in_capitals_is_a_date_line(line: str, day: date) -> None:
    """A magazine's rubric and date in small capitals, joined by a browser's copy."""
    header = read_header(line)
    assert header is not None and header.kind == "published" and header.value == day
    assert read_header("NASA NOV 7, 2023") is None  # (spaced: a name before the date, not glued)


def test_a_rubric_glued_to_the_date_dates_the_story() -> None:
    page = english_story(
        "Ferry fares stay frozen as the harbour board delays its vote\n"
        "By Jane Doe\nHARBOURNOV 7, 2023 2:00 AM"
    )
    article = read(page, format="text").value
    assert article.headline == "Ferry fares stay frozen as the harbour board delays its vote"
    assert article.byline == "By Jane Doe"
    assert article.published == date(2023, 11, 7)


def english_article(head: str) -> Article:
    """The article read from :func:`english_story`'s page."""
    return read(english_story(head), format="text").value


def test_a_byline_with_a_quoted_nickname_and_a_date_is_read() -> None:
    """``By Jane "Skipper" Doe`` and the date after it: the nickname is part of her name."""
    article = english_article(
        "Why the harbour board keeps fighting over ferry fares\nSame quay, different boats.\n"
        'By Maria "Sea Wolf" Lindqvist March 4, 2024 7:18 pm\nShare Article'
    )
    assert article.byline == 'By Maria "Sea Wolf" Lindqvist'
    assert [person.name for person in article.authors] == ['Maria "Sea Wolf" Lindqvist']
    assert article.published == date(2024, 3, 4)


@pytest.mark.parametrize(
    "line",
    [
        'By "Popular" Demand',  # (quotes at the start: a quoted phrase, not a nickname)
        'By "Jane Doe"',
        'By Monday "Storm Ciara" had reached the coast.',
        'By the time "Operation Rain" ended, the town had flooded.',
        'Stopped by "Harbour Police" Near the Quay',
        'By Royal "Appointment" Only',  # (a phrase's words, one of them quoted)
    ],
)
def test_quoted_words_in_prose_or_a_title_make_no_byline(line: str) -> None:
    assert read_header(line) is None


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Harbour 09:31 March 4, 2024", date(2024, 3, 4)),
        ("World News 9:31 AM Mar. 4, 2024", date(2024, 3, 4)),
        ("Wirtschaft 14:05 04.03.2024", date(2024, 3, 4)),
        # a section after a labelled date, a comment count ending the row: left out
        ("Erstellt: 04. März 2024, 15:25 in: Gesellschaft", date(2024, 3, 4)),
        ("Published March 4, 2024 in City Desk", date(2024, 3, 4)),
        ("Erstellt: 04. März 2024, 15:25 in: Gesellschaft | Kommentare : 0", date(2024, 3, 4)),
        ("March 4, 2024 | 12 comments", date(2024, 3, 4)),
        ("04. März 2024, 15:25 | 3 Kommentare", date(2024, 3, 4)),
    ],
)
def test_a_section_or_a_count_beside_the_date_is_left_out(line: str, day: date) -> None:
    """An agency's stamp: the section, the time, the date; a blog's section after its labelled
    date, a row's comment count."""
    header = read_header(line)
    assert header is not None and header.kind == "published" and header.value == day


@pytest.mark.parametrize(
    "line",
    [
        "Ferries left at 09:31 March 4, 2024.",
        "The ferry 09:31 to Dover sails on March 4, 2024",
        "Ferry 09:31 Tuesday",  # (no whole date)
        "Kickoff 19:30 March 4, 2024 at the harbour ground, the club said.",
    ],
)
def test_words_and_a_time_in_prose_make_no_date_line(line: str) -> None:
    assert read_header(line) is None


@pytest.mark.parametrize("agency", ["Reuters", "AFP", "AP"])
def test_an_agency_before_the_time_and_date_is_the_source_not_a_section(agency: str) -> None:
    """``Reuters 09:31 March 4, 2024``: the agency's stamp keeps its source (a section's name
    before the time is no credit)."""
    header = read_header(f"{agency} 09:31 March 4, 2024")
    assert header is not None and header.kind == "several"
    assert [(part.kind, part.value) for part in header.value] == [  # type: ignore[union-attr]
        ("source", agency),
        ("published", date(2024, 3, 4)),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Doe 09:31 March 4, 2024",
        "Jane Doe 09:31 March 4, 2024",
        "Ines Harrow, 9:31 AM March 4, 2024",
    ],
)
def test_a_byline_or_a_name_before_the_time_and_date_is_no_section(line: str) -> None:
    """A labelled byline, or words that may be a person's name, before a time are not read as a
    section's name: the line would date the story and its names be lost."""
    header = read_header(line)
    assert header is None or header.kind != "published"


def test_a_section_time_and_date_under_the_headline_date_the_story() -> None:
    article = english_article(
        "Harbour board slams ferry operator over night crossings\n"
        "Harbour 09:31 March 4, 2024\nSHARE"
    )
    assert article.headline == "Harbour board slams ferry operator over night crossings"
    assert article.published == date(2024, 3, 4)
    assert article.body[0].content[0].text.startswith("The harbour board voted")  # type: ignore[union-attr]


GLUED_TRAIL_TITLE = "Harbour Master, Jane Doe Is Leaving The Port After Thirty Years"


def test_a_glued_trail_ending_with_the_headline_above_it_is_no_byline() -> None:
    """A trail copied without its separators ("HomeLatest News" and the title) over the headline
    is the page's furniture: its comma made it look like a line of names."""
    article = english_article(
        f"HomeLatest News{GLUED_TRAIL_TITLE}\n{GLUED_TRAIL_TITLE}\nMarch 4, 2024"
    )
    assert article.headline == GLUED_TRAIL_TITLE
    assert article.byline is None and not article.authors
    assert article.published == date(2024, 3, 4)
    assert f"HomeLatest News{GLUED_TRAIL_TITLE}" in article.extras["text:removed_lines"]  # type: ignore[operator]


def test_a_byline_above_the_headline_is_still_taken() -> None:
    """(What the trail's test must leave alone: a byline above the headline.)"""
    article = english_article(f"By Jane Doe\n{GLUED_TRAIL_TITLE}\nMarch 4, 2024")
    assert article.headline == GLUED_TRAIL_TITLE
    assert article.byline == "By Jane Doe"


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        # a Nordic time after "kl." (klokken, klockan), dotted or with a colon
        ("04.03.2024, kl. 13.05", datetime(2024, 3, 4, 13, 5), None),
        ("14/03/2024 KL. 09:00", datetime(2024, 3, 14, 9, 0), None),
        ("Publicerad 4 mar 2024 kl 10.23", datetime(2024, 3, 4, 10, 23), None),
        (
            "Publisert 04.03.2024, kl. 13.05 Oppdatert 04.03.2024, kl. 13.52",
            datetime(2024, 3, 4, 13, 5),
            datetime(2024, 3, 4, 13, 52),
        ),
        ("Publiziert 4. März 2024, 12:17", datetime(2024, 3, 4, 12, 17), None),
        # day and month with a space after each dot: day first, as without the spaces
        ("04. 03. 2024", date(2024, 3, 4), None),
        ("4. 3. 2024, 18:41 Uhr", datetime(2024, 3, 4, 18, 41), None),
        # Turkish labels, the update run on after the date
        (
            "Giriş: 04.03.2024 10:15 Güncelleme: 04.03.2024 12:30",
            datetime(2024, 3, 4, 10, 15),
            datetime(2024, 3, 4, 12, 30),
        ),
        ("Yayınlanma: 04.03.2024 10:15", datetime(2024, 3, 4, 10, 15), None),
        ("Son Güncelleme: 04.03.2024 12:30", None, datetime(2024, 3, 4, 12, 30)),
        # a label that opens with a shorter one ("date", "yayınlanma") is read whole
        ("Yayınlanma Tarihi: 04.03.2024 10:15", datetime(2024, 3, 4, 10, 15), None),
        ("Date de publication : 04.03.2024", date(2024, 3, 4), None),
    ],
)
def test_nordic_and_spaced_dates_are_read(
    line: str, published: date | datetime | None, updated: datetime | None
) -> None:
    found = read_header(line)
    assert found is not None
    parts = found.value if found.kind == "several" else [found]
    assert isinstance(parts, list)
    values = {part.kind: part.naive or part.value for part in parts}
    assert values.get("published") == published
    assert values.get("updated") == updated


@pytest.mark.parametrize(
    "line",
    [
        "Publisert av redaksjonen",  # (a label word without a date)
        "Fra kl. 10 til 12 i morgen",  # (opening hours, no date)
        "Oppdatert informasjon om ferjene",
        "Giriş yap",  # (Turkish: "log in")
        "Güncelleme notları için tıklayın",  # ("click for the update notes")
        "The vote passed 4. 3. The board met again in 2024.",
    ],
)
def test_nordic_words_and_spaced_numbers_in_prose_are_no_dates(line: str) -> None:
    found = read_header(line)
    assert found is None or found.kind not in ("published", "updated", "several")


def test_a_spaced_day_first_date_under_the_headline_dates_the_story() -> None:
    header = "Hafenrat erlaubt Nachtfähren\n\n04. 03. 2024, 14:59 Uhr\n\nVon Jana Dorn"
    article, _ = read_page(page("de", header))
    assert article.headline == "Hafenrat erlaubt Nachtfähren"
    assert article.published is not None and str(article.published)[:10] == "2024-03-04"


@pytest.mark.parametrize(
    ("line", "people", "organisation"),
    [
        # an agency after the names with no comma, as wire bylines print it
        ("By Jane Doe and Omar Farouk  The Associated Press", ["Jane Doe", "Omar Farouk"],
         "The Associated Press"),
        ("By JANE DOE Associated Press", ["JANE DOE"], "Associated Press"),
        ("Von Jana Dorn DPA", ["Jana Dorn"], "DPA"),
        ("By Jane Doe Reuters", ["Jane Doe"], "Reuters"),
        ("By JANE DOE ASSOCIATED PRESS", ["JANE DOE"], "ASSOCIATED PRESS"),
        ("By Jane Doe, ASSOCIATED PRESS", ["Jane Doe"], "ASSOCIATED PRESS"),
        # in small letters, as the agency writes it, or joined by "with"
        ("Von Jana Dorn und Karl Roth dpa", ["Jana Dorn", "Karl Roth"], "dpa"),
        ("Von Jana Dorn mit dpa", ["Jana Dorn"], "dpa"),
        ("By Jane Doe with AFP", ["Jane Doe"], "AFP"),
        ("By Jane Doe and Omar Farouk with The Associated Press", ["Jane Doe", "Omar Farouk"],
         "The Associated Press"),
        # an agency's word as the last word of a name: a person's surname, not the agency
        ("By Michael R. Bloomberg", ["Michael R. Bloomberg"], None),
        ("By Jane Doe and Michael Bloomberg", ["Jane Doe", "Michael Bloomberg"], None),
        ("By Zhang Wei and Chen Xinhua", ["Zhang Wei", "Chen Xinhua"], None),
        # a link to the writer's account that a copy ran into the name
        ("By Jane DoeTwitter", ["Jane Doe"], None),
    ],
)  # fmt: skip
def test_an_agency_or_account_run_into_the_names_is_not_a_name(
    line: str, people: list[str], organisation: str | None
) -> None:
    found = parse_byline(line)
    assert found is not None
    assert [person["name"] for person in found.people] == people
    assert found.organisation == organisation


@pytest.mark.parametrize(
    "line",
    [
        "By Anna Bloomberg",
        "By Jane Ansa",
        "By Wang Xing",
        "By Tom Roe - Associated Press",
        "By Jane Sid",
        "By Jana Dpa",
    ],
)
def test_a_surname_like_an_agency_stays_a_name(line: str) -> None:
    """One name's words before an agency's name are a person's ("Anna Bloomberg"); a short
    agency is one only in capitals ("Ansa", "Lusa" are names)."""
    found = parse_byline(line)
    assert found is not None
    assert found.organisation is None or found.organisation == "Associated Press"
    assert all("," not in person["name"] for person in found.people)
    if "Associated" not in line:
        assert [person["name"] for person in found.people] == [line.removeprefix("By ")]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Kommentar von Jana Dorn", "Jana Dorn"),
        ("Eine Analyse von Karl Moser", "Karl Moser"),
        ("Kolumne von Jana Dorn", "Jana Dorn"),
        ("Chronique par Jeanne Durand", "Jeanne Durand"),
    ],
)
def test_the_kind_of_piece_before_von_or_par_is_a_byline_label(line: str, name: str) -> None:
    found = parse_byline(line)
    assert found is not None and [person["name"] for person in found.people] == [name]


@pytest.mark.parametrize(
    "line",
    [
        "Kommentar von heute", "Analyse von Daten zeigt neue Trends", "Kommentar vom Montag",
        # a heading or headline: one capitalised word is a German noun or a surname alone
        "Analyse von Daten", "Analyse von Wahlergebnissen", "Kommentar von Merz",
        "Chronique par Temps",
    ],
)  # fmt: skip
def test_a_kind_of_piece_before_other_words_is_no_byline(line: str) -> None:
    assert parse_byline(line) is None


def test_a_commentary_byline_under_the_headline_credits_its_writer() -> None:
    header = "Hafenrat erlaubt Nachtfähren\n\nKommentar von Jana Dorn\n4. März 2024"
    article, _ = read_page(page("de", header))
    assert article.headline == "Hafenrat erlaubt Nachtfähren"
    assert [person.name for person in article.authors] == ["Jana Dorn"]
    assert article.paragraphs == BODY["de"]


def test_long_runs_of_spaces_are_no_work_for_the_update_and_second_date_splitters() -> None:
    """Each run of spaces is tried from its start only: 100,000 spaces once took minutes
    (callers collapse spaces today; the splitters must not rely on it)."""
    from articlekit.prose.headers import _numbers_after_label, _with_update

    assert _with_update("May 3, 2024" + " " * 100_000 + "x") is None
    assert _with_update("May 3, 2024 reading time" + " " * 100_000 + "x") is None
    assert _with_update("May 3, 2024" + " " * 100_000 + "(x") is None
    assert _numbers_after_label("Written: 2023-11-07 1" + " " * 100_000 + "|") is None
    # the forms they split still split
    assert _with_update("May 3, 2024 Updated May 4, 2024") is not None
    assert _numbers_after_label("기사입력 2013-10-24 03:00 기사수정 2013-10-24 09:30") is not None


@pytest.mark.parametrize(
    ("line", "day", "names"),
    [
        ("9. März 2024 um 15:46 Uhr / Jana Dorn", date(2024, 3, 9), "Jana Dorn"),
        ("March 9, 2024 | Omar Farouk", date(2024, 3, 9), "Omar Farouk"),
        ("21 October 2025 • Portsalt", date(2025, 10, 21), None),  # (a place)
        ("21 October 2025 • Portsalt, harbour", date(2025, 10, 21), None),
        ("Politics / January 11, 2024", date(2024, 1, 11), None),  # (a section)
        # a place of two words or more opens or joins as places do, not as names
        ("May 3, 2024 | New York", date(2024, 5, 3), None),
        ("4. März 2024 / Bad Ems", date(2024, 3, 4), None),
        ("4. März 2024 / Frankfurt am Main", date(2024, 3, 4), None),
        ("New York | May 3, 2024", date(2024, 5, 3), None),
        ("May 3, 2024 | Ana de Souza", date(2024, 5, 3), "Ana de Souza"),
        ("May 3, 2024 | Sandra Newport", date(2024, 5, 3), "Sandra Newport"),
        # names after a date's last comma, the label opening with the article's word
        (
            "Artikel veröffentlicht am 4. März 2024, 14:26 Uhr, Jana Dorn",
            date(2024, 3, 4),
            "Jana Dorn",
        ),
        ("Article published on May 3, 2024, 10:15 am, Jane Doe", date(2024, 5, 3), "Jane Doe"),
        ("Artículo publicado el 3 de mayo de 2024, Ana Roca", date(2024, 5, 3), "Ana Roca"),
        ("Articolo pubblicato il 3 maggio 2024, Anna Rossi", date(2024, 5, 3), "Anna Rossi"),
        ("Artigo publicado em 3 de maio de 2024, Ana Rocha", date(2024, 5, 3), "Ana Rocha"),
        # the printed edition's page after the date
        ("Wed, Oct 16, 2024 page1", date(2024, 10, 16), None),
        ("3. Mai 2024, Seite 5", date(2024, 5, 3), None),
        # a section or a competition of two words, after a bar or the date's last comma
        ("May 3, 2024 | Global Markets", date(2024, 5, 3), None),
        ("May 3, 2024, Premier League", date(2024, 5, 3), None),
        ("3. Mai 2024 | Deutsche Politik", date(2024, 5, 3), None),
        ("3 mai 2024 | Vie Politique", date(2024, 5, 3), None),
        ("3 de mayo de 2024, Champions League", date(2024, 5, 3), None),
        ("3 maggio 2024 | Cronaca Cittadina", date(2024, 5, 3), None),
        ("3 de maio de 2024 | Política Nacional", date(2024, 5, 3), None),
        # ... but a surname that is a street or a world is a writer's
        ("May 3, 2024 | Jane Street", date(2024, 5, 3), "Jane Street"),
        ("3 de mayo de 2024 | Ana Mundo", date(2024, 5, 3), "Ana Mundo"),
        # ... after a date's label too
        ("Published March 3, 2024 page 2", date(2024, 3, 3), None),
        ("Veröffentlicht am 3. März 2024, Seite 2", date(2024, 3, 3), None),
        ("Publié le 3 mars 2024 page 2", date(2024, 3, 3), None),
        ("Publicado el 3 de marzo de 2024 página 2", date(2024, 3, 3), None),
        ("Pubblicato il 3 marzo 2024 pagina 2", date(2024, 3, 3), None),
        ("Publicado em 3 de março de 2024 página 2", date(2024, 3, 3), None),
        # places whose capitalised words read as a name, opening as places do
        ("May 3, 2024 | Rio de Janeiro", date(2024, 5, 3), None),
        ("Published May 3, 2024 | St. Gallen", date(2024, 5, 3), None),
        # a hyphen or an apostrophe inside a place's word
        ("May 3, 2024 | Saint-Denis", date(2024, 5, 3), None),
        ("21 October 2025 • Port d'Alsace", date(2025, 10, 21), None),
        # ... and in a place before a dash and the date, as in a row
        ("St. Gallen - 15 OCT 2024 - 08:22", date(2024, 10, 15), None),
        ("Saint-Denis – 15 OCT 2024", date(2024, 10, 15), None),
    ],
)
def test_a_date_beside_names_a_place_or_a_section_in_a_row_is_read(
    line: str, day: date, names: str | None
) -> None:
    """A row of two parts whose one is the date: names after it are the byline; a place or a
    section of a few words is left out, the date read."""
    header = read_header(line)
    assert header is not None
    parts = header.value if header.kind == "several" else [header]
    assert (parts[0].kind, parts[0].value) == ("published", day)  # type: ignore[index, union-attr]
    found = [part.value.names for part in parts if part.kind == "byline"]  # type: ignore[union-attr]
    assert found == ([names] if names else [])


@pytest.mark.parametrize(
    "line",
    [
        "March 9, 2024 | the harbour board said on Friday it would vote again",
        "March 9, 2024 | 47",
        "3 hours ago | Portsalt",  # (no date to read)
        "Jane Doe | March 9, 2024 | Omar Farouk",
        "Ferries sail at night / March 9, 2024 was the first",
        # label words in prose, after a date or with none
        "March 4, 2024 reading time went up",
        "Zuerst veröffentlicht wurde der Roman in Wien",
        "The ferry (updated timetable) sails at 1:55 am",
        "The harbour story of March 9, 2024 drew 12 comments",
        "Published May 3, 2024 in the harbour of Portsalt",  # (no section's capitals)
        # a dash after words before a date, or an update's word run into a time, in prose
        "Jane Doe - 12 March 2024",  # (names before a date stay a line of names)
        "Berlin - 3 Tote bei Unfall",
        "Ferries - 12 sailings a day",
        "Meeting at 10:15Modified schedule",
        "On May 3, 2024, Jane Doe said",
        "Turn to page 5",
        "In 2024 page 5",
        "May 3, 2024 Dep. 5",  # (no page: the letters are a word's end)
        "On May 3, 2024, Jane Doe resigned.",
        "Article published in the Harbour Journal",
        "Published in the harbour guide, page 2",
        "On May 3, 2024, Premier League clubs voted to cap squads",
    ],
)
def test_a_date_beside_a_sentence_or_label_words_in_prose_make_no_date_line(line: str) -> None:
    header = read_header(line)
    assert header is None or header.kind not in ("published", "several")


def test_a_date_then_names_under_the_headline_date_and_credit_the_story() -> None:
    article, _ = read_page(
        page("de", "Hafenrat erlaubt Nachtfähren\n\n4. März 2024 um 15:46 Uhr / Jana Dorn")
    )
    assert article.headline == "Hafenrat erlaubt Nachtfähren"
    assert [person.name for person in article.authors] == ["Jana Dorn"]
    assert article.published is not None and str(article.published)[:10] == "2024-03-04"


def test_a_place_after_the_date_under_the_headline_is_no_author() -> None:
    """The place a date row names after the date ("4. März 2024 / Bad Ems") is no writer."""
    article, _ = read_page(page("de", "Hafenrat erlaubt Nachtfähren\n\n4. März 2024 / Bad Ems"))
    assert article.authors == []
    assert article.published is not None and str(article.published)[:10] == "2024-03-04"


@pytest.mark.parametrize(
    ("line", "day", "second"),
    [
        ("Zuerst veröffentlicht am 04/03/2024 - 16:17", date(2024, 3, 4), None),
        ("04. 03. 2024, 14:59 Uhr Lesedauer: 4 Minuten", date(2024, 3, 4), "reading_time"),
        ("March 4, 2024 Reading time: 5 min", date(2024, 3, 4), "reading_time"),
        ("4 mars 2024 Temps de lecture : 3 min", date(2024, 3, 4), "reading_time"),
        ("March 4, 2024 1:55 am(Updated 4:30 am)", date(2024, 3, 4), "updated"),
    ],
)
def test_a_first_publication_label_and_what_runs_on_after_a_date_are_read(
    line: str, day: date, second: str | None
) -> None:
    """The label "Zuerst veröffentlicht am" dates the row; a reading time with its label after
    the date with no stop between, and an update in brackets run into the time, are parts of
    the row."""
    header = read_header(line)
    assert header is not None
    parts = header.value if header.kind == "several" else [header]
    assert [part.kind for part in parts] == ["published", *([second] if second else [])]  # type: ignore[union-attr]
    assert parts[0].value == day  # type: ignore[index, union-attr]


def test_a_line_of_names_run_into_its_date_under_the_headline_credits_the_story() -> None:
    """A line of names run into its date ("Jana Dorn04.03.2024, 19:35 Uhr"): the names end
    where the date in numbers begins."""
    article, _ = read_page(
        page("de", "Hafenrat erlaubt Nachtfähren\n\nJana Dorn04.03.2024, 19:35 Uhr")
    )
    assert [person.name for person in article.authors] == ["Jana Dorn"]
    assert article.published is not None and str(article.published)[:10] == "2024-03-04"


def test_a_byline_label_alone_over_the_names_under_the_deck_is_read() -> None:
    """A byline's label alone ("Author of the article:") over the names, then the date: the
    header block goes on over the label, which credits the names under it (what lies between
    the date and the story, a caption, keeps the body from reaching them)."""
    article, _ = read_page(
        page(
            "en",
            "Harbour Board Backs Night Ferries\n\nFishermen warn of crowded quays as the plan "
            "passes.\n\nAuthor of the article:\nJane Doe\nPublished Mar 04, 2024  •  3 minute read"
            "\nJoin the conversation\nA ferry waits at the quay in Portsalt on Monday evening, "
            "shortly before it sailed for Dover.\nArticle content",
        )
    )
    assert article.headline == "Harbour Board Backs Night Ferries"
    assert [person.name for person in article.authors] == ["Jane Doe"]
    assert article.published == date(2024, 3, 4)


@pytest.mark.parametrize(
    "line", ["Author of the article: the harbour board", "Author of the article: 3 May 2024"]
)
def test_the_article_author_label_before_no_names_is_no_byline(line: str) -> None:
    assert parse_byline(line) is None


def test_a_picture_caption_between_the_byline_and_the_date_is_passed() -> None:
    """A picture's caption and credit under the byline, not known as such, then the date: the
    header block goes on to it."""
    article, _ = read_page(
        page(
            "en",
            "Harbour board backs night ferries over fishermen's protests\nBy Jane Doe\n\n"
            "A ferry waits at the quay in Portsalt on Monday evening. Lea Kranz\n"
            "2024-03-04T11:36:01Z\nShare\nThis story is available in the app for subscribers",
        )
    )
    assert [person.name for person in article.authors] == ["Jane Doe"]
    assert article.published is not None and str(article.published)[:10] == "2024-03-04"
    assert article.paragraphs == BODY["en"]


def test_a_paragraph_between_the_headline_and_a_date_is_not_passed() -> None:
    """A paragraph longer than a deck under the headline is the story: a date below it is
    not the headline's header line."""
    paragraph = " ".join([BODY["en"][0]] * 4)
    article, _ = read_page(
        page("en", f"Harbour Board Backs Night Ferries\n{paragraph}\nPublished: March 3, 2024")
    )
    assert paragraph in article.paragraphs


def test_a_picture_agency_alone_under_the_deck_is_no_byline() -> None:
    """A picture agency's name alone ("GETTY IMAGES") under the lead picture, then the writer's
    name: the agency credits the picture, the name the story."""
    article, _ = read_page(
        page(
            "en",
            "Harbour Board Backs Night Ferries\nFISHERMEN WARN OF CROWDED QUAYS\nGETTY IMAGES\n"
            "JANE DOE\n2 MINUTES AGO",
        )
    )
    assert article.headline == "Harbour Board Backs Night Ferries"
    assert [person.name for person in article.authors] == ["JANE DOE"]


@pytest.mark.parametrize("line", ["Getty Images", "GETTY IMAGES", "picture alliance"])
def test_a_picture_agency_alone_is_no_line_of_names(line: str) -> None:
    assert captions.is_picture_agency(line)
    assert not captions.is_picture_agency("Getty Images sells its archive to a harbour museum")


@pytest.mark.parametrize(
    ("language", "headline", "date_line"),
    [
        ("en", "Harbour board lets night ferries berth at the fish quay", "March 5, 2024, 2:36 PM"),
        ("de", "Hafenrat erlaubt Nachtfähren am Fischkai", "05.03.2024, 14:36 Uhr"),
        ("fr", "Le port autorise les ferries de nuit au quai", "5 mars 2024 à 14h36"),
        ("es", "El puerto permite los ferris nocturnos en el muelle", "5 de marzo de 2024, 14:36"),
        ("it", "Il porto autorizza i traghetti notturni al molo", "5 marzo 2024, 14:36"),
        ("pt", "O porto autoriza os ferries noturnos no cais", "5 de março de 2024, 14:36"),
    ],
)
def test_a_date_above_the_headline_printed_twice_dates_the_story(
    language: str, headline: str, date_line: str
) -> None:
    """A date line over the headline printed twice (the page's title line over the article's
    own, a player's label between): the line printed again is no other title line that would
    end the search above the headline."""
    body = BODY[language]
    copy = (
        f"{TOP[language]}\n{date_line}\nAudio\n{headline}\n{headline}\n\n"
        f"{body[0]}\n\n{body[1]}\n\n{body[2]}\n\n{FOOT[language]}"
    )
    article, _ = read_page(copy.encode("utf-8"))
    assert article.headline == headline
    assert article.published is not None and str(article.published)[:10] == "2024-03-05"


def test_a_date_above_a_teasers_title_over_the_headline_stays_the_teasers() -> None:
    """(What the headline printed again must leave alone: a date under another title line is that
    story's, and the search stops there.)"""
    body = BODY["en"]
    copy = (
        f"{TOP['en']}\nTram fares rise again across the county\nMarch 5, 2024\n"
        f"Harbour board lets night ferries berth at the fish quay\n\n"
        f"{body[0]}\n\n{body[1]}\n\n{body[2]}\n\n{FOOT['en']}"
    )
    article, _ = read_page(copy.encode("utf-8"))
    assert article.headline == "Harbour board lets night ferries berth at the fish quay"
    assert article.published is None


SUMMARY = {
    "en": "In short\n"
    "The harbour board will let passenger ferries berth at the quay through the whole night.\n"
    "Fishermen fear they will find no room left on the quay to land their catch at dawn.\n"
    "A public meeting on the plan is set for October at the town hall in the centre.\n"
    "The ferry operator says the night crossings will ease the queues in the afternoon.\n",
    "es": "En resumen\n"
    "La junta del puerto dejará atracar a los transbordadores en el muelle durante la noche.\n"
    "Los pescadores temen que no les quede sitio en el muelle para descargar la pesca al alba.\n"
    "Una reunión pública sobre el plan está prevista para octubre en el ayuntamiento.\n"
    "La naviera dice que los viajes nocturnos acortarán las colas de la tarde en el centro.\n",
}


def boxed_page(language: str, box: str, header: str) -> bytes:
    """A web copy whose headline stands over a box, the lead picture's caption and credit, then
    ``header`` right over the story."""
    text = (
        f"{TOP[language]}\nHarbour Board Backs Night Ferries\n\n{box}\n"
        f"The quay at dawn, seen from the harbour wall.\n© Tom Roe\n{header}\n"
        f"{BODY[language][0]}\n\n{BODY[language][1]}\n\n{BODY[language][2]}\n\n"
        f"{SHARE[language]}\n{FOOT[language]}"
    )
    return text.encode("utf-8")


@pytest.mark.parametrize(
    ("language", "header", "name", "published"),
    [
        ("en", "Jane Doe\n30 June 2025,\n15:59\n", "Jane Doe", date(2025, 6, 30)),
        ("es", "Luna Ferrer\n\nValdemar\n29/05/2025 20:00\n", "Luna Ferrer", date(2025, 5, 29)),
    ],
)
def test_a_byline_and_date_under_a_summary_box_are_the_articles(
    language: str, header: str, name: str, published: date
) -> None:
    """A page that prints a summary box and the lead picture under the headline, then the
    author's name and the date (a place between them) right over the story: the name and date
    are the article's header, not lines of its body."""
    article, _ = read_page(boxed_page(language, SUMMARY[language], header))
    assert [person.name for person in article.authors] == [name]
    assert article.published == published
    assert name not in article.paragraphs


def test_a_teasers_date_in_a_box_under_the_headline_is_not_the_articles() -> None:
    """With no date under the headline, a date line in a box of other stories there (under a
    teaser's title) dates that story, not the article."""
    box = (
        SUMMARY["en"]
        + "\nMost read\n* Tram fares to rise next spring in the town\nSeptember 8, 2021\n"
    )
    article, _ = read_page(boxed_page("en", box, "Jane Doe\n"))
    assert article.published is None


@pytest.mark.parametrize("credit", ["Foto: Tom Roe", "Photo: Tom Roe/Reuters"])
def test_a_date_under_the_lead_pictures_labelled_credit_is_the_articles(credit: str) -> None:
    """The lead picture's credit with its label ("Foto: Tom Roe") right over the date under a
    summary box: no teaser's title over the date, which is the article's."""
    text = (
        f"{TOP['en']}\nHarbour Board Backs Night Ferries\n\n{SUMMARY['en']}\n"
        f"The quay at dawn, seen from the harbour wall.\n{credit}\n30 June 2025, 15:59\n"
        f"{BODY['en'][0]}\n\n{BODY['en'][1]}\n\n{BODY['en'][2]}\n\n{SHARE['en']}\n{FOOT['en']}"
    )
    article, _ = read_page(text.encode("utf-8"))
    assert article.published == date(2025, 6, 30)
    assert "30 June 2025, 15:59" not in article.paragraphs


def test_a_name_and_date_under_a_heading_in_the_story_are_not_the_articles() -> None:
    """With no date under the headline, a writer's name and a date under a heading among the
    story's first paragraphs (a reader's letter, quoted in the story) are that letter's: neither
    the article's byline nor its date, and the letter keeps them."""
    body = BODY["en"]
    text = (
        f"{TOP['en']}\nHarbour Board Backs Night Ferries\n\n{body[0]}\n\n{body[1]}\n\n"
        "Letters to the editor\n\nMaria Lopez\n\nMay 3, 2024\n\n"
        "I have fished out of this port for twenty years and the board never asked us once.\n\n"
        f"{body[2]}\n\n{SHARE['en']}\n{FOOT['en']}"
    )
    article, _ = read_page(text.encode("utf-8"))
    assert article.authors == []
    assert article.published is None
    assert "Maria Lopez" in article.paragraphs


@pytest.mark.parametrize(
    ("line", "published", "names"),
    [
        ("3. März 2024, 09:30 UhrKleinhafen", date(2024, 3, 3), None),
        ("March 3, 2024 10:15 amPortwick", date(2024, 3, 3), None),
        ("3 March 2024, 10:15Portwick", date(2024, 3, 3), None),
        ("3 mars 2024 à 10h15Marseille", date(2024, 3, 3), None),  # (a French clock)
        ("3 de marzo de 2024, 10h15Sevilla", date(2024, 3, 3), None),
        ("5. Juni 2024 um 14:26 UhrJana Dorn", date(2024, 6, 5), "Jana Dorn"),
    ],
)
def test_a_place_or_name_run_into_the_dates_time_leaves_the_date(
    line: str, published: date, names: str | None
) -> None:
    """A row of the date and the place (or the author) that a copy ran together, the word's box
    lost at the time: the date is read, the place left out, the names the byline."""
    found = read_header(line)
    assert found is not None
    parts = found.value if found.kind == "several" else [found]
    assert isinstance(parts, list)
    assert [part.value for part in parts if part.kind == "published"] == [published]
    bylines = [part.value.names for part in parts if part.kind == "byline"]
    assert bylines == ([names] if names else [])


@pytest.mark.parametrize(
    "line", ["3 March 2024, 10:15 Uhrzeit", "3 March 2024, 10:15 Portwick Harbour was closed"]
)
def test_a_time_with_its_word_spaced_or_lower_case_is_no_run_in(line: str) -> None:
    """A lower-case word after the time is its unit's, and a spaced word no run-in: no row."""
    assert read_header(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "12:43, 20 Apr 2026",
        "9:05am, 20 Apr 2026",
        "12:43, 20 Apr 2026Updated 12:44, 20 Apr 2026",
    ],
)
def test_a_time_printed_before_the_date_is_no_source(line: str) -> None:
    """ "12:43, 20 Apr 2026": the time of the date, printed before it, not a source's name
    before its date ("Reuters, October 6, 2023")."""
    found = read_header(line)
    assert found is not None
    parts = found.value if found.kind == "several" else [found]
    assert isinstance(parts, list)
    assert parts[0].kind == "published" and parts[0].value == date(2026, 4, 20)


def test_a_split_byline_with_a_writers_name_on_each_line_credits_them_all() -> None:
    """ "Von", then each writer's name on a line of its own over the story: both are authors,
    and neither name is a paragraph."""
    header = "Hafenrat erlaubt Nachtfähren\n\nVon\nJana Dorn\nKarl Moser\n\n3. März 2024"
    article, _ = read_page(page("de", header))
    assert [person.name for person in article.authors] == ["Jana Dorn", "Karl Moser"]
    assert_article(article, "de")


@pytest.mark.parametrize(
    ("language", "label", "name", "place"),
    [
        ("en", "By", "Jane Doe", "New York"),
        ("de", "Von", "Jana Dorn", "Bad Homburg"),
        ("es", "Por", "Luna Ferrer", "San Sebastián"),
        ("pt", "Por", "Ana Souza", "Rio Grande"),
    ],
)
def test_a_place_under_a_split_bylines_name_is_no_second_writer(
    language: str, label: str, name: str, place: str
) -> None:
    """ "By", the writer's name, then the town the writer reports from on the line under it: the
    town is no second author."""
    header = f"Harbour Board Backs Night Ferries\n\n{label}\n{name}\n{place}\n\n3 March 2024"
    article, _ = read_page(page(language, header))
    assert [person.name for person in article.authors] == [name]


@pytest.mark.parametrize(
    ("line", "published"),
    [
        (" 03 May 2025      4", date(2025, 5, 3)),
        ("Published May 3, 2024     17", date(2024, 5, 3)),
        ("Jane Doe     4", None),
        ("03 May 2025 4", None),  # (one space: no box of its own)
    ],
)
def test_a_count_set_far_apart_after_the_date_leaves_the_date(
    line: str, published: date | None
) -> None:
    """The comment count's box beside the date, its icon lost in the copy: the date is read."""
    found = read_header(line)
    assert (found.value if found is not None else None) == published


@pytest.mark.parametrize(
    "line",
    ["3. Mai 2025      4", "03.05.2025      4", "3 mai 2025      12", "3 de mayo de 2025      4"],
)
def test_a_count_set_far_apart_after_a_day_first_date_is_no_hour(line: str) -> None:
    """A count far apart after a date printed day first: the date alone, the count not read as
    the hour its number would be after a date a space apart ("3. Mai 2025 4", 4:00)."""
    found = read_header(line)
    assert found is not None and found.value == date(2025, 5, 3)
    assert found.naive is None


def test_a_date_with_its_comment_count_under_a_byline_and_tabs_is_read() -> None:
    """A byline and the date (a comment count far apart after it) over the story, under the
    headline and a row of tabs: both are the article's."""
    tabs = "\n".join(["Dive deeper", "Speed read", "Summary", "Listen"] * 2)
    header = f"Harbour Board Backs Night Ferries\n{tabs}\nBy Jane Doe  Follow\n 03 May 2025      4"
    article, _ = read_page(page("en", header))
    assert [person.name for person in article.authors] == ["Jane Doe"]
    assert article.published == date(2025, 5, 3)


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("28.4.2024 18:41 Uhr teilen", date(2024, 4, 28)),
        ("March 3, 2024 Share", date(2024, 3, 3)),
        ("3 mai 2024 à 10h15 Partager", date(2024, 5, 3)),
        ("Room 101 Share", None),
        ("We share", None),
    ],
)
def test_a_share_button_after_the_date_leaves_the_date(line: str, published: date | None) -> None:
    """A date row's share or comments button, copied as its word after the date or its time: the
    date is the line's; a number before the word that is no date leaves no header line."""
    found = read_header(line)
    assert (found.value if found is not None else None) == published
