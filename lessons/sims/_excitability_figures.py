"""The excitability explorer's two figures and how a setting of the axon is drawn on them.

The top figure is one window of the axon's potential with its thresholds and discharges; the
bottom one places the current gap on the rate-versus-gap curve, on a log scale. The potential
is drawn once; a new setting moves only the threshold, the markers and the rate point.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from lessons.figures.course_figure import CourseFigure
from lessons.figures.decimate import min_max_decimate
from lessons.figures.theme import COLOURS
from lessons.physiology.resting_axon import AxonSetting, RateCurve, RestingAxon

#: Pixel columns of the time plot: the potential is drawn as its min and max per column,
#: and at most one discharge marker is drawn per column.
DISPLAY_COLUMNS = 1500
#: Discharge markers sit this far above the threshold they crossed (mV), so both stay visible.
MARKER_LIFT_MV = 0.8

POTENTIAL = "Membrane potential"
HEALTHY_THRESHOLD = "Threshold of the healthy axon"
THRESHOLD = "Threshold now"
DISCHARGES = "Spontaneous discharge"
RATE_CURVE = "Model rate for each gap"
HEALTHY_POINT = "Healthy axon"
NOW_POINT = "Now"


def min_max_envelope(
    signal: np.ndarray, step: float, columns: int = DISPLAY_COLUMNS
) -> tuple[np.ndarray, np.ndarray]:
    """The signal drawn as its minimum and maximum in each of ``columns`` time columns.

    A plot a few hundred pixels wide cannot show more, and the extremes are what matter here:
    a discharge happens where the maximum reaches the threshold.
    """
    return min_max_decimate(np.arange(signal.size) * step, signal, columns)


def one_per_column(times: np.ndarray, column_width: float) -> np.ndarray:
    """The first of the ``times`` in each display column: at most one marker per column."""
    if times.size == 0:
        return times
    _, first = np.unique(np.floor(times / column_width), return_index=True)
    return times[first]


class ExcitabilityFigures:
    """Both figures, built for one axon, with handles on the traces a setting moves."""

    def __init__(self, axon: RestingAxon, curve: RateCurve, healthy: AxonSetting) -> None:
        self.window = axon.window
        self.potential = _potential_figure(axon, healthy.margin_mv)
        self.rate = _rate_figure(curve, healthy)
        self.figures = [self.potential, self.rate]
        self._threshold = self.potential.trace(THRESHOLD)
        self._discharges = self.potential.trace(DISCHARGES)
        self._now = self.rate.trace(NOW_POINT)

    def draw(self, setting: AxonSetting) -> None:
        """Move the threshold, the discharge markers and the rate point to ``setting``."""
        shown = one_per_column(setting.spike_times, self.window / DISPLAY_COLUMNS)
        with self.potential.batch_update():
            self._threshold.y = [setting.margin_mv, setting.margin_mv]
            self._discharges.x = shown
            self._discharges.y = np.full(shown.size, setting.margin_mv + MARKER_LIFT_MV)
        with self.rate.batch_update():
            self._now.x = [setting.margin_mv]
            self._now.y = [setting.rate]


def _threshold_line(name: str, window: float, level_mv: float, line: dict) -> go.Scatter:
    return go.Scatter(x=[0.0, window], y=[level_mv, level_mv], name=name, mode="lines", line=line)


def _potential_figure(axon: RestingAxon, healthy_mv: float) -> CourseFigure:
    envelope_time, envelope_mv = min_max_envelope(axon.noise_mv, axon.step)
    healthy_line = {"color": COLOURS["reference"], "dash": "dot", "width": 2}
    now_line = {"color": COLOURS["highlight"], "dash": "dash", "width": 3}
    return CourseFigure(
        data=[
            go.Scatter(
                x=envelope_time,
                y=envelope_mv,
                name=POTENTIAL,
                line={"color": COLOURS["emg"], "width": 1},
                hoverinfo="skip",
            ),
            _threshold_line(HEALTHY_THRESHOLD, axon.window, healthy_mv, healthy_line),
            _threshold_line(THRESHOLD, axon.window, healthy_mv, now_line),
            go.Scatter(
                x=[],
                y=[],
                name=DISCHARGES,
                mode="markers",
                marker={"color": COLOURS["fasciculation"], "symbol": "triangle-down", "size": 9},
            ),
        ],
        layout={
            "title": {"text": "One minute of a resting motor axon (illustrative model)"},
            "xaxis": {"title": {"text": "Time (s)"}, "range": [0, axon.window]},
            "yaxis": {"title": {"text": "Potential above rest (mV)"}, "range": [-11, 12]},
        },
    )


def _point(name: str, setting: AxonSetting, colour: str, size: int, symbol: str) -> go.Scatter:
    return go.Scatter(
        x=[setting.margin_mv],
        y=[setting.rate],
        name=name,
        mode="markers",
        marker={"color": colour, "size": size, "symbol": symbol},
    )


def _rate_figure(curve: RateCurve, healthy: AxonSetting) -> CourseFigure:
    return CourseFigure(
        data=[
            go.Scatter(
                x=curve.gaps_mv,
                y=curve.rates,
                name=RATE_CURVE,
                line={"color": COLOURS["stimulus"], "width": 2},
            ),
            _point(HEALTHY_POINT, healthy, COLOURS["reference"], 11, "circle"),
            _point(NOW_POINT, healthy, COLOURS["highlight"], 13, "diamond"),
        ],
        layout={
            "title": {"text": "Spontaneous firing rate against the gap"},
            "xaxis": {"title": {"text": "Gap between rest and threshold (mV)"}, "range": [0, 10]},
            "yaxis": {
                "title": {"text": "Discharges per second (Hz)"},
                "type": "log",
                "range": [-3.5, 2.5],
                "exponentformat": "power",
            },
        },
    )
