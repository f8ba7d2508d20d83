"""Lesson 03's third experiment: force against drive, split into recruitment and rate coding.

:func:`lessons.physiology.force_sources.force_sources` gives a pool's steady force with rate
coding and with every recruited unit held at its starting rate (recruitment alone).
:func:`force_split` puts both on a grid of drives, as percentages of the force at full drive,
for a pool of a given recruitment range (largest over smallest threshold; 30 in Fuglevand,
Winter & Patla 1993, J Neurophysiol 70:2470-2488), and :meth:`ForceSplit.at` reads them at one
drive.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from lessons.physiology import _validation as check
from lessons.physiology.force_sources import ForceSources, force_sources
from lessons.physiology.pool import MotorUnitPool

#: Drive grid: 0 to 100 % of maximal excitation in 0.5 % steps.
DRIVE_GRID = np.linspace(0.0, 1.0, 201)


@dataclass(frozen=True)
class ForceSplitReading:
    """The split at one drive (%): units recruited, force with rate coding and with
    recruitment alone (% of maximal), and the drive (%) and force at the last recruitment."""

    drive_percent: float
    recruited: int
    n_units: int
    total_percent: float
    recruitment_percent: float
    full_recruitment_percent: float
    force_at_full_recruitment: float

    @property
    def rate_coding_percent(self) -> float:
        """What rate coding adds on top of recruitment alone (% of maximal force)."""
        return self.total_percent - self.recruitment_percent


@dataclass(frozen=True, eq=False)
class ForceSplit:
    """Steady force of one pool on :data:`DRIVE_GRID`: with rate coding (``total_percent``)
    and recruitment alone (``recruitment_percent``), % of the force at full drive."""

    pool: MotorUnitPool
    sources: ForceSources
    drive_percent: np.ndarray
    total_percent: np.ndarray
    recruitment_percent: np.ndarray
    full_recruitment_percent: float

    def at(self, drive_percent: float) -> ForceSplitReading:
        """The split at ``drive_percent`` (0-100), read at the nearest grid drive."""
        drive = check.scalar("drive_percent", drive_percent, 0.0, 100.0)
        index = round(drive / 100.0 * (len(DRIVE_GRID) - 1))
        sources = self.sources
        full_index = int(np.argmax(sources.recruited == self.pool.n_units))
        return ForceSplitReading(
            drive_percent=drive,
            recruited=int(sources.recruited[index]),
            n_units=self.pool.n_units,
            total_percent=float(sources.percent_of_maximum(sources.total_force[index])),
            recruitment_percent=float(sources.percent_of_maximum(sources.recruitment_force[index])),
            full_recruitment_percent=100 * self.pool.recruitment_drive,
            force_at_full_recruitment=float(
                sources.percent_of_maximum(sources.total_force[full_index])
            ),
        )


@functools.lru_cache(maxsize=32)
def force_split(recruitment_range: float = 30.0) -> ForceSplit:
    """The split for the default pool with ``recruitment_range``; each range computed once."""
    pool = MotorUnitPool(recruitment_range=recruitment_range)
    sources = force_sources(pool, DRIVE_GRID)
    return ForceSplit(
        pool=pool,
        sources=sources,
        drive_percent=DRIVE_GRID * 100.0,
        total_percent=sources.percent_of_maximum(sources.total_force),
        recruitment_percent=sources.percent_of_maximum(sources.recruitment_force),
        full_recruitment_percent=100.0 * pool.recruitment_drive,
    )
