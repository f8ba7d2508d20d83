"""Checks at the boundary of the physiology package.

Students type numbers into sliders and cells; a bad one must stop with a message that names the
parameter, its value and the range allowed, never turn into silent NaN or an empty plot.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

#: Largest number of samples one simulated signal may hold (80 MB of float64): a guard against
#: durations or sampling rates that would exhaust the memory of a student laptop or Binder.
MAX_SAMPLES = 10_000_000


def _describe(value: object) -> str:
    return repr(value) if not isinstance(value, np.ndarray) else f"array of shape {value.shape}"


def scalar(
    name: str,
    value: float,
    low: float = -math.inf,
    high: float = math.inf,
    *,
    low_inclusive: bool = True,
    high_inclusive: bool = True,
) -> float:
    """Return ``value`` as a finite float inside [low, high] (bounds open where asked)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number; got {_describe(value)}") from None
    too_low = number < low or (not low_inclusive and number == low)
    too_high = number > high or (not high_inclusive and number == high)
    if not math.isfinite(number) or too_low or too_high:
        left = "[" if low_inclusive else "("
        right = "]" if high_inclusive else ")"
        raise ValueError(f"{name} must be in {left}{low:g}, {high:g}{right}; got {value!r}")
    return number


def positive(name: str, value: float, high: float = math.inf) -> float:
    """A finite number strictly above zero (and at most ``high``)."""
    return scalar(name, value, 0.0, high, low_inclusive=False)


def fraction(name: str, value: float) -> float:
    """A number in [0, 1], e.g. a drive as a fraction of maximal excitation."""
    return scalar(name, value, 0.0, 1.0)


def integer(name: str, value: int, low: int = 1, high: int = 1_000_000) -> int:
    """A whole number in [low, high]."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ValueError(f"{name} must be a whole number in [{low}, {high}]; got {value!r}")
    if not low <= int(value) <= high:
        raise ValueError(f"{name} must be in [{low}, {high}]; got {value!r}")
    return int(value)


def finite_array(name: str, values: ArrayLike) -> np.ndarray:
    """A float array with no NaN or infinity."""
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be numbers; got {_describe(values)}") from None
    if not np.all(np.isfinite(array)):
        bad = array[~np.isfinite(array)].ravel()[0]
        raise ValueError(f"{name} must be finite numbers in (-inf, inf); got a value {bad!r}")
    return array


def array_in_range(
    name: str,
    values: ArrayLike,
    low: float,
    high: float,
    *,
    low_inclusive: bool = True,
) -> np.ndarray:
    """A finite float array whose every element is inside [low, high] (low open if asked)."""
    array = finite_array(name, values)
    too_low = array < low if low_inclusive else array <= low
    outside = too_low | (array > high)
    if np.any(outside):
        bad = array[outside].ravel()[0]
        left = "[" if low_inclusive else "("
        raise ValueError(f"{name} must be in {left}{low:g}, {high:g}]; got a value {bad!r}")
    return array


def sample_count(name: str, duration: float, dt: float) -> int:
    """Number of samples for ``duration`` at step ``dt``, refused above :data:`MAX_SAMPLES`."""
    count = math.floor(duration / dt + 1e-9) + 1
    if count > MAX_SAMPLES:
        raise ValueError(
            f"{name}={duration!r} s at a step of {dt!r} s needs {count} samples; the allowed "
            f"range is at most {MAX_SAMPLES} samples (duration/step <= {MAX_SAMPLES - 1})"
        )
    return count


def sorted_times(name: str, values: Sequence[float] | ArrayLike) -> np.ndarray:
    """A 1-D array of finite times in seconds, sorted ascending."""
    array = finite_array(name, values)
    if array.ndim > 1:
        raise ValueError(f"{name} must be a 1-D list of times in seconds; got shape {array.shape}")
    return np.sort(array.ravel())


def random_generator(name: str, seed: object) -> np.random.Generator:
    """A numpy Generator for ``seed``, a whole number >= 0 (the same seed gives the same run)."""
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise ValueError(f"{name} must be a whole number >= 0; got {_describe(seed)}")
    return np.random.default_rng(int(seed))
