"""Reading inputs with a size limit and writing outputs atomically."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import IO, Any, cast

from articlekit.errors import InputError, OutputError, UsageError

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
"""Largest input read into memory (64 MiB): no single article comes close; larger is hostile."""

STDIO = "-"


def display_name(source: Any) -> str:
    """How a source is named in messages: its path, ``-`` for stdin, ``<bytes>`` for raw data."""
    if isinstance(source, bytes | bytearray | memoryview):
        return "<bytes>"
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    return str(getattr(source, "name", "<stream>"))


def read_limited(stream: IO[bytes], name: str, max_bytes: int) -> bytes:
    """All bytes of ``stream``, refusing more than ``max_bytes``."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"input is larger than the limit of {max_bytes} bytes", path=name)
    return data


def load(source: Any, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, str]:
    """The bytes of a path, ``-`` (stdin), bytes or a binary file object, and their name."""
    name = display_name(source)
    if isinstance(source, bytes | bytearray | memoryview):
        if len(source) > max_bytes:
            raise InputError(f"input is larger than the limit of {max_bytes} bytes", path=name)
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
        raise InputError(f"input is larger than the limit of {max_bytes} bytes", path=name)
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
    """Whether two paths name the same existing file (links and relative paths included)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def is_standard_input(path: str) -> bool:
    """Whether ``path`` is the file standard input reads (``< story.json``)."""
    try:
        given, named = os.fstat(sys.stdin.fileno()), os.stat(path)
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISREG(given.st_mode) and (given.st_dev, given.st_ino) == (
        named.st_dev,
        named.st_ino,
    )


@cache
def _umask() -> int:
    """The process umask, read once (reading it means setting it, which is not thread-safe)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class AtomicFile:
    """A file written under a temporary name and renamed into place by :meth:`commit`.

    Readers of the path see the old file or the complete new one, never a partial one; a file that
    is discarded (or an error before commit) leaves nothing behind. An existing file is replaced
    only with ``force``, keeps its permissions, and a symbolic link keeps pointing at it (the file
    it names is replaced). Character devices and pipes (``/dev/null``, a FIFO) are written into
    directly: they cannot be replaced, and writing is what is asked of them.
    """

    def __init__(self, path: str, *, force: bool = False) -> None:
        self.path = path
        self._temporary: str | None = None
        self._stream: IO[bytes] | None = None
        try:
            status: os.stat_result | None = os.stat(path)
        except FileNotFoundError:
            status = None
        except OSError as error:
            raise OutputError(error.strerror or str(error), path=path) from None
        if status is not None and (stat.S_ISCHR(status.st_mode) or stat.S_ISFIFO(status.st_mode)):
            self._stream = self._open(path, "wb")
            return
        if status is not None and stat.S_ISDIR(status.st_mode):
            raise UsageError("output is a directory", path=path)
        if status is not None and not stat.S_ISREG(status.st_mode):
            raise UsageError("output is not a regular file", path=path)
        if status is not None and not force:
            raise UsageError("output exists; use --force to replace it", path=path)
        self._target = os.path.realpath(path)
        self._mode = stat.S_IMODE(status.st_mode) if status else 0o666 & ~_umask()
        import tempfile

        try:
            descriptor, self._temporary = tempfile.mkstemp(
                prefix=f".{os.path.basename(self._target)}.",
                suffix=".tmp",
                dir=os.path.dirname(self._target),
            )
        except FileNotFoundError:
            raise OutputError("the output folder does not exist", path=path) from None
        except OSError as error:
            raise OutputError(error.strerror or str(error), path=path) from None
        self._stream = os.fdopen(descriptor, "wb")

    def _open(self, path: str, mode: str) -> IO[bytes]:
        try:
            return open(path, mode)
        except OSError as error:
            raise OutputError(error.strerror or str(error), path=path) from None

    def write(self, data: bytes) -> None:
        assert self._stream is not None, "write after commit or discard"
        try:
            self._stream.write(data)
        except OSError as error:
            self.discard()
            raise OutputError(error.strerror or str(error), path=self.path) from None

    def commit(self) -> None:
        """Flush, sync and rename into place (or just close a device or pipe)."""
        assert self._stream is not None, "commit after commit or discard"
        try:
            self._stream.flush()
            if self._temporary is None:
                self._stream.close()
                self._stream = None
                return
            os.fsync(self._stream.fileno())
            self._stream.close()
            self._stream = None
            os.chmod(self._temporary, self._mode)
            os.replace(self._temporary, self._target)
        except OSError as error:
            self.discard()
            raise OutputError(error.strerror or str(error), path=self.path) from None

    def discard(self) -> None:
        """Drop everything written; the target path is left as it was."""
        if self._stream is not None:
            with contextlib.suppress(OSError):  # closing flushes, which fails as writing did
                self._stream.close()
            self._stream = None
        if self._temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._temporary)


def write_atomic(path: str, chunks: Iterable[bytes], *, force: bool = False) -> None:
    """Write ``chunks`` to ``path`` atomically (see :class:`AtomicFile`)."""
    output = AtomicFile(path, force=force)
    try:
        for chunk in chunks:
            output.write(chunk)
    except BaseException:
        output.discard()
        raise
    output.commit()


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
    return OutputError(error.strerror or str(error), path=name)


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
