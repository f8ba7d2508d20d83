"""Spontaneous and pathological discharges: fasciculation, fibrillation and cramp.

Each generator returns the discharge times of the units (or fibres) involved in a time window:

- A **fasciculation** is one motor unit discharging on its own, irregularly and rarely (well
  under 1 Hz); the whole unit twitches, which can be seen under the skin (AANEM-IFCN glossary,
  Dengler et al. 2020, Muscle Nerve 62:10-12; Mills 2010, Brain 133:3458-3469).
- A **fibrillation** is one denervated muscle fibre discharging regularly at 0.5-15 Hz, with a
  fibre potential of 1-5 ms and 20-200 microvolts (Davalos & Kushlaf, StatPearls: Abnormal
  Spontaneous Electromyographic Activity). One fibre moves nothing visible through the skin.
- A **cramp** recruits many motor units, in more than one muscle, for seconds to minutes.
  Single units recorded in induced cramps fire at 6-25 Hz (mean 14.5 Hz) with irregular
  intervals (ISI CV about 45 %) and stay active for 23.6 +/- 16.2 s (Minetto et al. 2009,
  J Neurophysiol 102:1890-1901). The glossary's "up to 150 Hz" describes the summed discharge of
  many such units seen by one electrode, not the rate of any single unit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from lessons.physiology import _budget
from lessons.physiology import _validation as check

#: Default fasciculation rate, 0.2 Hz (one every 5 s on average): a teaching value inside the
#: "irregular, well under 1 Hz" range (Mills 2010), chosen so a short simulation shows a few
#: discharges; a single unit usually fasciculates more rarely still.
DEFAULT_FASCICULATION_RATE = 0.2
#: Highest fasciculation rate accepted, 1 Hz: faster regular firing is another phenomenon.
MAX_FASCICULATION_RATE = 1.0

#: Default fibrillation rate, 5 Hz, inside the regular 0.5-15 Hz range (Davalos & Kushlaf).
DEFAULT_FIBRILLATION_RATE = 5.0
#: Allowed fibrillation rates, 0.5-15 Hz (Davalos & Kushlaf; AANEM-IFCN glossary).
FIBRILLATION_RATE_RANGE = (0.5, 15.0)

#: Mean single-unit rate in induced cramps, 14.5 Hz, with SD 5.1 Hz across units (Minetto 2009).
CRAMP_MEAN_RATE = 14.5
CRAMP_RATE_SD = 5.1
#: Single-unit rates in induced cramps, 6 to 25 Hz: the mean minimum (6.0 Hz) and mean maximum
#: (25.0 Hz) discharge rates of the units (Minetto et al. 2009).
CRAMP_RATE_RANGE = (6.0, 25.0)
#: Coefficient of variation of cramp inter-spike intervals, 0.446 (Minetto et al. 2009).
CRAMP_ISI_CV = 0.446
#: Longest window accepted for any spontaneous activity, 10 minutes.
MAX_DURATION = 600.0
#: Default calf cramp: units of the two gastrocnemius heads and the soleus (counts are for the
#: scaled-down pool of a lesson, not anatomical totals).
DEFAULT_CRAMP_UNITS: Mapping[str, int] = {
    "gastrocnemius medialis": 40,
    "gastrocnemius lateralis": 20,
    "soleus": 40,
}


@dataclass(frozen=True, eq=False)
class SpontaneousActivity:
    """Discharge times (s) of each source in a window: ``sources[i]`` names who fired
    ``spike_times[i]`` and ``muscles[i]`` where it lies."""

    kind: str
    duration: float
    sources: tuple[int, ...]
    muscles: tuple[str, ...]
    spike_times: tuple[np.ndarray, ...]

    def rates(self) -> np.ndarray:
        """Mean discharge rate of each source over the window (Hz)."""
        return np.array([len(times) / self.duration for times in self.spike_times])


def fasciculation(
    duration: float,
    unit: int = 0,
    rate: float = DEFAULT_FASCICULATION_RATE,
    first_discharge: float | None = None,
    muscle: str = "",
    seed: int = 0,
) -> SpontaneousActivity:
    """Discharges of one motor unit firing on its own at random (Poisson) times.

    ``first_discharge`` (s) forces one discharge at that time, so a short lesson clip is sure
    to contain a twitch; the others fall at random with mean ``rate``.
    """
    length = check.positive("duration", duration, MAX_DURATION)
    mean_rate = check.scalar("rate", rate, 0.0, MAX_FASCICULATION_RATE)
    index = check.integer("unit", unit, 0, 100_000)
    _check_label("muscle", muscle)
    rng = check.random_generator("seed", seed)
    count = rng.poisson(mean_rate * length)
    times = rng.uniform(0.0, length, count)
    if first_discharge is not None:
        onset = check.scalar("first_discharge", first_discharge, 0.0, length)
        times = np.append(times, onset)
    return SpontaneousActivity(
        kind="fasciculation",
        duration=length,
        sources=(index,),
        muscles=(muscle,),
        spike_times=(np.sort(times),),
    )


def fibrillation(
    duration: float,
    rate: float = DEFAULT_FIBRILLATION_RATE,
    fibre: int = 0,
    muscle: str = "",
    seed: int = 0,
) -> SpontaneousActivity:
    """Discharges of one denervated fibre: strictly regular at ``rate`` (0.5-15 Hz), random
    start phase."""
    length = check.positive("duration", duration, MAX_DURATION)
    low, high = FIBRILLATION_RATE_RANGE
    frequency = check.scalar("rate", rate, low, high)
    index = check.integer("fibre", fibre, 0, 10_000_000)
    _check_label("muscle", muscle)
    rng = check.random_generator("seed", seed)
    start = rng.uniform(0.0, 1.0 / frequency)
    times = np.arange(start, length, 1.0 / frequency)
    return SpontaneousActivity(
        kind="fibrillation",
        duration=length,
        sources=(index,),
        muscles=(muscle,),
        spike_times=(times,),
    )


def cramp(
    duration: float,
    units_per_muscle: Mapping[str, int] | None = None,
    isi_cv: float = CRAMP_ISI_CV,
    seed: int = 0,
) -> SpontaneousActivity:
    """Discharges of many units across several muscles during a cramp lasting ``duration``.

    Each unit gets its own mean rate drawn from the cramp distribution of Minetto et al. (2009)
    (mean 14.5 Hz, SD 5.1 Hz, kept within 6-25 Hz) and gamma-distributed intervals with CV
    ``isi_cv`` (0.446 in that study; the gamma law keeps irregular intervals positive). Sources
    are numbered 0..N-1 across muscles in the order of ``units_per_muscle``.
    """
    length = check.scalar("duration", duration, 0.1, MAX_DURATION)
    variability = check.scalar("isi_cv", isi_cv, 0.01, 1.0)
    chosen = DEFAULT_CRAMP_UNITS if units_per_muscle is None else units_per_muscle
    if not isinstance(chosen, Mapping):
        raise ValueError(
            f"units_per_muscle must map muscle names to unit counts; got {chosen!r:.60}"
        )
    layout = dict(chosen)
    if not layout:
        raise ValueError("units_per_muscle must name at least one muscle; got an empty mapping")
    for name, count in layout.items():
        if not isinstance(name, str):
            raise ValueError(f"units_per_muscle keys must be muscle names; got {name!r}")
        check.integer(f"units_per_muscle[{name!r}]", count, 1, 2000)
    n_units = sum(layout.values())
    rng = check.random_generator("seed", seed)
    low, high = CRAMP_RATE_RANGE
    count = int(np.ceil(high * length * 1.5 + 20))
    # Intervals, their running sum and the kept discharges: three floats per unit and draw;
    # the muscle name of each unit: one reference.
    _budget.require(
        "units_per_muscle",
        f"{n_units} units for {length:g} s",
        3 * _budget.FLOAT * n_units * count + 64 * n_units,
        "fewer units or a shorter duration",
    )
    muscles = tuple(name for name, units in layout.items() for _ in range(units))
    unit_rates = np.clip(rng.normal(CRAMP_MEAN_RATE, CRAMP_RATE_SD, n_units), low, high)
    shape = 1.0 / variability**2
    intervals = rng.gamma(shape, 1.0 / (shape * unit_rates[:, np.newaxis]), (n_units, count))
    # Random start phase: the first discharge falls within the first mean interval.
    intervals[:, 0] = rng.uniform(0.0, 1.0 / unit_rates)
    onsets = np.cumsum(intervals, axis=1)
    trains = tuple(onsets[unit][onsets[unit] < length] for unit in range(n_units))
    return SpontaneousActivity(
        kind="cramp",
        duration=length,
        sources=tuple(range(n_units)),
        muscles=muscles,
        spike_times=trains,
    )


def _check_label(name: str, value: object) -> None:
    """A muscle label is text (it is shown in figure legends)."""
    if not isinstance(value, str):
        raise ValueError(f"{name} must be text (a muscle name); got {value!r:.60}")
