"""The cheap tests that spare the web-copy reader its slow patterns must never change a result:
each says "no match" only where its pattern finds none, and the word splitters give the pattern's
words. Text is drawn from fragments that meet the patterns' edges (labels, weekdays, case traps
such as "ı" and "ſ", brackets, stops)."""

from __future__ import annotations

import re
import sys
from collections import Counter

from hypothesis import example, given, settings
from hypothesis import strategies as st

from articlekit.prose import byline, captions, furniture, headers, stopwords, webcopy
from articlekit.prose.substrings import AnyOf, rare_first_pattern

FRAGMENTS = [
    " ", ",", ".", "|", "—", "-", " - ", "/ ", "(", ")", "[", "]", ":", "：", "'", "’", "“", "”",
    "»", "!", "?", "…", ";", "=", "@jd", "1", "٣", "²", "_", "ı", "ſ", "İ", "K", "é", "Ç",
    "人工", "ไทย", "かな", "By", "by", "BY", "Von", "Par", "Text:", "作者：", "来源：", "Jane",
    "Doe", "JANE", "and", "Monday", "MON.", "Tues", "sábado", "LUNEDÌ", "updated", "Mis À Jour",
    "Photo", "PHOTO by", "Credit", "Crédit", "Image credit", "Quelle", "Reprodução",
    "Ilustración", "Getty Images", "AFP", "AP", "U.S.", "Jr.", "Co", "Video", "Sign in",
    "Read More", "cookie", "Follow", "x", "the", "town", "2019", "Nov 18", "Gallery", "3 of",
    "View this image ›", "İmage",
]  # fmt: skip
texts = st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join)


WORD_FRAGMENTS = [
    *FRAGMENTS, "don't", "it'll", "l'", "d’", "’s", "'", "x²", "\xa0", "\u2009", "\x1f", "\t",
    "\u212a", "ﬁ", "ß", "ΟΔΟΣ", "–", "„", "‘", "«", "l’homme", "п'ять", "и", "der", "les", "che",
    "\ud800", "\x00", "é", "e\u0301",
]  # fmt: skip
word_texts = st.lists(st.sampled_from(WORD_FRAGMENTS), max_size=16).map("".join)
any_texts = st.text(st.characters(blacklist_categories=()), max_size=30)
LANGUAGES = ("en", "de", "fr", "it", "uk", "ro", "zh", "xx", "zh-Hans")


def _utf8(word: str) -> bytes:
    return word.encode("utf-8", "surrogatepass")


@given(st.one_of(word_texts, any_texts))
@example("Don't—“quoted” l’homme it'll x² ſ\xa0a\u2009b 3rd")
@example("THE MĀORI AND THE \u212aELVIN ÜBER DIE STRAßE, İSTANBUL'S ﬁRST")
def test_word_counts_are_those_of_the_word_pattern(text: str) -> None:
    """The words counted in C are those of the pattern, one by one."""
    folded = text.casefold()
    found = stopwords._WORD.findall(folded)
    for language in LANGUAGES:
        function_words = stopwords.stoplist(language)
        hits = sum(1 for word in found if word in function_words)
        assert stopwords._count(text, language) == (len(found), hits)
    assert stopwords._word_counts(folded) == Counter(map(_utf8, found))
    candidates = stopwords._BY_SCRIPT["latin"]
    expected = {
        language: sum(1 for word in found if word in stopwords.stoplist(language))
        for language in candidates
    }
    assert stopwords._hits(folded, candidates) == expected
    counts = stopwords._word_counts(folded)
    assert stopwords._hits_by_lists(counts, candidates) == expected  # a one-shot run's way
    assert stopwords._hits_by_lanes(folded, candidates) == expected  # a batch's way
    assert stopwords._distinct_tokens(folded) == set(stopwords._TOKEN.findall(folded))


def test_folding_beyond_ascii_gives_no_ascii_but_letters_and_the_apostrophe() -> None:
    """So the chunks of a text's bytes with only its ASCII letters lowered are those of its
    case-folded text (what :func:`stopwords._count` counts without folding the whole text)."""
    spacing = [
        char
        for char in map(chr, range(0x80, sys.maxunicode + 1))
        if any(
            folded < "\x80" and not folded.isalpha() and folded != "'" for folded in char.casefold()
        )
    ]
    assert spacing == []


def test_function_words_are_counted_past_a_lane_of_sixteen_bits() -> None:
    """A text with more words of a language than 2**16 widens the lanes of the counts."""
    folded = "a de l’a " * 40_000
    found = stopwords._WORD.findall(folded)
    candidates = stopwords._BY_SCRIPT["latin"]
    expected = {
        language: sum(1 for word in found if word in stopwords.stoplist(language))
        for language in candidates
    }
    assert max(expected.values()) >= 2**16
    assert stopwords._hits_by_lanes(folded, candidates) == expected


