"""Function words ("the", "und", "de", "的"): how much a line reads like running prose.

Grammatical text is full of function words; menus, link lists, bylines and footers hold few. The
lists come from the ``stop-words`` package (34 languages, BSD licence), read straight from its data
files on first use (a few milliseconds) and cached. :func:`guess_language` picks the list that
matches a text best: by script first (kana → Japanese, Hangul → Korean, Han → Chinese, Cyrillic,
Arabic, Greek, Hebrew, Devanagari), then by the hits of each list of that script.
:func:`stopword_ratio` is the share of a line's words in that list; for Chinese and Japanese,
written without spaces, it is the share of characters that are single-character function words.
The marks other scripts end their sentences with (:data:`SENTENCE_STOPS`), and how a paragraph of
Thai, which ends with none, is told (:func:`unmarked_prose`), are here too.
"""

from __future__ import annotations

import itertools
import os
from collections import Counter
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from articlekit._text import lazy_pattern

# stop-words file names by ISO 639-1 code, grouped by script.
_LATIN = {
    "en": "english", "de": "german", "fr": "french", "es": "spanish", "it": "italian",
    "pt": "portuguese", "nl": "dutch", "ca": "catalan", "cs": "czech", "sk": "slovak",
    "pl": "polish", "da": "danish", "nb": "norwegian", "sv": "swedish", "fi": "finnish",
    "hu": "hungarian", "ro": "romanian", "tr": "turkish", "id": "indonesian", "ms": "malaysian",
    "vi": "vietnamese",
}  # fmt: skip
_CYRILLIC = {"ru": "russian", "uk": "ukrainian", "bg": "bulgarian"}
_OTHER = {
    "ar": "arabic", "fa": "persian", "el": "greek", "he": "hebrew", "hi": "hindi",
    "zh": "chinese", "ja": "japanese", "ko": "korean",
}  # fmt: skip
FILES = {**_LATIN, **_CYRILLIC, **_OTHER}
UNSPACED = frozenset({"zh", "ja", "th"})
"""Languages written without spaces between words: their measures count characters."""
_WORD = lazy_pattern(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SPACED = bytes(
    code if code >= 0x80 or code == ord("'") or chr(code).isalpha() else ord(" ")
    for code in range(256)
)
"""A table for the UTF-8 bytes of a text that makes a space of every ASCII character no word
holds (all but the letters and the apostrophe). No :data:`_WORD` match holds or spans one of
them, so the words are those of the chunks between spaces; and a chunk of letters alone is one
word."""
_LOWERED = bytes(
    ord(chr(code).lower()) if code < 0x80 and chr(code).isalpha() else _SPACED[code]
    for code in range(256)
)
""":data:`_SPACED` that lowers the ASCII letters too: the UTF-8 bytes of a text so translated are
those of its case-folded text so translated, but in the chunks that hold a character beyond ASCII
(folding one gives no ASCII character but letters and the apostrophe, a test checks every code
point: the chunks are the same)."""
_UTF8 = ("utf-8", "surrogatepass")


def _chunks(folded: str) -> tuple[list[bytes], bool]:
    """The chunks of ``folded`` (UTF-8) that hold its :data:`_WORD` words, and whether each is
    one word (only ASCII letters are left: no apostrophe, no other script or symbol to look at).
    Splitting and comparing bytes in C costs a fraction of a Python step per word."""
    spaced = folded.encode(*_UTF8).translate(_SPACED)
    return spaced.split(), spaced.isascii() and b"'" not in spaced


def _odd(chunks: Iterable[bytes]) -> list[tuple[bytes, list[str]]]:
    """The chunks that are not a word of letters each, with the words :data:`_WORD` finds in
    them (an apostrophe, a superscript digit, a space or a dash of another script)."""
    odd = []
    for chunk in itertools.filterfalse(bytes.isalpha, chunks):  # ASCII letters are words
        text = chunk.decode(*_UTF8)
        if not text.isalpha():
            odd.append((chunk, _WORD.findall(text)))
    return odd


def _count(text: str, language: str) -> tuple[int, int]:
    """``len(found)`` and how many of ``found`` are function words of ``language``, for
    ``found = _WORD.findall(text.casefold())``, without a list of words in Python, and without
    folding the whole text (a few microseconds for a paragraph beyond ASCII): only the chunks that
    are no word of ASCII letters are folded, and read as :func:`_odd` reads them."""
    function_words = stoplist(language)
    spaced = text.encode(*_UTF8).translate(_LOWERED)
    chunks = spaced.split()
    encoded = _encoded(language)
    total = len(chunks)
    hits = sum(map(encoded.__contains__, chunks))
    if not spaced.isascii() or b"'" in spaced:
        for chunk in itertools.filterfalse(bytes.isalpha, chunks):
            folded = chunk.decode(*_UTF8).casefold()
            hits -= chunk in encoded
            if folded.isalpha():  # (one word, looked up folded)
                hits += folded.encode(*_UTF8) in encoded
            else:
                found = _WORD.findall(folded)
                total += len(found) - 1
                hits += sum(map(function_words.__contains__, found))
    return total, hits


@cache
def _encoded(language: str) -> frozenset[bytes]:
    """:func:`stoplist` UTF-8 encoded."""
    return frozenset(word.encode(*_UTF8) for word in stoplist(language))


def _word_counts(folded: str) -> Counter[bytes]:
    """``Counter(_WORD.findall(folded))``, its words UTF-8 encoded, counted in C."""
    chunks, plain = _chunks(folded)
    counts = Counter(chunks)
    if not plain:
        for chunk, found in _odd(counts):
            times = counts.pop(chunk)
            for word in found:
                counts[word.encode(*_UTF8)] += times
    return counts


@cache
def _folder() -> str | None:
    import importlib.util

    spec = importlib.util.find_spec("stop_words")
    if spec is None or not spec.submodule_search_locations:
        return None
    return os.path.join(next(iter(spec.submodule_search_locations)), "stop-words")


_MISENCODED = {"tr": str.maketrans("ýþðÝÞÐ", "ışğİŞĞ")}
"""Lists the package holds as the bytes of a legacy encoding read as Latin-1, with the letters
that encoding has where Latin-1 has others: Turkish is cp1254's ("altmýþ" for "altmış", "nasýl"
for "nasıl"; no ı, ş or ğ in the whole list). (A table, not the codec: one module fewer to import
for every text whose script is Latin.)"""


@cache
def stoplist(language: str) -> frozenset[str]:
    """The function words of ``language`` (ISO 639-1), lower case; empty when unknown."""
    folder = _folder()
    name = FILES.get(language.split("-", maxsplit=1)[0].lower())
    if folder is None or name is None:
        return frozenset()
    try:
        with open(os.path.join(folder, f"{name}.txt"), encoding="utf-8") as handle:
            text = handle.read()
    except OSError:
        return frozenset()
    if language in _MISENCODED:
        text = text.translate(_MISENCODED[language])
    words = text.casefold().split()
    if language in UNSPACED:  # single characters and kana particles are counted in running text
        return frozenset(word for word in words if len(word) == 1)
    return frozenset(words)


_SCRIPTS = {
    "latin": lazy_pattern("[\u00c0-\u024f]"),  # and the ASCII letters, counted apart
    "kana": lazy_pattern("[\u3040-\u30ff]"),
    "han": lazy_pattern("[\u3400-\u4dbf\u4e00-\u9fff]"),
    "hangul": lazy_pattern("[\uac00-\ud7af]"),
    "cyrillic": lazy_pattern("[\u0400-\u04ff]"),
    "arabic": lazy_pattern("[\u0600-\u06ff]"),
    "greek": lazy_pattern("[\u0370-\u03ff]"),
    "hebrew": lazy_pattern("[\u0590-\u05ff]"),
    "devanagari": lazy_pattern("[\u0900-\u097f]"),
    "thai": lazy_pattern("[\u0e00-\u0e7f]"),
}


SENTENCE_STOPS = "।॥။؟۔։።፧།។\u037e｡．"
"""Sentence ends of other scripts, beside ``.!?`` and the CJK ``。！？`` the judges know: the
danda and double danda (Hindi, Bengali, Nepali...), the Burmese full stop, the Arabic question
mark, the Urdu full stop, the Armenian full stop, the Ethiopic full stop and question mark, the
Tibetan shad, the Khmer khan, the Greek question mark (which looks like ``;``), and the half- and
full-width full stops of CJK text."""
SENTENCE_ENDS = ".!?。！？…" + SENTENCE_STOPS
"""Every mark a sentence ends with, in the scripts articlekit reads."""
CLOSERS = "\"'”’»)]」』）"
"""What may close a sentence after its end mark: quotes and brackets."""
FULL_STOPS = "।॥။۔։።།។｡．"
"""Those of :data:`SENTENCE_STOPS` that end a statement (a title may end with a question mark,
never with a full stop)."""

THAI_PROSE_LETTERS = 84
"""Thai letters that make a line prose although it ends with no mark (Thai writes none: a space
parts its sentences, and the paragraph just stops): more than a headline holds (the web-copy
reader's longest weighs 250, a Thai letter three), about 17 words."""
THAI_SHARE = 0.75
"""The least share of a line's characters (spaces aside) that are Thai for it to be read so."""
THAI_WORD = 0.2
"""Words a Thai letter counts for (a word has about five: a consonant, a vowel sign, a tone mark
make a syllable, and most words have one or two)."""
THAI = frozenset(map(chr, range(0x0E01, 0x0E5C)))
"""The characters of the Thai block (letters, vowel signs, tone marks, digits)."""


def unmarked_prose(content: str) -> bool:
    """Whether a line that ends with no sentence mark is a paragraph of Thai: long, and most of
    it Thai letters (a Latin name or a number among them does not matter)."""
    thai = sum(map(THAI.__contains__, content))
    if thai < THAI_PROSE_LETTERS:
        return False
    return thai >= THAI_SHARE * (len(content) - content.count(" "))


_NON_ASCII = lazy_pattern("[^\x00-\x7f]+")
_OTHER_SCRIPT = lazy_pattern("[^\x00-\u036f\u2000-\u2bff]")
"""Characters past Latin (all but punctuation and symbols of U+2000 to U+2BFF): U+0370 to
U+1FFF and U+2C00 on, written as the characters it does not take, which compiles in a tenth of
the time (the compiler walks every code point below U+10000 that a class names)."""
_NOT_ASCII_LETTERS = bytes(code for code in range(128) if not chr(code).isalpha())


def _script(text: str) -> str:
    if text.isascii():
        return "latin"
    sample = text[:SCRIPT_SAMPLE]
    if _OTHER_SCRIPT.search(sample) is None:
        return "latin"  # accents, punctuation, symbols: no letter of another script
    foreign = "".join(_NON_ASCII.findall(sample))  # every script but ASCII's letters is here
    counts = {name: len(pattern.findall(foreign)) for name, pattern in _SCRIPTS.items()}
    counts["latin"] += len(sample.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTERS))
    best = max(counts, key=counts.__getitem__)
    if (
        best in ("han", "kana")
        or (counts["kana"] + counts["han"]) * IDEOGRAPH_LETTERS > counts[best]
    ):
        # (Japanese writes kanji among its kana; a word of kana in a Latin text is no Japanese)
        return "kana" if counts["kana"] * 10 >= counts["han"] else "han"
    return best if counts[best] else "latin"


