"""A recorded prediction in the browser: it locks, the experiment runs, then it is compared.

Lesson 02 places predictions before its stimulator experiments. The student picks an
option, locks it (the options go inert), moves the experiment's control, and presses
Compare, which shows the outcome and how the prediction fared. After a page reload and a
fresh kernel the prediction is still locked: it was saved when it was locked.
"""

from __future__ import annotations

import pytest
from assessment_steps import reload_and_run_all
from playwright.sync_api import expect

from lessons.quiz import load_bank
from lessons.quiz.schema import PredictionQuestion

pytestmark = pytest.mark.browser

LESSON = "02_twitch_to_tetanus"
STUDENT_TESTS = True
TIMEOUT_MS = 60_000


def _first_choice_prediction() -> PredictionQuestion:
    bank = load_bank(LESSON)
    found = [q for q in bank.questions if q.type == "prediction" and q.choices]
    assert found, f"{LESSON} has no prediction with choices"
    return found[0]


def _block(run, question: PredictionQuestion):
    first = question.choices[0].text
    radio = run.page.get_by_role("radio", name=first, exact=True)
    return run.notebook().locator(".lessons-prediction").filter(has=radio)


def test_a_prediction_locks_and_is_compared_after_the_experiment(lessons):
    run = lessons.get(LESSON)
    question = _first_choice_prediction()
    block = _block(run, question)
    expect(block).to_have_count(1)
    wrong = next(choice for choice in question.choices if not choice.correct)
    compare = block.get_by_role("button", name="Compare with the experiment")
    expect(compare).to_be_disabled()  # nothing to compare before a prediction is locked

    block.get_by_role("radio", name=wrong.text, exact=True).check()
    block.get_by_role("button", name="Lock in my prediction").click()
    status = block.locator(".lessons-prediction-status")
    expect(status).to_contain_text(f"you predicted {wrong.text}", timeout=TIMEOUT_MS)
    for choice in question.choices:
        expect(block.get_by_role("radio", name=choice.text, exact=True)).to_be_disabled()
    expect(block.locator(".lessons-prediction-comparison")).to_have_text("")

    # The experiment: the first simulation after the prediction, one step of its first control.
    experiment = block.locator("xpath=following::div[contains(@class,'lessons-sim')][1]")
    slider = experiment.locator("input[type=range]").first
    slider.focus()
    before = slider.input_value()
    run.page.keyboard.press("ArrowRight")
    expect(slider).not_to_have_value(before, timeout=TIMEOUT_MS)
    run.wait_for_kernel_idle()

    expect(compare).to_be_enabled()
    compare.click()
    comparison = block.locator(".lessons-prediction-comparison")
    expect(comparison).to_contain_text("What the experiment shows", timeout=TIMEOUT_MS)
    expect(comparison).to_contain_text(f"Your prediction ({wrong.text}) did not match it")
    expect(compare).to_be_disabled()

    reload_and_run_all(run)
    block = _block(run, question)
    expect(block.locator(".lessons-prediction-status")).to_contain_text(
        f"you predicted {wrong.text}", timeout=TIMEOUT_MS
    )
    expect(block.get_by_role("radio", name=wrong.text, exact=True)).to_be_checked()
    expect(block.get_by_role("radio", name=wrong.text, exact=True)).to_be_disabled()
    expect(block.locator(".lessons-prediction-comparison")).to_contain_text(
        "What the experiment shows"
    )
