"""Agency wire framing: IPTC 7901 and ANPA-1312 envelopes around a plain-text story.

Both put control characters around the item: SOH opens a header, STX opens the text, ETX closes it,
and EOT (or DEL padding) ends the transmission. What the envelope says goes into article fields when
it has a clear meaning (slug, urgency, headline, byline, transmission time) and into ``extras``
under ``text:`` keys otherwise; the story text between STX and ETX is returned for the ordinary
layout parser.

7901 (dpa, many European agencies)::

    SOH eca062 4 i 211 ccccb   dpa 061       service id, priority (1-6), category, word count
    Germany-politics/                         keyword (slug) line
    STX Germany Social Democrats: ... =       headline, " =" ends it
       Berlin (dpa) - ...                     indented, hard-wrapped paragraphs
    ETX 131137 GMT Nov 13                     transmission time (no year)

ANPA-1312 (AP)::

    SYN SYN SOH W2870 US asian                 service level, sequence, selector
    f l DC3 DC1 BC-LT--Argentina-CancerB 11-13 1049   priority, category, slug, date, words
    STX ^BC-LT--Argentina-Cancer Beauty,466<  header lines start with "^": keyword line,
    ^For Argentine chemo patients, ... <      headline, photo and editors' notes,
    ^By PAUL BYRNE and ...=                   byline ("=" ends byline lines)
    TAB   BUENOS AIRES, Argentina (AP) _ ...  tab-indented paragraphs
    ETX AP-WF-11-13-13 1509GMT<               transmission time
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from articlekit._text import lazy_pattern
from articlekit.prose.headers import is_flag_line

SOH, STX, ETX, EOT, SYN = "\x01", "\x02", "\x03", "\x04", "\x16"

_7901_HEADER = lazy_pattern(r"^\s*(?P<service>\S+)\s+(?P<priority>\d)\s+(?P<category>\S+)\s")
_ANPA_ENVELOPE = lazy_pattern(
    r"^(?P<priority>[a-z])\s(?P<category>[a-z])[\x13\x14][\x11\x12]\s+"
    r"(?P<slug>\S+)(?P<rest>.*?)\s+(?P<date>\d{1,2}-\d{1,2})\s+(?P<words>\d{0,4})\s*$",
    re.IGNORECASE,
)
ENVELOPE_LIMIT = 200
"""Longest ANPA envelope line looked into (real ones are under 80 characters)."""
_ANPA_URGENCY = {"f": 1, "b": 2, "u": 3, "r": 4, "d": 5}
"""ANPA-1312 priority letters (flash, bulletin, urgent, regular, deferred) as the urgency of the
7901 priority digit on the same ladder (1 flash ... 4 regular, 5 deferred). Others give none and
are reported: no published table found ranks them (Superdesk's parser reads a ``z`` as
ordinary, its own choice), and a guessed urgency would rank a story wrongly."""
_ANPA_SLUG = lazy_pattern(r"^(?:[a-z]{2}-[a-z]{1,4}--)?(?P<slug>[\w.-]+)", re.IGNORECASE)
_ANPA_TRANSMITTED = lazy_pattern(r"(?P<date>\d{1,2}-\d{1,2}-\d{2}) (?P<time>\d{4}) ?GMT")
_STATUS_KEYWORD = lazy_pattern(
    r"^(?:\d{1,2}(?:ST|ND|RD|TH)\s+LEAD|LEAD|REFILE|CORRECT(?:ED|ION)|UPDATE(?:\s+\d{1,2})?|URGENT"
    r"|FLASH|BULLETIN|ADVISORY|EILT|EILMELDUNG|KORREKTUR|WIEDERHOLUNG|ZUSAMMENFASSUNG)$"
)
"""A keyword line that gives the item's status in a running story ("1ST LEAD", "REFILE",
"EILT"): a wire's own vocabulary, in capitals, never a headline."""
_EDITOR_NOTE = lazy_pattern(r"^(?:Eds?:|EDITOR'?S NOTE\s*[_—-]?)\s*(?P<note>.+)$", re.IGNORECASE)
_PHOTO_NOTE = lazy_pattern(r"^AP Photos?\b", re.IGNORECASE)


