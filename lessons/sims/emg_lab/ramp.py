"""Experiment 3: a ramp of effort, seen as discharges, needle EMG and surface EMG, and heard."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from lessons.figures.course_figure import CourseFigure
from lessons.figures.picture import TickRaster, tick_raster
from lessons.figures.theme import COLOURS
from lessons.physiology import _validation as check
from lessons.physiology.pool import MotorUnitPool
from lessons.physiology.recordings import (
    NEEDLE_UNITS,
    RAMP_DURATION,
    RampRecording,
    record_ramp,
)
from lessons.sims.app import SimulationApp, labelled_slider
from lessons.sims.emg_lab.controls import audio_block, audio_player, hearing_line
from lessons.sims.emg_lab.traces import (
    FULL_WIDTH_COLUMNS,
    NamedTraces,
    emg_line,
    min_max_trace,
    stacked_figure,
)
from lessons.sims.sound import sound_at_fixed_gain, wav_bytes

#: Time columns of the effort ramp's discharge picture: 6 ms each, shorter than the 29 ms
#: between two discharges of a unit at its top rate of 35 Hz (Fuglevand et al. 1993).
RAMP_RASTER_COLUMNS = 500
#: Trace names: the discharge picture and the two EMG traces.
DISCHARGES, NEEDLE, SURFACE = "Discharge", "Needle EMG", "Surface EMG"


def _ramp_raster(spike_times: Sequence[np.ndarray]) -> TickRaster:
    """The ramp's discharges as a picture, one row per unit near the needle."""
    rows = list(spike_times) or [np.zeros(0)] * len(NEEDLE_UNITS)
    return tick_raster(rows, RAMP_DURATION, RAMP_RASTER_COLUMNS, COLOURS["stimulus"])


def _figure(full: RampRecording) -> CourseFigure:
    """Discharges over needle EMG over surface EMG, the EMG axes fixed at full-effort size."""
    titles = ("Discharges of the 15 units near the needle", "Needle EMG", "Surface EMG")
    figure = stacked_figure(titles, [0.34, 0.33, 0.33], spacing=0.06)
    # The discharges as one picture (lessons.figures.picture): every update redraws the whole
    # figure in the page, and a picture redraws faster than hundreds of tick markers.
    picture = _ramp_raster([]).image_properties()
    figure.add_trace(go.Image(**picture, name=DISCHARGES, hoverinfo="skip"), row=1, col=1)
    time, _ = min_max_trace(full.recording.needle, RAMP_DURATION, FULL_WIDTH_COLUMNS)
    figure.add_trace(emg_line(NEEDLE, time), row=2, col=1)
    figure.add_trace(emg_line(SURFACE, time), row=3, col=1)
    figure.update_layout(height=640, showlegend=False, title={"text": "A ramp of effort"})
    figure.update_yaxes(
        title_text="Unit (order of recruitment)",
        range=[0.3, len(NEEDLE_UNITS) + 0.7],
        scaleanchor=False,  # an image would otherwise force square pixels
        row=1,
    )
    for row, peak in ((2, full.recording.needle_peak), (3, full.recording.surface_peak)):
        half = 1.1 * peak * 1e3
        figure.update_yaxes(title_text="Voltage (mV)", range=[-half, half], row=row)
    figure.update_xaxes(title_text="Time from the start of the ramp (s)", row=3)
    figure.update_xaxes(range=[0, RAMP_DURATION])
    return figure


def _draw(traces: NamedTraces, ramp: RampRecording) -> None:
    recording = ramp.recording
    _, needle_y = min_max_trace(recording.needle, RAMP_DURATION, FULL_WIDTH_COLUMNS)
    _, surface_y = min_max_trace(recording.surface, RAMP_DURATION, FULL_WIDTH_COLUMNS)
    picture = _ramp_raster(recording.near_needle).source
    changes = {DISCHARGES: {"source": picture}, NEEDLE: {"y": needle_y}, SURFACE: {"y": surface_y}}
    traces.update(changes)


def _ramp_summary(ramp: RampRecording) -> str:
    """Where recruitment happened along the ramp and how fast the first unit ended up."""
    joined = len(ramp.recruitment_times)
    if not joined:
        return "No unit near the needle was recruited: try a higher peak."
    return (
        f"{joined} of the {len(ramp.recording.needle_units)} units near the needle were "
        f"recruited; the last of them joined at {ramp.last_recruitment_time:.2f} s (effort "
        f"{100.0 * ramp.last_recruitment_effort:.0f} %). By the end the first unit was firing "
        f"at {ramp.recording.first_unit_rate:.1f} Hz."
    )


def effort_ramp(peak_effort: float = 0.3) -> SimulationApp:
    """Effort rising steadily for 3 s up to a chosen peak: the discharges of the 15 units near
    the needle, the needle EMG and the surface EMG, with the needle's sound."""
    start = check.scalar("peak_effort", peak_effort, 0.05, 1.0)
    pool = MotorUnitPool()
    full = record_ramp(1.0, pool)
    slider = labelled_slider("Peak effort (% of maximal drive)", start * 100, 5.0, 100.0, 5.0)
    figure = _figure(full)
    traces = NamedTraces(figure)
    player = audio_player()
    app = SimulationApp(
        "Effort ramp",
        {"peak_effort": slider},
        figure,
        caption=(
            "Effort rises in a straight line from zero to the chosen peak over 3 s; top, each "
            "tick is one discharge of one of the 15 units near the needle (Fuglevand et al. "
            "1993 pool); middle and bottom, the needle and surface EMG of the same discharges."
        ),
        extras=[
            audio_block("Listen to the needle during the ramp (3 s)", player, hearing_line("ramp"))
        ],
    )

    def redraw(_change: object = None) -> None:
        ramp = record_ramp(slider.value / 100.0, pool)
        _draw(traces, ramp)
        sound = sound_at_fixed_gain(ramp.recording.needle, full.recording.needle_peak)
        player.value = wav_bytes(*sound)
        app.readout.value = _ramp_summary(ramp)

    slider.observe(redraw, names="value")
    redraw()
    return app
