"""The offline analyst's call: the documented rule, pinned to the reading's last bar."""

from __future__ import annotations

import pytest

from analysis import AnalysisSettings, analyze
from analysis.models import Direction, Trend
from integrations.ai.offline_analyst import OfflineChartInterpreter
from language.calls import OFFLINE_HORIZON_BARS, offline_call, pinned
from language.facts import FactEvent, GroundingFacts, grounding_facts
from tests.support.bars import sample_stock


def _facts() -> GroundingFacts:
    return grounding_facts(analyze(sample_stock("IBM").iloc[-300:], AnalysisSettings()))


def _with(swing: Trend, internal: Trend, event: Direction | None) -> GroundingFacts:
    facts = _facts()
    last = (
        None
        if event is None
        else FactEvent(kind="BOS", direction=event, scale="swing", level=1.0, date="2013-01-02")
    )
    return facts.model_copy(
        update={"trend_swing": swing, "trend_internal": internal, "last_event": last}
    )


@pytest.mark.parametrize(
    ("swing", "internal", "event", "bias", "confidence"),
    [
        ("bullish", "bullish", "bullish", "bullish", 1.0),
        ("bullish", "ranging", "bullish", "bullish", 0.6667),
        ("bearish", "bearish", None, "bearish", 0.6667),
        ("bullish", "bearish", "bullish", "neutral", 0.3333),
        ("ranging", "ranging", None, "neutral", 0.3333),
    ],
)
def test_the_bias_is_the_sum_of_three_signals(
    swing: Trend, internal: Trend, event: Direction | None, bias: str, confidence: float
) -> None:
    call = offline_call(_with(swing, internal, event))
    assert call.bias == bias
    assert call.confidence == confidence
    assert call.horizon_bars == OFFLINE_HORIZON_BARS


def test_levels_come_from_the_nearest_support_and_resistance() -> None:
    facts = _facts()
    assert facts.nearest_support is not None
    assert facts.nearest_resistance is not None
    support, resistance = facts.nearest_support.price, facts.nearest_resistance.price

    bullish = offline_call(_with("bullish", "bullish", None))
    bearish = offline_call(_with("bearish", "bearish", None))
    neutral = offline_call(_with("ranging", "ranging", None))

    assert (bullish.watch_levels, bullish.invalidation) == ([resistance], support)
    assert (bearish.watch_levels, bearish.invalidation) == ([support], resistance)
    assert (neutral.watch_levels, neutral.invalidation) == ([support, resistance], None)


async def test_the_reading_carries_its_call_pinned_to_the_last_bar_and_says_it() -> None:
    analysis = analyze(sample_stock("IBM").iloc[-300:], AnalysisSettings())
    reading = await OfflineChartInterpreter().interpret(b"", analysis, symbol="IBM")

    call = reading.call
    assert call is not None
    assert call.as_of == analysis.series.last_time
    assert (call.close, call.atr) == (analysis.series.last_close, analysis.series.atr)
    assert call == pinned(offline_call(grounding_facts(analysis)), analysis)
    assert any(
        point.startswith(f"Call: {call.bias} over the next 10 bars") for point in reading.key_points
    )
    assert reading.ungrounded == []
