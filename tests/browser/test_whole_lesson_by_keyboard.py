"""Every lesson done with the keyboard alone: Tab, arrow keys, Space, Enter (and typing).

From the top of the lesson (its first cell selected with the arrow keys of JupyterLab's
command mode), the test presses Tab through the whole notebook. On each course control the
focus reaches it acts as a keyboard user would: an arrow key on a slider, a dropdown or a
radio group, Space on a tick box or a toggle button, typing in a text box, Enter on Check
(or Lock in / Save). It checks that every control of every simulation was reached and moved
and that each simulation's figure changed, and that every question shown by default was
reached and answered (the feedback appears). Plotly's mode bar and links are only passed by.

Runs after the lesson's other tests (the file name sorts after test_lesson*.py): answering
changes the saved progress those tests count from.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lesson_controls import timed_change
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))
STUDENT_TESTS = True  # after the generic checks of each lesson, with the student tests
MAX_TABS = 900
FEEDBACK_TIMEOUT_MS = 60_000
DONE = "data-keyboard-test"  # marks, on the page, what this test has already acted on
WRITTEN_ANSWER = (
    "A motor unit is one motor neuron and all the muscle fibres it drives; when the neuron "
    "fires once, every one of its fibres twitches together, so a single unit firing on its "
    "own shows as a small flicker under the skin, which is what a fasciculation is, and it "
    "is usually harmless when nothing else is wrong."
)

# What the focused element is, for the test: its kind, its block's kind and index on the page.
FOCUSED = """() => {
  const e = document.activeElement;
  const notebook = document.querySelector(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');
  if (!e || !notebook || !notebook.contains(e)) return { kind: 'outside' };
  const blocks = Array.from(notebook.querySelectorAll(
    '.lessons-sim, .lessons-quiz, .lessons-prediction, .lessons-written'));
  const block = blocks.filter((b) => b.contains(e)).pop();
  const info = { kind: 'pass', done: e.hasAttribute('DONE'), text: '' };
  if (!block) return info;
  info.block = blocks.indexOf(block);
  info.blockKind = block.classList.contains('lessons-sim') ? 'sim' : 'question';
  info.text = (e.textContent || e.value || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
  if (e.closest('.modebar, a')) return info;
  const tag = e.tagName, type = (e.type || '').toLowerCase();
  if (tag === 'INPUT' && type === 'range') info.kind = 'slider';
  else if (tag === 'SELECT') info.kind = 'select';
  else if (tag === 'INPUT' && type === 'radio') info.kind = 'radio';
  else if (tag === 'INPUT' && type === 'checkbox') info.kind = 'checkbox';
  else if (tag === 'INPUT' && type === 'text') info.kind = 'text';
  else if (tag === 'TEXTAREA') info.kind = 'textarea';
  else if (tag === 'BUTTON' && e.classList.contains('widget-toggle-button'))
    info.kind = e.classList.contains('mod-active') ? 'pass' : 'toggle';
  else if (tag === 'BUTTON' && !e.disabled) info.kind = 'button';
  return info;
}""".replace("'DONE'", f"'{DONE}'")
MARK = f"() => document.activeElement.setAttribute('{DONE}', '')"
# Controls of simulations, and questions, that the walk did not act on.
LEFT_OVER = f"""() => {{
  const notebook = document.querySelector(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');
  const label = (e) => (e.closest('label, .lessons-slider') || e).textContent.trim()
    .replace(/\\s+/g, ' ').slice(0, 60);
  const controls = Array.from(notebook.querySelectorAll(
    '.lessons-sim input[type=range], .lessons-sim select, .lessons-sim input[type=checkbox],' +
    '.lessons-sim .widget-toggle-buttons'))
    .filter((e) => !e.disabled && !(e.matches('.widget-toggle-buttons') ?
      e.querySelector('[{DONE}]') : e.hasAttribute('{DONE}')));
  const questions = Array.from(notebook.querySelectorAll('.lessons-quiz'))
    .filter((q) => !q.querySelector('[{DONE}]'));
  return {{ controls: controls.map(label), questions: questions.map(label) }};
}}"""
WHERE = """() => {
  const e = document.activeElement;
  return e ? `${e.tagName}.${e.className} ${(e.textContent || '').trim().slice(0, 40)}` : '';
}"""
ANSWER_BUTTONS = ("Check", "Lock in my prediction", "Save my answer")


def to_the_top(run) -> None:
    """The lesson as it opens, then its first cell selected from the keyboard (command mode:
    ArrowUp selects the cell above), so the next Tab enters the lesson from the top."""
    run.notebook().evaluate("(notebook) => notebook.focus()")
    cells = run.notebook().locator(".jp-Cell").count()
    run.page.keyboard.press("Escape")
    for _ in range(cells):
        run.page.keyboard.press("ArrowUp")


class Walk:
    """What the walk did: per simulation, whether a figure changed; questions answered."""

    def __init__(self, run) -> None:
        self.run = run
        self.changed: dict[int, bool] = {}
        self.answered: list[str] = []
        self.log: list[str] = []

    def redraws(self, block: int, key: str, tries: int = 1) -> None:
        """Press ``key`` on the focused control of simulation ``block``; note a redraw."""
        simulation = (
            self.run.notebook()
            .locator(".lessons-sim, .lessons-quiz, .lessons-prediction, .lessons-written")
            .nth(block)
        )
        for _ in range(tries):
            redraw = timed_change(
                self.run,
                simulation,
                lambda: self.run.page.keyboard.press(key),
                what=f"{key} from the keyboard",
                may_leave_figures=True,
            )
            if redraw is not None:
                self.changed[block] = True
                return
        self.changed.setdefault(block, False)

    def act(self, focused: dict) -> None:
        page, kind, block = self.run.page, focused["kind"], focused.get("block")
        self.log.append(f"{kind} {focused.get('blockKind')} {block}: {focused['text']!r}")
        page.evaluate(MARK)
        if focused["blockKind"] == "sim":
            if kind == "slider":
                at_max = page.evaluate(
                    "() => Number(document.activeElement.value) >= "
                    "Number(document.activeElement.max)"
                )
                self.redraws(block, "ArrowLeft" if at_max else "ArrowRight", tries=4)
            elif kind == "select":
                self.redraws(block, "ArrowDown")
            elif kind in ("checkbox", "toggle", "button"):
                self.redraws(block, "Space")
            elif kind == "text":
                page.keyboard.type("nerve")
                page.keyboard.press("Enter")
                self.run.wait_for_kernel_idle()
            return
        if kind == "radio":
            page.keyboard.press("ArrowDown")  # moves to the next option and chooses it
        elif kind in ("checkbox",):
            page.keyboard.press("Space")
        elif kind == "select":
            page.keyboard.press("ArrowDown")
        elif kind == "text":
            page.keyboard.type("10")
        elif kind == "textarea":
            page.keyboard.type(WRITTEN_ANSWER)
        elif kind == "button" and focused["text"] in ANSWER_BUTTONS:
            # The page holds a widget's later changes until the kernel took the first.
            for _ in range(3):
                page.wait_for_timeout(200)
                self.run.wait_for_kernel_idle()
            page.keyboard.press("Enter")
            self.answered.append(f"{block}: {focused['text']}")
        else:
            page.evaluate(f"() => document.activeElement.removeAttribute('{DONE}')")
        self.run.wait_for_kernel_idle()


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_the_whole_lesson_by_keyboard(notebook, lessons):
    # A fresh run: the student tests before it have answered questions on the shared page.
    run = lessons.fresh(notebook.stem)
    to_the_top(run)
    walk = Walk(run)
    entered = False
    for _ in range(MAX_TABS):
        run.page.keyboard.press("Tab")
        focused = run.page.evaluate(FOCUSED)
        if focused["kind"] == "outside":
            if entered:
                walk.log.append(f"left the lesson at {run.page.evaluate(WHERE)}")
                break  # past the last cell: back in JupyterLab's own interface
            continue
        entered = True
        if focused["kind"] != "pass" and not focused["done"]:
            walk.act(focused)
    else:
        pytest.fail(f"{run.name}: {MAX_TABS} presses of Tab did not get through the lesson")
    left = run.page.evaluate(LEFT_OVER)
    print(f"{run.name}: {len(walk.log)} controls acted on, answered {walk.answered}")
    assert not left["controls"], f"{run.name}: controls Tab never reached: {left['controls']}"
    assert not left["questions"], (
        f"{run.name}: questions Tab never reached: {left['questions']}\n" + "\n".join(walk.log)
    )
    unchanged = [block for block, changed in walk.changed.items() if not changed]
    assert not unchanged, (
        f"{run.name}: simulations whose figures did not change from the keyboard: {unchanged}\n"
        + "\n".join(walk.log)
    )
    quizzes = run.notebook().locator(".lessons-quiz")
    for index in range(quizzes.count()):
        expect(quizzes.nth(index).locator(".lessons-quiz-feedback")).not_to_be_empty(
            timeout=FEEDBACK_TIMEOUT_MS
        )
