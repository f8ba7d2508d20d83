"""Lesson 06's experiments: an axon firing on its own, and the table of causes to explore.

``excitability_explorer`` drives the ILLUSTRATIVE model of ``lessons.physiology.resting_axon``
(noise meeting a threshold; teaching numbers, not measurements). ``causes_explorer`` filters
the cited causes table of ``data/causes.yaml`` and counts what is left by category
(``lessons.content.cause_counts``). Both are thin views: the controls, figures and words live
in the private ``_excitability_*`` and ``_causes_*`` modules beside this one.
"""

from __future__ import annotations

from lessons.content.cause_counts import count_causes
from lessons.content.causes import causes
from lessons.physiology.resting_axon import WINDOW, RestingAxon, rate_curve
from lessons.sims._causes_controls import (
    ALL_CATEGORIES,
    PHENOMENON_OPTIONS,
    causes_controls,
    chosen_causes,
)
from lessons.sims._causes_figure import CauseBars
from lessons.sims._causes_text import CAPTION as CAUSES_CAPTION
from lessons.sims._causes_text import (
    PHENOMENON_WORDS,
    causes_readout,
    causes_table_html,
    causes_table_widget,
)
from lessons.sims._excitability_controls import (
    AXON_CONDITIONS,
    EVERYDAY_FACTORS,
    HEALTHY,
    active_factors,
    excitability_controls,
)
from lessons.sims._excitability_figures import (
    DISPLAY_COLUMNS,
    ExcitabilityFigures,
    min_max_envelope,
    one_per_column,
)
from lessons.sims._excitability_text import CAPTION as EXCITABILITY_CAPTION
from lessons.sims._excitability_text import excitability_readout
from lessons.sims.app import SimulationApp

__all__ = [
    "ALL_CATEGORIES",
    "AXON_CONDITIONS",
    "DISPLAY_COLUMNS",
    "EVERYDAY_FACTORS",
    "HEALTHY",
    "PHENOMENON_OPTIONS",
    "PHENOMENON_WORDS",
    "WINDOW",
    "causes_explorer",
    "causes_table_html",
    "excitability_explorer",
    "min_max_envelope",
    "one_per_column",
]


def excitability_explorer(seed: int = 6) -> SimulationApp:
    """Tick boxes for factors that narrow the gap between rest and threshold, over two plots.

    The top plot shows one minute of the model axon's fluctuating potential with its
    threshold and the spontaneous discharges (each a fasciculation of its motor unit); the
    bottom plot places the current gap on the rate-versus-gap curve, on a log scale. The noise
    is computed once, so moving a control only moves the threshold.
    """
    axon = RestingAxon(WINDOW, seed=seed)
    controls = excitability_controls()
    figures = ExcitabilityFigures(axon, rate_curve(), axon.with_factors())
    app = SimulationApp(
        "Excitability explorer", controls, figures.figures, caption=EXCITABILITY_CAPTION
    )

    def redraw(_change: object = None) -> None:
        setting = axon.with_factors(active_factors(controls))
        figures.draw(setting)
        app.readout.value = excitability_readout(setting)

    for control in controls.values():
        control.observe(redraw, names="value")
    redraw()
    return app


def causes_explorer(phenomenon: str = "any") -> SimulationApp:
    """Filters over the cited causes table: a bar chart of what is left, by category, and the
    rows themselves with their mechanism and sources.

    ``phenomenon`` preselects ``"twitch"``, ``"cramp"`` or ``"any"``.
    """
    controls = causes_controls(phenomenon)
    every_row = causes()
    bars = CauseBars()
    table = causes_table_widget()
    app = SimulationApp(
        "Causes explorer", controls, bars.figure, caption=CAUSES_CAPTION, extras=[table]
    )
    app.table = table  # the rows shown, for tests and for instructors poking at the app

    def refresh(_change: object = None) -> None:
        rows = chosen_causes(controls, every_row)
        counts = count_causes(rows, total=len(every_row))
        bars.draw(counts)
        table.value = causes_table_html(rows)
        app.readout.value = causes_readout(counts)

    for control in controls.values():
        control.observe(refresh, names="value")
    refresh()
    return app
