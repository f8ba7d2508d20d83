"""How far apart lesson 05's events stay: the precomputed comparison against the full model."""

from __future__ import annotations

import pytest

from lessons.physiology.calf import calf_model
from lessons.physiology.calf_cramp import cramp_event
from lessons.physiology.calf_events import fasciculation_event
from lessons.physiology.calf_sizes import calf_sizes, compare_sizes, cramp_size


def test_running_sums_give_the_same_cramp_as_the_full_model():
    for share in (0.1, 0.6, 1.0):
        event = cramp_event(share)
        size = cramp_size(share)
        assert size.peak_force == pytest.approx(event.peak_force)
        assert size.duration == pytest.approx(event.duration)
        assert size.fibres == pytest.approx(event.fibres, abs=1)


def test_a_larger_unit_is_stronger_and_briefer():
    small, large = compare_sizes(1, 0.6).fasciculation, compare_sizes(31, 0.6).fasciculation
    # Fuglevand et al. 1993: 10-fold force range here, contraction time falls as force rises.
    assert large.peak_force / small.peak_force == pytest.approx(10, rel=0.05)
    assert large.duration < small.duration
    assert small.fibres > 1


def test_the_default_unit_is_the_explorer_s_fasciculation():
    event = fasciculation_event()
    unit = compare_sizes(16, 0.6).fasciculation
    assert calf_sizes().n_units == 31
    assert unit.peak_force == pytest.approx(event.peak_force, rel=0.02)
    assert unit.fibres == pytest.approx(event.fibres, abs=1)


def test_one_fibre_twitches_with_one_fibre_s_force():
    sizes = compare_sizes(16, 0.6)
    assert sizes.fibrillation.peak_force == pytest.approx(calf_model().fibre_force, rel=0.01)
    assert sizes.fibrillation.fibres == 1.0
    # Order of sizes: fibre << unit << cramp, whatever the sliders say.
    assert sizes.fibrillation.peak_force < sizes.fasciculation.peak_force
    assert sizes.fasciculation.peak_force < sizes.cramp.peak_force


def test_the_ratios_are_those_of_the_sizes():
    sizes = compare_sizes(5, 0.3)
    assert sizes.of("cramp") is sizes.cramp
    assert sizes.cramp_over_unit == pytest.approx(
        sizes.cramp.peak_force / sizes.fasciculation.peak_force
    )
    assert sizes.cramp_over_fibre == pytest.approx(
        sizes.cramp.peak_force / sizes.fibrillation.peak_force
    )
    assert sizes.cramp_longer == pytest.approx(sizes.cramp.duration / sizes.fasciculation.duration)
    assert sizes.cramp_longer > 10


@pytest.mark.parametrize(
    ("unit_rank", "share", "message"),
    [
        (0, 0.6, r"unit_rank must be in \[1, 31\]"),
        (32, 0.6, r"unit_rank must be in \[1, 31\]"),
        (2.0, 0.6, "unit_rank must be a whole number"),
        (1, 1.5, r"share must be in \[0.05, 1\]"),
    ],
)
def test_bad_input_is_refused_with_a_message_naming_the_parameter(unit_rank, share, message):
    with pytest.raises(ValueError, match=message):
        compare_sizes(unit_rank, share)
