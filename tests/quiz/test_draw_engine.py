"""A drawn quiz: the same id always gets the same questions, every objective first."""

from __future__ import annotations

import copy
import itertools
import json

import pytest

from lessons.quiz import ProgressStore, Quiz, load_bank
from lessons.quiz.draw import draw_ids


def _pool_bank(objectives: int = 3, per_objective: int = 5, draw: int = 6) -> dict:
    question = {
        "type": "single_choice",
        "kind": "reasoning",
        "references": ["seed"],
        "prompt": "Pick one.",
        "explanation": "Because.",
        "choices": [
            {"id": "right", "text": "Right", "correct": True, "feedback": "Yes."},
            {"id": "wrong", "text": "Wrong", "feedback": "No."},
        ],
    }
    questions = [
        {**copy.deepcopy(question), "id": f"o{o}-q{q}", "objective": f"o{o}"}
        for o in range(objectives)
        for q in range(per_objective)
    ]
    return {
        "lesson": "99_test",
        "title": "A drawn bank",
        "objectives": {f"o{o}": f"Objective {o}." for o in range(objectives)},
        "draw": draw,
        "questions": questions,
    }


@pytest.fixture
def bank(write_bank):
    return load_bank(write_bank(_pool_bank()), reference_keys={"seed"})


def test_a_draw_is_stable_covers_every_objective_and_keeps_bank_order(bank) -> None:
    ids = draw_ids(bank, "s001")
    assert ids == draw_ids(bank, "s001") == draw_ids(bank, "  s001 ")
    assert len(ids) == 6 and len(set(ids)) == 6
    assert {question_id.split("-")[0] for question_id in ids} == {"o0", "o1", "o2"}
    assert [qid.split("-")[0] for qid in ids].count("o0") == 2  # two rounds of three
    order = [question.id for question in bank.questions]
    assert list(ids) == sorted(ids, key=order.index)


def test_different_ids_mostly_draw_different_questions_and_all_get_drawn(bank) -> None:
    draws = [draw_ids(bank, f"student-{n}") for n in range(200)]
    different = sum(1 for a, b in itertools.pairwise(draws) if a != b)
    assert different >= 190
    assert set().union(*draws) == {question.id for question in bank.questions}


def test_an_empty_id_draws_nothing(bank) -> None:
    with pytest.raises(ValueError, match="student_key"):
        draw_ids(bank, "  ")


def test_a_quiz_draws_for_the_stored_id_and_remembers_a_new_one(bank, progress_folder) -> None:
    store = ProgressStore(progress_folder)
    quiz = Quiz(bank, store=store)
    assert quiz.questions == () and repr(quiz) == (
        "Quiz 99_test: 6 questions drawn from a pool of 15"
    )
    drawn = quiz.draw_for("s001")
    assert tuple(state.id for state in quiz.questions) == drawn
    student = json.loads((progress_folder / "progress.json").read_text())["student"]
    assert student["id"] == "s001"
    reloaded = Quiz(bank, store=ProgressStore(progress_folder))
    assert tuple(state.id for state in reloaded.questions) == drawn
    other = Quiz(bank, store=ProgressStore(progress_folder), student_id="s002")
    assert tuple(state.id for state in other.questions) != drawn


def test_the_draw_panel_redraws_the_quiz_widget(bank, progress_folder) -> None:
    quiz = Quiz(bank, store=ProgressStore(progress_folder))
    widget = quiz.widget
    panel = widget.children[1]
    status, row = panel.children
    id_input, button = row.children
    assert "Type your student id" in status.value
    button.click()  # no id yet
    assert "Type your student id or name first" in status.value
    id_input.value = "s001"
    button.click()
    questions = [child for child in widget.children if "lessons-quiz" in child._dom_classes]
    assert len(questions) == 6
    assert "drawn for <strong>s001</strong>" in widget.children[1].children[0].value


def test_pressing_again_with_the_same_id_keeps_a_chosen_but_unchecked_answer(
    bank, progress_folder
) -> None:
    quiz = Quiz(bank, store=ProgressStore(progress_folder), student_id="s001")
    widget = quiz.widget
    shown = widget.children
    first_question = next(child for child in shown if "lessons-quiz" in child._dom_classes)
    options = first_question.children[1]
    options.value = options.options[0][1]  # chosen, Check not pressed yet
    quiz.draw_for(" s001 ")
    assert widget.children == shown
    assert options.value == options.options[0][1]
    quiz.draw_for("s002")
    assert widget.children != shown


def test_a_bank_without_draw_shows_every_question(write_bank, progress_folder) -> None:
    data = _pool_bank()
    del data["draw"]
    quiz = Quiz(load_bank(write_bank(data), reference_keys={"seed"}))
    assert len(quiz.questions) == 15 and not quiz.drawn
    with pytest.raises(ValueError, match="not drawn"):
        quiz.draw_for("s001")
