"""Discharges of a motor-unit pool as raster data: one row per unit, one tick per spike.

Lesson 03 shows which units of the pool of Fuglevand, Winter & Patla (1993, J Neurophysiol
70:2470-2488) fire and when. :func:`raster_points` lists the discharges in a time window with
each unit's contraction time (the tick's colour); :func:`raster_image` bins them into a grid
of cells, one row per unit, that a figure draws as one picture.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from lessons.physiology import _validation as check
from lessons.physiology.pool import MotorUnitPool

#: Width of one column of a one-second raster, 2 ms: narrower than the shortest interval
#: between two discharges of one unit (1/35 Hz = 29 ms in the default pool), so no discharge
#: is lost to a shared column.
RASTER_BIN_MS = 2.0
#: Most columns one raster may have (a 1000 x 120 grid is 120 kB).
MAX_COLUMNS = 100_000


@dataclass(frozen=True, eq=False)
class RasterPoints:
    """Discharges ready to plot: time (ms or s), unit number (1 = first recruited) and the
    unit's contraction time (ms), which sets the tick's colour."""

    time: np.ndarray
    unit: np.ndarray
    contraction_time_ms: np.ndarray


def raster_points(
    pool: MotorUnitPool,
    spike_times: Sequence[np.ndarray],
    start: float,
    stop: float,
    units: Sequence[int] | np.ndarray | None = None,
    time_scale: float = 1000.0,
) -> RasterPoints:
    """The discharges of ``units`` (0-based indices; all by default) in [start, stop) seconds.

    Times are shifted to start at 0 and multiplied by ``time_scale`` (1000 gives ms).
    """
    start = check.scalar("start", start)
    stop = check.scalar("stop", stop, start)
    scale = check.positive("time_scale", time_scale)
    indices = np.arange(pool.n_units) if units is None else np.asarray(units, dtype=int)
    times, numbers = [], []
    for index in indices:
        train = np.asarray(spike_times[index])
        inside = train[(train >= start) & (train < stop)]
        times.append((inside - start) * scale)
        numbers.append(np.full(len(inside), index + 1))
    unit = np.concatenate(numbers) if numbers else np.zeros(0, dtype=int)
    contraction_ms = pool.contraction_times[unit - 1] * 1000.0 if len(unit) else np.zeros(0)
    # Compact dtypes: the widget sends such arrays to the browser as binary buffers.
    return RasterPoints(
        time=(np.concatenate(times) if times else np.zeros(0)).astype(np.float32),
        unit=unit.astype(np.int16),
        contraction_time_ms=contraction_ms.astype(np.float32),
    )


def raster_image(
    points: RasterPoints,
    n_units: int,
    duration: float,
    bin_width: float = RASTER_BIN_MS,
    tick_rows: int = 1,
) -> np.ndarray:
    """The discharges as a grid: one row per unit (row 0 = unit 1), one column per
    ``bin_width`` of ``duration`` (both in the unit of ``points.time``).

    A cell holds the unit's contraction time in whole ms (30-90 in the default pool: its
    colour) if the unit fired in that column, 0 if not. ``tick_rows`` > 1 draws each tick over
    that many rows centred on its unit, for a raster that shows only every few units.
    """
    rows = check.integer("n_units", n_units, 1, 2000)
    width = check.positive("bin_width", bin_width)
    length = check.positive("duration", duration, MAX_COLUMNS * width)
    thickness = check.integer("tick_rows", tick_rows, 1, 99)
    columns = math.ceil(length / width)
    cells = np.zeros((rows, columns), dtype=np.uint8)
    column = np.clip((points.time / width).astype(int), 0, columns - 1)
    value = np.clip(np.round(points.contraction_time_ms), 1, 255).astype(np.uint8)
    row = points.unit.astype(int) - 1
    for offset in range(-(thickness // 2), thickness - thickness // 2):
        inside = (row + offset >= 0) & (row + offset < rows)
        cells[row[inside] + offset, column[inside]] = value[inside]
    return cells
