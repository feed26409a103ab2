"""The exception family.

Readers and writers raise only when no article can be produced (or no output can be written);
everything they can skip becomes a warning instead (see :mod:`articlekit.diagnostics`). Every error
knows the file it is about and, where the format tells us, the line and column, so that the CLI can
print ``PATH:LINE:COL: message`` without a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from articlekit._text import printable

_COMMAND_LINE: list[bool] = []
"""Whether the command line is running (in this process, or in the one that forked it)."""


@contextmanager
def command_line() -> Iterator[None]:
    """While the command line runs, messages name its flags (an in-process call of it, as in
    tests, leaves the library's wording to what follows)."""
    _COMMAND_LINE.append(True)
    try:
        yield
    finally:
        _COMMAND_LINE.pop()


def on_command_line() -> bool:
    """Whether the command line is running (see :func:`command_line`)."""
    return bool(_COMMAND_LINE)


def setting(flag: str, argument: str) -> str:
    """How a message names a setting the user can change: the command line's ``flag`` when it
    runs (``--force``), else the library's ``argument`` (``force=True``), which a Python user
    has to look for."""
    return flag if _COMMAND_LINE else argument


def option_setting(name: str, value: str) -> str:
    """How a message names a format option: ``-O name=value`` on the command line, the
    ``options`` mapping in Python."""
    return setting(f"-O {name}={value}", f"options={{{name!r}: {value!r}}}")


class ArticlekitError(Exception):
    """Base of every error articlekit raises on purpose."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def located(self, path: str) -> ArticlekitError:
        """Fill in the file name when the raiser did not know it; returns ``self``."""
        if self.path is None:
            self.path = path
        return self

    @property
    def location(self) -> str:
        """``PATH[:LINE[:COL]]``, or an empty string when nothing is known."""
        parts = [self.path or ""]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts) if parts[0] or len(parts) > 1 else ""

    def __str__(self) -> str:
        location = self.location
        text = f"{location}: {self.message}" if location else self.message
        return printable(text)


class InputError(ArticlekitError):
    """The input cannot be read as an article: missing, malformed, hostile or unsupported."""


class OutputError(ArticlekitError):
    """The output could not be written (permissions, disk full, ...)."""

    errno: int | None = None
    """The operating system's error number, when it refused (a batch stops on a full disk)."""

    @classmethod
    def refused(cls, error: OSError, path: str, message: str | None = None) -> OutputError:
        """The system's refusal ``error`` to write ``path``, in its words unless ``message``."""
        made = cls(message or error.strerror or str(error), path=path)
        made.errno = error.errno
        return made


class PluginError(ArticlekitError):
    """A third-party reader or writer failed: a bug to report to its authors, not to articlekit."""


class UsageError(ArticlekitError):
    """The request itself is wrong: unknown format, bad option, refusing to overwrite a file."""

    exit_code = 2


class UnknownFormatError(UsageError):
    """A format name, extension or content that no registered reader or writer handles."""


class NotAnArticleError(InputError):
    """The input is readable but holds no article: a picture, a package, an empty envelope."""


def no_article(skipped: int = 0) -> NotAnArticleError:
    """The error of an input that gave no article, naming the records of an archive skipped as
    unreadable, when there were some."""
    if not skipped:
        return NotAnArticleError("holds no article")
    return NotAnArticleError(f"holds no article ({skipped} record{'s' * (skipped != 1)} skipped)")
