"""Stimulator experiments: summation, tetanus and the force-frequency relation, built on the
twitch and gain of Fuglevand, Winter & Patla (1993), J Neurophysiol 70:2470-2488."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons.physiology import (
    DEFAULT_LATENT_PERIOD,
    evoked_force,
    force_frequency_curve,
    paired_pulses,
    pulse_train,
    steady_mean_force,
    twitch_force,
)


def test_single_twitch_is_delayed_by_the_latent_period() -> None:
    # Latent period of about 2 ms (Saladin 2004, ch. 11); the twitch then peaks T later.
    response = evoked_force([0.01], duration=0.3, dt=0.0001, contraction_time=0.05)
    peak_time = response.time[np.argmax(response.force)]
    assert peak_time == pytest.approx(0.01 + DEFAULT_LATENT_PERIOD + 0.05, abs=2e-4)
    assert response.force.max() == pytest.approx(1.0, rel=1e-3)
    onset = response.time[np.argmax(response.force > 0)]
    assert onset == pytest.approx(0.01 + DEFAULT_LATENT_PERIOD, abs=2e-4)


def test_pairs_below_normalised_rate_0_4_sum_linearly() -> None:
    # Fuglevand et al. 1993: gain 1 while T/ISI <= 0.4, so a pair is two superposed twitches.
    # T/ISI = 0.3 with the second stimulus on the 0.5 ms sample grid.
    contraction = 0.06
    interval = 0.2
    dt = 0.0005
    response = evoked_force(paired_pulses(interval, start=0.02), 0.6, dt, 2.0, contraction, 0.0)
    expected = twitch_force(response.time - 0.02, 2.0, contraction) + twitch_force(
        response.time - 0.02 - interval, 2.0, contraction
    )
    np.testing.assert_allclose(response.force, expected, atol=2.0 * 1e-3)
    np.testing.assert_array_equal(response.gains, [1.0, 1.0])


def test_close_pair_sums_to_more_than_one_twitch() -> None:
    response = evoked_force(paired_pulses(0.02), 0.4, contraction_time=0.05)
    assert response.force.max() > 1.5


def test_train_far_above_fusion_approaches_the_force_the_gain_predicts() -> None:
    # At 100 Hz with T = 50 ms (x = 5) the steady mean is gain * P T e f (Fuglevand 1993).
    contraction, rate = 0.05, 100.0
    response = evoked_force(pulse_train(rate, 1.5), 1.5, 0.0005, 1.0, contraction)
    late = response.force[response.time > 1.0]
    predicted = float(steady_mean_force(rate, 1.0, contraction))
    assert late.mean() == pytest.approx(predicted, rel=0.01)
    # Fused: the ripple is small compared with the mean.
    assert (late.max() - late.min()) < 0.05 * late.mean()


def test_unfused_tetanus_ripples_and_fused_does_not() -> None:
    slow = evoked_force(pulse_train(10, 1.0), 1.0, contraction_time=0.05).force
    fast = evoked_force(pulse_train(80, 1.0), 1.0, contraction_time=0.05).force
    late = slice(1200, 2000)
    assert np.ptp(slow[late]) / slow[late].mean() > 0.3
    assert np.ptp(fast[late]) / fast[late].mean() < 0.1


def test_force_frequency_curve_is_sigmoid_and_saturates() -> None:
    # Relative force follows S(x) = 1 - exp(-2 x^3) above x = 0.4 (Fuglevand 1993).
    curve = force_frequency_curve(np.linspace(1, 100, 200), contraction_time=0.05)
    assert np.all(np.diff(curve.mean_force) >= -1e-12)
    assert curve.relative_force[-1] == pytest.approx(1.0, abs=1e-6)
    x = 0.05 * 20.0
    at_20 = force_frequency_curve([20.0], contraction_time=0.05).relative_force[0]
    assert at_20 == pytest.approx(1 - math.exp(-2 * x**3))


def test_pulse_train_spacing_and_count() -> None:
    times = pulse_train(20.0, 1.0, start=0.5)
    assert times[0] == 0.5
    np.testing.assert_allclose(np.diff(times), 0.05)
    assert len(times) == 21


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: pulse_train(0.0, 1.0), "frequency"),
        (lambda: pulse_train(10.0, -1.0), "duration"),
        (lambda: pulse_train(float("nan"), 1.0), "frequency"),
        (lambda: paired_pulses(0.0), "interval"),
        (lambda: evoked_force([0.0], 0.0), "duration"),
        (lambda: evoked_force([0.0], 1.0, dt=0.02), "dt"),
        (lambda: evoked_force([float("nan")], 1.0), "stimulus_times"),
        (lambda: evoked_force([-0.1], 1.0), "stimulus_times"),
        (lambda: evoked_force([0.0], 1.0, latent_period=-0.001), "latent_period"),
        (lambda: evoked_force([0.0], 1e6), "duration"),
        (lambda: force_frequency_curve([0.0]), "frequencies"),
    ],
)
def test_bad_input_is_refused_with_the_parameter_named(call, name: str) -> None:
    with pytest.raises(ValueError, match=name):
        call()


def test_message_gives_value_and_range() -> None:
    with pytest.raises(ValueError, match=r"frequency must be in \(0, 500\]; got -3"):
        pulse_train(-3, 1.0)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.floats(0.0, 0.5), min_size=0, max_size=30),
    st.floats(0.02, 0.2),
    st.floats(0.0, 50.0),
)
def test_evoked_force_is_finite_non_negative_and_sized(times, contraction, peak) -> None:
    response = evoked_force(times, 0.5, 0.001, peak, contraction)
    assert response.force.shape == response.time.shape
    assert np.all(np.isfinite(response.force))
    assert np.all(response.force >= 0.0)
