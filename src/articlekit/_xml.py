"""The one hardened XML parser configuration every XML reader uses (NewsML-G2, NITF, DOCX parts).

What it refuses, and why (the attacks defusedxml lists, handled with lxml's own switches):

* entity declarations of any kind (billion laughs, quadratic blow-up, external and parameter
  entities): refused before parsing, by looking for ``<!ENTITY`` in the document type declaration;
  entities are never resolved anyway (``resolve_entities=False``);
* network and file access: no DTD is loaded (``load_dtd=False``), nothing is fetched
  (``no_network=True``), XInclude is never processed, and a document that asks for it (an
  element in the XInclude namespace) is refused rather than read with the element dropped;
* absurd documents: libxml2's limits stay on (``huge_tree=False``: nesting deeper than 256
  levels, text nodes over 10 MB), and inputs are capped in size before they get here;
* broken documents (truncated, invalid UTF-8, wrong encoding): lxml's error becomes an
  :class:`~articlekit.errors.InputError` with line and column.

A declared encoding that lies is corrected and the caller is told, so it can warn: ``ISO-8859-1``
on bytes that are valid UTF-8 (which real NITF feeds send) is read as UTF-8, and ``ISO-8859-1`` on
bytes in 0x80-0x9F (control characters in Latin-1, curly quotes and dashes in Windows-1252, the
encoding such files are really in) is read as Windows-1252, where the five bytes it leaves undefined
become U+FFFD (said in the warning) rather than make the document unreadable.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

from articlekit._text import lazy_pattern
from articlekit.errors import InputError

if TYPE_CHECKING:
    from lxml import etree

NEWSML = "http://iptc.org/std/nar/2006-10-01/"
NITF = "http://iptc.org/std/NITF/2006-10-18/"
XHTML = "http://www.w3.org/1999/xhtml"
XML = "http://www.w3.org/XML/1998/namespace"
XINCLUDE = ("http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude")
"""XInclude's namespace, and the older one libxml2 also obeys."""
_XINCLUDE_ELEMENTS = tuple(f"{{{namespace}}}*" for namespace in XINCLUDE)
"""Every element of those namespaces, as lxml's ``iter`` picks them."""

MAX_TEXT = 10_000_000
"""libxml2's limit on one text node or attribute value, in bytes (``XML_MAX_TEXT_LENGTH``); the
parser refuses longer ones (``huge_tree=False``), so writers must not make them."""

_ROOT_START = lazy_pattern(r"<[A-Za-z_]")
_ROOT_START_BYTES = re.compile(_ROOT_START.pattern.encode())
"""The same, for a prolog of one byte a character."""
_PROLOG_LIMIT = 1 << 22
_POSITION_SUFFIX = lazy_pattern(r",? line \d+, column \d+(?: \(.*\))?$")
# libxml2's advice to switch its limits off is not advice for our users.
_HUGE_ADVICE = lazy_pattern(r",? (?:try|use) XML_PARSE_HUGE(?: option)?\s*$")
_DECLARED_ENCODING = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_LATIN = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii", "windows-1252",
          "cp1252", "iso-8859-15"}  # fmt: skip
_WINDOWS = {"windows-1252", "cp1252"}
_C1_BYTES = re.compile(rb"[\x80-\x9f]")
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
_local = threading.local()


def _parser(encoding: str | None) -> etree.XMLParser:
    """A parser per thread and encoding override (lxml parsers are not thread-safe)."""
    from lxml import etree

    key = f"parser_{encoding}"
    parser = getattr(_local, key, None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            load_dtd=False,
            dtd_validation=False,
            no_network=True,
            huge_tree=False,
            remove_pis=True,
            # collect_ids stays on: switching it off makes libxml2 try to load external DTDs.
            encoding=encoding,
        )
        setattr(_local, key, parser)
    return parser


def _prolog(data: bytes) -> str:
    """The text before the root element (declaration, comments, document type), decoded."""
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            text = data[len(bom) : _PROLOG_LIMIT].decode(codec, "ignore")
            break
    else:
        if b"\x00" not in data[:4]:  # one byte a character: find the root in the bytes
            start = _ROOT_START_BYTES.search(data, 0, _PROLOG_LIMIT)
            end = start.start() if start else _PROLOG_LIMIT
            return data[:end].decode("latin-1")
        text = data[:_PROLOG_LIMIT].decode("utf-16", "ignore")
    root = _ROOT_START.search(text)
    return text[: root.start()] if root else text


