"""Lesson 02's experiments: one twitch, a stimulator, fatigue, and how length and speed limit force.

Every curve comes from :mod:`lessons.physiology`: the twitch, latent period and force-frequency
gain of :mod:`~lessons.physiology.stimulation` (Fuglevand, Winter & Patla 1993), the fatigue
model of :mod:`~lessons.physiology.fatigue` (Potvin & Fuglevand 2017) and the length-tension and
force-velocity relations of :mod:`~lessons.physiology.mechanics` (Gordon, Huxley & Julian 1966;
Hill 1938). This module only chooses what to show and describes it in words.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lessons.figures.course_figure import CourseFigure
from lessons.figures.theme import COLOURS
from lessons.physiology import (
    DEFAULT_LATENT_PERIOD,
    EvokedForce,
    FatigueCourse,
    MotorUnitPool,
    evoked_force,
    force_frequency_curve,
    force_velocity,
    length_tension,
    muscle_power,
    paired_pulses,
    pulse_train,
    sustained_stimulation,
)
from lessons.physiology.mechanics import LENGTH_TENSION_POINTS
from lessons.physiology.pool import (
    DEFAULT_CONTRACTION_TIME_RANGE,
    DEFAULT_LONGEST_CONTRACTION_TIME,
)
from lessons.sims.app import SimulationApp, labelled_slider

__all__ = [
    "FUSED_RIPPLE",
    "RELAXED_FRACTION",
    "UNIT_CONTRACTION_TIMES",
    "PairSummary",
    "SarcomereOverlap",
    "TrainSummary",
    "fatigue_experiment",
    "fusion_frequency",
    "length_and_speed",
    "sarcomere_overlap",
    "stimulator",
    "summarise_pair",
    "summarise_train",
    "twitch_anatomy",
]

#: The slowest and fastest units of the default pool of Fuglevand et al. (1993): contraction
#: times 90 ms and 90/3 = 30 ms.
UNIT_CONTRACTION_TIMES = {
    "slow": DEFAULT_LONGEST_CONTRACTION_TIME,
    "fast": DEFAULT_LONGEST_CONTRACTION_TIME / DEFAULT_CONTRACTION_TIME_RANGE,
}
_UNIT_COLOURS = {"slow": COLOURS["slow_unit"], "fast": COLOURS["fast_unit"]}
_UNIT_NAMES = {"slow": "Slow unit", "fast": "Fast unit"}

#: Display conventions of this lesson, not physiological constants: a train counts as a fused
#: tetanus once the force ripples by at most 5 % of its peak in each cycle, and twitches count
#: as separate while the force is back below 10 % of its peak when the next twitch begins.
FUSED_RIPPLE = 0.05
RELAXED_FRACTION = 0.10

#: Sampling step of the stimulator traces, 0.5 ms (at most 2000 points per trace).
STIMULATOR_STEP = 0.0005
#: Stimulus trains last 0.6 s; the record runs on to 1 s so the relaxation shows.
TRAIN_DURATION = 0.6
_WINDOWS = {"single": 0.5, "pair": 0.8, "train": 1.0}  # s of record per protocol
_FORCE_RANGES = {"single": 1.15, "pair": 4.0, "train": 10.0}  # y-axis tops, twitch peaks
_PROTOCOLS = (("Single pulse", "single"), ("Pair", "pair"), ("Train", "train"))
MAX_PAIR_INTERVAL = 0.300
MIN_FREQUENCY, MAX_FREQUENCY = 2.0, 100.0

#: Fatigue protocol: every unit of the default pool stimulated for 3 minutes.
FATIGUE_DURATION = 180.0
FATIGUE_REFERENCE_FREQUENCY = 10.0
#: Update step of the fatigue model, 0.1 s (Potvin & Fuglevand 2017 suggest 10 Hz).
FATIGUE_STEP = 0.1
MIN_FATIGUE_FREQUENCY, MAX_FATIGUE_FREQUENCY = 5.0, 60.0

#: Filament geometry of frog muscle used by Gordon, Huxley & Julian (1966) to explain their
#: length-tension curve: thick filaments 1.6 micrometres long with a bare middle zone of about
#: 0.15 micrometres, thin filaments 2.05 micrometres from tip to tip across a Z line (1.025 on
#: each side). These reproduce the breakpoints of ``LENGTH_TENSION_POINTS``: no overlap at
#: 1.6 + 2.05 = 3.65, thin filaments meeting at 2.05, end of the plateau at 2.05 + 0.15 = 2.2.
THICK_FILAMENT_LENGTH = 1.6e-6
THIN_FILAMENT_LENGTH = 1.025e-6
BARE_ZONE = 0.15e-6
MIN_SARCOMERE_LENGTH, MAX_SARCOMERE_LENGTH = 1.3e-6, 3.8e-6
_MICRO = 1e6  # metres to micrometres, for display

# The course layout with room for both a title and the legend row above the plot.
_LAYOUT = {"height": 400, "margin": {"t": 90}}
_TITLE = {"y": 0.97, "yanchor": "top"}


def _percent(fraction: float, decimals: int = 0) -> str:
    return f"{fraction * 100:.{decimals}f} %"


def _check_choice(name: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}; got {value!r}")
    return value


def _check_range(name: str, value: float, low: float, high: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number in [{low:g}, {high:g}]; got {value!r}") from None
    if not (math.isfinite(number) and low <= number <= high):
        raise ValueError(f"{name} must be in [{low:g}, {high:g}]; got {value!r}")
    return number


def _toggle(description: str, options, value: str) -> widgets.ToggleButtons:
    return widgets.ToggleButtons(
        options=list(options),
        value=value,
        description=description,
        style={"description_width": "initial", "button_width": "auto"},
    )


def _unit_toggle(value: str) -> widgets.ToggleButtons:
    options = [
        (f"{_UNIT_NAMES[key]} ({UNIT_CONTRACTION_TIMES[key] * 1000:.0f} ms)", key)
        for key in ("slow", "fast")
    ]
    return _toggle("Motor unit", options, value)


# ---------------------------------------------------------------------------------------------
# Describing what the stimulator shows


@dataclass(frozen=True)
class TrainSummary:
    """How a train's force looks: ``peak`` (multiples of one twitch's peak), the highest and
    lowest force of the last full cycle, their ``ripple`` as a fraction of that highest
    force, and the ``state`` in words (separate twitches, unfused or fused tetanus)."""

    peak: float
    cycle_high: float
    cycle_low: float
    ripple: float
    state: str


@dataclass(frozen=True)
class PairSummary:
    """A pair's ``peak`` force, and the ``residual`` force of the first twitch (fraction of its
    peak) at the moment the second stimulus arrives; ``summed`` when that residual is visible."""

    peak: float
    residual: float
    summed: bool


def summarise_train(response: EvokedForce) -> TrainSummary:
    """Read a regular train's record over its last full cycle, where it is closest to steady.

    The cycle runs from the start of the second-last twitch to the start of the last one
    (each a latent period after its stimulus), so its lowest force is what the earlier
    twitches left when the last one began.
    """
    stimuli = response.stimulus_times
    if len(stimuli) < 2:
        raise ValueError(f"a train needs at least two stimuli; got {len(stimuli)}")
    step = response.time[1] - response.time[0]
    first, last = (round((t + DEFAULT_LATENT_PERIOD) / step) for t in stimuli[-2:])
    if last >= len(response.time):
        raise ValueError("the record must run past the start of the last twitch")
    cycle = response.force[first : last + 1]
    high = float(cycle.max())
    low = float(cycle[-1])
    ripple = (high - low) / high if high > 0 else 0.0
    if low < RELAXED_FRACTION * high:
        state = "separate twitches"
    elif ripple > FUSED_RIPPLE:
        state = "unfused tetanus"
    else:
        state = "fused tetanus"
    return TrainSummary(float(response.force.max()), high, low, ripple, state)


def summarise_pair(response: EvokedForce, contraction_time: float) -> PairSummary:
    """Peak of a pair, and how much of the first twitch was left when the second one began
    (the twitches start one latent period after their stimuli)."""
    first, second = response.stimulus_times[:2]
    alone = evoked_force(
        [first],
        response.time[-1] + STIMULATOR_STEP,
        STIMULATOR_STEP,
        contraction_time=contraction_time,
    )
    index = min(round((second + DEFAULT_LATENT_PERIOD) / STIMULATOR_STEP), len(alone.force) - 1)
    residual = float(alone.force[index] / alone.force.max())
    return PairSummary(float(response.force.max()), residual, residual >= RELAXED_FRACTION)


@functools.lru_cache(maxsize=8)
def fusion_frequency(contraction_time: float) -> float:
    """Lowest whole frequency (Hz, up to 100) from which a train reaches fused tetanus."""
    for frequency in np.arange(MIN_FREQUENCY, MAX_FREQUENCY + 1):
        response = _train_response(contraction_time, float(frequency))
        if summarise_train(response).state == "fused tetanus":
            return float(frequency)
    return math.inf


def _train_response(contraction_time: float, frequency: float) -> EvokedForce:
    return evoked_force(
        pulse_train(frequency, TRAIN_DURATION),
        _WINDOWS["train"],
        STIMULATOR_STEP,
        contraction_time=contraction_time,
    )


# ---------------------------------------------------------------------------------------------
# Section 1: anatomy of a twitch

_TWITCH_WINDOW = 0.5  # s
_TWITCH_STEP = 0.00025  # s: 2000 points, smooth even in the 10 ms close-up
_ZOOM_WINDOW_MS = 10.0


def twitch_anatomy(unit: str = "slow", view: str = "whole") -> SimulationApp:
    """One twitch of a slow or fast unit with its latent period, contraction and relaxation
    phases shaded, and a close-up of the first 10 ms where the latent period shows."""
    _check_choice("unit", unit, ("slow", "fast"))
    _check_choice("view", view, ("whole", "zoom"))
    unit_toggle = _unit_toggle(unit)
    view_toggle = _toggle("View", [("Whole twitch", "whole"), ("First 10 ms", "zoom")], view)
    latent_ms = DEFAULT_LATENT_PERIOD * 1000
    figure = CourseFigure(
        data=[
            go.Scatter(
                x=[0.0],
                y=[0.0],
                name="Stimulus",
                mode="markers",
                marker={"color": COLOURS["stimulus"], "size": 12, "symbol": "triangle-up"},
                cliponaxis=False,
            ),
            go.Scatter(x=[], y=[], name="Twitch force", line={"width": 3}),
            go.Scatter(
                x=[],
                y=[],
                name="Peak",
                mode="markers",
                marker={"color": COLOURS["highlight"], "size": 11, "symbol": "diamond"},
            ),
        ],
        layout={
            **_LAYOUT,
            "title": {**_TITLE, "text": "Anatomy of one twitch"},
            "xaxis": {"title": {"text": "Time after the stimulus (ms)"}},
            "yaxis": {"title": {"text": "Force (fraction of the twitch's peak)"}},
        },
    )
    app = SimulationApp(
        "Twitch anatomy",
        {"unit": unit_toggle, "view": view_toggle},
        figure,
        caption=(
            "Force of one motor unit after a single stimulus (Fuglevand et al. 1993 twitch, "
            "2 ms latent period), with the latent period, contraction phase and relaxation "
            "phase shaded and the peak marked."
        ),
    )

    def redraw(_change: object = None) -> None:
        contraction = UNIT_CONTRACTION_TIMES[unit_toggle.value]
        response = evoked_force([0.0], _TWITCH_WINDOW, _TWITCH_STEP, contraction_time=contraction)
        time_ms = response.time * 1000
        peak_ms = latent_ms + contraction * 1000
        half_ms = _half_relaxation_ms(response)
        with figure.batch_update():
            figure.data[1].x = time_ms
            figure.data[1].y = response.force
            figure.data[2].x = [peak_ms]
            figure.data[2].y = [float(response.force.max())]
            figure.layout.shapes = _phase_bands(latent_ms, peak_ms, _TWITCH_WINDOW * 1000)
            figure.layout.annotations = _phase_labels(latent_ms, peak_ms)
            figure.data[1].line.color = _UNIT_COLOURS[unit_toggle.value]
        app.readout.value = (
            f"Latent period {latent_ms:.0f} ms, then the contraction phase: the force rises "
            f"for {contraction * 1000:.0f} ms (the contraction time) and peaks at "
            f"{peak_ms:.0f} ms after the stimulus. Relaxation: back to half the peak "
            f"at {half_ms:.0f} ms."
        )

    def change_view(_change: object = None) -> None:
        zoom = view_toggle.value == "zoom"
        with figure.batch_update():
            figure.layout.xaxis.range = [0, _ZOOM_WINDOW_MS if zoom else _TWITCH_WINDOW * 1000]
            figure.layout.yaxis.range = [0, 0.6 if zoom else 1.1]

    unit_toggle.observe(redraw, names="value")
    view_toggle.observe(change_view, names="value")
    redraw()
    change_view()
    return app


def _half_relaxation_ms(response: EvokedForce) -> float:
    """Time (ms after the stimulus) at which the force has fallen back to half its peak."""
    peak_index = int(np.argmax(response.force))
    after = response.force[peak_index:] <= 0.5 * response.force[peak_index]
    return float(response.time[peak_index + int(np.argmax(after))] * 1000)


def _phase_bands(latent_ms: float, peak_ms: float, end_ms: float) -> list[dict]:
    bands = [
        (0.0, latent_ms, COLOURS["stimulus"], 0.12),
        (latent_ms, peak_ms, COLOURS["highlight"], 0.18),
        (peak_ms, end_ms, COLOURS["force"], 0.08),
    ]
    return [
        {
            "type": "rect",
            "xref": "x",
            "yref": "paper",
            "x0": x0,
            "x1": x1,
            "y0": 0,
            "y1": 1,
            "fillcolor": colour,
            "opacity": opacity,
            "line": {"width": 0},
            "layer": "below",
        }
        for x0, x1, colour, opacity in bands
    ]


def _phase_labels(latent_ms: float, peak_ms: float) -> list[dict]:
    labels = [
        (0.0, "latent period", 0.98),
        (latent_ms, "contraction phase", 0.90),
        (peak_ms, "relaxation phase", 0.82),
    ]
    return [
        {
            "x": x,
            "y": y,
            "xref": "x",
            "yref": "paper",
            "text": text,
            "showarrow": False,
            "xanchor": "left",
            "font": {"size": 12},
        }
        for x, text, y in labels
    ]


# ---------------------------------------------------------------------------------------------
# Sections 2 and 3: the stimulator


def stimulator(
    protocol: str = "single",
    unit: str = "slow",
    interval: float = 0.150,
    frequency: float = 10.0,
) -> SimulationApp:
    """Stimulate a slow or fast unit with one pulse, a pair ``interval`` seconds apart, or a
    train at ``frequency`` (Hz), and see the force and where the train sits on the unit's
    force-frequency curve.

    The pair interval stops at the unit's contraction time: below it the model's gain (built
    for steady trains, Fuglevand et al. 1993) makes a pair weaker the closer its stimuli,
    whereas real motor units sum most at intervals of 5-15 ms (Thomas et al. 1999).
    """
    _check_choice("protocol", protocol, tuple(value for _, value in _PROTOCOLS))
    _check_choice("unit", unit, ("slow", "fast"))
    shortest = UNIT_CONTRACTION_TIMES[unit]
    _check_range("interval", interval, shortest, MAX_PAIR_INTERVAL)
    _check_range("frequency", frequency, MIN_FREQUENCY, MAX_FREQUENCY)

    protocol_toggle = _toggle("Stimulate with", _PROTOCOLS, protocol)
    unit_toggle = _unit_toggle(unit)
    interval_slider = labelled_slider(
        "Pair interval (ms)", interval * 1000, shortest * 1000, MAX_PAIR_INTERVAL * 1000, 5.0
    )
    frequency_slider = labelled_slider(
        "Train frequency (Hz)", frequency, MIN_FREQUENCY, MAX_FREQUENCY, 1.0
    )
    force_figure = _stimulator_force_figure()
    curve_figure = _force_frequency_figure()
    # The slider of the protocol the app opens with comes first (keyboard users reach it first).
    sliders = {"interval": interval_slider, "frequency": frequency_slider}
    if protocol == "train":
        sliders = {"frequency": frequency_slider, "interval": interval_slider}
    app = SimulationApp(
        "Stimulator",
        {"protocol": protocol_toggle, "unit": unit_toggle, **sliders},
        [force_figure, curve_figure],
        caption=(
            "Top: force of one motor unit (Fuglevand et al. 1993 model, 2 ms latent period) "
            "after the stimuli marked by triangles, with a single twitch dashed for comparison. "
            "Bottom: the steady force of each unit at every train frequency, with the current "
            "train marked and each unit's fusion frequency (ripple at most 5 %) dotted."
        ),
    )

    def redraw(_change: object = None) -> None:
        kind = protocol_toggle.value
        key = unit_toggle.value
        contraction = UNIT_CONTRACTION_TIMES[key]
        window = _WINDOWS[kind]
        if kind == "single":
            stimuli = np.array([0.0])
        elif kind == "pair":
            stimuli = paired_pulses(interval_slider.value / 1000)
        else:
            stimuli = pulse_train(frequency_slider.value, TRAIN_DURATION)
        response = evoked_force(stimuli, window, STIMULATOR_STEP, contraction_time=contraction)
        single = evoked_force([0.0], window, STIMULATOR_STEP, contraction_time=contraction)
        time_ms = response.time * 1000
        interval_slider.disabled = kind != "pair"
        frequency_slider.disabled = kind != "train"
        with force_figure.batch_update():
            force_figure.data[0].x = time_ms
            force_figure.data[0].y = single.force
            force_figure.data[1].x = time_ms
            force_figure.data[1].y = response.force
            force_figure.data[2].x = stimuli * 1000
            force_figure.data[2].y = np.zeros(len(stimuli))
            force_figure.layout.xaxis.range = [0, window * 1000]
            force_figure.layout.yaxis.range = [-0.05 * _FORCE_RANGES[kind], _FORCE_RANGES[kind]]
            force_figure.data[1].line.color = _UNIT_COLOURS[key]
            force_figure.data[1].name = f"{_UNIT_NAMES[key]}: force"
        marker = _force_frequency_point(contraction, frequency_slider.value)
        with curve_figure.batch_update():
            curve_figure.data[4].x = [frequency_slider.value] if kind == "train" else []
            curve_figure.data[4].y = [marker] if kind == "train" else []
        app.readout.value = _stimulator_readout(
            kind, key, response, contraction, frequency_slider.value
        )

    def change_unit(_change: object = None) -> None:
        # The pair interval may not go below the new unit's contraction time (see docstring).
        interval_slider.min = UNIT_CONTRACTION_TIMES[unit_toggle.value] * 1000
        redraw()

    protocol_toggle.observe(redraw, names="value")
    unit_toggle.observe(change_unit, names="value")
    interval_slider.observe(redraw, names="value")
    frequency_slider.observe(redraw, names="value")
    redraw()
    return app


def _stimulator_force_figure() -> CourseFigure:
    return CourseFigure(
        data=[
            go.Scatter(
                x=[],
                y=[],
                name="One twitch, for comparison",
                line={"color": COLOURS["reference"], "dash": "dash"},
            ),
            go.Scatter(x=[], y=[], name="Force", line={"width": 3}),
            go.Scatter(
                x=[],
                y=[],
                name="Stimuli",
                mode="markers",
                marker={"color": COLOURS["stimulus"], "size": 10, "symbol": "triangle-up"},
                cliponaxis=False,
            ),
        ],
        layout={
            **_LAYOUT,
            "title": {**_TITLE, "text": "Force evoked by the stimuli"},
            "xaxis": {"title": {"text": "Time (ms)"}},
            "yaxis": {"title": {"text": "Force (multiples of one twitch's peak)"}},
        },
    )


@functools.lru_cache(maxsize=1)
def _force_frequency_table() -> dict[str, np.ndarray]:
    frequencies = np.arange(MIN_FREQUENCY, MAX_FREQUENCY + 0.25, 0.5)
    table = {"frequency": frequencies}
    for key, contraction in UNIT_CONTRACTION_TIMES.items():
        curve = force_frequency_curve(frequencies, contraction_time=contraction)
        table[key] = curve.relative_force * 100
    return table


def _force_frequency_point(contraction_time: float, frequency: float) -> float:
    curve = force_frequency_curve(frequency, contraction_time=contraction_time)
    return float(curve.relative_force[0] * 100)


def _force_frequency_figure() -> CourseFigure:
    table = _force_frequency_table()
    traces = []
    for key in ("slow", "fast"):
        traces.append(
            go.Scatter(
                x=table["frequency"],
                y=table[key],
                name=f"{_UNIT_NAMES[key]}",
                line={"color": _UNIT_COLOURS[key], "width": 3},
            )
        )
    for key in ("slow", "fast"):
        fused = fusion_frequency(UNIT_CONTRACTION_TIMES[key])
        traces.append(
            go.Scatter(
                x=[fused, fused],
                y=[0, 105],
                mode="lines",
                name=f"{_UNIT_NAMES[key].split()[0]} fused from {fused:.0f} Hz",
                line={"color": _UNIT_COLOURS[key], "dash": "dot"},
            )
        )
    traces.append(
        go.Scatter(
            x=[],
            y=[],
            name="Your train",
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
            **_LAYOUT,
            # Five legend entries may take three rows in a narrow notebook: more room on top.
            "height": 430,
            "margin": {**_LAYOUT["margin"], "t": 120},
            "title": {**_TITLE, "text": "Force-frequency curves"},
            "xaxis": {"title": {"text": "Stimulation frequency (Hz)"}, "range": [0, 100]},
            "yaxis": {"title": {"text": "Steady force (% of fused tetanus)"}, "range": [0, 105]},
        },
    )


def _stimulator_readout(
    kind: str, key: str, response: EvokedForce, contraction: float, frequency: float
) -> str:
    name = _UNIT_NAMES[key].lower()
    if kind == "single":
        peak_ms = (DEFAULT_LATENT_PERIOD + contraction) * 1000
        return (
            f"One stimulus, one twitch of the {name}: the force starts "
            f"{DEFAULT_LATENT_PERIOD * 1000:.0f} ms after the stimulus and peaks at "
            f"{peak_ms:.0f} ms."
        )
    if kind == "pair":
        pair = summarise_pair(response, contraction)
        if not pair.summed:
            return (
                f"The first twitch had relaxed (below {_percent(RELAXED_FRACTION)} of its peak) "
                f"before the second began: two separate twitches, peak {pair.peak:.2f} times "
                f"one twitch."
            )
        return (
            f"The second twitch began while {_percent(pair.residual)} of the first twitch's force "
            f"was still there: summation, peak {pair.peak:.2f} times one twitch."
        )
    train = summarise_train(response)
    fused = fusion_frequency(contraction)
    relative = _force_frequency_point(contraction, frequency)
    return (
        f"{frequency:.0f} Hz on the {name}: {train.state}. In each cycle the force ripples by "
        f"{_percent(train.ripple, 1)} of its peak; peak {train.peak:.1f} times one twitch, "
        f"steady force {relative:.0f} % of fused tetanus. This unit fuses from {fused:.0f} Hz."
    )


# ---------------------------------------------------------------------------------------------
# Section 4: fatigue under a sustained train


@functools.lru_cache(maxsize=1)
def _default_pool() -> MotorUnitPool:
    return MotorUnitPool()


_FATIGUE_FREQUENCIES = np.arange(MIN_FATIGUE_FREQUENCY, MAX_FATIGUE_FREQUENCY + 1, 5.0)


@functools.lru_cache(maxsize=len(_FATIGUE_FREQUENCIES) + 1)
def _fatigue_course(frequency: float) -> FatigueCourse:
    """The 3-minute course at one slider frequency. Each costs some 30 to 60 ms, so the app
    computes all twelve once (under a second) and a slider move only looks one up."""
    return sustained_stimulation(float(frequency), FATIGUE_DURATION, _default_pool(), FATIGUE_STEP)


def fatigue_experiment(frequency: float = 30.0, time: float = 60.0) -> SimulationApp:
    """Stimulate every unit of the default pool at ``frequency`` (Hz) for 3 minutes; see the
    muscle's force fall, and which units have lost their force by ``time`` (s)."""
    _check_range("frequency", frequency, MIN_FATIGUE_FREQUENCY, MAX_FATIGUE_FREQUENCY)
    _check_range("time", time, 0.0, FATIGUE_DURATION)
    frequency_slider = labelled_slider(
        "Train frequency (Hz)", frequency, MIN_FATIGUE_FREQUENCY, MAX_FATIGUE_FREQUENCY, 5.0
    )
    time_slider = labelled_slider("Look at time (s)", time, 0.0, FATIGUE_DURATION, 5.0)
    reference = _fatigue_course(FATIGUE_REFERENCE_FREQUENCY)
    # One fixed force axis for every frequency, so trains can be compared by eye.
    top = 1.05 * max(float(_fatigue_course(rate).force[0]) for rate in _FATIGUE_FREQUENCIES)
    rested_ms = _default_pool().contraction_times * 1000
    force_figure = CourseFigure(
        data=[
            go.Scatter(
                x=reference.time,
                y=reference.force,
                name=f"{FATIGUE_REFERENCE_FREQUENCY:.0f} Hz, for comparison",
                line={"color": COLOURS["reference"], "dash": "dash"},
            ),
            go.Scatter(x=[], y=[], name="Your train", line={"color": COLOURS["force"], "width": 3}),
            go.Scatter(
                x=[0.0, 0.0],
                y=[0.0, top],
                name="Time you look at",
                mode="lines",
                line={"color": COLOURS["highlight"], "width": 2},
            ),
        ],
        layout={
            **_LAYOUT,
            "title": {**_TITLE, "text": "Whole-muscle force during a sustained train"},
            "xaxis": {
                "title": {"text": "Time since the train began (s)"},
                "range": [0, FATIGUE_DURATION],
            },
            "yaxis": {"title": {"text": "Force (arbitrary units)"}, "range": [0, top]},
        },
    )
    capacity_figure = CourseFigure(
        data=[
            go.Scatter(
                x=rested_ms,
                y=np.full(len(rested_ms), 100.0),
                mode="markers",
                name="One motor unit",
                marker={
                    "size": 8,
                    "color": rested_ms,
                    "cmin": rested_ms.min(),
                    "cmax": rested_ms.max(),
                    "colorscale": [[0, COLOURS["fast_unit"]], [1, COLOURS["slow_unit"]]],
                },
            )
        ],
        layout={
            **_LAYOUT,
            "title": {**_TITLE, "text": "What each unit has left"},
            "xaxis": {"title": {"text": "Contraction time of the rested unit (ms)"}},
            "yaxis": {"title": {"text": "Force capacity left (% of rested)"}, "range": [-3, 105]},
            "showlegend": False,
        },
    )
    app = SimulationApp(
        "Fatigue experiment",
        {"frequency": frequency_slider, "time": time_slider},
        [force_figure, capacity_figure],
        caption=(
            "Top: force of the whole default pool (120 units) stimulated at one frequency "
            "for 3 minutes (Potvin & Fuglevand 2017 fatigue model, no recovery), with a "
            "10 Hz train dashed. Bottom: each unit's remaining force capacity at the time "
            "you look at, from fast units (left, vermillion) to slow ones (right, green)."
        ),
    )

    def show_time(_change: object = None) -> None:
        course = _fatigue_course(float(frequency_slider.value))
        index = min(round(time_slider.value / FATIGUE_STEP), len(course.time) - 1)
        capacity = course.capacity[:, index] * 100
        with force_figure.batch_update():
            force_figure.data[2].x = [course.time[index]] * 2
        with capacity_figure.batch_update():
            capacity_figure.data[0].y = capacity
            capacity_figure.layout.title.text = (
                f"What each unit has left after {course.time[index]:.0f} s"
            )
        app.readout.value = (
            f"At {frequency_slider.value:.0f} Hz the muscle keeps "
            f"{_percent(course.relative_force[index])} of its starting force after "
            f"{course.time[index]:.0f} s (after {FATIGUE_DURATION:.0f} s: "
            f"{_percent(course.relative_force[-1])}; at {FATIGUE_REFERENCE_FREQUENCY:.0f} Hz, "
            f"{_percent(reference.relative_force[-1])}). At {course.time[index]:.0f} s the "
            f"fastest unit has {capacity[-1]:.0f} % of its force capacity left, the slowest "
            f"{capacity[0]:.0f} %."
        )

    def show_course(_change: object = None) -> None:
        course = _fatigue_course(float(frequency_slider.value))
        with force_figure.batch_update():
            force_figure.data[1].x = course.time
            force_figure.data[1].y = course.force
            force_figure.data[1].name = f"{frequency_slider.value:.0f} Hz"
        show_time()

    frequency_slider.observe(show_course, names="value")
    time_slider.observe(show_time, names="value")
    show_course()
    return app


