"""The size-and-duration figure: peak force against duration, and fibres involved (log axes).

Traces are reached by name: ``OTHER_UNITS``, one point per event named by ``EVENT_LABELS``,
and ``FIBRES`` (the bars).
"""

from __future__ import annotations

import numpy as np
from plotly.subplots import make_subplots

from lessons.figures.course_figure import CourseFigure
from lessons.figures.theme import COLOURS
from lessons.physiology.calf import EVENTS
from lessons.sims.calf.text import EVENT_LABELS

OTHER_UNITS = "Other units of the gastrocnemius medialis"
FIBRES = "Fibres"


def _traces(figure: CourseFigure, unit_duration: np.ndarray, unit_peak: np.ndarray) -> None:
    """The units that could fasciculate, one point per event and the fibre bars."""
    figure.add_scatter(
        x=unit_duration,
        y=unit_peak,
        mode="markers",
        name=OTHER_UNITS,
        marker={"color": COLOURS["reference"], "size": 6, "opacity": 0.5},
        row=1,
        col=1,
    )
    for kind in EVENTS:
        figure.add_scatter(
            x=[1.0],
            y=[1.0],
            mode="markers",
            name=EVENT_LABELS[kind],
            marker={"color": COLOURS[kind], "size": 16, "line": {"width": 1, "color": "black"}},
            row=1,
            col=1,
        )
    figure.add_bar(
        x=[EVENT_LABELS[kind] for kind in EVENTS],
        y=[1.0, 1.0, 1.0],
        marker={"color": [COLOURS[kind] for kind in EVENTS]},
        showlegend=False,
        name=FIBRES,
        row=1,
        col=2,
    )


def _axes(figure: CourseFigure) -> None:
    figure.update_layout(
        **{
            "height": 480,
            "margin": {"l": 80, "r": 20, "t": 60, "b": 130},
            "legend": {"orientation": "h", "yanchor": "top", "y": -0.26, "x": 0},
        },
    )
    figure.update_xaxes(
        type="log", range=[-1.5, 1.3], title_text="Force above half its peak (s)", row=1, col=1
    )
    figure.update_yaxes(
        type="log", range=[-3.5, 4.0], title_text="Peak force (arbitrary units)", row=1, col=1
    )
    figure.update_yaxes(type="log", range=[-0.3, 6.0], title_text="Fibres (count)", row=1, col=2)
    figure.update_xaxes(title_text="Event", row=1, col=2)


def sizes_figure(unit_duration: np.ndarray, unit_peak: np.ndarray) -> CourseFigure:
    """The figure with the other units drawn and the events' points and bars at 1."""
    figure = CourseFigure(
        make_subplots(
            rows=1,
            cols=2,
            column_widths=[0.62, 0.38],
            horizontal_spacing=0.14,
            subplot_titles=("Size against duration", "Muscle fibres involved"),
        )
    )
    _traces(figure, unit_duration, unit_peak)
    _axes(figure)
    return figure
