"""EMG traces for the lab's figures: thinned for the screen, drawn as lines, updated by name."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lessons.figures.course_figure import CourseFigure
from lessons.figures.decimate import min_max_decimate
from lessons.figures.theme import COLOURS
from lessons.physiology.emg import EmgSignal

#: Screen columns of a decimated trace (two points each): about one per pixel of a figure.
SIDE_BY_SIDE_COLUMNS = 500
FULL_WIDTH_COLUMNS = 750


def min_max_trace(signal: EmgSignal, window: float, columns: int) -> tuple[np.ndarray, np.ndarray]:
    """Time (s) and voltage (mV) of the first ``window`` seconds in ``columns`` screen columns,
    each drawn as its minimum and maximum, so every spike stays visible with few points."""
    if isinstance(columns, bool) or not isinstance(columns, int | np.integer) or columns < 1:
        raise ValueError(f"columns must be a whole number >= 1; got {columns!r}")
    if not 0.0 <= window <= 3600.0:  # also refuses NaN
        raise ValueError(f"window must be in [0, 3600] s; got {window!r}")
    samples = round(window * signal.sampling_rate)
    used = max(1, samples // columns) * columns
    if used > len(signal.voltage):
        raise ValueError(
            f"window must be at most the record's length ({len(signal.voltage)} samples at "
            f"{signal.sampling_rate:g} Hz); got {window!r} s"
        )
    return min_max_decimate(signal.time[:used], signal.voltage[:used] * 1e3, columns)


def emg_line(name: str, time: np.ndarray) -> go.Scatter:
    """A flat EMG trace called ``name`` on the fixed time columns; updates send only ``y``."""
    return go.Scatter(
        x=time, y=np.zeros_like(time), mode="lines", name=name, line={"color": COLOURS["emg"]}
    )


def stacked_figure(
    titles: Sequence[str], row_heights: Sequence[float], spacing: float
) -> CourseFigure:
    """Panels stacked on one shared time axis, one per title (discharges over EMG)."""
    base = make_subplots(
        rows=len(titles),
        cols=1,
        shared_xaxes=True,
        vertical_spacing=spacing,
        row_heights=list(row_heights),
        subplot_titles=tuple(titles),
    )
    return CourseFigure(base)


def symmetric_range(peak: float, floor: float) -> list[float]:
    """A symmetric axis range that fits ``peak`` (the largest size, either sign) with a margin,
    never narrower than ``floor`` on each side."""
    half = max(floor, 1.1 * peak)
    return [-half, half]


class NamedTraces:
    """A figure's traces by name, looked up once and kept: finding a trace by name reads every
    trace's name through plotly's property machinery (about 30 µs a figure), too slow to repeat
    on every move of a slider."""

    def __init__(self, figure: CourseFigure) -> None:
        self.figure = figure
        self._by_name = {trace.name: figure.trace(trace.name) for trace in figure.data}

    def __getitem__(self, name: str) -> Any:
        """The trace called ``name``; an unknown name raises ``KeyError`` listing the names."""
        found = self._by_name.get(name)
        return self.figure.trace(name) if found is None else found

    def update(self, changes: dict[str, dict], layout: dict | None = None) -> None:
        """Change several traces (``{name: properties}``) and the layout in one message, so
        the page redraws the figure once (``CourseFigure`` keeps the properties a trace does
        not change as they are)."""
        with self.figure.batch_update():
            for name, properties in changes.items():
                self[name].update(**properties)
            if layout:
                self.figure.layout.update(layout)


def update_traces(
    figure: CourseFigure, changes: dict[str, dict], layout: dict | None = None
) -> None:
    """One update of traces by name and of the layout, in one message (for a figure whose
    traces are not kept: views keep a :class:`NamedTraces`)."""
    NamedTraces(figure).update(changes, layout)
