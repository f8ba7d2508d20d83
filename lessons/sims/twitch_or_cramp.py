"""Lesson 05's experiments: a fasciculation, a fibrillation and a cramp on the same calf.

One picture of the calf (gastrocnemius medialis and lateralis, soleus; ``muscle_cross_section``)
and one set of models for all three events, so that their sizes compare honestly:

- **fasciculation**: one motor unit discharging on its own (``spontaneous.fasciculation``); the
  unit's fibres light up (``moving_fibres``) and its twitches come from its pool
  (``MotorUnitPool.force``, Fuglevand, Winter & Patla 1993);
- **fibrillation**: one denervated fibre firing regularly (``spontaneous.fibrillation``); its
  twitch is one fibre's share of a unit's force, so nothing visibly moves;
- **cramp**: many units in all three muscles discharging at 6-25 Hz (``spontaneous.cramp``,
  rates from Minetto et al. 2009) for seconds.

Each calf muscle gets a Fuglevand pool with as many units as the picture draws and the picture's
10-fold range of unit sizes (``geometry.UNIT_SIZE_RANGE``), indexed in the same recruitment
order (smallest first), so a unit's drawn size and its twitch force agree. The needle EMG is
recorded in the muscle where the event happens; for a cramp, in the gastrocnemius medialis.

The first half of the module is pure (numbers only, tested directly); the two apps below it
only draw what it computes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache
from html import escape

import ipywidgets as widgets
import numpy as np
from IPython.display import Audio
from plotly.subplots import make_subplots

from lessons.figures.course_figure import CourseFigure
from lessons.figures.decimate import min_max_decimate
from lessons.figures.theme import COLOURS
from lessons.physiology import (
    CrossSection,
    EmgSignal,
    MotorUnitPool,
    SpontaneousActivity,
    cramp,
    emg_audio,
    evoked_force,
    fasciculation,
    fibrillation,
    fibrillation_emg,
    moving_fibres,
    muscle_cross_section,
    needle_emg,
)
from lessons.physiology.geometry import MEDIAL_GASTROCNEMIUS_INNERVATION, UNIT_SIZE_RANGE
from lessons.physiology.twitch import DEFAULT_CONTRACTION_TIME
from lessons.sims.app import SimulationApp, labelled_slider

#: The three events, in the order the lesson presents them.
EVENTS = ("fasciculation", "fibrillation", "cramp")
#: Time window shown (s): long enough for a cramp of a few seconds and the calm around it.
WINDOW = 8.0
#: When the event starts in the window (s).
ONSET = 1.0
#: Length of the simulated cramp, 5 s: a teaching value at the short end of real calf cramps,
#: which last from a few seconds up to 10 minutes (NHS, "Leg cramps").
CRAMP_DURATION = 5.0
#: Default share of each calf muscle's units that the cramp recruits: a teaching value (no study
#: has counted the share of units active in a spontaneous calf cramp).
DEFAULT_CRAMP_SHARE = 0.6
#: Force sampling step, 2 ms: resolves the fastest 30 ms twitches of the pool.
FORCE_STEP = 0.002
#: Needle EMG sampling rate, 10 kHz (the physiology package's default for needle EMG).
EMG_RATE = 10_000.0
#: Baseline noise of the needle recording, 10 microvolts rms: a teaching value that leaves a
#: 100 microvolt fibrillation potential clearly above the baseline.
EMG_NOISE = 10e-6
#: The needle sits in this muscle during a cramp.
NEEDLE_MUSCLE = "gastrocnemius medialis"
#: Part of the EMG played as sound (s): 3 s that include the event's onset.
AUDIO_CLIP = (0.5, 3.5)
#: The EMG is drawn as the minimum and maximum of this many time columns (a few thousand
#: points instead of 80 000 samples; every spike keeps its full height).
EMG_COLUMNS = 1000
#: The force is drawn the same way, in this many columns (its 4,001 samples would make every
#: update of the figure slower to send and to redraw, for no visible difference).
FORCE_COLUMNS = 1000
#: Fibrillation rate used in the lesson, 5 Hz (inside the regular 0.5-15 Hz range of Davalos &
#: Kushlaf, StatPearls; the physiology package's default).
FIBRILLATION_RATE = 5.0


# --------------------------------------------------------------------------------------------
# The calf model (pure: numbers only)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class CalfModel:
    """The calf picture, one motor-unit pool per muscle, and the force of a single fibre.

    ``fibre_force`` (arbitrary units) is the mean twitch force of a calf unit divided by its
    fibre count (innervation number about 1934; Feinstein et al. 1955): the share of force one
    fibre contributes, assuming all fibres of a unit pull alike.
    """

    section: CrossSection
    pools: tuple[MotorUnitPool, ...]
    fibre_force: float

    def pool_of(self, muscle: str) -> MotorUnitPool:
        return self.pools[self.section.muscle_names.index(muscle)]

    def fibres_per_point(self, muscle: str) -> float:
        return self.section.fibres_per_point[self.section.muscle_names.index(muscle)]

    def rank_of(self, unit: int) -> tuple[str, int]:
        """Muscle of a section unit and its rank in that muscle (0 = smallest)."""
        muscle = self.section.muscle_names[int(self.section.unit_muscle[unit])]
        return muscle, int(np.flatnonzero(self.section.units_in(muscle) == unit)[0])


@lru_cache(maxsize=2)
def calf_model(seed: int = 0) -> CalfModel:
    """The lesson's calf: 3000 drawn fibres in 120 units (seeded, deterministic)."""
    section = muscle_cross_section("calf", seed=seed)
    pools = tuple(
        MotorUnitPool(n_units=len(section.units_in(name)), force_range=UNIT_SIZE_RANGE)
        for name in section.muscle_names
    )
    mean_unit_force = float(np.mean(pools[0].peak_forces))
    return CalfModel(section, pools, mean_unit_force / MEDIAL_GASTROCNEMIUS_INNERVATION)


