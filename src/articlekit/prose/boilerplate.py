"""Web page boilerplate that copy-and-paste drags into article text.

Comment forms, share buttons, "Related" lists and newsletter prompts follow the story on most news
sites. The plain-text reader cuts them from the end of the body; ``articlekit validate`` reports any
that remain in an article from any format. Only whole lines are matched, and a section marker such
as "Related" counts only when nothing but short lines follows it, so a paragraph that merely
mentions comments is never touched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# A line that opens a trailing section of page furniture: everything after it goes too.
_SECTION_START = re.compile(
    r"^(?:leave a (?:reply|comment)(?: cancel reply)?|post a comment|add a comment|"
    r"\d+ (?:comments?|responses?)|comments?(?: \(\d+\))?|join the (?:conversation|discussion)|"
    r"share this(?: article| story| post)?:?|share(?: on)?:?|like this:?|"
    r"related(?: posts| articles| stories| news| content| reading)?:?|read (?:more|next|also):?|"
    r"you (?:may|might) also like:?|more from [^.!?]{1,40}|recommended(?: for you)?:?|"
    r"most (?:read|popular|viewed):?|trending(?: now)?:?|post navigation|"
    r"(?:subscribe to|sign up for) (?:our|the) [^.!?]{1,40}|"
    r"(?:tags?|filed under|categories):[^.!?]{0,160})$",
    re.IGNORECASE,
)
# A line that is page furniture wherever it stands at the end of the text.
_FURNITURE = re.compile(
    r"^(?:your email address will not be published\.?.*|required fields are marked \*?\.?|"
    r"(?:comment|name|email|website)\s*\*?|post comment|submit comment|"
    r"save my name,? email,? and website in this browser for the next time i comment\.?|"
    r"notify me of (?:follow-up comments|new posts) by email\.?|"
    r"click to (?:share|email|print) .*|\(opens in new window\)|opens in new window|"
    r"loading\.{0,3}|advertisement|previous (?:post|article)|next (?:post|article)|"
    r"this site uses akismet to reduce spam\..*|"
    r"[【（(\[]\s*(?:责任编辑|编辑|責任編輯|編輯)\s*[:：].{1,30}[】）)\]]|"
    r"(?:facebook|twitter|linkedin|whatsapp|telegram|reddit|email|print|pinterest)"
    r"(?:\s*(?:,|\||·)\s*(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|email|print|"
    r"pinterest))*)$",
    re.IGNORECASE,
)
SHORT_LINE = 160
"""Lines of related-article lists and forms are short; a longer line is real text."""


def is_furniture(line: str) -> bool:
    """Whether a whole line is page furniture (comment form field, share button, ...)."""
    return _FURNITURE.match(line.strip()) is not None


def is_section_start(line: str) -> bool:
    """Whether a whole line opens a trailing boilerplate section ("Leave a Reply", "Related")."""
    return _SECTION_START.match(line.strip()) is not None


def trailing_start(lines: Sequence[str]) -> int | None:
    """Index of the first line of trailing boilerplate in ``lines`` (paragraphs), or ``None``.

    Walks back from the end over furniture lines and short lines that follow a section start; the
    cut is made at the earliest section start or furniture line reached that way.
    """
    cut: int | None = None
    index = len(lines) - 1
    while index >= 0:
        line = lines[index].strip()
        if is_furniture(line) or is_section_start(line):
            cut = index
        elif (
            len(line) > SHORT_LINE
            or "\n" in line
            or not any(is_section_start(before) for before in lines[max(0, index - 15) : index])
        ):
            break
        index -= 1
    return cut


def find_leftovers(lines: Sequence[str]) -> list[int]:
    """Indexes of lines that look like boilerplate anywhere (for validation)."""
    found = [index for index, line in enumerate(lines) if is_furniture(line)]
    start = trailing_start(lines)
    if start is not None:
        found.extend(index for index in range(start, len(lines)) if index not in found)
    return sorted(found)
