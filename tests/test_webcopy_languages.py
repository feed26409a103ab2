"""Web copies in many languages: header lines (bylines, dates) as pages in those languages print
them, and paragraphs that close with an agency's credit. The pages are written for these tests
(invented names, places and stories), laid out as select-all and paste gives them."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from articlekit import Article, read
from articlekit.prose.byline import parse_byline
from articlekit.prose.captions import Caption, read_caption
from articlekit.prose.headers import header_dates, read_header

REMOVED = "text:removed_lines"


def read_copy(text: str) -> tuple[Article, list[str]]:
    result = read(text.encode("utf-8"), format="text")
    return result.value, [str(warning) for warning in result.warnings]


def copy_of(chrome: list[str], header: list[str], story: list[str], foot: list[str]) -> str:
    """A page as a browser copies it: the menu, the header lines (headline first), the story's
    paragraphs apart by blank lines, the footer."""
    return "\n".join([*chrome, "", *header, "", "\n\n".join(story), "", *foot])


EN_CHROME = ["Home", "News", "Sport", "Weather", "Contact"]
EN_FOOT = ["Related", "Privacy Policy", "Terms of Service"]
EN_STORY = [
    "OSTERBY (AFP) - The harbour town said on Monday it would open a new ferry pier on the north"
    " shore, with work due to end before the summer season.",
    "The harbour master told reporters the pier would take the evening boats off the old quay,"
    " where fishing boats unload their catch.",
]
EN_LAST = (
    "Fishermen said they had asked for a pier of their own for a decade, because the old quay"
    " was crowded and slow at night."
)


@pytest.mark.parametrize(
    "credit", ["(c) AFP/Lena KORVIK", "© AFP", "— AFP", "Copyright AFP", "- Reuters"]
)
def test_a_last_paragraph_closing_with_an_agency_credit_is_kept_without_it(credit: str) -> None:
    """The story's last paragraph ends with the agency's credit, no sentence after it: the
    paragraph is the story's, the credit is left out with the furniture (and said)."""
    story = [*EN_STORY, f"{EN_LAST} {credit}"]
    article, warnings = read_copy(
        copy_of(EN_CHROME, ["Harbour town to open a new ferry pier", "May 6, 2025"], story, EN_FOOT)
    )
    assert article.paragraphs[-2:] == [EN_STORY[1], EN_LAST]
    assert credit in article.extras[REMOVED]
    assert any(credit in warning for warning in warnings if "furniture" in warning)


def test_a_japanese_last_paragraph_closing_with_an_agency_credit_is_kept() -> None:
    last = (
        "漁師たちは、古い岸壁は夜になると混雑して危険なので、"
        "十年前から専用の桟橋を求めてきたと話した。"
    )
    story = [
        "【5月6日 AFP】港町は6日、北岸に新しいフェリー桟橋を開設すると発表した。"
        "工事は夏の観光シーズン前に終わる予定だ。",
        "港長は記者団に対し、新しい桟橋は夕方の便を古い岸壁から移し、"
        "漁船の荷揚げを楽にすると述べた。",
        f"{last}(c)AFP/Kenji MORIOKA",
    ]
    chrome = ["ホーム", "ニュース", "スポーツ", "お問い合わせ"]
    article, _ = read_copy(
        copy_of(chrome, ["港町が新しいフェリー桟橋を開設へ"], story, ["関連記事", "利用規約"])
    )
    assert article.paragraphs[-1] == last
    assert "(c)AFP/Kenji MORIOKA" in article.extras[REMOVED]


@pytest.mark.parametrize(
    "last",
    [
        f"{EN_LAST} (AFP)",  # (the agency in brackets: printed as part of the story)
        # (a quote's author, or the writer's signature: no agency)
        "“We will build the pier this year, and the evening boats will use it by the autumn,” the"
        " mayor said. — Jane Moe",
    ],
)
def test_a_paragraph_closing_with_no_credit_is_kept_whole(last: str) -> None:
    """An agency in brackets or a name after a dash is no credit: the last paragraph is the
    story's, whole."""
    story = [*EN_STORY, EN_LAST + " It will open in June.", last]
    article, _ = read_copy(
        copy_of(EN_CHROME, ["Harbour town to open a new ferry pier"], story, EN_FOOT)
    )
    assert all(part not in article.extras[REMOVED] for part in ("(AFP)", "— Jane Moe"))
    assert article.paragraphs[-2:] == story[-2:]


