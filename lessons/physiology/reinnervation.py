"""Losing motor units and keeping force: collateral sprouting on the course's Fuglevand pool.

When motor neurons die (ALS, polio) their muscle fibres are orphaned. Surviving motor axons
sprout and adopt them, so the surviving units grow and the muscle keeps its force until the
sprouts can grow no more. Clinically, weakness becomes apparent only once more than half of
a muscle's motor neurons are lost (Sharrard 1955, J Bone Joint Surg Br 37-B:540-558, as
summarised by Cashman, Siegel & Antel 1987), which is why weakness is a late sign.

The model, on :class:`lessons.physiology.pool.MotorUnitPool`:

- each unit owns a whole number of fibres proportional to its twitch force (force is
  proportional to fibre number in the pool of Fuglevand et al. 1993), scaled so the mean
  unit has 1934 fibres, the innervation number of the medial gastrocnemius (Feinstein et al.
  1955);
- a seeded random choice of units is lost, the loss growing in one fixed order so a larger
  loss always includes a smaller one;
- every surviving unit grows by the same factor, as units did in partially denervated cat
  muscles, where the force distribution shifted as a whole (Rafuse, Gordon & Orozco 1992,
  J Neurophysiol 68:1261-1276), up to ``sprouting_limit`` times its fibres: reinnervated
  units reach up to 8 times their normal number of fibres (Cashman et al. 1987). Orphans
  beyond the limit stay denervated and are lost;
- a unit's maximal force is its steady force at its peak rate with its own twitch
  (:func:`lessons.physiology.force_sources.unit_mean_forces`), times its fibres relative to
  normal (adopted fibres take on the properties of their new unit; Rafuse et al. 1992).

The needle potentials of the grown units are **illustrative**: the literature describes them
qualitatively as larger, longer and more often polyphasic after reinnervation (Daube & Rubin
2009, Muscle Nerve 39:244-270). Here amplitude scales with the growth factor (the needle sees
the fibres near its tip, whose density rises; Nandedkar et al. 1988), duration with its square
root and the number of phases with its logarithm; these scalings are teaching choices.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from lessons.physiology import _validation as check
from lessons.physiology.emg import (
    NEEDLE_MUAP_AMPLITUDE,
    NEEDLE_MUAP_DURATION,
    Waveform,
    fibre_potential,
    motor_unit_potential,
)
from lessons.physiology.force_sources import unit_mean_forces
from lessons.physiology.pool import MotorUnitPool

#: Largest growth of a surviving unit, 8-fold: reinnervating motor neurons support up to
#: 8 times their normal number of fibres (Cashman, Siegel & Antel 1987).
DEFAULT_SPROUTING_LIMIT = 8.0
#: Accepted sprouting limits: 1 (no sprouting) to 20-fold.
SPROUTING_LIMIT_RANGE = (1.0, 20.0)
#: Share of motor neurons that can be lost before weakness is clinically apparent, one half
#: (Sharrard 1955; Cashman et al. 1987).
WEAKNESS_LOSS_FRACTION = 0.5
#: Mean fibres per unit, 1934: the innervation number of the medial gastrocnemius (Feinstein
#: et al. 1955), so fibre counts are whole numbers of a realistic size.
MEAN_INNERVATION_NUMBER = 1934
#: Normal needle MUAP phases, 3 (triphasic; Daube & Rubin 2009: normal MUAPs have up to 4).
NORMAL_PHASES = 3
#: Extra phases per doubling of a unit's fibres (illustrative), and the most phases drawn.
PHASES_PER_DOUBLING = 2
MAX_PHASES = 12
#: Default seed: the order in which units are lost.
LOSS_SEED = 0
#: Most points on one force-after-loss curve: 101, one per percent.
MAX_CURVE_POINTS = 101


def compensated_loss(sprouting_limit: float = DEFAULT_SPROUTING_LIMIT) -> float:
    """Share of units whose loss sprouting can make good when every survivor may grow
    ``sprouting_limit``-fold: ``1 - 1/limit`` (if the lost units hold their share of fibres)."""
    limit = check.scalar("sprouting_limit", sprouting_limit, *SPROUTING_LIMIT_RANGE)
    return 1.0 - 1.0 / limit


def normal_fibres(pool: MotorUnitPool) -> np.ndarray:
    """Fibres of each unit of ``pool`` (whole numbers, proportional to twitch force, mean
    :data:`MEAN_INNERVATION_NUMBER`)."""
    _check_pool(pool)
    share = pool.peak_forces / pool.peak_forces.sum()
    return np.maximum(np.rint(share * MEAN_INNERVATION_NUMBER * pool.n_units), 1).astype(np.int64)


def loss_order(n_units: int, seed: int = LOSS_SEED) -> np.ndarray:
    """The order in which units die: a seeded permutation of ``range(n_units)``."""
    count = check.integer("n_units", n_units, 1, 2000)
    return check.random_generator("seed", seed).permutation(count)


@dataclass(frozen=True, eq=False)
class Reinnervation:
    """A pool after losing units and sprouting: fibres of each unit before and after (0 for a
    lost unit), which units survive, and the maximal force relative to normal (1 = normal)."""

    loss_fraction: float
    sprouting_limit: float
    normal_fibres: np.ndarray
    fibres: np.ndarray
    surviving: np.ndarray
    maximal_force: float

    @property
    def units_lost(self) -> int:
        return int(np.count_nonzero(~self.surviving))

    @property
    def total_normal(self) -> int:
        """Fibres of the whole muscle before any loss."""
        return int(self.normal_fibres.sum())

    @property
    def total_kept(self) -> int:
        """Fibres still innervated after sprouting."""
        return int(self.fibres.sum())

    @property
    def kept_fraction(self) -> float:
        """Share of the muscle's fibres still innervated."""
        return self.total_kept / self.total_normal

    @cached_property
    def growth(self) -> np.ndarray:
        """Each surviving unit's fibres relative to its normal number."""
        return self.fibres[self.surviving] / self.normal_fibres[self.surviving]

    @property
    def muap_amplitude(self) -> np.ndarray:
        """Needle MUAP amplitude of each surviving unit relative to normal (illustrative)."""
        return muap_scaling(self.growth)[0]

    @property
    def muap_duration(self) -> np.ndarray:
        """Needle MUAP duration of each surviving unit relative to normal (illustrative)."""
        return muap_scaling(self.growth)[1]

    @property
    def muap_phases(self) -> np.ndarray:
        """Phases of each surviving unit's needle MUAP (illustrative; normal 3)."""
        return muap_scaling(self.growth)[2]


