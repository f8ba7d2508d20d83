"""Measurements on a force record: half-relaxation time against the closed form of the twitch
of Fuglevand, Winter & Patla (1993, J Neurophysiol 70:2470-2488), pair and train summaries."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.optimize import brentq

from lessons.physiology import DEFAULT_LATENT_PERIOD, evoked_force, paired_pulses, twitch_force
from lessons.physiology.train_summary import (
    FUSED_RIPPLE,
    half_relaxation_time,
    summarise_pair,
    summarise_train,
)

#: P t/T exp(1 - t/T) falls to half its peak at t = 2.678 T (the root above t = T).
HALF_RATIO = brentq(lambda x: twitch_force(x, 1.0, 1.0) - 0.5, 1.0, 10.0)


def test_the_closed_form_ratio():
    assert pytest.approx(2.678347, abs=1e-6) == HALF_RATIO


@given(
    contraction=st.floats(0.02, 0.12),
    peak=st.floats(0.1, 10.0),
    step=st.sampled_from([0.00025, 0.0005, 0.001]),
)
def test_half_relaxation_of_a_twitch_is_the_closed_form(contraction, peak, step):
    # Lesson 00's explorer reads it on a 1 ms grid (within 0.012 ms), lesson 02's on 0.25 ms;
    # linear interpolation errs by about 12 step squared per second.
    time = np.arange(0.0, 0.5, step)
    measured = half_relaxation_time(time, twitch_force(time, peak, contraction))
    assert measured == pytest.approx(HALF_RATIO * contraction, abs=15 * step**2)


@pytest.mark.parametrize("contraction", [0.03, 0.09])
def test_half_relaxation_of_an_evoked_twitch_includes_the_latent_period(contraction):
    response = evoked_force([0.0], 0.5, 0.00025, contraction_time=contraction)
    measured = half_relaxation_time(response.time, response.force)
    assert measured == pytest.approx(DEFAULT_LATENT_PERIOD + HALF_RATIO * contraction, abs=1e-5)


@pytest.mark.parametrize(
    ("time", "force", "message"),
    [
        ([0.0, 0.1, 0.2], [0.0, 1.0], "same length"),
        ([0.0], [1.0], "at least 2"),
        ([0.0, 0.1, 0.2], [0.0, 0.0, 0.0], "above zero"),
        ([0.0, 0.1, 0.2], [0.0, 0.5, 1.0], "fall back"),
        ([0.0, 0.1, 0.2], [0.0, float("nan"), 1.0], "force"),
    ],
)
def test_half_relaxation_refuses_records_without_one(time, force, message):
    with pytest.raises(ValueError, match=message):
        half_relaxation_time(time, force)


def test_a_train_summary_needs_two_stimuli():
    with pytest.raises(ValueError, match="two stimuli"):
        summarise_train(evoked_force([0.0], 0.5))


def test_a_fast_train_fuses_and_a_slow_one_does_not():
    fused = summarise_train(evoked_force(np.arange(0, 0.6, 1 / 40), 1.0, contraction_time=0.09))
    separate = summarise_train(evoked_force(np.arange(0, 0.6, 1 / 2), 1.0, contraction_time=0.09))
    assert fused.state == "fused tetanus" and fused.ripple <= FUSED_RIPPLE
    assert separate.state == "separate twitches"
    assert 1.0 <= separate.peak < 1.1  # the tail of each twitch adds a little


def test_pair_residual_is_the_first_twitch_when_the_second_begins():
    # Two stimuli 90 ms apart on a 90 ms unit: the second twitch starts at 92 ms, when the
    # first (started at 2 ms) is exactly at its peak, so the residual is the whole peak.
    pair = summarise_pair(evoked_force(paired_pulses(0.09), 0.8, contraction_time=0.09), 0.09)
    assert pair.residual == pytest.approx(1.0, abs=1e-3)
    assert pair.summed and pair.peak > 1.5


def test_a_pair_needs_two_stimuli():
    with pytest.raises(ValueError, match="two stimuli"):
        summarise_pair(evoked_force([0.0], 0.5), 0.05)
