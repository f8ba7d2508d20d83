"""Lesson 02's experiments: one twitch, a stimulator, fatigue, and how length and speed limit force.

Every curve comes from :mod:`lessons.physiology`: the twitch, latent period and force-frequency
gain of :mod:`~lessons.physiology.stimulation` (Fuglevand, Winter & Patla 1993) run on the
bench of :mod:`~lessons.physiology.stimulator_bench`, the fatigue protocol of
:mod:`~lessons.physiology.fatigue_protocol` (Potvin & Fuglevand 2017) and the length-tension,
force-velocity and filament-overlap relations of :mod:`~lessons.physiology.mechanics` and
:mod:`~lessons.physiology.sarcomere` (Gordon, Huxley & Julian 1966; Hill 1938). These views
only choose what to show and describe it in words, one app per module:

- ``anatomy``: :func:`twitch_anatomy`, one twitch with its phases shaded;
- ``bench`` (figures and readout in ``bench_figures``): :func:`stimulator`, pulse, pair, train;
- ``fatigue``: :func:`fatigue_experiment`, a pool stimulated for 3 minutes;
- ``length_speed`` (figures in ``mechanics_figures``): :func:`length_and_speed`.
"""

from lessons.sims.stimulator.anatomy import twitch_anatomy
from lessons.sims.stimulator.bench import stimulator
from lessons.sims.stimulator.fatigue import fatigue_experiment
from lessons.sims.stimulator.length_speed import length_and_speed

__all__ = ["fatigue_experiment", "length_and_speed", "stimulator", "twitch_anatomy"]
