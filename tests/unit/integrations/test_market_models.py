"""The request model refuses bad ranges with one readable sentence; results keep their shape."""

from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd
import pytest
from pydantic import ValidationError

from integrations.market_data import HistoryRequest, InvalidRangeError, PriceHistory
from tests.support.market import history_of


def test_no_range_means_the_last_six_months() -> None:
    request = HistoryRequest.create(" aapl ")
    assert (request.symbol, request.period, request.interval) == ("AAPL", "6mo", "1d")
    assert request.range_key == "6mo"


def test_dates_instead_of_a_period() -> None:
    request = HistoryRequest.create("MSFT", start="2024-01-02", end=date(2024, 3, 1))
    assert request.period is None
    assert request.range_key == "2024-01-02..2024-03-01"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"interval": "7d"}, "interval '7d' is not accepted; use one of 1m, 2m, 5m,"),
        ({"period": "2w"}, "period '2w' is not accepted; use one of 1d, 5d, 1mo,"),
        ({"period": "1mo", "start": "2024-01-01"}, "either a period (1mo) or start/end dates"),
        ({"end": "2024-01-01"}, "an end date alone is not enough"),
        ({"start": "2024-03-01", "end": "2024-01-01"}, "end date 2024-01-01 is before the start"),
        ({"start": "someday"}, "start: Input should be a valid date"),
    ],
)
def test_bad_ranges_say_what_is_wrong_and_accepted(kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(InvalidRangeError, match=re.escape(message)):
        HistoryRequest.create("AAPL", **kwargs)


def test_a_symbol_is_one_word() -> None:
    with pytest.raises(InvalidRangeError, match="one word like AAPL"):
        HistoryRequest.create("apple inc")


def test_direct_construction_is_validated_too() -> None:
    with pytest.raises(ValidationError, match="either a period"):
        HistoryRequest(symbol="AAPL", period="1y", start=date(2024, 1, 1))


def test_price_history_refuses_frames_the_engine_could_not_read() -> None:
    frame = history_of().bars.rename(columns={"close": "Close"})
    with pytest.raises(ValidationError, match="exactly the columns open, high, low, close"):
        PriceHistory(symbol="X", interval="1d", source="csv", bars=frame)


def test_frame_is_a_copy_the_caller_may_change() -> None:
    history = history_of()
    frame = history.frame()
    frame.loc[frame.index[0], "close"] = -1.0
    assert history.bars["close"].iloc[0] > 0


def test_json_form_lists_bars_with_their_time_zone() -> None:
    history = history_of(n=3)
    payload = json.loads(history.model_dump_json())
    assert payload["source"] == "yahoo"
    assert payload["timezone"] == "America/New_York"
    first = payload["bars"][0]
    assert set(first) == {"time", "open", "high", "low", "close", "volume"}
    assert pd.Timestamp(first["time"]) == history.bars.index[0]
    assert first["time"].endswith("-05:00")
