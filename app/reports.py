"""Plain-text rendering of an analysis, for the terminal."""

from __future__ import annotations

from analysis import Analysis
from analysis.prices import format_price, price_decimals
from analysis.verdicts import short_verdict
from app.services.scan_schemas import ScanView


def _date(value: object) -> str:
    return str(value)[:16].replace("T", " ")


def text_report(symbol: str, interval: str, result: Analysis) -> str:
    s = result.series
    decimals = price_decimals(s.last_close)

    def price(value: float) -> str:
        return format_price(value, decimals)

    lines = [
        f"{symbol} {interval}: {s.bars} bars {_date(s.first_time)} to {_date(s.last_time)}, "
        f"last close {price(s.last_close)}, ATR {price(s.atr)}",
    ]
    fib = result.fibonacci
    if fib is not None:
        lines.append(
            f"Fibonacci ({fib.leg} {fib.direction} leg, {fib.anchor_source}): "
            f"{price(fib.start.price)} ({_date(fib.start.time)}) -> "
            f"{price(fib.end.price)} ({_date(fib.end.time)})"
        )
        rates = {(lv.kind, lv.ratio): lv for lv in result.hit_rates.levels}
        for level in [*fib.retracements, *fib.extensions]:
            rate = rates.get((level.kind, level.ratio))
            held = "no history" if rate is None else short_verdict(rate)
            lines.append(f"  {level.ratio:>6.3f}  {price(level.price):>12}   {held}")
        low, high = fib.golden_pocket
        lines.append(f"  golden pocket {price(low)}-{price(high)}")
        pos = fib.position
        around = " and ".join(
            f"{lv.ratio:g} ({price(lv.price)})" for lv in (pos.below, pos.above) if lv is not None
        )
        lines.append(
            f"  last close {price(pos.close)} sits at {pos.retracement:.1%} of the leg"
            + (f", between {around}" if around else "")
        )
        lines += [f"  {option.summary}" for option in fib.alternatives]
        if fib.provisional is not None:
            lines.append(f"  {fib.provisional.note}")
        if fib.note:
            lines.append(f"  note: {fib.note}")
    for scale in (result.structure.internal, result.structure.swing):
        last = scale.events[-1] if scale.events else None
        event = (
            f"last {last.kind} {last.direction} at {price(last.level)} on {_date(last.time)}"
            if last
            else "no breaks"
        )
        lines.append(f"Structure ({scale.scale}, length {scale.length}): {scale.trend}; {event}")
    for zone in result.zones[:5]:
        lines.append(
            f"Zone {zone.role}: {price(zone.low)}-{price(zone.high)} "
            f"({zone.touches} touches, strength {zone.strength:.2f})"
        )
    open_gaps = [g for g in result.fair_value_gaps if g.mitigated_index is None]
    lines.append(
        f"Fair value gaps open: {len(open_gaps)}; order blocks: {len(result.order_blocks)}"
    )
    for c in result.confluence[:3]:
        lines.append(f"Confluence: {c.explanation}")
    lines.extend(f"Note: {note}" for note in result.notes)
    return "\n".join(lines)


def scan_report(view: ScanView) -> str:
    """A scan as a terminal table: distance in % and ATR, the level's own and pooled verdicts."""
    lines = [
        f"scan of {view.universe}: {view.progress}; {view.matched} matched ({view.status})",
        f"{'symbol':<10} {'setup':<28} {'level':<30} {'dist %':>7} {'ATR':>6} "
        f"{'trend':<8} {'last bar':<10}  verdict (own; pooled over the scan)",
    ]
    for row in view.rows:
        own = row.level_stats.summary if row.level_stats else "no statistic for this level"
        pooled = f"; pooled: {row.universe_stats.summary}" if row.universe_stats else ""
        pct = "-" if row.distance_pct is None else f"{row.distance_pct:.2f}"
        atr = "-" if row.distance_atr is None else f"{row.distance_atr:.2f}"
        lines.append(
            f"{row.symbol:<10} {row.setup[:28]:<28} {row.level[:30]:<30} {pct:>7} {atr:>6} "
            f"{row.trend:<8} {_date(row.last_time)[:10]:<10}  {own}{pooled}"
        )
    for failure in view.failures:
        lines.append(f"failed: {failure.symbol}: {failure.reason}")
    return "\n".join(lines)