@dataclass
class Unframed:
    """The story text inside a wire envelope, and what the envelope said."""

    text: str
    fields: dict[str, Any] = field(default_factory=dict)
    extras: dict[str, Any] = field(default_factory=dict)
    header_lines: list[str] = field(default_factory=list)
    """Lines the layout parser should treat as the header zone (byline lines)."""
    line_per_paragraph: bool = False
    """Each line of the text is a paragraph (ANPA): never join lines as hard-wrapped."""
    preformatted: bool = False
    """The text is tabular or otherwise laid out by line (ANPA's DC2 format code): keep lines."""
    flags: list[str] = field(default_factory=list)
    """Flag lines the envelope or the lines above the headline print ("Sperrfrist: ...",
    "EMBARGOED UNTIL ...", "HOLD FOR RELEASE"), for the parser to read as a plain text's."""
    unknown_priority: str | None = None
    """An ANPA priority letter that gives no urgency (kept in extras), for the parser to report."""


def unframe(text: str) -> Unframed:
    """Split a framed wire item into its story text and envelope metadata."""
    if text.lstrip(SYN).startswith(SOH) and text.startswith(SYN):
        return _unframe_anpa(text)
    return _unframe_7901(text)


def _between(text: str) -> tuple[str, str, str]:
    """(envelope before STX, text between STX and ETX, trailer after ETX)."""
    before, _, rest = text.partition(STX)
    if not rest:  # no STX: the whole item is text after the header line
        before, _, rest = text.partition("\n")
    inside, _, trailer = rest.partition(ETX)
    return before, inside, trailer


def _clean_trailer(trailer: str) -> str:
    return " ".join(re.sub(r"[\x00-\x1f\x7f]", " ", trailer).split()).rstrip("<").strip()


def _unframe_7901(text: str) -> Unframed:
    before, inside, trailer = _between(text.lstrip(SYN))
    header, _, keywords = before.lstrip(SOH).partition("\n")
    result = Unframed("")
    header = header.strip()
    if header:
        result.extras["text:wire_header"] = header
        match = _7901_HEADER.match(header + " ")
        if match and 1 <= int(match.group("priority")) <= 9:
            result.fields["urgency"] = int(match.group("priority"))
    keyword_lines = [line.strip() for line in keywords.splitlines() if line.strip()]
    if keyword_lines:
        slug = keyword_lines[0]
        result.fields["slugline"] = slug.rstrip("/").strip() or slug
        # (an embargo or hold in the keyword block, under the slug: a flag over the headline)
        result.flags = [line for line in keyword_lines[1:] if is_flag_line(line, placed=True)]
        keyword_lines = [line for line in keyword_lines if line not in result.flags]
    headline, _, body = inside.partition("\n")
    while body.strip() and headline.strip():
        # status and flag lines set inside the text, above the headline, as some desks do
        if _STATUS_KEYWORD.match(headline.strip()):
            keyword_lines.append(headline.strip())
        elif is_flag_line(headline, placed=True):
            result.flags.append(headline.strip())
        else:
            break
        headline, _, body = body.partition("\n")
    if len(keyword_lines) > 1:  # e.g. "REFILE", "1ST LEAD": the item's status in the story
        result.extras["text:keyword_lines"] = keyword_lines
    headline = headline.strip().rstrip("=").strip()
    if headline:
        result.fields["headline"] = headline
    if trailer.strip(" \r\n\x7f\x04"):
        result.extras["text:wire_trailer"] = _clean_trailer(trailer)
    result.text = body
    return result


