"""How well the plain-text reader finds the article in web copies of pages it was never tuned on.

    pip install inscriptis==2.7.6 trafilatura
    git clone https://github.com/adbar/trafilatura /tmp/trafilatura
    python benchmarks/heldout_webcopies.py /tmp/trafilatura/tests            # our reader
    python benchmarks/heldout_webcopies.py /tmp/trafilatura/tests --html     # and trafilatura's
    python benchmarks/heldout_webcopies.py /tmp/trafilatura/tests --worst 20 # the pages it misses
    python benchmarks/heldout_webcopies.py /tmp/trafilatura/tests --copies DIR  # a browser's copies
    python benchmarks/heldout_webcopies.py /tmp/trafilatura/tests --alone  # articles copied alone

trafilatura's evaluation set (``tests/eval/*.html`` and ``tests/evaldata.json``: about 900 real
pages, mostly German and English news, blogs and company pages) gives for each page a few phrases
the article holds ("with") and a few of the page's furniture ("without"). Each page is laid out
as a web copy the way the shared corpus's ``webcopy.txt`` files were made (inscriptis 2.7.6: each
rendered line a line, leading spaces dropped, runs of blank lines collapsed to one; this script
reproduces those 130 files byte for byte) and read by the text reader. Only phrases that stand in
the copy count (some are link targets or hidden text). Reported: the share of "with" phrases
kept in the headline, deck and body, the share of "without" phrases left out, and the pages where no
"with" phrase is kept; and the headline and byline against the set's title and author, measured
as ``tests/webcopy_eval.py`` measures them. Keeping the whole copy scores 1 and 0. With
``--html``, trafilatura's own ``extract`` on the HTML is scored the same way (it was developed on
these pages, and reads HTML, not text: a reference, not a target). With ``--alone``, each copy is
first cut to what a user selects to copy an article alone: from the line that is the page's
title to the last line holding a "with" phrase (pages without both are left out).
Nothing from that repository is part of articlekit.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from articlekit import Article, read
from webcopy_eval import (
    article_alone,
    body_text,
    byline_counts,
    byline_right,
    headline_counts,
    headline_right,
    normalise,
)


def web_copy(html: str) -> str:
    """The page's visible text as the corpus's web copies were made."""
    from inscriptis import get_text

    lines: list[str] = []
    for rendered in get_text(html).splitlines():
        line = rendered.strip()
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip("\n") + "\n"


def page_html(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


@dataclass
class Score:
    """Phrases found in the copy, and how many of them a reading kept."""

    name: str
    wanted: int
    kept: int
    unwanted: int
    leaked: int


def score(name: str, text: str, wanted: list[str], unwanted: list[str]) -> Score:
    found = normalise(text)
    return Score(
        name,
        len(wanted),
        sum(phrase in found for phrase in wanted),
        len(unwanted),
        sum(phrase in found for phrase in unwanted),
    )


def ours(copy: str) -> Article | None:
    try:
        return read(copy.encode("utf-8"), format="text").value
    except Exception as error:  # (a page the reader refuses counts as nothing kept)
        print(f"reader failed: {error}", file=sys.stderr)
        return None


def article_text(article: Article | None) -> str:
    """The headline, deck and body: what the set's phrases of the article are looked for in."""
    if article is None:
        return ""
    return f"{article.headline or ''}\n{article.subheadline or ''}\n{body_text(article)}"


def summary(label: str, scores: list[Score]) -> str:
    wanted = sum(item.wanted for item in scores)
    kept = sum(item.kept for item in scores)
    unwanted = sum(item.unwanted for item in scores)
    leaked = sum(item.leaked for item in scores)
    missed = sum(1 for item in scores if item.wanted and not item.kept)
    return (
        f"{label}: {len(scores)} pages; 'with' phrases kept {kept}/{wanted} = {kept / wanted:.3f};"
        f" 'without' phrases left out {unwanted - leaked}/{unwanted} ="
        f" {(unwanted - leaked) / unwanted:.3f}; pages with no 'with' phrase kept: {missed}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tests", type=Path, help="trafilatura's tests folder")
    parser.add_argument("--html", action="store_true", help="also score trafilatura.extract")
    parser.add_argument("--worst", type=int, default=0, help="list this many missed pages")
    parser.add_argument(
        "--copies", type=Path, help="read each page's copy from here (browser_copies.py makes them)"
    )
    parser.add_argument(
        "--alone",
        action="store_true",
        help="read the article alone: each copy cut from its title line to its last 'with' phrase",
    )
    args = parser.parse_args()
    expectations = json.loads((args.tests / "evaldata.json").read_text(encoding="utf-8"))
    mine: list[Score] = []
    theirs: list[Score] = []
    headlines = [0, 0]  # (right, pages whose title stands as a line of the copy)
    bylines = [0, 0]
    for item in expectations.values():
        path = args.tests / "eval" / item["file"]
        if not path.exists():
            continue
        html = page_html(path)
        if args.copies is None:
            copy = web_copy(html)
        elif (made := args.copies / f"{item['file']}.txt").exists():
            copy = made.read_text(encoding="utf-8")
        else:
            continue  # (a page the browser showed no text of)
        if args.alone:
            cut = article_alone(copy, item.get("title") or "", item.get("with", []))
            if cut is None:
                continue
            copy = cut
        in_copy = normalise(copy)
        wanted = [p for p in map(normalise, item.get("with", [])) if p in in_copy]
        unwanted = [p for p in map(normalise, item.get("without", [])) if p in in_copy]
        if not wanted and not unwanted:
            continue
        article = ours(copy)
        mine.append(score(item["file"], article_text(article), wanted, unwanted))
        title, author = item.get("title"), item.get("author")
        if isinstance(author, list):  # (several authors are listed one by one)
            author = ", ".join(author)
        if title and headline_counts(title, copy.splitlines()):
            headlines[1] += 1
            headlines[0] += article is not None and headline_right(article.headline, title)
        if author and byline_counts(author, copy):
            bylines[1] += 1
            bylines[0] += article is not None and byline_right(article, author)
        if args.html:
            import trafilatura

            extracted = trafilatura.extract(html) or ""
            theirs.append(score(item["file"], extracted, wanted, unwanted))
    print(summary("articlekit text reader on web copies", mine))
    print(
        f"  headline {headlines[0]}/{headlines[1]} of the pages whose title is a line of the copy;"
        f" byline {bylines[0]}/{bylines[1]} of those whose author is in it"
    )
    if theirs:
        print(summary("trafilatura.extract on the HTML", theirs))
    missed = sorted((item for item in mine if item.wanted), key=lambda i: i.kept / i.wanted)
    for item in missed[: args.worst]:
        print(f"  {item.name}: kept {item.kept}/{item.wanted}, left {item.leaked}/{item.unwanted}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