@given(st.one_of(word_texts, any_texts), st.sampled_from(LANGUAGES))
def test_stopword_ratio_is_the_share_of_the_pattern_words(text: str, language: str) -> None:
    function_words = stopwords.stoplist(language)
    if not function_words:
        expected = 0.0
    elif language in stopwords.UNSPACED:
        letters = [char for char in text if char.isalpha()]
        expected = (
            sum(1 for char in letters if char in function_words) / len(letters) if letters else 0.0
        )
    else:
        found = stopwords._WORD.findall(text.casefold())
        expected = sum(1 for word in found if word in function_words) / len(found) if found else 0.0
    words = stopwords.Words()
    assert stopwords.stopword_ratio(text, language) == expected
    assert stopwords.stopword_ratio(text, language, words) == expected
    assert stopwords.stopword_ratio(text, language, words) == expected  # (now from the cache)


@given(texts)
def test_date_test_lets_every_date_through(text: str) -> None:
    text = " ".join(text.split())
    if not byline._may_hold_date(text):
        assert byline._DATE_START.search(text) is None
        for separator in byline._PART_SEPARATOR.finditer(text):
            assert byline._DATE_START.match(" " + text[separator.end() :]) is None


YEAR_FIRST_FRAGMENTS = [
    *FRAGMENTS, "2024", "2013-10-24", "2024/05/03", "2024.05.03", "2012年12月10日", "年", "-",
    "05", " 03:00", "기사입력", "Опубликовано:", "更新时间", "Updated:", "Written", "\u3000",
    "公開日：",
]  # fmt: skip


@given(st.lists(st.sampled_from(YEAR_FIRST_FRAGMENTS), max_size=12).map("".join))
@example("기사입력 2013-10-24 03:00 기사수정 2013-10-24 09:30")
@example("更新时间 2012 年 12月10日")
def test_year_first_test_lets_every_year_first_date_through(text: str) -> None:
    if not headers._may_hold_year_first(text):
        assert headers._NUMBERS_AFTER_LABEL.search(text) is None
        assert headers._NEXT_LABELLED_DATE.search(text) is None


@given(texts)
def test_byline_header_test_lets_every_byline_through(text: str) -> None:
    found = headers.read_header(text)
    if found is not None and found.kind == "byline":
        assert headers.may_be_byline(text)


@given(
    st.lists(
        st.sampled_from(
            [
                *FRAGMENTS,
                "\t",
                "\u2003",
                "b",
                "y",
                "B",
                "Y",
                "ẙ",
                "作者 \t：",
                "Wr",
                "Do",
                " von ",
                "3",
                " " * 60,
            ]
        ),
        max_size=12,
    ).map("".join)
)
def test_byline_header_test_answers_as_its_slow_form(text: str) -> None:
    spaced = byline.spaced(text)
    assert headers.may_be_byline(text) == (
        " by " in spaced.casefold()
        or spaced[:3].lower() == "by "
        or byline.is_labelled_byline(spaced)
        or byline.may_follow_date(spaced.casefold())
        or (not spaced.isascii() and headers._CJK_LABEL.search(spaced) is not None)
    )


CREDIT_TAIL = re.compile(
    rf"^(?P<caption>.{{8,{captions.CAPTION_LIMIT}}}?)\s*(?:\||[-—–]\s)?\s*"
    rf"[(\[]?\s*(?:{captions._CREDIT_LABEL})\s*(?:by\s+|:\s*|：\s*)"
    r"(?P<credit>[^()\[\]]{1,120}?)\s*[)\]]?\.?$",
    re.IGNORECASE,
)
CREDIT_WORD_TAIL = re.compile(
    rf"^(?P<caption>.{{8,{captions.CAPTION_LIMIT}}}?[.!?”\"])"
    r"(?:\s+(?:Credit|Crédit|Credito|Crédito)(?:(?:\.\.\.|…)\s*|\s+)(?:Credit\s+)?"
    r"|(?:Credit|Crédit|Credito|Crédito){1,2}(?:\.\.\.|…)?)"
    r"(?P<credit>[A-Z][^!?]{1,120})$"
)
PARENTHESISED_CREDIT_TAIL = re.compile(
    rf"^(?P<caption>.{{8,{captions.CAPTION_LIMIT}}}?[.!?”\"])\s*[(\[](?P<credit>[^()\[\]]{{3,120}})[)\]]$"
)
"""The credits after a caption as one pattern each, tried at every end of the caption."""
CAPTION_FRAGMENTS = [
    *FRAGMENTS, "\n", "\t", "  ", "Source", "sOURCE", "ſource", "Pictures", "graphicredit",
    "Photo credit", "CRÉDITS PHOTO", "Bildquelle", "ILUSTRAÇÃO", "Foto：", "By ",
    "The minister at the quay", "Credito ", "Credit Credit ", "(Jane Doe/AFP)", "[AP]", ". (",
    "x" * 130,
]  # fmt: skip
caption_texts = st.lists(st.sampled_from(CAPTION_FRAGMENTS), max_size=14).map("".join)


