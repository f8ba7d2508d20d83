"""Lesson 01's cross-section experiments: where one unit's fibres lie, and units for a force.

A motor unit's fibres are scattered over a territory shared with many other units (Buchthal,
Erminio & Rosenfalck 1959, Acta Physiol Scand 45:72-87); :func:`unit_territory` finds one
unit's fibres, its territory and the units sharing it. :func:`units_needed` takes the smallest
units first, the recruitment order of the pool of Fuglevand, Winter & Patla (1993, J
Neurophysiol 70:2470-2488), until they hold a share of the muscle's fibres. Both run on the
course's seeded cross-sections (:func:`lessons.physiology.geometry.muscle_cross_section`).
Positions meant for pictures are given in millimetres (``_mm``), the rest in metres.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from lessons.physiology import _validation as check
from lessons.physiology.geometry import REGIONS, CrossSection, muscle_cross_section

#: Millimetres per metre: cross-sections are in metres, pictures in millimetres.
MM_PER_M = 1000.0
#: Margin around a muscle when a picture zooms on it: 12 % of its larger extent.
ZOOM_MARGIN = 0.12
#: Points on a drawn territory circle (every 5 degrees, closed).
CIRCLE_POINTS = 73


@functools.cache
def course_section(region: str) -> CrossSection:
    """The course's default cross-section of a region (seeded), built once per session."""
    return muscle_cross_section(region)


@functools.cache
def muscle_regions() -> dict[str, str]:
    """Region of every muscle drawn by the geometry model, e.g. ``{"soleus": "calf"}``."""
    return {name: region for region in REGIONS for name in course_section(region).muscle_names}


def section_of(muscle: str) -> CrossSection:
    """The course cross-section that holds ``muscle``."""
    regions = muscle_regions()
    if not isinstance(muscle, str) or muscle not in regions:
        raise ValueError(f"muscle must be one of {list(regions)}; got {muscle!r:.60}")
    return course_section(regions[muscle])


def points_mm(section: CrossSection, mask: np.ndarray | None = None) -> tuple[np.ndarray, ...]:
    """x and y (mm) of the section's points, or of those picked by ``mask``."""
    if mask is None:
        return section.x * MM_PER_M, section.y * MM_PER_M
    return section.x[mask] * MM_PER_M, section.y[mask] * MM_PER_M


@dataclass(frozen=True)
class MuscleLabel:
    """A muscle's name and where it sits, just above the muscle (mm)."""

    text: str
    x: float
    y: float


@dataclass(frozen=True)
class SectionFrame:
    """What a picture zoomed on one muscle shows: its region, axis ranges (mm; room above for
    the labels) and the label of every muscle of the section."""

    region: str
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    labels: tuple[MuscleLabel, ...]


def section_frame(muscle: str) -> SectionFrame:
    """Axes in millimetres, zoomed on ``muscle`` (its neighbours stay partly in view)."""
    section = section_of(muscle)
    x_mm, y_mm = points_mm(section)
    chosen = section.muscle == section.muscle_names.index(muscle)
    width = x_mm[chosen].max() - x_mm[chosen].min()
    height = y_mm[chosen].max() - y_mm[chosen].min()
    margin = ZOOM_MARGIN * max(width, height)
    labels = tuple(
        MuscleLabel(
            name,
            float(x_mm[section.muscle == other].mean()),
            float(y_mm[section.muscle == other].max() + margin / 2),
        )
        for other, name in enumerate(section.muscle_names)
    )
    return SectionFrame(
        region=muscle_regions()[muscle],
        x_range=(float(x_mm[chosen].min() - margin), float(x_mm[chosen].max() + margin)),
        y_range=(float(y_mm[chosen].min() - margin), float(y_mm[chosen].max() + 2 * margin)),
        labels=labels,
    )


@dataclass(frozen=True)
class TerritoryCount:
    """One unit in a cross-section: its dots, the dots inside its territory, and how many
    other units own dots there."""

    own_points: int
    territory_points: int
    other_units: int

    @property
    def own_share(self) -> float:
        """Fraction of the dots inside the territory that belong to the unit itself."""
        return self.own_points / self.territory_points if self.territory_points else 1.0


