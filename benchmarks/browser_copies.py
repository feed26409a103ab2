"""Web copies as a browser makes them: the text of saved pages as headless Chromium lays them out.

    python benchmarks/browser_copies.py --corpus /tmp/browser      # the 130 corpus pages
    python tests/webcopy_eval.py --root /tmp/browser               # scored as the corpus copies
    python benchmarks/browser_copies.py /tmp/trafilatura/tests/eval --out /tmp/browser-eval
    python benchmarks/heldout_webcopies.py /tmp/trafilatura/tests --copies /tmp/browser-eval

The corpus's ``webcopy.txt`` files were made by one text renderer (inscriptis: a blank line
between blocks, list items marked ``*``). People paste what their browser copies, laid out
otherwise: blocks on consecutive lines (a blank line only around paragraphs), no list markers,
the lines of a ``<pre>`` listing one by one, inline pieces run together ("CreditJane Doe"). This
script gives the same pages as Chromium's ``innerText`` of the page body (what select-all and copy
gives), scripts off and no network, so the reader can be measured on both layouts. Pages that
need their scripts or styles to show their text come out thinner than a live page; pages whose
copy holds fewer than 50 words are left out (a script-built page shows none), a character of a
script written without spaces (CJK, Thai) counting as a word, as the evaluation counts them.

Chromium is Debian's ``chromium`` (``apt-get install chromium``), driven over the DevTools pipe
as ``tests/test_html_browser.py`` drives it. Nothing here is asserted in the unit tests.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_html_browser import Browser, _chromium
from webcopy_eval import tokens

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "web"
MIN_WORDS = 50
"""Words a copy must hold to be kept (see :func:`enough_text`)."""
EXPECTATIONS = ("expected.html", "expected-metadata.json")
"""The files of a corpus page that the evaluation reads beside its copy (linked, not copied)."""


class Copier:
    """One headless Chromium, one tab: scripts off, offline; a page's text as select-all gives."""

    def __init__(self, profile: Path) -> None:
        self.browser = Browser(_chromium(), profile)
        target = self.browser.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.browser.send("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Network"):
            self.browser.send(f"{domain}.enable", self.session)
        self.browser.send("Emulation.setScriptExecutionDisabled", self.session, value=True)
        self.browser.send(
            "Network.emulateNetworkConditions", self.session,
            offline=True, latency=0, downloadThroughput=-1, uploadThroughput=-1,
        )  # fmt: skip

    def copy(self, page: Path) -> str:
        self.browser.events.clear()
        self.browser.send("Page.navigate", self.session, url=page.resolve().as_uri())
        with contextlib.suppress(TimeoutError):  # (what has loaded by then is what is copied)
            self.browser.wait_for("Page.loadEventFired")
        answer = self.browser.send(
            "Runtime.evaluate", self.session, returnByValue=True,
            expression="document.body ? document.body.innerText : ''",
        )  # fmt: skip
        text = str(answer["result"].get("value") or "")
        return text.replace("\r\n", "\n").rstrip("\n") + "\n"

    def close(self) -> None:
        self.browser.close()


def enough_text(text: str) -> bool:
    """Whether a copy holds :data:`MIN_WORDS` words, counted as the evaluation counts them
    (``webcopy_eval.tokens``: each character of CJK or Thai a word; split at spaces, a page of
    Chinese is a few dozen "words" however long)."""
    return len(tokens(text)) >= MIN_WORDS


def corpus_copies(copier: Copier, out: Path) -> int:
    """``out/corpus/web/<page>/webcopy.txt`` for each corpus page, its expectations linked."""
    made = 0
    for page in sorted(path.parent for path in CORPUS.glob("*/source.html")):
        text = copier.copy(page / "source.html")
        folder = out / "corpus" / "web" / page.name
        if not enough_text(text):
            (folder / "webcopy.txt").unlink(missing_ok=True)  # (an earlier run's, if any)
            continue
        folder.mkdir(parents=True, exist_ok=True)
        for name in EXPECTATIONS:
            if not os.path.lexists(folder / name):
                os.symlink(page / name, folder / name)
        (folder / "webcopy.txt").write_text(text, encoding="utf-8")
        made += 1
    return made


def folder_copies(copier: Copier, pages: Path, out: Path) -> int:
    """``out/<page file name>.txt`` for each ``.html`` file in ``pages``."""
    out.mkdir(parents=True, exist_ok=True)
    made = 0
    for page in sorted(pages.glob("*.htm*")):
        text = copier.copy(page)
        copy = out / f"{page.name}.txt"
        if enough_text(text):
            copy.write_text(text, encoding="utf-8")
            made += 1
        else:
            copy.unlink(missing_ok=True)  # (an earlier run's, if any)
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="?", type=Path, help="a folder of saved .html pages")
    parser.add_argument("--out", type=Path, help="where the copies go (with a folder of pages)")
    parser.add_argument(
        "--corpus", type=Path, metavar="OUT", help="copy the corpus's pages into OUT/corpus/web"
    )
    args = parser.parse_args()
    if (args.pages is None) == (args.corpus is None) or (args.pages and not args.out):
        parser.error("give a folder of pages and --out, or --corpus OUT")
    if not any(map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))):
        parser.error("Chromium is not installed (Debian: apt-get install chromium)")
    # (Chromium's helper processes may still be writing the profile as it is removed: the copies
    # are made by then, and a profile left behind in the temporary folder does no harm)
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        copier = Copier(Path(profile))
        try:
            if args.corpus is not None:
                made = corpus_copies(copier, args.corpus)
            else:
                made = folder_copies(copier, args.pages, args.out)
        finally:
            copier.close()
    print(f"{made} copies written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
