"""No call of the physiology package takes more than its memory budget (issue 14, item 5).

A student's server gets 1 GB (docs/deploying.md). Each public function estimates its peak
memory before allocating and refuses a call above ``MEMORY_BUDGET`` (256 MB). Here, for every
public function, the largest call its checks accept is found by bisection (with the memory
check stopping the call once it has passed, so the search itself allocates nothing), then
run for real under tracemalloc, which sees numpy's allocations: its peak must stay under the
budget. The next larger call must be refused with a ValueError naming a parameter.
"""

from __future__ import annotations

import gc
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pytest

from lessons.physiology import (
    MotorUnitPool,
    _budget,
    cramp,
    emg_audio,
    emg_from_spikes,
    evoked_force,
    excitability,
    fasciculation,
    fibrillation,
    fibrillation_emg,
    force_frequency_curve,
    force_gain,
    force_sources,
    force_velocity,
    length_tension,
    motor_unit_potential,
    moving_fibres,
    muscle_cross_section,
    muscle_power,
    needle_emg,
    paired_pulses,
    pulse_train,
    shortening_velocity,
    steady_mean_force,
    surface_emg,
    sustained_stimulation,
    twitch_force,
)
from lessons.physiology.force_sources import unit_mean_forces

BUDGET = _budget.MEMORY_BUDGET
POOL = MotorUnitPool()
SPIKES = POOL.discharge_times(1.0, 2.0)  # 120 trains over 2 s


class _Accepted(Exception):
    """Raised by the probing budget check once a call has passed it."""


def _accepted(call: Callable[[float], object], x: float, monkeypatch) -> bool:
    """Whether ``call(x)`` passes every check up to and including its memory check."""
    real = _budget.require

    def probe(name: str, value: object, nbytes: float, advice: str = "") -> None:
        real(name, value, nbytes, advice)
        raise _Accepted

    with monkeypatch.context() as patch:
        patch.setattr(_budget, "require", probe)
        try:
            call(x)
        except _Accepted:
            return True
        except ValueError:
            return False
    return True


def _largest_accepted(case: Case, monkeypatch) -> tuple[float, float]:
    """The largest ``x`` in [low, high] that ``case.call`` accepts, and the smallest refused."""
    low, high = case.low, case.high
    assert _accepted(case.call, low, monkeypatch), f"{case.label}: {low} refused"
    assert not _accepted(case.call, high, monkeypatch), f"{case.label}: {high} accepted"
    for _ in range(60):
        middle = (low + high) // 2 if case.integer else (low + high) / 2
        if middle in (low, high) or (not case.integer and high - low < 1e-6 * high):
            break
        if _accepted(case.call, middle, monkeypatch):
            low = middle
        else:
            high = middle
    return low, high


