"""The ``articlekit`` command: argument parsing, printing and exit codes; no conversion logic.

Exit codes: 0 done (warnings allowed), 1 bad input (or warnings with ``--fail-on-warning``), 2 bad
usage. Errors are one line, ``articlekit: error: PATH[:LINE[:COL]]: message``, with every control
character escaped; ``--debug`` adds the traceback.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn, TypeVar, cast

from articlekit import __version__, _io
from articlekit._text import printable

if TYPE_CHECKING:
    from articlekit.diagnostics import Diagnostic
    from articlekit.errors import ArticlekitError

T = TypeVar("T")

PROG = "articlekit"


class _Parser(argparse.ArgumentParser):
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
        description="Read each INPUT (a file, a folder, or - for stdin) and write it in another "
        "format. Warnings about anything skipped or lost go to stderr.",
    )
    convert.add_argument("inputs", nargs="+", metavar="INPUT", help="input file, folder or -")
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
    convert.add_argument(
        "-O",
        "--option",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="format option, passed to readers and writers (repeatable)",
    )
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
    convert.add_argument("--force", action="store_true", help="replace existing output files")
    convert.add_argument("-q", "--quiet", action="store_true", help="do not print warnings")
    convert.add_argument(
        "--fail-on-warning", action="store_true", help="exit 1 when any warning was printed"
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
        help="refuse inputs larger than N bytes (default: 64 MiB)",
    )

    _validate_parser(commands, debug)
    commands.add_parser("formats", help="list readers and writers")
    schema = commands.add_parser("schema", help="print the JSON Schema of canonical article JSON")
    schema.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    schema.add_argument("--force", action="store_true", help="replace an existing FILE")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Start-up is most of a one-shot conversion: pydantic plugins (observability hooks) are not
    # wanted here and looking for them costs time, and the cycle collector would only walk the
    # freshly imported modules. It is switched back on after the first input (see _convert).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
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
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 1
    except OSError as error:  # the system refused to write (a full disk, a closed stdout)
        _report(_io.output_error(error), arguments.debug)
        return 1
    except Exception as error:  # a bug: still one line, traceback only on request
        _report_bug(error, arguments.debug)
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


def _options(pairs: list[str]) -> dict[str, str]:
    from articlekit.errors import UsageError

    options = {}
    for pair in pairs:
        key, equals, value = pair.partition("=")
        if not equals or not key:
            raise UsageError(f"--option takes KEY=VALUE, not {pair!r}")
        options[key.strip()] = value
    if options:
        from articlekit.registry import known_options

        known = known_options()  # None: a third-party format takes options it does not list
        unknown = sorted(set(options) - known) if known is not None else []
        if known is not None and unknown:
            raise UsageError(f"unknown option {unknown[0]!r} (known: {', '.join(sorted(known))})")
    return options


def _expand(inputs: list[str], source_format: str | None) -> Iterator[str]:
    """Input paths (folders give their files; see :func:`_expand_with_roots`)."""
    for name, _ in _expand_with_roots(inputs, source_format):
        yield name


def _expand_with_roots(inputs: list[str], source_format: str | None) -> Iterator[tuple[str, str]]:
    """Input paths, each with its path relative to the folder it was found in.

    A folder gives its files (sorted, hidden ones skipped) whose extension some reader claims:
    only ``--from``'s extensions when given, so stray files are not taken for articles.
    """
    from articlekit import registry

    extensions: tuple[str, ...] | None = None
    for name in inputs:
        path = Path(name)
        if name == "-" or not path.is_dir():
            yield name, "stdin" if name == "-" else path.name
            continue
        if extensions is None:
            infos = registry.formats("reader")
            chosen = [infos[source_format]] if source_format in infos else list(infos.values())
            extensions = tuple(
                extension.lower() for info in chosen for extension in _safe_extensions(info)
            )
        yield from _folder_inputs(path, extensions)


def _folder_inputs(folder: Path, extensions: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """The article files below ``folder``, sorted; a sub-folder that cannot be listed is given
    as an input too, so that it is reported rather than silently skipped."""
    found: list[Path] = []

    def unreadable(error: OSError) -> None:
        found.append(Path(error.filename))

    for root, folders, files in os.walk(folder, onerror=unreadable):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found.extend(
            Path(root, name)
            for name in files
            if not name.startswith(".")
            and name.lower().endswith(extensions)
            and Path(root, name).is_file()  # not a pipe or device, which could block a read
        )
    for child in sorted(found):
        yield str(child), str(child.relative_to(folder))


def _safe_extensions(info: Any) -> tuple[str, ...]:
    from articlekit import registry
    from articlekit.errors import UsageError

    try:
        return registry.extensions_of(info)
    except UsageError:
        return ()


class _Printer:
    """Prints warnings (unless quiet) and errors, counts warnings, and shows progress over many
    inputs on a terminal (tqdm, when installed)."""

    def __init__(self, quiet: bool, progress: bool = False) -> None:
        self.quiet = quiet
        self.count = 0
        self.show_progress = progress and not quiet and sys.stderr.isatty()
        self.bar: Any = None

    def track(self, items: Iterable[T], total: int) -> Iterable[T]:
        if not self.show_progress:
            return items
        try:
            from tqdm import tqdm
        except ImportError:
            return items
        self.bar = tqdm(items, total=total, unit="file", file=sys.stderr, leave=False)
        return cast("Iterable[T]", self.bar)

    def _print(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr)

    def warnings(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.count += len(diagnostics)
        if not self.quiet:
            for diagnostic in diagnostics:
                self._print(str(diagnostic))

    def error(self, error: Exception, debug: bool) -> None:
        if debug:
            import traceback

            traceback.print_exception(error)
        self._print(f"{PROG}: error: {error}")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _convert(arguments: argparse.Namespace) -> int:
    from articlekit import detect, registry
    from articlekit.errors import ArticlekitError, UsageError

    options = _options(arguments.option)
    if arguments.schemas:
        options["schemas"] = arguments.schemas
    if arguments.jobs is not None and arguments.jobs < 1:
        raise UsageError("--jobs takes a number of processes, 1 or more")
    _check_max_bytes(arguments.max_bytes)
    inputs = list(_expand_with_roots(arguments.inputs, arguments.source_format))
    output = arguments.output
    if [name for name, _ in inputs].count("-") > 1:
        raise UsageError("standard input can be read only once")
    writer_name = detect.writer_for(
        None if output in (None, "-") or _is_folder(output) else output, arguments.target_format
    )
    writer = registry.get_writer(writer_name)
    if output == "":
        raise UsageError("-o takes a file, a folder (DIR/) or - for stdout, not an empty name")
    if output not in (None, "-") and not _is_folder(output):
        for name, _ in inputs:
            if _io.same_file(name, output) if name != "-" else _io.is_standard_input(output):
                raise UsageError("output is an input file; refusing to overwrite it", path=output)
    if output in (None, "-") and getattr(writer, "binary", False) and sys.stdout.isatty():
        raise UsageError(f"{writer_name} output is binary; give an output file with -o")
    if len(inputs) > 1 and not _is_folder(output) and not getattr(writer, "concatenable", False):
        raise UsageError(
            f"{len(inputs)} inputs need an output format that holds several articles "
            "(--to jsonl) or an output folder (-o DIR/)"
        )
    job = _ConvertJob(
        arguments.source_format,
        writer_name,
        options,
        arguments.max_bytes or _io.DEFAULT_MAX_BYTES,
        registry.formats("writer")[writer_name].extensions,
        output if _is_folder(output) else None,
        None if output in (None, "-") or _is_folder(output) else output,
        arguments.extract_media,
    )
    printer = _Printer(arguments.quiet, progress=len(inputs) > 1)
    delivery = _Delivery(arguments, writer_name, writer, printer, [name for name, _ in inputs])
    failures = 0
    finished = False
    try:
        for (name, _), outcome in printer.track(job.run(inputs, arguments.jobs), len(inputs)):
            if isinstance(outcome, ArticlekitError):
                if isinstance(outcome, UsageError):
                    raise outcome
                failures += 1
                printer.error(outcome, arguments.debug)
                if len(inputs) == 1:
                    return outcome.exit_code
                continue
            try:
                delivery.deliver(name, outcome)
            except UsageError:
                raise
            except ArticlekitError as error:  # this input's output could not be written
                failures += 1
                printer.error(error, arguments.debug)
                if len(inputs) == 1:
                    return error.exit_code
            if not gc.isenabled():
                gc.freeze()  # the imported modules are permanent; collect only what follows
                gc.enable()
        delivery.finish()
        finished = True
    finally:
        printer.close()
        if not finished:
            delivery.abandon()
    if failures:
        return 1
    if arguments.fail_on_warning and printer.count:
        return 1
    return 0


MAX_MAX_BYTES = 1 << 40
"""1 TiB: more than any article file, less than what a read size may be."""


def _check_max_bytes(value: int | None) -> None:
    from articlekit.errors import UsageError

    if value is not None and not 1 <= value <= MAX_MAX_BYTES:
        raise UsageError(f"--max-bytes takes a size in bytes, from 1 to {MAX_MAX_BYTES}")


def _is_folder(output: str | None) -> bool:
    if not output:
        return False
    return output.endswith(("/", os.sep)) or Path(output).is_dir()


class _Output(NamedTuple):
    """One converted article: where it goes (in folder mode), its bytes and its warnings."""

    target: str | None
    data: bytes
    warnings: tuple[Diagnostic, ...]


class _ConvertJob(NamedTuple):
    """Reading and writing, without delivery: the part that runs in worker processes."""

    source_format: str | None
    writer_name: str
    options: dict[str, str]
    max_bytes: int
    extensions: tuple[str, ...]
    folder: str | None
    output: str | None
    """The output file (not a folder), named in the writer's warnings."""
    extract_media: str | None = None
    """The folder embedded pictures are written to (``--extract-media``), if any."""

    def run(
        self, inputs: list[tuple[str, str]], jobs: int | None
    ) -> Iterator[tuple[tuple[str, str], list[_Output] | ArticlekitError]]:
        """Each input with its outputs (or its error), in input order, lazily."""
        if len(inputs) == 1 and not self.folder:  # stream: big JSON Lines are never held whole
            yield inputs[0], self.outputs(*inputs[0])
            return
        if len(inputs) == 1:  # into a folder: all of the input's files, or none of them
            yield inputs[0], _convert_one((self, *inputs[0]))
            return
        from articlekit._parallel import ordered_map

        work = ((self, name, root) for name, root in inputs)
        results = ordered_map(_convert_one, work, jobs=jobs, count=len(inputs), minimum=32)
        yield from zip(inputs, results, strict=True)

    def outputs(self, name: str, relative: str) -> Any:
        """The outputs of one input, as a generator (errors raise on iteration)."""
        from articlekit.api import read_all
        from articlekit.errors import ArticlekitError
        from articlekit.registry import Context, get_writer

        writer = get_writer(self.writer_name)
        results = read_all(
            name, format=self.source_format, options=self.options, max_bytes=self.max_bytes
        )
        for index, result in enumerate(results, start=1):
            target = self.target(relative, index) if self.folder else None
            context = Context(path=target or self.output or "-", options=self.options)
            article = result.value
            try:
                if self.extract_media is not None:
                    from articlekit import media

                    where = os.path.dirname(target or self.output or "") or "."
                    article = media.extract(article, self.extract_media, where)
                data = writer.write(article, context)
            except ArticlekitError as error:  # a writer's refusal is about this input
                raise error.located(name) from None
            yield _Output(target, data, (*result.warnings, *context.warnings))

    def target(self, relative: str, index: int) -> str:
        """The output path in folder mode: the input's path below its root, new extension."""
        extension = next(iter(self.extensions), ".out")
        path = Path(relative)
        stem = path.name[: -len(path.suffix)] if path.suffix else path.name
        name = f"{stem}{extension}" if index == 1 else f"{stem}-{index}{extension}"
        return str(Path(self.folder or ".") / path.parent / name)


