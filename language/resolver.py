"""What the planner needs to turn names into tickers: a resolver (market data's table).

A protocol, so the rules stay pure: the adapter that knows the names lives in integrations.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class SymbolCandidate(Protocol):
    """A ticker for some text; `name` is None when the text was only taken as a ticker."""

    @property
    def symbol(self) -> str: ...

    @property
    def name(self) -> str | None: ...


class SymbolResolver(Protocol):
    """Names, aliases and tickers to ticker candidates, best first (market data's `resolve`)."""

    async def resolve(self, text: str) -> Sequence[SymbolCandidate]: ...
