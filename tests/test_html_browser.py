"""articlekit's pages in a real browser: headless Chromium renders them, and the DOM, a screenshot
and the console are checked.

Chromium is Debian's ``chromium`` package (``.ci/run`` installs it; elsewhere ``apt-get install
chromium``); without it the test is skipped with that reason. It is driven over the DevTools
protocol on a pipe (``--remote-debugging-pipe``), so no port is opened and no driver is needed,
with the flags this machine's closed network wants (no background networking, no component
updates, a fresh profile).
"""

from __future__ import annotations

import base64
import fcntl
import io
import json
import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from articlekit import read, write
from articlekit.model import (
    Article,
    Figure,
    List,
    Paragraph,
    Quote,
    Rendition,
    Resource,
    Span,
    Table,
    TableCell,
    TableRow,
    iter_blocks,
)

from conftest import shared_path

TIMEOUT = 60.0
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--window-size=1000,1400",
    "--remote-debugging-pipe",
)


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("Chromium is not installed (Debian: apt-get install chromium; .ci/run does)")


class Browser:
    """A headless Chromium spoken to over the DevTools protocol on file descriptors 3 and 4."""

    def __init__(self, executable: str, profile: Path) -> None:
        to_browser, self._commands = os.pipe()
        self._events, from_browser = os.pipe()

        def descriptors() -> None:  # in the child: the pipe ends Chromium expects
            # (moved out of the way first: a pipe end may itself be 3 or 4, and dup2 onto the
            # same number would leave it close-on-exec)
            reading, writing = (
                fcntl.fcntl(end, fcntl.F_DUPFD, 10) for end in (to_browser, from_browser)
            )
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            preexec_fn=descriptors,  # noqa: PLW1509 (only dup2 runs there)
        )
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def close(self) -> None:
        os.close(self._commands)
        os.close(self._events)
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def _messages(self, deadline: float) -> Iterator[dict[str, Any]]:
        while True:
            while b"\0" in self._buffer:
                message, self._buffer = self._buffer.split(b"\0", 1)
                yield json.loads(message)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("Chromium did not answer in time")
            ready, _, _ = select.select([self._events], [], [], remaining)
            if ready:
                chunk = os.read(self._events, 1 << 20)
                if not chunk:
                    raise RuntimeError("Chromium closed the DevTools pipe")
                self._buffer += chunk

    def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        for answer in self._messages(time.monotonic() + TIMEOUT):
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return dict(answer.get("result", {}))
            self.events.append(answer)
        raise AssertionError("unreachable")  # pragma: no cover

    def wait_for(self, method: str) -> dict[str, Any]:
        for index, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(index)
        for event in self._messages(time.monotonic() + TIMEOUT):
            if event.get("method") == method:
                return event
            self.events.append(event)
        raise AssertionError("unreachable")  # pragma: no cover


def render(page: Path, tmp_path: Path) -> tuple[dict[str, Any], bytes, list[str]]:
    """The DOM facts, a PNG screenshot and the console errors of a page opened in Chromium."""
    browser = Browser(_chromium(), tmp_path / "profile")
    try:
        target = browser.send("Target.createTarget", url="about:blank")["targetId"]
        session = browser.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            browser.send(f"{domain}.enable", session)
        browser.send("Page.navigate", session, url=page.as_uri())
        browser.wait_for("Page.loadEventFired")
        facts = browser.send(
            "Runtime.evaluate",
            session,
            returnByValue=True,
            expression="""JSON.stringify({
                lang: document.documentElement.lang,
                title: document.title,
                headline: document.querySelector('article h1')?.textContent,
                byline: document.querySelector('article .byline')?.textContent,
                paragraphs: document.querySelectorAll('article > p').length,
                links: [...document.querySelectorAll('article a')].map(a => a.getAttribute('href')),
                scripts: document.scripts.length,
                jsonld: JSON.parse(document.querySelector(
                    'script[type="application/ld+json"]').textContent)['@type'],
                width: document.querySelector('main').getBoundingClientRect().width,
                pictures: [...document.querySelectorAll('article figure img')].map(
                    image => [image.naturalWidth, image.alt]),
                captions: [...document.querySelectorAll('article figcaption')].map(
                    caption => caption.textContent),
                cells: [...document.querySelectorAll('article table tr')].map(
                    row => [...row.cells].map(cell => [cell.tagName, cell.colSpan])),
            })""",
        )["result"]["value"]
        shot = browser.send("Page.captureScreenshot", session, format="png")["data"]
        errors = [
            json.dumps(event["params"])[:200]
            for event in browser.events
            if (event.get("method") == "Runtime.exceptionThrown")
            or (
                event.get("method") == "Runtime.consoleAPICalled"
                and event["params"].get("type") in ("error", "assert")
            )
            or (
                event.get("method") == "Log.entryAdded"
                and event["params"]["entry"].get("level") == "error"
            )
        ]
        return json.loads(facts), base64.b64decode(shot), errors
    finally:
        browser.close()


