"""Opening a .docx safely: the zip container, its parts and relationships.

A .docx is a zip of XML parts, and a hostile one is a zip bomb or XML attack in disguise. Before
any part is parsed the whole central directory is checked (read straight from the bytes when
the zip is a plain one, by zipfile otherwise: :func:`central_directory`): the number of entries,
each entry's declared size, their total, and each entry's compression ratio; encrypted entries
and duplicate names are refused. Parts are then read with a size cap, because declared sizes can
lie (zipfile stops at the declared size and the CRC check catches the rest), and every XML part
goes through the hardened parser of :mod:`articlekit._xml`. Every refusal is an
:class:`InputError` with one line naming the problem. Pictures count against the same limits:
their parts are read as bytes (never parsed or decoded) only when the body shows them.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import struct
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple, TypeAlias, TypeVar, cast

from articlekit import _xml
from articlekit.errors import InputError
from articlekit.formats.docx.limits import (
    MAX_ENTRIES,
    MAX_ENTRY_SIZE,
    MAX_RATIO,
    MAX_TOTAL_SIZE,
    MAX_XML_PART,
    RATIO_FLOOR,
)
from articlekit.formats.docx.names import PACKAGE_RELATIONSHIPS, relationship_kind

if TYPE_CHECKING:
    from lxml import etree

T = TypeVar("T")

CACHE_SIZE = 256
"""Parsed parts kept per process (styles, numbering and relationships repeat across files)."""

ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
LEGACY = "legacy .doc / encrypted file is not supported"
_ZIP_ERRORS = (
    zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
    NotImplementedError, UnicodeDecodeError, RuntimeError,
)  # fmt: skip
"""What zipfile raises on broken archives: unknown versions or methods (NotImplementedError),
negative offsets (ValueError), undecodable names, encryption it cannot handle (RuntimeError)."""


class FastEntry(NamedTuple):
    """A zip entry as :func:`central_directory` reads it: the fields of :class:`zipfile.ZipInfo`
    the reader uses, with the values zipfile gives them."""

    filename: str
    orig_filename: str
    flag_bits: int
    compress_type: int
    CRC: int
    compress_size: int
    file_size: int
    header_offset: int


Entry: TypeAlias = FastEntry | zipfile.ZipInfo
"""A zip entry: as :func:`central_directory` reads it, or as zipfile does."""

_END = b"PK\x05\x06"
_END_SIZE = 22
_END64_LOCATOR = b"PK\x06\x07"
_CENTRAL = b"PK\x01\x02"
_CENTRAL_SIZE = 46
_CENTRAL_FORMAT = struct.Struct("<4s2xBxHH4xIIIHHHH6xI")
"""The fields of a central directory entry :func:`central_directory` looks at (others skipped)."""
_MAX_EXTRACT_VERSION = 63
"""zipfile's: entries needing a later version are refused (by zipfile, on the slow path)."""


def central_directory(data: bytes) -> list[FastEntry] | None:
    """The entries of a plain zip, read straight from its central directory, or ``None`` when
    the zip is anything but plain, for zipfile to read instead: a comment, data before the zip,
    ZIP64 records, more than one disk, extra fields, entry comments, names that are not ASCII or
    hold a NUL or a backslash (zipfile cuts names at a NUL, and turns backslashes into slashes
    on Windows), entries needing a zip version zipfile refuses, a directory whose entries do not
    fill it exactly or disagree with the end record's count. A plain zip (what articlekit, Word,
    LibreOffice and most tools write) gives exactly the entries zipfile would, without building
    zipfile's objects; a test holds the two to the same answers."""
    end = len(data) - _END_SIZE
    if end < 0 or data[end : end + 4] != _END or data[-2:] != b"\x00\x00":
        return None
    if data[end - 20 : end - 16] == _END64_LOCATOR:
        return None
    disk, start_disk, here, count, size, offset = struct.unpack_from("<HHHHII", data, end + 4)
    if disk or start_disk or here != count or offset + size != end:
        return None
    entries: list[FastEntry] = []
    position = offset
    unpack = _CENTRAL_FORMAT.unpack_from
    while position < end:
        if position + _CENTRAL_SIZE > end:
            return None
        (
            signature, extract_version, flags, method, crc, compressed, size, name_length,
            extra_length, comment_length, disk, header_offset,
        ) = unpack(data, position)  # fmt: skip
        if (
            signature != _CENTRAL
            or extract_version > _MAX_EXTRACT_VERSION
            or extra_length
            or comment_length
            or disk
        ):
            return None
        position += _CENTRAL_SIZE
        raw_name = data[position : position + name_length]
        position += name_length
        # (an int, not a one-byte bytes: ``bytes in bytes`` first tries the operand as an int,
        # and builds and clears a TypeError, several times the cost of the search)
        if position > end or not raw_name.isascii() or 0 in raw_name or 0x5C in raw_name:
            return None
        name = raw_name.decode("ascii")
        entries.append(FastEntry(name, name, flags, method, crc, compressed, size, header_offset))
    if len(entries) != count:  # (zipfile goes by the directory's size; this reader by both)
        return None
    return entries


