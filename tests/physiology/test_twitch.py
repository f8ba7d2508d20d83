"""The twitch and force-frequency gain of Fuglevand, Winter & Patla (1993), J Neurophysiol
70:2470-2488."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lessons.physiology import force_gain, twitch_force


@pytest.mark.parametrize(("peak", "contraction"), [(1.0, 0.05), (3.5, 0.03), (100.0, 0.09)])
def test_twitch_peaks_at_contraction_time_with_peak_force(peak: float, contraction: float) -> None:
    # Fuglevand et al. 1993: P t/T exp(1 - t/T) has its maximum P at t = T.
    time = np.linspace(0.0, 5 * contraction, 50_001)
    force = twitch_force(time, peak_force=peak, contraction_time=contraction)
    assert time[np.argmax(force)] == pytest.approx(contraction, rel=1e-3)
    assert force.max() == pytest.approx(peak, rel=1e-9)


def test_twitch_is_zero_before_the_discharge_and_decays_after() -> None:
    force = twitch_force(np.array([-0.01, 0.0, 0.05, 0.2, 1.0]))
    assert force[0] == 0.0
    assert force[1] == 0.0
    assert force[2] > force[3] > force[4] > 0.0


def test_twitch_area_is_peak_times_contraction_time_times_e() -> None:
    # The integral of P t/T exp(1-t/T) over t >= 0 is P T e (gamma-function identity).
    time = np.linspace(0.0, 2.0, 200_001)
    force = twitch_force(time, peak_force=2.0, contraction_time=0.04)
    assert np.trapezoid(force, time) == pytest.approx(2.0 * 0.04 * np.e, rel=1e-6)


def test_gain_is_one_up_to_normalised_rate_0_4() -> None:
    # Fuglevand et al. 1993: twitches sum linearly while T/ISI <= 0.4.
    contraction = 0.05
    intervals = contraction / np.array([0.01, 0.1, 0.25, 0.4])
    np.testing.assert_array_equal(force_gain(contraction, intervals), 1.0)


def test_gain_above_0_4_follows_the_sigmoid_formula() -> None:
    # Fuglevand et al. 1993, evaluated independently at x = T/ISI = 1.
    expected = (1 - np.exp(-2.0)) / ((1 - np.exp(-2 * 0.4**3)) / 0.4)
    assert force_gain(0.05, 0.05) == pytest.approx(expected)


def test_gain_is_continuous_at_0_4() -> None:
    contraction = 0.05
    below = force_gain(contraction, contraction / (0.4 - 1e-9))
    above = force_gain(contraction, contraction / (0.4 + 1e-9))
    assert above == pytest.approx(below, abs=1e-7)


def test_gain_times_rate_saturates_like_the_sigmoid() -> None:
    # Mean force of a train ~ gain * x; it must rise monotonically and level off (fused tetanus).
    rates = np.linspace(0.05, 5.0, 500)
    summed = force_gain(1.0, 1.0 / rates) * rates
    assert np.all(np.diff(summed) >= -1e-12)
    assert summed[-1] == pytest.approx(0.4 / (1 - np.exp(-2 * 0.4**3)), rel=1e-6)


def test_gain_broadcasts() -> None:
    gains = force_gain(np.array([[0.03], [0.09]]), np.array([0.2, 0.05, 0.02]))
    assert gains.shape == (2, 3)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"contraction_time": 0.0}, "contraction_time"),
        ({"contraction_time": -0.05}, "contraction_time"),
        ({"contraction_time": float("nan")}, "contraction_time"),
        ({"peak_force": -1.0}, "peak_force"),
        ({"peak_force": float("inf")}, "peak_force"),
    ],
)
def test_twitch_refuses_bad_parameters(kwargs: dict, name: str) -> None:
    with pytest.raises(ValueError, match=name):
        twitch_force([0.0, 0.1], **kwargs)


def test_twitch_refuses_nan_times() -> None:
    with pytest.raises(ValueError, match="t must be finite"):
        twitch_force([0.0, float("nan")])


@pytest.mark.parametrize(
    ("contraction", "isi", "name"),
    [(0.0, 0.1, "contraction_time"), (0.05, 0.0, "isi"), (0.05, -0.1, "isi"), (np.nan, 1, "contr")],
)
def test_gain_refuses_bad_parameters(contraction: float, isi: float, name: str) -> None:
    with pytest.raises(ValueError, match=name):
        force_gain(contraction, isi)


@given(
    st.floats(0.0, 1e3),
    st.floats(0.005, 1.0),
    st.lists(st.floats(-10.0, 10.0), min_size=1, max_size=50),
)
def test_twitch_is_finite_and_never_negative(peak: float, contraction: float, times: list) -> None:
    force = twitch_force(times, peak, contraction)
    assert force.shape == (len(times),)
    assert np.all(np.isfinite(force))
    assert np.all(force >= 0.0)
    assert np.all(force <= peak * (1 + 1e-12))


@given(st.floats(1e-3, 1.0), st.floats(1e-4, 100.0))
def test_gain_is_finite_positive_and_at_least_one_near_fusion(contraction: float, isi: float):
    gain = float(force_gain(contraction, isi))
    assert np.isfinite(gain)
    assert gain > 0.0
    if contraction / isi <= 1.0:
        assert gain >= 1.0
