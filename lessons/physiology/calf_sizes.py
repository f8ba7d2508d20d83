"""How far apart the three events of lesson 05 stay: peak force, duration and fibres involved.

A slider move must not re-run the cramp's pools, so the numbers are precomputed once: every
twitch of the gastrocnemius medialis (the units that could fasciculate), one fibre's twitch,
and running sums of the full cramp's force and fibres, unit by unit in recruitment order (a
cramp recruiting the first ``n`` units of a muscle is the ``n``-th running sum).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from lessons.physiology import _validation as check
from lessons.physiology.calf import (
    FORCE_STEP,
    NEEDLE_MUSCLE,
    WINDOW,
    calf_model,
    time_above_half_peak,
)
from lessons.physiology.calf_cramp import cramp_trains, cramp_units
from lessons.physiology.stimulation import evoked_force
from lessons.physiology.twitch import DEFAULT_CONTRACTION_TIME


@dataclass(frozen=True)
class EventSize:
    """An event's peak force (arbitrary units), time above half its peak (s) and fibres."""

    peak_force: float
    duration: float
    fibres: float


@dataclass(frozen=True, eq=False)
class CalfSizes:
    """What the comparison precomputes once (see the module docstring)."""

    unit_peak: np.ndarray
    unit_duration: np.ndarray
    unit_fibres: np.ndarray
    fibre_peak: float
    fibre_duration: float
    cumulative_force: dict[str, np.ndarray]
    cumulative_fibres: dict[str, np.ndarray]

    @property
    def n_units(self) -> int:
        """Units of the gastrocnemius medialis that could fasciculate."""
        return len(self.unit_peak)


def _unit_twitches() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Peak, duration and fibres of one twitch of each gastrocnemius medialis unit."""
    model = calf_model()
    section = model.section
    pool = model.pool_of(NEEDLE_MUSCLE)
    _, twitches = pool.force([np.zeros(1)] * pool.n_units, 1.0, FORCE_STEP)
    durations = np.array([time_above_half_peak(row, FORCE_STEP) for row in twitches])
    points = [section.fibres_of_unit(int(u)).sum() for u in section.units_in(NEEDLE_MUSCLE)]
    fibres = np.array(points) * model.fibres_per_point(NEEDLE_MUSCLE)
    return twitches.max(axis=1), durations, fibres


@lru_cache(maxsize=1)
def calf_sizes() -> CalfSizes:
    """The precomputed numbers of the lesson's calf (cached: computed once per kernel)."""
    model = calf_model()
    section = model.section
    unit_peak, unit_duration, unit_fibres = _unit_twitches()
    fibre = evoked_force(
        np.zeros(1), 1.0, FORCE_STEP, model.fibre_force, DEFAULT_CONTRACTION_TIME, 0.0
    )
    trains = cramp_trains(1.0, 0)
    cumulative_force, cumulative_fibres = {}, {}
    for name in section.muscle_names:
        _, unit_force = model.pool_of(name).force(trains[name], WINDOW, FORCE_STEP)
        cumulative_force[name] = np.cumsum(unit_force, axis=0)
        counts = [section.fibres_of_unit(int(u)).sum() for u in section.units_in(name)]
        cumulative_fibres[name] = np.cumsum(counts) * model.fibres_per_point(name)
    return CalfSizes(
        unit_peak=unit_peak,
        unit_duration=unit_duration,
        unit_fibres=unit_fibres,
        fibre_peak=float(fibre.force.max()),
        fibre_duration=time_above_half_peak(fibre.force, FORCE_STEP),
        cumulative_force=cumulative_force,
        cumulative_fibres=cumulative_fibres,
    )


def cramp_size(share: float) -> EventSize:
    """Size of the default cramp recruiting ``share`` of each muscle's units (from the
    precomputed running sums; the same numbers as ``cramp_event(share)``)."""
    data = calf_sizes()
    force = np.zeros(0)
    fibres = 0.0
    for name, count in cramp_units(share).items():
        row = data.cumulative_force[name][count - 1]
        force = row if force.size == 0 else force + row
        fibres += data.cumulative_fibres[name][count - 1]
    return EventSize(float(force.max()), time_above_half_peak(force, FORCE_STEP), float(fibres))


@dataclass(frozen=True)
class SizeComparison:
    """The three events' sizes side by side, with the ratios the lesson reads out."""

    fasciculation: EventSize
    fibrillation: EventSize
    cramp: EventSize

    def of(self, kind: str) -> EventSize:
        """The size of event ``kind`` (one of ``EVENTS``)."""
        return getattr(self, kind)

    @property
    def cramp_over_unit(self) -> float:
        """How many times the fasciculating unit's peak force the cramp's is."""
        return self.cramp.peak_force / self.fasciculation.peak_force

    @property
    def cramp_over_fibre(self) -> float:
        """How many times one fibrillating fibre's peak force the cramp's is."""
        return self.cramp.peak_force / self.fibrillation.peak_force

    @property
    def cramp_longer(self) -> float:
        """How many times longer the cramp stays above half its peak than one twitch."""
        return self.cramp.duration / self.fasciculation.duration


def compare_sizes(unit_rank: int, cramp_share: float) -> SizeComparison:
    """Unit ``unit_rank`` of the gastrocnemius medialis (1 = smallest) fasciculating, one fibre
    fibrillating, and a cramp recruiting ``cramp_share`` of each muscle's units."""
    data = calf_sizes()
    rank = check.integer("unit_rank", unit_rank, 1, data.n_units) - 1
    unit = EventSize(
        float(data.unit_peak[rank]), float(data.unit_duration[rank]), float(data.unit_fibres[rank])
    )
    fibre = EventSize(data.fibre_peak, data.fibre_duration, 1.0)
    return SizeComparison(unit, fibre, cramp_size(cramp_share))
