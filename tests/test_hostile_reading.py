"""Hostile and unusual input that used to lose, invent or misread data (issue 12, items 5-7).

5. cp1252 text with a byte cp1252 leaves undefined: decoded as cp1252, the byte replaced and
   reported; no curly quote or euro sign deleted as a "control character".
6. Foreign-namespace elements in NewsML-G2 and NITF: never taken for the standard's elements,
   kept in extras under their namespace; un-namespaced documents still read by local name.
7. JSON: canonical, a ninjs version, or a documented dialect; anything else is a one-line error.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from articlekit import read
from articlekit.errors import InputError

from conftest import run_cli, shared_path

# --- 5: cp1252 with an undefined byte ------------------------------------------------------------

WINDOWS_TEXT = (
    "Café Owners Rally\n\n"
    "It’s the “terrace fee” – again, 5 € a table… said Müller.\n\n"
    "The council’s “fair” fee ‘stands’, he said — for now.\n"
)


@pytest.mark.parametrize("undefined", [0x81, 0x8D, 0x8F, 0x90, 0x9D])
def test_cp1252_with_an_undefined_byte_keeps_every_character(undefined: int) -> None:
    data = WINDOWS_TEXT.encode("cp1252").replace(b"5", bytes([undefined]))
    result = read(data, format="text")
    article = result.value
    assert article.headline == "Café Owners Rally"
    assert article.paragraphs == [
        "It’s the “terrace fee” – again, \ufffd € a table… said Müller.",
        "The council’s “fair” fee ‘stands’, he said — for now.",
    ]
    [warning] = result.warnings
    assert warning.code == "encoding-fallback"
    assert "decoded as cp1252" in warning.message
    assert f"0x{undefined:02X} at byte" in warning.message and "U+FFFD" in warning.message
    assert warning.line == 3


def test_cp1252_with_an_undefined_byte_from_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(WINDOWS_TEXT.encode("cp1252").replace(b"5", b"\x81"))
    run = run_cli("convert", str(path), "--to", "text")
    assert run.code == 0
    assert "“terrace fee” – again, \ufffd € a table…" in run.text
    assert "control-characters-removed" not in run.stderr
    assert "decoded as cp1252; 1 byte that cp1252 does not define (0x81 at byte" in run.stderr


def test_stray_undefined_byte_in_utf8_text_is_kept_as_a_replacement() -> None:
    text = "Headline Here\n\nIt’s “quoted” and fine, said Müller, the owner of the café.\n"
    data = text.encode("utf-8").replace("’".encode(), b"\x92").replace(b"and", b"\x8dnd")
    result = read(data, format="text")
    assert result.value.paragraphs == [
        "It’s “quoted” \ufffdnd fine, said Müller, the owner of the café."
    ]
    assert "1 undefined there became U+FFFD" in result.warnings[0].message


# --- 6: foreign namespaces -----------------------------------------------------------------------

EVIL_NEWSML = b"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" xmlns:evil="urn:example:evil"
    guid="urn:example:1" version="1" standard="NewsML-G2" standardversion="2.35">
  <itemMeta>
    <evil:itemClass qcode="ninat:picture"/>
    <itemClass qcode="ninat:text"/>
    <provider literal="Example News"/>
    <versionCreated>2024-01-02T10:00:00Z</versionCreated>
  </itemMeta>
  <contentMeta>
    <evil:language tag="fr"/>
    <language tag="en"/>
    <evil:headline>Fake headline</evil:headline>
    <headline>Ferries return to the harbour</headline>
    <evil:by>By Mallory</evil:by>
    <by>By Jane Doe</by>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><body>
        <evil:p>Injected paragraph</evil:p>
        <p>The first ferry sailed at dawn.</p>
        <p>Crews were <evil:b>cheered</evil:b> on the quay.</p>
      </body></html>
    </inlineXML>
  </contentSet>
</newsItem>
"""


def test_foreign_newsml_elements_never_stand_in_for_the_standard() -> None:
    article = read(EVIL_NEWSML).value
    assert article.headline == "Ferries return to the harbour"
    assert article.byline == "By Jane Doe"
    assert article.language == "en"
    assert article.paragraphs == [
        "The first ferry sailed at dawn.",
        "Crews were cheered on the quay.",  # text inside a paragraph stays
    ]
    evil = "{urn:example:evil}"
    assert article.extras[f"newsml:contentMeta/{evil}headline"] == ["Fake headline"]
    assert article.extras[f"newsml:contentMeta/{evil}by"] == ["By Mallory"]
    assert article.extras[f"newsml:contentMeta/{evil}language"] == [{"@tag": "fr"}]
    assert article.extras[f"newsml:itemMeta/{evil}itemClass"] == [{"@qcode": "ninat:picture"}]
    assert article.extras[f"newsml:body/{evil}p"] == ["Injected paragraph"]


EVIL_NITF = b"""<?xml version="1.0" encoding="UTF-8"?>
<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" xmlns:x="urn:example:x">
  <head><docdata><x:doc-id id-string="urn:fake"/><doc-id id-string="urn:real:7"/></docdata></head>
  <body>
    <body.head>
      <x:hedline><hl1>Fake</hl1></x:hedline>
      <hedline><x:hl1>Also fake</x:hl1><hl1>Ferries return to the harbour</hl1></hedline>
      <byline>By <x:person>Jane</x:person> Doe</byline>
    </body.head>
    <body.content>
      <x:p>Injected</x:p>
      <p>The first ferry sailed at dawn, <x:em>crews</x:em> said.</p>
    </body.content>
  </body>
</nitf>
"""


