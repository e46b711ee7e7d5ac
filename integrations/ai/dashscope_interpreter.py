"""Qwen-VL reads the chart: the PNG as a data URI plus the grounding facts as JSON.

The facts are there so the model's numbers are ours; the grounding check still runs on
what it writes and reports any number that is not (`Interpretation.ungrounded`).
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import structlog

from analysis import Analysis
from integrations.ai.dashscope_transport import DashScopeTransport
from integrations.ai.errors import AiResponseError
from integrations.ai.prompts import interpreter_messages
from integrations.ai.streaming import InterpretationStream
from language.calls import pinned, split_call
from language.facts import GroundingFacts, grounding_facts
from language.models import Interpretation
from language.reading import finish

log = structlog.get_logger(__name__)
DEFAULT_VL_MODEL = "qwen3-vl-plus"
MAX_TOKENS = 700
TEMPERATURE = 0.2  # a reading of numbers, not creative writing


class DashScopeChartInterpreter:
    """`ChartInterpreter` on Alibaba Cloud Model Studio (`MultiModalConversation`)."""

    name = "dashscope"
    reads_images = True

    def __init__(self, transport: DashScopeTransport, model: str = DEFAULT_VL_MODEL) -> None:
        self._transport = transport
        self.model = model

    async def interpret(
        self,
        png: bytes,
        analysis: Analysis,
        question: str | None = None,
        *,
        symbol: str | None = None,
    ) -> Interpretation:
        started = time.perf_counter()
        facts = grounding_facts(analysis)
        reply = await self._transport.multimodal(
            self.model,
            interpreter_messages(png, facts, question, symbol),
            max_tokens=MAX_TOKENS,
            temperature=TEMPERATURE,
        )
        return self._finish(reply.text, analysis, facts, started=started, empty="returned no text")

    def stream(
        self,
        png: bytes,
        analysis: Analysis,
        question: str | None = None,
        *,
        symbol: str | None = None,
    ) -> InterpretationStream:
        started = time.perf_counter()
        facts = grounding_facts(analysis)
        deltas: AsyncIterator[str] = self._transport.multimodal_stream(
            self.model,
            interpreter_messages(png, facts, question, symbol),
            max_tokens=MAX_TOKENS,
            temperature=TEMPERATURE,
        )

        def done(text: str) -> Interpretation:
            return self._finish(text, analysis, facts, started=started, empty="streamed no text")

        return InterpretationStream(deltas, done)

    def _finish(
        self,
        text: str,
        analysis: Analysis,
        facts: GroundingFacts,
        *,
        started: float,
        empty: str,
    ) -> Interpretation:
        """Checks the model wrote something (`empty` says how it failed), takes its JSON call
        off the text (a missing or invalid one leaves the reading without a call), then
        grounds the rest."""
        if not text.strip():
            raise AiResponseError(f"{self.model} {empty}")
        reading, stated, problem = split_call(text)
        if problem is not None:
            log.info("reading kept without a call", model=self.model, reason=problem)
        if not reading.strip():
            raise AiResponseError(f"{self.model} returned a call and no reading")
        return finish(
            reading,
            analysis=analysis,
            facts=facts,
            provider="dashscope",
            model=self.model,
            latency_ms=round((time.perf_counter() - started) * 1000),
            call=None if stated is None else pinned(stated, analysis),
        )
