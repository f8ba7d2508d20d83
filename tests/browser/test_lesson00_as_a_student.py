"""Lesson 00 used as a student uses it: answer the quiz by clicking, move the twitch sliders.

Texts come from the question bank (``data/quizzes/00_welcome.yaml``) through
``lessons.quiz.load_bank``, so editing the bank never makes these tests stale.
"""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser

import pytest
from browser_reports import ControlTiming
from lesson_controls import Slider, drag, press, simulation_caption, sliders_in, timed_change
from playwright.sync_api import Locator, expect

from lessons.quiz import Score, load_bank
from lessons.quiz.markdown import render_markdown
from lessons.quiz.schema import SingleChoiceQuestion

pytestmark = pytest.mark.browser

LESSON = "00_welcome"
STUDENT_TESTS = True  # conftest runs these after the generic checks of the lesson
FEEDBACK_TIMEOUT_MS = 60_000


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(markdown: str) -> str:
    """What a student reads of a bank's Markdown once rendered: the text, spaces collapsed."""
    parser = _TextOnly()
    parser.feed(render_markdown(markdown))
    return " ".join("".join(parser.parts).split())


@pytest.fixture(scope="module")
def question() -> SingleChoiceQuestion:
    """The lesson's first single-choice question."""
    bank = load_bank(LESSON)
    return next(q for q in bank.questions if isinstance(q, SingleChoiceQuestion))


@pytest.fixture
def run(lessons):
    return lessons.get(LESSON)


def question_block(run, question: SingleChoiceQuestion) -> Locator:
    """The `.lessons-quiz` block of ``question``, found by one of its choices."""
    first_choice = run.page.get_by_role("radio", name=question.choices[0].text, exact=True)
    block = run.notebook().locator(".lessons-quiz").filter(has=first_choice)
    expect(block).to_have_count(1)
    return block


def start_over(block: Locator) -> None:
    """Press "Try again" if an earlier answer left the question finished or graded."""
    try_again = block.get_by_role("button", name="Try again")
    if try_again.is_enabled():
        try_again.click()
        expect(block.locator(".lessons-quiz-feedback")).to_have_text("")
    expect(block.get_by_role("radio").first).to_be_enabled()


def test_single_choice_feedback_for_a_wrong_then_the_right_answer(run, question):
    block = question_block(run, question)
    start_over(block)
    feedback = block.locator(".lessons-quiz-feedback")
    wrong = next(choice for choice in question.choices if not choice.correct)
    right = next(choice for choice in question.choices if choice.correct)

    block.get_by_role("radio", name=wrong.text, exact=True).click()
    block.get_by_role("button", name="Check").click()
    expect(feedback).to_contain_text(plain_text(wrong.feedback), timeout=FEEDBACK_TIMEOUT_MS)
    expect(feedback).to_contain_text("Not quite")
    expect(block.locator(".lessons-quiz-explanation")).to_have_text("")

    block.get_by_role("radio", name=right.text, exact=True).click()
    block.get_by_role("button", name="Check").click()
    expect(feedback).to_contain_text(plain_text(right.feedback), timeout=FEEDBACK_TIMEOUT_MS)
    expect(feedback).to_contain_text("Right")
    expect(block.locator(".lessons-quiz-explanation")).to_contain_text(
        plain_text(question.explanation)[:80]
    )
    # Solved on the second try: the quiz's running score says so.
    # The quiz counts its own questions: the lesson's predictions have cells of their own.
    total = sum(1 for q in load_bank(LESSON).questions if q.group is None)
    score = Score(total=total, attempted=1, solved=1, first_try_correct=0)
    expect(run.notebook().locator(".lessons-quiz-score")).to_have_text(score.text())


ACTIVE_ELEMENT = """() => {
  const element = document.activeElement;
  const label = element && element.closest('label');
  return {
    tag: element ? element.tagName : '',
    type: element && element.type ? element.type : '',
    text: ((label || element || {}).textContent || '').trim().replace(/\\s+/g, ' '),
  };
}"""


