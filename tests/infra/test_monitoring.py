"""infra/monitoring: the alert rules and the dashboard parse as PromQL and only query series
that exist: ours (read from the app's Prometheus registry), the request metrics of
prometheus-fastapi-instrumentator (read from a real /metrics), and named Kubernetes series."""

from __future__ import annotations

import asyncio
import functools
import json
import re
from typing import Any

import httpx
import promql_parser
import pytest
import yaml

import app.metrics  # noqa: F401 - registers our metrics, as the app does on import
from app.api.main import create_api
from tests.conftest import REPO_ROOT
from tests.infra.conftest import INFRA

ALERTS = INFRA / "monitoring" / "alerts.yaml"
DASHBOARD = INFRA / "monitoring" / "grafana-dashboard.json"
# kube-state-metrics and cAdvisor series the capacity panels and alerts use.
KUBERNETES_SERIES = {
    "kube_deployment_status_replicas_available",
    "kube_horizontalpodautoscaler_status_current_replicas",
    "kube_horizontalpodautoscaler_spec_max_replicas",
    "container_cpu_usage_seconds_total",
    "container_memory_working_set_bytes",
}
REQUIRED_ALERTS = {
    "FinancialsHigh5xxRate",
    "FinancialsHighLatencyP99",
    "FinancialsHPAAtMaxReplicas",
    "FinancialsAIFailureRate",
}


async def _scrape() -> str:
    """One request (the instrumentator makes its metrics on the first), then /metrics."""
    transport = httpx.ASGITransport(app=create_api())
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        await http.get("/api/health")
        return (await http.get("/metrics")).text


@functools.cache
def _exposed_series() -> frozenset[str]:
    """Series names a scrape of the app's /metrics can return, histograms' suffixes included."""
    text = asyncio.run(_scrape())
    names: set[str] = set()
    for name, kind in re.findall(r"^# TYPE (\S+) (\S+)$", text, flags=re.M):
        names.add(name)
        if kind == "histogram":
            names |= {f"{name}_bucket", f"{name}_count", f"{name}_sum"}
        if kind == "counter" and not name.endswith("_total"):
            names.add(f"{name}_total")
    return frozenset(names)


def _selectors(expr: str) -> list[str]:
    found: list[str] = []

    def visit(node: promql_parser.Expr) -> bool:
        if isinstance(node, promql_parser.VectorSelector) and node.name:
            found.append(node.name)
        return True

    # Grafana's interval variable is not PromQL; any duration stands in for it.
    promql_parser.walk(promql_parser.parse(expr.replace("$__rate_interval", "5m")), visit)
    return found


def _rules() -> list[dict[str, Any]]:
    groups = yaml.safe_load(ALERTS.read_text())["groups"]
    return [rule for group in groups for rule in group["rules"]]


def _dashboard_exprs() -> list[str]:
    dashboard = json.loads(DASHBOARD.read_text())
    return [target["expr"] for panel in dashboard["panels"] for target in panel.get("targets", [])]


def test_the_required_alerts_exist() -> None:
    assert {rule["alert"] for rule in _rules()} >= REQUIRED_ALERTS


@pytest.mark.parametrize("rule", _rules(), ids=lambda r: r["alert"])
def test_alert_is_valid_and_queries_only_existing_series(rule: dict[str, Any]) -> None:
    known = _exposed_series() | KUBERNETES_SERIES
    names = _selectors(rule["expr"])
    assert names, "an alert must query something"
    assert set(names) <= known, f"unknown series: {sorted(set(names) - known)}"
    assert rule["labels"]["severity"] in {"warning", "critical"}
    assert re.fullmatch(r"\d+[smh]", rule["for"])
    assert rule["annotations"]["summary"]


@pytest.mark.parametrize("rule", _rules(), ids=lambda r: r["alert"])
def test_alert_links_an_existing_runbook_entry(rule: dict[str, Any]) -> None:
    path, anchor = rule["annotations"]["runbook_url"].split("#")
    headings = re.findall(r"^#+ (.+)$", (REPO_ROOT / path).read_text(), flags=re.M)
    anchors = {re.sub(r"[^a-z0-9 -]", "", h.lower()).replace(" ", "-") for h in headings}
    assert anchor in anchors, f"{path} has no section for #{anchor}"


def test_dashboard_queries_are_valid_and_only_existing_series() -> None:
    known = _exposed_series() | KUBERNETES_SERIES
    exprs = _dashboard_exprs()
    assert len(exprs) >= 10
    used: set[str] = set()
    for expr in exprs:
        names = _selectors(expr)
        assert set(names) <= known, f"{expr}: unknown {sorted(set(names) - known)}"
        used |= set(names)
    ours = {n for n in _exposed_series() if n.startswith("financials_")}
    families = {re.sub(r"_(bucket|count|sum|total|created)$", "", n) for n in used}
    missing = {re.sub(r"_(bucket|count|sum|total|created)$", "", n) for n in ours} - families
    assert not missing, f"the dashboard shows none of {sorted(missing)}"


def test_dashboard_layout_is_importable() -> None:
    dashboard = json.loads(DASHBOARD.read_text())
    assert dashboard["uid"]
    assert dashboard["title"]
    ids = [panel["id"] for panel in dashboard["panels"]]
    assert len(ids) == len(set(ids))
    variables = {v["name"] for v in dashboard["templating"]["list"]}
    assert {"datasource", "namespace"} <= variables
    for panel in dashboard["panels"]:
        grid = panel["gridPos"]
        assert grid["x"] + grid["w"] <= 24, panel["title"]
