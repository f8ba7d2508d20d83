"""Lesson 00's first experiment: one motor-unit twitch, shaped by its contraction time."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from lessons.figures.course_figure import CourseFigure
from lessons.figures.theme import COLOURS
from lessons.physiology import twitch_force
from lessons.physiology.train_summary import half_relaxation_time
from lessons.sims.app import SimulationApp, labelled_slider

# A slow unit of the default pool of Fuglevand et al. (1993): contraction time 90 ms.
REFERENCE_CONTRACTION_TIME = 0.090
WINDOW = 0.4  # s shown after the discharge
SAMPLES = 401
#: Names of the traces the explorer redraws.
YOUR_TWITCH, PEAK = "Your twitch", "Peak"


def twitch_explorer(contraction_time: float = 0.050, peak_force: float = 1.0) -> SimulationApp:
    """Sliders for a twitch's contraction time and peak force, over a plot of its force.

    The student sees the peak sit exactly at the contraction time and the whole curve stretch
    as the unit gets slower; a slow 90 ms unit stays drawn for comparison.
    """
    time = np.linspace(0.0, WINDOW, SAMPLES)
    contraction_slider = labelled_slider(
        "Contraction time (ms)", contraction_time * 1000.0, 20.0, 120.0, 5.0
    )
    force_slider = labelled_slider(
        "Peak force (arbitrary units)", peak_force, 0.2, 2.0, 0.1, readout_format=".1f"
    )
    figure = _twitch_figure(time)
    twitch, peak = figure.trace(YOUR_TWITCH), figure.trace(PEAK)
    app = SimulationApp(
        "Twitch explorer",
        {"contraction_time": contraction_slider, "peak_force": force_slider},
        figure,
        caption=(
            "The blue curve is the force of one motor unit after a single nerve impulse "
            "(Fuglevand et al. 1993 twitch model); the dashed grey curve is a slow unit, for "
            "comparison, and the diamond marks the peak."
        ),
    )

    def redraw(_change: object = None) -> None:
        force = twitch_force(time, force_slider.value, contraction_slider.value / 1000.0)
        with figure.batch_update():
            twitch.y = force
            peak.x = [contraction_slider.value]
            peak.y = [force_slider.value]
        app.readout.value = (
            f"Peak force {force_slider.value:.1f} at {contraction_slider.value:.0f} ms "
            f"after the impulse; half relaxed again by "
            f"{half_relaxation_time(time, force) * 1000.0:.0f} ms."
        )

    contraction_slider.observe(redraw, names="value")
    force_slider.observe(redraw, names="value")
    redraw()
    return app


def _twitch_figure(time: np.ndarray) -> CourseFigure:
    time_ms = time * 1000.0
    return CourseFigure(
        data=[
            go.Scatter(
                x=time_ms,
                y=twitch_force(time, 1.0, REFERENCE_CONTRACTION_TIME),
                name="Slow unit for comparison (90 ms, force 1)",
                line={"color": COLOURS["reference"], "dash": "dash"},
            ),
            go.Scatter(
                x=time_ms,
                y=np.zeros_like(time),
                name=YOUR_TWITCH,
                line={"color": COLOURS["force"], "width": 3},
            ),
            go.Scatter(
                x=[0.0],
                y=[0.0],
                name=PEAK,
                mode="markers",
                marker={"color": COLOURS["highlight"], "size": 11, "symbol": "diamond"},
            ),
        ],
        layout={
            "title": {"text": "One motor-unit twitch"},
            "xaxis": {"title": {"text": "Time after the nerve impulse (ms)"}, "range": [0, 400]},
            "yaxis": {"title": {"text": "Force (arbitrary units)"}, "range": [0, 2.1]},
        },
    )
