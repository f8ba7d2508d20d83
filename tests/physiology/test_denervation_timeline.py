"""Fibrillations and positive sharp waves after a motor nerve injury: when they come and go.

Sources: onset 1 to 4 weeks after injury (Willmott, White & Dukelow 2012, Muscle Nerve
46:332-340), later for a longer distal nerve (Luco & Eyzaguirre 1955); mean maximal amplitude
612 microvolts in the first 2 months, 320 in months 5-6, none above 100 after a year (Kraft
1990, Muscle Nerve 13:814-821); regular firing at 0.5-15 Hz (Davalos & Kushlaf 2023).
"""

from __future__ import annotations

import numpy as np
import pytest

from lessons.physiology.denervation_timeline import (
    MAX_DISTANCE_CM,
    REINNERVATION_DAYS,
    denervation_course,
    denervation_emg,
    fibrillation_onset_day,
    largest_fibrillation,
    positive_sharp_wave,
)


def test_onset_lies_between_one_and_four_weeks_and_is_later_for_a_longer_nerve():
    distances = np.linspace(0.0, MAX_DISTANCE_CM, 11)
    onsets = np.array([fibrillation_onset_day(d) for d in distances])
    assert onsets[0] == 7.0 and onsets[-1] == 28.0
    assert np.all(np.diff(onsets) > 0)


def test_no_fibrillations_before_onset_and_all_of_them_soon_after():
    onset = fibrillation_onset_day(40.0)
    course = denervation_course(np.array([0.0, onset - 1, onset + 8, 365.0]), 40.0)
    assert list(course.abundance) == [0.0, 0.0, 1.0, 1.0]  # no reinnervation: they persist
    quiet = denervation_emg(onset - 1, 40.0, seed=2)
    assert quiet.active_fibres == 0
    assert np.ptp(quiet.emg.voltage) < 100e-6  # only baseline noise
    busy = denervation_emg(onset + 8, 40.0, seed=2)
    assert busy.active_fibres == 6
    assert busy.fibrillations and busy.sharp_waves  # both kinds appear together


def test_their_size_follows_kraft_1990():
    month = 30.44
    sizes = largest_fibrillation(np.array([0.0, 1.0, 3.5, 5.5, 12.0, 24.0]) * month)
    np.testing.assert_allclose(sizes * 1e6, [612, 612, 512, 320, 100, 100], rtol=1e-9)
    course = denervation_course(np.arange(0.0, 1000.0))
    assert np.all(np.diff(course.amplitude) <= 0)
    assert np.all(course.amplitude[366:] <= 100e-6 + 1e-12)


def test_reinnervation_makes_them_fade_to_nothing():
    course = denervation_course(
        np.array([100.0, 150.0, 200.0, 200.0 + REINNERVATION_DAYS]), 40.0, 100.0
    )
    assert course.abundance[0] == 1.0
    assert 0.0 < course.abundance[1] < 1.0
    assert course.abundance[-1] == 0.0
    assert denervation_emg(200.0 + REINNERVATION_DAYS, reinnervation_day=100.0).active_fibres == 0


def test_the_discharges_are_regular_at_fibrillation_rates_and_sized_by_the_day():
    record = denervation_emg(60.0, fibres=12, duration=3.0, seed=4)
    for times in record.fibrillations + record.sharp_waves:
        intervals = np.diff(times)
        assert np.std(intervals) < 1e-9  # strictly regular
        assert 0.5 <= 1 / intervals.mean() <= 15.0
    assert record.amplitude == pytest.approx(largest_fibrillation(np.array([60.0]))[0])
    assert np.ptp(record.emg.voltage) <= 2.5 * record.amplitude  # overlaps stay rare
    again = denervation_emg(60.0, fibres=12, duration=3.0, seed=4)
    np.testing.assert_array_equal(record.emg.voltage, again.emg.voltage)


def test_a_positive_sharp_wave_starts_with_a_sharp_positive_peak_and_a_long_negative_phase():
    wave = positive_sharp_wave(amplitude=200e-6)
    assert wave.peak_to_peak == pytest.approx(200e-6)
    peak = int(np.argmax(wave.voltage))
    assert wave.time[peak] == pytest.approx(0.0, abs=1e-3)
    negative = wave.time[wave.voltage < -0.1 * wave.voltage.max()]
    assert negative.min() > 0 and negative.max() - negative.min() > 0.004
    assert abs(wave.voltage.min()) < 0.5 * wave.voltage.max()


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: fibrillation_onset_day(-1.0), "distance_cm"),
        (lambda: fibrillation_onset_day(101.0), "distance_cm"),
        (lambda: denervation_course([-1.0]), "days"),
        (lambda: denervation_course([10.0], reinnervation_day="x"), "reinnervation_day"),
        (lambda: largest_fibrillation([np.inf]), "days"),
        (lambda: denervation_emg(2000.0), "day"),
        (lambda: denervation_emg(30.0, duration=20.0), "duration"),
        (lambda: denervation_emg(30.0, fibres=0), "fibres"),
        (lambda: denervation_emg(30.0, seed=1.5), "seed"),
        (lambda: positive_sharp_wave(amplitude=-1.0), "amplitude"),
        (lambda: positive_sharp_wave(sampling_rate=10.0), "sampling_rate"),
    ],
)
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=rf"^{name}"):
        call()