def _groups(match: re.Match[str] | None) -> tuple[str, str] | None:
    return None if match is None else (match.group("caption"), match.group("credit"))


@given(caption_texts)
@example("Fishing boats in the inner basin | Photo: AP / Jane Doe")
@example("The minister at the quay. (Jane Doe/AFP/Getty Images)")
@example("United Nations peacekeepers on Monday. Credit Jane Doe/Agence France-Presse")
@example("The new pier at dawn ſource: x")
@example("     MON.CreditJane")  # (a browser's copy runs caption, label and credit together)
@example("Crews at the quay. Credit... Jane Roe/Courier")
def test_credit_tails_are_those_of_the_whole_patterns(text: str) -> None:
    """Tried only where a caption can end, the credit patterns find what they find tried from
    the start of the line (and for a normalised line as read_caption gives them)."""
    for line in (text, " ".join(text.split())):
        assert captions._credit_tail(line) == _groups(CREDIT_TAIL.match(line))
        assert captions._credit_word_tail(line) == _groups(CREDIT_WORD_TAIL.match(line))
        assert captions._parenthesised_tail(line) == _groups(PARENTHESISED_CREDIT_TAIL.match(line))


@given(texts)
def test_line_shortcuts_agree_with_their_patterns(text: str) -> None:
    assert webcopy._chrome(text) == (webcopy._CHROME.search(text) is not None)
    assert webcopy._ends_sentence(text) == (webcopy._SENTENCE_END.search(text) is not None)
    assert byline.ends_with_abbreviation(text) == (byline.ABBREVIATION_END.search(text) is not None)


@given(texts)
def test_picture_label_shortcut_agrees_with_its_pattern(text: str) -> None:
    expected = captions._PICTURE_LABEL.match(" ".join(text.split())) is not None
    assert captions.is_picture_label(text) == expected


@given(texts)
def test_abbreviation_test_agrees_with_its_pattern(text: str) -> None:
    assert byline.ends_with_abbreviation(text) == (byline.ABBREVIATION_END.search(text) is not None)


@given(
    st.lists(st.sampled_from([*FRAGMENTS, "  ", "\t", "\xa0", "\u2009", "\u3000", "\x1f"])).map(
        "".join
    )
)
def test_phrase_key_of_spaced_lines_is_that_of_their_words(text: str) -> None:
    """The shortcut for lines whose spaces are single ASCII spaces gives the key of the words."""
    assert furniture.phrase_key(text) == furniture.phrase_key(" ".join(text.split()) or " ")


def _slow_stem(word: str) -> str:
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            if ending in ("ing", "ed") and word[-1] == word[-2]:
                word = word[:-1]  # "wrapped", "running"
            break
    return word[: stopwords.STEM]


@given(st.text(st.sampled_from("abeginsd"), min_size=1, max_size=12))
def test_stem_is_its_obvious_form(word: str) -> None:
    assert stopwords._stem(word) == _slow_stem(word)


STEM_FRAGMENTS = [
    *WORD_FRAGMENTS, " wrapped", " overrunning", " running", " crossings", " buses", " boats",
    " passed", " FERRIES", " harboured", "-ing", " ed", " ss", " 12s", " stopping",
]  # fmt: skip


@given(
    st.one_of(
        texts,
        any_texts,
        st.lists(st.sampled_from(STEM_FRAGMENTS)).map("".join),
        st.lists(st.text(st.sampled_from("abeginsdp"), max_size=11)).map(" ".join),
    ),
    st.sampled_from(["en", "de", "fr", "zh", "ja"]),
)
@example("Stopping, wrapped; passed “crossings” buses—skidding passes", "en")
def test_content_words_are_those_of_the_token_pattern(text: str, language: str) -> None:
    function_words = stopwords.stoplist(language)
    tokens = stopwords._TOKEN.findall(text.casefold())
    expected = {
        _slow_stem(token)
        for token in tokens
        if not stopwords._unspaced(token) and len(token) > 1 and token not in function_words
    }
    for token in filter(stopwords._unspaced, tokens):
        expected.update(token[index : index + 2] for index in range(len(token) - 1))
    assert stopwords.content_words(text, language) == expected