# ---------------------------------------------------------------------------------------------
# Section 5: length and speed


@dataclass(frozen=True)
class SarcomereOverlap:
    """Where thin filaments cover the cross-bridge region of the thick filament, in one half
    sarcomere (metres from the middle), and that overlap as a fraction of its maximum."""

    start: float
    end: float
    fraction: float


def sarcomere_overlap(sarcomere_length: float) -> SarcomereOverlap:
    """Overlap of thin filaments with the thick filament's cross-bridges (Gordon et al. 1966).

    Drawing aid for the schematic sarcomere: on the plateau and the descending limb the
    fraction equals the relative tension of :func:`lessons.physiology.length_tension`; on
    the ascending limb the overlap stays full while the tension falls (filaments collide).
    """
    length = _check_range(
        "sarcomere_length", sarcomere_length, MIN_SARCOMERE_LENGTH, MAX_SARCOMERE_LENGTH
    )
    half = length / 2
    start = max(BARE_ZONE / 2, half - THIN_FILAMENT_LENGTH)
    end = min(THICK_FILAMENT_LENGTH / 2, half)
    full = (THICK_FILAMENT_LENGTH - BARE_ZONE) / 2
    fraction = max(end - start, 0.0) / full
    return SarcomereOverlap(start, max(end, start), fraction)


