"""Bylines: "By Jane Doe and John Roe, Staff Writers" and the people they credit.

Shared by every reader that finds a byline in text (plain text, DOCX paragraphs, NewsML-G2 and NITF
byline strings). A line is a byline only when it starts with "By" and what follows reads as names:
capitalised words and connectors, not a sentence ("By the time the police arrived" is not one).
"""

from __future__ import annotations

import re

ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Jr|Sr|St|Co|Inc|Ltd|Corp|Dr|Mr|Mrs|Ms)\.$")
BYLINE_LIMIT = 160
"""Longest line that may be a byline ("By" and at most 150 characters of names)."""
_BYLINE = re.compile(r"^(?:By|BY|by)[:\s]\s*(?P<names>\S.{0,150}?)\s*=?\s*$")
_BYLINE_CONNECTORS = {
    "and", "und", "y", "et", "e", "&", "of", "the", "de", "van", "von", "der", "da", "del", "la",
    "le", "staff", "writer", "reporter", "in", "for", "with", "bin", "al", "el", "du",
}  # fmt: skip
_ROLE_WORDS = re.compile(
    r"\b(?:writer|reporter|correspondent|editor|photographer|columnist|staff|contributor|"
    r"analyst|producer|critic|journalist|bureau chief|intern)s?\b",
    re.IGNORECASE,
)
_ORGANISATION_WORDS = re.compile(
    r"\b(?:The|Press|News|Times|Post|Tribune|Agency|Herald|Journal|Reuters|AP|AFP|dpa|"
    r"Associated|Media|Service|Gazette|Daily|Network|Desk|Staff|Bureau|Newsroom|Wire|Online)\b"
)
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&|\bund\b|\by\b|\bet\b)\s*")


def byline_names(text: str) -> str | None:
    """The names part of a ``By ...`` line that credits people, else ``None``."""
    text = " ".join(text.split())  # runs of spaces would make the pattern backtrack for minutes
    match = _BYLINE.match(text) if len(text) <= BYLINE_LIMIT else None
    if match is None:
        return None
    names = match.group("names").rstrip("=").strip()
    words = [word for word in re.split(r"[\s,]+", names) if any(c.isalpha() for c in word)]
    if not words or not words[0][0].isupper():
        return None
    capitalised = sum(1 for word in words if word[0].isupper() or word in _BYLINE_CONNECTORS)
    if capitalised < len(words) or (names.endswith(".") and not ABBREVIATION_END.search(names)):
        return None
    return names


def is_job_title(name: str) -> bool:
    """Whether a credited "name" is a job title standing in for one ("Staff Reporter")."""
    return _ROLE_WORDS.search(name) is not None


def authors_from_byline(names: str, title: str | None = None) -> list[dict[str, str]]:
    """People credited by a byline: names split on commas and "and"; job titles become roles."""
    people: list[dict[str, str]] = []
    role = title if title and _ROLE_WORDS.search(title) else None
    anonymous = False
    for raw in _NAME_SPLIT.split(names):
        part = raw.strip(" .")
        if not part:
            continue
        if is_job_title(part):
            role = part
            # "By Staff Reporter, BusinessDesk": a job title first credits no one by name, and
            # what follows is the employer.
            anonymous = anonymous or not people
            continue
        if anonymous or _ORGANISATION_WORDS.search(part) or len(part.split()) > 5:
            continue
        people.append({"name": part})
    if role:
        for person in people:
            person["role"] = role
    return people
