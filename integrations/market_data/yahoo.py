"""Yahoo Finance through yfinance: any listed symbol, periods 1d..max, intervals 1m..3mo.

Yahoo has no 2h or 4h bars: those are asked for as 1h bars and built here with
`frames.resample_hours` (per trading day), within the 1h history Yahoo keeps.

yfinance is synchronous and slow to import (~2 s), so it is imported on first use and every
call runs in a worker thread. Its failures are turned into our error types: no network is
`NetworkUnreachableError` (the `auto` source then answers offline), HTTP 429 is retried with
exponential backoff and then `RateLimitedError`, and a symbol Yahoo does not know is
`UnknownSymbolError`. Yahoo's limits on intraday history are checked before any request, so
the user hears what is possible instead of receiving an empty frame.
"""

from __future__ import annotations

import asyncio
import functools
import importlib
import logging
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
import structlog
from tenacity import (
    AsyncRetrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
)

from integrations.market_data.errors import (
    InvalidRangeError,
    MarketDataError,
    NetworkUnreachableError,
    RateLimitedError,
    SourceUnavailableError,
    UnknownSymbolError,
)
from integrations.market_data.fetcher import fetch_history
from integrations.market_data.frames import resample_hours, validated
from integrations.market_data.matches import SymbolMatch
from integrations.market_data.models import (
    COLUMNS,
    HistoryRequest,
    PriceHistory,
    Quote,
    change_of,
)
from integrations.market_data.symbols import SymbolTable, default_table
from language.vocabulary import HOUR_MULTIPLES, Interval

# How far back Yahoo serves each intraday interval, in days.
INTRADAY_LIMIT_DAYS = {
    "1m": 7,
    "2m": 60,
    "5m": 60,
    "15m": 60,
    "30m": 60,
    "90m": 60,
    "60m": 730,
    "1h": 730,
}
ONE_MINUTE_MAX_SPAN_DAYS = 8  # and 1m bars come at most 8 days per request
# Calendar days each period spans, to check it against the limits above.
PERIOD_DAYS = {
    "1d": 1,
    "5d": 5,
    "1mo": 30,
    "3mo": 90,
    "6mo": 180,
    "1y": 365,
    "2y": 730,
    "5y": 1826,
    "10y": 3652,
}
T = TypeVar("T")
_EXAMPLES = "e.g. AAPL, BTC-USD, ^GSPC, EURUSD=X, GC=F or 0700.HK"


@dataclass(frozen=True, slots=True)
class YahooQuery:
    """What yfinance's `history()` is called with; `end` is exclusive, as Yahoo wants."""

    symbol: str
    interval: str
    period: str | None
    start: date | None
    end: date | None
    resample_to: Interval | None = None  # 2h or 4h: built from the 1h bars asked for


@dataclass(frozen=True, slots=True)
class YahooData:
    frame: pd.DataFrame
    currency: str | None
    timezone: str | None
    exchange: str | None
    name: str | None


def check_intraday_limits(request: HistoryRequest, today: date) -> None:
    """Refuse what Yahoo would answer with an empty frame, saying what it does serve."""
    limit = INTRADAY_LIMIT_DAYS.get(_yahoo_interval(request.interval))
    if limit is None:
        return
    bars = (
        f"1h bars (which {request.interval} bars are built from)"
        if request.interval in HOUR_MULTIPLES
        else f"{request.interval} bars"
    )
    earliest = today - timedelta(days=limit)
    allowed = [p for p, days in PERIOD_DAYS.items() if days <= limit]
    if request.period is not None:
        span = (today - date(today.year, 1, 1)).days + 1 if request.period == "ytd" else None
        span = PERIOD_DAYS.get(request.period, span)
        if span is not None and span > limit:
            raise InvalidRangeError(
                f"Yahoo keeps {bars} for the last {limit} days only, so period "
                f"{request.period} is too long; use period {', '.join(allowed)} or max, "
                f"or a start on or after {earliest}"
            )
        return
    assert request.start is not None  # HistoryRequest guarantees it when there is no period
    if request.start < earliest:
        raise InvalidRangeError(
            f"Yahoo keeps {bars} for the last {limit} days only; start on or "
            f"after {earliest}, or use a daily interval (1d) for older history"
        )
    if request.interval == "1m":
        end = request.end or today
        if (end - request.start).days + 1 > ONE_MINUTE_MAX_SPAN_DAYS:
            raise InvalidRangeError(
                f"Yahoo serves 1m bars at most {ONE_MINUTE_MAX_SPAN_DAYS} days per request; "
                f"{request.start} to {end} is {(end - request.start).days + 1} days"
            )


