"""`GET /api/analyses` and `GET /api/analyses/{id}`: only the caller's, newest first."""

from __future__ import annotations

import httpx
import pytest

from analysis import analyze
from app.services.records import AnalysisOutcome, ChartImage, complete_analysis, start_analysis
from integrations.records.models import AnalysisRecord, AnalysisRequest
from tests.api.conftest import Started
from tests.support.bars import sample_stock

PNG = b"\x89PNG\r\n\x1a\n-chart"


async def _done(started: Started, owner: str, symbol: str = "MSFT") -> AnalysisRecord:
    persistence = started.persistence
    request = AnalysisRequest(
        symbol=symbol, interval="1d", period="6mo", tool="fibonacci", source="sample"
    )
    record = await start_analysis(persistence.records, owner=owner, request=request)
    result = analyze(sample_stock(symbol).iloc[-120:])
    outcome = AnalysisOutcome(
        result_json=result.model_dump_json(),
        chart=ChartImage(data=PNG),
        ai_text="Offline analyst: price sits above the 0.5 level.",
        ai_provider="offline analyst",
        ai_model="rules-v1",
    )
    return await complete_analysis(persistence.records, persistence.objects, record, outcome)


async def test_list_is_newest_first_with_chart_links(
    client: httpx.AsyncClient, started: Started
) -> None:
    first = await _done(started, "alice", "MSFT")
    second = await _done(started, "alice", "AAPL")
    response = await client.get("/api/analyses", headers=started.headers())
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["id"] for item in items] == [second.id, first.id]
    assert items[0]["symbol"] == "AAPL"
    image = await client.get(items[0]["chart"]["url"])
    assert image.content == PNG


async def test_pages_cover_everything_once(client: httpx.AsyncClient, started: Started) -> None:
    made = [await _done(started, "alice") for _ in range(5)]
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": "2", **({"cursor": cursor} if cursor else {})}
        body = (await client.get("/api/analyses", params=params, headers=started.headers())).json()
        seen += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == [record.id for record in reversed(made)]


async def test_detail_has_the_analysis_summary_and_timings(
    client: httpx.AsyncClient, started: Started
) -> None:
    record = await _done(started, "alice")
    body = (await client.get(f"/api/analyses/{record.id}", headers=started.headers())).json()
    assert body["status"] == "done"
    assert body["analysis"]["series"]["bars"] == 120
    assert body["summary"]["provider"] == "offline analyst"
    assert set(body["timings_ms"]) == {"data", "analysis", "chart", "ai", "total"}


async def test_another_users_analysis_is_not_found(
    client: httpx.AsyncClient, started: Started
) -> None:
    record = await _done(started, "alice")
    response = await client.get(f"/api/analyses/{record.id}", headers=started.headers("mallory"))
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    listed = await client.get("/api/analyses", headers=started.headers("mallory"))
    assert listed.json()["items"] == []


@pytest.mark.parametrize(("bad_id", "status"), [("nope", 422), ("..%2Fetc", 404), ("0" * 32, 404)])
async def test_malformed_ids_are_422_and_unknown_ones_404(
    client: httpx.AsyncClient, started: Started, bad_id: str, status: int
) -> None:
    response = await client.get(f"/api/analyses/{bad_id}", headers=started.headers())
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"


async def test_reading_needs_the_charts_read_scope(
    client: httpx.AsyncClient, started: Started
) -> None:
    response = await client.get("/api/analyses", headers=started.headers(scopes="charts:write"))
    assert response.status_code == 403
    challenge = response.headers["www-authenticate"]
    assert 'error="insufficient_scope"' in challenge
    assert 'scope="charts:read"' in challenge


async def test_a_bad_cursor_or_limit_says_what_is_accepted(
    client: httpx.AsyncClient, started: Started
) -> None:
    bad_cursor = await client.get(
        "/api/analyses", params={"cursor": "garbage"}, headers=started.headers()
    )
    # Well-formed but naming no page: 404, as an unknown id; a malformed one is 422.
    assert bad_cursor.status_code == 404
    assert "next_cursor" in bad_cursor.json()["detail"]
    malformed = await client.get(
        "/api/analyses", params={"cursor": "not/base64"}, headers=started.headers()
    )
    assert malformed.status_code == 422
    bad_limit = await client.get("/api/analyses", params={"limit": "0"}, headers=started.headers())
    assert bad_limit.status_code == 422
    assert "limit" in bad_limit.json()["detail"]
