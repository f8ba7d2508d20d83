"""After a motor nerve is cut: when fibrillations and positive sharp waves appear and fade.

Denervated muscle fibres start to discharge on their own, regularly, at 0.5-15 Hz: as
fibrillation potentials (brief, biphasic, initially positive) and positive sharp waves (a
sharp positive deflection and a long, shallow negative phase); both have the same meaning
(Davalos & Kushlaf 2023, StatPearls). The time course:

- **onset**: the accepted guideline is 1 to 4 weeks after an axonal injury, a guideline that
  rests mostly on animal studies (Willmott, White & Dukelow 2012, Muscle Nerve 46:332-340);
  the longer the stretch of nerve between the injury and the muscle, the later they appear
  (Luco & Eyzaguirre 1955, J Neurophysiol 18:65-73). Onset here rises linearly from 7 days
  for an injury at the muscle to 28 days for one 100 cm away: the straight line is an
  illustrative choice inside the guideline;
- **size**: the largest fibrillation potentials shrink as the denervated fibres atrophy:
  mean maximal amplitude 612 microvolts in the first 2 months, 512 in months 3-4, 320 in
  months 5-6, none above 100 after the first year (Kraft 1990, Muscle Nerve 13:814-821);
- **fading**: they stop once fibres are reinnervated (Davalos & Kushlaf 2023). After
  reinnervation begins, their abundance falls linearly to nothing over 90 days here, and
  rises over 7 days after onset: both spans are illustrative.

Times are in days for the course and seconds for the traces, potentials in volts.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from lessons.physiology import _validation as check
from lessons.physiology.emg import EmgSignal, Waveform, emg_from_spikes, fibre_potential
from lessons.physiology.recordings import AUDIO_RATE, NEEDLE_NOISE_RMS
from lessons.physiology.signatures import OTHER_FIBRE_RATES
from lessons.physiology.spontaneous import fibrillation

#: Onset of fibrillations (days) for an injury at the muscle and one 100 cm away: the 1 and
#: 4 weeks of the guideline (Willmott et al. 2012).
ONSET_RANGE_DAYS = (7.0, 28.0)
#: Longest injury-to-muscle distance accepted (cm), about the length of a leg's nerves.
MAX_DISTANCE_CM = 100.0
#: Default distance (cm), e.g. a nerve injured at the knee for a foot muscle (illustrative).
DEFAULT_DISTANCE_CM = 40.0
#: Days from onset to full abundance, and from the start of reinnervation to none
#: (illustrative spans).
RISE_DAYS = 7.0
REINNERVATION_DAYS = 90.0
#: Mean maximal fibrillation amplitudes after injury (Kraft 1990): months and volts, at the
#: middle of each of his periods (first 2 months; months 3-4; months 5-6), and at most 100
#: microvolts after the first year.
AMPLITUDE_MONTHS = (1.0, 3.5, 5.5, 12.0)
AMPLITUDE_VOLTS = (612e-6, 512e-6, 320e-6, 100e-6)
#: Days per month, for reading Kraft's months on a day axis.
DAYS_PER_MONTH = 30.44
#: Longest time after injury accepted, 3 years (days).
MAX_DAY = 3 * 365.0
#: Positive sharp wave: 10 ms long (illustrative: a sharp positive deflection of about 1 ms
#: and a shallow negative phase several times longer; Davalos & Kushlaf 2023).
SHARP_WAVE_DURATION = 0.010
#: Share of the denervated fibres near the needle seen as positive sharp waves (illustrative).
SHARP_WAVE_SHARE = 0.5
#: Denervated fibres near the needle at full abundance, and the trace's limits (s): up to 3 s
#: keeps the largest call under 10 ms.
DEFAULT_FIBRES = 6
FIBRE_RANGE = (1, 20)
TRACE_DURATION_RANGE = (0.2, 3.0)


def fibrillation_onset_day(distance_cm: float = DEFAULT_DISTANCE_CM) -> float:
    """Day after injury on which fibrillations appear, for an injury ``distance_cm`` from the
    muscle (linear inside the 1-4 week guideline; see the module docstring)."""
    distance = check.scalar("distance_cm", distance_cm, 0.0, MAX_DISTANCE_CM)
    early, late = ONSET_RANGE_DAYS
    return early + (late - early) * distance / MAX_DISTANCE_CM


def largest_fibrillation(days: ArrayLike) -> np.ndarray:
    """Mean maximal fibrillation amplitude (V) at ``days`` after injury (Kraft 1990),
    interpolated between his periods and flat before the first and after the last."""
    day = check.array_in_range("days", days, 0.0, MAX_DAY, bytes_per_element=32)
    return np.interp(day / DAYS_PER_MONTH, AMPLITUDE_MONTHS, AMPLITUDE_VOLTS)


@dataclass(frozen=True, eq=False)
class DenervationCourse:
    """How abundant (0-1) and how large (V) fibrillations are on each day after injury."""

    days: np.ndarray
    abundance: np.ndarray
    amplitude: np.ndarray
    onset_day: float
    reinnervation_day: float | None


def denervation_course(
    days: ArrayLike,
    distance_cm: float = DEFAULT_DISTANCE_CM,
    reinnervation_day: float | None = None,
) -> DenervationCourse:
    """Abundance and size of fibrillations on ``days`` after a motor nerve injury
    ``distance_cm`` from the muscle; ``reinnervation_day`` None means no reinnervation."""
    day = check.array_in_range("days", days, 0.0, MAX_DAY, bytes_per_element=64)
    onset = fibrillation_onset_day(distance_cm)
    abundance = np.clip((day - onset) / RISE_DAYS, 0.0, 1.0)
    regrowth = None
    if reinnervation_day is not None:
        regrowth = check.scalar("reinnervation_day", reinnervation_day, 0.0, MAX_DAY)
        abundance = abundance * np.clip(1.0 - (day - regrowth) / REINNERVATION_DAYS, 0.0, 1.0)
    return DenervationCourse(
        days=day,
        abundance=abundance,
        amplitude=largest_fibrillation(day),
        onset_day=onset,
        reinnervation_day=regrowth,
    )


def positive_sharp_wave(
    sampling_rate: float = AUDIO_RATE,
    duration: float = SHARP_WAVE_DURATION,
    amplitude: float = 100e-6,
) -> Waveform:
    """A positive sharp wave (V, physical sign): a fast positive deflection at the centre,
    then a shallow negative phase that decays over ``duration``; illustrative shape."""
    rate = check.scalar("sampling_rate", sampling_rate, 2_000.0, 100_000.0)
    length = check.scalar("duration", duration, 0.002, 0.05)
    size = check.scalar("amplitude", amplitude, 0.0, 0.01)
    time = np.arange(-round(length * rate), round(length * rate) + 1) / rate
    after = np.clip(time, 0.0, None)
    spike = np.exp(-0.5 * (time / 0.0004) ** 2)
    tail = (after / (0.2 * length)) * np.exp(1.0 - after / (0.2 * length))
    shape = spike - 0.3 * tail
    return Waveform(time, size * shape / np.ptp(shape), rate)


@dataclass(frozen=True, eq=False)
class DenervationRecording:
    """A needle at rest in a denervated muscle on one day: the trace, the discharge times of
    the fibres seen as fibrillations and as positive sharp waves, and the day's course."""

    emg: EmgSignal
    fibrillations: tuple[np.ndarray, ...]
    sharp_waves: tuple[np.ndarray, ...]
    day: float
    abundance: float
    amplitude: float

    @property
    def active_fibres(self) -> int:
        return len(self.fibrillations) + len(self.sharp_waves)