def _refuse_entities(data: bytes) -> None:
    if "<!ENTITY" in _prolog(data):
        raise InputError("XML entity declarations are not allowed (entity expansion attacks)")


def well_formed(head: bytes, *, complete: bool) -> bool:
    """Whether ``head`` parses as XML, up to where it ends when it is only the first bytes of a
    longer document (not ``complete``), with the same switches as :func:`parse` (a document
    declaring entities is refused before parsing, as there)."""
    from lxml import etree

    if "<!ENTITY" in _prolog(head):
        return False
    parser = etree.XMLParser(
        resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False
    )
    try:
        parser.feed(head)
        if complete:
            parser.close()
    except (etree.XMLSyntaxError, ValueError):
        return False
    return True


def corrected_encoding(data: bytes) -> str | None:
    """The encoding the bytes are really in when the declaration lies (``utf-8`` or
    ``windows-1252``), else ``None``."""
    declared = _DECLARED_ENCODING.match(data[:200])
    if declared is None:
        return None
    name = declared.group(1).decode("ascii").lower()
    if name not in _LATIN or data.isascii():
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        if name not in _WINDOWS and _C1_BYTES.search(data):
            return "windows-1252"
        return None
    return "utf-8"


def parse(data: bytes) -> tuple[etree._Element, str | None]:
    """The root element of an XML document, and what its lying encoding declaration was
    corrected to (``None`` when it told the truth).

    Raises :class:`InputError` (with line and column when lxml knows them) for anything that is not
    a safe, well-formed document.
    """
    from lxml import etree

    _refuse_entities(data)
    override = corrected_encoding(data)
    correction = override
    undefined = len(_CP1252_UNDEFINED.findall(data)) if override == "windows-1252" else 0
    if undefined:  # bytes Windows-1252 leaves undefined: U+FFFD, not a refused document
        data = data.decode("cp1252", "replace").encode("utf-8")
        override = "utf-8"
        bytes_ = (
            "1 byte it does not define"
            if undefined == 1
            else f"{undefined} bytes it does not define"
        )
        correction = f"windows-1252 ({bytes_} became U+FFFD)"
    try:
        root = etree.fromstring(data, _parser(override))
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (None, None)
        message = _POSITION_SUFFIX.sub("", (error.msg or str(error)).strip())
        message = _HUGE_ADVICE.sub(" (articlekit's limit)", message.strip())
        raise InputError(f"malformed XML: {message}", line=line, column=column) from None
    except (ValueError, MemoryError) as error:
        raise InputError(f"malformed XML: {error}") from None
    if root is None:
        raise InputError("malformed XML: no root element")
    docinfo = root.getroottree().docinfo
    dtd = docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise InputError("XML entity declarations are not allowed (entity expansion attacks)")
    _refuse_xinclude(root)
    if docinfo.doctype:  # only a document type makes undeclared entities legal
        _resolve_named_entities(root)
    return root, correction


def _refuse_xinclude(root: etree._Element) -> None:
    """An ``xi:include`` is never followed; refusing the document says so, where reading it
    without the element would lose what its author meant to be there without a word."""
    include = next(root.iter(*_XINCLUDE_ELEMENTS), None)
    if include is not None:
        raise xinclude_refused(include.sourceline)


def xinclude_refused(line: int | None) -> InputError:
    """The error of a document holding an XInclude element (XML, or an XHTML page), at its line."""
    return InputError("XInclude is not allowed (nothing is fetched or included)", line=line)


def longest_text(root: etree._Element) -> int:
    """The size in UTF-8 bytes of the longest text node or attribute value below ``root``
    (to compare with :data:`MAX_TEXT`)."""
    longest = 0
    for node in root.iter():
        for text in (node.text, node.tail, *node.attrib.values()):
            if text and len(text) * 4 > longest:  # a character is at most four bytes
                longest = max(longest, len(text.encode("utf-8", "surrogatepass")))
    return longest


