"""The illustrative excitability model: Rice's crossing rate, its simulation, and the factors."""

from __future__ import annotations

import math

import numpy as np
import pytest

from lessons.content.references import references
from lessons.physiology.excitability import (
    DEFAULT_CORRELATION_TIME,
    DEFAULT_NOISE_SD,
    DEFAULT_STEP,
    HEALTHY_MARGIN,
    MARGIN_FACTORS,
    discharge_rate,
    membrane_noise,
    spontaneous_firing,
    threshold_crossings,
    threshold_margin,
)

SD = DEFAULT_NOISE_SD
TAU = DEFAULT_CORRELATION_TIME


def _gaussian_autocorrelation(lag: np.ndarray) -> np.ndarray:
    return SD**2 * np.exp(-(lag**2) / (2 * TAU**2))


def test_rate_at_zero_margin_is_rices_zero_crossing_rate():
    """Rice (1945, section 3.3): upward zero crossings per second = sqrt(-R''(0)/R(0)) / 2 pi.

    R''(0) is taken here by finite differences of the autocorrelation, independently of the
    closed form the model uses.
    """
    h = TAU / 1000
    second_derivative = (
        _gaussian_autocorrelation(np.array(h))
        - 2 * _gaussian_autocorrelation(np.array(0.0))
        + _gaussian_autocorrelation(np.array(-h))
    ) / h**2
    expected = math.sqrt(-second_derivative / SD**2) / (2 * math.pi)
    assert discharge_rate(0.0) == pytest.approx(expected, rel=1e-4)


def test_rate_falls_with_the_gaussian_tail_of_the_margin():
    """Rice (1945): a level u is crossed upwards at the zero rate times exp(-u^2 / 2 sigma^2)."""
    for sds in (1.0, 2.5, 4.0):
        ratio = discharge_rate(sds * SD) / discharge_rate(0.0)
        assert ratio == pytest.approx(math.exp(-(sds**2) / 2), rel=1e-9)


def test_rate_rises_steeply_and_ever_more_steeply_as_the_gap_widens():
    gaps = np.arange(0.001, 0.0105, 0.0005)
    rates = discharge_rate(gaps)
    assert np.all(np.diff(rates) < 0), "a narrower gap must always fire more"
    # The factor gained by taking 1 mV off the gap grows with the gap: faster than exponential.
    gain_per_millivolt = discharge_rate(gaps - 0.001) / rates
    assert np.all(gain_per_millivolt > 1)
    assert np.all(np.diff(gain_per_millivolt) > 0)
    # Taking 1 mV off the healthy gap multiplies the rate several times over.
    assert discharge_rate(HEALTHY_MARGIN - 0.001) / discharge_rate(HEALTHY_MARGIN) > 5


def test_simulated_noise_has_the_stated_spread_and_correlation():
    noise = membrane_noise(30.0, seed=3)
    assert noise.size == round(30.0 / DEFAULT_STEP) + 1
    assert noise.mean() == pytest.approx(0.0, abs=0.05 * SD)
    assert noise.std() == pytest.approx(SD, rel=0.03)
    lag = round(TAU / DEFAULT_STEP)
    correlation = np.corrcoef(noise[:-lag], noise[lag:])[0, 1]
    assert correlation == pytest.approx(math.exp(-0.5), abs=0.02)


@pytest.mark.parametrize("margin_in_sds", [1.0, 2.0, 3.0])
def test_simulated_crossings_match_rices_rate(margin_in_sds):
    """The simulated axon fires at the rate the formula (Rice 1945) predicts."""
    margin = margin_in_sds * SD
    firing = spontaneous_firing(120.0, margin=margin, seed=11)
    expected_count = firing.expected_rate * firing.duration
    # Poisson-like scatter plus a small undercount from sampling at TAU/10.
    assert firing.spike_times.size == pytest.approx(expected_count, rel=0.12)
    assert firing.observed_rate == pytest.approx(firing.expected_rate, rel=0.12)


