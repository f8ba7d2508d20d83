"""An event of the calf as the screen and the speaker get it.

The model samples the EMG at 10 kHz for 8 s (80,000 samples) and the force every 2 ms (4,001
samples); a figure a few hundred pixels wide shows neither in full, and sending them would make
every update slower to send and to redraw for no visible difference. Each is thinned to the
minimum and maximum of 1000 time columns (``min_max_decimate``), so every spike and twitch
keeps its full height.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lessons.figures.decimate import min_max_decimate
from lessons.physiology.calf import CalfEvent
from lessons.physiology.calf_events import event_sound
from lessons.physiology.emg import EmgSignal
from lessons.sims.sound import wav_bytes

#: The EMG is drawn as the minimum and maximum of this many time columns (a few thousand
#: points instead of 80 000 samples; every spike keeps its full height).
EMG_COLUMNS = 1000
#: The force is drawn the same way, in this many columns (its 4,001 samples would make every
#: update of the figure slower to send and to redraw, for no visible difference).
FORCE_COLUMNS = 1000


def emg_envelope(signal: EmgSignal, columns: int = EMG_COLUMNS) -> tuple[np.ndarray, np.ndarray]:
    """Time (s) and voltage (V) of the minimum and maximum of each of ``columns`` time slices,
    alternating, so a drawn trace keeps every spike's height with few points."""
    return min_max_decimate(signal.time, signal.voltage, columns)


def force_trace(event: CalfEvent, columns: int = FORCE_COLUMNS) -> tuple[np.ndarray, np.ndarray]:
    """Time (s) and force of the minimum and maximum of each of ``columns`` time slices, as
    float32: what the figure draws (every twitch keeps its peak)."""
    time, force = min_max_decimate(event.time, event.force, columns)
    return time.astype(np.float32), force.astype(np.float32)


def event_audio_wav(event: CalfEvent) -> bytes:
    """The needle EMG of ``AUDIO_CLIP`` as a WAV file (each clip scaled to full loudness)."""
    waveform, rate = event_sound(event)
    return wav_bytes(waveform, rate)


@dataclass(frozen=True, eq=False)
class ScreenEvent:
    """What the explorer draws and plays of one event, made once per event, not per redraw."""

    force_time: np.ndarray
    force: np.ndarray
    emg_mv: np.ndarray
    wav: bytes


def screen_event(event: CalfEvent) -> ScreenEvent:
    """The thinned force, the thinned EMG in millivolts and the sound of ``event``."""
    force_time, force = force_trace(event)
    _, envelope = emg_envelope(event.emg)
    return ScreenEvent(force_time, force, 1000.0 * envelope, event_audio_wav(event))