def test_the_warning_names_the_lines_left_out_under_the_headline() -> None:
    """A line under the headline the reader does not take (here a date in a form it does not
    know) is left out with the menu; the warning names it, whatever the menu's length, so that
    a user sees a byline or a date went."""
    header = ["Harbour town to open a new ferry pier", "Diterbitkan: 06.05.2025 - 14:20"]
    article, warnings = read_copy(copy_of(EN_CHROME, header, [*EN_STORY, EN_LAST], EN_FOOT))
    assert article.headline == header[0]
    assert header[1] in article.extras[REMOVED]
    said = next(warning for warning in warnings if "furniture" in warning)
    assert header[1] in said
    assert "Home; News; Sport; ..." in said  # (and the first lines, as before)


OTHER_BYLINES = [
    ("Автор: Ирина Соколова", ["Ирина Соколова"]),
    ("מאת נועה לוי", ["נועה לוי"]),
    ("بقلم سامي خليل", ["سامي خليل"]),
    ("نویسنده: سارا رضایی", ["سارا رضایی"]),
    # (Greek prints the names after "of", in the genitive: kept as printed)
    ("Της Ελένης Δημητρίου", ["Ελένης Δημητρίου"]),
    ("Του Νίκου Αλεξίου", ["Νίκου Αλεξίου"]),
]
"""Byline labels of Russian, Hebrew, Arabic, Persian and Greek pages, and the names read."""


@pytest.mark.parametrize(("line", "names"), OTHER_BYLINES)
def test_byline_labels_and_forms_of_other_languages(line: str, names: list[str]) -> None:
    header = read_header(line)
    assert header is not None and header.kind == "byline"
    assert [person["name"] for person in header.value.people] == names  # type: ignore[attr-defined]


@pytest.mark.parametrize("line", ["Της Ελλάδας", "Του Ποταμού"])
def test_a_greek_article_before_one_word_is_no_byline(line: str) -> None:
    """ "Of Greece", "of the river": a place or a thing, not a byline (a name has two words)."""
    assert read_header(line) is None


def test_names_apart_by_a_slash_are_each_an_author() -> None:
    byline = parse_byline("Lucía Vera / Tomás Ruiz", labelled=False)
    assert byline is not None and byline.people == [{"name": "Lucía Vera"}, {"name": "Tomás Ruiz"}]


@pytest.mark.parametrize(
    ("line", "names", "outlet"),
    [
        ("By Lucía Vera / San Telmo", ["Lucía Vera"], None),
        ("Por Lucía Vera / El Faro Sur", ["Lucía Vera"], "El Faro Sur"),
        ("By Lucía Vera | Harbourwatch", ["Lucía Vera"], "Harbourwatch"),
        ("By WESTCLIFF TIMES Staff", [], None),
        ("Par LE PHARE Correspondant", [], None),
    ],
)
def test_a_place_or_an_outlet_in_a_byline_is_no_author(
    line: str, names: list[str], outlet: str | None
) -> None:
    """A slash before a place or an outlet (which opens with an article) parts no two authors;
    one word after a labelled byline's bar is its outlet; an outlet's name in capitals before its
    staff's job title names no one."""
    byline = parse_byline(line)
    assert byline is not None
    assert [person["name"] for person in byline.people] == names
    assert byline.organisation == outlet


