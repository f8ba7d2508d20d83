"""Class results for instructors: item analysis over a folder of student exports.

For each question: how many students attempted it, the share right on the first try (the
classical item "difficulty" index), the wrong answer chosen most often on the first try
(which points at the misconception to address in class) and how many gave up. Files that
are not valid exports are skipped and listed, never fatal: one student's broken file must
not stop the instructor from seeing everyone else's.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lessons.quiz.export import EXPORT_FORMAT, EXPORT_FORMAT_VERSION
from lessons.quiz.progress import problems_in_progress

MISSED_BY_MOST = 0.5  # a question "most of the class missed": under half right on first try


@dataclass(frozen=True)
class SkippedFile:
    """An export that could not be used, and why."""

    path: str
    reason: str


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

    def item(self, lesson: str, question_id: str) -> ItemStats:
        for stats in self.items:
            if stats.lesson == lesson and stats.question_id == question_id:
                return stats
        raise KeyError(f"no results for question {question_id!r} of lesson {lesson!r}")

    def missed_by_most(self, threshold: float = MISSED_BY_MOST) -> tuple[ItemStats, ...]:
        """Questions fewer than ``threshold`` of the class got right first time, worst first."""
        if not 0 < threshold <= 1:
            raise ValueError(f"threshold={threshold!r} must be in (0, 1]")
        missed = [stats for stats in self.items if stats.share_correct < threshold]
        return tuple(sorted(missed, key=lambda stats: (stats.share_correct, stats.question_id)))

    # -- tables ------------------------------------------------------------------------
    def items_html(self) -> str:
        """Every question: attempted, share right first time, commonest wrong answer."""
        return _table(
            [
                "Lesson",
                "Question",
                "Students",
                "Right first try",
                "Gave up",
                "Most chosen wrong answer",
            ],
            [_item_row(stats) for stats in self.items],
            caption="Item analysis",
        )

    def missed_html(self, threshold: float = MISSED_BY_MOST) -> str:
        """The questions most of the class missed, to revisit in class."""
        rows = [_item_row(stats) for stats in self.missed_by_most(threshold)]
        return _table(
            [
                "Lesson",
                "Question",
                "Students",
                "Right first try",
                "Gave up",
                "Most chosen wrong answer",
            ],
            rows,
            caption=f"Questions fewer than {threshold:.0%} of the class got right first time",
            empty="None: every question was answered right first time by most of the class.",
        )

    def skipped_html(self) -> str:
        return _table(
            ["File", "Why it was skipped"],
            [[html.escape(skip.path), html.escape(skip.reason)] for skip in self.skipped],
            caption="Skipped files",
            empty="No file was skipped.",
        )

    def to_html(self) -> str:
        summary = (
            f"<p>{len(self.students)} students, {len(self.items)} questions, "
            f"{len(self.skipped)} files skipped.</p>"
        )
        return summary + self.missed_html() + self.items_html() + self.skipped_html()

    # -- charts ------------------------------------------------------------------------
    def figure(self):  # -> plotly.graph_objects.Figure (plotly imported lazily)
        """Bar chart of the share right on the first try, per question."""
        import plotly.graph_objects as go

        labels = [f"{stats.lesson}: {stats.question_id}" for stats in self.items]
        shares = [stats.share_correct for stats in self.items]
        colours = ["#b2182b" if share < MISSED_BY_MOST else "#2166ac" for share in shares]
        figure = go.Figure(
            go.Bar(
                x=shares,
                y=labels,
                orientation="h",
                marker_color=colours,
                text=[
                    f"{share:.0%} of {stats.students}"
                    for share, stats in zip(shares, self.items, strict=True)
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

        chosen = [stats for stats in self.items if stats.most_chosen_wrong]
        figure = go.Figure(
            go.Bar(
                x=[stats.most_chosen_wrong_count for stats in chosen],
                y=[f"{stats.lesson}: {stats.question_id}" for stats in chosen],
                orientation="h",
                text=[stats.most_chosen_wrong_label or stats.most_chosen_wrong for stats in chosen],
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

        from lessons.sims.figure import CourseFigure

        box = ipywidgets.VBox(
            [
                ipywidgets.HTML(self.to_html()),
                CourseFigure(self.figure()),
                CourseFigure(self.wrong_answers_figure()),
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


def read_exports(folder: Path | str) -> tuple[list[tuple[Path, dict]], list[SkippedFile]]:
    """Every usable export in ``folder`` (``*.json``), and the files that were skipped."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ValueError(f"folder={str(folder)!r} is not a folder of exported results")
    usable: dict[str, tuple[Path, dict]] = {}
    skipped: list[SkippedFile] = []
    for path in sorted(folder.glob("*.json")):
        reason, data = _read_export(path)
        if reason:
            skipped.append(SkippedFile(path.name, reason))
            continue
        student = data["student"].get("id") or data["student"].get("name") or path.stem
        if student in usable:
            older, newer = sorted(
                [usable[student], (path, data)], key=lambda pair: str(pair[1]["exported_at"])
            )
            skipped.append(
                SkippedFile(
                    older[0].name,
                    f"an export of the same student {student!r} is newer: {newer[0].name}",
                )
            )
            usable[student] = newer
        else:
            usable[student] = (path, data)
    return list(usable.values()), skipped


