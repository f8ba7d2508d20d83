"""Lesson 02, section 1: the anatomy of one twitch, its phases shaded."""

from __future__ import annotations

import plotly.graph_objects as go

from lessons.figures.course_figure import CourseFigure
from lessons.figures.theme import COLOURS
from lessons.physiology import stimulator_bench as bench
from lessons.sims.app import SimulationApp
from lessons.sims.stimulator._common import LAYOUT, TITLE, UNIT_COLOURS, toggle, unit_toggle

_RECORD_MS = bench.TWITCH_RECORD * 1000
_ZOOM_WINDOW_MS = 10.0
_CAPTION = (
    "Force of one motor unit after a single stimulus (Fuglevand et al. 1993 twitch, "
    "2 ms latent period), with the latent period, contraction phase and relaxation "
    "phase shaded and the peak marked."
)


def twitch_anatomy(unit: str = "slow", view: str = "whole") -> SimulationApp:
    """One twitch of a slow or fast unit with its latent period, contraction and relaxation
    phases shaded, and a close-up of the first 10 ms where the latent period shows."""
    bench.choice("unit", unit, ("slow", "fast"))
    bench.choice("view", view, ("whole", "zoom"))
    return _AnatomyView(unit, view).app


class _AnatomyView:
    """Unit and view toggles over one figure; the unit redraws the twitch, the view zooms."""

    def __init__(self, unit: str, view: str) -> None:
        self.unit = unit_toggle(unit)
        self.view = toggle("View", [("Whole twitch", "whole"), ("First 10 ms", "zoom")], view)
        self.figure = _anatomy_figure()
        self.force = self.figure.trace("Twitch force")
        self.peak = self.figure.trace("Peak")
        self.app = SimulationApp(
            "Twitch anatomy", {"unit": self.unit, "view": self.view}, self.figure, _CAPTION
        )
        self.unit.observe(self.redraw, names="value")
        self.view.observe(self.change_view, names="value")
        self.redraw()
        self.change_view()

    def redraw(self, _change: object = None) -> None:
        twitch = bench.twitch_anatomy(self.unit.value)
        latent_ms, peak_ms = twitch.latent_period * 1000, twitch.peak_time * 1000
        with self.figure.batch_update():
            self.force.x = twitch.response.time * 1000
            self.force.y = twitch.response.force
            self.peak.x = [peak_ms]
            self.peak.y = [twitch.peak_force]
            self.figure.layout.shapes = _phase_bands(latent_ms, peak_ms, _RECORD_MS)
            self.figure.layout.annotations = _phase_labels(latent_ms, peak_ms)
            self.force.line.color = UNIT_COLOURS[self.unit.value]
        self.app.readout.value = (
            f"Latent period {latent_ms:.0f} ms, then the contraction phase: the force rises "
            f"for {twitch.contraction_time * 1000:.0f} ms (the contraction time) and peaks at "
            f"{peak_ms:.0f} ms after the stimulus. Relaxation: back to half the peak "
            f"at {twitch.half_relaxation * 1000:.0f} ms."
        )

    def change_view(self, _change: object = None) -> None:
        zoom = self.view.value == "zoom"
        with self.figure.batch_update():
            self.figure.layout.xaxis.range = [0, _ZOOM_WINDOW_MS if zoom else _RECORD_MS]
            self.figure.layout.yaxis.range = [0, 0.6 if zoom else 1.1]


def _anatomy_figure() -> CourseFigure:
    return CourseFigure(
        data=[
            go.Scatter(
                x=[0.0],
                y=[0.0],
                name="Stimulus",
                mode="markers",
                marker={"color": COLOURS["stimulus"], "size": 12, "symbol": "triangle-up"},
                cliponaxis=False,
            ),
            go.Scatter(x=[], y=[], name="Twitch force", line={"width": 3}),
            go.Scatter(
                x=[],
                y=[],
                name="Peak",
                mode="markers",
                marker={"color": COLOURS["highlight"], "size": 11, "symbol": "diamond"},
            ),
        ],
        layout={
            **LAYOUT,
            "title": {**TITLE, "text": "Anatomy of one twitch"},
            "xaxis": {"title": {"text": "Time after the stimulus (ms)"}},
            "yaxis": {"title": {"text": "Force (fraction of the twitch's peak)"}},
        },
    )


def _phase_bands(latent_ms: float, peak_ms: float, end_ms: float) -> list[dict]:
    bands = [
        (0.0, latent_ms, COLOURS["stimulus"], 0.12),
        (latent_ms, peak_ms, COLOURS["highlight"], 0.18),
        (peak_ms, end_ms, COLOURS["force"], 0.08),
    ]
    return [
        {
            "type": "rect",
            "xref": "x",
            "yref": "paper",
            "x0": x0,
            "x1": x1,
            "y0": 0,
            "y1": 1,
            "fillcolor": colour,
            "opacity": opacity,
            "line": {"width": 0},
            "layer": "below",
        }
        for x0, x1, colour, opacity in bands
    ]


def _phase_labels(latent_ms: float, peak_ms: float) -> list[dict]:
    labels = [
        (0.0, "latent period", 0.98),
        (latent_ms, "contraction phase", 0.90),
        (peak_ms, "relaxation phase", 0.82),
    ]
    return [
        {
            "x": x,
            "y": y,
            "xref": "x",
            "yref": "paper",
            "text": text,
            "showarrow": False,
            "xanchor": "left",
            "font": {"size": 12},
        }
        for x, text, y in labels
    ]
