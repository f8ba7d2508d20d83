"""The three events of lesson 05 on the same calf, and the sound of their needle EMG.

- **fasciculation**: one motor unit discharging on its own (``spontaneous.fasciculation``); the
  unit's fibres light up (``moving_fibres``) and its twitches come from its pool
  (``MotorUnitPool.force``, Fuglevand, Winter & Patla 1993);
- **fibrillation**: one denervated fibre firing regularly (``spontaneous.fibrillation``); its
  twitch is one fibre's share of a unit's force, so nothing visibly moves;
- **cramp**: many units in all three muscles discharging at 6-25 Hz (``calf_cramp``).

The needle EMG is recorded in the muscle where the event happens; for a cramp, in the
gastrocnemius medialis.
"""

from __future__ import annotations

import numpy as np

from lessons.physiology import _validation as check
from lessons.physiology.calf import (
    DEFAULT_CRAMP_SHARE,
    EMG_NOISE,
    EMG_RATE,
    EVENTS,
    FIBRILLATION_RATE,
    FORCE_STEP,
    NEEDLE_MUSCLE,
    ONSET,
    WINDOW,
    CalfEvent,
    calf_model,
    check_seed,
)
from lessons.physiology.calf_cramp import cramp_event
from lessons.physiology.emg import emg_audio, fibrillation_emg, needle_emg
from lessons.physiology.geometry import moving_fibres
from lessons.physiology.spontaneous import fasciculation, fibrillation
from lessons.physiology.stimulation import evoked_force
from lessons.physiology.twitch import DEFAULT_CONTRACTION_TIME

#: Part of the EMG played as sound (s): 3 s that include the event's onset.
AUDIO_CLIP = (0.5, 3.5)


def _default_unit() -> int:
    """The median-sized unit of the gastrocnemius medialis."""
    medial = calf_model().section.units_in(NEEDLE_MUSCLE)
    return int(medial[len(medial) // 2])


def fasciculation_event(unit: int | None = None, seed: int = 0) -> CalfEvent:
    """Motor unit ``unit`` (index in the calf picture, 0-119) firing on its own.

    It discharges once at ``ONSET`` and otherwise at random (Poisson, 0.2 Hz); by default the
    median-sized unit of the gastrocnemius medialis.
    """
    model = calf_model()
    section = model.section
    unit = check.integer("unit", _default_unit() if unit is None else unit, 0, section.n_units - 1)
    seed = check_seed(seed)
    muscle, rank = model.rank_of(unit)
    activity = fasciculation(WINDOW, unit=unit, first_discharge=ONSET, muscle=muscle, seed=seed)
    pool = model.pool_of(muscle)
    trains = [np.zeros(0)] * pool.n_units
    trains[rank] = activity.spike_times[0]
    time, unit_force = pool.force(trains, WINDOW, FORCE_STEP)
    moving = moving_fibres(section, activity)
    fibres = round(int(moving.sum()) * model.fibres_per_point(muscle))
    emg = needle_emg(activity.spike_times, WINDOW, EMG_RATE, noise_rms=EMG_NOISE, seed=seed + 11)
    return CalfEvent(
        "fasciculation",
        activity,
        (unit,),
        (muscle,),
        fibres,
        time,
        unit_force.sum(axis=0),
        emg,
        muscle,
        moving,
    )


def _default_fibre() -> int:
    """The first drawn fibre of the gastrocnemius medialis."""
    section = calf_model().section
    medial = section.muscle_names.index(NEEDLE_MUSCLE)
    return int(np.flatnonzero(section.muscle == medial)[0])


def fibrillation_event(point: int | None = None, seed: int = 0) -> CalfEvent:
    """The fibre drawn at ``point`` (0-2998), cut off from its nerve, firing regularly at 5 Hz.

    Its twitch has the force of one fibre (``CalfModel.fibre_force``) and the course's default
    contraction time (50 ms); by default the first drawn fibre of the gastrocnemius medialis.
    """
    model = calf_model()
    section = model.section
    last = len(section.x) - 1
    point = check.integer("point", _default_fibre() if point is None else point, 0, last)
    seed = check_seed(seed)
    muscle = section.muscle_names[int(section.muscle[point])]
    activity = fibrillation(WINDOW, rate=FIBRILLATION_RATE, fibre=point, muscle=muscle, seed=seed)
    twitches = evoked_force(
        activity.spike_times[0],
        WINDOW,
        dt=FORCE_STEP,
        peak_force=model.fibre_force,
        contraction_time=DEFAULT_CONTRACTION_TIME,
        latent_period=0.0,
    )
    emg = fibrillation_emg(
        activity.spike_times, WINDOW, EMG_RATE, noise_rms=EMG_NOISE, seed=seed + 11
    )
    return CalfEvent(
        "fibrillation",
        activity,
        (),
        (muscle,),
        1,
        twitches.time,
        twitches.force,
        emg,
        muscle,
        moving_fibres(section, activity),
        fibre_point=point,
    )


def simulate_event(kind: str, draw: int = 0, cramp_share: float = DEFAULT_CRAMP_SHARE) -> CalfEvent:
    """Event ``kind`` for the ``draw``-th press of "fire again" (0: the lesson's default).

    Later draws pick another unit (fasciculation) or fibre (fibrillation) anywhere in the calf,
    or another random cramp, all seeded by ``draw``.
    """
    if kind not in EVENTS:
        raise ValueError(f"kind must be one of {list(EVENTS)}; got {kind!r}")
    draw = check_seed(draw)
    if kind == "cramp":
        return cramp_event(cramp_share, seed=draw)
    if draw == 0:
        return fasciculation_event() if kind == "fasciculation" else fibrillation_event()
    rng = np.random.default_rng(draw)
    section = calf_model().section
    if kind == "fasciculation":
        return fasciculation_event(int(rng.integers(section.n_units)), seed=draw)
    return fibrillation_event(int(rng.integers(len(section.x))), seed=draw)


def event_sound(event: CalfEvent) -> tuple[np.ndarray, int]:
    """The needle EMG of ``AUDIO_CLIP`` as a waveform in [-1, 1] and its rate (Hz), each clip
    scaled to full loudness (``emg_audio``)."""
    start, stop = (round(edge * EMG_RATE) for edge in AUDIO_CLIP)
    return emg_audio(event.emg.voltage[start:stop], EMG_RATE)
