"""NewsML-G2 (IPTC), as agencies send it and as partners' validators accept it.

Reader (elements matched by local name: no namespace, odd prefixes and the proper namespace read
the same; elements of another namespace than the item's, such as an agency's extensions, are kept
in extras under ``{namespace}name`` and never taken for the standard's):

* a ``newsItem``, or a ``newsMessage`` holding several items: one article per text item (item
  class ``text`` under any alias), with the picture (graphic, video, audio) items tied to it
  (linked from it, packaged with it, or alone with it in the message) as its media, a picture
  that is a ``figure`` of the body merged into it (see :mod:`.media`); a message of pictures
  alone gives one article per picture; items tied to nothing are skipped with
  ``newsml-item-skipped``, and a file with no text or picture item at all is an error;
* ``@guid``/``@version`` → id/version; ``firstCreated``/``versionCreated``/``contentCreated`` →
  published/updated/created (padded values and ``+0100`` offsets accepted; naive times keep their
  date, and so does a date with a zone, ``2032-09-14-04:00``); ``pubStatus`` → status;
  ``edNote`` → editor note; ``urgency``;
* ``headline`` (a subheadline by role), ``slugline``, ``by`` → byline, ``creator`` → authors (their
  names, URIs and job titles), ``dateline`` (printed, parsed) and ``located``, ``language`` /
  ``@xml:lang``, ``description`` → summary, ``keyword``, ``genre``;
* ``subject`` → subjects, or people, organisations and places by concept type; QCodes resolved
  through the item's inline catalogs and the IPTC catalog's well-known aliases, missing names
  taken from ``assert`` elements and other uses of the same QCode in the item, ``literal`` values
  used as names;
* ``infoSource``, ``creditline``, ``provider`` → source; ``rightsInfo`` → rights;
* the body: XHTML in ``inlineXML`` (also ``text/html`` and other labels), NITF in ``inlineXML``
  (its headline, byline, abstract, ... fill what the item lacks), or ``text/plain`` ``inlineData``;
  HTML5 page headers and a leading repeat of the headline or byline are dropped with a warning,
  hard-wrapped ``<br/>`` lines are joined, the dateline opening the first paragraph is taken out
  (and is the dateline when neither ``dateline`` nor ``located`` gives one);
* an image (video, audio) ``remoteContent`` of the text item is its lead picture; other
  ``remoteContent`` is recorded in extras; neither is ever fetched; every other element with no
  article field is kept in extras as ``newsml:<parent>/<element>``.

Writer: one ``newsItem`` of NewsML-G2 2.35 (Power conformance), valid against IPTC's XSD, with a
``catalogRef`` to the IPTC catalog and an inline ``catalog`` for every other scheme it uses; the
body as XHTML in ``inlineXML``, or NITF with the option ``body=nitf``; with media, a
``newsMessage`` of that item and one linked picture item per media item. Output is
deterministic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from articlekit.formats._support import imported
from articlekit.model import Article
from articlekit.registry import Context

if TYPE_CHECKING:
    from articlekit.schemas import SchemaProblem


class NewsmlReader:
    def read(self, data: bytes, context: Context) -> Iterator[Article]:
        read: Callable[[bytes, Context], Iterator[Article]]
        read = imported("articlekit.formats.newsml.read", "read_document")
        return read(data, context)

    def schema_problems(self, data: bytes, folder: Path) -> list[SchemaProblem]:
        """Problems against the NewsML-G2 2.35 Power XSD, and against the NITF 3.6 XSD for NITF
        (in its namespace) inside ``inlineXML``, which the G2 schema does not check. A file
        without the G2 namespace gets the schema's own complaint about its root."""
        from articlekit._xml import NITF
        from articlekit.formats._iptc import parse_document
        from articlekit.schemas import SchemaProblem, validate_xml

        root = parse_document(data, Context())
        problems = validate_xml(root, "newsml", folder)
        for nitf in root.iter(f"{{{NITF}}}nitf"):
            problems.extend(
                SchemaProblem(f"embedded NITF: {problem.message}", problem.line, problem.column)
                for problem in validate_xml(nitf, "nitf", folder)
            )
        return problems


class NewsmlWriter:
    options = ("body",)
    """``-O body=nitf`` puts the body in NITF instead of XHTML."""

    def write(self, article: Article, context: Context) -> bytes:
        write: Callable[[Article, Context], bytes]
        write = imported("articlekit.formats.newsml.write", "write")
        return write(article, context)


reader = NewsmlReader()
writer = NewsmlWriter()
