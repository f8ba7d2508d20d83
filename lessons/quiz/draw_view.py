"""The row above a drawn quiz: who the student is, and the button that draws their questions."""

from __future__ import annotations

import html

import ipywidgets as widgets

DRAW_CLASS = "lessons-quiz-draw"


def draw_panel(quiz) -> widgets.Widget:  # quiz: lessons.quiz.quiz.Quiz with a drawn bank
    """Student id box and Draw button; the quiz redraws itself when the button is pressed."""
    bank = quiz.bank
    id_input = widgets.Text(
        value=quiz.student_key or "",
        description="Student id (or name)",
        placeholder="as your teacher asks",
        style={"description_width": "initial"},
    )
    button = widgets.Button(
        description="Show my questions",
        button_style="" if quiz.student_key else "primary",
        layout=widgets.Layout(width="auto"),
    )
    if quiz.student_key:
        message = (
            f"Your {bank.draw} questions, drawn for <strong>{html.escape(quiz.student_key)}"
            "</strong>. They stay the same when you reload. A different id draws other "
            "questions."
        )
    else:
        message = (
            f"This quiz draws {bank.draw} questions for you from a pool of "
            f"{sum(1 for q in bank.questions if q.group is None)}, covering every objective. "
            "Type your student id (or your name) and press <em>Show my questions</em>."
        )
    status = widgets.HTML(f"<p>{message}</p>")

    def draw(_button: widgets.Button) -> None:
        try:
            quiz.draw_for(id_input.value)
        except ValueError:
            status.value = "<p><strong>Type your student id or name first.</strong></p>"

    button.on_click(draw)
    panel = widgets.VBox([status, widgets.HBox([id_input, button])])
    panel.add_class(DRAW_CLASS)
    return panel
