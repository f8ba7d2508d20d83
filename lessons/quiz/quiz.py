"""A lesson quiz in one line: ``Quiz.from_bank("00_welcome")``.

The quiz ties the questions' states to a running score and to the student's progress file.
It builds its widgets only when displayed, so headless use (tests, scripts) needs no
front end, and its plain-text form is short and fixed, so nbval's comparison of committed
notebook outputs never sees widget state, the clock or the progress file.
"""

from __future__ import annotations

import html
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from lessons.quiz.bank import load_bank
from lessons.quiz.draw import draw_ids
from lessons.quiz.progress import ProgressStore, ProgressWarning
from lessons.quiz.schema import Bank
from lessons.quiz.state import Event, QuestionState
from lessons.quiz.static import quiz_static_html
from lessons.static_mode import static_mode

SCORE_CLASS = "lessons-quiz-score"


@dataclass(frozen=True)
class Score:
    """The running score of a quiz in this session."""

    total: int
    attempted: int
    solved: int
    first_try_correct: int

    def text(self) -> str:
        return (
            f"Score: {self.solved} of {self.total} solved, {self.first_try_correct} right on "
            f"the first try ({self.attempted} attempted)."
        )


class Quiz:
    """The questions of one bank (or a chosen few), with score and saved progress."""

    def __init__(
        self,
        bank: Bank,
        only: Iterable[str] | str | None = None,
        store: ProgressStore | None = None,
        group: str | None = None,
        student_id: str | None = None,
    ) -> None:
        self.bank = bank
        self.lesson = bank.lesson
        self.store = store if store is not None else ProgressStore()
        self._widget = None
        self._score_label = None
        self._views: dict[str, object] = {}
        self.drawn = bank.draw is not None and only is None and group is None
        self.student_key: str | None = None
        if self.drawn:
            self.student_key = (student_id or "").strip() or _stored_student_key(self.store)
            wanted = draw_ids(bank, self.student_key) if self.student_key else ()
            self._set_questions([q for q in bank.questions if q.id in wanted])
            return
        questions = list(bank.questions)
        if only is None:
            questions = [question for question in questions if question.group == group]
            if not questions:
                groups = sorted({q.group for q in bank.questions if q.group})
                raise ValueError(
                    f"group={group!r}: bank {bank.lesson!r} has no question in that group "
                    f"(its groups: {groups})"
                )
        else:
            wanted = [only] if isinstance(only, str) else list(only)
            known = [question.id for question in questions]
            unknown = [qid for qid in wanted if qid not in known]
            if unknown or not wanted:
                raise ValueError(
                    f"only={wanted!r}: unknown question ids {unknown}; bank {bank.lesson!r} "
                    f"has {known}"
                )
            questions = [question for question in questions if question.id in wanted]
        self._set_questions(questions)

    def _set_questions(self, questions: list) -> None:
        shown_elsewhere = [q.id for q in questions if q.type in ("prediction", "written")]
        if shown_elsewhere:
            raise ValueError(
                f"{shown_elsewhere}: predictions and written questions are shown one at a "
                "time, with Prediction.from_bank or WrittenAnswer.from_bank, not in a Quiz"
            )
        self.questions = tuple(QuestionState(question) for question in questions)
        for state in self.questions:
            state.subscribe(self._on_event)

    def draw_for(self, student_id: str) -> tuple[str, ...]:
        """Draw this student's questions (a drawn bank only) and remember their id."""
        if not self.drawn:
            raise ValueError(f"bank {self.lesson!r} is not drawn: it has no 'draw'")
        key = (student_id or "").strip()
        ids = draw_ids(self.bank, key)  # refuses an empty id
        if key == self.student_key and tuple(state.id for state in self.questions) == ids:
            return ids  # already shown: keep the views, and any option chosen but not checked
        name = (self.store.load().get("student") or {}).get("name")
        self.store.set_student(name, key)
        self.student_key = key
        self._set_questions([q for q in self.bank.questions if q.id in ids])
        if self._widget is not None:
            self._views.clear()
            self._widget.children = self._children()
        return ids

    @classmethod
    def from_bank(
        cls,
        name: str | Path,
        only: Iterable[str] | str | None = None,
        store: ProgressStore | None = None,
        group: str | None = None,
        student_id: str | None = None,
    ) -> Quiz:
        """The quiz of lesson ``name`` (e.g. ``"00_welcome"``).

        By default its questions without a group; ``group="cases"`` the questions of that
        group (a section of the lesson of its own); ``only`` picks question ids, any group.
        """
        return cls(load_bank(name), only=only, store=store, group=group, student_id=student_id)

    def question(self, question_id: str) -> QuestionState:
        for state in self.questions:
            if state.id == question_id:
                return state
        known = [state.id for state in self.questions]
        raise KeyError(f"question_id={question_id!r} is not in this quiz; it has {known}")

    @property
    def score(self) -> Score:
        return Score(
            total=len(self.questions),
            attempted=sum(1 for state in self.questions if state.attempts or state.revealed),
            solved=sum(1 for state in self.questions if state.solved),
            first_try_correct=sum(1 for state in self.questions if state.first_try_correct),
        )

    # -- progress ----------------------------------------------------------------------
    def _on_event(self, event: Event, state: QuestionState) -> None:
        if event == "check" and state.last_result is not None and state.last_result.counted:
            result = state.last_result
            self._save(
                state,
                lambda: self.store.record_attempt(
                    self.lesson,
                    state.id,
                    state.question.objective,
                    result.answer,
                    result.correct,
                    result.wrong_options,
                ),
            )
        elif event == "give_up":
            self._save(
                state,
                lambda: self.store.record_reveal(self.lesson, state.id, state.question.objective),
            )
        if self._score_label is not None:
            self._score_label.value = html.escape(self.score.text())

    def _save(self, state: QuestionState, write: Callable[[], None]) -> None:
        """Record progress; a failure is shown to the student but never breaks the quiz."""
        try:
            write()
        except Exception as error:  # a progress problem must not cost the student the quiz
            message = f"Your progress could not be saved ({type(error).__name__}: {error})."
            warnings.warn(message, ProgressWarning, stacklevel=2)
            self.store.notices.append(message)
        notices = self.store.take_notices()
        state.notice = " ".join(notices) if notices else None

    # -- display -----------------------------------------------------------------------
    def view(self, question_id: str):
        """The ``QuestionView`` (widgets) of one question, built on first use."""
        self.widget  # noqa: B018 (builds every view)
        return self._views[self.question(question_id).id]

    @property
    def widget(self):
        """The whole quiz as one ipywidgets container (built on first use)."""
        if self._widget is None:
            import ipywidgets

            from lessons.controls.reflow import ReflowStyle

            self._widget = ipywidgets.VBox([*self._children(), ReflowStyle()])
            self._widget.add_class("lessons-quiz-lesson")
        return self._widget

    def _children(self) -> list:
        import ipywidgets

        from lessons.quiz.widgets import QuestionView

        total = len(self.questions)
        views = []
        for number, state in enumerate(self.questions, start=1):
            view = QuestionView(state, number=number, total=total)
            self._views[state.id] = view
            views.append(view.container)
        children = [ipywidgets.HTML(f"<h3>Quiz: {html.escape(self.bank.title)}</h3>")]
        if self.drawn:
            from lessons.quiz.draw_view import draw_panel

            children.append(draw_panel(self))
        self._score_label = None
        if total > 1:
            self._score_label = ipywidgets.HTML(html.escape(self.score.text()))
            self._score_label.add_class(SCORE_CLASS)
            children.append(self._score_label)
        return [*children, *views]

    def __repr__(self) -> str:
        if self.drawn:  # fixed text: who is drawing must not change a stored output
            pool = sum(1 for question in self.bank.questions if question.group is None)
            return f"Quiz {self.lesson}: {self.bank.draw} questions drawn from a pool of {pool}"
        count = len(self.questions)
        return f"Quiz {self.lesson}: {count} question{'s' if count != 1 else ''}"

    def _repr_mimebundle_(self, **kwargs) -> dict:
        if static_mode():  # the course site: questions without answers, no widgets
            return {
                "text/html": quiz_static_html(
                    self.bank.title,
                    () if self.drawn else self.questions,  # the pool stays unpublished
                    f"{repr(self).split(': ', 1)[1]}, chosen by each student's id; "
                    "open the live version to get yours."
                    if self.drawn
                    else "",
                ),
                "text/plain": repr(self),
            }
        bundle = self.widget._repr_mimebundle_(**kwargs) or {}
        bundle["text/plain"] = repr(self)
        return bundle


def _stored_student_key(store: ProgressStore) -> str | None:
    """The id (else the name) saved with the student's progress, so a reload draws the same."""
    try:
        student = store.load().get("student") or {}
    except Exception:  # a progress problem must never stop the quiz from showing
        return None
    return (student.get("id") or student.get("name") or "").strip() or None
