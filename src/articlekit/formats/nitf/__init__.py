"""NITF 3.x (News Industry Text Format), as agencies send it and as validators accept it.

Reader (elements matched by local name; DTD-era files without a namespace, the 2006-10-18
namespace, and NITF inside NewsML-G2 ``inlineXML`` all read the same; elements of another namespace
than the root's are kept in extras under ``{namespace}name``, never taken for NITF's):

* ``head/title`` (the headline when ``hl1`` is missing and the title reads like one),
  ``head/meta`` (kept in extras), ``tobject``: ``tobject.property`` → genres,
  ``tobject.subject`` → subjects (8-digit codes are IPTC Subject Codes unless
  ``tobject.subject.ipr`` names another provider, other codes have no vocabulary unless it names
  one; the name from ``type``/``matter``/``detail`` by the code's level, the element's other
  names and attributes kept in extras and written back by the writer);
* ``docdata``: ``doc-id`` → id, ``urgency``, ``date.issue`` → published (else
  ``pubdata/@date.publication``), ``du-key`` → slugline, ``ed-msg`` → editor note,
  ``doc.copyright``/``doc.rights`` → rights, ``key-list`` → keywords, ``evloc`` and
  ``identified-content`` → places, people, organisations, ``@management-status`` → status;
* ``body.head``: ``hedline`` ``hl1``/``hl2`` → headline/subheadline, ``byline`` (``person``,
  ``byttl``, ``person/@value`` → authors, roles and URIs; a ``byline class="authors-only"`` gives
  the authors alone, no byline text), ``distributor`` → source (else ``pubdata/@name``),
  ``dateline`` (``location``, ``story.date``, agency), ``abstract`` → summary, ``rights``,
  editors' ``note``;
* ``body.content`` and ``body.end``: ``p``, ``hl2``, ``bq``/``block``, ``ul``/``ol``/``li``,
  ``em``, ``a``, ``br``, ``pre``, ``table`` (HTML 4 model: header cells, spans, caption) and
  ``media`` (figures: ``media-reference`` renditions, ``media-object`` base64 bytes,
  ``media-caption``, ``media-producer`` credit, ``alternate-text``; a ``media`` in the head's
  abstract is the story's lead picture); inline ``person``/``org``/``location`` fill people,
  organisations and places; ``<br/>`` that only hard-wraps wire text is joined; the dateline
  opening the first paragraph again is taken out, and is the dateline when no ``dateline``
  element gives one (:mod:`articlekit.prose.dateline`, as the text reader); a ``note`` to
  editors (``editorsnote``, or type ``npa``) is the editor note (else extras), not body text;
* encodings: what the declaration says, UTF-8 and Windows-1252 bytes behind a lying ISO-8859-1
  declaration (with a warning); a DOCTYPE is never fetched.

Writer: NITF 3.6 in the namespace ``http://iptc.org/std/NITF/2006-10-18/``, valid against the
NITF 3.6 XSD (checked when ``--schemas`` points at IPTC's schemas). Crossheads other than level 2
are ``hl2 class="hN"``, bold is ``em class="strong"``, authors of an article without a printed
byline are a ``byline class="authors-only"`` (no byline is invented), an author's URI is the
``value`` of their ``person``; all read back. Figures are ``media``, tables ``table``; media that
go with the article outside its body are written as ``media`` at the body's end; what a NITF
source gave of its ``tobject`` (type, subjects as written) and a ``date.expire`` the article's
``expires`` does not hold (no date, or read before schema 1.4) are written back from extras.
NITF has no place for version, updated and created dates, concept URIs, genre codes and other
extras, media titles and ids, rendition titles and sizes: those are reported as dropped, each
warning naming the article fields concerned (``Diagnostic.fields``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from articlekit._xml import NITF
from articlekit.formats._support import imported
from articlekit.model import Article
from articlekit.registry import Context

if TYPE_CHECKING:
    from articlekit.schemas import SchemaProblem


class NitfReader:
    def read(self, data: bytes, context: Context) -> Iterator[Article]:
        read: Callable[[bytes, Context], Iterator[Article]]
        read = imported("articlekit.formats.nitf.read", "read_document")
        return read(data, context)

    def schema_problems(self, data: bytes, folder: Path) -> list[SchemaProblem]:
        """Problems against the NITF 3.6 XSD. Only NITF in its namespace can be checked: the
        un-namespaced files most feeds send follow the DTD tradition, which an XSD cannot judge;
        for them :class:`~articlekit.schemas.NotCheckable` says so (validate reports the file as
        not checked, rather than failing every valid DTD-era file or passing it in silence)."""
        from articlekit.formats._iptc import parse_document
        from articlekit.schemas import NotCheckable, validate_xml

        root = parse_document(data, Context())
        if root.tag != f"{{{NITF}}}nitf":
            raise NotCheckable("NITF without its namespace follows the DTD")
        return validate_xml(root, "nitf", folder)


class NitfWriter:
    def write(self, article: Article, context: Context) -> bytes:
        write: Callable[[Article, Context], bytes]
        write = imported("articlekit.formats.nitf.write", "write")
        return write(article, context)


reader = NitfReader()
writer = NitfWriter()
