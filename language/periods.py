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

# Words that make a duration a bar size ("1 day bars"), and what may follow a bar size and
# belongs to it ("4h chart", "weekly candles", "on the daily timeframe").
_BAR_WORDS = r"(?:bars?|candles?|candlesticks?|interval|time\s*frame|resolution|tf)"
_TRAILER = rf"(?:\s+(?:{_BAR_WORDS}|charts?)\b)?"
_DAY, _WEEK, _MONTH_UNIT = r"(?:day|d)", r"(?:week|wk|w)", r"month"
_INTERVAL_TEXTS: list[tuple[str, str]] = [
    (rf"\b(?P<n>{_NUM})(?:minutes?|mins?|(?-i:m))\b(?!\s*ago){_TRAILER}", "minute"),
    (rf"\bm(?P<n>1|5|15|30)\b{_TRAILER}", "minute"),
    # "the last 24 hours" is a window, not a bar size (see _LAST_HOURS).
    (rf"(?<!last )(?<!past )\b(?P<n>{_NUM})(?:hours?|hrs?|h|hourly)\b(?!\s*ago){_TRAILER}", "hour"),
    (rf"\bh(?P<n>[1-9]|1[0-2])\b{_TRAILER}", "hour"),
    (rf"\bhourly\b{_TRAILER}|\bhour\s+{_BAR_WORDS}", "1h"),
    (rf"\b(?:1\s*-?\s*)?{_DAY}\s+{_BAR_WORDS}|\b(?:daily|d1)\b{_TRAILER}", "1d"),
    (rf"\b(?:1\s*-?\s*)?{_WEEK}\s+{_BAR_WORDS}|\b(?:weekly|1wk|w1)\b{_TRAILER}", "1wk"),
    (rf"\b(?:1\s*-?\s*)?{_MONTH_UNIT}\s+{_BAR_WORDS}|\bmonthly\b{_TRAILER}", "1mo"),
    (rf"\bquarterly\b{_TRAILER}", "3mo"),
]
_INTERVAL_PATTERNS = [(re.compile(text, re.I), kind) for text, kind in _INTERVAL_TEXTS]


_NAMED_INTERVALS: dict[str, Interval] = {"1h": "1h", "1d": "1d", "1wk": "1wk", "1mo": "1mo",
                                         "3mo": "3mo"}  # fmt: skip
_HOUR_INTERVALS: dict[int, Interval] = {1: "1h", 2: "2h", 4: "4h"}


def _minute_interval(minutes: float) -> IntervalChoice:
    whole = int(minutes)
    if minutes == whole and whole in _MINUTE_INTERVALS:
        return IntervalChoice(interval=_minutes_name(whole))
    if minutes >= 120 and minutes % 60 == 0:  # "240" is how some charts write 4h
        return _hour_interval(minutes / 60)
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


def _hour_interval(hours: float) -> IntervalChoice:
    """1h, 2h and 4h as asked; other hour counts map down to the next bar size below."""
    if hours < 1:
        return _minute_interval(hours * 60)
    if hours == int(hours) and int(hours) in _HOUR_INTERVALS:
        return IntervalChoice(interval=_HOUR_INTERVALS[int(hours)])
    if hours == 24:
        return IntervalChoice(interval="1d")
    if hours > 24:
        return IntervalChoice(
            interval="1d", note=f"There are no {hours:g}h bars; using daily bars (1d)."
        )
    lower = max(h for h in _HOUR_INTERVALS if h <= hours)
    return IntervalChoice(
        interval=_HOUR_INTERVALS[lower],
        note=f"There are no {hours:g}h bars; using {lower}h bars instead.",
    )


def find_interval(text: str) -> Found[IntervalChoice] | None:
    """The first bar interval the text names, if any."""
    text = _case_for_units(text)
    best: Found[IntervalChoice] | None = None
    for pattern, kind in _INTERVAL_PATTERNS:
        match = pattern.search(text)
        if match is None or (best is not None and best.start <= match.start()):
            continue
        if kind == "minute":
            choice = _minute_interval(_number(match.group("n")))
        elif kind == "hour":
            choice = _hour_interval(_number(match.group("n")))
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


