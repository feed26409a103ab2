"""Convert every ``.txt`` article in a folder to one JSON Lines file, reporting what was lost.

    python examples/convert_folder.py examples/ out.jsonl
    python examples/convert_folder.py examples/ out.jsonl --force     # replace out.jsonl

Writes what ``articlekit convert 'examples/*.txt' -o out.jsonl`` writes (a pattern articlekit
expands itself; ``--from text`` on the folder would read every file in it as text), written with
the Python API to show results, warnings and errors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import articlekit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", help="folder holding .txt articles")
    parser.add_argument("output", help="the JSON Lines file to write")
    parser.add_argument("--force", action="store_true", help="replace an existing output")
    arguments = parser.parse_args(argv)
    if not Path(arguments.folder).is_dir():
        parser.error(f"{arguments.folder}: not a folder")
    articles = []
    failed = 0
    for path in sorted(Path(arguments.folder).glob("*.txt")):
        try:
            for result in articlekit.read_all(path):
                articles.append(result.value)
                for warning in result.warnings:
                    print(warning, file=sys.stderr)  # path:line:col: code message
        except articlekit.InputError as error:
            failed += 1
            print(f"skipped {error}", file=sys.stderr)
    if not articles:
        print(f"no article in {arguments.folder}", file=sys.stderr)
        return 1
    try:  # (an existing output is kept unless --force: the API keeps no record of its outputs)
        written = articlekit.write_all(
            articles, arguments.output, format="jsonl", force=arguments.force
        )
    except articlekit.OutputError as error:
        print(f"not written: {error}", file=sys.stderr)
        return 1
    print(f"{len(articles)} articles, {len(written.value)} bytes, {failed} files skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
