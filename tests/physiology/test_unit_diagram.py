"""The schematic motor unit of lesson 01: one terminal per fibre, fibres inside the muscle,
about sqrt(n)/2 branches (a drawing rule), and inputs refused by name."""

from __future__ import annotations

import numpy as np
import pytest

from lessons.physiology.unit_diagram import (
    MUSCLE_AXES,
    MUSCLE_CENTRE,
    OTHER_SOMAS,
    SOMA,
    diagram_frame,
    draw_motor_unit,
    other_axons,
)


def test_more_fibres_need_more_branches() -> None:
    small, large = draw_motor_unit(10), draw_motor_unit(1934)
    assert large.n_fibres == 1934
    assert small.n_branches == 2 and large.n_branches == 22  # about sqrt(n) / 2


def test_the_axon_is_one_unbroken_line_that_reaches_every_fibre() -> None:
    drawing = draw_motor_unit(340)
    walk = np.column_stack([drawing.axon_x, drawing.axon_y])
    assert not np.isnan(walk).any()  # one line: the page draws one element
    # Soma, edge, then per branch: the branch point, out to each fibre and back, the edge.
    assert len(walk) == 2 + 2 * drawing.n_branches + 2 * drawing.n_fibres
    fibres = np.column_stack([drawing.fibre_x, drawing.fibre_y])
    visited = {tuple(point) for point in walk.tolist()}
    assert all(tuple(fibre) in visited for fibre in fibres.tolist())
    # Each fibre is reached from a branch point and the walk returns there at once.
    reached = np.flatnonzero(np.isin(walk[:, 0], fibres[:, 0]))
    np.testing.assert_array_equal(walk[reached - 1], walk[reached + 1])


def test_the_axon_starts_at_the_cell_body_and_fibres_lie_in_the_muscle() -> None:
    drawing = draw_motor_unit(1934)
    assert (drawing.axon_x[0], drawing.axon_y[0]) == pytest.approx(SOMA)
    x = (drawing.fibre_x - MUSCLE_CENTRE[0]) / MUSCLE_AXES[0]
    y = (drawing.fibre_y - MUSCLE_CENTRE[1]) / MUSCLE_AXES[1]
    assert np.all(x**2 + y**2 <= 0.92**2 + 1e-5)
    assert drawing.fibre_x.dtype == np.float32  # small to send to the browser


def test_the_same_seed_draws_the_same_unit() -> None:
    first, again = draw_motor_unit(340, seed=4), draw_motor_unit(340, seed=4)
    np.testing.assert_array_equal(first.fibre_x, again.fibre_x)
    assert not np.array_equal(first.fibre_x, draw_motor_unit(340, seed=5).fibre_x)


def test_the_frame_puts_labels_above_the_cord_and_the_muscle() -> None:
    frame = diagram_frame()
    x0, _y0, x1, y1 = frame.cord
    assert frame.cord_label.y > y1 and x0 < frame.cord_label.x < x1
    mx0, my0, mx1, my1 = frame.muscle
    assert (mx0 + mx1) / 2 == MUSCLE_CENTRE[0] and my1 - my0 == 2 * MUSCLE_AXES[1]
    assert frame.muscle_label.y > my1
    assert x1 < frame.nerve_label.x < mx0
    assert frame.soma_label.y < frame.soma[1]


def test_other_axons_are_one_broken_line_per_other_neuron() -> None:
    x, y = other_axons()
    assert x.count(None) == y.count(None) == len(OTHER_SOMAS)
    starts = [(x[i], y[i]) for i in range(0, len(x), 4)]
    assert starts == list(OTHER_SOMAS)
    assert max(value for value in x if value is not None) < MUSCLE_CENTRE[0]


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"innervation_number": 0}, "innervation_number"),
        ({"innervation_number": 5001}, "innervation_number"),
        ({"innervation_number": 2.5}, "innervation_number"),
        ({"innervation_number": True}, "innervation_number"),
        ({"innervation_number": 10, "seed": -1}, "seed"),
    ],
)
def test_bad_input_is_refused_by_name(kwargs, name) -> None:
    with pytest.raises(ValueError, match=name):
        draw_motor_unit(**kwargs)
