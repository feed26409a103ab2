"""What a batch reads: files, folders, glob patterns, standard input, or ``(name, bytes)`` pairs.

Folders are walked lazily, depth first, each folder's entries in name order (the order of sorted
paths), so a folder of any size is never listed whole into memory beyond one folder's names.
Inside a folder:

* hidden files and folders (``.name``) are skipped, and so is what the run itself writes: its
  output folder, its output file and their bookkeeping (see :class:`Exclusions`), and what an
  earlier run wrote: a sub-folder holding the record of an output folder, a file beside the
  record of an output file (see :func:`_listing`);
* a file is an input when a reader claims its extension, or always with an explicit reader format
  (``--from``); the others are counted and reported once per folder, and a folder that gives no
  input at all is an error, not a silent success;
* a symbolic link is read only when it stays inside the folder; a link that leads out of it, and a
  link to a folder, are skipped with an ``input-link-skipped`` warning unless ``follow_links``;
* a dangling link, a named pipe, a socket or a device is an error for that entry (reading a pipe
  could block forever), never silently skipped; a sub-folder that cannot be listed too.

A file named on the command line (or in the API call) is read wherever it is, links followed.
"""

from __future__ import annotations

import errno
import os
import stat
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from articlekit._text import counted
from articlekit.diagnostics import Diagnostic
from articlekit.errors import ArticlekitError, InputError, setting

STDIN = "-"

BatchInput = str | os.PathLike[str] | tuple[str, bytes]
"""A path (file, folder, glob pattern, ``-``), or a name with the bytes of one document."""


@dataclass(frozen=True, slots=True)
class Input:
    """One document to convert."""

    source: str
    """How messages name it: the path as found, ``-``, or the name given with its bytes."""
    relative: str
    """Its path below the folder it was found in (the name alone for files given directly): an
    output folder mirrors this."""
    path: str | None = None
    """The file to read (``-``: standard input); ``None`` when :attr:`data` holds the bytes."""
    data: bytes | None = None
    size: int | None = None
    """Size and modification time when it was found (the resume check compares them)."""
    mtime_ns: int | None = None
    line: int | None = None
    """For one record of an archive (JSON Lines): its line, and :attr:`index` its number among
    the archive's records."""
    index: int = 1

    def __reduce__(self) -> tuple[type[Input], tuple[object, ...]]:
        # Sent to worker processes by the thousand: see Diagnostic.__reduce__.
        fields = (self.source, self.relative, self.path, self.data, self.size, self.mtime_ns)
        return Input, (*fields, self.line, self.index)


@dataclass(frozen=True, slots=True)
class Rejected:
    """A folder entry that is not converted: skipped with a warning, or an error."""

    source: str
    warning: Diagnostic | None = None
    error: ArticlekitError | None = None
    about_folder: bool = False
    """A note about an input folder (files no reader claims), not about one entry."""
    files_skipped: int = 0
    """For a note about a folder: the files it skipped, which no reader claims."""


Entry = Input | Rejected
Claim = tuple[str, ...] | None
"""File name endings that make a folder entry an input (lower case); ``None``: every file."""


@dataclass
class Exclusions:
    """What a run writes itself, so that it is never read back as input."""

    folders: set[str] = field(default_factory=set)
    """Real paths of folders not to enter (the output folder)."""
    files: set[tuple[int, int]] = field(default_factory=set)
    """Device and inode of files not to read (the output file and its bookkeeping)."""
    output_folder: str | None = None
    """The real path of the output folder, when earlier runs' outputs there are known ..."""
    produced: Callable[[str], bool] | None = None
    """... to this test of a path relative to it (an output folder that is also an input)."""


def _follow_links() -> str:
    """How messages name the setting that follows links out of a folder."""
    return setting("--follow-links", "follow_links=True")


def claimed_extensions(source_format: str | None, *, every_file: bool = True) -> Claim:
    """The file name endings that make a folder entry an input: those some reader claims, or,
    with an explicit reader format, every file (``None``; it reads whatever it is given) or, when
    not ``every_file``, that format's own (what ``validate --from`` checks)."""
    if source_format and every_file:
        return None
    from articlekit import registry
    from articlekit.errors import UsageError

    found: list[str] = []
    for info in registry.formats("reader").values():
        if source_format and info.name != source_format:
            continue
        try:
            found.extend(extension.lower() for extension in registry.extensions_of(info))
        except UsageError:  # a broken plugin: `articlekit formats` reports it
            continue
    return tuple(found)


def is_glob(name: str) -> bool:
    """Whether a name given as an input is a glob pattern (no file of that name exists)."""
    return any(char in name for char in "*?[") and not os.path.lexists(name)


