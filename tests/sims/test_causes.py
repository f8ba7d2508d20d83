"""Lesson 06's apps: the excitability explorer follows the model, the causes explorer the table."""

from __future__ import annotations

from html import escape

import numpy as np
import pytest

from lessons.content.causes import CATEGORIES, causes, filter_causes
from lessons.physiology.excitability import (
    DEFAULT_STEP,
    HEALTHY_MARGIN,
    MARGIN_FACTORS,
    discharge_rate,
    membrane_noise,
    threshold_crossings,
)
from lessons.sims._causes_figure import CRAMP_BARS, TWITCH_BARS
from lessons.sims._excitability_figures import DISCHARGES, NOW_POINT, POTENTIAL, THRESHOLD
from lessons.sims.causes import (
    DISPLAY_COLUMNS,
    EVERYDAY_FACTORS,
    WINDOW,
    causes_explorer,
    excitability_explorer,
    min_max_envelope,
    one_per_column,
)

# ----------------------------------------------------------------------------- excitability


@pytest.fixture(scope="module")
def explorer():
    return excitability_explorer(seed=6)


@pytest.fixture(autouse=True)
def _reset(request):
    yield
    if "explorer" in request.fixturenames:
        app = request.getfixturevalue("explorer")
        for key in EVERYDAY_FACTORS:
            app.controls[key].value = False
        app.controls["axon"].value = "healthy"


def _potential_figure(app):
    return next(figure for figure in app.figures if POTENTIAL in {t.name for t in figure.data})


def _rate_figure(app):
    return next(figure for figure in app.figures if NOW_POINT in {t.name for t in figure.data})


def _threshold_mv(app) -> float:
    (level, same) = _potential_figure(app).trace(THRESHOLD).y
    assert level == same
    return float(level)


def _markers(app) -> int:
    return len(_potential_figure(app).trace(DISCHARGES).x)


def _rate_marker(app) -> tuple[float, float]:
    point = _rate_figure(app).trace(NOW_POINT)
    (x,), (y,) = point.x, point.y
    return float(x), float(y)


def test_healthy_axon_sits_at_the_healthy_gap(explorer):
    assert _threshold_mv(explorer) == pytest.approx(HEALTHY_MARGIN * 1000)
    assert _rate_marker(explorer) == pytest.approx(
        (HEALTHY_MARGIN * 1000, discharge_rate(HEALTHY_MARGIN))
    )
    assert "9.0 mV" in explorer.readout.value
    interval = 1 / discharge_rate(HEALTHY_MARGIN)
    assert f"about one every {interval:.0f} s" in explorer.readout.value


def test_low_calcium_lowers_the_threshold_and_raises_the_rate(explorer):
    before_markers = _markers(explorer)
    explorer.controls["low_calcium"].value = True
    shift_mv = MARGIN_FACTORS["low_calcium"].shift * 1000
    assert _threshold_mv(explorer) == pytest.approx(HEALTHY_MARGIN * 1000 - shift_mv)
    gap = HEALTHY_MARGIN - MARGIN_FACTORS["low_calcium"].shift
    assert _rate_marker(explorer) == pytest.approx((gap * 1000, discharge_rate(gap)))
    assert _markers(explorer) > before_markers
    assert "Low blood calcium" in explorer.readout.value


def test_each_extra_factor_fires_the_axon_more(explorer):
    rates = [_rate_marker(explorer)[1]]
    markers = [_markers(explorer)]
    for key in EVERYDAY_FACTORS:
        explorer.controls[key].value = True
        rates.append(_rate_marker(explorer)[1])
        markers.append(_markers(explorer))
    assert np.all(np.diff(rates) > 0)
    assert np.all(np.diff(markers) >= 0)
    assert markers[-1] > markers[0]


def test_neuromyotonia_like_axon_fires_almost_continuously(explorer):
    explorer.controls["axon"].value = "potassium_channel_loss"
    gap = HEALTHY_MARGIN - MARGIN_FACTORS["potassium_channel_loss"].shift
    # The readout count is the model's: the same seeded noise crossing the same threshold.
    expected = threshold_crossings(membrane_noise(WINDOW, seed=6), gap, DEFAULT_STEP).size
    assert f"<b>{expected}</b> spontaneous discharges" in explorer.readout.value
    assert expected > 100
    assert _markers(explorer) > 100


def test_unticking_everything_returns_to_the_healthy_axon(explorer):
    first = _markers(explorer)
    explorer.controls["caffeine"].value = True
    explorer.controls["axon"].value = "persistent_sodium"
    explorer.controls["caffeine"].value = False
    explorer.controls["axon"].value = "healthy"
    assert _threshold_mv(explorer) == pytest.approx(HEALTHY_MARGIN * 1000)
    assert _markers(explorer) == first


def test_the_noise_is_drawn_once_and_small(explorer):
    trace = _potential_figure(explorer).trace(POTENTIAL)
    potential = np.asarray(trace.y).copy()
    explorer.controls["stress_anxiety"].value = True
    np.testing.assert_array_equal(np.asarray(trace.y), potential)
    assert potential.size <= 2 * DISPLAY_COLUMNS
    explorer.controls["axon"].value = "potassium_channel_loss"
    assert _markers(explorer) <= DISPLAY_COLUMNS


