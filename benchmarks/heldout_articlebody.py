"""How well the plain-text reader finds the article body and headline in web copies of news pages
it was never tuned on: Zyte's (scrapinghub's) article extraction benchmark.

    pip install inscriptis==2.7.6
    git clone https://github.com/scrapinghub/article-extraction-benchmark /tmp/aeb
    python benchmarks/heldout_articlebody.py /tmp/aeb                  # inscriptis copies
    python benchmarks/heldout_articlebody.py /tmp/aeb --copies DIR     # a browser's copies
    python benchmarks/heldout_articlebody.py /tmp/aeb --worst 20 --headlines

The benchmark holds 181 real pages (``html/<key>.html.gz``, mostly English news of November 2019, a
few blogs and pages in other languages) and, in ``ground-truth.json``, each article's body as its
editors cut it (``articleBody``). Each page is laid out as a web copy the way the shared corpus's
copies were made (``heldout_webcopies.web_copy``), or taken from ``--copies``
(``browser_copies.py`` on a folder of the pages unzipped, ``gunzip -k html/*.gz``, names them
``<key>.html.txt``), and read by the text reader. Reported: the mean word-level precision, recall
and F1 of the body read (dateline, deck, paragraphs, captions) against ``articleBody``, counted as
``tests/webcopy_eval.py`` counts them, beside keeping the whole copy; and the headline against the
page's ``og:title`` (or ``<title>``) where that title, or its part before a site-name separator,
stands as a line of the copy. ``--half even|odd`` keeps every other page in key order (develop on
one, confirm on the other). Some bodies end in "..." (paywalled pages): their precision cannot
reach 1. Nothing from that repository is part of articlekit.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from heldout_webcopies import web_copy

from articlekit import Article, read
from webcopy_eval import Overlap, body_text, headline_counts, headline_right, overlap, tokens


@dataclass
class PageScore:
    key: str
    url: str
    body: Overlap
    whole: Overlap
    headline: str | None
    title: str
    title_counts: bool

    @property
    def headline_is_right(self) -> bool:
        return self.title_counts and headline_right(self.headline, self.title)


def page_title(html: bytes) -> str:
    """The page's ``og:title``, else its ``<title>``."""
    import lxml.html

    root = lxml.html.fromstring(html)
    for found in (root.xpath('//meta[@property="og:title"]/@content'), root.xpath("//title")):
        if found:
            item = found[0]
            return (item if isinstance(item, str) else item.text_content()).strip()
    return ""


def article_body(article: Article | None) -> str:
    """What the benchmark's bodies hold: the deck (some start with it) and the body as read."""
    if article is None:
        return ""
    return f"{article.subheadline or ''}\n{body_text(article)}"


def score_page(key: str, item: dict[str, str], html: bytes, copy: str) -> PageScore:
    expected = tokens(item["articleBody"])
    try:
        article: Article | None = read(copy.encode("utf-8"), format="text").value
    except Exception as error:  # (a page the reader refuses counts as nothing kept)
        print(f"{key}: reader failed: {error}", file=sys.stderr)
        article = None
    title = page_title(html)
    return PageScore(
        key,
        item.get("url", ""),
        overlap(tokens(article_body(article)), expected),
        overlap(tokens(copy), expected),
        article.headline if article is not None else None,
        title,
        bool(title) and headline_counts(title, copy.splitlines()),
    )


def mean_line(label: str, overlaps: list[Overlap]) -> str:
    precision = statistics.mean(item.precision for item in overlaps)
    recall = statistics.mean(item.recall for item in overlaps)
    f1 = statistics.mean(item.f1 for item in overlaps)
    return f"{label}: P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("benchmark", type=Path, help="a clone of article-extraction-benchmark")
    parser.add_argument(
        "--copies", type=Path, help="read each page's copy from here (browser_copies.py makes them)"
    )
    parser.add_argument("--half", choices=("even", "odd"), help="every other page, in key order")
    parser.add_argument("--worst", type=int, default=0, help="list this many pages, worst F1 first")
    parser.add_argument("--headlines", action="store_true", help="list the headlines missed")
    args = parser.parse_args()
    truth = json.loads((args.benchmark / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)
    if args.half is not None:
        keys = keys[args.half == "odd" :: 2]
    scores: list[PageScore] = []
    for key in keys:
        html = gzip.decompress((args.benchmark / "html" / f"{key}.html.gz").read_bytes())
        if args.copies is None:
            copy = web_copy(html.decode("utf-8", "replace"))
        elif (made := args.copies / f"{key}.html.txt").exists():
            copy = made.read_text(encoding="utf-8")
        else:
            continue  # (a page the browser showed no text of)
        scores.append(score_page(key, truth[key], html, copy))
    print(f"{len(scores)} pages")
    print(mean_line("  articlekit text reader, body", [item.body for item in scores]))
    print(mean_line("  keeping the whole copy", [item.whole for item in scores]))
    counted = [item for item in scores if item.title_counts]
    right = sum(item.headline_is_right for item in counted)
    print(f"  headline {right}/{len(counted)} of the pages whose title is a line of the copy")
    for item in sorted(scores, key=lambda page: page.body.f1)[: args.worst]:
        print(
            f"  F1 {item.body.f1:.2f} (P {item.body.precision:.2f} R {item.body.recall:.2f};"
            f" whole {item.whole.f1:.2f}) {item.key[:12]} {item.url[:70]}"
        )
    if args.headlines:
        for item in counted:
            if not item.headline_is_right:
                print(f"  {item.key[:12]} read {item.headline!r:.70} | title {item.title!r:.70}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
