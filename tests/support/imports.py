"""What importing some modules drags in, seen from a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT


def loaded_by(imports: list[str], watched: tuple[str, ...]) -> list[str]:
    """Which of `watched` a fresh Python has in sys.modules after importing `imports`."""
    code = (
        "import sys\n"
        f"import {', '.join(imports)}\n"
        f"print(','.join(m for m in {watched!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    return [name for name in done.stdout.strip().split(",") if name]