def length_and_speed(sarcomere_length: float = 2.1e-6, velocity: float = 0.0) -> SimulationApp:
    """Sliders for sarcomere length (m) and shortening velocity (fraction of v_max): a drawn
    sarcomere, the length-tension curve (Gordon et al. 1966) and Hill's (1938) force-velocity
    and power curves, each with the current point marked."""
    _check_range("sarcomere_length", sarcomere_length, MIN_SARCOMERE_LENGTH, MAX_SARCOMERE_LENGTH)
    _check_range("velocity", velocity, 0.0, 1.0)
    length_slider = labelled_slider(
        "Sarcomere length (µm)",
        sarcomere_length * _MICRO,
        MIN_SARCOMERE_LENGTH * _MICRO,
        MAX_SARCOMERE_LENGTH * _MICRO,
        # 0.1 micrometre steps: the slider announces its value to screen readers with one
        # decimal, so finer steps would sound unchanged.
        0.1,
        readout_format=".1f",
    )
    velocity_slider = labelled_slider(
        "Shortening velocity (% of maximum)", velocity * 100, 0.0, 100.0, 1.0
    )
    sarcomere_figure = _sarcomere_figure()
    curves_figure = _mechanics_curves_figure()
    app = SimulationApp(
        "Length and speed",
        {"sarcomere_length": length_slider, "velocity": velocity_slider},
        [sarcomere_figure, curves_figure],
        caption=(
            "Top: a schematic half-lattice of one sarcomere at the chosen length (frog filament "
            "lengths, Gordon et al. 1966), blue where thin filaments cover the thick filaments' "
            "cross-bridges. Bottom left: active isometric tension against sarcomere length "
            "(Gordon et al. 1966); bottom right: force and power against shortening velocity "
            "(Hill 1938); diamonds mark your settings."
        ),
    )

    def redraw(_change: object = None) -> None:
        length = length_slider.value / _MICRO
        speed = velocity_slider.value / 100
        tension = float(length_tension(length))
        force = float(force_velocity(speed))
        power = float(muscle_power(speed))
        with sarcomere_figure.batch_update():
            for index, (x, y) in enumerate(_sarcomere_drawing(length)):
                sarcomere_figure.data[index].x = x
                sarcomere_figure.data[index].y = y
        with curves_figure.batch_update():
            curves_figure.data[1].x = [length_slider.value]
            curves_figure.data[1].y = [tension * 100]
            curves_figure.data[4].x = [velocity_slider.value]
            curves_figure.data[4].y = [force * 100]
            curves_figure.data[5].x = [velocity_slider.value]
            curves_figure.data[5].y = [power * 100]
        app.readout.value = (
            f"{length_slider.value:.1f} µm: {_length_region(length)}; isometric tension "
            f"{_percent(tension)} of maximum. Shortening at {velocity_slider.value:.0f} % of "
            f"maximal velocity: {_percent(force)} of the isometric force, power "
            f"{_percent(power, 1)} of F0 × vmax. Both limits together (multiplied, a common "
            f"simplification): {_percent(tension * force)} of the maximal force."
        )

    length_slider.observe(redraw, names="value")
    velocity_slider.observe(redraw, names="value")
    redraw()
    return app


