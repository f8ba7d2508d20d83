"""An ILLUSTRATIVE model of why a motor axon fires on its own: noise meeting a threshold.

This is a teaching model, not a biophysical one. It keeps one idea from the study of human
axon excitability and drops everything else: an axon fires when its membrane potential
reaches threshold, so the smaller the gap (the *margin*) between the resting potential and
the threshold, the more easily it fires (Burke, Kiernan & Bostock 2001, Clin Neurophysiol
112:1575-1585; Kiernan et al. 2020, Clin Neurophysiol 131:308-323). Most fasciculations
start in the distal, intramuscular branches of the motor axon (Layzer 1994, Muscle Nerve
17:1243-1249); the model does not say where along the axon it sits.

The model:

- The membrane potential of a resting axon is not perfectly still: it fluctuates a little,
  with a Gaussian spread of amplitudes (Verveen & Derksen 1968, Proc IEEE 56:906-916). Here
  the fluctuation is stationary Gaussian noise with standard deviation ``noise_sd`` and a
  Gaussian autocorrelation ``noise_sd**2 * exp(-t**2 / (2 * correlation_time**2))`` (a
  smooth stand-in for the measured spectrum, which is not Gaussian).
- A spontaneous discharge is an upward crossing of the threshold, ``margin`` above rest.
  For such noise, Rice's formula gives the expected rate of upward crossings of a level
  ``u`` above the mean as ``1 / (2 pi correlation_time) * exp(-u**2 / (2 noise_sd**2))``
  (Rice 1945, Bell Syst Tech J 24:46-156, section 3.3). The rate therefore rises steeply,
  roughly exponentially (in this model a little faster), as the margin shrinks.
- The spike itself, its refractory period and any bursting are left out, so the model is
  only meant for the regime where spontaneous discharges are rare.

Factors that narrow the margin (:data:`MARGIN_FACTORS`) come in two kinds, and each says
which: ``"mechanism"`` when measurements support the direction of the change (low calcium
brings the threshold closer to rest, Frankenhaeuser & Hodgkin 1957, J Physiol 137:218-244;
more persistent Na+ current in ALS axons, Bostock et al. 1995, Brain 118:217-225; Park,
Kiernan & Vucic 2017, Neurotherapeutics 14:78-90; potassium-channel antibodies in acquired
neuromyotonia, Hart et al. 2002, Brain 125:1887-1895) and ``"association"`` when the factor
is only known to go with more twitches (stress, caffeine, exercise and tiredness; NHS;
MedlinePlus) and the shift is a qualitative guess. In both kinds the SIZES of the shifts,
the healthy margin and the noise are teaching values chosen to make the effect visible
within a minute; none is a measurement.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike

from lessons.physiology import _budget
from lessons.physiology import _validation as check
from lessons.physiology._convolution import fft_convolve

#: Standard deviation of the membrane-potential fluctuation, 2 mV (teaching value).
DEFAULT_NOISE_SD = 0.002
#: Correlation time of the fluctuation, 1 ms (teaching value): it sets the highest possible
#: crossing rate, 1 / (2 pi * 1 ms), about 159 Hz.
DEFAULT_CORRELATION_TIME = 0.001
#: Gap between rest and threshold of the healthy model axon, 9 mV (teaching value, 4.5 noise
#: SDs): the healthy axon fires on its own about once every two to three minutes.
HEALTHY_MARGIN = 0.009
#: Sampling step of simulated noise, 0.1 ms: ten samples per correlation time.
DEFAULT_STEP = 0.0001
#: The step must resolve the fluctuation: at least four samples per correlation time.
SAMPLES_PER_CORRELATION_TIME = 4
#: Longest simulated window, 10 minutes.
MAX_DURATION = 600.0
#: Widest margin accepted, 50 mV.
MAX_MARGIN = 0.05

Evidence = Literal["mechanism", "association"]


@dataclass(frozen=True)
class MarginFactor:
    """Something that narrows the gap between rest and threshold, by ``shift`` volts.

    ``evidence`` is ``"mechanism"`` when measurements support the direction of the change
    (the size is still illustrative) and ``"association"`` when the factor is only known to
    go with more twitches, so that both direction and size are a qualitative guess.
    """

    key: str
    label: str
    shift: float
    how: str
    evidence: Evidence
    references: tuple[str, ...]

    @property
    def qualitative(self) -> bool:
        """True when the model's shift for this factor is a guess, not a known mechanism."""
        return self.evidence == "association"


