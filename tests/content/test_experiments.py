"""Every experiment a prediction can name runs an app the course has."""

from __future__ import annotations

from lessons.content.course import course_map
from lessons.content.experiments import experiments
from lessons.quiz.bank import course_banks
from lessons.sims.catalogue import simulation_apps


def test_every_experiment_names_an_app_of_the_course() -> None:
    apps = simulation_apps()
    missing = {e.id: e.app for e in experiments().values() if e.app not in apps}
    assert not missing, f"data/experiments.yaml names apps lessons.sims does not have: {missing}"


def test_every_experiment_belongs_to_a_lesson_of_the_course_map() -> None:
    numbers = {lesson.number for lesson in course_map()}
    stray = {e.id: e.lesson for e in experiments().values() if e.lesson not in numbers}
    assert not stray, stray


def test_every_prediction_names_an_experiment_of_its_own_lesson() -> None:
    known = experiments()
    wrong = [
        f"{bank.lesson}: {question.id} -> {question.experiment}"
        for bank in course_banks().values()
        for question in bank.questions
        if question.type == "prediction" and known[question.experiment].lesson != bank.lesson[:2]
    ]
    assert not wrong, wrong
