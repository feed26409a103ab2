"""The cheap tests that spare the web-copy reader its slow patterns must never change a result:
each says "no match" only where its pattern finds none, and the word splitters give the pattern's
words. Text is drawn from fragments that meet the patterns' edges (labels, weekdays, case traps
such as "ı" and "ſ", brackets, stops)."""

from __future__ import annotations

from collections import Counter

from hypothesis import example, given
from hypothesis import strategies as st

from articlekit.prose import byline, captions, furniture, headers, stopwords, webcopy
from articlekit.prose.substrings import AnyOf

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
    "\u212a", "ﬁ", "ß", "ΟΔΟΣ", "п'ять", "и", "der", "les", "che", "\ud800", "\x00", "é", "e\u0301",
]  # fmt: skip
word_texts = st.lists(st.sampled_from(WORD_FRAGMENTS), max_size=16).map("".join)
any_texts = st.text(st.characters(blacklist_categories=()), max_size=30)
LANGUAGES = ("en", "de", "fr", "it", "uk", "ro", "zh", "xx", "zh-Hans")


def _utf8(word: str) -> bytes:
    return word.encode("utf-8", "surrogatepass")


@given(st.one_of(word_texts, any_texts))
@example("Don't—“quoted” l’homme it'll x² ſ\xa0a\u2009b 3rd")
def test_word_counts_are_those_of_the_word_pattern(text: str) -> None:
    """The words counted in C are those of the pattern, one by one."""
    folded = text.casefold()
    found = stopwords._WORD.findall(folded)
    for language in LANGUAGES:
        function_words = stopwords.stoplist(language)
        hits = sum(1 for word in found if word in function_words)
        assert stopwords._count(folded, language) == (len(found), hits)
    assert stopwords._word_counts(folded) == Counter(map(_utf8, found))
    candidates = stopwords._BY_SCRIPT["latin"]
    assert stopwords._hits(folded, candidates) == {
        language: sum(1 for word in found if word in stopwords.stoplist(language))
        for language in candidates
    }
    assert stopwords._tokens(folded) == stopwords._TOKEN.findall(folded)


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


@given(texts)
def test_byline_header_test_lets_every_byline_through(text: str) -> None:
    found = headers.read_header(text)
    if found is not None and found.kind == "byline":
        assert headers.may_be_byline(text)


@given(texts)
def test_credit_tests_let_every_credit_through(text: str) -> None:
    text = " ".join(text.split())
    if not captions._credit_label(text):
        assert captions._CREDIT_TAIL.match(text) is None
    if not captions._credit_word(text):
        assert captions._CREDIT_WORD_TAIL.match(text) is None


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


@given(texts, st.sampled_from(["en", "de", "fr", "zh"]))
def test_content_words_are_those_of_the_token_pattern(text: str, language: str) -> None:
    function_words = stopwords.stoplist(language)
    tokens = stopwords._TOKEN.findall(text.casefold())
    expected = {
        stopwords._stem(token)
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


@given(st.text(max_size=40))
def test_script_shortcut_agrees_with_the_script_counts(text: str) -> None:
    foreign = "".join(stopwords._NON_ASCII.findall(text[: stopwords.SCRIPT_SAMPLE]))
    counts = {name: len(pattern.findall(foreign)) for name, pattern in stopwords._SCRIPTS.items()}
    if all(count == 0 for name, count in counts.items() if name != "latin"):
        assert stopwords._script(text) == "latin"
