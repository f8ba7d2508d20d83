"""The shape of a progress file and of an exported results file, as pydantic models.

Both files are read back by code that trusts their types (the dashboard, class results), so
they are checked whole on load: a record without ``objective``, ``attempts: true``, a list
as a student id or a string as ``first_wrong_options`` is refused with a reason instead of
failing later, or quietly miscounting. Unknown extra fields are allowed, so a file written
by a newer course version still opens. Nesting depth is bounded by ``jsonfiles``.
"""

from __future__ import annotations

import math
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)

PROGRESS_FORMAT = "muscle-twitch-course/progress"
EXPORT_FORMAT = "muscle-twitch-course/results"
FORMAT_VERSION = 1

MAX_TEXT = 400  # names, ids, objectives: far longer than any the course writes
MAX_WRITTEN = 5000  # a written explanation: a few paragraphs at most
MAX_KEY = 200
MAX_OPTIONS = 100


def _valid_unicode(text: str) -> str:
    """A lone surrogate cannot be written back as UTF-8: refuse it when reading."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValueError("contains a character that is not valid Unicode") from error
    return text


def _plain_json(value: object) -> object:
    """An answer is any JSON value the course could write back: finite, valid Unicode."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            _valid_unicode(item)
        elif isinstance(item, float) and not math.isfinite(item):
            raise ValueError("contains a number that is not finite")
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
        elif not (item is None or isinstance(item, bool | int | float)):
            raise ValueError(f"contains a {type(item).__name__}, not a JSON value")
    return value


Text = Annotated[
    str, StringConstraints(strict=True, max_length=MAX_TEXT), AfterValidator(_valid_unicode)
]
Key = Annotated[
    str,
    StringConstraints(strict=True, min_length=1, max_length=MAX_KEY),
    AfterValidator(_valid_unicode),
]
Stamp = Annotated[
    str, StringConstraints(strict=True, min_length=1, max_length=64), AfterValidator(_valid_unicode)
]
Answer = Annotated[object, AfterValidator(_plain_json)]
Written = Annotated[
    str, StringConstraints(strict=True, max_length=MAX_WRITTEN), AfterValidator(_valid_unicode)
]
Version = Annotated[int, Field(ge=FORMAT_VERSION, le=FORMAT_VERSION)]  # strict: not ``true``


class _Record(BaseModel):
    model_config = ConfigDict(strict=True, extra="allow")


class QuestionRecord(_Record):
    """One question's attempts, as ``ProgressStore.record_attempt`` writes them."""

    objective: Text
    attempts: int = Field(ge=0, le=1_000_000)
    first_try_correct: bool | None
    solved: bool
    revealed: bool
    last_correct: bool | None = None
    first_answer: Answer = None
    last_answer: Answer = None
    first_wrong_options: list[Text] = Field(default_factory=list, max_length=MAX_OPTIONS)
    first_attempt_at: Stamp | None = None
    last_attempt_at: Stamp | None = None
    revealed_at: Stamp | None = None
    # A recorded prediction (locked once, compared after its experiment) or a written
    # explanation (its text and the rubric points the student ticked); None for questions.
    kind: Literal["prediction", "written"] | None = None
    locked_at: Stamp | None = None
    compared_at: Stamp | None = None
    written_answer: Written | None = None
    rubric_ticked: list[Key] = Field(default_factory=list, max_length=MAX_OPTIONS)
    saved_at: Stamp | None = None


class LessonRecord(_Record):
    questions: dict[Key, QuestionRecord]
    objectives_to_revisit: list[Text] = Field(default_factory=list)


class Student(_Record):
    name: Text | None = None
    id: Text | None = None


class ProgressFile(_Record):
    """A student's progress file (``progress.json``)."""

    format: Literal["muscle-twitch-course/progress"]
    format_version: Version
    student: Student
    lessons: dict[Key, LessonRecord]


class ExportFile(_Record):
    """A results file a student exported to hand in."""

    format: Literal["muscle-twitch-course/results"]
    format_version: Version
    exported_at: Stamp
    course_version: Text | None = None
    student: Student
    lessons: dict[Key, LessonRecord]


# Lessons whose id changed (lesson 08 "Benign or serious?" moved the final assessment to 09):
# records under an old id are read under the new one, so no saved answer is lost.
RENAMED_LESSONS = {"08_final_assessment": "09_final_assessment"}


def migrate_lessons(data: dict) -> dict:
    """Move records filed under a lesson's old id to its new id (a valid file, in place)."""
    lessons = data.get("lessons")
    if isinstance(lessons, dict):
        for old, new in RENAMED_LESSONS.items():
            if old in lessons and new not in lessons:
                lessons[new] = lessons.pop(old)
    return data


def describe(error: ValidationError, limit: int = 3) -> str:
    """The first few problems, each with where it is; never echoes the (maybe huge) input."""
    problems = []
    for detail in error.errors(include_url=False, include_input=False, include_context=False):
        where = ".".join(_short(part) for part in detail["loc"]) or "(top level)"
        problems.append(f"{where}: {detail['msg']}")
    more = len(problems) - limit
    shown = "; ".join(problems[:limit])
    return shown + (f" (and {more} more)" if more > 0 else "")


def _short(part: object, limit: int = 40) -> str:
    text = str(part)
    return text if len(text) <= limit else text[: limit - 1] + "…"
