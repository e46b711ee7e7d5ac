"""Cache in front of one source: bars by (source, symbol, interval, range), fetched once.

Each concrete source gets its own wrapper, so the key names the source that produced the
bars, and the `auto` composition above them never caches an offline answer under Yahoo's key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import structlog

from integrations.cache.port import Cache
from integrations.cache.singleflight import SingleFlight
from integrations.market_data.codec import CodecError, decode, encode
from integrations.market_data.matches import SymbolMatch
from integrations.market_data.models import (
    HistoryRequest,
    PriceHistory,
    Quote,
    is_intraday,
)
from integrations.market_data.port import MarketDataProvider

KEY_PREFIX = "financials:bars:v1"


@dataclass(frozen=True, slots=True)
class CacheTtl:
    """Seconds a result stays fresh: intraday bars move every minute, daily ones do not."""

    intraday: float = 120.0
    daily: float = 3600.0

    def seconds(self, interval: str) -> float:
        return self.intraday if is_intraday(interval) else self.daily


SAMPLE_TTL = CacheTtl(intraday=86_400.0, daily=86_400.0)  # the sample never changes


def cache_key(source: str, request: HistoryRequest) -> str:
    return f"{KEY_PREFIX}:{source}:{request.symbol}:{request.interval}:{request.range_key}"


class CachedProvider:
    """`MarketDataProvider` that answers history from the cache when it can.

    Concurrent requests for one key share a single cache read and, on a miss, a single
    fetch. Failures are not cached: the next request tries the source again.
    """

    def __init__(
        self,
        inner: MarketDataProvider,
        cache: Cache,
        *,
        source: str,
        ttl: CacheTtl,
        observe: Callable[[str], None] | None = None,
    ) -> None:
        """`observe` hears "hit" or "miss" for every cache lookup (for metrics)."""
        self._observe = observe or (lambda _result: None)
        self._inner = inner
        self._cache = cache
        self._source = source
        self._ttl = ttl
        self._flights: SingleFlight[PriceHistory] = SingleFlight()

    @property
    def inner(self) -> MarketDataProvider:
        return self._inner

    async def history(self, request: HistoryRequest) -> PriceHistory:
        key = cache_key(self._source, request)
        return await self._flights.run(key, lambda: self._load(key, request))

    async def _load(self, key: str, request: HistoryRequest) -> PriceHistory:
        cached = await self._cache.get(key)
        if cached is not None:
            try:
                history = decode(cached)
            except CodecError as exc:
                structlog.get_logger(__name__).info("cache.unreadable", key=key, error=str(exc))
            else:
                self._observe("hit")
                return history
        self._observe("miss")
        history = await self._inner.history(request)
        await self._cache.set(key, encode(history), self._ttl.seconds(request.interval))
        return history

    async def quote(self, symbol: str) -> Quote:
        return await self._inner.quote(symbol)

    async def resolve(self, text: str) -> list[SymbolMatch]:
        return await self._inner.resolve(text)
