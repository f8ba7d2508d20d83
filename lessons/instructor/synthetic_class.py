"""A synthetic class: result files of made-up students, answered through the real quiz engine.

Instructors use it to try the class-results notebook before their own students hand anything
in; the tests use it for the export -> class results round trip. Each student has an ability
between 0 and 1 and answers each question right on the first try with that probability;
otherwise they pick a wrong answer (for choice questions, the first wrong option in bank
order, so that one wrong option stands out, as it does in real classes), then try again.
In a drawn bank (the final assessment) each student answers only the questions drawn for
their id (``lessons.quiz.draw.draw_ids``), as a real student would. Everything is seeded, so
the files are the same on every run.

    python -m lessons.instructor.synthetic_class data/examples/class_results
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

from lessons.quiz import ProgressStore, Quiz, export_results
from lessons.quiz.draw import draw_ids
from lessons.quiz.state import QuestionState

DEFAULT_BANKS = ("00_welcome", "09_final_assessment")
FIRST_NAMES = (
    "Ada", "Ben", "Chen", "Dara", "Emeka", "Fatima", "Goran", "Hana", "Ines", "Jonas",
    "Kofi", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tomas",
    "Uma", "Viktor", "Wen", "Yusuf",
)  # fmt: skip
START = datetime(2026, 9, 14, 9, 0, tzinfo=UTC)


def _right_answer(state: QuestionState) -> tuple:
    question = state.question
    if state.kind in ("single_choice", "triage_case"):
        return (next(c.id for c in question.choices if c.correct),)
    if state.kind == "multiple_select":
        return ([c.id for c in question.choices if c.correct],)
    if state.kind == "numeric":
        return (question.answer,)
    return ({item.id: item.category for item in question.items},)


def _wrong_answer(state: QuestionState) -> tuple:
    question = state.question
    if state.kind in ("single_choice", "triage_case"):
        return (next(c.id for c in question.choices if not c.correct),)
    if state.kind == "multiple_select":
        right = [c.id for c in question.choices if c.correct]
        wrong = next(c.id for c in question.choices if not c.correct)
        return ([*right[:-1], wrong],)
    if state.kind == "numeric":
        low, high = question.accepted_range()
        return (high + (high - low) * 5 + 1,)
    categories = [category.id for category in question.categories]
    sorted_items = {item.id: item.category for item in question.items}
    first = question.items[0]
    sorted_items[first.id] = next(c for c in categories if c != first.category)
    return (sorted_items,)


def write_synthetic_class(
    folder: Path | str,
    n_students: int = 24,
    banks: Sequence[str] = DEFAULT_BANKS,
    seed: int = 2026,
) -> list[Path]:
    """Write one export file per synthetic student into ``folder`` and return their paths."""
    if not 1 <= n_students <= len(FIRST_NAMES):
        raise ValueError(f"n_students={n_students}: must be 1 to {len(FIRST_NAMES)}")
    folder = Path(folder)
    rng = np.random.default_rng(seed)
    abilities = rng.uniform(0.35, 0.95, n_students)
    written = []
    for index, ability in enumerate(abilities):
        minutes = iter(range(10_000))

        def clock(start: datetime = START + timedelta(days=index)) -> datetime:
            return start + timedelta(minutes=next(minutes))  # noqa: B023 (one clock per student)

        with tempfile.TemporaryDirectory() as progress_folder:
            store = ProgressStore(progress_folder, clock=clock)
            student_id = f"s{index + 1:03d}"
            store.set_student(FIRST_NAMES[index], student_id)
            for bank in banks:
                quiz = Quiz.from_bank(bank, store=store, student_id=student_id)
                shown = set(draw_ids(quiz.bank, student_id))  # the whole pool if not drawn
                for state in quiz.questions:
                    if state.id not in shown:
                        continue
                    if rng.random() >= ability:
                        state.select(*_wrong_answer(state))
                        state.check()
                        state.try_again()
                    state.select(*_right_answer(state))
                    state.check()
            written.append(export_results(folder, store=store))
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--students", type=int, default=24)
    arguments = parser.parse_args(argv)
    paths = write_synthetic_class(arguments.folder, arguments.students)
    print(f"{len(paths)} synthetic result files written to {arguments.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
