"""Web copies whose page puts other text beside the article: a picture's one-word label over the
body, readers' comments under it, teasers of other stories over it. All text here is invented."""

from __future__ import annotations

import pytest

from articlekit.prose import furniture
from test_webcopy_headers import read_page

KOREAN_BODY = [
    "전라남도 여수에 자리 잡은 연안 해운기업 ㈜푸른물결해운은 올해로 창립 20년을 맞았다."
    " 이 회사는 섬과 육지를 잇는 여객선 열두 척을 운항하고 있다.",
    "㈜푸른물결해운의 김하늘 대표는 “섬 주민들이 날씨와 상관없이 뭍으로 나올 수 있어야"
    " 한다”며 야간 운항을 늘리겠다고 말했다.",
    "㈜푸른물결해운은 내년에 친환경 전기 여객선 두 척을 새로 들여올 계획이다."
    " 회사는 이를 위해 지역 조선소와 협약을 맺었다.",
]
KOREAN_PAGE = "\n".join([
    "뉴스홈", "정치", "경제", "사회", "문화", "",
    "뉴스 > 경제 > 기업", "",
    "[기업탐방]바다를 잇는 작은 배, 세계 항로를 꿈꾼다", "",
    "기사입력 2024-03-05 09:00:00 기사수정 2024-03-05 09:00:00", "",
    "Tweet", "기사보내기", "",
    "㈜푸른물결해운", "",
    "\n\n".join(KOREAN_BODY), "",
    "많이 본 뉴스", "개인정보처리방침", "",
])  # fmt: skip


def test_a_one_word_label_over_a_korean_body_is_no_headline() -> None:
    """A picture's label of one word (a company's name, which the article's paragraphs repeat)
    stands between the share bar and the body: Korean sets its words apart with spaces, so the
    label is one word, too short for a headline, however many syllables it has. The headline is
    the title over the article's date line."""
    article, _ = read_page(KOREAN_PAGE.encode())
    assert article.headline == "[기업탐방]바다를 잇는 작은 배, 세계 항로를 꿈꾼다"
    assert article.paragraphs == KOREAN_BODY
    assert str(article.published) == "2024-03-05"


SPANISH_BODY = [
    "El ayuntamiento de Villaverde del Río aprobó el martes la compra de dos barcas nuevas para"
    " cruzar el río durante las crecidas de la primavera.",
    "La alcaldesa explicó que las barcas llegarán en mayo y que los vecinos podrán usarlas sin"
    " coste entre las siete de la mañana y las nueve de la noche.",
    "Los pescadores de la ribera pidieron que el embarcadero se traslade unos metros río abajo,"
    " lejos de las redes que tienden cada madrugada.",
]
SPANISH_PAGE = "\n".join([
    "Portada", "Provincia", "Deportes", "Cultura", "",
    "Villaverde compra dos barcas para las crecidas", "",
    "Lucía Ferrán | Villaverde del Río", "",
    "\n\n".join(SPANISH_BODY), "",
    "Todos", "Mejor valorados", "Recientes", "",
    " barquero77 12.abr.2024 | 10:02", "#1", "",
    "Ya era hora de que alguien pensara en los que vivimos al otro lado del puente viejo.", "",
    "Responder Citar mensaje", "", "Valorar", "", "Positivo Negativo", "Denunciar",
    " riberena 12.abr.2024 | 10:40", "#2", "",
    "Dos barcas son pocas para todo el pueblo, habrá colas cada mañana en el embarcadero.", "",
    "Responder Citar mensaje", "", "Valorar", "", "Positivo Negativo", "Denunciar",
    "Aviso legal", "",
])  # fmt: skip


def test_a_comment_thread_under_a_short_article_is_left_out() -> None:
    """Under each reader's comment stand its buttons (reply, quote, rate, vote, report): a row of
    such words is a comment's bar, page furniture that walls the comments off the story, and the
    thread's tabs ("Mejor valorados") are furniture too."""
    article, _ = read_page(SPANISH_PAGE.encode())
    assert article.headline == "Villaverde compra dos barcas para las crecidas"
    assert article.paragraphs == SPANISH_BODY


ENGLISH_BODY = [
    "The harbour board of Westcliff voted on Tuesday to run two night ferries across the bay from"
    " May, after a year of complaints from shift workers who miss the last boat home.",
    "The ferries will leave the north quay at eleven and at one in the morning, and will call at"
    " the fish market on the way back, the board's chair, Mira Holt, told the meeting.",
    "Fishermen warned that the quays are crowded at night, when the boats land their catch, and"
    " asked for a second landing stage on the south side of the harbour before the ferries start.",
    "The board said it would look at the landing stage at its next meeting in April, and that the"
    " night fares would be the same as the day fares for the first six months of the service.",
    "Shift workers at the cannery welcomed the plan. One of them said she had slept at the"
    " factory twice last winter because the last ferry had left before her shift ended at night.",
]
ENGLISH_PAGE = "\n".join([
    "Home", "News", "Sport", "Weather", "",
    "Harbour Board Backs Night Ferries", "",
    "By Jane Doe", "",
    "\n\n".join(ENGLISH_BODY), "",
    "All", "Top rated", "Newest", "Mentions", "",
    "harbourfan 3 Apr 2024 | 10:02", "",
    "About time. The last boat at ten was a joke for anyone working late at the cannery.", "",
    "Reply Quote Report", "Like Dislike",
    "Contact us", "",
])  # fmt: skip


