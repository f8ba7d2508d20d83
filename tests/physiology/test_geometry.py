"""Muscle cross-sections. Sources: PCSA of soleus 51.8, medial gastrocnemius 21.1, lateral
gastrocnemius 9.7 cm^2 (Ward et al. 2009, Clin Orthop Relat Res 467:1074); innervation numbers
1934 (medial gastrocnemius) and 340 (first dorsal interosseous) (Feinstein et al. 1955)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons.physiology import REGIONS, muscle_cross_section


@pytest.fixture(scope="module")
def calf():
    return muscle_cross_section("calf", seed=0)


def test_calf_has_three_muscles_sized_by_pcsa(calf) -> None:
    assert calf.muscle_names == ("gastrocnemius medialis", "gastrocnemius lateralis", "soleus")
    counts = np.bincount(calf.muscle)
    assert counts.sum() == pytest.approx(3000, abs=3)
    assert counts[2] / counts[0] == pytest.approx(51.8 / 21.1, rel=0.01)
    assert counts[0] / counts[1] == pytest.approx(21.1 / 9.7, rel=0.01)


def test_points_per_unit_times_fibres_per_point_is_the_innervation_number() -> None:
    for region in REGIONS:
        section = muscle_cross_section(region, seed=1)
        for index, innervation in enumerate(section.innervation_numbers):
            units = np.flatnonzero(section.unit_muscle == index)
            points = np.sum(section.muscle == index)
            fibres_per_unit = points / len(units) * section.fibres_per_point[index]
            assert fibres_per_unit == pytest.approx(innervation, rel=0.05)
    assert muscle_cross_section("hand").innervation_numbers == (340,)
    assert muscle_cross_section("calf").real_motor_units[0] == 579


def test_muscles_do_not_overlap(calf) -> None:
    for index in range(len(calf.muscle_names)):
        inside = calf.muscle == index
        for other in range(len(calf.muscle_names)):
            if other == index:
                continue
            box_x = (calf.x[inside].min(), calf.x[inside].max())
            box_y = (calf.y[inside].min(), calf.y[inside].max())
            others = calf.muscle == other
            within = (
                (calf.x[others] > box_x[0])
                & (calf.x[others] < box_x[1])
                & (calf.y[others] > box_y[0])
                & (calf.y[others] < box_y[1])
            )
            # Ellipses may share bounding-box corners but not interiors: few points at most.
            assert within.mean() < 0.05


def test_unit_fibres_are_scattered_and_intermingled(calf) -> None:
    # Neighbouring fibres mostly belong to different units (territories overlap).
    positions = np.column_stack([calf.x, calf.y])
    distance = ((positions[:, None, :] - positions[None, :, :]) ** 2).sum(axis=-1)
    np.fill_diagonal(distance, np.inf)
    nearest = np.argmin(distance, axis=1)
    assert np.mean(calf.unit[nearest] == calf.unit) < 0.5
    # Each unit stays within its territory (plus the few points given to the nearest centre).
    for unit in range(0, calf.n_units, 7):
        mask = calf.fibres_of_unit(unit)
        centre = calf.unit_centres[unit]
        spread = np.hypot(calf.x[mask] - centre[0], calf.y[mask] - centre[1])
        assert np.median(spread) <= calf.territory_radius[unit]


def test_units_belong_to_one_muscle(calf) -> None:
    for unit in range(calf.n_units):
        muscles = set(calf.muscle[calf.unit == unit])
        assert muscles <= {calf.unit_muscle[unit]}


def test_same_seed_same_picture() -> None:
    first = muscle_cross_section("hand", seed=5)
    second = muscle_cross_section("hand", seed=5)
    np.testing.assert_array_equal(first.x, second.x)
    np.testing.assert_array_equal(first.unit, second.unit)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"region": "thigh"}, "region"),
        ({"n_points": 0}, "n_points"),
        ({"n_points": 10**7}, "n_points"),
        ({"points_per_unit": float("nan")}, "points_per_unit"),
        ({"territory_overlap": 0.5}, "territory_overlap"),
    ],
)
def test_bad_input_is_refused_with_the_parameter_named(kwargs, name) -> None:
    with pytest.raises(ValueError, match=name):
        muscle_cross_section(**kwargs)


def test_unknown_unit_or_muscle_is_refused(calf) -> None:
    with pytest.raises(ValueError, match="unit"):
        calf.fibres_of_unit(calf.n_units)
    with pytest.raises(ValueError, match="muscle"):
        calf.units_in("biceps")


@settings(max_examples=15, deadline=None)
@given(
    st.sampled_from(REGIONS),
    st.integers(50, 4000),
    st.floats(2.0, 100.0),
    st.integers(0, 2**16),
)
def test_every_fibre_has_a_valid_muscle_and_unit(region, n_points, per_unit, seed) -> None:
    section = muscle_cross_section(region, n_points, per_unit, seed=seed)
    assert len(section.x) == len(section.y) == len(section.unit) == len(section.muscle)
    assert np.all(np.isfinite(section.x)) and np.all(np.isfinite(section.y))
    assert section.unit.min() >= 0 and section.unit.max() < section.n_units
    np.testing.assert_array_equal(section.unit_muscle[section.unit], section.muscle)
