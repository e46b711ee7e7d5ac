"""How often each Fibonacci level actually held, measured on the series' own past legs.

Every leg is taken as a trader would have drawn it at the time (from the bar its end became
known), so the statistic uses no knowledge of how the leg later turned out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from analysis.bars import Bars, BoolArray, FloatArray, IntArray
from analysis.models import AnalysisSettings, Detector, HitRates, LevelHitRate, RateCounts
from analysis.stats import BOOTSTRAP_SAMPLES, ClusterBootstrap, wilson_interval
from analysis.swings import Legs
from analysis.verdicts import verdict_of
from analysis.windows import BarCrossings

METHOD = (
    "For each of the last {legs} legs between confirmed swings of the {detector} detector "
    "(start -> end, taken from the bar the end was confirmed, as the chart draws them): a "
    "level counts only if price was still on the near "
    "side of it then. Retracements are watched until price makes a new extreme beyond the "
    "leg's end, extensions until price closes back beyond the leg's start. A level is reached "
    "when a bar trades to it; it held when, from the next bar on, price moved {k} x ATR away "
    "from it in the leg's favour before any close beyond it, and broke when a close beyond it "
    "came first (the touching bar's own close included). hit_rate = held / (held + broke), "
    "with a 95% Wilson interval; below {min_decided} decided levels no rate is quoted."
)
NULL_MODEL = (
    "Random levels from the same legs, measured the same way: for each leg and ratio r, "
    "{draws} random ratios uniform within {retr_band} of r for retracements (kept within 0..1) "
    "and within {ext_band} of r for extensions (kept above 1). It asks whether the exact ratio "
    "holds more often than any level of about the same depth. The difference's 95% interval "
    "is a Poisson bootstrap over legs grouped by their start swing ({samples} resamples); an "
    "edge is claimed only when that interval excludes zero."
)
RETRACEMENT_BAND = 0.1
EXTENSION_BAND = 0.2


def _strictly_below(x: FloatArray) -> FloatArray:
    return np.nextafter(x, -np.inf)


def _strictly_above(x: FloatArray) -> FloatArray:
    return np.nextafter(x, np.inf)


def _outcomes(
    bars: Bars,
    atr: FloatArray,
    cx: BarCrossings,
    level: FloatArray,
    start: IntArray,
    watch_end: IntArray,
    support: np.ndarray,
    k: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(reached, held, broke) per level; `support` levels are approached from above."""
    n = len(bars)
    reach = np.full(len(level), n, dtype=np.int64)
    hold = np.full(len(level), n, dtype=np.int64)
    brk = np.full(len(level), n, dtype=np.int64)
    sup, res = support, ~support
    reach[sup] = cx.low_at_or_below.first(start[sup], level[sup])
    reach[res] = cx.high_at_or_above.first(start[res], level[res])
    reached = (reach < n) & (reach <= watch_end)
    at = np.minimum(reach, n - 1)
    away = k * atr[at]
    rs, rr = sup & reached, res & reached
    # A close beyond counts from the touching bar itself (the close comes after the touch);
    # the bounce only from the next bar, since the touching bar's far extreme may have come
    # before the touch.
    brk[rs] = cx.close_at_or_below.first(reach[rs], _strictly_below(level[rs]))
    hold[rs] = cx.high_at_or_above.first(reach[rs] + 1, level[rs] + away[rs])
    brk[rr] = cx.close_at_or_above.first(reach[rr], _strictly_above(level[rr]))
    hold[rr] = cx.low_at_or_below.first(reach[rr] + 1, level[rr] - away[rr])
    held = reached & (hold < brk)
    broke = reached & (brk <= hold) & (brk < n)
    return reached, held, broke


@dataclass(frozen=True, slots=True)
class _LegWindow:
    """The measured legs, with what every level query on them needs."""

    start: FloatArray
    end: FloatArray
    up: BoolArray
    first_bar: IntArray
    close_then: FloatArray
    retracement_end: IntArray
    extension_end: IntArray


def _leg_window(bars: Bars, cx: BarCrossings, legs: Legs, rows: IntArray) -> _LegWindow:
    s, e, known = legs.start_price[rows], legs.end_price[rows], legs.known[rows]
    up = e > s
    start = known + 1
    # Watch windows: retracements until a new extreme beyond the end, extensions until a
    # close back beyond the start.
    new_high = cx.high_at_or_above.first(start, _strictly_above(e))
    new_low = cx.low_at_or_below.first(start, _strictly_below(e))
    fail_up = cx.close_at_or_below.first(start, _strictly_below(s))
    fail_down = cx.close_at_or_above.first(start, _strictly_above(s))
    return _LegWindow(
        start=s,
        end=e,
        up=up,
        first_bar=start,
        close_then=bars.close[known],
        retracement_end=np.where(up, new_high, new_low),
        extension_end=np.where(up, fail_up, fail_down),
    )


