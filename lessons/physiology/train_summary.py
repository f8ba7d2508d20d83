"""Measurements read off a force record: half-relaxation time, and how a pair or train sums.

Lessons 00 and 02 describe twitches, pairs and trains in words ("back to half the peak at
243 ms", "unfused tetanus"); these functions measure what those words say on the force of
:func:`lessons.physiology.evoked_force` or :func:`lessons.physiology.twitch_force`, so every
lesson measures the same way. Times are in seconds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from lessons.physiology import _validation as check
from lessons.physiology.stimulation import DEFAULT_LATENT_PERIOD, EvokedForce, evoked_force

#: Display conventions of lesson 02, not physiological constants: a train counts as a fused
#: tetanus once the force ripples by at most 5 % of its peak in each cycle, and twitches count
#: as separate while the force is back below 10 % of its peak when the next twitch begins.
FUSED_RIPPLE = 0.05
RELAXED_FRACTION = 0.10


@dataclass(frozen=True)
class TrainSummary:
    """How a train's force looks: ``peak`` (multiples of one twitch's peak), the highest and
    lowest force of the last full cycle, their ``ripple`` as a fraction of that highest
    force, and the ``state`` in words (separate twitches, unfused or fused tetanus)."""

    peak: float
    cycle_high: float
    cycle_low: float
    ripple: float
    state: str


@dataclass(frozen=True)
class PairSummary:
    """A pair's ``peak`` force, and the ``residual`` force of the first twitch (fraction of its
    peak) at the moment the second stimulus arrives; ``summed`` when that residual is visible."""

    peak: float
    residual: float
    summed: bool


def half_relaxation_time(time: ArrayLike, force: ArrayLike) -> float:
    """Time (same clock as ``time``) at which ``force`` has fallen back to half its peak.

    The classic measure of how fast a twitch relaxes. It is read between the two samples that
    straddle half the peak (linear interpolation), so a coarse record gives nearly the exact
    value: within 0.012 ms on the 1 ms grid of lesson 00 for the twitch of Fuglevand et al.
    (1993), whose closed form is about 2.678 contraction times after the twitch starts.
    """
    times = check.finite_array("time", time)
    forces = check.finite_array("force", force)
    if times.ndim != 1 or times.shape != forces.shape or times.size < 2:
        raise ValueError(
            "time and force must be 1-D records of the same length, at least 2 samples; "
            f"got shapes {times.shape} and {forces.shape}"
        )
    peak_index = int(np.argmax(forces))
    half = forces[peak_index] / 2
    if half <= 0:
        raise ValueError("force must rise above zero to have a half-relaxation time")
    below = forces[peak_index:] <= half
    if not below.any():
        raise ValueError("force must fall back to half its peak before the record ends")
    after = peak_index + int(np.argmax(below))
    t0, t1 = times[after - 1], times[after]
    f0, f1 = forces[after - 1], forces[after]
    return float(t0 + (f0 - half) / (f0 - f1) * (t1 - t0))


def summarise_train(response: EvokedForce) -> TrainSummary:
    """Read a regular train's record over its last full cycle, where it is closest to steady.

    The cycle runs from the start of the second-last twitch to the start of the last one
    (each a latent period after its stimulus), so its lowest force is what the earlier
    twitches left when the last one began.
    """
    stimuli = response.stimulus_times
    if len(stimuli) < 2:
        raise ValueError(f"a train needs at least two stimuli; got {len(stimuli)}")
    step = response.time[1] - response.time[0]
    first, last = (round((t + DEFAULT_LATENT_PERIOD) / step) for t in stimuli[-2:])
    if last >= len(response.time):
        raise ValueError("the record must run past the start of the last twitch")
    cycle = response.force[first : last + 1]
    high = float(cycle.max())
    low = float(cycle[-1])
    ripple = (high - low) / high if high > 0 else 0.0
    if low < RELAXED_FRACTION * high:
        state = "separate twitches"
    elif ripple > FUSED_RIPPLE:
        state = "unfused tetanus"
    else:
        state = "fused tetanus"
    return TrainSummary(float(response.force.max()), high, low, ripple, state)


def summarise_pair(response: EvokedForce, contraction_time: float) -> PairSummary:
    """Peak of a pair, and how much of the first twitch was left when the second one began
    (the twitches start one latent period after their stimuli)."""
    if len(response.stimulus_times) < 2:
        raise ValueError(f"a pair needs two stimuli; got {len(response.stimulus_times)}")
    first, second = response.stimulus_times[:2]
    step = response.time[1] - response.time[0]
    alone = evoked_force([first], response.time[-1] + step, step, contraction_time=contraction_time)
    index = min(round((second + DEFAULT_LATENT_PERIOD) / step), len(alone.force) - 1)
    residual = float(alone.force[index] / alone.force.max())
    return PairSummary(float(response.force.max()), residual, residual >= RELAXED_FRACTION)
