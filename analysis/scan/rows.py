"""One symbol's analysis against a scan's setups: a typed row when every setup matches.

The row carries what a screener table shows and what makes its numbers honest: the distance
to the level in % and in ATR, the level's own hit-rate verdict beside its random baseline
(and, once the whole universe is scanned, the verdict pooled over every scanned series), the
trend, and the last bar the answer is true at.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from analysis.models import Analysis, HitRates, LevelHitRate, Trend, Verdict
from analysis.scan.setups import Setup, SetupMatch
from analysis.verdicts import short_verdict


class LevelStatistic(BaseModel):
    """A Fibonacci ratio's hit-rate verdict on one symbol or pooled over a universe."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    ratio: float
    verdict: Verdict
    summary: str = Field(description="Verdict, rate vs random baseline and sample, in a cell.")
    text: str = Field(description="The verdict in plain words with the numbers.")


def level_statistic(rates: HitRates, ratio: float | None) -> LevelStatistic | None:
    """The retracement `ratio`'s statistic in `rates`; None when the match has no ratio."""
    if ratio is None:
        return None
    level: LevelHitRate | None = next(
        (lv for lv in rates.levels if lv.kind == "retracement" and abs(lv.ratio - ratio) < 1e-9),
        None,
    )
    if level is None:
        return None
    return LevelStatistic(
        ratio=level.ratio,
        verdict=level.verdict,
        summary=short_verdict(level),
        text=level.verdict_text,
    )


class ScanRow(BaseModel):
    """A symbol that matched every setup of a scan."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    symbol: str
    setup: str = Field(description="The setups matched, joined by ` + `.")
    matches: list[SetupMatch]
    level: str = Field(description="What the distance is measured to.")
    distance_pct: float | None = Field(description="|close - level| / close, in %.")
    distance_atr: float | None = Field(description="|close - level| / ATR at the last bar.")
    level_stats: LevelStatistic | None = Field(
        description="This symbol's own hit-rate verdict for the matched ratio, if any."
    )
    universe_stats: LevelStatistic | None = Field(
        default=None,
        description="The same ratio's verdict pooled over every series the scan measured.",
    )
    trend: Trend = Field(description="Swing-scale trend from the latest swing labels.")
    last_time: datetime
    last_close: float
    atr: float


def scan_analysis(symbol: str, analysis: Analysis, setups: Sequence[Setup]) -> ScanRow | None:
    """The row for `symbol` if every setup matches its analysis, else None.

    No setups keeps every symbol (a scan that only gathers the cross-symbol statistics).
    """
    matches: list[SetupMatch] = []
    for setup in setups:
        found = setup.match(analysis)
        if found is None:
            return None
        matches.append(found)
    series = analysis.series
    measured = next((m for m in matches if m.distance is not None), None)
    distance = None if measured is None else measured.distance
    ratio = next((m.ratio for m in matches if m.ratio is not None), None)
    return ScanRow(
        symbol=symbol,
        setup=" + ".join(m.setup for m in matches) or "all",
        matches=matches,
        level="-" if measured is None else measured.label,
        distance_pct=None
        if distance is None or series.last_close == 0
        else round(100 * distance / abs(series.last_close), 3),
        distance_atr=None
        if distance is None or series.atr == 0
        else round(distance / series.atr, 3),
        level_stats=level_statistic(analysis.hit_rates, ratio),
        trend=analysis.structure.swing.trend,
        last_time=series.last_time,
        last_close=series.last_close,
        atr=series.atr,
    )


def with_universe_stats(rows: Sequence[ScanRow], pooled: HitRates) -> list[ScanRow]:
    """The rows with the pooled verdict of their ratio beside their own."""
    return [
        row.model_copy(
            update={
                "universe_stats": level_statistic(
                    pooled, row.level_stats.ratio if row.level_stats else None
                )
            }
        )
        for row in rows
    ]
