"""Convert a folder on a Dask cluster, then use the articles in other Dask work.

    pip install 'articlekit[dask]'
    python examples/dask_cluster.py examples/ out/                    # a local cluster
    python examples/dask_cluster.py examples/ out/ tcp://scheduler:8786

First the whole conversion runs on the cluster as ``articlekit convert --scheduler`` does it
(resumable, results in order, a summary). Workers read the inputs and write the output folder
themselves: on a cluster of several machines, both must be on a file system every worker sees
under the same path. Then ``to_bag`` gives the articles as a ``dask.bag`` to compute with: here,
the most frequent words of the headlines.
"""

from __future__ import annotations

import argparse
import sys

from articlekit.batch import BatchResult, convert_batch
from articlekit.batch.dask import to_bag


def headline_words(result: BatchResult) -> list[str]:
    return [
        word.lower()
        for article in result.articles
        for word in (article.headline or "").split()
        if len(word) > 3
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", help="the folder of articles to convert")
    parser.add_argument("output", help="the output folder")
    parser.add_argument("scheduler", nargs="?", default="local", help="address, or local")
    arguments = parser.parse_args(argv)
    folder, output, scheduler = arguments.folder, arguments.output, arguments.scheduler
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1) if scheduler == "local" else None
    with Client(cluster or scheduler) as client:
        batch = convert_batch([folder], output.rstrip("/") + "/", to="nitf", scheduler=client)
        for result in batch:
            if result.error is not None:
                print(f"failed: {result.error}", file=sys.stderr)
        print(batch.summary)

        articles = to_bag([folder])  # no output: the results hold the articles
        words = articles.map(headline_words).flatten().frequencies(sort=True).take(5)
        print("most frequent headline words:", ", ".join(f"{word} ({n})" for word, n in words))
    if cluster is not None:
        cluster.close()
    return 1 if batch.summary.failed else 0


if __name__ == "__main__":
    sys.exit(main())
