"""How well the plain-text reader finds the article in real web copies (select-all, copy, paste).

Used by ``tests/test_webcopy.py`` (which guards the numbers) and runnable on its own to see them
page by page while working on the reader::

    python tests/webcopy_eval.py                  # every page, summary and one line per page
    python tests/webcopy_eval.py --half dev       # the pages rules are developed on
    python tests/webcopy_eval.py --half check     # the pages held back to check they generalise
    python tests/webcopy_eval.py --page nytimes-1 # the body as read, side by side with the score

The corpus is ``../shared/corpus/web/<page>/``: ``webcopy.txt`` is what a person pastes,
``expected.html`` the article text Readability extracts and ``expected-metadata.json`` its title
and byline (see that folder's README). Everything below is computed from those files; no page is
named anywhere in the rules.

Normalisation, decided once for all three measures:

* text is NFKC-normalised and case-folded; runs of whitespace are one space;
* **body**: a bag of words (a multiset of tokens). A token is a run of letters, digits and marks
  (punctuation and symbols are not words). Scripts written without spaces between words (Chinese,
  Japanese kana and kanji, Thai, Lao, Khmer, Myanmar) count one token per character instead. The
  article as read is its dateline, then every block's text (headline, byline and other header
  fields are not body, as in ``expected.html``). Precision, recall and F1 of the overlap are
  computed per page and averaged over the pages whose expected text has any token;
* **headline**: the expected title's *candidates* are the title and each part of it before a
  site-name separator (``|``, `` - ``, `` — ``, `` – ``). A page counts when one candidate stands as
  a whole line of the copy; the reader is right when its headline equals a candidate (normalised,
  surrounding punctuation and quotes stripped);
* **byline**: the expected names are the metadata byline with a leading ``By``/``Von``/``Par``/
  ``Por``/``Di`` label stripped, cut at a line break or `` | `` (Readability sometimes appends the
  outlet or repeats the name). A page counts when that text occurs in the copy. The reader is
  right when its byline (label stripped) equals it, or starts with it followed by a separator and
  an organisation or date (``Jane Doe, CNN``, ``Jane Doe — May 3, 2021``), or when its authors'
  names, joined, equal it. Where Readability's byline is debatable by a rule on the files (it
  names no one, stands only in a menu, or is never printed as a byline: see
  :func:`debatable_byline`), the page stays in the set and is named in the report, with the rate
  over the other pages beside the rate over the set.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from articlekit import Article, read
from articlekit.model import Figure, Heading, Paragraph, iter_blocks

T = TypeVar("T")

_UNSPACED = (
    ("\u0e00", "\u0eff"),  # Thai, Lao
    ("\u1000", "\u109f"),  # Myanmar
    ("\u1780", "\u17ff"),  # Khmer
    ("\u2e80", "\u2fdf"),  # CJK radicals
    ("\u3040", "\u30ff"),  # Hiragana, Katakana
    ("\u3100", "\u31ff"),  # Bopomofo, CJK strokes, Katakana extensions
    ("\u3400", "\u4dbf"),  # CJK extension A
    ("\u4e00", "\u9fff"),  # CJK unified ideographs
    ("\uf900", "\ufaff"),  # CJK compatibility ideographs
    ("\uff66", "\uff9f"),  # half-width Katakana
)


def _unspaced(char: str) -> bool:
    return any(low <= char <= high for low, high in _UNSPACED)


def normalise(text: str) -> str:
    """NFKC, case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def tokens(text: str) -> list[str]:
    """Words of ``text`` for the bag-of-words measure (see the module docstring)."""
    found: list[str] = []
    word: list[str] = []
    for char in normalise(text):
        category = unicodedata.category(char)
        if _unspaced(char):
            if word:
                found.append("".join(word))
                word = []
            found.append(char)
        elif category[0] in "LNM":
            word.append(char)
        elif word:
            found.append("".join(word))
            word = []
    if word:
        found.append("".join(word))
    return found


@dataclass(frozen=True)
class Overlap:
    precision: float
    recall: float
    f1: float


