"""Reading a user's CSV: lenient about layout, exact about what is wrong."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from integrations.market_data.csv_file import CsvBarsError, read_bars_csv

GOOD = b"""Date,Open,High,Low,Close,Volume
2024-01-03,10,11,9,10.5,1000
2024-01-02,9,10,8.5,9.5,"1,200"
2024-01-04,10.5,12,10,11.5,
"""


def test_columns_any_case_rows_sorted_and_volume_optional() -> None:
    frame = read_bars_csv(GOOD)
    assert list(frame.columns) == ["open", "high", "low", "close", "volume"]
    assert list(frame.index) == list(pd.to_datetime(["2024-01-02", "2024-01-03", "2024-01-04"]))
    assert frame["volume"].tolist() == [1200, 1000, 0]
    assert frame["close"].tolist() == [9.5, 10.5, 11.5]


def test_lower_case_header_and_no_volume_column() -> None:
    frame = read_bars_csv(b"timestamp,open,high,low,close\n2024-01-02 09:30,1,2,0.5,1.5\n")
    assert frame["volume"].tolist() == [0]
    assert frame.index[0] == pd.Timestamp("2024-01-02 09:30")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Date,Open,High,Low\n2024-01-02,1,2,0.5\n", "lacks column(s) Close"),
        (b"When,Open,High,Low,Close\n2024-01-02,1,2,0.5,1\n", "lacks column(s) Date"),
        (
            b"Date,Open,High,Low,Close\n2024-01-02,1,2,0.5,1\n2024-01-03,1,two,0.5,1\n",
            "line 3, column High: 'two' is not a number",
        ),
        (
            b"Date,Open,High,Low,Close\n2024-01-02,1,2,0.5,1\nyesterday,1,2,0.5,1\n",
            "line 3, column Date: 'yesterday' is not a date",
        ),
        (b"Date,Open,High,Low,Close\n", "no rows of bars"),
        (b"", "not a readable CSV"),
    ],
)
def test_bad_files_name_line_and_column(content: bytes, message: str) -> None:
    with pytest.raises(CsvBarsError, match=re.escape(message)):
        read_bars_csv(content)
