"""The AI ports: read a chart, plan a chat message, and find tickers in text.

Async like the rest of the app. Adapters: `offline_analyst` and `dashscope_interpreter` for
`ChartInterpreter`; `offline_planner` and `dashscope_planner` for `ChatPlanner`.
"""

from __future__ import annotations

from typing import Protocol

from analysis import Analysis
from integrations.ai.streaming import InterpretationStream
from language.models import Conversation, Interpretation, Plan


class ChartInterpreter(Protocol):
    """Reads a chart. Says who it is and whether it looks at the image, so callers skip
    drawing a PNG nobody reads and label the answer without guessing."""

    @property
    def name(self) -> str:
        """`dashscope` or `offline`: for logs, metrics and the health page."""
        ...

    @property
    def reads_images(self) -> bool:
        """True when `png` is read (the cloud model); False when only the numbers are."""
        ...

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
    @property
    def name(self) -> str:
        """`offline` or the cloud provider's name."""
        ...

    async def plan(self, message: str, conversation: Conversation) -> Plan:
        """Tool calls for the message (symbols resolved), or a direct reply."""
        ...
