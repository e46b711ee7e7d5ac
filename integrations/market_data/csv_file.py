"""Read a user's CSV of daily (or intraday) bars into the frame `analysis` expects.

Exports from brokers and sites differ in column case, date format and row order, so the
reader is lenient about those and strict about the numbers: a bad cell is reported by its
line and column, in the user's own spelling of the column name.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd

from integrations.market_data.errors import MarketDataError

TIME_COLUMNS = ("date", "datetime", "time", "timestamp")
PRICE_COLUMNS = ("open", "high", "low", "close")
MAX_CSV_BYTES = 50 * 1024 * 1024


class CsvBarsError(MarketDataError):
    """The CSV cannot be read as bars; the message names the line and column."""


def _columns(frame: pd.DataFrame) -> dict[str, str]:
    """Our column name -> the file's spelling, matched case-insensitively and trimmed."""
    return {str(c).strip().lower(): str(c) for c in frame.columns}


def read_bars_csv(source: Path | bytes) -> pd.DataFrame:
    """Bars with a DatetimeIndex and lower-case open/high/low/close/volume, oldest first.

    Accepts a date column named Date, Datetime, Time or Timestamp (any case); Volume may be
    missing (treated as 0). Raises `CsvBarsError` naming the first bad line and column.
    """
    raw = source.read_bytes() if isinstance(source, Path) else source
    if len(raw) > MAX_CSV_BYTES:
        raise CsvBarsError(f"the CSV is {len(raw) // 1_000_000} MB; at most 50 MB is accepted")
    try:
        frame = pd.read_csv(io.BytesIO(raw), dtype=str, skipinitialspace=True)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise CsvBarsError(f"this is not a readable CSV file: {exc}") from exc
    names = _columns(frame)
    time_name = next((names[c] for c in TIME_COLUMNS if c in names), None)
    missing = [c for c in PRICE_COLUMNS if c not in names]
    if time_name is None or missing:
        wanted = (["Date"] if time_name is None else []) + [c.title() for c in missing]
        raise CsvBarsError(
            f"the CSV lacks column(s) {', '.join(wanted)}; expected a header with "
            "Date,Open,High,Low,Close[,Volume] (any letter case)"
        )
    if frame.empty:
        raise CsvBarsError("the CSV has a header but no rows of bars")

    times = pd.to_datetime(frame[time_name], errors="coerce", format="mixed")
    _fail_on_first_bad(frame, time_name, times.isna(), "is not a date or time")
    data: dict[str, pd.Series] = {}
    for column in (*PRICE_COLUMNS, "volume"):
        if column not in names:
            data[column] = pd.Series(0.0, index=frame.index)
            continue
        text = frame[names[column]].str.replace(",", "", regex=False)
        values = pd.to_numeric(text, errors="coerce")
        blank = text.isna() | (text.str.strip() == "")
        bad = values.isna() & ~(blank if column == "volume" else np.zeros(len(frame), bool))
        _fail_on_first_bad(frame, names[column], bad, "is not a number")
        data[column] = values.fillna(0.0) if column == "volume" else values

    bars = pd.DataFrame(data)
    bars.index = pd.DatetimeIndex(times, name="date")
    return bars.sort_index(kind="stable")


def _fail_on_first_bad(frame: pd.DataFrame, column: str, bad: pd.Series, why: str) -> None:
    if not bad.any():
        return
    row = int(np.argmax(bad.to_numpy()))
    line = row + 2  # line 1 is the header
    raise CsvBarsError(f"line {line}, column {column}: {frame[column].iloc[row]!r} {why}")