def test_a_comment_threads_tabs_are_left_out_with_it() -> None:
    """A long story runs into its comment thread: the thread's heading among its tabs ("Top
    rated" among "All", "Newest") ends the story above the tabs, none of them a paragraph."""
    article, _ = read_page(ENGLISH_PAGE.encode())
    assert article.paragraphs == ENGLISH_BODY


@pytest.mark.parametrize(
    "line",
    [
        "Reply Quote Report",
        "Responder Citar mensaje",
        "Positivo Negativo",
        "Like | Dislike",
        "Antworten Zitieren Melden",
        "Répondre · Citer · Signaler",
        "Rispondi Segnala",
        "Responder Denunciar",
        "Mejor valorados",
        "Top rated",
        "Denunciar",
        "댓글",
        "评论",
    ],
)
def test_a_comments_buttons_are_furniture(line: str) -> None:
    assert furniture.furniture_kind(line) is not None
    assert furniture.furniture_kinds([line]) == [furniture.furniture_kind(line)]


@pytest.mark.parametrize(
    "line", ["Positive", "Negative", "Reply hazy, try again", "Quote of the day", "Me llamo Ana"]
)
def test_other_lines_with_such_words_are_no_furniture(line: str) -> None:
    """A button's word alone that is a story's word too, or such a word in a line of other words,
    is no comment's bar."""
    assert furniture.furniture_kind(line) is None


TEASERS = [
    "Mode: Ein Hutmacher aus Lindau zeigt seine Winterkollektion",
    "12. Januar 2015, 15:53 Im Mittelpunkt der neuen Kollektion stehen Filzhüte in Moosgrün und"
    " Rostrot, die der Hutmacher in seiner Werkstatt am See von Hand formt […]",
    "Mode: Eine Weberin aus Görlitz erhält einen Preis",
    "11. Januar 2015, 12:46 Die Weberin wird für ihre Decken aus Leinen geehrt, die sie seit"
    " zwanzig Jahren auf einem alten Webstuhl fertigt",
    "Beauty: Vorsätze für den Winter",
    "30. Dezember 2014, 17:10 Die Pflegetipps der Redaktion für kalte Tage und trockene Luft",
    "Reise: Ein Hotel im Moor",
    "28. Dezember 2014, 09:15 Ein altes Torfhaus im Teufelsmoor wird zum kleinen Hotel mit sechs"
    " Zimmern […]",
]
GERMAN_BODY = [
    "Die Schals der kleinen Strickerei aus dem Allgäu sind in diesem Winter der Liebling der"
    " Redaktion: Sie werden aus der Wolle von Bergschafen gestrickt, die auf den Almen rund um"
    " Oberstdorf weiden, und in drei Farben angeboten, in Tannengrün, in Schiefergrau und in einem"
    " warmen Honiggelb, das an die Wiesen im Spätsommer erinnert.",
    "Die Schals kosten je 89 Euro und sind im Laden der Strickerei in Sonthofen erhältlich.",
]
GERMAN_PAGE = "\n".join([
    "Startseite", "Mode", "Beauty", "Reise", "Kultur", "",
    "\n\n".join(TEASERS), "",
    "Alle News", "Mode", "Beauty", "Reise", "Kultur", "",
    "Lieblingsstück: der Schal aus Bergschafwolle", "",
    "\n\n".join(GERMAN_BODY), "",
    "Impressum", "Datenschutz", "",
])  # fmt: skip


def test_dated_teasers_of_a_sidebar_above_the_article_are_left_out() -> None:
    """A sidebar's latest stories copied above a short article: titles, each over a summary
    that opens with its story's date. They are teasers, however much prose they hold together;
    the article starts at the first paragraph that is none, under its own headline."""
    article, _ = read_page(GERMAN_PAGE.encode())
    assert article.headline == "Lieblingsstück: der Schal aus Bergschafwolle"
    assert article.paragraphs == GERMAN_BODY


def test_a_story_that_opens_with_dated_paragraphs_keeps_them() -> None:
    """Two dated entries under crossheads (a chronicle's) are too few to be a sidebar's teasers:
    the story keeps them."""
    chronicle = TEASERS[-4:]
    page = GERMAN_PAGE.replace("\n\n".join(TEASERS), "\n\n".join(chronicle))
    article, _ = read_page(page.encode())
    assert chronicle[1] in article.paragraphs
