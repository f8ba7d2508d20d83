"""Banks validate, and each kind of mistake is reported with file, question id and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from lessons.paths import data_file
from lessons.quiz import QuestionBankError, load_bank
from lessons.quiz.__main__ import main as cli

BANKS = sorted(data_file("quizzes").glob("*.yaml"))


def test_the_course_has_banks() -> None:
    assert any(path.name == "00_welcome.yaml" for path in BANKS)


@pytest.mark.parametrize("path", BANKS, ids=lambda path: path.name)
def test_every_course_bank_validates(path: Path) -> None:
    bank = load_bank(path)
    assert bank.lesson == path.stem, "the lesson name must match the file name"


def test_welcome_bank_covers_every_question_type() -> None:
    kinds = {question.type for question in load_bank("00_welcome").questions}
    quiz_kinds = {"single_choice", "multiple_select", "numeric", "classification"}
    assert kinds == quiz_kinds | {"prediction"}  # the twitch explorer's two predictions


def _only_problem(path: Path) -> tuple[str, object]:
    with pytest.raises(QuestionBankError) as caught:
        load_bank(path)
    assert len(caught.value.problems) == 1, caught.value
    return str(caught.value), caught.value.problems[0]


def _assert_names(message: str, problem, path: Path, question_id: str, field: str) -> None:
    assert problem.file == str(path)
    assert problem.question_id == question_id
    assert problem.field == field
    for part in (str(path), repr(question_id), repr(field)):
        assert part in message


def test_duplicate_question_id(bank_data: dict, write_bank) -> None:
    bank_data["questions"][1]["id"] = "pick-one"
    path = write_bank(bank_data)
    message, problem = _only_problem(path)
    _assert_names(message, problem, path, "pick-one", "id")
    assert "earlier question" in message


def test_single_choice_without_correct_option(bank_data: dict, write_bank) -> None:
    bank_data["questions"][0]["choices"][0]["correct"] = False
    path = write_bank(bank_data)
    message, problem = _only_problem(path)
    _assert_names(message, problem, path, "pick-one", "choices")
    assert "exactly one correct option" in message


def test_multiple_select_without_correct_option(bank_data: dict, write_bank) -> None:
    question = bank_data["questions"][0]
    question["type"] = "multiple_select"
    question["choices"][0]["correct"] = False
    path = write_bank(bank_data)
    message, problem = _only_problem(path)
    _assert_names(message, problem, path, "pick-one", "choices")


def test_choice_without_feedback(bank_data: dict, write_bank) -> None:
    del bank_data["questions"][0]["choices"][1]["feedback"]
    path = write_bank(bank_data)
    message, problem = _only_problem(path)
    _assert_names(message, problem, path, "pick-one", "choices[1].feedback")
    assert "Field required" in message


def test_unknown_reference_key(bank_data: dict, write_bank) -> None:
    bank_data["questions"][1]["references"] = ["seed", "nosuchauthor1999"]
    path = write_bank(bank_data)
    message, problem = _only_problem(path)
    _assert_names(message, problem, path, "how-many", "references")
    assert "nosuchauthor1999" in message


def test_numeric_question_without_tolerance(bank_data: dict, write_bank) -> None:
    del bank_data["questions"][1]["tolerance"]
    path = write_bank(bank_data)
    message, problem = _only_problem(path)
    _assert_names(message, problem, path, "how-many", "tolerance")


def test_tolerance_needs_exactly_one_kind(bank_data: dict, write_bank) -> None:
    bank_data["questions"][1]["tolerance"] = {"absolute": 1, "relative": 0.1}
    path = write_bank(bank_data)
    message, problem = _only_problem(path)
    _assert_names(message, problem, path, "how-many", "tolerance")


def test_bad_yaml_names_the_question_and_field(bank_data: dict, write_bank) -> None:
    text = write_bank(bank_data).read_text(encoding="utf-8")
    broken = text.replace("prompt: How many?", "prompt: How many: [unclosed")
    assert broken != text
    path = write_bank(broken)
    message, problem = _only_problem(path)
    _assert_names(message, problem, path, "how-many", "prompt")
    assert "not valid YAML at line" in message


def test_unknown_objective_and_misspelt_field(bank_data: dict, write_bank) -> None:
    bank_data["questions"][0]["objective"] = "nowhere"
    bank_data["questions"][1]["explaination"] = "typo"
    path = write_bank(bank_data)
    with pytest.raises(QuestionBankError) as caught:
        load_bank(path)
    found = {(p.question_id, p.field) for p in caught.value.problems}
    # pydantic stops at the structural error first; the cross-check runs on a valid structure
    assert found == {("how-many", "explaination")}
    del bank_data["questions"][1]["explaination"]
    with pytest.raises(QuestionBankError) as caught:
        load_bank(write_bank(bank_data))
    assert {(p.question_id, p.field) for p in caught.value.problems} == {("pick-one", "objective")}


def test_unknown_question_type(bank_data: dict, write_bank) -> None:
    bank_data["questions"][0]["type"] = "essay"
    _message, problem = _only_problem(write_bank(bank_data))
    assert (problem.question_id, problem.field) == ("pick-one", "type")


def test_misconception_overlapping_the_answer_is_refused(bank_data: dict, write_bank) -> None:
    bank_data["questions"][1]["misconceptions"] = [
        {"id": "close", "min": 9.9, "max": 12, "feedback": "Overlaps the accepted range."}
    ]
    _message, problem = _only_problem(write_bank(bank_data))
    assert (problem.question_id, problem.field) == ("how-many", "misconceptions")


def test_command_line_validate(bank_data: dict, write_bank, capsys) -> None:
    good = write_bank(bank_data, "good.yaml")
    del bank_data["questions"][1]["tolerance"]
    bad = write_bank(bank_data, "bad.yaml")
    assert cli(["validate", str(good)]) == 0
    assert cli(["validate", str(good), str(bad)]) == 1
    output = capsys.readouterr()
    assert "ok" in output.out and "FAIL" in output.err and "tolerance" in output.err


def test_the_examples_in_the_instructors_readme_are_valid_questions() -> None:
    import re

    import yaml
    from pydantic import TypeAdapter

    from lessons.quiz.schema import Question

    readme = data_file("quizzes", "README.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", readme, re.S)]
    examples = [block[0] for block in blocks if isinstance(block, list) and block[0] != "..."]
    assert {example["type"] for example in examples} == {
        "single_choice",
        "numeric",
        "classification",
        "triage_case",
        "prediction",
        "written",
    }
    for example in examples:
        TypeAdapter(Question).validate_python(example)
