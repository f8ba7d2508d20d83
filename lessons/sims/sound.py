"""Sound for the lessons' audio players: one way to turn a waveform into a WAV file.

EMG is heard as well as seen (lesson 04 and 05 let students listen to each kind of discharge).
Every player of the course gets its bytes from :func:`wav_bytes`, written with the standard
library's ``wave`` module, so no audio package is needed.
"""

from __future__ import annotations

import io
import wave

import numpy as np


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
