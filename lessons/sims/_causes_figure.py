"""The causes explorer's bar chart: causes shown by category, linked with twitches or cramps."""

from __future__ import annotations

import plotly.graph_objects as go

from lessons.content.cause_counts import CauseCounts
from lessons.content.causes import CATEGORIES
from lessons.figures.course_figure import CourseFigure
from lessons.figures.theme import COLOURS

TWITCH_BARS = "Linked with twitches"
CRAMP_BARS = "Linked with cramps"


class CauseBars:
    """The bar chart, with handles on its two bar traces."""

    def __init__(self) -> None:
        self.figure = _bar_figure()
        self._twitches = self.figure.trace(TWITCH_BARS)
        self._cramps = self.figure.trace(CRAMP_BARS)

    def draw(self, counts: CauseCounts) -> None:
        """Set both bar traces to ``counts``, in one message."""
        with self.figure.batch_update():
            self._twitches.x = list(counts.twitches)
            self._cramps.x = list(counts.cramps)


def _bars(name: str, marker: dict) -> go.Bar:
    return go.Bar(
        y=list(CATEGORIES), x=[0] * len(CATEGORIES), orientation="h", name=name, marker=marker
    )


def _bar_figure() -> CourseFigure:
    return CourseFigure(
        data=[
            _bars(TWITCH_BARS, {"color": COLOURS["fasciculation"]}),
            _bars(CRAMP_BARS, {"color": COLOURS["cramp"], "pattern": {"shape": "/"}}),
        ],
        layout={
            "title": {"text": "Causes in the table, by category"},
            "barmode": "group",
            "height": 420,
            "margin": {"l": 270},
            "xaxis": {"title": {"text": "Number of causes shown (count)"}, "rangemode": "tozero"},
            "yaxis": {"title": {"text": "Category"}, "autorange": "reversed"},
        },
    )