def _length_region(length: float) -> str:
    """Which part of the length-tension curve ``length`` (m) is on, and why (Gordon et al.
    1966), from the breakpoints of ``LENGTH_TENSION_POINTS``."""
    (_, _), (steep_break, _), (plateau_start, _), (plateau_end, _), (no_overlap, _) = (
        LENGTH_TENSION_POINTS
    )
    if length >= no_overlap:
        return "thin and thick filaments no longer overlap, so no cross-bridge can form"
    if length > plateau_end:
        return "descending limb: stretched, the filaments overlap less, so fewer cross-bridges"
    if length >= plateau_start:
        return "plateau: every cross-bridge of the thick filaments faces a thin filament"
    if length >= steep_break:
        return "shallow ascending limb: thin filaments from both sides overlap and interfere"
    return "steep ascending limb: thick filaments are pushed against the Z discs"


def _sarcomere_drawing(length: float) -> list[tuple[list, list]]:
    """(x, y) in micrometres of: thick filaments, thin filaments, Z discs, overlap."""
    half = length / 2 * _MICRO
    thick = THICK_FILAMENT_LENGTH / 2 * _MICRO
    thin = THIN_FILAMENT_LENGTH * _MICRO
    thick_rows, thin_rows = (-0.5, 0.5), (-1.0, 0.0, 1.0)
    thick_x, thick_y = [], []
    for row in thick_rows:
        thick_x += [-thick, thick, None]
        thick_y += [row, row, None]
    thin_x, thin_y = [], []
    for row in thin_rows:
        # Left and right thin filaments drawn a hair apart so their double overlap shows.
        thin_x += [-half, -half + thin, None, half, half - thin, None]
        thin_y += [row + 0.06, row + 0.06, None, row - 0.06, row - 0.06, None]
    z_x = [-half, -half, None, half, half]
    z_y = [-1.3, 1.3, None, -1.3, 1.3]
    overlap = sarcomere_overlap(length)
    start, end = overlap.start * _MICRO, overlap.end * _MICRO
    over_x, over_y = [], []
    if overlap.fraction > 0:
        for row in thick_rows:
            over_x += [-end, -start, None, start, end, None]
            over_y += [row, row, None, row, row, None]
    return [(thick_x, thick_y), (thin_x, thin_y), (z_x, z_y), (over_x, over_y)]


