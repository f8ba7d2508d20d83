"""Class results over exports a student could have written by hand.

An export is a file from outside: it must not make the instructor's kernel open paths of its
choosing, hang, run out of memory, draw a 16-million-pixel chart, or put a link in a chart.
One bad file is skipped with its reason; everyone else's results are still shown.
"""

from __future__ import annotations

import copy
import json
import os
import threading
from pathlib import Path

import pytest
import yaml

from lessons.quiz import class_results
from lessons.quiz.results import MAX_EXPORT_BYTES

PHISH = '<a href="https://phish.example/login">Click</a>'


def _export(student: str, answer: str = "many-muscle-groups", **question) -> dict:
    record = {
        "objective": "twitch-vs-cramp",
        "attempts": 1,
        "first_try_correct": answer == "single-motor-fibre",
        "solved": answer == "single-motor-fibre",
        "revealed": False,
        "first_answer": answer,
        "first_wrong_options": [] if answer == "single-motor-fibre" else [answer],
    }
    record.update(question)
    return {
        "format": "muscle-twitch-course/results",
        "format_version": 1,
        "course_version": "0.1.0",
        "exported_at": "2026-09-14T09:20:00+00:00",
        "student": {"name": f"Student {student}", "id": student},
        "lessons": {
            "00_welcome": {
                "questions": {"what-is-a-twitch": record},
                "objectives_to_revisit": [],
            }
        },
    }


