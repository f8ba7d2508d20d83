"""Grade one answer to one question and write the feedback for it.

Pure functions of (question, answer): no widgets, no files, no clock, so every rule about
what counts as right and what the student is told can be tested directly.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from lessons.quiz.schema import (
    Choice,
    ClassificationQuestion,
    Item,
    MultipleSelectQuestion,
    NumericQuestion,
    SingleChoiceQuestion,
)

AnyQuestion = (
    SingleChoiceQuestion | MultipleSelectQuestion | NumericQuestion | ClassificationQuestion
)
Status = Literal["correct", "incorrect", "invalid"]

RIGHT = "✓"
WRONG = "✗"


@dataclass(frozen=True)
class Grade:
    """The verdict on one answer.

    ``status`` is ``"invalid"`` when the answer cannot be graded (nothing chosen, not a
    number); such an answer is not counted as an attempt. ``answer`` is the answer in the
    JSON form stored in progress files; ``wrong_options`` names what was wrong (choice ids,
    a numeric misconception id or ``too-high``/``too-low``, ``item->category`` pairs), which
    the class item analysis counts.
    """

    status: Status
    feedback: str
    answer: object = None
    wrong_options: tuple[str, ...] = ()

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    @property
    def counted(self) -> bool:
        return self.status != "invalid"


def display_order(question_id: str, ids: Sequence[str], shuffle: bool = True) -> tuple[str, ...]:
    """``ids`` in a shuffled order that depends only on the question id (stable across runs)."""
    if not shuffle:
        return tuple(ids)

    def key(option_id: str) -> str:
        return hashlib.sha256(f"{question_id}\x00{option_id}".encode()).hexdigest()

    return tuple(sorted(ids, key=key))


def grade(question: AnyQuestion, answer: object) -> Grade:
    """Grade ``answer`` (the form depends on the question type; see ``QuestionState.select``)."""
    if isinstance(question, SingleChoiceQuestion):
        return grade_single_choice(question, answer)
    if isinstance(question, MultipleSelectQuestion):
        return grade_multiple_select(question, answer)
    if isinstance(question, NumericQuestion):
        return grade_numeric(question, answer)
    return grade_classification(question, answer)


def _headline(correct: bool) -> str:
    return f"**{RIGHT} Right.**" if correct else f"**{WRONG} Not quite.**"


def grade_single_choice(question: SingleChoiceQuestion, answer: object) -> Grade:
    if answer is None or answer == "":
        return Grade("invalid", "Choose an option first, then press **Check**.")
    choice = _choice(question.choices, str(answer))
    verdict = "correct" if choice.correct else "incorrect"
    feedback = f"{_headline(choice.correct)} {choice.feedback}"
    wrong = () if choice.correct else (choice.id,)
    return Grade(verdict, feedback, choice.id, wrong)


def grade_multiple_select(question: MultipleSelectQuestion, answer: object) -> Grade:
    chosen = set(answer or ())
    if not chosen:
        return Grade("invalid", "Tick every option that applies, then press **Check**.")
    by_id = {choice.id: choice for choice in question.choices}
    unknown = chosen - set(by_id)
    if unknown:
        raise ValueError(f"answer: unknown choice ids {sorted(unknown)} for {question.id!r}")
    order = display_order(question.id, list(by_id), question.shuffle)
    picked = [by_id[choice_id] for choice_id in order if choice_id in chosen]
    wrongly_picked = tuple(choice.id for choice in picked if not choice.correct)
    missed = [choice for choice in question.choices if choice.correct and choice.id not in chosen]
    correct = not wrongly_picked and not missed
    lines = [_headline(correct), ""]
    for choice in picked:
        mark = RIGHT if choice.correct else WRONG
        lines.append(f"- {mark} *{choice.text}*: {choice.feedback}")
    if missed:
        count = len(missed)
        lines += [
            "",
            f"{count} more option{'s' if count > 1 else ''} also appl"
            f"{'y' if count > 1 else 'ies'}: look again.",
        ]
    answer_json = sorted(chosen, key=order.index)
    return Grade(
        "correct" if correct else "incorrect", "\n".join(lines), answer_json, wrongly_picked
    )


_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


def parse_number(text: object, unit: str = "") -> float | None:
    """A finite number from what a student typed (``38.3``, ``38,3``, ``38.3 °C``), else None."""
    if isinstance(text, bool):
        return None
    if isinstance(text, int | float):
        return float(text) if math.isfinite(text) else None
    if not isinstance(text, str):
        return None
    cleaned = text.strip().replace("−", "-").replace(" ", "")
    if unit:
        cleaned = cleaned.removesuffix(unit.replace(" ", ""))
    if not _NUMBER.match(cleaned):
        return None
    value = float(cleaned.replace(",", "."))
    return value if math.isfinite(value) else None


def grade_numeric(question: NumericQuestion, answer: object) -> Grade:
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return Grade("invalid", "Type a number, then press **Check**.")
    value = parse_number(answer, question.unit)
    if value is None:
        unit = f" (in {question.unit})" if question.unit else ""
        return Grade(
            "invalid",
            f"**{_escape_markdown(str(answer))}** is not a number. Type digits only{unit}, "
            "e.g. `12.5`.",
        )
    low, high = question.accepted_range()
    if low <= value <= high:
        return Grade("correct", f"{_headline(True)} {question.feedback.correct}", value)
    for mistake in question.misconceptions:
        if mistake.min <= value <= mistake.max:
            return Grade(
                "incorrect", f"{_headline(False)} {mistake.feedback}", value, (mistake.id,)
            )
    if value > high:
        return Grade(
            "incorrect", f"{_headline(False)} {question.feedback.too_high}", value, ("too-high",)
        )
    return Grade(
        "incorrect", f"{_headline(False)} {question.feedback.too_low}", value, ("too-low",)
    )


def grade_classification(question: ClassificationQuestion, answer: object) -> Grade:
    sorted_items: Mapping[str, str | None] = dict(answer or {})
    labels = {category.id: category.label for category in question.categories}
    unsorted = [item for item in question.items if not sorted_items.get(item.id)]
    if unsorted:
        count = len(unsorted)
        return Grade(
            "invalid",
            f"Sort every item into a category first ({count} still to sort), then press **Check**.",
        )
    by_id = {item.id: item for item in question.items}
    order = display_order(question.id, list(by_id), question.shuffle)
    lines: list[str] = []
    wrong: list[str] = []
    for item_id in order:
        item: Item = by_id[item_id]
        chosen = str(sorted_items[item_id])
        if chosen not in labels:
            raise ValueError(f"answer: unknown category {chosen!r} for item {item_id!r}")
        if chosen == item.category:
            lines.append(f"- {RIGHT} *{item.text}*: {item.feedback}")
        else:
            wrong.append(f"{item.id}->{chosen}")
            lines.append(
                f"- {WRONG} *{item.text}* is not \u201c{labels[chosen]}\u201d. {item.feedback}"
            )
    correct = not wrong
    headline = _headline(correct)
    if not correct:
        headline += f" {len(wrong)} of {len(order)} items are in the wrong category."
    answer_json = {item_id: str(sorted_items[item_id]) for item_id in order}
    return Grade(
        "correct" if correct else "incorrect",
        "\n".join([headline, "", *lines]),
        answer_json,
        tuple(wrong),
    )


def _escape_markdown(text: str) -> str:
    """Show what the student typed literally, whatever Markdown it happens to contain."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!<>|$~])", r"\\\1", text[:40])


def _choice(choices: Sequence[Choice], choice_id: str) -> Choice:
    for choice in choices:
        if choice.id == choice_id:
            return choice
    known = ", ".join(choice.id for choice in choices)
    raise ValueError(f"answer: unknown choice id {choice_id!r}; expected one of {known}")
