"""What each lesson should show after "Run All", read from the notebook itself.

Nothing here is written per lesson: a new notebook is covered as soon as it exists. A code
cell is expected to show a quiz when its source builds one (``Quiz.from_bank(...)``,
``Quiz(...)``), a progress dashboard when it builds ``ProgressDashboard(...)``, and some
output when it calls an app of ``lessons.sims`` (``sims.twitch_explorer()``, or a name
imported from ``lessons.sims`` or one of its modules). The committed outputs (kept current
by nbval) add what the source alone cannot tell: the plain-text forms the course's widgets
write (``Quiz 00_welcome: 4 questions``, ``...: interactive figure with controls for ...``,
``Progress dashboard``) say exactly what was shown, and every stored widget or plotly
figure must appear again.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

QUIZ_CALL = re.compile(r"\bQuiz(?:\.from_bank)?\s*\(")
SIMS_IMPORT = re.compile(r"from\s+lessons\.sims(?:\.\w+)*\s+import\s+(?:\(([^)]*)\)|([^\n(]+))")
DASHBOARD_CALL = re.compile(r"\bProgressDashboard\s*\(")
SIMS_CALL = re.compile(r"\bsims\.[a-z_]\w*\s*\(")
QUIZ_TEXT = re.compile(r"^Quiz \S+: (\d+) questions?$")
# A drawn quiz (the final) shows its questions only once the student gives an id.
DRAWN_QUIZ_TEXT = re.compile(r"^Quiz \S+: \d+ questions drawn from a pool of \d+$")
SIM_TEXT = "interactive figure with controls for"
DASHBOARD_TEXT = "Progress dashboard"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
PLOTLY_MIME = "application/vnd.plotly.v1+json"
RICH_OUTPUTS = ("execute_result", "display_data")


@dataclass(frozen=True)
class CellExpectation:
    """The least one code cell must render: counts of course widgets and figures."""

    index: int  # position among all cells of the notebook, as JupyterLab lists them
    quiz_questions: int  # `.lessons-quiz` blocks (one per question)
    simulations: int  # `.lessons-sim` blocks
    dashboards: int  # `.lessons-progress-dashboard` blocks
    static_figures: int  # plotly figures shown without widgets (`.js-plotly-plot`)
    widget_views: int  # widget outputs of any kind
    outputs: int  # rich outputs of any kind (widgets, HTML, figures)

    @property
    def expects_anything(self) -> bool:
        return any(
            (
                self.quiz_questions,
                self.simulations,
                self.dashboards,
                self.static_figures,
                self.widget_views,
                self.outputs,
            )
        )


@dataclass(frozen=True)
class LessonExpectation:
    """A notebook's cells and what its code cells must render."""

    name: str
    cell_count: int
    code_cells: tuple[int, ...]
    cells: tuple[CellExpectation, ...]

    def total(self, field: str) -> int:
        return sum(getattr(cell, field) for cell in self.cells)


def _plain_text(output: dict) -> str:
    text = output.get("data", {}).get("text/plain", "")
    return "".join(text) if isinstance(text, list) else str(text)


def sims_names(sources: list[str]) -> frozenset[str]:
    """Names a notebook imports from ``lessons.sims`` or its modules (the apps it may call)."""
    names = set()
    for source in sources:
        for match in SIMS_IMPORT.finditer(source):
            listed = re.sub(r"#[^\n]*", "", match.group(1) or match.group(2))
            for entry in listed.split(","):
                words = entry.split()  # "name" or "name as alias": the last word is bound
                if words:
                    names.add(words[-1])
    return frozenset(names)


def calls_a_sims_app(source: str, app_names: frozenset[str]) -> bool:
    if SIMS_CALL.search(source):
        return True
    return any(re.search(rf"(?<![\w.]){re.escape(name)}\s*\(", source) for name in app_names)


def cell_expectation(
    index: int, source: str, outputs: list[dict], app_names: frozenset[str] = frozenset()
) -> CellExpectation:
    """What one code cell should show, from its source and its committed outputs."""
    widget_outputs = [o for o in outputs if WIDGET_MIME in o.get("data", {})]
    texts = [_plain_text(o).strip() for o in widget_outputs]
    stored_questions = sum(
        int(match.group(1)) for match in (QUIZ_TEXT.match(text) for text in texts) if match
    )
    stored_sims = sum(1 for text in texts if SIM_TEXT in text)
    stored_dashboards = sum(1 for text in texts if text == DASHBOARD_TEXT)
    drawn = any(DRAWN_QUIZ_TEXT.match(text) for text in texts)
    quiz_called = bool(QUIZ_CALL.search(source))
    dashboard_called = bool(DASHBOARD_CALL.search(source))
    rich_outputs = [o for o in outputs if o.get("output_type") in RICH_OUTPUTS]
    return CellExpectation(
        index=index,
        quiz_questions=stored_questions if drawn else max(stored_questions, int(quiz_called)),
        simulations=stored_sims,
        dashboards=max(stored_dashboards, int(dashboard_called)),
        static_figures=sum(1 for o in outputs if PLOTLY_MIME in o.get("data", {})),
        widget_views=max(len(widget_outputs), int(quiz_called or dashboard_called)),
        outputs=max(len(rich_outputs), int(calls_a_sims_app(source, app_names))),
    )


