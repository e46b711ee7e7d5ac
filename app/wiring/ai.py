"""The AI: DashScope when a key is set, else the offline analyst and planner."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from app.config import MISSING_AI_KEY, Settings
from app.logging import get_logger
from app.services.container import Ai
from integrations.ai.offline_analyst import OfflineChartInterpreter
from integrations.ai.offline_planner import OfflineChatPlanner
from integrations.market_data.symbols import TableResolver
from language.resolver import SymbolResolver

log = get_logger("financials.wiring")


def ai_symbol_resolver() -> SymbolResolver:
    """How the planner turns names into tickers: market data's table, exact matches only."""
    return TableResolver()


def build_ai(
    settings: Settings, resolver: SymbolResolver | None = None, *, offline: bool = False
) -> Ai:
    """DashScope when a key is set (and `offline` is not asked for), else the offline pair.

    Opens no connection; the SDK is imported only when a key is set (it is slow to import).
    The offline analyst is the fallback either way: it needs no network.
    """
    resolver = resolver if resolver is not None else ai_symbol_resolver()
    fallback = OfflineChartInterpreter()
    if offline or not settings.uses_dashscope or settings.dashscope_api_key is None:
        return Ai(fallback, OfflineChatPlanner(resolver), fallback=fallback)
    from integrations.ai.dashscope_interpreter import DashScopeChartInterpreter
    from integrations.ai.dashscope_planner import DashScopeChatPlanner
    from integrations.ai.dashscope_transport import DashScopeConfig, DashScopeTransport

    transport = DashScopeTransport(
        DashScopeConfig(
            api_key=settings.dashscope_api_key,
            base_url=settings.dashscope_base_url,
            timeout_seconds=settings.ai_timeout_seconds,
        )
    )
    return Ai(
        interpreter=DashScopeChartInterpreter(transport, model=settings.vl_model),
        planner=DashScopeChatPlanner(transport, resolver, model=settings.chat_model),
        fallback=fallback,
        transport=transport,
    )


def warn_if_ai_key_missing(settings: Settings) -> None:
    """A start-up warning when production would quietly run on the offline analyst."""
    if settings.missing_ai_key:
        log.warning(MISSING_AI_KEY)


@asynccontextmanager
async def open_ai(settings: Settings) -> AsyncIterator[Ai]:
    """The AI for the app's lifetime; the DashScope connection pool (if any) closes after."""
    warn_if_ai_key_missing(settings)
    ai = build_ai(settings)
    try:
        yield ai
    finally:
        await ai.close()
