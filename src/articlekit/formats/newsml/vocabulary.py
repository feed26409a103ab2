"""QCodes and the schemes behind them: ``medtop:04000000`` is code ``04000000`` of the scheme whose
alias is ``medtop`` and whose URI is ``http://cv.iptc.org/newscodes/mediatopic/``.

An item declares its aliases in catalogs: inline ``catalog`` elements (read here) and
``catalogRef`` links to remote catalogs (never fetched). The aliases of IPTC's own catalog that
articles use are known without fetching it (:data:`IPTC_SCHEMES`); other aliases stay as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from articlekit._text import lazy_pattern
from articlekit._xml import local_name
from articlekit.formats._iptc import identifier

IPTC_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_40.xml"
"""The IPTC catalog current with NewsML-G2 2.35 (version 40, September 2024)."""

IPTC_SCHEMES = {
    "cpnat": "http://cv.iptc.org/newscodes/cpnature/",
    "drol": "http://cv.iptc.org/newscodes/descriptionrole/",
    "genre": "http://cv.iptc.org/newscodes/genre/",
    "iso3166-1a2": "http://cvx.iptc.org/iso3166-1a2/",
    "iso3166-1a3": "http://cvx.iptc.org/iso3166-1a3/",
    "loctyp": "http://cv.iptc.org/newscodes/location/",
    "medtop": "http://cv.iptc.org/newscodes/mediatopic/",
    "ninat": "http://cv.iptc.org/newscodes/ninature/",
    "nprov": "http://cv.iptc.org/newscodes/newsprovider/",
    "nrol": "http://cv.iptc.org/newscodes/namerole/",
    "stat": "http://cv.iptc.org/newscodes/pubstatusg2/",
    "subj": "http://cv.iptc.org/newscodes/subjectcode/",
    "wikidata": "http://www.wikidata.org/entity/",
    "geonames": "http://sws.geonames.org/",
    "wldreg": "http://cv.iptc.org/newscodes/worldregion/",
}
"""Scheme aliases of the IPTC catalog that articles use (subjects, genres, places, providers)."""

ARTICLEKIT_ROLES = "urn:articlekit:newsml:role:"
"""articlekit's own scheme (alias ``akrole``): ``akrole:subheadline`` as a headline role,
``akrole:jobtitle`` as the role of a note that holds a creator's job title."""

UNDECLARED = "urn:articlekit:newsml:alias:"
"""Prefix of the URI that a written catalog gives an alias whose scheme URI is unknown (a
vocabulary read from a file whose catalog could not be fetched); reading maps it back."""

_NCNAME = lazy_pattern(r"^[A-Za-z_][\w.\-]*$")


def split_qcode(qcode: str) -> tuple[str, str] | None:
    """``(alias, code)`` of a QCode, or ``None`` when the text is not one."""
    alias, colon, code = qcode.strip().partition(":")
    if not colon or not alias or not _NCNAME.match(alias):
        return None
    return alias, code


@dataclass
class Schemes:
    """The aliases an item can use: its inline catalogs, then IPTC's."""

    by_alias: dict[str, str] = field(default_factory=lambda: dict(IPTC_SCHEMES))

    def read_catalogs(self, item: Any) -> None:
        """Add the schemes of ``catalog`` elements that are children of ``item`` (in any
        namespace or none, picked by lxml in C: an item seldom has one)."""
        for catalog in item.iterchildren("{*}catalog"):
            for scheme in catalog:
                alias, uri = scheme.get("alias"), identifier(scheme.get("uri"))
                if local_name(scheme) == "scheme" and alias and uri:
                    self.by_alias[alias] = uri

    def vocabulary(self, alias: str) -> str:
        """The scheme URI of ``alias`` when known, else the alias itself."""
        uri = self.by_alias.get(alias)
        if uri is None:
            return alias
        if uri.startswith(UNDECLARED):
            return uri[len(UNDECLARED) :] or alias
        return uri

    def uri(self, qcode: str) -> str:
        """A concept's URI from its QCode when the scheme is known, else the QCode itself."""
        parts = split_qcode(qcode)
        if parts is None or parts[0] not in self.by_alias:
            return qcode.strip()
        vocabulary = self.vocabulary(parts[0])
        return vocabulary + parts[1] if vocabulary != parts[0] else qcode.strip()


_IPTC_ALIASES = {uri: alias for alias, uri in IPTC_SCHEMES.items()}
"""IPTC's aliases by scheme URI (made once: every written item starts from a copy)."""


@dataclass
class Aliases:
    """The aliases a written item needs, and the inline catalog entries for those IPTC's catalog
    does not define."""

    extra: dict[str, str] = field(default_factory=dict)
    """Alias to scheme URI, for the inline catalog."""
    _by_uri: dict[str, str] = field(default_factory=lambda: dict(_IPTC_ALIASES))

    def alias(self, vocabulary: str) -> str:
        """An alias for a vocabulary given as URI (IPTC's, else a new ``akN``) or as alias."""
        known = self._by_uri.get(vocabulary)
        if known is not None:
            return known
        if "/" not in vocabulary and ":" not in vocabulary and _NCNAME.match(vocabulary):
            if vocabulary not in IPTC_SCHEMES:
                self.extra.setdefault(vocabulary, UNDECLARED + vocabulary)
            return vocabulary
        alias = f"ak{len(self._by_uri) - len(IPTC_SCHEMES) + 1}"
        self._by_uri[vocabulary] = alias
        self.extra[alias] = vocabulary
        return alias

    def use_articlekit_roles(self) -> str:
        self.extra["akrole"] = ARTICLEKIT_ROLES
        return "akrole"