@pytest.mark.parametrize(
    "line", ["Του Υπουργείου Ναυτιλίας", "Της Ελληνικής Ομοσπονδίας", "By 海港日报", "Von 港城"]
)
def test_no_body_nor_uncased_words_after_a_foreign_label(line: str) -> None:
    """A Greek genitive of a ministry or of "Hellenic" names a body, not a writer; words of a
    script without case are names only after a label of their own script."""
    header = read_header(line)
    assert header is None or header.kind != "byline"
    newsroom = parse_byline("Por: Redacción / Crónica Sur")  # (no two people: one credit)
    assert newsroom is not None and len(newsroom.people) == 1


def test_a_french_byline_with_the_job_title_after_the_names_in_capitals() -> None:
    byline = parse_byline("Par JEANNE MOREL, LUC FABRE Envoyés spéciaux à Nantes")
    assert byline is not None
    assert byline.people == [
        {"name": "JEANNE MOREL", "role": "Envoyés spéciaux à Nantes"},
        {"name": "LUC FABRE", "role": "Envoyés spéciaux à Nantes"},
    ]


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Jana Vidal | Valencia", None),
        ("Jana Vidal | Palma de Mallorca", None),
        ("Jana Vidal | Westcliff Courier", "Westcliff Courier"),
        ("Jana Vidal | Reuters", "Reuters"),
    ],
)
def test_a_place_after_a_bar_is_no_outlet(line: str, outlet: str | None) -> None:
    byline = parse_byline(line, labelled=False)
    assert byline is not None and byline.people == [{"name": "Jana Vidal"}]
    assert byline.organisation == outlet


@pytest.mark.parametrize(
    ("line", "kinds"),
    [
        ("Actualizado lunes 14/04/2025 09:12 horas", {"updated": date(2025, 4, 14)}),
        ("更新时间 2025年4月14日", {"updated": date(2025, 4, 14)}),
        ("更新时间 2025年4月14日, 格林尼治标准时间09:12", {"updated": date(2025, 4, 14)}),
        ("기사입력 2025-04-14 09:12", {"published": date(2025, 4, 14)}),
        (
            "기사입력 2025-04-14 09:12 기사수정 2025-04-15 10:30",
            {"published": date(2025, 4, 14), "updated": date(2025, 4, 15)},
        ),
        ("Опубликовано: 2025-04-14", {"published": date(2025, 4, 14)}),
        ("Дата публикации: 2025-04-14 09:12", {"published": date(2025, 4, 14)}),
        ("Ostatnia aktualizacja: 2025-04-14", {"updated": date(2025, 4, 14)}),
        ("Ngày đăng 2025-04-14", {"published": date(2025, 4, 14)}),
        ("公開日 2025年4月14日", {"published": date(2025, 4, 14)}),
        (
            "公開日：2025/04/14 09:12\u3000更新日：2025/04/15 10:30",  # (no space after "：")
            {"published": date(2025, 4, 14), "updated": date(2025, 4, 15)},
        ),
        ("2025/4/14 9:12", {"published": date(2025, 4, 14)}),
        (
            "14. April 2025 , aktualisiert 15. April 2025, 10:30 Uhr | Quelle: Hafenblatt Online",
            {"published": date(2025, 4, 14), "updated": date(2025, 4, 15)},
        ),
    ],
)
def test_date_lines_of_other_languages(line: str, kinds: dict[str, date]) -> None:
    header = read_header(line)
    assert header is not None
    found = dict(header_dates(header))
    assert {
        kind: getattr(value, "date", lambda v=value: v)() for kind, value in found.items()
    } == kinds


@pytest.mark.parametrize(
    "line",
    [
        "Born: 1950-03-02",
        "Died: 2024-05-01",
        "Kickoff: 2024-06-14, 21:00",
        "Deadline: 2024-06-30",
        "Deadline:2024-06-30",
        "締切：2024/06/30",
        "Since 2020-01-01, prices rose",
        "Opublikowano 2025-04-14, a potem rada miasta zmieniła zdanie",
    ],
)
def test_a_date_after_another_word_is_no_date_line(line: str) -> None:
    """Only a label that dates a publication or an update makes the date after it the story's;
    a birth, a deadline or a sentence's opening date is not."""
    header = read_header(line)
    assert header is None or header.kind not in ("published", "updated", "several")


