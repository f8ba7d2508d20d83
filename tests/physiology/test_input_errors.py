"""Bad inputs stop with a ValueError that names the parameter (issue 14, item 8).

Each case here used to wrap round, overflow, raise an AttributeError or IndexError, return NaN,
or be silently accepted.
"""

from __future__ import annotations

import time

import numpy as np
import pytest

from lessons.physiology import (
    MotorUnitPool,
    cramp,
    emg_from_spikes,
    evoked_force,
    excitability,
    fibrillation_emg,
    motor_unit_potential,
    moving_fibres,
    muscle_cross_section,
    needle_emg,
    sustained_stimulation,
    twitch_force,
)
from lessons.physiology.fatigue import MAX_STEPS


def test_a_negative_spike_time_is_refused_not_wrapped_round_to_the_end():
    # It used to add a twitch half-way through the record (index -500 of 1001 samples).
    with pytest.raises(ValueError, match=r"^spike_times\[0\] must be times in \[0, 1.0\]"):
        MotorUnitPool(n_units=1).force([[-0.5]], 1.0)


def test_a_spike_time_far_past_the_record_adds_nothing_instead_of_an_index_error():
    time_axis, force = MotorUnitPool(n_units=1).force([[1e308]], 1.0)
    assert time_axis.size == force.shape[1] == 1001
    assert not force.any()


def test_spike_times_far_outside_an_emg_record_add_nothing():
    with np.errstate(over="raise", invalid="raise"):
        emg = emg_from_spikes([[1e308, -1e308]], 0.01, motor_unit_potential())
    assert not emg.voltage.any()


def test_sustained_stimulation_refuses_more_steps_than_a_second_of_loop():
    with pytest.raises(ValueError, match=rf"^step=0.001 .*at most {MAX_STEPS}"):
        sustained_stimulation(20, 3600.0, MotorUnitPool(n_units=1), 0.001)


def test_the_longest_accepted_fatigue_run_takes_about_a_second():
    started = time.perf_counter()
    course = sustained_stimulation(20, 3600.0, MotorUnitPool(n_units=120), 3600.0 / MAX_STEPS)
    assert course.time.size == MAX_STEPS + 1
    assert time.perf_counter() - started < 10.0  # 105 s for the call the issue reported


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: evoked_force([0.0], 1.0, dt=5e-324), r"^duration=1.0 s at dt=5e-324"),
        (lambda: excitability.membrane_noise(1.0, step=5e-324), r"^duration=1.0 s at step="),
        (lambda: emg_from_spikes([[0.1]], 1.0, None), r"^waveform must be a Waveform"),
        (lambda: sustained_stimulation(20, 10.0, "x"), r"^pool must be a MotorUnitPool"),
        (lambda: evoked_force([0.0], "1.0"), r"^duration must be a number; got '1.0'"),
        (lambda: MotorUnitPool().simulate("0.5", 1.0), r"^drive must be numbers"),
        (lambda: twitch_force("0.1"), r"^t must be numbers"),
        (lambda: twitch_force([0.1, "a"]), r"^t must be numbers"),
        (lambda: excitability.membrane_noise(1.0, seed=-1), r"^seed must be a whole number"),
        (lambda: excitability.membrane_noise(1.0, seed=1.5), r"^seed must be a whole number"),
        (lambda: fibrillation_emg([[0.1]], 1.0, seed="x"), r"^seed must be a whole number"),
        (lambda: evoked_force([0.0], True), r"^duration must be a number; got True"),
        (lambda: twitch_force([0.1], peak_force=True), r"^peak_force must be a number"),
        (lambda: twitch_force(np.array([True])), r"^t must be numbers"),
        (lambda: MotorUnitPool(n_units=True), r"^n_units must be a whole number"),
        (lambda: cramp(1.0, "x"), r"^units_per_muscle must map muscle names"),
        (lambda: cramp(1.0, {1: 5}), r"^units_per_muscle keys must be muscle names"),
        (lambda: muscle_cross_section(["calf"]), r"^region must be one of"),
        (lambda: excitability.threshold_margin(5), r"^factors must be a list"),
        (lambda: excitability.threshold_margin([["caffeine"]]), r"^factors has unknown keys"),
        (lambda: needle_emg(5, 1.0), r"^spike_times must be a list"),
        (lambda: needle_emg("abc", 1.0), r"^spike_times must be a list"),
        (lambda: moving_fibres("x", None), r"^section must be a CrossSection"),
    ],
)
def test_a_bad_value_gets_a_value_error_naming_its_parameter(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_twitch_force_long_after_the_discharge_is_zero_not_nan():
    with np.errstate(over="raise", invalid="raise"):
        force = twitch_force([1e308, 1e300, 1.0])
    assert force.tolist() == [0.0, 0.0, pytest.approx(1.0 * 20 * np.exp(1 - 20))]
