"""Export, then class results over a folder of exports, some of them broken; the dashboard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lessons.quiz import ProgressDashboard, ProgressStore, Quiz, class_results, export_results
from lessons.quiz.export import EXPORT_FORMAT, EXPORT_FORMAT_VERSION

# Synthetic class: each student's answers to (what-is-a-twitch, fever-in-celsius), first try.
CLASS = {
    "s01": ("single-motor-fibre", "38.3"),
    "s02": ("many-muscle-groups", "56.1"),
    "s03": ("many-muscle-groups", "38.3"),
    "s04": ("voluntary", "56.1"),
    "s05": ("single-motor-fibre", "38.4"),
    "s06": ("always-disease", "40"),
}


def _student_export(folder: Path, work: Path, student: str, answers: tuple[str, str]) -> Path:
    store = ProgressStore(folder=work / student)
    quiz = Quiz.from_bank("00_welcome", store=store)
    for question_id, answer in zip(("what-is-a-twitch", "fever-in-celsius"), answers, strict=True):
        quiz.question(question_id).select(answer)
        quiz.question(question_id).check()
    return export_results(folder, store=store, name=f"Student {student}", student_id=student)


@pytest.fixture
def class_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "handed-in"
    folder.mkdir()
    for student, answers in CLASS.items():
        _student_export(folder, tmp_path / "students", student, answers)
    (folder / "broken.json").write_text('{"format": ', encoding="utf-8")
    (folder / "list.json").write_text("[]", encoding="utf-8")
    (folder / "other.json").write_text('{"format": "a spreadsheet"}', encoding="utf-8")
    future = {"format": EXPORT_FORMAT, "format_version": 99, "student": {}, "lessons": {}}
    (folder / "future.json").write_text(json.dumps(future), encoding="utf-8")
    bad_lessons = {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_FORMAT_VERSION,
        "exported_at": "2026-01-01",
        "student": {"id": "x"},
        "lessons": [],
    }
    (folder / "bad-lessons.json").write_text(json.dumps(bad_lessons), encoding="utf-8")
    (folder / "notes.txt").write_text("not an export, not even .json", encoding="utf-8")
    return folder


def test_export_file_has_a_format_version_and_the_answers(tmp_path: Path) -> None:
    path = _student_export(tmp_path, tmp_path / "work", "s42", ("voluntary", "38.3"))
    assert path.name == "muscle-twitch-results-s42.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == EXPORT_FORMAT and data["format_version"] == EXPORT_FORMAT_VERSION
    assert data["student"] == {"name": "Student s42", "id": "s42"}
    questions = data["lessons"]["00_welcome"]["questions"]
    assert questions["what-is-a-twitch"]["first_answer"] == "voluntary"


def test_round_trip_item_analysis(class_folder: Path) -> None:
    results = class_results(class_folder)
    assert results.students == tuple(sorted(CLASS))
    skipped = {skip.path for skip in results.skipped}
    assert skipped == {"broken.json", "list.json", "other.json", "future.json", "bad-lessons.json"}
    assert all(skip.reason for skip in results.skipped)

    twitch = results.item("00_welcome", "what-is-a-twitch")
    firsts = [answers[0] for answers in CLASS.values()]
    assert twitch.students == len(CLASS)
    assert twitch.share_correct == firsts.count("single-motor-fibre") / len(CLASS)
    assert twitch.most_chosen_wrong == "many-muscle-groups"
    assert twitch.most_chosen_wrong_count == firsts.count("many-muscle-groups")
    assert twitch.most_chosen_wrong_label.startswith("an involuntary contraction of several")

    fever = results.item("00_welcome", "fever-in-celsius")
    assert fever.most_chosen_wrong == "forgot-32" and fever.most_chosen_wrong_count == 2
    assert {stats.question_id for stats in results.items} == {
        "what-is-a-twitch",
        "fever-in-celsius",
    }
    missed = {stats.question_id for stats in results.missed_by_most()}
    assert fever.share_correct == 3 / len(CLASS)
    assert missed == {"what-is-a-twitch"}  # 2 of 6 right first time; the fever question 3 of 6


def test_tables_and_charts(class_folder: Path) -> None:
    results = class_results(class_folder)
    page = results.to_html()
    assert "<table" in page and "broken.json" in page and "what-is-a-twitch" in page
    assert page.count("<tr>") >= len(results.items) + len(results.skipped)
    figure = results.figure()
    by_label = dict(zip(figure.data[0].y, figure.data[0].x, strict=True))
    assert by_label["00_welcome: what-is-a-twitch"] == pytest.approx(2 / len(CLASS))
    wrong = results.wrong_answers_figure()
    assert sorted(wrong.data[0].x) == [2, 2]
    bundle = results._repr_mimebundle_()
    assert (
        bundle["text/plain"] == f"ClassResults: {len(CLASS)} students, 2 questions, 5 files skipped"
    )


def test_text_from_files_is_escaped_in_tables(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "<script>.json").write_text("nope", encoding="utf-8")
    page = class_results(folder).to_html()
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_the_newer_export_of_a_student_wins(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    first = _student_export(folder, tmp_path / "a", "s01", ("voluntary", "38.3"))
    newer = json.loads(first.read_text(encoding="utf-8"))
    newer["exported_at"] = "2999-01-01T00:00:00+00:00"
    newer["lessons"]["00_welcome"]["questions"]["what-is-a-twitch"]["first_try_correct"] = True
    (folder / "again.json").write_text(json.dumps(newer), encoding="utf-8")
    results = class_results(folder)
    assert results.students == ("s01",)
    assert [skip.path for skip in results.skipped] == [first.name]
    assert results.item("00_welcome", "what-is-a-twitch").share_correct == 1.0


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="folder="):
        class_results(tmp_path / "nowhere")


def test_dashboard_summarises_progress_and_exports(progress_folder: Path, tmp_path) -> None:
    quiz = Quiz.from_bank("00_welcome")
    quiz.question("what-is-a-twitch").select("voluntary")
    quiz.question("what-is-a-twitch").check()
    quiz.question("fever-in-celsius").select("38.3")
    quiz.question("fever-in-celsius").check()
    dashboard = ProgressDashboard(export_folder=tmp_path / "out")
    assert dashboard._repr_mimebundle_()["text/plain"] == "Progress dashboard"
    welcome = next(line for line in dashboard.lines if line.lesson == "00_welcome")
    # Six quiz questions: lesson 00's two predictions count apart from the quiz.
    assert (welcome.attempted, welcome.first_try_correct, welcome.total_questions) == (2, 1, 6)
    assert welcome.objectives_to_revisit == (
        "Say what a muscle twitch (fasciculation) is and how it differs from a cramp.",
    )
    assert "differs from a cramp" in dashboard.table.value
    attempted = next(trace for trace in dashboard.figure.data if trace.name == "attempted")
    assert dict(zip(attempted.x, attempted.y, strict=True))["00_welcome"] == 2
    dashboard.name_input.value = "Ada"
    dashboard.id_input.value = "s9"
    dashboard.export_button.click()
    exported = tmp_path / "out" / "muscle-twitch-results-s9.json"
    assert exported.name in dashboard.status.value
    assert json.loads(exported.read_text(encoding="utf-8"))["student"] == {
        "name": "Ada",
        "id": "s9",
    }


def test_dashboard_text_does_not_depend_on_progress(progress_folder: Path) -> None:
    empty = ProgressDashboard()._repr_mimebundle_()["text/plain"]
    ProgressStore().record_attempt("00_welcome", "what-is-a-twitch", "twitch-vs-cramp", "a", True)
    assert ProgressDashboard()._repr_mimebundle_()["text/plain"] == empty
