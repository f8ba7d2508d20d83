"""Coordinates of lesson 01's schematic motor unit: one motor neuron, its axon, all its fibres.

A motor unit is one motor neuron and every muscle fibre its axon reaches; the axon branches in
the muscle and ends on each of its fibres at one neuromuscular junction (Heckman & Enoka 2012,
Compr Physiol 2:2629-2682). The drawing places, in *drawing units* (a schematic, not to scale),
the spinal cord or brainstem with the cell bodies, the nerve, and the muscle's outline, and
scatters the unit's fibres through the muscle. The number of fibres drawn is the muscle's
innervation number (``data/muscles.yaml``). Everything is seeded and deterministic.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from lessons.physiology import _validation as check

#: Cell body of the drawn motor neuron (drawing units).
SOMA = (12.0, 28.0)
#: Box of the spinal cord or brainstem: x0, y0, x1, y1 (drawing units).
CORD = (2.0, 8.0, 21.0, 48.0)
#: Centre and semi-axes of the muscle's outline (drawing units).
MUSCLE_CENTRE = (79.0, 28.0)
MUSCLE_AXES = (19.0, 24.0)
#: Where the axons gather into the nerve (x, drawing units).
NERVE_START = 25.0
#: Cell bodies of five other motor neurons of the same pool (drawing units).
OTHER_SOMAS = ((6.0, 15.0), (15.0, 13.0), (7.0, 40.0), (16.0, 42.0), (5.5, 27.0))
#: Largest innervation number drawn: above the 1934 of the medial gastrocnemius (Feinstein
#: et al. 1955), small enough to stay quick in the page.
MAX_FIBRES = 5000
#: Fibres are scattered over 92 % of the outline's semi-axes, branch points over 60 %.
_FIBRE_SPREAD = 0.92
_BRANCH_SPREAD = 0.6


@dataclass(frozen=True)
class Label:
    """Where a text label goes (drawing units)."""

    x: float
    y: float


@dataclass(frozen=True)
class DiagramFrame:
    """The fixed parts of the drawing: boxes of the cord and the muscle, and label places."""

    cord: tuple[float, float, float, float]
    muscle: tuple[float, float, float, float]
    soma: tuple[float, float]
    cord_label: Label
    nerve_label: Label
    muscle_label: Label
    soma_label: Label


def diagram_frame() -> DiagramFrame:
    """The cord box, the muscle's bounding box and where their labels sit."""
    x0, _y0, x1, y1 = CORD
    cx, cy = MUSCLE_CENTRE
    a, b = MUSCLE_AXES
    return DiagramFrame(
        cord=CORD,
        muscle=(cx - a, cy - b, cx + a, cy + b),
        soma=SOMA,
        cord_label=Label((x0 + x1) / 2, y1 + 2.5),
        nerve_label=Label((NERVE_START + cx - a) / 2, SOMA[1] + 6.5),
        muscle_label=Label(cx, cy + b + 2.5),
        soma_label=Label(SOMA[0], SOMA[1] - 4.5),
    )


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


def _points_in_muscle(rng: np.random.Generator, count: int, shrink: float) -> np.ndarray:
    radius = np.sqrt(rng.uniform(0.0, 1.0, count)) * shrink
    angle = rng.uniform(0.0, 2 * math.pi, count)
    return np.column_stack(
        [
            MUSCLE_CENTRE[0] + MUSCLE_AXES[0] * radius * np.cos(angle),
            MUSCLE_CENTRE[1] + MUSCLE_AXES[1] * radius * np.sin(angle),
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
    count = check.integer("innervation_number", innervation_number, 1, MAX_FIBRES)
    rng = check.random_generator("seed", seed)
    fibres = _points_in_muscle(rng, count, _FIBRE_SPREAD)
    n_branches = max(1, round(math.sqrt(count) / 2))
    branches = _points_in_muscle(rng, n_branches, _BRANCH_SPREAD)
    nearest = np.argmin(
        ((fibres[:, np.newaxis, :] - branches[np.newaxis, :, :]) ** 2).sum(axis=-1), axis=1
    )
    entry = np.array([MUSCLE_CENTRE[0] - MUSCLE_AXES[0], MUSCLE_CENTRE[1]])
    walk = _axon_tree_walk(np.asarray(SOMA), entry, branches, fibres, nearest)
    return UnitDrawing(
        fibre_x=fibres[:, 0].astype(np.float32),
        fibre_y=fibres[:, 1].astype(np.float32),
        axon_x=walk[:, 0].astype(np.float32),
        axon_y=walk[:, 1].astype(np.float32),
        n_branches=n_branches,
    )


def other_axons() -> tuple[list[float | None], list[float | None]]:
    """Axons of the other motor neurons, joining ours in the nerve and stopping at the muscle:
    x and y of one line per axon, separated by ``None`` (a break in the line)."""
    x: list[float | None] = []
    y: list[float | None] = []
    edge = MUSCLE_CENTRE[0] - MUSCLE_AXES[0] + 1.0
    for index, (soma_x, soma_y) in enumerate(OTHER_SOMAS):
        offset = (index - 2) * 1.1 + (0.55 if index >= 2 else -0.55)
        lane = SOMA[1] + offset
        x += [soma_x, NERVE_START, edge, None]
        y += [soma_y, lane, lane + 0.6 * offset, None]
    return x, y
