"""Electromyography: action potentials summed into needle and surface EMG, and sound.

Every discharge adds one potential waveform at its time; the sum over units is a single
convolution of weighted impulses with the waveform (the approach of Fuglevand, Winter & Patla
1993, J Neurophysiol 70:2470-2488, who built the surface EMG from motor-unit action potential
trains). Shapes are smooth stand-ins with literature durations and amplitudes:

- needle motor-unit action potential (MUAP): triphasic, about 5-15 ms long, a few hundred
  microvolts to a few millivolts (Daube & Rubin 2009, Muscle Nerve 39:244-270);
- fibre (fibrillation) potential: biphasic with an initial positive phase, 1-5 ms, 20-200
  microvolts (Davalos & Kushlaf, StatPearls: Abnormal Spontaneous Electromyographic Activity);
- surface MUAP: low-pass filtered by the tissue between fibres and skin, so longer and smaller;
  surface EMG power lies mostly below 400-500 Hz (Merletti & Parker 2004, Electromyography).

Potentials are in volts with their physical sign (a needle MUAP's main phase is negative).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from lessons.physiology import _budget
from lessons.physiology import _validation as check
from lessons.physiology._convolution import fft_convolve, upsample

#: Needle MUAP duration, 10 ms: middle of the normal 5-15 ms range (Daube & Rubin 2009).
NEEDLE_MUAP_DURATION = 0.010
#: Needle MUAP peak-to-peak amplitude, 0.5 mV: a typical normal value (Daube & Rubin 2009).
NEEDLE_MUAP_AMPLITUDE = 0.5e-3
#: Fibrillation potential duration, 2 ms, inside 1-5 ms (Davalos & Kushlaf, StatPearls).
FIBRE_POTENTIAL_DURATION = 0.002
#: Fibrillation potential amplitude, 100 microvolts, inside 20-200 (Davalos & Kushlaf).
FIBRE_POTENTIAL_AMPLITUDE = 100e-6
#: Surface MUAP duration, 15 ms: tissue low-pass filtering lengthens the needle shape
#: (Merletti & Parker 2004); a teaching value.
SURFACE_MUAP_DURATION = 0.015
#: Surface MUAP amplitude of the largest unit, 0.2 mV (a teaching value; smaller units scale
#: with their twitch force as a proxy for fibre number, as in Fuglevand et al. 1993).
SURFACE_MUAP_AMPLITUDE = 0.2e-3
#: Spread (standard deviation of the natural log) of needle MUAP amplitudes across units: the
#: electrode sits at different distances from each unit's fibres (a teaching value).
NEEDLE_AMPLITUDE_SPREAD = 0.6
#: Default EMG sampling rate, 10 kHz (clinical needle EMG bandwidth reaches a few kHz).
DEFAULT_SAMPLING_RATE = 10_000.0
#: Accepted sampling rates: 2-100 kHz.
SAMPLING_RATE_RANGE = (2_000.0, 100_000.0)
#: Longest EMG record accepted, 10 minutes.
MAX_DURATION = 600.0
#: Longest audio clip produced, 30 s: notebooks embed the samples in the page.
MAX_AUDIO_DURATION = 30.0
#: Lowest audio rate produced, 8 kHz: browsers refuse to play much lower rates.
MIN_AUDIO_RATE = 8_000
#: A waveform is drawn over this many time constants on each side of its centre.
_HALF_SPAN = 4.0


@dataclass(frozen=True, eq=False)
class Waveform:
    """One action potential: time (s, centred on the discharge) and voltage (V)."""

    time: np.ndarray
    voltage: np.ndarray
    sampling_rate: float

    @property
    def peak_to_peak(self) -> float:
        return float(self.voltage.max() - self.voltage.min())

    @property
    def duration(self) -> float:
        return float(self.time[-1] - self.time[0])


@dataclass(frozen=True, eq=False)
class EmgSignal:
    """An EMG record: time (s) and voltage (V) sampled at ``sampling_rate`` (Hz)."""

    time: np.ndarray
    voltage: np.ndarray
    sampling_rate: float


def _sampling_rate(value: float) -> float:
    low, high = SAMPLING_RATE_RANGE
    return check.scalar("sampling_rate", value, low, high)


def _shape(sampling_rate: float, duration: float, amplitude: float, name: str) -> tuple:
    rate = _sampling_rate(sampling_rate)
    length = check.scalar("duration", duration, 0.0005, 0.1)
    size = check.scalar("amplitude", amplitude, 0.0, 0.1)
    width = length / (2 * _HALF_SPAN)
    if width * rate < 1.0:
        raise ValueError(
            f"duration={duration!r} s is too short for sampling_rate={sampling_rate!r} Hz: a "
            f"{name} needs at least {2 * _HALF_SPAN:g} samples; allowed duration >= "
            f"{2 * _HALF_SPAN / rate:g} s"
        )
    half = math.ceil(_HALF_SPAN * width * rate)
    time = np.arange(-half, half + 1) / rate
    return time, time / width, size, rate


def motor_unit_potential(
    sampling_rate: float = DEFAULT_SAMPLING_RATE,
    duration: float = NEEDLE_MUAP_DURATION,
    amplitude: float = NEEDLE_MUAP_AMPLITUDE,
) -> Waveform:
    """A triphasic needle MUAP (positive, large negative, positive) of the given peak-to-peak
    ``amplitude`` (V) and ``duration`` (s)."""
    time, u, size, rate = _shape(sampling_rate, duration, amplitude, "MUAP")
    shape = -(1.0 - u**2) * np.exp(-(u**2) / 2)
    return Waveform(time, size * shape / np.ptp(shape), rate)


def fibre_potential(
    sampling_rate: float = DEFAULT_SAMPLING_RATE,
    duration: float = FIBRE_POTENTIAL_DURATION,
    amplitude: float = FIBRE_POTENTIAL_AMPLITUDE,
) -> Waveform:
    """A biphasic single-fibre (fibrillation) potential with an initial positive phase."""
    return _biphasic(sampling_rate, duration, amplitude, "fibre potential")


def surface_potential(
    sampling_rate: float = DEFAULT_SAMPLING_RATE,
    duration: float = SURFACE_MUAP_DURATION,
    amplitude: float = SURFACE_MUAP_AMPLITUDE,
) -> Waveform:
    """A smooth biphasic surface MUAP (what a bipolar skin electrode pair records)."""
    return _biphasic(sampling_rate, duration, amplitude, "surface MUAP")


def _biphasic(sampling_rate: float, duration: float, amplitude: float, name: str) -> Waveform:
    # The first derivative of a Gaussian: positive then negative, scaled to peak-to-peak size.
    time, u, size, rate = _shape(sampling_rate, duration, amplitude, name)
    shape = -u * np.exp(-(u**2) / 2)
    return Waveform(time, size * shape / np.ptp(shape), rate)


def emg_from_spikes(
    spike_times: Sequence[ArrayLike],
    duration: float,
    waveform: Waveform,
    weights: ArrayLike | None = None,
    noise_rms: float = 0.0,
    seed: int = 0,
) -> EmgSignal:
    """Sum ``waveform`` (scaled by each train's weight) centred on every discharge.

    All trains share one shape, so the sum is a single convolution of weighted impulses.
    ``noise_rms`` (V) adds Gaussian baseline noise.
    """
    if not isinstance(waveform, Waveform):
        raise ValueError(
            f"waveform must be a Waveform (e.g. motor_unit_potential()); got {waveform!r:.60}"
        )
    length = check.positive("duration", duration, MAX_DURATION)
    rate = waveform.sampling_rate
    n_samples = check.sample_count("duration", length, 1.0 / rate)
    trains = check.spike_trains("spike_times", spike_times)
    scale = np.ones(len(trains)) if weights is None else check.finite_array("weights", weights)
    if scale.shape != (len(trains),):
        raise ValueError(
            f"weights must hold one number per spike train ({len(trains)}); got shape {scale.shape}"
        )
    noise = check.scalar("noise_rms", noise_rms, 0.0, 0.01)
    rng = check.random_generator("seed", seed)
    half = (len(waveform.voltage) - 1) // 2
    # Impulses on a grid extended by half a waveform on both sides, so potentials of spikes
    # just outside the window still show their tails inside it.
    padded = n_samples + 2 * half
    spikes = sum(times.size for times in trains)
    _budget.require(
        "duration",
        duration,
        64 * spikes
        + 2 * _budget.FLOAT * padded
        + _budget.fft_convolution_bytes(padded, len(waveform.voltage))
        + 3 * _budget.FLOAT * n_samples,
        "shorten the duration or lower the sampling rate",
    )
    # Times far outside the window are dropped before they become indices (1e308 * rate
    # would not fit an integer).
    with np.errstate(over="ignore"):
        columns = np.rint(np.concatenate([np.zeros(0), *trains]) * rate) + half
    values = np.repeat(scale, [len(times) for times in trains])
    inside = (columns >= 0) & (columns < padded)
    impulses = np.bincount(
        columns[inside].astype(np.intp), values[inside], minlength=padded
    ).astype(float)
    voltage = fft_convolve(impulses, waveform.voltage)[2 * half : 2 * half + n_samples]
    if noise > 0:
        voltage = voltage + rng.normal(0.0, noise, n_samples)
    return EmgSignal(np.arange(n_samples) / rate, voltage, rate)


def needle_emg(
    spike_times: Sequence[ArrayLike],
    duration: float,
    sampling_rate: float = DEFAULT_SAMPLING_RATE,
    amplitude: float = NEEDLE_MUAP_AMPLITUDE,
    noise_rms: float = 0.0,
    seed: int = 0,
) -> EmgSignal:
    """Needle EMG of motor units: each unit's MUAP has its own size, drawn log-normally around
    ``amplitude`` because the needle lies at a different distance from each unit."""
    trains = check.spike_trains("spike_times", spike_times)
    rng = check.random_generator("seed", seed)
    sizes = np.exp(rng.normal(0.0, NEEDLE_AMPLITUDE_SPREAD, len(trains)))
    waveform = motor_unit_potential(sampling_rate, amplitude=amplitude)
    return emg_from_spikes(trains, duration, waveform, sizes, noise_rms, seed + 1)


def surface_emg(
    spike_times: Sequence[ArrayLike],
    duration: float,
    unit_sizes: ArrayLike | None = None,
    sampling_rate: float = DEFAULT_SAMPLING_RATE,
    amplitude: float = SURFACE_MUAP_AMPLITUDE,
    noise_rms: float = 0.0,
    seed: int = 0,
) -> EmgSignal:
    """Surface EMG: every unit's surface MUAP scaled by its size (e.g. twitch peak force) relative
    to the largest, which has peak-to-peak ``amplitude``."""
    trains = check.spike_trains("spike_times", spike_times)
    if unit_sizes is None:
        sizes = np.ones(len(trains))
    else:
        sizes = check.array_in_range("unit_sizes", unit_sizes, 0.0, np.inf)
        if sizes.max(initial=0.0) > 0:
            sizes = sizes / sizes.max()
    waveform = surface_potential(sampling_rate, amplitude=amplitude)
    return emg_from_spikes(trains, duration, waveform, sizes, noise_rms, seed)


def fibrillation_emg(
    spike_times: Sequence[ArrayLike],
    duration: float,
    sampling_rate: float = DEFAULT_SAMPLING_RATE,
    amplitude: float = FIBRE_POTENTIAL_AMPLITUDE,
    noise_rms: float = 0.0,
    seed: int = 0,
) -> EmgSignal:
    """Needle EMG of discharging single fibres (fibrillation potentials)."""
    waveform = fibre_potential(sampling_rate, amplitude=amplitude)
    return emg_from_spikes(spike_times, duration, waveform, None, noise_rms, seed)


def emg_audio(signal: ArrayLike, sampling_rate: float) -> tuple[np.ndarray, int]:
    """The EMG as a sound: waveform scaled to [-1, 1] and its rate, for
    ``IPython.display.Audio(waveform, rate=rate)``.

    The mean is removed and the largest excursion scaled to 1 (a silent record stays zeros).
    Records sampled below 8 kHz are resampled up; clips are limited to 30 s.
    """
    rate = check.scalar("sampling_rate", sampling_rate, 100.0, 200_000.0)
    size = np.size(signal) if isinstance(signal, np.ndarray) else None
    if size is not None and size / rate > MAX_AUDIO_DURATION:
        raise ValueError(
            f"signal lasts {size / rate:g} s; the allowed range for audio is at most "
            f"{MAX_AUDIO_DURATION:g} s (cut the record first)"
        )
    voltage = check.finite_array("signal", signal)
    if voltage.ndim != 1 or voltage.size == 0:
        raise ValueError(f"signal must be a non-empty 1-D array; got shape {voltage.shape}")
    if voltage.size / rate > MAX_AUDIO_DURATION:
        raise ValueError(
            f"signal lasts {voltage.size / rate:g} s; the allowed range for audio is at most "
            f"{MAX_AUDIO_DURATION:g} s (cut the record first)"
        )
    output_rate = round(rate)
    factor = max(1, math.ceil(MIN_AUDIO_RATE / output_rate))
    # The upsampled record and three copies of it (centred, scaled, clipped), plus the input
    # spectrum: 30 s at 200 kHz is 6 million samples, about 190 MB.
    _budget.require("signal", signal, 5 * _budget.FLOAT * voltage.size * factor, "a shorter record")
    if output_rate < MIN_AUDIO_RATE:
        voltage = upsample(voltage, factor)
        output_rate *= factor
    centred = voltage - voltage.mean()
    peak = np.abs(centred).max()
    waveform = centred / peak if peak > 0 else np.zeros_like(centred)
    return np.clip(waveform, -1.0, 1.0), output_rate
