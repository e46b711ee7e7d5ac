"""Readiness: ask every dependency at once, report each one's state, hide none.

A required dependency that fails makes the app not ready (the load balancer should stop
sending it traffic); an optional one that fails only degrades it (the app still answers,
e.g. without the cache or with the offline analyst).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

State = Literal["ok", "degraded", "failed"]
PROBE_TIMEOUT_S = 2.0


@dataclass(frozen=True)
class Probe:
    name: str
    required: bool
    check: Callable[[], Awaitable[object]]
    detail: str = ""  # what is being checked, e.g. the adapter in use


class DependencyState(BaseModel):
    state: State
    required: bool
    latency_ms: float
    detail: str


class Readiness(BaseModel):
    status: State
    checks: dict[str, DependencyState]

    @property
    def ready(self) -> bool:
        return self.status != "failed"


async def _run(probe: Probe) -> DependencyState:
    started = time.perf_counter()
    try:
        await asyncio.wait_for(probe.check(), PROBE_TIMEOUT_S)
        state: State = "ok"
        detail = probe.detail
    except TimeoutError:
        state, detail = "failed", f"{probe.detail}: no answer within {PROBE_TIMEOUT_S:g} s"
    except Exception as exc:
        state, detail = "failed", f"{probe.detail}: {type(exc).__name__}: {exc}"
    if state == "failed" and not probe.required:
        state = "degraded"
    elapsed = round((time.perf_counter() - started) * 1000, 2)
    return DependencyState(state=state, required=probe.required, latency_ms=elapsed, detail=detail)


async def check_readiness(probes: Sequence[Probe]) -> Readiness:
    results = await asyncio.gather(*(_run(p) for p in probes))
    checks = {p.name: r for p, r in zip(probes, results, strict=True)}
    states = {r.state for r in results}
    status: State = "failed" if "failed" in states else "degraded" if "degraded" in states else "ok"
    return Readiness(status=status, checks=checks)
