"""Which way an article reads, for the writers that can say it (HTML ``dir``, DOCX ``w:bidi`` and
``w:rtl``, NewsML-G2 ``@dir``), and which script class its language is (DOCX proofing languages).

An article's direction comes from its language when it has one: the script the tag names
(``az-Arab``, ``ku-Latn``), else the script the language is written in (Arabic, Persian, Urdu,
Pashto, Sorani, Sindhi, Uyghur, Kashmiri, ... in Arabic script; Hebrew, Yiddish, Ladino in Hebrew;
Dhivehi in Thaana; Syriac; N'Ko; ...), with the regions where a language usually written left to
right is written in Arabic script (``pa-PK``, ``az-IR``, ``uz-AF``, ...), as CLDR's likely
subtags give them. A language not listed reads left to right. Without a language (or with one
that names none: ``und``, ``mul``, ``zxx``, private use), the letters decide: right to left when
letters of right-to-left scripts outnumber the others. Counting, not the first strong letter
(``dir="auto"``), because an Arabic paragraph often opens with a Latin name ("CNN", "BBC") or a
number.

A block (paragraph, heading, quote, list item) has a direction of its own when its letters say
so: an English quote in an Arabic story reads left to right. A block without letters (a number,
a date, punctuation) reads as the article does.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, NamedTuple, TypeAlias

from articlekit._text import lazy_pattern
from articlekit.model import Article, Block, Heading, Paragraph, iter_blocks
from articlekit.prose.controls import holds_marked, marking_table

Direction: TypeAlias = Literal["ltr", "rtl"]

_RTL_RANGES = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff"
"""The blocks of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan,
Mandaic, their presentation forms, the historic scripts and Adlam): every letter of Unicode's
bidirectional class R or AL lies in them, and no letter of class L does (Unicode 14)."""
_RTL_CHARACTER = lazy_pattern(f"[{_RTL_RANGES}]")
_RTL_LEAD_BYTES = marking_table(bytes([0, *range(0xD6, 0xE1), 0xEF, 0xF0]))
"""The bytes that start the UTF-8 form of those blocks (and of others: Armenian's last letters,
Indic scripts, fullwidth forms, emoji), for a pass in C before :data:`_RTL_CHARACTER`'s: some
ten times faster on text without them (a pattern looks at each character in Python's regular
expression engine, some 10 ns each)."""
_RTL_STRETCHES = lazy_pattern(f"[{_RTL_RANGES}]+")
_RTL_LETTER = f"(?:(?=[{_RTL_RANGES}])[^\\W\\d_])"
_LTR_LETTER = f"(?:(?![{_RTL_RANGES}])[^\\W\\d_])"
_LTR_MARKS = "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*"
"""Combining marks of left-to-right scripts, which stay with the letter before them."""
_FOREIGN = {
    "ltr": lazy_pattern(
        f"{_RTL_LETTER}(?:(?:[{_RTL_RANGES}]|[\\W\\d_])*(?:{_RTL_LETTER}|[0-9]))?[{_RTL_RANGES}]*"
    ),
    "rtl": lazy_pattern(
        f"{_LTR_LETTER}(?:(?:{_LTR_LETTER}|(?![{_RTL_RANGES}])[\\W\\d_])*(?:{_LTR_LETTER}|[0-9]))?"
        + _LTR_MARKS
    ),
}
"""The stretches of a text that read against a paragraph of each direction: from a letter of
the other direction to its last letter (or a digit after it: "iPhone 15", as the Unicode
bidirectional algorithm reads digits after letters) before a letter of the paragraph's own
direction, with the marks and signs of its script that follow; spaces and punctuation at their
edges go with the paragraph."""

RTL_SCRIPTS = frozenset({
    "Adlm", "Arab", "Aran", "Armi", "Avst", "Chrs", "Cprt", "Elym", "Gara", "Hatr", "Hebr",
    "Hung", "Khar", "Lydi", "Mand", "Mani", "Mend", "Merc", "Mero", "Narb", "Nbat", "Nkoo",
    "Orkh", "Ougr", "Palm", "Phli", "Phlp", "Phlv", "Phnx", "Prti", "Rohg", "Samr", "Sarb",
    "Sogd", "Sogo", "Syrc", "Syre", "Syrj", "Syrn", "Thaa", "Yezi"
})  # fmt: skip
"""ISO 15924 codes of the scripts written right to left."""
RTL_LANGUAGES = frozenset({
    "ar", "arb", "arq", "ary", "arz", "apc", "apd", "acm", "acq", "aeb", "afb", "ajp", "ars",
    "ayl", "shu", "ssh", "fa", "prs", "haz", "ur", "ps", "pbt", "pbu", "ckb", "sdh", "lki",
    "sd", "ug", "ks", "pnb", "skr", "mzn", "glk", "lrc", "bqi", "bal", "bgn", "brh", "khw",
    "azb", "uzs", "ota", "he", "iw", "hbo", "yi", "ji", "ydd", "yih", "lad", "jrb", "jpr",
    "ae", "arc", "syr", "syc", "aii", "cld", "dv", "nqo", "rhg", "mid", "sam", "smp", "phn"
})  # fmt: skip
"""Languages whose usual script reads right to left (CLDR likely subtags): Arabic and its
varieties, Persian and Dari, Urdu, Pashto, Kurdish (Sorani, Southern), Sindhi, Uyghur, Kashmiri,
Western Punjabi, Saraiki, Mazanderani, Gilaki, Northern Luri, Balochi, Brahui, Khowar, South
Azerbaijani, Southern Uzbek, Ottoman Turkish; Hebrew, Yiddish, Ladino, Judeo-Arabic and
-Persian; Avestan, Aramaic, Syriac, Assyrian and Chaldean Neo-Aramaic; Dhivehi; N'Ko; Rohingya;
Mandaic; Samaritan; Phoenician."""
RTL_REGIONS = frozenset(
    {("pa", "PK"), ("az", "IR"), ("az", "IQ"), ("uz", "AF"), ("tg", "PK"), ("ky", "CN"),
     ("kk", "CN"), ("kk", "AF"), ("kk", "IR"), ("tk", "AF"), ("tk", "IR"), ("ha", "SD"),
     ("ha", "CM"), ("ku", "IQ"), ("ku", "IR"), ("ku", "LB"), ("ms", "CC")}
)  # fmt: skip
"""A language usually written left to right, in a region where it is written in Arabic script."""
LTR_REGIONS = frozenset({("sd", "IN"), ("ug", "KZ"), ("ug", "MN")})
"""A language usually written right to left, in a region where it is not (Devanagari, Cyrillic)."""
EAST_ASIAN_SCRIPTS = frozenset({"Bopo", "Hang", "Hani", "Hans", "Hant", "Hira", "Hrkt", "Jpan",
                                "Kana", "Kore"})  # fmt: skip
EAST_ASIAN_LANGUAGES = frozenset({
    "zh", "ja", "ko", "cmn", "yue", "wuu", "hak", "nan", "gan", "hsn", "cjy", "cdo", "cpx",
    "czh", "czo", "mnp", "lzh"
})  # fmt: skip
"""Chinese (its varieties too), Japanese and Korean: the scripts Word calls East Asian."""
COMPLEX_SCRIPTS = frozenset({
    "Beng", "Deva", "Gujr", "Guru", "Khmr", "Knda", "Laoo", "Mlym", "Mymr", "Orya", "Sinh",
    "Taml", "Telu", "Thai", "Tibt"
})  # fmt: skip
"""Scripts written left to right that Word calls complex, as it does right-to-left ones: their
text is shaped, proofed in the complex-script language (``w:lang/@w:bidi``) and shown bold or
italic by ``w:bCs``/``w:iCs``: the Indic scripts, Sinhala, Thai, Lao, Khmer, Burmese, Tibetan."""
COMPLEX_LANGUAGES = frozenset({
    "hi", "mr", "ne", "sa", "mai", "bho", "kok", "bn", "as", "pa", "gu", "or", "ta", "te", "kn",
    "ml", "si", "th", "lo", "km", "my", "bo", "dz"
})  # fmt: skip
"""Languages whose usual script is one of :data:`COMPLEX_SCRIPTS` (Punjabi in Gurmukhi: in
Pakistan it is written in Arabic script, see :data:`RTL_REGIONS`)."""
_COMPLEX_LETTER = lazy_pattern("[\u0900-\u0fff\u1000-\u109f\u1780-\u17ff]")
"""A letter of one of :data:`COMPLEX_SCRIPTS` (the Indic blocks to Sinhala, Thai, Lao, Tibetan,
Myanmar, Khmer)."""
_NO_LANGUAGE = frozenset({"und", "mul", "zxx", "mis"})
"""Tags that name no language a text is written in: undetermined, several, none, uncoded."""


def _subtags(language: str) -> tuple[str, str | None, str | None] | None:
    """The primary language, script and region subtags of a tag (canonical case, as the model
    keeps tags); ``None`` for a tag that names no language: private use, ``i-`` tags,
    ``und``, ``mul``, ``zxx``, ``mis`` and the private-use languages ``qaa``-``qtz``."""
    parts = language.split("-")
    primary = parts[0]
    if len(primary) < 2 or primary in _NO_LANGUAGE or "qaa" <= primary <= "qtz":
        return None
    script = region = None
    for part in parts[1:]:
        if len(part) == 1:
            break  # extensions and private use
        if len(part) == 4 and part.isalpha():
            script = part
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            region = part
    return primary, script, region


def language_direction(language: str | None) -> Direction | None:
    """The direction the language tag says its text is written in; ``None`` when it names no
    language (see :func:`_subtags`)."""
    subtags = _subtags(language) if language else None
    if subtags is None:
        return None
    primary, script, region = subtags
    if script is not None:
        return "rtl" if script in RTL_SCRIPTS else "ltr"
    if (primary, region) in RTL_REGIONS:
        return "rtl"
    if (primary, region) in LTR_REGIONS:
        return "ltr"
    return "rtl" if primary in RTL_LANGUAGES else "ltr"


def is_east_asian(language: str | None) -> bool:
    """Whether the language tag says its text is Chinese, Japanese or Korean script."""
    subtags = _subtags(language) if language else None
    if subtags is None:
        return False
    primary, script, _ = subtags
    return script in EAST_ASIAN_SCRIPTS if script is not None else primary in EAST_ASIAN_LANGUAGES


def is_complex_script(language: str | None) -> bool:
    """Whether the language tag says its text is in a script Word calls complex: one written
    right to left, or one of :data:`COMPLEX_SCRIPTS`."""
    subtags = _subtags(language) if language else None
    if subtags is None:
        return False
    if language_direction(language) == "rtl":
        return True
    primary, script, _ = subtags
    return script in COMPLEX_SCRIPTS if script is not None else primary in COMPLEX_LANGUAGES


def holds_complex_letters(text: str) -> bool:
    """Whether ``text`` holds letters of a left-to-right script Word calls complex (Devanagari,
    Thai ...), whose bold and italic it takes from ``w:bCs`` and ``w:iCs``."""
    return not text.isascii() and _COMPLEX_LETTER.search(text) is not None


def left_to_right_only(text: str) -> bool:
    """Whether ``text`` holds nothing of a right-to-left script (most texts: a quick test, asked
    of every paragraph a writer writes)."""
    if text.isascii():
        return True
    return (
        not holds_marked(text.encode("utf-8", "surrogatepass"), _RTL_LEAD_BYTES)
        or _RTL_CHARACTER.search(text) is None
    )


def text_direction(text: str) -> Direction | None:
    """``rtl`` when letters of right-to-left scripts outnumber the others in ``text``, ``ltr``
    when they do not, ``None`` without letters."""
    if left_to_right_only(text):
        return "ltr" if any(map(str.isalpha, text)) else None
    right = sum(map(str.isalpha, "".join(_RTL_STRETCHES.findall(text))))
    left = sum(map(str.isalpha, text)) - right
    if not (right or left):
        return None
    return "rtl" if right > left else "ltr"


def own_direction(text: str, around: Direction) -> Direction | None:
    """The direction a block of ``text`` reads in, when it differs from the direction ``around``
    it (its article's, its quote's); ``None`` when it reads as they do."""
    if around == "ltr" and left_to_right_only(text):
        return None  # (most blocks: no letter of a right-to-left script)
    direction = text_direction(text)
    return direction if direction is not None and direction != around else None


class ArticleDirection(NamedTuple):
    """Which way an article reads, and against which direction its blocks are judged."""

    base: Direction
    """The direction of the article's text: its language's, else its letters' (headline, deck,
    summary and body), else left to right."""
    blocks: Direction | None
    """``base`` when a block of the body may read the other way; ``None`` when none can (see
    :func:`judged_direction`): its writers then judge no block."""


def article_directions(article: Article) -> ArticleDirection:
    """The article's direction, and the one its blocks are judged against. Each of its texts is
    tested for letters of a right-to-left script once: nearly every article has none, and then
    it reads left to right (unless its language says otherwise) and so does every block."""
    direction = language_direction(article.language)
    if direction == "rtl":
        return ArticleDirection("rtl", "rtl")
    texts = [text for text in (article.headline, article.subheadline, article.summary) if text]
    texts += _block_texts(article.body)
    left_to_right = all(map(left_to_right_only, texts))
    if direction is None:
        direction = "ltr" if left_to_right else text_direction("\n".join(texts)) or "ltr"
    return ArticleDirection(direction, None if left_to_right and direction == "ltr" else direction)


def judged_direction(direction: Direction, texts: Iterable[str]) -> Direction | None:
    """``direction``, the one blocks of ``texts`` are written in, when one of them may read the
    other way; ``None`` when none can: the blocks read left to right and no text holds a letter
    of a right-to-left script (each text tested once, not again block by block). Texts are
    tested each rather than joined: a text beyond ASCII costs a pass over its bytes, and one such
    paragraph is more common than a whole article of them."""
    return None if direction == "ltr" and all(map(left_to_right_only, texts)) else direction


def blocks_text(blocks: list[Block]) -> str:
    """The text of the paragraphs and headings among ``blocks`` (in quotes, list items and table
    cells too), for its letters: a span a line."""
    return "\n".join(_block_texts(blocks))


def _block_texts(blocks: list[Block]) -> list[str]:
    """The texts of the spans of the paragraphs and headings among ``blocks``, nested ones
    included: as good as the blocks' texts for their letters, and without joining them."""
    return [
        span.text
        for block in iter_blocks(blocks)
        if isinstance(block, (Paragraph, Heading))
        for span in block.content
    ]


def direction_runs(text: str, paragraph: Direction) -> list[tuple[str, bool]]:
    """``text`` cut where it reads against its ``paragraph``'s direction: (piece, whether the piece
    reads right to left), in order; one piece for a text that reads as its paragraph does."""
    if paragraph == "ltr" and left_to_right_only(text):
        return [(text, False)]
    against = paragraph == "ltr"
    pieces: list[tuple[str, bool]] = []
    end = 0
    for stretch in _FOREIGN[paragraph].finditer(text):
        if stretch.start() > end:
            pieces.append((text[end : stretch.start()], not against))
        pieces.append((stretch.group(), against))
        end = stretch.end()
    if end < len(text):
        pieces.append((text[end:], not against))
    return pieces
