"""`financials mcp` over stdio, driven by the mcp SDK's own client as a desktop agent would:
a real subprocess, the bundled sample data."""

from __future__ import annotations

import base64
import io
import sys
from pathlib import Path

import httpx
import pytest
from mcp import Client
from mcp.client.stdio import StdioServerParameters
from PIL import Image

from tests.api.conftest import Started
from tests.conftest import REPO_ROOT
from tests.mcp.conftest import BAD_SYMBOL, REQUEST, levels

pytestmark = pytest.mark.slow
TOOLS = {"analyze", "quote", "compare", "list_analyses", "get_analysis"}


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

        wrong = await mcp.call_tool("analyze", {"symbol": "AAPL", "tool": "elliott"})
        assert wrong.is_error
        assert "'fibonacci', 'structure' or 'levels'" in wrong.content[0].text  # type: ignore[union-attr]
