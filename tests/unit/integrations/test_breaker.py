"""The circuit breaker: skips a failing dependency, tries again one call at a time, and a
background probe brings it back without a request paying for the check."""

from __future__ import annotations

import asyncio

import pytest

from integrations.breaker import CircuitBreaker, CircuitOpenError
from tests.support.fake_clock import FakeClock


async def test_opens_after_failures_in_a_row_and_skips_calls() -> None:
    clock = FakeClock(0.0)
    breaker = CircuitBreaker("dep", _never_answers, cool_down_seconds=5, clock=clock)
    breaker.failed(ConnectionError("refused"))
    assert breaker.state == "closed", "one failure is not an outage"
    breaker.succeeded()
    breaker.failed(ConnectionError("refused"))
    assert breaker.state == "closed", "the count is of failures in a row"
    breaker.failed(ConnectionError("refused"))
    assert breaker.is_open
    assert [breaker.allows() for _ in range(3)] == [False, False, False]
    assert breaker.skipped == 3
    with pytest.raises(CircuitOpenError, match=r"ConnectionError: refused\); 3 calls skipped"):
        breaker.check()
    await breaker.close()


async def test_after_the_cool_down_one_trial_call_at_a_time() -> None:
    clock = FakeClock(0.0)
    breaker = CircuitBreaker("dep", _never_answers, failures_to_open=1, clock=clock)
    breaker.failed(TimeoutError())
    clock.now = 2.5
    assert breaker.allows(), "the trial"
    assert not breaker.allows(), "others skip while it runs"
    breaker.succeeded()
    assert breaker.state == "closed"
    assert breaker.allows()
    await breaker.close()


async def test_a_background_probe_closes_it_without_any_call() -> None:
    answers = asyncio.Event()
    probes: list[bool] = []

    async def probe() -> None:
        probes.append(answers.is_set())
        if not answers.is_set():
            raise ConnectionError("still down")

    breaker = CircuitBreaker("dep", probe, failures_to_open=1, cool_down_seconds=0.05)
    breaker.failed(ConnectionError("down"))
    await asyncio.sleep(0.12)
    assert breaker.is_open
    assert probes, "probed while down"
    answers.set()
    for _ in range(100):
        if not breaker.is_open:
            break
        await asyncio.sleep(0.02)
    assert breaker.state == "closed"
    assert probes[-1] is True
    await breaker.close()


async def _never_answers() -> None:
    raise ConnectionError("down")