CAPTION_HINTS = (
    "photo", "foto", "bild", "image", "imagem", "imagen", "immagine", "picture", "credit",
    "crédit", "crédito", "credito", "caption", "légende", "legenda", "didascalia", "pie de foto",
    "illustra", "graphic", "grafik", "video", "source", "quelle", "reprodução", "/", "©", "℗",
)  # fmt: skip


@given(
    st.lists(st.sampled_from([*FRAGMENTS, "  ", "\t", "\xa0", "pie  de\tfoto", " (", "(c) "])).map(
        "".join
    )
)
def test_caption_hints_are_told_before_spacing_is_normalised(text: str) -> None:
    lower = " ".join(text.split()).casefold()
    expected = lower.startswith(("(", "[", "(c)")) or any(hint in lower for hint in CAPTION_HINTS)
    assert captions._hinted(text) == expected


@given(
    st.lists(st.sampled_from([*FRAGMENTS, "photo", "Share", "x" * 60]), max_size=40).map("".join)
)
def test_any_of_says_what_substring_searches_say(text: str) -> None:
    for words in (CAPTION_HINTS, webcopy._CHROME_WORDS):
        folded = text.casefold()
        assert AnyOf(words)(folded) == any(word in folded for word in words)


@given(
    st.lists(st.sampled_from([*FRAGMENTS, "cook", "COO", "ie", "IE", "\u212a", "ﬁ", "ﬃ"])).map(
        "".join
    )
)
@example("«COO\u212aIE» notice")
@example("Wir nutzen “Cookies”")
def test_cookie_test_lets_every_cookie_through(text: str) -> None:
    if "cookie" in text.casefold():
        assert furniture._may_mention_cookies(text)


@given(st.one_of(st.text(max_size=40), any_texts, word_texts))
@example("caf\u00e9 \u201cquoted\u201d \u2014 \u036f")
@example("\u0370")
@example("\u2bff \u2c00")
def test_script_shortcut_agrees_with_the_script_counts(text: str) -> None:
    foreign = "".join(stopwords._NON_ASCII.findall(text[: stopwords.SCRIPT_SAMPLE]))
    latin = all(char < "\u0370" or "\u2000" <= char < "\u2c00" for char in set(foreign))
    assert latin == (stopwords._OTHER_SCRIPT.search(text[: stopwords.SCRIPT_SAMPLE]) is None)
    counts = {name: len(pattern.findall(foreign)) for name, pattern in stopwords._SCRIPTS.items()}
    if all(count == 0 for name, count in counts.items() if name != "latin"):
        assert stopwords._script(text) == "latin"


@given(st.one_of(texts, any_texts, st.text(st.sampled_from(" >»›:/a"), max_size=12)))
@example("Home > News")
@example("Home » News")
@example("Home › News")
def test_breadcrumb_separator_test_is_its_three_searches(text: str) -> None:
    found = any(separator in text for separator in (" > ", " » ", " › "))
    assert webcopy._holds_breadcrumb_separator(text) == found


CODE_FRAGMENTS = [*FRAGMENTS, "{", "}", "<", ">", "│", "┼", "─", "SELECT avg(n)", "x = 1", "\n"]
code_texts = st.lists(st.sampled_from(CODE_FRAGMENTS), max_size=8).map("".join)


@given(st.lists(st.one_of(texts, code_texts), max_size=6))
@example(["FROM unnest(", "x,", "a;", "{", "plain", "[1]"])
@example(["a,\nb", "c"])
def test_code_search_of_joined_lines_is_that_of_each(contents: list[str]) -> None:
    contents = [content.strip() for content in contents]
    expected = {content for content in contents if webcopy._CODE.search(content) is not None}
    assert webcopy._punctuated(contents) == expected


@given(st.one_of(caption_texts, texts, any_texts))
@example("Bildunterschrift Der Hafen")
@example("Pie de foto el puerto")
@example("légende Le port")
@example("© Jane Doe")
@example("℗ Jane Doe")
@example("Credit Jane Doe")
@example("The minister at the quay. Credit Jane Doe")
@example("Photo by Jane Doe")
@example("Foto：Jane Doe")
@example("The minister at the quay. [Jane Doe/AFP]")
@example("Photo bY Jane Doe")
@example("Photo By Jane Doe")
@example("PHOTO BY JANE DOE")
@example("Photo bY Jane Doé")
@example("Photo By Jane Doé")
@example("PHOTO BY JANE DOÉ")
@example("Photo by Jane Doé")
@example("CREDIT Jane Doe")
def test_caption_marks_let_every_caption_through(text: str) -> None:
    """The few searches in C that rule a line out say "no" only where no caption is read."""
    if _slow_read_caption(text) is not None:
        assert captions._may_be_caption(text)