def overlap(predicted: Sequence[str], expected: Sequence[str]) -> Overlap:
    """Multiset precision, recall and F1 of two token lists."""
    common = sum((Counter(predicted) & Counter(expected)).values())
    precision = common / len(predicted) if predicted else (1.0 if not expected else 0.0)
    recall = common / len(expected) if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Overlap(precision, recall, f1)


def expected_text(page: Path) -> str:
    """The text of ``expected.html`` (UTF-8, as Readability wrote it)."""
    import lxml.html

    markup = (page / "expected.html").read_bytes().decode("utf-8", "replace")
    if not markup.strip():
        return ""
    root = lxml.html.fromstring(markup)
    return " ".join(root.itertext())


def body_text(article: Article) -> str:
    """The article as read: dateline, then the text of every block (a figure's caption and
    credit: pages print them with the story, and Readability keeps them)."""
    parts: list[str] = []
    if article.dateline is not None:
        dateline = article.dateline
        parts.extend(part for part in (dateline.place, dateline.date_text, dateline.agency) if part)
    for block in iter_blocks(article.body):
        if isinstance(block, Paragraph | Heading):
            parts.append(block.text)
        elif isinstance(block, Figure):
            parts.extend(part for part in (block.caption_text, block.credit) if part)
    return "\n".join(parts)


# --- headline -------------------------------------------------------------------------------------

_SITE_SEPARATOR = re.compile(r"\s+[|\-—–]\s+|\s*\|\s*")
_EDGE_PUNCTUATION = "\"'“”‘’«»„‚ \u00a0.:;,"


def _clean_title(text: str) -> str:
    return normalise(text).strip(_EDGE_PUNCTUATION)


def title_candidates(title: str) -> list[str]:
    """The title and each part of it before a site-name separator, normalised."""
    candidates = [_clean_title(title)]
    for match in _SITE_SEPARATOR.finditer(title):
        candidates.append(_clean_title(title[: match.start()]))
    return [candidate for candidate in dict.fromkeys(candidates) if candidate]


def headline_counts(title: str, lines: Iterable[str]) -> bool:
    """Whether a title candidate stands as a whole line of the copy."""
    candidates = set(title_candidates(title))
    return bool(candidates) and any(_clean_title(line) in candidates for line in lines)


def headline_right(headline: str | None, title: str) -> bool:
    return headline is not None and _clean_title(headline) in title_candidates(title)


# --- byline ---------------------------------------------------------------------------------------

_BYLINE_LABEL = re.compile(r"^(?:by|von|par|por|di|de|door|av|af|napsal)\b[:\s]*", re.IGNORECASE)
_CJK_LABEL = re.compile(r"^(?:作者|记者|撰文|责任编辑|责编|编辑)\s*[:：]\s*")
_BYLINE_CUT = re.compile(r"\n|\s\|\s")
_AFTER_NAMES = re.compile(r"^\s*(?:[,|—–·;/]|-\s|\s\d|\s+(?:on|am|le|el|il)\s+\d)")


def expected_names(byline: str) -> str:
    """The names a metadata byline gives (label stripped, outlet after a break cut)."""
    first = _BYLINE_CUT.split(byline.strip())[0]
    return normalise(_BYLINE_LABEL.sub("", normalise(first))).strip(" ,.;:")


def byline_counts(byline: str | None, copy: str) -> bool:
    """Whether the metadata names a byline and the copy shows it."""
    if not byline:
        return False
    names = expected_names(byline)
    return bool(names) and names in normalise(copy)


_LIST_MARKER = re.compile(r"^(?:[*+o•·▪-]|\d{1,3}[.)])\s+")
MENU_ITEMS = 5
"""List items in a row that make a menu (a byline's own list of name, date and comment count is
shorter)."""


