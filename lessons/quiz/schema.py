"""The shape of a question bank, as pydantic models.

Instructors edit banks in YAML; these models are the single definition of what a bank may
contain, so a typo (an unknown field, a missing feedback) is refused when the bank is loaded
rather than surfacing as a broken widget in class. Checks that need the whole bank or the
bibliography (duplicate ids, unknown reference keys) live in ``lessons.quiz.bank``.
"""

from __future__ import annotations

import math
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# Ids appear in progress files and exports, so they must stay short and URL-safe.
ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
Identifier = Annotated[str, Field(pattern=ID_PATTERN, max_length=60)]
Text = Annotated[str, Field(min_length=1)]
# What a question asks of the student (issue "Assessment"): remembering a fact, reasoning
# from the lesson's ideas or a case, or carrying an idea to something the lesson did not show.
# Predictions and written explanations are their own question types, with their own kinds.
Kind = Literal["recall", "reasoning", "case", "transfer"]
KINDS = ("recall", "reasoning", "case", "transfer", "prediction", "written")


class _Strict(BaseModel):
    """Refuses unknown fields, so a misspelt key is an error instead of silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Choice(_Strict):
    """One option of a single-choice or multiple-select question."""

    id: Identifier
    text: Text
    correct: bool = False
    feedback: Text


class _QuestionBase(_Strict):
    id: Identifier
    prompt: Text
    objective: Identifier
    references: list[Identifier] = Field(min_length=1)
    explanation: Text
    kind: Kind
    # A lesson shows a group of questions in a section of its own (``Quiz.from_bank(name,
    # group="cases")``); questions without a group make up the lesson's quiz.
    group: Identifier | None = None


def _unique_ids(values: list, what: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value.id in seen:
            raise ValueError(f"{what} id {value.id!r} is used twice")
        seen.add(value.id)


def _exactly_one_correct(choices: list[Choice]) -> list[Choice]:
    _unique_ids(choices, "choice")
    right = [choice.id for choice in choices if choice.correct]
    if len(right) != 1:
        found = ", ".join(right) if right else "none"
        raise ValueError(
            f"a single-choice question needs exactly one correct option (found: {found})"
        )
    return choices


class SingleChoiceQuestion(_QuestionBase):
    """Pick exactly one option; exactly one option is right."""

    type: Literal["single_choice"]
    choices: list[Choice] = Field(min_length=2)
    shuffle: bool = True

    @field_validator("choices")
    @classmethod
    def _exactly_one_correct(cls, choices: list[Choice]) -> list[Choice]:
        return _exactly_one_correct(choices)


class MultipleSelectQuestion(_QuestionBase):
    """Tick all that apply; at least one option is right."""

    type: Literal["multiple_select"]
    choices: list[Choice] = Field(min_length=2)
    shuffle: bool = True

    @field_validator("choices")
    @classmethod
    def _some_correct(cls, choices: list[Choice]) -> list[Choice]:
        _unique_ids(choices, "choice")
        if not any(choice.correct for choice in choices):
            raise ValueError("a multiple-select question needs at least one correct option")
        return choices


class TriageCaseQuestion(SingleChoiceQuestion):
    """A case of ``data/vignettes.yaml`` to sort into a level of care (lesson 07).

    The bank gives the case id; prompt, options (the levels of ``data/triage.yaml``) and
    feedback come from the triage rules (``lessons.quiz.triage_case``), so they always agree
    with the rules. The case is graded, saved and exported as a single-choice question.
    """

    type: Literal["triage_case"]  # type: ignore[assignment]
    kind: Kind = "case"
    case: Identifier
    shuffle: bool = False  # the levels are a scale, least to most urgent
    group: Identifier | None = "cases"

    @model_validator(mode="before")
    @classmethod
    def _written_from_the_rules(cls, data: object) -> object:
        if isinstance(data, dict) and isinstance(data.get("case"), str):
            from lessons.quiz.triage_case import case_fields

            return {**case_fields(data["case"]), **data}
        return data


class Tolerance(_Strict):
    """How far an answer may be from the expected value: give exactly one of the two."""

    # An infinite tolerance would accept every answer: only finite numbers.
    absolute: float | None = Field(default=None, gt=0, allow_inf_nan=False)
    relative: float | None = Field(default=None, gt=0, lt=1, allow_inf_nan=False)

    @model_validator(mode="after")
    def _exactly_one(self) -> Tolerance:
        if (self.absolute is None) == (self.relative is None):
            raise ValueError("give exactly one of 'absolute' or 'relative'")
        return self

    def half_width(self, answer: float) -> float:
        """The accepted distance from ``answer``, in the question's unit."""
        if self.absolute is not None:
            return self.absolute
        return abs(answer) * (self.relative or 0.0)


class Misconception(_Strict):
    """A range of wrong answers that betrays one particular mistake, with feedback for it."""

    id: Identifier
    min: float
    max: float
    feedback: Text

    @model_validator(mode="after")
    def _ordered(self) -> Misconception:
        if not (math.isfinite(self.min) and math.isfinite(self.max)) or self.min > self.max:
            raise ValueError(f"needs finite min <= max (got min={self.min}, max={self.max})")
        return self


class NumericFeedback(_Strict):
    """Feedback for a right answer and for the generic too-high and too-low mistakes."""

    correct: Text
    too_high: Text
    too_low: Text


