"""`/api/scans`: a scan over the bundled series answers the API and the CLI with the same
rows; bad input gets a problem saying what is accepted; scans are the caller's own."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
from typer.testing import CliRunner

from app.cli import cli
from app.services.container import Scanning
from app.services.scans import ScanJobs
from app.wiring.scans import scan_symbol
from integrations.records.scans import ScanRecord, touched
from integrations.scans.inprocess import ThreadScanExecutor
from tests.api.conftest import Started

BODY = {"universe": "bundled", "setups": [{"kind": "near-zone", "within_atr": 1}]}


async def _finished(client: httpx.AsyncClient, started: Started, scan_id: str) -> dict[str, Any]:
    for _ in range(600):
        response = await client.get(f"/api/scans/{scan_id}", headers=started.headers())
        assert response.status_code == 200
        view = response.json()
        if view["status"] != "running":
            return view  # type: ignore[no-any-return]
        await asyncio.sleep(0.1)
    raise AssertionError("the scan did not finish")


async def test_the_api_and_the_cli_answer_a_bundled_scan_with_the_same_rows(
    client: httpx.AsyncClient, started: Started
) -> None:
    scanning = Scanning(ThreadScanExecutor(2), ScanJobs(), scan_symbol)
    with started.replaced(scanning=scanning):
        posted = await client.post("/api/scans", json=BODY, headers=started.headers())
        assert posted.status_code == 202
        assert posted.json()["total"] == 5
        view = await _finished(client, started, posted.json()["id"])
    assert view["status"] == "done"
    assert view["progress"] == "5 / 5 scanned, 0 failed"
    assert view["rows"], "the bundled series have symbols near a zone"
    assert all(row["matches"][0]["setup"] == "near-zone" for row in view["rows"])
    assert all(row["distance_atr"] <= 1.0 for row in view["rows"])
    assert view["pooled"]["legs_total"] > 0

    result = await asyncio.to_thread(
        CliRunner().invoke,
        cli,
        ["scan", "--universe", "bundled", "--setup", "near-zone", "--json"],
    )
    assert result.exit_code == 0, result.output
    # The CLI's near-zone default is 0.5 ATR: the API rows within 0.5 ATR are its rows.
    cli_rows = json.loads(result.stdout)["rows"]
    api_within_half = [r for r in view["rows"] if r["distance_atr"] <= 0.5]
    assert [r["symbol"] for r in cli_rows] == [r["symbol"] for r in api_within_half]
    assert [r["level_stats"] for r in cli_rows] == [r["level_stats"] for r in api_within_half]


async def test_same_request_same_rows_through_api_and_cli(
    client: httpx.AsyncClient, started: Started
) -> None:
    body = {"universe": "bundled", "setups": [{"kind": "near-zone"}]}
    with started.replaced(scanning=Scanning(ThreadScanExecutor(2), ScanJobs(), scan_symbol)):
        posted = await client.post("/api/scans", json=body, headers=started.headers())
        view = await _finished(client, started, posted.json()["id"])
    result = await asyncio.to_thread(
        CliRunner().invoke, cli, ["scan", "--universe", "bundled", "--setup", "near-zone", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["rows"] == view["rows"]


async def test_bad_scans_get_a_problem_saying_what_is_accepted(
    client: httpx.AsyncClient, started: Started
) -> None:
    headers = started.headers()
    unknown = await client.post("/api/scans", json={"universe": "ftse"}, headers=headers)
    assert unknown.status_code == 422
    assert unknown.headers["content-type"].startswith("application/problem+json")
    assert "'sp500', 'nasdaq100'" in unknown.json()["detail"]
    empty = await client.post("/api/scans", json={"universe": "watchlist"}, headers=headers)
    assert empty.status_code == 409
    assert "watchlist is empty" in empty.json()["detail"]
    bad_setup = await client.post(
        "/api/scans", json={"setups": [{"kind": "cup-and-handle"}]}, headers=headers
    )
    assert bad_setup.status_code == 422
    missing = await client.get("/api/scans/" + "0" * 32, headers=headers)
    assert missing.status_code == 404
    read_only = started.headers(scopes="charts:read")
    assert (await client.post("/api/scans", json={}, headers=read_only)).status_code == 403


async def test_a_saved_watchlist_is_a_universe_and_scans_are_their_owners_own(
    client: httpx.AsyncClient, started: Started
) -> None:
    saved = await client.put(
        "/api/watchlist", json={"symbols": ["msft", "NOPE"]}, headers=started.headers()
    )
    assert saved.json() == {"symbols": ["MSFT", "NOPE"]}
    with started.replaced(scanning=Scanning(ThreadScanExecutor(1), ScanJobs(), scan_symbol)):
        posted = await client.post(
            "/api/scans", json={"universe": "watchlist", "setups": []}, headers=started.headers()
        )
        view = await _finished(client, started, posted.json()["id"])
    assert [r["symbol"] for r in view["rows"]] == ["MSFT"]
    assert [f["symbol"] for f in view["failures"]] == ["NOPE"]
    other = await client.get(f"/api/scans/{view['id']}", headers=started.headers(sub="bob"))
    assert other.status_code == 404


def _running_elsewhere(owner: str = "alice", *, total: int = 10) -> ScanRecord:
    """A scan as another replica stores it while it runs there."""
    return ScanRecord(
        owner=owner,
        universe="sp500",
        request_json='{"universe": "sp500"}',
        executor="dask",
        total=total,
        scanned=3,
    )


async def test_your_scans_list_newest_first_in_pages(
    client: httpx.AsyncClient, started: Started
) -> None:
    repository = started.persistence.scans
    older, newer = _running_elsewhere(total=10), _running_elsewhere(total=20)
    await repository.save_scan(older)
    await repository.save_scan(
        newer.model_copy(update={"created_at": older.created_at.replace(year=2100)})
    )
    await repository.save_scan(_running_elsewhere("bob"))
    first = await client.get("/api/scans", params={"limit": 1}, headers=started.headers())
    assert first.status_code == 200
    page = first.json()
    assert [item["id"] for item in page["items"]] == [newer.id]
    assert page["items"][0]["progress"] == "3 / 20 scanned, 0 failed"
    assert "rows" not in page["items"][0], "a list carries progress, not rows"
    second = await client.get(
        "/api/scans", params={"limit": 1, "cursor": page["next_cursor"]}, headers=started.headers()
    )
    assert older.id in [item["id"] for item in second.json()["items"]]
    bobs = await client.get("/api/scans", headers=started.headers(sub="bob"))
    assert older.id not in [item["id"] for item in bobs.json()["items"]]
    bad = await client.get("/api/scans", params={"cursor": "abc"}, headers=started.headers())
    assert bad.status_code == 404
    assert "next_cursor" in bad.json()["detail"]


async def test_cancelling_a_scan_running_in_another_replica_asks_it_to_stop(
    client: httpx.AsyncClient, started: Started
) -> None:
    elsewhere = _running_elsewhere()
    await started.persistence.scans.save_scan(elsewhere)
    url = f"/api/scans/{elsewhere.id}/cancel"
    assert (await client.post(url, headers=started.headers(sub="bob"))).status_code == 404
    asked = await client.post(url, headers=started.headers())
    assert asked.status_code == 200
    view = asked.json()
    assert (view["status"], view["cancel_requested"]) == ("running", True)
    assert view["progress"] == "3 / 10 scanned, 0 failed; cancelling"
    # What the replica running it reads back at its next progress save.
    stored = await started.persistence.scans.save_scan(touched(elsewhere, scanned=4))
    assert stored.cancel_requested
