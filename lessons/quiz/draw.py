"""A drawn quiz: each student gets ``bank.draw`` questions of the pool, chosen by their id.

The final assessment should not be the same ten items for a whole class, nor change when a
student reloads the page. The draw is a pure function of the lesson and the student's id
(or name): the same id always gets the same questions, two ids usually get different
ones, and every objective of the bank is covered before any objective gets a second item.
"""

from __future__ import annotations

import hashlib
import random

from lessons.quiz.schema import Bank


def pool(bank: Bank) -> list:
    """The questions a draw chooses from: those without a group, in bank order."""
    return [question for question in bank.questions if question.group is None]


def draw_ids(bank: Bank, student_key: str) -> tuple[str, ...]:
    """The ids drawn for ``student_key``, in bank order; the whole pool if ``draw`` is unset."""
    key = student_key.strip()
    if not key:
        raise ValueError("student_key: give a student id or name to draw questions for")
    questions = pool(bank)
    if bank.draw is None or bank.draw >= len(questions):
        return tuple(question.id for question in questions)
    digest = hashlib.sha256(f"{bank.lesson}\x00{key}".encode()).digest()
    rng = random.Random(int.from_bytes(digest[:8], "big"))
    by_objective: dict[str, list[str]] = {}
    for question in questions:
        by_objective.setdefault(question.objective, []).append(question.id)
    for ids in by_objective.values():
        rng.shuffle(ids)
    objectives = sorted(by_objective)
    rng.shuffle(objectives)
    chosen: set[str] = set()
    while len(chosen) < bank.draw:  # one per objective per round, in a shuffled order
        for objective in objectives:
            if by_objective[objective] and len(chosen) < bank.draw:
                chosen.add(by_objective[objective].pop())
    return tuple(question.id for question in questions if question.id in chosen)
