"""Size limits of a .docx package, shared by the reader (:mod:`.package`, where they guard
against zip bombs) and the writer (which writes nothing a reader would refuse). A module of its
own so that writing a .docx imports no zip reader."""

from __future__ import annotations

MAX_ENTRIES = 2000
"""Real documents have a few dozen parts; thousands are an attack on the central directory."""
MAX_ENTRY_SIZE = 256 * 1024 * 1024
MAX_TOTAL_SIZE = 512 * 1024 * 1024
MAX_RATIO = 100
"""XML compresses 10-30 times; far more than this, on a large entry, is a zip bomb."""
RATIO_FLOOR = 1024 * 1024
"""Entries smaller than this may compress as well as they like (they cannot do harm)."""
MAX_XML_PART = 32 * 1024 * 1024
"""Largest XML part the reader parses."""
