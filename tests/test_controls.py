"""The fast checks for control characters agree with the patterns that define them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from articlekit.prose.controls import find_control, has_control, strip_controls

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


def test_examples() -> None:
    assert not has_control("Plain text, with\ttabs and\nnew lines — and “quotes”.")
    assert has_control("bell\x07") and has_control("C1 \x85 in Unicode text é")
    assert has_control("lone \ud800") and has_control("non-character \uffff")
    assert strip_controls("red \x1b[31mtext\x1b[0m") == ("red text", 2)
