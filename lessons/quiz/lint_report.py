"""The fair-options lint's report as text: per bank, course-wide with a verdict per rule, then
every problem with its file, question id and rule (``python -m lessons.quiz lint``)."""

from __future__ import annotations

from lessons.quiz import lint_rules as rules
from lessons.quiz.lint import QUESTION_KINDS, TIES_NOTE, TRIAGE_NOTE, LintReport, Tally


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
    longest = "; ".join(
        f"{QUESTION_KINDS[kind]} {lengths}"
        for kind, lengths in tally.lengths.items()
        if lengths.questions
    )
    return (
        f"correct option longest in {longest or 'no questions'}; "
        f"absolute words in {tally.correct_absolute} of {tally.correct_options} correct "
        f"options, {tally.distractor_absolute} of {tally.distractors} distractors; "
        f"{tally.uneven} with uneven options"
    )


def _course_lines(report: LintReport) -> list[str]:
    course = report.course
    broken = set(report.broken_rules())

    def verdict(rule: str) -> str:
        return f"  {'FAIL' if rule in broken else 'ok  '} {rule}: "

    uneven = sum(f.rule == "uneven-length" for f in report.findings)
    pairs = sum(f.rule == "near-duplicate" for f in report.findings)
    lines = [verdict("correct-is-longest") + TIES_NOTE]
    for kind, lengths in course.lengths.items():
        low, high = lengths.band()
        lines.append(
            f"{'FAIL' if lengths.cue() else 'ok':>8} {QUESTION_KINDS[kind]}: {lengths.hits:g} "
            f"of {lengths.questions} questions ({lengths.rate:.1%}); chance "
            f"{lengths.chance_rate:.1%}, allowed {low:.1%} to {high:.1%} (chance - "
            f"{_points(rules.LONGEST_LOW_MARGIN)} to chance + {_points(rules.LONGEST_MARGIN)}, "
            "or one question's worth if more)"
        )
    return [
        *lines,
        verdict("absolute-words")
        + f"in {course.correct_absolute} of {course.correct_options} correct options "
        f"({course.correct_share:.1%}, {course.correct_words} words) and "
        f"{course.distractor_absolute} of {course.distractors} distractors "
        f"({course.distractor_share:.1%}, {course.distractor_words} words); the two shares may "
        f"differ by at most {_points(course.absolute_margin())}",
        verdict("uneven-length")
        + f"{uneven} questions with options of more than {rules.FEW_WORDS} words whose "
        f"longest is more than {rules.UNEVEN_RATIO} times the shortest",
        verdict("near-duplicate")
        + f"{pairs} pairs of questions of different banks more similar than "
        f"{rules.DUPLICATE_THRESHOLD:.2f}",
    ]


def _points(fraction: float) -> str:
    return f"{fraction * 100:.3g} percentage points"
