"""Files made once and shared: the first process to start writes, every other one reads."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path


def read_or_create(path: Path, make: Callable[[], str]) -> str:
    """The text at `path`; if there is none yet, `make()`'s, kept there with mode 0600.

    Written whole to a temporary file and hard-linked into place, which fails if the file
    exists, so processes starting together agree on one complete file (a secret or a key).
    """
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(make())
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass  # another process was first: its file is complete by construction
        finally:
            temporary.unlink()
    return path.read_text()
