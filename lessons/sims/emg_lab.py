"""Lesson 04's EMG lab: action potentials, needle and surface EMG at rising effort, and the
sounds of a fasciculation, a fibrillation and a cramp.

All signals come from ``lessons.physiology``: discharges from the Fuglevand et al. (1993) pool
(``MotorUnitPool``) or from the spontaneous-activity generators (``fasciculation``,
``fibrillation``, ``cramp``), turned into voltages by ``needle_emg``, ``surface_emg`` and
``emg_from_spikes`` and into sound by ``emg_audio``. This module only chooses what to record
(which units lie near the needle, how long, which seed) and draws it.

EMG is simulated at 8 kHz, the audio rate, so a clip of a few seconds stays small. Traces are
reduced to the minimum and maximum of each screen column before drawing (a "min-max"
decimation that keeps every spike visible), so an update sends a few thousand points.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
import plotly.graph_objects as go
from IPython.display import Audio
from plotly.subplots import make_subplots

from lessons.figures.course_figure import CourseFigure
from lessons.figures.decimate import min_max_decimate
from lessons.figures.picture import TickRaster, tick_raster
from lessons.figures.theme import COLOURS
from lessons.physiology import (
    EmgSignal,
    MotorUnitPool,
    SpontaneousActivity,
    Waveform,
    cramp,
    emg_audio,
    emg_from_spikes,
    fasciculation,
    fibre_potential,
    fibrillation,
    motor_unit_potential,
    needle_emg,
    surface_emg,
    surface_potential,
)
from lessons.sims.app import SimulationApp, labelled_slider
from lessons.sims.sound import wav_bytes

#: EMG sampling rate for everything that is also played (Hz): the lowest rate browsers play
#: reliably, which keeps clips small and still resolves 10 ms MUAPs (80 samples each).
AUDIO_RATE = 8_000.0
#: Sampling rate for drawing single action potentials smoothly (Hz).
WAVEFORM_RATE = 40_000.0
#: Units of the default 120-unit pool that lie near the needle tip: every 8th in recruitment
#: order (15 units spread from the smallest to the largest). A needle records clearly only
#: fibres close to its tip (Nandedkar et al. 1988); the number is a teaching choice.
NEEDLE_UNITS = tuple(range(0, 120, 8))
#: Seed for the needle MUAP sizes: fixed, so every unit keeps its size as effort changes.
NEEDLE_SIZE_SEED = 1
#: Seed for the discharge times: fixed, so moving a slider changes the rates, not the luck.
DISCHARGE_SEED = 3
#: Baseline noise of the needle and surface recordings (V rms): illustrative values that keep
#: the baseline from being perfectly flat, far below a MUAP.
NEEDLE_NOISE_RMS = 5e-6
SURFACE_NOISE_RMS = 1e-6
#: Length of the sound of a steady contraction, and of the part drawn (s).
STEADY_AUDIO_DURATION = 2.0
STEADY_WINDOW = 1.0
#: Length of the effort ramp (s): drive rises linearly from zero to the chosen peak.
RAMP_DURATION = 3.0
#: Time columns of the effort ramp's discharge picture: 6 ms each.
RAMP_RASTER_COLUMNS = 500
#: Length of each signature recording (s) and of each mystery clip (s).
SIGNATURE_DURATION = 3.0
MYSTERY_DURATION = 2.5
#: Screen columns of a decimated trace (two points each): about one per pixel of a figure.
SIDE_BY_SIDE_COLUMNS = 500
FULL_WIDTH_COLUMNS = 750
#: Width of each of two figures shown side by side (px), so both fit a laptop screen.
FIGURE_WIDTH = 420
#: Signatures the picker offers, with the number of sources near the needle it starts with.
SIGNATURES = {"fasciculation": 1, "fibrillation": 1, "cramp": 10}
SIGNATURE_LABELS = {
    "fasciculation": "Fasciculation",
    "fibrillation": "Fibrillation",
    "cramp": "Cramp",
}
#: Sources near the needle the picker allows (units, or fibres for a fibrillation).
SOURCE_RANGE = (1, 15)
#: Fibrillation: the first fibre fires at 5 Hz, the others at rates drawn from 1-14 Hz, all
#: inside the regular 0.5-15 Hz of fibrillation potentials (Davalos & Kushlaf 2023).
FIRST_FIBRE_RATE = 5.0
OTHER_FIBRE_RATES = (1.0, 14.0)
#: Fibrillation potential sizes relative to 100 microvolts: 0.3-1.5, i.e. 30-150 microvolts,
#: inside the 20-200 microvolts of Davalos & Kushlaf (2023).
FIBRE_SIZE_RANGE = (0.3, 1.5)
#: Fasciculation: the first unit is made to fire at this time (s), each other unit once at a
#: random time, so every source shows at least one twitch in a short clip.
FIRST_FASCICULATION = 0.6
#: Muscle a needle sits in during the simulated calf cramp.
CRAMP_MUSCLE = "gastrocnemius medialis"
#: Mystery clips of the listening test: which signature, how many sources, which seed.
MYSTERY_CLIPS = {1: ("cramp", 8, 11), 2: ("fibrillation", 4, 12), 3: ("fasciculation", 1, 14)}

POTENTIAL_KINDS = {
    "needle": "Needle MUAP",
    "surface": "Surface MUAP",
    "fibre": "Fibrillation potential (one fibre)",
}


# --------------------------------------------------------------------------------------------
# Recordings: what the lesson simulates, free of widgets so tests and static clips share them.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class VoluntaryRecording:
    """A voluntary contraction of the pool seen by a needle and by surface electrodes.

    ``spike_times`` holds every unit's discharges; ``needle`` records only ``needle_units``
    (indices into the pool, in recruitment order), ``surface`` all units.
    """

    spike_times: tuple[np.ndarray, ...]
    needle: EmgSignal
    surface: EmgSignal
    needle_units: tuple[int, ...]

    @property
    def recruited(self) -> int:
        """How many units of the whole pool fired at least once."""
        return sum(len(times) > 0 for times in self.spike_times)

    @property
    def recruited_near_needle(self) -> int:
        """How many of the units near the needle fired at least once."""
        return sum(len(self.spike_times[unit]) > 0 for unit in self.needle_units)


@dataclass(frozen=True, eq=False)
class SignatureRecording:
    """A fasciculation, fibrillation or cramp as a needle near its sources records it."""

    activity: SpontaneousActivity
    emg: EmgSignal

    @property
    def kind(self) -> str:
        return self.activity.kind

    @property
    def summed_rate(self) -> float:
        """Potentials per second from all sources together (Hz)."""
        total = sum(len(times) for times in self.activity.spike_times)
        return total / self.activity.duration


def _choice(name: str, value: object, allowed: Sequence[object]) -> object:
    if value not in allowed:
        raise ValueError(f"{name} must be one of {list(allowed)}; got {value!r}")
    return value


def _number(name: str, value: float, low: float, high: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number in [{low:g}, {high:g}]; got {value!r}") from None
    if not low <= number <= high:  # also refuses NaN
        raise ValueError(f"{name} must be in [{low:g}, {high:g}]; got {value!r}")
    return number


def _whole(name: str, value: int, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ValueError(f"{name} must be a whole number in [{low}, {high}]; got {value!r}")
    if not low <= value <= high:
        raise ValueError(f"{name} must be in [{low}, {high}]; got {value!r}")
    return int(value)


def record_voluntary(
    drive: float | np.ndarray,
    duration: float,
    pool: MotorUnitPool | None = None,
    seed: int = DISCHARGE_SEED,
) -> VoluntaryRecording:
    """Needle and surface EMG of the pool at ``drive`` (fraction of maximal excitation, one
    number or one value per millisecond for a ramp) for ``duration`` seconds.

    Surface MUAPs scale with each unit's twitch force, a proxy for its number of fibres
    (Fuglevand et al. 1993); needle MUAPs get sizes set by distance (``needle_emg``).
    """
    pool = MotorUnitPool() if pool is None else pool
    length = _number("duration", duration, 0.05, 10.0)
    if pool.n_units <= max(NEEDLE_UNITS):
        raise ValueError(
            f"pool must have more than {max(NEEDLE_UNITS)} units so the needle's units exist; "
            f"got n_units={pool.n_units}"
        )
    # The EMG needs only the discharges, not the force sums (most of a simulation's work).
    spike_times = pool.discharge_times(drive, length, seed=seed)
    near = [spike_times[unit] for unit in NEEDLE_UNITS]
    needle = needle_emg(near, length, AUDIO_RATE, noise_rms=NEEDLE_NOISE_RMS, seed=NEEDLE_SIZE_SEED)
    surface = surface_emg(
        spike_times,
        length,
        pool.peak_forces,
        AUDIO_RATE,
        noise_rms=SURFACE_NOISE_RMS,
        seed=seed,
    )
    return VoluntaryRecording(spike_times, needle, surface, NEEDLE_UNITS)


def ramp_drive(peak_effort: float, duration: float = RAMP_DURATION) -> np.ndarray:
    """Drive rising linearly from 0 to ``peak_effort`` (0-1), one value per millisecond."""
    peak = _number("peak_effort", peak_effort, 0.0, 1.0)
    length = _number("duration", duration, 0.05, 10.0)
    samples = int(np.floor(length / 0.001 + 1e-9)) + 1
    return np.linspace(0.0, peak, samples)


def record_signature(
    kind: str,
    sources: int | None = None,
    duration: float = SIGNATURE_DURATION,
    seed: int = 0,
) -> SignatureRecording:
    """A needle recording of ``sources`` fasciculating units, fibrillating fibres or cramping
    units (default: the picker's starting number for that kind).

    - fasciculation: each unit fires alone at random (``fasciculation``, 0.2 Hz); each is
      also made to fire once (the first at 0.6 s, the others at random times) so a short
      clip shows every source;
    - fibrillation: each fibre fires regularly (``fibrillation``): the first at 5 Hz, the
      others at seeded rates of 1-14 Hz, with sizes of 30-150 microvolts;
    - cramp: ``sources`` units of one calf muscle during a cramp (``cramp``), each firing
      irregularly at 6-25 Hz (Minetto et al. 2009).
    """
    _choice("kind", kind, list(SIGNATURES))
    count = SIGNATURES[kind] if sources is None else sources
    count = _whole("sources", count, *SOURCE_RANGE)
    length = _number("duration", duration, 0.5, 30.0)
    rng = np.random.default_rng(seed)
    if kind == "fasciculation":
        onsets = np.concatenate(
            [[min(FIRST_FASCICULATION, length / 2)], rng.uniform(0.1, length - 0.1, count - 1)]
        )
        trains = [
            fasciculation(length, unit=unit, first_discharge=onset, seed=seed + 101 * unit)
            for unit, onset in enumerate(onsets)
        ]
        activity = _combine("fasciculation", trains)
        emg = needle_emg(
            activity.spike_times, length, AUDIO_RATE, noise_rms=NEEDLE_NOISE_RMS, seed=seed
        )
    elif kind == "fibrillation":
        rates = np.concatenate([[FIRST_FIBRE_RATE], rng.uniform(*OTHER_FIBRE_RATES, count - 1)])
        trains = [
            fibrillation(length, rate=rate, fibre=fibre, seed=seed + 101 * fibre)
            for fibre, rate in enumerate(rates)
        ]
        activity = _combine("fibrillation", trains)
        sizes = np.concatenate([[1.0], rng.uniform(*FIBRE_SIZE_RANGE, count - 1)])
        emg = emg_from_spikes(
            activity.spike_times,
            length,
            fibre_potential(AUDIO_RATE),
            sizes,
            noise_rms=NEEDLE_NOISE_RMS,
            seed=seed,
        )
    else:
        activity = cramp(length, {CRAMP_MUSCLE: count}, seed=seed)
        emg = needle_emg(
            activity.spike_times, length, AUDIO_RATE, noise_rms=NEEDLE_NOISE_RMS, seed=seed
        )
    return SignatureRecording(activity, emg)


def _combine(kind: str, parts: Sequence[SpontaneousActivity]) -> SpontaneousActivity:
    """One activity record from single-source records of the same window."""
    return SpontaneousActivity(
        kind=kind,
        duration=parts[0].duration,
        sources=tuple(part.sources[0] for part in parts),
        muscles=tuple(part.muscles[0] for part in parts),
        spike_times=tuple(part.spike_times[0] for part in parts),
    )


# --------------------------------------------------------------------------------------------
# Sound and drawing helpers.
# --------------------------------------------------------------------------------------------


def sound_at_fixed_gain(signal: EmgSignal, full_scale: float) -> tuple[np.ndarray, int]:
    """The EMG as sound with a fixed volume: ``full_scale`` volts (peak) plays at full level,
    so a quiet muscle sounds quiet (``emg_audio`` alone scales every clip to full level)."""
    level = _number("full_scale", full_scale, 1e-9, 1.0)
    waveform, rate = emg_audio(signal.voltage, signal.sampling_rate)
    peak = float(np.abs(signal.voltage - signal.voltage.mean()).max())
    return waveform * min(1.0, peak / level), rate


def min_max_trace(signal: EmgSignal, window: float, columns: int) -> tuple[np.ndarray, np.ndarray]:
    """Time (s) and voltage (mV) of the first ``window`` seconds in ``columns`` screen columns,
    each drawn as its minimum and maximum, so every spike stays visible with few points."""
    count = _whole("columns", columns, 1, 100_000)
    samples = round(_number("window", window, 0.0, 3600.0) * signal.sampling_rate)
    per_column = max(1, samples // count)
    used = per_column * count
    if used > len(signal.voltage):
        raise ValueError(
            f"window must be at most the record's length ({len(signal.voltage)} samples at "
            f"{signal.sampling_rate:g} Hz); got {window!r} s"
        )
    return min_max_decimate(signal.time[:used], signal.voltage[:used] * 1e3, count)


def _raster(spike_times: Sequence[np.ndarray], window: float) -> tuple[np.ndarray, np.ndarray]:
    """Times (s) and row numbers (1 = first source) of every discharge inside the window."""
    times = [np.asarray(t)[np.asarray(t) < window] for t in spike_times]
    rows = [np.full(len(t), row + 1) for row, t in enumerate(times)]
    if not times:
        return np.zeros(0), np.zeros(0)
    return np.concatenate(times), np.concatenate(rows)


def _ramp_raster(spike_times: Sequence[np.ndarray]) -> TickRaster:
    """The effort ramp's discharges, one row per unit near the needle, in 6 ms columns
    (shorter than the 29 ms between two discharges of a unit at its top rate of 35 Hz)."""
    rows = list(spike_times) or [np.zeros(0)] * len(NEEDLE_UNITS)
    return tick_raster(rows, RAMP_DURATION, RAMP_RASTER_COLUMNS, COLOURS["stimulus"])


def _audio_widget() -> widgets.Audio:
    return widgets.Audio(format="wav", autoplay=False, loop=False, controls=True)


def _audio_block(label: str, player: widgets.Audio) -> widgets.VBox:
    return widgets.VBox([widgets.HTML(f"<b>{label}</b>"), player])


def update_traces(
    figure: go.FigureWidget, changes: dict[int, dict], layout: dict | None = None
) -> None:
    """Change several traces (``{index: properties}``) and the layout of ``figure`` in one
    message, so the page redraws the figure once (``CourseFigure`` keeps the properties a
    trace does not change as they are)."""
    with figure.batch_update():
        for index, properties in changes.items():
            figure.data[index].update(**properties)
        if layout:
            figure.layout.update(layout)


# --------------------------------------------------------------------------------------------
# Experiment 1: three action potentials side by side.
# --------------------------------------------------------------------------------------------


def potential_waveforms() -> dict[str, Waveform]:
    """The model's needle MUAP, surface MUAP and fibrillation potential, finely sampled."""
    return {
        "needle": motor_unit_potential(WAVEFORM_RATE),
        "surface": surface_potential(WAVEFORM_RATE),
        "fibre": fibre_potential(WAVEFORM_RATE),
    }


def potential_explorer(kind: str = "needle", scaled: bool = False) -> SimulationApp:
    """Pick one of three action potentials; it is drawn in colour over the other two in grey,
    at true size (microvolts) or each scaled to its own peak-to-peak, with its duration and
    amplitude in the readout."""
    _choice("kind", kind, list(POTENTIAL_KINDS))
    waveforms = potential_waveforms()
    picker = widgets.ToggleButtons(
        options=[(label, key) for key, label in POTENTIAL_KINDS.items()],
        value=kind,
        description="Potential",
        style={"description_width": "initial", "button_width": "auto"},
    )
    scale = widgets.ToggleButtons(
        options=[("True size", False), ("Each scaled to its own size", True)],
        value=bool(scaled),
        description="Vertical scale",
        style={"description_width": "initial", "button_width": "auto"},
    )
    colours = {
        "needle": COLOURS["emg"],
        "surface": COLOURS["emg"],
        "fibre": COLOURS["fibrillation"],
    }
    figure = CourseFigure(
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
    app = SimulationApp(
        "Action potential explorer",
        {"kind": picker, "scaled": scale},
        figure,
        caption=(
            "Simulated action potentials centred on the moment of discharge: a needle MUAP "
            "(triphasic, 10 ms, 500 µV), a surface MUAP (smooth, 15 ms, 200 µV for the largest "
            "unit) and a fibrillation potential of one fibre (biphasic, 2 ms, 100 µV); the one "
            "you pick is drawn in colour."
        ),
    )

    def redraw(_change: object = None) -> None:
        chosen = picker.value
        changes = {}
        for index, (key, waveform) in enumerate(waveforms.items()):
            voltage = waveform.voltage * 1e6
            if scale.value:
                voltage = 100.0 * waveform.voltage / waveform.peak_to_peak
            selected = key == chosen
            changes[index] = {
                "y": voltage,
                "line": {
                    "color": colours[key] if selected else COLOURS["reference"],
                    "width": 3.5 if selected else 1.5,
                },
                "opacity": 1.0 if selected else 0.6,
            }
        title = "Voltage (% of its own peak-to-peak)" if scale.value else "Voltage (µV)"
        update_traces(figure, changes, {"yaxis.title.text": title})
        waveform = waveforms[chosen]
        app.readout.value = (
            f"{POTENTIAL_KINDS[chosen]}: lasts {waveform.duration * 1e3:.0f} ms, "
            f"{waveform.peak_to_peak * 1e6:.0f} µV from its lowest to its highest point."
        )

    picker.observe(redraw, names="value")
    scale.observe(redraw, names="value")
    redraw()
    return app


# --------------------------------------------------------------------------------------------
# Experiment 2: needle and surface EMG side by side at a steady effort.
# --------------------------------------------------------------------------------------------


def _emg_figure(title: str, time: np.ndarray, y_range: float, width: int) -> go.FigureWidget:
    layout = {
        "title": {"text": title},
        "showlegend": False,
        "xaxis": {"title": {"text": "Time (s)"}},
        "yaxis": {"title": {"text": "Voltage (mV)"}, "range": [-y_range, y_range]},
    }
    layout["width"] = width
    return CourseFigure(
        data=[
            go.Scatter(x=time, y=np.zeros_like(time), mode="lines", line={"color": COLOURS["emg"]})
        ],
        layout=layout,
    )


def _fitted_range(values: np.ndarray, floor: float) -> list[float]:
    """A symmetric axis range (mV) that fits ``values`` with a margin, never below ``floor``."""
    half = max(floor, 1.1 * float(np.abs(values).max(initial=0.0)))
    return [-half, half]


def needle_and_surface(effort: float = 0.03, fixed_scale: bool = False) -> SimulationApp:
    """An effort slider (percent of maximal drive) over needle EMG and surface EMG recorded
    at the same time, side by side, with the needle's sound.

    The needle records 15 units near its tip, the surface electrodes all 120 units of the
    pool, each filtered by the tissue; both use the same discharges. The vertical scale either
    fits each trace (to see shapes at low effort) or stays fixed at the full-effort size (to
    compare efforts); the sound always plays at a fixed volume.
    """
    start = _number("effort", effort, 0.0, 1.0)
    pool = MotorUnitPool()
    full = record_voluntary(1.0, STEADY_AUDIO_DURATION, pool)
    needle_full_scale = float(np.abs(full.needle.voltage).max())
    fixed_ranges = (
        _fitted_range(full.needle.voltage * 1e3, 0.0),
        _fitted_range(full.surface.voltage * 1e3, 0.0),
    )
    slider = labelled_slider("Effort (% of maximal drive)", start * 100, 0.0, 100.0, 0.5, ".1f")
    scale = widgets.ToggleButtons(
        options=[("Fit each trace", False), ("Fixed (compare efforts)", True)],
        value=bool(fixed_scale),
        description="Vertical scale",
        style={"description_width": "initial", "button_width": "auto"},
    )
    # The screen columns never move: only the voltages are sent when the slider moves.
    time, _ = min_max_trace(full.needle, STEADY_WINDOW, SIDE_BY_SIDE_COLUMNS)
    figures = (
        _emg_figure("Needle electrode, inside the muscle", time, fixed_ranges[0][1], FIGURE_WIDTH),
        _emg_figure("Surface electrodes, on the skin", time, fixed_ranges[1][1], FIGURE_WIDTH),
    )
    player = _audio_widget()
    app = SimulationApp(
        "Needle and surface EMG",
        {"effort": slider, "fixed_scale": scale},
        list(figures),
        caption=(
            "One second of simulated EMG from the same contraction: left, a needle electrode "
            "that picks up 15 units near its tip; right, surface electrodes that pick up all "
            "120 units of the pool through the tissue (Fuglevand et al. 1993 pool)."
        ),
        extras=[_audio_block("Listen to the needle (2 s, fixed volume)", player)],
        figures_side_by_side=True,
    )
    # Smallest fitted half-range (mV): a few times the baseline noise, so noise stays small.
    floors = (0.05, 0.01)

    def rescale(_change: object = None) -> None:
        for figure, fixed, floor in zip(figures, fixed_ranges, floors, strict=True):
            new_range = fixed if scale.value else _fitted_range(figure.data[0].y, floor)
            figure.layout.yaxis.range = new_range

    def redraw(_change: object = None) -> None:
        level = slider.value / 100.0
        recording = record_voluntary(level, STEADY_AUDIO_DURATION, pool)
        for figure, signal, floor in zip(
            figures, (recording.needle, recording.surface), floors, strict=True
        ):
            _, voltage = min_max_trace(signal, STEADY_WINDOW, SIDE_BY_SIDE_COLUMNS)
            layout = None if scale.value else {"yaxis.range": _fitted_range(voltage, floor)}
            update_traces(figure, {0: {"y": voltage}}, layout)
        sound, rate = sound_at_fixed_gain(recording.needle, needle_full_scale)
        player.value = wav_bytes(sound, rate)
        rates = pool.rates(level)
        surface_rms = float(np.sqrt(np.mean(recording.surface.voltage**2))) * 1e6
        if recording.recruited == 0:
            activity = "No unit is recruited yet: the muscle is electrically silent."
        else:
            activity = (
                f"{recording.recruited} of {pool.n_units} units recruited, "
                f"{recording.recruited_near_needle} of the {len(NEEDLE_UNITS)} near the needle; "
                f"the first unit fires at {rates[0]:.1f} Hz."
            )
        app.readout.value = f"{activity} Surface EMG: {surface_rms:.1f} µV rms."

    slider.observe(redraw, names="value")
    scale.observe(rescale, names="value")
    redraw()
    return app


# --------------------------------------------------------------------------------------------
# Experiment 3: a ramp of effort, seen as discharges, needle EMG and surface EMG.
# --------------------------------------------------------------------------------------------


def effort_ramp(peak_effort: float = 0.3) -> SimulationApp:
    """Effort rising steadily for 3 s up to a chosen peak: the discharges of the 15 units near
    the needle, the needle EMG and the surface EMG, with the needle's sound."""
    start = _number("peak_effort", peak_effort, 0.05, 1.0)
    pool = MotorUnitPool()
    full = record_voluntary(ramp_drive(1.0), RAMP_DURATION, pool)
    needle_full_scale = float(np.abs(full.needle.voltage).max())
    needle_range = 1.1 * needle_full_scale * 1e3
    surface_range = 1.1 * float(np.abs(full.surface.voltage).max()) * 1e3
    slider = labelled_slider("Peak effort (% of maximal drive)", start * 100, 5.0, 100.0, 5.0)
    base = make_subplots(
        rows=3,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.06,
        row_heights=[0.34, 0.33, 0.33],
        subplot_titles=(
            "Discharges of the 15 units near the needle",
            "Needle EMG",
            "Surface EMG",
        ),
    )
    figure = CourseFigure(base)
    # The discharges as one picture (lessons.figures.picture): every update redraws the whole
    # figure in the page, and a picture redraws faster than hundreds of tick markers.
    figure.add_trace(
        go.Image(**_ramp_raster([]).image_properties(), name="Discharge", hoverinfo="skip"),
        row=1,
        col=1,
    )
    time, _ = min_max_trace(full.needle, RAMP_DURATION, FULL_WIDTH_COLUMNS)
    for row in (2, 3):
        figure.add_trace(
            go.Scatter(x=time, y=np.zeros_like(time), mode="lines", line={"color": COLOURS["emg"]}),
            row=row,
            col=1,
        )
    figure.update_layout(
        height=640,
        showlegend=False,
        title={"text": "A ramp of effort"},
    )
    figure.update_yaxes(
        title_text="Unit (order of recruitment)",
        range=[0.3, len(NEEDLE_UNITS) + 0.7],
        scaleanchor=False,  # an image would otherwise force square pixels
        row=1,
    )
    figure.update_yaxes(title_text="Voltage (mV)", range=[-needle_range, needle_range], row=2)
    figure.update_yaxes(title_text="Voltage (mV)", range=[-surface_range, surface_range], row=3)
    figure.update_xaxes(title_text="Time from the start of the ramp (s)", row=3)
    figure.update_xaxes(range=[0, RAMP_DURATION])
    player = _audio_widget()
    app = SimulationApp(
        "Effort ramp",
        {"peak_effort": slider},
        figure,
        caption=(
            "Effort rises in a straight line from zero to the chosen peak over 3 s; top, each "
            "tick is one discharge of one of the 15 units near the needle (Fuglevand et al. "
            "1993 pool); middle and bottom, the needle and surface EMG of the same discharges."
        ),
        extras=[_audio_block("Listen to the needle during the ramp (3 s)", player)],
    )

    def redraw(_change: object = None) -> None:
        peak = slider.value / 100.0
        drive = ramp_drive(peak)
        recording = record_voluntary(drive, RAMP_DURATION, pool)
        near = [recording.spike_times[unit] for unit in NEEDLE_UNITS]
        _, needle_y = min_max_trace(recording.needle, RAMP_DURATION, FULL_WIDTH_COLUMNS)
        _, surface_y = min_max_trace(recording.surface, RAMP_DURATION, FULL_WIDTH_COLUMNS)
        update_traces(
            figure,
            {0: {"source": _ramp_raster(near).source}, 1: {"y": needle_y}, 2: {"y": surface_y}},
        )
        sound, rate = sound_at_fixed_gain(recording.needle, needle_full_scale)
        player.value = wav_bytes(sound, rate)
        app.readout.value = _ramp_summary(pool, peak, recording)

    slider.observe(redraw, names="value")
    redraw()
    return app


def _ramp_summary(pool: MotorUnitPool, peak: float, recording: VoluntaryRecording) -> str:
    """Where recruitment happened along the ramp and how fast the first unit ended up."""
    near = [recording.spike_times[unit] for unit in NEEDLE_UNITS]
    onsets = [float(times[0]) for times in near if len(times)]
    first_rate = float(pool.rates(peak)[0])
    if not onsets:
        return "No unit near the needle was recruited: try a higher peak."
    last = max(onsets)
    last_effort = 100.0 * peak * last / RAMP_DURATION
    return (
        f"{len(onsets)} of the {len(NEEDLE_UNITS)} units near the needle were recruited; the "
        f"last of them joined at {last:.2f} s (effort {last_effort:.0f} %). By the end the "
        f"first unit was firing at {first_rate:.1f} Hz."
    )


# --------------------------------------------------------------------------------------------
# Experiment 4: the signatures of lessons 05-07.
# --------------------------------------------------------------------------------------------


def source_rates(activity: SpontaneousActivity) -> np.ndarray:
    """Each source's discharge rate (Hz) as 1 / mean interval, NaN for fewer than two
    discharges (counting discharges in a short window underestimates the rate)."""
    return np.array(
        [
            1.0 / np.mean(np.diff(times)) if len(times) > 1 else np.nan
            for times in activity.spike_times
        ]
    )


def describe_signature(recording: SignatureRecording) -> str:
    """One readout sentence: sources, their rates, the summed rate and the trace's size."""
    activity = recording.activity
    count = len(activity.spike_times)
    size = f"The trace spans {np.ptp(recording.emg.voltage) * 1e6:.0f} µV."
    if recording.kind == "fasciculation":
        discharges = sum(len(times) for times in activity.spike_times)
        who = "1 motor unit" if count == 1 else f"{count} motor units, each"
        plural = "s" if discharges != 1 else ""
        return (
            f"{who} firing on its own at random times: {discharges} discharge{plural} in "
            f"{activity.duration:g} s. {size}"
        )
    rates = source_rates(activity)
    if recording.kind == "fibrillation":
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
        f"irregularly; their average rates over these {activity.duration:g} s run from "
        f"{np.nanmin(rates):.0f} to {np.nanmax(rates):.0f} Hz (mean {np.nanmean(rates):.1f} Hz). "
        f"Together: {recording.summed_rate:.0f} potentials per second."
    )


def signature_explorer(kind: str = "fasciculation") -> SimulationApp:
    """Pick a fasciculation, a fibrillation or a cramp: see its discharges and needle EMG and
    hear it. A second control sets how many sources lie near the needle."""
    _choice("kind", kind, list(SIGNATURES))
    picker = widgets.ToggleButtons(
        options=[(SIGNATURE_LABELS[key], key) for key in SIGNATURES],
        value=kind,
        description="Signature",
        style={"description_width": "initial", "button_width": "auto"},
    )
    sources = widgets.IntSlider(
        value=SIGNATURES[kind],
        min=SOURCE_RANGE[0],
        max=SOURCE_RANGE[1],
        step=1,
        description="Sources near the needle (units or fibres)",
        style={"description_width": "initial"},
        layout=widgets.Layout(width="420px"),
    )
    base = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.1,
        row_heights=[0.4, 0.6],
        subplot_titles=("Discharges of each source", "Needle EMG"),
    )
    figure = CourseFigure(base)
    figure.add_trace(
        go.Scatter(
            x=[],
            y=[],
            mode="markers",
            name="Discharge",
            marker={"symbol": "line-ns-open", "size": 9, "color": COLOURS[kind]},
        ),
        row=1,
        col=1,
    )
    first = record_signature(kind)
    time, _ = min_max_trace(first.emg, SIGNATURE_DURATION, FULL_WIDTH_COLUMNS)
    figure.add_trace(
        go.Scatter(x=time, y=np.zeros_like(time), mode="lines", line={"color": COLOURS["emg"]}),
        row=2,
        col=1,
    )
    figure.update_layout(
        height=520,
        showlegend=False,
        title={"text": "Spontaneous activity at rest"},
    )
    figure.update_yaxes(title_text="Source", row=1)
    figure.update_yaxes(title_text="Voltage (mV)", autorange=True, row=2)
    figure.update_xaxes(title_text="Time (s)", row=2)
    figure.update_xaxes(range=[0, SIGNATURE_DURATION])
    player = _audio_widget()
    app = SimulationApp(
        "Signature explorer",
        {"kind": picker, "sources": sources},
        figure,
        caption=(
            "Three seconds of a resting muscle recorded by a needle: top, each tick is one "
            "discharge of one source (a motor unit, or a single fibre for a fibrillation); "
            "bottom, the needle EMG, whose vertical scale adapts to each signature."
        ),
        extras=[_audio_block("Listen (3 s, scaled to the same loudness)", player)],
    )
    state = {"switching": False}

    def redraw(_change: object = None) -> None:
        if state["switching"]:
            return
        recording = record_signature(picker.value, sources.value)
        raster_x, raster_y = _raster(recording.activity.spike_times, SIGNATURE_DURATION)
        _, emg_y = min_max_trace(recording.emg, SIGNATURE_DURATION, FULL_WIDTH_COLUMNS)
        update_traces(
            figure,
            {
                0: {"x": raster_x, "y": raster_y, "marker": {"color": COLOURS[picker.value]}},
                1: {"y": emg_y},
            },
            {"yaxis.range": [0.3, sources.value + 0.7]},
        )
        sound, rate = emg_audio(recording.emg.voltage, recording.emg.sampling_rate)
        player.value = wav_bytes(sound, rate)
        app.readout.value = describe_signature(recording)

    def switch(_change: object = None) -> None:
        # Each signature starts from its typical number of sources; draw once, not twice.
        state["switching"] = True
        try:
            sources.value = SIGNATURES[picker.value]
        finally:
            state["switching"] = False
        redraw()

    picker.observe(switch, names="value")
    sources.observe(redraw, names="value")
    redraw()
    return app


# --------------------------------------------------------------------------------------------
# Static clips: the listening test (stored in the notebook, so they play without a kernel).
# --------------------------------------------------------------------------------------------


def signature_sound(
    kind: str, sources: int | None = None, duration: float = MYSTERY_DURATION, seed: int = 0
) -> Audio:
    """A short clip of a signature as an ``IPython.display.Audio`` player (8 kHz, scaled to
    full loudness)."""
    recording = record_signature(kind, sources, duration, seed)
    sound, rate = emg_audio(recording.emg.voltage, recording.emg.sampling_rate)
    return Audio(sound, rate=rate, normalize=False)


def mystery_sound(number: int) -> Audio:
    """Clip ``number`` (1-3) of the listening test: one of the three signatures, unnamed."""
    _whole("number", number, 1, len(MYSTERY_CLIPS))
    kind, sources, seed = MYSTERY_CLIPS[number]
    return signature_sound(kind, sources, MYSTERY_DURATION, seed)
