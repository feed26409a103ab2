"""Any bytes in, an article or one clean InputError out: never another exception."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from articlekit import read_all
from articlekit.errors import InputError

WIRE_PIECES = st.sampled_from(
    [
        "\x01",
        "\x02",
        "\x03",
        "\x04",
        "\x16",
        "\x1b[31m",
        "\r\n",
        "\n\n",
        "\t",
        "By ",
        "By Jane Doe",
        "CARACAS (AP) — ",
        "Caracas (—",
        "Source, October 6, 2023 —",
        "Leave a Reply",
        "# ",
        "> ",
        "- ",
        "1. ",
        "\\",
        "___",
        "Published: 2023-10-06T10:00:00",
        "^",
        "=",
        "<",
        " =",
        "\ufeff",
    ]
)
TEXTISH = st.lists(st.one_of(WIRE_PIECES, st.text(max_size=40)), max_size=40).map("".join)


def _read(data: bytes, fmt: str | None) -> None:
    try:
        for result in read_all(data, format=fmt):
            result.value.model_dump_json()
    except InputError as error:
        assert "\n" not in str(error)


@given(st.one_of(TEXTISH.map(lambda text: text.encode("utf-8", "surrogatepass")), st.binary()))
def test_text_reader_never_crashes(data: bytes) -> None:
    _read(data, "text")


@given(st.one_of(TEXTISH.map(lambda text: text.encode("utf-8", "surrogatepass")), st.binary()))
def test_sniffing_never_crashes(data: bytes) -> None:
    _read(data, None)


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "headline",
                    "body",
                    "type",
                    "content",
                    "text",
                    "schema_version",
                    "id",
                    "published",
                    "language",
                    "items",
                    "blocks",
                    "level",
                    "extras",
                    "x",
                ]
            ),
            children,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@given(JSONISH)
def test_json_reader_never_crashes(document: object) -> None:
    data = json.dumps(document).encode("utf-8")
    _read(data, "json")
    _read(data + b"\n" + data, "jsonl")
