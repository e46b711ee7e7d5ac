"""Is every number in an AI text one of ours? A pure function over the text and the analysis.

Rules (also in docs/ai.md):
- **Which numbers count as ours.** The grounding facts (`facts.grounding_facts`): the last
  close, ATR, the Fibonacci leg, levels, golden pocket and retracement, level hit-rates,
  zones, recent structure events, confluence, open gaps and order blocks, equal highs/lows,
  zone strengths and confluence scores, and the multipliers in the analysis settings. Plus
  numbers *derived exactly* from them: the distance between the last close and any of those
  prices, in price and in percent of the close. Nothing else: a price read off the chart's
  axis is not one of ours and is flagged, which is the point.
- **Kinds and tolerances.** A number with `%` (or "percent") is a percentage and must be
  within 0.1 points of one of ours; Fibonacci ratios and hit-rates count as percentages too
  (0.618 is 61.8%). A number with a currency sign is a price and must be within 0.5% of one
  of ours, or within half a unit of the chart's last decimal (rounding to the chart's
  precision always passes). A bare number may be either a price or a ratio (0.618 within
  0.001, i.e. 0.1 points), or a strength, score or multiplier (within 0.5%, or 0.005).
- **Ignored.** Dates and times (2024-01-05, 01/05/2024, Jan 5, 2024, 5 March, March 2024,
  14:30), four-digit years 1900-2100 standing alone, counts (an integer followed by a count
  word, as in "3 touches", "18 legs", "2 of 5", or hyphenated, as in "3-month", "50-bar"),
  numbers inside words or tickers (Q3, H1, 0700.HK), list numbering, and index names such as
  "S&P 500". Signs are ignored: "-2.3%" is checked as 2.3%.
- **Reported as written.** `ungrounded` holds the literal strings found ("$512.40",
  "12.5%"), once each, in the order they appear.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

from analysis import Analysis
from language.facts import GroundingFacts, grounding_facts

PERCENT_TOLERANCE = 0.1  # points
PRICE_RELATIVE_TOLERANCE = 0.005
SCALAR_ABSOLUTE_TOLERANCE = 0.005
_EPS = 1e-9

MentionKind = Literal["price", "percent", "number"]

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_IGNORED = re.compile(
    "|".join(
        [
            r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\b",  # ISO dates and times
            r"\b\d{1,2}/\d{1,2}/\d{2,4}\b",  # 01/05/2024
            rf"\b{_MONTH}\s+{_DAY}(?:,?\s+\d{{4}})?\b",  # Jan 5, 2024
            rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?\b",  # 5th of March 2024
            rf"\b{_MONTH}\s+\d{{4}}\b",  # March 2024
            r"\b\d{1,2}:\d{2}(?::\d{2})?\b",  # 14:30
            r"^[ \t]*\d{1,2}[.)]\s",  # list numbering
            r"\b(?:s&p|sp)\s?500\b|\bnasdaq[- ]?100\b|\brussell\s?2000\b|\bdow\s?30\b",
            r"\b(?:ftse\s?100|dax\s?40|nikkei\s?225|cac\s?40|euro\s?stoxx\s?50|top\s\d+)\b",
        ]
    ),
    re.IGNORECASE | re.MULTILINE,
)
_NUMBER = re.compile(
    r"(?<![\w.#])"
    r"(?P<currency>US\$|\$|€|£|¥)?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<suffix>\s?%|\s?per\s?cent\b|x\b)?"
    r"(?!\w|\.\w)",
    re.IGNORECASE,
)
_COUNT_WORDS = (
    r"bars?|candles?|sessions?|days?|weeks?|months?|years?|hours?|minutes?|touch(?:es)?|"
    r"legs?|swings?|times?|levels?|zones?|gaps?|blocks?|events?|breaks?|pivots?|of|out\s+of"
)
_COUNT_AFTER = re.compile(rf"^(?:-[a-z]|\s+(?:[a-z]+\s+)?(?:{_COUNT_WORDS})\b)", re.IGNORECASE)


class NumberMention(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    value: float
    kind: MentionKind


class GroundingReport(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    mentions: list[NumberMention]
    ungrounded: list[str]
    levels_mentioned: list[float]


class KnownNumbers(BaseModel):
    """Our numbers by kind, as the rules above compare them."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    levels: list[float]  # prices that are levels (what `levels_mentioned` reports)
    prices: list[float]  # levels plus close, ATR and derived distances
    percents: list[float]
    scalars: list[float]
    price_unit: float  # half a unit of the chart's last decimal

    @classmethod
    def from_facts(cls, facts: GroundingFacts, multipliers: list[float]) -> KnownNumbers:
        levels: list[float] = []
        fractions: list[float] = [0.65]  # the golden pocket's far edge
        percents: list[float] = []
        scalars: list[float] = [*multipliers]
        fib = facts.fibonacci
        if fib is not None:
            levels += [fib.start_price, fib.end_price, *fib.golden_pocket]
            levels += [level.price for level in fib.levels]
            fractions += [level.ratio for level in fib.levels]
            percents += [fib.retraced_pct]
            percents += [lv.hit_rate_pct for lv in fib.levels if lv.hit_rate_pct is not None]
            percents += [
                lv.baseline_hit_rate_pct
                for lv in fib.levels
                if lv.baseline_hit_rate_pct is not None
            ]
            if fib.provisional_end_price is not None:
                levels.append(fib.provisional_end_price)
        levels += [event.level for event in facts.recent_events]
        levels += [edge for zone in facts.zones for edge in (zone.low, zone.high)]
        scalars += [zone.strength for zone in facts.zones]
        for conf in facts.confluence:
            levels += [conf.price, conf.zone_low, conf.zone_high]
            fractions.append(conf.ratio)
            scalars.append(conf.score)
        levels += [edge for box in facts.open_boxes for edge in (box.top, box.bottom)]
        levels += [price for eq in facts.equal_levels for price in (eq.first, eq.second)]
        for nearest in (facts.nearest_support, facts.nearest_resistance):
            if nearest is not None:
                levels.append(nearest.price)
                percents.append(nearest.distance_pct)
                if nearest.hit_rate_pct is not None:
                    percents.append(nearest.hit_rate_pct)
        close = facts.last_close
        distances = [abs(close - level) for level in levels]
        if close:
            percents += [d / close * 100 for d in distances]
        percents += [f * 100 for f in fractions]
        return cls(
            levels=sorted(set(levels)),
            prices=sorted({*levels, close, facts.atr, *distances}),
            percents=sorted({abs(value) for value in percents}),  # signs are ignored
            scalars=sorted(set(scalars)),
            price_unit=0.5 * 10.0**-facts.price_decimals,
        )

    def match_price(self, value: float) -> float | None:
        """The nearest of our prices within tolerance, if any."""
        nearest = min(self.prices, key=lambda known: abs(value - known), default=None)
        if nearest is None:
            return None
        tolerance = max(PRICE_RELATIVE_TOLERANCE * abs(nearest), self.price_unit) + _EPS
        return nearest if abs(value - nearest) <= tolerance else None

    def has_percent(self, value: float) -> bool:
        return any(abs(value - known) <= PERCENT_TOLERANCE + _EPS for known in self.percents)

    def has_scalar(self, value: float) -> bool:
        return any(
            abs(value - known)
            <= max(PRICE_RELATIVE_TOLERANCE * abs(known), SCALAR_ABSOLUTE_TOLERANCE) + _EPS
            for known in self.scalars
        ) or self.has_percent(value * 100)


