"""Time windows and bar intervals in plain English, mapped to what Yahoo Finance accepts.

Decisions (also in docs/ai.md):
- A duration that is a Yahoo period becomes that period: "3 months", "3-month", "a quarter"
  -> 3mo; "last year", "12 months" -> 1y; "two years" -> 2y; "a week", "5 days" -> 5d
  (a week of trading days); "this year", "year to date" -> ytd; "all time" -> max.
- Any other duration ("18 months", "3 years", "2 weeks", "10 days") becomes explicit dates:
  `start` that long before today and no `end` (up to the latest bar), so the user gets the
  window they asked for rather than a rounded one. "since 2020", "in 2022" and "from
  2024-01-01 to 2024-06-30" give dates too.
- Minutes and hours are always intervals; days, weeks, months and years are periods unless
  written as bars ("daily", "weekly", "1 day bars", "on the weekly").
- Intervals Yahoo lacks are mapped down with a note: "4h" (or any multi-hour bar) -> 1h,
  "10 minute" -> 5m. The analysis is then on finer bars than asked, never coarser, and the
  note says so.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict

from language.vocabulary import INTERVALS, PERIODS, Interval, Period

T = TypeVar("T")

_WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "eighteen": 18, "twenty": 20, "thirty": 30, "sixty": 60, "ninety": 90,
    "couple of": 2, "few": 3,
}  # fmt: skip
_WORDS = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
# A number and its unit: digits may touch the unit ("3mo", "15m"), words may not ("and").
_NUM = rf"(?:\d+(?:\.\d+)?\s*-?\s*|(?:{_WORDS})(?:\s+|\s*-\s*))"
_MINUTE_INTERVALS = (1, 2, 5, 15, 30, 60, 90)


class Window(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    period: Period | None = None
    start: date | None = None
    end: date | None = None
    note: str | None = None


class IntervalChoice(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    interval: Interval
    note: str | None = None


class Found(BaseModel, Generic[T]):
    """A match and the character span it came from (so symbol search can skip it)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    value: T
    start: int
    end: int


def _number(text: str) -> float:
    text = text.strip(" -\t").lower()
    return float(_WORD_NUMBERS[text]) if text in _WORD_NUMBERS else float(text)


# --- Intervals -----------------------------------------------------------------------------

_BARS = r"(?:bars?|candles?|candlesticks?|interval|timeframe|resolution|tf)"
_INTERVAL_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\b(?P<n>{_NUM})(?:minutes?|mins?|m)\b(?!\s*ago)", re.I), "minute"),
    (re.compile(rf"\b(?P<n>{_NUM})(?:hours?|hrs?|h)\b(?!\s*ago)", re.I), "hour"),
    (re.compile(r"\bh(?P<n>[1-4])\b", re.I), "hour"),
    (re.compile(r"\bhourly\b|\bhour\s+" + _BARS, re.I), "1h"),
    (re.compile(r"\b(?:1\s*-?\s*)?(?:day|d)\s+" + _BARS + r"|\bdaily\b|\bd1\b", re.I), "1d"),
    (re.compile(r"\b(?:1\s*-?\s*)?(?:week|wk|w)\s+" + _BARS + r"|\bweekly\b|\b1wk\b", re.I), "1wk"),
    (re.compile(r"\b(?:1\s*-?\s*)?month\s+" + _BARS + r"|\bmonthly\b", re.I), "1mo"),
    (re.compile(r"\bquarterly\b", re.I), "3mo"),
]


_NAMED_INTERVALS: dict[str, Interval] = {"1h": "1h", "1d": "1d", "1wk": "1wk", "1mo": "1mo",
                                         "3mo": "3mo"}  # fmt: skip


def _minute_interval(minutes: float) -> IntervalChoice:
    whole = int(minutes)
    if minutes == whole and whole in _MINUTE_INTERVALS:
        return IntervalChoice(interval=_minutes_name(whole))
    lower = max([m for m in _MINUTE_INTERVALS if m <= minutes], default=1)
    return IntervalChoice(
        interval=_minutes_name(lower),
        note=f"Yahoo Finance has no {minutes:g}-minute bars; using {lower}-minute bars.",
    )


