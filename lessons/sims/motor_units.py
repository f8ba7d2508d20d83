"""Lesson 01's experiments: one motor unit drawn from neuron to fibres, and where its fibres lie.

Three apps:

- :func:`motor_unit_diagram` draws one motor unit of an eye, hand or calf muscle, one dash per
  muscle fibre, and fires its motor neuron (every fibre of the unit contracts: all or none);
- :func:`unit_territory_explorer` lights up the fibres of one unit in a muscle cross-section
  (:func:`lessons.physiology.muscle_cross_section`, calf or hand, picked by muscle): scattered
  over a territory and mixed with the fibres of other units;
- :func:`units_for_force` lights up the smallest units, one after the other, until they hold
  the share of the muscle's fibres asked for: how many units a given force needs.

Innervation numbers (mean muscle fibres per motor unit) and motor-unit counts:

- first dorsal interosseous (hand) 340 fibres, 119 units; medial gastrocnemius (calf) 1934
  fibres, 579 units (Feinstein et al. 1955, Acta Anat 23:127-142; the constants are those of
  :mod:`lessons.physiology.geometry`);
- lateral rectus (eye): about 10 fibres per unit, the round figure given for the extraocular
  muscles by Goyal & Chad (2014, Encyclopedia of the Neurological Sciences, 2nd edn). No
  motor-unit count is given for it here.

Nerves: the lateral rectus is supplied by the abducens nerve, whose motor neurons lie in the
brainstem; the first dorsal interosseous by the ulnar nerve and the medial gastrocnemius by the
tibial nerve, whose motor neurons lie in the spinal cord (Standring 2016, Gray's Anatomy).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
import plotly.graph_objects as go

from lessons.figures.course_figure import CourseFigure
from lessons.figures.theme import COLOURS
from lessons.physiology import REGIONS, CrossSection, muscle_cross_section
from lessons.physiology.geometry import (
    FIRST_DORSAL_INTEROSSEOUS_INNERVATION,
    FIRST_DORSAL_INTEROSSEOUS_UNITS,
    MEDIAL_GASTROCNEMIUS_INNERVATION,
    MEDIAL_GASTROCNEMIUS_UNITS,
)
from lessons.sims.app import SimulationApp

#: Mean fibres per motor unit in the extraocular muscles, about 10 (Goyal & Chad 2014).
EXTRAOCULAR_INNERVATION = 10


@dataclass(frozen=True)
class InnervatedMuscle:
    """What the motor-unit drawing needs to know about a muscle, with the source of its numbers.

    ``innervation_number`` is the mean number of muscle fibres per motor unit (``approximate``
    if it is a round figure rather than a count); ``motor_units`` the number of motor units
    counted in the muscle (``None`` if not given here).
    """

    label: str
    innervation_number: int
    motor_units: int | None
    source: str
    neurons_in: str
    nerve: str
    approximate: bool = False


MUSCLES: dict[str, InnervatedMuscle] = {
    "lateral rectus": InnervatedMuscle(
        "Lateral rectus (turns the eye outwards)",
        EXTRAOCULAR_INNERVATION,
        None,
        "a round figure for the eye muscles: Goyal & Chad 2014",
        "brainstem",
        "abducens nerve (a cranial nerve)",
        approximate=True,
    ),
    "first dorsal interosseous": InnervatedMuscle(
        "First dorsal interosseous (moves the index finger)",
        FIRST_DORSAL_INTEROSSEOUS_INNERVATION,
        FIRST_DORSAL_INTEROSSEOUS_UNITS,
        "Feinstein et al. 1955",
        "spinal cord",
        "ulnar nerve",
    ),
    "medial gastrocnemius": InnervatedMuscle(
        "Medial gastrocnemius (calf)",
        MEDIAL_GASTROCNEMIUS_INNERVATION,
        MEDIAL_GASTROCNEMIUS_UNITS,
        "Feinstein et al. 1955",
        "spinal cord",
        "tibial nerve",
    ),
}

# Layout of the drawing, in drawing units (a schematic, not to scale).
_SOMA = (12.0, 28.0)
_CORD = (2.0, 8.0, 21.0, 48.0)  # x0, y0, x1, y1 of the spinal cord or brainstem
_MUSCLE_CENTRE = (79.0, 28.0)
_MUSCLE_AXES = (19.0, 24.0)  # semi-axes of the muscle's outline
_NERVE_START = 25.0
_OTHER_SOMAS = ((6.0, 15.0), (15.0, 13.0), (7.0, 40.0), (16.0, 42.0), (5.5, 27.0))
_FIBRE_COLOUR_AT_REST = COLOURS["force"]


@dataclass(frozen=True, eq=False)
class UnitDrawing:
    """Coordinates of one drawn motor unit: its fibres (one point each, where the axon branch
    meets the fibre at its neuromuscular junction) and its axon with all its branches, as one
    unbroken line that runs out along each branch and back (so the page draws one line, not
    one per branch)."""

    fibre_x: np.ndarray
    fibre_y: np.ndarray
    axon_x: np.ndarray
    axon_y: np.ndarray
    n_branches: int

    @property
    def n_fibres(self) -> int:
        return len(self.fibre_x)


def _check_choice(name: str, value: object, allowed: list[str]) -> str:
    if value not in allowed:
        raise ValueError(f"{name} must be one of {allowed}; got {value!r}")
    return str(value)


def _check_whole(name: str, value: object, low: int, high: int) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | np.integer)
        or not (low <= value <= high)
    ):
        raise ValueError(f"{name} must be a whole number in [{low}, {high}]; got {value!r}")
    return int(value)


def _points_in_muscle(rng: np.random.Generator, count: int, shrink: float) -> np.ndarray:
    radius = np.sqrt(rng.uniform(0.0, 1.0, count)) * shrink
    angle = rng.uniform(0.0, 2 * math.pi, count)
    return np.column_stack(
        [
            _MUSCLE_CENTRE[0] + _MUSCLE_AXES[0] * radius * np.cos(angle),
            _MUSCLE_CENTRE[1] + _MUSCLE_AXES[1] * radius * np.sin(angle),
        ]
    )


def _axon_tree_walk(
    soma: np.ndarray,
    entry: np.ndarray,
    branches: np.ndarray,
    fibres: np.ndarray,
    nearest: np.ndarray,
) -> np.ndarray:
    """The axon as one walk: soma to the muscle's edge, then out along each branch, out to each
    of its fibres and back, and back to the edge before the next branch.

    Every stretch is drawn twice, over itself, so the picture is the same as separate segments
    would give; one unbroken line is one element for the page to redraw, where separate
    segments are one element each (1,934 for the calf's unit).
    """
    walk = [soma, entry]
    for branch_index, branch in enumerate(branches):
        own = fibres[nearest == branch_index]
        out_and_back = np.empty((2 * len(own) + 1, 2))
        out_and_back[0::2] = branch
        out_and_back[1::2] = own
        walk += [*out_and_back, entry]
    return np.asarray(walk)


def draw_motor_unit(innervation_number: int, seed: int = 0) -> UnitDrawing:
    """A schematic motor unit with ``innervation_number`` fibres scattered through the muscle.

    The axon runs from the motor neuron to the muscle's edge, splits into about
    sqrt(n)/2 branches, and each branch ends on the fibres nearest to it, one terminal per
    fibre. Float32 keeps the largest unit (1934 fibres) small to send to the browser.
    """
    count = _check_whole("innervation_number", innervation_number, 1, 5000)
    rng = np.random.default_rng(seed)
    fibres = _points_in_muscle(rng, count, 0.92)
    n_branches = max(1, round(math.sqrt(count) / 2))
    branches = _points_in_muscle(rng, n_branches, 0.6)
    nearest = np.argmin(
        ((fibres[:, np.newaxis, :] - branches[np.newaxis, :, :]) ** 2).sum(axis=-1), axis=1
    )
    entry = np.array([_MUSCLE_CENTRE[0] - _MUSCLE_AXES[0], _MUSCLE_CENTRE[1]])
    walk = _axon_tree_walk(np.asarray(_SOMA), entry, branches, fibres, nearest)
    return UnitDrawing(
        fibre_x=fibres[:, 0].astype(np.float32),
        fibre_y=fibres[:, 1].astype(np.float32),
        axon_x=walk[:, 0].astype(np.float32),
        axon_y=walk[:, 1].astype(np.float32),
        n_branches=n_branches,
    )


def _other_axons() -> tuple[list[float | None], list[float | None]]:
    """Axons of other motor neurons, joining ours in the nerve and stopping at the muscle."""
    x: list[float | None] = []
    y: list[float | None] = []
    edge = _MUSCLE_CENTRE[0] - _MUSCLE_AXES[0] + 1.0
    for index, (soma_x, soma_y) in enumerate(_OTHER_SOMAS):
        offset = (index - 2) * 1.1 + (0.55 if index >= 2 else -0.55)
        lane = _SOMA[1] + offset
        x += [soma_x, _NERVE_START, edge, None]
        y += [soma_y, lane, lane + 0.6 * offset, None]
    return x, y


def _diagram_layout(muscle: InnervatedMuscle) -> dict:
    x0, y0, x1, y1 = _CORD
    cx, cy = _MUSCLE_CENTRE
    a, b = _MUSCLE_AXES
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
            {
                "type": "rect",
                "x0": x0,
                "y0": y0,
                "x1": x1,
                "y1": y1,
                "line": {"color": COLOURS["reference"]},
                "fillcolor": "rgba(127,127,127,0.08)",
                "layer": "below",
            },
            {
                "type": "circle",
                "x0": cx - a,
                "y0": cy - b,
                "x1": cx + a,
                "y1": cy + b,
                "line": {"color": COLOURS["reference"]},
                "fillcolor": "rgba(217,217,217,0.35)",
                "layer": "below",
            },
        ],
        "annotations": [
            {
                "x": (x0 + x1) / 2,
                "y": y1 + 2.5,
                "text": muscle.neurons_in.capitalize(),
                "showarrow": False,
            },
            {
                "x": (_NERVE_START + cx - a) / 2,
                "y": _SOMA[1] + 6.5,
                "text": muscle.nerve,
                "showarrow": False,
            },
            {"x": cx, "y": cy + b + 2.5, "text": muscle.label, "showarrow": False},
            {
                "x": _SOMA[0],
                "y": _SOMA[1] - 4.5,
                "text": "motor neuron",
                "showarrow": False,
                "font": {"size": 12},
            },
        ],
    }


def motor_unit_diagram(
    muscle: str = "first dorsal interosseous", firing: bool = False
) -> SimulationApp:
    """A motor unit of the chosen muscle, drawn with one dash per muscle fibre; a toggle fires
    its motor neuron and every fibre of the unit lights up (all or none)."""
    _check_choice("muscle", muscle, list(MUSCLES))
    if not isinstance(firing, bool | np.bool_):
        raise ValueError(f"firing must be True or False; got {firing!r}")
    drawings = {name: draw_motor_unit(data.innervation_number) for name, data in MUSCLES.items()}
    picker = widgets.Dropdown(
        options=[(data.label, name) for name, data in MUSCLES.items()],
        value=muscle,
        description="Muscle",
        style={"description_width": "initial"},
        layout=widgets.Layout(width="420px"),
    )
    trigger = widgets.ToggleButtons(
        options=[("At rest", False), ("Fire the motor neuron once", True)],
        value=bool(firing),
        description="Motor neuron",
        style={"description_width": "initial", "button_width": "auto"},
    )
    other_x, other_y = _other_axons()
    figure = CourseFigure(
        data=[
            go.Scatter(
                x=other_x,
                y=other_y,
                mode="lines",
                name="Other motor neurons' axons",
                line={"color": COLOURS["reference"], "width": 1.5},
                hoverinfo="skip",
            ),
            go.Scatter(
                x=[p[0] for p in _OTHER_SOMAS],
                y=[p[1] for p in _OTHER_SOMAS],
                mode="markers",
                name="Other motor neurons",
                marker={"color": COLOURS["reference"], "size": 11},
                hoverinfo="skip",
                showlegend=False,
            ),
            go.Scatter(
                x=[],
                y=[],
                mode="lines",
                name="This motor neuron's axon and its branches",
                # Unsimplified: plotly.js would otherwise merge an out-and-back stretch.
                line={"width": 1, "simplify": False},
                hoverinfo="skip",
            ),
            go.Scattergl(
                x=[],
                y=[],
                mode="markers",
                name="Its muscle fibres (one dash each)",
                marker={"symbol": "line-ew", "size": 9, "line": {"width": 2}},
                hoverinfo="skip",
            ),
            go.Scattergl(
                x=[],
                y=[],
                mode="markers",
                name="Neuromuscular junctions",
                marker={"color": COLOURS["stimulus"], "size": 3},
                hoverinfo="skip",
            ),
            go.Scatter(
                x=[_SOMA[0]],
                y=[_SOMA[1]],
                mode="markers",
                name="This motor neuron",
                marker={"size": 20},
                hoverinfo="skip",
                showlegend=False,
            ),
        ],
        layout=_diagram_layout(MUSCLES[muscle]),
    )
    app = SimulationApp(
        "Motor-unit diagram",
        {"muscle": picker, "firing": trigger},
        figure,
        caption=(
            "A schematic motor unit: its motor neuron (large circle) in the spinal cord or "
            "brainstem, its axon running in a nerve beside other motor neurons' axons (grey) "
            "and branching in the muscle to end at a neuromuscular junction (black dot) on "
            "each of its muscle fibres (one dash per fibre; other units' fibres are not drawn)."
        ),
    )

    def redraw_unit(_change: object = None) -> None:
        data = MUSCLES[picker.value]
        drawing = drawings[picker.value]
        layout = _diagram_layout(data)
        with figure.batch_update():
            figure.data[2].x = drawing.axon_x
            figure.data[2].y = drawing.axon_y
            figure.data[3].x = drawing.fibre_x
            figure.data[3].y = drawing.fibre_y
            figure.data[4].x = drawing.fibre_x
            figure.data[4].y = drawing.fibre_y
            figure.layout.annotations = layout["annotations"]
        recolour()

    def recolour(_change: object = None) -> None:
        colour = COLOURS["highlight"] if trigger.value else _FIBRE_COLOUR_AT_REST
        with figure.batch_update():
            figure.data[2].line.color = colour
            figure.data[2].line.width = 2 if trigger.value else 1
            figure.data[3].marker.color = colour
            figure.data[3].marker.line.color = colour
            figure.data[5].marker.color = colour
        app.readout.value = _diagram_readout(MUSCLES[picker.value], trigger.value)

    picker.observe(redraw_unit, names="value")
    trigger.observe(recolour, names="value")
    redraw_unit()
    return app


def _diagram_readout(muscle: InnervatedMuscle, firing: bool) -> str:
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


@functools.cache
def _section(region: str) -> CrossSection:
    """The course's default cross-section of a region (seeded), built once per session."""
    return muscle_cross_section(region)


@functools.cache
def _regions_of_muscles() -> dict[str, str]:
    """Region of every muscle drawn by the geometry model, e.g. ``{"soleus": "calf"}``."""
    return {name: region for region in REGIONS for name in _section(region).muscle_names}


def _muscle_section(muscle: str) -> tuple[CrossSection, int]:
    """The cross-section that holds ``muscle`` and the muscle's index in it."""
    section = _section(_regions_of_muscles()[muscle])
    return section, section.muscle_names.index(muscle)


def _section_layout(muscle: str, title: str) -> dict:
    """Axes in millimetres, zoomed on ``muscle`` (its neighbours stay partly in view)."""
    section, index = _muscle_section(muscle)
    where = _regions_of_muscles()[muscle]
    x_mm, y_mm = section.x * 1000.0, section.y * 1000.0
    chosen = section.muscle == index
    width = x_mm[chosen].max() - x_mm[chosen].min()
    height = y_mm[chosen].max() - y_mm[chosen].min()
    margin = 0.12 * max(width, height)
    annotations = [
        {
            "x": float(x_mm[section.muscle == other].mean()),
            "y": float(y_mm[section.muscle == other].max() + margin / 2),
            "text": name,
            "showarrow": False,
        }
        for other, name in enumerate(section.muscle_names)
    ]
    return {
        "height": 460,
        "margin": {"t": 90},
        "title": {"text": title, "y": 0.97},
        "legend": {"y": 1.0},
        "xaxis": {
            "title": {"text": f"Position across the {where} (mm)"},
            "range": [float(x_mm[chosen].min() - margin), float(x_mm[chosen].max() + margin)],
        },
        "yaxis": {
            "title": {"text": "Position towards the skin (mm)"},
            "range": [
                float(y_mm[chosen].min() - margin),
                float(y_mm[chosen].max() + 2 * margin),
            ],
            "scaleanchor": "x",
            "scaleratio": 1,
        },
        "annotations": annotations,
    }


def _section_figure(
    muscle: str, title: str, background_name: str, highlight_name: str
) -> go.FigureWidget:
    section, _index = _muscle_section(muscle)
    return CourseFigure(
        data=[
            go.Scattergl(
                x=section.x * 1000.0,
                y=section.y * 1000.0,
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
                name="Its territory",
                line={"color": COLOURS["stimulus"], "dash": "dash", "width": 1.5},
                hoverinfo="skip",
            ),
        ],
        layout=_section_layout(muscle, title),
    )


def _muscle_picker(muscle: str) -> widgets.Dropdown:
    regions = _regions_of_muscles()
    _check_choice("muscle", muscle, list(regions))
    return widgets.Dropdown(
        options=[(f"{region.capitalize()}: {name}", name) for name, region in regions.items()],
        value=muscle,
        description="Muscle",
        style={"description_width": "initial"},
        layout=widgets.Layout(width="360px"),
    )


def _whole_slider(description: str, value: int, maximum: int) -> widgets.IntSlider:
    return widgets.IntSlider(
        value=value,
        min=1,
        max=maximum,
        step=1,
        description=description,
        continuous_update=True,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="420px"),
    )


