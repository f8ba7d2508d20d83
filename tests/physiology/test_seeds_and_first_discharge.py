"""Seeds are checked like every other input, and a first discharge (no interval yet) has gain 1."""

from __future__ import annotations

import numpy as np
import pytest

from lessons.physiology import (
    MotorUnitPool,
    cramp,
    fasciculation,
    fibrillation,
    force_gain,
    muscle_cross_section,
)

SEEDED_CALLS = {
    "pool": lambda seed: MotorUnitPool(n_units=5).simulate(0.5, 0.2, seed=seed),
    "fasciculation": lambda seed: fasciculation(2.0, seed=seed),
    "fibrillation": lambda seed: fibrillation(2.0, seed=seed),
    "cramp": lambda seed: cramp(1.0, seed=seed),
    "cross_section": lambda seed: muscle_cross_section("hand", seed=seed),
}


@pytest.mark.parametrize("call", SEEDED_CALLS.values(), ids=SEEDED_CALLS.keys())
@pytest.mark.parametrize("bad_seed", [-1, 1.5, "7", True])
def test_bad_seed_is_refused_with_its_name(call, bad_seed):
    with pytest.raises(ValueError, match=r"seed must be a whole number >= 0; got"):
        call(bad_seed)


@pytest.mark.parametrize("call", SEEDED_CALLS.values(), ids=SEEDED_CALLS.keys())
def test_numpy_integer_seed_is_accepted(call):
    call(np.int64(3))


def test_infinite_interval_has_gain_one():
    # Fuglevand et al. 1993: the gain only departs from 1 above a normalised rate of 0.4;
    # an infinite interval is a normalised rate of 0.
    np.testing.assert_array_equal(force_gain(0.05, [np.inf, 1.0]), [1.0, 1.0])


def test_nan_and_non_positive_intervals_are_still_refused():
    for bad in (np.nan, 0.0, -0.01, -np.inf):
        with pytest.raises(ValueError, match="isi"):
            force_gain(0.05, bad)
