"""The size-and-duration app's controls and redraw: which unit fasciculates, how big the cramp.

The numbers come from ``lessons.physiology.calf_sizes.compare_sizes`` (precomputed, so a slider
move only looks them up).
"""

from __future__ import annotations

import ipywidgets as widgets

from lessons.controls import IntCourseSlider
from lessons.physiology.calf import EVENTS
from lessons.physiology.calf_sizes import calf_sizes, compare_sizes
from lessons.sims.app import SimulationApp, labelled_slider
from lessons.sims.calf.sizes_figure import FIBRES, sizes_figure
from lessons.sims.calf.text import EVENT_LABELS, comparison_table, describe_sizes

CAPTION = (
    "Left: peak force against how long the force stays above half its peak, on "
    "logarithmic axes (each grid step is 10 times more); grey dots are the other units "
    "that could fasciculate. Right: how many muscle fibres contract. Same calf model "
    "as the explorer above."
)


def _controls(unit_rank: int, cramp_share: float, n_units: int) -> dict[str, widgets.Widget]:
    unit_slider = IntCourseSlider(
        value=int(unit_rank),
        min=1,
        max=n_units,
        step=1,
        description="Fasciculating unit (1 = smallest of the gastrocnemius medialis)",
        unit=f"of {n_units}",
    )
    share_slider = labelled_slider(
        "Cramp: share of each calf muscle's units (%)", 100.0 * cramp_share, 10.0, 100.0, 10.0
    )
    return {"fasciculating_unit": unit_slider, "cramp_share": share_slider}


class SizeView:
    """The size-and-duration app and its redraw."""

    def __init__(self, unit_rank: int, cramp_share: float) -> None:
        compare_sizes(unit_rank, cramp_share)  # refuses a bad unit or share with a message
        data = calf_sizes()
        self.controls = _controls(unit_rank, cramp_share, data.n_units)
        self.figure = sizes_figure(data.unit_duration, data.unit_peak)
        self.points = {kind: self.figure.trace(EVENT_LABELS[kind]) for kind in EVENTS}
        self.bars = self.figure.trace(FIBRES)
        self.table = widgets.HTML()
        self.app = SimulationApp(
            "Size against duration", self.controls, self.figure, CAPTION, extras=[self.table]
        )
        for control in self.controls.values():
            control.observe(self.redraw, names="value")
        self.redraw()

    def redraw(self, _change: object = None) -> None:
        """Move the three points and bars; reword the readout and the table."""
        sizes = compare_sizes(
            self.controls["fasciculating_unit"].value, self.controls["cramp_share"].value / 100.0
        )
        with self.figure.batch_update():
            for kind in EVENTS:
                size = sizes.of(kind)
                self.points[kind].x = [size.duration]
                self.points[kind].y = [size.peak_force]
            self.bars.y = [sizes.of(kind).fibres for kind in EVENTS]
        self.app.readout.value = describe_sizes(sizes)
        self.table.value = comparison_table(sizes)
