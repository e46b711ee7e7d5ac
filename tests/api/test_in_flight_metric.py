"""The HPA's second metric is real: /metrics counts requests in flight, under the name the
manifests and the chart scale on."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import httpx
import pytest
import yaml

from app.metrics import IN_FLIGHT_METRIC
from app.services.readiness import Probe
from tests.conftest import REPO_ROOT


def _in_flight(metrics: str) -> float:
    values = re.findall(rf"^{IN_FLIGHT_METRIC}(?:{{[^}}]*}})? ([0-9.e+-]+)$", metrics, re.M)
    assert values, f"{IN_FLIGHT_METRIC} is not on /metrics"
    return sum(float(value) for value in values)


@pytest.mark.usefixtures("started")
async def test_a_request_waiting_on_a_dependency_counts_as_in_flight(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = asyncio.Event()

    async def waits() -> None:
        await release.wait()

    monkeypatch.setattr(
        "app.api.routes.health._probes", lambda _services: [Probe("ai", False, waits, "slow model")]
    )
    await client.get("/api/health")  # the middleware is built on the first request
    before = _in_flight((await client.get("/metrics")).text)

    waiting = asyncio.create_task(client.get("/api/health/ready"))
    for _ in range(100):
        during = _in_flight((await client.get("/metrics")).text)
        if during > before:
            break
        await asyncio.sleep(0.01)
    release.set()
    await waiting
    after = _in_flight((await client.get("/metrics")).text)

    assert during == before + 1, "the waiting request is counted, the scrape itself is not"
    assert after == before


@pytest.mark.parametrize("path", ["infra/k8s/hpa.yaml", "infra/helm/financials/templates/hpa.yaml"])
def test_the_autoscaler_scales_on_the_metric_the_app_serves(path: str) -> None:
    text = (Path(REPO_ROOT) / path).read_text()
    if "{{" in text:  # the chart's template: the metric name is literal in it
        names = re.findall(r"name: (financials_\w+)", text)
    else:
        spec = yaml.safe_load(text)["spec"]
        names = [m["pods"]["metric"]["name"] for m in spec["metrics"] if m["type"] == "Pods"]
    assert names == [IN_FLIGHT_METRIC]
