"""A cramp in lesson 05's calf: many units in all three muscles firing fast for seconds.

Every calf unit's discharges come from one seeded cramp (``spontaneous.cramp``, 6-25 Hz per
unit after Minetto et al. 2009); a cramp recruiting a share of the units keeps each muscle's
first (smallest) units, the recruitment order, so every share draws from the same discharges
and a bigger cramp contains the smaller one.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import numpy as np

from lessons.physiology import _validation as check
from lessons.physiology.calf import (
    CRAMP_DURATION,
    DEFAULT_CRAMP_SHARE,
    EMG_NOISE,
    EMG_RATE,
    FORCE_STEP,
    NEEDLE_MUSCLE,
    ONSET,
    WINDOW,
    CalfEvent,
    calf_model,
    check_seed,
)
from lessons.physiology.emg import needle_emg
from lessons.physiology.geometry import moving_fibres
from lessons.physiology.spontaneous import SpontaneousActivity, cramp

#: Smallest share of each muscle's units a cramp may recruit (one unit or more per muscle).
MIN_CRAMP_SHARE = 0.05


def cramp_units(share: float) -> dict[str, int]:
    """How many units of each calf muscle a cramp recruiting ``share`` (0.05-1) of them uses."""
    share = check.scalar("share", share, MIN_CRAMP_SHARE, 1.0)
    section = calf_model().section
    return {
        name: max(1, round(share * len(section.units_in(name)))) for name in section.muscle_names
    }


@lru_cache(maxsize=8)
def _full_cramp(seed: int) -> SpontaneousActivity:
    """A cramp with every calf unit, times shifted to start at ``ONSET``."""
    section = calf_model().section
    layout = {name: len(section.units_in(name)) for name in section.muscle_names}
    activity = cramp(CRAMP_DURATION, layout, seed=seed)
    shifted = tuple(times + ONSET for times in activity.spike_times)
    return replace(activity, duration=WINDOW, spike_times=shifted)


def cramp_trains(share: float, seed: int = 0) -> dict[str, list[np.ndarray]]:
    """Discharge times of each muscle's units (all units, empty for those not recruited)."""
    full = _full_cramp(check_seed(seed))
    trains: dict[str, list[np.ndarray]] = {}
    start = 0
    for name, count in cramp_units(share).items():
        size = full.muscles.count(name)
        unit_trains = list(full.spike_times[start : start + size])
        trains[name] = unit_trains[:count] + [np.zeros(0)] * (size - count)
        start += size
    return trains


def _recruited_activity(
    wanted: dict[str, int], trains: dict[str, list[np.ndarray]]
) -> SpontaneousActivity:
    """The recruited units' discharges only, muscle by muscle."""
    muscles = [name for name, count in wanted.items() for _ in range(count)]
    kept = [train for name, count in wanted.items() for train in trains[name][:count]]
    return SpontaneousActivity(
        kind="cramp",
        duration=WINDOW,
        sources=tuple(range(len(kept))),
        muscles=tuple(muscles),
        spike_times=tuple(kept),
    )


def cramp_event(share: float = DEFAULT_CRAMP_SHARE, seed: int = 0) -> CalfEvent:
    """A cramp of ``CRAMP_DURATION`` seconds recruiting ``share`` of each calf muscle's units
    (smallest first, the recruitment order), each firing at its own 6-25 Hz rate."""
    seed = check_seed(seed)
    model = calf_model()
    section = model.section
    wanted = cramp_units(share)
    trains = cramp_trains(share, seed)
    force = np.zeros(0)
    units: list[int] = []
    fibres = 0.0
    for name, count in wanted.items():
        time, unit_force = model.pool_of(name).force(trains[name], WINDOW, FORCE_STEP)
        force = unit_force.sum(axis=0) if force.size == 0 else force + unit_force.sum(axis=0)
        recruited = section.units_in(name)[:count]
        units += [int(unit) for unit in recruited]
        fibres += np.isin(section.unit, recruited).sum() * model.fibres_per_point(name)
    activity = _recruited_activity(wanted, trains)
    emg = needle_emg(
        trains[NEEDLE_MUSCLE][: wanted[NEEDLE_MUSCLE]],
        WINDOW,
        EMG_RATE,
        noise_rms=EMG_NOISE,
        seed=seed + 11,
    )
    return CalfEvent(
        "cramp",
        activity,
        tuple(units),
        tuple(wanted),
        round(fibres),
        time,
        force,
        emg,
        NEEDLE_MUSCLE,
        moving_fibres(section, activity),
    )
