"""Drive one lesson in JupyterLab the way a student does: open it, restart and run all, look.

Every wait here waits for a condition in the page (kernel idle, prompts numbered, widgets
drawn), never for a fixed time, so the suite is as fast as the machine allows and a slow
machine only needs larger timeouts.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lab_server import LabServer
from lesson_expectations import (
    LessonExpectation,
    RenderingProblems,
    lesson_expectation,
    rendering_problems,
)
from playwright.sync_api import Browser, BrowserContext, Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

PROBES = (Path(__file__).parent / "probes.js").read_text(encoding="utf-8")
VIEWPORT = {"width": 1280, "height": 900}
# Chromium cannot capture a page taller than about 16 000 px in one screenshot.
SCREENSHOT_MAX_HEIGHT = 15_000

# Generous: the CI machine has two cores and may run other jobs at the same time.
PAGE_LOAD_TIMEOUT_MS = 120_000
RUN_ALL_TIMEOUT_MS = 300_000
RENDER_TIMEOUT_S = 120.0
REDRAW_TIMEOUT_MS = 60_000

KERNEL_IDLE = """() => Array.from(
    document.querySelectorAll('#jp-main-statusbar .jp-StatusBar-TextItem'))
  .some((item) => /\\|\\s*Idle\\s*$/.test(item.textContent))"""
NOTEBOOK_READY = """(count) => {
  const cells = document.querySelectorAll(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell');
  return cells.length === count;
}"""
# Before Run All every code prompt is overwritten with a marker; JupyterLab rewrites a
# prompt when its cell is queued ("[*]") and again when it has run ("[3]") or was skipped
# after an error ("[ ]"). No marker and no star left means the run is over.
MARK_PROMPTS = """() => document
  .querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt')
  .forEach((prompt) => { prompt.textContent = '[stale]:'; })"""
RUN_FINISHED = """() => Array.from(document.querySelectorAll(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt'))
  .every((prompt) => !/stale|\\*/.test(prompt.textContent))"""
NOTEBOOK_SCROLLER = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer"


class LessonSetupError(RuntimeError):
    """The lesson could not even be opened and run; every test of it fails with this."""


@dataclass
class LessonRun:
    """One lesson open in its own browser page, after Restart Kernel and Run All Cells."""

    name: str
    page: Page
    expectation: LessonExpectation
    run_seconds: float
    problems: RenderingProblems
    console_errors: list[str] = field(default_factory=list)

    def notebook(self) -> Locator:
        return self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")

    def simulations(self) -> Locator:
        return self.notebook().locator(".lessons-sim")

    def wait_for_kernel_idle(self, timeout_ms: int = REDRAW_TIMEOUT_MS) -> None:
        self.page.wait_for_function(KERNEL_IDLE, timeout=timeout_ms)

    def diagnostics(self) -> str:
        """Browser console errors, to append to a failure message."""
        if not self.console_errors:
            return ""
        return "\nBrowser console errors:\n" + "\n".join(self.console_errors[-10:])


def new_browser_context(browser: Browser) -> BrowserContext:
    """The session's browser context: one window size, the probes in every page.

    Pages of one context share the HTTP cache, so JupyterLab's scripts load once.
    """
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(PROBES)
    return context


def open_lesson(
    context: BrowserContext, server: LabServer, notebook: Path, screenshot: Path | None = None
) -> LessonRun:
    """Open ``notebook`` in a fresh page, restart its kernel, run all cells, wait.

    What the lesson should show is read from the server's copy, which is what the page runs.
    """
    expectation = lesson_expectation(server.root_dir / notebook.name)
    page = context.new_page()
    console_errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            console_errors.append(message.text[:500]) if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: console_errors.append(f"page error: {error}"[:500]))
    step = "load JupyterLab"
    try:
        page.goto(server.notebook_url(notebook.name), timeout=PAGE_LOAD_TIMEOUT_MS)
        step = f"show the notebook's {expectation.cell_count} cells"
        page.wait_for_function(
            NOTEBOOK_READY, arg=expectation.cell_count, timeout=PAGE_LOAD_TIMEOUT_MS
        )
        step = "start the kernel (status bar 'Idle')"
        page.wait_for_function(KERNEL_IDLE, timeout=PAGE_LOAD_TIMEOUT_MS)
        started = time.monotonic()
        step = "restart the kernel and run all cells"
        restart_kernel_and_run_all(page)
        run_seconds = time.monotonic() - started
    except PlaywrightTimeout as error:
        if screenshot is not None:
            save_screenshot(page, screenshot)
        page.close()
        console = "\n".join(console_errors[-10:])
        raise LessonSetupError(
            f"{notebook.name}: JupyterLab did not {step}: {error}\n"
            f"Server log:\n{server.log_tail()}\nBrowser console errors:\n{console}"
        ) from None
    run = LessonRun(
        name=notebook.stem,
        page=page,
        expectation=expectation,
        run_seconds=run_seconds,
        problems=RenderingProblems(errors=(), missing=()),
        console_errors=console_errors,
    )
    run.problems = wait_for_rendering(page, expectation)
    if screenshot is not None:
        save_screenshot(page, screenshot)
    return run


def restart_kernel_and_run_all(page: Page) -> None:
    """Run → Restart Kernel and Run All Cells…, confirm, and wait for the run to end."""
    page.evaluate(MARK_PROMPTS)
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name=re.compile(r"^Restart Kernel and Run All Cells")).click()
    page.locator(".jp-Dialog .jp-mod-accept").click()
    page.wait_for_function(RUN_FINISHED, timeout=RUN_ALL_TIMEOUT_MS)
    page.wait_for_function(KERNEL_IDLE, timeout=RUN_ALL_TIMEOUT_MS)


def wait_for_rendering(page: Page, expectation: LessonExpectation) -> RenderingProblems:
    """Poll the page until it shows all it should (or time runs out); return what is wrong.

    Errors end the wait at once: after the run, a failed cell or widget stays failed.
    """
    deadline = time.monotonic() + RENDER_TIMEOUT_S
    while True:
        problems = rendering_problems(expectation, page.evaluate("window.lessonsProbe.cells()"))
        if problems.settled or time.monotonic() > deadline:
            return problems
        page.wait_for_timeout(250)  # polling interval, not a wait for something to happen


def wait_until(page: Page, check: Callable[[], bool], what: str, timeout_s: float = 60.0) -> None:
    """Poll a condition that needs Python to evaluate (e.g. comparing data read from a plot)."""
    deadline = time.monotonic() + timeout_s
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout_s:.0f} s waiting for {what}")
        page.wait_for_timeout(100)  # polling interval


def save_screenshot(page: Page, path: Path) -> None:
    """The whole notebook in one picture: grow the window to the notebook's height."""
    path.parent.mkdir(parents=True, exist_ok=True)
    extra = page.evaluate(
        """(selector) => {
             const scroller = document.querySelector(selector);
             if (!scroller) return 0;
             scroller.scrollTop = 0;
             return scroller.scrollHeight - scroller.clientHeight;
           }""",
        NOTEBOOK_SCROLLER,
    )
    height = min(VIEWPORT["height"] + max(int(extra), 0), SCREENSHOT_MAX_HEIGHT)
    page.set_viewport_size({"width": VIEWPORT["width"], "height": height})
    try:
        page.evaluate(
            "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
        )
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(VIEWPORT)


def close_lesson(run: LessonRun, server: LabServer) -> None:
    """Close the page (without saving) and shut the lesson's kernel down."""
    run.page.close()
    server.shut_down_kernels()
