"""The motor-unit diagram: one motor unit of an eye, hand or calf muscle, one dash per fibre.

A toggle fires the unit's motor neuron and every fibre of the unit lights up (all or none).
The drawing's coordinates come from :mod:`lessons.physiology.unit_diagram`, the muscles and
their cited numbers from ``data/muscles.yaml`` (:mod:`lessons.content.muscles`).
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
import plotly.graph_objects as go

from lessons.content.muscles import InnervatedMuscle, innervated_muscle, muscles
from lessons.figures.course_figure import CourseFigure
from lessons.figures.theme import COLOURS
from lessons.physiology.unit_diagram import (
    OTHER_SOMAS,
    DiagramFrame,
    Label,
    UnitDrawing,
    diagram_frame,
    draw_motor_unit,
    other_axons,
)
from lessons.sims.app import SimulationApp

_FIBRE_COLOUR_AT_REST = COLOURS["force"]
# Trace names (the legend shows those not hidden).
OTHER_AXONS = "Other motor neurons' axons"
OTHER_NEURONS = "Other motor neurons"
AXON = "This motor neuron's axon and its branches"
FIBRES = "Its muscle fibres (one dash each)"
JUNCTIONS = "Neuromuscular junctions"
SOMA = "This motor neuron"
CAPTION = (
    "A schematic motor unit: its motor neuron (large circle) in the spinal cord or "
    "brainstem, its axon running in a nerve beside other motor neurons' axons (grey) "
    "and branching in the muscle to end at a neuromuscular junction (black dot) on "
    "each of its muscle fibres (one dash per fibre; other units' fibres are not drawn)."
)


def _other_neuron_traces() -> list[go.Scatter]:
    """The other motor neurons of the pool and their axons, in grey; they never change."""
    other_x, other_y = other_axons()
    return [
        go.Scatter(
            x=other_x,
            y=other_y,
            mode="lines",
            name=OTHER_AXONS,
            line={"color": COLOURS["reference"], "width": 1.5},
            hoverinfo="skip",
        ),
        go.Scatter(
            x=[p[0] for p in OTHER_SOMAS],
            y=[p[1] for p in OTHER_SOMAS],
            mode="markers",
            name=OTHER_NEURONS,
            marker={"color": COLOURS["reference"], "size": 11},
            hoverinfo="skip",
            showlegend=False,
        ),
    ]


def _unit_traces(frame: DiagramFrame) -> list[go.Scatter | go.Scattergl]:
    """The drawn unit: axon, fibres and junctions (filled in per muscle) and the cell body."""
    return [
        go.Scatter(
            x=[],
            y=[],
            mode="lines",
            name=AXON,
            # Unsimplified: plotly.js would otherwise merge an out-and-back stretch.
            line={"width": 1, "simplify": False},
            hoverinfo="skip",
        ),
        go.Scattergl(
            x=[],
            y=[],
            mode="markers",
            name=FIBRES,
            marker={"symbol": "line-ew", "size": 9, "line": {"width": 2}},
            hoverinfo="skip",
        ),
        go.Scattergl(
            x=[],
            y=[],
            mode="markers",
            name=JUNCTIONS,
            marker={"color": COLOURS["stimulus"], "size": 3},
            hoverinfo="skip",
        ),
        go.Scatter(
            x=[frame.soma[0]],
            y=[frame.soma[1]],
            mode="markers",
            name=SOMA,
            marker={"size": 20},
            hoverinfo="skip",
            showlegend=False,
        ),
    ]


def _outline(box: tuple[float, float, float, float], kind: str, fill: str) -> dict:
    x0, y0, x1, y1 = box
    return {
        "type": kind,
        "x0": x0,
        "y0": y0,
        "x1": x1,
        "y1": y1,
        "line": {"color": COLOURS["reference"]},
        "fillcolor": fill,
        "layer": "below",
    }


def _note(label: Label, text: str, **style: object) -> dict:
    return {"x": label.x, "y": label.y, "text": text, "showarrow": False, **style}


def _annotations(frame: DiagramFrame, muscle: InnervatedMuscle) -> list[dict]:
    """Labels of the cord (or brainstem), the nerve, the muscle and the motor neuron."""
    return [
        _note(frame.cord_label, muscle.neurons_in.capitalize()),
        _note(frame.nerve_label, muscle.nerve),
        _note(frame.muscle_label, muscle.label),
        _note(frame.soma_label, "motor neuron", font={"size": 12}),
    ]


def _layout(frame: DiagramFrame, muscle: InnervatedMuscle) -> dict:
    return {
        "height": 440,
        "margin": {"t": 100, "l": 20},
        "title": {"text": "One motor unit (schematic, not to scale)", "y": 0.97},
        "legend": {"y": 1.0},
        "xaxis": {"visible": False, "range": [0, 100], "fixedrange": True},
        "yaxis": {
            "visible": False,
            "range": [0, 56],
            "scaleanchor": "x",
            "scaleratio": 1,
            "fixedrange": True,
        },
        "shapes": [
            _outline(frame.cord, "rect", "rgba(127,127,127,0.08)"),
            _outline(frame.muscle, "circle", "rgba(217,217,217,0.35)"),
        ],
        "annotations": _annotations(frame, muscle),
    }


def _controls(muscle: str, firing: bool) -> tuple[widgets.Dropdown, widgets.ToggleButtons]:
    picker = widgets.Dropdown(
        options=[(data.label, name) for name, data in muscles().items()],
        value=muscle,
        description="Muscle",
        style={"description_width": "initial"},
        layout=widgets.Layout(width="420px", max_width="100%"),
    )
    trigger = widgets.ToggleButtons(
        options=[("At rest", False), ("Fire the motor neuron once", True)],
        value=bool(firing),
        description="Motor neuron",
        style={"description_width": "initial", "button_width": "auto"},
    )
    return picker, trigger


class _DiagramView:
    """Draws the picked muscle's unit, and colours it by whether its neuron fires."""

    def __init__(self, app: SimulationApp, frame: DiagramFrame) -> None:
        self.app, self.frame = app, frame
        self.picker, self.trigger = app.controls["muscle"], app.controls["firing"]
        figure = app.figure
        self.axon, self.fibres = figure.trace(AXON), figure.trace(FIBRES)
        self.junctions, self.soma = figure.trace(JUNCTIONS), figure.trace(SOMA)
        self.drawings: dict[str, UnitDrawing] = {
            name: draw_motor_unit(data.innervation_number) for name, data in muscles().items()
        }
        self.picker.observe(self.redraw_unit, names="value")
        self.trigger.observe(self.recolour, names="value")

    def redraw_unit(self, _change: object = None) -> None:
        drawing = self.drawings[self.picker.value]
        figure = self.app.figure
        with figure.batch_update():
            self.axon.x, self.axon.y = drawing.axon_x, drawing.axon_y
            self.fibres.x, self.fibres.y = drawing.fibre_x, drawing.fibre_y
            self.junctions.x, self.junctions.y = drawing.fibre_x, drawing.fibre_y
            figure.layout.annotations = _annotations(
                self.frame, innervated_muscle(self.picker.value)
            )
        self.recolour()

    def recolour(self, _change: object = None) -> None:
        firing = self.trigger.value
        colour = COLOURS["highlight"] if firing else _FIBRE_COLOUR_AT_REST
        with self.app.figure.batch_update():
            self.axon.line.color = colour
            self.axon.line.width = 2 if firing else 1
            self.fibres.marker.color = colour
            self.fibres.marker.line.color = colour
            self.soma.marker.color = colour
        self.app.readout.value = _readout(innervated_muscle(self.picker.value), firing)


