"""Our own Prometheus metrics, beside the request metrics the instrumentator records.

Names follow Prometheus conventions (`_seconds`, `_total`); labels stay low-cardinality
(a stage, a provider, a result), never a symbol or a user.
"""

from __future__ import annotations

from typing import Any

from prometheus_client import Counter, Gauge, Histogram

ANALYSIS_STAGE_SECONDS = Histogram(
    "financials_analysis_stage_seconds",
    "Time spent in each stage of an analysis request.",
    ["stage"],
    buckets=(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
CACHE_REQUESTS = Counter(
    "financials_cache_requests_total", "Bar cache lookups, by result.", ["result"]
)
AI_REQUEST_SECONDS = Histogram(
    "financials_ai_request_seconds",
    "Latency of AI interpretation and planning calls.",
    ["provider", "kind"],
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 40),
)
AI_FAILURES = Counter(
    "financials_ai_failures_total",
    "AI calls that failed, by provider and reason.",
    ["provider", "reason"],
)
CHARTS_RENDERED = Counter(
    "financials_charts_rendered_total", "Chart images rendered, by size.", ["size"]
)

# Summed over a pod's granian workers (PROMETHEUS_MULTIPROC_DIR): the HPA's second metric,
# since time spent waiting on DashScope does not show up as CPU (docs/scaling.md). One gauge
# for the process: the instrumentator's own in-progress gauge is made per app and clashes
# when several apps are built (tests build many).
IN_FLIGHT_METRIC = "financials_http_requests_in_flight"
HTTP_IN_FLIGHT = Gauge(
    IN_FLIGHT_METRIC,
    "HTTP requests being answered now (excluding /metrics).",
    multiprocess_mode="livesum",
)


class InFlightRequests:
    """ASGI middleware counting the HTTP requests in flight in `HTTP_IN_FLIGHT`."""

    def __init__(self, app: Any, excluded: tuple[str, ...] = ("/metrics",)) -> None:
        self.app, self.excluded = app, excluded

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope.get("path") in self.excluded:
            await self.app(scope, receive, send)
            return
        HTTP_IN_FLIGHT.inc()
        try:
            await self.app(scope, receive, send)
        finally:
            HTTP_IN_FLIGHT.dec()
