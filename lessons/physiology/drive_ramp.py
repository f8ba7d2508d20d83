"""Lesson 03's second experiment: a slow ramp of drive, from none to full.

As the drive rises, units of the pool of Fuglevand, Winter & Patla (1993, J Neurophysiol
70:2470-2488) join in order of threshold, and the force keeps rising after the last one has
joined, by rate coding alone; recruitment is often studied this way in people, with slow ramps
(De Luca et al. 1982, J Physiol 329:113-128). :func:`drive_ramp` simulates the ramp once;
:meth:`DriveRamp.at` reads it at a time, as the lesson's cursor does.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lessons.physiology import _validation as check
from lessons.physiology.pool import MotorUnitPool
from lessons.physiology.raster import raster_image, raster_points
from lessons.physiology.steady_drive import SEED, STEP, steady_maximal_force

#: Length of the ramp from no drive to full drive, 10 s: 10 % of maximal drive per second.
RAMP_DURATION = 10.0
#: Shortest and longest ramps offered (s): at least 2 s so the order of recruitment stays
#: visible, at most 30 s to keep the simulation short.
SHORTEST_RAMP, LONGEST_RAMP = 2.0, 30.0
#: The ramp's raster shows every 5th unit (and the last), to keep it to a few thousand points.
RAMP_RASTER_EVERY = 5
#: Width of one column of the ramp's raster picture, 20 ms: 500 columns for 10 s, and shorter
#: than the shortest interval between two discharges of one unit (1/35 Hz = 29 ms).
RAMP_RASTER_BIN = 0.02
#: Rows each tick of the ramp's raster covers (the unit's own and one on each side), so the
#: every-5th-unit raster keeps visible ticks; units 116 and 120 still do not touch.
RAMP_TICK_ROWS = 3
#: Window of the running mean used for the ramp's force readout, 0.1 s.
READOUT_AVERAGE = 0.1


def running_mean(values: np.ndarray, width: int) -> np.ndarray:
    """Centred running mean over ``width`` samples; the window shrinks at the ends."""
    count = check.integer("width", width, 1, 10_000_000)
    total = np.concatenate([[0.0], np.cumsum(values)])
    index = np.arange(len(values))
    low = np.clip(index - count // 2, 0, len(values))
    high = np.clip(index + count - count // 2, 0, len(values))
    return (total[high] - total[low]) / (high - low)


@dataclass(frozen=True)
class RampReading:
    """The ramp at one time: drive (fraction), units recruited, force (% of maximal, mean
    over 0.1 s), and, once every unit is recruited, since when and the force then."""

    time: float
    drive: float
    recruited: int
    n_units: int
    force_percent: float
    full_recruitment_time: float
    force_at_full_recruitment: float | None

    @property
    def all_recruited(self) -> bool:
        return self.recruited == self.n_units


@dataclass(frozen=True, eq=False)
class DriveRamp:
    """A simulated ramp: time (s), drive (0-1) and force (% of the force at full steady
    drive, raw and smoothed) per 1 ms sample; the raster grid of every 5th unit (20 ms
    columns); and when the last unit is recruited (s)."""

    pool: MotorUnitPool
    duration: float
    time: np.ndarray
    drive: np.ndarray
    force_percent: np.ndarray
    smooth_force: np.ndarray
    cells: np.ndarray
    full_recruitment_time: float

    def at(self, time: float) -> RampReading:
        """The readout at ``time`` seconds into the ramp."""
        moment = check.scalar("time", time, 0.0, self.duration)
        index = min(round(moment / STEP), len(self.drive) - 1)
        drive = float(self.drive[index])
        recruited = int(np.sum(self.pool.rates(drive) > 0))
        then = None
        if recruited == self.pool.n_units:
            then = float(self.smooth_force[round(self.full_recruitment_time / STEP)])
        return RampReading(
            time=moment,
            drive=drive,
            recruited=recruited,
            n_units=self.pool.n_units,
            force_percent=float(self.smooth_force[index]),
            full_recruitment_time=self.full_recruitment_time,
            force_at_full_recruitment=then,
        )


def drive_ramp(
    duration: float = RAMP_DURATION, seed: int = SEED, pool: MotorUnitPool | None = None
) -> DriveRamp:
    """The default pool (or ``pool``) under a drive rising from 0 to 1 over ``duration`` s."""
    length = check.scalar("duration", duration, SHORTEST_RAMP, LONGEST_RAMP)
    pool = pool if pool is not None else MotorUnitPool()
    ramp = np.linspace(0.0, 1.0, round(length / STEP) + 1)
    activity = pool.simulate(ramp, length, STEP, seed=seed)
    force_percent = 100.0 * activity.force / steady_maximal_force(pool, seed)
    shown = np.unique(np.r_[np.arange(0, pool.n_units, RAMP_RASTER_EVERY), pool.n_units - 1])
    points = raster_points(pool, activity.spike_times, 0.0, length + STEP, shown, time_scale=1.0)
    return DriveRamp(
        pool=pool,
        duration=length,
        time=activity.time,
        drive=ramp,
        force_percent=force_percent,
        # Running mean over 0.1 s, for a readout that does not jump with each twitch.
        smooth_force=running_mean(force_percent, round(READOUT_AVERAGE / STEP)),
        cells=raster_image(points, pool.n_units, length + STEP, RAMP_RASTER_BIN, RAMP_TICK_ROWS),
        full_recruitment_time=pool.recruitment_drive * length,
    )
