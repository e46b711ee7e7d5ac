"""Load test: POST /api/charts/fibonacci for a while on loopback, then p50/p99, req/s, errors.

Not part of `make test` (it takes about a minute and measures, it does not assert):

    .venv/bin/python -m tests.load.fibonacci_load [--seconds 15] [--concurrency 4]

It starts the backend as production runs it (granian, one worker) on the bundled sample
data with the offline analyst, warms the bar cache, and drives requests from one process,
so both cores are busy: one serving, one loading. Three runs, in this order:

- 1 client, then `--concurrency` clients, cycling 4 symbols: the target case (cached bars;
  the same charts are asked again, so the chart memo answers most of them);
- 1 client with every request new (distinct Fibonacci ratios): each one is analysed and
  drawn, the baseline the memo is measured against.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from app.config import Settings
from app.wiring.auth import dev_issuer
from tests.support.api_server import api_server

SYMBOLS = ("AAPL", "MSFT", "IBM", "GOOG")
TARGET_P50_MS = 60
TARGET_REQ_PER_S = 30


async def _client_loop(
    client: httpx.AsyncClient,
    deadline: float,
    latencies: list[float],
    errors: list[str],
    n: int,
    distinct: bool,
) -> None:
    i = n
    while time.monotonic() < deadline:
        body: dict[str, object] = {
            "symbol": SYMBOLS[i % len(SYMBOLS)],
            "period": "1y",
            "interval": "1d",
        }
        if distinct:  # a ratio no request used before: a new analysis and a new chart
            body["ratios"] = [0.382, 0.5, 0.6 + (n * 100_000 + i) * 1e-9]
        i += 1
        started = time.perf_counter()
        try:
            response = await client.post("/api/charts/fibonacci", json=body)
        except httpx.HTTPError as exc:
            errors.append(type(exc).__name__)
            continue
        latencies.append((time.perf_counter() - started) * 1000)
        if response.status_code != 201:
            errors.append(str(response.status_code))


async def _measure(
    client: httpx.AsyncClient, label: str, seconds: float, concurrency: int, distinct: bool
) -> None:
    latencies: list[float] = []
    errors: list[str] = []
    started = time.monotonic()
    deadline = started + seconds
    await asyncio.gather(
        *(
            _client_loop(client, deadline, latencies, errors, n, distinct)
            for n in range(concurrency)
        )
    )
    elapsed = time.monotonic() - started
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    p50, p99 = statistics.median(latencies) if latencies else 0.0, quantiles[98]
    print(
        f"{label:<34} {concurrency} client(s) {elapsed:4.0f} s  requests {len(latencies):5d}  "
        f"req/s {len(latencies) / elapsed:5.1f}  p50 {p50:4.0f} ms  p99 {p99:4.0f} ms  "
        f"errors {len(errors)}" + (f" {sorted(set(errors))}" if errors else "")
    )


async def _run(url: str, token: str, seconds: float, concurrency: int) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=30) as client:
        for symbol in SYMBOLS:  # warm the cache: the target is for cached data
            warm = await client.post(
                "/api/charts/fibonacci", json={"symbol": symbol, "period": "1y"}
            )
            warm.raise_for_status()
        print(
            f"POST /api/charts/fibonacci, one worker, offline analyst, cached bars "
            f"(target: >= {TARGET_REQ_PER_S} req/s, p50 < {TARGET_P50_MS} ms at 1 client)"
        )
        await _measure(client, "cached bars, repeated charts", seconds, 1, distinct=False)
        await _measure(client, "cached bars, repeated charts", seconds, concurrency, False)
        await _measure(client, "cached bars, every chart new", seconds, 1, distinct=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=15, help="per run (three runs)")
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        with api_server(
            data_dir, rate_limit_per_minute="1000000", rate_limit_burst="1000000"
        ) as up:
            token = dev_issuer(Settings(_env_file=None, data_dir=data_dir)).mint(
                "load", ["charts:read", "charts:write"]
            )
            asyncio.run(_run(up.url, token, args.seconds, args.concurrency))


if __name__ == "__main__":
    main()
