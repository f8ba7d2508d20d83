"""The shape the assessment issue asks for: predictions, transfer and written answers, placed.

Each lesson with a simulation records at least two predictions, each lesson has at least two
transfer items, the course has at least two written explanations, and every prediction and
written question is shown in its lesson, a prediction before the experiment that settles it.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from lessons.content.course import course_map
from lessons.content.experiments import experiments
from lessons.quiz.bank import course_banks

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
BANKS = course_banks()
LESSONS = [lesson for lesson in course_map() if lesson.ready]
TEACHING = [lesson for lesson in LESSONS if not lesson.notebook.startswith("09_")]


def _bank(lesson):
    return BANKS[lesson.notebook.removesuffix(".ipynb")]


def _code_cells(lesson) -> list[str]:
    notebook = nbformat.read(NOTEBOOKS / lesson.notebook, as_version=4)
    return [cell.source for cell in notebook.cells if cell.cell_type == "code"]


@pytest.mark.parametrize("lesson", TEACHING, ids=lambda lesson: lesson.number)
def test_every_lesson_has_two_transfer_items(lesson) -> None:
    transfer = [q.id for q in _bank(lesson).questions if q.kind == "transfer"]
    assert len(transfer) >= 2, f"lesson {lesson.number} has transfer items {transfer}"


@pytest.mark.parametrize(
    "lesson",
    [
        lesson
        for lesson in TEACHING
        if any(e.lesson == lesson.number for e in experiments().values())
    ],
    ids=lambda lesson: lesson.number,
)
def test_every_lesson_with_a_simulation_records_two_predictions(lesson) -> None:
    predictions = [q.id for q in _bank(lesson).questions if q.type == "prediction"]
    assert len(predictions) >= 2, f"lesson {lesson.number} has predictions {predictions}"


def test_the_course_asks_for_at_least_two_written_explanations() -> None:
    written = [q.id for bank in BANKS.values() for q in bank.questions if q.type == "written"]
    assert len(written) >= 2, written


@pytest.mark.parametrize("lesson", TEACHING, ids=lambda lesson: lesson.number)
def test_each_prediction_comes_before_its_experiment(lesson) -> None:
    cells = _code_cells(lesson)
    name = lesson.notebook.removesuffix(".ipynb")
    for question in _bank(lesson).questions:
        if question.type not in ("prediction", "written"):
            continue
        shown = "Prediction" if question.type == "prediction" else "WrittenAnswer"
        call = re.compile(rf'{shown}\.from_bank\(\s*"{name}",\s*"{re.escape(question.id)}"\s*\)')
        where = [index for index, source in enumerate(cells) if call.search(source)]
        assert len(where) == 1, f"{question.id}: shown in {len(where)} cells of {lesson.notebook}"
        if question.type == "prediction":
            app = experiments()[question.experiment].app.split(".")[1]
            runs = [i for i, source in enumerate(cells) if re.search(rf"\b{app}\(", source)]
            later = [i for i in runs if i > where[0]]
            assert later, f"{question.id}: no cell after the prediction runs {app}()"
