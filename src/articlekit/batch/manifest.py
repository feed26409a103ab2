"""Resuming: what earlier runs wrote, so that a rerun skips every output that is up to date.

An output folder keeps its record in ``.articlekit/manifest.sqlite`` (SQLite: looked up one input at
a time, so memory stays flat however many articles the folder holds, and two runs into one folder
can share it). For each input it holds the input's size, modification time and content hash, the
*fingerprint* of the conversion (articlekit's version, the formats, the options, the
``--extract-media`` folder, whether the ``articlekit[html]`` extra is installed when the inputs may
be web pages, and the ``[tool.articlekit]`` settings that apply to the input), and each
output's size, modification time and hash (a rerun knows an output whose time alone changed by its
bytes), the same for the pictures ``--extract-media`` wrote for it, and the conversion's warnings
(replayed for an input that is up to date, so that a rerun reports, and ``--fail-on-warning`` fails,
as a fresh run does); paths are kept as bytes (a file name need not be UTF-8). An input is up to
date when its fingerprint matches, its size and time (or, when only its time changed, its hash)
match, and its outputs and pictures are still as written. Records are added as inputs are converted
(memory stays flat) and trusted only once the run has synced its outputs to disk (one call for the
whole file system, every half minute and at the end), so the manifest never vouches for a file a
crash could lose. A run that finds records another run has not vouched for (it was killed, or still
runs) syncs the file system and vouches for them, when they were made since the machine last started
(a killed process loses nothing the sync cannot save; a crashed machine may have); what a run wrote
before the machine crashed is found again by content (converted again, not rewritten).

An output file (JSON Lines) keeps the same facts for the whole run beside it, in
``.NAME.articlekit.json``: all inputs and their signatures (as one hash), the output's size
and time, the pictures ``--extract-media`` wrote, and the warnings of the inputs that had some.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import os
import time
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

from articlekit.batch.results import Record, Written
from articlekit.diagnostics import Diagnostic
from articlekit.errors import OutputError

try:  # (hashlib imports OpenSSL's bindings first: 2.5 ms of every start-up)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover (a Python without CPython's own BLAKE2)
    from hashlib import blake2b

STATE_FOLDER = ".articlekit"
"""The bookkeeping folder inside an output folder (hidden: never taken as input)."""
MANIFEST = "manifest.sqlite"
TEMPORARY = "tmp"
"""Where workers write files before putting them in place, below the state folder."""


def fingerprint(
    source_format: str | None,
    writer: str,
    options: Mapping[str, str],
    max_bytes: int | None,
    media: str | None = None,
) -> str:
    """What makes two conversions of the same input give the same outputs; ``media``: where
    ``--extract-media`` puts the pictures, relative to the output's folder (the outputs name
    them by that path, not embedded), ``None`` without it (a fingerprint as it was). Web pages
    are read otherwise once the ``articlekit[html]`` extra is installed: when the inputs may be
    web pages, its presence is part of it (its absence leaves a fingerprint as it was)."""
    from articlekit import __version__
    from articlekit._extra import extractor_available

    described: list[Any] = [__version__, source_format, writer, sorted(options.items()), max_bytes]
    if media is not None:
        described.append(media)
    if source_format in (None, "html") and extractor_available():
        described.append(["html", "trafilatura"])  # (a list: no media folder's name)
    return digest(json.dumps(described, ensure_ascii=True).encode("ascii"))


def configured(print_: str, settings: Mapping[str, Any]) -> str:
    """A fingerprint with the ``[tool.articlekit]`` settings that apply to an input (its
    ``timezone``, say, changes its conversion as ``-O timezone=`` does); with none, as it was."""
    if not settings:
        return print_
    described = json.dumps([print_, settings], sort_keys=True, default=str, ensure_ascii=True)
    return digest(described.encode("ascii"))


def content_hash() -> blake2b:
    """A new hash of the kind records keep (of an input's bytes, of an output file's inputs)."""
    return blake2b(digest_size=16)


def digest(data: bytes) -> str:
    """The content hash kept for an input (and the hash of a fingerprint's description)."""
    return blake2b(data, digest_size=16).hexdigest()


def file_digest(path: str) -> str | None:
    import hashlib

    try:
        with open(path, "rb") as stream:
            return hashlib.file_digest(stream, content_hash).hexdigest()
    except OSError:
        return None


_THE_INPUT = 0
"""Where a kept warning is the input itself (whatever a rerun calls it)."""
_BELOW_OUTPUT = 1
"""Where a kept warning is a file below the output: ``[_BELOW_OUTPUT, relative path]``."""


OF_THE_RUN = frozenset({"worker-died"})
"""Warnings about how a run went, not about its input: not kept, so never replayed."""


def kept_warnings(warnings: Iterable[Diagnostic], source: str, output: str) -> str | None:
    """An input's warnings as the record keeps them (JSON; ``None`` when there are none). A path
    that names the input, or a file below ``output`` (the output folder as named, with its
    separator, or the output file), is kept relative to it: a rerun that names them otherwise
    replays them with its own names."""
    kept = []
    for warning in warnings:
        if warning.code in OF_THE_RUN:
            continue
        where: Any = warning.path
        if where == source:
            where = _THE_INPUT
        elif where is not None and where.startswith(output):
            where = [_BELOW_OUTPUT, where[len(output) :]]
        kept.append([warning.code, warning.message, where, warning.line, warning.column])
        if warning.fields:
            kept[-1].append(list(warning.fields))
    return json.dumps(kept) if kept else None  # (ASCII: a lone surrogate as an escape)


def replayed_warnings(kept: str | None, source: str, output: str) -> tuple[Diagnostic, ...]:
    """The warnings :func:`kept_warnings` kept, naming the input and output as this run does."""
    if kept is None:
        return ()
    replayed = []
    for code, message, where, line, column, found in _parsed(kept):
        path = where
        if where == _THE_INPUT:
            path = source
        elif isinstance(where, tuple):  # (_BELOW_OUTPUT, the path below it)
            path = f"{output}{where[1]}"
        replayed.append(Diagnostic(code, message, path, line, column, found))
    return tuple(replayed)


@functools.lru_cache(maxsize=256)
def _parsed(kept: str) -> tuple[tuple[Any, ...], ...]:
    """A record's kept warnings, parsed (inputs warned about alike keep the same text: a rerun
    parses each kind once)."""
    return tuple(
        (
            code,
            message,
            tuple(where) if isinstance(where, list) else where,
            line,
            column,
            tuple(fields[0]) if fields else (),
        )
        for code, message, where, line, column, *fields in json.loads(kept)
    )


LAYOUT = 4
"""The manifest's table layout (SQLite ``user_version``; 2: keys, folders and paths are bytes;
3: each input's warnings; 4: an output's hash beside its size and time, and the files
``--extract-media`` wrote for each input). A manifest of another
layout is started afresh: its records are dropped (they lack what this layout keeps), and the
next run converts again, finding its own outputs by their bytes; but for one of
:data:`READ_AS_IS`."""
READ_AS_IS = frozenset({3})
"""Earlier layouts whose records this one reads as they are (layout 3's outputs have no hash:
known by their size and time alone until converted again; it gets the column of media files,
empty: a picture removed before its input is converted again is not missed), marked as this
layout when opened,
so that an articlekit that knows only layout 3 starts such a manifest afresh rather than read
hashes it does not expect."""
_CREATE = (
    "DROP TABLE IF EXISTS inputs",
    "DROP TABLE IF EXISTS outputs",
    """CREATE TABLE inputs (
        key BLOB PRIMARY KEY,
        folder BLOB,
        fingerprint TEXT NOT NULL,
        size INTEGER,
        mtime_ns INTEGER,
        digest TEXT,
        outputs TEXT NOT NULL,
        run TEXT,
        warnings TEXT,
        media TEXT
    )""",
    "CREATE INDEX inputs_by_folder ON inputs (folder)",
    "CREATE INDEX inputs_unvouched ON inputs (run) WHERE run IS NOT NULL",
    "CREATE TABLE outputs (path BLOB PRIMARY KEY, key BLOB NOT NULL)",
    f"PRAGMA user_version = {LAYOUT}",
)
_COLUMNS = "fingerprint, size, mtime_ns, digest, outputs, warnings, media"
_DAMAGED = frozenset({11, 26})
"""SQLite's result codes for a damaged file: SQLITE_CORRUPT, SQLITE_NOTADB."""
FOLDER_ROWS = 4096
"""The most records of one folder read together (a larger folder is looked up one by one)."""


def _boot_id() -> str:
    """This boot of the machine ("" where the system does not say: records of a killed run are
    then not trusted)."""
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as stream:
            return stream.read().strip().replace("-", "")
    except OSError:
        return ""


def _stored(name: str) -> bytes:
    """A key, folder or path as the manifest keeps it: bytes, so that a file name that is not
    valid UTF-8 (decoded with lone surrogates, as Python decodes such names) is kept, and found
    again, as it is (SQLite text must be valid UTF-8)."""
    return name.encode("utf-8", "surrogatepass")


def _folder_of(key: str) -> str | None:
    """The folder of a file input's key (an absolute path); ``None`` for a record of an archive
    or bytes, looked up one by one (an archive's records could be millions)."""
    if "#" in key or key.startswith("<bytes>:"):
        return None
    return key.rpartition(os.sep)[0]


def _media(kept: str | None) -> tuple[Any, ...]:
    """The media files of a record (none for most: no JSON to parse)."""
    return () if kept is None else tuple(map(tuple, json.loads(kept)))


def _found_by_key(rows: list[tuple[Any, ...]]) -> dict[str, tuple[str, Record]]:
    """The fingerprints and records of a folder's rows (key first), by key as a run names it (a
    key decoded here, once a row, is not encoded once a look-up): their outputs (each a path, a
    size, a time and a hash, as JSON keeps what this module wrote) decoded in one call (a call a
    record was a tenth of a rerun's time), each record made by ``_make`` (a third less than
    calling the class, which takes its fields by name)."""
    decoded = json.loads(f"[{','.join(row[5] for row in rows)}]")
    return {
        key.decode("utf-8", "surrogatepass"): (
            print_,
            Record._make(
                (
                    size,
                    mtime_ns,
                    digest_,
                    tuple(map(tuple, outputs)),
                    kept,
                    () if media is None else _media(media),  # (most have none: no call)
                )
            ),
        )
        for (key, print_, size, mtime_ns, digest_, _, kept, media), outputs in zip(
            rows, decoded, strict=True
        )
    }


class Manifest:
    """The SQLite record of an output folder, opened when first needed (created when the first
    input is recorded: a run that writes nothing leaves none)."""

    def __init__(self, folder: str) -> None:
        self.output_folder = folder
        self.path = os.path.join(folder, STATE_FOLDER, MANIFEST)
        self._connection: Any = None
        self._earlier = os.path.exists(self.path)
        """Whether an earlier run left records (if not, looking anything up is pointless: this
        run's own records are not trusted before it vouches for them)."""
        self._folder: str | None = None
        self._rows: dict[str, tuple[str, Record]] | None = None
        """The records of the folder looked up last (``None``: it holds more than
        :data:`FOLDER_ROWS`, looked up one by one so memory stays flat)."""
        self._adopted = False
        self._boot = _boot_id()
        self.run = f"{self._boot or ''}:{os.urandom(8).hex()}"
        """Marks this run's records until :meth:`vouch`: the machine's boot, then the run."""
        self.set_aside: str | None = None
        """Where a damaged record of earlier runs was moved (see :meth:`_set_aside_if_damaged`)."""
        if self._earlier:
            self._set_aside_if_damaged()

    def _set_aside_if_damaged(self) -> None:
        """Move a damaged record (a disk fault, a copy cut short) out of the folder's way, lest
        it block every run into the folder, ``--force`` too: this run starts a new record, and
        finds what earlier runs wrote by the outputs' bytes, as after a change of layout. SQLite's
        quick check reads every page once (a millisecond for 2,000 records, 0.6 s for a million
        from the page cache; pages the run's look-ups then find cached). The record is moved
        only while it is the file checked (another run may have set it aside and begun anew),
        under a name of its own (an earlier damaged one is kept)."""
        import sqlite3

        try:
            checked = os.stat(self.path)
            connection = sqlite3.connect(self.path, timeout=60)
            try:
                (answer,) = connection.execute("PRAGMA quick_check(1)").fetchone()
            finally:
                connection.close()
        except sqlite3.DatabaseError as error:
            if getattr(error, "sqlite_errorcode", None) not in _DAMAGED:
                return  # (busy, unreadable: said when the record is used)
            answer = str(error)
        except OSError:
            return  # (gone: another run set it aside)
        if answer == "ok":
            return
        aside = f"{self.path}.damaged-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}"
        try:
            if not os.path.samestat(checked, os.stat(self.path)):
                return  # (another run set it aside and began a new one)
            os.replace(self.path, aside)
            for suffix in ("-wal", "-shm"):  # (SQLite's files beside it go with it)
                with contextlib.suppress(FileNotFoundError):
                    os.replace(self.path + suffix, aside + suffix)
        except OSError:
            return  # (said when the record is used, as before)
        self.set_aside = aside
        self._earlier = False

    def _connect(self, create: bool) -> Any:
        if self._connection is None and (create or self._earlier):
            import sqlite3

            connection = None
            try:
                connection = sqlite3.connect(self.path, timeout=60, isolation_level=None)
                connection.execute("PRAGMA journal_mode=WAL")  # readers never wait for a writer
                connection.execute("PRAGMA synchronous=NORMAL")
                connection.execute("PRAGMA cache_size=-1024")  # 1 MiB: memory stays flat
                connection.execute("BEGIN IMMEDIATE")  # two runs may start at once
                layout = connection.execute("PRAGMA user_version").fetchone()[0]
                if layout in READ_AS_IS:
                    connection.execute("ALTER TABLE inputs ADD COLUMN media TEXT")
                    connection.execute(f"PRAGMA user_version = {LAYOUT}")
                elif layout != LAYOUT:
                    # another layout (or none): start afresh; resuming then falls back to
                    # comparing the outputs' bytes
                    for statement in _CREATE:
                        connection.execute(statement)
                connection.execute("COMMIT")
            except sqlite3.Error as error:
                if connection is not None:
                    connection.close()
                raise self._failed(error) from None
            self._connection = connection
        return self._connection

    def _failed(self, error: Exception) -> OutputError:
        import sqlite3

        hint = ""
        if isinstance(error, sqlite3.DatabaseError) and "not a database" in str(error):
            hint = " (it is damaged: remove it to start the record afresh)"
        failed = OutputError(
            f"cannot keep the record of this folder's outputs: {error}{hint}", path=self.path
        )
        if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
            failed.errno = errno.ENOSPC  # (a full disk: the run stops, saying so)
        return failed

    def lookup(self, key: str) -> tuple[str, Record] | None:
        """The fingerprint and record of an input, when an earlier run converted it. The records
        of a file's folder are read together (inputs come folder by folder)."""
        if not self._earlier:
            return None
        if not self._adopted:
            self._adopted = True
            self._adopt(self._connect(create=False))
        folder = _folder_of(key)
        if folder is not None:
            if folder != self._folder:
                self._read_folder(folder)
            if self._rows is not None:
                return self._rows.get(key)
        connection = self._connect(create=False)
        row = connection.execute(
            f"SELECT {_COLUMNS} FROM inputs WHERE key = ? AND run IS NULL", (_stored(key),)
        ).fetchone()
        if row is None:
            return None
        print_, size, mtime_ns, digest_, outputs, kept, media = row
        written = tuple(map(tuple, json.loads(outputs)))
        return print_, Record(size, mtime_ns, digest_, written, kept, _media(media))

    def _read_folder(self, folder: str) -> None:
        """Read the records of a folder together, unless it holds more than :data:`FOLDER_ROWS`."""
        connection = self._connect(create=False)
        rows = connection.execute(
            f"SELECT key, {_COLUMNS} FROM inputs WHERE folder = ? AND run IS NULL LIMIT ?",
            (_stored(folder), FOLDER_ROWS + 1),
        ).fetchall()
        self._folder = folder
        self._rows = _found_by_key(rows) if len(rows) <= FOLDER_ROWS else None

    def _adopt(self, connection: Any) -> None:
        """Vouch for the records other runs of this boot left unvouched (the run was killed, or
        runs still), once a sync of the file system has put their outputs on disk. Only records
        made before the sync starts: a newer one may name a file not synced yet (its row id is
        above the highest now, or equals it when it replaced that row, hence ``<``). The look-up
        reads the index of unvouched records (SQLite's plan for ``max(rowid)`` reads the whole
        table instead: 2-6 ms of a no-op rerun into a folder of 10,000 records whose manifest is
        in the page cache, 50 ms when it is not)."""
        import sqlite3

        if not self._boot:
            return
        mark = f"{self._boot}:%"
        try:
            (highest,) = connection.execute(
                "SELECT max(rowid) FROM inputs INDEXED BY inputs_unvouched"
                " WHERE run IS NOT NULL AND run LIKE ? AND run != ?",
                (mark, self.run),
            ).fetchone()
        except sqlite3.Error as error:
            raise self._failed(error) from None
        if highest is None:
            return
        from articlekit import _io

        _io.sync_file_system(self.output_folder)
        self._transaction(
            (
                "UPDATE inputs SET run = NULL"
                " WHERE run IS NOT NULL AND run LIKE ? AND run != ? AND rowid < ?",
                [(mark, self.run, highest)],
            )
        )

    def produced(self, relative: str) -> bool:
        """Whether an earlier run wrote this file (a path below the output folder)."""
        return self.owner(relative) is not None

    def owner(self, relative: str) -> str | None:
        """The input the manifest says wrote this file (a path below the output folder) last,
        vouched for or not (a run killed before vouching left it), or ``None``."""
        if not self._earlier:
            return None
        connection = self._connect(create=False)
        row = connection.execute(
            "SELECT key FROM outputs WHERE path = ?", (_stored(relative),)
        ).fetchone()
        return None if row is None else bytes(row[0]).decode("utf-8", "surrogatepass")

    def add(self, entries: Iterable[tuple[str, str, Record]]) -> None:
        """Record inputs (key, fingerprint, record) as written by this run, not yet vouched for
        (see :meth:`vouch`); one transaction."""
        rows: list[tuple[Any, ...]] = []
        produced: list[tuple[bytes, bytes]] = []
        for key, print_, record in entries:
            stored = _stored(key)
            outputs = json.dumps(record.outputs)  # (ASCII: a lone surrogate as an escape)
            folder = _folder_of(key)
            stored_folder = None if folder is None else _stored(folder)
            row = (stored, stored_folder, print_, record.size, record.mtime_ns, record.digest)
            media = json.dumps(record.media) if record.media else None
            rows.append((*row, outputs, self.run, record.warnings, media))
            produced.extend((_stored(output[0]), stored) for output in record.outputs)
        if rows:
            self._transaction(
                ("INSERT OR REPLACE INTO inputs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows),
                ("INSERT OR REPLACE INTO outputs VALUES (?, ?)", produced),
            )

    def withdrawn(self, archive: str, records: int) -> list[tuple[str, Record]]:
        """The records of an archive's records beyond the first ``records`` (keys
        ``archive#N``): an earlier run converted them, the archive no longer holds them."""
        if not self._earlier:
            return []
        connection = self._connect(create=False)
        prefix = _stored(f"{archive}#")
        after = prefix[:-1] + b"$"  # ("$" follows "#": every key of the archive sorts between)
        rows = connection.execute(
            f"SELECT key, {_COLUMNS} FROM inputs WHERE key > ? AND key < ?"
            " AND CAST(substr(key, ?) AS INTEGER) > ?",
            (prefix, after, len(prefix) + 1, records),
        ).fetchall()
        found = []
        for key, _, size, mtime_ns, digest_, outputs, *_ in rows:
            kept = tuple(map(tuple, json.loads(outputs)))
            found.append(
                (key.decode("utf-8", "surrogatepass"), Record(size, mtime_ns, digest_, kept))
            )
        return found

    def forget(self, key: str, paths: Iterable[str], *, record: bool) -> None:
        """Forget outputs of an input that were removed (and, with ``record``, the input's
        record: an archive's record that is no longer in it)."""
        stored = _stored(key)
        statements: list[tuple[str, list[tuple[Any, ...]]]] = [
            (
                "DELETE FROM outputs WHERE path = ? AND key = ?",
                [(_stored(path), stored) for path in paths],
            )
        ]
        if record:
            statements.append(("DELETE FROM inputs WHERE key = ?", [(stored,)]))
        self._transaction(*statements)

    def vouch(self) -> None:
        """Vouch for this run's records, once their outputs are on disk: a rerun trusts them."""
        if self._connection is not None:
            self._transaction(("UPDATE inputs SET run = NULL WHERE run = ?", [(self.run,)]))

    def _transaction(self, *statements: tuple[str, list[tuple[Any, ...]]]) -> None:
        import sqlite3

        connection = self._connect(create=True)
        try:
            connection.execute("BEGIN IMMEDIATE")
            for statement, rows in statements:
                connection.executemany(statement, rows)
            connection.execute("COMMIT")
        except BaseException as error:
            # whatever failed (SQLite, a value it cannot take, an interrupt), the connection must
            # not stay inside the transaction: the next one could never begin
            if connection.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    connection.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error):
                raise self._failed(error) from None
            raise

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def sidecar_path(output: str) -> str:
    folder, name = os.path.split(os.path.abspath(output))
    return os.path.join(folder, f".{name}.articlekit.json")


def read_sidecar(output: str) -> dict[str, Any] | None:
    try:
        with open(sidecar_path(output), encoding="utf-8") as stream:
            value = json.load(stream)
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


AS_BEFORE = 0
"""In an output file's record, the warnings of an input that are those of the input before it
(inputs are mostly warned about alike: 10,000 copies of one warning's JSON were most of the
record, and of the time a rerun took to read it)."""


class WarningSpool:
    """The warnings of an output file's inputs, one JSON line ``[source, line, kept]`` an input
    (see :func:`kept_warnings`; ``[source, line, kept, "skipped"]`` for a record skipped,
    ``[source, line, null, "failed"]`` for an input that failed having given nothing; kept
    :data:`AS_BEFORE` when it is the line before's), held in memory up to :data:`SPOOL_LINES`
    lines and in a temporary file beyond (an archive of millions of warned-about records keeps
    memory flat; a one-shot conversion imports no ``tempfile``)."""

    def __init__(self) -> None:
        self._lines: list[bytes] = []
        self._file: IO[bytes] | None = None
        self._before: str | None = None

    def add(self, source: str, line: int | None, kept: str | None, status: str) -> None:
        """An input's warnings, and its status when it was not converted (a skipped record, an
        input that failed)."""
        written: str | int | None = AS_BEFORE if kept is not None and kept == self._before else kept
        self._before = kept
        entry = [source, line, written]
        if status != "converted":
            entry.append(status)
        self._lines.append(json.dumps(entry).encode("ascii"))
        if len(self._lines) >= SPOOL_LINES:
            if self._file is None:
                import tempfile

                self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
            self._file.write(b"\n".join(self._lines) + b"\n")
            self._lines.clear()

    def lines(self) -> Iterator[bytes]:
        if self._file is not None:
            self._file.seek(0)
            yield from (line.rstrip(b"\n") for line in self._file)
        yield from self._lines

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


SPOOL_LINES = 1000
"""Lines of kept warnings a :class:`WarningSpool` holds in memory."""


def kept_by_input(
    entries: Iterable[list[Any]],
) -> dict[tuple[str, int | None], tuple[str | None, str]]:
    """The entries of an output file's record (see :class:`WarningSpool`) by source and line:
    the warnings kept (as :func:`kept_warnings` keeps them) and the status. (One loop, no
    unpacking of the optional status: a rerun reads an entry an input.)"""
    found = {}
    kept = None
    for entry in entries:
        if entry[2] != AS_BEFORE:
            kept = entry[2]
        found[entry[0], entry[1]] = (kept, entry[3] if len(entry) > 3 else "converted")
    return found


def write_sidecar(
    output: str,
    print_: str,
    inputs: str,
    complete: bool,
    warnings: WarningSpool | None,
    media: Iterable[Written] = (),
    but_for_failed: bool = False,
) -> None:
    """Record a finished output file: what it was made from, whether it holds all its inputs
    give (``complete``; ``but_for_failed``: all but those of the inputs that failed, which
    gave no article and are listed with the warnings), its size and time now, the files
    ``--extract-media`` wrote for it (only when there are some), and the warnings of its inputs
    (copied into the record a line at a time)."""
    from articlekit import _io

    try:
        status = os.stat(output)
    except OSError:
        return
    document: dict[str, Any] = {
        "fingerprint": print_,
        "inputs": inputs,
        "complete": complete,
        "size": status.st_size,
        "mtime_ns": status.st_mtime_ns,
    }
    if but_for_failed:  # (a key of its own: an older build finds such a file incomplete)
        document["complete_but_for_failed"] = True
    pictures = list(media)
    if pictures:
        document["media"] = pictures
    document["warnings"] = []  # (last: the warnings are copied in after it)
    head = json.dumps(document).encode("ascii")[: -len(b"[]}")]  # (ends with "warnings": )

    def chunks() -> Iterator[bytes]:
        yield head + b"["
        if warnings is not None:
            for number, line in enumerate(warnings.lines()):
                yield line if not number else b"," + line
        yield b"]}"

    _io.write_atomic(sidecar_path(output), chunks(), force=True)


def sidecar_vouches(sidecar: Mapping[str, Any] | None, status: os.stat_result) -> bool:
    """Whether an existing output file is the one an earlier run recorded (so it is ours)."""
    return (
        sidecar is not None
        and sidecar.get("size") == status.st_size
        and sidecar.get("mtime_ns") == status.st_mtime_ns
    )