def _follow_muscle(
    picker: widgets.Dropdown,
    figure: go.FigureWidget,
    title: str,
    redraw: Callable[[], None],
    before_redraw: Callable[[], None] = lambda: None,
) -> None:
    """When another muscle is picked: swap in its region's fibres, zoom on it, redraw."""

    def muscle_changed(change: dict) -> None:
        section, _index = _muscle_section(picker.value)
        layout = _section_layout(picker.value, title)
        with figure.batch_update():
            if _regions_of_muscles()[change["old"]] != _regions_of_muscles()[change["new"]]:
                figure.data[0].x = section.x * 1000.0
                figure.data[0].y = section.y * 1000.0
            figure.layout.xaxis.title.text = layout["xaxis"]["title"]["text"]
            figure.layout.xaxis.range = layout["xaxis"]["range"]
            figure.layout.yaxis.range = layout["yaxis"]["range"]
            figure.layout.annotations = layout["annotations"]
            # Inside the same batch: the page redraws the figure once for the new muscle.
            before_redraw()
            redraw()

    picker.observe(muscle_changed, names="value")


@dataclass(frozen=True)
class TerritoryCount:
    """One unit in a cross-section: its dots, the dots inside its territory, and how many
    other units own dots there."""

    own_points: int
    territory_points: int
    other_units: int

    @property
    def own_share(self) -> float:
        """Fraction of the dots inside the territory that belong to the unit itself."""
        return self.own_points / self.territory_points if self.territory_points else 1.0


