"""The pool of Fuglevand et al. (1993) under a steady drive: units recruited in order of
threshold, the last at 30/47 = 63.8 % of maximal excitation, ticks per second equal to the
rate, and full drive at 100 % of the force axis."""

from __future__ import annotations

import numpy as np
import pytest

from lessons.physiology import MotorUnitPool
from lessons.physiology.steady_drive import SteadyDrive, steady_maximal_force

POOL = MotorUnitPool()


@pytest.fixture(scope="module")
def model():
    return SteadyDrive()


def test_full_drive_is_one_hundred_percent_and_no_drive_is_silence(model) -> None:
    assert model.maximal_force == pytest.approx(steady_maximal_force(POOL, 3))
    assert model.at(100).mean_force == pytest.approx(100.0, abs=0.5)
    silent = model.at(0)
    assert silent.recruited == 0 and not silent.cells.any()
    assert np.all(silent.force_percent == 0) and len(silent.silent_units) == 120


@pytest.mark.parametrize("percent", [10, 30, 63, 64])
def test_the_firing_units_are_one_to_n_in_order(model, percent) -> None:
    state = model.at(percent)
    expected = int(np.sum(POOL.rates(percent / 100) > 0))
    assert state.recruited == expected
    np.testing.assert_array_equal(state.firing_units, np.arange(1, expected + 1))
    np.testing.assert_array_equal(state.silent_units, np.arange(expected + 1, 121))
    np.testing.assert_allclose(state.firing_rates, POOL.rates(percent / 100)[:expected], 1e-6)
    rows = np.flatnonzero(state.cells.any(axis=1))
    np.testing.assert_array_equal(rows + 1, state.firing_units)
    assert np.all(state.silent_rates == 0) and state.silent_rates.dtype == np.float32


def test_last_unit_joins_between_63_and_64_percent(model) -> None:
    assert model.at(63).recruited == 119 and model.at(64).recruited == 120


def test_ticks_per_second_are_the_firing_rate(model) -> None:
    state = model.at(50)
    for unit in (1, 40, 100):
        ticks = np.count_nonzero(state.cells[unit - 1])
        assert abs(ticks - state.rates[unit - 1]) <= 3  # within the interval variability


def test_more_drive_more_force_and_each_drive_is_simulated_once(model) -> None:
    assert model.at(50).mean_force > 2 * model.at(10).mean_force
    assert model.at(50) is model.at(50)
    assert model.window_ms[-1] == pytest.approx(1000.0)
    assert model.blank_cells().shape == model.at(50).cells.shape


@pytest.mark.parametrize(("percent", "name"), [(101, "percent"), (-1, "percent"), (2.5, "percent")])
def test_bad_drive_is_refused_by_name(model, percent, name) -> None:
    with pytest.raises(ValueError, match=name):
        model.at(percent)


def test_bad_seed_is_refused() -> None:
    with pytest.raises(ValueError, match="seed"):
        SteadyDrive(seed=-1)
