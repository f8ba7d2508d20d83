"""A progress file that is wrong anywhere is set aside whole, never failing a later save.

Each case below once escaped the shallow checks: the broken file stayed in place and every
later answer was lost (KeyError, RecursionError, ValueError), or the dashboard crashed.
"""

from __future__ import annotations

import json
import os
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from lessons.quiz import ProgressDashboard, ProgressStore, ProgressWarning


def fixed_clock() -> datetime:
    return datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC)


def _progress(record: dict | None = None, student: object = None) -> dict:
    question = {
        "objective": "obj",
        "attempts": 1,
        "first_try_correct": True,
        "solved": True,
        "revealed": False,
        "first_answer": "a",
    }
    question.update(record or {})
    return {
        "format": "muscle-twitch-course/progress",
        "format_version": 1,
        "student": student if student is not None else {"name": "Ada", "id": "s1"},
        "lessons": {"00_welcome": {"questions": {"q0": question}, "objectives_to_revisit": []}},
    }


def _without_objective() -> bytes:
    data = _progress()
    del data["lessons"]["00_welcome"]["questions"]["q0"]["objective"]
    return json.dumps(data).encode()


BROKEN = {
    "missing-objective": _without_objective(),
    "deep-nesting": json.dumps(_progress())
    .replace('"first_answer": "a"', '"first_answer": ' + "[" * 100_000 + "]" * 100_000)
    .encode(),
    "5000-digit-integer": json.dumps(_progress())
    .replace('"first_answer": "a"', '"first_answer": ' + "9" * 5000)
    .encode(),
    "name-is-a-number": json.dumps(_progress(student={"name": 123, "id": "s1"})).encode(),
    "id-is-a-list": json.dumps(_progress(student={"name": "Ada", "id": ["s", 1]})).encode(),
    "negative-attempts": json.dumps(_progress({"attempts": -7})).encode(),
    "attempts-true": json.dumps(_progress({"attempts": True})).encode(),
    "wrong-options-a-string": json.dumps(_progress({"first_wrong_options": "abc"})).encode(),
    "version-true": json.dumps(_progress())
    .replace('"format_version": 1', '"format_version": true')
    .encode(),
    "nan-answer": json.dumps(_progress())
    .replace('"first_answer": "a"', '"first_answer": NaN')
    .encode(),
}


@pytest.mark.parametrize("content", BROKEN.values(), ids=BROKEN.keys())
def test_any_malformed_progress_is_set_aside_and_later_answers_are_kept(
    progress_folder: Path, content: bytes
) -> None:
    progress_folder.mkdir(parents=True)
    (progress_folder / "progress.json").write_bytes(content)
    store = ProgressStore(clock=fixed_clock)
    with pytest.warns(ProgressWarning, match="could not be used"):
        store.record_attempt("00_welcome", "q1", "obj", "a", True)
    kept = progress_folder / "progress.corrupt-20260301T120000Z.json"
    assert kept.read_bytes() == content, "the broken file is kept for rescue"
    store.record_attempt("00_welcome", "q2", "obj", "b", False, ("b",))  # no warning now
    questions = ProgressStore().load()["lessons"]["00_welcome"]["questions"]
    assert set(questions) == {"q1", "q2"}


@pytest.mark.parametrize("content", [BROKEN["name-is-a-number"], BROKEN["missing-objective"]])
def test_the_dashboard_opens_on_a_malformed_progress_file(
    progress_folder: Path, content: bytes
) -> None:
    progress_folder.mkdir(parents=True)
    (progress_folder / "progress.json").write_bytes(content)
    with pytest.warns(ProgressWarning):
        dashboard = ProgressDashboard()
        dashboard.widget  # noqa: B018 (building it reads the file)
    assert "could not be used" in dashboard.status.value
    assert dashboard.name_input.value == ""


def test_a_name_that_cannot_be_saved_is_a_notice_not_a_crash(progress_folder: Path) -> None:
    store = ProgressStore()
    with pytest.warns(ProgressWarning, match="not saved"):
        assert store.set_student("Ada \ud800", "s1") is False
    assert store.load()["student"] == {"name": None, "id": None}
    dashboard = ProgressDashboard(store)
    dashboard.widget  # noqa: B018 (builds the inputs)
    dashboard.name_input.value = "x" * 5000
    with pytest.warns(ProgressWarning):
        dashboard.save_button.click()
    assert "not saved" in dashboard.status.value and "Name saved" not in dashboard.status.value


def test_a_fifo_or_a_huge_file_in_place_of_progress_is_set_aside(progress_folder: Path) -> None:
    progress_folder.mkdir(parents=True)
    if hasattr(os, "mkfifo"):
        os.mkfifo(progress_folder / "progress.json")
        loaded: list[dict] = []
        with pytest.warns(ProgressWarning, match="not a regular file"):
            reader = threading.Thread(target=lambda: loaded.append(ProgressStore().load()))
            reader.daemon = True  # if reading hangs on the pipe, the test still ends
            reader.start()
            reader.join(timeout=20)
        assert loaded and loaded[0]["lessons"] == {}, "reading a FIFO hung"
    (progress_folder / "progress.json").write_bytes(b" " * (9 * 1024 * 1024))
    with pytest.warns(ProgressWarning, match="larger than"):
        ProgressStore().load()


def test_only_stale_temporary_files_are_swept(progress_folder: Path) -> None:
    progress_folder.mkdir(parents=True)
    live = progress_folder / f".progress-{os.getpid()}-live.tmp"  # a writer at work right now
    old = progress_folder / f".progress-{os.getpid()}-old.tmp"  # this pid, but too old
    dead = progress_folder / ".progress-999999999-dead.tmp"  # no such process
    legacy = progress_folder / ".progress-abc123.tmp"  # written before pids were in names
    for path in (live, old, dead, legacy):
        path.write_text("{", encoding="utf-8")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    os.utime(legacy, (an_hour_ago, an_hour_ago))
    ProgressStore().record_attempt("00_welcome", "q1", "obj", "a", True)
    assert sorted(path.name for path in progress_folder.glob(".progress-*.tmp")) == [live.name]
