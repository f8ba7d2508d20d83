"""Why an examiner watches each muscle for a long time: catching a unit that fires on its own.

A fasciculating unit discharges at random times. Taken as a Poisson process with a mean rate
(as :func:`lessons.physiology.spontaneous.fasciculation` draws it), the chance that a recording
window of ``T`` seconds holds at least one discharge is ``1 - exp(-rate * T)``, and the window
needed for a chance ``p`` is ``-ln(1 - p) / rate``. A muscle that is silent for a few seconds
has not been shown to be free of fasciculations.

Sources: from the intervals between fasciculation potentials in 53 muscles of 19 people with
ALS, observation for up to 90 s may be needed to record one fasciculation with a probability
approaching one (Mills 2011, J Neurol Neurosurg Psychiatry 82:549-551); with high-density
surface EMG, up to 70 s (Zhou et al. 2012, J NeuroEng Rehabil 9:78). Whole-muscle surface
recordings in ALS found a median of 40.5 fasciculations per minute (interquartile range
10.6-79.4; Bashford et al. 2020, Clin Neurophysiol 131:265-273); a needle, which records only
the units near its tip (Nandedkar et al. 1988), sees fewer. A unit with benign
fasciculations tends to fire faster than one in ALS (de Carvalho & Swash 1998, Muscle Nerve
21:336-344), but whole muscles fasciculate far more often in ALS: in strong biceps about 10
times as often as in benign fasciculation syndrome (Bashford et al. 2020, Brain Commun
2:fcaa018). Rates are per minute, windows in seconds.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from lessons.physiology import _budget
from lessons.physiology import _validation as check
from lessons.physiology.spontaneous import MAX_DURATION, MAX_FASCICULATION_RATE, fasciculation

#: Observation time per muscle that may be needed to record one fasciculation with a
#: probability approaching one, 90 s (Mills 2011).
OBSERVATION_TIME = 90.0
#: "Approaching one", taken here as 99 %: a teaching choice for the derived rate below.
NEAR_CERTAIN = 0.99
#: The slowest site for which 90 s gives a 99 % chance, per minute: ln(100) / 1.5 min, about
#: 3.1 per minute. Derived from Mills (2011), not measured: a site firing more slowly needs
#: longer still.
SLOWEST_SITE_RATE_PER_MIN = 60.0 * -math.log(1.0 - NEAR_CERTAIN) / OBSERVATION_TIME
#: Median fasciculation rate of whole ALS muscles on high-density surface EMG, 40.5 per minute
#: (interquartile range 10.6-79.4; Bashford et al. 2020).
SURFACE_ALS_MEDIAN_RATE_PER_MIN = 40.5
#: Highest rate accepted, 60 per minute: the 1 Hz ceiling of the course's fasciculation model.
MAX_RATE_PER_MIN = 60.0 * MAX_FASCICULATION_RATE
#: Longest window accepted, 10 minutes (the spontaneous-activity generators' limit).
MAX_WINDOW = MAX_DURATION
#: Most Monte-Carlo trials per call: 100,000 (under 10 ms, under 3 MB).
MAX_TRIALS = 100_000
#: Bytes per input value while it is checked (the float copy and the range masks).
_BYTES_PER_INPUT = 2 * _budget.FLOAT + 2
#: Bytes per trial: the Poisson count and the caught flag, with numpy's temporaries.
_BYTES_PER_TRIAL = 3 * _budget.FLOAT


def _rate(rate_per_min: ArrayLike) -> np.ndarray:
    return check.array_in_range(
        "rate_per_min", rate_per_min, 0.0, MAX_RATE_PER_MIN, bytes_per_element=_BYTES_PER_INPUT
    )


def _window(window_s: ArrayLike) -> np.ndarray:
    return check.array_in_range(
        "window_s", window_s, 0.0, MAX_WINDOW, bytes_per_element=_BYTES_PER_INPUT
    )


def catch_probability(rate_per_min: ArrayLike, window_s: ArrayLike) -> float | np.ndarray:
    """Chance that a window of ``window_s`` seconds holds at least one discharge of a unit
    firing at random at ``rate_per_min``: ``1 - exp(-rate * T)``.

    Arrays broadcast (a curve over windows, or a grid); two numbers give a number.
    """
    rate = _rate(rate_per_min)
    window = _window(window_s)
    try:
        shape = np.broadcast_shapes(rate.shape, window.shape)
    except ValueError:
        raise ValueError(
            f"rate_per_min and window_s must broadcast together; got shapes {rate.shape} and "
            f"{window.shape}"
        ) from None
    # The expected count and the probability, with one temporary, per broadcast element.
    _budget.elements("window_s", window_s, math.prod(shape), 3 * _budget.FLOAT)
    expected = rate / 60.0 * window
    probability = -np.expm1(-expected)
    return float(probability) if probability.ndim == 0 else probability


def window_for_probability(rate_per_min: float, probability: float = NEAR_CERTAIN) -> float:
    """Window (s) that catches at least one discharge with ``probability``:
    ``-ln(1 - p) / rate``."""
    rate = check.scalar("rate_per_min", rate_per_min, 0.0, MAX_RATE_PER_MIN, low_inclusive=False)
    chance = check.scalar(
        "probability", probability, 0.0, 1.0, low_inclusive=False, high_inclusive=False
    )
    return float(-math.log1p(-chance) / (rate / 60.0))


@dataclass(frozen=True, eq=False)
class WindowRecord:
    """One watched window: the discharge times (s) inside it, the window and the rate."""

    times: np.ndarray
    window_s: float
    rate_per_min: float

    @property
    def caught(self) -> bool:
        """Whether at least one discharge fell inside the window."""
        return self.times.size > 0

    @property
    def first_discharge(self) -> float:
        """Time of the first discharge (s); NaN when the window stayed silent."""
        return float(self.times[0]) if self.times.size else float("nan")

    @property
    def probability(self) -> float:
        """The closed-form chance of catching at least one discharge in such a window."""
        return float(catch_probability(self.rate_per_min, self.window_s))


def watch_window(rate_per_min: float, window_s: float, seed: int = 0) -> WindowRecord:
    """Discharge times of one unit firing at random at ``rate_per_min`` during a window of
    ``window_s`` seconds (the course's fasciculation generator; the same seed, the same run)."""
    rate = check.scalar("rate_per_min", rate_per_min, 0.0, MAX_RATE_PER_MIN)
    window = check.positive("window_s", window_s, MAX_WINDOW)
    activity = fasciculation(window, rate=rate / 60.0, seed=seed)
    return WindowRecord(times=activity.spike_times[0], window_s=window, rate_per_min=rate)


@dataclass(frozen=True)
class CatchEstimate:
    """A Monte-Carlo estimate of the catch probability beside its closed form."""

    trials: int
    caught: int
    closed_form: float

    @property
    def estimate(self) -> float:
        """Fraction of the simulated windows that caught at least one discharge."""
        return self.caught / self.trials

    @property
    def standard_error(self) -> float:
        """Binomial standard error of the estimate, from the closed-form probability."""
        p = self.closed_form
        return math.sqrt(p * (1.0 - p) / self.trials)


def simulate_catches(
    rate_per_min: float, window_s: float, trials: int = 1000, seed: int = 0
) -> CatchEstimate:
    """Watch ``trials`` independent windows and count those that catch a discharge.

    The number of discharges in a window of a Poisson process is Poisson with mean
    ``rate * T``, so each trial draws that count directly (vectorised, no times needed).
    """
    rate = check.scalar("rate_per_min", rate_per_min, 0.0, MAX_RATE_PER_MIN)
    window = check.scalar("window_s", window_s, 0.0, MAX_WINDOW)
    count = check.integer("trials", trials, 1, MAX_TRIALS)
    _budget.require("trials", count, _BYTES_PER_TRIAL * count, "fewer trials")
    rng = check.random_generator("seed", seed)
    discharges = rng.poisson(rate / 60.0 * window, count)
    return CatchEstimate(
        trials=count,
        caught=int(np.count_nonzero(discharges)),
        closed_form=float(catch_probability(rate, window)),
    )
