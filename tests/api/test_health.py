"""`GET /api/health` and the API docs, served through the Reflex-mounted app."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from app import __version__


async def test_health_reports_ok_with_version_and_checks(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["version"] == __version__
    assert body["checks"] == {"settings": "ok", "data_dir": "ok"}


async def test_health_is_degraded_when_data_dir_is_not_writable(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    read_only.chmod(0o500)
    monkeypatch.setenv("FINANCIALS_DATA_DIR", str(read_only))
    monkeypatch.setattr("os.access", lambda *_args, **_kw: False)  # root ignores modes
    from app.config import get_settings

    get_settings.cache_clear()
    body = (await client.get("/api/health")).json()
    assert body["status"] == "degraded"
    assert body["checks"]["data_dir"] == "degraded"


async def test_every_response_carries_a_request_id(client: httpx.AsyncClient) -> None:
    first = await client.get("/api/health")
    second = await client.get("/api/health")
    assert first.headers["x-request-id"] != second.headers["x-request-id"]


async def test_a_safe_incoming_request_id_is_kept_and_an_unsafe_one_replaced(
    client: httpx.AsyncClient,
) -> None:
    kept = await client.get("/api/health", headers={"X-Request-ID": "abc-123"})
    assert kept.headers["x-request-id"] == "abc-123"
    replaced = await client.get("/api/health", headers={"X-Request-ID": "bad id\nfake=1"})
    assert replaced.headers["x-request-id"] != "bad id\nfake=1"
    assert len(replaced.headers["x-request-id"]) == 32


async def test_openapi_docs_are_served_under_api(client: httpx.AsyncClient) -> None:
    docs = await client.get("/api/docs")
    assert docs.status_code == 200
    assert "swagger" in docs.text.lower()
    schema = (await client.get("/api/openapi.json")).json()
    assert "/api/health" in schema["paths"]


async def test_reflex_routes_still_answer_behind_the_api(client: httpx.AsyncClient) -> None:
    response = await client.get("/ping")
    assert response.status_code == 200


# (A path with an encoded newline never reaches our app: Reflex's outer router, which no
# pattern of its matches, answers it with its own plain 404. Path parameters are therefore
# declared with patterns, so clients and schemathesis know what is accepted.)
@pytest.mark.parametrize("path", ["/api/nothing/here", "/api/analyses/x/y", "/api/me/more"])
async def test_unknown_api_paths_are_problem_json_404s(
    client: httpx.AsyncClient, path: str
) -> None:
    response = await client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert "see /api/docs" in response.json()["detail"]
