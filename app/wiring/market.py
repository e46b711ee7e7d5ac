"""Market data and the cache: which source, behind which cache."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from app.config import MarketDataSource, Settings
from app.metrics import CACHE_REQUESTS
from app.services.container import MarketData
from integrations.cache import Cache, MemoryCache
from integrations.market_data import MarketDataProvider
from integrations.market_data.auto import AutoProvider, tcp_probe
from integrations.market_data.caching import SAMPLE_TTL, CachedProvider, CacheTtl
from integrations.market_data.csv_source import CsvProvider
from integrations.market_data.sample import SampleProvider
from integrations.market_data.yahoo import YahooProvider


def build_cache(settings: Settings) -> Cache:
    """Redis when `FINANCIALS_REDIS_URL` is set, else memory; the caller closes it."""
    if settings.redis_url:
        from integrations.cache.redis_cache import RedisCache  # slow import, only when used

        return RedisCache(settings.redis_url)
    return MemoryCache()


def build_market_data(
    settings: Settings, cache: Cache, source: MarketDataSource | None = None
) -> MarketDataProvider:
    """The configured source (or `source`, e.g. the CLI's --source), each behind `cache`.

    `auto` is Yahoo with the sample as its offline fallback; both are cached under their own
    names, so an offline answer never poses as Yahoo's.
    """
    chosen = source or settings.market_data_source
    observe = _count_cache_lookup
    sample = CachedProvider(
        SampleProvider(), cache, source="sample", ttl=SAMPLE_TTL, observe=observe
    )
    if chosen == "sample":
        return sample
    ttl = CacheTtl(
        intraday=settings.cache_ttl_intraday_seconds, daily=settings.cache_ttl_daily_seconds
    )
    yahoo_source = YahooProvider(cache_dir=settings.data_dir / "yfinance")
    yahoo = CachedProvider(yahoo_source, cache, source="yahoo", ttl=ttl, observe=observe)
    if chosen == "yahoo":
        return yahoo
    return AutoProvider(online=yahoo, offline=sample, probe=tcp_probe())


def csv_market_data(source: Path | bytes, filename: str | None = None) -> MarketDataProvider:
    """A user's file as a source (CLI path or UI upload); never cached, it is already local."""
    return CsvProvider(source, filename=filename)


def _count_cache_lookup(result: str) -> None:
    CACHE_REQUESTS.labels(result=result).inc()


@asynccontextmanager
async def open_market_data(
    settings: Settings, source: MarketDataSource | None = None
) -> AsyncIterator[MarketData]:
    """One cache (and its Redis connections) with the source behind it; closed after."""
    cache = build_cache(settings)
    try:
        yield MarketData(
            provider=build_market_data(settings, cache, source),
            cache=cache,
            from_file=csv_market_data,
        )
    finally:
        await cache.close()
