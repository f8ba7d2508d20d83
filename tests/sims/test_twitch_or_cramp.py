"""Lesson 05: a fasciculation, a fibrillation and a cramp on the same calf.

The widgets are driven as a student would (toggle, button, checkbox, sliders) and the figures
must change the way the models say. Sources of the numbers checked: twitch peaks at the
unit's peak force (Fuglevand, Winter & Patla 1993); fibrillation potentials are regular at the
chosen rate and 20-200 microvolts (Davalos & Kushlaf, StatPearls); cramp units fire at 6-25 Hz
(Minetto et al. 2009); a cramp involves several muscles of the calf at the same time (seed).
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import numpy as np
import pytest
from support.payload import MAX_UPDATE_BYTES, recording_comms

from lessons.content.seed_facts import missing_phrases, seed_facts
from lessons.sims.twitch_or_cramp import (
    CRAMP_DURATION,
    FORCE_STEP,
    ONSET,
    calf_model,
    cramp_event,
    cramp_size,
    cramp_units,
    emg_envelope,
    fasciculation_event,
    fibrillation_event,
    force_trace,
    simulate_event,
    size_and_duration,
    time_above_half_peak,
    twitch_or_cramp_explorer,
)

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "05_twitch_fibrillation_cramp.ipynb"


@pytest.fixture(scope="module")
def explorer():
    return twitch_or_cramp_explorer()


def _lit(app) -> int:
    return len(app.figure.data[1].x)


def _force(app) -> np.ndarray:
    return np.asarray(app.figure.data[3].y)


def _emg_mv(app) -> np.ndarray:
    return np.asarray(app.figure.data[4].y)


# ---------------------------------------------------------------- the pure event models


def test_a_fasciculation_is_one_unit_whose_fibres_all_move():
    event = fasciculation_event()
    section = calf_model().section
    (unit,) = event.units
    np.testing.assert_array_equal(event.moving, section.fibres_of_unit(unit))
    muscle, rank = calf_model().rank_of(unit)
    # One isolated twitch peaks at the unit's own peak force (Fuglevand et al. 1993, eq. 13).
    assert event.peak_force == pytest.approx(calf_model().pool_of(muscle).peak_forces[rank], 0.02)
    # A twitch is brief: well under half a second above half its peak.
    assert 0.05 < event.duration < 0.5


def test_a_fibrillation_moves_nothing_and_is_thousands_of_times_weaker():
    fibre = fibrillation_event()
    unit = fasciculation_event()
    assert fibre.moving.sum() == 0
    assert fibre.fibres == 1
    assert fibre.peak_force < unit.peak_force / 500
    # Regular firing at 5 Hz over the 8 s window.
    intervals = np.diff(fibre.activity.spike_times[0])
    np.testing.assert_allclose(intervals, 0.2)


def test_a_cramp_is_many_units_in_every_calf_muscle_sustained_and_smooth():
    event = cramp_event()
    unit = fasciculation_event()
    section = calf_model().section
    assert set(event.muscles) == set(section.muscle_names)
    assert len(event.units) > 50
    assert event.moving.sum() > 50 * unit.moving.sum()
    assert event.peak_force > 100 * unit.peak_force
    assert event.duration == pytest.approx(CRAMP_DURATION, abs=0.2)
    plateau = event.force[round((ONSET + 1) / FORCE_STEP) : round((ONSET + 4) / FORCE_STEP)]
    assert plateau.std() / plateau.mean() < 0.1  # summed, partly fused twitches: smooth
    rates = np.array([len(t) for t in event.activity.spike_times]) / CRAMP_DURATION
    assert rates.min() > 5.0 and rates.max() < 30.0  # 6-25 Hz per unit, Minetto et al. 2009
    assert np.all(event.force[: round(0.9 * ONSET / FORCE_STEP)] == 0)


def test_a_bigger_cramp_share_recruits_more_units_and_more_force():
    small, large = cramp_event(0.2), cramp_event(1.0)
    assert len(large.units) > len(small.units)
    assert set(small.units) < set(large.units)  # smallest units first, then the others
    assert large.peak_force > 2 * small.peak_force
    assert cramp_units(1.0) == {
        name: len(calf_model().section.units_in(name)) for name in calf_model().section.muscle_names
    }


def test_running_sums_give_the_same_cramp_as_the_full_model():
    for share in (0.1, 0.6, 1.0):
        event = cramp_event(share)
        peak, duration, fibres = cramp_size(share)
        assert peak == pytest.approx(event.peak_force)
        assert duration == pytest.approx(event.duration)
        assert fibres == pytest.approx(event.fibres, abs=1)


def test_fire_again_draws_are_reproducible_and_different():
    first, again = simulate_event("fasciculation", 4), simulate_event("fasciculation", 4)
    assert first.units == again.units
    assert any(simulate_event("fasciculation", d).units != first.units for d in (1, 2, 3))


def test_half_peak_duration_counts_the_longest_run():
    force = np.array([0, 1, 2, 1, 0, 0, 2, 2, 2, 0.0])
    assert time_above_half_peak(force, 0.5) == pytest.approx(1.5)
    assert time_above_half_peak(np.zeros(5), 0.5) == 0.0


def test_envelope_keeps_every_spike_height_with_few_points():
    signal = fibrillation_event().emg
    time, voltage = emg_envelope(signal, 500)
    assert 900 < len(voltage) <= 1000  # at most two points per column
    assert voltage.max() == pytest.approx(signal.voltage.max())
    assert voltage.min() == pytest.approx(signal.voltage.min())
    assert np.all(np.diff(time) >= 0)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: simulate_event("spasm"), "kind must be one of"),
        (lambda: simulate_event("cramp", -1), "seed must be"),
        (lambda: fasciculation_event(unit=500), r"unit must be in \[0, 119\]"),
        (lambda: fibrillation_event(point=-2), r"point must be in \[0, "),
        (lambda: cramp_event(share=0.0), r"share must be in \[0.05, 1\]"),
        (lambda: cramp_event(share=float("nan")), "share must be"),
        (lambda: twitch_or_cramp_explorer("tremor"), "event must be one of"),
        (lambda: size_and_duration(unit_rank=0), "unit_rank must be in"),
    ],
)
def test_bad_input_is_refused_with_a_message(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# ---------------------------------------------------------------- the explorer widget


def test_explorer_starts_on_a_fasciculation(explorer):
    explorer.controls["event"].value = "fasciculation"
    event = fasciculation_event()
    assert _lit(explorer) == event.moving.sum()
    np.testing.assert_allclose(_force(explorer), force_trace(event)[1])
    assert "Fasciculation" in explorer.readout.value


def test_switching_to_fibrillation_darkens_the_muscle_but_not_the_emg(explorer):
    explorer.controls["event"].value = "fasciculation"
    twitch_force = _force(explorer).max()
    explorer.controls["event"].value = "fibrillation"
    assert _lit(explorer) == 0
    assert len(explorer.figure.data[2].x) == 1  # the fibre is marked, though nothing moves
    assert _force(explorer).max() < twitch_force / 500
    emg = _emg_mv(explorer)
    np.testing.assert_allclose(emg, 1000.0 * emg_envelope(fibrillation_event().emg)[1])
    # A fibrillation potential is 20-200 microvolts peak to peak (Davalos & Kushlaf); the
    # model's is 100 microvolts, above 10 microvolts of baseline noise.
    assert 0.08 < np.ptp(emg) < 0.25


def test_switching_to_cramp_lights_all_three_muscles_with_a_strong_sustained_force(explorer):
    explorer.controls["event"].value = "fasciculation"
    twitch_force = _force(explorer).max()
    twitch_emg = np.abs(_emg_mv(explorer)).max()
    explorer.controls["event"].value = "cramp"
    section = calf_model().section
    lit_x = np.asarray(explorer.figure.data[1].x) / 100.0
    lit_y = np.asarray(explorer.figure.data[1].y) / 100.0
    lit_points = np.flatnonzero(np.isin(section.x, lit_x) & np.isin(section.y, lit_y))
    assert len(set(section.muscle[lit_points])) == 3  # multiple muscle groups at once
    force = _force(explorer)
    assert force.max() > 100 * twitch_force
    time = np.asarray(explorer.figure.data[3].x)
    assert force[(time > ONSET + 0.5) & (time < ONSET + CRAMP_DURATION - 0.5)].min() > 0.5 * (
        force.max()
    )
    assert np.abs(_emg_mv(explorer)).max() > 2 * twitch_emg


def test_same_scale_checkbox_fixes_or_frees_the_axes(explorer):
    explorer.controls["event"].value = "fibrillation"
    explorer.controls["same_scale"].value = True
    fixed = explorer.figure.layout.yaxis2.range[1]
    assert fixed > 100  # the cramp's scale: the fibrillation's force is invisible
    explorer.controls["same_scale"].value = False
    assert explorer.figure.layout.yaxis2.range[1] < 0.01  # zoomed in on one fibre's force
    assert explorer.figure.layout.yaxis3.range[1] < 0.3  # millivolts
    explorer.controls["same_scale"].value = True
    assert explorer.figure.layout.yaxis2.range[1] == pytest.approx(fixed)


def test_fire_again_moves_the_fasciculation_elsewhere():
    app = twitch_or_cramp_explorer()
    section = calf_model().section
    app.controls["fire_again"].click()
    app.controls["fire_again"].click()
    expected = simulate_event("fasciculation", 2)
    assert expected.units != fasciculation_event().units
    np.testing.assert_allclose(app.figure.data[1].x, 100.0 * section.x[expected.moving])
    np.testing.assert_allclose(_force(app), force_trace(expected)[1])


def test_audio_follows_the_event(explorer):
    audio = explorer.widget.children[3].children[1]
    explorer.controls["event"].value = "fasciculation"
    first = audio.value
    explorer.controls["event"].value = "cramp"
    assert audio.value[:4] == b"RIFF" and audio.value != first


def test_each_explorer_update_is_small():
    """Every event, every redraw, sends under the course budget (audio clip included)."""
    with recording_comms() as log:
        app = twitch_or_cramp_explorer()
        for kind in ("cramp", "fibrillation", "fasciculation"):
            sent = log.bytes_sent_by(lambda k=kind: setattr(app.controls["event"], "value", k))
            assert sent > 0
            assert sent <= MAX_UPDATE_BYTES
            assert log.bytes_sent_by(app.controls["fire_again"].click) <= MAX_UPDATE_BYTES


def test_explorer_text_form_is_fixed(explorer):
    before = explorer._repr_mimebundle_()["text/plain"]
    explorer.controls["event"].value = "cramp"
    assert explorer._repr_mimebundle_()["text/plain"] == before
    assert before.startswith("Twitch, fibrillation or cramp: interactive figure")


# ---------------------------------------------------------------- the size-and-duration widget


def _point(app, trace: int) -> tuple[float, float]:
    data = app.figure.data[trace]
    return float(data.x[0]), float(data.y[0])


def test_a_larger_fasciculating_unit_is_stronger_and_briefer():
    app = size_and_duration()
    app.controls["fasciculating_unit"].value = 1
    small_duration, small_force = _point(app, 1)
    app.controls["fasciculating_unit"].value = 31
    large_duration, large_force = _point(app, 1)
    # Fuglevand et al. 1993: 10-fold force range here, contraction time falls as force rises.
    assert large_force / small_force == pytest.approx(10, rel=0.05)
    assert large_duration < small_duration
    assert app.figure.data[4].y[0] > 1  # fibres of one unit, in the bar chart


def test_a_larger_cramp_share_raises_the_cramp_point_and_bar():
    app = size_and_duration()
    app.controls["cramp_share"].value = 20
    _, low_force = _point(app, 3)
    low_fibres = app.figure.data[4].y[2]
    app.controls["cramp_share"].value = 100
    _, high_force = _point(app, 3)
    assert high_force > 2 * low_force
    assert app.figure.data[4].y[2] > 2 * low_fibres
    assert "times this fasciculation's" in app.readout.value


def test_default_comparison_matches_the_explorer_cramp():
    app = size_and_duration()
    duration, force = _point(app, 3)
    assert force == pytest.approx(cramp_event().peak_force)
    assert duration == pytest.approx(cramp_event().duration)
    _, fibrillation_force = _point(app, 2)
    # One isolated twitch of one fibre: the fibre's share of a unit's force.
    assert fibrillation_force == pytest.approx(calf_model().fibre_force, rel=0.01)
    # Order of sizes: fibre << unit << cramp, whatever the sliders say.
    assert fibrillation_force < _point(app, 1)[1] < force


def test_comparison_table_and_text_form():
    app = size_and_duration()
    table = app.widget.children[3].value
    for word in ("Fasciculation", "Fibrillation", "Cramp", "Seen through the skin?", "Felt?"):
        assert word in table
    before = app._repr_mimebundle_()["text/plain"]
    app.controls["cramp_share"].value = 30
    assert app._repr_mimebundle_()["text/plain"] == before
    assert app.widget.children[3].value != table


# ---------------------------------------------------------------- the lesson text


@pytest.mark.skipif(not NOTEBOOK.is_file(), reason="lesson 05 notebook not built yet")
def test_lesson_05_states_its_seed_facts():
    """The seed facts assigned to lesson 05 in data/seed_facts.yaml: twitch_is_fasciculation,
    minimal_force, localized, single_motor_nerve_fiber, cramps_involve_multiple_muscle_groups,
    anyone_any_skeletal_muscle."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    markdown = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    facts = [fact for fact in seed_facts() if fact.lesson == "05"]
    assert {fact.id for fact in facts} >= {
        "twitch_is_fasciculation",
        "minimal_force",
        "localized",
        "single_motor_nerve_fiber",
        "cramps_involve_multiple_muscle_groups",
        "anyone_any_skeletal_muscle",
    }
    assert missing_phrases(markdown, facts) == {}


def test_the_drawn_force_keeps_each_event_s_peak_in_few_points():
    for kind in ("fasciculation", "fibrillation", "cramp"):
        event = simulate_event(kind)
        time, force = force_trace(event)
        assert len(time) <= 2 * 1000 < len(event.force)
        assert force.max() == pytest.approx(event.force.max(), rel=1e-6)
        # The peak is drawn at a moment when the model's force really is at its peak.
        at = np.argmin(np.abs(event.time - time[np.argmax(force)]))
        assert event.force[at] == pytest.approx(event.force.max(), rel=1e-6)
