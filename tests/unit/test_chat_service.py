"""The chat's use case without a browser: words and chips in, answers out."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest

from app.config import get_settings
from app.services.analyses import AnalysisPorts
from app.services.chat import ChatAnswer, Overrides, answer
from app.wiring.ai import ai_symbol_resolver
from app.wiring.market import open_market_data
from app.wiring.persistence import open_persistence
from integrations.ai.offline_analyst import OfflineChartInterpreter
from integrations.ai.offline_planner import OfflineChatPlanner
from language.models import Conversation


@pytest.fixture
async def ports(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[AnalysisPorts]:
    monkeypatch.setenv("FINANCIALS_MARKET_DATA_SOURCE", "sample")
    get_settings.cache_clear()
    settings = get_settings()
    async with open_persistence(settings) as persistence, open_market_data(settings) as market:
        yield AnalysisPorts(
            market=market.provider,
            records=persistence.records,
            objects=persistence.objects,
            link_lifetime=timedelta(minutes=5),
            interpreter=OfflineChartInterpreter(),
            fallback=OfflineChartInterpreter(),
        )


PLANNER = OfflineChatPlanner(ai_symbol_resolver())


async def _ask(ports: AnalysisPorts, text: str, **options: Any) -> ChatAnswer:
    """A first message in a new conversation, planned offline."""
    return await answer(
        text, owner="alice", planner=PLANNER, conversation=Conversation(), ports=ports, **options
    )


async def test_words_become_an_analysis_with_progress(ports: AnalysisPorts) -> None:
    steps: list[str] = []

    async def progress(step: str) -> None:
        steps.append(step)

    reply = await _ask(ports, "do a fibonacci retracement for AAPL", progress=progress)
    assert reply.kind == "analysis"
    assert reply.run is not None
    assert reply.run.response.symbol == "AAPL"
    assert steps[0] == "Fetching market data…"
    assert any(step.startswith("Analysing") for step in steps)
    assert "offline analyst" in reply.text


async def test_a_chip_attaches_the_tool_to_a_bare_symbol(ports: AnalysisPorts) -> None:
    reply = await _ask(ports, "MSFT", overrides=Overrides(tool="structure", period="2y"))
    assert reply.kind == "analysis"
    assert reply.tool == "structure"
    assert reply.run is not None
    assert reply.run.response.symbol == "MSFT"


async def test_unknown_symbols_are_a_clear_error_not_an_exception(ports: AnalysisPorts) -> None:
    reply = await _ask(ports, "fibonacci for ZZZZZQ")
    assert reply.kind == "error"
    assert "ZZZZZQ" in reply.text


async def test_compare_and_quote_and_help(ports: AnalysisPorts) -> None:
    compare = await _ask(ports, "compare apple and microsoft over 6 months")
    assert compare.kind == "compare"
    assert [row.symbol for row in compare.compare] == ["AAPL", "MSFT"]
    quote = await _ask(ports, "quote IBM")
    assert quote.kind == "quote"
    assert quote.text.startswith("IBM")
    helped = await _ask(ports, "help")
    assert "plain English" in helped.text


async def test_the_reading_streams_in_as_it_is_written(ports: AnalysisPorts) -> None:
    written: list[str] = []

    async def on_text(text: str) -> None:
        written.append(text)

    reply = await _ask(ports, "fibonacci for MSFT", on_text=on_text)
    assert len(written) > 2, "several partial readings, not one at the end"
    assert all(later.startswith(earlier) for earlier, later in itertools.pairwise(written))
    assert reply.run is not None
    assert reply.run.response.summary is not None
    assert written[-1].strip() == reply.run.response.summary.text


async def test_the_period_written_in_the_message_beats_the_period_selector(
    ports: AnalysisPorts,
) -> None:
    reply = await _ask(
        ports,
        "Do a Fibonacci retracement for AAPL over 1 year",
        overrides=Overrides(period="6mo"),
    )
    assert reply.request is not None
    assert reply.request.period == "1y"
    picked = await _ask(ports, "fibonacci for AAPL", overrides=Overrides(period="2y"))
    assert picked.request is not None
    assert picked.request.period == "2y", "a picked selector beats the default"
    plain = await _ask(ports, "fibonacci for AAPL")
    assert plain.request is not None
    assert plain.request.period == "6mo", "nothing said, nothing picked: the default"


async def test_the_tool_written_in_the_message_beats_the_chip(ports: AnalysisPorts) -> None:
    written = await _ask(ports, "market structure for MSFT", overrides=Overrides(tool="levels"))
    assert written.tool == "structure"
    bare = await _ask(ports, "MSFT", overrides=Overrides(tool="levels"))
    assert bare.tool == "levels"


async def test_a_picked_selector_beats_the_conversations_context(ports: AnalysisPorts) -> None:
    first = await _ask(ports, "fibonacci for AAPL over 2 years")
    assert first.plan is not None
    conversation = Conversation().then("fibonacci for AAPL over 2 years", first.plan)
    kept = await answer(
        "now MSFT", owner="alice", planner=PLANNER, conversation=conversation, ports=ports
    )
    assert kept.request is not None
    assert (kept.request.symbol, kept.request.period) == ("MSFT", "2y"), "context kept"
    picked = await answer(
        "now MSFT",
        owner="alice",
        planner=PLANNER,
        conversation=conversation,
        ports=ports,
        overrides=Overrides(period="5y"),
    )
    assert picked.request is not None
    assert picked.request.period == "5y"


async def test_quote_and_compare_carry_their_charts_data(ports: AnalysisPorts) -> None:
    quote = await _ask(ports, "quote IBM")
    assert list(quote.closes) == ["IBM"]
    assert len(quote.closes["IBM"].values) > 40, "about three months of closes"
    compare = await _ask(ports, "compare apple and microsoft over 1 year")
    assert list(compare.closes) == ["AAPL", "MSFT"]
    for row in compare.compare:
        closes = compare.closes[row.symbol].values
        assert row.change_pct == pytest.approx(closes[-1] / closes[0] - 1)
        assert row.support is None or row.support < row.last_close
        assert row.resistance is None or row.resistance > row.last_close