def count_territory(section: CrossSection, unit: int) -> TerritoryCount:
    """Count the unit's dots and the dots (own and other units') inside its territory circle."""
    mask = section.fibres_of_unit(unit)
    centre = section.unit_centres[unit]
    distance = np.hypot(section.x - centre[0], section.y - centre[1])
    inside = distance <= section.territory_radius[unit]
    others = np.unique(section.unit[inside & ~mask])
    return TerritoryCount(
        own_points=int(mask.sum()),
        territory_points=int(np.count_nonzero(inside | mask)),
        other_units=len(others),
    )


def _circle(centre: np.ndarray, radius: float) -> tuple[np.ndarray, np.ndarray]:
    """A circle in millimetres around ``centre`` (metres)."""
    angle = np.linspace(0.0, 2 * math.pi, 73)
    x = (centre[0] + radius * np.cos(angle)) * 1000.0
    y = (centre[1] + radius * np.sin(angle)) * 1000.0
    return x, y


def unit_territory_explorer(muscle: str = "gastrocnemius medialis", unit: int = 1) -> SimulationApp:
    """Pick a muscle and a motor unit (1 = smallest); the unit's fibres light up in the
    cross-section, with its territory drawn and a count of the other units sharing it."""
    picker = _muscle_picker(muscle)
    section, _index = _muscle_section(muscle)
    n_units = len(section.units_in(muscle))
    unit_slider = _whole_slider(
        "Motor unit (1 = smallest)", _check_whole("unit", unit, 1, n_units), n_units
    )
    title = "Where the fibres of one motor unit lie"
    figure = _section_figure(
        muscle, title, "Fibres of other motor units", "Fibres of the chosen motor unit"
    )
    app = SimulationApp(
        "Motor-unit territory explorer",
        {"muscle": picker, "unit": unit_slider},
        figure,
        caption=(
            "A muscle cross-section, scaled down (each dot stands for many real fibres): the "
            "orange dots are the fibres of one motor unit, scattered over its territory (dashed "
            "circle) among the fibres of other units (grey)."
        ),
    )

    def fit_slider() -> None:
        section, _index = _muscle_section(picker.value)
        unit_slider.max = len(section.units_in(picker.value))
        unit_slider.value = min(unit_slider.value, unit_slider.max)

    def redraw(_change: object = None) -> None:
        section, _index = _muscle_section(picker.value)
        units = section.units_in(picker.value)
        rank = min(unit_slider.value, len(units))
        chosen = int(units[rank - 1])
        mask = section.fibres_of_unit(chosen)
        outline_x, outline_y = _circle(
            section.unit_centres[chosen], float(section.territory_radius[chosen])
        )
        with figure.batch_update():
            figure.data[1].x = section.x[mask] * 1000.0
            figure.data[1].y = section.y[mask] * 1000.0
            figure.data[2].x = outline_x
            figure.data[2].y = outline_y
        app.readout.value = _territory_readout(section, picker.value, rank, len(units), chosen)

    _follow_muscle(picker, figure, title, redraw, before_redraw=fit_slider)
    unit_slider.observe(redraw, names="value")
    redraw()
    return app


