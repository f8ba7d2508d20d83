"""Lesson 04's EMG lab: the widgets move the traces and the sound the way the models say.

Literature values checked here: needle MUAPs 5-15 ms, a few hundred microvolts to a few
millivolts (Daube & Rubin 2009, Muscle Nerve 39:244); fibrillation potentials 1-5 ms,
20-200 microvolts, regular at 0.5-15 Hz (Davalos & Kushlaf 2023, StatPearls); single units in
cramps at 6-25 Hz, mean 14.5 Hz (Minetto et al. 2009, J Neurophysiol 102:1890); recruitment in
order of threshold and rates rising from 8 Hz with drive (Fuglevand et al. 1993,
J Neurophysiol 70:2470).
"""

from __future__ import annotations

import io
import wave

import ipywidgets as widgets
import numpy as np
import pytest
from support.png import read_data_uri

from lessons.figures.theme import COLOURS
from lessons.physiology import EmgSignal, MotorUnitPool
from lessons.physiology.recordings import AUDIO_RATE, NEEDLE_UNITS
from lessons.physiology.signatures import SIGNATURES, record_signature
from lessons.sims.emg_lab import (
    MYSTERY_CLIPS,
    POTENTIAL_KINDS,
    effort_ramp,
    min_max_trace,
    mystery_sound,
    needle_and_surface,
    potential_explorer,
    signature_explorer,
    update_traces,
)

NEEDLE_MUAP, SURFACE_MUAP, FIBRE = (POTENTIAL_KINDS[key] for key in ("needle", "surface", "fibre"))


def _player(app) -> widgets.Audio:
    """The audio widget shown under an app's figures."""
    stack = [app.widget]
    while stack:
        widget = stack.pop()
        if isinstance(widget, widgets.Audio):
            return widget
        stack.extend(getattr(widget, "children", ()))
    raise AssertionError("the app shows no audio player")


def _decode(player: widgets.Audio) -> tuple[np.ndarray, int]:
    with wave.open(io.BytesIO(player.value), "rb") as file:
        rate = file.getframerate()
        samples = np.frombuffer(file.readframes(file.getnframes()), dtype="<i2")
    return samples / 32767.0, rate


def _rms(values) -> float:
    return float(np.sqrt(np.mean(np.square(np.asarray(values, dtype=float)))))


def _emg_traces(app) -> tuple:
    """The needle and surface traces of ``needle_and_surface``, one per figure."""
    needle, surface = app.figures
    return needle.trace("Needle EMG"), surface.trace("Surface EMG")


