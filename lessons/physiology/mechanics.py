"""Whole-muscle mechanics: the length-tension and force-velocity relations.

- Length-tension: isometric tetanic tension of a frog fibre against sarcomere length
  (Gordon, Huxley & Julian 1966, J Physiol 184:170-192). Their measurements give a plateau
  between 2.05 and 2.2 micrometres, a linear descending limb reaching zero at 3.65 micrometres
  (where thick and thin filaments no longer overlap), and an ascending limb that becomes
  suddenly steeper below about 1.67 micrometres. The tension at that break (about 0.8 of
  maximum) and the extrapolated zero of the steep limb (about 1.27 micrometres) are approximate
  readings of their summary figure, as commonly reproduced.
- Force-velocity: Hill's (1938, Proc R Soc B 126:136-195) hyperbola for shortening,
  ``(F + a)(v + b) = (F0 + a) b``, normalised with ``a/F0 = b/v_max = k`` (k about 0.25 for
  vertebrate muscle in Hill's data).

Lengths are in metres, velocities as fractions of the maximal shortening velocity, forces as
fractions of the maximal isometric force.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from lessons.physiology import _validation as check

#: Breakpoints of the length-tension curve (sarcomere length m, relative tension), from
#: Gordon, Huxley & Julian (1966); see the module docstring for which ones are approximate.
LENGTH_TENSION_POINTS = (
    (1.27e-6, 0.0),
    (1.67e-6, 0.8),
    (2.05e-6, 1.0),
    (2.20e-6, 1.0),
    (3.65e-6, 0.0),
)
#: Optimal sarcomere length, middle of the plateau (Gordon, Huxley & Julian 1966).
OPTIMAL_SARCOMERE_LENGTH = 2.125e-6
#: Longest sarcomere length accepted, 5 micrometres (beyond it fibres tear).
MAX_SARCOMERE_LENGTH = 5.0e-6
#: Curvature a/F0 of Hill's hyperbola, 0.25 (Hill 1938).
DEFAULT_CURVATURE = 0.25


def length_tension(sarcomere_length: ArrayLike) -> np.ndarray:
    """Active isometric tension (fraction of maximum) at ``sarcomere_length`` (m)."""
    length = check.array_in_range(
        "sarcomere_length", sarcomere_length, 0.0, MAX_SARCOMERE_LENGTH, bytes_per_element=32
    )
    lengths, tensions = zip(*LENGTH_TENSION_POINTS, strict=True)
    return np.interp(length, lengths, tensions, left=0.0, right=0.0)


def force_velocity(velocity: ArrayLike, curvature: float = DEFAULT_CURVATURE) -> np.ndarray:
    """Force (fraction of isometric) while shortening at ``velocity`` (fraction of v_max, 0-1).

    From Hill's equation: ``F/F0 = k (1 - v) / (k + v)`` with ``k = a/F0`` (Hill 1938).
    """
    speed = check.array_in_range("velocity", velocity, 0.0, 1.0, bytes_per_element=32)
    k = check.scalar("curvature", curvature, 0.05, 2.0)
    return k * (1.0 - speed) / (k + speed)


def shortening_velocity(load: ArrayLike, curvature: float = DEFAULT_CURVATURE) -> np.ndarray:
    """Shortening velocity (fraction of v_max) against ``load`` (fraction of isometric force).

    Hill's equation solved for velocity: ``v = k (1 - F) / (F + k)`` (Hill 1938); a load at or
    above the isometric force gives zero (the muscle holds but does not shorten).
    """
    force = check.array_in_range("load", load, 0.0, 1.0, bytes_per_element=32)
    k = check.scalar("curvature", curvature, 0.05, 2.0)
    return k * (1.0 - force) / (force + k)


def muscle_power(velocity: ArrayLike, curvature: float = DEFAULT_CURVATURE) -> np.ndarray:
    """Mechanical power (fraction of F0 v_max) at ``velocity``: force times velocity."""
    speed = check.array_in_range("velocity", velocity, 0.0, 1.0, bytes_per_element=48)
    return speed * force_velocity(speed, curvature)
