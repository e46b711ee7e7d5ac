"""Average true range, the yardstick every tolerance in the engine is measured in."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.bars import Bars, FloatArray


def true_range(bars: Bars) -> FloatArray:
    prev_close = np.concatenate([[bars.close[0]], bars.close[:-1]])
    tr: FloatArray = np.maximum(
        bars.high - bars.low,
        np.maximum(np.abs(bars.high - prev_close), np.abs(bars.low - prev_close)),
    )
    return tr


def atr(bars: Bars, length: int) -> FloatArray:
    return rma(true_range(bars), length)


def rma(tr: FloatArray, length: int) -> FloatArray:
    """Wilder's moving average as in TradingView's `ta.atr`, seeded with the first SMA.

    Causal at every bar; before `length` bars exist it is the running mean, so even the
    first bars have a usable yardstick.
    """
    n = len(tr)
    running_mean = np.cumsum(tr) / np.arange(1, n + 1)
    if n < length:
        return running_mean
    seeded = tr.copy()
    seeded[: length - 1] = np.nan
    seeded[length - 1] = running_mean[length - 1]
    rma = pd.Series(seeded).ewm(alpha=1.0 / length, adjust=False, ignore_na=True).mean()
    out = rma.to_numpy(dtype=np.float64, copy=True)
    out[: length - 1] = running_mean[: length - 1]
    return out
