"""The real ipywidgets objects: set values, click Check, read the feedback area."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lessons.controls import RadioGroup
from lessons.quiz import Quiz, load_bank
from lessons.quiz.markdown import render_inline
from lessons.quiz.widgets import FEEDBACK_CLASS, QUESTION_CLASS

BANK = load_bank("00_welcome")
QUESTIONS = {question.id: question for question in BANK.questions}


def _progress(folder: Path) -> dict:
    return json.loads((folder / "progress.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "choice", QUESTIONS["what-is-a-twitch"].choices, ids=lambda choice: choice.id
)
def test_each_single_choice_option_shows_its_own_feedback(choice) -> None:
    view = Quiz.from_bank("00_welcome").view("what-is-a-twitch")
    assert isinstance(view.radio, RadioGroup)
    view.radio.value = choice.id
    view.check_button.click()
    assert render_inline(choice.feedback) in view.feedback.value
    assert ("Right." in view.feedback.value) is choice.correct
    assert (view.explanation.value != "") is choice.correct


@pytest.mark.parametrize(
    "choice", QUESTIONS["emergency-signs"].choices, ids=lambda choice: choice.id
)
def test_each_checkbox_alone_shows_its_feedback(choice) -> None:
    view = Quiz.from_bank("00_welcome").view("emergency-signs")
    view.checkboxes[choice.id].value = True
    view.check_button.click()
    assert render_inline(choice.feedback) in view.feedback.value
    assert "Not quite." in view.feedback.value  # one ticked box never covers all five signs


def test_all_right_checkboxes_solve_the_question() -> None:
    view = Quiz.from_bank("00_welcome").view("emergency-signs")
    for choice in QUESTIONS["emergency-signs"].choices:
        view.checkboxes[choice.id].value = choice.correct
    view.check_button.click()
    assert "Right." in view.feedback.value
    assert all(box.disabled for box in view.checkboxes.values())


@pytest.mark.parametrize(
    ("typed", "verdict"),
    [
        ("38.3", "Right."),
        ("38,4", "Right."),
        ("38.6", "Too high."),
        ("37.9", "Too low."),
        ("56.1", "32 was not subtracted"),
        ("69", "without the factor 5/9"),
    ],
)
def test_numeric_input_inside_and_outside_tolerance(typed: str, verdict: str) -> None:
    view = Quiz.from_bank("00_welcome").view("fever-in-celsius")
    view.number_input.value = typed
    view.check_button.click()
    assert verdict in view.feedback.value


def test_non_numeric_input_shows_a_message_not_an_exception(progress_folder: Path) -> None:
    view = Quiz.from_bank("00_welcome").view("fever-in-celsius")
    view.number_input.value = "<b>hot</b>"
    view.check_button.click()
    assert "is not a number" in view.feedback.value
    assert "<b>" not in view.feedback.value
    assert not (progress_folder / "progress.json").exists(), "not counted as an attempt"


def test_classification_dropdowns_and_per_item_feedback() -> None:
    view = Quiz.from_bank("00_welcome").view("sort-by-urgency")
    question = QUESTIONS["sort-by-urgency"]
    for item in question.items:
        view.dropdowns[item.id].value = item.category
    view.dropdowns["fever-103"].value = "see-doctor-soon"
    view.check_button.click()
    assert "1 of 4 items are in the wrong category" in view.feedback.value
    assert "is not \u201cSeek prompt medical care\u201d" in view.feedback.value
    view.try_again_button.click()
    assert view.feedback.value == ""
    assert all(dropdown.value is None for dropdown in view.dropdowns.values())


def test_explanation_and_try_again_flow() -> None:
    view = Quiz.from_bank("00_welcome").view("what-is-a-twitch")
    view.radio.value = "voluntary"
    view.check_button.click()
    assert view.explanation.value == "" and not view.try_again_button.disabled
    view.explanation_button.click()
    assert "Explanation" in view.explanation.value and "Sources" in view.explanation.value
    assert view.radio.disabled and view.check_button.disabled
    view.try_again_button.click()
    assert view.explanation.value == "" and view.radio.value is None and not view.radio.disabled


def test_headless_selection_shows_in_the_widgets() -> None:
    quiz = Quiz.from_bank("00_welcome")
    view = quiz.view("what-is-a-twitch")
    quiz.question("what-is-a-twitch").select("always-disease")
    assert view.radio.value == "always-disease"
    quiz.question("what-is-a-twitch").check()
    assert render_inline(QUESTIONS["what-is-a-twitch"].choices[3].feedback) in view.feedback.value


def test_css_classes_and_labelled_inputs() -> None:
    quiz = Quiz.from_bank("00_welcome")
    for state in quiz.questions:
        view = quiz.view(state.id)
        assert QUESTION_CLASS in view.container._dom_classes
        assert FEEDBACK_CLASS in view.feedback._dom_classes
        for widget in view._inputs():
            assert widget.description.strip(), f"{state.id}: an input has no label"
        assert view.check_button.description == "Check"


def test_score_and_progress_file_follow_the_clicks(progress_folder: Path) -> None:
    quiz = Quiz.from_bank("00_welcome")
    quiz.widget  # noqa: B018 (build the widgets)
    twitch = quiz.view("what-is-a-twitch")
    twitch.radio.value = "voluntary"
    twitch.check_button.click()
    twitch.radio.value = "single-motor-fibre"
    twitch.check_button.click()
    fever = quiz.view("fever-in-celsius")
    fever.number_input.value = "38.3"
    fever.check_button.click()
    score = quiz.score
    assert (score.solved, score.first_try_correct, score.attempted) == (2, 1, 2)
    assert quiz._score_label.value == score.text()
    record = _progress(progress_folder)["lessons"]["00_welcome"]
    twitch_record = record["questions"]["what-is-a-twitch"]
    assert twitch_record["attempts"] == 2 and twitch_record["first_try_correct"] is False
    assert twitch_record["first_answer"] == "voluntary"
    assert twitch_record["last_answer"] == "single-motor-fibre"
    assert record["questions"]["fever-in-celsius"]["first_try_correct"] is True
    assert record["objectives_to_revisit"] == ["twitch-vs-cramp"]


def test_plain_text_repr_is_short_and_fixed(progress_folder: Path) -> None:
    quiz = Quiz.from_bank("00_welcome")
    before = quiz._repr_mimebundle_()
    assert before["text/plain"] == "Quiz 00_welcome: 6 questions"
    assert "application/vnd.jupyter.widget-view+json" in before
    quiz.question("what-is-a-twitch").select("voluntary")
    quiz.question("what-is-a-twitch").check()
    assert quiz._repr_mimebundle_()["text/plain"] == before["text/plain"]
    single = Quiz.from_bank("00_welcome", only="fever-in-celsius")
    assert single._repr_mimebundle_()["text/plain"] == "Quiz 00_welcome: 1 question"


def test_unknown_only_id_is_refused() -> None:
    with pytest.raises(ValueError, match="no-such-question"):
        Quiz.from_bank("00_welcome", only=["no-such-question"])


def test_the_single_choice_group_is_named_by_its_prompt() -> None:
    """One radio group per question (one tab stop, arrow keys), labelled by the prompt text."""
    view = Quiz.from_bank("00_welcome").view("what-is-a-twitch")
    assert view.radio.labelledby == view.prompt_id
    assert f'id="{view.prompt_id}"' in view.prompt.value
    question = QUESTIONS["what-is-a-twitch"]
    assert sorted(value for _label, value in view.radio.options) == sorted(
        choice.id for choice in question.choices
    )
    with pytest.raises(Exception, match="not one of the options"):
        view.radio.value = "no-such-choice"