def _rows(trace) -> dict[int, np.ndarray]:
    """Discharge times of each raster row: from tick markers (x, y), or from a picture (the
    centre of each tick's time column, read from the pixels the page draws)."""
    if trace.type == "image":
        pixels = read_data_uri(trace.source)
        per_row = round(1 / trace.dy)
        rows = {}
        for row in range(pixels.shape[0] // per_row):
            columns = np.flatnonzero(pixels[row * per_row + per_row // 2, :, 3])
            if len(columns):
                rows[row + 1] = trace.x0 + columns * trace.dx
        return rows
    x = np.asarray(trace.x, dtype=float)
    y = np.asarray(trace.y, dtype=int)
    return {row: np.sort(x[y == row]) for row in np.unique(y)}


# --- experiment 1: three action potentials ---------------------------------------------------


def test_needle_muap_is_highlighted_with_literature_size():
    app = potential_explorer()
    needle = app.figure.trace(NEEDLE_MUAP)
    # Daube & Rubin 2009: 5-15 ms, a few hundred microvolts to a few millivolts.
    assert 200 <= np.ptp(needle.y) <= 5000
    assert needle.line.color == COLOURS["emg"]
    assert app.figure.trace(FIBRE).line.color == COLOURS["reference"]
    assert "lasts 10 ms" in app.readout.value


def test_picking_the_fibre_potential_highlights_a_small_brief_potential():
    app = potential_explorer()
    app.controls["kind"].value = "fibre"
    fibre = app.figure.trace(FIBRE)
    assert fibre.line.color == COLOURS["fibrillation"]
    assert app.figure.trace(NEEDLE_MUAP).line.color == COLOURS["reference"]
    # Davalos & Kushlaf 2023: 1-5 ms, 20-200 microvolts.
    assert 20 <= np.ptp(fibre.y) <= 200
    visible = np.asarray(fibre.x)[np.abs(fibre.y) > 0.01 * np.ptp(fibre.y)]
    assert 1 <= np.ptp(visible) <= 5
    assert "Fibrillation potential" in app.readout.value
    assert "2 ms" in app.readout.value


def test_scaled_view_gives_every_potential_the_same_size():
    app = potential_explorer()
    true_sizes = [np.ptp(trace.y) for trace in app.figure.data]
    assert len({round(size) for size in true_sizes}) == 3
    app.controls["scaled"].value = True
    for trace in app.figure.data:
        assert np.ptp(trace.y) == pytest.approx(100.0)
    assert "%" in app.figure.layout.yaxis.title.text


# --- experiment 2: needle and surface EMG at a steady effort ---------------------------------


def test_rest_is_silent_on_both_recordings():
    app = needle_and_surface(effort=0.0)
    needle, surface = _emg_traces(app)
    # Only baseline noise (5 and 1 microvolts rms) is left: well under a MUAP.
    assert np.abs(needle.y).max() < 0.05
    assert np.abs(surface.y).max() < 0.01
    assert "silent" in app.readout.value
    sound, _ = _decode(_player(app))
    assert np.abs(sound).max() < 0.02


def test_recruitment_count_follows_the_pool_thresholds():
    pool = MotorUnitPool()
    app = needle_and_surface(effort=0.0)
    for percent in (3.0, 10.0, 30.0):
        app.controls["effort"].value = percent
        excitation = percent / 100 * pool.max_excitation
        recruited = int(np.sum(pool.thresholds <= excitation))
        near = int(np.sum(pool.thresholds[list(NEEDLE_UNITS)] <= excitation))
        assert f"{recruited} of 120 units recruited" in app.readout.value
        assert f"{near} of the 15 near the needle" in app.readout.value
        # Fuglevand et al. 1993: rate = 8 Hz + (excitation - threshold) for the first unit.
        assert f"fires at {8 + excitation - 1:.1f} Hz" in app.readout.value


def test_more_effort_gives_more_needle_and_surface_emg_and_louder_sound():
    app = needle_and_surface(effort=0.03)
    needle, surface = _emg_traces(app)
    low = (_rms(needle.y), _rms(surface.y), _rms(_decode(_player(app))[0]))
    app.controls["effort"].value = 30.0
    high = (_rms(needle.y), _rms(surface.y), _rms(_decode(_player(app))[0]))
    for before, after in zip(low, high, strict=True):
        assert after > 2 * before


def test_sound_is_two_seconds_at_the_audio_rate():
    app = needle_and_surface()
    sound, rate = _decode(_player(app))
    assert rate == AUDIO_RATE
    assert len(sound) / rate == pytest.approx(2.0, abs=0.01)


def test_time_axis_is_fixed_and_traces_stay_small():
    app = needle_and_surface()
    needle, _ = _emg_traces(app)
    before = np.asarray(needle.x).copy()
    app.controls["effort"].value = 50.0
    np.testing.assert_array_equal(np.asarray(needle.x), before)
    assert len(needle.y) <= 2000
    assert np.asarray(needle.x).max() <= 1.0


def test_fixed_scale_holds_while_fit_follows_the_trace():
    app = needle_and_surface(effort=0.05)
    surface_axis = app.figures[1].layout.yaxis
    fitted = tuple(surface_axis.range)
    app.controls["fixed_scale"].value = True
    fixed = tuple(surface_axis.range)
    assert fixed[1] > 10 * fitted[1]  # full-effort range dwarfs a 5 % effort
    app.controls["effort"].value = 20.0
    assert tuple(surface_axis.range) == fixed
    app.controls["fixed_scale"].value = False
    assert tuple(surface_axis.range)[1] == pytest.approx(1.1 * np.abs(_emg_traces(app)[1].y).max())


# --- experiment 3: the effort ramp ----------------------------------------------------------


def test_ramp_recruits_each_unit_when_drive_reaches_its_threshold():
    app = effort_ramp(peak_effort=1.0)
    rows = _rows(app.figure.trace("Discharge"))
    assert len(rows) == len(NEEDLE_UNITS)
    pool = MotorUnitPool()
    for row, unit in enumerate(NEEDLE_UNITS, start=1):
        # Fuglevand et al. 1993: a unit is recruited when excitation reaches its threshold
        # and fires at >= 8 Hz from then on, so its first discharge comes within 125 ms.
        recruited_at = pool.thresholds[unit] / pool.max_excitation * 3.0
        # The picture places each tick to within half of its 6 ms column.
        assert recruited_at - 0.005 <= rows[row][0] <= recruited_at + 0.125 + 0.005


def test_higher_peak_recruits_more_units():
    app = effort_ramp(peak_effort=0.1)
    few = len(_rows(app.figure.trace("Discharge")))
    app.controls["peak_effort"].value = 60.0
    many = len(_rows(app.figure.trace("Discharge")))
    assert 0 < few < many == len(NEEDLE_UNITS)
    assert f"{many} of the 15 units near the needle" in app.readout.value


def test_first_unit_fires_faster_as_the_ramp_rises():
    app = effort_ramp(peak_effort=0.6)
    first = _rows(app.figure.trace("Discharge"))[1]
    intervals = np.diff(first)
    # Rate coding (Fuglevand et al. 1993): about 8-12 Hz early in the ramp, 35 Hz (29 ms) at
    # its end; intervals vary with a CV of 0.2, so compare medians.
    assert np.median(intervals[:5]) > 0.07
    assert np.median(intervals[-5:]) < 0.04
    pool = MotorUnitPool()
    assert f"firing at {pool.rates(0.6)[0]:.1f} Hz" in app.readout.value


def test_ramp_needle_emg_grows_and_sound_changes():
    app = effort_ramp(peak_effort=0.2)
    sound_before = _player(app).value
    needle = np.asarray(app.figure.trace("Needle EMG").y)
    third = len(needle) // 3
    assert _rms(needle[-third:]) > 1.5 * _rms(needle[:third])
    app.controls["peak_effort"].value = 80.0
    assert _player(app).value != sound_before


# --- experiment 4: the signatures ------------------------------------------------------------


def test_fibrillation_is_one_regular_small_fibre_by_default():
    app = signature_explorer("fibrillation")
    rows = _rows(app.figure.trace("Discharge"))
    assert list(rows) == [1]
    intervals = np.diff(rows[1])
    np.testing.assert_allclose(intervals, 0.2, atol=1e-9)  # 5 Hz, inside 0.5-15 Hz
    emg = np.asarray(app.figure.trace("Needle EMG").y)  # mV
    assert 0.02 <= np.ptp(emg) <= 0.2 + 0.05  # 20-200 microvolts plus noise
    assert app.figure.trace("Discharge").marker.color == COLOURS["fibrillation"]
    assert "every 200 ms" in app.readout.value


def test_more_fibrillating_fibres_are_drawn_as_the_model_fires_them():
    app = signature_explorer("fibrillation")
    app.controls["sources"].value = 5
    rows = _rows(app.figure.trace("Discharge"))
    model = record_signature("fibrillation", 5).activity.spike_times
    assert sorted(rows) == [1, 2, 3, 4, 5]
    for row, times in rows.items():
        np.testing.assert_allclose(times, model[row - 1][model[row - 1] < 3.0])


def test_picking_cramp_resets_sources_and_shows_many_irregular_units():
    app = signature_explorer("fibrillation")
    app.controls["sources"].value = 3
    app.controls["kind"].value = "cramp"
    assert app.controls["sources"].value == SIGNATURES["cramp"]
    rows = _rows(app.figure.trace("Discharge"))
    assert len(rows) == SIGNATURES["cramp"]
    rates = np.array([1 / np.mean(np.diff(times)) for times in rows.values()])
    # Minetto et al. 2009: 6-25 Hz per unit (sampling noise over 3 s allowed for).
    assert np.all((rates > 4) & (rates < 30))
    cvs = [np.std(np.diff(t)) / np.mean(np.diff(t)) for t in rows.values()]
    assert np.mean(cvs) > 0.25  # irregular, unlike a fibrillation
    summed = len(app.figure.trace("Discharge").x) / 3.0
    assert f"Together: {summed:.0f} potentials per second" in app.readout.value
    assert app.figure.trace("Discharge").marker.color == COLOURS["cramp"]


def test_fasciculation_is_a_rare_muap_sized_discharge():
    app = signature_explorer("fibrillation")
    app.controls["kind"].value = "fasciculation"
    rows = _rows(app.figure.trace("Discharge"))
    assert list(rows) == [1]
    assert 1 <= len(rows[1]) <= 4
    assert np.any(np.isclose(rows[1], 0.6))
    # One whole motor unit: a MUAP, hundreds of microvolts (Daube & Rubin 2009).
    assert np.ptp(app.figure.trace("Needle EMG").y) > 0.2
    assert app.figure.trace("Discharge").marker.color == COLOURS["fasciculation"]


def test_each_signature_has_its_own_sound():
    app = signature_explorer()
    sounds = set()
    for kind in SIGNATURES:
        app.controls["kind"].value = kind
        sound, rate = _decode(_player(app))
        assert rate == AUDIO_RATE
        assert len(sound) / rate == pytest.approx(3.0, abs=0.01)
        sounds.add(_player(app).value)
    assert len(sounds) == len(SIGNATURES)


# --- static clips and helpers ----------------------------------------------------------------


def test_mystery_clips_cover_the_three_signatures_in_short_clips():
    assert {kind for kind, _, _ in MYSTERY_CLIPS.values()} == set(SIGNATURES)
    for number in MYSTERY_CLIPS:
        clip = mystery_sound(number)
        with wave.open(io.BytesIO(clip.data), "rb") as file:
            assert file.getframerate() <= 8000
            assert file.getnframes() / file.getframerate() <= 3.0


@pytest.mark.parametrize("number", [0, 4, 1.5, "1"])
def test_unknown_mystery_clip_is_refused(number):
    with pytest.raises(ValueError, match="number"):
        mystery_sound(number)


def test_min_max_trace_keeps_a_one_sample_spike():
    voltage = np.zeros(8001)
    voltage[4321] = 1e-3
    signal = EmgSignal(np.arange(8001) / 8000.0, voltage, 8000.0)
    time, trace = min_max_trace(signal, 1.0, 500)
    assert len(trace) == 1000
    assert trace.max() == pytest.approx(1.0)  # mV
    assert time[np.argmax(trace)] == pytest.approx(4321 / 8000, abs=2 / 500)
    with pytest.raises(ValueError, match="window"):
        min_max_trace(signal, 2.0, 500)


@pytest.mark.parametrize(
    "build", [potential_explorer, needle_and_surface, effort_ramp, signature_explorer]
)
def test_text_form_is_fixed_whatever_the_state(build):
    app = build()
    before = app._repr_mimebundle_()["text/plain"]
    control = next(iter(app.controls.values()))
    if isinstance(control, widgets.ToggleButtons):
        control.value = control.options[-1][1]
    else:
        control.value = control.max
    assert app._repr_mimebundle_()["text/plain"] == before
    assert app.title in before


def test_update_payload_stays_small():
    """A slider move sends only the new voltages and the sound: well under 200 kB."""
    app = effort_ramp()
    app.controls["peak_effort"].value = 100.0
    emg = (app.figure.trace(name) for name in ("Needle EMG", "Surface EMG"))
    arrays = [np.asarray(trace.y, dtype=float) for trace in emg]
    picture = len(app.figure.trace("Discharge").source)
    assert picture < 20_000  # the discharges: one small PNG
    total = sum(array.nbytes for array in arrays) + picture + len(_player(app).value)
    assert total < 200_000


@pytest.mark.parametrize("kind", list(SIGNATURES))
def test_one_more_source_always_shows_in_the_trace(kind):
    """Each source near the needle fires at least once in the window, so moving the slider
    by one step always changes what the student sees and hears."""
    app = signature_explorer(kind)
    start = app.controls["sources"].value
    emg_before = np.asarray(app.figure.trace("Needle EMG").y).copy()
    sound_before = _player(app).value
    app.controls["sources"].value = start + 1
    assert len(_rows(app.figure.trace("Discharge"))) == start + 1
    assert not np.array_equal(np.asarray(app.figure.trace("Needle EMG").y), emg_before)
    assert _player(app).value != sound_before


@pytest.mark.parametrize(
    "build", [potential_explorer, needle_and_surface, effort_ramp, signature_explorer]
)
def test_every_trace_has_a_unique_name(build):
    for figure in build().figures:
        names = [trace.name for trace in figure.data]
        assert all(names) and len(set(names)) == len(names)


def test_update_traces_reaches_traces_by_name_in_one_message():
    app = effort_ramp()
    messages = []
    app.figure.observe(lambda change: messages.append(change["new"]), names=["_py2js_update"])
    update_traces(app.figure, {"Surface EMG": {"y": [0.0, 0.0]}}, {"title.text": "Renamed"})
    assert list(app.figure.trace("Surface EMG").y) == [0.0, 0.0]
    assert app.figure.layout.title.text == "Renamed"
    assert len([message for message in messages if message]) == 1
    with pytest.raises(KeyError, match="no trace named 'EMG'"):
        update_traces(app.figure, {"EMG": {"y": [0.0]}})
