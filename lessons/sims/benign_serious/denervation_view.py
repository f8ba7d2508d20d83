"""Lesson 08's denervation app: after a motor nerve is cut, when fibrillations and positive
sharp waves appear, how large they are, and how they fade once fibres are reinnervated.

The model is ``lessons.physiology.denervation_timeline``: onset 1 to 4 weeks after the injury,
later the farther the injury from the muscle (Willmott et al. 2012), sizes that shrink over
months (Kraft 1990); the straight-line onset and the rise and fade spans are illustrative.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from plotly.subplots import make_subplots

from lessons.figures.course_figure import CourseFigure
from lessons.figures.decimate import min_max_decimate
from lessons.figures.theme import COLOURS, PALETTE
from lessons.physiology.denervation_timeline import (
    DEFAULT_DISTANCE_CM,
    MAX_DISTANCE_CM,
    DenervationRecording,
    denervation_course,
    denervation_emg,
)
from lessons.sims.app import SimulationApp, labelled_slider

DAYS = np.arange(0.0, 366.0, 2.0)
LAST_DAY = 365.0
#: Day on which the nerve regrows into the muscle when the student ticks "reinnervated"
#: (illustrative: about four months after the injury).
REGROWTH_DAY = 120.0
COLUMNS = 400
ABUNDANCE = "Fibrillations and sharp waves (share of denervated fibres firing)"
TODAY = "The day you chose"
TRACE = "Needle EMG at rest, 1 s"

CAPTION = (
    "Top: after a motor nerve is injured, the share of its denervated fibres near the needle "
    "that fire on their own, day by day; the dot is the day you chose. Bottom: one second of "
    "needle EMG at rest on that day: fibrillation potentials (brief spikes) and positive sharp "
    "waves (a sharp positive deflection, then a slow return; drawn here with positive upwards, "
    "while clinical EMG draws positive downwards). Onset "
    "after 1 to 4 weeks (Willmott et al. 2012), sizes shrinking over months (Kraft 1990); the "
    "shapes and the rise and fade are illustrative."
)


def _figure() -> CourseFigure:
    figure = CourseFigure(
        make_subplots(
            rows=2,
            cols=1,
            vertical_spacing=0.3,
            row_heights=[0.45, 0.55],
            subplot_titles=("Days after the nerve injury", "What the needle records that day"),
        )
    )
    figure.add_scatter(
        x=DAYS,
        y=DAYS * 0,
        mode="lines",
        name=ABUNDANCE,
        line={"color": COLOURS["fibrillation"]},
        row=1,
        col=1,
    )
    figure.add_scatter(
        x=[0],
        y=[0],
        mode="markers",
        name=TODAY,
        marker={"size": 13, "color": PALETTE["black"]},
        row=1,
        col=1,
    )
    figure.add_scatter(
        x=[],
        y=[],
        mode="lines",
        name=TRACE,
        line={"color": COLOURS["emg"], "width": 1},
        row=2,
        col=1,
    )
    figure.update_layout(
        height=620, legend={"y": -0.15, "yanchor": "top"}, margin={"t": 80, "b": 120}
    )
    figure.update_xaxes(title_text="Days after injury", range=[0, LAST_DAY], row=1, col=1)
    figure.update_yaxes(title_text="Firing (%)", range=[0, 105], row=1, col=1)
    figure.update_xaxes(title_text="Time (s)", range=[0, 1], row=2, col=1)
    figure.update_yaxes(title_text="Voltage (mV)", range=[-0.7, 0.7], row=2, col=1)
    return figure


def describe(record: DenervationRecording, onset: float, regrowth: float | None) -> str:
    """The readout: the day, the onset, what fires, and how large the largest potentials are."""
    if record.abundance == 0 and record.day < onset:
        state = f"nothing yet: fibrillations start on about day {onset:.0f}"
    elif record.abundance == 0:
        state = "silence again: the regrown nerve has taken the fibres back"
    else:
        state = (
            f"{len(record.fibrillations)} fibres firing as fibrillations and "
            f"{len(record.sharp_waves)} as positive sharp waves"
        )
    back = f"; the nerve regrows into the muscle from day {regrowth:.0f}" if regrowth else ""
    return (
        f"<p><strong>Day {record.day:.0f}</strong> after an injury "
        f"(onset about day {onset:.0f}{back}): {state}. Largest potentials about "
        f"{1e6 * record.amplitude:.0f} microvolts.</p>"
    )


class DenervationView:
    """The denervation app and its redraw."""

    def __init__(self, day: float = 30.0, distance_cm: float = DEFAULT_DISTANCE_CM) -> None:
        denervation_emg(day, distance_cm)  # refuses bad values with a message
        self.controls = {
            "day": labelled_slider("Days since the nerve injury", day, 0.0, LAST_DAY, 1.0),
            "distance": labelled_slider(
                "Distance from the injury to the muscle (cm)",
                distance_cm,
                0.0,
                MAX_DISTANCE_CM,
                5.0,
            ),
            "regrows": widgets.Checkbox(value=False, description="The nerve regrows"),
        }
        self.figure = _figure()
        self.traces = {name: self.figure.trace(name) for name in (ABUNDANCE, TODAY, TRACE)}
        self.app = SimulationApp("After a nerve is cut", self.controls, self.figure, CAPTION)
        for control in self.controls.values():
            control.observe(self.redraw, names="value")
        self.redraw()

    def redraw(self, _change: object = None) -> None:
        """Redraw the time course, move the day's dot and record that day's second of EMG."""
        day = self.controls["day"].value
        distance = self.controls["distance"].value
        regrowth = REGROWTH_DAY if self.controls["regrows"].value else None
        course = denervation_course(DAYS, distance, regrowth)
        record = denervation_emg(day, distance, regrowth)
        time, voltage = min_max_decimate(record.emg.time, 1e3 * record.emg.voltage, COLUMNS)
        traces = self.traces
        with self.figure.batch_update():
            traces[ABUNDANCE].y = (100 * course.abundance).tolist()
            traces[TODAY].x, traces[TODAY].y = [day], [100 * record.abundance]
            traces[TRACE].x, traces[TRACE].y = time.tolist(), voltage.tolist()
        self.app.readout.value = describe(record, course.onset_day, regrowth)