@dataclass(frozen=True, slots=True)
class Relationship:
    kind: str
    """The last segment of the relationship type (``styles``, ``hyperlink``, ...)."""
    target: str
    """A part name inside the package, or the external URI when ``external``."""
    external: bool


class Package:
    """The checked zip container: part names, part bytes, parsed XML parts, relationships."""

    def __init__(self, data: bytes) -> None:
        if data.startswith(OLE_SIGNATURE):
            raise InputError(LEGACY)
        if not data.startswith(ZIP_SIGNATURE):
            raise InputError("not a .docx file: a Word document is a zip package")
        self._data = data
        self._zip: zipfile.ZipFile | None = None
        infos: Sequence[Entry] | None = central_directory(data)
        if infos is None:  # anything unusual: zipfile reads it (and names what is wrong)
            infos = self._zipfile().infolist()
        self._entries = _checked_entries(infos)
        self._relationships: dict[str, dict[str, Relationship]] = {}
        self._related: dict[str, dict[str, str]] = {}
        self._identities: dict[str, tuple[Any, ...]] = {}
        """What :meth:`cached` knows each part by, by name."""
        if "[Content_Types].xml" not in self._entries:
            raise InputError(self._not_word())
        self.main = self._main_part()

    def _not_word(self) -> str:
        """What a zip package without Word's content types is: an OpenDocument file (which says
        so in its ``mimetype``), a damaged Word document, or a zip archive of other files."""
        if "mimetype" in self._entries:
            kind = self.read("mimetype", 100).decode("ascii", "replace").strip()
            if kind.startswith("application/vnd.oasis.opendocument."):
                return (
                    f"an OpenDocument {kind.rpartition('.')[2]} file, not a .docx: save it as "
                    ".docx (LibreOffice: soffice --convert-to docx)"
                )
        if any(name.startswith("word/") for name in self._entries):
            return "not a valid .docx: [Content_Types].xml is missing"
        return "a zip archive, not a .docx (it holds no Word document): unpack it first"

    def __contains__(self, name: str) -> bool:
        return name in self._entries

    def read(self, name: str, limit: int = MAX_XML_PART) -> bytes:
        """The bytes of a part, read with a cap whatever the zip claims: ``limit`` is the XML
        parts' by default; pictures are read up to the entry limit checked when the package was
        opened, and are never parsed."""
        info = self._entries[name]
        if info.file_size > limit:
            raise InputError(f"{name} is larger than {limit} bytes")
        data = self._inflated(info)
        if data is not None:
            return data
        try:
            with self._zipfile().open(self._zipfile().getinfo(name)) as stream:
                data = stream.read(info.file_size + 1)
        except _ZIP_ERRORS as error:
            raise InputError(f"not a valid .docx: {name} cannot be read ({error})") from None
        if len(data) != info.file_size:
            raise InputError(f"not a valid .docx: {name} is not the size the zip declares")
        return data

    def _zipfile(self) -> zipfile.ZipFile:
        """The package opened by zipfile: only for packages :func:`central_directory` leaves to
        it, and for entries read the strict way."""
        if self._zip is None:
            try:
                self._zip = zipfile.ZipFile(io.BytesIO(self._data))
            except _ZIP_ERRORS as error:
                raise InputError(f"not a valid .docx: corrupt or truncated zip ({error})") from None
        return self._zip

    def _inflated(self, info: Entry) -> bytes | None:
        """An entry's bytes inflated straight from the package (several times cheaper than a
        zipfile stream for the small parts of a .docx), when its local header agrees with the
        central directory, it is stored or deflated, and it inflates to exactly the declared size
        and CRC; else ``None``, and the entry is read the strict way (which names the problem).
        Inflating never makes more than the declared size and one byte."""
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            return None
        if info.flag_bits & _UNSUPPORTED_FLAGS:
            return None
        stored = self._stored(info)
        if stored is None:
            return None
        if info.compress_type == zipfile.ZIP_STORED:
            data = stored
        else:
            inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            try:
                data = inflater.decompress(stored, info.file_size + 1)
            except zlib.error:
                return None
            if not inflater.eof:
                return None
        if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
            return None
        return data

    def xml(self, name: str, data: bytes | None = None) -> etree._Element:
        """A part (``data``, when it was read already) parsed with the hardened parser; errors
        name the part."""
        return self.parsed(name, lambda data: _xml.parse(data)[0], data)

    def parsed(self, name: str, parse: Callable[[bytes], T], data: bytes | None = None) -> T:
        """A part's bytes given to ``parse`` (which uses the hardened parser); errors name the
        part."""
        if data is None:
            data = self.read(name)
        try:
            return parse(data)
        except InputError as error:
            raise InputError(
                f"{name}: {error.message}", line=error.line, column=error.column
            ) from None

    def cached(self, kind: str, name: str, parse: Callable[[bytes], T], *key: object) -> T:
        """A part parsed by ``parse``, remembered across packages by the part's content (and
        ``key``): articlekit's own styles and package relationships, and a newsroom template's,
        are parsed once per process. The content is known by a hash of the bytes the zip stores
        (with their compression method, size and CRC, they decide it), so a cached part is not
        even inflated. The result must not be changed by the caller."""
        data: bytes | None = None
        identity = self._identities.get(name)
        if identity is None:  # (a part is often looked up more than once: hashed once)
            info = self._entries[name]
            stored = self._stored(info)
            data = self.read(name) if stored is None else None
            digest = hashlib.blake2b(data or stored or b"", digest_size=16).digest()
            identity = (info.compress_type, info.CRC, info.file_size, data is None, digest)
            self._identities[name] = identity
        full_key = (kind, name, *identity, *key)
        if full_key in _CACHE:
            return cast(T, _CACHE[full_key])
        value = self.parsed(name, parse, data)
        if len(_CACHE) >= CACHE_SIZE:
            _CACHE.clear()
        _CACHE[full_key] = value
        return value

    def _stored(self, info: Entry) -> bytes | None:
        """An entry's bytes as stored (compressed), or ``None`` when its local header does not
        agree with the central directory (then the entry is read the strict way, with zipfile's
        own checks)."""
        start = info.header_offset
        header = self._data[start : start + 30]
        if len(header) < 30 or not header.startswith(ZIP_SIGNATURE):
            return None
        flags, name_length, extra_length = (
            struct.unpack_from("<H", header, 6)[0],
            *struct.unpack_from("<HH", header, 26),
        )
        name = self._data[start + 30 : start + 30 + name_length]
        if flags != info.flag_bits or name != _name_bytes(info):
            return None
        begin = start + 30 + name_length + extra_length
        stored = self._data[begin : begin + info.compress_size]
        return stored if len(stored) == info.compress_size else None

    def relationships(self, source: str) -> dict[str, Relationship]:
        """The relationships of part ``source`` (``""`` for the package itself), by id."""
        if source not in self._relationships:
            folder, base = posixpath.split(source)
            rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
            self._relationships[source] = (
                self.cached("rels", rels_name, lambda data: _parse_rels(data, folder))
                if rels_name in self._entries
                else {}
            )
        return self._relationships[source]

    def content_type(self, name: str) -> str | None:
        """The media type ``[Content_Types].xml`` declares for part ``name``: its override, else
        the default for its extension (part names and extensions compare case-insensitively)."""
        overrides, defaults = self.cached("types", "[Content_Types].xml", _parse_content_types)
        extension = posixpath.splitext(name)[1].lstrip(".").lower()
        return overrides.get(f"/{name.lower()}") or defaults.get(extension)

    def related(self, source: str, kind: str) -> str | None:
        """The first internal part that ``source`` relates to with relationship ``kind``."""
        found = self._related.get(source)
        if found is None:  # each kind's first internal part in the package, once per source
            found = {}
            for relationship in self.relationships(source).values():
                if not relationship.external and relationship.target in self._entries:
                    found.setdefault(relationship.kind, relationship.target)
            self._related[source] = found
        return found.get(kind)

    def _main_part(self) -> str:
        main = self.related("", "officeDocument")
        if main is None:
            main = "word/document.xml"
            if main not in self._entries:
                raise InputError("not a valid .docx: word/document.xml is missing")
        return main


