"""Min-max decimation keeps every extreme of a trace, at its own time, in a few points."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons.figures.decimate import min_max_decimate


def test_a_single_spike_survives_at_its_own_time():
    x = np.arange(50_000) / 10_000
    y = np.zeros_like(x)
    y[31_337] = 1.0
    kept_x, kept_y = min_max_decimate(x, y, 600)
    assert len(kept_x) <= 1200
    assert kept_y.max() == 1.0
    assert kept_x[np.argmax(kept_y)] == x[31_337]


def test_short_traces_come_back_unchanged():
    x, y = np.arange(10.0), np.arange(10.0) ** 2
    kept_x, kept_y = min_max_decimate(x, y, 5)
    np.testing.assert_array_equal(kept_x, x)
    np.testing.assert_array_equal(kept_y, y)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=3000),
    st.integers(min_value=1, max_value=400),
)
def test_extremes_and_order_are_kept_for_any_trace(values, columns):
    y = np.asarray(values)
    x = np.arange(y.size, dtype=float)
    kept_x, kept_y = min_max_decimate(x, y, columns)
    assert len(kept_x) <= max(2 * columns, y.size)
    assert kept_y.min() == y.min() and kept_y.max() == y.max()
    assert np.all(np.diff(kept_x) >= 0)
    np.testing.assert_array_equal(kept_y, y[kept_x.astype(int)])


@pytest.mark.parametrize(
    ("x", "y", "columns", "message"),
    [
        (np.zeros(3), np.zeros(4), 2, "one shape"),
        (np.zeros(4), np.zeros(4), 0, "columns"),
        (np.zeros(4), np.zeros(4), 2.5, "columns"),
    ],
)
def test_bad_input_is_named(x, y, columns, message):
    with pytest.raises(ValueError, match=message):
        min_max_decimate(x, y, columns)
