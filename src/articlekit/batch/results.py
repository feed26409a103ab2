"""What a batch hands back: one result per input, and a summary of the run."""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from articlekit.diagnostics import Diagnostic
    from articlekit.errors import ArticlekitError
    from articlekit.model import Article

Status = Literal[
    "converted",
    "up-to-date",
    "failed",
    "skipped",
    "noted",
    "withdrawn",
    "unwritten",
    "not-converted",
]
Written = tuple[str, int, int] | tuple[str, int, int, str]
"""One output as its record keeps it: its path below the output folder, size, modification time
and a hash of its bytes (taken as it was written: a rerun knows it by its bytes when only its
time changed, in a folder copied without its times; records written before outputs were hashed
have none)."""


class Record(NamedTuple):
    """What the resume manifest keeps about one converted input (a named tuple: a rerun makes
    one for every input, at a third of a frozen dataclass's cost)."""

    size: int | None
    mtime_ns: int | None
    digest: str | None
    """A hash of the input's bytes, when they were read at once."""
    outputs: tuple[Written, ...] = ()
    """Each output (see :data:`Written`)."""
    warnings: str | None = None
    """The conversion's warnings, replayed when the input is up to date (so a rerun reports
    what a fresh run does), as :func:`.manifest.kept_warnings` keeps them; ``None``: none."""
    media: tuple[Written, ...] = ()
    """The files ``--extract-media`` wrote for it (or found in place, written for another
    input): an input is up to date only while they are as written too."""


@dataclass(frozen=True)
class BatchResult:
    """The outcome of one input (or one record of an archive): never raised, always returned."""

    source: str
    """The input as messages name it (its path, ``-``, or the name given with its bytes)."""
    status: Status
    """``converted``; ``up-to-date`` (an earlier run's outputs are current, nothing was done);
    ``failed`` (see :attr:`error`); ``skipped`` (see :attr:`warnings`: a link out of an input
    folder, a broken record of an archive); ``noted``: not an input but a warning about an input
    folder (files in it that no reader claims) or the output folder (its damaged record of earlier
    runs set aside); ``withdrawn``: not an input but a record an
    earlier run converted that its archive no longer holds (see :attr:`removed`);
    ``unwritten``: not an input but the one output file, which could not be put in place (see
    :attr:`error`): the inputs converted into it are not written (the summary counts them as
    failed); ``not-converted``: an input the run never converted, as the one output file failed
    before (the ``unwritten`` result that follows says why)."""
    outputs: tuple[str, ...] = ()
    """The files written (or found up to date) for it: in an output folder, its own; into one
    output file, that file (put in place when the run ends)."""
    warnings: tuple[Diagnostic, ...] = ()
    error: ArticlekitError | None = None
    articles: tuple[Article, ...] = ()
    """The articles themselves, when the batch has no output (``output=None``)."""
    line: int | None = None
    """The line of the record, for one record of an archive (JSON Lines)."""
    count: int = 0
    """How many articles were converted."""
    record: Record | None = field(default=None, repr=False, compare=False)
    """For the manifest (internal)."""
    removed: tuple[str, ...] = ()
    """Files an earlier run made of this input that this run removed, as it no longer makes
    them: an article the input no longer holds, or an output named otherwise now."""
    files_skipped: int = 0
    """For a note about an input folder (``noted``): the files of it that no reader claims,
    which its warning says it skipped (the summary counts them skipped)."""

    @property
    def ok(self) -> bool:
        return self.status not in ("failed", "unwritten", "not-converted")

    def as_json(self) -> dict[str, Any]:
        """This result as a JSON object (one line of ``--report``)."""
        error = self.error
        return {
            "source": self.source,
            "line": self.line,
            "status": self.status,
            "articles": self.count,
            "outputs": list(self.outputs),
            "removed": list(self.removed),
            "warnings": [_warning_as_json(warning) for warning in self.warnings],
            "error": None
            if error is None
            else {
                "message": error.message,
                "path": error.path,
                "line": error.line,
                "column": error.column,
                "exit_code": error.exit_code,
            },
        }


def _warning_as_json(warning: Diagnostic) -> dict[str, Any]:
    """A warning in ``--report``: at its line and column in the source, ``null`` where it gives
    none (as an error's; stderr prints 1 there, see
    :attr:`~articlekit.diagnostics.Diagnostic.position`), with the article fields it is about."""
    return {
        "code": warning.code,
        "message": warning.message,
        "path": warning.path,
        "line": warning.line,
        "column": warning.column,
        "fields": list(warning.fields),
    }


