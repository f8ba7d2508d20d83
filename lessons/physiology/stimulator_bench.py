"""Lesson 02's stimulator bench: two motor units, one pulse, a pair or a train.

The experiments a physiology lab runs on one motor unit, on the twitch model of Fuglevand,
Winter & Patla (1993) with the 2 ms latent period of Saladin (2004), through
:func:`lessons.physiology.evoked_force`; what each record shows is measured by
:mod:`lessons.physiology.train_summary`. Times are in seconds, frequencies in hertz.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, replace

import numpy as np

from lessons.physiology import _validation as check
from lessons.physiology.pool import DEFAULT_CONTRACTION_TIME_RANGE, DEFAULT_LONGEST_CONTRACTION_TIME
from lessons.physiology.stimulation import (
    DEFAULT_LATENT_PERIOD,
    EvokedForce,
    evoked_force,
    force_frequency_curve,
    paired_pulses,
    pulse_train,
)
from lessons.physiology.train_summary import (
    PairSummary,
    TrainSummary,
    half_relaxation_time,
    summarise_pair,
    summarise_train,
)

#: The slowest and fastest units of the default pool of Fuglevand et al. (1993): contraction
#: times 90 ms and 90/3 = 30 ms.
UNIT_CONTRACTION_TIMES = {
    "slow": DEFAULT_LONGEST_CONTRACTION_TIME,
    "fast": DEFAULT_LONGEST_CONTRACTION_TIME / DEFAULT_CONTRACTION_TIME_RANGE,
}
PROTOCOLS = ("single", "pair", "train")

#: Sampling step of the stimulator records, 0.5 ms (at most 2000 points per record).
STIMULATOR_STEP = 0.0005
#: Stimulus trains last 0.6 s; the record runs on to 1 s so the relaxation shows.
TRAIN_DURATION = 0.6
#: Seconds of record per protocol: long enough for the last twitch to relax.
RECORD_DURATIONS = {"single": 0.5, "pair": 0.8, "train": 1.0}
#: Longest pair interval, 300 ms: past it even the slow unit's twitches no longer sum.
MAX_PAIR_INTERVAL = 0.300
#: Train frequencies offered, 2 to 100 Hz: from separate twitches to the fast unit's fusion.
MIN_TRAIN_FREQUENCY, MAX_TRAIN_FREQUENCY = 2.0, 100.0
#: One twitch recorded for 0.5 s every 0.25 ms: 2000 points, smooth even in a 10 ms close-up.
TWITCH_RECORD, TWITCH_STEP = 0.5, 0.00025


@dataclass(frozen=True)
class TwitchAnatomy:
    """One twitch of a unit and its phases: stimulus at 0, force from the ``latent_period``,
    peak at ``peak_time``, back to half the peak at ``half_relaxation``."""

    response: EvokedForce
    latent_period: float
    contraction_time: float
    peak_time: float
    peak_force: float
    half_relaxation: float


@dataclass(frozen=True)
class StimulatorRun:
    """One run of the bench: the ``response`` to the ``stimuli``, a lone twitch on the same
    clock for comparison, and what the record shows (``pair`` or ``train`` summary, and for a
    train the ``steady_force`` as a fraction of fused tetanus and the unit's fusion frequency).
    """

    protocol: str
    unit: str
    contraction_time: float
    duration: float
    stimuli: np.ndarray
    response: EvokedForce
    single: EvokedForce
    pair: PairSummary | None = None
    train: TrainSummary | None = None
    steady_force: float | None = None
    fusion_frequency: float | None = None

    @property
    def twitch_peak_time(self) -> float:
        """When a lone twitch of this unit peaks: a latent period plus its contraction time."""
        return DEFAULT_LATENT_PERIOD + self.contraction_time


def choice(name: str, value: str, allowed: tuple[str, ...]) -> str:
    """``value`` if it is one of ``allowed``, else a ValueError naming ``name``."""
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}; got {value!r}")
    return value


def check_stimulator_settings(protocol: str, unit: str, interval: float, frequency: float) -> None:
    """Refuse settings the bench does not offer, naming the parameter.

    The pair interval stops at the unit's contraction time: below it the model's gain (built
    for steady trains, Fuglevand et al. 1993) makes a pair weaker the closer its stimuli,
    whereas real motor units sum most at intervals of 5-15 ms (Thomas et al. 1999).
    """
    choice("protocol", protocol, PROTOCOLS)
    choice("unit", unit, tuple(UNIT_CONTRACTION_TIMES))
    check.scalar("interval", interval, UNIT_CONTRACTION_TIMES[unit], MAX_PAIR_INTERVAL)
    check.scalar("frequency", frequency, MIN_TRAIN_FREQUENCY, MAX_TRAIN_FREQUENCY)


def twitch_anatomy(unit: str) -> TwitchAnatomy:
    """One twitch of the ``unit`` ("slow" or "fast") after a stimulus at time 0."""
    contraction = UNIT_CONTRACTION_TIMES[choice("unit", unit, tuple(UNIT_CONTRACTION_TIMES))]
    response = evoked_force([0.0], TWITCH_RECORD, TWITCH_STEP, contraction_time=contraction)
    return TwitchAnatomy(
        response,
        DEFAULT_LATENT_PERIOD,
        contraction,
        DEFAULT_LATENT_PERIOD + contraction,
        float(response.force.max()),
        half_relaxation_time(response.time, response.force),
    )


def protocol_stimuli(protocol: str, interval: float, frequency: float) -> np.ndarray:
    """Stimulus times of one pulse, a pair ``interval`` apart or a train at ``frequency``."""
    if choice("protocol", protocol, PROTOCOLS) == "single":
        return np.array([0.0])
    if protocol == "pair":
        return paired_pulses(check.positive("interval", interval, MAX_PAIR_INTERVAL))
    rate = check.scalar("frequency", frequency, MIN_TRAIN_FREQUENCY, MAX_TRAIN_FREQUENCY)
    return pulse_train(rate, TRAIN_DURATION)


def run_protocol(protocol: str, unit: str, interval: float, frequency: float) -> StimulatorRun:
    """Stimulate the ``unit`` with the ``protocol`` and measure what its force shows."""
    contraction = UNIT_CONTRACTION_TIMES[choice("unit", unit, tuple(UNIT_CONTRACTION_TIMES))]
    stimuli = protocol_stimuli(protocol, interval, frequency)
    duration = RECORD_DURATIONS[protocol]
    response = evoked_force(stimuli, duration, STIMULATOR_STEP, contraction_time=contraction)
    single = evoked_force([0.0], duration, STIMULATOR_STEP, contraction_time=contraction)
    run = StimulatorRun(protocol, unit, contraction, duration, stimuli, response, single)
    if protocol == "pair":
        return replace(run, pair=summarise_pair(response, contraction))
    if protocol == "train":
        return replace(
            run,
            train=summarise_train(response),
            steady_force=steady_force(contraction, frequency),
            fusion_frequency=fusion_frequency(contraction),
        )
    return run


def steady_force(contraction_time: float, frequency: float) -> float:
    """Steady force of a train at ``frequency``, as a fraction of the unit's fused tetanus."""
    return float(
        force_frequency_curve(frequency, contraction_time=contraction_time).relative_force[0]
    )


@functools.lru_cache(maxsize=8)
def fusion_frequency(contraction_time: float) -> float:
    """Lowest whole frequency (Hz, up to 100) from which a train reaches fused tetanus."""
    for frequency in np.arange(MIN_TRAIN_FREQUENCY, MAX_TRAIN_FREQUENCY + 1):
        response = evoked_force(
            pulse_train(float(frequency), TRAIN_DURATION),
            RECORD_DURATIONS["train"],
            STIMULATOR_STEP,
            contraction_time=contraction_time,
        )
        if summarise_train(response).state == "fused tetanus":
            return float(frequency)
    return math.inf


@dataclass(frozen=True, eq=False)
class ForceFrequencyTable:
    """Steady force (fraction of fused tetanus) of each unit at every ``frequency``."""

    frequency: np.ndarray
    relative_force: dict[str, np.ndarray]


@functools.lru_cache(maxsize=1)
def force_frequency_table() -> ForceFrequencyTable:
    """Both units' force-frequency curves over the train frequencies, every 0.5 Hz."""
    frequencies = np.arange(MIN_TRAIN_FREQUENCY, MAX_TRAIN_FREQUENCY + 0.25, 0.5)
    curves = {
        unit: force_frequency_curve(frequencies, contraction_time=contraction).relative_force
        for unit, contraction in UNIT_CONTRACTION_TIMES.items()
    }
    return ForceFrequencyTable(frequencies, curves)
