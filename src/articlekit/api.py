"""The Python API: read, write and convert, each returning its value with the warnings it caused.

Sources are paths, ``"-"`` (standard input), bytes, or binary file objects. Destinations are paths
(written atomically), binary file objects, or ``None`` to just get the bytes back. Fatal problems
raise :class:`~articlekit.errors.ArticlekitError` subclasses that name the file (and the line and
column where the format tells them); everything a conversion skips or loses is a
:class:`~articlekit.diagnostics.Diagnostic` in the result.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, Generic, TypeVar

from articlekit import _io, detect, registry
from articlekit.diagnostics import Diagnostic
from articlekit.errors import ArticlekitError, InputError, UsageError, no_article, setting

if TYPE_CHECKING:
    from articlekit.model import Article

T = TypeVar("T")

Source = str | os.PathLike[str] | bytes | IO[bytes]
Destination = str | os.PathLike[str] | IO[bytes] | None


@dataclass(frozen=True)
class Result(Generic[T]):
    """A value and the warnings produced while making it (mammoth's ``Result``)."""

    value: T
    warnings: tuple[Diagnostic, ...] = ()
    line: int | None = None
    """The line where the article starts, for files of several articles that say it."""
    locations: Mapping[str, int] = field(default_factory=dict)
    """Lines of the article's fields and top-level blocks (``headline``, ``body[3]``), for
    formats whose reader knows them."""


def _path_of(source: Any) -> str | None:
    if isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        return None if path == _io.STDIO else path
    return None


def _open(source: Source) -> tuple[IO[bytes], bool]:
    """A binary stream over any source, and whether we opened it (and so must close it)."""
    if isinstance(source, bytes | bytearray | memoryview):
        return io.BytesIO(source), True
    if isinstance(source, str | os.PathLike):
        path = _path_of(source)
        if path is None:
            return sys.stdin.buffer, False
        return _io.open_input(path), True
    if not callable(getattr(source, "read", None)):
        raise UsageError(
            "a source is a path, '-' (standard input), bytes or a binary file object, "
            f"not {type(source).__name__}"
        )
    return source, False


def read_all(
    source: Source,
    *,
    format: str | None = None,
    options: Mapping[str, str] | None = None,
    max_bytes: int | None = None,
    name: str | None = None,
    timezone: str | None = None,
) -> Iterator[Result[Article]]:
    """Every article in ``source`` (most files hold one), each with its warnings, lazily.

    ``max_bytes`` refuses a larger input, whatever its format. Without it, a document read into
    memory may be up to 64 MiB, and a streamed one (JSON Lines) any size, each record up to that.
    ``name`` names bytes or a stream in messages (and finds their configuration) when they were
    read from a file by the caller. ``timezone`` (an IANA name such as ``Europe/Oslo``) is the
    zone of date-times the source writes without one, which otherwise keep only their date.
    """
    from pydantic import ValidationError

    from articlekit.model import describe_validation_error, holds_content

    _io.check_max_bytes(max_bytes)
    options = _with_timezone(options, timezone)
    name = name or _io.display_name(source)
    limit = max_bytes or _io.DEFAULT_MAX_BYTES
    stream, opened = _open(source)
    try:
        head = stream.read(min(detect.HEAD_SIZE, limit + 1))
        if not isinstance(head, bytes):
            raise UsageError("file objects must be opened in binary mode", path=name)
        if len(head) > limit:
            raise _io.too_large(limit)
        reader_name = detect.reader_for(_path_of(source), head, format)
        reader = registry.get_reader(reader_name)
        data: Any
        if getattr(reader, "streaming", False):
            if not head.strip():
                raise InputError("empty file" if not head else "file holds only whitespace")
            rest: Any = stream
            if max_bytes is not None:
                rest = _io.LimitedStream(stream, max_bytes, name, already=len(head))
            data = _io.PrefixedStream(head, rest, name)
        else:
            data = head + _io.read_limited(stream, name, limit, already=len(head))
            if not data.strip():
                raise InputError("empty file" if not data else "file holds only whitespace")
        context = registry.Context(path=name, options=dict(options or {}), max_bytes=limit)
        language = registry.default_language(options)
        # Each result is handed out when the next article (or the end) arrives, so that warnings
        # about what follows the last article (a skipped record, a trailer) still reach the user.
        held: Result[Article] | None = None
        keeps_empty = getattr(reader, "keeps_empty", False)
        for article in reader.read(data, context):
            if not keeps_empty and not holds_content(article):
                # (the warning travels with the next article; with none, the file is refused)
                context.warn(
                    "empty-article-skipped",
                    "an item with no headline, text or media was skipped",
                    line=context.line,
                )
                continue
            if held is not None:
                yield held
            if language is not None and article.language is None:
                article.language = language
            _report_invisible(article, context, data if reader_name in TEXT_AS_WRITTEN else None)
            held = Result(
                article, tuple(context.take_warnings()), context.line, context.take_locations()
            )
        if held is None:
            raise no_article()
        yield Result(
            held.value, held.warnings + tuple(context.take_warnings()), held.line, held.locations
        )
    except UsageError:
        raise
    except ArticlekitError as error:
        raise error.located(name) from None
    except ValidationError as error:
        raise InputError(describe_validation_error(error), path=name) from None
    except RecursionError:
        raise InputError("input is nested too deeply", path=name) from None
    finally:
        if opened:
            stream.close()


TEXT_AS_WRITTEN = frozenset({"text", "markdown"})
"""Readers of text that stands in the file as the article holds it, where a text of the article
can be searched for (XML, HTML and JSON escape it)."""


def _report_invisible(
    article: Article, context: registry.Context, file: bytes | None = None
) -> None:
    """One warning naming the invisible characters (direction overrides, zero-width spaces, soft
    hyphens...) in the article's text, whatever format it came from: they stay, but a reader of
    the article should know that what they see is not all there is. In a text ``file`` (see
    :data:`TEXT_AS_WRITTEN`) it points at the line of the first one."""
    import unicodedata

    from articlekit.model import iter_blocks
    from articlekit.prose.controls import invisible_characters

    # Only texts that may hold one are searched (the pattern's scan of a story cost 45 µs).
    texts = {
        name: value
        for name in ("headline", "subheadline", "byline", "summary")
        if isinstance(value := getattr(article, name), str) and _may_hide(value)
    }
    body = [
        text
        for block in iter_blocks(article.body)
        if isinstance(text := getattr(block, "text", None), str)
    ]
    if any(map(_may_hide, body)):
        texts["body"] = "\n".join(body)
    where = []
    for name, text in texts.items():
        found = invisible_characters(text)
        if found:
            listed = ", ".join(
                f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed').lower()}"
                + (f" ×{count}" if count > 1 else "")
                for char, count in found.items()
            )
            where.append(f"{name}: {listed}")
    if where:
        context.warn(
            "invisible-characters",
            f"text holds characters that do not show ({'; '.join(where)}); kept as they are",
            line=_first_invisible_line(file) if file is not None else None,
        )


def _first_invisible_line(file: bytes) -> int | None:
    """The line of a text file's first invisible character (1-based), as its reader decodes it."""
    from articlekit.prose.controls import INVISIBLE
    from articlekit.prose.encoding import decode_text

    try:
        text = decode_text(file, registry.Context())
    except ArticlekitError:
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found = INVISIBLE.search(text)
    return text.count("\n", 0, found.start()) + 1 if found is not None else None


def _may_hide(text: str) -> bool:
    """Whether ``text`` may hold a character that does not show: none is ASCII and none is
    printable, so a text that is either (each told in C, the first without a scan) holds none."""
    return not text.isascii() and not text.isprintable()


def _with_timezone(options: Mapping[str, str] | None, timezone: str | None) -> dict[str, str]:
    """``options`` with the ``timezone`` argument in them, checked (an unknown zone or language
    tag is a :class:`UsageError` before anything is read)."""
    options = dict(options or {})
    if timezone is not None:
        options["timezone"] = timezone
    registry.check_common_values(options)
    return options


def read(
    source: Source,
    *,
    format: str | None = None,
    options: Mapping[str, str] | None = None,
    max_bytes: int | None = None,
    timezone: str | None = None,
) -> Result[Article]:
    """The one article in ``source``; an error when it holds none or several (use ``read_all``).
    ``timezone`` is the zone of date-times written without one (see :func:`read_all`)."""
    results = read_all(
        source, format=format, options=options, max_bytes=max_bytes, timezone=timezone
    )
    first = next(results)  # read_all raises when the source holds no article
    if next(results, None) is not None:
        raise InputError(
            "holds several articles; use read_all() to get them all",
            path=_io.display_name(source),
        )
    return first


def write(
    article: Article,
    destination: Destination = None,
    *,
    format: str | None = None,
    options: Mapping[str, str] | None = None,
    force: bool = False,
    extract_media: str | os.PathLike[str] | None = None,
) -> Result[bytes]:
    """Serialise ``article``; also write it to ``destination`` when one is given.

    ``extract_media`` names a folder (the output's folder or one inside it) where the bytes of
    embedded pictures are written as files; the output then refers to them by relative path
    instead of carrying them (canonical JSON carries them as base64 by default).
    """
    return write_all(
        [article],
        destination,
        format=format,
        options=options,
        force=force,
        extract_media=extract_media,
    )


def write_all(
    articles: Iterable[Article],
    destination: Destination = None,
    *,
    format: str | None = None,
    options: Mapping[str, str] | None = None,
    force: bool = False,
    extract_media: str | os.PathLike[str] | None = None,
) -> Result[bytes]:
    """Serialise several articles into one output; only formats that can hold several accept more
    than one (JSON Lines). ``extract_media``: see :func:`write`."""
    path = _path_of(destination) if destination is not None else None
    if (
        path is None
        and destination is not None
        and not callable(getattr(destination, "write", None))
    ):
        raise UsageError(
            "a destination is a path, '-' (standard output), a binary file object or None, "
            f"not {type(destination).__name__}"
        )
    if path not in (None, "-") and (path.endswith(("/", os.sep)) or os.path.isdir(path)):
        raise UsageError(
            "is a folder; give the path of the file to write (its extension names the format)",
            path=path,
        )  # (it was "cannot tell the output format ... (a folder? end its name with /)")
    writer_name = detect.writer_for(path, format)
    writer = registry.get_writer(writer_name)
    context = registry.Context(path=path or "<output>", options=dict(options or {}))
    chunks: list[bytes] = []
    from articlekit.model import Article

    for index, given in enumerate(articles):
        if not isinstance(given, Article):  # (a dict, say: it failed deep in the writer)
            raise UsageError(
                f"an article to write is an articlekit.Article, not {type(given).__name__} "
                "(Article.model_validate makes one from a dict)"
            )
        if index == 1 and not getattr(writer, "concatenable", False):
            several = setting("--to jsonl", "format='jsonl'")
            raise UsageError(
                f"the {writer_name} format holds one article; write several with {several} or "
                "one file each"
            )
        article = given
        if extract_media is not None:
            from articlekit import media

            article = media.extract(given, extract_media, os.path.dirname(path or "") or ".")
        chunks.append(writer.write(article, context))
    if not chunks:
        raise UsageError("no article to write", path=path)
    if isinstance(destination, io.TextIOBase):
        raise UsageError("file objects must be opened in binary mode", path=path)
    data = b"".join(chunks)
    if path is not None:
        _io.write_atomic(path, [data], force=force)
    elif destination is not None and not isinstance(destination, str | os.PathLike):
        destination.write(data)
    elif destination is not None:
        sys.stdout.buffer.write(data)
    return Result(data, tuple(context.warnings))


def convert(
    source: Source,
    destination: Destination = None,
    *,
    from_format: str | None = None,
    to_format: str | None = None,
    options: Mapping[str, str] | None = None,
    force: bool = False,
    max_bytes: int | None = None,
    timezone: str | None = None,
    extract_media: str | os.PathLike[str] | None = None,
) -> Result[bytes]:
    """Read ``source`` and write it in another format; warnings of both steps are returned.
    ``timezone`` is the zone of date-times written without one (see :func:`read_all`);
    ``extract_media``: see :func:`write`."""
    options = _with_timezone(options, timezone)
    source_path = _path_of(source)
    destination_path = _path_of(destination) if destination is not None else None
    if source_path and destination_path and _io.same_file(source_path, destination_path):
        raise UsageError("output is the input file; refusing to overwrite it", path=source_path)
    warnings: list[Diagnostic] = []
    articles: list[Article] = []
    for result in read_all(source, format=from_format, options=options, max_bytes=max_bytes):
        articles.append(result.value)
        warnings.extend(result.warnings)
    written = write_all(
        articles,
        destination,
        format=to_format,
        options=options,
        force=force,
        extract_media=extract_media,
    )
    return Result(written.value, tuple(warnings) + written.warnings)
