"""How fast the plain-text reader finds the article in web copies, on one core.

    python benchmarks/bench_webcopy.py                    # seed-sized and ~200 KB copies
    python benchmarks/bench_webcopy.py --repeat 500
    python benchmarks/bench_webcopy.py ../shared/corpus/web/*/webcopy.txt   # real copies too

Two copies are made here from our own text: one the size of the user's sample (a headline, a
source line, a dozen paragraphs, a comment form; ~5 KB, with a menu and share bar around it so
the web-copy classifier runs) and one of ~200 KB (the same page with long menus, teasers, link
lists and a comment thread, as big news pages are). For each it reports the time of the article
finder alone (:func:`articlekit.prose.webcopy.find_article`) and of a whole ``read`` (decoding,
classifier, header lines, building the validated Article), per copy and copies per second. Timing
is measured here, never asserted in unit tests; run it on a quiet machine and prefer the ratio
of two numbers from one run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from articlekit import read
from articlekit.prose import webcopy

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

MENU = ["* News", "* Sport", "* Weather", "* Business", "* Culture", "* Travel", "* Opinion"]
SHARE = ["* Share", "* Tweet", "* Email", "* Print"]
TEASER = (
    "Councillors in the next valley voted on Tuesday to rebuild the old stone bridge, a project "
    "residents have waited a decade for and that engineers say will take two summers."
)
COMMENT = (
    "I have taken the night ferry for years and never once saw a fishing boat waiting for a berth; "
    "the harbour board should publish the figures before anyone decides anything."
)


def seed_sized() -> str:
    """The example web copy (the user's sample's layout) inside a menu and a share bar."""
    article = (EXAMPLES / "harbour-ferries.txt").read_text(encoding="utf-8")
    return "\n".join(["Skip to main content", "", *MENU, "Sign in", ""]) + "\n" + article


def large(target: int = 200_000) -> str:
    """A big page: the article among long menus, teaser lists and a comment thread."""
    article = (EXAMPLES / "harbour-ferries.txt").read_text(encoding="utf-8")
    parts = ["Skip to main content", "", *(MENU * 20), "Sign in", "Subscribe", ""]
    parts += [article, "", *SHARE, "", "Most read", ""]
    number = 0
    while sum(len(part) + 1 for part in parts) < target:
        number += 1
        parts += [f"Bridge vote number {number} divides the valley", "", TEASER, ""]
        parts += [f"Reader {number} · 3 hours ago", COMMENT, "Reply", ""]
        parts += [f"* Related story {number} about the harbour", f"* Weather {number}", ""]
    parts += ["Privacy Policy", "Terms of Service", "© 2024 Westcliff Courier"]
    return "\n".join(parts)


def timed(function: Callable[[], object], repeat: int) -> float:
    """Median seconds of one call."""
    function()  # warm caches (stop words, compiled patterns)
    samples = []
    for _ in range(repeat):
        started = time.process_time()
        function()
        samples.append(time.process_time() - started)
    return statistics.median(samples)


def report(name: str, text: str, repeat: int) -> None:
    lines = text.split("\n")
    data = text.encode("utf-8")
    found = webcopy.find_article(lines)
    assert found is not None, f"{name}: no web copy recognised"
    finder = timed(lambda: webcopy.find_article(lines), repeat)
    whole = timed(lambda: read(data, format="text"), repeat)
    print(
        f"{name:28} {len(data) / 1000:7.1f} KB  finder {finder * 1000:7.2f} ms "
        f"({1 / finder:8.0f}/s)   read {whole * 1000:7.2f} ms ({1 / whole:7.0f}/s)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("copies", nargs="*", type=Path, help="real web copies to time as well")
    parser.add_argument("--repeat", type=int, default=200)
    options = parser.parse_args(argv)
    print(f"Python {sys.version.split()[0]}, one process (one core), median of {options.repeat}")
    report("seed-sized copy", seed_sized(), options.repeat)
    report("~200 KB copy", large(), max(options.repeat // 10, 5))
    if options.copies:
        total = finder_total = 0.0
        for path in options.copies:
            lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
            data = path.read_bytes()
            finder_total += timed(lambda lines=lines: webcopy.find_article(lines), 3)
            total += timed(lambda data=data: read(data, format="text"), 3)
        count = len(options.copies)
        print(
            f"{count} real copies: finder {finder_total / count * 1000:.2f} ms a copy, "
            f"read {total / count * 1000:.2f} ms a copy ({count / total:.0f} copies/s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
