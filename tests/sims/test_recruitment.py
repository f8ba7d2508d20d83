"""Lesson 03's apps: moving a control changes the figures the way the Fuglevand et al. (1993)
pool says (J Neurophysiol 70:2470-2488): recruitment in order of threshold, rate coding, and
the last unit recruited at 30/47 = 63.8 % of maximal excitation in the default pool."""

from __future__ import annotations

import numpy as np
import pytest
from support.png import read_data_uri

from lessons.figures.decimate import min_max_decimate
from lessons.figures.picture import hex_to_rgb
from lessons.figures.theme import COLOURS
from lessons.physiology import MotorUnitPool
from lessons.physiology.drive_ramp import RAMP_RASTER_BIN
from lessons.physiology.force_sources import force_sources
from lessons.physiology.raster import RASTER_BIN_MS, raster_image, raster_points
from lessons.sims.recruitment import force_sources_explorer as sources_explorer
from lessons.sims.recruitment import ramp_explorer, recruitment_explorer
from lessons.sims.recruitment.ramp import FORCE, FORCE_COLUMNS
from lessons.sims.recruitment.raster_traces import COLOUR_BAR, RASTER, raster_picture_source
from lessons.sims.recruitment.sources import ALONE, LAST_RECRUITED, MARKER, TOTAL
from lessons.sims.recruitment.steady import FIRING, SILENT
from lessons.sims.recruitment.steady import FORCE as TOTAL_FORCE

POOL = MotorUnitPool()


def _raster_pixels(figure) -> np.ndarray:
    """The raster picture's pixels, bottom row first (row 0 = unit 1), as the page draws it."""
    raster = figure.trace(RASTER)
    assert raster.type == "image", "the raster is drawn as one picture"
    assert (raster.y0, raster.dy) == (1, 1)
    return read_data_uri(raster.source)


def _raster_units(figure) -> np.ndarray:
    """The unit number of every tick drawn in a raster picture (one entry per tick)."""
    rows, _columns = np.nonzero(_raster_pixels(figure)[..., 3])
    return rows + 1


def _tick_colours(figure, unit: int) -> set[tuple[int, ...]]:
    pixels = _raster_pixels(figure)[unit - 1]
    return {tuple(int(v) for v in pixel[:3]) for pixel in pixels if pixel[3] > 0}


# --- recruitment_explorer ------------------------------------------------------------------


def test_more_drive_recruits_more_units_and_more_force():
    app = recruitment_explorer(drive=0.1)
    low_units = set(_raster_units(app.figure))
    low_force = np.mean(app.figure.trace(TOTAL_FORCE).y)
    app.controls["drive"].value = 50
    high_units = set(_raster_units(app.figure))
    high_force = np.mean(app.figure.trace(TOTAL_FORCE).y)
    assert low_units < high_units
    assert high_force > 2 * low_force


@pytest.mark.parametrize("percent", [10, 30, 63, 64, 100])
def test_raster_shows_exactly_the_units_above_threshold_in_order(percent):
    # Size principle in the model: units fire in order of threshold, so the firing units are
    # always units 1 to n, with n the number whose threshold the excitation has reached.
    app = recruitment_explorer()
    app.controls["drive"].value = percent
    expected = int(np.sum(POOL.rates(percent / 100) > 0))
    assert set(_raster_units(app.figure)) == set(range(1, expected + 1))
    assert f"<b>{expected} of 120</b>" in app.readout.value


def test_last_unit_joins_between_63_and_64_percent():
    # E_max = 30 + (25 - 8) = 47; the last threshold, 30, is 63.8 % of it.
    app = recruitment_explorer()
    app.controls["drive"].value = 63
    assert 120 not in _raster_units(app.figure)
    app.controls["drive"].value = 64
    assert 120 in _raster_units(app.figure)


def test_ticks_per_second_are_the_firing_rate():
    app = recruitment_explorer()
    app.controls["drive"].value = 50
    rates = POOL.rates(0.5)
    units = _raster_units(app.figure)
    for unit in (1, 40, 100):
        ticks = int(np.sum(units == unit))
        # One second shown: the count is the rate, within the variability of the intervals.
        assert abs(ticks - rates[unit - 1]) <= 3


