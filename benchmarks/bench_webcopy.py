"""How fast the plain-text reader finds the article in web copies, on one core.

    python benchmarks/bench_webcopy.py                    # seed-sized and ~200 KB copies
    python benchmarks/bench_webcopy.py --repeat 500
    python benchmarks/bench_webcopy.py ../shared/corpus/web/*/webcopy.txt   # real copies too
    python benchmarks/bench_webcopy.py --each ../shared/corpus/web/*/webcopy.txt  # and each one

Two copies are made here from our own text: one the size of the user's sample (a headline, a
source line, a dozen paragraphs, a comment form; ~5 KB, with a menu and share bar around it so
the web-copy classifier runs) and one of ~200 KB (the same page with long menus, teasers, link
lists and a comment thread, as big news pages are). When ``../shared/seed`` is there, the user's
sample itself is timed too, as it is and inside the same menu. For each it reports the time of the
article finder alone (:func:`articlekit.prose.webcopy.find_article`) and of a whole ``read``
(decoding, classifier, header lines, building the validated Article), per copy and copies per
second: the best of the runs in CPU time (the least disturbed by other processes) and the median.
With ``--each``, every real copy of 25 KB or more is listed too, its finder's time scaled to
200 KB (what the aim for a large copy is set for), and the median and worst of those.
Timing is measured here, never asserted in unit tests; run it on a quiet machine and prefer the
ratio of two numbers from one run.
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
MORE = [
    "Harbour staff counted forty-one fishing boats tied up in the inner basin on a weekday night "
    "last month, and eleven more waiting off the breakwater for a berth, a figure the fishermen's "
    "association says has doubled since the new cold store opened on the north quay.",
    "The ferry company said its crews would use the outer pier whenever the sea allowed it, and "
    "that captains would radio the harbour office before entering the basin, so that no boat "
    "landing a catch would be asked to move while its crew was unloading.",
    "Shopkeepers on the quay, who have asked for more evening trade for years, said they would "
    "wait to see how many passengers the night crossings actually bring before they keep their "
    "doors open past ten, as the cafés did during the summer festival.",
    "The harbour master said the first weeks would be a trial, with a second meeting planned for "
    "the spring to hear from everyone who uses the quays at night, from the lifeboat crew to the "
    "people who live in the flats above the old net lofts.",
    "Several councillors asked whether the board had studied the noise of ferries turning in the "
    "basin at three in the morning; the chair said engineers would measure it during the trial and "
    "publish their readings with the weekly figures.",
    "Fishermen's wives, who run the auction on the fish market floor, said a late boat that misses "
    "the six o'clock sale loses most of the value of its catch, and that the board should think of "
    "the market before it thinks of the timetable.",
    "The ferry company's manager said the night crossings would carry mostly lorries, and that "
    "fewer trucks on the seafront road in the afternoon would help the town as much as the boats, "
    "a point several residents at the meeting applauded.",
    "A petition asking the board to keep the inner basin closed to ferries at all hours has "
    "gathered more than six hundred names, its organisers said, and will be handed to the chair "
    "at the public meeting next month.",
    "Insurers for the fishing fleet have written to the board asking who would pay if a ferry "
    "damaged a moored boat in the dark, and the board said its lawyers were drafting rules that "
    "would put the cost on the vessel that was moving.",
    "The lifeboat station, which shares the slipway at the end of the inner basin, asked for a "
    "lane to be kept clear at all times so that its crew can launch without waiting for a ferry "
    "to finish turning.",
    "Older residents remembered the last time ferries used the inner basin, in the 1970s, when a "
    "night boat ran aground on the sandbar at low water and blocked the harbour mouth for most of "
    "a day.",
    "The board's chair closed the meeting by promising that no decision would be final until the "
    "trial had run its six months, and that every objection sent in writing would be answered in "
    "writing before the vote.",
]
"""Paragraphs that bring the example article to the size of the user's sample (~5 KB)."""
COMMENT = (
    "I have taken the night ferry for years and never once saw a fishing boat waiting for a berth; "
    "the harbour board should publish the figures before anyone decides anything."
)


SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"


def in_menu(article: str) -> str:
    """A page copy: a menu and a sign-in link above the article."""
    return "\n".join(["Skip to main content", "", *MENU, "Sign in", ""]) + "\n" + article


def seed_sized() -> str:
    """The example article (the user's sample's layout) made as long as the sample, in a menu."""
    article = (EXAMPLES / "harbour-ferries.txt").read_text(encoding="utf-8")
    body, form = article.split("\n\nLeave a Reply", 1)
    return in_menu("\n\n".join([body, *MORE]) + "\n\nLeave a Reply" + form)


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


EACH_FROM = 25_000
"""Bytes from which a real copy is listed on its own with ``--each`` (smaller ones are mostly
the fixed cost of a call)."""


def timed(function: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Best and median CPU seconds of one call."""
    function()  # warm caches (stop words, compiled patterns)
    samples = []
    for _ in range(repeat):
        started = time.process_time()
        function()
        samples.append(time.process_time() - started)
    return min(samples), statistics.median(samples)


def report(name: str, text: str, repeat: int, web: bool = True) -> None:
    lines = text.split("\n")
    data = text.encode("utf-8")
    found = webcopy.find_article(lines)
    assert (found is not None) is web, f"{name}: read as a web copy: {found is not None}"
    finder, finder_median = timed(lambda: webcopy.find_article(lines), repeat)
    whole, whole_median = timed(lambda: read(data, format="text"), repeat)
    print(
        f"{name:28} {len(data) / 1000:6.1f} KB  finder {finder * 1000:6.2f} ms "
        f"(median {finder_median * 1000:6.2f}; {1 / finder:6.0f}/s)  read {whole * 1000:6.2f} ms "
        f"(median {whole_median * 1000:6.2f}; {1 / whole:5.0f}/s)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("copies", nargs="*", type=Path, help="real web copies to time as well")
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument(
        "--each", action="store_true", help="list each real copy of 25 KB or more as well"
    )
    options = parser.parse_args(argv)
    print(f"Python {sys.version.split()[0]}, one process (one core), {options.repeat} runs")
    report("seed-sized copy", seed_sized(), options.repeat)
    sample = next(SEED.glob("*.txt"), None) if SEED.is_dir() else None
    if sample is not None:
        seed = sample.read_text(encoding="utf-8")
        report("the user's sample", seed, options.repeat, web=False)
        report("the user's sample in a menu", in_menu(seed), options.repeat)
    report("~200 KB copy", large(), max(options.repeat // 10, 5))
    if options.copies:
        total = finder_total = 0.0
        scaled_times: list[float] = []
        for path in options.copies:
            lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
            data = path.read_bytes()
            finder = timed(lambda lines=lines: webcopy.find_article(lines), 3)[0]
            finder_total += finder
            total += timed(lambda data=data: read(data, format="text"), 3)[0]
            if options.each and len(data) >= EACH_FROM:
                scaled = finder * 1000 * 200_000 / len(data)
                scaled_times.append(scaled)
                print(
                    f"  {path.parent.name:30} {len(data) / 1000:6.1f} KB  finder "
                    f"{finder * 1000:6.2f} ms, {scaled:6.1f} ms per 200 KB"
                )
        if scaled_times:
            print(
                f"{len(scaled_times)} copies of {EACH_FROM // 1000} KB or more, finder per 200 KB: "
                f"median {statistics.median(scaled_times):.1f} ms, worst {max(scaled_times):.1f} ms"
            )
        count = len(options.copies)
        print(
            f"{count} real copies: finder {finder_total / count * 1000:.2f} ms a copy, "
            f"read {total / count * 1000:.2f} ms a copy ({count / total:.0f} copies/s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
