"""One question of a bank shown on its own where a lesson needs it: a prediction before its
experiment, a written explanation after a section. The display classes share this frame;
each names its question type, its state, its widgets and its static-site form.
"""

from __future__ import annotations

from typing import ClassVar

from lessons.quiz.bank import load_bank
from lessons.quiz.progress import ProgressStore
from lessons.quiz.schema import Bank
from lessons.static_mode import static_mode


class OneQuestionActivity:
    """Base of ``Prediction`` and ``WrittenAnswer``: find the question, keep state, display."""

    question_type: ClassVar[str]
    label: ClassVar[str]  # "prediction", "written question": for messages and the plain text

    def __init__(self, bank: Bank, question_id: str, store: ProgressStore | None = None) -> None:
        found = [q for q in bank.questions if q.id == question_id]
        if not found or found[0].type != self.question_type:
            known = [q.id for q in bank.questions if q.type == self.question_type]
            raise ValueError(
                f"question_id={question_id!r}: not a {self.label} of bank {bank.lesson!r} "
                f"(its {self.label}s: {known})"
            )
        self.bank = bank
        self.store = store if store is not None else ProgressStore()
        self.state = self.make_state(bank.lesson, found[0], self.store)
        self._view = None

    @classmethod
    def from_bank(cls, name: str, question_id: str, store: ProgressStore | None = None):
        """Question ``question_id`` of lesson ``name``'s bank."""
        return cls(load_bank(name), question_id, store=store)

    def make_state(self, lesson: str, question, store: ProgressStore):
        raise NotImplementedError

    def make_view(self):
        raise NotImplementedError

    def static_html(self) -> str:
        raise NotImplementedError

    @property
    def view(self):
        """The widgets, built on first use."""
        if self._view is None:
            self._view = self.make_view()
        return self._view

    def __repr__(self) -> str:
        return f"{self.label.capitalize()} {self.bank.lesson}: {self.state.id}"

    def _repr_mimebundle_(self, **kwargs) -> dict:
        if static_mode():
            return {"text/html": self.static_html(), "text/plain": repr(self)}
        bundle = self.view.container._repr_mimebundle_(**kwargs) or {}
        bundle["text/plain"] = repr(self)
        return bundle
