"""The frame every simulation shares: controls, live figures, a readout and a caption."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import ipywidgets as widgets
import plotly.graph_objects as go


class SimulationApp:
    """Controls above one or more plotly ``FigureWidget``s, shown as one block in a notebook.

    ``extras`` are further widgets shown under the figures (an audio player, a table). The
    block displays with a short, fixed ``text/plain`` so stored notebook outputs (checked by
    nbval) do not depend on the widgets' state.
    """

    def __init__(
        self,
        title: str,
        controls: Mapping[str, widgets.Widget],
        figures: go.FigureWidget | Sequence[go.FigureWidget],
        caption: str,
        extras: Sequence[widgets.Widget] = (),
        figures_side_by_side: bool = False,
    ) -> None:
        self.title = title
        self.controls = dict(controls)
        self.figures = [figures] if isinstance(figures, go.FigureWidget) else list(figures)
        self.figure = self.figures[0]
        self.readout = widgets.HTML(layout=widgets.Layout(min_height="1.5em"))
        self.readout.add_class("lessons-sim-readout")
        caption_widget = widgets.HTML(f"<p><em>{caption}</em></p>")
        caption_widget.add_class("lessons-sim-caption")
        figure_box = (widgets.HBox if figures_side_by_side else widgets.VBox)(self.figures)
        self.widget = widgets.VBox(
            [
                widgets.HBox(list(self.controls.values()), layout={"flex_flow": "row wrap"}),
                figure_box,
                self.readout,
                *extras,
                caption_widget,
            ]
        )
        self.widget.add_class("lessons-sim")

    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        bundle = self.widget._repr_mimebundle_(**kwargs)
        names = ", ".join(self.controls)
        bundle["text/plain"] = (
            f"{self.title}: interactive figure with controls for {names} (run the cell to use it)"
        )
        return bundle

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.title!r}>"


def labelled_slider(
    description: str,
    value: float,
    minimum: float,
    maximum: float,
    step: float,
    readout_format: str = ".0f",
) -> widgets.FloatSlider:
    """A slider whose visible label names the quantity and its unit (screen readers read it too)."""
    return widgets.FloatSlider(
        value=value,
        min=minimum,
        max=maximum,
        step=step,
        description=description,
        readout_format=readout_format,
        continuous_update=True,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="420px"),
    )