def reinnervate(
    loss_fraction: float,
    sprouting_limit: float = DEFAULT_SPROUTING_LIMIT,
    pool: MotorUnitPool | None = None,
    seed: int = LOSS_SEED,
) -> Reinnervation:
    """Lose ``loss_fraction`` of the pool's units (seeded) and let the survivors adopt the
    orphaned fibres, each growing by the same factor up to ``sprouting_limit``-fold."""
    loss = check.fraction("loss_fraction", loss_fraction)
    limit = check.scalar("sprouting_limit", sprouting_limit, *SPROUTING_LIMIT_RANGE)
    return _Muscle.of(pool, seed).after(loss, limit)


@dataclass(frozen=True, eq=False)
class _Muscle:
    """What does not change with the loss: normal fibres, unit forces, the order of loss."""

    before: np.ndarray
    forces: np.ndarray
    order: np.ndarray

    @classmethod
    def of(cls, pool: MotorUnitPool | None, seed: int) -> _Muscle:
        chosen = MotorUnitPool() if pool is None else pool
        return cls(
            before=normal_fibres(chosen),
            forces=unit_mean_forces(chosen, chosen.peak_rates),
            order=loss_order(chosen.n_units, seed),
        )

    def after(self, loss: float, limit: float) -> Reinnervation:
        surviving = np.ones(self.before.size, dtype=bool)
        surviving[self.order[: round(loss * self.before.size)]] = False
        after = np.zeros_like(self.before)
        after[surviving] = _adopt(self.before, self.before[surviving], limit)
        return Reinnervation(
            loss_fraction=loss,
            sprouting_limit=limit,
            normal_fibres=self.before,
            fibres=after,
            surviving=surviving,
            maximal_force=float(self.forces @ (after / self.before) / self.forces.sum()),
        )


