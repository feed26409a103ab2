"""Text direction and the language of the text in every writer: right-to-left articles (Arabic,
Hebrew, Persian, ... by language, script subtag, or their letters alone) read right to left in
HTML, DOCX and NewsML-G2, blocks that read the other way say so, and DOCX tags East Asian and
right-to-left text with the article's language. The texts are invented."""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import UTC, datetime

import pytest

from articlekit import Article, read, write
from articlekit.formats._direction import (
    article_directions,
    direction_runs,
    is_east_asian,
    language_direction,
    text_direction,
)
from articlekit.formats.docx.template import load
from articlekit.model import (
    Dateline,
    List,
    ListItem,
    Paragraph,
    Person,
    Quote,
    Span,
    Table,
    TableCell,
    TableRow,
)
from xmlcheck import NINJS_WRITERS, assert_ninjs_valid, written_and_read

ARABIC_HEADLINE = "افتتاح سوق جديد للكتب في الحي القديم"
ARABIC = "افتتحت البلدية سوقا جديدا للكتب المستعملة قرب الساحة، وقال المنظمون إنه سيفتح كل جمعة."
ARABIC_OPENING_IN_LATIN = "BBC قالت إن السوق يضم أربعين كشكا وإن الدخول مجاني للجميع."
ENGLISH_QUOTE = "We waited years for a place like this, said a bookseller from the harbour."
HEBREW = "העירייה פתחה שוק ספרים חדש ליד הכיכר, והמארגנים אמרו שהוא ייפתח בכל יום שישי."
PERSIAN = "شهرداری بازار تازه‌ای برای کتاب‌های دست دوم در نزدیکی میدان باز کرد."
ENGLISH = "The council opened a new market for second-hand books near the square."


def paragraph(text: str, **marks: bool) -> Paragraph:
    return Paragraph(content=[Span(text=text, **marks)])


def arabic_article(language: str | None = "ar") -> Article:
    """An Arabic story with a Latin name opening a paragraph, a bold name, an English quote, a
    list and a table."""
    return Article(
        headline=ARABIC_HEADLINE,
        byline="بقلم ليلى المصري",
        authors=[Person(name="ليلى المصري")],  # (the byline's, as readers take it)
        language=language,
        published=datetime(2024, 5, 3, 9, 30, tzinfo=UTC),
        dateline=Dateline(place="الميناء"),
        body=[
            Paragraph(
                content=[
                    Span(text="قال رئيس البلدية "),
                    Span(text="هشام يوسف", strong=True),
                    Span(text=" إن السوق سيجذب الزوار."),
                ]
            ),
            paragraph(ARABIC_OPENING_IN_LATIN),
            Quote(blocks=[paragraph(ENGLISH_QUOTE)]),
            List(
                items=[
                    ListItem(blocks=[paragraph("أربعون كشكا")]),
                    ListItem(blocks=[paragraph("دخول مجاني")]),
                ]
            ),
            Table(
                rows=[
                    TableRow(
                        cells=[
                            TableCell(content=[Span(text="اليوم")]),
                            TableCell(content=[Span(text="الجمعة")]),
                        ]
                    )
                ]
            ),
        ],
    )


# --- the shared rules ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tag",
    ["ar", "ar-EG", "fa", "fa-AF", "he", "iw", "ur", "yi", "ps", "ckb", "dv", "syr", "sd", "ug",
     "az-Arab", "az-IR", "pa-PK", "ku-Arab", "uz-Arab-AF", "ms-Arab", "ar-arz", "arz", "ji"],
)  # fmt: skip
def test_right_to_left_languages_by_language_script_and_region(tag: str) -> None:
    assert language_direction(tag) == "rtl"


@pytest.mark.parametrize(
    "tag",
    ["en", "en-GB", "fr", "zh-Hant-TW", "ja", "ko", "ru", "hi", "az", "pa", "ku-Latn", "ar-Latn",
     "sd-IN", "sd-Deva", "ug-Cyrl", "tr", "sr-Latn-RS"],
)  # fmt: skip
def test_left_to_right_languages(tag: str) -> None:
    assert language_direction(tag) == "ltr"


@pytest.mark.parametrize("tag", [None, "und", "mul", "zxx", "x-house", "qaa", "i-klingon"])
def test_tags_that_name_no_language_leave_the_direction_to_the_letters(tag: str | None) -> None:
    assert language_direction(tag) is None


