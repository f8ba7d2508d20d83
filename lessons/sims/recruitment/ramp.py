"""The ramp explorer: a drive ramp from 0 to 100 %, its raster and force, and a time cursor
(:func:`lessons.physiology.drive_ramp.drive_ramp`)."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lessons.figures.course_figure import CourseFigure
from lessons.figures.decimate import min_max_decimate
from lessons.figures.theme import COLOURS
from lessons.physiology.drive_ramp import RAMP_DURATION, RAMP_RASTER_BIN, DriveRamp, drive_ramp
from lessons.physiology.steady_drive import SEED
from lessons.sims.app import SimulationApp, labelled_slider
from lessons.sims.recruitment.raster_traces import colour_bar_only, raster_picture
from lessons.sims.recruitment.readouts import ramp_readout

#: Points kept per plotted force trace after min-max decimation (two per column).
FORCE_COLUMNS = 600
#: Trace names.
DRIVE = "Drive (% of maximal excitation)"
FORCE = "Force (% of maximal)"


def _cursor(time: float) -> dict:
    """The ramp's time cursor: a layout shape across both panels, not a trace.

    plotly.js redraws only the shapes when the whole shape list is replaced; changing a trace,
    or one attribute of a shape such as ``shapes[0].x0``, makes it redraw every trace of the
    figure (about 0.3 s for the raster's 5,000 ticks, against 20 ms; benchmarks/README.md).
    """
    return {
        "type": "line",
        "name": "Cursor",
        "xref": "x",
        "yref": "paper",
        "x0": time,
        "x1": time,
        "y0": 0.0,
        "y1": 1.0,
        "line": {"color": COLOURS["highlight"], "width": 2},
    }


def _force_traces(ramp: DriveRamp) -> list[go.Scatter]:
    force_x, force_y = min_max_decimate(ramp.time, ramp.force_percent, FORCE_COLUMNS)
    return [
        go.Scatter(
            x=[0, ramp.duration],
            y=[0, 100],
            name=DRIVE,
            mode="lines",
            line={"color": COLOURS["reference"], "dash": "dash"},
        ),
        go.Scatter(
            x=force_x.astype(np.float32),
            y=force_y.astype(np.float32),
            name=FORCE,
            line={"color": COLOURS["force"], "width": 1.5},
        ),
    ]


def _ramp_figure(ramp: DriveRamp) -> CourseFigure:
    """Raster of every 5th unit on top; drive and force below; the cursor across both."""
    figure = CourseFigure(
        make_subplots(
            rows=2, cols=1, shared_xaxes=True, row_heights=[0.55, 0.45], vertical_spacing=0.06
        )
    )
    figure.add_trace(raster_picture(ramp.pool, ramp.cells, RAMP_RASTER_BIN), row=1, col=1)
    figure.add_trace(colour_bar_only(ramp.pool), row=1, col=1)
    for trace in _force_traces(ramp):
        figure.add_trace(trace, row=2, col=1)
    figure.update_layout(shapes=[_cursor(0.0)])
    figure.update_layout(
        height=600,
        title={"text": "A slow ramp of drive: recruitment order and force", "y": 0.98},
        legend={"y": 1.0, "yanchor": "bottom"},
        margin={"t": 90},
    )
    figure.update_yaxes(
        title_text="Motor unit (every 5th, and 120)",
        range=[0, ramp.pool.n_units + 1],
        scaleanchor=False,
        row=1,
        col=1,
    )
    figure.update_yaxes(title_text="Percent of maximum (%)", range=[0, 110], row=2, col=1)
    figure.update_xaxes(title_text="Time from the start of the ramp (s)", row=2, col=1)
    # Fixed ranges on both panels: a cursor on an autoranged axis would make plotly.js
    # recompute the whole figure each time it moves, instead of redrawing only the cursor.
    figure.update_xaxes(range=[0, ramp.duration])
    return figure


def ramp_explorer(duration: float = RAMP_DURATION, seed: int = SEED) -> SimulationApp:
    """A drive ramp from 0 to 100 % over ``duration`` seconds, with a time cursor.

    The raster shows units joining in order of threshold; the readout at the cursor gives the
    drive, the number of units recruited and the force, so the student can find when the last
    unit joins and watch the force keep rising after it.
    """
    ramp = drive_ramp(duration, seed)
    figure = _ramp_figure(ramp)
    cursor = labelled_slider("Cursor: time into the ramp (s)", 0.0, 0.0, ramp.duration, 0.05, ".2f")
    app = SimulationApp(
        "Ramp explorer",
        {"time": cursor},
        figure,
        caption=(
            f"Top: discharges of every 5th motor unit (and the last, unit 120) while the drive "
            f"rises steadily from 0 to 100 % in {ramp.duration:g} s, coloured by twitch speed "
            "(green slow, vermillion fast); bottom: the drive (dashed) and the total force; "
            "the orange line is the cursor."
        ),
    )

    def redraw(_change: object = None) -> None:
        time = float(cursor.value)
        figure.layout.shapes = [_cursor(time)]
        app.readout.value = ramp_readout(ramp.at(time))

    cursor.observe(redraw, names="value")
    redraw()
    return app
