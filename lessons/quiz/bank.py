"""Load a question bank from YAML and check it, with errors an instructor can act on.

Every problem is reported with the file, the question id and the field, e.g.
``data/quizzes/01_motor_units.yaml: question 'peak-time', field 'tolerance': Field required``,
and all problems of a file are listed at once so one run finds them all.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from lessons.content.experiments import experiments
from lessons.paths import data_file
from lessons.quiz.schema import QUESTION_TYPES, Bank, PredictionQuestion


@dataclass(frozen=True)
class BankProblem:
    """One mistake in a bank: where it is and what is wrong."""

    file: str
    question_id: str | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"question {self.question_id!r}" if self.question_id else "bank"
        return f"{self.file}: {where}, field {self.field!r}: {self.message}"


class QuestionBankError(ValueError):
    """A bank that cannot be used; ``problems`` lists every mistake found."""

    def __init__(self, problems: Iterable[BankProblem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        header = f"{count} problem{'s' if count != 1 else ''} in question bank:"
        super().__init__("\n".join([header, *(f"  - {problem}" for problem in self.problems)]))


def bank_path(name: str | Path) -> Path:
    """The file of a bank given its lesson name (``"00_welcome"``) or a path."""
    path = Path(name)
    if path.suffix in (".yaml", ".yml") or path.parent != Path("."):
        return path
    return data_file("quizzes", f"{name}.yaml")


def load_bank(name: str | Path, reference_keys: Iterable[str] | None = None) -> Bank:
    """Read and validate a bank; ``reference_keys`` defaults to the course bibliography."""
    path = bank_path(name)
    label = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise QuestionBankError([BankProblem(label, None, "(file)", str(error))]) from error
    except UnicodeDecodeError as error:
        message = (
            f"not UTF-8 text (byte 0x{error.object[error.start]:02x} at position {error.start}); "
            "save the file as UTF-8"
        )
        raise QuestionBankError([BankProblem(label, None, "(file)", message)]) from error
    try:
        raw = yaml.load(text, Loader=_UniqueKeyLoader)  # a SafeLoader: no arbitrary objects
    except yaml.YAMLError as error:
        raise QuestionBankError([_yaml_problem(label, text, error)]) from error
    if not isinstance(raw, dict):
        kind = type(raw).__name__
        problem = BankProblem(label, None, "(top level)", f"expected a mapping, found {kind}")
        raise QuestionBankError([problem])
    try:
        bank = Bank.model_validate(raw)
    except ValidationError as error:
        raise QuestionBankError(_pydantic_problems(label, raw, error)) from error
    if reference_keys is None:
        from lessons.content.references import references

        reference_keys = references().keys()
    problems = _cross_checks(label, bank, set(reference_keys))
    if problems:
        raise QuestionBankError(problems)
    return bank


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML's safe loader, but a key given twice is an error instead of "last one wins"."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        self.flatten_mapping(node)
        seen: set = set()
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, Hashable) and key in seen:
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    f"duplicate key {key!r} (the second would silently replace the first)",
                    key_node.start_mark,
                )
            if isinstance(key, Hashable):
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


def course_banks() -> dict[str, Bank]:
    """Every bank in ``data/quizzes`` that loads (a broken one is left out, not fatal)."""
    banks: dict[str, Bank] = {}
    for path in sorted(data_file("quizzes").glob("*.yaml")):
        try:
            bank = load_bank(path)
        except QuestionBankError:
            continue
        banks[bank.lesson] = bank
    return banks


def _cross_checks(label: str, bank: Bank, reference_keys: set[str]) -> list[BankProblem]:
    """Checks that need the whole bank or the bibliography."""
    problems: list[BankProblem] = []
    seen: set[str] = set()
    for question in bank.questions:
        if question.id in seen:
            problems.append(
                BankProblem(label, question.id, "id", "this id is used by an earlier question")
            )
        seen.add(question.id)
        if question.objective not in bank.objectives:
            known = ", ".join(sorted(bank.objectives))
            problems.append(
                BankProblem(
                    label,
                    question.id,
                    "objective",
                    f"unknown objective {question.objective!r}; the bank defines: {known}",
                )
            )
        problems.extend(_experiment_problems(label, question))
        for key in question.references:
            if key not in reference_keys:
                problems.append(
                    BankProblem(
                        label,
                        question.id,
                        "references",
                        f"unknown reference key {key!r}; add it to data/references/",
                    )
                )
    return problems


def _experiment_problems(label: str, question: object) -> list[BankProblem]:
    """A prediction must name an experiment the course runs, or nothing settles it."""
    if not isinstance(question, PredictionQuestion):
        return []
    known = experiments()
    if question.experiment in known:
        return []
    return [
        BankProblem(
            label,
            question.id,
            "experiment",
            f"unknown experiment {question.experiment!r}; data/experiments.yaml lists: "
            + ", ".join(known),
        )
    ]


_FIELD_PREFIX = re.compile(r"^(?:Value error, )?([a-z_]+): (.*)$", re.DOTALL)


def _pydantic_problems(label: str, raw: dict, error: ValidationError) -> list[BankProblem]:
    problems = []
    for detail in error.errors():
        location = list(detail["loc"])
        message = detail["msg"]
        question_id = None
        if len(location) >= 2 and location[0] == "questions" and isinstance(location[1], int):
            question_id = _raw_question_id(raw, location[1])
            location = location[2:]
            if location and location[0] in QUESTION_TYPES:
                location = location[1:]  # pydantic names the union member; the author does not
            if not location and detail["type"] in ("union_tag_invalid", "union_tag_not_found"):
                location = ["type"]
        field = _field_name(location)
        match = _FIELD_PREFIX.match(message)
        if match and field == "(question)":
            field, message = match.group(1), match.group(2)
        elif message.startswith("Value error, "):
            message = message.removeprefix("Value error, ")
        problems.append(BankProblem(label, question_id, field, message))
    return problems


def _raw_question_id(raw: dict, index: int) -> str:
    try:
        question = raw["questions"][index]
        if isinstance(question, dict) and question.get("id"):
            return str(question["id"])
    except (KeyError, IndexError, TypeError):
        pass
    return f"#{index + 1} (no id)"


def _field_name(location: list) -> str:
    if not location:
        return "(question)"
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


_QUESTION_ITEM = re.compile(r"^(\s*)-\s")
_KEY = re.compile(r"^(\s*)(?:-\s+)?([A-Za-z_][\w-]*)\s*:")


def _yaml_problem(label: str, text: str, error: yaml.YAMLError) -> BankProblem:
    """Name the question and field around a YAML syntax error, from the raw lines."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    if mark is None:
        return BankProblem(label, None, "(YAML syntax)", f"not valid YAML: {problem}")
    lines = text.splitlines()
    line_number = min(mark.line, len(lines) - 1)
    question_id, field = _enclosing_question(lines, line_number)
    message = f"not valid YAML at line {mark.line + 1}, column {mark.column + 1}: {problem}"
    return BankProblem(label, question_id, field or "(YAML syntax)", message)


