"""Voluntary contractions as EMG electrodes record them (lesson 04).

A contraction of the Fuglevand et al. (1993) pool (``MotorUnitPool``) is recorded twice from the
same discharges: by a needle that picks up only the few units near its tip (``needle_emg``) and
by surface electrodes that pick up every unit through the tissue (``surface_emg``). The effort
is either steady or a ramp rising from zero, the experiment that shows recruitment in order of
threshold and rates rising with drive.

EMG is sampled at 8 kHz, the audio rate, so the same record can be drawn and played.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
from numpy.typing import ArrayLike

from lessons.physiology import _validation as check
from lessons.physiology.emg import EmgSignal, needle_emg, surface_emg
from lessons.physiology.pool import MotorUnitPool

#: EMG sampling rate for everything that is also played (Hz): the lowest rate browsers play
#: reliably, which keeps clips small and still resolves 10 ms MUAPs (80 samples each).
AUDIO_RATE = 8_000.0
#: Units of the default 120-unit pool that lie near the needle tip: every 8th in recruitment
#: order (15 units spread from the smallest to the largest). A needle records clearly only
#: fibres close to its tip (Nandedkar et al. 1988); the number is a teaching choice.
NEEDLE_UNITS = tuple(range(0, 120, 8))
#: Seed for the needle MUAP sizes: fixed, so every unit keeps its size as effort changes.
NEEDLE_SIZE_SEED = 1
#: Seed for the discharge times: fixed, so moving a slider changes the rates, not the luck.
DISCHARGE_SEED = 3
#: Baseline noise of the needle and surface recordings (V rms): illustrative values that keep
#: the baseline from being perfectly flat, far below a MUAP (Daube & Rubin 2009: MUAPs of a few
#: hundred microvolts and more).
NEEDLE_NOISE_RMS = 5e-6
SURFACE_NOISE_RMS = 1e-6
#: Length of the effort ramp (s): drive rises linearly from zero to the chosen peak.
RAMP_DURATION = 3.0
#: Shortest and longest recording accepted (s): long enough for a few discharges at 8 Hz, short
#: enough to keep a clip of 8 kHz audio small.
DURATION_RANGE = (0.05, 10.0)
#: Step of a drive profile (s): the pool's simulation step.
DRIVE_STEP = 0.001


@dataclass(frozen=True, eq=False)
class VoluntaryRecording:
    """A voluntary contraction of the pool seen by a needle and by surface electrodes.

    ``spike_times`` holds every unit's discharges; ``needle`` records only ``needle_units``
    (indices into the pool, in recruitment order), ``surface`` all units. ``final_rates`` are
    the units' firing rates (Hz) at the last drive value (the peak of a ramp).
    """

    spike_times: tuple[np.ndarray, ...]
    needle: EmgSignal
    surface: EmgSignal
    needle_units: tuple[int, ...]
    final_rates: np.ndarray

    @property
    def n_units(self) -> int:
        """Units in the pool."""
        return len(self.spike_times)

    @property
    def recruited(self) -> int:
        """How many units of the whole pool fired at least once."""
        return sum(len(times) > 0 for times in self.spike_times)

    @property
    def near_needle(self) -> tuple[np.ndarray, ...]:
        """Discharge times of the units near the needle, in recruitment order."""
        return tuple(self.spike_times[unit] for unit in self.needle_units)

    @property
    def recruited_near_needle(self) -> int:
        """How many of the units near the needle fired at least once."""
        return sum(len(times) > 0 for times in self.near_needle)

    @property
    def first_unit_rate(self) -> float:
        """Firing rate (Hz) of the first unit recruited, at the last drive value."""
        return float(self.final_rates[0])

    @property
    def needle_peak(self) -> float:
        """Largest needle voltage, either sign (V): the loudness reference of the needle."""
        return float(np.abs(self.needle.voltage).max())

    @property
    def surface_peak(self) -> float:
        """Largest surface voltage, either sign (V)."""
        return float(np.abs(self.surface.voltage).max())

    @property
    def surface_rms(self) -> float:
        """Root-mean-square surface voltage (V): the usual measure of surface EMG amplitude."""
        return float(np.sqrt(np.mean(self.surface.voltage**2)))


def record_voluntary(
    drive: float | ArrayLike,
    duration: float,
    pool: MotorUnitPool | None = None,
    seed: int = DISCHARGE_SEED,
) -> VoluntaryRecording:
    """Needle and surface EMG of the pool at ``drive`` (fraction of maximal excitation, one
    number or one value per millisecond for a ramp) for ``duration`` seconds.

    Surface MUAPs scale with each unit's twitch force, a proxy for its number of fibres
    (Fuglevand et al. 1993); needle MUAPs get sizes set by distance (``needle_emg``).
    """
    pool = MotorUnitPool() if pool is None else pool
    length = check.scalar("duration", duration, *DURATION_RANGE)
    if pool.n_units <= max(NEEDLE_UNITS):
        raise ValueError(
            f"pool must have more than {max(NEEDLE_UNITS)} units so the needle's units exist; "
            f"got n_units={pool.n_units}"
        )
    # The EMG needs only the discharges, not the force sums (most of a simulation's work).
    spike_times = pool.discharge_times(drive, length, seed=seed)
    near = [spike_times[unit] for unit in NEEDLE_UNITS]
    needle = needle_emg(near, length, AUDIO_RATE, noise_rms=NEEDLE_NOISE_RMS, seed=NEEDLE_SIZE_SEED)
    surface = surface_emg(
        spike_times,
        length,
        pool.peak_forces,
        AUDIO_RATE,
        noise_rms=SURFACE_NOISE_RMS,
        seed=seed,
    )
    final_rates = pool.rates(float(np.ravel(drive)[-1]))
    return VoluntaryRecording(spike_times, needle, surface, NEEDLE_UNITS, final_rates)


def ramp_drive(peak_effort: float, duration: float = RAMP_DURATION) -> np.ndarray:
    """Drive rising linearly from 0 to ``peak_effort`` (0-1), one value per millisecond."""
    peak = check.fraction("peak_effort", peak_effort)
    length = check.scalar("duration", duration, *DURATION_RANGE)
    samples = int(np.floor(length / DRIVE_STEP + 1e-9)) + 1
    return np.linspace(0.0, peak, samples)


@dataclass(frozen=True, eq=False)
class RampRecording:
    """A ramp of effort from zero to ``peak_effort`` over ``duration`` seconds, recorded."""

    peak_effort: float
    duration: float
    recording: VoluntaryRecording

    @cached_property
    def recruitment_times(self) -> np.ndarray:
        """First discharge (s) of each unit near the needle that fired, in recruitment order."""
        return np.array([times[0] for times in self.recording.near_needle if len(times)])

    @property
    def last_recruitment_time(self) -> float:
        """When the last unit near the needle joined (s); NaN if none did."""
        onsets = self.recruitment_times
        return float(onsets.max()) if len(onsets) else float("nan")

    @property
    def last_recruitment_effort(self) -> float:
        """Effort (fraction of maximal drive) when the last unit near the needle joined; NaN
        if none did. The drive rises linearly, so effort is proportional to time."""
        return self.peak_effort * self.last_recruitment_time / self.duration


def record_ramp(
    peak_effort: float, pool: MotorUnitPool | None = None, duration: float = RAMP_DURATION
) -> RampRecording:
    """A linear ramp of effort up to ``peak_effort`` recorded by needle and surface electrodes:
    units join in order of threshold and speed up as drive rises (Fuglevand et al. 1993)."""
    drive = ramp_drive(peak_effort, duration)
    recording = record_voluntary(drive, duration, pool)
    return RampRecording(float(drive[-1]), float(duration), recording)
