"""Lesson 02's apps: moving a control changes the figures the way the cited models say.

Models: twitch, latent period and force-frequency gain of Fuglevand, Winter & Patla (1993,
J Neurophysiol 70:2470-2488) with the 2 ms latent period of Saladin (2004, ch. 11); fatigue of
Potvin & Fuglevand (2017, PLoS Comput Biol 13:e1005581); length-tension of Gordon, Huxley &
Julian (1966, J Physiol 184:170-192); force-velocity of Hill (1938, Proc R Soc B 126:136-195).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.optimize import brentq
from support.payload import control_moves

from lessons.physiology import (
    DEFAULT_LATENT_PERIOD,
    evoked_force,
    force_frequency_curve,
    force_velocity,
    length_tension,
    muscle_power,
    paired_pulses,
    pulse_train,
    sustained_stimulation,
    twitch_force,
)
from lessons.physiology.fatigue_protocol import FATIGUE_DURATION
from lessons.physiology.mechanics import LENGTH_TENSION_POINTS
from lessons.physiology.sarcomere import sarcomere_overlap
from lessons.physiology.stimulator_bench import (
    TRAIN_DURATION,
    UNIT_CONTRACTION_TIMES,
    fusion_frequency,
)
from lessons.physiology.train_summary import summarise_train
from lessons.sims.stimulator import (
    fatigue_experiment,
    length_and_speed,
    stimulator,
    twitch_anatomy,
)
from lessons.sims.stimulator.mechanics_figures import OVERLAP

SLOW = UNIT_CONTRACTION_TIMES["slow"]
FAST = UNIT_CONTRACTION_TIMES["fast"]
LATENT_MS = DEFAULT_LATENT_PERIOD * 1000


def _force(app):
    """The stimulator's force trace, named after the unit it shows ("Slow unit: force")."""
    return app.figure.trace(f"{app.controls['unit'].value.capitalize()} unit: force")


def _train(app):
    """The fatigue experiment's train, named after its frequency ("30 Hz")."""
    return app.figure.trace(f"{app.controls['frequency'].value:.0f} Hz")


def _peak(trace) -> tuple[float, float]:
    """(time, force) of a trace's highest point."""
    y = np.asarray(trace.y)
    index = int(np.argmax(y))
    return float(np.asarray(trace.x)[index]), float(y[index])


# --- Twitch anatomy ------------------------------------------------------------------------


def test_the_twitch_peaks_one_latent_period_plus_one_contraction_time_after_the_stimulus():
    # Fuglevand et al. 1993: the twitch peaks T after it starts; Saladin 2004: ~2 ms latency.
    app = twitch_anatomy()
    time, force = _peak(app.figure.trace("Twitch force"))
    assert time == pytest.approx(LATENT_MS + SLOW * 1000, abs=0.3)
    assert force == pytest.approx(1.0, rel=1e-3)
    app.controls["unit"].value = "fast"
    time, _ = _peak(app.figure.trace("Twitch force"))
    assert time == pytest.approx(LATENT_MS + FAST * 1000, abs=0.3)
    assert list(app.figure.trace("Peak").x) == pytest.approx([LATENT_MS + FAST * 1000])
    assert f"peaks at {LATENT_MS + FAST * 1000:.0f} ms" in app.readout.value


def test_no_force_during_the_latent_period_and_the_phases_are_shaded_where_they_are():
    app = twitch_anatomy(unit="fast")
    x = np.asarray(app.figure.trace("Twitch force").x)
    y = np.asarray(app.figure.trace("Twitch force").y)
    assert np.all(y[x <= LATENT_MS] == 0)
    assert np.all(y[(x > LATENT_MS) & (x < 5)] > 0)
    bands = [(shape.x0, shape.x1) for shape in app.figure.layout.shapes]
    peak = LATENT_MS + FAST * 1000
    assert bands[0] == (0, LATENT_MS)
    assert bands[1] == pytest.approx((LATENT_MS, peak))
    assert bands[2][0] == pytest.approx(peak)


def test_close_up_view_shows_the_first_ten_milliseconds():
    app = twitch_anatomy()
    assert tuple(app.figure.layout.xaxis.range) == (0, 500)
    app.controls["view"].value = "zoom"
    assert tuple(app.figure.layout.xaxis.range) == (0, 10)


