"""Web copies in scripts whose sentences end with other marks than ``.!?`` (Devanagari's danda,
Burmese, Armenian, Ethiopic...) or with none (Thai). All text here is invented."""

from __future__ import annotations

import pytest

from articlekit.prose import stopwords, webcopy
from test_webcopy_headers import read_page

HINDI_MENU = ["मुख्य पृष्ठ", "देश", "दुनिया", "मनोरंजन", "हमसे जुड़ें"]
HINDI_HEADLINE = "सुंदरपुर गाँव में नया पुस्तकालय खुला"
HINDI_BODY = [
    "सुंदरपुर गाँव में शनिवार को एक नया सार्वजनिक पुस्तकालय खोला गया, जिसमें बच्चों और बुजुर्गों"
    " के लिए हजारों किताबें रखी गई हैं।",
    "ग्राम प्रधान ने बताया कि पुस्तकालय हर दिन सुबह आठ बजे से शाम छह बजे तक खुला रहेगा और सदस्यता मुफ्त होगी।",
    "एक छात्रा ने कहा कि अब उसे परीक्षा की तैयारी के लिए किताबें लेने शहर नहीं जाना पड़ेगा।",
]
HINDI_FOOT = ["ताज़ा खबरें", "गोपनीयता नीति", "© 2024 सुंदरपुर समाचार"]

THAI_MENU = ["หน้าหลัก", "ข่าวภูมิภาค", "กีฬา", "บันเทิง", "ติดต่อ"]
THAI_HEADLINE = "หมู่บ้านริมทะเลเปิดห้องสมุดชุมชนแห่งแรก"
THAI_BODY = [
    "ชาวบ้านในหมู่บ้านริมทะเลแห่งหนึ่งร่วมกันเปิดห้องสมุดชุมชนแห่งแรกเมื่อวันเสาร์ที่ผ่านมา"
    " โดยมีหนังสือมากกว่าสองพันเล่มสำหรับเด็กและผู้สูงอายุ",
    "ผู้ใหญ่บ้านกล่าวว่าห้องสมุดจะเปิดให้บริการทุกวันตั้งแต่แปดโมงเช้าจนถึงหกโมงเย็น"
    " และไม่มีค่าใช้จ่ายในการสมัครสมาชิกแต่อย่างใด",
    "นักเรียนคนหนึ่งบอกว่าตอนนี้เธอไม่ต้องเดินทางเข้าเมืองเพื่อหาหนังสืออ่านเตรียมสอบอีกต่อไป"
    " และดีใจมากที่มีที่นั่งอ่านหนังสือเงียบๆ",
]
THAI_FOOT = ["ข่าวล่าสุด", "นโยบายความเป็นส่วนตัว", "© 2567 ข่าวชายฝั่ง"]


def page(menu: list[str], headline: str, body: list[str], foot: list[str]) -> str:
    """A copied page: a menu (a line an item), the headline, the paragraphs, the footer links."""
    return "\n".join([*menu, "", headline, "", "\n\n".join(body), "", *foot, ""])


def test_a_hindi_page_is_read_by_its_danda() -> None:
    """The danda ends a Hindi sentence as the full stop ends an English one: the paragraphs are
    prose, the menu and the footer furniture around them."""
    article, _ = read_page(page(HINDI_MENU, HINDI_HEADLINE, HINDI_BODY, HINDI_FOOT).encode())
    assert article.headline == HINDI_HEADLINE
    assert article.paragraphs == HINDI_BODY


def test_a_thai_page_is_read_without_sentence_marks() -> None:
    """Thai ends no sentence with a mark: its long lines of Thai letters are the paragraphs, its
    short ones menu items, and the headline is no paragraph."""
    article, _ = read_page(page(THAI_MENU, THAI_HEADLINE, THAI_BODY, THAI_FOOT).encode())
    assert article.headline == THAI_HEADLINE
    assert article.paragraphs == THAI_BODY
    assert article.language == "th"


@pytest.mark.parametrize(
    "line",
    [
        "गाँव के लोगों ने नए पुस्तकालय का स्वागत किया॥",
        "Գյուղում բացվեց նոր գրադարան։",
        "በመንደሩ አዲስ ቤተ መጻሕፍት ተከፈተ።",
        "هل سيفتح الجسر الجديد قبل الصيف؟",
        "گاؤں میں نئی لائبریری کھل گئی۔",
        "ရွာမှာ စာကြည့်တိုက်အသစ် ဖွင့်လှစ်ခဲ့သည်။",
        "ཨ་མས་ཁོ་ལ་དཔེ་ཆ་གཅིག་སྤྲད་།",
        "ភូមិបានបើកបណ្ណាល័យថ្មី។",
        "Θα ανοίξει η νέα βιβλιοθήκη το καλοκαίρι\u037e",
        "新しい図書館が村に開館した．",
    ],
)
def test_sentence_marks_of_other_scripts_end_a_sentence(line: str) -> None:
    assert webcopy._ends_a_sentence(line)


