"""The stimulator's two figures and its readout: what a run of the bench looks like."""

from __future__ import annotations

import plotly.graph_objects as go

from lessons.figures.course_figure import CourseFigure
from lessons.figures.theme import COLOURS
from lessons.physiology import stimulator_bench as bench
from lessons.physiology.stimulation import DEFAULT_LATENT_PERIOD
from lessons.physiology.train_summary import RELAXED_FRACTION, PairSummary
from lessons.sims.stimulator._common import LAYOUT, TITLE, UNIT_COLOURS, UNIT_NAMES, percent

#: Names of the traces the stimulator redraws.
COMPARISON, FORCE, STIMULI, YOUR_TRAIN = (
    "One twitch, for comparison",
    "Force",
    "Stimuli",
    "Your train",
)


def force_figure() -> CourseFigure:
    """The force record: a lone twitch dashed, the evoked force, the stimuli as triangles.

    The force trace is renamed after the unit it shows ("Slow unit: force"), so views keep a
    handle to it instead of looking it up by name.
    """
    return CourseFigure(
        data=[
            go.Scatter(
                x=[],
                y=[],
                name=COMPARISON,
                line={"color": COLOURS["reference"], "dash": "dash"},
            ),
            go.Scatter(x=[], y=[], name=FORCE, line={"width": 3}),
            go.Scatter(
                x=[],
                y=[],
                name=STIMULI,
                mode="markers",
                marker={"color": COLOURS["stimulus"], "size": 10, "symbol": "triangle-up"},
                cliponaxis=False,
            ),
        ],
        layout={
            **LAYOUT,
            "title": {**TITLE, "text": "Force evoked by the stimuli"},
            "xaxis": {"title": {"text": "Time (ms)"}},
            "yaxis": {"title": {"text": "Force (multiples of one twitch's peak)"}},
        },
    )


def force_frequency_figure() -> CourseFigure:
    """Both units' force-frequency curves, their fusion frequencies dotted, your train marked."""
    table = bench.force_frequency_table()
    traces = [
        go.Scatter(
            x=table.frequency,
            y=table.relative_force[key] * 100,
            name=f"{UNIT_NAMES[key]}",
            line={"color": UNIT_COLOURS[key], "width": 3},
        )
        for key in ("slow", "fast")
    ]
    traces += [_fusion_line(key) for key in ("slow", "fast")]
    traces.append(
        go.Scatter(
            x=[],
            y=[],
            name=YOUR_TRAIN,
            mode="markers",
            marker={
                "color": COLOURS["highlight"],
                "size": 13,
                "symbol": "diamond",
                "line": {"color": COLOURS["stimulus"], "width": 1},
            },
        )
    )
    return CourseFigure(
        data=traces,
        layout={
            **LAYOUT,
            # Five legend entries may take three rows in a narrow notebook: more room on top.
            "height": 430,
            "margin": {**LAYOUT["margin"], "t": 120},
            "title": {**TITLE, "text": "Force-frequency curves"},
            "xaxis": {"title": {"text": "Stimulation frequency (Hz)"}, "range": [0, 100]},
            "yaxis": {"title": {"text": "Steady force (% of fused tetanus)"}, "range": [0, 105]},
        },
    )


def fusion_line_name(unit: str) -> str:
    """The name (and legend text) of a unit's dotted fusion-frequency line."""
    fused = bench.fusion_frequency(bench.UNIT_CONTRACTION_TIMES[unit])
    return f"{UNIT_NAMES[unit].split()[0]} fused from {fused:.0f} Hz"


def _fusion_line(unit: str) -> go.Scatter:
    fused = bench.fusion_frequency(bench.UNIT_CONTRACTION_TIMES[unit])
    return go.Scatter(
        x=[fused, fused],
        y=[0, 105],
        mode="lines",
        name=fusion_line_name(unit),
        line={"color": UNIT_COLOURS[unit], "dash": "dot"},
    )


def stimulator_readout(run: bench.StimulatorRun, frequency: float) -> str:
    """What the run shows, in words."""
    name = UNIT_NAMES[run.unit].lower()
    if run.pair is not None:
        return _pair_readout(run.pair)
    if run.train is not None:
        return (
            f"{frequency:.0f} Hz on the {name}: {run.train.state}. In each cycle the force "
            f"ripples by {percent(run.train.ripple, 1)} of its peak; peak {run.train.peak:.1f} "
            f"times one twitch, steady force {run.steady_force * 100:.0f} % of fused tetanus. "
            f"This unit fuses from {run.fusion_frequency:.0f} Hz."
        )
    return (
        f"One stimulus, one twitch of the {name}: the force starts "
        f"{DEFAULT_LATENT_PERIOD * 1000:.0f} ms after the stimulus and peaks at "
        f"{run.twitch_peak_time * 1000:.0f} ms."
    )


def _pair_readout(pair: PairSummary) -> str:
    if not pair.summed:
        return (
            f"The first twitch had relaxed (below {percent(RELAXED_FRACTION)} of its peak) "
            f"before the second began: two separate twitches, peak {pair.peak:.2f} times "
            f"one twitch."
        )
    return (
        f"The second twitch began while {percent(pair.residual)} of the first twitch's force "
        f"was still there: summation, peak {pair.peak:.2f} times one twitch."
    )
