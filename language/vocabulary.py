"""One vocabulary for what a request names: how far back (period), bar size (interval),
which tool, and which universe a scan runs over. The CLI, the planner, market data, the API
schemas and the services all use these, so a spelling accepted in one place is accepted
everywhere.

Periods and intervals are Yahoo Finance's spellings: that is what traders type and what the
main source understands; the other sources honour the same words. Two intervals are ours:
`2h` and `4h`, which traders use and no free source serves; market data builds them from 1h
bars (`HOUR_MULTIPLES`).
"""

from __future__ import annotations

from typing import Literal, get_args

Period = Literal["1d", "5d", "1mo", "3mo", "6mo", "1y", "2y", "5y", "10y", "ytd", "max"]
Interval = Literal[
    "1m", "2m", "5m", "15m", "30m", "60m", "90m", "1h", "2h", "4h", "1d", "5d", "1wk", "1mo",
    "3mo",
]  # fmt: skip
# One tool per capability; the UI's buttons attach the same names.
ToolName = Literal[
    "fibonacci", "structure", "levels", "summary", "quote", "chart", "compare", "scan", "help"
]
# The tools that draw one symbol's analysed chart, and what each puts in front.
ChartTool = Literal["fibonacci", "structure", "levels", "chart"]
Leg = Literal["major", "latest"]
# The universes a scan runs over: the shipped lists (`integrations/scans/data`), the bundled
# sample, and the user's saved watchlist. A test keeps this equal to the API's names.
ScanUniverse = Literal[
    "sp500", "nasdaq100", "dow30", "fx", "crypto", "futures", "bundled", "watchlist"
]

PERIODS: tuple[Period, ...] = get_args(Period)
INTERVALS: tuple[Interval, ...] = get_args(Interval)
TOOL_NAMES: tuple[ToolName, ...] = get_args(ToolName)
CHART_TOOLS: tuple[ChartTool, ...] = get_args(ChartTool)
LEGS: tuple[Leg, ...] = get_args(Leg)
SCAN_UNIVERSES: tuple[ScanUniverse, ...] = get_args(ScanUniverse)

# Intervals made of whole 1h bars, and how many each takes.
HOUR_MULTIPLES: dict[Interval, int] = {"2h": 2, "4h": 4}
INTRADAY_INTERVALS: frozenset[Interval] = frozenset(
    {"1m", "2m", "5m", "15m", "30m", "60m", "90m", "1h", "2h", "4h"}
)

# The Fibonacci ratios a chart draws (the analysis' default retracements and extensions; a
# test keeps the two equal), so "what about the 0.618?" names a level that is on the chart.
FIB_RATIOS: tuple[float, ...] = (
    0.0, 0.236, 0.382, 0.5, 0.618, 0.786, 1.0, 1.272, 1.414, 1.618, 2.0, 2.618, 3.618, 4.236,
)  # fmt: skip


def known_ratio(value: float) -> float | None:
    """The Fibonacci ratio `value` names (0.6180 is 0.618), or None for any other number."""
    return next((ratio for ratio in FIB_RATIOS if abs(ratio - value) < 5e-4), None)
