"""Electrical stimulation of one motor unit or a whole muscle: twitch, summation and tetanus.

The force for any list of stimulus times is the superposition of twitches (Fuglevand, Winter &
Patla 1993, J Neurophysiol 70:2470-2488), each scaled by the force-frequency gain of the
interval before it, and delayed by a latent period. This is what a student's
stimulator experiment shows: a single twitch, summation of a pair, unfused and fused tetanus.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from lessons.physiology import _budget
from lessons.physiology import _validation as check
from lessons.physiology._convolution import impulse_matrix
from lessons.physiology.twitch import (
    DEFAULT_CONTRACTION_TIME,
    LINEAR_SUMMATION_LIMIT,
    MAX_CONTRACTION_TIME,
    force_gain,
    gain_of_normalised_rate,
    twitch_train,
    twitch_trains_bytes,
)

#: Latent period between a stimulus and the onset of twitch force: about 2 ms (Saladin 2004,
#: Anatomy & Physiology, 3rd ed., ch. 11, "Threshold, latent period, and twitch").
DEFAULT_LATENT_PERIOD = 0.002

#: Default sampling step for stimulator traces, 0.5 ms: resolves a 2 ms latent period and the
#: fastest 30 ms twitches of the Fuglevand pool.
DEFAULT_STEP = 0.0005

#: Longest stimulator record accepted, 10 minutes.
MAX_DURATION = 600.0

#: Highest stimulation frequency accepted, 500 Hz (stimulators in teaching labs stop well below;
#: a muscle fibre cannot follow faster than its refractory period allows).
MAX_FREQUENCY = 500.0


@dataclass(frozen=True, eq=False)
class EvokedForce:
    """Force evoked by a stimulus sequence (arbitrary units) sampled every ``time`` step."""

    time: np.ndarray
    force: np.ndarray
    stimulus_times: np.ndarray
    gains: np.ndarray


@dataclass(frozen=True, eq=False)
class ForceFrequencyCurve:
    """Steady mean force of a unit stimulated at each frequency, also relative to its maximum."""

    frequency: np.ndarray
    mean_force: np.ndarray
    relative_force: np.ndarray


def pulse_train(frequency: float, duration: float, start: float = 0.0) -> np.ndarray:
    """Stimulus times (s) of a regular train at ``frequency`` (Hz) lasting ``duration`` (s)."""
    rate = check.positive("frequency", frequency, MAX_FREQUENCY)
    length = check.scalar("duration", duration, 0.0, MAX_DURATION)
    onset = check.scalar("start", start, 0.0, MAX_DURATION)
    count = math.floor(length * rate + 1e-9) + 1
    return onset + np.arange(count) / rate


def paired_pulses(interval: float, start: float = 0.0) -> np.ndarray:
    """Two stimuli ``interval`` seconds apart: the classic summation experiment."""
    gap = check.positive("interval", interval, 10.0)
    onset = check.scalar("start", start, 0.0, MAX_DURATION)
    return np.array([onset, onset + gap])


def stimulus_gains(stimulus_times: np.ndarray, contraction_time: float) -> np.ndarray:
    """Gain of each twitch from the interval that precedes it; the first twitch has gain 1."""
    gains = np.ones(len(stimulus_times))
    if len(stimulus_times) > 1:
        intervals = np.diff(stimulus_times)
        # Coincident stimuli (interval 0) cannot excite a fibre twice: treat as the shortest
        # interval that still counts, so the gain stays finite.
        intervals = np.maximum(intervals, 1e-6)
        gains[1:] = gain_of_normalised_rate(contraction_time / intervals)
    return gains


def evoked_force(
    stimulus_times: ArrayLike,
    duration: float,
    dt: float = DEFAULT_STEP,
    peak_force: float = 1.0,
    contraction_time: float = DEFAULT_CONTRACTION_TIME,
    latent_period: float = DEFAULT_LATENT_PERIOD,
) -> EvokedForce:
    """Force of one unit (or a uniformly stimulated muscle) for stimuli at ``stimulus_times``.

    Twitches (Fuglevand et al. 1993) start ``latent_period`` after each stimulus and add;
    each twitch is scaled by the force-frequency gain of the interval before it, so pairs and
    slow trains sum linearly and fast trains fuse and saturate.
    """
    times = check.sorted_times("stimulus_times", stimulus_times)
    if times.size > check.MAX_SAMPLES:
        raise ValueError(
            f"stimulus_times holds {times.size} times; the allowed range is at most "
            f"{check.MAX_SAMPLES}"
        )
    length = check.positive("duration", duration, MAX_DURATION)
    contraction = check.positive("contraction_time", contraction_time, MAX_CONTRACTION_TIME)
    step = check.positive("dt", dt, contraction / 4)
    peak = check.scalar("peak_force", peak_force, 0.0, 1e12)
    latency = check.scalar("latent_period", latent_period, 0.0, 0.1)
    if np.any(times < 0):
        raise ValueError(f"stimulus_times must be in [0, {length:g}] s; got {times[0]!r}")
    n_samples = check.sample_count("duration", length, step)
    # Time, impulses and force, the convolution's working memory, and per stimulus its gain,
    # interval, column and weight.
    _budget.require(
        "duration",
        duration,
        3 * _budget.FLOAT * n_samples + twitch_trains_bytes(1, n_samples) + 64 * times.size,
        "shorten the duration or enlarge dt",
    )
    time = np.arange(n_samples) * step
    gains = stimulus_gains(times, contraction)
    impulses = impulse_matrix([times + latency], [gains], n_samples, step)[0]
    force = twitch_train(impulses, peak, contraction, step)
    return EvokedForce(time=time, force=force, stimulus_times=times, gains=gains)


def steady_mean_force(
    frequency: ArrayLike,
    peak_force: float = 1.0,
    contraction_time: float = DEFAULT_CONTRACTION_TIME,
) -> np.ndarray:
    """Mean force of a long regular train: gain x (twitch area P T e) x frequency.

    The twitch of Fuglevand et al. (1993) has area ``P T e``; a train at rate f delivers f
    twitches per second, each scaled by the gain, so the mean is ``gain P T e f``, which rises
    linearly below the normalised rate 0.4 and saturates above it.
    """
    rates = check.array_in_range(
        "frequency", frequency, 0.0, MAX_FREQUENCY, low_inclusive=False, bytes_per_element=112
    )
    peak = check.scalar("peak_force", peak_force, 0.0, 1e12)
    contraction = check.positive("contraction_time", contraction_time, MAX_CONTRACTION_TIME)
    gain = force_gain(contraction, 1.0 / rates)
    return gain * peak * contraction * math.e * rates


def force_frequency_curve(
    frequencies: ArrayLike,
    peak_force: float = 1.0,
    contraction_time: float = DEFAULT_CONTRACTION_TIME,
) -> ForceFrequencyCurve:
    """The force-frequency relation of one unit: steady mean force at each stimulation rate.

    ``relative_force`` is the mean force divided by its limit at infinite rate (full fusion),
    ``P T e x S(inf) / (S(0.4)/0.4) / T``, so it follows ``S(x) = 1 - exp(-2 x^3)`` above the
    normalised rate 0.4 (Fuglevand et al. 1993).
    """
    rates = np.atleast_1d(
        check.array_in_range(
            "frequencies",
            frequencies,
            0.0,
            MAX_FREQUENCY,
            low_inclusive=False,
            bytes_per_element=136,
        )
    )
    mean = steady_mean_force(rates, peak_force, contraction_time)
    limit = LINEAR_SUMMATION_LIMIT
    fused = peak_force * math.e * limit / (1.0 - math.exp(-2.0 * limit**3))
    relative = mean / fused if fused > 0 else np.zeros_like(mean)
    return ForceFrequencyCurve(frequency=rates, mean_force=mean, relative_force=relative)
