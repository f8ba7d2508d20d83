"""Learning objectives by lesson, read from the lessons themselves so they cannot go stale.

Each lesson notebook states its objectives under a ``## Learning objectives`` heading (the
frame of lesson 00); each question bank names the objectives its questions check. This module
collects both, per lesson of ``data/course.yaml``, for the instructor guide:

    python -m lessons.instructor objectives
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from lessons.content.course import LessonEntry, course_map
from lessons.paths import data_file
from lessons.quiz.bank import load_bank

NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"
_HEADING = re.compile(r"^##\s+Learning objectives\s*$", re.MULTILINE)
_ITEM = re.compile(r"^\s*\d+\.\s+(.*\S)\s*$")


@dataclass(frozen=True)
class QuizObjective:
    """One objective of a question bank and how many of its questions check it."""

    id: str
    text: str
    questions: int


@dataclass(frozen=True)
class LessonObjectives:
    """What a lesson promises (its notebook) and what its quiz checks (its bank)."""

    lesson: LessonEntry
    objectives: tuple[str, ...]
    quiz_objectives: tuple[QuizObjective, ...]
    quiz_questions: int


def notebook_objectives(path: Path) -> tuple[str, ...]:
    """The numbered items under the notebook's ``## Learning objectives`` heading."""
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        heading = _HEADING.search(cell.source)
        if heading is None:
            continue
        items: list[str] = []
        for line in cell.source[heading.end() :].splitlines():
            if line.startswith("#") or line.startswith("**Estimated time"):
                break
            match = _ITEM.match(line)
            if match:
                items.append(match.group(1))
            elif items and line.strip() and line.startswith("   "):
                items[-1] += " " + line.strip()  # an item wrapped onto the next line
        if items:
            return tuple(items)
    raise ValueError(f"notebook={str(path)!r} has no numbered list under '## Learning objectives'")


def lesson_objectives(notebook_dir: Path = NOTEBOOK_DIR) -> tuple[LessonObjectives, ...]:
    """Every lesson of the course map whose notebook exists, with its objectives."""
    found = []
    for lesson in course_map():
        path = notebook_dir / lesson.notebook
        if not path.is_file():
            continue
        bank_path = data_file("quizzes", Path(lesson.notebook).with_suffix(".yaml").name)
        quiz: tuple[QuizObjective, ...] = ()
        questions = 0
        if bank_path.is_file():
            bank = load_bank(bank_path)
            questions = len(bank.questions)
            quiz = tuple(
                QuizObjective(key, text, sum(q.objective == key for q in bank.questions))
                for key, text in bank.objectives.items()
            )
        found.append(LessonObjectives(lesson, notebook_objectives(path), quiz, questions))
    return tuple(found)


def objectives_markdown(lessons: tuple[LessonObjectives, ...] | None = None) -> str:
    """The objectives of every lesson, as Markdown for the instructor guide."""
    lessons = lesson_objectives() if lessons is None else lessons
    parts = []
    for entry in lessons:
        lesson = entry.lesson
        parts += [
            f"### {lesson.number} {lesson.title} ({lesson.minutes} min)",
            "",
            f"Notebook `notebooks/{lesson.notebook}`; its objectives, as students read them "
            '("By the end of this lesson you can"):',
            "",
            *(f"{number}. {text}" for number, text in enumerate(entry.objectives, start=1)),
            "",
        ]
        if entry.quiz_objectives:
            checked = ", ".join(
                f"`{objective.id}` ({objective.questions})" for objective in entry.quiz_objectives
            )
            parts += [
                f"Quiz: {entry.quiz_questions} questions in "
                f"`data/quizzes/{Path(lesson.notebook).with_suffix('.yaml').name}`; "
                f"questions per objective id: {checked}.",
                "",
            ]
    return "\n".join(parts).rstrip() + "\n"