def debatable_byline(byline: str, copy: str) -> str | None:
    """Why Readability's expected byline is debatable, by a rule on the files (or ``None``):

    * *names no one*: it holds a digit (a date: "April 28, 2019 at 6:01 am Updated ..."), or
      credits no person ("BBC News": an outlet) or is page furniture ("Follow Author");
    * *only in a menu*: every line of the copy that is the byline is an item of a list of at least
      :data:`MENU_ITEMS` items (a section menu: "+ Mac & i");
    * *never printed as a byline*: no line of the copy is the byline (list marker and label
      aside), or the byline followed by a separator or a date; it stands only inside a teaser's
      text or a longer list of names of which Readability kept one.

    These pages stay in the byline set (the issue's definition); the test names them."""
    from articlekit.prose.byline import authors_from_byline
    from articlekit.prose.furniture import is_furniture

    names = expected_names(byline)
    printed_names = _BYLINE_LABEL.sub("", _BYLINE_CUT.split(byline.strip())[0]).strip()
    if any(char.isdigit() for char in names):
        return "names no one: a date"
    if not authors_from_byline(printed_names) or is_furniture(printed_names):
        return "names no one: an outlet or a page button"
    lines = copy.splitlines()
    printed = [number for number, line in enumerate(lines) if _byline_line(_bare_line(line), names)]
    if not printed:
        return "never printed as a byline: only inside other text or a longer list of names"
    if all(_in_menu(lines, number) for number in printed):
        return "only in a menu"
    return None


_AFTER_BYLINE = re.compile(r"^\s*(?:[,|—–·•;/(]|-\s|(?:\s*[^\W\d_]{1,12}\.?,?){0,3}\s*\d)")
"""What may follow the names on a byline line: a separator, or a date after a word or two
("jan. 13, 2017", "updated jul 24, 2018")."""


_HANDLE = re.compile(r"@\w+")


def _bare_line(line: str) -> str:
    """A line as a byline would stand in it: list marker, leading symbols and brackets, a label
    and social-media handles aside."""
    text = normalise(_HANDLE.sub(" ", _LIST_MARKER.sub("", line.strip())))
    text = text.lstrip(" /[(【").rstrip(" ]】")
    return _BYLINE_LABEL.sub("", _CJK_LABEL.sub("", text))


def _byline_line(line: str, names: str) -> bool:
    line = line.strip(" ,.;:")
    return line == names or (
        line.startswith(names) and bool(_AFTER_BYLINE.match(line[len(names) :]))
    )


def _in_menu(lines: list[str], number: int) -> bool:
    """Whether the line is an item of a run of at least :data:`MENU_ITEMS` list items."""
    start = end = number
    while start > 0 and _LIST_MARKER.match(lines[start - 1].strip()):
        start -= 1
    while end + 1 < len(lines) and _LIST_MARKER.match(lines[end + 1].strip()):
        end += 1
    return bool(_LIST_MARKER.match(lines[number].strip())) and end - start + 1 >= MENU_ITEMS


def byline_right(article: Article, byline: str) -> bool:
    names = expected_names(byline)
    if article.byline:
        read_names = normalise(_BYLINE_LABEL.sub("", normalise(article.byline))).strip(" ,.;:")
        if read_names == names:
            return True
        if read_names.startswith(names) and _AFTER_NAMES.match(read_names[len(names) :]):
            return True
    people = [normalise(person.name) for person in article.authors]
    if not people:
        return False
    joined = {
        ", ".join(people),
        " and ".join(people),
        " & ".join(people),
        ", ".join(people[:-1]) + " and " + people[-1] if len(people) > 1 else people[0],
    }
    return names in joined


# --- one page, all pages --------------------------------------------------------------------------


@dataclass
class PageResult:
    name: str
    body: Overlap | None
    """``None`` when the expected article has no text (an HTML edge case, not an article)."""
    headline_counts: bool
    headline_right: bool
    headline: str | None
    title: str
    byline_counts: bool
    byline_right: bool
    byline: str | None
    expected_byline: str | None
    byline_debatable: str | None = None
    """Why the expected byline is debatable (see :func:`debatable_byline`), if it is."""
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


