"""The causes explorer's filters, and the rows of the causes table they let through."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import ipywidgets as widgets

from lessons.content.causes import CATEGORIES, Cause, filter_causes

PHENOMENON_OPTIONS = (
    ("twitches or cramps", "any"),
    ("twitches (fasciculations)", "twitch"),
    ("cramps", "cramp"),
)
ANY_PHENOMENON = "any"
ALL_CATEGORIES = "all"


def causes_controls(phenomenon: str = ANY_PHENOMENON) -> dict[str, widgets.Widget]:
    """The four filters by name, with ``phenomenon`` preselected (refused if unknown)."""
    allowed = [value for _, value in PHENOMENON_OPTIONS]
    if phenomenon not in allowed:
        raise ValueError(f"phenomenon={phenomenon!r} is not one of {allowed}")
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
        layout=widgets.Layout(width="380px", max_width="100%"),
    )
    serious = widgets.Checkbox(value=False, description="Serious conditions only", indent=False)
    search = widgets.Text(
        value="",
        placeholder="e.g. calcium, nerve, sleep",
        description="Search:",
        continuous_update=True,
        style={"description_width": "initial"},
    )
    return {"phenomenon": kind, "category": category, "serious": serious, "search": search}


def chosen_causes(
    controls: Mapping[str, widgets.Widget], rows: Sequence[Cause]
) -> tuple[Cause, ...]:
    """The ``rows`` that pass the filters as the controls are set now."""
    kind = controls["phenomenon"].value
    category = controls["category"].value
    return filter_causes(
        rows,
        phenomenon=None if kind == ANY_PHENOMENON else kind,
        category=None if category == ALL_CATEGORIES else category,
        serious=True if controls["serious"].value else None,
        text=controls["search"].value or None,
    )
