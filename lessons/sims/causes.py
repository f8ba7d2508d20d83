"""Lesson 06's experiments: an axon firing on its own, and the table of causes to explore.

``excitability_explorer`` drives the ILLUSTRATIVE model of ``lessons.physiology.excitability``
(noise meeting a threshold; teaching numbers, not measurements). ``causes_explorer`` filters
the cited causes table of ``data/causes.yaml`` and counts what is left by category.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import ipywidgets as widgets
import numpy as np
import plotly.graph_objects as go

from lessons.content.causes import CATEGORIES, Cause, causes, filter_causes
from lessons.content.references import references
from lessons.figures.course_figure import CourseFigure
from lessons.figures.decimate import min_max_decimate
from lessons.figures.theme import COLOURS
from lessons.physiology.excitability import (
    DEFAULT_STEP,
    HEALTHY_MARGIN,
    MARGIN_FACTORS,
    discharge_rate,
    membrane_noise,
    threshold_crossings,
    threshold_margin,
)
from lessons.sims.app import SimulationApp

#: Simulated window (s): long enough to catch a few discharges of a mildly excitable axon.
WINDOW = 60.0
#: Pixel columns of the time plot: the potential is drawn as its min and max per column,
#: and at most one discharge marker is drawn per column.
DISPLAY_COLUMNS = 1500
#: Factors with a tick box, in display order; the axon's own condition is a drop-down.
EVERYDAY_FACTORS = ("stress_anxiety", "caffeine", "fatigue", "low_magnesium", "low_calcium")
AXON_CONDITIONS = ("persistent_sodium", "potassium_channel_loss")
HEALTHY = "healthy"
VOLT_TO_MV = 1000.0


def excitability_explorer(seed: int = 6) -> SimulationApp:
    """Tick boxes for factors that narrow the gap between rest and threshold, over two plots.

    The top plot shows one minute of the model axon's fluctuating potential with its
    threshold and the spontaneous discharges (each a fasciculation of its motor unit); the
    bottom plot places the current gap on the rate-versus-gap curve, on a log scale. The noise
    is computed once, so moving a control only moves the threshold.
    """
    noise = membrane_noise(WINDOW, seed=seed)
    envelope_time, envelope_mv = min_max_envelope(noise * VOLT_TO_MV, DEFAULT_STEP)
    column_width = WINDOW / DISPLAY_COLUMNS
    healthy_mv = HEALTHY_MARGIN * VOLT_TO_MV
    healthy_rate = discharge_rate(HEALTHY_MARGIN)

    boxes = {key: _factor_box(key) for key in EVERYDAY_FACTORS}
    axon = widgets.Dropdown(
        options=[("Healthy axon", HEALTHY)]
        + [(MARGIN_FACTORS[key].label, key) for key in AXON_CONDITIONS],
        value=HEALTHY,
        description="The axon itself:",
        style={"description_width": "initial"},
        layout=widgets.Layout(width="440px"),
    )

    trace_figure = CourseFigure(
        data=[
            go.Scatter(
                x=envelope_time,
                y=envelope_mv,
                name="Membrane potential",
                line={"color": COLOURS["emg"], "width": 1},
                hoverinfo="skip",
            ),
            go.Scatter(
                x=[0.0, WINDOW],
                y=[healthy_mv, healthy_mv],
                name="Threshold of the healthy axon",
                mode="lines",
                line={"color": COLOURS["reference"], "dash": "dot", "width": 2},
            ),
            go.Scatter(
                x=[0.0, WINDOW],
                y=[healthy_mv, healthy_mv],
                name="Threshold now",
                mode="lines",
                line={"color": COLOURS["highlight"], "dash": "dash", "width": 3},
            ),
            go.Scatter(
                x=[],
                y=[],
                name="Spontaneous discharge",
                mode="markers",
                marker={"color": COLOURS["fasciculation"], "symbol": "triangle-down", "size": 9},
            ),
        ],
        layout={
            "title": {"text": "One minute of a resting motor axon (illustrative model)"},
            "xaxis": {"title": {"text": "Time (s)"}, "range": [0, WINDOW]},
            "yaxis": {"title": {"text": "Potential above rest (mV)"}, "range": [-11, 12]},
        },
    )
    gaps_mv = np.linspace(0.5, 10.0, 200)
    rate_figure = CourseFigure(
        data=[
            go.Scatter(
                x=gaps_mv,
                y=discharge_rate(gaps_mv / VOLT_TO_MV),
                name="Model rate for each gap",
                line={"color": COLOURS["stimulus"], "width": 2},
            ),
            go.Scatter(
                x=[healthy_mv],
                y=[healthy_rate],
                name="Healthy axon",
                mode="markers",
                marker={"color": COLOURS["reference"], "size": 11, "symbol": "circle"},
            ),
            go.Scatter(
                x=[healthy_mv],
                y=[healthy_rate],
                name="Now",
                mode="markers",
                marker={"color": COLOURS["highlight"], "size": 13, "symbol": "diamond"},
            ),
        ],
        layout={
            "title": {"text": "Spontaneous firing rate against the gap"},
            "xaxis": {"title": {"text": "Gap between rest and threshold (mV)"}, "range": [0, 10]},
            "yaxis": {
                "title": {"text": "Discharges per second (Hz)"},
                "type": "log",
                "range": [-3.5, 2.5],
                "exponentformat": "power",
            },
        },
    )
    app = SimulationApp(
        "Excitability explorer",
        {**boxes, "axon": axon},
        [trace_figure, rate_figure],
        caption=(
            "An ILLUSTRATIVE model, not a measurement: the black trace is the small random "
            "fluctuation of a resting axon's potential, the orange dashed line its threshold, "
            "and each triangle a spontaneous discharge where the fluctuation reaches it; "
            "the lower plot gives the expected rate for each gap (Rice 1945). Factors marked "
            "'qualitative' are linked with twitches but their effect on the axon is a guess."
        ),
    )

    def redraw(_change: object = None) -> None:
        active = [key for key in EVERYDAY_FACTORS if boxes[key].value]
        if axon.value != HEALTHY:
            active.append(axon.value)
        margin = threshold_margin(active)
        margin_mv = margin * VOLT_TO_MV
        rate = discharge_rate(margin)
        spikes = threshold_crossings(noise, margin, DEFAULT_STEP)
        shown = one_per_column(spikes, column_width)
        with trace_figure.batch_update():
            trace_figure.data[2].y = [margin_mv, margin_mv]
            trace_figure.data[3].x = shown
            trace_figure.data[3].y = np.full(shown.size, margin_mv + 0.8)
        with rate_figure.batch_update():
            rate_figure.data[2].x = [margin_mv]
            rate_figure.data[2].y = [rate]
        app.readout.value = _excitability_readout(
            active, margin_mv, rate, healthy_rate, spikes.size
        )

    for control in (*boxes.values(), axon):
        control.observe(redraw, names="value")
    redraw()
    return app


def _factor_box(key: str) -> widgets.Checkbox:
    factor = MARGIN_FACTORS[key]
    mark = " (qualitative)" if factor.qualitative else ""
    box = widgets.Checkbox(
        value=False,
        description=f"{factor.label}{mark}",
        indent=False,
        layout=widgets.Layout(width="340px"),
    )
    box.tooltip = factor.how
    return box


def _excitability_readout(
    active: Sequence[str], margin_mv: float, rate: float, healthy_rate: float, count: int
) -> str:
    factors = "; ".join(
        f"{escape(MARGIN_FACTORS[key].label)} −{MARGIN_FACTORS[key].shift * VOLT_TO_MV:.1f} mV"
        + (" (qualitative guess)" if MARGIN_FACTORS[key].qualitative else "")
        for key in active
    )
    interval = 1.0 / rate
    every = f" (about one every {interval:.0f} s)" if interval >= 1 else ""
    return (
        f"Gap between rest and threshold: <b>{margin_mv:.1f} mV</b> "
        f"(healthy {HEALTHY_MARGIN * VOLT_TO_MV:.1f} mV). Model rate <b>{rate:.3g} Hz</b>"
        f"{every}, {_times(rate / healthy_rate)} the healthy axon's; "
        f"<b>{count}</b> spontaneous discharges in this {WINDOW:.0f}-s window."
        + (f"<br>Narrowing the gap: {factors}." if factors else "")
    )


def _times(ratio: float) -> str:
    """A ratio as plain words: '1.5 times', '2,300 times'."""
    return f"{ratio:.1f} times" if ratio < 10 else f"{ratio:,.0f} times"


def min_max_envelope(
    signal: np.ndarray, step: float, columns: int = DISPLAY_COLUMNS
) -> tuple[np.ndarray, np.ndarray]:
    """The signal drawn as its minimum and maximum in each of ``columns`` time columns.

    A plot a few hundred pixels wide cannot show more, and the extremes are what matter here:
    a discharge happens where the maximum reaches the threshold.
    """
    return min_max_decimate(np.arange(signal.size) * step, signal, columns)


def one_per_column(times: np.ndarray, column_width: float) -> np.ndarray:
    """The first of the ``times`` in each display column: at most one marker per column."""
    if times.size == 0:
        return times
    _, first = np.unique(np.floor(times / column_width), return_index=True)
    return times[first]


# ---------------------------------------------------------------------------------------
# The causes table

PHENOMENON_OPTIONS = (
    ("twitches or cramps", "any"),
    ("twitches (fasciculations)", "twitch"),
    ("cramps", "cramp"),
)
ALL_CATEGORIES = "all"
PHENOMENON_WORDS = {"twitch": "twitches", "cramp": "cramps", "both": "twitches and cramps"}


def causes_explorer(phenomenon: str = "any") -> SimulationApp:
    """Filters over the cited causes table: a bar chart of what is left, by category, and the
    rows themselves with their mechanism and sources.

    ``phenomenon`` preselects ``"twitch"``, ``"cramp"`` or ``"any"``.
    """
    allowed = [value for _, value in PHENOMENON_OPTIONS]
    if phenomenon not in allowed:
        raise ValueError(f"phenomenon={phenomenon!r} is not one of {allowed}")
    every_row = causes()
    kind = widgets.Dropdown(
        options=list(PHENOMENON_OPTIONS),
        value=phenomenon,
        description="Causes of:",
        style={"description_width": "initial"},
    )
    category = widgets.Dropdown(
        options=[("all categories", ALL_CATEGORIES)] + [(name, name) for name in CATEGORIES],
        value=ALL_CATEGORIES,
        description="Category:",
        style={"description_width": "initial"},
        layout=widgets.Layout(width="380px"),
    )
    serious = widgets.Checkbox(value=False, description="Serious conditions only", indent=False)
    search = widgets.Text(
        value="",
        placeholder="e.g. calcium, nerve, sleep",
        description="Search:",
        continuous_update=True,
        style={"description_width": "initial"},
    )
    figure = CourseFigure(
        data=[
            go.Bar(
                y=list(CATEGORIES),
                x=[0] * len(CATEGORIES),
                orientation="h",
                name="Linked with twitches",
                marker={"color": COLOURS["fasciculation"]},
            ),
            go.Bar(
                y=list(CATEGORIES),
                x=[0] * len(CATEGORIES),
                orientation="h",
                name="Linked with cramps",
                marker={"color": COLOURS["cramp"], "pattern": {"shape": "/"}},
            ),
        ],
        layout={
            "title": {"text": "Causes in the table, by category"},
            "barmode": "group",
            "height": 420,
            "margin": {"l": 270},
            "xaxis": {"title": {"text": "Number of causes shown (count)"}, "rangemode": "tozero"},
            "yaxis": {"title": {"text": "Category"}, "autorange": "reversed"},
        },
    )
    table = widgets.HTML()
    table.add_class("lessons-causes-table")
    app = SimulationApp(
        "Causes explorer",
        {"phenomenon": kind, "category": category, "serious": serious, "search": search},
        figure,
        caption=(
            "Counts of the causes that pass your filters, by category and by whether they are "
            "linked with twitches or with cramps (a cause linked with both counts in both); "
            "the table below lists them with their mechanism and sources (data/causes.yaml)."
        ),
        extras=[table],
    )
    app.table = table  # the rows shown, for tests and for instructors poking at the app

    def refresh(_change: object = None) -> None:
        rows = filter_causes(
            every_row,
            phenomenon=None if kind.value == "any" else kind.value,
            category=None if category.value == ALL_CATEGORIES else category.value,
            serious=True if serious.value else None,
            text=search.value or None,
        )
        twitches = [sum(r.linked_to_twitches for r in rows if r.category == c) for c in CATEGORIES]
        cramps = [sum(r.linked_to_cramps for r in rows if r.category == c) for c in CATEGORIES]
        with figure.batch_update():
            figure.data[0].x = twitches
            figure.data[1].x = cramps
        table.value = causes_table_html(rows)
        if rows:
            app.readout.value = (
                f"Showing <b>{len(rows)}</b> of {len(every_row)} causes: {sum(twitches)} linked "
                f"with twitches, {sum(cramps)} with cramps."
            )
        else:
            app.readout.value = (
                f"No cause of the {len(every_row)} matches; clear the search or widen the filters."
            )

    for control in (kind, category, serious, search):
        control.observe(refresh, names="value")
    refresh()
    return app


def causes_table_html(rows: Sequence[Cause]) -> str:
    """The rows as an accessible HTML table: name, what it causes, category, how common,
    whether serious, the mechanism (with its caveat) and linked sources."""
    header = "".join(
        f"<th scope='col'>{name}</th>"
        for name in (
            "Cause",
            "Linked with",
            "Category",
            "How common",
            "Serious?",
            "Mechanism",
            "Sources",
        )
    )
    body = []
    for row in rows:
        mechanism = escape(row.mechanism)
        if row.note:
            mechanism += f"<br><em>Note: {escape(row.note)}</em>"
        body.append(
            "<tr>"
            f"<th scope='row'>{escape(row.name)}</th>"
            f"<td>{PHENOMENON_WORDS[row.phenomenon]}</td>"
            f"<td>{escape(row.category)}</td>"
            f"<td>{row.how_common}</td>"
            f"<td>{'yes' if row.serious else 'no'}</td>"
            f"<td>{mechanism}</td>"
            f"<td>{', '.join(_source_link(key) for key in row.references)}</td>"
            "</tr>"
        )
    return (
        "<table class='lessons-causes'><caption>Causes that match the filters "
        "(educational, not medical advice)</caption>"
        f"<thead><tr>{header}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def _source_link(key: str) -> str:
    """A short 'Author year' label for a citation key, linked where the source is online."""
    reference = references()[key]
    first_author = reference.authors.split(",")[0].split(" (")[0]
    suffix = key[-1] if key[-1].isalpha() and key[-2].isdigit() else ""
    label = escape(f"{first_author} {reference.year}{suffix}")
    link = reference.link()
    title = escape(reference.citation())
    if link:
        return f"<a href='{escape(link)}' title='{title}' target='_blank'>{label}</a>"
    return f"<span title='{title}'>{label}</span>"