def _write(folder: Path, name: str, content: dict | str | bytes) -> Path:
    path = folder / name
    if isinstance(content, dict):
        content = json.dumps(content)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two good exports: one right, one with the commonest wrong answer."""
    folder = tmp_path / "handed-in"
    folder.mkdir()
    _write(folder, "good-1.json", _export("s1", "single-motor-fibre"))
    _write(folder, "good-2.json", _export("s2", "many-muscle-groups"))
    return folder


def _in_time(function, seconds: float = 30.0):
    """Run ``function`` in a thread; fail (instead of hanging the suite) if it does not end."""
    outcome: list = []
    worker = threading.Thread(target=lambda: outcome.append(function()), daemon=True)
    worker.start()
    worker.join(timeout=seconds)
    assert outcome, f"did not finish within {seconds} s"
    return outcome[0]


def _assert_good_files_shown(results, skipped: str | None = None) -> None:
    assert results.students == ("s1", "s2")
    twitch = results.item("00_welcome", "what-is-a-twitch")
    assert (twitch.students, twitch.first_try_correct) == (2, 1)
    assert twitch.most_chosen_wrong == "many-muscle-groups"
    if skipped is not None:
        reasons = {skip.path: skip.reason for skip in results.skipped}
        assert reasons.get(skipped), f"{skipped} is not listed as skipped: {reasons}"
        page = results.to_html()
        assert skipped in page and "good-1.json" not in page
        results.figure()
        results.wrong_answers_figure()


# -- item 2: lesson names from exports are never paths ---------------------------------
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_lesson_named_after_a_fifo_is_not_opened(folder: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    export = _export("s3")
    export["lessons"][str(fifo)] = export["lessons"]["00_welcome"]
    _write(folder, "fifo-lesson.json", export)
    results = _in_time(lambda: class_results(folder))
    assert {stats.lesson for stats in results.items} == {"00_welcome"}
    (note,) = results.not_counted
    assert note.path == "fifo-lesson.json" and "not lessons of this course" in note.reason


def test_a_lesson_named_after_a_bank_outside_the_course_is_not_loaded(
    folder: Path, tmp_path: Path, bank_data: dict
) -> None:
    bank_data["questions"][0]["id"] = "what-is-a-twitch"
    bank_data["questions"][0]["prompt"] = "A prompt from a bank outside the course."
    outside = tmp_path / "elsewhere" / "99_test.yaml"
    outside.parent.mkdir()
    outside.write_text(yaml.safe_dump(bank_data), encoding="utf-8")
    export = _export("s3")
    export["lessons"][str(outside)] = export["lessons"]["00_welcome"]
    export["lessons"]["../../elsewhere/99_test"] = export["lessons"]["00_welcome"]
    _write(folder, "path-lesson.json", export)
    results = class_results(folder)
    assert {stats.lesson for stats in results.items} == {"00_welcome"}
    assert "outside the course" not in results.to_html()
    note = " ".join(note.reason for note in results.not_counted)
    assert "not lessons of this course" in note and "99_test" in note


def test_exports_that_are_not_regular_files_are_skipped(folder: Path, tmp_path: Path) -> None:
    elsewhere = _write(tmp_path, "elsewhere.json", _export("s9"))
    (folder / "linked.json").symlink_to(elsewhere)
    (folder / "zero.json").symlink_to("/dev/zero")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.json")
    results = _in_time(lambda: class_results(folder))
    _assert_good_files_shown(results, skipped="zero.json")
    reasons = {skip.path: skip.reason for skip in results.skipped}
    assert "symbolic link" in reasons["linked.json"] and "symbolic link" in reasons["zero.json"]
    if hasattr(os, "mkfifo"):
        assert "not a regular file" in reasons["pipe.json"]


# -- item 3: one malformed export does not stop the view -------------------------------
def _malformed() -> dict[str, str]:
    def with_student_id(value):
        export = _export("s3")
        export["student"]["id"] = value
        return json.dumps(export)

    def with_wrong_options(value):
        return json.dumps(_export("s3", first_wrong_options=value))

    good = json.dumps(_export("s3"))
    return {
        "student-id-is-a-list": with_student_id(["s", 3]),
        "student-id-is-a-mapping": with_student_id({"id": "s3"}),
        "wrong-options-a-number": with_wrong_options(5),
        "wrong-options-a-string": with_wrong_options("many-muscle-groups"),
        "attempts-true": json.dumps(_export("s3", attempts=True)),
        "unclosed-brackets": good.replace('"first_answer": "many-muscle-groups"', "[" * 100_000),
        "deeper-nesting-closed": good.replace(
            '"first_answer": "many-muscle-groups"',
            '"first_answer": ' + "[" * 100_000 + "]" * 100_000,
        ),
        "5000-digit-integer": good.replace('"attempts": 1', '"attempts": ' + "9" * 5000),
        "not-utf-8": good.replace("Student", "Zo\udce9", 1),
    }


MALFORMED = _malformed()


@pytest.mark.parametrize("content", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_export_is_skipped_and_the_others_are_shown(folder: Path, content) -> None:
    raw = content.encode("utf-8", "surrogateescape")
    _write(folder, "malformed.json", raw)
    results = class_results(folder)
    _assert_good_files_shown(results, skipped="malformed.json")


# -- item 4: size limits ----------------------------------------------------------------
def test_an_export_over_the_size_cap_is_skipped_unread(folder: Path) -> None:
    export = _export("s3")
    made_up = {
        f"lesson-{n}": {
            "questions": {
                f"q{k}": export["lessons"]["00_welcome"]["questions"]["what-is-a-twitch"]
                for k in range(200)
            }
        }
        for n in range(60)
    }
    export["lessons"].update(made_up)
    path = _write(folder, "huge.json", export)
    assert path.stat().st_size > MAX_EXPORT_BYTES
    results = class_results(folder)
    _assert_good_files_shown(results, skipped="huge.json")
    assert "larger than" in {skip.path: skip.reason for skip in results.skipped}["huge.json"]


def test_made_up_lessons_and_questions_are_not_counted(folder: Path) -> None:
    export = _export("s3", "single-motor-fibre")
    record = export["lessons"]["00_welcome"]["questions"]["what-is-a-twitch"]
    export["lessons"]["00_welcome"]["questions"]["made-up-question"] = record
    for n in range(2000):
        export["lessons"][f"made-up-{n}"] = {"questions": {"q": record}}
    path = _write(folder, "made-up.json", export)
    assert path.stat().st_size < MAX_EXPORT_BYTES
    results = class_results(folder)
    assert results.students == ("s1", "s2", "s3")
    assert [(stats.lesson, stats.question_id) for stats in results.items] == [
        ("00_welcome", "what-is-a-twitch")
    ]
    assert results.item("00_welcome", "what-is-a-twitch").students == 3
    assert results.figure().layout.height <= 1000
    (note,) = results.not_counted
    assert note.path == "made-up.json" and "2000 entries" in note.reason
    assert "made-up-question" in note.reason
    assert len(note.reason) < 600, "the reason names a few, not all 2,000"


def test_the_rows_shown_are_capped(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import lessons.quiz.results as results_module

    export = _export("s3")
    export["lessons"]["00_welcome"]["questions"]["fever-in-celsius"] = dict(
        export["lessons"]["00_welcome"]["questions"]["what-is-a-twitch"],
        objective="fever-units",
        first_wrong_options=["forgot-32"],
    )
    _write(folder, "two-questions.json", export)
    monkeypatch.setattr(results_module, "MAX_ROWS_SHOWN", 1)
    results = class_results(folder)
    assert len(results.items) == 2
    page = results.items_html()
    assert page.count("<tr>") == 2  # the header and one row
    assert "1 more question not shown" in page
    assert len(results.figure().data[0].y) == 1


# -- item 12: nothing from a student becomes markup in the instructor's chart ------------
def test_student_text_never_becomes_a_link_in_charts_or_tables(folder: Path) -> None:
    export = _export("s3", first_wrong_options=[PHISH])
    questions = export["lessons"]["00_welcome"]["questions"]
    questions[PHISH] = questions["what-is-a-twitch"]
    _write(folder, "phish.json", export)
    results = class_results(folder)
    charts = results.figure().to_json() + results.wrong_answers_figure().to_json()
    assert "phish.example" not in charts and "<a" not in charts
    assert "<a " not in results.to_html()
    assert results.item("00_welcome", "what-is-a-twitch").most_chosen_wrong == (
        "many-muscle-groups"
    )


def test_a_student_can_still_be_named_with_markup_characters_safely(folder: Path) -> None:
    export = copy.deepcopy(_export("s3"))
    export["student"] = {"name": PHISH, "id": None}
    _write(folder, "named.json", export)
    results = class_results(folder)
    assert PHISH in results.students
    assert "<a " not in results.to_html()
