"""Lesson 07's apps: sort case vignettes, explore the triage rules, read the symptom table.

All three show the rules of ``lessons.content.triage`` (``data/triage.yaml``) and never
re-implement them: a case goes to the most urgent level any of its signs calls for. They
are teaching tools that show how the course's rule table sorts a made-up case; they are not
diagnostic tools and give no medical advice.

The four levels of care get colours of their own in this lesson, in the order of triage
scales (green for the least urgent, through orange, to deep red for an emergency): three from
the Okabe-Ito palette (see ``lessons.figures.theme``) and a wine red from Paul Tol's
colour-blind-safe palette for the emergency level. Every place that uses them also writes the
level's name and gives each level its own marker shape, so colour is never the only cue.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import ipywidgets as widgets
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lessons.content.symptoms import Symptom, symptoms, symptoms_by_urgency
from lessons.content.triage import (
    LEVELS,
    TriageResult,
    TriageTable,
    Vignette,
    triage,
    triage_table,
    triage_vignette,
    vignettes,
)
from lessons.figures.course_figure import CourseFigure
from lessons.figures.theme import OKABE_ITO
from lessons.sims.app import SimulationApp, labelled_slider

#: Colour of each level of care, least to most urgent (Okabe & Ito 2008; Wong 2011).
LEVEL_COLOURS = {
    "self-care": OKABE_ITO["bluish_green"],
    "see a doctor soon": OKABE_ITO["orange"],
    "urgent same day": OKABE_ITO["vermillion"],
    "emergency": "#882255",  # Tol's "wine" (Tol 2021, SRON/EPS/TN/09-002)
}

#: Marker shape of each level, so the sorter's figure does not rely on colour alone.
LEVEL_SYMBOLS = {
    "self-care": "circle",
    "see a doctor soon": "square",
    "urgent same day": "triangle-up",
    "emergency": "diamond",
}

#: Short names for figure axes (the table's labels are longer).
LEVEL_SHORT_NAMES = {
    "self-care": "Self-care",
    "see a doctor soon": "See a doctor soon",
    "urgent same day": "Urgent, same day",
    "emergency": "Emergency",
}

# The quiz engine's CSS classes (lessons.quiz.widgets), so the sorter looks like a quiz.
QUIZ_CLASS = "lessons-quiz"
FEEDBACK_CLASS = "lessons-quiz-feedback"

TEACHING_TOOL_NOTE = (
    "A teaching tool, not a diagnostic tool: it shows how this course's rule table sorts a "
    "made-up case. It cannot tell what is wrong with anyone. If you are worried about your "
    "own twitches, see a doctor; for an urgent sign, get medical help today; for an emergency "
    "sign, call your local emergency number (911 in the US)."
)

TWITCH_DAYS_MAXIMUM = 60.0  # slider range (days); the NHS threshold is 14 days
CRAMP_MINUTES_MAXIMUM = 30.0  # slider range (minutes); the NHS threshold is 10 minutes


# -- the case sorter -------------------------------------------------------------------------
@dataclass(frozen=True)
class SortResult:
    """One checked answer of the case sorter."""

    case_id: str
    chosen: str
    expected: str
    correct: bool
    attempts: int
    right_first_time: bool


class VignetteSorter:
    """Case vignettes one at a time; the student sorts each into a level of care and checks.

    Feedback comes from the vignette's own text and from the triage rules' reasons, so the
    student learns which sign decided the case. A figure collects every checked case: the
    student's level next to the rules' level. Built from native, labelled ipywidgets
    (a drop-down to pick the case, radio buttons for the level, buttons), all usable with
    the keyboard.
    """

    def __init__(
        self, cases: Sequence[Vignette] | None = None, table: TriageTable | None = None
    ) -> None:
        self.table = table if table is not None else triage_table()
        self.cases = tuple(cases) if cases is not None else vignettes()
        if not self.cases:
            raise ValueError("cases=() must hold at least one vignette")
        self.rules: dict[str, TriageResult] = {}
        for case in self.cases:
            result = triage_vignette(case, self.table)
            if result.level != case.expected:
                raise ValueError(
                    f"case {case.id!r}: expected={case.expected!r} but the triage rules give "
                    f"{result.level!r}; fix data/vignettes.yaml or data/triage.yaml"
                )
            self.rules[case.id] = result
        self.results: dict[str, SortResult] = {}
        self._feedback_html: dict[str, str] = {}
        self._choices: dict[str, str | None] = {}
        self._labels = {level.id: level.label for level in self.table.levels}
        self._case_names = [f"Case {number}" for number in range(1, len(self.cases) + 1)]

        self.case_picker = widgets.Dropdown(
            options=[
                (f"Case {index + 1}: {case.title}", index) for index, case in enumerate(self.cases)
            ],
            value=0,
            description="Case",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="auto"),
        )
        self.previous_button = widgets.Button(
            description="Previous case", tooltip="Show the previous case", icon="arrow-left"
        )
        self.next_button = widgets.Button(
            description="Next case", tooltip="Show the next case", icon="arrow-right"
        )
        self.story = widgets.HTML()
        self.choice = widgets.RadioButtons(
            options=[(level.label, level.id) for level in self.table.levels],
            value=None,
            description="Your sort",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="auto"),
        )
        self.check_button = widgets.Button(
            description="Check", button_style="primary", tooltip="Check your sort of this case"
        )
        self.feedback = widgets.HTML(layout=widgets.Layout(min_height="1.5em"))
        self.feedback.add_class(FEEDBACK_CLASS)
        self.score = widgets.HTML()
        self.figure = self._build_figure()
        self.container = widgets.VBox(
            [
                widgets.HTML(
                    "<strong>Sort the cases</strong><p><em>Read the case, choose the level of "
                    "care it needs, press Check and read the feedback. Move on with Next "
                    "case or the Case list.</em></p>"
                ),
                widgets.HBox([self.case_picker, self.previous_button, self.next_button]),
                self.story,
                self.choice,
                self.check_button,
                self.feedback,
                self.score,
                self.figure,
                widgets.HTML(
                    "<p><em>Each row is a case you have checked: the open black circle is "
                    "your sort, the coloured marker the level the rules give (circle, square, "
                    "triangle, diamond from least to most urgent); they coincide when you are "
                    "right.</em></p>"
                ),
            ]
        )
        self.container.add_class(QUIZ_CLASS)
        self.container.add_class("lessons-vignette-sorter")

        self.case_picker.observe(lambda _change: self._show_current(), names="value")
        self.choice.observe(self._on_choice, names="value")
        self.previous_button.on_click(lambda _button: self._step(-1))
        self.next_button.on_click(lambda _button: self._step(+1))
        self.check_button.on_click(lambda _button: self.check())
        self._show_current()

    # -- what the student sees ---------------------------------------------------------
    @property
    def current(self) -> Vignette:
        """The case on screen."""
        return self.cases[self.case_picker.value]

    def check(self) -> SortResult | None:
        """Grade the chosen level for the case on screen (what the Check button does)."""
        case = self.current
        chosen = self.choice.value
        if chosen is None:
            self.feedback.value = "<p><strong>Note:</strong> choose a level of care first.</p>"
            return None
        expected = self.rules[case.id].level
        previous = self.results.get(case.id)
        attempts = 1 if previous is None else previous.attempts + 1
        result = SortResult(
            case_id=case.id,
            chosen=chosen,
            expected=expected,
            correct=chosen == expected,
            attempts=attempts,
            right_first_time=(
                chosen == expected if previous is None else previous.right_first_time
            ),
        )
        self.results[case.id] = result
        self._feedback_html[case.id] = self._feedback_for(case, chosen)
        self.feedback.value = self._feedback_html[case.id]
        self._update_score()
        self._update_figure()
        return result

    def _feedback_for(self, case: Vignette, chosen: str) -> str:
        rules = self.rules[case.id]
        expected = rules.level
        signs = [self.table.signs[sign].label for sign in rules.signs]
        reasons = "".join(f"<li>{html.escape(reason)}</li>" for reason in rules.reasons)
        deciding = (
            f"<p>Deciding sign{'s' if len(signs) > 1 else ''}: {html.escape('; '.join(signs))}.</p>"
            if signs
            else "<p>No warning sign in this case.</p>"
        )
        if chosen == expected:
            verdict = (
                f"<p><strong>Right: {html.escape(self._labels[expected])}.</strong> "
                f"{html.escape(case.feedback)}</p>"
            )
        else:
            direction = (
                "That is less urgent than the rules say. One sign is enough to raise a case: "
                "the most urgent sign decides, whatever else is present."
                if LEVELS.index(chosen) < LEVELS.index(expected)
                else "That is more urgent than the rules say: no sign in this case calls for "
                "more. Erring towards more care is the safer mistake, but the emergency "
                "number is kept for emergency signs."
            )
            verdict = (
                f"<p><strong>Not quite.</strong> You chose "
                f"<em>{html.escape(self._labels[chosen])}</em>; the rules give "
                f"<em>{html.escape(self._labels[expected])}</em>. {direction}</p>"
                f"<p>{html.escape(case.feedback)}</p>"
            )
        return (
            f"{verdict}{deciding}<p>Why:</p><ul>{reasons}</ul>"
            f"<p>Advice at this level: {html.escape(rules.advice)}</p>"
        )

    # -- navigation and state ----------------------------------------------------------
    def _step(self, offset: int) -> None:
        self.case_picker.value = (self.case_picker.value + offset) % len(self.cases)

    def _on_choice(self, change: dict) -> None:
        self._choices[self.current.id] = change["new"]

    def _show_current(self) -> None:
        case = self.current
        number = self.case_picker.value + 1
        self.story.value = (
            f"<p><strong>Case {number} of {len(self.cases)}: {html.escape(case.title)}</strong>"
            f"</p><p>{html.escape(case.story)}</p>"
        )
        self.choice.value = self._choices.get(case.id)
        self.feedback.value = self._feedback_html.get(case.id, "")
        self._update_score()

    def _update_score(self) -> None:
        first_time = sum(result.right_first_time for result in self.results.values())
        self.score.value = (
            f"<p>Sorted right first time: {first_time} of {len(self.cases)} cases; "
            f"checked so far: {len(self.results)} of {len(self.cases)}.</p>"
        )

    # -- the figure --------------------------------------------------------------------
    def _build_figure(self) -> go.FigureWidget:
        level_names = [LEVEL_SHORT_NAMES[level] for level in LEVELS]
        traces = [
            go.Scatter(
                x=[],
                y=[],
                mode="markers",
                name=f"Rules: {LEVEL_SHORT_NAMES[level]}",
                marker={
                    "color": LEVEL_COLOURS[level],
                    "size": 13,
                    "symbol": LEVEL_SYMBOLS[level],
                },
                hovertemplate="%{y}: the rules give %{x}<extra></extra>",
            )
            for level in LEVELS
        ]
        traces.append(
            go.Scatter(
                x=[],
                y=[],
                mode="markers",
                name="Your sort",
                marker={
                    "color": OKABE_ITO["black"],
                    "size": 24,
                    "symbol": "circle-open",
                    "line": {"width": 2},
                },
                hovertemplate="%{y}: you chose %{x}<extra></extra>",
            )
        )
        return CourseFigure(
            data=traces,
            layout={
                # About 30 px a case, so every case's row label stays readable.
                "height": max(420, 140 + 30 * len(self._case_names)),
                "title": {"text": "Your sort and the rules' sort, case by case"},
                "xaxis": {
                    "title": {"text": "Level of care (category, least to most urgent)"},
                    "type": "category",
                    "categoryorder": "array",
                    "categoryarray": level_names,
                    "range": [-0.5, len(level_names) - 0.5],
                },
                "yaxis": {
                    "title": {"text": "Case (number in the list)"},
                    "type": "category",
                    "categoryorder": "array",
                    "categoryarray": list(reversed(self._case_names)),
                    "range": [-0.5, len(self._case_names) - 0.5],
                },
                "margin": {"l": 110, "r": 20, "t": 90, "b": 60},
            },
        )

    def _update_figure(self) -> None:
        checked = [
            (self._case_names[index], self.results[case.id])
            for index, case in enumerate(self.cases)
            if case.id in self.results
        ]
        with self.figure.batch_update():
            for trace, level in zip(self.figure.data[: len(LEVELS)], LEVELS, strict=True):
                rows = [name for name, result in checked if result.expected == level]
                trace.x = [LEVEL_SHORT_NAMES[level]] * len(rows)
                trace.y = rows
            mine = self.figure.data[len(LEVELS)]
            mine.x = [LEVEL_SHORT_NAMES[result.chosen] for _, result in checked]
            mine.y = [name for name, _ in checked]

    # -- display -----------------------------------------------------------------------
    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        bundle = self.container._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = repr(self)
        return bundle

    def __repr__(self) -> str:
        return (
            f"Case sorter: {len(self.cases)} case vignettes to sort into self-care, see a "
            "doctor soon, urgent same day or emergency (run the cell to use it)"
        )


def vignette_sorter() -> VignetteSorter:
    """The lesson's case sorter over every vignette of ``data/vignettes.yaml``."""
    return VignetteSorter()


