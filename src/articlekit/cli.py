"""The ``articlekit`` command: argument parsing, printing and exit codes; no conversion logic.

Exit codes: 0 done (warnings allowed), 1 bad input (or warnings with ``--fail-on-warning``), 2 bad
usage. Errors are one line, ``articlekit: error: PATH[:LINE[:COL]]: message``, with every control
character escaped; ``--debug`` adds the traceback.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, BinaryIO, NoReturn

from articlekit import __version__, _io
from articlekit._text import counted, printable

if TYPE_CHECKING:
    from articlekit.batch import BatchResult, Summary

PROG = "articlekit"


def _terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, without importing shutil (with zlib, bz2 and lzma,
    ~4 ms of a one-shot run) only to learn the width of help that is seldom printed."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    stdout = sys.__stdout__
    if columns > 0 or stdout is None:
        return columns if columns > 0 else 80
    try:
        return os.get_terminal_size(stdout.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):
        return 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, at the width argparse would choose (it makes a formatter for every
    argument it is given, and asks shutil for the width each time)."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = _terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {printable(message)}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Convert news articles between formats through one validated article model.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    # --debug is also accepted after the command ("articlekit convert x --debug").
    debug = _Parser(add_help=False)
    debug.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    convert = commands.add_parser(
        "convert",
        parents=[debug],
        help="convert articles to another format",
        description="Read each INPUT (a file, a folder, a quoted glob pattern, or - for stdin) "
        "and write it in another format. Warnings about anything skipped or lost go to stderr.",
    )
    convert.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="input file, folder, glob pattern or -"
    )
    convert.add_argument(
        "-o",
        "--output",
        metavar="OUTPUT",
        help="output file, folder (one file per article) or - for stdout (the default)",
    )
    convert.add_argument("-f", "--from", dest="source_format", metavar="FMT", help="input format")
    convert.add_argument(
        "-t", "--to", dest="target_format", metavar="FMT", help="output format (default: json)"
    )
    _option_argument(convert, "format option, passed to readers and writers (repeatable)")
    convert.add_argument(
        "--schemas",
        metavar="DIR",
        help="folder of the official IPTC schemas; XML and ninjs output is then validated "
        "against them (also: ARTICLEKIT_SCHEMAS, or schemas in [tool.articlekit])",
    )
    convert.add_argument(
        "--extract-media",
        metavar="DIR",
        help="write embedded pictures as files in DIR (the output's folder or inside it) and "
        "refer to them by relative path, instead of carrying their bytes in the output",
    )
    convert.add_argument(
        "--force",
        action="store_true",
        help="convert everything again and replace existing outputs (without it, outputs an "
        "earlier run left up to date are skipped, and files articlekit did not write are kept)",
    )
    convert.add_argument("-q", "--quiet", action="store_true", help="do not print warnings")
    convert.add_argument(
        "--fail-on-warning",
        action="store_true",
        help="exit 1 when any warning was given (printed, or with -q counted)",
    )
    convert.add_argument(
        "--fail-fast", action="store_true", help="stop at the first input that fails"
    )
    convert.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="worker processes for many inputs (default: one per CPU)",
    )
    convert.add_argument(
        "--max-bytes",
        type=int,
        default=None,
        metavar="N",
        help="refuse inputs larger than N bytes (default: documents up to 64 MiB; a JSON Lines "
        "archive any size, each record up to 64 MiB)",
    )
    convert.add_argument(
        "--follow-links",
        action="store_true",
        help="in input folders, also read links to files outside the folder and enter linked "
        "folders",
    )
    convert.add_argument(
        "--report",
        metavar="FILE",
        help="write every input's result (outputs, warnings, error) to FILE as JSON Lines, or "
        "to stdout with - (needs -o); FILE may not be an input, the output, or inside an input "
        "or output folder",
    )
    convert.add_argument(
        "--durable",
        action="store_true",
        help="sync each output file to disk as it is written (default: once for the whole run)",
    )
    convert.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on a Dask cluster: a scheduler address, or 'local' for a cluster of --jobs "
        "processes on this machine (needs articlekit[dask])",
    )

    _validate_parser(commands, debug)
    commands.add_parser("formats", help="list readers and writers")
    schema = commands.add_parser("schema", help="print the JSON Schema of canonical article JSON")
    schema.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    schema.add_argument("--force", action="store_true", help="replace an existing FILE")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """The ``articlekit`` command; its messages name its flags (``--force``), where the library
    names its arguments (``force=True``)."""
    from articlekit.errors import command_line

    with command_line():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    # Start-up is most of a one-shot conversion: pydantic plugins (observability hooks) are not
    # wanted here and looking for them costs time, and the cycle collector would only walk the
    # freshly imported modules. It is switched back on after the first input (see _convert).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _skip_plugin_lookup()
    gc.disable()
    _io.replace_closed_standard_streams()
    parser = build_parser()
    arguments = parser.parse_args(argv)
    if arguments.command is None:
        parser.print_help(sys.stderr)
        return 2
    from articlekit.errors import ArticlekitError

    try:
        if arguments.command == "convert":
            return _convert(arguments)
        if arguments.command == "validate":
            return _validate(arguments)
        if arguments.command == "formats":
            return _formats()
        return _schema(arguments)
    except ArticlekitError as error:
        _report(error, arguments.debug)
        return error.exit_code
    except KeyboardInterrupt as stop:
        return _interrupted(stop)
    except BrokenPipeError:
        return _broken_pipe()
    except OSError as error:  # the system refused to write (a full disk, a closed stdout)
        _report(_io.output_error(error), arguments.debug)
        return 1
    except Exception as error:  # a bug: still one line, traceback only on request
        _report_bug(error, arguments.debug)
        return 1


def run() -> NoReturn:
    """The ``articlekit`` command (and ``python -m articlekit``): :func:`main`, then the process
    ends without tearing the interpreter down (see :func:`_exit_now`)."""
    code = main()
    _exit_now(code)
    sys.exit(code)


def _exit_now(code: int) -> None:
    """End the process with ``code`` at once, as the interpreter would end it, but for freeing
    every module, class and validator one by one (about 5 ms, 3% of a one-shot conversion, with
    nothing left to do: every output is written and closed by then). The exit handlers run and
    then the standard streams are flushed, in that order as at a normal exit (what a handler
    prints is not lost); this returns (and leaves the exit to the interpreter, the handlers
    already run) when a stream cannot be flushed, so that the failure is reported as always, or
    when another thread still runs."""
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return
    atexit._run_exitfuncs()
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return
    os._exit(code)


PLUGINS_OFF = ("__all__", "1", "true")
"""Values of ``PYDANTIC_DISABLE_PLUGINS`` that turn every pydantic plugin off."""


def _skip_plugin_lookup() -> None:
    """pydantic's plugin loader imports ``importlib.metadata`` (15 ms, a tenth of a one-shot
    run, spent on email, zipfile and socket modules) when the first validator is built, even
    when ``PYDANTIC_DISABLE_PLUGINS`` tells it to load no plugin. With plugins off its
    ``get_plugins`` returns none before it looks, so a loader that only does that is the same
    loader without the import (``tests/test_startup.py`` checks that pydantic still asks the
    loader for nothing else)."""
    name = "pydantic.plugin._loader"
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in PLUGINS_OFF or name in sys.modules:
        return
    import types

    loader = types.ModuleType(name, "No pydantic plugins (PYDANTIC_DISABLE_PLUGINS): no lookup.")
    loader.__dict__["get_plugins"] = _no_plugins
    loader.__dict__["__getattr__"] = _real_loader_attribute
    sys.modules[name] = loader


def _real_loader_attribute(attribute: str) -> Any:
    """Whatever else a later pydantic asks of its plugin loader comes from the real one (which
    then replaces the stand-in), so a pydantic that changes its loader still works. Dunder names
    are the import system probing (``__path__``), not pydantic asking."""
    if attribute.startswith("__"):
        raise AttributeError(attribute)
    import importlib

    del sys.modules["pydantic.plugin._loader"]
    return getattr(importlib.import_module("pydantic.plugin._loader"), attribute)


def _no_plugins() -> tuple[()]:
    return ()


def _broken_pipe() -> int:
    """The reader of our standard output went away (``| head -1``): stop quietly as other Unix
    tools do, by the signal they die of, with nothing more written anywhere."""
    import signal

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # nothing more reaches the closed pipe at exit
    except (OSError, ValueError):
        pass
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGPIPE)
    print(f"{PROG}: note: the output pipe was closed early", file=sys.stderr)
    return 1


def _report(error: Exception, debug: bool) -> None:
    if debug:
        import traceback

        traceback.print_exception(error)
    print(f"{PROG}: error: {error}", file=sys.stderr)


def _report_bug(error: Exception, debug: bool) -> None:
    if debug:
        import traceback

        traceback.print_exception(error)
    message = printable(f"{type(error).__name__}: {error}")
    print(
        f"{PROG}: error: internal error ({message}); rerun with --debug and report it",
        file=sys.stderr,
    )


# --- convert ------------------------------------------------------------------------------------


def _option_argument(parser: argparse.ArgumentParser, help: str) -> None:
    """``-O KEY=VALUE``, as ``convert`` and ``validate`` take it."""
    parser.add_argument(
        "-O", "--option", action="append", default=[], metavar="KEY=VALUE", help=help
    )


def _options(pairs: list[str]) -> dict[str, str]:
    from articlekit.errors import UsageError

    options = {}
    for pair in pairs:
        key, equals, value = pair.partition("=")
        if not equals or not key:
            raise UsageError(f"--option takes KEY=VALUE, not {pair!r}")
        options[key.strip()] = value
    return options


PROGRESS_AFTER = 0.5
"""Seconds into a batch after which its progress bar appears: a shorter run (a rerun with
nothing to do) shows none, and does not list its inputs a second time to count them."""
SHOWN_ERRORS = 20
"""Errors printed in full before the rest are only counted (``--report`` keeps every one)."""
WRITE_EVERY = 0.1
"""Seconds at most between writes of the lines a batch prints (warnings, errors): those that come
meanwhile are written together (a write a line, to a pipe, was a twentieth of a rerun that
replays the warnings of 10,000 inputs)."""


class _Reporter:
    """What the user sees of a batch: warnings (unless quiet), errors (the first few, then a
    count), a progress bar with rate and ETA on a terminal, the summary line, and ``--report``."""

    def __init__(
        self,
        arguments: argparse.Namespace,
        count: Callable[[], int | None] | None,
        after: float = PROGRESS_AFTER,
    ) -> None:
        """``count``: how many results the batch gives, asked when the progress bar appears
        (``None``: no bar), ``after`` seconds into the run."""
        self.quiet = arguments.quiet
        self.debug = arguments.debug
        self.warnings = 0
        self.errors = 0
        self._archive: str | None = None
        """The archive whose record came last: a result of its own that follows (it held no
        article) is its verdict, not one more input for the bar, which counted its lines."""
        self.bar: Any = None
        self._count = count
        self._started = time.monotonic()
        self._shown_at = self._started + after
        self._lines: list[str] = []
        """Lines printed since the last write (see :data:`WRITE_EVERY`)."""
        self._written = self._started
        self._done = 0
        self.report: _io.AtomicFile | BinaryIO | None = None
        self.report_failed = False
        """The report could not be written (it is left out; the run fails)."""
        if arguments.report == "-":
            self.report = sys.stdout.buffer
        elif arguments.report:
            _started(arguments.report)
            self.report = _io.AtomicFile(arguments.report, force=True)

    def _show_bar(self, total: int | None) -> None:
        from tqdm import tqdm

        self._write()
        self._count = None
        self.bar = tqdm(
            total=total, initial=self._done, unit="input", file=sys.stderr, leave=False,
            smoothing=0.1,
        )  # fmt: skip
        self.bar.start_t -= time.monotonic() - self._started  # (its clock from the batch's start)

    def _print(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
            return
        self._lines.append(line)  # (written by the result, see WRITE_EVERY)

    def _write(self) -> None:
        """Write the lines printed since the last write, together."""
        if self._lines:
            self._lines.append("")
            sys.stderr.write("\n".join(self._lines))
            self._lines.clear()
        self._written = time.monotonic()

    def result(self, result: BatchResult) -> None:
        verdict = result.line is None and result.source == self._archive
        self._archive = result.source if result.line is not None else None
        if not verdict:
            self._done += 1
            if self.bar is not None:
                self.bar.update()
            elif self._count is not None and time.monotonic() >= self._shown_at:
                self._show_bar(self._count())
        self.warnings += len(result.warnings)
        if not self.quiet:
            for warning in result.warnings:
                self._print(str(warning))
        if result.error is not None:
            self.errors += 1
            if self.errors <= SHOWN_ERRORS or result.status == "unwritten":
                if self.debug and result.error.__traceback__ is not None:
                    import traceback

                    self._write()
                    traceback.print_exception(result.error)
                self._print(f"{PROG}: error: {result.error}")
        if self.report is not None:
            self._report_line(result.as_json())
        if self._lines and time.monotonic() - self._written >= WRITE_EVERY:
            self._write()  # (at once after a quiet spell; in a burst, by a result after it)

    def _report_line(self, record: dict[str, Any]) -> None:
        """One line of ``--report``, if there is one."""
        if self.report is None:
            return
        from articlekit.errors import OutputError

        try:
            self.report.write(_json_line(record))
        except OutputError as error:  # (a full disk: no report, said; the run goes on)
            self.report = None
            self.report_failed = True
            self._print(f"{PROG}: error: {error}; no report written")

    def finish(self, summary: Summary, batch: bool, summarised: bool = True) -> None:
        """End the run's output: errors not shown, the summary line, and the report, whose last
        line is the summary (``summarised``; not when an error ends the command: it says why)."""
        if summarised:
            self._report_line({"summary": summary.as_json()})
        if isinstance(self.report, _io.AtomicFile):  # (first: it depends on no terminal)
            from articlekit.errors import OutputError

            try:
                self.report.commit()
            except OutputError as error:  # (a full disk at the last lines: said, no report)
                self.report_failed = True
                self._print(f"{PROG}: error: {error}; no report written")
        elif self.report is not None:
            self.report.flush()
        self._write()
        if self.bar is not None:
            self.bar.close()
        hidden = self.errors - SHOWN_ERRORS
        if hidden > 0:
            more = "; --report FILE lists every one" if self.report is None else ""
            print(f"{PROG}: error: … and {hidden:,} more errors not shown{more}", file=sys.stderr)
        if (batch and not self.quiet) or summary.interrupted or summary.stopped:
            print(f"{PROG}: {summary}", file=sys.stderr)


def _started(report: str) -> None:
    """Replace an earlier run's report at once by a line saying this run started: a run killed
    before its end, which puts its report in place, left the earlier one, ending "interrupted":
    false. A disk too full for that line is left without the earlier report (and the run goes
    on: its report is said to be unwritten at the end, if it is)."""
    import stat

    from articlekit.errors import OutputError

    try:
        _io.write_atomic(report, [_json_line({"started": {"pid": os.getpid()}})], force=True)
    except OutputError:
        with contextlib.suppress(OSError):
            if stat.S_ISREG(os.lstat(report).st_mode):
                os.unlink(report)


_FILE_FIELDS = ("source", "outputs", "removed")
"""The fields of a report's line that name files: one that is not UTF-8 gets a ``_bytes`` twin."""