def test_half_relaxation_readout_matches_the_twitch_equation():
    # P t/T exp(1 - t/T) falls to half its peak at the root above t = T.
    ratio = brentq(lambda x: twitch_force(x, 1.0, 1.0) - 0.5, 1.0, 10.0)
    app = twitch_anatomy()
    expected = LATENT_MS + ratio * SLOW * 1000
    assert f"half the peak at {expected:.0f} ms" in app.readout.value


# --- Stimulator ----------------------------------------------------------------------------


def test_single_pulse_trace_is_the_model_twitch():
    app = stimulator(protocol="single", unit="slow")
    expected = evoked_force([0.0], 0.5, 0.0005, contraction_time=SLOW)
    np.testing.assert_allclose(np.asarray(_force(app).y), expected.force)
    assert list(app.figure.trace("Stimuli").x) == [0.0]
    assert "peaks at 92 ms" in app.readout.value


def test_pair_sums_more_the_shorter_the_interval():
    app = stimulator(protocol="pair", unit="slow", interval=0.3)
    peaks = []
    for interval_ms in (300, 250, 200, 150, 120, 90):
        app.controls["interval"].value = interval_ms
        peaks.append(_peak(_force(app))[1])
    assert np.all(np.diff(peaks) > 0)
    expected = evoked_force(paired_pulses(0.09), 0.8, 0.0005, contraction_time=SLOW)
    np.testing.assert_allclose(np.asarray(_force(app).y), expected.force)
    assert "summation" in app.readout.value


def test_a_pair_far_apart_on_a_fast_unit_gives_two_separate_twitches():
    app = stimulator(protocol="pair", unit="fast", interval=0.3)
    assert "two separate twitches" in app.readout.value
    assert _peak(_force(app))[1] == pytest.approx(1.0, abs=0.01)
    app.controls["interval"].value = 60
    assert "summation" in app.readout.value


def test_pair_interval_cannot_go_below_the_units_contraction_time():
    app = stimulator(protocol="pair", unit="fast", interval=0.05)
    assert app.controls["interval"].min == pytest.approx(FAST * 1000)
    app.controls["unit"].value = "slow"
    assert app.controls["interval"].min == pytest.approx(SLOW * 1000)
    assert app.controls["interval"].value == pytest.approx(SLOW * 1000)


def test_the_slider_of_the_opening_protocol_comes_first():
    assert list(stimulator(protocol="pair").controls)[2] == "interval"
    assert list(stimulator(protocol="train").controls)[2] == "frequency"


def test_only_the_control_of_the_chosen_protocol_is_enabled():
    app = stimulator(protocol="single")
    assert app.controls["interval"].disabled and app.controls["frequency"].disabled
    app.controls["protocol"].value = "train"
    assert app.controls["interval"].disabled and not app.controls["frequency"].disabled


def test_faster_trains_ripple_less_until_the_twitches_fuse():
    app = stimulator(protocol="train", unit="slow", frequency=2)
    states, ripples = [], []
    for frequency in (2, 5, 10, 20, 40):
        app.controls["frequency"].value = frequency
        force = np.asarray(_force(app).y)
        response = evoked_force(
            pulse_train(frequency, TRAIN_DURATION), 1.0, 0.0005, contraction_time=SLOW
        )
        np.testing.assert_allclose(force, response.force)
        summary = summarise_train(response)
        states.append(summary.state)
        ripples.append(summary.ripple)
        assert summary.state in app.readout.value
    assert np.all(np.diff(ripples) < 0)
    assert states[0] == "separate twitches"
    assert states[2] == "unfused tetanus"
    assert states[-1] == "fused tetanus"


def test_at_30_hz_the_slow_unit_is_fused_and_the_fast_one_is_not():
    app = stimulator(protocol="train", unit="slow", frequency=30)
    assert "fused tetanus" in app.readout.value and "unfused" not in app.readout.value
    app.controls["unit"].value = "fast"
    assert "unfused tetanus" in app.readout.value


