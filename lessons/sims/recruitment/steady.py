"""The recruitment explorer: a drive slider over the default 120-unit pool, showing the
raster, the force and each unit's rate (:class:`lessons.physiology.steady_drive.SteadyDrive`)."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lessons.figures.course_figure import CourseFigure
from lessons.figures.theme import COLOURS
from lessons.physiology import _validation as check
from lessons.physiology.raster import RASTER_BIN_MS
from lessons.physiology.steady_drive import SEED, WINDOW, SteadyDrive
from lessons.sims.app import SimulationApp, labelled_slider
from lessons.sims.recruitment.raster_traces import (
    RASTER,
    colour_bar_only,
    raster_picture,
    raster_picture_source,
    unit_colour_scale,
)
from lessons.sims.recruitment.readouts import steady_readout

#: Trace names.
FORCE = "Total force"
PEAK_RATE = "Highest rate the unit can reach"
SILENT = "Not recruited (silent)"
FIRING = "Firing"
CAPTION = (
    "Top: one tick for each discharge of each of the 120 motor units in one second, "
    "units ordered by recruitment threshold and coloured by twitch speed (green slow, "
    "vermillion fast), with the total force below; bottom: each unit's firing rate "
    "(Fuglevand et al. 1993 pool)."
)


def _activity_figure(model: SteadyDrive) -> CourseFigure:
    """Raster on top, total force below, sharing the time axis (ms)."""
    figure = CourseFigure(
        make_subplots(
            rows=2, cols=1, shared_xaxes=True, row_heights=[0.68, 0.32], vertical_spacing=0.06
        )
    )
    pool = model.pool
    figure.add_trace(raster_picture(pool, model.blank_cells(), RASTER_BIN_MS), row=1, col=1)
    figure.add_trace(
        go.Scatter(
            x=model.window_ms,
            y=np.zeros_like(model.window_ms),
            name=FORCE,
            line={"color": COLOURS["force"], "width": 2},
        ),
        row=2,
        col=1,
    )
    figure.add_trace(colour_bar_only(pool), row=1, col=1)
    figure.update_layout(
        height=560,
        title={"text": "Which units fire, and the force they make together"},
        showlegend=False,
    )
    figure.update_yaxes(
        title_text="Motor unit (1 = lowest threshold)",
        range=[0, pool.n_units + 1],
        scaleanchor=False,  # an image would otherwise force square pixels
        row=1,
        col=1,
    )
    figure.update_yaxes(title_text="Force (% of maximal)", range=[0, 115], row=2, col=1)
    figure.update_xaxes(title_text="Time (ms)", range=[0, WINDOW * 1000], row=2, col=1)
    return figure


def _rate_figure(model: SteadyDrive) -> CourseFigure:
    """Each unit's rate against its number: silent units at 0, firing ones coloured."""
    return CourseFigure(
        data=[
            go.Scatter(
                x=model.unit_numbers,
                y=model.pool.peak_rates,
                name=PEAK_RATE,
                line={"color": COLOURS["reference"], "dash": "dash"},
            ),
            go.Scatter(
                x=[],
                y=[],
                name=SILENT,
                mode="markers",
                marker={"color": COLOURS["inactive"], "size": 6},
            ),
            go.Scatter(
                x=[],
                y=[],
                name=FIRING,
                mode="markers",
                marker={
                    "size": 7,
                    "color": [],
                    "colorscale": unit_colour_scale(),
                    "cmin": float(model.contraction_ms.min()),
                    "cmax": float(model.contraction_ms.max()),
                },
            ),
        ],
        layout={
            "height": 330,
            "title": {"text": "Firing rate of every unit", "y": 0.97},
            "margin": {"t": 80},
            "xaxis": {
                "title": {"text": "Motor unit (in recruitment order)"},
                "range": [0, model.pool.n_units + 1],
            },
            "yaxis": {"title": {"text": "Firing rate (Hz)"}, "range": [-1, 40]},
        },
    )


class _SteadyView:
    """Draws the model's state at the slider's drive; each drive's picture is drawn once."""

    def __init__(self, app: SimulationApp, model: SteadyDrive) -> None:
        self.app, self.model = app, model
        activity, rates = app.figures
        self.activity, self.rates = activity, rates
        self.raster, self.force = activity.trace(RASTER), activity.trace(FORCE)
        self.silent, self.firing = rates.trace(SILENT), rates.trace(FIRING)
        self.pictures: dict[int, str] = {}
        app.controls["drive"].observe(self.redraw, names="value")

    def picture(self, percent: int) -> str:
        if percent not in self.pictures:
            cells = self.model.at(percent).cells
            self.pictures[percent] = raster_picture_source(self.model.pool, cells)
        return self.pictures[percent]

    def redraw(self, _change: object = None) -> None:
        percent = round(self.app.controls["drive"].value)
        state = self.model.at(percent)
        with self.activity.batch_update():
            self.raster.source = self.picture(percent)
            self.force.y = state.force_percent
        with self.rates.batch_update():
            self.silent.x, self.silent.y = state.silent_units, state.silent_rates
            self.firing.x, self.firing.y = state.firing_units, state.firing_rates
            self.firing.marker.color = state.firing_contraction_ms
        self.app.readout.value = steady_readout(state)


def recruitment_explorer(drive: float = 0.2, seed: int = SEED) -> SimulationApp:
    """A drive slider over the default 120-unit pool: raster, force and each unit's rate.

    Raising the drive recruits units in order of threshold (small, slow units first) and
    makes every recruited unit fire faster (Fuglevand et al. 1993); the force rises with both.
    """
    start_drive = check.fraction("drive", drive)
    model = SteadyDrive(seed)
    slider = labelled_slider("Drive (% of maximal excitation)", start_drive * 100, 0, 100, 1)
    app = SimulationApp(
        "Recruitment explorer",
        {"drive": slider},
        [_activity_figure(model), _rate_figure(model)],
        caption=CAPTION,
    )
    _SteadyView(app, model).redraw()
    return app
