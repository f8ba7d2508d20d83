"""How much a control sends to the browser when it moves, measured without a browser.

Every widget talks to the page through a *comm*; here each comm is replaced by one that only
counts the bytes of what it would send (the JSON message plus its binary buffers). Tests use
it to hold every control under its payload budget; the benchmarks report the figures.

    with recording_comms() as log:
        app = twitch_explorer()
        sent = log.bytes_sent_by(lambda: setattr(app.controls["peak_force"], "value", 2.0))
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import comm
from comm.base_comm import BaseComm

#: Budget per control update (issue "Performance"): a slider must stay responsive on Binder.
MAX_UPDATE_BYTES = 200_000


@dataclass
class CommLog:
    """Sizes, in bytes, of every message the recorded comms would have sent."""

    sizes: list[int] = field(default_factory=list)

    def bytes_sent_by(self, action: Callable[[], object]) -> int:
        """Run ``action`` (e.g. setting a slider's value) and return the bytes it sent."""
        start = len(self.sizes)
        action()
        return sum(self.sizes[start:])


def _message_size(data: Any, buffers: Any) -> int:
    text = json.dumps(data, default=str, separators=(",", ":"))
    return len(text.encode()) + sum(memoryview(buffer).nbytes for buffer in buffers or ())


@contextmanager
def recording_comms() -> Iterator[CommLog]:
    """Widgets created inside this block send nothing, but their message sizes are logged."""
    log = CommLog()

    class RecordingComm(BaseComm):
        def publish_msg(
            self,
            msg_type: str,
            data: Any = None,
            metadata: Any = None,
            buffers: Any = None,
            **keys: Any,
        ) -> None:
            log.sizes.append(_message_size(data, buffers))

    original = comm.create_comm
    comm.create_comm = lambda *args, **kwargs: RecordingComm(*args, **kwargs)
    try:
        yield log
    finally:
        comm.create_comm = original


def control_moves(control: Any) -> list[tuple[str, Callable[[], object]]]:
    """A few representative moves of one control, as (label, action) pairs.

    Sliders go to their minimum, maximum and middle; option pickers visit each option;
    checkboxes and toggles flip; buttons are clicked.
    """
    import ipywidgets as widgets

    from lessons.controls import CourseSlider, IntCourseSlider

    def setter(value: Any) -> Callable[[], object]:
        return lambda: setattr(control, "value", value)

    sliders = widgets.FloatSlider | widgets.IntSlider | widgets.FloatLogSlider | CourseSlider
    if isinstance(control, sliders):
        middle = control.min + (control.max - control.min) / 2
        if isinstance(control, widgets.IntSlider | IntCourseSlider):
            middle = round(middle)
        return [(f"to {v:g}", setter(v)) for v in (control.max, control.min, middle)]
    if isinstance(control, widgets.SelectionRangeSlider | widgets.FloatRangeSlider):
        return []
    if isinstance(control, widgets.widget_selection._Selection):
        return [(f"pick {label!r}", setter(value)) for label, value in _options(control)]
    if isinstance(control, widgets.Checkbox | widgets.ToggleButton):
        return [("toggle", setter(not control.value)), ("toggle back", setter(control.value))]
    if isinstance(control, widgets.Button):
        return [("click", control.click)]
    if isinstance(control, widgets.Box):
        return [
            (f"{getattr(child, 'description', '') or type(child).__name__}: {label}", action)
            for child in control.children
            for label, action in control_moves(child)
        ]
    return []


def _options(control: Any) -> list[tuple[str, Any]]:
    labels = control._options_labels
    values = control._options_values
    return list(zip(labels, values, strict=True))
