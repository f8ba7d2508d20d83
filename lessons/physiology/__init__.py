"""Pure numpy/scipy models of muscle physiology for the course (no widgets, no plotting).

Times are in seconds, rates in hertz, potentials in volts, forces in arbitrary units. Every
default value and equation is cited in the docstring where it is defined; the bibliography
entries are in ``data/references/physiology.yaml``.
"""

from __future__ import annotations

from lessons.physiology.twitch import force_gain, twitch_force

__all__ = ["force_gain", "twitch_force"]
