"""The instructors' answer key, generated from the question banks so it can never go stale.

python -m lessons.quiz answer-key                  # every bank, Markdown on stdout
python -m lessons.quiz answer-key --output key.md  # to a file
"""

from __future__ import annotations

from collections.abc import Iterable

from lessons.quiz.schema import (
    Bank,
    ClassificationQuestion,
    MultipleSelectQuestion,
    NumericQuestion,
    PredictionQuestion,
    SingleChoiceQuestion,
    WrittenQuestion,
)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def answer_lines(question) -> list[str]:
    """The right answer of one question, as Markdown bullet lines."""
    if isinstance(question, PredictionQuestion):
        return _prediction_lines(question)
    if isinstance(question, WrittenQuestion):
        return [
            f"- *Model answer:* {_one_line(question.model_answer)}",
            *(f"- [ ] {_one_line(point.text)}" for point in question.rubric),
        ]
    if isinstance(question, SingleChoiceQuestion | MultipleSelectQuestion):
        return [
            f"- {'**[x]**' if choice.correct else '[ ]'} {_one_line(choice.text)}"
            for choice in question.choices
        ]
    if isinstance(question, NumericQuestion):
        low, high = question.accepted_range()
        unit = f" {question.unit}" if question.unit else ""
        return [f"- **{question.answer:g}{unit}** (accepted: {low:g} to {high:g}{unit})"]
    if isinstance(question, ClassificationQuestion):
        labels = {category.id: category.label for category in question.categories}
        return [
            f"- {_one_line(item.text)} → **{labels[item.category]}**" for item in question.items
        ]
    raise TypeError(f"no answer-key rule for question type {type(question).__name__}")


def _prediction_lines(question: PredictionQuestion) -> list[str]:
    lines = [f"- *Experiment:* `{question.experiment}`; *it shows:* {_one_line(question.result)}"]
    if question.choices is not None:
        lines += [
            f"- {'**[x]**' if choice.correct else '[ ]'} {_one_line(choice.text)}"
            for choice in question.choices
        ]
    elif question.answer is not None and question.tolerance is not None:
        width = question.tolerance.half_width(question.answer)
        unit = f" {question.unit}" if question.unit else ""
        lines.append(f"- **{question.answer:g}{unit}** (a prediction within ±{width:g}{unit})")
    return lines


def answer_key(banks: Iterable[Bank]) -> str:
    """A Markdown answer key: per lesson, per question, the prompt, the answer and objective."""
    parts = ["# Answer key", "", "Generated from `data/quizzes/`; do not edit by hand.", ""]
    for bank in banks:
        parts += [f"## {bank.lesson}: {bank.title}", ""]
        if bank.draw is not None:
            pool = sum(1 for question in bank.questions if question.group is None)
            parts += [f"Each student is shown {bank.draw} of the {pool} questions below.", ""]
        for number, question in enumerate(bank.questions, start=1):
            objective = bank.objectives.get(question.objective, question.objective)
            parts += [
                f"### {number}. `{question.id}` ({question.type.replace('_', ' ')}, "
                f"{question.kind})",
                "",
                _one_line(question.prompt),
                "",
                *answer_lines(question),
                "",
                f"*Objective:* {objective}  ",
                f"*Why:* {_one_line(question.explanation)}",
                "",
            ]
    return "\n".join(parts)
