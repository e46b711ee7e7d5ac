"""Generates the typed Python client, clients/python, from docs/openapi.json (`make client`).

openapi-python-client runs from its own environment (clients/generator); it writes into a
scratch folder first, so a failed run leaves the committed client as it was.
tests/api/test_generated_client.py regenerates into a temporary folder and fails when the
result differs from what is committed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT = ROOT / "docs" / "openapi.json"
CONFIG = ROOT / "clients" / "generator" / "config.yaml"
CLIENT = ROOT / "clients" / "python"


def generate(generator: Path, document: Path, output: Path) -> None:
    """Writes the client for `document` into `output` (replaced whole)."""
    with tempfile.TemporaryDirectory() as scratch:
        made = Path(scratch) / "client"
        env = {**os.environ, "PATH": f"{generator.parent}{os.pathsep}{os.environ['PATH']}"}
        subprocess.run(  # noqa: S603 - our own generator, on our own files
            [
                str(generator),
                "generate",
                *("--path", str(document), "--config", str(CONFIG)),
                *("--output-path", str(made), "--meta", "uv"),
            ],
            cwd=scratch,
            env=env,
            check=True,
        )
        if output.exists():
            shutil.rmtree(output)
        # The post hooks leave ruff's cache behind; it is not part of the client.
        shutil.copytree(made, output, ignore=shutil.ignore_patterns(".ruff_cache"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--generator", type=Path, required=True, help="openapi-python-client")
    parser.add_argument("--document", type=Path, default=DOCUMENT)
    parser.add_argument("--output", type=Path, default=CLIENT)
    args = parser.parse_args()
    generate(args.generator, args.document, args.output)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
