"""EMG potentials, needle and surface EMG, and audio.

Sources: needle MUAPs 5-15 ms, a few hundred microvolts to millivolts (Daube & Rubin 2009,
Muscle Nerve 39:244); fibrillation potentials biphasic with an initial positive phase, 1-5 ms,
20-200 microvolts (Davalos & Kushlaf, StatPearls).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons.physiology import (
    MotorUnitPool,
    emg_audio,
    emg_from_spikes,
    fibre_potential,
    fibrillation,
    fibrillation_emg,
    motor_unit_potential,
    needle_emg,
    surface_emg,
)


def test_needle_muap_has_literature_duration_and_amplitude() -> None:
    waveform = motor_unit_potential()
    assert 0.005 <= waveform.duration <= 0.015
    assert 100e-6 <= waveform.peak_to_peak <= 2e-3
    # Triphasic: positive, large negative, positive.
    centre = len(waveform.voltage) // 2
    assert waveform.voltage[centre] == waveform.voltage.min() < 0
    assert waveform.voltage[: centre // 2].max() > 0
    assert waveform.voltage[centre + centre // 2 :].max() > 0


def test_fibre_potential_is_short_small_and_starts_positive() -> None:
    waveform = fibre_potential()
    assert 0.001 <= waveform.duration <= 0.005
    assert 20e-6 <= waveform.peak_to_peak <= 200e-6
    first_large = np.flatnonzero(np.abs(waveform.voltage) > 0.1 * waveform.peak_to_peak)[0]
    assert waveform.voltage[first_large] > 0


def test_potential_is_centred_on_the_discharge() -> None:
    signal = emg_from_spikes([np.array([0.1])], 0.2, motor_unit_potential(20_000))
    assert signal.time[np.argmin(signal.voltage)] == pytest.approx(0.1, abs=1e-4)


def test_potentials_of_different_units_add() -> None:
    waveform = motor_unit_potential()
    one = emg_from_spikes([np.array([0.05])], 0.2, waveform).voltage
    two = emg_from_spikes([np.array([0.12])], 0.2, waveform, weights=[2.0]).voltage
    both = emg_from_spikes([np.array([0.05]), np.array([0.12])], 0.2, waveform, [1.0, 2.0])
    np.testing.assert_allclose(both.voltage, one + two, atol=1e-12)


def test_surface_emg_grows_with_drive() -> None:
    pool = MotorUnitPool()
    rms = []
    for drive in (0.1, 0.4, 1.0):
        activity = pool.simulate(drive, 1.0, seed=1)
        signal = surface_emg(activity.spike_times, 1.0, pool.peak_forces)
        rms.append(np.sqrt(np.mean(signal.voltage**2)))
    assert rms[0] < rms[1] < rms[2]


def test_fibrillation_emg_ticks_at_the_fibrillation_rate() -> None:
    activity = fibrillation(2.0, rate=10.0, seed=0)
    signal = fibrillation_emg(activity.spike_times, 2.0)
    peaks = signal.voltage > 0.4 * signal.voltage.max()
    onsets = np.flatnonzero(np.diff(peaks.astype(int)) == 1)
    assert len(onsets) == len(activity.spike_times[0])
    assert np.abs(signal.voltage).max() < 200e-6


def test_needle_emg_is_seeded() -> None:
    trains = [np.array([0.1, 0.3]), np.array([0.2])]
    first = needle_emg(trains, 0.5, seed=3).voltage
    np.testing.assert_array_equal(first, needle_emg(trains, 0.5, seed=3).voltage)
    assert not np.array_equal(first, needle_emg(trains, 0.5, seed=4).voltage)


def test_audio_is_normalised_for_ipython_audio() -> None:
    signal = needle_emg([np.array([0.1, 0.2])], 0.5, noise_rms=5e-6)
    waveform, rate = emg_audio(signal.voltage, signal.sampling_rate)
    assert rate == 10_000
    assert np.abs(waveform).max() == pytest.approx(1.0)
    assert abs(waveform.mean()) < 1e-9
    assert waveform.shape == signal.voltage.shape


def test_audio_is_resampled_up_for_browsers_and_silence_stays_silent() -> None:
    waveform, rate = emg_audio(np.zeros(2000), 2000.0)
    assert rate >= 8000
    assert len(waveform) == 2000 * rate // 2000
    assert not waveform.any()


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: motor_unit_potential(500.0), "sampling_rate"),
        (lambda: motor_unit_potential(duration=-0.01), "duration"),
        (lambda: fibre_potential(2_000.0, duration=0.001), "duration"),
        (lambda: emg_from_spikes([np.array([0.1])], 0.0, motor_unit_potential()), "duration"),
        (lambda: emg_from_spikes([[np.nan]], 1.0, motor_unit_potential()), "spike_times"),
        (lambda: emg_from_spikes([[0.1]], 1.0, motor_unit_potential(), [1, 2]), "weights"),
        (lambda: needle_emg([[0.1]], 1e4), "duration"),
        (lambda: emg_audio(np.zeros(400_000), 10_000), "audio"),
        (lambda: emg_audio([np.nan, 1.0], 10_000), "signal"),
        (lambda: emg_audio(np.zeros(10), 0.0), "sampling_rate"),
    ],
)
def test_bad_input_is_refused_with_the_parameter_named(call, name: str) -> None:
    with pytest.raises(ValueError, match=name):
        call()


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.lists(st.floats(-0.1, 1.1), max_size=20), min_size=1, max_size=5),
    st.sampled_from([4_000.0, 10_000.0, 44_100.0]),
)
def test_emg_is_finite_with_the_expected_length(trains, rate) -> None:
    signal = needle_emg(trains, 1.0, sampling_rate=rate)
    assert signal.voltage.shape == signal.time.shape == (round(rate) + 1,)
    assert np.all(np.isfinite(signal.voltage))
    waveform, _ = emg_audio(signal.voltage, rate)
    assert np.all(np.abs(waveform) <= 1.0)
