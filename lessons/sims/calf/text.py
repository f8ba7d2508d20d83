"""What lesson 05's calf apps say in words: the readouts and the comparison table (HTML).

Every number comes from the model (``lessons.physiology.calf*``); this module only words it.
"""

from __future__ import annotations

from html import escape

from lessons.physiology.calf import (
    CRAMP_DURATION,
    EVENTS,
    FIBRILLATION_RATE,
    WINDOW,
    CalfEvent,
)
from lessons.physiology.calf_sizes import SizeComparison

EVENT_LABELS = {"fasciculation": "Fasciculation", "fibrillation": "Fibrillation", "cramp": "Cramp"}

#: The table's rows that are facts from the literature, not model numbers (sources cited).
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


def _describe_fasciculation(event: CalfEvent, share: float) -> str:
    count = event.discharges
    return (
        f"<b>Fasciculation</b>: one motor unit of the {escape(event.muscles[0])} fired "
        f"{count} time{'s' if count != 1 else ''} in {WINDOW:.0f} s. Its "
        f"{event.lit_points} lit points stand for about {event.fibres:,} muscle "
        f"fibres. Peak force {event.peak_force:.1f} (arbitrary units), {share:.2f} % of "
        f"the cramp's; each twitch stays above half its peak for only "
        f"{1000 * event.duration:.0f} ms."
    )


def _describe_fibrillation(event: CalfEvent, share: float) -> str:
    return (
        f"<b>Fibrillation</b>: one fibre of the {escape(event.muscles[0])} that has lost its "
        f"nerve fires regularly at {FIBRILLATION_RATE:.0f} Hz. Peak force "
        f"{event.peak_force:.4f} (arbitrary units), {share:.5f} % of the cramp's: nothing "
        f"lights up because nothing visible moves. Only the needle EMG shows it: brief, "
        f"small, regular spikes."
    )


def _describe_cramp(event: CalfEvent) -> str:
    return (
        f"<b>Cramp</b>: {len(event.units)} motor units in {len(event.muscles)} muscles "
        f"(about {event.fibres:,} fibres in this scaled-down calf) fire at 6-25 Hz for "
        f"{CRAMP_DURATION:.0f} s. Force rises to {event.peak_force:,.0f} (arbitrary units) and "
        f"stays high for {event.duration:.1f} s, smooth to within {event.plateau_ripple:.0f} % "
        f"(standard deviation of the plateau)."
    )


def describe_event(event: CalfEvent, cramp_force: float) -> str:
    """One-paragraph readout of an event, its force compared with the cramp's."""
    if event.kind == "fasciculation":
        return _describe_fasciculation(event, event.percent_of(cramp_force))
    if event.kind == "fibrillation":
        return _describe_fibrillation(event, event.percent_of(cramp_force))
    return _describe_cramp(event)


def describe_sizes(sizes: SizeComparison) -> str:
    """How far apart the three events are, in one sentence."""
    return (
        f"The cramp's force is {sizes.cramp_over_unit:,.0f} times "
        f"this fasciculation's and {sizes.cramp_over_fibre:,.0f} times one "
        f"fibrillating fibre's; it stays high {sizes.cramp_longer:,.0f} times longer than one "
        f"twitch."
    )


def _model_rows(sizes: SizeComparison) -> list[tuple[str, list[str]]]:
    return [
        ("Muscle fibres involved (model)", [f"{sizes.of(k).fibres:,.0f}" for k in EVENTS]),
        ("Peak force (model, arbitrary units)", [f"{sizes.of(k).peak_force:.3g}" for k in EVENTS]),
        (
            "Force above half its peak (model)",
            [
                f"{1000 * sizes.fasciculation.duration:.0f} ms per twitch",
                f"{1000 * sizes.fibrillation.duration:.0f} ms per twitch, repeated regularly",
                f"{sizes.cramp.duration:.1f} s (real cramps: seconds to 10 minutes)",
            ],
        ),
    ]


def comparison_table(sizes: SizeComparison) -> str:
    """The three events side by side: the model's numbers between the literature's facts."""
    header = "".join(f"<th scope='col'>{EVENT_LABELS[kind]}</th>" for kind in EVENTS)
    rows = [(label, cells) for label, *cells in _TABLE_ROWS[:1]] + _model_rows(sizes)
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