def _case_for_units(text: str) -> str:
    """Text whose "M" after a number means months and "m" minutes, as the app writes them.

    In mixed case that is how people write it ("6M" as on the period chips, "15m" as Yahoo
    spells bars). In an all-capitals message the case says nothing, so "M" is months only
    after a count that is no minute bar size ("3M", "6M", "12M") and minutes otherwise
    ("5M", "15M").
    """
    if any(c.islower() for c in text):
        return text
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lower case is longer: leave the text
        return text
    return _COUNT_M.sub(
        lambda m: m.group(0) if int(m.group(1)) not in _MINUTE_INTERVALS else m.group(0).lower(),
        text,
    ).translate(_LOWER_BUT_M)


_COUNT_M = re.compile(r"(?<![\w.])(\d+)\s*M\b")
_LOWER_BUT_M = str.maketrans(
    {c: c.lower() for c in "ABCDEFGHIJKLNOPQRSTUVWXYZ"}  # every capital but M
)


# --- Windows -------------------------------------------------------------------------------

_UNIT = (
    r"(?P<unit>d(?:ays?)?|w(?:ee)?ks?|w|mo(?:nths?|s)?|months?|(?-i:M)|y(?:ea)?rs?|y"
    r"|q(?:uarters?|trs?)?)"
)
_DURATION = re.compile(
    rf"\b(?:(?P<half>half\s+(?:a|an)\s+(?P<hunit>year|month))|(?P<n>{_NUM}){_UNIT})\b"
    r"(?!\s*ago)",
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
    (re.compile(r"\b(?:last|past|previous|prior|this)\s+year\b|\bannual\b|\bttm\b", re.I), "1y"),
    (re.compile(r"\b(?:last|past|previous|prior|this)\s+quarter\b|\ba\s+quarter\b", re.I), "3mo"),
    (re.compile(r"\b(?:last|past|previous|prior)\s+month\b", re.I), "1mo"),
    (re.compile(r"\b(?:last|past|previous|prior|this)\s+week\b", re.I), "5d"),
    (re.compile(r"\b(?:today|intraday)\b", re.I), "1d"),
]
_ISO = r"(\d{4}-\d{2}-\d{2})"
_YEAR = r"((?:19|20)\d{2})"
_TO = r"\s+(?:to|and|until|till|through|thru|-)\s+"
_RANGE = re.compile(rf"\b(?:from|between)\s+{_ISO}{_TO}{_ISO}\b", re.I)
_YEARS = re.compile(rf"\b(?:from|between)\s+{_YEAR}{_TO}{_YEAR}\b", re.I)
_SINCE = re.compile(rf"\b(?:since|from|after)\s+(?:{_ISO}|{_YEAR}\b)", re.I)
_IN_YEAR = re.compile(rf"\b(?:in|during|for)\s+{_YEAR}\b", re.I)
_THIS_MONTH = re.compile(r"\bthis\s+month\b|\bmonth[- ]to[- ]date\b|\bmtd\b", re.I)
_AGO = re.compile(rf"\b(?:(?:since|from)\s+)?(?P<n>{_NUM}){_UNIT}\s+ago\b", re.I)
_LAST_HOURS = re.compile(rf"\b(?:last|past)\s+(?P<n>{_NUM})(?:hours?|hrs?|h)\b", re.I)
_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
_MONTH_NAME = "|".join(sorted(_MONTHS, key=len, reverse=True))


def _month(name: str) -> str:
    """A month and an optional year, as named groups `<name>` and `<name>y`."""
    return rf"(?P<{name}>{_MONTH_NAME})\.?(?:\s+(?:of\s+)?(?P<{name}y>(?:19|20)\d{{2}}))?\b"


_MONTH_RANGE = re.compile(
    rf"\b(?:from|between)\s+{_month('a')}{_TO}{_month('b')}|\b{_month('c')}{_TO}{_month('d')}",
    re.I,
)
_SINCE_MONTH = re.compile(rf"\b(?:since|from|after)\s+(?:the\s+start\s+of\s+)?{_month('a')}", re.I)
_IN_MONTH = re.compile(rf"\b(?:in|during|for|over)\s+{_month('a')}", re.I)
_QUARTER = re.compile(r"\bq(?P<q>[1-4])(?:\s*(?:of\s+)?(?P<y>(?:19|20)\d{2}))?\b", re.I)

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


