"""Warnings: what a reader skipped or a writer could not carry, with stable codes.

A conversion that loses something says so. Readers and writers record a :class:`Diagnostic` through
their context instead of printing or raising; the API returns them beside the result and the CLI
prints them on stderr as ``path:line:col: code message`` (the shape ruff uses).

Codes are stable strings, ``<format>-<what>`` for format-specific ones. Every built-in code is
listed in :data:`CATALOGUE` with a one-line meaning, so that users can rely on them
(``--fail-on-warning``, filters in their own pipelines). Third-party formats use their own format
name as prefix.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass

from articlekit._text import printable


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One message about one input or output."""

    code: str
    """Stable identifier, e.g. ``text-boilerplate-dropped``."""
    message: str
    """Human sentence: what happened and what was lost."""
    path: str | None = None
    """The file concerned (``-`` for standard input), when known."""
    line: int | None = None
    """1-based line in the file, when the format gives it."""
    column: int | None = None
    """1-based column, when known."""
    fields: tuple[str, ...] = ()
    """The article fields a writer's warning is about (``("byline", "authors")``): what the
    output cannot hold, or will read back differently. Programs can tell from it which fields a
    conversion changed; readers' warnings leave it empty."""

    def __reduce__(self) -> tuple[type[Diagnostic], tuple[object, ...]]:
        # Batch results cross process boundaries by the thousand: the pickling dataclasses give
        # classes with slots walks ``fields()`` every time, several times slower than this.
        return Diagnostic, (self.code, self.message, self.path, self.line, self.column, self.fields)

    def located(self, path: str) -> Diagnostic:
        """A copy naming ``path`` when the producer did not know the file name."""
        if self.path is not None:
            return self
        return Diagnostic(self.code, self.message, path, self.line, self.column, self.fields)

    @property
    def position(self) -> tuple[int, int] | None:
        """The line and column printed for it (1 where not known, as editors and linters
        expect), or ``None`` for a warning about a folder, which has no line to point at (a
        report, ``--report``, gives the line and column as known, ``null`` where not)."""
        if self.line is None and self.path and self.path.endswith(("/", os.sep)):
            return None
        return self.line or 1, self.column or 1

    def __str__(self) -> str:
        # (one f-string, no generator: a rerun prints the warnings of thousands of inputs; the
        # code and message made printable once: a rerun's inputs are warned about alike)
        position = self.position
        location = self.path or "<input>"
        if position is not None:
            location = f"{location}:{position[0]}:{position[1]}"
        return f"{printable(location)}: {_printable_text(self.code, self.message)}"


@functools.lru_cache(maxsize=256)
def _printable_text(code: str, message: str) -> str:
    """``printable`` of a warning's code and message (it escapes character by character, so a
    line made printable in parts is the line made printable whole)."""
    return printable(f"{code} {message}")


