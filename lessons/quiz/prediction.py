"""A recorded prediction: the student commits before an experiment, then compares.

Predict, observe, explain only works if the prediction is held to: once locked it is saved
and cannot change (a restart or a reload shows it locked again), and the comparison with
the experiment's outcome is shown only after locking. Whether it was right is recorded for
the dashboard and for class results, apart from quiz scores: a wrong prediction is part of
learning, not a lapse.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lessons.quiz.activity import OneQuestionActivity
from lessons.quiz.grading import Grade, display_order, grade_numeric, grade_single_choice
from lessons.quiz.progress import ProgressStore
from lessons.quiz.schema import (
    Choice,
    NumericQuestion,
    PredictionQuestion,
    SingleChoiceQuestion,
)

Listener = Callable[["PredictionState"], None]


def as_gradable(question: PredictionQuestion) -> SingleChoiceQuestion | NumericQuestion:
    """The prediction as the question type that grades it (choices, or an estimate)."""
    common = {
        "id": question.id,
        "kind": "reasoning",
        "prompt": question.prompt,
        "objective": question.objective,
        "references": question.references,
        "explanation": question.explanation,
    }
    if question.choices is not None:
        return SingleChoiceQuestion(
            type="single_choice", choices=question.choices, shuffle=question.shuffle, **common
        )
    return NumericQuestion(
        type="numeric",
        answer=question.answer,
        tolerance=question.tolerance,
        unit=question.unit,
        feedback=question.feedback,
        **common,
    )


@dataclass(frozen=True)
class LockResult:
    """What pressing Lock produced: locked, or a hint when the answer cannot be graded."""

    locked: bool
    message: str


class PredictionState:
    """One prediction: the answer being chosen, then locked, then compared with the outcome."""

    def __init__(self, lesson: str, question: PredictionQuestion, store: ProgressStore) -> None:
        self.lesson = lesson
        self.question = question
        self.store = store
        self.selection: object = None
        self.locked_answer: object = None
        self.grade: Grade | None = None
        self.compared = False
        self.notice: str | None = None
        self._listeners: list[Listener] = []
        self._restore()

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def locked(self) -> bool:
        return self.grade is not None

    @property
    def right(self) -> bool | None:
        """Whether the locked prediction matches the outcome (None before locking)."""
        return None if self.grade is None else self.grade.correct

    @property
    def options(self) -> tuple[Choice, ...]:
        """Choices in display order (fixed by the question id); empty for an estimate."""
        choices = self.question.choices or []
        by_id = {choice.id: choice for choice in choices}
        order = display_order(self.question.id, list(by_id), self.question.shuffle)
        return tuple(by_id[choice_id] for choice_id in order)

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _emit(self) -> None:
        for listener in list(self._listeners):
            listener(self)

    # -- the clicks --------------------------------------------------------------------
    def select(self, answer: object) -> None:
        """Choose an option id (or type an estimate); refused once the prediction is locked."""
        if self.locked:
            raise ValueError(f"prediction {self.id!r} is locked: it can no longer change")
        if self.question.choices is not None and answer is not None:
            known = [choice.id for choice in self.question.choices]
            if answer not in known:
                raise ValueError(f"answer: {answer!r} is not one of the choices {known}")
        self.selection = answer
        self._emit()

    def lock(self) -> LockResult:
        """Commit to the current answer and save it; an empty or unreadable one is refused."""
        if self.locked:
            return LockResult(True, "Your prediction is already locked.")
        verdict = self._grade(self.selection)
        if not verdict.counted:
            message = verdict.feedback.replace("press **Check**", "lock it in")
            self.notice = message
            self._emit()
            return LockResult(False, message)
        self.grade = verdict
        self.locked_answer = verdict.answer
        self._save(
            lambda: self.store.record_prediction(
                self.lesson,
                self.id,
                self.question.objective,
                verdict.answer,
                verdict.correct,
                verdict.wrong_options,
            )
        )
        self._emit()
        return LockResult(True, "Locked. Now run the experiment, then compare.")

    def compare(self) -> str:
        """The outcome and how the locked prediction fared (Markdown); only once locked."""
        if self.grade is None:
            raise ValueError(f"prediction {self.id!r}: lock in a prediction before comparing")
        if not self.compared:
            self.compared = True
            self._save(
                lambda: self.store.record_comparison(self.lesson, self.id, self.question.objective)
            )
            self._emit()
        return self.comparison()

    def comparison(self) -> str:
        """The comparison text (Markdown); empty until compared."""
        if not self.compared or self.grade is None:
            return ""
        verdict = "matched" if self.grade.correct else "did not match"
        return (
            f"**What the experiment shows.** {self.question.result}\n\n"
            f"**Your prediction ({self.answer_text()}) {verdict} it.** "
            f"{_without_headline(self.grade.feedback)}"
        )

    def answer_text(self) -> str:
        """The locked answer as the student saw it (option text, or the number and unit)."""
        answer = self.locked_answer
        if self.question.choices is not None:
            return next((c.text for c in self.question.choices if c.id == answer), str(answer))
        unit = f" {self.question.unit}" if self.question.unit else ""
        return f"{answer:g}{unit}" if isinstance(answer, float | int) else str(answer)

    # -- saving and restoring ----------------------------------------------------------
    def _grade(self, answer: object) -> Grade:
        gradable = as_gradable(self.question)
        if isinstance(gradable, SingleChoiceQuestion):
            return grade_single_choice(gradable, answer)
        return grade_numeric(gradable, answer)

    def _save(self, write: Callable[[], bool]) -> None:
        try:
            write()
        except Exception as error:  # saving must never cost the student the lesson
            self.store.notices.append(
                f"Your prediction could not be saved ({type(error).__name__}: {error})."
            )
        notices = self.store.take_notices()
        self.notice = " ".join(notices) if notices else None

    def _restore(self) -> None:
        """A prediction locked earlier (another session, a reload) stays locked."""
        record = self.store.stored_question(self.lesson, self.id)
        if not record or record.get("kind") != "prediction" or not record.get("attempts"):
            return
        try:
            verdict = self._grade(record.get("first_answer"))
        except ValueError:  # an answer the bank no longer has: start afresh
            return
        if verdict.counted:
            self.grade = verdict
            self.locked_answer = verdict.answer
            self.selection = verdict.answer
            self.compared = bool(record.get("compared_at"))


def _without_headline(feedback: str) -> str:
    """Grading feedback without its "Right."/"Not quite." lead: the comparison says it."""
    for lead in ("**✓ Right.** ", "**✗ Not quite.** "):
        if feedback.startswith(lead):
            return feedback[len(lead) :]
    return feedback


class Prediction(OneQuestionActivity):
    """One prediction of a bank, shown where a lesson asks for it (before its experiment)."""

    question_type = "prediction"
    label = "prediction"

    def make_state(self, lesson: str, question, store: ProgressStore) -> PredictionState:
        return PredictionState(lesson, question, store)

    def make_view(self):
        from lessons.quiz.prediction_view import PredictionView

        return PredictionView(self.state)

    def static_html(self) -> str:
        from lessons.quiz.static import prediction_static_html

        return prediction_static_html(self.state)
