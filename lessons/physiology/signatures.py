"""Fasciculation, fibrillation and cramp as a needle near their sources records them.

Lessons 04-07 tell the three apart by their EMG signature: how many sources fire, how regularly
and how fast, and how big each potential is. The discharges come from the generators of
``lessons.physiology.spontaneous``; the voltages from ``needle_emg`` (whole motor units) or
``emg_from_spikes`` with a fibre potential (single fibres), at the audio rate so the same record
can be drawn and played.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from lessons.physiology import _validation as check
from lessons.physiology.emg import EmgSignal, emg_from_spikes, fibre_potential, needle_emg
from lessons.physiology.recordings import AUDIO_RATE, NEEDLE_NOISE_RMS
from lessons.physiology.spontaneous import (
    SpontaneousActivity,
    cramp,
    fasciculation,
    fibrillation,
)

#: Length of each signature recording (s): long enough for a few fibrillation potentials.
SIGNATURE_DURATION = 3.0
#: Shortest and longest recording accepted (s).
DURATION_RANGE = (0.5, 30.0)
#: The signatures, with the number of sources near the needle each starts with: one unit for a
#: fasciculation (Dengler et al. 2020), one fibre for a fibrillation (Davalos & Kushlaf 2023),
#: ten units for a cramp, which recruits many (Minetto et al. 2009).
SIGNATURES = {"fasciculation": 1, "fibrillation": 1, "cramp": 10}
#: Sources near the needle allowed (units, or fibres for a fibrillation): a teaching range.
SOURCE_RANGE = (1, 15)
#: Fibrillation: the first fibre fires at 5 Hz, the others at rates drawn from 1-14 Hz, all
#: inside the regular 0.5-15 Hz of fibrillation potentials (Davalos & Kushlaf 2023).
FIRST_FIBRE_RATE = 5.0
OTHER_FIBRE_RATES = (1.0, 14.0)
#: Fibrillation potential sizes relative to 100 microvolts: 0.3-1.5, i.e. 30-150 microvolts,
#: inside the 20-200 microvolts of Davalos & Kushlaf (2023).
FIBRE_SIZE_RANGE = (0.3, 1.5)
#: Fasciculation: the first unit is made to fire at this time (s), each other unit once at a
#: random time, so every source shows at least one twitch in a short clip.
FIRST_FASCICULATION = 0.6
#: Muscle a needle sits in during the simulated calf cramp.
CRAMP_MUSCLE = "gastrocnemius medialis"
#: Seeds of the sources are spaced this far apart, so adding a source leaves the others as
#: they were.
SOURCE_SEED_STEP = 101


@dataclass(frozen=True, eq=False)
class SignatureRecording:
    """A fasciculation, fibrillation or cramp as a needle near its sources records it."""

    activity: SpontaneousActivity
    emg: EmgSignal

    @property
    def kind(self) -> str:
        return self.activity.kind

    @property
    def sources(self) -> int:
        """Units (or fibres) near the needle."""
        return len(self.activity.spike_times)

    @property
    def discharges(self) -> int:
        """Discharges of all sources together."""
        return sum(len(times) for times in self.activity.spike_times)

    @property
    def summed_rate(self) -> float:
        """Potentials per second from all sources together (Hz)."""
        return self.discharges / self.activity.duration

    @cached_property
    def rates(self) -> np.ndarray:
        """Each source's discharge rate (Hz); see :func:`source_rates` (computed once: the
        readout asks for several statistics of them)."""
        return source_rates(self.activity)

    @property
    def slowest_rate(self) -> float:
        """Rate of the slowest source with two or more discharges (Hz); NaN if none."""
        return _nan_safe(np.nanmin, self.rates)

    @property
    def fastest_rate(self) -> float:
        """Rate of the fastest source (Hz); NaN if no source fired twice."""
        return _nan_safe(np.nanmax, self.rates)

    @property
    def mean_rate(self) -> float:
        """Mean rate of the sources that fired twice or more (Hz); NaN if none did."""
        return _nan_safe(np.nanmean, self.rates)

    @property
    def peak_to_peak(self) -> float:
        """Span of the needle trace, lowest to highest (V)."""
        return float(np.ptp(self.emg.voltage))


def signature_kind(kind: object) -> str:
    """``kind`` if it names a signature; otherwise a ValueError listing them."""
    if kind not in SIGNATURES:
        raise ValueError(f"kind must be one of {list(SIGNATURES)}; got {kind!r}")
    return str(kind)


def record_signature(
    kind: str,
    sources: int | None = None,
    duration: float = SIGNATURE_DURATION,
    seed: int = 0,
) -> SignatureRecording:
    """A needle recording of ``sources`` fasciculating units, fibrillating fibres or cramping
    units (default: the starting number for that kind).

    - fasciculation: each unit fires alone at random (``fasciculation``, 0.2 Hz); each is
      also made to fire once (the first at 0.6 s, the others at random times) so a short
      clip shows every source;
    - fibrillation: each fibre fires regularly (``fibrillation``): the first at 5 Hz, the
      others at seeded rates of 1-14 Hz, with sizes of 30-150 microvolts;
    - cramp: ``sources`` units of one calf muscle during a cramp (``cramp``), each firing
      irregularly at 6-25 Hz (Minetto et al. 2009).
    """
    signature_kind(kind)
    count = SIGNATURES[kind] if sources is None else sources
    count = check.integer("sources", count, *SOURCE_RANGE)
    length = check.scalar("duration", duration, *DURATION_RANGE)
    record = {"fasciculation": _fasciculation, "fibrillation": _fibrillation, "cramp": _cramp}
    return record[kind](count, length, seed)


def _fasciculation(count: int, length: float, seed: int) -> SignatureRecording:
    rng = np.random.default_rng(seed)
    onsets = np.concatenate(
        [[min(FIRST_FASCICULATION, length / 2)], rng.uniform(0.1, length - 0.1, count - 1)]
    )
    trains = [
        fasciculation(length, unit=unit, first_discharge=onset, seed=seed + SOURCE_SEED_STEP * unit)
        for unit, onset in enumerate(onsets)
    ]
    activity = _combine("fasciculation", trains)
    emg = needle_emg(
        activity.spike_times, length, AUDIO_RATE, noise_rms=NEEDLE_NOISE_RMS, seed=seed
    )
    return SignatureRecording(activity, emg)


def _fibrillation(count: int, length: float, seed: int) -> SignatureRecording:
    rng = np.random.default_rng(seed)
    rates = np.concatenate([[FIRST_FIBRE_RATE], rng.uniform(*OTHER_FIBRE_RATES, count - 1)])
    trains = [
        fibrillation(length, rate=rate, fibre=fibre, seed=seed + SOURCE_SEED_STEP * fibre)
        for fibre, rate in enumerate(rates)
    ]
    activity = _combine("fibrillation", trains)
    sizes = np.concatenate([[1.0], rng.uniform(*FIBRE_SIZE_RANGE, count - 1)])
    emg = emg_from_spikes(
        activity.spike_times,
        length,
        fibre_potential(AUDIO_RATE),
        sizes,
        noise_rms=NEEDLE_NOISE_RMS,
        seed=seed,
    )
    return SignatureRecording(activity, emg)


def _cramp(count: int, length: float, seed: int) -> SignatureRecording:
    activity = cramp(length, {CRAMP_MUSCLE: count}, seed=seed)
    emg = needle_emg(
        activity.spike_times, length, AUDIO_RATE, noise_rms=NEEDLE_NOISE_RMS, seed=seed
    )
    return SignatureRecording(activity, emg)


def _combine(kind: str, parts: Sequence[SpontaneousActivity]) -> SpontaneousActivity:
    """One activity record from single-source records of the same window."""
    return SpontaneousActivity(
        kind=kind,
        duration=parts[0].duration,
        sources=tuple(part.sources[0] for part in parts),
        muscles=tuple(part.muscles[0] for part in parts),
        spike_times=tuple(part.spike_times[0] for part in parts),
    )


def _nan_safe(statistic: Callable[[np.ndarray], float], rates: np.ndarray) -> float:
    """``statistic`` of the rates that are known, NaN (without a warning) if none is."""
    return float(statistic(rates)) if np.any(np.isfinite(rates)) else float("nan")


def source_rates(activity: SpontaneousActivity) -> np.ndarray:
    """Each source's discharge rate (Hz) as 1 / mean interval, NaN for fewer than two
    discharges (counting discharges in a short window underestimates the rate)."""
    return np.array(
        [
            1.0 / np.mean(np.diff(times)) if len(times) > 1 else np.nan
            for times in activity.spike_times
        ]
    )
