"""Lesson 07's cases as quiz questions: built from the triage rules, graded, saved, exported.

The expected level of every case comes from ``lessons.content.triage`` (the rules), never from
a level written here; the question's options are the rule table's levels.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
import yaml

from lessons.content.triage import LEVELS, level_rank, triage_table, triage_vignette, vignettes
from lessons.quiz import Quiz, load_bank
from lessons.quiz.bank import QuestionBankError
from lessons.quiz.export import export_results
from lessons.quiz.progress import ProgressStore
from lessons.quiz.results import class_results
from lessons.quiz.schema import TriageCaseQuestion
from lessons.quiz.static import question_static_html
from lessons.quiz.triage_case import TOO_HIGH, TOO_LOW, choice_id

LESSON = "07_when_to_seek_care"
CASES = {case.id: case for case in vignettes()}


def case_questions() -> list[TriageCaseQuestion]:
    return [q for q in load_bank(LESSON).questions if isinstance(q, TriageCaseQuestion)]


def test_every_case_of_the_lesson_is_a_question_of_its_own_group():
    questions = case_questions()
    assert sorted(q.case for q in questions) == sorted(CASES)
    assert {q.group for q in questions} == {"cases"}
    cases = Quiz.from_bank(LESSON, group="cases")
    assert [state.id for state in cases.questions] == [q.id for q in questions]
    others = Quiz.from_bank(LESSON)
    assert not any(isinstance(state.question, TriageCaseQuestion) for state in others.questions)
    # Predictions and written answers have cells of their own (Prediction, WrittenAnswer).
    quiz_items = [q for q in load_bank(LESSON).questions if q.type not in ("prediction", "written")]
    assert len(others.questions) + len(cases.questions) == len(quiz_items)
    with pytest.raises(ValueError, match=r"group='no-such-group'.*\['cases'"):
        Quiz.from_bank(LESSON, group="no-such-group")
    with pytest.raises(ValueError, match=r"Prediction\.from_bank"):
        Quiz.from_bank(LESSON, group="predictions")


@pytest.mark.parametrize("question", case_questions(), ids=lambda q: q.id)
def test_each_case_offers_the_four_levels_and_the_rules_level_is_right(question):
    labels = [level.label for level in triage_table().levels]
    assert [choice.text for choice in question.choices] == labels
    assert [choice.id for choice in question.choices] == [choice_id(lv) for lv in LEVELS]
    expected = triage_vignette(CASES[question.case]).level
    (right,) = [choice for choice in question.choices if choice.correct]
    assert right.id == choice_id(expected)
    assert question.shuffle is False  # a scale, shown least to most urgent
    assert CASES[question.case].story in question.prompt


@pytest.mark.parametrize("question", case_questions(), ids=lambda q: q.id)
def test_a_wrong_level_is_told_its_direction_without_giving_the_answer(question):
    expected = triage_vignette(CASES[question.case]).level
    quiz = Quiz.from_bank(LESSON, only=question.id)
    state = quiz.question(question.id)
    for level in LEVELS:
        if level == expected:
            continue
        state.select(choice_id(level))
        result = state.check()
        assert not result.correct
        direction = TOO_LOW if level_rank(level) < level_rank(expected) else TOO_HIGH
        assert direction in result.feedback
        assert triage_table().levels[level_rank(expected)].label not in result.feedback
        state.try_again()
    state.select(choice_id(expected))
    result = state.check()
    assert result.correct and not state.first_try_correct
    explanation = state.explanation
    for sign in triage_vignette(CASES[question.case]).signs:
        assert triage_table().signs[sign].why in explanation
    assert triage_vignette(CASES[question.case]).advice in explanation


def test_an_urgent_case_sorted_too_low_is_saved_exported_and_counted(tmp_path: Path):
    store = ProgressStore()
    quiz = Quiz.from_bank(LESSON, group="cases", store=store)
    state = quiz.question("case-long-thigh-cramp")
    state.select("see-a-doctor-soon")
    assert TOO_LOW in state.check().feedback
    state.try_again()
    state.select("urgent-same-day")
    assert state.check().correct
    saved = store.load()["lessons"][LESSON]["questions"]["case-long-thigh-cramp"]
    assert saved["attempts"] == 2 and saved["first_try_correct"] is False
    assert saved["first_answer"] == "see-a-doctor-soon" and saved["solved"] is True

    folder = tmp_path / "handed-in"
    exported = export_results(folder, store=store, name="Ada", student_id="s1")
    assert (
        json.loads(exported.read_text())["lessons"][LESSON]["questions"]["case-long-thigh-cramp"][
            "first_answer"
        ]
        == "see-a-doctor-soon"
    )
    results = class_results(folder)
    stats = results.item(LESSON, "case-long-thigh-cramp")
    assert stats.students == 1 and stats.share_correct == 0.0
    assert "See a doctor soon" in results.items_html()


def test_a_case_shows_its_four_levels_on_the_static_site():
    quiz = Quiz.from_bank(LESSON, only="case-calf-after-flight")
    page = question_static_html(quiz.questions[0], 1, 1)
    for level in triage_table().levels:
        assert level.label in page
    assert html.escape(CASES["calf_after_flight"].title) in page


def test_a_case_that_is_not_a_vignette_is_refused_naming_file_question_and_field(tmp_path):
    bank = yaml.safe_load(Path("data/quizzes/07_when_to_seek_care.yaml").read_text())
    question = next(q for q in bank["questions"] if q.get("type") == "triage_case")
    question["case"] = "garden_gnome"
    path = tmp_path / "07_when_to_seek_care.yaml"
    path.write_text(yaml.safe_dump(bank, allow_unicode=True), encoding="utf-8")
    with pytest.raises(QuestionBankError) as error:
        load_bank(path)
    message = str(error.value)
    assert str(path) in message and f"question {question['id']!r}" in message
    assert "field 'case'" in message and "garden_gnome" in message