def _enclosing_question(lines: list[str], line_number: int) -> tuple[str | None, str | None]:
    """The id and field of the question block holding ``line_number``, if there is one."""
    start = next((i for i, line in enumerate(lines) if line.rstrip() == "questions:"), None)
    if start is None or not start < line_number < _top_level_after(lines, start):
        key = _last_key(lines, 0, line_number, indent=0)
        return None, key
    item_indent = None
    for line in lines[start + 1 :]:
        match = _QUESTION_ITEM.match(line)
        if match:
            item_indent = len(match.group(1))
            break
    if item_indent is None:
        return None, None
    block_start = None
    for index in range(line_number, start, -1):
        match = _QUESTION_ITEM.match(lines[index])
        if match and len(match.group(1)) == item_indent:
            block_start = index
            break
    if block_start is None:
        return None, None
    field_indent = item_indent + 2
    question_id = None
    for index in range(block_start, len(lines)):
        line = lines[index]
        item = _QUESTION_ITEM.match(line)
        if index > block_start and item and len(item.group(1)) == item_indent:
            break
        match = _KEY.match(line)
        if match and match.group(2) == "id" and _key_indent(line) == field_indent:
            question_id = line.split(":", 1)[1].strip().strip("'\"") or None
            break
    field = _last_key(lines, block_start, line_number, indent=field_indent)
    return question_id, field


def _top_level_after(lines: list[str], start: int) -> int:
    """The line of the first top-level key after line ``start`` (the end of its block)."""
    for index in range(start + 1, len(lines)):
        if _KEY.match(lines[index]) and _key_indent(lines[index]) == 0:
            return index
    return len(lines)


def _key_indent(line: str) -> int:
    """Indent of a key, counting a leading ``- `` as indentation."""
    stripped = line.lstrip()
    indent = len(line) - len(stripped)
    if stripped.startswith("- "):
        indent += 2
    return indent


def _last_key(lines: list[str], first: int, last: int, indent: int) -> str | None:
    for index in range(last, first - 1, -1):
        match = _KEY.match(lines[index])
        if match and _key_indent(lines[index]) == indent:
            return match.group(2)
    return None
