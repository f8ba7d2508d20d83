"""Class results for recorded predictions and written explanations.

Which predictions most of the class gets wrong shows what to teach before an experiment;
the written explanations themselves are what an instructor reads to see understanding. Both
come from the same exports as the item analysis; texts are escaped, never rendered.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

from lessons.quiz.schema import Bank, WrittenQuestion

MAX_TEXT_SHOWN = 1500  # characters of one written answer shown in the table


@dataclass(frozen=True)
class WrittenRow:
    """One student's written answer to one question, with the rubric points they ticked."""

    lesson: str
    question_id: str
    student: str
    text: str
    ticked: tuple[str, ...]
    rubric_size: int


def predictions_html(items: Iterable) -> str:
    """Predictions, least often right first: the commonest wrong prediction of each."""
    shown = sorted(
        (stats for stats in items if stats.kind == "prediction"),
        key=lambda stats: (stats.share_correct, stats.lesson, stats.question_id),
    )
    if not shown:
        return "<p><strong>Predictions</strong>: none recorded yet.</p>"
    rows = []
    for stats in shown:
        question = html.escape(stats.question_id)
        if stats.prompt:
            question += f"<br><small>{html.escape(stats.prompt)}</small>"
        wrong = "none"
        if stats.most_chosen_wrong:
            label = stats.most_chosen_wrong_label or stats.most_chosen_wrong
            wrong = f"{html.escape(label)} ({stats.most_chosen_wrong_count})"
        rows.append(
            f"<tr><td>{html.escape(stats.lesson)}</td><td>{question}</td>"
            f"<td>{stats.students}</td><td>{stats.share_correct:.0%} "
            f"({stats.first_try_correct})</td><td>{wrong}</td></tr>"
        )
    head = "".join(
        f'<th scope="col">{h}</th>'
        for h in ("Lesson", "Prediction", "Students", "Right", "Commonest wrong prediction")
    )
    return (
        '<table class="lessons-table"><caption>Predictions, least often right first'
        f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def written_html(rows: Iterable[WrittenRow]) -> str:
    """Every written answer, by question, with the points the student ticked."""
    rows = sorted(rows, key=lambda row: (row.lesson, row.question_id, row.student))
    if not rows:
        return "<p><strong>Written answers</strong>: none handed in yet.</p>"
    body = []
    for row in rows:
        text = row.text if len(row.text) <= MAX_TEXT_SHOWN else row.text[:MAX_TEXT_SHOWN] + "…"
        ticked = ", ".join(html.escape(point) for point in row.ticked) or "none"
        body.append(
            f"<tr><td>{html.escape(row.lesson)}: {html.escape(row.question_id)}</td>"
            f"<td>{html.escape(row.student)}</td><td>{html.escape(text)}</td>"
            f"<td>{len(row.ticked)} of {row.rubric_size}: {ticked}</td></tr>"
        )
    head = "".join(
        f'<th scope="col">{h}</th>'
        for h in ("Question", "Student", "Answer", "Rubric points ticked")
    )
    return (
        '<table class="lessons-table"><caption>Written answers</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def written_row(bank: Bank, question_id: str, record: dict, student: str) -> list[WrittenRow]:
    """The written answer in one export record, as a table row (none if not written)."""
    question = next(q for q in bank.questions if q.id == question_id)
    text = record.get("written_answer")
    if not isinstance(question, WrittenQuestion) or not isinstance(text, str) or not text:
        return []
    points = [point.id for point in question.rubric]
    ticked = tuple(point for point in points if point in set(record.get("rubric_ticked", [])))
    return [WrittenRow(bank.lesson, question_id, student, text, ticked, len(points))]
