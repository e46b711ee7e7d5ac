"""Support/resistance zones, fair value gaps and confluence, by construction."""

from __future__ import annotations

import pytest

from analysis import AnalysisSettings, analyze
from analysis.bars import to_bars
from analysis.imbalances import fair_value_gaps
from analysis.volatility import atr
from analysis.windows import BarCrossings
from analysis.zones import strength
from tests.support.bars import from_closes, ohlc, path

SETTINGS = AnalysisSettings(detector="pivot", pivot_length=2, internal_length=2)


def test_repeated_lows_form_one_support_zone() -> None:
    # lows at 100.2, 99.9, 100.1 and highs at 105, 106, 104, 107
    frame = from_closes(path(101, 105, 100.2, 106, 99.9, 104, 100.1, 107, 106))
    result = analyze(frame, SETTINGS)
    support = [z for z in result.zones if z.role == "support"]
    assert len(support) == 1
    zone = support[0]
    assert zone.touches == 3
    assert zone.low <= 99.9
    assert zone.high >= 100.2
    assert zone.high - zone.low < 1.0, "a zone stays within one tolerance"
    assert zone.first_touch < zone.last_touch
    assert "3 swing touches" in zone.explanation


def test_strength_halves_every_half_life() -> None:
    assert strength(4, 0, 250) == 4
    assert strength(4, 250, 250) == pytest.approx(2)
    assert strength(4, 500, 250) == pytest.approx(1)


def test_zones_are_strongest_first_and_capped() -> None:
    frame = from_closes(path(101, 105, 100.2, 106, 99.9, 105.2, 100.1, 107, 106))
    result = analyze(frame, SETTINGS.model_copy(update={"max_zones": 1}))
    assert len(result.zones) == 1
    scores = [z.strength for z in analyze(frame, SETTINGS).zones]
    assert scores == sorted(scores, reverse=True)


GAP_BARS = [
    (10, 10.5, 9.5, 10),
    (10, 12.5, 10, 12.4),  # displacement
    (12.4, 13, 11, 12.8),  # low 11 > high 10.5 two bars back: bullish gap 10.5-11
    (12.8, 13, 12, 12.5),
    (12.5, 12.6, 10.4, 11),  # trades back through 10.5: mitigated
]


def _gaps(rows: list[tuple[float, float, float, float]], min_size_atr: float = 0.1) -> list:  # type: ignore[type-arg]
    bars = to_bars(ohlc(rows))
    boxes = fair_value_gaps(bars, atr(bars, 14), BarCrossings(bars), min_size_atr, None)
    return list(
        zip(
            boxes.index.tolist(),
            boxes.bullish.tolist(),
            boxes.bottom.tolist(),
            boxes.top.tolist(),
            boxes.mitigated.tolist(),
            strict=True,
        )
    )


def test_bullish_fair_value_gap_and_its_mitigation() -> None:
    assert _gaps(GAP_BARS) == [(2, True, 10.5, 11, 4)]


def test_unmitigated_gap_reports_no_mitigation_bar() -> None:
    assert _gaps(GAP_BARS[:4]) == [(2, True, 10.5, 11, 4)]  # 4 == len(bars): not mitigated


def test_bearish_gap_is_the_mirror() -> None:
    mirrored = [(-o, -low, -h, -c) for o, h, low, c in GAP_BARS]
    assert _gaps(mirrored) == [(2, False, -11, -10.5, 4)]


def test_gaps_below_the_size_floor_are_noise() -> None:
    assert _gaps(GAP_BARS, min_size_atr=5) == []


def test_gap_in_analysis_carries_times_and_mitigation() -> None:
    frame = ohlc([*GAP_BARS, *[(11, 12.6, 10.8, 11.2)] * 10])
    gaps = analyze(frame, SETTINGS).fair_value_gaps
    assert [(g.direction, g.bottom, g.top, g.mitigated_index) for g in gaps] == [
        ("bullish", 10.5, 11, 4)
    ]
    assert gaps[0].time == frame.index[2].to_pydatetime()
    assert gaps[0].mitigated_time == frame.index[4].to_pydatetime()


def test_confluence_pairs_fib_levels_with_the_zone_they_sit_in() -> None:
    frame = from_closes(path(101, 105, 100.2, 106, 99.9, 104, 100.1, 107, 106))
    zone_mid = 100.05
    # a leg whose 0.5 retracement lands on the support zone
    settings = SETTINGS.model_copy(update={"anchor_prices": (zone_mid - 10, zone_mid + 10)})
    result = analyze(frame, settings)
    assert [c.ratio for c in result.confluence] == [0.5]
    match = result.confluence[0]
    assert match.zone.role == "support"
    assert match.zone.low <= match.price <= match.zone.high
    assert "0.5 retracement" in match.explanation