def _measure(
    bars: Bars,
    atr: FloatArray,
    cx: BarCrossings,
    legs: _LegWindow,
    ratio: FloatArray,
    retracement: BoolArray,
    k: float,
) -> tuple[BoolArray, BoolArray, BoolArray, BoolArray]:
    """(held, broke, ahead, reached) per query, each among levels still ahead when confirmed.

    Query q is leg `q % len(legs)` at `ratio[q]`.

    Every query goes through the crossing indexes in one batch, since per-call overhead
    would otherwise dominate short series.
    """
    repeat = len(ratio) // len(legs.start)
    s, e = np.tile(legs.start, repeat), np.tile(legs.end, repeat)
    up: BoolArray = np.tile(legs.up, repeat)
    level = np.where(retracement, e - ratio * (e - s), s + ratio * (e - s))
    support = np.where(retracement, up, ~up)
    watch_end = np.where(
        retracement, np.tile(legs.retracement_end, repeat), np.tile(legs.extension_end, repeat)
    )
    close_then = np.tile(legs.close_then, repeat)
    ahead = np.where(support, close_then > level, close_then < level)
    reached, held, broke = _outcomes(
        bars, atr, cx, level, np.tile(legs.first_bar, repeat), watch_end, support, k
    )
    return held & ahead, broke & ahead, ahead, reached & ahead


def _baseline_ratios(
    kinds: list[tuple[str, float]], count: int, draws: int, seed: int
) -> tuple[FloatArray, BoolArray]:
    """`draws` random ratios per (ratio, leg), in the band around each ratio."""
    rng = np.random.default_rng(seed)
    ratios, flags = [], []
    for kind, ratio in kinds:
        retracement = kind == "retracement"
        band = RETRACEMENT_BAND if retracement else EXTENSION_BAND
        low = max(0.0, ratio - band) if retracement else max(1.0, ratio - band)
        high = min(1.0, ratio + band) if retracement else ratio + band
        ratios.append(rng.uniform(low, high, size=draws * count))
        flags.append(np.full(draws * count, retracement))
    return np.concatenate(ratios), np.concatenate(flags)


def _counts(*flags: np.ndarray) -> RateCounts:
    """(held, broke, ahead, reached) flags summed into counts, rate and interval."""
    held, broke, legs, reached = (int(f.sum()) for f in flags)
    decided = held + broke
    return RateCounts(
        legs=legs,
        reached=reached,
        held=held,
        broke=broke,
        hit_rate=round(held / decided, 4) if decided else None,
        interval=wilson_interval(held, decided),
    )


@dataclass(frozen=True, slots=True)
class LevelSample:
    """One ratio's outcomes on one or more series: totals, and sums per cluster of legs.

    `per_cluster` rows: Fibonacci held, Fibonacci decided, baseline held, baseline decided;
    one column per group of legs sharing a start swing. Samples of several series pool by
    adding totals and putting their clusters side by side (`pooled`).
    """

    kind: str
    ratio: float
    own: RateCounts
    random: RateCounts
    per_cluster: FloatArray


def _added(a: RateCounts, b: RateCounts) -> RateCounts:
    held, broke = a.held + b.held, a.broke + b.broke
    decided = held + broke
    return RateCounts(
        legs=a.legs + b.legs,
        reached=a.reached + b.reached,
        held=held,
        broke=broke,
        hit_rate=round(held / decided, 4) if decided else None,
        interval=wilson_interval(held, decided),
    )


def pooled(samples: Sequence[LevelSample]) -> LevelSample:
    """The samples of one ratio on several series, as one sample."""
    first = samples[0]
    own, random = first.own, first.random
    for sample in samples[1:]:
        own, random = _added(own, sample.own), _added(random, sample.random)
    return LevelSample(
        kind=first.kind,
        ratio=first.ratio,
        own=own,
        random=random,
        per_cluster=np.concatenate([s.per_cluster for s in samples], axis=1),
    )


