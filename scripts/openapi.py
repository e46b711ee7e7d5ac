"""Writes docs/openapi.json from the API's routes (`make openapi`).

The committed document is what clients are generated from (`make client`);
tests/api/test_openapi_document.py fails when it differs from what the app serves.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.api.main import create_api
from app.api.openapi import document_text

DOCUMENT = Path(__file__).resolve().parent.parent / "docs" / "openapi.json"


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DOCUMENT
    target.write_text(document_text(create_api()), encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
