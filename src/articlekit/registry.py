"""Readers and writers by name: the built-in table and third-party entry points.

A format is a module holding a ``reader`` and/or a ``writer`` object. Built-in formats are listed in
:data:`BUILTIN_FORMATS` by dotted path and imported on first use, so ``import articlekit`` and
``articlekit --help`` never pay for lxml or python-docx. Third-party packages register the same kind
of objects under the entry-point groups ``articlekit.readers`` and ``articlekit.writers``; the entry
point's name is the format name. A third-party name that clashes with a built-in one is ignored
(built-ins win, as in fsspec), and ``articlekit formats`` says so.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Protocol, runtime_checkable

from articlekit.diagnostics import Diagnostic
from articlekit.errors import ArticlekitError, PluginError, UnknownFormatError, UsageError

if TYPE_CHECKING:
    from datetime import tzinfo  # (a rerun that finds everything up to date needs no datetime)

    from articlekit.model import Article

READERS_GROUP = "articlekit.readers"
WRITERS_GROUP = "articlekit.writers"


@dataclass
class Context:
    """What a reader or writer gets besides the data: where it comes from, options, warnings."""

    path: str = "<input>"
    """Display name of the file being read or written (``-`` for standard streams)."""
    options: Mapping[str, str] = field(default_factory=dict)
    """Format options given by the user (``--option key=value``), uninterpreted."""
    warnings: list[Diagnostic] = field(default_factory=list)
    """Warnings recorded so far; the API hands them out with each article."""
    max_bytes: int = 64 * 1024 * 1024
    """Size limit for one document; streaming readers apply it to each record."""
    line: int | None = None
    """Where the article being handed out starts, set by readers of several articles in one
    file (a JSON Lines record, a NewsML-G2 item); validate reports article problems there."""
    locations: dict[str, int] = field(default_factory=dict)
    """Lines where the fields and top-level blocks of the article being handed out stand
    (``headline``, ``body``, ``body[3]``), for readers that know them (Markdown); validate
    reports a problem of a field or block at its line."""
    _zone: list[tzinfo | None] = field(default_factory=list, init=False, repr=False, compare=False)
    """:meth:`timezone`, once looked up (empty until then)."""

    def warn(
        self,
        code: str,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        fields: tuple[str, ...] = (),
    ) -> None:
        """Record that something was skipped, guessed or lost (writers name the article
        ``fields`` concerned)."""
        self.warnings.append(Diagnostic(code, message, self.path, line, column, fields))

    def take_warnings(self) -> list[Diagnostic]:
        """The warnings recorded since the last call (they belong to the article just made)."""
        taken, self.warnings = self.warnings, []
        return taken

    def take_locations(self) -> dict[str, int]:
        """The locations recorded for the article just made."""
        taken, self.locations = self.locations, {}
        return taken

    def option(self, name: str, default: str | None = None) -> str | None:
        return self.options.get(name, default)

    def language_of(self, paragraphs: Iterable[str]) -> str | None:
        """The language of an article whose source states none: the ``language`` option (a
        corpus known to be in one language), else what its ``paragraphs`` clearly show, else
        ``None``."""
        from articlekit.prose.stopwords import clear_language

        return default_language(self.options) or clear_language(paragraphs)

    def timezone(self) -> tzinfo | None:
        """The zone of date-times the source writes without one: the ``timezone`` option (``-O
        timezone=Europe/Oslo``), else ``timezone`` in the ``[tool.articlekit]`` that applies to
        the file, else ``None`` (such times then keep only their date)."""
        if not self._zone:
            from articlekit.prose.dates import time_zone

            name = self.options.get("timezone")
            where = None
            if name is None:
                from articlekit.config import find_config

                config = find_config(self._real_path())
                name, where = config.settings.get("timezone"), config.path
                if name is not None and not isinstance(name, str):
                    raise UsageError(
                        "timezone in [tool.articlekit] must be a string", path=str(where)
                    )
            try:
                self._zone.append(time_zone(name) if name else None)
            except UsageError as error:
                raise error.located(str(where)) if where else error from None
        return self._zone[0]

    def _real_path(self) -> str | None:
        """The file being read or written, when it is one (not stdin, bytes or a stream)."""
        path = self.path
        return path if path and not path.startswith("<") and path != "-" else None

    def schema_folder(self) -> Path | None:
        """The folder of official IPTC schemas (``schemas`` option, environment, configuration),
        or ``None`` when none is configured; see :mod:`articlekit.schemas`. Found once in a
        process for the same option, environment variable, folder of the file and working
        folder: searching upwards on every article cost a quarter of a ninjs conversion. The
        folder is the one named, or the link's when the file is a link (into another project):
        resolving every path cost an eighth of a NewsML-G2 write, and the search resolves the
        rest itself. (A configuration edited, or a link changed, while a process runs is seen
        by the next process.)"""
        from articlekit.schemas import ENVIRONMENT_VARIABLE, locate

        explicit = self.options.get("schemas")
        start = self._real_path()
        folder = os.path.dirname(_linked(start)) if start else None
        where = (explicit, os.environ.get(ENVIRONMENT_VARIABLE), folder, os.getcwd())
        if where not in _FOUND_SCHEMA_FOLDERS:
            if len(_FOUND_SCHEMA_FOLDERS) > 256:
                _FOUND_SCHEMA_FOLDERS.clear()
            _FOUND_SCHEMA_FOLDERS[where] = locate(explicit, start=start)
        return _FOUND_SCHEMA_FOLDERS[where]


_FOUND_SCHEMA_FOLDERS: dict[tuple[str | None, ...], Path | None] = {}


def _linked(path: str) -> str:
    """``path`` itself, or where it leads when it is a symbolic link."""
    return os.path.realpath(path) if os.path.islink(path) else path


@runtime_checkable
class Reader(Protocol):
    """Turns the bytes of one file into articles.

    ``read`` is a generator: most formats yield one article, containers (JSON Lines, a NewsML-G2
    ``newsMessage``) yield several. It raises :class:`~articlekit.errors.InputError` when no article
    can be produced and records warnings on ``context`` for everything it skips.

    Optional attributes: ``description`` (one line for ``articlekit formats``), ``extensions``
    (file name endings such as ``.txt``), ``sniff(head: bytes) -> bool`` (content detection),
    ``streaming = True`` to receive a binary file object instead of bytes (for unbounded inputs),
    and ``keeps_empty = True`` when an article with nothing to read (no headline, deck, summary,
    body or media) is still an article of the format (canonical JSON); other readers' are
    skipped, and a file of nothing else holds no article. ``options``: the ``-O`` keys it takes
    (``("encoding",)``; a string is one key), read with ``context.option(key)``; a key no format
    lists is refused. A third-party format without ``options`` may read any key: a run that
    names it (``--from``, or the writer) leaves ``-O`` keys unchecked, other runs do not.
    """

    def read(self, data: Any, context: Context) -> Iterator[Article]: ...


@runtime_checkable
class Writer(Protocol):
    """Turns one article into the bytes of one file, recording warnings for what it drops.

    Optional attributes: ``description``, ``extensions``, ``binary = True`` (never written to a
    terminal), ``concatenable = True`` when outputs of several articles can simply be joined
    into one file (JSON Lines), and ``embeds_media = True`` when the output holds its pictures
    itself and cannot name files in a media folder (``--extract-media`` is refused for it).
    ``options``: the ``-O`` keys it takes, as a reader's.
    """

    def write(self, article: Article, context: Context) -> bytes: ...


@dataclass(frozen=True)
class Builtin:
    """A built-in format: everything known about it without importing its module."""

    name: str
    description: str
    module: str
    extensions: tuple[str, ...] = ()
    reader: str | None = "reader"
    """Attribute of ``module`` holding the reader, or ``None`` when the format is write-only."""
    writer: str | None = "writer"
    """Attribute of ``module`` holding the writer, or ``None`` when the format is read-only."""


BUILTIN_FORMATS: tuple[Builtin, ...] = (
    Builtin("text", "plain text, wire-story layout", "articlekit.formats.text", (".txt", ".tst")),
    Builtin("json", "canonical articlekit JSON", "articlekit.formats.json", (".json",)),
    Builtin(
        "jsonl",
        "canonical JSON Lines, one article a line",
        "articlekit.formats.json",
        (".jsonl", ".ndjson"),
        reader="lines_reader",
        writer="lines_writer",
    ),
    # ".xml" is claimed by both XML formats: reading sniffs the root element, and writing to a
    # plain ".xml" name asks for --to; ".newsml.xml"/".g2.xml" and ".nitf.xml"/".nitf" decide.
    Builtin(
        "newsml",
        "IPTC NewsML-G2 newsItem, writes 2.35 (reads newsMessage too)",
        "articlekit.formats.newsml",
        (".newsml.xml", ".g2.xml", ".xml"),
    ),
    Builtin(
        "nitf",
        "IPTC NITF 3.x (writes 3.6)",
        "articlekit.formats.nitf",
        (".nitf.xml", ".nitf", ".xml"),
    ),
    Builtin(
        "ninjs",
        "IPTC ninjs 3.x, writes 3.2 (-O ninjs-version=3.0 ... 3.3); reads 1.0-3.3, dialects",
        "articlekit.formats.ninjs",
        (".ninjs.json",),
    ),
    Builtin(
        "ninjs2",
        "IPTC ninjs 2.x, writes 2.3 (-O ninjs-version=2.0 ... 2.4)",
        "articlekit.formats.ninjs",
        (".ninjs2.json",),
        writer="writer2",
    ),
    Builtin(
        "ninjs1",
        "IPTC ninjs 1.x, writes 1.7 (-O ninjs-version=1.0 ... 1.8)",
        "articlekit.formats.ninjs",
        (".ninjs1.json",),
        writer="writer1",
    ),
    Builtin("docx", "Word .docx (OOXML)", "articlekit.formats.docx", (".docx",)),
    Builtin(
        "html",
        "web pages (main text with the articlekit[html] extra); writes HTML5 pages",
        "articlekit.formats.html",
        (".html", ".htm", ".xhtml"),
    ),
    Builtin(
        "markdown",
        "Markdown with YAML front matter (Hugo, Jekyll conventions)",
        "articlekit.formats.markdown",
        (".md", ".markdown"),
    ),
)


@dataclass(frozen=True)
class FormatInfo:
    """One registered reader or writer, for listings and lookups."""

    name: str
    kind: Literal["reader", "writer"]
    description: str
    extensions: tuple[str, ...]
    origin: str
    """``builtin``, or the distribution that provides it."""
    target: str
    """``module:attribute`` to import."""

    def load(self) -> Any:
        module_name, _, attribute = self.target.partition(":")
        try:
            module = importlib.import_module(module_name)
            return getattr(module, attribute)
        except Exception as error:  # a broken plugin must not take the CLI down
            raise UsageError(
                f"format {self.name!r} ({self.origin}) cannot be loaded: {error}"
            ) from error


def _builtin_infos(kind: Literal["reader", "writer"]) -> dict[str, FormatInfo]:
    return dict(_builtin_table(kind))  # a copy: callers add plugins to it


@cache
def _builtin_table(kind: Literal["reader", "writer"]) -> dict[str, FormatInfo]:
    infos = {}
    for builtin in BUILTIN_FORMATS:
        attribute = builtin.reader if kind == "reader" else builtin.writer
        if attribute is not None:
            infos[builtin.name] = FormatInfo(
                builtin.name,
                kind,
                builtin.description,
                builtin.extensions,
                "builtin",
                f"{builtin.module}:{attribute}",
            )
    return infos


def _may_declare(group: str) -> bool:
    """Whether an installed distribution may declare entry points in ``group``: ``False`` only
    when none of the ``entry_points.txt`` files where :mod:`importlib.metadata` looks has that
    group's header, which a few file reads tell instead of importing it and parsing every
    distribution's metadata (a tenth of a second with many installed). Anything it does not
    look into (a zip or egg on the path, a finder of distributions besides the path finder)
    answers ``True``: the full scan decides."""
    import sys
    from importlib.machinery import PathFinder

    if any(
        getattr(finder, "find_distributions", None) is not None and finder is not PathFinder
        for finder in sys.meta_path
    ):
        return True
    header = f"[{group}]"
    for entry in sys.path:
        if not isinstance(entry, str):
            return True  # (a path object: importlib.metadata reads it too)
        folder = entry or "."
        if folder.lower().endswith(".egg"):
            return True
        try:
            names = os.listdir(folder)
        except NotADirectoryError:
            return True
        except OSError:
            continue
        for name in names:
            if not name.lower().endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(folder, name, "entry_points.txt"), "rb") as stream:
                    declared = stream.read()
            except OSError:
                continue
            if header.encode() in declared:
                return True
    return False


@cache
def _plugin_infos(kind: Literal["reader", "writer"]) -> tuple[dict[str, FormatInfo], list[str]]:
    """Third-party formats from entry points, and the names refused because they clash."""
    group = READERS_GROUP if kind == "reader" else WRITERS_GROUP
    if not _may_declare(group):
        return {}, []
    from importlib.metadata import entry_points

    builtins = _builtin_infos(kind)
    found: dict[str, FormatInfo] = {}
    refused: list[str] = []
    for entry in entry_points(group=group):
        origin = entry.dist.name if entry.dist is not None else "unknown distribution"
        if entry.name in builtins or entry.name in found:
            refused.append(f"{entry.name} ({origin}): name already taken")
            continue
        found[entry.name] = FormatInfo(entry.name, kind, "", (), origin, entry.value)
    return found, refused


def formats(kind: Literal["reader", "writer"], *, plugins: bool = True) -> dict[str, FormatInfo]:
    """Every registered reader or writer by name, built-ins first."""
    infos = _builtin_infos(kind)
    if plugins:
        infos.update(_plugin_infos(kind)[0])
    return infos


def builtin_formats(kind: Literal["reader", "writer"]) -> dict[str, FormatInfo]:
    """Only the built-in readers or writers."""
    return _builtin_infos(kind)


def plugin_formats(kind: Literal["reader", "writer"]) -> dict[str, FormatInfo]:
    """Only the third-party readers or writers."""
    return dict(_plugin_infos(kind)[0])


def refused_plugins(kind: Literal["reader", "writer"]) -> list[str]:
    """Third-party entries ignored because their name clashes with another format."""
    return list(_plugin_infos(kind)[1])


@cache
def _load(info: FormatInfo) -> Any:
    obj = info.load()
    method = "read" if info.kind == "reader" else "write"
    if not callable(getattr(obj, method, None)):
        raise UsageError(f"format {info.name!r} ({info.origin}) has no {method}() method")
    return obj


def _lookup(kind: Literal["reader", "writer"], name: str) -> Any:
    infos = _builtin_infos(kind)
    info = infos.get(name)
    if info is None:
        infos = formats(kind)
        info = infos.get(name)
    if info is None:
        known = ", ".join(sorted(infos))
        raise UnknownFormatError(f"unknown {kind} format {name!r} (known: {known})")
    loaded = _load(info)
    return loaded if info.origin == "builtin" else _Plugin(loaded, info)


class _Plugin:
    """A third-party reader or writer as articlekit calls it: an exception it raises that is no
    articlekit error is its own bug, and :class:`~articlekit.errors.PluginError` names its
    distribution and entry point (it was "internal error ...; please report it", to us)."""

    def __init__(self, loaded: Any, info: FormatInfo) -> None:
        self._loaded = loaded
        self._info = info

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._loaded, name)
        guard = self._GUARDS.get(name)
        if guard is None or not callable(value):
            return value
        return partial(guard, self, value)

    def _called(self, method: Any, *arguments: Any) -> Any:
        """``write`` and ``sniff``: the article a writer is given is valid, and sniffing reads a
        few bytes; an exception that is no articlekit error is the plugin's."""
        try:
            return method(*arguments)
        except ArticlekitError:
            raise
        except Exception as error:
            raise self._failed(error) from error

    def _written(self, method: Any, *arguments: Any) -> bytes | bytearray | memoryview:
        """``write``: what it returns goes into a file, so data of another type is its bug too
        (a dict was an internal error of articlekit's, naming neither file nor plugin)."""
        data = self._called(method, *arguments)
        if not isinstance(data, bytes | bytearray | memoryview):
            raise self._failed(TypeError(f"write() returned {type(data).__name__}, not bytes"))
        return data

    def _iterated(self, method: Any, *arguments: Any) -> Iterator[Any]:
        """``read`` and ``records``: what is wrong with the input (see :func:`_the_inputs`) is
        passed on, for the reading to report as the input's."""
        try:
            yield from method(*arguments)
        except Exception as error:
            if _the_inputs(error):
                raise
            raise self._failed(error) from error

    _GUARDS: ClassVar[Mapping[str, Callable[..., Any]]] = {
        "write": _written,
        "sniff": _called,
        "read": _iterated,
        "records": _iterated,
        "read_record": _iterated,
    }
    """The methods articlekit calls, and the method above that guards each call."""

    def _failed(self, error: Exception) -> PluginError:
        from articlekit._text import printable

        info = self._info
        return PluginError(
            f"the {info.name} {info.kind} of the plugin {info.origin} failed "
            f"({printable(f'{type(error).__name__}: {error}')}); this is a bug in {info.origin} "
            f"(entry point {info.name} = {info.target}): please report it to its authors"
        )


