"""Force against drive split into recruitment alone and rate coding (Fuglevand et al. 1993
pool): the last unit recruited at 30/47 = 63.8 % drive, and a narrower recruitment range
recruits everything earlier."""

from __future__ import annotations

import numpy as np
import pytest

from lessons.physiology import MotorUnitPool
from lessons.physiology.force_sources import force_sources
from lessons.physiology.force_split import DRIVE_GRID, force_split


def test_the_reading_is_the_force_sources_of_the_pool() -> None:
    reading = force_split(30.0).at(80)
    sources = force_sources(MotorUnitPool(), 0.8)
    assert reading.total_percent == pytest.approx(
        float(sources.percent_of_maximum(sources.total_force)), abs=1e-6
    )
    assert reading.recruited == reading.n_units == 120
    assert reading.rate_coding_percent == pytest.approx(
        reading.total_percent - reading.recruitment_percent
    )


def test_rate_coding_sits_above_recruitment_alone() -> None:
    split = force_split()
    assert np.all(split.total_percent >= split.recruitment_percent - 1e-9)
    assert split.total_percent[-1] == pytest.approx(100.0)
    assert split.recruitment_percent[-1] < 25
    np.testing.assert_allclose(split.drive_percent, DRIVE_GRID * 100)


@pytest.mark.parametrize(("spread", "last"), [(30, 30 / 47), (90, 90 / 107), (10, 10 / 27)])
def test_the_recruitment_range_moves_the_last_recruitment(spread, last) -> None:
    reading = force_split(float(spread)).at(50)
    assert reading.full_recruitment_percent == pytest.approx(100 * last, abs=0.01)
    assert 0 < reading.force_at_full_recruitment < 100


def test_each_range_is_computed_once() -> None:
    assert force_split(45.0) is force_split(45.0)


@pytest.mark.parametrize("drive", [-1, 101, float("nan")])
def test_a_bad_drive_is_refused(drive) -> None:
    with pytest.raises(ValueError, match="drive_percent"):
        force_split().at(drive)
