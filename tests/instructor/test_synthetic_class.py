"""The shipped synthetic class is reproducible and what the class-results notebook expects."""

from __future__ import annotations

import json

import pytest

from lessons.instructor.synthetic_class import write_synthetic_class
from lessons.paths import data_file
from lessons.quiz import class_results, load_bank
from lessons.quiz.draw import draw_ids

SHIPPED = data_file("examples", "class_results")


def test_regenerating_gives_the_committed_files(tmp_path):
    written = write_synthetic_class(tmp_path)
    assert len(written) == 24
    for path in written:
        shipped = SHIPPED / path.name
        assert shipped.exists(), f"{path.name} is not in {SHIPPED}"
        assert json.loads(path.read_text()) == json.loads(shipped.read_text()), (
            f"{shipped} is stale: run python -m lessons.instructor.synthetic_class {SHIPPED}"
        )


def test_class_results_read_the_class_and_skip_the_broken_files():
    results = class_results(SHIPPED)
    assert len(results.skipped) == 2
    assert {skipped.path for skipped in results.skipped} == {
        "muscle-twitch-results-broken-upload.json",
        "muscle-twitch-results-wrong-file.json",
    }
    assert "24 students" in repr(results)
    shares = [results.item(s.lesson, s.question_id).share_correct for s in results.missed_by_most()]
    assert all(share < 0.5 for share in shares)


def test_the_wrong_students_pick_the_first_wrong_option():
    # The generator's documented behaviour: wrong answers concentrate on one option, so the
    # "most chosen wrong option" column has something to show.
    results = class_results(SHIPPED)
    stats = results.item("00_welcome", "what-is-a-twitch")
    assert stats.share_correct < 1
    assert stats.most_chosen_wrong is not None


def test_too_many_students_is_refused(tmp_path):
    with pytest.raises(ValueError, match="n_students=99"):
        write_synthetic_class(tmp_path, n_students=99)


def test_each_student_answers_only_the_final_questions_drawn_for_their_id():
    bank = load_bank("09_final_assessment")
    assert bank.draw is not None
    seen = set()
    for path in sorted(SHIPPED.glob("muscle-twitch-results-s*.json")):
        data = json.loads(path.read_text())
        answered = set(data["lessons"]["09_final_assessment"]["questions"])
        assert answered == set(draw_ids(bank, data["student"]["id"])), path.name
        seen |= answered
    # the class results see many items of the pool, each over the students who were shown it
    assert len(seen) > 2 * bank.draw