def test_same_noise_crosses_more_often_when_the_threshold_comes_closer():
    noise = membrane_noise(20.0, seed=5)
    counts = [threshold_crossings(noise, gap, DEFAULT_STEP).size for gap in (0.008, 0.006, 0.004)]
    assert counts[0] < counts[1] < counts[2]


def test_crossings_are_the_first_samples_at_or_above_threshold():
    trace = np.array([0.0, 1.0, 2.0, 1.0, 0.0, 1.5, 3.0, 2.0]) * 1e-3  # V
    np.testing.assert_allclose(threshold_crossings(trace, 1.5e-3, 0.5), [1.0, 2.5])


def test_a_trace_starting_above_threshold_does_not_fire_at_time_zero():
    trace = np.array([2.0, 2.0, 0.0, 2.0]) * 1e-3  # V
    assert threshold_crossings(trace, 1e-3, 1.0).tolist() == [3.0]


def test_simulation_is_reproducible_with_its_seed():
    first = membrane_noise(1.0, seed=7)
    np.testing.assert_array_equal(first, membrane_noise(1.0, seed=7))
    assert not np.array_equal(first, membrane_noise(1.0, seed=8))


def test_each_factor_narrows_the_gap_by_its_shift_and_shifts_add_up():
    assert threshold_margin() == HEALTHY_MARGIN
    for key, factor in MARGIN_FACTORS.items():
        assert factor.shift > 0
        assert threshold_margin([key]) == pytest.approx(HEALTHY_MARGIN - factor.shift)
    both = threshold_margin(["caffeine", "low_calcium"])
    expected = (
        HEALTHY_MARGIN - MARGIN_FACTORS["caffeine"].shift - MARGIN_FACTORS["low_calcium"].shift
    )
    assert both == pytest.approx(expected)


def test_every_everyday_factor_together_with_one_axon_disease_leaves_a_gap():
    everyday = [
        k for k in MARGIN_FACTORS if k not in ("persistent_sodium", "potassium_channel_loss")
    ]
    for disease in ("persistent_sodium", "potassium_channel_loss"):
        assert threshold_margin([*everyday, disease]) > 0


def test_factors_say_how_sure_we_are_and_cite_real_sources():
    known = references()
    for factor in MARGIN_FACTORS.values():
        assert factor.evidence in ("mechanism", "association")
        assert factor.qualitative == (factor.evidence == "association")
        assert factor.references and all(key in known for key in factor.references)
        assert factor.how and "\n" not in factor.how
    # Stress, caffeine and exercise have no established axonal mechanism (NHS; MedlinePlus).
    assert {k for k, f in MARGIN_FACTORS.items() if f.qualitative} == {
        "stress_anxiety",
        "caffeine",
        "fatigue",
    }


def test_unknown_or_repeated_factor_is_refused_by_name():
    with pytest.raises(ValueError, match="unknown keys \\['coffee'\\]"):
        threshold_margin(["coffee"])
    with pytest.raises(ValueError, match="twice"):
        threshold_margin(["caffeine", "caffeine"])


def test_closing_the_gap_completely_is_refused():
    with pytest.raises(ValueError, match="close the gap"):
        threshold_margin(["potassium_channel_loss"], healthy_margin=0.003)


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: discharge_rate(-0.001), "margin"),
        (lambda: discharge_rate(0.005, noise_sd=0.0), "noise_sd"),
        (lambda: discharge_rate(0.005, correlation_time=-1.0), "correlation_time"),
        (lambda: membrane_noise(0.0), "duration"),
        (lambda: membrane_noise(1.0, step=0.0005), "step"),
        (lambda: threshold_crossings(np.zeros((2, 2)), 0.001, 0.001), "potential"),
        (lambda: threshold_crossings(np.zeros(3), float("nan"), 0.001), "margin"),
        (lambda: threshold_margin(healthy_margin=0.0), "healthy_margin"),
    ],
)
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()