def test_qualitative_factors_say_so_on_their_controls(explorer):
    for key in EVERYDAY_FACTORS:
        said = "(qualitative)" in explorer.controls[key].description
        assert said == MARGIN_FACTORS[key].qualitative, key
    explorer.controls["caffeine"].value = True
    assert "qualitative guess" in explorer.readout.value


def test_excitability_text_form_is_fixed(explorer):
    before = explorer._repr_mimebundle_()["text/plain"]
    explorer.controls["low_magnesium"].value = True
    assert explorer._repr_mimebundle_()["text/plain"] == before
    assert before.startswith("Excitability explorer")


def test_envelope_keeps_the_extremes_of_every_column():
    signal = np.sin(np.linspace(0, 20, 10_000))
    signal[1234] = 5.0
    time, values = min_max_envelope(signal, 0.001, columns=100)
    assert values.size == time.size == 200
    assert values.max() == 5.0
    assert values.min() == pytest.approx(signal.min())


def test_one_marker_per_column_keeps_the_first_time():
    times = np.array([0.01, 0.02, 0.05, 0.31, 0.32, 0.9])
    np.testing.assert_allclose(one_per_column(times, 0.1), [0.01, 0.31, 0.9])


# ----------------------------------------------------------------------------- causes


def _shown_names(app) -> list[str]:
    names = []
    for chunk in app.table.value.split("<th scope='row'>")[1:]:
        names.append(chunk.split("</th>")[0])
    return names


def _bar_totals(app) -> tuple[int, int]:
    return sum(app.figure.trace(TWITCH_BARS).x), sum(app.figure.trace(CRAMP_BARS).x)


def test_causes_explorer_starts_with_every_row():
    app = causes_explorer()
    rows = causes()
    assert len(_shown_names(app)) == len(rows)
    assert _bar_totals(app) == (
        sum(row.linked_to_twitches for row in rows),
        sum(row.linked_to_cramps for row in rows),
    )
    assert f"of {len(rows)} causes" in app.readout.value


def test_choosing_cramps_keeps_only_causes_of_cramps():
    app = causes_explorer()
    app.controls["phenomenon"].value = "cramp"
    expected = filter_causes(phenomenon="cramp")
    assert len(_shown_names(app)) == len(expected)
    assert "Night-time leg cramps (more common with age)" in _shown_names(app)
    assert "Caffeine (coffee, tea, energy drinks)" not in _shown_names(app)
    twitch_total, cramp_total = _bar_totals(app)
    assert cramp_total == len(expected)
    assert twitch_total == sum(row.phenomenon == "both" for row in expected)


def test_preselected_phenomenon_is_applied_from_the_start():
    app = causes_explorer(phenomenon="twitch")
    assert len(_shown_names(app)) == len(filter_causes(phenomenon="twitch"))


def test_serious_only_shows_only_serious_rows():
    app = causes_explorer()
    app.controls["serious"].value = True
    assert "<td>no</td>" not in app.table.value
    assert len(_shown_names(app)) == len(filter_causes(serious=True))
    assert "Motor neuron disease (amyotrophic lateral sclerosis, ALS)" in _shown_names(app)


def test_category_filter_empties_the_other_bars():
    app = causes_explorer()
    chosen = "poisonings and toxins"
    app.controls["category"].value = chosen
    for name in (TWITCH_BARS, CRAMP_BARS):
        bars = app.figure.trace(name)
        assert tuple(bars.y) == CATEGORIES
        for category, count in zip(CATEGORIES, bars.x, strict=True):
            if category != chosen:
                assert count == 0
    assert sum(app.figure.trace(TWITCH_BARS).x) == len(filter_causes(category=chosen))


def test_search_finds_text_and_says_when_nothing_matches():
    app = causes_explorer()
    app.controls["search"].value = "calcium"
    assert "Low blood calcium (hypocalcemia)" in _shown_names(app)
    assert len(_shown_names(app)) == len(filter_causes(text="calcium"))
    app.controls["search"].value = "zzz-no-such-cause"
    assert _shown_names(app) == []
    assert "No cause" in app.readout.value
    assert _bar_totals(app) == (0, 0)


def test_every_row_shows_its_mechanism_and_a_linked_source():
    app = causes_explorer()
    html = app.table.value
    for row in causes():
        assert escape(row.mechanism) in html
    rows = html.split("<th scope='row'>")[1:]
    assert all("<a href=" in row or "<span title=" in row for row in rows)


def test_bad_preselection_is_refused():
    with pytest.raises(ValueError, match="phenomenon"):
        causes_explorer(phenomenon="spasm")


def test_causes_text_form_is_fixed():
    app = causes_explorer()
    before = app._repr_mimebundle_()["text/plain"]
    app.controls["search"].value = "nerve"
    assert app._repr_mimebundle_()["text/plain"] == before
    assert before.startswith("Causes explorer")


def test_every_trace_has_a_unique_name():
    for app in (excitability_explorer(seed=6), causes_explorer()):
        for figure in app.figures:
            names = [trace.name for trace in figure.data]
            assert all(names) and len(set(names)) == len(names), names