# -- the symptom-checker explorer ------------------------------------------------------------
class SymptomChecker(SimulationApp):
    """Tick signs and set durations; the triage level, its reasons and two figures follow.

    ``sign_boxes`` holds one checkbox per sign of the rule table, except the two duration
    signs, which the sliders add when a duration passes its NHS threshold (the thresholds
    are read from the table, never written here).
    """

    def __init__(self, table: TriageTable | None = None) -> None:
        self.table = table if table is not None else triage_table()
        duration_signs = {self.table.twitch_days.sign, self.table.cramp_minutes.sign}
        tickable = sorted(
            (sign for sign in self.table.signs.values() if sign.id not in duration_signs),
            key=lambda sign: sign.label.casefold(),
        )
        self.sign_boxes = {
            sign.id: widgets.Checkbox(
                value=False,
                description=sign.label,
                indent=False,
                layout=widgets.Layout(width="auto"),
            )
            for sign in tickable
        }
        sign_panel = widgets.VBox(
            [
                widgets.HTML(
                    "<strong>Signs present in a made-up case</strong> "
                    "<em>(a teaching tool, not a diagnostic tool)</em>"
                ),
                widgets.GridBox(
                    list(self.sign_boxes.values()),
                    layout=widgets.Layout(
                        grid_template_columns="repeat(auto-fill, minmax(480px, 1fr))"
                    ),
                ),
            ],
            layout=widgets.Layout(width="100%"),
        )
        twitch_slider = labelled_slider(
            "Twitch has lasted (days)", 3.0, 0.0, TWITCH_DAYS_MAXIMUM, 1.0
        )
        cramp_slider = labelled_slider(
            "Longest cramp (minutes; 0 = no cramp)",
            0.0,
            0.0,
            CRAMP_MINUTES_MAXIMUM,
            0.5,
            readout_format=".1f",
        )
        self.level_figure = self._build_level_figure()
        self.duration_figure = self._build_duration_figure()
        note = widgets.HTML(f"<p><strong>Note.</strong> {html.escape(TEACHING_TOOL_NOTE)}</p>")
        note.add_class("lessons-sim-note")
        super().__init__(
            "Symptom checker (teaching tool)",
            {"signs": sign_panel, "twitch_days": twitch_slider, "cramp_minutes": cramp_slider},
            [self.level_figure, self.duration_figure],
            caption=(
                "Top: how many of the case's signs call for each level of care; the case goes "
                "to the most urgent level with any sign (the black triangle). Bottom: the "
                "durations against the NHS thresholds (twitch more than "
                f"{self.table.twitch_days.more_than:g} days, cramp more than "
                f"{self.table.cramp_minutes.more_than:g} minutes; NHS 2026a, 2026b). "
                "A teaching tool, not a diagnosis."
            ),
            extras=[note],
        )
        for box in self.sign_boxes.values():
            box.observe(self.redraw, names="value")
        twitch_slider.observe(self.redraw, names="value")
        cramp_slider.observe(self.redraw, names="value")
        self.redraw()

    # -- the rules ---------------------------------------------------------------------
    def ticked(self) -> tuple[str, ...]:
        """Ids of the signs ticked now."""
        return tuple(sign for sign, box in self.sign_boxes.items() if box.value)

    def present_signs(self) -> tuple[str, ...]:
        """Ticked signs plus the duration signs the rules add for the slider values."""
        twitch = triage([], twitch_days=self.controls["twitch_days"].value, table=self.table)
        cramp = triage([], cramp_minutes=self.controls["cramp_minutes"].value, table=self.table)
        return tuple(sorted({*self.ticked(), *twitch.signs, *cramp.signs}))

    def _triage(self) -> TriageResult:
        return triage(
            self.ticked(),
            twitch_days=self.controls["twitch_days"].value,
            cramp_minutes=self.controls["cramp_minutes"].value,
            table=self.table,
        )

    # -- redrawing ---------------------------------------------------------------------
    def redraw(self, _change: object = None) -> None:
        """Re-sort the case and update both figures and the readout in place."""
        self.result = result = self._triage()
        present = self.present_signs()
        counts = [
            sum(self.table.signs[sign].level == level for sign in present) for level in LEVELS
        ]
        decided = LEVELS.index(result.level)
        top = max(4, *counts) + 1.5
        with self.level_figure.batch_update():
            bars = self.level_figure.data[0]
            bars.y = counts
            bars.text = [str(count) for count in counts]
            bars.marker.opacity = [1.0 if i == decided else 0.35 for i in range(len(LEVELS))]
            bars.marker.line.width = [3 if i == decided else 0 for i in range(len(LEVELS))]
            marker = self.level_figure.data[1]
            marker.x = [LEVEL_SHORT_NAMES[result.level]]
            marker.y = [counts[decided] + 1.0]
            self.level_figure.layout.yaxis.range = [0, top]
        twitch_days = self.controls["twitch_days"].value
        cramp_minutes = self.controls["cramp_minutes"].value
        with self.duration_figure.batch_update():
            for trace, value, rule, unit in (
                (self.duration_figure.data[0], twitch_days, self.table.twitch_days, "days"),
                (self.duration_figure.data[1], cramp_minutes, self.table.cramp_minutes, "min"),
            ):
                over = value > rule.more_than
                level = self.table.signs[rule.sign].level if over else LEVELS[0]
                trace.x = [value]
                trace.marker.color = LEVEL_COLOURS[level]
                trace.text = [f"{value:g} {unit}: {'over' if over else 'not over'} the threshold"]
        self.readout.value = _result_html(result, self.table)

    # -- figures -----------------------------------------------------------------------
    @staticmethod
    def _build_level_figure() -> go.FigureWidget:
        names = [LEVEL_SHORT_NAMES[level] for level in LEVELS]
        return CourseFigure(
            data=[
                go.Bar(
                    x=names,
                    y=[0] * len(LEVELS),
                    name="Signs calling for this level",
                    marker={
                        "color": [LEVEL_COLOURS[level] for level in LEVELS],
                        "line": {"color": OKABE_ITO["black"], "width": [0] * len(LEVELS)},
                    },
                    text=["0"] * len(LEVELS),
                    textposition="outside",
                    hovertemplate="%{y} sign(s) call for %{x}<extra></extra>",
                    showlegend=False,
                ),
                go.Scatter(
                    x=[names[0]],
                    y=[1.0],
                    mode="markers+text",
                    name="Where the case is sorted",
                    marker={"symbol": "triangle-down", "size": 16, "color": OKABE_ITO["black"]},
                    text=["sorted here"],
                    textposition="top center",
                    hoverinfo="skip",
                ),
            ],
            layout={
                "height": 340,
                "title": {"text": "Signs in the case, by the level each calls for"},
                "showlegend": False,
                "xaxis": {
                    "title": {"text": "Level of care (category, least to most urgent)"},
                    "type": "category",
                    "categoryorder": "array",
                    "categoryarray": names,
                },
                "yaxis": {"title": {"text": "Signs present (count)"}, "range": [0, 5.5]},
            },
        )

    def _build_duration_figure(self) -> go.FigureWidget:
        figure = make_subplots(
            rows=2,
            cols=1,
            vertical_spacing=0.38,
            subplot_titles=("How long the twitch has lasted", "How long the longest cramp lasted"),
        )
        for row, rule, maximum, unit in (
            (1, self.table.twitch_days, TWITCH_DAYS_MAXIMUM, "days"),
            (2, self.table.cramp_minutes, CRAMP_MINUTES_MAXIMUM, "minutes"),
        ):
            figure.add_trace(
                go.Bar(
                    x=[0.0],
                    y=[""],
                    width=[0.5],
                    orientation="h",
                    marker={"color": LEVEL_COLOURS[LEVELS[0]]},
                    text=[""],
                    textposition="outside",
                    cliponaxis=False,
                    showlegend=False,
                    hovertemplate=f"%{{x}} {unit}<extra></extra>",
                ),
                row=row,
                col=1,
            )
            figure.add_vline(
                x=rule.more_than,
                line={"color": "#7F7F7F", "dash": "dash", "width": 2},
                annotation={"text": f"NHS threshold: {rule.more_than:g} {unit}"},
                annotation_position="top right",
                row=row,
                col=1,
            )
            figure.update_xaxes(title_text=f"Duration ({unit})", range=[0, maximum], row=row, col=1)
            # The bar fills the lower half of its panel, leaving room for the threshold label.
            figure.update_yaxes(visible=False, range=[-0.4, 0.9], row=row, col=1)
        figure.update_layout(
            {
                "height": 380,
                "title": {"text": "Durations against the NHS thresholds"},
                "margin": {"l": 30, "r": 40, "t": 80, "b": 50},
            }
        )
        return CourseFigure(figure)


