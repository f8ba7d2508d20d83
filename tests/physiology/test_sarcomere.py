"""Filament overlap of Gordon, Huxley & Julian (1966, J Physiol 184:170-192)."""

from __future__ import annotations

import numpy as np
import pytest

from lessons.physiology import length_tension
from lessons.physiology.mechanics import LENGTH_TENSION_POINTS
from lessons.physiology.sarcomere import (
    LENGTH_TENSION_REGIONS,
    length_tension_region,
    sarcomere_overlap,
)


def test_overlap_follows_the_plateau_and_descending_limb():
    # Tension on the plateau and descending limb is proportional to the overlap of thin
    # filaments with the thick filaments' cross-bridges.
    for length in np.linspace(LENGTH_TENSION_POINTS[2][0], 3.8e-6, 40):
        overlap = sarcomere_overlap(float(length))
        assert overlap.fraction == pytest.approx(float(length_tension(length)), abs=1e-9)


def test_overlap_stays_full_on_the_ascending_limb_and_is_gone_past_3_65_micrometres():
    assert sarcomere_overlap(1.8e-6).fraction == pytest.approx(1.0)
    gone = sarcomere_overlap(3.7e-6)
    assert gone.fraction == 0.0 and gone.end == gone.start


@pytest.mark.parametrize(
    ("micrometres", "region"),
    [(1.4, 0), (1.7, 1), (1.9, 1), (2.1, 2), (2.19, 2), (2.8, 3), (3.7, 4), (3.8, 4)],
)
def test_each_length_is_on_its_part_of_the_curve(micrometres, region):
    assert length_tension_region(micrometres * 1e-6) == LENGTH_TENSION_REGIONS[region]


@pytest.mark.parametrize("length", [2.1, 1.0e-6, 4.0e-6, float("nan")])
def test_lengths_outside_the_drawing_are_refused_by_name(length):
    with pytest.raises(ValueError, match="sarcomere_length"):
        sarcomere_overlap(length)
    with pytest.raises(ValueError, match="sarcomere_length"):
        length_tension_region(length)