def test_east_asian_languages_and_scripts() -> None:
    assert all(map(is_east_asian, ["zh", "zh-Hant", "ja-JP", "ko", "yue-HK", "vi-Hani"]))
    assert not any(map(is_east_asian, ["en", "ar", "zh-Latn", "ja-Latn", None, "und"]))


def test_the_letters_decide_without_a_language() -> None:
    assert text_direction(ARABIC_OPENING_IN_LATIN) == "rtl"  # (not the first letter)
    assert text_direction(HEBREW) == "rtl"
    assert text_direction(f"{ENGLISH} «سوق»") == "ltr"
    assert text_direction("2024-05-03, 17:00 – 19:30") is None
    assert article_directions(arabic_article(None)).base == "rtl"
    assert article_directions(Article(headline=ENGLISH, language="ar")).base == "rtl"  # (the tag)
    assert article_directions(Article(body=[paragraph(PERSIAN)], language="und")).base == "rtl"


def test_runs_are_cut_where_the_text_reads_against_its_paragraph() -> None:
    assert direction_runs("قال John Smith إن الجسر.", "rtl") == [
        ("قال ", True),
        ("John Smith", False),
        (" إن الجسر.", True),
    ]
    assert direction_runs("قال iPhone 15 في 2024.", "rtl")[1] == ("iPhone 15", False)
    assert direction_runs("The word سلام means peace.", "ltr") == [
        ("The word ", False),
        ("سلام", True),
        (" means peace.", False),
    ]
    assert direction_runs("42°S\ufeff / \ufeff174°E", "ltr") == [
        ("42°S\ufeff / \ufeff174°E", False)
    ]
    assert direction_runs(ENGLISH, "ltr") == [(ENGLISH, False)]


# --- HTML ------------------------------------------------------------------------------------


def page(article: Article, **options: str) -> str:
    written = write(article, format="html", options=options or None)
    assert read(written.value, format="html").value == article
    return written.value.decode()


def test_html_page_of_an_arabic_article_reads_right_to_left() -> None:
    html = page(arabic_article())
    assert '<html lang="ar" dir="rtl">' in html
    assert '<blockquote dir="ltr"><p>' + ENGLISH_QUOTE in html  # (an English quote)
    assert f"<p>{ARABIC_OPENING_IN_LATIN}</p>" in html  # (Arabic opening with a Latin name)
    assert 'datetime="2024-05-03T09:30:00+00:00" dir="ltr">' in html  # (dates in digits)
    assert "border-inline-start" in html and "border-left" not in html
    assert "text-align:start" in html


def test_html_direction_from_the_letters_when_no_language_is_given() -> None:
    html = page(Article(headline="שוק ספרים חדש", body=[paragraph(HEBREW)]))
    assert '<html dir="rtl">' in html


def test_html_fragment_carries_language_and_direction() -> None:
    html = page(
        Article(headline="بازار کتاب", body=[paragraph(PERSIAN)], language="fa"), fragment="true"
    )
    assert re.search(r'<article data-articlekit="1" lang="fa" dir="rtl">', html)


def test_html_english_page_marks_only_its_right_to_left_paragraph() -> None:
    article = Article(
        headline="Book market opens", language="en", body=[paragraph(ENGLISH), paragraph(ARABIC)]
    )
    html = page(article)
    assert '<html lang="en">' in html
    assert f'<p dir="rtl">{ARABIC}</p>' in html and f"<p>{ENGLISH}</p>" in html
    assert "border-inline-start" in html  # (the quote rule follows each element's direction)
    english = page(Article(headline="Book market opens", language="en", body=[paragraph(ENGLISH)]))
    assert " dir=" not in english and "border-left" in english  # (English pages as they were)


# --- DOCX ------------------------------------------------------------------------------------


def byline_style(styles: str) -> str:
    """The Byline style's definition in ``styles.xml``."""
    found = re.search(r'w:styleId="Byline">.*?</w:style>', styles)
    assert found is not None
    return found.group()


def docx_parts(article: Article) -> tuple[str, str, str]:
    """``document.xml``, ``styles.xml`` and ``settings.xml`` of the article written as .docx,
    which reads back to the same article, with the embedded copy and from what Word shows."""
    data = write(article, format="docx").value
    assert read(data, format="docx").value == article
    package = zipfile.ZipFile(io.BytesIO(data))
    shown = io.BytesIO()
    with zipfile.ZipFile(shown, "w") as copy:  # (without the embedded articlekit copy)
        for info in package.infolist():
            if not info.filename.startswith("customXml"):
                copy.writestr(info.filename, package.read(info.filename))
    seen = read(shown.getvalue(), format="docx").value
    assert [block.text for block in seen.body if isinstance(block, Paragraph)] == [
        block.text for block in article.body if isinstance(block, Paragraph)
    ]
    return tuple(  # type: ignore[return-value]
        package.read(f"word/{name}.xml").decode() for name in ("document", "styles", "settings")
    )


