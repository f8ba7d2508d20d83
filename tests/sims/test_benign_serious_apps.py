"""Lesson 08's apps: they draw what the models and the sourced tables say."""

from __future__ import annotations

import math

import pytest
from support.payload import recording_comms

from lessons.content.benign_serious import natural_frequencies
from lessons.physiology.recording_window import catch_probability
from lessons.sims.benign_serious import natural_frequency_array, recording_window
from lessons.sims.benign_serious.icon_array import RINGS, group_size
from lessons.sims.benign_serious.tables import (
    emg_table,
    follow_up_table,
    lookalikes_table,
    serious_signs_table,
    stretch_table,
)
from lessons.sims.benign_serious.window import CHOSEN, DISCHARGES, SIMULATED
from lessons.sims.catalogue import simulation_apps


def test_the_catalogue_finds_the_lessons_apps():
    apps = simulation_apps()
    assert "benign_serious.natural_frequency_array" in apps
    assert "benign_serious.recording_window" in apps


def test_the_icon_array_rings_as_many_people_as_the_sources_give():
    counts = natural_frequencies(100_000)
    with recording_comms():
        app = natural_frequency_array()
        rings = app.figure.trace(RINGS)
        assert len(rings.x) == round(counts.living_with_als) == 5
        app.controls["group"].value = "new"
        assert len(rings.x) == round(counts.new_als_per_year) == 2
        app.controls["group"].value = "twitch_first"
        assert len(rings.x) == 0
        assert "about one every 7 years" in app.readout.value


def test_the_icon_array_compares_the_estimate_with_the_figure():
    with recording_comms():
        app = natural_frequency_array()
        app.controls["estimate"].value = 540.0
        assert "about 100 times the sourced figure" in app.readout.value
        assert "70,000 have noticed twitches" in app.readout.value


def test_an_unknown_group_is_refused():
    with pytest.raises(ValueError, match="group"):
        group_size(natural_frequencies(), "everyone")


def test_the_window_marker_sits_on_the_closed_form_and_the_simulation_near_it():
    with recording_comms():
        app = recording_window(rate_per_min=3.0, window_s=30.0)
        chosen = app.figure.trace(CHOSEN)
        simulated = app.figure.trace(SIMULATED)
        for rate, window in [(3.0, 30.0), (10.0, 5.0), (0.5, 120.0)]:
            app.controls["rate"].value = rate
            app.controls["window"].value = window
            expected = 1 - math.exp(-rate / 60 * window)
            assert chosen.y[0] == pytest.approx(100 * expected)
            assert chosen.y[0] == pytest.approx(100 * catch_probability(rate, window))
            error = math.sqrt(expected * (1 - expected) / 1000)
            assert abs(simulated.y[0] / 100 - expected) <= 4 * error + 1e-9


def test_watching_again_draws_a_new_window_of_the_same_length():
    with recording_comms():
        app = recording_window(rate_per_min=30.0, window_s=60.0)
        before = list(app.figure.trace(DISCHARGES).x)
        app.controls["again"].click()
        after = list(app.figure.trace(DISCHARGES).x)
    assert before != after
    assert all(0 <= time < 60.0 for time in after)


def test_the_readout_gives_the_window_needed_for_99_percent():
    with recording_comms():
        app = recording_window(rate_per_min=3.0, window_s=10.0)
    # -ln(0.01) / (3/60) = 92.1 s: about Mills's 90 s for a slow site.
    assert "about 92 s" in app.readout.value


@pytest.mark.parametrize(
    "table", [follow_up_table, serious_signs_table, emg_table, lookalikes_table, stretch_table]
)
def test_every_table_has_a_caption_and_links_its_sources(table):
    shown = table()
    page = shown._repr_html_()
    assert "<caption>" in page and "href='#ref-" in page
    assert shown.caption in repr(shown)


def test_the_reinnervation_dot_sits_on_the_models_force():
    from lessons.physiology.reinnervation import reinnervate
    from lessons.sims.benign_serious import reinnervation_explorer
    from lessons.sims.benign_serious.reinnervation_view import AFTER, NOW

    with recording_comms():
        app = reinnervation_explorer()
        app.controls["loss"].value = 60.0
    muscle = reinnervate(0.6, 8.0)
    assert app.figure.trace(NOW).y[0] == pytest.approx(100 * muscle.maximal_force)
    drawn = app.figure.trace(AFTER).y
    assert sum(value is not None and value == value for value in drawn) == muscle.surviving.sum()
    assert f"{muscle.units_lost} of 120 units lost" in app.readout.value


def test_the_denervation_day_before_onset_is_silent_and_later_fibres_fire():
    from lessons.sims.benign_serious import denervation_explorer

    with recording_comms():
        app = denervation_explorer(day=3.0)
        assert "nothing yet" in app.readout.value
        app.controls["day"].value = 60.0
        assert "fibres firing as fibrillations" in app.readout.value
        app.controls["regrows"].value = True
        app.controls["day"].value = 300.0
        assert "silence again" in app.readout.value


def test_each_lookalike_trace_shows_its_level_of_care_from_the_table():
    from lessons.sims.benign_serious import lookalike_traces

    with recording_comms():
        app = lookalike_traces()
        assert "Self-care when it comes alone" in app.readout.value
        app.controls["kind"].value = "clonus"
        assert "See a doctor soon" in app.readout.value
        app.controls["kind"].value = "neuromyotonia"
        assert app.extras and "150-300" in app.readout.value
