"""Lesson 05's views: a fasciculation, a fibrillation and a cramp on the same calf.

The widgets are driven as a student would (toggle, button, checkbox, sliders) and the figures,
reached by trace name, must show what the models say (``tests/physiology/test_calf_*.py``
check the models' own numbers).
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import numpy as np
import pytest
from support.payload import MAX_UPDATE_BYTES, recording_comms

from lessons.content.seed_facts import missing_phrases, seed_facts
from lessons.physiology.calf import CRAMP_DURATION, ONSET, calf_model
from lessons.physiology.calf_cramp import cramp_event
from lessons.physiology.calf_events import fasciculation_event, fibrillation_event, simulate_event
from lessons.physiology.calf_sizes import compare_sizes
from lessons.sims.calf import explorer_figure as names
from lessons.sims.calf.screen import emg_envelope, force_trace, screen_event
from lessons.sims.calf.sizes_figure import FIBRES
from lessons.sims.twitch_or_cramp import size_and_duration, twitch_or_cramp_explorer

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "05_twitch_fibrillation_cramp.ipynb"


@pytest.fixture(scope="module")
def explorer():
    return twitch_or_cramp_explorer()


def _lit(app) -> int:
    return len(app.figure.trace(names.CONTRACTING).x)


def _force(app) -> np.ndarray:
    return np.asarray(app.figure.trace(names.FORCE).y)


def _emg_mv(app) -> np.ndarray:
    return np.asarray(app.figure.trace(names.EMG).y)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: twitch_or_cramp_explorer("tremor"), "event must be one of"),
        (lambda: size_and_duration(unit_rank=0), "unit_rank must be in"),
        (lambda: size_and_duration(cramp_share=2.0), "share must be in"),
    ],
)
def test_bad_input_is_refused_with_a_message(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_every_trace_has_a_unique_name():
    for app in (twitch_or_cramp_explorer(), size_and_duration()):
        trace_names = [trace.name for trace in app.figure.data]
        assert len(set(trace_names)) == len(trace_names)
        assert None not in trace_names


def test_the_envelope_keeps_every_spike_height_with_few_points():
    signal = fibrillation_event().emg
    time, voltage = emg_envelope(signal, 500)
    assert 900 < len(voltage) <= 1000  # at most two points per column
    assert voltage.max() == pytest.approx(signal.voltage.max())
    assert voltage.min() == pytest.approx(signal.voltage.min())
    assert np.all(np.diff(time) >= 0)


def test_the_screen_form_of_an_event_is_its_thinned_traces_and_a_wav():
    event = fasciculation_event()
    screen = screen_event(event)
    np.testing.assert_array_equal(screen.force, force_trace(event)[1])
    np.testing.assert_allclose(screen.emg_mv, 1000.0 * emg_envelope(event.emg)[1])
    assert screen.wav[:4] == b"RIFF" and screen.wav[8:12] == b"WAVE"


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
    assert (
        len(explorer.figure.trace(names.FIBRILLATING).x) == 1
    )  # the fibre is marked, though nothing moves
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
    lit_x = np.asarray(explorer.figure.trace(names.CONTRACTING).x) / 100.0
    lit_y = np.asarray(explorer.figure.trace(names.CONTRACTING).y) / 100.0
    lit_points = np.flatnonzero(np.isin(section.x, lit_x) & np.isin(section.y, lit_y))
    assert len(set(section.muscle[lit_points])) == 3  # multiple muscle groups at once
    force = _force(explorer)
    assert force.max() > 100 * twitch_force
    time = np.asarray(explorer.figure.trace(names.FORCE).x)
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
    first_audio = bytes(app.extras[0].children[1].value)
    section = calf_model().section
    app.controls["fire_again"].click()
    app.controls["fire_again"].click()
    expected = simulate_event("fasciculation", 2)
    assert expected.units != fasciculation_event().units
    np.testing.assert_allclose(
        app.figure.trace(names.CONTRACTING).x, 100.0 * section.x[expected.moving]
    )
    np.testing.assert_allclose(_force(app), force_trace(expected)[1])
    assert bytes(app.extras[0].children[1].value) != first_audio  # the new event's sound


def test_audio_follows_the_event(explorer):
    audio = explorer.extras[0].children[1]
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


def _point(app, event: str) -> tuple[float, float]:
    trace = app.figure.trace(event)
    return float(trace.x[0]), float(trace.y[0])


def _bar(app, event: str) -> float:
    trace = app.figure.trace(FIBRES)
    return float(trace.y[list(trace.x).index(event)])


def test_a_larger_fasciculating_unit_is_stronger_and_briefer():
    app = size_and_duration()
    app.controls["fasciculating_unit"].value = 1
    small_duration, small_force = _point(app, "Fasciculation")
    app.controls["fasciculating_unit"].value = 31
    large_duration, large_force = _point(app, "Fasciculation")
    # Fuglevand et al. 1993: 10-fold force range here, contraction time falls as force rises.
    assert large_force / small_force == pytest.approx(10, rel=0.05)
    assert large_duration < small_duration
    assert _bar(app, "Fasciculation") > 1  # fibres of one unit, in the bar chart


def test_a_larger_cramp_share_raises_the_cramp_point_and_bar():
    app = size_and_duration()
    app.controls["cramp_share"].value = 20
    _, low_force = _point(app, "Cramp")
    low_fibres = _bar(app, "Cramp")
    app.controls["cramp_share"].value = 100
    _, high_force = _point(app, "Cramp")
    assert high_force > 2 * low_force
    assert _bar(app, "Cramp") > 2 * low_fibres
    assert "times this fasciculation's" in app.readout.value


def test_the_points_and_bars_are_the_model_s_sizes():
    app = size_and_duration()
    app.controls["fasciculating_unit"].value = 7
    app.controls["cramp_share"].value = 40
    sizes = compare_sizes(7, 0.4)
    for label, kind in (("Fasciculation", "fasciculation"), ("Fibrillation", "fibrillation")):
        size = sizes.of(kind)
        assert _point(app, label) == pytest.approx((size.duration, size.peak_force))
        assert _bar(app, label) == pytest.approx(size.fibres)
    assert _point(app, "Cramp") == pytest.approx((sizes.cramp.duration, sizes.cramp.peak_force))
    assert f"{sizes.cramp_over_unit:,.0f} times" in app.readout.value


def test_default_comparison_matches_the_explorer_cramp():
    app = size_and_duration()
    duration, force = _point(app, "Cramp")
    assert force == pytest.approx(cramp_event().peak_force)
    assert duration == pytest.approx(cramp_event().duration)
    _, fibrillation_force = _point(app, "Fibrillation")
    # One isolated twitch of one fibre: the fibre's share of a unit's force.
    assert fibrillation_force == pytest.approx(calf_model().fibre_force, rel=0.01)
    # Order of sizes: fibre << unit << cramp, whatever the sliders say.
    assert fibrillation_force < _point(app, "Fasciculation")[1] < force


def test_comparison_table_and_text_form():
    app = size_and_duration()
    table = app.extras[0].value
    for word in ("Fasciculation", "Fibrillation", "Cramp", "Seen through the skin?", "Felt?"):
        assert word in table
    before = app._repr_mimebundle_()["text/plain"]
    app.controls["cramp_share"].value = 30
    assert app._repr_mimebundle_()["text/plain"] == before
    assert app.extras[0].value != table


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
