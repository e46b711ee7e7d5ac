"""Settings pick the adapters; the market service resolves names before fetching."""

from __future__ import annotations

import pytest

from app.config import Settings
from app.services import market
from app.wiring import market as wiring
from integrations.cache import MemoryCache
from integrations.cache.redis_cache import RedisCache
from integrations.market_data import UnknownSymbolError
from integrations.market_data.auto import AutoProvider
from integrations.market_data.caching import CachedProvider
from integrations.market_data.sample import SampleProvider
from integrations.market_data.yahoo import YahooProvider
from tests.support.market import FakeProvider


async def test_cache_is_memory_unless_a_redis_url_is_set() -> None:
    assert isinstance(wiring.build_cache(Settings(_env_file=None)), MemoryCache)
    cache = wiring.build_cache(Settings(_env_file=None, redis_url="redis://127.0.0.1:1/0"))
    assert isinstance(cache, RedisCache)
    await cache.close()
    blank = Settings(_env_file=None, redis_url="  ")
    assert blank.redis_url is None


def test_each_source_setting_builds_its_cached_adapters() -> None:
    settings = Settings(_env_file=None)
    cache = MemoryCache()
    auto = wiring.build_market_data(settings, cache)
    assert isinstance(auto, AutoProvider)
    sample = wiring.build_market_data(settings, cache, "sample")
    assert isinstance(sample, CachedProvider)
    assert isinstance(sample.inner, SampleProvider)
    yahoo = wiring.build_market_data(
        settings.model_copy(update={"market_data_source": "yahoo"}), cache
    )
    assert isinstance(yahoo, CachedProvider)
    assert isinstance(yahoo.inner, YahooProvider)


async def test_get_history_resolves_names_then_fetches_the_ticker() -> None:
    source = FakeProvider()
    history = await market.get_history(source, "s&p 500", period="1y", interval="1wk")
    (request,) = source.requests
    assert (request.symbol, request.period, request.interval) == ("^GSPC", "1y", "1wk")
    assert history.symbol == "^GSPC"


async def test_get_history_defaults_to_six_months() -> None:
    source = FakeProvider()
    await market.get_history(source, "TSLA")
    assert source.requests[0].period == "6mo"


async def test_text_that_names_nothing_says_what_is_accepted() -> None:
    with pytest.raises(UnknownSymbolError, match=r"type a ticker \(AAPL, BTC-USD"):
        await market.get_history(FakeProvider(), "the best stock ever")


async def test_get_quote_resolves_too() -> None:
    source = FakeProvider()
    quote = await market.get_quote(source, "gold")
    assert quote.symbol == "GC=F"
    assert source.quotes == ["GC=F"]
