"""Quizzes from question banks in ``data/quizzes``, with saved progress and class results.

In a lesson notebook::

    from lessons.quiz import Quiz
    Quiz.from_bank("00_welcome")                      # the whole lesson quiz
    Quiz.from_bank("00_welcome", only="fever-in-celsius")   # one question

Instructors check a bank with ``python -m lessons.quiz validate data/quizzes/*.yaml``.
"""

from __future__ import annotations

from lessons.quiz.bank import BankProblem, QuestionBankError, load_bank
from lessons.quiz.dashboard import ProgressDashboard
from lessons.quiz.export import export_results
from lessons.quiz.progress import ProgressStore, ProgressWarning, progress_dir
from lessons.quiz.quiz import Quiz, Score
from lessons.quiz.results import ClassResults, ItemStats, SkippedFile, class_results
from lessons.quiz.state import CheckResult, QuestionState

__all__ = [
    "BankProblem",
    "CheckResult",
    "ClassResults",
    "ItemStats",
    "ProgressDashboard",
    "ProgressStore",
    "ProgressWarning",
    "QuestionBankError",
    "QuestionState",
    "Quiz",
    "Score",
    "SkippedFile",
    "class_results",
    "export_results",
    "load_bank",
    "progress_dir",
]
