"""Voluntary contractions recorded by needle and surface electrodes (lesson 04's model).

Literature values: recruitment in order of threshold, rates rising from 8 Hz with drive up to
35 Hz for the first unit (Fuglevand et al. 1993, J Neurophysiol 70:2470); a needle records
only the units near its tip (Nandedkar et al. 1988).
"""

from __future__ import annotations

import numpy as np
import pytest

from lessons.physiology import MotorUnitPool
from lessons.physiology.recordings import (
    AUDIO_RATE,
    NEEDLE_UNITS,
    RAMP_DURATION,
    ramp_drive,
    record_ramp,
    record_voluntary,
)


def test_voluntary_recording_needle_sees_only_its_units():
    recording = record_voluntary(0.2, 0.5)
    assert recording.needle_units == NEEDLE_UNITS
    assert recording.recruited_near_needle <= len(NEEDLE_UNITS) < recording.recruited
    assert len(recording.near_needle) == len(NEEDLE_UNITS)
    with pytest.raises(ValueError, match="n_units"):
        record_voluntary(0.2, 0.5, MotorUnitPool(n_units=50))


def test_recording_is_sampled_at_the_audio_rate_for_its_duration():
    recording = record_voluntary(0.1, 2.0)
    for signal in (recording.needle, recording.surface):
        assert signal.sampling_rate == AUDIO_RATE
        assert len(signal.voltage) / AUDIO_RATE == pytest.approx(2.0, abs=0.01)


def test_rest_recruits_nothing_and_leaves_only_noise():
    recording = record_voluntary(0.0, 1.0)
    assert recording.recruited == 0
    # Baseline noise of 1 microvolt rms on the surface, 5 on the needle.
    assert recording.surface_rms == pytest.approx(1e-6, rel=0.2)
    assert recording.needle_peak < 5e-5


def test_recruited_count_and_first_rate_follow_the_pool():
    pool = MotorUnitPool()
    recording = record_voluntary(0.1, 1.0, pool)
    excitation = 0.1 * pool.max_excitation
    assert recording.n_units == pool.n_units
    assert recording.recruited == int(np.sum(pool.thresholds <= excitation))
    # Fuglevand et al. 1993: rate = 8 Hz + (excitation - threshold), threshold 1 for unit 1.
    assert recording.first_unit_rate == pytest.approx(8 + excitation - 1)


def test_more_effort_gives_more_surface_emg():
    quiet, strong = (record_voluntary(effort, 1.0) for effort in (0.03, 0.3))
    assert strong.surface_rms > 2 * quiet.surface_rms
    assert strong.needle_peak > quiet.needle_peak


def test_ramp_drive_rises_linearly_each_millisecond():
    drive = ramp_drive(0.5)
    assert len(drive) == round(RAMP_DURATION / 0.001) + 1
    assert drive[0] == 0.0 and drive[-1] == 0.5
    np.testing.assert_allclose(np.diff(drive), 0.5 / (len(drive) - 1))
    with pytest.raises(ValueError, match="peak_effort"):
        ramp_drive(1.5)
    with pytest.raises(ValueError, match="duration"):
        ramp_drive(0.5, duration=0.0)


def test_ramp_recruits_each_unit_when_drive_reaches_its_threshold():
    pool = MotorUnitPool()
    ramp = record_ramp(1.0, pool)
    assert len(ramp.recruitment_times) == len(NEEDLE_UNITS)
    for onset, unit in zip(ramp.recruitment_times, NEEDLE_UNITS, strict=True):
        # Recruited when excitation reaches threshold, then >= 8 Hz: first spike within 125 ms.
        recruited_at = pool.thresholds[unit] / pool.max_excitation * RAMP_DURATION
        assert recruited_at - 0.001 <= onset <= recruited_at + 0.125


def test_last_recruitment_effort_is_proportional_to_its_time():
    ramp = record_ramp(0.4)
    assert 0 < len(ramp.recruitment_times) < len(NEEDLE_UNITS)
    assert ramp.last_recruitment_time == ramp.recruitment_times.max()
    expected = 0.4 * ramp.last_recruitment_time / RAMP_DURATION
    assert ramp.last_recruitment_effort == pytest.approx(expected)
    assert ramp.recording.first_unit_rate == pytest.approx(MotorUnitPool().rates(0.4)[0])


def test_a_ramp_that_recruits_nobody_has_no_last_recruitment():
    ramp = record_ramp(0.0)
    assert len(ramp.recruitment_times) == 0
    assert np.isnan(ramp.last_recruitment_time)
    assert np.isnan(ramp.last_recruitment_effort)


def test_first_unit_fires_faster_as_the_ramp_rises():
    first = record_ramp(0.6).recording.near_needle[0]
    intervals = np.diff(first)
    # Rate coding: about 8-12 Hz early in the ramp, faster at its end; CV 0.2, so medians.
    assert np.median(intervals[:5]) > 0.07
    assert np.median(intervals[-5:]) < 0.04


@pytest.mark.parametrize("duration", [0.0, 20.0, float("nan"), "1", True])
def test_bad_durations_are_refused_by_name(duration):
    with pytest.raises(ValueError, match="duration"):
        record_voluntary(0.1, duration)
