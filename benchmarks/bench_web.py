"""Web pages and Markdown: articlekit beside trafilatura and pandoc, in one run, on one core.

    python benchmarks/bench_web.py                          # ../shared/corpus/web, 130 pages
    python benchmarks/bench_web.py --pages DIR --pandoc-files 40

Rows (articles per second; peak Python memory of the in-process rows from tracemalloc):

* ``html→json``: articlekit reads each saved page (metadata, extraction, furniture) and writes
  canonical JSON, in process;
* ``trafilatura.extract``: trafilatura's own ``extract`` on the same pages (text only), in process;
* ``own html→json``: articlekit's own pages of the same articles read back (no extraction);
* ``markdown→json``: the same articles written as Markdown with front matter, read back to JSON;
* ``json→html`` and ``json→markdown``: the writers alone, on the articles read from the pages;
* ``pandoc html→docx`` and ``pandoc markdown→docx``: one pandoc process per file, as a shell
  loop would run it (skipped when pandoc is not installed), on the first ``--pandoc-files``
  inputs; articlekit's own one-process-per-file figure is printed beside it for the same files.

Timing is measured here and never asserted in tests; on a shared machine, compare the rows of
one run rather than numbers of different runs.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from articlekit import Article, Context, registry

SHARED_WEB = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "web"


def _timed(work: Callable[[], object], count: int) -> tuple[float, float]:
    """Items per second (from a run without tracemalloc) and peak MiB (from a run with it)."""
    tracemalloc.start()
    work()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    started = time.perf_counter()
    work()
    return count / (time.perf_counter() - started), peak / 2**20


def _per_process(command: Callable[[Path, Path], list[str]], inputs: list[Path]) -> float:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        for index, path in enumerate(inputs):
            output = Path(folder) / f"{index}.docx"
            subprocess.run(command(path, output), check=True, capture_output=True)
        return len(inputs) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=Path, default=SHARED_WEB, help="folder of page folders")
    parser.add_argument("--pandoc-files", type=int, default=30, help="files per process row")
    arguments = parser.parse_args()
    sources = sorted(arguments.pages.glob("*/source.html"))
    if not sources:
        sys.exit(f"no */source.html under {arguments.pages}")
    pages = [path.read_bytes() for path in sources]
    html, markdown, json_writer = (
        registry.get_reader("html"),
        registry.get_reader("markdown"),
        registry.get_writer("json"),
    )
    articles: list[Article] = []

    def html_to_json() -> None:
        articles.clear()
        for data in pages:
            context = Context()
            for article in html.read(data, context):
                json_writer.write(article, context)
                articles.append(article)

    print(f"{len(pages)} pages from {arguments.pages}; one core; Python {sys.version.split()[0]}")
    print(f"{'conversion':<34}{'articles/s':>12}{'peak MiB':>10}")
    rows: list[tuple[str, Callable[[], object]]] = [("html→json (web pages)", html_to_json)]
    try:
        import trafilatura

        rows.append(("trafilatura.extract", lambda: [trafilatura.extract(data) for data in pages]))
    except ImportError:
        print("trafilatura is not installed (pip install 'articlekit[html]'): its row is skipped")
    for label, work in rows:
        speed, peak = _timed(work, len(pages))
        print(f"{label:<34}{speed:>12,.1f}{peak:>10.1f}")

    html_writer, markdown_writer = registry.get_writer("html"), registry.get_writer("markdown")
    own_pages = [html_writer.write(article, Context()) for article in articles]
    documents = [markdown_writer.write(article, Context()) for article in articles]
    for label, writer in (("json→html", html_writer), ("json→markdown", markdown_writer)):

        def write_all(writer: object = writer) -> None:
            for article in articles:
                writer.write(article, Context())  # type: ignore[attr-defined]

        speed, peak = _timed(write_all, len(articles))
        print(f"{label:<34}{speed:>12,.1f}{peak:>10.1f}")
    for label, reader, inputs in (
        ("own html→json", html, own_pages),
        ("markdown→json", markdown, documents),
    ):

        def read_all(reader: object = reader, inputs: list[bytes] = inputs) -> None:
            for data in inputs:
                context = Context()
                for article in reader.read(data, context):  # type: ignore[attr-defined]
                    json_writer.write(article, context)

        speed, peak = _timed(read_all, len(inputs))
        print(f"{label:<34}{speed:>12,.1f}{peak:>10.1f}")

    count = min(arguments.pandoc_files, len(sources))
    with tempfile.TemporaryDirectory() as folder:
        # Saved pages name pictures that are not on disk, which stops pandoc's DOCX writer:
        # both tools get the pages without <img> (articlekit's DOCX carries no pictures from HTML).
        html_files, markdown_files = [], []
        for index, data in enumerate(pages[:count]):
            path = Path(folder) / f"{index}.html"
            path.write_bytes(re.sub(rb"<img\b[^>]*>", b"", data, flags=re.IGNORECASE))
            html_files.append(path)
        for index, data in enumerate(documents[:count]):
            path = Path(folder) / f"{index}.md"
            path.write_bytes(data)
            markdown_files.append(path)
        articlekit = [sys.executable, "-m", "articlekit", "convert", "-q", "--force"]
        for label, inputs in (("html", html_files), ("markdown", markdown_files)):
            speed = _per_process(lambda i, o: [*articlekit, str(i), "-o", str(o)], inputs)
            print(f"{'articlekit ' + label + '→docx, 1/proc':<34}{speed:>12,.1f}{'':>10}")
            if shutil.which("pandoc") is None:
                print(f"pandoc {label}→docx skipped: pandoc is not installed")
                continue
            speed = _per_process(
                lambda i, o, s=label: ["pandoc", "-f", s, "-t", "docx", str(i), "-o", str(o)],
                inputs,
            )
            print(f"{'pandoc ' + label + '→docx, 1/proc':<34}{speed:>12,.1f}{'':>10}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS: {rss:.0f} MiB")


if __name__ == "__main__":
    main()
