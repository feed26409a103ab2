"""Articles a second for every reader → writer pair, and the memory a conversion takes.

    python benchmarks/bench.py                 # every format pair available, 1000 articles
    python benchmarks/bench.py --articles 5000 --pairs text:json json:text
    python benchmarks/bench.py --oneshot ../shared/seed/*.txt
    python benchmarks/bench.py --pairs json:newsml newsml:json --schemas ../shared/schemas
    python benchmarks/bench.py --pairs docx:json json:docx --media   # also illustrated stories

The articles are web-copied stories shaped like the user's sample (:mod:`stories`: a headline, a
source and date line, a dateline, a dozen paragraphs, the page's comment form), read once by the
text reader; for each pair FROM:TO they are written in FROM once, then read from FROM and written
to TO on one core. Speed is the best of ``--repeats`` passes in CPU time of this process (on a
quiet machine the same as wall time; on a busy one much less disturbed by the others), and the
peak of Python memory allocated during a pass (tracemalloc) is shown besides. Timing is measured
here, never asserted in unit tests. With ``--schemas DIR`` (the official IPTC schemas) every pair
is run a second time with that folder in the options, so writers of XML formats validate each
output against its XSD; those rows are marked ``+XSD``.
With ``--media`` every pair is also run with illustrated stories (a lead picture, a figure with
caption and credit, both with 60 KB of embedded picture bytes, and a table with a header row and
merged cells); those rows are marked ``+media``.
With ``--edited`` the pairs from DOCX are also run with the documents saved again by python-docx,
as another program saves them: a document articlekit wrote and nobody touched is read from the
article it embeds, an edited one by reading its body; those rows are marked ``+edited``.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from stories import story_text

from articlekit import Article, Context, registry
from articlekit.model import (
    Figure,
    Media,
    Paragraph,
    Person,
    Rendition,
    Resource,
    Span,
    Table,
    TableCell,
    TableRow,
)

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


def illustrated(article: Article, rng: random.Random) -> Article:
    """``article`` with a lead picture, a figure and a table, as a newsroom story has them."""

    def picture() -> Rendition:
        data = b"\xff\xd8\xff\xe0" + rng.randbytes(60_000)  # JPEG-like bytes: never decoded
        return Rendition(resource=Resource.of(data, "image/jpeg"), width=1200, height=800)

    def cell(text: str, **fields: Any) -> TableCell:
        return TableCell(content=[Span(text=text)], **fields)

    lead = Media(
        role="featured",
        caption=[Span(text="The quay at dusk, where the night ferries will berth.")],
        credit="Ana Lima/Westcliff Courier",
        renditions=[picture()],
    )
    figure = Figure(
        caption=[Span(text="Residents at Tuesday's meeting.")],
        credit="Tomas Berg/AP",
        alt_text="A crowded council chamber",
        renditions=[picture()],
    )
    rows = [TableRow(cells=[cell(name, header=True) for name in ("Ferry", "Leaves", "Arrives")])]
    rows += [
        TableRow(cells=[cell(f"Ferry {index}"), cell(f"2{index}:00"), cell(f"2{index}:50")])
        for index in range(4)
    ]
    rows.append(TableRow(cells=[cell("Last crossing at 02:00", colspan=3)]))
    body = list(article.body)
    body[3:3] = [figure, Table(caption=[Span(text="Night crossings")], rows=rows)]
    return article.model_copy(update={"media": [lead], "body": body})


def available_pairs() -> list[tuple[str, str]]:
    readers = registry.formats("reader")
    writers = registry.formats("writer")
    names = [name for name in readers if name in writers and name != "jsonl"]
    pairs = [("text", "json"), ("json", "text")]
    pairs += [(source, "json") for source in names if source not in ("text", "json")]
    pairs += [("json", target) for target in names if target not in ("text", "json")]
    return pairs


def bench_pair(
    source: str,
    target: str,
    articles: list[Article],
    options: dict[str, str] | None = None,
    repeats: int = 3,
    edit: Callable[[bytes], bytes] | None = None,
) -> dict[str, float]:
    reader = registry.get_reader(source)
    writer = registry.get_writer(target)
    source_writer = registry.get_writer(source)
    inputs = [source_writer.write(article, Context()) for article in articles]
    if edit is not None:
        inputs = [edit(data) for data in inputs]
    options = options or {}

    def convert_all() -> float:
        started = time.process_time()
        for data in inputs:
            context = Context(options=options)
            for article in reader.read(data, context):
                writer.write(article, context)
        return time.process_time() - started

    tracemalloc.start()
    convert_all()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # tracemalloc slows Python down: the speed comes from passes without it.
    elapsed = min(convert_all() for _ in range(repeats))
    return {
        "per_second": len(inputs) / elapsed,
        "peak_mib": peak / 2**20,
        "input_kib": sum(map(len, inputs)) / len(inputs) / 1024,
    }


def saved_by_python_docx(data: bytes) -> bytes:
    """A .docx as another program saves it: its parts are no longer byte for byte what the
    writer made, so the reader reads the body (a document articlekit wrote and nobody touched
    is read from the article it embeds)."""
    import io

    import docx

    saved = io.BytesIO()
    docx.Document(io.BytesIO(data)).save(saved)
    return saved.getvalue()


def seed_like(count: int) -> list[Article]:
    """Stories like the user's sample, as the text reader reads them."""
    reader = registry.get_reader("text")
    rng = random.Random(7)
    return [
        next(iter(reader.read(story_text(rng, index).encode(), Context())))
        for index in range(count)
    ]


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
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3, help="passes; the best one counts")
    parser.add_argument("--pairs", nargs="*", help="FROM:TO pairs (default: all available)")
    parser.add_argument("--oneshot", nargs="*", default=[], help="files for the CLI wall time")
    parser.add_argument("--runs", type=int, default=20, help="runs of each one-shot conversion")
    parser.add_argument(
        "--schemas", metavar="DIR", help="also run every pair with XSD validation of the output"
    )
    parser.add_argument(
        "--media", action="store_true", help="also run every pair with illustrated stories"
    )
    parser.add_argument(
        "--edited",
        action="store_true",
        help="also run the pairs from docx with the documents saved again by python-docx",
    )
    arguments = parser.parse_args()
    articles = seed_like(arguments.articles)
    pairs = (
        [tuple(pair.split(":", 1)) for pair in arguments.pairs]
        if arguments.pairs
        else available_pairs()
    )
    load = os.getloadavg()[0]
    print(
        f"{time.strftime('%Y-%m-%d')}: {len(articles)} seed-like articles, one core, CPU time, "
        f"best of {arguments.repeats}; Python {sys.version.split()[0]}; load average {load:.2f}"
    )
    print()
    print("| pair | articles/s | µs an article | peak MiB | input KiB |")
    print("| --- | ---: | ---: | ---: | ---: |")
    runs: list[tuple[str, dict[str, str], list[Article]]] = [("", {}, articles)]
    if arguments.edited:
        runs.append((" +edited", {}, articles))
    if arguments.schemas:
        runs.append((" +XSD", {"schemas": arguments.schemas}, articles))
    if arguments.media:
        rng = random.Random(7)
        runs.append((" +media", {}, [illustrated(article, rng) for article in articles]))
    for label, options, inputs in runs:
        for source, target in pairs:
            edit = saved_by_python_docx if label == " +edited" else None
            if edit is not None and source != "docx":
                continue
            figures = bench_pair(source, target, inputs, options, arguments.repeats, edit)
            print(
                f"| {source} → {target}{label} | {figures['per_second']:,.0f} | "
                f"{1e6 / figures['per_second']:,.0f} | {figures['peak_mib']:.1f} | "
                f"{figures['input_kib']:.1f} |"
            )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS: {rss:.0f} MiB")
    oneshot(arguments.oneshot, arguments.runs)


if __name__ == "__main__":
    main()