_CACHE: dict[tuple[Any, ...], Any] = {}
_UNSUPPORTED_FLAGS = 0x1 | 0x20 | 0x40
"""Encryption, compressed patched data, strong encryption: left to zipfile (which refuses)."""


def _name_bytes(info: Entry) -> bytes:
    """An entry's name as its local header holds it (ASCII, the usual case, is the same in
    both encodings zip allows)."""
    name = info.orig_filename
    if name.isascii():
        return name.encode("ascii")
    return name.encode("utf-8" if info.flag_bits & 0x800 else "cp437", "replace")


def _checked_entries(infos: Sequence[Entry]) -> dict[str, Entry]:
    """Entries by name, after refusing whatever could exhaust memory or confuse a reader."""
    if len(infos) > MAX_ENTRIES:
        raise InputError(f"zip with {len(infos)} entries (more than {MAX_ENTRIES}) refused")
    entries: dict[str, Entry] = {}
    total = 0
    for info in infos:
        name = info.filename
        if name in entries:
            raise InputError(f"zip lists {name} twice; refused as ambiguous")
        if info.flag_bits & 0x1:
            raise InputError(LEGACY)
        if info.file_size > MAX_ENTRY_SIZE:
            raise InputError(f"zip entry {name} declares {info.file_size} bytes; refused")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise InputError(f"zip entry {name} expands {ratio:.0f} times; refused as a zip bomb")
        total += info.file_size
        entries[name] = info
    if total > MAX_TOTAL_SIZE:
        raise InputError(f"zip entries declare {total} bytes in total; refused as a zip bomb")
    return entries