_FACTORS = (
    MarginFactor(
        key="stress_anxiety",
        label="Stress or anxiety",
        shift=0.0005,
        how="Linked with more frequent twitches; how it reaches the motor axon is not known.",
        evidence="association",
        references=("seed", "nhs2026a"),
    ),
    MarginFactor(
        key="caffeine",
        label="A lot of caffeine",
        shift=0.0005,
        how="A stimulant of the nervous system linked with twitches; axon effect not known.",
        evidence="association",
        references=("nhs2026a", "medlineplus2026a"),
    ),
    MarginFactor(
        key="fatigue",
        label="Hard exercise or tiredness",
        shift=0.0005,
        how="Twitches often follow hard exercise or come with tiredness; mechanism not known.",
        evidence="association",
        references=("medlineplus2026a", "nhs2026a"),
    ),
    MarginFactor(
        key="low_magnesium",
        label="Low blood magnesium",
        shift=0.0010,
        how="Makes nerves and muscles overexcitable, partly by also lowering blood calcium.",
        evidence="mechanism",
        references=("lewis2026",),
    ),
    MarginFactor(
        key="low_calcium",
        label="Low blood calcium",
        shift=0.0015,
        how="Less calcium outside the axon lets Na+ channels open nearer rest: threshold falls.",
        evidence="mechanism",
        references=("frankenhaeuser1957", "mannstadt2017"),
    ),
    MarginFactor(
        key="persistent_sodium",
        label="More persistent Na+ current (as in ALS)",
        shift=0.0020,
        how="Na+ channels that stay open depolarise the axon towards threshold.",
        evidence="mechanism",
        references=("bostock1995", "park2017"),
    ),
    MarginFactor(
        key="potassium_channel_loss",
        label="Fewer working K+ channels (as in neuromyotonia)",
        shift=0.0040,
        how="K+ channels hold the axon near rest; antibodies to K+ channel proteins weaken them.",
        evidence="mechanism",
        references=("hart2002", "park2017"),
    ),
)

#: The factors the lesson lets students switch on, by key, in display order.
MARGIN_FACTORS: Mapping[str, MarginFactor] = MappingProxyType({f.key: f for f in _FACTORS})


def threshold_margin(factors: Iterable[str] = (), healthy_margin: float = HEALTHY_MARGIN) -> float:
    """The gap (V) between rest and threshold once the named factors have narrowed it.

    Shifts add up. A combination that would close the gap completely is refused: the model
    (no spike, no refractory period) says nothing about an axon held above threshold.
    """
    margin = check.scalar("healthy_margin", healthy_margin, 0.0, MAX_MARGIN, low_inclusive=False)
    if isinstance(factors, str):
        keys = [factors]
    elif isinstance(factors, Iterable):
        # Each factor may appear once, so more names than factors is already a mistake.
        keys = list(itertools.islice(factors, len(MARGIN_FACTORS) + 1))
    else:
        raise ValueError(f"factors must be a list of factor keys; got {factors!r:.60}")
    unknown = [key for key in keys if not isinstance(key, str) or key not in MARGIN_FACTORS]
    if unknown:
        raise ValueError(f"factors has unknown keys {unknown}; allowed: {list(MARGIN_FACTORS)}")
    if len(set(keys)) != len(keys):
        raise ValueError(f"factors names a factor twice: {keys}")
    narrowed = margin - sum(MARGIN_FACTORS[key].shift for key in keys)
    if narrowed <= 0.0:
        raise ValueError(
            f"factors={keys} would close the gap of {margin * 1e3:g} mV completely "
            f"({narrowed * 1e3:.1f} mV); the model needs a margin in (0, {MAX_MARGIN * 1e3:g}] mV"
        )
    return narrowed


def discharge_rate(
    margin: ArrayLike,
    noise_sd: float = DEFAULT_NOISE_SD,
    correlation_time: float = DEFAULT_CORRELATION_TIME,
) -> float | np.ndarray:
    """Expected rate (Hz) of spontaneous discharges for a gap ``margin`` (V) above rest.

    Rice's (1945) rate of upward level crossings for stationary Gaussian noise with a
    Gaussian autocorrelation: ``exp(-margin**2 / (2 noise_sd**2)) / (2 pi correlation_time)``.
    """
    gaps = check.array_in_range("margin", margin, 0.0, MAX_MARGIN, bytes_per_element=32)
    spread = check.positive("noise_sd", noise_sd, MAX_MARGIN)
    correlation = check.positive("correlation_time", correlation_time, 1.0)
    rate = np.exp(-(gaps**2) / (2.0 * spread**2)) / (2.0 * math.pi * correlation)
    return float(rate) if rate.ndim == 0 else rate


