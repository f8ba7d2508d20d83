"""The motor-unit twitch and its force-frequency gain.

Implements the twitch model of Fuglevand, Winter & Patla (1993), J Neurophysiol
70(6):2470-2488: each discharge of a motor unit produces a twitch shaped as the impulse response
of a critically damped second-order system, and twitches add linearly except that, at high
discharge rates, each twitch is scaled by a gain that makes the unit's force saturate along a
sigmoid of the normalised rate. Force is in arbitrary units throughout; times are in seconds.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from lessons.physiology import _budget
from lessons.physiology import _validation as check

#: Normalised rate (contraction time / inter-spike interval) up to which twitches sum linearly
#: (Fuglevand et al. 1993, p. 2474).
LINEAR_SUMMATION_LIMIT = 0.4

#: Default contraction time (time to peak) of the twitch, 50 ms: inside the 30-90 ms range of the
#: default pool of Fuglevand et al. (1993), which follows human hand-muscle twitches.
DEFAULT_CONTRACTION_TIME = 0.05

#: Upper bound accepted for a contraction time (1 s): far slower than any mammalian twitch
#: (human motor units range roughly 20-150 ms), so larger values are typing mistakes.
MAX_CONTRACTION_TIME = 1.0

#: Beyond this many contraction times after a discharge the twitch is below the smallest
#: float (x e^(1-x) underflows near x = 750), so it is exactly zero, not inf * 0 = NaN.
_SILENT_AFTER = 1000.0
#: Memory a batch of rows of :func:`twitch_trains` may use at once: rows are convolved in
#: batches this size so a long record of many units never holds every unit's spectra at once.
_BATCH_BYTES = 32 * 2**20


def twitch_force(
    t: ArrayLike,
    peak_force: float = 1.0,
    contraction_time: float = DEFAULT_CONTRACTION_TIME,
) -> np.ndarray:
    """Force of one twitch at times ``t`` (s) after the discharge: ``P t/T exp(1 - t/T)``.

    The impulse response of a critically damped system (Fuglevand et al. 1993) rises to
    exactly ``peak_force`` at ``t = contraction_time`` and decays after it; before the discharge
    (t < 0) the force is zero. Force is in arbitrary units.
    """
    times = check.finite_array("t", t, bytes_per_element=48)
    peak = check.scalar("peak_force", peak_force, 0.0, 1e12)
    contraction = check.positive("contraction_time", contraction_time, MAX_CONTRACTION_TIME)
    scaled = np.clip(times, 0.0, _SILENT_AFTER * contraction) / contraction
    return peak * scaled * np.exp(1.0 - scaled)


def _sigmoid(normalised_rate: np.ndarray) -> np.ndarray:
    # Fuglevand et al. 1993: S = 1 - exp(-2 (T/ISI)^3). A rate so high that its cube
    # overflows gives exp(-inf) = 0, S = 1: full fusion, as it should.
    with np.errstate(over="ignore"):
        return 1.0 - np.exp(-2.0 * normalised_rate**3)


def force_gain(contraction_time: ArrayLike, isi: ArrayLike) -> np.ndarray:
    """Gain applied to a twitch that follows an inter-spike interval ``isi`` (s).

    With the normalised rate ``x = T/ISI`` and ``S(x) = 1 - exp(-2 x^3)``, the gain is 1 while
    ``x <= 0.4`` (twitches add linearly) and ``(S(x)/x) / (S(0.4)/0.4)`` above, so it is
    continuous at 0.4 (Fuglevand et al. 1993). Multiplied by the number of twitches
    per contraction time this makes the mean force follow the sigmoid ``S``, which saturates as
    the unit reaches fused tetanus. Broadcasts over both arguments.
    """
    shapes = []
    for name, value in (("contraction_time", contraction_time), ("isi", isi)):
        if check.is_text_or_bool(value):
            raise ValueError(f"{name} must be numbers; got {value!r}")
        shapes.append(np.shape(value))
    try:
        shape = np.broadcast_shapes(*shapes)
    except ValueError:
        raise ValueError(
            f"contraction_time and isi must broadcast together; got shapes {shapes}"
        ) from None
    _budget.elements("isi", isi, math.prod(shape), 64)
    contraction = check.array_in_range(
        "contraction_time", contraction_time, 0.0, MAX_CONTRACTION_TIME, low_inclusive=False
    )
    # An infinite interval (a unit's first discharge, with none before it) is allowed: gain 1.
    try:
        interval = np.asarray(isi, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"isi must be numbers; got {isi!r}") from None
    finite_part = np.where(np.isposinf(interval), 1.0, interval)
    check.array_in_range("isi", finite_part, 0.0, np.inf, low_inclusive=False)
    return gain_of_normalised_rate(contraction / interval)


def gain_of_normalised_rate(normalised_rate: np.ndarray) -> np.ndarray:
    """:func:`force_gain` as a function of ``x = T/ISI`` alone (no checks; for inner loops)."""
    limit = LINEAR_SUMMATION_LIMIT
    reference = _sigmoid(np.asarray(limit)) / limit
    # Below the limit x is replaced by the limit so the expression equals 1 there (no division
    # warnings, one vectorised pass).
    above = np.maximum(normalised_rate, limit)
    return (_sigmoid(above) / above) / reference


def twitch_train(
    impulses: np.ndarray, peak_force: float, contraction_time: float, dt: float
) -> np.ndarray:
    """Sum of twitches started by weighted impulses on a grid of step ``dt`` (no checks)."""
    return twitch_trains(
        impulses[np.newaxis], np.asarray([peak_force]), np.asarray([contraction_time]), dt
    )[0]


def twitch_row_bytes(n_samples: int) -> int:
    """Peak bytes :func:`twitch_trains` needs per row it convolves at once (kernel, two
    spectra and their product, the inverse transform, and the masks)."""
    return _budget.fft_convolution_bytes(n_samples, n_samples) + 6 * _budget.FLOAT * n_samples


def twitch_trains_bytes(rows: int, n_samples: int) -> int:
    """Peak working bytes of :func:`twitch_trains` on ``rows`` rows of ``n_samples``, beyond
    its input and output: one batch of rows (a copy of their impulses, kernels, spectra,
    masks) and the step index."""
    per_row = twitch_row_bytes(n_samples) + _budget.FLOAT * n_samples
    batch = min(rows, max(1, _BATCH_BYTES // twitch_row_bytes(n_samples)))
    return batch * per_row + _budget.FLOAT * n_samples


#: The FFT buffers of the last batch shape, kept between calls: a slider moves the same
#: pool again and again, and allocating ~20 MB of fresh pages per call cost more than the
#: transforms (14 ms against 9 ms for the default pool, measured 2026-12-05).
_WORKSPACE: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}


def _workspace(rows: int, size: int, capacity: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Two spectra and an inverse transform for ``rows`` rows of ``size`` samples: views of the
    kept set when it holds that many rows, else a new set of ``capacity`` rows replacing it
    (one set at most, within the batch budget of :data:`_BATCH_BYTES`)."""
    kept = _WORKSPACE.get(size)
    if kept is None or len(kept[0]) < rows:
        _WORKSPACE.clear()
        half, capacity = size // 2 + 1, max(rows, capacity)
        kept = _WORKSPACE[size] = (
            np.empty((capacity, half), dtype=complex),
            np.empty((capacity, half), dtype=complex),
            np.empty((capacity, size)),
        )
    return tuple(buffer[:rows] for buffer in kept)


