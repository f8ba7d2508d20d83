"""ipywidgets for a recorded prediction: choose, lock in, then compare with the experiment.

Like ``QuestionView`` the view holds no rules: each click calls ``PredictionState`` and the
view re-renders from it, so a headless test and a student's clicks take the same path.
"""

from __future__ import annotations

import html
import uuid

import ipywidgets as widgets

from lessons.controls import RadioGroup
from lessons.controls.reflow import ReflowStyle
from lessons.quiz.markdown import render_markdown
from lessons.quiz.prediction import PredictionState

PREDICTION_CLASS = "lessons-prediction"
STATUS_CLASS = "lessons-prediction-status"
COMPARISON_CLASS = "lessons-prediction-comparison"


class PredictionView:
    """The widgets of one prediction, kept in step with its ``PredictionState``."""

    def __init__(self, state: PredictionState) -> None:
        self.state = state
        self._syncing = False
        question = state.question
        how = "Choose one answer" if question.choices is not None else "Type your estimate"
        self.prompt_id = f"lessons-prediction-prompt-{uuid.uuid4().hex[:12]}"
        self.prompt = widgets.HTMLMath(
            "<strong>Your prediction</strong>"
            f'<div id="{self.prompt_id}">{render_markdown(question.prompt)}</div>'
            f"<p><em>{how}, then lock it in before you run the experiment.</em></p>"
        )
        self.radio: RadioGroup | None = None
        self.number_input: widgets.Text | None = None
        inputs = self._build_inputs()
        self.lock_button = widgets.Button(
            description="Lock in my prediction",
            button_style="primary",
            tooltip="Save your prediction; it cannot change afterwards",
            layout=widgets.Layout(width="auto"),
        )
        self.compare_button = widgets.Button(
            description="Compare with the experiment",
            tooltip="After running the experiment: see how your prediction fared",
            layout=widgets.Layout(width="auto"),
        )
        self.status = widgets.HTML("")
        self.status.add_class(STATUS_CLASS)
        self.comparison = widgets.HTMLMath("")
        self.comparison.add_class(COMPARISON_CLASS)
        self.container = widgets.VBox(
            [
                self.prompt,
                inputs,
                widgets.HBox([self.lock_button, self.compare_button]),
                self.status,
                self.comparison,
                ReflowStyle(),
            ]
        )
        self.container.add_class(PREDICTION_CLASS)
        self.lock_button.on_click(lambda _button: self.state.lock())
        self.compare_button.on_click(lambda _button: self._compare())
        state.subscribe(lambda _state: self._render())
        self._render()

    def _build_inputs(self) -> widgets.Widget:
        question = self.state.question
        if question.choices is not None:
            self.radio = RadioGroup(
                options=[(choice.text, choice.id) for choice in self.state.options],
                value=self.state.selection,
                description="Your prediction",
                labelledby=self.prompt_id,
                layout=widgets.Layout(width="auto"),
            )
            self.radio.observe(self._on_input, names="value")
            return self.radio
        selection = self.state.selection
        self.number_input = widgets.Text(
            value="" if selection is None else f"{selection:g}",
            placeholder="a number, e.g. 12.5",
            description="Your estimate",
            continuous_update=False,
            style={"description_width": "initial"},
        )
        self.number_input.observe(self._on_input, names="value")
        return widgets.HBox([self.number_input, widgets.Label(question.unit)])

    def _on_input(self, _change: dict) -> None:
        if self._syncing or self.state.locked:
            return
        source = self.radio if self.radio is not None else self.number_input
        self.state.select(source.value if source is not None else None)

    def _compare(self) -> None:
        if self.state.locked:
            self.state.compare()

    def _render(self) -> None:
        state = self.state
        locked = state.locked
        self._syncing = True
        try:
            for widget in (self.radio, self.number_input):
                if widget is not None:
                    widget.disabled = locked
            if locked and self.radio is not None:
                self.radio.value = state.locked_answer
        finally:
            self._syncing = False
        self.lock_button.disabled = locked
        self.compare_button.disabled = not locked or state.compared
        notice = (
            f"<p><strong>Note:</strong> {html.escape(state.notice)}</p>" if state.notice else ""
        )
        if locked:
            self.status.value = (
                f"<p>Locked: you predicted <strong>{html.escape(state.answer_text())}</strong>. "
                "Run the experiment, then press <em>Compare with the experiment</em>.</p>" + notice
            )
        else:
            self.status.value = notice
        self.comparison.value = render_markdown(state.comparison()) if state.compared else ""
