"""Experiment 2: needle and surface EMG side by side at a steady effort, with the needle's sound."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from lessons.figures.course_figure import CourseFigure
from lessons.physiology import _validation as check
from lessons.physiology.pool import MotorUnitPool
from lessons.physiology.recordings import VoluntaryRecording, record_voluntary
from lessons.sims.app import SimulationApp, labelled_slider
from lessons.sims.emg_lab.controls import audio_block, audio_player, hearing_line, picker
from lessons.sims.emg_lab.traces import (
    SIDE_BY_SIDE_COLUMNS,
    NamedTraces,
    emg_line,
    min_max_trace,
    symmetric_range,
)
from lessons.sims.sound import sound_at_fixed_gain, wav_bytes

#: Length of the sound of a steady contraction, and of the part drawn (s).
STEADY_AUDIO_DURATION = 2.0
STEADY_WINDOW = 1.0
#: Width of each of two figures shown side by side (px), so both fit a laptop screen.
FIGURE_WIDTH = 420
#: The two panels: trace name, figure title, and the smallest fitted half-range (mV), a few
#: times the baseline noise so noise stays small.
PANELS = {
    "needle": ("Needle EMG", "Needle electrode, inside the muscle", 0.05),
    "surface": ("Surface EMG", "Surface electrodes, on the skin", 0.01),
}


class SideBySide:
    """The needle and surface figures, their fixed full-effort ranges, and how a recording is
    drawn on them (one message per figure)."""

    def __init__(self, full: VoluntaryRecording) -> None:
        # The screen columns never move: only the voltages are sent when the slider moves.
        time, _ = min_max_trace(full.needle, STEADY_WINDOW, SIDE_BY_SIDE_COLUMNS)
        peaks = {"needle": full.needle_peak * 1e3, "surface": full.surface_peak * 1e3}
        self.fixed = {key: symmetric_range(peaks[key], 0.0) for key in PANELS}
        self.figures = {key: self._figure(key, time) for key in PANELS}
        self.traces = {key: NamedTraces(figure) for key, figure in self.figures.items()}

    def _figure(self, key: str, time: np.ndarray) -> CourseFigure:
        name, title, _floor = PANELS[key]
        return CourseFigure(
            data=[emg_line(name, time)],
            layout={
                "title": {"text": title},
                "showlegend": False,
                "xaxis": {"title": {"text": "Time (s)"}},
                "yaxis": {"title": {"text": "Voltage (mV)"}, "range": self.fixed[key]},
                "width": FIGURE_WIDTH,
            },
        )

    def _fitted(self, key: str, voltage: np.ndarray) -> list[float]:
        return symmetric_range(float(np.abs(voltage).max(initial=0.0)), PANELS[key][2])

    def draw(self, recording: VoluntaryRecording, fixed_scale: bool) -> None:
        signals = {"needle": recording.needle, "surface": recording.surface}
        for key, traces in self.traces.items():
            _, voltage = min_max_trace(signals[key], STEADY_WINDOW, SIDE_BY_SIDE_COLUMNS)
            layout = None if fixed_scale else {"yaxis.range": self._fitted(key, voltage)}
            traces.update({PANELS[key][0]: {"y": voltage}}, layout)

    def rescale(self, fixed_scale: bool) -> None:
        for key, figure in self.figures.items():
            shown = self.traces[key][PANELS[key][0]].y
            figure.layout.yaxis.range = self.fixed[key] if fixed_scale else self._fitted(key, shown)


def _readout(recording: VoluntaryRecording) -> str:
    if recording.recruited == 0:
        activity = "No unit is recruited yet: the muscle is electrically silent."
    else:
        activity = (
            f"{recording.recruited} of {recording.n_units} units recruited, "
            f"{recording.recruited_near_needle} of the {len(recording.needle_units)} near the "
            f"needle; the first unit fires at {recording.first_unit_rate:.1f} Hz."
        )
    return f"{activity} Surface EMG: {recording.surface_rms * 1e6:.1f} µV rms."


def _scale_picker(fixed_scale: bool) -> widgets.ToggleButtons:
    options = [("Fit each trace", False), ("Fixed (compare efforts)", True)]
    return picker("Vertical scale", options, bool(fixed_scale))


def needle_and_surface(effort: float = 0.03, fixed_scale: bool = False) -> SimulationApp:
    """An effort slider (percent of maximal drive) over needle EMG and surface EMG recorded
    at the same time, side by side, with the needle's sound.

    The needle records 15 units near its tip, the surface electrodes all 120 units of the
    pool, each filtered by the tissue; both use the same discharges. The vertical scale either
    fits each trace (to see shapes at low effort) or stays fixed at the full-effort size (to
    compare efforts); the sound always plays at a fixed volume.
    """
    start = check.fraction("effort", effort)
    pool = MotorUnitPool()
    full = record_voluntary(1.0, STEADY_AUDIO_DURATION, pool)
    slider = labelled_slider("Effort (% of maximal drive)", start * 100, 0.0, 100.0, 0.5, ".1f")
    scale = _scale_picker(fixed_scale)
    view = SideBySide(full)
    player = audio_player()
    app = SimulationApp(
        "Needle and surface EMG",
        {"effort": slider, "fixed_scale": scale},
        list(view.figures.values()),
        caption=(
            "One second of simulated EMG from the same contraction: left, a needle electrode "
            "that picks up 15 units near its tip; right, surface electrodes that pick up all "
            "120 units of the pool through the tissue (Fuglevand et al. 1993 pool)."
        ),
        extras=[
            audio_block(
                "Listen to the needle (2 s, fixed volume)", player, hearing_line("voluntary")
            )
        ],
        figures_side_by_side=True,
    )

    def redraw(_change: object = None) -> None:
        recording = record_voluntary(slider.value / 100.0, STEADY_AUDIO_DURATION, pool)
        view.draw(recording, scale.value)
        player.value = wav_bytes(*sound_at_fixed_gain(recording.needle, full.needle_peak))
        app.readout.value = _readout(recording)

    slider.observe(redraw, names="value")
    scale.observe(lambda _change: view.rescale(scale.value), names="value")
    redraw()
    return app
