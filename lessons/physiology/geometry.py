"""Muscle cross-sections for pictures: fibres placed in space and owned by motor units.

A motor unit's fibres are not bundled together: they are scattered over a territory that
overlaps the territories of many other units, so neighbouring fibres usually belong to different
units (Buchthal, Erminio & Rosenfalck 1959, Acta Physiol Scand 45:72-87). A
lesson can light up the fibres of one unit (a fasciculation twitches a scattered patch) or of
most units across muscles (a cramp).

Sizes come from the literature but the picture is **scaled down** so plotly stays fast:

- each muscle's area is proportional to its physiological cross-sectional area (PCSA) for the
  calf (soleus 51.8, medial gastrocnemius 21.1, lateral gastrocnemius 9.7 cm^2; Ward et al.
  2009, Clin Orthop Relat Res 467:1074-1082);
- the mean number of points per unit is proportional to the innervation number (fibres per
  motor unit): medial gastrocnemius about 1934, first dorsal interosseous about 340 (Feinstein
  et al. 1955, Acta Anat 23:127-142). Feinstein et al. did not count the lateral gastrocnemius
  or the soleus; they are given the medial gastrocnemius value here (an assumption);
- one point stands for many fibres (``fibres_per_point``), so far fewer units are drawn than a
  real muscle has (Feinstein et al. counted 579 units in the medial gastrocnemius and 119 in the
  first dorsal interosseous). Territories are enlarged accordingly so that, as in real muscle,
  several units overlap at every point.

Unit sizes within a muscle spread exponentially (many small, few large units, as in the pool of
Fuglevand et al. 1993), over a 10-fold range here for visibility. Coordinates are metres on a
schematic layout (y points to the skin). Everything is seeded and deterministic.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from lessons.physiology import _budget
from lessons.physiology import _validation as check

#: Innervation numbers (fibres per motor unit) and motor-unit counts (Feinstein et al. 1955).
MEDIAL_GASTROCNEMIUS_INNERVATION = 1934
MEDIAL_GASTROCNEMIUS_UNITS = 579
FIRST_DORSAL_INTEROSSEOUS_INNERVATION = 340
FIRST_DORSAL_INTEROSSEOUS_UNITS = 119
#: PCSA of the calf muscles, m^2 (Ward et al. 2009: 51.8, 21.1 and 9.7 cm^2).
SOLEUS_PCSA = 51.8e-4
MEDIAL_GASTROCNEMIUS_PCSA = 21.1e-4
LATERAL_GASTROCNEMIUS_PCSA = 9.7e-4
#: Area drawn for the first dorsal interosseous, 3 cm^2: only relative sizes matter in a
#: single-muscle picture (a schematic value).
FIRST_DORSAL_INTEROSSEOUS_AREA = 3.0e-4
#: Range of unit sizes (largest/smallest) drawn in a muscle (compressed from ~100 for pictures).
UNIT_SIZE_RANGE = 10.0
#: Bytes per (point, unit) pair while owners are drawn: the coordinate differences (two
#: floats), their squares, the distances, weights and running sums, and a comparison.
_BYTES_PER_PAIR = 6 * 8 + 1
#: Bytes per point drawn: coordinates, owner, draw and the outputs.
_BYTES_PER_POINT = 128


@dataclass(frozen=True)
class _Muscle:
    name: str
    area: float
    innervation_number: int
    real_units: int | None
    aspect: float
    centre_hint: tuple[float, float]


_REGIONS: dict[str, tuple[_Muscle, ...]] = {
    "calf": (
        _Muscle(
            "gastrocnemius medialis",
            MEDIAL_GASTROCNEMIUS_PCSA,
            MEDIAL_GASTROCNEMIUS_INNERVATION,
            MEDIAL_GASTROCNEMIUS_UNITS,
            2.0,
            (-1.0, 1.0),
        ),
        _Muscle(
            "gastrocnemius lateralis",
            LATERAL_GASTROCNEMIUS_PCSA,
            MEDIAL_GASTROCNEMIUS_INNERVATION,
            None,
            2.0,
            (1.0, 1.0),
        ),
        _Muscle("soleus", SOLEUS_PCSA, MEDIAL_GASTROCNEMIUS_INNERVATION, None, 3.0, (0.0, -1.0)),
    ),
    "hand": (
        _Muscle(
            "first dorsal interosseous",
            FIRST_DORSAL_INTEROSSEOUS_AREA,
            FIRST_DORSAL_INTEROSSEOUS_INNERVATION,
            FIRST_DORSAL_INTEROSSEOUS_UNITS,
            1.6,
            (0.0, 0.0),
        ),
    ),
}

#: Regions offered by :func:`muscle_cross_section`.
REGIONS = tuple(_REGIONS)


@dataclass(frozen=True, eq=False)
class CrossSection:
    """Fibre positions (m), the muscle and motor unit of every fibre, and per-unit data."""

    x: np.ndarray
    y: np.ndarray
    muscle: np.ndarray
    unit: np.ndarray
    muscle_names: tuple[str, ...]
    unit_muscle: np.ndarray
    unit_centres: np.ndarray
    territory_radius: np.ndarray
    innervation_numbers: tuple[int, ...]
    real_motor_units: tuple[int | None, ...]
    fibres_per_point: tuple[float, ...]

    @property
    def n_units(self) -> int:
        return len(self.unit_muscle)

    def fibres_of_unit(self, unit: int) -> np.ndarray:
        """Boolean mask of the fibres (points) that belong to ``unit``."""
        index = check.integer("unit", unit, 0, self.n_units - 1)
        return self.unit == index

    def units_in(self, muscle: str) -> np.ndarray:
        """Indices of the units that belong to ``muscle``."""
        if muscle not in self.muscle_names:
            raise ValueError(f"muscle must be one of {list(self.muscle_names)}; got {muscle!r}")
        return np.flatnonzero(self.unit_muscle == self.muscle_names.index(muscle))


def _ellipse_axes(area: float, aspect: float) -> tuple[float, float]:
    semi_minor = math.sqrt(area / (math.pi * aspect))
    return aspect * semi_minor, semi_minor


def _points_in_ellipse(rng: np.random.Generator, count: int, a: float, b: float) -> np.ndarray:
    # Uniform in the unit disc (sqrt radius), stretched to the ellipse: area-uniform.
    radius = np.sqrt(rng.uniform(0.0, 1.0, count))
    angle = rng.uniform(0.0, 2 * math.pi, count)
    return np.column_stack([a * radius * np.cos(angle), b * radius * np.sin(angle)])


def _layout(muscles: tuple[_Muscle, ...]) -> list[tuple[float, float]]:
    # Place ellipses by their hints, spaced by their own sizes so they never overlap.
    axes = [_ellipse_axes(m.area, m.aspect) for m in muscles]
    width = max(a for a, _ in axes)
    height = max(b for _, b in axes)
    return [
        (hint[0] * 1.05 * width, hint[1] * 1.1 * height)
        for hint in (m.centre_hint for m in muscles)
    ]


def muscle_cross_section(
    region: str = "calf",
    n_points: int = 3000,
    points_per_unit: float = 25.0,
    territory_overlap: float = 4.0,
    seed: int = 0,
) -> CrossSection:
    """Cross-section of the ``"calf"`` (gastrocnemius medialis and lateralis, soleus) or the
    ``"hand"`` (first dorsal interosseous), with about ``n_points`` fibres drawn.

    ``points_per_unit`` is the mean number of points of a unit in the muscle with the largest
    innervation number; ``territory_overlap`` is how many unit territories cover a point on
    average.
    """
    if not isinstance(region, str) or region not in _REGIONS:
        raise ValueError(f"region must be one of {list(REGIONS)}; got {region!r:.60}")
    total = check.integer("n_points", n_points, 50, 50_000)
    per_unit = check.scalar("points_per_unit", points_per_unit, 2.0, 1000.0)
    overlap = check.scalar("territory_overlap", territory_overlap, 1.0, 50.0)
    muscles = _REGIONS[region]
    rng = check.random_generator("seed", seed)
    total_area = sum(m.area for m in muscles)
    largest = max(m.innervation_number for m in muscles)
    # Owners are drawn muscle by muscle, each from a points x units table: the largest table
    # sets the peak.
    pairs = max(
        count * max(1, round(count / (per_unit * muscle.innervation_number / largest)))
        for muscle in muscles
        for count in [max(1, round(total * muscle.area / total_area))]
    )
    _budget.require(
        "n_points",
        n_points,
        _BYTES_PER_PAIR * pairs + _BYTES_PER_POINT * total,
        "fewer points, or more points_per_unit so fewer units are drawn",
    )
    drawn = []
    for muscle, centre in zip(muscles, _layout(muscles), strict=True):
        count = max(1, round(total * muscle.area / total_area))
        drawn.append(_draw_muscle(rng, muscle, centre, count, per_unit, overlap, largest))
    return _joined(muscles, drawn)


@dataclass(frozen=True)
class _DrawnMuscle:
    """One muscle's drawn fibres (positions, owner unit within the muscle) and its units."""

    x: np.ndarray
    y: np.ndarray
    owner: np.ndarray
    unit_centres: np.ndarray
    territory_radius: float
    fibres_per_point: float


