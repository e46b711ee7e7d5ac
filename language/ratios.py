"""Which Fibonacci level a message asks about: "what about the 0.618?", "the 61.8%", "the 786".

A number counts as a ratio only where a trader would mean one: written as one of the chart's
ratios with three decimals (0.618, 1.272), or beside a level word ("the 0.5", "50% retracement",
"0.5 level"), or in a message that asks for Fibonacci. "Up 50% this year" names no level. A
number in such a place that is no ratio of the chart ("the 0.7") is returned unknown, so the
planner can say which ratios there are instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from language.vocabulary import known_ratio

_NUMBER = r"(?P<num>\d*\.\d+|\d+)"
_CANDIDATE = re.compile(
    rf"(?<![\w.$])(?P<the>\bthe\s+)?{_NUMBER}(?P<pct>\s*%|\s*percent\b)?(?![\w.])"
    r"(?P<level>\s+(?:level|line|retracement|retrace|fib|fibo|extension|ext|ratio|zone)s?\b)?",
    re.IGNORECASE,
)
_GOLDEN_RATIO = re.compile(r"\bgolden\s+ratio\b", re.IGNORECASE)
_FIB_WORDS = re.compile(r"\b(?:fib\w*|retrace\w*|extensions?|golden)\b", re.IGNORECASE)
_THREE_DECIMALS = re.compile(r"^\d?\.\d{3}$")


@dataclass(frozen=True)
class RatioAsked:
    """The ratio named (None when the number is no ratio of the chart) and where it was."""

    ratio: float | None
    written: str
    start: int
    end: int


def find_ratio(text: str) -> RatioAsked | None:
    """The first Fibonacci level the text asks about, if any."""
    if m := _GOLDEN_RATIO.search(text):
        return RatioAsked(0.618, m.group(0), m.start(), m.end())
    about_fib = _FIB_WORDS.search(text) is not None
    for m in _CANDIDATE.finditer(text):
        written, value = m.group("num"), float(m.group("num"))
        percent = m.group("pct") is not None
        in_context = bool(m.group("the") or m.group("level") or about_fib)
        ratio = _as_ratio(written, value, percent=percent)
        if ratio is not None and (in_context or _THREE_DECIMALS.match(written)):
            return RatioAsked(ratio, m.group(0).strip(), m.start("num"), m.end())
        if ratio is None and in_context and "." in written and value < 5 and not percent:
            return RatioAsked(None, written, m.start("num"), m.end())
    return None


def _as_ratio(written: str, value: float, *, percent: bool) -> float | None:
    """0.618 as written, 61.8% as a percentage, 618 and 1618 as traders shorten them."""
    if percent:
        return known_ratio(value / 100)
    if "." in written:
        return known_ratio(value) if value < 5 else known_ratio(value / 100)
    if len(written) in (3, 4) and not written.startswith("0"):
        ratio = known_ratio(value / 1000)  # only the ratios with three decimals: 500 is a price
        return ratio if ratio is not None and not float(ratio * 10).is_integer() else None
    return None


def parse_ratio(written: float | str) -> float | None:
    """A tool argument such as 0.618, "0.618", "61.8%" or "618" as a ratio of the chart."""
    text = str(written).strip().lower().removeprefix("the").strip()
    percent = text.endswith("%")
    number = text.removesuffix("%").strip()
    try:
        value = float(number)
    except ValueError:
        return None
    if not percent and value >= 5 and "." in number:  # 61.8 is a percentage
        percent = True
    return _as_ratio(number, value, percent=percent)
