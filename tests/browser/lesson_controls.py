"""Move a simulation's controls as a student would, and time the figure's redraw.

A slider of the course (``lessons.controls``) is a native ``<input type="range">`` named by
its ``<label>``: it takes the keyboard (arrows, Page Up/Down, Home, End) once focused, and the
mouse by dragging its thumb. Tick boxes and toggle buttons
take Space; a dropdown is changed by picking another entry of its list.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass

from lab_page import REDRAW_TIMEOUT_MS, LessonRun
from playwright.sync_api import Locator
from playwright.sync_api import TimeoutError as PlaywrightTimeout

TIMING_DONE = """() => {
  const timing = window.lessonsProbe.timing();
  return Boolean(timing && timing.end !== null);
}"""
PAINTED = """() => {
  const timing = window.lessonsProbe.timing();
  return Boolean(timing && timing.painted !== null);
}"""
#: How long after the first DOM change to wait for plotly_afterplot and the paint after it.
PAINT_TIMEOUT_MS = 5_000


@dataclass(frozen=True)
class Slider:
    """One slider of a simulation: its visible label and its range input (``handle``)."""

    label: str
    handle: Locator

    def value(self) -> float:
        return float(self.handle.input_value())

    def state(self) -> tuple[str | None, str | None]:
        """What tells two positions apart: the value and the value text read out with it."""
        return (self.handle.input_value(), self.handle.get_attribute("aria-valuetext"))

    def bounds(self) -> tuple[float, float]:
        return (
            float(self.handle.get_attribute("min")),
            float(self.handle.get_attribute("max")),
        )

    def room_to_grow(self) -> bool:
        """True when the value sits in the lower half, so moving it up has room."""
        low, high = self.bounds()
        return self.value() < (low + high) / 2


@dataclass(frozen=True)
class Redraw:
    """How long a figure took to change after an input, and which figures changed."""

    milliseconds: float
    changed_plots: tuple[bool, ...]
    #: To the figure fully redrawn (plotly_afterplot, then a paint); None if not seen in time.
    painted_milliseconds: float | None = None


#: A course slider (lessons.controls.slider) and its range input.
SLIDER = ".lessons-slider"
SLIDER_INPUT = "input[type=range]"


def sliders_in(simulation: Locator) -> list[Slider]:
    """The simulation's sliders in screen order."""
    found = []
    boxes = simulation.locator(SLIDER)
    for index in range(boxes.count()):
        box = boxes.nth(index)
        label = box.locator("label").first.text_content() or f"slider {index + 1}"
        found.append(Slider(label=label.strip(), handle=box.locator(SLIDER_INPUT).first))
    return found


# Scrolled into view first: JupyterLab lays out a cell only once it comes on screen.
TRACK_WIDTH = """async (track) => {
  track.scrollIntoView({ block: "center" });
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  return track.getBoundingClientRect().width;
}"""


def slider_tracks(run: LessonRun) -> list[tuple[str, float]]:
    """Every slider of the lesson, in order: its label and its track's width (px), the track
    being the range input the thumb moves along."""
    boxes = run.notebook().locator(SLIDER)
    found = []
    for index in range(boxes.count()):
        box = boxes.nth(index)
        label = " ".join((box.locator("label").first.text_content() or "").split())
        width = box.locator(SLIDER_INPUT).first.evaluate(TRACK_WIDTH)
        found.append((label or f"slider {index + 1}", float(width)))
    return found


def simulation_caption(simulation: Locator) -> str:
    """A short name for a simulation block: the start of its caption."""
    caption = simulation.locator(".lessons-sim-caption")
    text = caption.first.text_content() if caption.count() else ""
    return " ".join((text or "").split())[:80]


#: How long a figure may stay unchanged after the kernel has finished with an input before
#: the input counts as one that, by design, leaves every figure as it was.
SETTLED_MS = 2000


def _redrawn_or_settled(run: LessonRun) -> bool:
    """Wait until a figure changed (True) or the kernel is idle and nothing changed within
    ``SETTLED_MS`` (False: the input left the figures as they were)."""
    try:
        run.page.wait_for_function(TIMING_DONE, timeout=SETTLED_MS)
        return True
    except PlaywrightTimeout:
        pass
    run.wait_for_kernel_idle()
    try:
        run.page.wait_for_function(TIMING_DONE, timeout=SETTLED_MS)
        return True
    except PlaywrightTimeout:
        return False


