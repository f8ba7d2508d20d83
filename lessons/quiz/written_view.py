"""ipywidgets for a written explanation: a text box, Save, then a model answer and a rubric.

The view holds no rules: each click calls ``WrittenState`` and the view re-renders from it.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from lessons.controls.reflow import ReflowStyle
from lessons.quiz.markdown import render_markdown
from lessons.quiz.written import WrittenState

WRITTEN_CLASS = "lessons-written"
MODEL_ANSWER_CLASS = "lessons-written-model"
STATUS_CLASS = "lessons-written-status"


class WrittenView:
    """The widgets of one written question, kept in step with its ``WrittenState``."""

    def __init__(self, state: WrittenState) -> None:
        self.state = state
        self._syncing = False
        question = state.question
        self.prompt = widgets.HTMLMath(
            "<strong>Explain in your own words</strong>"
            f"{render_markdown(question.prompt)}"
            f"<p><em>Write at least {question.min_words} words, then save. The model answer "
            "and a checklist appear after you save.</em></p>"
        )
        self.text_box = widgets.Textarea(
            value=state.text,
            placeholder="Your explanation",
            description="Your answer",
            continuous_update=False,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="100%", max_width="44em", height="8em"),
        )
        self.text_box.observe(self._on_text, names="value")
        self.save_button = widgets.Button(
            description="Save my answer", button_style="primary", layout={"width": "auto"}
        )
        self.status = widgets.HTML("")
        self.status.add_class(STATUS_CLASS)
        self.model_answer = widgets.HTMLMath("")
        self.model_answer.add_class(MODEL_ANSWER_CLASS)
        self.rubric = self._build_rubric()
        self.container = widgets.VBox(
            [
                self.prompt,
                self.text_box,
                self.save_button,
                self.status,
                self.model_answer,
                self.rubric,
                ReflowStyle(),
            ]
        )
        self.container.add_class(WRITTEN_CLASS)
        self.save_button.on_click(lambda _button: self._save())
        self.check_button.on_click(lambda _button: self.state.save_check())
        state.subscribe(lambda _state: self._render())
        self._render()

    def _build_rubric(self) -> widgets.VBox:
        """The rubric's points as tick boxes, and the button that saves the ticks."""
        self.points = {
            point.id: widgets.Checkbox(
                value=point.id in self.state.ticked,
                description=point.text,
                indent=False,
                layout=widgets.Layout(width="auto"),
            )
            for point in self.state.question.rubric
        }
        for box in self.points.values():
            box.observe(self._on_tick, names="value")
        self.check_button = widgets.Button(
            description="Save my check", tooltip="Save which points your answer made"
        )
        return widgets.VBox(
            [
                widgets.HTML("<p><strong>Which points did your answer make?</strong></p>"),
                *self.points.values(),
                self.check_button,
            ]
        )

    def _on_text(self, change: dict) -> None:
        if not self._syncing:
            self.state.write(change["new"])

    def _on_tick(self, _change: dict) -> None:
        if not self._syncing:
            self.state.tick([pid for pid, box in self.points.items() if box.value])

    def _save(self) -> None:
        self.state.write(self.text_box.value)
        self.state.save()

    def _render(self) -> None:
        state = self.state
        self._syncing = True
        try:
            if self.text_box.value != state.text:
                self.text_box.value = state.text
            for point_id, box in self.points.items():
                box.value = point_id in state.ticked
        finally:
            self._syncing = False
        parts = []
        if state.saved:
            when = "Your check is saved." if state.checked else "Your answer is saved."
            parts.append(f"<p>{when} You can still improve it and save again.</p>")
        if state.notice:
            parts.append(f"<p><strong>Note:</strong> {html.escape(state.notice)}</p>")
        self.status.value = "".join(parts)
        self.model_answer.value = (
            "<p><strong>A model answer</strong></p>" + render_markdown(state.question.model_answer)
            if state.saved
            else ""
        )
        self.rubric.layout.display = None if state.saved else "none"
