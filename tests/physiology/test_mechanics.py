"""Length-tension (Gordon, Huxley & Julian 1966, J Physiol 184:170) and force-velocity
(Hill 1938, Proc R Soc B 126:136) relations."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lessons.physiology import force_velocity, length_tension, muscle_power, shortening_velocity

MICRO = 1e-6


def test_plateau_between_2_05_and_2_2_micrometres() -> None:
    # Gordon et al. 1966: tension maximal and constant between 2.05 and 2.2 um.
    np.testing.assert_allclose(length_tension(np.linspace(2.05, 2.2, 7) * MICRO), 1.0)


def test_no_tension_without_filament_overlap() -> None:
    # Zero at 3.65 um (thick 1.6 + thin 2.05 um, Gordon et al. 1966) and beyond.
    np.testing.assert_allclose(length_tension(np.array([3.65, 3.9, 4.5]) * MICRO), 0.0, atol=1e-12)
    assert length_tension(3.0 * MICRO) == pytest.approx((3.65 - 3.0) / (3.65 - 2.2))


def test_ascending_limb_steepens_below_1_67_micrometres() -> None:
    lengths = np.array([1.47, 1.57, 1.77, 1.87]) * MICRO
    tension = length_tension(lengths)
    steep = (tension[1] - tension[0]) / 0.1
    shallow = (tension[3] - tension[2]) / 0.1
    assert steep > 3 * shallow > 0
    assert length_tension(1.2 * MICRO) == 0.0


def test_hill_curve_endpoints_and_shape() -> None:
    # Isometric at v = 0, no force at v_max; hyperbola with a/F0 = 0.25 (Hill 1938).
    assert force_velocity(0.0) == 1.0
    assert force_velocity(1.0) == 0.0
    assert force_velocity(0.5) == pytest.approx(0.25 * 0.5 / 0.75)
    assert np.all(np.diff(force_velocity(np.linspace(0, 1, 50))) < 0)


def test_velocity_and_force_are_inverse() -> None:
    loads = np.linspace(0.0, 1.0, 21)
    np.testing.assert_allclose(force_velocity(shortening_velocity(loads)), loads, atol=1e-12)


def test_power_peaks_near_a_third_of_vmax() -> None:
    # dP/dv = 0 at v = sqrt(k^2 + k) - k = 0.309 for k = 0.25 (from Hill's equation).
    velocity = np.linspace(0, 1, 10001)
    best = velocity[np.argmax(muscle_power(velocity))]
    assert best == pytest.approx(np.sqrt(0.25**2 + 0.25) - 0.25, abs=1e-3)


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: length_tension(-1e-6), "sarcomere_length"),
        (lambda: length_tension(1e-3), "sarcomere_length"),
        (lambda: force_velocity(1.5), "velocity"),
        (lambda: force_velocity(0.5, curvature=0.0), "curvature"),
        (lambda: shortening_velocity(float("nan")), "load"),
    ],
)
def test_bad_input_is_refused_with_the_parameter_named(call, name) -> None:
    with pytest.raises(ValueError, match=name):
        call()


@given(st.lists(st.floats(0.0, 5e-6), min_size=1, max_size=30))
def test_length_tension_stays_between_zero_and_one(lengths) -> None:
    tension = length_tension(lengths)
    assert tension.shape == (len(lengths),)
    assert np.all((tension >= 0) & (tension <= 1))
