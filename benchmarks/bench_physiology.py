"""Speed of the physiology engine on the work a slider callback does.

Targets (one core): the default 120-unit pool, 2 s at 1 kHz and full drive, under 10 ms; the
EMG of that activity, 5 s at 10 kHz, under 100 ms.

Run with ``make bench`` (pytest-benchmark) or ``python benchmarks/bench_physiology.py``.
"""

from __future__ import annotations

import timeit

from lessons.physiology import (
    MotorUnitPool,
    cramp,
    evoked_force,
    muscle_cross_section,
    needle_emg,
    pulse_train,
    surface_emg,
)

POOL = MotorUnitPool()
FIVE_SECONDS = POOL.simulate(1.0, 5.0, seed=0)


def pool_two_seconds():
    return POOL.simulate(1.0, 2.0, dt=0.001, seed=0)


def needle_emg_five_seconds():
    return needle_emg(FIVE_SECONDS.spike_times, 5.0, sampling_rate=10_000, seed=0)


def surface_emg_five_seconds():
    return surface_emg(FIVE_SECONDS.spike_times, 5.0, POOL.peak_forces, sampling_rate=10_000)


def pool_and_emg_five_seconds():
    activity = POOL.simulate(1.0, 5.0, seed=0)
    return surface_emg(activity.spike_times, 5.0, POOL.peak_forces, sampling_rate=10_000)


def tetanus_two_seconds():
    return evoked_force(pulse_train(50.0, 2.0), 2.0)


def cramp_thirty_seconds():
    return cramp(30.0, seed=0)


def calf_picture():
    return muscle_cross_section("calf", seed=0)


CASES = {
    "pool 2 s at 1 kHz, full drive": pool_two_seconds,
    "needle EMG 5 s at 10 kHz": needle_emg_five_seconds,
    "surface EMG 5 s at 10 kHz": surface_emg_five_seconds,
    "pool + surface EMG 5 s": pool_and_emg_five_seconds,
    "stimulated tetanus 2 s": tetanus_two_seconds,
    "cramp spike trains 30 s, 100 units": cramp_thirty_seconds,
    "calf cross-section 3000 fibres": calf_picture,
}


def test_pool_two_seconds(benchmark):
    benchmark(pool_two_seconds)


def test_needle_emg_five_seconds(benchmark):
    benchmark(needle_emg_five_seconds)


def test_surface_emg_five_seconds(benchmark):
    benchmark(surface_emg_five_seconds)


def test_pool_and_emg_five_seconds(benchmark):
    benchmark(pool_and_emg_five_seconds)


def test_tetanus_two_seconds(benchmark):
    benchmark(tetanus_two_seconds)


def test_cramp_thirty_seconds(benchmark):
    benchmark(cramp_thirty_seconds)


def test_calf_picture(benchmark):
    benchmark(calf_picture)


if __name__ == "__main__":
    for name, case in CASES.items():
        runs = timeit.repeat(case, number=5, repeat=5)
        print(f"{name:40s} best {min(runs) / 5 * 1e3:7.2f} ms per call")