def _as_slice(rows: np.ndarray) -> slice | np.ndarray:
    """Consecutive row indices as a slice: numpy then views the rows instead of copying them."""
    if rows.size and int(rows[-1]) - int(rows[0]) == rows.size - 1 and np.all(np.diff(rows) == 1):
        return slice(int(rows[0]), int(rows[-1]) + 1)
    return rows


def _first_impulse(chunk: np.ndarray) -> np.ndarray:
    """Column of each row's first non-zero impulse (the row's length if it has none)."""
    nonzero = chunk != 0
    return np.where(nonzero.any(axis=1), nonzero.argmax(axis=1), chunk.shape[1])


def twitch_trains(
    impulses: np.ndarray,
    peak_forces: np.ndarray,
    contraction_times: np.ndarray,
    dt: float,
    out: np.ndarray | None = None,
    rows: np.ndarray | None = None,
) -> np.ndarray:
    """Row ``u``: the twitches of unit ``u`` started by the weighted impulses of row ``u``.

    Each row is convolved with its unit's twitch sampled every dt over the whole record,
    ``P e (dt/T) n exp(-n dt/T)``, so nothing is truncated (numpy's FFT: scipy.signal would
    cost a second of import time in every lesson). Rows go through the FFT in batches of at
    most 32 MB of working memory, so memory grows with the record, not with units x record;
    the batch's FFT buffers are kept for the next call (:func:`_workspace`).
    ``out`` (which may be ``impulses`` itself) receives the force; ``rows`` limits the work to
    those row indices (the other rows of ``out`` are left as they are).
    """
    n_rows, n_samples = impulses.shape
    force = np.zeros_like(impulses, dtype=float) if out is None else out
    chosen = np.arange(n_rows) if rows is None else np.asarray(rows, dtype=np.intp)
    if chosen.size == 0 or n_samples == 0:
        return force
    steps = np.arange(n_samples)
    size = 1 << int(np.ceil(np.log2(2 * n_samples - 1)))
    batch = max(1, _BATCH_BYTES // twitch_row_bytes(n_samples))
    for start in range(0, chosen.size, batch):
        block = _as_slice(chosen[start : start + batch])
        chunk = impulses[block]
        # Each row's first impulse, read before ``out`` (which may be ``impulses``) is written.
        first = _first_impulse(chunk)
        scale = (dt / contraction_times[block])[:, np.newaxis]
        kernels = peak_forces[block, np.newaxis] * np.e * scale * steps * np.exp(-scale * steps)
        # Room for every row of the input (up to a batch): fewer active rows reuse the set.
        capacity = min(batch, n_rows)
        spectrum, kernel_spectrum, inverse = _workspace(len(kernels), size, capacity)
        np.fft.rfft(chunk, size, axis=1, out=spectrum)
        np.fft.rfft(kernels, size, axis=1, out=kernel_spectrum)
        del kernels
        spectrum *= kernel_spectrum
        summed = np.fft.irfft(spectrum, size, axis=1, out=inverse)[:, :n_samples]
        # No force before a unit's first impulse, and no negative force from FFT round-off.
        np.maximum(summed, 0.0, out=summed)
        summed[steps < first[:, np.newaxis]] = 0.0
        force[block] = summed
    return force