def motor_unit_diagram(
    muscle: str = "first dorsal interosseous", firing: bool = False
) -> SimulationApp:
    """A motor unit of the chosen muscle, drawn with one dash per muscle fibre; a toggle fires
    its motor neuron and every fibre of the unit lights up (all or none)."""
    chosen = innervated_muscle(muscle)
    if not isinstance(firing, bool | np.bool_):
        raise ValueError(f"firing must be True or False; got {firing!r}")
    frame = diagram_frame()
    figure = CourseFigure(
        data=[*_other_neuron_traces(), *_unit_traces(frame)], layout=_layout(frame, chosen)
    )
    picker, trigger = _controls(muscle, firing)
    app = SimulationApp(
        "Motor-unit diagram", {"muscle": picker, "firing": trigger}, figure, caption=CAPTION
    )
    _DiagramView(app, frame).redraw_unit()
    return app


def _readout(muscle: InnervatedMuscle, firing: bool) -> str:
    count = muscle.innervation_number
    units = "" if muscle.motor_units is None else f", in {muscle.motor_units:,} motor units"
    text = (
        f"<b>{muscle.label}</b>: {'about' if muscle.approximate else 'on average'} {count:,} "
        f"muscle fibres per motor unit{units} "
        f"({muscle.source}). Drawn: one unit, {count:,} dashes. Its motor neuron lies in the "
        f"{muscle.neurons_in}; its axon runs in the {muscle.nerve}."
    )
    if firing:
        text += (
            f"<br>The motor neuron fired once: <b>all {count:,} fibres</b> of its unit contract "
            "together (all or none), and no fibre of another unit does."
        )
    return text
