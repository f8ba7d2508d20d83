"""The twitch-or-cramp explorer's figure: the calf's cross-section, its force and a needle EMG.

Traces are reached by the names below (``CourseFigure.trace``), never by position.
"""

from __future__ import annotations

import numpy as np
from plotly.subplots import make_subplots

from lessons.figures.course_figure import CourseFigure
from lessons.figures.theme import COLOURS
from lessons.physiology.calf import WINDOW
from lessons.physiology.geometry import CrossSection

RESTING = "Muscle fibres at rest"
CONTRACTING = "Fibres contracting"
FIBRILLATING = "The fibrillating fibre (too small to see)"
FORCE = "Force"
EMG = "Needle EMG"


def _cross_section_traces(figure: CourseFigure, x_cm: np.ndarray, y_cm: np.ndarray) -> None:
    """Every drawn fibre in grey, and the (empty) traces that mark what contracts."""
    figure.add_scattergl(
        x=x_cm,
        y=y_cm,
        mode="markers",
        name=RESTING,
        marker={"color": COLOURS["inactive"], "size": 4},
        hoverinfo="skip",
        row=1,
        col=1,
    )
    figure.add_scattergl(
        x=[], y=[], mode="markers", name=CONTRACTING, marker={"size": 5}, row=1, col=1
    )
    figure.add_scatter(
        x=[],
        y=[],
        mode="markers",
        name=FIBRILLATING,
        marker={
            "color": COLOURS["fibrillation"],
            "size": 16,
            "symbol": "circle-open",
            "line": {"width": 2},
        },
        row=1,
        col=1,
    )


def _time_traces(figure: CourseFigure, force_time: np.ndarray, emg_time: np.ndarray) -> None:
    """The force and the EMG, flat until the first redraw."""
    figure.add_scatter(
        x=force_time, y=np.zeros_like(force_time), name=FORCE, showlegend=False, row=1, col=2
    )
    figure.add_scatter(
        x=emg_time,
        y=np.zeros_like(emg_time),
        name=EMG,
        showlegend=False,
        line={"color": COLOURS["emg"], "width": 1},
        row=2,
        col=2,
    )


def _muscle_labels(figure: CourseFigure, section: CrossSection, x_cm, y_cm) -> None:
    """Each muscle's name above its fibres."""
    for index, name in enumerate(section.muscle_names):
        inside = section.muscle == index
        figure.add_annotation(
            x=float(x_cm[inside].mean()),
            y=float(y_cm[inside].max()) + 0.4,
            text=name,
            showarrow=False,
            font={"size": 11},
            row=1,
            col=1,
        )


def _axes(figure: CourseFigure) -> None:
    figure.update_layout(
        **{
            "height": 580,
            "margin": {"l": 70, "r": 20, "t": 70, "b": 120},
            "legend": {"orientation": "h", "yanchor": "top", "y": -0.18, "x": 0},
        },
    )
    figure.update_xaxes(title_text="Across the calf (cm, schematic)", row=1, col=1)
    figure.update_yaxes(
        title_text="Depth (cm, schematic; skin at the top)", scaleanchor="x", row=1, col=1
    )
    figure.update_xaxes(title_text="Time (s)", range=[0, WINDOW], row=1, col=2)
    figure.update_yaxes(title_text="Force (arbitrary units)", row=1, col=2)
    figure.update_xaxes(title_text="Time (s)", range=[0, WINDOW], row=2, col=2)
    figure.update_yaxes(title_text="Voltage (mV)", row=2, col=2)


def explorer_figure(
    section: CrossSection, force_time: np.ndarray, emg_time: np.ndarray
) -> CourseFigure:
    """The explorer's empty figure: the calf drawn, force and EMG flat on their time axes."""
    figure = CourseFigure(
        make_subplots(
            rows=2,
            cols=2,
            column_widths=[0.42, 0.58],
            specs=[[{"rowspan": 2}, {}], [None, {}]],
            horizontal_spacing=0.12,
            vertical_spacing=0.24,  # room for the top axis title under "Needle EMG"
            subplot_titles=("Calf cross-section", "Force", "Needle EMG"),
        )
    )
    x_cm, y_cm = 100.0 * section.x, 100.0 * section.y
    _cross_section_traces(figure, x_cm, y_cm)
    _time_traces(figure, force_time, emg_time)
    _muscle_labels(figure, section, x_cm, y_cm)
    _axes(figure)
    return figure