def find_numbers(text: str) -> list[NumberMention]:
    """The numbers grounding checks, with dates, years, counts and the like left out."""
    blanked = _IGNORED.sub(lambda m: " " * len(m.group(0)), text)
    found: list[NumberMention] = []
    for match in _NUMBER.finditer(blanked):
        digits = match.group("number")
        currency, suffix = match.group("currency"), (match.group("suffix") or "").strip()
        plain_integer = not currency and not suffix and digits.isdigit()
        if plain_integer and (
            (len(digits) == 4 and 1900 <= int(digits) <= 2100)
            or _COUNT_AFTER.match(blanked[match.end() :])
        ):
            continue
        kind: MentionKind = (
            "percent" if suffix and suffix.lower() != "x" else "price" if currency else "number"
        )
        found.append(
            NumberMention(
                text=match.group(0).strip(), value=float(digits.replace(",", "")), kind=kind
            )
        )
    return found


def check_facts(text: str, facts: GroundingFacts, multipliers: list[float]) -> GroundingReport:
    known = KnownNumbers.from_facts(facts, multipliers)
    ungrounded: list[str] = []
    levels: set[float] = set()
    mentions = find_numbers(text)
    for mention in mentions:
        price = None if mention.kind == "percent" else known.match_price(mention.value)
        if price is not None:
            if price in known.levels:
                levels.add(price)
            continue
        grounded = (
            known.has_percent(mention.value)
            if mention.kind == "percent"
            else mention.kind == "number" and known.has_scalar(mention.value)
        )
        if not grounded and mention.text not in ungrounded:
            ungrounded.append(mention.text)
    return GroundingReport(
        mentions=mentions, ungrounded=ungrounded, levels_mentioned=sorted(levels)
    )


def settings_multipliers(analysis: Analysis) -> list[float]:
    s = analysis.settings
    return [
        s.zigzag_deviation,
        s.equal_tolerance_atr,
        s.zone_tolerance_atr,
        s.fvg_min_size_atr,
        s.hold_reversal_atr,
    ]


def check_grounding(text: str, analysis: Analysis) -> GroundingReport:
    """Every price, percentage and ratio in `text` matched against `analysis` (rules above)."""
    return check_facts(text, grounding_facts(analysis), settings_multipliers(analysis))