def _parse_rels(data: bytes, folder: str) -> dict[str, Relationship]:
    found: dict[str, Relationship] = {}
    tag = f"{{{PACKAGE_RELATIONSHIPS}}}Relationship"
    for element in _xml.parse(data)[0].iter(tag):
        rel_id, target = element.get("Id"), element.get("Target")
        if not rel_id or target is None:
            continue
        external = element.get("TargetMode") == "External"
        if not external:
            target = _resolve(folder, target)
        kind = relationship_kind(element.get("Type", ""))
        found[rel_id] = Relationship(kind, target, external)
    return found


def _parse_content_types(data: bytes) -> tuple[dict[str, str], dict[str, str]]:
    """Overrides by lower-case part name, defaults by lower-case extension."""
    overrides: dict[str, str] = {}
    defaults: dict[str, str] = {}
    for element in _xml.parse(data)[0]:
        kind = element.get("ContentType")
        if not isinstance(element.tag, str) or not kind:
            continue
        if element.tag.endswith("}Override") and element.get("PartName"):
            overrides[element.get("PartName", "").lower()] = kind
        elif element.tag.endswith("}Default") and element.get("Extension"):
            defaults[element.get("Extension", "").lower()] = kind
    return overrides, defaults


def _resolve(folder: str, target: str) -> str:
    """A relationship target as a part name (targets are relative to the source's folder)."""
    path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    return posixpath.normpath(path).lstrip("/")
