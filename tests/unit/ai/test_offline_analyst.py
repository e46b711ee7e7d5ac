"""The offline analyst: honest about what it is, and only our numbers, on real series."""

from __future__ import annotations

import re

import pytest

from analysis import Analysis, AnalysisSettings, analyze
from integrations.ai.offline_analyst import OfflineChartInterpreter
from integrations.ai.streaming import InterpretationNotReadyError
from language.grounding import check_grounding, find_numbers
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
    assert result.model == "rules-v2"
    assert "offline analyst" in result.text
    assert "no AI model" in result.text
    assert result.latency_ms >= 0


async def test_it_reads_trend_position_neighbours_confluence_and_hit_rate() -> None:
    result = await OfflineChartInterpreter().interpret(b"", series_analysis("IBM", 300, "zigzag"))
    text = result.text
    # IBM's last 300 bars: close 202.91 on the window's major leg 177.35 -> 211.79.
    assert "On the window's major bullish leg from 177.35 to 211.79" in text
    assert "retraced 25.8%, between the 0.382 (198.63) and 0.236 (203.66) retracements" in text
    assert "Nearest support is the support zone 198.00–199.23, 3.68 (1.8%) below" in text
    assert "nearest resistance is the 0.236 retracement at 203.66, 0.75 (0.4%) above" in text
    assert "change of character (CHoCH) through 198.68" in text
    assert "Confluence: the 0.618 level at 190.50 lies inside the zone 190.29–190.93" in text
    assert (
        "the 0.236 retracement, has not enough history on this series to judge "
        "(3 decided legs; at least 30 decided legs are needed)"
    ) in text
    assert result.key_points[:3] == [
        "Trend: bullish on the swing scale, bullish internally.",
        "Support: the support zone 198.00–199.23, 3.68 (1.8%) below.",
        "Resistance: the 0.236 retracement at 203.66, 0.75 (0.4%) above.",
    ]


async def test_with_enough_history_it_quotes_the_verdict_beside_the_baseline() -> None:
    analysis = analyze(random_walk(20_000, seed=11), AnalysisSettings())
    result = await OfflineChartInterpreter().interpret(b"", analysis)
    assert "random levels of the same depth" in result.text
    assert re.search(
        r"(shows no edge over|has held more often than|has held less often than) random levels "
        r"on this history: it held [\d.]+% of \d+ decided legs against [\d.]+%",
        result.text,
    ), result.text
    assert result.ungrounded == []


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
