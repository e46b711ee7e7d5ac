"""Shared fixtures of the AI tests, and the planner's accuracy line in the test summary."""

from __future__ import annotations

import pytest

from tests.unit.ai.planner_score import summary_line


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    line = summary_line()
    if line is not None:
        terminalreporter.write_sep("-", "AI")
        terminalreporter.write_line(line)
