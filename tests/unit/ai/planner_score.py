"""The offline planner's score on the case table, printed at the end of the test run."""

from __future__ import annotations

RESULTS: dict[str, bool] = {}


def summary_line() -> str | None:
    if not RESULTS:
        return None
    passed = sum(RESULTS.values())
    return f"offline planner: {passed}/{len(RESULTS)} = {100 * passed / len(RESULTS):.1f}%"
