"""Fatigue of a motor-unit pool under a sustained stimulus train.

Follows the motor-unit fatigue model of Potvin & Fuglevand (2017), PLoS Comput Biol
13:e1005581, built on the pool of Fuglevand et al. (1993):

- each unit loses force capacity at a rate proportional to how hard it works (its force relative
  to full fusion); the nominal rate grows exponentially across the pool over a 180-fold range,
  from 0.0225/180 per second for the first (slow, small) unit to 0.0225 per second (2.25 % of
  its rested force each second at full fusion) for the last (fast, large) unit;
- as a unit fatigues its contraction time lengthens by 0.379 times its fractional force loss
  (Shields et al. 1997, as used by Potvin & Fuglevand 2017), which moves it up its
  force-frequency curve;
- recovery is not modelled (as in Potvin & Fuglevand 2017).

Here every unit is driven at the same stimulation frequency, as by supramaximal electrical
stimulation of the nerve (a lab fatigue experiment); the firing-rate adaptation of voluntary
contractions is therefore not needed. Force is the steady mean force of each unit, in the same
arbitrary units as :mod:`lessons.physiology.pool`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from lessons.physiology import _budget
from lessons.physiology import _validation as check
from lessons.physiology.pool import MotorUnitPool
from lessons.physiology.twitch import LINEAR_SUMMATION_LIMIT

#: Fatigue rate of the most fatigable (last) unit at full fusion, per second (Potvin &
#: Fuglevand 2017: 0.0225).
LAST_UNIT_FATIGUE_RATE = 0.0225
#: Range of fatigue rates across the pool (last/first), 180 (Potvin & Fuglevand 2017).
FATIGUE_RATE_RANGE = 180.0
#: Lengthening of contraction time per unit of fractional force loss, 0.379 (Shields et al.
#: 1997, as used by Potvin & Fuglevand 2017).
CONTRACTION_TIME_SLOWING = 0.379
#: Default update step, 0.1 s: Potvin & Fuglevand suggest sampling the model at 10 Hz.
DEFAULT_STEP = 0.1
#: Longest fatigue protocol accepted, 1 hour.
MAX_DURATION = 3600.0
#: Most update steps one call may take, 36,000 (an hour at the default 0.1 s): each step is
#: one pass of a Python loop (the capacity of the next step depends on this one, so the steps
#: cannot be vectorised), about 30 microseconds, so the longest call takes about a second.
MAX_STEPS = 36_000


@dataclass(frozen=True, eq=False)
class FatigueCourse:
    """Mean force over time (arbitrary units and relative to the start), and each unit's
    remaining capacity (fraction of rested twitch force) and contraction time (s)."""

    time: np.ndarray
    force: np.ndarray
    relative_force: np.ndarray
    capacity: np.ndarray
    contraction_times: np.ndarray


def relative_unit_force(normalised_rate: np.ndarray) -> np.ndarray:
    """Steady force of a unit relative to full fusion at normalised rate ``x = T f``: linear up
    to 0.4, then ``S(x) = 1 - exp(-2 x^3)`` (Fuglevand et al. 1993; Potvin & Fuglevand 2017)."""
    limit = LINEAR_SUMMATION_LIMIT
    at_limit = 1.0 - math.exp(-2.0 * limit**3)
    return np.where(
        normalised_rate <= limit,
        normalised_rate / limit * at_limit,
        1.0 - np.exp(-2.0 * normalised_rate**3),
    )


def fatigue_rates(pool: MotorUnitPool) -> np.ndarray:
    """Nominal fatigue rate of each unit (fraction of rested force per second at full fusion)."""
    rank = np.arange(pool.n_units) / max(pool.n_units - 1, 1)
    return LAST_UNIT_FATIGUE_RATE / FATIGUE_RATE_RANGE * np.exp(math.log(FATIGUE_RATE_RANGE) * rank)


def sustained_stimulation(
    frequency: float,
    duration: float,
    pool: MotorUnitPool | None = None,
    step: float = DEFAULT_STEP,
) -> FatigueCourse:
    """Force decline while every unit of ``pool`` is stimulated at ``frequency`` (Hz)."""
    rate = check.positive("frequency", frequency, 200.0)
    length = check.positive("duration", duration, MAX_DURATION)
    dt = check.scalar("step", step, 0.001, 1.0)
    if pool is not None and not isinstance(pool, MotorUnitPool):
        raise ValueError(f"pool must be a MotorUnitPool or None; got {pool!r:.60}")
    units = pool if pool is not None else MotorUnitPool()
    if length / dt > MAX_STEPS:
        raise ValueError(
            f"step={step!r} s for duration={duration!r} s needs {math.floor(length / dt)} "
            f"updates; the allowed range is at most {MAX_STEPS} (step >= duration/{MAX_STEPS})"
        )
    n_steps = check.sample_count("duration", length, dt, "step")
    # Capacity and contraction time of every unit at every step, four series over time, and
    # a megabyte for the loop's per-unit temporaries.
    _budget.require(
        "pool",
        f"{units.n_units} units",
        _budget.FLOAT * (2 * units.n_units + 4) * n_steps + 2**20,
        "fewer units, a shorter duration or a larger step",
    )
    rested_time = units.contraction_times
    rates = fatigue_rates(units)
    capacity = np.ones(units.n_units)
    limit = LINEAR_SUMMATION_LIMIT
    to_force = units.peak_forces * math.e * limit / (1.0 - math.exp(-2.0 * limit**3))
    capacities = np.empty((units.n_units, n_steps))
    contraction_times = np.empty((units.n_units, n_steps))
    force = np.empty(n_steps)
    for index in range(n_steps):
        slowed = rested_time * (1.0 + CONTRACTION_TIME_SLOWING * (1.0 - capacity))
        relative = relative_unit_force(slowed * rate)
        capacities[:, index] = capacity
        contraction_times[:, index] = slowed
        force[index] = float(np.sum(to_force * capacity * relative))
        capacity = np.maximum(capacity - rates * relative * dt, 0.0)
    time = np.arange(n_steps) * dt
    relative_force = force / force[0] if force[0] > 0 else np.zeros(n_steps)
    return FatigueCourse(time, force, relative_force, capacities, contraction_times)
