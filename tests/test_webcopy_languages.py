"""Web copies in many languages: header lines (bylines, dates) as pages in those languages print
them, and paragraphs that close with an agency's credit. The pages are written for these tests
(invented names, places and stories), laid out as select-all and paste gives them."""

from __future__ import annotations

import pytest

from articlekit import Article, read

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
        "“We will build the pier this year,” the mayor said. — Jane Moe",  # (a quote's author)
    ],
)
def test_a_paragraph_closing_with_no_credit_is_kept_whole(last: str) -> None:
    story = [*EN_STORY, EN_LAST + " It will open in June.", last]
    article, _ = read_copy(
        copy_of(EN_CHROME, ["Harbour town to open a new ferry pier"], story, EN_FOOT)
    )
    assert all(part not in article.extras[REMOVED] for part in ("(AFP)", "— Jane Moe"))
    assert article.paragraphs[-1] in (last, story[-2])  # (whole, or left out whole)


def test_the_warning_names_the_lines_left_out_under_the_headline() -> None:
    """A line under the headline the reader does not take (here a date in a form it does not
    know) is left out with the menu; the warning names it, whatever the menu's length, so that
    a user sees a byline or a date went."""
    header = ["Harbour town to open a new ferry pier", "Julkaistu 6.5.2025 klo 14.20"]
    article, warnings = read_copy(copy_of(EN_CHROME, header, [*EN_STORY, EN_LAST], EN_FOOT))
    assert article.headline == header[0]
    assert header[1] in article.extras[REMOVED]
    said = next(warning for warning in warnings if "furniture" in warning)
    assert header[1] in said
    assert "Home; News; Sport; ..." in said  # (and the first lines, as before)