def settle_kernel(run, pause_ms: int = 300, rounds: int = 3) -> None:
    """Let the kernel take every change the page holds back (a person's pause, no more)."""
    for _ in range(rounds):
        run.page.wait_for_timeout(pause_ms)
        run.wait_for_kernel_idle()


def tab_to(run, wanted, limit: int = 20) -> None:
    """Press Tab until the focused element matches ``wanted`` (a predicate on its info)."""
    for _ in range(limit):
        if wanted(run.page.evaluate(ACTIVE_ELEMENT)):
            return
        run.page.keyboard.press("Tab")
    focused = run.page.evaluate(ACTIVE_ELEMENT)
    raise AssertionError(f"{limit} presses of Tab did not reach it; focus is on {focused}")


def test_quiz_can_be_answered_with_the_keyboard_alone(run, question):
    """The options are one radio group (ARIA authoring practices): Tab reaches it once, the
    arrow keys choose, the next Tab leaves it for Check, and Enter presses Check."""
    block = question_block(run, question)
    start_over(block)
    right = next(choice for choice in question.choices if choice.correct)
    right_text = " ".join(right.text.split())
    radios = block.get_by_role("radio")
    group = block.get_by_role("radiogroup")
    expect(group).to_have_count(1)
    expect(group).to_have_accessible_name(re.compile(r"\w"))
    # Tab from the element before the group lands on its first option, and only once.
    radios.first.focus()
    run.page.keyboard.press("Shift+Tab")
    tab_to(run, lambda element: element["type"] == "radio")
    assert radios.first.evaluate("(radio) => radio === document.activeElement")
    for _ in range(radios.count()):
        if run.page.evaluate(ACTIVE_ELEMENT)["text"] == right_text:
            break
        run.page.keyboard.press("ArrowDown")  # moves to the next option and chooses it
    run.page.keyboard.press("Space")  # chooses the first option too, should it be the one
    expect(block.get_by_role("radio", name=right.text, exact=True)).to_be_checked()
    # The page sends a widget one change at a time and holds the later ones until the kernel
    # has taken the first: a Check pressed within milliseconds would overtake the last arrow.
    settle_kernel(run)
    run.page.keyboard.press("Tab")
    focused = run.page.evaluate(ACTIVE_ELEMENT)
    assert focused["tag"] == "BUTTON" and focused["text"] == "Check", (
        f"one Tab from the chosen option should reach Check, not {focused}"
    )
    run.page.keyboard.press("Enter")
    expect(block.locator(".lessons-quiz-feedback")).to_contain_text(
        plain_text(right.feedback), timeout=FEEDBACK_TIMEOUT_MS
    )


def twitch_slider(run) -> tuple[int, Locator, Slider]:
    """The simulation holding the "Contraction time" slider: its index, block and slider."""
    for index in range(run.simulations().count()):
        simulation = run.simulations().nth(index)
        for slider in sliders_in(simulation):
            if slider.label.startswith("Contraction time"):
                return index, simulation, slider
    raise AssertionError(f"{LESSON}: no 'Contraction time' slider in any simulation")


def curves(simulation: Locator) -> list[list[dict]]:
    """Every figure's traces as plotly drew them (``el.calcdata``: the points on screen)."""
    return simulation.locator(".js-plotly-plot").evaluate_all(
        """(plots) => plots.map((plot) => (plot.calcdata || []).map((points) => ({
             x: points.map((point) => point.x), y: points.map((point) => point.y),
           })))"""
    )


def peak_times(traces: list[dict]) -> list[float]:
    """Time of the maximum of every curve (traces with more than one point)."""
    return [
        trace["x"][max(range(len(trace["y"])), key=trace["y"].__getitem__)]
        for trace in traces
        if len(trace["y"]) > 1
    ]


def moved_peaks(traces: list[list[dict]], traces_before: list[list[dict]]) -> list[float]:
    """Peak times of the curves of the first figure that changed."""
    return [
        peak
        for now, then in zip(traces[0], traces_before[0], strict=True)
        if now != then
        for peak in peak_times([now])
    ]


