"""Lesson 08's apps ("Benign or serious?"): natural frequencies, the recording window,
denervation and reinnervation, and the look-alikes of a twitch.

Each app is a thin view over a model of ``lessons.physiology`` or the sourced tables of
``lessons.content.benign_serious``; the notebook calls the functions below.
"""

from __future__ import annotations

from lessons.sims.app import SimulationApp
from lessons.sims.benign_serious.denervation_view import DenervationView
from lessons.sims.benign_serious.icon_array import IconArray
from lessons.sims.benign_serious.lookalikes_view import LookalikesView
from lessons.sims.benign_serious.reinnervation_view import ReinnervationView
from lessons.sims.benign_serious.window import RecordingWindow


def natural_frequency_array(group: str = "living", estimate: float = 0.0) -> SimulationApp:
    """100,000 adults, one pixel each: who has noticed twitches, and how few have ALS, set
    against the student's own estimate."""
    return IconArray(group, estimate).app


def recording_window(rate_per_min: float = 3.0, window_s: float = 10.0) -> SimulationApp:
    """A unit firing at random, a recording window the student sets, and the chance of
    catching at least one discharge, against 1,000 simulated windows."""
    return RecordingWindow(rate_per_min, window_s).app


def reinnervation_explorer(loss: float = 0.0, sprouting_limit: float = 8.0) -> SimulationApp:
    """Lose motor units from the course's pool and let survivors adopt the orphaned fibres:
    force kept, units grown, their needle potentials larger and more complex."""
    return ReinnervationView(loss, sprouting_limit).app


def denervation_explorer(day: float = 30.0, distance_cm: float = 40.0) -> SimulationApp:
    """After a motor nerve is cut: when fibrillations and positive sharp waves appear, how
    large they are, and how they fade once the nerve regrows."""
    return DenervationView(day, distance_cm).app


def lookalike_traces(kind: str = "fasciculation") -> SimulationApp:
    """A fasciculation beside myokymic and neuromyotonic discharges (needle EMG, with sound),
    tremor and clonus (movement), each with its level of care."""
    return LookalikesView(kind).app
