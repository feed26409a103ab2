"""Whole archives: convert many inputs at once, resumably, in parallel, or on a Dask cluster.

>>> from articlekit.batch import convert_batch
>>> batch = convert_batch(["stories/"], "out/", to="newsml", jobs=2)   # doctest: +SKIP
>>> for result in batch:                                               # doctest: +SKIP
...     if result.error:
...         print(result.error)
>>> print(batch.summary)                                               # doctest: +SKIP

Inputs are paths (files, folders, glob patterns, ``-``) or ``(name, bytes)`` pairs; the output is
a folder mirroring the inputs' folders, one file (JSON Lines), ``-`` for standard output, or
``None`` to get the articles. Each input gives one :class:`BatchResult` (one per record for a JSON
Lines archive), in input order, with its outputs, warnings, or error (returned, never raised). A
rerun into the same output skips what is up to date (see :mod:`.manifest`); ``force=True`` redoes
everything. See :mod:`.engine` for how work is shared out, :mod:`.inputs` for what a folder
gives, and :mod:`.dask` for clusters.
"""

from __future__ import annotations

from articlekit.batch.engine import Batch, convert_batch
from articlekit.batch.inputs import BatchInput
from articlekit.batch.results import BatchResult, Summary

__all__ = ["Batch", "BatchInput", "BatchResult", "Summary", "convert_batch"]
