"""The progress file: location, atomic writes, merging, and recovery from a broken file."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from lessons.quiz import ProgressStore, ProgressWarning, Quiz, progress_dir
from lessons.quiz.progress import LOCK_NAME as LOCK


def fixed_clock() -> datetime:
    return datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC)


def test_environment_variable_overrides_the_folder(progress_folder: Path) -> None:
    assert progress_dir() == progress_folder
    assert ProgressStore().path == progress_folder / "progress.json"


def test_default_folder_is_the_user_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LESSONS_PROGRESS_DIR")
    assert progress_dir().name == "muscle-twitch-course"


def test_missing_file_is_a_quiet_fresh_start(progress_folder: Path, recwarn) -> None:
    store = ProgressStore()
    assert store.load()["lessons"] == {}
    assert not recwarn.list


def test_attempts_are_recorded_atomically(progress_folder: Path) -> None:
    store = ProgressStore(clock=fixed_clock)
    store.record_attempt("00_welcome", "q1", "obj", "b", False, ("b",))
    store.record_attempt("00_welcome", "q1", "obj", "a", True)
    record = store.load()["lessons"]["00_welcome"]["questions"]["q1"]
    assert record["attempts"] == 2
    assert record["first_try_correct"] is False and record["solved"] is True
    assert record["first_answer"] == "b" and record["last_answer"] == "a"
    assert record["first_wrong_options"] == ["b"]
    assert record["first_attempt_at"] == "2026-03-01T12:00:00+00:00"
    assert sorted(path.name for path in progress_folder.iterdir()) == [LOCK, "progress.json"]


def test_two_stores_on_one_file_keep_each_others_answers(progress_folder: Path) -> None:
    first, second = ProgressStore(), ProgressStore()
    first.record_attempt("00_welcome", "q1", "obj", "a", True)
    second.record_attempt("01_motor_units", "q2", "obj", 3.0, False, ("too-high",))
    lessons = ProgressStore().load()["lessons"]
    assert set(lessons) == {"00_welcome", "01_motor_units"}


def test_reveal_marks_objective_to_revisit(progress_folder: Path) -> None:
    store = ProgressStore()
    store.record_attempt("00_welcome", "q1", "basics", "a", True)
    store.record_reveal("00_welcome", "q2", "numbers")
    lesson = store.load()["lessons"]["00_welcome"]
    assert lesson["objectives_to_revisit"] == ["numbers"]
    store.record_attempt("00_welcome", "q2", "numbers", 3.0, True)
    record = store.load()["lessons"]["00_welcome"]["questions"]["q2"]
    assert record["first_try_correct"] is False and record["solved"] is False


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[1, 2, 3]",
        json.dumps({"format": "something else", "lessons": {}}).encode(),
        json.dumps(
            {
                "format": "muscle-twitch-course/progress",
                "format_version": 1,
                "student": {},
                "lessons": {"00": {"questions": {"q": "x"}}},
            }
        ).encode(),
    ],
    ids=["truncated", "binary", "list", "wrong-format", "malformed-record"],
)
def test_corrupted_file_is_moved_aside_with_a_warning(progress_folder: Path, content) -> None:
    progress_folder.mkdir(parents=True)
    (progress_folder / "progress.json").write_bytes(content)
    store = ProgressStore(clock=fixed_clock)
    with pytest.warns(ProgressWarning, match="could not be used"):
        store.record_attempt("00_welcome", "q1", "obj", "a", True)
    kept = progress_folder / "progress.corrupt-20260301T120000Z.json"
    assert kept.read_bytes() == content, "the broken file is kept for rescue"
    fresh = json.loads((progress_folder / "progress.json").read_text(encoding="utf-8"))
    assert fresh["lessons"]["00_welcome"]["questions"]["q1"]["last_answer"] == "a"
    assert store.take_notices() and not store.take_notices()


def test_corrupted_file_in_the_notebook_keeps_the_new_answer(progress_folder: Path) -> None:
    progress_folder.mkdir(parents=True)
    (progress_folder / "progress.json").write_text('{"format": "muscle-twi', encoding="utf-8")
    quiz = Quiz.from_bank("00_welcome")
    view = quiz.view("what-is-a-twitch")
    view.radio.value = "single-motor-fibre"
    with pytest.warns(ProgressWarning):
        view.check_button.click()
    assert "Right." in view.feedback.value
    assert "could not be used" in view.feedback.value and "fresh progress file" in (
        view.feedback.value
    )
    saved = json.loads((progress_folder / "progress.json").read_text(encoding="utf-8"))
    assert saved["lessons"]["00_welcome"]["questions"]["what-is-a-twitch"]["solved"] is True
    assert len(list(progress_folder.glob("progress.corrupt-*.json"))) == 1
    view.try_again_button.click()
    view.radio.value = "voluntary"
    view.check_button.click()  # the next save is clean: no warning, no note
    assert "could not be used" not in view.feedback.value


def test_two_recoveries_in_the_same_second_keep_both_files(progress_folder: Path) -> None:
    progress_folder.mkdir(parents=True)
    store = ProgressStore(clock=fixed_clock)
    for content in ("broken one", "broken two"):
        (progress_folder / "progress.json").write_text(content, encoding="utf-8")
        with pytest.warns(ProgressWarning):
            store.load()
    kept = sorted(path.read_text() for path in progress_folder.glob("progress.corrupt-*"))
    assert kept == ["broken one", "broken two"]


def test_unwritable_folder_warns_instead_of_crashing(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    store = ProgressStore(folder=blocker / "progress")
    with pytest.warns(ProgressWarning, match="could not be saved"):
        store.record_attempt("00_welcome", "q1", "obj", "a", True)
    assert "LESSONS_PROGRESS_DIR" in store.take_notices()[0]


def test_student_name_is_optional_and_stored(progress_folder: Path) -> None:
    store = ProgressStore()
    assert store.load()["student"] == {"name": None, "id": None}
    store.set_student("Ada", "s123")
    assert store.load()["student"] == {"name": "Ada", "id": "s123"}


def test_a_failed_write_leaves_the_old_file_intact(progress_folder: Path) -> None:
    store = ProgressStore()
    store.record_attempt("00_welcome", "q1", "obj", "a", True)
    before = store.path.read_bytes()
    with pytest.raises(TypeError):
        store.record_attempt("00_welcome", "q1", "obj", object(), True)  # not JSON-able
    assert store.path.read_bytes() == before
    assert sorted(path.name for path in progress_folder.iterdir()) == [LOCK, "progress.json"]


def test_a_broken_file_that_cannot_be_moved_is_never_overwritten(
    progress_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    progress_folder.mkdir(parents=True)
    (progress_folder / "progress.json").write_text("broken", encoding="utf-8")
    import lessons.quiz.progress as progress_module

    def refuse(source, target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(progress_module.os, "replace", refuse)
    store = ProgressStore()
    with pytest.warns(ProgressWarning, match="not saved until it is fixed"):
        store.record_attempt("00_welcome", "q1", "obj", "a", True)
    assert (progress_folder / "progress.json").read_text(encoding="utf-8") == "broken"