def denervation_emg(
    day: float,
    distance_cm: float = DEFAULT_DISTANCE_CM,
    reinnervation_day: float | None = None,
    duration: float = 1.0,
    fibres: int = DEFAULT_FIBRES,
    seed: int = 0,
) -> DenervationRecording:
    """Needle EMG at rest ``day`` days after injury: of ``fibres`` denervated fibres near the
    needle, the day's abundance fire regularly (1-14 Hz, seeded), about half seen as
    positive sharp waves, with sizes up to the day's largest amplitude (Kraft 1990)."""
    moment = check.scalar("day", day, 0.0, MAX_DAY)
    length = check.scalar("duration", duration, *TRACE_DURATION_RANGE)
    count = check.integer("fibres", fibres, *FIBRE_RANGE)
    course = denervation_course(np.array([moment]), distance_cm, reinnervation_day)
    abundance, amplitude = float(course.abundance[0]), float(course.amplitude[0])
    rng = check.random_generator("seed", seed)
    rates = rng.uniform(*OTHER_FIBRE_RATES, count)
    sizes = rng.uniform(0.3, 1.0, count)
    sharp = rng.uniform(size=count) < SHARP_WAVE_SHARE
    active = np.arange(count) < round(abundance * count)
    trains = [
        fibrillation(length, rate=rate, fibre=fibre, seed=seed + 101 * fibre).spike_times[0]
        for fibre, rate in enumerate(rates)
    ]
    fib = active & ~sharp
    psw = active & sharp
    voltage = emg_from_spikes(
        [trains[i] for i in np.flatnonzero(fib)],
        length,
        fibre_potential(AUDIO_RATE, amplitude=amplitude),
        sizes[fib],
        noise_rms=NEEDLE_NOISE_RMS,
        seed=seed,
    )
    waves = emg_from_spikes(
        [trains[i] for i in np.flatnonzero(psw)],
        length,
        positive_sharp_wave(AUDIO_RATE, amplitude=amplitude),
        sizes[psw],
    )
    return DenervationRecording(
        emg=EmgSignal(voltage.time, voltage.voltage + waves.voltage, AUDIO_RATE),
        fibrillations=tuple(trains[i] for i in np.flatnonzero(fib)),
        sharp_waves=tuple(trains[i] for i in np.flatnonzero(psw)),
        day=moment,
        abundance=abundance,
        amplitude=amplitude,
    )
