"""Where a motor-unit pool's force comes from: recruitment, and rate coding on top of it.

A pool grades its force in two ways (Fuglevand, Winter & Patla 1993, J Neurophysiol
70:2470-2488): more units are recruited as drive rises, and each recruited unit fires faster.
To separate the two, this module computes the steady mean force of the pool twice: once with
every recruited unit at its rate-coded firing rate (the model as it is), and once with every
recruited unit held at the pool's minimum (starting) rate, that is, recruitment alone. The
difference is what rate coding adds. Mean forces are those of regular discharge trains
(:func:`lessons.physiology.stimulation.steady_mean_force`: twitch area times rate times the
force-frequency gain), so they are exact for the model's twitch and gain and leave out only
the small effect of interval variability.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from lessons.physiology import _validation as check
from lessons.physiology.pool import MotorUnitPool
from lessons.physiology.stimulation import MAX_FREQUENCY, steady_mean_force

#: Bytes per unit and rate of :func:`unit_mean_forces`: the rates, range masks, equivalent
#: rates, the forces and the steady-mean-force temporaries of the firing ones.
_BYTES_PER_RATE = 160


@dataclass(frozen=True, eq=False)
class ForceSources:
    """Steady mean force of a pool at each drive, split into recruitment and rate coding.

    ``drive`` is a fraction (0-1) of maximal excitation; ``recruited`` the number of units at
    or above their recruitment threshold; ``total_force`` the force with rate coding (arbitrary
    units); ``recruitment_force`` the force of the same units all firing at the pool's minimum
    rate; ``maximal_force`` the total force at full drive (drive 1).
    """

    drive: np.ndarray
    recruited: np.ndarray
    total_force: np.ndarray
    recruitment_force: np.ndarray
    maximal_force: float

    @property
    def rate_coding_force(self) -> np.ndarray:
        """Force added by rate coding: the total minus recruitment alone (arbitrary units)."""
        return self.total_force - self.recruitment_force

    def percent_of_maximum(self, force: ArrayLike) -> np.ndarray:
        """``force`` as a percentage of the pool's maximal force."""
        return 100.0 * np.asarray(force, dtype=float) / self.maximal_force


def unit_mean_forces(pool: MotorUnitPool, rates: ArrayLike) -> np.ndarray:
    """Steady mean force (arbitrary units) of each unit of ``pool`` firing at ``rates`` (Hz).

    ``rates`` has one row per unit (shape ``(n_units, ...)``, as returned by
    :meth:`MotorUnitPool.rates`); a rate of 0 means the unit is silent and adds no force.
    """
    _check_pool(pool)
    values = check.finite_array("rates", rates, bytes_per_element=_BYTES_PER_RATE)
    if values.ndim == 0 or values.shape[0] != pool.n_units:
        raise ValueError(
            f"rates must have one row per unit ({pool.n_units}); got shape {values.shape}"
        )
    outside = ~np.isfinite(values) | (values < 0) | (values > MAX_FREQUENCY)
    if np.any(outside):
        bad = values[outside].ravel()[0]
        raise ValueError(f"rates must be in [0, {MAX_FREQUENCY:g}] Hz; got a value {bad!r}")
    per_unit = values.reshape(pool.n_units, -1)
    # The steady mean force P T e f gain(T f) depends on the contraction time T only through
    # the twitch area and the normalised rate x = T f, so a unit with time T firing at f makes
    # P times the force of a unit of size 1 with the reference time T_ref firing at x / T_ref.
    # That lets one vectorised call of steady_mean_force serve every unit at once.
    reference = float(pool.contraction_times.max())
    equivalent = per_unit * (pool.contraction_times[:, np.newaxis] / reference)
    scale = np.broadcast_to(pool.peak_forces[:, np.newaxis], per_unit.shape)
    firing = per_unit > 0
    forces = np.zeros_like(per_unit)
    if np.any(firing):
        forces[firing] = scale[firing] * steady_mean_force(equivalent[firing], 1.0, reference)
    return forces.reshape(values.shape)


def force_sources(pool: MotorUnitPool, drive: ArrayLike) -> ForceSources:
    """Steady mean force of ``pool`` at each ``drive`` (0-1), with and without rate coding."""
    _check_pool(pool)
    # Rates with their temporaries, then the mean forces, for every unit and drive value.
    per_drive = (MotorUnitPool._RATE_BYTES + _BYTES_PER_RATE + 2) * pool.n_units
    levels = check.array_in_range("drive", drive, 0.0, 1.0, bytes_per_element=per_drive)
    # Full drive is appended so the maximal force comes out of the same pass.
    rates = pool.rates(np.append(levels.ravel(), 1.0))
    totals = unit_mean_forces(pool, rates).sum(axis=0)
    firing = rates[:, :-1] > 0
    # Recruitment alone: each recruited unit adds its force at the minimum rate.
    starting_forces = unit_mean_forces(pool, np.full(pool.n_units, pool.min_rate))
    recruitment = starting_forces @ firing
    shape = levels.shape
    return ForceSources(
        drive=levels,
        recruited=firing.sum(axis=0).reshape(shape),
        total_force=totals[:-1].reshape(shape),
        recruitment_force=recruitment.reshape(shape),
        maximal_force=float(totals[-1]),
    )


def _check_pool(pool: object) -> None:
    if not isinstance(pool, MotorUnitPool):
        raise ValueError(f"pool must be a MotorUnitPool; got {type(pool).__name__}")
