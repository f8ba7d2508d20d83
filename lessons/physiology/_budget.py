"""How much memory one call of the physiology package may take, checked before it allocates.

A student's server on a course JupyterHub gets 1 GB (docs/deploying.md), shared by the server
and two or three lesson kernels. One model call must therefore never take more than a quarter
of it, whatever numbers a student types: every public function estimates the peak memory of
its arrays from its arguments first, and refuses a call above :data:`MEMORY_BUDGET` with a
ValueError that names the parameter to change. The estimates are upper bounds (they count
every large temporary, as tracemalloc sees them); tests hold the largest accepted call of each
function under the budget.
"""

from __future__ import annotations

import math

import numpy as np

#: Most memory (bytes) one call of a public physiology function may allocate: 256 MB.
MEMORY_BUDGET = 256 * 2**20

#: Bytes of one float64 value.
FLOAT = 8


def _describe(value: object) -> str:
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def require(name: str, value: object, nbytes: float, advice: str = "") -> None:
    """Refuse a call whose estimated peak memory ``nbytes`` is above :data:`MEMORY_BUDGET`.

    ``name`` is the parameter that makes the call big (the one a student should change) and
    ``value`` its value; ``advice`` says how to bring the call back inside the budget.
    """
    if not nbytes <= MEMORY_BUDGET:  # also refuses NaN
        hint = f" ({advice})" if advice else ""
        raise ValueError(
            f"{name}={_describe(value)} would need about {nbytes / 2**20:,.0f} MB of memory; "
            f"the allowed range is at most {MEMORY_BUDGET // 2**20} MB per call{hint}"
        )


def elements(name: str, value: object, count: float, bytes_per_element: float) -> None:
    """:func:`require` for ``count`` elements of ``bytes_per_element`` bytes each (all the
    temporaries one element needs, summed)."""
    require(name, value, count * bytes_per_element, "fewer values")


def fft_length(n_values: int) -> int:
    """Length of the power-of-two FFT that convolves ``n_values`` values without wrap-around
    (what :mod:`lessons.physiology._convolution` and ``twitch_trains`` use)."""
    return 1 << max(0, math.ceil(math.log2(max(n_values, 1))))


def fft_convolution_bytes(signal_length: int, kernel_length: int) -> int:
    """Peak bytes of one FFT convolution: two spectra, their product and the inverse, each of
    about ``size`` floats, plus the padded input."""
    size = fft_length(signal_length + kernel_length - 1)
    return 5 * FLOAT * size
