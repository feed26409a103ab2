"""Web page boilerplate that copy-and-paste drags into article text.

Comment forms, share buttons, "Related" lists and newsletter prompts follow the story on most news
sites. The plain-text reader cuts them from the end of the body; ``articlekit validate`` reports any
that remain in an article from any format. Only whole lines are matched, and a section marker such
as "Related" counts only when nothing but short lines follows it, so a paragraph that merely
mentions comments is never touched. Which lines are furniture is :mod:`articlekit.prose.furniture`'s
one multilingual table; this module knows only where a trailing section starts.
"""

from __future__ import annotations

from collections.abc import Sequence

from articlekit.prose import furniture
from articlekit.prose.stopwords import CLOSERS, SENTENCE_ENDS

SHORT_LINE = 160
"""Lines of related-article lists and forms are short; a longer line is real text."""


def is_furniture(line: str) -> bool:
    """Whether a whole line is page furniture (comment form field, share button, ...): the
    phrase tables of :mod:`articlekit.prose.furniture`."""
    return furniture.is_furniture(line)


def is_section_start(line: str) -> bool:
    """Whether a whole line opens a trailing boilerplate section ("Leave a Reply", "Related")."""
    return furniture.opens_section(line)


def trailing_start(lines: Sequence[str]) -> int | None:
    """Index of the first line of trailing boilerplate in ``lines`` (paragraphs), or ``None``.

    Walks back from the end over furniture lines and short lines that follow a section start; the
    cut is made at the earliest section start or furniture line reached that way, but one whose
    cut is prose (most of its lines but furniture end a sentence) and more of the text than what
    it leaves: a trailing section is a box under the text, never most of it (a short story of
    short paragraphs under a "Watch: ..." or "More on ..." line right under its headline is no
    list of links, while the share bar under the story still goes; a brief's list of related
    headlines, which end no sentence, is one however long).
    """
    cut: int | None = None
    total, cut_length = _length(lines), 0  # (cut_length: characters from ``index`` down)
    below, ended = 0, 0  # lines walked that are no furniture, and those of them ending a sentence
    index = len(lines) - 1
    while index >= 0:
        line = lines[index].strip()
        cut_length += len(lines[index])
        if is_furniture(line):  # (a section start is furniture too)
            if not (2 * cut_length > total and 2 * ended > below):
                cut = index  # (else the story under it: a later furniture line may still end it)
        elif (
            len(line) > SHORT_LINE
            or "\n" in line
            or not any(is_section_start(before) for before in lines[max(0, index - 15) : index])
        ):
            break
        else:
            below += 1
            ended += _ends_a_sentence(line)
        index -= 1
    return cut


def _length(lines: Sequence[str]) -> int:
    """Characters, not words: a script written without spaces has few of those."""
    return sum(map(len, lines))


def _ends_a_sentence(line: str) -> bool:
    """Whether a line ends a sentence (a story's paragraph does; a link's title does not)."""
    end = line.rstrip(CLOSERS)[-1:]
    return end != "" and end in SENTENCE_ENDS


def find_leftovers(lines: Sequence[str]) -> list[int]:
    """Indexes of lines that look like boilerplate anywhere (for validation)."""
    found = [index for index, line in enumerate(lines) if is_furniture(line)]
    start = trailing_start(lines)
    if start is not None:
        found.extend(index for index in range(start, len(lines)) if index not in found)
    return sorted(found)