def test_a_three_times_faster_unit_needs_about_three_times_the_frequency_to_fuse():
    # In the Fuglevand et al. (1993) model fusion depends on T x f, so the 30 ms unit needs
    # close to three times the 90 ms unit's frequency (whole hertz steps blur the ratio).
    slow, fast = fusion_frequency(SLOW), fusion_frequency(FAST)
    assert 2.5 < fast / slow < 3.3
    app = stimulator(protocol="train")
    names = [trace.name for trace in app.figures[1].data]
    assert f"Slow fused from {slow:.0f} Hz" in names
    assert f"Fast fused from {fast:.0f} Hz" in names


def test_force_frequency_marker_sits_on_the_chosen_units_curve():
    app = stimulator(protocol="train", unit="slow", frequency=10)
    marker = app.figures[1].trace("Your train")
    expected = force_frequency_curve(10.0, contraction_time=SLOW).relative_force[0] * 100
    assert list(marker.x) == [10]
    assert marker.y[0] == pytest.approx(expected)
    app.controls["unit"].value = "fast"
    faster = force_frequency_curve(10.0, contraction_time=FAST).relative_force[0] * 100
    assert app.figures[1].trace("Your train").y[0] == pytest.approx(faster)
    assert faster < expected
    app.controls["protocol"].value = "single"
    assert len(app.figures[1].trace("Your train").x) == 0


def test_force_frequency_curves_are_the_models():
    app = stimulator()
    slow_curve, fast_curve = app.figures[1].trace("Slow unit"), app.figures[1].trace("Fast unit")
    expected = force_frequency_curve(np.asarray(slow_curve.x), contraction_time=SLOW)
    np.testing.assert_allclose(np.asarray(slow_curve.y), expected.relative_force * 100)
    # A slower twitch reaches any given fraction of fused tetanus at a lower frequency.
    assert np.all(np.asarray(slow_curve.y) >= np.asarray(fast_curve.y) - 1e-9)


@pytest.mark.parametrize(
    # Every refusal is tested on the model (tests/physiology/test_stimulator_bench.py); the
    # app must pass them on.
    ("kwargs", "name"),
    [({"unit": "slow", "interval": 0.05}, "interval"), ({"frequency": 500.0}, "frequency")],
)
def test_stimulator_refuses_bad_settings_naming_the_parameter(kwargs, name):
    with pytest.raises(ValueError, match=name):
        stimulator(**kwargs)


# --- Fatigue -------------------------------------------------------------------------------


def test_faster_trains_tire_the_muscle_faster():
    app = fatigue_experiment(frequency=10)
    slow_train_end = np.asarray(_train(app).y)[-1] / np.asarray(_train(app).y)[0]
    app.controls["frequency"].value = 30
    force = np.asarray(_train(app).y)
    np.testing.assert_allclose(force, sustained_stimulation(30.0, FATIGUE_DURATION).force)
    assert force[-1] / force[0] < slow_train_end
    assert "30 Hz" in app.readout.value


def test_fast_units_lose_their_force_capacity_first():
    # Potvin & Fuglevand 2017: fatigue rates rise 180-fold from the first to the last unit.
    app = fatigue_experiment(frequency=30, time=60)
    capacity = np.asarray(app.figures[1].trace("One motor unit").y)
    contraction_ms = np.asarray(app.figures[1].trace("One motor unit").x)
    course = sustained_stimulation(30.0, FATIGUE_DURATION)
    np.testing.assert_allclose(capacity, course.capacity[:, 600] * 100)
    assert capacity[np.argmin(contraction_ms)] < 10
    assert capacity[np.argmax(contraction_ms)] > 95


def test_the_time_slider_moves_the_marker_and_updates_the_units():
    app = fatigue_experiment(frequency=30, time=0)
    assert np.all(np.asarray(app.figures[1].trace("One motor unit").y) == 100)
    app.controls["time"].value = 120
    assert list(app.figure.trace("Time you look at").x) == pytest.approx([120, 120])
    assert np.min(np.asarray(app.figures[1].trace("One motor unit").y)) < 100
    assert "after 120 s" in app.figures[1].layout.title.text


def test_the_force_axis_stays_put_when_the_frequency_changes():
    app = fatigue_experiment(frequency=5)
    before = tuple(app.figure.layout.yaxis.range)
    app.controls["frequency"].value = 60
    assert tuple(app.figure.layout.yaxis.range) == before
    assert before[1] >= max(_train(app).y)


