"""On the course site a prediction or a written question shows its task, never its answer."""

from __future__ import annotations

import pytest
from support.activity_banks import activity_bank

from lessons.quiz import Prediction, ProgressStore, WrittenAnswer, load_bank
from lessons.static_mode import LIVE_URL_ENV, STATIC_ENV


@pytest.fixture
def bank(tmp_path):
    import yaml

    path = tmp_path / "99_test.yaml"
    path.write_text(yaml.safe_dump(activity_bank(), sort_keys=False), encoding="utf-8")
    return load_bank(path, reference_keys={"seed"})


@pytest.fixture
def static(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv(STATIC_ENV, "1")
    monkeypatch.delenv(LIVE_URL_ENV, raising=False)
    monkeypatch.setenv("LESSONS_PROGRESS_DIR", str(tmp_path / "progress"))


def test_a_static_prediction_lists_options_but_not_the_outcome(static, bank, tmp_path):
    prediction = Prediction(bank, "predict-plateau", store=ProgressStore(tmp_path / "p"))
    page = prediction._repr_mimebundle_()["text/html"]
    assert "Predict what the peak force does" in page
    for choice in prediction.state.question.choices:
        assert choice.text in page
        assert choice.feedback not in page
    assert "levelled off once the twitches fused" not in page  # the result
    assert "Open the live lesson" in page


def test_a_static_estimate_names_its_unit(static, bank, tmp_path):
    prediction = Prediction(bank, "predict-count", store=ProgressStore(tmp_path / "p"))
    page = prediction._repr_mimebundle_()["text/html"]
    assert "a number (in Hz)" in page and "25 Hz" not in page


def test_a_static_written_question_hides_the_model_answer_and_rubric(static, bank, tmp_path):
    written = WrittenAnswer(bank, "explain-cramp", store=ProgressStore(tmp_path / "p"))
    bundle = written._repr_mimebundle_()
    page = bundle["text/html"]
    assert "Explain why a cramp is stronger than a twitch." in page
    assert "Many units fire fast" not in page and "Their twitches sum" not in page
    assert bundle["text/plain"] == "Written question 99_test: explain-cramp"
