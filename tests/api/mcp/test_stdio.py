"""`financials mcp` over stdio, driven by the mcp SDK's own client as a desktop agent would:
a real subprocess, the bundled sample data."""

from __future__ import annotations

import base64
import io
import json
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from mcp import Client
from mcp.client.stdio import StdioServerParameters
from PIL import Image

from app.services.container import Scanning
from app.services.scans import ScanJobs
from app.wiring.scans import scan_symbol
from integrations.scans.inprocess import ThreadScanExecutor
from tests.api.conftest import Started
from tests.api.mcp.conftest import BAD_SYMBOL, REQUEST, levels
from tests.api.test_scans import BODY, _finished
from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.slow
TOOLS = {"analyze", "quote", "compare", "list_analyses", "get_analysis", "scan"}
SCAN = BODY


def _rows(view: dict[str, Any]) -> list[tuple[str, str]]:
    return [(row["symbol"], json.dumps(row, sort_keys=True)) for row in view["rows"]]


def _server(data_dir: Path) -> StdioServerParameters:
    return StdioServerParameters(
        command=str(Path(sys.executable).parent / "financials"),
        args=["mcp", "--source", "sample"],
        env={"FINANCIALS_DATA_DIR": str(data_dir), "FINANCIALS_ENV": "test"},
        cwd=REPO_ROOT,
    )


async def test_stdio_lists_the_tools_and_analyses_like_the_api(
    tmp_path: Path, client: httpx.AsyncClient, started: Started
) -> None:
    api = await client.post("/api/analysis", json=REQUEST, headers=started.headers())
    assert api.status_code == 200, api.text

    async with Client(_server(tmp_path / "data"), read_timeout_seconds=120) as mcp:
        listed = {tool.name: tool for tool in (await mcp.list_tools()).tools}
        assert set(listed) >= TOOLS
        assert all(listed[name].output_schema for name in TOOLS), "every tool is typed"

        made = await mcp.call_tool("analyze", {**REQUEST, "interpret": False})
        assert not made.is_error, made.content
        body = made.structured_content
        assert body is not None
        assert levels(body["analysis"]) == levels(api.json()["analysis"])
        assert body["source"] == "sample"
        assert "sample" in body["notice"], "the offline notice comes with the numbers"
        images = [block for block in made.content if block.type == "image"]
        assert len(images) == 1
        assert Image.open(io.BytesIO(base64.b64decode(images[0].data))).format == "PNG"

        kept = await mcp.call_tool("list_analyses", {})
        assert kept.structured_content is not None
        assert kept.structured_content["items"][0]["id"] == body["id"]

        refused = await mcp.call_tool("analyze", {"symbol": BAD_SYMBOL})
        assert refused.is_error
        text = refused.content[0].text  # type: ignore[union-attr]
        assert "nothing matches" in text
        assert "AAPL" in text, "it says what is accepted"
        assert "Traceback" not in text

        scanned = await mcp.call_tool("scan", {"request": SCAN})
        assert not scanned.is_error, scanned.content
        assert scanned.structured_content is not None
        with started.replaced(scanning=Scanning(ThreadScanExecutor(2), ScanJobs(), scan_symbol)):
            posted = await client.post("/api/scans", json=SCAN, headers=started.headers())
            assert posted.status_code == 202, posted.text
            api_scan = await _finished(client, started, posted.json()["id"])
        assert _rows(scanned.structured_content) == _rows(api_scan), "the API's very rows"

        wrong = await mcp.call_tool("analyze", {"symbol": "AAPL", "tool": "elliott"})
        assert wrong.is_error
        assert "'fibonacci', 'structure' or 'levels'" in wrong.content[0].text  # type: ignore[union-attr]
