"""Lesson 01's apps: the motor-unit diagram, the territory explorer and the units-for-force app.

Numbers checked against sources: innervation numbers 340 (first dorsal interosseous) and 1934
(medial gastrocnemius), with 119 and 579 motor units (Feinstein et al. 1955, Acta Anat
23:127-142); about 10 fibres per unit in the eye muscles (Goyal & Chad 2014). Every fibre of a
unit contracts when its motor neuron fires (all or none; Heckman & Enoka 2012).
"""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from plotly.serializers import _py_to_js

from lessons.content.muscles import muscles
from lessons.figures.theme import COLOURS
from lessons.physiology import muscle_cross_section
from lessons.physiology.territory import units_needed
from lessons.physiology.unit_diagram import draw_motor_unit
from lessons.sims.motor_units import motor_unit_diagram, unit_territory_explorer, units_for_force
from lessons.sims.motor_units.diagram import AXON, FIBRES, JUNCTIONS, OTHER_AXONS, SOMA
from lessons.sims.motor_units.section_view import TERRITORY

CHOSEN_UNIT = "Fibres of the chosen motor unit"
OTHER_UNITS = "Fibres of other motor units"
MUST_FIRE = "Fibres of the units that must fire"


def _n_points(trace) -> int:
    return len(np.asarray(trace.x))


def _segment_ends(trace) -> np.ndarray:
    """The axon's terminals: the points where its out-and-back walk turns round."""
    walk = np.column_stack([np.asarray(trace.x, dtype=float), np.asarray(trace.y, dtype=float)])
    turns = np.all(walk[:-2] == walk[2:], axis=1)
    return walk[1:-1][turns]


def _bytes_sent(app, control: str, value: object) -> int:
    """Bytes the figure sends to the browser when ``control`` is set to ``value``."""
    sizes: list[int] = []

    def size(item: object) -> int:
        if isinstance(item, dict):
            return sum(len(str(key)) + size(entry) for key, entry in item.items())
        if isinstance(item, list | tuple):
            return sum(size(entry) for entry in item)
        if isinstance(item, memoryview):
            return item.nbytes
        return len(json.dumps(item, default=str))

    names = [name for name in app.figure.trait_names() if name.startswith("_py2js_")]

    def grab(change: dict) -> None:
        if change["new"] is not None:
            sizes.append(size(_py_to_js(change["new"], None)))

    app.figure.observe(grab, names=names)
    app.controls[control].value = value
    app.figure.unobserve(grab, names=names)
    return sum(sizes)


# --- the motor-unit diagram -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("muscle", "fibres"),
    [("lateral rectus", 10), ("first dorsal interosseous", 340), ("medial gastrocnemius", 1934)],
)
def test_one_dash_per_fibre_of_the_chosen_muscle(muscle, fibres) -> None:
    app = motor_unit_diagram()
    app.controls["muscle"].value = muscle
    assert _n_points(app.figure.trace(FIBRES)) == fibres
    assert _n_points(app.figure.trace(JUNCTIONS)) == fibres
    assert f"{fibres:,} muscle fibres per motor unit" in app.readout.value


def test_every_fibre_gets_one_axon_terminal_at_its_junction() -> None:
    app = motor_unit_diagram("first dorsal interosseous")
    fibres = np.column_stack(
        [np.asarray(app.figure.trace(FIBRES).x), np.asarray(app.figure.trace(FIBRES).y)]
    )
    ends = _segment_ends(app.figure.trace(AXON))
    # Each fibre is the end of exactly one axon segment: one neuromuscular junction per fibre.
    for fibre in fibres[::17]:
        hits = np.all(np.isclose(ends, fibre, atol=1e-4), axis=1)
        assert hits.sum() == 1
    # The stem starts at the motor neuron's cell body.
    soma = (app.figure.trace(SOMA).x[0], app.figure.trace(SOMA).y[0])
    assert app.figure.trace(AXON).x[0] == pytest.approx(soma[0])
    assert app.figure.trace(AXON).y[0] == pytest.approx(soma[1])


