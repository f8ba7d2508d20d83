"""Lesson 08's look-alikes app: a fasciculation beside myokymic and neuromyotonic
discharges (needle EMG, with sound), tremor and clonus (movement).

The traces are ``lessons.physiology.lookalike_signals``: illustrative shapes with the firing
patterns and rates the literature gives. The level of care under each comes from
``data/benign_serious.yaml`` (``lessons.content.benign_serious``).
"""

from __future__ import annotations

import html

from plotly.subplots import make_subplots

from lessons.content.benign_serious import benign_serious
from lessons.figures.course_figure import CourseFigure
from lessons.figures.decimate import min_max_decimate
from lessons.figures.theme import COLOURS
from lessons.physiology.emg import emg_audio
from lessons.physiology.lookalike_signals import LOOKALIKES, lookalike_trace
from lessons.sims.app import SimulationApp
from lessons.sims.care_levels import LEVEL_SHORT_NAMES
from lessons.sims.emg_lab.controls import (
    audio_block,
    audio_player,
    hearing_line,
    picker,
    say_what_plays,
)
from lessons.sims.sound import wav_bytes

COLUMNS = 450
NEEDLE = "Needle EMG"
MOVEMENT = "Movement"
EVENTS = "Discharges or beats"
LABELS = {
    "fasciculation": "Fasciculation",
    "myokymia": "Myokymic discharges",
    "neuromyotonia": "Neuromyotonic discharge",
    "tremor": "Tremor",
    "clonus": "Clonus",
}
#: The row of data/benign_serious.yaml that gives each trace its level of care.
CONTENT_ROWS = {
    "myokymia": "myokymic_discharges",
    "neuromyotonia": "myokymic_discharges",
    "tremor": "tremor",
    "clonus": "clonus",
}
PATTERNS = {
    "fasciculation": "one unit firing alone, irregularly and rarely (well under once a second)",
    "myokymia": "the same unit firing in short groups (2-10 potentials) that recur "
    "semi-rhythmically, 0.1-10 groups a second",
    "neuromyotonia": "one unit firing 150-300 times a second for about a second, starting and "
    "stopping abruptly, its potential waning",
    "tremor": "a regular to-and-fro movement, 4-12 cycles a second",
    "clonus": "rhythmic beats, 5-8 a second, set off by a sudden held stretch",
}

CAPTION = (
    "Top: 2 s of needle EMG for the discharges (fasciculation, myokymic, neuromyotonic); "
    "bottom: 2 s of movement for tremor and clonus, in relative units; the other panel stays "
    "empty. Ticks mark each discharge or beat. Press play to hear the EMG (tremor and clonus "
    "are movements and have no sound here). Shapes illustrative, rates sourced: "
    "lessons.physiology.lookalike_signals."
)


def _figure() -> CourseFigure:
    figure = CourseFigure(
        make_subplots(rows=2, cols=1, vertical_spacing=0.3, subplot_titles=(NEEDLE, MOVEMENT))
    )
    figure.add_scatter(
        x=[],
        y=[],
        mode="lines",
        name=NEEDLE,
        line={"color": COLOURS["emg"], "width": 1},
        row=1,
        col=1,
    )
    figure.add_scatter(
        x=[], y=[], mode="lines", name=MOVEMENT, line={"color": COLOURS["force"]}, row=2, col=1
    )
    figure.add_scatter(
        x=[],
        y=[],
        mode="markers",
        name=EVENTS,
        hoverinfo="skip",
        marker={"symbol": "triangle-down", "size": 9, "color": COLOURS["fasciculation"]},
        row=2,
        col=1,
    )
    figure.update_layout(
        height=580, legend={"y": -0.15, "yanchor": "top"}, margin={"t": 80, "b": 110}
    )
    figure.update_xaxes(title_text="Time (s)", range=[0, 2], row=1, col=1)
    figure.update_yaxes(title_text="Voltage (mV)", range=[-1.2, 1.2], row=1, col=1)
    figure.update_xaxes(title_text="Time (s)", range=[0, 2], row=2, col=1)
    figure.update_yaxes(title_text="Movement (relative)", range=[-1.6, 1.6], row=2, col=1)
    return figure


def care_of(kind: str) -> str:
    """The level of care and advice for a trace's kind, from the lesson's sourced table."""
    if kind not in CONTENT_ROWS:
        return (
            "Self-care when it comes alone; see a doctor soon if it lasts more than 2 weeks or "
            "comes with weakness, wasting or reflex changes (lesson 07)."
        )
    row = next(r for r in benign_serious().lookalikes if r.id == CONTENT_ROWS[kind])
    return f"{LEVEL_SHORT_NAMES[row.level]}. {row.care}"


#: The words under the player for each trace (``data/sounds.yaml``).
SOUNDS = {
    "fasciculation": "fasciculation",
    "myokymia": "myokymic",
    "neuromyotonia": "neuromyotonic",
    "tremor": "tremor_or_clonus",
    "clonus": "tremor_or_clonus",
}


def describe(kind: str, events: int) -> str:
    """The readout: what the trace shows, how many events, and the level of care."""
    return (
        f"<p><strong>{html.escape(LABELS[kind])}</strong>: {html.escape(PATTERNS[kind])}. "
        f"This trace holds {events} discharges or beats in 2 s.</p>"
        f"<p>Level of care: {html.escape(care_of(kind))}</p>"
    )


class LookalikesView:
    """The look-alikes app and its redraw."""

    def __init__(self, kind: str = "fasciculation") -> None:
        lookalike_trace(kind)  # refuses an unknown kind with a message
        benign_serious()  # read the table now, not on the first click
        self.controls = {"kind": picker("Trace", [(LABELS[key], key) for key in LOOKALIKES], kind)}
        self.player = audio_player()
        self.hearing = hearing_line(SOUNDS[kind])
        self.figure = _figure()
        self.traces = {name: self.figure.trace(name) for name in (NEEDLE, MOVEMENT, EVENTS)}
        self.app = SimulationApp(
            "What else a twitch can be",
            self.controls,
            self.figure,
            CAPTION,
            extras=[audio_block("Listen to the needle EMG", self.player, self.hearing)],
        )
        self.controls["kind"].observe(self.redraw, names="value")
        self.redraw()

    def redraw(self, _change: object = None) -> None:
        """Draw the chosen trace in its panel, empty the other, and load its sound."""
        kind = self.controls["kind"].value
        trace = lookalike_trace(kind)
        needle = trace.quantity.startswith("needle")
        scale = 1e3 if needle else 1.0
        time, values = min_max_decimate(trace.time, scale * trace.values, COLUMNS)
        drawn, empty = (NEEDLE, MOVEMENT) if needle else (MOVEMENT, NEEDLE)
        marks = 1.0 if needle else 1.35
        with self.figure.batch_update():
            self.traces[drawn].x, self.traces[drawn].y = time.tolist(), values.tolist()
            self.traces[empty].x, self.traces[empty].y = [], []
            self.traces[EVENTS].x = trace.events.tolist()
            self.traces[EVENTS].y = [marks] * trace.events.size
            self.traces[EVENTS].yaxis = "y" if needle else "y2"
            self.traces[EVENTS].xaxis = "x" if needle else "x2"
        self.player.value = (
            wav_bytes(*emg_audio(trace.values, trace.sampling_rate)) if needle else b""
        )
        say_what_plays(self.hearing, SOUNDS[kind])
        self.app.readout.value = describe(kind, int(trace.events.size))
