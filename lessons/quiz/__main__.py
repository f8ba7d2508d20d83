"""Command line for instructors.

python -m lessons.quiz validate data/quizzes/*.yaml   # check banks against the schema
python -m lessons.quiz answer-key [--output key.md]   # the answer key, from the banks
python -m lessons.quiz lint [data/quizzes/*.yaml]     # fair options (lessons.quiz.lint)
python -m lessons.quiz counts                         # questions per lesson, type and kind
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from lessons.paths import data_file
from lessons.quiz.answer_key import answer_key
from lessons.quiz.bank import QuestionBankError, load_bank
from lessons.quiz.counts import counts_table
from lessons.quiz.lint import lint_banks
from lessons.quiz.lint_report import format_report


def validate(paths: Sequence[str]) -> int:
    """Check each bank; print what is wrong with each. Returns the number of broken banks."""
    broken = 0
    for name in paths:
        try:
            bank = load_bank(Path(name))
        except QuestionBankError as error:
            broken += 1
            print(f"FAIL {name}\n{error}", file=sys.stderr)
            continue
        print(f"ok   {name}: lesson {bank.lesson!r}, {len(bank.questions)} questions")
    return broken


def lint(paths: Sequence[str]) -> int:
    """Lint the banks (default: every bank of the course) as one course. Returns 0 if fair."""
    files = [Path(name) for name in paths] or sorted(data_file("quizzes").glob("*.yaml"))
    banks = []
    for path in files:
        try:
            banks.append((_label(path), load_bank(path)))
        except QuestionBankError as error:
            print(f"FAIL {path}\n{error}", file=sys.stderr)
            return 1
    report = lint_banks(banks)
    print(format_report(report))
    return 0 if report.passed else 1


def _label(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lessons.quiz", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check question banks against the schema")
    check.add_argument("banks", nargs="+", help="bank files, e.g. data/quizzes/*.yaml")
    key = commands.add_parser("answer-key", help="write the answer key of every bank")
    key.add_argument("--output", type=Path, help="a Markdown file (default: print it)")
    fair = commands.add_parser("lint", help="check that options give no cue (fair options)")
    fair.add_argument("banks", nargs="*", help="bank files (default: every bank of the course)")
    commands.add_parser("counts", help="questions per lesson, by type and by kind")
    arguments = parser.parse_args(argv)
    if arguments.command == "validate":
        return 1 if validate(arguments.banks) else 0
    if arguments.command == "lint":
        return lint(arguments.banks)
    if arguments.command == "counts":
        print(counts_table(load_bank(p) for p in sorted(data_file("quizzes").glob("*.yaml"))))
        return 0
    if arguments.command == "answer-key":
        banks = [load_bank(path) for path in sorted(data_file("quizzes").glob("*.yaml"))]
        text = answer_key(banks)
        if arguments.output:
            arguments.output.write_text(text, encoding="utf-8")
            print(f"answer key for {len(banks)} banks written to {arguments.output}")
        else:
            print(text)
        return 0
    return 2  # pragma: no cover (argparse refuses unknown commands)


if __name__ == "__main__":
    sys.exit(main())
