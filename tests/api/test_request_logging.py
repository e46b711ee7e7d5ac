"""Each request logs one structured line that carries the same id as its response."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import httpx
import pytest

from app.config import LogFormat, Settings
from app.logging import configure_logging


def _configure(fmt: LogFormat) -> io.StringIO:
    stream = io.StringIO()
    configure_logging(Settings(_env_file=None, log_format=fmt), stream=stream)
    return stream


@pytest.fixture
def _restore_root_handlers() -> Iterator[None]:
    saved = logging.getLogger().handlers[:]
    yield
    logging.getLogger().handlers[:] = saved


@pytest.mark.usefixtures("_restore_root_handlers")
async def test_access_log_is_json_with_the_request_id(client: httpx.AsyncClient) -> None:
    stream = _configure("json")
    response = await client.get("/api/health")
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    access = [line for line in lines if line.get("event") == "request"]
    assert len(access) == 1
    assert access[0]["request_id"] == response.headers["x-request-id"]
    assert access[0]["path"] == "/api/health"
    assert access[0]["status"] == 200
    assert access[0]["level"] == "info"


@pytest.mark.usefixtures("_restore_root_handlers")
async def test_console_format_is_readable_not_json(client: httpx.AsyncClient) -> None:
    stream = _configure("console")
    await client.get("/api/health")
    line = next(line for line in stream.getvalue().splitlines() if "request" in line)
    assert "path=/api/health" in line
    with pytest.raises(json.JSONDecodeError):
        json.loads(line)
