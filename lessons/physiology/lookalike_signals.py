"""What else a "twitch" can be: traces of the look-alikes where a trace teaches the difference.

Illustrative traces, built from the course's needle MUAP (``lessons.physiology.emg``) and
twitch (``lessons.physiology.twitch``) with the firing patterns the literature describes; the
shapes are teaching stand-ins, the rates are sourced:

- **fasciculation**: one motor unit firing alone, irregularly and rarely (well under 1 Hz;
  Mills 2010, Brain 133:3458-3469);
- **myokymic discharges**: the same motor unit firing in brief groups that recur
  semi-rhythmically: a few potentials (2-10) at 5-60 Hz within a group, groups recurring at
  0.1-10 Hz (Gutmann, Libell & Gutmann 2001, Muscle Nerve 24:151-153; Preston & Shapiro 2013);
- **neuromyotonic discharges**: one motor unit firing at 150-300 Hz for 0.5-2 s, starting and
  stopping abruptly, its potential waning as the train goes on (Bednarik & Kadanka 2001, J
  Neurol Neurosurg Psychiatry 70:406-407; Maddison 2006, Clin Neurophysiol 117:2118-2127);
- **tremor**: a rhythmic oscillation of a body part: essential tremor 4-12 Hz (Bhatia et al.
  2018, Mov Disord 33:75-87), physiological tremor 8-12 Hz (Elble 1986, Neurology 36:225-231);
- **clonus**: rhythmic beats at 5-8 Hz set off by a sudden, held stretch, a sign of an upper
  motor neuron lesion (Boyraz et al. 2015, Med Glas 12:19-26).

EMG is sampled at 4 kHz (40 samples per 10 ms MUAP; ``emg_audio`` raises it to 8 kHz for
sound) and movement at 200 Hz, so a 2 s EMG trace holds 8001 samples: views thin it with
``lessons.figures.decimate.min_max_decimate`` to stay under 200 KB per update.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lessons.physiology import _validation as check
from lessons.physiology.emg import NEEDLE_MUAP_DURATION, emg_from_spikes, motor_unit_potential
from lessons.physiology.recordings import NEEDLE_NOISE_RMS
from lessons.physiology.spontaneous import fasciculation
from lessons.physiology.twitch import twitch_force

#: Sampling rates (Hz) of the EMG and of the movement traces.
EMG_RATE = 4_000.0
MOVEMENT_RATE = 200.0
#: Default and accepted trace lengths (s).
DEFAULT_DURATION = 2.0
DURATION_RANGE = (0.5, 10.0)
#: Fasciculation: 30 per minute by default (0.5 Hz, inside "well under 1 Hz"; Mills 2010),
#: the first one forced at 0.3 s so a short clip always shows one.
FASCICULATION_RATE_PER_MIN = 30.0
FIRST_FASCICULATION = 0.3
#: Myokymic discharges (Gutmann et al. 2001; Preston & Shapiro 2013): potentials per group
#: (2-10), rate within a group (5-60 Hz), groups per second (0.1-10 Hz); defaults inside.
MYOKYMIA_SPIKES = (2, 10)
MYOKYMIA_INTRABURST_HZ = (5.0, 60.0)
MYOKYMIA_BURST_HZ = (0.1, 10.0)
#: Variability of the interval between groups ("semi-rhythmic"): CV 0.1, illustrative.
MYOKYMIA_BURST_CV = 0.1
#: Neuromyotonic discharges: 150-300 Hz for 0.5-2 s (Bednarik & Kadanka 2001).
NEUROMYOTONIA_HZ = (150.0, 300.0)
NEUROMYOTONIA_TRAIN_S = (0.5, 2.0)
#: The waning: the last potential of a train is 30 % of the first (illustrative).
NEUROMYOTONIA_END_SIZE = 0.3
#: MUAP drawn in a neuromyotonic train, 4 ms: shortened so potentials 3-7 ms apart stay
#: distinct (illustrative; the main spike of a MUAP lasts a few ms).
NEUROMYOTONIA_MUAP_DURATION = 0.004
#: Tremor frequencies (Hz): 4-12 (Bhatia et al. 2018); default 6 Hz.
TREMOR_HZ = (4.0, 12.0)
#: Tremor amplitude wanders by this much (relative SD per cycle; illustrative).
TREMOR_AMPLITUDE_SD = 0.15
#: Clonus beats at 5-8 Hz (Boyraz et al. 2015); default 6 Hz, beats after a stretch at 0.3 s.
CLONUS_HZ = (5.0, 8.0)
CLONUS_BEATS = (1, 60)
STRETCH_TIME = 0.3
#: Each beat is a twitch whose time to peak is a third of the beat period (illustrative).
CLONUS_TWITCH_SHARE = 1.0 / 3.0


@dataclass(frozen=True, eq=False)
class LookalikeTrace:
    """A look-alike's trace: ``values`` over ``time`` (s) in ``quantity`` (``"needle EMG (V)"``
    or ``"movement (relative)"``), and the times of its discharges or beats (s)."""

    kind: str
    time: np.ndarray
    values: np.ndarray
    sampling_rate: float
    quantity: str
    events: np.ndarray


def _duration(duration: float) -> float:
    return check.scalar("duration", duration, *DURATION_RANGE)


def _needle(
    kind: str,
    times: np.ndarray,
    length: float,
    seed: int,
    sizes: np.ndarray | None = None,
    muap_duration: float = NEEDLE_MUAP_DURATION,
) -> LookalikeTrace:
    """Needle EMG of one unit discharging at ``times``, each potential with its own size
    (all 1 by default: the course's 0.5 mV MUAP)."""
    emg = emg_from_spikes(
        [times[i : i + 1] for i in range(times.size)],
        length,
        motor_unit_potential(EMG_RATE, duration=muap_duration),
        np.ones(times.size) if sizes is None else sizes,
        noise_rms=NEEDLE_NOISE_RMS,
        seed=seed,
    )
    return LookalikeTrace(kind, emg.time, emg.voltage, EMG_RATE, "needle EMG (V)", times)


def fasciculation_trace(
    duration: float = DEFAULT_DURATION,
    rate_per_min: float = FASCICULATION_RATE_PER_MIN,
    seed: int = 0,
) -> LookalikeTrace:
    """A single fasciculation: isolated, irregular discharges of one unit."""
    length = _duration(duration)
    rate = check.scalar("rate_per_min", rate_per_min, 0.0, 60.0)
    first = min(FIRST_FASCICULATION, length / 2)
    times = fasciculation(length, rate=rate / 60.0, first_discharge=first, seed=seed)
    return _needle("fasciculation", times.spike_times[0], length, seed)


def myokymia_trace(
    duration: float = DEFAULT_DURATION,
    burst_rate: float = 2.0,
    spikes_per_burst: int = 5,
    intraburst_rate: float = 40.0,
    seed: int = 0,
) -> LookalikeTrace:
    """Myokymic discharges: groups of ``spikes_per_burst`` potentials of one unit at
    ``intraburst_rate`` Hz, the groups recurring semi-rhythmically at ``burst_rate`` Hz."""
    length = _duration(duration)
    bursts = check.scalar("burst_rate", burst_rate, *MYOKYMIA_BURST_HZ)
    spikes = check.integer("spikes_per_burst", spikes_per_burst, *MYOKYMIA_SPIKES)
    inside = check.scalar("intraburst_rate", intraburst_rate, *MYOKYMIA_INTRABURST_HZ)
    rng = check.random_generator("seed", seed)
    count = int(np.ceil(length * bursts)) + 1
    gaps = np.maximum(rng.normal(1.0, MYOKYMIA_BURST_CV, count), 0.5) / bursts
    starts = rng.uniform(0.0, 0.5) / bursts + np.cumsum(gaps) - gaps[0]
    times = (starts[:, np.newaxis] + np.arange(spikes) / inside).ravel()
    return _needle("myokymia", times[times < length], length, seed)


def neuromyotonia_trace(
    duration: float = DEFAULT_DURATION,
    frequency: float = 200.0,
    train_duration: float = 1.0,
    onset: float = 0.4,
    seed: int = 0,
) -> LookalikeTrace:
    """A neuromyotonic discharge: one unit at ``frequency`` Hz from ``onset`` for
    ``train_duration`` s, starting and stopping abruptly, its potential waning."""
    length = _duration(duration)
    rate = check.scalar("frequency", frequency, *NEUROMYOTONIA_HZ)
    train = check.scalar("train_duration", train_duration, *NEUROMYOTONIA_TRAIN_S)
    start = check.scalar("onset", onset, 0.0, length)
    times = start + np.arange(0.0, train, 1.0 / rate)
    times = times[times < length]
    progress = (times - start) / train
    sizes = NEUROMYOTONIA_END_SIZE**progress  # exponential waning to the end size
    return _needle("neuromyotonia", times, length, seed, sizes, NEUROMYOTONIA_MUAP_DURATION)


def tremor_trace(
    duration: float = DEFAULT_DURATION, frequency: float = 6.0, seed: int = 0
) -> LookalikeTrace:
    """Tremor: a rhythmic oscillation at ``frequency`` Hz whose size wanders a little from
    cycle to cycle (movement, relative units; peaks at about 1)."""
    length = _duration(duration)
    rate = check.scalar("frequency", frequency, *TREMOR_HZ)
    rng = check.random_generator("seed", seed)
    time = np.arange(round(length * MOVEMENT_RATE) + 1) / MOVEMENT_RATE
    cycles = int(np.ceil(length * rate)) + 2
    sizes = np.clip(rng.normal(1.0, TREMOR_AMPLITUDE_SD, cycles), 0.5, 1.5)
    phase = rng.uniform(0.0, 1.0)
    position = time * rate + phase
    envelope = np.interp(position, np.arange(cycles), sizes)
    values = envelope * np.sin(2 * np.pi * position)
    events = (np.arange(cycles) + 0.25 - phase) / rate  # the crest of each cycle
    events = events[(events >= 0) & (events <= length)]
    return LookalikeTrace("tremor", time, values, MOVEMENT_RATE, "movement (relative)", events)


def clonus_trace(
    duration: float = DEFAULT_DURATION,
    frequency: float = 6.0,
    beats: int = 8,
    stretch_time: float = STRETCH_TIME,
) -> LookalikeTrace:
    """Clonus: after a sudden, held stretch at ``stretch_time``, ``beats`` rhythmic
    contractions at ``frequency`` Hz, each a twitch (movement, relative units; peak 1)."""
    length = _duration(duration)
    rate = check.scalar("frequency", frequency, *CLONUS_HZ)
    count = check.integer("beats", beats, *CLONUS_BEATS)
    stretch = check.scalar("stretch_time", stretch_time, 0.0, length)
    time = np.arange(round(length * MOVEMENT_RATE) + 1) / MOVEMENT_RATE
    events = stretch + np.arange(count) / rate
    events = events[events < length]
    contraction = CLONUS_TWITCH_SHARE / rate
    summed = twitch_force(time[np.newaxis, :] - events[:, np.newaxis], 1.0, contraction).sum(0)
    values = summed / summed.max() if summed.max() > 0 else summed
    return LookalikeTrace("clonus", time, values, MOVEMENT_RATE, "movement (relative)", events)


#: Every look-alike trace by kind, each callable with its defaults.
LOOKALIKES = {
    "fasciculation": fasciculation_trace,
    "myokymia": myokymia_trace,
    "neuromyotonia": neuromyotonia_trace,
    "tremor": tremor_trace,
    "clonus": clonus_trace,
}


def lookalike_trace(kind: str, duration: float = DEFAULT_DURATION) -> LookalikeTrace:
    """The trace of look-alike ``kind`` (one of :data:`LOOKALIKES`) with its defaults."""
    if not isinstance(kind, str) or kind not in LOOKALIKES:
        raise ValueError(f"kind must be one of {list(LOOKALIKES)}; got {kind!r:.60}")
    return LOOKALIKES[kind](duration)
