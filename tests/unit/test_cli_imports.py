"""The quick commands import only what they use: no pandas, SQLAlchemy or logging stack.

Their speed is measured by `financials bench --section cli`, never asserted here.
"""

from __future__ import annotations

import pytest

from tests.support.imports import loaded_by, loaded_by_command

# What none of the quick commands needs, and each would cost a tenth of a second or more.
HEAVY = (
    "pandas", "numpy", "sqlalchemy", "alembic", "analysis", "plotly", "fastapi", "structlog",
    "httpx", "yfinance", "dashscope", "sqlmodel", "app.services.container",
)  # fmt: skip


def test_importing_the_cli_loads_no_settings_logging_or_data_libraries() -> None:
    assert loaded_by(["app.cli"], (*HEAVY, "pydantic_settings", "rich")) == []


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["version"],
        ["parse", "--offline", "fib on TSLA over 3 months"],
        ["parse", "--offline", "thanks!"],
        ["token"],
    ],
)
def test_a_quick_command_loads_none_of_the_heavy_libraries(args: list[str]) -> None:
    code, loaded = loaded_by_command(args, HEAVY)
    assert code == 0
    assert loaded == []


def test_the_analysis_command_still_loads_what_it_needs() -> None:
    """The check above can fail: a command that analyses loads pandas."""
    code, loaded = loaded_by_command(["analyze", "AAPL", "--source", "sample"], ("pandas",))
    assert (code, loaded) == (0, ["pandas"])