def _unframe_anpa(text: str) -> Unframed:
    before, inside, trailer = _between(text.lstrip(SYN))
    service, _, envelope = before.lstrip(SOH).partition("\n")
    result = Unframed("")
    result.extras["text:wire_header"] = _clean_trailer(service)
    envelope = envelope.strip("\r\n")
    match = _ANPA_ENVELOPE.match(envelope) if len(envelope) <= ENVELOPE_LIMIT else None
    result.line_per_paragraph = True
    if match:
        result.preformatted = "\x12" in envelope
        result.extras["text:anpa_envelope"] = {
            "priority": match.group("priority"),
            "category": match.group("category"),
            "slug": match.group("slug"),
            "date": match.group("date"),
            "words": match.group("words"),
        }
        urgency = _ANPA_URGENCY.get(match.group("priority").lower())
        if urgency is not None:
            result.fields["urgency"] = urgency
        else:
            result.unknown_priority = match.group("priority")
    header: list[str] = []
    body: list[str] = []
    for raw in inside.split("\n"):
        line = raw.rstrip("\r")
        if line.startswith("^") and not body:
            header.append(_unmark(line))
        elif not line.strip() or line.strip("^<= \t"):  # lines of markers alone go
            # "^" opens and "<" / "=" close lines in the text too (agate headings, quads).
            body.append(
                _unmark(line) if line.startswith("^") else line.rstrip().rstrip("<=").rstrip()
            )
    if not any(line.strip() for line in body) and len(header) > 2:
        # A list of headlines or notes only: the header lines after the headline are the story.
        body = header[2:]
        header = header[:2]
    while header and is_flag_line(header[0], placed=True):  # (above the keyword line)
        result.flags.append(header.pop(0))
    body = _read_anpa_header(header, result) + body
    transmitted = _clean_trailer(trailer)
    if transmitted:
        result.extras["text:wire_trailer"] = transmitted
        published = _anpa_time(transmitted)
        if published is not None:
            result.fields["published"] = published
    result.text = "\n".join(body)
    return result


def _unmark(line: str) -> str:
    """An ANPA line without its "^" opener and "<" / "=" closers."""
    return line.lstrip("^").rstrip().rstrip("<=").rstrip()


def _read_anpa_header(lines: list[str], result: Unframed) -> list[str]:
    """Keyword line, headline, notes and summary, then the byline block ("By ..." and its title).

    Returns the header lines after the byline block: in tables and lists they open the story.
    """
    if not lines:
        return []
    keyword = lines[0]
    result.extras["text:keyword_line"] = keyword
    slug = _ANPA_SLUG.match(keyword.partition(" ")[0].rstrip(","))
    if slug:
        result.fields["slugline"] = slug.group("slug").strip("-,")
    if len(lines) > 1 and lines[1]:
        result.fields["headline"] = lines[1]
    summary: list[str] = []
    index = 2
    while index < len(lines) and not lines[index].startswith(("By ", "BY ")):
        line = lines[index]
        note = _EDITOR_NOTE.match(line)
        if note:
            _read_note(note.group("note").strip(), result)
        elif _PHOTO_NOTE.match(line):
            result.extras["text:photo_note"] = line
        elif line:
            summary.append(line)
        index += 1
    if summary:
        result.fields["summary"] = "\n\n".join(summary)
    rest = lines[index:]
    if not rest:
        return []
    title = rest[1] if len(rest) > 1 and rest[1] and not rest[1].isupper() else None
    result.header_lines = [rest[0], title] if title else [rest[0]]
    return rest[len(result.header_lines) :]


_SENTENCE_END = lazy_pattern(r"\.(?:\s+|$)")


def _read_note(note: str, result: Unframed) -> None:
    """An editors' note, and the flag line its first sentence is ("Eds: EMBARGOED UNTIL 00:01
    GMT 5 JUNE 2024. Updates."): the note stays the editor's note, and its embargo is read (as
    the note alone, the story went out unembargoed). A note that is the flag line and nothing
    more is that flag alone: as the editor's note too, it said the embargo twice (NITF's
    ``ed-msg`` beside its ``date.release``), and the text writer, which prints the embargo's
    line, dropped it, so that text → NITF → text lost it."""
    flags = _flags_in_note(note)
    result.flags.extend(flags)
    if flags != [note.rstrip(". ")]:
        result.fields["editor_note"] = note


def _flags_in_note(note: str) -> list[str]:
    """The first sentence of an editors' note when it is a flag line. The sentence may hold
    stops of its own ("5. Juni"): each stop is tried as its end, and the end of the note (a
    note that is one sentence needs no stop)."""
    ends = [stop.start() for stop in _SENTENCE_END.finditer(note)]
    for end in (*ends, len(note)):
        sentence = note[:end].strip()
        if is_flag_line(sentence, placed=True):
            return [sentence]
    return []


def _anpa_time(trailer: str) -> datetime | None:
    match = _ANPA_TRANSMITTED.search(trailer)
    if match is None:
        return None
    try:
        day = datetime.strptime(f"{match.group('date')} {match.group('time')}", "%m-%d-%y %H%M")
    except ValueError:
        return None
    return day.replace(tzinfo=UTC)
