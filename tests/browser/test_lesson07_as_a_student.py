"""Lesson 07 used as a student uses it: sort an urgent case among the lesson's cases.

The levels and the case come from ``data/triage.yaml`` and ``data/vignettes.yaml`` (through the
bank's ``triage_case`` questions); the test clicks what a student clicks (a level, Check, Try
again) and reads the feedback the page shows.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from lessons.content.triage import triage_table, vignettes
from lessons.quiz.triage_case import TOO_LOW

pytestmark = pytest.mark.browser

LESSON = "07_when_to_seek_care"
STUDENT_TESTS = True  # conftest runs these after the generic checks of the lesson
FEEDBACK_TIMEOUT_MS = 60_000
URGENT_CASE = "long_thigh_cramp"


@pytest.fixture
def case_block(lessons):
    run = lessons.get(LESSON)
    case = next(case for case in vignettes() if case.id == URGENT_CASE)
    block = run.notebook().locator(".lessons-quiz").filter(has_text=case.title)
    expect(block).to_have_count(1)
    return block


def test_a_case_offers_the_four_levels_in_order(case_block):
    radios = case_block.get_by_role("radio")
    labels = [level.label for level in triage_table().levels]
    expect(radios).to_have_count(len(labels))
    for index, label in enumerate(labels):
        expect(radios.nth(index)).to_have_accessible_name(label)


def test_an_urgent_case_sorted_too_low_then_right(case_block):
    labels = {level.id: level.label for level in triage_table().levels}
    feedback = case_block.locator(".lessons-quiz-feedback")

    case_block.get_by_role("radio", name=labels["see a doctor soon"], exact=True).click()
    case_block.get_by_role("button", name="Check").click()
    expect(feedback).to_contain_text("Not quite", timeout=FEEDBACK_TIMEOUT_MS)
    expect(feedback).to_contain_text(TOO_LOW.split(".")[0])
    expect(feedback).not_to_contain_text(labels["urgent same day"])

    case_block.get_by_role("button", name="Try again").click()
    case_block.get_by_role("radio", name=labels["urgent same day"], exact=True).click()
    case_block.get_by_role("button", name="Check").click()
    expect(feedback).to_contain_text(
        f"Right: {labels['urgent same day']}.", timeout=FEEDBACK_TIMEOUT_MS
    )
    expect(case_block).to_contain_text(triage_table().signs["cramp_over_10_minutes"].why)
    expect(case_block).to_contain_text("NHS 111")
