"""Timing helpers shared by the benchmark sections."""

from __future__ import annotations

import contextlib
import io
import time
from collections.abc import Callable, Iterator


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """Best wall time of `repeat` runs, in seconds: the least disturbed measurement."""
    times = []
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Silence a peer library's banners and warnings while it runs."""
    import warnings

    with (
        contextlib.redirect_stdout(io.StringIO()),
        contextlib.redirect_stderr(io.StringIO()),
        warnings.catch_warnings(),
    ):
        warnings.simplefilter("ignore")
        yield


def format_seconds(seconds: float | None) -> str:
    if seconds is None:
        return "skipped"
    return f"{seconds * 1000:,.1f} ms" if seconds < 1 else f"{seconds:,.2f} s"
