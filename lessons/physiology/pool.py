"""A motor-unit pool: recruitment, rate coding and the force they produce.

Implements the model of Fuglevand, Winter & Patla (1993), J Neurophysiol 70:2470-2488:
recruitment thresholds spread exponentially (many small, few large units), firing rate
rising linearly with excitation above threshold from a minimum rate and capped at a peak rate
that falls with threshold, discharges as a renewal process with Gaussian
inter-spike intervals, twitch forces spread exponentially with recruitment rank
and contraction times inversely related to force. Thresholds and forces span exactly
the requested ranges (first unit 1, last unit RR or RP), as in the implementation of Potvin &
Fuglevand (2017, PLoS Comput Biol 13:e1005581).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from lessons.physiology import _budget
from lessons.physiology import _validation as check
from lessons.physiology.twitch import gain_of_normalised_rate, twitch_trains, twitch_trains_bytes

#: Default pool of Fuglevand et al. (1993): 120 units.
DEFAULT_UNITS = 120
#: Range of recruitment thresholds (last/first), 30 (Fuglevand et al. 1993).
DEFAULT_RECRUITMENT_RANGE = 30.0
#: Range of twitch peak forces (largest/smallest), 100 (Fuglevand et al. 1993).
DEFAULT_FORCE_RANGE = 100.0
#: Contraction time of the smallest, slowest unit, 90 ms (Fuglevand et al. 1993).
DEFAULT_LONGEST_CONTRACTION_TIME = 0.090
#: Range of contraction times (slowest/fastest), 3: 90 to 30 ms (Fuglevand et al. 1993).
DEFAULT_CONTRACTION_TIME_RANGE = 3.0
#: Minimum firing rate at recruitment, 8 Hz (Fuglevand et al. 1993).
DEFAULT_MIN_RATE = 8.0
#: Peak firing rate of the first recruited unit, 35 Hz (Fuglevand et al. 1993).
DEFAULT_FIRST_PEAK_RATE = 35.0
#: Peak firing rate of the last recruited unit, 25 Hz (Fuglevand et al. 1993).
DEFAULT_LAST_PEAK_RATE = 25.0
#: Slope of firing rate against excitation, 1 Hz per unit of excitation (Fuglevand et al. 1993).
DEFAULT_EXCITATION_GAIN = 1.0
#: Coefficient of variation of inter-spike intervals, 0.2 (Fuglevand et al. 1993).
DEFAULT_ISI_CV = 0.2
#: Gaussian intervals are floored at this fraction of the mean so no interval is negative; at
#: CV 0.2 the floor is 4.5 standard deviations away and never changes the statistics.
MIN_NORMALISED_ISI = 0.1
#: Longest simulation accepted, 1 hour (the memory budget usually binds first).
MAX_DURATION = 3600.0
#: Bytes kept per discharge while trains become force: times, owner, gain, interval, column.
_BYTES_PER_SPIKE = 64
#: Bytes per unit and interval target while discharge times are drawn (normal draws, floor,
#: cumulative sum, comparison).
_BYTES_PER_TARGET = 4 * _budget.FLOAT + 1


@dataclass(frozen=True, eq=False)
class PoolActivity:
    """What a pool did over time: drive (0-1), summed and per-unit force (arbitrary units),
    firing rates asked of each unit (Hz; a read-only view when the drive is constant) and the
    discharge times of each unit (s)."""

    time: np.ndarray
    drive: np.ndarray
    force: np.ndarray
    unit_force: np.ndarray
    rates: np.ndarray
    spike_times: tuple[np.ndarray, ...]

    @property
    def recruited(self) -> np.ndarray:
        """Which units fired at least once."""
        return np.array([len(times) > 0 for times in self.spike_times])


class MotorUnitPool:
    """The Fuglevand et al. (1993) pool; arrays are indexed in recruitment order."""

    def __init__(
        self,
        n_units: int = DEFAULT_UNITS,
        recruitment_range: float = DEFAULT_RECRUITMENT_RANGE,
        force_range: float = DEFAULT_FORCE_RANGE,
        longest_contraction_time: float = DEFAULT_LONGEST_CONTRACTION_TIME,
        contraction_time_range: float = DEFAULT_CONTRACTION_TIME_RANGE,
        min_rate: float = DEFAULT_MIN_RATE,
        first_peak_rate: float = DEFAULT_FIRST_PEAK_RATE,
        last_peak_rate: float = DEFAULT_LAST_PEAK_RATE,
        excitation_gain: float = DEFAULT_EXCITATION_GAIN,
        isi_cv: float = DEFAULT_ISI_CV,
    ) -> None:
        self.n_units = check.integer("n_units", n_units, 1, 2000)
        self.recruitment_range = check.scalar("recruitment_range", recruitment_range, 1.0, 1000.0)
        self.force_range = check.scalar("force_range", force_range, 1.0, 10_000.0)
        self.longest_contraction_time = check.scalar(
            "longest_contraction_time", longest_contraction_time, 0.005, 0.5
        )
        self.contraction_time_range = check.scalar(
            "contraction_time_range", contraction_time_range, 1.0, 20.0
        )
        self.min_rate = check.positive("min_rate", min_rate, 100.0)
        self.first_peak_rate = check.scalar(
            "first_peak_rate", first_peak_rate, self.min_rate, 200.0
        )
        self.last_peak_rate = check.scalar("last_peak_rate", last_peak_rate, self.min_rate, 200.0)
        self.excitation_gain = check.positive("excitation_gain", excitation_gain, 100.0)
        self.isi_cv = check.scalar("isi_cv", isi_cv, 0.0, 0.5)

        rank = np.arange(self.n_units) / max(self.n_units - 1, 1)
        #: Recruitment threshold of each unit, in units of excitation (1 to recruitment_range).
        self.thresholds = np.exp(math.log(self.recruitment_range) * rank)
        #: Twitch peak force of each unit, arbitrary units (1 to force_range).
        self.peak_forces = np.exp(math.log(self.force_range) * rank)
        # Eq. 14: T = T_L (1/P)^(1/c) with c = log base RT of RP, so T runs from T_L to T_L/RT.
        if self.force_range > 1.0 and self.contraction_time_range > 1.0:
            exponent = math.log(self.contraction_time_range) / math.log(self.force_range)
        else:
            exponent = 0.0
        #: Contraction time (time to peak) of each unit's twitch, seconds.
        self.contraction_times = self.longest_contraction_time * self.peak_forces**-exponent
        spread = self.thresholds[-1] - self.thresholds[0]
        fraction = (self.thresholds - self.thresholds[0]) / spread if spread > 0 else rank * 0
        #: Peak firing rate of each unit, Hz (first_peak_rate falling to last_peak_rate).
        self.peak_rates = (
            self.first_peak_rate - (self.first_peak_rate - self.last_peak_rate) * fraction
        )
        #: Excitation at which the last unit reaches its peak rate (Fuglevand et al. 1993).
        self.max_excitation = float(
            self.thresholds[-1] + (self.last_peak_rate - self.min_rate) / self.excitation_gain
        )

    @property
    def recruitment_drive(self) -> float:
        """Drive (fraction of maximal excitation) at which the last unit is recruited."""
        return float(self.thresholds[-1] / self.max_excitation)

    #: Bytes per unit and drive value of :meth:`rates` (the result and four temporaries).
    _RATE_BYTES = 5 * _budget.FLOAT + 2

    def rates(self, drive: ArrayLike) -> np.ndarray:
        """Firing rate (Hz) of every unit for ``drive`` in [0, 1]; shape (n_units, *drive.shape).

        Rate = min_rate + gain (E - threshold) above threshold, capped at the unit's peak rate,
        zero below (Fuglevand et al. 1993).
        """
        level = check.array_in_range(
            "drive", drive, 0.0, 1.0, bytes_per_element=self._RATE_BYTES * self.n_units
        )
        excitation = level * self.max_excitation
        shape = (self.n_units,) + (1,) * excitation.ndim
        thresholds = self.thresholds.reshape(shape)
        rate = self.min_rate + self.excitation_gain * (excitation - thresholds)
        rate = np.minimum(rate, self.peak_rates.reshape(shape))
        # A small tolerance keeps a unit whose threshold equals the excitation recruited.
        return np.where(excitation >= thresholds * (1 - 1e-12), rate, 0.0)

    def simulate(
        self, drive: ArrayLike, duration: float, dt: float = 0.001, seed: int = 0
    ) -> PoolActivity:
        """Discharges and force of the pool for ``duration`` seconds at ``drive``.

        ``drive`` is a fraction (0-1) of maximal excitation, or an array with one value per
        sample (a ramp) to show recruitment as drive rises. Intervals are Gaussian with the
        pool's CV (Fuglevand et al. 1993); each unit starts at a random phase.
        """
        step, n_samples, levels, rates, spikes = self._discharges(
            drive, duration, dt, seed, with_force=True
        )
        time, unit_force = self._unit_force(spikes, n_samples, step)
        return PoolActivity(
            time=time,
            drive=levels,
            force=unit_force.sum(axis=0),
            unit_force=unit_force,
            rates=rates,
            spike_times=spikes,
        )

    def discharge_times(
        self, drive: ArrayLike, duration: float, dt: float = 0.001, seed: int = 0
    ) -> tuple[np.ndarray, ...]:
        """Only the discharge times of :meth:`simulate` (the same ones for the same seed).

        For EMG, which needs the spikes but not the force: skipping the force sums saves most
        of the work of a slider update.
        """
        return self._discharges(drive, duration, dt, seed, with_force=False)[4]

    def _discharges(
        self, drive: ArrayLike, duration: float, dt: float, seed: int, with_force: bool
    ) -> tuple[float, int, np.ndarray, np.ndarray, tuple[np.ndarray, ...]]:
        step, n_samples = self._grid(duration, dt)
        levels = check.array_in_range("drive", drive, 0.0, 1.0)
        self._require_memory(levels.ndim > 0, n_samples, step, duration, with_force)
        if levels.ndim == 0:
            levels = np.full(n_samples, float(levels))
        elif levels.shape != (n_samples,):
            raise ValueError(
                f"drive must be one number in [0, 1] or one value per sample ({n_samples} for "
                f"duration {duration!r} s and dt {dt!r} s); got shape {levels.shape}"
            )
        if np.all(levels == levels[0]):
            # Constant drive: one rate per unit, shown over time as a read-only broadcast view.
            rates = np.broadcast_to(self.rates(levels[0])[:, np.newaxis], (self.n_units, n_samples))
        else:
            rates = self.rates(levels)
        rng = check.random_generator("seed", seed)
        return step, n_samples, levels, rates, self._discharge_times(rates, step, rng)

    def force(
        self, spike_times: Sequence[ArrayLike], duration: float, dt: float = 0.001
    ) -> tuple[np.ndarray, np.ndarray]:
        """Time and per-unit force (n_units x samples) for given discharge times of each unit.

        Used for spontaneous activity (a fasciculation is one unit's twitch, a cramp many
        units' tetani). Pass one array per unit; an empty array for silent units.
        """
        step, n_samples = self._grid(duration, dt)
        trains = tuple(check.spike_trains("spike_times", spike_times))
        if len(trains) != self.n_units:
            raise ValueError(
                f"spike_times must hold one array per unit ({self.n_units}); got {len(trains)}"
            )
        for unit, times in enumerate(trains):
            if times.size and times[0] < 0:
                raise ValueError(
                    f"spike_times[{unit}] must be times in [0, {duration!r}] s (later ones are "
                    f"past the record and left out); got {times[0]!r}"
                )
        spikes = sum(times.size for times in trains)
        _budget.require(
            "duration",
            duration,
            self._force_bytes(n_samples) + _BYTES_PER_SPIKE * spikes,
            "shorten the duration, enlarge dt or use fewer units",
        )
        return self._unit_force(trains, n_samples, step)

    def _force_bytes(self, n_samples: int) -> int:
        """Peak bytes of turning discharges into force: impulses (overwritten by the force),
        the batched convolution, the time axis and the summed force."""
        return (
            _budget.FLOAT * self.n_units * n_samples
            + twitch_trains_bytes(self.n_units, n_samples)
            + 3 * _budget.FLOAT * n_samples
        )

    def _require_memory(
        self, varying: bool, n_samples: int, step: float, duration: float, with_force: bool
    ) -> None:
        """Refuse a simulation whose estimated peak memory is above the budget."""
        units = self.n_units
        # Every interval target a unit may need, at the fastest rate any unit can reach.
        targets = math.ceil(1.3 * float(self.peak_rates.max()) * step * n_samples + 10)
        total = units * targets * (_BYTES_PER_TARGET + (_BYTES_PER_SPIKE if with_force else 8))
        total += _budget.FLOAT * n_samples  # the drive, one value per sample
        if varying:  # rates (with their temporaries) and phase for every unit and sample
            total += (self._RATE_BYTES + 2 * _budget.FLOAT) * units * n_samples
        if with_force:
            total += self._force_bytes(n_samples)
        name = "duration" if not varying else "drive"
        _budget.require(
            name,
            duration if not varying else f"{n_samples} values",
            total,
            "shorten the duration, enlarge dt or use fewer units",
        )

    def _grid(self, duration: float, dt: float) -> tuple[float, int]:
        length = check.positive("duration", duration, MAX_DURATION)
        shortest = float(self.contraction_times.min())
        step = check.positive("dt", dt, shortest)
        n_samples = check.sample_count("duration", length, step)
        return step, n_samples

    def _discharge_times(
        self, rates: np.ndarray, step: float, rng: np.random.Generator
    ) -> tuple[np.ndarray, ...]:
        # Time rescaling: a unit fires each time its accumulated phase (integral of its rate)
        # crosses the next target; targets are a random start phase plus Gaussian intervals of
        # mean 1, so at a constant rate the intervals are Gaussian with mean 1/rate.
        constant = np.all(rates == rates[:, :1], axis=1)
        if np.all(constant):
            phase = None
            totals = rates[:, 0] * step * rates.shape[1]
        else:
            phase = np.cumsum(rates, axis=1) * step
            totals = phase[:, -1]
        count = math.ceil(1.3 * float(totals.max(initial=0.0)) + 10)
        normalised = 1.0 + self.isi_cv * rng.standard_normal((self.n_units, count))
        normalised = np.maximum(normalised, MIN_NORMALISED_ISI)
        normalised[:, 0] = rng.uniform(0.0, 1.0, self.n_units)
        targets = np.cumsum(normalised, axis=1)
        while np.any(targets[:, -1] < totals):  # pragma: no cover - needs > 7 SD shortfall
            extra = np.maximum(1.0 + self.isi_cv * rng.standard_normal(targets.shape), 0.1)
            targets = np.concatenate([targets, targets[:, -1:] + np.cumsum(extra, axis=1)], axis=1)
        reached = targets <= totals[:, np.newaxis]
        trains = []
        for unit in range(self.n_units):
            unit_targets = targets[unit, reached[unit]]
            if constant[unit] and rates[unit, 0] > 0:
                # Linear phase: the crossing sample follows directly (no search).
                index = np.ceil(unit_targets / (rates[unit, 0] * step) - 1e-9) - 1
            elif phase is not None:
                index = np.searchsorted(phase[unit], unit_targets, side="left")
            else:
                index = np.zeros(0)
            trains.append(np.maximum(index, 0) * step)
        return tuple(trains)

    def _unit_force(
        self, trains: tuple[np.ndarray, ...], n_samples: int, step: float
    ) -> tuple[np.ndarray, np.ndarray]:
        # Each unit's twitches are summed by convolution with its whole sampled twitch.
        time = np.arange(n_samples) * step
        lengths = [len(times) for times in trains]
        all_times = np.concatenate(trains) if trains else np.zeros(0)
        owner = np.repeat(np.arange(self.n_units), lengths)
        gains = np.ones(len(all_times))
        if len(all_times) > 1:
            same_unit = owner[1:] == owner[:-1]
            intervals = np.maximum(np.diff(all_times), 1e-6)
            normalised = self.contraction_times[owner[1:]] / intervals
            gains[1:] = np.where(same_unit, gain_of_normalised_rate(normalised), 1.0)
        impulses = np.zeros((self.n_units, n_samples))
        # Times past the record are left out before they become indices (1e308 / step would
        # not fit an integer); negative times were refused by the callers.
        with np.errstate(over="ignore"):
            columns = np.rint(all_times / step)
        inside = columns < n_samples
        np.add.at(impulses, (owner[inside], columns[inside].astype(np.intp)), gains[inside])
        active = np.flatnonzero(lengths)
        # In place: each unit's impulses are replaced by its force, batch by batch.
        twitch_trains(
            impulses, self.peak_forces, self.contraction_times, step, out=impulses, rows=active
        )
        return time, impulses
