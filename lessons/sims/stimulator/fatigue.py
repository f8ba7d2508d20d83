"""Lesson 02, section 4: fatigue under a sustained train, and which units lose force first."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from lessons.figures.course_figure import CourseFigure
from lessons.figures.theme import COLOURS
from lessons.physiology import _validation as check
from lessons.physiology import fatigue_protocol as protocol
from lessons.sims.app import SimulationApp, labelled_slider
from lessons.sims.stimulator._common import LAYOUT, TITLE, percent

_REFERENCE = f"{protocol.FATIGUE_REFERENCE_FREQUENCY:.0f} Hz, for comparison"
#: The train's trace is renamed after its frequency ("30 Hz"), so the view keeps a handle.
_YOUR_TRAIN, _LOOK, _UNITS = "Your train", "Time you look at", "One motor unit"
_CAPTION = (
    "Top: force of the whole default pool (120 units) stimulated at one frequency "
    "for 3 minutes (Potvin & Fuglevand 2017 fatigue model, no recovery), with a "
    "10 Hz train dashed. Bottom: each unit's remaining force capacity at the time "
    "you look at, from fast units (left, vermillion) to slow ones (right, green)."
)


def fatigue_experiment(frequency: float = 30.0, time: float = 60.0) -> SimulationApp:
    """Stimulate every unit of the default pool at ``frequency`` (Hz) for 3 minutes; see the
    muscle's force fall, and which units have lost their force by ``time`` (s)."""
    check.scalar(
        "frequency", frequency, protocol.MIN_FATIGUE_FREQUENCY, protocol.MAX_FATIGUE_FREQUENCY
    )
    check.scalar("time", time, 0.0, protocol.FATIGUE_DURATION)
    return _FatigueView(frequency, time).app


class _FatigueView:
    """A frequency slider redraws the force course; a time slider reads it at one moment."""

    def __init__(self, frequency: float, time: float) -> None:
        self.frequency = labelled_slider(
            "Train frequency (Hz)",
            frequency,
            protocol.MIN_FATIGUE_FREQUENCY,
            protocol.MAX_FATIGUE_FREQUENCY,
            5.0,
        )
        self.time = labelled_slider("Look at time (s)", time, 0.0, protocol.FATIGUE_DURATION, 5.0)
        self.force_figure = _force_figure()
        self.capacity_figure = _capacity_figure()
        self.train = self.force_figure.trace(_YOUR_TRAIN)
        self.look = self.force_figure.trace(_LOOK)
        self.units = self.capacity_figure.trace(_UNITS)
        reference = protocol.fatigue_moment(protocol.FATIGUE_REFERENCE_FREQUENCY, 0.0)
        self.reference_end = reference.final_relative_force
        self.app = SimulationApp(
            "Fatigue experiment",
            {"frequency": self.frequency, "time": self.time},
            [self.force_figure, self.capacity_figure],
            caption=_CAPTION,
        )
        self.frequency.observe(self.show_course, names="value")
        self.time.observe(self.show_time, names="value")
        self.show_course()

    def show_course(self, _change: object = None) -> None:
        course = protocol.fatigue_course(float(self.frequency.value))
        with self.force_figure.batch_update():
            self.train.x = course.time
            self.train.y = course.force
            self.train.name = f"{self.frequency.value:.0f} Hz"
        self.show_time()

    def show_time(self, _change: object = None) -> None:
        moment = protocol.fatigue_moment(float(self.frequency.value), self.time.value)
        capacity = moment.capacity * 100
        with self.force_figure.batch_update():
            self.look.x = [moment.time] * 2
        with self.capacity_figure.batch_update():
            self.units.y = capacity
            self.capacity_figure.layout.title.text = (
                f"What each unit has left after {moment.time:.0f} s"
            )
        self.app.readout.value = (
            f"At {self.frequency.value:.0f} Hz the muscle keeps "
            f"{percent(moment.relative_force)} of its starting force after "
            f"{moment.time:.0f} s (after {protocol.FATIGUE_DURATION:.0f} s: "
            f"{percent(moment.final_relative_force)}; at "
            f"{protocol.FATIGUE_REFERENCE_FREQUENCY:.0f} Hz, "
            f"{percent(self.reference_end)}). At {moment.time:.0f} s the "
            f"fastest unit has {capacity[-1]:.0f} % of its force capacity left, the slowest "
            f"{capacity[0]:.0f} %."
        )


def _force_figure() -> CourseFigure:
    reference = protocol.fatigue_course(protocol.FATIGUE_REFERENCE_FREQUENCY)
    # One fixed force axis for every frequency, so trains can be compared by eye.
    top = 1.05 * protocol.strongest_starting_force()
    return CourseFigure(
        data=[
            go.Scatter(
                x=reference.time,
                y=reference.force,
                name=_REFERENCE,
                line={"color": COLOURS["reference"], "dash": "dash"},
            ),
            go.Scatter(x=[], y=[], name=_YOUR_TRAIN, line={"color": COLOURS["force"], "width": 3}),
            go.Scatter(
                x=[0.0, 0.0],
                y=[0.0, top],
                name=_LOOK,
                mode="lines",
                line={"color": COLOURS["highlight"], "width": 2},
            ),
        ],
        layout={
            **LAYOUT,
            "title": {**TITLE, "text": "Whole-muscle force during a sustained train"},
            "xaxis": {
                "title": {"text": "Time since the train began (s)"},
                "range": [0, protocol.FATIGUE_DURATION],
            },
            "yaxis": {"title": {"text": "Force (arbitrary units)"}, "range": [0, top]},
        },
    )


def _capacity_figure() -> CourseFigure:
    rested_ms = protocol.default_pool().contraction_times * 1000
    return CourseFigure(
        data=[
            go.Scatter(
                x=rested_ms,
                y=np.full(len(rested_ms), 100.0),
                mode="markers",
                name=_UNITS,
                marker={
                    "size": 8,
                    "color": rested_ms,
                    "cmin": rested_ms.min(),
                    "cmax": rested_ms.max(),
                    "colorscale": [[0, COLOURS["fast_unit"]], [1, COLOURS["slow_unit"]]],
                },
            )
        ],
        layout={
            **LAYOUT,
            "title": {**TITLE, "text": "What each unit has left"},
            "xaxis": {"title": {"text": "Contraction time of the rested unit (ms)"}},
            "yaxis": {"title": {"text": "Force capacity left (% of rested)"}, "range": [-3, 105]},
            "showlegend": False,
        },
    )