def _safe_relative(name: str) -> str:
    """A given name as a relative path that stays below an output folder."""
    parts = [
        part
        for part in PurePosixPath(name.replace("\\", "/")).parts
        if part not in ("/", "..", ".")
    ]
    return "/".join(parts) or "input"


def expand(
    inputs: Iterable[BatchInput],
    *,
    source_format: str | None = None,
    follow_links: bool = False,
    exclusions: Exclusions | None = None,
    every_file: bool = True,
) -> Iterator[Entry]:
    """Every input, lazily, in the order given (folders in sorted path order); for
    ``source_format`` and ``every_file`` see :func:`claimed_extensions`."""
    exclusions = exclusions or Exclusions()
    extensions: tuple[Claim] | None = None  # looked up at the first folder
    for item in inputs:
        if isinstance(item, tuple):
            name, data = item
            yield Input(str(name), _safe_relative(str(name)), data=bytes(data))
            continue
        name = os.fspath(item)
        if name == STDIN:
            yield Input(STDIN, "stdin", path=STDIN)
            continue
        paths: Iterable[tuple[str, str]] = ((name, ""),)
        if is_glob(name):
            paths = _matches(name)
            if not paths:
                yield Rejected(name, error=InputError("the pattern matched no file", path=name))
        for path, relative in paths:
            if os.path.isdir(path):
                if extensions is None:
                    extensions = (claimed_extensions(source_format, every_file=every_file),)
                yield from _folder(
                    path, extensions[0], follow_links, exclusions, every_file, prefix=relative
                )
            else:
                yield _given_file(path, relative)


def _matches(pattern: str) -> list[tuple[str, str]]:
    """The paths a glob pattern matches, in sorted order, each with its path below the pattern's
    fixed part (``2024/**/*.xml`` gives ``01/05/story.xml``: an output folder mirrors the tree
    the pattern reaches into, as it does a folder's). A folder it matches is left out when it
    matches paths inside that folder too (``dir/**/*`` matches every folder below ``dir`` and
    every file in them: those files are what it chose, each once); a folder it matches alone is
    read as a folder given."""
    import glob

    names = sorted(glob.iglob(pattern, recursive=True))
    holding = {folder for name in names for folder in _folders_above(name)}
    parts = pattern.split(os.sep)
    fixed = next((index for index, part in enumerate(parts) if is_glob(part)), len(parts))
    root = os.sep.join(parts[:fixed])
    below = f"{root}{os.sep}" if root and not root.endswith(os.sep) else root
    return [
        (name, _safe_relative(name[len(below) :] if name.startswith(below) else name))
        for name in names
        if name.rstrip(os.sep) not in holding
    ]


def _folders_above(path: str) -> Iterator[str]:
    """The folders a relative or absolute path lies in, nearest first."""
    folder = os.path.dirname(path.rstrip(os.sep))
    while folder and folder != os.path.dirname(folder):
        yield folder
        folder = os.path.dirname(folder)


def _given_file(path: str, relative: str = "") -> Input:
    """A file named as an input (an output folder takes its name alone), or one a pattern
    matched (``relative``: its path below the pattern's fixed part)."""
    relative = relative or os.path.basename(path) or path
    try:
        status = os.stat(path)
    except OSError:
        return Input(path, relative, path=path)  # reading says why
    return Input(path, relative, path=path, size=status.st_size, mtime_ns=status.st_mtime_ns)


def inside(real: str, root: str) -> bool:
    """Whether the real path ``real`` is the folder ``root`` or below it."""
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


