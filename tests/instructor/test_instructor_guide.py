"""The instructor guide's generated parts, the session plans and the launch links."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import nbformat
import pytest

from lessons.content.course import LessonEntry, course_map
from lessons.instructor.__main__ import main
from lessons.instructor.guide import GUIDE, UPDATE_COMMAND, update_guide, updated_guide
from lessons.instructor.links import REPOSITORY_URL, nbgitpuller_url
from lessons.instructor.objectives import lesson_objectives, notebook_objectives
from lessons.instructor.timings import (
    FIFTY_MINUTES,
    TWO_HOURS,
    SessionFormat,
    plan_sessions,
)
from lessons.quiz.dashboard import course_banks

ROOT = Path(__file__).resolve().parents[2]


# -- the guide ----------------------------------------------------------------------------------
def test_the_guide_copy_of_objectives_and_timings_is_current():
    stale = update_guide(GUIDE, check=True)
    assert not stale, f"{GUIDE} has stale sections {stale}: run {UPDATE_COMMAND}"


def test_the_guide_names_every_objective_each_quiz_checks():
    guide = GUIDE.read_text(encoding="utf-8")
    for lesson in lesson_objectives():
        bank = course_banks().get(Path(lesson.lesson.notebook).stem)
        if bank is None:
            continue
        for objective in bank.objectives:
            assert f"`{objective}`" in guide, f"{bank.lesson}: objective {objective} missing"


def test_updating_rewrites_a_stale_section_and_keeps_the_rest(tmp_path):
    copy = tmp_path / "guide.md"
    shutil.copyfile(GUIDE, copy)
    text = copy.read_text(encoding="utf-8")
    start = text.index("<!-- begin generated: timings")
    end = text.index("<!-- end generated: timings -->")
    before = text[: text.index("\n", start) + 1] + "old plan\n" + text[end:]
    copy.write_text(before, encoding="utf-8")
    assert main(["update-guide", "--check", str(copy)]) == 1
    assert copy.read_text(encoding="utf-8") == before  # --check writes nothing
    assert main(["update-guide", str(copy)]) == 0
    assert copy.read_text(encoding="utf-8") == GUIDE.read_text(encoding="utf-8")


def test_a_guide_without_the_markers_is_refused_by_section_name():
    with pytest.raises(ValueError, match="objectives"):
        updated_guide("# A guide with no generated sections\n")


# -- objectives -----------------------------------------------------------------------------------
def _notebook_with(tmp_path: Path, markdown: str) -> Path:
    notebook = nbformat.v4.new_notebook()
    notebook.cells.append(nbformat.v4.new_markdown_cell(markdown))
    path = tmp_path / "99_test.ipynb"
    nbformat.write(notebook, path)
    return path


def test_objectives_are_the_numbered_list_under_the_heading(tmp_path):
    path = _notebook_with(
        tmp_path,
        "# 99 · Test\n\n## Learning objectives\n\nBy the end you can:\n\n"
        "1. name the parts of a motor unit;\n2. explain summation,\n   with a figure;\n"
        "3. read a force record.\n\n**Estimated time:** 10 minutes.\n\n1. not an objective\n",
    )
    assert notebook_objectives(path) == (
        "name the parts of a motor unit;",
        "explain summation, with a figure;",
        "read a force record.",
    )


def test_a_notebook_without_objectives_is_refused_by_name(tmp_path):
    path = _notebook_with(tmp_path, "# 99 · Test\n\nNo objectives here.\n")
    with pytest.raises(ValueError, match=r"99_test\.ipynb"):
        notebook_objectives(path)


def test_every_ready_lesson_states_objectives_and_has_a_quiz():
    found = {entry.lesson.notebook: entry for entry in lesson_objectives()}
    for lesson in course_map():
        if not lesson.ready:
            continue
        entry = found[lesson.notebook]
        assert len(entry.objectives) >= 2, f"{lesson.notebook}: too few objectives"
        assert entry.quiz_questions == sum(o.questions for o in entry.quiz_objectives)
        assert entry.quiz_questions > 0, f"{lesson.notebook}: no quiz questions"


# -- session plans -------------------------------------------------------------------------------
def _lessons(*minutes: int) -> list[LessonEntry]:
    return [
        LessonEntry(f"{n:02d}", f"{n:02d}_x.ipynb", f"Lesson {n}", "x", m, True)
        for n, m in enumerate(minutes)
    ]


@pytest.mark.parametrize("session", [FIFTY_MINUTES, TWO_HOURS], ids=lambda s: s.name)
def test_a_plan_takes_every_lesson_once_in_order(session):
    lessons = course_map()
    plan = plan_sessions(lessons, session)
    assert [lesson for s in plan for lesson in s.lessons] == lessons
    assert sum(s.work for s in plan) == sum(lesson.minutes for lesson in lessons)
    for s in plan:
        assert s.in_class + s.at_home == s.work
        assert s.in_class + s.spare == session.work_minutes
        if len(s.lessons) > 1:  # a session is given two lessons only if they fit
            assert s.at_home <= session.homework


def test_lessons_share_a_session_only_within_the_homework_allowance():
    # 80 min of work per 2-hour session (120 - 10 opening - 20 discussion - 10 break), 15 at home.
    plan = plan_sessions(_lessons(50, 45, 40, 40, 41), TWO_HOURS)
    assert [[lesson.minutes for lesson in s.lessons] for s in plan] == [[50, 45], [40, 40], [41]]
    assert [(s.in_class, s.at_home, s.spare) for s in plan] == [
        (80, 15, 0),
        (80, 0, 0),
        (41, 0, 39),
    ]


def test_a_session_too_short_for_its_fixed_parts_is_refused():
    with pytest.raises(ValueError, match="length=15"):
        SessionFormat("15-minute class", 15, 5, 10, 0, 10)


def test_the_timings_command_plans_another_session_length(capsys):
    assert main(["timings", "--session", "75"]) == 0
    out = capsys.readouterr().out
    assert "### 75-minute class" in out
    for lesson in course_map():
        assert f"{lesson.number} {lesson.title}" in out


# -- launch links -------------------------------------------------------------------------------
def test_the_nbgitpuller_link_pulls_the_course_and_opens_the_lesson():
    url = nbgitpuller_url("https://hub.example.edu/", "course-2026-fall", "03_recruitment.ipynb")
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == (
        "https://hub.example.edu/hub/user-redirect/git-pull"
    )
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    assert query == {
        "repo": REPOSITORY_URL,
        "urlpath": "lab/tree/how-muscles-twitch/notebooks/03_recruitment.ipynb",
        "branch": "course-2026-fall",
    }
    assert (ROOT / "notebooks" / "03_recruitment.ipynb").is_file()


def test_the_nbgitpuller_link_keeps_a_hub_path_prefix():
    url = nbgitpuller_url("https://example.edu/jupyter", "main")
    assert url.startswith("https://example.edu/jupyter/hub/user-redirect/git-pull?")


@pytest.mark.parametrize(
    ("hub", "branch", "notebook", "named"),
    [
        ("hub.example.edu", "main", "00_welcome.ipynb", "hub="),
        ("https://hub.example.edu", "a branch", "00_welcome.ipynb", "branch="),
        ("https://hub.example.edu", "main", "notebooks/00_welcome.ipynb", "notebook="),
    ],
)
def test_a_bad_link_request_is_refused_by_name(hub, branch, notebook, named):
    with pytest.raises(ValueError, match=named):
        nbgitpuller_url(hub, branch, notebook)
