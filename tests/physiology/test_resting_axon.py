"""Lesson 06's resting-axon experiment: one noise window, thresholds moved by factors."""

from __future__ import annotations

import numpy as np
import pytest

from lessons.physiology.excitability import (
    DEFAULT_STEP,
    HEALTHY_MARGIN,
    MARGIN_FACTORS,
    discharge_rate,
    membrane_noise,
    threshold_crossings,
)
from lessons.physiology.resting_axon import (
    CURVE_GAPS_MV,
    CURVE_POINTS,
    WINDOW,
    RestingAxon,
    rate_curve,
)


@pytest.fixture(scope="module")
def axon() -> RestingAxon:
    return RestingAxon(WINDOW, seed=6)


def test_the_healthy_axon_sits_at_the_healthy_gap(axon):
    setting = axon.with_factors()
    assert setting.factors == ()
    assert setting.margin == HEALTHY_MARGIN
    assert setting.margin_mv == pytest.approx(9.0)
    assert setting.healthy_margin_mv == pytest.approx(9.0)
    assert setting.rate == discharge_rate(HEALTHY_MARGIN)
    assert setting.rate_ratio == 1.0
    # 9 mV is 4.5 noise SDs: about one discharge every two to three minutes.
    assert 120 <= setting.interval <= 180
    assert setting.shifts == ()


def test_factors_narrow_the_gap_by_their_shifts(axon):
    setting = axon.with_factors(["caffeine", "low_calcium"])
    shift = MARGIN_FACTORS["caffeine"].shift + MARGIN_FACTORS["low_calcium"].shift
    assert setting.margin == pytest.approx(HEALTHY_MARGIN - shift)
    assert setting.margin_mv == pytest.approx(9.0 - 0.5 - 1.5)
    assert [s.key for s in setting.shifts] == ["caffeine", "low_calcium"]
    assert [s.shift_mv for s in setting.shifts] == pytest.approx([0.5, 1.5])
    assert [s.qualitative for s in setting.shifts] == [True, False]
    assert setting.rate_ratio == pytest.approx(
        discharge_rate(HEALTHY_MARGIN - shift) / discharge_rate(HEALTHY_MARGIN)
    )
    assert setting.rate_ratio > 10


def test_a_single_key_is_one_factor(axon):
    assert axon.with_factors("fatigue").factors == ("fatigue",)


def test_the_discharges_are_the_seeded_noise_crossing_the_threshold(axon):
    setting = axon.with_factors(["potassium_channel_loss"])
    noise = membrane_noise(WINDOW, seed=6)
    expected = threshold_crossings(noise, setting.margin, DEFAULT_STEP)
    np.testing.assert_array_equal(setting.spike_times, expected)
    assert setting.count == expected.size > 100
    assert setting.window == WINDOW


def test_the_noise_is_drawn_once(axon):
    before = axon.noise
    axon.with_factors(["stress_anxiety"])
    assert axon.noise is before
    np.testing.assert_array_equal(axon.noise_mv, before * 1000)
    assert axon.noise.size == round(WINDOW / DEFAULT_STEP) + 1  # both ends of the window


def test_more_factors_never_fire_less(axon):
    keys = list(MARGIN_FACTORS)
    counts = [axon.with_factors(keys[:n]).count for n in range(len(keys) - 1)]
    assert counts == sorted(counts)
    assert counts[-1] > counts[0]


def test_rate_curve_spans_the_lesson_range_and_falls():
    curve = rate_curve()
    assert curve.gaps_mv.size == curve.rates.size == CURVE_POINTS
    assert (curve.gaps_mv[0], curve.gaps_mv[-1]) == CURVE_GAPS_MV
    np.testing.assert_allclose(curve.rates, discharge_rate(curve.gaps_mv / 1000))
    assert np.all(np.diff(curve.rates) < 0)


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: RestingAxon(0.0), "window"),
        (lambda: RestingAxon(10_000.0), "window"),
        (lambda: rate_curve(low_mv=-1.0), "low_mv"),
        (lambda: rate_curve(low_mv=5.0, high_mv=5.0), "high_mv"),
        (lambda: rate_curve(points=1), "points"),
    ],
)
def test_bad_inputs_are_refused_by_name(call, name):
    with pytest.raises(ValueError, match=name):
        call()


def test_unknown_factors_are_refused(axon):
    with pytest.raises(ValueError, match="factors"):
        axon.with_factors(["coffee"])
