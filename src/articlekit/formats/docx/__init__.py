"""Word .docx (Office Open XML WordprocessingML), read and written.

Reader (:mod:`.read`), for files from Word, LibreOffice, Google Docs and articlekit:

- [x] package safety: zip bombs (entries, declared and actual sizes, ratio), non-zip files,
      missing parts, legacy .doc and encrypted files, hostile XML (:mod:`.package`)
- [x] Transitional and Strict OOXML
- [x] styles resolved by name through ``styles.xml`` (localised ids such as ``1``, ``a4``),
      then outline level, then base style (:mod:`.styles`)
- [x] headline: Title style; else a leading Heading 1; else a short first paragraph followed
      by more text (never a long body paragraph)
- [x] subheadline (Subtitle), byline (Byline style or a "By ..." paragraph), authors (Author
      style, else the byline, with core creators when the byline names them), Date, Abstract
- [x] dateline: Dateline style, else the start of the first paragraph
      (:mod:`articlekit.prose.dateline`)
- [x] headings 1-6, quotes (Quote, Intense Quote, Block Text, indented paragraphs, nested by
      indentation), lists from numbering properties on paragraphs or styles (:mod:`.numbering`),
      nested by level, numbered or bulleted; further paragraphs of list items
- [x] bold and italic (direct or character styles), hyperlinks (elements and fields), line
      breaks, tabs, symbols (the Symbol font as Unicode, :mod:`.symbols`)
- [x] core properties as metadata (:mod:`.core`)
- [x] tracked changes read as accepted (insertions kept, deletions left out), reported
- [x] pictures (``w:drawing`` inline or anchored, VML ``w:pict``): embedded bytes as resources
      (media type from ``[Content_Types].xml``, size, sha256; never decoded), linked pictures as
      URI references (never fetched), alt text and title from ``wp:docPr``, size from
      ``wp:extent``, the Caption paragraph beside them and a credit in it or in the title;
      targets outside the package or missing parts reported, never followed (:mod:`.pictures`)
- [x] tables: header rows (``w:tblHeader``, Word's "Header Row" option), header cells (Table
      Heading style), merged cells (``w:gridSpan``, ``w:vMerge``, ``w:hMerge``), paragraphs,
      lists, pictures and tables inside cells, the caption beside them (:mod:`.tables`); never
      taken for the headline
- [x] comments and footnotes/endnotes moved to extras, drawings that are not pictures (charts,
      shapes, embedded objects) reported (descriptions in extras), text boxes read, hidden text
      left out; each reported (:mod:`.body`)
- [x] the embedded canonical article, used while the document still shows it (:mod:`.embedded`),
      also after an untouched re-save by Word or LibreOffice
- [x] page headers and footers: their text (not bare page numbers) moved to extras, reported
- [ ] math layout; pictures in page headers and footers, notes and comments

Writer (:mod:`.write`): Title, Subtitle, Byline, Source Line (source and date, as the text writer
prints them) and Dateline paragraphs, the lead picture, body paragraphs, Heading 1-6, Quote,
bulleted and numbered lists with real numbering, bold and italic runs, hyperlinks; figures as
real Word pictures (embedded ``word/media`` parts, or linked when only a URI is known) with
their Caption and Credit paragraphs; tables with header rows and merged cells; core
properties; the canonical article embedded as a custom XML part (pictures' bytes by reference
to their parts); a lean built-in template (:mod:`.template`); byte-identical output for the
same article.

Options: ``embedded=ignore`` reads what Word shows and ignores the embedded article.
"""

from __future__ import annotations

from collections.abc import Iterator

from articlekit.model import Article
from articlekit.registry import Context


class DocxReader:
    options = ("embedded",)
    """``-O embedded=ignore`` reads only what Word shows, not the embedded article."""

    def read(self, data: bytes, context: Context) -> Iterator[Article]:
        from articlekit.formats.docx.read import read_article

        yield read_article(data, context)


class DocxWriter:
    binary = True
    embeds_media = True
    """A package holds its pictures itself: a picture extracted to a file would not show."""

    def write(self, article: Article, context: Context) -> bytes:
        from articlekit.formats.docx.write import write_article

        return write_article(article, context)


reader = DocxReader()
writer = DocxWriter()
