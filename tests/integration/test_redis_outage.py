"""A real `redis-server` killed under load: requests go on, and do not each wait for Redis.

The backend runs as a real server (granian) on our own redis-server (free port). Requests
are sent with Redis up, then after SIGKILL, then after a restart, and against a server with
no Redis at all as the baseline; the latencies are printed (`-s`), not asserted. What is
asserted: no request fails, readiness says `degraded` with the breaker's reason, nearly every
Redis call during the outage was skipped (counted by the breaker, reported by readiness), and
the background probe closes the circuit after the restart without a request paying for it.
"""

from __future__ import annotations

import re
import statistics
import time
from pathlib import Path

import httpx
import pytest

from app.bench.redis_server import RedisServer
from app.config import Settings
from app.wiring.auth import dev_issuer
from tests.support.api_server import RunningServer, api_server

pytestmark = pytest.mark.slow

REQUESTS_PER_PHASE = 40
PHASE_TIMEOUT_S = 60.0
RECOVERY_TIMEOUT_S = 15.0
BODY = {"symbol": "AAPL", "period": "1y"}
LOTS = "1000000"  # no rate limit gets in the way


def _client(server: RunningServer) -> httpx.Client:
    token = dev_issuer(Settings(_env_file=None, data_dir=server.data_dir)).mint(
        "outage", ["charts:read", "charts:write"]
    )
    headers = {"Authorization": f"Bearer {token}"}
    return httpx.Client(base_url=server.url, headers=headers, timeout=30)


def _phase(client: httpx.Client, label: str) -> list[float]:
    """REQUESTS_PER_PHASE analyses (the fast path: limiter, cache, analysis), one at a time."""
    latencies: list[float] = []
    deadline = time.monotonic() + PHASE_TIMEOUT_S
    for _ in range(REQUESTS_PER_PHASE):
        if time.monotonic() > deadline:
            break
        started = time.perf_counter()
        response = client.post("/api/analysis", json=BODY)
        latencies.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, f"{label}: {response.status_code} {response.text}"
    p50 = statistics.median(latencies)
    p99 = statistics.quantiles(latencies, n=100)[98] if len(latencies) > 1 else latencies[0]
    print(f"{label:<22} n={len(latencies):3d}  p50 {p50:6.1f} ms  p99 {p99:6.1f} ms")
    return latencies


def _skipped(detail: str) -> int:
    found = re.search(r"(\d+) calls skipped", detail)
    assert found, detail
    return int(found.group(1))


def test_a_redis_crash_costs_requests_nothing_and_heals_in_the_background(
    redis_server: RedisServer, tmp_path: Path
) -> None:
    print()
    (tmp_path / "bare").mkdir()
    (tmp_path / "redis").mkdir()
    with (
        api_server(
            tmp_path / "bare" / "data", rate_limit_per_minute=LOTS, rate_limit_burst=LOTS
        ) as bare,
        _client(bare) as client,
    ):
        client.post("/api/analysis", json=BODY).raise_for_status()
        _phase(client, "no Redis (baseline)")

    with (
        api_server(
            tmp_path / "redis" / "data",
            redis_url=redis_server.url,
            rate_limit_per_minute=LOTS,
            rate_limit_burst=LOTS,
        ) as server,
        _client(server) as client,
    ):
        client.post("/api/analysis", json=BODY).raise_for_status()
        _phase(client, "Redis up")

        redis_server.kill()
        during = _phase(client, "Redis killed")
        ready = client.get("/api/health/ready")
        assert ready.status_code == 200, "an optional dependency down: still ready"
        report = ready.json()
        assert report["status"] == "degraded"
        for name in ("cache", "rate_limit"):
            check = report["checks"][name]
            assert check["state"] == "degraded", check
            assert "circuit open" in check["detail"], check
        # Every request asks the limiter once and the cache at least once (get, and set on
        # a miss): all but the few trial calls after each cool-down must have been skipped.
        limiter_skipped = _skipped(report["checks"]["rate_limit"]["detail"])
        cache_skipped = _skipped(report["checks"]["cache"]["detail"])
        print(
            f"during the outage: {len(during)} requests, Redis calls skipped: "
            f"limiter {limiter_skipped}, cache {cache_skipped}"
        )
        assert limiter_skipped >= len(during) - 5
        assert cache_skipped >= len(during) - 5

        redis_server.start()  # same port, empty
        deadline = time.monotonic() + RECOVERY_TIMEOUT_S
        while client.get("/api/health/ready").json()["status"] != "ok":
            assert time.monotonic() < deadline, "the probe never closed the circuit"
            time.sleep(0.2)  # no analysis requests meanwhile: the background probe did it
        _phase(client, "Redis restarted")
    assert "Traceback" not in server.log.read_text()