def test_only_b_and_y_lower_to_b_and_y() -> None:
    """So "by" in each of its four cases is ``"by" in line.lower()`` (what
    :func:`captions._holds_by` asks without lowering a paragraph of other letters)."""
    lowering = [
        char
        for char in map(chr, range(sys.maxunicode + 1))
        if "b" in char.lower() or "y" in char.lower()
    ]
    assert lowering == ["B", "Y", "b", "y"]


def _slow_read_caption(line: str) -> captions.Caption | None:
    """:func:`captions.read_caption` as the obvious form: every hint searched for, every credit
    pattern tried from the start of the line."""
    text = " ".join(line.split())
    lower = text.casefold()
    if not (lower.startswith(("(", "[")) or any(hint in lower for hint in CAPTION_HINTS)):
        return None
    if not text or len(text) > captions.CAPTION_LIMIT:
        return None
    labelled = captions._LABELLED_CAPTION.match(text)
    if labelled is not None:
        inner = _slow_read_caption(labelled.group("caption"))
        if inner is not None and inner.caption:
            return inner
        return captions.Caption(labelled.group("caption").strip(), None)
    for pattern in (captions._CREDIT, captions._CREDIT_WORD, captions._COPYRIGHT):
        match = pattern.match(text)
        if match is not None:
            return captions.Caption(None, match.group("credit").strip(" .,;"))
    match = captions._AGENCY_CREDIT.match(text)
    if match is not None:
        return captions.Caption(None, match.group("credit").strip(" .,;"))
    for pattern in (CREDIT_TAIL, CREDIT_WORD_TAIL):
        match = pattern.match(text)
        if match is not None and (
            pattern is CREDIT_TAIL or captions.names_a_credit(match.group("credit"))
        ):
            caption = match.group("caption").strip(" |—–-")
            return captions.Caption(caption or None, match.group("credit").strip(" .,;"))
    caption, bar, credit = text.rpartition(" | ")
    names = credit.strip().split("/")
    if (
        bar
        and len(caption.rstrip()) >= 8
        and caption.rstrip()[-1:] in '.!?”"'
        and len(names) > 1
        and all(name.strip()[:1].isupper() and captions.names_a_credit(name) for name in names)
    ):
        return captions.Caption(caption.strip(" |—–-"), credit.strip(" .,;"))
    match = PARENTHESISED_CREDIT_TAIL.match(text)
    if match is not None and captions._AGENCY_CREDIT.match(match.group("credit").strip()):
        return captions.Caption(match.group("caption").strip(), match.group("credit").strip())
    return None


@given(st.one_of(caption_texts, texts))
@example("Media caption The minister at the quay. Photo: AP")
@example("Spokojený hráč po vítězství. | Foto: Reuters")
@example("JANE DOE/AFP/Getty Images")
@example("The minister at the quay. | Jane Doe/ AFP via Getty Images")
@example("İmage caption The minister at the quay")
@example("ımage caption The minister at the quay")
@example("  Media   caption The minister at the quay")
@example("CREDIT JANE DOE")
@example("(c) Jane Doe")
@example(" (C) Jane Doe")
@example("℗ Jane Doe")
@example("The minister at the quay, walking with a photo album " * 5 + "| Ilustração: Jane Doe")
def test_read_caption_is_its_obvious_form(text: str) -> None:
    assert captions.read_caption(text) == _slow_read_caption(text)
    assert captions.is_picture_label(text) == (
        captions._PICTURE_LABEL.match(" ".join(text.split())) is not None
    )


@given(
    st.lists(st.text(st.sampled_from("abpq(.*\\é©"), min_size=1, max_size=4), min_size=1),
    st.text(st.sampled_from("abpq(.*\\é© "), max_size=30),
)
def test_rare_first_pattern_finds_any_of_its_words(words: list[str], text: str) -> None:
    """Each word looked for from its rarest character, the characters before it behind."""
    found = rare_first_pattern(words).search(text) is not None
    assert found == any(word in text for word in words)


