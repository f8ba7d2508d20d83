"""One source for each lesson's objectives (its bank) and minutes (data/course.yaml).

The README's course map, the instructor guide and every lesson's header are copies; these
tests fail when a copy no longer matches its source.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from lessons.content.course import course_map
from lessons.instructor.guide import README, README_SECTIONS, UPDATE_COMMAND, update_guide
from lessons.instructor.lesson_headers import (
    objective_items,
    rewritten_header,
    update_lesson_headers,
)
from lessons.instructor.objectives import notebook_objectives
from lessons.quiz import load_bank

ROOT = Path(__file__).resolve().parents[2]


def test_every_lesson_header_is_a_current_copy_of_its_bank_and_minutes():
    stale = update_lesson_headers(check=True)
    assert not stale, f"lesson headers {stale} are stale: run {UPDATE_COMMAND}"


def test_the_readme_course_map_is_a_current_copy_of_course_yaml():
    stale = update_guide(README, check=True, sections=README_SECTIONS)
    assert not stale, f"README.md course map is stale: run {UPDATE_COMMAND}"
    readme = README.read_text(encoding="utf-8")
    for lesson in course_map():
        assert f"| {lesson.number} {lesson.title} | {lesson.teaches} | {lesson.minutes} |" in readme


@pytest.mark.parametrize("lesson", course_map(), ids=lambda lesson: lesson.number)
def test_a_lesson_states_its_banks_objectives_and_its_course_map_minutes(lesson):
    path = ROOT / "notebooks" / lesson.notebook
    bank = load_bank(Path(lesson.notebook).stem)
    stated = notebook_objectives(path)
    assert len(stated) == len(bank.objectives)
    for text, objective in zip(stated, bank.objectives.values(), strict=True):
        assert text.rstrip(";.").lower() == objective.rstrip(".").lower()
    source = "".join(cell.source for cell in nbformat.read(path, as_version=4).cells)
    minutes = re.search(r"\*\*Estimated time:\*\* (\d+) minutes\.", source)
    assert minutes and int(minutes.group(1)) == lesson.minutes


def test_objectives_become_a_numbered_list_that_continues_the_sentence():
    items = objective_items(["Name the parts of a unit.", "EMG shows it.", "Say why."])
    assert items == "1. name the parts of a unit;\n2. EMG shows it;\n3. say why."


def test_a_stale_header_is_rewritten_and_the_rest_of_the_cell_kept():
    cell = (
        "# 99 · Test\n\nIntro.\n\n## Learning objectives\n\nBy the end of this lesson you can:"
        "\n\n1. something old.\n\n**Estimated time:** 10 minutes.\n\nRun the cell below."
    )
    new = rewritten_header(cell, ["Read a force record.", "Name a twitch."], 25)
    assert new == (
        "# 99 · Test\n\nIntro.\n\n## Learning objectives\n\nBy the end of this lesson you can:"
        "\n\n1. read a force record;\n2. name a twitch.\n\n**Estimated time:** 25 minutes."
        "\n\nRun the cell below."
    )
    with pytest.raises(ValueError, match="Learning objectives"):
        rewritten_header("# No header here", ["x"], 5)
