"""Concepts (subjects, places, people, organisations, genres) ⇄ ninjs entity objects.

ninjs 2.x/3.x identify a concept by ``uri`` and ``literal``; 1.x by ``scheme`` (a vocabulary URI)
and ``code``. The article keeps ``code`` and ``vocabulary`` apart, so the mapping is:

* 2.x/3.x: ``literal`` ⇄ code; ``uri`` ⇄ the concept's URI, or vocabulary + code when the concept
  has no URI of its own (``http://cv.iptc.org/newscodes/mediatopic/`` + ``15000000``, or the
  QCode ``medtop:15000000`` for a vocabulary alias). Reading splits such a URI back when it ends
  with the literal, so code and vocabulary survive the trip.
* 1.x: ``scheme`` ⇄ vocabulary URI, ``code`` ⇄ code; a concept known only by URI puts the URI in
  ``code`` (as the IPTC 1.6 examples do), and an alias vocabulary makes the code a QCode.

Whatever an entity object holds beyond these (``creator``, ``relevance``, ``geoJSON``,
``contactInfo`` ...) is not lost: the reader keeps the whole original list in ``extras``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, unquote

from articlekit._text import lazy_pattern, valid_percent_escapes
from articlekit.model import Concept

# RFC 3986 absolute URI: a scheme, then only characters a URI may hold (reserved, unreserved,
# percent-escapes). Anything else (spaces, quotes, non-ASCII) would fail a schema's "uri" format.
_URI = lazy_pattern(r"^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")
_ALIAS = lazy_pattern(r"^[A-Za-z][A-Za-z0-9_.-]*$")
_QCODE = lazy_pattern(r"^(?P<alias>[A-Za-z][A-Za-z0-9_.-]*):(?P<code>[^/:][^:]*)$")
_URI_SCHEMES = frozenset({"http", "https", "urn", "tag", "mailto", "ftp", "file", "data", "info"})
ID_PREFIX = "urn:articlekit:id:"
"""How an id that is not a URI travels in ``uri``, the one property every ninjs item needs."""

SEPARATORS = ("/", "#", "=")


def is_uri(value: str) -> bool:
    """Whether ``value`` is an absolute URI that a schema's ``"format": "uri"`` accepts."""
    return _URI.match(value) is not None and valid_percent_escapes(value)


def uri_of_id(identifier: str) -> str:
    """The ``uri`` for an article id: the id itself when it is a URI, else a reversible URN."""
    if is_uri(identifier) and not identifier.startswith(ID_PREFIX):
        return identifier
    return ID_PREFIX + quote(identifier, safe="")


def id_of_uri(uri: str) -> str:
    return unquote(uri[len(ID_PREFIX) :]) if uri.startswith(ID_PREFIX) else uri


def _text(value: Any) -> str | None:
    """A non-blank string, else ``None`` (a number is not text: see :mod:`.shape`)."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def source_identifiers(entry: dict[str, Any]) -> list[str]:
    """An info source's identifiers, the one read as the article's source URI first: its
    ``uri``, ``literal`` and ``code``, once each."""
    found = (_text(entry.get(key)) for key in ("uri", "literal", "code"))
    return list(dict.fromkeys(identifier for identifier in found if identifier is not None))


def source_uri(identifiers: list[str]) -> str | None:
    """The article's source URI an info source's identifiers give: the first, unless it holds a
    space (none then)."""
    return identifiers[0] if identifiers and " " not in identifiers[0] else None


def concept_from(item: dict[str, Any]) -> Concept | None:
    """The concept an entity object of any generation names, or ``None`` when it names none."""
    name = _text(item.get("name"))
    if "scheme" in item or "code" in item:
        code, vocabulary, uri = _text(item.get("code")), _text(item.get("scheme")), None
        if code is not None and vocabulary is None:
            qcode = _QCODE.match(code)
            if qcode is not None and qcode.group("alias").lower() not in _URI_SCHEMES:
                vocabulary, code = qcode.group("alias"), qcode.group("code")
            elif is_uri(code) and ("//" in code or code.split(":")[0].lower() in _URI_SCHEMES):
                code, uri = None, code
    else:
        code, uri, vocabulary = _text(item.get("literal")), _text(item.get("uri")), None
        if code is not None and uri is not None and uri.endswith(code) and len(uri) > len(code):
            prefix = uri[: -len(code)]
            if prefix.endswith(SEPARATORS):
                vocabulary, uri = prefix, None
            elif prefix.endswith(":") and _ALIAS.match(prefix[:-1]):
                vocabulary, uri = prefix[:-1], None
    if name is None and code is None and uri is None:
        return None
    return Concept(
        name=name,
        code=code,
        vocabulary=vocabulary if vocabulary and " " not in vocabulary else None,
        uri=uri if uri and " " not in uri else None,
    )


def qualified(concept: Concept) -> str | None:
    """vocabulary + code as one URI (or QCode), when the vocabulary allows it."""
    if concept.code is None or concept.vocabulary is None:
        return None
    vocabulary = concept.vocabulary
    if vocabulary.endswith(SEPARATORS) and is_uri(vocabulary):
        joined = vocabulary + concept.code
    elif _ALIAS.match(vocabulary) and vocabulary.lower() not in _URI_SCHEMES:
        # a code some sources already write as a QCode ("medtop:123") is not prefixed twice
        prefix = f"{vocabulary}:"
        joined = concept.code if concept.code.startswith(prefix) else prefix + concept.code
    else:
        return None
    return joined if is_uri(joined) else None


def entity_of(concept: Concept, major: str, lost: list[str], what: str) -> dict[str, Any]:
    """The entity object for ``concept``; appends to ``lost`` what it cannot say."""
    item: dict[str, Any] = {}
    if concept.name is not None:
        item["name"] = concept.name
    joined = qualified(concept)
    if major == "1":
        if concept.code is not None and concept.vocabulary is not None:
            if is_uri(concept.vocabulary):
                item["scheme"], item["code"] = concept.vocabulary, concept.code
            elif joined is not None:
                item["code"] = joined
            else:
                item["code"] = concept.code
                lost.append(f"the vocabulary of {what}")
        elif concept.code is not None:
            item["code"] = concept.code
        if concept.uri is not None:
            if "code" not in item and is_uri(concept.uri):
                item["code"] = concept.uri
            elif concept.uri != joined:
                lost.append(f"the URI of {what}")
        return item
    if concept.code is not None:
        item["literal"] = concept.code
    if concept.uri is not None and is_uri(concept.uri):
        item["uri"] = concept.uri
        if concept.vocabulary is not None and concept.uri != joined:
            lost.append(f"the vocabulary of {what}")
    elif concept.uri is not None:
        lost.append(f"the URI of {what} (not a valid URI)")
    elif joined is not None:
        item["uri"] = joined
    elif concept.vocabulary is not None:
        lost.append(f"the vocabulary of {what}")
    return item