def count_territory(section: CrossSection, unit: int) -> TerritoryCount:
    """Count the unit's dots and the dots (own and other units') inside its territory circle."""
    mask = section.fibres_of_unit(unit)
    centre = section.unit_centres[unit]
    distance = np.hypot(section.x - centre[0], section.y - centre[1])
    inside = distance <= section.territory_radius[unit]
    others = np.unique(section.unit[inside & ~mask])
    return TerritoryCount(
        own_points=int(mask.sum()),
        territory_points=int(np.count_nonzero(inside | mask)),
        other_units=len(others),
    )


def circle_mm(centre: np.ndarray, radius: float) -> tuple[np.ndarray, np.ndarray]:
    """A circle in millimetres around ``centre`` with ``radius`` (both metres)."""
    angle = np.linspace(0.0, 2 * math.pi, CIRCLE_POINTS)
    x = (centre[0] + radius * np.cos(angle)) * MM_PER_M
    y = (centre[1] + radius * np.sin(angle)) * MM_PER_M
    return x, y


@dataclass(frozen=True, eq=False)
class UnitTerritory:
    """One unit of a muscle, by size rank (1 = smallest): its fibres and territory outline
    (mm), the count of its territory, and what one drawn dot stands for."""

    muscle: str
    rank: int
    units_drawn: int
    unit: int
    fibre_x_mm: np.ndarray
    fibre_y_mm: np.ndarray
    outline_x_mm: np.ndarray
    outline_y_mm: np.ndarray
    count: TerritoryCount
    fibres_per_point: float
    real_motor_units: int | None

    @property
    def real_fibres(self) -> float:
        """Real fibres the unit's dots stand for."""
        return self.count.own_points * self.fibres_per_point


def unit_count(muscle: str) -> int:
    """Number of motor units drawn in ``muscle``."""
    return len(section_of(muscle).units_in(muscle))


def unit_territory(muscle: str, unit: int) -> UnitTerritory:
    """The ``unit``-th smallest unit of ``muscle`` in the course cross-section."""
    section = section_of(muscle)
    units = section.units_in(muscle)
    rank = check.integer("unit", unit, 1, len(units))
    chosen = int(units[rank - 1])
    fibre_x, fibre_y = points_mm(section, section.fibres_of_unit(chosen))
    outline_x, outline_y = circle_mm(
        section.unit_centres[chosen], float(section.territory_radius[chosen])
    )
    index = section.muscle_names.index(muscle)
    return UnitTerritory(
        muscle=muscle,
        rank=rank,
        units_drawn=len(units),
        unit=chosen,
        fibre_x_mm=fibre_x,
        fibre_y_mm=fibre_y,
        outline_x_mm=outline_x,
        outline_y_mm=outline_y,
        count=count_territory(section, chosen),
        fibres_per_point=section.fibres_per_point[index],
        real_motor_units=section.real_motor_units[index],
    )


@dataclass(frozen=True, eq=False)
class ForceRecruitment:
    """Units needed for a force: how many of the smallest units, the share of the muscle's
    fibres they hold, the real fibres (the force step) of the smallest and largest unit drawn,
    and a mask of the fibres that fire."""

    units_needed: int
    units_drawn: int
    fibre_share: float
    smallest_unit_fibres: float
    largest_unit_fibres: float
    fibres: np.ndarray

    @property
    def unit_percent(self) -> float:
        """Percentage of the drawn units that must fire."""
        return 100 * self.units_needed / self.units_drawn


def units_needed(section: CrossSection, muscle: str, force_fraction: float) -> ForceRecruitment:
    """The smallest units of ``muscle``, taken in order of size, whose fibres add up to at least
    ``force_fraction`` of the muscle's fibres.

    A teaching simplification: every fibre, fully active, gives the same force, so a unit's
    force is proportional to its number of fibres and rate coding is left out (lesson 03).
    Units are taken smallest first, the recruitment order of the pool model of Fuglevand et al.
    (1993).
    """
    share = check.scalar("force_fraction", force_fraction, 0.0, 1.0, low_inclusive=False)
    units = section.units_in(muscle)
    per_point = section.fibres_per_point[section.muscle_names.index(muscle)]
    sizes = np.bincount(section.unit, minlength=section.n_units)[units]
    cumulative = np.cumsum(sizes) / sizes.sum()
    needed = min(int(np.searchsorted(cumulative, share - 1e-12) + 1), len(units))
    return ForceRecruitment(
        units_needed=needed,
        units_drawn=len(units),
        fibre_share=float(cumulative[needed - 1]),
        smallest_unit_fibres=float(sizes.min() * per_point),
        largest_unit_fibres=float(sizes.max() * per_point),
        fibres=np.isin(section.unit, units[:needed]),
    )
