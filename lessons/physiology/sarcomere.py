"""Filament overlap in one sarcomere, the structure behind the length-tension curve.

Gordon, Huxley & Julian (1966, J Physiol 184:170-192) explained their length-tension curve by
how far the thin filaments cover the cross-bridge region of the thick filament. Lesson 02
draws a schematic sarcomere from this geometry and names the part of the curve a length is on.
Lengths are in metres.
"""

from __future__ import annotations

from dataclasses import dataclass

from lessons.physiology import _validation as check
from lessons.physiology.mechanics import LENGTH_TENSION_POINTS

#: Filament geometry of frog muscle used by Gordon, Huxley & Julian (1966) to explain their
#: length-tension curve: thick filaments 1.6 micrometres long with a bare middle zone of about
#: 0.15 micrometres, thin filaments 2.05 micrometres from tip to tip across a Z line (1.025 on
#: each side). These reproduce the breakpoints of ``LENGTH_TENSION_POINTS``: no overlap at
#: 1.6 + 2.05 = 3.65, thin filaments meeting at 2.05, end of the plateau at 2.05 + 0.15 = 2.2.
THICK_FILAMENT_LENGTH = 1.6e-6
THIN_FILAMENT_LENGTH = 1.025e-6
BARE_ZONE = 0.15e-6
#: Sarcomere lengths the lesson shows, 1.3 to 3.8 micrometres: from below the steep ascending
#: limb to past the end of filament overlap (Gordon et al. 1966 measured 1.3 to 3.65).
MIN_SARCOMERE_LENGTH, MAX_SARCOMERE_LENGTH = 1.3e-6, 3.8e-6

#: The parts of the length-tension curve, shortest lengths first (Gordon et al. 1966).
LENGTH_TENSION_REGIONS = (
    "steep ascending limb",
    "shallow ascending limb",
    "plateau",
    "descending limb",
    "no overlap",
)


@dataclass(frozen=True)
class SarcomereOverlap:
    """Where thin filaments cover the cross-bridge region of the thick filament, in one half
    sarcomere (metres from the middle), and that overlap as a fraction of its maximum."""

    start: float
    end: float
    fraction: float


def sarcomere_overlap(sarcomere_length: float) -> SarcomereOverlap:
    """Overlap of thin filaments with the thick filament's cross-bridges (Gordon et al. 1966).

    Drawing aid for the schematic sarcomere: on the plateau and the descending limb the
    fraction equals the relative tension of :func:`lessons.physiology.length_tension`; on
    the ascending limb the overlap stays full while the tension falls (filaments collide).
    """
    length = check.scalar(
        "sarcomere_length", sarcomere_length, MIN_SARCOMERE_LENGTH, MAX_SARCOMERE_LENGTH
    )
    half = length / 2
    start = max(BARE_ZONE / 2, half - THIN_FILAMENT_LENGTH)
    end = min(THICK_FILAMENT_LENGTH / 2, half)
    full = (THICK_FILAMENT_LENGTH - BARE_ZONE) / 2
    fraction = max(end - start, 0.0) / full
    return SarcomereOverlap(start, max(end, start), fraction)


def length_tension_region(sarcomere_length: float) -> str:
    """Which of :data:`LENGTH_TENSION_REGIONS` ``sarcomere_length`` (m) is on, from the
    breakpoints of ``LENGTH_TENSION_POINTS`` (Gordon et al. 1966)."""
    length = check.scalar(
        "sarcomere_length", sarcomere_length, MIN_SARCOMERE_LENGTH, MAX_SARCOMERE_LENGTH
    )
    (_, _), (steep_break, _), (plateau_start, _), (plateau_end, _), (no_overlap, _) = (
        LENGTH_TENSION_POINTS
    )
    steep, shallow, plateau, descending, none = LENGTH_TENSION_REGIONS
    if length >= no_overlap:
        return none
    if length > plateau_end:
        return descending
    if length >= plateau_start:
        return plateau
    if length >= steep_break:
        return shallow
    return steep
