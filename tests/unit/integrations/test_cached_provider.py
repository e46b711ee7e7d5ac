"""The cache in front of a source: one fetch per key, hits served without the source."""

from __future__ import annotations

import asyncio

import pytest

from integrations.cache import MemoryCache, SingleFlight
from integrations.market_data import HistoryRequest, UnknownSymbolError
from integrations.market_data.caching import SAMPLE_TTL, CachedProvider, CacheTtl, cache_key
from tests.support.market import FakeProvider


class RecordingCache(MemoryCache):
    def __init__(self) -> None:
        super().__init__()
        self.ttls: dict[str, float] = {}

    async def set(self, key: str, value: bytes, ttl_seconds: float) -> None:
        self.ttls[key] = ttl_seconds
        await super().set(key, value, ttl_seconds)


async def test_fifty_concurrent_requests_for_one_key_make_one_fetch() -> None:
    source = FakeProvider(delay=0.05)
    cached = CachedProvider(source, MemoryCache(), source="yahoo", ttl=CacheTtl())
    request = HistoryRequest.create("AAPL", period="1y")
    results = await asyncio.gather(*(cached.history(request) for _ in range(50)))
    assert len(source.requests) == 1
    assert all(len(r) == 300 for r in results)


async def test_hits_do_not_reach_the_source_and_keys_differ_by_range() -> None:
    source = FakeProvider()
    cached = CachedProvider(source, MemoryCache(), source="yahoo", ttl=CacheTtl())
    first = await cached.history(HistoryRequest.create("AAPL", period="1y"))
    again = await cached.history(HistoryRequest.create("aapl", period="1y"))
    assert len(source.requests) == 1
    assert again.bars.equals(first.bars)
    await cached.history(HistoryRequest.create("AAPL", period="6mo"))
    await cached.history(HistoryRequest.create("AAPL", period="1y", interval="1wk"))
    assert len(source.requests) == 3


async def test_failures_are_not_cached() -> None:
    source = FakeProvider(error=UnknownSymbolError("nope"))
    cached = CachedProvider(source, MemoryCache(), source="yahoo", ttl=CacheTtl())
    for _ in range(2):
        with pytest.raises(UnknownSymbolError):
            await cached.history(HistoryRequest.create("ZZZZ"))
    assert len(source.requests) == 2


async def test_time_to_live_fits_the_interval() -> None:
    cache = RecordingCache()
    cached = CachedProvider(FakeProvider(), cache, source="yahoo", ttl=CacheTtl(120, 3600))
    intraday = HistoryRequest.create("AAPL", period="5d", interval="5m")
    daily = HistoryRequest.create("AAPL", period="1y")
    await cached.history(intraday)
    await cached.history(daily)
    assert cache.ttls[cache_key("yahoo", intraday)] == 120
    assert cache.ttls[cache_key("yahoo", daily)] == 3600
    sample = CachedProvider(FakeProvider(source="sample"), cache, source="sample", ttl=SAMPLE_TTL)
    await sample.history(daily)
    assert cache.ttls[cache_key("sample", daily)] == 86_400


def test_keys_name_source_symbol_interval_and_range() -> None:
    request = HistoryRequest.create("0700.HK", start="2024-01-02", end="2024-03-28")
    assert cache_key("yahoo", request) == (
        "financials:bars:v1:yahoo:0700.HK:1d:2024-01-02..2024-03-28"
    )


async def test_unreadable_cache_entries_are_refetched() -> None:
    cache = MemoryCache()
    request = HistoryRequest.create("AAPL")
    await cache.set(cache_key("yahoo", request), b"garbage", 60)
    source = FakeProvider()
    history = await CachedProvider(source, cache, source="yahoo", ttl=CacheTtl()).history(request)
    assert len(history) == 300
    assert len(source.requests) == 1


async def test_single_flight_shares_failures_and_forgets_finished_work() -> None:
    flights: SingleFlight[int] = SingleFlight()
    calls = 0

    async def failing() -> int:
        nonlocal calls
        calls += 1
        await asyncio.sleep(0.01)
        raise RuntimeError("boom")

    results = await asyncio.gather(
        *(flights.run("k", failing) for _ in range(5)), return_exceptions=True
    )
    assert calls == 1
    assert all(isinstance(r, RuntimeError) for r in results)
    assert len(flights) == 0
    with pytest.raises(RuntimeError, match="boom"):
        await flights.run("k", failing)
    assert calls == 2, "a finished flight is not reused"


async def test_a_caller_giving_up_does_not_cancel_the_others() -> None:
    flights: SingleFlight[str] = SingleFlight()

    async def slow() -> str:
        await asyncio.sleep(0.05)
        return "done"

    impatient = asyncio.ensure_future(flights.run("k", slow))
    patient = asyncio.ensure_future(flights.run("k", slow))
    await asyncio.sleep(0.01)
    impatient.cancel()
    assert await patient == "done"