def test_a_thai_line_ends_a_sentence_by_its_length() -> None:
    """A Thai paragraph ends with a letter; a headline or a menu item as long as a headline does
    not read as one, nor a long line of mostly other letters."""
    assert all(map(webcopy._ends_a_sentence, THAI_BODY))
    assert not webcopy._ends_a_sentence(THAI_HEADLINE)
    assert not webcopy._ends_a_sentence(THAI_MENU[1])
    mixed = "Harbour Gate Community Library opening hours and membership " + THAI_MENU[1] * 3
    assert not webcopy._ends_a_sentence(mixed)


@pytest.mark.parametrize("extra", [" \U0001f600", "（ภาพ）", " 「ข่าว」"])
def test_a_thai_line_with_an_emoji_or_a_full_width_bracket_counts_thai_letters(extra: str) -> None:
    """A Thai letter is a fifth of a word, a CJK character 0.6 of one, by script: an emoji or a
    CJK bracket in a Thai line does not make its Thai letters weigh as CJK characters."""
    line = THAI_MENU[1] + extra
    unspaced = webcopy._unspaced_counts([line])[0]
    thai = sum("\u0e00" <= character <= "\u0e7f" for character in line)
    expected = thai * stopwords.THAI_WORD + (unspaced - thai) * 0.6
    assert webcopy._words(line, unspaced) == pytest.approx(expected)


def test_a_title_ending_with_a_full_stop_of_another_script_is_no_headline() -> None:
    assert not webcopy._titled("पुस्तकालय खुला।", False, True, 45, 2.0)
    assert webcopy._titled("क्या पुस्तकालय खुलेगा?", False, True, 60, 2.0)


ARABIC_MENU = ["الصفحة الأولى", "محليات", "رياضة", "ثقافة", "اتصل بنا"]
ARABIC_HEADLINE = "افتتاح مكتبة عامة جديدة في قرية الزيتون"
ARABIC_BODY = [
    "افتتحت بلدية قرية الزيتون يوم السبت مكتبة عامة جديدة تضم آلاف الكتب للأطفال وكبار السن، بعد"
    " عامين من أعمال البناء.",
    "وقال رئيس البلدية إن المكتبة ستفتح أبوابها كل يوم من الثامنة صباحا حتى السادسة مساء، وإن"
    " الاشتراك فيها مجاني.",
    "وقالت طالبة إنها لن تضطر بعد الآن إلى السفر إلى المدينة لاستعارة كتب الامتحانات.",
]
ARABIC_FOOT = ["آخر الأخبار", "سياسة الخصوصية", "© 2024 أخبار الزيتون"]
RLM, LRM, RLE, PDF = "\u200f", "\u200e", "\u202b", "\u202c"


def arabic_page(before: str, after: str) -> str:
    """The Arabic page with ``before`` and ``after`` around each line, as pages of right-to-left
    text put direction marks or embeddings there."""
    lines = page(ARABIC_MENU, ARABIC_HEADLINE, ARABIC_BODY, ARABIC_FOOT).split("\n")
    return "\n".join(before + line + after if line else line for line in lines)


def test_direction_marks_around_each_line_are_kept_but_not_judged() -> None:
    """An RLM at both ends of each line of an Arabic page shows nothing: the page reads as it
    does without them (the RLM after a full stop hid the sentence end), and the article keeps
    them all, unreported (in a left-to-right container an RLM keeps the full stop on the right
    side)."""
    plain, _ = read_page(arabic_page("", "").encode())
    marked, codes = read_page(arabic_page(RLM, RLM).encode())
    assert plain.headline == ARABIC_HEADLINE
    assert plain.paragraphs == ARABIC_BODY
    assert marked.headline == RLM + ARABIC_HEADLINE + RLM
    assert marked.paragraphs == [RLM + paragraph + RLM for paragraph in ARABIC_BODY]
    assert not {"text-direction-marks-dropped", "invisible-characters"} & set(codes)


