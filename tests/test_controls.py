"""The fast checks for control characters agree with the patterns that define them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlekit.prose.controls import (
    _UNWANTED,
    find_control,
    has_control,
    holds_bidi,
    strip_controls,
    without_bidi,
)

SPECIAL = "ab [31m;]\\\x1b\x07\x9b\x00\x1f\x7f\x85\ud800\ufffe\uffff\n\t\r0?@Z_~-/é—“"
"""Controls, escape sequence pieces, surrogates, non-characters, C1, plain letters."""
tricky = st.text(
    st.one_of(
        st.sampled_from(SPECIAL),
        st.characters(),
    ),
    max_size=40,
)


@given(tricky)
def test_has_control_agrees_with_the_pattern(text: str) -> None:
    assert has_control(text) == (find_control(text) is not None)


@given(tricky)
def test_stripping_leaves_no_control_and_counts_what_went(text: str) -> None:
    cleaned, removed = strip_controls(text)
    assert not has_control(cleaned)
    assert (removed == 0) == (cleaned == text)


@given(tricky)
def test_stripping_clean_text_skips_the_pattern_with_its_answer(text: str) -> None:
    assert strip_controls(text) == _UNWANTED.subn("", text)


def test_examples() -> None:
    assert not has_control("Plain text, with\ttabs and\nnew lines — and “quotes”.")
    assert has_control("bell\x07") and has_control("C1 \x85 in Unicode text é")
    assert has_control("lone \ud800") and has_control("non-character \uffff")
    assert strip_controls("red \x1b[31mtext\x1b[0m") == ("red text", 2)


WHITESPACE = " \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u2029\u3000  "
spans = st.text(st.one_of(st.sampled_from(SPECIAL + WHITESPACE), st.characters()), max_size=40)


@given(spans)
def test_a_span_found_clean_needs_no_normalising_and_holds_no_control(text: str) -> None:
    """The span check's shortcut (a one-span paragraph found clean skips the block's own scan)
    agrees with the two scans it saves: clean means no control and nothing to normalise."""
    from articlekit import model

    model._last_clean_span[0] = None
    try:
        model._span_text(text)
    except ValueError:
        assert has_control(text)
        return
    marked = model._last_clean_span[0] is text
    if marked:  # never a text with something to catch
        assert not has_control(text) and model._is_clean(text)
    if text.isascii() and "\n" not in text and not has_control(text) and model._is_clean(text):
        assert marked  # and taken wherever it can be for ASCII text on one line (a line break
        # inside a paragraph is clean, but the shortcut leaves it to the block's scan)


def test_a_paragraph_of_one_clean_span_is_still_checked_whole() -> None:
    from articlekit.model import Paragraph

    assert Paragraph(content=[{"text": "Plain words."}]).text == "Plain words."
    assert Paragraph(content=[{"text": "  spaced   out \t"}]).text == "spaced out"
    with pytest.raises(ValueError, match="a block needs some text"):
        Paragraph(content=[{"text": ""}])
    with pytest.raises(ValueError, match="control character U\\+0007"):
        Paragraph(content=[{"text": "bell\x07"}])


def test_bidi_controls_are_left_out_of_a_judged_line() -> None:
    assert without_bidi("\u202bمكتبة\u202c\u200f") == "مكتبة"
    assert holds_bidi(["plain", "x\u2067y", "more"]) and not holds_bidi(["plain", "so — “fine”"])
