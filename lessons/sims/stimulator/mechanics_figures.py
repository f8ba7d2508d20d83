"""The figures of lesson 02's length-and-speed app: a drawn sarcomere and the two curves."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lessons.figures.course_figure import CourseFigure
from lessons.figures.theme import COLOURS
from lessons.physiology import force_velocity, length_tension, muscle_power
from lessons.physiology import sarcomere as model
from lessons.sims.stimulator._common import LAYOUT, TITLE

MICRO = 1e6  # metres to micrometres, for display
#: Names of the sarcomere's traces, in drawing order (thick filaments below the overlap).
THICK, THIN, Z_DISCS = "Thick filaments (myosin)", "Thin filaments (actin)", "Z discs"
OVERLAP = "Overlap: cross-bridges can form"
SARCOMERE_PARTS = (THICK, THIN, Z_DISCS, OVERLAP)
#: Names of the markers on the curves.
YOUR_LENGTH, YOUR_SPEED, YOUR_POWER = "Your length", "Your speed", "Your power"


def sarcomere_drawing(length: float) -> dict[str, tuple[list, list]]:
    """(x, y) in micrometres of each named part of the sarcomere at ``length`` (m)."""
    half = length / 2 * MICRO
    thick = model.THICK_FILAMENT_LENGTH / 2 * MICRO
    thin = model.THIN_FILAMENT_LENGTH * MICRO
    thick_rows, thin_rows = (-0.5, 0.5), (-1.0, 0.0, 1.0)
    thick_x, thick_y = [], []
    for row in thick_rows:
        thick_x += [-thick, thick, None]
        thick_y += [row, row, None]
    thin_x, thin_y = [], []
    for row in thin_rows:
        # Left and right thin filaments drawn a hair apart so their double overlap shows.
        thin_x += [-half, -half + thin, None, half, half - thin, None]
        thin_y += [row + 0.06, row + 0.06, None, row - 0.06, row - 0.06, None]
    overlap = model.sarcomere_overlap(length)
    start, end = overlap.start * MICRO, overlap.end * MICRO
    over_x, over_y = [], []
    if overlap.fraction > 0:
        for row in thick_rows:
            over_x += [-end, -start, None, start, end, None]
            over_y += [row, row, None, row, row, None]
    return {
        THICK: (thick_x, thick_y),
        THIN: (thin_x, thin_y),
        Z_DISCS: ([-half, -half, None, half, half], [-1.3, 1.3, None, -1.3, 1.3]),
        OVERLAP: (over_x, over_y),
    }


def sarcomere_figure() -> CourseFigure:
    """Empty lines for each part of the sarcomere, filled by :func:`sarcomere_drawing`."""
    lines = [
        (THICK, COLOURS["reference"], 12),
        (THIN, COLOURS["stimulus"], 2),
        (Z_DISCS, COLOURS["stimulus"], 5),
        (OVERLAP, COLOURS["force"], 12),
    ]
    return CourseFigure(
        data=[
            go.Scatter(x=[], y=[], mode="lines", name=name, line={"color": colour, "width": width})
            for name, colour, width in lines
        ],
        layout={
            **LAYOUT,
            "height": 290,
            "title": {**TITLE, "text": "One sarcomere"},
            "xaxis": {"title": {"text": "Position along the sarcomere (µm)"}, "range": [-2.0, 2.0]},
            "yaxis": {"visible": False, "range": [-1.5, 1.5]},
        },
    )


_DIAMOND = {
    "color": COLOURS["highlight"],
    "size": 12,
    "symbol": "diamond",
    "line": {"color": COLOURS["stimulus"], "width": 1},
}


def curves_figure() -> CourseFigure:
    """Length-tension (Gordon et al. 1966) beside force-velocity and power (Hill 1938)."""
    figure = make_subplots(
        rows=1,
        cols=2,
        horizontal_spacing=0.16,
        specs=[[{}, {"secondary_y": True}]],
        subplot_titles=("Length-tension", "Force-velocity and power"),
    )
    _add_length_tension(figure)
    _add_force_velocity(figure)
    _style_curves(figure)
    return CourseFigure(figure)


def _add_length_tension(figure: go.Figure) -> None:
    lengths = np.linspace(1.2e-6, model.MAX_SARCOMERE_LENGTH, 261)
    figure.add_scatter(
        x=lengths * MICRO,
        y=length_tension(lengths) * 100,
        name="Isometric tension",
        line={"color": COLOURS["force"], "width": 3},
        row=1,
        col=1,
    )
    figure.add_scatter(x=[], y=[], mode="markers", marker=_DIAMOND, name=YOUR_LENGTH, row=1, col=1)


def _add_force_velocity(figure: go.Figure) -> None:
    speeds = np.linspace(0.0, 1.0, 201)
    figure.add_scatter(
        x=speeds * 100,
        y=force_velocity(speeds) * 100,
        name="Force",
        line={"color": COLOURS["force"], "width": 3},
        row=1,
        col=2,
    )
    figure.add_scatter(
        x=speeds * 100,
        y=muscle_power(speeds) * 100,
        name="Power (right axis)",
        line={"color": COLOURS["reference"], "width": 3, "dash": "dashdot"},
        row=1,
        col=2,
        secondary_y=True,
    )
    figure.add_scatter(x=[], y=[], mode="markers", marker=_DIAMOND, name=YOUR_SPEED, row=1, col=2)
    figure.add_scatter(
        x=[],
        y=[],
        mode="markers",
        marker={**_DIAMOND, "symbol": "circle"},
        name=YOUR_POWER,
        row=1,
        col=2,
        secondary_y=True,
    )


def _style_curves(figure: go.Figure) -> None:
    figure.update_layout(
        **{**LAYOUT, "height": 480, "margin": {**LAYOUT["margin"], "t": 60, "b": 150}}
    )
    figure.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.32, "x": 0})
    figure.update_xaxes(title_text="Sarcomere length (µm)", range=[1.2, 3.8], row=1, col=1)
    figure.update_yaxes(title_text="Tension (% of maximum)", range=[0, 105], row=1, col=1)
    figure.update_xaxes(
        title_text="Shortening velocity (% of maximum)", range=[0, 100], row=1, col=2
    )
    figure.update_yaxes(
        title_text="Force (% of isometric)", range=[0, 105], row=1, col=2, secondary_y=False
    )
    figure.update_yaxes(
        title_text="Power (% of F0 × vmax)",
        range=[0, 10.5],
        row=1,
        col=2,
        secondary_y=True,
        showgrid=False,
    )