def test_an_arabic_quotation_in_an_english_story_keeps_its_direction_marks() -> None:
    """An Arabic line set between RLMs inside an English story keeps them: they put its full stop
    at its left end when the article is shown left to right; and a stray LRM on a menu line left
    out of the article is no warning either."""
    quotation = RLM + "مرحبا بكم في الميناء الجديد لمدينة الصيادين." + RLM
    body = [
        "The harbour town said on Monday it would open a new ferry pier on the north shore, with"
        " work due to end before the summer season.",
        "A banner over the gate greeted visitors from across the sea with a line of welcome:",
        quotation,
        "Fishermen said they had asked for a pier of their own for a decade, because the old quay"
        " was crowded and slow at night.",
    ]
    menu = ["Home", "News" + LRM, "Sport", "Weather", "Contact"]
    article, codes = read_page(
        page(menu, "Harbour town to open a new ferry pier", body, ["Related", "Privacy"]).encode()
    )
    assert article.paragraphs == body
    assert "text-direction-marks-dropped" not in codes


def test_embeddings_around_each_line_are_kept_but_not_judged() -> None:
    """An embedding (RLE ... PDF) around each line is kept, as the reader keeps every character
    that does not show and says so, but the lines are judged without it."""
    article, codes = read_page(arabic_page(RLE, PDF).encode())
    assert article.headline == RLE + ARABIC_HEADLINE + PDF
    assert article.paragraphs == [RLE + paragraph + PDF for paragraph in ARABIC_BODY]
    assert "invisible-characters" in codes


@pytest.mark.parametrize("mark", [RLM, LRM])
def test_a_credit_closing_an_arabic_paragraph_before_a_direction_mark_is_cut_whole(
    mark: str,
) -> None:
    """A direction mark after the credit is not measured as part of it: the whole credit is cut,
    and the mark closes the paragraph."""
    body = [*ARABIC_BODY[:-1], f"{ARABIC_BODY[-1]} — AFP{mark}"]
    article, _ = read_page(page(ARABIC_MENU, ARABIC_HEADLINE, body, ARABIC_FOOT).encode())
    assert article.paragraphs == [*ARABIC_BODY[:-1], ARABIC_BODY[-1] + mark]
    assert "— AFP" in article.extras["text:removed_lines"]


CHINESE_MENU = ["首页", "本地", "体育", "文化", "联系我们"]
CHINESE_HEADLINE = "青石镇渡口重新开放"
CHINESE_BODY = [
    "青石镇的渡口星期一重新开放，镇政府说新码头可以同时停靠三艘渡船，工程比原计划提前两个月完成。",
    "一位在渡口经营茶摊三十年的老人说：「过去每逢雨季码头就会被淹，现在终于可以安心做生意了。」",
    "镇长表示，明年还将在河对岸修建一座小型候船室，供早班的学生和老人使用。",
]
CHINESE_FOOT = ["相关新闻", "隐私政策", "© 2024 青石镇日报"]


def test_cjk_paragraphs_copied_without_blank_lines_stay_apart() -> None:
    """A browser copies some pages' paragraphs with no blank line between them: a line of Chinese
    that ends its sentence (with 。, or 」 after one) ends its paragraph, as a Latin one does."""
    dated = [CHINESE_HEADLINE, "2024年5月6日"]  # (a line right under the headline is its deck)
    lines = "\n".join([*CHINESE_MENU, *dated, *CHINESE_BODY, *CHINESE_FOOT, ""])
    article, _ = read_page(lines.encode())
    assert article.headline == CHINESE_HEADLINE
    assert article.paragraphs == CHINESE_BODY


def test_a_hard_wrapped_cjk_paragraph_ends_at_a_short_line_ending_its_sentence() -> None:
    """A text wrapped at a fixed width: a short line that ends a sentence ends its paragraph when
    the next line opens one, which in a script without capitals any letter does."""
    first = [
        "青石镇的渡口星期一重新开放，镇政府说新码头可以同时停靠三艘渡船，",
        "工程比原计划提前完成。",
    ]
    second = [
        "一位在渡口经营茶摊三十年的老人说，过去每逢雨季码头就会被淹，现在",
        "终于可以安心做生意了。",
    ]
    text = "\n".join([CHINESE_HEADLINE, "", *first, *second, ""])
    article, _ = read_page(text.encode())
    assert article.paragraphs == ["".join(first), "".join(second)]


