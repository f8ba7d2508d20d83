"""The force-sources explorer: force against drive, split into recruitment alone and what
rate coding adds (:func:`lessons.physiology.force_split.force_split`)."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from lessons.figures.course_figure import CourseFigure
from lessons.figures.theme import COLOURS
from lessons.physiology import _validation as check
from lessons.physiology.force_split import DRIVE_GRID, ForceSplit, force_split
from lessons.sims.app import SimulationApp, labelled_slider
from lessons.sims.recruitment.readouts import sources_readout

#: Recruitment ranges the slider offers (largest / smallest threshold).
RANGE_LIMITS = (5.0, 120.0)
#: Trace names (all in the legend).
ALONE = "Recruitment alone (every unit stays at 8 Hz)"
TOTAL = "The model, with rate coding (blue area: what rate coding adds)"
LAST_RECRUITED = "Last unit recruited"
MARKER = "Your drive"
CAPTION = (
    "Steady force of the pool against drive: the grey area is what recruitment alone "
    "would give if every unit kept its 8 Hz starting rate, the blue area is what rate "
    "coding adds, and the dotted line marks the drive at which the last unit is "
    "recruited."
)


def _area(name: str, fill: str, colour: str, width: int) -> go.Scatter:
    drive_percent = DRIVE_GRID * 100.0
    return go.Scatter(
        x=drive_percent,
        y=np.zeros_like(drive_percent),
        fill=fill,
        name=name,
        line={"color": colour, "width": width},
    )


def _figure() -> CourseFigure:
    marker = {
        "color": COLOURS["highlight"],
        "size": 12,
        "symbol": "diamond",
        "line": {"color": COLOURS["stimulus"], "width": 1},
    }
    line = {"color": COLOURS["highlight"], "dash": "dot", "width": 2}
    return CourseFigure(
        data=[
            _area(ALONE, "tozeroy", COLOURS["reference"], 2),
            _area(TOTAL, "tonexty", COLOURS["force"], 3),
            go.Scatter(x=[0, 0], y=[0, 105], mode="lines", name=LAST_RECRUITED, line=line),
            go.Scatter(x=[0], y=[0], mode="markers", name=MARKER, marker=marker),
        ],
        layout={
            "height": 420,
            "title": {"text": "Where the force comes from", "y": 0.97},
            "legend": {"traceorder": "normal"},
            "margin": {"t": 100},
            "xaxis": {"title": {"text": "Drive (% of maximal excitation)"}, "range": [0, 100]},
            "yaxis": {"title": {"text": "Steady force (% of maximal)"}, "range": [0, 105]},
        },
    )


class _SourcesView:
    """Redraws the curves when the range moves, and the marker when the drive moves."""

    def __init__(self, app: SimulationApp) -> None:
        self.app, self.figure = app, app.figure
        self.drive, self.range = app.controls["drive"], app.controls["recruitment_range"]
        self.alone, self.total = self.figure.trace(ALONE), self.figure.trace(TOTAL)
        self.last, self.marker = self.figure.trace(LAST_RECRUITED), self.figure.trace(MARKER)
        self.split: ForceSplit = force_split(float(self.range.value))
        self.range.observe(self.recompute, names="value")
        self.drive.observe(self.move_marker, names="value")

    def recompute(self, _change: object = None) -> None:
        self.split = force_split(float(self.range.value))
        full = self.split.full_recruitment_percent
        with self.figure.batch_update():
            self.alone.y = self.split.recruitment_percent.astype(np.float32)
            self.total.y = self.split.total_percent.astype(np.float32)
            self.last.x = [full, full]
            self.move_marker()  # in the same batch: one redraw in the page

    def move_marker(self, _change: object = None) -> None:
        reading = self.split.at(self.drive.value)
        with self.figure.batch_update():
            self.marker.x = [self.drive.value]
            self.marker.y = [reading.total_percent]
        self.app.readout.value = sources_readout(reading)


def force_sources_explorer(drive: float = 0.5, recruitment_range: float = 30.0) -> SimulationApp:
    """Force against drive, split into recruitment alone and what rate coding adds.

    A second slider changes the pool's recruitment range (largest over smallest threshold;
    30 in Fuglevand et al. 1993): a wider range recruits units until a higher drive.
    """
    start_drive = check.fraction("drive", drive)
    start_range = check.scalar("recruitment_range", recruitment_range, *RANGE_LIMITS)
    drive_slider = labelled_slider("Drive (% of maximal excitation)", start_drive * 100, 0, 100, 1)
    range_slider = labelled_slider(
        "Recruitment range (largest / smallest threshold)",
        start_range,
        *RANGE_LIMITS,
        5,
        unit="times the smallest threshold",
    )
    app = SimulationApp(
        "Force sources explorer",
        {"drive": drive_slider, "recruitment_range": range_slider},
        _figure(),
        caption=CAPTION,
    )
    _SourcesView(app).recompute()
    return app
