"""`PriceHistory` to bytes and back, for the cache: Arrow IPC, not JSON of floats.

Ten years of daily bars are 120 kB of raw float64 columns that decode in a few hundred
microseconds without parsing a single number, and the index keeps its unit and time zone
(the exchange's), so a cached result is indistinguishable from a fresh one.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
from pydantic import ValidationError

from integrations.market_data.models import COLUMNS, PriceHistory

FORMAT = b"financials.price_history.arrow.v1"
_HEADER = b"financials.header"
_FORMAT_KEY = b"financials.format"
_TIME = "time"
_COLUMNS = pd.Index(COLUMNS)  # built once: a new string Index per decode costs ~30 us


class CodecError(ValueError):
    """The bytes are not a `PriceHistory` this version can read (old format, corruption)."""


def encode(history: PriceHistory) -> bytes:
    frame = history.bars
    arrays = [pa.array(frame.index)] + [pa.array(frame[c].to_numpy()) for c in COLUMNS]
    table = pa.Table.from_arrays(arrays, names=[_TIME, *COLUMNS])
    header = history.model_dump_json(exclude={"bars"}).encode()
    table = table.replace_schema_metadata({_FORMAT_KEY: FORMAT, _HEADER: header})
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue().to_pybytes())


def _index(column: pa.ChunkedArray[Any]) -> pd.DatetimeIndex:
    kind = column.type
    if not pa.types.is_timestamp(kind):
        raise CodecError(f"the time column is {kind}, not a timestamp")
    # From the raw datetime64 values: ~3x faster than Arrow's own pandas conversion.
    index = pd.DatetimeIndex(column.combine_chunks().to_numpy(zero_copy_only=False), name="date")
    return index.tz_localize("UTC").tz_convert(kind.tz) if kind.tz else index


def decode(data: bytes) -> PriceHistory:
    try:
        table = pa.ipc.open_stream(pa.py_buffer(data)).read_all()
    except (pa.ArrowInvalid, OSError) as exc:
        raise CodecError(f"not an Arrow stream: {exc}") from exc
    metadata = table.schema.metadata or {}
    if metadata.get(_FORMAT_KEY) != FORMAT or table.column_names != [_TIME, *COLUMNS]:
        raise CodecError("written by another version of the codec")
    # One (bars x 5) block, which pandas keeps as is, instead of five columns it would copy.
    block = np.column_stack(
        [table.column(name).combine_chunks().to_numpy(zero_copy_only=False) for name in COLUMNS]
    )
    frame = pd.DataFrame(block, index=_index(table.column(_TIME)), columns=_COLUMNS, copy=False)
    try:
        return PriceHistory.model_validate({**json.loads(metadata[_HEADER]), "bars": frame})
    except (ValidationError, json.JSONDecodeError) as exc:
        raise CodecError(f"the header does not describe price history: {exc}") from exc
