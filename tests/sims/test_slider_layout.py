"""Every slider of every simulation: its label above a track of its own, never squeezed by it.

ipywidgets lays label, track and value out in one row; with a long label in a row of fixed
width, the track was left a few pixels. The browser suite measures the tracks
(tests/browser/test_every_lesson.py); these tests check the layout that gives them room.
"""

from __future__ import annotations

import ipywidgets as widgets
import pytest
from support.payload import recording_comms

from lessons.sims.app import TRACK_MIN_WIDTH, TRACK_ROW_HEIGHT, _setting_html, labelled_slider
from lessons.sims.catalogue import simulation_apps

APPS = simulation_apps()
SLIDERS = (widgets.FloatSlider, widgets.IntSlider, widgets.FloatLogSlider)


def sliders_of(controls) -> list[widgets.Widget]:
    found = []
    for control in controls:
        if isinstance(control, widgets.Box):
            found += sliders_of(control.children)
        elif isinstance(control, SLIDERS):
            found.append(control)
    return found


@pytest.mark.parametrize("name", APPS)
def test_every_slider_has_its_label_above_a_track_of_its_own(name):
    with recording_comms():
        app = APPS[name]()
        for slider in sliders_of(app.controls.values()):
            layout = slider.layout
            assert slider.style.description_width == "max-content", slider.description
            assert layout.display == "grid", slider.description
            # Column 1: the label, then the track under it; column 2: the value.
            assert layout.grid_auto_flow == "column"
            assert layout.grid_template_rows == f"auto {TRACK_ROW_HEIGHT}"
            assert layout.grid_template_columns.startswith(f"minmax({TRACK_MIN_WIDTH}, ")
            assert layout.width == "auto", f"{name}: {slider.description!r} has a fixed width"


def test_the_layout_keeps_the_description_for_the_static_page_and_screen_readers():
    with recording_comms():
        slider = labelled_slider("Drive (% of maximal excitation)", 50.0, 0.0, 100.0, 1.0)
    assert slider.description == "Drive (% of maximal excitation)"
    assert _setting_html(slider) == "Drive (% of maximal excitation): 50"


def test_the_minimum_track_is_over_200_px():
    assert TRACK_MIN_WIDTH.endswith("px") and float(TRACK_MIN_WIDTH[:-2]) >= 200 + 2 * 8
