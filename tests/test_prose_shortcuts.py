"""The cheap tests that spare the web-copy reader its slow patterns must never change a result:
each says "no match" only where its pattern finds none, and the word splitters give the pattern's
words. Text is drawn from fragments that meet the patterns' edges (labels, weekdays, case traps
such as "ı" and "ſ", brackets, stops)."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import example, given
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
    assert stopwords._distinct_tokens(folded) == set(stopwords._TOKEN.findall(folded))


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


CREDIT_TAIL = re.compile(
    rf"^(?P<caption>.{{8,{captions.CAPTION_LIMIT}}}?)\s*(?:\||[-—–]\s)?\s*"
    rf"[(\[]?\s*(?:{captions._CREDIT_LABEL})\s*(?:by\s+|:\s*|：\s*)"
    r"(?P<credit>[^()\[\]]{1,120}?)\s*[)\]]?\.?$",
    re.IGNORECASE,
)
CREDIT_WORD_TAIL = re.compile(
    rf"^(?P<caption>.{{8,{captions.CAPTION_LIMIT}}}?[.!?”\"])\s+(?:Credit|Crédit|Credito|Crédito)\s+"
    r"(?P<credit>(?:Credit\s+)?[A-Z][^!?]{1,120})$"
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
@example("Stopping, wrapped; passed “crossings” buses—skidding", "en")
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


@given(st.text(max_size=40))
def test_script_shortcut_agrees_with_the_script_counts(text: str) -> None:
    foreign = "".join(stopwords._NON_ASCII.findall(text[: stopwords.SCRIPT_SAMPLE]))
    counts = {name: len(pattern.findall(foreign)) for name, pattern in stopwords._SCRIPTS.items()}
    if all(count == 0 for name, count in counts.items() if name != "latin"):
        assert stopwords._script(text) == "latin"


@given(st.lists(texts, max_size=6))
def test_code_test_lets_every_line_of_code_through(contents: list[str]) -> None:
    contents = [content.strip() for content in contents]
    if any(webcopy._CODE.search(content) for content in contents):
        assert webcopy._may_hold_code(contents)


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
        if match is not None:
            caption = match.group("caption").strip(" |—–-")
            return captions.Caption(caption or None, match.group("credit").strip(" .,;"))
    match = PARENTHESISED_CREDIT_TAIL.match(text)
    if match is not None and captions._AGENCY_CREDIT.match(match.group("credit").strip()):
        return captions.Caption(match.group("caption").strip(), match.group("credit").strip())
    return None


@given(st.one_of(caption_texts, texts))
@example("Media caption The minister at the quay. Photo: AP")
@example("Spokojený hráč po vítězství. | Foto: Reuters")
@example("JANE DOE/AFP/Getty Images")
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