def _convert_one(work: tuple[_ConvertJob, str, str]) -> list[_Output] | ArticlekitError:
    """Worker entry point: all outputs of one input, or its error as a value (a bug in a reader
    is this file's error too: the other files of the batch still get converted)."""
    from articlekit.errors import ArticlekitError, InputError

    job, name, relative = work
    try:
        return list(job.outputs(name, relative))
    except ArticlekitError as error:
        return error
    except Exception as error:
        message = printable(f"{type(error).__name__}: {error}")
        return InputError(f"internal error ({message}); please report it", path=name)


class _Delivery:
    """Sends outputs to stdout, one output file, or files in a folder."""

    def __init__(
        self,
        arguments: argparse.Namespace,
        writer_name: str,
        writer: Any,
        printer: _Printer,
        inputs: list[str],
    ) -> None:
        self.arguments = arguments
        self.inputs = {os.path.realpath(name) for name in inputs if name != "-"}
        """Every input of the run: none may be replaced by an output, read yet or not."""
        self.writer_name = writer_name
        self.concatenable = getattr(writer, "concatenable", False)
        self.printer = printer
        self.output: str | None = arguments.output
        self.written = 0
        self.targets: set[str] = set()
        self.held: bytes | None = None
        """A single-article format's output to stdout, held until the input is read to its end,
        so that an input that turns out to hold several articles leaves no partial output."""
        self.file: _io.AtomicFile | None = None
        if self.output not in (None, "-") and not _is_folder(self.output):
            self.file = _io.AtomicFile(self.output, force=arguments.force)

    def deliver(self, name: str, outputs: Iterable[_Output]) -> None:
        from articlekit.errors import OutputError, UsageError

        for output in outputs:
            self.printer.warnings(output.warnings)
            if output.target is not None:
                target = self._free(output.target, name)
                if os.path.realpath(target) in self.inputs:
                    raise OutputError("would replace an input file; not written", path=target)
                if os.path.lexists(target) and not self.arguments.force:
                    raise OutputError("output exists; use --force to replace it", path=target)
                try:
                    Path(target).parent.mkdir(parents=True, exist_ok=True)
                except OSError as error:
                    raise OutputError(
                        f"cannot make its folder: {error.strerror or error}", path=target
                    ) from None
                _io.write_atomic(target, [output.data], force=self.arguments.force)
            elif self.written and not self.concatenable:
                raise UsageError(
                    f"the input holds several articles and {self.writer_name} holds one a file; "
                    "give a folder with -o, or use --to jsonl",
                    path=name,
                )
            elif self.file is not None:
                self.file.write(output.data)
            elif not self.concatenable:
                self.held = output.data
            else:
                sys.stdout.buffer.write(output.data)
                sys.stdout.buffer.flush()
            self.written += 1

    def _free(self, target: str, name: str) -> str:
        """``target``, or a variant naming the input's extension when an earlier input of this run
        took it (``story.txt`` and ``story.xml`` become ``story.json`` and ``story.xml.json``)."""
        candidate = target
        if candidate in self.targets:
            folder, file = os.path.split(target)
            suffix = Path(name).suffix.lstrip(".")
            stem, dot, extension = file.partition(".")
            candidate = os.path.join(folder, f"{stem}.{suffix}.{extension}" if suffix else file)
            number = 2
            while candidate in self.targets:
                candidate = os.path.join(folder, f"{stem}-{number}{dot}{extension}")
                number += 1
        self.targets.add(candidate)
        return candidate

    def finish(self) -> None:
        """Put the output file in place, or leave none when no article was converted."""
        if self.held is not None:
            sys.stdout.buffer.write(self.held)
            sys.stdout.buffer.flush()
        if self.file is not None:
            if self.written:
                self.file.commit()
            else:
                self.file.discard()

    def abandon(self) -> None:
        if self.file is not None:
            self.file.discard()


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
    validate.add_argument(
        "-j", "--jobs", type=int, default=None, metavar="N", help="worker processes (default: CPUs)"
    )
    validate.add_argument("--list-rules", action="store_true", help="list the rules and exit")
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
    _check_max_bytes(arguments.max_bytes)
    if not arguments.paths:
        raise UsageError("give at least one file or folder to validate")
    if arguments.source_format:
        registry.get_reader(arguments.source_format)
    if arguments.jobs is not None and arguments.jobs < 1:
        raise UsageError("--jobs takes a number of processes, 1 or more")
    options = validate.Options(
        select=validate.parse_selection(arguments.select, "--select")
        if arguments.select is not None
        else None,
        ignore=validate.parse_codes(arguments.ignore, "--ignore"),
        schemas=arguments.schemas,
        source_format=arguments.source_format,
        max_bytes=arguments.max_bytes or _io.DEFAULT_MAX_BYTES,
    )
    paths = list(_expand(arguments.paths, arguments.source_format))
    reports = validate.check_files(paths, options, arguments.jobs)
    problems = [problem for report in reports for problem in report.problems]
    failed = sum(1 for report in reports if report.problems)
    skipped = sum(1 for report in reports if report.schema_skipped)
    notices = []
    if skipped:
        notices.append(
            f"AK011 (IPTC schema validity) not checked for {skipped} file(s): no schema folder "
            "with their schema (give --schemas DIR, set ARTICLEKIT_SCHEMAS, or schemas in "
            "[tool.articlekit]; see the README for where to get the IPTC schemas), or a kind of "
            "file the schema cannot judge (NITF without its namespace follows the DTD)"
        )
    if not paths:
        notices.append("no files to check")
    if arguments.output_format == "json":
        import json

        document = {
            "summary": {"files": len(paths), "failed": failed, "problems": len(problems)},
            "problems": [problem.as_json() for problem in problems],
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
        for notice in notices:
            print(f"{PROG}: note: {notice}", file=sys.stderr)
        if problems:
            print(f"Found {len(problems)} problem(s) in {failed} of {len(paths)} file(s).")
        else:
            print(f"All {len(paths)} file(s) passed.")
    return 1 if problems else 0


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
