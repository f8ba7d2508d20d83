"""Lesson 08's reinnervation app: lose motor units, let the survivors adopt the orphaned
fibres, and see why weakness is a late sign.

The model is ``lessons.physiology.reinnervation`` on the course's Fuglevand pool: the
maximal force against the share of units lost (precomputed per sprouting limit), each unit's
fibres before and after, and the needle potential of the most-grown unit, which is
illustrative (the literature describes it only as larger, longer and more complex).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from plotly.subplots import make_subplots

from lessons.figures.course_figure import CourseFigure
from lessons.figures.theme import COLOURS, PALETTE
from lessons.physiology.reinnervation import (
    DEFAULT_SPROUTING_LIMIT,
    WEAKNESS_LOSS_FRACTION,
    Reinnervation,
    force_after_loss,
    reinnervate,
    reinnervated_potential,
)
from lessons.sims.app import SimulationApp, labelled_slider

LOSSES = np.linspace(0.0, 1.0, 41)
FORCE_CURVE = "Maximal force after the loss"
NOW = "This muscle"
WEAKNESS_LINE = "Half the units lost"
BEFORE = "Fibres per unit, before"
AFTER = "Fibres per unit, after sprouting"
NORMAL_MUAP = "A normal unit's potential"
GROWN_MUAP = "The most-grown unit's potential (illustrative)"

CAPTION = (
    "Left: the muscle's maximal force (100 % = normal) against the share of its motor units "
    "lost, with survivors growing at most as far as the sprouting limit; the dot is the muscle "
    "you set. Middle: fibres of each of the pool's 120 units before (grey) and after the loss "
    "and sprouting (orange); lost units disappear from the orange set. Right: a normal needle "
    "potential and that of the unit that grew most, larger, longer and with more phases (an "
    "illustrative "
    "shape). Model: lessons.physiology.reinnervation on the Fuglevand pool."
)


@lru_cache(maxsize=32)
def _force_curve(limit: float) -> tuple[float, ...]:
    """The force curve for one sprouting limit, computed once (a slider move looks it up)."""
    return tuple(100 * force_after_loss(LOSSES, limit))


def _figure(normal: np.ndarray) -> CourseFigure:
    figure = CourseFigure(
        make_subplots(
            rows=1,
            cols=3,
            column_widths=[0.34, 0.33, 0.33],
            horizontal_spacing=0.14,
            subplot_titles=("Force kept", "Unit sizes", "Needle potential"),
        )
    )
    _force_traces(figure)
    _unit_traces(figure, normal)
    _axes(figure)
    return figure


def _force_traces(figure: CourseFigure) -> None:
    figure.add_scatter(
        x=100 * LOSSES,
        y=100 * LOSSES,
        mode="lines",
        name=FORCE_CURVE,
        line={"color": COLOURS["force"]},
        row=1,
        col=1,
    )
    figure.add_scatter(
        x=[100 * WEAKNESS_LOSS_FRACTION] * 2,
        y=[0, 110],
        mode="lines",
        name=WEAKNESS_LINE,
        line={"color": COLOURS["reference"], "dash": "dash"},
        row=1,
        col=1,
    )
    figure.add_scatter(
        x=[0],
        y=[100],
        mode="markers",
        name=NOW,
        marker={"size": 13, "color": PALETTE["black"]},
        row=1,
        col=1,
    )


def _unit_traces(figure: CourseFigure, normal: np.ndarray) -> None:
    ranks = np.arange(1, normal.size + 1)
    for name, size, colour in ((BEFORE, 5, "reference"), (AFTER, 6, "fasciculation")):
        figure.add_scatter(
            x=ranks,
            y=normal,
            mode="markers",
            name=name,
            marker={"size": size, "color": COLOURS[colour]},
            row=1,
            col=2,
        )
    figure.add_scatter(
        x=[],
        y=[],
        mode="lines",
        name=NORMAL_MUAP,
        line={"color": COLOURS["reference"]},
        row=1,
        col=3,
    )
    figure.add_scatter(
        x=[], y=[], mode="lines", name=GROWN_MUAP, line={"color": COLOURS["emg"]}, row=1, col=3
    )


def _axes(figure: CourseFigure) -> None:
    figure.update_layout(
        height=470, legend={"y": -0.25, "yanchor": "top"}, margin={"t": 80, "b": 150}
    )
    figure.update_xaxes(title_text="Motor units lost (%)", range=[0, 100], row=1, col=1)
    figure.update_yaxes(title_text="Maximal force (% of normal)", range=[0, 110], row=1, col=1)
    figure.update_xaxes(title_text="Unit (1 = smallest)", row=1, col=2)
    figure.update_yaxes(title_text="Muscle fibres", type="log", row=1, col=2)
    figure.update_xaxes(title_text="Time (ms)", row=1, col=3)
    figure.update_yaxes(title_text="Voltage (mV)", row=1, col=3)


#: Samples per second of the drawn potentials: enough for a smooth curve on screen.
DRAWN_RATE = 10_000.0


def _potential(growth: float) -> tuple[list, list]:
    wave = reinnervated_potential(growth, sampling_rate=DRAWN_RATE)
    return (1e3 * wave.time).tolist(), (1e3 * wave.voltage).tolist()


def describe(muscle: Reinnervation) -> str:
    """The readout: units lost, fibres kept, force, and how much the survivors grew."""
    growth = muscle.growth
    grown = f"{growth.max():.1f}" if growth.size else "0"
    return (
        f"<p><strong>{muscle.units_lost} of {muscle.surviving.size} units lost</strong> "
        f"({muscle.loss_fraction:.0%}). The survivors now hold {muscle.kept_fraction:.0%} of the "
        f"muscle's fibres, growing up to {grown}-fold (limit {muscle.sprouting_limit:g}-fold); "
        f"maximal force is <strong>{muscle.maximal_force:.0%} of normal</strong>.</p>"
        f"<p>In people, weakness becomes clinically apparent only once about "
        f"{WEAKNESS_LOSS_FRACTION:.0%} of a muscle's motor neurons are lost: sprouting hides the "
        f"loss, so weakness is a late sign.</p>"
    )


class ReinnervationView:
    """The reinnervation app and its redraw."""

    def __init__(self, loss: float = 0.0, sprouting_limit: float = DEFAULT_SPROUTING_LIMIT):
        muscle = reinnervate(loss, sprouting_limit)  # refuses bad values with a message
        self.controls = {
            "loss": labelled_slider("Motor units lost (%)", 100 * loss, 0.0, 95.0, 5.0),
            "limit": labelled_slider(
                "Sprouting limit (how many times its fibres a unit can reach)",
                sprouting_limit,
                1.0,
                10.0,
                0.5,
                ".1f",
            ),
        }
        self.figure = _figure(muscle.normal_fibres)
        self.traces = {
            name: self.figure.trace(name)
            for name in (FORCE_CURVE, NOW, AFTER, NORMAL_MUAP, GROWN_MUAP)
        }
        self.traces[NORMAL_MUAP].x, self.traces[NORMAL_MUAP].y = _potential(1.0)
        self.limit_drawn: float | None = None
        self.app = SimulationApp("Losing units, keeping force", self.controls, self.figure, CAPTION)
        for control in self.controls.values():
            control.observe(self.redraw, names="value")
        self.redraw()

    def redraw(self, _change: object = None) -> None:
        """Move the force dot, the unit sizes and the grown unit's potential."""
        loss = self.controls["loss"].value / 100
        limit = self.controls["limit"].value
        muscle = reinnervate(loss, limit)
        growth = float(muscle.growth.max()) if muscle.growth.size else 1.0
        after = np.where(muscle.surviving, muscle.fibres, np.nan)
        time, voltage = _potential(max(growth, 1.0))
        traces = self.traces
        with self.figure.batch_update():
            if limit != self.limit_drawn:  # the curve changes with the limit only
                traces[FORCE_CURVE].y = _force_curve(limit)
                self.limit_drawn = limit
            traces[NOW].x, traces[NOW].y = [100 * loss], [100 * muscle.maximal_force]
            traces[AFTER].y = after.tolist()
            traces[GROWN_MUAP].x, traces[GROWN_MUAP].y = time, voltage
        self.app.readout.value = describe(muscle)
