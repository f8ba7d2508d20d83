"""Every slider of every simulation: the course slider, named by its label, with value text.

ipywidgets' slider (a noUiSlider) left its ``role="slider"`` handle without an accessible name
(ipywidgets#2650) and, with a long label in a row of fixed width, its track a few pixels
wide. The course slider (``lessons.controls``) is a native range input tied to a visible
``<label>``, with its value and unit as ``aria-valuetext``, its label on a line of its own and
a track at least ``TRACK_MIN_WIDTH`` wide. The browser suite measures the tracks and audits the
names (tests/browser/test_every_lesson.py); these tests check what the kernel side decides.
"""

from __future__ import annotations

import ipywidgets as widgets
import pytest
from support.payload import recording_comms

from lessons.controls import CourseSlider, IntCourseSlider, unit_of
from lessons.controls.slider import _CSS, TRACK_MIN_WIDTH
from lessons.sims.app import _setting_html, labelled_slider
from lessons.sims.catalogue import simulation_apps

APPS = simulation_apps()
IPYWIDGETS_SLIDERS = (
    widgets.FloatSlider,
    widgets.IntSlider,
    widgets.FloatLogSlider,
    widgets.FloatRangeSlider,
    widgets.IntRangeSlider,
    widgets.SelectionSlider,
    widgets.SelectionRangeSlider,
)


def controls_of(controls) -> list[widgets.Widget]:
    found = []
    for control in controls:
        if isinstance(control, widgets.Box):
            found += controls_of(control.children)
        else:
            found.append(control)
    return found


@pytest.mark.parametrize("name", APPS)
def test_every_slider_is_a_course_slider_with_a_name_and_value_text(name):
    with recording_comms():
        app = APPS[name]()
        controls = controls_of(app.controls.values())
    old = [c.description for c in controls if isinstance(c, IPYWIDGETS_SLIDERS)]
    assert not old, f"{name}: ipywidgets sliders (no accessible name): {old}"
    for slider in (c for c in controls if isinstance(c, CourseSlider)):
        assert slider.description.strip(), f"{name}: a slider without a label"
        assert slider.min <= slider.value <= slider.max, slider.description
        assert slider.step > 0, slider.description


def test_the_unit_for_the_value_text_comes_from_the_label():
    assert unit_of("Contraction time (ms)") == "ms"
    assert unit_of("Drive (% of maximal excitation)") == "% of maximal excitation"
    assert unit_of("Longest cramp (minutes; 0 = no cramp)") == "minutes"
    assert unit_of("Motor unit (1 = smallest)") == ""
    assert unit_of("Peak force") == ""
    with recording_comms():
        assert labelled_slider("Twitch has lasted (days)", 3, 0, 10, 1).unit == "days"
        assert labelled_slider("Ratio (a / b)", 3, 0, 10, 1, unit="times b").unit == "times b"


def test_the_slider_keeps_the_description_for_the_static_page():
    with recording_comms():
        slider = labelled_slider("Drive (% of maximal excitation)", 50.0, 0.0, 100.0, 1.0)
        whole = IntCourseSlider(value=3, min=1, max=9, description="Sources (units)")
    assert slider.description == "Drive (% of maximal excitation)"
    assert _setting_html(slider) == "Drive (% of maximal excitation): 50"
    assert _setting_html(whole) == "Sources (units): 3"


def test_values_out_of_range_go_to_the_nearest_end_as_with_ipywidgets():
    with recording_comms():
        slider = CourseSlider(value=150.0, min=0.0, max=200.0, step=5.0, description="x")
        assert slider.value == 150.0  # the range is set before the value is checked
        slider.value = 250.0
        assert slider.value == 200.0
        whole = IntCourseSlider(value=3, min=1, max=9, description="n")
        whole.value = -4
        assert whole.value == 1 and isinstance(whole.value, int)


def test_the_value_is_observed_as_with_ipywidgets():
    seen = []
    with recording_comms():
        slider = labelled_slider("Drive (%)", 10.0, 0.0, 100.0, 1.0)
        slider.observe(lambda change: seen.append(change["new"]), names="value")
        slider.value = 20.0
    assert seen == [20.0]


def test_the_track_is_at_least_200_px_and_reflows_on_a_narrow_screen():
    assert TRACK_MIN_WIDTH.endswith("px") and float(TRACK_MIN_WIDTH[:-2]) >= 200 + 2 * 8
    # On a screen narrower than the minimum (320 CSS px: 400 % zoom) the slider takes the
    # width there is and its label wraps, so the page does not scroll sideways.
    assert f"min-width: min({TRACK_MIN_WIDTH}, 100%)" in _CSS
    assert "max-width: 100%" in _CSS and "overflow-wrap: anywhere" in _CSS