def _the_inputs(error: Exception) -> bool:
    """Whether an exception a plugin raises says what is wrong with the input, as articlekit's
    own readers' do (an articlekit error; an article the model refuses, a nesting too deep, an
    input too large for memory: :func:`articlekit.api.read_all` reports those as the input's),
    rather than being the plugin's bug."""
    if isinstance(error, (ArticlekitError, RecursionError, MemoryError)):
        return True
    from pydantic import ValidationError

    return isinstance(error, ValidationError)


def get_reader(name: str) -> Reader:
    """The reader registered as ``name``; :class:`UnknownFormatError` lists the known ones."""
    reader: Reader = _lookup("reader", name)
    return reader


def get_writer(name: str) -> Writer:
    """The writer registered as ``name``."""
    writer: Writer = _lookup("writer", name)
    return writer


def writer_extensions(name: str) -> tuple[str, ...]:
    """The file name endings of writer ``name`` (third-party writers are looked up only when no
    built-in one has the name); :class:`UnknownFormatError` when there is none."""
    info = _builtin_table("writer").get(name)
    if info is None:
        info = formats("writer").get(name)
    if info is None:
        get_writer(name)  # raises, naming the known ones
    assert info is not None
    return extensions_of(info)


def extensions_of(info: FormatInfo) -> tuple[str, ...]:
    """File name endings of a format (loads a third-party format to ask it)."""
    if info.origin == "builtin":
        return info.extensions
    return tuple(getattr(_load(info), "extensions", ()))


