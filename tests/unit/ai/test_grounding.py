"""Grounding: numbers in AI text are matched against the analysis by the documented rules."""

from __future__ import annotations

from functools import cache

import pytest

from analysis import Analysis, AnalysisSettings, analyze
from language.facts import grounding_facts
from language.grounding import NumberMention, check_grounding, find_numbers
from tests.support.bars import sample_stock

LEG = (435.0, 484.94)


@cache
def aapl() -> Analysis:
    """AAPL's last 300 daily bars to 2013-03-01: close 430.47, levels on the small bullish
    leg 435.00 -> 484.94 (given as anchors: the default leg is now the year's major move)."""
    return analyze(sample_stock("AAPL").iloc[-300:], AnalysisSettings(anchor_prices=LEG))


def ungrounded(text: str) -> list[str]:
    return check_grounding(text, aapl()).ungrounded


def test_the_fixture_has_the_numbers_the_tests_quote() -> None:
    facts = grounding_facts(aapl())
    assert facts.last_close == 430.47
    assert facts.fibonacci is not None
    assert (facts.fibonacci.start_price, facts.fibonacci.end_price) == (435.0, 484.94)
    assert facts.fibonacci.golden_pocket == (452.48, 454.08)
    assert facts.nearest_resistance is not None
    assert (facts.nearest_resistance.distance, facts.nearest_resistance.distance_pct) == (4.53, 1.1)
    assert facts.zones[0].low == 514.99


def test_our_prices_pass_in_any_usual_spelling() -> None:
    text = (
        "AAPL closed at $430.47, below the 1 retracement at 435.00; the golden pocket is "
        "452.48-454.08 and the 0.618 level sits at $454.08. Resistance zone 514.99–518.63. "
        "The leg ran from 435 to 484.94. ATR is 11.83."
    )
    assert ungrounded(text) == []


def test_prices_are_matched_within_half_a_percent() -> None:
    # Our nearest prices around there are 440.65, 445.69 and 452.48.
    assert ungrounded("resistance near $442.63") == []  # 0.45% above 440.65
    assert ungrounded("resistance near $449.50") == ["$449.50"]  # 0.66% below 452.48


def test_made_up_prices_are_flagged_as_written() -> None:
    text = "A break above $512.40 targets 1,234.50, then US$2,345.67."
    assert ungrounded(text) == ["$512.40", "1,234.50", "US$2,345.67"]


def test_thousands_separators_are_read() -> None:
    (mention,) = find_numbers("a move to $1,234.50")
    assert mention.value == 1234.5
    assert mention.kind == "price"


def test_percentages_and_ratios_match_within_a_tenth_of_a_point() -> None:
    text = (
        "Price retraced 109.1% of the leg; the 61.8% and 0.618 levels, the 0.65 edge of the "
        "golden pocket, and the 1.618 extension; resistance is 1.1% away; random levels of the "
        "same depth held 13.3% (0.133 as a ratio)."
    )
    assert ungrounded(text) == []
    assert ungrounded("the 0.62 level") == ["0.62"]  # 62% is 0.2 points from 61.8%
    assert ungrounded("it held 62% of the time") == ["62%"]
    assert ungrounded("up 12.5 percent") == ["12.5 percent"]


def test_derived_distances_count_as_ours() -> None:
    assert ungrounded("resistance is 4.53 (1.1%) above the close") == []
    # 484.94 - 430.47 = 54.47 is the distance to the leg's end, 12.7% of the close.
    assert ungrounded("the leg's end is 54.47 away, 12.7% above") == []
    assert ungrounded("the leg's end is 60.00 away") == ["60.00"]


def test_dates_years_times_and_counts_are_ignored() -> None:
    text = (
        "On 2013-03-01 (03/01/2013, Mar 1, 2013, 1st March 2013, March 2013) at 14:30, "
        "after 3 touches in 18 legs over the 3-month window and a 50-bar swing, held 1 of 6 "
        "times in 2012. Q3 and H1 were quiet; 0700.HK and the S&P 500 too."
    )
    assert find_numbers(text) == []
    assert ungrounded(text) == []


def test_list_numbering_is_not_a_number() -> None:
    only_the_price = [NumberMention(text="435.00", value=435.0, kind="number")]
    assert find_numbers("1. Support at 435.00\n2) Resistance\n") == find_numbers("435.00")
    assert find_numbers("435.00") == only_the_price


def test_each_ungrounded_string_is_reported_once_in_order() -> None:
    assert ungrounded("777.77 then 12.5% then 777.77 again") == ["777.77", "12.5%"]


def test_levels_mentioned_are_the_analysis_prices_the_text_uses() -> None:
    report = check_grounding("between 454.08 and 452.48, then 435", aapl())
    assert report.levels_mentioned == [435.0, 452.48, 454.08]


@pytest.mark.parametrize("text", ["", "No numbers at all.", "Bullish structure, ranging trend."])
def test_text_without_numbers_is_grounded(text: str) -> None:
    assert ungrounded(text) == []
