"""The bank validator refuses the new kinds of mistakes, naming file, question and field."""

from __future__ import annotations

import pytest
from support.activity_banks import activity_bank

from lessons.quiz import QuestionBankError, load_bank


def _problems(write_bank, bank: dict):
    path = write_bank(bank)
    with pytest.raises(QuestionBankError) as caught:
        load_bank(path, reference_keys={"seed"})
    return str(path), caught.value.problems


def _question(bank: dict, question_id: str) -> dict:
    return next(q for q in bank["questions"] if q["id"] == question_id)


def test_an_unknown_question_type(write_bank) -> None:
    bank = activity_bank()
    _question(bank, "pick-one")["type"] = "essay"
    path, problems = _problems(write_bank, bank)
    assert [(p.file, p.question_id, p.field) for p in problems] == [(path, "pick-one", "type")]
    assert "prediction" in problems[0].message and "written" in problems[0].message


def test_a_prediction_without_an_experiment(write_bank) -> None:
    bank = activity_bank()
    del _question(bank, "predict-plateau")["experiment"]
    path, problems = _problems(write_bank, bank)
    assert [(p.file, p.question_id, p.field) for p in problems] == [
        (path, "predict-plateau", "experiment")
    ]


def test_a_prediction_naming_an_experiment_the_course_does_not_run(write_bank) -> None:
    bank = activity_bank()
    _question(bank, "predict-plateau")["experiment"] = "time-machine"
    _path, problems = _problems(write_bank, bank)
    assert [(p.question_id, p.field) for p in problems] == [("predict-plateau", "experiment")]
    assert "unknown experiment 'time-machine'" in problems[0].message


def test_a_prediction_with_both_choices_and_an_estimate(write_bank) -> None:
    bank = activity_bank()
    _question(bank, "predict-plateau").update(answer=3, tolerance={"absolute": 1})
    _path, problems = _problems(write_bank, bank)
    assert [(p.question_id, p.field) for p in problems] == [("predict-plateau", "choices")]


@pytest.mark.parametrize("points", [0, 2, 5])
def test_a_rubric_without_three_or_four_points(write_bank, points: int) -> None:
    bank = activity_bank()
    rubric = [{"id": f"p{i}", "text": f"Point {i}."} for i in range(points)]
    _question(bank, "explain-cramp")["rubric"] = rubric
    path, problems = _problems(write_bank, bank)
    assert [(p.file, p.question_id, p.field) for p in problems] == [
        (path, "explain-cramp", "rubric")
    ]


def test_a_written_question_without_a_rubric(write_bank) -> None:
    bank = activity_bank()
    del _question(bank, "explain-cramp")["rubric"]
    _path, problems = _problems(write_bank, bank)
    assert [(p.question_id, p.field) for p in problems] == [("explain-cramp", "rubric")]


def test_a_pool_smaller_than_its_draw(write_bank) -> None:
    bank = activity_bank()
    bank["draw"] = 3  # one question without a group
    path, problems = _problems(write_bank, bank)
    assert [(p.file, p.question_id, p.field) for p in problems] == [(path, None, "draw")]
    message = problems[0].message
    assert "draws 3 questions but the pool" in message and "only 1" in message


def test_a_question_without_its_kind(write_bank) -> None:
    bank = activity_bank()
    del _question(bank, "pick-one")["kind"]
    _path, problems = _problems(write_bank, bank)
    assert [(p.question_id, p.field) for p in problems] == [("pick-one", "kind")]