def _real_units_text(section: CrossSection, muscle: str, drawn: int) -> str:
    real = section.real_motor_units[section.muscle_names.index(muscle)]
    if real is None:
        return (
            f"The picture draws {drawn} units; the source used here gives no count for this "
            "muscle, so it is drawn with the medial gastrocnemius's fibres per unit."
        )
    return (
        f"The real muscle has about {real} motor units (Feinstein et al. 1955); {drawn} are drawn."
    )


def _territory_readout(section: CrossSection, muscle: str, rank: int, drawn: int, unit: int) -> str:
    count = count_territory(section, unit)
    per_point = section.fibres_per_point[section.muscle_names.index(muscle)]
    return (
        f"Unit {rank} of {drawn} in the {muscle}: {count.own_points} dots, each standing for "
        f"about {per_point:.0f} real fibres, so about {count.own_points * per_point:,.0f} fibres."
        f"<br>Inside its territory lie {count.territory_points} dots: only "
        f"{100 * count.own_share:.0f} % are its own; the others belong to "
        f"{count.other_units} other units. {_real_units_text(section, muscle, drawn)}"
    )


@dataclass(frozen=True, eq=False)
class ForceRecruitment:
    """Units needed for a force: how many of the smallest units, the share of the muscle's
    fibres they hold, the real fibres (the force step) of the smallest and largest unit drawn,
    and a mask of the fibres that fire."""

    units_needed: int
    units_drawn: int
    fibre_share: float
    smallest_unit_fibres: float
    largest_unit_fibres: float
    fibres: np.ndarray


