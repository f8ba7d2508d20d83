"""Written explanations: saved, restored after a reload, checked against a rubric, exported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.activity_banks import activity_bank

from lessons.quiz import ProgressStore, WrittenAnswer, export_results, load_bank
from lessons.quiz.results import class_results

ANSWER = "Many motor units fire again and again, so their twitches sum and fuse."


@pytest.fixture
def bank(write_bank):
    return load_bank(write_bank(activity_bank()), reference_keys={"seed"})


def _written(bank, folder: Path) -> WrittenAnswer:
    return WrittenAnswer(bank, "explain-cramp", store=ProgressStore(folder))


def test_too_short_an_answer_is_not_saved_and_says_how_long(bank, progress_folder) -> None:
    state = _written(bank, progress_folder).state
    state.write("Many units.")
    assert not state.save()
    assert "at least 5 words" in state.notice and "you have 2" in state.notice
    assert not state.saved and not (progress_folder / "progress.json").exists()


def test_a_saved_answer_and_its_ticks_survive_a_restart(bank, progress_folder) -> None:
    state = _written(bank, progress_folder).state
    state.write(ANSWER)
    assert state.save()
    state.tick(["many-units", "fusion"])
    assert state.save_check()
    again = _written(bank, progress_folder).state
    assert again.text == ANSWER and again.saved
    assert again.ticked == ("many-units", "fusion") and again.checked


def test_ticking_is_only_for_the_rubric_s_points(bank, progress_folder) -> None:
    state = _written(bank, progress_folder).state
    with pytest.raises(ValueError, match="point_ids"):
        state.tick(["not-a-point"])
    assert not state.save_check()  # nothing saved yet
    assert "Save your answer first" in state.notice


def test_the_model_answer_and_rubric_appear_only_after_saving(bank, progress_folder) -> None:
    view = _written(bank, progress_folder).view
    assert view.model_answer.value == "" and view.rubric.layout.display == "none"
    view.text_box.value = ANSWER
    view.save_button.click()
    assert "Many units fire fast" in view.model_answer.value
    assert view.rubric.layout.display is None
    view.points["high-rates"].value = True
    view.check_button.click()
    assert "Your check is saved" in view.status.value


def test_the_export_and_class_results_carry_the_text(bank, progress_folder, tmp_path) -> None:
    store = ProgressStore(progress_folder)
    state = WrittenAnswer(bank, "explain-cramp", store=store).state
    state.write(ANSWER + " <script>alert(1)</script>")
    state.save()
    state.tick(["many-units"])
    state.save_check()
    folder = tmp_path / "handed-in"
    path = export_results(folder, store, name="Ada", student_id="s1")
    record = json.loads(path.read_text())["lessons"]["99_test"]["questions"]["explain-cramp"]
    assert record["written_answer"].startswith(ANSWER) and record["rubric_ticked"] == ["many-units"]
    results = class_results(folder, banks={"99_test": bank})
    (row,) = results.written
    assert (row.student, row.ticked, row.rubric_size) == ("s1", ("many-units",), 3)
    page = results.to_html()
    assert "their twitches sum and fuse" in page
    assert "<script>" not in page and "&lt;script&gt;" in page