@dataclass(frozen=True, eq=False)
class CalfEvent:
    """One spontaneous event in the calf, with everything the lesson shows of it.

    ``force`` is the summed force of the calf (arbitrary units) sampled every ``FORCE_STEP``;
    ``moving`` marks the drawn fibres (points) that visibly contract; ``fibres`` is the number
    of muscle fibres that contract, at the scale of the picture; ``fibre_point`` is the drawn
    point where a fibrillating fibre lies (``None`` for the other events).
    """

    kind: str
    activity: SpontaneousActivity
    units: tuple[int, ...]
    muscles: tuple[str, ...]
    fibres: int
    time: np.ndarray
    force: np.ndarray
    emg: EmgSignal
    needle_muscle: str
    moving: np.ndarray
    fibre_point: int | None = None

    @property
    def peak_force(self) -> float:
        return float(self.force.max())

    @property
    def duration(self) -> float:
        """Longest stretch (s) during which the force stays at or above half its peak."""
        return time_above_half_peak(self.force, FORCE_STEP)


def time_above_half_peak(force: np.ndarray, step: float) -> float:
    """Length (s) of the longest run of samples at or above half the peak of ``force``."""
    peak = float(np.max(force, initial=0.0))
    if peak <= 0:
        return 0.0
    above = np.concatenate([[0], (force >= 0.5 * peak).astype(np.int8), [0]])
    edges = np.flatnonzero(np.diff(above))
    return float((edges[1::2] - edges[0::2]).max() * step)


def _check_seed(seed: int) -> int:
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a whole number >= 0; got {seed!r}")
    return int(seed)


