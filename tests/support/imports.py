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


def loaded_by_command(args: list[str], watched: tuple[str, ...]) -> tuple[int, list[str]]:
    """The exit code of `financials ARGS` run in a fresh Python, and which of `watched` it
    had loaded by the time it finished (the command's own imports included)."""
    code = (
        "import atexit, sys\n"
        f"atexit.register(lambda: print(','.join(m for m in {watched!r} if m in sys.modules),"
        " file=sys.stderr))\n"
        f"sys.argv = ['financials', *{args!r}]\n"
        "from app.cli import main\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    return done.returncode, [name for name in last.split(",") if name]
