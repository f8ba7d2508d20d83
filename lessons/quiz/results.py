"""Class results for instructors: item analysis over a folder of student exports.

For each question: how many students attempted it, the share right on the first try (the
classical item "difficulty" index), the wrong answer chosen most often on the first try
(which points at the misconception to address in class) and how many gave up. Files that
are not valid exports are skipped and listed, never fatal: one student's broken file must
not stop the instructor from seeing everyone else's.

Only the course's own lessons, questions and answer options are counted, looked up in the
banks the course ships (a lesson name in an export is never a path to open), and only their
ids and texts are shown; anything else from an export is left out with a note, so a file
cannot draw a link in the chart or blow the table up to 400,000 rows.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lessons.quiz.handed_in import MAX_EXPORT_BYTES, SkippedFile, read_exports, student_label
from lessons.quiz.results_activities import (
    WrittenRow,
    predictions_html,
    written_html,
    written_row,
)
from lessons.quiz.schema import (
    Bank,
    ClassificationQuestion,
    NumericQuestion,
    PredictionQuestion,
    WrittenQuestion,
)

__all__ = ["MAX_EXPORT_BYTES", "ClassResults", "ItemStats", "SkippedFile", "class_results"]

MISSED_BY_MOST = 0.5  # a question "most of the class missed": under half right on first try
MAX_ROWS_SHOWN = 200  # more rows than the course has questions; keeps charts a sane size
NAMES_IN_A_NOTE = 5  # how many left-out lessons or questions a note names before "and N more"


@dataclass(frozen=True)
class ItemStats:
    """Item analysis of one question across the class."""

    lesson: str
    question_id: str
    students: int
    first_try_correct: int
    revealed: int
    most_chosen_wrong: str | None
    most_chosen_wrong_count: int
    prompt: str | None = None
    most_chosen_wrong_label: str | None = None
    kind: str | None = None  # "prediction" or "written"; None for a quiz question

    @property
    def share_correct(self) -> float:
        """Share of the students who attempted it that were right on the first try."""
        return self.first_try_correct / self.students if self.students else 0.0


@dataclass(frozen=True)
class ClassResults:
    """Item statistics for every question anyone attempted, plus the skipped files."""

    students: tuple[str, ...]
    items: tuple[ItemStats, ...]
    skipped: tuple[SkippedFile, ...] = field(default_factory=tuple)
    not_counted: tuple[SkippedFile, ...] = field(default_factory=tuple)  # parts of used files
    written: tuple[WrittenRow, ...] = field(default_factory=tuple)

    @property
    def questions(self) -> tuple[ItemStats, ...]:
        """The quiz questions, without predictions and written answers."""
        return tuple(stats for stats in self.items if stats.kind is None)

    def item(self, lesson: str, question_id: str) -> ItemStats:
        for stats in self.items:
            if stats.lesson == lesson and stats.question_id == question_id:
                return stats
        raise KeyError(f"no results for question {question_id!r} of lesson {lesson!r}")

    def missed_by_most(self, threshold: float = MISSED_BY_MOST) -> tuple[ItemStats, ...]:
        """Questions fewer than ``threshold`` of the class got right first time, worst first."""
        if not 0 < threshold <= 1:
            raise ValueError(f"threshold={threshold!r} must be in (0, 1]")
        missed = [stats for stats in self.questions if stats.share_correct < threshold]
        return tuple(sorted(missed, key=lambda stats: (stats.share_correct, stats.question_id)))

    # -- tables ------------------------------------------------------------------------
    def items_html(self) -> str:
        """Every question: attempted, share right first time, commonest wrong answer."""
        return _table(
            ITEM_HEADERS,
            [_item_row(stats) for stats in self.questions[:MAX_ROWS_SHOWN]],
            caption="Item analysis",
        ) + _not_shown(len(self.questions))

    def missed_html(self, threshold: float = MISSED_BY_MOST) -> str:
        """The questions most of the class missed, to revisit in class."""
        missed = self.missed_by_most(threshold)
        return _table(
            ITEM_HEADERS,
            [_item_row(stats) for stats in missed[:MAX_ROWS_SHOWN]],
            caption=f"Questions fewer than {threshold:.0%} of the class got right first time",
            empty="None: every question was answered right first time by most of the class.",
        ) + _not_shown(len(missed))

    def skipped_html(self) -> str:
        return _table(
            ["File", "Why it was skipped"],
            [[html.escape(skip.path), html.escape(skip.reason)] for skip in self.skipped],
            caption="Skipped files",
            empty="No file was skipped.",
        )

    def not_counted_html(self) -> str:
        """Parts of usable files that are not in this course (empty when there are none)."""
        if not self.not_counted:
            return ""
        return _table(
            ["File", "What was not counted"],
            [[html.escape(note.path), html.escape(note.reason)] for note in self.not_counted],
            caption="Not counted",
        )

    def to_html(self) -> str:
        summary = (
            f"<p>{len(self.students)} students, {len(self.items)} questions, "
            f"{len(self.skipped)} files skipped.</p>"
        )
        return (
            summary
            + self.missed_html()
            + self.items_html()
            + predictions_html(self.items)
            + written_html(self.written)
            + self.skipped_html()
            + self.not_counted_html()
        )

    # -- charts ------------------------------------------------------------------------
    def figure(self):  # -> plotly.graph_objects.Figure (plotly imported lazily)
        """Bar chart of the share right on the first try, per question."""
        import plotly.graph_objects as go

        shown = self.questions[:MAX_ROWS_SHOWN]
        labels = [_chart_label(stats) for stats in shown]
        shares = [stats.share_correct for stats in shown]
        colours = ["#b2182b" if share < MISSED_BY_MOST else "#2166ac" for share in shares]
        figure = go.Figure(
            go.Bar(
                x=shares,
                y=labels,
                orientation="h",
                marker_color=colours,
                text=[
                    f"{share:.0%} of {stats.students}"
                    for share, stats in zip(shares, shown, strict=True)
                ],
                hovertemplate="%{y}: %{x:.0%} right first try<extra></extra>",
            )
        )
        figure.add_vline(x=MISSED_BY_MOST, line_dash="dot", line_color="grey")
        figure.update_layout(
            title="Share of the class right on the first try",
            xaxis={"title": "share right on first try", "range": [0, 1], "tickformat": ".0%"},
            yaxis={"autorange": "reversed"},
            height=max(250, 40 * len(labels) + 120),
            margin={"l": 220},
        )
        return figure

    def wrong_answers_figure(self):  # -> plotly.graph_objects.Figure
        """How many students picked the most chosen wrong answer, per question."""
        import plotly.graph_objects as go

        chosen = [stats for stats in self.questions if stats.most_chosen_wrong][:MAX_ROWS_SHOWN]
        figure = go.Figure(
            go.Bar(
                x=[stats.most_chosen_wrong_count for stats in chosen],
                y=[_chart_label(stats) for stats in chosen],
                orientation="h",
                text=[
                    html.escape(stats.most_chosen_wrong_label or stats.most_chosen_wrong or "")
                    for stats in chosen
                ],
                hovertemplate="%{y}<br>%{text}: %{x} students<extra></extra>",
            )
        )
        figure.update_layout(
            title="Most chosen wrong answer (first try)",
            xaxis={"title": "students"},
            yaxis={"autorange": "reversed"},
            height=max(250, 40 * len(chosen) + 120),
            margin={"l": 220},
        )
        return figure

    def widget(self):
        """The tables and charts as one ipywidgets container for a notebook."""
        import ipywidgets

        from lessons.controls.reflow import ReflowStyle
        from lessons.figures.course_figure import CourseFigure

        box = ipywidgets.VBox(
            [
                ipywidgets.HTML(self.to_html()),
                CourseFigure(self.figure()),
                CourseFigure(self.wrong_answers_figure()),
                ReflowStyle(),
            ]
        )
        box.add_class("lessons-class-results")
        return box

    def __repr__(self) -> str:
        return (
            f"ClassResults: {len(self.students)} students, {len(self.items)} questions, "
            f"{len(self.skipped)} files skipped"
        )

    def _repr_mimebundle_(self, **kwargs) -> dict:
        bundle = self.widget()._repr_mimebundle_(**kwargs) or {}
        bundle["text/plain"] = repr(self)
        return bundle


def class_results(
    folder: Path | str,
    label_from_banks: bool = True,
    banks: Mapping[str, Bank] | None = None,
) -> ClassResults:
    """Item analysis of every export in ``folder``; ``label_from_banks`` adds question text.

    ``banks`` (default: the course's own, ``data/quizzes``) decides which lessons and
    questions are counted; everything else in an export is left out with a note.
    """
    if banks is None:
        from lessons.quiz.bank import course_banks

        banks = course_banks()
    exports, skipped = read_exports(folder)
    students = tuple(sorted(str(student_label(path, data)) for path, data in exports))
    records: dict[tuple[str, str], list[dict]] = {}
    not_counted = []
    written: list[WrittenRow] = []
    for path, data in exports:
        label = str(student_label(path, data))
        foreign_lessons, foreign_questions = [], []
        for lesson, lesson_record in data["lessons"].items():
            bank = banks.get(lesson)
            if bank is None:
                foreign_lessons.append(lesson)
                continue
            known = {question.id for question in bank.questions}
            for question_id, record in lesson_record["questions"].items():
                if question_id in known:
                    records.setdefault((lesson, question_id), []).append(record)
                    written.extend(written_row(bank, question_id, record, label))
                else:
                    foreign_questions.append(f"{lesson}: {question_id}")
        note = _foreign_note(foreign_lessons, foreign_questions)
        if note:
            not_counted.append(SkippedFile(path.name, note))
    items = tuple(
        _item_stats(banks[lesson], question_id, group, label_from_banks)
        for (lesson, question_id), group in sorted(records.items())
    )
    return ClassResults(
        students=students,
        items=items,
        skipped=tuple(skipped),
        not_counted=tuple(not_counted),
        written=tuple(written),
    )


def _foreign_note(lessons: list[str], questions: list[str]) -> str:
    parts = []
    if lessons:
        parts.append(f"{_some(lessons)} (not lessons of this course)")
    if questions:
        parts.append(f"{_some(questions)} (not questions of this course)")
    return "; ".join(parts)


def _some(names: list[str]) -> str:
    """The first few names, each shortened, and how many there are in all."""
    shown = ", ".join(repr(_shorten(name)) for name in names[:NAMES_IN_A_NOTE])
    if len(names) > NAMES_IN_A_NOTE:
        return f"{len(names)} entries, among them {shown}"
    return shown


def _shorten(name: str, limit: int = 60) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _item_stats(bank: Bank, question_id: str, records: Iterable[dict], labels: bool) -> ItemStats:
    question = next(q for q in bank.questions if q.id == question_id)
    options = option_labels(question)
    attempted = [r for r in records if r["attempts"] > 0 or r["revealed"]]
    wrong = Counter(
        option
        for record in attempted
        for option in record.get("first_wrong_options", ())
        if option in options  # an option the course does not have is not counted
    )
    most_chosen, count = (
        min(wrong.items(), key=lambda pair: (-pair[1], pair[0])) if wrong else (None, 0)
    )
    return ItemStats(
        lesson=bank.lesson,
        question_id=question_id,
        students=len(attempted),
        first_try_correct=sum(1 for r in attempted if r["first_try_correct"] is True),
        revealed=sum(1 for r in attempted if r["revealed"]),
        most_chosen_wrong=most_chosen,
        most_chosen_wrong_count=count,
        prompt=question.prompt.strip().splitlines()[0] if labels else None,
        most_chosen_wrong_label=options[most_chosen] if labels and most_chosen else None,
        kind=question.type if question.type in ("prediction", "written") else None,
    )


def option_labels(question) -> dict[str, str]:
    """Every wrong-answer id a question can record, with the text an instructor reads."""
    if isinstance(question, WrittenQuestion):
        return {}
    if isinstance(question, PredictionQuestion) and question.choices is None:
        return {"too-high": "too high", "too-low": "too low"}
    if isinstance(question, NumericQuestion):
        labels = {mistake.id: f"misconception: {mistake.id}" for mistake in question.misconceptions}
        return {**labels, "too-high": "too high", "too-low": "too low"}
    if isinstance(question, ClassificationQuestion):
        return {
            f"{item.id}->{category.id}": f"{item.text} → {category.label}"
            for item in question.items
            for category in question.categories
        }
    return {choice.id: choice.text for choice in question.choices}


ITEM_HEADERS = [
    "Lesson",
    "Question",
    "Students",
    "Right first try",
    "Gave up",
    "Most chosen wrong answer",
]


def _chart_label(stats: ItemStats) -> str:
    """Plotly reads a little HTML in labels: escape even the course's own ids."""
    return html.escape(f"{stats.lesson}: {stats.question_id}")


def _not_shown(total: int) -> str:
    hidden = total - MAX_ROWS_SHOWN
    if hidden <= 0:
        return ""
    return f"<p>{hidden} more question{'s' if hidden > 1 else ''} not shown.</p>"


def _item_row(stats: ItemStats) -> list[str]:
    question = html.escape(stats.question_id)
    if stats.prompt:
        question += f"<br><small>{html.escape(stats.prompt)}</small>"
    if stats.most_chosen_wrong:
        label = stats.most_chosen_wrong_label or stats.most_chosen_wrong
        wrong = f"{html.escape(label)} ({stats.most_chosen_wrong_count})"
    else:
        wrong = "none"
    return [
        html.escape(stats.lesson),
        question,
        str(stats.students),
        f"{stats.share_correct:.0%} ({stats.first_try_correct})",
        str(stats.revealed),
        wrong,
    ]


def _table(headers: list[str], rows: list[list[str]], caption: str, empty: str = "") -> str:
    """An HTML table; cells must already be escaped."""
    if not rows and empty:
        return f"<p><strong>{html.escape(caption)}</strong>: {html.escape(empty)}</p>"
    head = "".join(f'<th scope="col">{html.escape(header)}</th>' for header in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        f'<table class="lessons-table"><caption>{html.escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )
