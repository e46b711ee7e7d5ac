"""The AI: DashScope when a key is set, else the offline analyst and planner."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from app.config import MISSING_AI_KEY, Settings
from app.logging import get_logger
from app.services.container import Ai
from app.wiring.planner import ai_symbol_resolver, build_planner, dashscope_transport
from integrations.ai.offline_analyst import OfflineChartInterpreter
from language.resolver import SymbolResolver

__all__ = ["ai_symbol_resolver", "build_ai", "open_ai", "warn_if_ai_key_missing"]

log = get_logger("financials.wiring")


def build_ai(
    settings: Settings, resolver: SymbolResolver | None = None, *, offline: bool = False
) -> Ai:
    """DashScope when a key is set (and `offline` is not asked for), else the offline pair.

    Opens no connection; the SDK is imported only when a key is set (it is slow to import).
    The offline analyst is the fallback either way: it needs no network.
    """
    resolver = resolver if resolver is not None else ai_symbol_resolver()
    fallback = OfflineChartInterpreter()
    transport = dashscope_transport(settings, offline=offline)
    planner = build_planner(settings, transport, resolver)
    if transport is None:
        return Ai(fallback, planner, fallback=fallback)
    from integrations.ai.dashscope_interpreter import DashScopeChartInterpreter

    return Ai(
        interpreter=DashScopeChartInterpreter(transport, model=settings.vl_model),
        planner=planner,
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
