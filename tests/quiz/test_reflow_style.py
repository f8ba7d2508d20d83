"""Every course block carries the reflow stylesheet, and the stylesheet stays inside them.

The rules of ``lessons.controls.reflow`` let rows of controls wrap and labels break at 320 px
(the browser suite's tests/browser/test_reflow_320px.py measures that in every lesson). They
reach the page with a ``ReflowStyle`` widget, so each block a lesson can show first must hold
one; and since the stylesheet is global to the page, each rule must be scoped to the course's
blocks, or it would restyle other notebooks' widgets.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.payload import recording_comms

from lessons.controls.reflow import BLOCKS, REFLOW_CSS, ReflowStyle
from lessons.quiz import (
    Prediction,
    ProgressDashboard,
    ProgressStore,
    Quiz,
    WrittenAnswer,
    class_results,
    export_results,
)
from lessons.sims.catalogue import simulation_apps

APPS = simulation_apps()


def _holds_one_reflow_style(box, block_class: str) -> bool:
    assert block_class in box._dom_classes, (block_class, box._dom_classes)
    return sum(isinstance(child, ReflowStyle) for child in box.children) == 1


@pytest.mark.parametrize("name", APPS)
def test_every_simulation_block_holds_the_reflow_style(name):
    with recording_comms():
        app = APPS[name]()
    assert _holds_one_reflow_style(app.widget, "lessons-sim"), name


def test_every_quiz_activity_and_dashboard_block_holds_the_reflow_style(tmp_path: Path):
    store = ProgressStore(folder=tmp_path / "student")
    with recording_comms():
        quiz = Quiz.from_bank("00_welcome", store=store)
        assert _holds_one_reflow_style(quiz.widget, "lessons-quiz-lesson")
        prediction = Prediction.from_bank(
            "02_twitch_to_tetanus", "predict-pair-interval", store=store
        )
        assert _holds_one_reflow_style(prediction.view.container, "lessons-prediction")
        written = WrittenAnswer.from_bank(
            "05_twitch_fibrillation_cramp", "explain-cramp-strength", store=store
        )
        assert _holds_one_reflow_style(written.view.container, "lessons-written")
        dashboard = ProgressDashboard(store=store)
        assert _holds_one_reflow_style(dashboard.widget, "lessons-progress-dashboard")


def test_class_results_hold_the_reflow_style(tmp_path: Path):
    folder = tmp_path / "handed-in"
    folder.mkdir()
    store = ProgressStore(folder=tmp_path / "s01")
    quiz = Quiz.from_bank("00_welcome", store=store)
    quiz.question("what-is-a-twitch").select("single-motor-fibre")
    quiz.question("what-is-a-twitch").check()
    export_results(folder, store=store, name="Student s01", student_id="s01")
    with recording_comms():
        box = class_results(folder).widget()
    assert _holds_one_reflow_style(box, "lessons-class-results")


def test_every_rule_is_scoped_to_the_course_blocks():
    scope = ":is(" + ", ".join(BLOCKS) + ")"
    rules = re.findall(r"([^{}]+)\{[^{}]*\}", REFLOW_CSS.replace(scope, "BLOCK"))
    assert len(rules) >= 8
    for rule in rules:
        for selector in re.split(r",(?![^()]*\))", rule):
            selector = selector.strip()
            assert selector.startswith("BLOCK ") or selector == ".lessons-reflow-style", (
                f"a rule outside the course's blocks: {selector!r}"
            )
    assert all(block.startswith(".lessons-") for block in BLOCKS)
