"""The fair-options lint of the question banks: ``python -m lessons.quiz lint [files...]``.

Applies the rules of ``lessons.quiz.lint_rules`` to single-choice and multiple-select
questions, bank by bank and over the whole course, and reports every problem with its file,
question id and rule. Rules 1 and 2 are course-wide rates (one long correct option is no
cue; a habit is); when one fails, every question that feeds it is named. Rules 3 and 4 fail
on any question or pair. Triage cases are skipped: their four options are the fixed levels
of care, the same for every case, so their lengths carry no cue.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from lessons.quiz import lint_rules as rules
from lessons.quiz.schema import (
    Bank,
    MultipleSelectQuestion,
    SingleChoiceQuestion,
    TriageCaseQuestion,
)

TRIAGE_NOTE = (
    "triage cases are skipped: their four options are the fixed levels of care, the same "
    "for every case, so their lengths carry no cue"
)
TIES_NOTE = (
    "a correct option tied for longest with k - 1 others counts 1/k; for multiple select, "
    "chance is the share of options that are correct"
)


@dataclass(frozen=True)
class Finding:
    """One problem: where it is, which rule it breaks and why."""

    file: str
    question_id: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: question {self.question_id!r}, rule {self.rule!r}: {self.message}"


@dataclass
class Tally:
    """The figures of one bank, or of the course (the sum of its banks)."""

    questions: int = 0
    hits: float = 0.0  # sum of longest-option hits (rule 1)
    chance: float = 0.0  # sum of their chance levels
    triage_cases: int = 0
    correct_options: int = 0
    correct_absolute: int = 0  # correct options holding an absolute word
    correct_words: int = 0  # absolute words in correct options
    distractors: int = 0
    distractor_absolute: int = 0
    distractor_words: int = 0
    uneven: int = 0

    def __iadd__(self, other: Tally) -> Tally:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self

    @property
    def longest_rate(self) -> float:
        return self.hits / self.questions if self.questions else 0.0

    @property
    def chance_rate(self) -> float:
        return self.chance / self.questions if self.questions else 0.0

    @property
    def correct_share(self) -> float:
        return self.correct_absolute / self.correct_options if self.correct_options else 0.0

    @property
    def distractor_share(self) -> float:
        return self.distractor_absolute / self.distractors if self.distractors else 0.0

    def longest_fails(self) -> bool:
        return self.longest_rate > self.chance_rate + rules.LONGEST_MARGIN

    def absolute_fails(self) -> bool:
        return self.distractor_share - self.correct_share > rules.ABSOLUTE_MARGIN


@dataclass
class LintReport:
    """Figures per bank and for the course, and every problem found."""

    banks: list[tuple[str, Tally]] = field(default_factory=list)
    course: Tally = field(default_factory=Tally)
    findings: list[Finding] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.findings

    def broken_rules(self) -> list[str]:
        return list(dict.fromkeys(finding.rule for finding in self.findings))


def choice_questions(bank: Bank) -> list[SingleChoiceQuestion | MultipleSelectQuestion]:
    """The questions the option rules apply to: single choice and multiple select."""
    return [
        question
        for question in bank.questions
        if isinstance(question, SingleChoiceQuestion | MultipleSelectQuestion)
        and not isinstance(question, TriageCaseQuestion)
    ]


def tally_bank(bank: Bank) -> Tally:
    """The figures of one bank (rules 1 to 3)."""
    tally = Tally(triage_cases=sum(isinstance(q, TriageCaseQuestion) for q in bank.questions))
    for question in choice_questions(bank):
        tally.questions += 1
        tally.hits += rules.longest_hit(question.choices)
        tally.chance += rules.chance(question.choices)
        ratio = rules.length_ratio(question.choices)
        tally.uneven += ratio is not None and ratio > rules.UNEVEN_RATIO
        for choice in question.choices:
            words = len(rules.absolute_words(choice.text))
            if choice.correct:
                tally.correct_options += 1
                tally.correct_absolute += words > 0
                tally.correct_words += words
            else:
                tally.distractors += 1
                tally.distractor_absolute += words > 0
                tally.distractor_words += words
    return tally


def longest_problem(question: SingleChoiceQuestion | MultipleSelectQuestion) -> list[str]:
    """The correct option is (or ties for) the longest (rule 1)."""
    if rules.longest_hit(question.choices) <= rules.chance(question.choices):
        return []
    longest = max(rules.option_length(choice.text) for choice in question.choices)
    right = ", ".join(repr(choice.id) for choice in question.choices if choice.correct)
    return [f"the longest option ({longest} characters) is correct ({right})"]


def absolute_problems(question: SingleChoiceQuestion | MultipleSelectQuestion) -> list[str]:
    """Each distractor that holds absolute words (rule 2)."""
    return [
        f"distractor {choice.id!r} says {', '.join(map(repr, words))}"
        for choice in question.choices
        if not choice.correct and (words := rules.absolute_words(choice.text))
    ]


def uneven_problem(question: SingleChoiceQuestion | MultipleSelectQuestion) -> list[str]:
    """The options differ too much in length (rule 3)."""
    ratio = rules.length_ratio(question.choices)
    if ratio is None or ratio <= rules.UNEVEN_RATIO:
        return []
    lengths = [
        rules.option_length(choice.text)
        for choice in question.choices
        if rules.word_count(choice.text) > rules.FEW_WORDS
    ]
    return [
        f"its options of more than {rules.FEW_WORDS} words run from {min(lengths)} to "
        f"{max(lengths)} characters, {ratio:.2f} times (at most {rules.UNEVEN_RATIO})"
    ]


def question_findings(banks: Sequence[tuple[str, Bank]], rule: str, check) -> list[Finding]:
    """``check(question)`` (a list of messages) over every choice question, as findings."""
    return [
        Finding(file, question.id, rule, message)
        for file, bank in banks
        for question in choice_questions(bank)
        for message in check(question)
    ]


def duplicate_findings(banks: Sequence[tuple[str, Bank]]) -> list[Finding]:
    """Pairs of questions of different banks that ask the same thing (rule 4)."""
    texts = [
        (file, question.id, rules.question_text(question))
        for file, bank in banks
        for question in bank.questions
    ]
    found = []
    for (file_a, id_a, text_a), (file_b, id_b, text_b) in itertools.combinations(texts, 2):
        if file_a == file_b:
            continue
        score = rules.similarity(text_a, text_b)
        if score > rules.DUPLICATE_THRESHOLD:
            message = (
                f"near duplicate of {file_a}: question {id_a!r} (similarity {score:.2f}, "
                f"at most {rules.DUPLICATE_THRESHOLD:.2f})"
            )
            found.append(Finding(file_b, id_b, "near-duplicate", message))
    return found


def lint_banks(banks: Sequence[tuple[str, Bank]]) -> LintReport:
    """Lint ``(file label, bank)`` pairs as one course."""
    report = LintReport()
    for file, bank in banks:
        tally = tally_bank(bank)
        report.banks.append((file, tally))
        report.course += tally
    if report.course.longest_fails():
        report.findings += question_findings(banks, "correct-is-longest", longest_problem)
    if report.course.absolute_fails():
        report.findings += question_findings(banks, "absolute-words", absolute_problems)
    report.findings += question_findings(banks, "uneven-length", uneven_problem)
    report.findings += duplicate_findings(banks)
    return report


def format_report(report: LintReport) -> str:
    """The report as text: per bank, course-wide with a verdict per rule, then problems."""
    course = report.course
    lines = [
        f"Fair-options lint: {len(report.banks)} banks, {course.questions} single-choice and "
        f"multiple-select questions ({course.triage_cases} {TRIAGE_NOTE}).",
        "",
    ]
    lines += [f"{file}: {_bank_line(tally)}" for file, tally in report.banks]
    lines += ["", "Course-wide:", *_course_lines(report)]
    if report.findings:
        lines += ["", f"Problems ({len(report.findings)}):"]
        lines += [f"  - {finding}" for finding in report.findings]
        lines += ["", f"FAIL: the course breaks {', '.join(report.broken_rules())}."]
    else:
        lines += ["", "PASS: the options give no cue by any of the four rules."]
    return "\n".join(lines)


def _bank_line(tally: Tally) -> str:
    return (
        f"{tally.questions} questions; correct option longest {_longest(tally)}; "
        f"absolute words in {tally.correct_absolute} of {tally.correct_options} correct "
        f"options, {tally.distractor_absolute} of {tally.distractors} distractors; "
        f"{tally.uneven} with uneven options"
    )


def _longest(tally: Tally) -> str:
    return (
        f"in {tally.hits:g} of {tally.questions} ({tally.longest_rate:.0%}, "
        f"chance {tally.chance_rate:.0%})"
    )


def _course_lines(report: LintReport) -> list[str]:
    course = report.course
    broken = set(report.broken_rules())

    def verdict(rule: str) -> str:
        return f"  {'FAIL' if rule in broken else 'ok  '} {rule}: "

    uneven = sum(f.rule == "uneven-length" for f in report.findings)
    pairs = sum(f.rule == "near-duplicate" for f in report.findings)
    limit = course.chance_rate + rules.LONGEST_MARGIN
    return [
        verdict("correct-is-longest")
        + f"{course.hits:g} of {course.questions} questions ({course.longest_rate:.1%}); "
        f"chance {course.chance_rate:.1%}, at most {limit:.1%} allowed "
        f"(chance + {_points(rules.LONGEST_MARGIN)}; {TIES_NOTE})",
        verdict("absolute-words")
        + f"in {course.correct_absolute} of {course.correct_options} correct options "
        f"({course.correct_share:.1%}, {course.correct_words} words) and "
        f"{course.distractor_absolute} of {course.distractors} distractors "
        f"({course.distractor_share:.1%}, {course.distractor_words} words); distractors may "
        f"exceed correct options by at most {_points(rules.ABSOLUTE_MARGIN)}",
        verdict("uneven-length")
        + f"{uneven} questions with options of more than {rules.FEW_WORDS} words whose "
        f"longest is more than {rules.UNEVEN_RATIO} times the shortest",
        verdict("near-duplicate")
        + f"{pairs} pairs of questions of different banks more similar than "
        f"{rules.DUPLICATE_THRESHOLD:.2f}",
    ]


def _points(fraction: float) -> str:
    return f"{fraction * 100:g} percentage points"