def peak_bytes(call: Callable[[], object]) -> int:
    """Peak bytes allocated while ``call`` runs (numpy reports its arrays to tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    try:
        result = call()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del result
    return peak


@dataclass(frozen=True)
class Case:
    """A public function with one size knob ``x`` (searched between low and high)."""

    label: str
    call: Callable[[float], object]
    low: float
    high: float
    integer: bool = False
    #: The input to measure at the boundary, when the search's cheap input is not the worst.
    measure: Callable[[float], object] | None = None


def _full(n: float, value: float, rows: int = 0) -> np.ndarray:
    """``n`` copies of ``value`` (``rows`` x ``n`` when asked) as a read-only view: the search
    makes thousands of inputs, none of which should cost memory."""
    shape = (rows, int(n)) if rows else (int(n),)
    return np.broadcast_to(np.float64(value), shape)


def _alternating(n: float) -> np.ndarray:
    # The worst case of threshold_crossings: a crossing every other sample.
    return np.tile([0.0, 0.01], int(n) // 2)


def _trains(n_units: int) -> list[np.ndarray]:
    return [np.arange(0.0, 1.0, 0.01)] * n_units


CASES = [
    Case("twitch_force", lambda n: twitch_force(_full(n, 0.01)), 10, 1e9, True),
    Case("force_gain", lambda n: force_gain(0.05, _full(n, 0.02)), 10, 1e9, True),
    Case("steady_mean_force", lambda n: steady_mean_force(_full(n, 20.0)), 10, 1e9, True),
    Case(
        "force_frequency_curve",
        lambda n: force_frequency_curve(_full(n, 20.0)),
        10,
        1e9,
        True,
    ),
    Case("length_tension", lambda n: length_tension(_full(n, 2e-6)), 10, 1e9, True),
    Case("force_velocity", lambda n: force_velocity(_full(n, 0.5)), 10, 1e9, True),
    Case("shortening_velocity", lambda n: shortening_velocity(_full(n, 0.5)), 10, 1e9, True),
    Case("muscle_power", lambda n: muscle_power(_full(n, 0.5)), 10, 1e9, True),
    Case(
        "discharge_rate",
        lambda n: excitability.discharge_rate(_full(n, 0.005)),
        10,
        1e9,
        True,
    ),
    Case(
        "threshold_crossings",
        lambda n: excitability.threshold_crossings(_full(n, 0.0), 0.005, 1e-4),
        10,
        1e9,
        True,
        measure=lambda n: excitability.threshold_crossings(_alternating(n), 0.005, 1e-4),
    ),
    Case(
        "emg_audio (200 kHz)",
        lambda seconds: emg_audio(_full(seconds * 200_000, 1e-4), 200_000.0),
        0.01,
        31.0,
    ),
    Case("pulse_train", lambda seconds: pulse_train(500.0, seconds), 1.0, 601.0),
    Case("paired_pulses", lambda gap: paired_pulses(gap), 0.001, 11.0),
    Case("evoked_force (dt 10 us)", lambda s: evoked_force([0.0], s, dt=1e-5), 0.01, 100.0),
    Case("MotorUnitPool", lambda n: MotorUnitPool(n_units=int(n)), 1, 2001, True),
    Case("MotorUnitPool.rates", lambda n: POOL.rates(_full(n, 0.5)), 10, 1e9, True),
    Case("MotorUnitPool.simulate", lambda s: POOL.simulate(1.0, s), 0.01, 3600.0),
    Case(
        "MotorUnitPool.simulate (ramp)",
        lambda s: POOL.simulate(np.linspace(0.0, 1.0, int(s * 1000) + 1), s),
        0.01,
        3600.0,
    ),
    Case("MotorUnitPool.discharge_times", lambda s: POOL.discharge_times(1.0, s), 0.01, 3601.0),
    Case("MotorUnitPool.force", lambda s: POOL.force(_trains(120), s), 0.01, 3600.0),
    Case(
        "force_sources",
        lambda n: force_sources.force_sources(POOL, _full(n, 1.0)),
        10,
        1e8,
        True,
    ),
    Case(
        "unit_mean_forces",
        lambda n: unit_mean_forces(POOL, _full(n, 30.0, rows=120)),
        10,
        1e8,
        True,
    ),
    Case(
        "sustained_stimulation",
        lambda n: sustained_stimulation(20.0, 3600.0, MotorUnitPool(n_units=int(n)), 0.1),
        1,
        2001,
        True,
    ),
    Case("fasciculation", lambda s: fasciculation(s, rate=1.0), 0.1, 601.0),
    Case("fibrillation", lambda s: fibrillation(s, rate=15.0), 0.1, 601.0),
    Case("cramp (2000 units)", lambda s: cramp(s, {"calf": 1000, "foot": 1000}), 0.1, 600.0),
    Case(
        "membrane_noise (1 s correlation)",
        lambda rate: excitability.membrane_noise(0.05, correlation_time=1.0, step=1.0 / rate),
        10.0,
        1e8,
    ),
    Case(
        "spontaneous_firing (1 s correlation)",
        lambda rate: excitability.spontaneous_firing(0.05, correlation_time=1.0, step=1.0 / rate),
        10.0,
        1e8,
    ),
    Case(
        "threshold_margin",
        lambda n: excitability.threshold_margin(["caffeine"] * int(n)),
        1,
        3,
        True,
    ),
    Case(
        "emg_from_spikes (100 kHz)",
        lambda s: emg_from_spikes(SPIKES, s, motor_unit_potential(100_000.0)),
        0.01,
        600.0,
    ),
    Case(
        "needle_emg (100 kHz)",
        lambda s: needle_emg(SPIKES, s, 100_000.0, noise_rms=1e-5),
        0.01,
        600.0,
    ),
    Case("surface_emg (100 kHz)", lambda s: surface_emg(SPIKES, s, sampling_rate=1e5), 0.01, 600.0),
    Case(
        "fibrillation_emg (100 kHz)",
        lambda s: fibrillation_emg(SPIKES, s, 100_000.0),
        0.01,
        600.0,
    ),
    Case(
        "motor_unit_potential",
        lambda length: motor_unit_potential(100_000.0, duration=length),
        0.001,
        0.2,
    ),
    Case(
        "muscle_cross_section",
        lambda n: muscle_cross_section(n_points=int(n), points_per_unit=2.0),
        50,
        50_001,
        True,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.label for case in CASES])
def test_the_largest_accepted_call_stays_within_the_memory_budget(case, monkeypatch):
    largest, refused = _largest_accepted(case, monkeypatch)
    peak = peak_bytes(lambda: (case.measure or case.call)(largest))
    assert peak <= BUDGET, f"{case.label}({largest}): peak {peak / 2**20:.0f} MB"
    with pytest.raises(ValueError, match=r"^[a-z_]+(\[[^\]]*\])?[= ]"):  # names a parameter
        case.call(refused)


def test_moving_fibres_of_the_largest_section_stays_within_the_budget(monkeypatch):
    case = next(case for case in CASES if case.label == "muscle_cross_section")
    largest, _ = _largest_accepted(case, monkeypatch)
    section = case.call(largest)
    activity = cramp(1.0, {name: 2000 for name in section.muscle_names})
    assert peak_bytes(lambda: moving_fibres(section, activity)) <= BUDGET


# The calls of the issue, each of which took gigabytes (or was accepted by a guard counting
# only its output): refused now, before allocating, with the parameter to change.
REFUSED = [
    (
        lambda: excitability.membrane_noise(0.05, correlation_time=1.0, step=1e-7),
        "step",
    ),
    (lambda: cramp(600.0, {f"m{i}": 2000 for i in range(10)}), "units_per_muscle"),
    (lambda: muscle_cross_section(n_points=50000, points_per_unit=2.0), "n_points"),
    (lambda: evoked_force([0.0], 600.0, dt=6.0001e-5), "duration"),
    (lambda: MotorUnitPool().simulate(1.0, 600.0), "duration"),
    (lambda: sustained_stimulation(20, 3600.0, MotorUnitPool(n_units=2000), 0.1), "pool"),
]


@pytest.mark.parametrize("call, name", REFUSED)
def test_the_calls_that_took_gigabytes_are_refused_by_parameter(call, name):
    with pytest.raises(ValueError, match=rf"^{name}=.*allowed range is at most 256 MB") as error:
        peak = peak_bytes(call)
        pytest.fail(f"accepted, peak {peak / 2**20:.0f} MB")
    assert "MB" in str(error.value)


def test_a_pool_simulation_past_the_old_guard_runs_within_the_budget():
    # 166 s of the default pool passed the old guard (20 million unit-samples) and peaked at
    # 1.8 GB; the unit forces are now convolved in batches, so 120 s of it fit the budget.
    peak = peak_bytes(lambda: POOL.simulate(1.0, 120.0))
    assert peak <= BUDGET
