"""Convert a whole folder (an archive) with the batch API: in parallel, resumable, with a report.

    python examples/batch_archive.py examples/ out/ --to newsml -j 2

The same as ``articlekit convert examples/ -o out/ --to newsml -j 2``, written with
``articlekit.batch``: one result per input, in input order, holding its outputs and warnings or
its error (returned, never raised), then the summary. Run it twice: the second run finds every
output up to date and converts nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from articlekit.batch import convert_batch


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("input", help="a folder of articles (or one file)")
    parser.add_argument("output", help="the output folder, mirroring the input's sub-folders")
    parser.add_argument("--to", default="json", help="output format (default: json)")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="worker processes")
    arguments = parser.parse_args(argv)

    batch = convert_batch(
        [arguments.input],
        arguments.output.rstrip("/") + "/",  # a name ending in / is a folder
        to=arguments.to,
        jobs=arguments.jobs,
    )
    lost: Counter[str] = Counter()  # what the conversions could not carry, by warning code
    for result in batch:
        if result.error is not None:
            print(f"failed: {result.error}", file=sys.stderr)
        for warning in result.warnings:
            lost[warning.code] += 1
        for output in result.outputs:
            print(f"{result.status:>10}  {output}")
    for code, count in lost.most_common():
        print(f"{count:>5} × {code}", file=sys.stderr)
    print(batch.summary, file=sys.stderr)  # converted, up to date, failed, ... articles/s
    return 1 if batch.summary.failed else 0


if __name__ == "__main__":
    sys.exit(main())
