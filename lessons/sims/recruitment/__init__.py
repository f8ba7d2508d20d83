"""Lesson 03's experiments: recruitment by the size principle and rate coding.

All three apps run on the default motor-unit pool of Fuglevand, Winter & Patla (1993,
J Neurophysiol 70:2470-2488): 120 units recruited in order of threshold, each firing faster as
the drive grows. Units are numbered 1 to 120 in recruitment order (1 = lowest threshold).
Each app is a thin view on a model of :mod:`lessons.physiology`:

- :func:`recruitment_explorer` (``steady``) holds the drive steady (``steady_drive``);
- :func:`ramp_explorer` (``ramp``) raises it slowly (``drive_ramp``);
- :func:`force_sources_explorer` (``sources``) splits the force into what recruitment and
  what rate coding contribute (``force_split``).

``raster_traces`` draws a raster as one PNG picture with its colour bar; ``readouts`` writes
the text under the figures.
"""

from lessons.sims.recruitment.ramp import ramp_explorer
from lessons.sims.recruitment.sources import force_sources_explorer
from lessons.sims.recruitment.steady import recruitment_explorer

__all__ = ["force_sources_explorer", "ramp_explorer", "recruitment_explorer"]
