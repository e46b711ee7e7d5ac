"""The chat's tools, one per capability, as the cloud planner declares them.

The UI's buttons attach the same names (`models.ToolName`); the descriptions are what the
model reads to choose, so they say what each tool shows, not how it is built.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from language.vocabulary import (
    FIB_RATIOS,
    INTERVALS,
    LEGS,
    PERIODS,
    SCAN_UNIVERSES,
    TOOL_NAMES,
    ToolName,
)

DESCRIPTIONS: dict[ToolName, str] = {
    "fibonacci": "Fibonacci retracement and extension levels of the latest swing leg, with "
    "how often each level held on the market's own past legs.",
    "structure": "Market structure: swing highs and lows (HH/HL/LH/LL), breaks of structure "
    "(BOS) and changes of character (CHoCH), and the trend.",
    "levels": "Key support and resistance levels and zones.",
    "summary": "A short written reading of the analysis of the markets given, or of the ones "
    'already discussed ("summarize what you found").',
    "quote": "The latest price and change of one or more markets.",
    "chart": "An annotated candlestick chart of a market.",
    "compare": "Two or more markets compared over the same window.",
    "scan": "Scan a whole universe (S&P 500, Nasdaq-100, Dow 30, FX, crypto, futures, the "
    "bundled sample, or the user's watchlist) or several named markets for setups: near a "
    "Fibonacci ratio or the golden pocket, near a support/resistance zone, a fresh BOS or "
    "CHoCH, an open FVG or order block, confluence, a trend. Answers with a table of the "
    "markets that match.",
    "help": "What this assistant can do, with examples.",
}


class ToolArguments(BaseModel):
    """Arguments as the model writes them; the planner normalises and resolves them."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    symbols: list[str] = Field(default_factory=list)
    period: str | None = None
    start: str | None = None
    end: str | None = None
    interval: str | None = None
    leg: str | None = None
    ratio: float | str | None = None
    universe: str | None = None
    setups: str | list[str] | None = None


def _scan_parameters() -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "universe": {
                "type": "string",
                "enum": list(SCAN_UNIVERSES),
                "description": "What to scan; leave out when the user names markets instead.",
            },
            "symbols": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Markets to scan instead of a universe, as the user named them.",
            },
            "setups": {
                "type": "string",
                "description": "What every kept market must show, in the user's words: "
                "“near the 0.618 with a support zone”, “bullish CHoCH in the last 3 bars”, "
                "“golden pocket within 1 ATR”, “open FVG”, “uptrend”.",
            },
            "period": {
                "type": "string",
                "description": f"History read: one of {', '.join(PERIODS)}.",
            },
            "interval": {
                "type": "string",
                "description": f"Bar interval: one of {', '.join(INTERVALS)}, or as written.",
            },
        },
        "required": ["setups"],
    }


def _parameters(tool: ToolName) -> dict[str, Any]:
    if tool == "help":
        return {"type": "object", "properties": {}}
    if tool == "scan":
        return _scan_parameters()
    properties: dict[str, Any] = {
        "symbols": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Markets as the user named them: tickers or names.",
            **({"minItems": 2} if tool == "compare" else {}),
        },
    }
    if tool != "quote":
        properties |= {
            "period": {
                "type": "string",
                "description": f"One of {', '.join(PERIODS)}, or a duration as written.",
            },
            "start": {"type": "string", "description": "YYYY-MM-DD, only for explicit dates."},
            "end": {"type": "string", "description": "YYYY-MM-DD, only for explicit dates."},
            "interval": {
                "type": "string",
                "description": f"Bar interval: one of {', '.join(INTERVALS)}, or as written.",
            },
        }
    if tool == "fibonacci":
        properties |= {
            "leg": {
                "type": "string",
                "enum": list(LEGS),
                "description": "major: the window's largest move (the default); latest: the "
                "most recent swing (“use the latest swing”).",
            },
            "ratio": {
                "type": "number",
                "enum": list(FIB_RATIOS),
                "description": "The level the user asks about (“what about the 0.618?”, "
                "“the 61.8%”), as a ratio.",
            },
        }
    return {"type": "object", "properties": properties, "required": ["symbols"]}


def tool_definitions() -> list[dict[str, Any]]:
    """DashScope's `tools` parameter (OpenAI-style function declarations)."""
    return [
        {
            "type": "function",
            "function": {
                "name": tool,
                "description": DESCRIPTIONS[tool],
                "parameters": _parameters(tool),
            },
        }
        for tool in TOOL_NAMES
    ]
