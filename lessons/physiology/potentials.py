"""The three action potentials lesson 04 compares: needle MUAP, surface MUAP, fibre potential.

Their shapes come from ``lessons.physiology.emg`` (triphasic 10 ms needle MUAP, smooth 15 ms
surface MUAP, biphasic 2 ms fibrillation potential); here they are sampled finely enough to
draw smoothly, and each can be expressed relative to its own size to compare shapes.
"""

from __future__ import annotations

import numpy as np

from lessons.physiology.emg import (
    Waveform,
    fibre_potential,
    motor_unit_potential,
    surface_potential,
)

#: Sampling rate for drawing single action potentials smoothly (Hz): 80 samples across the
#: 2 ms fibre potential, the briefest of the three (Davalos & Kushlaf 2023).
WAVEFORM_RATE = 40_000.0
#: The potentials, by key.
POTENTIALS = ("needle", "surface", "fibre")


def potential_kind(kind: object) -> str:
    """``kind`` if it names one of :data:`POTENTIALS`; otherwise a ValueError listing them."""
    if kind not in POTENTIALS:
        raise ValueError(f"kind must be one of {list(POTENTIALS)}; got {kind!r}")
    return str(kind)


def potential_waveforms() -> dict[str, Waveform]:
    """The model's needle MUAP, surface MUAP and fibrillation potential, finely sampled."""
    return {
        "needle": motor_unit_potential(WAVEFORM_RATE),
        "surface": surface_potential(WAVEFORM_RATE),
        "fibre": fibre_potential(WAVEFORM_RATE),
    }


def relative_voltage(waveform: Waveform) -> np.ndarray:
    """The waveform's voltage in percent of its own peak-to-peak, so shapes of very different
    sizes can be compared on one axis (each then spans exactly 100)."""
    return 100.0 * waveform.voltage / waveform.peak_to_peak
