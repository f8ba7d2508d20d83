"""Lesson 04's EMG lab: action potentials, needle and surface EMG at rising effort, and the
sounds of a fasciculation, a fibrillation and a cramp.

Every signal comes from ``lessons.physiology``: the three action potentials from
``potentials``, voluntary contractions (steady or a ramp of effort) from ``recordings``, the
spontaneous signatures from ``signatures``. The modules here only choose what to show, draw it
on named traces, and play it:

- ``potentials``: experiment 1, three action potentials side by side;
- ``needle_surface``: experiment 2, needle and surface EMG at a steady effort;
- ``ramp``: experiment 3, a ramp of effort as discharges, needle and surface EMG;
- ``signatures``: experiment 4, fasciculation, fibrillation and cramp, seen and heard;
- ``clips``: the listening test's static clips;
- ``traces``, ``controls``: the figures' EMG traces and the lab's pickers and players.

EMG traces are reduced to the minimum and maximum of each screen column before drawing (a
"min-max" decimation that keeps every spike visible), so an update sends a few thousand points.
"""

from lessons.sims.emg_lab.clips import MYSTERY_CLIPS, mystery_sound, signature_sound
from lessons.sims.emg_lab.needle_surface import needle_and_surface
from lessons.sims.emg_lab.potentials import POTENTIAL_KINDS, potential_explorer
from lessons.sims.emg_lab.ramp import effort_ramp
from lessons.sims.emg_lab.signatures import describe_signature, signature_explorer
from lessons.sims.emg_lab.traces import min_max_trace, update_traces

__all__ = [
    "MYSTERY_CLIPS",
    "POTENTIAL_KINDS",
    "describe_signature",
    "effort_ramp",
    "min_max_trace",
    "mystery_sound",
    "needle_and_surface",
    "potential_explorer",
    "signature_explorer",
    "signature_sound",
    "update_traces",
]
