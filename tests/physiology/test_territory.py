"""Lesson 01's cross-section experiments: a unit's territory is shared with other units
(Buchthal, Erminio & Rosenfalck 1959), and a force takes the smallest units first (the
recruitment order of Fuglevand et al. 1993); innervation numbers 340 (hand) and 1934 (calf)
(Feinstein et al. 1955)."""

from __future__ import annotations

import numpy as np
import pytest

from lessons.physiology import muscle_cross_section
from lessons.physiology.territory import (
    count_territory,
    muscle_regions,
    section_frame,
    section_of,
    unit_count,
    unit_territory,
    units_needed,
)


@pytest.fixture(scope="module")
def calf():
    return muscle_cross_section("calf")


def test_every_muscle_is_found_in_its_region(calf) -> None:
    assert muscle_regions() == {
        "gastrocnemius medialis": "calf",
        "gastrocnemius lateralis": "calf",
        "soleus": "calf",
        "first dorsal interosseous": "hand",
    }
    np.testing.assert_array_equal(section_of("soleus").x, calf.x)
    assert unit_count("soleus") == len(calf.units_in("soleus")) == 75


def test_territory_is_shared_with_other_units(calf) -> None:
    for index in calf.units_in("soleus")[::10]:
        count = count_territory(calf, int(index))
        assert count.other_units >= 2
        assert count.own_share < 0.9
        assert count.own_points <= count.territory_points


def test_unit_territory_is_the_ranked_units_fibres_and_circle(calf) -> None:
    shown = unit_territory("soleus", 5)
    index = calf.units_in("soleus")[4]
    mask = calf.fibres_of_unit(index)
    assert (shown.rank, shown.unit, shown.units_drawn) == (5, index, 75)
    np.testing.assert_allclose(shown.fibre_x_mm, calf.x[mask] * 1e3)
    radius = np.hypot(
        shown.outline_x_mm - calf.unit_centres[index][0] * 1e3,
        shown.outline_y_mm - calf.unit_centres[index][1] * 1e3,
    )
    np.testing.assert_allclose(radius, calf.territory_radius[index] * 1e3)
    assert shown.count == count_territory(calf, int(index))
    assert shown.real_fibres == pytest.approx(mask.sum() * calf.fibres_per_point[2])
    assert shown.real_motor_units is None  # Feinstein et al. did not count the soleus
    assert unit_territory("first dorsal interosseous", 1).real_motor_units == 119


def test_larger_ranks_have_more_fibres() -> None:
    first = unit_territory("first dorsal interosseous", 1)
    last = unit_territory("first dorsal interosseous", unit_count("first dorsal interosseous"))
    # Unit sizes spread over a 10-fold range, smallest first (lessons.physiology.geometry).
    assert last.count.own_points > 3 * first.count.own_points


def test_the_frame_zooms_on_the_muscle_and_labels_every_muscle(calf) -> None:
    frame = section_frame("soleus")
    soleus = calf.muscle == calf.muscle_names.index("soleus")
    low, high = frame.x_range
    assert low < calf.x[soleus].min() * 1e3 and high > calf.x[soleus].max() * 1e3
    assert high - low < 1.5 * np.ptp(calf.x[soleus]) * 1e3
    assert frame.y_range[1] > calf.y[soleus].max() * 1e3
    assert [label.text for label in frame.labels] == list(calf.muscle_names)
    assert frame.region == "calf" and section_frame("first dorsal interosseous").region == "hand"


def test_units_needed_is_the_fewest_smallest_units_reaching_the_share(calf) -> None:
    for fraction in (0.01, 0.1, 0.5, 0.9):
        result = units_needed(calf, "soleus", fraction)
        units = calf.units_in("soleus")
        sizes = np.bincount(calf.unit, minlength=calf.n_units)[units]
        held = sizes[: result.units_needed].sum() / sizes.sum()
        held_one_fewer = sizes[: result.units_needed - 1].sum() / sizes.sum()
        assert held >= fraction > held_one_fewer
        assert result.fibres.sum() == sizes[: result.units_needed].sum()
        assert result.unit_percent == pytest.approx(100 * result.units_needed / 75)


def test_full_force_needs_every_unit(calf) -> None:
    result = units_needed(calf, "gastrocnemius lateralis", 1.0)
    assert result.units_needed == result.units_drawn and result.fibre_share == pytest.approx(1)
    assert result.fibres.sum() == np.sum(calf.muscle == 1)


def test_force_steps_are_real_fibres_and_larger_in_the_calf(calf) -> None:
    result = units_needed(calf, "gastrocnemius medialis", 0.5)
    units = calf.units_in("gastrocnemius medialis")
    sizes = np.bincount(calf.unit, minlength=calf.n_units)[units]
    per_point = calf.fibres_per_point[0]
    assert result.smallest_unit_fibres == pytest.approx(sizes.min() * per_point)
    assert result.largest_unit_fibres == pytest.approx(sizes.max() * per_point)
    assert result.largest_unit_fibres > 2 * result.smallest_unit_fibres
    # Mean unit: 1934 fibres in the calf, 340 in the hand (Feinstein et al. 1955), so even the
    # smallest calf unit drawn outweighs the smallest hand unit.
    hand = units_needed(muscle_cross_section("hand"), "first dorsal interosseous", 0.5)
    assert result.smallest_unit_fibres > hand.smallest_unit_fibres
    assert result.largest_unit_fibres > hand.largest_unit_fibres


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: section_of("biceps"), "muscle"),
        (lambda: unit_territory("soleus", 0), "unit"),
        (lambda: unit_territory("soleus", 76), "unit"),
        (lambda: unit_territory("soleus", 2.5), "unit"),
        (lambda: unit_territory("triceps", 1), "muscle"),
        (lambda: units_needed(section_of("soleus"), "soleus", 0.0), "force_fraction"),
        (lambda: units_needed(section_of("soleus"), "soleus", 1.5), "force_fraction"),
        (lambda: units_needed(section_of("soleus"), "soleus", float("nan")), "force_fraction"),
    ],
)
def test_bad_input_is_refused_by_name(call, name) -> None:
    with pytest.raises(ValueError, match=name):
        call()
