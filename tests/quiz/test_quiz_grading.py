"""Grading rules and the headless question state, without widgets."""

from __future__ import annotations

import subprocess
import sys

import pytest

from lessons.quiz import QuestionState, load_bank
from lessons.quiz.grading import display_order, parse_number
from lessons.quiz.schema import NumericQuestion


@pytest.fixture(scope="module")
def welcome():
    return {question.id: question for question in load_bank("00_welcome").questions}


# -- shuffling ------------------------------------------------------------------------
def test_shuffle_is_stable_across_python_processes() -> None:
    code = (
        "from lessons.quiz.grading import display_order;"
        "print(display_order('q-id', ['a', 'b', 'c', 'd', 'e', 'f']))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={"PYTHONHASHSEED": seed, "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert outputs == {f"{display_order('q-id', list('abcdef'))}\n"}


def test_shuffle_depends_on_question_id_and_can_be_switched_off() -> None:
    ids = [f"option-{n}" for n in range(8)]
    orders = {display_order(f"question-{n}", ids) for n in range(5)}
    assert len(orders) > 1
    assert all(sorted(order) == sorted(ids) for order in orders)
    assert display_order("question-1", ids, shuffle=False) == tuple(ids)


# -- single choice and state ---------------------------------------------------------
def test_single_choice_feedback_attempts_and_first_try(welcome) -> None:
    state = QuestionState(welcome["what-is-a-twitch"])
    assert state.check().status == "invalid" and state.attempts == 0
    state.select("many-muscle-groups")
    result = state.check()
    assert not result.correct and "cramp" in result.feedback
    assert result.wrong_options == ("many-muscle-groups",)
    assert state.explanation is None
    state.select("single-motor-fibre")
    assert state.check().correct
    assert state.attempts == 2 and state.solved and state.first_try_correct is False
    assert state.explanation == welcome["what-is-a-twitch"].explanation


def test_unknown_choice_is_refused_with_its_name(welcome) -> None:
    state = QuestionState(welcome["what-is-a-twitch"])
    with pytest.raises(ValueError, match="'nope'"):
        state.select("nope")


def test_giving_up_reveals_and_later_success_does_not_count(welcome) -> None:
    state = QuestionState(welcome["what-is-a-twitch"])
    assert state.give_up() == welcome["what-is-a-twitch"].explanation
    assert state.revealed and state.finished
    state.try_again()
    assert not state.finished and state.selection is None
    state.select("single-motor-fibre")
    assert state.check().correct
    assert not state.solved and state.first_try_correct is False


# -- multiple select -----------------------------------------------------------------
def test_multiple_select_needs_every_right_option_and_nothing_else(welcome) -> None:
    question = welcome["emergency-signs"]
    right = [choice.id for choice in question.choices if choice.correct]
    state = QuestionState(question)
    state.select(right[:-1])
    partial = state.check()
    assert not partial.correct and "1 more option also applies" in partial.feedback
    state.select([*right, "persistent"])
    extra = state.check()
    assert not extra.correct and extra.wrong_options == ("persistent",)
    assert "not an emergency" in extra.feedback
    state.select(right)
    assert state.check().correct


# -- numeric -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("38.3", 38.3),
        (" 38,3 ", 38.3),
        ("38.3 °C", 38.3),
        ("−2", -2.0),
        ("1e3", 1000.0),
        ("abc", None),
        ("38.3.1", None),
        ("nan", None),
        ("inf", None),
        ("", None),
    ],
)
def test_parse_number(typed: str, expected: float | None) -> None:
    assert parse_number(typed, "°C") == expected


def test_numeric_tolerance_edges(welcome) -> None:
    question: NumericQuestion = welcome["fever-in-celsius"]
    low, high = question.accepted_range()
    # 101 °F = (101 - 32) * 5/9 °C = 38.33 °C (NIST SP 811, thompson2008); tolerance ±0.2
    assert (low + high) / 2 == pytest.approx((101 - 32) * 5 / 9, abs=0.01)
    state = QuestionState(question)
    for inside in (low, high, (101 - 32) * 5 / 9, "38.3"):
        state.select(inside)
        assert state.check().correct, inside
    for outside, mistake in ((high + 0.01, "too-high"), (low - 0.01, "too-low")):
        state.select(outside)
        result = state.check()
        assert not result.correct and result.wrong_options == (mistake,)


def test_numeric_misconceptions_get_their_own_feedback(welcome) -> None:
    question: NumericQuestion = welcome["fever-in-celsius"]
    state = QuestionState(question)
    state.select(101 * 5 / 9)  # forgot to subtract 32 first
    result = state.check()
    assert result.wrong_options == ("forgot-32",)
    assert result.feedback.endswith(question.misconceptions[0].feedback)


def test_non_numeric_input_is_refused_without_costing_an_attempt(welcome) -> None:
    state = QuestionState(welcome["fever-in-celsius"])
    state.select("thirty-eight")
    result = state.check()
    assert result.status == "invalid" and "is not a number" in result.feedback
    assert state.attempts == 0


def test_relative_tolerance(bank_data: dict) -> None:
    question = NumericQuestion.model_validate(bank_data["questions"][1])
    state = QuestionState(question)
    for value, correct in ((10.5, True), (9.5, True), (10.51, False), (9.49, False)):
        state.select(value)
        assert state.check().correct is correct, value


# -- classification ------------------------------------------------------------------
def test_classification_gives_feedback_per_item(welcome) -> None:
    question = welcome["sort-by-urgency"]
    state = QuestionState(question)
    state.select("stress-calf", "usually-normal")
    unsorted = state.check()
    assert unsorted.status == "invalid" and "3 still to sort" in unsorted.feedback
    answer = {item.id: item.category for item in question.items}
    answer["persistent-worry"] = "emergency"
    state.select(answer)
    result = state.check()
    assert not result.correct
    assert result.wrong_options == ("persistent-worry->emergency",)
    for item in question.items:
        assert item.feedback in result.feedback
    state.select("persistent-worry", "see-doctor-soon")
    assert state.check().correct
