"""Lesson 07 used as a student uses it: sort an urgent case in the case sorter.

The levels and the case come from ``data/triage.yaml`` and ``data/vignettes.yaml`` through
``lessons.content.triage``; the test clicks what a student clicks (the Case list, a level,
Check) and reads the feedback the page shows.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from lessons.content.triage import LEVELS, triage_table, vignettes

pytestmark = pytest.mark.browser

LESSON = "07_when_to_seek_care"
STUDENT_TESTS = True  # conftest runs these after the generic checks of the lesson
FEEDBACK_TIMEOUT_MS = 60_000
URGENT_CASE = "long_thigh_cramp"


@pytest.fixture
def sorter(lessons):
    run = lessons.get(LESSON)
    block = run.notebook().locator(".lessons-vignette-sorter")
    expect(block).to_have_count(1)
    return block


def test_the_sorter_offers_the_four_levels_in_order(sorter):
    labels = {level.id: level.label for level in triage_table().levels}
    radios = sorter.get_by_role("radio")
    expect(radios).to_have_count(len(LEVELS))
    for index, level in enumerate(LEVELS):
        expect(radios.nth(index)).to_have_accessible_name(labels[level])


def test_an_urgent_case_sorted_too_low_then_right(sorter):
    cases = vignettes()
    index = next(i for i, case in enumerate(cases) if case.id == URGENT_CASE)
    case = cases[index]
    assert case.expected == "urgent same day"
    labels = {level.id: level.label for level in triage_table().levels}

    sorter.get_by_role("combobox", name="Case").select_option(
        label=f"Case {index + 1}: {case.title}"
    )
    expect(sorter).to_contain_text(case.title, timeout=FEEDBACK_TIMEOUT_MS)
    feedback = sorter.locator(".lessons-quiz-feedback")

    sorter.get_by_role("radio", name=labels["see a doctor soon"], exact=True).click()
    sorter.get_by_role("button", name="Check").click()
    expect(feedback).to_contain_text("Not quite", timeout=FEEDBACK_TIMEOUT_MS)
    expect(feedback).to_contain_text("less urgent than the rules say")
    expect(feedback).to_contain_text(labels["urgent same day"])
    expect(feedback).to_contain_text(triage_table().signs["cramp_over_10_minutes"].why)

    sorter.get_by_role("radio", name=labels["urgent same day"], exact=True).click()
    sorter.get_by_role("button", name="Check").click()
    expect(feedback).to_contain_text(
        f"Right: {labels['urgent same day']}.", timeout=FEEDBACK_TIMEOUT_MS
    )
    expect(feedback).to_contain_text("today")
