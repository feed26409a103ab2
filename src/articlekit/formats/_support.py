"""Helpers every writer shares: saying which fields a format could not carry."""

from __future__ import annotations

from articlekit.model import Article, content_id
from articlekit.registry import Context

ALWAYS_CARRIED = {"schema_version"}


def report_dropped(article: Article, carried: set[str], context: Context, format_name: str) -> None:
    """One ``field-dropped`` warning naming every set field that ``format_name`` cannot hold.

    A derived id (``urn:articlekit:...``) is not reported: readers derive the same one again.
    """
    dropped = [
        name
        for name in type(article).model_fields
        if name not in carried
        and name not in ALWAYS_CARRIED
        and getattr(article, name)
        and not (name == "id" and article.id == content_id(article))
    ]
    if dropped:
        context.warn(
            "field-dropped", f"{format_name} output cannot hold these fields: {', '.join(dropped)}"
        )
