"""The offline analyst: honest about what it is, and only our numbers, on real series."""

from __future__ import annotations

import pytest

from analysis import Analysis, AnalysisSettings, analyze
from integrations.ai.grounding import check_grounding, find_numbers
from integrations.ai.offline_analyst import OfflineChartInterpreter
from integrations.ai.streaming import InterpretationNotReadyError
from tests.support.bars import SAMPLE_TICKERS, from_closes, random_walk, sample_stock

SERIES = [
    *[(ticker, 300, "zigzag") for ticker in SAMPLE_TICKERS],
    ("AAPL", 1500, "pivot"),
    ("IBM", 120, "zigzag"),
]


def series_analysis(ticker: str, bars: int, detector: str) -> Analysis:
    frame = sample_stock(ticker).iloc[-bars:]
    return analyze(frame, AnalysisSettings(detector=detector))


@pytest.mark.parametrize(("ticker", "bars", "detector"), SERIES)
async def test_every_number_it_writes_is_grounded(ticker: str, bars: int, detector: str) -> None:
    analysis = series_analysis(ticker, bars, detector)
    result = await OfflineChartInterpreter().interpret(b"", analysis, symbol=ticker)

    assert result.ungrounded == []
    assert check_grounding(result.text, analysis).ungrounded == []
    assert len(find_numbers(result.text)) >= 8, "a reading with numbers, not platitudes"
    assert result.text.startswith(f"{ticker} closed at ")
    assert result.levels_mentioned, "it names levels of the analysis"


@pytest.mark.parametrize(("ticker", "bars", "detector"), SERIES[:2])
async def test_it_says_it_is_the_offline_analyst(ticker: str, bars: int, detector: str) -> None:
    result = await OfflineChartInterpreter().interpret(b"", series_analysis(ticker, bars, detector))

    assert result.provider == "offline analyst"
    assert result.model == "rules-v1"
    assert "offline analyst" in result.text
    assert "no AI model" in result.text
    assert result.latency_ms >= 0


async def test_it_reads_trend_position_neighbours_confluence_and_hit_rate() -> None:
    result = await OfflineChartInterpreter().interpret(b"", series_analysis("IBM", 300, "zigzag"))
    text = result.text
    # IBM's last 300 bars: close 202.91 between the 0.382 (202.46) and 0.5 (203.63) levels.
    assert "between the 0.382 (202.46) and 0.5 (203.63) retracements" in text
    assert "Nearest support is the 0.382 retracement at 202.46, 0.45 (0.2%) below" in text
    assert "nearest resistance is the 0.5 retracement at 203.63, 0.72 (0.4%) above" in text
    assert "change of character (CHoCH) through 198.68" in text
    assert "Confluence: the 1 level at 208.58 lies inside the zone 207.52–208.58" in text
    assert "held in 1 of 7 decided legs on this series (hit-rate 14.3%)" in text
    assert result.key_points[:3] == [
        "Trend: bullish on the swing scale, bullish internally.",
        "Support: the 0.382 retracement at 202.46, 0.45 (0.2%) below.",
        "Resistance: the 0.5 retracement at 203.63, 0.72 (0.4%) above.",
    ]


async def test_a_question_is_not_answered_but_acknowledged() -> None:
    analysis = series_analysis("MSFT", 300, "zigzag")
    result = await OfflineChartInterpreter().interpret(b"", analysis, "Is $31 the next target?")
    assert result.text.startswith("The offline analyst reads the computed levels only")
    assert "31" not in result.text, "the question's numbers are not repeated as ours"


async def test_too_few_bars_for_a_leg_still_reads() -> None:
    analysis = analyze(from_closes([10 + 0.1 * i for i in range(20)]), AnalysisSettings())
    assert analysis.fibonacci is None
    result = await OfflineChartInterpreter().interpret(b"", analysis)
    assert "No Fibonacci leg has formed yet." in result.text
    assert result.ungrounded == []


async def test_the_stream_yields_the_same_text_and_then_the_result() -> None:
    analysis = analyze(random_walk(800, seed=3), AnalysisSettings())
    stream = OfflineChartInterpreter().stream(b"", analysis, symbol="RW")
    with pytest.raises(InterpretationNotReadyError):
        _ = stream.result
    deltas = [delta async for delta in stream]

    assert len(deltas) > 2
    assert stream.result.text == "".join(deltas).strip()
    direct = await OfflineChartInterpreter().interpret(b"", analysis, symbol="RW")
    # Everything but the measured latency, which differs by a millisecond now and then.
    assert stream.result.model_dump(exclude={"latency_ms"}) == direct.model_dump(
        exclude={"latency_ms"}
    )
