"""The offline analyst's rules: a few sentences written from the grounding facts.

It is the default without a DashScope key, so it must be useful and honest: it never looks
at the PNG, it says what it is, and it writes only numbers the facts hold (or the distances
grounding derives the same way), so its `ungrounded` list is empty by construction; the
tests check that on real series.
"""

from __future__ import annotations

from language.calls import StatedCall, call_sentence
from language.facts import (
    FactEvent,
    FactLevel,
    GroundingFacts,
    NearestLevel,
)
from language.models import Provider
from language.numbers import format_percent, format_price, format_ratio

PROVIDER_LABEL: Provider = "offline analyst"
RULES_VERSION = "rules-v2"
SIGNATURE = (
    "_Written by the offline analyst from the computed levels (no AI model); set "
    "DASHSCOPE_API_KEY for a Qwen-VL reading of the chart._"
)
NO_QUESTIONS = (
    "The offline analyst reads the computed levels only and cannot answer free-form "
    "questions; here is what the numbers say."
)
_EVENT_NAMES = {"BOS": "break of structure", "CHoCH": "change of character"}


def write(
    facts: GroundingFacts,
    *,
    symbol: str | None,
    question: str | None,
    call: StatedCall | None = None,
) -> list[str]:
    """The reading as parts: a summary paragraph, key points (the call last), the signature."""
    price = _Prices(facts.price_decimals)
    subject = symbol or "Price"
    summary = [
        *([NO_QUESTIONS] if question else []),
        f"{subject} closed at {price(facts.last_close)} on {facts.last_date} "
        f"(ATR {price(facts.atr)}).",
        _structure(facts, price),
        _fibonacci(facts, price),
        _neighbours(facts, price),
        _confluence(facts, price),
        _hit_rate(facts),
    ]
    points = [
        f"Trend: {facts.trend_swing} on the swing scale, {facts.trend_internal} internally.",
        f"Support: {_side(facts.nearest_support, 'below', price)}.",
        f"Resistance: {_side(facts.nearest_resistance, 'above', price)}.",
    ]
    if facts.fibonacci is not None:
        lo, hi = facts.fibonacci.golden_pocket
        points.append(f"Golden pocket: {price(lo)}–{price(hi)}.")
    if call is not None:
        points.append(call_sentence(call, facts.price_decimals))
    sentences = [s for s in summary if s]
    return [
        " ".join(sentences) + "\n\n",
        *(f"- {point}\n" for point in points),
        "\n" + SIGNATURE,
    ]


class _Prices:
    def __init__(self, decimals: int) -> None:
        self.decimals = decimals

    def __call__(self, value: float) -> str:
        return format_price(value, self.decimals)


def _event(event: FactEvent, price: _Prices) -> str:
    return (
        f"a {event.direction} {_EVENT_NAMES[event.kind]} ({event.kind}) through "
        f"{price(event.level)} on {event.date}, {event.scale} scale"
    )


def _structure(facts: GroundingFacts, price: _Prices) -> str:
    trend = (
        f"Structure is {facts.trend_swing} on the swing scale and {facts.trend_internal} internally"
    )
    if facts.last_event is None:
        return trend + "; no break of structure yet in this window."
    return f"{trend}; the last event was {_event(facts.last_event, price)}."


def _fibonacci(facts: GroundingFacts, price: _Prices) -> str:
    fib = facts.fibonacci
    if fib is None:
        return "No Fibonacci leg has formed yet."
    which = "window's major" if fib.leg == "major" else "latest confirmed"
    ends = f"{price(fib.start_price)} to {price(fib.end_price)}"
    leg = f"On the {which} {fib.direction} leg from {ends}"
    if fib.retraced_pct > 100 or fib.broken:
        return leg + ", price has closed beyond the start of the leg: the leg has failed."
    if fib.retraced_pct < 0:
        extreme = (
            "" if fib.provisional_end_price is None else f" at {price(fib.provisional_end_price)}"
        )
        return (
            f"{leg}, price has gone past the end of the leg: a new extreme{extreme} is forming, "
            "not confirmed yet."
        )
    leg += f", price has retraced {format_percent(fib.retraced_pct)}"
    below, above = _around(fib.levels, facts.last_close)
    if below is None or above is None:
        return leg + "."
    return (
        f"{leg}, between the {format_ratio(below.ratio)} ({price(below.price)}) and "
        f"{format_ratio(above.ratio)} ({price(above.price)}) retracements."
    )


def _around(levels: list[FactLevel], close: float) -> tuple[FactLevel | None, FactLevel | None]:
    retracements = [lv for lv in levels if lv.kind == "retracement"]
    below = max(
        (lv for lv in retracements if lv.price <= close), key=lambda lv: lv.price, default=None
    )
    above = min(
        (lv for lv in retracements if lv.price > close), key=lambda lv: lv.price, default=None
    )
    return below, above


def _level_name(level: NearestLevel, price: _Prices) -> str:
    if level.zone is not None:
        return f"the {level.label} {price(level.zone.low)}–{price(level.zone.high)}"
    return f"the {level.label} at {price(level.price)}"


def _side(level: NearestLevel | None, where: str, price: _Prices) -> str:
    if level is None:
        return f"no level {where} the close in this window"
    return (
        f"{_level_name(level, price)}, {price(level.distance)} "
        f"({format_percent(level.distance_pct)}) {where}"
    )


def _neighbours(facts: GroundingFacts, price: _Prices) -> str:
    support, resistance = facts.nearest_support, facts.nearest_resistance
    first = (
        "Nothing in this window supports price below the close"
        if support is None
        else f"Nearest support is {_side(support, 'below', price)}"
    )
    second = (
        "nothing in this window caps it above"
        if resistance is None
        else f"nearest resistance is {_side(resistance, 'above', price)}"
    )
    return f"{first}; {second}."


def _confluence(facts: GroundingFacts, price: _Prices) -> str:
    if not facts.confluence:
        return "No Fibonacci level coincides with a support or resistance zone."
    best = facts.confluence[0]
    return (
        f"Confluence: the {format_ratio(best.ratio)} level at {price(best.price)} lies inside "
        f"the zone {price(best.zone_low)}–{price(best.zone_high)}."
    )


_VERDICT_WORDS = {
    "edge": "has held more often than random levels on this history",
    "no edge": "shows no edge over random levels on this history",
    "worse than random": "has held less often than random levels on this history",
}


def _hit_rate(facts: GroundingFacts) -> str:
    """The nearest Fibonacci level's verdict against random levels, never a bare rate."""
    fib = facts.fibonacci
    if fib is None:
        return ""
    nearest = min(fib.levels, key=lambda lv: abs(lv.price - facts.last_close))
    name = f"The nearest Fibonacci level, the {format_ratio(nearest.ratio)} {nearest.kind},"
    decided = nearest.held + nearest.broke
    if (
        nearest.verdict == "not enough history"
        or nearest.hit_rate_pct is None
        or nearest.baseline_hit_rate_pct is None
    ):
        return (
            f"{name} has not enough history on this series to judge "
            f"({decided} decided legs; at least {facts.hit_rate_min_decided} decided legs "
            "are needed)."
        )
    return (
        f"{name} {_VERDICT_WORDS[nearest.verdict]}: it held "
        f"{format_percent(nearest.hit_rate_pct)} of {decided} decided legs against "
        f"{format_percent(nearest.baseline_hit_rate_pct)} for random levels of the same depth."
    )