def _minutes_name(minutes: int) -> Interval:
    names: dict[int, Interval] = {
        1: "1m", 2: "2m", 5: "5m", 15: "15m", 30: "30m", 60: "60m", 90: "90m"
    }  # fmt: skip
    return names[minutes]


def find_interval(text: str) -> Found[IntervalChoice] | None:
    """The first bar interval the text names, if any."""
    best: Found[IntervalChoice] | None = None
    for pattern, kind in _INTERVAL_PATTERNS:
        match = pattern.search(text)
        if match is None or (best is not None and best.start <= match.start()):
            continue
        if kind == "minute":
            choice = _minute_interval(_number(match.group("n")))
        elif kind == "hour":
            hours = _number(match.group("n"))
            choice = (
                IntervalChoice(interval="1h")
                if hours == 1
                else IntervalChoice(
                    interval="1h",
                    note=f"Yahoo Finance has no {hours:g}h bars; using 1h bars instead.",
                )
            )
        else:
            choice = IntervalChoice(interval=_NAMED_INTERVALS[kind])
        best = Found(value=choice, start=match.start(), end=match.end())
    return best


def parse_interval(text: str) -> IntervalChoice | None:
    """A tool argument such as "1h", "4h", "daily" or "15 minutes" as an interval."""
    stripped = text.strip().lower()
    for interval in INTERVALS:
        if stripped == interval:
            return IntervalChoice(interval=interval)
    found = find_interval(stripped)
    return None if found is None else found.value


# --- Windows -------------------------------------------------------------------------------

_UNIT = (
    r"(?P<unit>d(?:ays?)?|w(?:ee)?ks?|w|mo(?:nths?|s)?|months?|y(?:ea)?rs?|y|q(?:uarters?|trs?)?)"
)
_DURATION = re.compile(
    rf"\b(?:(?P<half>half\s+(?:a|an)\s+(?P<hunit>year|month))|(?P<n>{_NUM}){_UNIT})\b",
    re.I,
)
_NAMED: list[tuple[re.Pattern[str], Period]] = [
    (re.compile(r"\b(?:ytd|year[- ]to[- ]date|this\s+year)\b", re.I), "ytd"),
    (
        re.compile(
            r"\b(?:max(?:imum)?|all[- ]time|all\s+(?:of\s+)?(?:the\s+)?(?:data|history)|"
            r"(?:full|entire|whole)\s+history|since\s+(?:inception|ipo|listing)|ever)\b",
            re.I,
        ),
        "max",
    ),
    (re.compile(r"\b(?:last|past|previous|prior)\s+decade\b|\ba\s+decade\b", re.I), "10y"),
    (re.compile(r"\b(?:last|past|previous|prior|this)\s+year\b|\bannual\b", re.I), "1y"),
    (re.compile(r"\b(?:last|past|previous|prior|this)\s+quarter\b|\ba\s+quarter\b", re.I), "3mo"),
    (re.compile(r"\b(?:last|past|previous|prior)\s+month\b", re.I), "1mo"),
    (re.compile(r"\b(?:last|past|previous|prior|this)\s+week\b", re.I), "5d"),
    (re.compile(r"\b(?:today|intraday)\b", re.I), "1d"),
]
_ISO = r"(\d{4}-\d{2}-\d{2})"
_RANGE = re.compile(rf"\b(?:from|between)\s+{_ISO}\s+(?:to|and|until|-)\s+{_ISO}\b", re.I)
_SINCE = re.compile(rf"\bsince\s+(?:{_ISO}|(\d{{4}}))\b", re.I)
_IN_YEAR = re.compile(r"\b(?:in|during|for)\s+((?:19|20)\d{2})\b", re.I)
_THIS_MONTH = re.compile(r"\bthis\s+month\b|\bmonth[- ]to[- ]date\b|\bmtd\b", re.I)

