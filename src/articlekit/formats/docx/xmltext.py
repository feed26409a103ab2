"""Escaping for XML built as text: faster than building trees, and exact for what we write."""

from __future__ import annotations


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
