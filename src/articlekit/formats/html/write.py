"""Writing an article as a standalone, accessible HTML5 page (or, with ``-O fragment=true``, as one
``<article>`` element to embed in a CMS page).

* structure a screen reader can walk: ``<html lang dir>``, ``<main>``, ``<article>``, a ``<header>``
  with the ``<h1>``, deck, byline and ``<time datetime>`` elements, the body's own headings, lists
  and quotes, and the rights in a ``<footer>``;
* a small built-in stylesheet (system fonts, a readable measure, dark mode); nothing is fetched;
* schema.org ``NewsArticle`` JSON-LD with what search engines read (headline, dates, author with
  name and URL, publisher, description, keywords) and Open Graph tags for link previews;
* safety: every text and attribute value is escaped, links are never ``javascript:`` (the model
  refuses them), and JSON inside ``<script>`` has ``<``, ``>`` and ``&`` escaped as ``\\u003c``...,
  so no value can close the script or open markup;
* the same article always gives the same bytes (no time stamps, fixed order);
* direction (:mod:`articlekit.formats._direction`): a right-to-left article (by its language, or
  its letters without one) is ``dir="rtl"``, and an element whose text reads the other way (an
  English quote in an Arabic story, an Arabic paragraph in an English one) has its own ``dir``,
  rather than ``dir="auto"``, which goes by the first letter (an Arabic paragraph that opens with
  "CNN" would read left to right); dates, written in digits, read left to right in any page.

The editor's note is not for publication and is never written into a page (``field-dropped``).
What the page cannot show or carry in JSON-LD goes into a small ``articlekit-fields`` script (see
:mod:`.layout`), so that the page reads back to the same article.
"""

from __future__ import annotations

import html
import json
from datetime import date, datetime
from typing import Any

from articlekit.formats._direction import ArticleDirection, article_directions, own_direction
from articlekit.formats._support import yes_or_no
from articlekit.formats.html import layout, media
from articlekit.formats.html.metadata import jsonld_of
from articlekit.model import Article, Dateline, Paragraph, is_author
from articlekit.prose.headers import flags_above, shows_note
from articlekit.registry import Context

STYLESHEET = """\
:root{color-scheme:light dark;--ink:#1a1a1a;--muted:#555;--paper:#fff;--rule:#ddd;--link:#0645ad}
@media (prefers-color-scheme:dark){:root{--ink:#eee;--muted:#aaa;--paper:#121212;--rule:#333;\
--link:#8ab4f8}}
body{margin:0;background:var(--paper);color:var(--ink);font:1.125rem/1.6 system-ui,-apple-system,\
"Segoe UI",Roboto,"Noto Sans",sans-serif}
main{max-width:40rem;margin:0 auto;padding:2rem 1.25rem}
h1{font-size:2.1rem;line-height:1.2;margin:0 0 .5rem}
h2,h3,h4,h5,h6{line-height:1.3;margin:2rem 0 .5rem}
header{border-bottom:1px solid var(--rule);margin-bottom:1.5rem;padding-bottom:1rem}
header p{margin:.25rem 0}
.subheadline{font-size:1.3rem;color:var(--muted)}
.byline,.authors,.dates{color:var(--muted);font-size:.95rem}
.dateline{font-weight:600}
blockquote{margin:1.5rem 0;padding-left:1rem;border-left:4px solid var(--rule)}
a{color:var(--link)}
footer{border-top:1px solid var(--rule);margin-top:2rem;padding-top:1rem;color:var(--muted);\
font-size:.9rem}
figure{margin:1.5rem 0}
img,video{display:block;max-width:100%;height:auto}
figcaption,caption{color:var(--muted);font-size:.9rem;margin-top:.4rem;text-align:left}
.credit{font-style:italic}
table{border-collapse:collapse;margin:1.5rem 0;font-size:1rem}
th,td{border:1px solid var(--rule);padding:.3rem .6rem;vertical-align:top;text-align:left}
"""
BIDI_STYLESHEET = (
    STYLESHEET.replace("padding-left", "padding-inline-start")
    .replace("border-left", "border-inline-start")
    .replace("text-align:left", "text-align:start")
)
"""The stylesheet of a page that marks a direction: quotes' rule and captions' and cells'
alignment on the side each element starts (the right in Arabic or Hebrew text, the left in an
English quote inside it). The same page for left-to-right text alone; kept apart so that the
pages of such text stay byte for byte what they were."""


def _text(value: str) -> str:
    return html.escape(value, quote=False)


def _attribute(value: str) -> str:
    return html.escape(value, quote=True)