@pytest.mark.parametrize(
    ("kwargs", "name"), [({"frequency": 100.0}, "frequency"), ({"time": -1.0}, "time")]
)
def test_fatigue_experiment_refuses_bad_settings(kwargs, name):
    with pytest.raises(ValueError, match=name):
        fatigue_experiment(**kwargs)


# --- Length and speed ----------------------------------------------------------------------


def test_markers_sit_on_the_length_tension_and_force_velocity_curves():
    app = length_and_speed()
    curves = app.figures[1]
    app.controls["sarcomere_length"].value = 3.0
    app.controls["velocity"].value = 30
    assert curves.trace("Your length").y[0] == pytest.approx(float(length_tension(3.0e-6)) * 100)
    assert curves.trace("Your speed").y[0] == pytest.approx(float(force_velocity(0.3)) * 100)
    assert curves.trace("Your power").y[0] == pytest.approx(float(muscle_power(0.3)) * 100)
    assert "descending limb" in app.readout.value
    app.controls["velocity"].value = 100
    assert curves.trace("Your speed").y[0] == pytest.approx(0.0)


def test_readout_names_each_part_of_the_length_tension_curve():
    app = length_and_speed()
    for length, words in [
        (1.4, "steep ascending"),
        (1.9, "shallow ascending"),
        (2.1, "plateau"),
        (2.8, "descending"),
        (3.7, "no longer overlap"),
    ]:
        app.controls["sarcomere_length"].value = length
        assert words in app.readout.value


def test_drawn_overlap_follows_the_descending_limb_and_vanishes_past_3_65_micrometres():
    # Gordon et al. 1966: tension on the plateau and descending limb is proportional to the
    # overlap of thin filaments with the thick filaments' cross-bridges.
    plateau_start = LENGTH_TENSION_POINTS[2][0]
    for length in np.linspace(plateau_start, 3.8e-6, 40):
        overlap = sarcomere_overlap(float(length))
        assert overlap.fraction == pytest.approx(float(length_tension(length)), abs=1e-9)
    # Shorter than 2.05 micrometres the overlap stays full while tension falls (collisions).
    assert sarcomere_overlap(1.8e-6).fraction == pytest.approx(1.0)
    assert float(length_tension(1.8e-6)) < 1.0
    app = length_and_speed(sarcomere_length=3.7e-6)
    assert len(app.figure.trace(OVERLAP).x) == 0
    app.controls["sarcomere_length"].value = 2.1
    assert len(app.figure.trace(OVERLAP).x) > 0


def test_power_peaks_where_hills_equation_says():
    # F/F0 = k(1 - v)/(k + v), power v F: d/dv = 0 at v = sqrt(k^2 + k) - k (k = 0.25).
    app = length_and_speed()
    power = app.figures[1].trace("Power (right axis)")
    best = float(np.asarray(power.x)[np.argmax(power.y)]) / 100
    assert best == pytest.approx(math.sqrt(0.25**2 + 0.25) - 0.25, abs=0.01)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [({"sarcomere_length": 2.1}, "sarcomere_length"), ({"velocity": 1.5}, "velocity")],
)
def test_length_and_speed_refuses_bad_settings(kwargs, name):
    with pytest.raises(ValueError, match=name):
        length_and_speed(**kwargs)


# --- Every app -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "control", "value", "title"),
    [
        (twitch_anatomy, "unit", "fast", "Twitch anatomy"),
        (stimulator, "protocol", "train", "Stimulator"),
        (fatigue_experiment, "frequency", 50, "Fatigue experiment"),
        (length_and_speed, "velocity", 40, "Length and speed"),
    ],
)
def test_text_form_is_fixed_whatever_the_state(make, control, value, title):
    app = make()
    before = app._repr_mimebundle_()["text/plain"]
    app.controls[control].value = value
    assert app._repr_mimebundle_()["text/plain"] == before
    assert before.startswith(title)


@pytest.mark.parametrize("make", [twitch_anatomy, stimulator, fatigue_experiment, length_and_speed])
def test_every_trace_has_a_unique_name_whatever_the_state(make):
    # Views reach traces by name (CourseFigure.trace), never by position.
    app = make()
    for control in app.controls.values():
        for _label, action in control_moves(control):
            action()
            for figure in app.figures:
                names = [trace.name for trace in figure.data]
                assert all(names) and len(set(names)) == len(names), names