def settle(run, simulation: Locator, slider: Slider, traces_before, seconds: float = 10.0):
    """The slider's value and the figure's curves once the redrawn peak has caught up with the
    slider (or the time is up: the assertions then report what was left)."""
    deadline = time.monotonic() + seconds
    while True:
        value, traces = slider.value(), curves(simulation)
        moved = moved_peaks(traces, traces_before)
        if (moved and all(abs(peak - value) <= 1.0 for peak in moved)) or (
            time.monotonic() > deadline
        ):
            return value, traces
        run.page.wait_for_timeout(100)


def test_contraction_time_slider_by_keyboard_and_mouse_redraws_the_twitch(run, timing_report):
    index, simulation, slider = twitch_slider(run)
    low, high = slider.bounds()
    caption = f"{index + 1}: {simulation_caption(simulation)}"
    steps = [
        ("ArrowRight", press(slider, "ArrowRight")),
        ("End", press(slider, "End")),
        ("mouse drag", drag(run, slider, -120)),
    ]
    for action, act in steps:
        value_before = slider.value()
        traces_before = curves(simulation)
        redraw = timed_change(run, simulation, act, what=f"{action} on {slider.label!r}")
        # A drag passes through several values, each redrawn in turn: wait for the last one.
        value, traces = settle(run, simulation, slider, traces_before)
        if action == "ArrowRight":
            assert value > value_before
        elif action == "End":
            assert value == high
        else:
            assert low <= value < value_before
        assert traces != traces_before, f"{action}: the figure's data did not change"
        # Fuglevand et al. (1993) twitch, f(t) = P t/T exp(1 - t/T): its maximum lies at
        # t = T, the contraction time the slider sets. The curve is sampled every 1 ms.
        moved = moved_peaks(traces, traces_before)
        assert moved, f"{action}: no redrawn curve to read the peak from"
        assert all(abs(peak - value) <= 1.0 for peak in moved), (
            f"{action}: slider at {value} ms, redrawn curves peak at {moved} ms"
        )
        timing_report.add(
            ControlTiming(
                lesson=LESSON,
                simulation=caption,
                control=slider.label,
                action=action,
                milliseconds=redraw.milliseconds,
                painted_milliseconds=redraw.painted_milliseconds,
            )
        )


def test_twitch_readout_names_the_contraction_time(run):
    """The text readout under the figure follows the slider (screen readers read it)."""
    _, simulation, slider = twitch_slider(run)
    readout = simulation.locator(".lessons-sim-readout")
    expect(readout).to_contain_text(re.compile(rf"\b{slider.value():.0f} ms\b"))


def test_after_saving_and_reloading_the_page_the_figure_matches_the_controls(run):
    """A student saves, reloads the page while the kernel runs: the figure must come back as
    last drawn, not as first built (plotly's widget alone would redraw the twitch at zero)."""
    from lab_page import KERNEL_IDLE, wait_for_rendering

    _, simulation, slider = twitch_slider(run)
    traces_before = curves(simulation)
    target = "End" if slider.room_to_grow() else "Home"
    timed_change(run, simulation, press(slider, target), what=f"{target} on {slider.label!r}")
    value, _traces = settle(run, simulation, slider, traces_before)
    run.notebook().click(position={"x": 5, "y": 5})  # command mode, so Ctrl+S saves
    run.page.keyboard.press("Control+s")
    run.page.wait_for_function(
        "() => !document.querySelector('.lm-DockPanel-tabBar .lm-TabBar-tab.jp-mod-dirty')",
        timeout=30_000,
    )
    run.page.reload()
    run.page.wait_for_function(KERNEL_IDLE, timeout=60_000)
    problems = wait_for_rendering(run.page, run.expectation)
    assert not problems.errors, problems.errors
    _, simulation, slider = twitch_slider(run)
    assert slider.value() == value, "the slider lost its value on reload"
    reloaded = curves(simulation)
    peaks = peak_times(reloaded[0])
    assert any(abs(peak - value) <= 1.0 for peak in peaks), (
        f"after the reload the slider is at {value} ms but the curves peak at {peaks} ms"
    )
