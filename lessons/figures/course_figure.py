"""The course's live figure: plotly's ``FigureWidget``, minus one way it loses data in the page.

In plotly 7.1, when one ``batch_update`` sets different properties on different traces (say
``y`` on trace 1 and ``x`` and ``y`` on trace 2), the restyle message carries the marker
"undefined" for every trace a property was left out of, and the browser's copy of those
traces loses that property (found with lesson 04's figures; a test in tests/sims records what
each app sends).

``CourseFigure`` fills each such hole with the value the trace already has, so the browser
gets one message per batch with nothing undefined. One message matters for speed: each
restyle that moves data makes plotly.js redraw the whole figure, so a batch sent as one
message per trace would redraw it once per trace. Every app builds its figures with it.

It also gives every figure the course template (``lessons.figures.theme``) and lets views
reach a trace by its name (:meth:`CourseFigure.trace`), never by its position, so adding or
reordering traces cannot silently redraw the wrong one.

The overrides below use private parts of plotly 7.1 (``_send_restyle_msg``,
``_send_update_msg``, ``_normalize_trace_indexes``, ``_esm``, ``_data``, the ``_widget_data`` and
``_widget_layout`` traits). ``tests/figures/test_plotly_contract.py`` fails, naming the part,
when a plotly upgrade renames or removes one of them.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

import plotly.graph_objects as go
from plotly.basedatatypes import Undefined

from lessons.figures.plotly_code import KERNEL_WIDGET_CODE
from lessons.figures.theme import TEMPLATE_NAME, register_template

#: The plotly version the private overrides were written and measured against.
PLOTLY_VERSION = "7.1.0"


def _current(trace: dict, prop: str) -> Any:
    """The value of ``prop`` (a dotted path such as ``"marker.color"``) in a trace's JSON
    form; ``None`` if unset, which plotly.js reads as "use the default", as the page has."""
    value: Any = trace
    for key in prop.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _filled(restyle_data: dict, trace_indexes: list[int], traces: list[dict]) -> dict:
    """``restyle_data`` with every "undefined" replaced by the trace's current value."""
    filled = {}
    for prop, values in restyle_data.items():
        if isinstance(values, list) and any(value is Undefined for value in values):
            values = [
                _current(traces[index], prop) if value is Undefined else value
                for value, index in zip(values, trace_indexes, strict=False)
            ]
        filled[prop] = values
    return filled


#: plotly.js options for every live figure. WebGL traces (``Scattergl``, used where a figure
#: has thousands of points) are drawn at one canvas pixel per screen pixel, not plotly's
#: default of two: a quarter of the pixels to fill on every redraw, slightly softer dots on
#: high-density screens.
PLOTLY_CONFIG = {"plotGlPixelRatio": 1}


class CourseFigure(go.FigureWidget):
    """A ``go.FigureWidget`` whose batched updates never leave trace properties undefined."""

    def __init__(self, data: Any = None, layout: Any = None, **kwargs: Any) -> None:
        register_template()
        if isinstance(layout, dict) and "template" not in layout:
            layout = {"template": TEMPLATE_NAME, **layout}
        super().__init__(data, layout, **kwargs)
        if layout is None:  # built from a whole figure (make_subplots): restyle it too
            self.layout.template = TEMPLATE_NAME
        self._config = {**self._config, **PLOTLY_CONFIG}

    def trace(self, name: str) -> Any:
        """The one trace called ``name``; a missing or repeated name raises ``KeyError``."""
        # Names are read from plotly's plain trace dictionaries (``_data``): reading them
        # through the trace objects costs plotly's property machinery on every slider move.
        found = [index for index, trace in enumerate(self._data) if trace.get("name") == name]
        if len(found) != 1:
            names = [trace.get("name") for trace in self._data]
            problem = "no trace" if not found else f"{len(found)} traces"
            raise KeyError(f"{problem} named {name!r} in this figure; its traces are {names}")
        return self.data[found[0]]

    @property
    def _esm(self) -> str:
        """The widget's JavaScript: plotly's whole code for a kernel's first figure, a small
        module that reuses it for the others (lessons.figures.plotly_code). Read once, when the
        widget is created."""
        code = self.__dict__.get("_lessons_widget_code")
        if code is None:
            code = KERNEL_WIDGET_CODE.for_next_figure()
            self.__dict__["_lessons_widget_code"] = code
        return code

    def get_state(self, key: Any = None, drop_defaults: bool = False) -> dict:
        """The widget's state; a full state carries the figure as it is now.

        plotly keeps the figure a new page starts from (``_widget_data``, ``_widget_layout``)
        as it was built, and updates reach the page as messages. A page reloaded while the
        kernel runs asks for the full state and would redraw the figure as first built (a flat
        line where the twitch was) beside controls that show their moved values.
        """
        # (The widget sends a first state while plotly is still building the figure.)
        if key is None and hasattr(self, "_layout_obj") and hasattr(self, "_data"):
            # Set without notifying: the open pages have the figure already.
            self._trait_values["_widget_layout"] = deepcopy(self._layout_obj._props)
            self._trait_values["_widget_data"] = deepcopy(self._data)
        return super().get_state(key=key, drop_defaults=drop_defaults)

    def _send_restyle_msg(
        self, restyle_data: dict, trace_indexes: Any = None, source_view_id: Any = None
    ) -> None:
        indexes = self._normalize_trace_indexes(trace_indexes)
        data = _filled(restyle_data, indexes, self._data)
        super()._send_restyle_msg(data, indexes, source_view_id)

    def _send_update_msg(
        self,
        restyle_data: dict,
        relayout_data: dict,
        trace_indexes: Any = None,
        source_view_id: Any = None,
    ) -> None:
        indexes = self._normalize_trace_indexes(trace_indexes)
        data = _filled(restyle_data, indexes, self._data)
        super()._send_update_msg(data, relayout_data, indexes, source_view_id)
