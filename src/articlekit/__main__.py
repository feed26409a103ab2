"""``python -m articlekit``: the same as the ``articlekit`` command."""

import sys

from articlekit.cli import main

sys.exit(main())
