"""Reading inputs with a size limit and writing outputs atomically."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import sys
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import IO, Any, TypeVar, cast

from articlekit._text import lazy_pattern
from articlekit.errors import InputError, OutputError, UsageError, setting

MAX_MAX_BYTES = 1 << 40
"""1 TiB: more than any article file, less than what a read size may be."""


def check_max_bytes(value: object) -> None:
    """Refuse a ``max_bytes`` that is no whole number from 1 to :data:`MAX_MAX_BYTES` (a negative
    one failed as a read size, deep in the reader; 0 meant no limit in one place and was refused
    in another)."""
    if value is not None and not (
        isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_MAX_BYTES
    ):
        what = setting("--max-bytes", "max_bytes")
        raise UsageError(f"{what} takes a size in bytes, from 1 to {MAX_MAX_BYTES}")


DEFAULT_MAX_BYTES = 64 * 1024 * 1024
"""Largest input read into memory (64 MiB): no single article comes close; larger is hostile."""

STDIO = "-"

_T = TypeVar("_T")


def display_name(source: Any) -> str:
    """How a source is named in messages: its path, ``-`` for stdin, ``<bytes>`` for raw data."""
    if isinstance(source, bytes | bytearray | memoryview):
        return "<bytes>"
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    return str(getattr(source, "name", "<stream>"))


def too_large(max_bytes: int, name: str | None = None) -> InputError:
    return InputError(f"input is larger than the limit of {max_bytes} bytes", path=name)


def read_limited(stream: IO[bytes], name: str, max_bytes: int, *, already: int = 0) -> bytes:
    """All bytes of ``stream``, refusing more than ``max_bytes`` in all (``already`` of them were
    read before)."""
    data = stream.read(max_bytes - already + 1)
    if already + len(data) > max_bytes:
        raise too_large(max_bytes, name)
    return data


class LimitedStream:
    """A binary stream that refuses to give more than ``max_bytes`` in all: the limit of a
    streamed input (JSON Lines) is that of the whole input, as for inputs read at once."""

    def __init__(self, stream: Any, max_bytes: int, name: str, *, already: int = 0) -> None:
        self._stream = stream
        self._left = max_bytes - already
        self._max_bytes = max_bytes
        self.name = name

    def _count(self, data: bytes) -> bytes:
        self._left -= len(data)
        if self._left < 0:
            raise too_large(self._max_bytes, self.name)
        return data

    def read(self, size: int = -1) -> bytes:
        return self._count(self._stream.read(size if size >= 0 else self._left + 1))

    def readline(self, size: int = -1) -> bytes:
        return self._count(self._stream.readline(size if size >= 0 else self._left + 1))


def load(source: Any, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, str]:
    """The bytes of a path, ``-`` (stdin), bytes or a binary file object, and their name."""
    name = display_name(source)
    if isinstance(source, bytes | bytearray | memoryview):
        if len(source) > max_bytes:
            raise too_large(max_bytes, name)
        return bytes(source), name
    if isinstance(source, str | os.PathLike):
        if os.fspath(source) == STDIO:
            return read_limited(sys.stdin.buffer, name, max_bytes), name
        with open_input(source) as stream:
            return read_limited(stream, name, max_bytes), name
    data = source.read(max_bytes + 1)
    if not isinstance(data, bytes):
        raise UsageError("file objects must be opened in binary mode", path=name)
    if len(data) > max_bytes:
        raise too_large(max_bytes, name)
    return data, name


def open_input(path: str | os.PathLike[str]) -> IO[bytes]:
    """Open a file for reading, turning OS errors into one-line input errors."""
    name = os.fspath(path)
    try:
        if Path(name).is_dir():
            if not os.access(name, os.R_OK | os.X_OK):
                raise InputError("the folder cannot be read: permission denied", path=name)
            raise InputError("is a directory", path=name)
        return open(name, "rb")
    except FileNotFoundError:
        raise InputError("no such file", path=name) from None
    except PermissionError:
        raise InputError("permission denied", path=name) from None
    except OSError as error:
        raise InputError(error.strerror or str(error), path=name) from None


def same_file(a: str, b: str) -> bool:
    """Whether two paths name the same file (links and relative paths included), or, when one
    is not there yet, would name the same one (``-o link/out.jsonl --report real/out.jsonl``)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def is_standard_input(path: str) -> bool:
    """Whether ``path`` is the file standard input reads (``< story.json``)."""
    return _is_file_of(sys.stdin, path)


