"""What a symbol lookup answers: ticker candidates for a user's text.

Apart from `models` (bars and quotes, which need pandas) so that resolving names, which the
chat planner and `financials parse` do, costs no pandas import.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

SymbolKind = Literal["equity", "etf", "index", "fx", "crypto", "future", "unknown"]


class SymbolMatch(BaseModel):
    """One candidate ticker for a user's text ("tesla" -> TSLA), best candidates first."""

    model_config = ConfigDict(frozen=True)

    symbol: str
    name: str | None = None
    kind: SymbolKind = "unknown"
    exchange: str | None = None
    currency: str | None = None
