"""The frame every simulation shares: controls, live figures, a readout and a caption."""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Mapping, Sequence

import ipywidgets as widgets
import plotly.graph_objects as go

from lessons.controls import CourseSlider
from lessons.controls.described import FIGURES_CLASS, TextLinks
from lessons.controls.reflow import ReflowStyle
from lessons.static_mode import live_note_html, static_mode

STATIC_CLASS = "lessons-sim-static"


class SimulationApp:
    """Controls above one or more plotly ``FigureWidget``s, shown as one block in a notebook.

    ``extras`` are further widgets shown under the figures (an audio player, a table). The
    block displays with a short, fixed ``text/plain`` so stored notebook outputs (checked by
    nbval) do not depend on the widgets' state. With ``LESSONS_STATIC=1`` (the course site)
    it displays as static HTML instead: see ``static_html``.
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
        self.caption = caption
        self.extras = tuple(extras)
        self.controls = dict(controls)
        self.figures = [figures] if isinstance(figures, go.FigureWidget) else list(figures)
        self.figure = self.figures[0]
        self.readout = widgets.HTML(layout=widgets.Layout(min_height="1.5em"))
        self.readout.add_class("lessons-sim-readout")
        caption_widget = widgets.HTML(f"<p><em>{caption}</em></p>")
        caption_widget.add_class("lessons-sim-caption")
        figure_box = (widgets.HBox if figures_side_by_side else widgets.VBox)(self.figures)
        figure_box.add_class(FIGURES_CLASS)
        self.widget = widgets.VBox(
            [
                widgets.HBox(list(self.controls.values()), layout={"flex_flow": "row wrap"}),
                figure_box,
                self.readout,
                *extras,
                caption_widget,
                # In the page: the figures described by the readout and caption, the sounds too.
                TextLinks(title=f"{title}: figure (described by the text below it)"),
                ReflowStyle(),
            ]
        )
        self.widget.add_class("lessons-sim")

    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        names = ", ".join(self.controls)
        text = (
            f"{self.title}: interactive figure with controls for {names} (run the cell to use it)"
        )
        if static_mode():
            return {"text/html": self.static_html(), "text/plain": text}
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = text
        return bundle

    def static_html(self) -> str:
        """A snapshot for a page without a kernel: settings, figures, readout, caption, link.

        Figures are plotly divs that expect plotly.js to be loaded once by the page (the course
        site does), so a lesson with many figures does not carry many copies of it.
        """
        import plotly.io as pio  # only the course site's build needs it

        settings = [
            f"<li>{text}</li>" for text in map(_setting_html, self.controls.values()) if text
        ]
        intro = f"<strong>{html.escape(self.title)}</strong>"
        if settings:
            intro += ", shown with these settings:"
        figures = [
            pio.to_html(
                figure,
                full_html=False,
                include_plotlyjs=False,
                config={"displaylogo": False, "responsive": True},
            )
            for figure in self.figures
        ]
        extras = [_static_widget_html(extra) for extra in self.extras]
        # Each figure described by the readout and caption, as in the live block (TextLinks).
        key = hashlib.sha1(f"{self.title}\n{self.caption}".encode()).hexdigest()[:10]
        readout_id, caption_id = f"lessons-sim-{key}-readout", f"lessons-sim-{key}-caption"
        figure_attributes = (
            f'role="figure" aria-label="{html.escape(self.title)}: figure" '
            f'aria-describedby="{readout_id} {caption_id}"'
        )
        return (
            f'<div class="lessons-sim {STATIC_CLASS}">'
            f"<p>{intro}</p>"
            + (f"<ul class='lessons-sim-settings'>{''.join(settings)}</ul>" if settings else "")
            + "".join(
                f'<div class="lessons-sim-figure" {figure_attributes}>{figure}</div>'
                for figure in figures
            )
            + f'<div class="lessons-sim-readout" id="{readout_id}">{self.readout.value}</div>'
            + "".join(extras)
            + f'<p class="lessons-sim-caption" id="{caption_id}"><em>{self.caption}</em></p>'
            + live_note_html("Interactive in the live version.", "move the controls yourself")
            + "</div>"
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.title!r}>"


def labelled_slider(
    description: str,
    value: float,
    minimum: float,
    maximum: float,
    step: float,
    readout_format: str = ".0f",
    unit: str | None = None,
) -> CourseSlider:
    """A slider whose visible label names the quantity and its unit; screen readers read the
    label as its name and the value with its unit (``unit``: by default the label's closing
    brackets). Its track gets a line of its own under the label (``lessons.controls``)."""
    return CourseSlider(
        value=value,
        min=minimum,
        max=maximum,
        step=step,
        description=description,
        readout_format=readout_format,
        unit=unit,
        continuous_update=True,
    )


def _setting_html(control: widgets.Widget) -> str:
    """One control's label and current value as text (a box lists what its children say)."""
    if isinstance(control, widgets.Box):
        # A panel of tick boxes is summed up by the ticked ones, not by a list of "off"s.
        boxes = [child for child in control.children if isinstance(child, widgets.Checkbox)]
        if len(boxes) < 2:
            boxes = []
        parts = [_setting_html(child) for child in control.children if child not in boxes]
        if boxes:
            ticked = [html.escape(box.description) for box in boxes if box.value]
            parts.append("Ticked boxes: " + (", ".join(ticked) or "none"))
        return "; ".join(part for part in parts if part)
    description = html.escape((getattr(control, "description", "") or "").rstrip(": "))
    if isinstance(control, widgets.Button) or not description:
        return ""
    if isinstance(control, widgets.widget_selection._Selection):
        value = control.label
    elif isinstance(control, widgets.widget_selection._MultipleSelection):
        value = ", ".join(control.label) or "none"
    elif isinstance(control, widgets.Checkbox | widgets.ToggleButton):
        value = "on" if control.value else "off"
    else:
        value = control.value
        readout = getattr(control, "readout_format", None)
        if readout and isinstance(value, int | float):
            try:
                value = format(value, readout)
            except ValueError:  # a d3 format that Python's format() does not share
                value = f"{value:g}"
    if value == "":
        return ""
    return f"{description}: {html.escape(str(value))}"


def _static_widget_html(widget: widgets.Widget) -> str:
    """Static HTML for an extra: HTML as is, audio as an audio player, boxes by their children."""
    if isinstance(widget, widgets.Box):
        return "<div>" + "".join(_static_widget_html(child) for child in widget.children) + "</div>"
    if isinstance(widget, widgets.HTML | widgets.HTMLMath):
        return f"<div>{widget.value}</div>"
    if isinstance(widget, widgets.Label):
        return f"<div>{html.escape(widget.value)}</div>"
    if isinstance(widget, widgets.Audio) and widget.value:
        source = f"data:audio/{html.escape(widget.format)};base64,"
        source += base64.b64encode(widget.value).decode("ascii")
        return f'<audio controls src="{source}"></audio>'
    return ""
