"""Our own Prometheus metrics, beside the request metrics the instrumentator records.

Names follow Prometheus conventions (`_seconds`, `_total`); labels stay low-cardinality
(a stage, a provider, a result), never a symbol or a user.
"""

from __future__ import annotations

from prometheus_client import Counter, Histogram

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
