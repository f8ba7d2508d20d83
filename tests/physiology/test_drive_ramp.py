"""A 10 s ramp of drive over the Fuglevand et al. (1993) pool: the last unit joins at
63.8 % drive (6.38 s), and the force keeps rising after it, by rate coding alone."""

from __future__ import annotations

import numpy as np
import pytest

from lessons.physiology import MotorUnitPool
from lessons.physiology.drive_ramp import RAMP_RASTER_BIN, drive_ramp, running_mean

POOL = MotorUnitPool()


@pytest.fixture(scope="module")
def ramp():
    return drive_ramp()


def test_readings_count_the_units_recruited(ramp) -> None:
    assert ramp.at(6.3).recruited == 119 and ramp.at(6.3).force_at_full_recruitment is None
    reading = ramp.at(6.4)
    assert reading.all_recruited and reading.full_recruitment_time == pytest.approx(6.383, 1e-3)
    assert reading.force_at_full_recruitment == pytest.approx(
        ramp.smooth_force[round(6.383 / 0.001)], abs=0.5
    )
    assert ramp.at(3.0).recruited == 93 and ramp.at(3.0).drive == pytest.approx(0.3)


def test_the_force_reaches_full_at_the_end_and_rises_after_full_recruitment(ramp) -> None:
    assert ramp.at(10.0).force_percent == pytest.approx(100, abs=5)
    assert ramp.at(9.8).force_percent > ramp.at(6.4).force_percent + 25


def test_units_start_firing_just_after_their_thresholds(ramp) -> None:
    for unit in [*range(1, 117, 5), 120]:
        crossing = POOL.thresholds[unit - 1] / POOL.max_excitation * 10.0
        first = np.argmax(ramp.cells[unit - 1] > 0) * RAMP_RASTER_BIN
        assert crossing - RAMP_RASTER_BIN - 0.002 <= first <= crossing + 1 / 8 + 0.002


def test_running_mean_is_centred_and_shrinks_at_the_ends() -> None:
    values = np.arange(10.0)
    smooth = running_mean(values, 3)
    np.testing.assert_allclose(smooth[1:-1], values[1:-1])
    assert smooth[0] == pytest.approx(0.5) and smooth[-1] == pytest.approx(8.5)


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: drive_ramp(duration=0.5), "duration"),
        (lambda: drive_ramp(duration=60), "duration"),
        (lambda: running_mean(np.ones(3), 0), "width"),
    ],
)
def test_bad_input_is_refused_by_name(call, name) -> None:
    with pytest.raises(ValueError, match=name):
        call()


def test_a_time_outside_the_ramp_is_refused(ramp) -> None:
    with pytest.raises(ValueError, match="time"):
        ramp.at(10.5)