def script_json(value: Any) -> str:
    """JSON for inside ``<script>``: no ``<``, ``>`` or ``&`` at all, so neither ``</script>`` nor
    ``<!--`` can appear whatever the article says."""
    text = json.dumps(value, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _display_date(value: date | datetime) -> str:
    """Language-neutral: ``2023-10-06`` or ``2023-10-06 10:15 +02:00``."""
    if not isinstance(value, datetime):
        return value.isoformat()
    text = value.strftime("%Y-%m-%d %H:%M")
    offset = value.strftime("%z")
    return f"{text} UTC" if offset in ("+0000", "") else f"{text} {offset[:3]}:{offset[3:]}"


def _dateline_markup(dateline: Dateline) -> str:
    parts = []
    if dateline.place:
        parts.append(
            f'<span class="{layout.DATELINE_PARTS["place"]}">{_text(dateline.place)}</span>'
        )
    if dateline.date_text:
        parts.append(
            f'<span class="{layout.DATELINE_PARTS["date_text"]}">{_text(dateline.date_text)}</span>'
        )
    printed = ", ".join(parts)
    if dateline.agency:
        agency = f'<span class="{layout.DATELINE_PARTS["agency"]}">{_text(dateline.agency)}</span>'
        printed = f"{printed} ({agency})" if printed else f"({agency})"
    return f"{printed} —"


class _Directions:
    """The direction a page's text reads in, and whether any element says one of its own."""

    def __init__(self, article: ArticleDirection) -> None:
        self.base, self.blocks = article
        """The page's direction, and the one its body's blocks are judged against (``None``
        when none can read the other way)."""
        self.marked = self.base == "rtl"
        """Whether the page says a direction (``dir`` on the page or on an element)."""

    def attribute(self, text: str) -> str:
        """`` dir="..."`` for an element whose ``text`` reads against the page; else nothing."""
        own = own_direction(text, self.base)
        if own is None:
            return ""
        self.marked = True
        return f' dir="{own}"'


def _body_markup(article: Article, directions: _Directions) -> list[str]:
    """The body's elements, one a line; the dateline opens the first paragraph."""
    from lxml import etree

    from articlekit.formats._markup import HTML, write_blocks

    container = etree.Element("div")
    write_blocks(container, article.body, HTML, directions.blocks)
    if directions.blocks is not None and not directions.marked:
        directions.marked = container.find(".//*[@dir]") is not None
    lines = [_serialised(child) for child in container]
    if article.dateline is not None and article.body and isinstance(article.body[0], Paragraph):
        span = f'<span class="dateline">{_dateline_markup(article.dateline)}</span> '
        lines[0] = "<p>" + span + lines[0][len("<p>") :]
    return lines


_VOID = frozenset({"img", "br", "hr", "source", "wbr"})


def _serialised(element: Any) -> str:
    """An element as HTML text: lxml's XML serialiser (libxml2's HTML one percent-encodes
    non-ASCII link targets), with every empty element that HTML does not know as void written
    with its end tag (``<video></video>``, ``<td></td>``: ``<video/>`` would hold what follows),
    and players with their controls."""
    from lxml import etree

    for node in element.iter():
        if node.tag in ("video", "audio"):
            node.set("controls", "controls")
        if node.tag not in _VOID and node.text is None and len(node) == 0:
            node.text = ""
    return str(etree.tostring(element, encoding="unicode"))


def _featured_markup(article: Article) -> list[str]:
    """The featured picture, shown at the top (the media list itself reads back from the JSON-LD
    and the articlekit-fields script, so what the figure cannot show is not lost)."""
    from lxml import etree

    from articlekit.formats._markup import HTML, write_blocks
    from articlekit.formats._media import as_figure

    picture = media.featured(article)
    if picture is None:
        return []
    container = etree.Element("div")
    write_blocks(container, [media.shown_figure(as_figure(picture), set())], HTML)
    figure = container[0]
    figure.set("class", "featured")
    return [_serialised(figure)]


def _header(article: Article, directions: _Directions) -> list[str]:
    lines = ["<header>"]
    own = directions.attribute
    if article.headline:
        for flag in flags_above(article, layout.FLAGS_KEY):  # (as the text writer shows them)
            lines.append(f'<p class="{layout.FLAGS_CLASS}"{own(flag)}>{_text(flag)}</p>')
        lines.append(f"<h1{own(article.headline)}>{_text(article.headline)}</h1>")
    if article.subheadline:
        subheadline = article.subheadline
        lines.append(f'<p class="subheadline"{own(subheadline)}>{_text(subheadline)}</p>')
    if article.byline:
        lines.append(f'<p class="byline"{own(article.byline)}>{_text(article.byline)}</p>')
    elif writers := [
        person.name for person in article.authors if is_author(person, article.byline)
    ]:
        names = ", ".join(writers)
        lines.append(f'<p class="authors"{own(names)}>{_text(names)}</p>')
    times = []
    # (dates are shown in digits, left to right: in right-to-left text each keeps its order)
    numeric = ' dir="ltr"' if directions.base == "rtl" else ""
    for name, label in (("published", ""), ("updated", "Updated ")):
        value = getattr(article, name)
        if value is not None:
            times.append(
                f'{label}<time class="{name}" datetime="{value.isoformat()}"{numeric}>'
                f"{_display_date(value)}</time>"
            )
    if times:
        lines.append(f'<p class="dates">{" · ".join(times)}</p>')
    if article.dateline is not None and not (
        article.body and isinstance(article.body[0], Paragraph)
    ):
        dateline = article.dateline
        printed = " ".join(filter(None, (dateline.place, dateline.date_text, dateline.agency)))
        lines.append(f'<p class="dateline"{own(printed)}>{_dateline_markup(dateline)}</p>')
    lines += _featured_markup(article)
    lines.append("</header>")
    return lines if len(lines) > 2 else []


def _footer(article: Article) -> list[str]:
    rights = article.rights
    if rights is None or not (rights.notice or rights.holder):
        return []
    notice = rights.notice or f"© {rights.holder}"
    return ["<footer>", f'<p class="rights">{_text(notice)}</p>', "</footer>"]


def _head(article: Article, jsonld: dict[str, Any], stylesheet: str) -> list[str]:
    title = article.headline or "Untitled article"
    lines = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="articlekit">',
        f"<title>{_text(title)}</title>",
    ]
    if article.summary:
        lines.append(f'<meta name="description" content="{_attribute(article.summary)}">')
    if article.id.startswith(("http://", "https://")):
        lines.append(f'<link rel="canonical" href="{_attribute(article.id)}">')
    meta = [("og:type", "article")]
    if article.headline:
        meta.append(("og:title", article.headline))
    if article.summary:
        meta.append(("og:description", article.summary))
    if article.id.startswith(("http://", "https://")):
        meta.append(("og:url", article.id))
    if article.source is not None:
        meta.append(("og:site_name", article.source.name))
    if article.published is not None:
        meta.append(("article:published_time", article.published.isoformat()))
    if article.updated is not None:
        meta.append(("article:modified_time", article.updated.isoformat()))
    lines += [f'<meta property="{name}" content="{_attribute(value)}">' for name, value in meta]
    lines.append(f"<style>\n{stylesheet}</style>")
    lines.append(f'<script type="{layout.JSONLD_TYPE}">\n{script_json(jsonld)}\n</script>')
    return lines


