"""The fair-options lint of the question banks: ``python -m lessons.quiz lint [files...]``.

Applies the rules of ``lessons.quiz.lint_rules`` to single-choice and multiple-select
questions, bank by bank and over the whole course, and finds every problem with its file,
question id and rule (``lessons.quiz.lint_report`` writes the report). Rules 1 and 2 are
course-wide rates, rule 1 per question type (one long correct option is no cue; a habit is);
they fail on a cue either way, and then every question that feeds it is named. Rules 3 and 4
fail on any question or pair. Triage cases are skipped: their four options are the fixed
levels of care, the same for every case, so their lengths carry no cue.
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
# Rule 1 is judged per type: for multiple select most options are right, so chance is high,
# and pooling the two types would let one hide a cue in the other.
QUESTION_KINDS = {"single_choice": "single choice", "multiple_select": "multiple select"}
TIES_NOTE = (
    "how often the correct option is the longest, per question type (a correct option tied "
    "for longest with k - 1 others counts 1/k; for multiple select, chance is the share of "
    "options that are correct)"
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
class Lengths:
    """Rule 1 for one question type: how often the correct option is the longest."""

    questions: int = 0
    hits: float = 0.0  # sum of longest-option hits
    chance: float = 0.0  # sum of their chance levels

    def add(self, question: SingleChoiceQuestion | MultipleSelectQuestion) -> None:
        self.questions += 1
        self.hits += rules.longest_hit(question.choices)
        self.chance += rules.chance(question.choices)

    def __iadd__(self, other: Lengths) -> Lengths:
        self.questions += other.questions
        self.hits += other.hits
        self.chance += other.chance
        return self

    @property
    def rate(self) -> float:
        return self.hits / self.questions if self.questions else 0.0

    @property
    def chance_rate(self) -> float:
        return self.chance / self.questions if self.questions else 0.0

    def band(self) -> tuple[float, float]:
        """The allowed rates: chance minus the low margin to chance plus the margin.

        Each margin is at least one question's worth (1/questions): a rate over a few
        questions moves in such steps, so a small bank is not failed for one long option.
        """
        step = 1 / self.questions if self.questions else 0.0
        low = self.chance_rate - max(rules.LONGEST_LOW_MARGIN, step)
        return max(low, 0.0), min(self.chance_rate + max(rules.LONGEST_MARGIN, step), 1.0)

    def cue(self) -> int:
        """+1 if the correct option is the longest too often, -1 too rarely, else 0."""
        low, high = self.band()
        return (self.rate > high) - (self.rate < low)

    def __str__(self) -> str:
        return f"{self.hits:g} of {self.questions} ({self.rate:.0%}, chance {self.chance_rate:.0%})"


@dataclass
class Tally:
    """The figures of one bank, or of the course (the sum of its banks)."""

    lengths: dict[str, Lengths] = field(
        default_factory=lambda: {kind: Lengths() for kind in QUESTION_KINDS}
    )
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
            if name != "lengths":
                setattr(self, name, getattr(self, name) + getattr(other, name))
        for kind, lengths in other.lengths.items():
            self.lengths[kind] += lengths
        return self

    @property
    def questions(self) -> int:
        return sum(lengths.questions for lengths in self.lengths.values())

    @property
    def correct_share(self) -> float:
        return self.correct_absolute / self.correct_options if self.correct_options else 0.0

    @property
    def distractor_share(self) -> float:
        return self.distractor_absolute / self.distractors if self.distractors else 0.0

    def absolute_margin(self) -> float:
        """ABSOLUTE_MARGIN, or one correct option's worth where that is more (a small bank)."""
        step = 1 / self.correct_options if self.correct_options else 0.0
        return max(rules.ABSOLUTE_MARGIN, step)

    def absolute_cue(self) -> int:
        """+1 if distractors hold absolute words too often, -1 correct options, else 0."""
        gap = self.distractor_share - self.correct_share
        return (gap > self.absolute_margin()) - (gap < -self.absolute_margin())


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
        tally.lengths[question.type].add(question)
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


def shorter_problem(question: SingleChoiceQuestion | MultipleSelectQuestion) -> list[str]:
    """A distractor is (or ties for) the longest option (rule 1, reverse cue)."""
    if rules.longest_hit(question.choices) >= rules.chance(question.choices):
        return []
    longest = max(rules.option_length(choice.text) for choice in question.choices)
    wrong = [c.id for c in question.choices if rules.option_length(c.text) == longest]
    return [f"the longest option ({longest} characters) is a distractor ({wrong[0]!r})"]


def absolute_problems(question: SingleChoiceQuestion | MultipleSelectQuestion) -> list[str]:
    """Each distractor that holds absolute words (rule 2)."""
    return _absolute(question, correct=False)


def absolute_right_problems(question: SingleChoiceQuestion | MultipleSelectQuestion) -> list[str]:
    """Each correct option that holds absolute words (rule 2, reverse cue)."""
    return _absolute(question, correct=True)


def _absolute(question: SingleChoiceQuestion | MultipleSelectQuestion, correct: bool) -> list[str]:
    role = "correct option" if correct else "distractor"
    return [
        f"{role} {choice.id!r} says {', '.join(map(repr, words))}"
        for choice in question.choices
        if choice.correct == correct and (words := rules.absolute_words(choice.text))
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


def _of_kind(kind: str, check):
    return lambda question: check(question) if question.type == kind else []


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
    for kind, lengths in report.course.lengths.items():
        check = {1: longest_problem, -1: shorter_problem}.get(lengths.cue())
        if check:
            of_kind = _of_kind(kind, check)
            report.findings += question_findings(banks, "correct-is-longest", of_kind)
    absolute = {1: absolute_problems, -1: absolute_right_problems}.get(report.course.absolute_cue())
    if absolute:
        report.findings += question_findings(banks, "absolute-words", absolute)
    report.findings += question_findings(banks, "uneven-length", uneven_problem)
    report.findings += duplicate_findings(banks)
    return report
