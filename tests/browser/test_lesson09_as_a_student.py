"""Lesson 09 used as a student uses it: draw the questions, answer, read the dashboard.

Question texts and objectives come from ``data/quizzes/09_final_assessment.yaml`` through
``lessons.quiz.load_bank``; which questions a student id draws, from ``lessons.quiz.draw``.
The server's progress folder is new for each test session, so the lesson's line starts
from nothing answered.
"""

from __future__ import annotations

import re

import pytest
from assessment_steps import reload_and_run_all
from lab_page import wait_until
from playwright.sync_api import Locator, expect

from lessons.quiz import load_bank
from lessons.quiz.draw import draw_ids
from lessons.quiz.schema import Bank, SingleChoiceQuestion

pytestmark = pytest.mark.browser

LESSON = "09_final_assessment"
STUDENT_TESTS = True  # conftest runs these after the generic checks of the lesson
FEEDBACK_TIMEOUT_MS = 60_000
ATTEMPTED = re.compile(r"^(\d+) of (\d+)$")
FIRST_ID, SECOND_ID = "browser-student-1", "browser-student-2"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(LESSON)


@pytest.fixture
def run(lessons):
    return lessons.get(LESSON)


def draw_for(run, student_id: str, count: int) -> list[str]:
    """Type the id, press Show my questions, and return the first words of each question."""
    panel = run.notebook().locator(".lessons-quiz-draw")
    panel.get_by_role("textbox", name="Student id (or name)").fill(student_id)
    panel.get_by_role("button", name="Show my questions").click()
    expect(run.notebook().locator(".lessons-quiz-draw")).to_contain_text(
        f"drawn for {student_id}", timeout=FEEDBACK_TIMEOUT_MS
    )
    return shown_questions(run, count)


def shown_questions(run, count: int) -> list[str]:
    questions = run.notebook().locator(".lessons-quiz")
    expect(questions).to_have_count(count, timeout=FEEDBACK_TIMEOUT_MS)
    return [" ".join(text.split())[:120] for text in questions.all_text_contents()]


def test_the_draw_is_stable_across_reloads_and_differs_between_ids(run, bank):
    expect(run.notebook().locator(".lessons-quiz")).to_have_count(0)  # nothing before an id
    first = draw_for(run, FIRST_ID, bank.draw)
    reload_and_run_all(run)
    assert shown_questions(run, bank.draw) == first  # the id was saved: the same draw
    expect(run.notebook().locator(".lessons-quiz-draw")).to_contain_text(f"drawn for {FIRST_ID}")
    second = draw_for(run, SECOND_ID, bank.draw)
    assert second != first
    assert len(set(second) - set(first)) >= 3, "two ids should mostly draw different items"


def answer(run, question: SingleChoiceQuestion, correct: bool) -> None:
    """Click a right (or a wrong) option of ``question`` and press Check."""
    choice = next(c for c in question.choices if c.correct == correct)
    by_text = run.page.get_by_role("radio", name=choice.text, exact=True)
    block = run.notebook().locator(".lessons-quiz").filter(has=by_text)
    block.get_by_role("radio", name=choice.text, exact=True).click()
    block.get_by_role("button", name="Check").click()
    verdict = "Right" if correct else "Not quite"
    expect(block.locator(".lessons-quiz-feedback")).to_contain_text(
        verdict, timeout=FEEDBACK_TIMEOUT_MS
    )


def lesson_row(dashboard: Locator, bank: Bank) -> Locator:
    return dashboard.locator("tbody tr").filter(has_text=bank.title)


def read_row(row: Locator) -> tuple[int, int, int, str]:
    """(attempted, questions, right on first try, objectives to revisit) of one table row."""
    cells = [" ".join((text or "").split()) for text in row.locator("td").all_text_contents()]
    match = ATTEMPTED.match(cells[1])
    assert match, f"unexpected 'Attempted' cell {cells[1]!r}"
    return int(match.group(1)), int(match.group(2)), int(cells[2]), cells[5]


def chart_values(dashboard: Locator, lesson: str) -> list[float]:
    """Each bar series' value for ``lesson`` in the dashboard's chart (plotly's el.data)."""
    return dashboard.locator(".js-plotly-plot").evaluate(
        """(plot, lesson) => plot.data.map((trace) => {
             const index = Array.from(trace.x).indexOf(lesson);
             return index < 0 ? null : Array.from(trace.y)[index];
           })""",
        lesson,
    )


def test_dashboard_reflects_answers_after_refresh(run, bank):
    draw_for(run, SECOND_ID, bank.draw)
    drawn = draw_ids(bank, SECOND_ID)
    singles = [q for q in bank.questions if q.id in drawn and isinstance(q, SingleChoiceQuestion)]
    assert len(singles) >= 2, "the test needs two single-choice questions in the draw"
    right_question, wrong_question = singles[:2]
    dashboard = run.notebook().locator(".lessons-progress-dashboard")
    expect(dashboard).to_have_count(1)
    row = lesson_row(dashboard, bank)
    expect(row).to_have_count(1)
    attempted, total, first_try, _ = read_row(row)
    assert total == bank.draw
    chart_before = chart_values(dashboard, bank.lesson)

    answer(run, right_question, correct=True)
    answer(run, wrong_question, correct=False)
    dashboard.get_by_role("button", name="Refresh").click()

    expect(row.locator("td").nth(1)).to_have_text(
        f"{attempted + 2} of {total}", timeout=FEEDBACK_TIMEOUT_MS
    )
    _, _, first_try_now, revisit = read_row(row)
    assert first_try_now == first_try + 1
    assert bank.objectives[wrong_question.objective] in revisit
    if right_question.objective != wrong_question.objective:
        assert bank.objectives[right_question.objective] not in revisit

    # The chart redraws too: one series rose by the two attempts, one by the right answer.
    def rises() -> list[float]:
        after = chart_values(dashboard, bank.lesson)
        if len(after) != len(chart_before):
            return []
        return [
            now - then
            for then, now in zip(chart_before, after, strict=True)
            if then is not None and now is not None
        ]

    wait_until(
        run.page,
        lambda: 2 in rises() and 1 in rises(),
        f"the chart's {bank.lesson} bars to rise by 2 (attempted) and 1 (right first try)",
    )