_PERIOD_BY_MONTHS: dict[int, Period] = {1: "1mo", 3: "3mo", 6: "6mo", 12: "1y", 24: "2y",
                                        60: "5y", 120: "10y"}  # fmt: skip


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier, clamped to the month's end (31 March - 1 = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _duration_window(amount: float, unit: str, today: date, written: str) -> Window:
    unit = unit.lower()
    if unit.startswith("d"):
        days = amount
        if days in (1, 5, 7):
            return Window(period="1d" if days == 1 else "5d")
        return _since(today - timedelta(days=round(days)), written)
    if unit.startswith("w"):
        if amount == 1:
            return Window(period="5d")
        return _since(today - timedelta(days=round(amount * 7)), written)
    months = amount * (3 if unit.startswith("q") else 12 if unit.startswith("y") else 1)
    if months == int(months) and int(months) in _PERIOD_BY_MONTHS:
        return Window(period=_PERIOD_BY_MONTHS[int(months)])
    if months == int(months):
        return _since(months_before(today, int(months)), written)
    return _since(today - timedelta(days=round(months * 30.44)), written)


def _since(start: date, written: str) -> Window:
    return Window(
        start=start,
        note=f"{written} is not a Yahoo Finance period: using bars since {start.isoformat()}.",
    )


def find_window(text: str, today: date) -> Found[Window] | None:
    """The first time window the text names, if any (dates, named periods, durations)."""
    candidates: list[Found[Window]] = []
    if m := _RANGE.search(text):
        start, end = date.fromisoformat(m.group(1)), date.fromisoformat(m.group(2))
        if start <= end:
            candidates.append(
                Found(value=Window(start=start, end=end), start=m.start(), end=m.end())
            )
    if m := _SINCE.search(text):
        start = date.fromisoformat(m.group(1)) if m.group(1) else date(int(m.group(2)), 1, 1)
        candidates.append(Found(value=Window(start=start), start=m.start(), end=m.end()))
    if m := _IN_YEAR.search(text):
        year = int(m.group(1))
        window = Window(start=date(year, 1, 1), end=min(date(year, 12, 31), today))
        candidates.append(Found(value=window, start=m.start(), end=m.end()))
    if m := _THIS_MONTH.search(text):
        window = Window(start=today.replace(day=1))
        candidates.append(Found(value=window, start=m.start(), end=m.end()))
    for pattern, period in _NAMED:
        if m := pattern.search(text):
            candidates.append(Found(value=Window(period=period), start=m.start(), end=m.end()))
    for m in _DURATION.finditer(text):
        if m.group("half"):
            months = 6 if m.group("hunit").lower() == "year" else 0
            window = Window(period="6mo") if months else Window(start=today - timedelta(days=15))
        else:
            window = _duration_window(_number(m.group("n")), m.group("unit"), today, m.group(0))
        candidates.append(Found(value=window, start=m.start(), end=m.end()))
        break
    return min(candidates, key=lambda f: f.start, default=None)


def parse_window(text: str, today: date) -> Window | None:
    """A tool argument such as "3mo", "18 months" or "ytd" as a window."""
    stripped = text.strip().lower()
    for period in PERIODS:
        if stripped == period:
            return Window(period=period)
    found = find_window(stripped, today)
    return None if found is None else found.value


_ZOOM_ORDER: tuple[Period, ...] = ("1d", "5d", "1mo", "3mo", "6mo", "1y", "2y", "5y", "10y", "max")


def zoom(period: Period | None, out: bool) -> Period:
    """The next wider (or narrower) period, for "zoom out" with no number."""
    if period is None or period == "ytd" or period not in _ZOOM_ORDER:
        return "1y" if out else "3mo"
    index = _ZOOM_ORDER.index(period) + (1 if out else -1)
    return _ZOOM_ORDER[max(0, min(index, len(_ZOOM_ORDER) - 1))]