def test_foreign_nitf_elements_never_stand_in_for_the_standard() -> None:
    article = read(EVIL_NITF).value
    assert article.id == "urn:real:7"
    assert article.headline == "Ferries return to the harbour"
    assert article.byline == "By Jane Doe"
    assert article.paragraphs == ["The first ferry sailed at dawn, crews said."]
    assert article.extras["nitf:body/body.head/{urn:example:x}hedline"] == [
        {"{http://iptc.org/std/NITF/2006-10-18/}hl1": ["Fake"]}
    ]
    assert article.extras["nitf:body/body.head/hedline/{urn:example:x}hl1"] == ["Also fake"]
    assert article.extras["nitf:body/body.content/{urn:example:x}p"] == ["Injected"]
    assert article.extras["nitf:head/docdata/{urn:example:x}doc-id"] == [{"@id-string": "urn:fake"}]


def test_un_namespaced_documents_still_read_by_local_name() -> None:
    article = read(shared_path("corpus", "newsml-g2", "tt-newsmlg2-sample.xml")).value
    assert article.headline == 'Jan Guillou skriver på ny "Hamilton"-bok'
    assert article.body and article.slugline == "janguillou"
    un_namespaced = EVIL_NITF.replace(b' xmlns="http://iptc.org/std/NITF/2006-10-18/"', b"")
    assert read(un_namespaced).value.headline == "Ferries return to the harbour"


def test_agency_extension_elements_are_kept_under_their_namespace() -> None:
    article = read(shared_path("corpus", "newsml-g2", "reuters-L4N1FL0N0-gold.xml")).value
    key = "newsml:itemMeta/{http://www.reuters.com/ns/2003/08/content}versionedId"
    assert article.extras[key] == [{"@guid": "tag:reuters.com,0000:newsml_L4N1FL0N0:1132689232"}]


# --- 7: JSON is canonical, ninjs or a documented dialect ----------------------------------------


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (
            b'{"headline": 12345, "body": {"x": 1}}',
            '"headline" is a number, where ninjs has a string',
        ),
        (b'{"headline": ["a", "b"], "uri": 5}', '"headline" is an array, where ninjs has a string'),
        (b'{"uri": 5, "headline": "H"}', '"uri" is a number, where ninjs has a string'),
        (b'{"uri": "u", "urgency": "3"}', '"urgency" is a string, where ninjs has a number'),
        (b'{"uri": "u", "headlines": [{"value": 7}]}', '"headlines"\\[0\\].value is a number'),
        (b'{"uri": "u", "subjects": ["politics"]}', '"subjects"\\[0\\] is a string, where ninjs'),
        (b'{"headline": "H", "body": {"x": 1}}', '"body" is an object; a plain body is a string'),
        (b'{"title": "T", "description": "D"}', '"description" is no property of ninjs'),
        (b'{"item": [{"uri": "u", "headline": 5}]}', 'item 1: "headline" is a number'),
    ],
)
def test_json_that_is_not_ninjs_is_a_one_line_error(document: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        read(document)
    assert str(caught.value).startswith(
        '<bytes>: neither canonical articlekit JSON (no "schema_version") nor ninjs: '
    )
    run = run_cli("convert", "-", stdin=document)
    assert (run.code, run.stdout) == (1, b"")
    assert len(run.stderr.splitlines()) == 1


def test_a_plain_body_string_is_read_as_the_body_with_a_warning() -> None:
    result = read(b'{"headline": "H", "body": "First paragraph.\\n\\nSecond."}')
    assert result.value.headline == "H"
    assert result.value.paragraphs == ["First paragraph.", "Second."]
    [warning] = result.warnings
    assert warning.code == "ninjs-dialect"
    assert 'a plain "body" string read as the body' in warning.message
    text = read(b'{"uri": "urn:x", "text": "Only paragraph."}')
    assert text.value.paragraphs == ["Only paragraph."]


def test_named_items_keep_unknown_properties_and_dialects_still_read() -> None:
    result = read(b'{"uri": "urn:x", "headline": "H", "x-vendor": {"a": 1}}')
    assert result.value.extras == {"ninjs:x-vendor": {"a": 1}}
    assert [warning.code for warning in result.warnings] == ["ninjs-dialect"]
    for name in ("superdesk-ninjs-embargoed.json", "bbc-ldrs-ninjs-text-envelope.json"):
        assert read(shared_path("corpus", "ninjs", name)).value.headline


def test_latin1_declared_xml_with_an_undefined_windows_1252_byte_is_read() -> None:
    data = (
        b'<?xml version="1.0" encoding="ISO-8859-1"?>\n<nitf><body><body.head><hedline>'
        b"<hl1>Caf\xe9 \x93fee\x94 rises</hl1></hedline></body.head><body.content>"
        b"<p>It\x92s \x81 5 \x80 a table.</p></body.content></body></nitf>\n"
    )
    result = read(data)
    assert result.value.headline == "Café “fee” rises"
    assert result.value.paragraphs == ["It’s \ufffd 5 € a table."]
    [warning] = result.warnings
    assert warning.code == "encoding-declaration-wrong"
    assert "windows-1252 (1 byte it does not define became U+FFFD)" in warning.message


def test_foreign_elements_survive_the_removal_of_control_characters() -> None:
    data = EVIL_NITF.replace(b"<x:p>Injected</x:p>", b"<x:p>Inj\xc2\x85ected</x:p>").replace(
        b"sailed at dawn", b"sailed\xc2\x85 at dawn"
    )
    result = read(data)
    assert result.value.paragraphs == ["The first ferry sailed at dawn, crews said."]
    assert result.value.extras["nitf:body/body.content/{urn:example:x}p"] == ["Injected"]
    assert "control-characters-removed" in {warning.code for warning in result.warnings}
