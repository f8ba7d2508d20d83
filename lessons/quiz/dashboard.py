"""The student's progress dashboard: per lesson, what was tried, what was right, what to revisit.

It reads the progress file only when built or refreshed, never to compute its plain-text
form, so a committed notebook output cannot depend on who ran it or when.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from lessons.quiz.bank import course_banks
from lessons.quiz.export import ExportError, export_results
from lessons.quiz.progress import ProgressStore
from lessons.quiz.schema import Bank
from lessons.quiz.static import dashboard_static_html
from lessons.static_mode import static_mode

DASHBOARD_CLASS = "lessons-progress-dashboard"


@dataclass(frozen=True)
class LessonProgress:
    """One lesson's line on the dashboard."""

    lesson: str
    title: str
    total_questions: int | None
    attempted: int
    first_try_correct: int
    solved: int
    objectives_to_revisit: tuple[str, ...]
    predictions_total: int = 0
    predictions_made: int = 0
    predictions_right: int = 0
    written_total: int = 0
    written_saved: int = 0


_ACTIVITIES = ("prediction", "written")  # counted apart from the quiz questions


def _quiz_total(bank: Bank) -> int:
    if bank.draw is not None:
        return bank.draw
    return sum(1 for question in bank.questions if question.type not in _ACTIVITIES)


def summarise(progress: dict, banks: dict[str, Bank]) -> tuple[LessonProgress, ...]:
    """Dashboard lines for every lesson with a bank or with recorded progress."""
    lessons = sorted(set(banks) | set(progress.get("lessons", {})))
    lines = []
    for lesson in lessons:
        record = progress.get("lessons", {}).get(lesson, {"questions": {}})
        bank = banks.get(lesson)
        known = {question.id for question in bank.questions} if bank else None
        records = [  # an answer to a question the bank no longer has is kept, not counted
            answer
            for question_id, answer in record.get("questions", {}).items()
            if known is None or question_id in known
        ]
        questions = [q for q in records if not q.get("kind")]
        predictions = [q for q in records if q.get("kind") == "prediction" and q.get("attempts")]
        objectives = bank.objectives if bank else {}
        revisit = tuple(
            objectives.get(objective, objective)
            for objective in record.get("objectives_to_revisit", [])
        )
        types = [question.type for question in bank.questions] if bank else []
        lines.append(
            LessonProgress(
                lesson=lesson,
                title=bank.title if bank else lesson,
                total_questions=_quiz_total(bank) if bank else None,
                attempted=sum(1 for q in questions if q.get("attempts") or q.get("revealed")),
                first_try_correct=sum(1 for q in questions if q.get("first_try_correct") is True),
                solved=sum(1 for q in questions if q.get("solved")),
                objectives_to_revisit=revisit,
                predictions_total=types.count("prediction"),
                predictions_made=len(predictions),
                predictions_right=sum(1 for q in predictions if q.get("first_try_correct")),
                written_total=types.count("written"),
                written_saved=sum(
                    1 for q in records if q.get("kind") == "written" and q.get("written_answer")
                ),
            )
        )
    return tuple(lines)


def predictions_sentence(lines: tuple[LessonProgress, ...]) -> str:
    """ "Your predictions: 5 of 9 right" across the course (with how many are still to make)."""
    made = sum(line.predictions_made for line in lines)
    right = sum(line.predictions_right for line in lines)
    total = sum(line.predictions_total for line in lines)
    if not made:
        return f"Your predictions: none made yet ({total} in the course)."
    return f"Your predictions: {right} of {made} right ({total} in the course)."


class ProgressDashboard:
    """A widget showing the student's progress, with name fields and an Export button."""

    def __init__(
        self, store: ProgressStore | None = None, export_folder: Path | str | None = None
    ) -> None:
        self.store = store if store is not None else ProgressStore()
        self.export_folder = Path(export_folder) if export_folder is not None else None
        self._widget = None
        self.lines: tuple[LessonProgress, ...] = ()

    def refresh(self) -> tuple[LessonProgress, ...]:
        """Re-read the progress file and redraw the table and chart."""
        progress = self.store.load()
        self.lines = summarise(progress, course_banks())
        if self._widget is not None:
            self._draw(progress)
        return self.lines

    @property
    def widget(self):
        if self._widget is None:
            self._build()
            self.refresh()
        return self._widget

    def _build(self) -> None:
        import ipywidgets

        from lessons.controls.reflow import ReflowStyle
        from lessons.figures.course_figure import CourseFigure

        self.name_input = ipywidgets.Text(description="Your name", placeholder="optional")
        self.id_input = ipywidgets.Text(description="Student id", placeholder="optional")
        self.save_button = ipywidgets.Button(description="Save name")
        self.refresh_button = ipywidgets.Button(description="Refresh")
        self.export_button = ipywidgets.Button(
            description="Export results",
            button_style="primary",
            tooltip="Write one file with your results to hand in",
        )
        self.table = ipywidgets.HTML()
        self.status = ipywidgets.HTML()
        self.figure = CourseFigure()  # plotly's widget code is sent once per kernel
        self.figure.update_layout(
            title="Questions per lesson",
            barmode="group",
            height=320,
            yaxis={"title": "questions", "rangemode": "tozero"},
        )
        self.save_button.on_click(lambda _b: self.save_student())
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.export_button.on_click(lambda _b: self.export())
        self._widget = ipywidgets.VBox(
            [
                ipywidgets.HTML("<h3>Your progress</h3>"),
                self.table,
                self.figure,
                ipywidgets.HBox([self.name_input, self.id_input, self.save_button]),
                ipywidgets.HBox([self.refresh_button, self.export_button]),
                self.status,
                ReflowStyle(),
            ]
        )
        self._widget.add_class(DASHBOARD_CLASS)

    def _draw(self, progress: dict) -> None:
        student = progress.get("student") or {}
        self.name_input.value = student.get("name") or ""
        self.id_input.value = student.get("id") or ""
        self.table.value = progress_table_html(self.lines)
        names = [line.lesson for line in self.lines]
        with self.figure.batch_update():
            self.figure.data = ()
            self.figure.add_bar(
                x=names, y=[line.attempted for line in self.lines], name="attempted"
            )
            self.figure.add_bar(
                x=names,
                y=[line.first_try_correct for line in self.lines],
                name="right on first try",
            )
            self.figure.add_bar(
                x=names,
                y=[line.total_questions or 0 for line in self.lines],
                name="questions in the lesson",
            )
        notices = self.store.take_notices()
        if notices:
            self.status.value = "".join(f"<p>{html.escape(n)}</p>" for n in notices)

    def save_student(self) -> None:
        """Store the name and id typed in the dashboard."""
        saved = self.store.set_student(self.name_input.value.strip(), self.id_input.value.strip())
        self.status.value = ("<p>Name saved.</p>" if saved else "") + "".join(
            f"<p>{html.escape(n)}</p>" for n in self.store.take_notices()
        )

    def export(self) -> Path | None:
        """Write the export file; the dashboard says where (or why it failed)."""
        self.widget  # noqa: B018 (the inputs hold the name and id)
        try:
            path = export_results(
                self.export_folder,
                self.store,
                name=self.name_input.value.strip(),
                student_id=self.id_input.value.strip(),
            )
        except (ExportError, OSError) as error:
            self.status.value = f"<p>Export failed: {html.escape(str(error))}</p>"
            return None
        except Exception as error:  # never a traceback instead of the student's results
            self.status.value = (
                f"<p>Export failed ({html.escape(type(error).__name__)}: "
                f"{html.escape(str(error))}). Please tell your instructor.</p>"
            )
            return None
        self.status.value = (
            f"<p>Your results are in <code>{html.escape(path.name)}</code> in "
            f"<code>{html.escape(str(path.parent))}</code>. Download it from the file browser "
            "and hand it in.</p>"
        )
        return path

    def __repr__(self) -> str:
        return "Progress dashboard"

    def _repr_mimebundle_(self, **kwargs) -> dict:
        if static_mode():  # the course site has no progress file to show
            return {"text/html": dashboard_static_html(), "text/plain": repr(self)}
        bundle = self.widget._repr_mimebundle_(**kwargs) or {}
        bundle["text/plain"] = repr(self)
        return bundle


def progress_table_html(lines: tuple[LessonProgress, ...]) -> str:
    rows = []
    summary = f"<p>{html.escape(predictions_sentence(lines))}</p>"
    for line in lines:
        total = "?" if line.total_questions is None else str(line.total_questions)
        revisit = (
            "<ul>"
            + "".join(f"<li>{html.escape(o)}</li>" for o in line.objectives_to_revisit)
            + "</ul>"
            if line.objectives_to_revisit
            else "none"
        )
        predictions = (
            f"{line.predictions_right} of {line.predictions_made} right "
            f"({line.predictions_total} to make)"
            if line.predictions_total
            else "none"
        )
        written = f"{line.written_saved} of {line.written_total}" if line.written_total else "none"
        rows.append(
            f"<tr><td>{html.escape(line.title)}</td><td>{line.attempted} of {total}</td>"
            f"<td>{line.first_try_correct}</td><td>{predictions}</td><td>{written}</td>"
            f"<td>{revisit}</td></tr>"
        )
    return summary + (
        '<table class="lessons-table"><caption>Progress per lesson</caption><thead><tr>'
        '<th scope="col">Lesson</th><th scope="col">Attempted</th>'
        '<th scope="col">Right on first try</th><th scope="col">Predictions</th>'
        '<th scope="col">Written answers</th><th scope="col">Objectives to revisit</th>'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