def _draw_muscle(
    rng: np.random.Generator,
    muscle: _Muscle,
    centre: tuple[float, float],
    count: int,
    per_unit: float,
    overlap: float,
    largest: int,
) -> _DrawnMuscle:
    """``count`` fibres of ``muscle`` and the units that own them, placed at ``centre``."""
    a, b = _ellipse_axes(muscle.area, muscle.aspect)
    points = _points_in_ellipse(rng, count, a, b)
    mean_points = per_unit * muscle.innervation_number / largest
    n_units = max(1, round(count / mean_points))
    rank = np.arange(n_units) / max(n_units - 1, 1)
    sizes = np.exp(math.log(UNIT_SIZE_RANGE) * rank)
    unit_centre = _points_in_ellipse(rng, n_units, a, b)
    radius = math.sqrt(min(1.0, overlap / n_units) * muscle.area / math.pi)
    owner = _assign(rng, points, unit_centre, sizes, radius)
    return _DrawnMuscle(
        x=points[:, 0] + centre[0],
        y=points[:, 1] + centre[1],
        owner=owner,
        unit_centres=unit_centre + np.array(centre),
        territory_radius=radius,
        fibres_per_point=muscle.innervation_number / mean_points,
    )


def _joined(muscles: Sequence[_Muscle], drawn: list[_DrawnMuscle]) -> CrossSection:
    """The muscles' drawings as one cross-section, units numbered across muscles."""
    first_unit = np.cumsum([0] + [len(d.unit_centres) for d in drawn[:-1]])
    unit_muscle = [index for index, d in enumerate(drawn) for _ in d.unit_centres]
    return CrossSection(
        x=np.concatenate([d.x for d in drawn]),
        y=np.concatenate([d.y for d in drawn]),
        muscle=np.concatenate([np.full(len(d.x), i) for i, d in enumerate(drawn)]),
        unit=np.concatenate([d.owner + first for d, first in zip(drawn, first_unit, strict=True)]),
        muscle_names=tuple(m.name for m in muscles),
        unit_muscle=np.array(unit_muscle),
        unit_centres=np.concatenate([d.unit_centres for d in drawn]),
        territory_radius=np.array([d.territory_radius for d in drawn for _ in d.unit_centres]),
        innervation_numbers=tuple(m.innervation_number for m in muscles),
        real_motor_units=tuple(m.real_units for m in muscles),
        fibres_per_point=tuple(d.fibres_per_point for d in drawn),
    )