def test_rate_panel_shows_the_model_rates_and_silent_units():
    app = recruitment_explorer()
    app.controls["drive"].value = 30
    rate_figure = app.figures[1]
    rates = POOL.rates(0.3)
    firing = np.asarray(rate_figure.trace(FIRING).x, dtype=int)
    np.testing.assert_allclose(rate_figure.trace(FIRING).y, rates[firing - 1], rtol=1e-5)
    assert len(rate_figure.trace(SILENT).x) == int(np.sum(rates == 0))
    app.controls["drive"].value = 100
    # At full drive every unit fires at its peak rate: 35 Hz for the first, 25 Hz for the last.
    assert len(rate_figure.trace(SILENT).x) == 0
    assert rate_figure.trace(FIRING).y[0] == pytest.approx(35.0)
    assert rate_figure.trace(FIRING).y[-1] == pytest.approx(25.0)


def test_ticks_are_coloured_by_contraction_time():
    # Fuglevand 1993: contraction times from 90 ms (unit 1, the slow colour) to 30 ms (unit
    # 120, the fast colour), on the scale of the raster's colour bar.
    app = recruitment_explorer(drive=1.0)
    slow = tuple(int(v) for v in hex_to_rgb(COLOURS["slow_unit"]))
    fast = tuple(int(v) for v in hex_to_rgb(COLOURS["fast_unit"]))
    assert _tick_colours(app.figure, 1) == {slow}
    assert _tick_colours(app.figure, 120) == {fast}
    (middle,) = _tick_colours(app.figure, 60)
    assert middle not in (slow, fast)
    colour_bar = app.figure.trace(COLOUR_BAR).marker
    assert (colour_bar.cmin, colour_bar.cmax) == pytest.approx((30.0, 90.0))
    assert colour_bar.showscale


def test_full_drive_is_one_hundred_percent_and_no_drive_is_silence():
    app = recruitment_explorer(drive=1.0)
    assert np.mean(app.figure.trace(TOTAL_FORCE).y) == pytest.approx(100.0, abs=0.5)
    app.controls["drive"].value = 0
    assert len(_raster_units(app.figure)) == 0
    assert np.all(np.asarray(app.figure.trace(TOTAL_FORCE).y) == 0)
    assert "no force" in app.readout.value


def test_a_full_update_stays_small():
    # The raster travels as one PNG picture of a few kilobytes, not one marker per discharge.
    app = recruitment_explorer(drive=1.0)
    assert len(app.figure.trace(RASTER).source) < 30_000
    assert _raster_pixels(app.figure).shape == (120, 500, 4)


def test_the_raster_picture_keeps_every_discharge_at_its_time():
    activity = POOL.simulate(1.0, 1.5, 0.001, seed=3)
    points = raster_points(POOL, activity.spike_times, 0.5, 1.501)
    cells = raster_image(points, POOL.n_units, 1000.0)
    assert np.count_nonzero(cells) == len(points.time)
    rows, columns = np.nonzero(cells)
    order = np.lexsort((points.time, points.unit))
    np.testing.assert_array_equal(rows + 1, points.unit[order])
    expected = np.minimum((points.time[order] / RASTER_BIN_MS).astype(int), 499)
    np.testing.assert_array_equal(columns, expected)
    pixels = read_data_uri(raster_picture_source(POOL, cells))
    np.testing.assert_array_equal(pixels[..., 3] > 0, cells > 0)


def test_wide_ticks_cover_their_neighbours_rows_only():
    spikes = [np.array([0.5])] * POOL.n_units
    points = raster_points(POOL, spikes, 0.0, 1.0, units=[0, 119], time_scale=1.0)
    cells = raster_image(points, POOL.n_units, 1.0, 0.02, tick_rows=3)
    assert set(np.nonzero(cells[:, 25])[0]) == {0, 1, 118, 119}


def test_bad_initial_drive_is_refused():
    with pytest.raises(ValueError, match="drive"):
        recruitment_explorer(drive=1.5)


# --- ramp_explorer -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ramp_app():
    return ramp_explorer()


def test_cursor_moves_and_counts_recruited_units(ramp_app):
    cursor = ramp_app.controls["time"]
    cursor.value = 6.3  # drive 63 %: one unit still silent
    cursor_line = ramp_app.figure.layout.shapes[0]
    assert (cursor_line.x0, cursor_line.x1) == (6.3, 6.3)
    assert (cursor_line.yref, cursor_line.y0, cursor_line.y1) == ("paper", 0, 1)
    assert "<b>119 of 120</b>" in ramp_app.readout.value
    cursor.value = 6.4  # drive 64 %: all recruited
    assert "<b>120 of 120</b>" in ramp_app.readout.value
    assert "since 6.38 s" in ramp_app.readout.value