def _resolve_named_entities(root: etree._Element) -> None:
    """Replace references to entities the (never loaded) DTD declares by their characters.

    NITF feeds use HTML's names (``&mdash;``, ``&nbsp;``, ``&eacute;``); with a DOCTYPE, libxml2
    keeps them as reference nodes, whose text every reader would otherwise lose. Names that are not
    HTML's stay visible as ``&name;``: nothing is silently dropped, nothing is fetched.
    """
    from html.entities import html5

    from lxml import etree

    for entity in list(root.iter(etree.Entity)):
        parent = entity.getparent()
        if parent is None:
            continue
        _append_before(
            entity, html5.get(f"{entity.name};", f"&{entity.name};") + (entity.tail or "")
        )
        parent.remove(entity)


def namespace_of(element: etree._Element) -> str:
    """The namespace URI of an element, ``""`` when it has none."""
    tag = element.tag
    return tag[1:].partition("}")[0] if isinstance(tag, str) and tag.startswith("{") else ""


def set_aside_foreign(
    root: etree._Element,
    standard: str,
    *,
    embedded: frozenset[str] = frozenset(),
) -> list[tuple[str, etree._Element]]:
    """Take the elements of other namespaces out of a document of one standard, so that matching
    by local name (see :func:`local_name`) meets only the standard's own elements.

    The document's namespace is its root's: a producer's extension elements (``afp:headline``,
    ``evil:by``) never stand in for the standard's, whatever their prefix. An un-namespaced
    document (as many real feeds are) also accepts elements in ``standard``'s namespace. Foreign
    elements are removed and returned with the path of local names from ``root`` to their parent,
    for the reader to keep (in ``extras``); the text after them stays. Inside text (an element
    with text of its own, such as a paragraph) a foreign element is unwrapped instead: its text
    and children stay where they are, as an unknown inline element's do. The content of an
    element named in ``embedded`` (NewsML-G2 ``inlineXML``) is another document, left to its own
    reader.
    """
    own = namespace_of(root)
    home = frozenset({own, standard}) if own == "" else frozenset({own})
    found: list[tuple[str, etree._Element]] = []
    if not _has_foreign(root, home, embedded):
        return found  # the common case, told by comparing tags without building paths

    def walk(node: etree._Element, path: str) -> None:
        for element in list(node):
            if not isinstance(element.tag, str):
                continue
            name = local_name(element)
            if namespace_of(element) in home:
                if name not in embedded:
                    walk(element, f"{path}/{name}" if path else name)
            elif _holds_text(node):
                walk(element, path)
                _unwrap(element)
            else:
                remove_keeping_tail(element)
                found.append((path, element))

    walk(root, "")
    return found


def _has_foreign(root: etree._Element, home: frozenset[str], embedded: frozenset[str]) -> bool:
    """Whether :func:`set_aside_foreign` would find anything: an element below ``root`` in none
    of the ``home`` namespaces, outside home elements named in ``embedded``."""
    found: bool = _foreign_xpath(home, embedded)(root)
    return found


@functools.lru_cache(maxsize=64)
def _foreign_xpath(home: frozenset[str], embedded: frozenset[str]) -> etree.XPath:
    """An XPath telling whether an element below the root is in none of the ``home`` namespaces,
    outside home elements named in ``embedded``: whether, those inside left out, the elements
    below it outnumber those of ``home``. Counted by libxml2 with no Python object made for each
    element, by name tests: several times cheaper than a predicate calling ``namespace-uri()`` on
    every element (left to no namespace, which has no name test), and than a walk in Python
    that skips the embedded parts (a news item's metadata is most of its elements)."""
    from lxml import etree

    named = sorted(namespace for namespace in home if namespace)
    prefixes = {f"home{index}": namespace for index, namespace in enumerate(named)}
    tests = [f"{prefix}:" for prefix in prefixes] + ([""] if "" in home else [])
    holders = " | ".join(f"descendant::{test}{name}" for test in tests for name in sorted(embedded))

    def counts(path: str) -> tuple[str, str]:
        """Elements below ``path``, and those of ``home`` among them, as sums of counts."""
        own = [f"count({path}descendant::{prefix}:*)" for prefix in prefixes]
        if "" in home:
            own.append(f"count({path}descendant::*[namespace-uri() = ''])")
        return f"count({path}descendant::*)", " + ".join(own)

    every, own = counts("")
    expression = f"{every} != {own}"
    if holders:
        every_inside, own_inside = counts(f"({holders})/")
        expression = f"{every} - {every_inside} != {own} - ({own_inside})"
    # (no EXSLT regular expressions: lxml would register them for every evaluation)
    return etree.XPath(expression, namespaces=prefixes, regexp=False)


