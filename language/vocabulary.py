"""One vocabulary for what a request names: how far back (period), bar size (interval), and
which tool. The CLI, the planner, market data, the API schemas and the services all use these,
so a spelling accepted in one place is accepted everywhere.

Periods and intervals are Yahoo Finance's spellings: that is what traders type and what the
main source understands; the other sources honour the same words.
"""

from __future__ import annotations

from typing import Literal, get_args

Period = Literal["1d", "5d", "1mo", "3mo", "6mo", "1y", "2y", "5y", "10y", "ytd", "max"]
Interval = Literal[
    "1m", "2m", "5m", "15m", "30m", "60m", "90m", "1h", "1d", "5d", "1wk", "1mo", "3mo"
]
# One tool per capability; the UI's buttons attach the same names.
ToolName = Literal[
    "fibonacci", "structure", "levels", "summary", "quote", "chart", "compare", "help"
]
# The tools that draw one symbol's analysed chart, and what each puts in front.
ChartTool = Literal["fibonacci", "structure", "levels", "chart"]
Leg = Literal["major", "latest"]

PERIODS: tuple[Period, ...] = get_args(Period)
INTERVALS: tuple[Interval, ...] = get_args(Interval)
TOOL_NAMES: tuple[ToolName, ...] = get_args(ToolName)
CHART_TOOLS: tuple[ChartTool, ...] = get_args(ChartTool)
LEGS: tuple[Leg, ...] = get_args(Leg)