_KINDS = {
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


def _folder(
    root: str,
    extensions: tuple[str, ...] | None,
    follow_links: bool,
    exclusions: Exclusions,
    every_file: bool = True,
    prefix: str = "",
) -> Iterator[Entry]:
    """The entries below one folder given as input (see the module); ``prefix``: the folder's
    own path below a pattern's fixed part, when a pattern matched it."""
    real_root = os.path.realpath(root)
    below_output = None  # the root's path inside the output folder, when it is inside it
    if exclusions.output_folder is not None and inside(real_root, exclusions.output_folder):
        below_output = os.path.relpath(real_root, exclusions.output_folder)
    found = 0
    earlier_outputs = 0
    earlier_files = 0
    page_resources = 0
    links_skipped = 0
    unclaimed: Counter[str] = Counter()
    visited = {real_root}

    def claims(name: str) -> bool:
        return extensions is None or name.lower().endswith(extensions)

    def produced(relative: str) -> bool:
        if below_output is None or exclusions.produced is None:
            return False
        return exclusions.produced(os.path.normpath(os.path.join(below_output, relative)))

    stack: list[tuple[str, str, Iterator[str]]] = []
    descend: tuple[str, str] | None = (root, prefix)
    while True:
        if descend is not None:  # a folder to enter, depth first, where it sorts
            names = _listing(descend[0], nested=descend[0] != root)
            if isinstance(names, ArticlekitError):
                found += 1
                yield Rejected(descend[0], error=names)
            else:
                earlier_outputs += names is _EARLIER_OUTPUT
                earlier_files += getattr(names, "earlier_files", 0)
                page_resources += getattr(names, "page_resources", 0)
                stack.append((*descend, iter(names)))
            descend = None
        if not stack:
            break
        folder, relative_folder, entries = stack[-1]
        path_prefix = folder if folder.endswith(os.sep) else f"{folder}{os.sep}"
        relative_prefix = f"{relative_folder}/" if relative_folder else ""
        for name in entries:  # until the end, or a folder to enter first (``break``)
            path = f"{path_prefix}{name}"
            relative = f"{relative_prefix}{name}"
            try:
                status = os.lstat(path)
            except OSError as error:  # removed meanwhile
                if claims(name):
                    found += 1
                    yield Rejected(path, error=InputError(error.strerror or str(error), path=path))
                continue
            if stat.S_ISLNK(status.st_mode):
                real = os.path.realpath(path)
                try:
                    status = os.stat(path)
                except OSError as error:
                    if claims(name):
                        found += 1
                        what = "a link loop" if error.errno == errno.ELOOP else "dangling link"
                        message = f"{what} (to {os.readlink(path)})"
                        yield Rejected(path, error=InputError(message, path=path))
                    continue
                leaves = not inside(real, real_root)
                if stat.S_ISDIR(status.st_mode):
                    if not follow_links:
                        where = "outside the folder" if leaves else "inside the folder"
                        message = (
                            f"a link to a folder {where}; not followed ({_follow_links()} "
                            "follows it)"
                        )
                        links_skipped += 1
                        yield Rejected(
                            path, warning=Diagnostic("input-link-skipped", message, path)
                        )
                    elif real not in visited and real not in exclusions.folders:
                        visited.add(real)
                        descend = (path, relative)
                        break
                    continue
                if leaves and not follow_links and claims(name):
                    message = (
                        f"a link to {real}, outside the folder; not read ({_follow_links()} "
                        "reads it)"
                    )
                    links_skipped += 1
                    yield Rejected(path, warning=Diagnostic("input-link-skipped", message, path))
                    continue
            if stat.S_ISDIR(status.st_mode):
                if exclusions.folders or follow_links:  # realpath costs a look-up per path part
                    real = os.path.realpath(path)
                    if real in exclusions.folders:
                        continue
                    visited.add(real)
                descend = (path, relative)
                break
            if extensions is not None and not name.lower().endswith(extensions):
                unclaimed[os.path.splitext(name)[1].lower() or "(none)"] += 1
                continue
            if exclusions.files and (status.st_dev, status.st_ino) in exclusions.files:
                continue
            if below_output is not None and produced(relative):
                continue
            found += 1
            if not stat.S_ISREG(status.st_mode):
                kind = _KINDS.get(stat.S_IFMT(status.st_mode), "not a regular file")
                yield Rejected(path, error=InputError(f"{kind}, not a file; not read", path=path))
                continue
            # (fields by position, path, no data, size and time: a fifth less than by name)
            yield Input(path, relative, path, None, status.st_size, status.st_mtime_ns)
        else:
            stack.pop()
    if unclaimed or not found or earlier_files or page_resources:
        # (a sub-folder output: said only for nothing)
        yield _unclaimed_note(
            root,
            unclaimed,
            found,
            every_file,
            earlier_outputs,
            earlier_files,
            links_skipped,
            page_resources,
        )


_EARLIER_OUTPUT: tuple[str, ...] = ()
"""What :func:`_listing` gives for an earlier run's output folder (no names; counted, so that a
folder that gives nothing can say why)."""


def _listing(folder: str, *, nested: bool) -> Sequence[str] | ArticlekitError:
    """The names in a folder, sorted, without hidden ones and without what an earlier run wrote
    there, told by its hidden record: an output file beside its ``.NAME.articlekit.json``, and
    a whole output folder (one holding ``.articlekit/manifest.sqlite``) when it is ``nested``
    in the folder given (a folder given as input is read as it is)."""
    try:
        names = os.listdir(folder)
    except PermissionError:
        return InputError("the folder cannot be read: permission denied", path=folder)
    except OSError as error:
        return InputError(f"the folder cannot be read: {error.strerror or error}", path=folder)
    hidden = {name for name in names if name.startswith(".")}
    shown = sorted(name for name in names if name not in hidden)
    companions = _page_resources(folder, shown)
    if companions:
        shown = _Names(name for name in shown if name not in companions)
        shown.page_resources = len(companions)
    if not hidden:
        return shown
    from articlekit.batch.manifest import MANIFEST, STATE_FOLDER, sidecar_path

    if nested and os.path.isfile(os.path.join(folder, STATE_FOLDER, MANIFEST)):
        return _EARLIER_OUTPUT
    if not any(name.endswith(".articlekit.json") for name in hidden):
        return shown
    kept = _Names(name for name in shown if os.path.basename(sidecar_path(name)) not in hidden)
    kept.earlier_files = len(shown) - len(kept)
    kept.page_resources = len(companions)
    return kept


class _Names(list[str]):
    """A folder's names, and how many files an earlier run wrote there, and how many folders of
    a saved page's resources, were left out."""

    earlier_files = 0
    page_resources = 0


_PAGE_RESOURCES = "_files"
"""What a browser's "save page, complete" names the folder of a page's pictures, scripts and
frames, beside the page (``story.html`` and ``story_files/``)."""


def _page_resources(folder: str, names: Sequence[str]) -> set[str]:
    """The folders of ``names`` that hold a saved page's resources: ``NAME_files`` beside
    ``NAME.html`` (or ``.htm``), whose frames (ads, newsletter boxes) are no articles."""
    candidates = [name for name in names if name.endswith(_PAGE_RESOURCES)]
    if not candidates:
        return set()
    pages = {
        stem.lower()
        for stem, extension in map(os.path.splitext, names)
        if extension.lower() in (".html", ".htm")
    }
    return {
        name
        for name in candidates
        if name[: -len(_PAGE_RESOURCES)].lower() in pages
        and os.path.isdir(os.path.join(folder, name))
    }


def _unclaimed_note(
    root: str,
    unclaimed: Counter[str],
    found: int,
    every_file: bool = True,
    earlier_outputs: int = 0,
    earlier_files: int = 0,
    links_skipped: int = 0,
    page_resources: int = 0,
) -> Rejected:
    """The files of a folder no reader claims, and what an earlier run wrote there (told by its
    records: ``earlier_outputs`` sub-folders, ``earlier_files`` files), left out; an error when
    the folder gives nothing at all (to convert or, not ``every_file``, to validate, where
    ``--from`` reads no more files), which names the ``links_skipped`` too."""
    from articlekit.batch.manifest import STATE_FOLDER

    total = sum(unclaimed.values())
    kinds = ", ".join(f"{extension}: {count}" for extension, count in unclaimed.most_common(5))
    more = ", …" if len(unclaimed) > 5 else ""
    task = "convert" if every_file else "validate"
    earlier = [
        f"left out {counted(earlier_outputs, 'sub-folder')} holding an earlier run's output (its "
        f"{STATE_FOLDER} record): name such a folder to {task} it"
        if earlier_outputs
        else "",
        f"left out {counted(earlier_files, 'file')} an earlier articlekit run wrote (each beside "
        f"its hidden .NAME.articlekit.json record): name such a file to {task} it"
        if earlier_files
        else "",
        f"left out {counted(page_resources, 'folder')} of a saved page's pictures and frames "
        f"(NAME{_PAGE_RESOURCES} beside NAME.html): name such a folder to {task} it"
        if page_resources
        else "",
    ]
    hint = f"; {setting('--from FMT', 'source_format=FMT')} reads every file" if every_file else ""
    if not found:
        what = (
            f"{counted(total, 'file')} whose extension no reader claims ({kinds}{more}){hint}"
            if total
            else "no other files"
            if earlier_outputs or earlier_files or links_skipped or page_resources
            else "no files"
        )
        follow = f" ({_follow_links()} follows {'it' if links_skipped == 1 else 'them'})"
        links = (
            f"left out {counted(links_skipped, 'link')}{follow if every_file else ''}"
            if links_skipped
            else ""
        )  # (validate follows no link: no option to name)
        what = "; ".join(part for part in (what, *earlier, links) if part)
        error = InputError(f"nothing to {task}: the folder holds {what}", path=root)
        return Rejected(root, error=error, about_folder=True)
    unread = (
        f"skipped {counted(total, 'file')} whose extension no reader claims ({kinds}{more}){hint}"
        if total
        else ""
    )
    message = "; ".join(part for part in (unread, *earlier[1:]) if part)
    folder = os.path.join(root, "")  # (named as a folder: it has no lines to point at)
    warning = Diagnostic("input-files-skipped", message, folder)
    return Rejected(root, warning=warning, about_folder=True, files_skipped=total)