COMMON_OPTIONS = ("schemas", "timezone", "language")
"""Options every format understands: the IPTC schema folder, the time zone of date-times that
sources write without one (see :meth:`Context.timezone`), and the language of articles whose
source states none and whose words show none clearly (see :func:`default_language`)."""


def check_common_values(options: Mapping[str, str]) -> None:
    """Refuse a misspelt time zone or language tag before anything is read (a usage error)."""
    if "timezone" in options:
        from articlekit.prose.dates import time_zone

        time_zone(options["timezone"])
    default_language(options)


def default_language(options: Mapping[str, str]) -> str | None:
    """The ``language`` option as a canonical language tag: the language of every article read
    whose source states none (a corpus known to be in one language), taken before the readers'
    guess from the words, which knows fewer languages than a corpus may hold."""
    value = options.get("language")
    return None if value is None else _registered_language(value)


@lru_cache(maxsize=16)
def _registered_language(value: str) -> str:
    """``value`` as BCP 47 writes it (``eng`` → ``en``, ``de_at`` → ``de-AT``), once it is a
    well-formed tag whose subtags the IANA registry holds (``xq`` names no language)."""
    from articlekit.model import _language_tag

    try:
        tag = _language_tag(value)
    except ValueError as error:
        raise UsageError(f"-O language: {error}") from None
    import langcodes

    if not langcodes.tag_is_valid(tag):
        raise UsageError(f"-O language: {value!r} names no language of the IANA registry")
    return _language_tag(langcodes.standardize_tag(tag))


