"""Sound for the lessons' audio players: one way to turn a waveform into a WAV file.

EMG is heard as well as seen (lesson 04 and 05 let students listen to each kind of discharge).
Every player of the course gets its bytes from :func:`wav_bytes`, written with the standard
library's ``wave`` module, so no audio package is needed. :func:`sound_at_fixed_gain` sets the
loudness when records must be compared by ear (a quiet muscle should sound quiet).
"""

from __future__ import annotations

import io
import wave

import numpy as np

from lessons.physiology import EmgSignal, emg_audio

#: Range of ``full_scale`` accepted by :func:`sound_at_fixed_gain` (V): from a nanovolt, far
#: below any EMG, to a volt, far above.
FULL_SCALE_RANGE = (1e-9, 1.0)


def wav_bytes(waveform: np.ndarray, rate: int) -> bytes:
    """A mono 16-bit WAV file of ``waveform`` (values in [-1, 1]) at ``rate`` Hz."""
    pcm = np.round(np.clip(waveform, -1.0, 1.0) * 32767).astype("<i2")
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as file:
        file.setnchannels(1)
        file.setsampwidth(2)
        file.setframerate(int(rate))
        file.writeframes(pcm.tobytes())
    return buffer.getvalue()


def sound_at_fixed_gain(signal: EmgSignal, full_scale: float) -> tuple[np.ndarray, int]:
    """The EMG as sound with a fixed volume: ``full_scale`` volts (peak) plays at full level,
    so a quiet muscle sounds quiet (``emg_audio`` alone scales every clip to full level)."""
    low, high = FULL_SCALE_RANGE
    if isinstance(full_scale, bool) or not isinstance(full_scale, int | float | np.number):
        raise ValueError(f"full_scale must be a number in [{low:g}, {high:g}]; got {full_scale!r}")
    if not low <= full_scale <= high:  # also refuses NaN
        raise ValueError(f"full_scale must be in [{low:g}, {high:g}]; got {full_scale!r}")
    waveform, rate = emg_audio(signal.voltage, signal.sampling_rate)
    peak = float(np.abs(signal.voltage - signal.voltage.mean()).max())
    return waveform * min(1.0, peak / full_scale), rate
