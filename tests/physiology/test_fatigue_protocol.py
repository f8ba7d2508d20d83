"""Lesson 02's fatigue protocol on the model of Potvin & Fuglevand (2017, PLoS Comput Biol
13:e1005581)."""

from __future__ import annotations

import numpy as np
import pytest

from lessons.physiology import fatigue_protocol as protocol
from lessons.physiology import sustained_stimulation


def test_each_course_is_the_models_and_is_computed_once():
    course = protocol.fatigue_course(30.0)
    assert protocol.fatigue_course(30.0) is course
    expected = sustained_stimulation(30.0, protocol.FATIGUE_DURATION)
    np.testing.assert_allclose(course.force, expected.force)


def test_a_moment_reads_the_nearest_update_step():
    course = protocol.fatigue_course(30.0)
    moment = protocol.fatigue_moment(30.0, 60.04)
    assert moment.time == pytest.approx(60.0)
    assert moment.relative_force == course.relative_force[600]
    assert moment.final_relative_force == course.relative_force[-1]
    np.testing.assert_array_equal(moment.capacity, course.capacity[:, 600])
    # Fast units (last) lose their capacity first (fatigue rates rise 180-fold).
    assert moment.capacity[-1] < 0.1 < 0.95 < moment.capacity[0]


def test_the_strongest_start_is_the_fastest_train():
    starts = [float(protocol.fatigue_course(rate).force[0]) for rate in (5.0, 60.0)]
    assert protocol.strongest_starting_force() == max(starts) == starts[1]


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: protocol.fatigue_course(100.0), "frequency"),
        (lambda: protocol.fatigue_moment(30.0, -1.0), "time"),
        (lambda: protocol.fatigue_moment(30.0, 181.0), "time"),
    ],
)
def test_settings_outside_the_protocol_are_refused_by_name(call, name):
    with pytest.raises(ValueError, match=name):
        call()