def test_fibres_lie_inside_the_muscle_outline() -> None:
    app = motor_unit_diagram("medial gastrocnemius")
    outline = app.figure.layout.shapes[1]
    cx, cy = (outline.x0 + outline.x1) / 2, (outline.y0 + outline.y1) / 2
    a, b = (outline.x1 - outline.x0) / 2, (outline.y1 - outline.y0) / 2
    x = np.asarray(app.figure.trace(FIBRES).x, dtype=float)
    y = np.asarray(app.figure.trace(FIBRES).y, dtype=float)
    assert np.all(((x - cx) / a) ** 2 + ((y - cy) / b) ** 2 <= 1.0)


def test_firing_lights_up_every_fibre_of_the_unit_and_nothing_else() -> None:
    app = motor_unit_diagram("first dorsal interosseous")
    assert app.figure.trace(FIBRES).marker.color == COLOURS["force"]
    app.controls["firing"].value = True
    assert app.figure.trace(FIBRES).marker.color == COLOURS["highlight"]
    assert app.figure.trace(AXON).line.color == COLOURS["highlight"]
    assert app.figure.trace(OTHER_AXONS).line.color == COLOURS["reference"]  # other axons stay grey
    assert "all 340 fibres" in app.readout.value
    app.controls["muscle"].value = "medial gastrocnemius"
    assert "all 1,934 fibres" in app.readout.value
    app.controls["firing"].value = False
    assert app.figure.trace(FIBRES).marker.color == COLOURS["force"]
    assert "all " not in app.readout.value


def test_labels_follow_where_the_motor_neurons_are() -> None:
    app = motor_unit_diagram("lateral rectus")
    texts = [note.text for note in app.figure.layout.annotations]
    assert "Brainstem" in texts and any("abducens" in text for text in texts)
    app.controls["muscle"].value = "medial gastrocnemius"
    texts = [note.text for note in app.figure.layout.annotations]
    assert "Spinal cord" in texts and "tibial nerve" in texts
    assert "579 motor units" in app.readout.value


def test_switching_to_the_largest_unit_sends_less_than_200_kb() -> None:
    app = motor_unit_diagram("lateral rectus")
    assert _bytes_sent(app, "muscle", "medial gastrocnemius") < 200_000


def test_diagram_refuses_unknown_muscles_and_sizes() -> None:
    with pytest.raises(ValueError, match="muscle must be one of"):
        motor_unit_diagram("biceps")
    with pytest.raises(ValueError, match="innervation_number"):
        draw_motor_unit(0)
    with pytest.raises(ValueError, match="firing"):
        motor_unit_diagram(firing="yes")
    assert set(muscles()) == {"lateral rectus", "first dorsal interosseous", "medial gastrocnemius"}


# --- the territory explorer -------------------------------------------------------------------


@pytest.fixture(scope="module")
def calf():
    return muscle_cross_section("calf")


def test_the_chosen_units_fibres_light_up(calf) -> None:
    app = unit_territory_explorer("gastrocnemius medialis", unit=1)
    for rank in (1, 12, 31):
        app.controls["unit"].value = rank
        index = calf.units_in("gastrocnemius medialis")[rank - 1]
        mask = calf.fibres_of_unit(index)
        np.testing.assert_allclose(
            np.asarray(app.figure.trace(CHOSEN_UNIT).x), calf.x[mask] * 1000.0
        )
        assert f"Unit {rank} of 31" in app.readout.value
        assert f"{mask.sum()} dots" in app.readout.value


def test_larger_ranks_have_more_fibres() -> None:
    app = unit_territory_explorer("first dorsal interosseous", unit=1)
    first = _n_points(app.figure.trace(CHOSEN_UNIT))
    app.controls["unit"].value = app.controls["unit"].max
    last = _n_points(app.figure.trace(CHOSEN_UNIT))
    # Unit sizes spread over a 10-fold range, smallest first (lessons.physiology.geometry).
    assert last > 3 * first


def test_territory_outline_is_centred_on_the_unit(calf) -> None:
    app = unit_territory_explorer("soleus", unit=5)
    index = calf.units_in("soleus")[4]
    x = np.asarray(app.figure.trace(TERRITORY).x)
    y = np.asarray(app.figure.trace(TERRITORY).y)
    radius = np.hypot(x - calf.unit_centres[index][0] * 1e3, y - calf.unit_centres[index][1] * 1e3)
    np.testing.assert_allclose(radius, calf.territory_radius[index] * 1e3)


