"""Work a request would repeat exactly is done once: analyses and chart images by their inputs.

The analysis is a pure function of the bars and the settings, and the chart image a pure
function of its spec; the bars come from the cache, so the same request (AAPL, 1y, the
defaults) from many users within a minute would otherwise analyse and draw the very same
bytes again, and drawing is most of a request's CPU. Keys are digests of the inputs (the
bars' contents, not their identity), so a changed bar, setting or theme is a new entry; a
small LRU bounds memory. Results are shared read-only.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import Generic, TypeVar

import numpy as np
import pandas as pd

V = TypeVar("V")
DEFAULT_ENTRIES = 64


def bars_digest(frame: pd.DataFrame) -> str:
    """A digest of the bars' times and values; equal bars, equal digest.

    Hashes each column's raw float64 buffer (vectorised; pandas' row hashing walks Arrow
    columns value by value and cost more than the analysis it saves on short series).
    """
    digest = hashlib.blake2b(digest_size=16)
    index = frame.index
    digest.update(str(index.dtype).encode())
    times = index.asi8 if isinstance(index, pd.DatetimeIndex) else index.to_numpy()
    digest.update(np.ascontiguousarray(times).tobytes())
    for name in frame.columns:
        digest.update(f"|{name}|".encode())
        values = frame[name].to_numpy(dtype="float64", na_value=np.nan)
        digest.update(np.ascontiguousarray(values).tobytes())
    return digest.hexdigest()


class Lru(Generic[V]):
    """Least recently used entries go first beyond `entries`."""

    def __init__(self, entries: int = DEFAULT_ENTRIES) -> None:
        self._entries = entries
        self._values: OrderedDict[tuple[object, ...], V] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key: tuple[object, ...]) -> V | None:
        value = self._values.get(key)
        if value is None:
            self.misses += 1
            return None
        self._values.move_to_end(key)
        self.hits += 1
        return value

    def put(self, key: tuple[object, ...], value: V) -> None:
        self._values[key] = value
        self._values.move_to_end(key)
        while len(self._values) > self._entries:
            self._values.popitem(last=False)