def lesson_expectation(path: Path) -> LessonExpectation:
    """Read a notebook file and list what each of its code cells must render."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    cells = notebook.get("cells", [])
    sources = {
        index: "".join(cell.get("source", ""))
        for index, cell in enumerate(cells)
        if cell.get("cell_type") == "code"
    }
    app_names = sims_names(list(sources.values()))
    expectations = []
    for index, source in sources.items():
        expectation = cell_expectation(index, source, cells[index].get("outputs", []), app_names)
        if expectation.expects_anything:
            expectations.append(expectation)
    return LessonExpectation(
        name=path.stem,
        cell_count=len(cells),
        code_cells=tuple(sources),
        cells=tuple(expectations),
    )


EXECUTED_PROMPT = re.compile(r"^\[\d+\]:$")


@dataclass(frozen=True)
class RenderingProblems:
    """What went wrong on the page.

    ``errors``: cells that failed or did not run, widgets that could not be shown.
    ``missing``: fewer quizzes, simulations or drawn figures than the notebook should show
    (possibly only not yet, while widgets are still arriving).
    ``distorted``: figure data that differ from what the kernel sent, e.g. x values lost.
    """

    errors: tuple[str, ...]
    missing: tuple[str, ...]
    distorted: tuple[str, ...] = ()

    @property
    def settled(self) -> bool:
        """Nothing left that waiting could fix: everything shown, or something failed."""
        return bool(self.errors) or not self.missing


def rendering_problems(expectation: LessonExpectation, cells: list[dict]) -> RenderingProblems:
    """Compare what the lesson should show with what the page shows.

    ``cells`` is ``window.lessonsProbe.cells()`` from ``probes.js``: one dict per cell, in
    notebook order, with the counts a student would see.
    """
    name = expectation.name
    if len(cells) != expectation.cell_count:
        return RenderingProblems(
            errors=(),
            missing=(
                f"{name}: JupyterLab shows {len(cells)} cells, the notebook has "
                f"{expectation.cell_count}",
            ),
        )
    errors = []
    missing = []
    distorted = []
    for index in expectation.code_cells:
        prompt = cells[index]["prompt"]
        if not EXECUTED_PROMPT.match(prompt):
            errors.append(f"{name} cell {index}: did not run (prompt {prompt!r})")
    for index, cell in enumerate(cells):
        for traceback in cell["tracebacks"]:
            errors.append(f"{name} cell {index}: error output:\n{traceback}")
        for text in cell["widgetErrors"]:
            errors.append(f"{name} cell {index}: {text!r}")
        if cell["loadingWidgets"]:
            missing.append(f"{name} cell {index}: a widget is still 'Loading widget...'")
        if cell["plotsDrawn"] < cell["plots"]:
            missing.append(
                f"{name} cell {index}: {cell['plots'] - cell['plotsDrawn']} of "
                f"{cell['plots']} plotly figures were not drawn: "
                f"{cell.get('undrawnPlots', '(no detail)')}"
            )
        for trace in cell["tracesWithoutX"]:
            distorted.append(
                f"{name} cell {index}, figure {trace['plot'] + 1}: trace {trace['name']!r} "
                f"reached the page with {trace['points']} y values but no x values, while "
                "other traces of the figure have x; plotly draws it against the point index"
            )
    for wanted in expectation.cells:
        seen = cells[wanted.index]
        figures = wanted.simulations + wanted.dashboards + wanted.static_figures
        for label, expected, actual in (
            ("quiz questions (.lessons-quiz)", wanted.quiz_questions, seen["quizQuestions"]),
            ("simulations (.lessons-sim)", wanted.simulations, seen["simulations"]),
            (
                "progress dashboards (.lessons-progress-dashboard)",
                wanted.dashboards,
                seen["dashboards"],
            ),
            ("plotly figures (.js-plotly-plot)", figures, seen["plots"]),
            ("widget views", wanted.widget_views, seen["widgetViews"]),
            ("outputs", wanted.outputs, seen["outputs"]),
        ):
            if actual < expected:
                missing.append(
                    f"{name} cell {wanted.index}: shows {actual} {label}, expected at least "
                    f"{expected}"
                )
    return RenderingProblems(
        errors=tuple(errors), missing=tuple(missing), distorted=tuple(distorted)
    )
