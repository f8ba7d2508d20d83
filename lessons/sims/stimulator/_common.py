"""What lesson 02's views share: the two units' colours and names, toggles, the figure frame."""

from __future__ import annotations

from collections.abc import Iterable

import ipywidgets as widgets

from lessons.figures.theme import COLOURS
from lessons.physiology.stimulator_bench import UNIT_CONTRACTION_TIMES

UNIT_COLOURS = {"slow": COLOURS["slow_unit"], "fast": COLOURS["fast_unit"]}
UNIT_NAMES = {"slow": "Slow unit", "fast": "Fast unit"}

#: The course layout with room for both a title and the legend row above the plot.
LAYOUT = {"height": 400, "margin": {"t": 90}}
TITLE = {"y": 0.97, "yanchor": "top"}


def percent(fraction: float, decimals: int = 0) -> str:
    """A fraction written as a percentage, for readouts."""
    return f"{fraction * 100:.{decimals}f} %"


def toggle(description: str, options: Iterable, value: str) -> widgets.ToggleButtons:
    """Toggle buttons sized to their labels (the labels carry the units)."""
    return widgets.ToggleButtons(
        options=list(options),
        value=value,
        description=description,
        style={"description_width": "initial", "button_width": "auto"},
    )


def unit_toggle(value: str) -> widgets.ToggleButtons:
    """The slow/fast unit picker, each labelled with its contraction time."""
    options = [
        (f"{UNIT_NAMES[key]} ({UNIT_CONTRACTION_TIMES[key] * 1000:.0f} ms)", key)
        for key in ("slow", "fast")
    ]
    return toggle("Motor unit", options, value)
