"""Long traces thinned for the screen without losing a peak: min-max decimation.

A figure a few hundred pixels wide cannot show 50,000 samples, and sending them would make
every slider move slow (the budget is 200 KB per update). Keeping each screen column's lowest
and highest sample, at their own times, draws the same picture at screen resolution: every
spike, ripple and twitch peak stays visible.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike


def min_max_decimate(x: ArrayLike, y: ArrayLike, columns: int) -> tuple[np.ndarray, np.ndarray]:
    """At most ``2 * columns`` points of (x, y): each column's minimum and maximum, in order.

    Traces already that short come back unchanged.
    """
    x_values, y_values = np.asarray(x), np.asarray(y)
    if x_values.shape != y_values.shape or y_values.ndim != 1:
        raise ValueError(
            f"x and y must be 1-D arrays of one shape; got {x_values.shape} and {y_values.shape}"
        )
    if isinstance(columns, bool) or not isinstance(columns, int | np.integer) or columns < 1:
        raise ValueError(f"columns must be a whole number >= 1; got {columns!r}")
    size = y_values.size
    if size <= 2 * columns:
        return x_values, y_values
    per_column = -(-size // columns)
    columns = -(-size // per_column)  # no empty column at the end
    # Pad with the last sample, which can be neither a new minimum nor a new maximum.
    padded = np.pad(y_values, (0, per_column * columns - size), mode="edge")
    blocks = padded.reshape(columns, per_column)
    offsets = np.arange(columns) * per_column
    lowest = blocks.argmin(axis=1) + offsets
    highest = blocks.argmax(axis=1) + offsets
    index = np.minimum(np.sort(np.column_stack([lowest, highest]), axis=1).ravel(), size - 1)
    return x_values[index], y_values[index]