def article_alone(copy: str, title: str, closing: Sequence[str]) -> str | None:
    """``copy`` as a user copies the article alone, selecting it from its headline to its last
    paragraph: from the first line that is the title (or its part before a site name) to the last
    line holding one of ``closing`` (the article's last words, or phrases of it); ``None`` when
    either is not in the copy."""
    lines = copy.splitlines()
    titles = {normalise(candidate) for candidate in title_candidates(title)} if title else set()
    start = next((at for at, line in enumerate(lines) if normalise(line) in titles), None)
    if start is None:
        return None
    wanted = [normalise(words) for words in closing if words.strip()]
    normalised = map(normalise, lines)
    ends = [at for at, line in enumerate(normalised) if any(map(line.__contains__, wanted))]
    if not ends or max(ends) <= start:
        return None
    return "\n".join(lines[start : max(ends) + 1]) + "\n"


CLOSING_WORDS = 3
"""Words of the article's end that find its last line in a copy."""


def evaluate_page(page: Path, reader: Callable[[bytes], tuple[Article, list[str]]]) -> PageResult:
    """Read ``page``'s web copy with ``reader`` and score it against the expectations."""
    return _evaluate(page, reader, (page / "webcopy.txt").read_bytes())


def evaluate_alone(
    page: Path, reader: Callable[[bytes], tuple[Article, list[str]]]
) -> PageResult | None:
    """:func:`evaluate_page` on the article alone cut from the copy (see :func:`article_alone`),
    or ``None`` when it cannot be cut."""
    copy = (page / "webcopy.txt").read_text(encoding="utf-8", errors="replace")
    metadata = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
    closing = " ".join(expected_text(page).split()[-CLOSING_WORDS:])
    cut = article_alone(copy, metadata.get("title") or "", [closing])
    return None if cut is None else _evaluate(page, reader, cut.encode("utf-8"))


def _evaluate(
    page: Path, reader: Callable[[bytes], tuple[Article, list[str]]], data: bytes
) -> PageResult:
    import time

    copy = data.decode("utf-8", "replace")
    metadata = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
    title = metadata.get("title") or ""
    byline = metadata.get("byline")
    started = time.perf_counter()
    article, warnings = reader(data)
    seconds = time.perf_counter() - started
    expected = tokens(expected_text(page))
    counts_headline = bool(title) and headline_counts(title, copy.splitlines())
    counts_byline = byline_counts(byline, copy)
    return PageResult(
        name=page.name,
        body=overlap(tokens(body_text(article)), expected) if expected else None,
        headline_counts=counts_headline,
        headline_right=counts_headline and headline_right(article.headline, title),
        headline=article.headline,
        title=title,
        byline_counts=counts_byline,
        byline_right=counts_byline and byline is not None and byline_right(article, byline),
        byline=article.byline,
        expected_byline=byline,
        byline_debatable=debatable_byline(byline, copy) if counts_byline and byline else None,
        seconds=seconds,
        warnings=warnings,
    )


def read_text(data: bytes) -> tuple[Article, list[str]]:
    """The plain-text reader as a user calls it."""
    result = read(data, format="text")
    return result.value, [warning.code for warning in result.warnings]


def pages(root: Path) -> list[Path]:
    """Every page folder with a web copy, sorted by name."""
    return sorted(path.parent for path in root.glob("*/webcopy.txt"))


def half(all_pages: Sequence[T], which: str) -> list[T]:
    """``dev``: even positions in name order (rules were developed on these); ``check``: odd."""
    start = {"dev": 0, "check": 1}[which]
    return list(all_pages[start::2])