def membrane_noise(
    duration: float,
    noise_sd: float = DEFAULT_NOISE_SD,
    correlation_time: float = DEFAULT_CORRELATION_TIME,
    step: float = DEFAULT_STEP,
    seed: int = 0,
) -> np.ndarray:
    """Fluctuation (V) of the membrane potential around rest, sampled every ``step`` seconds.

    White noise smoothed by a Gaussian kernel of standard deviation ``correlation_time /
    sqrt(2)``, which gives the Gaussian autocorrelation the rate formula assumes, then scaled
    so that its standard deviation is exactly ``noise_sd`` in expectation.
    """
    length = check.positive("duration", duration, MAX_DURATION)
    spread = check.positive("noise_sd", noise_sd, MAX_MARGIN)
    correlation = check.positive("correlation_time", correlation_time, 1.0)
    coarsest = correlation / SAMPLES_PER_CORRELATION_TIME
    dt = check.positive("step", step, coarsest)
    count = check.sample_count("duration", length, dt, "step")
    kernel_sd = correlation / math.sqrt(2.0)
    half_width = math.ceil(4.0 * kernel_sd / dt)
    require_noise_memory(count, half_width, step)
    rng = check.random_generator("seed", seed)
    offsets = np.arange(-half_width, half_width + 1) * dt
    kernel = np.exp(-(offsets**2) / (2.0 * kernel_sd**2))
    kernel *= spread / math.sqrt(np.sum(kernel**2))
    white = rng.standard_normal(count + kernel.size - 1)
    return fft_convolve(white, kernel)[kernel.size - 1 : count + kernel.size - 1]


def require_noise_memory(count: int, half_width: int, step: float) -> None:
    """Refuse noise whose convolution would take more than the memory budget.

    The smoothing kernel spans eight kernel SDs, so a long correlation time at a fine step
    makes a kernel far longer than the record (1 s at 0.1 microsecond: 28 million samples).
    Counted: the white noise, the kernel (three arrays), the FFT convolution and, for
    :func:`spontaneous_firing`, the threshold masks and crossing times.
    """
    kernel = 2 * half_width + 1
    white = count + kernel - 1
    total = (
        _budget.FLOAT * white
        + 3 * _budget.FLOAT * kernel
        + _budget.fft_convolution_bytes(white, kernel)
    )
    _budget.require(
        "step", step, total, "a larger step, a shorter duration or a shorter correlation_time"
    )


def threshold_crossings(potential: ArrayLike, margin: float, step: float) -> np.ndarray:
    """Times (s) at which ``potential`` (V, sampled every ``step`` s) rises through ``margin``.

    A crossing is the first sample at or above the threshold after one below it; a trace
    that starts above threshold does not count as a discharge at time zero.
    """
    values = check.finite_array("potential", potential, bytes_per_element=32)
    if values.ndim != 1:
        raise ValueError(f"potential must be a 1-D trace; got shape {values.shape}")
    level = check.scalar("margin", margin, 0.0, MAX_MARGIN)
    dt = check.positive("step", step, 1.0)
    above = values >= level
    onsets = np.flatnonzero(above[1:] & ~above[:-1]) + 1
    return onsets * dt


@dataclass(frozen=True, eq=False)
class SpontaneousFiring:
    """One simulated window: the fluctuating potential and the discharges it caused."""

    margin: float
    step: float
    potential: np.ndarray
    spike_times: np.ndarray
    expected_rate: float

    @property
    def duration(self) -> float:
        """Length of the window (s)."""
        return (self.potential.size - 1) * self.step

    @property
    def observed_rate(self) -> float:
        """Discharges per second in this window (Hz)."""
        return self.spike_times.size / self.duration


def spontaneous_firing(
    duration: float,
    margin: float = HEALTHY_MARGIN,
    noise_sd: float = DEFAULT_NOISE_SD,
    correlation_time: float = DEFAULT_CORRELATION_TIME,
    step: float = DEFAULT_STEP,
    seed: int = 0,
) -> SpontaneousFiring:
    """Simulate ``duration`` seconds of a resting axon whose threshold is ``margin`` above rest."""
    level = check.scalar("margin", margin, 0.0, MAX_MARGIN)
    potential = membrane_noise(duration, noise_sd, correlation_time, step, seed)
    return SpontaneousFiring(
        margin=level,
        step=float(step),
        potential=potential,
        spike_times=threshold_crossings(potential, margin, step),
        expected_rate=discharge_rate(margin, noise_sd, correlation_time),
    )
