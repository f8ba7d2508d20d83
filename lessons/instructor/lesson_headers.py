"""Each lesson's header, written from the one source of its objectives and its minutes.

A lesson's learning objectives live in its question bank (``data/quizzes/NN_name.yaml``,
``objectives``), where the quiz ties questions to them; its working time lives in
``data/course.yaml``. The numbered list under "## Learning objectives" and the
"**Estimated time:**" line of each notebook are copies, rewritten from those two sources by
``python -m lessons.instructor update-guide`` (a test fails when a copy is stale), so a lesson
never promises what its quiz does not name, and the README, the guide and the lesson agree on
its minutes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import nbformat

from lessons.content.course import course_map
from lessons.paths import data_file
from lessons.quiz.bank import load_bank

NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"

#: The part of the header cell that is generated: the list and the minutes.
_HEADER = re.compile(
    r"(## Learning objectives[ \t]*\n\n[^\n]*:\n\n)(.*?)"
    r"(\n\n\*\*Estimated time:\*\* )(\d+)( minutes\.)",
    re.DOTALL,
)


def objective_items(objectives: Sequence[str]) -> str:
    """A bank's objectives as the lesson's numbered list, continuing "By the end ... you can:"."""
    lines = []
    for number, text in enumerate(objectives, start=1):
        item = " ".join(text.split()).rstrip(".")
        if len(item) > 1 and item[0].isupper() and item[1].islower():
            item = item[0].lower() + item[1:]  # "Name the parts" -> "name the parts"
        lines.append(f"{number}. {item}{'.' if number == len(objectives) else ';'}")
    return "\n".join(lines)


def rewritten_header(source: str, objectives: Sequence[str], minutes: int) -> str:
    """``source`` (a notebook cell) with its objectives list and minutes replaced."""
    match = _HEADER.search(source)
    if match is None:
        raise ValueError(
            "the cell has no '## Learning objectives' list followed by '**Estimated time:** "
            "N minutes.'"
        )
    return (
        source[: match.start(2)]
        + objective_items(objectives)
        + match.group(3)
        + str(minutes)
        + source[match.end(4) :]
    )


def update_lesson_headers(check: bool = False, notebook_dir: Path = NOTEBOOK_DIR) -> list[str]:
    """Rewrite every stale lesson header (or, with ``check``, only list the notebooks)."""
    stale = []
    for lesson in course_map():
        path = notebook_dir / lesson.notebook
        bank_file = data_file("quizzes", Path(lesson.notebook).with_suffix(".yaml").name)
        if not path.is_file() or not bank_file.is_file():
            continue
        objectives = list(load_bank(bank_file).objectives.values())
        notebook = nbformat.read(path, as_version=4)
        cell = next((c for c in notebook.cells if _HEADER.search(c.source)), None)
        if cell is None:
            raise ValueError(f"{path}: no header cell with learning objectives and minutes")
        new_source = rewritten_header(cell.source, objectives, lesson.minutes)
        if new_source != cell.source:
            stale.append(lesson.notebook)
            if not check:
                cell.source = new_source
                nbformat.write(notebook, path)
    return stale
