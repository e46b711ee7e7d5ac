"""The two primitives every detector stands on, checked against brute force."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from analysis.windows import CrossingIndex, rolling_max, rolling_min

prices = arrays(
    np.float64,
    st.integers(1, 300),
    elements=st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False),
)


@settings(max_examples=150, deadline=None)
@given(values=prices, window=st.integers(1, 40))
def test_rolling_extremes_equal_brute_force(values: np.ndarray, window: int) -> None:
    top, bottom = rolling_max(values, window), rolling_min(values, window)
    assert np.isnan(top[: window - 1]).all()
    for end in range(window - 1, len(values)):
        span = values[end - window + 1 : end + 1]
        assert top[end] == span.max()
        assert bottom[end] == span.min()


@settings(max_examples=150, deadline=None)
@given(
    values=prices,
    side=st.sampled_from(["at_or_below", "at_or_above"]),
    data=st.data(),
)
def test_first_crossing_equals_a_linear_scan(
    values: np.ndarray, side: str, data: st.DataObject
) -> None:
    n = len(values)
    queries = data.draw(
        st.lists(
            st.tuples(st.integers(0, n + 3), st.sampled_from([*values.tolist(), -1e7, 1e7, 0.0])),
            min_size=1,
            max_size=30,
        )
    )
    starts = np.array([q[0] for q in queries], dtype=np.int64)
    levels = np.array([q[1] for q in queries], dtype=np.float64)
    found = CrossingIndex(values, side).first(starts, levels)  # type: ignore[arg-type]
    for start, level, got in zip(starts, levels, found, strict=True):
        expected = next(
            (
                j
                for j in range(start, n)
                if (values[j] <= level if side == "at_or_below" else values[j] >= level)
            ),
            n,
        )
        assert got == expected
