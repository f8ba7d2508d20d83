"""Lesson 05's calf events on their numbers: a fasciculation, a fibrillation and a cramp.

Sources of the numbers checked: twitch peaks at the unit's peak force (Fuglevand, Winter &
Patla 1993); fibrillation potentials are regular at the chosen rate (Davalos & Kushlaf,
StatPearls); cramp units fire at 6-25 Hz (Minetto et al. 2009); a cramp involves several
muscles of the calf at the same time (seed facts).
"""

from __future__ import annotations

import numpy as np
import pytest

from lessons.physiology.calf import (
    CRAMP_DURATION,
    EMG_RATE,
    FORCE_STEP,
    ONSET,
    calf_model,
    check_seed,
    time_above_half_peak,
)
from lessons.physiology.calf_cramp import cramp_event, cramp_trains, cramp_units
from lessons.physiology.calf_events import (
    AUDIO_CLIP,
    event_sound,
    fasciculation_event,
    fibrillation_event,
    simulate_event,
)


def test_a_fasciculation_is_one_unit_whose_fibres_all_move():
    event = fasciculation_event()
    section = calf_model().section
    (unit,) = event.units
    np.testing.assert_array_equal(event.moving, section.fibres_of_unit(unit))
    assert event.lit_points == section.fibres_of_unit(unit).sum()
    muscle, rank = calf_model().rank_of(unit)
    # One isolated twitch peaks at the unit's own peak force (Fuglevand et al. 1993, eq. 13).
    assert event.peak_force == pytest.approx(calf_model().pool_of(muscle).peak_forces[rank], 0.02)
    # A twitch is brief: well under half a second above half its peak.
    assert 0.05 < event.duration < 0.5
    assert event.discharges == len(event.activity.spike_times[0]) >= 1


def test_a_fibrillation_moves_nothing_and_is_thousands_of_times_weaker():
    fibre = fibrillation_event()
    unit = fasciculation_event()
    assert fibre.moving.sum() == 0
    assert fibre.fibres == 1
    assert fibre.fibre_point is not None
    assert fibre.peak_force < unit.peak_force / 500
    # Regular firing at 5 Hz over the 8 s window.
    intervals = np.diff(fibre.activity.spike_times[0])
    np.testing.assert_allclose(intervals, 0.2)
    # A fibrillation potential is 20-200 microvolts (Davalos & Kushlaf); 10 microvolts of noise.
    assert 40e-6 < fibre.emg_peak < 125e-6


def test_a_cramp_is_many_units_in_every_calf_muscle_sustained_and_smooth():
    event = cramp_event()
    unit = fasciculation_event()
    section = calf_model().section
    assert set(event.muscles) == set(section.muscle_names)
    assert len(event.units) > 50
    assert event.moving.sum() > 50 * unit.moving.sum()
    assert event.peak_force > 100 * unit.peak_force
    assert event.duration == pytest.approx(CRAMP_DURATION, abs=0.2)
    plateau = event.force[round((ONSET + 1) / FORCE_STEP) : round((ONSET + 4.5) / FORCE_STEP)]
    assert event.plateau_ripple == pytest.approx(100 * plateau.std() / plateau.mean())
    assert event.plateau_ripple < 10  # summed, partly fused twitches: smooth
    rates = np.array([len(t) for t in event.activity.spike_times]) / CRAMP_DURATION
    assert rates.min() > 5.0 and rates.max() < 30.0  # 6-25 Hz per unit, Minetto et al. 2009
    assert np.all(event.force[: round(0.9 * ONSET / FORCE_STEP)] == 0)
    assert event.emg_peak > 2 * unit.emg_peak


def test_a_bigger_cramp_share_recruits_more_units_and_more_force():
    small, large = cramp_event(0.2), cramp_event(1.0)
    assert len(large.units) > len(small.units)
    assert set(small.units) < set(large.units)  # smallest units first, then the others
    assert large.peak_force > 2 * small.peak_force
    section = calf_model().section
    assert cramp_units(1.0) == {name: len(section.units_in(name)) for name in section.muscle_names}


def test_a_smaller_cramp_keeps_the_first_units_discharges_of_the_full_one():
    full, part = cramp_trains(1.0), cramp_trains(0.2)
    for name, count in cramp_units(0.2).items():
        for kept, whole in zip(part[name][:count], full[name][:count], strict=True):
            np.testing.assert_array_equal(kept, whole)
        assert all(train.size == 0 for train in part[name][count:])


def test_percent_of_compares_peaks_and_survives_a_zero_reference():
    unit, cramp = fasciculation_event(), cramp_event()
    assert unit.percent_of(cramp.peak_force) == pytest.approx(
        100 * unit.peak_force / cramp.peak_force
    )
    assert unit.percent_of(0.0) == 0.0


def test_fire_again_draws_are_reproducible_and_different():
    first, again = simulate_event("fasciculation", 4), simulate_event("fasciculation", 4)
    assert first.units == again.units
    assert any(simulate_event("fasciculation", d).units != first.units for d in (1, 2, 3))
    assert simulate_event("fibrillation", 3).fibre_point != fibrillation_event().fibre_point


def test_half_peak_duration_counts_the_longest_run():
    force = np.array([0, 1, 2, 1, 0, 0, 2, 2, 2, 0.0])
    assert time_above_half_peak(force, 0.5) == pytest.approx(1.5)
    assert time_above_half_peak(np.zeros(5), 0.5) == 0.0


def test_the_sound_is_the_clip_at_full_loudness():
    waveform, rate = event_sound(fasciculation_event())
    assert rate >= EMG_RATE
    assert waveform.size == pytest.approx((AUDIO_CLIP[1] - AUDIO_CLIP[0]) * rate, abs=1)
    assert np.abs(waveform).max() == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: simulate_event("spasm"), "kind must be one of"),
        (lambda: simulate_event("cramp", -1), "seed must be a whole number >= 0"),
        (lambda: check_seed(True), "seed must be a whole number >= 0"),
        (lambda: fasciculation_event(unit=500), r"unit must be in \[0, 119\]"),
        (lambda: fasciculation_event(unit=1.5), r"unit must be a whole number in \[0, 119\]"),
        (lambda: fasciculation_event(seed=-3), "seed must be"),
        (lambda: fibrillation_event(point=-2), r"point must be in \[0, "),
        (lambda: cramp_event(share=0.0), r"share must be in \[0.05, 1\]"),
        (lambda: cramp_event(share=float("nan")), "share must be"),
        (lambda: cramp_event(share=True), "share must be a number"),
    ],
)
def test_bad_input_is_refused_with_a_message_naming_the_parameter(call, message):
    with pytest.raises(ValueError, match=message):
        call()
