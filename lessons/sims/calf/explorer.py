"""The twitch-or-cramp explorer's controls and redraw: pick an event, fire it again, listen.

The events come from ``lessons.physiology.calf_events``; what the figure and the speaker get
of each is made once per event (``screen_event``), so switching between events only sends.
"""

from __future__ import annotations

import ipywidgets as widgets

from lessons.figures.theme import COLOURS
from lessons.physiology.calf import EVENTS, CalfEvent, calf_model
from lessons.physiology.calf_events import simulate_event
from lessons.sims.app import SimulationApp
from lessons.sims.calf import explorer_figure as names
from lessons.sims.calf.explorer_figure import explorer_figure
from lessons.sims.calf.screen import ScreenEvent, emg_envelope, force_trace, screen_event
from lessons.sims.calf.text import EVENT_LABELS, describe_event
from lessons.sims.emg_lab.controls import hearing_line, say_what_plays

CAPTION = (
    "Left: a cross-section of the calf, one dot per group of about 77 fibres; the "
    "event's contracting fibres light up. Right: the calf's force and a needle EMG "
    "for the same 8 s (motor-unit model of Fuglevand et al. 1993; cramp rates from "
    "Minetto et al. 2009; fibrillation potentials after Davalos & Kushlaf)."
)


def _controls(event: str) -> dict[str, widgets.Widget]:
    """The event picker, the "fire again" button and the same-scales checkbox."""
    picker = widgets.ToggleButtons(
        options=[(EVENT_LABELS[kind], kind) for kind in EVENTS],
        value=event,
        description="Trigger",
        style={"description_width": "initial"},
        tooltips=[
            "One motor unit fires on its own",
            "One muscle fibre without its nerve fires on its own",
            "Many motor units in several calf muscles fire for seconds",
        ],
    )
    again = widgets.Button(
        description="Fire again (new random draw)",
        tooltip="Another unit, fibre or cramp, chosen at random",
        layout=widgets.Layout(width="240px"),
    )
    same_scale = widgets.Checkbox(
        value=True,
        description="Same scales for all three events",
        style={"description_width": "initial"},
    )
    return {"event": picker, "fire_again": again, "same_scale": same_scale}


class CalfExplorer:
    """One event of each kind (with its "fire again" count), the app, and its redraw."""

    def __init__(self, event: str) -> None:
        if event not in EVENTS:
            raise ValueError(f"event must be one of {list(EVENTS)}; got {event!r}")
        section = calf_model().section
        self.x_cm, self.y_cm = 100.0 * section.x, 100.0 * section.y
        self.events = {kind: simulate_event(kind) for kind in EVENTS}
        self.screens: dict[str, ScreenEvent] = {}
        self.draws = dict.fromkeys(EVENTS, 0)
        self.controls = _controls(event)
        first = self.events["fasciculation"]
        self.figure = explorer_figure(section, force_trace(first)[0], emg_envelope(first.emg)[0])
        self.traces = {
            name: self.figure.trace(name)
            for name in (names.CONTRACTING, names.FIBRILLATING, names.FORCE, names.EMG)
        }
        self.audio = widgets.Audio(value=b"", format="wav", autoplay=False, loop=False)
        self.hearing = hearing_line(event)
        label = widgets.HTML("Listen to 3 s of the needle EMG (each clip at full loudness):")
        self.app = SimulationApp(
            "Twitch, fibrillation or cramp",
            self.controls,
            self.figure,
            caption=CAPTION,
            extras=[widgets.VBox([label, self.audio, self.hearing])],
        )
        self.controls["event"].observe(self.redraw, names="value")
        self.controls["same_scale"].observe(self.redraw, names="value")
        self.controls["fire_again"].on_click(self.fire_again)
        self.redraw()

    def _screen(self, kind: str) -> ScreenEvent:
        if kind not in self.screens:
            self.screens[kind] = screen_event(self.events[kind])
        return self.screens[kind]

    def _draw_fibres(self, current: CalfEvent) -> None:
        """Light the contracting fibres; ring the fibrillating fibre, if any."""
        lit, ring = self.traces[names.CONTRACTING], self.traces[names.FIBRILLATING]
        lit.x = self.x_cm[current.moving]
        lit.y = self.y_cm[current.moving]
        lit.marker.color = COLOURS[current.kind]
        if current.fibre_point is None:
            ring.x, ring.y = [], []
        else:
            ring.x = [float(self.x_cm[current.fibre_point])]
            ring.y = [float(self.y_cm[current.fibre_point])]

    def _set_ranges(self, current: CalfEvent) -> None:
        """Force and EMG axes fitted to all three events, or to the one shown."""
        shown = self.events.values() if self.controls["same_scale"].value else [current]
        force_top = 1.1 * max(max(event.peak_force for event in shown), 1e-12)
        emg_top = 1100.0 * max(event.emg_peak for event in shown)
        self.figure.layout.yaxis2.range = [0, force_top]
        self.figure.layout.yaxis3.range = [-emg_top, emg_top]

    def redraw(self, _change: object = None) -> None:
        """Show the picked event: fibres, force, EMG, scales, title, readout and sound."""
        current = self.events[self.controls["event"].value]
        screen = self._screen(current.kind)
        force = self.traces[names.FORCE]
        with self.figure.batch_update():
            self._draw_fibres(current)
            force.x, force.y = screen.force_time, screen.force
            force.line.color = COLOURS[current.kind]
            self.traces[names.EMG].y = screen.emg_mv
            self._set_ranges(current)
            self.figure.layout.title.text = f"{EVENT_LABELS[current.kind]} in the calf"
        self.app.readout.value = describe_event(current, self.events["cramp"].peak_force)
        self.audio.value = screen.wav
        say_what_plays(self.hearing, current.kind)

    def fire_again(self, _button: object = None) -> None:
        """A new random draw of the picked event."""
        kind = self.controls["event"].value
        self.draws[kind] += 1
        self.events[kind] = simulate_event(kind, self.draws[kind])
        self.screens.pop(kind, None)
        self.redraw()
