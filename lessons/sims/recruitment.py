"""Lesson 03's experiments: recruitment by the size principle and rate coding.

All three apps run on the default motor-unit pool of Fuglevand, Winter & Patla (1993,
J Neurophysiol 70:2470-2488): 120 units recruited in order of threshold, each firing faster as
the drive grows. ``recruitment_explorer`` holds the drive steady, ``ramp_explorer`` raises it
slowly, and ``force_sources_explorer`` splits the force into what recruitment and what rate
coding contribute. Units are numbered 1 to 120 in recruitment order (1 = lowest threshold).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lessons.figures.course_figure import CourseFigure
from lessons.figures.decimate import min_max_decimate
from lessons.figures.picture import colour_ramp, png_data_uri
from lessons.figures.theme import COLOURS
from lessons.physiology import MotorUnitPool, PoolActivity
from lessons.physiology.force_sources import ForceSources, force_sources
from lessons.sims.app import SimulationApp, labelled_slider

#: Simulation step, 1 ms: resolves the fastest (30 ms) twitches of the default pool.
STEP = 0.001
#: Length of the steady-drive window shown, 1 s, so the ticks in a raster row are the rate in Hz.
WINDOW = 1.0
#: Width of one column of the steady-drive raster picture, 2 ms: narrower than the shortest
#: interval between two discharges of one unit (1/35 Hz = 29 ms), so no discharge is lost.
RASTER_BIN_MS = 2.0
#: Simulated time before the window, 0.5 s: units start at random phases at time 0, and by
#: 0.5 s (5.6 contraction times of the slowest, 90 ms unit) the missing tail of earlier
#: twitches, (1 + t/T) exp(-t/T) of a twitch's area, is under 3 % of the steady force.
SETTLING = 0.5
#: Seed of the discharge times, so the notebook and its stored outputs are reproducible.
SEED = 3
#: Length of the ramp from no drive to full drive, 10 s: 10 % of maximal drive per second.
RAMP_DURATION = 10.0
#: The ramp's raster shows every 5th unit (and the last), to keep it to a few thousand points.
RAMP_RASTER_EVERY = 5
#: Width of one column of the ramp's raster picture, 20 ms: 500 columns for 10 s, and shorter
#: than the shortest interval between two discharges of one unit (1/35 Hz = 29 ms).
RAMP_RASTER_BIN = 0.02
#: Rows each tick of the ramp's raster covers (the unit's own and one on each side), so the
#: every-5th-unit raster keeps visible ticks; units 116 and 120 still do not touch.
RAMP_TICK_ROWS = 3
#: Points kept per plotted force trace after min-max decimation (two per column).
FORCE_COLUMNS = 600
#: Window of the running mean used for the ramp's force readout, 0.1 s.
READOUT_AVERAGE = 0.1
#: Drive grid of the force-sources figure: 0 to 100 % in 0.5 % steps.
DRIVE_GRID = np.linspace(0.0, 1.0, 201)


@dataclass(frozen=True, eq=False)
class RasterPoints:
    """Discharges ready to plot: time (ms or s), unit number (1 = first recruited) and the
    unit's contraction time (ms), which sets the tick's colour."""

    time: np.ndarray
    unit: np.ndarray
    contraction_time_ms: np.ndarray


def raster_points(
    pool: MotorUnitPool,
    spike_times: Sequence[np.ndarray],
    start: float,
    stop: float,
    units: Sequence[int] | np.ndarray | None = None,
    time_scale: float = 1000.0,
) -> RasterPoints:
    """The discharges of ``units`` (0-based indices; all by default) in [start, stop) seconds.

    Times are shifted to start at 0 and multiplied by ``time_scale`` (1000 gives ms).
    """
    indices = np.arange(pool.n_units) if units is None else np.asarray(units, dtype=int)
    times, numbers = [], []
    for index in indices:
        train = np.asarray(spike_times[index])
        inside = train[(train >= start) & (train < stop)]
        times.append((inside - start) * time_scale)
        numbers.append(np.full(len(inside), index + 1))
    unit = np.concatenate(numbers) if numbers else np.zeros(0, dtype=int)
    contraction_ms = pool.contraction_times[unit - 1] * 1000.0 if len(unit) else np.zeros(0)
    # Compact dtypes: the widget sends such arrays to the browser as binary buffers.
    return RasterPoints(
        time=(np.concatenate(times) if times else np.zeros(0)).astype(np.float32),
        unit=unit.astype(np.int16),
        contraction_time_ms=contraction_ms.astype(np.float32),
    )


def _unit_colour_scale() -> list[list]:
    # Fast units (short contraction time) vermillion, slow units bluish green (COLOURS).
    return [[0.0, COLOURS["fast_unit"]], [1.0, COLOURS["slow_unit"]]]


def raster_image(
    points: RasterPoints,
    n_units: int,
    duration: float,
    bin_width: float = RASTER_BIN_MS,
    tick_rows: int = 1,
) -> np.ndarray:
    """The discharges as a grid: one row per unit (row 0 = unit 1), one column per
    ``bin_width`` of ``duration`` (both in the unit of ``points.time``).

    A cell holds the unit's contraction time in whole ms (30-90 in the default pool: its
    colour) if the unit fired in that column, 0 if not. ``tick_rows`` > 1 draws each tick over
    that many rows centred on its unit, for a raster that shows only every few units.
    """
    columns = math.ceil(duration / bin_width)
    cells = np.zeros((n_units, columns), dtype=np.uint8)
    column = np.clip((points.time / bin_width).astype(int), 0, columns - 1)
    value = np.clip(np.round(points.contraction_time_ms), 1, 255).astype(np.uint8)
    row = points.unit.astype(int) - 1
    for offset in range(-(tick_rows // 2), tick_rows - tick_rows // 2):
        inside = (row + offset >= 0) & (row + offset < n_units)
        cells[row[inside] + offset, column[inside]] = value[inside]
    return cells


def raster_picture_source(pool: MotorUnitPool, cells: np.ndarray) -> str:
    """The grid of :func:`raster_image` as a PNG address: transparent where no unit fired,
    else the colour of the unit's contraction time on the raster's colour bar."""
    rgba = np.zeros((*cells.shape, 4), dtype=np.uint8)
    fired = cells > 0
    rgba[fired, :3] = colour_ramp(
        cells[fired],
        float(pool.contraction_times.min() * 1000.0),
        float(pool.contraction_times.max() * 1000.0),
        COLOURS["fast_unit"],
        COLOURS["slow_unit"],
    )
    rgba[fired, 3] = 255
    return png_data_uri(rgba)


def _raster_picture(pool: MotorUnitPool, cells: np.ndarray, bin_width: float) -> go.Image:
    # One picture instead of one marker per discharge: in the notebook every update redraws
    # the whole figure, and a picture redraws in a few ms (lessons.figures.picture).
    return go.Image(
        source=raster_picture_source(pool, cells),
        x0=bin_width / 2,
        dx=bin_width,
        y0=1,
        dy=1,
        name="Discharges (one tick per spike)",
        hoverinfo="skip",
    )


def _colour_bar_only(pool: MotorUnitPool) -> go.Scatter:
    """An empty trace that draws the contraction-time colour bar of a raster picture."""
    return go.Scatter(
        x=[None],
        y=[None],
        mode="markers",
        showlegend=False,
        hoverinfo="skip",
        marker={
            "color": [float(pool.contraction_times.max() * 1000.0)],
            "colorscale": _unit_colour_scale(),
            "cmin": float(pool.contraction_times.min() * 1000.0),
            "cmax": float(pool.contraction_times.max() * 1000.0),
            "showscale": True,
            "colorbar": {
                "title": {"text": "Contraction<br>time (ms)"},
                "len": 0.6,
                "y": 1.0,
                "yanchor": "top",
                "thickness": 12,
            },
        },
    )


def _running_mean(values: np.ndarray, width: int) -> np.ndarray:
    """Centred running mean over ``width`` samples; the window shrinks at the ends."""
    total = np.concatenate([[0.0], np.cumsum(values)])
    index = np.arange(len(values))
    low = np.clip(index - width // 2, 0, len(values))
    high = np.clip(index + width - width // 2, 0, len(values))
    return (total[high] - total[low]) / (high - low)


def _check_fraction(name: str, value: float) -> float:
    number = float(value)
    if not math.isfinite(number) or not 0.0 <= number <= 1.0:
        raise ValueError(f"{name} must be in [0, 1] (a fraction of maximal drive); got {value!r}")
    return number


def _steady_maximal_force(pool: MotorUnitPool, seed: int) -> float:
    """Mean force over the shown window at full drive: the 100 % of the force axes."""
    activity = pool.simulate(1.0, SETTLING + WINDOW, STEP, seed=seed)
    return float(activity.force[_window_slice(activity)].mean())


def _window_slice(activity: PoolActivity) -> slice:
    first = round(SETTLING / STEP)
    return slice(first, len(activity.time))


# --- Experiment 1: a steady drive --------------------------------------------------------


def recruitment_explorer(drive: float = 0.2, seed: int = SEED) -> SimulationApp:
    """A drive slider over the default 120-unit pool: raster, force and each unit's rate.

    Raising the drive recruits units in order of threshold (small, slow units first) and
    makes every recruited unit fire faster (Fuglevand et al. 1993); the force rises with both.
    """
    start_drive = _check_fraction("drive", drive)
    pool = MotorUnitPool()
    unit_numbers = np.arange(1, pool.n_units + 1, dtype=np.int16)
    contraction_ms = pool.contraction_times * 1000.0
    maximal_force = _steady_maximal_force(pool, seed)
    window_ms = np.arange(round(WINDOW / STEP) + 1) * STEP * 1000.0
    window_length_ms = WINDOW * 1000.0
    cache: dict[int, tuple[str, np.ndarray, np.ndarray]] = {}

    def steady_state(percent: int) -> tuple[str, np.ndarray, np.ndarray]:
        """The raster picture, force and rates at one drive; each drive is simulated and drawn
        once, so moving the slider back reuses the result."""
        if percent not in cache:
            activity = pool.simulate(percent / 100.0, SETTLING + WINDOW, STEP, seed=seed)
            points = raster_points(pool, activity.spike_times, SETTLING, SETTLING + WINDOW + STEP)
            picture = raster_picture_source(
                pool, raster_image(points, pool.n_units, window_length_ms)
            )
            force = 100.0 * activity.force[_window_slice(activity)] / maximal_force
            cache[percent] = (picture, force.astype(np.float32), pool.rates(percent / 100.0))
        return cache[percent]

    slider = labelled_slider("Drive (% of maximal excitation)", start_drive * 100, 0, 100, 1)
    activity_figure = CourseFigure(
        make_subplots(
            rows=2, cols=1, shared_xaxes=True, row_heights=[0.68, 0.32], vertical_spacing=0.06
        )
    )
    no_discharges = raster_points(pool, [np.zeros(0)] * pool.n_units, 0, 1)
    activity_figure.add_trace(
        _raster_picture(
            pool, raster_image(no_discharges, pool.n_units, window_length_ms), RASTER_BIN_MS
        ),
        row=1,
        col=1,
    )
    activity_figure.add_trace(
        go.Scatter(
            x=window_ms,
            y=np.zeros_like(window_ms),
            name="Total force",
            line={"color": COLOURS["force"], "width": 2},
        ),
        row=2,
        col=1,
    )
    activity_figure.add_trace(_colour_bar_only(pool), row=1, col=1)
    activity_figure.update_layout(
        height=560,
        title={"text": "Which units fire, and the force they make together"},
        showlegend=False,
    )
    activity_figure.update_yaxes(
        title_text="Motor unit (1 = lowest threshold)",
        range=[0, pool.n_units + 1],
        scaleanchor=False,  # an image would otherwise force square pixels
        row=1,
        col=1,
    )
    activity_figure.update_yaxes(title_text="Force (% of maximal)", range=[0, 115], row=2, col=1)
    activity_figure.update_xaxes(title_text="Time (ms)", range=[0, WINDOW * 1000], row=2, col=1)

    rate_figure = CourseFigure(
        data=[
            go.Scatter(
                x=unit_numbers,
                y=pool.peak_rates,
                name="Highest rate the unit can reach",
                line={"color": COLOURS["reference"], "dash": "dash"},
            ),
            go.Scatter(
                x=[],
                y=[],
                name="Not recruited (silent)",
                mode="markers",
                marker={"color": COLOURS["inactive"], "size": 6},
            ),
            go.Scatter(
                x=[],
                y=[],
                name="Firing",
                mode="markers",
                marker={
                    "size": 7,
                    "color": [],
                    "colorscale": _unit_colour_scale(),
                    "cmin": float(contraction_ms.min()),
                    "cmax": float(contraction_ms.max()),
                },
            ),
        ],
        layout={
            "height": 330,
            "title": {"text": "Firing rate of every unit", "y": 0.97},
            "margin": {"t": 80},
            "xaxis": {
                "title": {"text": "Motor unit (in recruitment order)"},
                "range": [0, pool.n_units + 1],
            },
            "yaxis": {"title": {"text": "Firing rate (Hz)"}, "range": [-1, 40]},
        },
    )
    app = SimulationApp(
        "Recruitment explorer",
        {"drive": slider},
        [activity_figure, rate_figure],
        caption=(
            "Top: one tick for each discharge of each of the 120 motor units in one second, "
            "units ordered by recruitment threshold and coloured by twitch speed (green slow, "
            "vermillion fast), with the total force below; bottom: each unit's firing rate "
            "(Fuglevand et al. 1993 pool)."
        ),
    )

    def redraw(_change: object = None) -> None:
        percent = round(slider.value)
        picture, force, rates = steady_state(percent)
        firing = rates > 0
        with activity_figure.batch_update():
            activity_figure.data[0].source = picture
            activity_figure.data[1].y = force
        with rate_figure.batch_update():
            rate_figure.data[1].x = unit_numbers[~firing]
            rate_figure.data[1].y = np.zeros(int(np.sum(~firing)), dtype=np.float32)
            rate_figure.data[2].x = unit_numbers[firing]
            rate_figure.data[2].y = rates[firing].astype(np.float32)
            rate_figure.data[2].marker.color = contraction_ms[firing].astype(np.float32)
        app.readout.value = _steady_readout(percent, rates, float(force.mean()))

    slider.observe(redraw, names="value")
    redraw()
    return app


def _steady_readout(percent: int, rates: np.ndarray, force_percent: float) -> str:
    count = int(np.sum(rates > 0))
    if count == 0:
        return f"Drive {percent} %: no unit has reached its threshold; no force."
    newest = count  # units are recruited in order, so the newest is unit number `count`
    return (
        f"Drive {percent} %: <b>{count} of {len(rates)}</b> units firing, from unit 1 at "
        f"{rates[0]:.1f} Hz to the newest, unit {newest}, at {rates[newest - 1]:.1f} Hz. "
        f"Mean force <b>{_percent(force_percent)} %</b> of maximal."
    )


def _percent(value: float) -> str:
    """A percentage with one decimal below 10 (so small forces do not read as 0)."""
    return f"{value:.1f}" if value < 10 else f"{value:.0f}"


# --- Experiment 2: a slow ramp --------------------------------------------------------------


def _cursor(time: float) -> dict:
    """The ramp's time cursor: a layout shape across both panels, not a trace.

    plotly.js redraws only the shapes when the whole shape list is replaced; changing a trace,
    or one attribute of a shape such as ``shapes[0].x0``, makes it redraw every trace of the
    figure (about 0.3 s for the raster's 5,000 ticks, against 20 ms; benchmarks/README.md).
    """
    return {
        "type": "line",
        "name": "Cursor",
        "xref": "x",
        "yref": "paper",
        "x0": time,
        "x1": time,
        "y0": 0.0,
        "y1": 1.0,
        "line": {"color": COLOURS["highlight"], "width": 2},
    }


def ramp_explorer(duration: float = RAMP_DURATION, seed: int = SEED) -> SimulationApp:
    """A drive ramp from 0 to 100 % over ``duration`` seconds, with a time cursor.

    The raster shows units joining in order of threshold; the readout at the cursor gives the
    drive, the number of units recruited and the force, so the student can find when the last
    unit joins and watch the force keep rising after it.
    """
    length = float(duration)
    if not math.isfinite(length) or not 2.0 <= length <= 30.0:
        raise ValueError(f"duration must be in [2, 30] s; got {duration!r}")
    pool = MotorUnitPool()
    n_samples = round(length / STEP) + 1
    ramp = np.linspace(0.0, 1.0, n_samples)
    activity = pool.simulate(ramp, length, STEP, seed=seed)
    maximal_force = _steady_maximal_force(pool, seed)
    force_percent = 100.0 * activity.force / maximal_force
    # Running mean over 0.1 s, for a readout that does not jump with each twitch.
    smooth_force = _running_mean(force_percent, round(READOUT_AVERAGE / STEP))
    shown = np.unique(np.r_[np.arange(0, pool.n_units, RAMP_RASTER_EVERY), pool.n_units - 1])
    points = raster_points(pool, activity.spike_times, 0.0, length + STEP, shown, time_scale=1.0)
    force_x, force_y = min_max_decimate(activity.time, force_percent, FORCE_COLUMNS)
    full_recruitment_time = pool.recruitment_drive * length

    figure = CourseFigure(
        make_subplots(
            rows=2, cols=1, shared_xaxes=True, row_heights=[0.55, 0.45], vertical_spacing=0.06
        )
    )
    ticks = raster_image(points, pool.n_units, length + STEP, RAMP_RASTER_BIN, RAMP_TICK_ROWS)
    figure.add_trace(_raster_picture(pool, ticks, RAMP_RASTER_BIN), row=1, col=1)
    figure.add_trace(_colour_bar_only(pool), row=1, col=1)
    figure.add_trace(
        go.Scatter(
            x=[0, length],
            y=[0, 100],
            name="Drive (% of maximal excitation)",
            mode="lines",
            line={"color": COLOURS["reference"], "dash": "dash"},
        ),
        row=2,
        col=1,
    )
    figure.add_trace(
        go.Scatter(
            x=force_x.astype(np.float32),
            y=force_y.astype(np.float32),
            name="Force (% of maximal)",
            line={"color": COLOURS["force"], "width": 1.5},
        ),
        row=2,
        col=1,
    )
    figure.update_layout(shapes=[_cursor(0.0)])
    figure.update_layout(
        height=600,
        title={"text": "A slow ramp of drive: recruitment order and force", "y": 0.98},
        legend={"y": 1.0, "yanchor": "bottom"},
        margin={"t": 90},
    )
    figure.update_yaxes(
        title_text="Motor unit (every 5th, and 120)",
        range=[0, pool.n_units + 1],
        scaleanchor=False,
        row=1,
        col=1,
    )
    figure.update_yaxes(title_text="Percent of maximum (%)", range=[0, 110], row=2, col=1)
    figure.update_xaxes(title_text="Time from the start of the ramp (s)", row=2, col=1)
    # Fixed ranges on both panels: a cursor on an autoranged axis would make plotly.js
    # recompute the whole figure each time it moves, instead of redrawing only the cursor.
    figure.update_xaxes(range=[0, length])
    cursor = labelled_slider("Cursor: time into the ramp (s)", 0.0, 0.0, length, 0.05, ".2f")
    app = SimulationApp(
        "Ramp explorer",
        {"time": cursor},
        figure,
        caption=(
            f"Top: discharges of every 5th motor unit (and the last, unit 120) while the drive "
            f"rises steadily from 0 to 100 % in {length:g} s, coloured by twitch speed (green "
            "slow, vermillion fast); bottom: the drive (dashed) and the total force; the orange "
            "line is the cursor."
        ),
    )

    def redraw(_change: object = None) -> None:
        time = float(cursor.value)
        index = min(round(time / STEP), n_samples - 1)
        drive = float(ramp[index])
        figure.layout.shapes = [_cursor(time)]
        count = int(np.sum(pool.rates(drive) > 0))
        text = (
            f"At {time:.2f} s the drive is {100 * drive:.1f} % of maximal: "
            f"<b>{count} of {pool.n_units}</b> units recruited; force "
            f"<b>{_percent(smooth_force[index])} %</b> of maximal (mean over 0.1 s)."
        )
        if count == pool.n_units:
            then = smooth_force[round(full_recruitment_time / STEP)]
            text += (
                f" All units have been recruited since {full_recruitment_time:.2f} s, when the "
                f"force was {then:.0f} %: every percent gained since then comes from rate coding."
            )
        app.readout.value = text

    cursor.observe(redraw, names="value")
    redraw()
    return app


# --- Experiment 3: recruitment versus rate coding ----------------------------------------


def force_sources_explorer(drive: float = 0.5, recruitment_range: float = 30.0) -> SimulationApp:
    """Force against drive, split into recruitment alone and what rate coding adds.

    A second slider changes the pool's recruitment range (largest over smallest threshold;
    30 in Fuglevand et al. 1993): a wider range recruits units until a higher drive.
    """
    start_drive = _check_fraction("drive", drive)
    start_range = float(recruitment_range)
    if not math.isfinite(start_range) or not 5.0 <= start_range <= 120.0:
        raise ValueError(f"recruitment_range must be in [5, 120]; got {recruitment_range!r}")
    drive_percent = DRIVE_GRID * 100.0
    drive_slider = labelled_slider("Drive (% of maximal excitation)", start_drive * 100, 0, 100, 1)
    range_slider = labelled_slider(
        "Recruitment range (largest / smallest threshold)", start_range, 5, 120, 5
    )
    figure = CourseFigure(
        data=[
            go.Scatter(
                x=drive_percent,
                y=np.zeros_like(drive_percent),
                fill="tozeroy",
                name="Recruitment alone (every unit stays at 8 Hz)",
                line={"color": COLOURS["reference"], "width": 2},
            ),
            go.Scatter(
                x=drive_percent,
                y=np.zeros_like(drive_percent),
                fill="tonexty",
                name="The model, with rate coding (blue area: what rate coding adds)",
                line={"color": COLOURS["force"], "width": 3},
            ),
            go.Scatter(
                x=[0, 0],
                y=[0, 105],
                mode="lines",
                name="Last unit recruited",
                line={"color": COLOURS["highlight"], "dash": "dot", "width": 2},
            ),
            go.Scatter(
                x=[0],
                y=[0],
                mode="markers",
                name="Your drive",
                marker={
                    "color": COLOURS["highlight"],
                    "size": 12,
                    "symbol": "diamond",
                    "line": {"color": COLOURS["stimulus"], "width": 1},
                },
            ),
        ],
        layout={
            "height": 420,
            "title": {"text": "Where the force comes from", "y": 0.97},
            "legend": {"traceorder": "normal"},
            "margin": {"t": 100},
            "xaxis": {"title": {"text": "Drive (% of maximal excitation)"}, "range": [0, 100]},
            "yaxis": {"title": {"text": "Steady force (% of maximal)"}, "range": [0, 105]},
        },
    )
    app = SimulationApp(
        "Force sources explorer",
        {"drive": drive_slider, "recruitment_range": range_slider},
        figure,
        caption=(
            "Steady force of the pool against drive: the grey area is what recruitment alone "
            "would give if every unit kept its 8 Hz starting rate, the blue area is what rate "
            "coding adds, and the dotted line marks the drive at which the last unit is "
            "recruited."
        ),
    )
    state: dict[str, object] = {}
    cache: dict[float, tuple[MotorUnitPool, ForceSources]] = {}

    def recompute(_change: object = None) -> None:
        # Each recruitment range is computed once; the drive slider only reads the result.
        key = float(range_slider.value)
        if key not in cache:
            pool = MotorUnitPool(recruitment_range=key)
            cache[key] = (pool, force_sources(pool, DRIVE_GRID))
        pool, sources = cache[key]
        state["pool"], state["sources"] = pool, sources
        full = 100.0 * pool.recruitment_drive
        with figure.batch_update():
            alone = sources.percent_of_maximum(sources.recruitment_force)
            figure.data[0].y = alone.astype(np.float32)
            figure.data[1].y = sources.percent_of_maximum(sources.total_force).astype(np.float32)
            figure.data[2].x = [full, full]
            move_marker()  # in the same batch: one redraw in the page

    def move_marker(_change: object = None) -> None:
        pool: MotorUnitPool = state["pool"]  # type: ignore[assignment]
        sources: ForceSources = state["sources"]  # type: ignore[assignment]
        index = round(drive_slider.value / 100.0 * (len(DRIVE_GRID) - 1))
        total = float(sources.percent_of_maximum(sources.total_force[index]))
        alone = float(sources.percent_of_maximum(sources.recruitment_force[index]))
        with figure.batch_update():
            figure.data[3].x = [drive_slider.value]
            figure.data[3].y = [total]
        full_index = int(np.argmax(sources.recruited == pool.n_units))
        app.readout.value = (
            f"Drive {drive_slider.value:.0f} %: <b>{int(sources.recruited[index])} of "
            f"{pool.n_units}</b> units recruited; force <b>{total:.0f} %</b> of maximal, of "
            f"which recruitment alone gives {alone:.0f} % and rate coding adds "
            f"{total - alone:.0f} %. This pool recruits its last unit at "
            f"{100 * pool.recruitment_drive:.0f} % drive (force then about "
            f"{float(sources.percent_of_maximum(sources.total_force[full_index])):.0f} %)."
        )

    range_slider.observe(recompute, names="value")
    drive_slider.observe(move_marker, names="value")
    recompute()
    return app