def _sarcomere_figure() -> CourseFigure:
    return CourseFigure(
        data=[
            go.Scatter(
                x=[],
                y=[],
                mode="lines",
                name="Thick filaments (myosin)",
                line={"color": COLOURS["reference"], "width": 12},
            ),
            go.Scatter(
                x=[],
                y=[],
                mode="lines",
                name="Thin filaments (actin)",
                line={"color": COLOURS["stimulus"], "width": 2},
            ),
            go.Scatter(
                x=[],
                y=[],
                mode="lines",
                name="Z discs",
                line={"color": COLOURS["stimulus"], "width": 5},
            ),
            go.Scatter(
                x=[],
                y=[],
                mode="lines",
                name="Overlap: cross-bridges can form",
                line={"color": COLOURS["force"], "width": 12},
            ),
        ],
        layout={
            **_LAYOUT,
            "height": 290,
            "title": {**_TITLE, "text": "One sarcomere"},
            "xaxis": {"title": {"text": "Position along the sarcomere (µm)"}, "range": [-2.0, 2.0]},
            "yaxis": {"visible": False, "range": [-1.5, 1.5]},
        },
    )


def _mechanics_curves_figure() -> CourseFigure:
    lengths = np.linspace(1.2e-6, MAX_SARCOMERE_LENGTH, 261)
    speeds = np.linspace(0.0, 1.0, 201)
    figure = make_subplots(
        rows=1,
        cols=2,
        horizontal_spacing=0.16,
        specs=[[{}, {"secondary_y": True}]],
        subplot_titles=("Length-tension", "Force-velocity and power"),
    )
    diamond = {
        "color": COLOURS["highlight"],
        "size": 12,
        "symbol": "diamond",
        "line": {"color": COLOURS["stimulus"], "width": 1},
    }
    figure.add_scatter(
        x=lengths * _MICRO,
        y=length_tension(lengths) * 100,
        name="Isometric tension",
        line={"color": COLOURS["force"], "width": 3},
        row=1,
        col=1,
    )
    figure.add_scatter(x=[], y=[], mode="markers", marker=diamond, name="Your length", row=1, col=1)
    figure.add_scatter(
        x=speeds * 100,
        y=force_velocity(speeds) * 100,
        name="Force",
        line={"color": COLOURS["force"], "width": 3},
        row=1,
        col=2,
    )
    figure.add_scatter(
        x=speeds * 100,
        y=muscle_power(speeds) * 100,
        name="Power (right axis)",
        line={"color": COLOURS["reference"], "width": 3, "dash": "dashdot"},
        row=1,
        col=2,
        secondary_y=True,
    )
    figure.add_scatter(x=[], y=[], mode="markers", marker=diamond, name="Your speed", row=1, col=2)
    figure.add_scatter(
        x=[],
        y=[],
        mode="markers",
        marker={**diamond, "symbol": "circle"},
        name="Your power",
        row=1,
        col=2,
        secondary_y=True,
    )
    figure.update_layout(
        **{**_LAYOUT, "height": 480, "margin": {**_LAYOUT["margin"], "t": 60, "b": 150}}
    )
    figure.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.32, "x": 0})
    figure.update_xaxes(title_text="Sarcomere length (µm)", range=[1.2, 3.8], row=1, col=1)
    figure.update_yaxes(title_text="Tension (% of maximum)", range=[0, 105], row=1, col=1)
    figure.update_xaxes(
        title_text="Shortening velocity (% of maximum)", range=[0, 100], row=1, col=2
    )
    figure.update_yaxes(
        title_text="Force (% of isometric)", range=[0, 105], row=1, col=2, secondary_y=False
    )
    figure.update_yaxes(
        title_text="Power (% of F0 × vmax)",
        range=[0, 10.5],
        row=1,
        col=2,
        secondary_y=True,
        showgrid=False,
    )
    return CourseFigure(figure)
