"""Experiment 4: the signatures of lessons 05-07, seen and heard: fasciculation, fibrillation,
cramp, with as many sources near the needle as the student chooses."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets
import numpy as np
import plotly.graph_objects as go

from lessons.controls import IntCourseSlider
from lessons.figures.course_figure import CourseFigure
from lessons.figures.theme import COLOURS
from lessons.physiology import emg_audio
from lessons.physiology.signatures import (
    SIGNATURE_DURATION,
    SIGNATURES,
    SOURCE_RANGE,
    SignatureRecording,
    record_signature,
    signature_kind,
)
from lessons.sims.app import SimulationApp
from lessons.sims.emg_lab.controls import (
    audio_block,
    audio_player,
    hearing_line,
    picker,
    say_what_plays,
)
from lessons.sims.emg_lab.traces import (
    FULL_WIDTH_COLUMNS,
    NamedTraces,
    emg_line,
    min_max_trace,
    stacked_figure,
)
from lessons.sims.sound import wav_bytes

SIGNATURE_LABELS = {
    "fasciculation": "Fasciculation",
    "fibrillation": "Fibrillation",
    "cramp": "Cramp",
}
#: Trace names: the discharge ticks and the needle EMG.
DISCHARGES, NEEDLE = "Discharge", "Needle EMG"


def _raster(spike_times: Sequence[np.ndarray], window: float) -> tuple[np.ndarray, np.ndarray]:
    """Times (s) and row numbers (1 = first source) of every discharge inside the window."""
    times = [np.asarray(t)[np.asarray(t) < window] for t in spike_times]
    rows = [np.full(len(t), row + 1) for row, t in enumerate(times)]
    if not times:
        return np.zeros(0), np.zeros(0)
    return np.concatenate(times), np.concatenate(rows)


def _figure(kind: str) -> CourseFigure:
    """Discharge ticks over the needle EMG, on the fixed time columns of a first recording."""
    titles = ("Discharges of each source", "Needle EMG")
    figure = stacked_figure(titles, [0.4, 0.6], spacing=0.1)
    ticks = {"symbol": "line-ns-open", "size": 9, "color": COLOURS[kind]}
    figure.add_trace(
        go.Scatter(x=[], y=[], mode="markers", name=DISCHARGES, marker=ticks), row=1, col=1
    )
    time, _ = min_max_trace(record_signature(kind).emg, SIGNATURE_DURATION, FULL_WIDTH_COLUMNS)
    figure.add_trace(emg_line(NEEDLE, time), row=2, col=1)
    figure.update_layout(
        height=520, showlegend=False, title={"text": "Spontaneous activity at rest"}
    )
    figure.update_yaxes(title_text="Source", row=1)
    figure.update_yaxes(title_text="Voltage (mV)", autorange=True, row=2)
    figure.update_xaxes(title_text="Time (s)", row=2)
    figure.update_xaxes(range=[0, SIGNATURE_DURATION])
    return figure


def _draw(traces: NamedTraces, recording: SignatureRecording) -> None:
    raster_x, raster_y = _raster(recording.activity.spike_times, SIGNATURE_DURATION)
    _, emg_y = min_max_trace(recording.emg, SIGNATURE_DURATION, FULL_WIDTH_COLUMNS)
    ticks = {"x": raster_x, "y": raster_y, "marker": {"color": COLOURS[recording.kind]}}
    rows = {"yaxis.range": [0.3, recording.sources + 0.7]}
    traces.update({DISCHARGES: ticks, NEEDLE: {"y": emg_y}}, rows)


def _sources_slider(kind: str) -> IntCourseSlider:
    return IntCourseSlider(
        value=SIGNATURES[kind],
        min=SOURCE_RANGE[0],
        max=SOURCE_RANGE[1],
        step=1,
        description="Sources near the needle (units or fibres)",
    )


def describe_signature(recording: SignatureRecording) -> str:
    """One readout sentence: sources, their rates, the summed rate and the trace's size."""
    count, duration = recording.sources, recording.activity.duration
    size = f"The trace spans {recording.peak_to_peak * 1e6:.0f} µV."
    if recording.kind == "fasciculation":
        discharges = recording.discharges
        who = "1 motor unit" if count == 1 else f"{count} motor units, each"
        plural = "s" if discharges != 1 else ""
        return (
            f"{who} firing on its own at random times: {discharges} discharge{plural} in "
            f"{duration:g} s. {size}"
        )
    if recording.kind == "fibrillation":
        rates = recording.rates
        if count == 1:
            return (
                f"1 single muscle fibre firing regularly at {rates[0]:.1f} Hz, one potential "
                f"every {1000.0 / rates[0]:.0f} ms. {size}"
            )
        listed = ", ".join(f"{rate:.1f}" for rate in rates)
        return (
            f"{count} single muscle fibres, each firing regularly ({listed} Hz): together "
            f"{recording.summed_rate:.0f} potentials per second. {size}"
        )
    return (
        f"{count} motor unit{'s' if count != 1 else ''} near the needle, each firing "
        f"irregularly; their average rates over these {duration:g} s run from "
        f"{recording.slowest_rate:.0f} to {recording.fastest_rate:.0f} Hz (mean "
        f"{recording.mean_rate:.1f} Hz). Together: {recording.summed_rate:.0f} potentials per "
        "second."
    )


def _app(
    kinds: widgets.ToggleButtons,
    sources: IntCourseSlider,
    player: widgets.Audio,
    hearing: widgets.HTML,
) -> SimulationApp:
    return SimulationApp(
        "Signature explorer",
        {"kind": kinds, "sources": sources},
        _figure(kinds.value),
        caption=(
            "Three seconds of a resting muscle recorded by a needle: top, each tick is one "
            "discharge of one source (a motor unit, or a single fibre for a fibrillation); "
            "bottom, the needle EMG, whose vertical scale adapts to each signature."
        ),
        extras=[audio_block("Listen (3 s, scaled to the same loudness)", player, hearing)],
    )


def signature_explorer(kind: str = "fasciculation") -> SimulationApp:
    """Pick a fasciculation, a fibrillation or a cramp: see its discharges and needle EMG and
    hear it. A second control sets how many sources lie near the needle."""
    signature_kind(kind)
    options = [(SIGNATURE_LABELS[key], key) for key in SIGNATURES]
    kinds = picker("Signature", options, kind)
    sources = _sources_slider(kind)
    player = audio_player()
    hearing = hearing_line(kind)
    app = _app(kinds, sources, player, hearing)
    traces = NamedTraces(app.figure)
    switching = [False]

    def redraw(_change: object = None) -> None:
        if switching[0]:
            return
        recording = record_signature(kinds.value, sources.value)
        _draw(traces, recording)
        player.value = wav_bytes(*emg_audio(recording.emg.voltage, recording.emg.sampling_rate))
        say_what_plays(hearing, recording.kind)
        app.readout.value = describe_signature(recording)

    def switch(_change: object = None) -> None:
        # Each signature starts from its typical number of sources; draw once, not twice.
        switching[0] = True
        try:
            sources.value = SIGNATURES[kinds.value]
        finally:
            switching[0] = False
        redraw()

    kinds.observe(switch, names="value")
    sources.observe(redraw, names="value")
    redraw()
    return app