def _read_export(path: Path) -> tuple[str | None, dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        return f"cannot be read: {error}", {}
    except json.JSONDecodeError as error:
        return f"not valid JSON: {error}", {}
    if not isinstance(data, dict):
        return "not an exported results file (not a JSON object)", {}
    if data.get("format") != EXPORT_FORMAT:
        return f"not an exported results file (format {data.get('format')!r})", {}
    if data.get("format_version") != EXPORT_FORMAT_VERSION:
        return (
            f"format_version {data.get('format_version')!r} is not supported "
            f"(expected {EXPORT_FORMAT_VERSION})",
            {},
        )
    progress_like = {
        "format": "muscle-twitch-course/progress",
        "format_version": 1,
        "student": data.get("student"),
        "lessons": data.get("lessons"),
    }
    problems = problems_in_progress(progress_like)
    if not data.get("exported_at"):
        problems.append("exported_at is missing")
    if problems:
        return "malformed: " + "; ".join(problems[:3]), {}
    return None, data


def class_results(folder: Path | str, label_from_banks: bool = True) -> ClassResults:
    """Item analysis of every export in ``folder``; ``label_from_banks`` adds question text."""
    exports, skipped = read_exports(folder)
    students = tuple(
        sorted(
            str(data["student"].get("id") or data["student"].get("name") or path.stem)
            for path, data in exports
        )
    )
    records: dict[tuple[str, str], list[dict]] = {}
    for _path, data in exports:
        for lesson, lesson_record in data["lessons"].items():
            for question_id, record in lesson_record["questions"].items():
                records.setdefault((lesson, question_id), []).append(record)
    labels = _BankLabels() if label_from_banks else None
    items = tuple(
        _item_stats(lesson, question_id, group, labels)
        for (lesson, question_id), group in sorted(records.items())
    )
    return ClassResults(students=students, items=items, skipped=tuple(skipped))


def _item_stats(lesson: str, question_id: str, records: Iterable[dict], labels) -> ItemStats:
    attempted = [r for r in records if r.get("attempts", 0) > 0 or r.get("revealed")]
    wrong = Counter(
        str(option) for record in attempted for option in record.get("first_wrong_options") or ()
    )
    most_chosen, count = (
        min(wrong.items(), key=lambda pair: (-pair[1], pair[0])) if wrong else (None, 0)
    )
    prompt = label = None
    if labels is not None:
        prompt = labels.prompt(lesson, question_id)
        label = labels.option(lesson, question_id, most_chosen) if most_chosen else None
    return ItemStats(
        lesson=lesson,
        question_id=question_id,
        students=len(attempted),
        first_try_correct=sum(1 for r in attempted if r.get("first_try_correct") is True),
        revealed=sum(1 for r in attempted if r.get("revealed")),
        most_chosen_wrong=most_chosen,
        most_chosen_wrong_count=count,
        prompt=prompt,
        most_chosen_wrong_label=label,
    )


class _BankLabels:
    """Question prompts and option texts from the banks, when the lesson's bank loads."""

    def __init__(self) -> None:
        self._banks: dict[str, object] = {}

    def _bank(self, lesson: str):
        if lesson not in self._banks:
            from lessons.quiz.bank import QuestionBankError, load_bank

            try:
                self._banks[lesson] = load_bank(lesson)
            except (QuestionBankError, FileNotFoundError, OSError):
                self._banks[lesson] = None
        return self._banks[lesson]

    def _question(self, lesson: str, question_id: str):
        bank = self._bank(lesson)
        if bank is None:
            return None
        return next((q for q in bank.questions if q.id == question_id), None)

    def prompt(self, lesson: str, question_id: str) -> str | None:
        question = self._question(lesson, question_id)
        return question.prompt.strip().splitlines()[0] if question else None

    def option(self, lesson: str, question_id: str, option: str) -> str | None:
        question = self._question(lesson, question_id)
        if question is None:
            return None
        for choice in getattr(question, "choices", ()):
            if choice.id == option:
                return choice.text
        for mistake in getattr(question, "misconceptions", ()):
            if mistake.id == option:
                return f"misconception: {mistake.id}"
        if option in ("too-high", "too-low"):
            return option.replace("-", " ")
        if "->" in option:
            item_id, category_id = option.split("->", 1)
            items = {item.id: item.text for item in getattr(question, "items", ())}
            categories = {c.id: c.label for c in getattr(question, "categories", ())}
            if item_id in items and category_id in categories:
                return f"{items[item_id]} → {categories[category_id]}"
        return None


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
