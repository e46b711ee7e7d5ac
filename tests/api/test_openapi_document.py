"""docs/openapi.json is the document the app serves, byte for byte as `make openapi` writes
it: clients are generated from the committed file, so it must never drift."""

from __future__ import annotations

import json

import httpx
from fastapi import FastAPI

from app.api.openapi import document_text
from tests.conftest import REPO_ROOT

DOCUMENT = REPO_ROOT / "docs" / "openapi.json"
STALE = "docs/openapi.json differs from what the app serves: run `make openapi` and commit it"


async def test_the_committed_document_is_what_the_app_serves(client: httpx.AsyncClient) -> None:
    served = await client.get("/api/openapi.json")
    assert served.status_code == 200
    assert json.loads(DOCUMENT.read_text(encoding="utf-8")) == served.json(), STALE


def test_the_committed_document_is_written_as_make_openapi_writes_it(api: FastAPI) -> None:
    assert DOCUMENT.read_text(encoding="utf-8") == document_text(api), STALE


def test_operation_ids_are_the_handler_names(api: FastAPI) -> None:
    """The generated client's methods are named after them (`fibonacci_chart`)."""
    operations = [
        operation["operationId"]
        for path in api.openapi()["paths"].values()
        for operation in path.values()
    ]
    assert "fibonacci_chart" in operations
    assert len(operations) == len(set(operations))
