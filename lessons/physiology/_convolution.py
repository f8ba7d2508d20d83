"""Spike trains to weighted impulses on a sample grid (the input of every force and EMG sum).

A slider callback recomputes these, so no Python loop runs over samples.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def impulse_matrix(
    spike_times: Sequence[np.ndarray],
    weights: Sequence[np.ndarray] | None,
    n_samples: int,
    dt: float,
) -> np.ndarray:
    """One row per train: each spike adds its weight at the nearest sample (spikes off the grid
    are dropped)."""
    impulses = np.zeros((len(spike_times), n_samples))
    if not spike_times:
        return impulses
    rows = np.concatenate(
        [np.full(len(times), row, dtype=np.intp) for row, times in enumerate(spike_times)]
    )
    columns = np.rint(np.concatenate([np.asarray(t, dtype=float) for t in spike_times]) / dt)
    if weights is None:
        values = np.ones(len(columns))
    else:
        values = np.concatenate([np.asarray(w, dtype=float) for w in weights])
    inside = (columns >= 0) & (columns < n_samples)
    np.add.at(impulses, (rows[inside], columns[inside].astype(np.intp)), values[inside])
    return impulses


def fft_convolve(signal: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """Full linear convolution of two 1-D arrays by FFT (length ``len(signal)+len(kernel)-1``).

    numpy's FFT instead of scipy.signal: importing scipy.signal costs about a second of CPU
    in every lesson's kernel, for three lines of arithmetic.
    """
    length = signal.size + kernel.size - 1
    size = 1 << max(0, int(np.ceil(np.log2(length))))
    spectrum = np.fft.rfft(signal, size) * np.fft.rfft(kernel, size)
    return np.fft.irfft(spectrum, size)[:length]


def upsample(signal: np.ndarray, factor: int) -> np.ndarray:
    """``signal`` at ``factor`` times its sampling rate, by band-limited (FFT) interpolation."""
    return np.fft.irfft(np.fft.rfft(signal), signal.size * factor) * factor
