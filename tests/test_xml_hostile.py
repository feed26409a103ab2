"""Hostile XML through the NewsML-G2 and NITF readers and the command line: each attack is one
error line and exit 1 (or, where the file is readable, a warning), fast, in bounded memory, with
no output file and nothing fetched. The parser itself is tested in test_xml_safety.py."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from articlekit import read, write
from articlekit.errors import InputError

MEMORY_LIMIT = 1024 * 1024 * 1024
"""Address space the command line may use while reading a hostile file."""
NEWS_ITEM = (
    '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" standard="NewsML-G2" '
    'standardversion="2.35"><itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/>'
    "<versionCreated>2024-01-01T00:00:00Z</versionCreated></itemMeta><contentMeta>"
    "<headline>{headline}</headline></contentMeta><contentSet><inlineXML>"
    '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>{body}</p></body></html>'
    "</inlineXML></contentSet></newsItem>"
)
LAUGHS = '<?xml version="1.0"?>\n<!DOCTYPE newsItem [\n <!ENTITY lol0 "lol">\n'
for _level in range(1, 10):
    LAUGHS += f' <!ENTITY lol{_level} "{("&lol" + str(_level - 1) + ";") * 10}">\n'
LAUGHS += "]>\n"


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def convert(path: Path, *extra: str) -> tuple[int, str, float]:
    """Run ``articlekit convert PATH -o OUT`` with a memory cap; exit code, stderr, seconds."""
    started = time.perf_counter()
    process = subprocess.run(
        [sys.executable, "-m", "articlekit", "convert", str(path), "-o",
         str(path.with_suffix(".out.json")), *extra],
        capture_output=True,
        timeout=60,
        check=False,
        preexec_fn=_limit_memory,
    )  # fmt: skip
    return (
        process.returncode,
        process.stderr.decode("utf-8", "replace"),
        (time.perf_counter() - started),
    )


def assert_refused(path: Path, *fragments: str) -> str:
    code, stderr, seconds = convert(path)
    lines = stderr.strip().splitlines()
    assert code == 1, stderr
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"articlekit: error: {path}"), stderr
    for fragment in fragments:
        assert fragment in lines[0], stderr
    assert not path.with_suffix(".out.json").exists()
    assert not [item for item in path.parent.iterdir() if item.name.endswith(".tmp")]
    assert seconds < 20
    return lines[0]


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "laughs.xml",
            (LAUGHS + NEWS_ITEM.format(headline="&lol9;", body="x")).encode(),
            "entity declarations are not allowed",
        ),
        (
            "quadratic.xml",
            b'<!DOCTYPE nitf [<!ENTITY a "' + b"x" * 100_000 + b'">]><nitf><body><body.content>'
            b"<p>" + b"&a;" * 10_000 + b"</p></body.content></body></nitf>",
            "root element is not within the first 64 KiB",
        ),
        (
            "external-file.xml",
            b'<!DOCTYPE nitf [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b"<nitf><body><body.content><p>&e;</p></body.content></body></nitf>",
            "entity declarations are not allowed",
        ),
        (
            "parameter.xml",
            b'<!DOCTYPE nitf [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><nitf/>',
            "entity declarations are not allowed",
        ),
        ("deep.xml", b"<nitf>" + b"<p>" * 100_000 + b"</p>" * 100_000 + b"</nitf>", ":1:"),
        (
            "attribute.xml",
            b'<nitf><head><title id="' + b"x" * (12 * 1024 * 1024) + b'"/></head></nitf>',
            "malformed XML",
        ),
        (
            "invalid-utf8.xml",
            b'<?xml version="1.0" encoding="UTF-8"?>\n<nitf><body><body.content>\n'
            b"<p>caf\xc3</p></body.content></body></nitf>",
            ":3:",
        ),
        (
            "truncated.xml",
            NEWS_ITEM.format(headline="Cut", body="cut off")[:200].encode(),
            "malformed XML",
        ),
        ("rss.xml", b'<rss version="2.0"><channel><title>Feed</title></channel></rss>', "<rss>"),
    ],
    ids=lambda value: value if isinstance(value, str) and value.endswith(".xml") else "",
)
def test_hostile_files_are_one_line_errors(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    assert_refused(_write(tmp_path, name, data), message)


def test_external_entity_to_a_url_is_refused_and_not_fetched(
    tmp_path: Path, listener: tuple[str, list[bytes]]
) -> None:
    url, received = listener
    data = (
        f'<!DOCTYPE newsItem [<!ENTITY e SYSTEM "{url}/secret">]>'
        + NEWS_ITEM.format(headline="&e;", body="x")
    ).encode()
    assert_refused(_write(tmp_path, "remote-entity.xml", data), "entity declarations")
    time.sleep(0.3)
    assert received == []


def test_a_doctype_naming_a_dtd_is_never_processed(
    tmp_path: Path, listener: tuple[str, list[bytes]]
) -> None:
    url, received = listener
    data = (
        f'<?xml version="1.0"?>\n<!DOCTYPE nitf SYSTEM "{url}/nitf-3-6.dtd">\n'
        "<nitf><body><body.head><hedline><hl1>Nothing Loaded</hl1></hedline></body.head>"
        "<body.content><p>Before.</p><p>After.</p></body.content></body></nitf>"
    ).encode()
    path = _write(tmp_path, "doctype.xml", data)
    code, stderr, _ = convert(path, "-q")
    assert code == 0, stderr
    article = json.loads(path.with_suffix(".out.json").read_text(encoding="utf-8"))
    assert [block["content"][0]["text"] for block in article["body"]] == ["Before.", "After."]
    time.sleep(0.3)
    assert received == []


@pytest.mark.parametrize("namespace", ["2001", "2003"])
@pytest.mark.parametrize("reader", ["nitf", "newsml-xhtml", "xhtml-page"])
def test_xinclude_is_refused_with_its_line_and_never_followed(
    tmp_path: Path, listener: tuple[str, list[bytes]], reader: str, namespace: str
) -> None:
    url, received = listener
    include = (
        f'<xi:include xmlns:xi="http://www.w3.org/{namespace}/XInclude" href="{url}/part.xml" '
        'parse="text"/>'
    )
    if reader == "nitf":
        data = (
            '<?xml version="1.0"?>\n<nitf><body><body.head><hedline><hl1>Included Nothing</hl1>'
            "</hedline></body.head><body.content>\n<p>Before.</p>\n"
            f"<p>{include}</p>\n<p>After.</p></body.content></body></nitf>"
        )
    elif reader == "newsml-xhtml":  # the XHTML body inside a NewsML-G2 item
        data = '<?xml version="1.0"?>\n\n\n' + NEWS_ITEM.format(headline="Included", body=include)
    else:  # a standalone XHTML page, read by the HTML parser
        data = (
            '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head>'
            "<title>Included Nothing</title></head>\n<body><article><h1>Included Nothing</h1>\n"
            f"<p>Before the inclusion, a paragraph of text.</p>\n<p>{include}</p>\n"
            "<p>After the inclusion, another paragraph.</p></article></body></html>"
        )
    path = _write(
        tmp_path, "xinclude.xhtml" if reader == "xhtml-page" else "xinclude.xml", data.encode()
    )
    assert_refused(path, f"{path}:{data.count(chr(10), 0, data.index('<xi:')) + 1}: XInclude")
    time.sleep(0.3)
    assert received == []


def test_an_xhtml_page_is_refused_by_xincludes_namespace_not_by_its_words() -> None:
    page = (
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head><body>\n'
        "<h1>Namespaces</h1><p>The XInclude namespace is http://www.w3.org/2001/XInclude.</p>\n"
        "{element}</body></html>"
    )
    default = '<include xmlns="http://www.w3.org/2001/XInclude" href="part.xml"/>'
    with pytest.raises(InputError, match="XInclude is not allowed") as refused:
        read(page.format(element=default).encode(), format="html")
    assert refused.value.line == 3
    other = '<xi:p xmlns:xi="http://example.org/not-xinclude">Kept.</xi:p>'
    assert read(page.format(element=other).encode(), format="html").value.headline == "T"


def test_remote_content_is_recorded_never_fetched(listener: tuple[str, list[bytes]]) -> None:
    url, received = listener
    data = NEWS_ITEM.format(headline="Picture Attached", body="Text.").replace(
        "<inlineXML>",
        f'<remoteContent href="{url}/photo.jpg" contenttype="image/jpeg"/><inlineXML>',
    )
    result = read(data.encode())
    # an image of the text item is its picture: a reference, recorded as a rendition
    [picture] = result.value.media
    assert picture.renditions[0].uri == f"{url}/photo.jpg"
    text = data.replace('contenttype="image/jpeg"', 'contenttype="text/plain"')
    other = read(text.encode())  # other remote content stays in extras, with a warning
    assert other.value.extras["newsml:contentSet/remoteContent"] == [
        {"@href": f"{url}/photo.jpg", "@contenttype": "text/plain"}
    ]
    assert "newsml-remote-content" in [warning.code for warning in other.warnings]
    for article in (result.value, other.value):
        for format_name in ("json", "newsml", "nitf", "ninjs", "text"):
            write(article, format=format_name)
    time.sleep(0.3)
    assert received == []


def test_lying_encoding_reads_with_a_warning(tmp_path: Path) -> None:
    data = (
        '<?xml version="1.0" encoding="ISO-8859-1"?><nitf><body><body.head><hedline>'
        "<hl1>Café Owners Rally</hl1></hedline></body.head><body.content><p>“Quoted” – yes.</p>"
        "</body.content></body></nitf>"
    ).encode()
    path = _write(tmp_path, "lying.xml", data)
    code, stderr, _ = convert(path)
    assert code == 0
    assert "encoding-declaration-wrong" in stderr
    article = json.loads(path.with_suffix(".out.json").read_text(encoding="utf-8"))
    assert article["headline"] == "Café Owners Rally"
    cp1252 = data.decode("utf-8").replace("“", "\x93").replace("”", "\x94").replace("–", "\x96")
    result = read(cp1252.encode("latin-1"))
    assert result.value.paragraphs == ["“Quoted” – yes."]
    assert [warning.code for warning in result.warnings] == ["encoding-declaration-wrong"]


def test_wrong_root_when_forced(tmp_path: Path) -> None:
    path = _write(tmp_path, "page.xml", b"<html><body/></html>")
    code, stderr, _ = convert(path, "--from", "newsml")
    assert code == 1 and "is not NewsML-G2" in stderr
    code, stderr, _ = convert(path, "--from", "nitf")
    assert code == 1 and "is not NITF's <nitf>" in stderr


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (
            NEWS_ITEM.format(headline="Foreign Root", body="Text.").replace(
                "http://iptc.org/std/nar/2006-10-01/", "http://example.org/not-g2"
            ),
            "newsml-foreign-namespace",
        ),
        (
            '<nitf xmlns="http://www.w3.org/1999/xhtml"><body><body.head><hedline>'
            "<hl1>Foreign Root</hl1></hedline></body.head><body.content><p>Text.</p>"
            "</body.content></body></nitf>",
            "nitf-foreign-namespace",
        ),
    ],
)
def test_foreign_namespace_is_read_by_element_names_with_a_warning(data: str, code: str) -> None:
    result = read(data.encode())
    assert result.value.headline == "Foreign Root"
    assert result.value.paragraphs == ["Text."]
    assert code in [warning.code for warning in result.warnings]


def test_control_characters_allowed_by_xml_are_removed() -> None:
    data = NEWS_ITEM.format(headline="Odd\u0085Headline", body="C1\u0092control")
    result = read(data.encode())
    assert result.value.headline == "OddHeadline"
    assert result.value.paragraphs == ["C1control"]
    assert [warning.code for warning in result.warnings] == ["control-characters-removed"]


def test_reader_errors_name_the_line() -> None:
    with pytest.raises(InputError) as caught:
        read(b"<nitf>\n<body>\n<body.content>\n<p>open", format="nitf")
    assert caught.value.line == 4


def test_quadratic_blowup_forced_as_nitf_is_refused(tmp_path: Path) -> None:
    data = (
        b'<!DOCTYPE nitf [<!ENTITY a "'
        + b"x" * 100_000
        + b'">]><nitf><body><body.content><p>'
        + b"&a;" * 10_000
        + b"</p></body.content></body></nitf>"
    )
    path = _write(tmp_path, "quadratic.xml", data)
    code, stderr, seconds = convert(path, "--from", "nitf")
    assert code == 1 and "entity declarations are not allowed" in stderr
    assert seconds < 20


def test_absurd_numbers_and_long_datelines_are_not_errors() -> None:
    data = NEWS_ITEM.format(headline="Big Numbers", body="Text.").replace(
        'guid="urn:x:1"', f'guid="urn:x:1" version="{"9" * 5000}"'
    )
    data = data.replace("<headline>", f"<urgency>{'7' * 5000}</urgency><headline>")
    data = data.replace(
        "</contentMeta>", f"<dateline>{'Long place 2024 ' * 5000}</dateline></contentMeta>"
    )
    started = time.perf_counter()
    result = read(data.encode())
    assert time.perf_counter() - started < 2
    assert (result.value.version, result.value.urgency, result.value.dateline) == (None, None, None)
    assert "newsml:dateline" in result.value.extras