class NumericQuestion(_QuestionBase):
    """Type a number; it is right within ``tolerance`` of ``answer``."""

    type: Literal["numeric"]
    answer: float
    tolerance: Tolerance
    unit: str = ""
    feedback: NumericFeedback
    misconceptions: list[Misconception] = Field(default_factory=list)

    @field_validator("answer")
    @classmethod
    def _finite(cls, answer: float) -> float:
        if not math.isfinite(answer):
            raise ValueError("the answer must be a finite number")
        return answer

    @model_validator(mode="after")
    def _consistent(self) -> NumericQuestion:
        if self.tolerance.relative is not None and self.answer == 0:
            raise ValueError(
                "tolerance: a relative tolerance around an answer of 0 accepts nothing"
            )
        _unique_ids(self.misconceptions, "misconception")
        low, high = self.accepted_range()
        for mistake in self.misconceptions:
            if mistake.min <= high and mistake.max >= low:
                raise ValueError(
                    f"misconceptions: range of {mistake.id!r} ({mistake.min} to {mistake.max}) "
                    f"overlaps the accepted answers ({low:g} to {high:g})"
                )
        return self

    def accepted_range(self) -> tuple[float, float]:
        """The closed interval of answers counted as right."""
        width = self.tolerance.half_width(self.answer)
        return self.answer - width, self.answer + width


class Category(_Strict):
    """A bin that classification items are sorted into."""

    id: Identifier
    label: Text


class Item(_Strict):
    """A thing to classify, its right category, and why it belongs there."""

    id: Identifier
    text: Text
    category: Identifier
    feedback: Text


class ClassificationQuestion(_QuestionBase):
    """Sort each item into one of the categories."""

    type: Literal["classification"]
    categories: list[Category] = Field(min_length=2)
    items: list[Item] = Field(min_length=2)
    shuffle: bool = True

    @field_validator("categories")
    @classmethod
    def _unique_categories(cls, categories: list[Category]) -> list[Category]:
        _unique_ids(categories, "category")
        return categories

    @model_validator(mode="after")
    def _known_categories(self) -> ClassificationQuestion:
        _unique_ids(self.items, "item")
        known = {category.id for category in self.categories}
        for item in self.items:
            if item.category not in known:
                raise ValueError(
                    f"items: item {item.id!r} is sorted into unknown category "
                    f"{item.category!r} (known: {', '.join(sorted(known))})"
                )
        return self


class PredictionQuestion(_QuestionBase):
    """A prediction made before an experiment: it locks, then is compared with the outcome.

    Either ``choices`` (one of them is what the experiment shows) or a numeric estimate
    (``answer``, ``tolerance`` and ``feedback``). ``experiment`` names the experiment of
    ``data/experiments.yaml`` that shows the outcome; ``result`` says what it shows.
    """

    type: Literal["prediction"]
    kind: Literal["prediction"] = "prediction"  # type: ignore[assignment]
    group: Identifier | None = "predictions"
    experiment: Identifier
    result: Text
    choices: list[Choice] | None = None
    shuffle: bool = True
    answer: float | None = Field(default=None, allow_inf_nan=False)
    tolerance: Tolerance | None = None
    unit: str = ""
    feedback: NumericFeedback | None = None

    @model_validator(mode="after")
    def _one_form(self) -> PredictionQuestion:
        numeric = (self.answer, self.tolerance, self.feedback)
        if self.choices is not None:
            if any(part is not None for part in numeric):
                raise ValueError(
                    "choices: give either choices or a numeric estimate "
                    "(answer, tolerance, feedback), not both"
                )
            _exactly_one_correct(self.choices)
        elif any(part is None for part in numeric):
            raise ValueError(
                "choices: a prediction needs choices, or answer, tolerance and feedback "
                "for a numeric estimate"
            )
        return self

    @property
    def numeric(self) -> bool:
        return self.choices is None


class RubricPoint(_Strict):
    """One point a good written answer makes; the student ticks the points theirs made."""

    id: Identifier
    text: Text


class WrittenQuestion(_QuestionBase):
    """A short written explanation, then a model answer and a rubric the student ticks."""

    type: Literal["written"]
    kind: Literal["written"] = "written"  # type: ignore[assignment]
    group: Identifier | None = "written"
    model_answer: Text
    rubric: list[RubricPoint] = Field(min_length=3, max_length=4)
    min_words: int = Field(default=8, ge=1, le=200)

    @field_validator("rubric")
    @classmethod
    def _unique_points(cls, rubric: list[RubricPoint]) -> list[RubricPoint]:
        _unique_ids(rubric, "rubric point")
        return rubric


Question = Annotated[
    SingleChoiceQuestion
    | MultipleSelectQuestion
    | NumericQuestion
    | ClassificationQuestion
    | TriageCaseQuestion
    | PredictionQuestion
    | WrittenQuestion,
    Field(discriminator="type"),
]

QUESTION_TYPES = (
    "single_choice",
    "multiple_select",
    "numeric",
    "classification",
    "triage_case",
    "prediction",
    "written",
)


class Bank(_Strict):
    """One lesson's questions and the learning objectives they check."""

    lesson: Identifier
    title: Text
    objectives: dict[Identifier, Text] = Field(min_length=1)
    questions: list[Question] = Field(min_length=1)
    # A drawn quiz (the final assessment): each student gets ``draw`` questions of the pool
    # (the questions without a group), chosen by their id so a reload shows the same draw.
    draw: int | None = Field(default=None, ge=1)

    @model_validator(mode="after")
    def _pool_holds_the_draw(self) -> Bank:
        if self.draw is not None:
            pool = sum(1 for question in self.questions if question.group is None)
            if pool < self.draw:
                raise ValueError(
                    f"draw: draws {self.draw} questions but the pool (questions without a "
                    f"group) holds only {pool}"
                )
        return self
