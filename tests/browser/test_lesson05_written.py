"""A written explanation in the browser: saved, kept through a reload, in the export.

The student writes, saves, sees the model answer and the rubric, ticks a point and saves the
check. After a page reload and a fresh kernel the text and the tick are back (read from the
progress file), and an export of the student's results carries the text.
"""

from __future__ import annotations

import json

import pytest
from assessment_steps import reload_and_run_all
from playwright.sync_api import expect

from lessons.quiz import ProgressStore, export_results, load_bank
from lessons.quiz.schema import WrittenQuestion

pytestmark = pytest.mark.browser

LESSON = "05_twitch_fibrillation_cramp"
STUDENT_TESTS = True
TIMEOUT_MS = 60_000
ANSWER = (
    "A twitch is one motor unit firing once, while in a cramp many units of several "
    "muscles fire again and again, so their twitches sum into a strong, lasting pull."
)


def _question() -> WrittenQuestion:
    found = [q for q in load_bank(LESSON).questions if q.type == "written"]
    assert found, f"{LESSON} has no written question"
    return found[0]


def test_a_written_answer_is_saved_survives_a_reload_and_is_exported(lessons, lab_server, tmp_path):
    run = lessons.get(LESSON)
    question = _question()
    block = run.notebook().locator(".lessons-written")
    expect(block).to_have_count(1)
    point = question.rubric[0]
    expect(block.get_by_role("checkbox", name=point.text)).to_be_hidden()  # rubric after saving

    block.get_by_role("textbox", name="Your answer").fill(ANSWER)
    block.get_by_role("button", name="Save my answer").click()
    expect(block.locator(".lessons-written-model")).to_contain_text(
        "A model answer", timeout=TIMEOUT_MS
    )
    block.get_by_role("checkbox", name=point.text).check()
    block.get_by_role("button", name="Save my check").click()
    expect(block.locator(".lessons-written-status")).to_contain_text(
        "Your check is saved", timeout=TIMEOUT_MS
    )

    reload_and_run_all(run)
    block = run.notebook().locator(".lessons-written")
    expect(block.get_by_role("textbox", name="Your answer")).to_have_value(
        ANSWER, timeout=TIMEOUT_MS
    )
    expect(block.get_by_role("checkbox", name=point.text)).to_be_checked()

    path = export_results(tmp_path, ProgressStore(lab_server.progress_dir), name="Browser")
    record = json.loads(path.read_text(encoding="utf-8"))["lessons"][LESSON]["questions"][
        question.id
    ]
    assert record["written_answer"] == ANSWER
    assert record["rubric_ticked"] == [point.id]
