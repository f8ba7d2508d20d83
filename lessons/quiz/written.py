"""A short written explanation, saved with progress, then a model answer and a rubric.

Choosing among options cannot show whether a student can put a mechanism into words. Here
the student writes first; only after saving do they see a model answer and the rubric's
points, and tick the points their own answer made. Text and ticks are saved (a reload
shows them again) and exported, so the instructor reads the explanation itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from lessons.quiz.activity import OneQuestionActivity
from lessons.quiz.progress import ProgressStore
from lessons.quiz.records import MAX_WRITTEN
from lessons.quiz.schema import WrittenQuestion

Listener = Callable[["WrittenState"], None]


class WrittenState:
    """The text being written, whether it was saved, and the rubric points ticked."""

    def __init__(self, lesson: str, question: WrittenQuestion, store: ProgressStore) -> None:
        self.lesson = lesson
        self.question = question
        self.store = store
        self.text = ""
        self.saved_text: str | None = None
        self.ticked: tuple[str, ...] = ()
        self.checked = False
        self.notice: str | None = None
        self._listeners: list[Listener] = []
        self._restore()

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def saved(self) -> bool:
        return self.saved_text is not None

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _emit(self) -> None:
        for listener in list(self._listeners):
            listener(self)

    def write(self, text: str) -> None:
        """The text in the box, as typed (not saved yet)."""
        if not isinstance(text, str):
            raise ValueError(f"text: a written answer is text, got {type(text).__name__}")
        self.text = text
        self._emit()

    def save(self) -> bool:
        """Save the text; too short or too long is refused with a hint (nothing saved)."""
        text = self.text.strip()
        words = len(text.split())
        if words < self.question.min_words:
            self.notice = (
                f"Write at least {self.question.min_words} words in your own words "
                f"(you have {words}), then save."
            )
        elif len(text) > MAX_WRITTEN:
            self.notice = f"Keep it under {MAX_WRITTEN} characters (you have {len(text)})."
        else:
            self.notice = None
            self.saved_text = text
            self._save(lambda: self.store.record_written(*self._where(), text, list(self.ticked)))
        self._emit()
        return self.notice is None

    def tick(self, point_ids: Iterable[str]) -> None:
        """The rubric points the student says their answer made."""
        wanted = set(point_ids)
        known = [point.id for point in self.question.rubric]
        chosen = tuple(point for point in known if point in wanted)
        unknown = sorted(wanted - set(known))
        if unknown:
            raise ValueError(f"point_ids: {unknown} are not rubric points of {self.id!r}")
        self.ticked = chosen
        self._emit()

    def save_check(self) -> bool:
        """Save the ticked rubric points with the saved text; only after the text is saved."""
        if self.saved_text is None:
            self.notice = "Save your answer first; the rubric is for checking it."
            self._emit()
            return False
        self.checked = True
        self.notice = None
        self._save(
            lambda: self.store.record_written(*self._where(), self.saved_text, list(self.ticked))
        )
        self._emit()
        return True

    def _where(self) -> tuple[str, str, str]:
        return self.lesson, self.id, self.question.objective

    def _save(self, write: Callable[[], bool]) -> None:
        try:
            write()
        except Exception as error:  # saving must never cost the student the lesson
            self.store.notices.append(
                f"Your answer could not be saved ({type(error).__name__}: {error})."
            )
        notices = self.store.take_notices()
        if notices:
            self.notice = " ".join(notices)

    def _restore(self) -> None:
        record = self.store.stored_question(self.lesson, self.id)
        if not record or record.get("kind") != "written":
            return
        text = record.get("written_answer")
        if isinstance(text, str) and text:
            self.text = self.saved_text = text
            known = {point.id for point in self.question.rubric}
            self.ticked = tuple(p for p in record.get("rubric_ticked", []) if p in known)
            self.checked = bool(self.ticked)


class WrittenAnswer(OneQuestionActivity):
    """One written question of a bank, shown where a lesson asks for it."""

    question_type = "written"
    label = "written question"

    def make_state(self, lesson: str, question, store: ProgressStore) -> WrittenState:
        return WrittenState(lesson, question, store)

    def make_view(self):
        from lessons.quiz.written_view import WrittenView

        return WrittenView(self.state)

    def static_html(self) -> str:
        from lessons.quiz.static import written_static_html

        return written_static_html(self.state.question)
