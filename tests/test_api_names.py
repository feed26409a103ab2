"""The public names stay functions whatever was imported before (no submodule shadows them)."""

from __future__ import annotations

import subprocess
import sys


def test_convert_is_the_function_after_other_names_were_used() -> None:
    code = (
        "import articlekit\n"
        "articlekit.read(b'Headline Here\\n\\nBody text.', format='text')\n"
        "result = articlekit.convert(b'Headline Here\\n\\nBody text.', from_format='text',"
        " to_format='json')\n"
        "assert result.value.startswith(b'{')\n"
        "from articlekit import convert, read\n"
        "assert callable(convert) and callable(read)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
