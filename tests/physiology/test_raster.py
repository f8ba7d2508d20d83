"""Raster data of a motor-unit pool (Fuglevand et al. 1993 pool): the discharges of a window,
one row per unit, binned without losing a discharge."""

from __future__ import annotations

import numpy as np
import pytest

from lessons.physiology import MotorUnitPool
from lessons.physiology.raster import RASTER_BIN_MS, raster_image, raster_points

POOL = MotorUnitPool()


def test_points_are_the_window_shifted_and_scaled() -> None:
    spikes = [np.array([0.1, 0.6, 1.2])] + [np.zeros(0)] * (POOL.n_units - 2) + [np.array([0.7])]
    points = raster_points(POOL, spikes, 0.5, 1.0)
    np.testing.assert_allclose(points.time, [100.0, 200.0], rtol=1e-6)  # ms after 0.5 s
    np.testing.assert_array_equal(points.unit, [1, 120])
    np.testing.assert_allclose(
        points.contraction_time_ms, [90.0, 30.0], rtol=1e-5
    )  # slowest first, fastest last (Fuglevand et al. 1993)
    assert (points.time.dtype, points.unit.dtype) == (np.float32, np.int16)
    only_last = raster_points(POOL, spikes, 0.0, 2.0, units=[119], time_scale=1.0)
    np.testing.assert_allclose(only_last.time, [0.7], rtol=1e-6)


def test_the_grid_keeps_every_discharge_at_its_time() -> None:
    activity = POOL.simulate(1.0, 1.5, 0.001, seed=3)
    points = raster_points(POOL, activity.spike_times, 0.5, 1.501)
    cells = raster_image(points, POOL.n_units, 1000.0)
    assert cells.shape == (120, 1000 / RASTER_BIN_MS)
    assert np.count_nonzero(cells) == len(points.time)
    rows, columns = np.nonzero(cells)
    order = np.lexsort((points.time, points.unit))
    np.testing.assert_array_equal(rows + 1, points.unit[order])
    np.testing.assert_array_equal(columns, np.minimum((points.time[order] / 2).astype(int), 499))
    assert set(np.unique(cells[0])) == {0, 90} and set(np.unique(cells[119])) == {0, 30}


def test_wide_ticks_cover_their_neighbours_rows_only() -> None:
    spikes = [np.array([0.5])] * POOL.n_units
    points = raster_points(POOL, spikes, 0.0, 1.0, units=[0, 119], time_scale=1.0)
    cells = raster_image(points, POOL.n_units, 1.0, 0.02, tick_rows=3)
    assert set(np.nonzero(cells[:, 25])[0]) == {0, 1, 118, 119}


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda p: raster_points(POOL, [], 1.0, 0.5), "stop"),
        (lambda p: raster_points(POOL, [], float("nan"), 1.0), "start"),
        (lambda p: raster_points(POOL, [], 0.0, 1.0, time_scale=0), "time_scale"),
        (lambda p: raster_image(p, 0, 1000.0), "n_units"),
        (lambda p: raster_image(p, 120, 1000.0, bin_width=0.0), "bin_width"),
        (lambda p: raster_image(p, 120, 1e12), "duration"),
        (lambda p: raster_image(p, 120, 1000.0, tick_rows=0), "tick_rows"),
    ],
)
def test_bad_input_is_refused_by_name(call, name) -> None:
    points = raster_points(POOL, [np.zeros(0)] * POOL.n_units, 0.0, 1.0)
    with pytest.raises(ValueError, match=name):
        call(points)