def _yahoo_interval(interval: str) -> str:
    """What Yahoo is asked for: the interval itself, or 1h for the bars built from it."""
    return "1h" if interval in HOUR_MULTIPLES else interval


@functools.cache
def _yfinance() -> Any:
    """yfinance, imported and configured once, on first use; errors surface as exceptions.

    Hidden exceptions would turn "no network" into "no time zone found, possibly delisted".
    Its log lines and pandas deprecation warnings would repeat, less clearly, what our errors
    say, so they are silenced.
    """
    logging.getLogger("yfinance").setLevel(logging.CRITICAL)  # we report its failures ourselves
    warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"yfinance\b")
    warnings.filterwarnings("ignore", category=FutureWarning, module=r"yfinance\b")
    yf = importlib.import_module("yfinance")
    yf.config.debug.hide_exceptions = False
    return yf


def _is_rate_limit(exc: BaseException) -> bool:
    return type(exc).__name__ == "YFRateLimitError"


def _http_status(exc: BaseException) -> int | None:
    """The HTTP status Yahoo answered with, if it answered at all (curl reports 0 when not)."""
    status = getattr(getattr(exc, "response", None), "status_code", None)
    return status if isinstance(status, int) and status > 0 else None


def _is_network_failure(exc: BaseException) -> bool:
    """No answer at all: DNS, refused/reset connection or timeout (curl's and requests'
    exceptions are OSErrors). An HTTP error carries a status: Yahoo did answer."""
    return isinstance(exc, OSError | TimeoutError) and _http_status(exc) is None


def classify(exc: BaseException, query: YahooQuery) -> MarketDataError:
    """Our error for what yfinance raised; the message says what the user can do."""
    if isinstance(exc, MarketDataError):
        return exc
    if _is_rate_limit(exc):
        return RateLimitedError(
            "Yahoo Finance is limiting requests right now (HTTP 429); try again in a minute"
        )
    if _is_network_failure(exc):
        detail = str(exc).split(". See ")[0] or type(exc).__name__  # curl appends a doc link
        return NetworkUnreachableError(
            f"Yahoo Finance is unreachable ({detail}); check the network connection, or use "
            "the auto or sample source, which work offline"
        )
    status = _http_status(exc)
    if status == 404:
        return UnknownSymbolError(
            f"Yahoo Finance does not know {query.symbol}; check the ticker ({_EXAMPLES})"
        )
    if status is not None:
        return SourceUnavailableError(f"Yahoo Finance answered HTTP {status}; try again later")
    kind = type(exc).__name__
    reason = getattr(exc, "yahoo_reason", None)
    if kind == "YFTzMissingError" or (
        kind == "YFPricesMissingError" and (query.period is not None or reason is not None)
    ):
        if reason is not None and "delisted" not in reason.lower():
            return InvalidRangeError(f"Yahoo Finance: {reason}")
        return UnknownSymbolError(
            f"Yahoo Finance has no data for {query.symbol}; check the ticker ({_EXAMPLES})"
        )
    if kind == "YFPricesMissingError":
        return InvalidRangeError(
            f"Yahoo Finance has no {query.interval} bars of {query.symbol} from {query.start} "
            f"to {query.end or 'now'}: the market may have been closed; try a wider range"
        )
    if kind == "YFInvalidPeriodError":
        return InvalidRangeError(f"Yahoo Finance refused the period: {exc}")
    return SourceUnavailableError(f"Yahoo Finance answered something unusable ({kind}: {exc})")


