"""Decoding text files: BOMs, UTF-8, stray bytes, UTF-16 without BOM, legacy encodings, binary."""

from __future__ import annotations

import pytest

from articlekit import Context
from articlekit.errors import InputError
from articlekit.prose.encoding import decode_text

STORY = "Café Owners Rally\n\nIt’s the “terrace fee” – again. Müller said so.\n"


@pytest.mark.parametrize(
    ("data", "warning"),
    [
        (STORY.encode("utf-8"), None),
        (b"\xef\xbb\xbf" + STORY.encode("utf-8"), None),
        (STORY.encode("utf-16"), None),
        (STORY.encode("utf-16-le"), "decoded as UTF-16"),
        (STORY.encode("cp1252"), "decoded as cp1252"),
        (STORY.encode("utf-8").replace("’".encode(), b"\x92"), "stray bytes read as cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16-no-bom", "cp1252", "utf8-stray-cp1252"],
)
def test_western_text(data: bytes, warning: str | None) -> None:
    context = Context()
    assert decode_text(data, context) == STORY
    messages = [item.message for item in context.warnings]
    if warning is None:
        assert messages == []
    else:
        assert len(messages) == 1 and warning in messages[0]


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Президент сказал в понедельник вечером, что переговоры продолжатся.", "cp1251"),
        ("東京の天気は晴れです。明日も晴れるでしょう。", "shift_jis"),
        ("中美合作共赢符合国际社会利益，美方应当采取更多行动。", "gb18030"),
    ],
)
def test_legacy_non_western_text(text: str, encoding: str) -> None:
    context = Context()
    assert decode_text(text.encode(encoding), context) == text
    assert context.warnings[0].code == "encoding-fallback"


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03" * 100, bytes(range(256)) * 4])
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="binary data"):
        decode_text(data, Context())
