"""The bundled sample: real bars, split-adjusted, sliced and resampled like Yahoo would."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis import analyze
from integrations.market_data import (
    HistoryRequest,
    InvalidRangeError,
    PriceHistory,
    UnknownSymbolError,
)
from integrations.market_data.sample import SampleProvider, sample_frames
from tests.support.bars import sample_stock

provider = SampleProvider()


async def _history(symbol: str = "AAPL", **kwargs: str) -> PriceHistory:
    return await provider.history(HistoryRequest.create(symbol, **kwargs))


def _daily_moves(frame: pd.DataFrame) -> pd.Series:
    return frame["close"].pct_change().dropna()


async def test_aapl_splits_no_longer_look_like_crashes() -> None:
    raw = sample_stock("AAPL")  # the unadjusted bars as shipped
    for split_day in ("2000-06-21", "2005-02-28"):
        assert _daily_moves(raw).loc[split_day] < -0.45, "the raw data has the 2:1 drop"
    bars = (await _history(period="max")).bars
    moves = _daily_moves(bars)
    for split_day in ("2000-06-21", "2005-02-28"):
        assert abs(moves.loc[split_day]) < 0.1, split_day
    # The one fall beyond -40% left is real: Apple's profit warning of 29 September 2000.
    crashes = pd.DatetimeIndex(moves[moves < -0.4].index)
    assert list(crashes.strftime("%Y-%m-%d")) == ["2000-09-29"]


async def test_last_bar_keeps_its_real_price_and_earlier_bars_are_adjusted() -> None:
    raw = sample_stock("AAPL")
    bars = (await _history(period="max")).bars
    assert bars["close"].iloc[-1] == raw["close"].iloc[-1] == 430.47
    assert bars["close"].iloc[0] < raw["close"].iloc[0] / 4 + 1, "two 2:1 splits before 2013"
    assert (bars["high"] >= bars[["open", "close"]].max(axis=1)).all()


async def test_result_names_source_currency_zone_and_notice() -> None:
    history = await _history("msft", period="1y")
    assert (history.symbol, history.source, history.currency) == ("MSFT", "sample", "USD")
    assert history.timezone == "America/New_York"
    assert str(history.times.tz) == "America/New_York"
    assert history.notice is not None
    assert "2000–2013" in history.notice


@pytest.mark.parametrize(
    ("period", "first_day", "bars"),
    [
        ("1d", "2013-03-01", 1),
        ("5d", "2013-02-25", 5),
        ("1mo", "2013-02-04", None),
        ("6mo", "2012-09-04", None),
        ("ytd", "2013-01-02", None),
        ("1y", "2012-03-02", None),
    ],
)
async def test_periods_count_back_from_the_last_bar(
    period: str, first_day: str, bars: int | None
) -> None:
    history = await _history(period=period)
    assert history.bars.index[-1].strftime("%Y-%m-%d") == "2013-03-01"
    assert history.bars.index[0].strftime("%Y-%m-%d") == first_day
    if bars is not None:
        assert len(history) == bars


async def test_dates_select_the_days_between_them_inclusive() -> None:
    history = await _history(start="2008-09-15", end="2008-09-19")
    days = list(history.times.strftime("%Y-%m-%d"))
    assert days == ["2008-09-15", "2008-09-16", "2008-09-17", "2008-09-18", "2008-09-19"]


async def test_dates_outside_the_sample_say_what_it_covers() -> None:
    with pytest.raises(InvalidRangeError, match="it covers 2000-03-01 to 2013-03-01"):
        await _history(start="2020-01-01")


async def test_weekly_bars_follow_ohlcv_rules() -> None:
    daily = (await _history(start="2012-01-01", end="2012-12-31")).bars
    weekly = (await _history(start="2012-01-01", end="2012-12-31", interval="1wk")).bars
    assert weekly.index[0] == pd.Timestamp("2012-01-02", tz="America/New_York")
    assert (pd.DatetimeIndex(weekly.index).day_of_week == 0).all(), "labelled by their Monday"
    for monday in weekly.index:
        week = weekly.loc[monday]
        days = daily[(daily.index >= monday) & (daily.index < monday + pd.DateOffset(days=7))]
        assert week["open"] == days["open"].iloc[0]
        assert week["high"] == days["high"].max()
        assert week["low"] == days["low"].min()
        assert week["close"] == days["close"].iloc[-1]
        assert week["volume"] == pytest.approx(days["volume"].sum())
    assert len(weekly) == 53


async def test_monthly_quarterly_and_5d_bars() -> None:
    daily = (await _history(period="1y")).bars
    monthly = (await _history(period="1y", interval="1mo")).bars
    assert (pd.DatetimeIndex(monthly.index).day == 1).all()
    march = daily[pd.DatetimeIndex(daily.index).month == 3]
    assert monthly["close"].iloc[-1] == march["close"].iloc[-1]
    quarterly = (await _history(period="max", interval="3mo")).bars
    assert set(pd.DatetimeIndex(quarterly.index).month) == {1, 4, 7, 10}
    five = (await _history(period="1mo", interval="5d")).bars
    assert five["high"].iloc[0] == daily.loc[five.index[0] :].iloc[:5]["high"].max()


@pytest.mark.parametrize("interval", ["15m", "1h", "4h"])
async def test_intraday_is_refused_naming_the_nearest_interval_it_has(interval: str) -> None:
    with pytest.raises(InvalidRangeError, match=re.escape("daily bars only")) as caught:
        await _history(interval=interval)
    assert f"so {interval} bars cannot be made from it" in str(caught.value)
    assert "the nearest it has is 1d (also 5d, 1wk, 1mo and 3mo)" in str(caught.value)


async def test_symbols_outside_the_sample_list_what_is_available() -> None:
    with pytest.raises(UnknownSymbolError, match=re.escape("AAPL, FB, GOOG, IBM, MSFT")):
        await _history("TSLA")


async def test_todays_tickers_of_sample_companies_find_their_history() -> None:
    assert (await _history("META", period="1mo")).symbol == "FB"
    assert (await _history("GOOGL", period="1mo")).symbol == "GOOG"


async def test_quote_reads_the_last_bars() -> None:
    quote = await provider.quote("ibm")
    bars = sample_frames()["IBM"]
    assert quote.last_price == bars["close"].iloc[-1]
    assert quote.previous_close == bars["close"].iloc[-2]
    assert quote.change == pytest.approx(quote.last_price - bars["close"].iloc[-2])
    assert quote.change_percent == pytest.approx(quote.change / bars["close"].iloc[-2])
    assert (quote.day_low, quote.day_high) == (bars["low"].iloc[-1], bars["high"].iloc[-1])
    assert quote.year_high == bars["high"].iloc[-252:].max()
    assert quote.year_low == bars["low"].iloc[-252:].min()
    assert quote.year_high > bars["high"].iloc[-1]
    assert (quote.currency, quote.exchange, quote.source) == ("USD", "NYQ", "sample")


async def test_the_analysis_engine_accepts_every_sample_series() -> None:
    for symbol in ("AAPL", "FB", "GOOG", "IBM", "MSFT"):
        history = await _history(symbol, period="max")
        assert analyze(history.frame()).series.bars == len(history)