def _text(metadata: Any, *keys: str) -> str | None:
    for key in keys:
        if metadata.get(key):
            return str(metadata[key])
    return None


def clean(frame: pd.DataFrame) -> pd.DataFrame:
    """yfinance's frame as ours: lower-case OHLCV floats, complete bars only.

    Rows without a price (Yahoo sends them for halted or not-yet-traded bars) are dropped,
    and wicks are stretched to the body: after dividend adjustment Yahoo's high can sit a
    rounding error below the close, which the analysis engine would rightly refuse.
    """
    renamed = frame.rename(columns=str.lower)
    missing = [c for c in COLUMNS if c not in renamed.columns]
    if missing:
        raise SourceUnavailableError(f"Yahoo Finance sent bars without {', '.join(missing)}")
    bars = renamed[list(COLUMNS)].astype("float64")
    bars = bars.dropna(subset=["open", "high", "low", "close"])
    bars = bars[~bars.index.duplicated(keep="last")].sort_index()
    body_high = bars[["open", "close"]].max(axis=1)
    body_low = bars[["open", "close"]].min(axis=1)
    bars["high"] = bars["high"].where(bars["high"] >= body_high, body_high)
    bars["low"] = bars["low"].where(bars["low"] <= body_low, body_low)
    bars["volume"] = bars["volume"].fillna(0.0)
    bars.index.name = "date"
    return bars