def _assign(
    rng: np.random.Generator,
    points: np.ndarray,
    centres: np.ndarray,
    sizes: np.ndarray,
    radius: float,
) -> np.ndarray:
    """Owner unit of each point: drawn among the units whose territory covers it, weighted by
    unit size (so fibres of different units intermingle); uncovered points go to the nearest
    territory centre."""
    distance = ((points[:, np.newaxis, :] - centres[np.newaxis, :, :]) ** 2).sum(axis=-1)
    weights = np.where(distance <= radius**2, sizes[np.newaxis, :], 0.0)
    cumulative = np.cumsum(weights, axis=1)
    draw = rng.uniform(0.0, 1.0, len(points)) * cumulative[:, -1]
    owner = (cumulative < draw[:, np.newaxis]).sum(axis=1)
    uncovered = cumulative[:, -1] == 0
    owner[uncovered] = np.argmin(distance[uncovered], axis=1)
    return np.minimum(owner, len(centres) - 1)


def moving_fibres(section: CrossSection, activity: object) -> np.ndarray:
    """Boolean mask of the points that visibly move during ``activity`` (a
    :class:`~lessons.physiology.spontaneous.SpontaneousActivity`).

    - fasciculation: every fibre of the discharging unit (``sources`` are unit indices here);
    - cramp: the fibres of as many units of each named muscle as the cramp recruits (smallest
      units first, the recruitment order); muscles not in this picture are ignored;
    - fibrillation: nothing, because one fibre is far less than the many fibres one point stands
      for (``fibres_per_point``), and its twitch is too small to see through the skin.
    """
    if not isinstance(section, CrossSection):
        raise ValueError(
            f"section must be a CrossSection (from muscle_cross_section); got {section!r:.60}"
        )
    kind = getattr(activity, "kind", None)
    if kind not in ("fasciculation", "fibrillation", "cramp"):
        raise ValueError(
            f"activity.kind must be 'fasciculation', 'fibrillation' or 'cramp'; got {kind!r:.60}"
        )
    sources = tuple(getattr(activity, "sources", ()))
    mask = np.zeros(len(section.x), dtype=bool)
    if kind == "fasciculation":
        for source in sources:
            mask |= section.fibres_of_unit(source)
    elif kind == "cramp":
        muscles = tuple(getattr(activity, "muscles", ()))
        for name in dict.fromkeys(muscles):
            if name not in section.muscle_names:
                continue
            wanted = muscles.count(name)
            units = section.units_in(name)[:wanted]
            mask |= np.isin(section.unit, units)
    elif kind != "fibrillation":
        raise ValueError(
            f"activity.kind must be 'fasciculation', 'fibrillation' or 'cramp'; got {kind!r}"
        )
    return mask