def render(article: Article, fields: dict[str, Any], fragment: bool) -> str:
    """The page (or fragment) of ``article``, with ``fields`` in the articlekit-fields script."""
    jsonld = jsonld_of(article, _printed(article.dateline))
    directions = _Directions(article_directions(article))
    language = f' lang="{_attribute(article.language)}"' if article.language else ""
    if directions.base == "rtl":
        language += ' dir="rtl"'
    inner = [f'<article {layout.MARKER}="{layout.MARKER_VALUE}"{language if fragment else ""}>']
    inner += _header(article, directions)
    inner += _body_markup(article, directions)
    inner += _footer(article)
    if fragment:
        inner.append(f'<script type="{layout.JSONLD_TYPE}">\n{script_json(jsonld)}\n</script>')
    if fields:
        inner.append(
            f'<script type="{layout.FIELDS_TYPE}" class="{layout.FIELDS_CLASS}">\n'
            f"{script_json(fields)}\n</script>"
        )
    inner.append("</article>")
    if fragment:
        return "\n".join(inner) + "\n"
    head = _head(article, jsonld, BIDI_STYLESHEET if directions.marked else STYLESHEET)
    page = ["<!DOCTYPE html>", f"<html{language}>", "<head>", *head, "</head>"]
    page += ["<body>", "<main>", *inner, "</main>", "</body>", "</html>"]
    return "\n".join(page) + "\n"


def _printed(dateline: Dateline | None) -> str | None:
    if dateline is None:
        return None
    from articlekit.formats._iptc import printed_dateline

    return printed_dateline(dateline)


def write_page(article: Article, context: Context) -> bytes:
    fragment = yes_or_no(context, "fragment")
    article = media.shown_body(article, context)
    media.report_unshown_featured(article, context)
    if article.editor_note and not shows_note(
        article.editor_note, flags_above(article, layout.FLAGS_KEY)
    ):
        context.warn(
            "field-dropped",
            "html output never carries the editor's note (not for publication): editor_note",
            fields=("editor_note",),
        )
        article = article.model_copy(update={"editor_note": None})
    shown = render(article, {}, fragment)
    fields = _fields_not_shown(article, shown, context)
    return (render(article, fields, fragment) if fields else shown).encode("utf-8")


def _fields_not_shown(article: Article, page: str, context: Context) -> dict[str, Any]:
    """The fields the page without its articlekit-fields script would not give back, as canonical
    JSON values (``None`` for a field the page gives but the article does not have); a shown
    field that would read back differently is reported."""
    from articlekit.formats.html.page import parse_page
    from articlekit.formats.html.read import own_fields

    root = parse_page(page)
    own = layout.own_article(root)
    back = own_fields(root, own, Context())
    back = {key: value for key, value in back.items() if value is not None}
    try:
        derived = Article(**back)
    except ValueError:
        derived = Article()
    dumped = article.model_dump(mode="json")
    fields: dict[str, Any] = {}
    different_shown = []
    for name in type(article).model_fields:
        if name == "schema_version" or getattr(article, name) == getattr(derived, name):
            continue
        if name in layout.VISIBLE:
            different_shown.append(name)
        else:
            fields[name] = dumped.get(name)
    if different_shown:
        context.warn(
            "html-not-round-trippable",
            f"{', '.join(different_shown)} will read back differently from the page",
            fields=tuple(different_shown),
        )
    return fields