TURKISH_BODY = [
    "Karadeniz kıyısındaki küçük balıkçı kasabasında belediye, limana yeni bir yolcu iskelesi"
    " yapılacağını pazartesi günü duyurdu.",
    "Belediye başkanı, iskelenin yaz aylarında artan feribot trafiğini rahatlatacağını ve balıkçı"
    " teknelerine de ayrı bir bölüm ayrılacağını belirtti.",
    "Projenin maliyeti yaklaşık on milyon lira olarak hesaplandı; bunun bazı kısımlarını bakanlık"
    " üstlenecek, kalanı ise belediye bütçesinden ödenecek.",
    "Kasabada otuz yıldır çay ocağı işleten yaşlı bir esnaf, eski iskelenin her kış fırtınada hasar"
    " gördüğünü ve yenisini nasıl sabırsızlıkla beklediklerini anlattı.",
    "Liman işletmesi ise inşaat süresince sabah seferlerinin komşu körfezdeki geçici rampadan"
    " kalkacağını açıkladı.",
]
URDU_BODY = [
    "شہر کی بلدیہ نے پیر کے روز اعلان کیا کہ پرانے شہر میں دریا پر ایک نیا پیدل پل بنایا جائے گا"
    " اور اس کا کام اسی گرمی میں شروع ہو جائے گا۔",
    "میئر نے کہا کہ یہ پل شہر کے مرکز میں ٹریفک کو کم کرے گا اور سائیکل چلانے والوں کے لیے بھی"
    " زیادہ جگہ فراہم کرے گا۔",
    "علاقے کے رہنے والوں کا کہنا ہے کہ وہ کئی سالوں سے اس پل کا انتظار کر رہے تھے کیونکہ پرانا"
    " راستہ بہت لمبا اور بچوں کے لیے خطرناک تھا۔",
]


def test_languages_that_write_function_words_as_affixes_are_told() -> None:
    """Arabic writes its article and most prepositions onto words and Turkish its cases as
    endings: their prose holds fewer free-standing function words than a quarter, and is told
    all the same (the Turkish list is read as the Turkish it is: "nasıl", "bazı")."""
    assert stopwords.clear_language(ARABIC_BODY * 2) == "ar"
    assert stopwords.clear_language(TURKISH_BODY) == "tr"
    assert {"nasıl", "bazı", "şey"} <= stopwords.stoplist("tr")


def test_no_affixing_language_is_told_on_a_short_text_or_another_language() -> None:
    """Two sentences say no language; Urdu, written in the Arabic script, is neither Arabic nor
    Persian; an English story quoting a Turkish sentence is English."""
    assert stopwords.clear_language(TURKISH_BODY[:2]) is None
    assert stopwords.clear_language(ARABIC_BODY[:1]) is None
    assert stopwords.clear_language(URDU_BODY) is None
    quoted = "The mayor of the town said that the new pier would open in the spring, and that the"
    quoted += " ferries would use it from May. “" + TURKISH_BODY[1] + "” It was a short meeting."
    assert stopwords.clear_language([quoted] * 3) == "en"


def test_the_arabic_page_gets_its_language() -> None:
    article, _ = read_page(arabic_page("", "").encode())
    assert article.language == "ar"


JAPANESE_STORY_WITH_LATIN_NAMES = [
    "来年に発売される予定の小さなコンピュータ「Kestrel Board Mini」は、手のひらに載る大きさながら、"
    "「Lumen Desktop」と「Otterbox Office」の完全版がそのまま動くという。",
    "「Kestrel Board Mini」は、「Lumen Linux（Fernwood）」や「Otterbox Server」"
    "「Quillon Core」など、多くのOSが動くボードだ。そして、その速さは「Harborpi Model Z」を"
    "超えるという。値段はまだ決まっていないが、学校や工場での利用を見込んでいる。",
    "（この記事は、Gearbench Japanで2024年3月1日に載せた記事の転載です。"
    "続きはGearbench Japanで読めます）",
]
ENGLISH_LICENCE_FOOTER = (
    "The Japanese edition of 'Northwind Weekly' is published under licence from Quillon Media"
    " Group, Marble Bay, NV, USA. Articles in 'Northwind Weekly Japan' that first appeared in the"
    " US edition are the property of Quillon Media Group or its partners, Inc."
)


def test_latin_names_in_japanese_paragraphs_do_not_make_them_english() -> None:
    # (a character of kana or kanji says as much as three Latin letters: the product names in
    # Latin letters are fewer than that, and an English footer line under the story must not
    # tip the page's language)
    lines = [*JAPANESE_STORY_WITH_LATIN_NAMES, ENGLISH_LICENCE_FOOTER]
    assert stopwords.guess_language(lines) == "ja"
    english = (
        "The harbour museum of Osterby opened a hall of Japanese prints on Saturday, among them a"
        " scroll titled 「海の道」 that the curator said had not been shown in Europe before."
    )
    assert stopwords.guess_language([english, ENGLISH_LICENCE_FOOTER]) == "en"
