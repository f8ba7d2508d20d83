"""Lesson 03's first experiment: the motor-unit pool under a steady drive.

At each drive the pool of Fuglevand, Winter & Patla (1993, J Neurophysiol 70:2470-2488)
recruits the units whose threshold the drive has reached, each firing faster as the drive
grows. :class:`SteadyDrive` simulates one second of it after a settling time and gives the
raster, the force as a percentage of the force at full drive, and each unit's rate.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lessons.physiology import _validation as check
from lessons.physiology.pool import MotorUnitPool, PoolActivity
from lessons.physiology.raster import raster_image, raster_points

#: Simulation step, 1 ms: resolves the fastest (30 ms) twitches of the default pool.
STEP = 0.001
#: Length of the steady-drive window shown, 1 s, so the ticks in a raster row are the rate in Hz.
WINDOW = 1.0
#: Simulated time before the window, 0.5 s: units start at random phases at time 0, and by
#: 0.5 s (5.6 contraction times of the slowest, 90 ms unit) the missing tail of earlier
#: twitches, (1 + t/T) exp(-t/T) of a twitch's area, is under 3 % of the steady force.
SETTLING = 0.5
#: Seed of the discharge times, so the notebook and its stored outputs are reproducible.
SEED = 3


def window_slice(activity: PoolActivity) -> slice:
    """The samples of ``activity`` after the settling time."""
    first = round(SETTLING / STEP)
    return slice(first, len(activity.time))


def steady_maximal_force(pool: MotorUnitPool, seed: int = SEED) -> float:
    """Mean force over the shown window at full drive: the 100 % of the force axes."""
    activity = pool.simulate(1.0, SETTLING + WINDOW, STEP, seed=seed)
    return float(activity.force[window_slice(activity)].mean())


@dataclass(frozen=True, eq=False)
class SteadyState:
    """One second of the pool at ``percent`` % drive.

    ``cells`` is the raster grid (:func:`~lessons.physiology.raster.raster_image`, 2 ms
    columns); ``force_percent`` the force over the window, % of the force at full drive;
    ``rates`` every unit's rate (Hz, 0 if silent). The rate panel's arrays are split into
    firing and silent units (unit numbers from 1), in compact dtypes for the browser.
    """

    percent: int
    cells: np.ndarray
    force_percent: np.ndarray
    rates: np.ndarray
    firing_units: np.ndarray
    firing_rates: np.ndarray
    firing_contraction_ms: np.ndarray
    silent_units: np.ndarray

    @property
    def recruited(self) -> int:
        """Number of units firing (units 1 to ``recruited``: recruitment is in order)."""
        return int(np.sum(self.rates > 0))

    @property
    def silent_rates(self) -> np.ndarray:
        """The silent units' rates, all 0 Hz."""
        return np.zeros(len(self.silent_units), dtype=np.float32)

    @property
    def mean_force(self) -> float:
        """Mean force over the window, % of the force at full drive."""
        return float(self.force_percent.mean())


class SteadyDrive:
    """The default pool at steady drives; each drive is simulated once, then reused."""

    def __init__(self, seed: int = SEED, pool: MotorUnitPool | None = None) -> None:
        check.random_generator("seed", seed)
        self.seed = seed
        self.pool = pool if pool is not None else MotorUnitPool()
        self.maximal_force = steady_maximal_force(self.pool, seed)
        self.unit_numbers = np.arange(1, self.pool.n_units + 1, dtype=np.int16)
        self.contraction_ms = self.pool.contraction_times * 1000.0
        #: Sample times of the window (ms), for the force trace.
        self.window_ms = np.arange(round(WINDOW / STEP) + 1) * STEP * 1000.0
        self._states: dict[int, SteadyState] = {}

    def blank_cells(self) -> np.ndarray:
        """A raster grid with no discharge (the shape of every state's ``cells``)."""
        silence = raster_points(self.pool, [np.zeros(0)] * self.pool.n_units, 0, 1)
        return raster_image(silence, self.pool.n_units, WINDOW * 1000.0)

    def at(self, percent: int) -> SteadyState:
        """The pool at ``percent`` % of maximal drive (a whole number from 0 to 100)."""
        percent = check.integer("percent", percent, 0, 100)
        if percent not in self._states:
            self._states[percent] = self._simulate(percent)
        return self._states[percent]

    def _simulate(self, percent: int) -> SteadyState:
        pool = self.pool
        activity = pool.simulate(percent / 100.0, SETTLING + WINDOW, STEP, seed=self.seed)
        points = raster_points(pool, activity.spike_times, SETTLING, SETTLING + WINDOW + STEP)
        force = 100.0 * activity.force[window_slice(activity)] / self.maximal_force
        rates = pool.rates(percent / 100.0)
        firing = rates > 0
        return SteadyState(
            percent=percent,
            cells=raster_image(points, pool.n_units, WINDOW * 1000.0),
            force_percent=force.astype(np.float32),
            rates=rates,
            firing_units=self.unit_numbers[firing],
            firing_rates=rates[firing].astype(np.float32),
            firing_contraction_ms=self.contraction_ms[firing].astype(np.float32),
            silent_units=self.unit_numbers[~firing],
        )