def test_a_chinese_date_in_cst_is_china_standard_time() -> None:
    """CST after a date printed with the East Asian signs is China's (+08:00), not US Central."""
    header = read_header("2025年4月14日 10:41 CST")
    assert header is not None and header.kind == "published"
    assert header.value.utcoffset() == timedelta(hours=8)  # type: ignore[union-attr]


def test_names_before_a_date_are_no_label() -> None:
    """A line of names then a date written year first is a byline's (read by its place), not a
    date after a label."""
    header = read_header("Jana Vidal 2025-04-14")
    assert header is None or header.kind not in ("published", "updated")


def test_a_line_of_dates_with_a_source_is_no_picture() -> None:
    """A German date line with its update and a source after a bar ("| Quelle: ...") gives the
    dates and the source; it was read as a picture's caption and credit."""
    header = [
        "Hafen muss Teile der Kaimauer erneuern",
        ("14. April 2025 , aktualisiert 14. April 2025, 10:30 Uhr | Quelle: Hafenblatt Online"),
    ]
    story = [
        "Der Hafen muss einen Teil seiner alten Kaimauer erneuern lassen, weil die Steine seit"
        " dem letzten Winter an mehreren Stellen nachgeben und Wasser eindringt.",
        "Die Arbeiten sollen im Juni beginnen und bis zum Herbst dauern, teilte die Hafenbehörde"
        " am Montag mit; die Fähren legen in dieser Zeit am Nordkai an.",
    ]
    chrome = ["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur"]
    article, _ = read_copy(copy_of(chrome, header, story, ["Impressum", "Datenschutz"]))
    assert article.published == date(2025, 4, 14)
    assert article.source is not None and article.source.name == "Hafenblatt Online"
    assert not [block for block in article.body if block.type == "figure"]


@pytest.mark.parametrize(
    ("line", "name", "role"),
    [
        ("編集委員　山田花子", "山田花子", "編集委員"),
        ("记者 王小明", "王小明", "记者"),
        ("김민지 기자 minji@example.com", "김민지", "기자"),
    ],
)
def test_cjk_bylines_of_a_name_and_a_job_title(line: str, name: str, role: str) -> None:
    header = read_header(line)
    assert header is not None and header.kind == "byline"
    assert header.value.people == [{"name": name, "role": role}]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        (
            "Jeanne Morel, le 14 avril 2025 à Nantes (Photo Luc Fabre. AFP)",
            "Jeanne Morel, le 14 avril 2025 à Nantes",
            "Luc Fabre. AFP",
        ),
        (
            "Sala de lectura de la biblioteca. / LUIS MORA",
            "Sala de lectura de la biblioteca.",
            "LUIS MORA",
        ),
    ],
)
def test_captions_with_credits_french_and_spanish_pages_print(
    line: str, caption: str, credit: str
) -> None:
    assert read_caption(line) == Caption(caption, credit)


def test_a_gallery_section_in_brackets_is_no_credit() -> None:
    found = read_caption("Gallery: The harbour in winter (Photo Stories)")
    assert found is None or found.credit != "Stories"


FR_CHROME = ["Accueil", "Politique", "Economie", "Monde", "Culture", "Sports", "Abonnez-vous"]
FR_STORY = [
    "A Nantes, Jeanne Morel a présenté mardi soir un projet de passerelle qui doit relier les"
    " deux rives du fleuve avant la fin de la décennie.",
    "Le projet coûtera près de 90 millions d'euros, selon la mairie, qui compte sur l'aide de la"
    " région pour en financer une partie.",
    "A lire aussi : Notre récit du conseil municipal",
    "Les opposants dénoncent un calendrier trop ambitieux et demandent une étude indépendante"
    " avant le vote prévu au mois de juin.",
]