def test_readout_reaches_full_force_at_the_end_of_the_ramp(ramp_app):
    ramp_app.controls["time"].value = 10.0
    force = float(ramp_app.readout.value.split("force <b>")[1].split(" %")[0])
    assert force == pytest.approx(100, abs=5)
    ramp_app.controls["time"].value = 3.0
    assert "<b>93 of 120</b>" in ramp_app.readout.value  # drive 30 %
    assert "since" not in ramp_app.readout.value


def test_force_keeps_rising_after_the_last_unit(ramp_app):
    trace = ramp_app.figure.trace(FORCE)
    time, force = np.asarray(trace.x), np.asarray(trace.y)
    at_full_recruitment = force[(time > 6.2) & (time < 6.5)].mean()
    near_the_end = force[(time > 9.6) & (time < 9.9)].mean()
    assert near_the_end > at_full_recruitment + 25
    assert near_the_end == pytest.approx(100, abs=8)


def test_units_start_firing_just_after_their_thresholds(ramp_app):
    drawn = _raster_pixels(ramp_app.figure)[..., 3] > 0
    shown = [*range(1, 117, 5), 120]  # every 5th unit from unit 1, and the last
    assert all(drawn[unit - 1].any() for unit in shown)
    for unit in shown:
        crossing = POOL.thresholds[unit - 1] / POOL.max_excitation * 10.0
        first = np.argmax(drawn[unit - 1]) * RAMP_RASTER_BIN
        # The first discharge comes within one 8 Hz interval of the threshold crossing (the
        # picture places it to within one 20 ms column).
        assert crossing - RAMP_RASTER_BIN - 0.002 <= first <= crossing + 1 / 8 + 0.002


def test_ramp_traces_are_decimated(ramp_app):
    force = ramp_app.figure.trace(FORCE)
    assert len(force.x) <= 2 * FORCE_COLUMNS
    assert len(ramp_app.figure.trace(RASTER).source) < 60_000


def test_bad_ramp_duration_is_refused():
    with pytest.raises(ValueError, match="duration"):
        ramp_explorer(duration=0.5)


# --- force_sources_explorer ----------------------------------------------------------------


def test_drive_slider_moves_the_marker_along_the_total_force():
    app = sources_explorer()
    app.controls["drive"].value = 80
    sources = force_sources(POOL, 0.8)
    expected = float(sources.percent_of_maximum(sources.total_force))
    assert list(app.figure.trace(MARKER).x) == [80]
    assert app.figure.trace(MARKER).y[0] == pytest.approx(expected, abs=0.01)
    assert "<b>120 of 120</b>" in app.readout.value


def test_rate_coding_area_sits_above_recruitment_alone():
    app = sources_explorer()
    alone = np.asarray(app.figure.trace(ALONE).y)
    total = np.asarray(app.figure.trace(TOTAL).y)
    assert np.all(total >= alone - 1e-4)
    assert total[-1] == pytest.approx(100.0, abs=0.01)
    assert alone[-1] < 25


def test_recruitment_range_moves_the_last_recruitment():
    app = sources_explorer()
    # Default pool: 30 / (30 + 17) = 63.8 % (Fuglevand 1993).
    assert app.figure.trace(LAST_RECRUITED).x[0] == pytest.approx(63.83, abs=0.01)
    app.controls["recruitment_range"].value = 90
    assert app.figure.trace(LAST_RECRUITED).x[0] == pytest.approx(100 * 90 / 107, abs=0.01)
    app.controls["recruitment_range"].value = 10
    assert app.figure.trace(LAST_RECRUITED).x[0] == pytest.approx(100 * 10 / 27, abs=0.01)
    assert "last unit at 37 % drive" in app.readout.value


def test_bad_recruitment_range_is_refused():
    with pytest.raises(ValueError, match="recruitment_range"):
        sources_explorer(recruitment_range=1000)


# --- shared --------------------------------------------------------------------------------


def test_min_max_decimation_keeps_the_extremes():
    x = np.linspace(0, 1, 10_001)
    y = np.sin(40 * x) + (x == x[5003]) * 3.0
    short_x, short_y = min_max_decimate(x, y, 100)
    assert len(short_x) <= 200
    assert short_y.max() == y.max()
    assert short_y.min() == y.min()
    assert np.all(np.diff(short_x) > 0)


@pytest.mark.parametrize("make", [recruitment_explorer, ramp_explorer, sources_explorer])
def test_text_form_is_fixed_whatever_the_state(make):
    app = make()
    before = app._repr_mimebundle_()["text/plain"]
    control = next(iter(app.controls.values()))
    control.value = control.max
    assert app._repr_mimebundle_()["text/plain"] == before
    assert app.title in before
