"""One question being answered, without any widget: the model that the buttons drive.

``QuestionState`` mirrors the clicks a student makes (choose, Check, Try again, Show
explanation). The widget calls exactly these methods, and tests call them directly, so the
headless behaviour and the notebook behaviour cannot drift apart. Listeners (the widget,
the quiz's score and progress) are told about every change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from lessons.quiz.grading import AnyQuestion, Grade, display_order, grade
from lessons.quiz.schema import (
    Choice,
    ClassificationQuestion,
    Item,
    MultipleSelectQuestion,
    NumericQuestion,
    SingleChoiceQuestion,
)

Event = Literal["select", "check", "try_again", "give_up"]
Listener = Callable[[Event, "QuestionState"], None]


@dataclass(frozen=True)
class CheckResult:
    """What pressing Check produced: the verdict, the feedback (Markdown) and bookkeeping."""

    question_id: str
    status: Literal["correct", "incorrect", "invalid"]
    feedback: str
    answer: object
    wrong_options: tuple[str, ...]
    attempt: int

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    @property
    def counted(self) -> bool:
        """False when the answer could not be graded (it does not use up an attempt)."""
        return self.status != "invalid"


class QuestionState:
    """The answer being built, the attempts made and what has been revealed, for one question."""

    def __init__(self, question: AnyQuestion) -> None:
        self.question = question
        self.selection: object = None
        self.attempts = 0
        self.first_try_correct: bool | None = None
        self.solved = False
        self.revealed = False
        self.showing_explanation = False
        self.last_result: CheckResult | None = None
        self.notice: str | None = None
        self._listeners: list[Listener] = []
        self.reset_selection()

    # -- description -------------------------------------------------------------------
    @property
    def id(self) -> str:
        return self.question.id

    @property
    def kind(self) -> str:
        return self.question.type

    @property
    def options(self) -> tuple[Choice, ...]:
        """Choices in display order (shuffled by question id); empty for other types."""
        question = self.question
        if not isinstance(question, SingleChoiceQuestion | MultipleSelectQuestion):
            return ()
        by_id = {choice.id: choice for choice in question.choices}
        return tuple(by_id[i] for i in display_order(question.id, list(by_id), question.shuffle))

    @property
    def items(self) -> tuple[Item, ...]:
        """Classification items in display order; empty for other types."""
        question = self.question
        if not isinstance(question, ClassificationQuestion):
            return ()
        by_id = {item.id: item for item in question.items}
        return tuple(by_id[i] for i in display_order(question.id, list(by_id), question.shuffle))

    @property
    def explanation(self) -> str | None:
        """The explanation, once the question is solved or given up on; before that None."""
        if self.solved or self.revealed:
            return self.question.explanation
        return None

    @property
    def finished(self) -> bool:
        """Solved or given up on, explanation on screen: inputs lock until Try again."""
        return self.showing_explanation

    # -- listeners ---------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event, self)

    # -- the clicks --------------------------------------------------------------------
    def reset_selection(self) -> None:
        question = self.question
        if isinstance(question, MultipleSelectQuestion):
            self.selection = frozenset()
        elif isinstance(question, ClassificationQuestion):
            self.selection = {item.id: None for item in question.items}
        else:
            self.selection = None

    def select(self, *answer: object) -> None:
        """Set the answer, as a click would.

        single choice: ``select("choice-id")``; multiple select: ``select("a", "c")`` or
        ``select(["a", "c"])``; numeric: ``select(38.3)`` or ``select("38.3")`` (typed
        text, checked when graded); classification: ``select({"item": "category"})`` or
        ``select("item", "category")`` for one item.
        """
        question = self.question
        if isinstance(question, SingleChoiceQuestion):
            self.selection = self._one_choice(question, answer)
        elif isinstance(question, MultipleSelectQuestion):
            self.selection = self._many_choices(question, answer)
        elif isinstance(question, NumericQuestion):
            if len(answer) != 1:
                raise ValueError(f"answer: a numeric question takes one value, got {answer!r}")
            self.selection = answer[0]
        else:
            self.selection = self._sorted_items(question, answer)
        self._emit("select")

    def check(self) -> CheckResult:
        """Grade the current answer; an ungradable answer gives a hint and costs no attempt."""
        verdict: Grade = grade(self.question, self.selection)
        if verdict.counted:
            self.attempts += 1
            if self.first_try_correct is None:
                self.first_try_correct = verdict.correct and not self.revealed
            if verdict.correct and not self.revealed:
                self.solved = True
            if verdict.correct:
                self.showing_explanation = True
        self.last_result = CheckResult(
            question_id=self.id,
            status=verdict.status,
            feedback=verdict.feedback,
            answer=verdict.answer,
            wrong_options=verdict.wrong_options,
            attempt=self.attempts,
        )
        self._emit("check")
        return self.last_result

    def try_again(self) -> None:
        """Clear the answer and the feedback for a fresh attempt (attempts are kept)."""
        self.reset_selection()
        self.last_result = None
        self.showing_explanation = False
        self._emit("try_again")

    def give_up(self) -> str:
        """Show the explanation; a question given up on no longer counts as solved later."""
        if not self.solved:
            self.revealed = True
        self.showing_explanation = True
        self._emit("give_up")
        return self.question.explanation

    # -- answer validation -------------------------------------------------------------
    @staticmethod
    def _one_choice(question: SingleChoiceQuestion, answer: tuple) -> str | None:
        if len(answer) != 1:
            raise ValueError(f"answer: choose exactly one option, got {answer!r}")
        choice_id = answer[0]
        if choice_id is None:
            return None
        known = [choice.id for choice in question.choices]
        if choice_id not in known:
            raise ValueError(f"answer: {choice_id!r} is not one of the choices {known}")
        return str(choice_id)

    @staticmethod
    def _many_choices(question: MultipleSelectQuestion, answer: tuple) -> frozenset[str]:
        if len(answer) == 1 and not isinstance(answer[0], str):
            answer = tuple(answer[0] or ())
        known = [choice.id for choice in question.choices]
        unknown = [choice_id for choice_id in answer if choice_id not in known]
        if unknown:
            raise ValueError(f"answer: {unknown!r} are not among the choices {known}")
        return frozenset(str(choice_id) for choice_id in answer)

    def _sorted_items(self, question: ClassificationQuestion, answer: tuple) -> dict:
        if len(answer) == 2 and all(isinstance(part, str) for part in answer):
            update: Mapping = {answer[0]: answer[1]}
        elif len(answer) == 1 and isinstance(answer[0], Mapping):
            update = answer[0]
        else:
            raise ValueError(f"answer: give {{item: category}} or (item, category), got {answer!r}")
        items = [item.id for item in question.items]
        categories = [category.id for category in question.categories]
        for item_id, category_id in update.items():
            if item_id not in items:
                raise ValueError(f"answer: item {item_id!r} is not one of {items}")
            if category_id is not None and category_id not in categories:
                raise ValueError(f"answer: category {category_id!r} is not one of {categories}")
        selection = dict(self.selection or {})
        selection.update(update)
        return selection
