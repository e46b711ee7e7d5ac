"""Yahoo through yfinance, without a network: recorded chart payloads go through yfinance's
own parsing (only its HTTP fetch is replaced), so a yfinance upgrade that changes what
reaches us fails here. Limits, rate limits and outages are checked the same way."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from curl_cffi.requests.exceptions import DNSError, HTTPError
from yfinance.data import YfData
from yfinance.exceptions import YFRateLimitError

from integrations.market_data import (
    HistoryRequest,
    InvalidRangeError,
    NetworkUnreachableError,
    RateLimitedError,
    UnknownSymbolError,
)
from integrations.market_data import yahoo as yahoo_module
from integrations.market_data.yahoo import YahooProvider, check_intraday_limits, clean
from tests.conftest import REPO_ROOT

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "yahoo"
CHARTS = {"AAPL": "chart_AAPL_1mo_1d.json", "0700.HK": "chart_0700.HK_5d_1h.json"}
TODAY = date(2024, 6, 14)  # the day the fixtures were "recorded"


class FakeResponse:
    """The parts of a curl_cffi response yfinance reads."""

    def __init__(self, url: str, payload: dict[str, Any], status_code: int = 200) -> None:
        self.url = url
        self.status_code = status_code
        self._payload = payload
        self.text = json.dumps(payload)

    def json(self) -> dict[str, Any]:
        return self._payload

    def raise_for_status(self) -> None:
        if self.status_code >= 400:
            raise HTTPError(f"HTTP Error {self.status_code}", response=self)


class FakeYahoo:
    """Stands in for Yahoo's HTTP API: chart payloads from tests/fixtures, 404 otherwise.

    Its bound `get` replaces `YfData.get`, so it is called without yfinance's instance.
    """

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.failures: list[BaseException] = []  # raised, in order, before answering

    def get(self, url: str, params: Any = None, timeout: float = 30) -> Any:
        self.calls.append((url, dict(params or {})))
        if self.failures:
            raise self.failures.pop(0)
        symbol = url.rsplit("/", 1)[-1]
        if "/v8/finance/chart/" in url:
            name = CHARTS.get(symbol, "chart_not_found.json")
            status = 200 if symbol in CHARTS else 404
            return FakeResponse(url, json.loads((FIXTURES / name).read_text()), status)
        error = {"code": "Not Found", "description": f"Quote not found for symbol: {symbol}"}
        return FakeResponse(url, {"quoteSummary": {"result": None, "error": error}}, 404)

    def chart_calls(self) -> list[dict[str, Any]]:
        return [params for url, params in self.calls if "/v8/finance/chart/" in url]


@pytest.fixture(autouse=True)
def fresh_yfinance_setup() -> None:
    """yfinance is configured once per process, but pytest resets warning filters per test."""
    yahoo_module._yfinance.cache_clear()


@pytest.fixture
def yahoo(monkeypatch: pytest.MonkeyPatch) -> FakeYahoo:
    fake = FakeYahoo()
    monkeypatch.setattr(YfData, "get", fake.get)
    monkeypatch.setattr(YfData, "cache_get", fake.get)
    return fake


@pytest.fixture
def provider(tmp_path: Path) -> YahooProvider:
    return YahooProvider(cache_dir=tmp_path / "yf", backoff_seconds=0, today=lambda: TODAY)


async def test_daily_chart_becomes_clean_bars_in_the_exchange_time_zone(
    yahoo: FakeYahoo, provider: YahooProvider
) -> None:
    history = await provider.history(HistoryRequest.create("aapl", period="1mo"))
    chart = json.loads((FIXTURES / CHARTS["AAPL"]).read_text())["chart"]["result"][0]
    quote = chart["indicators"]["quote"][0]

    assert (history.symbol, history.interval, history.source) == ("AAPL", "1d", "yahoo")
    assert (history.currency, history.timezone) == ("USD", "America/New_York")
    assert (history.exchange, history.name, history.notice) == ("NasdaqGS", "Apple Inc.", None)
    bars = history.bars
    assert list(bars.columns) == ["open", "high", "low", "close", "volume"]
    assert all(dtype == np.float64 for dtype in bars.dtypes)
    assert str(history.times.tz) == "America/New_York"
    assert len(bars) == len(chart["timestamp"]) == 22
    # Daily bars are dated at midnight exchange time, whatever hour Yahoo stamped them.
    assert bars.index[0] == pd.Timestamp("2024-05-15", tz="America/New_York")
    assert bars.index[-1] == pd.Timestamp("2024-06-14", tz="America/New_York")
    assert pd.Timestamp("2024-05-27", tz="America/New_York") not in bars.index  # Memorial Day
    assert bars["close"].tolist() == pytest.approx(quote["close"])
    assert bars["volume"].tolist() == quote["volume"]
    assert yahoo.chart_calls()[-1] == {
        "range": "1mo",
        "interval": "1d",
        "includePrePost": False,
        "events": "div,splits,capitalGains",
    }


async def test_intraday_chart_keeps_exchange_hours_and_zone(
    yahoo: FakeYahoo, provider: YahooProvider
) -> None:
    history = await provider.history(HistoryRequest.create("0700.HK", period="5d", interval="1h"))
    assert (history.currency, history.timezone) == ("HKD", "Asia/Hong_Kong")
    times = history.times
    assert str(times.tz) == "Asia/Hong_Kong"
    assert times[0] == pd.Timestamp("2024-06-11 09:30", tz="Asia/Hong_Kong")
    first_day = times[times.normalize() == times[0].normalize()]
    assert [t.strftime("%H:%M") for t in first_day] == [
        "09:30", "10:30", "11:30", "13:00", "14:00", "15:00",
    ]  # fmt: skip


async def test_4h_bars_are_built_from_yahoos_1h_bars_one_day_at_a_time(
    yahoo: FakeYahoo, provider: YahooProvider
) -> None:
    hourly = await provider.history(HistoryRequest.create("0700.HK", period="5d", interval="1h"))
    history = await provider.history(HistoryRequest.create("0700.HK", period="5d", interval="4h"))

    assert [params["interval"] for params in yahoo.chart_calls()] == ["1h", "1h"]
    assert history.interval == "4h"
    assert history.notice == "4h bars built from Yahoo's 1h bars, one trading day at a time"
    times = history.times
    assert times.normalize().nunique() == hourly.times.normalize().nunique()
    first_day = hourly.bars[hourly.times.normalize() == times[0].normalize()]
    # 09:30, 10:30, 11:30 and 13:00 make the first bar; 14:00 and 15:00 the second.
    assert [t.strftime("%H:%M") for t in times[:2]] == ["09:30", "13:30"]
    assert history.bars["open"].iloc[0] == first_day["open"].iloc[0]
    assert history.bars["high"].iloc[0] == first_day["high"].iloc[:4].max()
    assert history.bars["close"].iloc[1] == first_day["close"].iloc[-1]
    assert history.bars["volume"].sum() == hourly.bars["volume"].sum()


async def test_dates_are_sent_with_an_exclusive_end_in_exchange_time(
    yahoo: FakeYahoo, provider: YahooProvider
) -> None:
    await provider.history(HistoryRequest.create("AAPL", start="2024-05-15", end="2024-06-13"))
    params = yahoo.chart_calls()[-1]
    new_york = "America/New_York"
    assert params["period1"] == pd.Timestamp("2024-05-15", tz=new_york).timestamp()
    assert params["period2"] == pd.Timestamp("2024-06-14", tz=new_york).timestamp()


@pytest.mark.parametrize(
    "request_",
    [
        HistoryRequest.create("NOPE", period="1mo"),
        HistoryRequest.create("NOPE", start="2024-01-02"),
    ],
)
async def test_unknown_symbol_is_named_with_examples(
    yahoo: FakeYahoo, provider: YahooProvider, request_: HistoryRequest
) -> None:
    with pytest.raises(UnknownSymbolError, match=re.escape("NOPE; check the ticker (e.g. AAPL")):
        await provider.history(request_)


async def test_rate_limits_are_retried_then_succeed(
    yahoo: FakeYahoo, provider: YahooProvider
) -> None:
    yahoo.failures = [YFRateLimitError(), YFRateLimitError()]
    history = await provider.history(HistoryRequest.create("AAPL", period="1mo"))
    assert len(history) == 22
    refused, answered = yahoo.calls[:2], yahoo.calls[-1]
    assert all("/v8/finance/chart/AAPL" in url for url, _ in refused)
    assert answered[1]["range"] == "1mo", "the third attempt got the bars"


async def test_persistent_rate_limit_is_a_clear_error(
    yahoo: FakeYahoo, provider: YahooProvider
) -> None:
    yahoo.failures = [YFRateLimitError() for _ in range(3)]
    with pytest.raises(RateLimitedError, match="limiting requests right now"):
        await provider.history(HistoryRequest.create("AAPL", period="1mo"))
    assert len(yahoo.calls) == 3, "three attempts, then it gives up"


async def test_no_network_is_reported_as_unreachable(
    yahoo: FakeYahoo, provider: YahooProvider
) -> None:
    yahoo.failures = [DNSError("Could not resolve host: query2.finance.yahoo.com")] * 5
    with pytest.raises(NetworkUnreachableError, match="Yahoo Finance is unreachable") as caught:
        await provider.history(HistoryRequest.create("AAPL", period="1mo"))
    assert "work offline" in str(caught.value)


async def test_a_silent_network_times_out_quickly(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def hang(*_args: object, **_kwargs: object) -> object:
        time.sleep(0.5)
        raise AssertionError("the caller should have stopped waiting")

    monkeypatch.setattr(YfData, "get", hang)
    monkeypatch.setattr(YfData, "cache_get", hang)
    provider = YahooProvider(cache_dir=tmp_path, timeout_seconds=0.05, today=lambda: TODAY)
    with pytest.raises(NetworkUnreachableError, match=r"did not answer within 0\.05 s"):
        await provider.history(HistoryRequest.create("AAPL", period="1mo"))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"period": "1mo", "interval": "1m"}, "1m bars for the last 7 days only, so period 1mo"),
        ({"period": "3mo", "interval": "5m"}, "use period 1d, 5d, 1mo or max"),
        ({"period": "5y", "interval": "1h"}, "use period 1d, 5d, 1mo, 3mo, 6mo, 1y, 2y or max"),
        ({"start": "2024-03-01", "interval": "15m"}, "start on or after 2024-04-15"),
        ({"start": "2024-06-08", "end": "2024-06-13", "interval": "1m"}, None),
        ({"start": "2024-06-07", "end": "2024-06-14", "interval": "1m"}, None),
        ({"start": "2024-06-07", "end": "2024-06-15", "interval": "1m"}, "at most 8 days per"),
        ({"start": "2022-06-13", "interval": "60m"}, "730 days only"),
        ({"period": "ytd", "interval": "90m"}, "period ytd is too long"),
        ({"period": "5y", "interval": "4h"}, "1h bars (which 4h bars are built from) for the"),
        ({"period": "2y", "interval": "2h"}, None),
        ({"period": "max", "interval": "1m"}, None),
        ({"period": "10y", "interval": "1d"}, None),
    ],
)
def test_intraday_limits_are_checked_before_any_request(
    kwargs: dict[str, str], message: str | None
) -> None:
    request = HistoryRequest.create("AAPL", **kwargs)
    if message is None:
        check_intraday_limits(request, TODAY)
        return
    with pytest.raises(InvalidRangeError, match=re.escape(message)):
        check_intraday_limits(request, TODAY)


async def test_refused_ranges_cost_no_request(yahoo: FakeYahoo, provider: YahooProvider) -> None:
    with pytest.raises(InvalidRangeError):
        await provider.history(HistoryRequest.create("AAPL", period="1y", interval="1m"))
    assert yahoo.calls == []


def test_clean_drops_priceless_rows_and_stretches_wicks_to_the_body() -> None:
    index = pd.date_range("2024-01-01", periods=3, tz="America/New_York")
    raw = pd.DataFrame(
        {
            "Open": [10.0, np.nan, 10.0],
            "High": [10.99999, np.nan, 11.0],
            "Low": [9.0, np.nan, 10.00001],
            "Close": [11.0, np.nan, 10.5],
            "Volume": [100, 0, np.nan],
        },
        index=index,
    )
    bars = clean(raw)
    assert list(bars.index) == [index[0], index[2]]
    assert bars["high"].tolist() == [11.0, 11.0]
    assert bars["low"].tolist() == [9.0, 10.0]
    assert bars["volume"].tolist() == [100.0, 0.0]


async def test_quote_from_fast_info(
    monkeypatch: pytest.MonkeyPatch, provider: YahooProvider
) -> None:
    info = {
        "lastPrice": 212.49,
        "previousClose": 214.24,
        "dayLow": 211.3,
        "dayHigh": 215.17,
        "yearLow": 164.08,
        "yearHigh": 220.2,
        "currency": "USD",
        "exchange": "NMS",
    }

    class FakeTicker:
        def __init__(self, symbol: str) -> None:
            self.fast_info = info

    real_load: Callable[[], Any] = provider._load

    def load() -> Any:
        yf = real_load()
        monkeypatch.setattr(yf, "Ticker", FakeTicker)
        return yf

    monkeypatch.setattr(provider, "_load", load)
    quote = await provider.quote("aapl")
    assert (quote.symbol, quote.name, quote.source) == ("AAPL", "Apple Inc.", "yahoo")
    assert quote.change == pytest.approx(212.49 - 214.24)
    assert quote.change_percent == pytest.approx((212.49 - 214.24) / 214.24)
    assert (quote.day_low, quote.day_high, quote.year_low, quote.year_high) == (
        211.3, 215.17, 164.08, 220.2,
    )  # fmt: skip
    assert (quote.currency, quote.exchange) == ("USD", "NMS")