def test_a_french_caption_naming_someone_is_no_byline() -> None:
    """The caption of the lead picture names the person pictured first and dates the picture;
    with its credit in brackets it is a caption, and the labelled byline below is the
    article's, its job title after the names in capitals."""
    header = [
        "La maire promet une passerelle avant 2030",
        "14 avril 2025 à 18:27",
        "Jeanne Morel, le 14 avril 2025 à Nantes (Photo Luc Fabre. AFP)",
        "Par PAUL RIVIÈRE, ANNE GIRAUD Envoyés spéciaux à Nantes",
    ]
    article, _ = read_copy(copy_of(FR_CHROME, header, FR_STORY, ["Commenter", "Mentions légales"]))
    assert [person.name for person in article.authors] == ["PAUL RIVIÈRE", "ANNE GIRAUD"]
    figures = [block for block in article.body if block.type == "figure"]
    assert len(figures) == 1 and figures[0].credit == "Luc Fabre. AFP"
    assert "A lire aussi : Notre récit du conseil municipal" not in article.paragraphs


@pytest.mark.parametrize(
    ("byline", "names"), [*OTHER_BYLINES, ("Ana Vidal | Valencia", ["Ana Vidal"])]
)
def test_a_byline_of_another_language_under_the_headline_is_taken(
    byline: str, names: list[str]
) -> None:
    article, _ = read_copy(
        copy_of(EN_CHROME, ["Harbour town to open a new ferry pier", byline], EN_STORY, EN_FOOT)
    )
    assert [person.name for person in article.authors] == names
    assert article.source is None
    assert byline not in article.extras[REMOVED]


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        ("الأحد، 13 نيسان/ابريل 2025", date(2025, 4, 13), None),
        ("14 أبريل 2025", date(2025, 4, 14), None),
        ("الجمعة 11 أفريل 2025", date(2025, 4, 11), None),
        ("آخر تحديث: 14 كانون الثاني 2025", None, date(2025, 1, 14)),
        (
            "الاثنين، 14 نيسان/ابريل 2025، آخر تحديث 09:30 (GMT+0300)",
            date(2025, 4, 14),
            datetime(2025, 4, 14, 9, 30, tzinfo=timezone(timedelta(hours=3))),
        ),
    ],
)
def test_arabic_date_lines(line: str, published: date | None, updated: object) -> None:
    """Arabic month names (Egyptian, Levantine with the other name after a slash, Maghreb),
    the weekday and the Arabic comma, and the update's time after "آخر تحديث"."""
    header = read_header(line)
    assert header is not None
    found = dict(header_dates(header))
    assert found.get("published") == published
    assert found.get("updated") == updated


JA_STORY = [
    "【3月4日 AFP】港町は4日、北岸に新しいフェリー桟橋を開設すると発表した。"
    "工事は夏の観光シーズン前に終わる予定だ。",
    "港長は記者団に対し、新しい桟橋は夕方の便を古い岸壁から移し、漁船の荷揚げを楽にすると述べた。",
]


def test_a_japanese_date_before_a_full_width_space_and_a_labelled_place_dates_the_story() -> None:
    """``2024年3月4日 10:01　発信地：Place``: the date, then where the story was filed from."""
    header = [
        "港町が新しいフェリー桟橋を開設へ",
        "2024年3月4日 10:01\u3000発信地：オステルビー/北海",
    ]
    chrome = ["ホーム", "ニュース", "スポーツ", "お問い合わせ"]
    article, _ = read_copy(copy_of(chrome, header, JA_STORY, ["関連記事", "利用規約"]))
    assert article.headline == header[0]
    assert article.published == date(2024, 3, 4)
    assert article.paragraphs[0] == JA_STORY[0]


@pytest.mark.parametrize(
    "line",
    [
        "2024年3月4日 10:01\u3000オステルビー",  # (no label: a place or a name, not said which)
        "2024年3月4日、港で式典が開かれた。\u3000議長：山田",  # (a sentence before the space)
        "\u3000港長は2024年3月4日：式典で述べた。",  # (a paragraph's full-width indent)
    ],
)
def test_a_full_width_space_in_prose_makes_no_date_line(line: str) -> None:
    assert read_header(line) is None
