"""Throughput and memory of articlekit conversions, and the wall time of one CLI conversion.

    python benchmarks/bench.py                 # every format pair available, 2000 articles
    python benchmarks/bench.py --articles 5000 --pairs text:json json:text
    python benchmarks/bench.py --oneshot ../shared/seed/*.txt
    python benchmarks/bench.py --pairs json:newsml newsml:json --schemas ../shared/schemas
    python benchmarks/bench.py --no-media      # only the stories without pictures and tables

For each pair FROM:TO it generates story-shaped articles (headline, byline, dateline, a dozen
paragraphs of about 60 words, like the user's sample), and the same stories with a lead picture
(caption, credit, photographer, three renditions, one of them embedded bytes) and a table of
ten rows in the body (rows marked ``+media``), writes them in FROM once, then times
reading FROM and writing TO on one core, and reports articles/second and the peak of Python
memory allocated during the run (tracemalloc) besides the process's peak RSS. Timing is measured
here, never asserted in unit tests. With ``--schemas DIR`` (the official IPTC schemas) every pair is
run a second time with that folder in the options, so writers of XML formats validate each output
against its XSD; those rows are marked ``+XSD``.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from articlekit import Article, Context, registry
from articlekit.model import Paragraph, Person, Span

WORDS = (
    "the",
    "council",
    "said",
    "on",
    "tuesday",
    "that",
    "harbour",
    "ferries",
    "would",
    "berth",
    "at",
    "night",
    "while",
    "fishermen",
    "warned",
    "of",
    "crowded",
    "quays",
    "and",
    "residents",
    "feared",
    "engine",
    "noise",
    "near",
    "the",
    "old",
    "customs",
    "house",
    "as",
    "traders",
    "expected",
    "prices",
    "to",
    "rise",
    "after",
    "a",
    "dry",
    "spell",
    "across",
    "the",
    "northern",
    "plains",
    "threatened",
    "late",
    "harvest",
    "according",
    "to",
    "officials",
    "who",
    "spoke",
    "on",
    "condition",
    "of",
    "anonymity",
)
PLACES = ["PORT ALDWIN", "LINDENFORT", "Marrow Bay", "HALMSTEAD", "Eastholm"]


def make_article(rng: random.Random, index: int) -> Article:
    def sentence(count: int) -> str:
        words = [rng.choice(WORDS) for _ in range(count)]
        return " ".join(words).capitalize() + "."

    paragraphs = [
        " ".join(sentence(rng.randint(12, 24)) for _ in range(rng.randint(2, 4))) for _ in range(12)
    ]
    headline = " ".join(word.capitalize() for word in rng.sample(WORDS, 9))
    name = f"Reporter {chr(65 + index % 26)}{index}"
    return Article(
        headline=headline,
        byline=f"By {name}",
        authors=[Person(name=name)],
        source={"name": "Westcliff Courier"},
        published=f"2024-{1 + index % 12:02d}-{1 + index % 28:02d}",
        dateline={"place": rng.choice(PLACES)},
        body=[Paragraph(content=[Span(text=text)]) for text in paragraphs],
    )


def with_media(article: Article, rng: random.Random, index: int) -> Article:
    """The story with a picture after its first paragraph and a results table at its end."""
    from articlekit.model import Figure, Rendition, Resource, Table, TableCell, TableRow

    picture = Figure(
        caption=[Span(text=" ".join(rng.choice(WORDS) for _ in range(18)).capitalize() + ".")],
        credit=f"Photographer {index}/Westcliff Courier",
        creators=[Person(name=f"Photographer {index}", role="photographer")],
        alt_text="Ferries moored at the old customs house quay.",
        renditions=[
            Rendition(name="original", uri=f"https://example.org/p/{index}.jpg", width=4000,
                      height=3000, media_type="image/jpeg", size=2_400_000),
            Rendition(name="thumbnail", uri=f"https://example.org/p/{index}-t.jpg", width=256,
                      height=192, media_type="image/jpeg"),
            Rendition(name="icon", resource=Resource.of(bytes(rng.randrange(256) for _ in
                                                              range(2048)), "image/png")),
        ],
    )  # fmt: skip
    header = TableRow(cells=[TableCell(header=True, content=[Span(text=label)])
                             for label in ("Port", "Ferries", "Berths", "Change")])  # fmt: skip
    rows = [
        TableRow(cells=[TableCell(content=[Span(text=text)]) for text in (
            rng.choice(PLACES).title(), str(rng.randint(1, 40)), str(rng.randint(1, 9)),
            f"{rng.uniform(-5, 5):+.2f}")])
        for _ in range(10)
    ]  # fmt: skip
    table = Table(caption=[Span(text="Night berths by port")], rows=[header, *rows])
    body = [article.body[0], picture, *article.body[1:], table]
    return article.model_copy(update={"body": body, "id": f"{article.id}-media"})


def available_pairs() -> list[tuple[str, str]]:
    readers = registry.formats("reader")
    writers = registry.formats("writer")
    names = [name for name in readers if name in writers and name != "jsonl"]
    pairs = [("text", "json"), ("json", "text")]
    pairs += [(source, "json") for source in names if source not in ("text", "json")]
    pairs += [("json", target) for target in names if target not in ("text", "json")]
    return pairs


def bench_pair(
    source: str, target: str, articles: list[Article], options: dict[str, str] | None = None
) -> dict[str, float]:
    reader = registry.get_reader(source)
    writer = registry.get_writer(target)
    source_writer = registry.get_writer(source)
    inputs = [source_writer.write(article, Context()) for article in articles]
    options = options or {}

    def convert_all() -> float:
        started = time.perf_counter()
        for data in inputs:
            context = Context(options=options)
            for article in reader.read(data, context):
                writer.write(article, context)
        return time.perf_counter() - started

    tracemalloc.start()
    convert_all()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # tracemalloc slows Python down: the speed comes from a run without it.
    elapsed = convert_all()
    return {
        "per_second": len(inputs) / elapsed,
        "peak_mib": peak / 2**20,
        "input_kib": sum(map(len, inputs)) / len(inputs) / 1024,
    }


def oneshot(paths: list[str], runs: int) -> None:
    for path in paths:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "articlekit", "convert", path, "--to", "json", "-q"],
                stdout=subprocess.DEVNULL,
                check=True,
            )
            times.append(time.perf_counter() - started)
        print(
            f"one-shot `articlekit convert {Path(path).name} --to json`: "
            f"median {statistics.median(times) * 1000:.0f} ms, best {min(times) * 1000:.0f} ms "
            f"over {runs} runs"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--pairs", nargs="*", help="FROM:TO pairs (default: all available)")
    parser.add_argument("--oneshot", nargs="*", default=[], help="files for the CLI wall time")
    parser.add_argument("--runs", type=int, default=20, help="runs of each one-shot conversion")
    parser.add_argument(
        "--schemas", metavar="DIR", help="also run every pair with XSD validation of the output"
    )
    parser.add_argument(
        "--no-media", action="store_true", help="leave out the stories with a picture and a table"
    )
    arguments = parser.parse_args()
    rng = random.Random(7)
    articles = [make_article(rng, index) for index in range(arguments.articles)]
    sets = [("", articles)]
    if not arguments.no_media:
        media_rng = random.Random(11)
        sets.append((" +media", [with_media(a, media_rng, i) for i, a in enumerate(articles)]))
    pairs = (
        [tuple(pair.split(":", 1)) for pair in arguments.pairs]
        if arguments.pairs
        else available_pairs()
    )
    print(f"{len(articles)} generated articles; one core; Python {sys.version.split()[0]}")
    print(f"{'pair':<22}{'articles/s':>12}{'peak MiB':>10}{'input KiB':>11}")
    runs: list[tuple[str, dict[str, str]]] = [("", {})]
    if arguments.schemas:
        runs.append((" +XSD", {"schemas": arguments.schemas}))
    for label, options in runs:
        for kind, stories in sets:
            for source, target in pairs:
                figures = bench_pair(source, target, stories, options)
                print(
                    f"{source + '→' + target + label + kind:<22}{figures['per_second']:>12,.0f}"
                    f"{figures['peak_mib']:>10.1f}{figures['input_kib']:>11.1f}"
                )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS: {rss:.0f} MiB")
    oneshot(arguments.oneshot, arguments.runs)


if __name__ == "__main__":
    main()
