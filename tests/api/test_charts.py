"""`POST /api/charts/fibonacci` and the fast path `POST /api/analysis`, end to end through
the mounted app on the bundled sample data."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import AsyncIterator

import httpx
import pytest
from PIL import Image

from analysis import Analysis
from app.config import get_settings
from app.wiring.ai import build_ai
from app.wiring.market import open_market_data
from integrations.ai.errors import AiUnavailableError
from tests.api.conftest import Started

BODY = {"symbol": "apple", "period": "1y", "interval": "1d"}


async def test_fibonacci_chart_returns_levels_chart_link_and_record(
    client: httpx.AsyncClient, started: Started
) -> None:
    response = await client.post("/api/charts/fibonacci", json=BODY, headers=started.headers())
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["symbol"] == "AAPL"
    assert body["source"] == "sample"
    analysis = Analysis.model_validate(body["analysis"])
    assert analysis.fibonacci is not None
    assert analysis.series.bars > 200
    chart = await client.get(body["chart"]["url"])
    assert chart.status_code == 200
    assert Image.open(io.BytesIO(chart.content)).size == (
        body["chart"]["width"],
        body["chart"]["height"],
    )
    assert set(body["timings_ms"]) == {"data", "analysis", "chart", "ai", "total"}
    summary = body["summary"]
    assert summary["provider"] == "offline analyst"
    assert summary["ungrounded"] == [], "the offline analyst only writes our numbers"
    assert "offline analyst" in summary["text"]
    assert body["timings_ms"]["total"] >= body["timings_ms"]["analysis"]
    kept = await client.get(f"/api/analyses/{body['id']}", headers=started.headers())
    assert kept.json()["status"] == "done"
    assert kept.json()["analysis"] == body["analysis"]
    assert kept.json()["summary"] == summary


async def test_custom_ratios_and_detector_are_used(
    client: httpx.AsyncClient, started: Started
) -> None:
    body = {**BODY, "ratios": [0.5, 0.618], "detector": "pivot"}
    response = await client.post("/api/charts/fibonacci", json=body, headers=started.headers())
    analysis = Analysis.model_validate(response.json()["analysis"])
    assert analysis.settings.detector == "pivot"
    assert analysis.fibonacci is not None
    assert [lv.ratio for lv in analysis.fibonacci.retracements] == [0.5, 0.618]


async def test_fast_path_returns_the_analysis_and_stores_nothing(
    client: httpx.AsyncClient, started: Started
) -> None:
    response = await client.post("/api/analysis", json=BODY, headers=started.headers())
    assert response.status_code == 200
    assert response.json()["analysis"]["series"]["bars"] > 200
    listed = await client.get("/api/analyses", headers=started.headers())
    assert listed.json()["items"] == []


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"symbol": "no such thing at all"}, 404, "nothing matches"),
        ({"symbol": "AAPL", "interval": "5m"}, 422, "daily bars only"),
        ({"symbol": "AAPL", "interval": "7m"}, 422, "interval"),
        ({"symbol": "AAPL", "period": "1y", "start": "2012-01-01"}, 422, "either"),
        ({"symbol": "AAPL", "ratios": [1.5]}, 422, "between 0 and 1"),
        ({"symbol": "AAPL", "period": "5d"}, 422, "too few"),
        ({"symbol": ""}, 422, "symbol"),
        ({"symbol": "AAPL", "surprise": 1}, 422, "surprise"),
        ({"symbol": "TSLA"}, 404, "AAPL, FB, GOOG, IBM, MSFT"),
        ({"symbol": "AAPL", "end": "2012-01-01"}, 422, "needs a `start`"),
    ],
)
async def test_bad_requests_are_problems_that_say_what_is_accepted(
    client: httpx.AsyncClient, started: Started, body: dict[str, object], status: int, words: str
) -> None:
    response = await client.post("/api/charts/fibonacci", json=body, headers=started.headers())
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert words in response.json()["detail"]
    listed = await client.get("/api/analyses", headers=started.headers())
    assert listed.json()["items"] == [], "a request the user can fix leaves no record"


async def test_malformed_json_is_a_422_problem(client: httpx.AsyncClient, started: Started) -> None:
    response = await client.post(
        "/api/charts/fibonacci",
        content=b"{not json",
        headers={**started.headers(), "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


async def test_writing_needs_the_charts_write_scope(
    client: httpx.AsyncClient, started: Started
) -> None:
    response = await client.post(
        "/api/charts/fibonacci", json=BODY, headers=started.headers(scopes="charts:read")
    )
    assert response.status_code == 403
    assert 'scope="charts:write"' in response.headers["www-authenticate"]


async def test_quote_and_resolve(client: httpx.AsyncClient, started: Started) -> None:
    quote = await client.get("/api/market/msft/quote", headers=started.headers())
    assert quote.status_code == 200
    assert quote.json()["symbol"] == "MSFT"
    assert quote.json()["last_price"] > 0
    matches = await client.get(
        "/api/market/resolve", params={"q": "tesla"}, headers=started.headers()
    )
    assert matches.json()[0]["symbol"] == "TSLA"


async def test_a_streamed_body_over_the_limit_is_413(
    client: httpx.AsyncClient, started: Started
) -> None:
    limit = get_settings().max_request_bytes

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(limit // 65_536 + 2):
            yield b" " * 65_536

    response = await client.post(
        "/api/analysis",
        content=chunks(),
        headers={**started.headers(), "Content-Type": "application/json"},
    )
    assert response.status_code == 413


@pytest.fixture
async def offline_auto(started: Started, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Started]:
    """The default `auto` source on a machine without network."""

    async def unreachable() -> bool:
        return False

    monkeypatch.setattr("app.wiring.market.tcp_probe", lambda: unreachable)
    monkeypatch.setenv("FINANCIALS_MARKET_DATA_SOURCE", "auto")
    get_settings.cache_clear()
    async with open_market_data(get_settings()) as market:
        with started.replaced(market=market):
            yield started


async def test_offline_auto_answers_from_the_sample_and_says_so(
    client: httpx.AsyncClient, offline_auto: Started
) -> None:
    response = await client.post("/api/charts/fibonacci", json=BODY, headers=offline_auto.headers())
    assert response.status_code == 201
    assert response.json()["source"] == "sample"
    assert response.json()["notice"] == "offline: bundled sample data, 2000–2013"


async def test_offline_auto_for_a_symbol_outside_the_sample_is_503(
    client: httpx.AsyncClient, offline_auto: Started
) -> None:
    response = await client.post(
        "/api/charts/fibonacci", json={"symbol": "tesla"}, headers=offline_auto.headers()
    )
    assert response.status_code == 503
    assert "AAPL, FB, GOOG, IBM, MSFT" in response.json()["detail"]


async def test_without_interpret_there_is_no_summary(
    client: httpx.AsyncClient, started: Started
) -> None:
    body = {**BODY, "interpret": False}
    response = await client.post("/api/charts/fibonacci", json=body, headers=started.headers())
    assert response.status_code == 201
    assert response.json()["summary"] is None
    assert response.json()["timings_ms"]["ai"] is None


async def test_a_failing_cloud_model_falls_back_to_the_offline_analyst(
    client: httpx.AsyncClient, started: Started
) -> None:
    class Down:
        name = "dashscope"
        reads_images = True

        async def interpret(self, *args: object, **kwargs: object) -> object:
            raise AiUnavailableError("DashScope answered 503 three times")

    offline = build_ai(get_settings())
    down = dataclasses.replace(offline, interpreter=Down())  # type: ignore[arg-type]
    with started.replaced(ai=down):
        response = await client.post("/api/charts/fibonacci", json=BODY, headers=started.headers())
    assert response.status_code == 201
    assert response.json()["summary"]["provider"] == "offline analyst"
    metrics = (await client.get("/metrics")).text
    assert (
        'financials_ai_failures_total{provider="dashscope",reason="AiUnavailableError"}' in metrics
    )
