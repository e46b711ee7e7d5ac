"""`analyze` versus smartmoneyconcepts (swings + BOS/CHoCH + FVG + order blocks).

The peer is the library traders reach for in Python; it does less than `analyze` (no
Fibonacci, zones, hit-rates or confluence) yet is timed doing its four calls on the same bars.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

import numpy as np
import pandas as pd

from analysis import analyze
from app.bench.timing import best_of, format_seconds, quiet

PEER_SWING_LENGTH = 50  # its default, as LuxAlgo's swing scale


def random_walk_bars(n: int, seed: int = 42) -> pd.DataFrame:
    """A reproducible geometric random walk of minute bars with wicks."""
    rng = np.random.default_rng(seed)
    close = 100 * np.exp(np.cumsum(rng.normal(0, 0.001, n)))
    open_ = np.concatenate([[100.0], close[:-1]])
    high = np.maximum(open_, close) * (1 + rng.random(n) * 0.0005)
    low = np.minimum(open_, close) * (1 - rng.random(n) * 0.0005)
    index = pd.date_range("2020-01-01", periods=n, freq="min")
    volume = rng.integers(1, 1000, n).astype(float)
    return pd.DataFrame(
        {"open": open_, "high": high, "low": low, "close": close, "volume": volume}, index=index
    )


def real_bars() -> tuple[str, pd.DataFrame]:
    """The longest real series we ship: AAPL daily, 2000-2013 (public domain)."""
    from bokeh_sampledata.stocks import data

    rows = data[data["ticker"] == "AAPL"]
    frame = rows.set_index(pd.DatetimeIndex(rows["date"]))[
        ["open", "high", "low", "close", "volume"]
    ].astype(float)
    return "AAPL daily", frame.sort_index()


def _peer(frame: pd.DataFrame) -> Callable[[], object] | None:
    try:
        with quiet():
            from smartmoneyconcepts import smc
    except ImportError:
        return None
    ohlc = frame.reset_index(drop=True)

    def run() -> object:
        with quiet():
            swings = smc.swing_highs_lows(ohlc, swing_length=PEER_SWING_LENGTH)
            smc.bos_choch(ohlc, swings, close_break=True)
            smc.fvg(ohlc)
            return smc.ob(ohlc, swings)

    return run


@dataclass(frozen=True)
class Row:
    label: str
    bars: int
    ours: float
    peer: float | None

    @property
    def ratio(self) -> str:
        return f"{self.peer / self.ours:,.0f}x" if self.peer else "-"


def run(sizes: Sequence[int], peer_max_bars: int, repeat: int) -> list[Row]:
    cases = [(f"random walk {n:,}", random_walk_bars(n)) for n in sizes]
    cases.append(real_bars())
    rows = []
    for label, frame in cases:
        analyze(frame)  # warm caches (imports, first allocation) outside the timing
        ours = best_of(repeat, partial(analyze, frame))
        peer_run = _peer(frame) if len(frame) <= peer_max_bars else None
        peer = best_of(1, peer_run) if peer_run is not None else None
        rows.append(Row(label=label, bars=len(frame), ours=ours, peer=peer))
    return rows


def report(rows: Sequence[Row]) -> str:
    lines = [
        "analysis: full analyze() vs smartmoneyconcepts "
        "(swing_highs_lows + bos_choch + fvg + ob), one core",
        f"{'series':<22}{'bars':>11}{'ours':>13}{'peer':>13}{'ratio':>9}",
    ]
    for row in rows:
        lines.append(
            f"{row.label:<22}{row.bars:>11,}{format_seconds(row.ours):>13}"
            f"{format_seconds(row.peer):>13}{row.ratio:>9}"
        )
    lines.append("targets: 1,000,000 bars under 0.5 s; at least 50x the peer on 100,000 bars")
    return "\n".join(lines)
