"""Windows and intervals: the mappings docs/ai.md promises, at their edges."""

from __future__ import annotations

from datetime import date

import pytest

from language.periods import (
    find_interval,
    find_window,
    months_before,
    parse_interval,
    parse_window,
    zoom,
)

TODAY = date(2024, 3, 31)


def test_months_before_clamps_to_the_end_of_a_shorter_month() -> None:
    assert months_before(TODAY, 1) == date(2024, 2, 29)
    assert months_before(TODAY, 13) == date(2023, 2, 28)
    assert months_before(date(2024, 1, 15), 18) == date(2022, 7, 15)


@pytest.mark.parametrize(
    ("written", "period", "start"),
    [
        ("3mo", "3mo", None),
        ("3 months", "3mo", None),
        ("twelve months", "1y", None),
        ("24 months", "2y", None),
        ("a decade", "10y", None),
        ("18mo", None, date(2022, 9, 30)),
        ("4 years", None, date(2020, 3, 31)),
        ("2 weeks", None, date(2024, 3, 17)),
        ("max", "max", None),
    ],
)
def test_a_written_period_is_a_yahoo_period_or_a_start_date(
    written: str, period: str | None, start: date | None
) -> None:
    window = parse_window(written, TODAY)
    assert window is not None
    assert (window.period, window.start, window.end) == (period, start, None)
    assert (window.note is not None) == (start is not None), "dates are explained"


@pytest.mark.parametrize(
    ("written", "interval", "noted"),
    [
        ("1h", "1h", False),
        ("60m", "60m", False),
        ("4h", "4h", False),
        ("2 hours", "2h", False),
        ("H4", "4h", False),
        ("four hour", "4h", False),
        ("240m", "4h", False),
        ("3h", "2h", True),
        ("6 hours", "4h", True),
        ("24h", "1d", False),
        ("15 minutes", "15m", False),
        ("10 min", "5m", True),
        ("45m", "30m", True),
        ("daily", "1d", False),
        ("weekly", "1wk", False),
        ("monthly", "1mo", False),
    ],
)
def test_a_written_interval_maps_down_to_a_yahoo_interval(
    written: str, interval: str, noted: bool
) -> None:
    choice = parse_interval(written)
    assert choice is not None
    assert choice.interval == interval
    assert (choice.note is not None) == noted


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        ("since january", date(2024, 1, 1), None),
        ("since may", date(2023, 5, 1), None),  # the latest May that has begun
        ("in february", date(2024, 2, 1), date(2024, 2, 29)),
        ("from march to june", date(2024, 3, 1), date(2024, 3, 31)),  # June is to come
        ("from nov to feb", date(2023, 11, 1), date(2024, 2, 29)),
        ("between jan 2022 and mar 2022", date(2022, 1, 1), date(2022, 3, 31)),
        ("q4 2023", date(2023, 10, 1), date(2023, 12, 31)),
        ("from 2019 to 2021", date(2019, 1, 1), date(2021, 12, 31)),
        ("since 2 years ago", date(2022, 3, 31), None),
    ],
)
def test_named_months_and_relative_dates_are_explicit_dates(
    written: str, start: date, end: date | None
) -> None:
    window = parse_window(written, TODAY)
    assert window is not None
    assert (window.period, window.start, window.end) == (None, start, end)


@pytest.mark.parametrize(
    ("written", "period", "interval"),
    [
        ("tsla 6M", "6mo", None),  # as the period chips write it
        ("tsla 6m", None, "5m"),  # as Yahoo writes bars: no 6-minute bars, so 5m
        ("TSLA 6M", "6mo", None),  # all capitals: 6 is no minute bar size
        ("TSLA 15M", None, "15m"),  # ... and 15 is
    ],
)
def test_capital_m_is_months_and_small_m_is_minutes(
    written: str, period: str | None, interval: str | None
) -> None:
    window = find_window(written, TODAY)
    found_interval = find_interval(written)
    assert (window.value.period if window else None) == period
    assert (found_interval.value.interval if found_interval else None) == interval


def test_an_interval_takes_the_chart_word_after_it() -> None:
    """ "on the 4h chart" names a bar size; the chart tool is not asked for."""
    text = "now on the 4h chart"
    found = find_interval(text)
    assert found is not None
    assert text[found.start : found.end] == "4h chart"


def test_unreadable_text_is_no_window_and_no_interval() -> None:
    assert parse_window("soonish", TODAY) is None
    assert parse_interval("every so often") is None


def test_zoom_steps_through_the_periods_and_stops_at_the_ends() -> None:
    assert zoom("3mo", out=True) == "6mo"
    assert zoom("3mo", out=False) == "1mo"
    assert zoom("max", out=True) == "max"
    assert zoom("1d", out=False) == "1d"
    assert zoom(None, out=True) == "1y"
