"""The chat's scan table without a browser or a scan: the request a row sends opens that
symbol as the scan read it, the table sorts by any column, and a planned scan is the API's
request."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from analysis.scan import ScanRow, SetupMatch, ZoneSetup
from app.services.chat_views import ScanRowView, UiMessage
from app.services.scan_chat import row_request, scan_request, sorted_by
from integrations.ai.offline_planner import OfflineChatPlanner
from language.models import Conversation, PlannedCall
from language.vocabulary import PERIODS, Interval, Period
from tests.unit.ai.fake_resolver import fake_resolver
from tests.unit.ai.planner_cases import TODAY


def _row(symbol: str, setup: str = "near-zone") -> ScanRow:
    return ScanRow(
        symbol=symbol,
        setup=setup,
        matches=[SetupMatch(setup=setup, label="support zone")],
        level="support zone",
        distance_pct=1.0,
        distance_atr=0.5,
        level_stats=None,
        trend="bullish",
        last_time=datetime(2013, 3, 1, tzinfo=UTC),
        last_close=100.0,
        atr=2.0,
    )


@pytest.mark.parametrize(
    ("symbol", "setup", "tool"),
    [
        ("AAPL", "golden-pocket", "fibonacci"),
        ("BTC-USD", "structure-break", "structure"),
        ("EURUSD=X", "near-zone", "levels"),
        ("^GSPC", "trend", "structure"),
        ("ES=F", "open-imbalance", "levels"),
        ("0700.HK", "near-fib", "fibonacci"),
    ],
)
@pytest.mark.parametrize(
    ("period", "interval"),
    [(p, "1d") for p in PERIODS if p not in ("1d", "5d")]
    + [("5y", "1wk"), ("10y", "1mo"), ("2y", "4h"), ("1mo", "1h"), ("5d", "15m")],
)
async def test_a_rows_request_opens_its_symbol_as_the_scan_read_it(
    symbol: str, setup: str, tool: str, period: Period, interval: Interval
) -> None:
    asked = row_request(_row(symbol, setup), period=period, interval=interval)
    plan = await OfflineChatPlanner(fake_resolver(), today=lambda: TODAY).plan(
        asked, Conversation()
    )
    assert plan.first is not None, plan.reply
    got = (plan.first.tool, plan.first.symbols, plan.first.period, plan.first.interval)
    assert got == (tool, [symbol], period, interval), asked


def _cells(symbol: str, atr: float, pct: float, stats_key: int) -> ScanRowView:
    return ScanRowView(
        symbol=symbol, setup="near-zone", level="zone", distance_pct=f"{pct}%",
        distance_atr=f"{atr}", stats="", verdict="", pooled="", trend="bullish",
        last_bar="", ask="", pct_key=pct, atr_key=atr, stats_key=stats_key, last_key="",
    )  # fmt: skip


def test_the_table_sorts_by_a_column_and_reverses_on_a_second_click() -> None:
    table = UiMessage(
        id="m",
        role="assistant",
        kind="scan",
        text="",
        scan_rows=[
            _cells("MSFT", 0.2, 3.0, 1),
            _cells("AAPL", 1e12, 1.0, 0),  # no distance: last
            _cells("IBM", 0.9, 2.0, 3),
        ],
    )
    by_atr = sorted_by(table, "distance_atr")
    assert [r.symbol for r in by_atr.scan_rows] == [
        "MSFT", "IBM", "AAPL",
    ]  # fmt: skip
    assert (by_atr.scan_sort, by_atr.scan_descending) == ("distance_atr", False)
    again = sorted_by(by_atr, "distance_atr")
    assert [r.symbol for r in again.scan_rows] == ["AAPL", "IBM", "MSFT"]
    assert again.scan_descending
    assert [r.symbol for r in sorted_by(again, "symbol").scan_rows] == ["AAPL", "IBM", "MSFT"]
    assert [r.symbol for r in sorted_by(table, "distance_pct").scan_rows] == [
        "AAPL", "IBM", "MSFT",
    ]  # fmt: skip
    assert [r.symbol for r in sorted_by(table, "stats").scan_rows] == ["AAPL", "MSFT", "IBM"]
    assert sorted_by(table, "no such column") == table


def test_a_planned_scan_is_the_apis_request_with_its_defaults() -> None:
    call = PlannedCall(tool="scan", universe="dow30", setups=(ZoneSetup(role="support"),))
    request = scan_request(call)
    assert (request.universe, request.symbols, request.period, request.interval) == (
        "dow30", None, "5y", "1d",
    )  # fmt: skip
    assert request.setups == (ZoneSetup(role="support"),)
    named = scan_request(PlannedCall(tool="scan", symbols=["AAPL", "MSFT"], interval="1wk"))
    assert (named.symbols, named.interval) == (("AAPL", "MSFT"), "1wk")
    assert [s.kind for s in named.setups] == ["golden-pocket"], "the API's default setup"
