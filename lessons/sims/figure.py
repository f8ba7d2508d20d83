"""The course's live figure: plotly's ``FigureWidget``, minus one way it loses data in the page.

In plotly 7.1, when one ``batch_update`` sets different properties on different traces (say
``y`` on trace 1 and ``x`` and ``y`` on trace 2), the restyle message carries the marker
"undefined" for every trace a property was left out of, and the browser's copy of those
traces loses that property (found with lesson 04's figures; a test in tests/sims records what
each app sends). ``CourseFigure`` sends such a batch as one message per trace, each with only
the properties that trace really changed. Every app builds its figures with it.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
from plotly.basedatatypes import Undefined


def _per_trace(restyle_data: dict, trace_indexes: list[int]) -> list[tuple[dict, list[int]]]:
    """Split a restyle over several traces into one restyle per trace, dropping "undefined"."""
    pieces = []
    for position, index in enumerate(trace_indexes):
        data = {}
        for prop, values in restyle_data.items():
            value = values[position % len(values)] if isinstance(values, list) else values
            if value is not Undefined:
                data[prop] = [value]
        if data:
            pieces.append((data, [index]))
    return pieces


def _has_undefined(restyle_data: dict) -> bool:
    return any(
        isinstance(values, list) and any(value is Undefined for value in values)
        for values in restyle_data.values()
    )


class CourseFigure(go.FigureWidget):
    """A ``go.FigureWidget`` whose batched updates never leave trace properties undefined."""

    def _send_restyle_msg(
        self, restyle_data: dict, trace_indexes: Any = None, source_view_id: Any = None
    ) -> None:
        indexes = self._normalize_trace_indexes(trace_indexes)
        if not _has_undefined(restyle_data):
            super()._send_restyle_msg(restyle_data, indexes, source_view_id)
            return
        for data, index in _per_trace(restyle_data, indexes):
            super()._send_restyle_msg(data, index, source_view_id)

    def _send_update_msg(
        self,
        restyle_data: dict,
        relayout_data: dict,
        trace_indexes: Any = None,
        source_view_id: Any = None,
    ) -> None:
        indexes = self._normalize_trace_indexes(trace_indexes)
        if not _has_undefined(restyle_data):
            super()._send_update_msg(restyle_data, relayout_data, indexes, source_view_id)
            return
        pieces = _per_trace(restyle_data, indexes)
        if relayout_data:
            super()._send_relayout_msg(relayout_data, source_view_id)
        for data, index in pieces:
            super()._send_restyle_msg(data, index, source_view_id)