def _holds_text(element: etree._Element) -> bool:
    """Whether an element has text of its own besides its children (mixed content)."""
    return bool((element.text or "").strip()) or any(
        (child.tail or "").strip() for child in element
    )


def _append_before(element: etree._Element, text: str | None) -> None:
    """Add ``text`` to the document just before ``element`` (its previous sibling's tail, or
    its parent's text)."""
    if not text:
        return
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + text
    else:
        parent = element.getparent()
        parent.text = (parent.text or "") + text


def remove_keeping_tail(element: etree._Element) -> None:
    """Remove ``element`` and what it holds, but not the text that follows it; nothing when it
    has no parent (it was removed with an ancestor)."""
    parent = element.getparent()
    if parent is None:
        return
    _append_before(element, element.tail)
    parent.remove(element)


def _unwrap(element: etree._Element) -> None:
    """Replace ``element`` by its content: its text, its children (with their tails), its tail."""
    _append_before(element, element.text)
    for child in list(element):
        element.addprevious(child)  # a moved element takes its tail along
    remove_keeping_tail(element)


def clark_name(element: etree._Element) -> str:
    """``{namespace}name``: the key under which a foreign element is kept in ``extras``."""
    return f"{{{namespace_of(element)}}}{local_name(element)}"


def local_name(element: etree._Element) -> str:
    """An element's name without namespace; matching by local name accepts real feeds that
    leave the namespace out or use odd prefixes (foreign elements are set aside first: see
    :func:`set_aside_foreign`)."""
    tag = element.tag
    if not isinstance(tag, str):  # comments, processing instructions, entities
        return ""
    return tag.rpartition("}")[2]


def children(element: etree._Element, name: str) -> list[etree._Element]:
    """Child elements with local name ``name``, whatever their namespace."""
    return [child for child in element if local_name(child) == name]


def child(element: etree._Element | None, name: str) -> etree._Element | None:
    """The first child element with local name ``name``, whatever its namespace."""
    if element is None:
        return None
    for candidate in element:
        if local_name(candidate) == name:
            return candidate
    return None


def descendants(element: etree._Element, name: str) -> list[etree._Element]:
    """Descendant elements with local name ``name``, whatever their namespace."""
    return [node for node in element.iter() if local_name(node) == name]


def text_of(element: etree._Element | None) -> str:
    """All text inside ``element``, whitespace collapsed (``""`` for ``None``)."""
    if element is None:
        return ""
    if not len(element):  # (most: text alone, no itertext to walk)
        text = element.text
        return " ".join(text.split()) if text else ""
    return " ".join("".join(element.itertext()).split())


UNSHOWN = frozenset({"script", "style", "template", "noscript"})
"""Markup elements whose content is code, styling or markup kept for later, never text a reader
sees: what is taken from a page's elements leaves them out (their tails are text)."""


def shown_text(element: etree._Element | None) -> str:
    """The text a page shows inside ``element`` (as :func:`text_of`, without what is inside
    :data:`UNSHOWN` elements), whitespace collapsed; a ``<br>`` parts the words beside it, as
    the break a browser shows does ("Harbour board votes<br>to close ...": not "votesto")."""
    if element is None:
        return ""
    pieces = (f" {text}" if node.tag == "br" else text for node, text in shown_pieces(element))
    return " ".join("".join(pieces).split())


def shown_pieces(element: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """The text a page shows inside ``element`` piece by piece in document order, each with its
    node: an element's text (``""`` when it has none) as it opens, its tail after it closes (not
    ``element``'s own tail); nothing from inside :data:`UNSHOWN` elements, comments or processing
    instructions, whose tails are text."""
    if local_name(element) in UNSHOWN:
        return
    yield element, element.text or ""
    open_elements = [(element, iter(element))]
    while open_elements:
        node, inside = open_elements[-1]
        nested = next(inside, None)
        if nested is None:
            open_elements.pop()
            if node is not element:
                yield node, node.tail or ""
        elif not isinstance(nested.tag, str) or local_name(nested) in UNSHOWN:
            yield nested, nested.tail or ""
        else:
            yield nested, nested.text or ""
            open_elements.append((nested, iter(nested)))
