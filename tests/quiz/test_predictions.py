"""Recorded predictions: they lock, are saved at once, stay locked, and compare afterwards."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.activity_banks import activity_bank

from lessons.quiz import Prediction, ProgressStore, load_bank
from lessons.quiz.dashboard import predictions_sentence, summarise


@pytest.fixture
def bank(write_bank):
    return load_bank(write_bank(activity_bank()), reference_keys={"seed"})


def _record(folder: Path, question_id: str) -> dict:
    data = json.loads((folder / "progress.json").read_text(encoding="utf-8"))
    return data["lessons"]["99_test"]["questions"][question_id]


def test_a_locked_prediction_is_saved_at_once_and_cannot_change(bank, progress_folder) -> None:
    prediction = Prediction(bank, "predict-plateau", store=ProgressStore(progress_folder))
    state = prediction.state
    state.select("steady")
    assert state.lock().locked
    record = _record(progress_folder, "predict-plateau")
    assert record["kind"] == "prediction"
    assert record["first_answer"] == "steady" and record["first_try_correct"] is False
    assert record["first_wrong_options"] == ["steady"] and record["locked_at"]
    with pytest.raises(ValueError, match="locked"):
        state.select("plateau")
    state.lock()  # a second lock changes nothing
    assert _record(progress_folder, "predict-plateau")["first_answer"] == "steady"


def test_nothing_chosen_is_not_locked_and_says_why(bank, progress_folder) -> None:
    state = Prediction(bank, "predict-plateau", store=ProgressStore(progress_folder)).state
    result = state.lock()
    assert not result.locked and "Choose an option first" in result.message
    assert not (progress_folder / "progress.json").exists()


def test_the_comparison_waits_for_the_lock_and_names_the_outcome(bank, progress_folder) -> None:
    state = Prediction(bank, "predict-plateau", store=ProgressStore(progress_folder)).state
    with pytest.raises(ValueError, match="lock in a prediction"):
        state.compare()
    state.select("steady")
    state.lock()
    assert state.comparison() == ""  # nothing shown before Compare
    text = state.compare()
    assert "levelled off once the twitches fused" in text
    assert "did not match" in text and "Fusion caps it." in text
    assert _record(progress_folder, "predict-plateau")["compared_at"]


def test_a_restart_shows_the_prediction_locked_again(bank, progress_folder) -> None:
    first = Prediction(bank, "predict-plateau", store=ProgressStore(progress_folder)).state
    first.select("plateau")
    first.lock()
    again = Prediction(bank, "predict-plateau", store=ProgressStore(progress_folder)).state
    assert again.locked and again.locked_answer == "plateau" and again.right is True
    assert not again.compared
    again.compare()
    third = Prediction(bank, "predict-plateau", store=ProgressStore(progress_folder)).state
    assert third.compared and "matched it" in third.comparison()


@pytest.mark.parametrize(
    ("typed", "right", "word"), [("27", True, "Close."), ("40 Hz", False, "Lower.")]
)
def test_an_estimate_is_compared_within_its_tolerance(
    bank, progress_folder, typed, right, word
) -> None:
    state = Prediction(bank, "predict-count", store=ProgressStore(progress_folder)).state
    state.select(typed)
    state.lock()
    assert state.right is right
    assert word in state.compare()


def test_a_typo_in_an_estimate_is_a_hint_not_a_lock(bank, progress_folder) -> None:
    state = Prediction(bank, "predict-count", store=ProgressStore(progress_folder)).state
    state.select("twenty")
    assert not state.lock().locked
    assert "is not a number" in state.notice


def test_the_widgets_lock_and_compare(bank, progress_folder) -> None:
    view = Prediction(bank, "predict-plateau", store=ProgressStore(progress_folder)).view
    assert view.compare_button.disabled and not view.lock_button.disabled
    view.radio.value = "plateau"
    view.lock_button.click()
    assert view.radio.disabled and view.lock_button.disabled
    assert not view.compare_button.disabled
    assert "Locked: you predicted" in view.status.value
    assert view.comparison.value == ""
    view.compare_button.click()
    assert "What the experiment shows" in view.comparison.value
    assert view.compare_button.disabled


def test_the_dashboard_counts_predictions_apart_from_the_quiz(bank, progress_folder) -> None:
    store = ProgressStore(progress_folder)
    for question_id, answer in (("predict-plateau", "plateau"), ("predict-count", "60")):
        state = Prediction(bank, question_id, store=store).state
        state.select(answer)
        state.lock()
    (line,) = summarise(store.load(), {"99_test": bank})
    assert (line.predictions_made, line.predictions_right, line.predictions_total) == (2, 1, 2)
    assert line.attempted == 0 and line.total_questions == 1  # the quiz has one question
    assert line.objectives_to_revisit == ()  # a wrong prediction is no lapse
    assert predictions_sentence((line,)) == "Your predictions: 1 of 2 right (2 in the course)."


def test_a_quiz_refuses_to_show_a_prediction(bank) -> None:
    from lessons.quiz import Quiz

    with pytest.raises(ValueError, match=r"Prediction\.from_bank"):
        Quiz(bank, only="predict-plateau")
    assert [state.id for state in Quiz(bank).questions] == ["pick-one"]


def test_an_unknown_prediction_id_names_the_bank_s_predictions(bank) -> None:
    known = r"its predictions: \['predict-plateau', 'predict-count'\]"
    with pytest.raises(ValueError, match=known):
        Prediction(bank, "pick-one")
