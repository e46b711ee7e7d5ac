"""The chat planner on its own: DashScope when a key is set, else the offline rules.

Apart from `wiring.ai` (which adds the chart interpreters, and with them the analysis and
pandas) so that `financials parse` imports only the planner it runs. `wiring.ai` builds the
app's planner with these same functions.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from app.config import Settings
from integrations.ai.offline_planner import OfflineChatPlanner
from integrations.market_data.symbols import TableResolver

if TYPE_CHECKING:
    from integrations.ai.dashscope_transport import DashScopeTransport
    from integrations.ai.port import ChatPlanner  # with the interpreter's port: analysis
    from language.resolver import SymbolResolver


def ai_symbol_resolver() -> SymbolResolver:
    """How the planner turns names into tickers: market data's table, exact matches only."""
    return TableResolver()


def dashscope_transport(settings: Settings, *, offline: bool = False) -> DashScopeTransport | None:
    """The DashScope client when a key is set and `offline` is not asked for; else None.

    Opens no connection; the SDK is imported only here, when a key is set (it is slow).
    """
    if offline or not settings.uses_dashscope or settings.dashscope_api_key is None:
        return None
    from integrations.ai.dashscope_transport import DashScopeConfig, DashScopeTransport

    return DashScopeTransport(
        DashScopeConfig(
            api_key=settings.dashscope_api_key,
            base_url=settings.dashscope_base_url,
            timeout_seconds=settings.ai_timeout_seconds,
        )
    )


def build_planner(
    settings: Settings, transport: DashScopeTransport | None, resolver: SymbolResolver
) -> ChatPlanner:
    """Qwen tool calling over `transport`, or the offline rules without one."""
    if transport is None:
        return OfflineChatPlanner(resolver)
    from integrations.ai.dashscope_planner import DashScopeChatPlanner

    return DashScopeChatPlanner(transport, resolver, model=settings.chat_model)


@asynccontextmanager
async def open_planner(settings: Settings, *, offline: bool = False) -> AsyncIterator[ChatPlanner]:
    """The planner alone, for one command; the DashScope connection pool (if any) closes after."""
    transport = dashscope_transport(settings, offline=offline)
    try:
        yield build_planner(settings, transport, ai_symbol_resolver())
    finally:
        if transport is not None:
            await transport.close()
