"""The FFT buffers that twitch_trains keeps between calls: reused, bounded, never shared.

A slider moves the same pool again and again; allocating fresh pages for the spectra on every
call cost more than the transforms (the default pool, 2 s at 1 kHz: 14 ms against 8 ms).
Keeping the buffers must not change a result, let one call's force change after the next
call, or hold more than one batch's worth of memory.
"""

from __future__ import annotations

import numpy as np

from lessons.physiology import MotorUnitPool, twitch
from lessons.physiology.twitch import twitch_trains


def _impulses(rows: int, samples: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return (rng.random((rows, samples)) < 0.02) * rng.uniform(0.5, 2.0, (rows, samples))


def _direct(impulses, peaks, contraction_times, dt) -> np.ndarray:
    """The same convolution written out without the buffers, row by row."""
    n = impulses.shape[1]
    steps = np.arange(n)
    out = np.zeros_like(impulses)
    for row, (peak, contraction) in enumerate(zip(peaks, contraction_times, strict=True)):
        kernel = peak * np.e * (dt / contraction) * steps * np.exp(-(dt / contraction) * steps)
        out[row] = np.convolve(impulses[row], kernel)[:n]
        first = np.flatnonzero(impulses[row])
        out[row, : first[0] if first.size else n] = 0.0
    return np.maximum(out, 0.0)


def test_results_match_a_direct_convolution_and_survive_the_next_call():
    peaks, times = np.linspace(1.0, 50.0, 12), np.linspace(0.03, 0.09, 12)
    first_input = _impulses(12, 800, seed=1)
    first = twitch_trains(first_input, peaks, times, 0.001)
    kept = first.copy()
    second = twitch_trains(_impulses(12, 800, seed=2), peaks, times, 0.001)
    np.testing.assert_array_equal(first, kept)  # the second call did not write into the first
    assert not np.shares_memory(first, second)
    np.testing.assert_allclose(first, _direct(first_input, peaks, times, 0.001), atol=1e-9)


def test_one_set_of_buffers_is_kept_and_reused_for_the_same_shape():
    pool = MotorUnitPool()
    pool.simulate(1.0, 2.0, dt=0.001, seed=0)
    (key, buffers), *others = twitch._WORKSPACE.items()
    assert not others
    pool.simulate(0.5, 2.0, dt=0.001, seed=1)  # fewer units active: views of the same set
    assert list(twitch._WORKSPACE) == [key]
    assert all(a is b for a, b in zip(twitch._WORKSPACE[key], buffers, strict=True))
    assert len(buffers[0]) == pool.n_units
    held = sum(buffer.nbytes for buffer in buffers)
    assert held <= twitch._BATCH_BYTES


def test_a_new_shape_replaces_the_buffers_instead_of_adding_to_them():
    twitch_trains(_impulses(5, 300, seed=3), np.ones(5), np.full(5, 0.05), 0.001)
    twitch_trains(_impulses(7, 4000, seed=4), np.ones(7), np.full(7, 0.05), 0.001)
    assert len(twitch._WORKSPACE) == 1