def test_docx_right_to_left_paragraphs_and_runs() -> None:
    document, styles, settings = docx_parts(arabic_article())
    assert (
        '<w:pPr><w:pStyle w:val="Title"/><w:bidi/></w:pPr><w:r><w:rPr><w:rtl/></w:rPr>' in document
    )
    assert (
        '<w:r><w:rPr><w:b/><w:bCs/><w:rtl/></w:rPr><w:t xml:space="preserve">هشام يوسف' in document
    )
    assert '<w:p><w:pPr><w:bidi/></w:pPr><w:r><w:t xml:space="preserve">BBC</w:t></w:r>' in document
    quote = re.search(
        r'<w:p><w:pPr><w:pStyle w:val="Quote"/></w:pPr><w:r><w:t[^>]*>We waited', document
    )
    assert quote is not None  # (the English quote reads left to right)
    assert '<w:numId w:val="3"/></w:numPr><w:bidi/></w:pPr>' in document
    assert '<w:tblStyle w:val="TableGrid"/><w:bidiVisual/>' in document
    assert '<w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar"/>' in styles
    assert '<w:themeFontLang w:val="en-US" w:eastAsia="ja-JP" w:bidi="ar"/>' in settings
    assert "<w:rPr><w:i/><w:iCs/></w:rPr>" in byline_style(styles)


def test_docx_hebrew_text_is_proofed_as_hebrew() -> None:
    _, styles, _ = docx_parts(
        Article(headline="שוק ספרים", language="he-IL", body=[paragraph(HEBREW)])
    )
    assert 'w:bidi="he-IL"' in styles


def test_docx_right_to_left_without_a_language_keeps_the_template_languages() -> None:
    document, styles, settings = docx_parts(Article(body=[paragraph(PERSIAN)]))
    paragraph_start = "<w:p><w:pPr><w:bidi/></w:pPr><w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="
    assert f'{paragraph_start}"preserve">{PERSIAN}' in document
    assert '<w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/>' in styles
    assert '<w:themeFontLang w:val="en-US" w:eastAsia="ja-JP"/>' in settings


def test_docx_arabic_words_in_an_english_paragraph() -> None:
    text = "The sign over the gate reads سوق الكتب in gold letters."
    document, _, _ = docx_parts(Article(language="en", body=[paragraph(text, emphasis=True)]))
    assert (
        '<w:p><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">The sign over the gate reads '
        '</w:t></w:r><w:r><w:rPr><w:i/><w:iCs/><w:rtl/></w:rPr><w:t xml:space="preserve">سوق الكتب'
        '</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve"> in gold letters.'
    ) in document


@pytest.mark.parametrize(
    ("language", "east_asian"),
    [("zh", "zh"), ("zh-Hant-TW", "zh-Hant-TW"), ("ja", "ja"), ("ko-KR", "ko-KR")],
)
def test_docx_east_asian_text_is_tagged_with_the_article_language(
    language: str, east_asian: str
) -> None:
    _, styles, settings = docx_parts(
        Article(
            headline="新しい本の市場", language=language, body=[paragraph("本の市場が開いた。")]
        )
    )
    assert f'<w:lang w:val="en-US" w:eastAsia="{east_asian}" w:bidi="ar-SA"/>' in styles
    assert f'<w:themeFontLang w:val="en-US" w:eastAsia="{east_asian}"/>' in settings


@pytest.mark.parametrize("language", ["fr", "de-CH", "en-GB", "pt-BR"])
def test_docx_text_of_a_latin_script_language_is_proofed_in_it(language: str) -> None:
    """Word proofs a French story in French, not in the template's US English."""
    _, styles, settings = docx_parts(
        Article(headline="Marché du livre", language=language, body=[paragraph(ENGLISH)])
    )
    assert f'<w:lang w:val="{language}" w:eastAsia="en-US" w:bidi="ar-SA"/>' in styles
    assert (
        settings == load().settings.decode()
    )  # (the theme's Latin fonts serve every such language)


