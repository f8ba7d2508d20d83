"""Quizzes from question banks in ``data/quizzes``, with saved progress and class results.

In a lesson notebook::

    from lessons.quiz import Quiz
    Quiz.from_bank("00_welcome")                      # the whole lesson quiz
    Quiz.from_bank("00_welcome", only="fever-in-celsius")   # one question
    Prediction.from_bank("02_twitch_to_tetanus", "predict-pair-interval")  # before an experiment
    WrittenAnswer.from_bank("05_twitch_fibrillation_cramp", "explain-cramp-strength")

Instructors check a bank with ``python -m lessons.quiz validate data/quizzes/*.yaml``.
"""

from __future__ import annotations

from lessons.quiz.bank import BankProblem, QuestionBankError, load_bank
from lessons.quiz.dashboard import ProgressDashboard
from lessons.quiz.export import export_results
from lessons.quiz.prediction import Prediction
from lessons.quiz.progress import ProgressStore, ProgressWarning, progress_dir
from lessons.quiz.quiz import Quiz, Score
from lessons.quiz.results import ClassResults, ItemStats, SkippedFile, class_results
from lessons.quiz.state import CheckResult, QuestionState
from lessons.quiz.written import WrittenAnswer

__all__ = [
    "BankProblem",
    "CheckResult",
    "ClassResults",
    "ItemStats",
    "Prediction",
    "ProgressDashboard",
    "ProgressStore",
    "ProgressWarning",
    "QuestionBankError",
    "QuestionState",
    "Quiz",
    "Score",
    "SkippedFile",
    "WrittenAnswer",
    "class_results",
    "export_results",
    "load_bank",
    "progress_dir",
]
