"""Windows and intervals: the mappings docs/ai.md promises, at their edges."""

from __future__ import annotations

from datetime import date

import pytest

from language.periods import months_before, parse_interval, parse_window, zoom

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
        ("4h", "1h", True),
        ("2 hours", "1h", True),
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


def test_unreadable_text_is_no_window_and_no_interval() -> None:
    assert parse_window("soonish", TODAY) is None
    assert parse_interval("every so often") is None


def test_zoom_steps_through_the_periods_and_stops_at_the_ends() -> None:
    assert zoom("3mo", out=True) == "6mo"
    assert zoom("3mo", out=False) == "1mo"
    assert zoom("max", out=True) == "max"
    assert zoom("1d", out=False) == "1d"
    assert zoom(None, out=True) == "1y"