@pytest.mark.parametrize("language", ["th", "hi", "ta-IN", "my"])
def test_docx_text_of_a_complex_left_to_right_script_is_proofed_as_complex(language: str) -> None:
    """Word proofs Thai, Devanagari, Tamil and Burmese text in the complex-script language, as
    it does right-to-left text: the article's language goes there, not to the Latin one."""
    _, styles, _ = docx_parts(
        Article(headline="Market", language=language, body=[paragraph(ENGLISH)])
    )
    assert f'<w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="{language}"/>' in styles


@pytest.mark.parametrize("language", ["und", "zxx", "x-house", "hi-Latn"])
def test_docx_tags_naming_no_language_keep_the_template_and_scripts_decide(language: str) -> None:
    _, styles, _ = docx_parts(
        Article(headline="Market", language=language, body=[paragraph(ENGLISH)])
    )
    latin = "hi-Latn" if language == "hi-Latn" else "en-US"
    assert f'<w:lang w:val="{latin}" w:eastAsia="en-US" w:bidi="ar-SA"/>' in styles


def test_docx_bold_and_italic_of_indic_and_thai_text_are_complex_script_too() -> None:
    """Word shows Devanagari or Thai bold only by ``w:bCs`` (italic by ``w:iCs``), as it does
    right-to-left text: such runs and articlekit's styles carry both; Latin runs only ``w:b``."""
    article = Article(
        headline="नया बाज़ार",
        language="hi",
        byline="राहुल शर्मा",
        body=[
            Paragraph(
                content=[
                    Span(text="नगर परिषद ने "),
                    Span(text="नया बाज़ार", strong=True),
                    Span(text=" खोला। "),
                    Span(text="ตลาดใหม่", emphasis=True),
                    Span(text=" and in English", strong=True),
                ]
            )
        ],
    )
    document, styles, _ = docx_parts(article)
    assert '<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">नया बाज़ार' in document
    assert '<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">ตลาดใหม่' in document
    assert '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> and in English' in document
    assert "<w:rPr><w:i/><w:iCs/></w:rPr>" in byline_style(styles)


def test_docx_english_article_keeps_the_template() -> None:
    document, styles, settings = docx_parts(
        Article(headline="Book market", language="en", body=[paragraph(ENGLISH)])
    )
    assert "<w:bidi/>" not in document and "<w:rtl/>" not in document
    template = load()
    assert (styles, settings) == (template.styles.decode(), template.settings.decode())


# --- NewsML-G2, NITF, ninjs ------------------------------------------------------------------


def test_newsml_says_the_direction_of_the_item_and_of_what_reads_otherwise() -> None:
    article = arabic_article()
    article = article.model_copy(update={"subheadline": "A market for old books"})
    written, back = written_and_read(article, "newsml")
    assert back == article
    xml = written.value.decode()
    assert re.search(r'<newsItem [^>]*xml:lang="ar" dir="rtl">', xml)
    assert '<headline role="akrole:subheadline" dir="ltr">A market for old books</headline>' in xml
    assert '<html xmlns="http://www.w3.org/1999/xhtml" dir="rtl">' in xml
    assert '<blockquote dir="ltr">' in xml


def test_newsml_plain_body_with_a_paragraph_reading_otherwise() -> None:
    article = Article(
        headline=ARABIC_HEADLINE, language="ar", body=[paragraph(ARABIC), paragraph(ENGLISH)]
    )
    written, back = written_and_read(article, "newsml")
    assert back == article
    assert f'<p dir="ltr">{ENGLISH}</p>' in written.value.decode()


def test_nitf_has_no_direction_attribute() -> None:
    for kind, options in (("nitf", None), ("newsml", {"body": "nitf"})):
        written, back = written_and_read(arabic_article(), kind, options)
        assert back == arabic_article()
        assert " dir=" not in written.value.decode().split("<nitf", 1)[-1]


@pytest.mark.parametrize("name", sorted(NINJS_WRITERS))
def test_ninjs_html_says_what_its_language_does_not(name: str) -> None:
    article = Article(headline="بازار کتاب", body=[paragraph(PERSIAN), paragraph(ENGLISH)])
    for language, marked in ((None, f'<p dir="rtl">{PERSIAN}</p><p>{ENGLISH}</p>'),
                             ("fa", f'<p>{PERSIAN}</p><p dir="ltr">{ENGLISH}</p>')):  # fmt: skip
        item = article.model_copy(update={"language": language})
        data = write(item, format=name).value
        assert_ninjs_valid(data, NINJS_WRITERS[name])
        assert marked in json.dumps(json.loads(data), ensure_ascii=False).replace('\\"', '"')
        assert read(data, format=name).value == item