def _json_line(record: dict[str, Any]) -> bytes:
    """A line of ``--report``, UTF-8 JSON. A file name that is not UTF-8 (Python holds its
    undecodable bytes as lone surrogates, which a JSON reader other than Python's refuses or
    mangles) reads with U+FFFD for those bytes, and its bytes, percent-encoded, are in a twin
    field (``source_bytes``: ``caf%E9.txt``), so that a program can still open the file."""
    import json

    line = json.dumps(record, ensure_ascii=False) + "\n"
    try:
        return line.encode("utf-8")
    except UnicodeEncodeError:
        pass
    import re

    twins = {}
    for key in _FILE_FIELDS:
        value = record.get(key)
        names = [value] if isinstance(value, str) else value
        if isinstance(names, list | tuple) and any(_undecodable(name) for name in names):
            encoded = [_percent_encoded(name) for name in names]
            twins[f"{key}_bytes"] = encoded[0] if isinstance(value, str) else encoded
    line = json.dumps({**record, **twins}, ensure_ascii=False) + "\n"
    return re.sub("[\ud800-\udfff]", "\ufffd", line).encode("utf-8")


def _undecodable(name: object) -> bool:
    return isinstance(name, str) and any("\ud800" <= character <= "\udfff" for character in name)


def _percent_encoded(name: str) -> str:
    """A file name's bytes, as a URL encodes them (each byte not ASCII as %XX)."""
    from urllib.parse import quote

    return quote(os.fsencode(name), safe="/")


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled as Ctrl-C is: work in flight finishes, the worker processes end, the
    summary is printed."""


def _terminate(signum: int, frame: Any) -> None:
    raise Terminated


def _stop_cleanly_on_sigterm() -> None:
    """SIGTERM (``kill``, ``timeout``, systemd) stops the command as Ctrl-C does, rather than
    killing this process alone in the middle of its work."""
    import signal

    signal.signal(signal.SIGTERM, _terminate)


def _note_jobs_capped(jobs: int | None) -> None:
    """Say once that ``-j`` asked for more worker processes than there are CPUs to run them:
    the run starts one per CPU (see :func:`articlekit._parallel.worker_count`)."""
    from articlekit._parallel import available_cpus

    cpus = available_cpus()
    if jobs is not None and jobs > cpus:
        print(
            f"{PROG}: note: -j {jobs}: {counted(cpus, 'worker process', 'worker processes')}, "
            f"one per CPU available",
            file=sys.stderr,
        )


def _interrupted(stop: KeyboardInterrupt) -> int:
    """The exit status of a command stopped by Ctrl-C or SIGTERM: 128 + the signal, as a shell
    reports a process killed by it."""
    import signal

    return 128 + (signal.SIGTERM if isinstance(stop, Terminated) else signal.SIGINT)


def _convert(arguments: argparse.Namespace) -> int:
    from articlekit._parallel import interrupt_holder, interrupts_held
    from articlekit.batch import Batch
    from articlekit.batch.inputs import is_glob
    from articlekit.errors import UsageError

    options = _options(arguments.option)
    if arguments.schemas:
        options["schemas"] = arguments.schemas
    output = "-" if arguments.output is None else arguments.output
    batch = Batch(
        arguments.inputs,
        output,
        to=arguments.target_format,
        source_format=arguments.source_format,
        options=options,
        jobs=arguments.jobs,
        force=arguments.force,
        fail_fast=arguments.fail_fast,
        max_bytes=arguments.max_bytes,
        extract_media=arguments.extract_media,
        follow_links=arguments.follow_links,
        durable=arguments.durable,
        scheduler=arguments.scheduler,
    )
    if batch.mode == "stdout" and sys.stdout.isatty():
        from articlekit.registry import get_writer

        if getattr(get_writer(batch.writer_name), "binary", False):
            raise UsageError(f"{batch.writer_name} output is binary; give an output file with -o")
    if arguments.report:
        batch.check_report(arguments.report)
    many = len(arguments.inputs) > 1 or any(
        os.path.isdir(name) or is_glob(name) for name in arguments.inputs
    )
    progress = many and not arguments.quiet and sys.stderr.isatty()
    reporter = _Reporter(arguments, batch.count if progress else None)
    _stop_cleanly_on_sigterm()
    if not arguments.quiet:
        _note_jobs_capped(arguments.jobs)
    interrupted: KeyboardInterrupt | None = None
    unreported = None  # (a result the run has counted, until the report has it whole)
    try:
        with interrupt_holder() as holder:
            for result in batch:
                unreported = result
                with holder:  # (a Ctrl-C while it is said waits: said once, whole)
                    reporter.result(result)
                    unreported = None
                if not gc.isenabled():
                    gc.freeze()  # the imported modules are permanent; collect only what follows
                    gc.enable()
    except KeyboardInterrupt as stop:
        interrupted = stop
    except BaseException:
        reporter.finish(batch.summary, False, summarised=False)  # the error says it all
        raise
    if interrupted is not None:
        with interrupts_held():  # (a second Ctrl-C: the stop and the summary go on)
            batch.close()  # (stopped while a result was reported: the run records and times it)
            if unreported is not None:  # (stopped as it came: it is reported all the same)
                reporter.result(unreported)
            for result in batch.after_stop:  # (the work in flight finished: said and reported)
                reporter.result(result)
            reporter.finish(batch.summary, True)
        return _interrupted(interrupted)
    # (a batch: several inputs given, or found in a folder, a pattern or an archive's records)
    reporter.finish(batch.summary, many or batch.summary.inputs > 1)
    if batch.summary.failed or batch.summary.not_converted or reporter.report_failed:
        return 1
    if arguments.fail_on_warning and reporter.warnings:
        return 1
    return 0


# --- validate -----------------------------------------------------------------------------------


def _validate_parser(commands: Any, debug: argparse.ArgumentParser) -> None:
    validate = commands.add_parser(
        "validate",
        parents=[debug],
        help="check article files against rules (exit 1 on problems; for pre-commit and CI)",
        description="Read each PATH (a file or a folder) and check its articles against rules with "
        "stable codes (AK001 ...). Prints one line per problem, PATH:LINE:COL: CODE message, "
        "then a summary; exits 0 when every file passes, 1 otherwise. Settings come from "
        "[tool.articlekit] in the nearest pyproject.toml above each file.",
    )
    validate.add_argument("paths", nargs="*", metavar="PATH", help="file or folder to check")
    validate.add_argument(
        "--format",
        dest="output_format",
        choices=("text", "json"),
        default="text",
        help="output for people (default) or a JSON document for machines",
    )
    validate.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="run only these rules (AK001,AK002 or ALL)",
    )
    validate.add_argument(
        "--ignore", action="append", default=[], metavar="CODES", help="skip these rules"
    )
    validate.add_argument(
        "--schemas",
        metavar="DIR",
        help="folder of the official IPTC schemas for AK011 (also: ARTICLEKIT_SCHEMAS, or "
        "schemas in [tool.articlekit]); without one AK011 is skipped with a notice",
    )
    validate.add_argument("-f", "--from", dest="source_format", metavar="FMT", help="input format")
    _option_argument(
        validate, "reader option, as convert takes it: timezone=Europe/Oslo (repeatable)"
    )
    validate.add_argument(
        "-j", "--jobs", type=int, default=None, metavar="N", help="worker processes (default: CPUs)"
    )
    validate.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    validate.add_argument(
        "-q", "--quiet", action="store_true", help="print the problems only (no notes, no summary)"
    )
    validate.add_argument(
        "--max-bytes", type=int, default=None, metavar="N", help="refuse files larger than N bytes"
    )


def _validate(arguments: argparse.Namespace) -> int:
    from articlekit import registry, validate
    from articlekit.errors import UsageError

    if arguments.list_rules:
        for rule in validate.RULES.values():
            print(f"{rule.code}  {rule.name:<22} {rule.summary.replace('``', '')}")
        return 0
    _io.check_max_bytes(arguments.max_bytes)
    if not arguments.paths:
        raise UsageError("give at least one file or folder to validate")
    if arguments.source_format:
        registry.get_reader(arguments.source_format)
    if arguments.jobs is not None and arguments.jobs < 1:
        raise UsageError("--jobs takes a number of processes, 1 or more")
    reader_options = _options(arguments.option)
    if reader_options:
        from articlekit.batch.engine import check_options

        check_options(reader_options, None, arguments.source_format, reading_only=True)
    _stop_cleanly_on_sigterm()  # as convert: no worker process is left behind
    options = validate.Options(
        select=validate.parse_selection(arguments.select, "--select")
        if arguments.select is not None
        else None,
        ignore=validate.parse_codes(arguments.ignore, "--ignore"),
        schemas=arguments.schemas or reader_options.get("schemas"),
        source_format=arguments.source_format,
        max_bytes=arguments.max_bytes or _io.DEFAULT_MAX_BYTES,
        reader_options=tuple(reader_options.items()),
    )
    from articlekit.batch.inputs import Rejected, expand

    paths: list[str] = []
    unreadable: dict[str, validate.FileReport] = {}
    folders_with_nothing = 0
    errors: list[str] = []  # (a folder that gave nothing to check)
    notices: list[str] = []
    for entry in expand(arguments.paths, source_format=arguments.source_format, every_file=False):
        if isinstance(entry, Rejected):
            if entry.error is not None and entry.about_folder:  # as convert: an error, exit 1
                if arguments.output_format != "json":
                    print(f"{PROG}: error: {entry.error}", file=sys.stderr)
                errors.append(str(entry.error))
                folders_with_nothing += 1
            elif entry.error is not None:  # a pipe could block
                problem = validate.Problem(entry.source, "AK001", entry.error.message)
                unreadable[entry.source] = validate.FileReport(entry.source, [problem])
                paths.append(entry.source)
            elif entry.warning is not None and entry.about_folder:  # (files left out, counted)
                notices.append(f"{entry.warning.path}: {entry.warning.message}")
            elif entry.warning is not None and entry.warning.code == "input-link-skipped":
                notices.append(_link_not_checked(entry.source))
        elif entry.path is not None:
            paths.append(entry.path)
    readable = [path for path in paths if path not in unreadable]
    checked = iter(validate.check_files(readable, options, arguments.jobs))
    reports = [unreadable[path] if path in unreadable else next(checked) for path in paths]
    problems = [problem for report in reports for problem in report.problems]
    failed = sum(1 for report in reports if report.problems)
    skipped: dict[str, int] = {}
    for report in reports:
        if report.schema_skipped:
            skipped[report.schema_skipped] = skipped.get(report.schema_skipped, 0) + 1
    if skipped:  # one short line for the run, however many files
        notices.append(
            "AK011 skipped for "
            + ", ".join(
                f"{count} file{'s' if count > 1 else ''} ({reason})"
                for reason, count in skipped.items()
            )
        )
    if not paths and not folders_with_nothing:  # (an empty folder's error says so)
        notices.append("no files to check")
    if arguments.output_format == "json":
        import json

        summary = {"files": len(paths), "failed": failed, "problems": len(problems)}
        document = {
            "summary": {**summary, "folders_with_nothing": folders_with_nothing},
            "problems": [problem.as_json() for problem in problems],
            "errors": errors,
            "notices": notices,
        }
        text = json.dumps(document, indent=2, ensure_ascii=False)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # a file name that is not UTF-8: \u-escape, keep JSON valid
            text = json.dumps(document, indent=2)
        print(text)
    else:
        for problem in problems:
            print(problem)
        if not arguments.quiet:
            for notice in notices:
                print(f"{PROG}: note: {notice}", file=sys.stderr)
            if problems:
                print(
                    f"Found {counted(len(problems), 'problem')} in {failed} of"
                    f" {counted(len(paths), 'file')}."
                )
            elif paths:
                print(f"All {len(paths)} files passed." if len(paths) > 1 else "1 file passed.")
            if folders_with_nothing:
                print(f"{counted(folders_with_nothing, 'folder')} held nothing to validate.")
    return 1 if problems or folders_with_nothing else 0


def _link_not_checked(path: str) -> str:
    """What ``validate`` says of a link in a folder that ``convert`` skips too (with an
    ``input-link-skipped`` warning): validate has no ``--follow-links``, but reads a link named
    on the command line."""
    if os.path.isdir(path):
        return f"{path}: a link to a folder; not entered (name it to check it)"
    real = os.path.realpath(path)
    return f"{path}: a link to {real}, outside the folder; not checked (name it to check it)"


# --- formats, schema ----------------------------------------------------------------------------


def _formats() -> int:
    from articlekit import registry

    for kind in ("reader", "writer"):
        print(f"{kind}s:")
        for info in registry.formats(kind).values():
            try:
                description = registry.describe(info)
                extensions = " ".join(registry.extensions_of(info))
            except Exception as error:  # a broken plugin is listed, not fatal
                description, extensions = f"(cannot be loaded: {error})", ""
            print(printable(f"  {info.name:<10} {description}  {extensions}".rstrip()))
        for refused in registry.refused_plugins(kind):
            print(printable(f"  ignored: {refused}"))
    return 0


def _schema(arguments: argparse.Namespace) -> int:
    import json

    from articlekit.model import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if arguments.output in (None, "-"):
        sys.stdout.write(text)
    else:
        _io.write_atomic(arguments.output, [text.encode("utf-8")], force=arguments.force)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
