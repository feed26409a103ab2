"""Web page furniture is recognised by whole lines; sentences that merely look alike are not."""

from __future__ import annotations

import pytest

from articlekit.prose import boilerplate, furniture


@pytest.mark.parametrize(
    "line",
    [
        "Leave a Reply",
        "Share this:",
        "Related Posts",
        "More from CNN",
        "Tags: politics, Mali",
        "Subscribe to our newsletter",
        "3 Comments",
        "You may also like",
        "Most Popular Videos",  # (a box's heading that names what it lists)
        "+ More Videos",
        "Trending articles",
        "Most read in world news",  # (a box of the section's most read stories)
    ],
)
def test_section_starts(line: str) -> None:
    assert boilerplate.is_section_start(line)


@pytest.mark.parametrize(
    "line",
    [
        "Your email address will not be published. Required fields are marked *",
        "Post Comment",
        "Click to share on Twitter (Opens in new window)",
        "Facebook | X | Email",
        "Name *",
        "【责任编辑：严玉洁】",
        "© 2024 Westcliff Courier. All rights reserved.",  # (a prefix of one character)
        "℗ 2023 Harbour Radio",
        "Schließen",  # (the key is case-folded: "schliessen")
        "Abo abschließen",
        "Share Facebook Twitter Google+ Reddit StumbleUpon Print",  # (a share row on one line)
        "Prev Post",
        "Newer Posts",
        "You might like",
        "Recent Comments",
        "Advertising Disclosure",
        "Proudly powered by WordPress",
        "Menü schließen",
        "Neueste Beiträge",
        "Die meistgelesenen Artikel bei Westcliff Courier",
        "Jetzt Newsletter abonnieren",
        "Benachrichtige mich über neue Beiträge via E-Mail.",
        "Kategorien",
        "Themenseiten: Hafen, Fähren",
        "Notas relacionadas",
        "Articles récents",
        "Articoli recenti",
        "Posts recentes",
        "Lea más: El puerto abre de noche",  # (links to other stories, set inside a story)
        "Czytaj też: Nowy prom na wyspę",
        "Weitere Beiträge zu Häfen",
        "À lire : Le port ouvre la nuit",
        "Nutzungsbedingungen | Datenschutz | Impressum",  # (a row of a footer's links)
        "Terms · Privacy · Contact",
        "Escuchar artículo",  # (a story's tools: listen to it, its type's size)
        "* Ouvir o texto",
        "* Aumentar fonte",
        "Schrift vergrößern",
        "Taille du texte",
    ],
)
def test_furniture(line: str) -> None:
    assert boilerplate.is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "More from the hearing is expected on Friday.",
        "Tags: none were issued by police.",
        "x",
        "X",
        "Comments from the minister were not available.",
        "Related to this, the mayor said",
        "Most popular videos this year showed the harbour seals.",
        "Most read in the library were old atlases, the survey found.",
        "Top Podcasts",  # (a year's review's crossheads)
        "Latest Videos",
        "Latest in the Harbour Dispute",
        "Home | Harbour board backs night ferries",  # (a title in a row: not every part a link)
    ],
)
def test_sentences_are_not_boilerplate(line: str) -> None:
    assert not boilerplate.is_section_start(line)
    assert not boilerplate.is_furniture(line)


def test_trailing_block_needs_only_short_lines_after_it() -> None:
    story = ["A long paragraph of the story " * 8, "Related", "Headline one", "Headline two"]
    assert boilerplate.trailing_start(story) == 1
    story_goes_on = ["Intro.", "Related", "A long paragraph that continues the story " * 6]
    assert boilerplate.trailing_start(story_goes_on) is None


def test_a_trailing_block_is_never_most_of_the_text() -> None:
    """A story of short paragraphs under a "Watch: ..." line right under its headline is no
    list of links: what a trailing section would cut must be the smaller part of the text (or no
    prose: a list of related headlines); furniture under such a story is cut from there."""
    paragraph = "The harbour authority finished dredging the basin on Tuesday, officials said."
    story = ["Harbour basin dredged", "Watch: the basin", *[paragraph] * 4]
    assert boilerplate.trailing_start(story) is None
    shared = [*story, "Share this:", "Facebook", "Twitter", "Email", "Print"]
    assert boilerplate.trailing_start(shared) == len(story)  # (its share bar goes, the story stays)
    boxed = ["Harbour basin dredged", *[paragraph] * 4, "Watch: the basin", "Ferry fares frozen"]
    assert boilerplate.trailing_start(boxed) == 5
    related = ["Ferries to run all night from June, the harbour board said on Tuesday."]
    titles = ["Harbour board names the new chair of its ferry committee after a long vote"] * 3
    assert boilerplate.trailing_start([*related, "Related stories", *titles]) == 1


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for the beach clean-up on Saturday, the council urged residents.",
        "Sign up for the beach clean-up on Saturday at the harbour slipway.",
        "Get the latest on the storm as it moves up the coast tonight.",
        "Melden Sie sich für die Strandreinigung am Samstag an, forderte die Stadt.",
        "Inscrivez-vous au nettoyage de la plage samedi, a dit le maire.",
        "Regístrate en la limpieza de la playa el sábado, pidió el alcalde.",
        "Iscriviti alla pulizia della spiaggia sabato, ha detto il sindaco.",
        "Receba a equipe de voluntários no cais às oito, disse a prefeita.",
    ],
)
def test_a_story_sentence_opening_as_a_sign_up_prompt_is_no_furniture(line: str) -> None:
    """A sentence of the story that opens with a sign-up prompt's words ("Sign up for ...") but
    quotes someone, or names nothing a site offers its readers, stays in the story."""
    assert furniture.furniture_kind(line) is None
    assert furniture.furniture_kinds([line]) == [None]


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for our newsletter to get the latest news.",
        "Get the latest news delivered to your inbox every morning.",
        "Sign up for free",
        "Melden Sie sich für unseren Newsletter an.",
        "Inscrivez-vous à notre lettre d'information.",
        "Recibe nuestro boletín cada mañana en tu correo.",
        "Iscriviti alla nostra newsletter.",
        "Receba as notícias do dia no seu e-mail.",
    ],
)
def test_a_sign_up_prompt_is_still_furniture(line: str) -> None:
    assert furniture.furniture_kind(line) == "subscribe"
    assert furniture.furniture_kinds([line]) == ["subscribe"]