def test_muscle_of_another_region_swaps_fibres_and_unit_range(calf) -> None:
    app = unit_territory_explorer("soleus", unit=60)
    hand = muscle_cross_section("hand")
    app.controls["muscle"].value = "first dorsal interosseous"
    assert _n_points(app.figure.trace(OTHER_UNITS)) == len(hand.x)
    assert app.controls["unit"].max == len(hand.units_in("first dorsal interosseous"))
    assert app.controls["unit"].value == 60
    assert "119 motor units" in app.readout.value
    assert "hand" in app.figure.layout.xaxis.title.text
    app.controls["muscle"].value = "gastrocnemius lateralis"
    lateral = len(calf.units_in("gastrocnemius lateralis"))
    assert app.controls["unit"].max == lateral and app.controls["unit"].value == lateral
    assert _n_points(app.figure.trace(OTHER_UNITS)) == len(calf.x)
    assert f"Unit {lateral} of {lateral}" in app.readout.value


def test_muscle_change_zooms_on_that_muscle(calf) -> None:
    app = unit_territory_explorer("gastrocnemius medialis")
    app.controls["muscle"].value = "soleus"
    soleus = calf.muscle == calf.muscle_names.index("soleus")
    low, high = app.figure.layout.xaxis.range
    assert low < calf.x[soleus].min() * 1e3 and high > calf.x[soleus].max() * 1e3
    assert high - low < 1.5 * np.ptp(calf.x[soleus]) * 1e3


def test_every_muscle_of_the_geometry_model_can_be_picked() -> None:
    app = unit_territory_explorer()
    assert set(app.controls["muscle"].options) == {
        ("Calf: gastrocnemius medialis", "gastrocnemius medialis"),
        ("Calf: gastrocnemius lateralis", "gastrocnemius lateralis"),
        ("Calf: soleus", "soleus"),
        ("Hand: first dorsal interosseous", "first dorsal interosseous"),
    }


def test_uncounted_muscles_say_so() -> None:
    app = unit_territory_explorer("soleus")
    assert "gives no count" in app.readout.value


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"muscle": "biceps"}, "muscle"),
        ({"muscle": "soleus", "unit": 0}, "unit"),
        ({"muscle": "soleus", "unit": 76}, "unit"),
        ({"unit": 2.5}, "unit"),
    ],
)
def test_territory_explorer_refuses_bad_input(kwargs, name) -> None:
    with pytest.raises(ValueError, match=name):
        unit_territory_explorer(**kwargs)


# --- units for force --------------------------------------------------------------------------


def test_more_force_needs_more_units_and_more_fibres() -> None:
    app = units_for_force("first dorsal interosseous", force_percent=5)
    counts, needed = [], []
    for percent in (5, 20, 50, 80, 100):
        app.controls["force"].value = percent
        counts.append(_n_points(app.figure.trace(MUST_FIRE)))
        needed.append(int(re.search(r"<b>(\d+) smallest", app.readout.value)[1]))
    assert counts == sorted(counts) and counts[0] < counts[-1]
    assert needed == sorted(needed) and needed[-1] == 120


def test_full_force_lights_every_fibre_of_the_muscle(calf) -> None:
    app = units_for_force("gastrocnemius lateralis", force_percent=100)
    inside = calf.muscle == calf.muscle_names.index("gastrocnemius lateralis")
    assert _n_points(app.figure.trace(MUST_FIRE)) == inside.sum()


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"force_percent": 0}, "force_percent"),
        ({"force_percent": 101}, "force_percent"),
        ({"muscle": "triceps"}, "muscle"),
    ],
)
def test_units_for_force_refuses_bad_input(kwargs, name) -> None:
    with pytest.raises(ValueError, match=name):
        units_for_force(**kwargs)
    with pytest.raises(ValueError, match="force_fraction"):
        units_needed(muscle_cross_section("hand"), "first dorsal interosseous", 1.5)


def test_text_forms_are_fixed_whatever_the_state() -> None:
    for app, control, value in (
        (motor_unit_diagram(), "firing", True),
        (unit_territory_explorer(), "unit", 7),
        (units_for_force(), "force", 60),
    ):
        before = app._repr_mimebundle_()["text/plain"]
        app.controls[control].value = value
        assert app._repr_mimebundle_()["text/plain"] == before
        assert app.title in before