def _links(article: Article) -> list[str]:
    return [
        span.link
        for block in iter_blocks(article.body)
        if isinstance(block, Paragraph)
        for span in block.content
        if span.link
    ]


def _check(article: Article, tmp_path: Path) -> dict[str, Any]:
    from PIL import Image

    path = tmp_path / "story.html"
    path.write_bytes(write(article, format="html").value)
    assert read(path).value == article
    facts, png, errors = render(path, tmp_path)
    assert errors == []
    assert facts["headline"] == article.headline
    assert facts["title"] == article.headline
    assert facts.get("byline") == article.byline
    top_level = [block for block in article.body if isinstance(block, Paragraph)]
    assert facts["paragraphs"] == len(top_level)
    assert facts["links"] == _links(article)
    assert facts["scripts"] == 1 + (b"articlekit-fields" in path.read_bytes())
    assert facts["jsonld"] == "NewsArticle"
    assert 0 < facts["width"] <= 42.5 * 16  # the stylesheet's 40rem measure and padding
    (tmp_path / "screenshot.png").write_bytes(png)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 16, "the screenshot is blank"
    dark = sum(count for count, colour in colours if sum(colour) < 200)
    assert dark > 0.002 * image.width * image.height, "no text drawn"
    return facts


def test_story_with_a_picture_and_a_table_renders(tmp_path: Path) -> None:
    from PIL import Image

    drawn = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(drawn, format="PNG")
    article = Article(
        headline="Tide tables return to the harbour office",
        body=[
            Paragraph(content=[Span(text="The harbour office prints its tide tables again.")]),
            Figure(
                caption=[Span(text="The new table "), Span(text="at the office", emphasis=True)],
                credit="Jane Doe/AP",
                alt_text="A printed tide table on a wall",
                renditions=[
                    Rendition(
                        resource=Resource.of(drawn.getvalue(), "image/png"), width=40, height=30
                    )
                ],
            ),
            Table(
                caption=[Span(text="Tides on Friday")],
                rows=[
                    TableRow(
                        cells=[
                            TableCell(header=True, content=[Span(text=text)])
                            for text in ("High", "Low")
                        ]
                    ),
                    TableRow(cells=[TableCell(colspan=2, content=[Span(text="No data")])]),
                ],
            ),
        ],
    )
    facts = _check(article, tmp_path)
    assert facts["pictures"] == [[40, "A printed tide table on a wall"]]  # the bytes, decoded
    assert facts["captions"] == ["The new table at the office Jane Doe/AP"]
    assert facts["cells"] == [[["TH", 1], ["TH", 1]], [["TD", 2]]]


def test_seed_story_renders_in_chromium(tmp_path: Path) -> None:
    seed = read(next(shared_path("seed").glob("*.txt"))).value
    _check(seed, tmp_path)


def test_story_with_byline_links_lists_and_quote_renders(tmp_path: Path) -> None:
    article = Article(
        headline="Night ferries may berth at the old quay",
        byline="By Jane Doe and John Roe",
        authors=[{"name": "Jane Doe"}, {"name": "John Roe", "uri": "https://news.example/roe"}],
        language="en-GB",
        published="2024-03-05T09:30:00+01:00",
        dateline={"place": "PORT ALDWIN", "agency": "AP"},
        body=[
            Paragraph(
                content=[
                    Span(text="The council voted "),
                    Span(text="on Tuesday", strong=True),
                    Span(text=" to let ferries use the "),
                    Span(text="old quay", link="https://harbour.example/quay?a=1&b=2"),
                    Span(text=" at night."),
                ]
            ),
            Quote(blocks=[Paragraph(content=[Span(text="“About time,” said a captain.")])]),
            List(items=[{"blocks": [Paragraph(content=[Span(text="Berthing from 22:00")])]}]),
            Paragraph(
                content=[Span(text="Read the "), Span(text="notice", link="https://例え.jp/通知")]
            ),
        ],
        rights={"notice": "© 2024 Harbour News"},
    )
    _check(article, tmp_path)
