"""The motor-unit pool of Fuglevand, Winter & Patla (1993), J Neurophysiol 70:2470-2488."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons.physiology import MotorUnitPool


@pytest.fixture(scope="module")
def pool() -> MotorUnitPool:
    return MotorUnitPool()


def test_default_pool_spans_the_papers_ranges(pool: MotorUnitPool) -> None:
    # Fuglevand et al. 1993: RR 30, RP 100, T 90 to 30 ms, peak rates 35 to 25 Hz, 120 units.
    assert pool.n_units == 120
    assert pool.thresholds[[0, -1]] == pytest.approx([1.0, 30.0])
    assert pool.peak_forces[[0, -1]] == pytest.approx([1.0, 100.0])
    assert pool.contraction_times[[0, -1]] == pytest.approx([0.090, 0.030])
    assert pool.peak_rates[[0, -1]] == pytest.approx([35.0, 25.0])
    assert np.all(np.diff(pool.thresholds) > 0)
    assert np.all(np.diff(pool.contraction_times) < 0)


def test_thresholds_are_exponentially_distributed(pool: MotorUnitPool) -> None:
    # Many low-threshold units and few high-threshold ones (Fuglevand 1993).
    ratios = pool.thresholds[1:] / pool.thresholds[:-1]
    np.testing.assert_allclose(ratios, ratios[0])
    assert np.sum(pool.thresholds < 15.5) > 0.75 * pool.n_units


def test_every_unit_is_recruited_at_about_64_percent(pool: MotorUnitPool) -> None:
    # E_max = 30 + (25 - 8)/1 = 47, so the last unit starts at 30/47 = 63.8 % (Fuglevand 1993).
    assert pool.recruitment_drive == pytest.approx(0.638, abs=0.001)
    assert np.all(pool.rates(0.64) > 0)
    assert np.sum(pool.rates(0.63) > 0) == pool.n_units - 1


def test_rates_follow_linear_rate_coding(pool: MotorUnitPool) -> None:
    drive = 0.3
    rates = pool.rates(drive)
    excitation = drive * pool.max_excitation
    active = pool.thresholds <= excitation
    expected = np.minimum(8.0 + (excitation - pool.thresholds), pool.peak_rates)
    np.testing.assert_allclose(rates[active], expected[active])
    assert np.all(rates[~active] == 0)
    np.testing.assert_allclose(pool.rates(1.0), pool.peak_rates)


def test_force_rises_monotonically_with_drive(pool: MotorUnitPool) -> None:
    means = [pool.simulate(d, 1.5, seed=3).force[500:].mean() for d in np.linspace(0, 1, 11)]
    assert means[0] == 0.0
    assert np.all(np.diff(means) > 0)


def test_spike_counts_match_the_rates(pool: MotorUnitPool) -> None:
    activity = pool.simulate(0.5, 20.0, seed=1)
    counts = np.array([len(t) for t in activity.spike_times])
    expected = pool.rates(0.5) * 20.0
    active = expected > 0
    # Renewal process: counts within a few intervals of rate x duration.
    assert np.all(np.abs(counts[active] - expected[active]) <= 3 + 0.05 * expected[active])
    assert np.all(counts[~active] == 0)


def test_isi_variability_matches_the_cv_asked_for() -> None:
    for cv in (0.1, 0.2, 0.3):
        activity = MotorUnitPool(isi_cv=cv).simulate(1.0, 30.0, seed=7)
        measured = [np.std(np.diff(t)) / np.mean(np.diff(t)) for t in activity.spike_times]
        # Intervals are quantised to 1 ms, which adds a little spread at high rates.
        assert np.median(measured) == pytest.approx(cv, abs=0.02)


def test_simulation_is_reproducible_with_a_seed(pool: MotorUnitPool) -> None:
    first = pool.simulate(0.4, 1.0, seed=11)
    second = pool.simulate(0.4, 1.0, seed=11)
    other = pool.simulate(0.4, 1.0, seed=12)
    np.testing.assert_array_equal(first.force, second.force)
    assert not np.array_equal(first.force, other.force)


def test_ramp_recruits_units_in_order(pool: MotorUnitPool) -> None:
    duration, dt = 4.0, 0.001
    ramp = np.linspace(0.0, 1.0, round(duration / dt) + 1)
    activity = pool.simulate(ramp, duration, dt, seed=2)
    first_spikes = np.array([t[0] for t in activity.spike_times])
    assert activity.recruited.all()
    # Later units start later: the first spike follows the threshold crossing.
    crossing = pool.thresholds / pool.max_excitation * duration
    assert np.all(first_spikes >= crossing - dt)
    assert np.corrcoef(first_spikes, crossing)[0, 1] > 0.99


def test_unit_force_sums_to_total(pool: MotorUnitPool) -> None:
    activity = pool.simulate(0.8, 1.0)
    np.testing.assert_allclose(activity.unit_force.sum(axis=0), activity.force)
    assert activity.unit_force.shape == (pool.n_units, len(activity.time))


def test_one_discharge_gives_one_twitch_of_the_unit(pool: MotorUnitPool) -> None:
    trains = [np.zeros(0)] * pool.n_units
    trains[60] = np.array([0.1])
    time, unit_force = pool.force(trains, 0.5)
    assert unit_force[60].max() == pytest.approx(pool.peak_forces[60], rel=1e-3)
    peak_time = time[np.argmax(unit_force[60])]
    assert peak_time == pytest.approx(0.1 + pool.contraction_times[60], abs=0.001)
    assert unit_force.sum() == pytest.approx(unit_force[60].sum())


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: MotorUnitPool(n_units=0), "n_units"),
        (lambda: MotorUnitPool(isi_cv=-0.1), "isi_cv"),
        (lambda: MotorUnitPool(min_rate=float("nan")), "min_rate"),
        (lambda: MotorUnitPool().rates(1.2), "drive"),
        (lambda: MotorUnitPool().rates(-0.1), "drive"),
        (lambda: MotorUnitPool().simulate(0.5, 0.0), "duration"),
        (lambda: MotorUnitPool().simulate(0.5, -1.0), "duration"),
        (lambda: MotorUnitPool().simulate(float("nan"), 1.0), "drive"),
        (lambda: MotorUnitPool().simulate(0.5, 1.0, dt=0.05), "dt"),
        (lambda: MotorUnitPool().simulate(0.5, 3000.0), "duration"),
        (lambda: MotorUnitPool().simulate(np.ones(10), 1.0), "drive"),
        (lambda: MotorUnitPool().force([np.zeros(0)], 1.0), "spike_times"),
    ],
)
def test_bad_input_is_refused_with_the_parameter_named(call, name: str) -> None:
    with pytest.raises(ValueError, match=name):
        call()


def test_dt_message_names_the_shortest_contraction_time() -> None:
    with pytest.raises(ValueError, match=r"dt must be in \(0, 0\.03\]; got 0\.05"):
        MotorUnitPool().simulate(0.5, 1.0, dt=0.05)


@settings(max_examples=25, deadline=None)
@given(
    n_units=st.integers(1, 40),
    drive=st.floats(0.0, 1.0),
    cv=st.floats(0.0, 0.5),
    seed=st.integers(0, 2**16),
)
def test_simulation_is_finite_non_negative_and_consistent(n_units, drive, cv, seed) -> None:
    pool = MotorUnitPool(n_units=n_units, isi_cv=cv)
    activity = pool.simulate(drive, 0.5, seed=seed)
    assert activity.unit_force.shape == (n_units, len(activity.time))
    assert activity.rates.shape == (n_units, len(activity.time))
    assert len(activity.spike_times) == n_units
    assert np.all(np.isfinite(activity.force))
    assert np.all(activity.force >= 0)
    for times in activity.spike_times:
        assert np.all((times >= 0) & (times <= 0.5))
        assert np.all(np.diff(times) >= 0)


def test_discharge_times_are_the_simulation_spikes_without_the_force_work():
    # Same seed, same random draws: the EMG may skip the force sums and still see the spikes
    # the force figures show.
    pool = MotorUnitPool()
    ramp = np.linspace(0.0, 0.8, 2001)
    simulated = pool.simulate(ramp, 2.0, seed=7).spike_times
    alone = pool.discharge_times(ramp, 2.0, seed=7)
    assert len(alone) == len(simulated) == pool.n_units
    for unit, (a, b) in enumerate(zip(alone, simulated, strict=True)):
        np.testing.assert_array_equal(a, b, err_msg=f"unit {unit}")
    with pytest.raises(ValueError, match="drive"):
        pool.discharge_times(1.5, 1.0)
