"""A user's CSV as a source: validated by the engine's rules, sliced like the others."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from integrations.market_data import HistoryRequest, MarketDataError
from integrations.market_data.csv_file import CsvBarsError
from integrations.market_data.csv_source import CsvProvider
from tests.support.bars import sample_stock


def _csv(tmp_path: Path, bars: int = 300) -> Path:
    frame = sample_stock("IBM").iloc[-bars:]
    frame.index.name = "Date"
    path = tmp_path / "ibm.csv"
    frame.rename(columns=str.title).to_csv(path)
    return path


async def test_whole_file_labelled_with_the_users_symbol(tmp_path: Path) -> None:
    history = await CsvProvider(_csv(tmp_path)).history(HistoryRequest.create("ibm", period="max"))
    assert (history.symbol, history.source, len(history)) == ("IBM", "csv", 300)
    assert history.notice == "your file ibm.csv"
    assert list(history.bars.columns) == ["open", "high", "low", "close", "volume"]


async def test_periods_count_back_from_the_files_last_bar(tmp_path: Path) -> None:
    provider = CsvProvider(_csv(tmp_path))
    month = await provider.history(HistoryRequest.create("X", period="1mo"))
    assert month.bars.index[-1].strftime("%Y-%m-%d") == "2013-03-01"
    assert month.bars.index[0].strftime("%Y-%m-%d") == "2013-02-04"
    weekly = await provider.history(HistoryRequest.create("X", period="max", interval="1wk"))
    assert len(weekly) < 70


async def test_bars_the_engine_would_refuse_are_refused_naming_the_time() -> None:
    content = b"Date,Open,High,Low,Close\n2024-01-02,10,11,9,10\n2024-01-03,10,9.5,9,10.5\n"
    with pytest.raises(
        CsvBarsError, match=re.escape("upload: high is below open or close at 2024-01-03")
    ):
        await CsvProvider(content).history(HistoryRequest.create("X", period="max"))


async def test_duplicate_timestamps_are_named(tmp_path: Path) -> None:
    content = b"Date,Open,High,Low,Close\n2024-01-02,10,11,9,10\n2024-01-02,10,11,9,10\n"
    with pytest.raises(MarketDataError, match="duplicate timestamp 2024-01-02"):
        await CsvProvider(content, filename="mine.csv").history(
            HistoryRequest.create("X", period="max")
        )


async def test_reader_errors_keep_line_and_column(tmp_path: Path) -> None:
    content = b"Date,Open,High,Low,Close\n2024-01-02,1,2,0.5,1\n2024-01-03,1,x,0.5,1\n"
    with pytest.raises(CsvBarsError, match=re.escape("mine.csv: line 3, column High: 'x'")):
        await CsvProvider(content, filename="mine.csv").quote("X")


async def test_dates_outside_the_file_say_what_it_covers(tmp_path: Path) -> None:
    with pytest.raises(CsvBarsError, match="it covers 2011-12-19 to 2013-03-01"):
        await CsvProvider(_csv(tmp_path)).history(HistoryRequest.create("X", start="2020-01-01"))


async def test_resolve_keeps_the_label_the_user_typed() -> None:
    (match,) = await CsvProvider(b"").resolve("my stock")
    assert match.symbol == "MY_STOCK"


def _hourly_csv(tmp_path: Path) -> Path:
    """Two trading days of US-hours 1h bars (09:30 to 15:30), prices rising by one a bar."""
    times = [
        f"2024-06-{day} {hour:02d}:30" for day in (13, 14) for hour in range(9, 16)
    ]  # fmt: skip
    lines = ["Date,Open,High,Low,Close,Volume"] + [
        f"{t},{i + 1},{i + 2},{i + 0.5},{i + 1.5},100" for i, t in enumerate(times)
    ]
    path = tmp_path / "hourly.csv"
    path.write_text("\n".join(lines) + "\n")
    return path


async def test_4h_bars_are_built_from_an_hourly_file_one_day_at_a_time(tmp_path: Path) -> None:
    history = await CsvProvider(_hourly_csv(tmp_path)).history(
        HistoryRequest.create("X", period="max", interval="4h")
    )
    bars = history.bars
    assert history.interval == "4h"
    assert [t.strftime("%m-%d %H:%M") for t in bars.index] == [
        "06-13 09:30", "06-13 13:30", "06-14 09:30", "06-14 13:30",
    ]  # fmt: skip
    assert bars["volume"].tolist() == [400, 300, 400, 300]  # the afternoon holds three hours
    assert (bars["open"].iloc[1], bars["close"].iloc[1]) == (5, 7.5)


async def test_4h_from_a_daily_file_is_refused_naming_1d(tmp_path: Path) -> None:
    with pytest.raises(CsvBarsError, match=re.escape("ibm.csv has bars 1 day apart")) as caught:
        await CsvProvider(_csv(tmp_path)).history(
            HistoryRequest.create("X", period="max", interval="4h")
        )
    assert "4h bars are built from bars of an hour or less" in str(caught.value)
    assert "the nearest this file gives is 1d" in str(caught.value)
