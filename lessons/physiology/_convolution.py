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
