"""Static clips for the listening test: stored in the notebook, so they play without a kernel."""

from __future__ import annotations

from IPython.display import Audio

from lessons.physiology import emg_audio
from lessons.physiology.signatures import record_signature

#: Length of each mystery clip (s): short enough to store three in the notebook.
MYSTERY_DURATION = 2.5
#: Mystery clips of the listening test: which signature, how many sources, which seed.
MYSTERY_CLIPS = {1: ("cramp", 8, 11), 2: ("fibrillation", 4, 12), 3: ("fasciculation", 1, 14)}


def signature_sound(
    kind: str, sources: int | None = None, duration: float = MYSTERY_DURATION, seed: int = 0
) -> Audio:
    """A short clip of a signature as an ``IPython.display.Audio`` player (8 kHz, scaled to
    full loudness)."""
    recording = record_signature(kind, sources, duration, seed)
    sound, rate = emg_audio(recording.emg.voltage, recording.emg.sampling_rate)
    return Audio(sound, rate=rate, normalize=False)


def mystery_sound(number: int) -> Audio:
    """Clip ``number`` (1-3) of the listening test: one of the three signatures, unnamed."""
    if isinstance(number, bool) or not isinstance(number, int) or number not in MYSTERY_CLIPS:
        raise ValueError(f"number must be one of {list(MYSTERY_CLIPS)}; got {number!r}")
    kind, sources, seed = MYSTERY_CLIPS[number]
    return signature_sound(kind, sources, MYSTERY_DURATION, seed)
