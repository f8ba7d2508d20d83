"""Experiment 1: three action potentials side by side, one picked out in colour."""

from __future__ import annotations

import plotly.graph_objects as go

from lessons.figures.course_figure import CourseFigure
from lessons.figures.theme import COLOURS
from lessons.physiology.emg import Waveform
from lessons.physiology.potentials import potential_kind, potential_waveforms, relative_voltage
from lessons.sims.app import SimulationApp
from lessons.sims.emg_lab.controls import picker
from lessons.sims.emg_lab.traces import NamedTraces

#: Each potential's label, which is also its trace's name (shown in the legend).
POTENTIAL_KINDS = {
    "needle": "Needle MUAP",
    "surface": "Surface MUAP",
    "fibre": "Fibrillation potential (one fibre)",
}
#: Colour of the picked potential: EMG for a motor unit's, the fibrillation colour for a fibre's.
HIGHLIGHT = {"needle": COLOURS["emg"], "surface": COLOURS["emg"], "fibre": COLOURS["fibrillation"]}


def _figure(waveforms: dict[str, Waveform]) -> CourseFigure:
    """The three potentials in grey at true size (microvolts) on one time axis (ms)."""
    return CourseFigure(
        data=[
            go.Scatter(
                x=waveform.time * 1e3,
                y=waveform.voltage * 1e6,
                name=POTENTIAL_KINDS[key],
                line={"color": COLOURS["reference"], "width": 1.5},
            )
            for key, waveform in waveforms.items()
        ],
        layout={
            "title": {"text": "Three action potentials on one time axis"},
            "xaxis": {"title": {"text": "Time from the discharge (ms)"}, "range": [-10, 10]},
            "yaxis": {"title": {"text": "Voltage (µV)"}},
        },
    )


def _draw(traces: NamedTraces, waveforms: dict[str, Waveform], chosen: str, scaled: bool) -> None:
    """Highlight ``chosen``; draw every potential at true size or relative to its own size."""
    changes = {}
    for key, waveform in waveforms.items():
        selected = key == chosen
        changes[POTENTIAL_KINDS[key]] = {
            "y": relative_voltage(waveform) if scaled else waveform.voltage * 1e6,
            "line": {
                "color": HIGHLIGHT[key] if selected else COLOURS["reference"],
                "width": 3.5 if selected else 1.5,
            },
            "opacity": 1.0 if selected else 0.6,
        }
    title = "Voltage (% of its own peak-to-peak)" if scaled else "Voltage (µV)"
    traces.update(changes, {"yaxis.title.text": title})


def _readout(kind: str, waveform: Waveform) -> str:
    return (
        f"{POTENTIAL_KINDS[kind]}: lasts {waveform.duration * 1e3:.0f} ms, "
        f"{waveform.peak_to_peak * 1e6:.0f} µV from its lowest to its highest point."
    )


def potential_explorer(kind: str = "needle", scaled: bool = False) -> SimulationApp:
    """Pick one of three action potentials; it is drawn in colour over the other two in grey,
    at true size (microvolts) or each scaled to its own peak-to-peak, with its duration and
    amplitude in the readout."""
    potential_kind(kind)
    waveforms = potential_waveforms()
    kinds = picker("Potential", [(label, key) for key, label in POTENTIAL_KINDS.items()], kind)
    scale = picker(
        "Vertical scale",
        [("True size", False), ("Each scaled to its own size", True)],
        bool(scaled),
    )
    figure = _figure(waveforms)
    traces = NamedTraces(figure)
    app = SimulationApp(
        "Action potential explorer",
        {"kind": kinds, "scaled": scale},
        figure,
        caption=(
            "Simulated action potentials centred on the moment of discharge: a needle MUAP "
            "(triphasic, 10 ms, 500 µV), a surface MUAP (smooth, 15 ms, 200 µV for the largest "
            "unit) and a fibrillation potential of one fibre (biphasic, 2 ms, 100 µV); the one "
            "you pick is drawn in colour."
        ),
    )

    def redraw(_change: object = None) -> None:
        _draw(traces, waveforms, kinds.value, scale.value)
        app.readout.value = _readout(kinds.value, waveforms[kinds.value])

    kinds.observe(redraw, names="value")
    scale.observe(redraw, names="value")
    redraw()
    return app