def _latest_year(month: int, today: date) -> int:
    """The year of the most recent `month` that has begun ("since march" in June: this one)."""
    return today.year if month <= today.month else today.year - 1


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_span(m: re.Match[str], first: str, last: str, today: date) -> Window | None:
    """From the first day of one named month to the last day of another (years inferred)."""
    start_month, end_month = _MONTHS[m.group(first).lower()], _MONTHS[m.group(last).lower()]
    start_year = int(m.group(first + "y")) if m.group(first + "y") else None
    end_year = int(m.group(last + "y")) if m.group(last + "y") else None
    if start_year is None:
        if end_year is not None:
            start_year = end_year if start_month <= end_month else end_year - 1
        else:
            start_year = _latest_year(start_month, today)
    if end_year is None:
        end_year = start_year if end_month >= start_month else start_year + 1
    start = date(start_year, start_month, 1)
    end = min(_month_end(end_year, end_month), today)
    return Window(start=start, end=end) if start <= end else None


def _candidates(text: str, today: date) -> list[Found[Window]]:
    found: list[Found[Window]] = []

    def add(m: re.Match[str], window: Window | None) -> None:
        if window is not None:
            found.append(Found(value=window, start=m.start(), end=m.end()))

    if m := _RANGE.search(text):
        start, end = date.fromisoformat(m.group(1)), date.fromisoformat(m.group(2))
        add(m, Window(start=start, end=end) if start <= end else None)
    if m := _YEARS.search(text):
        first_year, last_year = int(m.group(1)), int(m.group(2))
        end = min(date(last_year, 12, 31), today)
        add(m, Window(start=date(first_year, 1, 1), end=end) if first_year <= last_year else None)
    if m := _SINCE.search(text):
        start = date.fromisoformat(m.group(1)) if m.group(1) else date(int(m.group(2)), 1, 1)
        add(m, Window(start=start) if start <= today else None)
    if m := _IN_YEAR.search(text):
        year = int(m.group(1))
        add(m, Window(start=date(year, 1, 1), end=min(date(year, 12, 31), today)))
    if m := _THIS_MONTH.search(text):
        add(m, Window(start=today.replace(day=1)))
    if m := _MONTH_RANGE.search(text):
        first, last = ("a", "b") if m.group("a") else ("c", "d")
        add(m, _month_span(m, first, last, today))
    if m := _SINCE_MONTH.search(text):
        month = _MONTHS[m.group("a").lower()]
        year = int(m.group("ay")) if m.group("ay") else _latest_year(month, today)
        start = date(year, month, 1)
        add(m, Window(start=start) if start <= today else None)
    if m := _IN_MONTH.search(text):
        add(m, _month_span(m, "a", "a", today))
    if m := _QUARTER.search(text):
        first_month = 3 * int(m.group("q")) - 2
        year = int(m.group("y")) if m.group("y") else _latest_year(first_month, today)
        start = date(year, first_month, 1)
        end = min(_month_end(year, first_month + 2), today)
        add(m, Window(start=start, end=end) if start <= end else None)
    if m := _AGO.search(text):
        back = _duration_window(_number(m.group("n")), m.group("unit"), today, m.group(0))
        add(m, Window(start=back.start) if back.start else _period_start(back, today))
    if m := _LAST_HOURS.search(text):
        add(m, _hours_window(_number(m.group("n")), today, m.group(0)))
    for pattern, period in _NAMED:
        if m := pattern.search(text):
            add(m, Window(period=period))
    for m in _DURATION.finditer(text):
        if m.group("half"):
            months = 6 if m.group("hunit").lower() == "year" else 0
            window = Window(period="6mo") if months else Window(start=today - timedelta(days=15))
        else:
            window = _duration_window(_number(m.group("n")), m.group("unit"), today, m.group(0))
        add(m, window)
        break
    return found


def _hours_window(hours: float, today: date, written: str) -> Window:
    """ "the last 24 hours": the last day of bars (1d), or five (5d), else the days asked."""
    if hours <= 24:
        return Window(period="1d")
    if hours <= 120:
        return Window(period="5d")
    return _since(today - timedelta(days=-(-hours // 24)), written)


def _period_start(window: Window, today: date) -> Window:
    """ "since 3 months ago": the date a whole-period duration reaches back to."""
    months = {"1mo": 1, "3mo": 3, "6mo": 6, "1y": 12, "2y": 24, "5y": 60, "10y": 120}
    if window.period in months:
        return Window(start=months_before(today, months[window.period]))
    days = {"1d": 1, "5d": 7}.get(window.period or "", 0)
    return Window(start=today - timedelta(days=days))


def find_window(text: str, today: date) -> Found[Window] | None:
    """The first time window the text names, if any (dates, named periods, durations).

    Where two readings start at the same word, the longer wins: "from march to june" is a
    range, not "from march".
    """
    found = _candidates(_case_for_units(text), today)
    return min(found, key=lambda f: (f.start, f.start - f.end), default=None)


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
