"""``python -m articlekit``: the same as the ``articlekit`` command."""

from articlekit.cli import run

run()
