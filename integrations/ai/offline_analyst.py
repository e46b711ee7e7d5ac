"""The offline `ChartInterpreter`: the rules of `language.analyst`, streamed and checked.

It is the default without a DashScope key and the fallback when the cloud model fails. It
never looks at the PNG (`reads_images` is False), it says what it is, and what it writes is
checked by the same `finish` as the cloud model's text.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

from analysis import Analysis
from integrations.ai.streaming import InterpretationStream
from language.analyst import PROVIDER_LABEL, RULES_VERSION, write
from language.calls import offline_call, pinned
from language.facts import grounding_facts
from language.models import Interpretation
from language.reading import finish


class OfflineChartInterpreter:
    """`ChartInterpreter` without a network: deterministic text from the numbers."""

    name = "offline"
    reads_images = False

    async def interpret(
        self,
        png: bytes,
        analysis: Analysis,
        question: str | None = None,
        *,
        symbol: str | None = None,
    ) -> Interpretation:
        return await self.stream(png, analysis, question, symbol=symbol).collect()

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
        stated = offline_call(facts)

        async def deltas() -> AsyncIterator[str]:
            for part in write(facts, symbol=symbol, question=question, call=stated):
                yield part

        def done(text: str) -> Interpretation:
            return finish(
                text,
                analysis=analysis,
                facts=facts,
                provider=PROVIDER_LABEL,
                model=RULES_VERSION,
                latency_ms=round((time.perf_counter() - started) * 1000),
                call=pinned(stated, analysis),
            )

        return InterpretationStream(deltas(), done)
