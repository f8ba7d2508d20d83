"""The course's WAV encoder and fixed-gain loudness for comparing EMG by ear."""

from __future__ import annotations

import io
import wave

import numpy as np
import pytest

from lessons.physiology import EmgSignal
from lessons.sims.sound import sound_at_fixed_gain, wav_bytes


def test_wav_bytes_round_trip():
    waveform = np.sin(np.linspace(0, 20, 800))
    with wave.open(io.BytesIO(wav_bytes(waveform, 8000)), "rb") as file:
        decoded = np.frombuffer(file.readframes(file.getnframes()), dtype="<i2") / 32767
        assert file.getframerate() == 8000
    np.testing.assert_allclose(decoded, waveform, atol=1e-4)


def test_fixed_gain_keeps_a_quiet_record_quiet():
    time = np.arange(8000) / 8000.0
    signal = EmgSignal(time, 0.5e-3 * np.sin(2 * np.pi * 50 * time), 8000.0)
    sound, rate = sound_at_fixed_gain(signal, full_scale=2e-3)
    assert rate == 8000
    assert np.abs(sound).max() == pytest.approx(0.25, rel=0.01)


def test_fixed_gain_never_clips_a_loud_record():
    time = np.arange(8000) / 8000.0
    signal = EmgSignal(time, 5e-3 * np.sin(2 * np.pi * 50 * time), 8000.0)
    sound, _ = sound_at_fixed_gain(signal, full_scale=1e-3)
    assert np.abs(sound).max() == pytest.approx(1.0, rel=0.01)


@pytest.mark.parametrize("full_scale", [0.0, 2.0, float("nan"), "1", True])
def test_bad_full_scale_is_refused_by_name(full_scale):
    signal = EmgSignal(np.arange(10) / 8000.0, np.zeros(10), 8000.0)
    with pytest.raises(ValueError, match="full_scale"):
        sound_at_fixed_gain(signal, full_scale=full_scale)
