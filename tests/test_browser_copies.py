"""The script that makes browser copies of saved pages (``benchmarks/browser_copies.py``): which
copies hold text enough to be kept. (Making them needs Chromium; telling this does not.)"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from browser_copies import enough_text


def test_a_short_page_of_chinese_counts_its_characters() -> None:
    """Sixty characters of Chinese split at spaces are three "words"; counted as the evaluation
    counts them (a character a word), they are enough."""
    page = (
        "青石镇渡口重新开放\n镇政府说新码头可以同时停靠三艘渡船，工程比原计划提前两个月完成。\n"
        "一位老人说现在终于可以安心做生意了。\n"
    )
    assert len(page.split()) < 50
    assert enough_text(page)


def test_a_page_of_a_few_words_is_left_out() -> None:
    assert not enough_text("Loading...\nPlease enable JavaScript to view this page.\n")
    assert not enough_text("首页 新闻 体育")
    assert enough_text(" ".join(["word"] * 50))
