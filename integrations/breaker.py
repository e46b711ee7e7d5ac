"""A circuit breaker for optional dependencies (Redis for the cache and the rate limits).

Without one, every request during an outage pays the dependency's timeout (or its client's
retries) before going on without it. With one, the first failures open the circuit: calls
are skipped at once for a cool-down, a background task probes the dependency, and the
first successful probe (or trial call, one at a time once the cool-down has passed) closes
it again. Readiness reads `describe()` to say why the app is degraded.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from typing import Literal

import structlog

State = Literal["closed", "open"]


class CircuitOpenError(RuntimeError):
    """Raised by `check()` while the circuit is open; the message is the reason."""


class CircuitBreaker:
    """Tracks one dependency's health; callers ask `allows()` before each call.

    `name` prefixes the log events (`{name}_unavailable`, `{name}_recovered`); `context` is
    added to them (e.g. the redacted URL).
    """

    def __init__(
        self,
        name: str,
        probe: Callable[[], Awaitable[object]],
        *,
        failures_to_open: int = 2,
        cool_down_seconds: float = 2.0,
        probe_timeout_seconds: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        context: dict[str, str] | None = None,
    ) -> None:
        self.name = name
        self._probe = probe
        self._failures_to_open = max(1, failures_to_open)
        self._cool_down = cool_down_seconds
        self._probe_timeout = probe_timeout_seconds
        self._clock = clock
        self._context = context or {}
        self._log = structlog.get_logger(__name__)
        self._state: State = "closed"
        self._failures = 0  # in a row
        self._opened_at = 0.0
        self._next_trial = 0.0
        self._trial_running = False
        self._last_error = ""
        self.skipped = 0  # calls not made because the circuit was open (this outage)
        self._prober: asyncio.Task[None] | None = None

    @property
    def state(self) -> State:
        return self._state

    @property
    def is_open(self) -> bool:
        return self._state == "open"

    def allows(self) -> bool:
        """Whether to make the call now; False costs the caller nothing but a fallback."""
        if self._state == "closed":
            return True
        now = self._clock()
        if not self._trial_running and now >= self._next_trial:
            self._trial_running = True
            self._next_trial = now + self._cool_down
            return True
        self.skipped += 1
        self._ensure_prober()
        return False

    def succeeded(self) -> None:
        self._trial_running = False
        self._failures = 0
        if self._state == "open":
            self._close()

    def failed(self, exc: BaseException) -> None:
        self._trial_running = False
        self._failures += 1
        self._last_error = f"{type(exc).__name__}: {exc}".rstrip(": ")
        now = self._clock()
        self._next_trial = now + self._cool_down
        if self._state == "closed" and self._failures >= self._failures_to_open:
            self._state = "open"
            self._opened_at = now
            self.skipped = 0
            self._log.warning(
                f"{self.name}_unavailable",
                **self._context,
                error=self._last_error,
                effect=f"calls skipped for {self._cool_down:g} s at a time; probing in background",
            )
        if self._state == "open":
            self._ensure_prober()

    def describe(self) -> str:
        if self._state == "closed":
            return "circuit closed"
        return (
            f"circuit open for {self._clock() - self._opened_at:.1f} s after {self._failures} "
            f"failures in a row (last: {self._last_error}); {self.skipped} calls skipped; "
            f"probing every {self._cool_down:g} s"
        )

    def check(self) -> None:
        """Raises `CircuitOpenError` with the reason while open (for readiness checks)."""
        if self._state == "open":
            raise CircuitOpenError(self.describe())

    async def close(self) -> None:
        """Stops the background probe."""
        prober, self._prober = self._prober, None
        if prober is not None and not prober.done():
            prober.cancel()
            with contextlib.suppress(asyncio.CancelledError, RuntimeError):
                await prober

    def _close(self) -> None:
        self._log.info(
            f"{self.name}_recovered",
            **self._context,
            outage_seconds=round(self._clock() - self._opened_at, 2),
            skipped=self.skipped,
        )
        self._state = "closed"
        self._failures = 0

    def _ensure_prober(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop: the next trial call will probe instead
            return
        prober = self._prober
        if prober is not None and not prober.done() and prober.get_loop() is loop:
            return
        self._prober = loop.create_task(self._probe_until_closed())

    async def _probe_until_closed(self) -> None:
        while self._state == "open":
            await asyncio.sleep(max(self._cool_down, 0.05))
            if self._state != "open":
                return
            try:
                await asyncio.wait_for(self._probe(), self._probe_timeout)
            except Exception as exc:  # any failure keeps it open; the reason is kept
                self._last_error = f"{type(exc).__name__}: {exc}".rstrip(": ")
                continue
            self.succeeded()
