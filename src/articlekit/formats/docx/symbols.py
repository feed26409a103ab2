"""The Symbol font: Word documents type Greek letters and mathematical signs as Latin codes shown
in the Symbol font (``w:sym w:font="Symbol" w:char="F061"``, or text in a run set in Symbol).
Without the font the codes mean nothing, so they are turned into the Unicode characters the
font shows (Adobe's Symbol encoding). Other symbol fonts (Wingdings, Webdings) have no Unicode
mapping everyone agrees on: their codes stay, and the reader reports them.
"""

from __future__ import annotations

_GREEK_CAPITALS = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ"
_GREEK_SMALL = "αβχδεφγηιϕκλμνοπθρστυϖωξψζ"
_CODES: dict[int, str] = {
    0x22: "∀", 0x24: "∃", 0x27: "∋", 0x2A: "∗", 0x2D: "−", 0x40: "≅", 0x5C: "∴", 0x5E: "⊥",
    0x7E: "∼", 0xA0: "€", 0xA1: "ϒ", 0xA2: "′", 0xA3: "≤", 0xA4: "⁄", 0xA5: "∞", 0xA6: "ƒ",
    0xA7: "♣", 0xA8: "♦", 0xA9: "♥", 0xAA: "♠", 0xAB: "↔", 0xAC: "←", 0xAD: "↑", 0xAE: "→",
    0xAF: "↓", 0xB0: "°", 0xB1: "±", 0xB2: "″", 0xB3: "≥", 0xB4: "×", 0xB5: "∝", 0xB6: "∂",
    0xB7: "•", 0xB8: "÷", 0xB9: "≠", 0xBA: "≡", 0xBB: "≈", 0xBC: "…", 0xBF: "↵", 0xC0: "ℵ",
    0xC1: "ℑ", 0xC2: "ℜ", 0xC3: "℘", 0xC4: "⊗", 0xC5: "⊕", 0xC6: "∅", 0xC7: "∩", 0xC8: "∪",
    0xC9: "⊃", 0xCA: "⊇", 0xCB: "⊄", 0xCC: "⊂", 0xCD: "⊆", 0xCE: "∈", 0xCF: "∉", 0xD0: "∠",
    0xD1: "∇", 0xD2: "®", 0xD3: "©", 0xD4: "™", 0xD5: "∏", 0xD6: "√", 0xD7: "⋅", 0xD8: "¬",
    0xD9: "∧", 0xDA: "∨", 0xDB: "⇔", 0xDC: "⇐", 0xDD: "⇑", 0xDE: "⇒", 0xDF: "⇓", 0xE0: "◊",
    0xE1: "〈", 0xE2: "®", 0xE3: "©", 0xE4: "™", 0xE5: "∑", 0xF1: "〉", 0xF2: "∫",
}  # fmt: skip
_CODES.update({0x41 + index: char for index, char in enumerate(_GREEK_CAPITALS)})
_CODES.update({0x61 + index: char for index, char in enumerate(_GREEK_SMALL)})

SYMBOL_FONT = "symbol"
"""The font name (lower case) whose codes are mapped."""
PRIVATE_FONT_BASE = 0xF000
"""Word stores a symbol font's code ``xx`` as the private-use character U+F0xx."""


def symbol_text(text: str) -> str:
    """Text set in the Symbol font, as the characters the font shows."""
    return "".join(symbol_char(ord(char)) for char in text)


def symbol_char(code: int) -> str:
    """The character the Symbol font shows for ``code`` (with or without Word's U+F000 offset);
    codes without a character of their own (bracket pieces, ASCII) stay as they are."""
    plain = (
        code - PRIVATE_FONT_BASE if PRIVATE_FONT_BASE <= code <= PRIVATE_FONT_BASE + 0xFF else code
    )
    if plain in _CODES:
        return _CODES[plain]
    if 0x20 <= plain < 0x7F:
        return chr(plain)
    return chr(code)


def is_private(text: str) -> bool:
    """Whether ``text`` holds a symbol font's private-use codes (U+F000-U+F0FF)."""
    return any(PRIVATE_FONT_BASE <= ord(char) <= PRIVATE_FONT_BASE + 0xFF for char in text)
