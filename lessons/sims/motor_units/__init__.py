"""Lesson 01's experiments: one motor unit drawn from neuron to fibres, and where its fibres lie.

Three apps, each a thin view on a model:

- :func:`motor_unit_diagram` (``diagram``) draws one motor unit of an eye, hand or calf muscle,
  one dash per muscle fibre, and fires its motor neuron (every fibre of the unit contracts:
  all or none); the muscles and their cited numbers are in ``data/muscles.yaml``;
- :func:`unit_territory_explorer` (``territory_view``) lights up the fibres of one unit in a
  muscle cross-section, scattered over a territory and mixed with the fibres of other units;
- :func:`units_for_force` (``force_view``) lights up the smallest units, one after the other,
  until they hold the share of the muscle's fibres asked for.

``section_view`` holds what the two cross-section apps share. The models are
:mod:`lessons.physiology.unit_diagram` and :mod:`lessons.physiology.territory`.
"""

from lessons.sims.motor_units.diagram import motor_unit_diagram
from lessons.sims.motor_units.force_view import units_for_force
from lessons.sims.motor_units.territory_view import unit_territory_explorer

__all__ = ["motor_unit_diagram", "unit_territory_explorer", "units_for_force"]