_BY_SCRIPT = {
    "latin": tuple(_LATIN),
    "cyrillic": tuple(_CYRILLIC),
    "arabic": ("ar", "fa"),
    "kana": ("ja",),
    "han": ("zh",),
    "hangul": ("ko",),
    "greek": ("el",),
    "hebrew": ("he",),
    "devanagari": ("hi",),
    "thai": ("th",),
}


SCRIPT_SAMPLE = 600
"""Characters looked at to tell the script."""
IDEOGRAPH_LETTERS = 3
"""Latin letters a character of kana or kanji is worth in telling a text's script: a Japanese or
Chinese text names products and places in Latin letters, and a character of it says as much as
three of them (as a web copy's lines are weighed), so the Latin of its names must not outweigh
it."""


class Words(dict[tuple[str, str], float]):
    """The function-word ratios of texts already measured, by language and text: a page repeats
    some of its lines."""


def guess_language(lines: Iterable[str], sample: int = 400) -> str:
    """The language (ISO 639-1) whose function words ``lines`` use most, judged on up to
    ``sample`` words of the longer lines; ``en`` when nothing says otherwise."""
    text = "\n".join(_opening(lines, sample))
    candidates = _BY_SCRIPT.get(_script(text), ("en",))
    if len(candidates) == 1:
        return candidates[0]
    ranked = _ranked(_hits(text.casefold(), candidates), candidates)
    return ranked[0].language if ranked else candidates[0]


