"""Generated stories shaped like the user's sample (a web page copied as text), in our own words.

The sample's layout: a headline, a "Source, Month D, YYYY —" line, a dateline opening the first
paragraph, a dozen paragraphs of about 60 words (about 5 KB), and the comment form of the web page
at the end. Generating text directly (not through articlekit) keeps the generation of 50,000 files
out of the measurements.
"""

from __future__ import annotations

import random
from pathlib import Path

WORDS = (
    "the", "council", "said", "on", "tuesday", "that", "harbour", "ferries", "would", "berth",
    "at", "night", "while", "fishermen", "warned", "of", "crowded", "quays", "and", "residents",
    "feared", "engine", "noise", "near", "the", "old", "customs", "house", "as", "traders",
    "expected", "prices", "to", "rise", "after", "a", "dry", "spell", "across", "the", "northern",
    "plains", "threatened", "late", "harvest", "according", "to", "officials", "who", "spoke",
    "on", "condition", "of", "anonymity",
)  # fmt: skip
PLACES = ("Port Aldwin", "Lindenfort", "Marrow Bay", "Halmstead", "Eastholm")
SOURCES = ("Westcliff Courier", "Northern Ledger", "Harbour Gazette")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
FURNITURE = (
    "Leave a Reply\n\nYour email address will not be published. Required fields are marked *\n\n"
    "Comment *\n\nName *\n\nEmail *\n"
)


def story_text(rng: random.Random, index: int) -> str:
    """One web-copied story; ``index`` makes it unique."""

    def sentence(count: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(count)).capitalize() + "."

    def paragraph() -> str:
        return " ".join(sentence(rng.randint(12, 22)) for _ in range(rng.randint(3, 4)))

    headline = " ".join(word.capitalize() for word in rng.sample(WORDS, 9)) + f" {index}"
    month = MONTHS[index % 12]
    date_line = f"{rng.choice(SOURCES)}, {month} {1 + index % 28}, 2023 —"
    paragraphs = [f"{rng.choice(PLACES)} — {paragraph()}"] + [paragraph() for _ in range(11)]
    return "\n\n".join([headline, date_line, *paragraphs]) + "\n\n" + FURNITURE


def write_stories(folder: Path, count: int, *, per_folder: int = 1000, seed: int = 7) -> None:
    """``count`` stories as ``.txt`` files, ``per_folder`` in each sub-folder (archives are
    usually split by day or by desk)."""
    rng = random.Random(seed)
    for index in range(count):
        part = folder / f"part-{index // per_folder:04d}"
        if index % per_folder == 0:
            part.mkdir(parents=True, exist_ok=True)
        (part / f"story-{index:06d}.txt").write_text(story_text(rng, index), encoding="utf-8")
