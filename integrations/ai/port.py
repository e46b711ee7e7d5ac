"""The AI ports: read a chart, plan a chat message, and find tickers in text.

Async like the rest of the app. Adapters: `offline_analyst` and `dashscope_interpreter` for
`ChartInterpreter`; `offline_planner` and `dashscope_planner` for `ChatPlanner`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from analysis import Analysis
from integrations.ai.models import Conversation, Interpretation, Plan
from integrations.ai.streaming import InterpretationStream


class ChartInterpreter(Protocol):
    async def interpret(
        self,
        png: bytes,
        analysis: Analysis,
        question: str | None = None,
        *,
        symbol: str | None = None,
    ) -> Interpretation:
        """A short reading of the chart, grounded in `analysis`; `ungrounded` is filled.

        `png` is the chart as the user sees it (1024x576); `symbol` only names the market in
        the text. Raises an `AiError` subclass when the provider fails.
        """
        ...

    def stream(
        self,
        png: bytes,
        analysis: Analysis,
        question: str | None = None,
        *,
        symbol: str | None = None,
    ) -> InterpretationStream:
        """The same reading as text deltas; `.result` holds the Interpretation at the end.

        Nothing is sent until the stream is iterated.
        """
        ...


class ChatPlanner(Protocol):
    async def plan(self, message: str, conversation: Conversation) -> Plan:
        """Tool calls for the message (symbols resolved), or a direct reply."""
        ...


class SymbolCandidate(Protocol):
    """A ticker for some text; `name` is None when the text was only taken as a ticker."""

    @property
    def symbol(self) -> str: ...

    @property
    def name(self) -> str | None: ...


class SymbolResolver(Protocol):
    """Names, aliases and tickers to ticker candidates, best first (market data's `resolve`)."""

    async def resolve(self, text: str) -> Sequence[SymbolCandidate]: ...
