"""Cache hits for 10 years of daily bars, from memory and from Redis, and decode speed.

A cache hit is what most chart and chat requests cost, so it is timed end to end through
the same `CachedProvider` the app uses (key, cache read, Arrow decode, validation). The
peer is the obvious alternative encoding, pandas' JSON of floats, decoding the same bars.
"""

from __future__ import annotations

import asyncio
import io
import os
import statistics
import time
from contextlib import AsyncExitStack
from dataclasses import dataclass

import pandas as pd

from app.bench.redis_server import RedisServer, redis_server_binary
from app.bench.timing import best_of
from integrations.cache import Cache, MemoryCache
from integrations.market_data import HistoryRequest, PriceHistory, Quote, SymbolMatch
from integrations.market_data.caching import CachedProvider, CacheTtl
from integrations.market_data.codec import decode, encode
from integrations.market_data.sample import sample_frames

TEN_YEARS_OF_DAYS = 2520


def ten_years_daily() -> PriceHistory:
    """The last 2,520 daily AAPL bars of the bundled sample (2003-2013), tz-aware."""
    frame = sample_frames()["AAPL"].iloc[-TEN_YEARS_OF_DAYS:]
    return PriceHistory(
        symbol="AAPL",
        interval="1d",
        source="sample",
        currency="USD",
        timezone="America/New_York",
        bars=frame,
    )


class _Fixed:
    """A source that always answers the same bars (only the first request reaches it)."""

    def __init__(self, history: PriceHistory) -> None:
        self._history = history

    async def history(self, request: HistoryRequest) -> PriceHistory:
        return self._history

    async def quote(self, symbol: str) -> Quote:
        raise NotImplementedError

    async def resolve(self, text: str) -> list[SymbolMatch]:
        return []


@dataclass(frozen=True)
class HitRow:
    backend: str
    median: float
    p95: float
    note: str = ""


@dataclass(frozen=True)
class Report:
    bars: int
    payload_bytes: int
    hits: list[HitRow]
    decode_ours: float
    decode_peer: float
    samples: int


async def _time_hits(cache: Cache, history: PriceHistory, samples: int) -> tuple[float, float]:
    provider = CachedProvider(_Fixed(history), cache, source="bench", ttl=CacheTtl())
    request = HistoryRequest.create("AAPL", period="10y")
    await provider.history(request)  # the miss that fills the cache
    times = []
    for _ in range(samples):
        started = time.perf_counter()
        await provider.history(request)
        times.append(time.perf_counter() - started)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


async def _redis_cache(stack: AsyncExitStack) -> tuple[Cache, str] | None:
    from integrations.cache.redis_cache import RedisCache

    url = os.environ.get("FINANCIALS_REDIS_URL", "").strip()
    note = "FINANCIALS_REDIS_URL"
    if not url:
        binary = redis_server_binary()
        if binary is None:
            return None
        server = stack.enter_context(RedisServer(binary))
        url, note = server.url, f"throwaway redis-server on port {server.port}"
    cache = RedisCache(url)
    stack.push_async_callback(cache.close)
    return cache, note


async def _run(samples: int, repeat: int) -> Report:
    history = ten_years_daily()
    payload = encode(history)
    hits = [HitRow("memory", *await _time_hits(MemoryCache(), history, samples))]
    async with AsyncExitStack() as stack:
        redis = await _redis_cache(stack)
        if redis is None:
            hits.append(HitRow("redis", float("nan"), float("nan"), "skipped: no redis-server"))
        else:
            cache, note = redis
            median, p95 = await _time_hits(cache, history, samples)
            if not getattr(cache, "available", True):
                hits.append(HitRow("redis", median, p95, f"UNREACHABLE ({note}): no caching"))
            else:
                hits.append(HitRow("redis", median, p95, note))
    json_text = history.bars.to_json(orient="split", date_format="iso", date_unit="us")

    def peer() -> object:
        return pd.read_json(io.StringIO(json_text), orient="split")

    return Report(
        bars=len(history),
        payload_bytes=len(payload),
        hits=hits,
        decode_ours=best_of(repeat * 20, lambda: decode(payload)),
        decode_peer=best_of(repeat * 3, peer),
        samples=samples,
    )


def run(samples: int = 300, repeat: int = 3) -> Report:
    return asyncio.run(_run(samples, repeat))


def _ms(seconds: float) -> str:
    return "-" if seconds != seconds else f"{seconds * 1000:.3f} ms"  # NaN: not measured


def report(result: Report) -> str:
    lines = [
        f"cache: hit latency for 10 years of daily bars ({result.bars:,} bars, "
        f"{result.payload_bytes / 1000:,.1f} kB Arrow IPC), {result.samples} hits each",
        f"{'backend':<10}{'median':>12}{'p95':>12}  note",
    ]
    lines += [f"{h.backend:<10}{_ms(h.median):>12}{_ms(h.p95):>12}  {h.note}" for h in result.hits]
    ours = result.bars / result.decode_ours
    peer = result.bars / result.decode_peer
    lines.append(
        f"decode: Arrow IPC {_ms(result.decode_ours)} ({ours / 1e6:,.1f}M bars/s) vs "
        f"pandas JSON {_ms(result.decode_peer)} ({peer / 1e6:,.2f}M bars/s): "
        f"{result.decode_peer / result.decode_ours:,.0f}x"
    )
    lines.append("targets: memory hit under 1 ms, Redis hit under 3 ms")
    return "\n".join(lines)