def timed_change(
    run: LessonRun,
    simulation: Locator,
    act: Callable[[], None],
    what: str = "the input",
    may_leave_figures: bool = False,
) -> Redraw | None:
    """Do ``act`` (an input on a control of ``simulation``); wait for one of its figures to
    show different data or layout; return the time between the input and that redraw.

    With ``may_leave_figures``, an input after which the kernel goes idle and no figure
    changes returns ``None`` (one more percent of force may need no more motor units)."""
    plots = simulation.evaluate("(root) => window.lessonsProbe.armTiming(root)")
    if plots == 0:
        raise AssertionError(f"{run.name}: the simulation has no plotly figure to watch")
    act()
    try:
        if may_leave_figures and not _redrawn_or_settled(run):
            return None
        run.page.wait_for_function(TIMING_DONE, timeout=REDRAW_TIMEOUT_MS)
    except PlaywrightTimeout:
        timing = run.page.evaluate("window.lessonsProbe.timing()")
        seen = "was seen" if timing and timing["start"] is not None else "was NOT seen"
        raise AssertionError(
            f"{run.name}: no figure of the simulation ({simulation_caption(simulation)!r}) "
            f"changed within {REDRAW_TIMEOUT_MS / 1000:.0f} s of {what} (the input {seen} by "
            f"the page){run.diagnostics()}"
        ) from None
    # Not seen in time: reported as not measured (the DOM change above proves the redraw).
    with contextlib.suppress(PlaywrightTimeout):
        run.page.wait_for_function(PAINTED, timeout=PAINT_TIMEOUT_MS)
    timing = run.page.evaluate("window.lessonsProbe.timing()")
    run.wait_for_kernel_idle()  # let any further updates from this input settle
    painted = timing.get("painted")
    return Redraw(
        milliseconds=round(timing["end"] - timing["start"], 1),
        changed_plots=tuple(timing["changed"]),
        painted_milliseconds=None if painted is None else round(painted - timing["start"], 1),
    )


def press(slider: Slider, key: str) -> Callable[[], None]:
    """An action: focus the slider's handle and press ``key`` (as Tab then a key would)."""

    def act() -> None:
        slider.handle.focus()
        slider.handle.press(key)

    return act


#: The course slider's thumb (lessons.controls.slider), in CSS px.
THUMB_PX = 18


def drag(run: LessonRun, slider: Slider, pixels: float) -> Callable[[], None]:
    """An action: drag the thumb ``pixels`` to the right (negative: left) with the mouse."""

    def act() -> None:
        slider.handle.scroll_into_view_if_needed()
        box = slider.handle.bounding_box()
        if box is None:
            raise AssertionError(f"{run.name}: slider {slider.label!r} is not visible")
        # Grab the thumb where it is: the range input's thumb travels the track less its width.
        low, high = slider.bounds()
        fraction = (slider.value() - low) / (high - low) if high > low else 0.0
        x = box["x"] + THUMB_PX / 2 + fraction * (box["width"] - THUMB_PX)
        y = box["y"] + box["height"] / 2
        mouse = run.page.mouse
        mouse.move(x, y)
        mouse.down()
        mouse.move(x + pixels, y, steps=5)
        mouse.up()

    return act


# Controls other than sliders, in the order a student meets them in a simulation block.
OTHER_CONTROLS = (
    ".widget-dropdown select:not([disabled]), "
    ".widget-checkbox input[type=checkbox]:not([disabled]), "
    ".widget-toggle-buttons button:not([disabled])"
)
CONTROL_LABEL = """(element) => {
  const text = (node) => (node ? node.textContent : '').replace(/[\\s\\u200b]+/g, ' ').trim();
  if (element.type === 'checkbox') return text(element.closest('label'));
  const box = element.closest('.widget-dropdown, .widget-toggle-buttons');
  return text(box && box.querySelector('.widget-label')) || text(element);
}"""


@dataclass(frozen=True)
class Control:
    """A control that is not a slider: a dropdown, a tick box or a row of toggle buttons."""

    label: str
    action: str
    act: Callable[[], None]


def first_other_control(simulation: Locator) -> Control | None:
    """The simulation's first dropdown, tick box or toggle-button row, with a keyboard (or,
    for a dropdown, a pick-from-the-list) action that changes its value."""
    found = simulation.locator(OTHER_CONTROLS)
    if found.count() == 0:
        return None
    element = found.first
    label = element.evaluate(CONTROL_LABEL)
    tag = element.evaluate("(element) => element.tagName")
    # Each action looks at the control when it runs, so repeating it changes the value again.
    if tag == "SELECT":

        def pick_next() -> None:
            options = element.locator("option").count()
            current = element.evaluate("(select) => select.selectedIndex")
            element.select_option(index=(current + 1) % options if options > 1 else current)

        return Control(label, "pick the next option", pick_next)
    if tag == "BUTTON":
        group = element.locator("xpath=ancestor::*[contains(@class, 'widget-toggle-buttons')][1]")

        def press_another() -> None:
            group.locator("button:not(.mod-active):not([disabled])").first.press("Space")

        return Control(label, "Space on another button", press_another)
    return Control(label, "Space", lambda: element.press("Space"))
