"""Pure numpy models of muscle physiology for the course (no widgets, no plotting).

Times are in seconds, rates in hertz, potentials in volts, lengths in metres, forces in
arbitrary units. Every default value and equation is cited in the docstring where it is
defined; the bibliography entries are in ``data/references/physiology.yaml``.

Modules: ``twitch`` (twitch shape, force-frequency gain), ``stimulation`` (stimulator
experiments), ``pool`` (Fuglevand motor-unit pool), ``spontaneous`` (fasciculation,
fibrillation, cramp), ``emg`` (action potentials, needle and surface EMG, audio),
``geometry`` (muscle cross-sections), ``mechanics`` (length-tension, force-velocity),
``fatigue`` (Potvin-Fuglevand fatigue under a sustained train).
"""

from __future__ import annotations

from lessons.physiology.emg import (
    EmgSignal,
    Waveform,
    emg_audio,
    emg_from_spikes,
    fibre_potential,
    fibrillation_emg,
    motor_unit_potential,
    needle_emg,
    surface_emg,
    surface_potential,
)
from lessons.physiology.fatigue import FatigueCourse, sustained_stimulation
from lessons.physiology.geometry import REGIONS, CrossSection, moving_fibres, muscle_cross_section
from lessons.physiology.mechanics import (
    force_velocity,
    length_tension,
    muscle_power,
    shortening_velocity,
)
from lessons.physiology.pool import MotorUnitPool, PoolActivity
from lessons.physiology.spontaneous import SpontaneousActivity, cramp, fasciculation, fibrillation
from lessons.physiology.stimulation import (
    DEFAULT_LATENT_PERIOD,
    EvokedForce,
    ForceFrequencyCurve,
    evoked_force,
    force_frequency_curve,
    paired_pulses,
    pulse_train,
    steady_mean_force,
)
from lessons.physiology.twitch import force_gain, twitch_force

__all__ = [
    "DEFAULT_LATENT_PERIOD",
    "REGIONS",
    "CrossSection",
    "EmgSignal",
    "EvokedForce",
    "FatigueCourse",
    "ForceFrequencyCurve",
    "MotorUnitPool",
    "PoolActivity",
    "SpontaneousActivity",
    "Waveform",
    "cramp",
    "emg_audio",
    "emg_from_spikes",
    "evoked_force",
    "fasciculation",
    "fibre_potential",
    "fibrillation",
    "fibrillation_emg",
    "force_frequency_curve",
    "force_gain",
    "force_velocity",
    "length_tension",
    "motor_unit_potential",
    "moving_fibres",
    "muscle_cross_section",
    "muscle_power",
    "needle_emg",
    "paired_pulses",
    "pulse_train",
    "shortening_velocity",
    "steady_mean_force",
    "surface_emg",
    "surface_potential",
    "sustained_stimulation",
    "twitch_force",
]
