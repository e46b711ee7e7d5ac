"""`auto`: Yahoo when online; the bundled sample, said plainly, when the network is gone."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
import structlog
from yfinance.data import YfData

from app.bench.redis_server import free_port
from integrations.market_data import (
    HistoryRequest,
    NetworkUnreachableError,
    SourceUnavailableError,
    UnknownSymbolError,
)
from integrations.market_data.auto import OFFLINE_NOTICE, AutoProvider, tcp_probe
from integrations.market_data.sample import SampleProvider
from integrations.market_data.yahoo import YahooProvider
from tests.support.market import FakeProvider


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Probe:
    def __init__(self, reachable: bool) -> None:
        self.reachable = reachable
        self.calls = 0

    async def __call__(self) -> bool:
        self.calls += 1
        return self.reachable


def _auto(online: object, probe: Probe, clock: Clock | None = None) -> AutoProvider:
    return AutoProvider(
        online,  # type: ignore[arg-type]
        SampleProvider(),
        probe=probe,
        outage_seconds=300,
        trust_seconds=60,
        clock=clock or Clock(),
    )


async def test_connection_error_from_yahoo_falls_back_to_the_sample_and_says_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def no_network(*_args: object, **_kwargs: object) -> object:
        raise ConnectionError("[Errno 101] Network is unreachable")

    monkeypatch.setattr(YfData, "get", no_network)
    monkeypatch.setattr(YfData, "cache_get", no_network)
    auto = _auto(YahooProvider(cache_dir=tmp_path, backoff_seconds=0), Probe(reachable=True))
    with structlog.testing.capture_logs() as logs:
        history = await auto.history(HistoryRequest.create("AAPL", period="6mo"))
    assert (history.source, history.symbol, history.notice) == ("sample", "AAPL", OFFLINE_NOTICE)
    assert history.notice == "offline: bundled sample data, 2000–2013"
    assert history.bars.index[-1].year == 2013
    assert [e["event"] for e in logs if e["log_level"] == "warning"] == ["market_data.offline"]
    assert auto.offline


async def test_a_symbol_the_sample_lacks_lists_what_is_available_offline() -> None:
    auto = _auto(FakeProvider(error=NetworkUnreachableError("down")), Probe(reachable=True))
    with pytest.raises(SourceUnavailableError) as caught:
        await auto.history(HistoryRequest.create("TSLA"))
    message = str(caught.value)
    assert "Yahoo Finance is unreachable" in message
    assert "TSLA is not in the bundled sample" in message
    assert re.search(r"AAPL, FB, GOOG, IBM, MSFT", message)


async def test_an_outage_is_remembered_so_requests_do_not_wait_again() -> None:
    online = FakeProvider(error=NetworkUnreachableError("down"))
    probe, clock = Probe(reachable=True), Clock()
    auto = _auto(online, probe, clock)
    with structlog.testing.capture_logs() as logs:
        for _ in range(5):
            await auto.history(HistoryRequest.create("MSFT", period="1mo"))
    assert len(online.requests) == 1, "only the first request tried Yahoo"
    assert probe.calls == 1
    assert sum(e["event"] == "market_data.offline" for e in logs) == 1, "warned once"

    online.error = None
    clock.now += 301  # the outage window is over: look again
    with structlog.testing.capture_logs() as logs:
        history = await auto.history(HistoryRequest.create("MSFT", period="1mo"))
    assert (history.source, history.notice) == ("yahoo", None)
    assert probe.calls == 2
    assert [e["event"] for e in logs] == ["market_data.online_again"]


async def test_a_failed_probe_answers_offline_without_calling_yahoo() -> None:
    online = FakeProvider()
    auto = _auto(online, Probe(reachable=False))
    history = await auto.history(HistoryRequest.create("IBM", period="1y"))
    assert history.source == "sample"
    assert online.requests == []


async def test_online_answers_come_from_yahoo_and_the_probe_is_trusted_a_while() -> None:
    online, probe, clock = FakeProvider(), Probe(reachable=True), Clock()
    auto = _auto(online, probe, clock)
    for _ in range(3):
        history = await auto.history(HistoryRequest.create("TSLA"))
        assert (history.source, history.notice) == ("yahoo", None)
    assert probe.calls == 1
    clock.now += 61
    await auto.history(HistoryRequest.create("TSLA"))
    assert probe.calls == 2


async def test_other_yahoo_errors_are_not_mistaken_for_an_outage() -> None:
    auto = _auto(FakeProvider(error=UnknownSymbolError("no such symbol")), Probe(True))
    with pytest.raises(UnknownSymbolError, match="no such symbol"):
        await auto.history(HistoryRequest.create("ZZZZ"))
    assert not auto.offline


async def test_quotes_fall_back_too() -> None:
    auto = _auto(FakeProvider(error=NetworkUnreachableError("down")), Probe(reachable=True))
    quote = await auto.quote("AAPL")
    assert (quote.source, quote.last_price, quote.notice) == ("sample", 430.47, OFFLINE_NOTICE)


async def test_tcp_probe_tells_a_listening_port_from_a_closed_one() -> None:
    server = await asyncio.start_server(lambda _r, w: w.close(), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        assert await tcp_probe("127.0.0.1", port, timeout_seconds=1)()
    finally:
        server.close()
        await server.wait_closed()
    assert not await tcp_probe("127.0.0.1", free_port(), timeout_seconds=1)()
    assert not await tcp_probe("host.invalid", 443, timeout_seconds=1)()
