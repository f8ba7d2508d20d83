"""Checks at the boundary of the physiology package.

Students type numbers into sliders and cells; a bad one must stop with a message that names the
parameter, its value and the range allowed, never turn into silent NaN or an empty plot.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from lessons.physiology import _budget

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
    """Return ``value`` as a finite float inside [low, high] (bounds open where asked).

    Text and booleans are refused even though ``float()`` would take them: ``"1.5"`` or
    ``True`` in a numeric argument is a mistake to report, not a number to guess.
    """
    if isinstance(value, str | bytes | bool | np.bool_):
        raise ValueError(f"{name} must be a number; got {_describe(value)}")
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


def finite_array(name: str, values: ArrayLike, bytes_per_element: float = 0.0) -> np.ndarray:
    """A float array with no NaN or infinity (no text, no booleans).

    With ``bytes_per_element`` (every temporary the caller makes per element, summed) the
    array is refused when the call would exceed the memory budget; an array's size is checked
    before it is converted.
    """
    if isinstance(values, np.ndarray) and values.dtype.kind in "fiu":
        # The common case (a model's own arrays, once per slider move): no conversion needed.
        if bytes_per_element:
            _budget.elements(name, values, values.size, bytes_per_element)
        array = values.astype(float, copy=False)
        if not np.isfinite(array).all():
            bad = array[~np.isfinite(array)].ravel()[0]
            raise ValueError(f"{name} must be finite numbers in (-inf, inf); got a value {bad!r}")
        return array
    if isinstance(values, np.ndarray) and bytes_per_element:
        _budget.elements(name, values, values.size, bytes_per_element)
    if is_text_or_bool(values):
        raise ValueError(f"{name} must be numbers; got {_describe(values)}")
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError, OverflowError):
        raise ValueError(f"{name} must be numbers; got {_describe(values)}") from None
    if bytes_per_element:
        _budget.elements(name, values, array.size, bytes_per_element)
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
    bytes_per_element: float = 0.0,
) -> np.ndarray:
    """A finite float array whose every element is inside [low, high] (low open if asked)."""
    array = finite_array(name, values, bytes_per_element)
    too_low = array < low if low_inclusive else array <= low
    outside = too_low | (array > high)
    if np.any(outside):
        bad = array[outside].ravel()[0]
        left = "[" if low_inclusive else "("
        raise ValueError(f"{name} must be in {left}{low:g}, {high:g}]; got a value {bad!r}")
    return array


def sample_count(name: str, duration: float, dt: float, step_name: str = "dt") -> int:
    """Number of samples for ``duration`` at step ``dt``, refused above :data:`MAX_SAMPLES`.

    The ratio is compared before it is rounded, so a step as small as 5e-324 (an infinite
    ratio) is refused by name instead of overflowing.
    """
    ratio = duration / dt
    if not ratio <= MAX_SAMPLES - 1:
        raise ValueError(
            f"{name}={duration!r} s at {step_name}={dt!r} s needs more than {MAX_SAMPLES} "
            f"samples; the allowed range is at most {MAX_SAMPLES} samples "
            f"({name}/{step_name} <= {MAX_SAMPLES - 1})"
        )
    return math.floor(ratio + 1e-9) + 1


def sorted_times(name: str, values: Sequence[float] | ArrayLike) -> np.ndarray:
    """A 1-D array of finite times in seconds, sorted ascending."""
    array = finite_array(name, values)
    if array.ndim > 1:
        raise ValueError(f"{name} must be a 1-D list of times in seconds; got shape {array.shape}")
    return np.sort(array.ravel())


def spike_trains(name: str, values: object) -> list[np.ndarray]:
    """A list of 1-D arrays of finite times (s), one per unit, each sorted ascending.

    At most :data:`MAX_SAMPLES` times in all: every later step keeps a few numbers per time.
    """
    two_d = isinstance(values, np.ndarray) and values.ndim == 2
    if not two_d and (isinstance(values, str | bytes) or not isinstance(values, Sequence)):
        raise ValueError(
            f"{name} must be a list with one array of times per unit; got {_describe(values)}"
        )
    trains = [sorted_times(f"{name}[{index}]", times) for index, times in enumerate(values)]
    total = sum(train.size for train in trains)
    if total > MAX_SAMPLES:
        raise ValueError(
            f"{name} holds {total} times; the allowed range is at most {MAX_SAMPLES} in all"
        )
    return trains


def is_text_or_bool(values: object) -> bool:
    """True for text, booleans, or arrays and lists of them (numbers in disguise).

    Lists are looked at up to their first 1000 items, so a check of a long list stays cheap.
    """
    if isinstance(values, str | bytes | bool | np.bool_):
        return True
    if isinstance(values, np.ndarray):
        return values.dtype.kind in "bUSO" and (
            values.dtype.kind != "O" or any(is_text_or_bool(v) for v in values.ravel()[:1000])
        )
    if isinstance(values, list | tuple):
        return any(is_text_or_bool(v) for v in values[:1000])
    return False


def random_generator(name: str, seed: object) -> np.random.Generator:
    """A numpy Generator for ``seed``, a whole number >= 0 (the same seed gives the same run)."""
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise ValueError(f"{name} must be a whole number >= 0; got {_describe(seed)}")
    return np.random.default_rng(int(seed))
