"""The excitability explorer's controls: a tick box per everyday factor, a drop-down for the
axon's own condition, and the factor keys they select."""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets

from lessons.physiology.excitability import MARGIN_FACTORS

#: Factors with a tick box, in display order; the axon's own condition is a drop-down.
EVERYDAY_FACTORS = ("stress_anxiety", "caffeine", "fatigue", "low_magnesium", "low_calcium")
AXON_CONDITIONS = ("persistent_sodium", "potassium_channel_loss")
HEALTHY = "healthy"


def excitability_controls() -> dict[str, widgets.Widget]:
    """The tick boxes by factor key, then the drop-down as ``"axon"``, in display order."""
    boxes: dict[str, widgets.Widget] = {key: _factor_box(key) for key in EVERYDAY_FACTORS}
    return {**boxes, "axon": _axon_dropdown()}


def active_factors(controls: Mapping[str, widgets.Widget]) -> list[str]:
    """The factor keys switched on: ticked boxes in display order, then the axon's condition."""
    active = [key for key in EVERYDAY_FACTORS if controls[key].value]
    if controls["axon"].value != HEALTHY:
        active.append(controls["axon"].value)
    return active


def _factor_box(key: str) -> widgets.Checkbox:
    factor = MARGIN_FACTORS[key]
    mark = " (qualitative)" if factor.qualitative else ""
    box = widgets.Checkbox(
        value=False,
        description=f"{factor.label}{mark}",
        indent=False,
        layout=widgets.Layout(width="340px", max_width="100%"),
    )
    box.tooltip = factor.how
    return box


def _axon_dropdown() -> widgets.Dropdown:
    return widgets.Dropdown(
        options=[("Healthy axon", HEALTHY)]
        + [(MARGIN_FACTORS[key].label, key) for key in AXON_CONDITIONS],
        value=HEALTHY,
        description="The axon itself:",
        style={"description_width": "initial"},
        layout=widgets.Layout(width="440px", max_width="100%"),
    )
