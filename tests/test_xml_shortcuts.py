"""The shortcuts of the XML readers and writers (NewsML-G2, NITF, the body markup they share)
must answer as the slower forms they spare: each is held to that form on inputs drawn from
fragments that meet its edges."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st
from lxml import etree

from articlekit._xml import parse
from articlekit.errors import InputError
from articlekit.formats._iptc import (
    holds_no_control,
    is_hard_wrapped,
    is_hard_wrapped_paragraph,
    strip_tree_controls,
)
from articlekit.formats.newsml.read import _is_wire_text
from articlekit.model import Heading, Paragraph, Span

LINE_FRAGMENTS = ["\n", "  ", " ", "\t", "word", "x" * 40, "y" * 101, "z" * 29, "\n  "]
line_texts = st.lists(st.sampled_from(LINE_FRAGMENTS), max_size=10).map("".join)


def _slow_wire_text(text: str) -> bool:
    lines = [line for line in text.split("\n")[1:] if line.strip()]
    if len(lines) < 3:
        return False
    indents = {len(line) - len(line.lstrip(" \t")) for line in lines}
    return 0 in indents and any(indent >= 2 for indent in indents)


@given(line_texts)
@example("a\n  b\nc\n  d")
def test_wire_text_test_answers_as_its_slow_form(text: str) -> None:
    assert _is_wire_text(text) == _slow_wire_text(text)


@given(st.lists(st.tuples(line_texts, st.booleans()), min_size=1, max_size=4), st.booleans())
@example([("x" * 40 + "\n", False), ("end", True)], False)
def test_hard_wrapped_paragraph_test_answers_as_its_slow_form(
    spans: list[tuple[str, bool]], heading: bool
) -> None:
    content = [Span(text=text, strong=strong) for text, strong in spans]
    try:
        block = Heading(content=content) if heading else Paragraph(content=content)
    except ValueError:
        return  # no text at all: no block
    slow = isinstance(block, Paragraph) and is_hard_wrapped(block.text)
    assert is_hard_wrapped_paragraph(block) == slow


XML_FRAGMENTS = [
    "plain", " ", "\n", "é", "人", "\x85", "\x7f", "\x9f", "\xa0", "&#133;", "&#x7f;", "&#65;",
    "&amp;", "&lt;", "<b>", "</b>", "<br/>", '<i a="', '"/>', "\x80", "<!-- \x86 -->",
    "<![CDATA[\x85]]>", "\ufeff", "\ufffd", "\u2028",
]  # fmt: skip
PROLOGS = [
    "",
    '<?xml version="1.0"?>',
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<?xml version='1.0' encoding='utf-8'?>",
    '<?xml version="1.0" encoding="ISO-8859-1"?>',
    '<?xml version="1.0" encoding="ISO-8859-5"?>',
    '<?xml version="1.0" encoding="windows-1252"?>',
    '<?xml version="1.0" encoding="UTF-16"?>',
    '<!DOCTYPE nitf SYSTEM "nitf.dtd">',
]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252", "iso-8859-5"]


@given(
    st.sampled_from(PROLOGS),
    st.lists(st.sampled_from(XML_FRAGMENTS), max_size=8).map("".join),
    st.sampled_from(ENCODINGS),
)
@example('<?xml version="1.0" encoding="ISO-8859-5"?>', "\u0405", "utf-8")
@example("", "\x85", "utf-8")
@example("", "&#133;", "utf-8")
def test_control_free_bytes_hold_no_control_in_the_tree(
    prolog: str, text: str, encoding: str
) -> None:
    """Whenever the bytes say "no control", the tree has none (the slow walk removes none)."""
    try:
        data = f"{prolog}<root>{text}</root>".encode(encoding)
        root, corrected = parse(data)
    except (UnicodeEncodeError, InputError):
        return
    if corrected is None and holds_no_control(data, root):
        assert strip_tree_controls(root) == 0


def test_control_free_bytes_answer_for_clean_documents() -> None:
    """The shortcut is taken for what writers make: UTF-8, declared or not."""
    for data in (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<a b="&amp;">\xc3\xa9 &lt;</a>',
        b"<a>plain</a>",
    ):
        assert holds_no_control(data, etree.fromstring(data))
