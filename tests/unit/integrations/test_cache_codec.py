"""Cached bars come back exactly as they went in: values, time zone, provenance."""

from __future__ import annotations

import pandas as pd
import pytest

from integrations.market_data.codec import CodecError, decode, encode
from integrations.market_data.sample import sample_frames
from tests.support.market import history_of


def test_round_trip_keeps_bars_zone_and_provenance() -> None:
    original = history_of(n=2520).model_copy(
        update={"notice": "offline: bundled sample data, 2000–2013", "name": "Apple Inc."}
    )
    restored = decode(encode(original))
    pd.testing.assert_frame_equal(restored.bars, original.bars, check_names=False, check_freq=False)
    assert str(restored.times.tz) == "America/New_York"
    assert restored.model_dump(exclude={"bars"}) == original.model_dump(exclude={"bars"})


def test_time_zones_and_naive_indexes_survive() -> None:
    for tz in ("Asia/Hong_Kong", None):
        original = history_of(n=50)
        index = original.times.tz_convert(tz) if tz else original.times.tz_localize(None)
        original = original.model_copy(update={"bars": original.bars.set_axis(index)})
        restored = decode(encode(original))
        assert list(restored.bars.index) == list(index)
        assert restored.times.tz == index.tz


def test_it_is_compact_binary_not_json() -> None:
    history = history_of(n=2520)
    payload = encode(history)
    assert len(payload) < 2520 * 6 * 8 * 1.05, "about six float64/int64 columns, no text"
    assert b"[" not in payload[:8]


def test_real_sample_bars_round_trip() -> None:
    frame = sample_frames()["GOOG"]
    original = history_of().model_copy(update={"bars": frame, "source": "sample"})
    pd.testing.assert_frame_equal(decode(encode(original)).bars, frame, check_names=False)


@pytest.mark.parametrize("data", [b"", b"not arrow at all", b"\xff" * 64])
def test_unreadable_bytes_are_a_codec_error(data: bytes) -> None:
    with pytest.raises(CodecError):
        decode(data)


def test_bytes_of_another_codec_version_are_refused() -> None:
    payload = encode(history_of(n=5)).replace(b"arrow.v1", b"arrow.v0")
    with pytest.raises(CodecError, match="another version"):
        decode(payload)
