"""The Fibonacci answer: the chosen leg, its anchors' state, the alternatives and caveats.

Levels are drawn from confirmed anchors only (or the caller's). When price has since gone
beyond the confirmed end, the leg to that live extreme is returned beside it as
`provisional`, labelled as moving; it never replaces the confirmed levels.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from analysis.bars import Bars
from analysis.errors import AnalysisInputError
from analysis.fibonacci import fibonacci
from analysis.legs import LegCheck, LegPick, latest_leg, live_extreme, major_leg
from analysis.models import (
    AnalysisSettings,
    AnchorState,
    FibAnchor,
    Fibonacci,
    LegOption,
    LegRole,
    ProvisionalLeg,
)
from analysis.prices import format_price, price_decimals
from analysis.swings import SwingSet


def _bar_at(bars: Bars, when: datetime) -> int:
    stamp = pd.Timestamp(when)
    tz = bars.tz
    if tz is not None and stamp.tzinfo is None:
        stamp = stamp.tz_localize(tz)
    elif tz is None and stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC").tz_localize(None)
    first, last = bars.times[0], bars.times[-1]
    if not first <= stamp <= last:
        raise AnalysisInputError(
            f"anchor time {stamp} is outside the bars ({first} to {last}); "
            "pick anchor times within the analysed period"
        )
    return int(bars.times.get_indexer(pd.DatetimeIndex([stamp]), method="nearest")[0])


def _anchor(
    bars: Bars, index: int, kind: str, confirmed: int | None, state: AnchorState
) -> FibAnchor:
    price = bars.high[index] if kind == "high" else bars.low[index]
    return FibAnchor(
        price=float(price),
        kind=kind,
        index=index,
        time=bars.time(index),
        confirmed_index=confirmed,
        state=state,
    )


def _ends(bars: Bars, pick: LegPick) -> tuple[FibAnchor, FibAnchor]:
    start_kind, end_kind = ("low", "high") if pick.up else ("high", "low")
    return (
        _anchor(bars, pick.start, start_kind, pick.start_confirmed, "confirmed"),
        _anchor(bars, pick.end, end_kind, pick.end_confirmed, "confirmed"),
    )


class _Describer:
    """One-line descriptions of legs, in the series' own price precision."""

    def __init__(self, bars: Bars) -> None:
        self._decimals = price_decimals(float(bars.close[-1]))
        self._close = float(bars.close[-1])

    def point(self, anchor: FibAnchor) -> str:
        when = f" ({anchor.time:%Y-%m-%d})" if anchor.time is not None else ""
        return f"{anchor.kind} {format_price(anchor.price, self._decimals)}{when}"

    def retraced(self, start: FibAnchor, end: FibAnchor) -> float:
        return (end.price - self._close) / (end.price - start.price)

    def option(
        self, role: LegRole, start: FibAnchor, end: FibAnchor, *, broken: bool, chosen: bool
    ) -> LegOption:
        retraced = self.retraced(start, end)
        state = "broken (price closed beyond its start)" if broken else end.state
        pick = {"major": "leg=major", "latest": "leg=latest", "provisional": "not selectable"}
        summary = (
            f"{role} leg: {self.point(start)} -> {self.point(end)}, {state}, "
            f"retraced {retraced:.0%}" + (" (shown)" if chosen else f" [{pick[role]}]")
        )
        return LegOption(
            role=role,
            start=start,
            end=end,
            direction="bullish" if end.price > start.price else "bearish",
            retraced=retraced,
            broken=broken,
            chosen=chosen,
            summary=summary,
        )


