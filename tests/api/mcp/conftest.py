"""What the MCP tests share: the request both the API and the tools answer, and how to read
the levels out of either answer."""

from __future__ import annotations

from typing import Any

# The in-process app and its services come from tests/api/conftest.py, as for the API
# tests: one composed app per session (Reflex's app can be mounted only once).
# The same analysis asked of the API (`POST /api/analysis`) and of the `analyze` tool.
REQUEST: dict[str, Any] = {"symbol": "apple", "period": "1y", "interval": "1d", "leg": "major"}
BAD_SYMBOL = "no such thing zz"


def levels(analysis: dict[str, Any]) -> dict[str, Any]:
    """What must agree: the leg, its levels, structure, zones and each ratio's verdict."""
    fibonacci = analysis["fibonacci"]
    return {
        "leg": (fibonacci["start"], fibonacci["end"], fibonacci["leg"]),
        "retracements": fibonacci["retracements"],
        "extensions": fibonacci["extensions"],
        "structure": analysis["structure"],
        "zones": analysis["zones"],
        "verdicts": [
            (rate["ratio"], rate["verdict"], rate["verdict_text"])
            for rate in analysis["hit_rates"]["levels"]
        ],
    }
