"""A user's CSV as a market-data source: an upload in the UI, a path in the CLI.

`csv_file.read_bars_csv` reads the file leniently; here the bars are checked with the
analysis engine's own validator, so a file the engine would refuse is refused at the door
with the offending timestamp named, and sliced/resampled like the other sources.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import AnalysisInputError
from analysis.bars import to_bars
from integrations.market_data.csv_file import CsvBarsError, read_bars_csv
from integrations.market_data.fetcher import fetch_history
from integrations.market_data.frames import (
    coverage,
    quote_from_bars,
    resample,
    resample_hours,
    slice_range,
)
from integrations.market_data.matches import SymbolMatch
from integrations.market_data.models import HistoryRequest, PriceHistory, Quote
from language.vocabulary import HOUR_MULTIPLES, Interval


@dataclass(frozen=True, slots=True)
class CsvQuery:
    request: HistoryRequest


class CsvProvider:
    """`MarketDataProvider` over one file; the symbol only labels the result.

    The file's bars are taken as they are for intraday and daily intervals (the user knows
    what they exported); 5d, 1wk, 1mo and 3mo aggregate them, and 2h and 4h aggregate bars of
    an hour or less (`resample_hours`); a file of longer bars is refused for those, naming
    1d. Periods count back from the file's last bar.
    """

    name = "csv"

    def __init__(self, source: Path | bytes, *, filename: str | None = None) -> None:
        self._source = source
        self._filename = filename or (source.name if isinstance(source, Path) else "upload")
        self._frame: pd.DataFrame | None = None

    async def _bars(self) -> pd.DataFrame:
        if self._frame is None:
            try:
                frame = await asyncio.to_thread(read_bars_csv, self._source)
            except CsvBarsError as exc:
                raise CsvBarsError(f"{self._filename}: {exc}") from exc
            try:
                to_bars(frame)
            except AnalysisInputError as exc:
                raise CsvBarsError(f"{self._filename}: {exc}") from exc
            self._frame = frame
        return self._frame

    def transform_query(self, request: HistoryRequest) -> CsvQuery:
        return CsvQuery(request=request)

    async def extract_data(self, query: CsvQuery) -> pd.DataFrame:
        return await self._bars()

    def transform_data(self, query: CsvQuery, data: pd.DataFrame) -> PriceHistory:
        request = query.request
        bars = slice_range(data, request)
        if bars.empty:
            raise CsvBarsError(
                f"{self._filename} has no bars from {request.start} to "
                f"{request.end or 'its end'}; it covers {coverage(data)}"
            )
        if request.interval in HOUR_MULTIPLES:
            bars = self._hours(bars, request.interval)
        else:
            bars = resample(bars, request.interval)
        tz = bars.index.tz  # type: ignore[attr-defined]
        return PriceHistory(
            symbol=request.symbol,
            interval=request.interval,
            source="csv",
            notice=f"your file {self._filename}",
            timezone=str(tz) if tz is not None else None,
            bars=bars,
        )

    def _hours(self, bars: pd.DataFrame, interval: Interval) -> pd.DataFrame:
        spacing = pd.Series(pd.DatetimeIndex(bars.index)).diff().median()
        if pd.isna(spacing) or spacing > pd.Timedelta(hours=1):
            apart = "one bar" if pd.isna(spacing) else f"bars {_duration(spacing)} apart"
            raise CsvBarsError(
                f"{self._filename} has {apart}; {interval} bars are built from bars of an "
                "hour or less, so the nearest this file gives is 1d"
            )
        return resample_hours(bars, HOUR_MULTIPLES[interval])

    async def history(self, request: HistoryRequest) -> PriceHistory:
        return await fetch_history(self, request)

    async def quote(self, symbol: str) -> Quote:
        return quote_from_bars(await self._bars(), symbol=symbol.upper(), source="csv")

    async def resolve(self, text: str) -> list[SymbolMatch]:
        """The text itself: with a file, the symbol is only the label the user chose."""
        label = "_".join(text.upper().split()) or "CSV"
        return [SymbolMatch(symbol=label)]


def _duration(span: pd.Timedelta) -> str:
    """ "1 day", "2 hours", "90 minutes": how far apart a file's bars are."""
    minutes = round(span.total_seconds() / 60)
    for unit, size in (("day", 1440), ("hour", 60)):
        if minutes >= size and minutes % size == 0:
            count = minutes // size
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return f"{minutes} minutes"
