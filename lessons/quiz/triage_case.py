"""Lesson 07's cases as quiz questions: sort a made-up case into a level of care.

A bank names a case of ``data/vignettes.yaml`` (``type: triage_case``, ``case: <id>``); the
question's prompt, its four options (the levels of ``data/triage.yaml``, least to most
urgent) and every option's feedback are written here from the triage rules. The case then
behaves as any single-choice question: checked, saved with the student's progress, exported,
shown on the static site and counted in the class results. Its feedback says whether a wrong
sort is too low or too high without giving the answer away; its explanation names the sign
that decides and why, once the case is solved or given up.
"""

from __future__ import annotations

from lessons.content.triage import (
    LEVELS,
    TriageResult,
    Vignette,
    level_rank,
    triage_table,
    triage_vignette,
    vignettes,
)

TOO_LOW = (
    "Less urgent than the rules say. One sign is enough to raise a case: look again for the "
    "most urgent sign in the story."
)
TOO_HIGH = (
    "More urgent than the rules say: no sign in this case calls for that level. Erring "
    "towards more care is the safer mistake, but it is still a mistake."
)
QUESTION = "Which level of care does this case need?"


def choice_id(level: str) -> str:
    """A level as a question-bank id: ``"see a doctor soon"`` becomes ``"see-a-doctor-soon"``."""
    return level.replace(" ", "-")


def case_fields(case_id: str) -> dict:
    """The prompt, options and explanation of the case ``case_id``, from the triage rules."""
    case = _find(case_id)
    rules = triage_vignette(case)
    return {
        "prompt": f"**{case.title}.** {case.story}\n\n{QUESTION}",
        "choices": [_choice(level, rules, case) for level in LEVELS],
        "explanation": _explanation(case, rules),
    }


def _find(case_id: str) -> Vignette:
    by_id = {case.id: case for case in vignettes()}
    if case_id not in by_id:
        raise ValueError(
            f"case: {case_id!r} is not a case of data/vignettes.yaml (known: {sorted(by_id)})"
        )
    return by_id[case_id]


def _choice(level: str, rules: TriageResult, case: Vignette) -> dict:
    labels = {entry.id: entry.label for entry in triage_table().levels}
    if level == rules.level:
        feedback = f"Right: {labels[level]}. {case.feedback}"
    elif level_rank(level) < level_rank(rules.level):
        feedback = TOO_LOW
    else:
        feedback = TOO_HIGH
    return {
        "id": choice_id(level),
        "text": labels[level],
        "correct": level == rules.level,
        "feedback": feedback,
    }


def _explanation(case: Vignette, rules: TriageResult) -> str:
    table = triage_table()
    label = next(entry.label for entry in table.levels if entry.id == rules.level)
    if rules.signs:
        signs = "; ".join(table.signs[sign].label for sign in rules.signs)
        deciding = f"Deciding sign{'s' if len(rules.signs) > 1 else ''}: {signs}."
    else:
        deciding = "No warning sign in this case."
    reasons = " ".join(rules.reasons)
    return (
        f"The rules sort this case as **{label}**. {deciding} Why: {reasons}\n\n"
        f"{case.feedback}\n\nAdvice at this level: {rules.advice}"
    )
