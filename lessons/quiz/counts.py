"""How many questions of each type and kind each lesson has: the shape of the assessment.

``python -m lessons.quiz counts`` prints it as a Markdown table, so a review of the course
("34 recall, 25 reasoning ...") is one command, and a lesson drifting back to recall shows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from lessons.quiz.schema import KINDS, QUESTION_TYPES, Bank


def counts(bank: Bank) -> tuple[Counter, Counter]:
    """(questions per type, questions per kind) of one bank."""
    return (
        Counter(question.type for question in bank.questions),
        Counter(question.kind for question in bank.questions),
    )


def counts_table(banks: Iterable[Bank]) -> str:
    """A Markdown table: one row per lesson (and a total), a column per type and per kind."""
    types = [name for name in QUESTION_TYPES]
    header = ["lesson", "questions", *types, *KINDS]
    rows = [header, ["---"] * len(header)]
    total_types: Counter = Counter()
    total_kinds: Counter = Counter()
    count = 0
    for bank in banks:
        by_type, by_kind = counts(bank)
        total_types += by_type
        total_kinds += by_kind
        count += len(bank.questions)
        drawn = f" (draws {bank.draw})" if bank.draw else ""
        rows.append(
            [
                bank.lesson + drawn,
                str(len(bank.questions)),
                *(str(by_type[name]) for name in types),
                *(str(by_kind[name]) for name in KINDS),
            ]
        )
    rows.append(
        [
            "**course**",
            str(count),
            *(str(total_types[name]) for name in types),
            *(str(total_kinds[name]) for name in KINDS),
        ]
    )
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)
