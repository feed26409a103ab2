"""Optional extras that change what a reader gives (a conversion's fingerprint names them)."""

from __future__ import annotations


def extractor_available() -> bool:
    """Whether the ``articlekit[html]`` extra (trafilatura) is installed: a web page's text is
    then found by it (:mod:`articlekit.formats.html.extract`), else by the page's own markup."""
    from importlib.util import find_spec

    return find_spec("trafilatura") is not None
