"""Lesson 05's calf: one picture and one set of pools for a fasciculation, a fibrillation and
a cramp, so that their sizes compare honestly.

The calf picture (gastrocnemius medialis and lateralis, soleus; ``muscle_cross_section``) gets
one Fuglevand pool per muscle (Fuglevand, Winter & Patla 1993) with as many units as the
picture draws and the picture's 10-fold range of unit sizes (``geometry.UNIT_SIZE_RANGE``),
indexed in the same recruitment order (smallest first), so a unit's drawn size and its twitch
force agree. The events themselves are in ``calf_events`` and ``calf_cramp``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np

from lessons.physiology import _validation as check
from lessons.physiology.emg import EmgSignal
from lessons.physiology.geometry import (
    MEDIAL_GASTROCNEMIUS_INNERVATION,
    UNIT_SIZE_RANGE,
    CrossSection,
    muscle_cross_section,
)
from lessons.physiology.pool import MotorUnitPool
from lessons.physiology.spontaneous import SpontaneousActivity

#: The three events, in the order the lesson presents them.
EVENTS = ("fasciculation", "fibrillation", "cramp")
#: Time window simulated (s): long enough for a cramp of a few seconds and the calm around it.
WINDOW = 8.0
#: When the event starts in the window (s).
ONSET = 1.0
#: Length of the simulated cramp, 5 s: a teaching value at the short end of real calf cramps,
#: which last from a few seconds up to 10 minutes (NHS, "Leg cramps").
CRAMP_DURATION = 5.0
#: Default share of each calf muscle's units that the cramp recruits: a teaching value (no study
#: has counted the share of units active in a spontaneous calf cramp).
DEFAULT_CRAMP_SHARE = 0.6
#: Force sampling step, 2 ms: resolves the fastest 30 ms twitches of the pool.
FORCE_STEP = 0.002
#: Needle EMG sampling rate, 10 kHz (the physiology package's default for needle EMG).
EMG_RATE = 10_000.0
#: Baseline noise of the needle recording, 10 microvolts rms: a teaching value that leaves a
#: 100 microvolt fibrillation potential clearly above the baseline.
EMG_NOISE = 10e-6
#: The needle sits in this muscle during a cramp.
NEEDLE_MUSCLE = "gastrocnemius medialis"
#: Fibrillation rate used in the lesson, 5 Hz (inside the regular 0.5-15 Hz range of Davalos &
#: Kushlaf, StatPearls; the physiology package's default).
FIBRILLATION_RATE = 5.0
#: Part of the cramp's force called its plateau (s after ``ONSET``): past the rise, before the
#: end of ``CRAMP_DURATION``.
PLATEAU = (1.0, 4.5)
#: Largest seed or draw number: numpy's seeds are unsigned 64-bit integers.
MAX_SEED = 2**64 - 1


@dataclass(frozen=True, eq=False)
class CalfModel:
    """The calf picture, one motor-unit pool per muscle, and the force of a single fibre.

    ``fibre_force`` (arbitrary units) is the mean twitch force of a calf unit divided by its
    fibre count (innervation number about 1934; Feinstein et al. 1955): the share of force one
    fibre contributes, assuming all fibres of a unit pull alike.
    """

    section: CrossSection
    pools: tuple[MotorUnitPool, ...]
    fibre_force: float

    def pool_of(self, muscle: str) -> MotorUnitPool:
        return self.pools[self.section.muscle_names.index(muscle)]

    def fibres_per_point(self, muscle: str) -> float:
        return self.section.fibres_per_point[self.section.muscle_names.index(muscle)]

    def rank_of(self, unit: int) -> tuple[str, int]:
        """Muscle of a section unit and its rank in that muscle (0 = smallest)."""
        muscle = self.section.muscle_names[int(self.section.unit_muscle[unit])]
        return muscle, int(np.flatnonzero(self.section.units_in(muscle) == unit)[0])


@lru_cache(maxsize=2)
def calf_model(seed: int = 0) -> CalfModel:
    """The lesson's calf: 3000 drawn fibres in 120 units (seeded, deterministic)."""
    section = muscle_cross_section("calf", seed=seed)
    pools = tuple(
        MotorUnitPool(n_units=len(section.units_in(name)), force_range=UNIT_SIZE_RANGE)
        for name in section.muscle_names
    )
    mean_unit_force = float(np.mean(pools[0].peak_forces))
    return CalfModel(section, pools, mean_unit_force / MEDIAL_GASTROCNEMIUS_INNERVATION)


def check_seed(seed: int, name: str = "seed") -> int:
    """A seed or draw number: a whole number >= 0 (the same number gives the same event)."""
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise ValueError(f"{name} must be a whole number >= 0; got {seed!r}")
    return check.integer(name, seed, 0, MAX_SEED)


def time_above_half_peak(force: np.ndarray, step: float) -> float:
    """Length (s) of the longest run of samples at or above half the peak of ``force``."""
    peak = float(np.max(force, initial=0.0))
    if peak <= 0:
        return 0.0
    above = np.concatenate([[0], (force >= 0.5 * peak).astype(np.int8), [0]])
    edges = np.flatnonzero(np.diff(above))
    return float((edges[1::2] - edges[0::2]).max() * step)


@dataclass(frozen=True, eq=False)
class CalfEvent:
    """One spontaneous event in the calf, with everything the lesson shows of it.

    ``force`` is the summed force of the calf (arbitrary units) sampled every ``FORCE_STEP``;
    ``moving`` marks the drawn fibres (points) that visibly contract; ``fibres`` is the number
    of muscle fibres that contract, at the scale of the picture; ``fibre_point`` is the drawn
    point where a fibrillating fibre lies (``None`` for the other events). The summaries are
    computed once per event, since every redraw of the lesson reads them.
    """

    kind: str
    activity: SpontaneousActivity
    units: tuple[int, ...]
    muscles: tuple[str, ...]
    fibres: int
    time: np.ndarray
    force: np.ndarray
    emg: EmgSignal
    needle_muscle: str
    moving: np.ndarray
    fibre_point: int | None = None

    @cached_property
    def peak_force(self) -> float:
        return float(self.force.max())

    @cached_property
    def duration(self) -> float:
        """Longest stretch (s) during which the force stays at or above half its peak."""
        return time_above_half_peak(self.force, FORCE_STEP)

    @cached_property
    def emg_peak(self) -> float:
        """Largest excursion of the needle EMG from zero (V)."""
        return float(np.abs(self.emg.voltage).max())

    @cached_property
    def lit_points(self) -> int:
        """How many drawn points light up."""
        return int(self.moving.sum())

    @property
    def discharges(self) -> int:
        """Discharges of the first source (the fasciculating unit or fibrillating fibre)."""
        return len(self.activity.spike_times[0])

    @cached_property
    def plateau_ripple(self) -> float:
        """Standard deviation of the force over ``PLATEAU``, in % of its mean: how smooth a
        cramp's summed twitches are."""
        start, stop = (round((ONSET + edge) / FORCE_STEP) for edge in PLATEAU)
        plateau = self.force[start:stop]
        return float(100.0 * plateau.std() / plateau.mean())

    def percent_of(self, reference_force: float) -> float:
        """This event's peak force in % of ``reference_force`` (0 for a zero reference)."""
        return 100.0 * self.peak_force / reference_force if reference_force > 0 else 0.0
