"""Lesson 05's apps: a fasciculation, a fibrillation and a cramp on the same calf.

One picture of the calf and one set of models for all three events, so that their sizes
compare honestly (``lessons.physiology.calf``, ``calf_events``, ``calf_cramp``,
``calf_sizes``). The notebooks call the two apps below; their views live in
``lessons.sims.calf``.
"""

from __future__ import annotations

from lessons.physiology.calf import DEFAULT_CRAMP_SHARE
from lessons.sims.app import SimulationApp
from lessons.sims.calf.explorer import CalfExplorer
from lessons.sims.calf.sizes import SizeView


def twitch_or_cramp_explorer(event: str = "fasciculation") -> SimulationApp:
    """Trigger a fasciculation, a fibrillation or a cramp on a cross-section of the calf and
    see, side by side, which fibres contract, the force, and the needle EMG."""
    return CalfExplorer(event).app


def size_and_duration(
    unit_rank: int = 16, cramp_share: float = DEFAULT_CRAMP_SHARE
) -> SimulationApp:
    """Peak force against duration, and fibres involved, for the three events (log scales).

    The student picks which unit of the gastrocnemius medialis fasciculates (1 = smallest) and
    how much of the calf the cramp recruits, and reads how far apart the three stay.
    """
    return SizeView(unit_rank, cramp_share).app