def _given(bars: Bars, settings: AnalysisSettings) -> Fibonacci | None:
    close = float(bars.close[-1])
    ratios = (settings.retracement_ratios, settings.extension_ratios)
    if settings.anchor_prices is not None:
        s_price, e_price = settings.anchor_prices
        up = e_price > s_price
        start = FibAnchor(price=s_price, kind="low" if up else "high")
        end = FibAnchor(price=e_price, kind="high" if up else "low")
        return fibonacci(start, end, close, *ratios, anchor_source="prices", leg="anchors")
    if settings.anchor_times is not None:
        i, j = (_bar_at(bars, t) for t in settings.anchor_times)
        if i == j:
            raise AnalysisInputError("the two anchor times fall on the same bar; pick two bars")
        mid = (bars.high + bars.low) / 2
        up = bool(mid[j] > mid[i])
        start = _anchor(bars, i, "low" if up else "high", None, "given")
        end = _anchor(bars, j, "high" if up else "low", None, "given")
        broken = LegCheck(bars).broken(
            LegPick(start=i, end=j, up=up, start_confirmed=i, end_confirmed=j)
        )
        fib = fibonacci(start, end, close, *ratios, anchor_source="times", leg="anchors")
        note = "price has closed beyond the leg's start since its end" if broken else None
        return fib.model_copy(update={"broken": broken, "note": note})
    return None


def _provisional(
    bars: Bars, pick: LegPick, ends: tuple[FibAnchor, FibAnchor], ratios: tuple[float, ...]
) -> ProvisionalLeg | None:
    start, end = ends
    live = live_extreme(bars, pick.end, highs=pick.up)
    if live is None:
        return None
    price = float(bars.high[live] if pick.up else bars.low[live])
    if (price <= end.price) if pick.up else (price >= end.price):
        return None
    moved = _anchor(bars, live, end.kind, None, "provisional")
    drawn = fibonacci(
        start, moved, float(bars.close[-1]), ratios, (), anchor_source="detected", leg="latest"
    )
    word = "high" if pick.up else "low"
    return ProvisionalLeg(
        end=moved,
        retracements=drawn.retracements,
        golden_pocket=drawn.golden_pocket,
        note=f"end not confirmed: moves if price makes a new {word}",
    )


def _tradingview_leg(bars: Bars, final: SwingSet) -> tuple[FibAnchor, FibAnchor] | None:
    """From the last final swing to the live extreme after it: it moves until confirmed."""
    if len(final) == 0:
        return None
    last = len(final) - 1
    from_high = bool(final.is_high[last])
    index = int(final.index[last])
    live = live_extreme(bars, index, highs=not from_high)
    if live is None:
        return None
    kinds = ("high", "low") if from_high else ("low", "high")
    start = _anchor(bars, index, kinds[0], int(final.confirmed[last]), "confirmed")
    end = _anchor(bars, live, kinds[1], None, "provisional")
    return start, end


def choose_fibonacci(bars: Bars, final: SwingSet, settings: AnalysisSettings) -> Fibonacci | None:
    """The Fibonacci answer for `settings.leg` (or the caller's anchors), or None."""
    given = _given(bars, settings)
    if given is not None:
        return given
    check = LegCheck(bars)
    describe = _Describer(bars)
    latest, major = latest_leg(final), major_leg(final, check)
    if latest is None:
        return None
    wanted = major if settings.leg == "major" else latest
    note = None
    if wanted is None:  # every leg was broken: show the latest, flagged
        wanted = latest
        note = "every confirmed leg in this window has been broken; showing the latest"
    chosen_role: LegRole = "major" if wanted == major and settings.leg == "major" else "latest"
    options: list[LegOption] = []
    candidates: tuple[tuple[LegRole, LegPick | None], ...] = (("major", major), ("latest", latest))
    for role, pick in candidates:
        if pick is None or (role == "latest" and pick == major):
            continue
        options.append(
            describe.option(
                role, *_ends(bars, pick), broken=check.broken(pick), chosen=pick == wanted
            )
        )
    tv = _tradingview_leg(bars, final)
    if tv is not None:
        options.append(describe.option("provisional", *tv, broken=False, chosen=False))
    start, end = _ends(bars, wanted)
    broken = check.broken(wanted)
    if broken and note is None:
        better = f"; the valid {options[0].summary}" if major is not None else ""
        note = f"the {chosen_role} leg has been broken (price closed beyond its start){better}"
    fib = fibonacci(
        start,
        end,
        float(bars.close[-1]),
        settings.retracement_ratios,
        settings.extension_ratios,
        anchor_source="detected",
        leg=chosen_role if chosen_role != "provisional" else "latest",
    )
    return fib.model_copy(
        update={
            "broken": broken,
            "provisional": _provisional(bars, wanted, (start, end), settings.retracement_ratios),
            "alternatives": options,
            "note": note,
        }
    )
