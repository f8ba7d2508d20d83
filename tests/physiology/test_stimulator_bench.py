"""Lesson 02's stimulator bench on the twitch of Fuglevand, Winter & Patla (1993, J
Neurophysiol 70:2470-2488) with the 2 ms latent period of Saladin (2004, ch. 11)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from lessons.physiology import (
    DEFAULT_LATENT_PERIOD,
    evoked_force,
    force_frequency_curve,
    paired_pulses,
    pulse_train,
)
from lessons.physiology import stimulator_bench as bench

SLOW = bench.UNIT_CONTRACTION_TIMES["slow"]
FAST = bench.UNIT_CONTRACTION_TIMES["fast"]


def test_the_units_are_the_slowest_and_fastest_of_the_default_pool():
    # Fuglevand et al. 1993: contraction times from 90 ms down a 3-fold range.
    assert pytest.approx(0.090) == SLOW
    assert pytest.approx(0.030) == FAST


@pytest.mark.parametrize("unit", ["slow", "fast"])
def test_twitch_anatomy_has_its_phases_where_the_model_puts_them(unit):
    twitch = bench.twitch_anatomy(unit)
    contraction = bench.UNIT_CONTRACTION_TIMES[unit]
    assert twitch.peak_time == pytest.approx(DEFAULT_LATENT_PERIOD + contraction)
    measured_peak = twitch.response.time[np.argmax(twitch.response.force)]
    assert measured_peak == pytest.approx(twitch.peak_time, abs=bench.TWITCH_STEP)
    assert twitch.peak_force == pytest.approx(1.0, rel=1e-3)
    assert twitch.half_relaxation == pytest.approx(
        DEFAULT_LATENT_PERIOD + 2.678347 * contraction, abs=1e-5
    )


def test_each_protocol_records_the_models_force():
    single = bench.run_protocol("single", "slow", 0.15, 10.0)
    np.testing.assert_array_equal(single.stimuli, [0.0])
    np.testing.assert_allclose(single.response.force, single.single.force)
    assert single.pair is None and single.train is None
    pair = bench.run_protocol("pair", "slow", 0.12, 10.0)
    expected = evoked_force(paired_pulses(0.12), 0.8, 0.0005, contraction_time=SLOW)
    np.testing.assert_allclose(pair.response.force, expected.force)
    assert pair.pair is not None and pair.pair.summed
    train = bench.run_protocol("train", "fast", 0.15, 20.0)
    expected = evoked_force(pulse_train(20.0, 0.6), 1.0, 0.0005, contraction_time=FAST)
    np.testing.assert_allclose(train.response.force, expected.force)
    assert train.steady_force == pytest.approx(
        force_frequency_curve(20.0, contraction_time=FAST).relative_force[0]
    )
    assert train.fusion_frequency == bench.fusion_frequency(FAST)


def test_fusion_scales_with_the_contraction_time():
    # Fusion depends on T x f in the model: a unit three times faster needs about three
    # times the frequency (whole hertz steps blur the ratio).
    slow, fast = bench.fusion_frequency(SLOW), bench.fusion_frequency(FAST)
    assert 2.5 < fast / slow < 3.3
    assert math.isinf(bench.fusion_frequency(0.003))  # a 3 ms twitch never fuses by 100 Hz


def test_force_frequency_table_is_the_models_curve_every_half_hertz():
    table = bench.force_frequency_table()
    assert table.frequency[0] == 2.0 and table.frequency[-1] == 100.0
    assert np.allclose(np.diff(table.frequency), 0.5)
    expected = force_frequency_curve(table.frequency, contraction_time=SLOW).relative_force
    np.testing.assert_allclose(table.relative_force["slow"], expected)
    assert np.all(table.relative_force["slow"] >= table.relative_force["fast"] - 1e-12)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"protocol": "burst"}, "protocol"),
        ({"unit": "medium"}, "unit"),
        ({"unit": "slow", "interval": 0.05}, "interval"),
        ({"frequency": 500.0}, "frequency"),
        ({"frequency": float("nan")}, "frequency"),
    ],
)
def test_settings_the_bench_does_not_offer_are_refused_by_name(kwargs, name):
    settings = {"protocol": "single", "unit": "slow", "interval": 0.15, "frequency": 10.0}
    with pytest.raises(ValueError, match=name):
        bench.check_stimulator_settings(**{**settings, **kwargs})
    with pytest.raises(ValueError, match=name):
        if name != "interval":  # any positive pair interval can be run
            bench.run_protocol(
                **{**settings, **kwargs, "protocol": kwargs.get("protocol", "train")}
            )
        else:
            bench.run_protocol("pair", "slow", -0.01, 10.0)
