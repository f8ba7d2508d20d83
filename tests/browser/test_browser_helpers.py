"""The browser suite's own logic, without a browser: expectations, checks, timing summaries."""

from __future__ import annotations

import json

import nbformat
import pytest
from axe_audit import KNOWN_UPSTREAM_ISSUES, AxeFinding
from browser_reports import (
    AxeReport,
    ControlTiming,
    TimingReport,
    nearest_rank_percentile,
    summarise,
)
from lesson_expectations import lesson_expectation, rendering_problems

WIDGET = "application/vnd.jupyter.widget-view+json"


def widget_output(text: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_output(
        "execute_result", data={WIDGET: {"model_id": "x"}, "text/plain": text}
    )


@pytest.fixture
def lesson(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# 99 · Test"),
        nbformat.v4.new_code_cell(
            "from lessons import sims\n"
            "from lessons.sims.twitch import (\n    explorer,  # the app\n    other as renamed,\n)"
        ),
        nbformat.v4.new_code_cell(
            'Quiz.from_bank("99_test")', outputs=[widget_output("Quiz 99_test: 3 questions")]
        ),
        nbformat.v4.new_code_cell("sims.twitch_explorer()"),  # not executed yet: no outputs
        nbformat.v4.new_code_cell(
            "explorer(contraction_time=0.05)",
            outputs=[widget_output("Twitch: interactive figure with controls for a, b")],
        ),
        nbformat.v4.new_code_cell("x = 1  # other(x) would not count: 'other' is renamed"),
        nbformat.v4.new_code_cell("ProgressDashboard()"),
        nbformat.v4.new_code_cell("renamed()"),
    ]
    path = tmp_path / "99_test.ipynb"
    nbformat.write(notebook, path)
    return lesson_expectation(path)


def seen_cell(**counts) -> dict:
    """One cell as ``window.lessonsProbe.cells()`` reports it; nothing shown by default."""
    cell = {
        "code": True,
        "prompt": "[1]:",
        "quizQuestions": 0,
        "simulations": 0,
        "dashboards": 0,
        "outputs": 0,
        "plots": 0,
        "plotsDrawn": 0,
        "tracesWithoutX": [],
        "widgetViews": 0,
        "loadingWidgets": 0,
        "tracebacks": [],
        "widgetErrors": [],
    }
    cell.update(counts)
    return cell


def page_showing_everything() -> list[dict]:
    return [
        seen_cell(code=False, prompt=""),
        seen_cell(),
        seen_cell(quizQuestions=3, widgetViews=1, outputs=1),
        seen_cell(outputs=1),
        seen_cell(simulations=1, plots=1, plotsDrawn=1, widgetViews=1, outputs=1),
        seen_cell(),
        seen_cell(dashboards=1, plots=1, plotsDrawn=1, widgetViews=1, outputs=1),
        seen_cell(outputs=1),
    ]


def test_expectations_come_from_source_and_stored_outputs(lesson):
    by_cell = {cell.index: cell for cell in lesson.cells}
    assert lesson.cell_count == 8
    assert lesson.code_cells == (1, 2, 3, 4, 5, 6, 7)
    assert by_cell[2].quiz_questions == 3  # the stored text gives the exact count
    assert by_cell[3].outputs == 1 and by_cell[3].simulations == 0  # sims call, no output yet
    assert by_cell[4].simulations == 1  # a name imported from lessons.sims.<module>
    assert by_cell[6].dashboards == 1 and by_cell[6].widget_views == 1
    assert by_cell[7].outputs == 1  # an app imported under another name
    assert 5 not in by_cell and 1 not in by_cell  # plain code expects nothing


def test_a_page_showing_everything_has_no_problem(lesson):
    problems = rendering_problems(lesson, page_showing_everything())
    assert problems.settled
    assert (problems.errors, problems.missing, problems.distorted) == ((), (), ())


def test_missing_quiz_questions_are_reported_and_waited_for(lesson):
    cells = page_showing_everything()
    cells[2] = seen_cell(quizQuestions=2, widgetViews=1, outputs=1)
    problems = rendering_problems(lesson, cells)
    assert problems.missing == (
        "99_test cell 2: shows 2 quiz questions (.lessons-quiz), expected at least 3",
    )
    assert not problems.settled  # the third question may still be arriving


def test_errors_end_the_wait(lesson):
    cells = page_showing_everything()
    cells[4] = seen_cell(prompt="[ ]:")
    cells[5] = seen_cell(tracebacks=["ZeroDivisionError  Traceback (most recent call last)"])
    problems = rendering_problems(lesson, cells)
    assert problems.settled
    assert any("cell 4: did not run" in error for error in problems.errors)
    assert any("ZeroDivisionError" in error for error in problems.errors)
    assert any("simulations" in item for item in problems.missing)


def test_widget_error_text_and_undrawn_figures_are_reported(lesson):
    cells = page_showing_everything()
    cells[4]["widgetErrors"] = ["Error displaying widget: model not found"]
    cells[6]["plotsDrawn"] = 0
    problems = rendering_problems(lesson, cells)
    assert any("Error displaying widget" in error for error in problems.errors)
    assert any("were not drawn" in item for item in problems.missing)


def test_a_trace_without_x_is_a_distortion(lesson):
    cells = page_showing_everything()
    cells[4]["tracesWithoutX"] = [{"plot": 0, "name": "Force", "points": 401}]
    problems = rendering_problems(lesson, cells)
    assert problems.settled
    assert len(problems.distorted) == 1 and "'Force'" in problems.distorted[0]


def test_a_different_cell_count_is_the_only_problem_reported(lesson):
    problems = rendering_problems(lesson, page_showing_everything()[:-1])
    assert problems.missing == ("99_test: JupyterLab shows 7 cells, the notebook has 8",)


def test_nearest_rank_percentile():
    values = list(range(1, 21))  # 1 .. 20
    assert nearest_rank_percentile(values, 0.95) == 19
    assert nearest_rank_percentile(values, 1.0) == 20
    assert nearest_rank_percentile([7.0], 0.95) == 7.0
    with pytest.raises(ValueError, match="fraction=0"):
        nearest_rank_percentile(values, 0)
    with pytest.raises(ValueError, match="values"):
        nearest_rank_percentile([], 0.5)


def test_summary_and_report_per_control(tmp_path):
    summary = summarise([40.0, 10.0, 30.0, 20.0])
    assert (summary.count, summary.median_ms, summary.p95_ms, summary.max_ms) == (
        4,
        25.0,
        40.0,
        40.0,
    )
    report = TimingReport()
    for ms in (100.0, 300.0, 200.0):
        report.add(
            ControlTiming("00_welcome", "1: twitch", "Contraction time (ms)", "End", ms, ms + 20)
        )
    report.add(ControlTiming("01_motor_units", "1: units", "Units", "ArrowRight", 50.0))
    data = report.as_json()
    assert data["summary"]["per_control"]["00_welcome / Contraction time (ms)"]["median_ms"] == 200
    assert data["summary"]["all"]["count"] == 4
    # Fully redrawn (afterplot, then a paint): summarised over the inputs where it was seen.
    assert data["summary"]["all_painted"]["count"] == 3
    assert data["summary"]["all_painted"]["median_ms"] == 220


def test_a_partial_run_replaces_only_its_own_lessons_in_the_report(tmp_path):
    path = tmp_path / "timings.json"
    first = TimingReport()
    first.add(ControlTiming("00_welcome", "1", "Contraction time (ms)", "End", 100.0))
    first.add(ControlTiming("01_motor_units", "1", "Units", "ArrowRight", 50.0))
    first.add(ControlTiming("09_removed", "1", "Old", "ArrowRight", 70.0))
    first.write(path, lessons=["00_welcome", "01_motor_units", "09_removed"])
    second = TimingReport()
    second.add(ControlTiming("00_welcome", "1", "Contraction time (ms)", "End", 300.0))
    second.write(path, lessons=["00_welcome", "01_motor_units"])  # 09 was deleted since
    records = json.loads(path.read_text(encoding="utf-8"))["measurements"]
    assert sorted((r["lesson"], r["milliseconds"]) for r in records) == [
        ("00_welcome", 300.0),
        ("01_motor_units", 50.0),
    ]


def test_an_empty_timing_report_writes_no_file(tmp_path):
    path = tmp_path / "timings.json"
    TimingReport().write(path, lessons=["00_welcome"])
    assert not path.exists()


def test_axe_report_keeps_earlier_lessons_and_marks_known_upstream_issues(tmp_path):
    def finding(where: str) -> AxeFinding:
        return AxeFinding("button-name", "critical", "Buttons need text", "", where, ("b",), ("",))

    path = tmp_path / "axe.json"
    first = AxeReport()
    first.add("00_welcome", [finding("course")])
    first.add("01_motor_units", [finding("jupyterlab")])
    first.write(path, lessons=["00_welcome", "01_motor_units"])
    second = AxeReport()
    second.add("00_welcome", [])
    second.write(path, lessons=["00_welcome", "01_motor_units"])
    report = json.loads(path.read_text(encoding="utf-8"))
    assert report["lessons"]["00_welcome"]["findings"] == []
    assert report["lessons"]["01_motor_units"]["findings"][0]["where"] == "jupyterlab"
    assert [issue["rule"] for issue in report["known_upstream_issues"]] == [
        issue.rule for issue in KNOWN_UPSTREAM_ISSUES
    ]
    assert finding("course").blocking and not finding("jupyterlab").blocking
