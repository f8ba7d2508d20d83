"""Fair options: the cues a test-wise student could score from without understanding.

Pure functions over the choices and texts of a bank; ``lessons.quiz.lint`` applies them to
the course and writes the report (``python -m lessons.quiz lint``). The four rules:

1. **correct-is-longest**: item writers tend to make the right option the longest, the most
   qualified one, so "pick the longest" beats chance. Per question, the *longest-option hit*
   is the share of the longest options that are correct: for a single-choice question 1 when
   the correct option is strictly the longest, ``1/k`` when it ties with ``k - 1`` others for
   the longest (the expected score of a student who picks the longest and breaks ties at
   random), 0 otherwise. Its chance level is the share of options that are correct (``1/n``
   for a single choice). Course-wide and per question type (single choice, multiple
   select), the mean hit may exceed the mean chance by at most ``LONGEST_MARGIN``. It may
   not fall more than ``LONGEST_LOW_MARGIN`` below it either: banks rewritten so that the
   right option is never the longest teach the reverse cue, "never pick the longest". Each
   margin is at least one question's worth (``1/questions``).
2. **absolute-words**: "always", "never", "only" ... mark distractors in careless items, so
   a student learns to avoid them. Counted by role, course-wide: the share of distractors
   that hold one may exceed the share of correct options that hold one by at most
   ``ABSOLUTE_MARGIN`` (or one correct option's worth, where that is more), and, for the
   reverse cue ("the absolute one is right"), fall short of it by at most as much.
3. **uneven-length**: within one question, options of more than ``FEW_WORDS`` words whose
   longest is more than ``UNEVEN_RATIO`` times the shortest (in characters) stand out.
4. **near-duplicate**: two questions of different banks whose prompt and correct answers,
   normalised, are more similar than ``DUPLICATE_THRESHOLD`` ask the same thing twice (the
   final assessment should test transfer to a new case, not recall of an earlier item).
   Within one bank questions share a case and its words on purpose, so only pairs across
   banks count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from lessons.quiz.schema import (
    Choice,
    ClassificationQuestion,
    MultipleSelectQuestion,
    NumericQuestion,
    SingleChoiceQuestion,
)

# Rule 1. A course of ~50 choice questions has a sampling spread of several points around
# chance even when lengths carry no cue at all (one question moves the rate by ~2 points), so
# the rate may sit up to 5 percentage points above chance; more than that is a pattern.
LONGEST_MARGIN = 0.05
# Below chance the cue is weaker (it only rules one option out), so the band is wider there.
LONGEST_LOW_MARGIN = 0.10

# Rule 2. Correct options may hold absolute words where they are true ("all of its fibres");
# the cue is a gap between roles. With ~85 correct options and ~140 distractors, one standard
# error of the difference of the two shares is about 5 percentage points: a larger gap is a
# habit of the writing that students can learn, not noise. "no" and "any" are left out: in
# this course they mostly describe ("no other symptom", "any skeletal muscle").
ABSOLUTE_MARGIN = 0.05
ABSOLUTE_WORDS = frozenset(
    {
        "all",
        "always",
        "cannot",
        "can't",
        "certainly",
        "completely",
        "entirely",
        "every",
        "everyone",
        "everything",
        "ever",
        "guaranteed",
        "impossible",
        "must",
        "never",
        "none",
        "nothing",
        "only",
        "totally",
    }
)

# Rule 3. Options of one to three words ("paralysis", "type IIa") are names, not arguments,
# and cannot be padded; longer ones can, and a 2.5-fold spread makes one option stand out.
FEW_WORDS = 3
UNEVEN_RATIO = 2.5

# Rule 4. SequenceMatcher ratio over the content words (stop words dropped, a plural "s"
# stripped) of prompt + correct answers. Calibrated on this course: questions that ask the
# same thing about the same case in other words scored 0.43 to 0.80 (lesson 08 against 01, 03
# and 05); related questions on a new case or in the other direction (101 °F to °C against
# 39.5 °C to °F) scored 0.37 and below.
DUPLICATE_THRESHOLD = 0.40
_STOP_WORDS = (
    "a about an and are as at be by can did do does each for from had has have his her how "
    "if in into is it its may might no not of on one or so than that the their then there "
    "these this those to was were what when where which who why will with would you your"
)
STOP_WORDS = frozenset(_STOP_WORDS.split())

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def option_length(text: str) -> int:
    """Characters of an option as the student sees it (runs of white space count once)."""
    return len(" ".join(text.split()))


def word_count(text: str) -> int:
    return len(text.split())


def longest_hit(choices: Sequence[Choice]) -> float:
    """The share of the longest options that are correct (ties split; see rule 1)."""
    lengths = [option_length(choice.text) for choice in choices]
    top = max(lengths)
    longest = [choice for choice, length in zip(choices, lengths, strict=True) if length == top]
    return sum(choice.correct for choice in longest) / len(longest)


def chance(choices: Sequence[Choice]) -> float:
    """How often the longest option would be correct if lengths carried no cue."""
    return sum(choice.correct for choice in choices) / len(choices)


def absolute_words(text: str) -> list[str]:
    """The absolute words of a text, lower case, in order (``"can't"`` is one word)."""
    words = _WORD.findall(text.lower().replace("’", "'"))
    return [word for word in words if word in ABSOLUTE_WORDS]


def length_ratio(choices: Sequence[Choice]) -> float | None:
    """Longest over shortest option, in characters, among options of more than FEW_WORDS words.

    ``None`` when fewer than two options are that long (nothing to compare).
    """
    lengths = [
        option_length(choice.text) for choice in choices if word_count(choice.text) > FEW_WORDS
    ]
    if len(lengths) < 2:
        return None
    return max(lengths) / min(lengths)


def normalise(text: str) -> str:
    """Lower case words only: Markdown, punctuation and spacing do not make two texts differ."""
    return " ".join(_WORD.findall(text.lower()))


def question_text(question) -> str:
    """What a question asks and answers: its prompt and correct answers, normalised."""
    parts = [question.prompt]
    if isinstance(question, SingleChoiceQuestion | MultipleSelectQuestion):
        parts += [choice.text for choice in question.choices if choice.correct]
    elif isinstance(question, NumericQuestion):
        parts.append(f"{question.answer:g} {question.unit}")
    elif isinstance(question, ClassificationQuestion):
        parts += [item.text for item in question.items]
    return normalise(" ".join(parts))


def content_words(text: str) -> list[str]:
    """The words of a normalised text that carry meaning, plural "s" stripped (rule 4)."""
    return [_singular(word) for word in text.split() if word not in STOP_WORDS]


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def similarity(first: str, second: str) -> float:
    """How alike two normalised texts are, 0 (unrelated) to 1 (the same content words)."""
    return SequenceMatcher(
        None, content_words(first), content_words(second), autojunk=False
    ).ratio()
