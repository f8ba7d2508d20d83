"""Bank mistakes that used to pass silently or crash with a raw error, now named for the author."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lessons.quiz import QuestionBankError, load_bank


def _only_problem(path: Path):
    with pytest.raises(QuestionBankError) as caught:
        load_bank(path, reference_keys={"seed"})
    assert len(caught.value.problems) == 1, caught.value
    return str(caught.value), caught.value.problems[0]


def test_a_duplicate_key_in_a_question_is_refused(bank_data: dict, write_bank) -> None:
    text = yaml.safe_dump(bank_data, sort_keys=False)
    doubled = text.replace("  prompt: How many?\n", "  prompt: How many?\n  prompt: How few?\n")
    assert doubled != text
    path = write_bank(doubled)
    message, problem = _only_problem(path)
    assert (problem.file, problem.question_id, problem.field) == (str(path), "how-many", "prompt")
    assert "duplicate key 'prompt'" in message and str(path) in message


def test_a_duplicate_top_level_key_is_refused(bank_data: dict, write_bank) -> None:
    text = yaml.safe_dump(bank_data, sort_keys=False)
    path = write_bank(text + "title: A second title\n")
    message, problem = _only_problem(path)
    assert problem.file == str(path) and problem.question_id is None
    assert "duplicate key 'title'" in message


def test_a_latin_1_bank_is_the_loaders_own_error(bank_data: dict, write_bank) -> None:
    bank_data["title"] = "Un café"
    path = write_bank(bank_data)
    path.write_bytes(yaml.safe_dump(bank_data, allow_unicode=True).encode("latin-1"))
    message, problem = _only_problem(path)
    assert problem.file == str(path)
    assert "UTF-8" in message


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan"])
@pytest.mark.parametrize("kind", ["absolute", "relative"])
def test_a_tolerance_that_is_not_finite_is_refused(
    bank_data: dict, write_bank, kind: str, value: str
) -> None:
    text = yaml.safe_dump(bank_data, sort_keys=False)
    assert "relative: 0.05" in text
    path = write_bank(text.replace("relative: 0.05", f"{kind}: {value}"))
    message, problem = _only_problem(path)
    assert (problem.question_id, problem.field) == ("how-many", f"tolerance.{kind}")
    assert str(path) in message