BYLINE_FRAGMENTS = [
    *FRAGMENTS, " and ", " und ", " y ", " e ", " et ", "avec", " con ", "com", "&", ";", "·", "•",
    "–", "\t", "\xa0", "  ", "Staff Writer", "STAFF", "ſtaff", "Correspondante", "rédactrice",
    "Envoyée spéciale", "REPÓRTER", "redação", "Bureau Chief", "bureau  chief", "The", "Times",
    "News", "Notícias", "GmbH", "dpa", "Newsroom", "(reporting)", "(AP)", "(R.J.)", "Follow",
    "@jane", "O'Brien", "x2", "Ⅻ", "²", "e\u0301", "\x00", "Redakteurin", "Korrespondent",
]  # fmt: skip
byline_texts = st.lists(st.sampled_from(BYLINE_FRAGMENTS), max_size=12).map("".join)


def _slow_name_like(words: list[str], after_separator: bool, handles: bool = False) -> bool:
    if not words:
        return False
    if handles and len(words) == 1 and byline._HANDLE_NAME.match(words[0]):
        return True
    for word in words:
        bare = word.strip("()[]")
        if bare.lower() in byline._CONNECTORS:
            continue
        if not bare or not any(char.isalpha() for char in bare):
            return False
        if any(char.isdigit() for char in bare):
            return False
        if not (bare[0].isupper() or (after_separator and byline._AGENCY.match(bare))):
            return False
    return True


ROLE_EXAMPLES = [
    "Writer", "reporterin", "Correspondent", "editor", "photographer", "columnist", "contributor",
    "Analyst", "producer", "critic", "Journalist", "intern", "engineer", "Redakteurin",
    "Redaktion", "Korrespondentin", "Autorin", "journaliste", "envoyé spécial", "rédacteur",
    "rédactrice", "correspondant", "chroniqueuse", "periodista", "corresponsal", "redactora",
    "enviada especial", "giornalista", "inviato", "redazione", "corrispondente", "repórter",
    "jornalista", "colunista", "redação", "enviado", "staff", "bureau chief",
]  # fmt: skip


def test_every_role_word_is_a_job_title() -> None:
    for word in ROLE_EXAMPLES:
        for text in (word, word.upper(), word.title(), f"Jane Doe, {word}s"):
            assert byline.is_job_title(text) == (byline._ROLE_WORDS.search(text) is not None)
            assert byline.is_job_title(text)


name_words = st.lists(
    st.sampled_from([*byline._NAME_SPLIT_WORDS, "Jane", "Doe", "AND", "Et", "", "é"])
).map(" ".join)


@given(st.one_of(byline_texts, any_texts, name_words))
@example("and Jane Doe")
@example("Jane Doe e")
@example("Jane Doe and John Roe, Staff Writers")
@example("Par Jane Doe, envoyée spéciale à Paris")
def test_byline_shortcuts_agree_with_their_patterns(text: str) -> None:
    assert byline.spaced(text) == " ".join(text.split())
    assert byline._parts(text) == [part for part in byline._PART_SEPARATOR.split(text) if part]
    assert byline._split_names(text) == byline._NAME_SPLIT.split(text)
    assert byline._names_organisation(text) == (byline._ORGANISATION_WORDS.search(text) is not None)
    assert byline.is_job_title(text) == (byline._ROLE_WORDS.search(text) is not None)
    assert byline.holds_case_trap(text) == (not byline.CASE_TRAPS.isdisjoint(text))
    if "," not in text:
        assert byline._APPOSITION.split(text, maxsplit=1)[0] == text
    if "@" not in text and "Follow" not in text:
        assert byline._HANDLE.sub(" ", text) == text
    if "(" not in text:
        assert byline._BRACKETED_ROLE.sub("", text) == text
        assert byline._BRACKETS.sub("", text) == text
    words = text.split()
    for after_separator, handles in ((False, False), (True, False), (False, True)):
        expected = _slow_name_like(words, after_separator, handles)
        assert byline._name_like(words, after_separator, handles) == expected


# The splitter as it was before its spaces were taken from the start of their run only (slow on
# long runs of spaces, the same splits).
_NAME_SPLIT_FROM_ANY_SPACE = re.compile(
    r"\s*" + byline._NAME_SPLIT.pattern.removeprefix(r"(?:(?<!\s)\s+)?")
)


@given(
    st.lists(st.sampled_from([*byline._NAME_SPLIT_WORDS, "Jane", "O", ",", ";", "&", " ", "\t"]))
    .map(" ".join)
    .map(lambda text: text.replace(" ", " " * 3, 2))
)
@example("Jane Doe , , Omar Farouk")
@example("Jane Doe   and\tOmar  Farouk")
@example("  , Jane")
def test_name_split_agrees_with_splitting_from_any_space(text: str) -> None:
    assert _NAME_SPLIT_FROM_ANY_SPACE.pattern != byline._NAME_SPLIT.pattern
    assert byline._NAME_SPLIT.split(text) == _NAME_SPLIT_FROM_ANY_SPACE.split(text)