_DEFAULTS = {each.name: each.default for each in fields(BatchResult) if each.default is not MISSING}
"""The fields of a :class:`BatchResult` that have a default, and their defaults."""


def known_result(
    source: str,
    status: Status,
    outputs: tuple[str, ...],
    warnings: tuple[Diagnostic, ...],
    line: int | None,
) -> BatchResult:
    """``BatchResult(source, status, outputs, warnings, line=line)`` for an input a rerun finds
    up to date (or skipped before), built without the frozen dataclass's ``__init__``, which
    sets each of its eleven fields through ``object.__setattr__`` (1.3 µs; this, 0.3 µs: a
    rerun makes one for every input)."""
    result = object.__new__(BatchResult)
    result.__dict__.update(
        _DEFAULTS, source=source, status=status, outputs=outputs, warnings=warnings, line=line
    )
    return result


def with_outputs(result: BatchResult, outputs: tuple[str, ...]) -> BatchResult:
    """``dataclasses.replace(result, outputs=outputs)``, copied without the frozen dataclass's
    ``__init__`` (see :func:`known_result`; 3 µs, this 0.5 µs): into one output file, every
    converted result is given the file's name as it comes back from its worker."""
    copy = object.__new__(BatchResult)
    copy.__dict__.update(result.__dict__, outputs=outputs)
    return copy


@dataclass
class Summary:
    """Counts of a run so far; final once the batch is exhausted (or stopped)."""

    converted: int = 0
    up_to_date: int = 0
    failed: int = 0
    skipped: int = 0
    warnings: int = 0
    articles: int = 0
    """Articles converted (an archive's records each count)."""
    removed: int = 0
    """Output files of earlier runs removed, as no input makes them any more."""
    not_converted: int = 0
    """Inputs never converted: the run stopped (see ``stopped``)."""
    seconds: float = 0.0
    interrupted: bool = False
    unwritten: bool = False
    """The run was interrupted before its one output file was put in place: what it converted
    was not written (the file, written whole or not at all, is as it was)."""
    stopped: str | None = None
    """Why the run stopped before its end: its output could take no more (a full disk), or
    ``--fail-fast`` at a failure."""

    def add(self, result: BatchResult) -> None:
        if result.status == "converted":
            self.converted += 1
        elif result.status == "up-to-date":
            self.up_to_date += 1
        elif result.status == "failed":
            self.failed += 1
        elif result.status == "skipped":
            self.skipped += 1
        elif result.status == "noted":
            self.skipped += result.files_skipped
        elif result.status == "not-converted":
            self.not_converted += 1
        elif result.status == "unwritten":  # (what was converted into the file is lost)
            self.failed += self.converted
            self.converted = self.articles = 0
        self.warnings += len(result.warnings)
        self.articles += result.count
        self.removed += len(result.removed)

    @property
    def inputs(self) -> int:
        return self.converted + self.up_to_date + self.failed + self.skipped + self.not_converted

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    def __str__(self) -> str:
        stopped = "interrupted: " if self.interrupted else ""
        if self.unwritten:
            stopped = "interrupted, the output file not written (it is written whole, at the end): "
        if self.stopped:
            stopped = f"stopped ({self.stopped}): "
        rate = f" ({self.articles_per_second:,.0f} articles/s)" if self.converted else ""
        unreached = f", {self.not_converted:,} not converted" if self.not_converted else ""
        removed = ""
        if self.removed:
            removed = (
                f", {self.removed:,} withdrawn output{'' if self.removed == 1 else 's'} removed"
            )
        return (
            f"{stopped}{self.converted:,} converted, {self.up_to_date:,} up to date, "
            f"{self.failed:,} failed{unreached}, {self.skipped:,} skipped, {self.warnings:,} "
            f"warning{'' if self.warnings == 1 else 's'}{removed} in {self.seconds:.2f} s{rate}"
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "converted": self.converted,
            "up_to_date": self.up_to_date,
            "failed": self.failed,
            "skipped": self.skipped,
            "warnings": self.warnings,
            "articles": self.articles,
            "removed": self.removed,
            "not_converted": self.not_converted,
            "seconds": round(self.seconds, 3),
            "interrupted": self.interrupted,
            "unwritten": self.unwritten,
            "stopped": self.stopped,
        }
