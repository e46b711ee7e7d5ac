"""`financials mcp`: the tools over stdio for one local user, on services built for it.

A desktop agent starts this process and owns its stdin/stdout, so nothing else may write to
stdout (log lines go to stderr, as for every CLI command). The caller is the machine's user:
every scope, no token, no rate limit, as for the other CLI commands.
"""

from __future__ import annotations

from datetime import UTC, datetime

from mcp.server.mcpserver import Context

from app.config import MarketDataSource, get_settings
from app.mcp.server import build_server
from app.wiring import open_services
from integrations.auth.models import Principal
from integrations.auth.scopes import ALL_SCOPES


async def serve_stdio(user: str, source: MarketDataSource | None = None) -> None:
    local = Principal(
        sub=user,
        scopes=frozenset(ALL_SCOPES),
        issuer="local (financials mcp)",
        expires_at=datetime.max.replace(tzinfo=UTC),
    )

    def caller_of(_ctx: Context) -> Principal:
        return local

    async with open_services(get_settings(), source=source) as services:
        await build_server(services, caller_of).run_stdio_async()
