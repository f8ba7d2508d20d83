"""Committed notebooks are clean source: executed, small, no widget state, the python3 kernel."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from lessons.content.course import course_map
from lessons.notebook_tools import notebook_problems, strip_volatile_metadata

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
ALL_NOTEBOOKS = sorted((ROOT / "notebooks").rglob("*.ipynb"))
FRAME_HEADINGS = ("Learning objectives", "Summary", "References")


def test_there_are_notebooks():
    assert NOTEBOOKS, "notebooks/ holds no lesson"


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda path: path.name)
def test_committed_notebook_is_clean(path):
    assert notebook_problems(path) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_lesson_follows_the_course_frame(path):
    notebook = nbformat.read(path, as_version=4)
    markdown = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    assert notebook.cells[0].source.startswith("# "), "a lesson opens with its title"
    for heading in FRAME_HEADINGS:
        assert f"## {heading}" in markdown, f"{path.name} lacks a '## {heading}' section"
    assert "Estimated time" in markdown


def test_the_checks_catch_widget_state_size_and_kernel(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "other", "display_name": "Other"}
    notebook.metadata["widgets"] = {
        "application/vnd.jupyter.widget-state+json": {"state": {}, "version_major": 2}
    }
    notebook.cells.append(nbformat.v4.new_markdown_cell("x" * 600_000))
    path = tmp_path / "bad.ipynb"
    nbformat.write(notebook, path)
    problems = " | ".join(notebook_problems(path))
    assert "stores widget state" in problems
    assert "more than 500000" in problems
    assert "kernelspec is 'other'" in problems


def test_stripping_removes_widget_state_and_sets_the_kernel():
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {}}
    strip_volatile_metadata(notebook)
    assert "widget-state" not in json.dumps(notebook)
    assert notebook.metadata["kernelspec"]["name"] == "python3"


def test_course_map_matches_the_notebooks_present():
    present = {path.name for path in NOTEBOOKS}
    for lesson in course_map():
        assert lesson.ready == (lesson.notebook in present), (
            f"data/course.yaml says lesson {lesson.number} ready={lesson.ready}, "
            f"but {lesson.notebook} {'exists' if lesson.notebook in present else 'is missing'}"
        )
    listed = {lesson.notebook for lesson in course_map()}
    assert present <= listed, f"notebooks missing from data/course.yaml: {present - listed}"
