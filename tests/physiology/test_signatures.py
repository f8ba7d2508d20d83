"""Fasciculation, fibrillation and cramp as a needle records them (lessons 04-07).

Literature values: fibrillation potentials 1-5 ms, 20-200 microvolts, regular at 0.5-15 Hz
(Davalos & Kushlaf 2023, StatPearls); single units in cramps at 6-25 Hz, mean 14.5 Hz,
irregular (Minetto et al. 2009, J Neurophysiol 102:1890); a fasciculation is one motor unit
firing rarely on its own (Dengler et al. 2020), a MUAP of hundreds of microvolts (Daube & Rubin
2009).
"""

from __future__ import annotations

import numpy as np
import pytest

from lessons.physiology.recordings import AUDIO_RATE
from lessons.physiology.signatures import (
    SIGNATURE_DURATION,
    SIGNATURES,
    record_signature,
    signature_kind,
    source_rates,
)


def test_default_sources_per_signature():
    for kind, count in SIGNATURES.items():
        recording = record_signature(kind)
        assert recording.kind == kind
        assert recording.sources == count
        assert recording.activity.duration == SIGNATURE_DURATION
        assert recording.emg.sampling_rate == AUDIO_RATE


def test_fibrillation_is_one_regular_small_fibre():
    recording = record_signature("fibrillation")
    (times,) = recording.activity.spike_times
    np.testing.assert_allclose(np.diff(times), 0.2, atol=1e-9)  # 5 Hz
    assert source_rates(recording.activity)[0] == pytest.approx(5.0)
    assert 20e-6 <= recording.peak_to_peak <= 250e-6  # 20-200 microvolts plus noise


def test_more_fibrillating_fibres_stay_regular_inside_the_range():
    recording = record_signature("fibrillation", 5)
    assert recording.sources == 5
    for times in recording.activity.spike_times:
        intervals = np.diff(times)
        if len(intervals):
            np.testing.assert_allclose(intervals, intervals[0], rtol=1e-6)
            assert 0.5 <= 1 / intervals[0] <= 15


def test_cramp_units_fire_irregularly_at_cramp_rates():
    recording = record_signature("cramp")
    rates = recording.rates
    assert np.all((rates > 4) & (rates < 30))  # 6-25 Hz, sampling noise over 3 s allowed for
    assert recording.slowest_rate == pytest.approx(np.nanmin(rates))
    assert recording.fastest_rate == pytest.approx(np.nanmax(rates))
    assert recording.mean_rate == pytest.approx(np.nanmean(rates))
    cvs = [np.std(np.diff(t)) / np.mean(np.diff(t)) for t in recording.activity.spike_times]
    assert np.mean(cvs) > 0.25


def test_more_cramping_units_give_a_higher_summed_rate():
    few = record_signature("cramp", 3)
    many = record_signature("cramp", 15)
    assert many.summed_rate > 3 * few.summed_rate
    # Rates add: 15 units at a mean near 14.5 Hz (Minetto et al. 2009).
    assert 15 * 8 < many.summed_rate < 15 * 22
    assert many.summed_rate == many.discharges / SIGNATURE_DURATION


def test_fasciculation_is_a_rare_muap_sized_discharge():
    recording = record_signature("fasciculation")
    (times,) = recording.activity.spike_times
    assert 1 <= len(times) <= 4
    assert np.any(np.isclose(times, 0.6))
    assert recording.peak_to_peak > 200e-6


def test_every_added_source_fires_in_the_window():
    for kind in SIGNATURES:
        recording = record_signature(kind, 6)
        assert all(len(times) > 0 for times in recording.activity.spike_times)


def test_rates_of_sources_with_fewer_than_two_discharges_are_unknown():
    recording = record_signature("fasciculation", 1, duration=0.5)
    assert np.isnan(recording.rates[0])
    assert np.isnan(recording.mean_rate)


def test_same_seed_same_recording():
    first, again = (record_signature("cramp", 4, seed=7) for _ in range(2))
    np.testing.assert_array_equal(first.emg.voltage, again.emg.voltage)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"kind": "tremor"}, "kind must be one of"),
        ({"kind": "cramp", "sources": 0}, r"sources must be in \[1, 15\]"),
        ({"kind": "cramp", "sources": 16}, r"sources must be in \[1, 15\]"),
        ({"kind": "cramp", "sources": True}, "sources must be a whole number"),
        ({"kind": "cramp", "duration": 0.1}, r"duration must be in \[0.5, 30\]"),
    ],
)
def test_bad_signature_arguments_are_refused(arguments, message):
    with pytest.raises(ValueError, match=message):
        record_signature(**arguments)


def test_signature_kind_names_the_choices():
    assert signature_kind("cramp") == "cramp"
    with pytest.raises(ValueError, match="fasciculation"):
        signature_kind("twitch")
