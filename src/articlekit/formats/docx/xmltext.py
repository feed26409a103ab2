"""Escaping for XML built as text: faster than building trees, and exact for what we write."""

from __future__ import annotations

from articlekit._text import lazy_pattern
from articlekit.prose.controls import strip_controls

_SPACE = lazy_pattern(r"\s+")


def escape_text(text: str) -> str:
    """Character data: ``&``, ``<`` and ``>`` escaped."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def escape_attribute(text: str) -> str:
    """An attribute value in double quotes."""
    text = escape_text(text)
    return text.replace('"', "&quot;") if '"' in text else text


def clean_attribute(value: str | None) -> str:
    """An attribute's text as the model accepts it: no controls, whitespace collapsed."""
    return " ".join(strip_controls(value or "")[0].split())


def clean_target(target: str) -> str | None:
    """A link target the model accepts: no controls, inner whitespace percent-encoded."""
    target = _SPACE.sub("%20", strip_controls(target)[0].strip())
    return target or None
