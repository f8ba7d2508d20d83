"""Lesson 02's fatigue experiment: the whole default pool stimulated for 3 minutes.

Runs :func:`lessons.physiology.sustained_stimulation` (Potvin & Fuglevand 2017) at the
frequencies the lesson offers and reads each course at the moment a student looks at. Times
are in seconds, frequencies in hertz.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from lessons.physiology import _validation as check
from lessons.physiology.fatigue import FatigueCourse, sustained_stimulation
from lessons.physiology.pool import MotorUnitPool

#: Every unit of the default pool is stimulated for 3 minutes, long enough for the fastest
#: units to lose almost all their force at 30 Hz (Potvin & Fuglevand 2017, fig. 3).
FATIGUE_DURATION = 180.0
#: The train drawn for comparison, 10 Hz: about the lowest rate of voluntary firing.
FATIGUE_REFERENCE_FREQUENCY = 10.0
#: Update step of the fatigue model, 0.1 s (Potvin & Fuglevand 2017 suggest 10 Hz).
FATIGUE_STEP = 0.1
#: Train frequencies offered, 5 to 60 Hz in 5 Hz steps.
MIN_FATIGUE_FREQUENCY, MAX_FATIGUE_FREQUENCY = 5.0, 60.0
FATIGUE_FREQUENCIES = np.arange(MIN_FATIGUE_FREQUENCY, MAX_FATIGUE_FREQUENCY + 1, 5.0)


@dataclass(frozen=True, eq=False)
class FatigueMoment:
    """A course read at one ``time``: the muscle's force relative to its start (then and at
    the end of the protocol) and each unit's remaining ``capacity`` (fraction of rested)."""

    time: float
    relative_force: float
    final_relative_force: float
    capacity: np.ndarray


@functools.lru_cache(maxsize=1)
def default_pool() -> MotorUnitPool:
    """The default pool of Fuglevand et al. (1993), 120 units, built once."""
    return MotorUnitPool()


@functools.lru_cache(maxsize=len(FATIGUE_FREQUENCIES) + 1)
def fatigue_course(frequency: float) -> FatigueCourse:
    """The 3-minute course at one frequency. Each costs some 30 to 60 ms, so a lesson computes
    all twelve once (under a second) and a slider move only looks one up."""
    rate = check.scalar("frequency", frequency, MIN_FATIGUE_FREQUENCY, MAX_FATIGUE_FREQUENCY)
    return sustained_stimulation(rate, FATIGUE_DURATION, default_pool(), FATIGUE_STEP)


def strongest_starting_force() -> float:
    """The highest starting force over every offered frequency: one force axis fits them all."""
    return max(float(fatigue_course(rate).force[0]) for rate in FATIGUE_FREQUENCIES)


def fatigue_moment(frequency: float, time: float) -> FatigueMoment:
    """The course at ``frequency`` read at the update step nearest ``time``."""
    moment = check.scalar("time", time, 0.0, FATIGUE_DURATION)
    course = fatigue_course(frequency)
    index = min(round(moment / FATIGUE_STEP), len(course.time) - 1)
    return FatigueMoment(
        float(course.time[index]),
        float(course.relative_force[index]),
        float(course.relative_force[-1]),
        course.capacity[:, index],
    )