CATALOGUE: dict[str, str] = {
    # shared by several formats
    "encoding-fallback": "the input is not UTF-8; it was decoded with a guessed legacy encoding",
    "control-characters-removed": "control characters or terminal escape sequences were removed",
    "invisible-characters": "the text holds characters that do not show (U+202E, zero-width...)",
    "empty-article-skipped": "an item with no headline, text or media was left out as no article",
    "no-headline": "the source has no headline; the article has none (never guessed from the body)",
    "date-unparsed": "a date in the source could not be understood and was left out",
    "date-time-without-zone": (
        "a time had no zone: only its date was kept, an embargo's time at UTC-12, the latest it"
        " can mean (see -O timezone=)"
    ),
    "date-zone-dropped": (
        "an embargo's or expiry's date came with an offset no zone has: kept as its day's start"
        " in UTC (never before the source's moment), the text as written in extras"
    ),
    "time-zone-unknown": "an embargo's zone is unknown: its time was kept at UTC-12, the latest",
    "embargo-indefinite": (
        "an embargo with no end ('until further notice'): kept as its flag line and the status"
        " withheld, in no embargo field"
    ),
    "embargo-hold-kept": (
        "a hold with no end an editor deleted or reworded still withholds the article: only a"
        " line with an embargo's date (or a status) releases it"
    ),
    "embargo-withholds-usable": (
        "an embargo that cannot be read withholds an item its source marks usable (it is never"
        " lifted early): the status as written is kept in extras"
    ),
    "embargo-kept": (
        "an embargo line an editor deleted or reworded leaves the embargo: a deleted notice does"
        " not lift it"
    ),
    "date-relative": "a relative date ('3 hours ago') was kept as text in extras, not as a date",
    "field-dropped": "the output format has no place for a field of the article; it was left out",
    "formatting-dropped": (
        "formatting the article or the output format has no place for (a mark, a thematic"
        " break, a link's title)"
    ),
    "structure-flattened": "a block structure the output format cannot carry was flattened",
    "media-dropped": "an image, video or other media reference was left out",
    "media-bytes-dropped": "embedded picture bytes the output cannot hold (use --extract-media)",
    "media-unresolved": "a media file named by a relative path could not be read back; path kept",
    "option-ignored": (
        "an -O key kept for a plugin's reader that the reader of this input does not take"
    ),
    "media-value-invalid": "a media value (size, width, media type, URI) is unusable; left out",
    "media-caption-truncated": "a caption or alt text longer than the model allows was cut",
    "media-detail-dropped": "parts of pictures the output format has no place for (titles...)",
    "table-value-invalid": "a table cell's span is not a number from 1 to 1000; 1 was used",
    "markup-unreadable": "an embedded HTML body could not be parsed and was left out",
    "markup-labels-moved": "labels before the body text (section, source) were moved to extras",
    "link-dropped": "a javascript:, vbscript: or data: link was left out (its text kept)",
    "headline-joined": "the source headline spans several lines; they were joined into one",
    "encoding-declaration-wrong": "the XML's encoding declaration did not fit its bytes; corrected",
    "language-invalid": "the source's language is not a well-formed BCP 47 tag; not used as one",
    # input folders (batch conversions)
    "input-link-skipped": "a link in an input folder leads out of it or to a folder; not read",
    "manifest-damaged": "the output folder's record of earlier runs was damaged; set aside, and "
    "a new one started",
    "input-files-skipped": "files in an input folder have an extension no reader claims",
    "worker-died": (
        "a worker process died (killed, out of memory): its chunk of inputs was converted again"
    ),
    # NewsML-G2
    "newsml-item-skipped": "an item that holds no text article (package, picture...) was skipped",
    "newsml-no-body": "a text item has no body (empty or missing content); the article has none",
    "newsml-remote-content": "a remoteContent reference was recorded in extras, never fetched",
    "newsml-body-repeat": "the body repeated the headline or byline (page furniture); left out",
    "newsml-body-byline": "a 'By ...' paragraph opening the body was taken as the byline",
    "newsml-foreign-namespace": "the root is in a foreign namespace; it was read by element names",
    "newsml-value-invalid": "a value breaks the NewsML-G2 rules (urgency 12, ...); kept in extras",
    "newsml-date-missing": "NewsML-G2 needs versionCreated; the article has no date (epoch used)",
    "newsml-not-round-trippable": "the NewsML-G2 output cannot express a value so it reads back",
    # NITF
    "nitf-foreign-namespace": "the root is in a foreign namespace; it was read by element names",
    "nitf-value-invalid": "a value breaks the NITF rules (urgency 12, ...); kept in extras",
    "nitf-not-round-trippable": "the NITF output cannot express a value so that it reads back",
    "nitf-dateline-printed": (
        "the body printed a dateline other than the dateline element; taken out, kept in extras"
    ),
    # plain text
    "text-boilerplate-dropped": "web page furniture (menus, share bars, comment forms, related "
    "links) left out of the article; the lines are kept in extras['text:removed_lines']",
    "text-wire-metadata": "a wire envelope (IPTC 7901, ANPA-1312) was read; raw values in extras",
    "text-wire-priority-unknown": (
        "an ANPA-1312 priority letter none of f, b, u, r, d: it gives no urgency, kept in extras"
    ),
    "text-notebook-moved": "an editors' notebook (not for publication) was moved out of the body",
    "text-separator-dropped": "a separator line such as '___' or '* * *' was left out of the body",
    "text-end-mark-cut": "the end mark a story ends with ('-30-', '###', '(END)', 'ENDS') was "
    "left out of the body; kept in extras['text:end_mark']",
    "text-not-round-trippable": "the text layout cannot express a value so that it reads back",
    # HTML
    "html-boilerplate-dropped": "page furniture around or inside the article was left out",
    "html-metadata-conflict": "the page's metadata sources disagree; the first in order was taken",
    "html-metadata-unreadable": "a JSON-LD script (or articlekit's own fields) could not be read",
    "html-metadata-invalid": "a metadata value of the page is not a valid article value; left out",
    "html-extraction-failed": "the extractor found no text; the page's own landmarks were read",
    "html-extraction-skipped": "the page is too large for the extractor; read as semantic HTML",
    "html-not-round-trippable": "a field shown on the page will read back differently",
    # Markdown
    "markdown-not-displayed": "fields site generators do not display; the front matter keeps them",
    "markdown-field-unknown": "the articlekit: front matter names a field the article lacks",
    "markdown-printed-edited": "the body prints a byline other than the front matter's; both kept",
    "markdown-not-round-trippable": "the Markdown holds nothing a reader takes for an article",
    "markdown-value-invalid": "a front matter value the article cannot hold (draft: 'yes', "
    "title: [a, b]) is kept in extras; a value JSON cannot hold (.inf) became null",
    # canonical JSON
    "json-article-skipped": "a record of a JSON Lines file could not be read and was skipped",
    # ninjs
    "ninjs-not-round-trippable": "the ninjs output cannot express a value so that it reads back",
    "ninjs-envelope": "an API envelope or array around ninjs items was unwrapped (not ninjs)",
    "ninjs-dialect": "non-standard ninjs (Superdesk's guid, authors...); unknown parts in extras",
    "ninjs-item-skipped": "an item that is not a text article (picture, video...) was skipped",
    "ninjs-value-kept": "a value the article cannot hold (urgency 12, status 'draft') is in extras",
    "ninjs-body-skipped": "a body in a format that is not read (application/xml...) was left out",
    "ninjs-date-widened": (
        "a date without a time was written as midnight UTC (ninjs needs times); an embargo's as"
        " its midnight at UTC-12, where the day begins last"
    ),
    "ninjs-draft-version": "the ninjs version asked for is a draft IPTC has not approved",
    # Word .docx
    "docx-comments-moved": "comments were moved out of the text into extras['docx:comments']",
    "docx-notes-moved": "footnotes or endnotes were moved into extras; their marks left the text",
    "docx-page-furniture-moved": "text of page headers and footers was moved into extras",
    "docx-image-dropped": "drawings that are not pictures (charts, shapes) were left out",
    "docx-table-flattened": "a table nested too deep was read as one paragraph per row",
    "docx-picture-linked": "a picture linked to a URL: the URL kept as a reference, never fetched",
    "docx-picture-unresolved": "a picture points outside the file or at a missing part; not read",
    "docx-picture-moved": "a picture inside a line of text was placed after its paragraph",
    "docx-object-pictured": "an embedded object was read as the picture Word shows for it",
    "docx-media-not-shown": "a figure or lead media item has no picture Word can show",
    "docx-picture-resized": "a picture is shown at another size than the article gives it",
    "docx-text-box-read": "text boxes were read as paragraphs after the paragraph holding them",
    "docx-tracked-changes": "tracked changes were read as accepted: insertions kept, deletions not",
    "docx-hidden-text-dropped": "hidden text (Word's 'hidden' font effect) was left out",
    "docx-formatting-dropped": "underline, strikethrough and similar marks were dropped, text kept",
    "docx-template-date": (
        "a core date is python-docx's default template's (2013-12-23), not the article's: kept"
        " in extras"
    ),
    "docx-property-unusable": "a core property value articlekit cannot use was kept in extras",
    "docx-above-title": "paragraphs above the Title that are no flag lines: body, or extras",
    "docx-embedded-article-stale": "the document changed after articlekit wrote it; see README",
    "docx-embedded-article-invalid": "the embedded articlekit copy is unreadable; Word's view used",
    "docx-not-displayed": "fields Word does not display; the embedded copy keeps them",
    "docx-chunk-dropped": "an imported chunk (w:altChunk: HTML, RTF, a document) was left out",
    "docx-symbol-font-kept": "Wingdings-like symbol font characters kept as private-use codes",
    "docx-character-replaced": "characters XML cannot hold show as U+FFFD in Word",
}
