"""Repeated work is reused only when its inputs are the same, bar for bar."""

from __future__ import annotations

import pandas as pd

from app.services.memo import Lru, bars_digest
from tests.support.bars import random_walk


def test_equal_bars_share_a_digest_and_any_change_makes_a_new_one() -> None:
    bars = random_walk(300)
    assert bars_digest(bars) == bars_digest(bars.copy())
    changed = bars.copy()
    changed["close"] = changed["close"].where(changed.index != changed.index[150], 1.0)
    assert bars_digest(changed) != bars_digest(bars)
    assert bars_digest(bars.iloc[1:]) != bars_digest(bars)
    shifted = bars.copy()
    shifted.index = shifted.index + pd.Timedelta(days=1)
    assert bars_digest(shifted) != bars_digest(bars)


def test_the_lru_keeps_the_most_recently_used() -> None:
    lru: Lru[str] = Lru(entries=2)
    lru.put(("a",), "A")
    lru.put(("b",), "B")
    assert lru.get(("a",)) == "A"  # a is now the most recent
    lru.put(("c",), "C")
    assert lru.get(("b",)) is None
    assert (lru.get(("a",)), lru.get(("c",))) == ("A", "C")