@dataclass(frozen=True)
class Summary:
    pages: int
    scored: int
    precision: float
    recall: float
    f1: float
    headline_right: int
    headline_counted: int
    byline_right: int
    byline_counted: int
    byline_debatable: int
    """Pages of the byline set whose expected byline is debatable (counted in the rate)."""
    byline_debatable_right: int

    @property
    def headline_rate(self) -> float:
        return self.headline_right / self.headline_counted if self.headline_counted else 1.0

    @property
    def byline_rate(self) -> float:
        return self.byline_right / self.byline_counted if self.byline_counted else 1.0

    def line(self, label: str) -> str:
        return (
            f"{label}: {self.pages} pages ({self.scored} with article text): body precision "
            f"{self.precision:.3f} recall {self.recall:.3f} F1 {self.f1:.3f}; headline "
            f"{self.headline_right}/{self.headline_counted} ({self.headline_rate:.0%}); byline "
            f"{self.byline_right}/{self.byline_counted} ({self.byline_rate:.0%}; "
            f"{self.byline_right - self.byline_debatable_right}/"
            f"{self.byline_counted - self.byline_debatable} without the {self.byline_debatable} "
            "debatable)"
        )


def summarise(results: Sequence[PageResult]) -> Summary:
    scored = [result.body for result in results if result.body is not None]
    return Summary(
        pages=len(results),
        scored=len(scored),
        precision=statistics.fmean(body.precision for body in scored) if scored else 0.0,
        recall=statistics.fmean(body.recall for body in scored) if scored else 0.0,
        f1=statistics.fmean(body.f1 for body in scored) if scored else 0.0,
        headline_right=sum(result.headline_right for result in results),
        headline_counted=sum(result.headline_counts for result in results),
        byline_right=sum(result.byline_right for result in results),
        byline_counted=sum(result.byline_counts for result in results),
        byline_debatable=sum(result.byline_debatable is not None for result in results),
        byline_debatable_right=sum(
            result.byline_right for result in results if result.byline_debatable is not None
        ),
    )


def debatable_lines(results: Sequence[PageResult]) -> list[str]:
    """One line per page whose expected byline is debatable, with the rule that says so."""
    return [
        f"    {result.name}: expected byline {result.expected_byline!r} {result.byline_debatable}"
        f" (read {result.byline!r})"
        for result in results
        if result.byline_debatable is not None
    ]


def page_line(result: PageResult) -> str:
    body = (
        f"P {result.body.precision:.2f} R {result.body.recall:.2f} F1 {result.body.f1:.2f}"
        if result.body
        else "no article text"
    )
    headline = "" if not result.headline_counts else ("H ok" if result.headline_right else "H --")
    byline = "" if not result.byline_counts else ("B ok" if result.byline_right else "B --")
    return f"{result.name:45} {body:28} {headline:5} {byline:5}"


def _main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--half", choices=("dev", "check"))
    parser.add_argument("--page", action="append", default=[])
    parser.add_argument("--misses", action="store_true", help="show wrong headlines and bylines")
    parser.add_argument(
        "--alone",
        action="store_true",
        help="read each article alone, as copied from its headline to its last paragraph",
    )
    options = parser.parse_args(argv)
    every = pages(options.root / "corpus" / "web")
    chosen = half(every, options.half) if options.half else every
    if options.page:
        chosen = [page for page in every if page.name in options.page]
    evaluate = evaluate_alone if options.alone else evaluate_page
    results = [result for page in chosen if (result := evaluate(page, read_text)) is not None]
    for result in results:
        print(page_line(result))
        if options.misses and result.headline_counts and not result.headline_right:
            print(f"    headline {result.headline!r}\n    expected {result.title!r}")
        if options.misses and result.byline_counts and not result.byline_right:
            print(f"    byline   {result.byline!r}\n    expected {result.expected_byline!r}")
    if options.page:
        for page in chosen:
            article, warnings = read_text((page / "webcopy.txt").read_bytes())
            print(json.dumps(article.model_dump(mode="json", exclude={"body"}), indent=1)[:3000])
            print("warnings:", warnings)
            print(body_text(article))
    label = options.half or "all"
    print("debatable expected bylines (kept in the set):")
    print("\n".join(debatable_lines(results)))
    print(summarise(results).line(label))
    if not options.half and not options.page:
        print(summarise(half(results, "dev")).line("dev"))
        print(summarise(half(results, "check")).line("check"))
    return 0


if __name__ == "__main__":
    sys.exit(_main())