def is_standard_output(path: str) -> bool:
    """Whether ``path`` is the file standard output writes (``> all.jsonl``)."""
    return _is_file_of(sys.stdout, path)


def _is_file_of(stream: Any, path: str) -> bool:
    try:
        given, named = os.fstat(stream.fileno()), os.stat(path)
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISREG(given.st_mode) and (given.st_dev, given.st_ino) == (
        named.st_dev,
        named.st_ino,
    )


@cache
def _host() -> str:
    """A short tag of this machine, so that a run only clears temporary files of its own host."""
    import zlib

    node = os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")
    return f"{zlib.crc32(node.encode('utf-8', 'replace')):08x}"


TEMPORARY_SUFFIX = ".tmp"
_TEMPORARY = lazy_pattern(r"^\..*\.ak-(?P<host>[0-9a-f]{8})-(?P<pid>[0-9]+)-[0-9a-f]+\.tmp$")


_NAME_MAX = 255
"""Longest file name (bytes) of common file systems."""


def temporary_name(folder: str, base: str) -> str:
    """A fresh hidden name in ``folder`` for a file on its way to ``base``; it names this host and
    process, so that :func:`remove_stray_temporaries` knows when nobody will finish it. ``base``
    is shortened as needed: an output whose name is allowed gets a temporary name too."""
    random = os.urandom(4).hex()
    tail = f".ak-{_host()}-{os.getpid()}-{random}{TEMPORARY_SUFFIX}"
    head = os.fsdecode(os.fsencode(base)[: _NAME_MAX - 1 - len(tail)])
    return os.path.join(folder, f".{head}{tail}")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, or a platform without signal 0
        return True
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """Whether ``pid`` has ended but was not reaped (a killed worker whose parent died too, in a
    container whose first process reaps nothing): it answers signal 0, yet finishes nothing."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            state = stat.read().rpartition(b")")[2].split()[:1]
    except OSError:  # no /proc (not Linux): trust signal 0
        return False
    return state in ([b"Z"], [b"X"])


def remove_stray_temporaries(folder: str) -> int:
    """Delete the temporary files in ``folder`` left by killed articlekit processes of this host
    (a process still running may finish its own); returns how many were removed."""
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        match = _TEMPORARY.match(name)
        if match and match["host"] == _host() and not _alive(int(match["pid"])):
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(folder, name))
                removed += 1
    return removed


def cannot_create(error: OSError, folder: str) -> str:
    """Why no file can be created in ``folder``, in words (the system's errno alone misleads:
    /proc answers "no such file" for a folder that exists)."""
    code = error.errno
    folder = folder or "."
    if code in (errno.ENOTDIR, errno.EEXIST):  # (a file where a folder goes, or in its way)
        blocker = folder
        while blocker and not os.path.lexists(blocker):
            blocker = os.path.dirname(blocker)
        return f"{blocker or folder} is not a folder"
    if code == errno.ENOENT:
        if not os.path.isdir(folder):
            return "the output folder does not exist"
        return f"cannot create files in {folder}: its file system takes no new files"
    if code in (errno.EACCES, errno.EPERM):
        return f"permission denied: cannot create files in {folder}"
    if code == errno.EROFS:
        return f"cannot create files in {folder}: read-only file system"
    return error.strerror or str(error)


REPLACE_REFUSED = "permission denied: the file there cannot be replaced"
"""Why ``--force`` could not replace an output file its folder lets new files be made in."""

_LINK_UNSUPPORTED = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS}
"""Answers of file systems without hard links (FAT, some network and FUSE file systems)."""


def _same_content(first: str, second: str) -> bool:
    try:
        if os.path.getsize(first) != os.path.getsize(second):
            return False
        with open(first, "rb") as one, open(second, "rb") as other:
            while True:
                block = one.read(1 << 20)
                if block != other.read(1 << 20):
                    return False
                if not block:
                    return True
    except OSError:
        return False


REMADE_FOLDER_TIMES = 3
"""How often a temporary folder given that other runs keep removing is made again before the
output is refused (each run removes it only when it is empty, at its end)."""


class AtomicFile:
    """A file written unnamed (Linux) or under a temporary name, put in place by :meth:`commit`.

    Readers of the path see no file or the complete new one, never a partial one; a file that is
    discarded (or an error before commit) leaves nothing behind. Without ``force`` the file is
    created only if absent, atomically (a hard link from the finished temporary file), so two runs
    writing one name never overwrite each other: an existing file with the same bytes is left as it
    is (:attr:`outcome` ``"unchanged"``), another one is replaced only when ``replaceable`` says so
    (an output articlekit itself wrote earlier), else committing fails with "output exists" (which
    says when the file is one articlekit wrote and someone ``edited`` since). With
    ``force`` an existing file is replaced, keeps its permissions, and a symbolic link keeps
    pointing at it (the file it names is replaced). Character devices and pipes (``/dev/null``, a
    FIFO) are written into directly: they cannot be replaced, and writing is what is asked of them.
    ``durable`` syncs the file and its folder to disk on commit (a batch syncs once per run
    instead).
    """

    def __init__(
        self,
        path: str,
        *,
        force: bool = False,
        replaceable: Callable[[os.stat_result], bool] | None = None,
        temporary_folder: str | None = None,
        durable: bool = True,
        edited: bool = False,
    ) -> None:
        self.path = path
        self.force = force
        self.replaceable = replaceable
        self.edited = edited
        self.durable = durable
        self.outcome: str | None = None
        """After commit: ``"written"``, or ``"unchanged"`` when the same bytes were there."""
        self.status: os.stat_result | None = None
        """After commit: the status of the file in place (size, modification time)."""
        self._temporary: str | None = None
        self._stream: IO[bytes] | None = None
        try:
            status: os.stat_result | None = os.stat(path)
        except FileNotFoundError:
            status = None
        except NotADirectoryError as error:
            raise OutputError.refused(
                error, path, cannot_create(error, os.path.dirname(path))
            ) from None
        except OSError as error:
            raise OutputError.refused(error, path) from None
        self._direct = status is not None and (
            stat.S_ISCHR(status.st_mode) or stat.S_ISFIFO(status.st_mode)
        )
        if self._direct:
            self._stream = self._open(path, "wb")
            return
        if status is not None and stat.S_ISDIR(status.st_mode):
            raise UsageError("output is a directory", path=path)
        if status is not None and not stat.S_ISREG(status.st_mode):
            raise UsageError("output is not a regular file", path=path)
        self._target = os.path.realpath(path)
        self._mode = stat.S_IMODE(status.st_mode) if status and force else None
        self._folder = temporary_folder or os.path.dirname(self._target)
        self._folder_given = temporary_folder is not None
        descriptor = _open_unnamed(os.path.dirname(self._target))
        self._unnamed = descriptor is not None
        if descriptor is None:
            descriptor = self._create_temporary()
        self._stream = os.fdopen(descriptor, "wb")

    def _create_temporary(self) -> int:
        """Create a fresh named temporary file (see :func:`temporary_name`) and open it."""
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
        try:
            return self._claim_temporary(lambda name: os.open(name, flags, 0o666))
        except OSError as error:
            raise OutputError.refused(
                error, self.path, cannot_create(error, self._folder)
            ) from None

    def _claim_temporary(self, create: Callable[[str], _T]) -> _T:
        """``create`` a file under a fresh temporary name, which :meth:`discard` removes. A
        temporary folder given that is gone is made again: a run into the same output folder
        that finished meanwhile removes it when it is empty."""
        remade = 0
        while True:
            temporary = temporary_name(self._folder, os.path.basename(self._target))
            try:
                made = create(temporary)
            except FileExistsError:
                continue
            except FileNotFoundError:
                if remade == REMADE_FOLDER_TIMES or not self._folder_given:  # (never the output's)
                    raise
                with contextlib.suppress(FileExistsError):
                    os.mkdir(self._folder)
                remade += 1
                continue
            self._temporary = temporary
            return made

    def _open(self, path: str, mode: str) -> IO[bytes]:
        try:
            return open(path, mode)
        except OSError as error:
            raise OutputError.refused(error, path) from None

    def write(self, data: bytes) -> None:
        assert self._stream is not None, "write after commit or discard"
        try:
            self._stream.write(data)
        except OSError as error:
            self.discard()
            raise OutputError.refused(error, self.path) from None

    def commit(self) -> None:
        """Flush (and sync when durable) and put the file in place; see the class."""
        assert self._stream is not None, "commit after commit or discard"
        try:
            self._stream.flush()
            if self._direct:
                self._close()
                self.outcome = "written"
                return
            descriptor = self._stream.fileno()
            if self.durable:
                os.fsync(descriptor)
            self.status = os.fstat(descriptor)
            if self._mode is not None:
                os.fchmod(descriptor, self._mode)
            linked = self._unnamed and self._linked_in(descriptor)
            self._close()
            if linked:
                self.outcome = "written"
            elif self.force:
                assert self._temporary is not None
                try:
                    os.replace(self._temporary, self._target)
                except PermissionError as error:  # (immutable; another's in a sticky folder)
                    raise OutputError.refused(error, self.path, REPLACE_REFUSED) from None
                self._temporary = None
                self.outcome = "written"
            else:
                assert self._temporary is not None
                self.outcome = self._place(self._temporary)
            if self.durable:
                _sync_folder(os.path.dirname(self._target))
        except OSError as error:
            raise OutputError.refused(error, self.path) from None
        finally:
            self.discard()

    def _close(self) -> None:
        assert self._stream is not None
        self._stream.close()
        self._stream = None

    def _linked_in(self, descriptor: int) -> bool:
        """Link the unnamed file in as the target when the target is absent (one call, atomic);
        otherwise give it a temporary name for :meth:`commit`'s other ways and answer ``False``."""
        try:
            try:
                _link_unnamed(descriptor, self._target)
                return True
            except FileExistsError:
                pass
            self._name_unnamed(descriptor)
        except OSError as error:
            if error.errno not in _NAMING_REFUSED:
                raise
            global _unnamed_refused  # noqa: PLW0603 (what this process's system allows)
            _unnamed_refused = True
            self._copy_to_temporary(descriptor)
        return False

    def _name_unnamed(self, descriptor: int) -> None:
        """A temporary name for the unnamed file: in the temporary folder, or beside the target
        when a link cannot reach that folder (a bind mount of the same file system)."""
        try:
            self._claim_temporary(lambda name: _link_unnamed(descriptor, name))
        except OSError as error:
            if error.errno != errno.EXDEV:
                raise
            self._folder, self._folder_given = os.path.dirname(self._target), False
            self._claim_temporary(lambda name: _link_unnamed(descriptor, name))

    def _copy_to_temporary(self, descriptor: int) -> None:
        """Copy the unnamed file's bytes into a named temporary file, with the mode it was to
        have; :attr:`status` is then the copy's (the file that will be in place)."""
        with os.fdopen(self._create_temporary(), "wb") as copy:
            os.lseek(descriptor, 0, os.SEEK_SET)
            while block := os.read(descriptor, 1 << 20):
                copy.write(block)
            copy.flush()
            if self._mode is not None:
                os.fchmod(copy.fileno(), self._mode)
            if self.durable:
                os.fsync(copy.fileno())
            self.status = os.fstat(copy.fileno())

    def _place(self, temporary: str) -> str:
        """Create the target from the temporary file only if it is absent (see the class)."""
        try:
            try:
                os.link(temporary, self._target)
            except OSError as error:
                if error.errno not in _LINK_UNSUPPORTED or isinstance(error, FileExistsError):
                    raise
                # No hard links here: claim the name with an exclusive empty file, then replace
                # it (a reader may see it empty for a moment, never partial).
                os.close(os.open(self._target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
                os.replace(temporary, self._target)
                self._temporary = None
            return "written"
        except FileExistsError:
            if _same_content(temporary, self._target):
                self.status = os.stat(self._target)
                return "unchanged"
            try:
                existing = os.stat(self._target)
            except OSError:
                existing = None
            if existing is not None and self.replaceable and self.replaceable(existing):
                os.replace(temporary, self._target)
                self._temporary = None
                return "written"
            replace = setting("--force", "force=True")
            edited = " and changed since articlekit wrote it (its size or time)"
            edited = edited if self.edited else ""
            raise OutputError(
                f"output exists{edited}; use {replace} to replace it", path=self.path
            ) from None

    def discard(self) -> None:
        """Drop what is not in place yet; the target path is left as it was."""
        if self._stream is not None:
            with contextlib.suppress(OSError):  # closing flushes, which fails as writing did
                self._stream.close()
            self._stream = None
        if self._temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._temporary)
            self._temporary = None


@cache
def _unnamed_files() -> int:
    """The open flag of unnamed files (Linux's ``O_TMPFILE``), 0 where there are none or no
    ``/proc/self/fd`` to name them through."""
    flag = getattr(os, "O_TMPFILE", 0)
    return flag if flag and os.path.isdir(_OPEN_FILES) else 0


_OPEN_FILES = "/proc/self/fd"

_NAMING_REFUSED = {
    errno.EPERM, errno.EACCES, errno.ENOENT, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP,
    errno.ENOTSUP,
}  # fmt: skip
"""Answers of a system that makes unnamed files but will not name them through ``/proc`` (a
sandbox); other errors (a full disk, a name too long) are the output's own."""

_unnamed_refused = False
"""Set once naming an unnamed file failed (a sandbox): this process uses named ones then."""


def _open_unnamed(folder: str) -> int | None:
    """An unnamed file on ``folder``'s file system, or ``None`` where the system or the file
    system has none (then a named temporary file serves). It gets a name only when it is linked
    into place: a process killed before that leaves nothing behind, and two processes writing
    files side by side do not take turns at a shared temporary folder."""
    flag = _unnamed_files()
    if not flag or _unnamed_refused:
        return None
    try:
        return os.open(folder, flag | os.O_RDWR | os.O_CLOEXEC, 0o666)
    except OSError:
        return None


def _link_unnamed(descriptor: int, path: str) -> None:
    """Name the unnamed file open as ``descriptor``: ``linkat`` following its ``/proc`` link,
    the way open(2) documents. (``os.link`` calls ``linkat`` only when given a folder's
    descriptor; the kernel ignores it for an absolute source, so the file's own serves.)"""
    os.link(f"{_OPEN_FILES}/{descriptor}", path, src_dir_fd=descriptor, follow_symlinks=True)


def _sync_folder(folder: str) -> None:
    """Make a new name in ``folder`` durable (POSIX: fsync the directory)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some platforms and file systems cannot sync a directory
    finally:
        os.close(descriptor)


def write_atomic(path: str, chunks: Iterable[bytes], *, force: bool = False) -> str:
    """Write ``chunks`` to ``path`` atomically (see :class:`AtomicFile`); returns the outcome."""
    output = AtomicFile(path, force=force)
    try:
        for chunk in chunks:
            output.write(chunk)
    except BaseException:
        output.discard()
        raise
    output.commit()
    return output.outcome or "written"


class PrefixedStream:
    """A binary stream that first returns bytes already consumed (for sniffing) from another one."""

    def __init__(self, prefix: bytes, rest: IO[bytes], name: str) -> None:
        self._prefix = prefix
        self._rest = rest
        self.name = name

    def read(self, size: int = -1) -> bytes:
        if size < 0:
            data, self._prefix = self._prefix + self._rest.read(), b""
            return data
        data, self._prefix = self._prefix[:size], self._prefix[size:]
        if len(data) < size:
            data += self._rest.read(size - len(data))
        return data

    def readline(self, size: int = -1) -> bytes:
        if self._prefix:
            end = self._prefix.find(b"\n")
            if end >= 0 and (size < 0 or end < size):
                line, self._prefix = self._prefix[: end + 1], self._prefix[end + 1 :]
                return line
            if size >= 0 and len(self._prefix) >= size:
                line, self._prefix = self._prefix[:size], self._prefix[size:]
                return line
            line, self._prefix = self._prefix, b""
            remaining = -1 if size < 0 else size - len(line)
            return line + (self._rest.readline(remaining) if remaining != 0 else b"")
        return self._rest.readline(size)


def output_error(error: OSError) -> OutputError:
    """An operating system's refusal to write, as a one-line error naming the file."""
    name = error.filename if isinstance(error.filename, str) else "-"
    return OutputError.refused(error, name)


class _ClosedStream(io.RawIOBase):
    """Stands in for a standard stream the process was started without (``>&-``): reading gives
    nothing, writing fails as writing to a closed descriptor does."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        return 0

    def write(self, data: Any) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    @property
    def buffer(self) -> _ClosedStream:
        return self


def replace_closed_standard_streams() -> None:
    if sys.stdin is None:
        sys.stdin = io.TextIOWrapper(io.BufferedReader(_ClosedStream()))
    if sys.stdout is None:
        sys.stdout = cast(Any, _ClosedStream())
    if sys.stderr is None:  # (2>&-: messages go nowhere; a file opened later is not fd 2)
        sys.stderr = _null_stream()
    if not isinstance(sys.stderr, _Unfailing):
        sys.stderr = cast(Any, _Unfailing(sys.stderr))


def _null_stream() -> Any:
    """A text stream to the null device, for the rest of the process."""
    return open(os.devnull, "w", encoding="utf-8", errors="backslashreplace")


class _Unfailing:
    """Standard error whose failure to write (a pipe closed early, ``2>/dev/full``) costs
    nothing but the messages: the run, its outputs, record and report go on (a broken stderr
    ended a run at its next warning, its report unwritten). From the first failure on, what
    is written goes to the null device, the descriptor too (what the stream still holds, and
    what a worker process writes there)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return int(self._stream.write(text))
        except (OSError, ValueError):
            self._give_up()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except (OSError, ValueError):
            self._give_up()

    def _give_up(self) -> None:
        try:
            descriptor = self._stream.fileno()
        except (OSError, ValueError, AttributeError):  # (no descriptor: a stream in memory)
            self._stream = _null_stream()
            return
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, descriptor)
        finally:
            os.close(null)
        with contextlib.suppress(OSError, ValueError):
            self._stream.flush()  # (what it held, to the null device)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def return_free_memory() -> None:
    """Give the free pages inside the heap back to the system (glibc's ``malloc_trim``; nothing
    elsewhere). A long batch run's parent frees chunks of many sizes, and glibc keeps the holes
    mapped, so without this its resident memory creeps up with the length of the run (measured:
    0.25 MiB per 1,000 records of a JSON Lines archive; 0.05 MiB with a trim every 256)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc (musl)
        return None


def sync_file_system(path: str) -> None:
    """Flush what was written on ``path``'s file system to disk: one call for a whole batch
    instead of a sync per file (``syncfs`` on Linux, ``sync`` elsewhere)."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            descriptor = os.open(path, os.O_RDONLY)
        except OSError:
            descriptor = -1
        if descriptor >= 0:
            try:
                if ctypes.CDLL(None, use_errno=True).syncfs(descriptor) == 0:
                    return
            except (OSError, AttributeError):
                pass
            finally:
                os.close(descriptor)
    if hasattr(os, "sync"):
        os.sync()
