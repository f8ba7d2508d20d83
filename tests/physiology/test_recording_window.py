"""The recording window: the chance of catching a unit that fires on its own.

Source: observation for up to 90 s may be needed to record one fasciculation with a
probability approaching one (Mills 2011, J Neurol Neurosurg Psychiatry 82:549-551).
"""

from __future__ import annotations

import gc
import math
import tracemalloc

import numpy as np
import pytest

from lessons.physiology import _budget
from lessons.physiology.recording_window import (
    MAX_RATE_PER_MIN,
    MAX_TRIALS,
    NEAR_CERTAIN,
    OBSERVATION_TIME,
    SLOWEST_SITE_RATE_PER_MIN,
    SURFACE_ALS_MEDIAN_RATE_PER_MIN,
    catch_probability,
    simulate_catches,
    watch_window,
    window_for_probability,
)

CASES = [(0.5, 30.0), (3.0, 20.0), (SLOWEST_SITE_RATE_PER_MIN, OBSERVATION_TIME), (40.5, 2.0)]


@pytest.mark.parametrize("rate, window", CASES)
def test_the_closed_form_matches_monte_carlo_over_many_seeds(rate, window):
    closed = catch_probability(rate, window)
    estimates = [simulate_catches(rate, window, 2000, seed=seed) for seed in range(30)]
    for estimate in estimates:  # each seed within 4.5 binomial standard errors
        assert abs(estimate.estimate - closed) <= 4.5 * estimate.standard_error + 1e-12
    pooled = sum(e.caught for e in estimates) / (30 * 2000)
    assert abs(pooled - closed) <= 4 * math.sqrt(closed * (1 - closed) / 60_000) + 1e-12


@pytest.mark.parametrize("rate, window", CASES[:3])
def test_the_watched_windows_of_the_fasciculation_generator_catch_as_often_as_the_closed_form(
    rate, window
):
    trials = 1500
    caught = sum(watch_window(rate, window, seed=seed).caught for seed in range(trials))
    closed = catch_probability(rate, window)
    assert abs(caught / trials - closed) <= 4 * math.sqrt(closed * (1 - closed) / trials)


def test_the_chance_grows_with_rate_and_with_window():
    windows = np.linspace(0.0, 600.0, 601)
    rates = np.linspace(0.0, MAX_RATE_PER_MIN, 121)
    assert np.all(np.diff(catch_probability(3.0, windows)) > 0)
    assert np.all(np.diff(catch_probability(rates, 30.0)) > 0)
    grid = catch_probability(rates[:, np.newaxis], windows[np.newaxis, :])
    assert grid.shape == (121, 601)
    assert np.all(np.diff(grid[1:], axis=0) >= 0) and np.all(np.diff(grid, axis=1) >= 0)


def test_edge_values():
    assert catch_probability(0.0, 600.0) == 0.0
    assert catch_probability(60.0, 0.0) == 0.0
    assert catch_probability(60.0, 600.0) == pytest.approx(1.0)
    assert isinstance(catch_probability(3.0, 90.0), float)
    assert simulate_catches(0.0, 90.0, 100).caught == 0
    assert simulate_catches(60.0, 600.0, 100).caught == 100
    assert not watch_window(0.0, 90.0).caught
    assert math.isnan(watch_window(0.0, 90.0).first_discharge)


def test_ninety_seconds_is_near_certain_only_for_sites_firing_three_times_a_minute_or_more():
    assert round(SLOWEST_SITE_RATE_PER_MIN, 2) == 3.07
    assert catch_probability(SLOWEST_SITE_RATE_PER_MIN, OBSERVATION_TIME) == pytest.approx(
        NEAR_CERTAIN
    )
    assert catch_probability(1.0, OBSERVATION_TIME) < 0.8  # a slower site is often missed
    assert catch_probability(SURFACE_ALS_MEDIAN_RATE_PER_MIN, OBSERVATION_TIME) > 0.999999
    assert catch_probability(SLOWEST_SITE_RATE_PER_MIN, 10.0) < 0.5  # a short look misses


def test_window_for_probability_inverts_the_closed_form():
    for rate in (0.5, 3.0, 40.5):
        for chance in (0.5, 0.9, 0.99):
            window = window_for_probability(rate, chance)
            assert catch_probability(rate, min(window, 600.0)) == pytest.approx(
                chance if window <= 600.0 else catch_probability(rate, 600.0)
            )
    assert window_for_probability(SLOWEST_SITE_RATE_PER_MIN) == pytest.approx(OBSERVATION_TIME)


def test_a_watched_window_is_reproducible_and_inside_the_window():
    first, again = watch_window(40.5, 90.0, seed=7), watch_window(40.5, 90.0, seed=7)
    np.testing.assert_array_equal(first.times, again.times)
    assert np.all((first.times >= 0) & (first.times <= 90.0))
    assert np.all(np.diff(first.times) >= 0)
    assert first.caught and first.first_discharge == first.times[0]
    assert first.probability == catch_probability(40.5, 90.0)


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: catch_probability(-1.0, 10.0), "rate_per_min"),
        (lambda: catch_probability(61.0, 10.0), "rate_per_min"),
        (lambda: catch_probability("3", 10.0), "rate_per_min"),
        (lambda: catch_probability(3.0, -1.0), "window_s"),
        (lambda: catch_probability(3.0, 601.0), "window_s"),
        (lambda: catch_probability(3.0, np.nan), "window_s"),
        (lambda: catch_probability([1.0, 2.0], [1.0, 2.0, 3.0]), "rate_per_min and window_s"),
        (lambda: window_for_probability(0.0, 0.5), "rate_per_min"),
        (lambda: window_for_probability(3.0, 1.0), "probability"),
        (lambda: window_for_probability(3.0, 0.0), "probability"),
        (lambda: watch_window(3.0, 0.0), "window_s"),
        (lambda: watch_window(3.0, 90.0, seed=-1), "seed"),
        (lambda: simulate_catches(3.0, 90.0, 0), "trials"),
        (lambda: simulate_catches(3.0, 90.0, MAX_TRIALS + 1), "trials"),
        (lambda: simulate_catches(3.0, 90.0, 10.5), "trials"),
        (lambda: simulate_catches(True, 90.0), "rate_per_min"),
    ],
)
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=rf"^{name}"):
        call()


def test_the_largest_monte_carlo_stays_within_the_memory_budget():
    gc.collect()
    tracemalloc.start()
    try:
        simulate_catches(60.0, 600.0, MAX_TRIALS)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak <= _budget.MEMORY_BUDGET


def test_a_grid_too_large_for_memory_is_refused_before_it_is_built():
    rates, windows = np.zeros((20_000, 1)), np.zeros((1, 20_000))
    with pytest.raises(ValueError, match=r"^window_s=.*allowed range is at most 256 MB"):
        catch_probability(rates, windows)