def symptom_checker() -> SimulationApp:
    """The lesson's symptom-checker explorer (a teaching tool, not a diagnostic tool).

    Returns a :class:`SymptomChecker`; the annotation names its base class so that the
    course catalogue (``lessons.sims.catalogue``) finds the app and tests its controls.
    """
    return SymptomChecker()


def _result_html(result: TriageResult, table: TriageTable) -> str:
    label = next(level.label for level in table.levels if level.id == result.level)
    reasons = "".join(f"<li>{html.escape(reason)}</li>" for reason in result.reasons)
    return (
        f"<p><strong>The rules sort this case as: {html.escape(label)}.</strong> "
        f"{html.escape(result.advice)}</p><p>Why:</p><ul>{reasons}</ul>"
    )


# -- the symptom table -----------------------------------------------------------------------
@dataclass(frozen=True)
class SymptomTable:
    """The accompanying-symptoms table, most urgent first, shown as HTML in a notebook."""

    groups: tuple[tuple[str, str, tuple[Symptom, ...]], ...]

    def _repr_html_(self) -> str:
        rows = []
        for level, label, members in self.groups:
            colour = LEVEL_COLOURS[level]
            rows.append(
                f"<tr><th colspan='3' scope='rowgroup' style='text-align:left;"
                f"border-left:8px solid {colour};padding-left:6px'>{html.escape(label)}</th></tr>"
            )
            for symptom in members:
                sources = ", ".join(
                    f"<a href='#ref-{html.escape(key)}'>{html.escape(key)}</a>"
                    for key in symptom.references
                )
                rows.append(
                    f"<tr><td style='text-align:left'>{html.escape(symptom.name)}</td>"
                    f"<td style='text-align:left'>{html.escape(symptom.may_suggest)}</td>"
                    f"<td style='text-align:left'>{sources}</td></tr>"
                )
        return (
            "<table class='lessons-symptom-table'><caption>Symptoms that may come with "
            "muscle twitches, grouped by how urgently they need care (most urgent first)"
            "</caption><thead><tr><th scope='col'>Symptom</th>"
            "<th scope='col'>What it may suggest</th><th scope='col'>Sources</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )

    @property
    def references(self) -> tuple[str, ...]:
        """Every citation key the table shows, once each, in order of first use."""
        keys = [key for _, _, members in self.groups for s in members for key in s.references]
        return tuple(dict.fromkeys(keys))

    def __repr__(self) -> str:
        count = sum(len(members) for _, _, members in self.groups)
        return f"<SymptomTable: {count} symptoms that may come with twitches>"


def symptom_table(rows: Sequence[Symptom] | None = None) -> SymptomTable:
    """The table of ``data/symptoms.yaml``, grouped by urgency, most urgent first."""
    table = triage_table()
    labels = {level.id: level.label for level in table.levels}
    grouped = symptoms_by_urgency(tuple(rows) if rows is not None else symptoms())
    return SymptomTable(
        tuple((level, labels[level], members) for level, members in grouped.items() if members)
    )