def fasciculation_event(unit: int | None = None, seed: int = 0) -> CalfEvent:
    """Motor unit ``unit`` (index in the calf picture, 0-119) firing on its own.

    It discharges once at ``ONSET`` and otherwise at random (Poisson, 0.2 Hz); by default the
    median-sized unit of the gastrocnemius medialis.
    """
    model = calf_model()
    section = model.section
    if unit is None:
        medial = section.units_in(NEEDLE_MUSCLE)
        unit = int(medial[len(medial) // 2])
    if isinstance(unit, bool) or not isinstance(unit, (int, np.integer)):
        raise ValueError(f"unit must be a whole number in [0, {section.n_units - 1}]; got {unit!r}")
    if not 0 <= unit < section.n_units:
        raise ValueError(f"unit must be in [0, {section.n_units - 1}]; got {unit!r}")
    muscle, rank = model.rank_of(int(unit))
    activity = fasciculation(
        WINDOW, unit=int(unit), first_discharge=ONSET, muscle=muscle, seed=_check_seed(seed)
    )
    pool = model.pool_of(muscle)
    trains = [np.zeros(0)] * pool.n_units
    trains[rank] = activity.spike_times[0]
    time, unit_force = pool.force(trains, WINDOW, FORCE_STEP)
    moving = moving_fibres(section, activity)
    fibres = round(int(moving.sum()) * model.fibres_per_point(muscle))
    emg = needle_emg(
        activity.spike_times, WINDOW, EMG_RATE, noise_rms=EMG_NOISE, seed=int(seed) + 11
    )
    return CalfEvent(
        "fasciculation",
        activity,
        (int(unit),),
        (muscle,),
        fibres,
        time,
        unit_force.sum(axis=0),
        emg,
        muscle,
        moving,
    )


def fibrillation_event(point: int | None = None, seed: int = 0) -> CalfEvent:
    """The fibre drawn at ``point`` (0-2998), cut off from its nerve, firing regularly at 5 Hz.

    Its twitch has the force of one fibre (``CalfModel.fibre_force``) and the course's default
    contraction time (50 ms); by default the first drawn fibre of the gastrocnemius medialis.
    """
    model = calf_model()
    section = model.section
    if point is None:
        medial = section.muscle_names.index(NEEDLE_MUSCLE)
        point = int(np.flatnonzero(section.muscle == medial)[0])
    last = len(section.x) - 1
    if isinstance(point, bool) or not isinstance(point, (int, np.integer)):
        raise ValueError(f"point must be a whole number in [0, {last}]; got {point!r}")
    if not 0 <= point <= last:
        raise ValueError(f"point must be in [0, {last}]; got {point!r}")
    muscle = section.muscle_names[int(section.muscle[point])]
    activity = fibrillation(
        WINDOW, rate=FIBRILLATION_RATE, fibre=int(point), muscle=muscle, seed=_check_seed(seed)
    )
    twitches = evoked_force(
        activity.spike_times[0],
        WINDOW,
        dt=FORCE_STEP,
        peak_force=model.fibre_force,
        contraction_time=DEFAULT_CONTRACTION_TIME,
        latent_period=0.0,
    )
    emg = fibrillation_emg(
        activity.spike_times, WINDOW, EMG_RATE, noise_rms=EMG_NOISE, seed=int(seed) + 11
    )
    return CalfEvent(
        "fibrillation",
        activity,
        (),
        (muscle,),
        1,
        twitches.time,
        twitches.force,
        emg,
        muscle,
        moving_fibres(section, activity),
        fibre_point=int(point),
    )


def cramp_units(share: float) -> dict[str, int]:
    """How many units of each calf muscle a cramp recruiting ``share`` (0.05-1) of them uses."""
    if isinstance(share, bool) or not isinstance(share, (int, float, np.floating)):
        raise ValueError(f"share must be a number in [0.05, 1]; got {share!r}")
    if not (math.isfinite(share) and 0.05 <= share <= 1.0):
        raise ValueError(f"share must be in [0.05, 1]; got {share!r}")
    section = calf_model().section
    return {
        name: max(1, round(share * len(section.units_in(name)))) for name in section.muscle_names
    }


@lru_cache(maxsize=8)
def _full_cramp(seed: int) -> SpontaneousActivity:
    """A cramp with every calf unit, times shifted to start at ``ONSET``; smaller cramps keep
    its first (smallest) units, so every share draws from the same discharges."""
    section = calf_model().section
    layout = {name: len(section.units_in(name)) for name in section.muscle_names}
    activity = cramp(CRAMP_DURATION, layout, seed=seed)
    shifted = tuple(times + ONSET for times in activity.spike_times)
    return replace(activity, duration=WINDOW, spike_times=shifted)


def _cramp_trains(share: float, seed: int) -> dict[str, list[np.ndarray]]:
    """Discharge times of each muscle's units (all units, empty for those not recruited)."""
    full = _full_cramp(seed)
    wanted = cramp_units(share)
    trains: dict[str, list[np.ndarray]] = {}
    start = 0
    for name, count in wanted.items():
        size = full.muscles.count(name)
        unit_trains = list(full.spike_times[start : start + size])
        trains[name] = unit_trains[:count] + [np.zeros(0)] * (size - count)
        start += size
    return trains


def cramp_event(share: float = DEFAULT_CRAMP_SHARE, seed: int = 0) -> CalfEvent:
    """A cramp of ``CRAMP_DURATION`` seconds recruiting ``share`` of each calf muscle's units
    (smallest first, the recruitment order), each firing at its own 6-25 Hz rate."""
    seed = _check_seed(seed)
    model = calf_model()
    section = model.section
    wanted = cramp_units(share)
    trains = _cramp_trains(share, seed)
    force = np.zeros(0)
    kept_muscles: list[str] = []
    kept_trains: list[np.ndarray] = []
    units: list[int] = []
    fibres = 0.0
    for name, count in wanted.items():
        time, unit_force = model.pool_of(name).force(trains[name], WINDOW, FORCE_STEP)
        force = unit_force.sum(axis=0) if force.size == 0 else force + unit_force.sum(axis=0)
        kept_muscles += [name] * count
        kept_trains += trains[name][:count]
        recruited = section.units_in(name)[:count]
        units += [int(unit) for unit in recruited]
        fibres += np.isin(section.unit, recruited).sum() * model.fibres_per_point(name)
    activity = SpontaneousActivity(
        kind="cramp",
        duration=WINDOW,
        sources=tuple(range(len(kept_trains))),
        muscles=tuple(kept_muscles),
        spike_times=tuple(kept_trains),
    )
    emg = needle_emg(
        trains[NEEDLE_MUSCLE][: wanted[NEEDLE_MUSCLE]],
        WINDOW,
        EMG_RATE,
        noise_rms=EMG_NOISE,
        seed=seed + 11,
    )
    return CalfEvent(
        "cramp",
        activity,
        tuple(units),
        tuple(wanted),
        round(fibres),
        time,
        force,
        emg,
        NEEDLE_MUSCLE,
        moving_fibres(section, activity),
    )


def simulate_event(kind: str, draw: int = 0, cramp_share: float = DEFAULT_CRAMP_SHARE) -> CalfEvent:
    """Event ``kind`` for the ``draw``-th press of "fire again" (0: the lesson's default).

    Later draws pick another unit (fasciculation) or fibre (fibrillation) anywhere in the calf,
    or another random cramp, all seeded by ``draw``.
    """
    if kind not in EVENTS:
        raise ValueError(f"kind must be one of {list(EVENTS)}; got {kind!r}")
    draw = _check_seed(draw)
    if kind == "cramp":
        return cramp_event(cramp_share, seed=draw)
    if draw == 0:
        return fasciculation_event() if kind == "fasciculation" else fibrillation_event()
    rng = np.random.default_rng(draw)
    section = calf_model().section
    if kind == "fasciculation":
        return fasciculation_event(int(rng.integers(section.n_units)), seed=draw)
    return fibrillation_event(int(rng.integers(len(section.x))), seed=draw)


def emg_envelope(signal: EmgSignal, columns: int = EMG_COLUMNS) -> tuple[np.ndarray, np.ndarray]:
    """Time (s) and voltage (V) of the minimum and maximum of each of ``columns`` time slices,
    alternating, so a drawn trace keeps every spike's height with few points."""
    return min_max_decimate(signal.time, signal.voltage, columns)


def force_trace(event: CalfEvent, columns: int = FORCE_COLUMNS) -> tuple[np.ndarray, np.ndarray]:
    """Time (s) and force of the minimum and maximum of each of ``columns`` time slices, as
    float32: what the figure draws (every twitch keeps its peak)."""
    time, force = min_max_decimate(event.time, event.force, columns)
    return time.astype(np.float32), force.astype(np.float32)


def event_audio_wav(event: CalfEvent) -> bytes:
    """The needle EMG of ``AUDIO_CLIP`` as a WAV file (each clip scaled to full loudness)."""
    start, stop = (round(edge * EMG_RATE) for edge in AUDIO_CLIP)
    waveform, rate = emg_audio(event.emg.voltage[start:stop], EMG_RATE)
    return Audio(waveform, rate=rate, normalize=False).data


# --------------------------------------------------------------------------------------------
# App 1: trigger an event on the calf
# --------------------------------------------------------------------------------------------

_EVENT_LABELS = {"fasciculation": "Fasciculation", "fibrillation": "Fibrillation", "cramp": "Cramp"}


def _describe(event: CalfEvent, cramp_force: float) -> str:
    """One-paragraph readout of an event, numbers from the model."""
    share = 100.0 * event.peak_force / cramp_force if cramp_force > 0 else 0.0
    if event.kind == "fasciculation":
        muscle = event.muscles[0]
        count = len(event.activity.spike_times[0])
        return (
            f"<b>Fasciculation</b>: one motor unit of the {escape(muscle)} fired "
            f"{count} time{'s' if count != 1 else ''} in {WINDOW:.0f} s. Its "
            f"{int(event.moving.sum())} lit points stand for about {event.fibres:,} muscle "
            f"fibres. Peak force {event.peak_force:.1f} (arbitrary units), {share:.2f} % of "
            f"the cramp's; each twitch stays above half its peak for only "
            f"{1000 * event.duration:.0f} ms."
        )
    if event.kind == "fibrillation":
        muscle = event.muscles[0]
        return (
            f"<b>Fibrillation</b>: one fibre of the {escape(muscle)} that has lost its nerve "
            f"fires regularly at {FIBRILLATION_RATE:.0f} Hz. Peak force "
            f"{event.peak_force:.4f} (arbitrary units), {share:.5f} % of the cramp's: nothing "
            f"lights up because nothing visible moves. Only the needle EMG shows it: brief, "
            f"small, regular spikes."
        )
    plateau = event.force[round((ONSET + 1.0) / FORCE_STEP) : round((ONSET + 4.5) / FORCE_STEP)]
    ripple = 100.0 * plateau.std() / plateau.mean()
    return (
        f"<b>Cramp</b>: {len(event.units)} motor units in {len(event.muscles)} muscles "
        f"(about {event.fibres:,} fibres in this scaled-down calf) fire at 6-25 Hz for "
        f"{CRAMP_DURATION:.0f} s. Force rises to {event.peak_force:,.0f} (arbitrary units) and "
        f"stays high for {event.duration:.1f} s, smooth to within {ripple:.0f} % (standard "
        f"deviation of the plateau)."
    )


def twitch_or_cramp_explorer(event: str = "fasciculation") -> SimulationApp:
    """Trigger a fasciculation, a fibrillation or a cramp on a cross-section of the calf and
    see, side by side, which fibres contract, the force, and the needle EMG."""
    if event not in EVENTS:
        raise ValueError(f"event must be one of {list(EVENTS)}; got {event!r}")
    model = calf_model()
    section = model.section
    events = {kind: simulate_event(kind) for kind in EVENTS}
    draws = dict.fromkeys(EVENTS, 0)

    picker = widgets.ToggleButtons(
        options=[(_EVENT_LABELS[kind], kind) for kind in EVENTS],
        value=event,
        description="Trigger",
        style={"description_width": "initial"},
        tooltips=[
            "One motor unit fires on its own",
            "One muscle fibre without its nerve fires on its own",
            "Many motor units in several calf muscles fire for seconds",
        ],
    )
    again = widgets.Button(
        description="Fire again (new random draw)",
        tooltip="Another unit, fibre or cramp, chosen at random",
        layout=widgets.Layout(width="240px"),
    )
    same_scale = widgets.Checkbox(
        value=True,
        description="Same scales for all three events",
        style={"description_width": "initial"},
    )

    figure = CourseFigure(
        make_subplots(
            rows=2,
            cols=2,
            column_widths=[0.42, 0.58],
            specs=[[{"rowspan": 2}, {}], [None, {}]],
            horizontal_spacing=0.12,
            vertical_spacing=0.24,  # room for the top axis title under "Needle EMG"
            subplot_titles=("Calf cross-section", "Force", "Needle EMG"),
        )
    )
    x_cm, y_cm = 100.0 * section.x, 100.0 * section.y
    figure.add_scattergl(
        x=x_cm,
        y=y_cm,
        mode="markers",
        name="Muscle fibres at rest",
        marker={"color": COLOURS["inactive"], "size": 4},
        hoverinfo="skip",
        row=1,
        col=1,
    )
    figure.add_scattergl(
        x=[], y=[], mode="markers", name="Fibres contracting", marker={"size": 5}, row=1, col=1
    )
    figure.add_scatter(
        x=[],
        y=[],
        mode="markers",
        name="The fibrillating fibre (too small to see)",
        marker={
            "color": COLOURS["fibrillation"],
            "size": 16,
            "symbol": "circle-open",
            "line": {"width": 2},
        },
        row=1,
        col=1,
    )
    time, _ = force_trace(events["fasciculation"])
    figure.add_scatter(x=time, y=np.zeros_like(time), name="Force", showlegend=False, row=1, col=2)
    emg_time, _ = emg_envelope(events["fasciculation"].emg)
    figure.add_scatter(
        x=emg_time,
        y=np.zeros_like(emg_time),
        name="Needle EMG",
        showlegend=False,
        line={"color": COLOURS["emg"], "width": 1},
        row=2,
        col=2,
    )
    for index, name in enumerate(section.muscle_names):
        inside = section.muscle == index
        figure.add_annotation(
            x=float(x_cm[inside].mean()),
            y=float(y_cm[inside].max()) + 0.4,
            text=name,
            showarrow=False,
            font={"size": 11},
            row=1,
            col=1,
        )
    figure.update_layout(
        **{
            "height": 580,
            "margin": {"l": 70, "r": 20, "t": 70, "b": 120},
            "legend": {"orientation": "h", "yanchor": "top", "y": -0.18, "x": 0},
        },
    )
    figure.update_xaxes(title_text="Across the calf (cm, schematic)", row=1, col=1)
    figure.update_yaxes(
        title_text="Depth (cm, schematic; skin at the top)", scaleanchor="x", row=1, col=1
    )
    figure.update_xaxes(title_text="Time (s)", range=[0, WINDOW], row=1, col=2)
    figure.update_yaxes(title_text="Force (arbitrary units)", row=1, col=2)
    figure.update_xaxes(title_text="Time (s)", range=[0, WINDOW], row=2, col=2)
    figure.update_yaxes(title_text="Voltage (mV)", row=2, col=2)

    audio = widgets.Audio(value=b"", format="wav", autoplay=False, loop=False)
    audio_box = widgets.HBox(
        [widgets.HTML("Listen to 3 s of the needle EMG (each clip at full loudness):"), audio]
    )
    app = SimulationApp(
        "Twitch, fibrillation or cramp",
        {"event": picker, "fire_again": again, "same_scale": same_scale},
        figure,
        caption=(
            "Left: a cross-section of the calf, one dot per group of about 77 fibres; the "
            "event's contracting fibres light up. Right: the calf's force and a needle EMG "
            "for the same 8 s (motor-unit model of Fuglevand et al. 1993; cramp rates from "
            "Minetto et al. 2009; fibrillation potentials after Davalos & Kushlaf)."
        ),
        extras=[audio_box],
    )

    def redraw(_change: object = None) -> None:
        current = events[picker.value]
        colour = COLOURS[current.kind]
        cramp_force = events["cramp"].peak_force
        _, envelope = emg_envelope(current.emg)
        with figure.batch_update():
            figure.data[1].x = x_cm[current.moving]
            figure.data[1].y = y_cm[current.moving]
            figure.data[1].marker.color = colour
            if current.fibre_point is None:
                figure.data[2].x, figure.data[2].y = [], []
            else:
                figure.data[2].x = [float(x_cm[current.fibre_point])]
                figure.data[2].y = [float(y_cm[current.fibre_point])]
            figure.data[3].x, figure.data[3].y = force_trace(current)
            figure.data[3].line.color = colour
            figure.data[4].y = 1000.0 * envelope
            if same_scale.value:
                force_top = 1.1 * max(e.peak_force for e in events.values())
                emg_top = 1100.0 * max(np.abs(e.emg.voltage).max() for e in events.values())
                figure.layout.yaxis2.range = [0, force_top]
                figure.layout.yaxis3.range = [-emg_top, emg_top]
            else:
                figure.layout.yaxis2.range = [0, 1.1 * max(current.peak_force, 1e-12)]
                emg_top = 1100.0 * np.abs(current.emg.voltage).max()
                figure.layout.yaxis3.range = [-emg_top, emg_top]
            figure.layout.title.text = f"{_EVENT_LABELS[current.kind]} in the calf"
        app.readout.value = _describe(current, cramp_force)
        audio.value = event_audio_wav(current)

    def fire_again(_button: object = None) -> None:
        kind = picker.value
        draws[kind] += 1
        events[kind] = simulate_event(kind, draws[kind])
        redraw()

    picker.observe(redraw, names="value")
    same_scale.observe(redraw, names="value")
    again.on_click(fire_again)
    redraw()
    return app


# --------------------------------------------------------------------------------------------
# App 2: size against duration
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class _Comparison:
    """What the size-and-duration app precomputes once."""

    unit_peak: np.ndarray
    unit_duration: np.ndarray
    unit_fibres: np.ndarray
    fibre_peak: float
    fibre_duration: float
    cumulative_force: dict[str, np.ndarray]
    cumulative_fibres: dict[str, np.ndarray]


@lru_cache(maxsize=1)
def _comparison() -> _Comparison:
    model = calf_model()
    section = model.section
    pool = model.pool_of(NEEDLE_MUSCLE)
    single = [np.zeros(1)] * pool.n_units
    _, twitches = pool.force(single, 1.0, FORCE_STEP)
    durations = np.array([time_above_half_peak(row, FORCE_STEP) for row in twitches])
    medial = section.units_in(NEEDLE_MUSCLE)
    points = np.array([section.fibres_of_unit(int(u)).sum() for u in medial])
    fibre = evoked_force(
        np.zeros(1), 1.0, FORCE_STEP, model.fibre_force, DEFAULT_CONTRACTION_TIME, 0.0
    )
    trains = _cramp_trains(1.0, 0)
    cumulative_force, cumulative_fibres = {}, {}
    for name in section.muscle_names:
        _, unit_force = model.pool_of(name).force(trains[name], WINDOW, FORCE_STEP)
        cumulative_force[name] = np.cumsum(unit_force, axis=0)
        counts = [section.fibres_of_unit(int(u)).sum() for u in section.units_in(name)]
        cumulative_fibres[name] = np.cumsum(counts) * model.fibres_per_point(name)
    return _Comparison(
        unit_peak=twitches.max(axis=1),
        unit_duration=durations,
        unit_fibres=points * model.fibres_per_point(NEEDLE_MUSCLE),
        fibre_peak=float(fibre.force.max()),
        fibre_duration=time_above_half_peak(fibre.force, FORCE_STEP),
        cumulative_force=cumulative_force,
        cumulative_fibres=cumulative_fibres,
    )


def cramp_size(share: float) -> tuple[float, float, float]:
    """Peak force (arbitrary units), duration above half peak (s) and fibres of the default
    cramp recruiting ``share`` of each muscle's units (from precomputed running sums)."""
    data = _comparison()
    force = np.zeros(0)
    fibres = 0.0
    for name, count in cramp_units(share).items():
        row = data.cumulative_force[name][count - 1]
        force = row if force.size == 0 else force + row
        fibres += data.cumulative_fibres[name][count - 1]
    return float(force.max()), time_above_half_peak(force, FORCE_STEP), fibres


_TABLE_ROWS = (
    (
        "What fires on its own",
        "one motor unit: one motor neuron and all its muscle fibres",
        "one muscle fibre that has lost its nerve",
        "many motor units, in several muscles at the same time",
    ),
    (
        "Seen through the skin?",
        "sometimes: a brief flicker, if the unit lies near the surface (Dengler et al. 2020)",
        "no: one fibre is far too small (Davalos &amp; Kushlaf 2023)",
        "yes: the muscle hardens and knots (Minetto et al. 2013)",
    ),
    (
        "Felt?",
        "at most as a flicker: its force is minimal",
        "no",
        "yes, it hurts; the muscle can stay tender for up to a day (NHS, Leg cramps)",
    ),
    (
        "Needle EMG",
        "a single motor-unit potential at irregular, rare intervals (Mills 2010)",
        "small (20-200 µV), brief (1-5 ms), regular (0.5-15 Hz) potentials "
        "(Davalos &amp; Kushlaf 2023)",
        "many motor-unit potentials firing fast over a large area (Dengler et al. 2020)",
    ),
)


def _comparison_table(numbers: dict[str, tuple[float, float, float]]) -> str:
    header = "".join(f"<th scope='col'>{_EVENT_LABELS[kind]}</th>" for kind in EVENTS)
    model_rows = [
        ("Muscle fibres involved (model)", [f"{numbers[k][2]:,.0f}" for k in EVENTS]),
        ("Peak force (model, arbitrary units)", [f"{numbers[k][0]:.3g}" for k in EVENTS]),
        (
            "Force above half its peak (model)",
            [
                f"{1000 * numbers['fasciculation'][1]:.0f} ms per twitch",
                f"{1000 * numbers['fibrillation'][1]:.0f} ms per twitch, repeated regularly",
                f"{numbers['cramp'][1]:.1f} s (real cramps: seconds to 10 minutes)",
            ],
        ),
    ]
    rows = [(label, cells) for label, *cells in _TABLE_ROWS[:1]] + model_rows
    rows += [(label, cells) for label, *cells in _TABLE_ROWS[1:]]
    body = "".join(
        f"<tr><th scope='row'>{label}</th>"
        + "".join(f"<td>{cell}</td>" for cell in cells)
        + "</tr>"
        for label, cells in rows
    )
    return (
        "<table class='lessons-comparison'><caption>Three events side by side</caption>"
        f"<thead><tr><th scope='col'>Compared</th>{header}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def size_and_duration(
    unit_rank: int = 16, cramp_share: float = DEFAULT_CRAMP_SHARE
) -> SimulationApp:
    """Peak force against duration, and fibres involved, for the three events (log scales).

    The student picks which unit of the gastrocnemius medialis fasciculates (1 = smallest) and
    how much of the calf the cramp recruits, and reads how far apart the three stay.
    """
    data = _comparison()
    n_units = len(data.unit_peak)
    if isinstance(unit_rank, bool) or not isinstance(unit_rank, (int, np.integer)):
        raise ValueError(f"unit_rank must be a whole number in [1, {n_units}]; got {unit_rank!r}")
    if not 1 <= unit_rank <= n_units:
        raise ValueError(f"unit_rank must be in [1, {n_units}]; got {unit_rank!r}")
    cramp_units(cramp_share)  # validates the share
    unit_slider = widgets.IntSlider(
        value=int(unit_rank),
        min=1,
        max=n_units,
        step=1,
        description="Fasciculating unit (1 = smallest of the gastrocnemius medialis)",
        style={"description_width": "initial"},
        layout=widgets.Layout(width="520px"),
    )
    share_slider = labelled_slider(
        "Cramp: share of each calf muscle's units (%)", 100.0 * cramp_share, 10.0, 100.0, 10.0
    )
    figure = CourseFigure(
        make_subplots(
            rows=1,
            cols=2,
            column_widths=[0.62, 0.38],
            horizontal_spacing=0.14,
            subplot_titles=("Size against duration", "Muscle fibres involved"),
        )
    )
    figure.add_scatter(
        x=data.unit_duration,
        y=data.unit_peak,
        mode="markers",
        name="Other units of the gastrocnemius medialis",
        marker={"color": COLOURS["reference"], "size": 6, "opacity": 0.5},
        row=1,
        col=1,
    )
    for kind in EVENTS:
        figure.add_scatter(
            x=[1.0],
            y=[1.0],
            mode="markers",
            name=_EVENT_LABELS[kind],
            marker={"color": COLOURS[kind], "size": 16, "line": {"width": 1, "color": "black"}},
            row=1,
            col=1,
        )
    figure.add_bar(
        x=[_EVENT_LABELS[kind] for kind in EVENTS],
        y=[1.0, 1.0, 1.0],
        marker={"color": [COLOURS[kind] for kind in EVENTS]},
        showlegend=False,
        name="Fibres",
        row=1,
        col=2,
    )
    figure.update_layout(
        **{
            "height": 480,
            "margin": {"l": 80, "r": 20, "t": 60, "b": 130},
            "legend": {"orientation": "h", "yanchor": "top", "y": -0.26, "x": 0},
        },
    )
    figure.update_xaxes(
        type="log", range=[-1.5, 1.3], title_text="Force above half its peak (s)", row=1, col=1
    )
    figure.update_yaxes(
        type="log", range=[-3.5, 4.0], title_text="Peak force (arbitrary units)", row=1, col=1
    )
    figure.update_yaxes(type="log", range=[-0.3, 6.0], title_text="Fibres (count)", row=1, col=2)
    figure.update_xaxes(title_text="Event", row=1, col=2)

    table = widgets.HTML()
    app = SimulationApp(
        "Size against duration",
        {"fasciculating_unit": unit_slider, "cramp_share": share_slider},
        figure,
        caption=(
            "Left: peak force against how long the force stays above half its peak, on "
            "logarithmic axes (each grid step is 10 times more); grey dots are the other units "
            "that could fasciculate. Right: how many muscle fibres contract. Same calf model "
            "as the explorer above."
        ),
        extras=[table],
    )

    def redraw(_change: object = None) -> None:
        rank = unit_slider.value - 1
        share = share_slider.value / 100.0
        numbers = {
            "fasciculation": (
                float(data.unit_peak[rank]),
                float(data.unit_duration[rank]),
                float(data.unit_fibres[rank]),
            ),
            "fibrillation": (data.fibre_peak, data.fibre_duration, 1.0),
            "cramp": cramp_size(share),
        }
        with figure.batch_update():
            for index, kind in enumerate(EVENTS, start=1):
                peak, duration, _ = numbers[kind]
                figure.data[index].x = [duration]
                figure.data[index].y = [peak]
            figure.data[4].y = [numbers[kind][2] for kind in EVENTS]
        cramp_force = numbers["cramp"][0]
        longer = numbers["cramp"][1] / numbers["fasciculation"][1]
        app.readout.value = (
            f"The cramp's force is {cramp_force / numbers['fasciculation'][0]:,.0f} times "
            f"this fasciculation's and {cramp_force / data.fibre_peak:,.0f} times one "
            f"fibrillating fibre's; it stays high {longer:,.0f} times longer than one twitch."
        )
        table.value = _comparison_table(numbers)

    unit_slider.observe(redraw, names="value")
    share_slider.observe(redraw, names="value")
    redraw()
    return app
