"""Traces of the look-alikes of a twitch, checked against the firing patterns of their sources.

Sources: fasciculation irregular, well under 1 Hz (Mills 2010); myokymic discharges in groups
of 2-10 potentials at 5-60 Hz recurring at 0.1-10 Hz (Gutmann et al. 2001; Preston & Shapiro
2013); neuromyotonic discharges 150-300 Hz for 0.5-2 s, waning, abrupt (Bednarik & Kadanka
2001); tremor 4-12 Hz (Bhatia et al. 2018); clonus 5-8 Hz after a stretch (Boyraz et al. 2015).
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from lessons.figures.decimate import min_max_decimate
from lessons.physiology.lookalike_signals import (
    LOOKALIKES,
    NEUROMYOTONIA_END_SIZE,
    clonus_trace,
    fasciculation_trace,
    lookalike_trace,
    myokymia_trace,
    neuromyotonia_trace,
    tremor_trace,
)

#: An update's budget, and the screen columns a view keeps when it thins an EMG trace.
UPDATE_BYTES = 200_000
COLUMNS = 1000


def test_a_fasciculation_is_isolated_and_irregular():
    trace = fasciculation_trace(10.0, seed=3)
    assert trace.events[0] == pytest.approx(0.3)
    assert 1 <= trace.events.size <= 15  # well under 1 Hz on average
    long = fasciculation_trace(10.0, rate_per_min=60.0, seed=1)
    intervals = np.diff(long.events[1:])
    assert np.std(intervals) > 0.3 * np.mean(intervals)  # irregular, not clockwork


def test_myokymic_discharges_come_in_groups_that_recur():
    trace = myokymia_trace(4.0, burst_rate=2.0, spikes_per_burst=4, intraburst_rate=40.0, seed=2)
    intervals = np.diff(trace.events)
    within = intervals < 0.1
    assert np.allclose(intervals[within], 1 / 40.0)
    gaps = intervals[~within] + 3 / 40.0  # start to start of successive groups
    assert np.all((gaps > 0.5 / 2.0) & (gaps < 2.0 / 2.0))
    assert np.count_nonzero(~within) >= 6


def test_a_neuromyotonic_discharge_is_fast_waning_and_abrupt():
    trace = neuromyotonia_trace(2.0, frequency=250.0, train_duration=1.0, onset=0.4)
    assert np.allclose(np.diff(trace.events), 1 / 250.0)
    assert trace.events[0] == pytest.approx(0.4) and trace.events[-1] < 1.4
    before = trace.values[trace.time < 0.39]
    after = trace.values[trace.time > 1.41]
    during = trace.values[(trace.time > 0.4) & (trace.time < 1.4)]
    assert np.ptp(before) < 0.1 * np.ptp(during) and np.ptp(after) < 0.1 * np.ptp(during)
    first = np.ptp(trace.values[(trace.time > 0.39) & (trace.time < 0.45)])
    last = np.ptp(trace.values[(trace.time > 1.34) & (trace.time < 1.4)])
    assert last < 1.3 * NEUROMYOTONIA_END_SIZE * first


@pytest.mark.parametrize("frequency", [4.0, 6.0, 9.0, 12.0])
def test_tremor_is_rhythmic_at_its_frequency(frequency):
    trace = tremor_trace(10.0, frequency=frequency, seed=1)
    spectrum = np.abs(np.fft.rfft(trace.values))
    frequencies = np.fft.rfftfreq(trace.values.size, 1 / trace.sampling_rate)
    assert frequencies[np.argmax(spectrum)] == pytest.approx(frequency, abs=0.15)


def test_clonus_beats_rhythmically_only_after_the_stretch():
    trace = clonus_trace(3.0, frequency=6.0, beats=8, stretch_time=0.5)
    assert np.allclose(np.diff(trace.events), 1 / 6.0) and trace.events.size == 8
    assert np.all(trace.values[trace.time < 0.5] == 0.0)
    assert trace.values.max() == pytest.approx(1.0)
    quiet = trace.values[trace.time > trace.events[-1] + 1.0]
    assert quiet.max() < 0.05  # the beats stop when they stop


@pytest.mark.parametrize("kind", list(LOOKALIKES))
def test_every_trace_fits_one_update_once_thinned_for_the_screen(kind):
    trace = lookalike_trace(kind)
    time, values = min_max_decimate(trace.time, trace.values, COLUMNS)
    size = len(json.dumps({"x": time.tolist(), "y": values.tolist()}))
    assert size < UPDATE_BYTES
    assert trace.values.size == trace.time.size and np.all(np.isfinite(trace.values))


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: lookalike_trace("hiccup"), "kind"),
        (lambda: lookalike_trace("tremor", duration=60.0), "duration"),
        (lambda: fasciculation_trace(rate_per_min=-1.0), "rate_per_min"),
        (lambda: myokymia_trace(burst_rate=20.0), "burst_rate"),
        (lambda: myokymia_trace(spikes_per_burst=11), "spikes_per_burst"),
        (lambda: myokymia_trace(intraburst_rate=100.0), "intraburst_rate"),
        (lambda: myokymia_trace(seed=-1), "seed"),
        (lambda: neuromyotonia_trace(frequency=100.0), "frequency"),
        (lambda: neuromyotonia_trace(train_duration=3.0), "train_duration"),
        (lambda: neuromyotonia_trace(onset=5.0), "onset"),
        (lambda: tremor_trace(frequency=20.0), "frequency"),
        (lambda: clonus_trace(frequency=3.0), "frequency"),
        (lambda: clonus_trace(beats=0), "beats"),
        (lambda: clonus_trace(stretch_time=-1.0), "stretch_time"),
    ],
)
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=rf"^{name}"):
        call()