def _declared_options(info: FormatInfo) -> tuple[str, ...] | None:
    """The ``-O`` keys a format declares (its ``options`` attribute; a string is one key, not
    its letters), or ``None`` when a third-party format has no such attribute (see
    :func:`takes_undeclared_options`)."""
    try:
        declared = getattr(_load(info), "options", None)
    except UsageError:  # a broken plugin: `articlekit formats` reports it
        return ()
    if declared is None:
        return None if info.origin != "builtin" else ()
    return (declared,) if isinstance(declared, str) else tuple(declared)


def takes_undeclared_options(kind: Literal["reader", "writer"], name: str) -> bool:
    """Whether ``name`` is a third-party format without an ``options`` attribute, which may read
    any ``-O`` key: a run that reads or writes it takes keys no format declares (other runs
    still refuse them; keys a format declares stay that format's, see
    :func:`check_options_apply`)."""
    if name in builtin_formats(kind):
        return False
    info = formats(kind).get(name)
    return info is not None and _declared_options(info) is None


def check_unknown_options(
    options: Mapping[str, str], reader: str | None, writer: str | None
) -> None:
    """Refuse a ``-O`` key no format declares (a typo would otherwise be ignored), unless the
    run's reader or writer is a third-party format without declared options, which may read any
    key. ``reader`` is ``None`` while the run's reader is not known (none named, its inputs not
    yet read): such a key is then kept while such a reader is installed, and each input is
    checked again once its reader is found (a plugin's reader found by extension or sniffing
    refused its own keys; any other input let a typo pass)."""
    unknown = unknown_options(options, reader, writer)
    if unknown:
        known = ", ".join(sorted(known_options()))
        raise UsageError(f"unknown option {unknown[0]!r} (known: {known})")


