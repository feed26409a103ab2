"""Convert every ``.txt`` article in a folder to one JSON Lines file, reporting what was lost.

    python examples/convert_folder.py examples/ out.jsonl

Writes what ``articlekit convert 'examples/*.txt' -o out.jsonl`` writes (a pattern articlekit
expands itself; ``--from text`` on the folder would read every file in it as text), written with
the Python API to show results, warnings and errors.
"""

from __future__ import annotations

import sys
from pathlib import Path

import articlekit


def main(folder: str, output: str) -> int:
    articles = []
    failed = 0
    for path in sorted(Path(folder).glob("*.txt")):
        try:
            for result in articlekit.read_all(path):
                articles.append(result.value)
                for warning in result.warnings:
                    print(warning, file=sys.stderr)  # path:line:col: code message
        except articlekit.InputError as error:
            failed += 1
            print(f"skipped {error}", file=sys.stderr)
    written = articlekit.write_all(articles, output, format="jsonl", force=True)
    print(f"{len(articles)} articles, {len(written.value)} bytes, {failed} files skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