CLEAR_HITS = 12
"""Function words a text must hold for its language to be told (a line or two tells nothing)."""
CLEAR_SHARE = 0.25
"""The least share of a text's words its language's function words make: prose holds a quarter
or more of its own language's (Finnish, whose function words are often parts of words, about
that; English and the Romance languages a third or more); a neighbour's list (Croatian read as
Czech), a scrambled paywalled text or a page of code holds fewer."""
AFFIXED_SHARE = 0.15
"""The least share for the languages of :data:`AFFIXING`, which write most of their function
words onto other words: Arabic its article, "and", "in", "for" (ال، و، ب، ل: "والمدينة" is "and
the town"), Turkish its cases and postpositions as endings ("şehirde", in the town). Their prose
holds 15 to 20% of free-standing function words where other languages' holds a quarter or more;
a list of another language (a neighbour's, a page of code) holds fewer still."""
AFFIXING = frozenset({"ar", "tr"})
CLEAR_MARGIN = 1.1
"""How many times the next language's score the best must have to be clear."""
CLEAR_CHARACTERS = 150
"""Characters of a script that one language here writes and its neighbours do not (Japanese,
Korean, Thai, Greek) that tell it."""
_SHARED_SCRIPTS = frozenset({"devanagari", "hebrew"})
"""Scripts of one language here that others write too (Marathi, Nepali; Yiddish): no clear
language by the script alone."""


