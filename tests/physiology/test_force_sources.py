"""Recruitment versus rate coding in the pool of Fuglevand, Winter & Patla (1993),
J Neurophysiol 70:2470-2488."""

from __future__ import annotations

import math

import numpy as np
import pytest

from lessons.physiology import MotorUnitPool, steady_mean_force
from lessons.physiology.force_sources import force_sources, unit_mean_forces


@pytest.fixture(scope="module")
def pool() -> MotorUnitPool:
    return MotorUnitPool()


def test_no_drive_no_force(pool: MotorUnitPool) -> None:
    sources = force_sources(pool, 0.0)
    assert sources.recruited == 0
    assert sources.total_force == 0.0
    assert sources.recruitment_force == 0.0


def test_full_drive_is_the_maximal_force(pool: MotorUnitPool) -> None:
    sources = force_sources(pool, [0.5, 1.0])
    assert sources.total_force[-1] == pytest.approx(sources.maximal_force)
    assert sources.percent_of_maximum(sources.total_force)[-1] == pytest.approx(100.0)
    assert sources.recruited.tolist() == [np.sum(pool.rates(0.5) > 0), pool.n_units]


def test_total_force_rises_with_drive_and_after_full_recruitment(pool: MotorUnitPool) -> None:
    drive = np.linspace(0.0, 1.0, 101)
    sources = force_sources(pool, drive)
    assert np.all(np.diff(sources.total_force) >= 0)
    assert np.all(np.diff(sources.recruited) >= 0)
    # Past the last recruitment (drive 30/47, Fuglevand 1993 defaults) the count stops but
    # the force keeps rising: that rise is rate coding alone.
    after = drive > pool.recruitment_drive
    assert np.all(sources.recruited[after] == pool.n_units)
    assert np.all(np.diff(sources.total_force[after]) > 0)
    assert np.all(np.diff(sources.recruitment_force[after]) == 0)


def test_recruitment_alone_is_every_recruited_unit_at_the_minimum_rate(
    pool: MotorUnitPool,
) -> None:
    drive = 0.4
    firing = pool.rates(drive) > 0
    expected = sum(
        steady_mean_force(pool.min_rate, pool.peak_forces[unit], pool.contraction_times[unit])
        for unit in np.flatnonzero(firing)
    )
    sources = force_sources(pool, drive)
    assert float(sources.recruitment_force) == pytest.approx(float(expected))
    assert sources.rate_coding_force == pytest.approx(
        sources.total_force - sources.recruitment_force
    )
    assert sources.rate_coding_force > 0


def test_unit_forces_match_the_steady_mean_force_of_each_unit(pool: MotorUnitPool) -> None:
    rates = pool.rates(np.array([0.1, 0.5, 1.0]))
    forces = unit_mean_forces(pool, rates)
    for unit in (0, 37, 119):
        firing = rates[unit] > 0
        expected = steady_mean_force(
            rates[unit, firing], pool.peak_forces[unit], pool.contraction_times[unit]
        )
        np.testing.assert_allclose(forces[unit, firing], expected, rtol=1e-12)
        assert np.all(forces[unit, ~firing] == 0)


def test_unit_force_is_twitch_area_times_rate_at_low_rates(pool: MotorUnitPool) -> None:
    # Below the normalised rate 0.4 twitches add linearly: mean = P T e f (Fuglevand 1993).
    rates = np.zeros(pool.n_units)
    rates[0] = 4.0  # T f = 0.09 x 4 = 0.36 < 0.4
    forces = unit_mean_forces(pool, rates)
    assert forces[0] == pytest.approx(pool.peak_forces[0] * pool.contraction_times[0] * math.e * 4)
    assert np.all(forces[1:] == 0)


def test_rate_coding_gives_most_of_the_maximal_force(pool: MotorUnitPool) -> None:
    # With every unit held at its 8 Hz starting rate (Fuglevand 1993 minimum rate) the pool
    # makes only a small part of its maximal force; rate coding supplies the rest.
    sources = force_sources(pool, 1.0)
    share = float(sources.percent_of_maximum(sources.recruitment_force))
    assert 5.0 < share < 25.0


def test_steady_means_agree_with_the_simulated_pool(pool: MotorUnitPool) -> None:
    # The simulation adds interval variability (CV 0.2), which lowers the mean a little.
    sources = force_sources(pool, [0.2, 0.6, 1.0])
    for drive, expected in zip([0.2, 0.6, 1.0], sources.total_force, strict=True):
        simulated = pool.simulate(drive, 2.0, seed=5).force[500:].mean()
        assert simulated == pytest.approx(expected, rel=0.08)


def test_a_wider_recruitment_range_recruits_later() -> None:
    narrow, wide = MotorUnitPool(recruitment_range=10), MotorUnitPool(recruitment_range=90)
    drive = np.linspace(0, 1, 201)
    narrow_full = drive[np.argmax(force_sources(narrow, drive).recruited == narrow.n_units)]
    wide_full = drive[np.argmax(force_sources(wide, drive).recruited == wide.n_units)]
    assert narrow_full < 0.5 < wide_full


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda pool: force_sources(pool, 1.5), "drive"),
        (lambda pool: force_sources(pool, float("nan")), "drive"),
        (lambda pool: force_sources("pool", 0.5), "pool"),
        (lambda pool: unit_mean_forces(pool, np.zeros(3)), "rates"),
        (lambda pool: unit_mean_forces(pool, -np.ones(pool.n_units)), "rates"),
    ],
)
def test_bad_input_names_the_parameter(pool: MotorUnitPool, call, name: str) -> None:
    with pytest.raises(ValueError, match=name):
        call(pool)