def units_needed(section: CrossSection, muscle: str, force_fraction: float) -> ForceRecruitment:
    """The smallest units of ``muscle``, taken in order of size, whose fibres add up to at least
    ``force_fraction`` of the muscle's fibres.

    A teaching simplification: every fibre, fully active, gives the same force, so a unit's
    force is proportional to its number of fibres and rate coding is left out (lesson 03).
    Units are taken smallest first, the recruitment order of the pool model of Fuglevand et al.
    (1993).
    """
    if isinstance(force_fraction, bool) or not (
        isinstance(force_fraction, int | float) and 0.0 < force_fraction <= 1.0
    ):
        raise ValueError(f"force_fraction must be in (0, 1]; got {force_fraction!r}")
    units = section.units_in(muscle)
    per_point = section.fibres_per_point[section.muscle_names.index(muscle)]
    sizes = np.bincount(section.unit, minlength=section.n_units)[units]
    cumulative = np.cumsum(sizes) / sizes.sum()
    needed = min(int(np.searchsorted(cumulative, force_fraction - 1e-12) + 1), len(units))
    return ForceRecruitment(
        units_needed=needed,
        units_drawn=len(units),
        fibre_share=float(cumulative[needed - 1]),
        smallest_unit_fibres=float(sizes.min() * per_point),
        largest_unit_fibres=float(sizes.max() * per_point),
        fibres=np.isin(section.unit, units[:needed]),
    )


