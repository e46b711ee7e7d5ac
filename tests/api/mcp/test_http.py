"""`/mcp` over streamable HTTP on a real server process, with the mcp SDK's own client:
the same tools and levels as the API, behind the same tokens, scopes and rate limits."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager

import httpx
import httpx2
import pytest
from mcp import Client
from mcp.client.streamable_http import streamable_http_client

from app.api.mcp import serving_mcp
from app.config import Settings
from app.wiring.auth import dev_issuer
from integrations.ratelimit.memory import MemoryRateLimiter
from integrations.ratelimit.port import BucketPolicy
from tests.api.conftest import Started
from tests.api.mcp.conftest import BAD_SYMBOL, REQUEST, levels
from tests.support.api_server import RunningServer, api_server

pytestmark = pytest.mark.slow
LIST_TOOLS = {"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {}}
ACCEPT = {"Accept": "application/json, text/event-stream"}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with api_server(tmp_path_factory.mktemp("mcp") / "data") as up:
        yield up


def _token(server: RunningServer, scopes: str) -> str:
    issuer = dev_issuer(Settings(_env_file=None, data_dir=server.data_dir))
    return issuer.mint("agent", scopes.split())


@asynccontextmanager
async def _mcp(server: RunningServer, scopes: str) -> AsyncIterator[Client]:
    headers = {"Authorization": f"Bearer {_token(server, scopes)}"}
    async with (
        httpx2.AsyncClient(headers=headers, timeout=120) as http,
        Client(streamable_http_client(f"{server.url}/mcp", http_client=http)) as client,
    ):
        yield client


async def test_http_lists_the_tools_and_analyses_like_the_api(server: RunningServer) -> None:
    headers = {"Authorization": f"Bearer {_token(server, 'charts:read charts:write')}"}
    async with httpx.AsyncClient(base_url=server.url, timeout=120) as http:
        api = await http.post("/api/analysis", json=REQUEST, headers=headers)
    assert api.status_code == 200, api.text

    async with _mcp(server, "charts:read charts:write") as mcp:
        names = {tool.name for tool in (await mcp.list_tools()).tools}
        assert {"analyze", "quote", "compare", "list_analyses", "get_analysis"} <= names
        made = await mcp.call_tool("analyze", {**REQUEST, "interpret": False})
        assert not made.is_error, made.content
        body = made.structured_content
        assert body is not None
        assert levels(body["analysis"]) == levels(api.json()["analysis"])
        assert [block.type for block in made.content] == ["text", "image"]

        again = await mcp.call_tool("get_analysis", {"analysis_id": body["id"]})
        assert again.structured_content is not None
        assert again.structured_content["analysis"] == body["analysis"]

        compared = await mcp.call_tool("compare", {"symbols": ["AAPL", "MSFT"], "period": "1y"})
        assert compared.structured_content is not None
        rows = compared.structured_content["symbols"]
        assert [row["symbol"] for row in rows] == ["AAPL", "MSFT"]
        assert all(row["source"] == "sample" and row["notice"] for row in rows)

        refused = await mcp.call_tool("quote", {"symbol": BAD_SYMBOL})
        assert refused.is_error
        assert "nothing matches" in refused.content[0].text  # type: ignore[union-attr]


async def test_a_read_only_token_cannot_keep_an_analysis(server: RunningServer) -> None:
    async with _mcp(server, "charts:read") as mcp:
        quoted = await mcp.call_tool("quote", {"symbol": "IBM"})
        assert not quoted.is_error
        refused = await mcp.call_tool("analyze", {"symbol": "IBM"})
    assert refused.is_error
    assert "charts:write" in refused.content[0].text  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("scopes", "status", "challenge"),
    [(None, 401, 'Bearer realm="financials"'), ("charts:write", 403, "insufficient_scope")],
)
def test_refused_without_a_token_or_the_scope(
    server: RunningServer, scopes: str | None, status: int, challenge: str
) -> None:
    headers = dict(ACCEPT)
    if scopes is not None:
        headers["Authorization"] = f"Bearer {_token(server, scopes)}"
    refused = httpx.post(f"{server.url}/mcp", json=LIST_TOOLS, headers=headers, timeout=60)
    assert refused.status_code == status
    assert refused.headers["content-type"] == "application/problem+json"
    assert challenge in refused.headers["www-authenticate"]


async def test_mcp_calls_share_the_api_rate_limit(
    client: httpx.AsyncClient, started: Started
) -> None:
    """In process: the budget is the caller's, whether it calls /api or /mcp."""
    tight = MemoryRateLimiter(BucketPolicy(per_minute=6, burst=2))
    headers = {**ACCEPT, **started.headers(scopes="charts:read")}
    with started.replaced(limiter=tight) as services:
        async with serving_mcp(started.api, services):
            me = await client.get("/api/me", headers=headers)
            listed = await client.post("/mcp", json=LIST_TOOLS, headers=headers)
            over = await client.post("/mcp", json=LIST_TOOLS, headers=headers)
    assert (me.status_code, listed.status_code) == (200, 200), listed.text
    assert "analyze" in listed.text
    assert over.status_code == 429
    assert int(over.headers["retry-after"]) >= 1
