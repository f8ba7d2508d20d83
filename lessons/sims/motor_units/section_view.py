"""What lesson 01's two cross-section apps share: the figure, the muscle picker, a slider.

The figure shows every fibre of the picked muscle's region in grey, a highlighted set of
fibres and a territory outline; picking another muscle swaps in its region's fibres and zooms
on it (:func:`lessons.physiology.territory.section_frame`).
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets
import plotly.graph_objects as go

from lessons.controls import IntCourseSlider
from lessons.figures.course_figure import CourseFigure
from lessons.figures.theme import COLOURS
from lessons.physiology.territory import (
    SectionFrame,
    muscle_regions,
    points_mm,
    section_frame,
    section_of,
)

#: Name of the territory outline trace.
TERRITORY = "Its territory"


def _axis_title(frame: SectionFrame) -> str:
    return f"Position across the {frame.region} (mm)"


def _layout(frame: SectionFrame, title: str) -> dict:
    """Axes in millimetres, zoomed on the muscle, every muscle labelled."""
    return {
        "height": 460,
        "margin": {"t": 90},
        "title": {"text": title, "y": 0.97},
        "legend": {"y": 1.0},
        "xaxis": {"title": {"text": _axis_title(frame)}, "range": list(frame.x_range)},
        "yaxis": {
            "title": {"text": "Position towards the skin (mm)"},
            "range": list(frame.y_range),
            "scaleanchor": "x",
            "scaleratio": 1,
        },
        "annotations": _labels(frame),
    }


def _labels(frame: SectionFrame) -> list[dict]:
    return [
        {"x": label.x, "y": label.y, "text": label.text, "showarrow": False}
        for label in frame.labels
    ]


def _traces(muscle: str, background_name: str, highlight_name: str) -> list[go.Scattergl]:
    x_mm, y_mm = points_mm(section_of(muscle))
    return [
        go.Scattergl(
            x=x_mm,
            y=y_mm,
            mode="markers",
            name=background_name,
            marker={"color": COLOURS["inactive"], "size": 5},
            hoverinfo="skip",
        ),
        go.Scattergl(
            x=[],
            y=[],
            mode="markers",
            name=highlight_name,
            marker={
                "color": COLOURS["highlight"],
                "size": 6,
                "line": {"color": COLOURS["stimulus"], "width": 0.5},
            },
            hoverinfo="skip",
        ),
        go.Scatter(
            x=[],
            y=[],
            mode="lines",
            name=TERRITORY,
            line={"color": COLOURS["stimulus"], "dash": "dash", "width": 1.5},
            hoverinfo="skip",
        ),
    ]


class SectionFigure:
    """A cross-section figure with handles on its three traces: every fibre (background), the
    highlighted fibres and the territory outline."""

    def __init__(self, muscle: str, title: str, background_name: str, highlight_name: str):
        self.title = title
        self.figure = CourseFigure(
            data=_traces(muscle, background_name, highlight_name),
            layout=_layout(section_frame(muscle), title),
        )
        self.background = self.figure.trace(background_name)
        self.highlight = self.figure.trace(highlight_name)
        self.territory = self.figure.trace(TERRITORY)

    def follow(
        self,
        picker: widgets.Dropdown,
        redraw: Callable[[], None],
        before_redraw: Callable[[], None] = lambda: None,
    ) -> None:
        """When another muscle is picked: swap in its region's fibres, zoom on it, redraw."""

        def muscle_changed(change: dict) -> None:
            frame = section_frame(picker.value)
            regions = muscle_regions()
            with self.figure.batch_update():
                if regions[change["old"]] != regions[change["new"]]:
                    self.background.x, self.background.y = points_mm(section_of(picker.value))
                self.figure.layout.xaxis.title.text = _axis_title(frame)
                self.figure.layout.xaxis.range = list(frame.x_range)
                self.figure.layout.yaxis.range = list(frame.y_range)
                self.figure.layout.annotations = _labels(frame)
                # Inside the same batch: the page redraws the figure once for the new muscle.
                before_redraw()
                redraw()

        picker.observe(muscle_changed, names="value")


def muscle_picker(muscle: str) -> widgets.Dropdown:
    """Every muscle of the geometry model, labelled with its region."""
    section_of(muscle)  # refuses an unknown muscle, naming the choices
    return widgets.Dropdown(
        options=[
            (f"{region.capitalize()}: {name}", name) for name, region in muscle_regions().items()
        ],
        value=muscle,
        description="Muscle",
        style={"description_width": "initial"},
        layout=widgets.Layout(width="360px", max_width="100%"),
    )


def whole_slider(
    description: str, value: int, maximum: int, unit: str | None = None
) -> IntCourseSlider:
    return IntCourseSlider(
        value=value, min=1, max=maximum, step=1, description=description, unit=unit
    )
