"""SIGKILL in the middle of a burst of POSTs loses nothing that was acknowledged, and leaves
nothing half-written in the list.

A real server (granian) takes concurrent `POST /api/charts/fibonacci`; the whole process
group is killed with SIGKILL while requests are in flight (no shutdown, no flush). A new
server on the same data folder and database must then return every analysis that was
answered 2xx, done, with its chart image; and every analysis it lists must be complete
(done with a chart that opens, or failed with a reason), never pending or missing its image.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.config import Settings
from app.wiring.auth import dev_issuer
from tests.integration.conftest import SQL_BACKENDS
from tests.support.api_server import RunningServer, api_server

pytestmark = pytest.mark.slow

CLIENTS = 4
KILL_AFTER_ACKS = 12
BURST_TIMEOUT_S = 60.0
SYMBOLS = ("AAPL", "MSFT", "IBM", "GOOG")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _headers(server: RunningServer) -> dict[str, str]:
    token = dev_issuer(Settings(_env_file=None, data_dir=server.data_dir)).mint(
        "crash", ["charts:read", "charts:write"]
    )
    return {"Authorization": f"Bearer {token}"}


def _burst(server: RunningServer, acknowledged: list[str], stop: threading.Event, n: int) -> None:
    with httpx.Client(base_url=server.url, headers=_headers(server), timeout=30) as client:
        i = n
        while not stop.is_set():
            body = {"symbol": SYMBOLS[i % len(SYMBOLS)], "period": "1y", "theme": "dark"}
            i += 1
            try:
                response = client.post("/api/charts/fibonacci", json=body)
            except httpx.HTTPError:
                return  # the server is gone
            if response.is_success:
                acknowledged.append(response.json()["id"])


def _image(client: httpx.Client, url: str) -> httpx.Response:
    """The link's path on this server (links name the configured public backend URL)."""
    return client.get(httpx.URL(url).raw_path.decode())


def _listed(client: httpx.Client) -> list[dict[str, object]]:
    items: list[dict[str, object]] = []
    cursor: str | None = None
    while True:
        params = {"limit": "100", **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/analyses", params=params).json()
        items += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return items


@pytest.mark.parametrize("sql_url", SQL_BACKENDS, indirect=True)
def test_sigkill_mid_burst_loses_no_acknowledged_analysis(sql_url: str, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    # SQLite: the default file in the data folder; PostgreSQL: the fresh schema.
    settings: dict[str, Any] = {} if sql_url.startswith("sqlite") else {"database_url": sql_url}
    acknowledged: list[str] = []
    stop = threading.Event()
    with api_server(data_dir, **settings) as server:
        clients = [
            threading.Thread(target=_burst, args=(server, acknowledged, stop, n))
            for n in range(CLIENTS)
        ]
        for thread in clients:
            thread.start()
        deadline = time.monotonic() + BURST_TIMEOUT_S
        while len(acknowledged) < KILL_AFTER_ACKS and time.monotonic() < deadline:
            time.sleep(0.01)
        os.killpg(server.pid, signal.SIGKILL)  # requests are in flight on every client
        stop.set()
        for thread in clients:
            thread.join(timeout=30)
    assert len(acknowledged) >= KILL_AFTER_ACKS, "the burst was under way"
    print(f"\n{len(acknowledged)} analyses acknowledged before SIGKILL")

    with (
        api_server(data_dir, **settings) as restarted,
        httpx.Client(base_url=restarted.url, headers=_headers(restarted), timeout=30) as client,
    ):
        for analysis_id in acknowledged:
            detail = client.get(f"/api/analyses/{analysis_id}")
            assert detail.status_code == 200, f"acknowledged {analysis_id} is gone"
            assert detail.json()["status"] == "done"
            chart = _image(client, detail.json()["chart"]["url"])
            assert chart.status_code == 200
            assert chart.content.startswith(PNG_MAGIC)
        listed = _listed(client)
        assert {item["id"] for item in listed} >= set(acknowledged)
        for item in listed:
            assert item["status"] in ("done", "failed"), f"half-written: {item}"
            if item["status"] == "done":
                chart_link = item["chart"]
                assert isinstance(chart_link, dict)
                image = _image(client, str(chart_link["url"]))
                assert image.status_code == 200, f"listed without its image: {item}"
                assert image.content.startswith(PNG_MAGIC)
            else:
                assert item["error"], item
        print(f"{len(listed)} listed after restart, every one complete")