def test_name_split_words_are_those_of_its_pattern() -> None:
    for word in byline._NAME_SPLIT_WORDS:
        assert rf"\b{word}\b" in byline._NAME_SPLIT.pattern
    assert byline._NAME_SPLIT.pattern.count(r"\b") == 2 * len(byline._NAME_SPLIT_WORDS)


HEADER_FRAGMENTS = [
    *FRAGMENTS, "Updated", "LAST UPDATED", "ſtand", "Stand", "Última actualización", "ÚLTIMO",
    "Veröffentlicht am", "Mis à jour le", "Publié", "Quelle", "Fuentes", "bron", "Datum",
    "Aggiornato il", "Atualizado às", " on ", " am ", ": ", "3. Dezember 2024", "Reviewed by",
    "By ", "Von ", "Text: ", "Written by", "POSTED BY", "Door ", "Autores:", "| ", "· ", "• ",
    " / ", "\t/  ", "/", "Kommentar von ", "Eine Analyse von ", "Chronique par ", "Analyse ",
    "Glosse",
]  # fmt: skip
header_texts = st.lists(st.sampled_from(HEADER_FRAGMENTS), max_size=10).map("".join)


@given(st.one_of(header_texts, texts, any_texts))
@example("Last updated: 3. Dezember 2024")
@example("ſtand: 3. Dezember 2024")
def test_header_label_tests_let_every_label_through(text: str) -> None:
    if not headers._may_be_labelled(text):
        assert headers._LABEL.match(text) is None
    assert byline.is_labelled_byline(text) == (byline._LABEL.match(text) is not None)
    if text.isascii():
        assert headers._CJK_LABEL.search(text) is None
    spaced = byline.spaced(text)  # (as read_header asks: of the line's words single-spaced)
    if "|" not in spaced and "·" not in spaced and "•" not in spaced and " / " not in spaced:
        assert len(headers._SEPARATOR.split(spaced)) == 1


UPDATE_FRAGMENTS = [
    *FRAGMENTS, "3. Dezember 2024", " kl. 13.05", ", ", " (", " - ", "Updated", "UPDATED",
    "Oppdatert", "OPPDATERT", "uppdaterad", "Opdateret", "Last updated", "aktualisiert",
    "5 min read", "2024", "EST",
]  # fmt: skip


@given(st.one_of(st.lists(st.sampled_from(UPDATE_FRAGMENTS), max_size=8).map("".join), texts))
@example("Publisert 4.3.2024 kl. 13.05 Oppdatert 4.3.2024 kl. 13.52")
def test_update_test_lets_every_update_through(text: str) -> None:
    """The test that spares a header line the update pattern says "no" only where it finds none."""
    if not headers._may_hold_update(text):
        assert headers._UPDATE_AFTER.search(text) is None


def test_header_labels_are_plain_words() -> None:
    """The openings of the labels are read off their alternatives: no pattern syntax among them."""
    for label in f"{headers._UPDATED}|{headers._PUBLISHED}|{headers._SOURCE}".split("|"):
        assert re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", label), label


HEADER_FRAGMENTS = [
    *FRAGMENTS, "3", "12", " ", "  ", "hours", "Stunden", "heures", "horas", "ore", "min",
    "MINUTES", "Minuten", "mn", "ago", "AGO", "aGo", "vor", "VOR", "il y a", "IL Y A", "hace",
    "fa", "FA", "há", "HÁ", "just now", "today", "TODAY", "yesterday", "yeſterday", "heute",
    "gestern", "aujourd'hui", "hier", "hoy", "ayer", "oggi", "ieri", "İeri", "ıl y a", "hoje",
    "ontem", "an", "one", "un", "una", "einer", "une", "uma", "Updated: ", "publié ", "at ",
    "10:15", "à ", "read", "Lesezeit: ", "Temps de lecture : ", "reading time", "lettura",
]  # fmt: skip
header_texts = st.lists(st.sampled_from(HEADER_FRAGMENTS), max_size=8).map("".join)


@given(st.one_of(header_texts, any_texts))
@example("3 hours ago")
@example("Yeſterday")
@example("İl y a 3 heures")
@example("5 mın read")
def test_header_word_tests_let_every_match_through(text: str) -> None:
    """The word tests that spare header lines (and a one-shot run) the relative-date and
    reading-time patterns say "no" only where those patterns find nothing."""
    if headers.RELATIVE_DATE.match(text):
        assert headers._may_hold(text, headers._holds_relative_word)
    if headers.READING_TIME.match(text):
        assert headers._may_hold(text, headers._holds_minutes)