def unknown_options(
    options: Mapping[str, str], reader: str | None, writer: str | None
) -> list[str]:
    """The ``-O`` keys no format declares that the reader and writer named here do not take
    either (see :func:`check_unknown_options`)."""
    if not options:
        return []
    unknown = sorted(set(options) - known_options())
    return unknown if unknown and not _may_take_unknown_options(reader, writer) else []


def _may_take_unknown_options(reader: str | None, writer: str | None) -> bool:
    if writer is not None and takes_undeclared_options("writer", writer):
        return True
    if reader is not None:
        return takes_undeclared_options("reader", reader)
    return any(takes_undeclared_options("reader", name) for name in formats("reader"))


def known_options() -> set[str]:
    """Every ``-O`` key some registered format declares."""
    known = set(COMMON_OPTIONS)
    for kind in ("reader", "writer"):
        for info in formats(kind).values():
            known.update(_declared_options(info) or ())
    return known


def check_options_apply(options: Mapping[str, str], writer: str | None, reader: str | None) -> None:
    """Refuse a ``-O`` key that only formats the run does not use take, naming them (``-O
    body=nitf --to nitf`` was ignored unsaid), as a key no format takes is refused. Any reader
    may be used when none is named: a folder's inputs come in several formats, and a reader's
    option is for those it reads. ``writer`` is ``None`` for a run that writes nothing."""
    for key in sorted(set(options) - set(COMMON_OPTIONS)):
        takers = {
            kind: [
                info.name
                for info in formats(kind).values()
                if key in (_declared_options(info) or ())
            ]
            for kind in ("reader", "writer")
        }
        readers, writers = takers["reader"], takers["writer"]
        if writer in writers or (readers and (reader is None or reader in readers)):
            continue
        if not readers and not writers:
            continue  # (an unknown key, refused as such)
        named = [
            f"the {_joined(names)} {kind}{'s' if len(names) > 1 else ''}"
            for kind, names in takers.items()
            if names
        ]
        done = [f"reads {reader}"] if readers else []
        done += [f"writes {writer or 'nothing'}"] if writers else []
        raise UsageError(
            f"option {key!r} is for {' and '.join(named)} only; this run {' and '.join(done)}"
        )


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def describe(info: FormatInfo) -> str:
    if info.origin == "builtin":
        return info.description
    description = getattr(_load(info), "description", "")
    return f"{description} [{info.origin}]".strip()