def level_samples(
    *,
    bars: Bars,
    atr: FloatArray,
    crossings: BarCrossings,
    legs: Legs,
    settings: AnalysisSettings,
) -> tuple[int, list[LevelSample]]:
    """(legs measured, one sample per ratio) on the series' own legs and random levels."""
    n = len(bars)
    rows = np.flatnonzero(legs.known < n - 1)
    if settings.hit_rate_max_legs is not None:
        rows = rows[-settings.hit_rate_max_legs :]
    kinds = [("retracement", r) for r in settings.retracement_ratios] + [
        ("extension", x) for x in settings.extension_ratios
    ]
    count, draws = len(rows), settings.baseline_draws
    if not count:
        none = np.zeros(0, dtype=bool)
        empty = _counts(none, none, none, none)
        return 0, [LevelSample(kd, r, empty, empty, np.zeros((4, 0))) for kd, r in kinds]
    _, cluster = np.unique(legs.start_index[rows], return_inverse=True)
    clusters = int(cluster.max()) + 1
    window = _leg_window(bars, crossings, legs, rows)
    k = settings.hold_reversal_atr
    fib_ratio = np.repeat([r for _, r in kinds], count).astype(np.float64)
    fib_flags = np.repeat([kd == "retracement" for kd, _ in kinds], count)
    fib = _measure(bars, atr, crossings, window, fib_ratio, fib_flags, k)
    base_ratio, base_flags = _baseline_ratios(kinds, count, draws, settings.baseline_seed)
    base = _measure(bars, atr, crossings, window, base_ratio, base_flags, k)

    def per_cluster(flags: np.ndarray) -> FloatArray:
        sums: FloatArray = np.bincount(
            cluster, weights=flags.astype(np.float64), minlength=clusters
        ).astype(np.float64)
        return sums

    samples = []
    for pos, (kind, ratio) in enumerate(kinds):
        f_held, f_broke, f_ahead, f_reached = (a[pos * count : (pos + 1) * count] for a in fib)
        span = slice(pos * count * draws, (pos + 1) * count * draws)
        b_held, b_broke, b_ahead, b_reached = (a[span].reshape(draws, count) for a in base)
        sums = np.vstack(
            [
                per_cluster(f_held),
                per_cluster(f_held | f_broke),
                per_cluster(b_held.sum(axis=0)),
                per_cluster((b_held | b_broke).sum(axis=0)),
            ]
        )
        samples.append(
            LevelSample(
                kind=kind,
                ratio=ratio,
                own=_counts(f_held, f_broke, f_ahead, f_reached),
                random=_counts(b_held, b_broke, b_ahead, b_reached),
                per_cluster=sums,
            )
        )
    return count, samples


def summarize(
    samples: Sequence[LevelSample],
    *,
    legs_total: int,
    detector: Detector,
    settings: AnalysisSettings,
) -> HitRates:
    """Intervals and verdicts for each ratio's sample, with the method in words."""
    boot = ClusterBootstrap(
        samples[0].per_cluster.shape[1] if samples else 0, settings.baseline_seed
    )
    levels = [
        _level(
            s.kind,
            s.ratio,
            s.own,
            s.random,
            boot.difference_interval(*s.per_cluster),
            settings,
        )
        for s in samples
    ]
    return HitRates(
        detector=detector,
        legs_total=legs_total,
        method=METHOD.format(
            legs=legs_total,
            detector=detector,
            k=settings.hold_reversal_atr,
            min_decided=settings.hit_rate_min_decided,
        ),
        null_model=NULL_MODEL.format(
            draws=settings.baseline_draws,
            retr_band=RETRACEMENT_BAND,
            ext_band=EXTENSION_BAND,
            samples=BOOTSTRAP_SAMPLES,
        ),
        min_decided=settings.hit_rate_min_decided,
        levels=levels,
    )


def hit_rates(
    *,
    bars: Bars,
    atr: FloatArray,
    crossings: BarCrossings,
    legs: Legs,
    detector: Detector,
    settings: AnalysisSettings,
) -> HitRates:
    """Each ratio's outcomes on the series' own legs, beside random levels on the same legs."""
    count, samples = level_samples(
        bars=bars, atr=atr, crossings=crossings, legs=legs, settings=settings
    )
    return summarize(samples, legs_total=count, detector=detector, settings=settings)


def _level(
    kind: str,
    ratio: float,
    own: RateCounts,
    random: RateCounts,
    interval: tuple[float, float] | None,
    settings: AnalysisSettings,
) -> LevelHitRate:
    difference = (
        round(own.hit_rate - random.hit_rate, 4)
        if own.hit_rate is not None and random.hit_rate is not None
        else None
    )
    verdict, text = verdict_of(own, random, interval, settings.hit_rate_min_decided)
    return LevelHitRate(
        **own.model_dump(),
        ratio=ratio,
        kind="retracement" if kind == "retracement" else "extension",
        baseline=random,
        difference=difference,
        difference_interval=interval,
        verdict=verdict,
        verdict_text=text,
    )
