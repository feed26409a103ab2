"""The hardened XML parser: each classic XML attack is a one-line error, fast, nothing fetched."""

from __future__ import annotations

import time

import pytest

from articlekit import _xml
from articlekit.errors import InputError

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<newsItem><headline>&lol9;</headline></newsItem>"""
QUADRATIC = (
    b'<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "'
    + b"x" * 100_000
    + b'">]><nitf>'
    + b"&a;" * 10_000
    + b"</nitf>"
)


@pytest.mark.parametrize(
    "document",
    [
        BILLION_LAUGHS,
        QUADRATIC,
        b'<!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><nitf/>',
        b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><nitf>&e;</nitf>',
        BILLION_LAUGHS.decode()
        .replace('version="1.0"?', 'version="1.0" encoding="UTF-16"?')
        .encode("utf-16"),
    ],
    ids=[
        "billion-laughs",
        "quadratic-blowup",
        "parameter-entity",
        "external-entity-file",
        "utf16-laughs",
    ],
)
def test_entity_declarations_are_refused(document: bytes) -> None:
    started = time.perf_counter()
    with pytest.raises(InputError, match="entity declarations are not allowed"):
        _xml.parse(document)
    assert time.perf_counter() - started < 1


def test_external_entity_to_a_url_is_refused_and_not_fetched(
    listener: tuple[str, list[bytes]],
) -> None:
    url, received = listener
    document = f'<!DOCTYPE x [<!ENTITY e SYSTEM "{url}/secret">]><nitf>&e;</nitf>'.encode()
    with pytest.raises(InputError):
        _xml.parse(document)
    time.sleep(0.3)
    assert received == []


def test_external_dtd_is_never_fetched(listener: tuple[str, list[bytes]]) -> None:
    url, received = listener
    document = f'<?xml version="1.0"?><!DOCTYPE nitf SYSTEM "{url}/nitf.dtd"><nitf><body/></nitf>'
    root, _ = _xml.parse(document.encode())
    assert _xml.local_name(root) == "nitf"
    time.sleep(0.3)
    assert received == []


def test_xinclude_is_refused_and_never_fetched(listener: tuple[str, list[bytes]]) -> None:
    url, received = listener
    document = (
        f'<?xml version="1.0"?>\n<nitf xmlns:xi="http://www.w3.org/2001/XInclude">\n'
        f'<xi:include href="{url}/part.xml"/><body/></nitf>'
    ).encode()
    with pytest.raises(InputError, match="XInclude is not allowed") as refused:
        _xml.parse(document)
    assert refused.value.line == 3
    time.sleep(0.3)
    assert received == []


def test_deep_nesting_is_refused_fast() -> None:
    document = b"<a>" * 100_000 + b"</a>" * 100_000
    started = time.perf_counter()
    with pytest.raises(InputError, match="malformed XML") as caught:
        _xml.parse(document)
    assert time.perf_counter() - started < 2
    assert caught.value.line == 1


def test_huge_text_node_is_refused() -> None:
    document = b"<nitf>" + b"x" * (11 * 1024 * 1024) + b"</nitf>"
    with pytest.raises(InputError, match="malformed XML"):
        _xml.parse(document)


def test_multi_megabyte_attribute_is_refused() -> None:
    document = b'<nitf a="' + b"x" * (11 * 1024 * 1024) + b'"/>'
    with pytest.raises(InputError, match="malformed XML"):
        _xml.parse(document)


@pytest.mark.parametrize(
    ("document", "line"),
    [
        (b'<?xml version="1.0"?>\n<nitf>\n<body>\n<p>cut off', 4),
        (b'<?xml version="1.0" encoding="UTF-8"?>\n<nitf>\xff\xfe</nitf>', 2),
        (b"<nitf><p></nitf>", 1),
        (b"", 1),
        (b"not xml at all", 1),
    ],
)
def test_broken_documents_give_line_numbers(document: bytes, line: int) -> None:
    with pytest.raises(InputError, match="malformed XML") as caught:
        _xml.parse(document)
    assert caught.value.line == line


def test_lying_latin1_declaration_is_read_as_utf8() -> None:
    document = '<?xml version="1.0" encoding="ISO-8859-1"?><nitf><p>Müller – “quoted”</p></nitf>'
    root, overridden = _xml.parse(document.encode("utf-8"))
    assert overridden
    assert _xml.text_of(root) == "Müller – “quoted”"
    honest = document.replace("–", "-").replace("“", '"').replace("”", '"').encode("latin-1")
    root, overridden = _xml.parse(honest)
    assert not overridden
    assert _xml.text_of(root) == 'Müller - "quoted"'


def test_local_names_ignore_namespaces_and_prefixes() -> None:
    root, _ = _xml.parse(
        b'<ns0:newsItem xmlns:ns0="http://iptc.org/std/nar/2006-10-01/">'
        b"<ns0:contentMeta><ns0:headline>H</ns0:headline></ns0:contentMeta></ns0:newsItem>"
    )
    assert _xml.local_name(root) == "newsItem"
    assert _xml.text_of(_xml.child(_xml.child(root, "contentMeta"), "headline")) == "H"


def test_windows_1252_behind_a_latin1_declaration() -> None:
    """Bytes 0x80-0x9F are controls in ISO-8859-1 but quotes and dashes in Windows-1252, the
    encoding such files are really in."""
    document = (
        b'<?xml version="1.0" encoding="ISO-8859-1"?><nitf><p>\x93Caf\xe9\x94 \x96 ok</p></nitf>'
    )
    root, overridden = _xml.parse(document)
    assert overridden
    assert _xml.corrected_encoding(document) == "windows-1252"
    assert _xml.text_of(root) == "“Café” – ok"
    declared = document.replace(b"ISO-8859-1", b"windows-1252")
    assert _xml.corrected_encoding(declared) is None
    assert _xml.text_of(_xml.parse(declared)[0]) == "“Café” – ok"


def test_html_entity_names_under_a_doctype_become_characters() -> None:
    root, _ = _xml.parse(
        b'<?xml version="1.0"?><!DOCTYPE nitf SYSTEM "nitf-3-3.dtd">'
        b"<nitf><hl1>Jerry&mdash;again</hl1><p>a&nbsp;b &eacute;t&eacute; <em>x</em>&hellip;"
        b" &madeup;</p></nitf>"
    )
    assert _xml.text_of(root[0]) == "Jerry—again"
    assert "".join(root[1].itertext()) == "a\xa0b été x… &madeup;"
