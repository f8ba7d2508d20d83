"""Lesson 08's recording-window app: why an examiner watches each muscle for a long time.

The model is ``lessons.physiology.recording_window``: one unit firing at random at a mean
rate, a window the student sets, the discharges that fell inside it, the closed-form chance
``1 - exp(-rate * T)`` of catching at least one, and 1,000 simulated windows beside it.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from plotly.subplots import make_subplots

from lessons.figures.course_figure import CourseFigure
from lessons.figures.theme import COLOURS, PALETTE
from lessons.physiology.recording_window import (
    MAX_RATE_PER_MIN,
    NEAR_CERTAIN,
    catch_probability,
    simulate_catches,
    watch_window,
    window_for_probability,
)
from lessons.sims.app import SimulationApp, labelled_slider

#: Longest window the slider offers, 2 minutes (Mills 2011 found up to 90 s may be needed).
LONGEST_WINDOW = 120.0
TRIALS = 1000
DISCHARGES = "Discharges in this window"
WINDOW = "The recording window"
CURVE = "Chance of catching at least one (closed form)"
CHOSEN = "Your window"
SIMULATED = "Share of 1,000 simulated windows that caught one"
CURVE_WINDOWS = np.linspace(0.0, LONGEST_WINDOW, 241)

CAPTION = (
    "Top: one recording window of the length you chose, with a tick for each discharge of a "
    "unit that fires at random at the rate you set. Bottom: the chance that a window of each "
    "length catches at least one discharge, 1 - exp(-rate x window), with your window marked "
    "and the share of 1,000 simulated windows that did catch one. The model is illustrative: "
    "real units do not fire exactly at random. Model: lessons.physiology.recording_window."
)


def _figure() -> CourseFigure:
    figure = CourseFigure(
        make_subplots(
            rows=2,
            cols=1,
            row_heights=[0.3, 0.7],
            vertical_spacing=0.3,
            subplot_titles=("What the needle saw", "Chance of catching at least one discharge"),
        )
    )
    figure.add_scatter(
        x=[0, 1, 1, 0, 0],
        y=[0, 0, 1, 1, 0],
        fill="toself",
        mode="lines",
        name=WINDOW,
        line={"color": COLOURS["reference"]},
        fillcolor="rgba(127,127,127,0.12)",
        row=1,
        col=1,
    )
    figure.add_scatter(
        x=[],
        y=[],
        mode="markers",
        name=DISCHARGES,
        marker={
            "symbol": "line-ns-open",
            "size": 26,
            "color": COLOURS["fasciculation"],
            "line": {"width": 3},
        },
        row=1,
        col=1,
    )
    _chance_traces(figure)
    _axes(figure)
    return figure


def _chance_traces(figure: CourseFigure) -> None:
    """The bottom panel: the closed-form curve, the chosen window and the simulation."""
    figure.add_scatter(
        x=CURVE_WINDOWS,
        y=CURVE_WINDOWS * 0,
        mode="lines",
        name=CURVE,
        line={"color": COLOURS["force"]},
        row=2,
        col=1,
    )
    markers = {
        CHOSEN: {"size": 14, "color": PALETTE["black"]},
        SIMULATED: {"symbol": "x", "size": 12, "color": PALETTE["vermillion"]},
    }
    for name, marker in markers.items():
        figure.add_scatter(x=[0], y=[0], mode="markers", name=name, marker=marker, row=2, col=1)


def _axes(figure: CourseFigure) -> None:
    figure.update_layout(
        height=620, legend={"y": -0.18, "yanchor": "top"}, margin={"t": 80, "b": 140}
    )
    figure.update_xaxes(
        title_text="Time in the window (s)", range=[0, LONGEST_WINDOW], row=1, col=1
    )
    figure.update_yaxes(visible=False, range=[-0.2, 1.2], row=1, col=1)
    figure.update_xaxes(title_text="Window length (s)", range=[0, LONGEST_WINDOW], row=2, col=1)
    figure.update_yaxes(title_text="Chance (%)", range=[0, 105], row=2, col=1)


def describe(rate: float, window: float, caught: bool, first: float, simulated: float) -> str:
    """The readout: the chance, the simulation beside it, and the window needed for 99 %."""
    chance = float(catch_probability(rate, window))
    seen = f"caught its first discharge at {first:.1f} s" if caught else "stayed silent"
    if rate > 0:
        needed = window_for_probability(rate, NEAR_CERTAIN)
        need = f"To be {NEAR_CERTAIN:.0%} sure of catching one, watch for about {needed:.0f} s."
    else:
        need = "A unit that never fires is never caught, however long you watch."
    return (
        f"<p>A unit firing at random <strong>{rate:g} times a minute</strong>, watched for "
        f"<strong>{window:g} s</strong>: the chance of catching at least one discharge is "
        f"<strong>{chance:.0%}</strong> (1 - exp(-{rate:g}/60 x {window:g})). Of {TRIALS:,} "
        f"simulated windows, {simulated:.0%} caught one. This window {seen}.</p><p>{need}</p>"
    )


class RecordingWindow:
    """The recording-window app and its redraw."""

    def __init__(self, rate_per_min: float = 3.0, window_s: float = 10.0) -> None:
        watch_window(rate_per_min, window_s)  # refuses bad values with a message
        self.seed = 0
        self.controls = {
            "rate": labelled_slider(
                "Fasciculation rate at the needle (per minute)",
                rate_per_min,
                0.0,
                min(30.0, MAX_RATE_PER_MIN),
                0.5,
                ".1f",
            ),
            "window": labelled_slider("Recording window (s)", window_s, 1.0, LONGEST_WINDOW, 1.0),
            "again": widgets.Button(description="Watch another window"),
        }
        self.figure = _figure()
        self.traces = {
            name: self.figure.trace(name) for name in (WINDOW, DISCHARGES, CURVE, CHOSEN, SIMULATED)
        }
        self.app = SimulationApp("Catching a fasciculation", self.controls, self.figure, CAPTION)
        self.controls["rate"].observe(self.redraw, names="value")
        self.controls["window"].observe(self.redraw, names="value")
        self.controls["again"].on_click(self.watch_again)
        self.redraw()

    def watch_again(self, _button: object = None) -> None:
        """Another window of the same length and rate (a new random run)."""
        self.seed += 1
        self.redraw()

    def redraw(self, _change: object = None) -> None:
        """Draw this window's discharges and move the chance curve and markers."""
        rate, window = self.controls["rate"].value, self.controls["window"].value
        record = watch_window(rate, window, seed=self.seed)
        estimate = simulate_catches(rate, window, TRIALS, seed=self.seed)
        traces = self.traces
        with self.figure.batch_update():
            traces[WINDOW].x = [0, window, window, 0, 0]
            traces[DISCHARGES].x = record.times.tolist()
            traces[DISCHARGES].y = [0.5] * record.times.size
            traces[CURVE].y = (100 * catch_probability(rate, CURVE_WINDOWS)).tolist()
            traces[CHOSEN].x, traces[CHOSEN].y = [window], [100 * record.probability]
            traces[SIMULATED].x, traces[SIMULATED].y = [window], [100 * estimate.estimate]
        self.app.readout.value = describe(
            rate, window, record.caught, record.first_discharge, estimate.estimate
        )