class YahooProvider:
    """`MarketDataProvider` backed by Yahoo Finance (needs the network)."""

    name = "yahoo"

    def __init__(
        self,
        *,
        timeout_seconds: float = 10.0,
        rate_limit_attempts: int = 3,
        backoff_seconds: float = 1.0,
        cache_dir: Path | None = None,
        table: SymbolTable | None = None,
        today: Callable[[], date] | None = None,
    ) -> None:
        """`cache_dir` keeps yfinance's small caches (time zones, cookies) out of ~/.cache;
        `backoff_seconds` is the first wait after a 429 (doubling up to 30 s)."""
        self._timeout = timeout_seconds
        self._attempts = max(1, rate_limit_attempts)
        self._backoff = backoff_seconds
        self._cache_dir = cache_dir
        self._table = table or default_table()
        self._today = today or (lambda: datetime.now(UTC).date())

    def _load(self) -> Any:
        yf = _yfinance()
        folder = self._cache_dir
        # Process-wide in yfinance (its own state, asked rather than mirrored here); moving
        # it closes and reopens its SQLite files, so only when it points elsewhere.
        if folder is not None and yf.cache._TzDBManager.get_location() != str(folder):
            folder.mkdir(parents=True, exist_ok=True)
            yf.set_tz_cache_location(str(folder))
        return yf

    async def _call(self, work: Callable[[], T], query: YahooQuery) -> T:
        """Run blocking yfinance work in a thread, retrying rate limits with backoff."""
        retrying = AsyncRetrying(
            retry=retry_if_exception(_is_rate_limit),
            stop=stop_after_attempt(self._attempts),
            wait=wait_exponential(multiplier=self._backoff, max=30),
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    return await asyncio.wait_for(asyncio.to_thread(work), self._timeout)
        except TimeoutError as exc:
            raise NetworkUnreachableError(
                f"Yahoo Finance did not answer within {self._timeout:g} s"
            ) from exc
        except Exception as exc:
            error = classify(exc, query)
            if isinstance(error, SourceUnavailableError) and not isinstance(
                error, NetworkUnreachableError | RateLimitedError
            ):
                structlog.get_logger(__name__).warning(
                    "yahoo.unexpected_error", symbol=query.symbol, error=repr(exc)
                )
            raise error from exc
        raise AssertionError("unreachable: tenacity either returns or re-raises")

    def transform_query(self, request: HistoryRequest) -> YahooQuery:
        check_intraday_limits(request, self._today())
        return YahooQuery(
            symbol=request.symbol,
            interval=_yahoo_interval(request.interval),
            period=request.period,
            start=request.start,
            end=request.end + timedelta(days=1) if request.end is not None else None,
            resample_to=request.interval if request.interval in HOUR_MULTIPLES else None,
        )

    def _download(self, query: YahooQuery) -> YahooData:
        yf = self._load()
        ticker = yf.Ticker(query.symbol)
        frame = ticker.history(
            period=query.period,
            start=query.start,
            end=query.end,
            interval=query.interval,
            auto_adjust=True,
            actions=False,
            timeout=self._timeout,
        )
        meta = ticker.history_metadata if not frame.empty else {}
        return YahooData(
            frame=frame,
            currency=_text(meta, "currency"),
            timezone=_text(meta, "exchangeTimezoneName"),
            exchange=_text(meta, "fullExchangeName", "exchangeName"),
            name=_text(meta, "longName", "shortName"),
        )

    async def extract_data(self, query: YahooQuery) -> YahooData:
        return await self._call(lambda: self._download(query), query)

    def transform_data(self, query: YahooQuery, data: YahooData) -> PriceHistory:
        bars = clean(data.frame)
        if bars.empty:
            raise UnknownSymbolError(
                f"Yahoo Finance returned no bars for {query.symbol}; check the ticker ({_EXAMPLES})"
            )
        known = self._table.get(query.symbol)
        tz = bars.index.tz  # type: ignore[attr-defined]
        interval, notice = query.interval, None
        if query.resample_to is not None:
            bars = resample_hours(bars, HOUR_MULTIPLES[query.resample_to])
            interval = query.resample_to
            notice = f"{interval} bars built from Yahoo's 1h bars, one trading day at a time"
        return PriceHistory(
            symbol=query.symbol,
            interval=interval,
            source="yahoo",
            notice=notice,
            currency=data.currency,
            timezone=data.timezone or (str(tz) if tz is not None else None),
            exchange=data.exchange,
            name=data.name or (known.name if known else None),
            bars=validated(bars),
        )

    async def history(self, request: HistoryRequest) -> PriceHistory:
        return await fetch_history(self, request)

    def _read_quote(self, symbol: str) -> Quote:
        ticker = self._load().Ticker(symbol)
        return quote_from_fast_info(symbol, ticker.fast_info, self._table.get(symbol))

    async def quote(self, symbol: str) -> Quote:
        wanted = symbol.strip().upper()
        query = YahooQuery(symbol=wanted, interval="1d", period="1y", start=None, end=None)
        return await self._call(lambda: self._read_quote(wanted), query)

    async def resolve(self, text: str) -> list[SymbolMatch]:
        return self._table.resolve(text)


def _number(info: Any, key: str) -> float | None:
    try:
        value = info[key]
    except (KeyError, TypeError):
        return None
    if value is None or pd.isna(value):
        return None
    return float(value)


def quote_from_fast_info(symbol: str, info: Any, known: SymbolMatch | None) -> Quote:
    """Our quote from yfinance's `fast_info` (a lazy mapping; each key may cost a request)."""
    last = _number(info, "lastPrice")
    if last is None:
        raise UnknownSymbolError(
            f"Yahoo Finance has no price for {symbol}; check the ticker ({_EXAMPLES})"
        )
    previous = _number(info, "previousClose")
    change, change_percent = change_of(last, previous)
    currency = info.get("currency")
    exchange = info.get("exchange")
    return Quote(
        symbol=symbol,
        source="yahoo",
        name=known.name if known else None,
        currency=currency or (known.currency if known else None),
        exchange=exchange or (known.exchange if known else None),
        last_price=last,
        previous_close=previous,
        change=change,
        change_percent=change_percent,
        day_low=_number(info, "dayLow"),
        day_high=_number(info, "dayHigh"),
        year_low=_number(info, "yearLow"),
        year_high=_number(info, "yearHigh"),
    )
