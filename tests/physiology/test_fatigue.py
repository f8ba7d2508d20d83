"""Fatigue under sustained stimulation (Potvin & Fuglevand 2017, PLoS Comput Biol
13:e1005581): fatigue rates from 0.0225/180 to 0.0225 per second across the pool, contraction
time slowing 0.379 per unit of force loss."""

from __future__ import annotations

import numpy as np
import pytest

from lessons.physiology import MotorUnitPool, sustained_stimulation
from lessons.physiology.fatigue import fatigue_rates, relative_unit_force


@pytest.fixture(scope="module")
def course():
    return sustained_stimulation(30.0, 120.0)


def test_force_declines_under_a_sustained_train(course) -> None:
    assert course.relative_force[0] == 1.0
    assert np.all(np.diff(course.force) <= 1e-9)
    assert course.relative_force[-1] < 0.5


def test_fast_large_units_fatigue_before_slow_small_ones(course) -> None:
    remaining = course.capacity[:, -1]
    assert remaining[0] > 0.95
    assert remaining[-1] < 0.05
    assert np.all(np.diff(remaining) <= 1e-12)


def test_fatigue_rates_span_the_published_range() -> None:
    rates = fatigue_rates(MotorUnitPool())
    assert rates[-1] == pytest.approx(0.0225)
    assert rates[-1] / rates[0] == pytest.approx(180.0)


def test_last_unit_loses_its_published_rate_at_first(course) -> None:
    pool = MotorUnitPool()
    relative = relative_unit_force(pool.contraction_times[-1] * 30.0)
    lost_per_second = (1 - course.capacity[-1, 10]) / course.time[10]
    assert lost_per_second == pytest.approx(0.0225 * relative, rel=0.05)


def test_contraction_time_lengthens_with_force_loss(course) -> None:
    loss = 1 - course.capacity[:, -1]
    expected = MotorUnitPool().contraction_times * (1 + 0.379 * loss)
    np.testing.assert_allclose(course.contraction_times[:, -1], expected, rtol=0.01)


def test_initial_force_matches_the_pool_at_the_same_rate() -> None:
    pool = MotorUnitPool(n_units=20, isi_cv=0.0)
    start = sustained_stimulation(40.0, 1.0, pool).force[0]
    trains = [np.arange(0.0, 4.0, 1 / 40.0)] * pool.n_units
    _, unit_force = pool.force(trains, 4.0)
    assert unit_force.sum(axis=0)[2000:].mean() == pytest.approx(start, rel=0.02)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"frequency": 0.0, "duration": 10.0}, "frequency"),
        ({"frequency": 30.0, "duration": -1.0}, "duration"),
        ({"frequency": 30.0, "duration": 10.0, "step": 5.0}, "step"),
        ({"frequency": float("nan"), "duration": 10.0}, "frequency"),
    ],
)
def test_bad_input_is_refused_with_the_parameter_named(kwargs, name) -> None:
    with pytest.raises(ValueError, match=name):
        sustained_stimulation(**kwargs)