def clear_language(lines: Iterable[str], sample: int = 400) -> str | None:
    """The language of ``lines`` (an article's paragraphs, in order) when their words show it
    clearly: enough function words, making a share of its words as prose does, the most of any
    language of the script (raw, and by score, the next well behind), and the story's first
    paragraph saying the same; or enough letters of a script only one language writes. ``None``
    when unsure: a field a reader fills by guesswork must not be wrong."""
    paragraphs = _opening(lines, sample)
    text = "\n".join(paragraphs)
    script = _script(text)
    candidates = _BY_SCRIPT.get(script)
    if candidates is None or not text or script in _SHARED_SCRIPTS:
        return None
    if len(candidates) == 1:
        return candidates[0] if len(text) >= CLEAR_CHARACTERS else None
    # the first paragraph's words are counted once: for it, and as a part of the whole text
    first, rest = paragraphs[0], text[len(paragraphs[0]) + 1 :]
    first_hits, first_words = _hits(first.casefold(), candidates), len(first.split())
    if not rest:  # (the whole is the first paragraph, which then says the same)
        best = _clearly(first_hits, first_words, candidates)
    else:
        rest_hits = _hits(rest.casefold(), candidates)
        hits = {language: first_hits[language] + rest_hits[language] for language in candidates}
        best = _clearly(hits, first_words + len(rest.split()), candidates)
        said_first = _clearly(first_hits, first_words, candidates, least=CLEAR_HITS // 2)
        if said_first not in (None, best):
            return None  # (a long quote in another language)
    if best is None or _written_by_a_neighbour(text, best):
        return None
    return best


_ALPHABETS = {
    "ru": frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя"),
    "uk": frozenset("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"),
    "bg": frozenset("абвгдежзийклмнопрстуфхцчшщъьюяѝ"),
}
"""The Cyrillic letters of each Cyrillic language here. A text that writes others is in a
language without a list, whose function words its listed neighbour shares: Serbian (ђ ћ џ ј љ
њ) and Macedonian (ѓ ќ ѕ ј љ њ) read as Bulgarian, Belarusian (ў) as Ukrainian or Russian."""
_FOREIGN_LETTERS = {
    language: lazy_pattern(
        "[" + "".join(chr(code) for code in range(0x430, 0x500) if chr(code) not in letters) + "]"
    )
    for language, letters in _ALPHABETS.items()
}
_CYRILLIC_LETTER = lazy_pattern("[\u0430-\u04ff]")
FOREIGN_LETTER_SHARE = 0.01
"""The share of a text's Cyrillic letters a language does not write that makes the text another
language's (a Russian story writes a Ukrainian name or two with і; Serbian writes ј in 2% or more
of its letters)."""
_GALICIAN = (
    "unha", "unhas", "dunha", "dunhas", "nunha", "nunhas", "cunha", "cunhas", "tamén", "máis",
    "polo", "pola", "polos", "polas", "xa", "moi", "cando", "coa", "coas", "non", "dous", "aínda",
    "ós",
)  # fmt: skip
_AFRIKAANS = (
    "nie", "hulle", "hy", "jy", "ek", "vir", "baie", "sal", "sê", "gesê", "asook", "julle",
    "mekaar",
)  # fmt: skip
_NEIGHBOURS_WORDS = {
    "pt": frozenset(_GALICIAN),
    "es": frozenset(_GALICIAN),
    "nl": frozenset(_AFRIKAANS),
}
"""Function words of languages without a list that a listed neighbour never writes: Galician
("unha", "polo", "xa", "non") reads as Portuguese or Spanish, Afrikaans ("nie", "hulle", "vir")
as Dutch, by the many function words they share."""
NEIGHBOUR_WORDS = 3
"""Different words of a neighbour's own that make a text the neighbour's (a Portuguese story may
hold one in a quote or a name, "Marco Polo"). Words are told between spaces (a word before a
comma is missed), which costs a tenth of finding them with a pattern."""


def _written_by_a_neighbour(text: str, language: str) -> bool:
    """Whether ``text``, whose function words are most those of ``language``, is written in a
    neighbour of it that has no list: with letters ``language`` does not write
    (:data:`_ALPHABETS`), or with the neighbour's own function words (:data:`_NEIGHBOURS_WORDS`)."""
    if language in _FOREIGN_LETTERS:
        folded = text.casefold()
        foreign = len(_FOREIGN_LETTERS[language].findall(folded))
        return foreign >= FOREIGN_LETTER_SHARE * len(_CYRILLIC_LETTER.findall(folded)) > 0
    words = _NEIGHBOURS_WORDS.get(language)
    return words is not None and len(words.intersection(text.casefold().split())) >= NEIGHBOUR_WORDS


def _clearly(
    hits: dict[str, int], words: int, candidates: tuple[str, ...], least: int = CLEAR_HITS
) -> str | None:
    """The language of the ``candidates`` whose function words a text of ``words`` words holds
    most clearly, by their ``hits`` (see :func:`clear_language`), or ``None``."""
    ranked = _ranked(hits, candidates)
    if not ranked:
        return None
    share = AFFIXED_SHARE if ranked[0].language in AFFIXING else CLEAR_SHARE
    if ranked[0].hits < max(least, share * words):
        return None
    if len(ranked) > 1 and (
        ranked[0].score < CLEAR_MARGIN * ranked[1].score or ranked[0].hits <= ranked[1].hits
    ):
        return None  # (neighbours: Danish and Norwegian, Spanish and Galician)
    return ranked[0].language


def _opening(lines: Iterable[str], sample: int) -> list[str]:
    """The first of ``lines`` long enough to say a language (paragraphs, not menu items or
    labels), up to about ``sample`` words; the lines after them are not looked at."""
    chosen: list[str] = []
    size = 0
    for line in lines:
        if len(line) >= 60:
            chosen.append(line)
            size += len(line)
            if size > sample * 6:
                break
    return chosen


class _Scored(NamedTuple):
    language: str
    score: float
    hits: int


def _ranked(hits: dict[str, int], candidates: tuple[str, ...]) -> list[_Scored]:
    """The two of the ``candidates`` whose function words a text holds most (``hits``, by
    :func:`_hits`), with their scores, best first (the first of a tie first)."""
    best: tuple[float, str] | None = None
    second: tuple[float, str] | None = None
    for language, weight in _list_weights(candidates):
        found = hits[language]
        if found:
            score = found / weight
            if best is None or score > best[0]:
                best, second = (score, language), best
            elif second is None or score > second[0]:
                second = (score, language)
    return [
        _Scored(language, score, hits[language]) for score, language in filter(None, (best, second))
    ]


@cache
def _list_weights(candidates: tuple[str, ...]) -> tuple[tuple[str, float], ...]:
    """The ``candidates`` that have function words, each with the fourth root of its list's
    length, which its hits are divided by (a long list would win on its length alone)."""
    sizes = ((language, len(stoplist(language))) for language in candidates)
    return tuple((language, size**0.25) for language, size in sizes if size)


def _hits(folded: str, candidates: tuple[str, ...]) -> dict[str, int]:
    """How many of the words of ``folded`` are function words of each of ``candidates``."""
    if _LISTED[candidates] < LISTED_TEXTS:
        _LISTED[candidates] += 1
        return _hits_by_lists(_word_counts(folded), candidates)
    return _hits_by_lanes(folded, candidates)


LISTED_TEXTS = 3
"""Texts of a script counted by :func:`_hits_by_lists` before its lanes are made: one article's
(its language guessed, then told clearly on its first paragraph and on the rest), so that a
one-shot conversion never makes the lanes (3.7 ms of its start-up) and a batch has them from its
second article on."""
_LISTED: Counter[tuple[str, ...]] = Counter()
"""How many texts of each script's candidate languages were counted by their lists so far in
this process."""


def _hits_by_lists(counts: Counter[bytes], candidates: tuple[str, ...]) -> dict[str, int]:
    """:func:`_hits` for the first texts of a script (a one-shot conversion's, see
    :data:`LISTED_TEXTS`): the text's distinct words looked up in each list. About 0.4 ms for a
    seed-like text, where the lanes take 20 µs, but making them and encoding every list first
    would cost 4 to 8 ms."""
    words = {word.decode(*_UTF8): times for word, times in counts.items()}
    return {
        language: sum(map(words.__getitem__, words.keys() & stoplist(language)))
        for language in candidates
    }


def _hits_by_lanes(folded: str, candidates: tuple[str, ...]) -> dict[str, int]:
    """:func:`_hits` for the later texts of a batch: the :func:`_lanes` numbers of the text's
    words added up in C, each language's count read from its lane of the sum."""
    width = max(_LANE, len(folded).bit_length())  # (more bits than the text has words)
    lanes = _lanes(candidates, width)
    chunks, plain = _chunks(folded)
    total = sum(map(lanes.get, chunks, itertools.repeat(0)))
    if not plain:  # a chunk that is no word of letters counts as the words it holds
        odd = Counter(itertools.filterfalse(bytes.isalpha, chunks))
        for chunk, found in _odd(odd):
            held = sum(lanes.get(word.encode(*_UTF8), 0) for word in found)
            total += odd[chunk] * (held - lanes.get(chunk, 0))
    mask = (1 << width) - 1
    return {language: total >> (lane * width) & mask for lane, language in enumerate(candidates)}


_LANE = 16
"""Bits of one language's count in a :func:`_lanes` sum, at least: the fewer, the cheaper the
sum (a text of 2**16 characters or more takes as many bits as its length has)."""


@cache
def _lanes(languages: tuple[str, ...], width: int) -> dict[bytes, int]:
    """Each function word of ``languages`` (UTF-8 encoded) as a number with a 1 in the
    ``width``-bit lane of each language it is a function word of: the sum of a text's words'
    numbers holds the count of every language, each in its lane (built once per script)."""
    found: dict[bytes, int] = {}
    for lane, language in enumerate(languages):
        for word in _encoded(language):
            found[word] = found.get(word, 0) | 1 << (lane * width)
    return found


def stopword_ratio(text: str, language: str, words: Words | None = None) -> float:
    """The share of ``text``'s words (characters, for unspaced languages) that are function words
    of ``language``."""
    words_of = stoplist(language)
    if not words_of:
        return 0.0
    if language in UNSPACED:
        letters = list(filter(str.isalpha, text))
        return sum(map(words_of.__contains__, letters)) / len(letters) if letters else 0.0
    if words is not None:
        known = words.get((language, text))
        if known is not None:
            return known
    total, hits = _count(text, language)
    ratio = hits / total if total else 0.0
    if words is not None:
        words[language, text] = ratio
    return ratio


STEM = 5
"""Words are compared on their first characters (after a plural or -ed/-ing ending), so that
"wraps" meets "wrapped" and "Karten" "Karte" in any language without a stemmer."""
_ENDING_LETTERS = frozenset("sdg")
"""The last letters of the endings cut ("-s", "-es", "-ed", "-ing")."""
_TOKEN = lazy_pattern(r"[^\W_]+")
_UNSPACED_CHAR = lazy_pattern("[\u0e00-\u0e7f\u3040-\u9fff\uf900-\ufaff]")


def content_words(text: str, language: str) -> set[str]:
    """The words of ``text`` that carry its content: not function words of ``language``, cut to
    their first :data:`STEM` characters; in scripts without spaces, pairs of characters.
    A headline shares them with the paragraphs it stands over."""
    folded = text.casefold()
    tokens = _distinct_tokens(folded)
    unspaced: list[str] = []
    if not folded.isascii():
        unspaced = [
            token for token in itertools.filterfalse(str.isascii, tokens) if _unspaced(token)
        ]
        tokens.difference_update(unspaced)
    tokens -= stoplist(language)
    found = {
        token[:STEM]
        if len(token) >= _STEM_KEEPS or token[-1] not in _ENDING_LETTERS
        else _stem(token)
        for token in tokens
        if len(token) > 1
    }
    for token in unspaced:
        found.update(token[index : index + 2] for index in range(len(token) - 1))
    return found


_STEM_KEEPS = STEM + 4
"""Words this long keep their first :data:`STEM` characters whatever ending is cut (at most four
characters: "ing" and a doubled letter)."""
_SPACED_TOKENS = bytes(
    code if code >= 0x80 or chr(code).isalnum() else ord(" ") for code in range(256)
)
"""A table for UTF-8 bytes that makes a space of every ASCII character no :data:`_TOKEN` holds."""


def _distinct_tokens(folded: str) -> set[str]:
    """``set(_TOKEN.findall(folded))``: the chunks between spaces once the ASCII characters no
    token holds are spaces, each distinct chunk that is not one token split by the pattern."""
    spaced = folded.encode(*_UTF8).translate(_SPACED_TOKENS).decode(*_UTF8)
    tokens = set(spaced.split())
    odd = list(itertools.filterfalse(str.isalnum, tokens))  # another script's punctuation
    if odd:
        tokens.difference_update(odd)
        for chunk in odd:
            tokens.update(_TOKEN.findall(chunk))
    return tokens


def _unspaced(token: str) -> bool:
    return not token.isascii() and _UNSPACED_CHAR.search(token) is not None


def _stem(word: str) -> str:
    """``word`` less a plural or -ed/-ing ending (of a word left three letters long at least, a
    doubled letter before -ed/-ing too), cut to :data:`STEM` characters."""
    last = word[-1]
    size = len(word)
    if last == "s":
        if size >= 5 and word[-2] == "e":
            word = word[:-2]
        elif size >= 4:
            word = word[:-1]
    elif last == "g":
        if size >= 6 and word.endswith("ing"):
            word = word[:-4] if word[-4] == word[-5] else word[:-3]  # "running"
    elif last == "d" and size >= 5 and word[-2] == "e":
        word = word[:-3] if word[-3] == word[-4] else word[:-2]  # "wrapped"
    return word[:STEM]


ONE_LETTER_WORDS = {
    "en": "aio", "fr": "aày", "es": "aeouy", "it": "aeioè", "pt": "aeoàé", "ca": "aeio",
    "ro": "aeo", "hu": "as", "cs": "aiksouvz", "sk": "aiksouvz", "pl": "aiouwz", "nl": "u",
    "sv": "iå", "da": "iå", "nb": "iå", "ru": "авиксоуя", "uk": "авзійоу", "bg": "ависуя",
    "el": "ηήοό",
}  # fmt: skip
"""The letters that are words by themselves in a language ("A man", Spanish "Y luego", Russian
"В среду", Greek "Η κυβέρνηση"): such a capital on a line over the rest of its sentence may be a
word, not a drop cap, and goes before the line as a word (a language not listed has none).
When the text's language is not clear, a letter that is a word in any of them is taken for one."""


def one_letter_word(letter: str, first_word: str, language: str | None) -> bool:
    """Whether a capital set on a line over the rest of its sentence is a word, not a drop cap:
    a word of ``language`` (of any listed in :data:`ONE_LETTER_WORDS` when it is ``None``, not
    clear) in none of which it and the line's first letters (``first_word``) make a function
    word (Spanish "E" / "l gobierno", Italian "I" / "l governo", English "A" / "fter": the first
    word, set apart by a drop cap)."""
    folded = letter.casefold()
    languages = list(ONE_LETTER_WORDS) if language is None else [language]
    speaking = [name for name in languages if folded in ONE_LETTER_WORDS.get(name, "")]
    word = first_word.casefold()
    return bool(speaking) and not any(word in stoplist(name) for name in speaking)
