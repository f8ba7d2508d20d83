"""Static snapshots (``LESSONS_STATIC=1``): figures as plotly HTML, quizzes without answers.

Without the variable every object displays exactly as before (a widget view), so the
committed notebooks and nbval are untouched; with it, nothing needs a kernel.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from support.payload import recording_comms

from lessons.quiz import ProgressDashboard, Quiz, load_bank
from lessons.quiz.markdown import render_inline
from lessons.sims.catalogue import simulation_apps
from lessons.sims.welcome import twitch_explorer
from lessons.static_mode import (
    LIVE_URL_ENV,
    STATIC_ENV,
    binder_url,
    live_url,
    static_mode,
)

ROOT = Path(__file__).resolve().parents[2]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
APPS = simulation_apps()
NEW_PLOT = re.compile(r"Plotly\.newPlot\(\s*\"[^\"]+\",\s*(\[.*?\]),\s*\{", re.DOTALL)


@pytest.fixture
def static(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(STATIC_ENV, "1")
    monkeypatch.delenv(LIVE_URL_ENV, raising=False)


@pytest.fixture
def live(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(STATIC_ENV, raising=False)


# -- the switch ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("value", "expected"), [("1", True), ("true", True), ("0", False)])
def test_static_mode_reads_the_variable(monkeypatch, value, expected):
    monkeypatch.setenv(STATIC_ENV, value)
    assert static_mode() is expected


def test_static_mode_is_off_when_the_variable_is_unset(live):
    assert static_mode() is False


def test_a_value_it_does_not_understand_is_refused_by_name(monkeypatch):
    monkeypatch.setenv(STATIC_ENV, "maybe")
    with pytest.raises(ValueError, match=r"LESSONS_STATIC='maybe'"):
        static_mode()


def test_the_binder_link_is_the_one_of_the_readme_badge():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    badge = re.search(r"\]\((https://mybinder\.org/v2/gh/[^)]+)\)", readme).group(1)
    assert binder_url() == badge


def test_a_binder_link_can_be_pinned_to_a_release_tag():
    url = binder_url("03_recruitment.ipynb", ref="v2026.1")
    assert "/v2026.1?urlpath=lab/tree/notebooks/03_recruitment.ipynb" in url


@pytest.mark.parametrize(
    ("notebook", "ref"), [("03_recruitment.ipynb", "a tag"), ("../etc/passwd", "main")]
)
def test_a_bad_binder_link_is_refused(notebook, ref):
    with pytest.raises(ValueError, match=r"ref=|notebook="):
        binder_url(notebook, ref)


def test_the_live_link_refuses_a_script_url(monkeypatch):
    monkeypatch.setenv(LIVE_URL_ENV, "javascript:alert(1)")
    with pytest.raises(ValueError, match=LIVE_URL_ENV):
        live_url()


# -- simulations ----------------------------------------------------------------------------------
def test_without_the_variable_a_simulation_is_a_widget_view(live):
    with recording_comms():
        bundle = twitch_explorer()._repr_mimebundle_()
    assert WIDGET_VIEW in bundle
    assert "text/html" not in bundle


def test_the_text_form_is_the_same_in_both_modes(monkeypatch):
    with recording_comms():
        app = twitch_explorer()
        monkeypatch.delenv(STATIC_ENV, raising=False)
        live_text = app._repr_mimebundle_()["text/plain"]
        monkeypatch.setenv(STATIC_ENV, "1")
        assert app._repr_mimebundle_()["text/plain"] == live_text


@pytest.mark.parametrize("name", APPS)
def test_with_the_variable_every_app_is_static_html_with_its_figures(static, name):
    with recording_comms():
        app = APPS[name]()
    bundle = app._repr_mimebundle_()
    assert WIDGET_VIEW not in bundle
    page = bundle["text/html"]
    plots = NEW_PLOT.findall(page)
    assert len(plots) == len(app.figures), f"{name}: one plotly div per figure"
    for data in plots:
        assert json.loads(data), f"{name}: a static figure without traces"
    assert page.count('class="plotly-graph-div"') == len(app.figures)
    # plotly.js is loaded once by the page, never carried by each figure.
    assert "<script src=" not in page and len(page) < 1_000_000
    assert "Interactive in the live version." in page
    assert binder_url() in page


def test_the_snapshot_shows_the_controls_as_they_are_set(static):
    with recording_comms():
        app = twitch_explorer()
        app.controls["contraction_time"].value = 85.0
    page = app.static_html()
    assert "Contraction time (ms): 85" in page
    # The figure shows the same setting: the peak marker sits at 85 ms.
    assert '"x":[85.0]' in page.replace(" ", "")


def test_the_live_link_follows_the_variable(static, monkeypatch):
    monkeypatch.setenv(LIVE_URL_ENV, binder_url("03_recruitment.ipynb"))
    with recording_comms():
        page = twitch_explorer().static_html()
    assert 'href="' + binder_url("03_recruitment.ipynb") + '"' in page


# -- quizzes --------------------------------------------------------------------------------------
def test_without_the_variable_a_quiz_is_a_widget_view(live):
    bundle = Quiz.from_bank("00_welcome")._repr_mimebundle_()
    assert WIDGET_VIEW in bundle
    assert "text/html" not in bundle


@pytest.mark.parametrize("lesson", ["00_welcome", "03_recruitment", "05_twitch_fibrillation_cramp"])
def test_a_static_quiz_shows_every_prompt_and_option_but_no_answer(static, lesson):
    # The quiz shows the questions without a group; predictions and written answers have
    # cells of their own (Prediction.from_bank, WrittenAnswer.from_bank).
    questions = [question for question in load_bank(lesson).questions if question.group is None]
    bundle = Quiz.from_bank(lesson)._repr_mimebundle_()
    assert WIDGET_VIEW not in bundle
    page = bundle["text/html"]
    assert "Answer this quiz in the live version." in page
    assert page.count("Question ") >= len(questions)
    for question in questions:
        for choice in getattr(question, "choices", []):
            assert choice.text.replace("'", "&#x27;") in page
            assert render_inline(choice.feedback) not in page, f"{question.id}: feedback shown"
        for item in getattr(question, "items", []):
            assert item.text.replace("'", "&#x27;") in page
            assert render_inline(item.feedback) not in page
        feedback = getattr(question, "feedback", None)
        if feedback is not None:
            assert render_inline(feedback.correct) not in page
        assert render_inline(question.explanation) not in page, f"{question.id}: explanation"


def test_a_static_numeric_question_names_its_unit_not_its_answer(static, tmp_path):
    numeric = {
        "id": "how-long",
        "type": "numeric",
        "kind": "recall",
        "objective": "timing",
        "references": ["seed"],
        "prompt": "How long does it take?",
        "explanation": "It takes 37.5 ms.",
        "answer": 37.5,
        "tolerance": {"absolute": 0.5},
        "unit": "ms",
        "feedback": {"correct": "Yes.", "too_high": "Lower.", "too_low": "Higher."},
    }
    bank = {
        "lesson": "99_static",
        "title": "A static test",
        "objectives": {"timing": "Read a time."},
        "questions": [numeric],
    }
    path = tmp_path / "99_static.yaml"
    path.write_text(yaml.safe_dump(bank), encoding="utf-8")
    page = Quiz.from_bank(path)._repr_mimebundle_()["text/html"]
    assert "How long does it take?" in page
    assert "a number (in ms)" in page
    assert "37.5" not in page


def test_the_progress_dashboard_points_to_the_live_version(static):
    bundle = ProgressDashboard()._repr_mimebundle_()
    assert WIDGET_VIEW not in bundle
    assert "Your progress" in bundle["text/html"]
    assert binder_url() in bundle["text/html"]
