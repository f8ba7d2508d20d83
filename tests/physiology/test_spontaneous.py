"""Fasciculation, fibrillation and cramp generators.

Sources: fibrillation 0.5-15 Hz, regular (Davalos & Kushlaf, StatPearls); cramp single-unit
rates 6-25 Hz, mean 14.5 Hz, ISI CV 44.6 % (Minetto et al. 2009, J Neurophysiol 102:1890);
fasciculations irregular, well under 1 Hz (Mills 2010, Brain 133:3458).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons.physiology import (
    MotorUnitPool,
    cramp,
    fasciculation,
    fibrillation,
    moving_fibres,
    muscle_cross_section,
)
from lessons.physiology.spontaneous import DEFAULT_CRAMP_UNITS


def test_fasciculation_is_one_unit_firing_rarely_and_irregularly() -> None:
    activity = fasciculation(600.0, unit=7, rate=1.0, seed=4)
    assert activity.sources == (7,)
    intervals = np.diff(activity.spike_times[0])
    # Poisson: mean rate as asked (within 4 standard errors), CV of intervals near 1.
    count = len(activity.spike_times[0])
    assert abs(count - 600) < 4 * np.sqrt(600)
    assert np.std(intervals) / np.mean(intervals) == pytest.approx(1.0, abs=0.15)


def test_fasciculation_can_be_placed_in_a_short_clip() -> None:
    activity = fasciculation(2.0, first_discharge=0.5, seed=1)
    assert 0.5 in activity.spike_times[0]
    assert np.all((activity.spike_times[0] >= 0) & (activity.spike_times[0] <= 2.0))


def test_fibrillation_is_one_fibre_firing_regularly() -> None:
    activity = fibrillation(10.0, rate=8.0, seed=2)
    intervals = np.diff(activity.spike_times[0])
    np.testing.assert_allclose(intervals, 1 / 8.0)
    assert activity.rates()[0] == pytest.approx(8.0, abs=0.1)


@pytest.mark.parametrize("rate", [0.4, 16.0, float("nan")])
def test_fibrillation_rate_outside_0_5_to_15_hz_is_refused(rate: float) -> None:
    with pytest.raises(ValueError, match=r"rate must be in \[0.5, 15\]"):
        fibrillation(1.0, rate=rate)


def test_cramp_recruits_the_units_it_promises_across_muscles() -> None:
    activity = cramp(30.0, seed=5)
    assert len(activity.sources) == sum(DEFAULT_CRAMP_UNITS.values())
    assert set(activity.muscles) == set(DEFAULT_CRAMP_UNITS)
    assert len(set(activity.muscles)) > 1
    assert all(len(times) > 0 for times in activity.spike_times)
    assert all(times.max() < 30.0 for times in activity.spike_times)
    # Units stay active for the whole cramp: last spikes near the end.
    assert min(times.max() for times in activity.spike_times) > 29.0


def test_cramp_unit_rates_and_variability_follow_minetto_2009() -> None:
    activity = cramp(60.0, {"soleus": 200}, seed=6)
    rates = activity.rates()
    assert rates.min() >= 6.0 * 0.9
    assert rates.max() <= 25.0 * 1.1
    assert rates.mean() == pytest.approx(14.5, abs=1.0)
    cvs = [np.std(np.diff(t)) / np.mean(np.diff(t)) for t in activity.spike_times]
    assert np.median(cvs) == pytest.approx(0.446, abs=0.04)


def test_a_cramp_pulls_many_times_harder_than_a_single_twitch() -> None:
    pool = MotorUnitPool()
    activity = cramp(3.0, {"gastrocnemius medialis": 60, "soleus": 60}, seed=3)
    trains = list(activity.spike_times)
    _, cramp_force = pool.force(trains, 3.0)
    twitch_trains = [np.zeros(0)] * pool.n_units
    twitch_trains[0] = np.array([0.5])
    _, twitch = pool.force(twitch_trains, 3.0)
    assert cramp_force.sum(axis=0)[1000:].mean() > 100 * twitch.sum(axis=0).max()


def test_what_moves_in_the_picture() -> None:
    section = muscle_cross_section("calf", seed=0)
    twitching = moving_fibres(section, fasciculation(5.0, unit=3, first_discharge=1.0))
    assert twitching.sum() == section.fibres_of_unit(3).sum() > 0
    cramping = moving_fibres(section, cramp(5.0, seed=1))
    assert cramping.sum() > 0.5 * len(section.x)
    assert len(set(section.muscle[cramping])) > 1
    # A fibrillating fibre is far below what one point stands for: nothing visible moves.
    assert min(section.fibres_per_point) > 1
    assert moving_fibres(section, fibrillation(5.0)).sum() == 0


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: fasciculation(0.0), "duration"),
        (lambda: fasciculation(10.0, rate=2.0), "rate"),
        (lambda: fasciculation(10.0, first_discharge=20.0), "first_discharge"),
        (lambda: fasciculation(1e6), "duration"),
        (lambda: cramp(10.0, {}), "units_per_muscle"),
        (lambda: cramp(10.0, {"soleus": 0}), "units_per_muscle"),
        (lambda: cramp(0.01), "duration"),
        (lambda: cramp(10.0, isi_cv=float("nan")), "isi_cv"),
        (lambda: fibrillation(-1.0), "duration"),
    ],
)
def test_bad_input_is_refused_with_the_parameter_named(call, name: str) -> None:
    with pytest.raises(ValueError, match=name):
        call()


@settings(max_examples=25, deadline=None)
@given(st.floats(0.1, 30.0), st.integers(1, 30), st.integers(0, 2**16))
def test_cramp_trains_are_sorted_and_inside_the_window(duration, units, seed) -> None:
    activity = cramp(duration, {"a": units, "b": 1}, seed=seed)
    assert len(activity.spike_times) == units + 1
    for times in activity.spike_times:
        assert np.all(np.diff(times) > 0)
        assert np.all((times >= 0) & (times < duration))