def _adopt(all_fibres: np.ndarray, kept: np.ndarray, limit: float) -> np.ndarray:
    """Fibres of the survivors after adoption: all grown by one factor (Rafuse et al. 1992),
    in whole fibres, none beyond ``limit`` times its own; the muscle's total is kept exactly
    while the survivors have room for it."""
    if kept.size == 0:
        return kept.copy()
    caps = np.floor(kept * limit + 1e-9).astype(np.int64)
    target = min(int(all_fibres.sum()), int(caps.sum()))
    ideal = kept * (target / kept.sum())
    grown = np.minimum(np.floor(ideal + 1e-9).astype(np.int64), caps)
    # The fibres left by rounding down go one each to the units with the largest remainders.
    order = np.argsort(grown - ideal, kind="stable")
    order = order[grown[order] < caps[order]][: max(target - int(grown.sum()), 0)]
    grown[order] += 1
    return grown


def muap_scaling(growth: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Illustrative needle MUAP of a unit grown ``growth``-fold: amplitude and duration
    relative to normal, and its number of phases (see the module docstring)."""
    factor = check.array_in_range("growth", growth, 1e-6, SPROUTING_LIMIT_RANGE[1] + 1e-9)
    phases = NORMAL_PHASES + np.rint(PHASES_PER_DOUBLING * np.log2(np.maximum(factor, 1.0)))
    return factor, np.sqrt(factor), np.minimum(phases, MAX_PHASES).astype(int)


def reinnervated_potential(growth: float, sampling_rate: float = 40_000.0) -> Waveform:
    """An illustrative needle MUAP of a unit grown ``growth``-fold: the course's triphasic
    MUAP made larger and longer, with a small late spike for every two extra phases (the
    slowly conducting new sprouts of a reinnervated unit; Daube & Rubin 2009)."""
    factor = check.scalar("growth", growth, 1.0, SPROUTING_LIMIT_RANGE[1])
    amplitude, duration, phases = (float(v[0]) for v in muap_scaling(np.array([factor])))
    base = motor_unit_potential(
        sampling_rate,
        duration=NEEDLE_MUAP_DURATION * duration,
        amplitude=NEEDLE_MUAP_AMPLITUDE * amplitude,
    )
    spike = fibre_potential(sampling_rate, duration=0.001, amplitude=0.25 * base.peak_to_peak)
    voltage = base.voltage.copy()
    centre, half = len(voltage) // 2, len(spike.voltage) // 2
    late = (int(phases) - NORMAL_PHASES + 1) // 2
    for position in np.linspace(0.15, 0.4, late) if late else ():
        start = centre + round(position * base.duration * sampling_rate) - half
        stop = min(start + len(spike.voltage), len(voltage))
        voltage[start:stop] += spike.voltage[: stop - start]
    return Waveform(base.time, voltage, base.sampling_rate)


def force_after_loss(
    loss_fractions: np.ndarray,
    sprouting_limit: float = DEFAULT_SPROUTING_LIMIT,
    pool: MotorUnitPool | None = None,
    seed: int = LOSS_SEED,
) -> np.ndarray:
    """Maximal force relative to normal after each loss in ``loss_fractions`` (one curve)."""
    losses = check.array_in_range("loss_fractions", loss_fractions, 0.0, 1.0)
    if losses.ndim != 1 or losses.size > MAX_CURVE_POINTS:
        raise ValueError(
            f"loss_fractions must be a 1-D array of at most {MAX_CURVE_POINTS} values; got "
            f"shape {losses.shape}"
        )
    limit = check.scalar("sprouting_limit", sprouting_limit, *SPROUTING_LIMIT_RANGE)
    muscle = _Muscle.of(pool, seed)
    return np.array([muscle.after(float(loss), limit).maximal_force for loss in losses])


def _check_pool(pool: object) -> None:
    if not isinstance(pool, MotorUnitPool):
        raise ValueError(f"pool must be a MotorUnitPool; got {type(pool).__name__}")
