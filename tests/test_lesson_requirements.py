"""What every lesson must have (issues "Lessons 01–04" and "Lessons 05–08"), checked on the files.

Per lesson 01–07: 3 to 6 learning objectives, each checked by at least one quiz question; at
least 6 questions of at least three types; at least two interactive figures; a quiz cell;
every citation of its reference list known to the bibliography.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from lessons.content.course import course_map
from lessons.content.references import references
from lessons.quiz import load_bank

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
LESSONS = [lesson for lesson in course_map() if lesson.ready and lesson.number not in ("00", "09")]


def code_of(lesson) -> str:
    notebook = nbformat.read(NOTEBOOKS / lesson.notebook, as_version=4)
    return "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")


def markdown_of(lesson) -> str:
    notebook = nbformat.read(NOTEBOOKS / lesson.notebook, as_version=4)
    return "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.number)
def test_bank_checks_every_objective_with_enough_varied_questions(lesson):
    bank = load_bank(Path(lesson.notebook).stem)
    assert 3 <= len(bank.objectives) <= 6, f"{len(bank.objectives)} objectives"
    checked = {question.objective for question in bank.questions}
    assert set(bank.objectives) <= checked, f"unchecked: {set(bank.objectives) - checked}"
    assert len(bank.questions) >= 6
    assert len({question.type for question in bank.questions}) >= 3


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.number)
def test_notebook_lists_as_many_objectives_as_its_bank(lesson):
    section = markdown_of(lesson).split("## Learning objectives", 1)[1].split("**Estimated", 1)[0]
    numbered = re.findall(r"^\d+\. ", section, flags=re.MULTILINE)
    bank = load_bank(Path(lesson.notebook).stem)
    assert len(numbered) == len(bank.objectives)


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.number)
def test_notebook_has_a_quiz_and_two_interactive_parts(lesson):
    code = code_of(lesson)
    assert f'Quiz.from_bank("{Path(lesson.notebook).stem}")' in code
    imported = set()
    for names in re.findall(r"from lessons\.sims(?:\.\w+)+ import (\([^)]*\)|[^\n]+)", code):
        imported |= {name.strip() for name in re.split(r"[,()\s]+", names) if name.strip()}
    calls = [name for name in imported if re.search(rf"^{name}\(", code, flags=re.MULTILINE)]
    assert len(calls) >= 2, f"interactive parts called: {calls}"


@pytest.mark.parametrize("lesson", [*LESSONS], ids=lambda lesson: lesson.number)
def test_reference_list_uses_known_keys_and_estimated_time_matches_the_map(lesson):
    code = code_of(lesson)
    call = code[code.index("show_references(") :]
    keys = re.findall(r'"([a-z0-9]+)"', call)
    assert keys, "no reference list"
    unknown = set(keys) - set(references())
    assert not unknown
    assert f"**Estimated time:** {lesson.minutes} minutes" in markdown_of(lesson)