@settings(max_examples=300, deadline=None)
@example(["a" * 30] * 7, [" "])  # (210 letters, 216 characters: refused either way)
@example(["a" * 27] * 7, ["  "])  # (189 letters, a header's length once spaced: not told)
@given(
    st.lists(st.text("abc.,", min_size=1, max_size=30), min_size=6, max_size=40),
    st.lists(st.sampled_from([" ", "  ", "\t", " \x0b ", "\x1c", "\r "]), min_size=1),
)
def test_a_line_too_long_for_a_header_is_told_before_its_spaces_are_run_together(
    words: list[str], gaps: list[str]
) -> None:
    """read_header refuses a line whose spaces, run together, leave more than HEADER_LIMIT
    characters; its shortcut counts the characters besides spaces, never more than that."""
    line = "".join(word + gaps[number % len(gaps)] for number, word in enumerate(words))
    if headers._longer_than_a_header(line):
        assert len(byline.spaced(line)) > headers.HEADER_LIMIT


PAGE_FRAGMENTS = [
    " ", "  ", ",", ".", ")", "May 3, 2024", "3. Mai 2024", "page", "Page", "p.", "Seite", "S.",
    "página", "pagina", "A", "1", "12", "123", "1234", "Dep.", "x", "\u00a0",
]  # fmt: skip


@given(st.lists(st.sampled_from(PAGE_FRAGMENTS), max_size=12).map("".join))
@example("Wed, Oct 16, 2024 page1")
@example("3. Mai 2024, Seite 5")
def test_print_page_is_found_in_the_lines_end_as_in_the_whole_line(text: str) -> None:
    """The printed page after a date is looked for in the line's last characters only: it is
    found there as in the whole (spaced) line, or in neither."""
    text = byline.spaced(text)
    whole = headers._PRINT_PAGE.search(text)
    end = headers._PRINT_PAGE.search(text, max(0, len(text) - headers.PRINT_PAGE_REACH))
    assert (whole and whole.span()) == (end and end.span())


def _spared_as_judged_per_printing(page: webcopy._Page, position: int) -> bool:
    """The crosshead test as it was, each label's printings and lists read again for each call
    (time quadratic in a page of many labels in long lists; the same verdicts). A dashed item
    is its text after the dash; an item of a table of contents is spared, crosshead or not."""
    rows = page.rows
    printings: dict[str | None, list[int]] = {}
    for at, row in enumerate(rows):
        printings.setdefault(webcopy._listed_text(row), []).append(at)

    def crosshead(text: str | None) -> bool:
        return sum(not webcopy._itemised(rows[at]) for at in printings.get(text, ())) == 1

    def list_around(item: int) -> range:
        first = last = item
        while (
            first > 0
            and webcopy._itemised(rows[first - 1])
            and page.indexes[first - 1] == page.indexes[first] - 1
        ):
            first -= 1
        while (
            last + 1 < len(rows)
            and webcopy._itemised(rows[last + 1])
            and page.indexes[last + 1] == page.indexes[last] + 1
        ):
            last += 1
        return range(first, last + 1)

    def table_of_contents(item: int) -> bool:
        items = list_around(item)
        headed = sum(crosshead(webcopy._listed_text(rows[at])) for at in items)
        return headed >= webcopy.TABLE_OF_CONTENTS and 2 * headed >= len(items)

    if webcopy._itemised(rows[position]) and table_of_contents(position):
        return True
    text = webcopy._listed_text(rows[position])
    if not crosshead(text):
        return False
    return any(
        webcopy._itemised(rows[printed]) and table_of_contents(printed)
        for printed in printings.get(text, ())
    )


_PAGE_LINES = st.sampled_from([
    "", "Harbour works", "HARBOUR WORKS", "Night ferries", "Pier repairs", "Other news",
    "• Harbour works", "• Night ferries", "• Pier repairs", "• Weather today",
    "- Harbour works", "- Night ferries", "– Pier repairs", "1. Night ferries",
])  # fmt: skip


@given(st.lists(_PAGE_LINES, min_size=1, max_size=40))
@example(["• Harbour works", "• Night ferries", "", "Harbour works", "Night ferries"])
@example(["• Harbour works", "• Night ferries", "• Weather today", "Harbour works"])
@example(["- Harbour works", "- Night ferries", "Harbour works", "", "Night ferries"])
def test_crossheads_agree_with_judging_each_printing(lines: list[str]) -> None:
    page = webcopy._describe(lines)
    crossheads = webcopy._Crossheads(page)
    for position in range(len(page.rows)):
        assert crossheads.spared(position) == _spared_as_judged_per_printing(page, position)
