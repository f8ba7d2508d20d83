"""Quizzes and the progress dashboard as static HTML, for the course site (``LESSONS_STATIC=1``).

A page without a kernel cannot check answers, and must not give them away: it shows each
question's prompt and its options (in the order the live quiz shows them) with no mark of
which is right and no feedback, and sends the reader to the live version to answer.
"""

from __future__ import annotations

import html

from lessons.quiz.markdown import render_markdown
from lessons.quiz.schema import ClassificationQuestion, NumericQuestion
from lessons.quiz.state import QuestionState
from lessons.static_mode import live_note_html

STATIC_CLASS = "lessons-quiz-static"

_HINTS = {
    "single_choice": "Choose one answer.",
    "triage_case": "Choose the level of care this case needs.",
    "multiple_select": "Tick every answer that applies.",
    "numeric": "Type a number.",
    "classification": "Choose a category for each item.",
}


def question_static_html(state: QuestionState, number: int, total: int) -> str:
    """One question: its prompt, what kind of answer it wants, and its options."""
    question = state.question
    parts = [
        f"<p><strong>Question {number} of {total}</strong></p>",
        render_markdown(question.prompt),
        f"<p><em>{_HINTS[state.kind]}</em></p>",
    ]
    if state.options:
        parts.append(
            "<ul>" + "".join(f"<li>{html.escape(o.text)}</li>" for o in state.options) + "</ul>"
        )
    elif isinstance(question, NumericQuestion):
        unit = f" (in {html.escape(question.unit)})" if question.unit else ""
        parts.append(f"<p>Your answer: a number{unit}.</p>")
    elif isinstance(question, ClassificationQuestion):
        categories = ", ".join(html.escape(c.label) for c in question.categories)
        parts.append(f"<p>Categories: {categories}.</p>")
        parts.append(
            "<ul>" + "".join(f"<li>{html.escape(i.text)}</li>" for i in state.items) + "</ul>"
        )
    return f'<div class="lessons-quiz">{"".join(parts)}</div>'


def quiz_static_html(title: str, questions: tuple[QuestionState, ...], intro: str = "") -> str:
    """A whole quiz without answers or feedback, with the link to answer it live."""
    total = len(questions)
    body = "".join(
        question_static_html(state, number, total)
        for number, state in enumerate(questions, start=1)
    )
    note = live_note_html(
        "Answer this quiz in the live version.", "check your answers and read the feedback"
    )
    return (
        f'<div class="lessons-quiz-lesson {STATIC_CLASS}">'
        f"<h3>Quiz: {html.escape(title)}</h3>{intro and f'<p>{html.escape(intro)}</p>'}"
        f"{note}{body}{note}</div>"
    )


def dashboard_static_html() -> str:
    """The progress dashboard has nothing to show without the student's own progress file."""
    note = live_note_html(
        "Your progress and the Export button are in the live version.",
        "see your progress and export your results",
    )
    return (
        f'<div class="lessons-progress-dashboard {STATIC_CLASS}"><h3>Your progress</h3>{note}</div>'
    )


def prediction_static_html(state) -> str:  # state: lessons.quiz.prediction.PredictionState
    """A prediction on the site: the question and its options, nothing about the outcome."""
    question = state.question
    parts = ["<p><strong>Your prediction</strong></p>", render_markdown(question.prompt)]
    if state.options:
        parts.append(
            "<ul>" + "".join(f"<li>{html.escape(o.text)}</li>" for o in state.options) + "</ul>"
        )
    else:
        unit = f" (in {html.escape(question.unit)})" if question.unit else ""
        parts.append(f"<p>Your estimate: a number{unit}.</p>")
    note = live_note_html(
        "Make this prediction in the live version.", "lock it in and compare it with the experiment"
    )
    return f'<div class="lessons-prediction {STATIC_CLASS}">{"".join(parts)}{note}</div>'


def written_static_html(question) -> str:  # question: lessons.quiz.schema.WrittenQuestion
    """A written question on the site: the task only (the model answer comes after writing)."""
    note = live_note_html(
        "Write your answer in the live version.", "save it and compare it with a model answer"
    )
    return (
        f'<div class="lessons-written {STATIC_CLASS}"><p><strong>Explain in your own '
        f"words</strong></p>{render_markdown(question.prompt)}{note}</div>"
    )
