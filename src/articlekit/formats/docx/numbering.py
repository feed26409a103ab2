"""Numbering: which paragraphs are list items, whether their list is numbered or bulleted, and
which items belong to one list.

A paragraph is a list item when its numbering properties (its own ``w:numPr``, else its style's)
name an instance that ``numbering.xml`` defines; instance ``0`` means "no list". The list is
numbered unless the level's format is ``bullet`` or ``none``. Formats are looked up through the
instance's definition, its level overrides, and numbering-style links (a definition that only
says "see numbering style X", as Word writes for list styles).

Which list an item is in follows Word's counting: instances of one definition share its counter,
so consecutive items continue one list whatever instance they name (LibreOffice writes one
instance per item when it saves), unless an instance restarts the level (``w:startOverride``):
its first item starts a new list, which its later items continue.

Each item's number is Word's too: a counter starts at its level's ``w:start`` (``w:startOverride``
for an instance that restarts), goes up by one an item, and a level starts again after an item
of a level above it. A list that continues after other blocks (a paragraph, a table) starts at
the number its first item shows there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from articlekit import _xml
from articlekit.formats.docx.names import Names, names, number

if TYPE_CHECKING:
    from lxml import etree

_UNNUMBERED = {"bullet", "none", ""}


@dataclass(frozen=True)
class Numbering:
    """Instances defined in ``numbering.xml`` and which of their levels are numbered."""

    instances: frozenset[str]
    numbered: frozenset[tuple[str, int]]
    definitions: dict[str, str]
    """Instance → the definition whose counter it uses."""
    restarts: frozenset[tuple[str, int]]
    """(instance, level) pairs that restart the level's numbering."""
    starts: dict[tuple[str, int], int]
    """(instance, level) → the number its counter starts (or restarts) at, where Word gives one."""

    def is_list(self, num_id: str) -> bool:
        return num_id in self.instances

    def is_ordered(self, num_id: str, level: int) -> bool:
        return (num_id, level) in self.numbered

    def start(self, num_id: str, level: int) -> int:
        """The first number of a level of an instance (1 where nothing defines the level)."""
        return self.starts.get((num_id, level), 1)


NO_NUMBERING = Numbering(frozenset(), frozenset(), {}, frozenset(), {})

_UNSTATED_START = 0
"""The start of a defined level without ``w:start`` (ECMA-376 17.9.26: zero)."""


def parse_numbering(data: bytes, numbering_styles: dict[str, str]) -> Numbering:
    """Resolve ``numbering.xml``; ``numbering_styles`` comes from :class:`~.styles.Styles`."""
    root = _xml.parse(data)[0]
    n = names(root.tag.rpartition("}")[0].lstrip("{"))
    formats: dict[str, dict[int, str]] = {}
    starts: dict[str, dict[int, int]] = {}  # definition → level → start
    style_link: dict[str, str] = {}  # definition → numbering style it merely points to
    owner: dict[str, str] = {}  # numbering style → the definition that holds its levels
    for definition in root.iter(n.abstractNum):
        abstract_id = definition.get(n.abstractNumId, "")
        formats[abstract_id] = _formats(definition, n)
        starts[abstract_id] = _starts(definition, n)
        pointer = definition.find(n.numStyleLink)
        if pointer is not None:
            style_link[abstract_id] = pointer.get(n.val, "")
        holder = definition.find(n.styleLink)
        if holder is not None:
            owner[holder.get(n.val, "")] = abstract_id
    instances: dict[str, tuple[str, dict[int, str], dict[int, int]]] = {}
    restarts: set[tuple[str, int]] = set()
    for num in root.iter(n.num):
        num_id = num.get(n.numId)
        abstract = num.find(n.abstractNumId)
        if num_id is not None and abstract is not None:
            overrides: dict[int, str] = {}
            start_overrides: dict[int, int] = {}
            for override in num.iter(n.lvlOverride):
                overrides.update(_formats(override, n))
                start_overrides.update(_starts(override, n))
                level = number(override.get(n.ilvl))
                restart = override.find(n.startOverride)
                if level is not None and restart is not None:
                    restarts.add((num_id, level))
                    value = number(restart.get(n.val))
                    start_overrides[level] = _UNSTATED_START if value is None else value
            instances[num_id] = (abstract.get(n.val, ""), overrides, start_overrides)
    numbered: set[tuple[str, int]] = set()
    definitions: dict[str, str] = {}
    level_starts: dict[tuple[str, int], int] = {}
    for num_id, (abstract_id, overrides, start_overrides) in instances.items():
        resolved = abstract_id
        if abstract_id in style_link:
            style = style_link[abstract_id]
            linked = instances.get(numbering_styles.get(style, ""), ("", {}, {}))[0]
            resolved = owner.get(style, linked)
        definitions[num_id] = resolved
        levels = {**formats.get(resolved, {}), **overrides}
        numbered.update((num_id, level) for level, fmt in levels.items() if fmt not in _UNNUMBERED)
        for level, start in {**starts.get(resolved, {}), **start_overrides}.items():
            level_starts[num_id, level] = start
    return Numbering(
        frozenset(instances),
        frozenset(numbered),
        definitions,
        frozenset(restarts),
        level_starts,
    )


def _formats(parent: etree._Element, n: Names) -> dict[int, str]:
    """Level → number format of the ``w:lvl`` elements under ``parent``."""
    found: dict[int, str] = {}
    for level in parent.iter(n.lvl):
        ilvl = number(level.get(n.ilvl))
        fmt = level.find(n.numFmt)
        if ilvl is not None and fmt is not None:
            found[ilvl] = fmt.get(n.val, "")
    return found


def _starts(parent: etree._Element, n: Names) -> dict[int, int]:
    """Level → first number of the ``w:lvl`` elements under ``parent`` (``w:start``)."""
    found: dict[int, int] = {}
    for level in parent.iter(n.lvl):
        ilvl = number(level.get(n.ilvl))
        if ilvl is not None:
            start = level.find(n.start)
            value = None if start is None else number(start.get(n.val))
            found[ilvl] = _UNSTATED_START if value is None else value
    return found
