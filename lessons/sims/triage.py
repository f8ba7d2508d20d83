"""Lesson 07's symptom checker: tick the signs of a made-up case and watch the rules sort it.

It shows the rules of ``lessons.content.triage`` (``data/triage.yaml``) and never
re-implements them: a case goes to the most urgent level any of its signs calls for. It is a
teaching tool that shows how the course's rule table sorts a made-up case; it is not a
diagnostic tool and gives no medical advice. (The lesson's cases to sort are quiz questions,
``type: triage_case`` in ``data/quizzes/07_when_to_seek_care.yaml``; its symptom table is
``lessons.sims.symptom_table``.)
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from lessons.content.triage import Sign, TriageResult, TriageTable, triage, triage_table
from lessons.sims.app import SimulationApp, labelled_slider
from lessons.sims.care_levels import LEVEL_COLOURS, LEVEL_SHORT_NAMES, LEVEL_SYMBOLS
from lessons.sims.triage_figures import (
    CRAMP_MINUTES_MAXIMUM,
    TWITCH_DAYS_MAXIMUM,
    draw_durations,
    draw_levels,
    duration_figure,
    level_figure,
)

__all__ = [
    "LEVEL_COLOURS",
    "LEVEL_SHORT_NAMES",
    "LEVEL_SYMBOLS",
    "TEACHING_TOOL_NOTE",
    "SymptomChecker",
    "symptom_checker",
]

TEACHING_TOOL_NOTE = (
    "A teaching tool, not a diagnostic tool: it shows how this course's rule table sorts a "
    "made-up case. It cannot tell what is wrong with anyone. If you are worried about your "
    "own twitches, see a doctor; for an urgent sign, get medical help today; for an emergency "
    "sign, call your local emergency number (911 in the US)."
)


class SymptomChecker(SimulationApp):
    """Tick signs and set durations; the triage level, its reasons and two figures follow.

    ``sign_boxes`` holds one checkbox per sign of the rule table, except the two duration
    signs, which the sliders add when a duration passes its NHS threshold (the thresholds
    are read from the table, never written here).
    """

    def __init__(self, table: TriageTable | None = None) -> None:
        self.table = table if table is not None else triage_table()
        self.sign_boxes = {sign.id: _sign_box(sign) for sign in _tickable_signs(self.table)}
        self.level_figure = level_figure()
        self.duration_figure = duration_figure(self.table)
        note = widgets.HTML(f"<p><strong>Note.</strong> {html.escape(TEACHING_TOOL_NOTE)}</p>")
        note.add_class("lessons-sim-note")
        super().__init__(
            "Symptom checker (teaching tool)",
            {
                "signs": _sign_panel(list(self.sign_boxes.values())),
                "twitch_days": labelled_slider(
                    "Twitch has lasted (days)", 3.0, 0.0, TWITCH_DAYS_MAXIMUM, 1.0
                ),
                "cramp_minutes": labelled_slider(
                    "Longest cramp (minutes; 0 = no cramp)",
                    0.0,
                    0.0,
                    CRAMP_MINUTES_MAXIMUM,
                    0.5,
                    readout_format=".1f",
                ),
            },
            [self.level_figure, self.duration_figure],
            caption=_caption(self.table),
            extras=[note],
        )
        for box in self.sign_boxes.values():
            box.observe(self.redraw, names="value")
        self.controls["twitch_days"].observe(self.redraw, names="value")
        self.controls["cramp_minutes"].observe(self.redraw, names="value")
        self.redraw()

    def ticked(self) -> tuple[str, ...]:
        """Ids of the signs ticked now."""
        return tuple(sign for sign, box in self.sign_boxes.items() if box.value)

    def durations(self) -> dict[str, float]:
        """The slider values, by the name of the table's duration rule."""
        return {name: self.controls[name].value for name in ("twitch_days", "cramp_minutes")}

    def present_signs(self) -> tuple[str, ...]:
        """Ticked signs plus the duration signs the rules add for the slider values."""
        return self._triage().present

    def _triage(self) -> TriageResult:
        return triage(self.ticked(), table=self.table, **self.durations())

    def redraw(self, _change: object = None) -> None:
        """Re-sort the case and update both figures and the readout in place."""
        self.result = result = self._triage()
        draw_levels(self.level_figure, result)
        draw_durations(self.duration_figure, self.table, result, self.durations())
        self.readout.value = _result_html(result, self.table)


def symptom_checker() -> SimulationApp:
    """The lesson's symptom-checker explorer (a teaching tool, not a diagnostic tool).

    Returns a :class:`SymptomChecker`; the annotation names its base class so that the
    course catalogue (``lessons.sims.catalogue``) finds the app and tests its controls.
    """
    return SymptomChecker()


def _tickable_signs(table: TriageTable) -> list[Sign]:
    duration_signs = {table.twitch_days.sign, table.cramp_minutes.sign}
    signs = [sign for sign in table.signs.values() if sign.id not in duration_signs]
    return sorted(signs, key=lambda sign: sign.label.casefold())


def _sign_box(sign: Sign) -> widgets.Checkbox:
    return widgets.Checkbox(
        value=False, description=sign.label, indent=False, layout=widgets.Layout(width="auto")
    )


def _sign_panel(boxes: list[widgets.Checkbox]) -> widgets.VBox:
    # Columns of 480 px where there is room, one column as wide as the window where there is not.
    columns = widgets.Layout(
        grid_template_columns="repeat(auto-fill, minmax(min(480px, 100%), 1fr))"
    )
    heading = widgets.HTML(
        "<strong>Signs present in a made-up case</strong> "
        "<em>(a teaching tool, not a diagnostic tool)</em>"
    )
    return widgets.VBox(
        [heading, widgets.GridBox(boxes, layout=columns)], layout=widgets.Layout(width="100%")
    )


def _caption(table: TriageTable) -> str:
    return (
        "Top: how many of the case's signs call for each level of care; the case goes "
        "to the most urgent level with any sign (the black triangle). Bottom: the "
        "durations against the NHS thresholds (twitch more than "
        f"{table.twitch_days.more_than:g} days, cramp more than "
        f"{table.cramp_minutes.more_than:g} minutes; NHS 2026a, 2026b). "
        "A teaching tool, not a diagnosis."
    )


def _result_html(result: TriageResult, table: TriageTable) -> str:
    label = next(level.label for level in table.levels if level.id == result.level)
    reasons = "".join(f"<li>{html.escape(reason)}</li>" for reason in result.reasons)
    return (
        f"<p><strong>The rules sort this case as: {html.escape(label)}.</strong> "
        f"{html.escape(result.advice)}</p><p>Why:</p><ul>{reasons}</ul>"
    )
