"""ipywidgets for one question: prompt, labelled native inputs, Check, feedback, explanation.

The view holds no rules of its own: every click calls ``QuestionState`` and the view
re-renders from the state, so what a test drives headlessly is what a student clicks.
"""

from __future__ import annotations

import html
import uuid

import ipywidgets as widgets

from lessons.controls import KeyScope, RadioGroup
from lessons.quiz.markdown import render_markdown
from lessons.quiz.schema import (
    ClassificationQuestion,
    MultipleSelectQuestion,
    NumericQuestion,
    SingleChoiceQuestion,
)
from lessons.quiz.state import Event, QuestionState

QUESTION_CLASS = "lessons-quiz"
FEEDBACK_CLASS = "lessons-quiz-feedback"
EXPLANATION_CLASS = "lessons-quiz-explanation"
NOT_SORTED = "Choose a category"

_HINTS = {
    "single_choice": "Choose one answer.",
    "triage_case": "Choose the level of care this case needs.",
    "multiple_select": "Tick every answer that applies.",
    "numeric": "Type a number.",
    "classification": "Choose a category for each item.",
}


class QuestionView:
    """The widgets of one question, kept in step with its ``QuestionState``."""

    def __init__(self, state: QuestionState, number: int | None = None, total: int | None = None):
        self.state = state
        self._syncing = False
        title = f"Question {number} of {total}" if number and total else "Question"
        # The radio group is named by the question it answers (aria-labelledby this id).
        self.prompt_id = f"lessons-quiz-prompt-{uuid.uuid4().hex[:12]}"
        self.prompt = widgets.HTMLMath(
            f"<strong>{html.escape(title)}</strong>"
            f'<div id="{self.prompt_id}">{render_markdown(state.question.prompt)}</div>'
            f"<p><em>{_HINTS[state.kind]}</em></p>"
        )
        self.radio: RadioGroup | None = None
        self.checkboxes: dict[str, widgets.Checkbox] = {}
        self.number_input: widgets.Text | None = None
        self.dropdowns: dict[str, widgets.Dropdown] = {}
        inputs = self._build_inputs()
        self.check_button = widgets.Button(
            description="Check", button_style="primary", tooltip="Check your answer"
        )
        self.try_again_button = widgets.Button(
            description="Try again", tooltip="Clear your answer and the feedback"
        )
        self.explanation_button = widgets.Button(
            description="Show explanation", tooltip="Give up and read the explanation"
        )
        self.feedback = widgets.HTMLMath("")
        self.feedback.add_class(FEEDBACK_CLASS)
        self.explanation = widgets.HTMLMath("")
        self.explanation.add_class(EXPLANATION_CLASS)
        self.container = widgets.VBox(
            [
                self.prompt,
                inputs,
                widgets.HBox([self.check_button, self.try_again_button, self.explanation_button]),
                self.feedback,
                self.explanation,
                KeyScope(),  # arrows on a dropdown choose, not move to another cell
            ]
        )
        self.container.add_class(QUESTION_CLASS)
        self.check_button.on_click(lambda _button: self.state.check())
        self.try_again_button.on_click(lambda _button: self.state.try_again())
        self.explanation_button.on_click(lambda _button: self.state.give_up())
        state.subscribe(self._on_state)
        self._render()

    # -- inputs ------------------------------------------------------------------------
    def _build_inputs(self) -> widgets.Widget:
        question = self.state.question
        if isinstance(question, SingleChoiceQuestion):
            # One tab stop, arrow keys choose (native radios sharing a name).
            self.radio = RadioGroup(
                options=[(choice.text, choice.id) for choice in self.state.options],
                value=None,
                description="Your answer",
                labelledby=self.prompt_id,
                layout=widgets.Layout(width="auto"),
            )
            self.radio.observe(self._on_input, names="value")
            return self.radio
        if isinstance(question, MultipleSelectQuestion):
            for choice in self.state.options:
                box = widgets.Checkbox(
                    value=False,
                    description=choice.text,
                    indent=False,
                    layout=widgets.Layout(width="auto"),
                )
                box.observe(self._on_input, names="value")
                self.checkboxes[choice.id] = box
            return widgets.VBox(list(self.checkboxes.values()))
        if isinstance(question, NumericQuestion):
            self.number_input = widgets.Text(
                value="",
                placeholder="a number, e.g. 12.5",
                description="Your answer",
                continuous_update=False,
                style={"description_width": "initial"},
            )
            self.number_input.observe(self._on_input, names="value")
            unit = widgets.Label(question.unit) if question.unit else widgets.Label("")
            return widgets.HBox([self.number_input, unit])
        assert isinstance(question, ClassificationQuestion)
        options = [(NOT_SORTED, None)] + [(c.label, c.id) for c in question.categories]
        for item in self.state.items:
            dropdown = widgets.Dropdown(
                options=options,
                value=None,
                description=item.text,
                style={"description_width": "initial"},
                layout=widgets.Layout(width="auto"),
            )
            dropdown.observe(self._on_input, names="value")
            self.dropdowns[item.id] = dropdown
        return widgets.VBox(list(self.dropdowns.values()))

    def _on_input(self, _change: dict) -> None:
        if self._syncing:
            return
        state = self.state
        if self.radio is not None:
            state.select(self.radio.value)
        elif self.checkboxes:
            state.select([cid for cid, box in self.checkboxes.items() if box.value])
        elif self.number_input is not None:
            state.select(self.number_input.value)
        else:
            state.select({item_id: d.value for item_id, d in self.dropdowns.items()})

    def _sync_inputs(self) -> None:
        """Show the state's selection in the inputs (after Try again or a headless select)."""
        selection = self.state.selection
        self._syncing = True
        try:
            if self.radio is not None:
                self.radio.value = selection
            elif self.checkboxes:
                for choice_id, box in self.checkboxes.items():
                    box.value = choice_id in (selection or ())
            elif self.number_input is not None:
                self.number_input.value = "" if selection is None else str(selection)
            else:
                for item_id, dropdown in self.dropdowns.items():
                    dropdown.value = (selection or {}).get(item_id)
        finally:
            self._syncing = False

    def _inputs(self) -> list[widgets.Widget]:
        found: list[widgets.Widget] = [*self.checkboxes.values(), *self.dropdowns.values()]
        found += [w for w in (self.radio, self.number_input) if w is not None]
        return found

    # -- rendering ---------------------------------------------------------------------
    def _on_state(self, event: Event, _state: QuestionState) -> None:
        if event in ("select", "try_again"):
            self._sync_inputs()
        self._render()

    def _render(self) -> None:
        state = self.state
        result = state.last_result
        parts = []
        if result is not None:
            parts.append(render_markdown(result.feedback))
        if state.notice:
            parts.append(f"<p><strong>Note:</strong> {html.escape(state.notice)}</p>")
        self.feedback.value = "".join(parts)
        show_explanation = state.showing_explanation
        self.explanation.value = _explanation_html(state) if show_explanation else ""
        finished = state.finished
        for widget in self._inputs():
            widget.disabled = finished
        self.check_button.disabled = finished
        self.try_again_button.disabled = result is None and not finished
        self.explanation_button.disabled = show_explanation


def _explanation_html(state: QuestionState) -> str:
    from lessons.content.references import references

    table = references()
    sources = []
    for key in state.question.references:
        entry = table.get(key)
        if entry is None:
            continue
        text = html.escape(entry.citation())
        link = entry.link()
        if link and link.startswith(("https://", "http://")):
            text += f' <a href="{html.escape(link)}" target="_blank" rel="noopener">link</a>'
        sources.append(f"<li>{text}</li>")
    source_list = f"<p>Sources:</p><ul>{''.join(sources)}</ul>" if sources else ""
    return (
        f"<p><strong>Explanation</strong></p>{render_markdown(state.question.explanation)}"
        f"{source_list}"
    )