def units_for_force(
    muscle: str = "first dorsal interosseous", force_percent: int = 10
) -> SimulationApp:
    """A force slider (% of the muscle's maximum): the smallest units light up, one after the
    other, until their fibres hold that share of the muscle's fibres."""
    picker = _muscle_picker(muscle)
    force_slider = _whole_slider(
        "Force wanted (% of the muscle's maximum)",
        _check_whole("force_percent", force_percent, 1, 100),
        100,
    )
    title = "How many motor units for this force?"
    figure = _section_figure(
        muscle, title, "Fibres of units that stay silent", "Fibres of the units that must fire"
    )
    figure.data[2].showlegend = False
    app = SimulationApp(
        "Units-for-force explorer",
        {"muscle": picker, "force": force_slider},
        figure,
        caption=(
            "The same scaled-down cross-section: orange dots are the fibres of the smallest "
            "motor units that, firing together, hold the chosen share of the muscle's fibres "
            "(assuming every fibre gives the same force)."
        ),
    )

    def redraw(_change: object = None) -> None:
        section, _index = _muscle_section(picker.value)
        result = units_needed(section, picker.value, force_slider.value / 100.0)
        with figure.batch_update():
            figure.data[1].x = section.x[result.fibres] * 1000.0
            figure.data[1].y = section.y[result.fibres] * 1000.0
        share_of_units = 100 * result.units_needed / result.units_drawn
        app.readout.value = (
            f"For {force_slider.value} % of the {picker.value}'s maximal force, the "
            f"<b>{result.units_needed} smallest of its {result.units_drawn} units</b> drawn "
            f"({share_of_units:.0f} % of them) must fire; their fibres are "
            f"{100 * result.fibre_share:.0f} % of the muscle's.<br>The smallest unit adds the "
            f"force of about {result.smallest_unit_fibres:,.0f} fibres, the largest that of "
            f"about {result.largest_unit_fibres:,.0f}."
        )

    _follow_muscle(picker, figure, title, redraw)
    force_slider.observe(redraw, names="value")
    redraw()
    return app
